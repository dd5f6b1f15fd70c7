"""自主防災: 防災資機材台帳, gathering places and shelters, and the organisation (Qt-free). DOMAIN.md §5.6.

* 資機材台帳 (equipment): ``item | 数量 | 保管場所 | 購入 | 補助金 | 点検日``. Nothing is deleted: an item
  that is thrown away or handed back is retired (廃棄) with its date. Items whose last check is a
  year old or more (or never recorded) are flagged 「点検から1年以上」 / 「点検の記録なし」.
* Places (集合場所 / 一時避難場所 / 指定避難所 / 福祉避難所) with the 班 they serve; a place that names
  no 班 serves the whole 町会.
* The organisation: register persons in teams (本部, 情報班, 消火班 …) with a role (班長 / 班員) per
  年度, one 班長 per team; last year's chart can be copied to this year (people who have left
  since are left out and named).

Reads need ``register.read``, changes ``register.write``. A 班長 (a role limited to their own 班)
sees and changes only what belongs to their 班: places that serve it, members who live in it.
The equipment belongs to the whole 町会 and has no 班.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.japanese import ERAS, WarekiError, fiscal_year, parse_date, to_wareki
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

ROLES = ("班長", "班員")
OVERDUE = "点検から1年以上"
NEVER_CHECKED = "点検の記録なし"
MAX_QUANTITY = 100_000


def _date(value: Any, label: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return parse_date(str(value)).isoformat()
    except (WarekiError, ValueError):
        raise ValidationError(label, f"日付として読めません: 「{value}」（例: 令和8年6月7日、2026-06-07）") from None


_YEAR_ONLY = re.compile(r"^(\d{4})年?$")
_WAREKI_YEAR = re.compile(r"^(?P<era>[^\d元]+?)(?P<y>元|\d{1,2})年?$")


def _year_or_date(value: Any, label: str) -> str | None:
    """A date, or only a year (「2019」「2019年」「令和3年」「R3」) kept as 「2019」: many 資機材 are
    known by the year they were bought only."""
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1868 <= value <= 2200:
        return str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if (m := _YEAR_ONLY.match(text)) and 1868 <= int(m[1]) <= 2200:
        return m[1]
    if m := _WAREKI_YEAR.match(text):
        key = m["era"].strip()
        for era in ERAS:
            if key in (era.name, era.kanji_short) or key.upper() == era.short:
                year = 1 if m["y"] == "元" else int(m["y"])
                if year >= 1:
                    return str(era.start.year + year - 1)
    return _date(value, label)


def year_or_date_text(value: str | None) -> str:
    """「令和3年」 for a year, 「令和3年4月1日」 for a date, "" for nothing."""
    if not value:
        return ""
    if len(value) == 4:
        year = int(value)
        from kyodo_desktop.models.japanese import wareki_year

        era, n = wareki_year(date(year, 12, 31))
        return f"{era.name}{'元' if n == 1 else n}年"
    return to_wareki(date.fromisoformat(value))


def current_fiscal_year(reg: Register) -> int:
    month = reg.conn.execute("SELECT fiscal_year_start_month FROM association WHERE id = 1").fetchone()
    return fiscal_year(reg.today(), int(month[0] or 4) if month else 4)


def _fiscal_year(reg: Register, value: Any) -> int:
    if value is None:
        return current_fiscal_year(reg)
    try:
        fy = int(value)
    except (TypeError, ValueError):
        raise ValidationError("年度", f"年度は西暦の年で入力してください（例: 2026）: 「{value}」") from None
    if not 1989 <= fy <= 2200:
        raise ValidationError("年度", f"年度は西暦の年で入力してください（例: 2026）: 「{value}」")
    return fy


# -- 防災資機材台帳 ----------------------------------------------------------------------------------------


@dataclass
class EquipmentData:
    item: str
    quantity: int | str = 1
    place: str = ""  # 保管場所
    bought_on: Any = None  # a date, or only the year (「2019」)
    subsidy: str = ""  # 補助金 (e.g. 「市 自主防災組織資機材整備補助 R3」)
    checked_on: Any = None  # the last check
    notes: str = ""
    id: int | None = None
    retired_on: str | None = None


@dataclass(frozen=True)
class EquipmentRow:
    id: int
    item: str
    quantity: int
    place: str
    bought_on: str | None
    subsidy: str
    checked_on: str | None
    notes: str
    retired_on: str | None
    flag: str  # 「点検から1年以上」「点検の記録なし」 or ""

    @property
    def overdue(self) -> bool:
        return bool(self.flag)


_EQUIPMENT_COLUMNS = ("item", "quantity", "place", "bought_on", "subsidy", "checked_on", "notes")


def _quantity(value: Any) -> int:
    text = unicodedata.normalize("NFKC", str(value if value is not None else "")).strip()
    try:
        n = int(text)
    except ValueError:
        raise ValidationError("数量", f"数量は0以上の整数で入力してください（「{value}」）。", field="quantity") from None
    if n < 0:
        raise ValidationError("数量", f"数量をマイナスにはできません（{n}）。0以上の整数で入力してください。", field="quantity")
    if n > MAX_QUANTITY:
        raise ValidationError("数量", f"数量が多すぎます（{n:,}）。", field="quantity")
    return n


def _year_later(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def check_flag(checked_on: str | None, today: date) -> str:
    """「点検から1年以上」 when the last check was a year ago or more, 「点検の記録なし」 when none."""
    if not checked_on:
        return NEVER_CHECKED
    return OVERDUE if _year_later(date.fromisoformat(checked_on)) <= today else ""


def save_equipment(reg: Register, data: EquipmentData) -> int:
    """Add an item (``data.id`` None) or change one. Bad input is refused, naming the field."""
    reg.session.require("register.write", "防災資機材を記録する")
    values = {
        "item": clean_text(data.item, field="品名", max_len=80, required=True),
        "quantity": _quantity(data.quantity),
        "place": clean_text(data.place, field="保管場所", max_len=100),
        "bought_on": _year_or_date(data.bought_on, "購入"),
        "subsidy": clean_text(data.subsidy, field="補助金", max_len=100),
        "checked_on": _date(data.checked_on, "点検日"),
        "notes": clean_text(data.notes, field="備考", max_len=500, multiline=True),
    }
    today = reg.today().isoformat()
    if values["checked_on"] and values["checked_on"] > today:
        raise ValidationError("点検日", f"点検日が今日より後になっています（{to_wareki(date.fromisoformat(values['checked_on']))}）。")
    if values["bought_on"] and len(values["bought_on"]) == 10 and values["bought_on"] > today:
        raise ValidationError("購入", "購入日が今日より後になっています。")
    with reg.writing("防災資機材の保存"):
        now = reg.now()
        if data.id is None:
            eid = int(reg.conn.execute(
                f"INSERT INTO equipment ({', '.join(_EQUIPMENT_COLUMNS)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(_EQUIPMENT_COLUMNS))}, ?, ?)", [*values.values(), now, now]).lastrowid)
            reg._audit_row("insert", "equipment", eid, f"防災資機材「{values['item']}」（{values['quantity']}）を登録しました",
                           after=values)
            return eid
        row = reg.conn.execute(f"SELECT {', '.join(_EQUIPMENT_COLUMNS)}, retired_on FROM equipment WHERE id = ?",
                               [data.id]).fetchone()
        if row is None:
            raise RegisterError("この資機材は台帳にありません。")
        if row[-1]:
            raise RegisterError(f"「{row[0]}」は廃棄済みのため変更できません。")
        old = dict(zip(_EQUIPMENT_COLUMNS, row[:-1], strict=True))
        changed = {k: v for k, v in values.items() if old[k] != v}
        if changed:
            reg.conn.execute(f"UPDATE equipment SET {', '.join(f'{k} = ?' for k in changed)}, updated_at = ? WHERE id = ?",
                             [*changed.values(), now, data.id])
            reg._audit_row("update", "equipment", data.id, f"防災資機材「{values['item']}」を変更しました",
                           before={k: old[k] for k in changed}, after=changed)
        return data.id


def record_equipment_check(reg: Register, equipment_id: int, on: Any = None) -> None:
    """「点検した」: the item's last check is ``on`` (today unless given)."""
    reg.session.require("register.write", "資機材の点検を記録する")
    data = get_equipment(reg, equipment_id)
    if data.retired_on:
        raise RegisterError(f"「{data.item}」は廃棄済みです。")
    data.checked_on = on if on not in (None, "") else reg.today()
    save_equipment(reg, data)


