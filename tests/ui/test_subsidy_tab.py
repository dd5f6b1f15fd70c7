"""補助金 tab of the 会計・報告 page: a case made through its dialog (with the live grant), taken
through its steps, its checklist ticked, an event linked, the 入金 recorded into the cash book,
the 実績報告書 written and read back, deadlines told in words, a refused input that changes
nothing, and what a 閲覧 officer may not do — on a real register, through the widgets.

The clock is the fixtures' (2026-11-28): 令和8年度 is the year in use, and its books are open.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st_h
from pypdf import PdfReader

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import subsidies as sb
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, add_demo_accounts
from kyodo_desktop.ui import subsidy_tab as st
from kyodo_desktop.ui.books_page import BooksPage

VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
FY = 2026
GOMI = "ごみステーション器材補助"
SNOW = "地域除排雪活動費補助"
FIRE = "木造建築物密集地域 消火器購入費補助"
TITLE = "第3ステーション 金属ボックス"


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, 10, 0)


@pytest.fixture
def clock():  # overrides conftest's: this one can move on (for a closed year)
    return Clock(date(2026, 11, 28))


@pytest.fixture
def path(register):
    """A small town (one 班, five member households), two events of the 年度, the books of
    令和8年度 open, the demo officers' accounts; closed: ``login`` opens it."""
    bid = hh.add_block(register, "1班")
    for family in ("青木", "井上", "上田", "江藤", "小野"):
        hh.save_household(register, hh.HouseholdData(
            block_id=bid, status="加入", status_since="2020-04-01",
            persons=[hh.PersonData(family_name=family, given_name="一", relation="世帯主")]))
    for title, day in (("ごみステーション清掃", "2026-07-05"), ("夏祭り", "2026-08-15")):
        act.save_event(register, act.EventData(title, day, category="交流", place="町会館", status="実施"))
    ab.open_year(register, FY)
    ab.set_opening_balance(register, FY, "普通預金", 300000)
    add_demo_accounts(register)
    p = register.path
    register.close()
    return p


def _tab(qtbot, worker, size=(1280, 900)) -> st.SubsidyTab:
    tab = st.SubsidyTab(worker)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    tab.set_fiscal_year(FY)
    tab.refresh()
    return tab


@pytest.fixture
def tab(qtbot, worker):
    return _tab(qtbot, worker)


def _counts(worker) -> tuple[int, ...]:
    return worker.call(lambda reg: tuple(reg.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "subsidy_cases", "subsidy_steps", "subsidy_attachments", "subsidy_events", "ledger_entries", "audit_log")))


def _pick(tab, title) -> None:
    st.select_where(tab.table, lambda r: r.case.title == title)
    assert tab.detail is not None and tab.detail.case.title == title


def _new_gomi(tab, cost="213,400") -> st.NewCaseDialog:
    tab.new_btn.click()
    dlg = tab.dialog
    assert isinstance(dlg, st.NewCaseDialog) and dlg.isVisible()
    dlg.program.setCurrentIndex(dlg.program.findText(GOMI))
    dlg.title.setText(TITLE)
    dlg.cost.setText(cost)
    return dlg


def _advance(tab, step, day, *, granted=None, number="", note_text="") -> None:
    tab.advance_btn.click()
    dlg = tab.dialog
    assert isinstance(dlg, st.AdvanceDialog)
    if dlg.step.currentData() != step:
        dlg.step.setCurrentIndex(dlg.step.findData(step))
    dlg.on.setValue(day)
    if granted is not None:
        dlg.granted.setText(granted)
        dlg.decision_no.setText(number)
    if note_text:
        dlg.note_edit.setText(note_text)
    assert dlg.submit(), dlg.error.text()
    assert tab.dialog is None


