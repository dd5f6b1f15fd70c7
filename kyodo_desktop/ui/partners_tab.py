"""協力団体: partner organisations, their agreements (協定) and what they did with the 町会.

One tab of the 行事 page (ActivityPage). A partner linked to an event, an issue or an agreement
cannot be deleted (``models/partners.py`` refuses and says why); it is set to 休止 instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import schema
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    ERRORS,
    RowsModel,
    big_checks,
    button,
    can,
    error_label,
    heading,
    make_read_only,
    make_table,
    min_rows,
    note,
    scrolling,
    select_where,
    selected_row,
    shortcut,
    show_problem,
)
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit
from kyodo_desktop.ui.widgets import button_row
from kyodo_desktop.ui.worker import DbWorker

#: suggestions for the name of an agreement (DOMAIN.md §5.2); any other name may be typed. Not
#: translated: the chosen text is stored as the agreement's name.
AGREEMENT_EXAMPLES = ("災害時物資協定", "災害時の避難場所協定", "見守り協力（新聞配達）", "見守り協力（郵便）",  # notr
                      "見守り協力（検針）", "見守り協力（宅配）")  # notr

PARTNER_COLUMNS = (QT_TRANSLATE_NOOP("", "名前"), QT_TRANSLATE_NOOP("", "種類"), QT_TRANSLATE_NOOP("", "担当者"),
                   QT_TRANSLATE_NOOP("", "電話"), QT_TRANSLATE_NOOP("", "行事"), QT_TRANSLATE_NOOP("", "地域課題"),
                   QT_TRANSLATE_NOOP("", "協定"), QT_TRANSLATE_NOOP("", "最近の行事"), QT_TRANSLATE_NOOP("", "休止"))


def _partner_cells(p: pt.PartnerRow) -> tuple[Any, ...]:
    return (p.name, p.kind, p.contact_name, p.phone, tr("{n}件").format(n=p.events), tr("{n}件").format(n=p.issues),
            tr("{n}件").format(n=p.agreements), p.last_event or "",
            tr("休止（{date}）").format(date=p.retired_on) if p.retired_on else "")


def _dialog_buttons(dialog: QDialog, read_only: bool, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    if read_only:
        box.addButton(QDialogButtonBox.StandardButton.Close).setText(tr("閉じる"))
    else:
        box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("キャンセル"))
    box.rejected.connect(dialog.reject)
    return box


class PartnerDialog(QDialog):
    """Add or change a partner organisation."""

    def __init__(self, worker: DbWorker, partner_id: int | None = None, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.saved_id: int | None = None
        self.original = worker.call(pt.get_partner, partner_id) if partner_id is not None else pt.PartnerData("")
        self.setWindowTitle(self.tr("協力団体を追加") if partner_id is None else self.tr("協力団体"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self.original.name)
        self.name.setPlaceholderText(self.tr("例: 泉野公民館"))
        self.kind = QComboBox()
        self.kind.addItems(list(schema.PARTNER_KINDS))
        self.kind.setCurrentText(self.original.kind)
        self.contact = QLineEdit(self.original.contact_name)
        self.contact.setPlaceholderText(self.tr("例: 館長 田中様"))
        self.phone = QLineEdit(self.original.phone)
        self.phone.setPlaceholderText(self.tr("例: 076-123-4567"))
        self.email = QLineEdit(self.original.email)
        self.address = QLineEdit(self.original.address)
        self.notes = QPlainTextEdit(self.original.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        for label, w in ((self.tr("団体名"), self.name), (self.tr("種類"), self.kind),
                         (self.tr("担当者"), self.contact), (self.tr("電話"), self.phone),
                         (self.tr("メール"), self.email), (self.tr("住所"), self.address),
                         (self.tr("備考"), self.notes)):
            w.setAccessibleName(label)
            form.addRow(label, w)
        layout.addLayout(form)
        if self.original.retired_on:
            layout.addWidget(note(self.tr("この団体は{0}から休止しています。").format(self.original.retired_on)))
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = _dialog_buttons(self, read_only, self.tr("保存する"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        if read_only:
            make_read_only(self)
        self.name.setFocus()
        self.resize(640, 0)

    def data(self) -> pt.PartnerData:
        o = self.original
        return pt.PartnerData(self.name.text(), self.kind.currentText(), self.contact.text(), self.phone.text(),
                              self.email.text(), self.address.text(), self.notes.toPlainText(), o.id, o.retired_on)

    def save(self) -> None:
        if self.read_only:
            self.reject()
            return
        try:
            self.saved_id = self.worker.call(pt.save_partner, self.data())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


class AgreementDialog(QDialog):
    """Record an agreement (協定) with a partner."""

    def __init__(self, worker: DbWorker, partner_id: int, partner_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.partner_id = partner_id
        self.setWindowTitle(self.tr("協定を記録"))
        today = worker.call(lambda reg: reg.today())
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("「{0}」との協定").format(partner_name), 1.1))
        form = QFormLayout()
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(list(AGREEMENT_EXAMPLES))
        self.title.setCurrentText("")
        self.title.lineEdit().setPlaceholderText(self.tr("例: 災害時物資協定（選ぶか入力）"))
        self.title.setAccessibleName(self.tr("協定の名前"))
        self.signed = WarekiDateEdit(label=self.tr("締結日"), today=today, show_age=False)
        self.until = WarekiDateEdit(label=self.tr("有効期限"), today=today, show_age=False)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("備考"))
        self.notes.setPlaceholderText(self.tr("例: 毎年4月に自動更新。飲料水500本・毛布30枚"))
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 16)
        form.addRow(self.tr("協定の名前"), self.title)
        form.addRow(self.tr("締結日"), self.signed)
        form.addRow(self.tr("有効期限（なければ空欄）"), self.until)
        form.addRow(self.tr("備考"), self.notes)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = _dialog_buttons(self, False, self.tr("記録する"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.title.setFocus()
        self.resize(640, 0)

    def save(self) -> None:
        try:
            self.worker.call(pt.add_agreement, self.partner_id, self.title.currentText(),
                             signed_on=self.signed.value(), valid_until=self.until.value(),
                             notes=self.notes.toPlainText())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


class PartnersTab(QWidget):
    """協力団体: the list, and for the chosen one its agreements, events and issues."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.setStyleSheet(big_checks(self))
        self.worker = worker
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(note(self.tr("公民館・社協・学校・商店など、町会と一緒に活動する団体です。")), 1)
        self.include_retired = QCheckBox(self.tr("休止中の団体も表示"))
        self.include_retired.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.include_retired)
        layout.addLayout(top)
        self.model = RowsModel([tr(c) for c in PARTNER_COLUMNS], _partner_cells, self, numeric=(4, 5, 6),
                               muted=lambda p: p.retired_on is not None)
        self.table = make_table(self.model, (10, 7, 6, 7, 3, 4, 3, 6, 7), stretch=0, name=self.tr("協力団体の一覧"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_details())
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        min_rows(self.table, 4)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count)
        self.add_btn = button(self.tr("団体を追加…"), self.add)
        self.edit_btn = button(self.tr("開く・変更…"), self.edit)
        self.retire_btn = button(self.tr("休止にする…"), self.retire,
                                 tip=self.tr("活動していない団体を一覧から外します。これまでの記録は残ります"))
        self.delete_btn = button(self.tr("削除…"), self.delete,
                                 tip=self.tr("間違えて登録した団体を消します。行事・課題・協定に結び付いた団体は消せません"))
        row.addWidget(button_row(self.add_btn, self.edit_btn, self.retire_btn, self.delete_btn), 1)  # wraps at large text
        top_layout.addLayout(row)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.details_title = heading("", 1.1)
        bottom_layout.addWidget(self.details_title)
        details = QHBoxLayout()
        box = QGroupBox(self.tr("協定"))
        bl = QVBoxLayout(box)
        self.agreements = RowsModel((self.tr("協定"), self.tr("締結日"), self.tr("有効期限")),
                                    lambda a: (a.title, a.signed_on or "", a.valid_until or ""), self,
                                    tooltip=lambda a, _c: a.notes or None)
        self.agreements_table = make_table(self.agreements, (8, 5.5, 5.5), stretch=0, name=self.tr("協定"))
        bl.addWidget(self.agreements_table, 1)
        self.agreement_btn = button(self.tr("協定を追加…"), self.add_agreement)
        bl.addWidget(self.agreement_btn, 0, Qt.AlignmentFlag.AlignRight)
        details.addWidget(box, 4)
        box = QGroupBox(self.tr("一緒にした行事"))
        bl = QVBoxLayout(box)
        self.events = RowsModel((self.tr("日付"), self.tr("行事")), lambda e: e, self)
        self.events_table = make_table(self.events, (6, 8), stretch=1, name=self.tr("一緒にした行事"))
        bl.addWidget(self.events_table)
        details.addWidget(box, 4)
        box = QGroupBox(self.tr("かかわる地域課題"))
        bl = QVBoxLayout(box)
        self.issues = RowsModel((self.tr("発見日"), self.tr("課題")), lambda i: i, self)
        self.issues_table = make_table(self.issues, (6, 8), stretch=1, name=self.tr("かかわる地域課題"))
        bl.addWidget(self.issues_table)
        details.addWidget(box, 3)
        bottom_layout.addLayout(details, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(scrolling(bottom))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 400])
        layout.addWidget(self.splitter, 1)
        shortcut(self, QKeySequence.StandardKey.New, self.add)

    # -- data -----------------------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        current = selected_row(self.table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        include = self.include_retired.isChecked()
        rows = self.worker.call(lambda reg: pt.list_partners(reg, include_retired=include))
        self.model.set_rows(rows)
        active = sum(1 for r in rows if r.retired_on is None)
        self.count.setText(self.tr("{0}団体").format(active) if active == len(rows)
                           else self.tr("{0}団体（うち休止 {1}）").format(len(rows), len(rows) - active))
        if keep is not None:
            select_where(self.table, lambda r: r.id == keep)
        if selected_row(self.table) is None and rows:
            self.table.selectRow(0)
        self.show_details()

    def show_details(self) -> None:
        p = selected_row(self.table)
        writable = can(self.worker, "activity.write")
        self.add_btn.setEnabled(writable)
        self.edit_btn.setText(self.tr("開く・変更…") if writable else self.tr("開く…"))
        self.edit_btn.setEnabled(p is not None)
        self.retire_btn.setEnabled(writable and p is not None and p.retired_on is None)
        self.delete_btn.setEnabled(writable and p is not None)
        self.agreement_btn.setEnabled(writable and p is not None)
        tip = "" if writable else self.tr("変更するには、役員か管理者の権限が必要です")
        self.add_btn.setToolTip(tip)
        if p is None:
            self.details_title.setText(self.tr("団体を選ぶと、協定と一緒にした活動が出ます"))
            for m in (self.agreements, self.events, self.issues):
                m.set_rows([])
            return
        agreements, links = self.worker.call(lambda reg: (pt.list_agreements(reg, p.id), pt.partner_links(reg, p.id)))
        self.details_title.setText(self.tr("「{0}」の協定と活動").format(p.name))
        self.agreements.set_rows(agreements)
        self.events.set_rows(links["events"])
        self.issues.set_rows(links["issues"])

    # -- actions --------------------------------------------------------------------------------

    def add(self) -> None:
        if not can(self.worker, "activity.write"):
            return
        dialog = PartnerDialog(self.worker, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(keep=dialog.saved_id)

    def edit(self) -> None:
        p = selected_row(self.table)
        if p is None:
            return
        dialog = PartnerDialog(self.worker, p.id, read_only=not can(self.worker, "activity.write"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(keep=p.id)

    def add_agreement(self) -> None:
        p = selected_row(self.table)
        if p is None or not can(self.worker, "activity.write"):
            return
        dialog = AgreementDialog(self.worker, p.id, p.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(keep=p.id)

    def retire(self) -> None:
        p = selected_row(self.table)
        if p is None:
            return
        if not dialogs.confirm(self, self.tr("休止にする"), self.tr(
                "「{0}」を休止にします。一覧や選択肢から外れますが、これまでの行事・協定などの記録は残ります。"
                "よろしいですか？").format(p.name), yes=self.tr("休止にする"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(pt.retire_partner, p.id)
        except ERRORS as exc:
            dialogs.show_error(self, self.tr("休止にする"), str(exc))
            return
        self.refresh(keep=p.id)

    def delete(self) -> None:
        p = selected_row(self.table)
        if p is None:
            return
        if not dialogs.confirm(self, self.tr("削除"), self.tr(
                "「{0}」を削除します。間違えて登録したときだけ使ってください。よろしいですか？").format(p.name),
                yes=self.tr("削除する"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(pt.delete_partner, p.id)
        except ERRORS as exc:
            dialogs.show_error(self, self.tr("削除できません"), str(exc))
            return
        self.refresh()
