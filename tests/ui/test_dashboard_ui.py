"""The dashboard on the home page: it loads off the GUI thread, paints every chart without
overlapping or clipping (at 100 % and 150 % text), changes 年度 and saves the summary."""

from __future__ import annotations

import pytest
from conftest import admin_login
from PySide6.QtGui import QColor, QFont

from kyodo_desktop.models import dashboard as dash
from kyodo_desktop.models.register import Register
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.dashboard import ChartView, DashboardWidget
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def worker(demo_register):
    path, backup_dir, clock = demo_register.path, demo_register.backup_dir, demo_register.clock
    demo_register.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
    yield w
    w.shutdown()


def _loaded(qtbot, board: DashboardWidget) -> dash.Figures:
    qtbot.waitUntil(lambda: board.figures is not None and not board.loading(), timeout=10_000)
    return board.figures


def _check_layout(qtbot, board: DashboardWidget, width: int) -> None:
    board.resize(width, 600)
    qtbot.waitUntil(lambda: board.grid.count() == len(dash.CHART_ORDER), timeout=5_000)
    board.resize(width, board.sizeHint().height())
    board.layout().activate()
    views = [v for v in board.views if v.chart is not None]
    rects = [v.geometry() for v in views]
    for n, (view, rect) in enumerate(zip(views, rects, strict=True)):
        assert rect.height() >= view.sizeHint().height(), view.chart.title  # not squeezed: nothing clipped
        assert rect.left() >= 0 and rect.right() < board.width(), view.chart.title
        for other in rects[n + 1:]:
            assert not rect.intersects(other)


def test_the_dashboard_loads_and_paints_every_chart(qtbot, worker):
    board = DashboardWidget(worker)
    qtbot.addWidget(board)
    board.resize(1040, 700)
    board.show()
    board.refresh()
    fig = _loaded(qtbot, board)
    assert fig.fiscal_year == 2026 and board.year.currentText() == "令和8年度"
    assert "令和8年11月28日現在の名簿から" in board.status.text()
    assert board.headlines["participants"][1].text() == f"{fig.participants:,}人"
    assert [v.chart.key for v in board.views] == list(dash.CHART_ORDER)
    assert board._columns == 2
    _check_layout(qtbot, board, 1040)
    image = board.grab().toImage()
    assert not image.isNull()
    pyramid = board.views[0]
    assert pyramid.accessibleName() == "年齢と男女" and "90歳〜" in pyramid.accessibleDescription()
    chart_image = pyramid.grab().toImage()
    colours = {chart_image.pixelColor(x, y).name() for x in range(0, chart_image.width(), 4)
               for y in range(0, chart_image.height(), 4)}
    assert QColor(31, 78, 153).name() in colours and QColor(214, 93, 14).name() in colours  # 男性 and 女性 bars
    board.refresh()  # nothing written since: no new load
    assert not board.loading()


def test_at_150_percent_text_the_charts_go_one_under_the_other(qtbot, worker):
    board = DashboardWidget(worker)
    qtbot.addWidget(board)
    font = QFont(board.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    board.setFont(font)
    board.resize(940, 700)
    board.show()
    board.refresh()
    _loaded(qtbot, board)
    assert board._columns == 1
    _check_layout(qtbot, board, 940)
    small = ChartView()
    qtbot.addWidget(small)
    assert board.views[0].label_size() >= 1.4 * small.label_size()  # the charts follow the text size
    assert not board.grab().toImage().isNull()


def test_choosing_another_year_reloads_the_figures(qtbot, worker):
    board = DashboardWidget(worker)
    qtbot.addWidget(board)
    board.show()
    board.refresh()
    fig = _loaded(qtbot, board)
    assert 2025 in fig.years
    board.year.setCurrentIndex(board.year.findData(2025))
    board.year.activated.emit(board.year.currentIndex())
    qtbot.waitUntil(lambda: board.figures.fiscal_year == 2025, timeout=10_000)
    assert board.year.currentText() == "令和7年度" and "令和7年度" in board.status.text()
    assert board.figures.as_of == "2026-03-31"


def test_the_summary_is_saved_from_the_dashboard(qtbot, worker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    board = DashboardWidget(worker)
    qtbot.addWidget(board)
    board.show()
    board.refresh()
    _loaded(qtbot, board)
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "まとめ"), ""))
    assert board.save_pdf() == tmp_path / "まとめ.pdf" and (tmp_path / "まとめ.pdf").stat().st_size > 10_000
    assert board.save_xlsx() == tmp_path / "まとめ.xlsx" and (tmp_path / "まとめ.xlsx").exists()
    assert "保存しました" in shown[-1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "none" / "a.pdf"), ""))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    assert board.save_pdf() is None and "保存できませんでした" in errors[-1]
    board.refresh()  # the saves were recorded in the audit log: the figures are loaded again
    _loaded(qtbot, board)


def test_a_hancho_sees_their_block_and_a_reader_cannot_save(qtbot, worker):
    from kyodo_desktop.models.auth import Session

    reg = worker.register
    b1 = worker.call(lambda r: r.conn.execute("SELECT id FROM blocks ORDER BY sort_order LIMIT 1").fetchone()[0])
    reg.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read"}), frozenset({b1}))
    board = DashboardWidget(worker)
    qtbot.addWidget(board)
    board.show()
    board.refresh()
    fig = _loaded(qtbot, board)
    assert fig.scope and f"（{fig.scope}の分）" in board.status.text()
    assert not board.pdf_btn.isEnabled() and not board.xlsx_btn.isEnabled()


def test_the_home_page_shows_the_dashboard_below_its_cards(qtbot, worker):
    from kyodo_desktop.ui.main_window import MainWindow

    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    board = win.home.dashboard
    _loaded(qtbot, board)
    assert win.home.cards["households"].text() != "—"  # the home page's own numbers are still there
    assert board.isVisibleTo(win.home) and win.home.blocks.rowCount() > 0
    win.show_page("register")
    win.show_page("home")  # shown again: nothing written, nothing reloaded
    assert not board.loading()
    assert not win.grab().isNull()
