"""避難行動要支援者 — the restricted store (Qt-free). DOMAIN.md §1.2-E, §2.3.

Who needs help to evacuate, why, whether they agreed to be on the list shared with the
避難支援等関係者 (同意者名簿) or are only on the city's full list (基礎名簿), their 地域支援者, where
they go and how, and medical notes: 要配慮個人情報, kept apart from the register.

Rules, checked here so that the command line and every screen obey them:

* every read needs ``sensitive.read`` and is written to the audit log (who looked, how many
  people); every change needs ``sensitive.write``; officers without it see counts only
  (:func:`support_summary`);
* a 班長 (a session limited to some 班) sees and changes only people linked to someone in their
  班 — never the unlinked ones, who could live anywhere;
* the audit log names ids, counts and which fields changed — never a name or a detail;
* the list the city provides (:func:`plan_city_list`, then :func:`apply_city_list`) replaces the
  previous city version completely, in one transaction after a backup, and the old rows are
  overwritten on disk (``PRAGMA secure_delete``) rather than merely unlinked from the b-tree;
  entries the 町会 collected itself stay. People on the city's list that match nobody in the
  register are kept, unlinked, and shown as such: never dropped.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.importing.plan import RowMessage
from kyodo_desktop.models.importing.reader import read_file
from kyodo_desktop.models.importing.table import HEADER_SCAN_ROWS, SUBTOTAL, cell_text, fold_header
from kyodo_desktop.models.japanese import (
    PhoneError,
    WarekiError,
    gojuon_sort_string,
    is_katakana_reading,
    normalize_phone,
    parse_date,
    search_fold,
    to_katakana,
)
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

#: ``support_lists.source`` of a list the city provided; rows with no list were collected by the 町会
CITY = "市提供"
LOCAL = "町会収集"
CONSENTED = "同意"
MAX_HELPERS = 10
#: the fields of an entry that are 要配慮個人情報 or say why someone needs help (never in an audit row)
FIELD_LABELS = {
    "name": "氏名", "kana": "フリガナ", "birth_date": "生年月日", "address": "住所", "phone": "電話",
    "reasons": "理由", "consent": "同意", "care_level": "要介護度", "evacuation_place": "避難先",
    "route_notes": "避難経路", "medical_notes": "医療・配慮", "notes": "備考", "person_id": "名簿の人との結びつき",
}


@dataclass
class Helper:
    """A 地域支援者: someone in the register (``person_id``) or a name with a phone number."""

    name: str = ""
    phone: str = ""
    relation: str = ""
    person_id: int | None = None
    id: int | None = None


@dataclass
class SupportPerson:
    """One person on the list. The last group of fields is filled when read, ignored when saved."""

    name: str = ""
    kana: str = ""
    birth_date: str | None = None
    address: str = ""
    phone: str = ""
    reasons: tuple[str, ...] = ()
    consent: str = "未確認"
    care_level: str = ""
    evacuation_place: str = ""
    route_notes: str = ""
    medical_notes: str = ""
    notes: str = ""
    person_id: int | None = None
    id: int | None = None
    # -- read only
    list_id: int | None = None
    block_id: int | None = None
    block: str = ""
    register_status: str = ""  # 在籍, or 転出・死亡・退会 … when the linked person has gone
    helpers: list[Helper] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""

    @property
    def origin(self) -> str:
        return CITY if self.list_id is not None else LOCAL

    @property
    def linked(self) -> bool:
        return self.person_id is not None

    @property
    def consented(self) -> bool:
        return self.consent == CONSENTED


# -- permissions and reading ---------------------------------------------------------------------------


def _require(reg: Register, permission: str, doing: str) -> None:
    reg.session.require(permission, doing)


def _require_writable(reg: Register) -> None:
    """Every look at the list is recorded: a register opened read-only could not record it."""
    if reg.read_only:
        raise RegisterError("読み取り専用で開いているため、見た記録を残せません。要支援者の名簿は、"
                            "書き込みできる状態で台帳を開いてから見てください。")


def _require_all_blocks(reg: Register, doing: str) -> None:
    if reg.session.block_ids is not None:
        raise PermissionDenied(f"{doing}ことは、すべての班を扱える役割だけができます。")


_SELECT = (
    "SELECT s.id, s.list_id, s.person_id, s.name, s.kana, s.birth_date, s.address, s.phone, s.reasons, s.consent, "
    "s.care_level, s.evacuation_place, s.route_notes, s.medical_notes, s.notes, s.created_at, s.updated_at, "
    "h.block_id, coalesce(b.name, ''), coalesce(b.sort_order, 1e9), coalesce(h.circulation_order, 0), "
    "CASE WHEN p.id IS NULL THEN '' WHEN h.status IN ('転出', '退会', '死亡') THEN h.status ELSE p.status END "
    "FROM support_people s LEFT JOIN persons p ON p.id = s.person_id "
    "LEFT JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id"
)


def _split_reasons(text: str) -> tuple[str, ...]:
    return tuple(r for r in text.split("・") if r)


def _load(reg: Register, where: str = "1", params: list[Any] | None = None, *, consent_only: bool = False,
          block_ids: list[int] | None = None) -> list[SupportPerson]:
    """Entries the session may see (a 班長: only those linked to someone in their 班), with their
    helpers, in 班 and 回覧順 order, the unlinked ones last in 五十音順. Nothing is recorded."""
    _require_writable(reg)
    visible, vparams = reg.session.block_filter_sql("h.block_id")
    clauses, args = [where, visible], [*(params or []), *vparams]
    if consent_only:
        clauses.append("s.consent = ?")
        args.append(CONSENTED)
    if block_ids is not None:
        ids = sorted(set(block_ids))
        clauses.append(f"h.block_id IN ({','.join('?' * len(ids))})" if ids else "0")
        args.extend(ids)
    rows = reg.conn.execute(f"{_SELECT} WHERE {' AND '.join(f'({c})' for c in clauses)}", args).fetchall()
    out = [SupportPerson(
        name=r[3], kana=r[4], birth_date=r[5], address=r[6], phone=r[7], reasons=_split_reasons(r[8]), consent=r[9],
        care_level=r[10], evacuation_place=r[11], route_notes=r[12], medical_notes=r[13], notes=r[14],
        person_id=r[2], id=r[0], list_id=r[1], block_id=r[17], block=r[18], register_status=r[21],
        created_at=r[15], updated_at=r[16]) for r in rows]
    order = {r[0]: (r[2] is None, r[19], r[17] or 0, r[20]) for r in rows}
    out.sort(key=lambda s: (*order[s.id], gojuon_sort_string(s.kana) or "\uffff", s.id))
    if out:
        by_id = {s.id: s for s in out}
        ids = list(by_id)
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            for hid, sid, pid, name, phone, relation in reg.conn.execute(
                    "SELECT id, support_id, person_id, name, phone, relation FROM support_helpers "
                    f"WHERE support_id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk):
                by_id[sid].helpers.append(Helper(name, phone, relation, pid, hid))
    return out


def list_support(reg: Register, *, consent_only: bool = False, block_ids: list[int] | None = None,
                 unlinked_only: bool = False) -> list[SupportPerson]:
    """The people on the list that the session may see. ``consent_only``: the 同意者名簿 (those
    who agreed to be shared); otherwise everyone (基礎名簿). ``block_ids``: only people linked to
    someone in those 班. The look is recorded (who, how many)."""
    _require(reg, "sensitive.read", "避難行動要支援者の名簿を見る")
    out = _load(reg, "s.person_id IS NULL" if unlinked_only else "1", consent_only=consent_only, block_ids=block_ids)
    what = "同意者名簿" if consent_only else "全員"
    if unlinked_only:
        what += "・名簿にいない人"
    reg.record("view_sensitive", f"避難行動要支援者の一覧を表示しました（{what}、{len(out)}人）",
               table="support_people", person_count=len(out))
    return out


def _get(reg: Register, support_id: int, doing: str) -> SupportPerson:
    _require_writable(reg)
    row = reg.conn.execute(
        "SELECT s.person_id, h.block_id FROM support_people s LEFT JOIN persons p ON p.id = s.person_id "
        "LEFT JOIN households h ON h.id = p.household_id WHERE s.id = ?", [support_id]).fetchone()
    if row is None:
        raise RegisterError("その要支援者の記録が見つかりません。")
    if reg.session.block_ids is not None and (row[0] is None or not reg.session.sees_block(row[1])):
        raise PermissionDenied(
            f"「{reg.session.display_name}」さん（{reg.session.role}）が扱えるのは自分の班の人だけです。{doing}ことはできません。")
    found = _load(reg, "s.id = ?", [support_id])
    if not found:  # pragma: no cover - checked above
        raise RegisterError("その要支援者の記録が見つかりません。")
    return found[0]


def get_support(reg: Register, support_id: int) -> SupportPerson:
    """One person with their helpers; the look is recorded."""
    _require(reg, "sensitive.read", "避難行動要支援者の情報を見る")
    s = _get(reg, support_id, "この人の情報を見る")
    reg.record("view_sensitive", f"避難行動要支援者（番号 {support_id}）の情報を表示しました",
               table="support_people", row_id=support_id, person_count=1)
    return s


@dataclass(frozen=True)
class CityListInfo:
    id: int
    received_on: str
    agreement_ref: str
    file_name: str
    rows: int
    imported_at: str
    imported_by: str
    replaced_at: str | None


def city_lists(reg: Register) -> list[CityListInfo]:
    """Every version of the city's list received, newest first (the 管理台帳 of versions; no
    personal data). The current one has ``replaced_at`` None."""
    _require(reg, "register.read", "市の名簿の受領記録を見る")
    return [CityListInfo(*r) for r in reg.conn.execute(
        "SELECT id, received_on, agreement_ref, file_name, rows, imported_at, imported_by, replaced_at "
        "FROM support_lists WHERE source = ? ORDER BY id DESC", [CITY])]


def current_city_list(reg: Register) -> CityListInfo | None:
    found = [x for x in city_lists(reg) if x.replaced_at is None]
    return found[0] if found else None


@dataclass(frozen=True)
class SupportSummary:
    """Counts only: what officers without ``sensitive.read`` may know about the list."""

    people: int
    consented: int
    refused: int
    unconfirmed: int
    from_city: int
    collected: int
    unlinked: int
    without_helper: int
    by_block: tuple[tuple[str, int], ...]
    list_received_on: str | None
    agreement_ref: str


def support_summary(reg: Register) -> SupportSummary:
    """How many people are on the list, by consent, origin and 班, and how many have no 地域支援者
    yet — no names. A 班長 gets the counts of their own 班 only."""
    _require(reg, "register.read", "要支援者の人数を見る")
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        "SELECT s.consent, s.list_id IS NOT NULL, s.person_id IS NULL, coalesce(b.name, ''), "
        "EXISTS (SELECT 1 FROM support_helpers x WHERE x.support_id = s.id), coalesce(b.sort_order, 1e9), b.id "
        "FROM support_people s LEFT JOIN persons p ON p.id = s.person_id LEFT JOIN households h ON h.id = p.household_id "
        f"LEFT JOIN blocks b ON b.id = h.block_id WHERE {visible}", params).fetchall()
    blocks: dict[str, tuple[float, int, int]] = {}
    for r in rows:
        if r[3]:
            order, bid, n = blocks.get(r[3], (r[5], r[6], 0))
            blocks[r[3]] = (order, bid, n + 1)
    current = reg.conn.execute("SELECT received_on, agreement_ref FROM support_lists WHERE source = ? AND replaced_at "
                               "IS NULL ORDER BY id DESC LIMIT 1", [CITY]).fetchone()
    return SupportSummary(
        people=len(rows), consented=sum(r[0] == "同意" for r in rows), refused=sum(r[0] == "不同意" for r in rows),
        unconfirmed=sum(r[0] == "未確認" for r in rows), from_city=sum(bool(r[1]) for r in rows),
        collected=sum(not r[1] for r in rows), unlinked=sum(bool(r[2]) for r in rows),
        without_helper=sum(not r[4] for r in rows),
        by_block=tuple((name, n) for name, (_o, _b, n) in sorted(blocks.items(), key=lambda kv: kv[1][:2])),
        list_received_on=current[0] if current else None, agreement_ref=current[1] if current else "")


# -- changes ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _secure_delete(reg: Register) -> Iterator[None]:
    """Deleted rows are overwritten with zeros in the file (and freed pages zeroed), not only
    unlinked: ``PRAGMA secure_delete`` for the connection while inside, as it was afterwards."""
    before = int(reg.conn.execute("PRAGMA secure_delete").fetchone()[0])
    if before != 1:
        reg.conn.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        if before != 1:
            reg.conn.execute(f"PRAGMA secure_delete = {before}")


def _flush_deleted(reg: Register) -> bool:
    """In WAL mode the overwritten pages are first appended to the WAL, and earlier frames (still
    holding the old rows) stay there until a checkpoint: copy them into the file and empty the
    WAL. Returns False if another reader kept the checkpoint from finishing."""
    if reg.conn.in_transaction:
        return False
    mode = str(reg.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if mode != "wal":
        return True  # rollback journal: pages are written to the file at commit, the journal deleted
    busy = reg.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return not busy


def _person_row(reg: Register, person_id: int, doing: str) -> tuple[str, str, str | None, str, str, int | None]:
    """(name, kana, birth date, address, phone, block) of a register person the session may handle."""
    row = reg.conn.execute(
        "SELECT p.family_name || '　' || p.given_name, p.family_kana || ' ' || p.given_kana, p.birth_date, "
        "h.address_town || h.address_number || CASE WHEN h.address_building <> '' THEN ' ' || h.address_building "
        "ELSE '' END, CASE WHEN p.mobile <> '' THEN p.mobile ELSE h.landline END, h.block_id "
        "FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("その人は名簿にいません。")
    reg.session.require_block(row[5], doing)
    return row[0].strip("　"), row[1].strip(), row[2], row[3], row[4], row[5]


def _phone(value: str, label: str, area: str, column: str) -> str:
    text = clean_text(value, field=label, max_len=40)
    if not text:
        return ""
    try:
        return normalize_phone(text, area or None)
    except PhoneError as exc:
        raise ValidationError(label, str(exc), field=column) from None


def _clean(reg: Register, data: SupportPerson, *, from_city: bool) -> dict[str, Any]:
    area = reg.conn.execute("SELECT default_area_code FROM association WHERE id = 1").fetchone()[0]
    name = clean_text(data.name, field="氏名", max_len=100)
    kana = to_katakana(clean_text(data.kana, field="フリガナ", max_len=100))
    if kana and not is_katakana_reading(kana):
        raise ValidationError("フリガナ", "カタカナで入力してください。", field="kana")
    birth = None
    if data.birth_date not in (None, ""):
        try:
            birth = parse_date(str(data.birth_date)).isoformat()
        except (WarekiError, ValueError) as exc:
            raise ValidationError("生年月日", str(exc), field="birth_date") from None
    reasons = tuple(dict.fromkeys(data.reasons))
    bad = [r for r in reasons if r not in schema.SUPPORT_REASONS]
    if bad:
        raise ValidationError("理由", f"理由は {'・'.join(schema.SUPPORT_REASONS)} から選んでください（{'・'.join(bad)}）。",
                              field="reasons")
    if data.consent not in schema.SUPPORT_CONSENT:
        raise ValidationError("同意", f"同意は {'・'.join(schema.SUPPORT_CONSENT)} のどれかです。", field="consent")
    values = {
        "person_id": data.person_id, "name": name, "kana": kana, "birth_date": birth,
        "address": clean_text(data.address, field="住所", max_len=200),
        "phone": _phone(data.phone, "電話", area, "phone"),
        "reasons": "・".join(r for r in schema.SUPPORT_REASONS if r in reasons), "consent": data.consent,
        "care_level": clean_text(data.care_level, field="要介護度", max_len=50),
        "evacuation_place": clean_text(data.evacuation_place, field="避難先", max_len=200),
        "route_notes": clean_text(data.route_notes, field="避難経路", max_len=1000, multiline=True),
        "medical_notes": clean_text(data.medical_notes, field="医療・配慮", max_len=1000, multiline=True),
        "notes": clean_text(data.notes, field="備考", max_len=2000, multiline=True),
    }
    if data.person_id is not None:  # blanks filled from the register
        pname, pkana, pbirth, paddress, pphone, _block = _person_row(reg, data.person_id, "ほかの班の人を要支援者にする")
        values["name"] = values["name"] or pname
        values["kana"] = values["kana"] or pkana
        values["birth_date"] = values["birth_date"] or pbirth
        values["address"] = values["address"] or paddress
        values["phone"] = values["phone"] or pphone
    if not values["name"]:
        raise ValidationError("氏名", "入力してください（空欄にはできません）。", field="name")
    # 個人情報保護法 §20②: 要配慮個人情報 the 町会 collects itself needs the person's prior consent
    # (the city's list is provided under 災害対策基本法 §49-11 and its ordinance)
    if not from_city and (values["medical_notes"] or values["care_level"]) and data.consent != CONSENTED:
        raise ValidationError("同意", "医療・介護の情報（要配慮個人情報）は、本人の同意を得てから記録します。"
                                      "同意を得たら「同意」にしてください。", field="consent")
    return values


def save_support(reg: Register, data: SupportPerson) -> int:
    """Add someone by hand (``data.id`` None; linked to a register person or not) or change an
    entry. Blanks of a linked entry are filled from the register. Returns the id."""
    _require(reg, "sensitive.write", "避難行動要支援者の情報を変更する")
    old: SupportPerson | None = None
    if data.id is not None:
        old = _get(reg, data.id, "この人の情報を変更する")
    if data.person_id is None and reg.session.block_ids is not None:
        raise PermissionDenied("班の役割では、名簿の人に結びつけた要支援者だけを記録できます。")
    from_city = old is not None and old.list_id is not None
    values = _clean(reg, data, from_city=from_city)
    if data.person_id is not None:
        other = reg.conn.execute("SELECT id FROM support_people WHERE person_id = ? AND id IS NOT ? AND list_id IS ?",
                                 [data.person_id, data.id, old.list_id if old else None]).fetchone()
        if other:
            raise RegisterError(f"この人はもう要支援者として記録されています（番号 {other[0]}）。その記録を直してください。")
    stamp = reg.now()
    with reg.writing("要支援者の記録"):
        if old is None:
            cols = list(values)
            cur = reg.conn.execute(
                f"INSERT INTO support_people ({', '.join(cols)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(cols))}, ?, ?)", [*values.values(), stamp, stamp])
            sid = int(cur.lastrowid)
            linked = "名簿の人に結びつけて" if data.person_id is not None else "名簿にいない人として"
            reg._audit_row("insert", "support_people", sid, f"要支援者（番号 {sid}・{LOCAL}）を{linked}追加しました",
                           person_count=1)
        else:
            sid = int(old.id)  # type: ignore[arg-type]
            before = {"person_id": old.person_id, "name": old.name, "kana": old.kana, "birth_date": old.birth_date,
                      "address": old.address, "phone": old.phone, "reasons": "・".join(old.reasons),
                      "consent": old.consent, "care_level": old.care_level, "evacuation_place": old.evacuation_place,
                      "route_notes": old.route_notes, "medical_notes": old.medical_notes, "notes": old.notes}
            changed = [k for k in values if values[k] != before[k]]
            if not changed:
                return sid
            reg.conn.execute(
                f"UPDATE support_people SET {', '.join(f'{k} = ?' for k in changed)}, updated_at = ? WHERE id = ?",
                [*(values[k] for k in changed), stamp, sid])
            # which fields, never their content (the audit log is exported as a general file)
            reg._audit_row("update", "support_people", sid,
                           f"要支援者（番号 {sid}）の{'・'.join(FIELD_LABELS[k] for k in changed)}を変更しました",
                           person_count=1)
    return sid


def set_helpers(reg: Register, support_id: int, helpers: list[Helper]) -> None:
    """The 地域支援者 of one person, replacing those before: register persons (name and phone
    from the register when left blank) or names with a phone number."""
    _require(reg, "sensitive.write", "地域支援者を決める")
    s = _get(reg, support_id, "この人の地域支援者を決める")
    if len(helpers) > MAX_HELPERS:
        raise ValidationError("地域支援者", f"{MAX_HELPERS}人までにしてください。", field="helpers")
    area = reg.conn.execute("SELECT default_area_code FROM association WHERE id = 1").fetchone()[0]
    rows = []
    for n, h in enumerate(helpers, start=1):
        label = f"地域支援者{n}"
        name = clean_text(h.name, field=f"{label}の氏名", max_len=100)
        phone = _phone(h.phone, f"{label}の電話", area, "phone")
        relation = clean_text(h.relation, field=f"{label}の関係", max_len=50)
        if h.person_id is not None:
            if h.person_id == s.person_id:
                raise ValidationError(label, "本人を自分の支援者にはできません。", field="helpers")
            pname, _k, _b, _a, pphone, _block = _person_row(reg, h.person_id, "ほかの班の人を支援者にする")
            name, phone = name or pname, phone or pphone
        elif not name:
            raise ValidationError(f"{label}の氏名", "入力してください（空欄にはできません）。", field="helpers")
        elif not phone:
            raise ValidationError(f"{label}の電話", "名簿にいない支援者は、連絡のつく電話番号を入力してください。",
                                  field="helpers")
        rows.append((support_id, h.person_id, name, phone, relation))
    with _secure_delete(reg), reg.writing("地域支援者の記録"):
        reg.conn.execute("DELETE FROM support_helpers WHERE support_id = ?", [support_id])
        reg.conn.executemany("INSERT INTO support_helpers (support_id, person_id, name, phone, relation) "
                             "VALUES (?, ?, ?, ?, ?)", rows)
        reg.conn.execute("UPDATE support_people SET updated_at = ? WHERE id = ?", [reg.now(), support_id])
        reg._audit_row("update", "support_helpers", support_id,
                       f"要支援者（番号 {support_id}）の地域支援者を{len(rows)}人にしました", person_count=1)
    _flush_deleted(reg)


def delete_support(reg: Register, support_id: int) -> None:
    """Take someone off the list (moved away, no longer needs help): the entry and its helpers
    are overwritten in the file, not only unlinked."""
    _require(reg, "sensitive.write", "避難行動要支援者の記録を消す")
    s = _get(reg, support_id, "この人の記録を消す")
    with _secure_delete(reg), reg.writing("要支援者の記録の削除"):
        reg.conn.execute("DELETE FROM support_helpers WHERE support_id = ?", [support_id])
        reg.conn.execute("DELETE FROM support_people WHERE id = ?", [support_id])
        reg._audit_row("delete", "support_people", support_id,
                       f"要支援者（番号 {support_id}・{s.origin}）の記録を消去しました", person_count=1)
    _flush_deleted(reg)


# -- the city's list ---------------------------------------------------------------------------------------

#: our field → (label, the headers cities use for it); compared after :func:`fold_header`
CITY_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "no": ("番号", ("番号", "no", "no.", "整理番号", "名簿番号", "通し番号", "連番", "管理番号")),
    "name": ("氏名", ("氏名", "名前", "お名前", "対象者氏名", "要支援者氏名", "氏名漢字", "氏名(漢字)", "漢字氏名")),
    "kana": ("フリガナ", ("フリガナ", "ふりがな", "カナ", "カナ氏名", "氏名カナ", "氏名フリガナ", "氏名(フリガナ)", "よみがな", "読み")),
    "sex": ("性別", ("性別", "男女")),
    "birth_date": ("生年月日", ("生年月日", "誕生日", "生年月日(和暦)")),
    "age": ("年齢", ("年齢", "満年齢", "年令")),
    "address": ("住所", ("住所", "現住所", "所在地", "住所(町名・番地)", "住所地")),
    "phone": ("電話", ("電話", "電話番号", "tel", "tel.", "自宅電話", "連絡先", "連絡先電話", "連絡先電話番号")),
    "mobile": ("携帯電話", ("携帯", "携帯電話", "携帯番号", "携帯電話番号")),
    "fax": ("FAX", ("fax", "ファクス", "ファックス", "fax番号")),
    "evacuation_place": ("避難先", ("避難先", "避難場所", "避難所", "指定避難所", "避難予定先", "避難予定場所")),
    "household": ("同居者の有無", ("同居者の有無", "同居者", "同居の有無", "同居家族", "世帯構成", "同居者有無")),
    "has_helper": ("避難支援者の有無", ("避難支援者の有無", "避難支援者", "支援者の有無", "支援者", "避難支援者有無")),
    "services": ("利用中の医療・福祉サービス", ("利用中の医療・福祉サービス", "利用中の医療福祉サービス", "医療・福祉サービス",
                                            "利用サービス", "福祉サービス", "医療・福祉サービスの利用状況", "利用中のサービス")),
    "condition": ("本人の状況", ("本人の状況", "状況", "心身の状況", "本人の状態", "身体の状況")),
    "consent": ("同意", ("同意", "同意の有無", "同意(有/無)", "同意有無", "情報提供への同意", "名簿提供への同意", "提供同意",
                         "平常時提供の同意")),
    "reason": ("理由", ("理由", "要件", "該当要件", "対象要件", "支援が必要な理由", "名簿登載理由", "登載理由", "該当区分")),
    "care_level": ("要介護度", ("要介護度", "介護度", "要介護認定", "要介護状態区分")),
    "disability": ("障害", ("障害", "障害の種別", "障害の程度", "障害者手帳", "手帳", "障害等級", "障害種別")),
    "notes": ("備考", ("備考", "特記事項", "メモ")),
}
#: a list without these is refused: a person cannot be found, or helped, without them
REQUIRED = ("name", "address")
_LOOKUP = {fold_header(s): f for f, (_label, syns) in CITY_COLUMNS.items() for s in syns}
YES = {"有", "あり", "有り", "○", "〇", "◯", "はい", "同意", "同意あり", "済", "可", "1", "y", "yes", "true"}
NO = {"無", "なし", "無し", "×", "✕", "いいえ", "不同意", "同意なし", "拒否", "否", "不可", "0", "n", "no", "false"}
#: words in the city's 理由 → our reasons (日中独居 before 独居)
_REASON_WORDS = (
    ("日中独居", "日中独居"), ("一人暮らし", "一人暮らし高齢者"), ("ひとり暮らし", "一人暮らし高齢者"), ("独居", "一人暮らし高齢者"),
    ("単身", "一人暮らし高齢者"), ("高齢者のみ", "高齢者のみ世帯"), ("のみ世帯", "高齢者のみ世帯"), ("高齢者世帯", "高齢者のみ世帯"),
    ("要介護", "要介護"), ("身体", "身体障害"), ("肢体", "身体障害"), ("視覚", "身体障害"), ("聴覚", "身体障害"),
    ("内部障害", "身体障害"), ("知的", "知的障害"), ("療育", "知的障害"), ("精神", "精神障害"), ("難病", "難病"),
    ("特定疾患", "難病"), ("希望", "本人の希望"), ("申出", "本人の希望"), ("申し出", "本人の希望"), ("手上げ", "本人の希望"),
)
_CARE = re.compile(r"要(介護|支援)\s*([1-5])")


def _city_field(header: str) -> str | None:
    h = fold_header(header)
    if not h:
        return None
    return _LOOKUP.get(h) or _LOOKUP.get(re.sub(r"\(.*?\)", "", h))


def _reasons_of(text: str) -> tuple[tuple[str, ...], bool]:
    """(reasons, all understood) from the city's wording."""
    t = unicodedata.normalize("NFKC", text)
    found: list[str] = []
    rest = t
    for word, reason in _REASON_WORDS:
        if word in rest:
            found.append(reason)
            rest = rest.replace(word, " ")
    rest = _CARE.sub(" ", rest)
    leftover = re.sub(r"[\s、,，・/／;；()（）\d歳以上級度者のみ世帯高齢障害手帳種等]+", "", rest)
    return tuple(dict.fromkeys(found)), not leftover


