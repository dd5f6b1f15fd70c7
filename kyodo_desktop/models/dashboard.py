"""見える化: the figures of the home page's dashboard and of the 「活動のまとめ」 (Qt-free).

:func:`figures` gathers, for one 年度, with a few aggregate queries:

* the register "as of" a date (the 年度's end, or today while it runs), from the dated status
  history as :func:`stats.counts` does: the age pyramid by 10-year band and sex, households and
  member households by 班, and member households at the start of each of up to ten 年度 against
  the estimated households of the area (加入率; a 年度 without an estimate is a gap, not 0);
* activity in the 年度: events and participants per month and per event (named people who
  attended, or all when attendance was not recorded, plus the counts by band; cancelled events
  left out), participants and 担い手 (運営・講師, and volunteer profiles in force) by age band,
  new and returning participants per 年度 (a named person is new in the first 年度 they took part);
* officers' age bands and how long each role has been held; open local issues by stage.

A 班長 (``session.block_ids``) gets the register figures, the 担い手 and the new/returning
participants of their own 班; the events and their counts, officers and issues are the
association's, as the event list shows them to every reader.

:func:`charts` turns the figures into plain chart descriptions that the dashboard
(``ui/dashboard.py``) paints with Qt and the printed summary (``export/activity_summary.py``)
draws with reportlab, so the screen, the paper and the Excel sheet show the same numbers.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import fiscal_year as fiscal_year_of
from kyodo_desktop.models.japanese import fiscal_year_label, fiscal_year_range
from kyodo_desktop.models.register import Register

#: 10-year bands of the age pyramid, young → old
PYRAMID_BANDS = ("0〜9歳", "10〜19歳", "20〜29歳", "30〜39歳", "40〜49歳", "50〜59歳", "60〜69歳", "70〜79歳",
                 "80〜89歳", "90歳〜")
#: years the membership rate and the new/returning participants look back over (the 年度 included)
YEARS_BACK = 10
TOP_EVENTS = 10
#: more 班 than this are shown in the chart by the lowest 加入率 (all of them in the table and the sheet)
MAX_BLOCK_BARS = 12
OPEN_STAGES = tuple(s for s in schema.ISSUE_STAGES if s != "休止・終了")
#: the charts in the dashboard's order: side by side in pairs of about the same height
CHART_ORDER = ("pyramid", "blocks", "membership", "new_returning", "months", "events", "participants_by_band",
               "helpers_by_band", "officers", "tenure", "issues")


@dataclass
class Figures:
    """Everything the dashboard, the printed 「活動のまとめ」 and its Excel sheet show (plain data)."""

    association: str
    fiscal_year: int
    label: str  # 令和8年度
    start: str  # the 年度's first and last day (ISO)
    end: str
    as_of: str  # the register's numbers are as of this day: the 年度's end, or today while it runs
    scope: str  # "" for the whole association, else the 班 a 班長 sees (「1班」)
    years: list[int]  # 年度 that can be chosen, newest first
    households: int
    member_households: int
    persons: int
    age_65_plus: int
    age_75_plus: int
    age_unknown: int
    #: (band, men, women, sex not recorded), young → old; persons whose age is unknown are left out
    pyramid: list[tuple[str, int, int, int]]
    #: (班, households present, member households) as of ``as_of``, in 班 order
    blocks: list[tuple[str, int, int]]
    #: (年度, member households at its start, estimated area households or None, 加入率 % or None), oldest first
    membership: list[tuple[int, int, int | None, float | None]]
    #: (month label, events held, participants) in 年度 order
    months: list[tuple[str, int, int]]
    #: (ISO date, title, participants, helpers) of the events with most participants
    top_events: list[tuple[str, str, int, int]]
    participants_by_band: dict[str, int]  # 延べ: named + counted, schema.AGE_BANDS
    helpers_by_band: dict[str, int]  # 担い手, each person once
    #: (年度, new, returning) named participants, oldest first
    new_returning: list[tuple[int, int, int]]
    officers_by_band: dict[str, tuple[int, int]]  # band → (役員 other than 班長, 班長)
    #: (role, consecutive 年度 held by its holder up to this 年度, different holders in ten 年度)
    tenure: list[tuple[str, int, int]]
    issues: dict[str, int]  # stage → issues
    events_held: int = 0
    events_upcoming: int = 0
    events_cancelled: int = 0
    participants: int = 0  # 延べ人数 (named + counted)
    counted: int = 0  # of which counted without a name
    named_people: int = 0  # different named people who took part
    helpers: int = 0  # different 担い手
    volunteers: int = 0  # volunteer profiles in force in the 年度
    notes: list[str] = field(default_factory=list)

    @property
    def membership_rate(self) -> float | None:
        """加入率 at the start of this 年度 (None without an estimate of the area's households)."""
        for fy, _members, _area, rate in self.membership:
            if fy == self.fiscal_year:
                return rate
        return None

    @property
    def new_this_year(self) -> int:
        return next((new for fy, new, _ret in self.new_returning if fy == self.fiscal_year), 0)

    @property
    def open_issues(self) -> int:
        return sum(self.issues.get(s, 0) for s in OPEN_STAGES)


def _start_month(reg: Register) -> int:
    row = reg.conn.execute("SELECT fiscal_year_start_month FROM association LIMIT 1").fetchone()
    return int(row[0]) if row and row[0] else 4


def _legal_age_sql(birth: str, day_after: str) -> str:
    """SQL for the age (legal rule: a year is gained at the end of the day before the
    birthday) of ``birth`` on the day before ``day_after`` (ISO text expressions); a 29 February
    birthday counts from 1 March in common years, as :func:`japanese.age` has it."""
    return (f"(CAST(substr({day_after}, 1, 4) AS INTEGER) - CAST(substr({birth}, 1, 4) AS INTEGER)"
            f" - (substr({day_after}, 6, 5) < substr({birth}, 6, 5)))")


def _band_sql(age: str, birth: str) -> str:
    """SQL for :func:`activity.band_of` of an age expression."""
    return (f"CASE WHEN {birth} IS NULL OR {birth} = '' THEN '不明' WHEN {age} < 20 THEN '〜19歳' "
            f"WHEN {age} < 40 THEN '20〜39歳' WHEN {age} < 65 THEN '40〜64歳' WHEN {age} < 75 THEN '65〜74歳' "
            "ELSE '75歳〜' END")


def _band_of_age(years: int | None) -> str:
    if years is None:
        return "不明"
    return ("〜19歳" if years < 20 else "20〜39歳" if years < 40 else "40〜64歳" if years < 65
            else "65〜74歳" if years < 75 else "75歳〜")


def _age_on(birth: str | None, day_after: str) -> int | None:
    if not birth:
        return None
    return int(day_after[:4]) - int(birth[:4]) - (day_after[5:10] < birth[5:10])


def _fy_sql(column: str, start_month: int) -> str:
    """SQL for the 年度 of an ISO date(-time) column."""
    return f"(CAST(substr({column}, 1, 4) AS INTEGER) - (CAST(substr({column}, 6, 2) AS INTEGER) < {int(start_month)}))"


def figures(reg: Register, fiscal_year: int | None = None) -> Figures:
    """The dashboard's figures for ``fiscal_year`` (default: the current 年度)."""
    reg.session.require("register.read")
    month = _start_month(reg)
    today = reg.today()
    fy = fiscal_year_of(today, month) if fiscal_year is None else int(fiscal_year)
    start, end = fiscal_year_range(fy, month)
    as_of = max(start, min(today, end))
    conn = reg.conn
    assoc = conn.execute("SELECT name FROM association LIMIT 1").fetchone()
    blocks_only = reg.session.block_ids is not None
    visible, vparams = reg.session.block_filter_sql("h.block_id")
    scope = ""
    if blocks_only:
        scope = "・".join(r[0] for r in conn.execute(
            f"SELECT name FROM blocks b WHERE {visible.replace('h.block_id', 'b.id')} ORDER BY sort_order, id",
            vparams)) or "（班なし）"
    notes: list[str] = []

    # -- the register as of a date: households from their status history, in one pass --------------
    first_fy = fy - YEARS_BACK + 1
    year_starts = [fiscal_year_range(y, month)[0].isoformat() for y in range(first_fy, fy + 1)]
    dates = sorted({*year_starts, as_of.isoformat()})
    present = [0] * len(dates)
    members = [0] * len(dates)
    block_present: dict[int | None, int] = {}
    block_members: dict[int | None, int] = {}
    at = dates.index(as_of.isoformat())
    history = conn.execute(
        "SELECT s.household_id, s.since, s.status, h.block_id FROM household_status s "
        f"JOIN households h ON h.id = s.household_id WHERE {visible} ORDER BY s.household_id, s.id", vparams).fetchall()
    # one entry (most households): that status from its date on, added to every later date at once
    here: list[int] = []  # households present on the day
    start_present = [0] * (len(dates) + 1)
    start_members = [0] * (len(dates) + 1)
    n = len(history)
    i = 0
    while i < n:
        hid = history[i][0]
        j = i + 1
        while j < n and history[j][0] == hid:
            j += 1
        block = history[i][3]
        if j == i + 1:
            since, status = history[i][1], history[i][2]
            if status in schema.HOUSEHOLD_PRESENT:
                k = bisect.bisect_left(dates, since)
                member = status in schema.HOUSEHOLD_MEMBER
                start_present[k] += 1
                start_members[k] += member
                if k <= at:
                    block_present[block] = block_present.get(block, 0) + 1
                    block_members[block] = block_members.get(block, 0) + member
                    here.append(hid)
        else:
            entries = history[i:j]
            for x, d in enumerate(dates):
                status = None
                for e in reversed(entries):  # the latest recorded entry in effect on d
                    if e[1] <= d:
                        status = e[2]
                        break
                if status in schema.HOUSEHOLD_PRESENT:
                    member = status in schema.HOUSEHOLD_MEMBER
                    present[x] += 1
                    members[x] += member
                    if x == at:
                        block_present[block] = block_present.get(block, 0) + 1
                        block_members[block] = block_members.get(block, 0) + member
                        here.append(hid)
        i = j
    running_present = running_members = 0
    for x in range(len(dates)):
        running_present += start_present[x]
        running_members += start_members[x]
        present[x] += running_present
        members[x] += running_members
    blocks = [(name, block_present.get(bid, 0), block_members.get(bid, 0)) for bid, name in conn.execute(
        f"SELECT b.id, b.name FROM blocks b WHERE b.retired_on IS NULL AND {visible.replace('h.block_id', 'b.id')} "
        "ORDER BY b.sort_order, b.id", vparams)]

    area = dict(conn.execute("SELECT fiscal_year, households FROM area_households WHERE fiscal_year BETWEEN ? AND ?",
                             [first_fy, fy]))
    membership = []
    for y, day in zip(range(first_fy, fy + 1), year_starts, strict=True):
        m = members[dates.index(day)]
        est = None if blocks_only else area.get(y)
        rate = round(m / est * 100, 1) if est else None
        membership.append((y, m, est, rate))
    while membership and membership[0][1] == 0 and membership[0][2] is None and membership[0][0] != fy:
        membership.pop(0)  # before the register was kept
    if blocks_only:
        notes.append("区域内の世帯数は町会全体のものなので、班ごとの加入率は出していません。")

    # -- persons present as of the day, by age and sex (one aggregate) ----------------------------
    d = as_of.isoformat()
    d1 = (as_of + timedelta(days=1)).isoformat()
    age = _legal_age_sql("p.birth_date", ":d1")
    by_age = conn.execute(
        f"""
        WITH ps AS (SELECT person_id, status, household_id FROM person_status
                    WHERE id IN (SELECT max(id) FROM person_status WHERE since <= :d GROUP BY person_id))
        SELECT CASE WHEN p.birth_date IS NULL OR p.birth_date = '' THEN NULL ELSE {age} END AS age, p.sex, count(*)
        FROM ps JOIN persons p ON p.id = ps.person_id
        WHERE ps.status IN ({','.join(repr(s) for s in schema.PERSON_PRESENT)})
          AND coalesce(ps.household_id, p.household_id) IN (SELECT value FROM json_each(:here))
        GROUP BY 1, 2
        """, {"d": d, "d1": d1, "here": json.dumps(here)}).fetchall()  # (the visible households present on d)
    pyramid = {b: [0, 0, 0] for b in PYRAMID_BANDS}
    persons = age65 = age75 = unknown = 0
    for years, sex, count in by_age:
        persons += count
        if years is None:
            unknown += count
            continue
        band = PYRAMID_BANDS[min(max(years, 0) // 10, len(PYRAMID_BANDS) - 1)]
        pyramid[band][0 if sex == "男" else 1 if sex == "女" else 2] += count
        age65 += count if years >= 65 else 0
        age75 += count if years >= 75 else 0

    # -- events of the 年度 --------------------------------------------------------------------------
    s, e_, d_ = start.isoformat(), end.isoformat(), as_of.isoformat()
    per_event = conn.execute(
        """
        SELECT e.id, substr(e.starts_at, 1, 10), e.title, e.status,
               coalesce((SELECT count(*) FROM participations pa WHERE pa.event_id = e.id AND pa.attended IS NOT 0), 0),
               coalesce((SELECT count(*) FROM participations pa WHERE pa.event_id = e.id AND pa.attended IS NOT 0
                         AND pa.role IN ('運営', '講師')), 0),
               coalesce((SELECT sum(count) FROM event_band_counts b WHERE b.event_id = e.id), 0)
        FROM events e WHERE e.starts_at >= ? AND substr(e.starts_at, 1, 10) <= ?
        ORDER BY e.starts_at, e.id
        """, [s, e_]).fetchall()
    month_names = [(month - 1 + k) % 12 + 1 for k in range(12)]
    per_month = {m: [0, 0] for m in month_names}
    held = []
    upcoming = cancelled = 0
    total = counted = 0
    for _eid, day, title, status, named, helpers, count in per_event:
        if status == "中止":
            cancelled += 1
            continue
        if day > d_:
            upcoming += 1
            continue
        m = int(day[5:7])
        per_month[m][0] += 1
        per_month[m][1] += named + count
        total += named + count
        counted += count
        held.append((day, title, named + count, helpers))
    top = sorted(held, key=lambda r: (-r[2], r[0]))[:TOP_EVENTS]
    months = [(f"{m}月", per_month[m][0], per_month[m][1]) for m in month_names]

    held_where = "e.status != '中止' AND e.starts_at >= :s AND substr(e.starts_at, 1, 10) <= :a"
    params = {"s": s, "a": d_}
    by_band = dict.fromkeys(schema.AGE_BANDS, 0)
    band = _band_sql(_legal_age_sql("p.birth_date", "date(substr(e.starts_at, 1, 10), '+1 day')"), "p.birth_date")
    for b, n_ in conn.execute(
            f"SELECT {band}, count(*) FROM events e CROSS JOIN participations pa ON pa.event_id = e.id "
            f"CROSS JOIN persons p ON p.id = pa.person_id WHERE {held_where} AND pa.attended IS NOT 0 GROUP BY 1", params):
        by_band[b] += n_
    for b, n_ in conn.execute(
            f"SELECT c.band, sum(c.count) FROM events e JOIN event_band_counts c ON c.event_id = e.id "
            f"WHERE {held_where} GROUP BY c.band", params):
        by_band[b] += n_

    # -- named people: 担い手, new and returning (a 班長: their own 班) -------------------------------
    pvisible = _named(visible)
    pparams = {f"b{k}": v for k, v in enumerate(vparams)}
    helpers_born = dict(conn.execute(
        f"SELECT DISTINCT p.id, p.birth_date FROM events e CROSS JOIN participations pa ON pa.event_id = e.id "
        f"CROSS JOIN persons p ON p.id = pa.person_id CROSS JOIN households h ON h.id = p.household_id "
        f"WHERE {held_where} AND pa.attended IS NOT 0 AND pa.role IN ('運営', '講師') AND {pvisible}",
        {**params, **pparams}))
    volunteers = conn.execute(
        f"SELECT v.person_id, p.birth_date FROM volunteers v JOIN persons p ON p.id = v.person_id "
        f"JOIN households h ON h.id = p.household_id "
        f"WHERE v.valid_until >= :s AND substr(v.created_at, 1, 10) <= :a AND {pvisible}", {**params, **pparams}).fetchall()
    if volunteers:
        from kyodo_desktop.models.privacy import OutputRule

        consent = OutputRule(reg, "VOLUNTEER_PROFILE", as_of)
        volunteers = [(pid, birth) for pid, birth in volunteers if consent.consented(pid)]
    born = {**helpers_born, **dict(volunteers)}
    helpers_by_band = dict.fromkeys(schema.AGE_BANDS, 0)
    for birth in born.values():
        helpers_by_band[_band_of_age(_age_on(birth, d1))] += 1

    # (person, 年度) once each over every 年度 up to the day: a plain scan and a set are faster here
    # than SQLite's grouping of the joined rows (40,000 rows: ~15 ms against ~35 ms)
    event_fy = dict(conn.execute(
        f"SELECT e.id, {_fy_sql('e.starts_at', month)} FROM events e "
        "WHERE e.status != '中止' AND substr(e.starts_at, 1, 10) <= ?", [d_]))
    mine = "" if not blocks_only else (
        f" AND person_id IN (SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE {visible})")
    pairs = {(pid, event_fy[eid]) for pid, eid in conn.execute(
        f"SELECT person_id, event_id FROM participations WHERE attended IS NOT 0{mine}", vparams) if eid in event_fy}
    first: dict[int, int] = {}
    for pid, y in pairs:
        if y < first.get(pid, 10_000):
            first[pid] = y
    new_returning = {y: [0, 0] for y in range(first_fy, fy + 1)}
    for pid, y in pairs:
        if first_fy <= y <= fy:
            new_returning[y][0 if first[pid] == y else 1] += 1
    nr = [(y, v[0], v[1]) for y, v in new_returning.items()]
    while nr and nr[0][1] == nr[0][2] == 0 and nr[0][0] != fy:
        nr.pop(0)
    named_people = sum(new_returning[fy])

    # -- officers --------------------------------------------------------------------------------------
    officers = conn.execute(
        "SELECT o.role, o.person_id, p.birth_date, o.fiscal_year FROM officers o JOIN persons p ON p.id = o.person_id "
        "WHERE o.fiscal_year = ? OR (o.fiscal_year BETWEEN ? AND ? AND o.role != '班長') ORDER BY o.fiscal_year, o.id",
        [fy, fy - YEARS_BACK + 1, fy - 1]).fetchall()  # 班長 (one a 班 a year) only for this 年度's ages
    officer_bands: dict[str, list[int]] = {b: [0, 0] for b in schema.AGE_BANDS}
    seen: dict[int, bool] = {}  # person → is a 役員 other than 班長 this 年度
    for role, pid, _birth, y in officers:
        if y == fy:
            seen[pid] = seen.get(pid, False) or role != "班長"
    births = {pid: birth for _r, pid, birth, _y in officers}
    for pid, officer in seen.items():
        officer_bands[_band_of_age(_age_on(births[pid], d1))][0 if officer else 1] += 1
    held_by: dict[str, dict[int, set[int]]] = {}  # role → person → 年度
    for role, pid, _birth, y in officers:
        if role != "班長":  # 班長 rotate every year by 班
            held_by.setdefault(role, {}).setdefault(pid, set()).add(y)
    order = {r: k for k, r in enumerate(schema.OFFICER_ROLES)}
    tenure = []
    for role in sorted(held_by, key=lambda r: (order.get(r, 99), r)):
        now = [years for years in held_by[role].values() if fy in years]
        if not now:
            continue
        longest = 0
        for years in now:
            run = 0
            while fy - run in years:
                run += 1
            longest = max(longest, run)
        tenure.append((role, longest, len(held_by[role])))

    from kyodo_desktop.models.partners import issues_by_stage

    issues = issues_by_stage(reg)

    years = _years(reg, month, fiscal_year_of(today, month))
    if fy not in years:
        years = sorted({*years, fy}, reverse=True)
    if counted:
        notes.append(f"参加者には、名前を残さず人数だけ記録した{counted:,}人（延べ）を含みます。"
                     "初めて・続けての区別は名前のある人だけです。")
    return Figures(
        association=assoc[0] if assoc else "", fiscal_year=fy, label=fiscal_year_label(fy), start=s, end=e_,
        as_of=d_, scope=scope, years=years,
        households=present[at], member_households=members[at], persons=persons, age_65_plus=age65,
        age_75_plus=age75, age_unknown=unknown,
        pyramid=[(b, *pyramid[b]) for b in PYRAMID_BANDS], blocks=blocks, membership=membership, months=months,
        top_events=top, participants_by_band=by_band, helpers_by_band=helpers_by_band, new_returning=nr,
        officers_by_band={b: (v[0], v[1]) for b, v in officer_bands.items()}, tenure=tenure, issues=issues,
        events_held=len(held), events_upcoming=upcoming, events_cancelled=cancelled, participants=total,
        counted=counted, named_people=named_people, helpers=len(born), volunteers=len(volunteers), notes=notes,
    )


def _named(where: str) -> str:
    """A ``block_filter_sql`` fragment with named parameters (:b0, :b1 …) instead of ``?``."""
    k = 0
    out = []
    for ch in where:
        if ch == "?":
            out.append(f":b{k}")
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def _years(reg: Register, month: int, current: int) -> list[int]:
    """The 年度 worth choosing: those with events, area estimates or officers, and the current one."""
    found = {current}
    for (y,) in reg.conn.execute(f"SELECT DISTINCT {_fy_sql('starts_at', month)} FROM events"):
        found.add(int(y))
    found.update(int(r[0]) for r in reg.conn.execute("SELECT fiscal_year FROM area_households"))
    found.update(int(r[0]) for r in reg.conn.execute("SELECT DISTINCT fiscal_year FROM officers"))
    return sorted((y for y in found if y <= current), reverse=True)


# -- what the figures say in words and charts ---------------------------------------------------------


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def headlines(fig: Figures) -> list[tuple[str, str, str]]:
    """(key, label, value) of the headline numbers, in the order the summary prints them."""
    share65 = f"（{fig.age_65_plus / fig.persons:.0%}）" if fig.persons else ""
    rate = fig.membership_rate
    upcoming = f"（ほかに予定{fig.events_upcoming}回）" if fig.events_upcoming else ""
    return [
        ("households", "世帯数", f"{fig.households:,}世帯"),
        ("member_households", "加入世帯", f"{fig.member_households:,}世帯"),
        ("membership_rate", "加入率（年度初め）",
         "—" if fig.scope else percent(rate) if rate is not None else "未入力"),  # (a 班: the area is the association's)
        ("persons", "人数", f"{fig.persons:,}人"),
        ("age_65_plus", "65歳以上", f"{fig.age_65_plus:,}人{share65}"),
        ("events", f"行事{upcoming}", f"{fig.events_held:,}回"),
        ("participants", "参加者（延べ）", f"{fig.participants:,}人"),
        ("helpers", "担い手", f"{fig.helpers:,}人"),
        ("new", "初めて参加した人", f"{fig.new_this_year:,}人"),
        ("open_issues", "地域課題（取り組み中）", f"{fig.open_issues:,}件"),
    ]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # None: no figure (drawn as a gap with 「—」)


@dataclass(frozen=True)
class Chart:
    """A bar chart to draw: ``hbar`` (a bar per label, left to right), ``vbar`` (columns),
    ``pyramid`` (two series mirrored about the labels). Two series are drawn side by side, or
    one on the other with ``stacked``."""

    key: str
    title: str
    kind: str
    labels: list[str]  # a second line after "\n" (under a column)
    series: list[Series]
    unit: str = "人"
    stacked: bool = False
    note: str = ""

    def empty(self) -> bool:
        return not any(v for s in self.series for v in s.values if v)

    def text(self, value: float | None) -> str:
        """A value as printed beside its bar."""
        if value is None:
            return "—"
        if self.unit == "%":
            return f"{value:.0f}%"  # at a glance; the headline and the sheet give one decimal
        return f"{int(value):,}{self.unit}"


def _bands(counts: dict[str, int]) -> list[str]:
    """The age bands of a chart: 「不明」 only when someone is in it."""
    return [b for b in schema.AGE_BANDS if b != "不明" or counts.get(b)]


def _era_year(fy: int) -> str:
    """2026 → 「令和8」 (a column's label under a 年度)."""
    return fiscal_year_label(fy).removesuffix("年度")


def _short_date(iso: str) -> str:
    return f"{int(iso[5:7])}/{int(iso[8:10])}"


def charts(fig: Figures) -> list[Chart]:
    """The charts of the dashboard, in its order (the printed summary picks some by ``key``)."""
    scope = f"（{fig.scope}）" if fig.scope else ""
    out = []
    py = [r for r in reversed(fig.pyramid)]  # old at the top
    sexless = sum(r[3] for r in fig.pyramid)
    note = []
    if sexless:
        note.append(f"性別の記入がない{sexless:,}人")
    if fig.age_unknown:
        note.append(f"生年月日のない{fig.age_unknown:,}人")
    out.append(Chart("pyramid", f"年齢と男女{scope}", "pyramid", [r[0] for r in py],
                     [Series("男性", [r[1] for r in py]), Series("女性", [r[2] for r in py])],
                     note=("ほかに" + "・".join(note) + "（グラフには入っていません）") if note else ""))
    blocks = fig.blocks
    title = f"班ごとの世帯数{scope}"
    if len(blocks) > MAX_BLOCK_BARS:
        blocks = sorted(blocks, key=lambda b: (b[2] / b[1] if b[1] else 1.0, b[0]))[:MAX_BLOCK_BARS]
        title = f"加入率の低い{MAX_BLOCK_BARS}班（全{len(fig.blocks)}班）{scope}"
    out.append(Chart("blocks", title, "hbar", [b[0] for b in blocks],
                     [Series("世帯", [b[1] for b in blocks]), Series("加入世帯", [b[2] for b in blocks])], unit="世帯"))
    if fig.scope:  # the area's households are the association's: a 班 sees its member households
        out.append(Chart("membership", f"加入世帯の移り変わり（年度初め）{scope}", "vbar",
                         [_era_year(y) for y, _m, _a, _r in fig.membership],
                         [Series("加入世帯", [m for _y, m, _a, _r in fig.membership])], unit="世帯",
                         note=fig.notes[0] if fig.notes else ""))
    else:
        gaps = any(r is None for *_x, r in fig.membership)
        out.append(Chart("membership", "加入率の移り変わり（年度初め）", "vbar",
                         [f"{_era_year(y)}\n{m:,}" for y, m, _a, _r in fig.membership],
                         [Series("加入率", [r for _y, _m, _a, r in fig.membership])], unit="%",
                         note=("「—」は区域内の世帯数が未入力の年度です（「行事」→「地域課題」の「区域内の世帯数」で年度ごとに入力）。" if gaps else "")
                         + "下の数字は年度初めの加入世帯数です。"))
    first = date.fromisoformat(fig.start)
    later = [date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1).isoformat() > fig.as_of
             for k in range(len(fig.months))]  # months still to come: no figure yet
    out.append(Chart("months", f"月ごとの参加者（{fig.label}）", "vbar",
                     [f"{m}\n{'' if gone else f'{n}回'}" for (m, n, _p), gone in zip(fig.months, later, strict=True)],
                     [Series("参加者", [None if gone else p for (_m, _n, p), gone in zip(fig.months, later, strict=True)])],
                     note="下の数字はその月の行事の回数。参加者は延べ人数です。"))
    out.append(Chart("events", f"参加者の多かった行事（{fig.label}）", "hbar",
                     [f"{_short_date(d)} {t}" for d, t, _p, _h in fig.top_events],
                     [Series("参加者", [p for _d, _t, p, _h in fig.top_events])]))
    bands = _bands(fig.participants_by_band)
    out.append(Chart("participants_by_band", f"年代別の参加者（延べ・{fig.label}）", "hbar", bands,
                     [Series("参加者", [fig.participants_by_band[b] for b in bands])]))
    bands = _bands(fig.helpers_by_band)
    out.append(Chart("helpers_by_band", f"年代別の担い手（{fig.label}）{scope}", "hbar", bands,
                     [Series("担い手", [fig.helpers_by_band[b] for b in bands])],
                     note="担い手: 行事の運営・講師をした人と、担い手（ボランティア）に登録している人。"))
    out.append(Chart("new_returning", f"初めて・続けて参加した人{scope}", "vbar",
                     [_era_year(y) for y, _n, _r in fig.new_returning],
                     [Series("初めて", [n for _y, n, _r in fig.new_returning]),
                      Series("続けて", [r for _y, _n, r in fig.new_returning])], stacked=True,
                     note="名前を記録した参加者（同意のある人）を、年度ごとに1人1回として数えています。"))
    bands = [b for b in _bands({b: sum(v) for b, v in fig.officers_by_band.items()})
             if b != "〜19歳" or any(fig.officers_by_band[b])]
    out.append(Chart("officers", f"役員の年代（{fig.label}）", "hbar", bands,
                     [Series("役員", [fig.officers_by_band[b][0] for b in bands]),
                      Series("班長", [fig.officers_by_band[b][1] for b in bands])]))
    out.append(Chart("tenure", "役職を続けている年数", "hbar",
                     [f"{role}（10年で{holders}人）" for role, _y, holders in fig.tenure],
                     [Series("年数", [y for _r, y, _h in fig.tenure])], unit="年"))
    closed = fig.issues.get("休止・終了", 0)
    out.append(Chart("issues", "取り組み中の地域課題", "hbar", list(OPEN_STAGES),
                     [Series("件数", [fig.issues.get(st, 0) for st in OPEN_STAGES])], unit="件",
                     note=f"休止・終了した課題: {closed}件" if closed else ""))
    by_key = {c.key: c for c in out}
    return [by_key[k] for k in CHART_ORDER]
