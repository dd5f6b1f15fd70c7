"""The 校下・市の集計 window: real demo report workbooks (with the faults a 校下 office receives),
read through the window, compared with the model's own result, the summary saved and read back."""

from __future__ import annotations

import json
import os
import random
import threading
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kyodo_desktop.export.consolidate_xlsx import SHEETS
from kyodo_desktop.export.demo_reports import demo_report, generate_reports, save_report_cells
from kyodo_desktop.models import consolidate as model
from kyodo_desktop.models.consolidate import READ, SKIPPED, UNREADABLE
from kyodo_desktop.models.report_fields import default_mapping, mapping_from_json
from kyodo_desktop.ui import consolidate_dialog as cd
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.consolidate_dialog import ConsolidateDialog

FY = 2025
N = 40


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> tuple[Path, list[Path]]:
    """40 associations' reports in folders per 校下, with the demo's faults (unreadable files,
    wrong year, accounts that do not balance, a copy, a lock file …); made once for the module."""
    folder = tmp_path_factory.mktemp("reports") / "報告"
    written = generate_reports(folder, N, seed=7, fiscal_year=FY, faults=True, plain=True)
    return folder, written


@pytest.fixture
def dialog(qtbot):
    d = ConsolidateDialog(today=date(2026, 5, 20))
    qtbot.addWidget(d)
    d.show()
    return d


def run(qtbot, d: ConsolidateDialog, timeout_ms: int = 60_000) -> None:
    assert d.start()
    assert d.running and not d.run_button.isEnabled() and d.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not d.running, timeout=timeout_ms)


def cell_text(d: ConsolidateDialog, row: int, col: int) -> str:
    return d.file_model.data(d.file_model.index(row, col))


def test_a_folder_is_read_every_file_listed_once_and_the_counts_are_the_models(qtbot, dialog, reports):
    folder, written = reports
    assert dialog.add_paths([folder]) == 1
    assert dialog.add_paths([folder]) == 0  # the same folder twice is one input
    assert not dialog.save_button.isEnabled()
    run(qtbot, dialog)
    expected = model.consolidate([folder], mappings=[default_mapping()])

    assert dialog.result is not None
    assert dialog.counts == {"read": len(expected.with_status(READ)), "errors": len(expected.with_errors),
                             "unreadable": len(expected.with_status(UNREADABLE)),
                             "skipped": len(expected.with_status(SKIPPED))}
    assert dialog.counts["unreadable"] >= 4 and dialog.counts["errors"] >= 5 and dialog.counts["skipped"] >= 1
    for key, label in dialog.count_labels.items():
        assert label.text() == f"{dialog.counts[key]:,}件"

    # every file written (and the lock file among them) is exactly one row of the table
    model_rows = dialog.file_model.rowCount()
    assert model_rows == len(expected.files) == len(written)
    shown_paths = [f.path.resolve() for f in dialog.file_model.rows]
    assert sorted(shown_paths) == sorted(p.resolve() for p in written)
    assert len(set(shown_paths)) == len(shown_paths)
    names = [cell_text(dialog, r, 0) for r in range(model_rows)]
    ranks = [cd._rank(f) for f in dialog.file_model.rows]
    assert ranks == sorted(ranks) and ranks[0] == 0  # what needs a word with an association comes first
    assert sorted(names) == sorted(f.name for f in expected.files)

    # unreadable files are listed with their reason, in words (not by colour alone)
    by_name = {f.name: f for f in expected.files}
    for row, name in enumerate(names):
        want = by_name[name]
        status = cell_text(dialog, row, 2)
        if want.status == UNREADABLE:
            assert status == "⚠ 読めなかった" and cell_text(dialog, row, 3) == want.reason != ""
        elif want.status == SKIPPED:
            assert status == "除いた" and cell_text(dialog, row, 3) == want.reason != ""
        elif want.has_errors:
            assert status.startswith("⚠ 問題あり")
            for p in want.problems:
                assert p.text() in cell_text(dialog, row, 3)
        else:
            assert status.startswith("読めた")
    empty = names.index(next(n for n in names if n.endswith("空のファイル.xlsx")))
    assert "空のファイル" in cell_text(dialog, empty, 3)

    # the 校下 table: one row per 校下 and the grand total, numbers as the model adds them
    totals = [*expected.district_totals(), expected.grand_total()]
    dm = dialog.district_model
    assert dm.rowCount() == len(totals)
    col = dm.columns.index("加入世帯")
    for r, t in enumerate(totals):
        assert dm.data(dm.index(r, 0)) == t.district
        assert dm.data(dm.index(r, col)) == f"{t.sums['member_households']:,}"
        assert dm.data(dm.index(r, 1)) == f"{t.associations:,}"

    # choosing a row shows all of its problems below the table
    bad = next(i for i, f in enumerate(dialog.file_model.rows) if f.has_errors)
    dialog.file_table.setCurrentIndex(dialog.file_model.index(bad, 0))
    for p in dialog.file_model.rows[bad].problems:
        assert p.text() in dialog.detail.toPlainText()
    assert dialog.save_button.isEnabled() and dialog.run_button.isEnabled()