@dataclass(frozen=True)
class Candidate:
    """A register person a row of the city's list may be."""

    person_id: int
    name: str
    kana: str
    birth_date: str | None
    address: str
    block: str
    why: str


@dataclass
class CityRow:
    row: int  # 1-based, as in Excel
    data: SupportPerson
    status: str  # matched, ambiguous, none
    person_id: int | None = None
    candidates: list[Candidate] = field(default_factory=list)
    note: str = ""

    @property
    def status_label(self) -> str:
        return {"matched": "名簿の人と一致", "ambiguous": "要確認（候補あり）", "none": "名簿にいない"}[self.status]


@dataclass
class CityListPlan:
    """What :func:`apply_city_list` would do; nothing has been written."""

    path: Path
    file_name: str
    sheet: str
    header_row: int
    received_on: str
    agreement_ref: str
    columns: list[tuple[str, str]]  # (the file's header, what it is read as)
    unknown_columns: list[str]  # kept in 備考 as 「見出し：値」, never dropped
    rows: list[CityRow]
    messages: list[RowMessage]
    skipped: list[tuple[int, str]]  # (row, why): subtotal rows, rows without a name
    previous: CityListInfo | None  # the version this one replaces
    kept: int  # entries the 町会 collected itself, which stay

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def needs_choice(self) -> list[int]:
        """Rows the officer must decide (which register person, or nobody) before applying."""
        return [r.row for r in self.rows if r.status == "ambiguous"]

    def summary(self) -> dict[str, Any]:
        return {
            "file": self.file_name, "sheet": self.sheet, "received_on": self.received_on,
            "agreement_ref": self.agreement_ref, "rows": len(self.rows), "matched": self.count("matched"),
            "ambiguous": self.count("ambiguous"), "not_in_register": self.count("none"),
            "unknown_columns": list(self.unknown_columns), "skipped_rows": len(self.skipped),
            "needs_choice": self.needs_choice, "messages": [str(m) for m in self.messages],
            "replaces": None if self.previous is None else
            {"received_on": self.previous.received_on, "rows": self.previous.rows},
            "kept_collected_by_association": self.kept,
        }


