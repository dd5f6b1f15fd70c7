"""The small windows of the 会計・報告 page: a payment, a 班's payments at once, a cancellation,
a cash-book entry, posting dues, the year-end closing and the short forms of the 設定 tab.

Every dialog only collects what the officer typed and hands it to
:mod:`kyodo_desktop.models.accounts_book`, which checks it; a refusal is shown in the dialog in
the model's own Japanese words, the dialog stays open, and nothing has changed (the model writes
all or nothing). Dates are typed the way officers write them (令和8年4月1日, R8.4.1, 2026-04-01).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import error_label, fit_to_screen, note, show_problem
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit
from kyodo_desktop.ui.worker import DbWorker

ERRORS = (RegisterError, ValidationError)
#: the first choice of 期別 in a payment: the earliest instalments still open are paid first
EARLIEST_FIRST = QT_TRANSLATE_NOOP("", "早い期から順に")


def amount_text(n: int) -> str:
    """「3,000」 for an amount in a field (the model reads 「3,000円」 and 「￥3000」 as well)."""
    return f"{n:,}"


def date_edit(label: str, value: date | str | None) -> WarekiDateEdit:
    edit = WarekiDateEdit(label=label, show_age=False)
    if value is not None:
        edit.setValue(value.isoformat() if isinstance(value, date) else value)
    return edit


def line_edit(text: str = "", *, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(edit.fontMetrics().height() + 14)
    return edit


def combo(items: Sequence[tuple[str, Any]], *, name: str, current: Any = None) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    if current is not None:
        box.setCurrentIndex(max(box.findData(current), 0))
    box.setMinimumHeight(box.fontMetrics().height() + 14)
    return box


class BookDialog(QDialog):
    """A form: what it is for, the fields, what went wrong (the dialog stays open), and two
    buttons. ``save`` is called on 「OK」 and its result kept in :attr:`result_value`."""

    def __init__(self, title: str, parent: QWidget | None = None, *, intro: str = "", ok_text: str = "",
                 save: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.result_value: Any = None
        #: the fields by their label (what the officer reads next to them)
        self.fields: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        if intro:
            self.intro = note(intro)
            outer.addWidget(self.intro)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        self.error = error_label()
        outer.addWidget(self.error)
        box = QDialogButtonBox()
        self.ok_button = box.addButton(ok_text or self.tr("保存する"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = box.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in box.buttons():  # Enter in a field never saves by accident
            b.setAutoDefault(False)
            b.setDefault(False)
            b.setMinimumHeight(40)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(box)

    def add(self, label: str, widget: QWidget) -> Any:
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.fields[label] = widget
        return widget

    def save(self) -> Any:
        if self._save is None:
            raise NotImplementedError
        return self._save()

    def submit(self) -> bool:
        """Save; on a refusal show the model's message and stay open (nothing has changed)."""
        self.error.clear()
        try:
            self.result_value = self.save()
        except ERRORS as exc:
            show_problem(self.error, exc)
            return False
        self.accept()
        return True

    def fit(self, width: int = 560, height: int = 420) -> None:
        fit_to_screen(self, width, height)


# -- dues -----------------------------------------------------------------------------------------------


