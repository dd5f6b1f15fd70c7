"""A generator of realistic demo associations (Qt-free), deterministic for a given seed.

:func:`populate_demo` fills an empty, migrated register: 班 of 8–25 households, households of
1–6 people in an ageing town (about a third of the people are 65 or older), readings in
full-width katakana, phones and some e-mail addresses, a dated status history for every
household and person, the officers of the current fiscal year and one audit row.

Then ten 年度 of activity (DOMAIN.md §5), built from who lived where and when: about sixty events
a year (総会, monthly 役員会, 清掃, 防災訓練, 祭り, 敬老会, 子ども会, サロン, スマホ教室 …), held in
the past, planned for the rest of this 年度, a few called off; participation in proportion to
the town (≈ 8 named participations per household over ten years) with the skew of a real town
(the old at 敬老会 and 総会, children at 子ども会, a core of 担い手 running things), people
without consent to a personal log counted by age band only, guests from outside counted too;
consent (ACTIVITY_LOG) for most households; 担い手 profiles (with VOLUNTEER_PROFILE consent) for
3–5 % of adults; ten years of officers (a 会長 of six years, 班長 in 回覧順); partners with their
agreements, local issues in マッチ箱 stages with requests to the city, and the area's households
per 年度. This part draws from its own ``Random``, so the register part of a seed is unchanged.

Then the 当番表 (DOMAIN.md §3.4) of this 年度, made with the roster model's own functions (so the
turns are exactly the ones the model gives): a ごみステーション for every 2–3 班 with its users in
回覧順, each with a weekly Monday–Friday ごみ当番 (holidays kept, 年末年始 skipped, households of
only 75+ people exempt); a Friday-night 防犯パトロール of two households over the first few 班
(holidays and the 秋祭り 宵宮 skipped); exemptions recorded with their reasons (要介護・障害, 長期不在,
役員); turns from the start of the 年度 to its end, those already over marked 済 (a few 欠); a
stand-in paid back and two swaps. Again with its own ``Random``.

Then 防災 (DOMAIN.md §1.2-E, §3.2, §3.3, §5.6), each part with its own ``Random``: consent to the
連絡網 (RENRAKUMOU) from about 85 % of the households and to sharing with the 自主防災組織 and 民生委員
(BOSAI_SHARE) from about 70 % — every 班長 among them, so each 班's phone tree starts with a name and
a number; 緊急連絡先 (a child or parent living elsewhere, with a mobile or a landline of where they
live) for about half the households; the city's 避難行動要支援者名簿 as received in June under its
協定 (about 2 % of the people, linked to the register, most agreeing to be shared, many with one or
two neighbours as 地域支援者) and a few the 町会 recorded itself; about a dozen 資機材 (some due for a
check, one thrown away); a 集合場所 for every one to three 班, the school's 体育館 and a 福祉避難所; last
年度's and this 年度's 自主防災 organisation; and the last two 町内防災訓練 of the activity part as
safety checks with results for about 90 % of the people (most within half an hour).

Then the books (DOMAIN.md §0, §1.2-B; :mod:`kyodo_desktop.models.demo_accounts`, with its own
``Random``): last 年度 kept and closed with its 繰越金 carried over, this 年度 open up to ``today``;
dues in 上期・下期 by category assigned to the member households, collected per 班 by its 班長 with
receipt numbers, a handful in arrears; each hand-over posted to the cash book; a year of 市補助金,
夏祭り, the 校下 levies, 防犯灯 電気料, 敬老, 防災 and the rest, never below zero; budgets near the
actuals.

Everything random comes from ``random.Random(seed)`` (uids included; the activity part has its
own, derived from the seed), and every timestamp is derived from ``today`` (never earlier than
the association's ``created_at``): the same seed and ``today`` on the same empty register give
identical rows in every table. Rows are built as tuples and written with ``executemany`` in one
transaction: 5,000 households (~11,700 people, ~550 events, ~41,000 participations, ~140 rosters
with ~7,600 turns, ~2,500 緊急連絡先, ~19,000 results of the two drills) take about 1.3 s on a 2-core
machine in an encrypted register (0.5 s of it the activity part, 0.4 s the rosters, most of that the
model giving out the turns, 0.15 s 防災), and the books (~17,600 dues payments, ~2,600 cash-book
entries over two 年度) add about 0.5 s, most of it SQLite writing the payments.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from typing import Any

import jaconv
import sqlite_utils

from kyodo_desktop.models import demo_names as names
from kyodo_desktop.models.demo_accounts import AccountsCounts, make_accounts
from kyodo_desktop.models.demo_accounts import describe as describe_accounts
from kyodo_desktop.models.households import person_index_fields
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label, fiscal_year_range
from kyodo_desktop.models.register import RegisterError, default_purpose

PROGRESS_EVERY = 500
_YEAR = 365.2425


@dataclass
class DemoSummary:
    households: int
    persons: int
    blocks: int
    seconds: float
    events: int = 0
    participations: int = 0
    stations: int = 0
    rosters: int = 0
    turns: int = 0
    contacts: int = 0  # 緊急連絡先
    support: int = 0  # 避難行動要支援者 (the city's list and the 町会's own)
    safety_results: int = 0  # results of the past drills
    dues_payments: int = 0  # the books: last 年度 (closed) and this 年度
    ledger_entries: int = 0


# -- small helpers over one Random ------------------------------------------------------------


class _Weighted:
    """Weighted choice with a precomputed cumulative table (faster than ``Random.choices``)."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


_SURNAMES = _Weighted([(s, k) for s, k, _ in names.SURNAMES], [w for *_, w in names.SURNAMES])

# Household kinds and their shares (per cent of ordinary households).
_KINDS = _Weighted(
    ["single_old", "single", "old_couple", "couple", "family", "single_parent",
     "three_gen", "three_gen_old", "with_parent", "with_adult_child", "siblings", "sharing"],
    [19, 12, 19, 8, 23, 4, 6, 3, 5, 4, 1, 0.6],
)
_N_KIDS = _Weighted([1, 2, 3, 4], [35, 45, 17, 3])
_ROMAJI_RE = re.compile(r"[^a-z]")


def _tri(rng: random.Random, low: float, high: float, mode: float) -> int:
    return int(rng.triangular(low, high + 1, mode))


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def _uid(rng: random.Random) -> str:
    """``uuid.UUID(int=rng.getrandbits(128), version=4).hex``, without building the object."""
    return f"{(rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET:032x}"


class _Person:
    __slots__ = (
        "relation", "sex", "age", "same_name", "birth", "family", "fkana", "given", "gkana",
        "status", "status_since", "reason", "mobile", "email", "id",
    )

    def __init__(self, relation: str, sex: str, age: int, same_name: bool = True) -> None:
        self.relation = relation
        self.sex = sex
        self.age = max(0, min(age, 104))
        self.same_name = same_name
        self.status = "在籍"
        self.status_since = 0  # ordinal of the last status change
        self.reason = ""
        self.mobile = ""
        self.email = ""


def _spouse_age(rng: random.Random, husband_age: int) -> int:
    """Age of a wife given her husband's (husbands are on average ~2–3 years older)."""
    return husband_age - max(-4, min(12, round(rng.gauss(2.5, 3))))


def _children(rng: random.Random, mother_age: int, slots: int) -> tuple[list[_Person], list[_Person]]:
    """Children living at home, and grown children recorded as having moved out (転出)."""
    home: list[_Person] = []
    gone: list[_Person] = []
    n = _N_KIDS.pick(rng)
    at = _tri(rng, 22, 38, 29)
    for _ in range(n):
        if at > 45:
            break
        age = mother_age - at
        at += rng.randint(1, 5)
        if age < 0:
            continue
        stays = 1.0 if age < 18 else 0.75 if age < 23 else 0.35 if age < 30 else 0.1
        child = _Person("子", rng.choice("男女"), age)
        if rng.random() < stays:
            home.append(child)
        elif rng.random() < 0.08:
            gone.append(child)
    home = home[:slots]
    return home, gone[: max(0, slots - len(home))]


def _members(rng: random.Random, kind: str) -> tuple[list[_Person], list[_Person]]:
    """(members in 住民票 order, grown children who moved out) for one household kind."""
    P = _Person
    if kind == "single_old":
        return [P("世帯主", "女" if rng.random() < 0.7 else "男", _tri(rng, 65, 98, 77))], []
    if kind == "single":
        return [P("世帯主", "男" if rng.random() < 0.58 else "女", _tri(rng, 19, 64, 27))], []
    if kind == "old_couple":
        h = _tri(rng, 65, 94, 74)
        wife = max(58, _spouse_age(rng, h))
        return [P("世帯主", "男", h), P("妻", "女", wife)], []
    if kind == "couple":
        h = _tri(rng, 24, 40, 30) if rng.random() < 0.5 else _tri(rng, 45, 64, 56)
        return [P("世帯主", "男", h), P("妻", "女", max(20, _spouse_age(rng, h)))], []
    if kind == "family":
        m = _tri(rng, 25, 56, 39)
        h = max(m - 6, m + max(-4, min(12, round(rng.gauss(2.5, 3)))))
        kids, gone = _children(rng, m, 4)
        if rng.random() < 0.08:  # a few wives head the household
            return [P("世帯主", "女", m), P("夫", "男", h), *kids], gone
        return [P("世帯主", "男", h), P("妻", "女", m), *kids], gone
    if kind == "single_parent":
        sex = "女" if rng.random() < 0.85 else "男"
        a = _tri(rng, 26, 56, 40)
        kids, gone = _children(rng, a, 4)
        if not kids:
            kids = [P("子", rng.choice("男女"), rng.randint(0, min(17, a - 22)))]
        return [P("世帯主", sex, a), *kids], gone
    if kind == "three_gen":
        m = _tri(rng, 32, 58, 44)
        h = m + max(-4, min(12, round(rng.gauss(2.5, 3))))
        parents = []
        if rng.random() < 0.55:
            parents.append(P("父", "男", h + rng.randint(25, 36)))
        if not parents or rng.random() < 0.9:
            parents.append(P("母", "女", h + rng.randint(23, 34)))
        parents = [p for p in parents if p.age <= 102] or [P("母", "女", min(99, h + 24))]
        kids, gone = _children(rng, m, 6 - 2 - len(parents))
        return [P("世帯主", "男", h), P("妻", "女", m), *kids, *parents], gone
    if kind == "three_gen_old":
        h = _tri(rng, 60, 86, 70)
        members = [P("世帯主", "男", h)]
        w = _spouse_age(rng, h)
        if rng.random() < 0.8:
            members.append(P("妻", "女", w))
        son = max(24, w - _tri(rng, 23, 36, 29))
        dil = max(22, _spouse_age(rng, son))
        members += [P("子", "男", son), P("子の配偶者", "女", dil)]
        grand, _ = _children(rng, dil, 6 - len(members))
        for g in grand:
            g.relation = "孫"
        return members + grand, []
    if kind == "with_parent":
        h = _tri(rng, 42, 70, 56)
        sex = "男" if rng.random() < 0.6 else "女"
        members = [P("世帯主", sex, h)]
        if rng.random() < 0.5:
            members.append(P("妻", "女", _spouse_age(rng, h)) if sex == "男" else P("夫", "男", h + 2))
        parent_age = min(102, h + rng.randint(24, 38))
        members.append(P("母", "女", parent_age) if rng.random() < 0.8 else P("父", "男", parent_age))
        return members, []
    if kind == "with_adult_child":
        h = _tri(rng, 58, 90, 72)
        members = [P("世帯主", "男", h)]
        base = h
        if rng.random() < 0.6:
            base = max(50, _spouse_age(rng, h))
            members.append(P("妻", "女", base))
        members.append(P("子", rng.choice("男女"), max(22, base - _tri(rng, 24, 36, 29))))
        return members, []
    if kind == "siblings":
        h = _tri(rng, 55, 90, 72)
        return [P("世帯主", rng.choice("男女"), h), P("兄弟姉妹", rng.choice("男女"), h + rng.randint(-6, 6))], []
    # sharing: two unrelated young adults
    return [P("世帯主", rng.choice("男女"), _tri(rng, 19, 34, 24)),
            P("同居人", rng.choice("男女"), _tri(rng, 19, 34, 24), same_name=False)], []


