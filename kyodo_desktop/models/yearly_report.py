"""The yearly report (年次報告) as plain data, collected from the register (Qt-free).

DOMAIN.md §1.2 A (町会実態報告書: the association, its 会長 and 役員 with contacts, households in
the area and member households as of a date, 班 count) and B (事業報告 from the events, 収支決算
from the books), plus the 地域課題 from the issue log. :func:`collect` gathers one 年度 into a
:class:`~kyodo_desktop.models.report_fields.ReportData`; the writers in
``export/yearly_report.py`` lay it out (default workbook, a city's own form, PDF) and the 校下
side reads it back through the same field keys, so every number here is computed once.

What is counted, so that the 校下 can check the totals (``kyodo consolidate`` does):

* 加入世帯・非加入世帯 are the households present on ``as_of`` by their dated status history;
  会員数 (``persons``), 65歳以上 and 75歳以上 count the persons present in *member* households
  (the association's members), so the 班 table's columns add up to the 概要's numbers;
* the 班 table has one row per 班 (in 班 order; a retired 班 only while households are still in
  it) and one 「班なし」 row when households or people needing help belong to no 班; ``blocks``
  is the number of 班 rows, 「班なし」 not included;
* 要支援者 are counted only — never named (``support.support_summary``), as the list stands now;
* 行事 are the year's events that were not cancelled (中止); 参加 is their participants (named +
  counted), as the event list shows them;
* 会計: the 収支決算書 of the year (provisional while the year is open); a year whose books were
  never opened has no figures (``None``) and a note 「会計の記録がありません」;
* 地域課題: issues still open, and those closed that were raised during the year.

A 班長's session sees only their own 班, so it cannot make the association's report: refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import PermissionDenied
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import fiscal_year_label, latest_birth_for_age, to_wareki
from kyodo_desktop.models.partners import area_households, list_issues
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.report_fields import FIELD_BY_KEY, ReportData
from kyodo_desktop.models.stats import _LATEST_HOUSEHOLD, _LATEST_PERSON
from kyodo_desktop.models.support import support_summary
from kyodo_desktop.models.validation import ValidationError

NO_BLOCK = "班なし"
NO_BOOKS = "会計の記録がありません"
NO_EVENTS = "この年度の行事の記録がありません"
NO_ISSUES = "記録された地域課題はありません"
#: officers listed on the report: every role but the 班長 (one per 班; they are on the 班 lists)
LISTED_ROLES = tuple(r for r in schema.OFFICER_ROLES if r != "班長")


def check_year(fiscal_year: Any) -> int:
    """The 年度 as the western year it starts in (令和7年度 → 2025)."""
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int) or not 1989 <= fiscal_year <= 2200:
        raise ValidationError("年度", f"年度は西暦の年で指定してください（例: 令和7年度 → 2025）（{fiscal_year!r}）。",
                              field="fiscal_year")
    return fiscal_year


def default_as_of(reg: Register, fiscal_year: int) -> date:
    """The year's last day, or today while the year is still running."""
    return min(ab.year_range(reg, fiscal_year)[1], reg.today())


@dataclass(frozen=True)
class _Person:
    name: str
    kana: str
    phone: str
    address: str


#: the report goes to the 校下 or the city: officers' phones and addresses only with consent to that
PURPOSE = "CITY_REPORT"


def _officers(reg: Register, fiscal_year: int, as_of: date) -> tuple[list[tuple[str, _Person]], int]:
    """(role, person) of the year's officers still on the register (not 班長), and how many of them
    are shown without phone and address (no consent to 市・連合会への提供 on ``as_of``)."""
    from kyodo_desktop.models.privacy import OutputRule

    rows = reg.conn.execute(
        "SELECT o.role, p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, "
        "coalesce(nullif(p.mobile, ''), h.landline), h.postal_code, h.address_town, h.address_number, "
        "h.address_building FROM officers o JOIN persons p ON p.id = o.person_id "
        "JOIN households h ON h.id = p.household_id WHERE o.fiscal_year = ? AND o.role != '班長' "
        "AND p.status = '在籍' ORDER BY o.id", [fiscal_year]).fetchall()
    rule = OutputRule(reg, PURPOSE, as_of)
    order = {r: n for n, r in enumerate(schema.OFFICER_ROLES)}
    out = []
    withheld = 0
    for role, pid, fam, given, fkana, gkana, phone, postal, town, number, building in rows:
        name = "　".join(x for x in (fam, given) if x)
        kana = "　".join(x for x in (fkana, gkana) if x)
        address = "".join(x for x in (town, number) if x) + (f"　{building}" if building else "")
        if postal:
            address = f"〒{postal}　{address}"
        if not rule.consented(pid):
            phone, address = "", ""
            withheld += 1
        out.append((role, _Person(name, kana, phone or "", address)))
    out.sort(key=lambda x: order.get(x[0], len(order)))
    return out, withheld