def test_the_summary_is_saved_read_back_and_never_replaced_without_asking(qtbot, dialog, reports, tmp_path,
                                                                         monkeypatch):
    folder, _written = reports
    dialog.add_paths([folder])
    run(qtbot, dialog)
    result = dialog.result
    assert result is not None
    target = tmp_path / "集計表"  # no suffix: .xlsx is added
    saved = dialog.save(target)
    assert saved == tmp_path / "集計表.xlsx" and saved.exists()
    assert "保存しました" in dialog.status.text()

    wb = openpyxl.load_workbook(saved)
    assert wb.sheetnames == list(SHEETS)
    rows = list(wb["町会一覧"].iter_rows(values_only=True))
    head, body = rows[0], rows[1:]
    assert len(body) == len(result.with_status(READ))
    assert sorted(r[head.index("ファイル")] for r in body) == sorted(f.name for f in result.with_status(READ))
    not_read = [r for r in wb["読めなかったファイル"].iter_rows(values_only=True)]
    listed = " ".join(str(c) for r in not_read for c in r if c is not None)
    for f in [*result.with_status(UNREADABLE), *result.with_status(SKIPPED)]:
        assert f.name in listed and f.reason in listed

    # the file is there now: 「やめる」 leaves it as it was, 「置き換える」 replaces it — asked once each
    before = saved.read_bytes()
    asked: list[str] = []
    answer = [False]

    def confirm(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    assert dialog.save(saved) is None
    assert len(asked) == 1 and "集計表.xlsx" in asked[0] and saved.read_bytes() == before
    assert "やめました" in dialog.status.text()
    answer[0] = True
    assert dialog.save(saved) == saved
    assert len(asked) == 2
    assert openpyxl.load_workbook(saved).sheetnames == list(SHEETS)

    # a missing folder: said plainly, nothing written
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    assert dialog.save(tmp_path / "ない" / "集計.xlsx") is None
    assert errors and "⚠" in dialog.status.text() and not (tmp_path / "ない").exists()


def test_a_saved_summary_in_the_input_folder_is_not_read_back_as_a_report(qtbot, dialog, tmp_path):
    folder = tmp_path / "in"
    written = generate_reports(folder, 3, seed=3, fiscal_year=FY, faults=False, plain=True)
    dialog.add_paths([folder])
    run(qtbot, dialog)
    assert dialog.counts == {"read": 3, "errors": 0, "unreadable": 0, "skipped": 0}
    out = dialog.save(folder / "集計.xlsx")
    assert out is not None
    run(qtbot, dialog)
    assert dialog.file_model.rowCount() == len(written) + 1  # listed, never dropped …
    row = dialog.row_of("in/集計.xlsx")
    assert row >= 0 and cell_text(dialog, row, 2) == "除いた"  # … but not read as a report
    assert dialog.counts["read"] == 3


def test_a_bad_mapping_is_refused_with_the_reason_and_a_good_one_reads_a_city_form(qtbot, dialog, tmp_path,
                                                                                  monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    broken = tmp_path / "壊れた対応表.json"
    broken.write_text("{ 'name': 市の様式", encoding="utf-8")
    assert not dialog.add_mapping(broken)
    assert len(errors) == 1 and "壊れた対応表.json" in errors[0] and "JSON" in errors[0]
    assert "JSON" in dialog.status.text() and dialog.mapping_list.count() == 0 and dialog.mappings == []

    default = json.loads((Path(model.__file__).parents[1] / "resources/report_forms/default.json")
                         .read_text("utf-8"))
    no_sheets = tmp_path / "シートなし.json"
    no_sheets.write_text(json.dumps({**default, "name": "市の様式", "sheets": []}, ensure_ascii=False), "utf-8")
    assert not dialog.add_mapping(no_sheets)
    assert "シート名" in errors[-1] and dialog.mappings == []
    wrong_field = tmp_path / "項目違い.json"
    wrong_field.write_text(json.dumps({"name": "市の様式", "sheets": ["x"], "fields": {"会長の好物": "x!A1"}},
                                      ensure_ascii=False), "utf-8")
    assert not dialog.add_mapping(wrong_field)
    assert "会長の好物" in errors[-1] and dialog.mappings == []

    # a city's own layout: the default template's fields on other sheets and cells
    city = dict(default, name="市の様式（テスト）", sheets=["報告書", "班の内訳"])
    city["fields"] = {k: "報告書!" + v.split("!")[1].replace("C", "D") for k, v in default["fields"].items()}
    city["tables"] = {"blocks": dict(default["tables"]["blocks"], sheet="班の内訳", first_row=3)}
    city_json = tmp_path / "市の様式.json"
    city_json.write_text(json.dumps(city, ensure_ascii=False), "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(11)
    data = demo_report(rng, "大手町会", "長町校下", FY)
    save_report_cells(data, folder / "市の様式で.xlsx", mapping_from_json(city_json.read_text("utf-8")))
    save_report_cells(demo_report(rng, "尾張町会", "長町校下", FY), folder / "標準様式で.xlsx")

    dialog.add_paths([folder])
    run(qtbot, dialog)
    row = dialog.row_of("in/市の様式で.xlsx")
    assert cell_text(dialog, row, 2) == "⚠ 読めなかった"  # without the city's mapping: not a report

    assert dialog.add_mapping(city_json)
    assert dialog.mapping_list.count() == 1 and "市の様式（テスト）" in dialog.mapping_list.item(0).text()
    assert not dialog.add_mapping(city_json)  # the same form twice
    assert "もう追加してあります" in errors[-1] and dialog.mapping_list.count() == 1
    run(qtbot, dialog)
    row = dialog.row_of("in/市の様式で.xlsx")
    f = dialog.file_model.rows[row]
    assert f.form == "市の様式（テスト）" and f.accepted, f.problems
    assert cell_text(dialog, row, 1) == "大手町会" and f.value("persons") == data.values["persons"]
    assert dialog.counts == {"read": 2, "errors": 0, "unreadable": 0, "skipped": 0}
    [district, total] = dialog.district_model.rows
    assert district.associations == 2 and total.sums["persons"] == sum(x.value("persons") for x in dialog.result.files)

    dialog.mapping_list.setCurrentRow(0)
    dialog.remove_mapping_button.click()
    assert dialog.mappings == [] and dialog.mapping_list.count() == 0


def test_the_year_asked_for_is_shown_in_wareki_and_checked(qtbot, dialog, tmp_path):
    assert not dialog.check_year.isChecked() and not dialog.year.isEnabled()
    assert dialog.year.value() == 2025 and "令和7年度" in dialog.year_wareki.text()  # the 年度 just ended
    folder = tmp_path / "in"
    generate_reports(folder, 4, seed=5, fiscal_year=FY, faults=False, plain=True)
    dialog.add_paths([folder])
    dialog.set_fiscal_year(2026)
    assert dialog.year.isEnabled() and "令和8年度" in dialog.year_wareki.text()
    run(qtbot, dialog)
    assert dialog.counts["read"] == dialog.counts["errors"] == 4  # every report is of another 年度
    assert all("令和7年度" in cell_text(dialog, r, 3) for r in range(4))
    dialog.set_fiscal_year(FY)
    run(qtbot, dialog)
    assert dialog.counts == {"read": 4, "errors": 0, "unreadable": 0, "skipped": 0}
    dialog.set_fiscal_year(None)
    assert dialog.fiscal_year() is None


def test_cancelling_stops_the_reading_and_leaves_the_window_usable(qtbot, dialog, reports, monkeypatch):
    """The reading is held at its first progress report until 中止 has been clicked, so the click
    is known to come while it runs; the window answers clicks meanwhile (the reading is not on
    the GUI thread)."""
    folder, _written = reports
    gate = threading.Event()
    calls: list[tuple[int, int]] = []
    real = model.consolidate

    def held(*args, progress, **kwargs):
        def report(done: int, total: int) -> bool:
            calls.append((done, total))
            gate.wait(30)
            return progress(done, total)
        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(cd, "consolidate", held)
    dialog.add_paths([folder])
    assert dialog.start()
    qtbot.waitUntil(lambda: bool(calls), timeout=30_000)
    assert not dialog.close_button.isEnabled() and not dialog.add_folder_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "中止しています" in dialog.status.text() and not dialog.cancel_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert len(calls) == 1 and calls[0][0] < calls[0][1]  # stopped at the first report, not at the end
    assert "中止しました" in dialog.status.text()
    assert dialog.result is None and dialog.file_model.rowCount() == 0
    assert not dialog.save_button.isEnabled()
    assert dialog.run_button.isEnabled() and dialog.close_button.isEnabled() and dialog.add_folder_button.isEnabled()

    monkeypatch.setattr(cd, "consolidate", real)
    run(qtbot, dialog)  # and it runs again, to the end
    assert dialog.result is not None and dialog.file_model.rowCount() == len(dialog.result.files)


def test_escape_while_reading_cancels_instead_of_closing(qtbot, dialog, tmp_path, monkeypatch):
    gate = threading.Event()
    real = model.consolidate

    def held(*args, progress, **kwargs):
        return real(*args, progress=lambda d, t: gate.wait(30) and progress(d, t), **kwargs)

    monkeypatch.setattr(cd, "consolidate", held)
    folder = tmp_path / "in"
    generate_reports(folder, 3, seed=9, fiscal_year=FY, faults=False, plain=True)
    dialog.add_paths([folder])
    dialog.start()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "中止しています" in dialog.status.text()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert "中止しました" in dialog.status.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_many_files_are_read_by_worker_processes_from_the_window(qtbot, dialog, tmp_path):
    """Past the model's threshold the reading is spread over processes (started with spawn from the
    window's reading thread); the window shows the same as for a few files."""
    folder = tmp_path / "many"
    n = model.MIN_PARALLEL + 12
    generate_reports(folder, n, seed=21, fiscal_year=FY, faults=False, plain=True, workers=1)
    dialog.add_paths([folder])
    run(qtbot, dialog, timeout_ms=120_000)
    assert dialog.result is not None and dialog.result.workers == max(1, min(os.cpu_count() or 1, 61))
    assert dialog.counts == {"read": n, "errors": 0, "unreadable": 0, "skipped": 0}
    assert dialog.file_model.rowCount() == n and dialog.progress.value() == dialog.progress.maximum() == n


def test_inputs_are_added_and_removed_and_nothing_runs_without_them(qtbot, dialog, tmp_path):
    assert not dialog.run_button.isEnabled()
    assert not dialog.start() and "追加してください" in dialog.status.text()
    a, b = tmp_path / "a.xlsx", tmp_path / "b"
    a.write_bytes(b"")
    b.mkdir()
    assert dialog.add_paths([a, str(b), a]) == 2
    assert [dialog.file_list.item(i).text() for i in range(2)] == [f"［ファイル］ {a}", f"［フォルダー］ {b}"]
    assert dialog.run_button.isEnabled() and not dialog.remove_button.isEnabled()
    dialog.file_list.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert dialog.inputs == [b] and dialog.file_list.count() == 1
    run(qtbot, dialog)  # an empty folder: nothing to read, said so
    assert dialog.result is None and "⚠" in dialog.status.text() and "ありません" in dialog.status.text()


def test_files_dropped_on_the_window_are_added(dialog, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    a = tmp_path / "a.xlsx"
    a.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(tmp_path)), QUrl("https://example.jp/x.xlsx")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert dialog.inputs == [a, tmp_path]  # local files and folders only


def test_every_control_is_reachable_by_keyboard(dialog):
    buttons = dialog.findChildren(QPushButton)
    texts = {b.text() for b in buttons}
    assert {"ファイルを追加…", "フォルダーを追加…", "外す", "様式の対応表（JSON）を追加…", "集計する", "中止",
            "集計表を保存…", "閉じる"} <= texts
    for w in [*buttons, dialog.file_list, dialog.mapping_list, dialog.check_year, dialog.year,
              dialog.file_table, dialog.district_table]:
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, dialog, reports):
    dialog.add_paths([reports[0]])
    run(qtbot, dialog)
    qtmodeltester.check(dialog.file_model)
    qtmodeltester.check(dialog.district_model)


def test_screenshot_after_a_run(qtbot, dialog, reports):
    dialog.add_paths([reports[0]])
    dialog.set_fiscal_year(FY)
    run(qtbot, dialog)
    dialog.file_table.setCurrentIndex(dialog.file_model.index(
        next(i for i, f in enumerate(dialog.file_model.rows) if f.has_errors), 0))
    qtbot.wait(50)
    assert dialog.grab().save("/tmp/consolidate.png")
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert dialog.grab().save("/tmp/consolidate_districts.png")
