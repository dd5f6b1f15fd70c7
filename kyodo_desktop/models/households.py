"""Households and persons: the register's core repository (Qt-free).

Every change goes through a function here, inside ``Register.writing`` (one transaction) and
with an audit row. Nothing is hard-deleted: leaving is a dated status.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import (
    PhoneError,
    WarekiError,
    gojuon_sort_string,
    normalize_phone,
    parse_date,
    search_fold,
    to_katakana,
)
from kyodo_desktop.models.register import Register, RegisterError
from kyodo_desktop.models.validation import ValidationError, clean_text

#: Separates the name part and the kana part inside ``persons.search_text``.
SEARCH_SEP = "\x1f"
KANA_RE = re.compile(r"^[\u30A0-\u30FF\u3000 ・ー]*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def person_index_fields(
    family_name: str, given_name: str, family_kana: str, given_kana: str
) -> dict[str, str]:
    """Derived columns kept on ``persons`` for sorting and search-as-you-type."""
    kana = f"{family_kana} {given_kana}".strip()
    return {
        "sort_key": gojuon_sort_string(kana),
        "search_text": search_fold(family_name + given_name)
        + SEARCH_SEP
        + search_fold(family_kana + given_kana),
    }


class ValidationErrors(ValueError):
    """Several problems found in one form; nothing was saved."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# -- data passed between the UI / CLI and this module ---------------------------------------


@dataclass
class PersonData:
    family_name: str = ""
    given_name: str = ""
    family_kana: str = ""
    given_kana: str = ""
    relation: str = ""
    birth_date: str | None = None  # ISO, or anything parse_date accepts (和暦 too)
    sex: str = ""
    mobile: str = ""
    email: str = ""
    notes: str = ""
    status: str = "在籍"
    status_since: str | None = None
    status_reason: str = ""
    id: int | None = None
    household_id: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.family_name}　{self.given_name}".strip("　")

    @property
    def full_kana(self) -> str:
        return f"{self.family_kana}　{self.given_kana}".strip("　")


@dataclass
class HouseholdData:
    block_id: int | None = None
    postal_code: str = ""
    address_town: str = ""
    address_number: str = ""
    address_building: str = ""
    dwelling_type: str = "戸建"
    landline: str = ""
    member_type: str = "正会員"
    dues_category: str = "一般"
    notes: str = ""
    status: str = "加入"
    status_since: str | None = None
    status_reason: str = ""
    circulation_order: int | None = None
    head_index: int = 0  # which of ``persons`` is the 世帯主
    persons: list[PersonData] = field(default_factory=list)
    id: int | None = None
    uid: str = ""

    @property
    def address(self) -> str:
        return " ".join(p for p in (self.address_town + self.address_number, self.address_building) if p)


PERSON_COLUMNS = [f.name for f in fields(PersonData) if f.name not in ("id", "household_id", "status_reason")]
HOUSEHOLD_COLUMNS = [
    f.name
    for f in fields(HouseholdData)
    if f.name not in ("id", "uid", "persons", "head_index", "status_reason", "circulation_order")
]


# -- validation -------------------------------------------------------------------------------


def _date_field(value: str | None, label: str, column: str, errors: list[ValidationError]) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return parse_date(str(value).strip()).isoformat()
    except WarekiError as exc:
        errors.append(ValidationError(label, str(exc), field=column))
        return None


def _choice(value: str, allowed: tuple[str, ...], label: str, column: str, errors: list[ValidationError]) -> str:
    if value not in allowed:
        errors.append(
            ValidationError(label, f"「{value}」は選べません。{'・'.join(a or '（空欄）' for a in allowed)}から選んでください。", field=column)
        )
    return value


def _text(value: Any, label: str, column: str, errors: list[ValidationError], **kw: Any) -> str:
    try:
        return clean_text(value, field=label, column=column, **kw)
    except ValidationError as exc:
        errors.append(exc)
        return ""


def _kana(value: str, label: str, column: str, errors: list[ValidationError]) -> str:
    text = _text(value, label, column, errors, max_len=100)
    if not text:
        return ""
    kana = to_katakana(text)
    if not KANA_RE.match(kana):
        bad = next((c for c in kana if not KANA_RE.match(c)), "")
        errors.append(ValidationError(label, f"フリガナはカタカナかひらがなで入力してください（「{bad}」は使えません）。", field=column))
    return kana