def _find_header(rows: list[list[Any]], mapping: dict[str, str]) -> tuple[int, list[str]] | None:
    best: tuple[int, int, list[str]] | None = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        headers = [cell_text(c) for c in row]
        fields = [mapping.get(fold_header(h)) or _city_field(h) for h in headers]
        score = sum(1 for f in fields if f)
        if "name" in fields and score >= 2 and (best is None or score > best[0]):
            best = (score, i, headers)
    return None if best is None else (best[1], best[2])


def _address_key(text: str) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"(丁目|番地|番|号|の)", "-", t)
    return search_fold(t)


def _name_key(text: str) -> str:
    return search_fold(text or "")


@dataclass
class _Person:
    id: int
    name: str
    kana: str
    birth: str | None
    address: str
    block: str
    name_key: str
    kana_key: str
    address_key: str


def _register_people(reg: Register) -> list[_Person]:
    out = []
    for pid, family, given, fk, gk, birth, town, number, building, block in reg.conn.execute(
            "SELECT p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date, h.address_town, "
            "h.address_number, h.address_building, coalesce(b.name, '') FROM persons p "
            "JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id "
            "WHERE p.status = '在籍' AND h.status IN ('加入', '非加入')"):
        address = " ".join(x for x in (town + number, building) if x)
        out.append(_Person(pid, f"{family}　{given}".strip("　"), f"{fk} {gk}".strip(), birth, address, block,
                           _name_key(family + given), _name_key(fk + gk), _address_key(town + number)))
    return out


