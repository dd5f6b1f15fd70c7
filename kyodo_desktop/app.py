"""Composition root: settings, translations, the database worker, the register and the window.

Start-up (bench/ figure 3): when the login is known at start (``--register`` with KYODO_USER /
KYODO_PASSWORD, as the smoke test and the benchmark run), the register is unlocked and checked
(``quick_check``) on the database thread while Qt and the window's modules load: SQLite and
argon2 run outside Python's GIL, so the two overlap. That is why Qt is imported inside the
functions here rather than at the top of this module. What start-up loads and builds lives until
exit, so it is taken out of the cyclic garbage collector's view (:func:`_settle_heap`).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop import paths
from kyodo_desktop.models.register import (
    Credentials,
    Register,
    RegisterError,
    is_encrypted_register,
)

if TYPE_CHECKING:
    import tempfile

    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.ui.settings import Settings
    from kyodo_desktop.ui.worker import DbWorker

DEMO_HOUSEHOLDS = 300


def translate(context: str, text: str) -> str:
    """Qt's translation (see ui/i18n.py), importing Qt only when called: this module is imported
    before Qt, while the register is being unlocked."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kyodo-desktop", description="協働デスク")  # notr
    parser.add_argument("--demo", action="store_true", help="デモの町会を開く")  # notr (command-line help)
    parser.add_argument("--register", metavar="PATH", help="この台帳ファイルを開く")  # notr
    parser.add_argument("--data-dir", metavar="DIR", help="設定とバックアップの保存先")  # notr
    parser.add_argument("--smoke-test", action="store_true", help="一時的な台帳で起動し、すぐ終了する（検査用）")  # notr
    parser.add_argument("--visit-pages", action="store_true",
                        help="--smoke-test で、終了する前にすべての画面を一度ずつ開く（検査用）")  # notr
    return parser.parse_args(argv)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Japanese strings (standard buttons, file dialogs)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_ja",):
        t = QTranslator(app)
        if t.load(name, qt_dir):
            app.installTranslator(t)
            translators.append(t)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    return translators


def apply_preferences(app: QApplication, settings: Settings) -> None:
    """The language, text size and colours this PC remembers (設定 → 表示), before any window."""
    from kyodo_desktop.ui.display import apply_display

    language = settings.get("ui/language")
    if language == "ja":
        install_translations(app)  # Qt's own buttons and dialogs in Japanese
    else:
        from kyodo_desktop.ui.i18n import install_language

        install_language(app, language)  # the program's texts; Qt's own stay in English
    apply_display(app, settings.get("ui/text_scale"), settings.get("ui/theme"))


def env_credentials() -> Credentials | None:
    """KYODO_USER + KYODO_PASSWORD (as for the command line) skip the login dialog: for the smoke
    test and benchmarks. Never a command-line argument, which other users of the PC could see."""
    password = os.environ.get("KYODO_PASSWORD")
    if not password:
        return None
    return Credentials(os.environ.get("KYODO_USER", ""), password)


@dataclass
class EarlyOpening:
    """A register being unlocked and checked on the database thread since the program started,
    before Qt was loaded (:func:`start_opening`); the controller takes it over (:meth:`Controller._open`)."""

    path: Path
    credentials: Credentials
    future: Future
    taken: bool = False


def start_opening(path: Path, credentials: Credentials, pool: ThreadPoolExecutor) -> EarlyOpening | None:
    """Unlock and check ``path`` on ``pool`` (the database thread) right away. None if the file
    needs the normal path (a plain register to convert, a file that is not a register:
    :meth:`Controller._open` reports it)."""
    from kyodo_desktop.models.crypto import import_backends

    try:
        if not is_encrypted_register(path):
            return None
    except RegisterError:
        return None
    import_backends()

    def opener() -> Register:
        return Register.open(path, credentials, backup_dir=paths.backup_dir(path), backup_on_open=False)

    return EarlyOpening(path, credentials, pool.submit(opener))


