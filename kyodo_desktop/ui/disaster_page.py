"""防災・連絡網: 安否確認 (safety checks) and the 連絡網 (phone tree) — a thin layer over
:mod:`kyodo_desktop.models.safety` and :mod:`kyodo_desktop.models.contacts`.

:class:`DisasterPage` is a tab widget (``tabs``); other modules add their own tabs (要支援者,
資機材・避難場所・組織). Its first tab, :class:`SafetyTab`, lists the checks held so far and opens the
check screen (:class:`CheckScreen`), which is made to be used in an emergency by older officers:
big type, the keys written on the screen, one key per result — select a person and press
1 ○無事 / 2 △軽症 / 3 ×重症 / 4 ?不明 (0 or Delete: back to 未確認) and the selection moves on to
the next person; H / S / K record where the person is (自宅 / 避難所 / 親族宅). Each key press
writes one result through the worker and then updates that one row, the totals per 班 and the
list of people not yet confirmed in memory — nothing is reloaded, so it stays fast with ten
thousand people.

The second tab, :class:`PhoneTreeTab`, shows each 班's 連絡網 as the model builds it (only those who
agreed are named), what is wrong with it, the rule, and lets a 班 keep its own calling order.

All checking is the model's; its messages are shown as they are. Changing anything needs
``register.write``: without it (閲覧) everything is shown read-only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import search_fold
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.events_page import parse_time, when_text
from kyodo_desktop.ui.household_editor import FieldRow
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import RowsModel, make_table
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit
from kyodo_desktop.ui.widgets import refresh_shown
from kyodo_desktop.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
ERRORS = (RegisterError, ValidationError)
WRITE = "register.write"
MIN_BUTTON_HEIGHT = 40
OK_COLOR = "#1b5e20"
MUTED = "#5f5f5f"  # 未確認, people without consent: still 6:1 on white
#: the keys of the check screen (the model's KEYS: one per status)
STATUS_KEYS = {getattr(Qt.Key, f"Key_{k}"): status for k, status in sf.KEYS.items()}
CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
#: the values are stored as they are (marked so that their display can be translated)
WHERE_KEYS = {Qt.Key.Key_H: QT_TRANSLATE_NOOP("", "自宅"), Qt.Key.Key_S: QT_TRANSLATE_NOOP("", "避難所"), Qt.Key.Key_K: QT_TRANSLATE_NOOP("", "親族宅")}
MARKS = schema.SAFETY_MARKS
#: the cell of each result: background (None: the table's own) and text colour — always with the
#: mark and the word as well, never colour alone
STATUS_LOOK = {
    QT_TRANSLATE_NOOP("", "無事"): (None, OK_COLOR),
    QT_TRANSLATE_NOOP("", "軽症"): ("#fff1c2", "#000000"),
    QT_TRANSLATE_NOOP("", "重症"): ("#f8d7da", "#8b0000"),
    QT_TRANSLATE_NOOP("", "不明"): ("#e4e4e4", "#000000"),
    "": (None, MUTED),
}
DRILL_NOTE = QT_TRANSLATE_NOOP("", "●（避難に手助けが必要な人の印）は、訓練では要支援者名簿への掲載に同意した人だけに付きます。")
DISASTER_NOTE = QT_TRANSLATE_NOOP("", "災害では法律（災害対策基本法 第49条の11）により、手助けが必要な人の全員に●が付きます（訓練では同意した人だけ）。")
ALL_BLOCKS = "__all__"
PROMPT = QT_TRANSLATE_NOOP("", "↑↓で人を選び、1〜4のキーで安否を入れてください（次の人へ進みます）。")


# -- small helpers ------------------------------------------------------------------------------------


def _scaled(widget: QWidget, factor: float, *, bold: bool = False) -> QWidget:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setBold(True)
    widget.setFont(font)
    return widget


def _heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    _scaled(label, scale, bold=True)
    label.setAccessibleName(text)
    return label


def _button(text: str, tip: str = "", *, height: int = MIN_BUTTON_HEIGHT) -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(height)
    b.setAutoDefault(False)
    b.setAccessibleName(text.rstrip("…"))
    if tip:
        b.setToolTip(tip)
    return b


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(tr("お知らせ"))
    label.setVisible(False)
    return label


def _say(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
    label.setVisible(bool(text))


class _Dialog(QDialog):
    """Enter inside a field never presses a button (officers press Enter after typing); on a
    focused button it still clicks it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            event.accept()
            return
        super().keyPressEvent(event)


def _can_write(reg: Any) -> bool:
    return reg.session.can(WRITE) and not getattr(reg, "read_only", False)


def _clock_text(at: str, start_day: str) -> str:
    """「9:10」 on the day the check began, else 「11/29 9:10」."""
    if len(at) < 16:
        return at
    time = f"{int(at[11:13])}:{at[14:16]}"
    if at[:10] == start_day:
        return time
    return f"{int(at[5:7])}/{int(at[8:10])} {time}"


def _status_text(status: str) -> str:
    return f"{MARKS[status]} {tr(status)}" if status else tr("未確認")


