"""Reading a returned 出欠 tally (Qt-free): the 出欠表 a 班長 sent round and typed into Excel, or any
list with a name and an answer, matched to the people of the register and recorded in one go.

:func:`plan_rsvp_import` changes nothing. It reads the file with the import reader (xlsx, xls,
ods, CSV in UTF-8 or Shift_JIS), finds the header row (氏名 or 世帯名, 班, 出欠 — or the 出席人数 and
欠席 columns of our printed 出欠表), reads each answer (○/×/出/欠/出席/欠席/未定 …) and matches the
name to a person living in the town: family and given name compared without spaces, width or
variant kanji (髙/高), or the reading in kana; a surname alone (our 出欠表 prints surnames) is the
household of that name in the 班, told apart by the 順 column when two share it; its answer is
the 世帯主's. The plan lists what matched, what is ambiguous and what is unknown, with the row.

:func:`apply_rsvp_import` records the answers with :func:`activity.set_rsvp` in one transaction
after a backup, only when every row was understood; otherwise it says which rows, in Japanese,
and nothing changes. People without consent to a personal log (``ACTIVITY_LOG``) are not named:
the plan says how many, and their answers are not recorded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.importing.reader import read_file
from kyodo_desktop.models.importing.table import SUBTOTAL, cell_text, fold_header
from kyodo_desktop.models.japanese import search_fold
from kyodo_desktop.models.register import Register

HEADER_SCAN_ROWS = 30
#: our column → the headers a tally may use (compared after :func:`fold_header`, brackets dropped)
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("氏名", "名前", "お名前", "会員名", "会員氏名", "参加者", "参加者名", "参加者氏名", "氏名(漢字)"),
    "household": ("世帯名", "世帯主", "世帯主氏名", "世帯主名", "世帯", "世帯名(姓)"),
    "family": ("姓", "苗字", "名字", "氏"),
    "given": ("名",),
    "kana": ("フリガナ", "ふりがな", "カナ", "よみ", "読み", "よみがな"),
    "block": ("班", "組", "班名", "組名", "所属班"),
    "order": ("順", "回覧順", "no", "no.", "番号"),
    "answer": ("出欠", "出欠席", "出席", "出・欠", "回答", "参加", "参加・不参加", "参加可否", "出欠確認", "ご出欠"),
    "count": ("出席人数", "参加人数", "人数", "出席者数"),
    "absent": ("欠席",),
    "notes": ("備考", "メモ", "連絡事項"),
}
_LOOKUP = {fold_header(h): key for key, names in HEADERS.items() for h in names}
#: answers → 出席 / 欠席 / 未定 (after NFKC, spaces dropped)
ANSWERS: dict[str, str] = {
    **dict.fromkeys(("○", "〇", "◯", "◎", "出", "出席", "参加", "可", "はい", "有", "する", "します"), "出席"),
    **dict.fromkeys(("×", "✕", "✖", "╳", "x", "欠", "欠席", "不参加", "不可", "いいえ", "無", "しない", "しません"), "欠席"),
    **dict.fromkeys(("△", "▲", "未定", "未", "保留", "検討中", "?", "わからない", "分からない"), "未定"),
}
#: a mark in the 欠席 column of our 出欠表
_MARKS = {"○", "〇", "◯", "◎", "✓", "✔", "レ", "x", "×", "1", "欠", "欠席"}
_HONORIFIC = re.compile(r"(様|さま|さん|殿)$")
SHOWN_PROBLEMS = 10


@dataclass(frozen=True)
class RsvpMatch:
    sheet: str
    row: int  # as the officer sees it in Excel (1-based)
    name: str  # as written in the file
    person_id: int
    person: str  # the register's name
    answer: str  # 出席 / 欠席 / 未定
    household: bool = False  # a 世帯 row: the answer is the 世帯主's
    attending: int | None = None  # 出席人数 written for a household


@dataclass(frozen=True)
class RsvpProblem:
    sheet: str
    row: int
    name: str
    message: str
    candidates: tuple[str, ...] = ()

    def text(self) -> str:
        where = f"シート「{self.sheet}」{self.row}行目" if self.sheet else f"{self.row}行目"
        who = f"（{self.name}）" if self.name else ""
        more = f" 候補: {'、'.join(self.candidates)}" if self.candidates else ""
        return f"{where}{who}: {self.message}{more}"


@dataclass
class RsvpPlan:
    event_id: int
    event: str
    source: str
    matched: list[RsvpMatch] = field(default_factory=list)
    ambiguous: list[RsvpProblem] = field(default_factory=list)
    unknown: list[RsvpProblem] = field(default_factory=list)
    errors: list[RsvpProblem] = field(default_factory=list)  # rows that cannot be read (an answer nobody knows …)
    no_answer: list[int] = field(default_factory=list)  # rows with a name but no answer: left out
    not_logged: list[RsvpMatch] = field(default_factory=list)  # no consent to a personal log: not recorded

    @property
    def ready(self) -> bool:
        return bool(self.matched) and not (self.errors or self.ambiguous or self.unknown)

    def problems(self) -> list[RsvpProblem]:
        return sorted([*self.errors, *self.ambiguous, *self.unknown], key=lambda p: (p.sheet, p.row))

    def answers(self) -> dict[str, int]:
        out = {"出席": 0, "欠席": 0, "未定": 0}
        for m in self.matched:
            out[m.answer] += 1
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "event": self.event, "source": self.source, "answers": self.answers(), "matched": len(self.matched),
            "not_logged": len(self.not_logged), "ambiguous": len(self.ambiguous), "unknown": len(self.unknown),
            "errors": len(self.errors), "no_answer_rows": self.no_answer, "ready": self.ready,
            "problems": [p.text() for p in self.problems()],
        }


def _header_key(text: Any) -> str | None:
    h = fold_header(text)
    if not h:
        return None
    return _LOOKUP.get(h) or _LOOKUP.get(re.sub(r"\(.*?\)", "", h))


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """(row index, column of each of our keys) of the first row naming a person and an answer."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = _header_key(cell)
            if key and key not in columns:
                columns[key] = col
        named = {"name", "household", "family"} & set(columns)
        answered = {"answer", "count", "absent"} & set(columns)
        if named and answered:
            return i, columns
    return None