def _match(row: CityRow, people: list[_Person], by_name: dict[str, list[_Person]],
           by_kana_birth: dict[tuple[str, str], list[_Person]]) -> None:
    d = row.data
    nkey, kkey, akey = _name_key(d.name), _name_key(d.kana), _address_key(d.address)

    def same_address(p: _Person) -> bool:
        return len(p.address_key) >= 3 and p.address_key in akey

    strong, good, weak = [], [], []
    for p in by_name.get(nkey, []):
        birth_known = bool(d.birth_date and p.birth)
        facts = ["氏名"]
        if birth_known and d.birth_date == p.birth:
            facts.append("生年月日")
        if kkey and p.kana_key and kkey == p.kana_key:
            facts.append("フリガナ")
        if akey and same_address(p):
            facts.append("住所")
        why = "・".join(facts) + "が一致"
        if birth_known and d.birth_date != p.birth:
            weak.append((p, why + "（生年月日が違う）"))
        elif "生年月日" in facts:
            strong.append((p, why))
        elif len(facts) > 1:
            good.append((p, why + "（生年月日は照合できず）"))
        else:
            weak.append((p, why + "（ほかに一致する項目なし）"))
    seen = {p.id for p, _w in strong + good + weak}
    if kkey and d.birth_date:  # the same reading and birthday under another spelling (斎藤／齋藤 …)
        for p in by_kana_birth.get((kkey, d.birth_date), []):
            if p.id not in seen:
                weak.append((p, "フリガナ・生年月日が一致（氏名の字が違う）"))

    def cand(p: _Person, why: str) -> Candidate:
        return Candidate(p.id, p.name, p.kana, p.birth, p.address, p.block, why)

    everyone = [cand(p, w) for p, w in strong + good + weak]
    if len(strong) == 1:  # name and birthday: the same person, whoever else shares the name
        sure = strong[0][0]
    elif not strong and len(good) == 1 and not weak:  # name and reading or address, no one else
        sure = good[0][0]
    else:
        sure = None
    if sure is not None:
        row.status, row.person_id, row.candidates = "matched", sure.id, everyone
        row.note = everyone[0].why
    elif everyone:
        row.status, row.person_id, row.candidates = "ambiguous", None, everyone
        row.note = ("同じ名前で生年月日も同じ人が複数います" if len(strong) > 1 else
                    "同じ名前の人が複数います" if len(good) > 1 else "似た人がいます（一致しない項目があります）")
        row.note += "。どの人か、または名簿にいない人かを選んでください"
    else:
        row.status, row.person_id, row.note = "none", None, "名簿に見当たりません（名簿にいない人として残します）"