def _minutes_text(minutes: int | None) -> str:
    if minutes is None:
        return "—"
    if minutes < 60:
        return tr("{0}分").format(minutes)
    return tr("{0}時間{1:02d}分").format(minutes // 60, minutes % 60)


# -- database-thread helpers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _CheckList:
    records: list[sf.DrillRecord]
    ended: dict[int, str | None]
    can_write: bool


def _load_list(reg: Any) -> _CheckList:
    ended = {c.id: c.ended_at for c in sf.list_checks(reg)}
    return _CheckList(sf.history(reg), ended, _can_write(reg))


@dataclass(frozen=True)
class _CheckData:
    check: sf.SafetyCheck
    people: list[sf.CheckPerson]
    can_write: bool


def _load_check(reg: Any, check_id: int) -> _CheckData:
    return _CheckData(sf.get_check(reg, check_id), sf.people(reg, check_id), _can_write(reg))


def _record(reg: Any, check_id: int, person_id: int, status: str, whereabouts: str, damage: str, needs: str,
            notes: str) -> tuple[str, str]:
    """One result (keeping what else was recorded for the person); the time and who, as stored."""
    at = reg.clock().replace(second=0, microsecond=0).isoformat(timespec="minutes")
    sf.record(reg, check_id, person_id, status, whereabouts=whereabouts, building_damage=damage, needs=needs,
              notes=notes, checked_at=at)
    return at, reg.actor


def _latest_open(reg: Any) -> tuple[int | None, bool]:
    """The latest check not yet ended (list_checks is newest first), and whether one may start one."""
    return next((c.id for c in sf.list_checks(reg) if not c.ended_at), None), _can_write(reg)


# -- the check screen's models --------------------------------------------------------------------------


class CheckPeopleModel(QAbstractTableModel):
    """Everyone of the check (in 班 and 回覧順 order); ``visible`` are the positions shown (one 班 or
    all). A result changes one row (:meth:`person_changed`), never the whole table."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "世帯"), QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "年代"), "●", QT_TRANSLATE_NOOP("", "安否"),
               QT_TRANSLATE_NOOP("", "所在"), QT_TRANSLATE_NOOP("", "確認\n時刻"))
    STATUS_COLUMN = 5
    WHERE_COLUMN = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[sf.CheckPerson] = []
        self.visible: list[int] = []
        self.pending: dict[int, str] = {}  # position → 所在 typed before the 安否 (not yet recorded)
        self.start_day = ""
        self._bold: QFont | None = None

    def set_people(self, people: list[sf.CheckPerson], visible: list[int], start_day: str) -> None:
        self.beginResetModel()
        self.people = people
        self.visible = visible
        self.pending = {}
        self.start_day = start_day
        self.endResetModel()

    def set_visible(self, visible: list[int]) -> None:
        self.beginResetModel()
        self.visible = visible
        self.endResetModel()

    def position(self, row: int) -> int:
        return self.visible[row]

    def person(self, row: int) -> sf.CheckPerson:
        return self.people[self.visible[row]]

    def row_of_position(self, pos: int) -> int:
        i = bisect.bisect_left(self.visible, pos)
        return i if i < len(self.visible) and self.visible[i] == pos else -1

    def person_changed(self, pos: int) -> None:
        row = self.row_of_position(pos)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cell_text(self, row: int, col: int) -> str:
        pos = self.visible[row]
        p = self.people[pos]
        if col == 0:
            return p.block or self.tr("（班なし）")
        if col == 1:  # the head's name on the household's first row, 〃 below it
            if row > 0 and self.people[self.visible[row - 1]].household_id == p.household_id:
                return "〃"
            return p.household.replace("　", " ")  # narrower, so that more of the name shows
        if col == 2:
            return p.name.replace("　", " ")
        if col == 3:
            return p.band
        if col == 4:
            return "●" if p.support else ""
        if col == 5:
            return _status_text(p.status)
        if col == 6:
            if pos in self.pending:
                return f"{tr(self.pending[pos])}…"
            return tr(p.whereabouts) if p.whereabouts else p.whereabouts
        if col == 7:
            return _clock_text(p.checked_at, self.start_day) if p.status else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.visible) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, col)
        p = self.people[self.visible[row]]
        if col == self.STATUS_COLUMN:
            background, foreground = STATUS_LOOK[p.status]
            if role == Qt.ItemDataRole.BackgroundRole and background:
                return QBrush(QColor(background))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(foreground))
            if role == Qt.ItemDataRole.FontRole and p.status:
                return self._bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 4 and p.support:
                return self.tr("避難に手助けが必要な人（詳しい情報は要支援者名簿にあります）")
            if col == 6 and self.visible[row] in self.pending:
                return self.tr("まだ記録していません。1〜4で安否を入れると、この所在も一緒に記録します。")
            if col == 7 and p.checked_by:
                return self.tr("確認: {0}").format(p.checked_by)
            if col == 1 and self.cell_text(row, 1) == "〃":
                return p.household
        return None

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == 4:
            return self.tr("● = 避難に手助けが必要な人")
        return None


class TotalsModel(QAbstractTableModel):
    """合計 (first, always in view) and each 班: people, each result, not yet confirmed. Kept up to
    date one change at a time (:meth:`change`)."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "人数"), QT_TRANSLATE_NOOP("", "○\n無事"), QT_TRANSLATE_NOOP("", "△\n軽症"), QT_TRANSLATE_NOOP("", "×\n重症"),
               QT_TRANSLATE_NOOP("", "?\n不明"), QT_TRANSLATE_NOOP("", "未確認"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[sf.BlockTotal] = []
        self._row_of: dict[int | None, int] = {}
        self._bold: QFont | None = None

    def load(self, people: list[sf.CheckPerson]) -> None:
        whole = sf.BlockTotal(None, self.tr("合計"))
        blocks: dict[int | None, sf.BlockTotal] = {}
        homes: dict[int | None, set[int]] = {}
        for p in people:
            t = blocks.get(p.block_id)
            if t is None:
                t = blocks[p.block_id] = sf.BlockTotal(p.block_id, p.block or self.tr("（班なし）"))
            homes.setdefault(p.block_id, set()).add(p.household_id)
            for total in (t, whole):
                total.persons += 1
                if p.status:
                    total.counts[p.status] += 1
                else:
                    total.unconfirmed += 1
        for block_id, t in blocks.items():
            t.households = len(homes[block_id])
            whole.households += t.households
        self.beginResetModel()
        self.rows = [whole, *blocks.values()]
        self._row_of = {t.block_id: n for n, t in enumerate(self.rows) if n}
        self.endResetModel()

    def row_of_block(self, block_id: int | None) -> int:
        return self._row_of.get(block_id, -1)

    def change(self, block_id: int | None, old: str, new: str) -> None:
        if old == new:
            return
        n = self._row_of[block_id]
        for t in (self.rows[n], self.rows[0]):
            if old:
                t.counts[old] -= 1
            else:
                t.unconfirmed -= 1
            if new:
                t.counts[new] += 1
            else:
                t.unconfirmed += 1
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(0, last))
        self.dataChanged.emit(self.index(n, 0), self.index(n, last))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cell_text(self, row: int, col: int) -> str:
        t = self.rows[row]
        if col == 0:
            return f"✓ {t.block}" if t.persons and not t.unconfirmed else t.block
        if col == 1:
            return f"{t.persons:,}"
        if col == 6:
            return f"{t.unconfirmed:,}"
        return f"{t.counts[schema.SAFETY_STATUSES[col - 2]]:,}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row, col = index.row(), index.column()
        t = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == 0:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and t.persons and not t.unconfirmed:
            return QBrush(QColor(OK_COLOR))
        if role == Qt.ItemDataRole.BackgroundRole and col == 4 and t.counts["重症"]:  # notr (a status value)
            return QBrush(QColor(STATUS_LOOK["重症"][0]))  # notr
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return self.tr("{0}: {1:,}世帯・{2:,}人、確認済み {3:,}人").format(t.block, t.households, t.persons, t.confirmed)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None


class UnconfirmedModel(QAbstractListModel):
    """The people not yet confirmed (of the 班 shown), as positions into the check's people."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[sf.CheckPerson] = []
        self.positions: list[int] = []

    def set_positions(self, people: list[sf.CheckPerson], positions: list[int]) -> None:
        self.beginResetModel()
        self.people = people
        self.positions = positions
        self.endResetModel()

    def remove_position(self, pos: int) -> None:
        i = bisect.bisect_left(self.positions, pos)
        if i < len(self.positions) and self.positions[i] == pos:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.positions[i]
            self.endRemoveRows()

    def insert_position(self, pos: int) -> None:
        i = bisect.bisect_left(self.positions, pos)
        if i < len(self.positions) and self.positions[i] == pos:
            return
        self.beginInsertRows(QModelIndex(), i, i)
        self.positions.insert(i, pos)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.positions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.positions) or index.column() != 0:
            return None
        p = self.people[self.positions[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{0}　{1}（{2}）").format(p.block, p.name, p.band) + ("　●" if p.support else "")
        if role == Qt.ItemDataRole.UserRole:
            return self.positions[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}さんの世帯。ダブルクリックで一覧のこの人を選びます。").format(p.household)
        return None


class _ColumnFitter(QObject):
    """Column widths in 「あ」; the one given as None takes the room left over but never less than
    ``least`` characters (the table scrolls sideways instead of cutting names short)."""

    def __init__(self, table: QTableView, ems: tuple[float | None, ...], *, least: float, pad: int = 10) -> None:
        super().__init__(table)
        self.table, self.ems, self.least, self.pad = table, ems, least, pad
        self.flexible = ems.index(None)
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        self.fit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and obj is self.viewport:
            self.fit()
        return False

    def fit(self) -> None:
        em = self.table.fontMetrics().horizontalAdvance("あ")  # notr (measures one character)
        used = 0
        for col, width in enumerate(self.ems):
            if width is not None:
                self.table.setColumnWidth(col, int(width * em + self.pad))
                used += self.table.columnWidth(col)  # (the header may keep a section wider)
        self.table.setColumnWidth(self.flexible, max(int(self.least * em + self.pad), self.table.viewport().width() - used))


class _ElidedLabel(QLabel):
    """One line that ends in 「…」 when there is no room (the whole text in the tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width())))