class PaymentDialog(BookDialog):
    """「入金を記録」 for one household: the amount (what is still due, to start with), the 期別,
    the day, who took the money and how."""

    def __init__(self, worker: DbWorker, fy: int, line: ab.DuesLine, today: date,
                 parent: QWidget | None = None) -> None:
        who = line.name or line.address or self.tr("世帯No.{id}").format(id=line.household_id)
        super().__init__(self.tr("会費の入金を記録"), parent, ok_text=self.tr("入金を記録する"), intro=self.tr(
            "{block}　{who}さん　年額 {due}・入金済 {paid}・"
            "未納 {outstanding}").format(block=line.block, who=who, due=ab.yen(line.due), paid=ab.yen(line.paid),
                                       outstanding=ab.yen(line.outstanding)))
        self.worker, self.fy, self.line = worker, fy, line
        self.amount = self.add(self.tr("入金額（円）"), line_edit(amount_text(max(line.outstanding, 0)),
                                                              name=self.tr("入金額")))
        self.instalment = self.add(self.tr("期別"), combo(
            [(tr(EARLIEST_FIRST), None)] + [(self.tr("{label}（未納 {outstanding}）").format(
                label=i.label, outstanding=ab.yen(i.outstanding)), i.no) for i in line.instalments],
            name=self.tr("期別")))
        self.paid_on = self.add(self.tr("入金日"), date_edit(self.tr("入金日"), today))
        self.received_by = self.add(self.tr("受け取った人"), line_edit(
            name=self.tr("受け取った人"), placeholder=self.tr("空欄ならログイン中の役員")))
        self.method = self.add(self.tr("納め方"), combo([(tr(m), m) for m in schema.PAYMENT_METHODS],
                                                      name=self.tr("納め方")))
        self.receipt_no = self.add(self.tr("領収書番号"), line_edit(name=self.tr("領収書番号"),
                                                               placeholder=self.tr("なくても可")))
        self.note_edit = self.add(self.tr("備考"), line_edit(name=self.tr("備考")))
        self.fit(560, 460)

    def save(self) -> list[int]:
        data = ab.PaymentData(
            household_id=self.line.household_id, fiscal_year=self.fy, amount=self.amount.text(),
            paid_on=self.paid_on.value() or "", instalment_no=self.instalment.currentData(),
            received_by=self.received_by.text(), receipt_no=self.receipt_no.text(),
            method=self.method.currentData(), note=self.note_edit.text())
        return self.worker.call(ab.record_payment, data)