def _phone(value: str, label: str, column: str, area: str, errors: list[ValidationError]) -> str:
    text = _text(value, label, column, errors, max_len=40)
    if not text:
        return ""
    try:
        return normalize_phone(text, area or None)
    except PhoneError as exc:
        errors.append(ValidationError(label, str(exc), field=column))
        return text


def validate_person(p: PersonData, prefix: str, area: str, today: date) -> tuple[PersonData, list[ValidationError]]:
    errors: list[ValidationError] = []
    who = f"{prefix}" if prefix else ""
    out = replace(
        p,
        family_name=_text(p.family_name, f"{who}氏（姓）", "family_name", errors, max_len=50, required=True),
        given_name=_text(p.given_name, f"{who}名", "given_name", errors, max_len=50),
        family_kana=_kana(p.family_kana, f"{who}フリガナ（姓）", "family_kana", errors),
        given_kana=_kana(p.given_kana, f"{who}フリガナ（名）", "given_kana", errors),
        relation=_text(p.relation, f"{who}続柄", "relation", errors, max_len=20),
        birth_date=_date_field(p.birth_date, f"{who}生年月日", "birth_date", errors),
        sex=_choice(p.sex, schema.SEXES, f"{who}性別", "sex", errors),
        mobile=_phone(p.mobile, f"{who}携帯電話", "mobile", area, errors),
        email=_text(p.email, f"{who}メール", "email", errors, max_len=200),
        notes=_text(p.notes, f"{who}備考", "notes", errors, max_len=2000, multiline=True),
        status=_choice(p.status, schema.PERSON_STATUSES, f"{who}状態", "status", errors),
        status_since=_date_field(p.status_since, f"{who}状態の日付", "status_since", errors),
        status_reason=_text(p.status_reason, f"{who}理由", "status_reason", errors, max_len=200),
    )
    if out.email and not EMAIL_RE.match(out.email):
        errors.append(ValidationError(f"{who}メール", "メールアドレスの形ではありません（例: name@example.jp）。", field="email"))
    if out.birth_date and out.birth_date > today.isoformat():
        errors.append(ValidationError(f"{who}生年月日", "未来の日付になっています。", field="birth_date"))
    return out, errors


def validate_household(reg: Register, data: HouseholdData) -> HouseholdData:
    """Check and normalise a household with its people. Raises :class:`ValidationErrors`."""
    errors: list[ValidationError] = []
    area = reg.conn.execute("SELECT default_area_code FROM association WHERE id=1").fetchone()[0]
    postal = _text(data.postal_code, "郵便番号", "postal_code", errors, max_len=20)
    if postal:
        from kyodo_desktop.models.postal import PostalCodeError, normalize_postal_code

        try:
            postal = normalize_postal_code(postal)
        except PostalCodeError as exc:
            errors.append(ValidationError("郵便番号", str(exc), field="postal_code"))
    if data.block_id is None:
        errors.append(ValidationError("班", "班を選んでください。", field="block_id"))
    elif not reg.conn.execute("SELECT 1 FROM blocks WHERE id=?", [data.block_id]).fetchone():
        errors.append(ValidationError("班", "選ばれた班が台帳にありません。", field="block_id"))
    out = replace(
        data,
        postal_code=postal,
        address_town=_text(data.address_town, "町名", "address_town", errors, max_len=100),
        address_number=_text(data.address_number, "番地", "address_number", errors, max_len=100),
        address_building=_text(data.address_building, "建物名・部屋番号", "address_building", errors, max_len=100),
        dwelling_type=_choice(data.dwelling_type, schema.DWELLING_TYPES, "住居の種類", "dwelling_type", errors),
        landline=_phone(data.landline, "電話（固定）", "landline", area, errors),
        member_type=_choice(data.member_type, schema.MEMBER_TYPES, "会員区分", "member_type", errors),
        dues_category=_choice(data.dues_category, schema.DUES_CATEGORIES, "会費区分", "dues_category", errors),
        notes=_text(data.notes, "備考", "notes", errors, max_len=2000, multiline=True),
        status=_choice(data.status, schema.HOUSEHOLD_STATUSES, "状態", "status", errors),
        status_since=_date_field(data.status_since, "状態の日付", "status_since", errors),
        status_reason=_text(data.status_reason, "理由", "status_reason", errors, max_len=200),
    )
    if not data.persons:
        errors.append(ValidationError("世帯員", "世帯主を一人以上入力してください。", field="persons"))
    elif not 0 <= data.head_index < len(data.persons):
        errors.append(ValidationError("世帯主", "世帯主を選んでください。", field="head_index"))
    persons = []
    today = reg.today()
    for i, p in enumerate(data.persons):
        person, perrs = validate_person(p, f"{i + 1}人目の", area, today)
        for e in perrs:
            e.field = f"persons[{i}].{e.field}"
        errors.extend(perrs)
        persons.append(person)
    out.persons = persons
    if errors:
        raise ValidationErrors(errors)
    return out


