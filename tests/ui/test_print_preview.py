"""The print preview: every document renders, pages turn, saving and printing are recorded."""

from __future__ import annotations

import pytest
from conftest import admin_login

from kyodo_desktop.models.register import Register
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def worker(demo_register):
    path, backup_dir, clock = demo_register.path, demo_register.backup_dir, demo_register.clock
    demo_register.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
    yield w
    w.shutdown()


def test_every_document_previews_and_only_saving_or_printing_is_recorded(qtbot, worker, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from kyodo_desktop.ui.print_preview import KINDS, PrintPreview

    def prints():
        return worker.call(lambda reg: reg.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'print'")[0]["n"])

    preview = PrintPreview(worker)
    qtbot.addWidget(preview)
    for n, (key, _label) in enumerate(KINDS):
        preview.kind.setCurrentIndex(n)  # each choice refreshes the preview
        assert preview.pdf is not None and preview.pages >= 1, key
        assert preview.canvas.pixmap() is not None and not preview.canvas.pixmap().isNull()
    assert prints() == 0  # previews are not prints
    preview.kind.setCurrentIndex(1)  # 名簿: several pages
    assert preview.pages > 1
    preview.next_btn.click()
    assert preview.page_label.text() == f"2 / {preview.pages}"
    saved = preview.save_pdf(tmp_path / "名簿.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF") and prints() == 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_pages(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000 and prints() == 2
    folder = preview._dir
    preview.reject()
    assert not folder.exists()  # the temporary PDF with personal data is gone


def test_bad_options_give_a_message_not_a_crash(qtbot, worker):
    from kyodo_desktop.ui.print_preview import PrintPreview

    preview = PrintPreview(worker)
    qtbot.addWidget(preview)
    preview.title.setText("")
    preview.refresh()
    assert "題名" in preview.status.text() and not preview.print_btn.isEnabled()
    preview.reject()


def test_a_printed_circular_is_kept_and_its_return_recorded(qtbot, worker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kyodo_desktop.ui.circulars_page import CircularsPage
    from kyodo_desktop.ui.print_preview import PrintPreview

    preview = PrintPreview(worker)
    qtbot.addWidget(preview)
    preview.title.setText("防災訓練のお知らせ")
    preview.due.setText("令和8年12月5日")
    preview.block.setCurrentIndex(1)
    preview.refresh()
    assert preview.save_pdf(tmp_path / "回覧.pdf") is not None
    preview.reject()
    page = CircularsPage(worker, lambda: None)
    qtbot.addWidget(page)
    page.refresh()
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "防災訓練のお知らせ"
    assert page.table.item(0, 3).text() == "0 / 1"
    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    page.record_return()
    assert page.table.item(0, 3).text() == "1 / 1"


def test_register_columns_and_cover_follow_the_choices_beside_the_preview(qtbot, worker):
    from PySide6.QtCore import Qt

    from kyodo_desktop.ui.print_preview import PrintPreview

    preview = PrintPreview(worker, kind="register")
    qtbot.addWidget(preview)
    with_cover = preview.pages
    for i in range(preview.columns.count()):  # only 氏名 and フリガナ
        item = preview.columns.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("name", "kana")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not preview._auto.isActive(), timeout=3000)  # refreshed by itself
    assert preview.chosen_columns() == ("name", "kana")
    preview.cover.setChecked(False)
    qtbot.waitUntil(lambda: not preview._auto.isActive(), timeout=3000)
    assert preview.pages == with_cover - 1  # the cover page is gone
    for i in range(preview.columns.count()):
        preview.columns.item(i).setCheckState(Qt.CheckState.Unchecked)
    preview.refresh()
    assert "列を1つ以上" in preview.status.text() and not preview.print_btn.isEnabled()
    preview.reject()


def test_a_chosen_font_is_remembered_and_a_missing_one_is_reported(qtbot, worker, tmp_path):
    from kyodo_desktop.export import pdf
    from kyodo_desktop.ui.print_preview import PrintPreview

    remembered = []
    preview = PrintPreview(worker, kind="elders", remember_font=remembered.append)
    qtbot.addWidget(preview)
    try:
        preview.choose_font(tmp_path / "なくなったフォント.ttf")
        assert remembered == [str(tmp_path / "なくなったフォント.ttf")]
        assert "なくなったフォント.ttf" in preview.font_label.text()
        assert "見つからない" in preview.status.text() and preview.print_btn.isEnabled()  # still prints
        preview.use_standard_font()
        assert remembered[-1] == "" and pdf.user_font() is None and "標準" in preview.font_label.text()
    finally:
        pdf.set_user_font(None)
    preview.reject()


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_is_not_there_and_a_cancelled_print(qtbot, worker, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QProgressDialog

    from kyodo_desktop.ui.print_preview import PrintPreview

    def prints():
        return worker.call(lambda reg: reg.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'print'")[0]["n"])

    preview = PrintPreview(worker, kind="register")
    qtbot.addWidget(preview)
    gone = QPrinter(QPrinter.PrinterMode.HighResolution)
    gone.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    gone.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))  # cannot be opened: like a lost printer
    assert not preview.print_pages(gone)
    assert "プリンターが使えません" in preview.status.text() and prints() == 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    asked = iter([False, True])  # 「中止」 after the first page
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: next(asked, True))
    assert not preview.print_pages(printer)
    assert f"印刷を中止しました（1 / {preview.pages}ページ）" in preview.status.text()
    assert prints() == 1  # a page went out: recorded
    preview.reject()


def test_making_a_long_document_can_be_cancelled(qtbot, worker, monkeypatch):
    from kyodo_desktop.ui import worker as worker_module
    from kyodo_desktop.ui.print_preview import PrintPreview

    preview = PrintPreview(worker, kind="household-sheet")
    qtbot.addWidget(preview)
    monkeypatch.setattr(worker_module, "PROGRESS_DELAY_MS", 0)
    monkeypatch.setattr(worker_module.QProgressDialog, "wasCanceled", lambda self: True)
    preview.refresh()
    assert "中止しました" in preview.status.text() and preview.pdf is None and not preview.save_btn.isEnabled()
    assert list(preview._dir.glob("*.part")) == []
    preview.reject()


def test_roster_documents_preview_with_a_chosen_roster_and_period(qtbot, worker, tmp_path):
    """当番表 and 当番札: a roster made and its turns given out on the database thread, chosen beside
    the preview with a period (これから3か月 / 今年度 / 指定…); saving is recorded for 回覧."""
    from kyodo_desktop.models import rosters as ro
    from kyodo_desktop.models.households import list_blocks
    from kyodo_desktop.ui.print_preview import ROSTER_KINDS, PrintPreview

    def last_print():
        return worker.call(lambda reg: reg.rows(
            "SELECT purpose, summary FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 1"))

    block = worker.call(list_blocks)[0]
    rid = worker.call(ro.save_roster, ro.RosterData(name="テストのごみ当番", start_date="2026-11-30",
                                                    duty="ネットを出して、片付ける。", block_ids=[block.id]))
    worker.call(ro.generate, rid, "2027-05-31")
    preview = PrintPreview(worker, kind="roster", roster_id=rid)
    qtbot.addWidget(preview)
    assert [preview.kind.itemData(i) for i in range(preview.kind.count())][-2:] == [k for k, _l in ROSTER_KINDS]
    assert preview.roster.currentData() == rid and preview.period.currentData() == "3months"
    assert preview.roster_period()[0].isoformat() == "2026-11-28" and not preview.period_from.isEnabled()
    assert preview.pdf is not None and preview.pages == 1, preview.status.text()
    three_months = preview.result.households
    preview.period.setCurrentIndex(preview.period.findData("fiscal"))
    preview.refresh()
    assert preview.roster_period()[1].isoformat() == "2027-03-31" and preview.result.households >= three_months
    preview.period.setCurrentIndex(preview.period.findData("custom"))
    assert preview.period_from.isEnabled()
    preview.period_from.setText("2030-01-01")
    preview.refresh()
    assert "まで決める" in preview.status.text() and preview.pdf is None and not preview.save_btn.isEnabled()
    preview.period_from.setText("令和8年12月1日")
    preview.period_to.setText("令和8年12月31日")
    preview.refresh()
    assert preview.pdf is not None and preview.pages == 1
    preview.kind.setCurrentIndex(preview.kind.findData("duty-slips"))  # the same roster and period
    assert preview.options.currentIndex() == preview.kind.findData("roster")
    assert preview.pdf is not None and preview.pages == 2  # five weeks: four slips to a sheet
    assert preview.canvas.pixmap() is not None and not preview.canvas.pixmap().isNull()
    saved = preview.save_pdf(tmp_path / "当番札.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    log = last_print()[0]
    assert log["purpose"] == "KAIRAN" and "当番札「テストのごみ当番」" in log["summary"]
    preview.reject()


def test_the_bousai_documents_print_from_the_window(qtbot, worker, tmp_path):
    """連絡網, 安否確認シート, 集計表 and 防災台帳 are in the print window (not only on the command line);
    the 連絡網 is recorded under its purpose 緊急連絡網."""
    from pypdf import PdfReader

    from kyodo_desktop.ui.print_preview import BOUSAI_KINDS, PrintPreview

    preview = PrintPreview(worker)
    qtbot.addWidget(preview)
    for key, label in BOUSAI_KINDS:
        preview.kind.setCurrentIndex(preview.kind.findData(key))
        assert preview.pdf is not None and preview.pages >= 1, (key, preview.status.text())
        assert preview.kind.currentText() == label
    preview.kind.setCurrentIndex(preview.kind.findData("phone-tree"))
    preview.block.setCurrentIndex(1)  # one 班
    preview.refresh()
    text = "".join(p.extract_text() for p in PdfReader(preview.pdf).pages)
    assert preview.block.currentText() in text and "連絡網" in text
    saved = preview.save_pdf(tmp_path / "連絡網.pdf")
    assert saved is not None
    rows = worker.call(lambda reg: reg.rows("SELECT purpose, summary FROM audit_log WHERE action = 'print'"))
    assert rows[-1]["purpose"] == "RENRAKUMOU" and "緊急連絡網" in rows[-1]["summary"]