class _Legend(QFrame):
    """The keys on the screen: one row, or the 所在 keys on a second row when there is no room."""

    def __init__(self, first: list[QWidget], second: list[QWidget]) -> None:
        super().__init__()
        self.setObjectName("legend")
        self.setStyleSheet("QFrame#legend { background: #f4f5f7; border: 1px solid #8a8f98; border-radius: 4px; }")
        self._first, self._second = first, second
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 4, 8, 4)
        self._grid.setHorizontalSpacing(6)
        self._rows = 0
        self._place(1)

    def _needed(self) -> int:
        widgets = [*self._first, *self._second]
        return sum(w.sizeHint().width() for w in widgets) + 6 * len(widgets) + 16 + 24

    def _place(self, rows: int) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        for w in (*self._first, *self._second):
            self._grid.removeWidget(w)
        for col, w in enumerate(self._first):
            self._grid.addWidget(w, 0, col)
        start = len(self._first) + 1 if rows == 1 else 0
        for n, w in enumerate(self._second):
            self._grid.addWidget(w, 0 if rows == 1 else 1, start + n)
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 0)
        self._grid.setColumnStretch(self._grid.columnCount(), 1)
        if rows == 1:
            self._grid.setColumnMinimumWidth(len(self._first), 16)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place(1 if self.width() >= self._needed() else 2)


class _CheckTable(QTableView):
    """The people table: the result keys go to the screen before the table moves on them."""

    def __init__(self, on_key: Any) -> None:
        super().__init__()
        self._on_key = on_key

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._on_key(event):
            event.accept()
            return
        super().keyPressEvent(event)


# -- the check screen -----------------------------------------------------------------------------------


