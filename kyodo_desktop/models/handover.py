"""年度替わり・引継ぎ: the yearly hand-over to next year's officers, as one reviewed change.

The 会長 (or whoever holds the 管理者 role) proposes the new year — :func:`propose` fills in what the
register already knows: last year's officers in the same roles, each 班's next 班長 (from a 班長
当番表 if the 班 has one, else the next household in 回覧順, passing over households of only 75+
people), whether the books still need closing and whether the new year's dues can be assigned.
The officer corrects the plan; :func:`describe` lists every change in plain Japanese *before*
anything happens; :func:`apply` makes them all in one transaction (all or nothing, each audited)
and adds one summary row to the audit log. :func:`write_package` then writes the hand-over package:
an encrypted copy of the register, a fresh recovery sheet (when asked) and the printed checklist of
what the new officers receive (``export/handover_docs.py``).

The phone tree needs no step of its own: it is built from the register as it stands
(``contacts.py``), so once the 班長 are set it starts from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import age, fiscal_year_label
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError

#: roles kept from year to year (班長 are per 班 and handled on their own)
ROLES = ("会長", "副会長", "会計", "書記", "監事", "防災部長", "環境部長", "体育部長", "子ども会担当")
PERMISSION = "association.write"
#: a household whose members are all this old or older is passed over for 班長 (as rosters do)
EXEMPT_AGE = 75


@dataclass(frozen=True)
class OfficerChoice:
    role: str
    person_id: int
    name: str = ""


@dataclass(frozen=True)
class LeaderChoice:
    block_id: int
    block: str
    person_id: int | None
    name: str
    source: str  # where the proposal came from: 「当番表…」, 「回覧順で次の世帯」, 「今年度のまま」, 「選択」
    current_id: int | None = None
    current_name: str = ""


@dataclass
class HandoverPlan:
    old_year: int
    new_year: int
    #: close the old year's books with these counted balances (account name → yen); None: leave open
    close_books: dict[str, int] | None = None
    open_books: bool = True
    assess_dues: bool = True
    officers: list[OfficerChoice] = field(default_factory=list)
    leaders: list[LeaderChoice] = field(default_factory=list)
    #: notes for the officer found while proposing (not errors)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HandoverResult:
    new_year: int
    changes: tuple[str, ...]
    closed: bool
    assessed: int


def _require(reg: Register, doing: str) -> None:
    reg.session.require(PERMISSION, doing)
    if reg.read_only:
        raise RegisterError(f"この台帳は読み取り専用で開かれているため、{doing}ことはできません。")


def person_name(reg: Register, person_id: int | None) -> str:
    if person_id is None:
        return ""
    row = reg.conn.execute("SELECT family_name || '　' || given_name FROM persons WHERE id = ?", [person_id]).fetchone()
    return row[0] if row else ""


def _present(reg: Register, person_id: int, on: date) -> bool:
    row = reg.conn.execute(
        "SELECT p.status, h.status FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ?",
        [person_id]).fetchone()
    return bool(row) and row[0] == "在籍" and row[1] in ("加入", "非加入")


def _officers_of(reg: Register, fy: int) -> list[tuple[int, str, int, int | None]]:
    return [tuple(r) for r in reg.conn.execute(
        "SELECT id, role, person_id, block_id FROM officers WHERE fiscal_year = ? ORDER BY id", [fy])]


def _exempt(reg: Register, household_id: int, on: date) -> bool:
    births = [r[0] for r in reg.conn.execute(
        "SELECT birth_date FROM persons WHERE household_id = ? AND status = '在籍'", [household_id])]
    if not births:
        return True
    known = [date.fromisoformat(b) for b in births if b]
    return bool(known) and len(known) == len(births) and all(age(b, on) >= EXEMPT_AGE for b in known)


def _head(reg: Register, household_id: int) -> int | None:
    row = reg.conn.execute(
        "SELECT id FROM persons WHERE household_id = ? AND status = '在籍' "
        "ORDER BY (relation = '世帯主') DESC, birth_date, id LIMIT 1", [household_id]).fetchone()
    return row[0] if row else None


def _roster_leader(reg: Register, block_id: int, on: date) -> tuple[int | None, str] | None:
    """The household (→ its head) a 班長 当番表 of this 班 names for ``on`` or the first turn after."""
    row = reg.conn.execute(
        "SELECT r.id, r.name FROM rosters r JOIN roster_blocks rb ON rb.roster_id = r.id "
        "WHERE rb.block_id = ? AND r.retired_on IS NULL AND r.name LIKE '%班長%' ORDER BY r.id LIMIT 1",
        [block_id]).fetchone()
    if row is None:
        return None
    turn = reg.conn.execute(
        "SELECT household_id, person_id FROM roster_turns WHERE roster_id = ? AND day >= ? "
        "ORDER BY day, id LIMIT 1", [row[0], on.isoformat()]).fetchone()
    if turn is None:
        return None
    person = turn[1] if turn[1] is not None else (_head(reg, turn[0]) if turn[0] is not None else None)
    return person, f"当番表「{row[1]}」"


def _next_in_order(reg: Register, block_id: int, current: int | None, on: date) -> tuple[int | None, str]:
    homes = [r[0] for r in reg.conn.execute(
        "SELECT id FROM households WHERE block_id = ? AND status = '加入' ORDER BY circulation_order, id", [block_id])]
    if not homes:
        return None, "加入世帯がありません"
    cur_home = None
    if current is not None:
        r = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [current]).fetchone()
        cur_home = r[0] if r else None
    start = homes.index(cur_home) + 1 if cur_home in homes else 0
    passed = 0
    for k in range(len(homes)):
        home = homes[(start + k) % len(homes)]
        if home == cur_home and len(homes) > 1:
            continue
        if _exempt(reg, home, on):
            passed += 1
            continue
        person = _head(reg, home)
        if person is not None:
            why = "回覧順で次の世帯"
            if passed:
                why += f"・75歳以上だけの世帯など{passed}世帯を飛ばしました"
            return person, why
    return None, "候補の世帯がありません（全員75歳以上など）"


def propose(reg: Register, new_year: int) -> HandoverPlan:
    """A plan for handing over to ``new_year`` with everything the register already knows (also
    on a register opened read-only: only :func:`apply` changes anything)."""
    reg.session.require(PERMISSION, "年度替わりの準備をする")
    if not isinstance(new_year, int) or not 1900 <= new_year <= 2200:
        raise ValidationError("年度", f"年度「{new_year}」が読めません。", field="new_year")
    old = new_year - 1
    start, _end = ab.year_range(reg, new_year)
    plan = HandoverPlan(old_year=old, new_year=new_year)
    years = {y.fiscal_year: y for y in ab.list_years(reg)}
    plan.open_books = new_year not in years
    plan.close_books = None
    if old in years and years[old].state == "open":
        plan.notes.append(f"{fiscal_year_label(old)}の帳簿はまだ締めていません。監査が済んでいれば、"
                          "実際の残高を入れて一緒に締められます（あとで「会計・報告」から締めることもできます）。")
    plan.assess_dues = True
    taken = _officers_of(reg, new_year)
    if taken:
        plan.notes.append(f"{fiscal_year_label(new_year)}の役員はすでに{len(taken)}件登録されています。"
                          "同じ役職は置き換えられます。")
    for _id, role, person_id, block_id in _officers_of(reg, old):
        if block_id is not None or role == "班長":
            continue
        if _present(reg, person_id, start):
            plan.officers.append(OfficerChoice(role, person_id, person_name(reg, person_id)))
        else:
            plan.notes.append(f"{role}の{person_name(reg, person_id)}さんは名簿にいません（転出など）。新しい{role}を選んでください。")
    # the 班長 of the year being handed over: last year's officer rows when there are any (so that
    # running the hand-over again proposes the same rotation, not the one after it)
    last_year = {block_id: person_id for _i, role, person_id, block_id in _officers_of(reg, old)
                 if role == "班長" and block_id is not None}
    for b in hh.list_blocks(reg):
        current = last_year.get(b.id, b.leader_person_id)
        found = _roster_leader(reg, b.id, start)
        if found is not None and found[0] is not None:
            person, source = found
        else:
            person, source = _next_in_order(reg, b.id, current, start)
        plan.leaders.append(LeaderChoice(b.id, b.name, person, person_name(reg, person), source, current, person_name(reg, current)))
    return plan


def block_people(reg: Register, block_id: int, new_year: int) -> list[tuple[int, str]]:
    """Who could be the 班's 班長: people aged 18+ living in its households, in 回覧順."""
    reg.session.require("register.read")
    start = ab.year_range(reg, new_year)[0]
    out = []
    for pid, name, birth in reg.conn.execute(
            "SELECT p.id, p.family_name || '　' || p.given_name, p.birth_date FROM persons p "
            "JOIN households h ON h.id = p.household_id WHERE h.block_id = ? AND h.status IN ('加入', '非加入') "
            "AND p.status = '在籍' ORDER BY h.circulation_order, h.id, (p.relation = '世帯主') DESC, p.id", [block_id]):
        if birth and age(date.fromisoformat(birth), start) < 18:
            continue
        out.append((pid, name))
    return out


