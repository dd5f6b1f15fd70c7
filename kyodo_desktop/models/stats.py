"""Counts of the register "as of" a date, computed from the dated status history (Qt-free)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import latest_birth_for_age
from kyodo_desktop.models.register import Register

# The status of a household (person) on day D is that of the most recently *recorded* entry that
# has taken effect by D. Recorded in date order this is simply the latest date; a correction
# recorded later with an earlier date ("moved out last year", entered today) wins from its date on.
_LATEST_HOUSEHOLD = """
SELECT household_id, status FROM household_status
WHERE id IN (SELECT max(id) FROM household_status WHERE since <= :d GROUP BY household_id)
"""
_LATEST_PERSON = """
SELECT person_id, status, household_id FROM person_status
WHERE id IN (SELECT max(id) FROM person_status WHERE since <= :d GROUP BY person_id)
"""


def counts(reg: Register, as_of: date | None = None, *, age_rule: str = "legal") -> dict[str, Any]:
    """The association's numbers as of ``as_of`` (default today).

    ``households``: households present (加入 + 非加入); ``member_households``: 加入;
    ``persons``: persons present; ``blocks``: 班 name → present households;
    ``age_65_plus`` / ``age_75_plus``: present persons of that age (``age_rule``).
    """
    reg.session.require("register.read")
    as_of = as_of or reg.today()
    d = as_of.isoformat()
    visible_hh: set[int] | None = None
    if reg.session.block_ids is not None:  # a 班長 counts their own 班 only
        where, params = reg.session.block_filter_sql("block_id")
        visible_hh = {r[0] for r in reg.conn.execute(f"SELECT id FROM households WHERE {where}", params)}
    hh_status: dict[int, str] = {}
    for hid, status in reg.conn.execute(_LATEST_HOUSEHOLD, {"d": d}):
        if visible_hh is None or hid in visible_hh:
            hh_status[hid] = status
    present_hh = {h for h, s in hh_status.items() if s in schema.HOUSEHOLD_PRESENT}
    member_hh = {h for h, s in hh_status.items() if s in schema.HOUSEHOLD_MEMBER}
    p_status: dict[int, tuple[str, int | None]] = {}
    for pid, status, hid in reg.conn.execute(_LATEST_PERSON, {"d": d}):
        p_status[pid] = (status, hid)
    births = dict(reg.conn.execute("SELECT id, birth_date FROM persons WHERE birth_date IS NOT NULL"))
    current_hh = dict(reg.conn.execute("SELECT id, household_id FROM persons"))
    born_by_65 = latest_birth_for_age(65, as_of, age_rule).isoformat()
    born_by_75 = latest_birth_for_age(75, as_of, age_rule).isoformat()
    persons = 0
    members = 0
    age65 = age75 = 0
    unknown_age = 0
    for pid, (status, hid) in p_status.items():
        if status not in schema.PERSON_PRESENT:
            continue
        hid = hid if hid is not None else current_hh.get(pid)
        if hid not in present_hh:
            continue
        persons += 1
        if hid in member_hh:
            members += 1
        b = births.get(pid)
        if b is None:
            unknown_age += 1
            continue
        # ISO dates compare as strings
        age65 += b <= born_by_65
        age75 += b <= born_by_75
    blocks: dict[str, int] = {}
    block_members: dict[str, int] = {}
    visible_blocks, block_params = reg.session.block_filter_sql("b.id")
    for hid, name in reg.conn.execute(
        "SELECT h.id, b.name FROM blocks b LEFT JOIN households h ON h.block_id = b.id "
        f"WHERE b.retired_on IS NULL AND {visible_blocks} ORDER BY b.sort_order, b.id", block_params
    ):
        blocks.setdefault(name, 0)
        block_members.setdefault(name, 0)
        if hid in present_hh:
            blocks[name] += 1
        if hid in member_hh:
            block_members[name] += 1
    return {
        "as_of": d,
        "households": len(present_hh),
        "member_households": len(member_hh),
        "persons": persons,
        "member_persons": members,
        "age_65_plus": age65,
        "age_75_plus": age75,
        "age_unknown": unknown_age,
        "blocks": blocks,
        "block_member_households": block_members,
    }
