"""当番表 on paper (Qt-free): the A4 roster that goes round the 班 and the 当番札 slips handed from
household to household. DOMAIN.md §3.4.

Both go beyond the officers, so names follow the 回覧 rule of the circular: the surname, or the
full name where the household agreed to its name on circulars (KAIRAN); two households that
would print alike are told apart by 班 and 回覧順. An officer's memo on a turn stays in the
register; only the swap notes (「○○さんと交代」「交代の返し」) are printed, and a missed turn is not
marked on paper. Every page carries the purpose of use; printing is recorded in the audit log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kyodo_desktop.export.documents import PrintResult, Progress, _clip, _fit, _save, _tick
from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range, parse_date, to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

ROSTER_NOTICE = "この当番表は当番の連絡のためだけに使います。名前を写したり、ほかの人に渡したりしないでください。"
SLIP_NOTICE = "この札は当番の受け渡しのためだけに使います。"
NO_HEAD = "（世帯主未登録）"
_SWAP_NOTES = ("さんと交代", "さんが代わりに")


# -- the period, the turns and the names ------------------------------------------------------------------


def _as_date(value: Any, label: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        raise RegisterError(f"{label}が日付として読めません: 「{value}」（例: 令和8年4月1日、2026-04-01）") from None


def roster_period(reg: Register, roster_id: int, start: Any = None, end: Any = None) -> tuple[date, date]:
    """The period a roster document covers: from ``start`` (default today) to ``end`` — by default
    the end of what has been given out, no further than the end of the 年度 (in its last month,
    the next 年度's end)."""
    first = _as_date(start, "期間の始まり") if start not in (None, "") else reg.today()
    if end not in (None, ""):
        last = _as_date(end, "期間の終わり")
    else:
        month = int(get_association(reg).get("fiscal_year_start_month") or 4)
        fy_end = fiscal_year_range(fiscal_year(first, month), month)[1]
        if (fy_end - first).days < 31:
            fy_end = fiscal_year_range(fiscal_year(first, month) + 1, month)[1]
        until = reg.conn.execute("SELECT max(ends_on) FROM roster_turns WHERE roster_id = ?", [roster_id]).fetchone()[0]
        last = min(date.fromisoformat(until), fy_end) if until else fy_end
        last = max(last, first)
    if last < first:
        raise RegisterError(f"期間の終わり（{to_wareki(last)}）が始まり（{to_wareki(first)}）より前です。")
    return first, last


def day_text(d: date) -> str:
    """「4月6日（月）」"""
    return f"{d.month}月{d.day}日（{ro.WEEKDAY_NAMES[d.weekday()]}）"


def span_text(first: date, last: date) -> str:
    """「4月6日（月）〜10日（金）」, 「4月27日（月）〜5月1日（金）」 or one day."""
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{day_text(first)}〜{last.day}日（{ro.WEEKDAY_NAMES[last.weekday()]}）"
    return f"{day_text(first)}〜{day_text(last)}"


def wareki_span(first: date, last: date) -> str:
    """「令和8年4月1日（水）〜令和8年6月30日（火）」"""
    def one(d: date) -> str:
        return f"{to_wareki(d)}（{ro.WEEKDAY_NAMES[d.weekday()]}）"

    return one(first) if first == last else f"{one(first)}〜{one(last)}"


def roster_title(name: str) -> str:
    """「ごみステーション当番表」: the roster's name, with 当番表 unless it says so already."""
    if name.endswith("当番表"):
        return name
    return name + ("表" if name.endswith("当番") else "当番表")


def slip_title(name: str) -> str:
    """「ごみステーション当番札」"""
    base = name[:-1] if name.endswith("当番表") else name
    return base + ("札" if base.endswith("当番") else "当番札")


@dataclass
class RosterTurn:
    """One turn as printed: its days and everyone given it (more than one when a turn takes two)."""

    seq: int
    first: date
    last: date
    off: list[tuple[date, str]]  # days inside the turn without duty (a holiday skipped), and why
    members: list[str]  # names as printed, of those given the turn
    doers: list[str]  # who does it (the substitute where there is one)
    doer_ids: list[int]
    swaps: list[tuple[str, str]]  # (substitute, note) where someone else does it
    done: bool
    block_ids: set[int] = field(default_factory=set)


@dataclass
class RosterSheet:
    """Everything a roster document needs, read once (on the database thread)."""

    data: ro.RosterData
    title: str
    first: date
    last: date
    turns: list[RosterTurn]
    next_after: list[str]  # who has the turn after the period (for the last slip), if given out
    rules: list[tuple[str, str]]  # (label, text) printed at the top
    scope: str  # 対象: the 班 or the station, and the 班 chosen
    contact: str  # 班長 or 町会の役員: who to tell
    association: dict[str, Any]
    households: int


def _member_blocks(reg: Register, unit: str, ids: list[int]) -> dict[int, int | None]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    if unit == "person":
        return dict(reg.conn.execute(
            f"SELECT p.id, h.block_id FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id IN ({marks})",
            ids))
    return dict(reg.conn.execute(f"SELECT id, block_id FROM households WHERE id IN ({marks})", ids))


def printed_names(reg: Register, unit: str, ids: set[int]) -> dict[int, str]:
    """Names as they go round the neighbourhood: the surname, or the full name with the KAIRAN
    consent; names that would print alike get their 班 and 回覧順 (and then a number)."""
    rule = OutputRule(reg, "KAIRAN")
    out: dict[int, str] = {}
    where: dict[int, str] = {}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    if unit == "person":
        rows = reg.conn.execute(
            "SELECT p.id, p.id, p.family_name, p.given_name, coalesce(b.name, ''), h.circulation_order "
            "FROM persons p JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id "
            f"WHERE p.id IN ({marks})", list(ids)).fetchall()
    else:
        rows = reg.conn.execute(
            "SELECT h.id, p.id, p.family_name, p.given_name, coalesce(b.name, ''), h.circulation_order "
            "FROM households h LEFT JOIN persons p ON p.id = h.head_person_id LEFT JOIN blocks b ON b.id = h.block_id "
            f"WHERE h.id IN ({marks})", list(ids)).fetchall()
    for mid, pid, family, given, block, order in rows:
        if pid is None or not (family or given):
            out[mid] = NO_HEAD
        elif given and rule.consented(pid):
            out[mid] = f"{family}　{given}".strip("　")
        else:
            out[mid] = family or given
        where[mid] = f"{block}・{order}番" if block else f"{order}番"
    for rounds in range(2):
        seen: dict[str, list[int]] = {}
        for mid in sorted(out):
            seen.setdefault(out[mid], []).append(mid)
        for same in seen.values():
            if len(same) < 2:
                continue
            for n, mid in enumerate(same, start=1):
                out[mid] = f"{out[mid]}（{where[mid]}）" if rounds == 0 else f"{out[mid]}-{n}"
    return out


def _shown_note(note: str, full: dict[int, str], shown: dict[int, str], ids: list[int]) -> str:
    """A swap's note as printed (names as on the roster); an officer's own memo is not printed."""
    if not (note.endswith(_SWAP_NOTES) or note.startswith("交代の返し")):
        return ""
    for i in ids:
        if full.get(i):
            note = note.replace(f"{full[i]}さん", f"{shown.get(i, full[i])}さん")
    return note


def _weekdays_text(days: list[int]) -> str:
    days = sorted(days)
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{ro.WEEKDAY_NAMES[days[0]]}〜{ro.WEEKDAY_NAMES[days[-1]]}"
    return "・".join(ro.WEEKDAY_NAMES[d] for d in days)


def _rules(reg: Register, data: ro.RosterData, first: date, last: date) -> list[tuple[str, str]]:
    unit = "世帯" if data.unit == "household" else "人"
    if data.cadence == "monthly":
        how = ro.monthly_label(data.monthly_rule)
    elif data.cadence == "event":
        how = f"行事（{data.event_category}）のたび"
    elif data.cadence == "dates":
        how = "決めた日"
    elif data.cadence == "weekly":
        how = f"毎週・{_weekdays_text(data.weekdays)}（1週間ずつ交代）"
    elif data.cadence == "weekdays":
        how = f"毎週{_weekdays_text(data.weekdays)}曜（1日ずつ交代）"
    else:
        how = "毎日（1日ずつ交代）"
    how += f"・1回{data.per_turn}{unit}" if data.per_turn > 1 else ""
    order = "利用世帯の番号順" if data.pool == "station" and data.ordering == "circulation" else ro.ORDER_LABELS[data.ordering]
    how += f"・{order}に交代"
    rules = []
    if data.duty:
        rules.append(("当番の内容", data.duty))
    rules.append(("間隔", how))
    if data.cadence not in ("dates", "event"):
        off = ["祝日は休み" if data.skip_holidays else "祝日も当番があります",
               "年末年始（12月29日〜1月3日）は休み" if data.skip_year_end else "年末年始も当番があります"]
        if data.skip_local_days:
            local = [f"{day_text(date.fromisoformat(d))}・{name}" for d, name in ro.non_working_days(reg).items()
                     if first.isoformat() <= d <= last.isoformat()]
            if local:
                off.append("地域の休みの日（" + "、".join(local) + "）は休み")
        rules.append(("休み", "。".join(off) + "。"))
    return rules


def read_roster(reg: Register, roster_id: int, start: Any = None, end: Any = None, *,
                block_ids: list[int] | None = None) -> RosterSheet:
    """The roster's turns in the period, with names as printed; refused with a clear message when
    there are none (the turns have to be given out first)."""
    data = ro.get_roster(reg, roster_id)
    first, last = roster_period(reg, roster_id, start, end)
    if block_ids is not None:
        for b in block_ids:
            reg.session.require_block(b, "ほかの班の当番表を印刷する")
    chosen = set(block_ids) if block_ids is not None else (
        set(reg.session.block_ids) if reg.session.block_ids is not None else None)  # a 班長: their own 班
    turns = ro.list_turns(reg, roster_id, first, last)
    later = [t for t in ro.list_turns(reg, roster_id, last + timedelta(days=1)) if t.starts_on > last.isoformat()]
    ids = {t.member_id for t in turns + later} | {t.substitute_id for t in turns + later if t.substitute_id is not None}
    full = {t.member_id: t.member for t in turns + later} | {
        t.substitute_id: t.substitute for t in turns + later if t.substitute_id is not None}
    shown = printed_names(reg, data.unit, ids)
    blocks = _member_blocks(reg, data.unit, sorted(ids))
    local = set(ro.non_working_days(reg)) if data.skip_local_days else set()
    calendar = data.calendar(local)
    grouped: dict[int, RosterTurn] = {}
    for t in turns:
        row = grouped.get(t.seq)
        if row is None:
            begin, finish = date.fromisoformat(t.starts_on), date.fromisoformat(t.ends_on)
            off = []
            if data.cadence == "weekly":
                d = begin
                while d <= finish:
                    if d.weekday() in data.weekdays and d.isoformat() not in t.days:
                        off.append((d, calendar.why_off(d) or "休み"))
                    d += timedelta(days=1)
            row = grouped[t.seq] = RosterTurn(t.seq, begin, finish, off, [], [], [], [], True)
        row.members.append(shown.get(t.member_id, t.member))
        row.doers.append(shown.get(t.doer_id, ""))
        row.doer_ids.append(t.doer_id)
        row.done = row.done and t.status == "済"
        row.block_ids.add(blocks.get(t.member_id))  # type: ignore[arg-type]
        if t.substitute_id is not None:
            note = _shown_note(t.note, full, shown, [t.member_id, t.substitute_id])
            row.swaps.append((shown.get(t.substitute_id, t.substitute), note))
    rows = [r for r in grouped.values() if chosen is None or r.block_ids & chosen]
    order = [tuple(r) for r in reg.conn.execute("SELECT id, name FROM blocks ORDER BY sort_order, id")]

    def block_names(ids: set[int] | list[int]) -> str:
        return "・".join(name for b, name in order if b in ids)

    first = max(first, min(data.start, last))  # a roster that starts later is printed from its start
    period = wareki_span(first, last)
    if not rows:
        if grouped:  # there are turns, but none of the 班 chosen
            where = block_names(chosen or set())
            raise RegisterError(f"{period}の当番表「{data.name}」には、{where}の世帯の当番がありません。")
        raise RegisterError(f"{period}には、当番表「{data.name}」の当番がありません。"
                            "先に「当番表」の「○月○日まで決める」で当番を決めてください。")
    next_after: list[str] = []
    if later:
        seq = later[0].seq
        next_after = [shown.get(t.doer_id, "") for t in later if t.seq == seq]
    if data.pool == "blocks":
        scope = block_names(data.block_ids)
    elif data.pool == "station":
        station = reg.conn.execute("SELECT name FROM stations WHERE id = ?", [data.station_id]).fetchone()
        scope = f"ごみステーション「{station[0]}」の利用世帯" if station else "ごみステーションの利用世帯"
    else:
        scope = f"選んだ{'世帯' if data.unit == 'household' else '方'}"
    if chosen is not None and (data.pool != "blocks" or set(data.block_ids) - chosen):
        scope += f"（このうち {block_names(chosen)} の分）"
    return RosterSheet(
        data=data, title=roster_title(data.name), first=first, last=last, turns=rows, next_after=next_after,
        rules=_rules(reg, data, first, last), scope=scope,
        contact="班長" if data.pool == "blocks" else "町会の役員", association=get_association(reg),
        households=len({i for r in rows for i in r.doer_ids}))


# -- drawing helpers ------------------------------------------------------------------------------------------


def _put(c: Any, chain: FontChain, x: float, y: float, text: str, size: float, width: float, align: str = "l") -> None:
    """``text`` in a box ``width`` wide: shrunk to fit, cut with 「…」 if still too wide."""
    if not text:
        return
    s = _fit(chain, text, size, width)
    text = _clip(chain, text, s, width)
    w = chain.width(text, s)
    tx = x if align == "l" else x + width - w if align == "r" else x + (width - w) / 2
    chain.draw(c, tx, y, text, s)


def _paragraph(chain: FontChain, text: str, size: float, leading: float) -> Any:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    return Paragraph(chain.markup(text), ParagraphStyle(f"p{size}", fontName=chain.main, fontSize=size,
                                                        leading=leading, wordWrap="CJK"))


def _fitted_paragraph(chain: FontChain, text: str, size: float, width: float, height: float) -> tuple[Any, float]:
    """A paragraph that fits ``height``: the size comes down (to 7 pt) before the text is cut."""
    while True:
        para = _paragraph(chain, text, size, size * 1.4)
        _w, h = para.wrap(width, height)
        if h <= height or size <= 7:
            break
        size -= 0.5
    while h > height and len(text) > 10:  # still too long at 7 pt: cut, never overflow
        text = text[:int(len(text) * 0.9)].rstrip() + "…"
        para = _paragraph(chain, text, size, size * 1.4)
        _w, h = para.wrap(width, height)
    return para, h


def _footer(chain: FontChain, association: dict[str, Any], width: float, notice: str) -> list[tuple[Any, float]]:
    lines = [notice]
    if association.get("purpose_of_use"):
        lines.append(f"{association['name']}の個人情報の利用目的: {association['purpose_of_use']}")
    out = []
    for line in lines:
        para, h = _fitted_paragraph(chain, line, 8, width, 36)
        out.append((para, h))
    return out


# -- the roster ------------------------------------------------------------------------------------------------

#: (header, width in mm) of the roster's table on A4 portrait (180 mm between the margins): turns of
#: a week need a wide 日付 column, turns of a day leave the room to the names
ROSTER_COLUMNS = (("期間", 20.0), ("日付（曜日）", 58.0), ("担当", 38.0), ("交代", 42.0), ("確認", 22.0))
ROSTER_COLUMNS_DAYS = (("期間", 20.0), ("日付（曜日）", 38.0), ("担当", 54.0), ("交代", 46.0), ("確認", 22.0))


def _lines(c: Any, chain: FontChain, x: float, top: float, w: float, h: float, lines: list[tuple[str, float]]) -> None:
    """One or two lines (text, size) in a cell ``h`` high, centred as a block; the second line may
    be a small note under the first."""
    lines = [(t, s) for t, s in lines if t][:2]
    if not lines:
        return
    gap = 1.2 * 72 / 25.4
    sizes = [_fit(chain, t, s, w) for t, s in lines]
    block = sum(s * 0.88 for s in sizes) + gap * (len(lines) - 1)
    y = top - (h - block) / 2
    for (text, _s), size in zip(lines, sizes, strict=True):
        y -= size * 0.88
        chain.draw(c, x, y, _clip(chain, text, size, w), size)
        y -= gap


def _names(chain: FontChain, names: list[str], size: float, w: float) -> list[tuple[str, float]]:
    """Names on one line, or on two when one line would make them small."""
    one = "・".join(names)
    if len(names) < 2 or _fit(chain, one, size, w) >= min(size, 10.5):
        return [(one, size)]
    half = math.ceil(len(names) / 2)
    return [("・".join(names[:half]) + "・", min(size, 10.5)), ("・".join(names[half:]), min(size, 10.5))]


def write_roster(reg: Register, target: Path, *, roster_id: int, start: Any = None, end: Any = None,
                 block_ids: list[int] | None = None, record: bool = True, progress: Progress = None) -> PrintResult:
    """The A4 当番表: the duty and its rules at the top, then one row per turn — 期間 (the month),
    日付（曜日）, 担当, 交代 and an empty 確認 box for a stamp or a tick — with the purpose of use and
    「n / N」 at the foot of every page. ``block_ids``: only the turns of households in those 班."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "当番表を印刷する")
    sheet = read_roster(reg, roster_id, start, end, block_ids=block_ids)
    chain = font_chain("gothic")
    assoc = sheet.association
    width, height = A4
    left, right = 15 * mm, width - 15 * mm
    inner = right - left
    columns = ROSTER_COLUMNS if any(t.first != t.last for t in sheet.turns) else ROSTER_COLUMNS_DAYS
    scale = inner / sum(w for _h, w in columns)
    cols = [(h, w * scale) for h, w in columns]
    row_h, head_h = 11 * mm, 8 * mm
    made = f"作成 {to_wareki(reg.today())}"
    period = wareki_span(sheet.first, sheet.last)

    # the box of rules at the top of the first page: label | text (wrapped)
    label_w = 26 * mm
    facts = [("期間", period), ("対象", sheet.scope), *sheet.rules]
    boxed = [(label, *_fitted_paragraph(chain, text, 10, inner - label_w - 4 * mm, 40 * mm)) for label, text in facts]
    box_h = sum(max(h + 3.2 * mm, 7.5 * mm) for _l, _p, h in boxed)
    notes = _footer(chain, assoc, inner, ROSTER_NOTICE)
    bottom = 14 * mm + sum(h + 1.2 * mm for _p, h in notes) + 3 * mm
    closing = f"都合の悪いときは、ほかの方と交代して、{sheet.contact}へお知らせください。"
    first_top = height - 42 * mm - box_h - 6 * mm
    other_top = height - 30 * mm

    # paginate first: every page says n / N
    plan: list[list[RosterTurn]] = []
    rows = list(sheet.turns)
    top = first_top
    while rows:
        room = max(1, int((top - head_h - bottom) // row_h))
        take, rows = rows[:room], rows[room:]
        if not rows and top - head_h - row_h * len(take) - 9 * mm < bottom and len(take) > 1:
            rows.insert(0, take.pop())  # the closing line needs room
        plan.append(take)
        top = other_top
    total = len(plan)

    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} {sheet.title}")
    c.setAuthor(assoc["name"])
    month_seen: tuple[int, int] | None = None
    year_seen: str | None = None
    for page, chunk in enumerate(plan, start=1):
        c.setLineWidth(0.5)
        chain.draw(c, left, height - 12 * mm, assoc["name"], 9)
        chain.draw(c, right - chain.width(made, 9), height - 12 * mm, made, 9)
        if page == 1:
            y = height - 27 * mm
            _put(c, chain, left, y, sheet.title, 22, inner, "c")
            y -= 9 * mm
            y -= 3 * mm
            c.setStrokeGray(0.55)
            c.setLineWidth(0.6)
            c.roundRect(left, y - box_h, inner, box_h, 2 * mm)
            c.setLineWidth(0.3)
            for n, (label, para, h) in enumerate(boxed):
                line_h = max(h + 3.2 * mm, 7.5 * mm)
                if n:
                    c.line(left + 2 * mm, y, right - 2 * mm, y)
                chain.draw(c, left + 3 * mm, y - line_h / 2 - 3.5, label, 10)
                para.drawOn(c, left + label_w, y - (line_h + h) / 2)
                y -= line_h
            c.setStrokeGray(0)
            y = first_top
        else:
            more = f"{sheet.title}（続き）　{period}"
            _put(c, chain, left, height - 22 * mm, more, 11, inner)
            y = other_top
        # the header row
        c.setLineWidth(0.6)
        c.setFillGray(0.88)
        c.rect(left, y - head_h, inner, head_h, fill=1)
        c.setFillGray(0)
        x = left
        for n, (h, w) in enumerate(cols):
            if n:
                c.line(x, y, x, y - head_h)
            _put(c, chain, x + 1 * mm, y - head_h / 2 - 3.6, h, 10.5, w - 2 * mm, "c")
            x += w
        y -= head_h
        for i, turn in enumerate(chunk):
            key = (turn.first.year, turn.first.month)
            new_month = key != month_seen
            c.setLineWidth(0.4)
            c.rect(left, y - row_h, inner, row_h)
            x = left
            for n, (_h, w) in enumerate(cols):
                if n:
                    c.line(x, y, x, y - row_h)
                x += w
            if new_month and i:  # a month starts: a firmer line above it
                c.setLineWidth(1.2)
                c.line(left, y, right, y)
                c.setLineWidth(0.4)
            x = left
            # 期間: the month, and the 年 when it changes (and at the top of each page)
            w = cols[0][1]
            if new_month or i == 0:
                year = f"{to_wareki(turn.first).split('年')[0]}年"
                if year != year_seen or i == 0:
                    _put(c, chain, x + 1 * mm, y - 4.2 * mm, year, 7.5, w - 2 * mm, "c")
                    _put(c, chain, x + 1 * mm, y - row_h + 2.4 * mm, f"{turn.first.month}月", 11, w - 2 * mm, "c")
                else:
                    _put(c, chain, x + 1 * mm, y - row_h / 2 - 3.8, f"{turn.first.month}月", 11, w - 2 * mm, "c")
                year_seen = year
            x += w
            # 日付（曜日）, with the days off inside a week below it
            w = cols[1][1]
            off = "休み: " + "、".join(f"{d.day}日（{ro.WEEKDAY_NAMES[d.weekday()]}・{why}）" for d, why in turn.off) \
                if turn.off else ""
            _lines(c, chain, x + 2 * mm, y, w - 4 * mm, row_h, [(span_text(turn.first, turn.last), 11.5), (off, 7.5)])
            x += w
            # 担当
            w = cols[2][1]
            _lines(c, chain, x + 2 * mm, y, w - 4 * mm, row_h, _names(chain, turn.members, 12.5, w - 4 * mm))
            x += w
            # 交代: who does it instead, and why
            w = cols[3][1]
            if len(turn.swaps) == 1:
                instead, note = turn.swaps[0]
                _lines(c, chain, x + 2 * mm, y, w - 4 * mm, row_h, [(instead, 11.5), (note, 7.5)])
            elif turn.swaps:
                _lines(c, chain, x + 2 * mm, y, w - 4 * mm, row_h,
                       [(f"{who}　{n}" if n else who, 9) for who, n in turn.swaps])
            x += w
            # 確認: empty for a stamp or a tick; 済 once recorded
            w = cols[4][1]
            if turn.done:
                _put(c, chain, x + 1 * mm, y - row_h / 2 - 3.8, "済", 11, w - 2 * mm, "c")
            month_seen = key
            y -= row_h
        if page == total:
            chain.draw(c, left, y - 7 * mm, closing, 10)
        fy = bottom - 3 * mm
        for para, h in notes:
            fy -= h
            para.drawOn(c, left, fy)
            fy -= 1.2 * mm
        foot = f"{page} / {total}"
        chain.draw(c, (width - chain.width(foot, 9)) / 2, 8 * mm, foot, 9)
        c.showPage()
        _tick(progress, page, total, tmp)
    _save(c, tmp, target)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"当番表「{sheet.data.name}」（{period}・{len(sheet.turns)}回）{target.name}", "KAIRAN",
                      sheet.households, action="print")
    return PrintResult(target, total, sheet.households, chain.warning)


# -- the 当番札 ------------------------------------------------------------------------------------------------

#: slips per A4 sheet: 2 across, 2 down (A6 each: fits a card sleeve)
SLIP_COLUMNS, SLIP_ROWS = 2, 2


def _two_lines(chain: FontChain, text: str, size: float, width: float) -> tuple[list[str], float]:
    """``text`` on one line if it fits at a readable size, else broken in two near the middle
    (after 」）の・ or a space where there is one)."""
    if _fit(chain, text, size, width) >= 12 or len(text) < 8:
        return [text], size
    breaks = {i + 1 for i, ch in enumerate(text[:-1]) if ch in "」）)の・ 　"} | {
        i for i, ch in enumerate(text) if i and ch in "「（("}
    cut = min(breaks or {len(text) // 2},
              key=lambda i: max(chain.width(text[:i], size), chain.width(text[i:], size)))
    lines = [text[:cut].rstrip(), text[cut:].lstrip()]
    return lines, min(size, 13.0, *(_fit(chain, line, 13, width) for line in lines))


def _honorific(names: list[str]) -> str:
    return "・".join(f"{n}さん" for n in names if n)


def write_duty_slips(reg: Register, target: Path, *, roster_id: int, start: Any = None, end: Any = None,
                     record: bool = True, progress: Progress = None) -> PrintResult:
    """当番札: one slip per turn, four to an A4 sheet with cut lines, each saying whose turn it is
    and when, what to do, and who the slip goes to next."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "当番札を印刷する")
    sheet = read_roster(reg, roster_id, start, end)
    chain = font_chain("gothic")
    assoc = sheet.association
    width, height = A4
    per_page = SLIP_COLUMNS * SLIP_ROWS
    cell_w, cell_h = width / SLIP_COLUMNS, height / SLIP_ROWS
    pad = 9 * mm
    inner = cell_w - 2 * pad
    title = slip_title(sheet.data.name)
    total = math.ceil(len(sheet.turns) / per_page)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} {title}")
    c.setAuthor(assoc["name"])
    duty = sheet.data.duty
    scissors = "✂" if chain.font_for("✂") else ""
    heading, heading_size = _two_lines(chain, title, 15, inner - 6 * mm)
    for page in range(total):
        # cut lines between the slips
        c.setStrokeGray(0.6)
        c.setLineWidth(0.4)
        c.setDash(3, 3)
        for n in range(1, SLIP_COLUMNS):
            c.line(n * cell_w, 0, n * cell_w, height)
        for n in range(1, SLIP_ROWS):
            c.line(0, n * cell_h, width, n * cell_h)
        c.setDash()
        if scissors:
            c.setFillGray(0.5)
            chain.draw(c, 4 * mm, cell_h + 1.2 * mm, scissors, 9)
            c.setFillGray(0)
        c.setStrokeGray(0)
        chunk = sheet.turns[page * per_page:(page + 1) * per_page]
        for n, turn in enumerate(chunk):
            index = page * per_page + n
            later = sheet.turns[index + 1].doers if index + 1 < len(sheet.turns) else sheet.next_after
            x0 = (n % SLIP_COLUMNS) * cell_w + pad
            top = height - (n // SLIP_COLUMNS) * cell_h - pad
            floor = top - cell_h + 2 * pad
            # the title band (a long name on two lines rather than in small print)
            band = 12 * mm + 5.5 * mm * (len(heading) - 1)
            c.setFillGray(0.9)
            c.roundRect(x0, top - band, inner, band, 2 * mm, stroke=0, fill=1)
            c.setFillGray(0)
            for k, line in enumerate(heading):
                _put(c, chain, x0 + 3 * mm, top - 8 * mm - 5.5 * mm * k, line, heading_size, inner - 6 * mm, "c")
            y = top - band - 11 * mm
            _put(c, chain, x0, y, f"{_honorific(turn.doers)}へ", 16, inner)
            y -= 10 * mm
            chain.draw(c, x0, y, "あなたの当番は", 11)
            y -= 12 * mm
            when = span_text(turn.first, turn.last)
            tail = "です"
            size = _fit(chain, when, 21, inner - chain.width(tail, 11) - 2 * mm)
            chain.draw(c, x0, y, when, size)
            chain.draw(c, x0 + chain.width(when, size) + 1.5 * mm, y, tail, 11)
            if turn.off:
                y -= 6 * mm
                off = "（" + "、".join(f"{day_text(d)}は{why}のため休み" for d, why in turn.off) + "）"
                _put(c, chain, x0, y, off, 8.5, inner)
            y -= 7 * mm
            # what to do, in a box
            hand_top = floor + 36 * mm
            room = y - hand_top - 4 * mm
            if duty and room > 14 * mm:
                para, h = _fitted_paragraph(chain, duty, 10.5, inner - 6 * mm, room - 9 * mm)
                box_h = h + 9.5 * mm
                c.setStrokeGray(0.55)
                c.setLineWidth(0.5)
                c.roundRect(x0, y - box_h, inner, box_h, 1.5 * mm)
                c.setStrokeGray(0)
                chain.draw(c, x0 + 3 * mm, y - 5 * mm, "当番の内容", 8.5)
                para.drawOn(c, x0 + 3 * mm, y - 7 * mm - h)
            # the hand-over, large enough to read at the door
            c.setLineWidth(1.0)
            c.line(x0, hand_top, x0 + inner, hand_top)
            y = hand_top - 7 * mm
            if later:
                chain.draw(c, x0, y, "終わったら、この札を次の", 11.5)
                y -= 10.5 * mm
                who, tail = _honorific(later), "へ"
                size = _fit(chain, who, 18, inner - chain.width(tail, 11.5) - 8 * mm)
                who = _clip(chain, who, size, inner - chain.width(tail, 11.5) - 8 * mm)
                chain.draw(c, x0 + 4 * mm, y, who, size)
                chain.draw(c, x0 + 4 * mm + chain.width(who, size) + 1.5 * mm, y, tail, 11.5)
                y -= 8.5 * mm
                done = "渡してください。"
                chain.draw(c, x0 + inner - chain.width(done, 11.5), y, done, 11.5)
            else:
                chain.draw(c, x0, y, "終わったら、この札を", 11.5)
                y -= 10 * mm
                _put(c, chain, x0 + 4 * mm, y, f"{sheet.contact}へ返してください。", 15, inner - 4 * mm)
            # the association, and what the slip is for
            _put(c, chain, x0, floor + 2 * mm, assoc["name"], 10.5, inner, "c")
            _put(c, chain, x0, floor - 2.5 * mm, SLIP_NOTICE, 7, inner, "c")
        c.showPage()
        _tick(progress, page + 1, total, tmp)
    _save(c, tmp, target)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"当番札「{sheet.data.name}」（{wareki_span(sheet.first, sheet.last)}・{len(sheet.turns)}枚）"
                      f"{target.name}", "KAIRAN", sheet.households, action="print")
    return PrintResult(target, total, sheet.households, chain.warning)
