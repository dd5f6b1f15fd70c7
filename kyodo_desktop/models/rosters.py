"""当番表 (duty rosters) that remember whose turn it is, Qt-free. DOMAIN.md §3.4.

A roster takes its pool (the households — or people — of some 班, the users of a ごみステーション,
or a hand-picked list) in an order (回覧順, 五十音 or custom) and hands out turns on the dates its
cadence gives (every day; every week on chosen weekdays, one household for the week; each chosen
weekday; every month; chosen dates; the events of a category), with Japanese holidays, 年末年始
and local non-working days kept or skipped per roster.

Fairness is by construction: the rotation keeps its place (the last member given a turn), so
generating next month or next year goes on from there instead of starting again at the top;
whoever is not eligible on a day — moved out, not yet moved in, exempt (by a recorded reason
and period, or automatically as a household whose members are all over the roster's age) — is
passed over, never deleted, and takes their place again when eligible. A new household therefore
joins at its own place in the order. Over any stretch of turns, the members eligible throughout
it have turn counts that differ by at most one (``tests/unit/test_rosters.py`` proves this with
hypothesis under random joins, leaves and exemptions).

Turns already past are never rewritten: changing a roster, its pool or an exemption regenerates
only the turns from tomorrow. Two turns can be swapped (each does the other's); when one member
stands in for another (A does B's turn), B owes A a turn and gives it back on A's next open turn.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import age as age_of
from kyodo_desktop.models.japanese import parse_date
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

WEEKDAY_NAMES = ("月", "火", "水", "木", "金", "土", "日")
CADENCE_LABELS = {"daily": "毎日", "weekly": "毎週（1週間ずつ交代）", "weekdays": "毎週の決まった曜日（1日ずつ交代）",
                  "monthly": "毎月", "dates": "決めた日", "event": "行事のたび"}
ORDER_LABELS = {"circulation": "回覧順", "gojuon": "五十音順", "custom": "自由な順"}
POOL_LABELS = {"blocks": "班", "station": "ごみステーションの利用世帯", "list": "選んだ世帯・人"}
MAX_HORIZON_DAYS = 366 * 5  # generating further ahead than five years is a mistake


def _day(value: Any, label: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        raise ValidationError(label, f"日付として読めません: 「{value}」（例: 令和8年4月1日、2026-04-01）") from None


# -- stations and the calendar ------------------------------------------------------------------------------


def add_station(reg: Register, name: str, place: str = "", household_ids: Iterable[int] = ()) -> int:
    """A ごみステーション and the households that use it (in their user-number order)."""
    reg.session.require("register.write", "ごみステーションを登録する")
    name = clean_text(name, field="ステーション名", max_len=60, required=True)
    if reg.conn.execute("SELECT 1 FROM stations WHERE name = ?", [name]).fetchone():
        raise ValidationError("ステーション名", f"「{name}」はすでにあります。")
    with reg.writing("ごみステーションの登録"):
        sid = int(reg.conn.execute("INSERT INTO stations (name, place, created_at) VALUES (?, ?, ?)",
                                   [name, clean_text(place, field="場所", max_len=120), reg.now()]).lastrowid)
        reg._audit_row("insert", "stations", sid, f"ごみステーション「{name}」を登録しました")
        _set_station_users(reg, sid, list(household_ids))
    return sid


def set_station_users(reg: Register, station_id: int, household_ids: list[int]) -> None:
    """The households using a station, in order (their user number is their place)."""
    reg.session.require("register.write", "ごみステーションの利用世帯を変える")
    if not reg.conn.execute("SELECT 1 FROM stations WHERE id = ?", [station_id]).fetchone():
        raise RegisterError("このごみステーションは台帳にありません。")
    for (h,) in reg.conn.execute("SELECT household_id FROM station_users WHERE station_id = ?", [station_id]).fetchall():
        reg.session.require_block(_block_of_household(reg, h), "ほかの班も使うステーションの利用世帯を変える")
    with reg.writing("ごみステーションの利用世帯の変更"):
        _set_station_users(reg, station_id, household_ids)
        for (rid,) in reg.conn.execute("SELECT id FROM rosters WHERE station_id = ? AND retired_on IS NULL",
                                       [station_id]).fetchall():
            _regenerate(reg, rid)


def _set_station_users(reg: Register, station_id: int, household_ids: list[int]) -> None:
    ids = list(dict.fromkeys(household_ids))
    known = {r[0] for r in reg.conn.execute(
        f"SELECT id FROM households WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
    missing = [h for h in ids if h not in known]
    if missing:
        raise RegisterError(f"台帳にない世帯が含まれています（{len(missing)}件）。")
    for h in ids:
        reg.session.require_block(_block_of_household(reg, h), "ほかの班の世帯をステーションに入れる")
    reg.conn.execute("DELETE FROM station_users WHERE station_id = ?", [station_id])
    reg.conn.executemany("INSERT INTO station_users (station_id, household_id, user_no) VALUES (?, ?, ?)",
                         [(station_id, h, n) for n, h in enumerate(ids, start=1)])
    reg._audit_row("update", "station_users", station_id, f"ごみステーションの利用世帯を{len(ids)}世帯にしました")


@dataclass(frozen=True)
class Station:
    id: int
    name: str
    place: str
    households: int


def list_stations(reg: Register) -> list[Station]:
    reg.session.require("register.read")
    return [Station(*r) for r in reg.conn.execute(
        "SELECT s.id, s.name, s.place, (SELECT count(*) FROM station_users u WHERE u.station_id = s.id) "
        "FROM stations s WHERE s.retired_on IS NULL ORDER BY s.name")]


def station_users(reg: Register, station_id: int) -> list[int]:
    reg.session.require("register.read")
    return [r[0] for r in reg.conn.execute(
        "SELECT household_id FROM station_users WHERE station_id = ? ORDER BY user_no, household_id", [station_id])
            if reg.session.sees_block(_block_of_household(reg, r[0]))]


def add_non_working_day(reg: Register, day: Any, name: str) -> None:
    """A local day without duties (祭礼, 校下行事 …), for every roster that skips local days."""
    reg.session.require("register.write", "地域の休みの日を登録する")
    if reg.session.block_ids is not None:
        raise RegisterError("地域の休みの日は町会全体の当番表に効くため、班長は登録できません。役員にお願いしてください。")
    d = _day(day, "日付").isoformat()
    name = clean_text(name, field="名前", max_len=40, required=True)
    with reg.writing("地域の休みの日の登録"):
        reg.conn.execute("INSERT INTO non_working_days (day, name) VALUES (?, ?) "
                         "ON CONFLICT (day) DO UPDATE SET name = excluded.name", [d, name])
        reg._audit_row("insert", "non_working_days", None, f"{d} を地域の休みの日（{name}）にしました")
        for (rid,) in reg.conn.execute("SELECT id FROM rosters WHERE skip_local_days = 1 AND retired_on IS NULL").fetchall():
            _regenerate(reg, rid)


def remove_non_working_day(reg: Register, day: Any) -> None:
    reg.session.require("register.write", "地域の休みの日を取り消す")
    if reg.session.block_ids is not None:
        raise RegisterError("地域の休みの日は町会全体の当番表に効くため、班長は取り消せません。役員にお願いしてください。")
    d = _day(day, "日付").isoformat()
    with reg.writing("地域の休みの日の取り消し"):
        if not reg.conn.execute("DELETE FROM non_working_days WHERE day = ?", [d]).rowcount:
            raise RegisterError(f"{d} は地域の休みの日に登録されていません。")
        reg._audit_row("delete", "non_working_days", None, f"{d} を地域の休みの日から外しました")
        for (rid,) in reg.conn.execute("SELECT id FROM rosters WHERE skip_local_days = 1 AND retired_on IS NULL").fetchall():
            _regenerate(reg, rid)


def non_working_days(reg: Register) -> dict[str, str]:
    reg.session.require("register.read")
    return dict(reg.conn.execute("SELECT day, name FROM non_working_days ORDER BY day"))


def is_year_end(d: date) -> bool:
    """年末年始: 12月29日〜1月3日 (the city does not collect rubbish then)."""
    return (d.month == 12 and d.day >= 29) or (d.month == 1 and d.day <= 3)


class Calendar:
    """Which days a roster works: holidays (jpholiday), 年末年始 and local days, kept or skipped."""

    def __init__(self, *, skip_holidays: bool, skip_year_end: bool, local_days: set[str] | None = None) -> None:
        self.skip_holidays = skip_holidays
        self.skip_year_end = skip_year_end
        self.local_days = local_days or set()

    def why_off(self, d: date) -> str:
        if self.skip_year_end and is_year_end(d):
            return "年末年始"
        if d.isoformat() in self.local_days:
            return "地域の休みの日"
        if self.skip_holidays:
            import jpholiday

            name = jpholiday.is_holiday_name(d)
            if name:
                return name
        return ""

    def works(self, d: date) -> bool:
        return not self.why_off(d)


# -- rosters ------------------------------------------------------------------------------------------


@dataclass
class RosterData:
    name: str
    start_date: Any  # a date (or text); turns are given from here
    duty: str = ""
    unit: str = "household"
    pool: str = "blocks"
    block_ids: list[int] = field(default_factory=list)  # pool "blocks"
    station_id: int | None = None  # pool "station"
    member_ids: list[int] = field(default_factory=list)  # pool "list", or the custom order
    ordering: str = "circulation"
    cadence: str = "weekly"
    weekdays: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])  # 0 = Monday
    monthly_rule: str = ""  # "day:15" or "nth:1:6" (the first Sunday) or "nth:-1:4" (the last Friday)
    dates: list[Any] = field(default_factory=list)  # cadence "dates"
    event_category: str = ""  # cadence "event"
    per_turn: int = 1
    skip_holidays: bool = False  # Kanazawa collects rubbish on national holidays: keep them by default
    skip_year_end: bool = True
    skip_local_days: bool = True
    exempt_age: int | None = None  # households (people) all at or over this age are exempt automatically
    min_age: int = 18  # for rosters of people
    notes: str = ""
    id: int | None = None

    @property
    def start(self) -> date:
        return _day(self.start_date, "開始日")

    def calendar(self, local_days: set[str]) -> Calendar:
        return Calendar(skip_holidays=self.skip_holidays, skip_year_end=self.skip_year_end,
                        local_days=local_days if self.skip_local_days else set())


_ROSTER_COLUMNS = ("name", "duty", "unit", "pool", "station_id", "ordering", "cadence", "weekdays", "monthly_rule",
                   "event_category", "per_turn", "start_date", "skip_holidays", "skip_year_end", "skip_local_days",
                   "exempt_age", "min_age", "notes")


def _parse_monthly(rule: str) -> tuple[str, int, int]:
    parts = rule.split(":")
    try:
        if parts[0] == "day" and len(parts) == 2 and 1 <= int(parts[1]) <= 28:
            return "day", int(parts[1]), 0
        if parts[0] == "nth" and len(parts) == 3 and int(parts[1]) in (1, 2, 3, 4, -1) and 0 <= int(parts[2]) <= 6:
            return "nth", int(parts[1]), int(parts[2])
    except ValueError:
        pass
    raise ValidationError("毎月の日", f"毎月の日の決め方が読めません（「{rule}」）。例: 15日、第1日曜、最終金曜")


def monthly_label(rule: str) -> str:
    kind, n, wd = _parse_monthly(rule)
    if kind == "day":
        return f"毎月{n}日"
    return f"毎月{'最終' if n == -1 else f'第{n}'}{WEEKDAY_NAMES[wd]}曜"


def validate_roster(reg: Register, data: RosterData) -> RosterData:
    name = clean_text(data.name, field="当番表の名前", max_len=60, required=True)
    for value, allowed, label in ((data.unit, schema.ROSTER_UNITS, "単位"), (data.pool, schema.ROSTER_POOLS, "対象"),
                                  (data.ordering, schema.ROSTER_ORDERS, "順番"),
                                  (data.cadence, schema.ROSTER_CADENCES, "間隔")):
        if value not in allowed:
            raise ValidationError(label, f"分からない{label}です: 「{value}」")
    start = data.start
    if not 1 <= int(data.per_turn) <= 20:
        raise ValidationError("1回の人数", "1回の人数は1〜20で入力してください。")
    weekdays = sorted(set(int(w) for w in data.weekdays))
    if any(not 0 <= w <= 6 for w in weekdays):
        raise ValidationError("曜日", "曜日が正しくありません。")
    if data.cadence in ("weekly", "weekdays") and not weekdays:
        raise ValidationError("曜日", "当番の曜日を1つ以上選んでください。")
    if data.cadence == "monthly":
        _parse_monthly(data.monthly_rule)
    dates = sorted({_day(d, "日付").isoformat() for d in data.dates})
    if data.cadence == "dates" and not dates:
        raise ValidationError("日付", "当番の日を1つ以上入力してください。")
    if data.cadence == "event" and not reg.conn.execute(
            "SELECT 1 FROM event_categories WHERE name = ?", [data.event_category]).fetchone():
        raise ValidationError("行事の種類", f"「{data.event_category}」という行事の種類はありません。")
    if data.pool == "blocks":
        if not data.block_ids:
            raise ValidationError("対象の班", "対象の班を1つ以上選んでください。")
        for b in data.block_ids:
            if not reg.conn.execute("SELECT 1 FROM blocks WHERE id = ?", [b]).fetchone():
                raise ValidationError("対象の班", "選ばれた班が台帳にありません。")
    if data.pool == "station" and (data.station_id is None or not reg.conn.execute(
            "SELECT 1 FROM stations WHERE id = ?", [data.station_id]).fetchone()):
        raise ValidationError("ごみステーション", "ごみステーションを選んでください。")
    if data.pool == "list" and not data.member_ids:
        raise ValidationError("対象", "当番をする世帯（人）を選んでください。")
    if data.exempt_age is not None and not 60 <= int(data.exempt_age) <= 120:
        raise ValidationError("免除の年齢", "免除の年齢は60〜120で入力してください（免除しないなら空欄）。")
    if not 0 <= int(data.min_age) <= 30:
        raise ValidationError("当番をする年齢", "0〜30で入力してください。")
    same = reg.conn.execute("SELECT id FROM rosters WHERE name = ? AND id IS NOT ?", [name, data.id]).fetchone()
    if same:
        raise ValidationError("当番表の名前", f"「{name}」という当番表はすでにあります。")
    return RosterData(
        name=name, start_date=start.isoformat(), duty=clean_text(data.duty, field="当番の内容", max_len=200, multiline=True),
        unit=data.unit, pool=data.pool, block_ids=sorted(set(data.block_ids)) if data.pool == "blocks" else [],
        station_id=data.station_id if data.pool == "station" else None, member_ids=list(dict.fromkeys(data.member_ids)),
        ordering=data.ordering, cadence=data.cadence, weekdays=weekdays, monthly_rule=data.monthly_rule,
        dates=dates, event_category=data.event_category, per_turn=int(data.per_turn),
        skip_holidays=bool(data.skip_holidays), skip_year_end=bool(data.skip_year_end),
        skip_local_days=bool(data.skip_local_days), exempt_age=None if data.exempt_age in (None, "") else int(data.exempt_age),
        min_age=int(data.min_age), notes=clean_text(data.notes, field="備考", max_len=1000, multiline=True), id=data.id)


def _roster_values(data: RosterData) -> dict[str, Any]:
    return {"name": data.name, "duty": data.duty, "unit": data.unit, "pool": data.pool, "station_id": data.station_id,
            "ordering": data.ordering, "cadence": data.cadence, "weekdays": " ".join(map(str, data.weekdays)),
            "monthly_rule": data.monthly_rule, "event_category": data.event_category, "per_turn": data.per_turn,
            "start_date": data.start_date, "skip_holidays": int(data.skip_holidays),
            "skip_year_end": int(data.skip_year_end), "skip_local_days": int(data.skip_local_days),
            "exempt_age": data.exempt_age, "min_age": data.min_age, "notes": data.notes}


def save_roster(reg: Register, data: RosterData) -> int:
    """Add or change a roster. A change applies from tomorrow: turns up to today stay as they were,
    later ones are given out again from where the rotation stands."""
    reg.session.require("register.write", "当番表を作る・変える")
    data = validate_roster(reg, data)
    if reg.session.block_ids is not None and (  # a 班長: rosters of their own 班 only
            data.pool != "blocks" or not set(data.block_ids) <= reg.session.block_ids):
        raise RegisterError("班長が作れるのは、自分の班だけの当番表です。")
    values = _roster_values(data)
    with reg.writing("当番表の保存"):
        now = reg.now()
        if data.id is None:
            rid = int(reg.conn.execute(
                f"INSERT INTO rosters (uid, {', '.join(_ROSTER_COLUMNS)}, created_at, updated_at) "
                f"VALUES (?, {', '.join('?' * len(_ROSTER_COLUMNS))}, ?, ?)",
                [secrets.token_hex(8), *(values[c] for c in _ROSTER_COLUMNS), now, now]).lastrowid)
            reg._audit_row("insert", "rosters", rid, f"当番表「{data.name}」を作りました", after=values)
        else:
            rid = data.id
            old = _require_roster(reg, rid)
            _require_visible(reg, old)  # a 班長 cannot take over another 班's (or a station's) roster
            before = _roster_values(old)
            changed = {c: values[c] for c in _ROSTER_COLUMNS if before[c] != values[c]}
            if old.unit != data.unit and reg.conn.execute(
                    "SELECT 1 FROM roster_turns WHERE roster_id = ?", [rid]).fetchone():
                raise ValidationError("単位", "当番を決めたあとで、世帯と人を切り替えることはできません。新しい当番表を作ってください。")
            if old.start != data.start and reg.conn.execute(
                    "SELECT 1 FROM roster_turns WHERE roster_id = ? AND starts_on <= ?", [rid, reg.today().isoformat()]).fetchone():
                raise ValidationError("開始日", "すでに当番が始まっているため、開始日は変えられません。")
            if changed:
                reg.conn.execute(f"UPDATE rosters SET {', '.join(f'{c} = ?' for c in changed)}, updated_at = ? WHERE id = ?",
                                 [*changed.values(), now, rid])
                reg._audit_row("update", "rosters", rid, f"当番表「{data.name}」を変更しました（明日以降の当番に反映）",
                               before={c: before[c] for c in changed}, after=changed)
        reg.conn.execute("DELETE FROM roster_blocks WHERE roster_id = ?", [rid])
        reg.conn.executemany("INSERT INTO roster_blocks (roster_id, block_id) VALUES (?, ?)", [(rid, b) for b in data.block_ids])
        reg.conn.execute("DELETE FROM roster_dates WHERE roster_id = ?", [rid])
        reg.conn.executemany("INSERT INTO roster_dates (roster_id, day) VALUES (?, ?)", [(rid, d) for d in data.dates])
        if data.member_ids or data.ordering != "custom":
            reg.conn.execute("DELETE FROM roster_members WHERE roster_id = ?", [rid])
            reg.conn.executemany("INSERT INTO roster_members (roster_id, member_id, position) VALUES (?, ?, ?)",
                                 [(rid, m, n) for n, m in enumerate(data.member_ids)])
        if data.id is not None:
            _regenerate(reg, rid)
    return rid


def _require_roster(reg: Register, roster_id: int) -> RosterData:
    row = reg.conn.execute(f"SELECT {', '.join(_ROSTER_COLUMNS)}, retired_on FROM rosters WHERE id = ?", [roster_id]).fetchone()
    if row is None:
        raise RegisterError("この当番表は台帳にありません。")
    v = dict(zip((*_ROSTER_COLUMNS, "retired_on"), row, strict=True))
    blocks = [r[0] for r in reg.conn.execute("SELECT block_id FROM roster_blocks WHERE roster_id = ? ORDER BY block_id",
                                             [roster_id])]
    members = [r[0] for r in reg.conn.execute(
        "SELECT member_id FROM roster_members WHERE roster_id = ? ORDER BY position", [roster_id])]
    dates = [r[0] for r in reg.conn.execute("SELECT day FROM roster_dates WHERE roster_id = ? ORDER BY day", [roster_id])]
    return RosterData(
        name=v["name"], start_date=v["start_date"], duty=v["duty"], unit=v["unit"], pool=v["pool"], block_ids=blocks,
        station_id=v["station_id"], member_ids=members, ordering=v["ordering"], cadence=v["cadence"],
        weekdays=[int(w) for w in v["weekdays"].split()], monthly_rule=v["monthly_rule"], dates=dates,
        event_category=v["event_category"], per_turn=v["per_turn"], skip_holidays=bool(v["skip_holidays"]),
        skip_year_end=bool(v["skip_year_end"]), skip_local_days=bool(v["skip_local_days"]), exempt_age=v["exempt_age"],
        min_age=v["min_age"], notes=v["notes"], id=roster_id)


def _require_visible(reg: Register, data: RosterData) -> None:
    """A 班長 sees the rosters of their own 班 only."""
    if reg.session.block_ids is None:
        return
    if data.pool != "blocks" or not set(data.block_ids) <= reg.session.block_ids:
        raise RegisterError("班長が見られるのは、自分の班だけの当番表です。") from None


def get_roster(reg: Register, roster_id: int) -> RosterData:
    reg.session.require("register.read")
    data = _require_roster(reg, roster_id)
    _require_visible(reg, data)
    return data


@dataclass(frozen=True)
class RosterRow:
    id: int
    name: str
    duty: str
    cadence: str
    pool: str
    members: int
    next_turn: str | None
    next_member: str
    generated_until: str | None
    stale_since: str | None  # the register changed since the turns were given out


def list_rosters(reg: Register) -> list[RosterRow]:
    reg.session.require("register.read")
    out = []
    today = reg.today().isoformat()
    for (rid,) in reg.conn.execute("SELECT id FROM rosters WHERE retired_on IS NULL ORDER BY name").fetchall():
        data = _require_roster(reg, rid)
        try:
            _require_visible(reg, data)
        except RegisterError:
            continue
        nxt = reg.conn.execute(
            "SELECT starts_on, coalesce(substitute_id, member_id) FROM roster_turns WHERE roster_id = ? AND ends_on >= ? "
            "ORDER BY seq, slot LIMIT 1", [rid, today]).fetchone()
        until = reg.conn.execute("SELECT max(ends_on) FROM roster_turns WHERE roster_id = ?", [rid]).fetchone()[0]
        pool = _pool(reg, data)
        label = CADENCE_LABELS[data.cadence] if data.cadence != "monthly" else monthly_label(data.monthly_rule)
        stale = reg.conn.execute("SELECT stale_since FROM rosters WHERE id = ?", [rid]).fetchone()[0]
        out.append(RosterRow(rid, data.name, data.duty, label, _pool_label(reg, data), len(pool),
                             nxt[0] if nxt else None, _names(reg, data.unit, [nxt[1]])[nxt[1]] if nxt else "", until,
                             stale))
    return out


def _pool_label(reg: Register, data: RosterData) -> str:
    if data.pool == "blocks":
        names = [r[0] for r in reg.conn.execute(
            f"SELECT name FROM blocks WHERE id IN ({','.join('?' * len(data.block_ids))}) ORDER BY sort_order",
            data.block_ids)]
        return "・".join(names)
    if data.pool == "station":
        row = reg.conn.execute("SELECT name FROM stations WHERE id = ?", [data.station_id]).fetchone()
        return row[0] if row else ""
    return f"選んだ{len(data.member_ids)}{'世帯' if data.unit == 'household' else '人'}"


def retire_roster(reg: Register, roster_id: int) -> None:
    """No longer used: kept with its history; its future turns are withdrawn."""
    reg.session.require("register.write", "当番表をやめる")
    data = get_roster(reg, roster_id)
    with reg.writing("当番表の終了"):
        tomorrow = (reg.today() + timedelta(days=1)).isoformat()
        reg.conn.execute("DELETE FROM roster_debts WHERE roster_id = ? AND settled_turn_id IN "
                         "(SELECT id FROM roster_turns WHERE roster_id = ? AND starts_on >= ?)", [roster_id, roster_id, tomorrow])
        reg.conn.execute("DELETE FROM roster_turns WHERE roster_id = ? AND starts_on >= ? AND status = '予定'",
                         [roster_id, tomorrow])
        reg.conn.execute("UPDATE rosters SET retired_on = ?, updated_at = ? WHERE id = ?",
                         [reg.today().isoformat(), reg.now(), roster_id])
        reg._audit_row("update", "rosters", roster_id, f"当番表「{data.name}」をやめました（明日以降の当番を取り消し）")


def mark_stale(reg: Register, household_ids: Iterable[int]) -> None:
    """The register changed for these households (moved in or out, another 班, a new 回覧順):
    the rosters whose pool holds them are marked, so the officer is told to give out the turns
    from tomorrow again (and :func:`generate` does it first). Called inside the change's
    transaction; cheap, so a large import is not slowed down."""
    ids = list(set(household_ids))
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    reg.conn.execute(
        f"""
        UPDATE rosters SET stale_since = ? WHERE retired_on IS NULL AND stale_since IS NULL AND (
            id IN (SELECT rb.roster_id FROM roster_blocks rb JOIN households h ON h.block_id = rb.block_id
                   WHERE h.id IN ({marks}))
            OR station_id IN (SELECT station_id FROM station_users WHERE household_id IN ({marks}))
            OR id IN (SELECT rm.roster_id FROM roster_members rm JOIN rosters r ON r.id = rm.roster_id
                      WHERE r.pool = 'list' AND ((r.unit = 'household' AND rm.member_id IN ({marks}))
                        OR (r.unit = 'person' AND rm.member_id IN (SELECT id FROM persons WHERE household_id IN ({marks})))))
            OR id IN (SELECT roster_id FROM roster_turns WHERE status = '予定' AND (member_id IN ({marks})
                      OR member_id IN (SELECT id FROM persons WHERE household_id IN ({marks})))))
        """, [reg.now(), *ids, *ids, *ids, *ids, *ids, *ids])


def stale_rosters(reg: Register) -> list[tuple[int, str, str]]:
    """(id, name, since) of rosters whose turns from tomorrow should be given out again."""
    reg.session.require("register.read")
    out = []
    for rid, name, since in reg.conn.execute(
            "SELECT id, name, stale_since FROM rosters WHERE stale_since IS NOT NULL AND retired_on IS NULL ORDER BY name"):
        try:
            _require_visible(reg, _require_roster(reg, rid))
        except RegisterError:
            continue  # a 班長 is told of their own 班's rosters only
        out.append((rid, name, since))
    return out


# -- the pool and who is eligible when ------------------------------------------------------------------------


@dataclass
class Member:
    id: int
    name: str
    block: str
    key: tuple  # the place in the roster's order
    blocked: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, why): not eligible then

    def why_not(self, day: str) -> str:
        for start, end, why in self.blocked:
            if start <= day <= end:
                return why
        return ""


_FAR = "9999-12-31"


def _block_of_household(reg: Register, household_id: int) -> int | None:
    row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else None


def _names(reg: Register, unit: str, ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    if unit == "person":
        return {r[0]: r[1].strip("　") for r in reg.conn.execute(
            f"SELECT id, family_name || '　' || given_name FROM persons WHERE id IN ({marks})", ids)}
    return {r[0]: (r[1] or "（世帯主未登録）").strip("　") for r in reg.conn.execute(
        f"SELECT h.id, p.family_name || '　' || p.given_name FROM households h "
        f"LEFT JOIN persons p ON p.id = h.head_person_id WHERE h.id IN ({marks})", ids)}


def _pool_households(reg: Register, data: RosterData) -> list[int]:
    if data.pool == "blocks":
        return [r[0] for r in reg.conn.execute(
            f"SELECT id FROM households WHERE block_id IN ({','.join('?' * len(data.block_ids))})", data.block_ids)]
    if data.pool == "station":
        return [r[0] for r in reg.conn.execute("SELECT household_id FROM station_users WHERE station_id = ?",
                                               [data.station_id])]
    if data.unit == "household":
        return list(data.member_ids)
    return [r[0] for r in reg.conn.execute(
        f"SELECT DISTINCT household_id FROM persons WHERE id IN ({','.join('?' * len(data.member_ids))})",
        data.member_ids)] if data.member_ids else []


def _status_periods(reg: Register, table: str, key: str, ids: list[int], present: tuple[str, ...]) -> dict[int, list[tuple[str, str]]]:
    """For each id, the periods (from, to) when it was *not* present, from the dated history."""
    out: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    if not ids:
        return out
    history: dict[int, list[tuple[str, str]]] = {}
    for i, status, since in reg.conn.execute(
            f"SELECT {key}, status, since FROM {table} WHERE {key} IN ({','.join('?' * len(ids))}) ORDER BY {key}, since, id",
            ids):
        history.setdefault(i, []).append((since, status))
    for i in ids:
        rows = history.get(i, [])
        if not rows:
            continue
        # before the first record: not yet there
        out[i].append(("0000-01-01", _prev(rows[0][0])))
        for n, (since, status) in enumerate(rows):
            until = _prev(rows[n + 1][0]) if n + 1 < len(rows) else _FAR
            if status not in present and since <= until:
                out[i].append((since, until))
    return out


def _prev(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _reached(birth: str, years: int) -> str:
    """The first day on which someone born on ``birth`` is ``years`` old (legal rule)."""
    b = date.fromisoformat(birth)
    try:
        guess = b.replace(year=b.year + years)
    except ValueError:
        guess = date(b.year + years, 3, 1)
    d = guess - timedelta(days=2)
    while age_of(b, d, "legal") < years:
        d += timedelta(days=1)
    return d.isoformat()


def _pool(reg: Register, data: RosterData) -> list[Member]:
    """Every member of the pool in the roster's order, each with the periods they are not eligible
    (not living there, exempt by a recorded reason, or by the roster's age rule)."""
    households = _pool_households(reg, data)
    if not households:
        return []
    marks = ",".join("?" * len(households))
    rows = reg.conn.execute(
        f"SELECT h.id, coalesce(b.sort_order, 0), coalesce(b.name, ''), h.circulation_order, "
        f"coalesce(p.family_kana, '') || ' ' || coalesce(p.given_kana, ''), h.head_person_id "
        f"FROM households h LEFT JOIN blocks b ON b.id = h.block_id LEFT JOIN persons p ON p.id = h.head_person_id "
        f"WHERE h.id IN ({marks})", households).fetchall()
    hh_info = {r[0]: r[1:] for r in rows}
    station_no = dict(reg.conn.execute("SELECT household_id, user_no FROM station_users WHERE station_id = ?",
                                       [data.station_id])) if data.pool == "station" else {}
    custom = {r[0]: r[1] for r in reg.conn.execute(
        "SELECT member_id, position FROM roster_members WHERE roster_id = ?", [data.id])} if data.id else {}
    if data.pool == "list":
        custom = {m: n for n, m in enumerate(data.member_ids)}
    people = reg.conn.execute(
        f"SELECT id, household_id, family_kana || ' ' || given_kana, birth_date, status FROM persons "
        f"WHERE household_id IN ({marks})", households).fetchall()
    # a 班's roster is the members' (加入) duty; a station's users (and a hand-picked list) are whoever lives there
    present = schema.HOUSEHOLD_MEMBER if data.pool == "blocks" else schema.HOUSEHOLD_PRESENT
    hh_gone = _status_periods(reg, "household_status", "household_id", households, present)
    person_gone = _status_periods(reg, "person_status", "person_id", [p[0] for p in people], schema.PERSON_PRESENT)
    names = _names(reg, data.unit, households if data.unit == "household" else [p[0] for p in people])
    exemptions: dict[int, list[tuple[str, str, str]]] = {}
    for member, reason, start, end in reg.conn.execute(
            "SELECT member_id, reason, starts_on, coalesce(ends_on, ?) FROM roster_exemptions "
            "WHERE unit = ? AND (roster_id IS NULL OR roster_id = ?)", [_FAR, data.unit, data.id or -1]):
        exemptions.setdefault(member, []).append((start, end, f"免除: {reason}"))

    def order_key(hid: int, kana: str, member: int) -> tuple:
        sort_block, _block, circulation, head_kana, _head = hh_info[hid]
        if data.ordering == "custom" or data.pool == "list":
            return (custom.get(member, 10**9), sort_block, circulation, member)
        if data.ordering == "gojuon":
            return (kana or head_kana, member)
        if data.pool == "station":
            return (station_no.get(hid, 10**9), member)
        return (sort_block, circulation, hid, kana, member)

    members: list[Member] = []
    if data.unit == "household":
        residents: dict[int, list[str | None]] = {}
        for _pid, hid, _kana, birth, status in people:
            if status in schema.PERSON_PRESENT:  # who lives there now
                residents.setdefault(hid, []).append(birth)
        for hid in households:
            if hid not in hh_info:
                continue
            m = Member(hid, names.get(hid, ""), hh_info[hid][1], order_key(hid, hh_info[hid][3], hid))
            m.blocked += [(a, b, "転出・退会など（加入していない）") for a, b in hh_gone.get(hid, [])]
            m.blocked += exemptions.get(hid, [])
            if data.exempt_age:
                births = residents.get(hid, [])
                if births and all(births):  # everyone's age is known: exempt from when the youngest reaches it
                    m.blocked.append((_reached(max(births), data.exempt_age), _FAR,
                                      f"自動免除: {data.exempt_age}歳以上のみの世帯"))
            members.append(m)
    else:
        chosen = set(data.member_ids) if data.pool == "list" else None
        for pid, hid, kana, birth, _status in people:
            if chosen is not None and pid not in chosen:
                continue
            m = Member(pid, names.get(pid, ""), hh_info[hid][1], order_key(hid, kana, pid))
            m.blocked += [(a, b, "転出・死亡など") for a, b in person_gone.get(pid, [])]
            m.blocked += [(a, b, "世帯が転出・退会など") for a, b in hh_gone.get(hid, [])]
            m.blocked += exemptions.get(pid, [])
            if birth:
                m.blocked.append(("0000-01-01", _prev(_reached(birth, data.min_age)), f"{data.min_age}歳未満"))
                if data.exempt_age:
                    m.blocked.append((_reached(birth, data.exempt_age), _FAR, f"自動免除: {data.exempt_age}歳以上"))
            members.append(m)
    members.sort(key=lambda m: m.key)
    return members


@dataclass(frozen=True)
class Eligibility:
    member_id: int
    name: str
    block: str
    eligible: bool
    why_not: str


def eligibility(reg: Register, roster_id: int, on: Any = None) -> list[Eligibility]:
    """Everyone in the pool in order, and whether they take turns on ``on`` — with the reason
    when not (exemptions are shown, never silent)."""
    data = get_roster(reg, roster_id)
    day = _day(on, "日付").isoformat() if on else reg.today().isoformat()
    out = []
    for m in _pool(reg, data):
        why = m.why_not(day)
        if why.startswith("転出") and not reg.conn.execute(  # long gone: not listed at all
                "SELECT 1 FROM roster_turns WHERE roster_id = ? AND member_id = ?", [roster_id, m.id]).fetchone():
            continue
        out.append(Eligibility(m.id, m.name, m.block, not why, why))
    return out


# -- exemptions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exemption:
    id: int
    roster_id: int | None
    member_id: int
    name: str
    reason: str
    starts_on: str
    ends_on: str | None
    notes: str


def add_exemption(reg: Register, member_id: int, reason: str, starts_on: Any, ends_on: Any = None, *,
                  roster_id: int | None = None, unit: str = "household", notes: str = "") -> int:
    """Exempt a household (or person) from one roster (or all) for a period, with its reason. Turns
    from tomorrow are given out again without them."""
    reg.session.require("register.write", "当番の免除を記録する")
    if unit not in schema.ROSTER_UNITS:
        raise RegisterError(f"分からない単位です: {unit}")
    if reason not in schema.EXEMPTION_REASONS:
        raise ValidationError("理由", f"理由は {'・'.join(schema.EXEMPTION_REASONS)} のどれかです。")
    start = _day(starts_on, "開始日")
    end = _day(ends_on, "終了日") if ends_on not in (None, "") else None
    if end is not None and end < start:
        raise ValidationError("終了日", f"免除の終わり（{end.isoformat()}）が始まり（{start.isoformat()}）より前です。")
    hid = member_id if unit == "household" else (reg.conn.execute(
        "SELECT household_id FROM persons WHERE id = ?", [member_id]).fetchone() or [None])[0]
    if hid is None or not reg.conn.execute("SELECT 1 FROM households WHERE id = ?", [hid]).fetchone():
        raise RegisterError("この世帯（人）は台帳にありません。")
    reg.session.require_block(_block_of_household(reg, hid), "ほかの班の当番を免除する")
    if roster_id is not None:
        get_roster(reg, roster_id)
    name = _names(reg, unit, [member_id]).get(member_id, "")
    with reg.writing("当番の免除"):
        eid = int(reg.conn.execute(
            "INSERT INTO roster_exemptions (roster_id, member_id, unit, reason, starts_on, ends_on, notes, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [roster_id, member_id, unit, reason, start.isoformat(), end.isoformat() if end else None,
             clean_text(notes, field="備考", max_len=500), reg.now()]).lastrowid)
        reg._audit_row("insert", "roster_exemptions", eid,
                       f"{name}さんを当番から免除しました（{reason}、{start.isoformat()}〜{end.isoformat() if end else ''}）")
        _regenerate_affected(reg, roster_id, unit, member_id)
    return eid