class BulkPaymentDialog(BookDialog):
    """「班でまとめて入金」: the households of one 班 that still owe, each with a check box and the
    amount (all it still owes, to start with). Recorded all or nothing."""

    def __init__(self, worker: DbWorker, fy: int, blocks: Sequence[tuple[str, int]], block_id: int | None,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("班でまとめて入金"), parent, ok_text=self.tr("まとめて記録する"), intro=self.tr(
            "班長が集めた会費をまとめて記録します。納めた世帯に印を付け、金額を確かめてください。"
            "一軒でも問題があると、どの入金も記録しません（問題の世帯をお知らせします）。"))
        self.worker, self.fy = worker, fy
        self.block = self.add(self.tr("班"), combo(blocks, name=self.tr("班"), current=block_id))
        self.paid_on = self.add(self.tr("入金日"), date_edit(self.tr("入金日"), today))
        self.received_by = self.add(self.tr("受け取った人"), line_edit(
            name=self.tr("受け取った人"), placeholder=self.tr("空欄ならログイン中の役員")))
        self.method = self.add(self.tr("納め方"), combo([(tr(m), m) for m in schema.PAYMENT_METHODS],
                                                      name=self.tr("納め方")))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 8, 0, 0)
        self.body.addWidget(self.grid_host)
        self.body.addStretch(1)
        self.rows: dict[int, tuple[QCheckBox, QLineEdit]] = {}
        self.block.currentIndexChanged.connect(lambda _i: self.load())
        self.load()
        self.fit(620, 560)

    def load(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows.clear()
        self.grid.addWidget(QLabel(self.tr("<b>世帯（回覧順）</b>")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("<b>未納</b>")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("<b>今回の入金額（円）</b>")), 0, 2)
        block_id = self.block.currentData()
        try:
            lines = [x for x in self.worker.call(ab.dues_for_year, self.fy, block_id=block_id) if x.outstanding > 0]
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        if not lines:
            self.grid.addWidget(QLabel(self.tr("この班には未納の世帯がありません。")), 1, 0, 1, 3)
        for n, x in enumerate(lines, start=1):
            who = x.name or x.address or self.tr("世帯No.{id}").format(id=x.household_id)
            check = QCheckBox(who)
            check.setChecked(True)
            check.setAccessibleName(self.tr("{who}の入金").format(who=who))
            amount = line_edit(amount_text(x.outstanding), name=self.tr("{who}の入金額").format(who=who))
            check.toggled.connect(amount.setEnabled)
            self.grid.addWidget(check, n, 0)
            self.grid.addWidget(QLabel(ab.yen(x.outstanding)), n, 1)
            self.grid.addWidget(amount, n, 2)
            self.rows[x.household_id] = (check, amount)
        self.grid.setColumnStretch(0, 1)

    def chosen(self) -> dict[int, str]:
        return {hid: amount.text() for hid, (check, amount) in self.rows.items() if check.isChecked()}

    def save(self) -> ab.BulkPayments:
        amounts = self.chosen()
        if not amounts:
            raise ValidationError(self.tr("一括入金"), self.tr("入金した世帯に印を付けてください。"), field="amounts")
        if self.block.currentData() is None:
            raise ValidationError(self.tr("班"), self.tr("班を選んでください。"), field="block_id")
        return self.worker.call(ab.record_block_payments, self.fy, self.block.currentData(),
                                self.paid_on.value() or "", amounts=amounts, received_by=self.received_by.text(),
                                method=self.method.currentData())


class CancelPaymentDialog(BookDialog):
    """Cancel one of a household's payments with a reason: a reversing row is added, the
    original stays (the audit log keeps both)."""

    def __init__(self, worker: DbWorker, payments: Sequence[ab.Payment], who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("入金の取り消し"), parent, ok_text=self.tr("この入金を取り消す"), intro=self.tr(
            "{who}さんの入金を取り消します。元の記録は消えずに残り、取り消しの記録（マイナスの入金）が加わります。"
            "出納簿に記帳済みの入金は、先に会計担当がその記帳を取り消してください。").format(who=who))
        self.worker = worker
        self.payment = self.add(self.tr("取り消す入金"), combo(
            [(f"{p.paid_on}　{p.instalment}　{ab.yen(p.amount)}　{p.method}"
              + (self.tr("　（出納簿に記帳済み）") if p.ledger_entry_id else ""), p.id) for p in payments],
            name=self.tr("取り消す入金")))
        self.reason = self.add(self.tr("取り消す理由"), line_edit(name=self.tr("取り消す理由"),
                                                             placeholder=self.tr("例: 金額の打ちまちがい")))
        self.fit(600, 300)

    def save(self) -> int:
        if self.payment.currentData() is None:
            raise RegisterError(self.tr("取り消せる入金がありません。"))
        return self.worker.call(ab.cancel_payment, self.payment.currentData(), self.reason.text())


# -- the cash book --------------------------------------------------------------------------------------


class EntryDialog(BookDialog):
    """「記帳する」: 収入 / 支出 (with a 科目) or 振替 between two accounts, the day, the amount,
    the 摘要, the receipt's number and the event or subsidy it belongs to."""

    def __init__(self, worker: DbWorker, fy: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("出納簿に記帳"), parent, ok_text=self.tr("記帳する"), intro=self.tr(
            "記帳したものはあとから変えられません。まちがえたときは「取り消す」で取り消してから、正しく入れ直します。"))
        from kyodo_desktop.models import activity as act

        self.worker, self.fy = worker, fy
        self.subjects = worker.call(ab.list_subjects)
        accounts = [(a.name, a.name) for a in worker.call(ab.list_money_accounts)]
        start, end = worker.call(ab.year_range, fy)
        self.kind = self.add(self.tr("収入・支出"), combo([(tr(k), k) for k in schema.LEDGER_KINDS],
                                                       name=self.tr("収入・支出")))
        self.entry_date = self.add(self.tr("日付"), date_edit(self.tr("日付"), min(today, end)))
        self.subject = self.add(self.tr("科目"), combo([], name=self.tr("科目")))
        self.amount = self.add(self.tr("金額（円）"), line_edit(name=self.tr("金額"), placeholder=self.tr("例: 12,000")))
        self.account = self.add(self.tr("口座（出どころ・入れ先）"), combo(accounts, name=self.tr("口座")))
        self.to_account = self.add(self.tr("振替先の口座"), combo(accounts, name=self.tr("振替先の口座")))
        self.memo = self.add(self.tr("摘要"), line_edit(name=self.tr("摘要"),
                                                     placeholder=self.tr("例: 防犯灯の電気代（4〜6月）")))
        self.receipt_no = self.add(self.tr("領収書番号"), line_edit(name=self.tr("領収書番号"),
                                                               placeholder=self.tr("なくても可")))
        events = [(self.tr("（なし）"), None)] + [(f"{e.starts_at[:10]}　{e.title}", e.id)
                                                for e in worker.call(act.list_events, fiscal_year=fy)]
        self.event = self.add(self.tr("関係する行事"), combo(events, name=self.tr("関係する行事")))
        # the 実績報告 of a subsidy sums the entries linked to its case (subsidy_ref = the case's uid)
        from kyodo_desktop.models import subsidies as sb

        cases = [c for year in (fy, fy - 1) for c in worker.call(sb.list_cases, fiscal_year=year, include_cancelled=False)]
        self.subsidy = self.add(self.tr("関係する補助金"), combo([(self.tr("（なし）"), "")] + [
            (self.tr("{title}（{program}・{year}）").format(title=c.title, program=c.program,
                                                          year=fiscal_year_label(c.fiscal_year)), c.uid)
            for c in cases], name=self.tr("関係する補助金")))
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.fit(600, 620)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.subject.clear()
        if kind != "振替":  # notr
            for s in self.subjects:
                if s.kind == kind and s.code != "carry_over":
                    self.subject.addItem(s.name, s.id)
        self.subject.setEnabled(kind != "振替")  # notr
        self.to_account.setEnabled(kind == "振替")  # notr
        if kind == "振替" and self.to_account.currentIndex() == self.account.currentIndex():  # notr
            self.to_account.setCurrentIndex((self.account.currentIndex() + 1) % max(self.account.count(), 1))

    def choose_subject(self, name: str) -> None:
        self.subject.setCurrentIndex(self.subject.findText(name))

    def data(self) -> ab.EntryData:
        kind = self.kind.currentData()
        return ab.EntryData(
            entry_date=self.entry_date.value() or "", kind=kind, amount=self.amount.text(),
            account=self.account.currentData() or "", subject=None if kind == "振替" else self.subject.currentData(),  # notr
            to_account=self.to_account.currentData() if kind == "振替" else None, memo=self.memo.text(),  # notr
            receipt_no=self.receipt_no.text(), event_id=self.event.currentData(),
            subsidy_ref=self.subsidy.currentData() or "")

    def save(self) -> int:
        return self.worker.call(ab.add_entry, self.data())


class ReverseEntryDialog(BookDialog):
    def __init__(self, worker: DbWorker, entry: ab.Entry, parent: QWidget | None = None) -> None:
        what = entry.subject or f"{entry.account}→{entry.to_account}"
        super().__init__(self.tr("記帳の取り消し"), parent, ok_text=self.tr("この記帳を取り消す"), intro=self.tr(
            "出納簿 No.{no}（{date}　{kind}　{what}　{amount}）を取り消します。"
            "元の記帳は消えずに残り、同じ額をマイナスにした「取消」の記帳が加わります。"
            "この記帳で入れた会費の入金は、未記帳に戻ります。").format(
                no=entry.entry_no, date=entry.entry_date, kind=entry.kind, what=what, amount=ab.yen(entry.amount)))
        self.worker, self.entry = worker, entry
        self.reason = self.add(self.tr("取り消す理由"), line_edit(name=self.tr("取り消す理由"),
                                                             placeholder=self.tr("例: 金額の打ちまちがい")))
        self.fit(600, 280)

    def save(self) -> int:
        return self.worker.call(ab.reverse_entry, self.entry.id, self.reason.text())


class PostDuesDialog(BookDialog):
    """「会費を出納簿に記帳」: the dues received up to a day and not yet in the cash book, as one
    会費収入 entry into the account chosen."""

    def __init__(self, worker: DbWorker, unposted: ab.UnpostedDues, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("会費を出納簿に記帳"), parent, ok_text=self.tr("記帳する"), intro=self.tr(
            "受け取った会費のうち、出納簿にまだ入っていない入金が{n}件（{total}）あります"
            "（{first}〜{last}）。一つの「会費収入」として記帳します。").format(
                n=unposted.payments, total=ab.yen(unposted.total), first=unposted.first_paid_on or "",
                last=unposted.last_paid_on or ""))
        self.worker = worker
        self.entry_date = self.add(self.tr("記帳する日"), date_edit(self.tr("記帳する日"), today))
        self.account = self.add(self.tr("入れる口座"), combo([(a.name, a.name) for a in worker.call(ab.list_money_accounts)],
                                                           name=self.tr("入れる口座")))
        self.fit(560, 300)

    def save(self) -> int:
        return self.worker.call(ab.post_dues, self.entry_date.value() or "", self.account.currentData() or "")


# -- the year-end closing --------------------------------------------------------------------------------


class CloseYearDialog(BookDialog):
    """「年度を締める」: the balance counted (現金) or read in the 通帳 for each account, what the
    check finds, and — said plainly — that the year is locked once closed."""

    def __init__(self, worker: DbWorker, year: ab.FiscalYear, parent: QWidget | None = None) -> None:
        nxt = fiscal_year_label(year.fiscal_year + 1)
        super().__init__(self.tr("{year}を締める").format(year=year.label), parent,
                         ok_text=self.tr("{year}を締める").format(year=year.label), intro=self.tr(
            "⚠ 締めると{year}の帳簿には鍵がかかり、会費の入金も出納簿も予算も、もう変えられなくなります。"
            "残高は{next}の「前年度繰越金」として繰り越されます。締めたあとの訂正は、{next}に新しい記帳として入れます。\n"
            "数えた現金と通帳の残高を口座ごとに入れて「確かめる」を押してください。").format(year=year.label, next=nxt))
        self.worker, self.year = worker, year
        check = worker.call(ab.closing_check, year.fiscal_year)
        self.actual: dict[str, QLineEdit] = {}
        for a in check.accounts:
            edit = line_edit(name=self.tr("{account}の実際の残高").format(account=a.account),
                             placeholder=self.tr("帳簿では {amount}").format(amount=amount_text(a.book)))
            self.add(self.tr("{account}（帳簿 {amount}）").format(account=a.account, amount=ab.yen(a.book)), edit)
            self.actual[a.account] = edit
        self.check_button = QPushButton(self.tr("確かめる"))
        self.check_button.setMinimumHeight(40)
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.findings = note()
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings.setAccessibleName(self.tr("確かめた結果"))
        self.body.addWidget(self.findings)
        self.body.addStretch(1)
        self.fit(640, 520)

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.actual.items()}

    def check(self) -> ab.ClosingCheck:
        found = self.worker.call(ab.closing_check, self.year.fiscal_year, self.values())
        if found.ok:
            self.findings.setText(self.tr("✔ 問題はありません。次年度繰越金は {amount} です。").format(
                amount=ab.yen(found.carry_over)))
        else:
            self.findings.setText(self.tr("⚠ 次のことを直してから締めてください:\n")
                                  + "\n".join(self.tr("・{problem}").format(problem=p) for p in found.problems))
        return found

    def save(self) -> ab.FiscalYear:
        return self.worker.call(ab.close_year, self.year.fiscal_year, self.values())


