"""行事: the events of a 年度, the event editor and who took part — a thin layer over
:mod:`kyodo_desktop.models.activity`.

:class:`ActivityPage` is a tab widget (``tabs``) whose first tab, :class:`EventsTab`, lists the
events of one 年度 with filters; other tabs (担い手, 協力団体, 地域課題) are added by their own
modules. :class:`EventDialog` edits one event; its second tab, :class:`ParticipantsPanel`,
records who took part: people found in the register (named only with their consent to a
personal log — the model counts the others by age band and says so), people not on the
register by age band, and the totals.

All checking is the model's; its messages are shown at the fields and nothing is saved.
Changing anything needs ``activity.write``: without it (班長, 閲覧) everything is shown
read-only. Message boxes go through :mod:`kyodo_desktop.ui.dialogs` and :func:`ask_discard`
so that tests can replace them.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label
from kyodo_desktop.models.privacy import OutputRule
from kyodo_desktop.models.search import HouseholdIndex
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.household_editor import FieldRow
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit, wareki_text
from kyodo_desktop.ui.widgets import (
    button_row,
    dialog_open,
    heading,
    labelled,
    open_dialog,
    refresh_shown,
    scrolling,
)
from kyodo_desktop.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole
WRITE = "activity.write"
MIN_BUTTON_HEIGHT = 36
WEEKDAYS = "月火水木金土日"  # notr — indexed by the day; shown through _weekday()
GREY = "#5f5f5f"  # 中止, people who left: still 6:1 contrast on white
OK_COLOR = "#1b5e20"
LIVING = ("加入", "非加入")  # notr — register status values
GONE = ("転出", "退会", "死亡")  # notr — register status values
MAX_RESULTS = 30  # households shown for one search
SAVE_COUNTS_MS = 700  # the guest counts are saved this long after the last change
ALL = ""  # the 「すべて」 entry of a filter


# -- seams for tests --------------------------------------------------------------------------


def ask_discard(parent: QWidget | None) -> bool:
    """True if the officer agrees to throw away unsaved changes (replaced in tests)."""
    return dialogs.confirm(parent, tr("保存していない変更"), tr("行事の内容に保存していない変更があります。破棄して閉じますか？"),
                           yes=tr("破棄して閉じる"), no=tr("編集に戻る"))


# -- small helpers ----------------------------------------------------------------------------


def _button(text: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(MIN_BUTTON_HEIGHT)
    b.setAccessibleName(text.rstrip("…"))
    if tip:
        b.setToolTip(tip)
    return b


def _clock(hhmm: str) -> str:
    """「08:00」 → 「8:00」."""
    h, _, m = hhmm.partition(":")
    return f"{int(h)}:{m}" if h.isdigit() else hhmm


def _weekday(day: date) -> str:
    """「日」 for a Sunday (a translation gives the seven names from Monday, comma-separated)."""
    names = tr("月,火,水,木,金,土,日").split(",")
    return names[day.weekday()] if len(names) == 7 else WEEKDAYS[day.weekday()]


def when_text(starts_at: str, ends_at: str | None = None, *, with_end: bool = False) -> str:
    """「令和8年6月7日（日）8:00」 (and 「〜10:00」 with ``with_end``)."""
    try:
        day = date.fromisoformat(starts_at[:10])
    except ValueError:
        return starts_at
    text = tr("{date}（{weekday}）").format(date=wareki_text(day), weekday=_weekday(day))
    if len(starts_at) > 10:
        text += _clock(starts_at[11:16])
    if with_end and ends_at:
        if ends_at[:10] != starts_at[:10]:
            try:
                end_day = date.fromisoformat(ends_at[:10])
                text += tr("〜{date}（{weekday}）").format(date=wareki_text(end_day), weekday=_weekday(end_day))
            except ValueError:
                text += f"〜{ends_at}"
            if len(ends_at) > 10:
                text += _clock(ends_at[11:16])
        elif len(ends_at) > 10:
            text += f"〜{_clock(ends_at[11:16])}"
    return text


def yen(value: int | None) -> str:
    return "" if value is None else tr("{n}円").format(n=f"{value:,}")


def hours_text(value: float | None) -> str:
    if not value:
        return ""
    return tr("{n}時間").format(n=f"{value:g}")


_TIME = re.compile(r"^(午前|午後|AM|PM)?(\d{1,2})(?:(?:[:.]|時)(\d{1,2}|半)?分?)?(AM|PM)?$", re.IGNORECASE)  # notr


def parse_time(text: str) -> str | None:
    """「9:00」「9時」「午後2時半」「１３：３０」 → 「09:00」…; "" when empty; None when unreadable."""
    s = "".join(unicodedata.normalize("NFKC", text or "").split())
    if not s:
        return ""
    m = _TIME.match(s)
    if not m:
        return None
    h = int(m[2])
    minutes = 30 if m[3] == "半" else int(m[3] or 0)  # notr
    half = (m[1] or m[4] or "").upper()
    if half in ("午後", "PM") and h < 12:  # notr
        h += 12
    elif half in ("午前", "AM") and h == 12:  # notr
        h = 0
    if not (0 <= h <= 23 and 0 <= minutes <= 59):
        return None
    return f"{h:02d}:{minutes:02d}"


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


# -- the event list ---------------------------------------------------------------------------


class EventTableModel(QAbstractTableModel):
    """The events of the list, one per row (already filtered and ordered by the model)."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "日付"), QT_TRANSLATE_NOOP("", "行事名"), QT_TRANSLATE_NOOP("", "種類"),
               QT_TRANSLATE_NOOP("", "場所"), QT_TRANSLATE_NOOP("", "主催"), QT_TRANSLATE_NOOP("", "状態"),
               QT_TRANSLATE_NOOP("", "参加者"), QT_TRANSLATE_NOOP("", "担い手\n運営・講師"),
               QT_TRANSLATE_NOOP("", "実費"))
    NUMERIC = (6, 7, 8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[act.EventRow] = []
        self.organisers: dict[int, str] = {}  # event id → the partner that organised it

    def set_rows(self, rows: list[act.EventRow], organisers: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.organisers = dict(organisers or {})
        self.endResetModel()

    def row_of_id(self, event_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == event_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cell_text(self, row: int, col: int) -> str:
        r = self.rows[row]
        if col == 0:
            return when_text(r.starts_at)
        if col == 4:
            return self.organisers.get(r.id, r.organiser)
        if col == 6:
            return self.tr("{n}人").format(n=f"{r.participants:,}")
        if col == 7:
            return self.tr("{n}人").format(n=f"{r.helpers:,}") if r.helpers else ""
        if col == 8:
            return yen(r.actual_cost)
        return {1: r.title, 2: r.category, 3: r.place, 5: r.status}.get(col, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), col)
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "中止":  # notr
            return QColor(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return when_text(r.starts_at, r.ends_at, with_end=True)
            if col in (1, 2, 3):  # the whole text when the column is narrow
                return self.cell_text(index.row(), col) or None
            if col == 4 and r.id in self.organisers:
                return self.tr("主催: 協力団体「{name}」").format(name=self.organisers[r.id])
            if col == 6:
                return self.tr("当日参加した人（出席を記録していない人も含む）と、人数だけ記録した人の合計")
            if col == 7:
                return self.tr("役割が「運営」「講師」の人")
            if r.status == "中止":  # notr
                return self.tr("中止になった行事")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None


@dataclass(frozen=True)
class _ListMeta:
    """What the filter bar offers, read once per refresh."""

    categories: list[str]
    years: list[int]
    current_year: int
    start_month: int
    can_write: bool


def _load_meta(reg: Any) -> _ListMeta:
    start_month = int(hh.get_association(reg).get("fiscal_year_start_month") or 4)
    today = reg.today()
    current = fiscal_year(today, start_month)
    years = {current - 1, current, current + 1}
    for r in act.list_events(reg):
        try:
            years.add(fiscal_year(date.fromisoformat(r.starts_at[:10]), start_month))
        except ValueError:
            continue
    can = reg.session.can(WRITE) and not getattr(reg, "read_only", False)
    return _ListMeta(act.list_categories(reg, include_retired=True), sorted(years), current, start_month, can)


def _load_events(reg: Any, fy: int, category: str, status: str, text: str) -> tuple[list[act.EventRow], dict[int, str]]:
    rows = act.list_events(reg, fiscal_year=fy, category=category or None, status=status or None, text=text)
    organisers: dict[int, str] = {}
    partnered = [r.id for r in rows if r.organiser == "協力団体"]  # notr
    if partnered:
        names = {p.id: p.name for p in pt.list_partners(reg, include_retired=True)}
        for eid in partnered:
            pid = act.get_event(reg, eid).organiser_partner_id
            if pid in names:
                organisers[eid] = names[pid]
    return rows, organisers


class EventsTab(QWidget):
    """行事 of one 年度: filters, the list, and 新しい行事 / 開く / 来年度に写す / 削除."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.meta: _ListMeta | None = None
        self.can_write = False
        self.dialog: EventDialog | None = None
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.year = QComboBox()
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year.setAccessibleName(self.tr("年度"))
        self.year.setToolTip(self.tr("どの年度の行事を表示するか"))
        self.category = QComboBox()
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.setAccessibleName(self.tr("種類で絞り込み"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("状態で絞り込み"))
        self.status.addItem(self.tr("すべて"), ALL)
        for s in schema.EVENT_STATUSES:
            self.status.addItem(s, s)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("行事名・場所・内容で検索"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("行事の検索"))
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 12)  # notr
        # the three filters wrap under each other with large text (each label kept with its box)
        bar.addWidget(button_row(labelled(self.tr("年度:"), self.year), labelled(self.tr("種類:"), self.category),
                                 labelled(self.tr("状態:"), self.status), align_right=False))
        bar.addWidget(labelled(self.tr("検索:"), self.search), 1)
        layout.addLayout(bar)

        self.model = EventTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("行事の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)
        self._fit_columns()

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(self.tr("行事がありません"))
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty.setFont(font)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self.read_only_note = QLabel(self.tr("閲覧のみ: 行事を記録・変更する権限がありません（役員・管理者が記録できます）。"))
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)
        layout.addWidget(self.read_only_note)

        row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("件数"))
        row.addWidget(self.count_label)
        self.new_btn = _button(self.tr("新しい行事…"), self.tr("新しい行事を登録します（Ctrl+N）"))
        self.open_btn = _button(self.tr("開く…"), self.tr("選んだ行事の内容と参加者を見る・変える（ダブルクリックでも開きます）"))
        self.copy_btn = _button(self.tr("来年度に写す"),
                                self.tr("選んだ行事を1年後の同じ日に「予定」として写します（参加者は写しません）"))
        self.delete_btn = _button(self.tr("削除"),
                                  self.tr("間違えて登録した行事を削除します（参加の記録がある行事は削除できません）"))
        self.print_btn = _button(self.tr("受付名簿・出欠表…"), self.tr("選んだ行事の受付名簿や、班ごとの出欠表を印刷します"))
        self.rsvp_btn = _button(self.tr("出欠を取り込む…"),
                                self.tr("班長が記入した出欠表（Excel・CSV）を読み込んで、出欠を記録します"))
        row.addWidget(button_row(self.new_btn, self.open_btn, self.print_btn, self.rsvp_btn, self.copy_btn,
                                 self.delete_btn), 1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("お知らせ"))
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.year.currentIndexChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.new_btn.clicked.connect(self.new_event)
        self.open_btn.clicked.connect(self.open_selected)
        self.copy_btn.clicked.connect(self.copy_selected)
        self.delete_btn.clicked.connect(self.delete_selected)
        self.print_btn.clicked.connect(lambda: self.print_selected())
        self.rsvp_btn.clicked.connect(lambda: self.import_rsvp())
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_event)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    #: the widest usual content of each column; 行事名 (None) takes the rest
    COLUMN_SAMPLES = ("令和8年12月28日（日）10:00", None, "研修・講座", "公民館ホール", "泉野公民館", "実施", "1,000人",  # notr
                      "運営・講師", "100,000円")  # notr — samples measured for the widths, never shown
    SQUEEZABLE = (3, 4, 2)  # 場所, 主催, 種類 give way first when the window is narrow or the text large

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(obj, event)

    def _fit_columns(self) -> None:
        """行事名 gets the room left over; 場所・主催・種類 give way (to about four characters)
        until it has about fourteen, and it never has less than about nine."""
        fm = self.table.fontMetrics()
        em = fm.horizontalAdvance("あ")  # notr
        least_section = self.table.horizontalHeader().minimumSectionSize()
        widths = {col: max(least_section, fm.horizontalAdvance(sample) + 18)
                  for col, sample in enumerate(self.COLUMN_SAMPLES) if sample}
        title = self.table.viewport().width() - sum(widths.values())
        goal = em * 14 + 18
        for col in self.SQUEEZABLE:
            if title >= goal:
                break
            give = max(0, min(widths[col] - max(least_section, int(em * 4) + 18), goal - title))
            widths[col] -= give
            title += give
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        self.table.setColumnWidth(1, max(em * 9 + 18, title))

    # -- data ----------------------------------------------------------------------------------

    def refresh(self, keep_ids: list[int] | None = None) -> None:
        """Re-read the filter choices and the list (keeping the chosen 年度 and filters)."""
        if keep_ids is None:
            keep_ids = self.selected_ids()
        meta = self.meta = self.worker.call(_load_meta)
        self.can_write = meta.can_write
        year = self.year.currentData()
        category = self.category.currentData()
        for combo in (self.year, self.category):
            combo.blockSignals(True)
        try:
            self.year.clear()
            for fy in meta.years:
                self.year.addItem(fiscal_year_label(fy) + (self.tr("（今年度）") if fy == meta.current_year else ""), fy)
            self.year.setCurrentIndex(max(self.year.findData(year if year is not None else meta.current_year), 0))
            self.category.clear()
            self.category.addItem(self.tr("すべて"), ALL)
            for c in meta.categories:
                self.category.addItem(c, c)
            self.category.setCurrentIndex(max(self.category.findData(category if category is not None else ALL), 0))
        finally:
            for combo in (self.year, self.category):
                combo.blockSignals(False)
        self.reload(keep_ids=keep_ids)

    def show_year(self, fy: int) -> None:
        if self.meta is None:
            self.refresh()
        i = self.year.findData(fy)
        if i < 0:
            self.refresh()
            i = self.year.findData(fy)
        if i >= 0:
            self.year.setCurrentIndex(i)

    def filters_active(self) -> bool:
        return bool(self.category.currentData() or self.status.currentData() or self.search.text().strip())

    def reload(self, *_args: object, keep_ids: list[int] | None = None) -> None:
        """The list for the chosen 年度 and filters (a model reset)."""
        fy = self.year.currentData()
        if fy is None:
            return
        if keep_ids is None:
            keep_ids = self.selected_ids()
        try:
            rows, organisers = self.worker.call(_load_events, fy, self.category.currentData() or ALL,
                                                self.status.currentData() or ALL, self.search.text())
        except RegisterError as exc:
            self.show_message("⚠ " + str(exc), error=True)
            return
        self.model.set_rows(rows, organisers)
        label = fiscal_year_label(fy)
        if rows:
            self.stack.setCurrentWidget(self.table)
            total = sum(r.participants for r in rows)
            self.count_label.setText(self.tr("{label}: {n}件の行事・参加者 延べ{total}人").format(
                label=label, n=len(rows), total=f"{total:,}"))
        else:
            self.stack.setCurrentWidget(self.empty)
            self.count_label.setText(self.tr("{label}: 0件").format(label=label))
            if self.filters_active():
                self.empty.setText(self.tr("条件に合う行事はありません。\n検索の言葉や「種類」「状態」を変えてみてください。"))
            elif self.can_write:
                self.empty.setText(self.tr("{label}の行事はまだありません。\n下の「新しい行事…」を押すと登録できます。\n"
                                           "前の年度の行事を選んで「来年度に写す」を押すと、同じ行事をまとめて用意できます。"
                                           ).format(label=label))
            else:
                self.empty.setText(self.tr("{label}の行事はまだ記録されていません。").format(label=label))
        for eid in keep_ids:
            n = self.model.row_of_id(eid)
            if n >= 0:
                self.table.selectionModel().select(
                    self.model.index(n, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        sm = self.table.selectionModel()
        if sm is None:
            return []
        return [self.model.rows[i.row()].id for i in sorted(sm.selectedRows(), key=lambda i: i.row())
                if 0 <= i.row() < len(self.model.rows)]

    def select_id(self, event_id: int) -> None:
        n = self.model.row_of_id(event_id)
        if n >= 0:
            self.table.selectRow(n)
            self.table.scrollTo(self.model.index(n, 0))

    def _update_buttons(self) -> None:
        chosen = len(self.selected_ids())
        self.new_btn.setEnabled(self.can_write)
        self.open_btn.setEnabled(chosen == 1)
        self.copy_btn.setEnabled(self.can_write and chosen > 0)
        self.delete_btn.setEnabled(self.can_write and chosen > 0)
        can_output = self.meta is not None and self.worker.register is not None and self.worker.register.session.can("output")
        self.print_btn.setEnabled(chosen == 1 and can_output)
        self.rsvp_btn.setEnabled(chosen == 1 and self.can_write)
        self.read_only_note.setVisible(self.meta is not None and not self.can_write)
        self.copy_btn.setText(self.tr("来年度に写す（{n}件）").format(n=chosen) if chosen > 1 else self.tr("来年度に写す"))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
        self.message.setVisible(bool(text))

    # -- actions -------------------------------------------------------------------------------

    def new_event(self) -> None:
        if not self.can_write:
            return
        self._open_dialog(None)

    def print_selected(self, kind: str = "sign-in") -> None:
        """The print preview with this event's 受付名簿 (or 出欠表) chosen."""
        from kyodo_desktop.ui.print_preview import PrintPreview

        ids = self.selected_ids()
        if len(ids) != 1:
            self.show_message(self.tr("⚠ 一覧から行事を1つ選んでください。"), error=True)
            return
        preview = PrintPreview(self.worker, self, kind=kind, event_id=ids[0])
        self.preview = preview
        preview.exec()
        self.preview = None

    def import_rsvp(self, path: Path | None = None, *, confirm: Any = None) -> dict[str, int] | None:
        """Read a 班長's filled-in 出欠表 (Excel or CSV), show what was understood, and record the
        answers only if every row was; otherwise say which rows and change nothing."""
        from kyodo_desktop.models.rsvp_import import apply_rsvp_import, plan_rsvp_import

        ids = self.selected_ids()
        if len(ids) != 1:
            self.show_message(self.tr("⚠ 一覧から行事を1つ選んでください。"), error=True)
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("出欠表を選ぶ"), str(Path.home()),
                self.tr("Excel・CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;すべてのファイル (*)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            plan = self.worker.call(plan_rsvp_import, ids[0], path)
        except RegisterError as exc:
            self.show_message(f"⚠ {exc}", error=True)
            return None
        if not plan.ready:
            problems = plan.problems()
            shown = "\n".join(p.text() for p in problems[:8]) + (
                self.tr("\nほか{n}件").format(n=len(problems) - 8) if len(problems) > 8 else "")
            self.show_message(self.tr("⚠ 「{source}」は取り込めません（台帳は変わっていません）。\n{problems}").format(
                source=plan.source, problems=shown or self.tr("出欠が1つもありません。")), error=True)
            return None
        counts = plan.answers()
        yes, no, undecided = counts["出席"], counts["欠席"], counts["未定"]  # notr — the answers' keys
        text = (self.tr("行事「{event}」に、出席{yes}人・欠席{no}人・未定{undecided}人の出欠を記録します。").format(
                    event=plan.event, yes=yes, no=no, undecided=undecided)
                + (self.tr("\n参加の記録に同意のない{n}人の出欠は記録しません。").format(n=len(plan.not_logged))
                   if plan.not_logged else ""))
        ask = confirm or (lambda message: QMessageBox.question(self, self.tr("出欠の取り込み"), message)
                          == QMessageBox.StandardButton.Yes)
        if not ask(text):
            return None
        try:
            done = self.worker.call(apply_rsvp_import, plan)
        except RegisterError as exc:
            self.show_message(f"⚠ {exc}", error=True)
            return None
        self.refresh()
        yes, no, undecided = done["出席"], done["欠席"], done["未定"]  # notr — the answers' keys
        self.show_message(self.tr("出欠を記録しました: 出席{yes}人・欠席{no}人・未定{undecided}人").format(
            yes=yes, no=no, undecided=undecided))
        return done

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.show_message(self.tr("⚠ 一覧から行事を選んでください。"), error=True)
            return
        self._open_dialog(ids[0])

    def _open_dialog(self, event_id: int | None) -> None:
        if dialog_open(self):
            return
        default_day = None
        if event_id is None and self.meta is not None:
            fy = self.year.currentData()
            today = self.worker.call(lambda reg: reg.today())
            if fy is not None and fy != self.meta.current_year:
                default_day = date(fy, self.meta.start_month, 1)  # a day in the 年度 being looked at
            else:
                default_day = today
        try:
            dlg = EventDialog(self.worker, event_id, self, default_day=default_day)
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("行事"), str(exc))
            self.refresh()
            return
        self.show_message("")
        open_dialog(self, dlg, lambda _r: self._dialog_closed(dlg))

    def _dialog_closed(self, dlg: EventDialog) -> None:
        keep = dlg.event_id
        self.refresh(keep_ids=[keep] if keep is not None else [])
        if keep is not None and self.meta is not None:
            day = dlg.saved_day
            if day is not None:
                fy = fiscal_year(day, self.meta.start_month)
                if fy != self.year.currentData():
                    self.show_year(fy)
            self.select_id(keep)
        if dlg.saved_message:
            self.show_message(dlg.saved_message)
        self.table.setFocus()

    def copy_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.can_write:
            return
        try:
            made = self.worker.call(act.copy_to_next_year, ids)
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("来年度に写す"), str(exc) + self.tr("\n何も写していません。"))
            return
        skipped = len(ids) - len(made)
        fy = self.year.currentData()
        parts = []
        if made:
            parts.append(self.tr("✓ {n}件の行事を1年後の同じ日に「予定」として写しました"
                                 "（{year}で見られます）。").format(
                n=len(made), year=fiscal_year_label(fy + 1) if fy is not None else self.tr("来年度")))
        if skipped:
            parts.append(self.tr("{n}件はすでに来年度に写してあるため、写しませんでした。").format(n=skipped))
        self.refresh(keep_ids=ids)
        self.show_message("\n".join(parts), error=not made)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.can_write:
            return
        titles = [self.model.rows[self.model.row_of_id(i)].title for i in ids]
        what = (self.tr("「{title}」").format(title=titles[0]) if len(ids) == 1
                else self.tr("{n}件の行事（{titles}）").format(
                    n=len(ids), titles="、".join(titles[:3]) + ("…" if len(ids) > 3 else "")))
        if not dialogs.confirm(self, self.tr("行事の削除"),
                               self.tr("{what}を削除しますか？\n削除すると元に戻せません。").format(what=what),
                               yes=self.tr("削除する"), no=self.tr("やめる")):
            return
        deleted, refused = 0, []
        for eid in ids:
            try:
                self.worker.call(act.delete_event, eid)
            except RegisterError as exc:
                refused.append(str(exc))
            else:
                deleted += 1
        self.refresh(keep_ids=[])
        if refused:
            head = self.tr("{n}件を削除しました。\n\n").format(n=deleted) if deleted else ""
            dialogs.show_error(self, self.tr("削除できない行事があります"), head + "\n\n".join(refused))
        self.show_message(self.tr("✓ {n}件の行事を削除しました。").format(n=deleted) if deleted else "")


class ActivityPage(QWidget):
    """行事, 担い手, 協力団体 and 地域課題 as tabs."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("行事・地域の活動")))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("行事・地域の活動の切り替え"))
        self.events = EventsTab(worker)
        self.tabs.addTab(self.events, self.tr("行事"))
        from kyodo_desktop.ui.issues_tab import IssuesTab
        from kyodo_desktop.ui.partners_tab import PartnersTab
        from kyodo_desktop.ui.volunteers_tab import VolunteersTab

        self.volunteers = VolunteersTab(worker)
        self.partners = PartnersTab(worker)
        self.issues = IssuesTab(worker)
        self.tabs.addTab(self.volunteers, self.tr("担い手"))
        self.tabs.addTab(self.partners, self.tr("協力団体"))
        self.tabs.addTab(self.issues, self.tr("地域課題"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Refresh the tab being shown."""
        refresh_shown(self.tabs.currentWidget())


# -- the event editor -------------------------------------------------------------------------


def _time_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    for minutes in range(6 * 60, 22 * 60, 30):
        combo.addItem(f"{minutes // 60}:{minutes % 60:02d}")
    combo.setMaxVisibleItems(12)
    combo.lineEdit().setPlaceholderText(tr("例: 9:00"))
    combo.setAccessibleName(name)
    combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("午後12:00") + 50)  # notr — a width sample
    return combo


@dataclass(frozen=True)
class _EditorData:
    categories: list[str]
    partners: list[pt.PartnerRow]
    event: act.EventData | None
    today: date
    can_write: bool


def _load_editor(reg: Any, event_id: int | None) -> _EditorData:
    event = act.get_event(reg, event_id) if event_id is not None else None
    can = reg.session.can(WRITE) and not getattr(reg, "read_only", False)
    return _EditorData(act.list_categories(reg), pt.list_partners(reg, include_retired=True), event, reg.today(), can)


class EventDialog(_Dialog):
    """One event: its details (first tab) and who took part (second tab).

    The details are saved with 「保存して閉じる」; participants are recorded at once (each
    change is its own entry in the 変更履歴). ``event_id`` is set once the event is saved.
    """

    FIELD_ORDER = ("title", "category", "starts_at", "start_time", "ends_at", "place", "organiser", "status",
                   "planned_cost", "actual_cost", "partner_ids", "description", "outcome")

    def __init__(self, worker: DbWorker, event_id: int | None, parent: QWidget | None = None, *,
                 default_day: date | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        loaded: _EditorData = worker.call(_load_editor, event_id)
        self.can_write = loaded.can_write
        self.today = loaded.today
        self.event_id = event_id
        self.saved_day: date | None = None  # the date of the event as last saved here
        self.saved_message = ""
        data = loaded.event or act.EventData(title="", starts_at=(default_day or loaded.today).isoformat(),
                                             category="その他")  # notr — a category value
        self._data = data
        self.participants: ParticipantsPanel | None = None
        self._end_offset = 0  # days from the start to the end, kept for events that span days
        if data.ends_at:
            try:
                self._end_offset = (date.fromisoformat(data.ends_at[:10]) - date.fromisoformat(data.starts_at[:10])).days
            except ValueError:
                self._end_offset = 0

        self.heading = heading("", 1.3)
        self.read_only_note = QLabel(self.tr("閲覧のみです（行事を記録・変更する権限がありません）。"))
        self.read_only_note.setVisible(not self.can_write)

        # problems after a failed save
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"QLabel#summary {{ color: {ERROR_COLOR}; font-weight: bold; "
                                   f"border: 2px solid {ERROR_COLOR}; padding: 6px; }}")
        self.summary.setAccessibleName(self.tr("保存できなかった理由"))
        self.summary.setVisible(False)

        # -- the details --
        self.title_edit = QLineEdit(data.title)
        self.title_edit.setPlaceholderText(self.tr("例: 町内一斉清掃"))
        self.category = QComboBox()
        for c in loaded.categories:
            self.category.addItem(c, c)
        if self.category.findData(data.category) < 0:
            self.category.addItem(data.category, data.category)
        self.category.setCurrentIndex(self.category.findData(data.category))
        self.add_category_btn = _button(self.tr("種類を追加…"), self.tr("一覧にない種類（例: 新年会）を追加します"))
        self.start_date = WarekiDateEdit(label=self.tr("日付"), today=loaded.today, show_age=False)
        self.start_date.edit.setPlaceholderText(self.tr("例: R8.6.7、令和8年6月7日"))
        self.start_date.setValue(data.starts_at[:10])
        self.start_time = _time_combo(self.tr("開始時刻"))
        self.start_time.setCurrentText(_clock(data.starts_at[11:16]) if len(data.starts_at) > 10 else "")
        self.end_time = _time_combo(self.tr("終了時刻"))
        self.end_time.setCurrentText(_clock(data.ends_at[11:16]) if data.ends_at and len(data.ends_at) > 10 else "")
        self.end_note = QLabel()
        if self._end_offset and data.ends_at:
            with contextlib.suppress(ValueError):
                self.end_note.setText(self.tr("（終了日: {date}）").format(
                    date=wareki_text(date.fromisoformat(data.ends_at[:10]))))
        self.place = QLineEdit(data.place)
        self.place.setPlaceholderText(self.tr("例: 集会所"))
        self.organiser = QComboBox()
        for o in schema.EVENT_ORGANISERS:
            self.organiser.addItem(o, o)
        self.organiser.setCurrentIndex(max(self.organiser.findData(data.organiser), 0))
        self.organiser_partner = QComboBox()
        self.organiser_partner.setAccessibleName(self.tr("主催の協力団体"))
        active = [p for p in loaded.partners if p.retired_on is None or p.id == data.organiser_partner_id]
        if not active:
            self.organiser_partner.addItem(self.tr("（協力団体が登録されていません）"), None)
        else:
            self.organiser_partner.addItem(self.tr("（団体を選んでください）"), None)
        for p in active:
            self.organiser_partner.addItem(p.name + (self.tr("（休止）") if p.retired_on else ""), p.id)
        self.organiser_partner.setCurrentIndex(max(self.organiser_partner.findData(data.organiser_partner_id), 0))
        self.status = QComboBox()
        for s in schema.EVENT_STATUSES:
            self.status.addItem(s, s)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.planned_cost = QLineEdit("" if data.planned_cost is None else f"{data.planned_cost:,}")
        self.actual_cost = QLineEdit("" if data.actual_cost is None else f"{data.actual_cost:,}")
        for le in (self.planned_cost, self.actual_cost):
            le.setPlaceholderText(self.tr("例: 12,000"))
            le.setAlignment(Qt.AlignmentFlag.AlignRight)
            le.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14 + 30)
        self.partner_list = QListWidget()
        self.partner_list.setAccessibleName(self.tr("協力団体"))
        self.partner_list.setToolTip(self.tr("一緒に行った団体に印を付けてください（スペースキーでも付けられます）"))
        # the ones taking part first, so that they are seen without scrolling
        for p in sorted(loaded.partners, key=lambda p: p.id not in data.partner_ids):
            if p.retired_on is not None and p.id not in data.partner_ids:
                continue
            item = QListWidgetItem(p.name + (self.tr("（休止）") if p.retired_on else ""), self.partner_list)
            item.setToolTip(self.tr("{name}（{kind}）").format(name=p.name, kind=p.kind))
            item.setData(ID_ROLE, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in data.partner_ids else Qt.CheckState.Unchecked)
        self.no_partners = QLabel(self.tr("協力団体はまだ登録されていません（「協力団体」のタブで登録できます）。"))
        self.no_partners.setWordWrap(True)
        self.no_partners.setVisible(self.partner_list.count() == 0)
        self.partner_list.setVisible(self.partner_list.count() > 0)
        lines = self.fontMetrics().height()
        self.partner_list.setMaximumHeight(lines * 8 + 16)
        self.description = QPlainTextEdit(data.description)
        self.description.setPlaceholderText(self.tr("例: 町内の側溝と公園を清掃します。軍手・ごみ袋は町会で用意します。"))
        self.outcome = QPlainTextEdit(data.outcome)
        self.outcome.setPlaceholderText(self.tr("例: ごみ袋40袋。雨具の用意が次回の課題。"))
        for te in (self.description, self.outcome):
            te.setTabChangesFocus(True)
            te.setMinimumHeight(lines * 4 + 16)

        # Japanese, as the model's messages name the fields (see show_error); shown through tr()
        labels = {
            "title": QT_TRANSLATE_NOOP("", "行事名"), "category": QT_TRANSLATE_NOOP("", "種類"),
            "starts_at": QT_TRANSLATE_NOOP("", "日付"), "start_time": QT_TRANSLATE_NOOP("", "開始時刻"),
            "ends_at": QT_TRANSLATE_NOOP("", "終了時刻"), "place": QT_TRANSLATE_NOOP("", "場所"),
            "organiser": QT_TRANSLATE_NOOP("", "主催"), "status": QT_TRANSLATE_NOOP("", "状態"),
            "planned_cost": QT_TRANSLATE_NOOP("", "予算"), "actual_cost": QT_TRANSLATE_NOOP("", "実費"),
            "partner_ids": QT_TRANSLATE_NOOP("", "協力団体"), "description": QT_TRANSLATE_NOOP("", "内容"),
            "outcome": QT_TRANSLATE_NOOP("", "成果・反省"),
        }
        self.labels = labels
        widgets: dict[str, QWidget] = {
            "title": self.title_edit, "category": self.category, "starts_at": self.start_date,
            "start_time": self.start_time, "ends_at": self.end_time, "place": self.place,
            "organiser": self.organiser, "status": self.status, "planned_cost": self.planned_cost,
            "actual_cost": self.actual_cost, "partner_ids": self.partner_list, "description": self.description,
            "outcome": self.outcome,
        }
        yen_label = QLabel(self.tr("円"))
        yen_label2 = QLabel(self.tr("円"))
        extras: dict[str, list[QWidget]] = {
            "category": [self.add_category_btn],
            "start_time": [QLabel(self.tr("（空欄でも可）"))],
            "ends_at": [QLabel(self.tr("（空欄でも可）")), self.end_note],
            "organiser": [self.organiser_partner],
            "planned_cost": [yen_label],
            "actual_cost": [yen_label2],
            "partner_ids": [self.no_partners],
        }
        self.rows: dict[str, FieldRow] = {}
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for column in self.FIELD_ORDER:
            widget = widgets[column]
            mark = self.start_date.edit if widget is self.start_date else widget
            if widget is not self.start_date:
                widget.setAccessibleName(tr(labels[column]))
            row = FieldRow(widget, mark=mark, extra=extras.get(column))
            inner = row.container.layout().itemAt(0).layout()
            if inner is not None and column != "partner_ids":  # short inputs keep their size
                inner.setStretch(0, 0)
                inner.addStretch(1)
            self.rows[column] = row
            caption = QLabel(tr(labels[column]))
            caption.setBuddy(mark)
            (right if column in ("partner_ids", "description", "outcome") else left).addRow(caption, row.container)
        # these are saved as part of the start / end, but keep their own message line
        self.rows["organiser_partner_id"] = self.rows["organiser"]

        details = QWidget()
        grid = QHBoxLayout(details)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)

        # -- participants --
        self.participants_stack = QStackedWidget()
        waiting = QWidget()
        wl = QVBoxLayout(waiting)
        self.waiting_label = QLabel(self.tr("参加者は、行事を保存してから記録できます。"))
        self.waiting_label.setWordWrap(True)
        self.save_first_btn = _button(self.tr("行事を保存して、参加者の記録へ進む"))
        self.save_first_btn.clicked.connect(self.save_and_record_participants)
        wl.addWidget(self.waiting_label)
        wl.addWidget(self.save_first_btn, 0, Qt.AlignmentFlag.AlignLeft)
        wl.addStretch(1)
        self.participants_stack.addWidget(waiting)

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(details), self.tr("行事の内容"))
        self.tabs.addTab(self.participants_stack, self.tr("参加者"))
        self.tabs.setAccessibleName(self.tr("行事の内容と参加者の切り替え"))

        self.save_button = _button(self.tr("保存して閉じる"), self.tr("行事の内容を保存して閉じます"))
        self.close_button = _button(self.tr("閉じる"))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for combo in (self.category, self.start_time, self.end_time, self.organiser, self.organiser_partner,
                      self.status):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.organiser.currentIndexChanged.connect(self._organiser_changed)
        self.add_category_btn.clicked.connect(self.add_category)
        self._organiser_changed()
        if event_id is not None:
            self._show_participants()
        self._apply_permissions()
        self._update_titles()
        self._clean = self._state()
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        size = QSize(int(em * 72), lines * 40)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            size = size.boundedTo(screen.size() * 0.95)
        self.resize(size)
        self.title_edit.setFocus()

    # -- state ----------------------------------------------------------------------------------

    def _apply_permissions(self) -> None:
        ro = not self.can_write
        for le in (self.title_edit, self.place, self.planned_cost, self.actual_cost):
            le.setReadOnly(ro)
        for te in (self.description, self.outcome):
            te.setReadOnly(ro)
        for w in (self.category, self.add_category_btn, self.start_date, self.start_time, self.end_time,
                  self.organiser, self.organiser_partner, self.status, self.partner_list):
            w.setEnabled(not ro)
        self.save_button.setVisible(not ro)
        self.save_first_btn.setVisible(not ro)
        if ro and self.event_id is None:
            self.waiting_label.setText(self.tr("参加者はありません。"))
        if self.participants is not None:
            self.participants.set_writable(not ro)

    def _update_titles(self) -> None:
        title = self._data.title if self.event_id is not None else ""
        if self.event_id is None:
            text = self.tr("新しい行事")
        else:
            text = f"{title}　{when_text(self._data.starts_at, self._data.ends_at, with_end=True)}"
        self.setWindowTitle((self.tr("行事の登録") if self.event_id is None else self.tr("行事"))
                            + (f" — {title}" if title else ""))
        self.heading.setText(text)
        total = self.participants.total if self.participants is not None else None
        self.tabs.setTabText(1, self.tr("参加者") if total is None else self.tr("参加者（{n}人）").format(n=f"{total:,}"))
        if self.can_write:
            self.footer.setText(self.tr("参加者の記録は、変えるとすぐに保存されます。") if self.event_id is not None else "")

    def _organiser_changed(self, *_args: object) -> None:
        by_partner = self.organiser.currentData() == "協力団体"  # notr
        self.organiser_partner.setVisible(by_partner)

    def _checked_partners(self) -> list[int]:
        out = []
        for i in range(self.partner_list.count()):
            item = self.partner_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ID_ROLE)))
        return out

    def _state(self) -> tuple:
        return (self.title_edit.text(), self.category.currentData(), self.start_date.edit.text(),
                self.start_time.currentText(), self.end_time.currentText(), self.place.text(),
                self.organiser.currentData(), self.organiser_partner.currentData(), self.status.currentData(),
                self.planned_cost.text().replace(",", ""), self.actual_cost.text().replace(",", ""),
                tuple(self._checked_partners()), self.description.toPlainText(), self.outcome.toPlainText())

    def is_dirty(self) -> bool:
        return self.can_write and self._state() != self._clean

    def reject(self) -> None:
        if self.participants is not None:
            self.participants.flush()
        if self.is_dirty() and not ask_discard(self):
            return
        super().reject()

    # -- saving -----------------------------------------------------------------------------------

    def event_data(self) -> act.EventData:
        """The form as the model's dataclass. Raises :class:`ValidationError` for what only the
        form can tell (an empty date, a time that is not a time); the model checks the rest."""
        day = self.start_date.value()
        if day is None:
            raise ValidationError(QT_TRANSLATE_NOOP("", "日付"), self.tr("行事の日付を入力してください。"),
                                  field="starts_at")
        start_text, end_text = self.start_time.currentText(), self.end_time.currentText()
        start = parse_time(start_text)
        if start is None:
            raise ValidationError(QT_TRANSLATE_NOOP("", "開始時刻"),
                                  self.tr("時刻として読めません: 「{text}」（例: 9:00、13時30分、午後1時半）").format(
                                      text=start_text.strip()), field="start_time")
        end = parse_time(end_text)
        if end is None:
            raise ValidationError(QT_TRANSLATE_NOOP("", "終了時刻"),
                                  self.tr("時刻として読めません: 「{text}」（例: 11:00、15時）").format(
                                      text=end_text.strip()), field="ends_at")
        starts_at = day + (f"T{start}" if start else "")
        ends_at = None
        if end or self._end_offset:
            end_day = day  # when not a date, the model says so about the start
            with contextlib.suppress(ValueError):
                end_day = (date.fromisoformat(day) + timedelta(days=self._end_offset)).isoformat()
            ends_at = end_day + (f"T{end}" if end else "")
        organiser = self.organiser.currentData()
        return replace(
            self._data,
            title=self.title_edit.text(),
            starts_at=starts_at,
            ends_at=ends_at,
            category=self.category.currentData() or "",
            place=self.place.text(),
            organiser=organiser,
            organiser_partner_id=self.organiser_partner.currentData() if organiser == "協力団体" else None,  # notr
            partner_ids=self._checked_partners(),
            description=self.description.toPlainText(),
            planned_cost=self.planned_cost.text().strip() or None,
            actual_cost=self.actual_cost.text().strip() or None,
            status=self.status.currentData(),
            outcome=self.outcome.toPlainText(),
            id=self.event_id,
        )

    def _store(self) -> bool:
        """Save the details; on a refusal show why at the field and keep everything typed."""
        if not self.can_write:
            return False
        self.clear_errors()
        try:
            data = self.event_data()
            new_id = self.worker.call(act.save_event, data)
        except ValidationError as exc:
            self.show_error(exc)
            return False
        except RegisterError as exc:
            self.show_error(exc)
            return False
        created = self.event_id is None
        self.event_id = new_id
        self._data = self.worker.call(act.get_event, new_id)
        self.saved_day = self._data.day
        self.saved_message = (self.tr("✓ 行事「{title}」を登録しました。") if created
                              else self.tr("✓ 行事「{title}」を保存しました。")).format(title=self._data.title)
        self._clean = self._state()
        return True

    def save(self) -> None:
        """「保存して閉じる」."""
        if self.participants is not None:
            self.participants.flush()
        if self._store():
            self.accept()

    def save_and_record_participants(self) -> None:
        if self._store():
            self._show_participants()
            self._update_titles()
            self.tabs.setCurrentIndex(1)
            if self.participants is not None:
                self.participants.search.setFocus()

    def _show_participants(self) -> None:
        if self.participants is not None or self.event_id is None:
            return
        self.participants = ParticipantsPanel(self.worker, self.event_id, self._data.day, self.can_write, self)
        self.participants.changed.connect(self._update_titles)
        self.participants_stack.addWidget(self.participants)
        self.participants_stack.setCurrentWidget(self.participants)
        self.participants.refresh()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            if row.error:
                row.clear()
        self.summary.setVisible(False)
        self.summary.clear()

    def show_error(self, exc: Exception) -> None:
        """The message at the field it names (when it names one) and above the tabs."""
        field = getattr(exc, "field", "") or ""
        label = getattr(exc, "label", "") or ""
        message = getattr(exc, "message", None) or str(exc)
        row = self.rows.get(field)
        if row is None and label:
            row = next((self.rows[c] for c, text in self.labels.items() if text == label), None)
        text = f"{tr(label)}: {message}" if label else message
        self.summary.setText(self.tr("⚠ 保存できませんでした（何も保存されていません）。\n{text}").format(text=text))
        self.summary.setVisible(True)
        if row is not None:
            row.set_error(message)
            self.tabs.setCurrentIndex(0)
            row.mark.setFocus()

    def add_category(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("種類を追加"), self.tr("新しい行事の種類（例: 新年会）:"))
        if not ok or not name.strip():
            return
        try:
            self.worker.call(act.add_category, name)
        except (ValidationError, RegisterError) as exc:
            dialogs.show_error(self, self.tr("種類を追加"), str(exc))
            return
        name = name.strip()
        if self.category.findData(name) < 0:
            self.category.addItem(name, name)
        self.category.setCurrentIndex(self.category.findData(name))