def end_exemption(reg: Register, exemption_id: int, on: Any = None) -> None:
    """The exemption ends on ``on`` (default today); the member takes turns again from the next day."""
    reg.session.require("register.write", "当番の免除を終える")
    row = reg.conn.execute("SELECT roster_id, unit, starts_on, member_id FROM roster_exemptions WHERE id = ?",
                           [exemption_id]).fetchone()
    if row is None:
        raise RegisterError("この免除の記録は台帳にありません。")
    roster_id, unit, start, member = row
    hid = member if unit == "household" else reg.conn.execute("SELECT household_id FROM persons WHERE id = ?",
                                                              [member]).fetchone()[0]
    reg.session.require_block(_block_of_household(reg, hid), "ほかの班の当番の免除を終える")
    if roster_id is not None:
        get_roster(reg, roster_id)  # a 班長: only an exemption from a roster they can see
    end = _day(on, "終了日") if on else reg.today()
    if end.isoformat() < start:
        raise ValidationError("終了日", f"免除の終わり（{end.isoformat()}）が始まり（{start}）より前です。")
    with reg.writing("当番の免除の終了"):
        reg.conn.execute("UPDATE roster_exemptions SET ends_on = ? WHERE id = ?", [end.isoformat(), exemption_id])
        reg._audit_row("update", "roster_exemptions", exemption_id, f"当番の免除を{end.isoformat()}で終えました")
        _regenerate_affected(reg, roster_id, unit, member)