# -- the 設定 tab -----------------------------------------------------------------------------------------


class PlanDialog(BookDialog):
    """The year's dues: how many instalments (期別), each one's name and 納期限, and the amount
    of every dues category per instalment."""

    def __init__(self, worker: DbWorker, fy: int, parent: QWidget | None = None) -> None:
        from kyodo_desktop.models.japanese import fiscal_year_label

        super().__init__(self.tr("{year}の会費の額").format(year=fiscal_year_label(fy)), parent,
                         ok_text=self.tr("会費の額を保存する"), intro=self.tr(
            "期別（年1回なら「年額」、半年ごとなら「上期」「下期」）と納期限、会費の種類ごとの額を決めます。"
            "納めない種類は0円にします。会費を世帯に割り当てたあとは変えられません。"))
        self.worker, self.fy = worker, fy
        plan = worker.call(ab.get_dues_plan, fy)
        self.categories = [c.name for c in worker.call(ab.list_dues_categories)]
        start, _end = worker.call(ab.year_range, fy)
        self.count = self.add(self.tr("期別の数"), QSpinBox())
        self.count.setRange(1, ab.MAX_INSTALMENTS)
        self.count.setSuffix(self.tr("回"))
        self.count.setAccessibleName(self.tr("期別の数"))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.body.addWidget(self.grid_host)
        self.body.addStretch(1)
        self._plan = plan
        self._start = start
        self.labels: list[QLineEdit] = []
        self.dues_on: list[QLineEdit] = []
        self.amounts: dict[str, list[QLineEdit]] = {}
        self.count.setValue(max(len(plan.instalments), 1))
        self.count.valueChanged.connect(lambda _v: self._shape())
        self._shape()
        self.fit(720, 520)

    def _shape(self) -> None:
        old_labels = [e.text() for e in self.labels] or [i.label for i in self._plan.instalments]
        old_due = [e.text() for e in self.dues_on] or [i.due_on for i in self._plan.instalments]
        old_amounts = {n: [e.text() for e in es] for n, es in self.amounts.items()} or {
            n: [amount_text(v) for v in vs] for n, vs in self._plan.amounts.items()}
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        n = self.count.value()
        self.labels, self.dues_on, self.amounts = [], [], {}
        self.grid.addWidget(QLabel(self.tr("<b>期別</b>")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("<b>納期限</b>")), 1, 0)
        for k in range(n):
            default = "年額" if n == 1 else ("上期", "下期")[k] if n == 2 else f"{k + 1}期"  # notr: saved as the 期別's name
            label = line_edit(old_labels[k] if k < len(old_labels) else default,
                              name=self.tr("{n}回目の名前").format(n=k + 1))
            due = line_edit(old_due[k] if k < len(old_due) else self._start.isoformat(),
                            name=self.tr("{n}回目の納期限").format(n=k + 1), placeholder=self.tr("例: 令和8年5月31日"))
            self.grid.addWidget(label, 0, k + 1)
            self.grid.addWidget(due, 1, k + 1)
            self.labels.append(label)
            self.dues_on.append(due)
        for r, name in enumerate(self.categories, start=2):
            self.grid.addWidget(QLabel(self.tr("{name}（円）").format(name=name)), r, 0)
            previous = old_amounts.get(name, [])
            edits = []
            for k in range(n):
                edit = line_edit(previous[k] if k < len(previous) else "0",
                                 name=self.tr("{name}の{n}回目の額").format(name=name, n=k + 1))
                self.grid.addWidget(edit, r, k + 1)
                edits.append(edit)
            self.amounts[name] = edits

    def save(self) -> ab.DuesPlan:
        instalments = [(label.text(), due.text()) for label, due in zip(self.labels, self.dues_on, strict=True)]
        amounts = {name: [e.text() for e in edits] for name, edits in self.amounts.items()}
        return self.worker.call(ab.set_dues_plan, self.fy, instalments, amounts)


