"""補助金: the rules as data and their arithmetic, the steps of a case, deadlines, the closed
year, the 実績報告 from real events and cash-book lines, the 入金 in one transaction, who may do
what, the 実績報告書 PDF read back, and the command line — against real registers."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import subsidies as sb
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.japanese import fiscal_year
from kyodo_desktop.models.register import DB_ERRORS
from kyodo_desktop.models.validation import ValidationError

GOMI = "ごみステーション器材補助"
KATSU = "地域コミュニティ活性化事業（コミュニティ活動事業）"
LIGHT = "公衆街路灯 電気料及び修繕費補助"
FIRE = "木造建築物密集地域 消火器購入費補助"
SNOW = "地域除排雪活動費補助"


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, 10, 0)


@pytest.fixture
def clock():  # overrides conftest's: this one can move on
    return Clock(date(2026, 11, 28))


@pytest.fixture
def books(register):
    ab.open_year(register, 2026)
    ab.set_opening_balance(register, 2026, "現金", 50000)
    ab.set_opening_balance(register, 2026, "普通預金", 800000)
    return register


def _counts(reg) -> tuple[int, ...]:
    return tuple(reg.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "subsidy_cases", "subsidy_steps", "subsidy_attachments", "subsidy_events", "ledger_entries", "audit_log"))


def _case(reg, program=GOMI, title="第3ステーション 金属ボックス", **kw):
    cid, _warnings = sb.add_case(reg, sb.CaseData(program, kw.pop("fiscal_year", 2026), title, **kw))
    return cid


# -- the rules as data ------------------------------------------------------------------------------------


def test_the_kanazawa_programs_are_seeded_as_data(register):
    progs = {p.name: p for p in sb.list_programs(register)}
    assert set(progs) == {GOMI, KATSU, LIGHT, FIRE, SNOW}
    gomi = progs[GOMI]
    assert (gomi.rate_num, gomi.rate_den, gomi.cap, gomi.rounding_unit, gomi.rounding_mode) == (3, 4, 150000, 1000, "切り捨て")
    assert gomi.steps.index("事前協議") == gomi.steps.index("申請") - 1 and gomi.steps[0] == "事前相談"
    assert "見積書" in gomi.attachments and "通帳コピー" in gomi.attachments
    assert progs[KATSU].steps == ("事前相談", "申請", "交付決定", "完了", "実績報告", "入金")
    assert (progs[KATSU].cap, progs[KATSU].reuse_years, progs[KATSU].report_within_days) == (300000, 5, 14)
    assert (progs[LIGHT].rate_num, progs[LIGHT].rate_den, progs[LIGHT].cap) == (8, 10, None)
    assert (progs[FIRE].rate, progs[FIRE].unit_cap, progs[FIRE].households_per_unit) == ("2/3", 20000, 10)
    assert (progs[SNOW].cap, progs[SNOW].apply_within_days) == (500000, 15)
    assert gomi.rule == "3/4、上限 150,000円、1,000円未満切り捨て"


@pytest.mark.parametrize(("program", "cost", "units", "amount", "text"), [
    (GOMI, 213400, None, 150000, "対象経費 213,400円 × 3/4 = 160,050円 → 上限 150,000円 → 1,000円未満切り捨て 150,000円"),
    (GOMI, 101333, None, 75000, "対象経費 101,333円 × 3/4 = 75,999円 → 1,000円未満切り捨て 75,000円"),
    (KATSU, 500000, None, 300000, "対象経費 500,000円 × 3/4 = 375,000円 → 上限 300,000円"),
    (KATSU, 200001, None, 150000, "対象経費 200,001円 × 3/4 = 150,000円"),
    (LIGHT, 123456, None, 98764, "対象経費 123,456円 × 8/10 = 98,764円"),
    (FIRE, 99000, 3, 60000, "対象経費 99,000円 × 2/3 = 66,000円 → 上限 20,000円 × 3本 = 60,000円"),
    (FIRE, 50000, 3, 33333, "対象経費 50,000円 × 2/3 = 33,333円"),
    (SNOW, 800000, None, 500000, "対象経費 800,000円 × 3/4 = 600,000円 → 上限 500,000円"),
])
def test_each_program_works_out_its_example(register, program, cost, units, amount, text):
    calc = sb.compute_grant(cost, sb.get_program(register, program), units)
    assert calc.amount == amount
    assert calc.text == text


def test_bad_figures_are_refused_with_what_is_wrong(register):
    gomi, fire = sb.get_program(register, GOMI), sb.get_program(register, FIRE)
    with pytest.raises(ValidationError, match="マイナス") as e:
        sb.compute_grant(-1, gomi)
    assert e.value.field == "cost"
    with pytest.raises(ValidationError, match="数量を入力"):
        sb.compute_grant(1000, fire)
    with pytest.raises(ValidationError, match="1 を超えて"):
        sb.validate_program(sb.Program(None, "変な補助", 5, 4))
    with pytest.raises(ValidationError, match="最後の段階"):
        sb.validate_program(sb.Program(None, "段階の足りない補助", 1, 2, steps=("申請", "完了")))
    with pytest.raises(ValidationError, match="マイナス"):
        sb.validate_program(sb.Program(None, "上限が負", 1, 2, cap=-5))


def _reference(cost: int, p: sb.Program, units: int | None) -> int:
    """The rule from its wording, with exact fractions: the rate, the smallest cap, rounded down."""
    value = Fraction(cost * p.rate_num, p.rate_den)
    for cap in (p.cap, p.unit_cap * units if p.unit_cap is not None else None):
        if cap is not None:
            value = min(value, Fraction(cap))
    return int(value // p.rounding_unit) * p.rounding_unit


@st.composite
def programs(draw, mode="切り捨て"):
    den = draw(st.integers(1, 20))
    num = draw(st.integers(1, den))
    unit_cap = draw(st.none() | st.integers(0, 100000))
    return sb.Program(None, "試し", num, den, cap=draw(st.none() | st.integers(0, 2_000_000)), unit_cap=unit_cap,
                      unit_label="台" if unit_cap is not None else "", rounding_unit=draw(st.sampled_from([1, 10, 100, 1000])),
                      rounding_mode=mode)


@settings(max_examples=300, deadline=None)
@given(programs(), st.integers(0, 100_000_000), st.integers(0, 5_000_000), st.integers(1, 50))
def test_the_grant_never_exceeds_a_cap_or_the_rate_and_grows_with_the_cost(p, cost, more, units):
    calc = sb.compute_grant(cost, p, units)
    assert calc.amount >= 0 and calc.amount % p.rounding_unit == 0
    assert calc.amount * p.rate_den <= cost * p.rate_num  # never above cost × rate
    if p.cap is not None:
        assert calc.amount <= p.cap
    if p.unit_cap is not None:
        assert calc.amount <= p.unit_cap * units
    assert calc.amount == _reference(cost, p, units)
    assert sb.compute_grant(cost + more, p, units).amount >= calc.amount  # monotone in the cost
    assert calc.lines[0].startswith(f"対象経費 {cost:,}円 × {p.rate_num}/{p.rate_den}")


@settings(max_examples=200, deadline=None)
@given(programs("四捨五入"), st.integers(0, 100_000_000), st.integers(1, 50))
def test_rounding_half_up_stays_within_half_a_unit_and_under_the_caps(p, cost, units):
    calc = sb.compute_grant(cost, p, units)
    assert calc.amount % p.rounding_unit == 0
    limit = min([x for x in (p.cap, p.unit_cap * units if p.unit_cap is not None else None) if x is not None],
                default=None)
    if limit is not None:
        assert calc.amount <= limit
    target = calc.before_rounding
    assert abs(calc.amount - target) * 2 <= p.rounding_unit or (limit is not None and calc.amount > limit - p.rounding_unit)


# -- programs CRUD ------------------------------------------------------------------------------------


def test_a_program_is_added_changed_and_retired_with_audit_rows(books):
    before = books.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'subsidy_programs'").fetchone()[0]
    pid = sb.save_program(books, sb.Program(None, "防犯カメラ設置補助", 1, 2, funder="○○市 危機管理課", cap=200000,
                                            rounding_unit=1000, attachments=("見積書", "設置場所の図")))
    p = sb.get_program(books, pid)
    assert p.steps == ("事前相談", "申請", "交付決定", "完了", "実績報告", "入金")
    sb.save_program(books, sb.Program(**{**p.__dict__, "cap": 250000}))
    assert sb.get_program(books, "防犯カメラ設置補助").cap == 250000
    with pytest.raises(ValidationError, match="すでにあります"):
        sb.save_program(books, sb.Program(None, "防犯カメラ設置補助", 1, 2))
    sb.retire_program(books, pid)
    assert "防犯カメラ設置補助" not in [x.name for x in sb.list_programs(books)]
    with pytest.raises(ValidationError, match="使わなくなって"):
        sb.add_case(books, sb.CaseData(pid, 2026, "カメラ2台"))
    after = books.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'subsidy_programs'").fetchone()[0]
    assert after - before == 3


# -- cases and their steps ---------------------------------------------------------------------------------


def test_a_case_goes_step_by_step_and_skips_or_goes_back_only_with_a_reason(books, clock):
    cid = _case(books, planned_cost=213400)
    case = sb.get_case(books, cid)
    assert case.status_label == "未着手" and case.uid.startswith("補2026-")
    assert [a.item for a in sb.attachments(books, cid)] == list(sb.get_program(books, GOMI).attachments)
    sb.advance(books, cid, "事前相談", "2026-05-10")
    # skipping 事前協議 needs a reason; nothing is written without one
    before = _counts(books)
    with pytest.raises(ValidationError, match="事前協議」をとばして") as e:
        sb.advance(books, cid, "申請", "2026-05-20")
    assert e.value.field == "note" and _counts(books) == before
    sb.advance(books, cid, "事前協議", "2026-05-15")
    with pytest.raises(RegisterError, match="すでに「事前協議」"):
        sb.advance(books, cid, "事前協議", "2026-05-16")
    with pytest.raises(ValidationError, match="前の段階「事前協議」の日"):
        sb.advance(books, cid, "申請", "2026-05-14")
    with pytest.raises(ValidationError, match="読めません"):
        sb.advance(books, cid, "申請", "2026-02-30")
    with pytest.raises(ValidationError, match="今日より後"):
        sb.advance(books, cid, "申請", "2026-12-01")
    with pytest.raises(ValidationError, match="段階にありません"):
        sb.advance(books, cid, "確定", "2026-05-20")
    sb.advance(books, cid, "申請", "2026-05-20")
    with pytest.raises(ValidationError, match="交付決定額を入力"):
        sb.advance(books, cid, "交付決定", "2026-06-01")
    with pytest.raises(ValidationError, match="マイナス"):
        sb.advance(books, cid, "交付決定", "2026-06-01", granted=-150000)
    sb.advance(books, cid, "交付決定", "2026-06-01", granted=150000, decision_no="金ご第123号")
    # going back is a correction, with a reason
    with pytest.raises(RegisterError, match="訂正"):
        sb.advance(books, cid, "申請", "2026-06-02")
    with pytest.raises(ValidationError, match="戻す理由"):
        sb.advance(books, cid, "申請", "2026-06-02", correction=True)
    sb.advance(books, cid, "申請", "2026-06-02", "交付決定の日付を入れまちがえた", correction=True)
    assert sb.get_case(books, cid).status == "申請"
    sb.advance(books, cid, "完了", "2026-07-01", "交付決定は6月3日（通知書の到着待ちのまま工事完了）")
    steps = sb.list_steps(books, cid)
    assert [(s.step, s.kind) for s in steps] == [
        ("事前相談", "advance"), ("事前協議", "advance"), ("申請", "advance"), ("交付決定", "advance"),
        ("申請", "correction"), ("完了", "skip")]
    assert steps[-1].skipped == ("交付決定",)
    case = sb.get_case(books, cid)
    assert (case.granted, case.decision_no) == (150000, "金ご第123号")
    # steps are history: the database itself refuses to change them
    with pytest.raises(DB_ERRORS, match="削除も書き換えも"):
        books.conn.execute("DELETE FROM subsidy_steps WHERE case_id = ?", [cid])
    with pytest.raises(DB_ERRORS, match="削除も書き換えも"):
        books.conn.execute("UPDATE subsidy_steps SET on_date = '2026-01-01' WHERE case_id = ?", [cid])
    audit = [r[0] for r in books.conn.execute(
        "SELECT summary FROM audit_log WHERE table_name = 'subsidy_steps' ORDER BY id")]
    assert len(audit) == 6 and "訂正: 交付決定の日付を入れまちがえた" in audit[4] and "交付決定をとばす" in audit[5]


def test_bad_case_input_is_refused_and_changes_nothing(books):
    before = _counts(books)
    for data, field in [
        (sb.CaseData(GOMI, 2026, "箱", planned_cost=-5), "planned_cost"),
        (sb.CaseData(GOMI, 2026, "箱", actual_cost="十万"), "actual_cost"),
        (sb.CaseData(GOMI, 2026, ""), "title"),
        (sb.CaseData(GOMI, 26, "箱"), "fiscal_year"),
        (sb.CaseData("ない補助", 2026, "箱"), "program"),
        (sb.CaseData(SNOW, 2026, "除雪", work_on="2026-13-01"), "work_on"),
        (sb.CaseData(FIRE, 2026, "消火器"), "units"),
    ]:
        with pytest.raises(ValidationError) as e:
            sb.add_case(books, data)
        assert e.value.field == field, (data, e.value)
        assert _counts(books) == before


def test_a_case_is_changed_with_an_audit_row_and_keeps_its_program_once_started(books):
    cid = _case(books, planned_cost=100000)
    sb.update_case(books, cid, sb.CaseData(GOMI, 2026, "第3ステーション 折りたたみ式", planned_cost="120,000円"))
    case = sb.get_case(books, cid)
    assert (case.title, case.planned_cost) == ("第3ステーション 折りたたみ式", 120000)
    row = books.conn.execute("SELECT before, after FROM audit_log WHERE table_name = 'subsidy_cases' AND action = 'update' "
                             "AND row_id = ?", [cid]).fetchone()
    assert json.loads(row[0])["planned_cost"] == 100000 and json.loads(row[1])["planned_cost"] == 120000
    sb.advance(books, cid, "事前相談", "2026-05-10")
    before = _counts(books)
    with pytest.raises(RegisterError, match="制度や年度を変えられません"):
        sb.update_case(books, cid, sb.CaseData(KATSU, 2026, "第3ステーション 折りたたみ式"))
    with pytest.raises(ValidationError, match="マイナス"):
        sb.update_case(books, cid, sb.CaseData(GOMI, 2026, "第3ステーション", actual_cost=-1))
    assert _counts(books) == before
    # the checklist: ticked, unticked, an extra item added
    sb.set_attachment(books, cid, "見積書", on="2026-05-09")
    sb.set_attachment(books, cid, "見積書", False)
    sb.set_attachment(books, cid, "業者のカタログ", note="任意")
    items = {a.item: a for a in sb.attachments(books, cid)}
    assert items["見積書"].done_on is None and items["業者のカタログ"].done_on == "2026-11-28"
    assert list(items)[-1] == "業者のカタログ"


def test_the_same_program_within_its_reuse_years_is_a_warning(books):
    cid, warnings = sb.add_case(books, sb.CaseData(KATSU, 2024, "加入促進のチラシと交流会"))
    assert warnings == []
    again, warnings = sb.add_case(books, sb.CaseData(KATSU, 2026, "夏祭りの交流事業"))
    assert len(warnings) == 1 and "令和6年度" in warnings[0] and "5年間" in warnings[0] and "令和11年度から" in warnings[0]
    assert "注意" in books.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'subsidy_cases' "
                                        "AND row_id = ?", [again]).fetchone()[0]
    sb.cancel_case(books, again, "公募に選ばれなかった")  # a withdrawn case does not count
    assert sb.get_case(books, again).status_label == "取り下げ"
    assert sb.case_warnings(books, sb.CaseData(KATSU, 2029, "別の事業")) == []  # 2024 + 5
    assert "令和6年度" in sb.case_warnings(books, sb.CaseData(KATSU, 2028, "次の事業"))[0]
    assert cid in [c.id for c in sb.list_cases(books, include_cancelled=False)]


def test_fire_extinguishers_beyond_one_per_ten_households_are_a_warning(books):
    b = hh.add_block(books, "1班")
    for n in range(12):
        hh.save_household(books, hh.HouseholdData(block_id=b, status_since="2020-04-01", persons=[
            hh.PersonData(family_name=f"試{n}", given_name="一")]))
    assert sb.add_case(books, sb.CaseData(FIRE, 2026, "消火器", units=2))[1] == []
    warnings = sb.add_case(books, sb.CaseData(FIRE, 2026, "消火器を多めに", units=3))[1]
    assert len(warnings) == 1 and "会員 12世帯" in warnings[0] and "2本" in warnings[0]


# -- deadlines ------------------------------------------------------------------------------------------


def test_report_due_within_14_days_of_completion_and_by_the_year_end(books, clock):
    cid = _case(books, KATSU, "交流会")
    [due] = sb.due_dates(books, cid)
    assert (due.step, due.due_on, due.done_on) == ("実績報告", date(2027, 3, 31), None)
    sb.advance(books, cid, "申請", "2026-05-01", "事前相談は電話で済ませた")
    sb.advance(books, cid, "交付決定", "2026-06-01", granted=300000)
    sb.advance(books, cid, "完了", "2026-11-01")
    [due] = sb.due_dates(books, cid)
    assert due.due_on == date(2026, 11, 15) and "14日以内" in due.basis and due.days_left(date(2026, 11, 28)) == -13
    assert [(d.case_id, d.step) for d in sb.overdue(books, date(2026, 11, 28))] == [(cid, "実績報告")]
    assert sb.overdue(books, date(2026, 11, 10)) == []
    assert [d.step for d in sb.overdue(books, date(2026, 11, 10), within_days=7)] == ["実績報告"]
    sb.advance(books, cid, "実績報告", "2026-11-27")
    assert sb.overdue(books, date(2026, 11, 28)) == []
    assert sb.due_dates(books, cid)[0].done_on == date(2026, 11, 27)
    # a case finished in late March: the year end comes first
    clock.day = date(2027, 3, 25)
    late = _case(books, KATSU, "年度末の事業")
    sb.advance(books, late, "完了", "2027-03-25", "申請から交付決定まで紙で済ませた")
    assert sb.due_dates(books, late)[0].due_on == date(2027, 3, 31)


def test_snow_removal_must_be_applied_for_within_15_days_of_the_work(books):
    cid = _case(books, SNOW, "1月の機械除雪", work_on="2026-11-10")
    apply_, report = sb.due_dates(books, cid)
    assert (apply_.step, apply_.due_on) == ("申請", date(2026, 11, 25)) and "15日以内" in apply_.basis
    assert report.step == "実績報告"
    assert [d.step for d in sb.overdue(books, date(2026, 11, 28))] == ["申請"]
    sb.advance(books, cid, "申請", "2026-11-20")
    assert sb.overdue(books, date(2026, 11, 28)) == []
    # a case made after the deadline says so
    _id, warnings = sb.add_case(books, sb.CaseData(SNOW, 2026, "遅れた除雪", work_on="2026-11-01"))
    assert any("申請期限" in w for w in warnings)


# -- a closed year --------------------------------------------------------------------------------------


def test_a_closed_year_refuses_changes_but_the_money_may_still_arrive(register, clock):
    clock.day = date(2026, 3, 1)
    ab.open_year(register, 2025)
    ab.set_opening_balance(register, 2025, "普通預金", 1000)
    cid = _case(register, KATSU, "前年度の交流会", fiscal_year=2025)
    sb.advance(register, cid, "申請", "2026-02-01", "事前相談なし")
    sb.advance(register, cid, "交付決定", "2026-02-10", granted=90000)
    sb.advance(register, cid, "完了", "2026-02-20")
    sb.advance(register, cid, "実績報告", "2026-02-28")
    clock.day = date(2026, 5, 20)
    ab.close_year(register, 2025, {"現金": 0, "普通預金": 1000})
    ab.open_year(register, 2026)
    before = _counts(register)
    refused = {
        "add_case": lambda: sb.add_case(register, sb.CaseData(GOMI, 2025, "箱")),
        "advance": lambda: sb.advance(register, cid, "完了", "2026-05-01", "やり直し", correction=True),
        "update_case": lambda: sb.update_case(register, cid, sb.CaseData(KATSU, 2025, "名前を変える")),
        "set_attachment": lambda: sb.set_attachment(register, cid, "写真"),
        "cancel_case": lambda: sb.cancel_case(register, cid, "取り下げ"),
    }
    for name, call in refused.items():
        with pytest.raises(ab.YearClosedError, match="締め済み"):
            call()
        assert _counts(register) == before, name
    # the triggers hold even against a bug
    with pytest.raises(DB_ERRORS, match="締め済み"):
        register.conn.execute("UPDATE subsidy_cases SET title = 'x' WHERE id = ?", [cid])
    # the 入金 goes into the cash book of the year it arrives in
    eid = sb.record_receipt(register, cid, "2026-05-20", 90000, "普通預金")
    entry = ab.get_entry(register, eid)
    assert (entry.fiscal_year, entry.subject, entry.amount, entry.subsidy_ref) == (2026, "市補助金", 90000,
                                                                                 sb.get_case(register, cid).uid)
    assert sb.get_case(register, cid).status == "入金"


# -- the 実績報告 ---------------------------------------------------------------------------------------


def _event(reg, title, day, place, guests):
    eid = act.save_event(reg, act.EventData(title, day, category="交流", place=place, status="実施"))
    act.set_band_counts(reg, eid, guests)
    return eid


@pytest.fixture
def reported(books):
    """An activity case with two events, four expenses (one reversed and entered again), another
    income, and an unrelated entry."""
    cid = _case(books, KATSU, "夏の交流事業", planned_cost=420000)
    uid = sb.get_case(books, cid).uid
    e1 = _event(books, "夏祭り", "2026-08-01", "町会館広場", {"20〜39歳": 20, "65〜74歳": 15})
    e2 = _event(books, "ふれあい食事会", "2026-09-12", "公民館", {"75歳〜": 12})
    _event(books, "関係ない行事", "2026-09-20", "公園", {"〜19歳": 5})
    sb.link_event(books, cid, e1)
    sb.link_event(books, cid, e2)
    sb.advance(books, cid, "申請", "2026-05-01", "事前相談は連合会で")
    sb.advance(books, cid, "交付決定", "2026-06-01", granted=300000, decision_no="金協第45号")

    def pay(day, subject, amount, memo, receipt="", ref=uid, kind="支出"):
        return ab.add_entry(books, ab.EntryData(day, kind, amount, account="普通預金", subject=subject, memo=memo,
                                                receipt_no=receipt, subsidy_ref=ref))

    pay("2026-07-20", "行事費", 180000, "やぐら・テント借用", "R-01")
    wrong = pay("2026-07-25", "行事費", 99999, "音響（金額まちがい）", "R-02")
    ab.reverse_entry(books, wrong, "金額の入れまちがい")
    pay("2026-07-25", "行事費", 90000, "音響", "R-02")
    pay("2026-09-10", "会議費", 60000, "食事会の材料", "R-03")
    pay("2026-09-11", "広報費", 50400, "チラシ印刷", "R-04")
    pay("2026-08-02", "寄付金", 20000, "協賛金", kind="収入")
    pay("2026-09-30", "事務費", 7000, "関係ない支出", ref="")
    sb.set_attachment(books, cid, "写真", on="2026-09-30")
    sb.set_attachment(books, cid, "領収書の写し")
    sb.advance(books, cid, "完了", "2026-09-30")
    books.case_id = cid
    return books


def test_the_report_draws_on_the_linked_events_and_entries_with_reversals_netted(reported):
    r = sb.report_data(reported, reported.case_id)
    assert [(e.day, e.title, e.place, e.participants) for e in r.events] == [
        ("2026-08-01", "夏祭り", "町会館広場", 35), ("2026-09-12", "ふれあい食事会", "公民館", 12)]
    assert [(e.subject, e.amount, e.receipt_no) for e in r.entries if e.kind == "支出"] == [
        ("行事費", 180000, "R-01"), ("行事費", 90000, "R-02"), ("会議費", 60000, "R-03"), ("広報費", 50400, "R-04")]
    assert all("まちがい" not in e.memo and e.amount > 0 for e in r.entries)
    assert (r.actual_cost, r.cost_source) == (380400, "出納簿")
    assert r.calc.amount == 285300 and r.calc.text == "対象経費 380,400円 × 3/4 = 285,300円"
    assert (r.granted, r.grant) == (300000, 285300)  # the smaller of the two
    assert [(x.label, x.amount) for x in r.expense] == [("行事費", 270000), ("会議費", 60000), ("広報費", 50400)]
    assert [(x.label, x.amount) for x in r.income] == [
        (f"補助金（{KATSU}）", 285300), ("寄付金", 20000), ("自己負担（町会）", 75100)]
    assert r.income_total == r.expense_total == 380400
    assert r.period == (date(2026, 7, 20), date(2026, 9, 12))
    done = {a.item: a.done_on for a in r.attachments}
    assert done["写真"] == "2026-09-30" and done["領収書の写し"] == "2026-11-28" and done["事業計画書"] is None
    assert r.association == "テスト町会"
    # unlinking an event takes it out of the report
    sb.unlink_event(reported, reported.case_id, r.events[1].id)
    assert [e.title for e in sb.report_data(reported, reported.case_id).events] == ["夏祭り"]


def test_a_decided_amount_below_the_rule_is_what_is_paid(books):
    cid = _case(books, GOMI, "第5ステーション", actual_cost=100000)
    sb.advance(books, cid, "交付決定", "2026-06-01", "事前協議まで窓口で一度に", granted=70000)
    r = sb.report_data(books, cid)
    assert (r.cost_source, r.actual_cost, r.calc.amount, r.grant) == ("入力", 100000, 75000, 70000)
    assert [(x.label, x.amount) for x in r.expense] == [("事業費", 100000)]


# -- 入金: both or neither ------------------------------------------------------------------------------


def test_record_receipt_writes_the_step_and_the_cash_book_in_one_transaction(reported, clock):
    cid = reported.case_id
    sb.advance(reported, cid, "実績報告", "2026-10-10")
    before = _counts(reported)
    with pytest.raises(ValidationError, match="交付決定額 300,000円より多く"):
        sb.record_receipt(reported, cid, "2026-11-20", 300001, "普通預金")
    with pytest.raises(ValidationError, match="口座"):
        sb.record_receipt(reported, cid, "2026-11-20", 285300, "ない口座")
    assert _counts(reported) == before
    # the cash book refuses the line (its year is not open) after the step was written: both go
    clock.day = date(2027, 4, 10)
    with pytest.raises(ab.YearClosedError, match="開かれていません"):
        sb.record_receipt(reported, cid, "2027-04-10", 285300, "普通預金")
    assert _counts(reported) == before and sb.get_case(reported, cid).status == "実績報告"
    eid = sb.record_receipt(reported, cid, "2026-11-20", 285300, "普通預金")
    e = ab.get_entry(reported, eid)
    case = sb.get_case(reported, cid)
    assert (e.kind, e.subject, e.amount, e.account, e.subsidy_ref) == ("収入", "市補助金", 285300, "普通預金", case.uid)
    assert (case.status, case.received) == ("入金", 285300)
    step = sb.list_steps(reported, cid)[-1]
    assert (step.step, step.ledger_entry_id, step.on_date) == ("入金", eid, "2026-11-20")
    after = _counts(reported)
    assert (after[1] - before[1], after[4] - before[4]) == (1, 1)
    with pytest.raises(RegisterError, match="すでに「入金」"):
        sb.record_receipt(reported, cid, "2026-11-21", 1, "普通預金")
    # the received subsidy is income of the case, not a cost: the report is unchanged by it
    assert sb.report_data(reported, cid).actual_cost == 380400


# -- who may do what ------------------------------------------------------------------------------------


@pytest.mark.parametrize("session", [
    Session(None, "v", "閲覧", "閲覧", frozenset({"register.read"})),
    Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}), frozenset({1})),
], ids=["閲覧", "班長"])
def test_viewers_and_hancho_may_read_but_not_change(reported, session):
    cid = reported.case_id
    event = sb.linked_events(reported, cid)[0]
    reported.session = session
    assert [c.id for c in sb.list_cases(reported)] == [cid] and sb.report_data(reported, cid).grant == 285300
    refused = {
        "save_program": lambda: sb.save_program(reported, sb.Program(None, "新しい補助", 1, 2)),
        "retire_program": lambda: sb.retire_program(reported, GOMI),
        "add_case": lambda: sb.add_case(reported, sb.CaseData(GOMI, 2026, "箱")),
        "update_case": lambda: sb.update_case(reported, cid, sb.CaseData(KATSU, 2026, "改名")),
        "cancel_case": lambda: sb.cancel_case(reported, cid, "やめる"),
        "advance": lambda: sb.advance(reported, cid, "実績報告", "2026-11-01"),
        "record_receipt": lambda: sb.record_receipt(reported, cid, "2026-11-20", 1000, "普通預金"),
        "set_attachment": lambda: sb.set_attachment(reported, cid, "写真", False),
        "link_event": lambda: sb.link_event(reported, cid, event),
        "unlink_event": lambda: sb.unlink_event(reported, cid, event),
    }
    before = _counts(reported)
    for name, call in refused.items():
        with pytest.raises(PermissionDenied, match="権限がありません"):
            call()
        assert _counts(reported) == before, name


# -- the 実績報告書 PDF ------------------------------------------------------------------------------------


def test_the_report_pdf_reads_back(reported, tmp_path):
    from pypdf import PdfReader

    from kyodo_desktop.export.subsidy_docs import write_subsidy_report

    ticks = []
    out = write_subsidy_report(reported, tmp_path / "実績報告書.pdf", case_id=reported.case_id,
                               progress=lambda done, total: ticks.append((done, total)) or True)
    reader = PdfReader(out.path)
    text = "".join(p.extract_text() for p in reader.pages)
    compact = "".join(text.split())
    for expected in ("実績報告書", KATSU, "夏の交流事業", "テスト町会", "夏祭り", "町会館広場", "ふれあい食事会",
                     "35", "やぐら・テント借用", "180,000", "285,300", "380,400", "75,100", "300,000", "金協第45号",
                     "対象経費380,400円×3/4=285,300円", "写真", "事業計画書", "会長", "上記のとおり報告します"):
        assert expected.replace(" ", "") in compact, expected
    items = sb.attachments(reported, reported.case_id)
    assert text.count("□") == len(items) and text.count("✓") == sum(a.done for a in items) == 2
    assert "まちがい" not in text and "関係ない" not in text
    assert out.pages == len(reader.pages) and ticks[-1] == (out.pages, out.pages)
    last = reported.conn.execute("SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last[0] == "print" and "実績報告書" in last[1]


# -- the command line -----------------------------------------------------------------------------------


def test_cli_round_trip(tmp_path):
    from test_cli import kyodo

    home = tmp_path / "home"
    reg = tmp_path / "補助町会.kyodo"
    kyodo("init", reg, "--name", "補助町会", "--admin", "会長 補助", home=home)
    today = date.today()
    fy = fiscal_year(today, 4)
    kyodo("books", reg, "year-open", fy, home=home)
    programs = json.loads(kyodo("subsidy", reg, "programs", "--json", home=home).stdout)
    assert GOMI in [p["name"] for p in programs]
    calc = kyodo("subsidy", reg, "compute", GOMI, "213400", home=home).stdout
    assert "対象経費 213,400円 × 3/4 = 160,050円 → 上限 150,000円" in calc and "150,000円" in calc.splitlines()[-1]
    out = kyodo("subsidy", reg, "add", GOMI, "--year", fy, "--title", "第1ステーション", "--planned-cost", "213,400",
                home=home).stdout
    cid = int(re.search(r"番号 (\d+)", out).group(1))
    bad = kyodo("subsidy", reg, "add", GOMI, "--year", fy, "--title", "箱", "--planned-cost", "-5", home=home, check=False)
    assert bad.returncode == 1 and "マイナス" in bad.stderr
    kyodo("subsidy", reg, "advance", cid, "事前相談", "--date", today.isoformat(), home=home)
    skip = kyodo("subsidy", reg, "advance", cid, "申請", "--date", today.isoformat(), home=home, check=False)
    assert skip.returncode == 1 and "理由" in skip.stderr
    kyodo("subsidy", reg, "advance", cid, "交付決定", "--date", today.isoformat(), "--note", "窓口で一度に",
          "--granted", "150000", home=home)
    rows = json.loads(kyodo("subsidy", reg, "list", "--year", fy, "--json", home=home).stdout)
    assert [(r["id"], r["status"], r["granted"]) for r in rows] == [(cid, "交付決定", 150000)]
    out = kyodo("subsidy", reg, "receipt", cid, "--amount", "150,000", "--note", "完了・実績報告は紙で済ませた",
                home=home).stdout
    assert "150,000円" in out and "普通預金" in out
    rows = json.loads(kyodo("subsidy", reg, "list", "--json", home=home).stdout)
    assert [(r["status"], r["received"]) for r in rows] == [("入金", 150000)]
    pdf = tmp_path / "報告.pdf"
    kyodo("subsidy", reg, "report", cid, "-o", pdf, home=home)
    assert pdf.read_bytes().startswith(b"%PDF")
    again = kyodo("subsidy", reg, "report", cid, "-o", pdf, home=home, check=False)
    assert again.returncode == 1 and "上書きはしません" in again.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(1, 200000), min_size=1, max_size=6), st.data())
def test_report_cost_is_the_net_of_linked_expenses(books, amounts, data):
    """Whatever is reversed, the report's cost is the sum of the expenses still standing."""
    ab.set_opening_balance(books, 2026, "普通預金", 100_000_000)
    cid = _case(books, GOMI, f"箱{len(sb.list_cases(books))}")
    uid = sb.get_case(books, cid).uid
    standing = 0
    for n, amount in enumerate(amounts):
        eid = ab.add_entry(books, ab.EntryData("2026-10-01", "支出", amount, account="普通預金", subject="防災費",
                                               memo=f"{n}", subsidy_ref=uid))
        if data.draw(st.booleans()):
            ab.reverse_entry(books, eid, "取り消し")
        else:
            standing += amount
    r = sb.report_data(books, cid)
    assert r.actual_cost == standing
    assert r.grant == sb.compute_grant(standing, sb.get_program(books, GOMI)).amount


