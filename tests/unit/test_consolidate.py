"""`kyodo consolidate`: many associations' report workbooks read, checked and added up.

Real workbooks throughout: written cell by cell with openpyxl (the default layout as another tool
would write it, and a city's own form by hand), real broken files (cut-off zips, CSV, text named
.xlsx, an encrypted-package file, another program's workbook), read back with python-calamine by
the code under test, and the summary read back with openpyxl.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.export.consolidate_xlsx import SHEETS, save_summary
from kyodo_desktop.export.demo_reports import (
    DISTRICTS,
    demo_report,
    generate_reports,
    save_report_cells,
)
from kyodo_desktop.models.consolidate import (
    ERROR,
    MIN_PARALLEL,
    READ,
    SKIPPED,
    SUM_KEYS,
    UNREADABLE,
    WARNING,
    ConsolidationCancelled,
    consolidate,
    read_report,
)
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.report_fields import ReportData, default_mapping, mapping_from_json

FY = 2025


def _data(seed: int, name: str, district: str, fy: int = FY) -> ReportData:
    return demo_report(random.Random(seed), name, district, fy)


def _write(path: Path, data: ReportData, mapping=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return save_report_cells(data, path, mapping)


def _problems(result, severity=None) -> list[str]:
    return [p.text() for p in result.problems if severity is None or p.severity == severity]


def _only(files, name):
    [f] = [f for f in files if f.name == name]
    return f


# -- one file: what is read, what is wrong --------------------------------------------------------


def test_a_good_report_is_read_with_every_field_and_the_block_table(tmp_path):
    data = _data(1, "尾山町会", "長町校下")
    path = _write(tmp_path / "尾山町会.xlsx", data)
    r = read_report(path, [default_mapping()], fiscal_year=FY)
    assert r.status == READ and r.form == default_mapping().name
    assert r.problems == [] and r.accepted
    for key, value in data.values.items():
        assert r.value(key) == value, key
    want = [{k: row[k] for k in ("block", "member_households", "non_member_households", "persons", "aged_65",
                                  "aged_75", "needs_help")} for row in data.tables["blocks"]]
    assert r.data.tables["blocks"] == want


@pytest.mark.parametrize(("change", "place", "words", "severity"), [
    (lambda d: d.values.update(member_households="約120"), "概要!C16", "「加入世帯数」が数ではありません: 約120", ERROR),
    (lambda d: d.values.update(president_name=None), "概要!C9", "「会長 氏名」が空です", ERROR),
    (lambda d: d.values.update(as_of="去年の春"), "概要!C7", "「基準日」が日付ではありません", ERROR),
    (lambda d: d.values.update(carry_over=d.values["carry_over"] + 1), "概要!C31", "次年度繰越金", ERROR),
    (lambda d: d.values.update(needs_help=-2), "概要!C22", "「要支援者（人）」がマイナスです: -2", ERROR),
    (lambda d: d.values.update(blocks=d.values["blocks"] + 1), "概要!C19", "班数は", ERROR),
    (lambda d: d.tables["blocks"][0].update(member_households=d.tables["blocks"][0]["member_households"] + 1),
     "概要!C16", "加入世帯の合計", ERROR),
    (lambda d: d.tables["blocks"][-1].update(persons=d.tables["blocks"][-1]["persons"] - 1), "概要!C18",
     "人数の合計", ERROR),
    (lambda d: d.tables["blocks"][0].update(persons="たくさん"), "班別世帯数!D5", "「人数」が数ではありません", ERROR),
    (lambda d: d.values.update(area_households=d.values["member_households"] - 1), "概要!C16",
     "加入世帯数", WARNING),
    (lambda d: d.values.update(aged_75=d.values["aged_65"] + 1), "概要!C21", "75歳以上", WARNING),
])
def test_each_wrong_value_is_named_with_its_cell(tmp_path, change, place, words, severity):
    data = _data(2, "香林坊町会", "長町校下")
    change(data)
    r = read_report(_write(tmp_path / "r.xlsx", data), [default_mapping()], fiscal_year=FY)
    assert r.status == READ
    hits = [p for p in r.problems if p.place == place and words in p.message]
    assert hits, _problems(r)
    assert hits[0].severity == severity
    assert r.accepted == (severity == WARNING) == (not any(p.severity == ERROR for p in r.problems))


def test_a_negative_block_count_in_the_table_is_an_error_at_its_cell(tmp_path):
    data = _data(3, "広坂町会", "菊川町校下")
    rows = data.tables["blocks"]
    rows[0]["needs_help"] -= rows[0]["needs_help"] + 1  # -1; the total no longer matches either
    data.values["needs_help"] = sum(r["needs_help"] for r in rows)
    r = read_report(_write(tmp_path / "r.xlsx", data), [default_mapping()])
    assert "班別世帯数!G5: 表「班別世帯数」の要支援者がマイナスです: -1" in _problems(r, ERROR)


def test_wrong_fiscal_year_is_an_error_only_when_a_year_is_asked_for(tmp_path):
    path = _write(tmp_path / "r.xlsx", _data(4, "片町町会", "新竪町校下", fy=FY - 1))
    r = read_report(path, [default_mapping()], fiscal_year=FY)
    assert _problems(r) == ["概要!C6: 令和6年度（2024年度）の報告です（集計するのは令和7年度（2025年度））"]
    assert not r.accepted
    assert read_report(path, [default_mapping()]).accepted


def _encrypted_package() -> bytes:
    """The shape of a password-protected .xlsx: an OLE compound file holding 'EncryptedPackage'."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptedPackage".encode("utf-16-le") + b"\x00" * 94 + "EncryptionInfo".encode("utf-16-le")
    return head + directory + b"\x00" * 1024


