"""安否確認 (safety checks), Qt-free. DOMAIN.md §3.2.

A check is a drill (訓練) or real (災害), with its date and time. Officers enter each person's
result — ○ 無事 / △ 軽症 / × 重症 / ? 不明, where they are (自宅 / 避難所 / 親族宅 / 不明), when and by
whom, damage to the building, what help is needed — and see the totals per 班 and who is not yet
confirmed. People who need help to evacuate carry a bare marker (●) only; the details stay in
the restricted store. In a drill the marker shows only those who agreed to be on the list; in a
real disaster the law (災害対策基本法 §49-11 ③) lets officers see everyone on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.activity import band_of
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

#: one key per status in the program: 1 ○, 2 △, 3 ×, 4 ?
KEYS = {"1": "無事", "2": "軽症", "3": "重症", "4": "不明"}


@dataclass(frozen=True)
class SafetyCheck:
    id: int
    kind: str
    title: str
    started_at: str
    ended_at: str | None
    notes: str


def _moment(value: Any, label: str) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    try:
        return datetime.fromisoformat(str(value).strip().replace(" ", "T")).isoformat(timespec="minutes")
    except ValueError:
        raise ValidationError(label, f"日時として読めません: 「{value}」（例: 2026-09-01 10:00）") from None


def start_check(reg: Register, kind: str, title: str = "", started_at: Any = None, notes: str = "") -> int:
    """Start a safety check (訓練 or 災害); its time is now unless given."""
    reg.session.require("register.write", "安否確認を始める")
    if kind not in schema.SAFETY_CHECK_KINDS:
        raise ValidationError("種類", f"種類は {'・'.join(schema.SAFETY_CHECK_KINDS)} のどちらかです。")
    started = _moment(started_at, "開始日時") or reg.clock().replace(second=0, microsecond=0).isoformat(timespec="minutes")
    from datetime import date as _date

    from kyodo_desktop.models.japanese import to_wareki

    title = clean_text(title, field="名前", max_len=80) or (
        f"{to_wareki(_date.fromisoformat(started[:10]))} {'防災訓練' if kind == '訓練' else '災害'}の安否確認")
    with reg.writing("安否確認の開始"):
        cid = int(reg.conn.execute(
            "INSERT INTO safety_checks (kind, title, started_at, notes, created_by) VALUES (?, ?, ?, ?, ?)",
            [kind, title, started, clean_text(notes, field="備考", max_len=1000, multiline=True), reg.actor]).lastrowid)
        reg._audit_row("insert", "safety_checks", cid, f"安否確認「{title}」（{kind}）を始めました")
    return cid


def end_check(reg: Register, check_id: int, ended_at: Any = None) -> None:
    reg.session.require("register.write", "安否確認を終える")
    check = get_check(reg, check_id)
    ended = _moment(ended_at, "終了日時") or reg.clock().replace(second=0, microsecond=0).isoformat(timespec="minutes")
    if ended < check.started_at:
        raise ValidationError("終了日時", "終了が開始より前です。")
    with reg.writing("安否確認の終了"):
        reg.conn.execute("UPDATE safety_checks SET ended_at = ? WHERE id = ?", [ended, check_id])
        reg._audit_row("update", "safety_checks", check_id, f"安否確認「{check.title}」を終えました")


def reopen_check(reg: Register, check_id: int) -> None:
    """An ended check is opened again (a result came in late, or one was entered wrongly)."""
    reg.session.require("register.write", "安否確認を再開する")
    check = get_check(reg, check_id)
    if not check.ended_at:
        return
    with reg.writing("安否確認の再開"):
        reg.conn.execute("UPDATE safety_checks SET ended_at = NULL WHERE id = ?", [check_id])
        reg._audit_row("update", "safety_checks", check_id, f"安否確認「{check.title}」を再開しました")


def get_check(reg: Register, check_id: int) -> SafetyCheck:
    reg.session.require("register.read")
    row = reg.conn.execute("SELECT id, kind, title, started_at, ended_at, notes FROM safety_checks WHERE id = ?",
                           [check_id]).fetchone()
    if row is None:
        raise RegisterError("この安否確認は台帳にありません。")
    return SafetyCheck(*row)


def list_checks(reg: Register) -> list[SafetyCheck]:
    reg.session.require("register.read")
    return [SafetyCheck(*r) for r in reg.conn.execute(
        "SELECT id, kind, title, started_at, ended_at, notes FROM safety_checks ORDER BY started_at DESC, id DESC")]


@dataclass
class CheckPerson:
    person_id: int
    household_id: int
    block_id: int | None
    block: str
    household: str  # the head's name
    name: str
    kana: str
    band: str
    support: bool  # a bare marker: needs help to evacuate
    status: str = ""  # "" = not yet confirmed
    whereabouts: str = ""
    checked_at: str = ""
    checked_by: str = ""
    building_damage: str = ""
    needs: str = ""
    notes: str = ""


def support_marked(reg: Register, kind: str) -> set[int]:
    """Person ids that carry the bare ● marker: in a drill those on the list who agreed to it,
    in a real disaster everyone on it (no details, on any role's sheet)."""
    where = "" if kind == "災害" else "AND consent = '同意'"
    return {r[0] for r in reg.conn.execute(
        f"SELECT person_id FROM support_people WHERE person_id IS NOT NULL {where}")}


def people(reg: Register, check_id: int | None = None, *, kind: str = "訓練",
           block_ids: list[int] | None = None) -> list[CheckPerson]:
    """Everyone living in the (visible) 班 in 班 and 回覧順 order, with their result in the check."""
    reg.session.require("register.read")
    if check_id is not None:
        check = get_check(reg, check_id)
        kind = check.kind
        on = check.started_at[:10]
    else:
        on = reg.today().isoformat()
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        "SELECT p.id, h.id, h.block_id, coalesce(b.name, ''), coalesce(hp.family_name || '　' || hp.given_name, ''), "
        "p.family_name || '　' || p.given_name, p.family_kana || ' ' || p.given_kana, p.birth_date "
        "FROM persons p JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id "
        "LEFT JOIN persons hp ON hp.id = h.head_person_id "
        # living here when the check began (someone who moved away or died since stays on it)
        f"WHERE (p.status = '在籍' OR p.status_since > ?) AND (h.status IN ('加入', '非加入') OR h.status_since > ?) "
        f"AND {visible} ORDER BY b.sort_order, b.id, h.circulation_order, h.id, p.position, p.id",
        [on, on, *params]).fetchall()
    from datetime import date as _date

    day = _date.fromisoformat(on)
    marked = support_marked(reg, kind)
    out = [CheckPerson(pid, hid, bid, block, head.strip("　"), name.strip("　"), kana.strip(), band_of(birth, day),
                       pid in marked)
           for pid, hid, bid, block, head, name, kana, birth in rows if block_ids is None or bid in block_ids]
    if check_id is not None:
        results = {r[0]: r[1:] for r in reg.conn.execute(
            "SELECT person_id, status, whereabouts, checked_at, checked_by, building_damage, needs, notes "
            "FROM safety_results WHERE check_id = ?", [check_id])}
        for p in out:
            r = results.get(p.person_id)
            if r:
                (p.status, p.whereabouts, p.checked_at, p.checked_by, p.building_damage, p.needs, p.notes) = r
    return out