def category_dialog(worker: DbWorker, category: ab.DuesCategory | None, parent: QWidget | None = None) -> BookDialog:
    """Add a dues category (matched before the others) or change one."""
    title = tr("会費の種類を追加") if category is None else tr("会費の種類「{name}」を変更").format(name=category.name)
    dlg = BookDialog(title, parent, intro=tr(
        "会員区分・会費区分が当てはまる世帯がこの種類の会費を納めます。上の種類から順に当てはめます"
        "（新しい種類はいちばん上に入ります）。"))
    name = dlg.add(tr("名前"), line_edit(category.name if category else "", name=tr("会費の種類の名前")))
    member = dlg.add(tr("会員区分"), combo([(tr("（問わない）"), "")] + [(tr(m), m) for m in schema.MEMBER_TYPES],
                                         name=tr("会員区分"),
                                         current=(category.match_member_type or "") if category else ""))
    dues = dlg.add(tr("会費区分"), combo([(tr("（問わない）"), "")] + [(tr(d), d) for d in schema.DUES_CATEGORIES],
                                       name=tr("会費区分"),
                                       current=(category.match_dues_category or "") if category else ""))
    notes = dlg.add(tr("備考"), line_edit(category.notes if category else "", name=tr("備考")))
    dlg._save = lambda: worker.call(ab.save_dues_category, name.text(), match_member_type=member.currentData() or None,
                                    match_dues_category=dues.currentData() or None, notes=notes.text(),
                                    category_id=category.id if category else None)
    dlg.fit(520, 320)
    return dlg


