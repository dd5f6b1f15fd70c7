"""年次報告 tab of 会計・報告 and the city-form mapping dialog, on the demo register.

Every action goes through the tab's and the dialog's own widgets; what was written is read back
from the files (openpyxl, pypdf) and from the register (report_forms). The clock is the
fixtures' (2026-11-28): 令和8年度 is the year in use.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QScrollArea

from kyodo_desktop.models import report_forms as rf
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS
from kyodo_desktop.models.report_fields import default_mapping, split_cell
from kyodo_desktop.models.yearly_report import NO_BOOKS, collect
from kyodo_desktop.ui.books_page import BooksPage
from kyodo_desktop.ui.report_form_dialog import FOUND, NOT_FOUND, FormMappingDialog
from kyodo_desktop.ui.report_tab import DEFAULT_LAYOUT, ReportTab

VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
HANCHO = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "班長")
FY = 2026
SCREENSHOTS = os.environ.get("KYODO_SCREENSHOTS")  # a folder: save the tab and the dialog there


def make_city_form(path: Path, *, event_lines: int = 80) -> Path:
    """A city form: a merged title and a merged 町会名 box, labels with empty cells beside them, a
    unit beside 加入世帯数, a formula (加入率), a second sheet, and an events table with a SUM row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "実態報告"
    ws["A1"] = "町会実態報告書"
    ws.merge_cells("A1:E1")
    ws["B3"] = "町会名"
    ws.merge_cells("C3:E3")
    ws["B4"] = "会長氏名"
    ws["B5"] = "加入世帯数"
    ws["D5"] = "世帯"
    ws["B6"] = "会員数"
    ws["B7"] = "区域内世帯数"
    ws["B8"] = "加入率"
    ws["C8"] = "=IF(C7>0,C5/C7,0)"
    ws["B9"] = "班数"
    for col, head in zip("ABC", ("月", "事業名", "参加者数"), strict=True):
        ws[f"{col}11"] = head
    ws[f"B{12 + event_lines}"] = "合計"
    ws[f"C{12 + event_lines}"] = f"=SUM(C12:C{11 + event_lines})"
    other = wb.create_sheet("収支")
    other["A1"] = "収入合計"
    other["A2"] = "支出合計"
    other["A3"] = "次年度繰越金"
    wb.save(path)
    return path


def _tab(qtbot, worker, size=(1100, 900)) -> ReportTab:
    tab = ReportTab(worker)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    tab.set_fiscal_year(FY)
    tab.refresh()
    return tab


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- the preview and the package -------------------------------------------------------------------------


def test_the_preview_shows_collects_numbers_and_the_package_holds_them(qtbot, worker, tmp_path, messages,
                                                                       monkeypatch):
    tab = _tab(qtbot, worker)
    data = worker.call(collect, FY)
    assert tab.year_label.text() == "令和8年度の年次報告"
    assert tab.as_of.date() == data.values["as_of"]  # default: today, the year still runs
    assert tab.preview["member_households"].text() == f"{data.values['member_households']:,}世帯"
    assert tab.preview["persons"].text() == f"{data.values['persons']:,}人"
    assert tab.preview["blocks"].text() == f"{data.values['blocks']}班"
    assert tab.preview["association_name"].text() == "デモ町会"
    for note in data.notes:
        assert f"⚠ {note}" in tab.notes.text()
    assert tab.layout_combo.currentText() == DEFAULT_LAYOUT
    assert tab.make_btn.isEnabled(), tab.make_btn.toolTip()

    out = tmp_path / "報告"
    out.mkdir()
    xlsx, pdf = tab.make_package(out)
    assert _files(out) == sorted([xlsx.name, pdf.name])
    assert xlsx.name in tab.message.text() and pdf.name in tab.message.text() and "⚠" not in tab.message.text()
    wb = load_workbook(xlsx)
    for key in ("member_households", "persons", "blocks", "association_name"):
        sheet, letters, row = split_cell(default_mapping().fields[key])
        assert wb[sheet][f"{letters}{row}"].value == data.values[key], key
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "デモ町会" in text and "年次報告" in text

    # the folder is opened through the desktop (recorded here instead of starting a file manager)
    opened = []
    monkeypatch.setattr("kyodo_desktop.ui.report_tab.QDesktopServices.openUrl", lambda url: opened.append(url))
    assert tab.open_folder_btn.isVisibleTo(tab)
    tab.open_folder_btn.click()
    assert [Path(u.toLocalFile()) for u in opened] == [out]

    # a second time into the same folder is refused in words; nothing is overwritten or added
    before = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    assert tab.make_package(out) is None
    assert "上書きはしません" in tab.message.text() and "何も保存していません" in tab.message.text()
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == before
    # a folder that is not there: refused, nothing made anywhere
    assert tab.make_package(tmp_path / "ない") is None and "フォルダーがありません" in tab.message.text()
    if SCREENSHOTS:
        tab.grab().save(str(Path(SCREENSHOTS) / "report-tab.png"))


