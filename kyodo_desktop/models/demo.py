"""A generator of realistic demo associations (Qt-free), deterministic for a given seed.

:func:`populate_demo` fills an empty, migrated register: 班 of 8–25 households, households of
1–6 people in an ageing town (about a third of the people are 65 or older), readings in
full-width katakana, phones and some e-mail addresses, a dated status history for every
household and person, the officers of the current fiscal year and one audit row.

Everything random comes from one ``random.Random(seed)`` (uids included), and every timestamp
is derived from ``today`` (never earlier than the association's ``created_at``): the same seed
and ``today`` on the same empty register give identical rows in every table. Rows are built as
tuples and written with ``executemany`` in one transaction: 5,000 households (~11,700 people)
take about 0.6 s, 60,000 (~140,000 people) about 6.5 s on a 2-core machine.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dtime

import jaconv
import sqlite_utils

from kyodo_desktop.models import demo_names as names
from kyodo_desktop.models.households import person_index_fields
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range
from kyodo_desktop.models.register import RegisterError, default_purpose

PROGRESS_EVERY = 500
_YEAR = 365.2425


@dataclass
class DemoSummary:
    households: int
    persons: int
    blocks: int
    seconds: float


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
            elif status == "加入" and join < today_ord - 400 and rng.random() < 0.05:
                later = rng.randint(join + 30, today_ord - 30)  # joined some time after moving in
                hs_rows.append((hid, "非加入", iso(join), "転入（未加入）", *recorded))
                hs_rows.append((hid, "加入", iso(later), "入会", *recorded))
                since = later
            else:
                hs_rows.append((hid, "加入", iso(join), "入会", *recorded))
                since = join
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

    n_persons = len(p_rows)
    # A larger page cache while the indexes (random uids, sort keys) are filled: ~10 % faster
    # for 60,000 households. The connection's own setting is put back afterwards.
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -65536")
    try:
        _insert(db, actor, stamp, assoc, households, seed, block_rows, hh_rows, hs_rows, p_rows,
                ps_rows, officer_rows)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    if progress is not None:
        progress(households, households)
    return DemoSummary(
        households=households,
        persons=n_persons,
        blocks=len(block_rows),
        seconds=time.perf_counter() - started,
    )


def _insert(
    db: sqlite_utils.Database, actor: str, stamp: str, assoc: tuple, households: int, seed: int,
    block_rows: list[tuple], hh_rows: list[tuple], hs_rows: list[tuple], p_rows: list[tuple],
    ps_rows: list[tuple], officer_rows: list[tuple],
) -> None:
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
            " notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            officer_rows,
        )
        name, district, address, postal_code, area, purpose = assoc[:6]
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
        after = {"households": households, "persons": n_persons, "blocks": len(block_rows), "seed": seed}
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, table_name, row_id, summary, before, after)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                stamp, actor, "demo", "association", 1,
                f"デモデータを作成しました（世帯 {households}・人 {n_persons}）",
                None, json.dumps(after, ensure_ascii=False),
            ],
        )
