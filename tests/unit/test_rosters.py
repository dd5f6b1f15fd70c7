"""当番表: rotation that keeps its place, calendars, exemptions, swaps — and the fairness property."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ADMIN, PASSWORD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, 9, 0)


def _town(path: Path, clock: Clock, households: int, *, block: str = "1班") -> tuple[Register, int, list[int]]:
    reg = Register.create(path / "町会.kyodo", name="当番町会", admin_name=ADMIN, password=PASSWORD,
                          backup_dir=path / "b", clock=clock)
    b = hh.add_block(reg, block)
    ids = [hh.save_household(reg, hh.HouseholdData(block_id=b, status_since="2020-04-01", persons=[
        hh.PersonData(family_name=f"世帯{n:02d}", given_name="一", birth_date="1980-01-01")])) for n in range(households)]
    return reg, b, ids


@pytest.fixture
def clock():  # overrides conftest's: this one can move on
    return Clock(date(2026, 3, 20))


@pytest.fixture
def town(tmp_path, clock):
    reg, b, ids = _town(tmp_path, clock, 5)
    reg.block, reg.ids = b, ids
    yield reg
    reg.close()


def _gomi(reg, **kw):
    data = ro.RosterData(name=kw.pop("name", "ごみステーション当番"), start_date=kw.pop("start_date", "2026-04-01"),
                         block_ids=[reg.block], **kw)
    return ro.save_roster(reg, data)


def _who(turns):
    return [t.member_id for t in turns]


def test_weekly_rubbish_roster_keeps_holidays_and_goes_on_where_it_stopped(town):
    rid = _gomi(town)  # weekly, Monday–Friday, holidays kept (Kanazawa collects on national holidays)
    ro.generate(town, rid, "2026-05-31")
    turns = ro.list_turns(town, rid)
    assert turns[0].starts_on == "2026-04-01" and turns[0].days == ["2026-04-01", "2026-04-02", "2026-04-03"]
    golden = next(t for t in turns if t.starts_on == "2026-05-04")  # ゴールデンウィーク: still a working week
    assert golden.days == ["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"]
    assert _who(turns[:6]) == town.ids + town.ids[:1]
    last = turns[-1].member_id
    ro.generate(town, rid, "2026-06-30")  # next month: no restart at the top
    more = ro.list_turns(town, rid, "2026-06-01")
    assert more[0].member_id == town.ids[(town.ids.index(last) + 1) % 5]


def test_year_end_is_skipped_and_patrols_can_skip_holidays(town):
    rid = _gomi(town, start_date="2026-12-21", cadence="daily")
    ro.generate(town, rid, "2027-01-06")
    days = [t.starts_on for t in ro.list_turns(town, rid)]
    assert "2026-12-28" in days and not any("2026-12-29" <= d <= "2027-01-03" for d in days)
    patrol = _gomi(town, name="防犯パトロール", cadence="weekdays", weekdays=[0], skip_holidays=True,
                   start_date="2027-01-01")
    ro.generate(town, patrol, "2027-01-31")
    assert [t.starts_on for t in ro.list_turns(town, patrol)] == ["2027-01-04", "2027-01-18", "2027-01-25"]  # not 成人の日
    ro.add_non_working_day(town, "2027-01-25", "町内の祭礼")  # a local day off: the turn moves on, nobody loses out
    assert [t.starts_on for t in ro.list_turns(town, patrol)] == ["2027-01-04", "2027-01-18"]


def test_monthly_rules_and_chosen_dates(town):
    first_sunday = _gomi(town, name="清掃", cadence="monthly", monthly_rule="nth:1:6")
    ro.generate(town, first_sunday, "2026-07-31")
    assert [t.starts_on for t in ro.list_turns(town, first_sunday)] == ["2026-04-05", "2026-05-03", "2026-06-07",
                                                                        "2026-07-05"]
    assert ro.monthly_label("nth:-1:4") == "毎月最終金曜"
    chosen = _gomi(town, name="草刈り", cadence="dates", dates=["2026-06-14", "令和8年9月13日"], per_turn=2)
    ro.generate(town, chosen, "2026-12-31")
    turns = ro.list_turns(town, chosen)
    assert [(t.starts_on, t.slot) for t in turns] == [("2026-06-14", 0), ("2026-06-14", 1), ("2026-09-13", 0),
                                                      ("2026-09-13", 1)]
    assert _who(turns) == town.ids[:4]


def test_a_new_household_joins_at_its_place_and_a_leaver_drops_out(town, clock):
    rid = _gomi(town, cadence="daily", start_date="2026-03-18")
    ro.generate(town, rid, "2026-04-30")
    assert not ro.list_rosters(town)[0].stale_since
    newcomer = hh.save_household(town, hh.HouseholdData(block_id=town.block, status_since="2026-03-20", persons=[
        hh.PersonData(family_name="新入", given_name="太郎")]))
    hh.change_household_status(town, town.ids[1], "転出", "2026-03-25")
    assert ro.list_rosters(town)[0].stale_since  # told, never silent
    done_before = _who(ro.list_turns(town, rid, end="2026-03-20"))
    result = ro.regenerate(town, rid)
    assert result.added > 0 and not ro.list_rosters(town)[0].stale_since
    turns = ro.list_turns(town, rid)
    assert len(done_before) == 3 and _who(turns)[:3] == done_before  # up to today: as it was
    later = [t for t in turns if t.starts_on >= "2026-03-25"]
    assert town.ids[1] not in _who(later) and newcomer in _who(later)
    assert ro.fairness(town, rid, "2026-03-25", "2026-04-30").spread <= 1


def test_exemptions_with_reasons_and_the_automatic_age_rule_are_shown(town):
    elderly = hh.get_household(town, town.ids[2])
    elderly.persons[0].birth_date = "1945-05-05"
    hh.save_household(town, elderly)
    rid = _gomi(town, exempt_age=75)
    ro.add_exemption(town, town.ids[3], "長期不在", "2026-04-01", "2026-06-30", roster_id=rid, notes="入院")
    why = {e.member_id: e.why_not for e in ro.eligibility(town, rid, "2026-05-01")}
    assert why[town.ids[2]] == "自動免除: 75歳以上のみの世帯" and why[town.ids[3]] == "免除: 長期不在"
    ro.generate(town, rid, "2026-09-30")
    turns = ro.list_turns(town, rid)
    assert town.ids[2] not in _who(turns)
    assert town.ids[3] not in _who([t for t in turns if t.starts_on <= "2026-06-30"])
    assert town.ids[3] in _who([t for t in turns if t.starts_on > "2026-06-30"])  # back after the period
    with pytest.raises(ValidationError, match="免除の終わり（2026-04-01）が始まり（2026-05-01）より前"):
        ro.add_exemption(town, town.ids[0], "その他", "2026-05-01", "2026-04-01")
    assert len(ro.list_exemptions(town, rid)) == 1


def test_bad_rosters_change_nothing(town, clock):
    with pytest.raises(ValidationError, match="対象の班を1つ以上"):
        ro.save_roster(town, ro.RosterData(name="x", start_date="2026-04-01", block_ids=[]))
    with pytest.raises(ValidationError, match="曜日を1つ以上"):
        _gomi(town, weekdays=[])
    with pytest.raises(ValidationError, match="毎月の日の決め方"):
        _gomi(town, cadence="monthly", monthly_rule="day:31")
    empty_block = hh.add_block(town, "空き班")
    rid = ro.save_roster(town, ro.RosterData(name="空き班の当番", start_date="2026-04-01", block_ids=[empty_block]))
    with pytest.raises(RegisterError, match="当番をする世帯（人）がいません"):
        ro.generate(town, rid, "2026-05-01")
    all_out = _gomi(town, name="全員免除", cadence="daily")
    for hid in town.ids:
        ro.add_exemption(town, hid, "その他", "2026-01-01", roster_id=all_out)
    with pytest.raises(RegisterError, match="全員が免除・不在"):
        ro.generate(town, all_out, "2026-04-10")
    sundays_only = _gomi(town, name="日曜だけ", cadence="dates", dates=["2026-04-05"])
    with pytest.raises(RegisterError, match="当番の日がありません"):
        ro.generate(town, sundays_only, "2026-04-01")  # nothing between the start and then
    assert town.conn.execute("SELECT count(*) FROM roster_turns").fetchone()[0] == 0


def test_two_turns_are_swapped_and_a_stand_in_is_paid_back(town, clock):
    rid = _gomi(town, cadence="daily", start_date="2026-03-21")
    ro.generate(town, rid, "2026-04-10")
    turns = ro.list_turns(town, rid)
    a, b = turns[2], turns[4]  # 3月23日 and 25日
    ro.swap_turns(town, a.id, b.id)
    swapped = {t.id: t for t in ro.list_turns(town, rid)}
    assert (swapped[a.id].doer_id, swapped[b.id].doer_id) == (b.member_id, a.member_id)
    with pytest.raises(RegisterError, match="交代済み"):
        ro.swap_turns(town, a.id, turns[6].id)
    # 3月26日: someone else stands in; the one who owed it does the stand-in's next turn
    c = turns[5]
    helper = next(t.member_id for t in turns if t.member_id != c.member_id)
    ro.substitute(town, c.id, helper)
    back = [t for t in ro.list_turns(town, rid) if t.member_id == helper and t.starts_on > c.starts_on
            and t.substitute_id == c.member_id]
    assert len(back) == 1 and "交代の返し" in back[0].note
    fair = {m.member_id: m for m in ro.fairness(town, rid).counts}
    assert fair[helper].stood_in >= 1 and fair[c.member_id].owes == 0
    # a swap that would give a turn to someone who has moved away by then is refused
    leaver = turns[8].member_id
    hh.change_household_status(town, leaver, "転出", "2026-03-28")
    now = ro.list_turns(town, rid)
    theirs = next(t for t in now if t.member_id == leaver and "2026-03-21" < t.starts_on < "2026-03-28"
                  and t.substitute_id is None)
    other = next(t for t in now if t.member_id != leaver and t.starts_on >= "2026-03-29" and t.substitute_id is None)
    with pytest.raises(RegisterError, match="当番ができません（転出"):
        ro.swap_turns(town, theirs.id, other.id)


def test_past_turns_are_never_rewritten(town, clock):
    rid = _gomi(town, cadence="daily", start_date="2026-03-01")
    ro.generate(town, rid, "2026-04-30")
    past = [(t.starts_on, t.member_id) for t in ro.list_turns(town, rid, end="2026-03-20")]
    ro.mark_turn(town, ro.list_turns(town, rid, "2026-03-19", "2026-03-19")[0].id, "済")
    with pytest.raises(ValidationError, match="まだ始まっていない当番"):
        ro.mark_turn(town, ro.list_turns(town, rid, "2026-04-01", "2026-04-01")[0].id, "済")
    data = ro.get_roster(town, rid)
    data.per_turn = 2  # a change to the roster: from tomorrow only
    ro.save_roster(town, data)
    assert [(t.starts_on, t.member_id) for t in ro.list_turns(town, rid, end="2026-03-20")] == past
    assert len(ro.list_turns(town, rid, "2026-03-21", "2026-03-21")) == 2


# -- the fairness property -----------------------------------------------------------------------------------


def _check_windows(turns, members, why_not) -> None:
    """Over every window of consecutive turns, the members eligible on every day of it have turn
    counts that differ by at most one."""
    seqs = sorted({t.seq for t in turns})
    by_seq: dict[int, list] = {}
    for t in turns:
        by_seq.setdefault(t.seq, []).append(t)
    for i in range(len(seqs)):
        counts = dict.fromkeys(members, 0)
        alive = set(members)
        for j in range(i, len(seqs)):
            day = by_seq[seqs[j]][0].starts_on
            alive = {m for m in alive if not why_not(m, day)}
            for t in by_seq[seqs[j]]:
                counts[t.member_id] = counts.get(t.member_id, 0) + 1
            if len(alive) > 1:
                seen = [counts[m] for m in alive]
                assert max(seen) - min(seen) <= 1, (seqs[i], seqs[j], {m: counts[m] for m in alive})


changes = st.lists(st.tuples(st.sampled_from(["join", "leave", "exempt", "return"]), st.integers(0, 40),
                             st.integers(0, 11), st.integers(1, 30)), max_size=8)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households=st.integers(2, 9), per_turn=st.integers(1, 2), cadence=st.sampled_from(["daily", "weekly"]),
       steps=changes)
def test_counts_differ_by_at_most_one_under_joins_leaves_and_exemptions(households, per_turn, cadence, steps):
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock(date(2026, 3, 31))
        reg, block, ids = _town(Path(tmp), clock, households)
        try:
            rid = ro.save_roster(reg, ro.RosterData(name="当番", start_date="2026-04-01", block_ids=[block],
                                                    cadence=cadence, per_turn=per_turn))
            ro.generate(reg, rid, clock.day + timedelta(days=60))
            members = list(ids)
            for kind, offset, who, length in sorted(steps, key=lambda s: s[1]):
                clock.day = max(clock.day, date(2026, 4, 1) + timedelta(days=offset))  # time moves on
                when = (clock.day + timedelta(days=1)).isoformat()
                if kind == "join":
                    members.append(hh.save_household(reg, hh.HouseholdData(block_id=block, status_since=when, persons=[
                        hh.PersonData(family_name="新", given_name=str(len(members)))])))
                elif kind == "leave" and members:
                    target = members[who % len(members)]
                    if hh.get_household(reg, target).status == "加入":
                        hh.change_household_status(reg, target, "転出", when)
                elif kind == "exempt" and members:
                    until = (clock.day + timedelta(days=length)).isoformat()
                    ro.add_exemption(reg, members[who % len(members)], "その他", when, until, roster_id=rid)
                elif kind == "return":
                    for e in ro.list_exemptions(reg, rid):
                        if e.ends_on and e.ends_on > when:
                            ro.end_exemption(reg, e.id, when)
                            break
                try:
                    ro.generate(reg, rid, clock.day + timedelta(days=60))
                except RegisterError as exc:  # everyone away on some day: a clear refusal, nothing half-done
                    assert "全員が免除・不在" in str(exc)
                    ro.regenerate(reg, rid)
            turns = ro.list_turns(reg, rid)
            data = ro.get_roster(reg, rid)
            pool = {m.id: m for m in ro._pool(reg, data)}
            _check_windows(turns, list(pool), lambda m, day: pool[m].why_not(day))
            assert ro.fairness(reg, rid).spread <= 1
        finally:
            reg.close()


def test_an_exemption_not_yet_begun_can_be_withdrawn_and_units_stay_fixed(town, clock):
    rid = _gomi(town, cadence="daily", start_date="2026-03-18")
    ro.generate(town, rid, "2026-04-30")
    future = ro.add_exemption(town, town.ids[0], "長期不在", "2026-04-10", "2026-04-20", roster_id=rid)
    begun = ro.add_exemption(town, town.ids[1], "要介護・障害", "2026-03-01", roster_id=rid)
    assert town.ids[0] not in _who(ro.list_turns(town, rid, "2026-04-10", "2026-04-20"))
    ro.delete_exemption(town, future)
    assert town.ids[0] in _who(ro.list_turns(town, rid, "2026-04-10", "2026-04-20"))
    with pytest.raises(RegisterError, match="「免除を終える」"):
        ro.delete_exemption(town, begun)
    data = ro.get_roster(town, rid)
    data.unit = "person"
    with pytest.raises(ValidationError, match="世帯と人を切り替える"):
        ro.save_roster(town, data)
    assert ro.get_roster(town, rid).unit == "household"
    fair = {m.member_id: m for m in ro.fairness(town, rid).counts}
    assert all(m.done <= 3 for m in fair.values())  # only 3月18〜20日 have happened