def test_a_year_without_books_says_so_and_a_typed_as_of_date_is_used(qtbot, worker, tmp_path, messages):
    tab = _tab(qtbot, worker)
    tab.set_fiscal_year(2020)
    tab.refresh()
    assert tab.year_label.text() == "令和2年度の年次報告"
    assert tab.as_of.date().isoformat() == "2021-03-31"
    assert f"⚠ 令和2年度: {NO_BOOKS}" in tab.notes.text()
    assert tab.preview["income_total"].text() == "—（記録なし）"
    # a 基準日 typed the way officers write it is used for the counts; a wrong one is refused in words
    tab.as_of.edit.setText("R2.10.1")
    tab.as_of.edit.editingFinished.emit()
    assert tab.data is not None and tab.data.values["as_of"].isoformat() == "2020-10-01"
    tab.as_of.edit.setText("いつか")
    tab.as_of.edit.editingFinished.emit()
    assert "基準日「いつか」" in tab.notes.text()
    out = tmp_path / "out"
    out.mkdir()
    assert tab.make_package(out) is None and "基準日「いつか」" in tab.message.text()
    assert _files(out) == []
    tab.as_of_reset_btn.click()
    assert tab.as_of.date().isoformat() == "2021-03-31" and NO_BOOKS in tab.notes.text()


# -- the city form ----------------------------------------------------------------------------------------


def test_a_city_form_is_guessed_corrected_checked_saved_and_filled(qtbot, worker, tmp_path, messages):
    form = make_city_form(tmp_path / "市の様式.xlsx")
    tab = _tab(qtbot, worker)
    dlg = tab.open_form_dialog(form)
    assert isinstance(dlg, FormMappingDialog) and dlg.isVisible()
    rows = dlg.rows
    # the guess fills the labelled fields: the merged 町会名 box, the cell left of the unit, the 2nd sheet
    assert (rows["association_name"].sheet.currentText(), rows["association_name"].cell.text()) == ("実態報告", "C3")
    assert (rows["member_households"].sheet.currentText(), rows["member_households"].cell.text()) == ("実態報告", "C5")
    assert (rows["income_total"].sheet.currentText(), rows["income_total"].cell.text()) == ("収支", "B1")
    assert rows["member_households"].state.text().startswith(FOUND) and "B5" in rows["member_households"].state.text()
    assert rows["member_households"].current.text() == "（空欄）"
    assert NOT_FOUND in rows["district"].state.text() and rows["district"].sheet.currentData() is None
    events = dlg.tables["events"]
    assert (events.sheet.currentText(), events.first_row.value(), events.max_rows.value()) == ("実態報告", 12, 80)
    assert not dlg.save_button.isEnabled() and "確かめる" in dlg.save_button.toolTip()

    # 加入世帯数 moved onto the formula cell: the cell's content shows it, the check refuses, no saving
    rows["member_households"].cell.setText("C8")
    assert rows["member_households"].current.text().startswith("数式 =IF(")
    dlg.check_btn.click()
    assert "⚠" in dlg.report.text() and "数式" in dlg.report.text() and "実態報告!C8" in dlg.report.text()
    assert not dlg.save_button.isEnabled() and "直すところ" in dlg.save_button.toolTip()
    dlg.save()  # even called directly, nothing is saved
    assert worker.call(rf.list_forms) == [] and dlg.isVisible()
    # a cell that cannot be read is named
    rows["member_households"].cell.setText("五")
    dlg.check_btn.click()
    assert "「加入世帯数」のセル「五」が読めません" in dlg.error.text() and not dlg.save_button.isEnabled()

    # fixed: the check passes, an edit after it asks for another check, then it saves
    rows["member_households"].cell.setText("C5")
    dlg.check_btn.click()
    assert "問題はありません" in dlg.report.text() and dlg.save_button.isEnabled()
    rows["persons"].sheet.setCurrentIndex(0)  # （使わない）
    assert not dlg.save_button.isEnabled() and "もう一度" in dlg.report.text()
    dlg.check_btn.click()
    dlg.name.setText("金沢市 町会実態報告書")
    if SCREENSHOTS:
        dlg.grab().save(str(Path(SCREENSHOTS) / "report-form-dialog.png"))
        bar = dlg.findChild(QScrollArea).verticalScrollBar()
        bar.setValue(bar.maximum())
        dlg.grab().save(str(Path(SCREENSHOTS) / "report-form-dialog-tables.png"))
    dlg.save_button.click()
    assert tab.dialog is None and not dlg.isVisible()
    (saved,) = worker.call(rf.list_forms)
    assert saved.name == "金沢市 町会実態報告書" and saved.form_filename == "市の様式.xlsx"
    assert saved.mapping.fields["member_households"] == "実態報告!C5" and "persons" not in saved.mapping.fields
    assert "登録しました" in tab.forms_message.text()

    # the form is offered (and chosen) as the layout; the package fills a copy of it
    assert tab.layout_combo.currentData() == saved.id
    assert [tab.layout_combo.itemText(i) for i in range(tab.layout_combo.count())] == [
        DEFAULT_LAYOUT, "金沢市 町会実態報告書（市の様式）"]
    out = tmp_path / "out"
    out.mkdir()
    made = tab.make_package(out)
    assert made is not None, tab.message.text()
    xlsx, _pdf = made
    data = worker.call(collect, FY)
    ws = load_workbook(xlsx)["実態報告"]
    assert ws["C5"].value == data.values["member_households"]
    assert ws["C3"].value == "デモ町会" and "C3:E3" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["C8"].value == "=IF(C7>0,C5/C7,0)"  # the form's formula is kept
    assert ws["C6"].value is None  # 会員数 was left out of the mapping
    assert [ws[f"B{12 + n}"].value for n in range(len(data.tables["events"]))] == [
        e["name"] for e in data.tables["events"]]
    assert load_workbook(xlsx)["収支"]["B1"].value == data.values["income_total"]
    assert load_workbook(form)["実態報告"]["C5"].value is None  # the officer's own form is untouched