# -- participants -----------------------------------------------------------------------------

ATTENDED_CHOICES = ((QT_TRANSLATE_NOOP("", "（未記録）"), "unknown"), (QT_TRANSLATE_NOOP("", "○ 出席"), "yes"),
                    (QT_TRANSLATE_NOOP("", "× 欠席"), "no"))
_ATTENDED = {"unknown": None, "yes": True, "no": False}
RSVP_CHOICES = tuple((a or QT_TRANSLATE_NOOP("", "（なし）"), a) for a in schema.RSVP_ANSWERS)
ROLE_CHOICES = tuple((r, r) for r in schema.PARTICIPATION_ROLES)


def _attended_key(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"


class ParticipantsModel(QAbstractTableModel):
    """Named participants; 役割・出欠・出席・時間 are edited in place through ``update``
    (``update(participation_id, **changes)`` returns an error message or ``None``)."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "年代"),
               QT_TRANSLATE_NOOP("", "役割"), QT_TRANSLATE_NOOP("", "出欠"), QT_TRANSLATE_NOOP("", "出席"),
               QT_TRANSLATE_NOOP("", "時間"))
    EDITABLE = {3: "role", 4: "rsvp", 5: "attended", 6: "hours"}
    CHOICES = {3: ROLE_CHOICES, 4: RSVP_CHOICES, 5: ATTENDED_CHOICES}

    def __init__(self, update: Callable[..., str | None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[act.Participant] = []
        self._update = update
        self.writable = update is not None

    def set_rows(self, rows: list[act.Participant]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cell_text(self, row: int, col: int) -> str:
        p = self.rows[row]
        if col == 4:
            return p.rsvp or ""
        if col == 5:
            return {True: self.tr("○ 出席"), False: self.tr("× 欠席")}.get(p.attended, "")
        if col == 6:
            return hours_text(p.hours)
        return (p.name, p.block, p.band, p.role)[col] if col < 4 else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        p = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), col)
        if role == Qt.ItemDataRole.EditRole:
            return (p.name, p.block, p.band, p.role, p.rsvp, _attended_key(p.attended), float(p.hours or 0))[col]
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and p.attended is False:
            return QColor(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return p.kana or None
            if col in self.EDITABLE and self.writable:
                return self.tr("ダブルクリックすると変えられます")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.writable and index.column() in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.writable
                or index.column() not in self.EDITABLE or not 0 <= index.row() < len(self.rows)):
            return False
        p = self.rows[index.row()]
        column = self.EDITABLE[index.column()]
        if column == "attended":
            if value not in _ATTENDED:
                return False
            new: Any = _ATTENDED[value]
        elif column == "hours":
            try:
                new = round(float(value), 2) or None
            except (TypeError, ValueError):
                new = value  # the model says why
        else:
            new = value if value is not None else ""
        if getattr(p, column) == new:
            return False
        error = self._update(p.id, **{column: new}) if self._update else self.tr("変更できません。")
        if error:
            return False
        self.rows[index.row()] = replace(p, **{column: new})
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return {4: self.tr("前もって聞いた出欠の返事"), 5: self.tr("当日来たか（○ 出席・× 欠席）"),
                    6: self.tr("運営・講師などで活動した時間")}.get(section)
        return None


def _open_popup(combo: QComboBox) -> None:
    """Show the choices at once: one click less for the officer."""
    with contextlib.suppress(RuntimeError):  # the editor may have been closed meanwhile
        if combo.isVisible():
            combo.showPopup()


class ParticipationDelegate(QStyledItemDelegate):
    """A list for 役割・出欠・出席 (chosen with one click), a number box for 時間."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        col = index.column()
        if col in ParticipantsModel.CHOICES:
            combo = QComboBox(parent)
            for text, value in ParticipantsModel.CHOICES[col]:
                combo.addItem(tr(text), value)
            combo.setAccessibleName(tr(ParticipantsModel.COLUMNS[col]))
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            QTimer.singleShot(0, lambda c=combo: _open_popup(c))
            return combo
        if col == 6:
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 24)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr("時間"))
            spin.setSpecialValueText(self.tr("（なし）"))
            spin.setAccessibleName(self.tr("時間"))
            return spin
        return super().createEditor(parent, option, index)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    band: str
    status: str
    consented: bool
    unborn: bool = False  # born after the event's day