def subject_dialog(worker: DbWorker, subject: ab.Subject | None, parent: QWidget | None = None) -> BookDialog:
    """Add a 科目 (placed last of its kind, before 予備費) or rename one."""
    if subject is None:
        dlg = BookDialog(tr("科目を追加"), parent, intro=tr("新しい科目は、収入・支出のそれぞれ最後（予備費の前）に入ります。"))
        kind = dlg.add(tr("収入・支出"), combo([(tr(k), k) for k in schema.SUBJECT_KINDS], name=tr("収入・支出")))
        name = dlg.add(tr("科目の名前"), line_edit(name=tr("科目の名前")))
        dlg._save = lambda: worker.call(ab.add_subject, kind.currentData(), name.text())
    else:
        dlg = BookDialog(tr("科目「{name}」の名前を変える").format(name=subject.name), parent,
                         intro=tr("これまでの記帳と決算書も新しい名前で表示されます。"))
        name = dlg.add(tr("新しい名前"), line_edit(subject.name, name=tr("科目の新しい名前")))
        dlg._save = lambda: worker.call(ab.rename_subject, subject.id, name.text())
    dlg.fit(480, 240)
    return dlg


def account_dialog(worker: DbWorker, parent: QWidget | None = None) -> BookDialog:
    dlg = BookDialog(tr("口座を追加"), parent, intro=tr("町会のお金を置いている所（現金・預金通帳など）を追加します。"))
    name = dlg.add(tr("名前"), line_edit(name=tr("口座の名前"), placeholder=tr("例: 定期預金（北國銀行）")))
    kind = dlg.add(tr("種類"), combo([(tr(k), k) for k in schema.MONEY_ACCOUNT_KINDS], name=tr("種類"),
                                   current="普通預金"))  # notr: the kind's value
    institution = dlg.add(tr("金融機関・支店"), line_edit(name=tr("金融機関・支店")))
    dlg._save = lambda: worker.call(ab.add_money_account, name.text(), kind.currentData(),
                                    institution=institution.text())
    dlg.fit(480, 280)
    return dlg