def delete_exemption(reg: Register, exemption_id: int) -> None:
    """Remove an exemption recorded by mistake (one that is under way is ended instead, so the
    turns already passed over stay explained)."""
    reg.session.require("register.write", "当番の免除を取り消す")
    row = reg.conn.execute("SELECT roster_id, unit, starts_on, member_id FROM roster_exemptions WHERE id = ?",
                           [exemption_id]).fetchone()
    if row is None:
        raise RegisterError("この免除の記録は台帳にありません。")
    roster_id, unit, start, member = row
    hid = member if unit == "household" else reg.conn.execute("SELECT household_id FROM persons WHERE id = ?",
                                                              [member]).fetchone()[0]
    reg.session.require_block(_block_of_household(reg, hid), "ほかの班の当番の免除を取り消す")
    if roster_id is not None:
        get_roster(reg, roster_id)  # a 班長: only an exemption from a roster they can see
    if start <= reg.today().isoformat():
        raise RegisterError(f"この免除は{start}から始まっています。取り消さずに「免除を終える」で終わりの日を記録してください。")
    with reg.writing("当番の免除の取り消し"):
        reg.conn.execute("DELETE FROM roster_exemptions WHERE id = ?", [exemption_id])
        reg._audit_row("delete", "roster_exemptions", exemption_id, "まだ始まっていない当番の免除を取り消しました")
        _regenerate_affected(reg, roster_id, unit, member)


