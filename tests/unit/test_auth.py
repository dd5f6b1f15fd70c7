"""Accounts, roles and the encrypted register: what each role may do through the public
functions of models/, and what an attacker with the file (or a wrong password) gets: nothing."""

from __future__ import annotations

import inspect
import json
import sqlite3
from datetime import datetime, timedelta

import pytest
from conftest import ADMIN, PASSWORD, admin_login, make_plain_register

from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import crypto, households, search, stats
from kyodo_desktop.models.auth import LoginBackoff
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.households import HouseholdData, PersonData
from kyodo_desktop.models.register import (
    Credentials,
    Register,
    UnencryptedRegisterError,
    encrypt_register,
)

HANCHO = ("1班 班長 佐藤", "hancho-pass-1")
VIEWER = ("閲覧 鈴木", "viewer-pass-1")


@pytest.fixture
def town(register):
    """Two 班 with one household each, a 班長 for 1班 and a viewer; returns ids, register closed."""
    b1 = households.add_block(register, "1班")
    b2 = households.add_block(register, "2班")
    h1 = households.save_household(register, HouseholdData(block_id=b1, persons=[PersonData(family_name="一之瀬", given_name="花子")]))
    h2 = households.save_household(register, HouseholdData(block_id=b2, persons=[
        PersonData(family_name="二階堂", given_name="太郎"), PersonData(family_name="二階堂", given_name="次郎", relation="子")]))
    acc.add_account(register, HANCHO[0], "班長", HANCHO[1], block_id=b1)
    acc.add_account(register, VIEWER[0], "閲覧", VIEWER[1])
    p2 = register.conn.execute("SELECT id FROM persons WHERE household_id = ? LIMIT 1", [h2]).fetchone()[0]
    p1 = register.conn.execute("SELECT id FROM persons WHERE household_id = ? LIMIT 1", [h1]).fetchone()[0]
    path = register.path
    register.close()
    return {"path": path, "b1": b1, "b2": b2, "h1": h1, "h2": h2, "p1": p1, "p2": p2}


def _open(town, who, tmp_path):
    return Register.open(town["path"], Credentials(*who), backup_dir=tmp_path / "backups")


def test_hancho_sees_and_changes_only_their_own_block(town, tmp_path):
    reg = _open(town, HANCHO, tmp_path)
    try:
        assert reg.session.role == "班長" and reg.session.block_ids == {town["b1"]}
        index = search.HouseholdIndex.load(reg)
        assert [r.id for r in index.rows] == [town["h1"]]
        assert [b.id for b in households.list_blocks(reg)] == [town["b1"]]
        assert stats.counts(reg)["households"] == 1 and list(stats.counts(reg)["blocks"]) == ["1班"]
        assert households.recent_changes(reg) == []  # the audit log names people of every 班
        assert households.get_household(reg, town["h1"]).persons[0].family_name == "一之瀬"
        own = households.get_household(reg, town["h1"])
        own.notes = "班長が更新"
        households.save_household(reg, own)  # own 班: allowed
        denied = [
            lambda: households.get_household(reg, town["h2"]),
            lambda: households.save_household(reg, HouseholdData(id=town["h2"], block_id=town["b2"], persons=[PersonData(family_name="x")])),
            lambda: households.save_household(reg, HouseholdData(block_id=town["b2"], persons=[PersonData(family_name="新")])),
            lambda: households.save_household(reg, HouseholdData(id=town["h1"], block_id=town["b2"], persons=own.persons)),
            lambda: households.change_household_status(reg, town["h2"], "転出", "2026-11-01"),
            lambda: households.move_person(reg, town["p2"], town["h1"]),
            lambda: households.move_person(reg, town["p1"], town["h2"]),
            lambda: households.set_circulation_order(reg, town["b2"], [town["h2"]]),
            lambda: households.move_in_circulation(reg, town["h2"], 1),
            lambda: households.add_block(reg, "3班"),
            lambda: households.rename_block(reg, town["b2"], "二班"),
            lambda: households.set_block_leader(reg, town["b2"], town["p2"]),
            lambda: households.add_officer(reg, town["p2"], "会計", 2026, "2026-04-01"),
            lambda: households.update_association(reg, name="乗っ取り町会"),
            lambda: acc.list_accounts(reg),
            lambda: acc.add_account(reg, "新人", "管理者", "new-admin-pass"),
            lambda: reg.restore(reg.backup("manual")),
        ]
        for n, call in enumerate(denied):
            with pytest.raises(PermissionDenied):
                call()
            assert n >= 0
        # a person of another 班 slipped into one's own household (found in review): refused too
        with pytest.raises(RegisterError, match="この世帯の人ではない"):
            households.save_household(reg, HouseholdData(
                id=town["h1"], block_id=town["b1"], persons=[*own.persons, PersonData(id=town["p2"], family_name="乗っ取り")]))
    finally:
        reg.close()
    admin = _open(town, (ADMIN, PASSWORD), tmp_path)
    try:  # nothing of 2班 changed
        other = households.get_household(admin, town["h2"])
        assert [p.family_name for p in other.persons] == ["二階堂", "二階堂"] and other.status == "加入"
        assert households.get_association(admin)["name"] == "テスト町会"
    finally:
        admin.close()


