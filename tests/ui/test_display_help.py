"""表示 (text size, high contrast, visible focus, click targets), F1 help and the first-start tour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from kyodo_desktop import paths
from kyodo_desktop.ui import display
from kyodo_desktop.ui.help import PAGES, TOUR, HelpDialog, TourDialog
from kyodo_desktop.ui.main_window import NAV


@pytest.fixture
def restore_display(qapp):
    """Tests here change the whole application's font, palette and style sheet: put them back."""
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_text_size_and_theme_apply_to_the_whole_application(qtbot, restore_display):
    app = restore_display
    display.apply_display(app, 200, "高コントラスト")
    assert app.font().pointSizeF() == pytest.approx(24)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.Text).name() == "#ffffff"
    button = QPushButton("入金を記録")
    qtbot.addWidget(button)
    button.show()
    # a click target grows with the text: at 200 % at least 56 px high
    assert button.sizeHint().height() >= 56
    display.apply_display(app, 250, "標準")  # out of range: clamped, and the standard colours come back
    assert app.font().pointSizeF() == pytest.approx(24)
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    display.apply_display(app, 50, "標準")
    assert app.font().pointSizeF() == pytest.approx(12)
    # focus is a thick frame in both themes (seen without telling colours apart)
    for theme in display.THEMES:
        assert "border: 3px solid" in display.style_sheet(100, theme)


def test_display_tab_previews_and_applies_the_choice(qtbot, restore_display):
    chosen: list[tuple[int, str]] = []
    tab = display.DisplayTab(125, "標準", lambda s, t: chosen.append((s, t)))
    qtbot.addWidget(tab)
    assert tab.chosen() == (125, "標準")
    tab.sizes.button(175).click()
    tab.themes.button(1).click()
    assert tab.sample.font().pointSizeF() == pytest.approx(21)
    assert tab.sample.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert chosen == []  # nothing changes before the button
    tab.apply_button.click()
    assert chosen == [(175, "高コントラスト")]


def test_changing_the_display_rebuilds_the_window_and_is_remembered(qtbot, restore_display, demo_register):
    from conftest import admin_login

    from kyodo_desktop.app import Controller
    from kyodo_desktop.models.register import Register
    from kyodo_desktop.ui.settings import Settings
    from kyodo_desktop.ui.worker import DbWorker

    path, backup_dir, clock = demo_register.path, demo_register.backup_dir, demo_register.clock
    demo_register.close()
    settings = Settings(paths.settings_file())
    worker = DbWorker()
    try:
        worker.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
        ctl = Controller(restore_display, settings, worker)
        ctl._show_window()
        first = ctl.window
        qtbot.addWidget(first)
        ctl.window.show_settings_tab("display")
        tab = ctl.window.admin_page.display
        tab.sizes.button(150).click()
        tab.apply_button.click()
        assert ctl.window is not first  # built again, so every page takes the new size
        qtbot.addWidget(ctl.window)
        assert settings.get("ui/text_scale") == 150 and settings.get("ui/theme") == "標準"
        assert restore_display.font().pointSizeF() == pytest.approx(18)
        # back where the officer was: 設定 → 表示, showing the size now in use
        assert ctl.window.current_page_key() == "settings"
        assert ctl.window.admin_page.tabs.currentWidget() is ctl.window.admin_page.display
        assert ctl.window.admin_page.display.chosen() == (150, "標準")
    finally:
        worker.shutdown()


def test_every_screen_has_a_help_page_and_f1_opens_it(qtbot, restore_display, demo_register):
    from conftest import admin_login
    from PySide6.QtCore import Qt

    from kyodo_desktop.models.register import Register
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.worker import DbWorker

    assert set(PAGES) == {key for key, _ in NAV}
    for key, (title, body) in PAGES.items():
        assert title == dict(NAV)[key] and len(body) > 80, key
    path, backup_dir, clock = demo_register.path, demo_register.backup_dir, demo_register.clock
    demo_register.close()
    worker = DbWorker()
    try:
        worker.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
        win = MainWindow(worker)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.show_page("rosters")
        # the menu's action bound to F1 (offscreen windows get no key focus to send the key to)
        f1 = [a for a in win.findChildren(QAction) if a.shortcut() == QKeySequence(Qt.Key.Key_F1)]
        assert len(f1) == 1
        f1[0].trigger()
        assert win.help_dialog.isVisible()
        assert "当番表" in win.help_dialog.windowTitle()
        assert "交代の返し" in win.help_dialog.text.toPlainText()
        win.help_dialog.close()
    finally:
        worker.shutdown()


def test_help_dialog_falls_back_to_home_and_the_tour_walks_through(qtbot):
    dialog = HelpDialog("no-such-screen")
    qtbot.addWidget(dialog)
    assert "ホーム" in dialog.windowTitle()
    tour = TourDialog()
    qtbot.addWidget(tour)
    assert not tour.back.isEnabled() and tour.next.isEnabled()
    for _ in range(len(TOUR) + 2):  # more clicks than pages: it stops at the last one
        if tour.next.isEnabled():
            tour.next.click()
    assert tour.pages.currentIndex() == len(TOUR) - 1
    assert not tour.next.isEnabled() and tour.back.isEnabled()
    tour.back.click()
    assert tour.pages.currentIndex() == len(TOUR) - 2


def test_the_program_applies_the_remembered_size_and_theme_at_start(tmp_path, restore_display):
    """What the 表示 tab saved is what ``run`` applies before any window (``apply_preferences``),
    and a size outside 100–200 % is clamped."""
    from kyodo_desktop.app import apply_preferences
    from kyodo_desktop.ui.settings import Settings

    settings = Settings(paths.settings_file())
    settings.set("ui/text_scale", 175)
    settings.set("ui/theme", "高コントラスト")
    app = QApplication.instance()
    apply_preferences(app, Settings(paths.settings_file()))  # read back from the file, as at start
    assert app.font().pointSizeF() == pytest.approx(21)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    settings.set("ui/text_scale", 900)
    assert settings.get("ui/text_scale") == 200