def _other_program_book(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.active.append(["日付", "品目", "金額"])
    wb.save(path)


def _docx_like(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")


@pytest.mark.parametrize(("name", "make", "words"), [
    ("cut.xlsx", lambda p, good: p.write_bytes(good[: len(good) // 2]), "ファイルが壊れています"),
    ("報告.csv", lambda p, good: p.write_text("町会名,加入世帯数\n東町会,12\n", encoding="utf-8"),
     "CSVファイルで、Excelのブック（.xlsx）ではありません"),
    ("メモ.txt", lambda p, good: p.write_text("報告です", encoding="utf-8"), "テキストファイルで"),
    ("中身はCSV.xlsx", lambda p, good: p.write_text("町会名,加入世帯数\n東町会,12\n", encoding="cp932"),
     "中身がCSVで、Excelのブックではありません"),
    ("empty.xlsx", lambda p, good: p.write_bytes(b""), "空のファイルです"),
    ("locked.xlsx", lambda p, good: p.write_bytes(_encrypted_package()), "パスワードで保護されているため開けません"),
    ("家計簿.xlsx", lambda p, good: _other_program_book(p), "どれにも当てはまりません（シート: Sheet1）"),
    ("文書.xlsx", lambda p, good: _docx_like(p), "Word など別の形式の文書です"),
    ("scan.xlsx", lambda p, good: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4), "PDFファイルで"),
    ("noise.xlsx", lambda p, good: p.write_bytes(bytes(range(128, 256)) * 8), "Excelのブックではありません"),
    ("old.xls", lambda p, good: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000),
     "ファイルが壊れているため読めません"),
])
def test_each_unreadable_file_gets_its_reason_and_is_listed(tmp_path, name, make, words):
    good = _write(tmp_path / "good" / "good.xlsx", _data(5, "東山町会", "馬場校下")).read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    make(folder / name, good)
    (folder / "ok.xlsx").write_bytes(good)
    result = consolidate([folder])
    assert [f.name for f in result.files] == sorted(["in/ok.xlsx", f"in/{name}"])
    bad = _only(result.files, f"in/{name}")
    assert bad.status == UNREADABLE and words in bad.reason, bad.reason
    assert _only(result.files, "in/ok.xlsx").accepted
    assert result.grand_total().left_out == 1 and result.grand_total().associations == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_a_file_without_read_permission_is_listed(tmp_path):
    path = _write(tmp_path / "r.xlsx", _data(6, "寺町町会", "野町校下"))
    path.chmod(0)
    try:
        r = consolidate([tmp_path]).files[0]
    finally:
        path.chmod(0o644)
    assert r.status == UNREADABLE and "読む権限がありません" in r.reason


# -- many files -----------------------------------------------------------------------------------


def test_totals_per_district_come_from_error_free_files_only(tmp_path):
    rng = random.Random(7)
    expected: dict[str, Counter] = {}
    left_out: Counter = Counter()
    grand: Counter = Counter()
    made = []
    for i in range(14):
        district = ("長町校下", "菊川町校下", "野町校下")[i % 3]
        data = _data(100 + i, f"テスト{i}町会", district)
        fault = {3: "carry", 7: "year", 8: "warn", 11: "text"}.get(i)
        if fault == "carry":
            data.values["carry_over"] += 500
        elif fault == "year":
            data.values["fiscal_year"] = FY - 1
        elif fault == "warn":
            data.values["area_households"] = data.values["member_households"] - 3
        elif fault == "text":
            data.values["persons"] = "不明"
        _write(tmp_path / "in" / district / f"{i:02d}.xlsx", data)
        made.append((data, fault))
        if fault in (None, "warn"):
            expected.setdefault(district, Counter()).update({k: data.values[k] for k in SUM_KEYS})
            expected[district]["associations"] += 1
            grand.update({k: data.values[k] for k in SUM_KEYS})
        else:
            left_out[district] += 1
    rng.shuffle(made)
    result = consolidate([tmp_path / "in"], fiscal_year=FY)
    assert len(result.accepted) == 11 and len(result.with_errors) == 3
    totals = {t.district: t for t in result.district_totals()}
    assert set(totals) == set(expected)
    for district, want in expected.items():
        t = totals[district]
        assert t.associations == want["associations"]
        assert t.left_out == left_out[district]
        assert t.sums == {k: want[k] for k in SUM_KEYS}
    g = result.grand_total()
    assert g.sums == {k: grand[k] for k in SUM_KEYS} and g.associations == 11 and g.left_out == 3
    warned = [f for f in result.files if any(p.severity == WARNING for p in f.problems)]
    assert len(warned) == 1 and warned[0].accepted


def test_duplicates_are_errors_on_each_file(tmp_path):
    a = _write(tmp_path / "in" / "a.xlsx", _data(10, "彦三町会", "味噌蔵町校下"))
    shutil.copy(a, tmp_path / "in" / "a_再提出.xlsx")
    _write(tmp_path / "in" / "b.xlsx", _data(11, "笠市町会", "味噌蔵町校下"))
    _write(tmp_path / "in" / "b2.xlsx", _data(12, "笠市　町会", "味噌蔵町校下"))  # same name, typed with a space
    _write(tmp_path / "in" / "c.xlsx", _data(13, "笠市町会", "森山町校下"))  # same name, another 校下: fine
    files = {f.name: f for f in consolidate([tmp_path / "in"]).files}
    assert _problems(files["in/a.xlsx"]) == ["同じ内容のファイルがほかにもあります: in/a_再提出.xlsx"]
    assert _problems(files["in/a_再提出.xlsx"]) == ["同じ内容のファイルがほかにもあります: in/a.xlsx"]
    assert any("同じ町会（笠市町会・味噌蔵町校下）" in p and "in/b2.xlsx" in p for p in _problems(files["in/b.xlsx"]))
    assert any("in/b.xlsx" in p for p in _problems(files["in/b2.xlsx"]))
    assert files["in/c.xlsx"].accepted


def test_lock_hidden_output_and_missing_files_are_listed_not_dropped(tmp_path):
    good = _write(tmp_path / "in" / "sub" / "deep" / "r.xlsx", _data(20, "石引町会", "小将町校下"))
    (tmp_path / "in" / "sub" / "~$r.xlsx").write_bytes(b"\x0clock")
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / ".git" / "config").write_text("x")
    out = tmp_path / "in" / "集計.xlsx"
    out.write_bytes(good.read_bytes() + b"x")
    result = consolidate([tmp_path / "in", tmp_path / "nothing-here.xlsx", good], exclude=[out])
    by_name = {f.name: f for f in result.files}
    assert list(by_name) == ["in/.DS_Store", "in/.git/", "in/sub/deep/r.xlsx", "in/sub/~$r.xlsx", "in/集計.xlsx",
                             str(tmp_path / "nothing-here.xlsx")]  # `good` named again: listed once
    assert by_name["in/sub/~$r.xlsx"].status == SKIPPED and "ロックファイル" in by_name["in/sub/~$r.xlsx"].reason
    assert by_name["in/.DS_Store"].status == SKIPPED and "隠しファイル" in by_name["in/.DS_Store"].reason
    assert by_name["in/.git/"].status == SKIPPED and "隠しフォルダー" in by_name["in/.git/"].reason
    assert by_name["in/集計.xlsx"].status == SKIPPED and "保存先" in by_name["in/集計.xlsx"].reason
    missing = by_name[str(tmp_path / "nothing-here.xlsx")]
    assert missing.status == UNREADABLE and "見つかりません" in missing.reason
    assert by_name["in/sub/deep/r.xlsx"].accepted
    assert result.grand_total().left_out == 1  # the missing one; skipped files are not "left out"


def test_nothing_to_read_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(RegisterError, match="読む報告ファイルがありません"):
        consolidate([tmp_path / "empty"])


#: kinds of file the property test mixes, and the status each must end with
KINDS = {"good": READ, "wrong_year": READ, "csv": UNREADABLE, "cut": UNREADABLE, "empty": UNREADABLE,
         "other": UNREADABLE, "lock": SKIPPED, "hidden": SKIPPED}


@pytest.fixture(scope="module")
def good_books(tmp_path_factory) -> list[bytes]:
    """Distinct good workbooks (as bytes), one per association: copying one twice would be a duplicate."""
    d = tmp_path_factory.mktemp("good")
    out = []
    for i in range(12):
        fy = FY - 1 if i >= 8 else FY
        out.append(_write(d / f"{i}.xlsx", _data(300 + i, f"性質{i}町会", DISTRICTS[i % 5], fy)).read_bytes())
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(sorted(KINDS)), st.integers(0, 2)), min_size=1, max_size=14))
def test_every_input_file_appears_exactly_once(good_books, plan):
    goods = iter(good_books[:8])
    olds = iter(good_books[8:])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        made: dict[str, str] = {}
        for n, (kind, depth) in enumerate(plan):
            folder = root.joinpath(*[f"d{k}" for k in range(depth)])
            folder.mkdir(parents=True, exist_ok=True)
            name = {"csv": f"{n}.csv", "lock": f"~${n}.xlsx", "hidden": f".{n}.xlsx"}.get(kind, f"{n}.xlsx")
            path = folder / name
            if kind == "good":
                data = next(goods, None)
                if data is None:
                    continue
                path.write_bytes(data)
            elif kind == "wrong_year":
                data = next(olds, None)
                if data is None:
                    continue
                path.write_bytes(data)
            elif kind == "cut":
                path.write_bytes(good_books[0][:1000])
            elif kind == "other":
                _other_program_book(path)
            else:
                path.write_bytes(b"" if kind == "empty" else b"a,b\n1,2\n")
            made[path.relative_to(root.parent).as_posix()] = kind
        if not made:
            return
        result = consolidate([root], fiscal_year=FY)
        names = [f.name for f in result.files]
        assert sorted(names) == sorted(made) and len(set(names)) == len(names)
        for f in result.files:
            kind = made[f.name]
            assert f.status == KINDS[kind], (f.name, kind, f.reason)
            assert f.accepted == (kind == "good")
            assert f.status == READ or f.reason
        again = consolidate([root], fiscal_year=FY)
        assert [f.name for f in again.files] == names  # deterministic order