def retire_equipment(reg: Register, equipment_id: int, on: Any = None, reason: str = "") -> None:
    """Take an item off the list (廃棄・返却) from ``on`` (today unless given); its record stays."""
    reg.session.require("register.write", "資機材を廃棄にする")
    row = reg.conn.execute("SELECT item, retired_on, notes FROM equipment WHERE id = ?", [equipment_id]).fetchone()
    if row is None:
        raise RegisterError("この資機材は台帳にありません。")
    if row[1]:
        raise RegisterError(f"「{row[0]}」はすでに廃棄済みです（{to_wareki(date.fromisoformat(row[1]))}）。")
    day = _date(on, "廃棄日") or reg.today().isoformat()
    reason = clean_text(reason, field="理由", max_len=200)
    notes = (row[2] + "\n" if row[2] and reason else row[2]) + (f"廃棄: {reason}" if reason else "")
    with reg.writing("資機材の廃棄"):
        reg.conn.execute("UPDATE equipment SET retired_on = ?, notes = ?, updated_at = ? WHERE id = ?",
                         [day, notes, reg.now(), equipment_id])
        reg._audit_row("update", "equipment", equipment_id, f"防災資機材「{row[0]}」を廃棄にしました"
                       + (f"（{reason}）" if reason else ""), after={"retired_on": day})


