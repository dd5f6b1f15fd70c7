"""会計・報告: the association's books for a 年度 — dues (会費), the cash book (金銭出納簿), the budget
and the settlement (予算・決算, with the 校下 levies and the year-end closing), and their settings.

The rules live in :mod:`kyodo_desktop.models.accounts_book` (permissions, 班 scope, closed years,
all-or-nothing writes, audit); this page shows them and offers only what the officer may do: a
button that cannot be used is greyed out and its tooltip says why (the role, a read-only register,
a closed year). A 班長 sees and records only their own 班 — the model limits what it returns, and
the page offers no other 班. A closed year is shown read-only. Other parts of the program (the
yearly report, subsidies) add their tabs with :meth:`BooksPage.add_tab`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export.accounts_docs import money
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import list_blocks
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import books_dialogs as bd
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.bousai_tab import say
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    RowsModel,
    button,
    make_table,
    min_rows,
    note,
    scrolling,
    selected_row,
)
from kyodo_desktop.ui.widgets import dialog_open, heading, open_dialog, refresh_shown
from kyodo_desktop.ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
ERRORS = (RegisterError, ValidationError)
OUTPUT = "output"
ALL_BLOCKS = QT_TRANSLATE_NOOP("", "すべての班")
ALL_ACCOUNTS = QT_TRANSLATE_NOOP("", "すべての口座（合計）")


def _who(x: ab.DuesLine) -> str:
    return x.name or x.address or tr("世帯No.{id}").format(id=x.household_id)


def _instalments_text(x: ab.DuesLine) -> str:
    """Each 期別 in words: 「上期 済 5/10　下期 未納 3,000円」."""
    parts = []
    for i in x.instalments:
        if i.due == 0 and i.paid == 0:
            state = "—"
        elif i.paid >= i.due:
            state = tr("済 {m}/{d}").format(m=int(i.last_paid_on[5:7]), d=int(i.last_paid_on[8:10])) \
                if i.last_paid_on else tr("済")
        elif i.paid:
            state = tr("一部 {paid}円・残 {rest}円").format(paid=f"{i.paid:,}", rest=f"{i.outstanding:,}")
        else:
            state = tr("未納 {due}円").format(due=f"{i.due:,}")
        parts.append(f"{i.label} {state}")
    return "　".join(parts)


def _state_text(e: ab.Entry, numbers: dict[int, int]) -> str:
    if e.reverses_id is not None:
        return tr("取消の記帳（No.{n}）").format(n=numbers.get(e.reverses_id, '?'))
    if e.reversed_by is not None:
        return tr("取消済（No.{n}）").format(n=numbers.get(e.reversed_by, '?'))
    return ""


class _Tab(QWidget):
    """A tab of the page: ``load()`` shows the page's chosen year."""

    def __init__(self, page: BooksPage) -> None:
        super().__init__()
        self.page = page
        self.worker = page.worker

    def load(self) -> None:  # pragma: no cover - every tab has its own
        raise NotImplementedError

    def _gate(self) -> None:  # pragma: no cover - every tab has its own
        raise NotImplementedError

    def buttons_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        return row


# -- 会費 ------------------------------------------------------------------------------------------------