def record(reg: Register, check_id: int, person_id: int, status: str, *, whereabouts: str | None = None,
           building_damage: str | None = None, needs: str | None = None, notes: str | None = None,
           checked_at: Any = None, checked_by: str | None = None) -> tuple[str, str]:
    """Enter (or correct) one person's result; what is not given again (None) is kept from the
    earlier entry. A person who had left before the check, or a check that has ended, is refused
    with the reason; nothing is written. Returns (time checked, by whom) as stored."""
    before = reg.conn.execute("SELECT whereabouts, building_damage, needs, notes FROM safety_results "
                              "WHERE check_id = ? AND person_id = ?", [check_id, person_id]).fetchone() or ("", "", "", "")
    whereabouts = before[0] if whereabouts is None else whereabouts
    building_damage = before[1] if building_damage is None else building_damage
    needs = before[2] if needs is None else needs
    notes = before[3] if notes is None else notes
    reg.session.require("register.write", "安否を記録する")
    check = get_check(reg, check_id)
    if check.ended_at:
        raise RegisterError(f"安否確認「{check.title}」は終わっています。記録を直すときは、先に再開してください。")
    if status not in schema.SAFETY_STATUSES:
        raise ValidationError("安否", f"安否は {'・'.join(schema.SAFETY_STATUSES)} のどれかです。")
    if whereabouts not in ("", *schema.WHEREABOUTS):
        raise ValidationError("所在", f"所在は {'・'.join(schema.WHEREABOUTS)} のどれかです。")
    if building_damage not in schema.BUILDING_DAMAGE:
        raise ValidationError("建物被害", f"建物被害は {'・'.join(d for d in schema.BUILDING_DAMAGE if d)} のどれかです。")
    row = reg.conn.execute(
        "SELECT p.family_name || '　' || p.given_name, p.status, p.status_since, h.block_id FROM persons p "
        "JOIN households h ON h.id = p.household_id WHERE p.id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("この人は台帳にいません。")
    name, pstatus, since, block = row
    reg.session.require_block(block, "ほかの班の安否を記録する")
    if pstatus != "在籍" and since <= check.started_at[:10]:
        raise RegisterError(f"{name.strip('　')}さんは{since}に「{pstatus}」になっているため、安否は記録できません。")
    at = _moment(checked_at, "確認時刻") or reg.clock().replace(second=0, microsecond=0).isoformat(timespec="minutes")
    values = [check_id, person_id, status, whereabouts, at, checked_by if checked_by is not None else reg.actor,
              building_damage, clean_text(needs, field="必要な支援", max_len=200),
              clean_text(notes, field="備考", max_len=200)]
    with reg.writing("安否の記録"):
        reg.conn.execute(
            "INSERT INTO safety_results (check_id, person_id, status, whereabouts, checked_at, checked_by, building_damage, "
            "needs, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (check_id, person_id) DO UPDATE SET "
            "status = excluded.status, whereabouts = excluded.whereabouts, checked_at = excluded.checked_at, "
            "checked_by = excluded.checked_by, building_damage = excluded.building_damage, needs = excluded.needs, "
            "notes = excluded.notes", values)
        reg._audit_row("update", "safety_results", check_id, f"安否を記録しました（{status}）", person_count=1)
    return values[4], values[5]


def clear_result(reg: Register, check_id: int, person_id: int) -> None:
    """Back to 未確認 (entered by mistake)."""
    reg.session.require("register.write", "安否の記録を取り消す")
    check = get_check(reg, check_id)
    if check.ended_at:
        raise RegisterError(f"安否確認「{check.title}」は終わっています。")
    block = reg.conn.execute("SELECT h.block_id FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ?",
                             [person_id]).fetchone()
    reg.session.require_block(block[0] if block else None, "ほかの班の安否の記録を取り消す")
    with reg.writing("安否の記録の取り消し"):
        reg.conn.execute("DELETE FROM safety_results WHERE check_id = ? AND person_id = ?", [check_id, person_id])
        reg._audit_row("delete", "safety_results", check_id, "安否の記録を1件取り消しました")


@dataclass
class BlockTotal:
    block_id: int | None
    block: str
    households: int = 0
    persons: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(schema.SAFETY_STATUSES, 0))
    unconfirmed: int = 0
    at_shelter: int = 0
    at_home: int = 0
    last_at: str = ""

    @property
    def confirmed(self) -> int:
        return self.persons - self.unconfirmed


