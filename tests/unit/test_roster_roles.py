"""当番表 and roles: every public function of models/rosters.py as 閲覧, as the 班長 of another 班 and
as the 班長 of the roster's own 班. 閲覧 reads and changes nothing; a 班長 sees and changes only the
rosters whose pool is their own 班 (not a station's or a hand-picked list's, not another 班's) and
exempts only their own 班's households; whatever is refused leaves the register as it was."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError

# the register fixture's clock: 2026-11-28

VIEWER = Session(None, "v", "閲覧さん", "閲覧", frozenset({"register.read"}))

#: no register, no permission: plain rules and checks
PURE = {"is_year_end", "monthly_label", "validate_roster"}
#: called by households.py inside its own (checked) change: no permission of its own, by design
HOOKS = {"mark_stale"}

ROSTER_TABLES = ("stations", "station_users", "rosters", "roster_blocks", "roster_members", "roster_dates",
                 "roster_turns", "roster_exemptions", "roster_debts", "non_working_days")


def hancho(block_id: int, name: str) -> Session:
    return Session(None, "h", f"{name} 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                   frozenset({block_id}))


def snapshot(reg) -> tuple:
    """Everything a refused call must leave as it was: the roster tables and the audit log."""
    return (reg.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
            {t: reg.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ROSTER_TABLES})


class Town:
    """1班 (4 households) and 2班 (3), a station both use, and four rosters: 1班's, 2班's, the
    station's and a hand-picked list of 1班 households — with turns, exemptions and a local day."""

    def __init__(self, reg) -> None:
        self.reg = reg
        self.b1, self.b2 = hh.add_block(reg, "1班"), hh.add_block(reg, "2班")
        self.h1 = [self._household(self.b1, f"一班{n}") for n in range(4)]
        self.h2 = [self._household(self.b2, f"二班{n}") for n in range(3)]
        self.station = ro.add_station(reg, "1丁目第1ステーション（公園前）", "1丁目2番地先", self.h1 + self.h2)
        daily = {"cadence": "daily", "start_date": "2026-11-20"}
        self.r1 = ro.save_roster(reg, ro.RosterData(name="1班の当番", block_ids=[self.b1], **daily))
        self.r2 = ro.save_roster(reg, ro.RosterData(name="2班の当番", block_ids=[self.b2], **daily))
        self.rs = ro.save_roster(reg, ro.RosterData(name="ごみ当番", pool="station", station_id=self.station,
                                                    start_date="2026-11-02"))
        self.rl = ro.save_roster(reg, ro.RosterData(name="選んだ世帯の当番", pool="list", member_ids=self.h1[:3],
                                                    ordering="custom", **daily))
        self.e1 = ro.add_exemption(reg, self.h1[1], "長期不在", "2026-11-01", "2027-06-30", roster_id=self.r1)
        self.e2 = ro.add_exemption(reg, self.h2[1], "その他", "2026-12-20", roster_id=self.rs)
        ro.add_non_working_day(reg, "2026-12-11", "秋祭り（宵宮）")
        for rid in (self.r1, self.r2, self.rs, self.rl):
            ro.generate(reg, rid, "2027-01-31")

    def _household(self, block: int, family: str) -> int:
        return hh.save_household(self.reg, hh.HouseholdData(block_id=block, status_since="2020-04-01", persons=[
            hh.PersonData(family_name=family, given_name="一", birth_date="1980-01-01")]))

    def turns(self, rid: int) -> dict[str, int]:
        """A past turn and three coming ones (the second and third with different members)."""
        turns = ro.list_turns(self.reg, rid)
        past = next(t for t in turns if t.ends_on < "2026-11-28")
        coming = [t for t in turns if t.starts_on > "2026-11-28" and t.substitute_id is None]
        third = next(t for t in coming[2:] if t.member_id != coming[1].member_id)
        return {"past": past.id, "first": coming[0].id, "second": coming[1].id, "third": third.id,
                "member": coming[0].member_id,
                "helper": next(t.member_id for t in coming if t.member_id != coming[0].member_id)}


@pytest.fixture
def town(register) -> Town:
    return Town(register)