def test_every_public_register_function_is_covered_by_the_permission_tests():
    """A new public function in these modules must be added to the tests above (and check the session)."""
    covered = {
        "get_household", "save_household", "change_household_status", "move_person", "set_circulation_order",
        "move_in_circulation", "add_block", "rename_block", "set_block_leader", "add_officer",
        "update_association", "list_blocks", "recent_changes",
        # no personal data: the association's own record, pure helpers
        "get_association", "validate_household", "validate_person", "person_index_fields", "to_dict",
    }
    public = {n for n, f in inspect.getmembers(households, inspect.isfunction)
              if not n.startswith("_") and f.__module__ == households.__name__}
    assert public - covered == set()


def test_viewer_reads_but_changes_nothing(town, tmp_path):
    reg = _open(town, VIEWER, tmp_path)
    try:
        assert len(search.HouseholdIndex.load(reg)) == 2
        with pytest.raises(PermissionDenied):  # a copy of the whole register is an output (found in review)
            reg.backup("manual", tmp_path / "USB" / "copy.kyodo")
        assert not (tmp_path / "USB").exists()
        data = households.get_household(reg, town["h2"])
        with pytest.raises(PermissionDenied, match="閲覧"):
            households.save_household(reg, data)
        with pytest.raises(PermissionDenied):
            households.change_household_status(reg, town["h1"], "退会", "2026-11-01")
    finally:
        reg.close()


def test_no_personal_data_in_the_files_and_plain_sqlite_cannot_read(town, tmp_path):
    reg = _open(town, (ADMIN, PASSWORD), tmp_path)
    backup = reg.backup("manual")
    reg.close()
    files = [p for p in town["path"].parent.rglob("*") if p.is_file()]
    assert backup in files
    for f in files:
        data = f.read_bytes()
        for name in ("一之瀬", "二階堂", "花子", "テスト町会"):
            for enc in ("utf-8", "utf-16-le"):
                assert name.encode(enc) not in data, (f.name, name)
    for db in (town["path"], backup):
        conn = sqlite3.connect(db)
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
        conn.close()


def test_wrong_password_reveals_nothing_and_slows_down(town, tmp_path, clock):
    before = town["path"].read_bytes()
    for n in range(3):
        with pytest.raises(crypto.WrongSecretError, match="パスワードが違います"):
            Register.open(town["path"], Credentials(ADMIN, f"wrong-{n}-password"), clock=clock)
    with pytest.raises(LoginBackoff, match="秒待って"):
        Register.open(town["path"], Credentials(ADMIN, PASSWORD), clock=clock)  # even the right one must wait
    assert town["path"].read_bytes() == before
    later = lambda: datetime.fromisoformat("2026-11-28T10:05:00")  # noqa: E731
    reg = Register.open(town["path"], Credentials(ADMIN, PASSWORD), clock=later, backup_dir=tmp_path / "b")
    try:
        failed = reg.rows("SELECT summary FROM audit_log WHERE action = 'login_failed'")
        assert len(failed) == 3 and ADMIN in failed[0]["summary"]
        assert reg.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'login'")[0]["n"] >= 1
    finally:
        reg.close()


@pytest.mark.parametrize("secret", ["x" * 100_000, "abc\x00def-password", "パスワード\u202e逆順"])
def test_very_long_or_control_character_passwords_are_refused_cleanly(town, secret):
    with pytest.raises(crypto.CryptoError, match="長すぎます|使えない文字"):
        Register.open(town["path"], Credentials(ADMIN, secret))