def test_a_case_goes_from_the_dialog_to_the_receipt_and_the_report(qtbot, tab, worker, tmp_path, messages):
    dlg = _new_gomi(tab)
    assert "3/4、上限 150,000円、1,000円未満切り捨て" in dlg.rule.text()
    assert "上限 150,000円" in dlg.grant.text() and dlg.grant.text().endswith("切り捨て 150,000円")
    assert dlg.units.isHidden()  # no per-unit cap for this program
    dlg.cost.setText("101,333")  # the estimate follows what is typed
    assert dlg.grant.text() == "対象経費 101,333円 × 3/4 = 75,999円 → 1,000円未満切り捨て 75,000円"
    dlg.cost.setText("213,400")
    dlg.ok_button.click()
    assert tab.dialog is None
    [row] = tab.model.rows
    assert (row.case.title, row.case.planned_cost, row.case.status_label) == (TITLE, 213400, sb.NOT_STARTED)
    texts = [tab.model.index(0, c).data() for c in range(len(tab.COLUMNS))]
    assert texts[0] == GOMI and texts[4] == "213,400" and texts[5] == "150,000（見込み）"
    _pick(tab, TITLE)
    assert "上限 150,000円" in tab.grant_text.text()
    gomi = worker.call(sb.get_program, GOMI)
    assert list(tab.check_boxes) == list(gomi.attachments)

    # the steps, the next one offered first; 交付決定 takes the amount and the number
    tab.advance_btn.click()
    first = tab.dialog
    assert first.step.currentData() == gomi.steps[0] and not first.granted.isEnabled()
    first.cancel_button.click()
    for step in gomi.steps[:gomi.steps.index("交付決定")]:
        _advance(tab, step, "2026-05-10")
    _advance(tab, "交付決定", "令和8年6月1日", granted="150,000", number="金環第123号")
    case = worker.call(sb.get_case, tab.detail.case.id)
    assert (case.status, case.granted, case.decision_no) == ("交付決定", 150000, "金環第123号")
    assert tab.model.index(0, 5).data() == "150,000（交付決定）"
    assert [s.step for s in tab.steps_model.rows] == list(gomi.steps[:gomi.steps.index("交付決定") + 1])
    _advance(tab, "完了", "2026-07-05")

    # the checklist, ticked through its boxes
    item = gomi.attachments[0]
    tab.check_boxes[item].setChecked(True)
    assert next(a for a in worker.call(sb.attachments, case.id) if a.item == item).done_on == "2026-11-28"
    assert tab.check_boxes[item].isChecked() and "2026" not in tab.check_boxes[item].text()  # wareki, not ISO
    assert "令和8年11月28日" in tab.check_boxes[item].text()

    # an event of the year, linked and unlinked
    assert tab.event_combo.count() == 2
    tab.event_combo.setCurrentIndex(tab.event_combo.findText("ごみステーション清掃", flags=qt_contains()))
    tab.link_btn.click()
    events = {e.title: e.id for e in worker.call(act.list_events, fiscal_year=FY)}
    assert worker.call(sb.linked_events, case.id) == [events["ごみステーション清掃"]]
    assert tab.linked.count() == 1 and "ごみステーション清掃" in tab.linked.item(0).text()
    tab.event_combo.setCurrentIndex(tab.event_combo.findText("夏祭り", flags=qt_contains()))
    tab.link_btn.click()
    tab.linked.setCurrentRow(next(n for n in range(tab.linked.count()) if "夏祭り" in tab.linked.item(n).text()))
    tab.unlink_btn.click()
    assert worker.call(sb.linked_events, case.id) == [events["ごみステーション清掃"]]

    _advance(tab, "実績報告", "2026-07-20")
    # the 入金: the amount offered is what was granted; a cash-book line names the case
    tab.receipt_btn.click()
    rdlg = tab.dialog
    assert isinstance(rdlg, st.ReceiptDialog) and rdlg.amount.text() == "150,000"
    assert rdlg.account.currentText() == "普通預金" and rdlg.hint.text() == ""
    rdlg.on.setValue("2026-08-20")
    rdlg.ok_button.click()
    assert tab.dialog is None
    [entry] = [e for e in worker.call(ab.list_entries, FY) if e.subsidy_ref == case.uid]
    assert (entry.kind, entry.amount, entry.entry_date, entry.account) == ("収入", 150000, "2026-08-20", "普通預金")
    assert worker.call(sb.get_case, case.id).received == 150000
    assert tab.model.rows[0].case.status_label == "入金" and case.uid in tab.message.text()
    assert not tab.cancel_btn.isEnabled() and "入金" in tab.cancel_btn.toolTip()

    # the 実績報告書, read back
    saved = tab.make_report(tmp_path / "実績報告書.pdf")
    assert saved is not None and saved.exists()
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "補助事業実績報告書" in text and TITLE in text and "ごみステーション清掃" in text
    assert "150,000" in text and "保存しました" in tab.message.text()
    missing = tab.make_report(tmp_path / "ない" / "実績報告書.pdf")
    assert missing is None and tab.message.text().startswith("⚠")


