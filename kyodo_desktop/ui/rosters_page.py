"""当番表: the duty rosters, whose turn it is when, and why someone does not take turns — a
thin layer over :mod:`kyodo_desktop.models.rosters` (DOMAIN.md §3.4).

:class:`RostersPage` lists the rosters (with a banner when the register changed since their
turns were given out, and 「決め直す」), and for the chosen one shows three tabs:

* 当番の予定 — the turns (これから / 今年度 / すべて), 「○月○日まで決める」, swapping two turns,
  recording who stood in, and 済 / 欠 for turns that have begun;
* 回数 — each member's counts from :func:`~kyodo_desktop.models.rosters.fairness`, the spread,
  and the chosen member's history;
* 免除 — who takes turns today and who does not, and why (automatic exemptions marked 自動),
  with the recorded exemptions, 「免除を記録…」 and 「免除を終える…」.

:class:`RosterEditor` makes or changes a roster; from it :class:`StationDialog` adds a
ごみステーション and orders its users, and :class:`LocalDaysDialog` keeps the 地域の休みの日.
All checking is the model's: its messages are shown in the dialog and nothing is saved.
Changing anything needs ``register.write``; without it (閲覧) everything is shown read-only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range, parse_date, search_fold
from kyodo_desktop.models.search import HouseholdIndex
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.household_editor import FieldRow
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit, wareki_text
from kyodo_desktop.ui.widgets import dialog_open, heading, open_dialog, scrolling
from kyodo_desktop.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
WRITE = "register.write"
ERRORS = (RegisterError, ValidationError)
MIN_BUTTON_HEIGHT = 36
OK_COLOR = "#1b5e20"
GREY = QColor("#5f5f5f")  # past turns, ended exemptions: still 6:1 on white
NOW_BACKGROUND = QColor("#dcebff")  # the turn being done now (always with the word 当番中)
WARN_BACKGROUND = QColor("#fff1c2")  # always with ⚠ or words, never colour alone
MAX_FOUND = 40  # households shown for one search
PERIODS = ((QT_TRANSLATE_NOOP("", "これから"), "upcoming"), (QT_TRANSLATE_NOOP("", "今年度"), "year"),
           (QT_TRANSLATE_NOOP("", "すべて"), "all"))
RECENT_DAYS = 7  # 「これから」 starts a week back, so last week's turn can still be marked 済
WEEKDAYS = ro.WEEKDAY_NAMES
NTH_CHOICES = ((QT_TRANSLATE_NOOP("", "第1"), 1), (QT_TRANSLATE_NOOP("", "第2"), 2), (QT_TRANSLATE_NOOP("", "第3"), 3),
               (QT_TRANSLATE_NOOP("", "第4"), 4), (QT_TRANSLATE_NOOP("", "最終"), -1))
HOLIDAY_NOTE = QT_TRANSLATE_NOOP("", "金沢市は祝日もごみを収集します（年末年始を除く）。ごみステーションの当番では、ふつうは印を付けません。"
                                 "防犯パトロールなど、祝日を休む当番で印を付けてください。")


# -- words and dates ------------------------------------------------------------------------------


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def day_text(value: date | str) -> str:
    """「令和8年4月6日（月）」."""
    d = _as_date(value)
    return tr("{date}（{weekday}）").format(date=wareki_text(d), weekday=WEEKDAYS[d.weekday()])


def short_day(value: date | str) -> str:
    """「4月6日（月）」."""
    d = _as_date(value)
    return tr("{month}月{day}日（{weekday}）").format(month=d.month, day=d.day, weekday=WEEKDAYS[d.weekday()])


def span_text(first: str, last: str) -> str:
    """「令和8年4月6日（月）〜10日（金）」, 「令和8年4月27日（月）〜5月1日（金）」, or one day."""
    a, b = _as_date(first), _as_date(last)
    if a == b:
        return day_text(a)
    wa, wb = wareki_text(a), wareki_text(b)
    year_a, year_b = wa[: wa.find("年") + 1], wb[: wb.find("年") + 1]  # notr: reads wareki_text's 年
    if year_a != year_b:
        end = wb
    elif a.month != b.month:
        end = tr("{month}月{day}日").format(month=b.month, day=b.day)
    else:
        end = tr("{day}日").format(day=b.day)
    return tr("{first}〜{last}（{weekday}）").format(first=day_text(a), last=end, weekday=WEEKDAYS[b.weekday()])


_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def readable(text: str) -> str:
    """The model's messages with their dates in 和暦 (「2027-03-31」 → 「令和9年3月31日」)."""

    def wareki(m: re.Match[str]) -> str:
        try:
            return wareki_text(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return _ISO.sub(wareki, text)


def _try_date(text: str) -> date | None:
    try:
        return parse_date(text.strip()) if text.strip() else None
    except ValueError:
        return None


def cadence_text(data: ro.RosterData) -> str:
    """「毎週（月〜金）」「毎週金曜」「毎月第1日曜」「決めた日（3日）」「行事のたび（清掃・美化）」."""
    days = data.weekdays
    if data.cadence in ("weekly", "weekdays"):
        run = len(days) > 2 and days == list(range(days[0], days[-1] + 1))
        names = f"{WEEKDAYS[days[0]]}〜{WEEKDAYS[days[-1]]}" if run else tr("・").join(WEEKDAYS[d] for d in days)
        return (tr("毎週（{days}）") if data.cadence == "weekly" else tr("毎週{days}曜")).format(days=names)
    if data.cadence == "monthly":
        try:
            return ro.monthly_label(data.monthly_rule)
        except ValidationError:
            return tr("毎月")
    if data.cadence == "dates":
        return tr("決めた日（{n}日）").format(n=len(data.dates))
    if data.cadence == "event":
        return tr("行事のたび（{category}）").format(category=data.event_category)
    return ro.CADENCE_LABELS.get(data.cadence, data.cadence)


def _unit_word(unit: str) -> str:
    return tr("世帯") if unit == "household" else tr("人")


def _button(text: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(MIN_BUTTON_HEIGHT)
    b.setAutoDefault(False)
    b.setAccessibleName(text.rstrip("…"))
    if tip:
        b.setToolTip(tip)
    return b


def _message_label(name: str = QT_TRANSLATE_NOOP("", "お知らせ")) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(tr(name))
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _say(label: QLabel, text: str, *, error: bool = False) -> None:
    """A message in words (errors in red with ⚠, never colour alone)."""
    if error and text and not text.startswith("⚠"):
        text = "⚠ " + text
    label.setText(readable(text))
    label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
    label.setVisible(bool(text))


def _big_checks(widget: QWidget) -> str:
    side = max(18, round(widget.fontMetrics().height() * 0.8))
    return (f"QCheckBox, QRadioButton {{ spacing: {side // 2}px; }} "
            f"QCheckBox::indicator, QRadioButton::indicator {{ width: {side}px; height: {side}px; }}")


class _Dialog(QDialog):
    """Enter inside a field never presses a button (officers press Enter after typing);
    on a focused button it still clicks it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def fit(self, width_em: float, height_lines: float) -> None:
        """About ``width_em`` characters by ``height_lines`` lines, never more than the screen."""
        em = self.fontMetrics().horizontalAdvance("あ")  # notr: the width of one full-width character
        w, h = int(em * width_em), int(self.fontMetrics().height() * height_lines)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            w, h = min(w, screen.width() - 40), min(h, screen.height() - 60)
        self.resize(w, h)


def _error_box() -> QLabel:
    """Above a dialog's buttons: why nothing was saved."""
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet(f"QLabel#problem {{ color: {ERROR_COLOR}; font-weight: bold; "
                        f"border: 2px solid {ERROR_COLOR}; padding: 6px; }}")
    label.setAccessibleName(tr("保存できなかった理由"))
    label.setVisible(False)
    return label


def _show_problem(label: QLabel, exc: BaseException | str) -> None:
    text = getattr(exc, "message", None) or str(exc)
    field = getattr(exc, "label", "")
    label.setText(tr("⚠ 保存できませんでした（何も変わっていません）。\n{problem}").format(
        problem=readable(f"{field}: {text}" if field else text)))
    label.setVisible(True)


# -- table models ---------------------------------------------------------------------------------


class PlainModel(QAbstractTableModel):
    """A read-only table over plain rows (already filtered and ordered); subclasses say what
    each cell shows. Resetting is the only change."""

    COLUMNS: tuple[str, ...] = ()
    NUMERIC: tuple[int, ...] = ()
    HEADER_TIPS: dict[int, str] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns: tuple[str, ...] = self.COLUMNS

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_id(self, r: Any) -> Any:
        return getattr(r, "id", None)

    def row_of_id(self, value: Any) -> int:
        return next((n for n, r in enumerate(self.rows) if self.row_id(r) == value), -1)

    def cell_text(self, row: int, col: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: int, col: int) -> str | None:
        text = self.cell_text(row, col)
        return text if len(text) > 10 else None

    def background(self, row: int) -> QColor | None:
        return None

    def foreground(self, row: int) -> QColor | None:
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, col)
        if role == ID_ROLE:
            return self.row_id(self.rows[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(row)
            if colour is None and self.background(row) is not None:
                colour = QColor("#000000")  # black on the pale background, whatever the theme
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.HEADER_TIPS.get(section)
            return tr(tip) if tip else tip
        return None


class RosterListModel(PlainModel):
    """The rosters: what, how often, for whom, the next turn and how far turns are given out."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "名前"), QT_TRANSLATE_NOOP("", "当番の内容"), QT_TRANSLATE_NOOP("", "間隔"),
               QT_TRANSLATE_NOOP("", "対象"), QT_TRANSLATE_NOOP("", "人数"), QT_TRANSLATE_NOOP("", "次の当番（日付・世帯）"),
               QT_TRANSLATE_NOOP("", "どこまで決めたか"))
    NUMERIC = (4,)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units: dict[int, str] = {}
        self.cadences: dict[int, str] = {}
        self.today = ""

    def set_list(self, rows: Sequence[ro.RosterRow], units: dict[int, str], today: str,
                 cadences: dict[int, str] | None = None) -> None:
        self.units, self.today, self.cadences = dict(units), today, dict(cadences or {})
        self.set_rows(rows)

    def cell_text(self, row: int, col: int) -> str:
        r: ro.RosterRow = self.rows[row]
        unit = self.units.get(r.id, "household")
        if col == 0:
            return f"⚠ {r.name}" if r.stale_since else r.name
        if col == 1:
            return r.duty.splitlines()[0] if r.duty else ""
        if col == 2:
            return self.cadences.get(r.id, r.cadence)
        if col == 3:
            return r.pool
        if col == 4:
            return (self.tr("{n}世帯") if unit == "household" else self.tr("{n}人")).format(n=r.members)
        if col == 5:
            if not r.next_turn:
                return "—"
            if r.next_turn <= self.today:
                return self.tr("当番中 {day} {member}").format(day=short_day(r.next_turn), member=r.next_member)
            return f"{short_day(r.next_turn)} {r.next_member}"
        if col == 6:
            return (self.tr("{date}まで").format(date=wareki_text(_as_date(r.generated_until))) if r.generated_until
                    else self.tr("まだ決めていません"))
        return ""

    def tooltip(self, row: int, col: int) -> str | None:
        r: ro.RosterRow = self.rows[row]
        if col == 1 and r.duty:
            return r.duty
        if col == 5 and r.next_turn:
            return self.tr("{day}からの当番: {member}").format(day=day_text(r.next_turn), member=r.next_member)
        if col in (0, 6) and r.stale_since:
            return self.tr("{name}: 名簿が変わったため（転入・転出など）、明日以降の当番を決め直してください").format(name=r.name)
        return super().tooltip(row, col)

    def background(self, row: int) -> QColor | None:
        return WARN_BACKGROUND if self.rows[row].stale_since else None


def turn_state(t: ro.Turn, today: str) -> str:
    """済 / 欠 as recorded; otherwise 予定, 当番中, or 未記録 for a turn that is over. The words
    are compared as they are; they are shown through :func:`tr`."""
    if t.status == "済":  # notr: the stored status
        return QT_TRANSLATE_NOOP("", "✓ 済")
    if t.status == "欠":  # notr: the stored status
        return QT_TRANSLATE_NOOP("", "× 欠")
    if t.starts_on > today:
        return QT_TRANSLATE_NOOP("", "予定")
    if t.ends_on >= today:
        return QT_TRANSLATE_NOOP("", "当番中")
    return QT_TRANSLATE_NOOP("", "未記録")


class TurnsModel(PlainModel):
    """The turns of one roster (one row per household or person of a turn)."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "期間"), QT_TRANSLATE_NOOP("", "日付（曜日）"), QT_TRANSLATE_NOOP("", "担当"),
               QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "交代"), QT_TRANSLATE_NOOP("", "状態"),
               QT_TRANSLATE_NOOP("", "メモ"))
    HEADER_TIPS = {0: QT_TRANSLATE_NOOP("", "この当番表の何回目の当番か"), 4: QT_TRANSLATE_NOOP("", "担当の代わりに当番をする人"),
                   5: QT_TRANSLATE_NOOP("", "済・欠は、当番が始まってから記録できます")}

    def __init__(self, today: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def set_turns(self, turns: Sequence[ro.Turn], today: str) -> None:
        self.today = today
        self.set_rows(turns)

    def cell_text(self, row: int, col: int) -> str:
        t: ro.Turn = self.rows[row]
        return (self.tr("第{n}回").format(n=t.seq), span_text(t.starts_on, t.ends_on), t.member, t.block, t.substitute,
                tr(turn_state(t, self.today)), t.note)[col]

    def tooltip(self, row: int, col: int) -> str | None:
        t: ro.Turn = self.rows[row]
        if col == 1 and len(t.days) > 1:
            return self.tr("当番の日: {days}").format(days=tr("・").join(short_day(d) for d in t.days))
        if col == 5:
            return {"当番中": self.tr("いま当番をしているところです"),  # notr: the key is turn_state()'s word
                    "未記録": self.tr("終わった当番です。済か欠を記録できます")}.get(  # notr: the key is turn_state()'s word
                turn_state(t, self.today))
        return super().tooltip(row, col)

    def background(self, row: int) -> QColor | None:
        return NOW_BACKGROUND if turn_state(self.rows[row], self.today) == "当番中" else None  # notr: compared

    def foreground(self, row: int) -> QColor | None:
        t: ro.Turn = self.rows[row]
        return GREY if t.ends_on < self.today else None


class CountsModel(PlainModel):
    """Each member's turns over the window, from :func:`rosters.fairness`."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "世帯"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "担当回数"),
               QT_TRANSLATE_NOOP("", "した回数"), QT_TRANSLATE_NOOP("", "欠"), QT_TRANSLATE_NOOP("", "代わりにした"),
               QT_TRANSLATE_NOOP("", "返す番"), QT_TRANSLATE_NOOP("", "今"), QT_TRANSLATE_NOOP("", "理由"))
    NUMERIC = (2, 3, 4, 5, 6)
    HEADER_TIPS = {2: QT_TRANSLATE_NOOP("", "この世帯に割り当てた当番の数"),
                   3: QT_TRANSLATE_NOOP("", "本人の番と代わりにした番のうち、欠でないもの（これからの予定も数えます）"),
                   5: QT_TRANSLATE_NOOP("", "ほかの世帯の代わりにした回数"), 6: QT_TRANSLATE_NOOP("", "代わってもらって、まだ返していない回数"),
                   7: QT_TRANSLATE_NOOP("", "今日、当番の対象かどうか")}

    def set_counts(self, counts: Sequence[ro.MemberCount], unit: str) -> None:
        self.beginResetModel()
        first = QT_TRANSLATE_NOOP("", "世帯") if unit == "household" else QT_TRANSLATE_NOOP("", "名前")
        self.columns = (first,) + self.COLUMNS[1:]
        self.rows = list(counts)
        self.endResetModel()

    def row_id(self, r: Any) -> Any:
        return r.member_id

    def cell_text(self, row: int, col: int) -> str:
        m: ro.MemberCount = self.rows[row]
        if col == 0:
            return m.name
        if col == 1:
            return m.block
        if 2 <= col <= 6:
            return self.tr("{n}回").format(n=(m.assigned, m.done, m.missed, m.stood_in, m.owes)[col - 2])
        if col == 7:
            return self.tr("する") if m.eligible else self.tr("しない")
        return _why_text(m.why_not)

    def foreground(self, row: int) -> QColor | None:
        return None if self.rows[row].eligible else GREY


def _why_text(why: str) -> str:
    """「自動免除: 75歳以上のみの世帯」 → 「自動: 75歳以上のみの世帯」; others as the model says."""
    if why.startswith("自動免除: "):  # notr: the model's words
        rest = why.removeprefix("自動免除: ")  # notr: the model's words
        return tr("自動: {why}").format(why=rest)
    return why


@dataclass(frozen=True)
class HistoryRow:
    turn: ro.Turn
    what: str


def history_rows(turns: Sequence[ro.Turn], member_id: int) -> list[HistoryRow]:
    out = []
    for t in turns:
        if t.substitute_id == member_id:
            what = tr("{name}さんの番を代わりに").format(name=t.member)
        elif t.substitute_id is not None:
            what = tr("本人の番（{name}さんがした）").format(name=t.substitute)
        else:
            what = tr("本人の番")
        out.append(HistoryRow(t, what))
    return out


class HistoryModel(PlainModel):
    """One member's turns, newest first."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "日付（曜日）"), QT_TRANSLATE_NOOP("", "内容"), QT_TRANSLATE_NOOP("", "状態"))

    def __init__(self, today: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def row_id(self, r: Any) -> Any:
        return r.turn.id

    def cell_text(self, row: int, col: int) -> str:
        h: HistoryRow = self.rows[row]
        return (day_text(h.turn.starts_on), h.what, tr(turn_state(h.turn, self.today)))[col]

    def tooltip(self, row: int, col: int) -> str | None:
        h: HistoryRow = self.rows[row]
        return span_text(h.turn.starts_on, h.turn.ends_on) if col == 0 else super().tooltip(row, col)


@dataclass(frozen=True)
class EligibleRow:
    member_id: int
    name: str
    block: str
    eligible: bool
    why: str
    automatic: bool


class EligibilityModel(PlainModel):
    """Who takes turns on a day, and why not (exemptions are shown, never silent)."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "世帯"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "当番"),
               QT_TRANSLATE_NOOP("", "理由"))

    def set_members(self, rows: Sequence[EligibleRow], unit: str) -> None:
        self.beginResetModel()
        first = QT_TRANSLATE_NOOP("", "世帯") if unit == "household" else QT_TRANSLATE_NOOP("", "名前")
        self.columns = (first,) + self.COLUMNS[1:]
        self.rows = list(rows)
        self.endResetModel()

    def row_id(self, r: Any) -> Any:
        return r.member_id

    def cell_text(self, row: int, col: int) -> str:
        e: EligibleRow = self.rows[row]
        if col == 2:
            return self.tr("○ する") if e.eligible else (self.tr("× しない（自動）") if e.automatic else self.tr("× しない"))
        return (e.name, e.block, "", e.why)[col]

    def foreground(self, row: int) -> QColor | None:
        return None if self.rows[row].eligible else GREY


class ExemptionsModel(PlainModel):
    """The exemptions recorded for a roster (and for every roster), newest first."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "世帯"), QT_TRANSLATE_NOOP("", "理由"), QT_TRANSLATE_NOOP("", "期間"),
               QT_TRANSLATE_NOOP("", "メモ"))

    def __init__(self, today: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def set_exemptions(self, rows: Sequence[ro.Exemption], today: str) -> None:
        self.today = today
        self.set_rows(rows)

    def cell_text(self, row: int, col: int) -> str:
        e: ro.Exemption = self.rows[row]
        if col == 1:
            return e.reason if e.roster_id is not None else self.tr("{reason}（すべての当番表）").format(reason=e.reason)
        if col == 2:
            end = wareki_text(_as_date(e.ends_on)) if e.ends_on else self.tr("（終わりは決めていない）")
            return f"{wareki_text(_as_date(e.starts_on))}〜{end}"
        return {0: e.name, 3: e.notes}[col]

    def foreground(self, row: int) -> QColor | None:
        e: ro.Exemption = self.rows[row]
        return GREY if e.ends_on is not None and e.ends_on < self.today else None

    def tooltip(self, row: int, col: int) -> str | None:
        e: ro.Exemption = self.rows[row]
        if e.ends_on is not None and e.ends_on < self.today:
            return self.tr("終わった免除です")
        if e.starts_on > self.today:
            return self.tr("これから始まる免除です")
        return super().tooltip(row, col)


@dataclass(frozen=True)
class Pick:
    """A household or person to choose: id, name, 班 and where they live."""

    id: int
    name: str
    block: str
    address: str = ""
    folded: str = ""


class FoundModel(PlainModel):
    COLUMNS = (QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "名前"), QT_TRANSLATE_NOOP("", "住所"))

    def cell_text(self, row: int, col: int) -> str:
        p: Pick = self.rows[row]
        return (p.block, p.name, p.address)[col]


class ChosenModel(PlainModel):
    """The chosen households (or people) in their order."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "順"), QT_TRANSLATE_NOOP("", "名前"), QT_TRANSLATE_NOOP("", "班"))
    NUMERIC = (0,)

    def cell_text(self, row: int, col: int) -> str:
        p: Pick = self.rows[row]
        return (f"{row + 1}", p.name, p.block)[col]


class LocalDaysModel(PlainModel):
    COLUMNS = (QT_TRANSLATE_NOOP("", "日付（曜日）"), QT_TRANSLATE_NOOP("", "名前"))

    def row_id(self, r: Any) -> Any:
        return r[0]

    def cell_text(self, row: int, col: int) -> str:
        day, name = self.rows[row]
        return day_text(day) if col == 0 else name


# -- tables ---------------------------------------------------------------------------------------


class _ColumnFit(QObject):
    """Columns as wide as their usual content (and their header); ``stretch`` takes the rest but
    never less than ``least`` characters. When the table is narrow (large text), the ``squeeze``
    columns give way first, then the ``optional`` ones are hidden (their text is elsewhere too)."""

    def __init__(self, table: QTableView, samples: Sequence[str | None], *, stretch: int, least: float = 8,
                 squeeze: Sequence[int] = (), optional: Sequence[int] = (), hide_first: bool = False) -> None:
        super().__init__(table)
        self.table, self.samples, self.stretch, self.least, self.squeeze = table, samples, stretch, least, squeeze
        self.optional, self.hide_first = optional, hide_first
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.fit)
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        table = self.table
        model = table.model()
        fm, hfm = table.fontMetrics(), table.horizontalHeader().fontMetrics()
        em = fm.horizontalAdvance("あ")  # notr: the width of one full-width character
        least_section = table.horizontalHeader().minimumSectionSize()  # Qt never makes a column narrower
        floor: dict[int, int] = {}
        widths: dict[int, int] = {}
        for col, sample in enumerate(self.samples):
            header = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            floor[col] = max(least_section, hfm.horizontalAdvance(header) + 24)
            if col != self.stretch:
                widths[col] = max(floor[col], fm.horizontalAdvance(sample or "") + 20)
        rest = table.viewport().width() - sum(widths.values())
        goal = int(em * self.least) + 20
        hidden: set[int] = set()

        def squeeze() -> None:
            nonlocal rest
            for col in self.squeeze:
                if rest >= goal:
                    break
                if col in widths:
                    give = max(0, min(widths[col] - max(floor[col], int(em * 3) + 20), goal - rest))
                    widths[col] -= give
                    rest += give

        def hide() -> None:
            nonlocal rest
            for col in self.optional:
                if rest >= goal:
                    break
                hidden.add(col)
                rest += widths.pop(col)

        for step in ((hide, squeeze) if self.hide_first else (squeeze, hide)):
            step()
        for col in range(len(self.samples)):
            table.setColumnHidden(col, col in hidden)
        for col, width in widths.items():
            table.setColumnWidth(col, width)
        table.setColumnWidth(self.stretch, max(goal, rest))


class _Adaptive(QSplitter):
    """Two panes side by side when there is room for ``width_em`` characters, else one above the
    other (large text on a small screen)."""

    def __init__(self, width_em: float) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.width_em = width_em
        self.setChildrenCollapsible(False)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        wide = self.width() >= self.fontMetrics().horizontalAdvance("あ") * self.width_em  # notr: the width of one full-width character
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.orientation():
            self.setOrientation(orientation)
        super().resizeEvent(event)


def _table(model: PlainModel, name: str, *, multi: bool = False) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                       else QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.setTabKeyNavigation(False)  # Tab moves on to the buttons
    vh = t.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never size rows to contents
    vh.setDefaultSectionSize(t.fontMetrics().height() + 12)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    return t


def _selected_rows(table: QTableView) -> list[int]:
    """The chosen rows (``selectedRows()`` misses a row whose hidden columns were not selected)."""
    sm = table.selectionModel()
    return sorted({i.row() for i in sm.selectedIndexes()}) if sm is not None else []


def _select_ids(table: QTableView, model: PlainModel, ids: Sequence[Any]) -> None:
    sm = table.selectionModel()
    first = True
    for value in ids:
        n = model.row_of_id(value)
        if n < 0:
            continue
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if first:
            table.setCurrentIndex(model.index(n, 0))
            sm.select(model.index(n, 0), flags | QItemSelectionModel.SelectionFlag.Clear)
            table.scrollTo(model.index(n, 0))
            first = False
        else:
            sm.select(model.index(n, 0), flags)


def _rows_visible(table: QTableView, rows: int) -> None:
    table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * rows
                           + table.horizontalHeader().sizeHint().height() + 6)


# -- what the page reads --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageData:
    rows: list[ro.RosterRow]
    units: dict[int, str]
    cadences: dict[int, str]
    until: dict[int, str | None]
    can_write: bool
    can_local_days: bool
    today: date
    year_start: date
    year_end: date


def _load_page(reg: Any) -> PageData:
    rows = ro.list_rosters(reg)
    rosters = {r.id: ro.get_roster(reg, r.id) for r in rows}  # RosterRow says neither the unit nor the weekdays
    units = {rid: d.unit for rid, d in rosters.items()}
    cadences = {rid: cadence_text(d) for rid, d in rosters.items()}
    start_month = int(hh.get_association(reg).get("fiscal_year_start_month") or 4)
    today = reg.today()
    first, last = fiscal_year_range(fiscal_year(today, start_month), start_month)
    writable = not getattr(reg, "read_only", False)
    return PageData(rows, units, cadences, {r.id: r.generated_until for r in rows}, reg.session.can(WRITE) and writable,
                    reg.session.can("association.write") and writable, today, first, last)


@dataclass(frozen=True)
class Detail:
    roster: ro.RosterData
    turns: list[ro.Turn]
    fair: ro.Fairness
    eligible: list[EligibleRow]
    exemptions: list[ro.Exemption]


def _eligible_rows(reg: Any, roster_id: int, exemptions: list[ro.Exemption], on: date) -> list[EligibleRow]:
    day = on.isoformat()
    active = {e.member_id: e for e in exemptions if e.starts_on <= day and (e.ends_on is None or e.ends_on >= day)}
    out = []
    for e in ro.eligibility(reg, roster_id, on):
        why = _why_text(e.why_not)
        rec = active.get(e.member_id)
        if rec is not None and e.why_not.startswith("免除"):  # notr: the model's words
            until = tr("{date}まで").format(date=wareki_text(_as_date(rec.ends_on))) if rec.ends_on else tr("終わりは決めていない")
            why += tr("（{until}）").format(until=until) + (f" {rec.notes}" if rec.notes else "")
        out.append(EligibleRow(e.member_id, e.name, e.block, e.eligible, why, e.why_not.startswith("自動")))  # notr: the model's words
    return out


def _load_detail(reg: Any, roster_id: int, period: str, year_start: date, year_end: date) -> Detail:
    data = ro.get_roster(reg, roster_id)
    today = reg.today()
    if period == "upcoming":
        turns = ro.list_turns(reg, roster_id, today - timedelta(days=RECENT_DAYS))
    elif period == "year":
        turns = ro.list_turns(reg, roster_id, year_start, year_end)
    else:
        turns = ro.list_turns(reg, roster_id)
    fair = ro.fairness(reg, roster_id, *((None, None) if period == "all" else (year_start, year_end)))
    pool_ids = {m.member_id for m in ro.eligibility(reg, roster_id, today)} | {c.member_id for c in fair.counts}
    # an exemption for every roster is listed here only for this roster's members
    exemptions = [e for e in ro.list_exemptions(reg, roster_id) if e.roster_id is not None or e.member_id in pool_ids]
    return Detail(data, turns, fair, _eligible_rows(reg, roster_id, exemptions, today), exemptions)


# -- the page -------------------------------------------------------------------------------------


class RostersPage(QWidget):
    """当番表: the rosters, and the chosen one's turns, counts and exemptions."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.data: PageData | None = None
        self.detail: Detail | None = None
        self.can_write = False
        self.dialog: QDialog | None = None  # the dialog opened from this page, while it is open
        self._loading = False

        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("当番表")))
        layout = outer
        self.read_only_note = QLabel(self.tr("閲覧のみ: 当番表を作ったり変えたりする権限がありません（役員・班長・管理者ができます）。"))
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)
        layout.addWidget(self.read_only_note)

        # the register changed since turns were given out
        self.banner = QFrame()
        self.banner.setObjectName("stale")
        self.banner.setStyleSheet("QFrame#stale { background: #fff1c2; border: 2px solid #b26a00; border-radius: 4px; }"
                                  "QFrame#stale QLabel { color: black; }")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("名簿が変わったお知らせ"))
        font = self.banner_text.font()
        font.setBold(True)
        self.banner_text.setFont(font)
        self.regenerate_btn = _button(self.tr("決め直す"), self.tr("名簿の変更（転入・転出など）に合わせて、明日以降の当番を決め直します。"
                                                                   "今日までの当番はそのままです。"))
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.regenerate_btn, 0, Qt.AlignmentFlag.AlignVCenter)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.message = _message_label()
        layout.addWidget(self.message)

        # the rosters
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        self.list_model = RosterListModel(self)
        self.list = _table(self.list_model, self.tr("当番表の一覧"))
        self.list_empty = QLabel()
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.list_empty)
        tl.addWidget(self.list_stack, 1)
        row = QHBoxLayout()
        self.new_btn = _button(self.tr("新しい当番表…"), self.tr("新しい当番表を作ります（Ctrl+N）"))
        self.open_btn = _button(self.tr("開く・変更…"), self.tr("選んだ当番表の決め方を見る・変える（ダブルクリックでも開きます）"))
        self.retire_btn = _button(self.tr("やめる"), self.tr("使わなくなった当番表をやめます。これまでの記録は残ります"))
        self.local_days_btn = _button(self.tr("地域の休みの日…"), self.tr("祭礼など、町内で当番を休む日を登録します"))
        for b in (self.new_btn, self.open_btn, self.retire_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.local_days_btn)
        tl.addLayout(row)

        # the chosen roster
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("当番の予定・回数・免除の切り替え"))
        self.detail_title = heading("", 1.1)
        self.detail_title.setContentsMargins(12, 0, 4, 0)
        self.tabs.setCornerWidget(self.detail_title, Qt.Corner.TopRightCorner)
        self.tabs.addTab(self._turns_tab(), self.tr("当番の予定"))
        self.tabs.addTab(self._counts_tab(), self.tr("世帯ごとの回数"))
        self.tabs.addTab(self._exemptions_tab(), self.tr("免除"))
        self.nothing = QLabel(self.tr("上の一覧で当番表を選ぶと、ここに当番の予定が出ます。"))
        self.nothing.setWordWrap(True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.tabs)
        self.detail_stack.addWidget(self.nothing)
        bl.addWidget(self.detail_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        lines = self.list.verticalHeader().defaultSectionSize()
        _rows_visible(self.list, 2)
        self.splitter.setSizes([lines * 4 + MIN_BUTTON_HEIGHT + 24, 10_000])
        # with large text on a small screen, the tables scroll as a whole rather than being squeezed
        # away (nothing that wraps words is in here: Qt would then size it to its preferred height)
        self.scroll = scrolling(self.splitter)
        layout.addWidget(self.scroll, 1)

        _ColumnFit(self.list, (None, "ネットの出し入れ", "毎週（月〜金）", "泉野町1丁目第1ステ", "120世帯",  # notr: width samples
                               "12月28日（月） 山田　太郎", "令和9年3月31日まで"),  # notr: width samples
                   stretch=0, least=9, squeeze=(3, 1, 2, 6), optional=(1, 6, 2))

        self.regenerate_btn.clicked.connect(self.regenerate_stale)
        self.new_btn.clicked.connect(self.new_roster)
        self.open_btn.clicked.connect(self.open_selected)
        self.retire_btn.clicked.connect(self.retire_selected)
        self.local_days_btn.clicked.connect(self.open_local_days)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._roster_chosen())
        self.list.doubleClicked.connect(lambda _i: self.open_selected())
        self.list.activated.connect(lambda _i: self.open_selected())
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_roster)
        self._update_buttons()

    # -- the tabs --------------------------------------------------------------------------------

    def _turns_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for text, key in PERIODS:
            self.period.addItem(tr(text), key)
        self.period.setAccessibleName(self.tr("表示する当番"))
        self.period.setToolTip(self.tr("これから: 先週の当番から先 / 今年度: 4月から3月まで / すべて: 最初の当番から"))
        caption = QLabel(self.tr("表示:"))
        caption.setBuddy(self.period)
        bar.addWidget(caption)
        bar.addWidget(self.period)
        bar.addStretch(1)
        self.until = QComboBox()
        self.until.setEditable(True)
        self.until.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.until.setAccessibleName(self.tr("いつまでの当番を決めるか"))
        self.until.setToolTip(self.tr("「令和9年3月31日」「R9.3.31」「2027/3/31」などの書き方で入力できます"))
        self.until.setMinimumWidth(self.fontMetrics().horizontalAdvance("令和10年12月31日") + 50)  # notr: width sample
        caption = QLabel(self.tr("いつまで:"))
        caption.setBuddy(self.until)
        self.generate_btn = _button(self.tr("○月○日まで決める"),
                                    self.tr("その日までの当番を、いまの順番の続きから決めます。決めた当番はそのまま残ります"))
        bar.addWidget(caption)
        bar.addWidget(self.until)
        bar.addWidget(self.generate_btn)
        v.addLayout(bar)

        self.turns_model = TurnsModel(parent=self)
        self.turns = _table(self.turns_model, self.tr("当番の予定"), multi=True)
        _ColumnFit(self.turns, ("第100回", "令和8年11月30日（月）〜12月4日（金）", "佐々木　美智子", "10班",  # notr: width samples
                                "佐々木　美智子", "当番中", None), stretch=6, least=3, squeeze=(4, 2), optional=(0, 3),  # notr
                   hide_first=True)
        _rows_visible(self.turns, 4)
        self.turns_empty = QLabel()
        self.turns_empty.setWordWrap(True)
        self.turns_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.turns_empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.turns_stack = QStackedWidget()
        self.turns_stack.addWidget(self.turns)
        self.turns_stack.addWidget(self.turns_empty)
        v.addWidget(self.turns_stack, 1)

        actions = QHBoxLayout()
        self.swap_btn = _button(self.tr("この2つを交代"),
                                self.tr("一覧で当番を2つ選ぶと（Ctrlを押しながらクリック）、2つの担当を入れ替えます"))
        self.substitute_btn = _button(self.tr("代わりの人を記録…"), self.tr("選んだ当番をほかの人が代わりにするときに記録します。"
                                                                          "代わってもらった人は、あとで1回返します"))
        self.done_btn = _button(self.tr("済"), self.tr("選んだ当番を「済」にします（始まった当番だけ）"))
        self.missed_btn = _button(self.tr("欠"), self.tr("選んだ当番を「欠」（しなかった）にします（始まった当番だけ）"))
        self.unmark_btn = _button(self.tr("済・欠を消す"), self.tr("まちがえて付けた済・欠を消します"))
        for b in (self.swap_btn, self.substitute_btn):
            actions.addWidget(b)
        actions.addSpacing(16)
        for b in (self.done_btn, self.missed_btn, self.unmark_btn):
            actions.addWidget(b)
        actions.addStretch(1)
        self.turns_count = QLabel()
        actions.addWidget(self.turns_count)
        v.addLayout(actions)
        self.turns_message = _message_label()
        v.addWidget(self.turns_message)

        self.period.currentIndexChanged.connect(lambda _i: self.load_detail())
        self.until.editTextChanged.connect(lambda _t: self._update_buttons())
        self.generate_btn.clicked.connect(self.generate)
        self.turns.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.swap_btn.clicked.connect(self.swap_selected)
        self.substitute_btn.clicked.connect(self.substitute_selected)
        self.done_btn.clicked.connect(lambda: self.mark_selected("済"))  # notr: the stored status
        self.missed_btn.clicked.connect(lambda: self.mark_selected("欠"))  # notr: the stored status
        self.unmark_btn.clicked.connect(lambda: self.mark_selected("予定"))  # notr: the stored status
        return w

    def _counts_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.spread = QLabel()
        self.spread.setWordWrap(True)
        self.spread.setAccessibleName(self.tr("回数の差"))
        font = self.spread.font()
        font.setBold(True)
        self.spread.setFont(font)
        v.addWidget(self.spread)
        split = _Adaptive(66)
        self.counts_model = CountsModel(self)
        self.counts = _table(self.counts_model, self.tr("世帯ごとの回数"))
        _ColumnFit(self.counts, ("山田　太郎太", "10班", "10回", "10回", "1回", "1回", "1回", "しない", None),  # notr: width samples
                   stretch=8, least=6, squeeze=(0,), optional=(1,), hide_first=True)
        _rows_visible(self.counts, 3)
        split.addWidget(self.counts)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(self.tr("世帯を選ぶと、その世帯の当番の記録が出ます。"))
        self.history_title.setWordWrap(True)
        self.history_title.setMinimumHeight(self.fontMetrics().height() + 4)
        rv.addWidget(self.history_title)
        self.history_model = HistoryModel(parent=self)
        self.history = _table(self.history_model, self.tr("選んだ世帯の当番の記録"))
        _ColumnFit(self.history, ("令和8年12月28日（月）", None, "未記録"), stretch=1, least=9)  # notr: width samples
        _rows_visible(self.history, 2)
        rv.addWidget(self.history, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 3)
        v.addWidget(split, 1)
        self.counts.selectionModel().selectionChanged.connect(lambda *_: self._member_chosen())
        return w

    def _exemptions_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.eligible_title = QLabel()
        self.eligible_title.setWordWrap(True)
        top.addWidget(self.eligible_title, 1)
        self.exempt_btn = _button(self.tr("免除を記録…"), self.tr("当番をしない世帯（人）と、その理由・期間を記録します"))
        self.end_exempt_btn = _button(self.tr("免除を終える…"),
                                      self.tr("右の一覧で選んだ免除を終える日を記録します。次の日から当番に戻ります"))
        top.addWidget(self.exempt_btn)
        top.addWidget(self.end_exempt_btn)
        v.addLayout(top)
        self.exempt_message = _message_label()
        v.addWidget(self.exempt_message)
        split = _Adaptive(64)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.eligible_model = EligibilityModel(self)
        self.eligible = _table(self.eligible_model, self.tr("今日の当番の対象"))
        _ColumnFit(self.eligible, ("山田　太郎太", "10班", "× しない（自動）", None), stretch=3, least=10, squeeze=(0,), optional=(1,), hide_first=True)  # notr: width samples
        _rows_visible(self.eligible, 2)
        lv.addWidget(self.eligible, 1)
        split.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        recorded = QLabel(self.tr("記録した免除（選んで「免除を終える…」）"))
        recorded.setMinimumHeight(self.fontMetrics().height() + 4)
        rv.addWidget(recorded)
        self.exemptions_model = ExemptionsModel(parent=self)
        self.exemptions = _table(self.exemptions_model, self.tr("記録した免除"))
        _ColumnFit(self.exemptions, ("山田　太郎太", "75歳以上のみの世帯", "令和8年12月28日〜令和9年12月31日", None),  # notr: width samples
                   stretch=3, least=4, squeeze=(1, 0))
        _rows_visible(self.exemptions, 2)
        rv.addWidget(self.exemptions, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        self.exempt_btn.clicked.connect(self.add_exemption)
        self.end_exempt_btn.clicked.connect(self.end_exemption)
        self.exemptions.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return w

    # -- reading -------------------------------------------------------------------------------

    def refresh(self, keep_id: int | None = None) -> None:
        """Read the rosters again, keeping the chosen one (or ``keep_id``) and its tab."""
        if keep_id is None:
            keep_id = self.selected_id()
        try:
            data = self.data = self.worker.call(_load_page)
        except ERRORS as exc:
            _say(self.message, str(exc), error=True)
            return
        self.can_write = data.can_write
        self._loading = True
        try:
            self.list_model.set_list(data.rows, data.units, data.today.isoformat(), data.cadences)
            if data.rows:
                self.list_stack.setCurrentWidget(self.list)
                ids = [keep_id] if self.list_model.row_of_id(keep_id) >= 0 else [data.rows[0].id]
                _select_ids(self.list, self.list_model, ids)
            else:
                self.list_stack.setCurrentWidget(self.list_empty)
                self.list_empty.setText(self.tr("当番表はまだありません。\n「新しい当番表…」を押して作ってください。")
                                        if self.can_write else self.tr("当番表はまだありません。"))
        finally:
            self._loading = False
        stale = [r for r in data.rows if r.stale_since]
        self.banner.setVisible(bool(stale))
        if stale:
            names = self.tr("「{name}」").format(name=stale[0].name) + (
                self.tr(" ほか{n}件").format(n=len(stale) - 1) if len(stale) > 1 else "")
            self.banner_text.setToolTip(self.tr("決め直しが必要な当番表: {names}").format(
                names=self.tr("、").join(self.tr("「{name}」").format(name=r.name) for r in stale)))
            self.banner_text.setText(self.tr("名簿が変わりました（転入・転出など）。明日以降の当番を決め直してください。\n"
                                             "対象: {names}").format(names=names)
                                     + ("" if self.can_write else self.tr("（決め直しは役員・班長・管理者ができます）")))
        self.read_only_note.setVisible(not self.can_write)
        self._fill_until()
        self.load_detail()

    def selected_id(self) -> int | None:
        rows = _selected_rows(self.list)
        return self.list_model.rows[rows[0]].id if rows and rows[0] < len(self.list_model.rows) else None

    def select_roster(self, roster_id: int) -> None:
        _select_ids(self.list, self.list_model, [roster_id])

    def _roster_chosen(self) -> None:
        if self._loading:
            return
        for label in (self.turns_message, self.exempt_message):
            _say(label, "")
        self._fill_until()
        self.load_detail()

    def _fill_until(self) -> None:
        """The dates offered for 「○月○日まで決める」: the end of this 年度, or of the first 年度
        not yet given out, and the one after."""
        if self.data is None:
            return
        rid = self.selected_id()
        done = self.data.until.get(rid) if rid is not None else None
        start = self.data.year_start
        ends = [fiscal_year_range(start.year + n, start.month)[1] for n in range(6)]  # the model looks 5 years ahead
        todo = [d for d in ends if done is None or d.isoformat() > done] or ends[-1:]
        self.until.blockSignals(True)
        self.until.clear()
        for d in todo[:2]:
            self.until.addItem(wareki_text(d), d.isoformat())
        self.until.setCurrentIndex(0)
        self.until.blockSignals(False)
        self._update_buttons()

    def until_date(self) -> date | None:
        return _try_date(self.until.currentText())

    def load_detail(self) -> None:
        """The chosen roster's turns, counts and exemptions."""
        rid = self.selected_id()
        if rid is None or self.data is None:
            self.detail = None
            self.detail_title.setText("")
            self.detail_stack.setCurrentWidget(self.nothing)
            self.nothing.setText(self.tr("上の一覧で当番表を選ぶと、ここに当番の予定が出ます。") if self.list_model.rows else "")
            self._update_buttons()
            return
        keep_turns = [self.turns_model.rows[n].id for n in _selected_rows(self.turns)
                      if n < len(self.turns_model.rows)]
        keep_member = self._selected_member()
        try:
            detail = self.detail = self.worker.call(_load_detail, rid, self.period.currentData(), self.data.year_start,
                                                    self.data.year_end)
        except ERRORS as exc:
            _say(self.message, str(exc), error=True)
            return
        today = self.data.today.isoformat()
        data = detail.roster
        word = _unit_word(data.unit)
        self.detail_title.setText(self.tr("「{name}」").format(name=data.name))
        self.detail_title.setToolTip(data.duty or data.name)
        self.detail_stack.setCurrentWidget(self.tabs)
        # turns
        self.turns_model.set_turns(detail.turns, today)
        if detail.turns:
            self.turns_stack.setCurrentWidget(self.turns)
            _select_ids(self.turns, self.turns_model, keep_turns)
        else:
            self.turns_stack.setCurrentWidget(self.turns_empty)
            given = self.data.until.get(rid)
            if given is None:
                self.turns_empty.setText(self.tr("まだ当番を決めていません。\n上の「○月○日まで決める」を押すと、"
                                                 "順番に当番を決めます。") if self.can_write
                                         else self.tr("まだ当番を決めていません。"))
            else:
                self.turns_empty.setText(
                    self.tr("この期間の当番はありません。\n「表示」で「すべて」を選ぶと、これまでの当番も見られます。"))
        seqs = {t.seq for t in detail.turns}
        self.turns_count.setText(self.tr("{n}回分を表示").format(n=len(seqs)) if seqs else "")
        # counts
        self.counts_model.set_counts(detail.fair.counts, data.unit)
        self.tabs.setTabText(1, self.tr("{unit}ごとの回数").format(unit=word))
        people = self.tr("世帯") if data.unit == "household" else self.tr("人")
        window = self.tr("これまでのすべての当番") if self.period.currentData() == "all" else (
            self.tr("今年度（{start}〜{end}）").format(start=wareki_text(self.data.year_start),
                                                  end=wareki_text(self.data.year_end)))
        self.spread.setText(self.tr("いちばん多い{people}と少ない{people}の差: {n}回"
                                    "（{window}、ずっと当番の対象だった{people}の中で）").format(
            people=people, n=detail.fair.spread, window=window))
        self.history_model.today = today
        if keep_member is not None and self.counts_model.row_of_id(keep_member) >= 0:
            _select_ids(self.counts, self.counts_model, [keep_member])
        else:
            self._member_chosen()
        # exemptions
        self.eligible_model.set_members(detail.eligible, data.unit)
        off = sum(1 for e in detail.eligible if not e.eligible)
        self.eligible_title.setText(self.tr("今日（{day}）の当番の対象: {n}{unit}・しない{unit} {off}").format(
            day=day_text(self.data.today), n=len(detail.eligible) - off, unit=word, off=off))
        self.exemptions_model.set_exemptions(detail.exemptions, today)
        self._update_buttons()

    def _selected_member(self) -> int | None:
        rows = _selected_rows(self.counts)
        return self.counts_model.rows[rows[0]].member_id if rows and rows[0] < len(self.counts_model.rows) else None

    def _member_chosen(self) -> None:
        member = self._selected_member()
        rid = self.selected_id()
        if member is None or rid is None:
            self.history_model.set_rows([])
            self.history_title.setText(self.tr("一覧で選ぶと、その当番の記録が出ます。"))
            return
        try:
            turns = self.worker.call(ro.member_history, rid, member)
        except ERRORS as exc:
            self.history_title.setText("⚠ " + str(exc))
            return
        self.history_model.set_rows(history_rows(turns, member))
        m = self.counts_model.rows[self.counts_model.row_of_id(member)]
        self.history_title.setText(self.tr("{name}さんの当番の記録（{n}回、新しい順）").format(name=m.name, n=len(turns)))

    def selected_turns(self) -> list[ro.Turn]:
        return [self.turns_model.rows[n] for n in _selected_rows(self.turns) if n < len(self.turns_model.rows)]

    def selected_exemption(self) -> ro.Exemption | None:
        rows = _selected_rows(self.exemptions)
        return self.exemptions_model.rows[rows[0]] if rows and rows[0] < len(self.exemptions_model.rows) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        can = self.can_write
        today = self.data.today.isoformat() if self.data is not None else ""
        self.new_btn.setEnabled(can)
        self.open_btn.setEnabled(chosen)
        self.open_btn.setText(self.tr("開く・変更…") if can else self.tr("開く…"))
        self.retire_btn.setEnabled(can and chosen)
        self.local_days_btn.setEnabled(self.data is not None)
        self.local_days_btn.setToolTip(self.tr("祭礼など、町内で当番を休む日を登録します")
                                       if self.data is None or self.data.can_local_days
                                       else self.tr("地域の休みの日を見る（登録・取り消しは管理者ができます）"))
        self.regenerate_btn.setVisible(can)
        until = self.until_date()
        self.generate_btn.setText(self.tr("{month}月{day}日まで決める").format(month=until.month, day=until.day) if until
                                  else self.tr("○月○日まで決める"))
        self.generate_btn.setEnabled(can and chosen and until is not None)
        self.until.setEnabled(can and chosen)
        turns = self.selected_turns()
        planned = [t for t in turns if t.status == "予定" and t.substitute_id is None]  # notr: the stored status
        self.swap_btn.setEnabled(can and len(turns) == 2 and len(planned) == 2 and all(t.starts_on > today for t in turns))
        self.substitute_btn.setEnabled(can and len(turns) == 1 and turns[0].substitute_id is None)
        begun = bool(turns) and all(t.starts_on <= today for t in turns)
        self.done_btn.setEnabled(can and begun)
        self.missed_btn.setEnabled(can and begun)
        self.unmark_btn.setEnabled(can and bool(turns) and any(t.status != "予定" for t in turns))  # notr: the stored status
        for b in (self.done_btn, self.missed_btn):
            b.setToolTip(self.tr("まだ始まっていない当番には、済・欠をつけられません") if turns and not begun
                         else self.tr("選んだ当番を「{mark}」にします（始まった当番だけ）").format(mark=b.text()))
        self.exempt_btn.setEnabled(can and chosen)
        self.end_exempt_btn.setEnabled(can and self.selected_exemption() is not None)

    # -- dialogs ---------------------------------------------------------------------------------

    def _open(self, dlg: QDialog, done: Callable[[QDialog, int], None]) -> None:
        """Show ``dlg`` window-modal without waiting; ``done(dlg, result)`` when it closes."""
        if not dialog_open(self):
            open_dialog(self, dlg, lambda result: done(dlg, result))

    def new_roster(self) -> None:
        if not self.can_write:
            return
        self._open_editor(None)

    def open_selected(self) -> None:
        rid = self.selected_id()
        if rid is None:
            _say(self.message, self.tr("一覧から当番表を選んでください。"), error=True)
            return
        self._open_editor(rid)

    def _open_editor(self, roster_id: int | None) -> None:
        try:
            dlg = RosterEditor(self.worker, roster_id, self)
        except ERRORS as exc:
            _say(self.message, str(exc), error=True)
            return
        _say(self.message, "")
        self._open(dlg, self._editor_closed)

    def _editor_closed(self, dlg: QDialog, result: int) -> None:
        assert isinstance(dlg, RosterEditor)
        if result != QDialog.DialogCode.Accepted or dlg.roster_id is None:
            self.list.setFocus()
            return
        self.refresh(keep_id=dlg.roster_id)
        self.select_roster(dlg.roster_id)
        _say(self.message, dlg.saved_message)
        self.list.setFocus()

    def retire_selected(self) -> None:
        rid = self.selected_id()
        if rid is None or not self.can_write:
            return
        name = self.list_model.rows[self.list_model.row_of_id(rid)].name
        if not dialogs.confirm(self, self.tr("当番表をやめる"), self.tr("「{name}」をやめますか？\n今日までの当番の記録は残ります。"
                                                                      "明日からの当番は取り消されます。").format(name=name),
                               yes=self.tr("やめる"), no=self.tr("やめない")):
            return
        try:
            self.worker.call(ro.retire_roster, rid)
        except ERRORS as exc:
            _say(self.message, str(exc), error=True)
            return
        self.refresh()
        _say(self.message, self.tr("✓ 「{name}」をやめました（記録は残っています）。").format(name=name))

    def open_local_days(self) -> None:
        self._open(LocalDaysDialog(self.worker, self), lambda dlg, _r: self._local_days_closed(dlg))

    def _local_days_closed(self, dlg: QDialog) -> None:
        assert isinstance(dlg, LocalDaysDialog)
        if dlg.changed_any:
            self.refresh()
            _say(self.message, self.tr("✓ 地域の休みの日を変えました。「地域の休みの日は休む」当番表は、明日以降の当番を決め直しました。"))

    # -- actions ---------------------------------------------------------------------------------

    def regenerate_stale(self) -> None:
        """「決め直す」: the turns from tomorrow of every roster the register change touched."""
        if self.data is None or not self.can_write:
            return
        said = []
        failed = False
        for r in [r for r in self.data.rows if r.stale_since]:
            try:
                result = self.worker.call(ro.regenerate, r.id)
            except ERRORS as exc:
                said.append(self.tr("「{name}」: ⚠ {problem}").format(name=r.name, problem=exc))
                failed = True
                continue
            text = result.message() if result.added or result.notes or result.withdrawn_swaps else (
                self.tr("明日以降の当番はまだ決めていなかったので、変わりません。"))
            said.append(self.tr("「{name}」: {text}").format(name=r.name, text=text))
        self.refresh()
        _say(self.message, ("" if failed else self.tr("✓ 明日以降の当番を決め直しました。\n")) + "\n".join(said), error=failed)

    def generate(self) -> None:
        rid = self.selected_id()
        until = self.until_date()
        if rid is None or not self.can_write:
            return
        if until is None:
            _say(self.turns_message, self.tr("いつまで: 日付として読めません: 「{text}」").format(text=self.until.currentText()),
                 error=True)
            return
        try:
            result = self.worker.call(ro.generate, rid, until)
        except ERRORS as exc:
            _say(self.turns_message, str(exc), error=True)
            return
        self.refresh()
        text = result.message() if result.added else (
            self.tr("{date}までの当番は、もう決まっています。").format(date=wareki_text(until))
            + ("\n" + "\n".join(result.notes) if result.notes else ""))
        _say(self.turns_message, "✓ " + text)

    def swap_selected(self) -> None:
        turns = self.selected_turns()
        if len(turns) != 2 or not self.can_write:
            _say(self.turns_message, self.tr("交代する当番を2つ選んでください（Ctrlを押しながらクリック）。"), error=True)
            return
        a, b = turns
        try:
            self.worker.call(ro.swap_turns, a.id, b.id)
        except ERRORS as exc:
            _say(self.turns_message, str(exc), error=True)
            return
        self.refresh()
        _select_ids(self.turns, self.turns_model, [a.id, b.id])
        _say(self.turns_message, self.tr("✓ {day_a}の{member_a}さんと、{day_b}の{member_b}さんの"
                                         "当番を交代しました。").format(day_a=short_day(a.starts_on), member_a=a.member,
                                                                  day_b=short_day(b.starts_on), member_b=b.member))

    def substitute_selected(self) -> None:
        turns = self.selected_turns()
        if len(turns) != 1 or self.detail is None or not self.can_write:
            _say(self.turns_message, self.tr("代わりの人を記録する当番を1つ選んでください。"), error=True)
            return
        try:
            dlg = SubstituteDialog(self.worker, self.detail.roster, turns[0], self)
        except ERRORS as exc:
            _say(self.turns_message, str(exc), error=True)
            return
        self._open(dlg, self._substitute_closed)

    def _substitute_closed(self, dlg: QDialog, result: int) -> None:
        assert isinstance(dlg, SubstituteDialog)
        if result == QDialog.DialogCode.Accepted:
            self.refresh()
            _select_ids(self.turns, self.turns_model, [dlg.turn.id])
            _say(self.turns_message, dlg.saved_message)

    def mark_selected(self, status: str) -> None:
        turns = self.selected_turns()
        if not turns or not self.can_write:
            return
        done = 0
        problems = []
        for t in turns:
            try:
                self.worker.call(ro.mark_turn, t.id, status, t.note)
            except ERRORS as exc:
                problems.append(str(exc))
            else:
                done += 1
        self.refresh()
        _select_ids(self.turns, self.turns_model, [t.id for t in turns])
        if problems:
            _say(self.turns_message, "\n".join(problems), error=True)
        else:
            if status == "予定":  # notr: the stored status
                what = self.tr("済・欠を消しました")
            else:
                shown = {"済": self.tr("済"), "欠": self.tr("欠")}.get(status, status)  # notr: keys are stored statuses
                what = self.tr("「{mark}」にしました").format(mark=shown)
            _say(self.turns_message, self.tr("✓ {n}件の当番を{what}。").format(n=done, what=what))

    def add_exemption(self) -> None:
        if self.detail is None or not self.can_write:
            return
        try:
            dlg = ExemptionDialog(self.worker, self.detail.roster, self)
        except ERRORS as exc:
            _say(self.exempt_message, str(exc), error=True)
            return
        self._open(dlg, self._exemption_closed)

    def end_exemption(self) -> None:
        e = self.selected_exemption()
        if e is None or not self.can_write or self.data is None:
            return
        self._open(EndExemptionDialog(self.worker, e, self.data.today, self), self._exemption_closed)

    def _exemption_closed(self, dlg: QDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.refresh()
            self.tabs.setCurrentIndex(2)
            _say(self.exempt_message, getattr(dlg, "saved_message", ""))


# -- choosing households and people ---------------------------------------------------------------


class MemberPicker(QWidget):
    """Find households (or people) in the register — by name or kana, or a whole 班 — and
    keep a chosen list in order (the users of a station, a hand-picked roster, a custom order)."""

    changed = Signal()

    def __init__(self, worker: DbWorker, *, unit: str = "household", read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.unit = unit
        self.read_only = read_only
        self.index: HouseholdIndex | None = None
        self.blocks: list[hh.Block] = []
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        find = QVBoxLayout()
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前かフリガナの一部（例: たなか）"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("名簿から探す"))
        self.block = QComboBox()
        self.block.setAccessibleName(self.tr("班で絞り込み"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.block)
        find.addLayout(bar)
        self.found_model = FoundModel(self)
        self.found = _table(self.found_model, self.tr("名簿で見つかった世帯"), multi=True)
        _ColumnFit(self.found, ("10班", "山田　太郎太", None), stretch=2, least=5)  # notr: width samples
        _rows_visible(self.found, 5)
        find.addWidget(self.found, 1)
        self.add_btn = _button(self.tr("選んだ世帯を加える →"),
                               self.tr("一覧で選んだ世帯を右の順番の最後に加えます（Ctrlやシフトでまとめて選べます）"))
        find.addWidget(self.add_btn)
        outer.addLayout(find, 1)

        chosen = QVBoxLayout()
        self.count = QLabel()
        chosen.addWidget(self.count)
        self.chosen_model = ChosenModel(self)
        self.chosen = _table(self.chosen_model, self.tr("選んだ世帯と順番"))
        _ColumnFit(self.chosen, ("120", None, "10班"), stretch=1, least=5)  # notr: width samples
        _rows_visible(self.chosen, 5)
        chosen.addWidget(self.chosen, 1)
        moves = QHBoxLayout()
        self.up_btn = _button(self.tr("↑ 上へ"))
        self.down_btn = _button(self.tr("↓ 下へ"))
        self.remove_btn = _button(self.tr("外す"))
        for b in (self.up_btn, self.down_btn, self.remove_btn):
            moves.addWidget(b)
        moves.addStretch(1)
        chosen.addLayout(moves)
        outer.addLayout(chosen, 1)

        self.search.textChanged.connect(lambda _t: self.find())
        self.block.currentIndexChanged.connect(lambda _i: self.find())
        self.add_btn.clicked.connect(self.add_found)
        self.found.activated.connect(lambda _i: self.add_found())
        self.up_btn.clicked.connect(lambda: self.move(-1))
        self.down_btn.clicked.connect(lambda: self.move(1))
        self.remove_btn.clicked.connect(self.remove)
        if not read_only:
            self.blocks = worker.call(hh.list_blocks)
            self.block.addItem(self.tr("すべての班"), None)
            for b in self.blocks:
                self.block.addItem(b.name, b.id)
            self.block.setToolTip(self.tr("班を選ぶと、その班の世帯が回覧順に出ます（まとめて選んで加えられます）"))
        self.set_unit(unit)
        self.set_read_only(read_only)

    def _ensure_index(self) -> None:
        if self.index is None:
            self.index = self.worker.call(HouseholdIndex.load)

    def set_unit(self, unit: str) -> None:
        changed = unit != self.unit and bool(self.chosen_model.rows)
        self.unit = unit
        word = _unit_word(unit)
        self.add_btn.setText(self.tr("選んだ{unit}を加える →").format(unit=word))
        self.found.setAccessibleName(self.tr("名簿で見つかった{unit}").format(unit=word))
        self.chosen.setAccessibleName(self.tr("選んだ{unit}と順番").format(unit=word))
        if changed:
            self.set_chosen([])
        self.found_model.set_rows([])
        self._update()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in (self.search, self.block, self.found, self.add_btn):
            w.setVisible(not read_only)
        self._update()

    def set_chosen(self, picks: Sequence[Pick]) -> None:
        self.chosen_model.set_rows(picks)
        self._update()
        self.changed.emit()

    def chosen_ids(self) -> list[int]:
        return [p.id for p in self.chosen_model.rows]

    def find(self) -> None:
        self._ensure_index()
        assert self.index is not None
        text = self.search.text()
        block = self.block.currentData()
        if not text.strip() and block is None:
            self.found_model.set_rows([])
            return
        positions = self.index.search(text, block_id=block, statuses=("加入", "非加入"))[:MAX_FOUND * (5 if block else 1)]  # notr: data
        households = [self.index.rows[i] for i in positions]
        if self.unit == "household":
            rows = [Pick(h.id, h.head_name or self.tr("（世帯主未登録）"), h.block_name, h.address) for h in households]
        else:
            from kyodo_desktop.ui.volunteers_tab import people_of

            tokens = [t for t in (search_fold(w) for w in text.split()) if t]
            found = self.worker.call(people_of, [h.id for h in households])
            rows = [Pick(p.person_id, p.name, h.block_name, h.address) for h in households for p in found.get(h.id, [])
                    if all(t in p.folded for t in tokens)]
        self.found_model.set_rows(rows)
        self._update()

    def add_found(self) -> None:
        if self.read_only:
            return
        have = set(self.chosen_ids())
        new = [self.found_model.rows[n] for n in _selected_rows(self.found) if self.found_model.rows[n].id not in have]
        if new:
            self.set_chosen(self.chosen_model.rows + new)
            _select_ids(self.chosen, self.chosen_model, [new[-1].id])

    def move(self, step: int) -> None:
        rows = _selected_rows(self.chosen)
        if not rows or self.read_only:
            return
        n = rows[0]
        m = n + step
        picks = list(self.chosen_model.rows)
        if not 0 <= m < len(picks):
            return
        picks[n], picks[m] = picks[m], picks[n]
        self.set_chosen(picks)
        _select_ids(self.chosen, self.chosen_model, [picks[m].id])

    def remove(self) -> None:
        rows = _selected_rows(self.chosen)
        if not rows or self.read_only:
            return
        picks = [p for n, p in enumerate(self.chosen_model.rows) if n not in rows]
        self.set_chosen(picks)

    def _update(self) -> None:
        n = len(self.chosen_model.rows)
        self.count.setText(self.tr("選んだ{unit}: {n}（上から順に当番）").format(unit=_unit_word(self.unit), n=n))
        for b in (self.up_btn, self.down_btn, self.remove_btn):
            b.setVisible(not self.read_only)


# -- the roster editor ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _EditorData:
    roster: ro.RosterData | None
    blocks: list[hh.Block]
    stations: list[ro.Station]
    categories: list[str]
    chosen: list[Pick]
    today: date
    can_write: bool
    leader: bool  # a 班長: rosters of their own 班 only


def _picks(reg: Any, data: ro.RosterData) -> list[Pick]:
    """The pool in the roster's order (its chosen list, or its custom order). Uses the model's
    ``_pool``: there is no public way to read the members of a roster that is not yet saved."""
    return [Pick(m.id, m.name, m.block) for m in ro._pool(reg, data)]


def _load_editor(reg: Any, roster_id: int | None) -> _EditorData:
    data = ro.get_roster(reg, roster_id) if roster_id is not None else None
    chosen = _picks(reg, data) if data is not None and (data.pool == "list" or data.ordering == "custom") else []
    writable = reg.session.can(WRITE) and not getattr(reg, "read_only", False)
    return _EditorData(data, hh.list_blocks(reg), ro.list_stations(reg), act.list_categories(reg), chosen, reg.today(),
                       writable, reg.session.block_ids is not None)


def _pool_in_order(reg: Any, data: ro.RosterData) -> list[Pick]:
    """The pool of a roster being edited, in 回覧順 (to start a custom order from)."""
    return _picks(reg, replace(data, id=None, ordering="circulation", member_ids=[]))


class RosterEditor(_Dialog):
    """Make or change one roster. Saving a change gives out the turns from tomorrow again;
    what was given out up to today stays as it was."""

    def __init__(self, worker: DbWorker, roster_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.roster_id = roster_id
        self.saved_message = ""
        self.station_dialog: StationDialog | None = None
        self.local_days_dialog: LocalDaysDialog | None = None
        loaded: _EditorData = worker.call(_load_editor, roster_id)
        self.can_write = loaded.can_write
        self.leader = loaded.leader
        data = loaded.roster or ro.RosterData(name="", start_date=loaded.today.isoformat())
        self.original = data
        self.setWindowTitle(self.tr("当番表 — {name}").format(name=data.name) if data.name else self.tr("当番表の作成"))
        self.setStyleSheet(_big_checks(self))

        self.heading = heading(data.name or self.tr("新しい当番表"), 1.3)
        self.read_only_note = QLabel(self.tr("閲覧のみです（当番表を変える権限がありません）。"))
        self.read_only_note.setVisible(not self.can_write)
        self.summary = _error_box()

        # -- what --
        self.name = QLineEdit(data.name)
        self.name.setPlaceholderText(self.tr("例: 駅前ごみステーション当番"))
        self.duty = QPlainTextEdit(data.duty)
        self.duty.setPlaceholderText(self.tr("例: 月〜金の朝、ネットを出して、収集後に片付け・清掃。分別違反には注意の紙を貼る。"))
        self.duty.setTabChangesFocus(True)
        lines = self.fontMetrics().height()
        self.duty.setFixedHeight(lines * 3 + 14)
        self.unit_household = QRadioButton(self.tr("世帯ごと"))
        self.unit_person = QRadioButton(self.tr("人ごと"))
        self.unit_group = QButtonGroup(self)
        self.unit_group.addButton(self.unit_household)
        self.unit_group.addButton(self.unit_person)
        (self.unit_person if data.unit == "person" else self.unit_household).setChecked(True)
        unit_box = QWidget()
        ub = QHBoxLayout(unit_box)
        ub.setContentsMargins(0, 0, 0, 0)
        ub.addWidget(self.unit_household)
        ub.addWidget(self.unit_person)
        ub.addStretch(1)

        # -- for whom --
        self.pool_buttons: dict[str, QRadioButton] = {}
        pool_box = QWidget()
        pb = QHBoxLayout(pool_box)
        pb.setContentsMargins(0, 0, 0, 0)
        self.pool_group = QButtonGroup(self)
        for key, text in (("blocks", self.tr("班")), ("station", self.tr("ごみステーション")), ("list", self.tr("選んだ世帯"))):
            b = QRadioButton(text)
            self.pool_group.addButton(b)
            self.pool_buttons[key] = b
            pb.addWidget(b)
        pb.addStretch(1)
        self.pool_buttons.get(data.pool, self.pool_buttons["blocks"]).setChecked(True)
        if self.leader:
            for key in ("station", "list"):
                self.pool_buttons[key].setEnabled(False)
                self.pool_buttons[key].setToolTip(self.tr("班長が作れるのは、自分の班の当番表だけです"))

        self.block_boxes: dict[int, QCheckBox] = {}
        self.blocks_widget = QWidget()
        grid = QGridLayout(self.blocks_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, b in enumerate(loaded.blocks):
            box = QCheckBox(b.name)
            box.setChecked(b.id in data.block_ids)
            box.setToolTip(self.tr("{name}（{n}世帯）").format(name=b.name, n=b.households))
            grid.addWidget(box, n // 6, n % 6)
            self.block_boxes[b.id] = box
        grid.setColumnStretch(6, 1)

        self.station = QComboBox()
        self.station.setAccessibleName(self.tr("ごみステーション"))
        self.station.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.station.setMinimumContentsLength(16)  # a long name or place must not widen the dialog
        self.new_station_btn = _button(self.tr("新しいステーション…"), self.tr("ごみステーションと、その利用世帯を登録します"))
        self.station_users_btn = _button(self.tr("利用世帯を変える…"), self.tr("このステーションを使う世帯と、その順番を変えます"))
        self.station_widget = QWidget()
        sl = QVBoxLayout(self.station_widget)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.station)
        station_buttons = QHBoxLayout()
        station_buttons.addWidget(self.new_station_btn)
        station_buttons.addWidget(self.station_users_btn)
        station_buttons.addStretch(1)
        sl.addLayout(station_buttons)
        self._fill_stations(loaded.stations, data.station_id)

        self.pool_note = QLabel()
        self.pool_note.setWordWrap(True)

        # -- order --
        self.ordering = QComboBox()
        for key, text in ro.ORDER_LABELS.items():
            self.ordering.addItem(text, key)
        self.ordering.setCurrentIndex(max(self.ordering.findData(data.ordering), 0))
        self.ordering.setAccessibleName(self.tr("順番"))
        self.order_note = QLabel()
        self.order_note.setWordWrap(True)
        self.picker = MemberPicker(worker, unit=data.unit, read_only=not self.can_write)
        self.picker.set_chosen(loaded.chosen)
        self.load_pool_btn = _button(self.tr("対象の世帯を回覧順に並べる"),
                                     self.tr("いまの対象（班・ステーション）の世帯を、回覧順に並べ直します。"
                                             "そこから上へ・下へで順番を変えてください"))
        self.picker_group = QGroupBox(self.tr("当番の順番"))
        pgl = QVBoxLayout(self.picker_group)
        pgl.addWidget(self.order_note)
        pgl.addWidget(self.load_pool_btn, 0, Qt.AlignmentFlag.AlignLeft)
        pgl.addWidget(self.picker, 1)

        # -- when --
        self.cadence = QComboBox()
        for key, text in ro.CADENCE_LABELS.items():
            self.cadence.addItem(text, key)
        self.cadence.setCurrentIndex(max(self.cadence.findData(data.cadence), 0))
        self.cadence.setAccessibleName(self.tr("間隔"))
        self.cadence_note = QLabel()
        self.cadence_note.setWordWrap(True)
        self.weekday_boxes: list[QCheckBox] = []
        self.weekdays_widget = QWidget()
        wl = QHBoxLayout(self.weekdays_widget)
        wl.setContentsMargins(0, 0, 0, 0)
        for n, name in enumerate(WEEKDAYS):
            box = QCheckBox(name)
            box.setAccessibleName(self.tr("{day}曜日").format(day=name))
            box.setChecked(n in data.weekdays)
            wl.addWidget(box)
            self.weekday_boxes.append(box)
        wl.addStretch(1)

        self.monthly_widget = QWidget()
        ml = QGridLayout(self.monthly_widget)
        ml.setContentsMargins(0, 0, 0, 0)
        self.by_day = QRadioButton(self.tr("日にちで: 毎月"))
        self.by_weekday = QRadioButton(self.tr("曜日で: 毎月"))
        month_group = QButtonGroup(self)
        month_group.addButton(self.by_day)
        month_group.addButton(self.by_weekday)
        self.month_day = QSpinBox()
        self.month_day.setRange(1, 28)
        self.month_day.setSuffix(self.tr(" 日"))
        self.month_day.setAccessibleName(self.tr("毎月の日にち"))
        self.month_day.setToolTip(self.tr("29日〜31日は、ない月があるため選べません"))
        self.month_day.setMaximumWidth(self.fontMetrics().horizontalAdvance("28" + self.month_day.suffix()) + 60)
        self.nth = QComboBox()
        for text, n in NTH_CHOICES:
            self.nth.addItem(tr(text), n)
        self.nth.setAccessibleName(self.tr("第何週"))
        self.nth_weekday = QComboBox()
        for n, name in enumerate(WEEKDAYS):
            self.nth_weekday.addItem(self.tr("{day}曜日").format(day=name), n)
        self.nth_weekday.setAccessibleName(self.tr("曜日"))
        ml.addWidget(self.by_day, 0, 0)
        ml.addWidget(self.month_day, 0, 1)
        ml.addWidget(self.by_weekday, 1, 0)
        nth_row = QHBoxLayout()
        nth_row.addWidget(self.nth)
        nth_row.addWidget(self.nth_weekday)
        nth_row.addStretch(1)
        ml.addLayout(nth_row, 1, 1)
        ml.setColumnStretch(2, 1)
        rule = data.monthly_rule or "day:1"
        parts = rule.split(":")
        if parts[0] == "nth" and len(parts) == 3:
            self.by_weekday.setChecked(True)
            self.nth.setCurrentIndex(max(self.nth.findData(int(parts[1])), 0))
            self.nth_weekday.setCurrentIndex(max(self.nth_weekday.findData(int(parts[2])), 0))
        else:
            self.by_day.setChecked(True)
            self.month_day.setValue(int(parts[1]) if len(parts) == 2 and parts[1].isdigit() else 1)

        self.dates_widget = QWidget()
        dl = QVBoxLayout(self.dates_widget)
        dl.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        self.date_entry = QLineEdit()
        self.date_entry.setPlaceholderText(self.tr("例: R8.6.14、令和8年6月14日"))
        self.date_entry.setAccessibleName(self.tr("当番の日を入力"))
        self.add_date_btn = _button(self.tr("日を加える"))
        self.remove_date_btn = _button(self.tr("選んだ日を外す"))
        add_row.addWidget(self.date_entry, 1)
        add_row.addWidget(self.add_date_btn)
        add_row.addWidget(self.remove_date_btn)
        dl.addLayout(add_row)
        self.date_list = QListWidget()
        self.date_list.setAccessibleName(self.tr("当番の日"))
        self.date_list.setMaximumHeight(lines * 6 + 16)
        dl.addWidget(self.date_list)
        for d in data.dates:
            self._add_date_item(_as_date(d))

        self.event_category = QComboBox()
        self.event_category.setAccessibleName(self.tr("行事の種類"))
        for c in loaded.categories:
            self.event_category.addItem(c, c)
        if data.event_category and self.event_category.findData(data.event_category) < 0:
            self.event_category.addItem(data.event_category, data.event_category)
        self.event_category.setCurrentIndex(max(self.event_category.findData(data.event_category), 0))

        self.per_turn = QSpinBox()
        self.per_turn.setRange(1, 20)
        self.per_turn.setValue(int(data.per_turn))
        self.per_turn.setAccessibleName(self.tr("1回の人数"))
        self.start = WarekiDateEdit(label=self.tr("開始日"), today=loaded.today, show_age=False)
        self.start.edit.setPlaceholderText(self.tr("例: R8.4.1、令和8年4月1日"))
        self.start.setValue(str(data.start_date))

        self.skip_holidays = QCheckBox(self.tr("祝日は休む"))
        self.skip_holidays.setChecked(data.skip_holidays)
        self.holiday_note = QLabel(tr(HOLIDAY_NOTE))
        self.holiday_note.setWordWrap(True)
        self.skip_year_end = QCheckBox(self.tr("年末年始（12月29日〜1月3日）は休む"))
        self.skip_year_end.setChecked(data.skip_year_end)
        self.skip_local = QCheckBox(self.tr("地域の休みの日は休む"))
        self.skip_local.setChecked(data.skip_local_days)
        self.local_days_btn = _button(self.tr("地域の休みの日…"), self.tr("祭礼など、町内で当番を休む日を見る・登録する"))
        local_row = QWidget()
        lr = QHBoxLayout(local_row)
        lr.setContentsMargins(0, 0, 0, 0)
        lr.addWidget(self.skip_local)
        lr.addWidget(self.local_days_btn)
        lr.addStretch(1)
        rest = QWidget()
        rl = QVBoxLayout(rest)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.skip_holidays)
        rl.addWidget(self.holiday_note)
        rl.addWidget(self.skip_year_end)
        rl.addWidget(local_row)

        self.exempt_age = QLineEdit("" if data.exempt_age is None else str(data.exempt_age))
        self.exempt_age.setPlaceholderText(self.tr("例: 75"))
        self.exempt_age.setAccessibleName(self.tr("自動免除の年齢"))
        self.exempt_age.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 6 + 24)
        self.exempt_age_note = QLabel()
        self.exempt_age_note.setWordWrap(True)
        self.min_age = QSpinBox()
        self.min_age.setRange(0, 30)
        self.min_age.setValue(int(data.min_age))
        self.min_age.setSuffix(self.tr(" 歳から"))
        self.min_age.setAccessibleName(self.tr("当番をする年齢"))
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(lines * 2 + 14)
        self.notes.setPlaceholderText(self.tr("例: 当番札とほうきは次の世帯へ回してください。"))

        # -- the form: two columns --
        self.labels = {  # the model's field labels (ValidationError.label) → the field
            "当番表の名前": "name", "当番の内容": "duty", "単位": "unit", "対象": "pool", "対象の班": "blocks",  # notr: keys
            "ごみステーション": "station", "順番": "ordering", "間隔": "cadence", "曜日": "weekdays",  # notr: keys
            "毎月の日": "monthly", "日付": "dates", "行事の種類": "event", "1回の人数": "per_turn", "開始日": "start",  # notr: keys
            "免除の年齢": "exempt_age", "当番をする年齢": "min_age", "備考": "notes",  # notr: keys
        }
        self.rows: dict[str, FieldRow] = {}
        self.captions: dict[str, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        per_turn_extra = QLabel()
        self.per_turn_word = per_turn_extra
        years = QLabel(self.tr("歳以上だけの世帯は、自動で免除"))
        self.exempt_age_words = years

        def add(form: QFormLayout, key: str, caption: str, widget: QWidget, mark: QWidget | None = None,
                extra: list[QWidget] | None = None, *, keep_small: bool = False) -> None:
            row = FieldRow(widget, mark=mark, extra=extra)
            if keep_small:
                inner = row.container.layout().itemAt(0).layout()
                if inner is not None:
                    inner.setStretch(0, 0)
                    inner.addStretch(1)
            self.rows[key] = row
            label = QLabel(caption)
            label.setBuddy(mark or widget)
            self.captions[key] = label
            form.addRow(label, row.container)

        add(left, "name", self.tr("名前"), self.name)
        add(left, "duty", self.tr("当番の内容"), self.duty)
        add(left, "unit", self.tr("単位"), unit_box, mark=self.unit_household)
        add(left, "pool", self.tr("対象"), pool_box, mark=self.pool_buttons["blocks"])
        add(left, "blocks", self.tr("対象の班"), self.blocks_widget)
        add(left, "station", self.tr("ステーション"), self.station_widget, mark=self.station)
        add(left, "ordering", self.tr("順番"), self.ordering, extra=[], keep_small=True)
        add(right, "cadence", self.tr("間隔"), self.cadence, extra=[], keep_small=True)
        add(right, "weekdays", self.tr("曜日"), self.weekdays_widget)
        add(right, "monthly", self.tr("毎月の日"), self.monthly_widget)
        add(right, "dates", self.tr("当番の日"), self.dates_widget, mark=self.date_entry)
        add(right, "event", self.tr("行事の種類"), self.event_category, keep_small=True)
        add(right, "per_turn", self.tr("1回の人数"), self.per_turn, extra=[per_turn_extra], keep_small=True)
        add(right, "start", self.tr("開始日"), self.start, mark=self.start.edit)
        add(right, "skip", self.tr("休み"), rest)
        add(right, "exempt_age", self.tr("自動免除"), self.exempt_age, extra=[years], keep_small=True)
        add(right, "min_age", self.tr("当番をする年齢"), self.min_age, keep_small=True)
        add(right, "notes", self.tr("備考"), self.notes)
        self.rows["cadence"].container.layout().addWidget(self.cadence_note)
        self.rows["ordering"].container.layout().addWidget(self.pool_note)
        self.rows["exempt_age"].container.layout().addWidget(self.exempt_age_note)

        body = QWidget()
        outer = QVBoxLayout(body)
        columns = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        lcol = QVBoxLayout()
        lcol.addLayout(left)
        lcol.addStretch(1)
        columns.addLayout(lcol, 1)
        columns.addSpacing(12)
        rcol = QVBoxLayout()
        rcol.addLayout(right)
        rcol.addStretch(1)
        columns.addLayout(rcol, 1)
        outer.addLayout(columns)
        outer.addWidget(self.picker_group, 1)

        self.save_btn = _button(self.tr("保存して閉じる"), self.tr("当番表を保存します。明日以降の当番は新しい決め方で決め直します"))
        self.close_btn = _button(self.tr("キャンセル") if self.can_write else self.tr("閉じる"))
        bottom = QHBoxLayout()
        self.footer = QLabel(self.tr("変えた決め方は、明日以降の当番に使われます（今日までの当番はそのままです）。")
                             if roster_id is not None and self.can_write else "")
        self.footer.setWordWrap(True)
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.summary)
        layout.addWidget(scrolling(body), 1)
        layout.addLayout(bottom)

        for combo in (self.ordering, self.cadence, self.event_category):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.unit_group.buttonToggled.connect(lambda *_: self._unit_changed())
        self.pool_group.buttonToggled.connect(lambda *_: self._shape())
        self.ordering.currentIndexChanged.connect(lambda _i: self._shape())
        self.cadence.currentIndexChanged.connect(lambda _i: self._shape())
        self.exempt_age.textChanged.connect(lambda _t: self._shape())
        self.add_date_btn.clicked.connect(self.add_date)
        self.remove_date_btn.clicked.connect(self.remove_date)
        self.date_entry.returnPressed.connect(self.add_date)
        self.new_station_btn.clicked.connect(lambda: self.open_station(None))
        self.station_users_btn.clicked.connect(lambda: self.open_station(self.station.currentData()))
        self.station.currentIndexChanged.connect(lambda _i: self._shape())
        self.local_days_btn.clicked.connect(self.open_local_days)
        self.load_pool_btn.clicked.connect(self.load_pool)
        self.save_btn.clicked.connect(self.save)
        self.close_btn.clicked.connect(self.reject)
        self._unit_changed(initial=True)
        self._apply_permissions()
        self.fit(92, 46)
        self.name.setFocus()

    # -- shape ------------------------------------------------------------------------------------

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """Two columns when there is room, one (scrolling) with large text on a small screen."""
        wide = self.width() >= self.fontMetrics().horizontalAdvance("あ") * 64  # notr: the width of one full-width character
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    def pool(self) -> str:
        return next((k for k, b in self.pool_buttons.items() if b.isChecked()), "blocks")

    def unit(self) -> str:
        return "person" if self.unit_person.isChecked() else "household"

    def _unit_changed(self, *, initial: bool = False) -> None:
        unit = self.unit()
        word = _unit_word(unit)
        self.pool_buttons["list"].setText(self.tr("選んだ{unit}").format(unit=word))
        self.per_turn_word.setText(self.tr("{unit}ずつ").format(unit=word))
        self.exempt_age_words.setText(self.tr("歳以上だけの世帯は、自動で免除") if unit == "household"
                                      else self.tr("歳以上の人は、自動で免除"))
        if not initial:
            self.picker.set_unit(unit)
        self._shape()

    def _shape(self) -> None:
        """Show the fields that the chosen pool, order and cadence need."""
        pool, ordering, cadence, unit = self.pool(), self.ordering.currentData(), self.cadence.currentData(), self.unit()
        word = _unit_word(unit)
        self.rows["blocks"].container.setVisible(pool == "blocks")
        self.captions["blocks"].setVisible(pool == "blocks")
        self.rows["station"].container.setVisible(pool == "station")
        self.captions["station"].setVisible(pool == "station")
        self.station_users_btn.setEnabled(self.can_write and self.station.currentData() is not None)
        self.ordering.setEnabled(self.can_write and pool != "list")
        if pool == "list":
            self.pool_note.setText(self.tr("選んだ{unit}を、下の順番どおりに回ります。").format(unit=word))
        elif pool == "station":
            self.pool_note.setText(self.tr("「回覧順」はステーションの利用者の番号順です。") if ordering == "circulation" else "")
        else:
            self.pool_note.setText("")
        self.pool_note.setVisible(bool(self.pool_note.text()))
        show_picker = pool == "list" or ordering == "custom"
        self.picker_group.setVisible(show_picker)
        self.load_pool_btn.setVisible(pool != "list" and self.can_write)
        self.order_note.setText(self.tr("名簿から{unit}を探して加え、上へ・下へで順番を決めます。").format(unit=word)
                                if pool == "list" else
                                self.tr("いまの対象を回覧順に並べてから、上へ・下へで順番を変えてください。"
                                        "ここにない世帯（新しく入った世帯など）は、最後に回ります。"))
        for key, on in (("weekdays", cadence in ("weekly", "weekdays")), ("monthly", cadence == "monthly"),
                        ("dates", cadence == "dates"), ("event", cadence == "event"), ("min_age", unit == "person")):
            self.rows[key].container.setVisible(on)
            self.captions[key].setVisible(on)
        self.cadence_note.setText({
            "daily": self.tr("毎日、1{unit}ずつ交代します。").format(unit=word),
            "weekly": self.tr("選んだ曜日の1週間を、1{unit}が受け持ちます（例: 月〜金）。").format(unit=word),
            "weekdays": self.tr("選んだ曜日ごとに、1{unit}ずつ交代します。").format(unit=word),
            "monthly": self.tr("毎月決まった日に交代します。休みの日に当たると、その月の次の日になります。"),
            "dates": self.tr("下に入れた日だけ当番があります。"),
            "event": self.tr("選んだ種類の行事がある日に当番があります（中止の行事は除く）。"),
        }.get(cadence, ""))
        age = self.exempt_age.text().strip()
        self.exempt_age_note.setText(
            self.tr("空欄なら、年齢による自動の免除はありません。") if not age else
            self.tr("{age}歳以上の人だけの世帯は、当番を自動で免除します（当番の予定と「免除」に理由が出ます）。").format(age=age)
            if unit == "household" else self.tr("{age}歳になった人は、当番を自動で免除します。").format(age=age))

    def _fill_stations(self, stations: Sequence[ro.Station], keep: int | None) -> None:
        self.station.blockSignals(True)
        self.station.clear()
        if not stations:
            self.station.addItem(self.tr("（まだありません。「新しいステーション…」で登録してください）"), None)
        for s in stations:
            self.station.addItem(self.tr("{name}（{n}世帯）").format(name=s.name, n=s.households)
                                 + (f" {s.place}" if s.place else ""), s.id)
        self.station.setCurrentIndex(max(self.station.findData(keep), 0))
        self.station.blockSignals(False)

    def _apply_permissions(self) -> None:
        ro_ = not self.can_write
        for le in (self.name, self.exempt_age, self.date_entry):
            le.setReadOnly(ro_)
        for te in (self.duty, self.notes):
            te.setReadOnly(ro_)
        widgets: list[QWidget] = [self.unit_household, self.unit_person, *self.pool_buttons.values(),
                                  *self.block_boxes.values(), self.station, self.new_station_btn, self.station_users_btn,
                                  self.ordering, self.cadence, *self.weekday_boxes, self.by_day, self.by_weekday,
                                  self.month_day, self.nth, self.nth_weekday, self.add_date_btn, self.remove_date_btn,
                                  self.event_category, self.per_turn, self.start, self.skip_holidays, self.skip_year_end,
                                  self.skip_local, self.min_age, self.load_pool_btn]
        if ro_:
            for w in widgets:
                w.setEnabled(False)
        if self.original.id is not None:
            self.unit_household.setEnabled(False)  # the turns already given are of households (or people)
            self.unit_person.setEnabled(False)
            self.unit_household.setToolTip(self.tr("作った後は、世帯ごと・人ごとは変えられません"))
        self.save_btn.setVisible(self.can_write)
        self._shape()

    # -- dates ------------------------------------------------------------------------------------

    def _add_date_item(self, d: date) -> None:
        iso = d.isoformat()
        for i in range(self.date_list.count()):
            if self.date_list.item(i).data(ID_ROLE) == iso:
                return
        days = sorted([*self.dates(), iso])  # in date order (和暦 text would sort wrongly across eras)
        self.date_list.clear()
        for day in days:
            item = QListWidgetItem(day_text(day))
            item.setData(ID_ROLE, day)
            self.date_list.addItem(item)

    def add_date(self) -> None:
        text = self.date_entry.text().strip()
        if not text:
            return
        d = _try_date(text)
        if d is None:
            self.rows["dates"].set_error(self.tr("日付として読めません: 「{text}」（例: 令和8年6月14日、R8.6.14）").format(text=text))
            return
        self.rows["dates"].clear()
        self._add_date_item(d)
        self.date_entry.clear()

    def remove_date(self) -> None:
        for item in self.date_list.selectedItems():
            self.date_list.takeItem(self.date_list.row(item))

    def dates(self) -> list[str]:
        return [self.date_list.item(i).data(ID_ROLE) for i in range(self.date_list.count())]

    # -- stations, local days, the pool -------------------------------------------------------------

    def open_station(self, station_id: int | None) -> None:
        if self.station_dialog is not None:
            self.station_dialog.raise_()
            return
        dlg = StationDialog(self.worker, station_id, self)
        self.station_dialog = dlg
        dlg.setWindowModality(Qt.WindowModality.WindowModal)

        def closed(result: int) -> None:
            self.station_dialog = None
            if result == QDialog.DialogCode.Accepted and dlg.station_id is not None:
                self._fill_stations(self.worker.call(ro.list_stations), dlg.station_id)
                self._shape()
            dlg.deleteLater()

        dlg.finished.connect(closed)
        dlg.open()

    def open_local_days(self) -> None:
        if self.local_days_dialog is not None:
            return
        dlg = LocalDaysDialog(self.worker, self)
        self.local_days_dialog = dlg
        dlg.setWindowModality(Qt.WindowModality.WindowModal)

        def closed(_result: int) -> None:
            self.local_days_dialog = None
            dlg.deleteLater()

        dlg.finished.connect(closed)
        dlg.open()

    def load_pool(self) -> None:
        try:
            data = self.roster_data()
            picks = self.worker.call(_pool_in_order, data)
        except ERRORS as exc:
            self.show_error(exc)
            return
        self.picker.set_chosen(picks)
        if not picks:
            self.rows["ordering"].set_error(
                self.tr("対象の{unit}がいません。先に対象の班やステーションを選んでください。").format(unit=_unit_word(self.unit())))
        else:
            self.rows["ordering"].clear()

    # -- saving -----------------------------------------------------------------------------------

    def roster_data(self) -> ro.RosterData:
        """The form as the model's dataclass; raises :class:`ValidationError` for what only the
        form can tell (an age that is not a number, an empty start date)."""
        age_text = self.exempt_age.text().strip()
        exempt_age = None
        if age_text:
            try:
                exempt_age = int(age_text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))  # notr: digits
            except ValueError:
                raise ValidationError("免除の年齢",  # notr: the key of self.labels
                                      self.tr("数字で入力してください（例: 75）。免除しないなら空欄にします。「{text}」").format(
                                          text=age_text)) from None
        start = self.start.value()
        if not start:
            raise ValidationError("開始日", self.tr("当番を始める日を入力してください。"))  # notr: the label is a key of self.labels
        if self.by_weekday.isChecked():
            monthly = f"nth:{self.nth.currentData()}:{self.nth_weekday.currentData()}"
        else:
            monthly = f"day:{self.month_day.value()}"
        pool, cadence = self.pool(), self.cadence.currentData()
        ordering = self.ordering.currentData()
        members = self.picker.chosen_ids() if pool == "list" or ordering == "custom" else []
        return replace(
            self.original,
            name=self.name.text(), duty=self.duty.toPlainText(), unit=self.unit(), pool=pool,
            block_ids=[bid for bid, box in self.block_boxes.items() if box.isChecked()] if pool == "blocks" else [],
            station_id=self.station.currentData() if pool == "station" else None,
            member_ids=members, ordering=ordering, cadence=cadence,
            weekdays=[n for n, box in enumerate(self.weekday_boxes) if box.isChecked()],
            monthly_rule=monthly if cadence == "monthly" else "", dates=self.dates() if cadence == "dates" else [],
            event_category=(self.event_category.currentData() or "") if cadence == "event" else "",
            per_turn=self.per_turn.value(), start_date=start, skip_holidays=self.skip_holidays.isChecked(),
            skip_year_end=self.skip_year_end.isChecked(), skip_local_days=self.skip_local.isChecked(),
            exempt_age=exempt_age, min_age=self.min_age.value(), notes=self.notes.toPlainText(), id=self.roster_id)

    def clear_errors(self) -> None:
        for row in self.rows.values():
            if row.error:
                row.clear()
        self.summary.setVisible(False)
        self.summary.clear()

    def show_error(self, exc: BaseException) -> None:
        """The message above the form and at the field it names."""
        _show_problem(self.summary, exc)
        label = getattr(exc, "label", "") or ""
        key = self.labels.get(label)
        row = self.rows.get(key) if key else None
        if row is not None and row.container.isVisible():
            row.set_error(readable(getattr(exc, "message", "") or str(exc)))
            row.mark.setFocus()

    def save(self) -> None:
        if not self.can_write:
            return
        self.clear_errors()
        try:
            data = self.roster_data()
            rid = self.worker.call(ro.save_roster, data)
        except ERRORS as exc:
            self.show_error(exc)
            return
        created = self.roster_id is None
        self.roster_id = rid
        name = data.name.strip()
        self.saved_message = (self.tr("✓ 当番表「{name}」を作りました。下の「○月○日まで決める」で当番を決めてください。") if created
                              else self.tr("✓ 当番表「{name}」を保存しました。明日以降の当番は新しい決め方で決め直しました。")
                              ).format(name=name)
        self.accept()


# -- stations ---------------------------------------------------------------------------------------


def _load_station(reg: Any, station_id: int) -> tuple[ro.Station, list[Pick]]:
    station = next(s for s in ro.list_stations(reg) if s.id == station_id)
    index = HouseholdIndex.load(reg)
    rows = {r.id: r for r in index.rows}
    picks = [Pick(h, rows[h].head_name or tr("（世帯主未登録）"), rows[h].block_name, rows[h].address)
             for h in ro.station_users(reg, station_id) if h in rows]
    return station, picks


class StationDialog(_Dialog):
    """Add a ごみステーション with its user households, or change the users of one (their order
    is their user number, the order of the roster)."""

    def __init__(self, worker: DbWorker, station_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.station_id = station_id
        reg = worker.register
        self.can_write = reg is not None and reg.session.can(WRITE)
        self.setWindowTitle(self.tr("ごみステーション") if station_id is not None else self.tr("ごみステーションの登録"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例: 駅前ステーション"))
        self.name.setAccessibleName(self.tr("ステーション名"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("例: 泉野町3丁目 公園の北側"))
        self.place.setAccessibleName(self.tr("場所"))
        self.picker = MemberPicker(worker, read_only=not self.can_write)
        if station_id is not None:
            station, picks = worker.call(_load_station, station_id)
            self.name.setText(station.name)
            self.place.setText(station.place)
            for le in (self.name, self.place):
                le.setReadOnly(True)
                le.setToolTip(self.tr("名前と場所は、登録した後は変えられません"))
            self.picker.set_chosen(picks)
        form = QFormLayout()
        form.addRow(self.tr("ステーション名"), self.name)
        form.addRow(self.tr("場所"), self.place)
        self.problem = _error_box()
        self.ok_btn = _button(self.tr("保存する"))
        self.cancel_btn = _button(self.tr("キャンセル") if self.can_write else self.tr("閉じる"))
        self.ok_btn.setVisible(self.can_write)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_btn)
        buttons.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle(), 1.2))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("利用する世帯を名簿から探して加え、利用者の番号の順に並べてください（上から順に当番）。")))
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.ok_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        self.fit(70, 32)
        (self.picker.search if station_id is not None else self.name).setFocus()

    def save(self) -> None:
        if not self.can_write:
            return
        self.problem.setVisible(False)
        ids = self.picker.chosen_ids()
        try:
            if self.station_id is None:
                self.station_id = self.worker.call(ro.add_station, self.name.text(), self.place.text(), ids)
            else:
                self.worker.call(ro.set_station_users, self.station_id, ids)
        except ERRORS as exc:
            _show_problem(self.problem, exc)
            return
        self.accept()


# -- 地域の休みの日 -------------------------------------------------------------------------------------


class LocalDaysDialog(_Dialog):
    """Local days without duties (祭礼, 校下行事 …): added and removed at once."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.changed_any = False
        reg = worker.register
        self.can_write = reg is not None and reg.session.can("association.write")
        today = worker.call(lambda r: r.today())
        self.setWindowTitle(self.tr("地域の休みの日"))
        note = QLabel(self.tr("この日は、「地域の休みの日は休む」にした当番表の当番がありません。"
                              "変えると、明日以降の当番をすぐに決め直します。"))
        note.setWordWrap(True)
        self.read_only_note = QLabel(self.tr("閲覧のみ: 地域の休みの日を登録・取り消しできるのは管理者です。"))
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.can_write)
        self.model = LocalDaysModel(self)
        self.table = _table(self.model, self.tr("地域の休みの日"))
        _ColumnFit(self.table, ("令和8年12月28日（月）", None), stretch=1, least=8)  # notr: width sample
        self.day = WarekiDateEdit(label=self.tr("日付"), today=today, show_age=False)
        self.day.edit.setPlaceholderText(self.tr("例: R8.9.13、令和8年9月13日"))
        self.day.setValue(today.isoformat())
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例: 秋祭り"))
        self.name.setAccessibleName(self.tr("休みの日の名前"))
        self.add_btn = _button(self.tr("加える"))
        self.remove_btn = _button(self.tr("選んだ日を取り消す"))
        self.close_btn = _button(self.tr("閉じる"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.problem.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("日付"), self.day)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.add_btn)
        form.addRow(self.tr("名前"), name_row)
        add_box = QGroupBox(self.tr("休みの日を加える"))
        add_box.setLayout(form)
        add_box.setVisible(self.can_write)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_btn)
        bottom.addStretch(1)
        bottom.addWidget(self.close_btn)
        self.remove_btn.setVisible(self.can_write)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(add_box)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        self.add_btn.clicked.connect(self.add)
        self.remove_btn.clicked.connect(self.remove)
        self.close_btn.clicked.connect(self.accept)
        self.reload()
        self.fit(44, 30)

    def reload(self) -> None:
        self.model.set_rows(sorted(self.worker.call(ro.non_working_days).items()))

    def _problem(self, text: str) -> None:
        self.problem.setText(readable("⚠ " + text) if text else "")
        self.problem.setVisible(bool(text))

    def add(self) -> None:
        day = self.day.value()
        if not day:
            self._problem(self.tr("日付を入力してください。"))
            return
        try:
            self.worker.call(ro.add_non_working_day, day, self.name.text())
        except ERRORS as exc:
            self._problem(str(exc))
            return
        self._problem("")
        self.changed_any = True
        self.reload()
        self.name.clear()

    def remove(self) -> None:
        rows = _selected_rows(self.table)
        if not rows:
            self._problem(self.tr("取り消す日を一覧で選んでください。"))
            return
        try:
            for n in rows:
                self.worker.call(ro.remove_non_working_day, self.model.rows[n][0])
        except ERRORS as exc:
            self._problem(str(exc))
        else:
            self._problem("")
        self.changed_any = True
        self.reload()


# -- turns: who stands in ----------------------------------------------------------------------------


def _choices(reg: Any, roster: ro.RosterData, on: str) -> list[tuple[Pick, bool, str]]:
    """The roster's members on a day, with whether they take turns then and why not; households
    can be found by their kana too."""
    assert roster.id is not None
    kana: dict[int, str] = {}
    if roster.unit == "household":
        kana = {r.id: r.head_kana for r in HouseholdIndex.load(reg).rows}
    return [(Pick(e.member_id, e.name, e.block, folded=search_fold(e.name + kana.get(e.member_id, ""))),
             e.eligible, e.why_not) for e in ro.eligibility(reg, roster.id, on)]


class _MemberList(QWidget):
    """A filter box over a roster's members and the list to choose one from."""

    def __init__(self, choices: Sequence[tuple[Pick, bool, str]], unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("名前かフリガナの一部で絞り込み"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("絞り込み"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("{unit}の一覧").format(unit=_unit_word(unit)))
        v.addWidget(self.filter)
        v.addWidget(self.list, 1)
        self.filter.textChanged.connect(lambda _t: self._fill())
        self._fill()

    def _fill(self) -> None:
        keep = self.chosen_id()
        tokens = [t for t in (search_fold(w) for w in self.filter.text().split()) if t]
        self.list.clear()
        for pick, ok, why in self.choices:
            if tokens and not all(t in pick.folded for t in tokens):
                continue
            text = self.tr("{name}（{block}）").format(name=pick.name, block=pick.block) if pick.block else pick.name
            if not ok:
                if why.startswith("自動"):  # notr: the model's words
                    state = self.tr("自動で免除")
                elif why.startswith("免除"):  # notr: the model's words
                    state = self.tr("免除中")
                else:
                    state = self.tr("今は当番なし")
                text += " — " + state
            item_tip = _why_text(why) if not ok else ""
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, pick.id)
            item.setToolTip(item_tip)
            self.list.addItem(item)
            if pick.id == keep:
                self.list.setCurrentItem(item)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None and item.isSelected() else None

    def choose(self, member_id: int) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == member_id:
                self.list.setCurrentRow(i)
                return True
        return False


class SubstituteDialog(_Dialog):
    """Someone else does (or did) a turn: pick them from the roster's members who can take a
    turn that day. The one stood in for gives a turn back later."""

    def __init__(self, worker: DbWorker, roster: ro.RosterData, turn: ro.Turn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.turn = turn
        self.saved_message = ""
        word = _unit_word(roster.unit)
        self.setWindowTitle(self.tr("代わりの人を記録"))
        choices = [c for c in worker.call(_choices, roster, turn.starts_on) if c[1] and c[0].id != turn.member_id]
        text = QLabel(self.tr("{span}の当番（{member}さん）を、代わりにする{unit}を選んでください。\n"
                              "{member}さんは、代わりにした{unit}の次の番を1回返します（交代の返し）。").format(
            span=span_text(turn.starts_on, turn.ends_on), member=turn.member, unit=word))
        text.setWordWrap(True)
        self.members = _MemberList([(p, ok, why) for p, ok, why in choices], roster.unit)
        self.problem = _error_box()
        self.ok_btn = _button(self.tr("記録する"))
        self.cancel_btn = _button(self.tr("キャンセル"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_btn)
        buttons.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("代わりの人を記録"), 1.2))
        layout.addWidget(text)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.ok_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        self.members.list.itemDoubleClicked.connect(lambda _i: self.save())
        self.fit(40, 26)
        self.members.filter.setFocus()

    def save(self) -> None:
        member = self.members.chosen_id()
        if member is None:
            _show_problem(self.problem, self.tr("代わりにする人を一覧で選んでください。"))
            return
        try:
            self.worker.call(ro.substitute, self.turn.id, member)
        except ERRORS as exc:
            _show_problem(self.problem, exc)
            return
        name = next(p.name for p, _ok, _w in self.members.choices if p.id == member)
        self.saved_message = self.tr("✓ {day}の当番は{name}さんが代わりにします。"
                                     "{member}さんは、{name}さんの次の番を返します（メモに「交代の返し」と出ます）。").format(
            day=short_day(self.turn.starts_on), name=name, member=self.turn.member)
        self.accept()


# -- exemptions ---------------------------------------------------------------------------------------


class ExemptionDialog(_Dialog):
    """Record that a household (or person) does not take turns for a while, and why."""

    def __init__(self, worker: DbWorker, roster: ro.RosterData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.roster = roster
        self.saved_message = ""
        today = worker.call(lambda r: r.today())
        self.setWindowTitle(self.tr("免除を記録"))
        self.setStyleSheet(_big_checks(self))
        word = _unit_word(roster.unit)
        self.members = _MemberList(worker.call(_choices, roster, today.isoformat()), roster.unit)
        self.reason = QComboBox()
        for r in schema.EXEMPTION_REASONS:
            self.reason.addItem(r, r)
        self.reason.setAccessibleName(self.tr("理由"))
        self.starts = WarekiDateEdit(label=self.tr("いつから"), today=today, show_age=False)
        self.starts.setValue(today.isoformat())
        self.has_end = QCheckBox(self.tr("終わりの日を決める"))
        self.ends = WarekiDateEdit(label=self.tr("いつまで"), today=today, show_age=False)
        self.ends.setVisible(False)
        self.all_rosters = QCheckBox(self.tr("ほかの当番表でも免除する"))
        self.all_rosters.setToolTip(self.tr("チェックすると、すべての当番表（{unit}ごとのもの）でこの{unit}を免除します").format(unit=word))
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("例: 入院のため。退院したら知らせてもらう"))
        self.notes.setAccessibleName(self.tr("メモ"))
        form = QFormLayout()
        form.addRow(self.tr("理由"), self.reason)
        form.addRow(self.tr("いつから"), self.starts)
        end_box = QVBoxLayout()
        end_box.addWidget(self.has_end)
        end_box.addWidget(self.ends)
        form.addRow(self.tr("いつまで"), end_box)
        form.addRow(self.tr("範囲"), self.all_rosters)
        form.addRow(self.tr("メモ"), self.notes)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("免除する{unit}").format(unit=word)))
        left.addWidget(self.members, 1)
        columns.addLayout(left, 5)
        columns.addSpacing(12)
        columns.addLayout(form, 6)
        note = QLabel(self.tr("免除した{unit}は当番を飛ばします（名簿からは消えません）。明日以降の当番は、すぐに決め直します。"
                              "期間が終わると、また当番に戻ります。").format(unit=word))
        note.setWordWrap(True)
        self.problem = _error_box()
        self.ok_btn = _button(self.tr("記録する"))
        self.cancel_btn = _button(self.tr("キャンセル"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_btn)
        buttons.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("免除を記録（{name}）").format(name=roster.name), 1.2))
        layout.addWidget(note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.has_end.toggled.connect(self.ends.setVisible)
        self.ok_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        self.fit(70, 30)
        self.members.filter.setFocus()

    def save(self) -> None:
        member = self.members.chosen_id()
        if member is None:
            _show_problem(self.problem, self.tr("免除する{unit}を一覧で選んでください。").format(unit=_unit_word(self.roster.unit)))
            return
        start = self.starts.value()
        if not start:
            _show_problem(self.problem, ValidationError(self.tr("いつから"), self.tr("免除を始める日を入力してください。")))
            return
        end = self.ends.value() if self.has_end.isChecked() else None
        if self.has_end.isChecked() and not end:
            _show_problem(self.problem, ValidationError(self.tr("いつまで"),
                                                        self.tr("終わりの日を入力するか、「終わりの日を決める」を外してください。")))
            return
        try:
            self.worker.call(ro.add_exemption, member, self.reason.currentData(), start, end,
                             roster_id=None if self.all_rosters.isChecked() else self.roster.id, unit=self.roster.unit,
                             notes=self.notes.text())
        except ERRORS as exc:
            _show_problem(self.problem, exc)
            return
        name = next(p.name for p, _ok, _w in self.members.choices if p.id == member)
        self.saved_message = self.tr("✓ {name}さんを免除しました（{reason}）。"
                                     "明日以降の当番は、この方を飛ばして決め直しました。").format(
            name=name, reason=self.reason.currentData())
        self.accept()


class EndExemptionDialog(_Dialog):
    """The last day of an exemption; the member takes turns again from the day after."""

    def __init__(self, worker: DbWorker, exemption: ro.Exemption, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.exemption = exemption
        self.saved_message = ""
        self.setWindowTitle(self.tr("免除を終える"))
        since = wareki_text(_as_date(exemption.starts_on))
        text = QLabel(self.tr("{name}さんの免除（{reason}、{since}から）を終える日を入れてください。\n"
                              "この日まで免除し、次の日から当番に戻ります。").format(
            name=exemption.name, reason=exemption.reason, since=since))
        text.setWordWrap(True)
        self.ends = WarekiDateEdit(label=self.tr("終える日"), today=today, show_age=False)
        self.ends.setValue(max(today.isoformat(), exemption.starts_on))
        self.problem = _error_box()
        self.ok_btn = _button(self.tr("免除を終える"))
        self.cancel_btn = _button(self.tr("キャンセル"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_btn)
        buttons.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        form = QFormLayout()
        form.addRow(self.tr("終える日"), self.ends)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.ok_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        self.fit(40, 16)

    def save(self) -> None:
        end = self.ends.value()
        if not end:
            _show_problem(self.problem, ValidationError(self.tr("終える日"), self.tr("日付を入力してください。")))
            return
        try:
            self.worker.call(ro.end_exemption, self.exemption.id, end)
        except ERRORS as exc:
            _show_problem(self.problem, exc)
            return
        self.saved_message = self.tr("✓ {name}さんの免除を{date}で終えました。次の日から当番に戻ります。").format(
            name=self.exemption.name, date=wareki_text(_as_date(end)))
        self.accept()
