"""A city's own Excel form: inspected, its mapping guessed from the labels, checked (formula cells
refused, merged cells moved to their top-left, sheets missing), filled in a copy that keeps its
formatting, merged ranges, formulas and protection; saved in the register and used by
`kyodo report --form`; mappings as JSON files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill, Protection
from python_calamine import CalamineWorkbook

from kyodo_desktop.export import yearly_report as yr
from kyodo_desktop.models import report_forms as rf
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied
from kyodo_desktop.models.report_fields import (
    FormMapping,
    ReportData,
    TablePlace,
    coerce,
    split_cell,
)
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.models.yearly_report import collect

YELLOW = "FFFFF2CC"
EVENT_LINES = 5


def make_city_form(path):
    """A form as a city sends it: a merged title and a merged 町会名 box, labels beside the inputs,
    a formula (加入率), a protected sheet whose input cells are unlocked, a fixed five-line table
    with a SUM row, and a second sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "実態報告"
    ws["A1"] = "町会実態報告書"
    ws.merge_cells("A1:F1")
    ws["B3"] = "町会名"
    ws.merge_cells("C3:E3")
    ws["B4"] = "校下名"
    ws["B5"] = "会長氏名"
    ws["B6"] = "加入世帯数："
    ws["D6"] = "世帯"
    ws["B7"] = "区域内世帯数"
    ws["B8"] = "加入率"
    ws["C8"] = "=IF(C7>0,C6/C7,0)"
    ws["B9"] = "班 数"
    for coordinate in ("C3", "C4", "C5", "C6", "C7", "C9"):
        ws[coordinate].protection = Protection(locked=False)
    ws["C6"].fill = PatternFill("solid", fgColor=YELLOW)
    ws["C6"].number_format = '#,##0"世帯"'
    ws["A11"] = "行事"
    for col, head in zip("ABC", ("月", "事業名", "参加者数"), strict=True):
        ws[f"{col}12"] = head
    for row in range(13, 13 + EVENT_LINES):
        for col in "ABC":
            ws[f"{col}{row}"].protection = Protection(locked=False)
    ws[f"B{13 + EVENT_LINES}"] = "合計"
    ws[f"C{13 + EVENT_LINES}"] = f"=SUM(C13:C{12 + EVENT_LINES})"
    ws.protection.sheet = True
    other = wb.create_sheet("収支")
    other["A1"] = "収入合計"
    other["A2"] = "支出合計"
    wb.save(path)
    return path


@pytest.fixture
def form(tmp_path):
    return make_city_form(tmp_path / "市の様式.xlsx")


def city_mapping() -> FormMapping:
    return FormMapping(name="市の様式", fields={
        "association_name": "実態報告!C3", "district": "実態報告!C4", "president_name": "実態報告!C5",
        "member_households": "実態報告!C6", "area_households": "実態報告!C7", "blocks": "実態報告!C9",
        "income_total": "収支!B1", "expense_total": "収支!B2"},
        tables={"events": TablePlace("実態報告", 13, {"month": "A", "name": "B", "participants": "C"}, EVENT_LINES)},
        sheets=("実態報告", "収支"))


def sample(events: int = 3) -> ReportData:
    return ReportData(values={"association_name": "尾山町会", "district": "長町校下", "president_name": "尾山　一郎",
                              "member_households": 123, "area_households": 150, "blocks": 6, "income_total": 456000,
                              "expense_total": 400000, "fiscal_year": 2025, "as_of": date(2026, 3, 31)},
                      tables={"events": [{"month": 4 + n, "name": f"行事{n}", "participants": 10 * n, "date": date(2025, 4 + n, 1)}
                                         for n in range(events)]})


