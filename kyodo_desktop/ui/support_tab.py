"""要支援者（取扱注意）: the 避難行動要支援者 list — a thin layer over :mod:`kyodo_desktop.models.support`
and :mod:`kyodo_desktop.export.support_docs`. DOMAIN.md §1.2-E, §2.3.

One tab of the 防災・連絡網 page (DisasterPage). What an officer sees depends on the session:

* without ``sensitive.read`` only :func:`~kyodo_desktop.models.support.support_summary` is ever
  called: counts by consent, origin and 班, and a plain sentence saying who may see the list. No
  name reaches this widget (a refresh after another login clears everything first);
* with it: a banner (取扱注意・要配慮個人情報, every look is recorded), the list (the model records
  each look), the editor, 「市の名簿を取り込む…」 (read, review every row, choose for the ambiguous
  ones, then replace the previous version in one go) and 「印刷…」 (purpose and copies asked
  first; the PDF is watermarked and each save or print is written to the 管理台帳).

There is no Excel or CSV of this list anywhere: paper, watermarked and recorded, is the only way
it leaves the program. Temporary preview files are overwritten and removed when the window closes.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export import support_docs as sd
from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import schema
from kyodo_desktop.models import support as sp
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.bousai_tab import PersonPicker, dialog_buttons, say, stretch_last, wareki
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.print_preview import draw_on_printer, page_count, render_page
from kyodo_desktop.ui.volunteers_tab import (
    ERRORS,
    CheckGrid,
    RowsModel,
    big_checks,
    button,
    can,
    error_label,
    fit_to_screen,
    heading,
    make_read_only,
    make_table,
    min_rows,
    note,
    scrolling_body,
    select_where,
    selected_row,
    shortcut,
    show_problem,
)
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit
from kyodo_desktop.ui.worker import DbWorker

TITLE = QT_TRANSLATE_NOOP("", "要支援者（取扱注意）")
READ, WRITE = "sensitive.read", "sensitive.write"
BANNER = QT_TRANSLATE_NOOP("", "取扱注意・要配慮個人情報。見た記録が残ります。")
NO_ACCESS = QT_TRANSLATE_NOOP("", "名簿の中身は、権限のある役員だけが見られます")
BANNER_STYLE = ("background: #fde8e8; color: #8b0000; border: 2px solid #b00020; border-radius: 4px; "
                "padding: 6px 10px; font-weight: bold;")
CONSENT_LABELS = {  # the keys are the stored values (schema.SUPPORT_CONSENT)
    "同意": QT_TRANSLATE_NOOP("", "同意者名簿"),  # notr (key)
    "不同意": QT_TRANSLATE_NOOP("", "基礎名簿のみ（不同意）"),  # notr (key)
    "未確認": QT_TRANSLATE_NOOP("", "基礎名簿のみ（未確認）"),  # notr (key)
}
CARE_LEVELS = ("", "要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5")  # notr: stored values
# notr: the purpose chosen is stored as typed (管理台帳) and printed on the pages
PURPOSE_EXAMPLES = ("防災訓練の準備", "地域支援者との打ち合わせ", "個別避難支援計画の作成", "民生委員との情報共有",  # notr
                    "災害時の安否確認・避難支援")  # notr
UNCHOSEN = "__choose__"


def consent_text(s: sp.SupportPerson) -> str:
    return tr(CONSENT_LABELS[s.consent]) if s.consent in CONSENT_LABELS else s.consent


def link_text(s: sp.SupportPerson) -> str:
    if not s.linked:
        return tr("⚠ 名簿にいない人")
    if s.register_status not in ("", "在籍"):  # notr
        return tr("⚠ 名簿では{0}").format(s.register_status)
    return tr("結び付け済み")


def helpers_text(s: sp.SupportPerson) -> str:
    return "、".join(h.name for h in s.helpers) if s.helpers else tr("⚠ 未定")


def needs_attention(s: sp.SupportPerson) -> bool:
    return not s.helpers or not s.linked or s.register_status not in ("", "在籍")  # notr


SUPPORT_COLUMNS = (QT_TRANSLATE_NOOP("", "氏名"), QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "理由"),
                   QT_TRANSLATE_NOOP("", "同意"), QT_TRANSLATE_NOOP("", "地域支援者"), QT_TRANSLATE_NOOP("", "避難先"),
                   QT_TRANSLATE_NOOP("", "名簿の人と結び付け"))


def _support_cells(s: sp.SupportPerson) -> tuple[Any, ...]:
    reasons = tr("・").join(s.reasons) + (tr("（{0}）").format(s.care_level) if s.care_level else "")
    return (s.name, s.block if s.linked else tr("（名簿外）"), reasons, consent_text(s), helpers_text(s),
            s.evacuation_place, link_text(s))


def _support_tip(s: sp.SupportPerson, col: int) -> str | None:
    if col == 0:
        return tr("{0}（{1}）").format(s.name, s.origin)
    if col == 4 and s.helpers:
        return "\n".join(" ".join(x for x in (h.name, h.phone, tr("（{0}）").format(h.relation) if h.relation else "") if x)
                         for h in s.helpers)
    return None


def _load(reg: Any, consent_only: bool) -> tuple[list[sp.SupportPerson], sp.SupportSummary, sp.CityListInfo | None]:
    return sp.list_support(reg, consent_only=consent_only), sp.support_summary(reg), sp.current_city_list(reg)


def city_list_text(info: sp.CityListInfo | None) -> str:
    if info is None:
        return tr("市の名簿: まだ取り込んでいません")
    ref = tr("（協定: {0}）").format(info.agreement_ref) if info.agreement_ref else ""
    return tr("市の名簿: {0}受領・{1}人{2}").format(wareki(info.received_on), info.rows, ref)


# -- counts only ------------------------------------------------------------------------------------


class SummaryView(QWidget):
    """What an officer without ``sensitive.read`` may know: how many, never who."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(heading(self.tr("避難行動要支援者（人数のみ）"), 1.2))
        self.explain = note(self.tr(
            "{0}。この名簿には、災害のときに避難の手助けが必要な人の健康や障害のこと（要配慮個人情報）が含まれるため、"
            "市との協定で、扱う役員が決められています。ここには人数だけを表示します。"
            "見る必要があるときは、管理者（会長など）に相談してください。").format(tr(NO_ACCESS)))
        self.explain.setAccessibleName(self.tr("説明"))
        self.explain.setStyleSheet("background: #f4f5f7; padding: 8px; border: 1px solid #c4c7cc; border-radius: 4px;")
        layout.addWidget(self.explain)
        body = QHBoxLayout()
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        rows = (("people", self.tr("名簿に載っている人")), ("consent", self.tr("同意の内訳")),
                ("origin", self.tr("名簿の出どころ")), ("unlinked", self.tr("会員名簿の人と結び付いていない人")),
                ("without_helper", self.tr("地域支援者がまだ決まっていない人")), ("city", self.tr("市の名簿")))
        for n, (key, label) in enumerate(rows):
            name = QLabel(label)
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(label)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(name, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, n, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addStretch(1)
        body.addLayout(left, 3)
        box = QGroupBox(self.tr("班ごとの人数"))
        bl = QVBoxLayout(box)
        self.by_block = RowsModel((self.tr("班"), self.tr("人数")), lambda r: (r[0], self.tr("{0}人").format(r[1])), self, numeric=(1,))
        self.by_block_table = stretch_last(make_table(self.by_block, (6, 4), stretch=None, name=self.tr("班ごとの人数")))
        bl.addWidget(self.by_block_table)
        body.addWidget(box, 2)
        layout.addLayout(body, 1)

    def show_summary(self, s: sp.SupportSummary) -> None:
        v = self.values
        v["people"].setText(self.tr("{0}人").format(s.people))
        v["consent"].setText(self.tr("同意 {0}人（同意者名簿）・不同意 {1}人・未確認 {2}人").format(
            s.consented, s.refused, s.unconfirmed))
        v["origin"].setText(self.tr("市から提供 {0}人・町会で把握 {1}人").format(s.from_city, s.collected))
        v["unlinked"].setText(self.tr("{0}人").format(s.unlinked))
        v["without_helper"].setText(self.tr("⚠ {0}人").format(s.without_helper) if s.without_helper
                                    else self.tr("0人"))
        if s.list_received_on:
            v["city"].setText(self.tr("{0}受領{1}").format(
                wareki(s.list_received_on), self.tr("（協定: {0}）").format(s.agreement_ref) if s.agreement_ref else ""))
        else:
            v["city"].setText(self.tr("まだ取り込んでいません"))
        self.by_block.set_rows(s.by_block)

    def clear(self) -> None:
        for label in self.values.values():
            label.clear()
        self.by_block.set_rows([])


# -- picking a register person ------------------------------------------------------------------------


class PersonPickDialog(QDialog):
    """Choose someone from the register (the person on the list, or a 地域支援者)."""

    def __init__(self, worker: DbWorker, title: str, prompt: str, search: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(note(prompt))
        self.picker = PersonPicker(worker, self, name=title)
        layout.addWidget(self.picker, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, False, self.tr("選ぶ"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        if search:
            self.picker.search.setText(search)
        self.picker.setFocus()
        fit_to_screen(self, 720, 460)

    def save(self) -> None:
        if self.picker.chosen() is None:
            show_problem(self.error, self.tr("一覧から人を選んでください。"))
            return
        self.accept()


# -- the editor -----------------------------------------------------------------------------------------


def _save_entry(reg: Any, data: sp.SupportPerson, helpers: list[sp.Helper] | None) -> tuple[int, BaseException | None]:
    """The entry, then its 地域支援者 (each with the model's own secure delete); if the helpers
    are refused the entry stays saved and the reason is returned, so that the editor can say so."""
    sid = sp.save_support(reg, data)
    if helpers is None:
        return sid, None
    try:
        sp.set_helpers(reg, sid, helpers)
    except ERRORS as exc:
        return sid, exc
    return sid, None


def _helper_key(h: sp.Helper) -> tuple[Any, ...]:
    return (h.person_id, h.name, h.phone, h.relation)


class SupportDialog(QDialog):
    """One person on the list: who (linked to the register or not), why, consent, where to go and
    how, medical notes, and the 地域支援者. Read-only without ``sensitive.write``."""

    def __init__(self, worker: DbWorker, support_id: int | None = None, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.support_id = support_id
        self.saved = False
        today, places = worker.call(lambda reg: (reg.today(), bo.list_places(reg)))
        self.original = worker.call(sp.get_support, support_id) if support_id is not None else sp.SupportPerson()
        o = self.original
        self.person_id = o.person_id
        self.helpers: list[sp.Helper] = [sp.Helper(h.name, h.phone, h.relation, h.person_id) for h in o.helpers]
        self.setWindowTitle(self.tr("要支援者を追加（取扱注意）") if support_id is None else self.tr("要支援者（取扱注意）"))
        self.setStyleSheet(big_checks(self))
        outer = QVBoxLayout(self)
        banner = QLabel("⚠ " + tr(BANNER))
        banner.setStyleSheet(BANNER_STYLE)
        banner.setWordWrap(True)
        outer.addWidget(banner)
        columns = scrolling_body(outer)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        # who
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("ご本人"), 1.1))
        head.addStretch(1)
        self.origin = QLabel(self._origin_text())
        self.origin.setAccessibleName(self.tr("出どころ"))
        head.addWidget(self.origin)
        left.addLayout(head)
        link = QHBoxLayout()
        link.addWidget(QLabel(self.tr("会員名簿:")))
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.link_label.setAccessibleName(self.tr("名簿の人との結び付け"))
        self.link_label.setToolTip(self.tr("名簿の人と結び付けたときは、空欄は会員名簿の内容で埋まります"))
        link.addWidget(self.link_label, 1)
        self.link_btn = button(self.tr("名簿の人と結び付ける…"), self.pick_person)
        self.unlink_btn = button(self.tr("外す"), self.unlink, tip=self.tr("名簿の人との結び付けを外します"))
        link.addWidget(self.link_btn)
        link.addWidget(self.unlink_btn)
        left.addLayout(link)
        form = QFormLayout()
        self.name = QLineEdit(o.name)
        self.kana = QLineEdit(o.kana)
        self.kana.setPlaceholderText(self.tr("カタカナ"))
        self.birth = WarekiDateEdit(label=self.tr("生年月日"), today=today)
        self.birth.setValue(o.birth_date)
        self.address = QLineEdit(o.address)
        self.phone = QLineEdit(o.phone)
        self.phone.setPlaceholderText(self.tr("例: 076-220-1234"))
        for label, w in ((self.tr("氏名"), self.name), (self.tr("フリガナ"), self.kana), (self.tr("生年月日"), self.birth),
                         (self.tr("住所"), self.address), (self.tr("電話"), self.phone)):
            w.setAccessibleName(label)
        names = QHBoxLayout()
        names.addWidget(self.name, 1)
        names.addWidget(QLabel(self.tr("フリガナ")))
        names.addWidget(self.kana, 1)
        form.addRow(self.tr("氏名"), names)
        form.addRow(self.tr("生年月日"), self.birth)
        form.addRow(self.tr("住所"), self.address)
        form.addRow(self.tr("電話"), self.phone)
        left.addLayout(form)
        left.addWidget(heading(self.tr("支援が必要な理由"), 1.1))
        self.reasons = CheckGrid(3)
        self.reasons.set_items(list(schema.SUPPORT_REASONS))
        self.reasons.set_checked(o.reasons)
        left.addWidget(self.reasons)
        row = QHBoxLayout()
        self.care = QComboBox()
        self.care.setEditable(True)
        self.care.addItems(list(CARE_LEVELS))
        self.care.setCurrentText(o.care_level)
        self.care.setAccessibleName(self.tr("要介護度"))
        self.consent = QComboBox()
        for c in schema.SUPPORT_CONSENT:
            self.consent.addItem(self.tr("{0}（{1}）").format(c, tr(CONSENT_LABELS[c])), c)
        self.consent.setCurrentIndex(max(self.consent.findData(o.consent), 0))
        self.consent.setAccessibleName(self.tr("名簿提供への同意"))
        self.consent.setToolTip(self.tr("町会が集めた医療・介護の情報（要配慮個人情報）は、本人の同意を得てから記録します"))
        row.addWidget(QLabel(self.tr("要介護度")))
        row.addWidget(self.care, 1)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("同意")))
        row.addWidget(self.consent, 2)
        left.addLayout(row)
        self.consent_note = note()
        left.addWidget(self.consent_note)
        self.consent.currentIndexChanged.connect(lambda _i: self._consent_changed())
        left.addStretch(1)

        # where to and how, medical notes
        right.addWidget(heading(self.tr("避難先と避難経路"), 1.1))
        form = QFormLayout()
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItem("")
        self.place.addItems([p.name for p in places])
        self.place.setCurrentText(o.evacuation_place)
        self.place.lineEdit().setPlaceholderText(self.tr("選ぶか入力（例: 泉野小学校）"))
        self.place.setAccessibleName(self.tr("避難先"))
        form.addRow(self.tr("避難先"), self.place)
        self.route = self._text_box(o.route_notes, self.tr("避難経路・方法"), 2,
                                    self.tr("例: 裏の坂道から公民館へ。車いすのため2人で"))
        form.addRow(self.tr("避難経路"), self.route)
        self.medical = self._text_box(o.medical_notes, self.tr("医療・配慮"), 2,
                                      self.tr("例: 人工透析（火木土）、補聴器"))
        form.addRow(self.tr("医療・配慮"), self.medical)
        self.notes = self._text_box(o.notes, self.tr("備考"), 2, "")
        form.addRow(self.tr("備考"), self.notes)
        right.addLayout(form)
        right.addWidget(heading(self.tr("地域支援者"), 1.1))
        self.helper_model = RowsModel((self.tr("氏名"), self.tr("電話"), self.tr("関係"), self.tr("名簿")),
                                      lambda h: (h.name, h.phone or self.tr("（名簿の電話）") if h.person_id else h.phone,
                                                 h.relation, self.tr("名簿の人") if h.person_id else self.tr("名簿外")), self)
        self.helper_table = stretch_last(make_table(self.helper_model, (6, 7, 5, 4), stretch=None, name=self.tr("地域支援者")))
        min_rows(self.helper_table, 3)
        self.helper_table.setMaximumHeight(self.helper_table.minimumHeight())  # it scrolls: the dialog fits a laptop
        right.addWidget(self.helper_table)
        add = QHBoxLayout()
        self.helper_name = QLineEdit()
        self.helper_name.setPlaceholderText(self.tr("氏名（名簿外の人）"))
        self.helper_name.setAccessibleName(self.tr("支援者の氏名"))
        self.helper_name.setToolTip(self.tr("名簿にいない支援者は、氏名と電話を入れて「名簿にいない人を追加」を押します"))
        self.helper_phone = QLineEdit()
        self.helper_phone.setPlaceholderText(self.tr("電話"))
        self.helper_phone.setAccessibleName(self.tr("支援者の電話"))
        self.helper_relation = QLineEdit()
        self.helper_relation.setPlaceholderText(self.tr("関係（例: 隣人）"))
        self.helper_relation.setAccessibleName(self.tr("支援者との関係"))
        self.helper_relation.setToolTip(self.tr("名簿から選ぶときも、先に関係を入れておけます"))
        add.addWidget(self.helper_name, 4)
        add.addWidget(self.helper_phone, 4)
        add.addWidget(self.helper_relation, 3)
        right.addLayout(add)
        row = QHBoxLayout()
        self.pick_helper_btn = button(self.tr("名簿から選ぶ…"), self.pick_helper)
        self.add_helper_btn = button(self.tr("名簿にいない人を追加"), self.add_free_helper)
        self.remove_helper_btn = button(self.tr("外す"), self.remove_helper)
        for b in (self.pick_helper_btn, self.add_helper_btn, self.remove_helper_btn):
            row.addWidget(b)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)

        self.error = error_label()
        outer.addWidget(self.error)
        self.buttons = dialog_buttons(self, read_only, self.tr("保存する"))
        self.buttons.accepted.connect(self.save)
        outer.addWidget(self.buttons)
        self.helper_model.set_rows(self.helpers)
        self._show_link()
        self._consent_changed()
        if read_only:
            make_read_only(self)
            for b in (self.link_btn, self.unlink_btn, self.pick_helper_btn, self.add_helper_btn,
                      self.remove_helper_btn):
                b.setEnabled(False)
        self.name.setFocus()
        fit_to_screen(self, 1040, 660)

    def _text_box(self, text: str, name: str, lines: int, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setTabChangesFocus(True)
        box.setAccessibleName(name)
        box.setPlaceholderText(placeholder)
        box.setFixedHeight(self.fontMetrics().height() * lines + 16)
        return box

    def _origin_text(self) -> str:
        o = self.original
        if o.id is None:
            return self.tr("町会で把握した人として追加します。")
        return self.tr("出どころ: {0}").format(self.tr("市の名簿") if o.origin == sp.CITY else self.tr("町会で把握"))

    def _show_link(self) -> None:
        o = self.original
        if self.person_id is None:
            self.link_label.setText(self.tr("⚠ 名簿にいない人"))
        elif self.person_id == o.person_id and o.register_status not in ("", "在籍"):  # notr
            self.link_label.setText(self.tr("⚠ 結び付け済み（名簿では{0}）").format(o.register_status))
        else:
            self.link_label.setText(self.tr("結び付け済み{0}").format(
                self.tr("（{0}）").format(o.block) if self.person_id == o.person_id and o.block else ""))
        self.unlink_btn.setEnabled(not self.read_only and self.person_id is not None)

    def _consent_changed(self) -> None:
        if self.consent.currentData() == sp.CONSENTED:
            self.consent_note.setText(self.tr("同意者名簿に載ります（平常時から共有）。"))
            self.consent_note.setToolTip(self.tr("平常時から、自主防災組織・民生委員などの避難支援等関係者と共有します"))
        else:
            self.consent_note.setText(self.tr("基礎名簿だけに載ります（共有は災害のときだけ）。"))
            self.consent_note.setToolTip(self.tr("災害のときは、同意がなくても避難支援のために共有されます（災害対策基本法 第49条の11）"))

    # -- who ------------------------------------------------------------------------------------

    def pick_person(self) -> None:
        dialog = PersonPickDialog(self.worker, self.tr("名簿の人と結び付ける"),
                                  self.tr("この要支援者が会員名簿のどの人か、探して選んでください。"),
                                  self.name.text().split()[0] if self.name.text().split() else "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.link_to(dialog.picker.chosen())

    def link_to(self, chosen: Any) -> None:
        if chosen is None:
            return
        self.person_id = chosen.person_id
        if not self.name.text().strip():
            self.name.setText(chosen.name)
        if not self.kana.text().strip():
            self.kana.setText(chosen.kana)
        if not self.address.text().strip():
            self.address.setText(chosen.address)
        self._show_link()

    def unlink(self) -> None:
        self.person_id = None
        self._show_link()

    # -- helpers --------------------------------------------------------------------------------

    def pick_helper(self) -> None:
        dialog = PersonPickDialog(self.worker, self.tr("地域支援者を名簿から選ぶ"),
                                  self.tr("避難を手伝う人（地域支援者）を、会員名簿から探して選んでください。"), "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_helper_person(dialog.picker.chosen())

    def add_helper_person(self, chosen: Any) -> None:
        if chosen is None:
            return
        if chosen.person_id == self.person_id:
            show_problem(self.error, self.tr("本人を自分の支援者にはできません。"))
            return
        if any(h.person_id == chosen.person_id for h in self.helpers):
            show_problem(self.error, self.tr("{0}さんはもう地域支援者です。").format(chosen.name))
            return
        self.helpers.append(sp.Helper(chosen.name, "", self.helper_relation.text().strip(), chosen.person_id))
        self.helper_relation.clear()
        self.error.clear()
        self.helper_model.set_rows(self.helpers)

    def add_free_helper(self) -> None:
        name, phone = self.helper_name.text().strip(), self.helper_phone.text().strip()
        if not name or not phone:
            show_problem(self.error, self.tr("名簿にいない支援者は、氏名と連絡のつく電話番号を入れてください。"))
            return
        self.helpers.append(sp.Helper(name, phone, self.helper_relation.text().strip()))
        for w in (self.helper_name, self.helper_phone, self.helper_relation):
            w.clear()
        self.error.clear()
        self.helper_model.set_rows(self.helpers)

    def remove_helper(self) -> None:
        h = selected_row(self.helper_table)
        if h is None:
            return
        self.helpers.remove(h)
        self.helper_model.set_rows(self.helpers)

    # -- saving ---------------------------------------------------------------------------------

    def data(self) -> sp.SupportPerson:
        return sp.SupportPerson(
            name=self.name.text(), kana=self.kana.text(), birth_date=self.birth.value(), address=self.address.text(),
            phone=self.phone.text(), reasons=tuple(self.reasons.checked()), consent=self.consent.currentData(),
            care_level=self.care.currentText(), evacuation_place=self.place.currentText(),
            route_notes=self.route.toPlainText(), medical_notes=self.medical.toPlainText(),
            notes=self.notes.toPlainText(), person_id=self.person_id, id=self.support_id)

    def save(self) -> None:
        if self.read_only:
            self.reject()
            return
        before = [_helper_key(h) for h in self.original.helpers]
        now = [_helper_key(h) for h in self.helpers]
        changed = self.helpers if now != before else None
        try:
            sid, problem = self.worker.call(_save_entry, self.data(), changed)
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.support_id = sid
        self.saved = True
        if problem is not None:  # the entry is saved; the helpers are not
            self.original = self.worker.call(sp.get_support, sid)
            show_problem(self.error, self.tr("本人の記録は保存しました。地域支援者は保存できませんでした: {0}").format(problem))
            return
        self.accept()


# -- the city's list ---------------------------------------------------------------------------------------


class CityListDialog(QDialog):
    """「市の名簿を取り込む」: the file, the day it was received and the 協定; then every row for
    review (matched, to choose, not in the register, skipped) before the list replaces the
    previous version; then what was done."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.path: Path | None = None
        self.plan: sp.CityListPlan | None = None
        self.import_result: sp.CityImportResult | None = None
        self.combos: dict[int, QComboBox] = {}
        today, current = worker.call(lambda reg: (reg.today(), sp.current_city_list(reg)))
        self.current = current
        self.setWindowTitle(self.tr("市の避難行動要支援者名簿を取り込む（取扱注意）"))
        layout = QVBoxLayout(self)
        self.step = heading("", 1.3)
        layout.addWidget(self.step)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._file_page(today))
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._result_page())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("お知らせ"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.cancel_btn = button(self.tr("やめる"), self.reject)
        self.back_btn = button(self.tr("戻る"), self.back)
        self.next_btn = button(self.tr("読み込んで確かめる"), self.next)
        row.addWidget(self.cancel_btn)
        row.addStretch(1)
        row.addWidget(self.back_btn)
        row.addWidget(self.next_btn)
        layout.addLayout(row)
        self._show(0)
        fit_to_screen(self, 1080, 680)

    # -- pages ------------------------------------------------------------------------------------

    def _file_page(self, today: date) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr(
            "市から受け取った避難行動要支援者名簿（Excel・CSV）を取り込みます。今の市の名簿は新しい名簿で全部置き換わり、"
            "前の版は台帳のファイルからも消去します（元に戻せません）。町会で把握した人はそのまま残ります。"
            "取り込む前に、読み取った内容と、会員名簿の人との結び付けを1行ずつ確かめます。")))
        v.addWidget(note(city_list_text(self.current)))
        pick = QHBoxLayout()
        choose = button(self.tr("ファイルを選ぶ…"), self.choose_file)
        pick.addWidget(choose)
        self.file_label = QLabel(self.tr("（まだ選んでいません）"))
        self.file_label.setWordWrap(True)
        pick.addWidget(self.file_label, 1)
        v.addLayout(pick)
        form = QFormLayout()
        self.received = WarekiDateEdit(label=self.tr("受け取った日"), today=today, show_age=False)
        self.received.setValue(today.isoformat())
        self.agreement = QLineEdit(self.current.agreement_ref if self.current else "")
        self.agreement.setPlaceholderText(self.tr("例: 避難行動要支援者名簿の提供に関する協定（令和元年7月1日）"))
        self.agreement.setAccessibleName(self.tr("協定"))
        self.consent_default = QComboBox()
        self.consent_default.addItem(self.tr("未確認（同意の列がないとき）"), "未確認")  # notr (data)
        self.consent_default.addItem(self.tr("同意（市から同意者名簿として受け取った）"), "同意")  # notr (data)
        self.consent_default.setAccessibleName(self.tr("同意の列がないとき"))
        self.remove_file = QCheckBox(self.tr("取り込んだ後、受け取ったファイルを復元できないように消去する（協定: 写しを残さない）"))
        form.addRow(self.tr("受け取った日"), self.received)
        form.addRow(self.tr("協定（番号か締結日）"), self.agreement)
        form.addRow(self.tr("同意の列がないとき"), self.consent_default)
        form.addRow(self.remove_file)
        v.addLayout(form)
        v.addStretch(1)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        v.addWidget(self.summary)
        self.columns_label = note()
        self.columns_label.setAccessibleName(self.tr("読み取った列"))
        v.addWidget(self.columns_label)
        self.unknown_label = note()
        self.unknown_label.setAccessibleName(self.tr("分からない列"))
        v.addWidget(self.unknown_label)
        self.rows = QTableWidget(0, 7)
        self.rows.setHorizontalHeaderLabels([self.tr("行"), self.tr("氏名"), self.tr("生年月日"), self.tr("住所"),
                                             self.tr("判定"), self.tr("会員名簿の人"), self.tr("説明")])
        self.rows.verticalHeader().setVisible(False)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.rows.setAccessibleName(self.tr("市の名簿の行"))
        self.rows.setWordWrap(False)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr (measures one character)
        for col, width in enumerate((2.5, 6, 8.5, 8, 10, 14)):
            self.rows.setColumnWidth(col, int(width * em + 18))
        self.rows.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.rows.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        v.addWidget(self.rows, 3)
        v.addWidget(QLabel(self.tr("取り込まない行・お知らせ")))
        self.messages = QListWidget()
        self.messages.setAccessibleName(self.tr("取り込まない行・お知らせ"))
        v.addWidget(self.messages, 1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("取り込みの結果"))
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.result_label.setFont(font)
        v.addWidget(self.result_label)
        v.addStretch(1)
        return page

    # -- flow -------------------------------------------------------------------------------------

    def _show(self, n: int) -> None:
        self.pages.setCurrentIndex(n)
        self.step.setText([self.tr("1. 受け取った名簿を選ぶ"), self.tr("2. 内容と結び付けを確かめる"),
                           self.tr("3. 取り込みました")][n])
        self.back_btn.setVisible(n == 1)
        self.cancel_btn.setVisible(n < 2)
        self.next_btn.setText([self.tr("読み込んで確かめる"), self.tr("この内容で置き換える"), self.tr("閉じる")][n])
        self.status.clear()
        self._update_next()

    def _update_next(self) -> None:
        n = self.pages.currentIndex()
        if n == 1:
            left = self.unchosen()
            self.next_btn.setEnabled(self.plan is not None and not left)
            if left:
                self.status.setText(self.tr("⚠ あと{0}行（{1}）、会員名簿のどの人か、または「名簿にいない」を選んでください。"
                                            ).format(len(left), self.tr("・").join(self.tr("{0}行目").format(r) for r in left)))
            else:
                self.status.clear()
        else:
            self.next_btn.setEnabled(True)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("市から受け取った名簿"), str(Path.home()),
                                                self.tr("名簿のファイル (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)"))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))

    def back(self) -> None:
        self._show(0)

    def next(self) -> None:
        n = self.pages.currentIndex()
        if n == 0:
            self.read()
        elif n == 1:
            self.apply()
        else:
            self.accept()

    def read(self) -> None:
        if self.path is None:
            self.status.setText(self.tr("⚠ ファイルを選んでください。"))
            return
        received = self.received.value()
        if received is None:
            self.status.setText(self.tr("⚠ 受け取った日を入れてください。"))
            return
        try:
            self.plan = self.worker.call_responsive(sp.plan_city_list, self.path, received, self.agreement.text(),
                                                    consent_default=self.consent_default.currentData())
        except ERRORS as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self._fill_review(self.plan)
        self._show(1)

    def _fill_review(self, p: sp.CityListPlan) -> None:
        s = p.summary()
        text = self.tr("{0}人: 名簿の人と一致 {1}人・要確認 {2}人・名簿にいない {3}人。").format(
            s["rows"], s["matched"], s["ambiguous"], s["not_in_register"])
        if p.skipped:
            text += self.tr("取り込まない行 {0}行。").format(len(p.skipped))
        if p.previous is not None:
            text += self.tr("\n今の市の名簿（{0}受領・{1}人）をこの名簿で置き換えます。").format(
                wareki(p.previous.received_on), p.previous.rows)
        if p.kept:
            text += self.tr("町会で把握した{0}人はそのまま残ります。").format(p.kept)
        self.summary.setText(text)
        self.columns_label.setText(self.tr("読み取った列: {0}").format(
            "、".join(h if h == what else f"{h}→{what}" for h, what in p.columns)))
        if p.unknown_columns:
            self.unknown_label.setText(self.tr("⚠ 分からない列（内容は「見出し：値」として備考に残します）: {0}").format(
                "、".join(p.unknown_columns)))
            self.unknown_label.show()
        else:
            self.unknown_label.clear()
            self.unknown_label.hide()
        self.combos = {}
        self.rows.clearContents()
        self.rows.setRowCount(len(p.rows))
        first = {"ambiguous": 0, "none": 1, "matched": 2}  # what needs a decision on top
        for r, row in enumerate(sorted(p.rows, key=lambda x: (first.get(x.status, 3), x.row))):
            d = row.data
            cells = (str(row.row), d.name, wareki(d.birth_date), d.address,
                     ("⚠ " if row.status != "matched" else "") + row.status_label, "", row.note)
            for col, text_ in enumerate(cells):
                item = QTableWidgetItem(text_)
                if col in (3, 6) and text_:
                    item.setToolTip(text_)
                self.rows.setItem(r, col, item)
            if row.status == "ambiguous":
                combo = QComboBox()
                combo.setAccessibleName(self.tr("{0}行目の会員名簿の人").format(row.row))
                combo.addItem(self.tr("（選んでください）"), UNCHOSEN)
                for c in row.candidates:
                    born = wareki(c.birth_date) if c.birth_date else self.tr("生年月日不明")
                    combo.addItem(self.tr("{0}（{1}・{2}・{3}）").format(c.name, c.block, born, c.address), c.person_id)
                    combo.setItemData(combo.count() - 1, c.why, Qt.ItemDataRole.ToolTipRole)
                combo.addItem(self.tr("名簿にいない（結び付けない）"), None)
                combo.currentIndexChanged.connect(lambda _i: self._update_next())
                self.rows.setCellWidget(r, 5, combo)
                self.combos[row.row] = combo
            elif row.status == "matched":
                c = next((c for c in row.candidates if c.person_id == row.person_id), None)
                self.rows.item(r, 5).setText(self.tr("{0}（{1}）").format(c.name, c.block) if c else self.tr("名簿の人"))
            else:
                self.rows.item(r, 5).setText(self.tr("（名簿にいない人として残します）"))
        self.messages.clear()
        for n, why in p.skipped:
            self.messages.addItem(self.tr("{0}行目: {1}のため取り込みません").format(n, why))
        for m in p.messages:
            item = QListWidgetItem(("⚠ " if m.error else "") + str(m))
            self.messages.addItem(item)

    def unchosen(self) -> list[int]:
        return [n for n, combo in self.combos.items() if combo.currentData() == UNCHOSEN]

    def set_choice(self, row: int, person_id: int | None) -> None:
        """Choose for an ambiguous row (``None``: not in the register)."""
        combo = self.combos[row]
        combo.setCurrentIndex(combo.findData(person_id) if person_id is not None else combo.count() - 1)

    def choices(self) -> dict[int, int | None]:
        return {n: combo.currentData() for n, combo in self.combos.items() if combo.currentData() != UNCHOSEN}

    def apply(self) -> None:
        p = self.plan
        if p is None or self.unchosen():
            self._update_next()
            return
        old = self.tr("今の市の名簿（{0}受領・{1}人）を").format(wareki(p.previous.received_on), p.previous.rows) \
            if p.previous is not None else ""
        if not dialogs.confirm(self, self.tr("市の名簿で置き換える"), self.tr(
                "{0}この名簿（{1}人）で置き換えます。前の版は台帳から消去し、元に戻せません。"
                "取り込む前に自動でバックアップを作ります。よろしいですか？").format(old, len(p.rows)),
                yes=self.tr("置き換える"), no=self.tr("やめる")):
            return
        remove = self.remove_file.isChecked()
        try:
            self.import_result = self.worker.call_responsive(sp.apply_city_list, p, self.choices(), remove_file=remove)
        except ERRORS as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.result_label.setText(self.result_text(self.import_result, remove))
        self._show(2)

    def result_text(self, r: sp.CityImportResult, remove: bool) -> str:
        lines = [self.tr("市の名簿を取り込みました: {0}人（会員名簿の人と結び付け {1}人・名簿にいない {2}人）。").format(
            r.rows, r.linked, r.unlinked)]
        if r.replaced_rows:
            done = r.secure_delete and r.checkpointed
            lines.append(self.tr("前の版の{0}人分を消去しました。").format(r.replaced_rows) + (
                self.tr("台帳のファイルの中でも上書きして消去済みです。") if done else
                self.tr("⚠ 台帳のファイルの中の上書き消去が、ほかの処理のため終わっていません。台帳を閉じると終わります。")))
        else:
            lines.append(self.tr("前の版はありませんでした（初めての取り込み）。"))
        if r.carried_helpers:
            lines.append(self.tr("地域支援者{0}人を、前の版から引き継ぎました。").format(r.carried_helpers))
        if remove:
            lines.append(self.tr("受け取ったファイルを復元できないように消去しました。") if r.file_removed else
                         self.tr("⚠ 受け取ったファイルを消去できませんでした。手で消去してください: {0}").format(self.path))
        if r.unlinked:
            lines.append(self.tr("名簿にいない人は一覧に「⚠ 名簿にいない人」と出ます。あとから会員名簿の人と結び付けられます。"))
        return "\n".join(lines)


# -- printing -------------------------------------------------------------------------------------------


class SupportPrintDialog(QDialog):
    """The 避難行動要支援者名簿 (or one person's 個別避難支援計画) on paper: the purpose (required)
    and the copies first, a preview (watermarked, not recorded), then 「PDFで保存」 or 「印刷」 —
    each made by the writer with ``record=True``, so the 管理台帳 has who, when, copies and why."""

    def __init__(self, worker: DbWorker, *, support_id: int | None = None, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.support_id = support_id
        self._dir = Path(tempfile.mkdtemp(prefix="kyodo-support-"))
        self.pdf: Path | None = None
        self.page = 0
        self.pages = 0
        self.saved: Path | None = None
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(400)
        self._auto.timeout.connect(self.refresh)
        plan = support_id is not None
        self.setWindowTitle(self.tr("個別避難支援計画を印刷（取扱注意）") if plan else self.tr("要支援者名簿を印刷（取扱注意）"))
        row = QHBoxLayout(self)
        side = QVBoxLayout()
        side.addWidget(heading(self.tr("{0}さんの個別避難支援計画").format(name) if plan else self.tr("避難行動要支援者名簿"), 1.1))
        warn = note(self.tr("印刷したものには「取扱注意」と印刷する人の名前が入ります。だれが・いつ・何部・何のために"
                            "印刷したかが管理台帳に残ります。コピーはせず、必要な部数だけ印刷してください。"))
        warn.setStyleSheet(BANNER_STYLE)
        side.addWidget(warn)
        form = QFormLayout()
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItem("")
        self.purpose.addItems(list(PURPOSE_EXAMPLES))
        self.purpose.setCurrentText("")
        self.purpose.lineEdit().setPlaceholderText(self.tr("必ず入れてください"))
        self.purpose.setAccessibleName(self.tr("目的（必須）"))
        self.copies = QSpinBox()
        self.copies.setRange(1, sd.MAX_COPIES)
        self.copies.setSuffix(self.tr(" 部"))
        self.copies.setAccessibleName(self.tr("部数"))
        form.addRow(self.tr("目的（必須）"), self.purpose)
        form.addRow(self.tr("部数"), self.copies)
        self.consent_only = QRadioButton(self.tr("同意者名簿（同意した人だけ）"))
        self.everyone = QRadioButton(self.tr("全員（基礎名簿・災害のとき）"))
        self.consent_only.setChecked(True)
        self.block = QComboBox()
        self.block.setAccessibleName(self.tr("班"))
        self.block.addItem(self.tr("すべての班（名簿にいない人も）"), None)
        if not plan:
            for b in worker.call(hh.list_blocks):
                self.block.addItem(b.name, b.id)
            scope = QVBoxLayout()
            scope.addWidget(self.consent_only)
            scope.addWidget(self.everyone)
            form.addRow(self.tr("範囲"), scope)
            form.addRow(self.tr("班"), self.block)
        side.addLayout(form)
        update = button(self.tr("プレビューを更新"), self.refresh)
        side.addWidget(update)
        side.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("お知らせ"))
        side.addWidget(self.status)
        self.print_btn = button(self.tr("印刷…"), lambda: self.print_pages())
        self.save_btn = button(self.tr("PDFで保存…"), lambda: self.save_pdf())
        close = button(self.tr("閉じる"), self.reject)
        for b in (self.print_btn, self.save_btn, close):
            side.addWidget(b)
        left = QWidget()
        left.setLayout(side)
        left.setFixedWidth(max(340, self.fontMetrics().horizontalAdvance("あ") * 20))  # notr (measures one character)
        row.addWidget(left)
        view = QVBoxLayout()
        nav = QHBoxLayout()
        self.prev_btn = button(self.tr("前のページ"), lambda: self.show_page(self.page - 1))
        self.next_btn = button(self.tr("次のページ"), lambda: self.show_page(self.page + 1))
        self.page_label = QLabel()
        self.zoom = QComboBox()
        for z in (50, 75, 100):
            self.zoom.addItem(f"{z}%", z)
        self.zoom.setCurrentIndex(1 if plan else 0)
        self.zoom.setAccessibleName(self.tr("拡大"))
        self.zoom.currentIndexChanged.connect(lambda _i: self.show_page(self.page))
        for w in (self.prev_btn, self.page_label, self.next_btn):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(QLabel(self.tr("拡大")))
        nav.addWidget(self.zoom)
        view.addLayout(nav)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setAccessibleName(self.tr("プレビュー"))
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        view.addWidget(scroll, 1)
        row.addLayout(view, 1)
        self.purpose.currentTextChanged.connect(lambda _t: self._update_buttons())
        self.purpose.lineEdit().editingFinished.connect(self._auto.start)
        self.copies.valueChanged.connect(lambda _v: self._auto.start())
        self.consent_only.toggled.connect(lambda _on: self._auto.start())
        self.block.currentIndexChanged.connect(lambda _i: self._auto.start())
        self.resize(1100, 700)
        self.refresh()
        self.purpose.setFocus()

    def purpose_text(self) -> str:
        return self.purpose.currentText().strip()

    def _make(self, target: Path, *, record: bool, purpose: str) -> Any:
        if self.support_id is not None:
            return self.worker.call_with_progress(sd.write_individual_plan, target, support_id=self.support_id,
                                                  purpose=purpose, copies=self.copies.value(), record=record,
                                                  label=self.tr("個別避難支援計画を作っています…"), parent=self)
        block = self.block.currentData()
        return self.worker.call_with_progress(
            sd.write_support_list, target, purpose=purpose, copies=self.copies.value(),
            block_ids=[block] if block is not None else None, consent_only=self.consent_only.isChecked(),
            record=record, label=self.tr("要支援者名簿を作っています…"), parent=self)

    def refresh(self) -> None:
        """The preview: the same pages, watermark included; nothing is recorded."""
        self._auto.stop()
        target = self._dir / "preview.pdf"
        try:
            result = self._make(target, record=False, purpose=self.purpose_text() or self.tr("（目的を入れてください）"))
        except ERRORS as exc:
            self.pdf = None
            self.canvas.clear()
            self.status.setText("⚠ " + str(exc))
            self._update_buttons()
            return
        self.pdf = target
        self.pages = page_count(target)
        text = self.tr("{0}ページ・{1}人（{2}部）").format(result.pages, result.households, self.copies.value())
        self.status.setText(text + (f"\n⚠ {result.warning}" if result.warning else ""))
        self.show_page(0)

    def show_page(self, n: int) -> None:
        if self.pdf is None or not self.pages:
            self._update_buttons()
            return
        self.page = max(0, min(n, self.pages - 1))
        image = render_page(self.pdf, self.page, self.zoom.currentData() / 100 * 1.4)
        self.canvas.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(f"{self.page + 1} / {self.pages}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.pdf is not None
        ready = has and bool(self.purpose_text())
        self.prev_btn.setEnabled(has and self.page > 0)
        self.next_btn.setEnabled(has and self.page < self.pages - 1)
        self.print_btn.setEnabled(ready)
        self.save_btn.setEnabled(ready)
        tip = "" if self.purpose_text() else self.tr("先に目的を入れてください")
        self.print_btn.setToolTip(tip)
        self.save_btn.setToolTip(tip)

    def _need_purpose(self) -> bool:
        if self.purpose_text():
            return True
        self.status.setText(self.tr("⚠ 何のために印刷するか（目的）を入れてください。管理台帳に残ります。"))
        self.purpose.setFocus()
        return False

    def save_pdf(self, target: Path | None = None) -> Path | None:
        """Write the PDF where the officer chooses; the writer records it in the 管理台帳."""
        if not self._need_purpose():
            return None
        if target is None:
            default = self.tr("個別避難支援計画.pdf") if self.support_id is not None else self.tr("避難行動要支援者名簿.pdf")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("PDFの保存先"), str(Path.home() / default), "PDF (*.pdf)")
            if not chosen:
                return None
            target = Path(chosen)
        try:
            result = self._make(target, record=True, purpose=self.purpose_text())
        except ERRORS as exc:
            self.status.setText("⚠ " + str(exc))
            return None
        self.saved = target
        self.status.setText(self.tr("保存しました（{0}部・{1}ページ）。管理台帳に記録しました: {2}").format(
            self.copies.value(), result.pages, target))
        return target

    def print_pages(self, printer: Any = None) -> bool:
        """The system print dialog, then the pages (all the copies, each marked n/N部)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self._need_purpose():
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText("⚠ " + self.tr("プリンターが使えません。接続と電源を確かめてください。"))
            return False
        target = self._dir / "print.pdf"
        try:
            self._make(target, record=True, purpose=self.purpose_text())  # recorded: it goes to paper
        except ERRORS as exc:
            printer.abort()
            painter.end()
            self.status.setText("⚠ " + str(exc))
            return False
        pages = page_count(target)
        printed = draw_on_printer(self, target, pages, printer, painter)
        if printed < pages:
            self.status.setText(self.tr("印刷を中止しました（{0} / {1}ページ）。印刷の記録は管理台帳に残っています。").format(
                printed, pages))
            return False
        self.status.setText(self.tr("印刷しました（{0}部・{1}ページ）。管理台帳に記録しました。").format(self.copies.value(), pages))
        return True

    def done(self, result: int) -> None:
        from kyodo_desktop.models.crypto import secure_delete

        self._auto.stop()
        for f in self._dir.glob("*"):
            secure_delete(f)  # the preview holds 要配慮個人情報
        shutil.rmtree(self._dir, ignore_errors=True)
        super().done(result)


# -- the tab --------------------------------------------------------------------------------------------


class SupportTab(QWidget):
    """要支援者（取扱注意）: counts only, or — with ``sensitive.read`` — the list and its work."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.setStyleSheet(big_checks(self))
        self.worker = worker
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.summary_view = SummaryView()
        self.stack.addWidget(self.summary_view)
        self.stack.addWidget(self._build_list())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("お知らせ"))
        self.message.setVisible(False)
        layout.addWidget(self.message)
        shortcut(self, QKeySequence.StandardKey.New, self.add)

    def _build_list(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 6, 0, 0)
        self.banner = QLabel("⚠ " + tr(BANNER))
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("取扱注意"))
        v.addWidget(self.banner)
        top = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.consented_only = QRadioButton(self.tr("同意者だけ"))
        self.consented_only.setToolTip(self.tr("同意者名簿: 平常時から共有することに同意した人"))
        self.show_all = QRadioButton(self.tr("すべて"))
        self.show_all.setToolTip(self.tr("基礎名簿: 同意していない人・未確認の人も含めて全員"))
        self.show_all.setChecked(True)
        for n, b in enumerate((self.consented_only, self.show_all)):
            self.filter_group.addButton(b, n)
            top.addWidget(b)
        self.filter_group.idClicked.connect(lambda _n: self.load_list())
        top.addStretch(1)
        self.plan_btn = button(self.tr("個別計画を印刷…"), self.print_plan,
                               tip=self.tr("選んだ人の個別避難支援計画（面談で書き込む用紙）を印刷します"))
        self.import_btn = button(self.tr("市の名簿を取り込む…"), self.import_city_list)
        self.print_btn = button(self.tr("印刷…"), self.print_list,
                                tip=self.tr("名簿を「取扱注意」の透かし入りで印刷します。印刷の記録が残ります"))
        for b in (self.plan_btn, self.import_btn, self.print_btn):
            top.addWidget(b)
        v.addLayout(top)
        self.count = note()
        self.count.setAccessibleName(self.tr("人数"))
        v.addWidget(self.count)
        self.city_info = note()
        self.city_info.setAccessibleName(self.tr("市の名簿"))
        v.addWidget(self.city_info)
        self.model = RowsModel(tuple(map(tr, SUPPORT_COLUMNS)), _support_cells, self, warn=needs_attention, tooltip=_support_tip)
        self.table = stretch_last(make_table(self.model, (6, 4, 9, 10.5, 7.5, 7.5, 9), stretch=None,
                                             name=self.tr("避難行動要支援者の一覧")))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_btn = button(self.tr("追加…"), self.add, tip=self.tr("町会で把握した要支援者を追加します"))
        self.edit_btn = button(self.tr("開く・変更…"), self.edit)
        self.link_btn = button(self.tr("名簿の人と結び付ける…"), self.link_selected,
                               tip=self.tr("会員名簿のどの人か選びます（名簿にいない人・転出した人の確認に）"))
        self.delete_btn = button(self.tr("消去…"), self.delete,
                                 tip=self.tr("転出・支援が不要になった人を名簿から消します（元に戻せません）"))
        for b in (self.add_btn, self.edit_btn, self.link_btn, self.delete_btn):
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        return page

    # -- data -----------------------------------------------------------------------------------

    def sees_list(self) -> bool:
        return can(self.worker, READ)

    def clear(self) -> None:
        """Nothing of the list stays in the widget: before each refresh (another officer may have
        logged in), and for the window to call when it locks or logs out."""
        self.model.set_rows([])
        self.count.clear()
        self.city_info.clear()
        self.summary_view.clear()
        say(self.message, "")

    def refresh(self) -> None:
        self.clear()
        if not self.sees_list():
            self.stack.setCurrentIndex(0)
            try:
                self.summary_view.show_summary(self.worker.call(sp.support_summary))
            except ERRORS as exc:
                say(self.message, str(exc), error=True)
            self._update_buttons()
            return
        self.stack.setCurrentIndex(1)
        self.load_list()

    def load_list(self, keep: int | None = None) -> None:
        if not self.sees_list():
            self.refresh()
            return
        current = selected_row(self.table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        consent_only = self.consented_only.isChecked()
        try:
            rows, summary, info = self.worker.call(_load, consent_only)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.model.set_rows(rows)
        text = self.tr("{0}人を表示").format(len(rows))
        text += self.tr("（全体 {0}人・同意者名簿 {1}人）").format(summary.people, summary.consented)
        if summary.without_helper:
            text += self.tr("　⚠ 地域支援者が未定 {0}人").format(summary.without_helper)
        if summary.unlinked:
            text += self.tr("　⚠ 名簿にいない人 {0}人").format(summary.unlinked)
        self.count.setText(text)
        self.city_info.setText(city_list_text(info))
        if keep is not None:
            select_where(self.table, lambda s: s.id == keep)
        self._update_buttons()

    def _update_buttons(self) -> None:
        reg = self.worker.register
        write = can(self.worker, WRITE)
        every_block = reg is not None and reg.session.block_ids is None
        s = selected_row(self.table)
        self.add_btn.setEnabled(write)
        self.edit_btn.setEnabled(s is not None)
        self.edit_btn.setText(self.tr("開く・変更…") if write else self.tr("開く…"))
        self.link_btn.setEnabled(write and s is not None)
        self.delete_btn.setEnabled(write and s is not None)
        printable = can(self.worker, "output")
        self.plan_btn.setEnabled(printable and s is not None)
        self.print_btn.setEnabled(printable)
        self.import_btn.setEnabled(write and every_block)
        self.import_btn.setToolTip("" if write and every_block else self.tr(
            "市の名簿の取り込みは、要配慮個人情報を変更でき、すべての班を扱える役割（管理者）だけができます"))

    # -- actions --------------------------------------------------------------------------------

    def add(self) -> None:
        if not self.sees_list() or not can(self.worker, WRITE):
            return
        dialog = SupportDialog(self.worker, parent=self)
        dialog.exec()
        if dialog.saved:
            self.load_list(keep=dialog.support_id)

    def edit(self) -> None:
        s = selected_row(self.table)
        if s is None:
            return
        try:
            dialog = SupportDialog(self.worker, s.id, read_only=not can(self.worker, WRITE), parent=self)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        dialog.exec()
        if dialog.saved:
            self.load_list(keep=s.id)

    def link_selected(self) -> None:
        s = selected_row(self.table)
        if s is None or not can(self.worker, WRITE):
            return
        first = s.name.replace("　", " ").split()
        dialog = PersonPickDialog(self.worker, self.tr("名簿の人と結び付ける"), self.tr(
            "「{0}」さん（{1}）が会員名簿のどの人か、探して選んでください。").format(s.name, s.address or self.tr("住所不明")),
            first[0] if first else "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.link(s.id, dialog.picker.chosen().person_id)

    def link(self, support_id: int, person_id: int) -> bool:
        def relink(reg: Any) -> int:
            s = sp.get_support(reg, support_id)
            data = sp.SupportPerson(**{**s.__dict__, "person_id": person_id, "helpers": []})
            return sp.save_support(reg, data)

        try:
            self.worker.call(relink)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return False
        self.load_list(keep=support_id)
        say(self.message, self.tr("会員名簿の人と結び付けました。"))
        return True

    def delete(self) -> None:
        s = selected_row(self.table)
        if s is None or not can(self.worker, WRITE):
            return
        if not dialogs.confirm(self, self.tr("要支援者の記録を消去"), self.tr(
                "{0}さんの記録と地域支援者を、台帳から復元できないように消去します。"
                "転出した・支援が必要なくなったときに使います。よろしいですか？").format(s.name),
                yes=self.tr("消去する"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(sp.delete_support, s.id)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.load_list()
        say(self.message, self.tr("記録を消去しました。"))

    def import_city_list(self) -> None:
        if not can(self.worker, WRITE):
            return
        dialog = CityListDialog(self.worker, self)
        dialog.exec()
        if dialog.import_result is not None:
            self.load_list()
            say(self.message, dialog.result_text(dialog.import_result, dialog.remove_file.isChecked()).splitlines()[0])

    def print_list(self) -> None:
        if not self.sees_list() or not can(self.worker, "output"):
            return
        dialog = SupportPrintDialog(self.worker, parent=self)
        dialog.exec()

    def print_plan(self) -> None:
        s = selected_row(self.table)
        if s is None or not can(self.worker, "output"):
            return
        dialog = SupportPrintDialog(self.worker, support_id=s.id, name=s.name, parent=self)
        dialog.exec()