def test_a_form_with_too_few_lines_is_refused_and_nothing_is_written(qtbot, worker, tmp_path, messages):
    data = worker.call(collect, FY)
    if len(data.tables["events"]) < 2:
        pytest.skip("the demo year has fewer than two events")
    form = make_city_form(tmp_path / "狭い様式.xlsx", event_lines=1)
    tab = _tab(qtbot, worker)
    dlg = tab.open_form_dialog(form)
    assert dlg.tables["events"].max_rows.value() == 1
    dlg.check_btn.click()
    dlg.save_button.click()
    assert tab.layout_combo.currentData() is not None
    assert "⚠ 様式「狭い様式」の表「事業報告」には1行までしか入りません" in tab.notes.text()  # said before making
    out = tmp_path / "out"
    out.mkdir()
    assert tab.make_package(out) is None
    assert "事業報告" in tab.message.text() and "何も保存していません" in tab.message.text()
    assert _files(out) == []


def test_what_is_not_an_xlsx_is_refused_in_the_tab(qtbot, worker, tmp_path, messages):
    tab = _tab(qtbot, worker)
    old = tmp_path / "古い様式.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert tab.open_form_dialog(old) is None and tab.dialog is None
    assert ".xls" in tab.forms_message.text() and "登録していません" in tab.forms_message.text()
    assert worker.call(rf.list_forms) == []


def test_saved_forms_are_given_as_json_and_retired(qtbot, worker, tmp_path, messages):
    form = make_city_form(tmp_path / "市の様式.xlsx")
    guess = rf.guess_mapping(form)
    fid, _notes = worker.call(rf.save_form, "校下の様式", guess.mapping, form=form)
    tab = _tab(qtbot, worker)
    assert tab.forms.rowCount() == 1 and tab.forms.rows[0].name == "校下の様式"
    assert not tab.export_btn.isEnabled() and "選んで" in tab.export_btn.toolTip()
    tab.forms_table.selectRow(0)
    assert tab.export_btn.isEnabled() and tab.retire_btn.isEnabled()
    out = tab.export_form(tmp_path / "対応表.json")
    assert out is not None and rf.import_mapping(out).fields == worker.call(rf.get_form, fid).mapping.fields
    tab.retire_btn.click()  # confirmed once (the fixture answers 「はい」)
    assert worker.call(rf.list_forms) == [] and worker.call(rf.get_form, fid).retired_on
    assert tab.forms.rowCount() == 0 and tab.layout_combo.count() == 1
    assert "使わなくしました" in tab.forms_message.text()


# -- permissions and the page ------------------------------------------------------------------------------


def test_a_viewer_gets_no_make_or_save_buttons(qtbot, login, tmp_path, messages):
    form = make_city_form(tmp_path / "市の様式.xlsx")
    viewer = login(VIEWER)
    tab = _tab(qtbot, viewer)
    assert tab.preview["association_name"].text() == "デモ町会"  # reading is allowed
    for b in (tab.make_btn, tab.register_form_btn):
        assert not b.isEnabled() and "権限がありません" in b.toolTip(), b.text()
    out = tmp_path / "out"
    out.mkdir()
    assert tab.make_package(out) is None and tab.open_form_dialog(form) is None
    assert _files(out) == [] and tab.dialog is None
    dlg = FormMappingDialog(viewer, form)  # even opened directly, it cannot save
    qtbot.addWidget(dlg)
    dlg.check_btn.click()
    assert "問題はありません" in dlg.report.text()
    assert not dlg.save_button.isEnabled() and "権限がありません" in dlg.save_button.toolTip()


def test_a_hancho_cannot_make_the_whole_associations_report(qtbot, login, messages):
    tab = _tab(qtbot, login(HANCHO))
    assert not tab.make_btn.isEnabled() and "すべての班" in tab.make_btn.toolTip()
    assert "⚠" in tab.notes.text()


def test_the_books_page_gives_the_tab_its_year(qtbot, worker, messages):
    page = BooksPage(worker)
    qtbot.addWidget(page)
    tab = ReportTab(worker)
    index = page.add_tab(tab, "年次報告")
    page.show()
    page.refresh()
    page.tabs.setCurrentIndex(index)
    expected = page.fiscal_year if page.fiscal_year is not None else FY
    assert tab.fiscal_year == expected and tab.year_label.text().endswith("の年次報告")
    assert tab.preview["association_name"].text() == "デモ町会"
