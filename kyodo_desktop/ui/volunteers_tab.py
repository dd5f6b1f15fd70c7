"""担い手: volunteer profiles, 「誰に頼めそう？」, and the history of officer roles.

One tab of the 行事 page (ActivityPage). The rules (consent, limits, permissions) are in
``models/volunteers.py``; this tab only shows them and greys out what the role may not change.
The small helpers at the top (a table model over plain rows, check-box grids) are shared with
``partners_tab`` and ``issues_tab``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy, schema
from kyodo_desktop.models import volunteers as vol
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range, search_fold
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.search import HouseholdIndex
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit
from kyodo_desktop.ui.widgets import button_row
from kyodo_desktop.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
ERRORS = (RegisterError, ValidationError)
WARN_BACKGROUND = QColor("#fff1c2")  # pale amber: always with a ⚠ and words, never colour alone
MUTED_TEXT = QColor("#5f6368")
LONG_TENURE_YEARS = 5
PURPOSE = "VOLUNTEER_PROFILE"
MAX_HOUSEHOLDS = 40  # households searched per keystroke when picking a person
#: bigger boxes to click (older hands, shaky mice)
def big_checks(widget: QWidget) -> str:
    side = max(18, round(widget.fontMetrics().height() * 0.8))
    return f"QCheckBox {{ spacing: {side // 2}px; }} QCheckBox::indicator {{ width: {side}px; height: {side}px; }}"


SECTION_STYLE = (
    "QPushButton { padding: 4px 16px; border: 1px solid #8a8f98; border-radius: 4px; background: #f4f5f7; }"
    "QPushButton:checked { background: #1f4e8c; color: white; font-weight: bold; border-color: #1f4e8c; }"
    "QPushButton:focus { border: 2px solid #f0a000; }"
)


# -- shared helpers ---------------------------------------------------------------------------------


def can(worker: DbWorker, permission: str) -> bool:
    reg = worker.register
    return reg is not None and reg.session.can(permission)


def heading(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A red line for what went wrong (always with ⚠ and words)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
    label.setAccessibleName(tr("エラー"))
    return label


def show_problem(label: QLabel, exc: BaseException | str) -> None:
    label.setText("⚠ " + str(exc))


def button(text: str, slot: Callable[[], Any] | None = None, *, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(36)
    b.setAutoDefault(False)
    if tip:
        b.setToolTip(tip)
    if slot is not None:
        b.clicked.connect(lambda _checked=False: slot())
    return b


def shortcut(widget: QWidget, key: QKeySequence | QKeySequence.StandardKey | str, slot: Callable[[], Any]) -> None:
    """A shortcut that works only while the focus is inside ``widget`` (so tabs do not clash)."""
    s = QShortcut(QKeySequence(key), widget)
    s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    s.activated.connect(slot)


class RowsModel(QAbstractTableModel):
    """A read-only table over plain rows: ``cells(row)`` gives the column values. Filtering and
    sorting happen in SQL/Python before :meth:`set_rows`, which resets the model."""

    def __init__(
        self,
        columns: Sequence[str],
        cells: Callable[[Any], Sequence[Any]],
        parent: Any = None,
        *,
        numeric: Iterable[int] = (),
        warn: Callable[[Any], bool] | None = None,
        muted: Callable[[Any], bool] | None = None,
        tooltip: Callable[[Any, int], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._cells = cells
        self._numeric = frozenset(numeric)
        self._warn = warn
        self._muted = muted
        self._tooltip = tooltip
        self.rows: list[Any] = []
        self._text: list[tuple[str, ...]] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._text = [tuple("" if v is None else str(v) for v in self._cells(r)) for r in self.rows]
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text[index.row()][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._tooltip is not None:
                tip = self._tooltip(row, col)
                if tip:
                    return tip
            text = self._text[index.row()][col]
            return text if len(text) > 12 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._warn is not None and self._warn(row):
            return QBrush(WARN_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._warn is not None and self._warn(row):
                return QBrush(QColor("#000000"))
            if self._muted is not None and self._muted(row):
                return QBrush(MUTED_TEXT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return tr(self.columns[section])
        return None


def make_table(model: RowsModel, widths: Sequence[float], *, stretch: int | None, name: str) -> QTableView:
    """A row-selecting table with fixed row heights; ``widths`` in characters of 「あ」."""
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
    em = t.fontMetrics().horizontalAdvance("あ")  # notr
    for col, width in enumerate(widths):
        t.setColumnWidth(col, int(width * em + 18))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    t.setAccessibleName(name)
    return t


def selected_row(table: QTableView) -> Any:
    model = table.model()
    sel = table.selectionModel()
    rows = sel.selectedRows() if sel is not None else []
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row_at(rows[0].row())


def select_where(table: QTableView, match: Callable[[Any], bool]) -> None:
    model = table.model()
    assert isinstance(model, RowsModel)
    for n, r in enumerate(model.rows):
        if match(r):
            table.selectRow(n)
            table.scrollTo(model.index(n, 0))
            return


def scrolling_body(outer: QVBoxLayout) -> QHBoxLayout:
    """Two columns inside a scroll area: at a large text size nothing is cut off, it scrolls."""
    body = QWidget()
    columns = QHBoxLayout(body)
    columns.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    outer.addWidget(scroll, 1)
    return columns


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area (a pane that may scroll at a large text size)."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


def min_rows(table: QTableView, rows: int) -> None:
    """Keep at least ``rows`` rows (and the header) of ``table`` visible."""
    table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * rows
                           + table.horizontalHeader().sizeHint().height() + 6)


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """At least ``width`` × ``height`` (scaled with the text size), what the contents ask for if
    more, never more than the screen."""
    em = dialog.fontMetrics().horizontalAdvance("あ") / 16  # notr
    hint = dialog.sizeHint()
    w = max(int(width * em), hint.width())
    h = max(int(height * em), hint.height())
    scroll = dialog.findChild(QScrollArea)
    body = scroll.widget() if scroll is not None else None
    if body is not None:
        w = max(w, body.minimumSizeHint().width() + 48)
        inner = body.heightForWidth(w - 48) if body.hasHeightForWidth() else -1
        h = max(h, max(inner, body.minimumSizeHint().height()) + 130)  # + the buttons and the error line
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        w, h = min(w, screen.width() - 40), min(h, screen.height() - 60)
    dialog.resize(w, h)


def make_read_only(dialog: QWidget) -> None:
    """Show a dialog's fields without letting them change (text stays black and selectable)."""
    for w in dialog.findChildren(QLineEdit):
        w.setReadOnly(True)
    for w in dialog.findChildren(QPlainTextEdit):
        w.setReadOnly(True)
    for w in dialog.findChildren(QAbstractSpinBox):
        w.setReadOnly(True)
        w.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    for w in (*dialog.findChildren(QComboBox), *dialog.findChildren(QCheckBox)):
        w.setEnabled(False)