def plan_city_list(reg: Register, path: Path | str, received_on: str | date, agreement_ref: str, *,
                   mapping: dict[str, str] | None = None, consent_default: str = "未確認") -> CityListPlan:
    """Read the list the city provided (Excel or CSV), recognise its columns and match each
    row to a register person; nothing is written. ``mapping``: the officer's choice for a
    header (its text → one of :data:`CITY_COLUMNS`, or "" to ignore it). ``consent_default``:
    the consent of rows without a 同意 cell (e.g. 「同意」 when the city gave its 同意者名簿)."""
    _require(reg, "sensitive.read", "市の避難行動要支援者名簿を読み込む")
    _require(reg, "sensitive.write", "市の避難行動要支援者名簿を取り込む")
    _require_all_blocks(reg, "市の名簿を取り込む")
    try:
        day = received_on if isinstance(received_on, date) else parse_date(str(received_on))
    except (WarekiError, ValueError) as exc:
        raise ValidationError("受領日", str(exc), field="received_on") from None
    if day > reg.today():
        raise ValidationError("受領日", "受け取った日が未来になっています。", field="received_on")
    agreement_ref = clean_text(agreement_ref, field="協定", max_len=100)
    if not agreement_ref:
        raise ValidationError("協定", "市と結んだ協定（番号か締結日）を入力してください。名簿は協定に基づいて受け取るものです。",
                              field="agreement_ref")
    if consent_default not in schema.SUPPORT_CONSENT:
        raise ValidationError("同意", f"同意は {'・'.join(schema.SUPPORT_CONSENT)} のどれかです。", field="consent")
    bad = [v for v in (mapping or {}).values() if v and v not in CITY_COLUMNS]
    if bad:
        raise RegisterError(f"分からない項目です: {'・'.join(bad)}")
    folded = {fold_header(k): v for k, v in (mapping or {}).items()}
    path = Path(path)
    sheets = read_file(path)
    found = [(s, h) for s in sheets if (h := _find_header(s.rows, folded)) is not None]
    if not found:
        raise RegisterError("市の名簿の見出し（氏名・住所・生年月日など）が見つかりません。見出しのある表を選んでください。")
    sheet, (index, headers) = max(found, key=lambda x: len(x[0].rows))  # the biggest list when several sheets have one
    columns: dict[int, str] = {}
    recognised: list[tuple[str, str]] = []
    unknown: dict[int, str] = {}
    body = sheet.rows[index + 1:]
    for col, h in enumerate(headers):
        fh = fold_header(h)
        f = folded[fh] if fh in folded else _city_field(h)
        if f == "":
            continue  # the officer said: ignore
        if f and f not in columns.values():
            columns[col] = f
            recognised.append((h, CITY_COLUMNS[f][0]))
        elif h:
            unknown[col] = h  # unknown, or a second column of the same kind
        elif any(cell_text(r[col]) for r in body[:500] if col < len(r)):
            unknown[col] = f"（見出しなし・{col + 1}列目）"
    missing = [CITY_COLUMNS[f][0] for f in REQUIRED if f not in columns.values()]
    if missing:
        raise RegisterError(f"市の名簿に必要な列がありません: {'・'.join(missing)}。"
                            "見出しの名前が違う場合は、どの列か指定してください。取り込みは行っていません。")
    by_field = {f: c for c, f in columns.items()}
    area = reg.conn.execute("SELECT default_area_code FROM association WHERE id = 1").fetchone()[0]
    messages: list[RowMessage] = []
    if "birth_date" not in by_field:
        messages.append(RowMessage(sheet.name, index + 1, "", "生年月日の列がないため、氏名・フリガナ・住所だけで照合します",
                                   error=False))
    if "consent" not in by_field:
        messages.append(RowMessage(sheet.name, index + 1, "", f"同意の列がないため、全員を「{consent_default}」にします",
                                   error=False))
    previous = current_city_list(reg)
    if previous is not None and day.isoformat() < previous.received_on:
        messages.append(RowMessage(sheet.name, 0, "", f"今の版（{previous.received_on} 受領）より古い日付の名簿です",
                                   error=False))
    skipped: list[tuple[int, str]] = []
    rows: list[CityRow] = []
    for n, cells in enumerate(body, start=index + 2):
        if all(not cell_text(c) for c in cells):
            continue
        if any(cell_text(c).replace(" ", "").replace("　", "") in SUBTOTAL for c in cells[:3]):
            skipped.append((n, "合計・小計の行"))
            continue
        row = _city_row(sheet.name, n, cells, headers, by_field, unknown, area, consent_default, messages)
        if row is None:
            skipped.append((n, "氏名が空欄"))
            messages.append(RowMessage(sheet.name, n, "氏名", "氏名が空欄のため、この行は取り込みません"))
            continue
        rows.append(row)
    people = _register_people(reg)
    by_name: dict[str, list[_Person]] = {}
    by_kana_birth: dict[tuple[str, str], list[_Person]] = {}
    for p in people:
        by_name.setdefault(p.name_key, []).append(p)
        if p.kana_key and p.birth:
            by_kana_birth.setdefault((p.kana_key, p.birth), []).append(p)
    for row in rows:
        _match(row, people, by_name, by_kana_birth)
    # two rows on one person: neither is taken for granted
    hits: dict[int, list[CityRow]] = {}
    for row in rows:
        if row.person_id is not None:
            hits.setdefault(row.person_id, []).append(row)
    for same in hits.values():
        if len(same) > 1:
            for row in same:
                others = "・".join(f"{r.row}行目" for r in same if r is not row)
                row.status, row.person_id = "ambiguous", None
                row.note = f"同じ人に当たる行がほかにもあります（{others}）。どの人か選んでください。"
    local = dict(reg.conn.execute("SELECT person_id, id FROM support_people WHERE list_id IS NULL AND person_id IS NOT NULL"))
    for row in rows:
        if row.person_id in local:
            row.note = "。".join(x for x in (row.note, f"町会で記録した要支援者（番号 {local[row.person_id]}）にもいます") if x)
    kept = reg.conn.execute("SELECT count(*) FROM support_people WHERE list_id IS NULL").fetchone()[0]
    return CityListPlan(path, path.name, sheet.name, index + 1, day.isoformat(), agreement_ref, recognised,
                        list(unknown.values()), rows, messages, skipped, previous, int(kept))