def opening_dialog(worker: DbWorker, fy: int, account: str, current: int | None,
                   parent: QWidget | None = None) -> BookDialog:
    dlg = BookDialog(tr("「{account}」の年度初めの残高").format(account=account), parent, intro=tr(
        "このプログラムで帳簿をつけ始めた年度だけ入力します。前年度を締めた年度は、繰り越した残高が自動で入ります。"))
    amount = dlg.add(tr("年度初めの残高（円）"), line_edit("" if current is None else amount_text(current),
                                                   name=tr("年度初めの残高")))
    dlg._save = lambda: worker.call(ab.set_opening_balance, fy, account, amount.text())
    dlg.fit(480, 220)
    return dlg


def levy_dialog(worker: DbWorker, fy: int, rate: ab.LevyRate | None, parent: QWidget | None = None) -> BookDialog:
    """Add or change one 校下 levy rate of the year (世帯数 × 単価 is computed from it)."""
    dlg = BookDialog(tr("校下への負担金の単価"), parent, intro=tr(
        "校下（地区）に納める負担金の単価です。「世帯・月」は 世帯数×単価×12か月、「世帯・年」は 世帯数×単価、"
        "「町会・年」は町会ごとの定額です。"))
    name = dlg.add(tr("名前"), line_edit(rate.name if rate else "", name=tr("負担金の名前"),
                                       placeholder=tr("例: 公民館費")))
    value = dlg.add(tr("単価（円）"), line_edit(amount_text(rate.rate) if rate else "", name=tr("単価")))
    basis = dlg.add(tr("単位"), combo([(tr(b), b) for b in schema.LEVY_BASES], name=tr("単位"),
                                    current=rate.basis if rate else None))
    payee = dlg.add(tr("納め先"), line_edit(rate.payee if rate else "", name=tr("納め先")))
    district = dlg.add(tr("校下"), line_edit(rate.district if rate else "", name=tr("校下"),
                                           placeholder=tr("空欄なら町会の校下")))
    if rate is not None:
        name.setReadOnly(True)  # the name identifies the rate; a new name is a new levy
    dlg._save = lambda: worker.call(ab.set_levy_rate, fy, name.text(), value.text(), basis=basis.currentData(),
                                    payee=payee.text(), district=district.text() or None)
    dlg.fit(520, 340)
    return dlg


def open_year_dialog(worker: DbWorker, years: Sequence[tuple[str, int]], parent: QWidget | None = None) -> BookDialog:
    dlg = BookDialog(tr("年度を開く"), parent, ok_text=tr("この年度を開く"), intro=tr(
        "帳簿をつける年度を開きます。前年度の会費の額と校下への負担金の単価が写されます（あとで変えられます）。"))
    year = dlg.add(tr("年度"), combo(years, name=tr("年度")))
    dlg._save = lambda: worker.call(ab.open_year, year.currentData())
    dlg.fit(440, 220)
    return dlg