def get_equipment(reg: Register, equipment_id: int) -> EquipmentData:
    reg.session.require("register.read")
    row = reg.conn.execute(f"SELECT {', '.join(_EQUIPMENT_COLUMNS)}, id, retired_on FROM equipment WHERE id = ?",
                           [equipment_id]).fetchone()
    if row is None:
        raise RegisterError("この資機材は台帳にありません。")
    return EquipmentData(*row)


def list_equipment(reg: Register, *, include_retired: bool = False) -> list[EquipmentRow]:
    """The 資機材台帳 by 保管場所 and 品名, each flagged when its check is due."""
    reg.session.require("register.read")
    where = "" if include_retired else "WHERE retired_on IS NULL"
    today = reg.today()
    return [EquipmentRow(*r, flag="" if r[8] else check_flag(r[6], today)) for r in reg.conn.execute(
        f"SELECT id, {', '.join(_EQUIPMENT_COLUMNS)}, retired_on FROM equipment {where} "
        "ORDER BY retired_on IS NOT NULL, place, item, id")]


# -- gathering places and shelters ----------------------------------------------------------------------


@dataclass
class PlaceData:
    kind: str  # one of schema.PLACE_KINDS
    name: str
    address: str = ""
    notes: str = ""
    block_ids: list[int] = field(default_factory=list)  # the 班 it serves; none = the whole 町会
    id: int | None = None
    blocks: list[str] = field(default_factory=list)  # their names (filled when read)


def _place_blocks(reg: Register, place_id: int) -> list[int]:
    return [r[0] for r in reg.conn.execute("SELECT block_id FROM bousai_place_blocks WHERE place_id = ?", [place_id])]


def _require_blocks(reg: Register, block_ids: list[int], doing: str) -> None:
    """A 班長 may handle a place only if it serves their 班 alone (not the whole 町会)."""
    if reg.session.block_ids is None:
        return
    if not block_ids:
        raise PermissionDenied(f"「{reg.session.display_name}」さん（{reg.session.role}）は、町会全体の場所を{doing}ことはできません。"
                               "自分の班の場所として登録してください。")
    for b in block_ids:
        reg.session.require_block(b, f"ほかの班の場所を{doing}")