def test_parallel_reading_gives_the_same_result_as_in_process(tmp_path):
    n = MIN_PARALLEL + 4
    for i in range(n):
        data = _data(500 + i, f"並列{i}町会", DISTRICTS[i % 7], FY - 1 if i % 10 == 3 else FY)
        _write(tmp_path / "in" / f"{i:03d}.xlsx", data)
    (tmp_path / "in" / "bad.xlsx").write_bytes(b"PK\x03\x04broken")
    seen = []
    two = consolidate([tmp_path / "in"], fiscal_year=FY, workers=2, progress=lambda d, t: seen.append((d, t)))
    one = consolidate([tmp_path / "in"], fiscal_year=FY, workers=1)
    assert two.workers == 2 and one.workers == 1
    assert [(f.name, f.status, f.reason, f.problems, f.data) for f in two.files] == \
           [(f.name, f.status, f.reason, f.problems, f.data) for f in one.files]
    assert seen[-1] == (n + 1, n + 1) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_returning_false_cancels(tmp_path):
    for i in range(3):
        _write(tmp_path / "in" / f"{i}.xlsx", _data(600 + i, f"中止{i}町会", "泉校下"))
    with pytest.raises(ConsolidationCancelled, match="中止しました"):
        consolidate([tmp_path / "in"], progress=lambda done, total: False)