class CheckGrid(QWidget):
    """Check boxes in rows of ``columns``: skills, interests, partners."""

    changed = Signal()

    def __init__(self, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.setStyleSheet(big_checks(self))
        self.boxes: dict[str, QCheckBox] = {}

    def set_items(self, names: Sequence[str]) -> None:
        if list(names) == list(self.boxes):
            return
        keep = set(self.checked())
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for n, name in enumerate(names):
            box = QCheckBox(name)
            box.setChecked(name in keep)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.grid.addWidget(box, n // self.columns, n % self.columns)
            self.boxes[name] = box

    def checked(self) -> list[str]:
        return [n for n, b in self.boxes.items() if b.isChecked()]

    def set_checked(self, names: Iterable[str]) -> None:
        want = set(names)
        for n, b in self.boxes.items():
            b.blockSignals(True)
            b.setChecked(n in want)
            b.blockSignals(False)
        self.changed.emit()


class SlotGrid(QWidget):
    """曜日 × 時間帯 as 7 columns × 3 rows of check boxes (月午前 … 日夜)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.setStyleSheet(big_checks(self))
        self.boxes: dict[str, QCheckBox] = {}
        side = max(18, round(self.fontMetrics().height() * 0.8))
        for c, day in enumerate(schema.WEEKDAYS, start=1):
            head = QLabel(day)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if day in ("土", "日"):  # notr
                head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, c)
        for r, time in enumerate(schema.TIMES_OF_DAY, start=1):
            grid.addWidget(QLabel(time), r, 0)
            for c, day in enumerate(schema.WEEKDAYS, start=1):
                box = QCheckBox()
                box.setMinimumSize(side + 14, side + 10)
                box.setAccessibleName(self.tr("{day}曜日の{time}").format(day=day, time=time))
                box.setToolTip(self.tr("{day}曜日の{time}").format(day=day, time=time))
                box.toggled.connect(lambda _on: self.changed.emit())
                grid.addWidget(box, r, c, Qt.AlignmentFlag.AlignCenter)
                self.boxes[day + time] = box
        grid.setColumnStretch(len(schema.WEEKDAYS) + 1, 1)

    def slots(self) -> list[str]:
        return [s for s in vol.SLOTS if self.boxes[s].isChecked()]

    def set_slots(self, slots: Iterable[str]) -> None:
        want = set(slots)
        for s, b in self.boxes.items():
            b.blockSignals(True)
            b.setChecked(s in want)
            b.blockSignals(False)
        self.changed.emit()


def slots_text(slots: Sequence[str]) -> str:
    """「月午前・土午前午後・日夜」: the slots of one day together."""
    by_day: dict[str, list[str]] = {}
    for s in slots:
        by_day.setdefault(s[0], []).append(s[1:])
    return tr("・").join(day + "".join(times) for day, times in by_day.items())


# -- 担い手の一覧 ----------------------------------------------------------------------------------


def _load_month(v: vol.VolunteerRow) -> str:
    if v.max_per_month is None:
        return tr("{n}回").format(n=v.this_month)
    mark = "⚠ " if v.over_limit() else ""
    return tr("{mark}{n}回（上限{max}）").format(mark=mark, n=v.this_month, max=v.max_per_month)


VOLUNTEER_COLUMNS = (
    QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "年代"),
    QT_TRANSLATE_NOOP("", "特技・資格"), QT_TRANSLATE_NOOP("", "関心"), QT_TRANSLATE_NOOP("", "都合のよい時間"),
    QT_TRANSLATE_NOOP("", "今月"), QT_TRANSLATE_NOOP("", "直近90日"), QT_TRANSLATE_NOOP("", "有効期限"),
)


def _volunteer_cells(v: vol.VolunteerRow) -> tuple[Any, ...]:
    return (v.name, v.block, v.band, tr("・").join(v.skills), tr("・").join(v.interests), slots_text(v.availability),
            _load_month(v), tr("{n}回").format(n=v.last_90_days), v.valid_until)


@dataclass(frozen=True)
class PersonChoice:
    person_id: int
    name: str
    kana: str
    block: str
    address: str
    folded: str


def people_of(reg: Register, household_ids: list[int]) -> dict[int, list[PersonChoice]]:
    """The people living in these households (found with :class:`HouseholdIndex`)."""
    out: dict[int, list[PersonChoice]] = {}
    for hid in household_ids:
        data = hh.get_household(reg, hid, include_gone=False)
        out[hid] = [PersonChoice(p.id, p.full_name, p.full_kana, "", data.address,
                                 search_fold(p.full_name + p.full_kana))
                    for p in data.persons if p.id is not None and p.status == "在籍"]  # notr
    return out


@dataclass(frozen=True)
class PersonState:
    """What the dialog needs to know about the chosen person."""

    person_id: int
    consented: bool
    profile: vol.VolunteerData | None


def person_state(reg: Register, person_id: int) -> PersonState:
    consent = privacy.OutputRule(reg, PURPOSE, reg.today()).consented(person_id)
    return PersonState(person_id, consent, vol.get_volunteer(reg, person_id))


def consent_and_save(reg: Register, data: vol.VolunteerData, consent: dict[str, Any] | None) -> None:
    """Record the person's consent (if given) and the profile in one transaction: if the profile
    is refused, the consent is not kept either."""
    with reg.writing("担い手の登録"):  # notr
        if consent is not None:
            privacy.set_consent(reg, purpose=PURPOSE, granted=True, person_id=data.person_id, **consent)
        vol.save_volunteer(reg, data)


def year_end(reg: Register) -> str:
    """The last day of this 年度 (the default 有効期限)."""
    month = int(hh.get_association(reg).get("fiscal_year_start_month") or 4)
    today = reg.today()
    return fiscal_year_range(fiscal_year(today, month), month)[1].isoformat()


class VolunteerDialog(QDialog):
    """Add or change one 担い手 profile. A new one starts by finding the person in the register."""

    def __init__(self, worker: DbWorker, person_id: int | None = None, name: str = "", *,
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.person_id: int | None = None
        self.state: PersonState | None = None
        self.saved = False
        today = worker.call(lambda reg: reg.today())
        self.today: date = today
        self.setWindowTitle(self.tr("担い手の登録") if person_id is None else self.tr("担い手の登録内容"))
        outer = QVBoxLayout(self)
        columns = scrolling_body(outer)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 4)
        columns.addSpacing(16)
        columns.addLayout(right, 6)

        # who
        left.addWidget(heading(self.tr("登録する人"), 1.1))
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setAccessibleName(self.tr("登録する人"))
        font = self.who.font()
        font.setBold(True)
        self.who.setFont(font)
        left.addWidget(self.who)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前かフリガナの一部（例: たなか）"))
        self.search.setAccessibleName(self.tr("名簿から探す"))
        self.search.setClearButtonEnabled(True)
        self.people = RowsModel((QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "フリガナ"),
                                 QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "住所")),
                                lambda p: (p.name, p.kana, p.block, p.address), self)
        self.people_table = make_table(self.people, (5.5, 7, 3, 8), stretch=3, name=self.tr("名簿から探した人"))
        self.people_table.setMinimumHeight(150)
        if person_id is None:
            left.addWidget(self.search)
            left.addWidget(self.people_table, 1)
        else:
            self.search.hide()
            self.people_table.hide()

        # consent, when missing
        self.consent_box = QFrame()
        self.consent_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.consent_box.setStyleSheet("QFrame#consent { background: #fff8e1; }")
        self.consent_box.setObjectName("consent")
        cb = QVBoxLayout(self.consent_box)
        self.consent_note = note(self._consent_text(self.tr("この方")))
        cb.addWidget(self.consent_note)
        cf = QFormLayout()
        self.consent_date = WarekiDateEdit(label=self.tr("同意日"), today=today, show_age=False)
        self.consent_date.setValue(today.isoformat())
        self.consent_method = QComboBox()
        self.consent_method.addItems(list(schema.CONSENT_METHODS))
        self.consent_method.setAccessibleName(self.tr("同意の方法"))
        cf.addRow(self.tr("同意日"), self.consent_date)
        cf.addRow(self.tr("方法"), self.consent_method)
        cb.addLayout(cf)
        self.consent_box.hide()
        left.addWidget(self.consent_box)

        if person_id is not None:
            left.addStretch(1)

        # what and when
        right.addWidget(heading(self.tr("特技・資格"), 1.1))
        self.skills = CheckGrid(4)
        right.addWidget(self.skills)
        self.qualifications = QLineEdit()
        self.qualifications.setPlaceholderText(self.tr("資格など（例: 普通自動車免許、防災士）"))
        self.qualifications.setAccessibleName(self.tr("資格など"))
        right.addWidget(self.qualifications)
        right.addWidget(heading(self.tr("関心のある分野"), 1.1))
        self.interests = CheckGrid(4)
        right.addWidget(self.interests)
        when = QHBoxLayout()
        slots_box = QVBoxLayout()
        slots_box.addWidget(heading(self.tr("都合のよい時間"), 1.1))
        self.slots = SlotGrid()
        slots_box.addWidget(self.slots)
        slots_box.addStretch(1)
        when.addLayout(slots_box)
        when.addSpacing(16)
        form = QFormLayout()
        self.limit = QSpinBox()
        self.limit.setRange(0, 31)
        self.limit.setSpecialValueText(self.tr("上限なし"))
        self.limit.setSuffix(self.tr(" 回まで"))
        self.limit.setAccessibleName(self.tr("月の上限"))
        self.limit.setToolTip(self.tr("ひと月に頼んでよい回数の上限。上限に達した人は「誰に頼めそう？」に出ません"))
        self.valid_until = WarekiDateEdit(label=self.tr("有効期限"), today=today, show_age=False)
        self.valid_until.setToolTip(self.tr("年度の終わりまでが目安です。毎年度、本人に確認して更新します"))
        form.addRow(self.tr("月の上限"), self.limit)
        form.addRow(self.tr("有効期限"), self.valid_until)
        when.addLayout(form, 1)
        right.addLayout(when)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("備考（例: 腰が悪いので力仕事は控えたい）"))
        self.notes.setAccessibleName(self.tr("備考"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 2 + 16)
        right.addWidget(self.notes)
        right.addStretch(1)

        self.error = error_label()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        if read_only:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
            self.ok = None
        else:
            self.ok = self.buttons.addButton(self.tr("登録する"), QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("キャンセル"))
        for b in self.buttons.buttons():  # Enter in the search box must never record a consent
            b.setAutoDefault(False)
            b.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        skills, interests = worker.call(lambda reg: (vol.list_skills(reg, "skill"), vol.list_skills(reg, "interest")))
        self.skills.set_items(skills)
        self.interests.set_items(interests)
        self.valid_until.setValue(worker.call(year_end))
        self.index: HouseholdIndex | None = None
        if person_id is None:
            self.index = worker.call(HouseholdIndex.load)
            self.search.textChanged.connect(self.find)
            self.search.returnPressed.connect(self.people_table.setFocus)
            self.people_table.activated.connect(lambda _i: self._next_field())
            self.people_table.selectionModel().selectionChanged.connect(lambda *_a: self._picked())
            self.search.setFocus()
            self.who.setText(self.tr("名簿から探して、一覧で選んでください。"))
        else:
            self.choose(person_id, name)
        if read_only:
            make_read_only(self)
        self._update_ok()
        shown = self.consent_box.isVisibleTo(self)
        self.consent_box.setVisible(not read_only)  # room for it, should the chosen person need it
        fit_to_screen(self, 1100, 640)
        self.consent_box.setVisible(shown)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        for b in self.buttons.buttons():  # the button box made one the default on showing
            b.setDefault(False)

    # -- finding the person -------------------------------------------------------------------

    def find(self, text: str) -> None:
        assert self.index is not None
        tokens = [t for t in (search_fold(w) for w in text.split()) if t]
        if not tokens:
            self.people.set_rows([])
            return
        positions = self.index.search(text, statuses=("加入", "非加入"))  # notr
        more = len(positions) > MAX_HOUSEHOLDS
        positions = positions[:MAX_HOUSEHOLDS]
        households = [self.index.rows[i] for i in positions]
        found = self.worker.call(people_of, [h.id for h in households])
        rows: list[PersonChoice] = []
        for h in households:
            for p in found.get(h.id, []):
                if all(t in p.folded for t in tokens):
                    rows.append(PersonChoice(p.person_id, p.name, p.kana, h.block_name, h.address, p.folded))
        self.people.set_rows(rows)
        self.people_table.setToolTip(self.tr("多すぎるため一部だけ表示しています。名前をもう少し入れてください")
                                     if more else "")
        if rows:
            self.people_table.selectRow(0)
        else:
            self.person_id, self.state = None, None
            self.who.setText(self.tr("⚠ 見つかりません。名前の一部かフリガナで探してください。"))
            self.consent_box.hide()
            self._update_ok()

    def _next_field(self) -> None:
        boxes = list(self.skills.boxes.values())
        if boxes:
            boxes[0].setFocus()

    def _picked(self) -> None:
        p = selected_row(self.people_table)
        if p is None:
            return
        self.choose(p.person_id, p.name)

    def choose(self, person_id: int, name: str) -> None:
        """Show the chosen person, their consent, and their profile if they have one."""
        try:
            self.state = self.worker.call(person_state, person_id)
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.error.clear()
        self.person_id = person_id
        profile = self.state.profile
        if profile is not None:
            self.skills.set_checked(profile.skills)
            self.interests.set_checked(profile.interests)
            self.slots.set_slots(profile.availability)
            self.qualifications.setText(profile.qualifications)
            self.limit.setValue(profile.max_per_month or 0)
            self.valid_until.setValue(profile.valid_until)
            self.notes.setPlainText(profile.notes)
            self.who.setText(self.tr("{0}さん（登録済み。内容を変更できます）").format(name))
        else:
            self.who.setText(self.tr("{0}さん（まだ登録されていません）").format(name))
        if self.state.consented:
            self.consent_box.hide()
        elif self.read_only:
            self.who.setText(self.who.text() + self.tr("\n⚠ 本人の同意が記録されていません。"))
        else:
            self.consent_note.setText(self._consent_text(self.tr("{0}さん").format(name)))
            self.consent_box.show()
        self._update_ok()

    def _consent_text(self, who: str) -> str:
        return self.tr(
            "⚠ {0}の「{1}」への同意が、まだ記録されていません。"
            "本人に目的（行事のお手伝いをお願いするため）を説明して同意を得たら、"
            "その日と方法を入れて「同意を記録して登録」を押してください。").format(who, schema.PURPOSES[PURPOSE])

    def _update_ok(self) -> None:
        if self.ok is None:
            return
        self.ok.setEnabled(self.person_id is not None)
        needs_consent = self.state is not None and not self.state.consented
        self.ok.setText(self.tr("同意を記録して登録") if needs_consent else self.tr("登録する"))

    # -- saving --------------------------------------------------------------------------------

    def data(self) -> vol.VolunteerData:
        assert self.person_id is not None
        until = self.valid_until.value() or ""
        return vol.VolunteerData(
            person_id=self.person_id, skills=self.skills.checked(), interests=self.interests.checked(),
            qualifications=self.qualifications.text(), availability=self.slots.slots(),
            max_per_month=self.limit.value() or None, valid_until=until, notes=self.notes.toPlainText())

    def save(self) -> None:
        if self.read_only or self.person_id is None:
            if self.person_id is None and not self.read_only:
                show_problem(self.error, self.tr("名簿から登録する人を選んでください。"))
                return
            self.reject()
            return
        consent = None
        if self.state is not None and not self.state.consented:
            day = self.consent_date.date()
            if day is None:
                show_problem(self.error, self.consent_date.error() or self.tr("同意日を入力してください。"))
                return
            if day > self.today:
                show_problem(self.error, self.tr("同意日（{0}）が今日より後です。同意を得た日を入れてください。").format(day))
                return
            consent = {"granted_on": day.isoformat(), "method": self.consent_method.currentText()}
        until = self.valid_until.value()
        if until is not None and self.valid_until.date() is None:
            show_problem(self.error, self.tr("有効期限: 日付として読めません: 「{0}」").format(until))
            return
        try:
            self.worker.call(consent_and_save, self.data(), consent)
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.saved = True
        self.accept()


# -- the tab --------------------------------------------------------------------------------------


class VolunteersTab(QWidget):
    """担い手: the list of profiles, 「誰に頼めそう？」, and 役職の履歴."""

    SECTIONS = (QT_TRANSLATE_NOOP("", "担い手の一覧"), QT_TRANSLATE_NOOP("", "誰に頼めそう？"),
                QT_TRANSLATE_NOOP("", "役職の履歴"))

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.setStyleSheet(big_checks(self))
        self.worker = worker
        layout = QVBoxLayout(self)
        switch = QHBoxLayout()
        self.section_group = QButtonGroup(self)
        self.section_group.setExclusive(True)
        self.section_buttons: list[QPushButton] = []
        for n, text in enumerate(tr(s) for s in self.SECTIONS):
            b = button(text)
            b.setCheckable(True)
            b.setStyleSheet(SECTION_STYLE)
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(text) + 48)
            self.section_group.addButton(b, n)
            self.section_buttons.append(b)
            switch.addWidget(b)
        switch.addStretch(1)
        layout.addLayout(switch)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_list())
        self.stack.addWidget(self._build_finder())
        self.stack.addWidget(self._build_roles())
        self.section_group.idClicked.connect(self.show_section)
        self.section_buttons[0].setChecked(True)
        shortcut(self, QKeySequence.StandardKey.New, self.add)
        self._loaded: set[int] = set()

    # -- building -------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(note(self.tr("本人の同意を得て、特技や都合のよい時間を登録した人です。行事のお手伝いを頼むときに使います。")), 1)
        self.include_expired = QCheckBox(self.tr("有効期限が切れた人も表示"))
        self.include_expired.toggled.connect(lambda _on: self.load_list())
        top.addWidget(self.include_expired)
        v.addLayout(top)
        self.model = RowsModel(VOLUNTEER_COLUMNS, _volunteer_cells, self, numeric=(7,),
                               warn=lambda r: r.over_limit(),
                               muted=lambda r: r.valid_until < self._today_iso)
        self.table = make_table(self.model, (6, 3, 4.5, 9, 5.5, 11, 6, 4.5, 6), stretch=5, name=self.tr("担い手の一覧"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count)
        self.add_btn = button(self.tr("担い手を登録…"), self.add)
        self.edit_btn = button(self.tr("開く・変更…"), self.edit)
        self.remove_btn = button(self.tr("登録を取り消す…"), self.remove,
                                 tip=self.tr("本人の申し出などで、登録（特技・都合）を消します"))
        row.addWidget(button_row(self.add_btn, self.edit_btn, self.remove_btn), 1)  # wraps at large text
        v.addLayout(row)
        self._today_iso = ""
        return page

    def _build_finder(self) -> QWidget:
        page = QWidget()
        h = QHBoxLayout(page)
        h.setContentsMargins(0, 6, 0, 0)
        left = QVBoxLayout()
        box = QGroupBox(self.tr("特技・資格（チェックしたものをすべて持つ人）"))
        bl = QVBoxLayout(box)
        self.find_skills = CheckGrid(3)
        bl.addWidget(self.find_skills)
        left.addWidget(box)
        box = QGroupBox(self.tr("関心のある分野"))
        bl = QVBoxLayout(box)
        self.find_interests = CheckGrid(4)
        bl.addWidget(self.find_interests)
        left.addWidget(box)
        box = QGroupBox(self.tr("いつ頼みたいか（どれかに都合がつく人）"))
        bl = QVBoxLayout(box)
        self.find_slots = SlotGrid()
        bl.addWidget(self.find_slots)
        left.addWidget(box)
        clear = button(self.tr("条件をすべて外す"), self.clear_finder)
        left.addWidget(clear, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        h.addLayout(left, 0)
        right = QVBoxLayout()
        self.found_label = note()
        f = self.found_label.font()
        f.setBold(True)
        self.found_label.setFont(f)
        right.addWidget(self.found_label)
        self.found = RowsModel((QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "年代"),
                                QT_TRANSLATE_NOOP("", "今月"), QT_TRANSLATE_NOOP("", "直近90日"), QT_TRANSLATE_NOOP("", "特技・資格")),
                               lambda v: (v.name, v.block, v.band, _load_month(v), self.tr("{n}回").format(n=v.last_90_days),
                                          self.tr("・").join(v.skills)), self, numeric=(4,),
                               tooltip=lambda v, _c: self.tr("都合のよい時間: {0}").format(slots_text(v.availability)))
        self.found_table = make_table(self.found, (5.5, 3, 4.5, 6, 4.5, 8), stretch=5, name=self.tr("頼めそうな人"))
        right.addWidget(self.found_table, 1)
        right.addWidget(note(self.tr("今月と直近90日に行事を手伝った・参加した回数が少ない人から並べています。"
                                     "月の上限に達した人は出ません。")))
        h.addLayout(right, 1)
        for w in (self.find_skills, self.find_interests, self.find_slots):
            w.changed.connect(self.find)
        return page

    def _build_roles(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        v.addWidget(heading(self.tr("役職ごとのいまの担当（班長を除く）"), 1.1))
        self.tenure_warning = note()
        self.tenure_warning.setStyleSheet("background: #fff1c2; padding: 6px;")
        v.addWidget(self.tenure_warning)
        self.tenure = RowsModel(
            (QT_TRANSLATE_NOOP("", "役職"), QT_TRANSLATE_NOOP("", "現在の担当"), QT_TRANSLATE_NOOP("", "連続年数"),
             QT_TRANSLATE_NOOP("", "10年間の担当者数"), QT_TRANSLATE_NOOP("", "引継ぎ"), QT_TRANSLATE_NOOP("", "気をつけること")),
            lambda t: (t.role, t.holder, self.tr("{n}年").format(n=t.years), self.tr("{n}人").format(n=t.holders_10y),
                       self.tr("済") if t.handed_over else self.tr("未"), self._tenure_note(t)),
            self, numeric=(2, 3), warn=lambda t: t.years >= LONG_TENURE_YEARS)
        self.tenure_table = make_table(self.tenure, (5, 7, 5, 8, 4, 20), stretch=5, name=self.tr("役職ごとの担当"))
        v.addWidget(self.tenure_table, 1)
        row = QHBoxLayout()
        row.addWidget(heading(self.tr("これまでの役職"), 1.1))
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("役職:")))
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(self.tr("役職で絞り込み"))
        self.role_filter.addItem(self.tr("すべて（班長を除く）"), "")
        self.role_filter.addItem(self.tr("すべて"), "*")
        for r in schema.OFFICER_ROLES:
            self.role_filter.addItem(r, r)
        self.role_filter.currentIndexChanged.connect(lambda _i: self._fill_history())
        row.addWidget(self.role_filter)
        v.addLayout(row)
        self.history = RowsModel(
            (QT_TRANSLATE_NOOP("", "年度"), QT_TRANSLATE_NOOP("", "役職"), QT_TRANSLATE_NOOP("", "氏名"),
             QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "年代"), QT_TRANSLATE_NOOP("", "開始日"),
             QT_TRANSLATE_NOOP("", "終了日"), QT_TRANSLATE_NOOP("", "引継ぎ")),
            lambda t: (self.tr("{n}年度").format(n=t.fiscal_year), t.role, t.name, t.block, t.band, t.start_date,
                       t.end_date or "", self.tr("済") if t.handed_over else self.tr("未")), self)
        self.history_table = make_table(self.history, (5, 5, 7, 3, 5, 6, 6, 4), stretch=2, name=self.tr("これまでの役職"))
        v.addWidget(self.history_table, 1)
        row = QHBoxLayout()
        row.addWidget(note(self.tr("役職の登録は「設定」の役員の画面で行います。引継ぎが済んだら、ここで記録します。")), 1)
        self.handed_btn = button(self.tr("引継ぎ済みにする"), lambda: self.set_handed(True))
        self.unhanded_btn = button(self.tr("未にもどす"), lambda: self.set_handed(False))
        row.addWidget(self.handed_btn)
        row.addWidget(self.unhanded_btn)
        v.addLayout(row)
        self._terms: list[vol.OfficerTerm] = []
        return page

    @staticmethod
    def _tenure_note(t: vol.Tenure) -> str:
        if t.years >= LONG_TENURE_YEARS:
            return tr("⚠ {n}年続いています。後任を探し、引継ぎの準備を").format(n=t.years)
        if t.holders_10y == 1 and t.years > 1:
            return tr("10年間、ほかの人が担当していません")
        return ""

    # -- data -----------------------------------------------------------------------------------

    def show_section(self, n: int) -> None:
        self.section_buttons[n].setChecked(True)
        self.stack.setCurrentIndex(n)
        self._load_section(n)

    def refresh(self) -> None:
        writable = can(self.worker, "activity.write")
        for b in (self.add_btn, self.remove_btn, self.handed_btn, self.unhanded_btn):
            b.setEnabled(writable)
        self.edit_btn.setText(self.tr("開く・変更…") if writable else self.tr("開く…"))
        tip = "" if writable else self.tr("変更するには、役員か管理者の権限が必要です")
        for b in (self.add_btn, self.remove_btn, self.handed_btn, self.unhanded_btn):
            b.setToolTip(tip)
        self._loaded.clear()
        self._load_section(self.stack.currentIndex())

    def _load_section(self, n: int) -> None:
        if n in self._loaded:
            return
        self._loaded.add(n)
        if n == 0:
            self.load_list()
        elif n == 1:
            skills, interests = self.worker.call(
                lambda reg: (vol.list_skills(reg, "skill"), vol.list_skills(reg, "interest")))
            self.find_skills.set_items(skills)
            self.find_interests.set_items(interests)
            self.find()
        else:
            self.load_roles()

    def load_list(self, keep: int | None = None) -> None:
        current = selected_row(self.table)
        keep = keep if keep is not None else (current.person_id if current is not None else None)
        expired = self.include_expired.isChecked()
        rows, today = self.worker.call(lambda reg: (vol.list_volunteers(reg, include_expired=expired), reg.today()))
        self._today_iso = today.isoformat()
        self.model.set_rows(rows)
        self.count.setText(self.tr("{0}人").format(len(rows)))
        if keep is not None:
            select_where(self.table, lambda r: r.person_id == keep)

    def find(self) -> None:
        skills, interests, slots = self.find_skills.checked(), self.find_interests.checked(), self.find_slots.slots()
        try:
            rows = self.worker.call(lambda reg: vol.who_could_help(reg, skills=skills, interests=interests, slots=slots))
        except ERRORS as exc:
            self.found_label.setText("⚠ " + str(exc))
            return
        self.found.set_rows(rows)
        wanted = [*skills, *interests]
        if slots:
            wanted.append(slots_text(slots))
        what = self.tr("・").join(wanted) if wanted else self.tr("条件なし")
        if rows:
            self.found_label.setText(self.tr("{0}: {1}人見つかりました（手伝った回数が少ない人から）").format(what, len(rows)))
        else:
            self.found_label.setText(self.tr("{0}: 見つかりません。条件を減らしてみてください。").format(what))

    def clear_finder(self) -> None:
        for grid in (self.find_skills, self.find_interests):
            grid.set_checked([])
        self.find_slots.set_slots([])

    def load_roles(self) -> None:
        tenure, self._terms = self.worker.call(lambda reg: (vol.role_tenure(reg), vol.officer_history(reg)))
        self.tenure.set_rows(tenure)
        long = [t for t in tenure if t.years >= LONG_TENURE_YEARS]
        if long:
            names = self.tr("、").join(self.tr("{role}（{holder}さん・{n}年）").format(role=t.role, holder=t.holder, n=t.years)
                                       for t in long)
            self.tenure_warning.setText(self.tr(
                "⚠ 同じ人が{0}年以上続けている役職があります: {1}。後任を一緒に探し、引継ぎの準備を始めましょう。").format(LONG_TENURE_YEARS, names))
            self.tenure_warning.show()
        else:
            self.tenure_warning.hide()
        self._fill_history()

    def _fill_history(self, keep: int | None = None) -> None:
        current = selected_row(self.history_table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        which = self.role_filter.currentData()
        if which == "":
            rows = [t for t in self._terms if t.role != "班長"]  # notr
        elif which == "*":
            rows = list(self._terms)
        else:
            rows = [t for t in self._terms if t.role == which]
        self.history.set_rows(rows)
        if keep is not None:
            select_where(self.history_table, lambda t: t.id == keep)

    # -- actions --------------------------------------------------------------------------------

    def add(self) -> None:
        if not can(self.worker, "activity.write"):
            return
        dialog = VolunteerDialog(self.worker, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person_id is not None:
            self._loaded.clear()
            self.load_list(keep=dialog.person_id)

    def edit(self) -> None:
        v = selected_row(self.table)
        if v is None:
            dialogs.show_info(self, self.tr("担い手"), self.tr("一覧から人を選んでください。"))
            return
        writable = can(self.worker, "activity.write")
        try:
            dialog = VolunteerDialog(self.worker, v.person_id, v.name, read_only=not writable, parent=self)
        except ERRORS as exc:
            dialogs.show_error(self, self.tr("担い手"), str(exc))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self._loaded.clear()
            self.load_list(keep=v.person_id)

    def remove(self) -> None:
        v = selected_row(self.table)
        if v is None:
            dialogs.show_info(self, self.tr("担い手"), self.tr("一覧から人を選んでください。"))
            return
        if not dialogs.confirm(self, self.tr("登録を取り消す"), self.tr(
                "{0}さんの担い手の登録（特技・都合のよい時間など）を消します。\n"
                "行事に参加した記録は残ります。よろしいですか？").format(v.name), yes=self.tr("取り消す"),
                no=self.tr("やめる")):
            return
        try:
            self.worker.call(vol.remove_volunteer, v.person_id)
        except ERRORS as exc:
            dialogs.show_error(self, self.tr("登録を取り消す"), str(exc))
            return
        self._loaded.clear()
        self.load_list()

    def set_handed(self, done: bool) -> None:
        t = selected_row(self.history_table)
        if t is None:
            dialogs.show_info(self, self.tr("役職の履歴"), self.tr("「これまでの役職」の一覧から選んでください。"))
            return
        try:
            self.worker.call(vol.set_handed_over, t.id, done)
        except ERRORS as exc:
            dialogs.show_error(self, self.tr("引継ぎ"), str(exc))
            return
        self._terms = self.worker.call(vol.officer_history)
        self.tenure.set_rows(self.worker.call(vol.role_tenure))
        self._fill_history(keep=t.id)