def save_place(reg: Register, data: PlaceData) -> int:
    """Add or change a gathering place or shelter and the 班 it serves."""
    reg.session.require("register.write", "避難場所を記録する")
    if data.kind not in schema.PLACE_KINDS:
        raise ValidationError("種類", f"種類は {'・'.join(schema.PLACE_KINDS)} のどれかです（「{data.kind}」）。", field="kind")
    values = {"kind": data.kind, "name": clean_text(data.name, field="名称", max_len=80, required=True),
              "address": clean_text(data.address, field="所在地", max_len=200),
              "notes": clean_text(data.notes, field="備考", max_len=500, multiline=True)}
    blocks = list(dict.fromkeys(int(b) for b in data.block_ids))
    if blocks:
        known = {r[0] for r in reg.conn.execute(
            f"SELECT id FROM blocks WHERE retired_on IS NULL AND id IN ({','.join('?' * len(blocks))})", blocks)}
        if set(blocks) - known:
            raise ValidationError("班", "台帳にない班（または廃止された班）が選ばれています。", field="block_ids")
    _require_blocks(reg, blocks, "登録する")
    same = reg.conn.execute("SELECT id FROM bousai_places WHERE kind = ? AND name = ? AND id IS NOT ?",
                            [values["kind"], values["name"], data.id]).fetchone()
    if same:
        raise ValidationError("名称", f"{values['kind']}「{values['name']}」はすでに登録されています。", field="name")
    with reg.writing("避難場所の保存"):
        if data.id is None:
            pid = int(reg.conn.execute("INSERT INTO bousai_places (kind, name, address, notes) VALUES (?, ?, ?, ?)",
                                       list(values.values())).lastrowid)
            summary = f"{values['kind']}「{values['name']}」を登録しました"
            action = "insert"
        else:
            row = reg.conn.execute("SELECT kind, name, address, notes FROM bousai_places WHERE id = ?", [data.id]).fetchone()
            if row is None:
                raise RegisterError("この場所は台帳にありません。")
            _require_blocks(reg, _place_blocks(reg, data.id), "変更する")
            pid = data.id
            reg.conn.execute("UPDATE bousai_places SET kind = ?, name = ?, address = ?, notes = ? WHERE id = ?",
                             [*values.values(), pid])
            summary = f"{values['kind']}「{values['name']}」を変更しました"
            action = "update"
        reg.conn.execute("DELETE FROM bousai_place_blocks WHERE place_id = ?", [pid])
        reg.conn.executemany("INSERT INTO bousai_place_blocks (place_id, block_id) VALUES (?, ?)", [(pid, b) for b in blocks])
        reg._audit_row(action, "bousai_places", pid, summary, after={**values, "block_ids": blocks})
    return pid


def delete_place(reg: Register, place_id: int) -> None:
    reg.session.require("register.write", "避難場所を削除する")
    row = reg.conn.execute("SELECT kind, name FROM bousai_places WHERE id = ?", [place_id]).fetchone()
    if row is None:
        raise RegisterError("この場所は台帳にありません。")
    _require_blocks(reg, _place_blocks(reg, place_id), "削除する")
    with reg.writing("避難場所の削除"):
        reg.conn.execute("DELETE FROM bousai_place_blocks WHERE place_id = ?", [place_id])
        reg.conn.execute("DELETE FROM bousai_places WHERE id = ?", [place_id])
        reg._audit_row("delete", "bousai_places", place_id, f"{row[0]}「{row[1]}」を削除しました")


def list_places(reg: Register) -> list[PlaceData]:
    """Places by kind (集合場所 first) and name; a 班長 sees those of their 班 and the whole 町会's."""
    reg.session.require("register.read")
    served: dict[int, list[tuple[int, str]]] = {}
    for pid, bid, name in reg.conn.execute(
            "SELECT pb.place_id, b.id, b.name FROM bousai_place_blocks pb JOIN blocks b ON b.id = pb.block_id "
            "ORDER BY b.sort_order, b.id"):
        served.setdefault(pid, []).append((bid, name))
    order = {k: n for n, k in enumerate(schema.PLACE_KINDS)}
    out = []
    for pid, kind, name, address, notes in reg.conn.execute("SELECT id, kind, name, address, notes FROM bousai_places"):
        blocks = served.get(pid, [])
        if blocks and not any(reg.session.sees_block(b) for b, _n in blocks):
            continue
        out.append(PlaceData(kind, name, address, notes, [b for b, _n in blocks], pid, [n for _b, n in blocks]))
    out.sort(key=lambda p: (order.get(p.kind, 99), p.name, p.id or 0))
    return out


def places_for_block(reg: Register, block_id: int) -> list[PlaceData]:
    """The places that serve ``block_id``: its own, then those of the whole 町会."""
    places = list_places(reg)
    return [p for p in places if block_id in p.block_ids] + [p for p in places if not p.block_ids]


# -- the 自主防災 organisation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    id: int
    fiscal_year: int
    team: str
    role: str
    person_id: int
    name: str
    kana: str
    block_id: int | None
    block: str
    present: bool  # still living in the 町会 (在籍, household 加入/非加入)


def role_label(team: str, role: str) -> str:
    """How the role is written: the 本部's 班長 is the 本部長."""
    if team == "本部":
        return {"班長": "本部長", "班員": "本部員"}.get(role, role)
    return role


