"""年次報告: collect() from a real register, the default workbook read back with openpyxl and
python-calamine through the default mapping, the PDF's text and a rendered page, the package's
file names and its refusal to overwrite; a year with no events and no books."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from kyodo_desktop.export import yearly_report as yr
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import privacy
from kyodo_desktop.models import support as sp
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.report_fields import (
    FIELD_BY_KEY,
    FIELDS,
    TABLES,
    ReportData,
    coerce,
    default_mapping,
    split_cell,
)
from kyodo_desktop.models.stats import counts
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.models.yearly_report import NO_BLOCK, NO_BOOKS, NO_EVENTS, collect, problems

FY = 2026  # the fixture clock is 2026-11-28: 令和8年度 is running
#: (block, status, birth dates of the persons) — 1 班: three member households, 2 班: one member, one not
HOUSEHOLDS = [
    ("1班", "加入", ["1940-05-01", "1943-02-02"]),  # 86 and 83: 65+ and 75+
    ("1班", "加入", ["1958-01-10", "1990-03-03", "2015-07-07"]),  # 68: 65+
    ("1班", "加入", ["1985-12-12"]),
    ("2班", "加入", ["1950-11-29", "1952-06-06"]),  # 75 tomorrow (not yet), 74
    ("2班", "非加入", ["1930-01-01"]),  # not a member: counted as a household only
]


def _expected_counts(as_of: date) -> dict[str, dict[str, int]]:
    """The 班 table worked out from HOUSEHOLDS by hand-written rules, independently of the code."""
    out: dict[str, dict[str, int]] = {}
    for block, status, births in HOUSEHOLDS:
        row = out.setdefault(block, {"member_households": 0, "non_member_households": 0, "persons": 0,
                                     "aged_65": 0, "aged_75": 0})
        if status != "加入":
            row["non_member_households"] += 1
            continue
        row["member_households"] += 1
        for b in births:
            born = date.fromisoformat(b)
            age = as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
            row["persons"] += 1
            row["aged_65"] += age >= 65
            row["aged_75"] += age >= 75
    return out


@pytest.fixture
def town(register):
    reg = register
    blocks = {name: hh.add_block(reg, name) for name in ("1班", "2班")}
    ids = []
    for n, (block, status, births) in enumerate(HOUSEHOLDS):
        ids.append(hh.save_household(reg, hh.HouseholdData(
            block_id=blocks[block], status=status, status_since="2020-04-01", address_town="テスト町", address_number=f"{n + 1}-1",
            landline=f"076-200-000{n}",
            persons=[hh.PersonData(family_name=f"姓{n}{k}", given_name="名", family_kana="セイ", given_kana="メイ",
                                   birth_date=b, mobile="090-1111-2222" if (n, k) == (0, 0) else "")
                     for k, b in enumerate(births)])))
    people = {r[1]: r[0] for r in reg.conn.execute("SELECT id, family_name FROM persons")}
    hh.add_officer(reg, people["姓00"], "会長", FY, "2026-04-01")
    hh.add_officer(reg, people["姓10"], "会計", FY, "2026-04-01")
    hh.add_officer(reg, people["姓20"], "班長", FY, "2026-04-01", block_id=blocks["1班"])
    hh.add_officer(reg, people["姓30"], "会長", FY - 1, "2025-04-01")  # last year's: not on this year's report
    for who in ("姓00", "姓10"):  # both agreed to their contact going to the 校下 / city
        privacy.set_consent(reg, purpose="CITY_REPORT", granted=True, granted_on="2026-04-01", person_id=people[who])
    pt.set_area_households(reg, FY, 7, "市の統計")
    sp.save_support(reg, sp.SupportPerson(person_id=people["姓01"], reasons=("要介護",), consent="同意"))
    sp.save_support(reg, sp.SupportPerson(name="名簿外　花子", address="テスト町9-9", consent="未確認"))
    act.save_event(reg, act.EventData("夏祭り", "2026-08-01", place="公園", status="実施", description="盆踊り"))
    act.save_event(reg, act.EventData("=清掃", "2026-05-10", place="町内", status="実施"))  # looks like a formula
    act.save_event(reg, act.EventData("中止した行事", "2026-06-01", status="中止"))
    act.set_band_counts(reg, 1, {"〜19歳": 12, "65〜74歳": 3})
    pt.save_issue(reg, pt.IssueData("空き家の見回り", found_on="2026-05-01", next_action="市に相談"))
    pt.save_issue(reg, pt.IssueData("古い課題", found_on="2020-05-01", stage="休止・終了"))
    ab.open_year(reg, FY)
    ab.set_opening_balance(reg, FY, "現金", 30000)
    ab.add_entry(reg, ab.EntryData("2026-05-01", "収入", 120000, subject="会費収入"))
    ab.add_entry(reg, ab.EntryData("2026-06-01", "支出", 45000, subject="会議費"))
    reg.blocks, reg.people = blocks, people
    return reg


def test_collect_counts_officers_events_books_and_issues(town):
    data = collect(town, FY)
    v = data.values
    assert v["fiscal_year"] == FY and v["as_of"] == town.today()  # the year is running: today
    assert v["association_name"] == "テスト町会" and v["district"] == "テスト校下"
    expected = _expected_counts(town.today())
    got = {r["block"]: {k: r[k] for k in expected["1班"]} for r in data.tables["blocks"] if r["block"] != NO_BLOCK}
    assert got == expected
    assert [r["needs_help"] for r in data.tables["blocks"]] == [1, 0, 1]  # 姓01 in 1班; 班なし: the outsider
    assert data.tables["blocks"][-1]["block"] == NO_BLOCK
    assert v["blocks"] == 2 and v["needs_help"] == 2
    for key in ("member_households", "non_member_households", "persons", "aged_65", "aged_75"):
        assert v[key] == sum(r[key] for r in expected.values())
    stats = counts(town, v["as_of"])  # the register's own counter agrees on members
    assert v["member_households"] == stats["member_households"] and v["persons"] == stats["member_persons"]
    assert v["area_households"] == 7
    assert v["president_name"] == "姓00　名" and v["president_phone"] == "090-1111-2222"
    assert v["president_address"] == "テスト町1-1"
    assert [o["role"] for o in data.tables["officers"]] == ["会長", "会計"]  # 班長 not listed, last year's 会長 not
    assert data.tables["officers"][1]["phone"] == "076-200-0001"  # no mobile: the household's phone
    assert not any("同意がない" in n for n in data.notes)
    # without that consent the names stay (the city needs to know who the 会長 is), the contacts go
    privacy.set_consent(town, purpose="CITY_REPORT", granted=False, granted_on=None, person_id=town.people["姓10"])
    withheld = collect(town, FY)
    assert withheld.tables["officers"][1]["name"] and withheld.tables["officers"][1]["phone"] in ("", None)
    assert withheld.values["president_phone"] == "090-1111-2222"
    assert any("役員1人の電話・住所" in n for n in withheld.notes)
    assert [e["name"] for e in data.tables["events"]] == ["=清掃", "夏祭り"]  # by date, 中止 left out
    assert v["events"] == 2 and v["participants"] == 15
    s = ab.settlement(town, FY)
    assert (v["income_total"], v["expense_total"], v["carry_over"]) == (s.income_total, s.expense_total, s.carry_out)
    assert v["income_total"] - v["expense_total"] == v["carry_over"] == 30000 + 120000 - 45000
    assert {r["subject"] for r in data.tables["settlement"] if r["actual"]} == {"前年度繰越金", "会費収入", "会議費"}
    assert [i["title"] for i in data.tables["issues"]] == ["空き家の見回り"] and v["open_issues"] == 1
    assert not data.missing() and not problems(data)
    assert any("締め前" in n for n in data.notes)


def test_as_of_counts_the_register_on_that_day(town):
    hh.change_household_status(town, town.conn.execute("SELECT min(id) FROM households").fetchone()[0], "転出",
                               "2026-10-01")
    before, after = collect(town, FY, as_of=date(2026, 9, 30)), collect(town, FY)
    assert before.values["member_households"] == after.values["member_households"] + 1
    assert before.values["as_of"] == date(2026, 9, 30)


def test_a_year_without_events_or_books(town):
    data = collect(town, 2024)
    assert data.values["as_of"] == date(2025, 3, 31)  # the year is over: its last day
    assert data.tables["events"] == [] and data.values["events"] == 0
    assert data.tables["settlement"] == [] and data.values["income_total"] is None and data.values["carry_over"] is None
    assert any(NO_EVENTS in n for n in data.notes) and any(NO_BOOKS in n for n in data.notes)
    assert {f.key for f in data.missing()} >= {"income_total", "expense_total", "carry_over", "president_name"}
    assert "収入合計（円）" in problems(data)[0]
    book = yr.write_yearly_report(town, town.path.parent / "2024.xlsx", fiscal_year=2024)
    wb = load_workbook(book)
    for key in ("income_total", "expense_total", "carry_over"):
        sheet, letters, row = split_cell(default_mapping().fields[key])
        assert wb[sheet][f"{letters}{row}"].value is None  # left empty, not 0
    assert wb["事業報告"]["A5"].value is None and NO_EVENTS in wb["事業報告"]["A3"].value
    pdf = yr.write_yearly_report_pdf(town, town.path.parent / "2024.pdf", fiscal_year=2024)
    text = _pdf_text(pdf.path)
    assert NO_BOOKS in text and NO_EVENTS in text


def _cell_values(path, engine: str) -> dict[str, object]:
    """Every cell of the default mapping, read back raw."""
    mapping = default_mapping()
    if engine == "openpyxl":
        wb = load_workbook(path, data_only=False)
        return {k: wb[s][f"{c}{r}"].value for k, (s, c, r) in ((k, split_cell(ref)) for k, ref in mapping.fields.items())}
    wb = CalamineWorkbook.from_path(str(path))
    sheets = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    out = {}
    for key, ref in mapping.fields.items():
        s, c, r = split_cell(ref)
        rows = sheets[s]
        col = ord(c) - 65
        out[key] = rows[r - 1][col] if r - 1 < len(rows) and col < len(rows[r - 1]) else None
    return out


def _table_rows(path, key: str) -> list[dict[str, object]]:
    """A table read back as the 校下 side reads it: from first_row until the first empty first column."""
    place = default_mapping().tables[key]
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(place.sheet).to_python()
    first = next(iter(place.columns.values()))
    out = []
    for r in rows[place.first_row - 1:]:
        if r[ord(first) - 65] in ("", None):
            break
        out.append({col: r[ord(letter) - 65] for col, letter in place.columns.items()})
    return out


def _plain(value: object) -> object:
    """A cell as calamine gives it, as the register's type: whole floats are ints, datetimes dates."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def test_workbook_values_read_back_equal_collect(town):
    data = collect(town, FY)
    path = yr.write_yearly_report(town, town.path.parent / "report.xlsx", fiscal_year=FY)
    for engine in ("openpyxl", "calamine"):
        cells = _cell_values(path, engine)
        for f in FIELDS:
            assert coerce(f.key, cells[f.key]) == data.values[f.key], (engine, f.key)
    cells = _cell_values(path, "calamine")
    assert isinstance(cells["as_of"], date) and cells["fiscal_year"] == FY  # a real date, the western year
    for key in TABLES:
        got = _table_rows(path, key)
        want = [{c: r.get(c) for c in default_mapping().tables[key].columns} for r in data.tables[key]]
        assert [{c: _plain(v) if v != "" else None for c, v in r.items()} for r in got] == \
               [{c: (v if v != "" else None) for c, v in r.items()} for r in want], key
    wb = load_workbook(path)
    ws = wb["事業報告"]
    assert ws["B5"].value == "=清掃" and ws["B5"].data_type == "s"  # text, never a formula
    blocks = wb["班別世帯数"]
    total_row = 5 + len(data.tables["blocks"]) + 1  # one empty row, then 合計
    assert blocks[f"A{total_row - 1}"].value is None and blocks[f"A{total_row}"].value == "合計"
    assert blocks[f"B{total_row}"].value == data.values["member_households"]
    assert wb["概要"]["A1"].value == "令和8年度 町会年次報告"
    assert "テスト町会" in wb["概要"].oddHeader.left.text and "連絡のためだけ" in wb["概要"].oddFooter.left.text
    assert wb["概要"].page_setup.paperSize == 9
    labels = {c.value for row in wb["概要"].iter_rows() for c in row}
    assert all(FIELD_BY_KEY[k].label in labels for k in default_mapping().fields)  # a label beside every cell
    assert {"会長", "会計"} <= labels and "090-1111-2222" in labels  # the officers with their phones


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def test_pdf_has_every_section_with_totals_and_renders(town, tmp_path):
    data = collect(town, FY)
    result = yr.write_yearly_report_pdf(town, tmp_path / "report.pdf", fiscal_year=FY)
    text = _pdf_text(result.path)
    flat = "".join(text.split())
    assert "テスト町会" in text and "令和8年度町会年次報告" in flat
    for heading in ("班別世帯数", "事業報告", "収支決算", "地域課題", "役員"):
        assert heading in text
    assert f"{data.values['member_households']}世帯" in flat and f"{data.values['carry_over']:,}円" in flat
    assert "合計" in text and "夏祭り" in text and "姓00名" in flat and "090-1111-2222" in text
    assert "名簿外" not in text  # people needing help: counted, never named
    assert f"1/{result.pages}" in flat and "連絡のためだけ" in flat
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(result.path), str(tmp_path / "page")],
                       check=True)
        assert (tmp_path / "page-1.png").stat().st_size > 5000