class DuesTab(_Tab):
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "班"),
        QT_TRANSLATE_NOOP("", "世帯"),
        QT_TRANSLATE_NOOP("", "区分"),
        QT_TRANSLATE_NOOP("", "年額"),
        QT_TRANSLATE_NOOP("", "入金済"),
        QT_TRANSLATE_NOOP("", "未納"),
        QT_TRANSLATE_NOOP("", "期別ごと"),
        QT_TRANSLATE_NOOP("", "備考"),
    )

    def __init__(self, page: BooksPage) -> None:
        super().__init__(page)
        self.today = page.today()
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.block = QComboBox()
        self.block.setAccessibleName(self.tr("班"))
        self.block.setMinimumContentsLength(8)
        self.arrears_only = QCheckBox(self.tr("未納のみ（納期限を過ぎた分）"))
        self.arrears_only.setAccessibleName(self.tr("未納のみ"))
        filters.addWidget(QLabel(self.tr("班")))
        filters.addWidget(self.block)
        filters.addWidget(self.arrears_only)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.summary = note()
        layout.addWidget(self.summary)
        self.model = RowsModel(tuple(tr(c) for c in self.COLUMNS), self._cells, self, numeric=(3, 4, 5),
                               warn=lambda x: x.overdue(self.today) > 0,
                               tooltip=lambda x, col: _instalments_text(x) if col == 6 else None)
        self.table = make_table(self.model, (4, 9, 7, 6, 6, 6, 22, 10), stretch=6, name=self.tr("会費の一覧"))
        min_rows(self.table, 6)
        self.table.doubleClicked.connect(lambda _i: self.record_payment())
        layout.addWidget(self.table, 1)
        self.legend = note(self.tr("⚠ の行: 納期限を過ぎて未納の分があります。「（未割当）」: まだ会費を割り当てていない世帯です"
                                   "（今の会費の種類で表示しています）。"))
        layout.addWidget(self.legend)
        self.record_btn = button(self.tr("入金を記録…"), self.record_payment)
        self.bulk_btn = button(self.tr("班でまとめて入金…"), self.record_bulk)
        self.cancel_btn = button(self.tr("入金を取り消す…"), self.cancel_payment)
        self.assess_btn = button(self.tr("会費を割り当てる"), self.assess)
        self.book_btn = button(self.tr("集金簿を印刷…"), lambda: self.page.print_document("collection-book", block=self.block_id()))
        self.receipts_btn = button(self.tr("領収書を印刷…"), self.print_receipts)
        layout.addLayout(self.buttons_row(self.record_btn, self.bulk_btn, self.cancel_btn, self.assess_btn))
        layout.addLayout(self.buttons_row(self.book_btn, self.receipts_btn))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.block.currentIndexChanged.connect(lambda _i: self.load_lines())
        self.arrears_only.toggled.connect(lambda _on: self.load_lines())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._gate())

    def _cells(self, x: ab.DuesLine) -> tuple[Any, ...]:
        overdue = x.overdue(self.today)
        unpaid = f"⚠ {x.outstanding:,}" if overdue > 0 else f"{x.outstanding:,}"
        category = x.category + (self.tr("（未割当）") if not x.assessed else "")
        return (x.block, _who(x), category, f"{x.due:,}", f"{x.paid:,}", unpaid, _instalments_text(x), x.note)

    def block_id(self) -> int | None:
        return self.block.currentData()

    def _fill_blocks(self) -> None:
        keep = self.block.currentData()
        self.block.blockSignals(True)
        try:
            self.block.clear()
            reg = self.worker.register
            if reg is not None and reg.session.block_ids is None:
                self.block.addItem(tr(ALL_BLOCKS), None)
            for b in self.worker.call(list_blocks):
                self.block.addItem(b.name, b.id)
            self.block.setCurrentIndex(max(self.block.findData(keep), 0))
        finally:
            self.block.blockSignals(False)

    def load(self) -> None:
        self.today = self.page.today()
        self._fill_blocks()
        self.load_lines()

    def load_lines(self) -> None:
        fy = self.page.fiscal_year
        say(self.message, "")
        lines: list[ab.DuesLine] = []
        if fy is None:
            self.summary.setText(self.tr("年度がまだ開かれていません。上の「年度を開く」で帳簿をつける年度を開いてください。"))
        else:
            try:
                if self.arrears_only.isChecked():
                    lines = self.worker.call(ab.arrears, fy, as_of=self.today, block_id=self.block_id())
                else:
                    lines = self.worker.call(ab.dues_for_year, fy, block_id=self.block_id())
            except ERRORS as exc:
                self.summary.setText(self.tr("⚠ {exc}\n（「設定」タブの「会費の額を決める」で期別と額を決めてください。）").format(exc=exc))
            else:
                due, paid = sum(x.due for x in lines), sum(x.paid for x in lines)
                late = sum(1 for x in lines if x.overdue(self.today) > 0)
                self.summary.setText(self.tr("{n}世帯　年額 {due}・入金済 {paid}・未納 {unpaid}"
                                             "（納期限を過ぎた未納 {late}世帯、{today}現在）").format(
                    n=len(lines), due=ab.yen(due), paid=ab.yen(paid), unpaid=ab.yen(due - paid), late=late,
                    today=to_wareki(self.today)))
        self.model.set_rows(lines)
        self._gate()

    def selected(self) -> ab.DuesLine | None:
        return selected_row(self.table)

    def select_household(self, household_id: int) -> bool:
        for n, x in enumerate(self.model.rows):
            if x.household_id == household_id:
                self.table.selectRow(n)
                return True
        return False

    def _gate(self) -> None:
        p = self.page
        p.gate(self.record_btn, ab.DUES_WRITE, self.tr("選んだ世帯の会費の入金を記録します（行をダブルクリックしても開きます）"),
               need=None if self.selected() else self.tr("入金を記録する世帯を一覧で選んでください"))
        p.gate(self.bulk_btn, ab.DUES_WRITE, self.tr("班長が集めた一つの班の会費をまとめて記録します"),
               need=None if self.block.count() else self.tr("班がありません"))
        p.gate(self.cancel_btn, ab.DUES_WRITE, self.tr("選んだ世帯の入金を、理由を書いて取り消します"),
               need=None if self.selected() and self.selected().paid else self.tr("入金のある世帯を一覧で選んでください"))
        p.gate(self.assess_btn, ab.DUES_WRITE, self.tr("まだ会費を割り当てていない世帯に、この年度の会費を割り当てます"))
        p.gate(self.book_btn, OUTPUT, self.tr("班長に渡す会費集金簿（班ごと）を印刷します"), open_year=False)
        p.gate(self.receipts_btn, OUTPUT, self.tr("入金の領収書を印刷します（世帯を選ぶとその世帯の分）"), open_year=False)

    def record_payment(self) -> None:
        line = self.selected()
        if line is None or not self.record_btn.isEnabled():
            return
        dlg = bd.PaymentDialog(self.worker, self.page.fiscal_year, line, self.today, self)
        self.page.show_dialog(dlg, lambda: self._done(self.tr("{who}さんの入金を記録しました。").format(who=_who(line)),
                                                      line.household_id))

    def record_bulk(self) -> None:
        if not self.bulk_btn.isEnabled():
            return
        blocks = [(b.name, b.id) for b in self.worker.call(list_blocks)]
        chosen = self.block_id() if self.block_id() is not None else (blocks[0][1] if blocks else None)
        dlg = bd.BulkPaymentDialog(self.worker, self.page.fiscal_year, blocks, chosen, self.today, self)

        def done() -> None:
            r = dlg.result_value
            self._done(self.tr("{block}の{n}世帯の入金（合計 {total}）を記録しました。").format(
                block=dlg.block.currentText(), n=r.households, total=ab.yen(r.total)))

        self.page.show_dialog(dlg, done)

    def cancel_payment(self) -> None:
        line = self.selected()
        if line is None or not self.cancel_btn.isEnabled():
            return
        payments = [p for p in self.worker.call(ab.list_payments, self.page.fiscal_year, household_id=line.household_id)
                    if p.amount > 0 and p.reversed_by is None]
        if not payments:
            say(self.message, self.tr("この世帯には取り消せる入金がありません。"), error=True)
            return
        dlg = bd.CancelPaymentDialog(self.worker, payments, _who(line), self)
        self.page.show_dialog(dlg, lambda: self._done(self.tr("{who}さんの入金を取り消しました（元の記録は残っています）。").format(who=_who(line)),
                                                      line.household_id))

    def assess(self) -> None:
        fy = self.page.fiscal_year
        if fy is None or not self.assess_btn.isEnabled():
            return
        label = fiscal_year_label(fy)
        if not dialogs.confirm(self, self.tr("会費の割り当て"),
                               self.tr("{label}の会費を、まだ割り当てていない世帯に、今の会費の種類で割り当てます。"
                                       "割り当てたあとは、この年度の期別と額は変えられなくなります（世帯ごとの変更はできます）。"
                                       "割り当てますか？").format(label=label),
                               yes=self.tr("割り当てる"), no=self.tr("やめる")):
            return
        try:
            n = self.worker.call(ab.assess_dues, fy)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.page.changed()
        self._done(self.tr("{label}の会費を{n}世帯に割り当てました。").format(label=label, n=n) if n
                   else self.tr("新しく割り当てる世帯はありませんでした。"))

    def print_receipts(self) -> None:
        line = self.selected()
        self.page.print_document("receipts", block=self.block_id(),
                                 household_ids=[line.household_id] if line is not None else None)

    def _done(self, text: str, household_id: int | None = None) -> None:
        self.load_lines()
        if household_id is not None:
            self.select_household(household_id)
        say(self.message, text)