def _city_row(sheet: str, n: int, cells: list[Any], headers: list[str], by_field: dict[str, int],
              unknown: dict[int, str], area: str, consent_default: str, messages: list[RowMessage]) -> CityRow | None:
    def raw(f: str) -> Any:
        col = by_field.get(f)
        return cells[col] if col is not None and col < len(cells) else ""

    def text(f: str) -> str:
        return unicodedata.normalize("NFKC", cell_text(raw(f))).strip()

    def say(f: str, message: str, error: bool = False) -> None:
        col = by_field.get(f)
        messages.append(RowMessage(sheet, n, headers[col] if col is not None else f, message, error))

    name = cell_text(raw("name")).strip().strip("　")  # names keep their characters (髙, 﨑): no NFKC
    if not name:
        return None
    notes: list[str] = []
    kana = to_katakana(text("kana")) if text("kana") else ""
    if kana and not is_katakana_reading(kana):
        say("kana", f"フリガナ「{text('kana')}」にカタカナ以外の文字があるため、備考に残しました")
        notes.append(f"フリガナ：{text('kana')}")
        kana = ""
    birth = None
    value = raw("birth_date")
    if value not in ("", None):
        try:
            if isinstance(value, datetime):
                birth = value.date().isoformat()
            elif isinstance(value, date):
                birth = value.isoformat()
            else:
                birth = parse_date(value if isinstance(value, (int, float)) else
                                   unicodedata.normalize("NFKC", str(value)).strip()).isoformat()
        except (WarekiError, ValueError) as exc:
            say("birth_date", f"「{cell_text(value)}」を日付として読めないため、備考に残しました（{exc}）")
            notes.append(f"生年月日：{cell_text(value)}")
    phone = ""
    for f, label in (("phone", "電話"), ("mobile", "携帯電話")):
        t = text(f)
        if not t:
            continue
        try:
            number = normalize_phone(t, area or None)
        except PhoneError:
            say(f, f"電話番号「{t}」を読めないため、備考に残しました")
            notes.append(f"{label}：{t}")
            continue
        if not phone:
            phone = number
        elif number != phone:
            notes.append(f"{label}：{number}")
    consent = consent_default
    c = text("consent").lower()
    if c in YES:
        consent = CONSENTED
    elif c in NO:
        consent = "不同意"
    elif c:
        say("consent", f"同意「{text('consent')}」が分からないため、「{consent_default}」にしました")
    reason_text = "・".join(t for t in (text("reason"), text("disability")) if t)
    reasons, understood = _reasons_of(reason_text) if reason_text else ((), True)
    if reason_text and (not understood or not reasons):
        reasons = (*reasons, "その他")
    care = text("care_level")
    if not care:
        m = _CARE.search(reason_text)
        care = f"要{m.group(1)}{m.group(2)}" if m else ""
    if care.startswith("要介護") and "要介護" not in reasons:
        reasons = (*reasons, "要介護")
    if reason_text and reason_text != "・".join(reasons):
        notes.append(f"市の名簿の理由：{reason_text}")
    medical = [f"{CITY_COLUMNS[f][0]}：{text(f)}" for f in ("condition", "services") if text(f)]
    if text("disability"):
        medical.append(f"障害：{text('disability')}")
    for f in ("no", "sex", "household", "has_helper", "fax", "notes"):
        if text(f):
            notes.append(f"{'市の番号' if f == 'no' else CITY_COLUMNS[f][0]}：{text(f)}")
    for col, header in unknown.items():  # columns we do not know: kept, labelled, never dropped
        v = cell_text(cells[col]) if col < len(cells) else ""
        if v:
            notes.append(f"{header}：{v}")
    data = SupportPerson(
        name=name[:100], kana=kana[:100], birth_date=birth, address=cell_text(raw("address")).strip()[:200], phone=phone,
        reasons=tuple(r for r in schema.SUPPORT_REASONS if r in reasons), consent=consent, care_level=care[:50],
        evacuation_place=text("evacuation_place")[:200], medical_notes="\n".join(medical)[:1000],
        notes="\n".join(notes)[:2000])
    return CityRow(n, data, "none")


