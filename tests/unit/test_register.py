"""The register file: create, open, lock, migrations, backups, restore, bad files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ADMIN, PASSWORD, admin_login

from kyodo_desktop.models import schema
from kyodo_desktop.models.households import HouseholdData, PersonData, add_block, save_household
from kyodo_desktop.models.register import (
    NewerRegisterError,
    Register,
    RegisterError,
    RegisterLockedError,
    connect,
    list_backups,
    rotate_backups,
)


def _read(path, key):
    """A read-only keyed connection to a register or backup (for checking what a file holds)."""
    return connect(path, key, read_only=True, tune=False)


def _household(reg: Register, name: str = "山田") -> int:
    block = add_block(reg, f"{name}班")
    return save_household(
        reg,
        HouseholdData(block_id=block, persons=[PersonData(family_name=name, given_name="太郎", family_kana="ヤマダ")]),
    )


def test_create_sets_identity_and_migrations(register):
    assert register.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert register.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert register.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert register.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [r["name"] for r in register.db[schema.MIGRATIONS_TABLE].rows]
    assert applied == schema.known_migration_names()
    assoc = register.db["association"].get(1)
    assert assoc["name"] == "テスト町会"
    assert "第三者に渡さない" in assoc["purpose_of_use"]


def test_create_refuses_to_overwrite(register, tmp_path):
    with pytest.raises(RegisterError, match="上書きはしません"):
        Register.create(register.path, admin_name=ADMIN, password=PASSWORD, name="別の町会")


def test_create_requires_a_name(tmp_path):
    from kyodo_desktop.models.validation import ValidationError

    with pytest.raises(ValidationError, match="町会名"):
        Register.create(tmp_path / "x.kyodo", admin_name=ADMIN, password=PASSWORD, name="   ")
    assert not (tmp_path / "x.kyodo").exists()


@pytest.mark.parametrize("area", ["76", "０７６", "076-", "0123456"])
def test_create_refuses_a_bad_area_code(tmp_path, area):
    from kyodo_desktop.models.validation import ValidationError

    with pytest.raises(ValidationError, match="市外局番"):
        Register.create(tmp_path / "x.kyodo", admin_name=ADMIN, password=PASSWORD, name="町会", default_area_code=area)
    assert not (tmp_path / "x.kyodo").exists()


def test_second_copy_is_refused_while_first_is_open(register):
    with pytest.raises(RegisterLockedError, match="別の協働デスクで開かれています"):
        Register.open(register.path, admin_login())


def test_second_copy_in_another_process_is_refused(register):
    import subprocess

    code = (
        "import sys\n"
        "from kyodo_desktop.models.register import Credentials, Register, RegisterLockedError\n"
        "try:\n"
        f"    Register.open({str(register.path)!r}, Credentials({ADMIN!r}, {PASSWORD!r}))\n"
        "except RegisterLockedError as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert res.returncode == 3, res.stderr
    assert "別の協働デスク" in res.stdout


def test_reopen_after_close_and_backup_on_open(register, tmp_path, clock):
    _household(register)
    path = register.path
    register.close()
    closing = list_backups(tmp_path / "backups")
    assert [b.reason for b in closing] == ["close"]
    # nothing changed since the closing backup: opening adds no copy of the same contents
    reg = Register.open(path, admin_login(), backup_dir=tmp_path / "backups", clock=clock)
    assert sorted(b.reason for b in list_backups(tmp_path / "backups")) == ["close"]
    assert reg.db["households"].count == 1
    _household(reg, "佐藤")
    reg.close(backup=False)  # as if the program had crashed: no closing backup of that change
    later = lambda: clock() + timedelta(minutes=5)  # noqa: E731
    reg = Register.open(path, admin_login(), backup_dir=tmp_path / "backups", clock=later)
    try:
        reasons = sorted(b.reason for b in list_backups(tmp_path / "backups"))
        assert reasons == ["close", "open"]  # the unsaved-by-backup change is copied before new work
        assert reg.db["households"].count == 2
    finally:
        reg.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空です"),
        (b"hello, this is a text file\n" * 10, "台帳ではな"),
    ],
)
def test_files_that_are_not_registers_are_refused(tmp_path, content, message):
    bad = tmp_path / "bad.kyodo"
    bad.write_bytes(content)
    with pytest.raises(RegisterError, match=message):
        Register.open(bad, admin_login())
    assert bad.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(RegisterError, match="台帳ではありません"):
        Register.open(other, admin_login())
    assert other.read_bytes() == before


def test_missing_file(tmp_path):
    with pytest.raises(RegisterError, match="見つかりません"):
        Register.open(tmp_path / "nothing.kyodo", admin_login())


def test_register_from_a_newer_version_is_refused(register, tmp_path):
    register.db[schema.MIGRATIONS_TABLE].insert(
        {"migration_set": schema.MIGRATION_SET, "name": "m9999_from_the_future", "applied_at": "2030-01-01"}
    )
    path = register.path
    register.close()
    with pytest.raises(NewerRegisterError, match="新しい版"):
        Register.open(path, admin_login(), backup_dir=tmp_path / "backups")
    # the refusal left the lock free and the file untouched
    with pytest.raises(NewerRegisterError):
        Register.open(path, admin_login(), backup_dir=tmp_path / "backups")


def test_pending_migration_copies_the_file_first(register, tmp_path, monkeypatch):
    _household(register)
    path = register.path
    register.close()
    calls = []

    @schema.migration
    def m_test_extra(db):
        calls.append(1)
        db.execute("CREATE TABLE test_extra (x)")

    try:
        reg = Register.open(path, admin_login(), backup_dir=tmp_path / "backups")
        try:
            assert calls == [1]
            assert reg.db["test_extra"].exists()
            migrate = [b for b in list_backups(tmp_path / "backups") if b.reason == "migrate"]
            assert len(migrate) == 1
            old = _read(migrate[0].path, reg._key)
            assert old.execute("SELECT count(*) FROM households").fetchone()[0] == 1
            assert not old.execute("SELECT 1 FROM sqlite_master WHERE name='test_extra'").fetchone()
            old.close()
        finally:
            reg.close()
    finally:
        schema._STEPS.remove(m_test_extra)


def test_corrupted_register_is_refused_and_left_alone(register, tmp_path):
    for n in range(30):
        _household(register, f"姓{n}")
    path = register.path
    register.close()
    data = bytearray(path.read_bytes())
    page = 4096  # SQLCipher 4's page size
    # flip bytes inside every page after the first: SQLCipher's per-page HMAC notices
    for start in range(page, len(data), page):
        data[start + 100 : start + 108] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    with pytest.raises(RegisterError, match="破損|壊れて"):
        Register.open(path, admin_login(), backup_dir=tmp_path / "backups")
    assert path.read_bytes() == bytes(data)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_opens_read_only(register, tmp_path):
    path = register.path
    register.close()
    path.chmod(0o444)
    reg = Register.open(path, admin_login(), backup_dir=tmp_path / "backups")
    try:
        assert reg.read_only
        with pytest.raises(RegisterError, match="読み取り専用"):
            add_block(reg, "1班")
    finally:
        reg.close()


def test_read_only_mode_refuses_writes_and_changes_nothing(register, tmp_path):
    path = register.path
    register.close()
    before = path.read_bytes()
    reg = Register.open(path, admin_login(), read_only=True)
    try:
        with pytest.raises(RegisterError, match="読み取り専用"):
            add_block(reg, "1班")
    finally:
        reg.close()
    assert path.read_bytes() == before


def test_vanished_file_gives_a_clear_message_and_program_continues(tmp_path, clock):
    """The USB stick is pulled out (the file is gone): writes are refused with a Japanese
    message instead of going into the void; the close backup still saves what was there."""
    usb = tmp_path / "usb"
    reg = Register.create(usb / "町会.kyodo", admin_name=ADMIN, password=PASSWORD, name="町会", backup_dir=tmp_path / "bk", clock=clock)
    block = add_block(reg, "1班")
    save_household(reg, HouseholdData(block_id=block, persons=[PersonData(family_name="田中")]))
    for f in usb.iterdir():
        f.unlink()
    usb.rmdir()
    with pytest.raises(RegisterError, match="USBメモリが抜かれた"):
        save_household(reg, HouseholdData(block_id=block, persons=[PersonData(family_name="佐藤")]))
    reg.close()
    saved = list_backups(tmp_path / "bk")
    assert [b.reason for b in saved] == ["close"]
    conn = _read(saved[0].path, reg._key)
    assert [r[0] for r in conn.execute("SELECT family_name FROM persons")] == ["田中"]
    conn.close()


def test_replaced_file_is_noticed(tmp_path, clock):
    reg = Register.create(tmp_path / "a.kyodo", admin_name=ADMIN, password=PASSWORD, name="町会", backup_dir=tmp_path / "bk", clock=clock)
    os.replace(reg.backup("manual", tmp_path / "copy.kyodo"), tmp_path / "a.kyodo")
    with pytest.raises(RegisterError, match="見つかりません"):
        add_block(reg, "1班")
    reg.close(backup=False)


def test_disk_full_is_reported_in_japanese(register, monkeypatch):
    block = add_block(register, "1班")
    # a tiny page budget makes SQLite report "database or disk is full"
    register.conn.execute("PRAGMA max_page_count = " + str(register.conn.execute("PRAGMA page_count").fetchone()[0]))
    before = register.db["persons"].count
    with pytest.raises(RegisterError, match="ディスクがいっぱい"):
        save_household(
            register,
            HouseholdData(block_id=block, notes="x" * 1999, persons=[PersonData(family_name="田中", notes="y" * 1999)] * 8),
        )
    assert register.db["persons"].count == before
    assert register.db["households"].count == 0


def test_backup_is_a_consistent_register(register, tmp_path):
    _household(register)
    out = register.backup("manual", tmp_path / "copy.kyodo")
    reg2 = Register.open(out, admin_login(), backup_dir=tmp_path / "bk2")
    try:
        assert reg2.db["households"].count == 1
    finally:
        reg2.close()


def test_restore_replaces_contents_and_keeps_a_safety_copy(register, tmp_path):
    _household(register, "山田")
    snapshot = register.backup("manual")
    _household(register, "佐藤")
    assert register.db["households"].count == 2
    safety = register.restore(snapshot)
    assert register.db["households"].count == 1
    assert safety.exists()
    conn = _read(safety, register._key)
    assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2
    conn.close()
    summaries = [r["summary"] for r in register.db["audit_log"].rows]
    assert any("復元しました" in s for s in summaries)


def test_restore_refuses_a_non_register_and_changes_nothing(register, tmp_path):
    _household(register)
    bad = tmp_path / "bad.kyodo"
    bad.write_text("not a register", encoding="utf-8")
    with pytest.raises(RegisterError):
        register.restore(bad)
    assert register.db["households"].count == 1


def test_rotation_keeps_ten_recent_and_one_per_month(tmp_path):
    folder = tmp_path / "rot"
    folder.mkdir()
    start = datetime(2025, 1, 1, 9, 0, 0)
    made = []
    for n in range(60):  # one every ~10 days for ~20 months
        when = start + timedelta(days=10 * n)
        f = folder / f"町会-{when:%Y%m%d-%H%M%S}-open.kyodo"
        f.write_bytes(b"x")
        made.append(when)
    today = made[-1].date()
    rotate_backups(folder, today)
    kept = list_backups(folder)
    kept_times = sorted(b.taken_at for b in kept)
    newest_ten = sorted(made)[-10:]
    assert set(newest_ten) <= set(kept_times)
    months = {(t.year, t.month) for t in kept_times}
    for back in range(12):
        y, m = today.year, today.month - back
        while m <= 0:
            y, m = y - 1, m + 12
        if any((t.year, t.month) == (y, m) for t in made):
            assert (y, m) in months
    # nothing older than 12 months survives unless among the ten newest
    oldest_allowed = date(today.year - 1, today.month, 1)
    assert all(t.date() >= oldest_allowed or t in newest_ten for t in kept_times)
    assert len(kept) < len(made)


def test_every_change_is_audited(register):
    hid = _household(register)
    rows = list(register.db["audit_log"].rows_where("table_name = 'households' AND row_id = ?", [hid]))
    assert rows and rows[0]["action"] == "insert" and rows[0]["actor"] == ADMIN


def test_no_connection_made_outside_connect():
    """A connection to a register is made only in models/register.py."""
    root = Path(__file__).resolve().parents[2] / "kyodo_desktop"
    offenders = [
        p for p in root.rglob("*.py")
        if any(w in p.read_text(encoding="utf-8") for w in ("sqlite3.connect(", "sqlcipher.connect(", "sqlcipher3"))
        and p.name != "register.py"
    ]
    assert offenders == []


def test_restore_keeps_the_backup_it_restored(register, tmp_path):
    """Found in review: the safety copy's rotation must not delete the backup being restored."""
    _household(register, "最初")
    oldest = register.backup("manual")
    from datetime import timedelta as _td

    base = register.clock()
    for n in range(9):  # ten in all: the safety copy of the restore would push the oldest out
        register.clock = lambda n=n: base + _td(minutes=n + 1)
        register.backup("manual")
    assert oldest.exists()
    register.restore(oldest)
    assert oldest.exists() and crypto_key_file(oldest).exists()
    reasons = [b.reason for b in list_backups(register.backup_dir)]
    assert "restore" in reasons


