"""Consent per purpose, 要配慮個人情報 kept apart, the output rule, and retention (Qt-free).

:func:`may_output` is the one answer to "may this person's field appear in output for this
purpose?"; every export and printout asks it (through :class:`OutputRule` for many people at
once) and records what it produced with :func:`record_output`. The defaults follow the PPC's
guidance for 自治会 (DOMAIN.md §2.3): officers' internal use needs no consent; any distribution
beyond the officers needs the person's (or their household's) consent for that purpose;
要配慮個人情報 never appears in a general output.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.japanese import parse_date
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

#: fields an output may contain; ``sensitive`` is 要配慮個人情報 (sensitive_info)
FIELDS = ("name", "kana", "address", "phone", "mobile", "email", "birth_date", "age", "relation", "notes", "sensitive")


@dataclass(frozen=True)
class Consent:
    id: int
    person_id: int | None
    household_id: int | None
    purpose: str
    granted: bool
    granted_on: str | None
    method: str
    form_version: str
    withdrawn_on: str | None
    notes: str

    @property
    def purpose_label(self) -> str:
        return schema.PURPOSES.get(self.purpose, self.purpose)

    def in_effect(self, on: date) -> bool:
        day = on.isoformat()
        if not self.granted or (self.granted_on and self.granted_on > day):
            return False
        return not (self.withdrawn_on and self.withdrawn_on <= day)


@dataclass(frozen=True)
class SensitiveRecord:
    id: int
    person_id: int
    kind: str
    detail: str
    consent_on: str | None


def _household_of_person(reg: Register, person_id: int) -> int:
    row = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [person_id]).fetchone()
    if row is None:
        raise RegisterError("その人が見つかりません。")
    return int(row[0])


def _require_subject(reg: Register, *, person_id: int | None, household_id: int | None, permission: str,
                     doing: str) -> int:
    """Check the session for the household (its 班 included); returns the household id."""
    reg.session.require(permission, doing)
    if (person_id is None) == (household_id is None):
        raise RegisterError("同意は人か世帯のどちらか一方に記録します。")
    hid = _household_of_person(reg, person_id) if person_id is not None else household_id
    row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [hid]).fetchone()
    if row is None:
        raise RegisterError(f"世帯（番号 {hid}）が見つかりません。")
    reg.session.require_block(row[0], doing)
    return int(hid)  # type: ignore[arg-type]


def _consents(reg: Register, where: str, params: list[Any]) -> list[Consent]:
    rows = reg.conn.execute(
        "SELECT id, person_id, household_id, purpose, granted, granted_on, method, form_version, withdrawn_on, notes "
        f"FROM consents WHERE {where} ORDER BY id", params
    ).fetchall()
    return [Consent(r[0], r[1], r[2], r[3], bool(r[4]), *r[5:]) for r in rows]


def list_consents(reg: Register, household_id: int) -> list[Consent]:
    """Every consent record of a household and its people, oldest first (history is kept)."""
    _require_subject(reg, person_id=None, household_id=household_id, permission="register.read", doing="同意の記録を見る")
    return _consents(reg, "household_id = ? OR person_id IN (SELECT id FROM persons WHERE household_id = ?)",
                     [household_id, household_id])


def current_consents(reg: Register, household_id: int) -> dict[tuple[str, int | None], Consent]:
    """The newest record per (purpose, person) — person None for the household's own record."""
    out: dict[tuple[str, int | None], Consent] = {}
    for c in list_consents(reg, household_id):
        out[(c.purpose, c.person_id)] = c
    return out


