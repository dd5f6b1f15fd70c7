"""行事 (events) and 参加 (participation), Qt-free.

An event has a date and time, a category (data: ``event_categories``), a place, an organiser
(町会 / 校下 / a partner), partners, costs, a status (予定 / 実施 / 中止) and a note of the outcome.
Participation names people from the register, with their role (参加 / 運営 / 講師), 出欠 before
the event, attendance and hours. People are only logged by name with their consent to a
personal log (``ACTIVITY_LOG``); without it, and for people not on the register, the event keeps
counts by age band (DOMAIN.md §5.1). Recording needs the ``activity.write`` permission; what a
班長 sees of the participants is their own 班.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import age as age_of
from kyodo_desktop.models.japanese import fiscal_year_range
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

MAX_COST = 100_000_000  # ¥100 million: anything above is a typing mistake
MAX_BAND_COUNT = 100_000


def band_of(birth_date: str | None, on: date) -> str:
    """The age band (:data:`schema.AGE_BANDS`) of someone born on ``birth_date`` on ``on``."""
    if not birth_date or birth_date > on.isoformat():  # (not yet born that day: not a band of anyone's)
        return "不明"
    years = age_of(date.fromisoformat(birth_date), on, "legal")
    if years < 20:
        return "〜19歳"
    if years < 40:
        return "20〜39歳"
    if years < 65:
        return "40〜64歳"
    if years < 75:
        return "65〜74歳"
    return "75歳〜"


# -- categories ---------------------------------------------------------------------------------------


def list_categories(reg: Register, *, include_retired: bool = False) -> list[str]:
    reg.session.require("register.read")
    where = "" if include_retired else "WHERE retired_on IS NULL"
    return [r[0] for r in reg.conn.execute(f"SELECT name FROM event_categories {where} ORDER BY sort_order, id")]


def add_category(reg: Register, name: str) -> int:
    reg.session.require("activity.write", "行事の種類を追加する")
    name = clean_text(name, field="行事の種類", max_len=30, required=True)
    if reg.conn.execute("SELECT 1 FROM event_categories WHERE name = ?", [name]).fetchone():
        raise RegisterError(f"行事の種類「{name}」はすでにあります。")
    with reg.writing("行事の種類の追加"):
        order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM event_categories").fetchone()[0]
        cid = int(reg.conn.execute("INSERT INTO event_categories (name, sort_order) VALUES (?, ?)",
                                   [name, order]).lastrowid)
        reg._audit_row("insert", "event_categories", cid, f"行事の種類「{name}」を追加しました")
    return cid


def _category_id(reg: Register, name: str) -> int:
    row = reg.conn.execute("SELECT id FROM event_categories WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ValidationError("種類", f"「{name}」という行事の種類はありません。", field="category")
    return int(row[0])


# -- events -------------------------------------------------------------------------------------------


@dataclass
class EventData:
    title: str
    starts_at: str  # ISO date or date and time: 2026-06-07 / 2026-06-07T09:00
    category: str = "その他"
    ends_at: str | None = None
    place: str = ""
    organiser: str = "町会"  # 町会 / 校下 / 協力団体
    organiser_partner_id: int | None = None
    partner_ids: list[int] = field(default_factory=list)
    description: str = ""
    planned_cost: int | None = None
    actual_cost: int | None = None
    status: str = "予定"
    outcome: str = ""
    id: int | None = None
    copied_from: int | None = None

    @property
    def day(self) -> date:
        return date.fromisoformat(self.starts_at[:10])


@dataclass(frozen=True)
class EventRow:
    """One line of the event list, with its numbers."""

    id: int
    title: str
    starts_at: str
    ends_at: str | None
    category: str
    place: str
    organiser: str
    status: str
    participants: int  # named + counted (attended, or everyone when attendance is not recorded)
    helpers: int  # 運営・講師
    actual_cost: int | None


def _moment(value: Any, label: str, column: str) -> str:
    """An ISO date or date-time (minutes), from a date, a datetime or text."""
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    text = clean_text(value, field=label, max_len=20, column=column).replace(" ", "T")
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).replace(second=0, microsecond=0).isoformat(timespec="minutes")
    except ValueError:
        raise ValidationError(label, f"日付・時刻として読めません: 「{text}」（例: 2026-06-07 09:00）", field=column) from None


def _cost(value: Any, label: str, column: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(str(value).replace(",", "").replace("円", "").replace("¥", "").strip())
    except ValueError:
        raise ValidationError(label, f"金額は円の整数で入力してください（「{value}」）。", field=column) from None
    if n < 0:
        raise ValidationError(label, "金額をマイナスにはできません。", field=column)
    if n > MAX_COST:
        raise ValidationError(label, f"金額が大きすぎます（{n:,}円）。", field=column)
    return n


def validate_event(reg: Register, data: EventData) -> EventData:
    """Check and normalise an event. Raises :class:`ValidationError` naming the field."""
    title = clean_text(data.title, field="行事名", max_len=80, required=True, column="title")
    starts = _moment(data.starts_at, "開始", "starts_at")
    ends = _moment(data.ends_at, "終了", "ends_at") if data.ends_at not in (None, "") else None
    if ends is not None:
        if len(ends) == 10 and len(starts) > 10:
            ends += "T23:59"  # the end of that day
        if ends < starts:
            raise ValidationError("終了", f"終了（{ends.replace('T', ' ')}）が開始（{starts.replace('T', ' ')}）より前です。",
                                  field="ends_at")
    if data.status not in schema.EVENT_STATUSES:
        raise ValidationError("状態", f"状態は {'・'.join(schema.EVENT_STATUSES)} のどれかです。", field="status")
    if data.organiser not in schema.EVENT_ORGANISERS:
        raise ValidationError("主催", f"主催は {'・'.join(schema.EVENT_ORGANISERS)} のどれかです。", field="organiser")
    partner = data.organiser_partner_id if data.organiser == "協力団体" else None
    if data.organiser == "協力団体" and partner is None:
        raise ValidationError("主催", "主催の協力団体を選んでください。", field="organiser_partner_id")
    partners = list(dict.fromkeys(data.partner_ids))
    for pid in [*partners, *([partner] if partner else [])]:
        if not reg.conn.execute("SELECT 1 FROM partners WHERE id = ?", [pid]).fetchone():
            raise ValidationError("協力団体", "選ばれた協力団体が台帳にありません。", field="partner_ids")
    _category_id(reg, data.category)
    return EventData(
        title=title, starts_at=starts, ends_at=ends, category=data.category,
        place=clean_text(data.place, field="場所", max_len=80, column="place"),
        organiser=data.organiser, organiser_partner_id=partner, partner_ids=partners,
        description=clean_text(data.description, field="内容", max_len=2000, multiline=True, column="description"),
        planned_cost=_cost(data.planned_cost, "予算", "planned_cost"),
        actual_cost=_cost(data.actual_cost, "実費", "actual_cost"),
        status=data.status, outcome=clean_text(data.outcome, field="成果・反省", max_len=2000, multiline=True, column="outcome"),
        id=data.id, copied_from=data.copied_from,
    )


_EVENT_COLUMNS = ("title", "category_id", "starts_at", "ends_at", "place", "organiser", "organiser_partner_id",
                  "description", "planned_cost", "actual_cost", "status", "outcome", "copied_from")


def save_event(reg: Register, data: EventData) -> int:
    """Add (``data.id`` None) or update an event, in one transaction with its audit row."""
    reg.session.require("activity.write", "行事を記録する")
    data = validate_event(reg, data)
    values = {
        "title": data.title, "category_id": _category_id(reg, data.category), "starts_at": data.starts_at,
        "ends_at": data.ends_at, "place": data.place, "organiser": data.organiser,
        "organiser_partner_id": data.organiser_partner_id, "description": data.description,
        "planned_cost": data.planned_cost, "actual_cost": data.actual_cost, "status": data.status,
        "outcome": data.outcome, "copied_from": data.copied_from,
    }
    with reg.writing("行事の保存"):
        now = reg.now()
        if data.id is None:
            cols = ", ".join(_EVENT_COLUMNS)
            eid = int(reg.conn.execute(
                f"INSERT INTO events (uid, {cols}, created_at, updated_at) VALUES (?, {', '.join('?' * len(_EVENT_COLUMNS))}, ?, ?)",
                [secrets.token_hex(8), *(values[c] for c in _EVENT_COLUMNS), now, now]).lastrowid)
            reg._audit_row("insert", "events", eid, f"行事「{data.title}」（{data.starts_at[:10]}）を登録しました", after=values)
        else:
            eid = data.id
            before = reg.conn.execute(f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events WHERE id = ?", [eid]).fetchone()
            if before is None:
                raise RegisterError("この行事は台帳にありません（ほかの人が削除した可能性があります）。")
            old = dict(zip(_EVENT_COLUMNS, before, strict=True))
            changed = {c: values[c] for c in _EVENT_COLUMNS if old[c] != values[c]}
            if changed:
                reg.conn.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in changed)}, updated_at = ? WHERE id = ?",
                                 [*changed.values(), now, eid])
                reg._audit_row("update", "events", eid, f"行事「{data.title}」を変更しました",
                               before={c: old[c] for c in changed}, after=changed)
        reg.conn.execute("DELETE FROM event_partners WHERE event_id = ?", [eid])
        reg.conn.executemany("INSERT INTO event_partners (event_id, partner_id) VALUES (?, ?)",
                             [(eid, p) for p in data.partner_ids])
    return eid


def get_event(reg: Register, event_id: int) -> EventData:
    reg.session.require("register.read")
    row = reg.conn.execute(
        "SELECT e.id, e.title, e.starts_at, c.name, e.ends_at, e.place, e.organiser, e.organiser_partner_id, "
        "e.description, e.planned_cost, e.actual_cost, e.status, e.outcome, e.copied_from "
        "FROM events e LEFT JOIN event_categories c ON c.id = e.category_id WHERE e.id = ?", [event_id]).fetchone()
    if row is None:
        raise RegisterError("この行事は台帳にありません（ほかの人が削除した可能性があります）。")
    (eid, title, starts, category, ends, place, organiser, opid, description, planned, actual, status, outcome,
     copied) = row
    partners = [r[0] for r in reg.conn.execute(
        "SELECT partner_id FROM event_partners WHERE event_id = ? ORDER BY partner_id", [eid])]
    return EventData(title, starts, category or "その他", ends, place, organiser, opid, partners, description,
                     planned, actual, status, outcome, eid, copied)


def list_events(reg: Register, *, fiscal_year: int | None = None, start: date | None = None, end: date | None = None,
                category: str | None = None, status: str | None = None, text: str = "") -> list[EventRow]:
    """Events by date (a 年度, or ``start``..``end``), with participant and helper counts."""
    reg.session.require("register.read")
    where, params = ["1"], []
    if fiscal_year is not None:
        start, end = fiscal_year_range(fiscal_year, int(_assoc(reg, "fiscal_year_start_month") or 4))
    if start is not None:
        where.append("e.starts_at >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("substr(e.starts_at, 1, 10) <= ?")
        params.append(end.isoformat())
    if category:
        where.append("c.name = ?")
        params.append(category)
    if status:
        where.append("e.status = ?")
        params.append(status)
    if text.strip():
        where.append("(e.title LIKE ? OR e.place LIKE ? OR e.description LIKE ?)")
        params += [f"%{text.strip()}%"] * 3
    rows = reg.conn.execute(
        f"""
        SELECT e.id, e.title, e.starts_at, e.ends_at, coalesce(c.name, ''), e.place, e.organiser, e.status,
               coalesce(p.n, 0) + coalesce(b.n, 0), coalesce(p.helpers, 0), e.actual_cost
        FROM events e
        LEFT JOIN event_categories c ON c.id = e.category_id
        LEFT JOIN (SELECT event_id, count(*) AS n, sum(role IN ('運営', '講師')) AS helpers FROM participations
                   WHERE attended IS NOT 0 GROUP BY event_id) p ON p.event_id = e.id
        LEFT JOIN (SELECT event_id, sum(count) AS n FROM event_band_counts GROUP BY event_id) b ON b.event_id = e.id
        WHERE {' AND '.join(where)}
        ORDER BY e.starts_at, e.id
        """, params).fetchall()
    return [EventRow(*r) for r in rows]


def _assoc(reg: Register, column: str) -> Any:
    row = reg.conn.execute(f"SELECT {column} FROM association LIMIT 1").fetchone()
    return row[0] if row else None


def delete_event(reg: Register, event_id: int) -> None:
    """Remove an event entered by mistake. One that has participants is kept: set it to 中止."""
    reg.session.require("activity.write", "行事を削除する")
    data = get_event(reg, event_id)
    named = reg.conn.execute("SELECT count(*) FROM participations WHERE event_id = ?", [event_id]).fetchone()[0]
    counted = reg.conn.execute("SELECT coalesce(sum(count), 0) FROM event_band_counts WHERE event_id = ?",
                               [event_id]).fetchone()[0]
    if named or counted:
        raise RegisterError(f"行事「{data.title}」には参加の記録（{named + counted}人）があるため削除できません。"
                            "行われなかった場合は、状態を「中止」にしてください。")
    booked = reg.conn.execute("SELECT count(*) FROM ledger_entries WHERE event_id = ?", [event_id]).fetchone()[0]
    if booked:
        raise RegisterError(f"行事「{data.title}」は金銭出納簿の{booked}件の記録に結び付いているため削除できません。"
                            "行われなかった場合は、状態を「中止」にしてください。")
    with reg.writing("行事の削除"):
        reg.conn.execute("UPDATE events SET copied_from = NULL WHERE copied_from = ?", [event_id])
        reg.conn.execute("DELETE FROM event_partners WHERE event_id = ?", [event_id])
        reg.conn.execute("DELETE FROM events WHERE id = ?", [event_id])
        reg._audit_row("delete", "events", event_id, f"行事「{data.title}」（{data.starts_at[:10]}）を削除しました")


def _next_year(moment: str) -> str:
    day = date.fromisoformat(moment[:10])
    try:
        moved = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        moved = day.replace(year=day.year + 1, day=28)
    return moved.isoformat() + moment[10:]


def copy_to_next_year(reg: Register, event_ids: Iterable[int]) -> list[int]:
    """Copy recurring events one year on (same date; 予定; last year's actual cost as the budget;
    no participants). An event already copied is not copied twice."""
    reg.session.require("activity.write", "行事を来年度に写す")
    made = []
    with reg.writing("行事の来年度への写し"):
        for eid in event_ids:
            if reg.conn.execute("SELECT 1 FROM events WHERE copied_from = ?", [eid]).fetchone():
                continue
            src = get_event(reg, eid)
            copy = EventData(
                title=src.title, starts_at=_next_year(src.starts_at),
                ends_at=_next_year(src.ends_at) if src.ends_at else None, category=src.category, place=src.place,
                organiser=src.organiser, organiser_partner_id=src.organiser_partner_id,
                partner_ids=list(src.partner_ids), description=src.description,
                planned_cost=src.actual_cost if src.actual_cost is not None else src.planned_cost,
                status="予定", copied_from=eid)
            made.append(save_event(reg, copy))
    return made


# -- participation ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    id: int
    person_id: int
    name: str
    kana: str
    block: str
    band: str
    role: str
    rsvp: str
    attended: bool | None
    hours: float | None


@dataclass
class AddResult:
    """What :func:`add_participants` did: named, already there, counted by band without a name
    (no consent to a personal log), and refused (left before the event …) with the reason."""

    added: int = 0
    already: int = 0
    counted: dict[str, int] = field(default_factory=dict)
    refused: list[tuple[str, str]] = field(default_factory=list)
    not_logged: int = 0  # no consent and not (yet) attending: nothing could be kept

    def message(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{self.added}人を参加者に加えました。")
        if self.already:
            parts.append(f"{self.already}人はすでに参加者です。")
        if self.counted:
            n = sum(self.counted.values())
            parts.append(f"{n}人は参加の記録への同意がないため、名前を残さず年代別の人数に加えました"
                         "（名前を残さないので、同じ人を二度加えても分かりません。ご注意ください）。")
        if self.not_logged:
            parts.append(f"{self.not_logged}人は参加の記録への同意がないため、出欠を記録しませんでした"
                         "（来られた人数は、行事のあとで年代別に入力してください）。")
        for name, why in self.refused:
            parts.append(f"{name}さん: {why}")
        return "\n".join(parts) or "加える人がいませんでした。"


def _require_event(reg: Register, event_id: int) -> tuple[str, date]:
    row = reg.conn.execute("SELECT title, starts_at FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        raise RegisterError("この行事は台帳にありません（ほかの人が削除した可能性があります）。")
    return row[0], date.fromisoformat(row[1][:10])


def _status_on(reg: Register, person_id: int, on: date) -> str | None:
    row = reg.conn.execute(
        "SELECT status FROM person_status WHERE person_id = ? AND since <= ? ORDER BY since DESC, id DESC LIMIT 1",
        [person_id, on.isoformat()]).fetchone()
    return row[0] if row else None


def _choice(value: str, allowed: tuple[str, ...], label: str) -> str:
    if value not in allowed:
        raise ValidationError(label, f"{label}は {'・'.join(a or '（空欄）' for a in allowed)} のどれかです（「{value}」）。")
    return value


def _hours(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        h = float(value)
    except (TypeError, ValueError):
        raise ValidationError("時間", f"時間は数で入力してください（「{value}」）。") from None
    if not 0 <= h <= 24:
        raise ValidationError("時間", f"時間は0〜24で入力してください（{value}）。")
    return round(h, 2)


def add_participants(reg: Register, event_id: int, person_ids: Iterable[int], *, role: str = "参加", rsvp: str = "",
                     attended: bool | None = None, hours: float | None = None) -> AddResult:
    """Add people from the register to an event, in one transaction. Someone who had left
    (転出・死亡) before the event is refused with the reason; someone without consent to a
    personal log is counted in their age band instead of named."""
    reg.session.require("activity.write", "行事の参加者を記録する")
    from kyodo_desktop.models.privacy import OutputRule

    title, day = _require_event(reg, event_id)
    role = _choice(role, schema.PARTICIPATION_ROLES, "役割")
    rsvp = _choice(rsvp, schema.RSVP_ANSWERS, "出欠")
    hours = _hours(hours)
    consent = OutputRule(reg, "ACTIVITY_LOG", day)
    result = AddResult()
    ids = list(dict.fromkeys(person_ids))
    people = {r[0]: r[1:] for r in reg.conn.execute(
        f"SELECT p.id, p.family_name || '　' || p.given_name, p.birth_date, h.block_id FROM persons p "
        f"JOIN households h ON h.id = p.household_id WHERE p.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
    existing = {r[0] for r in reg.conn.execute("SELECT person_id FROM participations WHERE event_id = ?", [event_id])}
    now = reg.now()
    rows = []
    for pid in ids:
        if pid not in people:
            result.refused.append((f"ID {pid}", "台帳にいない人です。"))
            continue
        name, birth, block = people[pid]
        name = name.strip("　")
        reg.session.require_block(block, "ほかの班の人を参加者にする")
        if birth and birth > day.isoformat():
            result.refused.append((name, f"{day.isoformat()}にはまだ生まれていないため、参加者にできません。"))
            continue
        status = _status_on(reg, pid, day)
        if status is not None and status != "在籍":
            result.refused.append((name, f"{day.isoformat()}の時点で「{status}」のため、参加者にできません。"))
            continue
        if pid in existing:
            result.already += 1
            continue
        if not consent.consented(pid):
            if attended is False or (attended is None and rsvp in ("欠席", "未定")):
                result.not_logged += 1  # a count is of people who came: not of a 欠席 or 未定 answer
                continue
            band = band_of(birth, day)
            result.counted[band] = result.counted.get(band, 0) + 1
            continue
        rows.append((event_id, pid, role, rsvp, None if attended is None else int(attended), hours, now, now))
        existing.add(pid)
    with reg.writing("参加者の記録"):
        reg.conn.executemany(
            "INSERT INTO participations (event_id, person_id, role, rsvp, attended, hours, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        for band, n in result.counted.items():
            reg.conn.execute(
                "INSERT INTO event_band_counts (event_id, band, kind, count) VALUES (?, ?, 'member', ?) "
                "ON CONFLICT (event_id, band, kind) DO UPDATE SET count = count + excluded.count", [event_id, band, n])
        result.added = len(rows)
        if rows or result.counted:
            reg._audit_row("insert", "participations", event_id,
                           f"行事「{title}」の参加者を記録しました（名前あり{len(rows)}人・人数のみ{sum(result.counted.values())}人）",
                           person_count=len(rows))
    return result


def add_household(reg: Register, event_id: int, household_id: int, **kwargs: Any) -> AddResult:
    """Everyone living in the household (在籍) at once."""
    ids = [r[0] for r in reg.conn.execute(
        "SELECT id FROM persons WHERE household_id = ? AND status = '在籍' ORDER BY id", [household_id])]
    if not ids:
        raise RegisterError("この世帯には在籍している人がいません。")
    return add_participants(reg, event_id, ids, **kwargs)


def list_participants(reg: Register, event_id: int) -> list[Participant]:
    """Named participants in 班 and フリガナ order (a 班長 sees their own 班)."""
    reg.session.require("register.read")
    _title, day = _require_event(reg, event_id)
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        "SELECT pa.id, p.id, p.family_name || '　' || p.given_name, p.family_kana || ' ' || p.given_kana, "
        "coalesce(b.name, ''), p.birth_date, pa.role, pa.rsvp, pa.attended, pa.hours "
        "FROM participations pa JOIN persons p ON p.id = pa.person_id JOIN households h ON h.id = p.household_id "
        f"LEFT JOIN blocks b ON b.id = h.block_id WHERE pa.event_id = ? AND {visible} "
        "ORDER BY b.sort_order, p.family_kana, p.given_kana, p.id", [event_id, *params]).fetchall()
    return [Participant(pid, person, name.strip("　"), kana.strip(), block, band_of(birth, day), role, rsvp,
                        None if attended is None else bool(attended), hours)
            for pid, person, name, kana, block, birth, role, rsvp, attended, hours in rows]


_UNSET: Any = object()


def update_participation(reg: Register, participation_id: int, *, role: str = _UNSET, rsvp: str = _UNSET,
                         attended: bool | None = _UNSET, hours: float | None = _UNSET) -> None:
    reg.session.require("activity.write", "参加の記録を変える")
    row = reg.conn.execute(
        "SELECT pa.role, pa.rsvp, pa.attended, pa.hours, h.block_id FROM participations pa "
        "JOIN persons p ON p.id = pa.person_id JOIN households h ON h.id = p.household_id WHERE pa.id = ?",
        [participation_id]).fetchone()
    if row is None:
        raise RegisterError("この参加の記録は台帳にありません。")
    reg.session.require_block(row[4], "ほかの班の人の参加を変える")
    changes: dict[str, Any] = {}
    if role is not _UNSET:
        changes["role"] = _choice(role, schema.PARTICIPATION_ROLES, "役割")
    if rsvp is not _UNSET:
        changes["rsvp"] = _choice(rsvp, schema.RSVP_ANSWERS, "出欠")
    if attended is not _UNSET:
        changes["attended"] = None if attended is None else int(bool(attended))
    if hours is not _UNSET:
        changes["hours"] = _hours(hours)
    if not changes:
        return
    with reg.writing("参加の記録の変更"):
        reg.conn.execute(f"UPDATE participations SET {', '.join(f'{c} = ?' for c in changes)}, updated_at = ? WHERE id = ?",
                         [*changes.values(), reg.now(), participation_id])
        before = dict(zip(("role", "rsvp", "attended", "hours"), row[:4], strict=True))
        reg._audit_row("update", "participations", participation_id, "参加の記録を変更しました",
                       before={c: before[c] for c in changes}, after=changes)


def remove_participation(reg: Register, participation_id: int) -> None:
    reg.session.require("activity.write", "参加者を外す")
    row = reg.conn.execute(
        "SELECT pa.event_id, h.block_id FROM participations pa JOIN persons p ON p.id = pa.person_id "
        "JOIN households h ON h.id = p.household_id WHERE pa.id = ?", [participation_id]).fetchone()
    if row is None:
        raise RegisterError("この参加の記録は台帳にありません。")
    reg.session.require_block(row[1], "ほかの班の人を参加者から外す")
    with reg.writing("参加者を外す"):
        reg.conn.execute("DELETE FROM participations WHERE id = ?", [participation_id])
        reg._audit_row("delete", "participations", participation_id, "参加者を1人外しました")


def band_counts(reg: Register, event_id: int) -> dict[str, dict[str, int]]:
    """{"guest": {band: n}, "member": {band: n}} — people counted without a name."""
    reg.session.require("register.read")
    out: dict[str, dict[str, int]] = {"guest": {}, "member": {}}
    for band, kind, n in reg.conn.execute("SELECT band, kind, count FROM event_band_counts WHERE event_id = ?", [event_id]):
        out[kind][band] = n
    return out


def set_band_counts(reg: Register, event_id: int, counts: dict[str, Any], *, kind: str = "guest") -> None:
    """Set the counts by age band of people not on the register (``guest``) or not named
    (``member``); every band not given is left as it is. A negative or unreadable count is refused."""
    reg.session.require("activity.write", "参加人数を記録する")
    title, _day = _require_event(reg, event_id)
    if kind not in ("guest", "member"):
        raise RegisterError(f"分からない人数の種類です: {kind}")
    clean: dict[str, int] = {}
    for band, value in counts.items():
        if band not in schema.AGE_BANDS:
            raise ValidationError("年代", f"分からない年代です: 「{band}」（{'・'.join(schema.AGE_BANDS)}）")
        try:
            n = int(str(value).strip() or 0)
        except ValueError:
            raise ValidationError(band, f"人数は整数で入力してください（「{value}」）。") from None
        if n < 0:
            raise ValidationError(band, f"人数をマイナスにはできません（{n}）。")
        if n > MAX_BAND_COUNT:
            raise ValidationError(band, f"人数が多すぎます（{n:,}人）。")
        clean[band] = n
    with reg.writing("参加人数の記録"):
        for band, n in clean.items():
            reg.conn.execute(
                "INSERT INTO event_band_counts (event_id, band, kind, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (event_id, band, kind) DO UPDATE SET count = excluded.count", [event_id, band, kind, n])
        reg._audit_row("update", "event_band_counts", event_id,
                       f"行事「{title}」の{'名簿外の' if kind == 'guest' else '名前を残さない'}参加人数を記録しました",
                       after=clean)


@dataclass(frozen=True)
class EventSummary:
    named: int
    counted: int
    helpers: int
    hours: float
    by_band: dict[str, int]
    rsvp: dict[str, int]

    @property
    def total(self) -> int:
        return self.named + self.counted


def event_summary(reg: Register, event_id: int) -> EventSummary:
    """Who came, by age band: named participants who attended (or all, when attendance is not
    recorded) plus the counts; helpers (運営・講師), hours, and the 出欠 answers."""
    reg.session.require("register.read")
    _title, day = _require_event(reg, event_id)
    by_band = dict.fromkeys(schema.AGE_BANDS, 0)
    named = helpers = 0
    hours = 0.0
    rsvp = {"出席": 0, "欠席": 0, "未定": 0}
    for birth, role, answer, attended, h in reg.conn.execute(
            "SELECT p.birth_date, pa.role, pa.rsvp, pa.attended, pa.hours FROM participations pa "
            "JOIN persons p ON p.id = pa.person_id WHERE pa.event_id = ?", [event_id]):
        if answer:
            rsvp[answer] += 1
        if attended == 0:
            continue
        named += 1
        by_band[band_of(birth, day)] += 1
        helpers += role in ("運営", "講師")
        hours += h or 0
    counted = 0
    for band, n in reg.conn.execute("SELECT band, sum(count) FROM event_band_counts WHERE event_id = ? GROUP BY band",
                                    [event_id]):
        by_band[band] += n
        counted += n
    return EventSummary(named, counted, helpers, round(hours, 2), by_band, rsvp)


def set_rsvp(reg: Register, event_id: int, answers: dict[int, str]) -> AddResult:
    """出欠 before the event, by hand or from a returned 回覧 tally: person id → 出席/欠席/未定.
    People not yet on the list are added (as 参加) with their answer."""
    reg.session.require("activity.write", "出欠を記録する")
    _require_event(reg, event_id)
    for a in answers.values():
        _choice(a, schema.RSVP_ANSWERS, "出欠")
    current = dict(reg.conn.execute("SELECT person_id, id FROM participations WHERE event_id = ?", [event_id]))
    result = AddResult()
    by_answer: dict[str, list[int]] = {}
    for pid, answer in answers.items():
        if pid in current:
            update_participation(reg, current[pid], rsvp=answer)
            result.already += 1
        else:
            by_answer.setdefault(answer, []).append(pid)
    for answer, ids in by_answer.items():
        part = add_participants(reg, event_id, ids, rsvp=answer)
        result.added += part.added
        result.not_logged += part.not_logged
        for band, n in part.counted.items():
            result.counted[band] = result.counted.get(band, 0) + n
        result.refused += part.refused
    return result


def participation_dates(reg: Register, person_id: int, since: date) -> list[tuple[str, str, str]]:
    """(date, event, role) of a person's participation since ``since`` (for a volunteer's load)."""
    reg.session.require("register.read")
    return [(r[0][:10], r[1], r[2]) for r in reg.conn.execute(
        "SELECT e.starts_at, e.title, pa.role FROM participations pa JOIN events e ON e.id = pa.event_id "
        "WHERE pa.person_id = ? AND e.starts_at >= ? AND e.status != '中止' AND pa.attended IS NOT 0 "
        "ORDER BY e.starts_at DESC", [person_id, since.isoformat()])]

