"""緊急連絡先 (emergency contacts) and the 連絡網 (phone tree), Qt-free. DOMAIN.md §3.3.

Each household and each person may have several emergency contacts (a relative far away, a
neighbour), in order of priority, with phone numbers normalised like the register's own.

The phone tree is built per 班 from the register as it stands — so when the 班長 change at the
new year it is already right: the 班長 calls the first household in 回覧順, each household the
next, and the last reports back to the 会長 (「つながらない場合は次の方へ。最後の方は会長へ折り返し
報告」). A 班 may instead keep its own calling order (caller → callee, e.g. both ways round); it
must be a tree rooted at the 班長 that reaches every household once — a loop or a household left
out is refused with what is wrong. Only households that agreed to the 連絡網 (consent
``RENRAKUMOU``) are on it by name and number; the others are listed as 「（掲載の同意なし）」 so
that the chain skips them visibly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import PhoneError, normalize_phone
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

RULE = "つながらない場合は次の方へ。最後の方は会長へ折り返し報告してください。"


# -- emergency contacts -------------------------------------------------------------------------------------


@dataclass
class EmergencyContact:
    name: str
    phone: str = ""
    relation: str = ""
    address: str = ""
    priority: int = 1
    notes: str = ""
    household_id: int | None = None
    person_id: int | None = None
    id: int | None = None


def _household_of(reg: Register, contact: EmergencyContact) -> int:
    if (contact.household_id is None) == (contact.person_id is None):
        raise RegisterError("緊急連絡先は、世帯か世帯員のどちらか一方に結び付けてください。")
    if contact.household_id is not None:
        row = reg.conn.execute("SELECT id FROM households WHERE id = ?", [contact.household_id]).fetchone()
    else:
        row = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [contact.person_id]).fetchone()
    if row is None:
        raise RegisterError("この世帯（人）は台帳にありません。")
    return int(row[0])


def _block(reg: Register, household_id: int) -> int | None:
    row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else None


def save_contact(reg: Register, contact: EmergencyContact) -> int:
    """Add or change an emergency contact (the phone number normalised; a bad one refused)."""
    reg.session.require("register.write", "緊急連絡先を記録する")
    hid = _household_of(reg, contact)
    reg.session.require_block(_block(reg, hid), "ほかの班の緊急連絡先を記録する")
    name = clean_text(contact.name, field="連絡先の氏名", max_len=60, required=True)
    area = (reg.conn.execute("SELECT default_area_code FROM association LIMIT 1").fetchone() or [""])[0] or None
    phone = clean_text(contact.phone, field="電話", max_len=40)
    if phone:
        try:
            phone = normalize_phone(phone, area)
        except PhoneError as exc:
            raise ValidationError("電話", str(exc)) from None
    if not 1 <= int(contact.priority) <= 9:
        raise ValidationError("順位", "順位は1〜9で入力してください。")
    values = {"household_id": contact.household_id, "person_id": contact.person_id, "name": name,
              "relation": clean_text(contact.relation, field="続柄・関係", max_len=30), "phone": phone,
              "address": clean_text(contact.address, field="住所", max_len=200), "priority": int(contact.priority),
              "notes": clean_text(contact.notes, field="備考", max_len=500)}
    with reg.writing("緊急連絡先の保存"):
        now = reg.now()
        if contact.id is None:
            cid = int(reg.conn.execute(
                f"INSERT INTO emergency_contacts ({', '.join(values)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(values))}, ?, ?)", [*values.values(), now, now]).lastrowid)
            # the audit log says which household, not the contact's name or number (it goes out as CSV)
            reg._audit_row("insert", "emergency_contacts", cid, f"世帯 {hid} の緊急連絡先を登録しました")
            return cid
        row = reg.conn.execute("SELECT household_id, person_id FROM emergency_contacts WHERE id = ?", [contact.id]).fetchone()
        if row is None:
            raise RegisterError("この緊急連絡先は台帳にありません。")
        old_home = _household_of(reg, EmergencyContact("", household_id=row[0], person_id=row[1]))
        reg.session.require_block(_block(reg, old_home), "ほかの班の緊急連絡先を変更する")
        reg.conn.execute(f"UPDATE emergency_contacts SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ? WHERE id = ?",
                         [*values.values(), now, contact.id])
        reg._audit_row("update", "emergency_contacts", contact.id, f"世帯 {hid} の緊急連絡先を変更しました")
        return contact.id


def delete_contact(reg: Register, contact_id: int) -> None:
    reg.session.require("register.write", "緊急連絡先を削除する")
    row = reg.conn.execute("SELECT household_id, person_id FROM emergency_contacts WHERE id = ?", [contact_id]).fetchone()
    if row is None:
        raise RegisterError("この緊急連絡先は台帳にありません。")
    hid = _household_of(reg, EmergencyContact("", household_id=row[0], person_id=row[1]))
    reg.session.require_block(_block(reg, hid), "ほかの班の緊急連絡先を削除する")
    with reg.writing("緊急連絡先の削除"):
        reg.conn.execute("DELETE FROM emergency_contacts WHERE id = ?", [contact_id])
        reg._audit_row("delete", "emergency_contacts", contact_id, "緊急連絡先を削除しました")


def list_contacts(reg: Register, household_id: int) -> list[EmergencyContact]:
    """The household's contacts and those of its people, by priority."""
    reg.session.require("register.read")
    reg.session.require_block(_block(reg, household_id), "ほかの班の緊急連絡先を見る")
    rows = reg.conn.execute(
        "SELECT name, phone, relation, address, priority, notes, household_id, person_id, id FROM emergency_contacts "
        "WHERE household_id = ? OR person_id IN (SELECT id FROM persons WHERE household_id = ?) "
        "ORDER BY person_id IS NOT NULL, person_id, priority, id", [household_id, household_id]).fetchall()
    return [EmergencyContact(*r) for r in rows]