class Controller:
    """Decides which register to open and keeps the one main window."""

    def __init__(self, app: QApplication, settings: Settings, worker: DbWorker,
                 early: EarlyOpening | None = None) -> None:
        self.app = app
        self.settings = settings
        self.worker = worker
        self.window = None
        self.background_errors: list[BaseException] = []
        self.early = early

    # -- opening ---------------------------------------------------------------------------------

    def _take_early(self, path: Path, credentials: Credentials | None) -> EarlyOpening | None:
        early = self.early
        if early is None or early.taken or credentials != early.credentials or path != early.path:
            return None
        early.taken = True
        return early

    def _open(self, path: Path, credentials: Credentials | None = None) -> bool:
        """Log in and open ``path``: a plain register from before encryption is converted first;
        ``credentials`` (smoke test, KYODO_USER/KYODO_PASSWORD) skip the login dialog."""
        from kyodo_desktop.ui import dialogs

        early = self._take_early(path, credentials)
        if early is None:
            from kyodo_desktop.models.crypto import KeyFile, key_file_path

            try:
                encrypted = is_encrypted_register(path)
                if not encrypted:
                    credentials = self._encrypt(path)
                    if credentials is None:
                        return False
                accounts = KeyFile.load(key_file_path(path)).accounts()
            except RegisterError as exc:
                dialogs.show_error(None, translate("", "台帳を開けません"), str(exc))
                return False
        if credentials is not None:
            error = self._attempt(path, credentials, early)
            if error is not None:
                dialogs.show_error(None, translate("", "台帳を開けません"), error)
                return False
        elif dialogs.noninteractive:
            dialogs.show_error(None, translate("", "台帳を開けません"),
                              translate("", "ログインの情報（KYODO_USER と KYODO_PASSWORD）がありません。"))
            return False
        else:
            from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, DEMO_ADMIN
            from kyodo_desktop.ui.login import LoginDialog

            demo = None
            if path.resolve() == paths.demo_register_path().resolve():
                demo = [(DEMO_ADMIN[0], "管理者", DEMO_ADMIN[1]), *DEMO_ACCOUNTS]  # notr (a role name)
            dialog = LoginDialog(association_file=path, accounts=accounts, last_user=self.settings.get("login/last_user"),
                                 attempt=lambda c: self._attempt(path, c), demo_accounts=demo, parent=self.window)
            if dialog.exec() != LoginDialog.DialogCode.Accepted:
                return False
        reg = self.worker.register
        assert reg is not None
        self.settings.set("register/last_path", str(path))
        self.settings.set("login/last_user", reg.session.account_uid)
        self._show_window()
        for warning in reg.warnings:
            dialogs.show_info(self.window, translate("", "協働デスク"), warning)
        if not reg.read_only:
            # taken on the database thread while the window paints
            self.worker.run(lambda r: r.backup_if_changed("open"), on_done=lambda _p: None,
                            on_error=self._backup_failed, parent=self.window,
                            label=translate("", "バックアップを作成しています…"))
        return True

    def _attempt(self, path: Path, credentials: Credentials, early: EarlyOpening | None = None) -> str | None:
        """Unlock and open on the database thread (argon2 takes 0.3–1 s), keeping the window alive;
        ``early``: an opening already under way on the worker's thread (:func:`start_opening`)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        if early is not None:
            opening = self.worker.adopt_open(early.future)
        else:
            def opener() -> Register:
                return Register.open(path, credentials, backup_dir=paths.backup_dir(path), backup_on_open=False)

            self.worker.close_register()
            opening = self.worker.start_open(opener)
        from kyodo_desktop.ui import main_window  # noqa: F401  (imported while the key is derived)

        while True:
            try:
                opening.exception(timeout=0.02)
                break
            except TimeoutError:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            self.worker.finish_open(opening)
        except RegisterError as exc:
            return str(exc)
        return None

    def _encrypt(self, path: Path) -> Credentials | None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from kyodo_desktop.models.register import encrypt_register
        from kyodo_desktop.ui import dialogs
        from kyodo_desktop.ui.login import EncryptDialog

        dialog = EncryptDialog(path, self.window)
        if dialog.exec() != EncryptDialog.DialogCode.Accepted:
            return None
        admin, password = dialog.fields.values()
        self.worker.close_register()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = encrypt_register(path, admin_name=admin, password=password, backup_dir=paths.backup_dir(path))
        finally:
            QApplication.restoreOverrideCursor()
        self._show_recovery_code(done.recovery_code, path, association=path.stem)
        for problem in done.problems:
            dialogs.show_error(None, translate("", "台帳の暗号化"), problem)
        return Credentials(done.account_uid, password)

    def _show_recovery_code(self, code: str, path: Path, *, association: str) -> None:
        from kyodo_desktop.ui import dialogs

        if dialogs.noninteractive:
            return
        from kyodo_desktop.export.recovery_sheet import write_recovery_sheet
        from kyodo_desktop.ui.login import RecoveryCodeDialog

        def write(target: Path) -> Path:
            return write_recovery_sheet(target, association=association, code=code, register_file=path.name,
                                        issued=datetime.now())

        RecoveryCodeDialog(code, association=association, register_file=path.name, write_sheet=write,
                           parent=self.window).exec()

    def _backup_failed(self, exc: BaseException) -> None:
        from kyodo_desktop.ui import dialogs

        self.background_errors.append(exc)
        dialogs.show_error(
            self.window, translate("", "バックアップ"),
            translate("", "開いたときのバックアップを作成できませんでした。\n{exc}\n台帳はそのまま使えますが、"
                                       "バックアップの保存先（このパソコンの空き容量）を確かめてください。").format(exc=exc),
        )

    def _create(self, path: Path, values: dict[str, str], *, demo_households: int = 0) -> bool:
        from kyodo_desktop.models.accounts import add_demo_accounts
        from kyodo_desktop.models.crypto import key_file_path
        from kyodo_desktop.models.demo import populate_demo
        from kyodo_desktop.ui import dialogs

        def creator() -> Register:
            reg = Register.create(path, backup_dir=paths.backup_dir(path), **values)
            if demo_households:
                try:
                    populate_demo(reg.db, households=demo_households, seed=1, today=reg.today())
                    add_demo_accounts(reg)
                    from kyodo_desktop.models.subsidies import add_demo_cases

                    add_demo_cases(reg)
                except BaseException:
                    reg.close(backup=False)
                    path.unlink(missing_ok=True)
                    key_file_path(path).unlink(missing_ok=True)
                    raise
            return reg

        self.worker.close_register()
        try:
            self.worker.open(creator)
        except (RegisterError, ValueError) as exc:
            dialogs.show_error(None, translate("", "台帳を作成できません"), str(exc))
            return False
        reg = self.worker.register
        assert reg is not None
        self.settings.set("register/last_path", str(path))
        self.settings.set("login/last_user", reg.session.account_uid)
        if reg.recovery_code and not demo_households:
            self._show_recovery_code(reg.recovery_code, path, association=values["name"])
        self._show_window()
        return True

    def open_demo(self) -> bool:
        from kyodo_desktop.models.accounts import DEMO_ADMIN

        path = paths.demo_register_path()
        if path.exists():
            return self._open(path)
        return self._create(path, {"name": "デモ町会", "district": "デモ校下", "default_area_code": "076",  # notr
                                   "admin_name": DEMO_ADMIN[0], "password": DEMO_ADMIN[1]},
                            demo_households=DEMO_HOUSEHOLDS)

    def create_new(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from kyodo_desktop.ui.welcome import NewAssociationDialog

        dialog = NewAssociationDialog(self.window)
        if dialog.exec() != NewAssociationDialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        path = paths.default_register_path(values["name"])
        if path.exists():
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, translate("", "台帳の保存先"), str(path.with_stem(path.stem + "_新")),  # notr
                translate("", "協働デスクの台帳 (*.kyodo)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        return self._create(path, values)

    def open_existing(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(
            self.window, translate("", "台帳を開く"), str(paths.registers_dir()),
            translate("", "協働デスクの台帳 (*.kyodo);;すべてのファイル (*)")
        )
        return bool(chosen) and self._open(Path(chosen))

    def take_out_backup(self) -> bool:
        """「バックアップから台帳を取り出す」: when the register itself is lost (a USB stick gone), one
        of the backups kept on this PC is copied out as a new register and opened."""
        from PySide6.QtWidgets import QDialog, QFileDialog

        from kyodo_desktop.models.register import all_backups, take_out_backup
        from kyodo_desktop.ui import dialogs
        from kyodo_desktop.ui.main_window import BackupChooser

        found = all_backups(paths.data_dir() / "backups")
        if not found:
            dialogs.show_info(self.window, translate("", "バックアップから台帳を取り出す"),
                              translate("", "このパソコンには、台帳のバックアップがありません。"))
            return False
        chooser = BackupChooser([f.info for f in found], self.window, registers=[f.register for f in found],
                                title=translate("", "バックアップから台帳を取り出す"))
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            return False
        chosen = next(f for f in found if f.info is chooser.chosen)
        suggested = paths.registers_dir() / f"{chosen.register}_{chosen.info.taken_at:%Y%m%d}から.kyodo"  # notr
        target, _ = QFileDialog.getSaveFileName(self.window, translate("", "取り出した台帳の保存先"), str(suggested),
                                                translate("", "協働デスクの台帳 (*.kyodo)"))
        if not target:
            return False
        try:
            made = take_out_backup(chosen.info.path, Path(target))
        except RegisterError as exc:
            dialogs.show_error(self.window, translate("", "バックアップから台帳を取り出す"),
                               translate("", "{error}\n何も作っていません。").format(error=exc))
            return False
        dialogs.show_info(self.window, translate("", "バックアップから台帳を取り出す"),
                          translate("", "{name} を作りました（鍵ファイルと2つで1組です）。"
                                                     "バックアップの時点の内容です。それ以後に入力したことは入れ直してください。")
                          .format(name=made.name))
        return self._open(made)

    def switch(self, what: str) -> bool:
        from kyodo_desktop.ui.welcome import DEMO, FROM_BACKUP, NEW, OPEN

        return {NEW: self.create_new, OPEN: self.open_existing, DEMO: self.open_demo,
                FROM_BACKUP: self.take_out_backup, "switch": self.switch_user}[what]()

    def switch_user(self) -> bool:
        """Log in as someone else on the same register (from the menu or the lock screen)."""
        reg = self.worker.register
        if reg is None:
            return False
        path = reg.path
        if self.window is not None and self.window.lock_window is not None:
            self.window.lock_window.hide()  # the login dialog must be reachable
        if self._open(path):
            return True
        if self.worker.register is not None and self.window is not None and self.window.lock_window is not None:
            self.window.lock_window.show()  # cancelled before trying: still locked
            return False
        if self.worker.register is None:  # a failed attempt closed it: start again
            if self.window is not None:
                self.window.close()
            return self.welcome()
        return False

    def welcome(self) -> bool:
        from kyodo_desktop.ui.welcome import WelcomeDialog

        while True:
            dialog = WelcomeDialog()
            if dialog.exec() != WelcomeDialog.DialogCode.Accepted or dialog.choice is None:
                return False
            if self.switch(dialog.choice):
                return True

    def start(self, args: argparse.Namespace) -> bool:
        if args.demo:
            return self.open_demo() or self.welcome()
        if args.register:
            return self._open(Path(args.register), env_credentials()) or self.welcome()
        last = self.settings.get("register/last_path")
        if last and Path(last).exists() and self._open(Path(last)):
            return True
        return self.welcome()

    def _show_window(self) -> None:
        from kyodo_desktop.ui.main_window import MainWindow

        old = self.window
        reg = self.worker.register
        self.window = MainWindow(
            self.worker, switch_register=self.switch,
            remember_font=lambda path: self.settings.set("print/font", path),
            display=(self.settings.get("ui/text_scale"), self.settings.get("ui/theme")),
            change_display=self.change_display,
            language=self.settings.get("ui/language"), change_language=self.change_language,
            show_recovery=lambda code: self._show_recovery_code(code, reg.path, association=reg.path.stem),
        )
        geometry = self.settings.get("ui/geometry")
        if geometry:
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1280, 800)
        self.window.show()
        if old is not None:
            old.close()
            old.deleteLater()

    def change_display(self, scale: int, theme: str) -> None:
        """A new text size or theme: remembered, applied, and the window built again so that every
        page takes it (pages size some of their text from the font when they are built)."""
        from kyodo_desktop.ui.display import apply_display

        self.settings.set("ui/text_scale", int(scale))
        self.settings.set("ui/theme", str(theme))
        apply_display(self.app, scale, theme)
        if self.window is not None and self.worker.register is not None:
            self.save_state()
            self._show_window()
            self.window.show_settings_tab("display")

    def change_language(self, language: str) -> None:
        """Another language: remembered, its translation installed, and the window built again."""
        from kyodo_desktop.ui import dialogs
        from kyodo_desktop.ui.i18n import install_language

        if not install_language(self.app, language):
            dialogs.show_error(self.window, "Kyodo Desktop", translate("", "この言語の訳のファイルが見つかりません。"))
            return
        self.settings.set("ui/language", language)
        if self.window is not None and self.worker.register is not None:
            self.save_state()
            self._show_window()
            self.window.show_settings_tab("display")

    def save_state(self) -> None:
        if self.window is not None:
            self.settings.set("ui/geometry", bytes(self.window.saveGeometry().data()))


def _settle_heap() -> None:
    """Move everything allocated so far (imported modules, the window) out of the cyclic garbage
    collector's view: it lives until exit, and every full collection would otherwise walk it again
    (about 40 ms of start-up). Start-up leaves only a few dozen unreachable objects behind
    (measured: 65), which stay; collecting them first would cost 16 ms."""
    gc.freeze()


def run(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    tmp: tempfile.TemporaryDirectory | None = None
    if args.smoke_test:
        import tempfile

        tmp = tempfile.TemporaryDirectory(prefix="kyodo-smoke-")
        paths.set_base_dir(Path(tmp.name))
    elif args.data_dir:
        paths.set_base_dir(args.data_dir)
    # the one database thread; with the login known, it unlocks and checks the register while Qt loads
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kyodo-db")
    early: EarlyOpening | None = None
    worker: DbWorker | None = None
    try:
        credentials = env_credentials()
        if args.register and not args.demo and credentials is not None:
            early = start_opening(Path(args.register), credentials, pool)

        from PySide6.QtWidgets import QApplication

        from kyodo_desktop.export.pdf import set_user_font
        from kyodo_desktop.ui.settings import Settings
        from kyodo_desktop.ui.worker import DbWorker

        _settle_heap()  # the modules imported so far; once more when the window is up
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("協働デスク")  # notr (the settings file is named by it)
        app.setOrganizationName("KyodoDesktop")
        try:  # portable mode on a stick that cannot be written: say so, rather than use the PC's profile
            paths.check_portable()
        except paths.PortableFolderError as exc:
            from kyodo_desktop.ui import dialogs

            dialogs.show_error(None, translate("", "協働デスク"), str(exc))
            return 1
        settings = Settings(paths.settings_file())
        apply_preferences(app, settings)
        set_user_font(settings.get("print/font") or None)  # (only a path: fonts load when something is printed)
        worker = DbWorker(pool)
        controller = Controller(app, settings, worker, early)
        if args.smoke_test:
            return _smoke_test(app, controller, args, Path(tmp.name) if tmp else None)
        started = controller.start(args)
        _settle_heap()
        if not started:
            return 0
        if not settings.get("ui/welcome_done") and controller.window is not None:
            settings.set("ui/welcome_done", True)  # once per PC: later from ヘルプ → 使い方の案内
            controller.window.show_tour()
        code = app.exec()
        controller.save_state()
        return code
    finally:
        if early is not None and not early.taken:  # start-up failed before the controller took it over
            pool.submit(lambda: early.future.exception() or early.future.result().close()).result()
        if worker is not None:
            worker.shutdown()
        else:
            pool.shutdown(wait=True)
        if tmp is not None:
            tmp.cleanup()


def _smoke_test(app: QApplication, controller: Controller, args: argparse.Namespace, tmp: Path | None) -> int:
    """Open a temporary (or the given) register, show the main window with its ホーム, close
    cleanly (after the opening backup); with ``--visit-pages``, open every page once first."""
    from PySide6.QtCore import QTimer

    from kyodo_desktop.ui import dialogs

    dialogs.noninteractive = True
    if args.register:
        ok = controller._open(Path(args.register), env_credentials())
    else:
        assert tmp is not None
        ok = controller._create(tmp / "smoke.kyodo", {"name": "スモークテスト町会", "default_area_code": "076",  # notr
                                                      "admin_name": "スモーク", "password": "smoke-test-1"},  # notr
                                demo_households=30)
    _settle_heap()
    if not ok or controller.window is None:
        print("smoke test: the register could not be opened", file=sys.stderr)
        return 1
    window = controller.window
    app.processEvents()
    if args.visit_pages:
        for n in range(window.nav.count()):  # every page once (ホーム was shown first)
            window.nav.setCurrentRow(n)
            app.processEvents()
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, app.quit)
    app.exec()
    controller.worker.call(lambda _r: None)  # wait for queued work (the opening backup)
    app.processEvents()
    if controller.background_errors:
        print(f"smoke test: background work failed: {controller.background_errors}", file=sys.stderr)
        return 1
    print("smoke test: ok")
    return 0