def choose_officer(plan: HandoverPlan, reg: Register, role: str, person_id: int | None) -> HandoverPlan:
    """The plan with ``role`` held by ``person_id`` (None: nobody); several 監事 are added with
    :func:`add_officer_choice`."""
    rest = [o for o in plan.officers if o.role != role]
    if person_id is not None:
        rest.append(OfficerChoice(role, person_id, person_name(reg, person_id)))
    return replace(plan, officers=rest)


def choose_leader(plan: HandoverPlan, reg: Register, block_id: int, person_id: int | None) -> HandoverPlan:
    leaders = [replace(c, person_id=person_id, name=person_name(reg, person_id), source="選択") if c.block_id == block_id
               else c for c in plan.leaders]
    return replace(plan, leaders=leaders)


def check(reg: Register, plan: HandoverPlan) -> list[str]:
    """What stops the plan, in plain Japanese (empty: it can be applied)."""
    problems: list[str] = []
    start = ab.year_range(reg, plan.new_year)[0]
    if plan.new_year != plan.old_year + 1:
        problems.append("新しい年度は前の年度の次の年度にしてください。")
    if not any(o.role == "会長" for o in plan.officers):
        problems.append("新しい会長が決まっていません。")
    for o in plan.officers:
        if not _present(reg, o.person_id, start):
            problems.append(f"{o.role}の{o.name or o.person_id}さんは名簿にいません（転出・死亡など）。")
    for c in plan.leaders:
        if c.person_id is not None:
            row = reg.conn.execute("SELECT h.block_id FROM persons p JOIN households h ON h.id = p.household_id "
                                   "WHERE p.id = ?", [c.person_id]).fetchone()
            if not _present(reg, c.person_id, start):
                problems.append(f"{c.block}の班長の{c.name}さんは名簿にいません。")
            elif row and row[0] != c.block_id:
                problems.append(f"{c.block}の班長の{c.name}さんは、ほかの班の世帯の人です。")
    if plan.close_books is not None:
        found = ab.closing_check(reg, plan.old_year, plan.close_books)
        problems.extend(f"帳簿の締め: {p}" for p in found.problems)
    elif plan.open_books and plan.new_year > ab.year_of(reg, reg.today()) + 1:
        problems.append(f"{fiscal_year_label(plan.new_year)}の帳簿はまだ開けません（開けるのは来年度まで）。")
    if plan.assess_dues and not plan.open_books and plan.close_books is None:
        years = {y.fiscal_year: y for y in ab.list_years(reg)}
        if plan.new_year in years and years[plan.new_year].state == "closed":
            problems.append(f"{fiscal_year_label(plan.new_year)}はもう締めてあるため、会費を割り当てられません。")
    return problems


