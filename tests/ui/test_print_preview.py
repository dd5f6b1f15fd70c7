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