def qt_contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_a_negative_cost_shows_the_models_message_and_changes_nothing(qtbot, tab, worker):
    before = _counts(worker)
    dlg = _new_gomi(tab, cost="-5,000")
    assert "マイナス" in dlg.grant.text() and dlg.grant.text().startswith("⚠")
    dlg.ok_button.click()
    assert tab.dialog is dlg and dlg.isVisible()  # stays open, says what is wrong
    assert "予定の経費" in dlg.error.text() and "マイナス" in dlg.error.text()
    assert _counts(worker) == before and tab.model.rowCount() == 0
    dlg.cost.setText("九万")
    assert dlg.grant.text().startswith("⚠") and "数字" in dlg.grant.text()
    dlg.cancel_button.click()
    assert _counts(worker) == before


def test_a_per_unit_program_asks_the_number_and_warnings_come_before_saving(qtbot, tab, worker):
    tab.new_btn.click()
    dlg = tab.dialog
    dlg.program.setCurrentIndex(dlg.program.findText(FIRE))
    assert not dlg.units.isHidden() and "本" in dlg.units_caption.text()
    dlg.title.setText("消火器の入れ替え")
    dlg.cost.setText("99,000")
    assert "数量" in dlg.grant.text()
    dlg.units.setText("3")
    assert dlg.grant.text() == "対象経費 99,000円 × 2/3 = 66,000円 → 上限 20,000円 × 3本 = 60,000円"
    before = _counts(worker)
    dlg.ok_button.click()  # 3 units for 5 member households (one per 10): warned, not yet made
    assert tab.dialog is dlg and dlg.warnings.isVisible() and "目安" in dlg.warnings.text()
    assert _counts(worker) == before
    dlg.ok_button.click()  # seen: made anyway
    assert tab.dialog is None and [r.case.units for r in tab.model.rows] == [3]
    assert "注意" in tab.message.text()


def test_skipping_a_step_asks_a_reason(qtbot, tab, worker):
    cid, _w = worker.call(sb.add_case, sb.CaseData(GOMI, FY, TITLE, planned_cost=100000))
    tab.refresh()
    _pick(tab, TITLE)
    tab.advance_btn.click()
    dlg = tab.dialog
    dlg.step.setCurrentIndex(dlg.step.findData("申請"))
    assert "とばします" in dlg.hint.text() and "事前相談" in dlg.hint.text()
    before = _counts(worker)
    dlg.ok_button.click()
    assert tab.dialog is dlg and "理由" in dlg.error.text() and _counts(worker) == before
    dlg.note_edit.setText("市の窓口で申請時に相談したため")
    dlg.ok_button.click()
    assert tab.dialog is None
    [step] = worker.call(sb.list_steps, cid)
    assert (step.step, step.kind) == ("申請", "skip")
    assert "とばして" in tab.steps_model.index(0, 2).data()


def test_deadlines_are_told_in_words(qtbot, tab, worker):
    worker.call(sb.add_case, sb.CaseData(SNOW, FY, "10月の除雪", planned_cost=300000, work_on="2026-10-01"))
    worker.call(sb.add_case, sb.CaseData(SNOW, FY, "11月の除雪", planned_cost=80000, work_on="2026-11-16"))
    tab.refresh()
    due = {r.case.title: tab.model.index(n, 3).data() for n, r in enumerate(tab.model.rows)}
    assert "期限切れ（43日過ぎ）" in due["10月の除雪"] and due["10月の除雪"].startswith("申請 令和8年10月16日")
    assert "あと3日" in due["11月の除雪"]
    assert "期限切れ 1件" in tab.summary.text()
    _pick(tab, "10月の除雪")
    assert "期限切れ" in tab.dues_text.text() and "15日以内" in tab.dues_text.text()


def test_a_case_is_withdrawn_with_a_reason_once(qtbot, tab, worker, messages):
    cid, _w = worker.call(sb.add_case, sb.CaseData(GOMI, FY, TITLE, planned_cost=100000))
    tab.refresh()
    _pick(tab, TITLE)
    tab.cancel_btn.click()
    dlg = tab.dialog
    dlg.ok_button.click()  # no reason: refused by the model, nothing asked
    assert tab.dialog is dlg and "理由" in dlg.error.text()
    dlg.reason.setText("見積りが予算を超えたため")
    dlg.ok_button.click()
    assert tab.dialog is None
    assert worker.call(sb.get_case, cid).cancel_reason == "見積りが予算を超えたため"
    assert tab.model.index(0, 2).data() == "取り下げ"
    for b in (tab.advance_btn, tab.cancel_btn, tab.link_btn):
        assert not b.isEnabled() and "取り下げ済み" in b.toolTip()
    assert all(not box.isEnabled() for box in tab.check_boxes.values())