def describe(reg: Register, plan: HandoverPlan) -> list[str]:
    """Every change :func:`apply` will make, one line each, in the order it makes them."""
    old, new = fiscal_year_label(plan.old_year), fiscal_year_label(plan.new_year)
    lines: list[str] = []
    if plan.close_books is not None:
        found = ab.closing_check(reg, plan.old_year, plan.close_books)
        lines.append(f"会計: {old}の帳簿を締め、残高 {ab.yen(found.carry_over)} を{new}に繰り越します"
                     f"（{old}は以後変更できなくなります）。")
    if plan.open_books or plan.close_books is not None:
        lines.append(f"会計: {new}の帳簿を開きます（会費の額と校下の負担金の率は{old}のものを写します）。")
    if plan.assess_dues:
        lines.append(f"会費: {new}の会費を加入世帯に割り当てます。")
    before = {(r, p) for _i, r, p, b in _officers_of(reg, plan.old_year) if b is None and r != "班長"}
    for o in sorted(plan.officers, key=lambda o: (ROLES.index(o.role) if o.role in ROLES else 99, o.role)):
        kept = "（再任）" if (o.role, o.person_id) in before else "（新任）"
        lines.append(f"役員: {new}の{o.role}を {o.name}さん{kept}とします。")
    for c in plan.leaders:
        if c.person_id == c.current_id:
            lines.append(f"班長: {c.block}は {c.name or '（なし）'}さんのまま続けます。")
        elif c.person_id is None:
            lines.append(f"班長: {c.block}の班長を空けます（{c.current_name or 'なし'}さんは退任）。")
        else:
            lines.append(f"班長: {c.block}の班長を {c.current_name or '（なし）'}さん から {c.name}さん に替えます"
                         f"（{c.source}）。")
    lines.append("連絡網: 新しい班長から始まる形に自動で変わります（名簿から作られるため）。")
    return lines