def test_a_subsidy_is_never_received_twice_and_a_wrong_receipt_is_undone_in_the_cash_book(reported, clock):
    """What arrived is read from the cash book (reversals netted): going back from 入金 is refused
    while the money stands, and a second 入金 may not pass the decided amount."""
    cid = reported.case_id
    sb.advance(reported, cid, "実績報告", "2026-10-10")
    eid = sb.record_receipt(reported, cid, "2026-11-20", 285300, "普通預金")
    with pytest.raises(RegisterError, match="入金（285,300円）の記録があるため、段階を戻せません"):
        sb.advance(reported, cid, "実績報告", "2026-11-21", "入金の日を間違えた", correction=True)
    ab.reverse_entry(reported, eid, "入金の日を間違えた")
    assert sb.get_case(reported, cid).received == 0
    sb.advance(reported, cid, "実績報告", "2026-11-21", "入金の日を間違えた", correction=True)
    sb.record_receipt(reported, cid, "2026-11-25", 285300, "普通預金")
    assert sb.get_case(reported, cid).received == 285300
    lines = [e for e in ab.list_entries(reported, 2026)
             if e.subsidy_ref == sb.get_case(reported, cid).uid and e.subject == "市補助金"]
    assert [e.amount for e in lines] == [285300, -285300, 285300]  # received once, net


def test_the_demo_has_two_believable_cases_made_through_the_model(demo_register):
    """The demo's 補助金: a ごみステーション box decided at its cap, a festival applied for; their dates
    in order and never after today (the demo's today is 2026-11-28)."""
    ids = sb.add_demo_cases(demo_register)
    cases = {sb.get_case(demo_register, i).title: sb.get_case(demo_register, i) for i in ids}
    box = cases["第3ステーション 折りたたみ式ボックスの更新"]
    assert (box.status, box.granted, box.planned_cost) == ("交付決定", 150000, 213400)
    assert sb.compute_grant(box.planned_cost, sb.get_program(demo_register, box.program_id)).amount == 150000
    assert cases["多世代交流の夏まつり"].status == "申請"
    for i in ids:
        days = [s.on_date for s in sb.list_steps(demo_register, i)]
        assert days == sorted(days) and days[-1] <= demo_register.today().isoformat()
