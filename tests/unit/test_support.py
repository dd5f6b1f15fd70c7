"""避難行動要支援者: the restricted store, the city's list replacing its previous version, and the
watermarked, recorded printouts — against a real (encrypted) register and real files."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from datetime import datetime

import pytest

from kyodo_desktop.export import support_docs as sd
from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import auth
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import support as sp
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.validation import ValidationError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

HEADERS = ["番号", "氏名", "フリガナ", "性別", "生年月日", "年齢", "住所", "電話", "避難先", "同居者の有無", "避難支援者の有無",
           "利用中の医療・福祉サービス", "本人の状況", "同意", "理由", "市の管理コード"]


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    return re.sub(r"[\s　]+", "", out)


def _audit(reg) -> list[dict]:
    return reg.rows("SELECT action, table_name, row_id, summary, purpose, person_count, actor FROM audit_log ORDER BY id")


@pytest.fixture
def town(register):
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")

    def add(block, family, given, fk, gk, birth, town="泉野町", number="1-2-3"):
        hid = hh.save_household(register, hh.HouseholdData(block_id=block, address_town=town, address_number=number,
                                                           persons=[hh.PersonData(family_name=family, given_name=given,
                                                                                  family_kana=fk, given_kana=gk,
                                                                                  birth_date=birth)]))
        return register.conn.execute("SELECT head_person_id FROM households WHERE id = ?", [hid]).fetchone()[0]

    register.aoki = add(b1, "青木", "一郎", "アオキ", "イチロウ", "1940-03-01")
    register.sato1 = add(b1, "佐藤", "健", "サトウ", "ケン", "1938-01-01", number="5-1")
    register.sato2 = add(b2, "佐藤", "健", "サトウ", "ケン", "1938-01-01", number="7-7")  # same name and birthday
    register.midori = add(b2, "緑川", "二郎", "ミドリカワ", "ジロウ", "1945-07-07", number="8-8")
    register.helper = add(b1, "近所", "助", "キンジョ", "タスク", "1975-05-05", number="1-2-4")
    register.b1, register.b2 = b1, b2
    return register


_accounts = iter(range(1, 1000))


@contextlib.contextmanager
def as_role(reg, role, block_id=None):
    """The register as an officer of ``role`` sees it (the session is what every check asks)."""
    admin = reg.session
    uid = acc.add_account(reg, f"{role}の人{next(_accounts)}", role, "role-pass-1234", block_id=block_id)
    reg.session = auth.load_session(reg.conn, uid, "password")
    try:
        yield reg
    finally:
        reg.session = admin


def _city_xlsx(path, rows, headers=HEADERS):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws.append(["令和8年度 避難行動要支援者名簿（テスト町会）"])  # a title above the header, as cities send it
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


FIRST = [
    [1, "青木 一郎", "アオキ イチロウ", "男", datetime(1940, 3, 1), 86, "金沢市泉野町1丁目2番3号", "076-220-1111", "泉野小学校",
     "有", "無", "訪問介護", "車いす使用", "有", "要介護3", "K-001"],
    [2, "佐藤 健", "サトウ ケン", "男", datetime(1938, 1, 1), 88, "金沢市泉野町5-1", "", "泉野小学校", "無", "無", "", "",
     "有", "一人暮らし", "K-002"],
    [3, "要支援 太郎", "ようしえん たろう", "男", "昭和12年4月1日", 89, "金沢市泉野町9-9", "2209999", "泉野小学校", "無", "無",
     "人工透析（週3回）", "透析中", "有", "難病", "K-003"],
    [4, "緑川 二郎", "ミドリカワ ジロウ", "男", datetime(1945, 7, 7), 81, "金沢市泉野町8-8", "", "泉野小学校", "無", "無", "",
     "", "無", "日中独居", "K-004"],
    [None, "", "", "", None, None, "金沢市泉野町0-0", "", "", "", "", "", "", "", "", ""],  # no name: reported
    ["合計", "", "", "", None, None, "", "", "", "", "", "", "", "", "", ""],
]


def _helper(reg, support_id):
    sp.set_helpers(reg, support_id, [sp.Helper(person_id=reg.helper, relation="隣人"),
                                     sp.Helper("支援者 花子", "090-7777-1234", "民生委員")])


def test_only_roles_granted_it_read_change_or_print_the_store(town, tmp_path):
    sid = sp.save_support(town, sp.SupportPerson(person_id=town.aoki, reasons=("一人暮らし高齢者",), consent="同意"))
    assert sp.get_support(town, sid).name == "青木　一郎"  # filled from the register
    xlsx = _city_xlsx(tmp_path / "市の名簿.xlsx", FIRST)
    for role, block in (("役員", None), ("班長", town.b1), ("閲覧", None)):
        with as_role(town, role, block) as reg:
            before = len(_audit(reg))
            out, plan_out = tmp_path / f"{role}.pdf", tmp_path / f"{role}-plan.pdf"
            attempts = [
                lambda: sp.list_support(reg),
                lambda: sp.get_support(reg, sid),
                lambda: sp.save_support(reg, sp.SupportPerson(person_id=town.aoki, reasons=("難病",), consent="同意")),
                lambda: sp.set_helpers(reg, sid, []),
                lambda: sp.delete_support(reg, sid),
                lambda: sp.plan_city_list(reg, xlsx, "2026-11-01", "協定第3号"),
                lambda: sd.write_support_list(reg, out, purpose="訓練"),  # noqa: B023 (called at once)
                lambda: sd.write_individual_plan(reg, plan_out, support_id=sid),  # noqa: B023
            ]
            for attempt in attempts:
                with pytest.raises(PermissionDenied):
                    attempt()
            assert len(_audit(reg)) == before  # refused before anything is read or written (as privacy.py does)
            assert not list(tmp_path.glob(f"{role}*.pdf"))
            # what they may know: counts, never names
            summary = sp.support_summary(reg)
            assert (summary.people, summary.consented, summary.without_helper) == (1, 1, 1)  # 青木 is in 1班
    with as_role(town, "班長", town.b2) as reg:
        assert sp.support_summary(reg).people == 0  # another 班's person is not even counted


def test_reads_are_recorded_and_the_log_names_no_one(town):
    sid = sp.save_support(town, sp.SupportPerson(name="要支援 太郎", birth_date="昭和12年4月1日", reasons=("難病",),
                                                 consent="同意", medical_notes="透析中", care_level="要介護3"))
    sp.save_support(town, sp.SupportPerson(person_id=town.midori, reasons=("日中独居",), consent="不同意"))
    everyone = sp.list_support(town)
    assert [s.name for s in everyone] == ["緑川　二郎", "要支援 太郎"]  # 班 first, the unlinked last
    assert not everyone[1].linked and everyone[1].origin == sp.LOCAL
    assert [s.name for s in sp.list_support(town, consent_only=True)] == ["要支援 太郎"]
    sp.get_support(town, sid)
    views = [r for r in _audit(town) if r["action"] == "view_sensitive"]
    assert [(v["table_name"], v["person_count"], v["actor"]) for v in views] == [
        ("support_people", 2, "会長 山田"), ("support_people", 1, "会長 山田"), ("support_people", 1, "会長 山田")]
    assert views[-1]["row_id"] == sid
    sp.save_support(town, sp.SupportPerson(**{**sp.get_support(town, sid).__dict__, "medical_notes": "透析中（火木土）"}))
    log = "\n".join(r["summary"] for r in _audit(town) if r["table_name"].startswith("support"))
    assert "医療・配慮を変更しました" in log
    for secret in ("太郎", "透析", "要介護3", "難病", "日中独居", "緑川", "1937"):
        assert secret not in log


def test_hand_entries_are_checked(town):
    with pytest.raises(ValidationError, match="理由は"):
        sp.save_support(town, sp.SupportPerson(name="誰か", reasons=("病気",)))
    with pytest.raises(ValidationError, match="本人の同意"):  # 個人情報保護法 §20②
        sp.save_support(town, sp.SupportPerson(name="誰か", medical_notes="服薬あり", consent="未確認"))
    with pytest.raises(ValidationError, match="氏名"):
        sp.save_support(town, sp.SupportPerson())
    with pytest.raises(ValidationError, match="電話"):
        sp.save_support(town, sp.SupportPerson(name="誰か", phone="12"))
    sid = sp.save_support(town, sp.SupportPerson(person_id=town.aoki, reasons=("身体障害", "一人暮らし高齢者")))
    assert sp.get_support(town, sid).reasons == ("一人暮らし高齢者", "身体障害")  # in the list's order
    with pytest.raises(RegisterError, match="もう要支援者"):
        sp.save_support(town, sp.SupportPerson(person_id=town.aoki))
    with pytest.raises(ValidationError, match="電話番号を入力"):
        sp.set_helpers(town, sid, [sp.Helper("電話のない人")])
    with pytest.raises(ValidationError, match="本人を"):
        sp.set_helpers(town, sid, [sp.Helper(person_id=town.aoki)])
    _helper(town, sid)
    helpers = sp.get_support(town, sid).helpers
    assert [(h.name, h.phone, h.relation, h.person_id is not None) for h in helpers] == [
        ("近所　助", "", "隣人", True), ("支援者 花子", "090-7777-1234", "民生委員", False)]
    sp.delete_support(town, sid)
    assert town.conn.execute("SELECT count(*) FROM support_helpers").fetchone()[0] == 0


def test_a_hancho_granted_the_store_sees_only_their_block(town):
    unlinked = sp.save_support(town, sp.SupportPerson(name="要支援 太郎", consent="同意"))
    own = sp.save_support(town, sp.SupportPerson(person_id=town.aoki, consent="同意"))
    other = sp.save_support(town, sp.SupportPerson(person_id=town.midori, consent="同意"))
    perms = [p for r in acc.list_roles(town) if r.name == "班長" for p in r.permissions]
    acc.set_role_permissions(town, "班長", [*perms, "sensitive.read", "sensitive.write"])
    with as_role(town, "班長", town.b1) as reg:
        assert [s.id for s in sp.list_support(reg)] == [own]
        for sid in (unlinked, other):
            with pytest.raises(PermissionDenied, match="自分の班"):
                sp.get_support(reg, sid)
        with pytest.raises(PermissionDenied):
            sp.save_support(reg, sp.SupportPerson(name="名簿外の人"))
        with pytest.raises(PermissionDenied):
            sp.save_support(reg, sp.SupportPerson(person_id=town.sato2))  # a person of 2班
        with pytest.raises(PermissionDenied, match="すべての班"):
            sp.plan_city_list(reg, "whatever.xlsx", "2026-11-01", "協定第3号")


def test_the_city_list_is_matched_for_review_and_nothing_is_written_before_apply(town, tmp_path):
    local = sp.save_support(town, sp.SupportPerson(person_id=town.midori, consent="同意", route_notes="南の路地"))
    rows_before = town.conn.execute("SELECT count(*) FROM support_people").fetchone()[0]
    plan = sp.plan_city_list(town, _city_xlsx(tmp_path / "要支援者名簿R8.xlsx", FIRST), "令和8年11月1日", "協定第3号")
    assert town.conn.execute("SELECT count(*) FROM support_people").fetchone()[0] == rows_before
    assert (plan.sheet, plan.header_row, plan.received_on) == ("名簿", 3, "2026-11-01")
    assert plan.unknown_columns == ["市の管理コード"]  # reported by name …
    by_row = {r.row: r for r in plan.rows}
    assert by_row[4].data.notes.endswith("市の管理コード：K-001")  # … and kept, never dropped
    assert [(r.row, r.status) for r in plan.rows] == [(4, "matched"), (5, "ambiguous"), (6, "none"), (7, "matched")]
    assert by_row[4].person_id == town.aoki and "生年月日" in by_row[4].note
    assert {c.person_id for c in by_row[5].candidates} == {town.sato1, town.sato2}
    assert plan.needs_choice == [5]
    assert "町会で記録した要支援者" in by_row[7].note  # already kept by the 町会 as well
    assert plan.skipped == [(8, "氏名が空欄"), (9, "合計・小計の行")]
    assert any("氏名が空欄" in str(m) for m in plan.messages)
    taro = by_row[6].data
    assert (taro.kana, taro.birth_date, taro.phone, taro.reasons, taro.consent) == (
        "ヨウシエン タロウ", "1937-04-01", "076-220-9999", ("難病",), "同意")
    assert "透析中" in taro.medical_notes and "人工透析" in taro.medical_notes
    aoki = by_row[4].data
    assert (aoki.care_level, aoki.reasons, aoki.evacuation_place) == ("要介護3", ("要介護",), "泉野小学校")
    assert by_row[7].data.consent == "不同意" and by_row[7].data.reasons == ("日中独居",)
    # an ambiguous row is never decided for the officer
    with pytest.raises(RegisterError, match="5行目"):
        sp.apply_city_list(town, plan)
    with pytest.raises(RegisterError, match="同じ人が複数"):
        sp.apply_city_list(town, plan, {5: town.aoki})
    assert town.conn.execute("SELECT count(*) FROM support_lists").fetchone()[0] == 0
    result = sp.apply_city_list(town, plan, {5: town.sato1})
    assert (result.rows, result.linked, result.unlinked, result.replaced_rows) == (4, 3, 1, 0)
    assert result.secure_delete and result.checkpointed
    listed = sp.list_support(town)
    unlinked = [s for s in listed if not s.linked]
    assert [s.name for s in unlinked] == ["要支援 太郎"]  # not in the register: kept, shown as such
    assert {s.person_id for s in listed if s.origin == sp.CITY} == {town.aoki, town.sato1, town.midori, None}
    assert sp.get_support(town, local).route_notes == "南の路地"  # the 町会's own entry stays
    info = sp.current_city_list(town)
    assert (info.received_on, info.agreement_ref, info.file_name, info.rows, info.imported_by, info.replaced_at) == (
        "2026-11-01", "協定第3号", "要支援者名簿R8.xlsx", 4, "会長 山田", None)
    entry = [r for r in _audit(town) if r["action"] == "import"][-1]
    assert entry["table_name"] == "support_lists" and entry["person_count"] == 4
    assert "協定第3号" in entry["summary"] and "太郎" not in entry["summary"]
    assert list((tmp_path / "backups").glob("*-import.kyodo"))  # a backup before the change


def test_a_list_without_the_required_columns_is_refused(town, tmp_path):
    headers = ["番号", "氏名", "生年月日", "電話"]
    with pytest.raises(RegisterError, match="必要な列がありません: 住所"):
        sp.plan_city_list(town, _city_xlsx(tmp_path / "a.xlsx", [[1, "青木 一郎", "1940-03-01", ""]], headers),
                          "2026-11-01", "協定第3号")
    csv = tmp_path / "b.csv"
    csv.write_bytes("氏名,住所,かかりつけ医\n青木 一郎,泉野町1-2-3,白鳥内科\n".encode("cp932"))
    plan = sp.plan_city_list(town, csv, "2026-11-01", "協定第3号", mapping={"かかりつけ医": "services"})
    assert plan.unknown_columns == [] and "白鳥内科" in plan.rows[0].data.medical_notes
    assert plan.rows[0].status == "matched"  # name and address, no one else of that name
    with pytest.raises(ValidationError, match="協定"):
        sp.plan_city_list(town, csv, "2026-11-01", "")
    with pytest.raises(ValidationError, match="未来"):
        sp.plan_city_list(town, csv, "2027-01-01", "協定第3号")
    assert town.conn.execute("SELECT count(*) FROM support_people").fetchone()[0] == 0


def _decrypted_pages(reg) -> bytes:
    """Every page of the register file (and of its WAL), decrypted with the register's key — what
    is physically on the disk, free pages and unused space inside pages included."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    size = int(reg.conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    reserve = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC at the end of each page

    def page(data: bytes, first: bool) -> bytes:
        iv = data[size - reserve:size - reserve + 16]
        d = Cipher(algorithms.AES(reg._key), modes.CBC(iv)).decryptor()
        return d.update(data[16 if first else 0:size - reserve]) + d.finalize()

    raw = reg.path.read_bytes()
    out = [page(raw[i:i + size], i == 0) for i in range(0, len(raw) - size + 1, size)]
    wal = reg.path.with_name(reg.path.name + "-wal")
    if wal.exists():
        w = wal.read_bytes()
        pos = 32
        while pos + 24 + size <= len(w):
            out.append(page(w[pos + 24:pos + 24 + size], int.from_bytes(w[pos:pos + 4], "big") == 1))
            pos += 24 + size
    return b"".join(out)