def set_consent(
    reg: Register, *, purpose: str, granted: bool, granted_on: str | date | None, method: str = "書面",
    person_id: int | None = None, household_id: int | None = None, form_version: str = "", notes: str = "",
) -> int:
    """Record a person's (or household's) answer for one purpose. A new row each time: the
    history of consents stays, the newest one counts."""
    _require_subject(reg, person_id=person_id, household_id=household_id, permission="register.write",
                     doing="同意を記録する")
    if purpose not in schema.CONSENT_PURPOSES:
        raise ValidationError("目的", f"分からない目的です: {purpose}", field="purpose")
    if method not in schema.CONSENT_METHODS:
        raise ValidationError("方法", f"同意の方法は {'・'.join(schema.CONSENT_METHODS)} のどれかです。", field="method")
    day = _date(granted_on, "同意日") if granted_on else None
    if granted and not day:
        raise ValidationError("同意日", "同意を得た日を入力してください。", field="granted_on")
    form_version = clean_text(form_version, field="様式", max_len=50)
    notes = clean_text(notes, field="備考", max_len=500, multiline=True)
    stamp = reg.now()
    with reg.writing("同意の記録"):
        cur = reg.conn.execute(
            "INSERT INTO consents (person_id, household_id, purpose, granted, granted_on, method, form_version, notes, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (person_id, household_id, purpose, int(bool(granted)), day, method, form_version, notes, stamp, stamp),
        )
        who = f"人 {person_id}" if person_id is not None else f"世帯 {household_id}"
        answer = "同意" if granted else "不同意"
        reg._audit_row("consent", "consents", cur.lastrowid,
                       f"{who}の「{schema.PURPOSES[purpose]}」への{answer}を記録しました（{method}）")
    return int(cur.lastrowid)


def withdraw_consent(reg: Register, consent_id: int, on: str | date) -> None:
    row = reg.conn.execute("SELECT person_id, household_id, purpose FROM consents WHERE id = ?", [consent_id]).fetchone()
    if row is None:
        raise RegisterError("その同意の記録が見つかりません。")
    _require_subject(reg, person_id=row[0], household_id=row[1], permission="register.write", doing="同意の撤回を記録する")
    day = _date(on, "撤回日")
    with reg.writing("同意の撤回"):
        reg.conn.execute("UPDATE consents SET withdrawn_on = ?, updated_at = ? WHERE id = ?", (day, reg.now(), consent_id))
        reg._audit_row("consent_withdraw", "consents", consent_id, f"「{schema.PURPOSES.get(row[2], row[2])}」の同意の撤回を記録しました")


