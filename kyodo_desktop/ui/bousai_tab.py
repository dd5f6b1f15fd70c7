"""資機材・避難場所・組織: the 防災資機材台帳, the gathering places and shelters of each 班, and the
自主防災 organisation chart of a 年度 — a thin layer over :mod:`kyodo_desktop.models.bousai`.

One tab of the 防災・連絡網 page (DisasterPage). The rules (what may be changed, by whom, the one
班長 per team, who is left out when last year's chart is copied) are the model's; its messages
are shown as they are. Without ``register.write`` (閲覧) everything is shown read-only; a 班長 sees
and changes what belongs to their 班. 「防災台帳を印刷…」 saves the PDF of all three parts.

:class:`PersonPicker` (find someone in the register by name or フリガナ) is shared with the
要支援者 tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import fiscal_year_label, search_fold, to_wareki
from kyodo_desktop.models.search import HouseholdIndex
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    ERRORS,
    MAX_HOUSEHOLDS,
    SECTION_STYLE,
    CheckGrid,
    PersonChoice,
    RowsModel,
    big_checks,
    button,
    can,
    error_label,
    fit_to_screen,
    make_read_only,
    make_table,
    min_rows,
    note,
    people_of,
    select_where,
    selected_row,
    shortcut,
    show_problem,
)
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit
from kyodo_desktop.ui.widgets import button_row
from kyodo_desktop.ui.worker import DbWorker

TITLE = QT_TRANSLATE_NOOP("", "資機材・避難場所・組織")
WRITE = "register.write"
OK_COLOR = "#1b5e20"
WHOLE = QT_TRANSLATE_NOOP("", "町会全体")
READ_ONLY_TIP = QT_TRANSLATE_NOOP("", "変更するには、名簿を変更できる役割（役員・班長・管理者）が必要です")


def wareki(iso: str | None) -> str:
    return to_wareki(date.fromisoformat(iso)) if iso else ""


def stretch_last(table: QTableView) -> QTableView:
    """The last column takes the room left over; at a large text size the table scrolls sideways
    rather than squeezing a column to nothing."""
    table.horizontalHeader().setStretchLastSection(True)
    return table


def say(label: QLabel, text: str, *, error: bool = False) -> None:
    """A message under a section: green for done, red with ⚠ for a problem (always in words)."""
    label.setText(("⚠ " if error and not text.startswith("⚠") else "") + text if text else "")
    label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
    label.setVisible(bool(text))


def dialog_buttons(dialog: QDialog, read_only: bool, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    if read_only:
        box.addButton(QDialogButtonBox.StandardButton.Close).setText(tr("閉じる"))
    else:
        box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("キャンセル"))
    for b in box.buttons():  # Enter in a field never saves by accident
        b.setAutoDefault(False)
        b.setDefault(False)
    box.rejected.connect(dialog.reject)
    return box


# -- finding a person in the register ----------------------------------------------------------------


class PersonPicker(QWidget):
    """A search box and the people it finds (name or フリガナ, any part): living members of
    households that are in the 町会 now. ``picked`` when the selection changes."""

    picked = Signal()

    def __init__(self, worker: DbWorker, parent: QWidget | None = None, *, name: str | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._index: HouseholdIndex | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前かフリガナの一部（例: たなか）"))
        self.search.setAccessibleName(name if name is not None else self.tr("名簿から探す"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RowsModel((self.tr("氏名"), self.tr("フリガナ"), self.tr("班"), self.tr("住所")), lambda p: (p.name, p.kana, p.block, p.address), self)
        self.table = stretch_last(make_table(self.model, (6.5, 9.5, 3, 9), stretch=None, name=self.tr("探した人")))
        min_rows(self.table, 4)
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(self.table.setFocus)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.picked.emit())
        self.setFocusProxy(self.search)

    def find(self, text: str) -> None:
        tokens = [t for t in (search_fold(w) for w in text.split()) if t]
        if not tokens:
            self.model.set_rows([])
            self.hint.setText("")
            self.picked.emit()
            return
        if self._index is None:
            self._index = self.worker.call(HouseholdIndex.load)
        positions = self._index.search(text, statuses=schema.HOUSEHOLD_PRESENT)
        more = len(positions) > MAX_HOUSEHOLDS
        households = [self._index.rows[i] for i in positions[:MAX_HOUSEHOLDS]]
        found = self.worker.call(people_of, [h.id for h in households])
        rows = [PersonChoice(p.person_id, p.name, p.kana, h.block_name, h.address, p.folded)
                for h in households for p in found.get(h.id, []) if all(t in p.folded for t in tokens)]
        self.model.set_rows(rows)
        if not rows:
            self.hint.setText(self.tr("⚠ 見つかりません。名前の一部かフリガナで探してください。"))
        elif more:
            self.hint.setText(self.tr("多すぎるため一部だけ表示しています。名前をもう少し入れてください。"))
        else:
            self.hint.setText("")
        if rows:
            self.table.selectRow(0)
        self.picked.emit()

    def chosen(self) -> PersonChoice | None:
        return selected_row(self.table)

    def choose(self, person_id: int) -> bool:
        """Select ``person_id`` among those found (tests, and keeping a choice)."""
        select_where(self.table, lambda p: p.person_id == person_id)
        c = self.chosen()
        return c is not None and c.person_id == person_id


# -- 資機材 -------------------------------------------------------------------------------------------


def check_text(e: bo.EquipmentRow) -> str:
    """The 最終点検 cell: the date, and a ⚠ with words when a check is due; 廃棄 for retired items."""
    if e.retired_on:
        return tr("廃棄（{0}）").format(wareki(e.retired_on))
    if e.flag:  # the warning first: it stays readable in a narrow column
        return f"⚠ {e.flag}" + (tr("（{0}）").format(wareki(e.checked_on)) if e.checked_on else "")
    return wareki(e.checked_on)


EQUIPMENT_COLUMNS = (QT_TRANSLATE_NOOP("", "品名"), QT_TRANSLATE_NOOP("", "数量"), QT_TRANSLATE_NOOP("", "保管場所"),
                     QT_TRANSLATE_NOOP("", "購入"), QT_TRANSLATE_NOOP("", "補助金"), QT_TRANSLATE_NOOP("", "最終点検"),
                     QT_TRANSLATE_NOOP("", "備考"))


def _equipment_cells(e: bo.EquipmentRow) -> tuple[Any, ...]:
    return (e.item, e.quantity, e.place, bo.year_or_date_text(e.bought_on), e.subsidy, check_text(e),
            e.notes.splitlines()[0] if e.notes else "")


def _equipment_tip(e: bo.EquipmentRow, col: int) -> str | None:
    """The whole cell (a narrow column cuts it), the whole 備考."""
    return e.notes or None if col == 6 else str(_equipment_cells(e)[col]) or None


class EquipmentDialog(QDialog):
    """Add or change one item of the 資機材台帳."""

    def __init__(self, worker: DbWorker, equipment_id: int | None = None, *, places: list[str] | None = None,
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.saved_id: int | None = None
        today = worker.call(lambda reg: reg.today())
        self.original = (worker.call(bo.get_equipment, equipment_id) if equipment_id is not None
                         else bo.EquipmentData(""))
        o = self.original
        self.setWindowTitle(self.tr("資機材を登録") if equipment_id is None else self.tr("資機材"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.item = QLineEdit(o.item)
        self.item.setPlaceholderText(self.tr("例: 消火器（粉末10型）"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, bo.MAX_QUANTITY)
        self.quantity.setValue(int(o.quantity or 0) if equipment_id is not None else 1)
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItems(places or [])
        self.place.setCurrentText(o.place)
        self.place.lineEdit().setPlaceholderText(self.tr("例: 防災倉庫（選ぶか入力）"))
        self.bought = QLineEdit(bo.year_or_date_text(o.bought_on) if o.bought_on else "")
        self.bought.setPlaceholderText(self.tr("年だけでも可（例: 令和3年、2021、2021/6/1）"))
        self.subsidy = QLineEdit(o.subsidy)
        self.subsidy.setPlaceholderText(self.tr("例: 市 自主防災組織資機材整備補助"))
        self.checked = WarekiDateEdit(label=self.tr("最終点検"), today=today, show_age=False)
        self.checked.setValue(o.checked_on)
        self.notes = QPlainTextEdit(o.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 16)
        for label, w in ((self.tr("品名"), self.item), (self.tr("数量"), self.quantity),
                         (self.tr("保管場所"), self.place), (self.tr("購入（年か日付）"), self.bought),
                         (self.tr("補助金"), self.subsidy), (self.tr("最終点検日"), self.checked),
                         (self.tr("備考"), self.notes)):
            w.setAccessibleName(label)
            form.addRow(label, w)
        layout.addLayout(form)
        if o.retired_on:
            layout.addWidget(note(self.tr("この資機材は{0}に廃棄しました。変更はできません。").format(wareki(o.retired_on))))
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = dialog_buttons(self, read_only or bool(o.retired_on), self.tr("保存する"))
        self.buttons.accepted.connect(self.save)
        layout.addWidget(self.buttons)
        if read_only or o.retired_on:
            make_read_only(self)
        self.item.setFocus()
        fit_to_screen(self, 620, 0)

    def data(self) -> bo.EquipmentData:
        o = self.original
        return bo.EquipmentData(self.item.text(), self.quantity.value(), self.place.currentText(),
                                self.bought.text().strip() or None, self.subsidy.text(), self.checked.value(),
                                self.notes.toPlainText(), o.id, o.retired_on)

    def save(self) -> None:
        if self.read_only or self.original.retired_on:
            self.reject()
            return
        try:
            self.saved_id = self.worker.call(bo.save_equipment, self.data())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


class RetireDialog(QDialog):
    """廃棄・返却: the day and why; the item's record stays."""

    def __init__(self, worker: DbWorker, item: bo.EquipmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.item = item
        self.setWindowTitle(self.tr("廃棄にする"))
        today = worker.call(lambda reg: reg.today())
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr("「{0}」（{1}）を台帳の一覧から外します。登録の記録は残ります。").format(
            item.item, item.quantity)))
        form = QFormLayout()
        self.day = WarekiDateEdit(label=self.tr("廃棄日"), today=today, show_age=False)
        self.day.setValue(today.isoformat())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("例: 使用期限切れ、破損、市へ返却"))
        self.reason.setAccessibleName(self.tr("理由"))
        form.addRow(self.tr("廃棄日"), self.day)
        form.addRow(self.tr("理由"), self.reason)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, False, self.tr("廃棄にする"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.reason.setFocus()
        fit_to_screen(self, 560, 0)

    def save(self) -> None:
        try:
            self.worker.call(bo.retire_equipment, self.item.id, self.day.value(), self.reason.text())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


# -- 避難場所 -------------------------------------------------------------------------------------------

PLACE_COLUMNS = (QT_TRANSLATE_NOOP("", "種類"), QT_TRANSLATE_NOOP("", "名称"), QT_TRANSLATE_NOOP("", "所在地"),
                 QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "備考"))