def test_a_closed_years_case_is_shown_read_only_but_its_money_may_arrive(qtbot, tab, worker, clock):
    clock.day = date(2026, 3, 1)
    worker.call(ab.open_year, 2025)
    worker.call(ab.set_opening_balance, 2025, "普通預金", 1000)
    cid, _w = worker.call(sb.add_case, sb.CaseData(GOMI, 2025, "前年度の箱", planned_cost=100000))
    worker.call(sb.advance, cid, "申請", "2026-02-01", "事前相談なし")
    worker.call(sb.advance, cid, "交付決定", "2026-02-10", granted=75000)
    clock.day = date(2026, 11, 28)
    worker.call(ab.close_year, 2025, {"現金": 0, "普通預金": 1000})
    tab.set_fiscal_year(2025)
    tab.refresh()
    assert not tab.new_btn.isEnabled() and "締め済み" in tab.new_btn.toolTip()
    _pick(tab, "前年度の箱")
    assert "締め済み" in tab.case_text.text()
    for b in (tab.advance_btn, tab.cancel_btn, tab.link_btn):
        assert not b.isEnabled() and "締め済み" in b.toolTip(), b.text()
    assert tab.check_boxes and all(not box.isEnabled() for box in tab.check_boxes.values())
    assert tab.receipt_btn.isEnabled()  # the money goes into the cash book of the year it arrives in
    tab.receipt_btn.click()
    dlg = tab.dialog
    dlg.note_edit.setText("完了・実績報告は紙で提出済み")
    dlg.ok_button.click()
    assert tab.dialog is None, dlg.error.text()
    [entry] = [e for e in worker.call(ab.list_entries, FY) if e.subsidy_ref == worker.call(sb.get_case, cid).uid]
    assert (entry.fiscal_year, entry.amount) == (FY, 75000)


def test_the_programs_are_listed_with_their_rules(qtbot, tab, worker):
    tab.programs_btn.click()
    dlg = tab.dialog
    assert isinstance(dlg, st.ProgramsDialog)
    programs = worker.call(sb.list_programs, include_retired=True)
    assert list(dlg.texts) == [p.name for p in programs]
    gomi, snow = dlg.texts[GOMI], dlg.texts[SNOW]
    assert "決まり: 3/4、上限 150,000円、1,000円未満切り捨て" in gomi and "事前協議" in gomi and "見積書" in gomi
    assert "作業日から15日以内" in snow
    dlg.reject()
    assert tab.dialog is None


def test_a_viewer_gets_disabled_write_buttons_with_a_reason(qtbot, login, worker):
    cid, _w = worker.call(sb.add_case, sb.CaseData(GOMI, FY, TITLE, planned_cost=100000))
    worker.close_register()
    tab = _tab(qtbot, login(VIEWER))
    assert [r.case.id for r in tab.model.rows] == [cid]  # sees the cases
    _pick(tab, TITLE)
    for b in (tab.new_btn, tab.advance_btn, tab.receipt_btn, tab.cancel_btn, tab.link_btn, tab.report_btn):
        assert not b.isEnabled(), b.text()
        assert b.toolTip().startswith("使えません") and "権限がありません" in b.toolTip(), b.text()
    assert tab.check_boxes and all(not box.isEnabled() for box in tab.check_boxes.values())
    assert tab.programs_btn.isEnabled()
    tab.new_btn.click()
    assert tab.dialog is None


def test_the_page_gives_the_tab_its_year_and_it_lays_out(qtbot, worker, tmp_path):
    cid, _w = worker.call(sb.add_case, sb.CaseData(GOMI, FY, TITLE, planned_cost=213400))
    for step in ("事前相談", "事前協議", "申請"):
        worker.call(sb.advance, cid, step, "2026-05-10")
    worker.call(sb.advance, cid, "交付決定", "2026-06-01", granted=150000)
    page = BooksPage(worker)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    tab = st.SubsidyTab(worker)
    page.add_tab(tab, "補助金")
    page.refresh()
    page.tabs.setCurrentWidget(page.book)
    assert page.book.model.rowCount() == 0
    page.tabs.setCurrentWidget(tab)
    assert tab.fiscal_year == FY and [r.case.title for r in tab.model.rows] == [TITLE]
    _pick(tab, TITLE)
    qtbot.wait(50)
    for b in (tab.new_btn, tab.advance_btn, tab.receipt_btn, tab.cancel_btn, tab.report_btn, tab.programs_btn):
        assert b.isVisible() and b.width() >= b.sizeHint().width(), b.text()  # no label cut off
    shot = tmp_path / "subsidy-tab.png"
    assert page.grab().save(str(shot))
    # a 入金 made here is in the 出納簿 tab when it is shown next
    tab.receipt_btn.click()
    dlg = tab.dialog
    dlg.ok_button.click()  # 完了 and 実績報告 not recorded: skipping them needs a reason
    assert tab.dialog is dlg and "理由" in dlg.error.text() and "完了・実績報告" in dlg.hint.text()
    dlg.note_edit.setText("概算払いのため交付決定後に入金")
    dlg.ok_button.click()
    assert tab.dialog is None, dlg.error.text()
    page.tabs.setCurrentWidget(page.book)
    [row] = page.book.model.rows
    assert (row.entry.amount, row.entry.subsidy_ref) == (150000, worker.call(sb.get_case, cid).uid)