def test_a_new_city_list_replaces_the_old_one_completely_and_overwrites_it(town, tmp_path):
    first = sp.plan_city_list(town, _city_xlsx(tmp_path / "R7.xlsx", FIRST), "2025-11-01", "協定第3号")
    sp.apply_city_list(town, first, {5: None})
    aoki = next(s for s in sp.list_support(town) if s.person_id == town.aoki)
    _helper(town, aoki.id)
    sp.save_support(town, sp.SupportPerson(**{**aoki.__dict__, "route_notes": "裏の坂道から公民館へ"}))
    local = sp.save_support(town, sp.SupportPerson(name="町会 把握", consent="同意"))
    plain = _decrypted_pages(town)
    assert "要支援 太郎".encode() in plain and "人工透析(週3回)".encode() in plain  # the check can see them
    second = [FIRST[0], [9, "新顔 花子", "シンガオ ハナコ", "女", datetime(1950, 2, 2), 76, "金沢市泉野町3-3", "", "", "", "",
                         "", "", "有", "高齢者のみ", "K-009"]]
    plan = sp.plan_city_list(town, _city_xlsx(tmp_path / "R8.xlsx", second), "2026-11-01", "協定第3号")
    assert plan.previous is not None and plan.previous.received_on == "2025-11-01" and plan.kept == 1
    # SQLCipher turns secure_delete on for every keyed connection; the import must not rely on it
    assert town.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    town.conn.execute("PRAGMA secure_delete = OFF")
    result = sp.apply_city_list(town, plan, remove_file=True)
    assert (result.rows, result.replaced_rows, result.carried_helpers) == (2, 4, 2)
    assert result.secure_delete and result.checkpointed and result.file_removed
    assert not (tmp_path / "R8.xlsx").exists()  # the city's file, overwritten and removed on request
    assert town.conn.execute("PRAGMA secure_delete").fetchone()[0] == 0  # as it was
    names = {s.name for s in sp.list_support(town)}
    assert names == {"青木 一郎", "新顔 花子", "町会 把握"}  # the first version's other rows are gone
    versions = sp.city_lists(town)
    assert [(v.received_on, v.replaced_at is None) for v in versions] == [("2026-11-01", True), ("2025-11-01", False)]
    assert town.conn.execute("SELECT count(*) FROM support_people WHERE list_id = ?", [versions[1].id]).fetchone()[0] == 0
    again = next(s for s in sp.list_support(town) if s.person_id == town.aoki)
    assert again.route_notes == "裏の坂道から公民館へ" and len(again.helpers) == 2  # the 町会's work carried over
    assert sp.get_support(town, local).name == "町会 把握"
    # the old rows are not merely unlinked: their bytes are gone from the file (secure_delete)
    plain = _decrypted_pages(town)
    for gone in ("要支援 太郎", "人工透析(週3回)", "K-003", "緑川 二郎"):
        assert gone.encode() not in plain, gone
    assert "新顔 花子".encode() in plain