def reads_of(reg, rid: int, member: int) -> dict[str, Callable[[], object]]:
    """Reading one roster."""
    return {
        "get_roster": lambda: ro.get_roster(reg, rid),
        "eligibility": lambda: ro.eligibility(reg, rid),
        "list_turns": lambda: ro.list_turns(reg, rid),
        "fairness": lambda: ro.fairness(reg, rid),
        "member_history": lambda: ro.member_history(reg, rid, member),
    }


def general_reads(reg, station: int) -> dict[str, Callable[[], object]]:
    return {
        "list_stations": lambda: ro.list_stations(reg),
        "station_users": lambda: ro.station_users(reg, station),
        "non_working_days": lambda: ro.non_working_days(reg),
        "list_rosters": lambda: ro.list_rosters(reg),
        "list_exemptions": lambda: ro.list_exemptions(reg),
        "stale_rosters": lambda: ro.stale_rosters(reg),
    }


def writes_on(reg, rid: int, turns: dict[str, int], exempt: int, exemption: int) -> dict[str, Callable[[], object]]:
    """Changing one roster: the roster itself, its turns, its exemptions."""

    def save() -> None:
        data = ro._require_roster(reg, rid)  # as stored (the caller may not be allowed to read it)
        data.notes = "変更"
        ro.save_roster(reg, data)

    return {
        "save_roster": save,
        "retire_roster": lambda: ro.retire_roster(reg, rid),
        "generate": lambda: ro.generate(reg, rid, "2027-02-28"),
        "regenerate": lambda: ro.regenerate(reg, rid),
        "mark_turn": lambda: ro.mark_turn(reg, turns["past"], "済"),
        "swap_turns": lambda: ro.swap_turns(reg, turns["second"], turns["third"]),
        "substitute": lambda: ro.substitute(reg, turns["first"], turns["helper"]),
        "add_exemption": lambda: ro.add_exemption(reg, exempt, "その他", "2026-12-01", "2026-12-31", roster_id=rid),
        "end_exemption": lambda: ro.end_exemption(reg, exemption, "2026-12-31"),
        "delete_exemption": lambda: ro.delete_exemption(reg, exemption),
    }


def general_writes(town: Town) -> dict[str, Callable[[], object]]:
    """Stations, the local days, and a new roster of 1班."""
    reg = town.reg
    return {
        "add_station": lambda: ro.add_station(reg, "2丁目第1ステーション", "", town.h1[:2] + town.h2[:1]),
        "set_station_users": lambda: ro.set_station_users(reg, town.station, town.h1 + town.h2[:2]),
        "add_non_working_day": lambda: ro.add_non_working_day(reg, "2026-12-18", "町内の行事"),
        "remove_non_working_day": lambda: ro.remove_non_working_day(reg, "2026-12-11"),
        "new_roster": lambda: ro.save_roster(reg, ro.RosterData(name="1班の清掃", block_ids=[town.b1],
                                                                start_date="2026-12-01")),
    }


def refused(reg, calls: dict[str, Callable[[], object]], error: type[Exception] = RegisterError) -> None:
    """Each call is refused with ``error`` and leaves the roster tables and the audit log as they were."""
    before = snapshot(reg)
    for name, call in calls.items():
        with pytest.raises(error):
            call()
        assert snapshot(reg) == before, name


def covered(*groups: dict) -> None:
    """Every public function of rosters.py is called by this file (a new one must be added here)."""
    public = {n for n, f in inspect.getmembers(ro, inspect.isfunction) if not n.startswith("_")
              and f.__module__ == ro.__name__}
    names = {n for g in groups for n in g} - {"new_roster"}
    assert public - PURE - HOOKS - names == set()


# -- 閲覧 -----------------------------------------------------------------------------------------------


def test_a_viewer_reads_every_roster_and_changes_nothing(town):
    reg = town.reg
    turns = {rid: town.turns(rid) for rid in (town.r1, town.rs)}
    reg.session = VIEWER
    reads = general_reads(reg, town.station)
    for rid in (town.r1, town.r2, town.rs, town.rl):
        reads_rid = reads_of(reg, rid, town.h1[0])
        for call in reads_rid.values():
            call()
    for call in reads.values():
        call()
    assert len(ro.list_rosters(reg)) == 4 and len(ro.list_exemptions(reg)) == 2
    assert ro.station_users(reg, town.station) == town.h1 + town.h2
    for rid, exempt, exemption in ((town.r1, town.h1[2], town.e1), (town.rs, town.h2[2], town.e2)):
        writes = writes_on(reg, rid, turns[rid], exempt, exemption)
        refused(reg, writes, PermissionDenied)
    general = general_writes(town)
    refused(reg, general, PermissionDenied)
    covered(reads, reads_of(reg, town.r1, 0), writes, general)