def _person(reg: Register, person_id: int) -> tuple[str, int | None]:
    """(name, 班) of a person who lives in the 町会 now; anyone else is refused with the reason."""
    row = reg.conn.execute(
        "SELECT p.family_name || '　' || p.given_name, p.status, p.status_since, h.status, h.status_since, h.block_id "
        "FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("この人は台帳にいません。")
    name, pstatus, psince, hstatus, hsince, block = row
    name = name.strip("　")
    if pstatus != "在籍":
        raise RegisterError(f"{name}さんは{to_wareki(date.fromisoformat(psince))}に「{pstatus}」になっているため、"
                            "自主防災の組織には入れられません。")
    if hstatus not in schema.HOUSEHOLD_PRESENT:
        raise RegisterError(f"{name}さんの世帯は{to_wareki(date.fromisoformat(hsince))}に「{hstatus}」になっているため、"
                            "自主防災の組織には入れられません。")
    return name, block


def _check_team_role(team: str, role: str) -> None:
    if team not in schema.BOUSAI_TEAMS:
        raise ValidationError("班（役割）", f"自主防災の班は {'・'.join(schema.BOUSAI_TEAMS)} のどれかです（「{team}」）。",
                              field="team")
    if role not in ROLES:
        raise ValidationError("役", f"役は {'・'.join(ROLES)} のどちらかです（「{role}」）。", field="role")


def _leader_of(reg: Register, team: str, fy: int, *, other_than: int | None = None) -> tuple[int, str] | None:
    row = reg.conn.execute(
        "SELECT m.person_id, p.family_name || '　' || p.given_name FROM bousai_members m JOIN persons p ON p.id = m.person_id "
        "WHERE m.team = ? AND m.fiscal_year = ? AND m.role = '班長' AND m.person_id IS NOT ?",
        [team, fy, other_than]).fetchone()
    return (row[0], row[1].strip("　")) if row else None


def assign_member(reg: Register, person_id: int, team: str, role: str = "班員", fiscal_year: int | None = None) -> int:
    """Put a person in a team for a 年度 (this one unless given), or change their role there.
    One 班長 per team: a second is refused, naming the first."""
    reg.session.require("register.write", "自主防災の組織を変える")
    _check_team_role(team, role)
    fy = _fiscal_year(reg, fiscal_year)
    name, block = _person(reg, person_id)
    reg.session.require_block(block, "ほかの班の人を自主防災の組織に入れる")
    if role == "班長" and (leader := _leader_of(reg, team, fy, other_than=person_id)):
        raise RegisterError(f"{fy}年度の{team}の{role_label(team, '班長')}はすでに{leader[1]}さんです。"
                            f"先に{leader[1]}さんを{role_label(team, '班員')}にしてください。")
    with reg.writing("自主防災の組織の保存"):
        row = reg.conn.execute("SELECT id, role FROM bousai_members WHERE team = ? AND person_id = ? AND fiscal_year = ?",
                               [team, person_id, fy]).fetchone()
        if row is not None:
            if row[1] != role:
                reg.conn.execute("UPDATE bousai_members SET role = ? WHERE id = ?", [role, row[0]])
                reg._audit_row("update", "bousai_members", row[0], f"{fy}年度 {team}: {name}さんを{role_label(team, role)}にしました",
                               before={"role": row[1]}, after={"role": role})
            return int(row[0])
        mid = int(reg.conn.execute("INSERT INTO bousai_members (team, person_id, role, fiscal_year) VALUES (?, ?, ?, ?)",
                                   [team, person_id, role, fy]).lastrowid)
        reg._audit_row("insert", "bousai_members", mid, f"{fy}年度 {team}の{role_label(team, role)}に{name}さんを入れました",
                       after={"team": team, "person_id": person_id, "role": role, "fiscal_year": fy})
    return mid


def remove_member(reg: Register, member_id: int) -> None:
    reg.session.require("register.write", "自主防災の組織を変える")
    row = reg.conn.execute(
        "SELECT m.team, m.fiscal_year, p.family_name || '　' || p.given_name, h.block_id FROM bousai_members m "
        "JOIN persons p ON p.id = m.person_id JOIN households h ON h.id = p.household_id WHERE m.id = ?",
        [member_id]).fetchone()
    if row is None:
        raise RegisterError("この組織の記録は台帳にありません。")
    team, fy, name, block = row
    reg.session.require_block(block, "ほかの班の人を自主防災の組織から外す")
    with reg.writing("自主防災の組織の変更"):
        reg.conn.execute("DELETE FROM bousai_members WHERE id = ?", [member_id])
        reg._audit_row("delete", "bousai_members", member_id, f"{fy}年度 {team}から{name.strip('　')}さんを外しました")


def list_chart(reg: Register, fiscal_year: int | None = None) -> list[Member]:
    """The organisation of a 年度 (this one unless given), team by team (本部 first), the 班長 first,
    then by 班 and フリガナ. A 班長 sees the members who live in their 班."""
    reg.session.require("register.read")
    fy = _fiscal_year(reg, fiscal_year)
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        "SELECT m.id, m.fiscal_year, m.team, m.role, m.person_id, p.family_name || '　' || p.given_name, "
        "p.family_kana || ' ' || p.given_kana, h.block_id, coalesce(b.name, ''), "
        "p.status = '在籍' AND h.status IN ('加入', '非加入'), coalesce(b.sort_order, 0) "
        "FROM bousai_members m JOIN persons p ON p.id = m.person_id JOIN households h ON h.id = p.household_id "
        f"LEFT JOIN blocks b ON b.id = h.block_id WHERE m.fiscal_year = ? AND {visible}", [fy, *params]).fetchall()
    teams = {t: n for n, t in enumerate(schema.BOUSAI_TEAMS)}
    rows.sort(key=lambda r: (teams.get(r[2], 99), ROLES.index(r[3]) if r[3] in ROLES else 9, r[10], r[8], r[6], r[0]))
    return [Member(r[0], r[1], r[2], r[3], r[4], r[5].strip("　"), r[6].strip(), r[7], r[8], bool(r[9])) for r in rows]