def _date(value: str | date, label: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return parse_date(str(value)).isoformat()
    except ValueError as exc:
        raise ValidationError(label, str(exc), field=label) from None


# -- the output rule ------------------------------------------------------------------------------------


class OutputRule:
    """Which people may appear in an output for one purpose, loaded once for many people."""

    def __init__(self, reg: Register, purpose: str, on: date | None = None) -> None:
        if purpose not in schema.PURPOSES:
            raise RegisterError(f"分からない目的です: {purpose}")
        self.purpose = purpose
        self.on = on or reg.today()
        self.can_output = reg.session.can("output")
        self.can_sensitive = reg.session.can("sensitive.read")
        self.block_ids = reg.session.block_ids
        self._person: dict[int, Consent] = {}
        self._household: dict[int, Consent] = {}
        if purpose != "OFFICER_INTERNAL":
            for c in _consents(reg, "purpose = ?", [purpose]):  # newest wins (ordered by id)
                if c.person_id is not None:
                    self._person[c.person_id] = c
                else:
                    self._household[c.household_id] = c  # type: ignore[index]
        self._homes = dict(reg.conn.execute("SELECT p.id, p.household_id FROM persons p"))
        self._blocks = dict(reg.conn.execute("SELECT id, block_id FROM households"))

    def consented(self, person_id: int) -> bool:
        c = self._person.get(person_id)
        if c is None:
            c = self._household.get(self._homes.get(person_id, -1))
        return c is not None and c.in_effect(self.on)

    def allows(self, person_id: int, field: str) -> bool:
        if field not in FIELDS:
            raise RegisterError(f"分からない項目です: {field}")
        if not self.can_output:
            return False
        home = self._homes.get(person_id)
        if home is None or (self.block_ids is not None and self._blocks.get(home) not in self.block_ids):
            return False
        if field == "sensitive":
            # 要配慮個人情報: never in a general output; only the disaster-support list, with the
            # person's own consent, made by a role granted it
            return self.purpose == "BOSAI_SHARE" and self.can_sensitive and self.consented(person_id)
        if self.purpose == "OFFICER_INTERNAL":
            return True
        return self.consented(person_id)


def may_output(reg: Register, person_id: int, field: str, purpose: str, *, on: date | None = None) -> bool:
    """May this person's ``field`` appear in output for ``purpose``? (See the module's rules.)"""
    return OutputRule(reg, purpose, on).allows(person_id, field)


def record_output(reg: Register, document: str, purpose: str, person_count: int, *, action: str = "export") -> None:
    """Write what was exported or printed to the audit log (the 管理台帳)."""
    reg.session.require("output", "名簿や帳票を出力する")
    label = schema.PURPOSES.get(purpose, purpose)
    reg.record(action, f"{document}（目的: {label}、{person_count}人）", purpose=purpose, person_count=person_count)


# -- 要配慮個人情報 ---------------------------------------------------------------------------------------


def list_sensitive(reg: Register, person_id: int) -> list[SensitiveRecord]:
    """Read a person's 要配慮個人情報 (roles granted it only); each look is recorded."""
    hid = _household_of_person(reg, person_id)
    _require_subject(reg, person_id=None, household_id=hid, permission="sensitive.read", doing="要配慮個人情報を見る")
    rows = reg.conn.execute(
        "SELECT id, person_id, kind, detail, consent_on FROM sensitive_info WHERE person_id = ? ORDER BY id", [person_id]
    ).fetchall()
    reg.record("view_sensitive", f"人 {person_id} の要配慮個人情報を表示しました（{len(rows)}件）",
               table="persons", row_id=person_id)
    return [SensitiveRecord(*r) for r in rows]


def add_sensitive(reg: Register, person_id: int, kind: str, detail: str, consent_on: str | date) -> int:
    """Keep one piece of 要配慮個人情報; its prior consent (§20②) date is required."""
    hid = _household_of_person(reg, person_id)
    _require_subject(reg, person_id=None, household_id=hid, permission="sensitive.write", doing="要配慮個人情報を記録する")
    if kind not in schema.SENSITIVE_KINDS:
        raise ValidationError("種類", f"種類は {'・'.join(schema.SENSITIVE_KINDS)} から選んでください。", field="kind")
    if not consent_on:
        raise ValidationError("本人の同意日", "要配慮個人情報は、本人の同意を得てから記録します。同意日を入力してください。",
                              field="consent_on")
    day = _date(consent_on, "本人の同意日")
    detail = clean_text(detail, field="内容", max_len=1000, multiline=True, required=True)
    stamp = reg.now()
    with reg.writing("要配慮個人情報の記録"):
        cur = reg.conn.execute(
            "INSERT INTO sensitive_info (person_id, kind, detail, consent_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (person_id, kind, detail, day, stamp, stamp),
        )
        # the audit log names the kind, never the content
        reg._audit_row("sensitive_add", "sensitive_info", cur.lastrowid, f"人 {person_id} の要配慮個人情報（{kind}）を記録しました")
    return int(cur.lastrowid)


def delete_sensitive(reg: Register, record_id: int) -> None:
    row = reg.conn.execute("SELECT person_id, kind FROM sensitive_info WHERE id = ?", [record_id]).fetchone()
    if row is None:
        raise RegisterError("その記録が見つかりません。")
    hid = _household_of_person(reg, row[0])
    _require_subject(reg, person_id=None, household_id=hid, permission="sensitive.write", doing="要配慮個人情報を消す")
    with reg.writing("要配慮個人情報の削除"):
        reg.conn.execute("DELETE FROM sensitive_info WHERE id = ?", [record_id])
        reg._audit_row("sensitive_delete", "sensitive_info", record_id, f"人 {row[0]} の要配慮個人情報（{row[1]}）を削除しました")


# -- retention ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leaver:
    person_id: int
    household_id: int
    name: str
    status: str
    since: str
    whole_household: bool


def _cutoff(reg: Register, years: int | None) -> str:
    if years is None:
        years = int(reg.conn.execute("SELECT retention_years FROM association WHERE id = 1").fetchone()[0])
    if not 1 <= years <= 100:
        raise ValidationError("年数", "1〜100年で指定してください。", field="years")
    today = reg.today()
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28).isoformat()


