"""The main window, the 名簿 page and the start-up flow, on real registers."""

from __future__ import annotations

import pytest
from conftest import admin_login
from PySide6.QtCore import QTimer

from kyodo_desktop import paths
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.stats import counts
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.table_models import HouseholdTableModel
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def worker(demo_register):
    path, backup_dir, clock = demo_register.path, demo_register.backup_dir, demo_register.clock
    demo_register.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
    yield w
    w.shutdown()


@pytest.fixture
def window(qtbot, worker):
    from kyodo_desktop.ui.main_window import MainWindow

    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.show()
    return win


def test_home_shows_counts_and_blocks(window, worker):
    c = worker.call(counts)
    assert window.home.cards["households"].text() == f"{c['households']:,}"
    assert window.home.cards["age_65_plus"].text() == f"{c['age_65_plus']:,}"
    assert window.home.blocks.rowCount() == len(c["blocks"])
    assert window.home.recent.count() > 0
    assert "デモ町会" in window.windowTitle()


def test_every_nav_page_opens(window):
    for n in range(window.nav.count()):
        window.nav.setCurrentRow(n)
        assert window.stack.currentIndex() == n
    books = window.books_page  # 会計・報告 is a real page now, with its tabs
    assert [books.tabs.tabText(i) for i in range(books.tabs.count())][:4] == ["会費", "出納簿", "予算・決算", "設定"]
    tabs = window.activity_page.tabs  # 行事: its four tabs each open
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["行事", "担い手", "協力団体", "地域課題"]
    window.show_page("events")
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        assert tabs.currentWidget().isVisible()


def test_register_page_search_as_you_type(qtbot, window, worker):
    window.show_page("register")
    page = window.register_page
    total = page.model.rowCount()
    assert total > 0
    data = worker.call(hh.get_household, page.model.row_at(0).id)
    family = data.persons[data.head_index].family_name
    page.search.setText(family)  # as an IME commits it (QTest cannot type kanji)
    shown = page.model.rowCount()
    assert 0 < shown <= total
    assert all(
        family in "".join(p.family_name for p in worker.call(hh.get_household, page.model.row_at(r).id).persons)
        or family in page.model.row_at(r).head_name
        for r in range(shown)
    )
    page.search.clear()
    assert page.model.rowCount() == total


def test_register_page_filters_and_order(window):
    window.show_page("register")
    page = window.register_page
    page.block_filter.setCurrentIndex(1)
    block_name = page.block_filter.currentText()
    assert all(page.model.row_at(r).block_name == block_name for r in range(page.model.rowCount()))
    page.order.setCurrentIndex(1)  # 五十音順
    keys = [page.model.row_at(r).sort_key for r in range(page.model.rowCount())]
    assert keys == sorted(keys)
    assert not page.up_btn.isEnabled()


def test_table_model_passes_modeltester(qtmodeltester, window):
    window.show_page("register")
    qtmodeltester.check(window.register_page.model)
    empty = HouseholdTableModel()
    qtmodeltester.check(empty)


def test_circulation_order_moves(window, worker):
    window.show_page("register")
    page = window.register_page
    page.block_filter.setCurrentIndex(1)
    first, second = page.model.row_at(0).id, page.model.row_at(1).id
    page.select_id(second)
    page.up_btn.click()
    assert [page.model.row_at(0).id, page.model.row_at(1).id] == [second, first]
    assert page.selected_id() == second


def test_backup_and_restore_from_the_menu(window, worker, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: shown.append(text))
    window.make_backup()
    assert "作成しました" in shown[-1]
    before = worker.call(counts)["households"]
    hid = window.register_page.model.row_at(0).id if window.register_page.model.rowCount() else None
    window.show_page("register")
    hid = window.register_page.model.row_at(0).id
    worker.call(hh.change_household_status, hid, "転出", "2026-11-01")
    assert worker.call(counts)["households"] == before - 1

    from kyodo_desktop.ui import main_window

    class Chooser:
        def __init__(self, backups, parent=None):
            self.chosen = next(b for b in backups if b.reason == "manual")

        def exec(self):
            return main_window.QDialog.DialogCode.Accepted

    monkeypatch.setattr(main_window, "BackupChooser", Chooser)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window.restore_backup()
    assert worker.call(counts)["households"] == before
    assert shown[-1] == "復元しました。"