# -- reading ----------------------------------------------------------------------------------


def get_association(reg: Register) -> dict[str, Any]:
    return reg.rows("SELECT * FROM association WHERE id = 1")[0]


def _household_block(reg: Register, household_id: int) -> int | None:
    row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [household_id]).fetchone()
    if row is None:
        raise RegisterError(f"世帯（番号 {household_id}）が見つかりません。")
    return row[0]


def _require_household(reg: Register, household_id: int, permission: str, doing: str) -> int | None:
    """The session may do ``permission`` on this household (its 班 included). Returns its block."""
    reg.session.require(permission)
    block = _household_block(reg, household_id)
    reg.session.require_block(block, doing)
    return block


def update_association(reg: Register, **changes: Any) -> None:
    reg.session.require("association.write")
    labels = {
        "name": ("町会名", 100, True), "kana": ("町会名フリガナ", 200, False),
        "district": ("校下・地区", 100, False), "address": ("所在地", 200, False),
        "postal_code": ("郵便番号", 20, False), "default_area_code": ("市外局番", 6, False),
        "purpose_of_use": ("利用目的", 1000, False),
    }
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "fiscal_year_start_month":
            if not isinstance(value, int) or not 1 <= value <= 12:
                raise ValidationError("年度の始まり", "1〜12の月で指定してください。", field=key)
            clean[key] = value
        elif key in labels:
            label, max_len, required = labels[key]
            clean[key] = clean_text(value, field=label, column=key, max_len=max_len, required=required, multiline=key == "purpose_of_use")
        else:
            raise ValidationError(key, "この項目は変更できません。")
    if "default_area_code" in clean and clean["default_area_code"] and not re.fullmatch(r"0\d{1,4}", clean["default_area_code"]):
        raise ValidationError("市外局番", "0で始まる2〜5桁の数字で入力してください（例: 076）。", field="default_area_code")
    before = get_association(reg)
    with reg.writing("町会の情報を保存"):
        reg.db["association"].update(1, {**clean, "updated_at": reg.now()})
        reg.audit("update", "association", 1, "町会の情報を変更しました", before, get_association(reg))


@dataclass(frozen=True)
class Block:
    id: int
    name: str
    sort_order: int
    leader_person_id: int | None
    leader_name: str
    households: int


def list_blocks(reg: Register, *, include_retired: bool = False) -> list[Block]:
    """The 班 the logged-in officer may see (a 班長: only their own)."""
    reg.session.require("register.read")
    visible, params = reg.session.block_filter_sql("b.id")
    where = f"WHERE {visible}" + ("" if include_retired else " AND b.retired_on IS NULL")
    rows = reg.conn.execute(
        f"""
        SELECT b.id, b.name, b.sort_order, b.leader_person_id,
               coalesce(p.family_name || '　' || p.given_name, ''),
               (SELECT count(*) FROM households h WHERE h.block_id = b.id AND h.status IN ('加入','非加入'))
        FROM blocks b LEFT JOIN persons p ON p.id = b.leader_person_id
        {where}
        ORDER BY b.sort_order, b.id
        """,
        params,
    ).fetchall()
    return [Block(*r) for r in rows]