# -- 出納簿 -----------------------------------------------------------------------------------------------


class CashBookTab(_Tab):
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "No."),
        QT_TRANSLATE_NOOP("", "日付"),
        QT_TRANSLATE_NOOP("", "収支"),
        QT_TRANSLATE_NOOP("", "科目"),
        QT_TRANSLATE_NOOP("", "摘要"),
        QT_TRANSLATE_NOOP("", "収入"),
        QT_TRANSLATE_NOOP("", "支出"),
        QT_TRANSLATE_NOOP("", "残高"),
        QT_TRANSLATE_NOOP("", "口座"),
        QT_TRANSLATE_NOOP("", "領収書"),
        QT_TRANSLATE_NOOP("", "取消"),
    )

    def __init__(self, page: BooksPage) -> None:
        super().__init__(page)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("口座"))
        top.addWidget(QLabel(self.tr("口座")))
        top.addWidget(self.account)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        top.addWidget(self.totals, 1)
        layout.addLayout(top)
        self.numbers: dict[int, int] = {}
        self.model = RowsModel(tuple(tr(c) for c in self.COLUMNS), self._cells, self, numeric=(0, 5, 6, 7),
                               muted=lambda r: r.entry.reverses_id is not None or r.entry.reversed_by is not None)
        self.table = make_table(self.model, (3, 8, 3, 7, 14, 6, 6, 7, 9, 5, 9), stretch=4, name=self.tr("金銭出納簿"))
        min_rows(self.table, 6)
        layout.addWidget(self.table, 1)
        self.add_btn = button(self.tr("記帳する…"), self.add_entry)
        self.reverse_btn = button(self.tr("取り消す…"), self.reverse_entry)
        self.post_btn = button(self.tr("会費を出納簿に記帳…"), self.post_dues)
        layout.addLayout(self.buttons_row(self.add_btn, self.reverse_btn, self.post_btn))
        self.unposted = note()
        layout.addWidget(self.unposted)
        balance_row = QHBoxLayout()
        self.balance_day = QLineEdit()
        self.balance_day.setAccessibleName(self.tr("残高を見る日"))
        self.balance_day.setPlaceholderText(self.tr("例: 令和8年9月30日"))
        self.balance_btn = button(self.tr("この日の残高を見る"), self.show_balances)
        balance_row.addWidget(QLabel(self.tr("残高を見る日")))
        balance_row.addWidget(self.balance_day)
        balance_row.addWidget(self.balance_btn)
        balance_row.addStretch(1)
        layout.addLayout(balance_row)
        self.balances = note()
        self.balances.setAccessibleName(self.tr("口座ごとの残高"))
        layout.addWidget(self.balances)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.account.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._gate())

    def _cells(self, r: ab.CashBookRow) -> tuple[Any, ...]:
        e = r.entry
        where = e.account if e.kind != "振替" else f"{e.account}→{e.to_account}"  # notr: 振替 is a stored kind
        return (e.entry_no, e.entry_date, e.kind, e.subject or self.tr("（振替）"), e.memo, money(r.income) if r.income else "",
                money(r.expense) if r.expense else "", money(r.balance), where, e.receipt_no,
                _state_text(e, self.numbers))

    def load(self) -> None:
        keep = self.account.currentData()
        self.account.blockSignals(True)
        try:
            self.account.clear()
            self.account.addItem(tr(ALL_ACCOUNTS), None)
            for a in self.worker.call(ab.list_money_accounts, include_retired=True):
                self.account.addItem(a.name, a.name)
            self.account.setCurrentIndex(max(self.account.findData(keep), 0))
        finally:
            self.account.blockSignals(False)
        year = self.page.year
        if year is not None and not self.balance_day.text().strip():
            self.balance_day.setText(to_wareki(min(max(self.page.today(), year.start), year.end)))
        self.load_rows()

    def load_rows(self) -> None:
        fy = self.page.fiscal_year
        say(self.message, "")
        rows: tuple[ab.CashBookRow, ...] = ()
        if fy is None:
            self.totals.setText(self.tr("年度がまだ開かれていません。"))
            self.unposted.setText("")
        else:
            book = self.worker.call(ab.cash_book, fy, self.account.currentData())
            rows = book.rows
            self.numbers = {r.entry.id: r.entry.entry_no for r in rows}
            self.totals.setText(self.tr("年度初めの残高 {opening}　→　今の残高 {closing}　（{n}件）").format(
                opening=ab.yen(book.opening), closing=ab.yen(book.closing), n=len(rows)))
            year = self.page.year
            assert year is not None
            until = min(self.page.today(), year.end)
            if until >= year.start and not year.closed:
                u = self.worker.call(ab.unposted_dues, until)
                self.unposted.setText(self.tr("出納簿にまだ記帳していない会費: {n}件（{total}）").format(
                    n=u.payments, total=ab.yen(u.total)) if u.payments
                    else self.tr("受け取った会費は、すべて出納簿に記帳してあります。"))
            else:
                self.unposted.setText("")
        self.model.set_rows(rows)
        if rows:
            self.table.scrollToBottom()
        self._gate()

    def selected(self) -> ab.CashBookRow | None:
        return selected_row(self.table)

    def select_entry(self, entry_id: int) -> bool:
        for n, r in enumerate(self.model.rows):
            if r.entry.id == entry_id:
                self.table.selectRow(n)
                return True
        return False

    def _gate(self) -> None:
        p = self.page
        r = self.selected()
        p.gate(self.add_btn, ab.BOOK_WRITE, self.tr("収入・支出・振替を一件記帳します"))
        can_reverse = r is not None and r.entry.reverses_id is None and r.entry.reversed_by is None
        p.gate(self.reverse_btn, ab.BOOK_WRITE, self.tr("選んだ記帳を、理由を書いて取り消します（元の記帳は残ります）"),
               need=None if can_reverse else self.tr("取り消す記帳を一覧で選んでください（取消済み・取消の記帳は選べません）"))
        p.gate(self.post_btn, ab.BOOK_WRITE, self.tr("受け取った会費のうち未記帳の分を、一つの「会費収入」として記帳します"))
        p.gate(self.balance_btn, ab.READ, self.tr("その日の終わりの、口座ごとの残高を表示します"), open_year=False,
               need=None if p.year is not None else self.tr("年度がまだ開かれていません"))

    def add_entry(self) -> None:
        if not self.add_btn.isEnabled():
            return
        dlg = bd.EntryDialog(self.worker, self.page.fiscal_year, self.page.today(), self)
        self.page.show_dialog(dlg, lambda: self._done(self.tr("記帳しました。"), dlg.result_value))

    def reverse_entry(self) -> None:
        r = self.selected()
        if r is None or not self.reverse_btn.isEnabled():
            return
        dlg = bd.ReverseEntryDialog(self.worker, r.entry, self)
        self.page.show_dialog(dlg, lambda: self._done(self.tr("No.{n} を取り消しました（元の記帳は残っています）。").format(n=r.entry.entry_no),
                                                      dlg.result_value))

    def post_dues(self) -> None:
        year = self.page.year
        if year is None or not self.post_btn.isEnabled():
            return
        until = min(self.page.today(), year.end)
        u = self.worker.call(ab.unposted_dues, until)
        if not u.payments:
            say(self.message, self.tr("出納簿に記帳していない会費の入金はありません。"), error=True)
            return
        dlg = bd.PostDuesDialog(self.worker, u, until, self)
        self.page.show_dialog(dlg, lambda: self._done(self.tr("会費 {n}件（{total}）を記帳しました。").format(n=u.payments, total=ab.yen(u.total)),
                                                      dlg.result_value))

    def show_balances(self) -> None:
        text = self.balance_day.text().strip()
        try:
            found = self.worker.call(ab.balances, text)
        except ERRORS as exc:
            self.balances.setText(f"⚠ {exc}")
            return
        parts = self.tr("・").join(f"{name} {ab.yen(v)}" for name, v in found.by_account.items())
        self.balances.setText(self.tr("{day}の終わりの残高: {parts}　合計 {total}").format(
            day=to_wareki(found.on), parts=parts, total=ab.yen(found.total)))

    def _done(self, text: str, entry_id: int | None) -> None:
        self.load_rows()
        if entry_id is not None:
            self.select_entry(entry_id)
        say(self.message, text)