def apply(reg: Register, plan: HandoverPlan) -> HandoverResult:
    """Make every change of the plan in one transaction; nothing changes if anything fails."""
    _require(reg, "年度替わりを行う")
    problems = check(reg, plan)
    if problems:
        raise ValidationError("年度替わり", "次のことを直してください（何も変えていません）。\n" + "\n".join(problems))
    changes = describe(reg, plan)
    start, _end = ab.year_range(reg, plan.new_year)
    old_end = (start - timedelta(days=1)).isoformat()
    assessed = 0
    with reg.writing("年度替わり"):
        if plan.close_books is not None:
            ab.close_year(reg, plan.old_year, plan.close_books)
        if plan.open_books or plan.close_books is not None:
            ab.open_year(reg, plan.new_year)
        if plan.assess_dues and ab.get_dues_plan(reg, plan.new_year).instalments:
            assessed = ab.assess_dues(reg, plan.new_year)
        # last year's terms end the day before; this year's terms of the same roles are replaced
        reg.conn.execute("UPDATE officers SET end_date = ?, updated_at = ? WHERE fiscal_year = ? AND "
                         "(end_date IS NULL OR end_date > ?)", [old_end, reg.now(), plan.old_year, old_end])
        roles = {o.role for o in plan.officers} | ({"班長"} if plan.leaders else set())
        for oid, role, person_id, block_id in _officers_of(reg, plan.new_year):
            if role in roles:  # (running the hand-over again replaces what it registered before)
                reg.conn.execute("DELETE FROM officers WHERE id = ?", [oid])
                reg._audit_row("delete", "officers", oid, f"{fiscal_year_label(plan.new_year)}の{role}の登録を置き換えました",
                               before={"role": role, "person_id": person_id, "block_id": block_id})
        for o in plan.officers:
            hh.add_officer(reg, o.person_id, o.role, plan.new_year, start.isoformat())
        for c in plan.leaders:
            if c.person_id != c.current_id:
                hh.set_block_leader(reg, c.block_id, c.person_id)
            if c.person_id is not None:
                hh.add_officer(reg, c.person_id, "班長", plan.new_year, start.isoformat(), block_id=c.block_id)
        reg._audit_row("update", "association", 1,
                       f"{fiscal_year_label(plan.new_year)}への年度替わりを行いました（{len(changes)}項目）",
                       after={"changes": changes})
    return HandoverResult(plan.new_year, tuple(changes), plan.close_books is not None, assessed)


@dataclass(frozen=True)
class HandoverPackage:
    folder: Path
    register_copy: Path
    checklist: Path
    recovery_sheet: Path | None


def write_package(reg: Register, folder: Path | str, new_year: int, *, new_recovery_code: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> HandoverPackage:
    """The hand-over package in ``folder`` (e.g. a USB stick): an encrypted copy of the register
    (with its key file: the new officers open it with their own password), the printed checklist
    of what they receive, and — when asked — a recovery sheet with a NEW code (the old sheet stops
    working, so the outgoing officers' copy no longer opens the register)."""
    from kyodo_desktop.export.handover_docs import write_handover_checklist

    reg.session.require("output", "引継ぎの書類を作る")
    folder = Path(folder)
    if not folder.is_dir():
        raise RegisterError(f"保存先のフォルダーが見つかりません: {folder}（USBメモリが抜けていませんか）")
    label = fiscal_year_label(new_year)
    stem = f"{label}_引継ぎ_{reg.path.stem}"
    copy = folder / f"{stem}{reg.path.suffix}"
    checklist = folder / f"{stem}_チェックリスト.pdf"
    sheet = folder / f"{stem}_復旧シート.pdf" if new_recovery_code else None
    for p in (copy, checklist, *(x for x in (sheet,) if x)):
        if p.exists():
            raise RegisterError(f"同じ名前のファイルがすでにあります: {p.name}（別のフォルダーを選んでください）")
    steps = 3 if sheet else 2
    tick = progress or (lambda _d, _t: None)
    if sheet is not None:
        # The new code before the copy, so that the copy's key file holds it (and no longer the old
        # one) — and its sheet on paper before the code is committed: a code that never reached the
        # sheet (a font that lacks a character, a full or pulled-out stick) would leave the register
        # with no working recovery code at all.
        from kyodo_desktop.export.recovery_sheet import write_recovery_sheet
        from kyodo_desktop.models import accounts as acc
        from kyodo_desktop.models import crypto

        reg.session.require("accounts.manage", "復旧シートを作り直す")
        code = crypto.new_recovery_code()
        pending = folder / f"{stem}_復旧シート（作成中）.pdf"
        try:
            write_recovery_sheet(pending, association=hh.get_association(reg)["name"], code=code,
                                 register_file=copy.name, issued=reg.clock())
            acc.new_recovery_code(reg, code)
        except BaseException:
            pending.unlink(missing_ok=True)
            raise
        pending.replace(sheet)
        tick(1, steps)
    reg.backup("handover", target=copy)
    tick(steps - 1, steps)
    write_handover_checklist(reg, checklist, fiscal_year=new_year, register_copy=copy.name,
                             recovery_sheet=sheet.name if sheet else "")
    tick(steps, steps)
    return HandoverPackage(folder, copy, checklist, sheet)