def list_exemptions(reg: Register, roster_id: int | None = None) -> list[Exemption]:
    reg.session.require("register.read")
    rows = reg.conn.execute(
        "SELECT id, roster_id, member_id, unit, reason, starts_on, ends_on, notes FROM roster_exemptions "
        "WHERE ? IS NULL OR roster_id IS NULL OR roster_id = ? ORDER BY starts_on DESC, id DESC",
        [roster_id, roster_id]).fetchall()
    out = []
    for eid, rid, member, unit, reason, start, end, notes in rows:
        hid = member if unit == "household" else (reg.conn.execute(
            "SELECT household_id FROM persons WHERE id = ?", [member]).fetchone() or [None])[0]
        if hid is None or not reg.session.sees_block(_block_of_household(reg, hid)):
            continue
        out.append(Exemption(eid, rid, member, _names(reg, unit, [member]).get(member, ""), reason, start, end, notes))
    return out


def _regenerate_affected(reg: Register, roster_id: int | None, unit: str, member_id: int) -> None:
    """Give out again the turns of the roster concerned — or, for an exemption from all rosters,
    of every roster whose pool holds the member (and no other)."""
    if roster_id is not None:
        _regenerate(reg, roster_id)
        return
    hid = member_id if unit == "household" else (reg.conn.execute(
        "SELECT household_id FROM persons WHERE id = ?", [member_id]).fetchone() or [None])[0]
    for (rid,) in reg.conn.execute("SELECT id FROM rosters WHERE unit = ? AND retired_on IS NULL", [unit]).fetchall():
        data = _require_roster(reg, rid)
        if hid in set(_pool_households(reg, data)):
            _regenerate(reg, rid)