def crypto_key_file(path):
    from kyodo_desktop.models.crypto import key_file_path

    return key_file_path(path)


def test_register_left_by_a_pulled_usb_stick_opens(tmp_path, clock, monkeypatch):
    """A write interrupted on a USB stick leaves the file half-written with a rollback journal
    beside it: opening plays the journal back and shows the state before that write."""
    import shutil

    from kyodo_desktop import paths as paths_mod

    monkeypatch.setattr(paths_mod, "is_removable", lambda _p: True)  # rollback journal, as on USB
    usb = tmp_path / "usb"
    reg = Register.create(usb / "町会.kyodo", admin_name=ADMIN, password=PASSWORD, name="町会", clock=clock)
    _household(reg, "残る")
    assert reg.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    reg.conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
    reg.conn.execute("BEGIN")
    reg.conn.executemany("INSERT INTO audit_log (at, action, table_name, summary) VALUES ('x', 'x', 'x', ?)",
                         [("z" * 500,) for _ in range(3000)])
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for f in usb.iterdir():  # the stick as it was when pulled out
        if not f.name.endswith(".lock"):
            shutil.copy(f, crashed / f.name)
    reg.conn.execute("ROLLBACK")
    reg.close(backup=False)
    assert (crashed / "町会.kyodo-journal").exists()
    again = Register.open(crashed / "町会.kyodo", admin_login(), backup_dir=tmp_path / "bk", clock=clock)
    try:
        assert again.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        assert again.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        again.close()


