"""Partner organisations (協力団体) and the local issue log (地域課題), Qt-free.

Partners: 公民館, 社協, 民生委員, 消防分団, 学校・PTA, 大学・学生団体, NPO, 企業・商店 … with a
contact, their agreements (協定: 災害時物資, 見守り協力 …) and the events and issues they took part
in. A partner that is linked to anything cannot be deleted (the history would lose it); it is
retired (休止) instead.

Issues use the stages of Kanazawa's マッチ箱 platform (議論と調査 → 企画と試作中 → 運用中 →
休止・終了) so an issue can be posted there as it stands; requests made to the city (街路灯,
カーブミラー …) are kept with their answers. The estimated households of the area per 年度
(for the membership rate) live here too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import parse_date
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text


def _date(value: Any, label: str, *, required: bool = False) -> str | None:
    if value in (None, ""):
        if required:
            raise ValidationError(label, "日付を入力してください。")
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return parse_date(str(value)).isoformat()
    except (ValueError, RegisterError):
        raise ValidationError(label, f"日付として読めません: 「{value}」（例: 令和8年6月7日、2026-06-07）") from None


# -- partners -------------------------------------------------------------------------------------------


@dataclass
class PartnerData:
    name: str
    kind: str = "その他"
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    id: int | None = None
    retired_on: str | None = None


_PARTNER_COLUMNS = ("name", "kind", "contact_name", "phone", "email", "address", "notes")


def save_partner(reg: Register, data: PartnerData) -> int:
    reg.session.require("activity.write", "協力団体を記録する")
    if data.kind not in schema.PARTNER_KINDS:
        raise ValidationError("種類", f"団体の種類は {'・'.join(schema.PARTNER_KINDS)} のどれかです。")
    values = {
        "name": clean_text(data.name, field="団体名", max_len=80, required=True),
        "kind": data.kind,
        "contact_name": clean_text(data.contact_name, field="担当者", max_len=40),
        "phone": clean_text(data.phone, field="電話", max_len=30),
        "email": clean_text(data.email, field="メール", max_len=120),
        "address": clean_text(data.address, field="住所", max_len=200),
        "notes": clean_text(data.notes, field="備考", max_len=2000, multiline=True),
    }
    if values["email"] and "@" not in values["email"]:
        raise ValidationError("メール", f"メールアドレスとして読めません: 「{values['email']}」")
    same = reg.conn.execute("SELECT id FROM partners WHERE name = ? AND id IS NOT ?", [values["name"], data.id]).fetchone()
    if same:
        raise ValidationError("団体名", f"「{values['name']}」はすでに登録されています。")
    with reg.writing("協力団体の保存"):
        now = reg.now()
        if data.id is None:
            pid = int(reg.conn.execute(
                f"INSERT INTO partners (uid, {', '.join(_PARTNER_COLUMNS)}, created_at, updated_at) "
                f"VALUES (?, {', '.join('?' * len(_PARTNER_COLUMNS))}, ?, ?)",
                [secrets.token_hex(8), *values.values(), now, now]).lastrowid)
            reg._audit_row("insert", "partners", pid, f"協力団体「{values['name']}」を登録しました", after=values)
            return pid
        row = reg.conn.execute(f"SELECT {', '.join(_PARTNER_COLUMNS)} FROM partners WHERE id = ?", [data.id]).fetchone()
        if row is None:
            raise RegisterError("この協力団体は台帳にありません。")
        old = dict(zip(_PARTNER_COLUMNS, row, strict=True))
        changed = {k: v for k, v in values.items() if old[k] != v}
        if changed:
            reg.conn.execute(f"UPDATE partners SET {', '.join(f'{c} = ?' for c in changed)}, updated_at = ? WHERE id = ?",
                             [*changed.values(), now, data.id])
            reg._audit_row("update", "partners", data.id, f"協力団体「{values['name']}」を変更しました",
                           before={k: old[k] for k in changed}, after=changed)
        return data.id


def get_partner(reg: Register, partner_id: int) -> PartnerData:
    reg.session.require("register.read")
    row = reg.conn.execute(f"SELECT {', '.join(_PARTNER_COLUMNS)}, id, retired_on FROM partners WHERE id = ?",
                           [partner_id]).fetchone()
    if row is None:
        raise RegisterError("この協力団体は台帳にありません。")
    return PartnerData(*row)


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    kind: str
    contact_name: str
    phone: str
    events: int
    issues: int
    agreements: int
    last_event: str | None
    retired_on: str | None


def list_partners(reg: Register, *, include_retired: bool = False) -> list[PartnerRow]:
    reg.session.require("register.read")
    where = "1" if include_retired else "p.retired_on IS NULL"
    rows = reg.conn.execute(
        f"""
        SELECT p.id, p.name, p.kind, p.contact_name, p.phone,
               (SELECT count(*) FROM event_partners ep WHERE ep.partner_id = p.id)
                 + (SELECT count(*) FROM events e WHERE e.organiser_partner_id = p.id
                    AND NOT EXISTS (SELECT 1 FROM event_partners ep WHERE ep.event_id = e.id AND ep.partner_id = p.id)),
               (SELECT count(*) FROM issue_partners ip WHERE ip.partner_id = p.id),
               (SELECT count(*) FROM partner_agreements a WHERE a.partner_id = p.id),
               (SELECT max(substr(e.starts_at, 1, 10)) FROM events e LEFT JOIN event_partners ep ON ep.event_id = e.id
                WHERE (ep.partner_id = p.id OR e.organiser_partner_id = p.id) AND e.status != '中止'
                AND substr(e.starts_at, 1, 10) <= :today),
               p.retired_on
        FROM partners p WHERE {where} ORDER BY p.retired_on IS NOT NULL, p.kind, p.name
        """, {"today": reg.today().isoformat()}).fetchall()
    return [PartnerRow(*r) for r in rows]


def partner_links(reg: Register, partner_id: int) -> dict[str, list[tuple[str, str]]]:
    """The events (date, title) and issues (date found, title) a partner took part in."""
    reg.session.require("register.read")
    events = [(r[0][:10], r[1]) for r in reg.conn.execute(
        "SELECT DISTINCT e.starts_at, e.title FROM events e LEFT JOIN event_partners ep ON ep.event_id = e.id "
        "WHERE ep.partner_id = ? OR e.organiser_partner_id = ? ORDER BY e.starts_at DESC", [partner_id, partner_id])]
    issues = [(r[0], r[1]) for r in reg.conn.execute(
        "SELECT i.found_on, i.title FROM issue_partners ip JOIN local_issues i ON i.id = ip.issue_id "
        "WHERE ip.partner_id = ? ORDER BY i.found_on DESC", [partner_id])]
    return {"events": events, "issues": issues}


def retire_partner(reg: Register, partner_id: int, on: date | None = None) -> None:
    """No longer active (休止): kept with its history, left out of the pick lists."""
    reg.session.require("activity.write", "協力団体を休止にする")
    data = get_partner(reg, partner_id)
    with reg.writing("協力団体の休止"):
        reg.conn.execute("UPDATE partners SET retired_on = ?, updated_at = ? WHERE id = ?",
                         [(on or reg.today()).isoformat(), reg.now(), partner_id])
        reg._audit_row("update", "partners", partner_id, f"協力団体「{data.name}」を休止にしました")


def reactivate_partner(reg: Register, partner_id: int) -> None:
    """Active again after a 休止."""
    reg.session.require("activity.write", "協力団体の休止を解く")
    data = get_partner(reg, partner_id)
    with reg.writing("協力団体の休止の解除"):
        reg.conn.execute("UPDATE partners SET retired_on = NULL, updated_at = ? WHERE id = ?", [reg.now(), partner_id])
        reg._audit_row("update", "partners", partner_id, f"協力団体「{data.name}」の休止を解きました")


def delete_partner(reg: Register, partner_id: int) -> None:
    """Delete a partner entered by mistake. One linked to an event, an issue or an agreement is
    refused with what it is linked to (retire it instead); nothing is changed."""
    reg.session.require("activity.write", "協力団体を削除する")
    data = get_partner(reg, partner_id)
    links = partner_links(reg, partner_id)
    agreements = reg.conn.execute("SELECT count(*) FROM partner_agreements WHERE partner_id = ?", [partner_id]).fetchone()[0]
    if links["events"] or links["issues"] or agreements:
        parts = [f"{label}{n}件" for label, n in (("行事", len(links["events"])), ("地域課題", len(links["issues"])),
                                                 ("協定", agreements)) if n]
        raise RegisterError(f"協力団体「{data.name}」は{'・'.join(parts)}に結び付いているため削除できません。"
                            "活動していない場合は「休止」にしてください。")
    with reg.writing("協力団体の削除"):
        reg.conn.execute("DELETE FROM partners WHERE id = ?", [partner_id])
        reg._audit_row("delete", "partners", partner_id, f"協力団体「{data.name}」を削除しました")


@dataclass(frozen=True)
class Agreement:
    id: int
    partner_id: int
    title: str
    signed_on: str | None
    valid_until: str | None
    notes: str


def add_agreement(reg: Register, partner_id: int, title: str, *, signed_on: Any = None, valid_until: Any = None,
                  notes: str = "") -> int:
    """A 協定 with a partner (災害時物資協定, 見守り協力 …)."""
    reg.session.require("activity.write", "協定を記録する")
    partner = get_partner(reg, partner_id)
    title = clean_text(title, field="協定の名前", max_len=80, required=True)
    signed = _date(signed_on, "締結日")
    until = _date(valid_until, "有効期限")
    if signed and until and until < signed:
        raise ValidationError("有効期限", "有効期限が締結日より前です。")
    with reg.writing("協定の記録"):
        aid = int(reg.conn.execute(
            "INSERT INTO partner_agreements (partner_id, title, signed_on, valid_until, notes, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [partner_id, title, signed, until, clean_text(notes, field="備考", max_len=1000, multiline=True),
             reg.now()]).lastrowid)
        reg._audit_row("insert", "partner_agreements", aid, f"「{partner.name}」との協定「{title}」を記録しました")
    return aid


def list_agreements(reg: Register, partner_id: int | None = None) -> list[Agreement]:
    reg.session.require("register.read")
    where, params = ("partner_id = ?", [partner_id]) if partner_id is not None else ("1", [])
    return [Agreement(*r) for r in reg.conn.execute(
        f"SELECT id, partner_id, title, signed_on, valid_until, notes FROM partner_agreements WHERE {where} "
        "ORDER BY signed_on DESC, id DESC", params)]


# -- local issues ------------------------------------------------------------------------------------------


@dataclass
class IssueData:
    title: str
    found_on: Any = None  # a date; default today
    description: str = ""
    category: str = "その他"
    block_id: int | None = None
    place: str = ""
    reporter: str = ""
    stage: str = "議論と調査"
    next_action: str = ""
    due_on: Any = None
    external_url: str = ""
    partner_ids: list[int] = field(default_factory=list)
    id: int | None = None


_ISSUE_COLUMNS = ("title", "description", "category", "block_id", "place", "reporter", "found_on", "stage",
                  "next_action", "due_on", "external_url")


def save_issue(reg: Register, data: IssueData) -> int:
    reg.session.require("activity.write", "地域課題を記録する")
    if data.category not in schema.ISSUE_CATEGORIES:
        raise ValidationError("分野", f"分野は {'・'.join(schema.ISSUE_CATEGORIES)} のどれかです。")
    if data.stage not in schema.ISSUE_STAGES:
        raise ValidationError("段階", f"段階は {'・'.join(schema.ISSUE_STAGES)} のどれかです。")
    url = clean_text(data.external_url, field="リンク", max_len=500)
    if url and urlparse(url).scheme not in ("http", "https"):
        raise ValidationError("リンク", f"http:// か https:// で始まるアドレスを入力してください（「{url}」）。")
    if data.block_id is not None and not reg.conn.execute("SELECT 1 FROM blocks WHERE id = ?", [data.block_id]).fetchone():
        raise ValidationError("班", "選ばれた班が台帳にありません。")
    partners = list(dict.fromkeys(data.partner_ids))
    for pid in partners:
        if not reg.conn.execute("SELECT 1 FROM partners WHERE id = ?", [pid]).fetchone():
            raise ValidationError("協力団体", "選ばれた協力団体が台帳にありません。")
    found = _date(data.found_on, "発見日") or reg.today().isoformat()
    due = _date(data.due_on, "期限")
    values = {
        "title": clean_text(data.title, field="課題", max_len=80, required=True),
        "description": clean_text(data.description, field="内容", max_len=4000, multiline=True),
        "category": data.category, "block_id": data.block_id,
        "place": clean_text(data.place, field="場所", max_len=120),
        "reporter": clean_text(data.reporter, field="報告者", max_len=60),
        "found_on": found, "stage": data.stage,
        "next_action": clean_text(data.next_action, field="次にすること", max_len=500, multiline=True),
        "due_on": due, "external_url": url,
    }
    with reg.writing("地域課題の保存"):
        now = reg.now()
        if data.id is None:
            iid = int(reg.conn.execute(
                f"INSERT INTO local_issues (uid, {', '.join(_ISSUE_COLUMNS)}, created_at, updated_at) "
                f"VALUES (?, {', '.join('?' * len(_ISSUE_COLUMNS))}, ?, ?)",
                [secrets.token_hex(8), *values.values(), now, now]).lastrowid)
            reg._audit_row("insert", "local_issues", iid, f"地域課題「{values['title']}」を登録しました", after=values)
        else:
            iid = data.id
            row = reg.conn.execute(f"SELECT {', '.join(_ISSUE_COLUMNS)} FROM local_issues WHERE id = ?", [iid]).fetchone()
            if row is None:
                raise RegisterError("この地域課題は台帳にありません。")
            old = dict(zip(_ISSUE_COLUMNS, row, strict=True))
            changed = {k: v for k, v in values.items() if old[k] != v}
            if changed:
                reg.conn.execute(f"UPDATE local_issues SET {', '.join(f'{c} = ?' for c in changed)}, updated_at = ? "
                                 "WHERE id = ?", [*changed.values(), now, iid])
                what = (f"段階を「{old['stage']}」から「{values['stage']}」に" if "stage" in changed else "内容を")
                reg._audit_row("update", "local_issues", iid, f"地域課題「{values['title']}」の{what}変更しました",
                               before={k: old[k] for k in changed}, after=changed)
        reg.conn.execute("DELETE FROM issue_partners WHERE issue_id = ?", [iid])
        reg.conn.executemany("INSERT INTO issue_partners (issue_id, partner_id) VALUES (?, ?)", [(iid, p) for p in partners])
    return iid


def get_issue(reg: Register, issue_id: int) -> IssueData:
    reg.session.require("register.read")
    row = reg.conn.execute(f"SELECT {', '.join(_ISSUE_COLUMNS)} FROM local_issues WHERE id = ?", [issue_id]).fetchone()
    if row is None:
        raise RegisterError("この地域課題は台帳にありません。")
    v = dict(zip(_ISSUE_COLUMNS, row, strict=True))
    partners = [r[0] for r in reg.conn.execute("SELECT partner_id FROM issue_partners WHERE issue_id = ?", [issue_id])]
    return IssueData(v["title"], v["found_on"], v["description"], v["category"], v["block_id"], v["place"], v["reporter"],
                     v["stage"], v["next_action"], v["due_on"], v["external_url"], partners, issue_id)


@dataclass(frozen=True)
class IssueRow:
    id: int
    title: str
    category: str
    block: str
    place: str
    found_on: str
    stage: str
    next_action: str
    due_on: str | None
    partners: str
    requests: int
    unanswered: int


def list_issues(reg: Register, *, stage: str | None = None, open_only: bool = False, text: str = "") -> list[IssueRow]:
    """Issues, open ones first by due date. ``open_only``: not 休止・終了."""
    reg.session.require("register.read")
    where, params = ["1"], []
    if stage:
        where.append("i.stage = ?")
        params.append(stage)
    if open_only:
        where.append("i.stage != '休止・終了'")
    if text.strip():
        where.append("(i.title LIKE ? OR i.description LIKE ? OR i.place LIKE ?)")
        params += [f"%{text.strip()}%"] * 3
    rows = reg.conn.execute(
        f"""
        SELECT i.id, i.title, i.category, coalesce(b.name, ''), i.place, i.found_on, i.stage, i.next_action, i.due_on,
               coalesce((SELECT group_concat(p.name, '・') FROM issue_partners ip JOIN partners p ON p.id = ip.partner_id
                         WHERE ip.issue_id = i.id), ''),
               (SELECT count(*) FROM city_requests r WHERE r.issue_id = i.id),
               (SELECT count(*) FROM city_requests r WHERE r.issue_id = i.id AND r.answered_on IS NULL)
        FROM local_issues i LEFT JOIN blocks b ON b.id = i.block_id
        WHERE {' AND '.join(where)}
        ORDER BY i.stage = '休止・終了', i.due_on IS NULL, i.due_on, i.found_on DESC
        """, params).fetchall()
    return [IssueRow(*r) for r in rows]


def issues_by_stage(reg: Register) -> dict[str, int]:
    reg.session.require("register.read")
    out = dict.fromkeys(schema.ISSUE_STAGES, 0)
    for stage, n in reg.conn.execute("SELECT stage, count(*) FROM local_issues GROUP BY stage"):
        out[stage] = n
    return out


@dataclass(frozen=True)
class CityRequest:
    id: int
    issue_id: int | None
    asked_on: str
    addressed_to: str
    request: str
    answer: str
    answered_on: str | None


def add_city_request(reg: Register, request: str, *, asked_on: Any = None, addressed_to: str = "",
                     issue_id: int | None = None) -> int:
    """A request made to the city (要望: 街路灯, カーブミラー, 道路の補修 …), optionally for an issue."""
    reg.session.require("activity.write", "市への要望を記録する")
    if issue_id is not None:
        get_issue(reg, issue_id)
    text = clean_text(request, field="要望", max_len=2000, multiline=True, required=True)
    asked = _date(asked_on, "要望日") or reg.today().isoformat()
    with reg.writing("要望の記録"):
        now = reg.now()
        rid = int(reg.conn.execute(
            "INSERT INTO city_requests (issue_id, asked_on, addressed_to, request, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [issue_id, asked, clean_text(addressed_to, field="宛先", max_len=60), text, now, now]).lastrowid)
        reg._audit_row("insert", "city_requests", rid, f"市への要望を記録しました（{asked}）")
    return rid


def answer_city_request(reg: Register, request_id: int, answer: str, *, answered_on: Any = None) -> None:
    reg.session.require("activity.write", "市からの回答を記録する")
    row = reg.conn.execute("SELECT asked_on FROM city_requests WHERE id = ?", [request_id]).fetchone()
    if row is None:
        raise RegisterError("この要望は台帳にありません。")
    on = _date(answered_on, "回答日") or reg.today().isoformat()
    if on < row[0]:
        raise ValidationError("回答日", f"回答日（{on}）が要望日（{row[0]}）より前です。")
    with reg.writing("回答の記録"):
        reg.conn.execute("UPDATE city_requests SET answer = ?, answered_on = ?, updated_at = ? WHERE id = ?",
                         [clean_text(answer, field="回答", max_len=2000, multiline=True, required=True), on, reg.now(),
                          request_id])
        reg._audit_row("update", "city_requests", request_id, f"市からの回答を記録しました（{on}）")


def list_city_requests(reg: Register, issue_id: int | None = None) -> list[CityRequest]:
    reg.session.require("register.read")
    where, params = ("issue_id = ?", [issue_id]) if issue_id is not None else ("1", [])
    return [CityRequest(*r) for r in reg.conn.execute(
        f"SELECT id, issue_id, asked_on, addressed_to, request, answer, answered_on FROM city_requests WHERE {where} "
        "ORDER BY asked_on DESC, id DESC", params)]


# -- the area (for the membership rate) -----------------------------------------------------------------------


def set_area_households(reg: Register, fiscal_year: int, households: int, source: str = "") -> None:
    """The estimated households living in the association's area in a 年度 (e.g. from the
    city's 住民基本台帳 figures), so the 加入率 can be shown over the years."""
    reg.session.require("association.write", "区域内の世帯数を記録する")
    if not 1989 <= fiscal_year <= 2200:
        raise ValidationError("年度", f"年度が正しくありません（{fiscal_year}）。")
    try:
        n = int(households)
    except (TypeError, ValueError):
        raise ValidationError("区域内の世帯数", f"整数で入力してください（「{households}」）。") from None
    if n <= 0:
        raise ValidationError("区域内の世帯数", f"1以上で入力してください（{n}）。")
    with reg.writing("区域内の世帯数の記録"):
        reg.conn.execute(
            "INSERT INTO area_households (fiscal_year, households, source, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (fiscal_year) DO UPDATE SET households = excluded.households, source = excluded.source, "
            "updated_at = excluded.updated_at",
            [fiscal_year, n, clean_text(source, field="出典", max_len=100), reg.now()])
        reg._audit_row("update", "area_households", fiscal_year, f"{fiscal_year}年度の区域内の世帯数を{n}世帯にしました")


def area_households(reg: Register) -> dict[int, int]:
    reg.session.require("register.read")
    return dict(reg.conn.execute("SELECT fiscal_year, households FROM area_households ORDER BY fiscal_year"))


def area_household_sources(reg: Register) -> dict[int, str]:
    """Where each 年度's estimate came from (「市の統計」 …)."""
    reg.session.require("register.read")
    return dict(reg.conn.execute("SELECT fiscal_year, source FROM area_households ORDER BY fiscal_year"))