def test_a_plan_made_before_another_import_is_refused(town, tmp_path):
    path = _city_xlsx(tmp_path / "R8.xlsx", FIRST[:1])
    one, two = (sp.plan_city_list(town, path, "2026-11-01", "協定第3号") for _ in range(2))
    sp.apply_city_list(town, one)
    with pytest.raises(RegisterError, match="もう一度"):
        sp.apply_city_list(town, two)


@needs_poppler
def test_the_printed_list_is_watermarked_numbered_per_copy_and_recorded(town, tmp_path):
    plan = sp.plan_city_list(town, _city_xlsx(tmp_path / "R8.xlsx", FIRST), "2026-11-01", "協定第3号")
    sp.apply_city_list(town, plan, {5: town.sato1})
    result = sd.write_support_list(town, tmp_path / "名簿.pdf", purpose="防災訓練の準備", copies=3)
    assert (result.pages, result.households) == (3, 3)  # one page a set; 緑川 (不同意) is not on the 同意者名簿
    text = _pdf_text(tmp_path / "名簿.pdf")
    assert text.count("取扱注意テスト町会管理者会長山田") >= 3  # every page's header (and its watermark)
    for part in ("1/3部", "2/3部", "3/3部", "コピー禁止・使用後は返却", "令和8年11月28日", "同意者名簿", "青木一郎",
                 "要支援太郎", "協定第3号", "目的:防災訓練の準備"):
        assert part in text, part
    assert "緑川" not in text
    entry = _audit(town)[-1]
    assert (entry["action"], entry["table_name"], entry["actor"], entry["person_count"]) == (
        "print", "support_people", "会長 山田", 3)
    assert "3部" in entry["summary"] and "防災訓練の準備" in entry["summary"]
    everyone = sd.write_support_list(town, tmp_path / "全員.pdf", purpose="災害対応", consent_only=False,
                                     block_ids=[town.b2])
    assert everyone.households == 1 and "緑川二郎" in _pdf_text(tmp_path / "全員.pdf")
    count = len(_audit(town))
    sd.write_support_list(town, tmp_path / "preview.pdf", purpose="確認", record=False)
    assert len(_audit(town)) == count + 1 and "取扱注意" in _pdf_text(tmp_path / "preview.pdf")  # watermarked anyway
    look = _audit(town)[-1]  # a preview is not a print, but the names were on screen: the look is recorded
    assert (look["action"], look["table_name"]) == ("view_sensitive", "support_people") and "プレビュー" in look["summary"]
    with pytest.raises(RegisterError, match="部数"):
        sd.write_support_list(town, tmp_path / "x.pdf", purpose="訓練", copies=0)
    with pytest.raises(ValidationError, match="目的"):
        sd.write_support_list(town, tmp_path / "x.pdf", purpose=" ")
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_the_individual_plan_sheet(town, tmp_path):
    sid = sp.save_support(town, sp.SupportPerson(person_id=town.aoki, reasons=("身体障害",), consent="同意",
                                                 care_level="要介護2", medical_notes="透析中", evacuation_place="泉野小学校",
                                                 route_notes="裏の坂道から公民館へ"))
    _helper(town, sid)
    result = sd.write_individual_plan(town, tmp_path / "計画.pdf", support_id=sid, copies=2)
    text = _pdf_text(tmp_path / "計画.pdf")
    for part in ("個別避難支援計画", "青木一郎", "アオキイチロウ", "昭和15年3月1日（86歳）", "■身体障害", "□難病", "要介護2",
                 "透析中", "泉野小学校", "裏の坂道から公民館へ", "支援者花子", "090-7777-1234", "近所助", "担当民生委員",
                 "緊急連絡先", "本人署名", "取扱注意テスト町会管理者会長山田", "1/2部", "2/2部"):
        assert part in text, part
    assert result.pages % 2 == 0
    entry = _audit(town)[-1]
    assert (entry["action"], entry["table_name"], entry["row_id"], entry["person_count"]) == (
        "print", "support_people", sid, 1)
    assert "2部" in entry["summary"] and "青木" not in entry["summary"]