def test_unknown_user_and_sql_like_names(register, tmp_path):
    name = "'); DROP TABLE persons; --"
    acc.add_account(register, name, "役員", "sql-like-pass")
    path = register.path
    register.close()
    reg = Register.open(path, Credentials(name, "sql-like-pass"), backup_dir=tmp_path / "b")
    try:
        assert reg.session.display_name == name
        assert reg.conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 0  # table still there
    finally:
        reg.close()
    with pytest.raises(crypto.WrongSecretError, match="アカウントはこの台帳にありません"):
        Register.open(path, Credentials("誰か", "whatever-pass"))
    with pytest.raises(Exception, match="制御文字|使えない"):
        reg2 = Register.open(path, admin_login(), backup_dir=tmp_path / "b")
        try:
            acc.add_account(reg2, "名前\x07ベル", "役員", "another-pass1")
        finally:
            reg2.close()


def test_tampered_truncated_or_foreign_key_files(town, tmp_path, register_factory=None):
    key_path = crypto.key_file_path(town["path"])
    original = key_path.read_bytes()
    data = json.loads(original)
    slot = next(s for s in data["slots"] if s["kind"] == "password")
    wrapped = bytearray(crypto._unb64(slot["wrapped"], ""))
    wrapped[0] ^= 0xFF
    slot["wrapped"] = crypto._b64(bytes(wrapped))
    key_path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(crypto.WrongSecretError):
        Register.open(town["path"], admin_login())
    key_path.write_bytes(original[: len(original) // 2])
    with pytest.raises(crypto.KeyFileError, match="壊れています"):
        Register.open(town["path"], admin_login())
    key_path.write_bytes(b"")
    with pytest.raises(crypto.KeyFileError, match="壊れています"):
        Register.open(town["path"], admin_login())
    # a key file of another register, with the same password: the data key does not fit
    other = Register.create(tmp_path / "other.kyodo", name="別の町会", admin_name=ADMIN, password=PASSWORD)
    other.close()
    key_path.write_bytes(crypto.key_file_path(tmp_path / "other.kyodo").read_bytes())
    with pytest.raises(RegisterError, match="鍵ファイルがこの台帳のものではありません"):
        Register.open(town["path"], admin_login())
    key_path.unlink()
    with pytest.raises(crypto.KeyFileError, match="鍵ファイル"):
        Register.open(town["path"], admin_login())
    key_path.write_bytes(original)  # with the right key file, all is still there
    reg = Register.open(town["path"], admin_login(), backup_dir=tmp_path / "b")
    try:
        assert len(search.HouseholdIndex.load(reg)) == 2
    finally:
        reg.close()


def test_pin_works_only_on_the_pc_where_it_was_set(town, tmp_path):
    pc1, pc2 = tmp_path / "pc1", tmp_path / "pc2"
    reg = Register.open(town["path"], Credentials(*HANCHO), data_dir=pc1, backup_dir=tmp_path / "b")
    acc.set_pin(reg, "4721", data_dir=pc1)
    reg.close()
    with pytest.raises(crypto.CryptoError, match="推測しやすい"):
        crypto.check_new_pin("1234")
    reg = Register.open(town["path"], Credentials(HANCHO[0], "４７２１"), data_dir=pc1, backup_dir=tmp_path / "b")
    assert reg.session.via == "pin"
    reg.close()
    # the register copied to another PC: the PIN does not open it there, the password does
    with pytest.raises(crypto.WrongSecretError, match="設定したパソコンでだけ"):
        Register.open(town["path"], Credentials(HANCHO[0], "4721"), data_dir=pc2)
    Register.open(town["path"], Credentials(*HANCHO), data_dir=pc2, backup_dir=tmp_path / "b").close()


def test_recovery_code_opens_and_a_new_sheet_replaces_it(tmp_path):
    reg = Register.create(tmp_path / "r.kyodo", name="復旧町会", admin_name=ADMIN, password=PASSWORD)
    code = reg.recovery_code
    reg.close()
    typed = code.lower().replace("-", " ").replace("0", "o")  # as someone might type it from paper
    reg = Register.open(tmp_path / "r.kyodo", Credentials(recovery_code=typed), backup_dir=tmp_path / "b")
    try:
        assert reg.session.via == "recovery"
        uid = reg.rows("SELECT uid FROM accounts")[0]["uid"]
        acc.set_password(reg, uid, "brand-new-pass")  # everyone forgot: set a new password
        new_code = acc.new_recovery_code(reg)
    finally:
        reg.close()
    Register.open(tmp_path / "r.kyodo", Credentials(ADMIN, "brand-new-pass"), backup_dir=tmp_path / "b").close()
    with pytest.raises(crypto.WrongSecretError, match="復旧コードが違います"):
        Register.open(tmp_path / "r.kyodo", Credentials(recovery_code=code))
    Register.open(tmp_path / "r.kyodo", Credentials(recovery_code=new_code), backup_dir=tmp_path / "b").close()


def test_disabled_account_cannot_log_in_and_the_last_admin_stays(town, tmp_path):
    reg = _open(town, (ADMIN, PASSWORD), tmp_path)
    try:
        viewer = next(a for a in acc.list_accounts(reg) if a.display_name == VIEWER[0])
        acc.disable_account(reg, viewer.uid)
        admin = next(a for a in acc.list_accounts(reg) if a.display_name == ADMIN)
        with pytest.raises(RegisterError, match="最後の管理者"):
            acc.disable_account(reg, admin.uid)
        with pytest.raises(RegisterError, match="最後の管理者"):
            acc.change_role(reg, admin.uid, "役員")
    finally:
        reg.close()
    with pytest.raises(crypto.WrongSecretError):  # its slot is gone from the key file
        _open(town, VIEWER, tmp_path)


def _plain_register(path):
    make_plain_register(path)


def test_a_conversion_cut_off_by_a_power_cut_is_finished_or_redone(tmp_path, clock):
    import shutil

    plain = tmp_path / "plain.kyodo"
    _plain_register(plain)
    done_dir = tmp_path / "done"
    done_dir.mkdir()
    shutil.copy(plain, done_dir / "町会.kyodo")
    encrypt_register(done_dir / "町会.kyodo", admin_name=ADMIN, password=PASSWORD, clock=clock)
    # A: cut between stepping the plain file aside and putting the encrypted one in place
    a = tmp_path / "a"
    a.mkdir()
    shutil.copy(plain, a / "町会.kyodo.unencrypted")
    shutil.copy(done_dir / "町会.kyodo", a / "町会.kyodo.encrypting")
    shutil.copy(done_dir / "町会.kyodo-key", a / "町会.kyodo-key")
    reg = Register.open(a / "町会.kyodo", admin_login(), backup_dir=tmp_path / "b")
    reg.close()
    assert sorted(f.name for f in a.iterdir() if not f.name.endswith(".lock")) == ["町会.kyodo", "町会.kyodo-key"]
    # B: cut after the key file was written, before the swap: the plain file is still in place
    b = tmp_path / "b2"
    b.mkdir()
    shutil.copy(plain, b / "町会.kyodo")
    shutil.copy(done_dir / "町会.kyodo-key", b / "町会.kyodo-key")
    with pytest.raises(UnencryptedRegisterError):
        Register.open(b / "町会.kyodo", admin_login())
    encrypt_register(b / "町会.kyodo", admin_name=ADMIN, password=PASSWORD, clock=clock)  # redone cleanly
    Register.open(b / "町会.kyodo", admin_login(), backup_dir=tmp_path / "b").close()


def test_unencrypted_register_is_converted_in_place(tmp_path, clock):
    """A register from the foundation issue (plain SQLite, first migration only) and its plain
    backup become encrypted; nothing is lost; no plain copy is left behind."""
    from sqlite_utils import Database

    path = tmp_path / "古い町会.kyodo"
    _plain_register(path)
    db = Database(path)
    db["blocks"].insert({"id": 1, "name": "1班", "sort_order": 1, "created_at": "x", "updated_at": "x"})
    db["households"].insert({"id": 1, "block_id": 1, "status": "加入", "status_since": "2020-01-01",
                             "created_at": "x", "updated_at": "x", "uid": "h1"}, alter=False)
    db.conn.close()
    backups = tmp_path / "backups"
    backups.mkdir()
    plain_backup = backups / "古い町会-20251101-090000-open.kyodo"
    plain_backup.write_bytes(path.read_bytes())
    with pytest.raises(UnencryptedRegisterError, match="暗号化されていません"):
        Register.open(path, admin_login())
    done = encrypt_register(path, admin_name=ADMIN, password=PASSWORD, backup_dir=backups, clock=clock)
    assert len(done.recovery_code) == 34 and done.problems == ()
    assert not list(tmp_path.glob("*.unencrypted")) and not list(tmp_path.glob("*.encrypting"))
    for f in [path, *backups.iterdir()]:
        assert "古い町会".encode() not in f.read_bytes(), f
    reg = Register.open(path, admin_login(), backup_dir=backups)
    try:
        assert households.get_association(reg)["name"] == "古い町会"
        assert reg.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        assert reg.session.role == "管理者"
    finally:
        reg.close()
    # the old backup can be restored with the register's key
    reg = Register.open(path, admin_login(), backup_dir=backups)
    try:
        reg.restore(plain_backup)
        assert households.get_association(reg)["name"] == "古い町会"
    finally:
        reg.close()


def test_audit_log_records_who_changed_what(town, tmp_path):
    reg = _open(town, HANCHO, tmp_path)
    try:
        own = households.get_household(reg, town["h1"])
        households.save_household(reg, own)
        reg.record("print", "1班の名簿を印刷", purpose="OFFICER_INTERNAL", person_count=1)
        rows = reg.rows("SELECT actor, action, account_id, purpose, person_count FROM audit_log ORDER BY id")
        assert rows[-1] == {"actor": HANCHO[0], "action": "print", "account_id": reg.session.account_id,
                            "purpose": "OFFICER_INTERNAL", "person_count": 1}
        assert any(r["action"] == "login" and r["actor"] == HANCHO[0] for r in rows)
    finally:
        reg.close()


def test_backoff_schedule():
    from kyodo_desktop.models.auth import wait_after

    assert [wait_after(n) for n in range(1, 8)] == [0, 0, 2, 4, 8, 16, 32]
    assert wait_after(100) == 300
    assert timedelta(seconds=wait_after(3)) == timedelta(seconds=2)


def test_a_failed_key_file_write_changes_nothing(tmp_path, monkeypatch):
    """Found in review: a failed re-issue must not leave a half-made change that a later save writes."""
    reg = Register.create(tmp_path / "k.kyodo", name="鍵町会", admin_name=ADMIN, password=PASSWORD)
    code = reg.recovery_code
    real_save = crypto.KeyFile.save
    calls = []

    def failing_save(self, path, key):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real_save(self, path, key)

    monkeypatch.setattr(crypto.KeyFile, "save", failing_save)
    with pytest.raises(RegisterError, match="ディスクがいっぱい"):
        acc.new_recovery_code(reg)
    assert reg.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'recovery_reissue'")[0]["n"] == 0
    acc.add_account(reg, "会計", "役員", "kaikei-pass-2")  # an unrelated change that saves the key file
    reg.close()
    Register.open(tmp_path / "k.kyodo", Credentials(recovery_code=code), backup_dir=tmp_path / "b").close()
    Register.open(tmp_path / "k.kyodo", Credentials("会計", "kaikei-pass-2"), backup_dir=tmp_path / "b").close()


def test_officer_names_from_the_vectors_survive_the_key_file_and_login(register, vectors, tmp_path):
    names = vectors["names_that_must_survive_every_path"]
    for n, name in enumerate(names):
        acc.add_account(register, f"{name} 役員", "役員", f"vector-pass-{n}")
    path = register.path
    register.close()
    for n, name in enumerate(names):
        reg = Register.open(path, Credentials(f"{name} 役員", f"vector-pass-{n}"), backup_dir=tmp_path / "b")
        try:
            assert reg.session.display_name == f"{name} 役員"  # exactly as typed (no NFKC: 﨑 stays 﨑)
        finally:
            reg.close()


def test_variant_kanji_names_stay_apart_at_login(register, tmp_path):
    acc.add_account(register, "山﨑", "役員", "yamasaki-pass-1")
    acc.add_account(register, "山崎", "閲覧", "yamazaki-pass-2")
    path = register.path
    register.close()
    for name, password, role in (("山﨑", "yamasaki-pass-1", "役員"), ("山崎", "yamazaki-pass-2", "閲覧")):
        reg = Register.open(path, Credentials(name, password), backup_dir=tmp_path / "b")
        try:
            assert (reg.session.display_name, reg.session.role) == (name, role)
        finally:
            reg.close()
    reg = Register.open(path, Credentials("会長　山田", PASSWORD), backup_dir=tmp_path / "b")
    reg.close()  # typed with a full-width space: still the one 管理者
