"""Exporting the register: real workbooks read back with openpyxl, calamine and LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from kyodo_desktop.export.register_xlsx import (
    ROUND_TRIP_COLUMNS,
    write_register_csv,
    write_register_xlsx,
)
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.importing.plan import plan_import


@pytest.fixture
def town(register):
    b = hh.add_block(register, "1班")
    hh.save_household(register, hh.HouseholdData(block_id=b, address_town="泉野町1丁目", address_number="2-3",
                                                 landline="076-220-1234", persons=[
        hh.PersonData(family_name="𠮷田", given_name="一郎", family_kana="ヨシダ", given_kana="イチロウ",
                      birth_date="1950-03-01", relation="世帯主"),
        hh.PersonData(family_name="𠮷田", given_name="=SUM(A1)", family_kana="ヨシダ", given_kana="ハナ", relation="妻")]))
    hh.save_household(register, hh.HouseholdData(block_id=b, address_town="泉野町1丁目", address_number="5",
                                                 persons=[hh.PersonData(family_name="髙橋", given_name="花子",
                                                                        family_kana="タカハシ", given_kana="ハナコ")]))
    return register


def test_workbook_is_print_ready_and_reads_back_the_same(town, tmp_path):
    result = write_register_xlsx(town, tmp_path / "名簿.xlsx")
    assert (result.persons, result.households, result.left_out) == (3, 2, 0)
    wb = openpyxl.load_workbook(tmp_path / "名簿.xlsx")
    assert wb.sheetnames == ["この名簿について", "名簿"]
    assert "役員による町会運営" in " ".join(str(c.value) for c in wb["この名簿について"]["A"])
    ws = wb["名簿"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1" and ws.freeze_panes == "A2"
    assert "&P / &N" in ws.oddFooter.center.text and "テスト町会" in ws.oddHeader.left.text
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][:5] == ["班", "回覧順", "世帯番号", "氏名", "フリガナ"]
    assert values[1][3] == "𠮷田　一郎" and values[1][6] == "昭和25年3月1日" and values[1][1] == 1
    assert values[2][3] == "𠮷田　=SUM(A1)"  # (starts with a name: stays text anyway)
    calamine = CalamineWorkbook.from_path(str(tmp_path / "名簿.xlsx")).get_sheet_by_name("名簿").to_python()
    assert [str(v) for v in calamine[1][3:5]] == ["𠮷田　一郎", "ヨシダ イチロウ"]
    assert town.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'export'")[0]["n"] == 1


def test_text_that_looks_like_a_formula_stays_text(town, tmp_path):
    hid = town.conn.execute("SELECT id FROM households ORDER BY id DESC LIMIT 1").fetchone()[0]
    data = hh.get_household(town, hid)
    data.persons[0].notes = "=HYPERLINK(\"http://x\")"
    hh.save_household(town, data)
    write_register_xlsx(town, tmp_path / "n.xlsx", columns=("name", "notes"))
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx")["名簿"]
    cell = next(c for c in ws["B"] if c.value and str(c.value).startswith("=HYPER"))
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_workbook_without_repair(town, tmp_path):
    write_register_xlsx(town, tmp_path / "名簿.xlsx", per_block=True)
    profile = tmp_path / "lo-profile"
    res = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", str(tmp_path),
         str(tmp_path / "名簿.xlsx")], capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "名簿-1班.csv"
    assert out.exists(), list(tmp_path.iterdir())
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["班", "回覧順", "世帯番号", "氏名"]
    assert rows[1][3] == "𠮷田　一郎" and rows[1][6] == "昭和25年3月1日"
    # the 班長用シート too (protected sheet, hidden columns, a very hidden snapshot)
    from kyodo_desktop.export.hancho_sheet import write_hancho_workbook

    block = town.conn.execute("SELECT id FROM blocks LIMIT 1").fetchone()[0]
    write_hancho_workbook(town, block, tmp_path / "班長.xlsx")
    res = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", str(tmp_path),
         str(tmp_path / "班長.xlsx")], capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    with (tmp_path / "班長-1班.csv").open(encoding="utf-8") as fh:
        sheet = list(csv.reader(fh))
    assert sheet[0][2:4] == ["氏名", "フリガナ"] and sheet[1][2] == "𠮷田　一郎"


def test_consent_decides_who_appears_for_distribution(town, tmp_path):
    first = town.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
    privacy.set_consent(town, household_id=first, purpose="MEIBO_DISTRIBUTE", granted=True, granted_on="2026-04-01")
    result = write_register_xlsx(town, tmp_path / "配布.xlsx", purpose="MEIBO_DISTRIBUTE")
    assert (result.persons, result.left_out) == (2, 1)
    ws = openpyxl.load_workbook(tmp_path / "配布.xlsx")
    names = [r[3].value for r in ws["名簿"].iter_rows(min_row=2)]
    assert "髙橋　花子" not in names
    assert any("名簿を会員に配布" in str(c.value) for c in ws["この名簿について"]["A"])


def test_csv_in_shift_jis_names_the_rows_it_cannot_hold(town, tmp_path):
    with pytest.raises(RegisterError, match="2行目「𠮷田　一郎」"):
        write_register_csv(town, tmp_path / "a.csv", encoding="cp932")
    assert not (tmp_path / "a.csv").exists()
    write_register_csv(town, tmp_path / "a.csv")  # UTF-8 with BOM holds every name
    data = (tmp_path / "a.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "𠮷田".encode() in data


def test_export_then_import_changes_nothing(demo_register, tmp_path):
    write_register_xlsx(demo_register, tmp_path / "往復.xlsx", columns=ROUND_TRIP_COLUMNS, per_block=True)
    plan = plan_import(demo_register, tmp_path / "往復.xlsx")
    kinds = {h.kind for h in plan.households}
    assert kinds == {"unchanged"}, [(h.kind, h.changes, h.note) for h in plan.households if h.kind != "unchanged"][:3]
    present = demo_register.conn.execute("SELECT count(*) FROM households WHERE status IN ('加入','非加入')").fetchone()[0]
    assert len(plan.households) == present and not plan.errors


KANJI = ["山田", "𠮷田", "髙橋", "山﨑", "渡邉", "齋藤", "德川", "葛󠄀城", "林", "中村"]
GIVEN = ["太郎", "花子", "一", "大翔", "結衣", "=SUM(A1)", "@home", "+1"]
KANA = st.text(alphabet="アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴー",
               min_size=1, max_size=6)


@st.composite
def _households(draw):
    out = []
    for _ in range(draw(st.integers(1, 4))):
        persons = []
        for n in range(draw(st.integers(1, 3))):
            persons.append(hh.PersonData(
                family_name=draw(st.sampled_from(KANJI)), given_name=draw(st.sampled_from(GIVEN)) + str(n),
                family_kana=draw(KANA), given_kana=draw(KANA), relation="世帯主" if n == 0 else draw(
                    st.sampled_from(["妻", "子", "父", "母", "孫"])),
                birth_date=draw(st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(1920, 1, 1),
                                                              max_value=__import__("datetime").date(2020, 12, 31)).map(
                    lambda d: d.isoformat()))),
                mobile=draw(st.sampled_from(["", "090-1234-5678", "080-2222-3333"]))))
        out.append(hh.HouseholdData(
            address_town=draw(st.sampled_from(["泉野町1丁目", "泉野町2丁目", "寺町5丁目"])),
            address_number=f"{draw(st.integers(1, 30))}-{draw(st.integers(1, 20))}",
            address_building=draw(st.sampled_from(["", "コーポ泉野101", "ハイツ=2"])),
            landline=draw(st.sampled_from(["", "076-220-1234", "076-241-0001"])), persons=persons))
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(households=_households(), per_block=st.booleans(), wareki=st.booleans())
def test_export_import_identity_for_any_register(tmp_path, clock, households, per_block, wareki):
    import uuid

    from conftest import ADMIN, PASSWORD

    from kyodo_desktop.models.register import Register

    folder = tmp_path / uuid.uuid4().hex
    reg = Register.create(folder / "r.kyodo", name="往復町会", admin_name=ADMIN, password=PASSWORD,
                          default_area_code="076", clock=clock)
    try:
        b1, b2 = hh.add_block(reg, "1班"), hh.add_block(reg, "2班")
        for n, data in enumerate(households):
            data.block_id = b1 if n % 2 == 0 else b2
            hh.save_household(reg, data)
        out = write_register_xlsx(reg, folder / "r.xlsx", columns=ROUND_TRIP_COLUMNS, per_block=per_block,
                                  wareki=wareki)
        assert out.persons == sum(len(h.persons) for h in households)
        plan = plan_import(reg, folder / "r.xlsx")
        assert [h.kind for h in plan.households] == ["unchanged"] * len(households), [
            (h.kind, h.changes, h.note) for h in plan.households]
    finally:
        reg.close(backup=False)


def test_our_export_imports_as_new_into_another_register(demo_register, tmp_path, clock):
    from conftest import ADMIN, PASSWORD

    from kyodo_desktop.models.register import Register

    write_register_xlsx(demo_register, tmp_path / "他町会へ.xlsx", columns=ROUND_TRIP_COLUMNS)
    other = Register.create(tmp_path / "other.kyodo", name="別の町会", admin_name=ADMIN, password=PASSWORD, clock=clock)
    try:
        plan = plan_import(other, tmp_path / "他町会へ.xlsx")
        assert {h.kind for h in plan.households} == {"new"}  # the IDs belong to another register: ignored
    finally:
        other.close(backup=False)


def test_a_register_workbook_that_cannot_be_saved_leaves_no_half_file(demo_register, tmp_path):
    from kyodo_desktop.export.register_xlsx import write_register_xlsx
    from kyodo_desktop.models.errors import RegisterError

    with pytest.raises(RegisterError, match="Excelファイルを保存できませんでした"):
        write_register_xlsx(demo_register, tmp_path / "no-such-folder" / "名簿.xlsx")
    assert not (tmp_path / "no-such-folder").exists()