# -- a city's own form, read through a mapping --------------------------------------------------------

CITY_FORM = """{
 "name": "市の様式（テスト）", "sheets": ["報告書", "班の内訳"],
 "fields": {"association_name": "報告書!B2", "district": "報告書!E2", "fiscal_year": "報告書!B3",
            "as_of": "報告書!E3", "president_name": "報告書!B4", "area_households": "報告書!B8",
            "member_households": "報告書!C8", "persons": "報告書!D8", "blocks": "報告書!E8",
            "income_total": "'報告書'!C12", "expense_total": "報告書!D12", "carry_over": "報告書!E12"},
 "tables": {"blocks": {"sheet": "班の内訳", "first_row": 3, "max_rows": 30,
                       "columns": {"block": "B", "member_households": "C", "persons": "E"}}}
}"""


def _city_book(path: Path, *, name: str, district: str, year: str, blocks: list[tuple[str, int, int]],
               money: tuple[int, int, int]) -> dict:
    """A city form as its officers fill it by hand: titles, labels, numbers typed as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "報告書"
    ws["A1"] = "町会活動報告書"
    ws["A2"], ws["B2"], ws["D2"], ws["E2"] = "町会名", name, "校下", district
    ws["A3"], ws["B3"], ws["D3"], ws["E3"] = "年度", year, "基準日", "令和7年4月1日"
    ws["A4"], ws["B4"] = "会長", "前田　利家"
    ws["A7"], ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "", "区域内世帯", "加入世帯", "会員数", "班数"
    members = sum(b[1] for b in blocks)
    persons = sum(b[2] for b in blocks)
    ws["B8"], ws["C8"], ws["D8"], ws["E8"] = f"{members + 10:,}", f"{members:,}世帯", persons, len(blocks)
    ws["C12"], ws["D12"], ws["E12"] = f"{money[0]:,}円", money[1], money[2]
    t = wb.create_sheet("班の内訳")
    t["B2"], t["C2"], t["D2"], t["E2"] = "班", "加入世帯", "（空欄）", "人数"
    for n, (b, m, p) in enumerate(blocks, start=3):
        t[f"B{n}"], t[f"C{n}"], t[f"E{n}"] = b, m, p
    t[f"B{3 + len(blocks)}"] = "合計"
    t[f"C{3 + len(blocks)}"] = members
    wb.save(path)
    return {"member_households": members, "persons": persons, "area_households": members + 10,
            "blocks": len(blocks), "income_total": money[0], "expense_total": money[1], "carry_over": money[2]}


def test_a_city_form_is_read_through_its_mapping_beside_the_default(tmp_path):
    city = mapping_from_json(CITY_FORM)
    folder = tmp_path / "in"
    folder.mkdir()
    want = _city_book(folder / "city1.xlsx", name="大手町会", district="長町校下", year="令和7年度",
                      blocks=[("1班", 12, 30), ("2班", 9, 20), ("3班", 15, 33)], money=(500_000, 420_000, 80_000))
    _city_book(folder / "city2.xlsx", name="尾張町会", district="長町校下", year="2025",
               blocks=[("1班", 12, 30), ("2班", 9, 20)], money=(300_000, 100_000, 100_000))  # accounts off
    default = _data(700, "安江町会", "長町校下")
    _write(folder / "default.xlsx", default)
    result = consolidate([folder], fiscal_year=FY, mappings=[city, default_mapping()])
    files = {f.name: f for f in result.files}
    c1 = files["in/city1.xlsx"]
    assert c1.form == "市の様式（テスト）" and c1.accepted, _problems(c1)
    assert c1.value("fiscal_year") == FY and c1.value("as_of") == date(2025, 4, 1)
    for key, value in want.items():
        assert c1.value(key) == value, key
    assert [r["block"] for r in c1.data.tables["blocks"]] == ["1班", "2班", "3班"]  # stops at 合計
    c2 = files["in/city2.xlsx"]
    assert "報告書!E12" in [p.place for p in c2.problems if p.severity == ERROR]
    assert files["in/default.xlsx"].form == default_mapping().name and files["in/default.xlsx"].accepted
    [t] = result.district_totals()
    assert t.associations == 2 and t.left_out == 1
    assert t.sums["member_households"] == want["member_households"] + default.values["member_households"]
    # without the city's mapping its books are another program's
    plain = {f.name: f for f in consolidate([folder]).files}
    assert plain["in/city1.xlsx"].status == UNREADABLE and "報告書" in plain["in/city1.xlsx"].reason


def test_a_city_form_with_too_many_block_rows_is_an_error(tmp_path):
    city = mapping_from_json(CITY_FORM.replace('"max_rows": 30', '"max_rows": 2'))
    _city_book(tmp_path / "c.xlsx", name="大手町会", district="長町校下", year="令和7年度",
               blocks=[("1班", 1, 2), ("2班", 1, 2), ("3班", 1, 2)], money=(1, 1, 0))
    r = read_report(tmp_path / "c.xlsx", [city])
    assert "班の内訳!B5: 表「班別世帯数」が様式の行数（2行）を超えています" in _problems(r, ERROR)


# -- the summary workbook -------------------------------------------------------------------------


def _sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_summary_workbook_reads_back(tmp_path):
    folder = tmp_path / "in"
    datas = [_data(800 + i, f"集計{i}町会", ("長町校下", "兼六校下")[i % 2]) for i in range(6)]
    datas[0].values["association_name"] = "=HYPERLINK(\"http://x\")町会"
    datas[4].values["carry_over"] += 1
    for i, d in enumerate(datas):
        _write(folder / f"{i}.xlsx", d)
    (folder / "x.csv").write_text("a,b", encoding="utf-8")
    (folder / "~$0.xlsx").write_bytes(b"lock")
    result = consolidate([folder], fiscal_year=FY)
    out = save_summary(result, tmp_path / "集計.xlsx", today=date(2026, 5, 10))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == list(SHEETS)
    rows = _sheet_rows(wb["町会一覧"])
    head, body = rows[0], rows[1:]
    assert head[:4] == ["校下", "町会名", "年度", "会長"] and head[-3:] == ["ファイル", "問題の数", "合計に含む"]
    assert len(body) == 6
    by_file = {r[head.index("ファイル")]: r for r in body}
    r4 = by_file["in/4.xlsx"]
    assert r4[head.index("合計に含む")].startswith("いいえ") and r4[head.index("問題の数")] == 1
    r1 = by_file["in/1.xlsx"]
    assert r1[head.index("加入世帯")] == datas[1].values["member_households"]
    assert r1[head.index("加入率")] == pytest.approx(datas[1].values["member_households"]
                                                    / datas[1].values["area_households"])
    assert r1[head.index("年度")] == "令和7年度（2025）"
    cell = next(c for c in wb["町会一覧"]["B"] if c.value == datas[0].values["association_name"])
    assert cell.data_type == "s"  # someone's text, not a formula

    totals = _sheet_rows(wb["校下別合計"])
    th = totals[0]
    lines = {r[0]: r for r in totals[1:] if r[0]}
    for district in ("長町校下", "兼六校下"):
        ok = [d for i, d in enumerate(datas) if d.values["district"] == district and i != 4]
        line = lines[district]
        assert line[th.index("町会数（合計に含む）")] == len(ok)
        assert line[th.index("除外したファイル")] == (1 if district == "長町校下" else 0)
        assert line[th.index("加入世帯")] == sum(d.values["member_households"] for d in ok)
        assert line[th.index("繰越")] == sum(d.values["carry_over"] for d in ok)
    assert lines["合計"][th.index("町会数（合計に含む）")] == 5
    assert lines["合計"][th.index("除外したファイル")] == 2  # the wrong accounts and the CSV
    assert any(isinstance(r[0], str) and "合計に含めなかったファイル: 2件" in r[0] for r in totals)

    problems = _sheet_rows(wb["問題"])
    assert problems[0] == ["ファイル", "校下", "町会名", "重さ", "場所", "内容"]
    assert [(p[0], p[3], p[4]) for p in problems[1:]] == [("in/4.xlsx", ERROR, "概要!C31")]

    others = _sheet_rows(wb["読めなかったファイル"])
    assert {r[0]: r[1] for r in others[1:]} == {"in/x.csv": "読めなかった", "in/~$0.xlsx": "読まなかった"}
    listed = [r[head.index("ファイル")] for r in body] + [r[0] for r in others[1:]]
    assert sorted(listed) == sorted(f.name for f in result.files)
    ws = wb["町会一覧"]
    assert ws.freeze_panes == "A2" and ws.page_setup.paperSize == 9 and "令和7年度" in ws.oddHeader.left.text


def test_summary_to_a_missing_folder_says_so_and_leaves_nothing(tmp_path):
    _write(tmp_path / "in" / "a.xlsx", _data(900, "北町会", "泉校下"))
    result = consolidate([tmp_path / "in"])
    with pytest.raises(RegisterError, match="保存先のフォルダーがありません"):
        save_summary(result, tmp_path / "nope" / "out.xlsx")
    assert not (tmp_path / "nope").exists()


# -- the demo and the command line --------------------------------------------------------------------


def test_demo_reports_are_believable_and_their_faults_are_found(tmp_path):
    paths = generate_reports(tmp_path / "a", 70, seed=5, workers=1, plain=True)
    assert len(paths) == 70 + 7  # a cut-off copy, a copy sent twice, a lock file, CSV, text, empty, other
    result = consolidate([tmp_path / "a"], fiscal_year=FY)
    assert [f.name for f in result.files] == sorted(f"a/{p.relative_to(tmp_path / 'a').as_posix()}" for p in paths)
    read = [f for f in result.files if f.status == READ]
    assert len({f.value("district") for f in read}) == 62
    plain = [f for f in result.accepted if not f.problems]
    assert all(20 <= f.value("area_households") <= 1500 for f in plain)
    assert all(f.value("member_households") <= f.value("area_households") for f in plain)
    errors = Counter(p.message.split("が")[0][:12] for f in result.with_errors for p in f.problems
                     if p.severity == ERROR)
    assert len(result.with_errors) == 7, errors  # 5 spoilt reports + a copy sent twice (both flagged)
    assert len(result.with_status(UNREADABLE)) == 5 and len(result.with_status(SKIPPED)) == 1
    assert len(result.accepted) == 70 - 6  # one spoilt report has only a warning
    again = consolidate([tmp_path / "a"], fiscal_year=FY)
    other = generate_reports(tmp_path / "b", 70, seed=5, workers=1, plain=True)
    same = consolidate([tmp_path / "b"], fiscal_year=FY)
    assert [p.relative_to(tmp_path / "b") for p in other] == [p.relative_to(tmp_path / "a") for p in paths]
    assert [(f.status, f.reason, f.data) for f in same.files] == [(f.status, f.reason, f.data) for f in again.files]


def kyodo(*args, cwd):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kyodo_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=180, cwd=cwd)


def test_cli_round_trip(tmp_path):
    demo = tmp_path / "reports"
    res = kyodo("consolidate-demo", demo, "-n", 20, "--seed", 2, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "27ファイルを作りました" in res.stdout
    res = kyodo("consolidate-demo", demo, "-n", 5, cwd=tmp_path)
    assert res.returncode == 1 and "空のフォルダーではありません" in res.stderr
    out = tmp_path / "集計.xlsx"
    res = kyodo("consolidate", out, demo, "--year", FY, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "ファイル 27件: 読めた 21件（うちエラーあり 7件）、読めなかった 5件、読まなかった 1件" in res.stdout
    assert "合計に含めた町会: 14" in res.stdout and "途中で切れた_" in res.stdout
    wb = openpyxl.load_workbook(out, read_only=True)
    assert len(list(wb["町会一覧"].iter_rows())) == 1 + 21
    wb.close()
    res = kyodo("consolidate", out, demo, cwd=tmp_path)
    assert res.returncode == 1 and "--force" in res.stderr
    before = out.read_bytes()
    bad_map = tmp_path / "bad.json"
    bad_map.write_text("{not json", encoding="utf-8")
    res = kyodo("consolidate", out, demo, "--force", "--mapping", bad_map, cwd=tmp_path)
    assert res.returncode == 1 and "様式の対応表が読めません" in res.stderr
    assert out.read_bytes() == before
    res = kyodo("consolidate", tmp_path / "nope" / "o.xlsx", demo, cwd=tmp_path)
    assert res.returncode == 1 and "フォルダーがありません" in res.stderr
    city = tmp_path / "city.json"
    city.write_text(CITY_FORM, encoding="utf-8")
    _city_book(demo / "city.xlsx", name="大手町会", district="長町校下", year="令和7年度",
               blocks=[("1班", 3, 7)], money=(10, 5, 5))
    res = kyodo("consolidate", out, demo, "--force", "--year", FY, "--mapping", city, "--workers", 1, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "読めた 22件" in res.stdout and "合計に含めた町会: 15" in res.stdout


def test_the_programs_own_template_reads_back_value_for_value(tmp_path):
    """What `fill_workbook` writes (the default template, styled, with labels and totals rows) is
    what the 校下 side reads: every field and every 班 row."""
    from kyodo_desktop.export.yearly_report import fill_workbook

    data = _data(960, "本多町会", "菊川町校下")
    data.values["association_name"] = "+本多町会"  # text that looks like a formula stays text
    path = fill_workbook(data, tmp_path / "本多町会.xlsx", made=date(2026, 4, 20))
    r = read_report(path, [default_mapping()], fiscal_year=FY)
    assert r.form == default_mapping().name and r.problems == [], _problems(r)
    for key, value in data.values.items():
        assert r.value(key) == value, key
    assert [row["persons"] for row in r.data.tables["blocks"]] == [row["persons"] for row in data.tables["blocks"]]


def test_the_membership_rate_counts_only_associations_that_give_their_area(tmp_path):
    """An association without its 区域内世帯数 adds its members to the sums but not to the 加入率
    (80 of 100, not 380 of 100)."""
    from kyodo_desktop.models.consolidate import DistrictTotal, FileResult

    def result(name, area, members):
        f = FileResult(path=tmp_path / name, name=name, status="read")
        f.data = ReportData(values={"district": "甲校下", "area_households": area, "member_households": members})
        return f

    t = DistrictTotal("甲校下")
    t.add(result("a.xlsx", 100, 80))
    t.add(result("b.xlsx", None, 300))
    assert t.sums["member_households"] == 380 and t.sums["area_households"] == 100
    assert t.member_rate == pytest.approx(0.8) and t.rate_files == 1


def test_reports_of_different_years_summed_without_a_year_are_pointed_out(tmp_path):
    """Without --year, reports of 令和6年度 and 令和7年度 would be added up as one year: said."""
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "a.xlsx", _data(1, "甲町会", "一校下", FY))
    _write(folder / "b.xlsx", _data(2, "乙町会", "一校下", FY - 1))
    mixed = consolidate([folder])
    assert "年度の違う報告が混ざっています" in mixed.mixed_years()
    assert consolidate([folder], fiscal_year=FY).mixed_years() == ""
    _write(folder / "b.xlsx", _data(2, "乙町会", "一校下", FY))
    assert consolidate([folder]).mixed_years() == ""
