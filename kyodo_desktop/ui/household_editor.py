"""世帯の追加・編集: a thin Qt layer over :mod:`kyodo_desktop.models.households`.

The dialog only collects what the officer types into a :class:`HouseholdData` and hands it to
the ``save`` callable it was given; all checking is the model's (``ValidationErrors``), and the
messages are shown at the fields and in a summary at the top. Nothing the officer typed is lost
when saving fails. People are edited in :class:`PersonDialog`; leaving is recorded as a dated
status (転出・死亡), never by deleting the row.

Message boxes go through the module-level :func:`show_error`, :func:`ask_discard` and
:func:`choose_address` so that tests can replace them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import schema
from kyodo_desktop.models.households import (
    Block,
    HouseholdData,
    PersonData,
    ValidationErrors,
)
from kyodo_desktop.models.japanese import age, to_katakana
from kyodo_desktop.models.postal import PostalAddress, PostalCodeError
from kyodo_desktop.models.register import RegisterError
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.wareki_edit import ERROR_COLOR, WarekiDateEdit, try_parse_date, wareki_text

MIN_BUTTON_HEIGHT = 36
GONE_COLOR = "#5f5f5f"  # greyed rows of people who left; still 6:1 contrast on white
_PERSON_FIELD = re.compile(r"^persons\[(\d+)\]\.(\w+)$")
_SEVEN_DIGITS = re.compile(r"^\D*(\d{3})\D?(\d{4})$")


# -- seams for tests ------------------------------------------------------------------------


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box (replaced in tests)."""
    dialogs.show_error(parent, title, text)


def ask_discard(parent: QWidget | None) -> bool:
    """True if the officer agrees to throw away unsaved changes (replaced in tests)."""
    return dialogs.confirm(
        parent,
        tr("保存していない変更"),
        tr("保存していない変更があります。破棄しますか？"),
        yes=tr("破棄して閉じる"),
        no=tr("編集に戻る"),
    )


def choose_address(parent: QWidget | None, results: list[PostalAddress]) -> PostalAddress | None:
    """Let the officer pick one of several addresses for a postal code (replaced in tests)."""
    dlg = AddressChoiceDialog(results, parent)
    return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


def confirm_delete_contact(parent: QWidget | None, text: str) -> bool:
    """True if the officer agrees to delete an emergency contact (replaced in tests)."""
    return dialogs.confirm(parent, tr("緊急連絡先の削除"), text, yes=tr("削除する"), no=tr("やめる"))


# -- small helpers --------------------------------------------------------------------------


def _button(text: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(MIN_BUTTON_HEIGHT)
    b.setAccessibleName(text)
    if tip:
        b.setToolTip(tip)
    return b


_parse = try_parse_date


def _ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], object]) -> QHBoxLayout:
    """The dialog's right-aligned OK / 「やめる」 buttons (kept as ``ok_button``/``cancel_button``)."""
    dialog.ok_button = _button(ok_text)
    dialog.cancel_button = _button(tr("やめる"))
    dialog.ok_button.clicked.connect(on_ok)
    dialog.cancel_button.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(dialog.ok_button)
    row.addWidget(dialog.cancel_button)
    return row


def display_name(p: PersonData) -> str:
    return p.full_name or tr("（氏名が空欄）")