def totals(reg: Register, check_id: int) -> list[BlockTotal]:
    """Per 班: households, people, each status, not yet confirmed, at a shelter or at home, and
    the time of the latest report; the last row is the whole association (block_id None)."""
    by_block: dict[int | None, BlockTotal] = {}
    homes: dict[int | None, set[int]] = {}
    for p in people(reg, check_id):
        t = by_block.setdefault(p.block_id, BlockTotal(p.block_id, p.block))
        homes.setdefault(p.block_id, set()).add(p.household_id)
        t.persons += 1
        if p.status:
            t.counts[p.status] += 1
            t.last_at = max(t.last_at, p.checked_at)
        else:
            t.unconfirmed += 1
        t.at_shelter += p.whereabouts == "避難所"
        t.at_home += p.whereabouts == "自宅"
    out = list(by_block.values())
    whole = BlockTotal(None, "合計")
    for t in out:
        t.households = len(homes[t.block_id])
        whole.households += t.households
        whole.persons += t.persons
        for k, v in t.counts.items():
            whole.counts[k] += v
        whole.unconfirmed += t.unconfirmed
        whole.at_shelter += t.at_shelter
        whole.at_home += t.at_home
        whole.last_at = max(whole.last_at, t.last_at)
    return [*out, whole]


@dataclass(frozen=True)
class DrillRecord:
    id: int
    kind: str
    title: str
    started_at: str
    persons: int
    confirmed: int
    minutes_to_all: int | None  # from the start until the last person was accounted for (None if not all were)
    by_block: dict[str, tuple[int, int]]  # 班 → (confirmed, persons)


def history(reg: Register) -> list[DrillRecord]:
    """Every check: how many were accounted for, how long it took to account for everyone, by 班."""
    out = []
    for check in list_checks(reg):
        ts = totals(reg, check.id)
        whole = ts[-1]
        minutes = None
        if whole.persons and not whole.unconfirmed and whole.last_at:
            delta = datetime.fromisoformat(whole.last_at) - datetime.fromisoformat(check.started_at)
            minutes = max(0, int(delta.total_seconds() // 60))
        out.append(DrillRecord(check.id, check.kind, check.title, check.started_at, whole.persons, whole.confirmed,
                               minutes, {t.block: (t.confirmed, t.persons) for t in ts[:-1]}))
    return out