@dataclass(frozen=True)
class _Found:
    id: int
    head: str
    block: str
    address: str
    status: str
    people: list[_Person]


def _people_of(reg: Any, household_ids: list[int], day: date) -> list[_Found]:
    """The households found by a search, with their people as of the event's day."""
    rule = OutputRule(reg, "ACTIVITY_LOG", day)
    blocks = {b.id: b.name for b in hh.list_blocks(reg, include_retired=True)}
    out = []
    for hid in household_ids:
        data = hh.get_household(reg, hid)
        people = []
        for p in data.persons:
            if p.id is None:
                continue
            unborn = bool(p.birth_date) and str(p.birth_date) > day.isoformat()
            # act.band_of raises ValueError for a birth after the day (see add_participants below)
            band = "—" if unborn else act.band_of(p.birth_date, day) if p.birth_date else tr("不明")
            people.append(_Person(p.id, p.full_name, band, p.status, rule.consented(p.id), unborn))
        head = data.persons[data.head_index].full_name if data.persons else ""
        out.append(_Found(hid, head, blocks.get(data.block_id, ""), data.address, data.status, people))
    return out


def _load_participants(reg: Any, event_id: int) -> tuple[list[act.Participant], dict, act.EventSummary]:
    return act.list_participants(reg, event_id), act.band_counts(reg, event_id), act.event_summary(reg, event_id)