# -- the phone tree -------------------------------------------------------------------------------------------


@dataclass
class TreeEntry:
    household_id: int
    name: str  # the head's name, or 「（掲載の同意なし）」
    phone: str  # the number to call (landline, or the head's mobile), empty without consent
    alt_phone: str
    consented: bool
    calls: list[int] = field(default_factory=list)  # households this one calls next (in order)
    depth: int = 0


@dataclass
class BlockTree:
    block_id: int
    block: str
    leader_id: int | None  # the 班長's household
    leader: str
    entries: dict[int, TreeEntry]
    order: list[int]  # households in calling order (depth first)
    last: list[int]  # those who report back to the 会長
    custom: bool
    problems: list[str] = field(default_factory=list)


def _consent(reg: Register) -> Any:
    from kyodo_desktop.models.privacy import OutputRule

    return OutputRule(reg, "RENRAKUMOU")


def block_tree(reg: Register, block_id: int, *, rule: Any = None) -> BlockTree:
    """The 班's phone tree as it stands: the 班長's household at the root. ``rule``: the
    連絡網 consents, loaded once for many 班 (see :func:`phone_trees`)."""
    reg.session.require("register.read")
    reg.session.require_block(block_id, "ほかの班の連絡網を見る")
    block = reg.conn.execute("SELECT name, leader_person_id FROM blocks WHERE id = ?", [block_id]).fetchone()
    if block is None:
        raise RegisterError("この班は台帳にありません。")
    name, leader_person = block
    households = reg.conn.execute(
        "SELECT h.id, h.head_person_id, coalesce(p.family_name || '　' || p.given_name, ''), h.landline, "
        "coalesce(p.mobile, '') FROM households h LEFT JOIN persons p ON p.id = h.head_person_id "
        "WHERE h.block_id = ? AND h.status IN ('加入', '非加入') ORDER BY h.circulation_order, h.id", [block_id]).fetchall()
    rule = rule or _consent(reg)
    entries: dict[int, TreeEntry] = {}
    for hid, head, head_name, landline, mobile in households:
        ok = head is not None and rule.consented(head)
        first, second = (landline or mobile, mobile if landline else "")
        entries[hid] = TreeEntry(hid, head_name.strip("　") if ok else "（掲載の同意なし）", first if ok else "",
                                 second if ok else "", ok)
    leader_hh = None
    leader_name = ""
    if leader_person is not None:
        row = reg.conn.execute("SELECT household_id, family_name || '　' || given_name FROM persons WHERE id = ?",
                               [leader_person]).fetchone()
        if row and row[0] in entries:
            leader_hh, leader_name = row[0], row[1].strip("　")
    tree = BlockTree(block_id, name, leader_hh, leader_name, entries, [], [], False)
    if not entries:
        tree.problems.append(f"{name}には住んでいる世帯がありません。")
        return tree
    if leader_hh is None:
        tree.problems.append(f"{name}の班長が決まっていません（名簿の「班」で班長を選んでください）。"
                             "それまでは回覧順の最初の世帯から始めます。")
    calls = reg.conn.execute("SELECT caller_id, callee_id FROM phone_tree_calls WHERE block_id = ? ORDER BY position",
                             [block_id]).fetchall()
    root = leader_hh if leader_hh is not None else next(iter(entries))
    if calls:
        tree.custom = True
        for caller, callee in calls:
            if caller in entries and callee in entries:
                entries[caller].calls.append(callee)
    else:  # the 班長 calls the first in 回覧順, each the next; the 班長 is skipped in the chain
        chain = [h for h in entries if h != root]
        prev = root
        for h in chain:
            entries[prev].calls.append(h)
            prev = h
    seen: list[int] = []

    def walk(h: int, depth: int) -> None:
        seen.append(h)
        entries[h].depth = depth
        for nxt in entries[h].calls:
            if nxt not in seen:
                walk(nxt, depth + 1)

    walk(root, 0)
    tree.order = seen
    tree.last = [h for h in seen if not entries[h].calls]
    missing = [h for h in entries if h not in seen]
    if missing:
        tree.problems.append(f"連絡網から漏れている世帯が{len(missing)}件あります（独自の順番を見直してください）。")
        tree.order += missing
    return tree