# -- turns ---------------------------------------------------------------------------------------------


def _periods(reg: Register, data: RosterData, start: date, end: date) -> list[tuple[str, str, list[str]]]:
    """(first day, last day, duty days) of each turn between ``start`` and ``end``."""
    local = set(r[0] for r in reg.conn.execute("SELECT day FROM non_working_days")) if data.skip_local_days else set()
    cal = data.calendar(local)
    out: list[tuple[str, str, list[str]]] = []
    begin = max(start, data.start)
    if begin > end:
        return out
    if data.cadence == "dates":
        days = [d for d in data.dates if begin.isoformat() <= d <= end.isoformat()]
        return [(d, d, [d]) for d in days]
    if data.cadence == "event":
        days = sorted({r[0][:10] for r in reg.conn.execute(
            "SELECT e.starts_at FROM events e JOIN event_categories c ON c.id = e.category_id "
            "WHERE c.name = ? AND e.status != '中止' AND substr(e.starts_at, 1, 10) BETWEEN ? AND ?",
            [data.event_category, begin.isoformat(), end.isoformat()])})
        return [(d, d, [d]) for d in days]
    if data.cadence == "weekly":
        monday = begin - timedelta(days=begin.weekday())
        while monday <= end:
            days = [monday + timedelta(days=w) for w in data.weekdays]
            days = [d.isoformat() for d in days if begin <= d <= end and cal.works(d)]
            if days:
                out.append((days[0], days[-1], days))
            monday += timedelta(days=7)
        return out
    if data.cadence in ("daily", "weekdays"):
        d = begin
        while d <= end:
            if (data.cadence == "daily" or d.weekday() in data.weekdays) and cal.works(d):
                out.append((d.isoformat(), d.isoformat(), [d.isoformat()]))
            d += timedelta(days=1)
        return out
    kind, n, wd = _parse_monthly(data.monthly_rule)
    month = date(begin.year, begin.month, 1)
    while month <= end:
        nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        if kind == "day":
            d = month.replace(day=n)
        else:
            days = [month + timedelta(days=i) for i in range((nxt - month).days) if (month + timedelta(days=i)).weekday() == wd]
            d = days[n - 1] if n > 0 else days[-1]
        while d < nxt and not cal.works(d):  # a day off: the next working day of the month
            d += timedelta(days=1)
        if d < nxt and begin <= d <= end:
            out.append((d.isoformat(), d.isoformat(), [d.isoformat()]))
        month = nxt
    return out


