"""Lock screen, 設定 page by role, and the consent dialog, on real encrypted registers."""

from __future__ import annotations

import pytest
from conftest import ADMIN, PASSWORD, admin_login

from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.ui.worker import DbWorker

HANCHO = ("班長 テスト", "hancho-pass-9")


@pytest.fixture
def path(demo_register):
    first = demo_register.conn.execute("SELECT id FROM blocks ORDER BY sort_order LIMIT 1").fetchone()[0]
    acc.add_account(demo_register, HANCHO[0], "班長", HANCHO[1], block_id=first)
    p = demo_register.path
    demo_register.close()
    return p


def _window(qtbot, path, who):
    from kyodo_desktop.ui.main_window import MainWindow

    worker = DbWorker()
    worker.open(lambda: Register.open(path, Credentials(*who), backup_dir=path.parent / "backups"))
    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.show()
    return win, worker


def test_lock_hides_everything_until_the_password(qtbot, path):
    win, worker = _window(qtbot, path, (ADMIN, PASSWORD))
    try:
        win.lock()
        lock = win.lock_window
        assert lock is not None and lock.isVisible()
        lock.close()  # Alt+F4 / the close button does not unlock
        assert lock.isVisible() and win.lock_window is lock
        lock.page.password.edit.setText("wrong-password")
        lock.page._try()
        assert "パスワードが違います" in lock.page.error.text() and win.lock_window is lock
        lock.page.password.edit.setText(PASSWORD)
        lock.page._try()
        assert win.lock_window is None
        failed = worker.call(lambda r: r.rows("SELECT summary FROM audit_log WHERE action='login_failed'"))
        assert len(failed) == 1
    finally:
        win.close()
        worker.shutdown()


def test_idle_time_locks_the_screen(qtbot, path):
    win, worker = _window(qtbot, path, (ADMIN, PASSWORD))
    try:
        assert win.idle.interval() == 10 * 60_000  # the default: 10 minutes
        win.idle.setInterval(50)
        win.idle.start()
        qtbot.waitUntil(lambda: win.lock_window is not None, timeout=3000)
    finally:
        win.close()
        worker.shutdown()


def test_settings_page_shows_what_the_role_may_use(qtbot, path):
    win, worker = _window(qtbot, path, (ADMIN, PASSWORD))
    try:
        page = win.admin_page
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            "自分のアカウント", "表示（文字の大きさ・配色）", "役員アカウント", "操作の記録（管理台帳）", "記録の整理"]
        page.tabs.setCurrentWidget(page.accounts)
        names = [page.accounts.table.item(r, 0).text() for r in range(page.accounts.table.rowCount())]
        assert ADMIN in names and HANCHO[0] in names
        page.tabs.setCurrentWidget(page.audit)
        assert page.audit.table.rowCount() > 0
        page.audit.what.setCurrentText("ログイン")
        page.audit.refresh()
        assert {page.audit.table.item(r, 2).text() for r in range(page.audit.table.rowCount())} == {"ログイン"}
    finally:
        win.close()
        worker.shutdown()
    win, worker = _window(qtbot, path, HANCHO)
    try:
        page = win.admin_page
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["自分のアカウント", "表示（文字の大きさ・配色）"]
        assert HANCHO[0] in win.windowTitle()
        win.show_page("register")
        ids = [row.id for row in win.register_page.index.rows]
        blocks = worker.call(lambda r: {r.conn.execute("SELECT block_id FROM households WHERE id=?", [i]).fetchone()[0]
                                        for i in ids})
        assert len(blocks) == 1  # the 名簿 page lists only the 班長's own 班
        assert win.register_page.add_btn.isEnabled() and not win.register_page.block_btn.isEnabled()
    finally:
        win.close()
        worker.shutdown()


def test_consent_dialog_records_answers(qtbot, path):
    from kyodo_desktop.ui.privacy_dialog import PrivacyDialog

    worker = DbWorker()
    worker.open(lambda: Register.open(path, admin_login(), backup_dir=path.parent / "backups"))
    try:
        hid = worker.call(lambda r: r.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0])
        data = worker.call(hh.get_household, hid)
        dialog = PrivacyDialog(data, worker.call, can_write=True, can_sensitive=True, can_write_sensitive=True,
                               today=worker.call(lambda r: r.today()))
        qtbot.addWidget(dialog)
        dialog.table.selectRow(0)  # 名簿を会員に配布
        dialog.grant_btn.click()
        assert dialog.table.item(0, 1).text() == "同意"
        pid = data.persons[0].id
        assert worker.call(privacy.may_output, pid, "name", "MEIBO_DISTRIBUTE")
        dialog.subject.setCurrentIndex(1)  # the first person: inherits the household's answer
        assert "世帯の記録" in dialog.table.item(0, 1).text()
        dialog.tabs.setCurrentWidget(dialog.sensitive_tab)
        dialog.detail.setText("要介護1")
        dialog.sensitive_date.setValue("2026-04-01")
        dialog._add_sensitive()
        assert dialog.sensitive_table.rowCount() == 1
        dialog.detail.setText("x")
        dialog.sensitive_date.setValue(None)
        dialog._add_sensitive()
        assert "同意" in dialog.status.text() and dialog.sensitive_table.rowCount() == 1
    finally:
        worker.shutdown()