def _block_table(reg: Register, as_of: date) -> tuple[list[dict[str, Any]], int]:
    """(rows, number of 班 rows): one row per 班: households present by status on ``as_of`` (members / not), persons of member
    households with their ages, and people needing help (counted, as the list stands now)."""
    d = as_of.isoformat()
    hh_status = {h: s for h, s in reg.conn.execute(_LATEST_HOUSEHOLD, {"d": d})}
    household_block = dict(reg.conn.execute("SELECT id, block_id FROM households"))
    blocks = reg.conn.execute("SELECT id, name, retired_on FROM blocks ORDER BY sort_order, id").fetchall()
    rows: dict[int | None, dict[str, Any]] = {}
    names = {bid: name for bid, name, _r in blocks}

    def row(block_id: int | None) -> dict[str, Any]:
        key = block_id if block_id in names else None
        if key not in rows:
            rows[key] = {"block": names[key] if key is not None else NO_BLOCK, "member_households": 0,
                         "non_member_households": 0, "persons": 0, "aged_65": 0, "aged_75": 0, "needs_help": 0}
        return rows[key]

    for bid, _name, retired in blocks:
        if retired is None:
            row(bid)
    member_hh: set[int] = set()
    for hid, status in hh_status.items():
        if status in schema.HOUSEHOLD_MEMBER:
            member_hh.add(hid)
            row(household_block.get(hid))["member_households"] += 1
        elif status in schema.HOUSEHOLD_PRESENT:
            row(household_block.get(hid))["non_member_households"] += 1
    births = dict(reg.conn.execute("SELECT id, birth_date FROM persons WHERE birth_date IS NOT NULL"))
    current_hh = dict(reg.conn.execute("SELECT id, household_id FROM persons"))
    born_65 = latest_birth_for_age(65, as_of).isoformat()
    born_75 = latest_birth_for_age(75, as_of).isoformat()
    for pid, status, hid in reg.conn.execute(_LATEST_PERSON, {"d": d}):
        if status not in schema.PERSON_PRESENT:
            continue
        hid = hid if hid is not None else current_hh.get(pid)
        if hid not in member_hh:
            continue
        r = row(household_block.get(hid))
        r["persons"] += 1
        birth = births.get(pid)
        if birth is not None:  # ISO dates compare as strings
            r["aged_65"] += birth <= born_65
            r["aged_75"] += birth <= born_75
    help_ = support_summary(reg)
    by_name = {r["block"]: r for k, r in rows.items() if k is not None}
    placed = 0
    for name, n in help_.by_block:
        if name in by_name:
            by_name[name]["needs_help"] += n
            placed += n
    if help_.people - placed:
        row(None)["needs_help"] += help_.people - placed
    ordered = [rows[bid] for bid, _n, _r in blocks if bid in rows]
    n_blocks = len(ordered)
    if None in rows and any(v for k, v in rows[None].items() if k != "block"):
        ordered.append(rows[None])
    return ordered, n_blocks


def _event_table(reg: Register, fiscal_year: int) -> list[dict[str, Any]]:
    from kyodo_desktop.models.activity import list_events

    events = [e for e in list_events(reg, fiscal_year=fiscal_year) if e.status != "中止"]
    about = {i: (desc, outcome) for i, desc, outcome in reg.conn.execute(
        f"SELECT id, description, outcome FROM events WHERE id IN ({','.join('?' * len(events))})",
        [e.id for e in events])} if events else {}
    organisers = dict(reg.conn.execute(
        "SELECT e.id, p.name FROM events e JOIN partners p ON p.id = e.organiser_partner_id"))
    out = []
    for e in events:
        day = date.fromisoformat(e.starts_at[:10])
        desc, outcome = about.get(e.id, ("", ""))
        content = " ".join((desc or outcome or e.category).split())
        out.append({"month": day.month, "name": e.title, "content": content[:200], "date": day, "place": e.place,
                    "participants": e.participants,
                    "organiser": organisers.get(e.id) or e.organiser})
    return out


def _settlement(reg: Register, fiscal_year: int) -> tuple[ab.Statement | None, list[dict[str, Any]]]:
    try:
        s = ab.settlement(reg, fiscal_year)
    except ab.YearClosedError:  # the books of the year were never opened
        return None, []
    rows = [{"section": section, "subject": x.subject, "budget": x.budget, "actual": x.actual,
             "difference": x.difference, "note": x.note}
            for section, lines in (("収入", s.income), ("支出", s.expense)) for x in lines]
    return s, rows


def _issue_table(reg: Register, fiscal_year: int, as_of: date) -> list[dict[str, Any]]:
    start, end = ab.year_range(reg, fiscal_year)
    out = []
    for i in list_issues(reg):
        if i.found_on > max(end, as_of).isoformat():
            continue  # raised after the year
        if i.stage == "休止・終了" and not start.isoformat() <= i.found_on <= end.isoformat():
            continue  # closed, and not about this year
        out.append({"title": i.title, "stage": i.stage, "next_action": i.next_action, "partners": i.partners})
    return out