@dataclass
class Generated:
    added: int = 0
    until: str | None = None
    withdrawn_swaps: int = 0
    notes: list[str] = field(default_factory=list)

    def message(self) -> str:
        parts = [f"{self.added}回分の当番を決めました" + (f"（{self.until}まで）。" if self.until else "。")]
        if self.withdrawn_swaps:
            parts.append(f"明日以降の交代の予定 {self.withdrawn_swaps}件 は、当番を決め直したため取り消しました。")
        return "\n".join(parts + self.notes)


def generate(reg: Register, roster_id: int, until: Any) -> Generated:
    """Give out turns from where the roster stands up to ``until`` (keeping every turn already
    given). An empty pool, a pool where everyone is exempt, or a cadence with no dates in the range
    is refused with a clear message, and nothing changes."""
    reg.session.require("register.write", "当番を決める")
    data = get_roster(reg, roster_id)
    end = _day(until, "いつまで")
    if (end - reg.today()).days > MAX_HORIZON_DAYS:
        raise ValidationError("いつまで", "5年より先の当番は決められません。")
    with reg.writing("当番の割り当て"):
        stale = reg.conn.execute("SELECT stale_since FROM rosters WHERE id = ?", [roster_id]).fetchone()[0]
        regenerated = _regenerate(reg, roster_id) if stale else None
        result = _extend(reg, data, end, strict=True)
        if regenerated is not None and regenerated.withdrawn_swaps:
            result.withdrawn_swaps = regenerated.withdrawn_swaps
        reg._audit_row("insert", "roster_turns", roster_id, f"当番表「{data.name}」の当番を{end.isoformat()}まで決めました"
                       f"（{result.added}回分）")
    return result