def test_report_package_names_records_and_never_overwrites(town, tmp_path):
    outputs = town.conn.execute("SELECT count(*) FROM audit_log WHERE action IN ('export', 'print')").fetchone()[0]
    xlsx, pdf = yr.report_package(town, tmp_path, fiscal_year=FY)
    assert xlsx.name == "令和8年度_年次報告_テスト町会.xlsx" and pdf.name == "令和8年度_年次報告_テスト町会.pdf"
    assert xlsx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:4] == b"%PDF"
    after = town.conn.execute("SELECT count(*) FROM audit_log WHERE action IN ('export', 'print')").fetchone()[0]
    assert after == outputs + 2
    before = (xlsx.stat().st_mtime_ns, pdf.stat().st_mtime_ns)
    with pytest.raises(RegisterError, match="上書きはしません"):
        yr.report_package(town, tmp_path, fiscal_year=FY)
    assert (xlsx.stat().st_mtime_ns, pdf.stat().st_mtime_ns) == before
    with pytest.raises(RegisterError, match="フォルダーがありません"):
        yr.report_package(town, tmp_path / "ない", fiscal_year=FY)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf", ".part")) == sorted([xlsx.name, pdf.name])


def test_a_block_leader_cannot_make_the_associations_report(town):
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "output"}),
                           block_ids=frozenset({town.blocks["1班"]}))
    with pytest.raises(PermissionDenied, match="すべての班"):
        collect(town, FY)
    town.session = Session(None, "v", "閲覧", "閲覧", frozenset({"register.read"}))
    with pytest.raises(PermissionDenied):
        yr.write_yearly_report(town, town.path.parent / "x.xlsx", fiscal_year=FY)
    assert not (town.path.parent / "x.xlsx").exists()


