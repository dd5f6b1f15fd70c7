"""設定: one's own password and PIN; for 管理者 the accounts, the auto-lock time, the 管理台帳
(audit log viewer) and the retention tool. The rules are in models/; this page only shows what
the logged-in role may use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import audit, privacy
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.login import NewAdminFields, PasswordField, _big
from kyodo_desktop.ui.widgets import refresh_shown
from kyodo_desktop.ui.worker import DbWorker

ROLES = (QT_TRANSLATE_NOOP("", "管理者"), QT_TRANSLATE_NOOP("", "役員"), QT_TRANSLATE_NOOP("", "班長"),
         QT_TRANSLATE_NOOP("", "閲覧"))
ERRORS = (RegisterError, ValidationError)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(text))


def _message(label: QLabel, text: str, error: bool = False) -> None:
    label.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
    label.setText(("⚠ " if error else "") + text)


class OwnAccountTab(QWidget):
    def __init__(self, worker: DbWorker, data_dir: Callable[[], Path]) -> None:
        super().__init__()
        self.worker = worker
        self.data_dir = data_dir
        layout = QVBoxLayout(self)
        self.who = QLabel()
        layout.addWidget(self.who)
        form = QFormLayout()
        self.current = PasswordField(name=self.tr("いまのパスワード"))
        self.new = PasswordField(name=self.tr("新しいパスワード"))
        self.again = PasswordField(name=self.tr("新しいパスワード（確認）"))
        form.addRow(self.tr("いまのパスワード"), self.current)
        form.addRow(self.tr("新しいパスワード"), self.new)
        form.addRow(self.tr("新しいパスワード（確認）"), self.again)
        layout.addLayout(form)
        change = QPushButton(self.tr("パスワードを変える"))
        change.clicked.connect(self.change_password)
        layout.addWidget(change)
        pin_form = QFormLayout()
        self.pin = PasswordField(self.tr("4〜6桁の数字"), name=self.tr("このパソコン用の暗証番号"))
        pin_form.addRow(self.tr("このパソコン用の暗証番号"), self.pin)
        layout.addLayout(pin_form)
        pin_note = QLabel(self.tr("暗証番号は、このパソコンでだけ使えます。USBメモリで持ち出した台帳は、パスワードで開きます。"))
        pin_note.setWordWrap(True)
        layout.addWidget(pin_note)
        set_pin = QPushButton(self.tr("暗証番号を設定する"))
        set_pin.clicked.connect(self.set_pin)
        layout.addWidget(set_pin)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def refresh(self) -> None:
        assert self.worker.register is not None
        s = self.worker.register.session
        self.who.setText(self.tr("ログイン中: {0}（{1}）").format(s.display_name, tr(s.role)))

    def change_password(self) -> None:
        if self.new.text() != self.again.text():
            _message(self.status, self.tr("確認のパスワードが一致しません。"), True)
            return
        try:
            self.worker.call(lambda r: acc.set_password(r, r.session.account_uid, self.new.text(),
                                                        current_password=self.current.text()))
        except ERRORS as exc:
            _message(self.status, str(exc), True)
            return
        for f in (self.current, self.new, self.again):
            f.clear()
        _message(self.status, self.tr("パスワードを変えました。次からは新しいパスワードで開きます。"))

    def set_pin(self) -> None:
        try:
            self.worker.call(lambda r: acc.set_pin(r, self.pin.text(), data_dir=self.data_dir()))
        except ERRORS as exc:
            _message(self.status, str(exc), True)
            return
        self.pin.clear()
        _message(self.status, self.tr("このパソコン用の暗証番号を設定しました。"))


class PersonPicker(QDialog):
    """Type part of a name (or its kana) and pick the person of the register."""

    def __init__(self, find: Callable[[str], list[tuple[int, str, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find = find
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("名簿の人を選ぶ"))
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前かフリガナの一部（例: やまだ）"))
        self.search.setAccessibleName(self.tr("検索"))
        self.search.textChanged.connect(self._fill)
        layout.addWidget(self.search)
        self.list = QTableWidget(0, 2)
        self.list.setHorizontalHeaderLabels([self.tr("名前"), self.tr("班")])
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().setVisible(False)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.found: list[tuple[int, str, str]] = []
        self.resize(480, 420)

    def _fill(self, text: str) -> None:
        self.found = self.find(text)
        _fill(self.list, [[name, block] for _pid, name, block in self.found])
        if self.found:
            self.list.selectRow(0)

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.found):
            self.chosen = self.found[row][0]
            self.accept()


class NewAccountDialog(QDialog):
    def __init__(self, blocks: list[hh.Block], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("アカウントの追加"))
        layout = QVBoxLayout(self)
        self.fields = NewAdminFields()
        self.fields.admin.setPlaceholderText(self.tr("例: 会計 田中"))
        layout.addWidget(self.fields)
        form = QFormLayout()
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(tr(r), r)
        self.role.setCurrentIndex(self.role.findData("役員"))  # notr
        self.block = QComboBox()
        for b in blocks:
            self.block.addItem(b.name, b.id)
        form.addRow(self.tr("役割"), self.role)
        form.addRow(self.tr("班（班長のみ）"), self.block)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText("⚠ " + problem)
            return
        self.accept()


class AccountsTab(QWidget):
    def __init__(self, worker: DbWorker, show_recovery: Callable[[str], None]) -> None:
        super().__init__()
        self.worker = worker
        self.show_recovery = show_recovery
        layout = QVBoxLayout(self)
        self.table = _table([self.tr("名前"), self.tr("役割"), self.tr("班"), self.tr("名簿の人"), self.tr("状態"),
                             self.tr("最終ログイン"), self.tr("暗証番号")])
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot in ((self.tr("追加…"), self.add), (self.tr("無効にする"), self.disable),
                           (self.tr("有効に戻す…"), self.enable), (self.tr("パスワードを再設定…"), self.reset),
                           (self.tr("役割を変える…"), self.change_role),
                           (self.tr("名簿の人と結び付ける…"), self.link_person),
                           (self.tr("復旧シートを作り直す…"), self.new_sheet)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        layout.addLayout(row)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel(self.tr("操作がないとき、画面をロックするまで")))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 120)
        self.lock_minutes.setSuffix(self.tr(" 分"))
        self.lock_minutes.setAccessibleName(self.tr("自動ロックまでの時間"))
        lock_row.addWidget(self.lock_minutes)
        save_lock = QPushButton(self.tr("保存"))
        save_lock.clicked.connect(self.save_lock)
        lock_row.addWidget(save_lock)
        lock_row.addStretch(1)
        layout.addLayout(lock_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.accounts: list[acc.Account] = []

    def refresh(self) -> None:
        self.accounts = self.worker.call(acc.list_accounts)
        _fill(self.table, [[a.display_name, tr(a.role), a.block_name, a.person_name,
                            self.tr("無効") if a.disabled_at else self.tr("有効"),
                            (a.last_login_at or "—")[:16].replace("T", " "), self.tr("あり") if a.has_pin else ""]
                           for a in self.accounts])
        self.lock_minutes.setValue(self.worker.call(lambda r: hh.get_association(r)["auto_lock_minutes"]))

    def _selected(self) -> acc.Account | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.accounts):
            _message(self.status, self.tr("アカウントを選んでください。"), True)
            return None
        return self.accounts[row]

    def _run(self, fn: Callable[..., Any], *args: Any, done: str, **kw: Any) -> bool:
        try:
            self.worker.call(fn, *args, **kw)
        except ERRORS as exc:
            _message(self.status, str(exc), True)
            return False
        _message(self.status, done)
        self.refresh()
        return True

    def add(self) -> None:
        dialog = NewAccountDialog(self.worker.call(hh.list_blocks), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, password = dialog.fields.values()
        role = dialog.role.currentData()
        block = dialog.block.currentData() if role == "班長" else None  # notr
        self._run(acc.add_account, name, role, password, block_id=block, done=self.tr("「{0}」を追加しました。").format(name))

    def disable(self) -> None:
        a = self._selected()
        if a and dialogs.confirm(self, self.tr("アカウント"), self.tr(
                "「{0}」を無効にします。このアカウントのパスワードと暗証番号では、台帳を開けなくなります。").format(a.display_name),
                yes=self.tr("無効にする"), no=self.tr("やめる")):
            self._run(acc.disable_account, a.uid, done=self.tr("無効にしました。"))

    def _ask_password(self, title: str) -> str | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        form = QFormLayout()
        pw, again = PasswordField(name=self.tr("新しいパスワード")), PasswordField(name=self.tr("新しいパスワード（確認）"))
        form.addRow(self.tr("新しいパスワード"), pw)
        form.addRow(self.tr("確認"), again)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if pw.text() != again.text():
            _message(self.status, self.tr("確認のパスワードが一致しません。"), True)
            return None
        return pw.text()

    def enable(self) -> None:
        a = self._selected()
        if a and (pw := self._ask_password(self.tr("有効に戻す"))):
            self._run(acc.enable_account, a.uid, pw, done=self.tr("有効にしました。"))

    def reset(self) -> None:
        a = self._selected()
        if a and (pw := self._ask_password(self.tr("パスワードの再設定"))):
            self._run(acc.set_password, a.uid, pw, done=self.tr("パスワードを再設定しました。本人に伝えてください。"))

    def change_role(self) -> None:
        a = self._selected()
        if a is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("役割を変える"))
        layout = QFormLayout(dialog)
        role = QComboBox()
        for r in ROLES:
            role.addItem(tr(r), r)
        role.setCurrentIndex(max(role.findData(a.role), 0))
        block = QComboBox()
        for b in self.worker.call(hh.list_blocks):
            block.addItem(b.name, b.id)
        layout.addRow(self.tr("役割"), role)
        layout.addRow(self.tr("班（班長のみ）"), block)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(acc.change_role, a.uid, role.currentData(),
                      block_id=block.currentData() if role.currentData() == "班長" else None,  # notr
                      done=self.tr("役割を変えました（次のログインから有効）。"))

    def link_person(self) -> None:
        a = self._selected()
        if a is None:
            return
        picker = PersonPicker(lambda text: self.worker.call(acc.find_persons, text), self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen is not None:
            self._run(acc.link_person, a.uid, picker.chosen, done=self.tr("名簿の人と結びつけました。"))

    def new_sheet(self) -> None:
        if not dialogs.confirm(self, self.tr("復旧シート"), self.tr(
                "新しい復旧シートを作ります。いま保管している復旧シートのコードは使えなくなります。"),
                yes=self.tr("作り直す"), no=self.tr("やめる")):
            return
        try:
            code = self.worker.call(acc.new_recovery_code)
        except ERRORS as exc:
            _message(self.status, str(exc), True)
            return
        self.show_recovery(code)

    def save_lock(self) -> None:
        self._run(acc.set_auto_lock_minutes, self.lock_minutes.value(),
                  done=self.tr("保存しました（次にロックするときから）。"))


class AuditTab(QWidget):
    """管理台帳: filter by who, what and when; export to CSV."""

    KINDS = {
        QT_TRANSLATE_NOOP("", "すべて"): None,
        QT_TRANSLATE_NOOP("", "ログイン"): ("login", "login_failed"),
        QT_TRANSLATE_NOOP("", "出力・印刷"): ("export", "print", "audit_export"),
        QT_TRANSLATE_NOOP("", "要配慮個人情報"): ("view_sensitive", "sensitive_add", "sensitive_delete"),
        QT_TRANSLATE_NOOP("", "変更"): ("insert", "update", "status", "move", "reorder", "consent", "consent_withdraw",
                                      "restore"),
        QT_TRANSLATE_NOOP("", "アカウント"): ("account_add", "account_disable", "account_enable", "password_change",
                                          "pin_set", "role_change", "role_permissions", "recovery_reissue"),
        QT_TRANSLATE_NOOP("", "記録の消去"): ("purge",),
    }

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("操作した人"))
        self.what = QComboBox()
        for k in self.KINDS:
            self.what.addItem(tr(k), k)
        self.what.setAccessibleName(self.tr("操作の種類"))
        self.since = QLineEdit()
        self.since.setPlaceholderText(self.tr("から（例: 令和8年4月1日）"))
        self.since.setAccessibleName(self.tr("いつから"))
        self.until = QLineEdit()
        self.until.setPlaceholderText(self.tr("まで（例: R8.4.30）"))
        self.until.setAccessibleName(self.tr("いつまで"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("内容に含む言葉"))
        self.text.setAccessibleName(self.tr("内容に含む言葉"))
        for w in (self.who, self.what, self.since, self.until, self.text):
            bar.addWidget(w)
        go = QPushButton(self.tr("絞り込む"))
        go.clicked.connect(self.refresh)
        bar.addWidget(go)
        layout.addLayout(bar)
        self.table = _table([self.tr("日時"), self.tr("操作した人"), self.tr("操作"), self.tr("内容"), self.tr("人数")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        for col, chars in ((0, 11), (1, 9), (2, 8), (4, 4)):  # fixed widths: never sized to contents
            self.table.setColumnWidth(col, em * chars)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        export = QPushButton(self.tr("CSVに保存…"))
        export.clicked.connect(self.export)
        row.addWidget(export)
        self.status = QLabel()
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.entries: list[audit.AuditEntry] = []

    def _filters(self) -> dict[str, Any]:
        from kyodo_desktop.models.japanese import parse_date

        out: dict[str, Any] = {"actor": self.who.currentData() or None, "actions": self.KINDS[self.what.currentData()],
                               "text": self.text.text().strip()}
        for key, edit in (("since", self.since), ("until", self.until)):
            text = edit.text().strip()
            out[key] = parse_date(text) if text else None
        return out

    def refresh(self) -> None:
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("すべての人"), "")
        for name in self.worker.call(audit.actors):
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(self.who.findData(current), 0))
        self.who.blockSignals(False)
        try:
            filters = self._filters()
        except ValueError as exc:
            _message(self.status, str(exc), True)
            return
        self.entries = self.worker.call(audit.query, **filters)
        _fill(self.table, [[e.at.replace("T", " ")[:16], e.actor, e.action_label, e.summary,
                            "" if e.person_count is None else str(e.person_count)] for e in self.entries])
        _message(self.status, self.tr("{0}件").format(len(self.entries)))

    def export(self) -> None:
        from kyodo_desktop.export.audit import write_audit_csv

        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("管理台帳の保存先"), self.tr("管理台帳.csv"),
                                                "CSV (*.csv)")
        if not chosen:
            return
        try:
            out = self.worker.call(write_audit_csv, self.entries, Path(chosen))
        except (*ERRORS, OSError) as exc:
            _message(self.status, str(exc), True)
            return
        _message(self.status, self.tr("保存しました: {0}").format(out))


class RetentionTab(QWidget):
    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("転出・退会・死亡から決めた年数がたった人の記録を、まとめて消去できます。"
                               "消去した人の名前は、操作の記録からも消えます（件数と日付だけが残ります）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("離れてから")))
        self.years = QSpinBox()
        self.years.setRange(1, 100)
        self.years.setValue(5)
        self.years.setSuffix(self.tr(" 年より前"))
        self.years.setAccessibleName(self.tr("何年より前に離れた人の記録か"))
        self.years.valueChanged.connect(lambda _v: self.refresh())
        bar.addWidget(self.years)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = _table([self.tr("名前"), self.tr("状態"), self.tr("日付"), self.tr("世帯ごと")])
        layout.addWidget(self.table, 1)
        purge = QPushButton(self.tr("この人たちの記録を消去する…"))
        purge.clicked.connect(self.purge)
        layout.addWidget(purge)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        found = self.worker.call(privacy.leavers, self.years.value())
        _fill(self.table, [[x.name, x.status, x.since, self.tr("はい") if x.whole_household else ""] for x in found])
        _message(self.status, self.tr("{0}人").format(len(found)))

    def purge(self) -> None:
        n = self.table.rowCount()
        if not n:
            return
        if not dialogs.confirm(self, self.tr("記録の消去"), self.tr(
                "{0}人の記録を消去します。消去の前にバックアップを作りますが、台帳からは元に戻せません。"
                "（バックアップは最長12か月で自動的に消えます）").format(n), yes=self.tr("消去する"), no=self.tr("やめる")):
            return
        try:
            result = self.worker.call(privacy.purge_leavers, self.years.value())
        except ERRORS as exc:
            _message(self.status, str(exc), True)
            return
        self.refresh()
        _message(self.status, self.tr("{0}世帯・{1}人の記録を消去しました。").format(result.households, result.persons))


class AdminPage(QWidget):
    def __init__(self, worker: DbWorker, *, data_dir: Callable[[], Path], show_recovery: Callable[[str], None],
                 display: tuple[int, str] = (100, "標準"),  # notr: the theme's key
                 change_display: Callable[[int, str], None] | None = None, language: str = "ja",
                 change_language: Callable[[str], None] | None = None) -> None:
        from kyodo_desktop.ui.display import DisplayTab

        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        layout.addWidget(_big(QLabel(self.tr("設定とアカウント")), 1.4))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        assert worker.register is not None
        session = worker.register.session  # (a plain attribute: no call that would queue behind the prefetches)
        self.own = OwnAccountTab(worker, data_dir)
        self.tabs.addTab(self.own, self.tr("自分のアカウント"))
        # every role, 閲覧 included: the size of the text is not a permission
        self.display = DisplayTab(*display, change_display or (lambda _scale, _theme: None), language=language,
                                  on_language=change_language)
        self.tabs.addTab(self.display, self.tr("表示（文字の大きさ・配色）"))
        self.accounts = self.audit = self.retention = None
        if session.can("accounts.manage"):
            self.accounts = AccountsTab(worker, show_recovery)
            self.tabs.addTab(self.accounts, self.tr("役員アカウント"))
        if session.can("audit.read"):
            self.audit = AuditTab(worker)
            self.tabs.addTab(self.audit, self.tr("操作の記録（管理台帳）"))
        if session.can("retention.purge"):
            self.retention = RetentionTab(worker)
            self.tabs.addTab(self.retention, self.tr("記録の整理"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def show_tab(self, name: str) -> None:
        tab = {"display": self.display, "own": self.own, "accounts": self.accounts, "audit": self.audit,
               "retention": self.retention}.get(name)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def refresh(self) -> None:
        refresh_shown(self.tabs.currentWidget())
