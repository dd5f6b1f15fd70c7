"""会計・報告: the books page, its dialogs and its permissions, on a real register.

The register is a small town of our own (two 班, households of every dues category, the demo
officers' accounts) with no books yet, so every test starts its books from nothing; the layout
check uses the demo register with whatever books the demo keeps. The clock is the fixtures'
(2026-11-28): 令和8年度 (2026-04-01〜2027-03-31) is the year in use. Every dialog is filled through
its widgets and saved with its own button; what it wrote is read back through the model.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ADMIN, PASSWORD
from openpyxl import load_workbook

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, add_demo_accounts
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.ui import books_dialogs as bd
from kyodo_desktop.ui.books_page import BooksPage
from kyodo_desktop.ui.worker import DbWorker

VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
HANCHO = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "班長")
FY = 2026
PLAN = [("上期", "2026-05-31"), ("下期", "2026-10-31")]
AMOUNTS = {"正会員": [3000, 3000], "賛助会員": [1500, 1500], "事業所": [6000, 6000], "減免": [1500, 1500], "免除": [0, 0]}


TOWN = {
    "1班": [("青木", "正会員", "一般"), ("井上", "正会員", "減免"), ("上田", "賛助会員", "一般"), ("江藤", "正会員", "一般"),
            ("小野", "正会員", "事業所"), ("加藤", "正会員", "一般")],
    "2班": [("木村", "正会員", "一般"), ("工藤", "正会員", "一般"), ("佐野", "正会員", "免除"), ("清水", "正会員", "一般")],
}


@pytest.fixture
def path(register):
    """Our town's register file (overrides tests/ui/conftest.py's demo), closed: ``login`` opens it."""
    for block, families in TOWN.items():
        bid = hh.add_block(register, block)
        for family, member_type, dues_category in families:
            hh.save_household(register, hh.HouseholdData(
                block_id=bid, member_type=member_type, dues_category=dues_category, status="加入",
                status_since="2020-04-01", persons=[hh.PersonData(family_name=family, given_name="一", relation="世帯主")]))
    hh.save_household(register, hh.HouseholdData(  # not a member: owes nothing
        block_id=bid, status="非加入", status_since="2020-04-01", persons=[hh.PersonData(family_name="須藤", given_name="一")]))
    add_demo_accounts(register)
    p = register.path
    register.close()
    return p


def _page(qtbot, worker, size=(1280, 800)) -> BooksPage:
    p = BooksPage(worker)
    qtbot.addWidget(p)
    p.resize(*size)
    p.show()
    p.refresh()
    return p


@pytest.fixture
def page(qtbot, worker):
    return _page(qtbot, worker)


def _set_up_year(worker, *, assess=True):
    worker.call(ab.open_year, FY)
    worker.call(ab.set_dues_plan, FY, PLAN, AMOUNTS)
    worker.call(ab.set_opening_balance, FY, "現金", 20000)
    worker.call(ab.set_opening_balance, FY, "普通預金", 300000)
    if assess:
        worker.call(ab.assess_dues, FY)


def _counts(worker) -> tuple[int, ...]:
    return worker.call(lambda reg: tuple(reg.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "ledger_entries", "dues_payments", "dues_assessments", "budgets", "account_openings", "audit_log")))


def _block(worker, name="1班") -> int:
    return next(b.id for b in worker.call(hh.list_blocks) if b.name == name)


def _owing(page) -> ab.DuesLine:
    return next(x for x in page.dues.model.rows if x.outstanding > 0 and x.due > 0)


def _write_buttons(page) -> list:
    d, b, g, s = page.dues, page.book, page.budget, page.settings
    return [page.open_year_btn, d.record_btn, d.bulk_btn, d.cancel_btn, d.assess_btn, b.add_btn, b.reverse_btn,
            b.post_btn, g.save_btn, g.undo_btn, g.close_btn, s.add_category_btn, s.plan_btn, s.add_subject_btn,
            s.add_account_btn, s.add_levy_btn]


# -- years ----------------------------------------------------------------------------------------------


def test_a_year_is_opened_through_its_dialog_and_shown(qtbot, page, worker, messages):
    assert page.fiscal_year is None and "年度を開く" in page.year_state.text()
    assert not page.dues.record_btn.isEnabled() and "年度を開いて" in page.dues.record_btn.toolTip()
    page.open_year_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.BookDialog) and dlg.isVisible()
    years = dlg.fields["年度"]
    assert years.itemData(0) == FY and years.itemText(0) == "令和8年度（今年度）"
    dlg.ok_button.click()
    assert page.dialog is None
    assert [y.fiscal_year for y in worker.call(ab.list_years)] == [FY]
    assert page.fiscal_year == FY and page.year_combo.currentText() == "令和8年度（記帳中）"
    assert "記帳中" in page.year_state.text()
    # no plan yet: the dues tab says what to do instead of an empty list
    assert page.dues.model.rowCount() == 0 and "会費の額" in page.dues.summary.text()


def test_the_plan_is_set_in_the_settings_tab_and_dues_are_assigned(qtbot, page, worker, messages):
    worker.call(ab.open_year, FY)
    page.refresh()
    page.tabs.setCurrentWidget(page.settings)
    page.settings.plan_btn.click()
    dlg = page.dialog
    dlg.count.setValue(2)
    for k, (label, due) in enumerate(PLAN):
        dlg.labels[k].setText(label)
        dlg.dues_on[k].setText(due)
    for name, values in AMOUNTS.items():
        for edit, value in zip(dlg.amounts[name], values, strict=True):
            edit.setText(f"{value:,}")
    dlg.ok_button.click()
    assert page.dialog is None
    plan = worker.call(ab.get_dues_plan, FY)
    assert [i.label for i in plan.instalments] == ["上期", "下期"] and plan.annual("正会員") == 6000
    assert page.settings.plan.rowCount() == len(AMOUNTS)

    page.tabs.setCurrentWidget(page.dues)
    expected = worker.call(ab.dues_for_year, FY)
    assert page.dues.model.rowCount() == len(expected) > 0
    assert all(not x.assessed for x in page.dues.model.rows)
    assert "（未割当）" in page.dues.model.data(page.dues.model.index(0, 2))
    page.dues.assess_btn.click()
    assert all(x.assessed for x in page.dues.model.rows)
    assert "世帯に割り当てました" in page.dues.message.text()
    # assigned: the plan can no longer change, and the dialog says so in the model's words
    page.tabs.setCurrentWidget(page.settings)
    page.settings.plan_btn.click()
    page.dialog.ok_button.click()
    assert "すでに世帯に割り当てられている" in page.dialog.error.text()
    page.dialog.reject()


# -- dues -----------------------------------------------------------------------------------------------


def test_a_payment_is_recorded_through_the_dialog(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    line = _owing(page)
    assert page.dues.select_household(line.household_id)
    assert page.dues.record_btn.isEnabled()
    page.dues.record_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.PaymentDialog)
    assert dlg.amount.text() == f"{line.outstanding:,}"
    dlg.amount.setText("1,000")
    dlg.paid_on.setValue("2026-06-02")
    dlg.received_by.setText("班長 田中")
    dlg.receipt_no.setText("R-12")
    dlg.ok_button.click()
    assert page.dialog is None
    paid = worker.call(ab.list_payments, FY, household_id=line.household_id)
    assert [(p.amount, p.paid_on, p.received_by, p.receipt_no, p.instalment) for p in paid] == [
        (1000, "2026-06-02", "班長 田中", "R-12", "上期")]
    shown = next(x for x in page.dues.model.rows if x.household_id == line.household_id)
    assert shown.paid == 1000 and page.dues.selected().household_id == line.household_id
    assert "入金を記録しました" in page.dues.message.text()

    # and cancelled with a reason: a reversing row, the original kept
    page.dues.cancel_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.CancelPaymentDialog) and dlg.payment.count() == 1
    dlg.ok_button.click()  # no reason: refused, nothing written
    assert "取り消す理由" in dlg.error.text() and page.dialog is dlg
    dlg.reason.setText("金額の打ちまちがい")
    dlg.ok_button.click()
    paid = worker.call(ab.list_payments, FY, household_id=line.household_id)
    assert [p.amount for p in paid] == [1000, -1000] and paid[1].note == "金額の打ちまちがい"
    assert next(x for x in page.dues.model.rows if x.household_id == line.household_id).paid == 0


def test_a_refused_payment_shows_the_models_message_and_changes_nothing(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    line = _owing(page)
    page.dues.select_household(line.household_id)
    before = _counts(worker)
    page.dues.record_btn.click()
    dlg = page.dialog
    for amount, words in ((f"{line.outstanding + 1:,}", "未納額"), ("0", "0円は記録できません"),
                          ("三千円", "金額は円の整数で入力してください")):
        dlg.amount.setText(amount)
        dlg.ok_button.click()
        assert page.dialog is dlg and dlg.isVisible()
        assert words in dlg.error.text() and dlg.error.text().startswith("⚠")
        assert _counts(worker) == before
    dlg.amount.setText("1000")
    dlg.paid_on.setValue("2026-12-24")  # after today
    dlg.ok_button.click()
    assert "今日より後" in dlg.error.text() and _counts(worker) == before
    dlg.cancel_button.click()
    assert page.dialog is None and _counts(worker) == before


def test_a_block_pays_in_bulk_through_the_dialog(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    block = _block(worker)
    page.dues.block.setCurrentIndex(page.dues.block.findData(block))
    owing = [x for x in page.dues.model.rows if x.outstanding > 0]
    assert len(owing) >= 3 and all(x.block_id == block for x in page.dues.model.rows)
    page.dues.bulk_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.BulkPaymentDialog) and dlg.block.currentData() == block
    assert set(dlg.rows) == {x.household_id for x in owing}
    first, second, *rest = owing
    for x in rest:
        dlg.rows[x.household_id][0].setChecked(False)
    dlg.rows[second.household_id][1].setText("500")
    dlg.paid_on.setValue("2026-07-01")
    dlg.ok_button.click()
    assert page.dialog is None
    paid = {x.household_id: x.paid for x in worker.call(ab.dues_for_year, FY, block_id=block)}
    assert paid[first.household_id] == first.outstanding and paid[second.household_id] == 500
    assert all(paid[x.household_id] == 0 for x in rest)
    assert f"合計 {ab.yen(first.outstanding + 500)}" in page.dues.message.text()


def test_a_bulk_payment_with_one_bad_line_records_nothing(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    block = _block(worker)
    page.dues.block.setCurrentIndex(page.dues.block.findData(block))
    before = _counts(worker)
    page.dues.bulk_btn.click()
    dlg = page.dialog
    x = next(iter(dlg.rows))
    dlg.rows[x][1].setText("999,999")
    dlg.ok_button.click()
    assert page.dialog is dlg and "どの入金も記録していません" in dlg.error.text()
    assert _counts(worker) == before
    dlg.reject()


def test_the_arrears_filter_shows_only_households_late_with_their_dues(qtbot, page, worker):
    _set_up_year(worker)
    everyone = worker.call(ab.dues_for_year, FY)
    payer = next(x for x in everyone if x.due > 0)
    worker.call(ab.record_payment, ab.PaymentData(payer.household_id, FY, payer.outstanding, "2026-05-10"))
    page.refresh()
    assert page.dues.model.rowCount() == len(everyone)
    page.dues.arrears_only.setChecked(True)
    shown = {x.household_id for x in page.dues.model.rows}
    late = {x.household_id for x in worker.call(ab.arrears, FY)}
    assert shown == late and payer.household_id not in shown and 0 < len(shown) < len(everyone)
    # no colour alone: the late amount carries a ⚠ in words
    assert all(page.dues.model.data(page.dues.model.index(n, 5)).startswith("⚠") for n in range(len(shown)))
    page.dues.arrears_only.setChecked(False)
    assert page.dues.model.rowCount() == len(everyone)


# -- the cash book --------------------------------------------------------------------------------------


def _add_entry(page, *, kind="支出", subject="事務費", amount="3,300", day="2026-06-15", memo="コピー用紙"):
    page.book.add_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.EntryDialog)
    dlg.kind.setCurrentIndex(dlg.kind.findData(kind))
    if subject:
        dlg.choose_subject(subject)
    dlg.amount.setText(amount)
    dlg.entry_date.setValue(day)
    dlg.memo.setText(memo)
    dlg.ok_button.click()
    return dlg


def test_an_entry_is_added_and_reversed(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    page.tabs.setCurrentWidget(page.book)
    assert page.book.totals.text().startswith("年度初めの残高 320,000円")
    dlg = _add_entry(page)
    assert page.dialog is None
    entries = worker.call(ab.list_entries, FY)
    assert [(e.kind, e.subject, e.amount, e.memo, e.entry_date) for e in entries] == [
        ("支出", "事務費", 3300, "コピー用紙", "2026-06-15")]
    assert page.book.selected().entry.id == entries[0].id == dlg.result_value
    assert page.book.model.data(page.book.model.index(0, 7)) == "316,700"

    page.book.reverse_btn.click()
    rev = page.dialog
    assert isinstance(rev, bd.ReverseEntryDialog)
    rev.reason.setText("二重に記帳")
    rev.ok_button.click()
    entries = worker.call(ab.list_entries, FY)
    assert [e.amount for e in entries] == [3300, -3300] and entries[0].reversed_by == entries[1].id
    assert page.book.model.rowCount() == 2
    states = [page.book.model.data(page.book.model.index(n, 10)) for n in range(2)]
    assert states == ["取消済（No.2）", "取消の記帳（No.1）"]
    assert page.book.model.data(page.book.model.index(1, 7)) == "320,000"
    page.book.table.selectRow(0)
    assert not page.book.reverse_btn.isEnabled() and "取消済み" in page.book.reverse_btn.toolTip()


def test_an_entry_that_would_take_cash_below_zero_is_refused(qtbot, page, worker):
    _set_up_year(worker)
    page.refresh()
    page.tabs.setCurrentWidget(page.book)
    before = _counts(worker)
    dlg = _add_entry(page, amount="25,000")
    assert page.dialog is dlg and "マイナス" in dlg.error.text() and "現金" in dlg.error.text()
    assert _counts(worker) == before
    dlg.kind.setCurrentIndex(dlg.kind.findData("振替"))
    assert not dlg.subject.isEnabled() and dlg.to_account.isEnabled()
    dlg.account.setCurrentIndex(dlg.account.findData("普通預金"))
    dlg.to_account.setCurrentIndex(dlg.to_account.findData("現金"))
    dlg.amount.setText("50000")
    dlg.ok_button.click()
    assert page.dialog is None
    assert [(e.kind, e.account, e.to_account) for e in worker.call(ab.list_entries, FY)] == [("振替", "普通預金", "現金")]


def test_dues_collected_are_posted_and_balances_shown_at_a_date(qtbot, page, worker):
    _set_up_year(worker)
    x = next(x for x in worker.call(ab.dues_for_year, FY) if x.due > 0)
    worker.call(ab.record_payment, ab.PaymentData(x.household_id, FY, 3000, "2026-05-10"))
    page.refresh()
    page.tabs.setCurrentWidget(page.book)
    assert "1件（3,000円）" in page.book.unposted.text()
    page.book.post_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.PostDuesDialog)
    dlg.entry_date.setValue("2026-05-31")
    dlg.ok_button.click()
    e = worker.call(ab.list_entries, FY)[0]
    assert (e.subject, e.amount, e.entry_date, e.account) == ("会費収入", 3000, "2026-05-31", "現金")
    assert "すべて出納簿に記帳してあります" in page.book.unposted.text()
    page.book.balance_day.setText("令和8年5月30日")
    page.book.balance_btn.click()
    assert "現金 20,000円" in page.book.balances.text() and "合計 320,000円" in page.book.balances.text()
    page.book.balance_day.setText("R8.6.1")
    page.book.balance_btn.click()
    assert "現金 23,000円" in page.book.balances.text()
    page.book.balance_day.setText("あした")
    page.book.balance_btn.click()
    assert page.book.balances.text().startswith("⚠") and "日付" in page.book.balances.text()


# -- budget, settlement, closing ------------------------------------------------------------------------


def test_the_budget_is_edited_and_saved_all_or_nothing(qtbot, qtmodeltester, page, worker):
    _set_up_year(worker)
    page.refresh()
    page.tabs.setCurrentWidget(page.budget)
    model = page.budget.model
    qtmodeltester.check(model)
    assert model.editable and model.rowCount() > 10
    subjects = {s.name: s.id for s in worker.call(ab.list_subjects)}
    model.set_budget_text("会費収入", "180,000")
    model.set_budget_text("事務費", "いちまん")
    assert model.cell_text(next(n for n, (_k, x) in enumerate(model.lines) if x.subject == "事務費"), 5) == "＊未保存"
    before = _counts(worker)
    assert not page.budget.save_budget()
    assert "事務費の予算額" in page.budget.message.text() and "どの予算額も保存していません" in page.budget.message.text()
    assert _counts(worker) == before and worker.call(ab.get_budget, FY) == {}
    model.set_budget_text("事務費", "12,000")
    page.budget.save_btn.click()
    assert worker.call(ab.get_budget, FY) == {subjects["会費収入"]: 180000, subjects["事務費"]: 12000}
    assert model.edits == {} and "2科目" in page.budget.message.text()
    assert "予算 180,000円" in page.budget.totals.text()


def test_the_settlement_is_saved_as_excel_and_read_back(qtbot, page, worker, tmp_path):
    _set_up_year(worker)
    worker.call(ab.add_entry, ab.EntryData("2026-06-15", "支出", 3300, "現金", "事務費", memo="コピー用紙"))
    page.refresh()
    page.tabs.setCurrentWidget(page.budget)
    saved = page.budget.save_settlement_xlsx(tmp_path / "決算書.xlsx")
    assert saved is not None and saved.exists()
    ws = load_workbook(saved)["収支決算書"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "事務費" in values and 3300 in values and any("令和8年度　収支決算書" in str(v) for v in values)
    missing = page.budget.save_settlement_xlsx(tmp_path / "ない" / "決算書.xlsx")
    assert missing is None and page.budget.message.text().startswith("⚠")


def test_the_year_is_closed_through_its_dialog_and_then_read_only(qtbot, page, worker):
    _set_up_year(worker)
    x = next(x for x in worker.call(ab.dues_for_year, FY) if x.due > 0)
    worker.call(ab.record_payment, ab.PaymentData(x.household_id, FY, 3000, "2026-05-10"))
    page.refresh()
    page.tabs.setCurrentWidget(page.budget)
    page.budget.close_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, bd.CloseYearDialog) and "鍵がかかり" in dlg.intro.text()
    assert set(dlg.actual) >= {"現金", "普通預金"}
    dlg.actual["現金"].setText("20,000")
    dlg.actual["普通預金"].setText("300000")
    dlg.check_button.click()
    assert "記帳していない入金が1件" in dlg.findings.text()
    dlg.ok_button.click()  # refused: the dues are not in the cash book
    assert page.dialog is dlg and "締められません" in dlg.error.text()
    assert not worker.call(ab.get_year, FY).closed
    dlg.reject()

    worker.call(ab.post_dues, "2026-05-31")
    page.budget.close_btn.click()
    dlg = page.dialog
    dlg.actual["現金"].setText("23,000")
    dlg.actual["普通預金"].setText("300,000")
    dlg.check_button.click()
    assert "問題はありません" in dlg.findings.text() and "323,000円" in dlg.findings.text()
    dlg.ok_button.click()
    assert page.dialog is None
    assert worker.call(ab.get_year, FY).closed and worker.call(ab.opening_balances, FY + 1) == {
        "現金": 23000, "普通預金": 300000}
    # still showing 令和8年度, now read-only: every write button greyed out, saying why
    assert page.fiscal_year == FY and "締め済み" in page.year_state.text()
    assert "締めました" in page.budget.message.text()
    assert page.read_only_note.isHidden() is False
    for b in (page.budget.save_btn, page.budget.close_btn):
        assert not b.isEnabled() and "締め済み" in b.toolTip()
    assert not page.budget.model.editable
    page.tabs.setCurrentWidget(page.dues)
    page.tabs.setCurrentWidget(page.book)
    for b in (page.dues.assess_btn, page.dues.bulk_btn, page.book.add_btn, page.book.post_btn):
        assert not b.isEnabled() and "締め済み" in b.toolTip()
    assert page.budget.settlement_pdf_btn.isEnabled()  # the closed year's statements still print
    # the next year is open for the corrections
    page.year_combo.setCurrentIndex(page.year_combo.findData(FY + 1))
    assert page.book.add_btn.isEnabled() and "繰越" not in page.book.add_btn.toolTip()


# -- who may do what ------------------------------------------------------------------------------------


def test_a_viewer_gets_no_write_buttons(qtbot, login, worker):
    _set_up_year(worker)
    worker.close_register()
    viewer = login(VIEWER)
    page = _page(qtbot, viewer)
    assert page.dues.model.rowCount() > 0  # sees everything
    assert page.read_only_note.isVisible() and "権限がありません" in page.read_only_note.text()
    for tab in (page.dues, page.book, page.budget, page.settings):
        page.tabs.setCurrentWidget(tab)
    for b in _write_buttons(page) + [page.dues.book_btn, page.budget.settlement_pdf_btn]:
        assert not b.isEnabled(), b.text()
        assert b.toolTip().startswith("使えません") and "権限がありません" in b.toolTip(), b.text()
    assert not page.budget.model.editable


def test_a_hancho_sees_and_records_only_their_own_block(qtbot, login, worker):
    _set_up_year(worker)
    worker.close_register()
    hancho = login(HANCHO)
    mine = hancho.register.session.block_ids
    assert mine and len(mine) == 1
    page = _page(qtbot, hancho)
    assert page.dues.block.count() == 1 and page.dues.block.currentData() in mine
    assert page.dues.model.rowCount() > 0 and {x.block_id for x in page.dues.model.rows} == set(mine)
    page.dues.bulk_btn.click()
    dlg = page.dialog
    assert dlg.block.count() == 1 and dlg.block.currentData() in mine
    dlg.reject()
    line = _owing(page)
    page.dues.select_household(line.household_id)
    page.dues.record_btn.click()
    page.dialog.amount.setText("3000")
    page.dialog.ok_button.click()
    assert page.dialog is None
    assert [p.amount for p in hancho.call(ab.list_payments, FY, household_id=line.household_id)] == [3000]
    # the books are the 会計's: greyed out, saying why
    page.tabs.setCurrentWidget(page.book)
    assert not page.book.add_btn.isEnabled() and "権限がありません" in page.book.add_btn.toolTip()
    assert not page.open_year_btn.isEnabled()


def test_a_register_opened_read_only_offers_no_changes(qtbot, path, clock, login):
    admin = login()
    _set_up_year(admin)
    admin.close_register()
    w = DbWorker()
    try:
        w.open(lambda: Register.open(path, Credentials(ADMIN, PASSWORD), read_only=True, clock=clock,
                                     backup_on_open=False))
        page = _page(qtbot, w)
        assert page.dues.model.rowCount() > 0
        for b in _write_buttons(page):
            assert not b.isEnabled() and "読み取り専用" in b.toolTip(), b.text()
        assert page.dues.book_btn.isEnabled()  # printing does not change the register
    finally:
        w.shutdown()


def test_other_modules_add_their_tabs(qtbot, page, worker):
    _set_up_year(worker)

    from PySide6.QtWidgets import QWidget

    class ReportTab(QWidget):
        def __init__(self):
            super().__init__()
            self.years, self.refreshed = [], 0

        def set_fiscal_year(self, fy):
            self.years.append(fy)

        def refresh(self):
            self.refreshed += 1

    tab = ReportTab()
    index = page.add_tab(tab, "年次報告")
    assert page.tabs.tabText(index) == "年次報告" and tab.refreshed == 0
    page.refresh()
    page.tabs.setCurrentWidget(tab)
    assert tab.years == [FY] and tab.refreshed == 1
    page.tabs.setCurrentWidget(page.dues)
    page.tabs.setCurrentWidget(tab)
    assert tab.refreshed == 1  # loaded once per change of 年度, not on every visit


# -- screenshots (KYODO_BOOKS_SHOTS=1 writes /tmp/books-*.png to look at) -------------------------------


def test_every_tab_lays_out_at_1280_by_800(qtbot, demo_register, clock, tmp_path):
    demo_register.close()
    worker = DbWorker()
    worker.open(lambda: Register.open(demo_register.path, Credentials(ADMIN, PASSWORD), clock=clock,
                                      backup_dir=tmp_path / "backups"))
    try:
        if not worker.call(ab.list_years):  # a demo without books: give it some
            _set_up_year(worker)
            for x in worker.call(ab.dues_for_year, FY)[:8]:
                if x.due:
                    worker.call(ab.record_payment, ab.PaymentData(x.household_id, FY, x.due, "2026-05-10"))
            worker.call(ab.add_entry, ab.EntryData("2026-06-15", "支出", 3300, "現金", "事務費", memo="コピー用紙"))
        page = _page(qtbot, worker)
        assert page.fiscal_year == FY and page.dues.model.rowCount() > 0
        _look_at_every_tab(qtbot, page, tmp_path)
    finally:
        worker.shutdown()


def _look_at_every_tab(qtbot, page, tmp_path):
    out = Path("/tmp") if os.environ.get("KYODO_BOOKS_SHOTS") else tmp_path
    for name, tab in (("dues", page.dues), ("book", page.book), ("budget", page.budget), ("settings", page.settings)):
        page.tabs.setCurrentWidget(tab)
        qtbot.wait(10)
        image = page.grab()
        assert (image.width(), image.height()) == (1280, 800)
        assert image.save(str(out / f"books-{name}.png"))
        for b in tab.findChildren(type(page.open_year_btn)):
            if b.isVisible():
                assert b.width() >= b.sizeHint().width() - 2, f"{name}: 「{b.text()}」 is squeezed"


def test_the_collection_book_is_previewed_for_the_block_shown(qtbot, page, worker):
    from pypdf import PdfReader

    from kyodo_desktop.ui.print_preview import PrintPreview

    _set_up_year(worker)
    page.refresh()
    block = _block(worker, "2班")
    page.dues.block.setCurrentIndex(page.dues.block.findData(block))
    page.dues.book_btn.click()
    preview = page.dialog
    assert isinstance(preview, PrintPreview) and preview.kind.currentData() == "collection-book"
    assert preview.block.currentData() == block and preview.book_year.currentData() == FY
    assert preview.pdf is not None, preview.status.text()
    text = "".join(p.extract_text() for p in PdfReader(preview.pdf).pages)
    assert "会費集金簿" in text.replace(" ", "") and "木村" in text and "青木" not in text
    preview.kind.setCurrentIndex(preview.kind.findData("budget"))
    assert preview.pdf is not None and "収支予算書" in PdfReader(preview.pdf).pages[0].extract_text().replace(" ", "")
    preview.reject()
    assert page.dialog is None


def test_receipts_are_previewed_for_the_household_chosen(qtbot, page, worker):
    from pypdf import PdfReader

    _set_up_year(worker)
    lines = [x for x in worker.call(ab.dues_for_year, FY) if x.due > 0]
    for x in lines[:2]:
        worker.call(ab.record_payment, ab.PaymentData(x.household_id, FY, 3000, "2026-05-10", receipt_no=f"R-{x.household_id}"))
    page.refresh()
    page.dues.select_household(lines[0].household_id)
    page.dues.receipts_btn.click()
    preview = page.dialog
    assert preview.kind.currentData() == "receipts" and preview.pdf is not None, preview.status.text()
    text = "".join(p.extract_text() for p in PdfReader(preview.pdf).pages)
    family = lines[0].name.split("　")[0]
    assert family in text and lines[1].name.split("　")[0] not in text
    preview.reject()
