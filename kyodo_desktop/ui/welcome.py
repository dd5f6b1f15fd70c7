"""First start: 「新しい町会を作る」「既存の台帳を開く」「デモを見る」."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NEW, OPEN, DEMO, FROM_BACKUP = "new", "open", "demo", "from-backup"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("協働デスクへようこそ"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("協働デスク"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 2)
        f.setBold(True)
        title.setFont(f)
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "町会・町内会・自治会の名簿と運営のためのプログラムです。\n"
                "インターネットにつながっていなくても使えます。はじめに、どうするか選んでください。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key, text, hint in (
            (NEW, self.tr("新しい町会を作る"), self.tr("空の台帳を作り、班と世帯を入力していきます。")),
            (OPEN, self.tr("既存の台帳を開く"), self.tr("USBメモリなどにある台帳ファイル（.kyodo）を開きます。")),
            (DEMO, self.tr("デモを見る"), self.tr("架空の町会で、どんなことができるか試せます。")),
            (FROM_BACKUP, self.tr("バックアップから台帳を取り出す"),
             self.tr("USBメモリをなくした・台帳ファイルが壊れたときに、このパソコンに残っているバックアップから台帳を作り直します。")),
        ):
            button = QPushButton(text)
            bf = button.font()
            bf.setPointSizeF(bf.pointSizeF() * 1.3)
            button.setFont(bf)
            button.setMinimumHeight(56)
            button.setAccessibleName(text)
            button.setToolTip(hint)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            layout.addWidget(button)
            note = QLabel(hint)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.setMinimumWidth(520)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


class NewAssociationDialog(QDialog):
    """Asks for the association's name (required), its kana, 校下 and 市外局番."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新しい町会を作る"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例: 尾山町会"))
        self.kana = QLineEdit()
        self.kana.setPlaceholderText(self.tr("例: オヤマチョウカイ"))
        self.district = QLineEdit()
        self.district.setPlaceholderText(self.tr("例: 長町校下"))
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("例: 076（市外局番を省いた電話番号に補います）"))
        for label, widget in (
            (self.tr("町会名（必須）"), self.name),
            (self.tr("フリガナ"), self.kana),
            (self.tr("校下・地区"), self.district),
            (self.tr("市外局番"), self.area),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout.addLayout(form)
        from kyodo_desktop.ui.login import NewAdminFields

        note = QLabel(self.tr("台帳は暗号化して保存します。作る人（あなた）が管理者になります。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.admin = NewAdminFields()
        layout.addWidget(self.admin)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("作成する"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("⚠ 町会名を入力してください。"))
            self.name.setFocus()
            return
        problem = self.admin.problem()
        if problem:
            self.error.setText("⚠ " + problem)
            return
        self.accept()

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "kana": self.kana.text().strip(),
            "district": self.district.text().strip(),
            "default_area_code": self.area.text().strip(),
            "admin_name": self.admin.values()[0],
            "password": self.admin.values()[1],
        }