def test_inspect_form_lists_sheets_merges_formulas_and_protection(form):
    info = rf.inspect_form(form)
    assert info.sheets == ("実態報告", "収支")
    assert set(info.merged["実態報告"]) == {"A1:F1", "C3:E3"}
    assert set(info.formulas["実態報告"]) == {"C8", f"C{13 + EVENT_LINES}"}
    assert info.protected == ("実態報告",)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("古い様式.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
    ("一覧.csv", "町会名,加入世帯数\n".encode(), ".csv"),
    ("壊れた.xlsx", b"PK\x03\x04 not really a zip", "壊れて"),
    ("空.xlsx", b"", "空"),
    ("文書.xlsx", b"hello", "Excelのファイル"),
])
def test_what_is_not_an_xlsx_form_is_refused_clearly(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(rf.FormError, match=words.replace(".", r"\.")):
        rf.inspect_form(path)


def test_guess_mapping_finds_the_labelled_cells_and_the_table(form):
    guess = rf.guess_mapping(form)
    f = guess.mapping.fields
    assert f["association_name"] == "実態報告!C3"  # right of the label, the merged box's top-left
    assert f["district"] == "実態報告!C4" and f["president_name"] == "実態報告!C5"
    assert f["member_households"] == "実態報告!C6"  # 「加入世帯数：」 with a colon
    assert f["area_households"] == "実態報告!C7" and f["blocks"] == "実態報告!C9"
    assert "実態報告!C8" not in f.values()  # the formula cell is never proposed
    assert f["income_total"] == "収支!B1" and f["expense_total"] == "収支!B2"
    assert guess.found["member_households"] == "実態報告!B6"
    events = guess.mapping.tables["events"]
    assert (events.sheet, events.first_row, events.max_rows) == ("実態報告", 13, EVENT_LINES)
    assert events.columns == {"month": "A", "name": "B", "participants": "C"}
    assert "persons" in guess.not_found
    assert rf.errors_of(rf.check_mapping(form, guess.mapping)) == []


def test_filled_copy_keeps_the_forms_formatting_merges_formulas_and_protection(form, tmp_path):
    data = sample()
    out = yr.fill_workbook(data, tmp_path / "記入済み.xlsx", mapping=city_mapping(), form=form)
    wb = load_workbook(out)
    ws = wb["実態報告"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:F1", "C3:E3"}
    assert ws["C8"].value == "=IF(C7>0,C6/C7,0)" and ws[f"C{13 + EVENT_LINES}"].value == f"=SUM(C13:C{12 + EVENT_LINES})"
    assert ws.protection.sheet is True and ws["C6"].protection.locked is False and ws["B6"].protection.locked is True
    assert ws["C6"].fill.fgColor.rgb == YELLOW and ws["C6"].number_format == '#,##0"世帯"'
    assert ws["C6"].value == 123 and ws["C3"].value == "尾山町会" and wb["収支"]["B1"].value == 456000
    assert [ws[f"B{r}"].value for r in range(13, 13 + EVENT_LINES)] == ["行事0", "行事1", "行事2", None, None]
    assert load_workbook(form)["実態報告"]["C6"].value is None  # the form itself is untouched
    # and the 校下 side reads the same values back with calamine through the same mapping
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("実態報告").to_python()
    for key, ref in city_mapping().fields.items():
        sheet, col, row = split_cell(ref)
        if sheet == "実態報告":
            assert coerce(key, rows[row - 1][ord(col) - 65]) == data.values[key]


def test_a_cell_inside_a_merged_range_is_moved_to_its_top_left(form, tmp_path):
    mapping = replace(city_mapping(), fields={**city_mapping().fields, "association_name": "実態報告!D3"})
    problems = rf.check_mapping(form, mapping)
    assert [p.severity for p in problems if "D3" in p.where] == ["note"] and "C3" in str(problems[0])
    out = yr.fill_workbook(sample(), tmp_path / "moved.xlsx", mapping=mapping, form=form)
    assert load_workbook(out)["実態報告"]["C3"].value == "尾山町会"


def test_a_formula_cell_a_missing_sheet_or_too_many_rows_refuse_the_whole_file(form, tmp_path):
    formula = replace(city_mapping(), fields={**city_mapping().fields, "member_households": "実態報告!C8"})
    errors = rf.errors_of(rf.check_mapping(form, formula))
    assert len(errors) == 1 and "数式" in errors[0].message and errors[0].where == "実態報告!C8"
    target = tmp_path / "out.xlsx"
    with pytest.raises(ValidationError, match="数式"):
        yr.fill_workbook(sample(), target, mapping=formula, form=form)
    assert not target.exists()
    missing = replace(city_mapping(), fields={**city_mapping().fields, "persons": "人数!B2"})
    assert any("シート「人数」" in p.message for p in rf.errors_of(rf.check_mapping(form, missing)))
    long_table = replace(city_mapping(), tables={"events": replace(city_mapping().tables["events"], max_rows=9)})
    assert any("行数を5行" in p.message for p in rf.errors_of(rf.check_mapping(form, long_table)))
    with pytest.raises(ValidationError, match=f"{EVENT_LINES}行までしか入りません（6行あります）"):
        yr.fill_workbook(sample(events=6), target, mapping=city_mapping(), form=form)
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_mapping_json_round_trip_and_broken_files(tmp_path):
    mapping = city_mapping()
    path = rf.export_mapping(mapping, tmp_path / "対応表.json")
    assert rf.import_mapping(path) == mapping
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x", "fields": {"町会名": "A1"}}', encoding="utf-8")
    with pytest.raises(ValidationError, match="年次報告にありません"):
        rf.import_mapping(broken)
    with pytest.raises(Exception, match="フォルダーがありません"):
        rf.export_mapping(mapping, tmp_path / "ない" / "x.json")


def _audits(reg, table: str) -> int:
    return reg.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = ?", [table]).fetchone()[0]


def test_saved_forms_in_the_register_fill_the_yearly_report(register, form, tmp_path):
    bad = replace(city_mapping(), fields={**city_mapping().fields, "member_households": "実態報告!C8"})
    with pytest.raises(ValidationError, match="数式"):
        rf.save_form(register, "金沢市様式", bad, form=form)
    assert rf.list_forms(register) == [] and _audits(register, "report_forms") == 0  # nothing half-saved
    moved = replace(city_mapping(), fields={**city_mapping().fields, "association_name": "実態報告!E3"})
    fid, notes = rf.save_form(register, "金沢市様式", moved, form=form)
    assert [n.severity for n in notes] == ["note"]
    saved = rf.get_form(register, "金沢市様式")
    assert saved.id == fid and saved.form_filename == "市の様式.xlsx" and saved.has_form
    assert saved.mapping.fields["association_name"] == "実態報告!C3"  # kept as moved
    assert rf.form_file(register, fid) == form.read_bytes()
    assert _audits(register, "report_forms") == 1
    out = yr.write_yearly_report(register, tmp_path / "市様式.xlsx", fiscal_year=2026, form_id="金沢市様式")
    ws = load_workbook(out)["実態報告"]
    data = collect(register, 2026)
    assert ws["C3"].value == "テスト町会" and ws["C4"].value == "テスト校下"
    assert ws["C6"].value == data.values["member_households"] and ws["C8"].value.startswith("=IF(")
    rf.retire_form(register, "金沢市様式")
    assert rf.list_forms(register) == [] and rf.list_forms(register, include_retired=True)[0].retired_on
    assert _audits(register, "report_forms") == 2
    register.session = Session(None, "v", "閲覧", "閲覧", frozenset({"register.read", "output"}))
    with pytest.raises(PermissionDenied):
        rf.save_form(register, "別の様式", city_mapping(), form=form)


PASSWORD = "cli-password-77"
DEMO = ("会長（デモ）", "demo-kaicho")


def kyodo(*args, home, check=True):
    env = {**os.environ, "KYODO_HOME": str(home), "PYTHONIOENCODING": "utf-8", "KYODO_USER": DEMO[0],
           "KYODO_PASSWORD": DEMO[1]}
    res = subprocess.run([sys.executable, "-m", "kyodo_desktop.cli", *map(str, args)], capture_output=True, text=True,
                         encoding="utf-8", env=env, timeout=180)
    if check and res.returncode != 0:
        raise AssertionError(f"exit {res.returncode}\n{res.stdout}\n{res.stderr}")
    return res


def test_cli_report_and_report_form_round_trip(tmp_path, form):
    home = tmp_path / "home"
    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 15, "--seed", 3, "--name", "尾張町会", home=home)
    out = tmp_path / "out"
    out.mkdir()
    res = kyodo("report", reg, 2020, "-o", out, "--json", home=home)  # the demo's books begin later
    report = json.loads(res.stdout[res.stdout.index("{"):])
    assert report["xlsx"].endswith("令和2年度_年次報告_尾張町会.xlsx") and "income_total" in report["missing"]
    assert "会計の記録がありません" in res.stderr
    again = kyodo("report", reg, 2020, "-o", out, home=home, check=False)
    assert again.returncode == 1 and "上書きはしません" in again.stderr
    kyodo("report-form", reg, "add", "市の様式", form, "--guess", home=home)
    listed = json.loads(kyodo("report-form", reg, "list", "--json", home=home).stdout)
    assert [f["name"] for f in listed] == ["市の様式"] and listed[0]["tables"] == ["events"]
    mapping = tmp_path / "対応表.json"
    kyodo("report-form", reg, "export", "市の様式", "-o", mapping, home=home)
    assert rf.import_mapping(mapping).fields["member_households"] == "実態報告!C6"
    city = tmp_path / "city"
    city.mkdir()
    full = kyodo("report", reg, 2025, "-o", city, "--form", "市の様式", home=home, check=False)
    assert full.returncode == 1 and "5行までしか入りません" in full.stderr and list(city.iterdir()) == []
    fields_only = json.loads(mapping.read_text(encoding="utf-8"))
    fields_only["tables"] = {}  # registered again without the table: the fields still go in
    mapping.write_text(json.dumps(fields_only, ensure_ascii=False), encoding="utf-8")
    kyodo("report-form", reg, "add", "市の様式", form, "--mapping", mapping, home=home)
    kyodo("report", reg, 2025, "-o", city, "--form", "市の様式", "--as-of", "令和8年3月31日", home=home)
    filled = load_workbook(next(city.glob("*.xlsx")))["実態報告"]
    assert filled["C3"].value == "尾張町会" and isinstance(filled["C6"].value, int)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    refused = kyodo("report-form", reg, "add", "古い様式", xls, "--mapping", mapping, home=home, check=False)
    assert refused.returncode == 1 and ".xls" in refused.stderr
    kyodo("report-form", reg, "remove", "市の様式", home=home)
    assert json.loads(kyodo("report-form", reg, "list", "--json", home=home).stdout) == []


def test_a_field_inside_a_table_is_refused(tmp_path):
    """A form whose 班 table has the same column words as the totals (加入世帯数 …): a total mapped to
    a cell of the table's rows would be overwritten by a 班's number — refused, as are two tables
    sharing cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "報告"
    ws["A1"], ws["A2"] = "町会名", "加入世帯数"
    for col, text in enumerate(("班名", "加入世帯数", "未加入世帯数", "人数"), start=1):
        ws.cell(row=5, column=col, value=text)
    form = tmp_path / "city.xlsx"
    wb.save(form)
    table = TablePlace("報告", 6, {"block": "A", "member_households": "B", "persons": "D"}, max_rows=4)
    inside = FormMapping("市の様式", {"association_name": "報告!B1", "member_households": "報告!B6"},
                         {"blocks": table}, ("報告",))
    problems = rf.check_mapping(form, inside)
    assert any(p.severity == "error" and "表「班別世帯数」の行（6〜9行目）の中" in p.message for p in problems)
    outside = replace(inside, fields={"association_name": "報告!B1", "member_households": "報告!B2"})
    assert rf.errors_of(rf.check_mapping(form, outside)) == []
    clash = replace(outside, tables={"blocks": table, "events": TablePlace("報告", 8, {"month": "A"}, max_rows=3)})
    assert any("同じセルを使っています" in p.message for p in rf.check_mapping(form, clash))


def test_the_guess_does_not_take_a_tables_header_for_a_total(tmp_path):
    """「加入世帯数」 as the 班 table's column header is not the label of the total: the guess leaves
    the total to the officer instead of proposing a cell inside the table (review finding)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "報告"
    ws["A1"], ws["A2"], ws["A3"] = "町会名", "会長氏名", "電話"
    for col, text in enumerate(("班名", "加入世帯数", "未加入世帯数", "人数"), start=1):
        ws.cell(row=5, column=col, value=text)
    ws["A10"], ws["B10"] = "合計", "=SUM(B6:B9)"
    form = tmp_path / "city.xlsx"
    wb.save(form)
    guess = rf.guess_mapping(form)
    assert "blocks" in guess.mapping.tables and guess.mapping.tables["blocks"].first_row == 6
    assert "member_households" not in guess.mapping.fields and "member_households" in guess.not_found
    assert guess.mapping.fields.get("association_name") == "報告!B1"
    assert rf.errors_of(rf.check_mapping(form, guess.mapping)) == []
