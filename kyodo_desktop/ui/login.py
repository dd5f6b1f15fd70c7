"""Login, first-administrator and recovery-code dialogs, and the lock screen. Thin: the checks
themselves are in models/ (register.unlock, crypto)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import crypto
from kyodo_desktop.models.register import Credentials
from kyodo_desktop.ui.i18n import tr

#: attempt(credentials) → None when it worked, else the message to show
Attempt = Callable[[Credentials], "str | None"]


def _big(widget: QWidget, factor: float = 1.6, bold: bool = True) -> QWidget:
    f = widget.font()
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(bold)
    widget.setFont(f)
    return widget


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAccessibleName(tr("エラー"))
    return label


class PasswordField(QWidget):
    """A password box with a 「表示」 check box (easier for older officers to check what they typed)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(name or placeholder or self.tr("パスワード"))
        self.edit.setMaxLength(crypto.MAX_SECRET_CHARS)
        self.show_box = QCheckBox(self.tr("表示"))
        self.show_box.toggled.connect(
            lambda on: self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_box)

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()


class LoginDialog(QDialog):
    """「どなたですか」: pick your name, type your password (or PIN on this PC), or use the recovery code."""

    def __init__(
        self, *, association_file: Path, accounts: list[tuple[str, str]], attempt: Attempt,
        last_user: str = "", demo_accounts: list[tuple[str, str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.attempt = attempt
        self.setWindowTitle(self.tr("協働デスク — ログイン"))
        layout = QVBoxLayout(self)
        layout.addWidget(_big(QLabel(self.tr("どなたですか？"))))
        layout.addWidget(QLabel(self.tr("台帳: {0}").format(association_file.name)))
        form = QFormLayout()
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("名前"))
        for uid, name in accounts:
            self.user.addItem(name, uid)
        pos = self.user.findData(last_user)
        self.user.setCurrentIndex(max(pos, 0))
        self.password = PasswordField(self.tr("パスワード（このパソコンでは暗証番号も可）"))
        self.password.edit.setAccessibleName(self.tr("パスワード"))
        form.addRow(self.tr("名前"), self.user)
        form.addRow(self.tr("パスワード"), self.password)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code.setAccessibleName(self.tr("復旧コード"))
        self.code_label = QLabel(self.tr("復旧コード"))
        form.addRow(self.code_label, self.code)
        self.code.hide()
        self.code_label.hide()
        layout.addLayout(form)
        self.status = _error_label()
        layout.addWidget(self.status)
        if demo_accounts:
            hint = "\n".join(self.tr("・{name}（{role}）: {pw}").format(name=name, role=tr(role), pw=pw)
                             for name, role, pw in demo_accounts)
            demo = QLabel(self.tr("デモ用のアカウントとパスワード:\n") + hint)
            demo.setStyleSheet("background: #fff8e1; padding: 8px;")
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(demo)
        self.recovery_btn = QPushButton(self.tr("パスワードを全員忘れたとき（復旧コードで開く）"))
        self.recovery_btn.setFlat(True)
        self.recovery_btn.clicked.connect(self._recovery_mode)
        layout.addWidget(self.recovery_btn)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("開く"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.password.edit.setFocus()

    def _recovery_mode(self) -> None:
        for w in (self.code, self.code_label):
            w.show()
        self.recovery_btn.hide()
        self.code.setFocus()

    def credentials(self) -> Credentials:
        if self.code.isVisible() and self.code.text().strip():
            return Credentials(recovery_code=self.code.text())
        return Credentials(str(self.user.currentData() or ""), self.password.text())

    def _accept(self) -> None:
        self.status.setText(self.tr("確かめています…"))
        self.setEnabled(False)
        try:
            error = self.attempt(self.credentials())
        finally:
            self.setEnabled(True)
        if error is None:
            self.accept()
            return
        self.status.setText("⚠ " + error)
        self.password.clear()
        self.password.edit.setFocus()


class NewAdminFields(QWidget):
    """管理者の名前 and a password typed twice (used when creating or encrypting a register)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.admin = QLineEdit()
        self.admin.setPlaceholderText(self.tr("例: 会長 山田"))
        self.password = PasswordField(self.tr("{0}文字以上").format(crypto.MIN_PASSWORD_CHARS))
        self.again = PasswordField(self.tr("もう一度"))
        for label, widget in ((self.tr("管理者（あなた）の名前"), self.admin),
                              (self.tr("パスワード"), self.password), (self.tr("パスワード（確認）"), self.again)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)

    def problem(self) -> str | None:
        if not self.admin.text().strip():
            return self.tr("管理者の名前を入力してください。")
        try:
            crypto.check_new_password(self.password.text())
        except crypto.CryptoError as exc:
            return str(exc)
        if self.password.text() != self.again.text():
            return self.tr("確認のパスワードが一致しません。")
        return None

    def values(self) -> tuple[str, str]:
        return self.admin.text().strip(), self.password.text()


class EncryptDialog(QDialog):
    """A register from before encryption: make its first 管理者 and encrypt it."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("台帳の暗号化"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "この台帳（{0}）は暗号化されていません。名簿の個人情報を守るため、開く前に暗号化します。\n"
            "管理者（あなた）の名前とパスワードを決めてください。ほかの役員のアカウントは、開いた後に作れます。"
        ).format(path.name))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.fields = NewAdminFields()
        layout.addWidget(self.fields)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("暗号化して開く"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _accept(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText("⚠ " + problem)
            return
        self.accept()


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once, offers the printable sheet, and asks the officer to confirm
    they have kept it before going on."""

    def __init__(self, code: str, *, association: str, register_file: str,
                 write_sheet: Callable[[Path], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.write_sheet = write_sheet
        self.association = association
        self.setWindowTitle(self.tr("復旧シート"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "役員全員がパスワードを忘れたときは、この「復旧コード」で台帳を開けます。\n"
            "この画面にしか表示されません。復旧シートを印刷して、通帳や印鑑と同じように保管してください。"
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        code_label = QLabel(code)
        code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code_label.setStyleSheet("font-family: monospace; border: 2px solid #333; padding: 12px;")
        code_label.setAccessibleName(self.tr("復旧コード"))
        layout.addWidget(_big(code_label, 1.5))
        self.save_btn = QPushButton(self.tr("復旧シートをPDFで保存して印刷する…"))
        self.save_btn.clicked.connect(self._save)
        layout.addWidget(self.save_btn)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        self.kept = QCheckBox(self.tr("復旧コードを印刷（または書き写）して保管しました"))
        layout.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("次へ"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.kept.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def reject(self) -> None:  # Esc must not skip keeping the code
        if self.kept.isChecked():
            super().reject()

    def _save(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("復旧シートの保存先"), self.tr("{0}_復旧シート.pdf").format(self.association), "PDF (*.pdf)")
        if not chosen:
            return
        out = self.write_sheet(Path(chosen))
        self.saved.setText(self.tr("保存しました: {0}\n印刷したら、このPDFファイルは削除してください。").format(out))
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))


class LockPage(QWidget):
    """What the window shows after the idle time: no data, only a way back in."""

    def __init__(self, unlock: Callable[[str], str | None], switch_user: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlock = unlock
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(_big(QLabel(self.tr("画面をロックしました")), 2.0), alignment=Qt.AlignmentFlag.AlignHCenter)
        self.who = QLabel()
        layout.addWidget(_big(self.who, 1.3, False), alignment=Qt.AlignmentFlag.AlignHCenter)
        self.password = PasswordField(self.tr("パスワード（または暗証番号）"))
        self.password.setMaximumWidth(520)
        self.password.edit.setAccessibleName(self.tr("パスワード"))
        self.password.edit.returnPressed.connect(self._try)
        layout.addWidget(self.password, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.error = _error_label()
        layout.addWidget(self.error, alignment=Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        unlock_btn = QPushButton(self.tr("ロックを解除"))
        unlock_btn.clicked.connect(self._try)
        other = QPushButton(self.tr("別の人でログイン"))
        other.clicked.connect(switch_user)
        row.addStretch(1)
        row.addWidget(unlock_btn)
        row.addWidget(other)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def prepare(self, name: str) -> None:
        self.who.setText(self.tr("{0} さん").format(name))
        self.password.clear()
        self.error.clear()
        self.password.edit.setFocus()

    def _try(self) -> None:
        error = self.unlock(self.password.text())
        self.password.clear()
        if error:
            self.error.setText("⚠ " + error)