def _place_cells(p: bo.PlaceData) -> tuple[Any, ...]:
    return (p.kind, p.name, p.address, tr("・").join(p.blocks) if p.blocks else tr(WHOLE),
            p.notes.splitlines()[0] if p.notes else "")


def _place_tip(p: bo.PlaceData, col: int) -> str | None:
    return p.notes or None if col == 4 else str(_place_cells(p)[col]) or None


class PlaceDialog(QDialog):
    """Add or change a gathering place or shelter and the 班 it serves (none: the whole 町会)."""

    def __init__(self, worker: DbWorker, place: bo.PlaceData | None = None, *, blocks: list[hh.Block],
                 block_id: int | None = None, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.saved_id: int | None = None
        self.original = place or bo.PlaceData(schema.PLACE_KINDS[0], "", block_ids=[block_id] if block_id else [])
        o = self.original
        self.setWindowTitle(self.tr("避難場所を登録") if place is None else self.tr("避難場所"))
        self.setStyleSheet(big_checks(self))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItems(list(schema.PLACE_KINDS))
        self.kind.setCurrentText(o.kind)
        self.name = QLineEdit(o.name)
        self.name.setPlaceholderText(self.tr("例: 泉野公園"))
        self.address = QLineEdit(o.address)
        self.address.setPlaceholderText(self.tr("例: 泉野町3丁目"))
        self.notes = QPlainTextEdit(o.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 2 + 16)
        for label, w in ((self.tr("種類"), self.kind), (self.tr("名称"), self.name), (self.tr("所在地"), self.address),
                         (self.tr("備考"), self.notes)):
            w.setAccessibleName(label)
            form.addRow(label, w)
        layout.addLayout(form)
        box = QGroupBox(self.tr("この場所を使う班（どれも選ばなければ町会全体）"))
        bl = QVBoxLayout(box)
        self.block_ids = {b.name: b.id for b in blocks}
        self.blocks = CheckGrid(5)
        self.blocks.set_items([b.name for b in blocks])
        self.blocks.set_checked([b.name for b in blocks if b.id in o.block_ids])
        bl.addWidget(self.blocks)
        layout.addWidget(box)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, read_only, self.tr("保存する"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        if read_only:
            make_read_only(self)
        self.name.setFocus()
        fit_to_screen(self, 640, 0)

    def data(self) -> bo.PlaceData:
        return bo.PlaceData(self.kind.currentText(), self.name.text(), self.address.text(), self.notes.toPlainText(),
                            [self.block_ids[n] for n in self.blocks.checked()], self.original.id)

    def save(self) -> None:
        if self.read_only:
            self.reject()
            return
        try:
            self.saved_id = self.worker.call(bo.save_place, self.data())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


# -- 自主防災の組織 ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartRow:
    """A line of the chart: a member, or a team nobody has been put in yet (``member`` None)."""

    team: str
    member: bo.Member | None


CHART_COLUMNS = (QT_TRANSLATE_NOOP("", "班（役割）"), QT_TRANSLATE_NOOP("", "役"), QT_TRANSLATE_NOOP("", "氏名"),
                 QT_TRANSLATE_NOOP("", "住んでいる班"), QT_TRANSLATE_NOOP("", "気をつけること"))


def _chart_cells(r: ChartRow) -> tuple[Any, ...]:
    m = r.member
    if m is None:
        return (r.team, "", tr("（未定）"), "", tr("⚠ まだ誰もいません"))
    return (r.team, bo.role_label(r.team, m.role), m.name, m.block,
            "" if m.present else tr("⚠ 転出などで名簿にいません。外してください"))


def chart_rows(members: list[bo.Member], *, all_teams: bool = True) -> list[ChartRow]:
    rows: list[ChartRow] = []
    for team in schema.BOUSAI_TEAMS:
        mine = [m for m in members if m.team == team]
        rows.extend(ChartRow(team, m) for m in mine)
        if not mine and all_teams:
            rows.append(ChartRow(team, None))
    return rows


class AssignDialog(QDialog):
    """Put someone from the register in a team of the 自主防災 organisation for a 年度."""

    def __init__(self, worker: DbWorker, fiscal_year: int, team: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.fiscal_year = fiscal_year
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("自主防災の組織に入れる"))
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr("{0}の組織に入れる人を、名簿から探して選んでください。").format(
            fiscal_year_label(fiscal_year))))
        self.picker = PersonPicker(worker, self, name=self.tr("組織に入れる人を名簿から探す"))
        layout.addWidget(self.picker, 1)
        form = QFormLayout()
        self.team = QComboBox()
        self.team.addItems(list(schema.BOUSAI_TEAMS))
        if team:
            self.team.setCurrentText(team)
        self.team.setAccessibleName(self.tr("班（役割）"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("役"))
        form.addRow(self.tr("班（役割）"), self.team)
        form.addRow(self.tr("役"), self.role)
        layout.addLayout(form)
        self.team.currentTextChanged.connect(lambda _t: self._roles())
        self._roles()
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, False, self.tr("入れる"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.picker.setFocus()
        fit_to_screen(self, 720, 520)

    def _roles(self) -> None:
        keep = self.role.currentData()
        self.role.clear()
        for role in reversed(bo.ROLES):  # 班員 first: the usual choice
            self.role.addItem(bo.role_label(self.team.currentText(), role), role)
        self.role.setCurrentIndex(max(self.role.findData(keep), 0) if keep else 0)

    def save(self) -> None:
        chosen = self.picker.chosen()
        if chosen is None:
            show_problem(self.error, self.tr("名簿から入れる人を選んでください。"))
            return
        try:
            self.saved_id = self.worker.call(bo.assign_member, chosen.person_id, self.team.currentText(),
                                             self.role.currentData(), self.fiscal_year)
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


# -- the tab ------------------------------------------------------------------------------------------


class BousaiTab(QWidget):
    """資機材・避難場所・組織: three sections, and 「防災台帳を印刷…」 for all of them."""

    SECTIONS = (QT_TRANSLATE_NOOP("", "資機材"), QT_TRANSLATE_NOOP("", "集合場所・避難所"),
                QT_TRANSLATE_NOOP("", "自主防災の組織"))

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.setStyleSheet(big_checks(self))
        self.worker = worker
        self._blocks: list[hh.Block] = []
        self._fy = 0
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
        self.print_btn = button(self.tr("防災台帳を印刷…"), self.print_register,
                                tip=self.tr("資機材・班ごとの集合場所と避難所・自主防災組織表を1つのPDFに保存します"))
        switch.addWidget(self.print_btn)
        layout.addLayout(switch)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_equipment())
        self.stack.addWidget(self._build_places())
        self.stack.addWidget(self._build_chart())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("お知らせ"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.section_group.idClicked.connect(self.show_section)
        self.section_buttons[0].setChecked(True)
        shortcut(self, QKeySequence.StandardKey.New, self.add)
        self._tips = {b: b.toolTip() for b in (
            self.add_equipment_btn, self.check_btn, self.retire_btn, self.add_place_btn, self.delete_place_btn,
            self.assign_btn, self.leader_btn, self.remove_btn, self.copy_btn)}

    # -- building -------------------------------------------------------------------------------

    def _build_equipment(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(note(self.tr("町会の防災資機材です。点検から1年たったもの、点検の記録がないものは ⚠ と色で示します。")), 1)
        self.include_retired = QCheckBox(self.tr("廃棄したものも表示"))
        self.include_retired.toggled.connect(lambda _on: self.load_equipment())
        top.addWidget(self.include_retired)
        v.addLayout(top)
        self.equipment = RowsModel(tuple(map(tr, EQUIPMENT_COLUMNS)), _equipment_cells, self, numeric=(1,),
                                   warn=lambda e: e.overdue and not e.retired_on, muted=lambda e: bool(e.retired_on),
                                   tooltip=_equipment_tip)
        self.equipment_table = stretch_last(make_table(self.equipment, (10, 2.5, 7, 5, 7, 12, 8), stretch=None,
                                                       name=self.tr("防災資機材台帳")))
        self.equipment_table.doubleClicked.connect(lambda _i: self.edit_equipment())
        self.equipment_table.activated.connect(lambda _i: self.edit_equipment())
        self.equipment_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        v.addWidget(self.equipment_table, 1)
        row = QHBoxLayout()
        self.equipment_count = QLabel()
        row.addWidget(self.equipment_count)
        self.add_equipment_btn = button(self.tr("資機材を登録…"), self.add_equipment)
        self.edit_equipment_btn = button(self.tr("開く・変更…"), self.edit_equipment)
        self.check_btn = button(self.tr("点検した"), self.record_check,
                                tip=self.tr("選んだ資機材を、今日点検したと記録します"))
        self.retire_btn = button(self.tr("廃棄にする…"), self.retire_equipment,
                                 tip=self.tr("捨てた・返却した資機材を一覧から外します。記録は残ります"))
        row.addWidget(button_row(self.add_equipment_btn, self.edit_equipment_btn, self.check_btn, self.retire_btn), 1)  # wraps at large text
        v.addLayout(row)
        return page

    def _build_places(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(note(self.tr("班ごとの集合場所・避難場所です。班を選ばずに登録した場所は町会全体で使います。")), 1)
        top.addWidget(QLabel(self.tr("班:")))
        self.place_block = QComboBox()
        self.place_block.setAccessibleName(self.tr("表示する班"))
        self.place_block.currentIndexChanged.connect(lambda _i: self.load_places())
        top.addWidget(self.place_block)
        v.addLayout(top)
        self.places = RowsModel(tuple(map(tr, PLACE_COLUMNS)), _place_cells, self, tooltip=_place_tip)
        self.places_table = stretch_last(make_table(self.places, (6, 13, 11, 8, 8), stretch=None,
                                                    name=self.tr("集合場所・避難所")))
        self.places_table.doubleClicked.connect(lambda _i: self.edit_place())
        self.places_table.activated.connect(lambda _i: self.edit_place())
        self.places_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        v.addWidget(self.places_table, 1)
        self.places_missing = note()
        v.addWidget(self.places_missing)
        row = QHBoxLayout()
        self.places_count = QLabel()
        row.addWidget(self.places_count)
        self.add_place_btn = button(self.tr("場所を登録…"), self.add_place)
        self.edit_place_btn = button(self.tr("開く・変更…"), self.edit_place)
        self.delete_place_btn = button(self.tr("削除…"), self.delete_place)
        row.addWidget(button_row(self.add_place_btn, self.edit_place_btn, self.delete_place_btn), 1)  # wraps at large text
        v.addLayout(row)
        return page

    def _build_chart(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度:")))
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("組織の年度"))
        self.year.currentIndexChanged.connect(lambda _i: self.load_chart())
        top.addWidget(self.year)
        self.chart_count = QLabel()
        top.addWidget(self.chart_count)
        top.addStretch(1)
        self.copy_btn = button(self.tr("前年度の組織を写す"), self.copy_last_year,
                               tip=self.tr("前の年度の組織を、この年度に写します。転出などで名簿にいない人は写しません"))
        top.addWidget(self.copy_btn)
        v.addLayout(top)
        self.chart = RowsModel(tuple(map(tr, CHART_COLUMNS)), _chart_cells, self,
                               warn=lambda r: r.member is None or not r.member.present)
        self.chart_table = stretch_last(make_table(self.chart, (7, 4, 8, 6, 18), stretch=None, name=self.tr("自主防災の組織")))
        self.chart_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.chart_table.activated.connect(lambda _i: self.assign())
        v.addWidget(self.chart_table, 1)
        row = QHBoxLayout()
        row.addWidget(note(self.tr("各班に班長は1人です。班長を替えるときは、いまの班長を先に班員にします。")), 1)
        self.assign_btn = button(self.tr("人を入れる…"), self.assign)
        self.leader_btn = button(self.tr("班長にする"), self.toggle_role)
        self.remove_btn = button(self.tr("組織から外す…"), self.remove_member)
        for b in (self.assign_btn, self.leader_btn, self.remove_btn):
            row.addWidget(b)
        v.addLayout(row)
        return page

    # -- data -----------------------------------------------------------------------------------

    def writable(self) -> bool:
        return can(self.worker, WRITE)

    def show_section(self, n: int) -> None:
        self.section_buttons[n].setChecked(True)
        self.stack.setCurrentIndex(n)
        say(self.message, "")
        self._load(n)

    def refresh(self) -> None:
        """Reload everything the officer may see (after a login or a change elsewhere)."""
        self._blocks = self.worker.call(hh.list_blocks)
        self._fill_block_filter()
        self._fill_years()
        read_only = not self.writable()
        for b, tip in self._tips.items():
            b.setToolTip(tr(READ_ONLY_TIP) if read_only else tip)
        self.print_btn.setEnabled(can(self.worker, "output"))
        for n in range(3):
            self._load(n)

    def _load(self, n: int) -> None:
        (self.load_equipment, self.load_places, self.load_chart)[n]()

    def _fill_block_filter(self) -> None:
        keep = self.place_block.currentData()
        self.place_block.blockSignals(True)
        self.place_block.clear()
        self.place_block.addItem(self.tr("すべて"), None)
        for b in self._blocks:
            self.place_block.addItem(b.name, b.id)
        self.place_block.setCurrentIndex(max(self.place_block.findData(keep), 0))
        self.place_block.blockSignals(False)

    def _fill_years(self) -> None:
        this, years = self.worker.call(lambda reg: (bo.current_fiscal_year(reg), bo.chart_years(reg)))
        keep = self.year.currentData() or this
        self.year.blockSignals(True)
        self.year.clear()
        for fy in sorted({*years, this - 1, this, this + 1}, reverse=True):
            self.year.addItem(fiscal_year_label(fy) + (self.tr("（今年度）") if fy == this else ""), fy)
        self.year.setCurrentIndex(max(self.year.findData(keep), 0))
        self.year.blockSignals(False)

    def load_equipment(self, keep: int | None = None) -> None:
        current = selected_row(self.equipment_table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        rows = self.worker.call(lambda reg: bo.list_equipment(reg, include_retired=self.include_retired.isChecked()))
        self.equipment.set_rows(rows)
        active = [e for e in rows if not e.retired_on]
        due = sum(1 for e in active if e.flag)
        text = self.tr("{0}品目").format(len(active))
        if due:
            text += self.tr("　⚠ 点検が必要: {0}品目").format(due)
        self.equipment_count.setText(text)
        if keep is not None:
            select_where(self.equipment_table, lambda e: e.id == keep)
        self._update_buttons()

    def load_places(self, keep: int | None = None) -> None:
        current = selected_row(self.places_table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        block = self.place_block.currentData()
        places = self.worker.call(bo.list_places) if block is None else self.worker.call(bo.places_for_block, block)
        self.places.set_rows(places)
        self.places_count.setText(self.tr("{0}か所").format(len(places)))
        if block is None:
            everyone = [p for p in places if not p.block_ids]
            served = {b for p in places for b in p.block_ids}
            missing = [b.name for b in self._blocks if b.id not in served]
            self.places_missing.setText(self.tr("⚠ 自分の班の集合場所がまだない班: {0}{1}").format(
                self.tr("・").join(missing), self.tr("（町会全体の場所を使います）") if everyone else "") if missing else "")
        else:
            self.places_missing.setText("" if places else self.tr("⚠ この班で使う場所がまだ登録されていません。"))
        self.places_missing.setVisible(bool(self.places_missing.text()))
        if keep is not None:
            select_where(self.places_table, lambda p: p.id == keep)
        self._update_buttons()

    def selected_year(self) -> int:
        fy = self.year.currentData()
        if fy is None:
            fy = self.worker.call(bo.current_fiscal_year)
        return int(fy)

    def load_chart(self, keep: int | None = None) -> None:
        current = selected_row(self.chart_table)
        keep = keep if keep is not None else (current.member.id if current is not None and current.member else None)
        fy = self.selected_year()
        members = self.worker.call(bo.list_chart, fy)
        self.chart.set_rows(chart_rows(members))
        gone = sum(1 for m in members if not m.present)
        text = self.tr("{0}人").format(len(members))
        if gone:
            text += self.tr("（⚠ 名簿にいない人 {0}人）").format(gone)
        self.chart_count.setText(text)
        self.copy_btn.setText(self.tr("{0}の組織を写す").format(fiscal_year_label(fy - 1)))
        if keep is not None:
            select_where(self.chart_table, lambda r: r.member is not None and r.member.id == keep)
        self._update_buttons()

    def _update_buttons(self) -> None:
        w = self.writable()
        e = selected_row(self.equipment_table)
        self.add_equipment_btn.setEnabled(w)
        self.edit_equipment_btn.setEnabled(e is not None)
        self.edit_equipment_btn.setText(self.tr("開く・変更…") if w else self.tr("開く…"))
        self.check_btn.setEnabled(w and e is not None and not e.retired_on)
        self.retire_btn.setEnabled(w and e is not None and not e.retired_on)
        p = selected_row(self.places_table)
        self.add_place_btn.setEnabled(w)
        self.edit_place_btn.setEnabled(p is not None)
        self.edit_place_btn.setText(self.tr("開く・変更…") if w else self.tr("開く…"))
        self.delete_place_btn.setEnabled(w and p is not None)
        r = selected_row(self.chart_table)
        m = r.member if r is not None else None
        self.assign_btn.setEnabled(w)
        self.copy_btn.setEnabled(w)
        self.remove_btn.setEnabled(w and m is not None)
        self.leader_btn.setEnabled(w and m is not None and m.present)
        if m is not None:
            other = "班員" if m.role == "班長" else "班長"  # notr
            self.leader_btn.setText(self.tr("{0}にする").format(bo.role_label(m.team, other)))
        else:
            self.leader_btn.setText(self.tr("班長にする"))

    # -- actions: 資機材 ------------------------------------------------------------------------

    def add(self) -> None:
        """Ctrl+N: add in the section being shown."""
        (self.add_equipment, self.add_place, self.assign)[self.stack.currentIndex()]()

    def _equipment_places(self) -> list[str]:
        return sorted({e.place for e in self.equipment.rows if e.place})

    def add_equipment(self) -> None:
        if not self.writable():
            return
        dialog = EquipmentDialog(self.worker, places=self._equipment_places(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.load_equipment(keep=dialog.saved_id)
            say(self.message, self.tr("資機材を登録しました。"))

    def edit_equipment(self) -> None:
        e = selected_row(self.equipment_table)
        if e is None:
            return
        try:
            dialog = EquipmentDialog(self.worker, e.id, places=self._equipment_places(),
                                     read_only=not self.writable(), parent=self)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.load_equipment(keep=e.id)

    def record_check(self) -> None:
        e = selected_row(self.equipment_table)
        if e is None or not self.writable():
            return
        try:
            today = self.worker.call(lambda reg: (bo.record_equipment_check(reg, e.id), reg.today())[1])
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.load_equipment(keep=e.id)
        say(self.message, self.tr("「{0}」を{1}に点検したと記録しました。").format(e.item, to_wareki(today)))

    def retire_equipment(self) -> None:
        e = selected_row(self.equipment_table)
        if e is None or not self.writable():
            return
        dialog = RetireDialog(self.worker, e, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_equipment()
            say(self.message, self.tr("「{0}」を廃棄にしました（「廃棄したものも表示」で見られます）。").format(e.item))

    # -- actions: places ------------------------------------------------------------------------

    def add_place(self) -> None:
        if not self.writable():
            return
        block = self.place_block.currentData()
        own = self.worker.register.session.block_ids if self.worker.register is not None else None
        if block is None and own:  # a 班長 registers places of their own 班
            block = sorted(own)[0]
        dialog = PlaceDialog(self.worker, blocks=self._blocks, block_id=block, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.load_places(keep=dialog.saved_id)
            say(self.message, self.tr("場所を登録しました。"))

    def edit_place(self) -> None:
        p = selected_row(self.places_table)
        if p is None:
            return
        dialog = PlaceDialog(self.worker, p, blocks=self._blocks, read_only=not self.writable(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.load_places(keep=p.id)

    def delete_place(self) -> None:
        p = selected_row(self.places_table)
        if p is None or not self.writable():
            return
        if not dialogs.confirm(self, self.tr("場所を削除"), self.tr("{0}「{1}」を削除します。よろしいですか？").format(
                p.kind, p.name), yes=self.tr("削除する"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(bo.delete_place, p.id)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.load_places()
        say(self.message, self.tr("{0}「{1}」を削除しました。").format(p.kind, p.name))

    # -- actions: the organisation ------------------------------------------------------------------

    def assign(self) -> None:
        if not self.writable():
            return
        r = selected_row(self.chart_table)
        dialog = AssignDialog(self.worker, self.selected_year(), r.team if r is not None else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_chart(keep=dialog.saved_id)
            self._fill_years()

    def toggle_role(self) -> None:
        r = selected_row(self.chart_table)
        m = r.member if r is not None else None
        if m is None or not self.writable():
            return
        role = "班員" if m.role == "班長" else "班長"  # notr
        try:
            self.worker.call(bo.assign_member, m.person_id, m.team, role, m.fiscal_year)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.load_chart(keep=m.id)
        say(self.message, self.tr("{0}さんを{1}の{2}にしました。").format(m.name, m.team, bo.role_label(m.team, role)))

    def remove_member(self) -> None:
        r = selected_row(self.chart_table)
        m = r.member if r is not None else None
        if m is None or not self.writable():
            return
        if not dialogs.confirm(self, self.tr("組織から外す"), self.tr("{0}の{1}から{2}さんを外します。よろしいですか？").format(
                fiscal_year_label(m.fiscal_year), m.team, m.name), yes=self.tr("外す"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(bo.remove_member, m.id)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.load_chart()
        say(self.message, self.tr("{0}さんを{1}から外しました。").format(m.name, m.team))

    def copy_last_year(self) -> None:
        if not self.writable():
            return
        to_fy = self.selected_year()
        from_fy = to_fy - 1
        if not dialogs.confirm(self, self.tr("前年度の組織を写す"), self.tr(
                "{0}の自主防災の組織を{1}に写します。すでに{1}にいる人はそのままです。"
                "転出・死亡などで名簿にいない人は写しません。よろしいですか？").format(
                fiscal_year_label(from_fy), fiscal_year_label(to_fy)), yes=self.tr("写す"), no=self.tr("やめる")):
            return
        try:
            result = self.worker.call(bo.copy_chart, from_fy, to_fy)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self._fill_years()
        self.load_chart()
        text = self.tr("{0}の組織から{1}人を写しました。").format(fiscal_year_label(from_fy), result.copied)
        if result.already:
            text += self.tr("（{0}人はすでに入っていました）").format(result.already)
        if result.left_out:
            text += self.tr("\n転出などで名簿にいないため写さなかった人: {0}").format("、".join(result.left_out))
        if result.as_member:
            text += self.tr("\nその班にはもう班長がいるため、班員として写した人: {0}").format("、".join(result.as_member))
        say(self.message, text)

    # -- printing -------------------------------------------------------------------------------

    def print_register(self, target: Path | None = None) -> Path | None:
        """Save the 防災台帳 (資機材, places, the organisation of the chosen 年度) as a PDF."""
        if not can(self.worker, "output"):
            return None
        fy = self.selected_year()
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("防災台帳の保存先"),
                                                    str(Path.home() / self.tr("防災台帳_{0}.pdf").format(fiscal_year_label(fy))),
                                                    "PDF (*.pdf)")
            if not chosen:
                return None
            target = Path(chosen)
        from kyodo_desktop.export.bousai_docs import write_bousai_register
        from kyodo_desktop.export.documents import PrintCancelled

        try:
            result = self.worker.call_with_progress(write_bousai_register, target, fiscal_year=fy,
                                                    label=self.tr("防災台帳を作っています…"), parent=self)
        except PrintCancelled:
            say(self.message, self.tr("防災台帳の作成を中止しました（ファイルは作っていません）。"))
            return None
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return None
        text = self.tr("防災台帳を保存しました（{0}ページ）: {1}").format(result.pages, target)
        if result.warning:
            text += "\n⚠ " + result.warning
        say(self.message, text)
        return target