@dataclass(frozen=True)
class CityImportResult:
    list_id: int
    rows: int
    linked: int
    unlinked: int
    replaced_rows: int  # rows of the previous city version removed (overwritten in the file)
    carried_helpers: int  # 地域支援者 kept for people on both versions
    secure_delete: bool  # PRAGMA secure_delete was on when the old rows were deleted
    checkpointed: bool  # the WAL was emptied into the file afterwards
    file_removed: bool


def apply_city_list(reg: Register, plan: CityListPlan, choices: dict[int, int | None] | None = None, *,
                    remove_file: bool = False) -> CityImportResult:
    """Replace the city-provided list with ``plan``'s rows, in one transaction after a backup.

    ``choices``: row number → register person id, or None for "not in the register"; every
    ambiguous row needs one, and a matched row may be overridden. Entries the 町会 collected stay;
    the previous city version is deleted with ``secure_delete`` on (its rows overwritten in the
    file, then the WAL checkpointed) and its ``support_lists`` row marked replaced. The
    地域支援者 and route notes the 町会 added for someone on both versions are carried over.
    ``remove_file``: overwrite and delete the imported file afterwards (協定: no copies)."""
    _require(reg, "sensitive.write", "市の避難行動要支援者名簿を取り込む")
    _require_all_blocks(reg, "市の名簿を取り込む")
    choices = dict(choices or {})
    by_row = {r.row: r for r in plan.rows}
    stray = sorted(set(choices) - set(by_row))
    if stray:
        raise RegisterError(f"市の名簿にない行が指定されています: {'・'.join(f'{n}行目' for n in stray)}")
    open_rows = [r.row for r in plan.rows if r.status == "ambiguous" and r.row not in choices]
    if open_rows:
        raise RegisterError("次の行は、名簿のどの人か（または名簿にいない人か）を選んでから取り込んでください: "
                            + "・".join(f"{n}行目" for n in open_rows))
    current = reg.conn.execute("SELECT id FROM support_lists WHERE source = ? AND replaced_at IS NULL "
                               "ORDER BY id DESC LIMIT 1", [CITY]).fetchone()
    if (current[0] if current else None) != (plan.previous.id if plan.previous else None):
        raise RegisterError("読み込んだ後に、別の市の名簿が取り込まれています。もう一度ファイルを読み込んでください。")
    active = {r[0] for r in reg.conn.execute(
        "SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id "
        "WHERE p.status = '在籍' AND h.status IN ('加入', '非加入')")}
    final: dict[int, int | None] = {}
    for r in plan.rows:
        pid = choices.get(r.row, r.person_id)
        if pid is not None and pid not in active:
            raise RegisterError(f"{r.row}行目に選ばれた人は、名簿にいない（転出・死亡など）か見つかりません。")
        final[r.row] = pid
    counts = Counter(pid for pid in final.values() if pid is not None)
    twice = {pid for pid, n in counts.items() if n > 1}
    if twice:
        rows_of = sorted(n for n, pid in final.items() if pid in twice)
        raise RegisterError(f"同じ人が複数の行に結びつけられています: {'・'.join(f'{n}行目' for n in rows_of)}")
    reg.backup("import")
    stamp = reg.now()
    with _secure_delete(reg), reg.writing("避難行動要支援者名簿の取り込み"):
        secure = int(reg.conn.execute("PRAGMA secure_delete").fetchone()[0]) == 1
        old = reg.conn.execute(
            "SELECT id, person_id, name, birth_date, route_notes, evacuation_place FROM support_people "
            "WHERE list_id IS NOT NULL").fetchall()
        old_helpers: dict[int, list[tuple[Any, ...]]] = {}
        for sid, pid, name, phone, relation in reg.conn.execute(
                "SELECT support_id, person_id, name, phone, relation FROM support_helpers "
                "WHERE support_id IN (SELECT id FROM support_people WHERE list_id IS NOT NULL) ORDER BY id"):
            old_helpers.setdefault(sid, []).append((pid, name, phone, relation))
        old_by_person = {r[1]: r for r in old if r[1] is not None}
        old_by_name = {(_name_key(r[2]), r[3]): r for r in old if r[1] is None}
        replaced = reg.conn.execute("SELECT rows, received_on FROM support_lists WHERE source = ? AND replaced_at IS NULL",
                                    [CITY]).fetchall()
        # the old version goes first, overwritten in the file (secure_delete), then the new one is written
        reg.conn.execute("DELETE FROM support_helpers WHERE support_id IN "
                         "(SELECT id FROM support_people WHERE list_id IS NOT NULL)")
        reg.conn.execute("DELETE FROM support_people WHERE list_id IS NOT NULL")
        reg.conn.execute("UPDATE support_lists SET replaced_at = ? WHERE source = ? AND replaced_at IS NULL",
                         [stamp, CITY])
        list_id = int(reg.conn.execute(
            "INSERT INTO support_lists (source, received_on, agreement_ref, file_name, rows, imported_at, imported_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [CITY, plan.received_on, plan.agreement_ref, plan.file_name[:200], len(plan.rows), stamp, reg.actor]).lastrowid)
        carried = linked = 0
        for r in plan.rows:
            d, pid = r.data, final[r.row]
            before = (old_by_person.get(pid) if pid is not None else None) or old_by_name.get(
                (_name_key(d.name), d.birth_date))
            route = d.route_notes or (before[4] if before else "")
            place = d.evacuation_place or (before[5] if before else "")
            sid = int(reg.conn.execute(
                "INSERT INTO support_people (list_id, person_id, name, kana, birth_date, address, phone, reasons, consent, "
                "care_level, evacuation_place, route_notes, medical_notes, notes, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [list_id, pid, d.name, d.kana, d.birth_date, d.address, d.phone, "・".join(d.reasons), d.consent,
                 d.care_level, place, route, d.medical_notes, d.notes, stamp, stamp]).lastrowid)
            linked += pid is not None
            if before is not None:
                helpers = [h for h in old_helpers.get(before[0], []) if h[0] is None or h[0] in active]
                reg.conn.executemany("INSERT INTO support_helpers (support_id, person_id, name, phone, relation) "
                                     "VALUES (?, ?, ?, ?, ?)", [(sid, *h) for h in helpers])
                carried += len(helpers)
        was = "・".join(f"{d}受領 {n}人" for n, d in replaced)
        reg._audit_row(
            "import", "support_lists", list_id,
            f"市の避難行動要支援者名簿（{plan.received_on}受領、協定: {plan.agreement_ref}、{plan.file_name}）を取り込みました"
            f"（{len(plan.rows)}人: 名簿の人と一致 {linked}人・名簿にいない {len(plan.rows) - linked}人）。"
            + (f"前の版（{was}、{len(old)}行）は消去しました。" if replaced or old else "")
            + (f"地域支援者 {carried}人を引き継ぎました。" if carried else ""),
            person_count=len(plan.rows))
    checkpointed = _flush_deleted(reg)
    removed = False
    if remove_file:
        from kyodo_desktop.models.crypto import secure_delete

        with contextlib.suppress(OSError):
            secure_delete(plan.path)
        removed = not plan.path.exists()
    return CityImportResult(list_id, len(plan.rows), linked, len(plan.rows) - linked, len(old), carried, secure,
                            checkpointed, removed)