def add_block(reg: Register, name: str) -> int:
    reg.session.require("association.write", "班を追加する")
    name = clean_text(name, field="班の名前", column="name", max_len=40, required=True)
    if reg.conn.execute("SELECT 1 FROM blocks WHERE name=? AND retired_on IS NULL", [name]).fetchone():
        raise ValidationError("班の名前", f"「{name}」はすでにあります。", field="name")
    with reg.writing("班を追加"):
        order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM blocks").fetchone()[0]
        stamp = reg.now()
        block_id = reg.db["blocks"].insert(
            {"name": name, "sort_order": order, "created_at": stamp, "updated_at": stamp}
        ).last_pk
        reg.audit("insert", "blocks", block_id, f"班「{name}」を追加しました", None, {"name": name})
    return int(block_id)


def rename_block(reg: Register, block_id: int, name: str) -> None:
    reg.session.require("association.write", "班の名前を変える")
    name = clean_text(name, field="班の名前", column="name", max_len=40, required=True)
    before = dict(reg.db["blocks"].get(block_id))
    if reg.conn.execute("SELECT 1 FROM blocks WHERE name=? AND id<>? AND retired_on IS NULL", [name, block_id]).fetchone():
        raise ValidationError("班の名前", f"「{name}」はすでにあります。", field="name")
    with reg.writing("班の名前を変更"):
        reg.db["blocks"].update(block_id, {"name": name, "updated_at": reg.now()})
        reg.audit("update", "blocks", block_id, f"班「{before['name']}」を「{name}」に変更しました", before, {**before, "name": name})


def set_block_leader(reg: Register, block_id: int, person_id: int | None) -> None:
    reg.session.require("association.write", "班長を決める")
    before = dict(reg.db["blocks"].get(block_id))
    with reg.writing("班長を設定"):
        reg.db["blocks"].update(block_id, {"leader_person_id": person_id, "updated_at": reg.now()})
        reg.audit("update", "blocks", block_id, f"{before['name']}の班長を変更しました", before, {**before, "leader_person_id": person_id})


def _person_from_row(row: dict[str, Any]) -> PersonData:
    return PersonData(**{k: row[k] for k in PERSON_COLUMNS}, id=row["id"], household_id=row["household_id"])


def get_household(reg: Register, household_id: int, *, include_gone: bool = True) -> HouseholdData:
    _require_household(reg, household_id, "register.read", "この世帯を見る")
    try:
        row = dict(reg.db["households"].get(household_id))
    except Exception:
        raise RegisterError(f"世帯（番号 {household_id}）が見つかりません。") from None
    prows = [
        dict(r)
        for r in reg.rows(
            "SELECT * FROM persons WHERE household_id = ? ORDER BY position, id", [household_id]
        )
    ]
    if not include_gone:
        prows = [r for r in prows if r["status"] in schema.PERSON_PRESENT]
    persons = [_person_from_row(r) for r in prows]
    head_index = next((i for i, p in enumerate(persons) if p.id == row["head_person_id"]), 0)
    return HouseholdData(
        **{k: row[k] for k in HOUSEHOLD_COLUMNS},
        circulation_order=row["circulation_order"],
        head_index=head_index,
        persons=persons,
        id=row["id"],
        uid=row["uid"],
    )


# -- writing ----------------------------------------------------------------------------------


def _person_row(p: PersonData) -> dict[str, Any]:
    row = {k: getattr(p, k) for k in PERSON_COLUMNS}
    row.update(person_index_fields(p.family_name, p.given_name, p.family_kana, p.given_kana))
    return row


def _name(p: PersonData | dict[str, Any]) -> str:
    if isinstance(p, dict):
        return f"{p['family_name']}　{p['given_name']}".strip("　")
    return p.full_name