def leavers(reg: Register, years: int | None = None) -> list[Leaver]:
    """People who left (moved away, died, left the association) more than ``years`` ago
    (default: the association's retention setting, 5 years)."""
    reg.session.require("retention.purge", "退会者の記録の整理")
    cutoff = _cutoff(reg, years)
    rows = reg.conn.execute(
        """
        SELECT p.id, p.household_id, p.family_name || '　' || p.given_name,
               CASE WHEN h.status IN ('転出','退会','死亡') THEN h.status ELSE p.status END,
               CASE WHEN h.status IN ('転出','退会','死亡') THEN max(h.status_since, p.status_since) ELSE p.status_since END,
               h.status IN ('転出','退会','死亡')
        FROM persons p JOIN households h ON h.id = p.household_id
        WHERE (h.status IN ('転出','退会','死亡') AND h.status_since < :cut)
           OR (h.status IN ('加入','非加入') AND p.status IN ('転出','死亡') AND p.status_since < :cut
               AND p.id IS NOT h.head_person_id)
        ORDER BY 5, p.id
        """,
        {"cut": cutoff},
    ).fetchall()
    return [Leaver(r[0], r[1], r[2].strip("　"), r[3], r[4], bool(r[5])) for r in rows]


@dataclass(frozen=True)
class PurgeSummary:
    households: int
    persons: int
    left_before: str