def _extend(reg: Register, data: RosterData, end: date, *, strict: bool) -> Generated:
    assert data.id is not None
    last = reg.conn.execute(
        "SELECT seq, starts_on, member_id FROM roster_turns WHERE roster_id = ? ORDER BY seq DESC, slot DESC LIMIT 1",
        [data.id]).fetchone()
    start = date.fromisoformat(last[1]) + timedelta(days=1) if last else data.start
    if data.cadence == "weekly" and last:  # the week after the last one given
        begun = date.fromisoformat(last[1])
        start = begun - timedelta(days=begun.weekday()) + timedelta(days=7)
    result = Generated()
    periods = _periods(reg, data, start, end)
    if not periods:
        if strict and (last is None or last[1] < end.isoformat()):
            if start > end:
                return result
            raise RegisterError(f"{start.isoformat()}〜{end.isoformat()} には当番の日がありません（曜日・休みの設定を確かめてください）。")
        return result
    pool = _pool(reg, data)
    if not pool:
        raise RegisterError("当番をする世帯（人）がいません。対象の班やステーションの利用世帯を確かめてください。")
    position = -1
    if last:  # go on after the last member given a turn who is still in the pool (those after them left it)
        index = {m.id: n for n, m in enumerate(pool)}
        for (member_id,) in reg.conn.execute(
                "SELECT member_id FROM roster_turns WHERE roster_id = ? ORDER BY seq DESC, slot DESC", [data.id]):
            if member_id in index:
                position = index[member_id]
                break
    seq = last[0] if last else 0
    now = reg.now()
    rows = []
    for first, last_day, days in periods:
        chosen = []
        tried = 0
        while len(chosen) < data.per_turn and tried < len(pool):
            position = (position + 1) % len(pool)
            tried += 1
            member = pool[position]
            if member.why_not(first) or member.id in chosen:
                continue
            chosen.append(member.id)
        if not chosen:
            if strict:
                raise RegisterError(f"{first} に当番をできる世帯（人）がいません（全員が免除・不在です）。"
                                    "免除や対象を見直してください。何も変わっていません。")
            result.notes.append(f"{first}: 当番をできる世帯（人）がいないため、空けました。")
            continue
        seq += 1
        for slot, member_id in enumerate(chosen):
            rows.append((data.id, seq, first, last_day, " ".join(days), slot, member_id, now, now))
    reg.conn.executemany(
        "INSERT INTO roster_turns (roster_id, seq, starts_on, ends_on, days, slot, member_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    result.added = len({r[1] for r in rows})
    result.until = periods[-1][1]
    _settle_debts(reg, data.id)
    return result


def _regenerate(reg: Register, roster_id: int, from_day: date | None = None) -> Generated:
    """Give out again every turn from ``from_day`` (default tomorrow) that is still only planned,
    up to where the roster had been generated. Called inside a transaction."""
    data = _require_roster(reg, roster_id)
    day = (from_day or reg.today() + timedelta(days=1)).isoformat()
    horizon = reg.conn.execute("SELECT max(ends_on) FROM roster_turns WHERE roster_id = ?", [roster_id]).fetchone()[0]
    if horizon is None or horizon < day:
        reg.conn.execute("UPDATE rosters SET stale_since = NULL WHERE id = ?", [roster_id])
        return Generated()
    # a turn that has begun, or was marked, stays: only what follows it is given out again
    keep = reg.conn.execute("SELECT max(seq) FROM roster_turns WHERE roster_id = ? AND (starts_on < ? OR status != '予定')",
                            [roster_id, day]).fetchone()[0] or 0
    doomed = [r[0] for r in reg.conn.execute("SELECT id FROM roster_turns WHERE roster_id = ? AND seq > ?", [roster_id, keep])]
    withdrawn = reg.conn.execute(
        f"SELECT count(*) FROM roster_turns WHERE id IN ({','.join('?' * len(doomed)) or 'NULL'}) AND substitute_id IS NOT NULL "
        "AND id NOT IN (SELECT settled_turn_id FROM roster_debts WHERE settled_turn_id IS NOT NULL)", doomed).fetchone()[0]
    if doomed:
        marks = ",".join("?" * len(doomed))
        reg.conn.execute(f"UPDATE roster_debts SET settled_turn_id = NULL WHERE settled_turn_id IN ({marks})", doomed)
        reg.conn.execute(f"DELETE FROM roster_debts WHERE from_turn_id IN ({marks})", doomed)
        reg.conn.execute(f"DELETE FROM roster_turns WHERE id IN ({marks})", doomed)
    result = _extend(reg, data, date.fromisoformat(horizon), strict=False)
    result.withdrawn_swaps = withdrawn
    reg.conn.execute("UPDATE rosters SET stale_since = NULL WHERE id = ?", [roster_id])
    return result


def regenerate(reg: Register, roster_id: int) -> Generated:
    """Give out the turns from tomorrow again (after a change to the register: a household moved in
    or out). Turns up to today are kept as they were."""
    reg.session.require("register.write", "当番を決め直す")
    data = get_roster(reg, roster_id)
    with reg.writing("当番の決め直し"):
        result = _regenerate(reg, roster_id)
        reg._audit_row("update", "roster_turns", roster_id, f"当番表「{data.name}」の明日以降の当番を決め直しました")
    return result


@dataclass(frozen=True)
class Turn:
    id: int
    seq: int
    starts_on: str
    ends_on: str
    days: list[str]
    slot: int
    member_id: int
    member: str
    block: str
    substitute_id: int | None
    substitute: str
    status: str
    note: str

    @property
    def doer_id(self) -> int:
        return self.substitute_id if self.substitute_id is not None else self.member_id


def list_turns(reg: Register, roster_id: int, start: Any = None, end: Any = None) -> list[Turn]:
    data = get_roster(reg, roster_id)
    where, params = ["roster_id = ?"], [roster_id]
    if start:
        where.append("ends_on >= ?")
        params.append(_day(start, "開始日").isoformat())
    if end:
        where.append("starts_on <= ?")
        params.append(_day(end, "終了日").isoformat())
    rows = reg.conn.execute(
        f"SELECT id, seq, starts_on, ends_on, days, slot, member_id, substitute_id, status, note FROM roster_turns "
        f"WHERE {' AND '.join(where)} ORDER BY seq, slot", params).fetchall()
    ids = {r[6] for r in rows} | {r[7] for r in rows if r[7] is not None}
    names = _names(reg, data.unit, ids)
    blocks = dict(reg.conn.execute(
        f"SELECT h.id, coalesce(b.name, '') FROM households h LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE h.id IN ({','.join('?' * len(ids)) or 'NULL'})", list(ids))) if data.unit == "household" else dict(
        reg.conn.execute(
            f"SELECT p.id, coalesce(b.name, '') FROM persons p JOIN households h ON h.id = p.household_id "
            f"LEFT JOIN blocks b ON b.id = h.block_id WHERE p.id IN ({','.join('?' * len(ids)) or 'NULL'})", list(ids)))
    return [Turn(i, seq, s, e, days.split(), slot, m, names.get(m, ""), blocks.get(m, ""), sub,
                 names.get(sub, "") if sub is not None else "", status, note)
            for i, seq, s, e, days, slot, m, sub, status, note in rows]


def _turn(reg: Register, turn_id: int) -> tuple[RosterData, tuple]:
    row = reg.conn.execute("SELECT roster_id, starts_on, member_id, substitute_id, status, seq FROM roster_turns WHERE id = ?",
                           [turn_id]).fetchone()
    if row is None:
        raise RegisterError("この当番は台帳にありません（決め直された可能性があります）。")
    data = get_roster(reg, row[0])
    return data, row


def mark_turn(reg: Register, turn_id: int, status: str, note: str = "") -> None:
    """済 (done) or 欠 (missed), or back to 予定; only for a turn that has begun."""
    reg.session.require("register.write", "当番の記録をつける")
    if status not in schema.TURN_STATUSES:
        raise ValidationError("状態", f"状態は {'・'.join(schema.TURN_STATUSES)} のどれかです。")
    data, (_rid, starts, member, _sub, _old, _seq) = _turn(reg, turn_id)
    if status != "予定" and starts > reg.today().isoformat():
        raise ValidationError("状態", f"まだ始まっていない当番（{starts}）には「{status}」をつけられません。")
    with reg.writing("当番の記録"):
        memo = clean_text(note, field="メモ", max_len=200)
        if memo:  # a memo is added to what the turn says (「○○さんと交代」 stays)
            reg.conn.execute("UPDATE roster_turns SET note = trim(note || '　' || ?) WHERE id = ?", [memo, turn_id])
        reg.conn.execute("UPDATE roster_turns SET status = ?, updated_at = ? WHERE id = ?", [status, reg.now(), turn_id])
        reg._audit_row("update", "roster_turns", turn_id, f"当番表「{data.name}」の{starts}の当番を「{status}」にしました")


def _eligible_on(reg: Register, data: RosterData, member_id: int, day: str) -> str:
    for m in _pool(reg, data):
        if m.id == member_id:
            return m.why_not(day) or "ok"
    return "当番の対象ではありません"


def swap_turns(reg: Register, first_id: int, second_id: int) -> None:
    """Two members trade turns: each does the other's (both turns stay theirs in the counts, so
    nothing needs balancing later)."""
    reg.session.require("register.write", "当番を交代する")
    data, a = _turn(reg, first_id)
    data2, b = _turn(reg, second_id)
    if data.id != data2.id:
        raise RegisterError("同じ当番表の当番どうしでなければ交代できません。")
    if first_id == second_id or a[2] == b[2]:
        raise RegisterError("同じ世帯（人）の当番どうしは交代できません。")
    for _r, starts, _m, sub, status, _seq in (a, b):
        if status != "予定" or sub is not None:
            raise RegisterError(f"{starts}の当番はすでに記録済みか交代済みのため、交代できません。")
        if starts <= reg.today().isoformat():
            raise RegisterError(f"{starts}の当番はもう始まっているため、交代できません（代わりにした人を記録してください）。")
    for who, day in ((b[2], a[1]), (a[2], b[1])):
        why = _eligible_on(reg, data, who, day)
        if why != "ok":
            name = _names(reg, data.unit, [who]).get(who, "")
            raise RegisterError(f"{name}さんは{day}に当番ができません（{why}）。交代は記録していません。")
    names = _names(reg, data.unit, [a[2], b[2]])
    with reg.writing("当番の交代"):
        now = reg.now()
        reg.conn.execute("UPDATE roster_turns SET substitute_id = ?, note = ?, updated_at = ? WHERE id = ?",
                         [b[2], f"{names[b[2]]}さんと交代", now, first_id])
        reg.conn.execute("UPDATE roster_turns SET substitute_id = ?, note = ?, updated_at = ? WHERE id = ?",
                         [a[2], f"{names[a[2]]}さんと交代", now, second_id])
        reg._audit_row("update", "roster_turns", first_id,
                       f"当番表「{data.name}」で{a[1]}（{names[a[2]]}）と{b[1]}（{names[b[2]]}）の当番を交代しました")


def substitute(reg: Register, turn_id: int, member_id: int) -> None:
    """``member_id`` does (or did) this turn for its member, who then owes them a turn: it is
    given back on the substitute's next open turn (「交代の返し」)."""
    reg.session.require("register.write", "当番の代わりを記録する")
    data, (_rid, starts, original, sub, status, _seq) = _turn(reg, turn_id)
    if member_id == original:
        raise RegisterError("本人が自分の代わりをすることはできません。")
    if sub is not None:
        raise RegisterError(f"{starts}の当番には、すでに代わりの人が記録されています。")
    why = _eligible_on(reg, data, member_id, starts)
    name = _names(reg, data.unit, [member_id, original])
    if why != "ok":
        raise RegisterError(f"{name.get(member_id, '')}さんは{starts}に当番ができません（{why}）。何も記録していません。")
    with reg.writing("当番の代わりの記録"):
        now = reg.now()
        reg.conn.execute("UPDATE roster_turns SET substitute_id = ?, note = ?, updated_at = ? WHERE id = ?",
                         [member_id, f"{name[member_id]}さんが代わりに", now, turn_id])
        reg.conn.execute("INSERT INTO roster_debts (roster_id, debtor_id, creditor_id, from_turn_id, created_at) "
                         "VALUES (?, ?, ?, ?, ?)", [data.id, original, member_id, turn_id, now])
        reg._audit_row("update", "roster_turns", turn_id,
                       f"当番表「{data.name}」の{starts}の当番を{name[member_id]}さんが{name[original]}さんの代わりにしました"
                       f"（{name[original]}さんが次の番を返します）")
        _settle_debts(reg, data.id)


def _settle_debts(reg: Register, roster_id: int) -> None:
    """Each open debt (B owes A) is given back on A's next open turn, done by B; a debt whose
    debtor can no longer take turns is cancelled."""
    data = _require_roster(reg, roster_id)
    open_debts = reg.conn.execute(
        "SELECT d.id, d.debtor_id, d.creditor_id, t.starts_on FROM roster_debts d JOIN roster_turns t ON t.id = d.from_turn_id "
        "WHERE d.roster_id = ? AND d.settled_turn_id IS NULL AND d.cancelled_on IS NULL ORDER BY d.id", [roster_id]).fetchall()
    if not open_debts:
        return
    pool = {m.id: m for m in _pool(reg, data)}
    names = _names(reg, data.unit, [d[1] for d in open_debts] + [d[2] for d in open_debts])
    today = reg.today().isoformat()
    for debt_id, debtor, creditor, since in open_debts:
        candidates = reg.conn.execute(
            "SELECT id, starts_on FROM roster_turns WHERE roster_id = ? AND member_id = ? AND substitute_id IS NULL "
            "AND status = '予定' AND starts_on > ? AND starts_on > ? ORDER BY seq", [roster_id, creditor, since, today]).fetchall()
        for turn_id, starts in candidates:
            member = pool.get(debtor)
            if member is None:
                break
            if member.why_not(starts):
                continue
            reg.conn.execute("UPDATE roster_turns SET substitute_id = ?, note = ? WHERE id = ?",
                             [debtor, f"交代の返し（{names.get(debtor, '')}さん）", turn_id])
            reg.conn.execute("UPDATE roster_debts SET settled_turn_id = ? WHERE id = ?", [turn_id, debt_id])
            break
        else:
            member = pool.get(debtor)
            if member is None or (member.why_not(today) and member.why_not(today).startswith("転出")):
                reg.conn.execute("UPDATE roster_debts SET cancelled_on = ? WHERE id = ?", [today, debt_id])


# -- counts ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberCount:
    member_id: int
    name: str
    block: str
    assigned: int  # turns given to them
    done: int  # turns they did (their own, or as a substitute), marked 済 or not yet marked
    missed: int
    stood_in: int  # turns they did for someone else
    owes: int  # turns they owe back
    eligible: bool
    why_not: str


@dataclass(frozen=True)
class Fairness:
    counts: list[MemberCount]
    spread: int  # max − min of assigned turns among the members eligible throughout the window
    start: str
    end: str


def fairness(reg: Register, roster_id: int, start: Any = None, end: Any = None) -> Fairness:
    """Turn counts per member over a window (default: everything given out), and the spread
    among those eligible throughout it — at most one by construction."""
    data = get_roster(reg, roster_id)
    first_last = reg.conn.execute("SELECT min(starts_on), max(ends_on) FROM roster_turns WHERE roster_id = ?",
                                  [roster_id]).fetchone()
    s = _day(start, "開始日").isoformat() if start else (first_last[0] or data.start.isoformat())
    e = _day(end, "終了日").isoformat() if end else (first_last[1] or data.start.isoformat())
    turns = reg.conn.execute(
        "SELECT member_id, substitute_id, status, starts_on FROM roster_turns WHERE roster_id = ? AND starts_on BETWEEN ? AND ?",
        [roster_id, s, e]).fetchall()
    owes: dict[int, int] = {}
    for (debtor,) in reg.conn.execute("SELECT debtor_id FROM roster_debts WHERE roster_id = ? AND settled_turn_id IS NULL "
                                      "AND cancelled_on IS NULL", [roster_id]):
        owes[debtor] = owes.get(debtor, 0) + 1
    assigned: dict[int, int] = {}
    done: dict[int, int] = {}
    missed: dict[int, int] = {}
    stood: dict[int, int] = {}
    today = reg.today().isoformat()
    for member, sub, status, starts in turns:
        assigned[member] = assigned.get(member, 0) + 1
        doer = sub if sub is not None else member
        if status == "欠":
            missed[doer] = missed.get(doer, 0) + 1
        elif starts <= today:  # turns still to come are assigned, not done
            done[doer] = done.get(doer, 0) + 1
        if sub is not None:
            stood[sub] = stood.get(sub, 0) + 1
    counts = []
    throughout = []
    for m in _pool(reg, data):
        why = m.why_not(today)
        if not any(a <= e and b >= s for a, b, _w in m.blocked):  # eligible all through the window
            throughout.append(assigned.get(m.id, 0))
        if why.startswith("転出") and not assigned.get(m.id):
            continue
        counts.append(MemberCount(m.id, m.name, m.block, assigned.get(m.id, 0), done.get(m.id, 0), missed.get(m.id, 0),
                                  stood.get(m.id, 0), owes.get(m.id, 0), not why, why))
    spread = max(throughout) - min(throughout) if throughout else 0
    return Fairness(counts, spread, s, e)


def member_history(reg: Register, roster_id: int, member_id: int) -> list[Turn]:
    """A member's turns (their own and those they stood in for), newest first."""
    return [t for t in reversed(list_turns(reg, roster_id)) if member_id in (t.member_id, t.substitute_id)]