def test_a_backup_is_taken_out_as_a_new_register_when_the_register_is_lost(tmp_path, clock):
    """The USB stick with the register is gone: the backups kept on this PC are found (all
    registers, newest first), one is copied out beside its key file, and it opens with the same
    login; the backup itself is untouched, and nothing is overwritten or left half made."""
    from conftest import ADMIN, PASSWORD

    from kyodo_desktop.models import households as hh
    from kyodo_desktop.models.register import Credentials, Register, all_backups, take_out_backup

    stick = tmp_path / "usb"
    stick.mkdir()
    root = tmp_path / "pc" / "backups"
    reg = Register.create(stick / "泉町会.kyodo", name="泉町会", admin_name=ADMIN, password=PASSWORD,
                          backup_dir=root / "泉町会-1234abcd", clock=clock)
    hh.add_block(reg, "1班")
    reg.backup("manual")
    reg.close(backup=False)
    (root / "other-5678").mkdir()
    (root / "other-5678" / "broken-20260101-000000-open.kyodo").write_bytes(b"x" * 200)  # no key file
    shutil.rmtree(stick)  # lost
    found = all_backups(root)
    assert found and {f.register for f in found} == {"泉町会"}
    newest = found[0]
    before = newest.info.path.read_bytes()
    target = take_out_backup(newest.info.path, tmp_path / "泉町会_復元")
    assert target.name == "泉町会_復元.kyodo" and (tmp_path / "泉町会_復元.kyodo-key").is_file()
    back = Register.open(target, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b2")
    try:
        assert [b.name for b in hh.list_blocks(back)] == ["1班"]
    finally:
        back.close(backup=False)
    assert newest.info.path.read_bytes() == before
    with pytest.raises(RegisterError, match="すでにあります"):
        take_out_backup(newest.info.path, target)
    with pytest.raises(RegisterError, match="フォルダーがありません"):
        take_out_backup(newest.info.path, tmp_path / "ない" / "x.kyodo")
    assert not list((tmp_path / "ない").parent.glob("*.part"))
    assert all_backups(tmp_path / "nothing-here") == []