# -- the 班長 of another 班 --------------------------------------------------------------------------


def test_a_hancho_of_another_block_neither_sees_nor_changes_its_rosters(town):
    reg = town.reg
    turns = {rid: town.turns(rid) for rid in (town.r1, town.rs, town.rl)}
    reg.session = hancho(town.b2, "2班")
    reads = general_reads(reg, town.station)
    for call in reads.values():
        call()
    assert [r.id for r in ro.list_rosters(reg)] == [town.r2]  # not 1班's, the station's or the list's
    assert [e.id for e in ro.list_exemptions(reg)] == [town.e2]  # their own 班's household only
    for rid in (town.r2,):
        for call in reads_of(reg, rid, town.h2[0]).values():
            call()
    for rid in (town.r1, town.rs, town.rl):
        refused(reg, reads_of(reg, rid, town.h1[0]))
    for rid, exemption in ((town.r1, town.e1), (town.rs, town.e1), (town.rl, town.e1)):
        # another 班's roster, a station both 班 use, a list: nothing about them can be changed
        writes = writes_on(reg, rid, turns[rid], town.h1[2], exemption)
        refused(reg, writes)
    # and their own 班's roster: not with another 班's household
    refused(reg, {"add_exemption": lambda: ro.add_exemption(reg, town.h1[2], "その他", "2026-12-01", roster_id=town.r2),
                  "add_exemption (all rosters)": lambda: ro.add_exemption(reg, town.h1[2], "その他", "2026-12-01"),
                  "substitute": lambda: ro.substitute(reg, town.turns(town.r2)["first"], town.h1[0])}, RegisterError)
    general = general_writes(town)
    refused(reg, general)
    covered(reads, reads_of(reg, town.r1, 0), writes, general)


# -- the 班長 of the roster's own 班 ------------------------------------------------------------------


def test_a_hancho_changes_their_own_blocks_roster_and_nothing_else(town):
    reg = town.reg
    turns = {rid: town.turns(rid) for rid in (town.r1, town.r2, town.rs, town.rl)}
    reg.session = hancho(town.b1, "1班")
    reads = general_reads(reg, town.station)
    for call in reads.values():
        call()
    assert [r.id for r in ro.list_rosters(reg)] == [town.r1]
    assert [e.id for e in ro.list_exemptions(reg)] == [town.e1]
    own_reads = reads_of(reg, town.r1, town.h1[0])
    for call in own_reads.values():
        call()
    assert {e.member_id: e.why_not for e in ro.eligibility(reg, town.r1)}[town.h1[1]] == "免除: 長期不在"
    for rid in (town.r2, town.rs, town.rl):
        refused(reg, reads_of(reg, rid, town.h1[0]))
        refused(reg, writes_on(reg, rid, turns[rid], town.h1[2], town.e2))
    refused(reg, {  # their own roster: not with another 班's household, nor the other 班's exemption
        "add_exemption": lambda: ro.add_exemption(reg, town.h2[2], "その他", "2026-12-01", roster_id=town.r1),
        "add_exemption (all rosters)": lambda: ro.add_exemption(reg, town.h2[2], "その他", "2026-12-01"),
        "end_exemption": lambda: ro.end_exemption(reg, town.e2, "2026-12-31"),
        "delete_exemption": lambda: ro.delete_exemption(reg, town.e2),
        "substitute": lambda: ro.substitute(reg, turns[town.r1]["first"], town.h2[0]),
        "swap_turns": lambda: ro.swap_turns(reg, turns[town.r1]["second"], turns[town.r2]["second"]),
    })
    general = general_writes(town)
    refused(reg, {k: v for k, v in general.items() if k != "new_roster"})
    # their own 班's roster: everything works, and each change is in the audit log
    t = turns[town.r1]
    e3 = None

    def add_exemption() -> None:
        nonlocal e3
        e3 = ro.add_exemption(reg, town.h1[2], "その他", "2027-01-10", "2027-01-20", roster_id=town.r1)

    writes = writes_on(reg, town.r1, t, town.h1[2], town.e1)
    writes["add_exemption"] = add_exemption
    writes["end_exemption"] = lambda: ro.end_exemption(reg, e3, "2027-01-15")
    writes["delete_exemption"] = lambda: ro.delete_exemption(reg, e3)  # (not begun yet: recorded by mistake)
    order = ["mark_turn", "swap_turns", "substitute", "add_exemption", "end_exemption", "delete_exemption",
             "save_roster", "generate", "regenerate", "retire_roster"]
    assert set(order) == set(writes)
    for name in order:
        audit = reg.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        writes[name]()
        assert reg.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > audit, name
    # a new roster of their own 班, and a station of their own 班's households only, are theirs to add
    assert [r.name for r in ro.list_rosters(reg)] == []  # (1班's roster was retired above)
    general["new_roster"]()
    assert [r.name for r in ro.list_rosters(reg)] == ["1班の清掃"]
    sid = ro.add_station(reg, "1丁目第2ステーション", "", town.h1[2:])
    assert ro.station_users(reg, sid) == town.h1[2:]
    covered(reads, own_reads, writes, general)