def collect(reg: Register, fiscal_year: int, *, as_of: date | None = None) -> ReportData:
    """The yearly report of 年度 ``fiscal_year`` (counts as of ``as_of``; default: the year's last day,
    or today while it runs). Reading needs ``register.read`` and a role that sees every 班."""
    reg.session.require("register.read", "年次報告を作る")
    if reg.session.block_ids is not None:
        raise PermissionDenied("年次報告は町会全体の数を載せるため、すべての班を扱える役割の方が作ってください。")
    fiscal_year = check_year(fiscal_year)
    start, end = ab.year_range(reg, fiscal_year)
    if start > reg.today():
        raise ValidationError("年度", f"{fiscal_year_label(fiscal_year)}はまだ始まっていません（{to_wareki(start)}から）。",
                              field="fiscal_year")
    as_of = as_of or default_as_of(reg, fiscal_year)
    if not isinstance(as_of, date):
        raise ValidationError("基準日", f"日付で指定してください（{as_of!r}）。", field="as_of")
    if not start <= as_of <= end:
        raise ValidationError("基準日", f"基準日（{to_wareki(as_of)}）が{fiscal_year_label(fiscal_year)}"
                              f"（{to_wareki(start)}〜{to_wareki(end)}）の中にありません。", field="as_of")
    assoc = get_association(reg)
    officers, withheld = _officers(reg, fiscal_year, as_of)
    president = next((p for role, p in officers if role == "会長"), None)
    blocks, n_blocks = _block_table(reg, as_of)
    events = _event_table(reg, fiscal_year)
    statement, settlement = _settlement(reg, fiscal_year)
    issues = _issue_table(reg, fiscal_year, as_of)
    values: dict[str, Any] = {
        "association_name": assoc["name"],
        "district": assoc["district"] or None,
        "fiscal_year": fiscal_year,
        "as_of": as_of,
        "president_name": president.name if president else None,
        "president_kana": (president.kana or None) if president else None,
        "president_address": (president.address or None) if president else None,
        "president_phone": (president.phone or None) if president else None,
        "area_households": area_households(reg).get(fiscal_year),
        "member_households": sum(b["member_households"] for b in blocks),
        "non_member_households": sum(b["non_member_households"] for b in blocks),
        "persons": sum(b["persons"] for b in blocks),
        "blocks": n_blocks,
        "aged_65": sum(b["aged_65"] for b in blocks),
        "aged_75": sum(b["aged_75"] for b in blocks),
        "needs_help": sum(b["needs_help"] for b in blocks),
        "events": len(events),
        "participants": sum(e["participants"] for e in events),
        "income_total": statement.income_total if statement else None,
        "expense_total": statement.expense_total if statement else None,
        "carry_over": statement.carry_out if statement else None,
        "open_issues": sum(i["stage"] != "休止・終了" for i in issues),
    }
    notes: list[str] = []
    label = fiscal_year_label(fiscal_year)
    if withheld:
        notes.append(f"役員{withheld}人の電話・住所は、「市・連合会への提供」の同意がないため空欄です"
                     "（名簿の「同意」で記録すると載ります）。")
    if not events:
        notes.append(f"{label}: {NO_EVENTS}。")
    if statement is None:
        notes.append(f"{label}: {NO_BOOKS}（帳簿が開かれていません）。収入・支出・繰越金は空欄です。")
    elif not statement.closed:
        notes.append(f"{label}の会計は締め前のため、収支は見込みの数字です。")
    if not issues:
        notes.append(f"{NO_ISSUES}。")
    if president is None:
        notes.append(f"{label}の会長が役員として登録されていません（名簿の「役員」で登録してください）。")
    data = ReportData(values=values, tables={
        "blocks": blocks, "events": events, "settlement": settlement, "issues": issues,
        "officers": [{"role": role, "name": p.name, "kana": p.kana, "phone": p.phone} for role, p in officers],
    }, notes=notes)
    missing = problems(data)
    if missing:
        notes.append(missing[0])
    return data


def problems(data: ReportData) -> list[str]:
    """What the officer should fill in before handing the report over: the required fields
    without a value (one message listing them), in Japanese. Empty when complete."""
    missing = data.missing()
    if not missing:
        return []
    return ["必須の項目が空欄です: " + "、".join(f.label for f in missing)
            + "（協働デスクに記録するか、書き出したファイルに記入してください）"]


def label_of(key: str) -> str:
    return FIELD_BY_KEY[key].label


__all__ = ["NO_BLOCK", "NO_BOOKS", "NO_EVENTS", "check_year", "collect", "default_as_of", "problems"]