def test_first_run_creator_becomes_administrator_and_keeps_the_recovery_code(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop import paths
    from kyodo_desktop.app import Controller
    from kyodo_desktop.ui.login import RecoveryCodeDialog
    from kyodo_desktop.ui.settings import Settings
    from kyodo_desktop.ui.welcome import NewAssociationDialog

    seen = {}

    def fill_new():
        d = QApplication.activeModalWidget()
        assert isinstance(d, NewAssociationDialog)
        d.name.setText("尾山町会")
        d.admin.admin.setText("会長 尾山")
        d.admin.password.edit.setText("oyama-pass-1")
        d.admin.again.edit.setText("oyama-pass-2")
        d._accept()
        seen["mismatch"] = d.error.text()  # the two passwords differ: stays open
        d.admin.again.edit.setText("oyama-pass-1")
        QTimer.singleShot(0, keep_code)
        d._accept()

    def keep_code():
        d = QApplication.activeModalWidget()
        assert isinstance(d, RecoveryCodeDialog)
        ok = d.buttons.button(d.buttons.StandardButton.Ok)
        seen["ok_before"] = ok.isEnabled()
        d.reject()  # Esc does not skip keeping the code
        seen["still_open"] = d.isVisible()
        d.kept.setChecked(True)
        ok.click()

    worker = DbWorker()
    try:
        ctl = Controller(None, Settings(paths.settings_file()), worker)
        QTimer.singleShot(0, fill_new)
        assert ctl.create_new()
        qtbot.addWidget(ctl.window)
        assert "一致しません" in seen["mismatch"]
        assert seen["ok_before"] is False and seen["still_open"] is True
        session = worker.register.session
        assert (session.display_name, session.role) == ("会長 尾山", "管理者")
        assert worker.register.path.with_name(worker.register.path.name + "-key").exists()
    finally:
        worker.shutdown()


def test_opening_a_register_from_before_encryption_converts_it(qtbot, tmp_path):
    from conftest import make_plain_register
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop import paths
    from kyodo_desktop.app import Controller
    from kyodo_desktop.ui.login import EncryptDialog, RecoveryCodeDialog
    from kyodo_desktop.ui.settings import Settings

    old = tmp_path / "古い町会.kyodo"
    make_plain_register(old)

    def fill():
        d = QApplication.activeModalWidget()
        assert isinstance(d, EncryptDialog)
        d.fields.admin.setText("会長 古川")
        d.fields.password.edit.setText("furukawa-pass")
        d.fields.again.edit.setText("furukawa-pass")
        QTimer.singleShot(0, keep)
        d._accept()

    def keep():
        d = QApplication.activeModalWidget()
        assert isinstance(d, RecoveryCodeDialog)
        d.kept.setChecked(True)
        d.buttons.button(d.buttons.StandardButton.Ok).click()

    worker = DbWorker()
    try:
        ctl = Controller(None, Settings(paths.settings_file()), worker)
        QTimer.singleShot(0, fill)
        assert ctl._open(old)
        qtbot.addWidget(ctl.window)
        assert worker.register.session.role == "管理者"
        assert "古い町会".encode() not in old.read_bytes()
    finally:
        worker.shutdown()


def test_locking_closes_an_open_support_dialog_and_clears_the_list(qtbot, path):
    from kyodo_desktop.ui.support_tab import SupportDialog

    win, worker = _window(qtbot, path, (ADMIN, PASSWORD))
    try:
        win.show_page("disaster")
        dialog = SupportDialog(worker, parent=win.disaster_page.support)
        dialog.show()
        assert dialog.isVisible()
        win.lock()
        assert not dialog.isVisible() and win.lock_window is not None
        assert win.disaster_page.support.model.rowCount() == 0  # no names wait behind the lock screen
    finally:
        if win.lock_window is not None:
            win.lock_window.page.password.edit.setText(PASSWORD)
            win.lock_window.page._try()
        win.close()
        worker.shutdown()
