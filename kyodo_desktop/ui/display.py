"""How the program looks: text size (100–200 %), the colour theme (標準 / 高コントラスト), visible
keyboard focus and minimum click targets — applied to the whole application at once, remembered
in the settings, and chosen on the 設定 page's 「表示」 tab.

Many officers are over 65 and share one PC: a size chosen once must apply everywhere, and nothing
may be shown by colour alone (the high-contrast theme keeps every text; it only changes colours).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.ui.i18n import tr

#: the point size at 100 %
BASE_POINT_SIZE = 12
SCALES = (100, 125, 150, 175, 200)
#: stored in the settings as they are (Japanese); only their display is translated
THEMES = (QT_TRANSLATE_NOOP("", "標準"), QT_TRANSLATE_NOOP("", "高コントラスト"))
#: families tried in order: Windows' UI fonts first, then what Linux/macOS have
FAMILIES = ["Yu Gothic UI", "Meiryo UI", "Noto Sans CJK JP", "IPAexGothic"]

# Focus must be seen without colour vision: a thick frame around the focused control (a colour
# change alone would not do), and buttons and fields at least ~32 px high at 100 % (click targets).
_COMMON_CSS = """
QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox, QDateEdit, QAbstractSpinBox {{
    min-height: {target}px;
}}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QAbstractSpinBox:focus,
QCheckBox:focus, QRadioButton:focus, QListView:focus, QTreeView:focus, QTableView:focus,
QTabBar::tab:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 3px solid {focus};
}}
"""
_HIGH_CONTRAST_CSS = """
QWidget {{ background: #000000; color: #ffffff; }}
QPushButton, QToolButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit {{
    border: 2px solid #ffffff; padding: 2px 8px;
}}
QPushButton:disabled, QLabel:disabled, QCheckBox:disabled, QRadioButton:disabled {{ color: #b0b0b0; }}
QPushButton:pressed {{ background: #ffff00; color: #000000; }}
QTableView, QListView, QTreeView {{ gridline-color: #ffffff; alternate-background-color: #1a1a1a; }}
QHeaderView::section {{ background: #000000; color: #ffffff; border: 1px solid #ffffff; padding: 2px; }}
QTabBar::tab {{ border: 2px solid #ffffff; padding: 4px 10px; }}
QTabBar::tab:selected {{ background: #ffff00; color: #000000; }}
QToolTip {{ background: #000000; color: #ffffff; border: 2px solid #ffff00; }}
QRadioButton::indicator, QCheckBox::indicator {{
    width: {box}px; height: {box}px; border: 2px solid #ffffff; background: #000000;
}}
QRadioButton::indicator {{ border-radius: {radius}px; }}
QRadioButton::indicator:checked, QCheckBox::indicator:checked {{ background: #ffff00; border-color: #ffff00; }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: #808080; }}
"""


def clamp_scale(scale: int) -> int:
    return max(SCALES[0], min(SCALES[-1], int(scale)))


def point_size(scale: int) -> float:
    return BASE_POINT_SIZE * clamp_scale(scale) / 100


def _palette(theme: str, base: QPalette) -> QPalette:
    if theme != "高コントラスト":  # notr: a stored theme value
        return base
    p = QPalette(base)
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, colour in ((QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
                         (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
                         (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
                         (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.ToolTipBase, black),
                         (QPalette.ColorRole.ToolTipText, white), (QPalette.ColorRole.Highlight, yellow),
                         (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.Link, QColor("#00ffff")),
                         (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))):
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#b0b0b0"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#b0b0b0"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#b0b0b0"))
    return p


def style_sheet(scale: int, theme: str) -> str:
    target = round(28 * clamp_scale(scale) / 100)
    focus = "#ffff00" if theme == "高コントラスト" else "#1a5fb4"  # notr: a stored theme value
    css = _COMMON_CSS.format(target=target, focus=focus)
    if theme == "高コントラスト":  # notr: a stored theme value
        box = round(14 * clamp_scale(scale) / 100)
        css += _HIGH_CONTRAST_CSS.format(box=box, radius=box // 2 + 1)
    return css


_default_palette: QPalette | None = None


def apply_display(app: QApplication, scale: int, theme: str = "標準") -> None:  # notr: a stored theme value
    """Apply the text size and theme to every window, now and later."""
    global _default_palette
    if _default_palette is None:
        _default_palette = QPalette(app.palette())
    font = QFont(app.font())
    font.setFamilies([*FAMILIES, font.family()])
    font.setPointSizeF(point_size(scale))
    app.setFont(font)
    app.setPalette(_palette(theme if theme in THEMES else THEMES[0], _default_palette))
    app.setStyleSheet(style_sheet(scale, theme))


class DisplayTab(QWidget):
    """「表示」: text size and colours, with a sample that shows the choice before it is applied.
    Applying rebuilds the window (``on_apply``) so that every page takes the new size."""

    def __init__(self, scale: int, theme: str, on_apply: Callable[[int, str], None], *, language: str = "ja",
                 on_language: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.on_apply = on_apply
        self.on_language = on_language or (lambda _language: None)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("文字の大きさと配色を選んで「この表示にする」を押してください。"
                               "このパソコンで次に起動したときも同じ表示になります。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        size_box = QGroupBox(self.tr("文字の大きさ"))
        size_row = QHBoxLayout(size_box)
        self.sizes = QButtonGroup(self)
        for s in SCALES:
            b = QRadioButton(f"{s}%")
            b.setAccessibleName(self.tr("文字の大きさ {0}%").format(s))
            self.sizes.addButton(b, s)
            size_row.addWidget(b)
        size_row.addStretch(1)
        (self.sizes.button(clamp_scale(scale)) or self.sizes.button(100)).setChecked(True)
        layout.addWidget(size_box)

        theme_box = QGroupBox(self.tr("配色"))
        theme_row = QHBoxLayout(theme_box)
        self.themes = QButtonGroup(self)
        for n, t in enumerate(THEMES):
            label = tr(t) if t == THEMES[0] else self.tr("高コントラスト（黒地に白い文字・黄色の選択）")
            b = QRadioButton(label)
            self.themes.addButton(b, n)
            theme_row.addWidget(b)
        theme_row.addStretch(1)
        self.themes.button(THEMES.index(theme) if theme in THEMES else 0).setChecked(True)
        layout.addWidget(theme_box)

        self.sample = QLabel(self.tr("見本: 山田 太郎（ヤマダ タロウ）　令和8年4月1日　会費 6,000円"))
        self.sample.setFrameShape(QFrame.Shape.Box)
        self.sample.setMargin(12)
        self.sample.setAutoFillBackground(True)
        layout.addWidget(self.sample)

        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("この表示にする"))
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # the language: each shown in its own words (someone who cannot read the current one finds theirs)
        from kyodo_desktop.ui.i18n import LANGUAGES

        language_box = QGroupBox(self.tr("言語 / Language"))
        language_row = QHBoxLayout(language_box)
        self.languages = QButtonGroup(self)
        self._language_codes = list(LANGUAGES)
        for n, name in enumerate(LANGUAGES.values()):
            b = QRadioButton(name)
            b.setAccessibleName(name)
            self.languages.addButton(b, n)
            language_row.addWidget(b)
        self.languages.button(self._language_codes.index(language) if language in LANGUAGES else 0).setChecked(True)
        self.language_button = QPushButton(self.tr("この言語にする"))
        self.language_button.clicked.connect(lambda: self.on_language(self.chosen_language()))
        language_row.addStretch(1)
        language_row.addWidget(self.language_button)
        layout.addWidget(language_box)
        note = QLabel(self.tr("ヒント: Tab キーで次の項目へ、Shift+Tab で前へ移れます。いま選ばれている項目は太い枠で"
                              "囲まれます。F1 キーでその画面の説明が出ます。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.sizes.idToggled.connect(lambda _id, on: on and self._update_sample())
        self.themes.idToggled.connect(lambda _id, on: on and self._update_sample())
        self._update_sample()

    def chosen_language(self) -> str:
        return self._language_codes[self.languages.checkedId()]

    def chosen(self) -> tuple[int, str]:
        return self.sizes.checkedId(), THEMES[self.themes.checkedId()]

    def _update_sample(self) -> None:
        scale, theme = self.chosen()
        font = QFont(self.font())
        font.setPointSizeF(point_size(scale))
        self.sample.setFont(font)
        p = _palette(theme, _default_palette or QApplication.instance().palette())
        pal = self.sample.palette()
        pal.setColor(QPalette.ColorRole.Window, p.color(QPalette.ColorRole.Base))
        pal.setColor(QPalette.ColorRole.WindowText, p.color(QPalette.ColorRole.Text))
        self.sample.setPalette(pal)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def apply(self) -> None:
        self.on_apply(*self.chosen())