# -- 予算・決算 -------------------------------------------------------------------------------------------


class BudgetModel(QAbstractTableModel):
    """The 決算書's lines with the 予算額 editable: typed text is kept until 「予算を保存」, which
    hands all of it to the model in one transaction (a bad amount refuses the lot)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("", "収支"),
        QT_TRANSLATE_NOOP("", "科目"),
        QT_TRANSLATE_NOOP("", "予算額"),
        QT_TRANSLATE_NOOP("", "決算額"),
        QT_TRANSLATE_NOOP("", "差額（決算−予算）"),
        QT_TRANSLATE_NOOP("", "変更"),
    )
    BUDGET = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, ab.StatementLine]] = []
        self.edits: dict[int, str] = {}
        self.editable = False

    def set_statement(self, statement: ab.Statement | None, editable: bool) -> None:
        self.beginResetModel()
        self.lines = [] if statement is None else (
            [(self.tr("収入"), x) for x in statement.income] + [(self.tr("支出"), x) for x in statement.expense])
        self.edits = {}
        self.editable = editable
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cell_text(self, row: int, col: int) -> str:
        kind, x = self.lines[row]
        edited = self.edits.get(x.subject_id)
        return (kind, x.subject, edited if edited is not None else money(x.budget), money(x.actual),
                money(x.difference), self.tr("＊未保存") if edited is not None else "")[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.BUDGET and self.editable:
            return self.tr("ダブルクリックか F2 で予算額を入力します（「予算を保存」で保存）")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == self.BUDGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.editable or index.column() != self.BUDGET \
                or not 0 <= index.row() < len(self.lines):
            return False
        x = self.lines[index.row()][1]
        text = str(value).strip()
        if text == money(x.budget) or text == str(x.budget):
            self.edits.pop(x.subject_id, None)
        else:
            self.edits[x.subject_id] = text
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        return True

    def set_budget_text(self, subject: str, text: str) -> None:
        """Type ``text`` as the 予算額 of ``subject`` (as the officer would in the cell)."""
        row = next(n for n, (_k, x) in enumerate(self.lines) if x.subject == subject)
        self.setData(self.index(row, self.BUDGET), text)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None


class BudgetTab(_Tab):
    LEVY_COLUMNS = (
        QT_TRANSLATE_NOOP("", "負担金"),
        QT_TRANSLATE_NOOP("", "納め先"),
        QT_TRANSLATE_NOOP("", "単位"),
        QT_TRANSLATE_NOOP("", "単価"),
        QT_TRANSLATE_NOOP("", "世帯数"),
        QT_TRANSLATE_NOOP("", "か月"),
        QT_TRANSLATE_NOOP("", "金額"),
    )

    def __init__(self, page: BooksPage) -> None:
        super().__init__(page)
        layout = QVBoxLayout(self)
        self.totals = note()
        self.totals.setAccessibleName(self.tr("収支の合計"))
        layout.addWidget(self.totals)
        self.model = BudgetModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("予算と決算"))
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        em = self.table.fontMetrics().horizontalAdvance("あ")  # notr: a width measure
        for col, width in enumerate((3, 10, 7, 7, 9, 5)):
            self.table.setColumnWidth(col, int(width * em + 18))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        min_rows(self.table, 6)
        layout.addWidget(self.table, 2)
        self.save_btn = button(self.tr("予算を保存"), self.save_budget)
        self.undo_btn = button(self.tr("入力を戻す"), self.load)
        self.budget_pdf_btn = button(self.tr("予算書を印刷…"), lambda: self.page.print_document("budget"))
        self.settlement_pdf_btn = button(self.tr("決算書・監査報告を印刷…"), lambda: self.page.print_document("settlement"))
        self.settlement_xlsx_btn = button(self.tr("決算書をExcelで保存…"), self.save_settlement_xlsx)
        self.close_btn = button(self.tr("年度を締める…"), self.close_year)
        layout.addLayout(self.buttons_row(self.save_btn, self.undo_btn, self.close_btn))
        layout.addLayout(self.buttons_row(self.budget_pdf_btn, self.settlement_pdf_btn, self.settlement_xlsx_btn))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        levies = QGroupBox(self.tr("校下への負担金（世帯数 × 単価）"))
        lv = QVBoxLayout(levies)
        self.levy_note = note()
        lv.addWidget(self.levy_note)
        self.levy_model = RowsModel(tuple(tr(c) for c in self.LEVY_COLUMNS), lambda x: (
            x.name, x.payee, x.basis, f"{x.rate:,}", f"{x.households:,}" if x.households else "—", x.months,
            f"{x.amount:,}"), self, numeric=(3, 4, 5, 6))
        self.levy_table = make_table(self.levy_model, (8, 10, 5, 5, 5, 3, 7), stretch=1, name=self.tr("校下への負担金"))
        min_rows(self.levy_table, 3)
        lv.addWidget(self.levy_table)
        layout.addWidget(levies, 1)

    def load(self) -> None:
        fy = self.page.fiscal_year
        say(self.message, "")
        statement = None
        if fy is None:
            self.totals.setText(self.tr("年度がまだ開かれていません。"))
            self.levy_note.setText("")
            self.levy_model.set_rows([])
        else:
            statement = self.worker.call(ab.settlement, fy)
            state = self.tr("締め済み") if statement.closed else self.tr("締め前の見込み")
            self.totals.setText(
                self.tr("{label}（{state}）　収入: 予算 {income_budget}・決算 {income_total}"
                        "　支出: 予算 {expense_budget}・決算 {expense_total}"
                        "　次年度繰越金 {carry_out}").format(
                    label=statement.label, state=state, income_budget=ab.yen(statement.income_budget),
                    income_total=ab.yen(statement.income_total), expense_budget=ab.yen(statement.expense_budget),
                    expense_total=ab.yen(statement.expense_total), carry_out=ab.yen(statement.carry_out)))
            found = self.worker.call(ab.levy, fy)
            self.levy_model.set_rows(found.lines)
            self.levy_note.setText(
                self.tr("{district}　基準日 {as_of} の会員 {n}世帯　合計 {total}").format(
                    district=found.district or self.tr("校下未登録"), as_of=to_wareki(found.as_of),
                    n=f"{found.households:,}", total=ab.yen(found.total)) if found.lines else
                self.tr("この年度の単価がまだありません（「設定」タブの「校下への負担金の単価」で入れます）。"))
        self.model.set_statement(statement, editable=not self.page.why_not(ab.BOOK_WRITE))
        self._gate()

    def _gate(self) -> None:
        p = self.page
        p.gate(self.save_btn, ab.BOOK_WRITE, self.tr("入力した予算額をまとめて保存します（一つでもまちがいがあると何も保存しません）"))
        p.gate(self.undo_btn, ab.BOOK_WRITE, self.tr("保存していない予算額の入力を取り消します"))
        p.gate(self.close_btn, ab.BOOK_WRITE, self.tr("残高を確かめて年度を締め、次年度へ繰り越します（締めると変更できません）"))
        not_open = None if p.year else self.tr("年度がまだ開かれていません")
        p.gate(self.budget_pdf_btn, OUTPUT, self.tr("収支予算書をPDFで印刷・保存します"), open_year=False,
               need=not_open)
        p.gate(self.settlement_pdf_btn, OUTPUT, self.tr("収支決算書と会計監査報告書をPDFで印刷・保存します"), open_year=False,
               need=not_open)
        p.gate(self.settlement_xlsx_btn, OUTPUT, self.tr("収支決算書と会計監査報告書をExcelのファイルに保存します"),
               open_year=False, need=not_open)

    def save_budget(self) -> bool:
        fy = self.page.fiscal_year
        if fy is None or not self.save_btn.isEnabled():
            return False
        if not self.model.edits:
            say(self.message, self.tr("変えた予算額はありません。"))
            return False
        try:
            self.worker.call(ab.set_budget, fy, dict(self.model.edits))
        except ERRORS as exc:
            say(self.message, self.tr("{exc}（どの予算額も保存していません）").format(exc=exc), error=True)
            return False
        self.page.changed()
        n = len(self.model.edits)
        self.load()
        say(self.message, self.tr("予算額を{n}科目保存しました。").format(n=n))
        return True

    def save_settlement_xlsx(self, target: Path | None = None) -> Path | None:
        fy = self.page.fiscal_year
        if fy is None:
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("決算書の保存先"),
                                                    self.tr("{year} 収支決算書.xlsx").format(year=fiscal_year_label(fy)),
                                                    "Excel (*.xlsx)")
            if not chosen:
                return None
            target = Path(chosen)
        from kyodo_desktop.export.accounts_docs import write_settlement_xlsx

        try:
            saved = self.worker.call(write_settlement_xlsx, target, fiscal_year=fy)
        except (*ERRORS, OSError) as exc:
            say(self.message, str(exc), error=True)
            return None
        say(self.message, self.tr("保存しました: {path}").format(path=saved))
        return Path(saved)

    def close_year(self) -> None:
        year = self.page.year
        if year is None or not self.close_btn.isEnabled():
            return
        dlg = bd.CloseYearDialog(self.worker, year, self)

        def done() -> None:
            self.page.refresh(keep=year.fiscal_year)
            say(self.message, self.tr("{year}を締めました。これからは見るだけです（{next}に繰り越しました）。").format(
                year=year.label, next=dlg.result_value.label))

        self.page.show_dialog(dlg, done)


# -- 設定 ------------------------------------------------------------------------------------------------


class SettingsTab(_Tab):
    def __init__(self, page: BooksPage) -> None:
        super().__init__(page)
        body = QWidget()
        grid = QGridLayout(body)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.categories = RowsModel((self.tr("会費の種類"), self.tr("当てはまる世帯"), self.tr("備考")),
                                    lambda c: (c.name, c.rule or "—", c.notes), self)
        self.categories_table = make_table(self.categories, (7, 10, 8), stretch=2, name=self.tr("会費の種類"))
        self.add_category_btn = button(self.tr("追加…"), lambda: self.edit_category(None))
        self.edit_category_btn = button(self.tr("変更…"), lambda: self.edit_category(selected_row(self.categories_table)))
        self.retire_category_btn = button(self.tr("使わなくする"), self.retire_category)
        grid.addWidget(self._group(self.tr("会費の種類（上から順に当てはめます）"), self.categories_table, self.add_category_btn,
                                   self.edit_category_btn, self.retire_category_btn), 0, 0)

        self.plan = RowsModel((self.tr("会費の種類"), self.tr("期別ごとの額"), self.tr("年額")), lambda r: r, self, numeric=(2,))
        self.plan_table = make_table(self.plan, (7, 14, 6), stretch=1, name=self.tr("この年度の会費の額"))
        self.plan_note = note()
        # room for two lines (上期・下期 with their dates wrap): a grid does not grow a wrapped label's row
        self.plan_note.setMinimumHeight(self.plan_note.fontMetrics().lineSpacing() * 2 + 4)
        self.plan_btn = button(self.tr("会費の額を決める…"), self.edit_plan)
        grid.addWidget(self._group(self.tr("この年度の会費の額"), self.plan_table, self.plan_btn, extra=self.plan_note), 0, 1)

        self.subjects = RowsModel((self.tr("収支"), self.tr("科目"), self.tr("状態")), lambda s: (
            s.kind, s.name, self.tr("使っていない") if s.retired_on else (self.tr("自動") if s.code == "carry_over" else "")),
            self,
            muted=lambda s: bool(s.retired_on))
        self.subjects_table = make_table(self.subjects, (3, 10, 6), stretch=1, name=self.tr("科目"))
        self.add_subject_btn = button(self.tr("追加…"), lambda: self.edit_subject(None))
        self.rename_subject_btn = button(self.tr("名前を変える…"), lambda: self.edit_subject(selected_row(self.subjects_table)))
        self.retire_subject_btn = button(self.tr("使わなくする"), self.retire_subject)
        grid.addWidget(self._group(self.tr("科目"), self.subjects_table, self.add_subject_btn, self.rename_subject_btn,
                                   self.retire_subject_btn), 1, 0)

        self.accounts = RowsModel((self.tr("口座"), self.tr("種類"), self.tr("金融機関・支店"), self.tr("年度初めの残高")), lambda r: r, self, numeric=(3,))
        self.accounts_table = make_table(self.accounts, (8, 5, 9, 7), stretch=2, name=self.tr("口座"))
        self.add_account_btn = button(self.tr("口座を追加…"), self.add_account)
        self.opening_btn = button(self.tr("年度初めの残高…"), self.edit_opening)
        grid.addWidget(self._group(self.tr("口座（現金・預金）"), self.accounts_table, self.add_account_btn, self.opening_btn), 1, 1)

        self.levies = RowsModel((self.tr("負担金"), self.tr("納め先"), self.tr("単位"), self.tr("単価"), self.tr("校下")), lambda r: (
            r.name, r.payee, r.basis, f"{r.rate:,}", r.district), self, numeric=(3,))
        self.levies_table = make_table(self.levies, (8, 10, 5, 5, 7), stretch=1, name=self.tr("校下への負担金の単価"))
        self.add_levy_btn = button(self.tr("追加…"), lambda: self.edit_levy(None))
        self.edit_levy_btn = button(self.tr("変更…"), lambda: self.edit_levy(selected_row(self.levies_table)))
        self.delete_levy_btn = button(self.tr("消す"), self.delete_levy)
        grid.addWidget(self._group(self.tr("校下への負担金の単価（この年度）"), self.levies_table, self.add_levy_btn,
                                   self.edit_levy_btn, self.delete_levy_btn), 2, 0, 1, 2)
        for t in (self.categories_table, self.plan_table, self.subjects_table, self.accounts_table, self.levies_table):
            min_rows(t, 4)
            t.selectionModel().selectionChanged.connect(lambda *_a: self._gate())
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scrolling(body), 1)

    def _group(self, title: str, table: QTableView, *buttons: QPushButton, extra: QWidget | None = None) -> QGroupBox:
        box = QGroupBox(title)
        v = QVBoxLayout(box)
        if extra is not None:
            v.addWidget(extra)
        v.addWidget(table, 1)
        v.addLayout(self.buttons_row(*buttons))
        return box

    def load(self) -> None:
        say(self.message, "")
        fy = self.page.fiscal_year
        self.categories.set_rows(self.worker.call(ab.list_dues_categories))
        self.subjects.set_rows(self.worker.call(ab.list_subjects, include_retired=True))
        openings = self.worker.call(ab.opening_balances, fy) if fy is not None else {}
        self.accounts.set_rows([(a.name, a.kind, a.institution, f"{openings[a.name]:,}" if a.name in openings else "")
                                for a in self.worker.call(ab.list_money_accounts)])
        if fy is None:
            self.plan.set_rows([])
            self.plan_note.setText(self.tr("年度がまだ開かれていません。"))
            self.levies.set_rows([])
        else:
            plan = self.worker.call(ab.get_dues_plan, fy)
            self.plan_note.setText(self.tr("期別と納期限: ") + self.tr("・").join(
                self.tr("{label}（{day}まで）").format(label=i.label, day=to_wareki(date.fromisoformat(i.due_on)))
                for i in plan.instalments)
                if plan.instalments else self.tr("まだ決まっていません。「会費の額を決める」で決めてください。"))
            self.plan.set_rows([(name, self.tr("・").join(self.tr("{label} {amount}円").format(label=i.label, amount=f"{v:,}")
                                                         for i, v in zip(plan.instalments, values, strict=True)),
                                 f"{sum(values):,}") for name, values in plan.amounts.items()])
            try:
                self.levies.set_rows(self.worker.call(ab.list_levy_rates, fy))
            except ERRORS as exc:
                self.levies.set_rows([])
                say(self.message, str(exc), error=True)
        self._gate()

    def _gate(self) -> None:
        p, w = self.page, ab.BOOK_WRITE
        pick = self.tr("一覧で選んでください")
        p.gate(self.add_category_btn, w, self.tr("会費の種類を追加します"), open_year=False)
        p.gate(self.edit_category_btn, w, self.tr("選んだ会費の種類を変えます"), open_year=False,
               need=None if selected_row(self.categories_table) else pick)
        p.gate(self.retire_category_btn, w, self.tr("選んだ会費の種類を、これからの年度で使わなくします"), open_year=False,
               need=None if selected_row(self.categories_table) else pick)
        p.gate(self.plan_btn, w, self.tr("この年度の期別・納期限と、会費の種類ごとの額を決めます"))
        p.gate(self.add_subject_btn, w, self.tr("科目を追加します"), open_year=False)
        s = selected_row(self.subjects_table)
        p.gate(self.rename_subject_btn, w, self.tr("選んだ科目の名前を変えます"), open_year=False, need=None if s else pick)
        p.gate(self.retire_subject_btn, w, self.tr("選んだ科目を、これからの記帳で使わなくします"), open_year=False,
               need=None if s and not s.retired_on else pick)
        p.gate(self.add_account_btn, w, self.tr("口座を追加します"), open_year=False)
        p.gate(self.opening_btn, w, self.tr("選んだ口座の、この年度の初めの残高を入れます（帳簿をつけ始めた年度だけ）"),
               need=None if selected_row(self.accounts_table) else pick)
        p.gate(self.add_levy_btn, w, self.tr("この年度の校下への負担金の単価を追加します"))
        p.gate(self.edit_levy_btn, w, self.tr("選んだ単価を変えます"), need=None if selected_row(self.levies_table) else pick)
        p.gate(self.delete_levy_btn, w, self.tr("まちがえて入れた単価を消します"), need=None if selected_row(self.levies_table) else pick)

    def _after(self, text: str) -> None:
        self.load()
        say(self.message, text)

    def edit_category(self, category: ab.DuesCategory | None) -> None:
        dlg = bd.category_dialog(self.worker, category, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("会費の種類を保存しました。")))

    def retire_category(self) -> None:
        c = selected_row(self.categories_table)
        if c is None or not dialogs.confirm(self, self.tr("会費の種類"),
                                            self.tr("会費の種類「{name}」を使わなくします。これからの年度の会費の額には"
                                                    "出てこなくなります（これまでの年度の記録は変わりません）。よろしいですか？"
                                                    ).format(name=c.name),
                                            yes=self.tr("使わなくする"), no=self.tr("やめる")):
            return
        self._call(ab.retire_dues_category, c.id, done=self.tr("会費の種類「{name}」を使わなくしました。").format(name=c.name))

    def edit_plan(self) -> None:
        fy = self.page.fiscal_year
        if fy is None:
            return
        dlg = bd.PlanDialog(self.worker, fy, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("会費の額を保存しました。")))

    def edit_subject(self, subject: ab.Subject | None) -> None:
        dlg = bd.subject_dialog(self.worker, subject, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("科目を保存しました。")))

    def retire_subject(self) -> None:
        s = selected_row(self.subjects_table)
        if s is None or not dialogs.confirm(self, self.tr("科目"),
                                            self.tr("{kind}の科目「{name}」を使わなくします。これからの記帳では選べなくなります"
                                                    "（これまでの記帳と決算書には残ります）。よろしいですか？"
                                                    ).format(kind=s.kind, name=s.name),
                                            yes=self.tr("使わなくする"), no=self.tr("やめる")):
            return
        self._call(ab.retire_subject, s.id, done=self.tr("科目「{name}」を使わなくしました。").format(name=s.name))

    def add_account(self) -> None:
        dlg = bd.account_dialog(self.worker, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("口座を追加しました。")))

    def edit_opening(self) -> None:
        fy, row = self.page.fiscal_year, selected_row(self.accounts_table)
        if fy is None or row is None:
            return
        current = int(row[3].replace(",", "")) if row[3] else None
        dlg = bd.opening_dialog(self.worker, fy, row[0], current, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("「{name}」の年度初めの残高を保存しました。").format(name=row[0])))

    def edit_levy(self, rate: ab.LevyRate | None) -> None:
        fy = self.page.fiscal_year
        if fy is None:
            return
        dlg = bd.levy_dialog(self.worker, fy, rate, self)
        self.page.show_dialog(dlg, lambda: self._after(self.tr("校下への負担金の単価を保存しました。")))

    def delete_levy(self) -> None:
        r = selected_row(self.levies_table)
        if r is None or not dialogs.confirm(self, self.tr("単価を消す"),
                                            self.tr("「{name}」（{basis} {rate}）の単価を消します。よろしいですか？").format(
                                                name=r.name, basis=r.basis, rate=ab.yen(r.rate)),
                                            yes=self.tr("消す"), no=self.tr("やめる")):
            return
        self._call(ab.delete_levy_rate, r.id, done=self.tr("「{name}」の単価を消しました。").format(name=r.name))

    def _call(self, fn: Any, *args: Any, done: str) -> None:
        try:
            self.worker.call(fn, *args)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            return
        self.page.changed()
        self._after(done)


# -- the page --------------------------------------------------------------------------------------------


class BooksPage(QWidget):
    """会計・報告: a 年度 chosen at the top, and the tabs 会費 / 出納簿 / 予算・決算 / 設定."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        self.dialog: QDialog | None = None
        self.years: list[ab.FiscalYear] = []
        self._stale: set[QWidget] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("会計・報告")))
        top = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("年度"))
        self.year_combo.setMinimumContentsLength(14)
        caption = QLabel(self.tr("年度"))
        caption.setBuddy(self.year_combo)
        self.open_year_btn = button(self.tr("年度を開く…"), self.open_year)
        self.year_state = QLabel()
        self.year_state.setWordWrap(True)
        top.addWidget(caption)
        top.addWidget(self.year_combo)
        top.addWidget(self.open_year_btn)
        top.addWidget(self.year_state, 1)
        layout.addLayout(top)
        self.read_only_note = note()
        self.read_only_note.setAccessibleName(self.tr("見るだけの理由"))
        layout.addWidget(self.read_only_note)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("会計・報告の切り替え"))
        self.dues = DuesTab(self)
        self.book = CashBookTab(self)
        self.budget = BudgetTab(self)
        self.settings = SettingsTab(self)
        for tab, title in ((self.dues, self.tr("会費")), (self.book, self.tr("出納簿")), (self.budget, self.tr("予算・決算")),
                           (self.settings, self.tr("設定"))):
            self.tabs.addTab(tab, title)
        layout.addWidget(self.tabs, 1)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.tabs.currentChanged.connect(lambda _i: self._load_current())

    # -- tabs and years ---------------------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab made elsewhere (年次報告, 補助金); its ``refresh()`` (if any) is called when it
        is shown or the 年度 changes, and its ``set_fiscal_year(fy)`` (if any) is given the 年度."""
        index = self.tabs.addTab(widget, title)
        self._stale.add(widget)
        return index

    @property
    def fiscal_year(self) -> int | None:
        return self.year_combo.currentData()

    @property
    def year(self) -> ab.FiscalYear | None:
        return next((y for y in self.years if y.fiscal_year == self.fiscal_year), None)

    def today(self) -> date:
        return self.worker.call(lambda reg: reg.today())

    def refresh(self, keep: int | None = None) -> None:
        """Reload the years and the tab being shown (after a login or a change elsewhere)."""
        keep = keep if keep is not None else self.fiscal_year
        self.years = self.worker.call(ab.list_years)
        this = self.worker.call(lambda reg: ab.year_of(reg, reg.today()))
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for y in reversed(self.years):
                self.year_combo.addItem(self.tr("{label}（{state}）").format(label=y.label, state=y.state_label), y.fiscal_year)
            if keep is None or self.year_combo.findData(keep) < 0:
                open_years = [y.fiscal_year for y in self.years if not y.closed]
                keep = this if this in open_years else (max(open_years) if open_years else keep)
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(keep), 0))
        finally:
            self.year_combo.blockSignals(False)
        self._year_changed()

    def _year_changed(self) -> None:
        year = self.year
        if year is None:
            self.year_state.setText(self.tr("まだ帳簿をつける年度がありません。「年度を開く」で始めてください。"))
        elif year.closed:
            self.year_state.setText(self.tr("🔒 締め済み（{at} {by}）・見るだけ。次年度繰越金 {carry_over}").format(
                at=(year.closed_at or "")[:10], by=year.closed_by or "", carry_over=ab.yen(year.carry_over or 0)))
        else:
            self.year_state.setText(self.tr("記帳中（{start}〜{end}）").format(start=to_wareki(year.start), end=to_wareki(year.end)))
        self.gate(self.open_year_btn, ab.BOOK_WRITE, self.tr("帳簿をつける年度（今年度・来年度）を開きます"), open_year=False)
        reasons = [r for r in (self.why_not(ab.DUES_WRITE), self.why_not(ab.BOOK_WRITE)) if r]
        self.read_only_note.setText(self.tr("見るだけ: {reason}").format(reason=reasons[0])
                                    if len(reasons) == 2 and year is not None else "")
        self.read_only_note.setVisible(bool(self.read_only_note.text()))
        self._stale = {self.tabs.widget(i) for i in range(self.tabs.count())}
        for tab in (self.dues, self.book, self.budget, self.settings):
            tab._gate()  # a tab not shown yet still says what may be done in this year
        self._load_current()

    def changed(self) -> None:
        """Something was written: the other tabs show it when they are next shown."""
        current = self.tabs.currentWidget()
        self._stale = {self.tabs.widget(i) for i in range(self.tabs.count())} - {current}

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab is None or tab not in self._stale:
            return
        self._stale.discard(tab)
        if isinstance(tab, _Tab):
            tab.load()
            return
        set_year = getattr(tab, "set_fiscal_year", None)
        if set_year is not None:
            set_year(self.fiscal_year)
        refresh_shown(tab)

    def open_year(self) -> None:
        if not self.open_year_btn.isEnabled():
            return
        this = self.worker.call(lambda reg: ab.year_of(reg, reg.today()))
        have = {y.fiscal_year for y in self.years}
        choices = [(fiscal_year_label(fy) + (self.tr("（今年度）") if fy == this else self.tr("（来年度）") if fy > this
                                             else self.tr("（前年度）")), fy)
                   for fy in (this, this + 1, this - 1) if fy not in have]
        if not choices:
            say_text = self.tr("今年度・来年度・前年度の帳簿はもう開いてあります。")
            self.year_state.setText(say_text)
            return
        dlg = bd.open_year_dialog(self.worker, choices, self)
        self.show_dialog(dlg, lambda: self.refresh(keep=dlg.result_value.fiscal_year))

    # -- permissions -------------------------------------------------------------------------------------

    def why_not(self, permission: str, *, open_year: bool = True) -> str:
        """Why the officer may not do what needs ``permission`` (and an open year), or ""."""
        reg = self.worker.register
        if reg is None:
            return QCoreApplication.translate("BooksPage", "台帳が開かれていません。")
        if getattr(reg, "read_only", False) and permission not in (ab.READ, OUTPUT):
            return QCoreApplication.translate("BooksPage", "台帳を読み取り専用で開いているため、変更できません。")
        if not reg.session.can(permission):
            return QCoreApplication.translate("BooksPage", "「{name}」さん（{role}）には「{permission}」権限がありません。").format(
                name=reg.session.display_name, role=reg.session.role,
                permission=schema.PERMISSIONS.get(permission, permission))
        if open_year:
            year = self.year
            if year is None:
                return QCoreApplication.translate("BooksPage", "先に「年度を開く」で年度を開いてください。")
            if year.closed:
                return QCoreApplication.translate(
                    "BooksPage", "{year}は締め済みのため、見るだけです"
                    "（訂正は、記帳中の年度に新しい記帳として入れます）。").format(year=year.label)
        return ""

    def gate(self, b: QPushButton, permission: str, tip: str, *, open_year: bool = True,
             need: str | None = None) -> None:
        """Enable ``b`` when the officer may use it; otherwise grey it out with the reason as its tooltip."""
        reason = self.why_not(permission, open_year=open_year) or (need or "")
        b.setEnabled(not reason)
        b.setToolTip(QCoreApplication.translate("BooksPage", "使えません: {reason}").format(reason=reason) if reason else tip)
        b.setAccessibleDescription(b.toolTip())

    # -- dialogs and printing ----------------------------------------------------------------------------

    def show_dialog(self, dlg: QDialog, on_accept: Any) -> None:
        """Show ``dlg`` window-modal without blocking (tests fill it and press its buttons);
        ``on_accept`` runs after it saved."""
        if dialog_open(self):
            return

        def closed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.changed()
                on_accept()

        open_dialog(self, dlg, closed)

    def print_document(self, kind: str, *, block: int | None = None, household_ids: list[int] | None = None) -> None:
        """The print preview with a book document of the chosen year (集金簿 / 予算書 / 決算書 / 領収書)."""
        from kyodo_desktop.ui.print_preview import PrintPreview

        if self.fiscal_year is None:
            return
        preview = PrintPreview(self.worker, self, kind=kind, fiscal_year=self.fiscal_year, block_id=block,
                               household_ids=household_ids)
        self.show_dialog(preview, lambda: None)