class _Addresses:
    """Walks the towns' 丁目・番・号 in order, so neighbours end up in the same 班."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.town = 0
        self.chome = 1
        self.ban = 1
        self.go = 0
        self.cycle = 0
        self.go_limit = rng.randint(12, 26)
        self.ban_limit = rng.randint(18, 32)
        self.buildings: list[str] = []
        self.building_round = 0
        self.apartment: list | None = None  # [name, town, postal, number, rooms, next index]

    def house(self) -> tuple[str, str, str]:
        """(town, postal code, 番地 text) of the next house or building plot."""
        rng = self.rng
        self.go += rng.randint(1, 3)
        if self.go > self.go_limit:
            self.ban += 1
            self.go = rng.randint(1, 3)
            self.go_limit = rng.randint(12, 26)
            if self.ban > self.ban_limit:
                self.chome += 1
                self.ban = 1
                self.ban_limit = rng.randint(18, 32)
                if self.chome > names.TOWNS[self.town][2]:
                    self.chome = 1
                    self.town += 1
                    if self.town == len(names.TOWNS):
                        self.town = 0
                        self.cycle += 1
        town, postal, _ = names.TOWNS[self.town]
        ban = self.ban + 40 * self.cycle
        r = rng.random()
        if r < 0.05:
            number = f"{self.chome}丁目{ban}番地"
        elif r < 0.12:
            number = f"{self.chome}丁目{ban}番{self.go}号"
        else:
            number = f"{self.chome}丁目{ban}-{self.go}"
        return town, postal, number

    def _building_name(self) -> str:
        if not self.buildings:
            self.buildings = [s.format(p) for s in names.BUILDING_STYLES for p in names.BUILDING_PLACES]
            self.rng.shuffle(self.buildings)
            self.building_round += 1
        name = self.buildings.pop()
        return name if self.building_round == 1 else f"第{self.building_round}{name}"

    def flat(self) -> tuple[str, str, str, str]:
        """(town, postal code, 番地, building and room) of the next free flat."""
        rng = self.rng
        apt = self.apartment
        if apt is None or apt[5] >= len(apt[4]):
            town, postal, number = self.house()
            floors = rng.randint(2, 4)
            per_floor = rng.randint(2, 6)
            rooms = [f"{f}{r:02d}" for f in range(1, floors + 1) for r in range(1, per_floor + 1)]
            apt = self.apartment = [self._building_name(), town, postal, number, rooms, 0]
        while True:
            room = apt[4][apt[5]]
            apt[5] += 1
            if apt[5] >= len(apt[4]) or rng.random() > 0.15:  # some rooms stand empty
                break
        return apt[1], apt[2], apt[3], f"{apt[0]} {room}"


def _block_sizes(rng: random.Random, n: int) -> list[int]:
    sizes: list[int] = []
    left = n
    while left > 25:
        s = min(_tri(rng, 8, 25, 14), left - 8)
        sizes.append(s)
        left -= s
    if left:
        sizes.append(left)
    return sizes


# -- the generator ----------------------------------------------------------------------------


def populate_demo(
    db: sqlite_utils.Database,
    *,
    households: int = 300,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    actor: str = "デモ",
) -> DemoSummary:
    """Fill an empty, migrated register with a demo association of ``households`` households.

    Deterministic: the same ``seed`` and ``today`` give identical rows. Raises
    :class:`RegisterError` if the register already holds households, persons or 班.
    """
    # Hundreds of thousands of tuples and strings, none in a cycle: the cyclic collector's passes
    # over them are ~7 % of the time (5,000 households). It is switched back on afterwards.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _populate_demo(db, households=households, seed=seed, today=today, progress=progress, actor=actor)
    finally:
        if enabled:
            gc.enable()


def _populate_demo(
    db: sqlite_utils.Database, *, households: int, seed: int, today: date | None,
    progress: Callable[[int, int], None] | None, actor: str,
) -> DemoSummary:
    started = time.perf_counter()
    if households < 1:
        raise ValueError("households must be at least 1")
    conn = db.conn
    for table in ("households", "persons", "blocks"):
        if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            raise RegisterError(
                "この台帳にはすでにデータがあります。デモデータは空の台帳にだけ作成できます。"
            )
    assoc = conn.execute(
        "SELECT name, district, address, postal_code, default_area_code, purpose_of_use,"
        " fiscal_year_start_month, created_at FROM association WHERE id = 1"
    ).fetchone()
    if assoc is None:
        raise RegisterError("台帳に町会の情報がありません。")
    if today is None:
        now = datetime.now().replace(microsecond=0)
        today = now.date()
    else:
        # Derived from ``today`` (not the clock) so that the rows are reproducible, but never
        # before the register was created.
        now = datetime.combine(today, dtime(9, 0))
        with contextlib.suppress(TypeError, ValueError):
            now = max(now, datetime.fromisoformat(assoc[7]).replace(microsecond=0, tzinfo=None))
    stamp = now.isoformat()
    rng = random.Random(seed)
    today_ord = today.toordinal()
    two_years = 730
    iso_cache: dict[int, str] = {}

    def iso(ordinal: int) -> str:
        s = iso_cache.get(ordinal)
        if s is None:
            s = iso_cache[ordinal] = date.fromordinal(ordinal).isoformat()
        return s

    def years_after(ordinal: int, years: float) -> int:
        return ordinal + int(years * _YEAR)

    given_tables = [
        (first, last, _Weighted(list(m), [1] * len(m)), _Weighted(list(f), [1] * len(f)))
        for first, last, m, f in names.GIVEN_NAMES
    ]

    def given_name(birth_year: int, sex: str) -> tuple[str, str]:
        for first, last, male, female in given_tables:
            if first <= birth_year <= last:
                return (male if sex == "男" else female).pick(rng)
        return (given_tables[0][2] if sex == "男" else given_tables[0][3]).pick(rng)

    romaji_cache: dict[str, str] = {}

    def romaji(kana: str) -> str:
        r = romaji_cache.get(kana)
        if r is None:
            r = romaji_cache[kana] = _ROMAJI_RE.sub("", jaconv.kata2alphabet(kana).lower())
        return r

    def phone(prefix: str, mid: int) -> str:
        return f"{prefix}-{rng.randrange(10 ** (mid - 1), 10**mid)}-{rng.randrange(10000):04d}"

    index_cache: dict[tuple[str, str, str, str], tuple[str, str]] = {}

    block_sizes = _block_sizes(rng, households)
    addresses = _Addresses(rng)
    hh_rows: list[tuple] = []
    hs_rows: list[tuple] = []
    p_rows: list[tuple] = []
    ps_rows: list[tuple] = []
    block_rows: list[tuple] = []
    # per household: (id, 班 number, status, head person, is a business)
    hh_info: list[tuple[int, int, str, _Person, bool]] = []
    # for the activity part: every person (id, household, birth, on the register from, left or
    # _NEVER, relation) and every household's membership (by day ordinals)
    who: list[tuple[int, int, int, int, int, str]] = []
    homes: list[_Home] = []
    person_id = 0
    household_id = 0
    earliest_join = date(1965, 4, 1).toordinal()

    for block_no, size in enumerate(block_sizes, start=1):
        for order in range(1, size + 1):
            household_id += 1
            hid = household_id
            uid = _uid(rng)
            r = rng.random()
            status = "加入" if r < 0.90 else "非加入" if r < 0.95 else ""
            gone_kind = ""
            if not status:
                r = rng.random()
                gone_kind = status = "転出" if r < 0.55 else "退会" if r < 0.8 else "死亡"
            business = status != "死亡" and rng.random() < 0.015
            if business:
                kind = "business"
                members = [_Person("世帯主", "男" if rng.random() < 0.75 else "女", _tri(rng, 38, 78, 58))]
                moved_out: list[_Person] = []
            else:
                kind = "single_old" if status == "死亡" else _KINDS.pick(rng)
                members, moved_out = _members(rng, kind)
            head = members[0]
            head_age = head.age

            # where they live
            wants_flat = {
                "single": 0.6, "couple": 0.45 if head_age < 40 else 0.1, "sharing": 0.9,
                "family": 0.25 if head_age < 40 else 0.05, "single_parent": 0.4,
                "single_old": 0.08, "business": 0.0,
            }.get(kind, 0.04)
            if status == "非加入" and not business:
                wants_flat = max(wants_flat, 0.6)
            if rng.random() < wants_flat:
                town, postal, number, building = addresses.flat()
                dwelling = "集合住宅"
            else:
                town, postal, number = addresses.house()
                building = ""
                dwelling = "戸建"
            family, fkana = _SURNAMES.pick(rng)
            if business:
                dwelling = "事業所"
                building = family + rng.choice(names.BUSINESS_KINDS)

            # birth dates (as of the day they left, for households that left), then when the
            # household came (joined / moved in)
            leave = today_ord - rng.randint(1, two_years) if gone_kind else 0
            if gone_kind:
                moved_out = []
            everyone = members + moved_out
            base_ord = leave or today_ord
            for p in everyone:
                p.birth = base_ord - int((p.age + rng.random()) * _YEAR)
            adult_from = max(years_after(p.birth, 20) for p in members if p.relation in ("世帯主", "妻", "夫"))
            last_join = leave - 60 if gone_kind else today_ord - 30
            first_join = max(earliest_join, min(adult_from, last_join))
            if dwelling == "集合住宅":  # tenants come and go
                first_join = max(first_join, today_ord - int(12 * _YEAR))
            join = rng.randint(min(first_join, last_join), last_join)

            # names, phones
            seen: set[str] = set()
            for p in everyone:
                if p.same_name:
                    p.family, p.fkana = family, fkana
                else:
                    p.family, p.fkana = _SURNAMES.pick(rng)
                year = date.fromordinal(p.birth).year
                p.given, p.gkana = given_name(year, p.sex)
                while p.given in seen:  # no two children called the same
                    p.given, p.gkana = given_name(year, p.sex)
                seen.add(p.given)
                a = p.age
                m = 0.0 if a < 13 else 0.4 if a < 18 else 0.75 if a < 60 else 0.55 if a < 75 else 0.25
                if rng.random() < m:
                    p.mobile = phone(rng.choice(names.MOBILE_PREFIXES), 4)
                e = 0.15 if 20 <= a < 70 else 0.04 if a >= 70 else 0.0
                if rng.random() < e:
                    p.email = (
                        f"{romaji(p.gkana)}.{romaji(p.fkana)}{rng.randint(1, 99)}"
                        f"@{rng.choice(names.EMAIL_DOMAINS)}"
                    )
            landline_p = (
                1.0 if business else 0.25 if dwelling == "集合住宅" else 0.95 if head_age >= 60 else 0.7
            )
            landline = ""
            if rng.random() < landline_p:
                landline = f"076-2{rng.randrange(100):02d}-{rng.randrange(10000):04d}"

            # household status history
            recorded = (stamp, actor)
            if status == "非加入":
                hs_rows.append((hid, "非加入", iso(join), "転入（未加入）", *recorded))
                since = join
                member_from = _NEVER
            elif status == "加入" and join < today_ord - 400 and rng.random() < 0.05:
                later = rng.randint(join + 30, today_ord - 30)  # joined some time after moving in
                hs_rows.append((hid, "非加入", iso(join), "転入（未加入）", *recorded))
                hs_rows.append((hid, "加入", iso(later), "入会", *recorded))
                since = member_from = later
            else:
                hs_rows.append((hid, "加入", iso(join), "入会", *recorded))
                since = member_from = join
            if gone_kind:
                reason = {"転出": "転居", "退会": "退会届", "死亡": "世帯主の死亡"}[gone_kind]
                hs_rows.append((hid, gone_kind, iso(leave), reason, *recorded))
                since = leave

            # person statuses: 在籍 from birth or moving in; then, for a few, 転出 or 死亡
            if gone_kind == "転出":
                for p in members:
                    p.status, p.reason = "転出", "世帯の転出"
            elif gone_kind == "死亡":
                for p in members:
                    p.status = "死亡"
            elif not gone_kind:
                for p in members[1:]:
                    if p.relation in ("妻", "夫", "父", "母") and p.age >= 70 and rng.random() < 0.05:
                        p.status = "死亡"
                for p in moved_out:
                    p.status, p.reason = "転出", "転居（進学・就職）"
            head_id = 0
            for position, p in enumerate(everyone):
                person_id += 1
                p.id = person_id
                if position == 0:
                    head_id = person_id
                enrolled = max(p.birth, join)
                p.status_since = enrolled
                came = "出生" if p.birth > join else "転入"
                ps_rows.append((person_id, "在籍", iso(enrolled), came, hid, *recorded))
                if p.status != "在籍":
                    if gone_kind:
                        changed = leave
                    else:
                        low = max(enrolled + 30, today_ord - two_years)
                        if p.status == "転出":
                            low = max(low, years_after(p.birth, 18))
                        changed = rng.randint(min(low, today_ord - 1), today_ord - 1)
                    p.status_since = changed
                    ps_rows.append((person_id, p.status, iso(changed), p.reason, hid, *recorded))
                who.append((person_id, hid, p.birth, enrolled,
                             _NEVER if p.status == "在籍" else p.status_since, p.relation))
                key = (p.family, p.given, p.fkana, p.gkana)
                idx = index_cache.get(key)
                if idx is None:
                    f = person_index_fields(*key)
                    idx = index_cache[key] = (f["sort_key"], f["search_text"])
                p_rows.append((
                    person_id, _uid(rng), hid, p.family, p.given, p.fkana, p.gkana, p.relation,
                    iso(p.birth), p.sex, p.mobile, p.email, "", position, p.status,
                    iso(p.status_since), idx[0], idx[1], stamp, stamp,
                ))

            # membership details
            member_type, dues = "正会員", "一般"
            if business:
                member_type, dues = "賛助会員", "事業所"
            elif kind == "single_old" and head_age >= 85:
                r = rng.random()
                dues = "減免" if r < 0.2 else "免除" if r < 0.25 else "一般"
            elif kind == "single_parent" and rng.random() < 0.2:
                dues = "減免"
            notes = rng.choice(names.HOUSEHOLD_NOTES) if rng.random() < 0.03 else ""
            hh_rows.append((
                hid, uid, block_no, order, head_id, postal, town, number, building, dwelling,
                landline, member_type, dues, status, iso(since), notes, stamp, stamp,
            ))
            hh_info.append((hid, block_no, status, head, business))
            homes.append(_Home(hid, block_no, member_from, leave or _NEVER, business, head_id,
                               [p.id for p in everyone]))
            if progress is not None and hid % PROGRESS_EVERY == 0 and hid < households:
                progress(hid, households)

    # 班 and their leaders (班長): the head of one member household of the 班
    leaders: dict[int, int] = {}
    by_block: dict[int, list[tuple[int, int, str, _Person, bool]]] = {}
    for info in hh_info:
        by_block.setdefault(info[1], []).append(info)
    for block_no in range(1, len(block_sizes) + 1):
        infos = by_block.get(block_no, [])
        candidates = [
            i[3].id for i in infos
            if i[2] == "加入" and not i[4] and i[3].status == "在籍" and 25 <= i[3].age <= 85
        ] or [i[3].id for i in infos if i[2] in ("加入", "非加入") and i[3].status == "在籍"]
        leader = rng.choice(candidates) if candidates else None
        if leader is not None:
            leaders[block_no] = leader
        block_rows.append((block_no, f"{block_no}班", block_no, leader, "", None, stamp, stamp))

    # officers of the current fiscal year
    start_month = assoc[6] or 4
    fy = fiscal_year(today, start_month)
    fy_start = fiscal_year_range(fy, start_month)[0].isoformat()
    leader_ids = set(leaders.values())
    pool = [
        i[3].id for i in hh_info
        if i[2] == "加入" and not i[4] and i[3].status == "在籍" and 55 <= i[3].age <= 82
        and i[3].id not in leader_ids
    ]
    if len(pool) < 5:
        pool = [i[3].id for i in hh_info if i[3].status == "在籍"]
    chosen = rng.sample(pool, min(5, len(pool)))
    officer_rows = [
        (pid, role, None, fy, fy_start, None, "", stamp, stamp)
        for pid, role in zip(chosen, ("会長", "副会長", "会計", "監事", "監事"), strict=False)
    ]
    officer_rows += [
        (pid, "班長", block_no, fy, fy_start, None, "", stamp, stamp)
        for block_no, pid in leaders.items()
    ]

    categories = dict(conn.execute("SELECT name, id FROM event_categories"))
    skills = {(kind, name): sid for sid, name, kind in conn.execute("SELECT id, name, kind FROM skills")}
    activity = _Activity(
        random.Random(f"kyodo-demo-activity-{seed}"), today=today, start_month=start_month,
        households=households, who=who, homes=homes, leaders=leaders, officers=officer_rows,
        categories=categories, skills=skills, district=assoc[1] or names.DISTRICT, stamp=stamp,
    ).build()
    n_persons = len(p_rows)
    # A larger page cache while the indexes (random uids, sort keys) are filled: ~10 % faster
    # for 60,000 households. The connection's own setting is put back afterwards.
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -65536")
    try:
        made, bousai, books = _insert(db, actor, stamp, assoc, households, seed, block_rows, hh_rows, hs_rows, p_rows,
                               ps_rows, activity, who, today=today, start_month=start_month)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    if progress is not None:
        progress(households, households)
    return DemoSummary(
        households=households,
        persons=n_persons,
        blocks=len(block_rows),
        seconds=time.perf_counter() - started,
        events=len(activity.events),
        participations=len(activity.participations),
        stations=made.stations,
        rosters=made.rosters,
        turns=made.turns,
        contacts=bousai.contacts,
        support=bousai.support,
        safety_results=bousai.results,
        dues_payments=books.payments,
        ledger_entries=books.entries,
    )


def _insert(
    db: sqlite_utils.Database, actor: str, stamp: str, assoc: tuple, households: int, seed: int,
    block_rows: list[tuple], hh_rows: list[tuple], hs_rows: list[tuple], p_rows: list[tuple],
    ps_rows: list[tuple], activity: _ActivityRows, who: list[tuple[int, int, int, int, int, str]], *, today: date,
    start_month: int,
) -> tuple[_RosterCounts, _BousaiCounts, AccountsCounts]:
    """Write every row in one transaction (all or nothing)."""
    conn = db.conn
    n_persons = len(p_rows)
    with db.atomic():
        # Persons first: a parent row inserted while deferred violations are outstanding makes
        # SQLite scan its child tables, and households.head_person_id has no index.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.executemany(
            "INSERT INTO persons (id, uid, household_id, family_name, given_name, family_kana,"
            " given_kana, relation, birth_date, sex, mobile, email, notes, position, status,"
            " status_since, sort_key, search_text, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            p_rows,
        )
        conn.executemany(
            "INSERT INTO blocks (id, name, sort_order, leader_person_id, notes, retired_on,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            block_rows,
        )
        conn.executemany(
            "INSERT INTO households (id, uid, block_id, circulation_order, head_person_id,"
            " postal_code, address_town, address_number, address_building, dwelling_type,"
            " landline, member_type, dues_category, status, status_since, notes, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            hh_rows,
        )
        conn.executemany(
            "INSERT INTO household_status (household_id, status, since, reason, recorded_at,"
            " recorded_by) VALUES (?,?,?,?,?,?)",
            hs_rows,
        )
        conn.executemany(
            "INSERT INTO person_status (person_id, status, since, reason, household_id,"
            " recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?)",
            ps_rows,
        )
        conn.executemany(
            "INSERT INTO officers (person_id, role, block_id, fiscal_year, start_date, end_date,"
            " notes, created_at, updated_at, handed_over) VALUES (?,?,?,?,?,?,?,?,?,?)",
            activity.officers,
        )
        _insert_activity(conn, activity)
        made = _make_rosters(conn, seed=seed, today=today, stamp=stamp, start_month=start_month,
                             officers=activity.officers)
        name, district, address, postal_code, area, purpose = assoc[:6]
        bousai = _Bousai(conn, hh_rows=hh_rows, p_rows=p_rows, who=who, seed=seed, today=today, stamp=stamp,
                         start_month=start_month, actor=actor, area=re.sub(r"(校下|地区|校区)$", "", district or names.DISTRICT) or "泉野").build()
        conn.execute(
            "UPDATE association SET district = ?, address = ?, postal_code = ?,"
            " default_area_code = ?, purpose_of_use = ?, updated_at = ? WHERE id = 1",
            [
                district or names.DISTRICT,
                address or names.ASSOCIATION_ADDRESS,
                postal_code or names.ASSOCIATION_POSTAL_CODE,
                area or names.AREA_CODE,
                purpose or default_purpose(name),
                stamp,
            ],
        )
        books = make_accounts(_DemoBook(conn, today, stamp, actor), seed=seed, start_month=start_month,
                              district=district or names.DISTRICT)
        after = {"households": households, "persons": n_persons, "blocks": len(block_rows), "seed": seed,
                 "events": len(activity.events), "participations": len(activity.participations),
                 "volunteers": len(activity.volunteers), "partners": len(activity.partners),
                 "issues": len(activity.issues), "stations": made.stations, "rosters": made.rosters,
                 "turns": made.turns, "exemptions": made.exemptions, "renrakumou": bousai.renrakumou,
                 "bosai_share": bousai.bosai_share, "emergency_contacts": bousai.contacts,
                 "support_people": bousai.support, "support_helpers": bousai.helpers, "equipment": bousai.equipment,
                 "places": bousai.places, "bousai_members": bousai.members, "safety_checks": bousai.checks,
                 "safety_results": bousai.results, **describe_accounts(books, fiscal_year(today, start_month))}
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, table_name, row_id, summary, before, after)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                stamp, actor, "demo", "association", 1,
                f"デモデータを作成しました（世帯 {households}・人 {n_persons}）",
                None, json.dumps(after, ensure_ascii=False),
            ],
        )
    return made, bousai, books


def _insert_activity(conn, a: _ActivityRows) -> None:
    """The activity rows (inside :func:`_insert`'s transaction)."""
    many = conn.executemany
    many("INSERT INTO consents (person_id, household_id, purpose, granted, granted_on, method, form_version,"
         " withdrawn_on, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", a.consents)
    many("INSERT INTO volunteers (person_id, availability, max_per_month, qualifications, valid_until, notes,"
         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", a.volunteers)
    many("INSERT INTO volunteer_skills (person_id, skill_id) VALUES (?,?)", a.volunteer_skills)
    many("INSERT INTO partners (id, uid, name, kind, contact_name, phone, email, address, notes, retired_on,"
         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", a.partners)
    many("INSERT INTO partner_agreements (id, partner_id, title, signed_on, valid_until, notes, created_at)"
         " VALUES (?,?,?,?,?,?,?)", a.agreements)
    many("INSERT INTO events (id, uid, title, category_id, starts_at, ends_at, place, organiser,"
         " organiser_partner_id, description, planned_cost, actual_cost, status, outcome, copied_from,"
         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a.events)
    many("INSERT INTO event_partners (event_id, partner_id) VALUES (?,?)", a.event_partners)
    many("INSERT INTO participations (event_id, person_id, role, rsvp, attended, hours, created_at,"
         " updated_at) VALUES (?,?,?,?,?,?,?,?)", a.participations)
    many("INSERT INTO event_band_counts (event_id, band, kind, count) VALUES (?,?,?,?)", a.band_counts)
    many("INSERT INTO local_issues (id, uid, title, description, category, block_id, place, reporter,"
         " found_on, stage, next_action, due_on, external_url, created_at, updated_at)"
         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a.issues)
    many("INSERT INTO issue_partners (issue_id, partner_id) VALUES (?,?)", a.issue_partners)
    many("INSERT INTO city_requests (id, issue_id, asked_on, addressed_to, request, answer, answered_on,"
         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", a.requests)
    many("INSERT INTO area_households (fiscal_year, households, source, updated_at) VALUES (?,?,?,?)", a.area)


# -- ten years of activity ------------------------------------------------------------------------
#
# Built from what the households part made (who lived where, from when to when, which
# households were members), with its own ``Random`` so that the register part of a seed stays
# as it was. Rows are tuples written with ``executemany`` in the same transaction.

_NEVER = 10**7  # a day ordinal after any date: "not yet" / "never"
_YEARS = 10
#: age buckets for choosing participants: (name, lowest age)
_BUCKETS = (("small", 0), ("child", 4), ("teen", 13), ("young", 20), ("mid", 40), ("senior", 65), ("old", 75))
#: who comes to what: bucket → weight
_AUDIENCES: dict[str, dict[str, float]] = {
    "assembly": {"young": 0.25, "mid": 1.0, "senior": 1.6, "old": 1.1},
    "general": {"child": 0.15, "teen": 0.2, "young": 0.5, "mid": 1.0, "senior": 1.4, "old": 0.7},
    "clean": {"teen": 0.25, "young": 0.6, "mid": 1.2, "senior": 1.3, "old": 0.35},
    "drill": {"child": 0.35, "teen": 0.2, "young": 0.5, "mid": 1.0, "senior": 1.3, "old": 0.9},
    "family": {"small": 0.5, "child": 1.7, "teen": 0.8, "young": 1.0, "mid": 0.9, "senior": 0.7, "old": 0.3},
    "kids": {"small": 0.12, "child": 1.0, "teen": 0.12},
    "elders": {"old": 1.0},
    "seniors": {"senior": 1.0, "old": 1.3},
}
#: guests (not on the register) by band, as a share of those who came from the register
_GUEST_MIX: dict[str, tuple[float, dict[str, float]]] = {
    "夏祭り": (0.45, {"〜19歳": 0.45, "20〜39歳": 0.24, "40〜64歳": 0.2, "65〜74歳": 0.06, "75歳〜": 0.02, "不明": 0.03}),
    "秋祭り": (0.2, {"〜19歳": 0.5, "20〜39歳": 0.2, "40〜64歳": 0.2, "65〜74歳": 0.1}),
    "子ども会": (0.15, {"〜19歳": 1.0}),
    "サロン": (0.12, {"75歳〜": 0.7, "65〜74歳": 0.3}),
}


@dataclass
class _Home:
    id: int
    block: int
    member_from: int  # day ordinal; _NEVER = not a member
    member_to: int  # left (転出・退会・死亡) or _NEVER
    business: bool
    head: int
    people: list[int]


@dataclass
class _Plan:
    key: str
    title: str
    category: str
    day: date
    time: str | None  # "HH:MM", or None for a date only
    hours: float
    place: str
    audience: str  # a key of _AUDIENCES, or officers / audit / hancho / helpers / none
    size: float = 0.0  # share of the households (or of the audience's pool for kids/elders)
    helpers: tuple[int, float] = (0, 0.0)  # at least, share of the households
    cost: int = 0
    partners: tuple[str, ...] = ()
    organiser: str = "町会"
    organiser_partner: str | None = None
    description: str = ""
    rsvp: bool = False
    outdoor: bool = False
    last_day: date | None = None
    guests: str = ""  # a key of _GUEST_MIX
    cancelled: str = ""  # why, when called off


_TURNOUT = 0.6  # calibrated: ≈ 8 named participations per household over ten years
_RSVP = _Weighted(["出席", "欠席", "未定"], [60, 30, 10])


class _Turnout:
    """Who came to one event: named (with consent to a personal log in effect on the day),
    counted by age band (without it), and guests from outside."""

    def __init__(self, act: _Activity, plan: _Plan, future: bool) -> None:
        self.act = act
        self.plan = plan
        self.day = plan.day.toordinal()
        self.future = future
        self.named: dict[int, tuple[str, str, int | None, float | None]] = {}  # role, 出欠, attended, hours
        self.counted: dict[str, int] = {}
        self.guests: dict[str, int] = {}
        self.taken: set[int] = set()
        self.helper_hours = round(min(12.0, plan.hours + act.rng.choice((0.5, 1.0, 1.5))), 1) if plan.hours else None

    def take(self, pid: int, role: str, rsvp: str = "", attended: int | None = 1, *, promote: bool = False) -> None:
        if pid in self.taken:
            if promote and pid in self.named and self.named[pid][0] == "参加":
                _role, rsvp, attended, _hours = self.named[pid]
                self.named[pid] = (role, rsvp, attended, None if self.future else self.helper_hours)
            return
        self.taken.add(pid)
        act = self.act
        if act.consented(pid, self.day):
            plan = self.plan
            hours = self.helper_hours if role != "参加" else plan.hours if plan.category in (
                "清掃・美化", "防犯", "見守り") else None
            self.named[pid] = (role, rsvp, None if self.future else attended, None if self.future else hours)
        elif attended and not self.future:
            from kyodo_desktop.models.activity import band_of

            band = band_of(act.iso(act.birth[pid]), self.plan.day)
            self.counted[band] = self.counted.get(band, 0) + 1

    def came(self) -> int:
        return sum(1 for v in self.named.values() if v[2] != 0) + sum(self.counted.values()) + sum(self.guests.values())


@dataclass
class _ActivityRows:
    events: list[tuple] = field(default_factory=list)
    event_partners: list[tuple] = field(default_factory=list)
    participations: list[tuple] = field(default_factory=list)
    band_counts: list[tuple] = field(default_factory=list)
    consents: list[tuple] = field(default_factory=list)
    volunteers: list[tuple] = field(default_factory=list)
    volunteer_skills: list[tuple] = field(default_factory=list)
    officers: list[tuple] = field(default_factory=list)
    partners: list[tuple] = field(default_factory=list)
    agreements: list[tuple] = field(default_factory=list)
    issues: list[tuple] = field(default_factory=list)
    issue_partners: list[tuple] = field(default_factory=list)
    requests: list[tuple] = field(default_factory=list)
    area: list[tuple] = field(default_factory=list)


def _nth(year: int, month: int, n: int, weekday: int) -> date:
    """The ``n``-th ``weekday`` (Monday 0) of a month; n = -1: the last."""
    if n < 0:
        last = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
        d = date.fromordinal(last)
        return date.fromordinal(last - (d.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return date.fromordinal(first.toordinal() + (weekday - first.weekday()) % 7 + 7 * (n - 1))


SAT, SUN, TUE, WED, FRI = 5, 6, 1, 2, 4


class _Activity:
    """Events, participation, consents, volunteers, officers' history, partners, issues and the
    area's households for the ten 年度 up to the current one."""

    def __init__(self, rng: random.Random, *, today: date, start_month: int, households: int,
                 who: list[tuple[int, int, int, int, int, str]], homes: list[_Home],
                 leaders: dict[int, int], officers: list[tuple], categories: dict[str, int],
                 skills: dict[tuple[str, str], int], district: str, stamp: str) -> None:
        self.rng = rng
        self.today = today
        self.today_ord = today.toordinal()
        self.sm = start_month
        self.fy = fiscal_year(today, start_month)
        self.first_fy = self.fy - _YEARS + 1
        self.n_households = households
        self.scale = min(4.0, max(0.4, (households / 300) ** 0.5))  # costs grow slower than the town
        self.categories = categories
        self.skills = skills
        self.stamp = stamp
        self.area = re.sub(r"(校下|地区|校区)$", "", district) or "泉野"
        self.leaders = leaders
        self.current_officers = officers
        n = len(who) + 1
        self.birth = [0] * n
        self.since = [0] * n
        self.left = [_NEVER] * n
        self.home = [0] * n
        self.relation = [""] * n
        for pid, hid, birth, enrolled, left, relation in who:
            self.birth[pid], self.since[pid], self.left[pid] = birth, enrolled, left
            self.home[pid], self.relation[pid] = hid, relation
        self.homes = {h.id: h for h in homes}
        self.blocks: dict[int, list[_Home]] = {}
        for h in homes:  # households come in 班 and 回覧順 order
            self.blocks.setdefault(h.block, []).append(h)
        self.consent_from: dict[int, int] = {}  # household → first day of ACTIVITY_LOG consent
        self.consent_to: dict[int, int] = {}  # household → withdrawn on
        self.rows = _ActivityRows()
        self.iso_cache: dict[int, str] = {}
        self.fy_cache: dict[int, tuple[int, int]] = {}

    # -- small helpers --------------------------------------------------------------------------

    def iso(self, ordinal: int) -> str:
        s = self.iso_cache.get(ordinal)
        if s is None:
            s = self.iso_cache[ordinal] = date.fromordinal(ordinal).isoformat()
        return s

    def fy_range(self, f: int) -> tuple[int, int]:
        got = self.fy_cache.get(f)
        if got is None:
            first, last = fiscal_year_range(f, self.sm)
            got = self.fy_cache[f] = (first.toordinal(), last.toordinal())
        return got

    def age(self, pid: int, day: int) -> int:
        return int((day - self.birth[pid]) / _YEAR)

    def present(self, pid: int, day: int) -> bool:
        """On the register and in a member household on ``day``."""
        h = self.homes[self.home[pid]]
        return self.since[pid] <= day < self.left[pid] and h.member_from <= day < h.member_to

    def consented(self, pid: int, day: int) -> bool:
        hid = self.home[pid]
        return self.consent_from.get(hid, _NEVER) <= day < self.consent_to.get(hid, _NEVER)

    def phone(self) -> str:
        return f"076-2{self.rng.randrange(100):02d}-{self.rng.randrange(10000):04d}"

    def build(self) -> _ActivityRows:
        self._consents()
        self._volunteers()
        self._officers()
        self._partners()
        self._events()
        self._issues()
        self._area()
        return self.rows

    # -- consent to a personal log (ACTIVITY_LOG), per household --------------------------------

    def _consents(self) -> None:
        """Most member households answered the consent form when the association began asking
        (the year before the ten) or when they joined; some said no, a few never answered, a
        very few withdrew later. Without it in effect, a person is counted by age band only."""
        rng = self.rng
        asked_from = self.fy_range(self.first_fy - 1)[0] + 60
        for h in self.homes.values():
            if h.member_from >= _NEVER or h.business:
                continue
            r = rng.random()
            if r < 0.86:
                on = max(asked_from + rng.randint(0, 150), h.member_from + rng.randint(0, 90))
                on = min(on, self.today_ord - 1, h.member_to - 1)
                if on < h.member_from:
                    continue
                withdrawn = None
                if rng.random() < 0.02 and on < self.today_ord - 60:
                    withdrawn = rng.randint(on + 30, self.today_ord - 1)
                    self.consent_to[h.id] = withdrawn
                self.consent_from[h.id] = on
                self.rows.consents.append((
                    None, h.id, "ACTIVITY_LOG", 1, self.iso(on), "書面" if rng.random() < 0.9 else "口頭",
                    "個人情報の取扱いについて（同意書）", None if withdrawn is None else self.iso(withdrawn), "",
                    self.stamp, self.stamp))
            elif r < 0.93:
                on = min(max(asked_from + rng.randint(0, 150), h.member_from), self.today_ord - 1)
                self.rows.consents.append((
                    None, h.id, "ACTIVITY_LOG", 0, self.iso(on), "書面", "個人情報の取扱いについて（同意書）",
                    None, "", self.stamp, self.stamp))

    # -- 担い手 profiles (VOLUNTEER_PROFILE) ------------------------------------------------------

    def _volunteers(self) -> None:
        rng, today = self.rng, self.today_ord
        adults: list[int] = []
        weights: list[float] = []
        for pid in range(1, len(self.birth)):
            h = self.homes[self.home[pid]]
            if h.business or not self.present(pid, today):
                continue
            a = self.age(pid, today)
            if not 18 <= a <= 84:
                continue
            w = 3.0 if 60 <= a < 75 else 1.5 if 50 <= a < 60 else 1.0 if a >= 75 else 0.8 if a >= 20 else 0.3
            if self.consented(pid, today):
                w *= 3  # people who take part agree to be recorded more readily
            adults.append(pid)
            weights.append(w)
        n = min(len(adults), round(len(adults) * rng.uniform(0.03, 0.05)))
        if len(adults) >= 20:
            n = max(n, 2)
        keyed = sorted(((rng.random() ** (1 / w), pid) for pid, w in zip(adults, weights, strict=True)), reverse=True)
        self.volunteer_ids = sorted(pid for _k, pid in keyed[:n])
        this_end = self.iso(self.fy_range(self.fy)[1])
        last_end = self.iso(self.fy_range(self.fy - 1)[1])
        slots = [d + t for d in "月火水木金土日" for t in ("午前", "午後", "夜")]
        for pid in self.volunteer_ids:
            a = self.age(pid, today)
            if a < 40:
                table = {"PC・スマホ支援": 3, "力仕事": 3, "外国語": 1, "写真・広報": 2, "子どもの見守り": 1,
                         "祭り・伝統芸能": 1, "運転": 1}
            elif a < 65:
                table = {"運転": 3, "力仕事": 2, "会計": 1.5, "PC・スマホ支援": 1.5, "防災士": 1, "調理": 1.5,
                         "子どもの見守り": 1.5, "写真・広報": 1, "祭り・伝統芸能": 1.5, "看護・介護": 1}
            else:
                table = {"調理": 2, "書道・文書作成": 2, "子どもの見守り": 2, "会計": 1, "看護・介護": 1, "防災士": 1,
                         "祭り・伝統芸能": 1.5, "運転": 1}
            pick = _Weighted(list(table), list(table.values()))
            skills = {pick.pick(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))}
            related = {"防災士": "防災", "子どもの見守り": "子ども", "PC・スマホ支援": "デジタル", "祭り・伝統芸能": "祭り",
                       "写真・広報": "広報", "看護・介護": "見守り", "力仕事": "環境"}
            interests = {related[s] for s in skills if s in related}
            while len(interests) < rng.choice((1, 2, 2, 3)):
                interests.add(rng.choice(("防災", "見守り", "環境", "子ども", "祭り", "広報", "デジタル")))
            qualifications = []
            if "防災士" in skills:
                qualifications.append("防災士")
            if "看護・介護" in skills:
                qualifications.append(rng.choice(("看護師", "介護福祉士", "ホームヘルパー2級")))
            if "運転" in skills:
                qualifications.append(rng.choice(("普通自動車免許", "普通自動車免許", "中型自動車免許")))
            if "会計" in skills and rng.random() < 0.5:
                qualifications.append("日商簿記2級")
            if "外国語" in skills:
                qualifications.append(rng.choice(("英検2級", "TOEIC 800点", "中国語（日常会話）")))
            retired = a >= 65 or rng.random() < 0.15
            if retired:
                free = [s for s in slots if s[1:] in ("午前", "午後") and rng.random() < 0.55]
            else:
                free = [s for s in slots if (s[0] in "土日" and s[1:] != "夜" and rng.random() < 0.8)
                        or (s[0] not in "土日" and s[1:] == "夜" and rng.random() < 0.3)]
            free = free or ["土午前"]
            registered = min(today - 1, max(self.since[pid] + 30, today - rng.randint(30, 6 * 365)))
            expired = rng.random() < 0.12
            self.rows.volunteers.append((
                pid, " ".join(free), rng.choice((None, None, 2, 2, 3, 4)), "、".join(qualifications),
                last_end if expired else this_end,
                rng.choice(names.VOLUNTEER_NOTES) if rng.random() < 0.15 else "", self.stamp, self.stamp))
            self.rows.volunteer_skills += [(pid, self.skills[("skill", s)]) for s in sorted(skills)]
            self.rows.volunteer_skills += [(pid, self.skills[("interest", s)]) for s in sorted(interests)]
            self.rows.consents.append((
                pid, None, "VOLUNTEER_PROFILE", 1, self.iso(registered), "書面", "担い手登録票", None, "",
                self.stamp, self.stamp))

    # -- officers for ten 年度, 班長 rotating by 回覧順 -----------------------------------------------

    def _officers(self) -> None:
        rng = self.rng
        fy, first = self.fy, self.first_fy
        used: dict[int, set[int]] = {f: set() for f in range(first, fy + 1)}
        terms: dict[tuple[int, str], int] = {}  # (年度, slot) → person
        slots = ("会長", "副会長", "会計", "監事1", "監事2")
        current: dict[str, int] = {}
        for pid, role, *_rest in self.current_officers:
            if role == "班長":
                continue
            slot = role if role != "監事" else ("監事1" if "監事1" not in current else "監事2")
            current[slot] = pid
        pool = [pid for pid in range(1, len(self.birth))
                if self.relation[pid] in ("世帯主", "妻", "夫") and not self.homes[self.home[pid]].business
                and self.homes[self.home[pid]].member_from < _NEVER]

        def fits(pid: int, f: int) -> bool:
            start = self.fy_range(f)[0]
            return self.present(pid, start) and 35 <= self.age(pid, start) <= 85 and pid not in used[f]

        def pick(f: int) -> int | None:
            """Someone who fits, preferably who agreed to a personal log (tried at random first:
            the pool is thousands of people)."""
            start = self.fy_range(f)[0]
            for _ in range(300):
                pid = pool[int(rng.random() * len(pool))] if pool else 0
                if pool and fits(pid, f) and self.consented(pid, start):
                    return pid
            choice = [p for p in pool if fits(p, f)]
            return rng.choice(choice) if choice else None

        def hold(pid: int, slot: str, f: int) -> None:
            terms[(f, slot)] = pid
            used[f].add(pid)

        # the present 会長 has held the post for six 年度 (a 担い手 risk the summary should show); if
        # the one drawn is too new to the town, the longest-standing of this year's officers takes it
        chair = current.get("会長")
        if chair is not None:
            veteran = [pid for pid in current.values() if all(self.present(pid, self.fy_range(f)[0])
                                                              for f in range(fy - 5, fy + 1))]
            if veteran and chair not in veteran:
                other = next(s for s, p in current.items() if p == veteran[0])
                current[other], current["会長"] = chair, veteran[0]
        for slot, pid in current.items():
            hold(pid, slot, fy)
        leaders = dict(self.leaders)
        used[fy] |= set(leaders.values())
        # (years the present holder has served, the term of those before): the 会長 for six
        # 年度, the others rotating
        lengths = {"会長": (6, 4), "副会長": (rng.choice((1, 2)), 2), "会計": (rng.choice((2, 3, 4)), 3),
                   "監事1": (rng.choice((1, 2)), 2), "監事2": (rng.choice((1, 2)), 2)}
        for slot in slots:
            holder = current.get(slot)
            if holder is None:
                continue
            tenure, term = lengths[slot]
            run = 1
            for f in range(fy - 1, first - 1, -1):
                chair = terms.get((f + 1, "会長"))
                if slot == "副会長" and chair is not None and chair != terms.get((f, "会長")) and fits(chair, f):
                    holder = chair  # the new 会長 was 副会長 the year before
                elif run < tenure and fits(holder, f):
                    hold(holder, slot, f)
                    run += 1
                    continue
                else:
                    found = pick(f)
                    if found is None:
                        continue
                    holder = found
                hold(holder, slot, f)
                tenure, run = term, 1
        # 班長: one household a year in 回覧順, going back from this year's
        for block, homes in self.blocks.items():
            leader = leaders.get(block)
            if leader is None:
                continue
            at = next((i for i, h in enumerate(homes) if h.head == leader), 0)
            for f in range(fy - 1, first - 1, -1):
                start = self.fy_range(f)[0]
                for _ in range(len(homes)):
                    at = (at - 1) % len(homes)
                    h = homes[at]
                    if (h.member_from <= start < h.member_to and not h.business and self.present(h.head, start)
                            and 25 <= self.age(h.head, start) <= 85 and h.head not in used[f]):
                        terms[(f, f"班長{block}")] = h.head
                        used[f].add(h.head)
                        break
        rows = []
        for (f, slot), pid in terms.items():
            first_day, last_day = self.fy_range(f)
            role = "監事" if slot.startswith("監事") else "班長" if slot.startswith("班長") else slot
            block = int(slot[2:]) if role == "班長" else None
            past = f < fy
            done = int(past and rng.random() < (0.8 if role == "班長" else 0.9))
            rows.append((f, slots.index(slot) if slot in slots else 9, block or 0,
                         (pid, role, block, f, self.iso(first_day), self.iso(last_day) if past else None, "",
                          self.stamp, self.stamp, done)))
        rows += [(fy, 9, b, (pid, "班長", b, fy, self.iso(self.fy_range(fy)[0]), None, "", self.stamp, self.stamp, 0))
                 for b, pid in leaders.items()]
        rows.sort(key=lambda r: r[:3])
        self.rows.officers = [r[3] for r in rows]
        self.officers_by_year: dict[int, list[int]] = {}
        self.hancho_by_year: dict[int, list[int]] = {}
        for pid, role, _b, f, *_rest in self.rows.officers:
            (self.hancho_by_year if role == "班長" else self.officers_by_year).setdefault(f, []).append(pid)
        # the core of 担い手: volunteers, officers past and present, and a few more who always help
        core = set(self.volunteer_ids) | {pid for ids in self.officers_by_year.values() for pid in ids}
        extra = [p for p in pool if self.consent_from.get(self.home[p], _NEVER) < _NEVER]
        core |= set(rng.sample(extra, min(len(extra), max(1, self.n_households // 150))))
        # some of them help at nearly everything, most now and then
        keen = _Weighted([1, 2, 4, 10], [45, 30, 17, 8])
        officers = {pid for ids in self.officers_by_year.values() for pid in ids}
        self.core = [pid for pid in sorted(core) for _ in range(6 if pid in officers else keen.pick(rng))]

    # -- partners and agreements ------------------------------------------------------------------

    def _partners(self) -> None:
        rng = self.rng
        self.partner_ids: dict[str, int] = {}
        self.partner_since: dict[str, int] = {}  # agreement signed (ordinal), for links
        self.partner_until: dict[str, int] = {}  # retired
        for n, (key, name, kind, contact, notes) in enumerate(names.PARTNERS, start=1):
            retired = None
            if key == "fujinkai":
                retired = self.fy_range(self.fy - 3)[1]
                self.partner_until[key] = retired
            surname = _SURNAMES.pick(rng)[0]
            email = f"info{n}@example.jp" if kind in ("NPO", "大学・学生団体", "集合住宅管理会社") else ""
            self.rows.partners.append((
                n, f"{rng.getrandbits(64):016x}", name.format(area=self.area), kind, f"{contact} {surname}",
                self.phone(), email, "", notes, None if retired is None else self.iso(retired), self.stamp, self.stamp))
            self.partner_ids[key] = n
        for n, (key, title, years_before, month, valid, notes) in enumerate(names.AGREEMENTS, start=1):
            f = self.fy - years_before
            signed = date(f if month >= self.sm else f + 1, month, 1 + rng.randrange(27))
            self.partner_since[key] = signed.toordinal()
            until = self.iso(self.fy_range(f + valid)[1]) if valid else None
            self.rows.agreements.append((n, self.partner_ids[key], title, signed.isoformat(), until, notes, self.stamp))

    # -- the events of each 年度 ----------------------------------------------------------------------

    def _plan(self, f: int) -> list[_Plan]:
        sm, area, rng = self.sm, self.area, self.rng

        def y(month: int) -> int:
            return f if month >= sm else f + 1

        def nth(month: int, n: int, weekday: int) -> date:
            return _nth(y(month), month, n, weekday)

        hall, kominkan, park = "町会館", f"{area}公民館", "中央児童公園"
        school = f"{area}小学校"
        label = fiscal_year_label(f)
        univ_from = self.fy - 4
        plans: list[_Plan] = [
            _Plan("audit", "会計監査", "役員会・会議", nth(4, 2, SAT), "10:00", 1.5, hall, "audit",
                  description=f"{fiscal_year_label(f - 1)}の帳簿・領収書・通帳の監査"),
            _Plan("hancho-apr", "新旧班長会議", "役員会・会議", nth(4, 2, SUN), "10:00", 1.5, hall, "hancho",
                  description="班長の引継ぎ、回覧・集金の手順の説明"),
            _Plan("assembly", f"{label} 定期総会", "総会", nth(4, 4, SUN) if rng.random() < 0.5 else nth(5, 2, SUN),
                  "10:00", 2, kominkan, "assembly", 0.06, (2, 0.0), 8000, rsvp=True,
                  description=f"議案: {fiscal_year_label(f - 1)}事業報告・収支決算、監査報告、{label}事業計画・収支予算、役員改選"),
            _Plan("hanami", "お花見会", "交流", nth(4, 1, SUN), "11:00", 2, park, "general", 0.03, (2, 0.002), 20000,
                  outdoor=True, description="公園の桜の下で。飲み物は町会で用意"),
            _Plan("clean-spring", "春の町内一斉美化清掃", "清掃・美化", nth(5, -1, SUN), "08:00", 1.5, "町内一円", "clean",
                  0.12, (2, 0.003), 12000, ("kanri",), outdoor=True, description="道路・公園・ごみステーションの清掃"),
            _Plan("kids-welcome", "子ども会 春の歓迎会", "子ども会", nth(5, 2, SAT), "10:00", 2, hall, "kids", 0.25, (2, 0.002),
                  20000, ("pta",), guests="子ども会", description="新入生の歓迎とゲーム"),
            _Plan("dobu", "側溝どろあげ", "清掃・美化", nth(6, 2, SUN), "07:00", 2, "町内の側溝", "clean", 0.07, (2, 0.003),
                  8000, outdoor=True, description="校下一斉の側溝清掃（土のう袋は市から配布）"),
            _Plan("tanabata", "子ども会 七夕まつり", "子ども会", nth(7, 1, SAT), "15:00", 2, hall, "kids", 0.25, (2, 0.002),
                  25000, ("pta",), guests="子ども会", description="短冊飾りとかき氷"),
            _Plan("radio", "夏休みラジオ体操", "子ども会", date(y(7), 7, 21), "06:30", 0.5, park, "kids", 0.35, (2, 0.002),
                  10000, ("pta",), outdoor=True, last_day=date(y(7), 7, 31), description="7月21日〜31日の毎朝。皆勤賞あり"),
            _Plan("summer", f"第{f - 1978}回 夏祭り・盆踊り大会", "祭り", nth(7, -1, SAT) if rng.random() < 0.5 else nth(8, 1, SAT),
                  "17:00", 4, park, "family", 0.12, (5, 0.01), 300000,
                  ("shotenkai", "univ") if f >= univ_from else ("shotenkai",), outdoor=True, guests="夏祭り",
                  description="盆踊り、模擬店、子ども向けゲーム"),
            _Plan("patrol-summer", "夏の夜間パトロール", "防犯", nth(8, 1, FRI), "20:00", 1, "町内一円", "helpers",
                  helpers=(3, 0.003), cost=2000, description="夏休み中の見回り"),
            _Plan("keirou", "敬老会", "敬老会", nth(9, 3, 0) - timedelta(days=1), "10:00", 2.5, kominkan, "elders", 0.3,
                  (4, 0.006), 200000,
                  ("shakyo", "choju", "minsei") + (("fujinkai",) if f <= self.fy - 3 else ()), rsvp=True,
                  description="75歳以上の方をお招きして長寿のお祝い。記念品とお弁当、演芸"),
            _Plan("undokai", f"{area}校下 大運動会", "交流", nth(9, -1, SUN), "09:00", 6, f"{school} グラウンド", "family", 0.04,
                  (2, 0.003), 20000, ("kominkan",), organiser="校下", outdoor=True, description="町会対抗リレーなど（参加賞）"),
            _Plan("autumn", "秋祭り（子ども神輿）", "祭り", nth(10, 1, SUN), "10:00", 4, "八幡神社 境内", "family", 0.04,
                  (3, 0.005), 120000, ("jinja",), outdoor=True, guests="秋祭り", description="子ども神輿の巡行と境内での餅まき"),
            _Plan("bokin-red", "赤い羽根共同募金", "その他", date(y(10), 10, 1), None, 0, "各班", "hancho", helpers=(0, 0),
                  partners=("shakyo",), description="班長が各戸を回って集め、公民館へ納める"),
            _Plan("clean-autumn", "秋の一斉清掃", "清掃・美化", nth(10, 3, SUN), "08:00", 1.5, "町内一円", "clean", 0.08,
                  (2, 0.003), 10000, outdoor=True, description="落ち葉の清掃と花壇の植え替え"),
            _Plan("drill", "町内防災訓練", "防災訓練", nth(10, 2, SUN) if rng.random() < 0.5 else nth(11, 1, SUN), "09:00", 2.5,
                  f"{school} グラウンド", "drill", 0.10, (3, 0.004), 30000,
                  tuple(k for k in ("shobo", "shotenkai", "kanri", "minsei")
                        if self.partner_since.get(k, 0) <= date(y(10), 10, 1).toordinal()),
                  outdoor=True, description="安否確認（黄色いタオル）、避難誘導、消火器・AEDの体験、炊き出し"),
            _Plan("bokin-year-end", "歳末たすけあい募金", "その他", date(y(12), 12, 1), None, 0, "各班", "hancho",
                  partners=("shakyo",), description="班長が各戸を回って集める"),
            _Plan("xmas", "子ども会 クリスマス会", "子ども会", nth(12, 3, SAT), "13:00", 2, hall, "kids", 0.25, (2, 0.002),
                  30000, ("pta",), rsvp=True, guests="子ども会", description="プレゼント交換とケーキ"),
            _Plan("clean-year-end", "年末のごみステーション清掃", "清掃・美化", nth(12, 4, SUN), "09:00", 1, "各班のごみステーション",
                  "clean", 0.03, (1, 0.002), 5000, outdoor=True),
            _Plan("patrol-year-end", "年末夜警", "防犯", date(y(12), 12, 28), "20:00", 2, "町内一円", "helpers",
                  helpers=(4, 0.004), cost=5000, description="拍子木を打って町内を回る。終わって豚汁"),
            _Plan("newyear", "新年会", "交流", nth(1, 2, SUN), "12:00", 2, kominkan, "general", 0.03, (2, 0.002), 40000,
                  rsvp=True, description="会費制（1人1,000円）"),
            _Plan("mochi", "餅つき大会", "子ども会", nth(1, 3, SUN), "10:00", 3, f"{hall} 駐車場", "kids", 0.25, (3, 0.003),
                  30000, ("pta",), outdoor=True, guests="子ども会", description="つきたてのお餅を町内に配る"),
            _Plan("hancho-mar", "新旧班長引継ぎ会", "役員会・会議", nth(3, 3, SUN), "10:00", 1.5, hall, "hancho",
                  description="1年の振り返りと次の班長への引継ぎ"),
            _Plan("safety-spring", "春の交通安全 朝の見守り", "防犯", date(y(4), 4, 6), "07:30", 0.75, "通学路", "helpers",
                  helpers=(3, 0.003), partners=("pta",), last_day=date(y(4), 4, 15), description="新入生の登校の見守り"),
        ]
        for month in (6, 11):
            plans.append(_Plan(f"recycle-{month}", "資源回収（子ども会）", "その他", nth(month, 1, SAT), "09:00", 2, "各班の集積所",
                               "clean", 0.02, (2, 0.002), 0, ("pta",), description="古紙・アルミ缶。収益は子ども会の活動費"))
        for n, month in enumerate((6, 2)):
            kind = ("防災講座「わが家の備え」", "救命講習（AEDの使い方）")[(f + n) % 2]
            plans.append(_Plan(f"course-{month}", kind, "研修・講座", nth(month, 2, SAT), "14:00", 2, hall, "general", 0.008,
                               (1, 0.001), 3000, ("shobo",), description="講師: 消防分団"))
        for month in (6, 12):
            plans.append(_Plan(f"watch-{month}", "一人暮らし高齢者の見守り訪問", "見守り", nth(month, 2, SAT), "10:00", 3,
                               "町内一円", "helpers", helpers=(3, 0.004),
                               partners=tuple(k for k in ("shakyo", "minsei", "npo", "shinbun")
                                              if self.partner_since.get(k, 0) <= nth(month, 2, SAT).toordinal()),
                               description="民生委員と手分けして訪問し、困りごとを聞く"))
        for month in (4, 5, 6, 7, 9, 10, 11, 12, 2, 3):
            plans.append(_Plan(f"salon-{month:02d}", "ふれあいいきいきサロン", "交流", nth(month, 3, WED), "13:30", 2, hall,
                               "seniors", 0.008, (2, 0.002), 3000, ("shakyo",), guests="サロン",
                               description=rng.choice(("体操と茶話会", "脳トレと茶話会", "手芸と茶話会", "歌声喫茶",
                                                       "健康講話と茶話会"))))
        if f >= univ_from:
            for month in (6, 10, 2):
                plans.append(_Plan(f"smartphone-{month}", "スマホ教室", "研修・講座", nth(month, 2, SAT), "14:00", 2, hall,
                                   "seniors", 0.004, (1, 0.0), 5000, ("kominkan",), organiser="協力団体",
                                   organiser_partner="univ", description="大学生が講師。LINE・写真・結ネットの使い方"))
        for month in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3):
            plans.append(_Plan(f"board-{month:02d}", "定例役員会", "役員会・会議", nth(month, 2, TUE), "19:00", 2, hall,
                               "officers", description="行事の準備、会計報告、回覧物の確認"))
        # what was called off: the pandemic year, and now and then the rain
        covid = {2020: {"hanami", "summer", "autumn", "undokai", "keirou", "newyear", "mochi", "salon-04", "salon-05",
                        "salon-06", "salon-07"}, 2021: {"summer", "newyear"}}.get(f, set())
        for p in plans:
            if p.key in covid:
                p.cancelled = "新型コロナウイルス感染症の拡大防止のため中止"
                if p.key == "keirou":
                    p.cancelled += "（記念品は班長が各戸に配布）"
            elif p.outdoor and rng.random() < 0.03:
                p.cancelled = "雨天のため中止"
            if f == 2020 and p.key == "assembly":
                p.audience, p.size, p.rsvp = "officers", 0.0, False
                p.description += "（新型コロナウイルス感染症の拡大防止のため書面決議）"
        plans.sort(key=lambda p: (p.day, p.time or "", p.key))
        return plans

    def _pools(self, f: int) -> dict[str, list[int]]:
        """Members of the town in 年度 ``f`` by age bucket, each repeated by how keen they are
        (a third never come; a few come to everything)."""
        first, last = self.fy_range(f)
        mid = first + 183
        pools: dict[str, list[int]] = {name: [] for name, _ in _BUCKETS}
        lows = [low for _n, low in _BUCKETS]
        keen = self.keen
        for pid in range(1, len(self.birth)):
            k = keen[pid]
            if not k or self.since[pid] > last or self.left[pid] <= first:
                continue
            h = self.homes[self.home[pid]]
            if h.member_from > last or h.member_to <= first:
                continue
            a = (mid - self.birth[pid]) / _YEAR
            if a < 0:
                continue
            pools[_BUCKETS[bisect.bisect_right(lows, a) - 1][0]].extend([pid] * k)
        return pools

    def _draw(self, pools: dict[str, list[int]], audience: str, want: int, day: int, seen: set[int]) -> list[int]:
        """Up to ``want`` members of the audience present on ``day``, not yet ``seen``."""
        rng = self.rng
        weights = _AUDIENCES[audience]
        buckets = [b for b in weights if pools[b]]
        out: list[int] = []
        if not buckets or want <= 0:
            return out
        pick = _Weighted(buckets, [weights[b] * len(pools[b]) for b in buckets])
        tries = 0
        while len(out) < want and tries < 4 * want + 20:
            tries += 1
            lst = pools[pick.pick(rng)]
            pid = lst[int(rng.random() * len(lst))]
            if pid in seen or not self.present(pid, day):
                continue
            if audience == "elders" and self.age(pid, day) < 75:
                continue
            seen.add(pid)
            out.append(pid)
        return out

    def _events(self) -> None:
        rng, rows, stamp = self.rng, self.rows, self.stamp
        keen_of = _Weighted([0, 1, 3, 8], [35, 45, 15, 5])
        self.keen = [keen_of.pick(rng) for _ in range(len(self.birth))]
        event_id = 0
        previous: dict[str, int] = {}
        self.rsvp_done = False
        for f in range(self.first_fy, self.fy + 1):
            pools = self._pools(f)
            distinct = {b: len(set(lst)) for b, lst in pools.items()}
            mine: dict[str, int] = {}
            for plan in self._plan(f):
                event_id += 1
                mine[plan.key] = event_id
                day = plan.day.toordinal()
                future = day >= self.today_ord
                status = "予定" if future else "中止" if plan.cancelled else "実施"
                turnout = _Turnout(self, plan, future)
                if status == "実施":
                    self._turnout(turnout, plan, f, pools, distinct)
                elif future and plan.rsvp and not self.rsvp_done and plan.audience in _AUDIENCES:
                    # the next event with a 出欠 回覧: the answers that came back so far
                    for pid in self._draw(pools, plan.audience, self._want(plan, distinct), day, set()):
                        turnout.take(pid, "参加", _RSVP.pick(rng), None)
                    self.rsvp_done = True
                start = plan.day.isoformat() + (f"T{plan.time}" if plan.time else "")
                ends = None
                if plan.time:
                    h, m = map(int, plan.time.split(":"))
                    minutes = min(h * 60 + m + round(plan.hours * 60), 23 * 60 + 59)
                    ends = f"{(plan.last_day or plan.day).isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"
                planned = int(round(plan.cost * self.scale, -3)) if plan.cost else None
                actual = int(round(planned * rng.uniform(0.82, 1.08), -2)) if status == "実施" and planned else None
                rows.events.append((
                    event_id, f"{rng.getrandbits(64):016x}", plan.title, self.categories[plan.category], start, ends,
                    plan.place, plan.organiser, self.partner_ids.get(plan.organiser_partner or ""), plan.description,
                    planned, actual, status, self._outcome(plan, status, turnout.came()), previous.get(plan.key),
                    stamp, stamp))
                for key in plan.partners:
                    if key in self.partner_ids and day <= self.partner_until.get(key, _NEVER):
                        rows.event_partners.append((event_id, self.partner_ids[key]))
                for pid, (role, rsvp, attended, hours) in sorted(turnout.named.items()):
                    rows.participations.append((event_id, pid, role, rsvp, attended, hours, stamp, stamp))
                for kind, counts in (("member", turnout.counted), ("guest", turnout.guests)):
                    rows.band_counts += [(event_id, band, kind, n) for band, n in sorted(counts.items()) if n]
            previous = mine

    def _want(self, plan: _Plan, distinct: dict[str, int]) -> int:
        """How many of the audience come: a share of the households (or, for the children's and
        the elders' events, of the children and the elders), ≈ 8 named participations per
        household over ten years in all."""
        if plan.audience in ("kids", "elders"):
            base = distinct["child" if plan.audience == "kids" else "old"]
        else:
            base = self.n_households
        return round(plan.size * base * _TURNOUT * self.rng.uniform(0.8, 1.2))

    def _turnout(self, t: _Turnout, plan: _Plan, f: int, pools: dict[str, list[int]], distinct: dict[str, int]) -> None:
        """Who came to an event that took place: the audience (with their families, or a parent
        helping at the children's events), the officers or 班長 for their meetings, the helpers
        (運営) from the core of 担い手, and guests from outside counted by age band."""
        rng = self.rng
        day = t.day
        officers = self.officers_by_year.get(f, [])
        hancho = self.hancho_by_year.get(f, [])
        seen: set[int] = set()
        people: list[int] = []
        if plan.audience in _AUDIENCES:
            for pid in self._draw(pools, plan.audience, self._want(plan, distinct), day, seen):
                people.append(pid)
                if plan.audience == "family" and rng.random() < 0.5:
                    for other in self.homes[self.home[pid]].people:
                        if other not in seen and self.present(other, day) and rng.random() < 0.6:
                            seen.add(other)
                            people.append(other)
                elif plan.audience == "kids" and rng.random() < 0.3:
                    for other in self.homes[self.home[pid]].people:
                        if other not in seen and self.present(other, day) and 25 <= self.age(other, day) <= 59:
                            seen.add(other)
                            t.take(other, "運営")  # a parent helping
                            break
        elif plan.audience == "officers":
            people = [p for p in officers if self.present(p, day) and rng.random() < 0.88]
        elif plan.audience == "audit":
            roles = {r[0]: r[1] for r in self.rows.officers if r[3] == f}
            people = [p for p in officers if roles.get(p) in ("会長", "会計", "監事") and self.present(p, day)]
        elif plan.audience == "hancho":
            share = 0.6 if plan.category == "その他" else 0.75
            people = [p for p in hancho if self.present(p, day) and rng.random() < share]
        role = "運営" if plan.audience == "hancho" and plan.category == "その他" else "参加"
        for pid in people:
            t.take(pid, role, "出席" if plan.rsvp else "", 0 if plan.rsvp and rng.random() < 0.03 else 1)
        if plan.rsvp and plan.audience in _AUDIENCES:  # those who sent 欠席 back on the 回覧
            for pid in self._draw(pools, plan.audience, len(people) // 4, day, seen):
                t.take(pid, "参加", "欠席", 0)
        if plan.key in ("clean-spring", "drill"):  # the 班長 lead their 班
            for pid in hancho:
                if self.present(pid, day) and rng.random() < 0.4:
                    t.take(pid, "運営")
        low, share = plan.helpers
        low = max(1, round(low * min(1.0, self.n_households / 150))) if low else 0  # a small town needs fewer
        need = max(low, round(share * self.n_households * _TURNOUT)) if low or share else 0
        if need and self.core:
            chosen: set[int] = set()
            for _ in range(4 * need + 10):
                pid = self.core[int(rng.random() * len(self.core))]
                if pid not in chosen and self.present(pid, day):
                    chosen.add(pid)
                    t.take(pid, "運営", promote=True)
                    if len(chosen) >= need:
                        break
        if plan.key.startswith("salon") and rng.random() < 0.3:
            helpers = sorted(p for p, v in t.named.items() if v[0] == "運営")
            if helpers:
                pid = rng.choice(helpers)
                t.named[pid] = ("講師", *t.named[pid][1:])  # 体操・手芸を教える
        if plan.guests:
            share_g, mix = _GUEST_MIX[plan.guests]
            bands = _Weighted(list(mix), list(mix.values()))
            for _ in range(round(t.came() * share_g * rng.uniform(0.7, 1.3))):
                b = bands.pick(rng)
                t.guests[b] = t.guests.get(b, 0) + 1
        if plan.organiser_partner == "univ":
            t.guests["20〜39歳"] = t.guests.get("20〜39歳", 0) + rng.randint(3, 6)  # the students who teach

    def _outcome(self, plan: _Plan, status: str, came: int) -> str:
        rng = self.rng
        if status == "中止":
            return plan.cancelled
        if status != "実施":
            return ""
        if plan.key == "assembly" and plan.rsvp:
            return f"出席{came}人・委任状{round(self.n_households * 0.55 * rng.uniform(0.9, 1.1))}通。全議案を承認"
        if plan.key == "assembly":
            return "書面決議。全議案を承認"
        if plan.category == "清掃・美化":
            return f"ごみ袋{max(3, came // 3)}袋を回収"
        if plan.key == "keirou":
            return f"出席{came}人。記念品は欠席の方へ班長が届けた"
        if plan.key == "drill":
            return f"黄色いタオルの掲示 {rng.randint(55, 85)}%。安否確認に{rng.randint(25, 50)}分"
        if plan.key == "summer":
            return rng.choice(("天候に恵まれ盛況", "模擬店は商店会の協賛", "学生ボランティアが運営を補助", "猛暑のため盆踊りを短縮"))
        return ""

    # -- local issues and requests to the city ---------------------------------------------------

    def _issues(self) -> None:
        rng = self.rng
        n_blocks = max(self.blocks) if self.blocks else 0
        request_id = 0
        for n, (title, category, stage, years_ago, month, block, place, reporter, description, next_action, due,
                partners, post, requests) in enumerate(names.ISSUES, start=1):
            found = date(self.today.year - years_ago, month, 1 + rng.randrange(27))
            while found.toordinal() > self.today_ord - 14:
                found = found.replace(year=found.year - 1)
            found = max(found, fiscal_year_range(self.first_fy, self.sm)[0])
            block_id = ((block - 1) % n_blocks) + 1 if block and n_blocks else None
            if block_id:
                place = f"{block_id}班 " + place.split(" ", 1)[-1] if place.endswith("ごみステーション") else place
                reporter = f"{block_id}班 班長" if reporter.endswith("班 班長") else reporter
            due_on = self.iso(self.today_ord + due) if due and stage != "休止・終了" else None
            url = f"https://machibako.example.jp/issues/{post}" if post else ""
            self.rows.issues.append((
                n, f"{rng.getrandbits(64):016x}", title, description, category, block_id, place, reporter,
                found.isoformat(), stage, next_action, due_on, url, self.stamp, self.stamp))
            self.rows.issue_partners += [(n, self.partner_ids[k]) for k in partners]
            for after, to, text, answer, answer_days in requests:
                asked = found.toordinal() + after
                if asked >= self.today_ord:
                    continue
                answered = asked + answer_days if answer else _NEVER
                request_id += 1
                done = answered < self.today_ord
                self.rows.requests.append((
                    request_id, n, self.iso(asked), to, text, answer if done else "",
                    self.iso(answered) if done else None, self.stamp, self.stamp))

    # -- households living in the area, per 年度 ---------------------------------------------------

    def _area(self) -> None:
        """The city's estimate of the households in the area on the first day of each 年度, so
        that the membership rate (加入世帯 ÷ 区域内世帯) drifts gently down over the ten years."""
        rng = self.rng
        for k, f in enumerate(range(self.first_fy, self.fy + 1)):
            day = self.fy_range(f)[0]
            members = sum(1 for h in self.homes.values() if h.member_from <= day < h.member_to)
            rate = 0.80 - 0.009 * k + rng.uniform(-0.003, 0.003)
            total = max(members + 1, round(members / rate)) if members else max(1, round(self.n_households * 1.2))
            self.rows.area.append((f, total, f"住民基本台帳の町丁別世帯数（{f}年4月1日）から推計", self.stamp))


# -- 当番表: ごみステーション and 防犯パトロール ---------------------------------------------------------------
#
# Made with the roster model's own functions (stations, rosters, exemptions, turns, swaps,
# stand-ins), so the turns are exactly the ones the model gives. They run on the demo's connection
# inside its transaction through :class:`_DemoBook`, with their own ``Random``.

#: what the station users do (DOMAIN.md §3.4, Kanazawa: collected Monday–Friday by 8:30, holidays included)
_GOMI_DUTY = ("収集日（月〜金）の朝8時30分までにネットとかごを出し、収集の後に片付けと清掃。分別されていないごみには"
              "注意書きを貼る（分け直さない）。ネット・重し・掲示板の点検。週の終わりに当番札を次の世帯へ渡す。")
_PATROL_DUTY = ("金曜の20時から約1時間、2世帯で町内を巡回（ベスト・懐中電灯は次の世帯へ）。"
                "気づいたことは報告用紙に書いて会長へ。")
_CHOME_RE = re.compile(r"^(\d+)丁目(\d+)")
_CITY_RE = re.compile(r"^(?:.{2,3}[都道府県])?.+?[市郡]")  # 「石川県金沢市」泉野町


class _DemoBook:
    """Just enough of a :class:`~kyodo_desktop.models.register.Register` for the model functions
    the demo calls (rosters, 防災): the demo's connection (inside its transaction), the system
    session, the demo's clock and actor. The model's audit rows and recorded looks are left out
    (the demo writes one row of its own)."""

    read_only = False

    def __init__(self, conn, today: date, stamp: str, actor: str = "デモ") -> None:  # noqa: ANN001 - a DB-API connection
        from kyodo_desktop.models.auth import SYSTEM

        self.conn = conn
        self.session = SYSTEM
        self.actor = actor
        self._today = today
        self._stamp = stamp

    def now(self) -> str:
        return self._stamp

    def today(self) -> date:
        return self._today

    def clock(self) -> datetime:
        return datetime.fromisoformat(self._stamp)

    def record(self, *args, **kwargs) -> None:
        return None

    @contextlib.contextmanager
    def writing(self, doing: str):  # noqa: ANN201 - a context manager, as Register.writing
        name = f"kyodo_demo_{id(self):x}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def _audit_row(self, *args, **kwargs) -> None:
        return None


@dataclass
class _RosterCounts:
    stations: int = 0
    rosters: int = 0
    turns: int = 0
    exemptions: int = 0


def _make_rosters(conn, *, seed: int, today: date, stamp: str, start_month: int,  # noqa: ANN001
                  officers: list[tuple]) -> _RosterCounts:
    """Stations (one per 2–3 班) with their users in 回覧順, a weekly Monday–Friday ごみ当番 per
    station (holidays kept, 年末年始 skipped, households of only 75+ people exempt), a Friday-night
    防犯パトロール of 2 households (holidays and the 秋祭り 宵宮 skipped), recorded exemptions (要介護・障害,
    長期不在, 役員), turns for this whole 年度 with the past ones marked 済 (a few 欠), a stand-in paid
    back and a couple of swaps. Households that left this 年度 took turns until they left and
    were then taken off their station (as an officer would)."""
    from kyodo_desktop.models import rosters as ro

    rng = random.Random(f"kyodo-demo-rosters-{seed}")
    book: Any = _DemoBook(conn, today, stamp)
    counts = _RosterCounts()
    fy = fiscal_year(today, start_month)
    fy_start, fy_end = fiscal_year_range(fy, start_month)
    first, today_iso = fy_start.isoformat(), today.isoformat()
    homes = conn.execute(
        "SELECT id, block_id, address_town, address_number, dwelling_type, status, status_since FROM households "
        "ORDER BY block_id, circulation_order").fetchall()
    if not homes:
        return counts
    by_block: dict[int, list[tuple]] = {}
    for h in homes:
        by_block.setdefault(h[1], []).append(h)
    present = {h[0] for h in homes if h[5] in ("加入", "非加入")}

    # a local day without duties: the eve (宵宮) of the 秋祭り, a Friday
    autumn = _nth(fy if start_month <= 10 else fy + 1, 10, 1, SUN)
    ro.add_non_working_day(book, autumn - timedelta(days=2), "秋祭り（宵宮）")

    # stations: 2–3 neighbouring 班 each, users in 班 and 回覧順 order (no 事業所: their rubbish is
    # 事業系ごみ); a household that left this 年度 is still on the list until its turns are settled
    blocks = sorted(by_block)
    groups: list[list[int]] = []
    at = 0
    while at < len(blocks):
        size = rng.choice((2, 2, 3))
        if len(blocks) - at - size == 1:
            size += 1
        groups.append(blocks[at:at + size])
        at += size
    stations: list[tuple[int, list[int], list[int]]] = []  # (id, users at the 年度 start, users now)
    per_place: dict[str, list[str]] = {}  # 丁目 → the places of its stations
    for group in groups:
        users = [h[0] for b in group for h in by_block[b]
                 if h[4] != "事業所" and (h[0] in present or h[6] >= first)]
        if not users:
            continue
        middle = users[len(users) // 2]  # named after where the middle of its users live
        lead = next(h for b in group for h in by_block[b] if h[0] == middle)
        town = _CITY_RE.sub("", lead[2])
        m = _CHOME_RE.match(lead[3])
        chome, ban = (m.group(1), m.group(2)) if m else ("", "")
        area = f"{town}{chome}丁目" if chome else town
        taken_here = per_place.setdefault(area, [])
        spot = rng.choice([p for p in names.STATION_PLACES if p not in taken_here] or list(names.STATION_PLACES))
        taken_here.append(spot)
        name = f"{area}第{len(taken_here)}ステーション（{spot}）"
        place = f"{area}{ban}番地先" if ban else area
        sid = ro.add_station(book, name, place, users)
        stations.append((sid, users, [u for u in users if u in present]))
    counts.stations = len(stations)

    # exemptions with their reasons (recorded below for the household's rosters, before any turn is given)
    people: dict[int, list[tuple[str, str]]] = {}
    for hid, birth, relation in conn.execute(
            "SELECT household_id, birth_date, relation FROM persons WHERE status = '在籍' ORDER BY household_id, position"):
        people.setdefault(hid, []).append((birth, relation))
    today_ord = today.toordinal()

    def age(birth: str) -> float:
        return (today_ord - date.fromisoformat(birth).toordinal()) / _YEAR

    members = [h for h in homes if h[5] == "加入" and h[4] != "事業所" and people.get(h[0])]
    patrol_blocks: list[int] = []
    enough = 0
    for b in blocks:  # the first 班 in order, until about 50 member households: one turn a year each
        patrol_blocks.append(b)
        enough += sum(1 for h in by_block[b] if h[5] == "加入")
        if enough >= 48:
            break
    in_patrol = set(patrol_blocks)
    care = [h for h in members if any(age(b) >= 70 for b, _r in people[h[0]]) and any(age(b) < 69 for b, _r in people[h[0]])]
    away = [h for h in members if any(r == "世帯主" and 30 <= age(b) <= 64 for b, r in people[h[0]])]
    n_households = len(homes)
    budget = len(members) // 10  # never so many that a small town has nobody left to do the work
    n_care = min(max(1, n_households // 250), budget)
    n_away = min(max(1, n_households // 300), budget - n_care)
    taken: set[int] = set()

    def choose(pool: list[tuple], n: int) -> list[int]:
        local = [h[0] for h in pool if h[1] in in_patrol and h[0] not in taken]
        chosen = [rng.choice(local)] if local and n else []
        taken.update(chosen)
        rest = [h[0] for h in pool if h[0] not in taken]
        chosen += rng.sample(rest, min(len(rest), n - len(chosen)))
        taken.update(chosen)
        return sorted(chosen)

    exemptions: list[tuple[int, str, date, date | None, str]] = []  # household, reason, from, to, notes
    for hid in choose(care, n_care):
        since = date.fromordinal(today_ord - rng.randint(60, 900))
        exemptions.append((hid, "要介護・障害", since, None, rng.choice(names.CARE_EXEMPTION_NOTES)))
    for n, hid in enumerate(choose(away, n_away)):
        if n % 3 == 2:  # one in three is back already
            until = today_ord - rng.randint(10, 90)
            since = until - rng.randint(120, 300)
        else:
            since = today_ord - rng.randint(20, 200)
            until = since + rng.randint(230, 400)
        exemptions.append((hid, "長期不在", date.fromordinal(since), date.fromordinal(until),
                           rng.choice(names.AWAY_EXEMPTION_NOTES)))
    household_of = dict(conn.execute("SELECT id, household_id FROM persons"))
    for pid, role, _block, year, *_rest in officers:
        hid = household_of.get(pid)
        if year == fy and role in ("会長", "会計") and hid in present and hid not in taken and len(taken) < budget:
            taken.add(hid)
            exemptions.append((hid, "役員", fy_start, fy_end, f"{role}の任期中（総会で承認）"))

    # the rosters, and their turns for the whole 年度
    station_rosters: list[int] = []
    for sid, _users, _now in stations:
        name = conn.execute("SELECT name FROM stations WHERE id = ?", [sid]).fetchone()[0]
        station_rosters.append(ro.save_roster(book, ro.RosterData(
            name=f"{name}のごみ当番", start_date=fy_start, duty=_GOMI_DUTY, pool="station", station_id=sid,
            ordering="circulation", cadence="weekly", weekdays=[0, 1, 2, 3, 4], skip_holidays=False,
            skip_year_end=True, skip_local_days=False, exempt_age=75,
            notes="金沢市は祝日も収集するため、祝日も当番の日（年末年始12月29日〜1月3日を除く）。")))
    names_of = dict(conn.execute("SELECT id, name FROM blocks"))
    span = "" if len(patrol_blocks) == len(blocks) else (
        f"{names_of[patrol_blocks[0]]}・" if len(patrol_blocks) == 1 else
        f"{names_of[patrol_blocks[0]].removesuffix('班')}〜{names_of[patrol_blocks[-1]]}・")
    patrol = ro.save_roster(book, ro.RosterData(
        name=f"防犯パトロール（{span}金曜夜）", start_date=fy_start, duty=_PATROL_DUTY, pool="blocks",
        block_ids=patrol_blocks, cadence="weekdays", weekdays=[4], per_turn=2, skip_holidays=True,
        skip_year_end=True, skip_local_days=True, exempt_age=75,
        notes="祝日・年末年始と秋祭りの宵宮（神社の夜警がある）は休み。"))
    all_rosters = [*station_rosters, patrol]
    # each exemption for the rosters the household is in (not for every roster: one made later
    # by the user starts without the demo's exemptions)
    station_of = {hid: rid for (_sid, users, _now), rid in zip(stations, station_rosters, strict=True) for hid in users}
    block_of = {h[0]: h[1] for h in homes}
    for hid, reason, since, until, notes in exemptions:
        for rid in (station_of.get(hid), patrol if block_of[hid] in in_patrol else None):
            if rid is not None:
                ro.add_exemption(book, hid, reason, since, until, roster_id=rid, notes=notes)
    counts.exemptions = conn.execute("SELECT count(*) FROM roster_exemptions").fetchone()[0]
    for rid in all_rosters:
        conn.execute("UPDATE rosters SET uid = ? WHERE id = ?", [f"{rng.getrandbits(64):016x}", rid])
        with contextlib.suppress(RegisterError):  # a tiny demo whose only household is exempt: no turns
            ro.generate(book, rid, fy_end)
    # those who left are taken off their station: their turns from tomorrow go to the others
    for sid, users, now in stations:
        if now != users:
            ro.set_station_users(book, sid, now)
    counts.rosters = len(all_rosters)

    # what was done: a few 欠 (with what happened), 済 for every other turn that is over — in one
    # UPDATE writing what mark_turn writes (status, an empty note, the time), ~10× faster for 5,000 turns
    done = conn.execute("SELECT id, roster_id FROM roster_turns WHERE ends_on < ? ORDER BY id", [today_iso]).fetchall()
    for tid, rid in done:
        if rng.random() < 0.03:
            ro.mark_turn(book, tid, "欠", "都合がつかず" if rid == patrol else rng.choice(names.MISSED_TURN_NOTES))
    conn.execute("UPDATE roster_turns SET status = '済', note = '', updated_at = ? WHERE ends_on < ? AND status = '予定'",
                 [stamp, today_iso])
    _stand_in_and_swaps(book, rng, station_rosters or [patrol], today_iso)
    counts.turns = conn.execute("SELECT count(*) FROM roster_turns").fetchone()[0]
    return counts


def _stand_in_and_swaps(book, rng: random.Random, rosters: list[int], today_iso: str) -> None:  # noqa: ANN001
    """One stand-in on a recent turn (the next one on the roster did it; the one who owed it does
    theirs in return), and two swaps of coming turns, on different rosters where there are enough."""
    from kyodo_desktop.models import rosters as ro

    conn = book.conn
    order = rosters[:]
    rng.shuffle(order)

    def open_turns(rid: int) -> list[tuple[int, int, str]]:
        return conn.execute(
            "SELECT id, member_id, starts_on FROM roster_turns WHERE roster_id = ? AND starts_on > ? AND status = '予定' "
            "AND substitute_id IS NULL ORDER BY seq, slot", [rid, today_iso]).fetchall()

    def eligible(rid: int, member: int, day: str) -> bool:
        return any(e.member_id == member and e.eligible for e in ro.eligibility(book, rid, day))

    used = None
    for rid in order:
        past = conn.execute(
            "SELECT id, member_id, starts_on FROM roster_turns WHERE roster_id = ? AND ends_on < ? AND status = '済' "
            "AND substitute_id IS NULL ORDER BY seq DESC, slot DESC LIMIT 6", [rid, today_iso]).fetchall()
        coming = open_turns(rid)
        if not past or not coming:
            continue
        turn_id, owes, day = past[rng.randrange(len(past))]
        _tid, helper, back_on = coming[0]
        if helper != owes and eligible(rid, helper, day) and eligible(rid, owes, back_on):
            ro.substitute(book, turn_id, helper)
            used = rid
            break
    swaps = 0
    for rid in [r for r in order if r != used] + ([used] if used is not None else []):
        coming = open_turns(rid)[:8]
        for a in range(1, len(coming)):
            b = a + 1 + rng.randrange(2)
            if b >= len(coming) or coming[a][1] == coming[b][1]:
                continue
            try:
                ro.swap_turns(book, coming[a][0], coming[b][0])
            except RegisterError:  # one of them cannot do the other's day
                continue
            swaps += 1
            break
        if swaps == 2:
            break


# -- 防災: consents, emergency contacts, the 要支援者 list, equipment, places, organisation, drills ---------
#
# DOMAIN.md §1.2-E, §3.2, §3.3, §5.6. Built from the rows the register part made (kept in memory, not
# read back), inside the demo's transaction, with a ``Random`` per part derived from the seed (so a
# change to one part leaves the others as they were). The small parts go through the model's own
# functions via :class:`_DemoBook` (places, equipment, the organisation, starting and ending the
# checks); the many rows (consents, contacts, the city's list, the results of the drills) are
# written with ``executemany``.

#: the form the 連絡網 / 防災 consents were given on
_CONSENT_FORM = "緊急連絡網・防災名簿への掲載の同意書"
#: the 協定 under which the city provides its 避難行動要支援者名簿
SUPPORT_AGREEMENT = "金沢市避難行動要支援者名簿の提供に関する協定（令和7年）"
_PRESENT = ("加入", "非加入")
_TEAMS = ("情報班", "消火班", "救出救護班", "避難誘導班", "給食給水班")
#: a 担い手's skill → the 自主防災 team it fits
_SKILL_TEAM = {"防災士": "情報班", "PC・スマホ支援": "情報班", "写真・広報": "情報班", "力仕事": "消火班",
               "看護・介護": "救出救護班", "運転": "避難誘導班", "子どもの見守り": "避難誘導班", "調理": "給食給水班"}


@dataclass
class _BousaiCounts:
    renrakumou: int = 0  # households that agreed to the 連絡網
    bosai_share: int = 0
    contacts: int = 0
    support: int = 0
    helpers: int = 0
    equipment: int = 0
    places: int = 0
    members: int = 0  # this 年度's 自主防災 organisation
    checks: int = 0
    results: int = 0


class _BHome:
    """A household, from the row the register part wrote (see ``hh_rows`` in :func:`populate_demo`)."""

    __slots__ = ("id", "block", "order", "status", "since", "dwelling", "landline", "address", "street", "head", "people")

    def __init__(self, row: tuple) -> None:
        self.id, _uid, self.block, self.order, self.head, _postal, town, number, building = row[:9]
        self.dwelling, self.landline = row[9], row[10]
        self.status = row[13]
        self.since = date.fromisoformat(row[14]).toordinal()
        self.address = town + number + (f" {building}" if building else "")  # as the register gives it
        self.street = _CITY_RE.sub("", town) + number  # 「泉野町2丁目14-3」
        self.people: list[_BPerson] = []

    @property
    def present(self) -> bool:
        return self.status in _PRESENT

    @property
    def business(self) -> bool:
        return self.dwelling == "事業所"


class _BPerson:
    """A person, from the row the register part wrote (``p_rows``) and its day ordinals (``who``)."""

    __slots__ = ("id", "home", "family", "given", "fkana", "gkana", "relation", "birth", "sex", "mobile", "status",
                 "since", "enrolled")

    def __init__(self, row: tuple, home: _BHome, birth: int, enrolled: int, left: int) -> None:
        self.id, _uid, _hid, self.family, self.given, self.fkana, self.gkana, self.relation = row[:8]
        self.sex, self.mobile, self.status = row[9], row[10], row[14]
        self.home = home
        self.birth = birth
        self.enrolled = enrolled
        self.since = left  # the day of the last status change, for one who is no longer 在籍

    @property
    def name(self) -> str:
        return f"{self.family}　{self.given}"

    @property
    def present(self) -> bool:
        return self.status == "在籍" and self.home.present

    def present_on(self, day: int) -> bool:
        """On the register, in a household living here, on ``day``."""
        h = self.home
        return (self.enrolled <= day and (self.status == "在籍" or self.since > day)
                and (h.status in _PRESENT or h.since > day))

    @property
    def phone(self) -> str:
        return self.mobile or self.home.landline


class _Bousai:
    def __init__(self, conn, *, hh_rows: list[tuple], p_rows: list[tuple],  # noqa: ANN001 - a DB-API connection
                 who: list[tuple[int, int, int, int, int, str]], seed: int, today: date, stamp: str, start_month: int,
                 actor: str, area: str) -> None:
        self.conn = conn
        self.seed = seed
        self.today = today
        self.today_ord = today.toordinal()
        self.stamp = stamp
        self.sm = start_month
        self.fy = fiscal_year(today, start_month)
        self.area = area
        self.actor = actor
        self.book: Any = _DemoBook(conn, today, stamp, actor)
        self.counts = _BousaiCounts()
        # the rows the register part wrote (in 班 and 回覧順 order; people in 住民票 order), not read back
        self.homes = [_BHome(r) for r in hh_rows]
        home_of = {h.id: h for h in self.homes}
        days = {pid: (birth, enrolled, left) for pid, _h, birth, enrolled, left, _r in who}
        self.persons: dict[int, _BPerson] = {}
        for row in p_rows:
            h = home_of[row[2]]
            p = _BPerson(row, h, *days[row[0]])
            h.people.append(p)
            self.persons[p.id] = p
        self.blocks: dict[int, list[_BHome]] = {}
        for h in self.homes:
            self.blocks.setdefault(h.block, []).append(h)
        self.block_names = dict(conn.execute("SELECT id, name FROM blocks"))
        self.leaders = {b: p for b, p in conn.execute("SELECT id, leader_person_id FROM blocks") if p is not None}
        self.officers: dict[int, list[tuple[int, str, int | None]]] = {}  # 年度 → (person, role, 班)
        for pid, role, block, f in conn.execute(
                "SELECT person_id, role, block_id, fiscal_year FROM officers WHERE fiscal_year >= ? ORDER BY id",
                [self.fy - 2]):
            self.officers.setdefault(f, []).append((pid, role, block))
        self.drills = self._drill_days()

    def rng(self, part: str) -> random.Random:
        return random.Random(f"kyodo-demo-bousai-{part}-{self.seed}")

    def age(self, p: _BPerson, day: int | None = None) -> float:
        return ((self.today_ord if day is None else day) - p.birth) / _YEAR

    def iso(self, ordinal: int) -> str:
        return date.fromordinal(ordinal).isoformat()

    def build(self) -> _BousaiCounts:
        self._consents()
        self._contacts()
        self._places()
        self._equipment()
        self._organisation()
        self._support()
        self._checks()
        return self.counts

    # -- 連絡網 and 防災 consents, per household ----------------------------------------------------------

    def _consents(self) -> None:
        """RENRAKUMOU for about 85 % of the households living here and BOSAI_SHARE for about 70 %,
        given on the 世帯票 when the association renewed its 連絡網 two 年度 ago or when they came;
        the 班長 and the officers all agreed (the tree starts with them); some said no."""
        rng = self.rng("consents")
        asked = fiscal_year_range(self.fy - 2, self.sm)[0].toordinal() + 30
        always = {self.persons[p].home.id for p in self.leaders.values()}
        always |= {self.persons[p].home.id for p, _r, _b in self.officers.get(self.fy, [])}
        rows: list[tuple] = []
        stamp = self.stamp

        def add(hid: int, purpose: str, granted: int, on: int, method: str) -> None:
            rows.append((None, hid, purpose, granted, self.iso(on), method, _CONSENT_FORM, None, "", stamp, stamp))

        self.renrakumou: set[int] = set()
        for h in self.homes:
            if not h.present:
                continue
            p = 1.0 if h.id in always else 0.6 if h.business else 0.87 if h.status == "加入" else 0.5
            on = min(max(asked + rng.randint(0, 120), h.since + rng.randint(0, 21)), self.today_ord - 1)
            method = "書面" if rng.random() < 0.92 else "口頭"
            if rng.random() < p:
                add(h.id, "RENRAKUMOU", 1, on, method)
                self.renrakumou.add(h.id)
                x = rng.random()
                if h.id in always or x < 0.8:
                    add(h.id, "BOSAI_SHARE", 1, on, method)
                    self.counts.bosai_share += 1
                elif x < 0.88:
                    add(h.id, "BOSAI_SHARE", 0, on, method)
            else:
                if rng.random() < 0.4:
                    add(h.id, "RENRAKUMOU", 0, on, "書面")
                if rng.random() < 0.1:
                    add(h.id, "BOSAI_SHARE", 1, on, method)
                    self.counts.bosai_share += 1
        self.counts.renrakumou = len(self.renrakumou)
        self.conn.executemany(
            "INSERT INTO consents (person_id, household_id, purpose, granted, granted_on, method, form_version, "
            "withdrawn_on, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)

    # -- 緊急連絡先: relatives living elsewhere ------------------------------------------------------------

    def _contacts(self) -> None:
        """For three in four households of only older people a child living elsewhere, sometimes a
        second; for a quarter of the others a parent or a sibling; a grown child the register
        records as moved out is that child, by name; for some parents living with a grown child,
        that parent's other child (a contact of the person, not the household)."""
        rng = self.rng("contacts")
        places = _Weighted(list(names.CONTACT_PLACES), [w for *_r, w in names.CONTACT_PLACES])
        given_tables = names.GIVEN_NAMES

        def given(birth_year: int, sex: str) -> str:
            for first, last, male, female in given_tables:
                if first <= birth_year <= last:
                    return rng.choice(male if sex == "男" else female)[0]
            return rng.choice(given_tables[-1][2 if sex == "男" else 3])[0]

        def digits(pattern: str) -> str:  # a local number never begins with 0 (that would be an area code)
            return "".join(c if c != "#" else str(rng.randint(2, 9)) if pattern[i - 1] == "-" else str(rng.randrange(10))
                           for i, c in enumerate(pattern))

        def where(landline: float) -> tuple[str, str]:
            pref, towns, pattern, _w = places.pick(rng)
            address = f"{pref}{rng.choice(towns)}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}" \
                if rng.random() < 0.85 else ""
            if rng.random() < landline:
                return digits(pattern), address
            return f"{rng.choice(names.MOBILE_PREFIXES)}-{rng.randrange(1000, 10000)}-{rng.randrange(10000):04d}", address

        def relative(family: str, age: float, relation: str, *, married_away: float = 0.0) -> tuple[str, str]:
            sex = "女" if relation[-1] in "女母姉妹姪" else "男"
            surname = _SURNAMES.pick(rng)[0] if rng.random() < married_away else family
            year = self.today.year - max(18, int(age))
            return f"{surname}　{given(year, sex)}", relation

        rows: list[tuple] = []
        stamp = self.stamp

        def add(hid: int | None, pid: int | None, who: tuple[str, str], age: float, priority: int) -> None:
            phone, address = where(0.55 if age >= 70 else 0.25)
            note = rng.choice(names.CONTACT_NOTES) if rng.random() < 0.12 else ""
            rows.append((hid, pid, who[0], who[1], phone, address, priority, note, stamp, stamp))

        children = _Weighted(["長男", "長女", "次男", "次女"], [40, 35, 12, 13])
        for h in self.homes:
            if not h.present or h.business:
                continue
            living = [p for p in h.people if p.status == "在籍"]
            if not living:
                continue
            ages = [self.age(p) for p in living]
            head = next((p for p in living if p.relation == "世帯主"), living[0])
            eldest = max(ages)
            if min(ages) >= 65:
                if rng.random() >= 0.75:
                    continue
                gone = [p for p in h.people if p.relation == "子" and p.status == "転出"]
                taken: set[str] = set()
                for priority in (1, 2):
                    if priority == 2 and rng.random() >= 0.35:
                        break
                    if gone:
                        child = gone.pop(0)
                        relation = ("長" if child.sex not in taken else "次") + ("男" if child.sex == "男" else "女")
                        taken.add(child.sex)
                        add(h.id, None, (child.name, relation), self.age(child), priority)
                        continue
                    relation = children.pick(rng)
                    while relation in taken:
                        relation = children.pick(rng)
                    taken.add(relation)
                    age = eldest - rng.randint(25, 34)
                    add(h.id, None, relative(head.family, age, relation, married_away=0.65 if "女" in relation else 0.0),
                        age, priority)
            elif rng.random() < 0.27:
                gone = [p for p in h.people if p.relation == "子" and p.status == "転出"]
                age = self.age(head) + rng.randint(26, 34)
                if gone and rng.random() < 0.6:  # a grown child who moved out (to study or work)
                    child = gone[0]
                    age = self.age(child)
                    who = (child.name, "長男" if child.sex == "男" else "長女")
                elif age <= 92:
                    relation = rng.choice(("父", "母", "母", "妻の母", "妻の父")) if head.sex == "男" else \
                        rng.choice(("父", "母", "母"))
                    who = relative(head.family, age, relation, married_away=1.0 if relation.startswith("妻") else 0.0)
                else:
                    age = self.age(head) + rng.randint(-8, 8)
                    who = relative(head.family, age, rng.choice(("兄", "姉", "弟", "妹")), married_away=0.5)
                add(h.id, None, who, age, 1)
                # a parent living with a grown child: that parent's other child, for the parent
                for p in living:
                    if p.relation in ("父", "母") and self.age(p) >= 70 and rng.random() < 0.4:
                        age = self.age(p) - rng.randint(24, 34)
                        relation = rng.choice(("長女", "次女", "次男"))
                        add(None, p.id, relative(p.family, age, relation, married_away=0.7 if "女" in relation else 0.0),
                            age, 1)
        self.conn.executemany(
            "INSERT INTO emergency_contacts (household_id, person_id, name, relation, phone, address, priority, notes, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        self.counts.contacts = len(rows)

    # -- 集合場所 of one to three 班, the school's 体育館 and a 福祉避難所 --------------------------------------------------

    def _places(self) -> None:
        from kyodo_desktop.models import bousai as bo

        rng = self.rng("places")
        book, area = self.book, self.area
        town = _CITY_RE.sub("", names.TOWNS[0][0])
        school = f"{area}小学校"
        self.shelter = f"{school} 体育館"
        self.welfare = f"特別養護老人ホーム {area}さくら園"
        made = [
            bo.save_place(book, bo.PlaceData("指定避難所", self.shelter, f"金沢市{town}4丁目12-1",
                                             "市の指定避難所。開設は市と校下の自主防災会。体育館の鍵は学校と校下で保管")),
            bo.save_place(book, bo.PlaceData("一時避難場所", f"{school} グラウンド", f"金沢市{town}4丁目12-1",
                                             "大きな揺れの後、集合場所から班ごとに移動")),
            bo.save_place(book, bo.PlaceData("福祉避難所", self.welfare, f"金沢市{town}6丁目3-8",
                                             "介護の必要な方の避難所。市が開設を決め、指定避難所から移る（直接は行かない）")),
        ]
        blocks = sorted(self.blocks)
        at = 0
        taken: set[str] = set()
        while at < len(blocks):  # one for each 班 or for two or three neighbouring 班
            size = rng.choice((1, 2, 2, 3))
            group = blocks[at:at + size]
            at += size
            homes = [h for b in group for h in self.blocks[b]]
            street = homes[len(homes) // 2].street  # named after where the middle of its households live
            m = re.search(r"(\d+)丁目(\d+)", street)
            where = street[:m.start()] if m else street
            chome, ban = (m.group(1), m.group(2)) if m else ("", "")
            place_area = f"{where}{chome}丁目" if chome else where
            spots = [s for s in names.GATHERING_SPOTS if f"{place_area}{s}" not in taken]
            name = f"{place_area}{rng.choice(spots)}" if spots else f"{place_area}第{len(taken) + 1}集合場所"
            taken.add(name)
            notes = "" if rng.random() < 0.7 else rng.choice(("夜間は街灯の下に集まる", "雨の日は集会所の軒下",
                                                              "黄色いタオルを確認してから集まる"))
            made.append(bo.save_place(book, bo.PlaceData("集合場所", name, f"{place_area}{ban}番地" if ban else place_area,
                                                         notes, list(group))))
        self.counts.places = len(made)

    # -- 防災資機材台帳 ----------------------------------------------------------------------------------------

    def _equipment(self) -> None:
        from kyodo_desktop.models import bousai as bo
        from kyodo_desktop.models.japanese import wareki_year

        rng = self.rng("equipment")
        members = sum(1 for h in self.homes if h.status == "加入" and not h.business)
        latest = self.drills[-1][1].toordinal() if self.drills else 0
        recent = latest if 0 < self.today_ord - latest < 300 else self.today_ord - rng.randint(20, 90)

        def era_year(year: int) -> str:
            era, n = wareki_year(date(year, 12, 31))
            return f"{era.short}{n}"

        for item, quantity, place, years, subsidy, check, notes in names.EQUIPMENT:
            year = self.today.year - years
            checked = {"recent": recent, "old": self.today_ord - rng.randint(380, 560), "none": None}[check]
            bo.save_equipment(self.book, bo.EquipmentData(
                item, quantity if quantity is not None else max(2, round(members / 10)), place, str(year),
                subsidy.format(era_year(year)), date.fromordinal(checked) if checked else None, notes))
            self.counts.equipment += 1
        item, quantity, place, years, why = names.EQUIPMENT_RETIRED
        eid = bo.save_equipment(self.book, bo.EquipmentData(item, quantity, place, str(self.today.year - years)))
        bo.retire_equipment(self.book, eid, date.fromordinal(self.today_ord - rng.randint(400, 700)), why)

    # -- the 自主防災 organisation: last 年度's, carried over to this one --------------------------------------------

    def _organisation(self) -> None:
        """Last 年度's chart (written directly: some of its people have left since), from that
        year's officers (本部), the 担い手 by their skills and some of that year's 班長; then this
        年度's made with the model as an officer would: last year's copied (those who left are
        left out), a team without its 班長 given one, a few who stepped down, a few new 担い手."""
        from kyodo_desktop.models import bousai as bo

        rng = self.rng("organisation")
        book, fy, last = self.book, self.fy, self.fy - 1
        start = fiscal_year_range(last, self.sm)[0].toordinal()
        skills: dict[int, list[str]] = {}
        for pid, skill in self.conn.execute(
                "SELECT v.person_id, s.name FROM volunteers v JOIN volunteer_skills vs ON vs.person_id = v.person_id "
                "JOIN skills s ON s.id = vs.skill_id AND s.kind = 'skill' ORDER BY v.person_id, s.name"):
            skills.setdefault(pid, []).append(skill)
        volunteers = [pid for (pid,) in self.conn.execute("SELECT person_id FROM volunteers ORDER BY person_id")]
        rows: list[tuple[str, int, str, int]] = []
        used: set[int] = set()
        roles = {r: p for p, r, _b in self.officers.get(last, []) if r != "班長"}
        for role, team_role in (("会長", "班長"), ("副会長", "班員"), ("会計", "班員")):
            pid = roles.get(role)
            if pid is not None and self.persons[pid].present_on(start) and pid not in used:
                rows.append(("本部", pid, team_role, last))
                used.add(pid)
        per_team = max(1, round(len(self.homes) / 250))
        pool = [p for p in volunteers if p in self.persons and self.persons[p].present_on(start)
                and 20 <= self.age(self.persons[p], start) <= 80]
        rng.shuffle(pool)
        hancho = [p for p, r, _b in self.officers.get(last, []) if r == "班長" and self.persons[p].present_on(start)]
        rng.shuffle(hancho)
        pool += hancho[:max(1, len(hancho) // 5)]
        teams: dict[str, list[int]] = {t: [] for t in _TEAMS}
        for pid in pool:
            if pid in used:
                continue
            fits = [_SKILL_TEAM[s] for s in skills.get(pid, []) if s in _SKILL_TEAM]
            team = next((t for t in fits if len(teams[t]) < per_team), None)
            if team is None:
                open_teams = [t for t in _TEAMS if len(teams[t]) < per_team]
                if not open_teams:
                    break
                team = min(open_teams, key=lambda t: len(teams[t]))
            teams[team].append(pid)
            used.add(pid)
        for team, people in teams.items():
            # the 班長: a 防災士 if the team has one, else its eldest
            people.sort(key=lambda p: ("防災士" not in skills.get(p, []), self.persons[p].birth))
            rows += [(team, pid, "班長" if n == 0 else "班員", last) for n, pid in enumerate(people)]
        self.conn.executemany("INSERT INTO bousai_members (team, person_id, role, fiscal_year) VALUES (?, ?, ?, ?)", rows)
        if not rows:
            return
        bo.copy_chart(book, last, fy)
        chart = bo.list_chart(book, fy)
        # a few stepped down at the 総会
        for m in chart:
            if m.role == "班員" and m.team != "本部" and rng.random() < 0.06:
                bo.remove_member(book, m.id)
        # this year's officers in the 本部, the 会長 as 本部長
        now = {r: p for p, r, _b in self.officers.get(fy, []) if r != "班長"}
        chair = now.get("会長")
        if chair is not None and self.persons[chair].present:
            head = next((m for m in bo.list_chart(book, fy) if m.team == "本部" and m.role == "班長"), None)
            if head is not None and head.person_id != chair:
                bo.assign_member(book, head.person_id, "本部", "班員", fy)
            bo.assign_member(book, chair, "本部", "班長", fy)
        for role in ("副会長", "会計"):
            pid = now.get(role)
            if pid is not None and self.persons[pid].present:
                bo.assign_member(book, pid, "本部", "班員", fy)
        # new 担い手 take places; a team whose 班長 left gets one
        chart = bo.list_chart(book, fy)
        inside = {m.person_id for m in chart}
        sizes = {t: sum(1 for m in chart if m.team == t) for t in _TEAMS}
        fresh = [p for p in volunteers if p not in inside and self.persons[p].present and 20 <= self.age(self.persons[p]) <= 80]
        rng.shuffle(fresh)
        for pid in fresh[:max(1, per_team // 3)]:
            team = min(_TEAMS, key=lambda t: (sizes[t], _TEAMS.index(t)))
            bo.assign_member(book, pid, team, "班員", fy)
            sizes[team] += 1
        chart = bo.list_chart(book, fy)
        for team in _TEAMS:
            members = [m for m in chart if m.team == team]
            if members and not any(m.role == "班長" for m in members):
                eldest = min(members, key=lambda m: self.persons[m.person_id].birth)
                bo.assign_member(book, eldest.person_id, team, "班長", fy)
        self.counts.members = self.conn.execute("SELECT count(*) FROM bousai_members WHERE fiscal_year = ?",
                                                [fy]).fetchone()[0]

    # -- 避難行動要支援者: the city's list, and a few the 町会 recorded itself -------------------------------------------

    def _support(self) -> None:
        """The city's list (received in June, under its 協定) with about 2 % of the people: mostly
        75 and over living alone or only with others as old, some needing care, some with a
        disability; most agreed to be shared, some refused, some not asked yet; each linked to
        their register person, with the city's columns (本人の状況, services, 障害, its number) in
        the notes as an import keeps them. Many who agreed have one or two 地域支援者 from their
        班. A few more the 町会 recorded itself at their own request (with their consent)."""
        from kyodo_desktop.models.schema import SUPPORT_REASONS

        rng = self.rng("support")
        today = self.today_ord
        living = [p for h in self.homes if h.present and not h.business for p in h.people if p.status == "在籍"]
        if not living:
            return
        n = max(1, round(len(living) * 0.02))
        pools: dict[str, list[_BPerson]] = {"alone": [], "old_only": [], "care": [], "disability": []}
        for p in living:
            a = self.age(p)
            others = [q for q in p.home.people if q.status == "在籍" and q is not p]
            if a >= 75 and not others:
                pools["alone"].append(p)
            elif a >= 75 and all(self.age(q) >= 65 for q in others):
                pools["old_only"].append(p)
            elif a >= 85:
                pools["care"].append(p)
            elif 6 <= a < 75:
                pools["disability"].append(p)
        chosen: list[tuple[_BPerson, str]] = []
        left = n
        for kind, share in (("care", 0.15), ("disability", 0.10), ("old_only", 0.20), ("alone", 1.0)):
            want = min(len(pools[kind]), left if kind == "alone" else round(n * share))
            chosen += [(p, kind) for p in rng.sample(pools[kind], want)]
            left -= want
        if left > 0:  # a town without enough of the old living alone: the others make up the number
            rest = [p for p in living if all(p is not q for q, _k in chosen)]
            chosen += [(p, "care") for p in rng.sample(rest, min(left, len(rest)))]
        chosen.sort(key=lambda pk: (pk[0].home.block, pk[0].home.order, pk[0].id))
        received = self._received_on()
        imported = f"{date.fromordinal(min(received + rng.randint(2, 6), today)).isoformat()}T10:00:00"
        file_name = f"避難行動要支援者名簿_{self.area}校下_{date.fromordinal(received).year}年6月.xlsx"
        self.conn.execute(
            "INSERT INTO support_lists (id, source, received_on, agreement_ref, file_name, rows, imported_at, imported_by) "
            "VALUES (1, '市提供', ?, ?, ?, ?, ?, ?)", [self.iso(received), SUPPORT_AGREEMENT, file_name, len(chosen),
                                                       imported, self.actor])
        people_rows: list[tuple] = []
        helper_rows: list[tuple] = []
        numbers = rng.sample(range(1, 10 * len(chosen) + 100), len(chosen))
        for sid, ((p, kind), number) in enumerate(zip(chosen, sorted(numbers), strict=True), start=1):
            reasons: list[str] = []
            care = ""
            medical: list[str] = []
            alone = kind == "alone"
            if kind in ("alone", "old_only"):
                reasons.append("一人暮らし高齢者" if alone else "高齢者のみ世帯")
                r = rng.random()
                if r < 0.15:
                    care = f"要介護{rng.randint(3, 5)}"
                elif r < 0.4:
                    care = rng.choice(("要支援1", "要支援2", "要介護1", "要介護2"))
            elif kind == "care":
                care = f"要介護{rng.choice((3, 3, 4, 4, 5))}"
                if any(20 <= self.age(q) < 65 for q in p.home.people if q.status == "在籍") and rng.random() < 0.35:
                    reasons.append("日中独居")
            else:
                reason, disability = rng.choice(names.SUPPORT_DISABILITIES)
                reasons.append(reason)
                medical.append(f"障害：{disability}")
                if rng.random() < 0.1:
                    reasons.append("難病")
            if care.startswith("要介護") and int(care[-1]) >= 3:
                reasons.append("要介護")
            if rng.random() < (0.8 if care else 0.45):
                medical.insert(0, f"本人の状況：{rng.choice(names.SUPPORT_CONDITIONS)}")
            if care and rng.random() < 0.75:
                medical.append(f"利用中の医療・福祉サービス：{rng.choice(names.SUPPORT_SERVICES)}")
            r = rng.random()
            consent = "同意" if r < 0.75 else "不同意" if r < 0.85 else "未確認"
            heavy = care in ("要介護4", "要介護5") or "身体障害者手帳1級" in "".join(medical)
            place = "" if rng.random() < 0.15 else self.welfare if heavy and rng.random() < 0.6 else self.shelter
            notes = [f"市の番号：{number:05d}", f"同居者の有無：{'無' if alone else '有'}"]
            helpers = self._helpers(rng, p) if consent == "同意" and rng.random() < 0.8 else []
            route = rng.choice(names.SUPPORT_ROUTES) if helpers and rng.random() < 0.5 else ""
            if helpers:
                notes.append("避難支援者の有無：有")
            people_rows.append((
                sid, 1, p.id, p.name, f"{p.fkana} {p.gkana}", self.iso(p.birth), p.home.address, p.phone,
                "・".join(r for r in SUPPORT_REASONS if r in reasons), consent, care, place, route, "\n".join(medical),
                "\n".join(notes), imported, imported))
            helper_rows += [(sid, *h) for h in helpers]
        # a few the 町会 recorded itself: asked to be helped (本人の希望), with their consent
        on_list = {p.id for p, _k in chosen}
        asked = [p for p in living if p.id not in on_list and 70 <= self.age(p) < 75]
        for k, p in enumerate(rng.sample(asked, min(len(asked), len(chosen) // 40)), start=len(chosen) + 1):
            recorded = f"{self.iso(today - rng.randint(30, 400))}T15:00:00"
            reasons = ["日中独居", "本人の希望"] if len([q for q in p.home.people if q.status == "在籍"]) > 1 else ["本人の希望"]
            helpers = self._helpers(rng, p)
            people_rows.append((
                k, None, p.id, p.name, f"{p.fkana} {p.gkana}", self.iso(p.birth), p.home.address, p.phone,
                "・".join(r for r in SUPPORT_REASONS if r in reasons), "同意", "", self.shelter,
                rng.choice(names.SUPPORT_ROUTES), f"本人の状況：{rng.choice(names.SUPPORT_CONDITIONS[:6])}",
                "民生委員の訪問の際に本人から申し出", recorded, recorded))
            helper_rows += [(k, *h) for h in helpers]
        self.conn.executemany(
            "INSERT INTO support_people (id, list_id, person_id, name, kana, birth_date, address, phone, reasons, consent, "
            "care_level, evacuation_place, route_notes, medical_notes, notes, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", people_rows)
        self.conn.executemany("INSERT INTO support_helpers (support_id, person_id, name, phone, relation) "
                              "VALUES (?, ?, ?, ?, ?)", helper_rows)
        self.counts.support = len(people_rows)
        self.counts.helpers = len(helper_rows)

    def _received_on(self) -> int:
        """A weekday in the middle of the latest June at least a month ago (the city sends its list once a year)."""
        year = self.today.year if date(self.today.year, 7, 15) <= self.today else self.today.year - 1
        day = date(year, 6, 12)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day.toordinal()

    def _helpers(self, rng: random.Random, p: _BPerson) -> list[tuple[int, str, str, str]]:
        """One or two neighbours from the person's 班 (another household, living here, 20–74):
        (person, name, phone, relation); now and then the 班長."""
        homes = self.blocks[p.home.block]
        at = homes.index(p.home)
        near = sorted((h for h in homes if h is not p.home and h.present and not h.business),
                      key=lambda h: (abs(homes.index(h) - at), h.order))
        out: list[tuple[int, str, str, str]] = []
        leader = self.leaders.get(p.home.block)
        want = 1 if rng.random() < 0.7 else 2
        if leader is not None and rng.random() < 0.15 and self.persons[leader].home is not p.home \
                and self.persons[leader].phone:
            q = self.persons[leader]
            out.append((q.id, q.name, q.phone, "班長"))
        for h in near[:6]:
            if len(out) >= want:
                break
            fit = [q for q in h.people if q.status == "在籍" and 20 <= self.age(q) <= 74 and q.phone
                   and all(q.id != o[0] for o in out)]
            if fit and rng.random() < 0.7:
                q = rng.choice(fit)
                out.append((q.id, q.name, q.phone, rng.choice(names.HELPER_RELATIONS)))
        return out

    # -- 安否確認 in the last two 防災訓練 -------------------------------------------------------------------------

    def _drill_days(self) -> list[tuple[int | None, date, str, int]]:
        """(event, day, starting time, 年度) of the last two 町内防災訓練 held, oldest first (from the
        demo's events; the second Sunday of October of the last two 年度 if there are none)."""
        found = self.conn.execute(
            "SELECT e.id, e.starts_at FROM events e JOIN event_categories c ON c.id = e.category_id "
            "WHERE c.name = '防災訓練' AND e.status = '実施' AND e.starts_at < ? ORDER BY e.starts_at DESC LIMIT 2",
            [self.today.isoformat()]).fetchall()
        out = [(eid, date.fromisoformat(at[:10]), at[11:16] or "09:00", fiscal_year(date.fromisoformat(at[:10]), self.sm))
               for eid, at in found]
        f = self.fy - 1
        while len(out) < 2:
            day = _nth(f if self.sm <= 10 else f + 1, 10, 2, SUN)
            if day < self.today and all(day != d for _e, d, _t, _f in out):
                out.append((None, day, "09:00", f))
            f -= 1
        return sorted(out, key=lambda x: x[1])

    def _checks(self) -> None:
        """The last two drills as safety checks (started at the drill's time, ended when the last
        result came in): about 90 % of the people living here on the day accounted for (a
        household at home answered for together, at home or at the 集合場所; some out all day), most
        within half an hour, the 班長 going from door to door in 回覧順; a few playing the injured;
        each result entered from the 班長's sheet under their name. The drill's event tells how it
        went."""
        from kyodo_desktop.models import safety as sf

        rng = self.rng("checks")
        book = self.book
        rows: list[tuple] = []
        for k, (event_id, day, at, f) in enumerate(self.drills):
            started = datetime.combine(day, dtime.fromisoformat(at))
            cid = sf.start_check(book, "訓練", f"{fiscal_year_label(f)} 町内防災訓練", started,
                                 "黄色いタオルの掲示と班ごとの安否確認（訓練）。結果は班長の安否確認シートから入力")
            d = day.toordinal()
            hancho = {b: self.persons[p].name for p, r, b in self.officers.get(f, []) if r == "班長" and p in self.persons}
            share = 0.9 if k == len(self.drills) - 1 else 0.85
            stamps: dict[int, str] = {}
            minutes: list[int] = []
            present = households = towels = 0
            for block, homes in self.blocks.items():
                base, step = rng.uniform(2, 9), rng.uniform(0.6, 1.7)
                by = hancho.get(block) or f"{self.block_names.get(block, '')}の班長"
                n = 0
                for h in homes:
                    if not (h.status in _PRESENT or h.since > d):
                        continue
                    here = [p for p in h.people if p.enrolled <= d and (p.status == "在籍" or p.since > d)]
                    if not here:
                        continue
                    present += len(here)
                    households += 1
                    if rng.random() >= (share + 0.03 if h.status == "加入" else share - 0.2):
                        continue  # out all day: nobody answered, no towel
                    n += 1
                    towel = rng.random() < 0.75
                    towels += towel
                    t = base + n * step + rng.gauss(0, 1.5)
                    if rng.random() < 0.06:
                        t += rng.randint(15, 70)  # reached later, by phone
                    m = max(1, int(t))
                    checked = stamps.get(m)
                    if checked is None:
                        checked = stamps[m] = (started + timedelta(minutes=m)).isoformat(timespec="minutes")
                    w = rng.random()
                    where = "自宅" if w < 0.86 else "避難所" if w < 0.97 else "親族宅" if w < 0.98 else ""
                    damage = "なし" if towel and w < 0.5 else ""
                    for p in here:
                        r = rng.random()
                        if r < 0.015:
                            continue  # not at home with the others
                        if r < 0.965:
                            rows.append((cid, p.id, "無事", where, checked, by, damage, "", ""))
                        elif r < 0.985:
                            rows.append((cid, p.id, "軽症" if r < 0.98 else "重症", where, checked, by, damage,
                                         "担架で救護所へ（訓練）" if r >= 0.98 else "", "訓練の想定（けが人役）"))
                        else:
                            rows.append((cid, p.id, "不明", "不明", checked, by, "", "", ""))
                        minutes.append(m)
            last = max(minutes, default=0)
            sf.end_check(book, cid, started + timedelta(minutes=last + 10))
            if event_id is not None and minutes:
                minutes.sort()
                ninety = minutes[max(0, int(len(minutes) * 0.9) - 1)]
                self.conn.execute("UPDATE events SET outcome = ? WHERE id = ?", [
                    f"黄色いタオルの掲示 {round(100 * towels / max(1, households))}%。{len(minutes):,}人の安否を確認"
                    f"（{round(100 * len(minutes) / max(1, present))}%）、9割まで{ninety}分", event_id])
            self.counts.checks += 1
        # The table's CHECK (… IN (…)) constraints cost ~4 µs a row each time a statement runs (80 % of
        # the insert): they are skipped for these rows, made from the schema's own values (and checked
        # afterwards by PRAGMA integrity_check in the tests), and the connection's setting put back.
        ignore = int(self.conn.execute("PRAGMA ignore_check_constraints").fetchone()[0])
        self.conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            self.conn.executemany(
                "INSERT INTO safety_results (check_id, person_id, status, whereabouts, checked_at, checked_by, "
                "building_damage, needs, notes) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        finally:
            self.conn.execute(f"PRAGMA ignore_check_constraints = {ignore}")
        self.counts.results = len(rows)

