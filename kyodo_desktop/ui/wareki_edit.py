"""和暦 date entry: free text (「S25.3.1」「昭和25年3月1日」「1950/3/1」…) or 元号 + 年/月/日 selectors.

The line edit is the one source of truth: the selectors write into it, and what is typed there
is read with :func:`kyodo_desktop.models.japanese.parse_date` when editing is finished (focus
leaves, or Enter) and fills the selectors. Beside it a label repeats the result in words
(「昭和25年3月1日（1950年）・76歳」) or, in red and with a ⚠, why it is not a date.
Dates that do not exist (昭和65年, 2月30日) are shown as errors, never clamped.
An empty field is the 「不明」 state (an unknown birth date is allowed).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models.japanese import (
    ERAS,
    Era,
    WarekiError,
    age,
    parse_date,
    to_wareki,
)
from kyodo_desktop.ui.i18n import tr

#: Text colour for problems; always paired with a ⚠ and words, never colour alone.
ERROR_COLOR = "#b00020"
UNKNOWN = ""  # the era selector's data for 「不明」
SEIREKI = "西暦"  # notr: the era selector's data (shown as 「西暦」 through tr)
ERA_YEARS = (1, 99)  # wide on purpose: 昭和65年 must be selectable so that it can be refused
SEIREKI_YEARS = (1800, 2200)

_ERA_TOKENS = {t: e for e in ERAS for t in (e.name, e.kanji_short, e.short, e.short.lower())}
_LOOSE_ERA = re.compile(
    "^(" + "|".join(sorted(map(re.escape, _ERA_TOKENS), key=len, reverse=True)) + r")"
    r"(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$"  # notr
)
_LOOSE_SEIREKI = re.compile(r"^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$")  # notr


def _era(name: str) -> Era:
    return next(e for e in ERAS if e.name == name)


def wareki_text(d: date) -> str:
    """「昭和25年3月1日」, or 「1850年1月1日」 before 明治."""
    try:
        return to_wareki(d)
    except WarekiError:
        return f"{d.year}年{d.month}月{d.day}日"  # notr: a date as the models write and read it


def describe_date(d: date, today: date | None, *, show_age: bool) -> str:
    """「昭和25年3月1日（1950年）・76歳」 (the age only when asked and not in the future)."""
    text = tr("{0}（{1}年）").format(wareki_text(d), d.year)
    if show_age and today is not None and d <= today:
        text += tr("・{0}歳").format(age(d, today))
    return text


def _loose_parts(text: str) -> tuple[str, int, int, int] | None:
    """Era (or 西暦) and numbers of something date-shaped that parse_date refused."""
    s = "".join(unicodedata.normalize("NFKC", text).split())
    if m := _LOOSE_ERA.match(s):
        year = 1 if m[2] == "元" else int(m[2])  # notr
        return _ERA_TOKENS[m[1]].name, year, int(m[3]), int(m[4])
    if m := _LOOSE_SEIREKI.match(s):
        return SEIREKI, int(m[1]), int(m[2]), int(m[3])
    return None


class WarekiDateEdit(QWidget):
    """A date typed in any common spelling, or picked with 元号/年/月/日; empty = 「不明」.

    ``value()`` is the ISO date, ``None`` when empty, or the raw text when it is not a date (so
    that the model's validation reports the problem). ``changed`` is emitted when the officer
    changes the value (not by :meth:`setValue`).
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str | None = None,
        today: date | None = None,
        show_age: bool = True,
    ) -> None:
        super().__init__(parent)
        label = self.tr("日付") if label is None else label
        self._label = label
        self._today = today or date.today()
        self._show_age = show_age
        self._error = ""
        self._syncing = False
        self._last_value: str | None = None
        self._mode = UNKNOWN

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("例: S25.3.1（下の欄で選んでも入力できます）"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("%1（文字で入力）").replace("%1", label))
        self.edit.setToolTip(
            self.tr("「S25.3.1」「昭和25年3月1日」「1950/3/1」などの書き方で入力できます。分からなければ空欄のままにしてください。")
        )

        self.era = QComboBox()
        self.era.addItem(self.tr("不明"), UNKNOWN)
        for e in ERAS:
            self.era.addItem(e.name, e.name)
        self.era.addItem(self.tr("西暦"), SEIREKI)
        self.era.setAccessibleName(self.tr("%1の元号").replace("%1", label))

        self.year = QSpinBox()
        self.month = QSpinBox()
        self.day = QSpinBox()
        for spin, suffix, what, lo_hi in (
            (self.year, self.tr("年"), self.tr("年"), ERA_YEARS),
            (self.month, self.tr("月"), self.tr("月"), (1, 12)),
            (self.day, self.tr("日"), self.tr("日"), (1, 31)),
        ):
            spin.setRange(*lo_hi)
            spin.setSuffix(suffix)
            spin.setKeyboardTracking(False)  # valueChanged when the number is finished, not per key
            spin.setAccessibleName(self.tr("%1の%2").replace("%1", label).replace("%2", what))
        self.year.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026" + self.year.suffix()) + 40)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("%1の確認").replace("%1", label))

        # three short rows rather than one long one: the widget fits a form's field column
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.era, self.year, self.month, self.day):
            row.addWidget(w)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self.edit)
        outer.addLayout(row)
        outer.addWidget(self.result)

        self.setAccessibleName(label)
        self.setFocusProxy(self.edit)
        QWidget.setTabOrder(self.edit, self.era)
        QWidget.setTabOrder(self.era, self.year)
        QWidget.setTabOrder(self.year, self.month)
        QWidget.setTabOrder(self.month, self.day)
        for w in (self.edit, self.era, self.year, self.month, self.day):
            w.installEventFilter(self)

        self.edit.editingFinished.connect(self._on_text_finished)
        self.era.currentIndexChanged.connect(self._on_era_changed)
        for spin in (self.year, self.month, self.day):
            spin.valueChanged.connect(self._on_selectors_changed)
        self._set_selectors(None)
        self._refresh()

    # -- public API -------------------------------------------------------------------------

    def value(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(text).isoformat()
        except WarekiError:
            return text

    def setValue(self, iso: str | None) -> None:  # noqa: N802 (Qt naming)
        self._syncing = True
        try:
            text = (iso or "").strip()
            d = self._parse(text)
            if d is not None:
                text = self._canonical(d, seireki=False)
            self.edit.setText(text)
            self._set_selectors(d, text)
        finally:
            self._syncing = False
        self._refresh()
        self._last_value = self.value()

    def error(self) -> str:
        return self._error

    def date(self) -> date | None:
        return self._parse(self.edit.text().strip())

    def setToday(self, today: date) -> None:  # noqa: N802
        self._today = today
        self._refresh()

    # -- internals --------------------------------------------------------------------------

    @staticmethod
    def _parse(text: str) -> date | None:
        return try_parse_date(text)

    @staticmethod
    def _canonical(d: date, *, seireki: bool) -> str:
        return f"{d.year}年{d.month}月{d.day}日" if seireki else wareki_text(d)  # notr: read back by parse_date

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # Enter finishes the date here; it must not press the dialog's default button.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if obj is self.edit:
                self._on_text_finished()
            elif isinstance(obj, QSpinBox):
                obj.interpretText()
            return True
        return super().eventFilter(obj, event)

    def _on_text_finished(self) -> None:
        if self._syncing:
            return
        text = self.edit.text().strip()
        d = self._parse(text)
        self._syncing = True
        try:
            if d is not None:
                self.edit.setText(self._canonical(d, seireki=self._mode == SEIREKI))
            self._set_selectors(d, text)
        finally:
            self._syncing = False
        self._refresh()
        self._emit_if_changed()

    def _set_selectors(self, d: date | None, text: str = "") -> None:
        """Show ``d`` (or what ``text`` looks like) on the selectors, without feedback."""
        widgets = (self.era, self.year, self.month, self.day)
        for w in widgets:
            w.blockSignals(True)
        try:
            if d is not None:
                if self._mode == SEIREKI:
                    self._set_mode(SEIREKI)
                    self.year.setValue(d.year)
                else:
                    era = next((e for e in ERAS if d >= e.start), None)
                    if era is None:
                        self._set_mode(SEIREKI)
                        self.year.setValue(d.year)
                    else:
                        self._set_mode(era.name)
                        self.year.setValue(d.year - era.start.year + 1)
                self.month.setValue(d.month)
                self.day.setValue(d.day)
            elif not text:
                self._set_mode(UNKNOWN)
            elif parts := _loose_parts(text):
                mode, y, m, dd = parts
                self._set_mode(mode)
                self.year.setValue(y)
                self.month.setValue(m)
                self.day.setValue(dd)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        self.era.setCurrentIndex(self.era.findData(mode))
        if mode == SEIREKI:
            self.year.setSpecialValueText("")
            self.year.setRange(*SEIREKI_YEARS)
        else:
            self.year.setRange(*ERA_YEARS)
            self.year.setSpecialValueText(self.tr("元年"))
        for spin in (self.year, self.month, self.day):
            spin.setEnabled(mode != UNKNOWN)

    def _on_era_changed(self, _index: int) -> None:
        if self._syncing:
            return
        mode = self.era.currentData()
        old_mode, old_year = self._mode, self.year.value()
        current = self.date()
        for w in (self.year, self.month, self.day):
            w.blockSignals(True)
        try:
            if mode == SEIREKI:
                if current is not None:
                    greg = current.year
                elif old_mode == UNKNOWN:
                    greg = self._today.year
                elif old_mode == SEIREKI:
                    greg = old_year
                else:
                    greg = _era(old_mode).start.year + old_year - 1
                self._set_mode(SEIREKI)
                self.year.setValue(max(SEIREKI_YEARS[0], min(SEIREKI_YEARS[1], greg)))
            elif mode == UNKNOWN:
                self._set_mode(UNKNOWN)
            else:
                era = _era(mode)
                if old_mode == SEIREKI:
                    year = (current.year if current else old_year) - era.start.year + 1
                else:
                    year = old_year  # 平成25 → 昭和25: the number stays, the era changes
                self._set_mode(mode)
                self.year.setValue(max(ERA_YEARS[0], min(ERA_YEARS[1], year)))
        finally:
            for w in (self.year, self.month, self.day):
                w.blockSignals(False)
        self._on_selectors_changed()

    def _selector_text(self) -> str:
        mode = self.era.currentData()
        if mode == UNKNOWN:
            return ""
        y, m, d = self.year.value(), self.month.value(), self.day.value()
        if mode == SEIREKI:
            return f"{y}年{m}月{d}日"  # notr: read back by parse_date
        return f"{mode}{'元' if y == 1 else y}年{m}月{d}日"  # notr

    def _on_selectors_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.edit.setText(self._selector_text())
        finally:
            self._syncing = False
        self._refresh()
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        value = self.value()
        if value != self._last_value:
            self._last_value = value
            self.changed.emit()

    def _refresh(self) -> None:
        text = self.edit.text().strip()
        self._error = ""
        if not text:
            shown = self.tr("不明（入力されていません）")
        else:
            try:
                d = parse_date(text)
            except WarekiError as exc:
                self._error = str(exc)
                shown = ""
            else:
                shown = describe_date(d, self._today, show_age=self._show_age)
                if self._show_age and d > self._today:
                    self._error = self.tr("未来の日付になっています（%1）").replace("%1", shown)
        if self._error:
            self.result.setText("⚠ " + self._error)
            self.result.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.result.setText(shown)
            self.result.setStyleSheet("")
        self.edit.setAccessibleDescription(self.result.text())


def try_parse_date(text: str | None) -> date | None:
    """The date in ``text``, or ``None`` when it is empty or not a date (for display only)."""
    if not text:
        return None
    try:
        return parse_date(text)
    except WarekiError:
        return None