def test_file_names_are_safe_on_windows():
    data = ReportData(values={"fiscal_year": 2025, "association_name": "東/西:町会?"})
    assert yr.package_names(data) == ("令和7年度_年次報告_東_西_町会_.xlsx", "令和7年度_年次報告_東_西_町会_.pdf")


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({
    f.key: (texts.filter(lambda t: t.strip() == t) if f.type == "text"
            else st.integers(0, 10**9) if f.type == "int"
            else st.integers(1989, 2100) if f.type == "year"
            else st.dates(date(1990, 1, 1), date(2100, 12, 31)))
    for f in FIELDS}), events=st.lists(st.fixed_dictionaries({
        "month": st.integers(1, 12), "name": texts.filter(lambda t: t.strip() != ""), "participants": st.integers(0, 9999),
        "date": st.dates(date(2000, 1, 1), date(2099, 12, 31))}), max_size=6))
def test_fill_workbook_round_trips_any_values_through_calamine(tmp_path, values, events):
    """Whatever the values (text starting with = or @, big numbers, any date), the cells read back
    with calamine and coerced are the values written."""
    data = ReportData(values=values, tables={"events": events})
    path = yr.fill_workbook(data, tmp_path / "any.xlsx")
    cells = _cell_values(path, "calamine")
    for f in FIELDS:
        assert coerce(f.key, cells[f.key]) == (values[f.key] if values[f.key] != "" else None), f.key
    got = _table_rows(path, "events")
    assert [(int(r["month"]), str(r["name"]), int(r["participants"]), _plain(r["date"])) for r in got] == \
           [(e["month"], e["name"], e["participants"], e["date"]) for e in events]


def test_the_as_of_date_belongs_to_the_year_and_a_year_not_begun_is_refused(town):
    """(review finding) A 基準日 outside the 年度 would count the wrong people; a 年度 that has not
    started has nothing to report yet."""
    with pytest.raises(ValidationError, match="の中にありません"):
        collect(town, FY, as_of=date(FY - 1, 12, 31))
    with pytest.raises(ValidationError, match="まだ始まっていません"):
        collect(town, FY + 1)
    assert collect(town, FY, as_of=date(FY, 4, 1)).values["as_of"] == date(FY, 4, 1)