class ParticipantsPanel(QWidget):
    """参加者 of one event: find people in the register and add them (one, or a whole
    household) with a role; change or remove them; count people not on the register by age
    band; and the totals."""

    changed = Signal()
    START_NOTE = QT_TRANSLATE_NOOP("", "名前やフリガナで探せます。")

    def __init__(self, worker: DbWorker, event_id: int, day: date, can_write: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.event_id = event_id
        self.day = day
        self.index: HouseholdIndex | None = None
        self.found: list[_Found] = []
        self.named_ids: set[int] = set()
        # people counted by age band from this window: the model keeps no name for them, so adding
        # them again would count them twice (see _addable)
        self.counted_ids: set[int] = set()
        self.total: int | None = None
        self._saved_guests: dict[str, int] = {}
        self._loading = False

        # -- find people in the register --
        self.find_box = QGroupBox(self.tr("名簿から探して加える"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前・フリガナで検索（例: たなか）"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("参加者を名簿から検索"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.results = QTreeWidget()
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([self.tr("世帯・氏名"), self.tr("年代"), self.tr("記録のしかた")])
        self.results.setAccessibleName(self.tr("検索の結果（世帯と世帯員）"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setRootIsDecorated(True)
        self.results.setUniformRowHeights(True)
        self.results.setColumnWidth(0, self.fontMetrics().horizontalAdvance("佐々木　奈緒美") + 60)  # notr — a sample
        self.results.setColumnWidth(1, self.fontMetrics().horizontalAdvance("40〜64歳") + 16)  # notr — a sample
        self.results.itemActivated.connect(self._result_activated)
        self.results.itemSelectionChanged.connect(self._update_buttons)
        row_height = self.fontMetrics().height() + 8
        self.results.setMinimumHeight(row_height * 6)
        self.results_note = QLabel(tr(self.START_NOTE))
        self.role = QComboBox()
        for r in schema.PARTICIPATION_ROLES:
            self.role.addItem(r, r)
        self.role.setAccessibleName(self.tr("加える人の役割"))
        self.role.setToolTip(self.tr("運営: 準備・受付などの係、講師: 教える人"))
        self.add_person_btn = _button(self.tr("この人を追加"),
                                      self.tr("選んだ人を参加者に加えます（ダブルクリックでも加えられます）"))
        self.add_household_btn = _button(self.tr("世帯全員を追加"), self.tr("選んだ世帯に住んでいる全員を参加者に加えます"))
        self.add_message = QLabel()
        self.add_message.setWordWrap(True)
        self.add_message.setAccessibleName(self.tr("追加の結果"))
        self.add_message.setVisible(False)
        fl = QVBoxLayout(self.find_box)
        fl.addWidget(self.search)
        fl.addWidget(self.results, 1)
        fl.addWidget(self.results_note)
        add_row = QHBoxLayout()
        role_caption = QLabel(self.tr("役割:"))
        role_caption.setBuddy(self.role)
        add_row.addWidget(role_caption)
        add_row.addWidget(self.role)
        add_row.addWidget(self.add_person_btn)
        add_row.addWidget(self.add_household_btn)
        add_row.addStretch(1)
        fl.addLayout(add_row)
        fl.addWidget(self.add_message)

        # -- the participants --
        self.list_box = QGroupBox(self.tr("名前を記録した参加者"))
        self.model = ParticipantsModel(self._update_one, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ParticipationDelegate(self.table))
        self.table.setAccessibleName(self.tr("参加者の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setMinimumHeight((self.fontMetrics().height() + 14) * 5)
        fm = self.fontMetrics()
        for col, sample in enumerate(("佐々木　奈緒美", "10班", "40〜64歳", "役割", "出欠", "○ 出席", "2.5時間")):  # notr
            self.table.setColumnWidth(col, fm.horizontalAdvance(sample) + 18)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.edit_hint = QLabel(self.tr("ダブルクリックで変えられます"))
        self.edit_hint.setToolTip(self.tr("役割・出欠・出席・時間を変えられます。キーボードでは、欄を選んで F2 キーを押します"))
        self.remove_btn = _button(self.tr("選んだ人を外す"), self.tr("選んだ人を参加者から外します（Delete キーでも外せます）"))
        self.remove_btn.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table_message = QLabel()
        self.table_message.setWordWrap(True)
        self.table_message.setVisible(False)
        ll = QVBoxLayout(self.list_box)
        ll.addWidget(self.table, 1)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.edit_hint, 1)
        remove_row.addWidget(self.remove_btn)
        ll.addLayout(remove_row)
        ll.addWidget(self.table_message)

        # -- counts by band of people not on the register --
        self.guest_box = QGroupBox(self.tr("名簿にない参加者の人数（年代別）"))
        self.guest_box.setToolTip(self.tr("町外の人・子ども会の友だちなど、名簿にない人の人数です。変えるとすぐに保存されます。"))
        grid = QGridLayout(self.guest_box)
        self.guests: dict[str, QSpinBox] = {}
        # one row; two with large text
        per_row = len(schema.AGE_BANDS) if self.fontMetrics().horizontalAdvance("あ") <= 18 else 3  # notr
        for n, band in enumerate(schema.AGE_BANDS):
            spin = QSpinBox()
            spin.setRange(0, act.MAX_BAND_COUNT)
            spin.setSuffix(self.tr("人"))
            spin.setAccessibleName(self.tr("名簿にない参加者 {band}").format(band=band))
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("1000人") + 40)  # notr — a width sample
            spin.valueChanged.connect(self._guests_changed)
            caption = QLabel(band)
            caption.setBuddy(spin)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, n // per_row, 2 * (n % per_row))
            grid.addWidget(spin, n // per_row, 2 * (n % per_row) + 1)
            grid.setColumnStretch(2 * (n % per_row) + 1, 1)
            self.guests[band] = spin
        self.guest_timer = QTimer(self)
        self.guest_timer.setSingleShot(True)
        self.guest_timer.setInterval(SAVE_COUNTS_MS)
        self.guest_timer.timeout.connect(self.save_guests)
        self.members_note = QLabel()
        self.members_note.setWordWrap(True)
        self.members_note.setVisible(False)
        grid.addWidget(self.members_note, grid.rowCount(), 0, 1, 2 * per_row)

        # -- the totals --
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("参加者の合計"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setMargin(6)
        self.by_band = QLabel()
        self.by_band.setWordWrap(True)
        self.by_band.setAccessibleName(self.tr("年代別の参加者"))

        # the totals stay in sight; the rest scrolls when the text is large and the screen small
        body = QWidget()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.find_box, 5)
        top.addWidget(self.list_box, 6)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(top, 1)
        bl.addWidget(self.guest_box)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.by_band)

        self.add_person_btn.clicked.connect(self.add_selected_people)
        self.add_household_btn.clicked.connect(self.add_selected_households)
        self.writable = can_write
        self.set_writable(can_write)

    # -- permissions and loading ------------------------------------------------------------------

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        self.model.writable = writable
        self.find_box.setVisible(writable)
        self.edit_hint.setVisible(writable)
        self.remove_btn.setVisible(writable)
        for spin in self.guests.values():
            spin.setReadOnly(not writable)
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows if writable else QSpinBox.ButtonSymbols.NoButtons)
        self._update_buttons()

    def refresh(self) -> None:
        try:
            people, counts, summary = self.worker.call(_load_participants, self.event_id)
        except (ValueError, RegisterError) as exc:
            # e.g. someone born after the event's (changed) date: the model cannot place them in an age band
            self.summary.setText(self.tr("⚠ 参加者を読み込めませんでした: {error}").format(error=exc))
            self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.model.set_rows(people)
        self.named_ids = {p.person_id for p in people}
        guests = counts["guest"]
        self._loading = True
        try:
            for band, spin in self.guests.items():
                spin.setValue(int(guests.get(band, 0)))
        finally:
            self._loading = False
        self._saved_guests = {band: spin.value() for band, spin in self.guests.items()}
        members = counts["member"]
        if any(members.values()):
            parts = self.tr("・").join(self.tr("{band} {n}人").format(band=b, n=members[b])
                                      for b in schema.AGE_BANDS if members.get(b))
            self.members_note.setText(self.tr("参加の記録に同意していない会員（名前は残していません）: {parts}").format(parts=parts))
            self.members_note.setVisible(True)
        else:
            self.members_note.setVisible(False)
        self.show_summary(summary)
        self._mark_found()
        self._update_buttons()

    def refresh_summary(self) -> None:
        try:
            self.show_summary(self.worker.call(act.event_summary, self.event_id))
        except (ValueError, RegisterError) as exc:
            self.summary.setText(self.tr("⚠ 合計を出せませんでした: {error}").format(error=exc))

    def show_summary(self, s: act.EventSummary) -> None:
        self.summary.setStyleSheet("")
        self.total = s.total
        text = self.tr("合計 {total}人（名前あり {named}人・人数のみ {counted}人）　"
                       "担い手（運営・講師） {helpers}人　延べ時間 {hours}時間").format(
            total=f"{s.total:,}", named=f"{s.named:,}", counted=f"{s.counted:,}", helpers=f"{s.helpers:,}",
            hours=f"{s.hours:g}")
        if any(s.rsvp.values()):
            text += self.tr("　出欠の返事: ") + self.tr("・").join(f"{k} {v}" for k, v in s.rsvp.items())
        self.summary.setText(text)
        bands = self.tr("・").join(self.tr("{band} {n}人").format(band=b, n=n) for b, n in s.by_band.items() if n)
        self.by_band.setText(self.tr("年代別: {bands}").format(bands=bands) if bands else "")
        self.changed.emit()

    # -- finding people -----------------------------------------------------------------------

    def run_search(self) -> None:
        self.search_timer.stop()
        query = self.search.text().strip()
        self.results.clear()
        self.found = []
        if not query:
            self.results_note.setText(tr(self.START_NOTE))
            self._update_buttons()
            return
        if self.index is None:
            self.index = self.worker.call(HouseholdIndex.load)
        hits = self.index.search(query, statuses=LIVING) + self.index.search(query, statuses=GONE)
        shown = [self.index.rows[i].id for i in hits[:MAX_RESULTS]]
        self.found = self.worker.call(_people_of, shown, self.day) if shown else []
        for f in self.found:
            gone = self.tr("（{status}）").format(status=f.status) if f.status in GONE else ""
            where = "　".join(x for x in (f.block, f.address) if x)
            top = QTreeWidgetItem([self.tr("{head} さんの世帯{gone}　{where}").format(
                head=f.head or self.tr("（世帯主未設定）"), gone=gone, where=where)])
            top.setData(0, ID_ROLE, ("household", f.id))
            top.setToolTip(0, where)
            for p in f.people:
                child = QTreeWidgetItem([p.name, p.band, ""])
                child.setData(0, ID_ROLE, ("person", p.id))
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self._mark_found()
        if not hits:
            self.results_note.setText(self.tr("名簿に当たる人がいません。"))
        elif len(hits) > MAX_RESULTS:
            self.results_note.setText(self.tr("{n}世帯のうち{shown}世帯を表示（名前を詳しく）").format(
                n=f"{len(hits):,}", shown=MAX_RESULTS))
            self.results_note.setToolTip(self.tr("名前を詳しく入れると、見つかる世帯を絞り込めます。"))
        else:
            self.results_note.setText(self.tr("{n}世帯が見つかりました。").format(n=f"{len(hits):,}"))
        first = self.results.topLevelItem(0)
        if first is not None and first.childCount():
            self.results.setCurrentItem(first.child(0))
        self._update_buttons()

    def _mark_found(self) -> None:
        """The 記録のしかた column: already a participant, named, or counted only."""
        people = {p.id: p for f in self.found for p in f.people}
        for i in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                p = people.get(child.data(0, ID_ROLE)[1])
                if p is None:
                    continue
                if p.unborn:
                    text, tip = self.tr("行事の後に生まれた人"), self.tr("行事の日にはまだ生まれていないため、加えられません")
                elif p.status not in schema.PERSON_PRESENT:
                    text, tip = p.status, self.tr("名簿では在籍していません。行事の日に住んでいなかった人は加えられません。")
                elif p.id in self.named_ids:
                    text, tip = self.tr("✓ 参加者です"), self.tr("すでに参加者の一覧にいます")
                elif p.id in self.counted_ids:
                    text, tip = self.tr("✓ 人数に加えました"), self.tr("同意がないため、名前を残さず年代別の人数に加えました")
                elif p.consented:
                    text, tip = self.tr("名前で記録"), self.tr("参加の記録に同意しているので、名前で記録します")
                else:
                    text, tip = (self.tr("人数のみ（同意なし）"),
                                 self.tr("参加の記録に同意していないため、名前を残さず年代別の人数に加えます"))
                child.setText(2, text)
                child.setToolTip(2, tip)
                grey = (p.unborn or p.status not in schema.PERSON_PRESENT or p.id in self.named_ids
                        or p.id in self.counted_ids)
                for c in range(3):
                    child.setForeground(c, QColor(GREY) if grey else self.results.palette().text().color())

    def _selection(self) -> tuple[list[int], list[int]]:
        """(person ids, household ids) chosen in the results."""
        people, homes = [], []
        for item in self.results.selectedItems():
            kind, ident = item.data(0, ID_ROLE)
            if kind == "person":
                people.append(ident)  # (someone born after the event is left out when adding, with a note)
                parent = item.parent()
                if parent is not None:
                    homes.append(parent.data(0, ID_ROLE)[1])
            else:
                homes.append(ident)
        return list(dict.fromkeys(people)), list(dict.fromkeys(homes))

    def select_person(self, person_id: int) -> bool:
        """Select one person of the results (for tests and keyboard users)."""
        for i in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, ID_ROLE) == ("person", person_id):
                    self.results.setCurrentItem(top.child(j))
                    return True
        return False

    def _result_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ID_ROLE)[0] == "person" and self.writable:
            self.results.setCurrentItem(item)
            self.add_selected_people()

    def _update_buttons(self) -> None:
        people, homes = self._selection()
        self.add_person_btn.setEnabled(self.writable and bool(people))
        self.add_person_btn.setText(self.tr("選んだ{n}人を追加").format(n=len(people)) if len(people) > 1
                                    else self.tr("この人を追加"))
        self.add_household_btn.setEnabled(self.writable and bool(homes))
        self.remove_btn.setEnabled(self.writable and bool(self.selected_participations()))

    # -- adding, changing, removing ------------------------------------------------------------

    def _show_add_message(self, text: str, *, error: bool = False) -> None:
        self.add_message.setText(text)
        self.add_message.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
        self.add_message.setVisible(bool(text))

    def _person(self, person_id: int) -> _Person | None:
        return next((p for f in self.found for p in f.people if p.id == person_id), None)

    def _addable(self, person_ids: list[int]) -> tuple[list[int], list[str]]:
        """The ids worth sending to the model, and why the others were left out. Two things the
        model does not check (reported): someone born after the event's day (their age band
        cannot be worked out, and the event's lists would then fail), and someone already counted
        by age band (counting is not remembered per person, so they would be counted twice)."""
        keep, notes = [], []
        unborn = counted = 0
        for pid in person_ids:
            p = self._person(pid)
            if p is not None and p.unborn:
                unborn += 1
            elif pid in self.counted_ids:
                counted += 1
            else:
                keep.append(pid)
        if unborn:
            notes.append(self.tr("{n}人は行事の日にはまだ生まれていないため、加えませんでした。").format(n=unborn))
        if counted:
            notes.append(self.tr("{n}人はすでに年代別の人数に加えてあるため、二重に数えないよう加えませんでした。").format(
                n=counted))
        return keep, notes

    def add_selected_people(self) -> None:
        people, _homes = self._selection()
        if not people or not self.writable:
            return
        people, notes = self._addable(people)
        result = act.AddResult()
        errors: list[str] = []
        if people:
            try:
                result = self.worker.call(act.add_participants, self.event_id, people, role=self.role.currentData())
            except (ValueError, RegisterError) as exc:  # ValidationError is a ValueError
                errors.append(str(exc))
            else:
                self._remember_counted(people, result)
        self._added(result, errors, notes)

    def add_selected_households(self) -> None:
        _people, homes = self._selection()
        if not homes or not self.writable:
            return
        total = act.AddResult()
        errors: list[str] = []
        notes: list[str] = []
        for hid in homes:
            found = next((f for f in self.found if f.id == hid), None)
            living = [p.id for p in found.people if p.status in schema.PERSON_PRESENT] if found else []
            ids, why = self._addable(living)
            notes += why
            try:
                if ids == living:  # nobody left out: the model's own 「世帯全員」
                    part = self.worker.call(act.add_household, self.event_id, hid, role=self.role.currentData())
                elif ids:
                    part = self.worker.call(act.add_participants, self.event_id, ids, role=self.role.currentData())
                else:
                    continue
            except (ValueError, RegisterError) as exc:
                errors.append(str(exc))
                continue
            self._remember_counted(ids, part)
            total.added += part.added
            total.already += part.already
            for band, n in part.counted.items():
                total.counted[band] = total.counted.get(band, 0) + n
            total.refused += part.refused
        self._added(total, errors, notes)

    def _remember_counted(self, person_ids: list[int], result: act.AddResult) -> None:
        if not result.counted:
            return
        refused = {name for name, _why in result.refused}
        for pid in person_ids:
            p = self._person(pid)
            if p is not None and not p.consented and p.name not in refused:
                self.counted_ids.add(pid)

    def _added(self, result: act.AddResult, errors: list[str] | None = None, notes: list[str] | None = None) -> None:
        lines = ["⚠ " + e for e in errors or []]
        if result.added or result.counted or result.already or result.refused or not (errors or notes):
            lines.append(result.message())
        lines += notes or []
        self._show_add_message("\n".join(lines), error=bool(errors) or not (result.added or result.counted))
        self.refresh()

    def _update_one(self, participation_id: int, **changes: Any) -> str | None:
        try:
            self.worker.call(act.update_participation, participation_id, **changes)
        except (ValidationError, RegisterError) as exc:
            self._show_table_message("⚠ " + str(exc), error=True)
            return str(exc)
        self._show_table_message("")
        QTimer.singleShot(0, self.refresh_summary)  # not inside the model's setData
        return None

    def _show_table_message(self, text: str, *, error: bool = False) -> None:
        self.table_message.setText(text)
        self.table_message.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR};")
        self.table_message.setVisible(bool(text))

    def selected_participations(self) -> list[int]:
        sm = self.table.selectionModel()
        if sm is None:
            return []
        return [self.model.rows[i.row()].id for i in sm.selectedRows() if 0 <= i.row() < len(self.model.rows)]

    def remove_selected(self) -> None:
        ids = self.selected_participations()
        if not ids or not self.writable:
            return
        names = [p.name for p in self.model.rows if p.id in ids]
        who = self.tr("「{name}」さん").format(name=names[0]) if len(names) == 1 else self.tr("{n}人").format(n=len(names))
        if not dialogs.confirm(self, self.tr("参加者から外す"), self.tr("{who}を参加者から外しますか？").format(who=who),
                               yes=self.tr("外す"), no=self.tr("やめる")):
            return
        removed = 0
        for pid in ids:
            try:
                self.worker.call(act.remove_participation, pid)
            except RegisterError as exc:
                self._show_table_message("⚠ " + str(exc), error=True)
                break
            removed += 1
        self.refresh()
        if removed:
            self._show_table_message(self.tr("✓ {n}人を参加者から外しました。").format(n=removed))

    # -- counts of people not on the register ------------------------------------------------------

    def guest_counts(self) -> dict[str, int]:
        return {band: spin.value() for band, spin in self.guests.items()}

    def _guests_changed(self, *_args: object) -> None:
        if not self._loading and self.writable:
            self.guest_timer.start()

    def flush(self) -> None:
        """Save the counts now if a change is waiting (closing the dialog)."""
        if self.guest_timer.isActive():
            self.save_guests()

    def save_guests(self) -> None:
        self.guest_timer.stop()
        counts = self.guest_counts()
        if counts == self._saved_guests or not self.writable:
            return
        try:
            self.worker.call(act.set_band_counts, self.event_id, counts, kind="guest")
        except (ValidationError, RegisterError) as exc:
            self._show_table_message("⚠ " + str(exc), error=True)
            return
        self._saved_guests = counts
        self.refresh_summary()