def save_household(reg: Register, data: HouseholdData) -> int:
    """Create or update a household and its people in one transaction. Returns its id.

    People present in the register but missing from ``data.persons`` are left untouched: leaving
    is recorded with a status (and date), never by deletion.
    """
    reg.session.require("register.write")
    if data.id is not None:
        reg.session.require_block(_household_block(reg, data.id), "この世帯を変更する")
    reg.session.require_block(data.block_id, "ほかの班に世帯を登録する")
    for p in data.persons:  # a person changes household only through move_person (recorded, checked)
        if p.id is not None:
            row = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [p.id]).fetchone()
            if row is None or data.id is None or row[0] != data.id:
                raise RegisterError(
                    "この世帯の人ではない人が含まれています。別の世帯へ移すときは「別の世帯へ移す」を使ってください。"
                )
    data = validate_household(reg, data)
    stamp = reg.now()
    today = reg.today().isoformat()
    db = reg.db
    head = data.persons[data.head_index]
    with reg.writing("世帯を保存"):
        shape_before = None if data.id is None else tuple(reg.conn.execute(
            "SELECT h.block_id, h.status, h.circulation_order, "
            "(SELECT group_concat(id || ':' || status || ':' || coalesce(birth_date, '')) FROM persons "
            "WHERE household_id = h.id) FROM households h WHERE h.id = ?", [data.id]).fetchone())
        hh_row = {k: getattr(data, k) for k in HOUSEHOLD_COLUMNS}
        hh_row["status_since"] = data.status_since or today
        if data.id is None:
            order = data.circulation_order
            if order is None:
                order = db.execute(
                    "SELECT coalesce(max(circulation_order), 0) + 1 FROM households WHERE block_id=?",
                    [data.block_id],
                ).fetchone()[0]
            hh_row.update(
                uid=data.uid or uuid.uuid4().hex,
                circulation_order=order,
                created_at=stamp,
                updated_at=stamp,
            )
            hh_id = int(db["households"].insert(hh_row).last_pk)
            db["household_status"].insert(
                {"household_id": hh_id, "status": data.status, "since": hh_row["status_since"],
                 "reason": data.status_reason or "新規登録", "recorded_at": stamp, "recorded_by": reg.actor}
            )
            reg.audit("insert", "households", hh_id, f"世帯「{_name(head)}」を登録しました", None, hh_row)
            before_hh = None
        else:
            hh_id = data.id
            before_hh = dict(db["households"].get(hh_id))
            if before_hh["block_id"] != data.block_id:
                hh_row["circulation_order"] = db.execute(
                    "SELECT coalesce(max(circulation_order), 0) + 1 FROM households WHERE block_id=?",
                    [data.block_id],
                ).fetchone()[0]
            if before_hh["status"] == data.status:
                hh_row["status_since"] = before_hh["status_since"]
            else:
                db["household_status"].insert(
                    {"household_id": hh_id, "status": data.status, "since": hh_row["status_since"],
                     "reason": data.status_reason, "recorded_at": stamp, "recorded_by": reg.actor}
                )
            hh_row["updated_at"] = stamp
            db["households"].update(hh_id, hh_row)
        head_id = None
        for pos, p in enumerate(data.persons):
            prow = _person_row(p)
            prow["position"] = pos
            prow["household_id"] = hh_id
            if p.id is None:
                prow["status_since"] = p.status_since or today
                prow.update(uid=uuid.uuid4().hex, created_at=stamp, updated_at=stamp)
                pid = int(db["persons"].insert(prow).last_pk)
                db["person_status"].insert(
                    {"person_id": pid, "status": p.status, "since": prow["status_since"],
                     "reason": p.status_reason or "新規登録", "household_id": hh_id,
                     "recorded_at": stamp, "recorded_by": reg.actor}
                )
                reg.audit("insert", "persons", pid, f"「{_name(p)}」を登録しました", None, prow)
            else:
                pid = p.id
                before = dict(db["persons"].get(pid))
                if before["status"] == p.status:
                    prow["status_since"] = before["status_since"]
                else:
                    prow["status_since"] = p.status_since or today
                    db["person_status"].insert(
                        {"person_id": pid, "status": p.status, "since": prow["status_since"],
                         "reason": p.status_reason, "household_id": hh_id,
                         "recorded_at": stamp, "recorded_by": reg.actor}
                    )
                prow["updated_at"] = stamp
                db["persons"].update(pid, prow)
                after = dict(db["persons"].get(pid))
                if any(before[k] != after[k] for k in prow if k not in ("updated_at",)):
                    reg.audit("update", "persons", pid, f"「{_name(after)}」を変更しました", before, after)
            if pos == data.head_index:
                head_id = pid
        db["households"].update(hh_id, {"head_person_id": head_id})
        if before_hh is not None:
            after_hh = dict(db["households"].get(hh_id))
            if any(before_hh[k] != after_hh[k] for k in after_hh if k != "updated_at"):
                reg.audit("update", "households", hh_id, f"世帯「{_name(head)}」を変更しました", before_hh, after_hh)
        # rosters care about who lives where, in which 班 and order (not about a changed phone number)
        shape = ("SELECT h.block_id, h.status, h.circulation_order, "
                 "(SELECT group_concat(id || ':' || status || ':' || coalesce(birth_date, '')) FROM persons "
                 "WHERE household_id = h.id) FROM households h WHERE h.id = ?")
        if shape_before is None or tuple(reg.conn.execute(shape, [hh_id]).fetchone()) != shape_before:
            _rosters_changed(reg, [hh_id])
    return hh_id