def set_calling_order(reg: Register, block_id: int, calls: list[tuple[int, int]]) -> None:
    """A 班's own calling order: (caller, callee) pairs. It must start at the 班長's household,
    reach every household of the 班 exactly once, and have no loop; an empty list goes back to the
    回覧順 chain. Anything else is refused with what is wrong, and nothing changes."""
    reg.session.require("register.write", "連絡網の順番を変える")
    reg.session.require_block(block_id, "ほかの班の連絡網を変える")
    households = {r[0] for r in reg.conn.execute(
        "SELECT id FROM households WHERE block_id = ? AND status IN ('加入', '非加入')", [block_id])}
    leader = reg.conn.execute(
        "SELECT p.household_id FROM blocks b JOIN persons p ON p.id = b.leader_person_id WHERE b.id = ?",
        [block_id]).fetchone()
    if calls:
        if leader is None or leader[0] not in households:
            raise RegisterError("班長が決まっていないため、独自の連絡網は作れません。先に班長を選んでください。")
        root = leader[0]
        outside = {h for pair in calls for h in pair} - households
        if outside:
            raise RegisterError(f"この班に住んでいない世帯が含まれています（{len(outside)}件）。")
        callees = [c for _a, c in calls]
        twice = {c for c in callees if callees.count(c) > 1}
        if twice:
            raise RegisterError(f"同じ世帯に2か所から電話が行くようになっています（{len(twice)}件）。1か所にしてください。")
        if root in callees:
            raise RegisterError("連絡網がひと回りして班長に戻っています（輪になっています）。最後の方は会長へ報告する決まりです。")
        parent = {c: a for a, c in calls}
        for start in callees:  # follow callers up to the root; coming back to where we began is a loop
            seen = {start}
            at = start
            while at in parent:
                at = parent[at]
                if at in seen:
                    raise RegisterError("連絡網が輪になっています（電話がいつまでも回り続けます）。順番を見直してください。")
                seen.add(at)
            if at != root:
                raise RegisterError("班長から始まらない電話のつながりがあります。順番を見直してください。")
        left_out = households - set(callees) - {root}
        if left_out:
            raise RegisterError(f"連絡網に入っていない世帯が{len(left_out)}件あります。すべての世帯を入れてください。")
    with reg.writing("連絡網の順番の保存"):
        reg.conn.execute("DELETE FROM phone_tree_calls WHERE block_id = ?", [block_id])
        reg.conn.executemany("INSERT INTO phone_tree_calls (block_id, caller_id, callee_id, position) VALUES (?, ?, ?, ?)",
                             [(block_id, a, c, n) for n, (a, c) in enumerate(calls)])
        reg._audit_row("update", "phone_tree_calls", block_id,
                       "連絡網を独自の順番にしました" if calls else "連絡網を回覧順に戻しました")


def phone_trees(reg: Register, block_ids: list[int] | None = None) -> list[BlockTree]:
    """Every visible 班's tree, in 班 order."""
    reg.session.require("register.read")
    visible, params = reg.session.block_filter_sql("id")
    ids = [r[0] for r in reg.conn.execute(
        f"SELECT id FROM blocks WHERE retired_on IS NULL AND {visible} ORDER BY sort_order, id", params)]
    rule = _consent(reg)
    return [block_tree(reg, b, rule=rule) for b in ids if block_ids is None or b in block_ids]


def chairperson(reg: Register) -> tuple[str, str]:
    """(name, phone) of this 年度's 会長, whom the last of each 班 reports back to."""
    row = reg.conn.execute(
        "SELECT p.family_name || '　' || p.given_name, coalesce(nullif(p.mobile, ''), h.landline) FROM officers o "
        "JOIN persons p ON p.id = o.person_id JOIN households h ON h.id = p.household_id "
        "WHERE o.role = '会長' ORDER BY o.fiscal_year DESC, o.id DESC LIMIT 1").fetchone()
    return (row[0].strip("　"), row[1] or "") if row else ("会長", "")