def test_controller_demo_then_last_register_is_remembered(qtbot, tmp_path):
    from kyodo_desktop.app import Controller, parse_args
    from kyodo_desktop.ui.settings import Settings

    settings = Settings(paths.settings_file())
    worker = DbWorker()
    try:
        ctl = Controller(None, settings, worker)
        assert ctl.start(parse_args(["--demo"]))
        qtbot.addWidget(ctl.window)
        assert paths.demo_register_path().exists()
        assert settings.get("register/last_path") == str(paths.demo_register_path())
        assert worker.register.session.display_name == "会長（デモ）"
        worker.close_register()
        ctl2 = Controller(None, settings, worker)
        seen = []

        def log_in():
            from PySide6.QtWidgets import QApplication

            from kyodo_desktop.ui.login import LoginDialog

            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, LoginDialog)
            # the demo's accounts are offered, the last user is preselected, demo passwords are shown
            names = [dialog.user.itemText(i) for i in range(dialog.user.count())]
            seen.append((names, dialog.user.currentText()))
            dialog.password.edit.setText("wrong-password")
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
            seen.append(dialog.status.text())
            dialog.user.setCurrentIndex(names.index("役員（デモ）"))
            dialog.password.edit.setText("demo-yakuin")
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

        QTimer.singleShot(0, log_in)
        assert ctl2.start(parse_args([]))  # opens the last register, asking who you are
        qtbot.addWidget(ctl2.window)
        assert worker.register is not None and worker.register.path == paths.demo_register_path()
        assert seen[0][1] == "会長（デモ）" and "1班 班長（デモ）" in seen[0][0]
        assert "パスワードが違います" in seen[1]
        assert worker.register.session.display_name == "役員（デモ）"
        assert worker.register.session.role == "役員"
    finally:
        worker.shutdown()


def test_controller_shows_a_message_for_a_bad_register(qtbot, tmp_path, monkeypatch):
    from kyodo_desktop.app import Controller, parse_args
    from kyodo_desktop.ui.settings import Settings

    bad = tmp_path / "bad.kyodo"
    bad.write_text("x" * 300, encoding="utf-8")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append(text))
    worker = DbWorker()
    try:
        ctl = Controller(None, Settings(paths.settings_file()), worker)
        monkeypatch.setattr(ctl, "welcome", lambda: False)
        assert not ctl.start(parse_args(["--register", str(bad)]))
        assert errors and "台帳ではな" in errors[0]
    finally:
        worker.shutdown()


def test_the_welcome_screen_takes_a_register_out_of_a_backup(qtbot, tmp_path, monkeypatch, demo_register, messages):
    """「バックアップから台帳を取り出す」: the backups on this PC are offered with their register's name,
    the chosen one is copied out where the officer says, and that copy is opened (login as usual)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

    from kyodo_desktop.app import Controller
    from kyodo_desktop.ui import main_window
    from kyodo_desktop.ui.settings import Settings
    from kyodo_desktop.ui.welcome import FROM_BACKUP, WelcomeDialog

    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    texts = [b.text() for b in welcome.findChildren(QPushButton)]
    assert "バックアップから台帳を取り出す" in texts
    # a backup where the program keeps them on this PC (one folder per register under the data folder)
    backup = demo_register.backup("manual", target=paths.backup_dir(demo_register.path) / "デモ-20261128-100000-manual.kyodo")
    demo_register.close(backup=False)
    shown = {}

    class Chooser:
        def __init__(self, backups, parent=None, *, registers=None, title=""):
            shown["registers"], shown["title"] = registers, title
            self.chosen = next(b for b in backups if b.path == backup)

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(main_window, "BackupChooser", Chooser)
    target = tmp_path / "取り出し" / "デモ_復元.kyodo"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    opened = []
    ctl = Controller(None, Settings(paths.settings_file()), DbWorker())
    monkeypatch.setattr(ctl, "_open", lambda path, *a: opened.append(path) or True)
    try:
        assert ctl.switch(FROM_BACKUP)
    finally:
        ctl.worker.shutdown()
    assert opened == [target] and target.is_file() and target.with_name(target.name + "-key").is_file()
    assert "デモ" in shown["registers"] and shown["title"] == "バックアップから台帳を取り出す"
    assert messages and "2つで1組" in messages[-1] and "入れ直して" in messages[-1]


def test_the_program_stops_with_the_reason_when_its_stick_cannot_be_written(tmp_path, monkeypatch, messages):
    """Portable mode on a stick where kyodo-data cannot be made: ``run`` says why and returns 1,
    before reading any setting (nothing falls back to this PC's folders)."""
    from kyodo_desktop.app import run

    program = tmp_path / "USB" / "KyodoDesktop"
    program.mkdir(parents=True)
    (program / "portable").write_text("", encoding="utf-8")
    (program / "kyodo-data").write_text("", encoding="utf-8")  # a file where the folder should be
    monkeypatch.delenv("KYODO_HOME", raising=False)
    monkeypatch.setenv(paths.PORTABLE_DIR_ENV, str(program))
    monkeypatch.setattr(paths, "_base_override", None)
    monkeypatch.setattr(paths, "_writable_checked", None)
    assert run([]) == 1
    assert messages and "kyodo-data" in messages[-1]