# -- what the model lets through (bugs: each test says what should happen) ---------------------------------


@pytest.mark.parametrize("target", ["another 班's roster", "a station's roster"])
def test_a_hancho_cannot_take_over_a_roster_they_cannot_see(town, target):
    reg = town.reg
    rid = town.r1 if target == "another 班's roster" else town.rs
    reg.session = hancho(town.b2, "2班")
    data = ro._require_roster(reg, rid)
    data.pool, data.block_ids, data.station_id = "blocks", [town.b2], None
    before = snapshot(reg)
    with pytest.raises(RegisterError):
        ro.save_roster(reg, data)
    assert snapshot(reg) == before


def test_a_hancho_cannot_change_the_users_of_a_station_shared_with_another_block(town):
    reg = town.reg
    reg.session = hancho(town.b1, "1班")
    before = snapshot(reg)
    with pytest.raises(RegisterError):
        ro.set_station_users(reg, town.station, town.h1)  # 2班's households taken off
    assert snapshot(reg) == before


@pytest.mark.parametrize("how", ["end_exemption", "delete_exemption"])
def test_a_hancho_cannot_end_an_exemption_from_a_roster_they_cannot_see(town, how):
    reg = town.reg
    reg.session = hancho(town.b2, "2班")
    before = snapshot(reg)
    with pytest.raises(RegisterError):  # 2班's household, exempt (from 12月20日) from the shared station's roster
        ro.end_exemption(reg, town.e2, "2026-12-25") if how == "end_exemption" else ro.delete_exemption(reg, town.e2)
    assert snapshot(reg) == before


def test_exempting_a_household_from_all_rosters_leaves_other_blocks_rosters_alone(town):
    reg = town.reg
    t = town.turns(town.r1)
    ro.swap_turns(reg, t["second"], t["third"])  # 1班 agreed a swap
    swapped = [(x.seq, x.substitute_id) for x in ro.list_turns(reg, town.r1)]
    reg.session = hancho(town.b2, "2班")
    ro.add_exemption(reg, town.h2[2], "長期不在", "2027-01-05", "2027-01-20")  # their own household, every roster
    stored = [(s, sub) for s, sub in reg.conn.execute(
        "SELECT seq, substitute_id FROM roster_turns WHERE roster_id = ? ORDER BY seq, slot", [town.r1])]
    assert stored == swapped


def test_a_hancho_is_told_only_of_their_own_stale_rosters(town):
    reg = town.reg
    hh.change_household_status(reg, town.h1[3], "転出", "2026-12-01")  # 1班's roster and the station's go stale
    reg.session = hancho(town.b2, "2班")
    assert {rid for rid, _name, _since in ro.stale_rosters(reg)} <= {town.r2}


def test_a_hancho_sees_only_their_own_blocks_users_of_a_station(town):
    reg = town.reg
    reg.session = hancho(town.b1, "1班")
    assert ro.station_users(reg, town.station) == town.h1