@given(days=st_h.one_of(st_h.integers(min_value=-30, max_value=30), st_h.integers(min_value=-4000, max_value=4000)))
@example(days=-1)
@example(days=0)
@example(days=1)
@example(days=st.SOON_DAYS)
@example(days=st.SOON_DAYS + 1)
def test_a_deadline_says_its_state_in_words(days):
    today = date(2026, 11, 28)
    due = sb.DueDate(1, "除雪", "申請", today + timedelta(days=days), "作業日から15日以内", None)
    text = st.due_text(due, today)
    assert text.startswith("申請 ")
    if days < 0:
        assert f"期限切れ（{-days}日過ぎ）" in text and "あと" not in text
    elif days == 0:
        assert "今日まで" in text and "期限切れ" not in text
    else:
        assert f"あと{days}日" in text and "期限切れ" not in text
    assert ("⚠" in text) == (days <= st.SOON_DAYS)


@given(n=st_h.integers(min_value=0, max_value=10**9))
def test_amounts_are_read_as_officers_type_them(n):
    import unicodedata

    for typed in (f"{n:,}", f"{n}円", unicodedata.normalize("NFKC", f"{n}").translate(
            {ord(c): ord(c) + 0xFEE0 for c in "0123456789"})):
        assert st.parse_yen(typed) == n


def test_a_cash_book_entry_is_linked_to_a_case_and_counts_in_its_report(qtbot, tab, worker):
    """The 出納簿's entry dialog offers the year's cases; the entry then belongs to the 実績報告."""
    from kyodo_desktop.ui.books_dialogs import EntryDialog

    dlg = _new_gomi(tab)
    dlg.ok_button.click()
    case = worker.call(sb.list_cases, fiscal_year=FY)[0]
    entry = EntryDialog(worker, FY, date(2026, 11, 28))
    qtbot.addWidget(entry)
    titles = [entry.subsidy.itemText(i) for i in range(entry.subsidy.count())]
    assert titles[0] == "（なし）" and any(TITLE in t for t in titles)
    entry.kind.setCurrentIndex(entry.kind.findData("支出"))
    entry.subject.setCurrentIndex(0)
    entry.amount.setText("213400")
    entry.account.setCurrentIndex(entry.account.findData("普通預金") if entry.account.findData("普通預金") >= 0 else 0)
    entry.memo.setText("ごみステーション 折りたたみ式 購入")
    entry.subsidy.setCurrentIndex(next(i for i, t in enumerate(titles) if TITLE in t))
    data = entry.data()
    assert data.subsidy_ref == case.uid
    eid = worker.call(ab.add_entry, data)
    report = worker.call(sb.report_data, case.id)
    assert [e.amount for e in report.entries] == [213400]
    assert report.actual_cost == 213400 and report.grant == 150000  # the cap
    assert worker.call(ab.get_entry, eid).subsidy_ref == case.uid


def test_the_home_page_tells_the_deadlines_missed_or_near(qtbot, worker):
    """ホーム says, in words, which subsidy deadline has passed or comes within two weeks."""
    from kyodo_desktop.ui.pages import HomePage

    home = HomePage(worker)
    qtbot.addWidget(home)
    home.refresh()
    assert home.deadlines.isHidden()
    worker.call(sb.add_case, sb.CaseData(SNOW, FY, "10月の除雪", planned_cost=300000, work_on="2026-10-01"))
    worker.call(sb.add_case, sb.CaseData(SNOW, FY, "11月の除雪", planned_cost=80000, work_on="2026-11-16"))
    home.refresh()
    text = home.deadlines.text()
    assert not home.deadlines.isHidden()
    assert "補助金「10月の除雪」の申請: 令和8年10月16日まで（期限切れ（43日過ぎ））" in text
    assert "「11月の除雪」" in text and "あと3日" in text
    assert text.index("10月の除雪") < text.index("11月の除雪")  # the most urgent first