class CheckScreen(QWidget):
    """One safety check: the key legend, the people, the totals per 班 and who is not yet confirmed."""

    back = Signal()
    ended = Signal(str)  # the message to show on the list

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.check: sf.SafetyCheck | None = None
        self.can_write = False
        self._folded: list[str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)

        top = QHBoxLayout()
        self.back_btn = _button(self.tr("← 一覧へ"), self.tr("安否確認の一覧に戻ります"))
        self.title = _ElidedLabel()
        _scaled(self.title, 1.3, bold=True)
        self.kind_badge = QLabel()
        _scaled(self.kind_badge, 1.2, bold=True)
        self.reload_btn = _button(self.tr("読み直す"), self.tr("ほかの人が入力した結果も含めて、台帳から読み直します"))
        self.end_btn = _button(self.tr("この確認を終える"), self.tr("全員の確認が済んだら押します。終えた確認は変えられません。"))
        top.addWidget(self.back_btn)
        top.addWidget(self.kind_badge)
        top.addWidget(self.title, 1)
        top.addWidget(self.reload_btn)
        top.addWidget(self.end_btn)
        layout.addLayout(top)

        # the keys, written on the screen; each is also a button for the mouse
        caption = QLabel(self.tr("キー:"))
        _scaled(caption, 1.15, bold=True)
        self.key_buttons: dict[str, QPushButton] = {}
        for key, status in sf.KEYS.items():
            self.key_buttons[status] = self._key_button(key, f"{MARKS[status]} {tr(status)}", status)
        self.key_buttons[""] = self._key_button("0", self.tr("未確認に戻す"), "")
        where_caption = QLabel(self.tr("所在:"))
        _scaled(where_caption, 1.15, bold=True)
        self.where_buttons: dict[str, QPushButton] = {}
        for key, where in ((k.name[-1], w) for k, w in WHERE_KEYS.items()):
            b = self._key_button(key, tr(where), None)
            b.clicked.connect(lambda _c=False, w=where: self.enter_whereabouts(w))
            self.where_buttons[where] = b
        self.legend = _Legend([caption, *(self.key_buttons[s] for s in (*schema.SAFETY_STATUSES, ""))],
                              [where_caption, *self.where_buttons.values()])
        layout.addWidget(self.legend)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("お知らせ"))
        _scaled(self.message, 1.2)
        self.message.setMinimumHeight(self.message.fontMetrics().height() + 6)
        layout.addWidget(self.message)

        body = QHBoxLayout()
        left = QVBoxLayout()
        bar = QHBoxLayout()
        block_caption = QLabel(self.tr("班:"))
        self.block = QComboBox()
        self.block.setAccessibleName(self.tr("班を選ぶ"))
        self.block.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        block_caption.setBuddy(self.block)
        find_caption = QLabel(self.tr("名前で探す:"))
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("名前・フリガナ（Enterで一覧へ）"))
        self.find.setClearButtonEnabled(True)
        self.find.setAccessibleName(self.tr("名前で探す"))
        find_caption.setBuddy(self.find)
        for w in (block_caption, self.block, find_caption, self.find):
            _scaled(w, 1.1)
        bar.addWidget(block_caption)
        bar.addWidget(self.block)
        bar.addSpacing(12)
        bar.addWidget(find_caption)
        bar.addWidget(self.find, 1)
        left.addLayout(bar)

        self.model = CheckPeopleModel(self)
        self.table = _CheckTable(self.key_pressed)
        _scaled(self.table, 1.1)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("安否確認の名簿"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never size rows to contents
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        em = self.table.fontMetrics().horizontalAdvance("あ")  # notr (measures one character)
        header.setMinimumSectionSize(int(em * 1.2 + 10))
        # 氏名 takes what is left, and never less than about seven characters (then it scrolls)
        self.fitter = _ColumnFitter(self.table, (2.6, 5.0, None, 4.3, 1.2, 3.6, 4.2, 3.0), least=7)
        left.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("行を選んで数字キーを押すと記録し、次の人へ進みます。↑↓で行を移ります。"))
        self.hint.setWordWrap(True)
        left.addWidget(self.hint)
        body.addLayout(left, 1)

        side = QVBoxLayout()
        self.summary = QLabel()
        _scaled(self.summary, 1.25, bold=True)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("合計"))
        side.addWidget(self.summary)
        side.addWidget(QLabel(self.tr("<b>班ごとの集計</b>")))
        self.totals = TotalsModel(self)
        self.totals_table = QTableView()
        self.totals_table.setModel(self.totals)
        self.totals_table.setAccessibleName(self.tr("班ごとの集計"))
        self.totals_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.totals_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.totals_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals_table.setWordWrap(False)
        self.totals_table.setTabKeyNavigation(False)
        self.totals_table.verticalHeader().setVisible(False)
        self.totals_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.totals_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        side_em = self.totals_table.fontMetrics().horizontalAdvance("あ")  # notr (measures one character)
        th = self.totals_table.horizontalHeader()
        th.setMinimumSectionSize(10)
        th.setHighlightSections(False)
        widths = (3.0, 3.2, 2.3, 2.3, 2.3, 2.3, 3.2)  # 合計 of ten thousand people fits
        for col, width in enumerate(widths):
            self.totals_table.setColumnWidth(col, int(side_em * width + 6))
        th.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        side.addWidget(self.totals_table, 3)
        self.unconfirmed_caption = QLabel()
        self.unconfirmed_caption.setAccessibleName(self.tr("まだ確認できていない人"))
        side.addWidget(self.unconfirmed_caption)
        self.unconfirmed = UnconfirmedModel(self)
        # a one-column table rather than a QListView: with fixed row heights, taking out one of ten
        # thousand rows does not lay the whole list out again
        self.unconfirmed_list = QTableView()
        self.unconfirmed_list.setModel(self.unconfirmed)
        self.unconfirmed_list.horizontalHeader().setVisible(False)
        self.unconfirmed_list.horizontalHeader().setStretchLastSection(True)
        self.unconfirmed_list.verticalHeader().setVisible(False)
        self.unconfirmed_list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.unconfirmed_list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.unconfirmed_list.setShowGrid(False)
        self.unconfirmed_list.setWordWrap(False)
        self.unconfirmed_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unconfirmed_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unconfirmed_list.setTabKeyNavigation(False)
        self.unconfirmed_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unconfirmed_list.setAccessibleName(self.tr("まだ確認できていない人の一覧"))
        self.unconfirmed_list.setToolTip(self.tr("ダブルクリックか Enter で、一覧のこの人を選びます"))
        side.addWidget(self.unconfirmed_list, 2)
        self.side = QWidget()
        self.side.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        self.side_width = int(sum(side_em * w + 6 for w in widths) + self.totals_table.verticalScrollBar().sizeHint().width()
                              + 6)
        self.side.setFixedWidth(self.side_width)
        body.addWidget(self.side)
        layout.addLayout(body, 1)

        self.back_btn.clicked.connect(self.back.emit)
        self.reload_btn.clicked.connect(lambda: self.reload())
        self.end_btn.clicked.connect(self.end_check)
        self.block.currentIndexChanged.connect(self._block_changed)
        self.find.textChanged.connect(self._find)
        self.find.returnPressed.connect(self.table.setFocus)
        self.unconfirmed_list.activated.connect(self._unconfirmed_activated)
        self.unconfirmed_list.doubleClicked.connect(self._unconfirmed_activated)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """On a narrow window (large text) the side panel gives way, to a third of the width."""
        super().resizeEvent(event)
        width = max(min(self.side_width, self.width() // 3), self.fontMetrics().horizontalAdvance("あ") * 14)  # notr (measures one character)
        if width != self.side.width():
            self.side.setFixedWidth(width)

    def _key_button(self, key: str, text: str, status: str | None) -> QPushButton:
        b = QPushButton(f"{key}  {text}")
        _scaled(b, 1.15, bold=True)
        b.setMinimumHeight(MIN_BUTTON_HEIGHT)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table keeps the focus (and the keys)
        b.setAccessibleName(self.tr("{0}（キー {1}）").format(text, key))
        b.setToolTip(self.tr("選んだ人を「{0}」にします（キー {1}）").format(text, key))
        b.setStyleSheet("QPushButton { padding: 2px 10px; }")
        if status is not None:
            b.clicked.connect(lambda _c=False, s=status: self.enter_status(s) if s else self.clear_result())
        return b

    # -- loading -----------------------------------------------------------------------------------

    def open_check(self, check_id: int) -> None:
        self.check = None
        self.find.clear()
        self.block.blockSignals(True)
        self.block.clear()
        self.block.blockSignals(False)
        self.reload(check_id)
        if self.unconfirmed.positions:  # go on where the check was left: the first not yet confirmed
            row = self.model.row_of_position(self.unconfirmed.positions[0])
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))
        self._prompt()
        self.table.setFocus()

    def reload(self, check_id: int | None = None) -> None:
        """Read the check again (keeping the 班 chosen and the person selected)."""
        if check_id is None:
            if self.check is None:
                return
            check_id = self.check.id
        keep_block = self.block.currentData() if self.block.currentIndex() > 0 else ALL_BLOCKS
        keep_person = self.current_person().person_id if self.current_person() is not None else None
        data: _CheckData = self.worker.call(_load_check, check_id)
        self.check = data.check
        self.can_write = data.can_write
        self._folded = None
        people = data.people
        blocks: dict[int | None, str] = {}
        for p in people:
            blocks.setdefault(p.block_id, p.block or self.tr("（班なし）"))
        self.block.blockSignals(True)
        try:
            self.block.clear()
            self.block.addItem(self.tr("すべての班"), ALL_BLOCKS)
            for block_id, name in blocks.items():
                self.block.addItem(name, block_id)
            self.block.setCurrentIndex(max(0, self.block.findData(keep_block)))
        finally:
            self.block.blockSignals(False)
        self.model.set_people(people, self._visible_positions(people), data.check.started_at[:10])
        self.totals.load(people)
        self._fill_unconfirmed()
        self._show_header()
        self._update_summary()
        row = 0
        if keep_person is not None:
            row = next((n for n in range(self.model.rowCount()) if self.model.person(n).person_id == keep_person), 0)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._mark_totals_block()

    def _visible_positions(self, people: list[sf.CheckPerson]) -> list[int]:
        if self.block.currentIndex() <= 0:
            return list(range(len(people)))
        chosen = self.block.currentData()
        return [n for n, p in enumerate(people) if p.block_id == chosen]

    def _fill_unconfirmed(self) -> None:
        people = self.model.people
        self.unconfirmed.set_positions(people, [pos for pos in self.model.visible if not people[pos].status])
        self._update_unconfirmed_caption()

    def _show_header(self) -> None:
        c = self.check
        assert c is not None
        disaster = c.kind == "災害"  # notr (a stored value)
        self.kind_badge.setText(f" {tr(c.kind)} ")
        self.kind_badge.setStyleSheet(
            "color: white; background: #b3261e; border-radius: 4px; padding: 2px 6px;" if disaster
            else "color: white; background: #1f4e8c; border-radius: 4px; padding: 2px 6px;")
        self.kind_badge.setAccessibleName(self.tr("種類: {0}").format(tr(c.kind)))
        self.title.set_full_text(self.tr("{0}　{1}〜").format(c.title, when_text(c.started_at))
                                 + (self.tr("（終了）") if c.ended_at else ""))
        writable = self.can_write and not c.ended_at
        for b in (*self.key_buttons.values(), *self.where_buttons.values()):
            b.setEnabled(writable)
        self.end_btn.setVisible(self.can_write and not c.ended_at)
        if c.ended_at:
            self.hint.setText(self.tr("この安否確認は{0}に終わっています。記録を見るだけです。").format(when_text(c.ended_at)))
        elif not self.can_write:
            self.hint.setText(self.tr("閲覧のみ: 安否を記録する権限がありません（役員・班長が記録できます）。"))
        else:
            self.hint.setText(self.tr("所在は H 自宅・S 避難所・K 親族宅。間違えたときは 0 か Delete で「未確認」に戻します。")
                              + ("\n" + tr(DISASTER_NOTE) if disaster else ""))

    def _update_summary(self) -> None:
        whole = self.totals.rows[0] if self.totals.rows else sf.BlockTotal(None, self.tr("合計"))
        self.summary.setText(self.tr("確認済み {0:,} / {1:,}人").format(whole.confirmed, whole.persons))
        self.summary.setToolTip(self.tr("・").join(self.tr("{0}{1} {2:,}人").format(MARKS[s], tr(s), whole.counts[s])
                                                  for s in schema.SAFETY_STATUSES)
                                + self.tr("・未確認 {0:,}人").format(whole.unconfirmed))

    def _update_unconfirmed_caption(self) -> None:
        n = self.unconfirmed.rowCount()
        which = self.block.currentText() if self.block.currentIndex() > 0 else ""
        self.unconfirmed_caption.setText(
            self.tr("<b>まだ確認できていない人{0}: {1:,}人</b>").format(self.tr("（{0}）").format(which) if which else "", n)
            if n else self.tr("<b>✓ {0}の確認が済みました</b>").format(which or self.tr("全員")))

    def _mark_totals_block(self) -> None:
        chosen = self.block.currentData()
        if self.block.currentIndex() <= 0:
            self.totals_table.clearSelection()
            return
        n = self.totals.row_of_block(chosen)
        if n >= 0:
            self.totals_table.selectRow(n)
            self.totals_table.scrollTo(self.totals.index(n, 0))

    def _block_changed(self, _index: int) -> None:
        self.model.set_visible(self._visible_positions(self.model.people))
        self._fill_unconfirmed()
        self._mark_totals_block()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._prompt()

    # -- finding people ----------------------------------------------------------------------------

    def _find(self, text: str) -> None:
        query = search_fold(text)
        if not query:
            return
        if self._folded is None:
            self._folded = [search_fold(p.name + p.kana) for p in self.model.people]
        for row, pos in enumerate(self.model.visible):
            if query in self._folded[pos]:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self._prompt()
                return
        self.say(self.tr("「{0}」に当たる人は、この一覧にいません。").format(text), error=True)

    def select_person(self, person_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.person(row).person_id == person_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def _unconfirmed_activated(self, index: QModelIndex) -> None:
        pos = index.data(Qt.ItemDataRole.UserRole)
        row = self.model.row_of_position(pos) if pos is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.setFocus()

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() and 0 <= index.row() < self.model.rowCount() else None

    def current_person(self) -> sf.CheckPerson | None:
        row = self.current_row()
        return self.model.person(row) if row is not None else None

    # -- entering results --------------------------------------------------------------------------

    def _prompt(self) -> None:
        self.say(tr(PROMPT) if self.can_write and self.check is not None and not self.check.ended_at else "", plain=True)

    def say(self, text: str, *, error: bool = False, plain: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("" if plain else f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")

    def key_pressed(self, event: QKeyEvent) -> bool:
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        key = event.key()
        if key in STATUS_KEYS:
            self.enter_status(STATUS_KEYS[key])
        elif key in CLEAR_KEYS:
            self.clear_result()
        elif key in WHERE_KEYS:
            self.enter_whereabouts(WHERE_KEYS[key])
        else:
            return False
        return True

    def _writable_row(self) -> int | None:
        """The selected row if results may be entered now (else says why)."""
        if self.check is None:
            return None
        if self.check.ended_at:
            self.say(self.tr("この安否確認は終わっています。記録を見るだけです。"), error=True)
            return None
        if not self.can_write:
            self.say(self.tr("閲覧のみ: 安否を記録する権限がありません。"), error=True)
            return None
        row = self.current_row()
        if row is None:
            self.say(self.tr("一覧から人を選んでください。"), error=True)
        return row

    def _advance(self, row: int) -> None:
        if row + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row + 1, max(0, self.table.currentIndex().column())))

    def _changed(self, pos: int, old: str) -> None:
        p = self.model.people[pos]
        self.model.person_changed(pos)
        if old != p.status:
            self.totals.change(p.block_id, old, p.status)
            if p.status and not old:
                self.unconfirmed.remove_position(pos)
            elif old and not p.status:
                self.unconfirmed.insert_position(pos)
            self._update_unconfirmed_caption()
            self._update_summary()

    def enter_status(self, status: str) -> bool:
        """Record ``status`` for the selected person and move on to the next (True if recorded)."""
        row = self._writable_row()
        if row is None:
            return False
        assert self.check is not None
        pos = self.model.position(row)
        p = self.model.people[pos]
        where = self.model.pending.get(pos, p.whereabouts)
        try:
            at, by = self.worker.call(_record, self.check.id, p.person_id, status, where, p.building_damage, p.needs,
                                      p.notes)
        except ERRORS as exc:
            self.say("⚠ " + str(exc), error=True)
            return False
        self.model.pending.pop(pos, None)
        old = p.status
        p.status, p.whereabouts, p.checked_at, p.checked_by = status, where, at, by
        self._changed(pos, old)
        self.say(self.tr("✓ {0}さん: {1}").format(p.name, _status_text(status))
                 + (self.tr("（{0}）").format(tr(where)) if where else ""))
        self._advance(row)
        return True

    def clear_result(self) -> bool:
        """Back to 未確認 (entered by mistake), and on to the next person."""
        row = self._writable_row()
        if row is None:
            return False
        assert self.check is not None
        pos = self.model.position(row)
        p = self.model.people[pos]
        had_pending = self.model.pending.pop(pos, None) is not None
        if p.status:
            try:
                self.worker.call(sf.clear_result, self.check.id, p.person_id)
            except ERRORS as exc:
                self.say("⚠ " + str(exc), error=True)
                return False
            old = p.status
            p.status = p.whereabouts = p.checked_at = p.checked_by = ""
            p.building_damage = p.needs = p.notes = ""
            self._changed(pos, old)
            self.say(self.tr("{0}さんを「未確認」に戻しました。").format(p.name))
        elif had_pending:
            self.model.person_changed(pos)
            self.say(self.tr("{0}さんの所在の入力を取り消しました。").format(p.name))
        else:
            self.say(self.tr("{0}さんはまだ確認していません。").format(p.name))
        self._advance(row)
        return True

    def enter_whereabouts(self, where: str) -> bool:
        """所在 of the selected person: recorded with their result, or kept until the result is
        entered (the selection stays, so the result key comes next)."""
        row = self._writable_row()
        if row is None:
            return False
        assert self.check is not None
        pos = self.model.position(row)
        p = self.model.people[pos]
        if not p.status:
            self.model.pending[pos] = where
            self.model.person_changed(pos)
            self.say(self.tr("{0}さん: 所在「{1}」。続けて安否（1〜4）を押すと一緒に記録します。").format(p.name, tr(where)))
            return True
        try:
            at, by = self.worker.call(_record, self.check.id, p.person_id, p.status, where, p.building_damage, p.needs,
                                      p.notes)
        except ERRORS as exc:
            self.say("⚠ " + str(exc), error=True)
            return False
        p.whereabouts, p.checked_at, p.checked_by = where, at, by
        self._changed(pos, p.status)
        self.say(self.tr("✓ {0}さん: 所在「{1}」").format(p.name, tr(where)))
        return True

    def end_check(self) -> None:
        if self.check is None or self.check.ended_at or not self.can_write:
            return
        whole = self.totals.rows[0]
        left = self.tr("\nまだ確認できていない人が{0:,}人います。").format(whole.unconfirmed) if whole.unconfirmed else ""
        if not dialogs.confirm(self, self.tr("安否確認を終える"), self.tr("「{0}」を終えますか？{1}\n"
                               "終えると、結果は変えられなくなります。").format(self.check.title, left),
                               yes=self.tr("終える"), no=self.tr("続ける")):
            return
        try:
            self.worker.call(sf.end_check, self.check.id)
        except ERRORS as exc:
            self.say("⚠ " + str(exc), error=True)
            return
        self.ended.emit(self.tr("✓ 安否確認「{0}」を終えました（確認済み {1:,} / {2:,}人）。").format(
            self.check.title, whole.confirmed, whole.persons))


# -- starting a check ----------------------------------------------------------------------------------


class StartCheckDialog(_Dialog):
    """「安否確認を始める」: 訓練 or 災害 (chosen on purpose, no default), the date and time, a name."""

    def __init__(self, worker: DbWorker, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.check_id: int | None = None
        self.setWindowTitle(self.tr("安否確認を始める"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("安否確認を始める"), 1.3))
        kind_box = QHBoxLayout()
        self.kinds = QButtonGroup(self)
        self.drill = QRadioButton(self.tr("訓練（防災訓練）"))
        self.disaster = QRadioButton(self.tr("災害（実際の災害）"))
        for n, b in enumerate((self.drill, self.disaster)):
            _scaled(b, 1.2, bold=True)
            b.setMinimumHeight(MIN_BUTTON_HEIGHT)
            self.kinds.addButton(b, n)
            kind_box.addWidget(b)
        kind_box.addStretch(1)
        kind_frame = QFrame()
        kind_frame.setLayout(kind_box)
        self.kind_row = FieldRow(kind_frame)
        self.kind_note = QLabel(self.tr("どちらかを選んでください。"))
        self.kind_note.setWordWrap(True)
        self.day = WarekiDateEdit(label=self.tr("開始日"), today=now.date(), show_age=False)
        self.day.setValue(now.date().isoformat())
        self.time = QLineEdit(f"{now.hour}:{now.minute:02d}")
        self.time.setAccessibleName(self.tr("開始時刻"))
        self.time.setPlaceholderText(self.tr("例: 9:00、午後2時"))
        self.time.setMaximumWidth(self.fontMetrics().horizontalAdvance("午後12時30分") + 40)  # notr (the widest time typed)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("名前"))
        self.name.setPlaceholderText(self.tr("空欄なら「日付 防災訓練の安否確認」など"))
        self.rows = {"kind": self.kind_row, "day": FieldRow(self.day, mark=self.day.edit),
                     "time": FieldRow(self.time), "title": FieldRow(self.name)}
        form = QFormLayout()
        form.addRow(self.tr("種類"), self.kind_row.container)
        form.addRow("", self.kind_note)
        form.addRow(self.tr("開始日"), self.rows["day"].container)
        form.addRow(self.tr("開始時刻"), self.rows["time"].container)
        form.addRow(self.tr("名前"), self.rows["title"].container)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_btn = _button(self.tr("始める"))
        self.cancel_btn = _button(self.tr("やめる"))
        buttons.addWidget(self.start_btn)
        buttons.addWidget(self.cancel_btn)
        layout.addLayout(buttons)
        self.kinds.idClicked.connect(self._kind_chosen)
        self.start_btn.clicked.connect(self.start)
        self.cancel_btn.clicked.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 44)  # notr (measures one character)
        self.adjustSize()
        self.drill.setFocus()

    def kind(self) -> str | None:
        return {0: QT_TRANSLATE_NOOP("", "訓練"), 1: QT_TRANSLATE_NOOP("", "災害")}.get(self.kinds.checkedId())  # stored values, marked for tr(kind)

    def choose(self, kind: str) -> None:
        (self.disaster if kind == "災害" else self.drill).setChecked(True)  # notr
        self._kind_chosen(self.kinds.checkedId())

    def _kind_chosen(self, _id: int) -> None:
        self.kind_row.clear()
        self.kind_note.setText(tr(DISASTER_NOTE) if self.kind() == "災害" else tr(DRILL_NOTE))  # notr (a stored value)
        self.kind_note.setStyleSheet("font-weight: bold;" if self.kind() == "災害" else "")  # notr
        self.adjustSize()  # the note may be longer now

    def start(self) -> None:
        for row in self.rows.values():
            row.clear()
        self.message.setVisible(False)
        kind = self.kind()
        if kind is None:
            self.kind_row.set_error(self.tr("「訓練」か「災害」を選んでください。"))
            return
        day = self.day.value()
        if day is None or self.day.error():
            self.rows["day"].set_error(self.day.error() or self.tr("開始日を入力してください。"))
            self.day.setFocus()
            return
        time = parse_time(self.time.text())
        if not time:
            self.rows["time"].set_error(self.tr("時刻として読めません（例: 9:00、午後2時）。"))
            self.time.setFocus()
            return
        try:
            self.check_id = self.worker.call(sf.start_check, kind, self.name.text(), f"{day}T{time}")
        except ValidationError as exc:
            row = {"名前": "title", "開始日時": "day"}.get(exc.label)  # notr (the model's labels)
            if row:
                self.rows[row].set_error(exc.message)
            else:
                self.message.setText("⚠ " + str(exc))
                self.message.setVisible(True)
            return
        except RegisterError as exc:
            self.message.setText("⚠ " + str(exc))
            self.message.setVisible(True)
            return
        self.accept()


# -- the 安否確認 tab -------------------------------------------------------------------------------------


class SafetyTab(QWidget):
    """The list of checks (with how long it took to account for everyone) and the check screen."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.can_write = False
        self.records: list[sf.DrillRecord] = []
        self.start_dialog: StartCheckDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        self.list_screen = QWidget()
        lv = QVBoxLayout(self.list_screen)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(_heading(self.tr("安否確認の記録"), 1.25))
        top.addStretch(1)
        self.start_btn = _button(self.tr("安否確認を始める…"), self.tr("訓練か災害の安否確認を始めます"), height=52)
        _scaled(self.start_btn, 1.2, bold=True)
        top.addWidget(self.start_btn)
        lv.addLayout(top)
        intro = QLabel(self.tr("訓練や災害のときに、一人ずつ無事かどうかを記録します。班ごとの集計と、まだ確認できていない人が"
                       "すぐに分かります。下の一覧から選んで「開く」を押すと、結果を見たり続きを入力したりできます。"))
        intro.setWordWrap(True)
        lv.addWidget(intro)
        self.ended: dict[int, str | None] = {}
        self.model = RowsModel((self.tr("種類"), self.tr("名前"), self.tr("開始"), self.tr("確認済み"), self.tr("全員の確認まで"),
                                self.tr("状態")), self._cells, self,
                               numeric=(3, 4), muted=lambda r: self.ended.get(r.id) is not None)
        self.table = make_table(self.model, (3, 0, 13.5, 7, 7.5, 4), stretch=1, name=self.tr("安否確認の一覧"))
        lv.addWidget(self.table, 1)
        self.read_only_note = QLabel(self.tr("閲覧のみ: 安否確認を始めたり記録したりする権限がありません（役員・班長が記録できます）。"))
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)
        lv.addWidget(self.read_only_note)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.open_btn = _button(self.tr("開く"), self.tr("選んだ安否確認の結果を見る・続きを入力する（ダブルクリックでも開きます）"))
        row.addWidget(self.open_btn)
        lv.addLayout(row)
        self.message = _message_label()
        lv.addWidget(self.message)

        self.screen = CheckScreen(worker)
        self.stack.addWidget(self.list_screen)
        self.stack.addWidget(self.screen)

        self.start_btn.clicked.connect(self.start_new)
        self.open_btn.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.screen.back.connect(self.show_list)
        self.screen.ended.connect(self._check_ended)

    def _cells(self, r: sf.DrillRecord) -> tuple[str, ...]:
        state = self.tr("終了") if self.ended.get(r.id) else self.tr("実施中")
        return (tr(r.kind), r.title, when_text(r.started_at), self.tr("{0:,} / {1:,}人").format(r.confirmed, r.persons),
                _minutes_text(r.minutes_to_all), state)

    # -- list ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.screen and self.screen.check is not None:
            self.screen.reload()
        else:
            self.load_list()

    def load_list(self, keep_id: int | None = None) -> None:
        data: _CheckList = self.worker.call(_load_list)
        self.can_write = data.can_write
        self.ended = data.ended
        self.records = data.records
        self.model.set_rows(data.records)
        n = next((i for i, r in enumerate(data.records) if r.id == keep_id), 0) if keep_id is not None else 0
        if data.records:  # the newest first
            self.table.selectRow(n)
        running = sum(1 for r in data.records if not data.ended.get(r.id))
        self.count_label.setText(self.tr("{0}件（実施中 {1}件）").format(len(data.records), running) if data.records
                                 else self.tr("まだ安否確認の記録はありません。"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.start_btn.setEnabled(self.can_write)
        self.open_btn.setEnabled(self.selected_id() is not None)
        self.read_only_note.setVisible(not self.can_write)

    def selected_id(self) -> int | None:
        sel = self.table.selectionModel()
        rows = sel.selectedRows() if sel is not None else []
        return self.model.row_at(rows[0].row()).id if rows else None

    def show_list(self, message: str = "") -> None:
        self.stack.setCurrentWidget(self.list_screen)
        keep = self.screen.check.id if self.screen.check is not None else None
        self.screen.check = None
        self.load_list(keep_id=keep)
        _say(self.message, message)
        self.table.setFocus()

    def _check_ended(self, message: str) -> None:
        self.show_list(message)

    def open_selected(self) -> None:
        check_id = self.selected_id()
        if check_id is not None:
            self.open_check(check_id)

    def open_check(self, check_id: int) -> None:
        try:
            self.screen.open_check(check_id)
        except RegisterError as exc:
            _say(self.message, "⚠ " + str(exc), error=True)
            return
        self.stack.setCurrentWidget(self.screen)
        self.screen.table.setFocus()

    # -- starting ----------------------------------------------------------------------------------

    def start_new(self) -> None:
        if not self.can_write:
            return
        if self.start_dialog is not None:
            self.start_dialog.raise_()
            return
        now = self.worker.call(lambda reg: reg.clock())
        dlg = StartCheckDialog(self.worker, now, self)
        self.start_dialog = dlg
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.finished.connect(lambda _r: self._start_closed(dlg))
        dlg.open()

    def _start_closed(self, dlg: StartCheckDialog) -> None:
        if self.start_dialog is dlg:
            self.start_dialog = None
        dlg.deleteLater()
        if dlg.check_id is not None:
            self.open_check(dlg.check_id)
        else:
            self.load_list()

    def start_safety_mode(self) -> None:
        """The latest check still running on the check screen, or the start dialog if none."""
        check_id, can_write = self.worker.call(_latest_open)
        self.can_write = can_write
        if check_id is not None:
            self.open_check(check_id)
            return
        self.show_list()
        if can_write:
            self.start_new()
        else:
            _say(self.message, self.tr("実施中の安否確認はありません。"), error=True)


# -- the 連絡網 tab ----------------------------------------------------------------------------------


@dataclass
class _TreeRow:
    number: int
    household_id: int
    name: str
    level: int
    phone: str
    alt_phone: str
    caller: str
    next: str
    consented: bool
    root: bool


def _tree_rows(tree: ct.BlockTree, chair: tuple[str, str]) -> list[_TreeRow]:
    """The tree in calling order. Indented where it branches: a chain of calls stays in line; a
    household that calls more than one starts an indented branch for each."""
    entries = tree.entries
    root = tree.order[0] if tree.order else None
    level: dict[int, int] = {}
    caller: dict[int, int] = {}
    for h in tree.order:
        level.setdefault(h, 0 if h == root else 1)
        kids = [c for c in entries[h].calls if c in entries]
        for c in kids:
            if c in level:
                continue
            caller[c] = h
            level[c] = level[h] + 1 if h == root or len(kids) > 1 else level[h]
    chair_name = (tr("会長（{0}）").format(chair[0])
                  if chair[0] and chair[0] != "会長"  # notr (the chair's name may be just the title)
                  else tr("会長"))

    rows = []
    for n, h in enumerate(tree.order, start=1):
        e = entries[h]
        calls = [entries[c].name for c in e.calls if c in entries]
        nxt = "、".join(calls) if calls else tr("→ {0}へ折り返し報告").format(chair_name)
        rows.append(_TreeRow(n, h, e.name, level.get(h, 0), e.phone, e.alt_phone,
                             entries[caller[h]].name if h in caller else (tr("（起点）") if h == root else tr("（つながっていません）")),
                             nxt, e.consented, h == root))
    return rows


@dataclass(frozen=True)
class _TreeData:
    tree: ct.BlockTree
    chair: tuple[str, str]
    can_write: bool


def _load_tree(reg: Any, block_id: int) -> _TreeData:
    return _TreeData(ct.block_tree(reg, block_id), ct.chairperson(reg), _can_write(reg))


class PhoneTreeTab(QWidget):
    """One 班's 連絡網 at a time: who calls whom, with only the numbers of those who agreed."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "順"), QT_TRANSLATE_NOOP("", "電話をかける人（世帯主）"), QT_TRANSLATE_NOOP("", "電話"), QT_TRANSLATE_NOOP("", "別の電話"),
               QT_TRANSLATE_NOOP("", "電話をくれる人"), QT_TRANSLATE_NOOP("", "次に電話する相手"))

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.data: _TreeData | None = None
        self.order_dialog: PhoneOrderDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        caption = QLabel(self.tr("班:"))
        _scaled(caption, 1.15, bold=True)
        self.block = QComboBox()
        _scaled(self.block, 1.15)
        self.block.setAccessibleName(self.tr("班を選ぶ"))
        self.block.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.block)
        bar.addWidget(caption)
        bar.addWidget(self.block)
        self.kind_label = QLabel()
        bar.addWidget(self.kind_label, 1)
        self.edit_btn = _button(self.tr("順番を変える…"), self.tr("この班だけの電話の順番（だれがだれに電話するか）を決めます"))
        self.reset_btn = _button(self.tr("回覧順に戻す"), self.tr("独自の順番をやめて、班長から回覧順に電話を回します"))
        bar.addWidget(self.edit_btn)
        bar.addWidget(self.reset_btn)
        layout.addLayout(bar)
        self.leader = QLabel()
        _scaled(self.leader, 1.2, bold=True)
        self.leader.setWordWrap(True)
        layout.addWidget(self.leader)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet("QLabel#problems { background: #fff1c2; color: #000000; border: 1px solid #b58900;"
                                    " padding: 6px; font-weight: bold; }")
        self.problems.setAccessibleName(self.tr("連絡網の問題"))
        self.problems.setVisible(False)
        layout.addWidget(self.problems)
        self.model = RowsModel(tuple(map(tr, self.COLUMNS)), self._cells, self, numeric=(0,), muted=lambda r: not r.consented,
                               tooltip=self._tooltip)
        self.table = make_table(self.model, (2, 12, 7, 7, 9.5, 11), stretch=None, name=self.tr("連絡網"))
        _scaled(self.table, 1.1)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.fitter = _ColumnFitter(self.table, (2, None, 7, 7, 9.5, 11), least=12, pad=18)
        layout.addWidget(self.table, 1)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setObjectName("rule")
        self.rule.setStyleSheet("QLabel#rule { border: 2px solid #1f4e8c; padding: 8px; }")
        _scaled(self.rule, 1.15)
        self.rule.setAccessibleName(self.tr("連絡網の決まり"))
        layout.addWidget(self.rule)
        self.note = QLabel(self.tr("「（掲載の同意なし）」の世帯は、連絡網への掲載に同意していないため名前と電話を出していません。"
                           "その世帯はとばして次の方へ電話し、班長が直接連絡してください。"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.message = _message_label()
        layout.addWidget(self.message)
        self.block.currentIndexChanged.connect(lambda _i: self.load_tree())
        self.edit_btn.clicked.connect(self.edit_order)
        self.reset_btn.clicked.connect(self.reset_order)

    @staticmethod
    def _cells(r: _TreeRow) -> tuple[str, ...]:
        name = "　" * r.level + ("└ " if r.level else "") + r.name + (tr("（班長・起点）") if r.root else "")
        return (str(r.number), name, r.phone, r.alt_phone, r.caller, r.next)

    @staticmethod
    def _tooltip(r: _TreeRow, col: int) -> str | None:
        if not r.consented and col in (1, 2):
            return tr("連絡網への掲載に同意していない世帯です（名前と電話は出しません）。")
        if col == 5 and r.next.startswith("→"):
            return tr("この方が最後です。会長へ「全員に伝わった」と折り返し報告します。")
        return None

    def refresh(self) -> None:
        blocks = self.worker.call(hh.list_blocks)
        keep = self.block.currentData()
        self.block.blockSignals(True)
        try:
            self.block.clear()
            for b in blocks:
                self.block.addItem(b.name, b.id)
            self.block.setCurrentIndex(max(0, self.block.findData(keep)))
        finally:
            self.block.blockSignals(False)
        self.load_tree()

    def load_tree(self) -> None:
        block_id = self.block.currentData()
        if block_id is None:
            self.data = None
            self.model.set_rows([])
            self.leader.setText(self.tr("班がまだありません。名簿の画面で「班を追加」を押してください。"))
            self.problems.setVisible(False)
            self.rule.setText(ct.RULE)
            self._update_buttons()
            return
        try:
            data = self.data = self.worker.call(_load_tree, block_id)
        except RegisterError as exc:
            _say(self.message, "⚠ " + str(exc), error=True)
            return
        tree = data.tree
        self.model.set_rows(_tree_rows(tree, data.chair))
        if tree.leader_id is not None:
            self.leader.setText(self.tr("{0}の起点: 班長 {1}さん（{2}世帯）").format(tree.block, tree.leader, len(tree.entries)))
        else:
            self.leader.setText(self.tr("{0}（{1}世帯）: 班長が決まっていません").format(tree.block, len(tree.entries)))
        self.kind_label.setText(self.tr("　独自の順番") if tree.custom else self.tr("　班長から回覧順に電話を回します"))
        self.problems.setText("\n".join("⚠ " + p for p in tree.problems))
        self.problems.setVisible(bool(tree.problems))
        chair_name, chair_phone = data.chair
        self.rule.setText(self.tr("{0}\n折り返し報告先: {1}さん").format(ct.RULE, chair_name) + (f"　{chair_phone}" if chair_phone else ""))
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self.data
        writable = d is not None and d.can_write
        self.edit_btn.setVisible(d is None or d.can_write)
        self.reset_btn.setVisible(d is None or d.can_write)
        self.edit_btn.setEnabled(writable and d.tree.leader_id is not None and len(d.tree.entries) > 1)
        self.edit_btn.setToolTip(self.tr("この班だけの電話の順番（だれがだれに電話するか）を決めます") if d is None
                                 or d.tree.leader_id is not None else self.tr("班長が決まっていないため、独自の順番は作れません"))
        self.reset_btn.setEnabled(writable and d.tree.custom)

    def edit_order(self) -> None:
        d = self.data
        if d is None or not d.can_write or self.order_dialog is not None:
            return
        dlg = PhoneOrderDialog(self.worker, d.tree, self)
        self.order_dialog = dlg
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.finished.connect(lambda _r: self._order_closed(dlg))
        dlg.open()

    def _order_closed(self, dlg: PhoneOrderDialog) -> None:
        if self.order_dialog is dlg:
            self.order_dialog = None
        dlg.deleteLater()
        if dlg.saved:
            self.load_tree()
            _say(self.message, self.tr("✓ 連絡網の順番を保存しました。"))

    def reset_order(self) -> None:
        d = self.data
        if d is None or not d.can_write or not d.tree.custom:
            return
        if not dialogs.confirm(self, self.tr("回覧順に戻す"),
                               self.tr("{0}の独自の順番をやめて、班長から回覧順に電話を回しますか？").format(d.tree.block),
                               yes=self.tr("回覧順に戻す"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(ct.set_calling_order, d.tree.block_id, [])
        except RegisterError as exc:
            _say(self.message, "⚠ " + str(exc), error=True)
            return
        self.load_tree()
        _say(self.message, self.tr("✓ 回覧順に戻しました。"))


class PhoneOrderDialog(_Dialog):
    """A 班's own calling order: for each household, who calls it. Saved only if the model accepts
    it (a tree from the 班長 reaching everyone once); otherwise its message is shown."""

    def __init__(self, worker: DbWorker, tree: ct.BlockTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.tree = tree
        self.saved = False
        self.setWindowTitle(self.tr("連絡網の順番 — {0}").format(tree.block))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("{0}の電話の順番").format(tree.block), 1.3))
        intro = QLabel(self.tr("それぞれの世帯に「だれから電話が来るか」を選んでください。起点は班長の{0}さんです。"
                               "同じ方が何軒かに電話しても構いません（例: 両回り）。").format(tree.leader))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        number = {h: n for n, h in enumerate(tree.entries, start=1)}
        root = tree.leader_id

        def label(h: int) -> str:
            e = tree.entries[h]
            return f"{number[h]}. {e.name}" + (self.tr("（班長）") if h == root else "")

        parent_of = {c: h for h, e in tree.entries.items() for c in e.calls}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>世帯（回覧順）</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>だれから電話が来るか</b>")), 0, 1)
        self.combos: dict[int, QComboBox] = {}
        households = [h for h in tree.entries if h != root]
        for n, h in enumerate(households, start=1):
            name = QLabel(label(h))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("{0}に電話する人").format(label(h)))
            for caller in tree.entries:
                if caller != h:
                    combo.addItem(label(caller), caller)
            combo.setCurrentIndex(max(0, combo.findData(parent_of.get(h, root))))
            name.setBuddy(combo)
            grid.addWidget(name, n, 0)
            grid.addWidget(combo, n, 1)
            self.combos[h] = combo
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(households) + 1, 1)  # rows stay together at the top
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(scroll, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.message.setAccessibleName(self.tr("エラー"))
        self.message.setVisible(False)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_btn = _button(self.tr("この順番で保存"))
        self.cancel_btn = _button(self.tr("やめる"))
        buttons.addWidget(self.save_btn)
        buttons.addWidget(self.cancel_btn)
        layout.addLayout(buttons)
        self.save_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr (measures one character)
        self.resize(int(em * 44), self.fontMetrics().height() * min(30, 8 + 2 * len(households)))

    def calls(self) -> list[tuple[int, int]]:
        return [(combo.currentData(), h) for h, combo in self.combos.items()]

    def save(self) -> None:
        self.message.setVisible(False)
        try:
            self.worker.call(ct.set_calling_order, self.tree.block_id, self.calls())
        except RegisterError as exc:
            self.message.setText(self.tr("⚠ {0}\n（保存していません）").format(exc))
            self.message.setVisible(True)
            return
        self.saved = True
        self.accept()


# -- the page ----------------------------------------------------------------------------------------


class DisasterPage(QWidget):
    """防災・連絡網: 安否確認 and 連絡網 as tabs (other modules add theirs to ``tabs``)."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("防災・連絡網")))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("防災・連絡網の切り替え"))
        self.safety = SafetyTab(worker)
        self.phone_tree = PhoneTreeTab(worker)
        self.tabs.addTab(self.safety, self.tr("安否確認"))
        self.tabs.addTab(self.phone_tree, self.tr("連絡網"))
        from kyodo_desktop.ui import bousai_tab, support_tab

        self.support = support_tab.SupportTab(worker)
        self.bousai = bousai_tab.BousaiTab(worker)
        self.tabs.addTab(self.support, tr(support_tab.TITLE))
        self.tabs.addTab(self.bousai, tr(bousai_tab.TITLE))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Refresh the tab being shown."""
        refresh_shown(self.tabs.currentWidget())

    def start_safety_mode(self) -> None:
        """Straight to the check screen of the latest check still running (or start one)."""
        self.tabs.blockSignals(True)
        try:
            self.tabs.setCurrentWidget(self.safety)
        finally:
            self.tabs.blockSignals(False)
        self.safety.start_safety_mode()

