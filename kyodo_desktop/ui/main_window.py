"""The main window: left navigation, pages, and the file menu (open, backup, restore)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import households as hh
from kyodo_desktop.models.register import RegisterError, list_backups
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.pages import HomePage, RegisterPage
from kyodo_desktop.ui.widgets import refresh_shown, scrolling
from kyodo_desktop.ui.worker import DbWorker

#: (key, label): the labels stay Japanese here (tests and help.PAGES compare them); shown through tr()
NAV = (
    ("home", QT_TRANSLATE_NOOP("", "ホーム")),
    ("register", QT_TRANSLATE_NOOP("", "名簿")),
    ("events", QT_TRANSLATE_NOOP("", "行事")),
    ("rosters", QT_TRANSLATE_NOOP("", "当番表")),
    ("disaster", QT_TRANSLATE_NOOP("", "防災・連絡網")),
    ("circulars", QT_TRANSLATE_NOOP("", "回覧")),
    ("accounts", QT_TRANSLATE_NOOP("", "会計・報告")),
    ("settings", QT_TRANSLATE_NOOP("", "設定")),
)


class MainWindow(QMainWindow):
    def __init__(self, worker: DbWorker, *, switch_register: Callable[[str], None] | None = None,
                 show_recovery: Callable[[str], None] | None = None,
                 remember_font: Callable[[str], None] | None = None,
                 display: tuple[int, str] = (100, "標準"),  # notr: a stored theme value
                 change_display: Callable[[int, str], None] | None = None, language: str = "ja",
                 change_language: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.worker = worker
        self.display = display
        self.change_display = change_display or (lambda _scale, _theme: None)
        self.language = language
        self.change_language = change_language or (lambda _language: None)
        self.remember_font = remember_font or (lambda _path: None)
        self.switch_register = switch_register or (lambda _what: None)
        self.show_recovery = show_recovery or (lambda _code: None)
        reg = worker.register
        assert reg is not None
        self.session = reg.session
        self.setMinimumSize(QSize(1000, 680))
        central = QWidget()
        row = QHBoxLayout(central)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("画面の切り替え"))
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        # as wide as the longest label (「防災・連絡網」) and a little more: at 200 % text every pixel counts
        self.nav.setFixedWidth(int(self.nav.fontMetrics().horizontalAdvance(tr("防災・連絡網")) * 1.15) + 32)
        self.nav.setSpacing(4)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.holders: dict[str, QScrollArea] = {}
        self.update_title()  # before the pages queue their prefetches on the database thread
        self.home = HomePage(worker, open_safety_check=self.open_safety_check)
        self.register_page = RegisterPage(worker, self.open_household)
        self._built = {"home", "register"}
        for key, label in NAV:
            # ホーム and 名簿 are built now (their data is read on the database thread while the
            # window is put together); the other pages when they are first opened
            page: QWidget = self.home if key == "home" else self.register_page if key == "register" else QWidget()
            self.pages[key] = page
            # each page scrolls when it does not fit (200 % text on a small screen) instead of
            # squeezing its rows and buttons until their text is cut off
            holder = self.holders[key] = scrolling(page)
            self.stack.addWidget(holder)
            item = QListWidgetItem(tr(label))
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 8))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_page)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.lock_window: LockWindow | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_auto_lock(int(self.association["auto_lock_minutes"]))
        QApplication.instance().installEventFilter(self)
        self._build_menu()
        self.nav.setCurrentRow(0)

    # -- chrome --------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))

        def action(text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(shortcut)
            menu.addAction(act)
            return act

        action(self.tr("新しい町会を作る…"), lambda: self.switch_register("new"))
        action(self.tr("台帳を開く…"), lambda: self.switch_register("open"), QKeySequence.StandardKey.Open)
        action(self.tr("デモを見る"), lambda: self.switch_register("demo"))
        menu.addSeparator()
        action(self.tr("画面をロック"), self.lock, QKeySequence("Ctrl+L"))
        action(self.tr("ユーザーの切り替え…"), lambda: self.switch_register("switch"))
        menu.addSeparator()
        action(self.tr("Excel・CSVの名簿を取り込む…"), self.import_list)
        action(self.tr("名簿をExcel・CSVに書き出す…"), self.export_list)
        action(self.tr("印刷（回覧板・名簿・連絡網・当番表・会計の書類など）…"), self.print_documents, QKeySequence.StandardKey.Print)
        action(self.tr("班長用シートを作る…"), self.make_hancho_sheet)
        action(self.tr("班長用シートを取り込む…"), self.take_hancho_sheet)
        menu.addSeparator()
        handover = action(self.tr("年度替わり・引継ぎ…"), self.open_handover)
        handover.setEnabled(self.session.can("association.write") and not self.worker.register.read_only)
        handover.setToolTip(self.tr("新しい年度の役員・班長・会計をまとめて切り替え、引継ぎの書類を作ります（管理者）"))
        action(self.tr("校下・市の集計（報告書を集める）…"), self.open_consolidate)
        menu.addSeparator()
        action(self.tr("バックアップを作成"), self.make_backup)
        action(self.tr("バックアップから台帳を取り出す…"), lambda: self.switch_register("from-backup"))
        restore = action(self.tr("バックアップから復元…"), self.restore_backup)
        if not self.session.can("backup.restore"):
            restore.setEnabled(False)
            restore.setToolTip(self.tr("復元できるのは管理者だけです"))
        menu.addSeparator()
        action(self.tr("終了"), self.close, QKeySequence.StandardKey.Quit)
        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        act = QAction(self.tr("この画面の説明"), self)
        act.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        act.triggered.connect(self.show_help)
        help_menu.addAction(act)
        act = QAction(self.tr("使い方の案内…"), self)
        act.triggered.connect(self.show_tour)
        help_menu.addAction(act)
        for n, (_key, label) in enumerate(NAV):
            act = QAction(tr(label), self)
            act.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            act.triggered.connect(lambda _=False, n=n: self.nav.setCurrentRow(n))
            self.addAction(act)

    def open_consolidate(self) -> None:
        """The 校下 / city side: many associations' yearly reports into one summary (no register data)."""
        from kyodo_desktop.ui.consolidate_dialog import ConsolidateDialog

        self.consolidate_dialog = ConsolidateDialog(self)
        self.consolidate_dialog.open()

    def open_handover(self) -> None:
        from kyodo_desktop.ui.handover_wizard import HandoverWizard

        try:
            self.handover_wizard = HandoverWizard(self.worker, self)
        except (RegisterError, ValueError) as exc:
            dialogs.show_error(self, self.tr("年度替わり・引継ぎ"), str(exc))
            return
        self.handover_wizard.finished.connect(lambda _r: self._after_handover())
        self.handover_wizard.open()

    def _after_handover(self) -> None:
        if getattr(self, "handover_wizard", None) is not None and self.handover_wizard.applied:
            self.home.refresh()
            self.register_page.refresh()

    def current_page(self) -> QWidget:
        """The page in front (the stack holds each page in its scroll area)."""
        return self.pages[self.current_page_key()]

    def current_page_key(self) -> str:
        row = self.nav.currentRow()
        return NAV[row][0] if 0 <= row < len(NAV) else "home"

    def show_help(self) -> None:
        """F1: the help page of the screen in front (non-modal, so it can stay open beside it)."""
        from kyodo_desktop.ui.help import HelpDialog

        self.help_dialog = HelpDialog(self.current_page_key(), self)
        self.help_dialog.show()

    def show_tour(self) -> None:
        from kyodo_desktop.ui.help import TourDialog

        self.tour_dialog = TourDialog(self)
        self.tour_dialog.open()

    def update_title(self) -> None:
        reg = self.worker.register
        assert reg is not None
        assoc = self.association = self.worker.call(hh.get_association)
        ro = self.tr("（読み取り専用）") if reg.read_only else ""
        who = self.tr("{name}（{role}）").format(name=reg.session.display_name, role=reg.session.role)
        self.setWindowTitle(self.tr("協働デスク — {name}{ro} — {who}").format(name=assoc["name"], ro=ro, who=who))
        from kyodo_desktop import paths

        portable = self.tr("　（持ち運びモード: 設定とバックアップはUSBメモリの中）") if paths.is_portable() else ""
        self.statusBar().showMessage(self.tr("台帳: {path}{ro}　ログイン中: {who}{portable}").format(
            path=reg.path, ro=ro, who=who, portable=portable))

    def _build_page(self, key: str) -> QWidget:
        worker = self.worker
        if key == "events":
            from kyodo_desktop.ui.events_page import ActivityPage

            return ActivityPage(worker)
        if key == "rosters":
            from kyodo_desktop.ui.rosters_page import RostersPage

            return RostersPage(worker)
        if key == "disaster":
            from kyodo_desktop.ui.disaster_page import DisasterPage

            return DisasterPage(worker)
        if key == "circulars":
            from kyodo_desktop.ui.circulars_page import CircularsPage

            return CircularsPage(worker, lambda: self.print_documents("circular"))
        if key == "accounts":
            from kyodo_desktop.ui.books_page import BooksPage
            from kyodo_desktop.ui.report_tab import ReportTab
            from kyodo_desktop.ui.subsidy_tab import SubsidyTab

            books = BooksPage(worker)
            books.add_tab(ReportTab(worker), self.tr("年次報告"))
            books.add_tab(SubsidyTab(worker), self.tr("補助金"))
            return books
        if key == "settings":
            from kyodo_desktop import paths
            from kyodo_desktop.ui.admin_page import AdminPage

            return AdminPage(worker, data_dir=paths.data_dir, show_recovery=self.show_recovery,
                             display=self.display, change_display=self.change_display,
                             language=self.language, change_language=self.change_language)
        raise KeyError(key)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built the first time it is needed."""
        if key not in self._built:
            placeholder = self.pages[key]
            built = self._build_page(key)
            self.holders[key].takeWidget()
            self.holders[key].setWidget(built)
            placeholder.deleteLater()
            self.pages[key] = built
            self._built.add(key)
        return self.pages[key]

    @property
    def activity_page(self) -> Any:
        return self.page("events")

    @property
    def rosters_page(self) -> Any:
        return self.page("rosters")

    @property
    def disaster_page(self) -> Any:
        return self.page("disaster")

    @property
    def circulars_page(self) -> Any:
        return self.page("circulars")

    @property
    def books_page(self) -> Any:
        return self.page("accounts")

    @property
    def admin_page(self) -> Any:
        return self.page("settings")

    def show_settings_tab(self, tab: str) -> None:
        """Go to the 設定 page and one of its tabs (e.g. "display")."""
        self.show_page("settings")
        self.admin_page.show_tab(tab)

    def _show_page(self, row: int) -> None:
        key = NAV[row][0]
        page = self.page(key)
        self.stack.setCurrentWidget(self.holders[key])
        try:
            refresh_shown(page)
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("協働デスク"), str(exc))

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _ in NAV].index(key))

    def open_safety_check(self) -> None:
        """ホーム's 「安否確認」: the 防災 page's check screen of the latest running check (or the
        dialog to start one)."""
        self.show_page("disaster")
        try:
            self.disaster_page.start_safety_mode()
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("安否確認"), str(exc))

    # -- households ----------------------------------------------------------------------------

    def open_household(self, household_id: int | None) -> int | None:
        from kyodo_desktop.models.postal import lookup
        from kyodo_desktop.ui.household_editor import HouseholdEditor

        blocks = self.worker.call(hh.list_blocks)
        if not blocks:
            dialogs.show_info(self, self.tr("世帯の追加"), self.tr("先に「班を追加」で班を作ってください。"))
            return None
        if household_id is None:
            block_id = self.register_page.block_filter.currentData() or blocks[0].id
            data = hh.HouseholdData(block_id=block_id, persons=[hh.PersonData(relation="世帯主")])  # notr: a data value
        else:
            data = self.worker.call(hh.get_household, household_id)
        reg = self.worker.register
        assert reg is not None
        editor = HouseholdEditor(
            data, blocks, lambda d: self.worker.call(hh.save_household, d), lookup, reg.today(), self,
            call=self.worker.call,
            move_person=lambda pid, hid: self.worker.call(hh.move_person, pid, hid),
            choose_household=self.choose_household,
            open_privacy=self.open_privacy if data.id is not None else None,
        )
        if editor.exec() == QDialog.DialogCode.Accepted:
            saved = editor.saved_id
            self.register_page.refresh(keep_id=saved)
            return saved
        return None

    def open_privacy(self, parent: QWidget, household_id: int) -> None:
        """同意と要配慮個人情報 of a saved household (each answer is saved at once)."""
        from kyodo_desktop.ui.privacy_dialog import PrivacyDialog

        reg = self.worker.register
        assert reg is not None
        s = reg.session
        data = self.worker.call(hh.get_household, household_id)
        PrivacyDialog(data, self.worker.call, can_write=s.can("register.write"), can_sensitive=s.can("sensitive.read"),
                      can_write_sensitive=s.can("sensitive.write"), today=reg.today(), parent=parent).exec()

    # -- locking -------------------------------------------------------------------------------

    def set_auto_lock(self, minutes: int) -> None:
        self.idle.setInterval(max(1, minutes) * 60_000)
        self.idle.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self.lock_window is None:
            self.idle.start()  # restart the idle countdown
        return False

    def lock(self) -> None:
        """Hide everything (this window and any open dialog) behind the lock screen."""
        if self.lock_window is not None:
            return
        self.idle.stop()
        if "disaster" in self._built:  # names of people who need help never wait behind the lock screen
            self.pages["disaster"].support.clear()
            for w in QApplication.topLevelWidgets():  # nor do its open dialogs (closed unsaved, previews deleted)
                if isinstance(w, QDialog) and w.isVisible() and type(w).__module__ == "kyodo_desktop.ui.support_tab":
                    w.reject()
        self.lock_window = LockWindow(self._unlock, lambda: self.switch_register("switch"))
        self.lock_window.page.prepare(self.session.display_name)
        self.lock_window.showFullScreen()
        self.lock_window.raise_()
        self.lock_window.activateWindow()

    def _unlock(self, secret: str) -> str | None:
        from kyodo_desktop.models.register import RegisterError

        if not self.session.account_uid:
            return self.tr("復旧コードでのログイン中はロックを解除できません。「別の人でログイン」を選んでください。")
        try:
            self.worker.call_responsive(lambda r: r.unlock_key_with(r.session.account_uid, secret))
        except RegisterError as exc:
            return str(exc)
        self.unlock_screen()
        return None

    def unlock_screen(self) -> None:
        if self.lock_window is not None:
            self.lock_window.may_close = True
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None
        self.idle.start()

    def choose_household(self, parent: QWidget, exclude_id: int) -> int | None:
        """Ask which household a person moves to (searchable list of present households)."""
        from kyodo_desktop.models.search import HouseholdIndex

        index = self.worker.call(HouseholdIndex.load)
        picker = HouseholdPicker(index, exclude_id, parent)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        return picker.chosen

    # -- Excel -----------------------------------------------------------------------------------

    def import_list(self) -> None:
        from kyodo_desktop.ui.import_wizard import ImportWizard

        if not self.session.can("register.write"):
            dialogs.show_info(self, self.tr("取り込み"), self.tr("名簿を変更できる役割の人だけが取り込めます。"))
            return
        wizard = ImportWizard(self.worker, self)
        if wizard.exec() == QDialog.DialogCode.Accepted and wizard.result is not None:
            r = wizard.result
            self.register_page.refresh()
            dialogs.show_info(self, self.tr("取り込み"), self.tr("取り込みました: 追加 {added}世帯・変更 {changed}世帯"
                                                         "（新しい班 {blocks}）。取り込む前のバックアップがあります。").format(
                added=r.households_added, changed=r.households_changed, blocks=r.blocks_added))

    def export_list(self) -> None:
        from kyodo_desktop.ui.export_dialog import ExportDialog

        if not self.session.can("output"):
            dialogs.show_info(self, self.tr("書き出し"), self.tr("名簿を出力できる役割の人だけが書き出せます。"))
            return
        ExportDialog(self.worker, self).exec()

    def print_documents(self, kind: str = "circular") -> None:
        from kyodo_desktop.ui.print_preview import PrintPreview

        if not self.session.can("output"):
            dialogs.show_info(self, self.tr("印刷"), self.tr("名簿や書類を出力できる役割の人だけが印刷できます。"))
            return
        PrintPreview(self.worker, self, kind=kind, remember_font=self.remember_font).exec()
        if "circulars" in self._built and self.stack.currentWidget() is self.holders["circulars"]:
            self.pages["circulars"].refresh()

    def make_hancho_sheet(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from kyodo_desktop.export.hancho_sheet import write_hancho_workbook

        blocks = self.worker.call(hh.list_blocks)
        if not blocks:
            return
        name, ok = QInputDialog.getItem(self, self.tr("班長用シート"), self.tr("どの班のシートを作りますか"),
                                        [b.name for b in blocks], 0, False)
        if not ok:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("班長用シートの保存先"),
                                                self.tr("{0}_班長用シート.xlsx").format(name), "Excel (*.xlsx)")
        if not chosen:
            return
        block_id = next(b.id for b in blocks if b.name == name)
        try:
            out = self.worker.call(write_hancho_workbook, block_id, Path(chosen))
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("班長用シート"), str(exc))
            return
        dialogs.show_info(self, self.tr("班長用シート"),
                          self.tr("作りました: {0}\n班長に渡して、直してもらったら「班長用シートを取り込む」で戻します。").format(out))

    def take_hancho_sheet(self) -> None:
        from kyodo_desktop.export.hancho_sheet import read_hancho_workbook
        from kyodo_desktop.ui.hancho_dialog import HanchoReturnDialog, choose_file

        path = choose_file(self)
        if path is None:
            return
        try:
            ret = self.worker.call(read_hancho_workbook, path)
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("班長用シート"), str(exc))
            return
        dialog = HanchoReturnDialog(self.worker, ret, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.register_page.refresh()
            dialogs.show_info(self, self.tr("班長用シート"), self.tr("取り込みました: {0}件。").format(dialog.applied))

    # -- backups -------------------------------------------------------------------------------

    def make_backup(self) -> None:
        try:
            path = self.worker.call(lambda reg: reg.backup("manual"))
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("バックアップ"), str(exc))
            return
        dialogs.show_info(self, self.tr("バックアップ"), self.tr("バックアップを作成しました。\n{0}").format(path))

    def restore_backup(self) -> None:
        from kyodo_desktop.models.japanese import to_wareki

        reg = self.worker.register
        assert reg is not None
        if reg.backup_dir is None:
            return
        backups = list_backups(reg.backup_dir)
        if not backups:
            dialogs.show_info(self, self.tr("バックアップから復元"), self.tr("この台帳のバックアップはまだありません。"))
            return
        dialog = BackupChooser(backups, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        if not dialogs.confirm(
            self,
            self.tr("バックアップから復元"),
            self.tr("{date} {time} のバックアップに戻します。\n"
                    "いまの内容は、戻す前に別のバックアップとして保存されるので、あとで元に戻せます。\n復元しますか？").format(
                date=to_wareki(chosen.taken_at.date()), time=f"{chosen.taken_at:%H:%M}"),
            yes=self.tr("復元する"),
            no=self.tr("やめる"),
        ):
            return
        try:
            self.worker.call(lambda r: r.restore(chosen.path))
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("バックアップから復元"), self.tr("{0}\n台帳は変更されていません。").format(exc))
            return
        self.update_title()
        self._show_page(self.nav.currentRow())
        dialogs.show_info(self, self.tr("バックアップから復元"), self.tr("復元しました。"))

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        QApplication.instance().removeEventFilter(self)
        self.idle.stop()
        if self.lock_window is not None:
            self.lock_window.may_close = True
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None
        event.accept()


_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class LockWindow(QWidget):
    """A full-screen window above the program (and its dialogs) while locked: nothing of the
    register shows until the password is entered again."""

    def __init__(self, unlock: Callable[[str], str | None], switch_user: Callable[[], None]) -> None:
        from kyodo_desktop.ui.login import LockPage

        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("協働デスク — ロック中"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.page = LockPage(unlock, switch_user)
        layout.addWidget(self.page)

        self.may_close = False

    def closeEvent(self, event: QCloseEvent) -> None:  # only unlocking closes it (not Alt+F4)
        if self.may_close:
            event.accept()
        else:
            event.ignore()


class BackupChooser(QDialog):
    def __init__(self, backups: list[Any], parent: QWidget | None = None, *, registers: list[str] | None = None,
                 title: str = QT_TRANSLATE_NOOP("", "バックアップから復元")) -> None:
        from kyodo_desktop.models.japanese import to_wareki
        from kyodo_desktop.models.register import BACKUP_REASONS

        super().__init__(parent)
        self.setWindowTitle(tr(title))
        self.chosen = None
        self._backups = backups
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("戻したい時点のバックアップを選んでください（新しい順）。")))
        self.list = QListWidget()
        for n, b in enumerate(backups):
            reason = BACKUP_REASONS.get(b.reason.rstrip("0123456789"), b.reason)
            name = self.tr("「{0}」　").format(registers[n]) if registers else ""
            self.list.addItem(f"{name}{to_wareki(b.taken_at.date())} {b.taken_at:%H:%M}　{reason}　{b.size / 1024:,.0f} KB")
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("このバックアップを選ぶ"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        self.resize(560, 420)

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._backups):
            self.chosen = self._backups[row]
            self.accept()


class HouseholdPicker(QDialog):
    """Pick a household by typing part of a name or its kana."""

    LIMIT = 200

    def __init__(self, index: Any, exclude_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QLineEdit

        super().__init__(parent)
        self.setWindowTitle(self.tr("移す先の世帯を選ぶ"))
        self.chosen: int | None = None
        self._index = index
        self._exclude = exclude_id
        self._ids: list[int] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("移す先の世帯を、名前かフリガナで探して選んでください。")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前・フリガナで検索"))
        self.search.setAccessibleName(self.tr("世帯の検索"))
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("世帯の候補"))
        layout.addWidget(self.list, 1)
        self.more = QLabel()
        layout.addWidget(self.more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("この世帯へ移す"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        self._fill()
        self.resize(560, 480)

    def _fill(self) -> None:
        rows = self._index.rows
        hits = [i for i in self._index.search(self.search.text(), statuses=("加入", "非加入"))  # notr: data values
                if rows[i].id != self._exclude]
        self.list.clear()
        self._ids = []
        for i in hits[: self.LIMIT]:
            r = rows[i]
            self.list.addItem(self.tr("{block}　{name}（{kana}）　{address}").format(
                block=r.block_name, name=r.head_name, kana=r.head_kana, address=r.address))
            self._ids.append(r.id)
        extra = len(hits) - self.LIMIT
        self.more.setText(self.tr("ほかに {0} 世帯あります。名前を入力して絞り込んでください。").format(f"{extra:,}")
                          if extra > 0 else "")
        if self._ids:
            self.list.setCurrentRow(0)

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._ids):
            self.chosen = self._ids[row]
            self.accept()