def _rosters_changed(reg: Register, household_ids: list[int]) -> None:
    from kyodo_desktop.models.rosters import mark_stale

    mark_stale(reg, household_ids)


def change_household_status(reg: Register, household_id: int, status: str, since: str | date, reason: str = "") -> None:
    """Record that a household joined, left, moved away … from ``since`` on (never deletes).

    When a household moves away or dies out, its present members get the matching status too.
    """
    _require_household(reg, household_id, "register.write", "この世帯を変更する")
    errors: list[ValidationError] = []
    _choice(status, schema.HOUSEHOLD_STATUSES, "状態", "status", errors)
    since_iso = _date_field(since.isoformat() if isinstance(since, date) else since, "日付", "since", errors)
    reason = _text(reason, "理由", "reason", errors, max_len=200)
    if since_iso is None and not errors:
        errors.append(ValidationError("日付", "日付を入力してください。", field="since"))
    if errors:
        raise ValidationErrors(errors)
    before = dict(reg.db["households"].get(household_id))
    stamp = reg.now()
    with reg.writing("世帯の状態を記録"):
        reg.db["households"].update(household_id, {"status": status, "status_since": since_iso, "updated_at": stamp})
        reg.db["household_status"].insert(
            {"household_id": household_id, "status": status, "since": since_iso, "reason": reason,
             "recorded_at": stamp, "recorded_by": reg.actor}
        )
        if status in ("転出", "死亡", "退会"):
            person_status = {"転出": "転出", "死亡": "転出", "退会": "転出"}[status]
            present = reg.conn.execute(
                "SELECT id FROM persons WHERE household_id=? AND status='在籍'", [household_id]
            ).fetchall()
            if status == "退会":
                present = []  # they still live here; only the household's membership changes
            for (pid,) in present:
                reg.db["persons"].update(pid, {"status": person_status, "status_since": since_iso, "updated_at": stamp})
                reg.db["person_status"].insert(
                    {"person_id": pid, "status": person_status, "since": since_iso, "reason": f"世帯の{status}",
                     "household_id": household_id, "recorded_at": stamp, "recorded_by": reg.actor}
                )
        head = reg.conn.execute(
            "SELECT family_name, given_name FROM persons WHERE id=?", [before["head_person_id"]]
        ).fetchone()
        who = f"{head[0]}　{head[1]}".strip("　") if head else f"番号{household_id}"
        reg.audit("status", "households", household_id, f"世帯「{who}」を{status}（{since_iso}）として記録しました",
                  {"status": before["status"], "status_since": before["status_since"]},
                  {"status": status, "status_since": since_iso})
        _rosters_changed(reg, [household_id])


def move_person(reg: Register, person_id: int, to_household_id: int, *, relation: str | None = None) -> None:
    """Move a person to another household (e.g. marriage inside the town, a new household)."""
    reg.session.require("register.write")
    row = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("その人が見つかりません。")
    _require_household(reg, row[0], "register.write", "この人を移す")
    if reg.conn.execute("SELECT 1 FROM households WHERE id=?", [to_household_id]).fetchone():
        _require_household(reg, to_household_id, "register.write", "ほかの班の世帯へ移す")
    before = dict(reg.db["persons"].get(person_id))
    target = reg.conn.execute("SELECT status FROM households WHERE id=?", [to_household_id]).fetchone()
    if target is None:
        raise RegisterError("移動先の世帯が見つかりません。")
    if before["household_id"] == to_household_id:
        return
    from_hh = dict(reg.db["households"].get(before["household_id"]))
    stamp = reg.now()
    with reg.writing("世帯員を移動"):
        pos = reg.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM persons WHERE household_id=?", [to_household_id]).fetchone()[0]
        changes: dict[str, Any] = {"household_id": to_household_id, "position": pos, "updated_at": stamp}
        if relation is not None:
            changes["relation"] = clean_text(relation, field="続柄", max_len=20)
        reg.db["persons"].update(person_id, changes)
        reg.db["person_status"].insert(
            {"person_id": person_id, "status": before["status"], "since": reg.today().isoformat(),
             "reason": "世帯の移動", "household_id": to_household_id, "recorded_at": stamp, "recorded_by": reg.actor}
        )
        if from_hh["head_person_id"] == person_id:
            nxt = reg.conn.execute(
                "SELECT id FROM persons WHERE household_id=? AND status='在籍' ORDER BY position LIMIT 1",
                [from_hh["id"]],
            ).fetchone()
            reg.db["households"].update(from_hh["id"], {"head_person_id": nxt[0] if nxt else None})
        reg.audit("move", "persons", person_id, f"「{_name(before)}」を別の世帯に移しました", before, {**before, **changes})
        _rosters_changed(reg, [from_hh["id"], to_household_id])