class FieldRow:
    """One input with a message line under it: hints in normal text, problems in red with ⚠
    and a red border on the input (never colour alone)."""

    def __init__(self, widget: QWidget, *, mark: QWidget | None = None, extra: list[QWidget] | None = None) -> None:
        self.widget = widget
        self.mark = mark or widget
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if extra:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            for w in extra:
                row.addWidget(w)
            layout.addLayout(row)
        else:
            layout.addWidget(widget)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.error = ""

    def set_error(self, text: str) -> None:
        self.error = text
        self.message.setText("⚠ " + text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        # a date field already says the same thing under itself
        own = self.widget.error() if isinstance(self.widget, WarekiDateEdit) else ""
        self.message.setVisible(own != text)
        cls = self.mark.metaObject().className()
        self.mark.setStyleSheet(f"{cls} {{ border: 2px solid {ERROR_COLOR}; padding: 2px; }}")
        self.mark.setAccessibleDescription(text)

    def set_hint(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        self.error = ""
        self.message.clear()
        self.message.setStyleSheet("")
        self.message.setVisible(False)
        self.mark.setStyleSheet("")
        self.mark.setAccessibleDescription("")


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


def _set_combo(combo: QComboBox, value: Any) -> None:
    """Select ``value`` (item data), adding it if the register holds something not offered."""
    i = combo.findData(value)
    if i < 0:
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(i)


def _choice_combo(values: tuple[str, ...], name: str, blank: str = "") -> QComboBox:
    combo = QComboBox()
    for v in values:
        combo.addItem(v if v else blank, v)
    combo.setAccessibleName(name)
    return combo


# -- the people table -------------------------------------------------------------------------


class PersonsModel(QAbstractTableModel):
    """世帯員 as rows: 氏名, フリガナ, 続柄, 生年月日（和暦）, 年齢, 状態."""

    HEADERS = (
        QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "フリガナ"), QT_TRANSLATE_NOOP("", "続柄"),
        QT_TRANSLATE_NOOP("", "生年月日（和暦）"), QT_TRANSLATE_NOOP("", "年齢"), QT_TRANSLATE_NOOP("", "状態"),
    )

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.persons: list[PersonData] = []
        self.head_index = 0
        self.errors: dict[int, dict[str, str]] = {}

    def set_rows(self, persons: list[PersonData], head_index: int, errors: dict[int, dict[str, str]]) -> None:
        self.beginResetModel()
        self.persons = list(persons)
        self.head_index = head_index
        self.errors = errors
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.persons)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return self.tr("{n}人目").format(n=section + 1) if 0 <= section < len(self.persons) else None

    def cell_text(self, row: int, col: int) -> str:
        p = self.persons[row]
        birth = _parse(p.birth_date)
        if col == 0:
            text = display_name(p)
            return "⚠ " + text if row in self.errors else text
        if col == 1:
            return p.full_kana
        if col == 2:
            if row != self.head_index:
                return p.relation
            if p.relation in ("", "世帯主"):  # notr
                return self.tr("★世帯主")
            return self.tr("★世帯主（{relation}）").format(relation=p.relation)
        if col == 3:
            if birth:
                return wareki_text(birth)
            return "⚠ " + str(p.birth_date) if p.birth_date else self.tr("不明")
        if col == 4:
            return self.tr("{n}歳").format(n=age(birth, self.today)) if birth and birth <= self.today else ""
        if col == 5:
            since = _parse(p.status_since)
            if p.status in schema.PERSON_PRESENT or not since:
                return p.status
            return self.tr("{status} {since}").format(status=p.status, since=wareki_text(since))
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.persons):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row in self.errors:
                return QColor(ERROR_COLOR)
            if self.persons[row].status not in schema.PERSON_PRESENT:
                return QColor(GONE_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            p = self.persons[row]
            tips = list(self.errors.get(row, {}).values())
            if p.status not in schema.PERSON_PRESENT and p.status_reason:
                tips.append(self.tr("理由: {r}").format(r=p.status_reason))
            return "\n".join(tips) or None
        return None


# -- dialogs for one person -------------------------------------------------------------------


class PersonDialog(_Dialog):
    """氏名・フリガナ・続柄・生年月日… of one person. ``person()`` gives the edited copy."""

    def __init__(
        self,
        person: PersonData,
        *,
        today: date,
        number: int | None = None,
        errors: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = person
        if person.id is None and not person.given_name:
            title = self.tr("世帯員の追加")
        else:
            title = self.tr("世帯員の編集 — {name}").format(name=f"{person.family_name} {person.given_name}".strip())
        if number is not None:
            title += self.tr("（{n}人目）").format(n=number)
        self.setWindowTitle(title)

        self.family_name = QLineEdit(person.family_name)
        self.given_name = QLineEdit(person.given_name)
        self.family_kana = QLineEdit(person.family_kana)
        self.given_kana = QLineEdit(person.given_kana)
        for le in (self.family_kana, self.given_kana):
            le.setPlaceholderText(self.tr("ひらがなでも入力できます"))
            le.editingFinished.connect(lambda le=le: self._to_katakana(le))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(list(schema.RELATIONS))
        self.relation.setCurrentText(person.relation)
        self.birth_date = WarekiDateEdit(label=self.tr("生年月日"), today=today, show_age=True)
        self.birth_date.setValue(person.birth_date)
        self.sex = _choice_combo(schema.SEXES, self.tr("性別"), blank=self.tr("（記入しない）"))
        _set_combo(self.sex, person.sex)
        self.mobile = QLineEdit(person.mobile)
        self.mobile.setPlaceholderText(self.tr("例: 090-1234-5678"))
        self.email = QLineEdit(person.email)
        self.email.setPlaceholderText(self.tr("例: name@example.jp"))
        self.notes = QPlainTextEdit(person.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("健康・病気などの情報はここに書かないでください"))
        self.notes.setMinimumHeight(self.fontMetrics().height() * 3 + 16)

        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        for column, label, widget in (
            ("family_name", self.tr("氏（姓）"), self.family_name),
            ("given_name", self.tr("名"), self.given_name),
            ("family_kana", self.tr("フリガナ（姓）"), self.family_kana),
            ("given_kana", self.tr("フリガナ（名）"), self.given_kana),
            ("relation", self.tr("続柄"), self.relation),
            ("birth_date", self.tr("生年月日"), self.birth_date),
            ("sex", self.tr("性別"), self.sex),
            ("mobile", self.tr("携帯電話"), self.mobile),
            ("email", self.tr("メール"), self.email),
            ("notes", self.tr("備考"), self.notes),
        ):
            if column != "birth_date":
                widget.setAccessibleName(label)
            mark = self.birth_date.edit if widget is self.birth_date else widget
            row = FieldRow(widget, mark=mark)
            self.rows[column] = row
            caption = QLabel(label)
            caption.setBuddy(mark)
            form.addRow(caption, row.container)
        if person.status not in schema.PERSON_PRESENT:
            since = _parse(person.status_since)
            text = person.status + (self.tr("（{d}）").format(d=wareki_text(since)) if since else "")
            if person.status_reason:
                text += self.tr("　理由: {r}").format(r=person.status_reason)
            status = QLabel(text)
            status.setAccessibleName(self.tr("状態"))
            form.addRow(QLabel(self.tr("状態")), status)

        buttons = _ok_cancel(self, self.tr("決定"), self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 34)  # notr

        chain: list[QWidget] = [
            self.family_name, self.given_name, self.family_kana, self.given_kana, self.relation,
            self.birth_date.edit, self.birth_date.era, self.birth_date.year, self.birth_date.month,
            self.birth_date.day, self.sex, self.mobile, self.email, self.notes, self.ok_button,
            self.cancel_button,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        first = None
        for column, message in (errors or {}).items():
            row = self.rows.get(column)
            if row is None:
                continue
            row.set_error(message)
            first = first or row.mark
        (first or self.family_name).setFocus()

    def _to_katakana(self, le: QLineEdit) -> None:
        converted = to_katakana(le.text())
        if converted != le.text():
            le.setText(converted)

    def person(self) -> PersonData:
        return replace(
            self._original,
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            family_kana=to_katakana(self.family_kana.text()),
            given_kana=to_katakana(self.given_kana.text()),
            relation=self.relation.currentText(),
            birth_date=self.birth_date.value(),
            sex=self.sex.currentData(),
            mobile=self.mobile.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
        )


class PersonStatusDialog(_Dialog):
    """転出・死亡を記録: the status, from which day, and why."""

    def __init__(self, person: PersonData, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("転出・死亡を記録 — {name}").format(name=display_name(person)))
        intro = QLabel(
            self.tr("「{name}」さんの転出・死亡を記録します。名簿からは消えず、灰色で残ります。").format(
                name=display_name(person)
            )
        )
        intro.setWordWrap(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("状態"))
        for s in (QT_TRANSLATE_NOOP("", "転出"), QT_TRANSLATE_NOOP("", "死亡"), QT_TRANSLATE_NOOP("", "別居")):
            self.status.addItem(tr(s), s)
        if person.status not in ("転出", "死亡", "別居"):  # notr
            self.status.setCurrentIndex(0)
        else:
            self.status.addItem(self.tr("在籍（記録を取り消す）"), "在籍")  # notr
            _set_combo(self.status, person.status)
        self.since = WarekiDateEdit(label=self.tr("日付"), today=today, show_age=False)
        self.since.setValue(person.status_since if person.status not in schema.PERSON_PRESENT else today.isoformat())
        self.reason = QLineEdit(person.status_reason)
        self.reason.setAccessibleName(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("例: 東京都へ転居"))
        self.since_row = FieldRow(self.since, mark=self.since.edit)
        form = QFormLayout()
        form.addRow(self.tr("状態"), self.status)
        form.addRow(self.tr("日付"), self.since_row.container)
        form.addRow(self.tr("理由"), self.reason)
        buttons = _ok_cancel(self, self.tr("記録する"), self._check_and_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 30)  # notr
        self.status.setFocus()

    def _check_and_accept(self) -> None:
        if self.since.value() is None:
            self.since_row.set_error(self.tr("日付を入力してください。"))
            self.since.setFocus()
            return
        if self.since.error():
            self.since_row.set_error(self.since.error())
            self.since.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str | None, str]:
        return self.status.currentData(), self.since.value(), self.reason.text()


class AddressChoiceDialog(_Dialog):
    """Several addresses share one postal code: pick one."""

    def __init__(self, results: list[PostalAddress], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("住所を選ぶ"))
        self.results = results
        label = QLabel(self.tr("この郵便番号には住所がいくつかあります。選んでください。"))
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("住所の候補"))
        for a in results:
            text = a.address + (self.tr("　（{note}）").format(note=a.note) if a.note else "") + (f"　{a.office_name}" if a.office_name else "")
            QListWidgetItem(text, self.list)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        ok = _button(self.tr("これにする"))
        cancel = _button(self.tr("やめる"))
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def chosen(self) -> PostalAddress | None:
        row = self.list.currentRow()
        return self.results[row] if 0 <= row < len(self.results) else None


# -- emergency contacts (緊急連絡先) -------------------------------------------------------------

HOUSEHOLD_TARGET = 0  # the 対象 combo's data for 「世帯全体」


class ContactsModel(QAbstractTableModel):
    """The household's emergency contacts and those of its people, by priority (from the model)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("", "順位"), QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "続柄・関係"),
        QT_TRANSLATE_NOOP("", "電話"), QT_TRANSLATE_NOOP("", "住所"), QT_TRANSLATE_NOOP("", "だれの連絡先"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.contacts: list[ct.EmergencyContact] = []
        self.names: dict[int, str] = {}  # person id → name

    def set_rows(self, contacts: list[ct.EmergencyContact], names: dict[int, str]) -> None:
        self.beginResetModel()
        self.contacts = list(contacts)
        self.names = dict(names)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.contacts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def target_text(self, c: ct.EmergencyContact) -> str:
        if c.person_id is None:
            return self.tr("世帯全体")
        return self.names.get(c.person_id, self.tr("（番号{id}の人）").format(id=c.person_id))

    def cell_text(self, row: int, col: int) -> str:
        c = self.contacts[row]
        return (str(c.priority), c.name, c.relation, c.phone, c.address, self.target_text(c))[col]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.contacts) \
                or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            c = self.contacts[index.row()]
            return c.notes or (c.address if index.column() == 4 and c.address else None)
        return None


class ContactDialog(_Dialog):
    """One emergency contact. 「保存」 hands it to the model at once; a problem is shown at its
    field and nothing is saved."""

    # the model's field labels (ValidationError.label) → the field; compared, not shown
    LABELS = {"連絡先の氏名": "name", "電話": "phone", "続柄・関係": "relation", "住所": "address", "順位": "priority",  # notr
              "備考": "notes"}  # notr

    def __init__(
        self,
        contact: ct.EmergencyContact,
        people: list[tuple[int, str, bool]],
        save: Callable[[ct.EmergencyContact], int],
        household_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = contact
        self.household_id = household_id
        self._save = save
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("緊急連絡先の追加") if contact.id is None else self.tr("緊急連絡先の編集"))
        self.name = QLineEdit(contact.name)
        self.name.setPlaceholderText(self.tr("例: 山田 一郎"))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(["", "長男", "長女", "次男", "次女", "子", "兄弟姉妹", "親戚", "知人", "近所の方", "ケアマネジャー"])  # notr
        self.relation.setCurrentText(contact.relation)
        self.relation.lineEdit().setPlaceholderText(self.tr("例: 長男（東京）"))
        self.phone = QLineEdit(contact.phone)
        self.phone.setPlaceholderText(self.tr("例: 090-1234-5678（市外局番は省略できます）"))
        self.address = QLineEdit(contact.address)
        self.address.setPlaceholderText(self.tr("例: 東京都練馬区…"))
        self.priority = QSpinBox()
        self.priority.setRange(1, 9)
        self.priority.setValue(min(9, max(1, int(contact.priority or 1))))
        self.priority.setToolTip(self.tr("1 が最初に連絡する先です"))
        self.target = QComboBox()
        self.target.addItem(self.tr("世帯全体"), HOUSEHOLD_TARGET)
        for pid, name, present in people:
            if present or pid == contact.person_id:
                self.target.addItem(name, pid)
        _set_combo(self.target, contact.person_id if contact.person_id is not None else HOUSEHOLD_TARGET)
        self.notes = QLineEdit(contact.notes)
        self.notes.setPlaceholderText(self.tr("例: 平日の昼は携帯へ"))
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("target", self.tr("だれの連絡先"), self.target),
            ("name", self.tr("氏名"), self.name),
            ("relation", self.tr("続柄・関係"), self.relation),
            ("phone", self.tr("電話"), self.phone),
            ("address", self.tr("住所"), self.address),
            ("priority", self.tr("順位"), self.priority),
            ("notes", self.tr("備考"), self.notes),
        ):
            widget.setAccessibleName(label)
            row = FieldRow(widget)
            self.rows[key] = row
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, row.container)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.message.setVisible(False)
        note = QLabel(self.tr("「保存」を押すと、すぐに台帳に保存されます。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(_ok_cancel(self, self.tr("保存"), self.save))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 34)  # notr
        self.name.setFocus()

    def contact(self) -> ct.EmergencyContact:
        target = self.target.currentData()
        person = None if target == HOUSEHOLD_TARGET else target
        return replace(
            self._original,
            name=self.name.text(),
            relation=self.relation.currentText(),
            phone=self.phone.text(),
            address=self.address.text(),
            priority=self.priority.value(),
            notes=self.notes.text(),
            person_id=person,
            household_id=None if person is not None else self.household_id,
        )

    def save(self) -> None:
        for row in self.rows.values():
            row.clear()
        self.message.setVisible(False)
        try:
            self.saved_id = self._save(self.contact())
        except ValidationError as exc:
            key = self.LABELS.get(exc.label)
            if key is not None:
                self.rows[key].set_error(exc.message)
                self.rows[key].mark.setFocus()
            else:
                self.message.setText("⚠ " + str(exc))
                self.message.setVisible(True)
            return
        except RegisterError as exc:
            self.message.setText(self.tr("⚠ {message}（保存していません）").format(message=exc))
            self.message.setVisible(True)
            return
        self.accept()


class ContactsSection(QGroupBox):
    """緊急連絡先 of a saved household: the list, and 追加・編集・削除 (each saved at once through
    ``call``, a :meth:`DbWorker.call`)."""

    def __init__(self, call: Callable[..., Any] | None, household_id: int | None,
                 people: Callable[[], list[tuple[int, str, bool]]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("緊急連絡先（追加・変更はすぐに保存されます）"), parent)
        self._call = call
        self.household_id = household_id
        self._people = people
        self.can_write = False
        self.dialog: ContactDialog | None = None
        self.model = ContactsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("緊急連絡先の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        for col, width in enumerate((2.5, 6, 6, 7.5, 8, 5)):
            self.table.setColumnWidth(col, int(width * em + 14))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + vh.defaultSectionSize() * 3 + 4)
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.table.activated.connect(lambda _i: self.edit_contact())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.add_button = _button(self.tr("連絡先を追加…"), self.tr("遠くの家族・近所の方など、緊急のときの連絡先を加えます"))
        self.edit_button = _button(self.tr("編集…"))
        self.delete_button = _button(self.tr("削除"))
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.delete_button.clicked.connect(self.delete_contact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if self._call is None or self.household_id is None:
            self.model.set_rows([], {})
            self.note.setText(self.tr("世帯を保存すると、緊急連絡先を登録できます。") if self._call is not None
                              else self.tr("緊急連絡先は、名簿の画面から開いたときに登録できます。"))
            self.note.setVisible(True)
            self.can_write = False
            self._update_buttons()
            return
        try:
            contacts, self.can_write = self._call(_load_contacts, self.household_id)
        except RegisterError as exc:
            self._say("⚠ " + str(exc), error=True)
            self.can_write = False
            self._update_buttons()
            return
        self.model.set_rows(contacts, {pid: name for pid, name, _present in self._people()})
        self.note.setText("" if self.can_write else self.tr("閲覧のみ: 緊急連絡先を変える権限がありません。"))
        self.note.setVisible(not self.can_write)
        if select_id is not None:
            row = next((n for n, c in enumerate(contacts) if c.id == select_id), -1)
            if row >= 0:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> ct.EmergencyContact | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.contacts[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.can_write)
        self.edit_button.setEnabled(self.can_write and chosen)
        self.delete_button.setEnabled(self.can_write and chosen)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else '#1b5e20'};")
        self.message.setVisible(bool(text))

    def add_contact(self) -> None:
        if self.can_write and self.household_id is not None:
            self._open(ct.EmergencyContact("", household_id=self.household_id,
                                           priority=min(9, len(self.model.contacts) + 1)))

    def edit_contact(self) -> None:
        c = self.selected()
        if c is not None and self.can_write:
            self._open(c)

    def _open(self, contact: ct.EmergencyContact) -> None:
        if self.dialog is not None or self._call is None or self.household_id is None:
            return
        call = self._call
        dlg = ContactDialog(contact, self._people(), lambda c: call(ct.save_contact, c), self.household_id, self)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dlg
        dlg.finished.connect(lambda _r: self._closed(dlg))
        dlg.open()

    def _closed(self, dlg: ContactDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None
        dlg.deleteLater()
        if dlg.saved_id is not None:
            self.refresh(select_id=dlg.saved_id)
            saved = next((c for c in self.model.contacts if c.id == dlg.saved_id), None)
            if saved is not None:
                self._say(self.tr("✓ 緊急連絡先「{name}」を保存しました{phone}。").format(
                    name=saved.name, phone=self.tr("（電話 {p}）").format(p=saved.phone) if saved.phone else ""))
        self.table.setFocus()

    def delete_contact(self) -> None:
        c = self.selected()
        if c is None or not self.can_write or self._call is None or c.id is None:
            return
        if not confirm_delete_contact(self, self.tr("緊急連絡先「{name}」を削除しますか？").format(name=c.name)):
            return
        try:
            self._call(ct.delete_contact, c.id)
        except RegisterError as exc:
            self._say("⚠ " + str(exc), error=True)
            return
        self.refresh()
        self._say(self.tr("緊急連絡先「{name}」を削除しました。").format(name=c.name))


def _load_contacts(reg: Any, household_id: int) -> tuple[list[ct.EmergencyContact], bool]:
    return ct.list_contacts(reg, household_id), reg.session.can("register.write") and not reg.read_only


def _db_call_of(parent: QWidget | None) -> Callable[..., Any] | None:
    """The ``worker.call`` of the window that opened the editor (the main window has ``worker``)."""
    call = getattr(getattr(parent, "worker", None), "call", None)
    return call if callable(call) else None


# -- the household editor ---------------------------------------------------------------------


class HouseholdEditor(_Dialog):
    """世帯の追加・編集. ``save(data)`` stores the household and returns its id."""

    # household columns in the order of the form (and of Tab)
    FIELD_ORDER = (
        "block_id", "postal_code", "address_town", "address_number", "address_building",
        "dwelling_type", "landline", "member_type", "dues_category", "status", "status_since",
        "status_reason", "notes",
    )

    def __init__(
        self,
        data: HouseholdData,
        blocks: list[Block],
        save: Callable[[HouseholdData], int],
        lookup_postal: Callable[[str], list[PostalAddress]],
        today: date,
        parent: QWidget | None = None,
        *,
        move_person: Callable[[int, int], None] | None = None,
        choose_household: Callable[[QWidget, int], int | None] | None = None,
        open_privacy: Callable[[QWidget, int], None] | None = None,
        call: Callable[..., Any] | None = None,
    ) -> None:
        """``call`` runs ``fn(register, *args)`` on the database thread (:meth:`DbWorker.call`), for
        the 緊急連絡先; by default the parent window's worker's."""
        super().__init__(parent)
        self._open_privacy = open_privacy
        self._initial = data
        self._save = save
        self._move_person = move_person
        self._choose_household = choose_household
        self._lookup_postal = lookup_postal
        self.today = today
        self.saved_id: int | None = None
        self.person_dialog: PersonDialog | None = None
        self.status_dialog: PersonStatusDialog | None = None
        self._persons: list[PersonData] = [replace(p) for p in data.persons]
        self._head_index = data.head_index if data.persons else 0
        self._person_errors: dict[int, dict[str, str]] = {}
        self._restoring = False
        self._looked_up = self._postal_digits(data.postal_code)
        self._filled_town: str | None = None  # what the last lookup put into 町名

        if data.id is None:
            title = self.tr("世帯の追加")
        else:
            head = data.persons[data.head_index] if 0 <= data.head_index < len(data.persons) else None
            name = f"{head.family_name} {head.given_name}".strip() if head else ""
            title = self.tr("世帯の編集 — {name}").format(name=name) if name else self.tr("世帯の編集")
        self.setWindowTitle(title)

        heading = QLabel(title)
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        heading.setFont(f)

        # summary of problems after a failed save
        self.summary = QFrame()
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet(f"QFrame#summary {{ border: 2px solid {ERROR_COLOR}; }}")
        self.summary_title = QLabel()
        self.summary_title.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.summary_title.setWordWrap(True)
        self.summary_list = QListWidget()
        self.summary_list.setAccessibleName(self.tr("直すところの一覧"))
        self.summary_list.setToolTip(self.tr("ダブルクリックするか Enter で、その項目へ移ります"))
        self.summary_list.itemActivated.connect(self._summary_activated)
        sl = QVBoxLayout(self.summary)
        sl.addWidget(self.summary_title)
        sl.addWidget(self.summary_list)
        self.summary.setVisible(False)

        # household fields
        self.block = QComboBox()
        if data.block_id is None:
            self.block.addItem(self.tr("（班を選んでください）"), None)
        for b in blocks:
            self.block.addItem(b.name, b.id)
        if data.block_id is not None and self.block.findData(data.block_id) < 0:
            self.block.addItem(self.tr("（番号{id}の班）").format(id=data.block_id), data.block_id)
        self.block.setCurrentIndex(max(0, self.block.findData(data.block_id)))
        self.postal = QLineEdit(data.postal_code)
        self.postal.setPlaceholderText(self.tr("例: 920-0918"))
        self.postal.setMaxLength(20)
        self.postal_button = _button(self.tr("住所を検索"), self.tr("郵便番号から町名を入れます"))
        self.town = QLineEdit(data.address_town)
        self.town.setPlaceholderText(self.tr("例: 石川県金沢市尾山町"))
        self.number = QLineEdit(data.address_number)
        self.number.setPlaceholderText(self.tr("例: 1番1号、12-3"))
        self.building = QLineEdit(data.address_building)
        self.building.setPlaceholderText(self.tr("例: 尾山ハイツ 203号室"))
        self.dwelling = _choice_combo(schema.DWELLING_TYPES, self.tr("住居の種類"))
        _set_combo(self.dwelling, data.dwelling_type)
        self.landline = QLineEdit(data.landline)
        self.landline.setPlaceholderText(self.tr("例: 076-123-4567（市外局番は省略できます）"))
        self.member_type = _choice_combo(schema.MEMBER_TYPES, self.tr("会員区分"))
        _set_combo(self.member_type, data.member_type)
        self.dues = _choice_combo(schema.DUES_CATEGORIES, self.tr("会費区分"))
        _set_combo(self.dues, data.dues_category)
        self.status = _choice_combo(schema.HOUSEHOLD_STATUSES, self.tr("状態"))
        _set_combo(self.status, data.status)
        since = _parse(data.status_since)
        self.status_since_label = QLabel(
            self.tr("（{d}から）").format(d=wareki_text(since)) if since and data.id is not None else ""
        )
        self.status_date = WarekiDateEdit(label=self.tr("状態の日付"), today=today, show_age=False)
        self.status_date.setValue(None)
        self.status_reason = QLineEdit()
        self.status_reason.setPlaceholderText(self.tr("例: 市外へ転居"))
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("健康・病気などの情報はここに書かないでください"))
        self.notes.setMinimumHeight(self.fontMetrics().height() * 3 + 16)
        self.notes.installEventFilter(self)

        labels = {
            "block_id": self.tr("班"),
            "postal_code": self.tr("郵便番号"),
            "address_town": self.tr("町名"),
            "address_number": self.tr("番地"),
            "address_building": self.tr("建物名・部屋番号"),
            "dwelling_type": self.tr("住居の種類"),
            "landline": self.tr("電話（固定）"),
            "member_type": self.tr("会員区分"),
            "dues_category": self.tr("会費区分"),
            "status": self.tr("状態"),
            "status_since": self.tr("状態の日付"),
            "status_reason": self.tr("理由"),
            "notes": self.tr("備考"),
        }
        widgets: dict[str, QWidget] = {
            "block_id": self.block, "postal_code": self.postal, "address_town": self.town,
            "address_number": self.number, "address_building": self.building,
            "dwelling_type": self.dwelling, "landline": self.landline,
            "member_type": self.member_type, "dues_category": self.dues, "status": self.status,
            "status_since": self.status_date, "status_reason": self.status_reason, "notes": self.notes,
        }
        extras: dict[str, list[QWidget]] = {
            "postal_code": [self.postal_button],
            "status": [self.status_since_label],
        }
        self.rows: dict[str, FieldRow] = {}
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for column in self.FIELD_ORDER:
            widget = widgets[column]
            mark = self.status_date.edit if widget is self.status_date else widget
            if widget is not self.status_date:
                widget.setAccessibleName(labels[column])
            row = FieldRow(widget, mark=mark, extra=extras.get(column))
            self.rows[column] = row
            caption = QLabel(labels[column])
            caption.setBuddy(mark)
            self.form.addRow(caption, row.container)
        self.postal.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-0000") + 60)

        household_box = QGroupBox(self.tr("世帯の情報"))
        household_box.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(household_box)
        scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 29)  # notr
        scroll.setMaximumWidth(self.fontMetrics().horizontalAdvance("あ") * 34)  # notr

        # people
        self.model = PersonsModel(today, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("世帯員の一覧"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        self.table.activated.connect(lambda _i: self.edit_person())
        self.persons_row = FieldRow(self.table)

        self.add_button = _button(self.tr("人を追加"))
        self.edit_button = _button(self.tr("編集"))
        self.head_button = _button(self.tr("世帯主にする"))
        self.up_button = _button(self.tr("上へ"), self.tr("選んだ人を一つ上へ"))
        self.down_button = _button(self.tr("下へ"), self.tr("選んだ人を一つ下へ"))
        self.mark_button = _button(self.tr("転出・死亡を記録"))
        self.transfer_button = _button(
            self.tr("別の世帯へ移す"), self.tr("結婚・独立などで、この人を別の世帯の世帯員にします")
        )
        grid = QGridLayout()
        buttons = [self.add_button, self.edit_button, self.head_button, self.up_button, self.down_button,
                   self.mark_button]
        if move_person is not None and choose_household is not None:
            buttons.append(self.transfer_button)
        self.privacy_button = _button(self.tr("同意・要配慮情報…"),
                                      self.tr("名簿配布・回覧などへの同意と、要配慮個人情報（すぐに保存されます）"))
        if open_privacy is not None and data.id is not None:
            buttons.append(self.privacy_button)
            self.privacy_button.clicked.connect(lambda: open_privacy(self, data.id))
        for i, b in enumerate(buttons):
            grid.addWidget(b, i // 3, i % 3)
        self.transfer_button.clicked.connect(self.transfer_person)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.head_button.clicked.connect(self.make_head)
        self.up_button.clicked.connect(lambda: self.move_person(-1))
        self.down_button.clicked.connect(lambda: self.move_person(1))
        self.mark_button.clicked.connect(self.mark_person)
        self.persons_note = QLabel()
        self.persons_note.setWordWrap(True)
        self.persons_note.setVisible(False)
        persons_box = QGroupBox(self.tr("世帯員（家族）"))
        pl = QVBoxLayout(persons_box)
        pl.addWidget(self.persons_row.container, 1)
        pl.addWidget(self.persons_note)
        pl.addLayout(grid)

        self.contacts = ContactsSection(call or _db_call_of(parent), data.id, self._saved_people)
        right = QVBoxLayout()
        right.addWidget(persons_box, 2)
        right.addWidget(self.contacts, 1)
        body = QHBoxLayout()
        body.addWidget(scroll, 0)
        body.addLayout(right, 1)

        self.undo_button = _button(self.tr("元に戻す"), self.tr("最後の変更を取り消します（Ctrl+Z）"))
        self.save_button = _button(self.tr("保存"))
        self.close_button = _button(self.tr("閉じる"))
        self.undo_button.clicked.connect(self.undo)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        chain: list[QWidget] = [
            self.block, self.postal, self.postal_button, self.town, self.number, self.building,
            self.dwelling, self.landline, self.member_type, self.dues, self.status,
            self.status_date.edit, self.status_date.era, self.status_date.year,
            self.status_date.month, self.status_date.day, self.status_reason, self.notes,
            self.table, self.add_button, self.edit_button, self.head_button, self.up_button,
            self.down_button, self.mark_button, self.contacts.table, self.contacts.add_button,
            self.contacts.edit_button, self.contacts.delete_button, self.undo_button, self.save_button,
            self.close_button,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        # changes: every finished edit is a step that 元に戻す can take back
        for le in (self.postal, self.town, self.number, self.building, self.landline, self.status_reason):
            le.editingFinished.connect(self._record)
            le.installEventFilter(self)
        for combo in (self.block, self.dwelling, self.member_type, self.dues):
            combo.currentIndexChanged.connect(self._record)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.status_date.changed.connect(self._record)
        self.postal.editingFinished.connect(self._postal_finished)
        self.postal_button.clicked.connect(lambda: self.lookup_address())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.undo_shortcut.activated.connect(self.undo)

        self._refresh_people()
        self._show_status_rows()
        self._clean_state = self._state()
        self._undo_stack = [self._clean_state]
        self._update_buttons()
        size = QSize(int(em * 82), self.fontMetrics().height() * 34)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            size = size.boundedTo(screen.size() * 0.95)
        self.resize(size)
        self.block.setFocus()

    def _saved_people(self) -> list[tuple[int, str, bool]]:
        """(id, name, living here) of the saved people, for 「だれの連絡先」."""
        return [(p.id, display_name(p), p.status in schema.PERSON_PRESENT) for p in self._persons if p.id is not None]

    # -- state, undo and closing --------------------------------------------------------------

    def _state(self) -> tuple:
        fields = (
            self.block.currentData(), self.postal.text(), self.town.text(), self.number.text(),
            self.building.text(), self.dwelling.currentData(), self.landline.text(),
            self.member_type.currentData(), self.dues.currentData(), self.status.currentData(),
            self.status_date.value(), self.status_reason.text(), self.notes.toPlainText(),
        )
        return fields, tuple(replace(p) for p in self._persons), self._head_index

    def _restore(self, state: tuple) -> None:
        fields, persons, head = state
        (block, postal, town, number, building, dwelling, landline, member, dues, status,
         status_since, reason, notes) = fields
        self._restoring = True
        try:
            self.block.setCurrentIndex(max(0, self.block.findData(block)))
            for le, text in ((self.postal, postal), (self.town, town), (self.number, number),
                             (self.building, building), (self.landline, landline),
                             (self.status_reason, reason)):
                if le.text() != text:
                    le.setText(text)
            for combo, value in ((self.dwelling, dwelling), (self.member_type, member),
                                 (self.dues, dues), (self.status, status)):
                _set_combo(combo, value)
            self.status_date.setValue(status_since)
            if self.notes.toPlainText() != notes:
                self.notes.setPlainText(notes)
            self._persons = [replace(p) for p in persons]
            self._head_index = head
            self._refresh_people()
            self._show_status_rows()
        finally:
            self._restoring = False
        self._update_buttons()

    def _record(self, *_args: object) -> None:
        if self._restoring:
            return
        state = self._state()
        if state != self._undo_stack[-1]:
            self._undo_stack.append(state)
        self._update_buttons()

    def undo(self) -> None:
        """元に戻す: back to the state before the last finished change."""
        self._record()  # a change typed but not yet finished counts as a step too
        if len(self._undo_stack) < 2:
            return
        self._undo_stack.pop()
        self._restore(self._undo_stack[-1])

    def is_dirty(self) -> bool:
        return self._state() != self._clean_state

    def reject(self) -> None:
        if self.is_dirty() and not ask_discard(self):
            return
        super().reject()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.Undo):
            # the field's own undo first; when it has nothing to undo, the editor's undo
            own = obj.document().isUndoAvailable() if isinstance(obj, QPlainTextEdit) else obj.isUndoAvailable()
            if not own:
                return True
        if event.type() == QEvent.Type.FocusOut and obj is self.notes:
            self._record()
        return super().eventFilter(obj, event)

    # -- household fields -----------------------------------------------------------------------

    def _status_changed(self, *_args: object) -> None:
        if not self._restoring:
            if self.status.currentData() != self._initial.status and self.status_date.value() is None:
                self.status_date.setValue(self.today.isoformat())
            self._show_status_rows()
        self._record()

    def _show_status_rows(self) -> None:
        changed = self.status.currentData() != self._initial.status
        for column in ("status_since", "status_reason"):
            self.form.setRowVisible(self.rows[column].container, changed)

    @staticmethod
    def _postal_digits(text: str) -> str:
        m = _SEVEN_DIGITS.match(unicodedata.normalize("NFKC", text or "").strip())
        return m[1] + m[2] if m else ""

    def _postal_finished(self) -> None:
        digits = self._postal_digits(self.postal.text())
        if digits and digits != self._looked_up:
            self.lookup_address()

    def lookup_address(self) -> None:
        """郵便番号 → 町名 (and 番地 for 大口事業所 codes)."""
        if self._postal_digits(self.postal.text()) == self._looked_up and self.town.text() == self._filled_town:
            return  # just done (leaving the field for the 住所を検索 button looks it up already)
        row = self.rows["postal_code"]
        try:
            results = self._lookup_postal(self.postal.text())
        except PostalCodeError as exc:
            row.set_error(str(exc))
            self.postal.setFocus()
            return
        self._looked_up = self._postal_digits(self.postal.text())
        row.clear()
        chosen = results[0] if len(results) == 1 else choose_address(self, results)
        if chosen is None:
            return
        self._restoring = True  # one undo step for the whole fill-in
        try:
            self.postal.setText(chosen.postal_code)
            self.rows["address_town"].clear()
            if chosen.city_only:
                self.town.setText(chosen.prefecture + chosen.city)
                self.rows["address_town"].set_hint(self.tr("町名を入力してください"))
                focus = self.town
            else:
                self.town.setText(chosen.prefecture + chosen.city + chosen.town)
                focus = self.number
                if chosen.office_name:
                    if chosen.banchi:
                        self.number.setText(chosen.banchi)
                    row.set_hint(
                        self.tr("この郵便番号は「{name}」（事業所）専用の番号です。").format(name=chosen.office_name)
                    )
                else:
                    row.set_hint(self.tr("住所を入れました。続けて番地を入力してください。"))
        finally:
            self._restoring = False
        self._filled_town = self.town.text()
        focus.setFocus()
        focus.end(False)
        self._record()

    # -- people -----------------------------------------------------------------------------------

    def _refresh_people(self, select: int | None = None) -> None:
        if select is None:
            select = self.current_row()
        self.model.set_rows(self._persons, self._head_index, self._person_errors)
        self.table.resizeColumnsToContents()  # a handful of rows: cheap
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, self.table.columnWidth(col) + 8)
        if select is not None and 0 <= select < len(self._persons):
            self.table.selectRow(select)
        self._update_buttons()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        row = self.current_row()
        has = row is not None
        self.edit_button.setEnabled(has)
        self.head_button.setEnabled(has and row != self._head_index)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._persons) - 1)
        self.mark_button.setEnabled(has)
        self.transfer_button.setEnabled(has and self._persons[row].id is not None)
        if hasattr(self, "_undo_stack"):
            self.undo_button.setEnabled(len(self._undo_stack) > 1 or self._state() != self._undo_stack[-1])

    def _note(self, text: str) -> None:
        self.persons_note.setText(text)
        self.persons_note.setVisible(bool(text))

    def add_person(self) -> None:
        head = self._persons[self._head_index] if self._persons else None
        person = PersonData(
            family_name=head.family_name if head else "",
            family_kana=head.family_kana if head else "",
            relation="" if head else "世帯主",  # notr
        )
        self._open_person(person, None)

    def edit_person(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_person(self._persons[row], row)

    def _open_person(self, person: PersonData, row: int | None) -> None:
        number = (len(self._persons) if row is None else row) + 1
        dlg = PersonDialog(
            person, today=self.today, number=number,
            errors=self._person_errors.get(row) if row is not None else None, parent=self,
        )
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        self.person_dialog = dlg
        dlg.accepted.connect(lambda: self._person_done(dlg, row))
        dlg.finished.connect(lambda _r: self._dialog_closed(dlg))
        dlg.open()

    def _dialog_closed(self, dlg: QDialog) -> None:
        if self.person_dialog is dlg:
            self.person_dialog = None
        if self.status_dialog is dlg:
            self.status_dialog = None
        dlg.deleteLater()
        self.table.setFocus()

    def _person_done(self, dlg: PersonDialog, row: int | None) -> None:
        person = dlg.person()
        if row is None:
            self._persons.append(person)
            row = len(self._persons) - 1
            if row == 0:
                self._head_index = 0
        else:
            self._persons[row] = person
            self._person_errors.pop(row, None)
        self._refresh_people(select=row)
        self._record()

    def make_head(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self._head_index = row
        self._refresh_people(select=row)
        self._note(self.tr("世帯主を「{name}」さんにしました。ほかの人の続柄も必要なら「編集」で直してください。").format(
            name=display_name(self._persons[row])))
        self._record()

    def move_person(self, step: int) -> None:
        row = self.current_row()
        if row is None:
            return
        to = row + step
        if not 0 <= to < len(self._persons):
            return
        p = self._persons
        p[row], p[to] = p[to], p[row]
        if self._head_index in (row, to):
            self._head_index = to if self._head_index == row else row
        errs = self._person_errors
        errs[row], errs[to] = errs.get(to, {}), errs.get(row, {})
        for k in (row, to):
            if not errs[k]:
                del errs[k]
        self._refresh_people(select=to)
        self._record()

    def transfer_person(self) -> None:
        """Move the selected (saved) person to another household; the editor then closes."""
        row = self.current_row()
        if row is None or self._move_person is None or self._choose_household is None:
            return
        person = self._persons[row]
        if person.id is None or self._initial.id is None:
            return
        if self.is_dirty():
            show_error(self, self.tr("別の世帯へ移す"),
                       self.tr("先に「保存」を押して、この世帯の変更を保存してください。"))
            return
        target = self._choose_household(self, self._initial.id)
        if target is None:
            return
        try:
            self._move_person(person.id, target)
        except (RegisterError, ValueError) as exc:
            show_error(self, self.tr("別の世帯へ移す"), str(exc) + self.tr("\n何も変更されていません。"))
            return
        self.saved_id = self._initial.id
        self.accept()

    def mark_person(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dlg = PersonStatusDialog(self._persons[row], today=self.today, parent=self)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        self.status_dialog = dlg
        dlg.accepted.connect(lambda: self._status_done(dlg, row))
        dlg.finished.connect(lambda _r: self._dialog_closed(dlg))
        dlg.open()

    def _status_done(self, dlg: PersonStatusDialog, row: int) -> None:
        status, since, reason = dlg.values()
        self._persons[row] = replace(self._persons[row], status=status, status_since=since, status_reason=reason)
        self._refresh_people(select=row)
        if row == self._head_index and status not in schema.PERSON_PRESENT:
            self._note(self.tr("世帯主が{status}になりました。新しい世帯主を選んで「世帯主にする」を押してください。").format(status=status))
        self._record()

    # -- saving -----------------------------------------------------------------------------------

    def data(self) -> HouseholdData:
        """What the form holds now, as the model's dataclass (ids and uid kept)."""
        status = self.status.currentData()
        changed = status != self._initial.status
        return replace(
            self._initial,
            block_id=self.block.currentData(),
            postal_code=self.postal.text(),
            address_town=self.town.text(),
            address_number=self.number.text(),
            address_building=self.building.text(),
            dwelling_type=self.dwelling.currentData(),
            landline=self.landline.text(),
            member_type=self.member_type.currentData(),
            dues_category=self.dues.currentData(),
            notes=self.notes.toPlainText(),
            status=status,
            status_since=self.status_date.value() if changed else self._initial.status_since,
            status_reason=self.status_reason.text() if changed else self._initial.status_reason,
            head_index=self._head_index,
            persons=[replace(p) for p in self._persons],
        )

    def save(self) -> None:
        self._record()
        self._clear_errors()
        try:
            new_id = self._save(self.data())
        except ValidationErrors as exc:
            self.show_errors(exc.errors)
            return
        except RegisterError as exc:
            show_error(
                self,
                self.tr("保存できませんでした"),
                self.tr("{message}\n\n入力した内容は残っています。").format(message=exc),
            )
            return
        self.saved_id = new_id
        self._clean_state = self._state()
        self.accept()

    def _clear_errors(self) -> None:
        for row in self.rows.values():
            if row.error:
                row.clear()
        self.persons_row.clear()
        self._person_errors = {}
        self.summary.setVisible(False)
        self.summary_list.clear()
        self._refresh_people()

    def show_errors(self, errors: list[Any]) -> None:
        """Mark each field the model refused and list every message at the top."""
        self._clear_errors()
        person_errors: dict[int, dict[str, str]] = {}
        household: dict[str, str] = {}
        for e in errors:
            m = _PERSON_FIELD.match(e.field or "")
            if m:
                person_errors.setdefault(int(m[1]), {}).setdefault(m[2], e.message)
            elif e.field in self.rows:
                household.setdefault(e.field, e.message)
            else:
                household.setdefault("persons", e.message)
        for column, message in household.items():
            (self.persons_row if column == "persons" else self.rows[column]).set_error(message)
        if person_errors and "persons" not in household:
            numbers = self.tr("・").join(self.tr("{n}人目").format(n=i + 1) for i in sorted(person_errors))
            self.persons_row.set_error(
                self.tr("{who}に直すところがあります。選んで「編集」を押してください。").format(who=numbers)
            )
        self._person_errors = person_errors
        self._refresh_people()

        self.summary_title.setText(
            self.tr("⚠ 保存できませんでした。次の{n}か所を直してください（何も保存されていません）。").format(n=len(errors))
        )
        for e in errors:
            text = f"{e.label}: {e.message}" if e.label else e.message
            item = QListWidgetItem("⚠ " + text, self.summary_list)
            item.setData(Qt.ItemDataRole.UserRole, e.field or "persons")
        rows = min(len(errors), 5)
        self.summary_list.setFixedHeight(self.summary_list.sizeHintForRow(0) * rows + 2 * self.summary_list.frameWidth() + 4)
        self.summary.setVisible(True)

        # focus the first bad field in form order
        for column in self.FIELD_ORDER:
            if column in household:
                self.rows[column].mark.setFocus()
                return
        if person_errors:
            self.table.selectRow(min(person_errors))
            self.table.setFocus()
        elif "persons" in household:
            self.add_button.setFocus()

    def _summary_activated(self, item: QListWidgetItem) -> None:
        field = item.data(Qt.ItemDataRole.UserRole)
        if field in self.rows:
            self.rows[field].mark.setFocus()
            return
        m = _PERSON_FIELD.match(field)
        if m and int(m[1]) < len(self._persons):
            self.table.selectRow(int(m[1]))
            self.edit_person()
            return
        self.table.setFocus()