def purge_leavers(reg: Register, years: int | None = None, *, reason: str = "保存期間を過ぎたため") -> PurgeSummary:
    """Delete, on purpose, the people listed by :func:`leavers` with everything about them
    (status history, consents, 要配慮個人情報, officer history), and blank their entries in the
    audit log. The record of the purge keeps only counts, the date and who did it."""
    reg.session.require("retention.purge", "退会者の記録を消去する")
    if reg.session.block_ids is not None:
        raise PermissionDenied("記録の消去は、すべての班を扱える役割だけができます。")
    found = leavers(reg, years)
    cutoff = _cutoff(reg, years)
    reason = clean_text(reason, field="理由", max_len=200)
    people = [x.person_id for x in found]
    whole = sorted({x.household_id for x in found if x.whole_household})
    if not people:
        return PurgeSummary(0, 0, cutoff)
    reg.backup("purge")
    marks = lambda ids: ",".join("?" * len(ids))  # noqa: E731
    with reg.writing("退会者の記録の消去"):
        c = reg.conn
        c.execute(f"UPDATE blocks SET leader_person_id = NULL WHERE leader_person_id IN ({marks(people)})", people)
        c.execute(f"UPDATE accounts SET person_id = NULL WHERE person_id IN ({marks(people)})", people)
        c.execute(f"UPDATE households SET head_person_id = NULL WHERE head_person_id IN ({marks(people)})", people)
        # their participation in events stays in the numbers, as a count by age band without a name
        from kyodo_desktop.models.activity import band_of

        for event_id, day, birth in c.execute(
                "SELECT pa.event_id, substr(e.starts_at, 1, 10), p.birth_date FROM participations pa "
                f"JOIN events e ON e.id = pa.event_id JOIN persons p ON p.id = pa.person_id "
                f"WHERE pa.person_id IN ({marks(people)}) AND pa.attended IS NOT 0", people).fetchall():
            c.execute("INSERT INTO event_band_counts (event_id, band, kind, count) VALUES (?, ?, 'member', 1) "
                      "ON CONFLICT (event_id, band, kind) DO UPDATE SET count = count + 1",
                      [event_id, band_of(birth, date.fromisoformat(day))])
        # rows about them in other tables: the audit entries that named them are blanked below
        blank: dict[str, list[int]] = {}
        for table, where, params in (
                ("emergency_contacts", f"person_id IN ({marks(people)})" + (
                    f" OR household_id IN ({marks(whole)})" if whole else ""), people + whole),
                ("bousai_members", f"person_id IN ({marks(people)})", people),
                ("roster_exemptions", f"(unit = 'person' AND member_id IN ({marks(people)}))" + (
                    f" OR (unit = 'household' AND member_id IN ({marks(whole)}))" if whole else ""), people + whole),
                ("support_people", f"person_id IN ({marks(people)})", people)):
            blank[table] = [r[0] for r in c.execute(f"SELECT id FROM {table} WHERE {where}", params)]
        for table in ("person_status", "consents", "sensitive_info", "officers", "participations", "volunteer_skills",
                      "volunteers", "emergency_contacts", "safety_results", "bousai_members"):
            c.execute(f"DELETE FROM {table} WHERE person_id IN ({marks(people)})", people)
        # 要配慮: their entry on the list of people who need help goes with them (and they stop being a helper)
        if blank["support_people"]:
            gone = blank["support_people"]
            c.execute(f"DELETE FROM support_helpers WHERE support_id IN ({marks(gone)})", gone)
            c.execute(f"DELETE FROM support_people WHERE id IN ({marks(gone)})", gone)
        c.execute(f"DELETE FROM support_helpers WHERE person_id IN ({marks(people)})", people)
        # rosters: their turns, exemptions, debts and places in a custom order (the ids are not reused for others)
        for unit, ids in (("person", people), ("household", whole)):
            if not ids:
                continue
            rosters = f"roster_id IN (SELECT id FROM rosters WHERE unit = '{unit}')"
            turns = [r[0] for r in c.execute(
                f"SELECT id FROM roster_turns WHERE {rosters} AND (member_id IN ({marks(ids)}) "
                f"OR substitute_id IN ({marks(ids)}))", ids + ids)]
            if turns:
                c.execute(f"DELETE FROM roster_debts WHERE from_turn_id IN ({marks(turns)})", turns)
                c.execute(f"UPDATE roster_debts SET settled_turn_id = NULL WHERE settled_turn_id IN ({marks(turns)})", turns)
                c.execute(f"DELETE FROM roster_turns WHERE id IN ({marks(turns)})", turns)
            c.execute(f"DELETE FROM roster_debts WHERE {rosters} AND (debtor_id IN ({marks(ids)}) "
                      f"OR creditor_id IN ({marks(ids)}))", ids + ids)
            c.execute(f"DELETE FROM roster_members WHERE {rosters} AND member_id IN ({marks(ids)})", ids)
            c.execute(f"DELETE FROM roster_exemptions WHERE unit = '{unit}' AND member_id IN ({marks(ids)})", ids)
        c.execute(f"DELETE FROM persons WHERE id IN ({marks(people)})", people)
        if whole:
            c.execute(f"DELETE FROM consents WHERE household_id IN ({marks(whole)})", whole)
            c.execute(f"DELETE FROM emergency_contacts WHERE household_id IN ({marks(whole)})", whole)
            c.execute(f"DELETE FROM phone_tree_calls WHERE caller_id IN ({marks(whole)}) OR callee_id IN ({marks(whole)})",
                      whole + whole)
            c.execute(f"DELETE FROM station_users WHERE household_id IN ({marks(whole)})", whole)
            c.execute(f"DELETE FROM household_status WHERE household_id IN ({marks(whole)})", whole)
            c.execute(f"DELETE FROM households WHERE id IN ({marks(whole)})", whole)
        # the audit log must not keep what was purged
        c.execute(f"UPDATE audit_log SET summary = '（消去済みの記録）', before = NULL, after = NULL "
                  f"WHERE table_name IN ('persons', 'volunteers') AND row_id IN ({marks(people)})", people)
        if whole:
            c.execute(f"UPDATE audit_log SET summary = '（消去済みの記録）', before = NULL, after = NULL "
                      f"WHERE table_name = 'households' AND row_id IN ({marks(whole)})", whole)
        for table, ids in blank.items():
            if ids:
                c.execute(f"UPDATE audit_log SET summary = '（消去済みの記録）', before = NULL, after = NULL "
                          f"WHERE table_name = ? AND row_id IN ({marks(ids)})", [table, *ids])
        c.execute("INSERT INTO purges (at, actor, left_before, households, persons, reason) VALUES (?, ?, ?, ?, ?, ?)",
                  (reg.now(), reg.actor, cutoff, len(whole), len(people), reason))
        reg._audit_row("purge", "purges", None,
                       f"{cutoff} より前に転出・退会した {len(whole)}世帯・{len(people)}人 の記録を消去しました（{reason}）")
    return PurgeSummary(len(whole), len(people), cutoff)