def set_circulation_order(reg: Register, block_id: int, household_ids: list[int]) -> None:
    """Renumber the 回覧順 of a 班: ``household_ids`` in their new order (all of the 班's households)."""
    reg.session.require("register.write")
    reg.session.require_block(block_id, "ほかの班の回覧順を変える")
    current = [r[0] for r in reg.conn.execute("SELECT id FROM households WHERE block_id=? ORDER BY circulation_order, id", [block_id])]
    if sorted(current) != sorted(household_ids):
        raise RegisterError("回覧順の並べ替えには、その班のすべての世帯が必要です。画面を更新してからやり直してください。")
    if current == household_ids:
        return
    stamp = reg.now()
    with reg.writing("回覧順を変更"):
        for n, hid in enumerate(household_ids, start=1):
            reg.db["households"].update(hid, {"circulation_order": n, "updated_at": stamp})
        name = reg.conn.execute("SELECT name FROM blocks WHERE id=?", [block_id]).fetchone()[0]
        reg.audit("reorder", "blocks", block_id, f"{name}の回覧順を変更しました", {"order": current}, {"order": household_ids})
        _rosters_changed(reg, household_ids)


def move_in_circulation(reg: Register, household_id: int, step: int) -> None:
    """Move a household up (step=-1) or down (+1) in its 班's 回覧順."""
    block_id = _require_household(reg, household_id, "register.write", "ほかの班の回覧順を変える")
    ids = [r[0] for r in reg.conn.execute("SELECT id FROM households WHERE block_id=? ORDER BY circulation_order, id", [block_id])]
    i = ids.index(household_id)
    j = max(0, min(len(ids) - 1, i + step))
    if i == j:
        return
    ids.insert(j, ids.pop(i))
    set_circulation_order(reg, block_id, ids)


def add_officer(reg: Register, person_id: int, role: str, fiscal_year: int, start_date: str, *, block_id: int | None = None, end_date: str | None = None) -> int:
    reg.session.require("association.write", "役員を登録する")
    role = clean_text(role, field="役職", max_len=20, required=True)
    errors: list[ValidationError] = []
    start = _date_field(start_date, "開始日", "start_date", errors)
    end = _date_field(end_date, "終了日", "end_date", errors)
    if errors:
        raise ValidationErrors(errors)
    stamp = reg.now()
    with reg.writing("役員を登録"):
        oid = int(reg.db["officers"].insert(
            {"person_id": person_id, "role": role, "block_id": block_id, "fiscal_year": fiscal_year,
             "start_date": start, "end_date": end, "created_at": stamp, "updated_at": stamp}
        ).last_pk)
        reg.audit("insert", "officers", oid, f"{fiscal_year}年度の{role}を登録しました", None, {"person_id": person_id, "role": role})
    return oid


def recent_changes(reg: Register, limit: int = 20) -> list[dict[str, Any]]:
    """The latest entries of the audit log (they name people): only for roles that may read it."""
    if not reg.session.can("audit.read"):
        return []
    return reg.rows("SELECT at, actor, action, summary FROM audit_log ORDER BY id DESC LIMIT ?", [limit])


def to_dict(data: HouseholdData) -> dict[str, Any]:
    return asdict(data)