def _answer(raw: str) -> str | None:
    t = re.sub(r"\s", "", unicodedata.normalize("NFKC", raw)).lower()
    return ANSWERS.get(t) or ANSWERS.get(unicodedata.normalize("NFKC", t))


def _clean_name(text: str) -> str:
    return _HONORIFIC.sub("", unicodedata.normalize("NFKC", text).strip()).strip()


def _block_name(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return f"{t}班" if t.isdigit() else t


@dataclass
class _Town:
    """The people living in the town, indexed for matching (loaded once)."""

    people: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # id → (name, 班, household)
    by_name: dict[str, list[int]] = field(default_factory=dict)  # folded full name or kana → ids
    heads: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (班, folded surname) → head ids
    surnames: dict[str, list[int]] = field(default_factory=dict)  # folded surname → head ids (any 班)
    order: dict[tuple[str, int], int] = field(default_factory=dict)  # (班, 順 on the 出欠表) → head id
    blocks: set[str] = field(default_factory=set)
    block_of: dict[int, str] = field(default_factory=dict)


def _town(reg: Register) -> _Town:
    town = _Town()
    visible, params = reg.session.block_filter_sql("h.block_id")
    town.blocks = {r[0] for r in reg.conn.execute("SELECT name FROM blocks WHERE retired_on IS NULL")}
    rows = reg.conn.execute(
        "SELECT p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, coalesce(b.name, ''), h.id, "
        "h.head_person_id = p.id, h.circulation_order, p.status "
        "FROM households h LEFT JOIN persons p ON p.household_id = h.id LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE h.status IN ('加入', '非加入') AND {visible} ORDER BY b.sort_order, h.circulation_order, h.id, p.position",
        params).fetchall()
    position: dict[str, int] = {}
    seen_households: set[int] = set()
    for pid, family, given, fk, gk, block, hid, is_head, _order, status in rows:
        if hid not in seen_households:  # the 出欠表 numbers every household of the 班 in 回覧順
            seen_households.add(hid)
            position[block] = position.get(block, 0) + 1
            if is_head and status == "在籍":
                town.order[(block, position[block])] = pid
        if pid is None or status != "在籍":
            continue
        name = f"{family}　{given}".strip("　")
        town.people[pid] = (name, block, str(hid))
        town.block_of[pid] = block
        for key in {search_fold(family + given), search_fold((fk or "") + (gk or ""))}:
            if key:
                town.by_name.setdefault(key, []).append(pid)
        if is_head:
            town.heads.setdefault((block, search_fold(family)), []).append(pid)
            town.surnames.setdefault(search_fold(family), []).append(pid)
    return town


def _describe(town: _Town, pid: int) -> str:
    name, block, _hid = town.people[pid]
    return f"{name}（{block}）" if block else name


def plan_rsvp_import(reg: Register, event_id: int, path: Path | str) -> RsvpPlan:
    """Read a returned 出欠 tally and match it against the register. Changes nothing."""
    from kyodo_desktop.models.activity import get_event
    from kyodo_desktop.models.privacy import OutputRule

    reg.session.require("register.read")
    event = get_event(reg, event_id)
    if event.status == "中止":
        raise RegisterError(f"行事「{event.title}」は中止になっているため、出欠を取り込めません。")
    path = Path(path)
    sheets = read_file(path)
    plan = RsvpPlan(event_id, event.title, path.name)
    town = _town(reg)
    consent = OutputRule(reg, "ACTIVITY_LOG", date.fromisoformat(event.starts_at[:10]))
    found_any = False
    many = len(sheets) > 1
    first_row: dict[int, tuple[str, int, str]] = {}  # person → (sheet, row, answer) first seen
    for sheet in sheets:
        header = _find_header(sheet.rows)
        if header is None:
            continue
        found_any = True
        index, cols = header
        sheet_block = _block_name(sheet.name) if _block_name(sheet.name) in town.blocks else ""
        label = sheet.name if many else ""

        def cell(row: list[Any], key: str, cols: dict[str, int] = cols) -> str:
            col = cols.get(key)
            return cell_text(row[col]) if col is not None and col < len(row) else ""

        for n, row in enumerate(sheet.rows[index + 1:], start=index + 2):
            texts = [cell_text(c) for c in row]
            if not any(texts):
                continue
            if any(t.replace(" ", "").replace("　", "") in SUBTOTAL for t in texts[:3]) or \
                    any(t.startswith(("合計", "計　", "計 ")) for t in texts[:3]):
                continue
            name = _clean_name(cell(row, "name") or cell(row, "household")
                               or f"{cell(row, 'family')}{cell(row, 'given')}")
            household = not cell(row, "name") and bool(cell(row, "household"))
            answer, attending, why = _read_answer(cell(row, "answer"), cell(row, "count"), cell(row, "absent"))
            if not name:
                if answer or why:
                    plan.errors.append(RsvpProblem(label, n, "", "名前がありません。"))
                continue
            if why:
                plan.errors.append(RsvpProblem(label, n, name, why))
                continue
            if answer is None:
                plan.no_answer.append(n)
                continue
            block = _block_name(cell(row, "block")) or sheet_block
            if block and block not in town.blocks:
                plan.unknown.append(RsvpProblem(label, n, name, f"「{block}」という班は名簿にありません。"))
                continue
            order = cell(row, "order")
            pid, by_household, problem = _match(town, name, block, int(order) if order.isdigit() else None,
                                                household, cell(row, "kana"))
            if problem is not None:
                kind, message, candidates = problem
                target = plan.ambiguous if kind == "ambiguous" else plan.unknown
                target.append(RsvpProblem(label, n, name, message, tuple(_describe(town, c) for c in candidates)))
                continue
            assert pid is not None
            if pid in first_row:
                sheet0, row0, answer0 = first_row[pid]
                if answer0 != answer:
                    where = f"シート「{sheet0}」{row0}行目" if sheet0 else f"{row0}行目"
                    plan.errors.append(RsvpProblem(label, n, name, f"{where}と同じ人（{town.people[pid][0]}）で、"
                                                   f"出欠が違います（{answer0}・{answer}）。"))
                continue
            first_row[pid] = (label, n, answer)
            match = RsvpMatch(label, n, name, pid, town.people[pid][0], answer, by_household, attending)
            (plan.matched if consent.consented(pid) else plan.not_logged).append(match)
    if not found_any:
        raise RegisterError(f"出欠の表が見つかりません: {path.name}（「氏名」か「世帯名」の列と、「出欠」か"
                            "「出席人数」「欠席」の列が必要です）")
    return plan


def _read_answer(answer: str, count: str, absent: str) -> tuple[str | None, int | None, str]:
    """(出席/欠席/未定 or None when not answered, 出席人数, why the row cannot be read)."""
    attending = None
    if count:
        c = unicodedata.normalize("NFKC", count).replace("人", "").replace("名", "").strip()
        if not c.isdigit():
            return None, None, f"出席人数「{count}」は数で書いてください。"
        attending = int(c)
        if attending > 20:
            return None, None, f"出席人数（{attending}人）が多すぎます。"
    marked = bool(absent) and unicodedata.normalize("NFKC", absent).strip().lower() in _MARKS
    if absent and not marked:
        return None, None, f"欠席の欄「{absent}」が分かりません（欠席なら○をつけてください）。"
    said = None
    if answer:
        said = _answer(answer)
        if said is None:
            return None, None, f"出欠「{answer}」が分かりません（○・×・出席・欠席・未定 のどれかにしてください）。"
    if attending is not None:
        from_count = "出席" if attending > 0 else "欠席"
        if marked and attending > 0:
            return None, None, f"出席人数（{attending}人）と欠席の両方に記入があります。"
        if said is not None and said != from_count and said != "未定":
            return None, None, f"出欠「{answer}」と出席人数（{attending}人）が合いません。"
        said = said or from_count
    if marked:
        if said == "出席":
            return None, None, "出席と欠席の両方に記入があります。"
        said = "欠席"
    return said, attending, ""


def _match(town: _Town, name: str, block: str, order: int | None, household: bool,
           kana: str) -> tuple[int | None, bool, tuple[str, str, list[int]] | None]:
    """(the person a row means, whether as the head of a household named by its surname, or
    (ambiguous/unknown, message, candidates))."""
    key = search_fold(name)
    where = f"{block}に" if block else "名簿に"

    def in_block(ids: list[int]) -> list[int]:
        return [i for i in ids if not block or town.block_of.get(i) == block]

    people = in_block(town.by_name.get(key, []))
    if not people and kana:
        people = in_block(town.by_name.get(search_fold(kana), []))
    if len(people) == 1:
        return people[0], False, None
    if len(people) > 1:
        return None, False, ("ambiguous", f"同じ名前の人が{where}{len(people)}人います。班か順を書き足してください。", people)
    # a surname alone: the household of that name (the 出欠表 prints surnames)
    heads = town.heads.get((block, key), []) if block else town.surnames.get(key, [])
    if order is not None and block:
        at = town.order.get((block, order))
        if at is not None and at in heads:
            return at, True, None
    if len(heads) == 1:
        return heads[0], True, None
    if len(heads) > 1:
        return None, False, ("ambiguous", f"「{name}」の世帯が{where}{len(heads)}軒あります。順の列で区別してください。", heads)
    what = "世帯" if household else "人"
    return None, False, ("unknown", f"この{what}は{where}見つかりません（転出した方や、名前の書き違いかもしれません）。", [])


def apply_rsvp_import(reg: Register, plan: RsvpPlan) -> dict[str, int]:
    """Record the answers in one transaction (after a backup), only if every row was understood.
    Returns the count per answer. Nothing changes if anything is wrong."""
    from kyodo_desktop.models.activity import set_rsvp

    reg.session.require("activity.write", "出欠を取り込む")
    problems = plan.problems()
    if problems:
        shown = "\n".join(p.text() for p in problems[:SHOWN_PROBLEMS])
        more = f"\nほか{len(problems) - SHOWN_PROBLEMS}件" if len(problems) > SHOWN_PROBLEMS else ""
        raise RegisterError(f"「{plan.source}」に読めない行や名簿で決まらない行が{len(problems)}件あるため、"
                            f"取り込みませんでした（台帳は変わっていません）。\n{shown}{more}")
    if not plan.matched:
        raise RegisterError(f"「{plan.source}」に取り込める出欠がありません。")
    answers = {m.person_id: m.answer for m in plan.matched}
    reg.backup("import")
    with reg.writing("出欠の取り込み"):
        result = set_rsvp(reg, plan.event_id, answers)
        if result.refused or result.counted:  # someone left before the event: the whole import stops
            why = "、".join(f"{name}さん（{reason}）" for name, reason in result.refused) or "同意の記録が変わりました"
            raise RegisterError(f"出欠を記録できない人がいるため、取り込みませんでした（台帳は変わっていません）: {why}")
        counts = plan.answers()
        reg._audit_row("import", "participations", plan.event_id,
                       f"行事「{plan.event}」の出欠を「{plan.source}」から取り込みました（出席{counts['出席']}人・"
                       f"欠席{counts['欠席']}人・未定{counts['未定']}人）", person_count=len(answers))
    return counts