def chart_years(reg: Register) -> list[int]:
    reg.session.require("register.read")
    return [r[0] for r in reg.conn.execute("SELECT DISTINCT fiscal_year FROM bousai_members ORDER BY 1 DESC")]


@dataclass(frozen=True)
class CopyResult:
    copied: int
    already: int  # in this year's chart already
    left_out: list[str] = field(default_factory=list)  # people who have left since: 「氏名（転出）」
    as_member: list[str] = field(default_factory=list)  # 班長 last year, 班員 now (the team has a 班長)


def copy_chart(reg: Register, from_year: int | None = None, to_year: int | None = None) -> CopyResult:
    """Copy a 年度's organisation (last year's unless given) to another (this year unless given).
    Entries already there stay; people who have left since are not copied (and are named); a team
    that already has a 班長 takes last year's 班長 as a 班員 (named). All in one change."""
    reg.session.require("register.write", "自主防災の組織を引き継ぐ")
    to_fy = _fiscal_year(reg, to_year)
    from_fy = _fiscal_year(reg, from_year if from_year is not None else to_fy - 1)
    if from_fy == to_fy:
        raise ValidationError("年度", "写す元と先が同じ年度です。")
    old = list_chart(reg, from_fy)
    if not old:
        raise RegisterError(f"{from_fy}年度の自主防災の組織は登録されていません。")
    copied = already = 0
    left_out: list[str] = []
    as_member: list[str] = []
    with reg.writing("自主防災の組織の引き継ぎ"):
        for m in old:
            if not m.present:
                status = reg.conn.execute(
                    "SELECT CASE WHEN p.status != '在籍' THEN p.status ELSE h.status END FROM persons p "
                    "JOIN households h ON h.id = p.household_id WHERE p.id = ?", [m.person_id]).fetchone()[0]
                left_out.append(f"{m.name}（{status}）")
                continue
            if reg.conn.execute("SELECT 1 FROM bousai_members WHERE team = ? AND person_id = ? AND fiscal_year = ?",
                                [m.team, m.person_id, to_fy]).fetchone():
                already += 1
                continue
            role = m.role
            if role == "班長" and _leader_of(reg, m.team, to_fy):
                role = "班員"
                as_member.append(f"{m.name}（{m.team}）")
            reg.conn.execute("INSERT INTO bousai_members (team, person_id, role, fiscal_year) VALUES (?, ?, ?, ?)",
                             [m.team, m.person_id, role, to_fy])
            copied += 1
        reg._audit_row("insert", "bousai_members", None,
                       f"{from_fy}年度の自主防災の組織を{to_fy}年度へ引き継ぎました（{copied}人"
                       + (f"、転出などで外した{len(left_out)}人" if left_out else "") + "）", person_count=copied)
    return CopyResult(copied, already, left_out, as_member)
