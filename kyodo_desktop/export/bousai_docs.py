"""防災 on paper (Qt-free): the 緊急連絡網 per 班, the 安否確認シート and its 集計表 printed in advance,
the results of a check for the 校下 / 自主防災組織, and the 防災台帳 (資機材, places, organisation).
DOMAIN.md §3.2, §3.3, §5.6.

These sheets are kept in the 防災倉庫 and filled in by hand after an earthquake, when there may be
no power and no PC: rows are tall, the type is large, the legend is on every page, and each page
says which 班 it belongs to. Every page carries the 町会名 and the date at the top, the purpose of
use at the foot and 「n / N」; each file is written to a temporary name and put in place at the
end (a failure or a cancel leaves nothing); printing is recorded in the audit log.

* The 連絡網 shows only households that agreed to it (RENRAKUMOU) by name and number; the others
  are 「（掲載の同意なし）」 without a number, and the chain skips them visibly.
* The 安否確認シート lists everyone living in the 班 (a check must miss nobody: officers' internal
  use), households together, and marks people who need help to evacuate with a bare ● (no reason).
* The results go beyond the officers: in a drill only people who agreed to sharing with the
  自主防災組織 (BOSAI_SHARE) are named, in a real disaster everyone (個人情報保護法 §27①(2)).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.export.documents import PrintResult, Progress, _clip, _fit, _save, _tick
from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

MM = 72 / 25.4
NO_CONSENT = "（掲載の同意なし）"
NO_HEAD = "（世帯主未登録）"
PHONE_TREE_NOTICE = ("この連絡網は緊急時の連絡のためだけに使います。番号を写したり、ほかの人に渡したりしないでください。"
                     "新しい連絡網が届いたら、古いものはシュレッダーで処分してください。")
SAFETY_NOTICE = ("この安否確認シートは災害時と訓練の安否確認のためだけに使います。防災倉庫など決めた場所に保管し、"
                 "写したり、ほかの人に渡したりしないでください。")
TALLY_NOTICE = "この集計表は安否確認の取りまとめのためだけに使います。"
RESULTS_NOTICE = ("この結果は安否確認と救助・支援のためだけに使います。写したり、ほかの人に渡したりせず、"
                  "用が済んだら町会へ返すか、シュレッダーで処分してください。")
REGISTER_NOTICE = "この台帳は自主防災の備えのためだけに使います。氏名を写したり、ほかの人に渡したりしないでください。"
GREY = 0.55  # the printed choices to circle: readable, but clearly not an answer
#: the marks as printed: 「？」 full width, like the others
MARKS = {status: "？" if mark == "?" else mark for status, mark in schema.SAFETY_MARKS.items()}


# -- the page: frame, footer, n / N ------------------------------------------------------------------------


def _paragraph(chain: FontChain, text: str, size: float, width: float, height: float) -> tuple[Any, float]:
    """A wrapped paragraph that fits ``height``: the size comes down (to 6.5 pt) before the text is cut."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    while True:
        para = Paragraph(chain.markup(text), ParagraphStyle(f"p{size}", fontName=chain.main, fontSize=size,
                                                            leading=size * 1.35, wordWrap="CJK"))
        _w, h = para.wrap(width, height)
        if h <= height or size <= 6.5:
            return para, h
        size -= 0.5


class _Doc:
    """One PDF on A4 (portrait or landscape): 町会名 and 作成日 at the top of every page and the purpose
    of use at the foot (drawn once, shown on each page as a form), 「n / N», an atomic save."""

    def __init__(self, reg: Register, target: Path, *, title: str, notice: str, landscape: bool = False,
                 margin: float = 14.0) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.pagesizes import landscape as turn
        from reportlab.pdfgen.canvas import Canvas

        self.chain = font_chain("gothic")
        self.assoc = get_association(reg)
        self.width, self.height = turn(A4) if landscape else A4
        self.left, self.right = margin * MM, self.width - margin * MM
        self.inner = self.right - self.left
        self.target = Path(target)
        self.tmp = self.target.with_name(self.target.name + ".part")
        self.c = c = Canvas(str(self.tmp), pagesize=(self.width, self.height), invariant=True)
        c.setTitle(f"{self.assoc['name']} {title}")
        c.setAuthor(self.assoc["name"])
        lines = [notice]
        if self.assoc.get("purpose_of_use"):
            lines.append(f"{self.assoc['name']}の個人情報の利用目的: {self.assoc['purpose_of_use']}")
        paras = [_paragraph(self.chain, line, 8, self.inner, 30) for line in lines]
        #: the lowest y content may use, and the highest
        self.bottom = 13 * MM + sum(h + 1.2 * MM for _p, h in paras) + 3 * MM
        self.top = self.height - 15 * MM
        made = f"作成 {to_wareki(reg.today())}"
        c.beginForm("frame")
        self.chain.draw(c, self.left, self.height - 10 * MM, self.assoc["name"], 9)
        self.chain.draw(c, self.right - self.chain.width(made, 9), self.height - 10 * MM, made, 9)
        y = self.bottom - 3 * MM
        for para, h in paras:
            y -= h
            para.drawOn(c, self.left, y)
            y -= 1.2 * MM
        c.endForm()

    def put(self, x: float, y: float, text: str, size: float, width: float, align: str = "l") -> float:
        """``text`` on the baseline ``y`` in a box ``width`` wide: shrunk to fit, cut with 「…」 if it
        is still too wide; returns the size used."""
        if not text:
            return size
        chain = self.chain
        s = _fit(chain, text, size, width)
        text = _clip(chain, text, s, width)
        if align != "l":
            w = chain.width(text, s)
            x = x + width - w if align == "r" else x + (width - w) / 2
        chain.draw(self.c, x, y, text, s)
        return s

    def centred(self, x: float, cy: float, text: str, size: float, width: float, align: str = "c") -> None:
        """``text`` centred on the height ``cy`` (the middle of a cell)."""
        if not text:
            return
        s = _fit(self.chain, text, size, width)
        self.put(x, cy - s * 0.36, text, s, width, align)

    def finish_page(self, page: int, total: int, progress: Progress) -> None:
        c = self.c
        c.doForm("frame")
        foot = f"{page} / {total}"
        self.chain.draw(c, (self.width - self.chain.width(foot, 9)) / 2, 7 * MM, foot, 9)
        c.showPage()
        _tick(progress, page, total, self.tmp)

    def save(self) -> None:
        _save(self.c, self.tmp, self.target)


# -- a flow of headings, boxes and tables over pages ------------------------------------------------------

Cell = str | tuple[str, dict[str, Any]]


@dataclass
class _Table:
    columns: list[tuple[str, float, str]]  # header, relative width, align (l, c, r)
    rows: list[list[Cell]]
    row_h: float = 9.0  # mm
    size: float = 11.0
    styles: list[str] = field(default_factory=list)  # per row: "", "total", "shade", "group" (a line above)
    head_size: float = 10.5


class _Flow:
    """Lays things out page by page first (so that every page can say n / N), then draws them."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.pages: list[list[Callable[[], None]]] = [[]]
        self.y = doc.top
        self.fresh = True  # nothing on this page yet
        self.label = ""  # what a continued page says at its top

    def _op(self, fn: Callable[[], None]) -> None:
        self.pages[-1].append(fn)
        self.fresh = False

    def room(self) -> float:
        return self.y - self.doc.bottom

    def new_page(self, *, continued: bool = True) -> None:
        self.pages.append([])
        self.y = self.doc.top
        self.fresh = True
        if continued and self.label:
            text = f"{self.label}（続き）"
            y = self.y - 5 * MM
            self.pages[-1].append(lambda: self.doc.put(self.doc.left, y, text, 11, self.doc.inner))
            self.y -= 9 * MM

    def need(self, height: float) -> None:
        if self.room() < height and not self.fresh:
            self.new_page()

    def section(self, title: str, *, size: float = 20, new_page: bool = True, subtitle: str = "") -> None:
        """A part that starts on its own page with a big centred title."""
        if new_page and not self.fresh:
            self.new_page(continued=False)
        self.label = title
        y = self.y - size * 0.9
        self._op(lambda: self.doc.put(self.doc.left, y, title, size, self.doc.inner, "c"))
        self.y = y - 5 * MM
        if subtitle:
            self.line(subtitle, 11, align="c")
        self.y -= 2 * MM

    def heading(self, text: str, *, size: float = 14, keep: float = 30 * MM) -> None:
        """A heading kept with what follows it (``keep`` of room below it)."""
        self.need(size + 6 * MM + keep)
        self.label = text
        y = self.y - size * 0.9 - 2 * MM
        left = self.doc.left
        self._op(lambda: self._heading(left, y, text, size))
        self.y = y - 4 * MM

    def _heading(self, x: float, y: float, text: str, size: float) -> None:
        c = self.doc.c
        c.setFillGray(0.3)
        c.rect(x, y - 1.2 * MM, 2.2 * MM, size * 0.95, stroke=0, fill=1)
        c.setFillGray(0)
        self.doc.put(x + 4.5 * MM, y, text, size, self.doc.inner - 5 * MM)

    def line(self, text: str, size: float = 10.5, *, align: str = "l", colour: tuple[float, float, float] | None = None,
             indent: float = 0.0) -> None:
        self.need(size + 3 * MM)
        y = self.y - size * 0.95
        x = self.doc.left + indent

        def draw() -> None:
            if colour:
                self.doc.c.setFillColorRGB(*colour)
            self.doc.put(x, y, text, size, self.doc.inner - indent, align)
            if colour:
                self.doc.c.setFillGray(0)

        self._op(draw)
        self.y = y - size * 0.45 - 1 * MM

    def space(self, mm: float) -> None:
        self.y -= mm * MM

    def _wrapped(self, lines: list[tuple[str, float]]) -> list[tuple[str, float]]:
        width = self.doc.inner - 8 * MM
        return [(part, size) for text, size in lines for part in _wrap(self.doc.chain, text, size, width)]

    def box_height(self, lines: list[tuple[str, float]]) -> float:
        return sum(s * 1.45 for _t, s in self._wrapped(lines)) + 5 * MM

    def box(self, lines: list[tuple[str, float]], *, border: tuple[float, float, float] = (0, 0, 0),
            width: float = 1.2, fill: float | None = None) -> None:
        """Lines of text (text, size) in a frame, wrapped: the rule of the phone tree, a warning, the counts."""
        h = self.box_height(lines)
        lines = self._wrapped(lines)
        self.need(h + 2 * MM)
        top = self.y
        doc = self.doc

        def draw() -> None:
            c = doc.c
            c.setLineWidth(width)
            c.setStrokeColorRGB(*border)
            if fill is not None:
                c.setFillGray(fill)
            c.roundRect(doc.left, top - h, doc.inner, h, 2 * MM, stroke=1, fill=1 if fill is not None else 0)
            c.setFillGray(0)
            c.setStrokeGray(0)
            c.setLineWidth(0.5)
            y = top - 2.5 * MM
            for text, size in lines:
                y -= size * 1.45
                doc.put(doc.left + 4 * MM, y + size * 0.3, text, size, doc.inner - 8 * MM)

        self._op(draw)
        self.y = top - h - 3 * MM

    def table(self, table: _Table, *, keep_after: float = 0.0) -> None:
        """A table whose header row repeats on every page; ``keep_after`` keeps room after the last
        rows for what must stay with them (the phone tree's closing line)."""
        doc = self.doc
        scale = doc.inner / sum(w for _h, w, _a in table.columns)
        cols = [(h, w * scale, a) for h, w, a in table.columns]
        head_h = 8.5 * MM
        row_h = table.row_h * MM
        rows = list(enumerate(table.rows))
        if self.room() < head_h + row_h * min(2, max(1, len(rows))):
            self.new_page()
        i = 0
        while True:
            fit = max(1, int((self.room() - head_h) // row_h))
            take = min(fit, len(rows) - i)
            if i + take == len(rows) and keep_after:
                short = keep_after - (self.room() - head_h - take * row_h)
                if short > 0:
                    carry = math.ceil(short / row_h)
                    if take - carry >= 1:
                        take -= carry
            chunk = rows[i:i + take]
            top = self.y
            self._op(lambda chunk=chunk, top=top: self._draw_table(table, cols, chunk, top, head_h, row_h))
            self.y = top - head_h - row_h * len(chunk)
            i += take
            if i >= len(rows):
                break
            self.new_page()

    def _draw_table(self, table: _Table, cols: list[tuple[str, float, str]], chunk: list[tuple[int, list[Cell]]],
                    y: float, head_h: float, row_h: float) -> None:
        doc = self.doc
        c = doc.c
        left, inner = doc.left, doc.inner
        c.setLineWidth(0.7)
        c.setFillGray(0.86)
        c.rect(left, y - head_h, inner, head_h, stroke=1, fill=1)
        c.setFillGray(0)
        x = left
        for n, (h, w, _a) in enumerate(cols):
            if n:
                c.line(x, y, x, y - head_h)
            doc.centred(x + 1 * MM, y - head_h / 2, h, table.head_size, w - 2 * MM)
            x += w
        y -= head_h
        for idx, row in chunk:
            style = table.styles[idx] if table.styles else ""
            if style in ("total", "shade"):
                c.setFillGray(0.9 if style == "total" else 0.95)
                c.rect(left, y - row_h, inner, row_h, stroke=0, fill=1)
                c.setFillGray(0)
            c.setLineWidth(1.4 if style == "total" else 0.45)
            c.rect(left, y - row_h, inner, row_h)
            if style == "group":  # a new group starts: a firmer line above it
                c.setLineWidth(1.3)
                c.line(left, y, left + inner, y)
            c.setLineWidth(0.45)
            x = left
            for n, ((_h, w, align), cell) in enumerate(zip(cols, row, strict=True)):
                if n:
                    c.line(x, y, x, y - row_h)
                text, opts = (cell, {}) if isinstance(cell, str) else cell
                if text:
                    indent = opts.get("indent", 0.0) * MM
                    size = opts.get("size", table.size)
                    colour = opts.get("colour")
                    if colour is not None:
                        c.setFillColorRGB(*colour)
                    parts = text.split("\n")
                    gap = min(row_h / len(parts), size * 1.25)
                    for k, part in enumerate(parts):
                        cy = y - row_h / 2 + gap * ((len(parts) - 1) / 2 - k)
                        doc.centred(x + 1.5 * MM + indent, cy, part, size if k == 0 else opts.get("size2", size),
                                    w - 3 * MM - indent, align)
                    if colour is not None:
                        c.setFillGray(0)
                x += w
            y -= row_h

    def draw(self, progress: Progress) -> int:
        """Draw every page (n / N at the foot); returns the number of pages."""
        pages = [p for p in self.pages if p] or [[]]
        for n, ops in enumerate(pages, start=1):
            self.doc.c.setLineWidth(0.5)
            for op in ops:
                op()
            self.doc.finish_page(n, len(pages), progress)
        return len(pages)


def _wrap(chain: FontChain, text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (Japanese breaks between any two characters;
    a line does not begin with 、。）」 or end with （「)."""
    lines: list[str] = []
    while chain.width(text, size) > width and len(text) > 1:
        lo, hi = 1, len(text) - 1
        while lo < hi:  # the longest head that fits
            mid = (lo + hi + 1) // 2
            if chain.width(text[:mid], size) <= width:
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        while 1 < cut < len(text) and (text[cut] in "、。）」』，．・ー" or text[cut - 1] in "（「『"):
            cut -= 1
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text]


def _require_blocks(reg: Register, block_ids: list[int] | None, doing: str) -> None:
    for b in block_ids or []:
        reg.session.require_block(b, doing)


def _blocks(reg: Register, block_ids: list[int] | None) -> list[tuple[int, str, str]]:
    """(id, name, 班長's name) of the visible 班 in order, only ``block_ids`` when given."""
    visible, params = reg.session.block_filter_sql("b.id")
    rows = reg.conn.execute(
        "SELECT b.id, b.name, coalesce(p.family_name || '　' || p.given_name, '') FROM blocks b "
        f"LEFT JOIN persons p ON p.id = b.leader_person_id WHERE b.retired_on IS NULL AND {visible} "
        "ORDER BY b.sort_order, b.id", params).fetchall()
    return [(b, n, leader.strip("　")) for b, n, leader in rows if block_ids is None or b in block_ids]


def _mark_size(mark: str, size: float) -> float:
    """The font's 「×」 is small beside ○ and △: it is drawn larger."""
    return size * 1.45 if mark == "×" else size


def _draw_mark(doc: _Doc, cx: float, cy: float, mark: str, size: float) -> float:
    """A mark centred on (cx, cy); returns its width."""
    s = _mark_size(mark, size)
    w = doc.chain.width(mark, s)
    doc.chain.draw(doc.c, cx - w / 2, cy - s * (0.3 if mark == "×" else 0.36), mark, s)
    return w


def _draw_status(doc: _Doc, x: float, cy: float, width: float, status: str, size: float) -> None:
    """「○ 無事」 centred in a cell: the mark, then the word."""
    mark = MARKS[status]
    label_size = size * 0.8
    mark_w = doc.chain.width(mark, _mark_size(mark, size))
    label_w = doc.chain.width(status, label_size)
    start = x + (width - mark_w - 1.5 * MM - label_w) / 2
    _draw_mark(doc, start + mark_w / 2, cy, mark, size)
    doc.chain.draw(doc.c, start + mark_w + 1.5 * MM, cy - label_size * 0.36, status, label_size)


def _hm(at: str, day: str = "") -> str:
    """「9:05」 from 「2026-11-28T09:05」, with the date when it is not ``day``: 「11/29 9:05」."""
    if not at:
        return ""
    hm = f"{int(at[11:13])}:{at[14:16]}" if len(at) >= 16 else ""
    if day and at[:10] != day:
        return f"{int(at[5:7])}/{int(at[8:10])} {hm}".strip()
    return hm


def _moment(at: str) -> str:
    """「令和8年11月28日 9:00」"""
    return f"{to_wareki(date.fromisoformat(at[:10]))} {_hm(at)}".strip()


# -- 緊急連絡網 --------------------------------------------------------------------------------------------

PHONE_COLUMNS = [("順", 9.0, "c"), ("氏名", 56.0, "l"), ("電話番号", 41.0, "l"), ("受けた時刻", 21.0, "c"),
                 ("備考", 55.0, "l")]


def write_phone_tree(reg: Register, target: Path, *, block_ids: list[int] | None = None, record: bool = True,
                     progress: Progress = None) -> PrintResult:
    """The 緊急連絡網, one page (or more) per 班: the 班長 at the top, then each household in calling
    order with its one number — the number the one before needs to call; in a 班's own order, who
    calls whom and an indent where the calls branch; 「（掲載の同意なし）」 without a number, and
    which number to call instead, for households that did not agree to it;
    the rule 「つながらない場合は次の方へ。最後の方は会長へ折り返し報告」 and the 会長's name and number at
    the end. A 班 without a 班長 prints with a visible note."""
    reg.session.require("output", "連絡網を印刷する")
    _require_blocks(reg, block_ids, "ほかの班の連絡網を印刷する")
    trees = ct.phone_trees(reg, block_ids)
    if not trees:
        raise RegisterError("印刷する班がありません。")
    chair, chair_phone = ct.chairperson(reg)
    doc = _Doc(reg, target, title="緊急連絡網", notice=PHONE_TREE_NOTICE)
    flow = _Flow(doc)
    households = 0
    red = (0.75, 0.1, 0.1)
    closing = [("最後の方は、会長へ折り返し報告してください。", 12.5),
               (f"会長　{chair}　{chair_phone or '（電話番号の登録なし）'}", 15)]
    for tree in trees:
        households += len(tree.entries)
        flow.section(f"緊急連絡網（{tree.block}）", size=20)
        for problem in tree.problems:
            flow.box([(f"※ {problem}", 10.5)], border=red, width=1.6)
        flow.box([(ct.RULE, 13)], width=1.8)
        rows: list[list[Cell]] = []
        chain = tree.order[1:] if tree.leader_id is not None else list(tree.order)
        numbers = {h: n for n, h in enumerate(chain, start=1)}
        callers = {callee: caller for caller, e in tree.entries.items() for callee in e.calls}
        # who reports back: the last of each branch, or the one before where the last is not on the list
        reporters = set()
        for h in tree.last:
            while not tree.entries[h].consented and h in callers:
                h = callers[h]
            reporters.add(h)
        if tree.leader_id is not None:
            head = tree.entries[tree.leader_id]
            number = head.phone if head.consented and head.phone else (
                "（電話番号の登録なし）" if head.consented else "（電話番号は掲載の同意なし）")
            report = "　→ 最後に会長へ報告" if tree.leader_id in reporters else ""
            flow.box([(f"班長（連絡網の始まり）　{tree.leader}　　{number}{report}", 14)], width=0.8, fill=0.94)
        else:
            flow.box([("班長（連絡網の始まり）　未定　― 会長から下の1番の方へ連絡します", 14)], width=0.8, fill=0.94)
        # a chain (each calling one) stays at one indent; where someone calls more than one, their
        # households are indented under them (the 班長's own calls are the first level)
        root = tree.order[0] if tree.order else None
        level: dict[int, int] = {}
        for hid in chain:
            e = tree.entries[hid]
            caller = callers.get(hid)
            fork = caller is not None and caller != root and len(tree.entries[caller].calls) > 1
            level[hid] = (level.get(caller, 0) + fork) if caller is not None and caller != root else 0
            notes = []
            label, opts = e.name, ({} if e.consented else {"colour": (0.35, 0.35, 0.35)})
            if tree.custom:
                label = ("└ " if fork else "") + e.name
                opts["indent"] = min(level[hid], 5) * 5.0
                if caller is not None and caller in numbers:
                    notes.append(f"{numbers[caller]}番から")
                elif caller is not None and caller == tree.leader_id:
                    notes.append("班長から")
            if not e.consented:
                nexts = [numbers[h] for h in e.calls if h in numbers]
                notes.append(f"とばして{'・'.join(map(str, nexts))}番へ" if nexts else "（前の方が会長へ報告）")
                phone = ""
            else:
                phone = e.phone or "（番号の登録なし）"
            if hid in reporters and e.consented:
                notes.append("→ 会長へ報告")
            rows.append([str(numbers[hid]), (label, opts), phone, "：", ("・".join(notes), {"size": 11.5})])
        if rows:
            flow.table(_Table(PHONE_COLUMNS, rows, row_h=11, size=13), keep_after=flow.box_height(closing) + 8 * MM)
        else:
            flow.line("この班の連絡網にのる世帯はありません。", 12)
        flow.space(3)
        flow.box(closing, width=1.8)
    pages = flow.draw(progress)
    doc.save()
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"緊急連絡網（{len(trees)}班）{doc.target.name}", "RENRAKUMOU", households, action="print")
    return PrintResult(doc.target, pages, households, doc.chain.warning)


# -- 安否確認シート -----------------------------------------------------------------------------------------

#: (header, width in mm) on A4 landscape between 12 mm margins (273 mm)
SHEET_COLUMNS = (("世帯", 30.0), ("氏名", 34.0), ("年齢帯", 17.0), ("要配慮", 13.0), ("安否", 36.0), ("所在", 32.0),
                 ("確認時刻", 19.0), ("確認者", 23.0), ("建物被害", 28.0), ("必要な支援", 24.0), ("備考", 17.0))
SHEET_ROW_MM = 11.5
SHEET_HEAD_MM = 8.0
LEGEND = (("安否", ""),  # drawn mark by mark: ○ 無事　△ 軽症　× 重症　？ 不明（会えない・連絡がつかない）
          ("記入", "所在・建物被害は当てはまるものを○で囲む。確認時刻は何時何分か。建物被害は世帯に一つ。"),
          ("●", "避難に手助けが必要な方（くわしくは役員が持つ別の名簿）。最初に確認してください。"))


@dataclass
class _Household:
    label: str
    persons: list[sf.CheckPerson]


def _sheet_pages(households: list[_Household], per_page: int) -> list[list[_Household]]:
    """Households kept together on a page; one larger than a page is split (rarely)."""
    pages: list[list[_Household]] = [[]]
    used = 0
    for h in households:
        n = len(h.persons)
        if used + n > per_page and used:
            pages.append([])
            used = 0
        while n > per_page:  # a household bigger than a page
            pages[-1].append(_Household(h.label, h.persons[:per_page]))
            h = _Household(h.label + "（続き）", h.persons[per_page:])
            n = len(h.persons)
            pages.append([])
        pages[-1].append(h)
        used += n
    return pages


def write_safety_sheets(reg: Register, target: Path, *, block_ids: list[int] | None = None, check_id: int | None = None,
                        record: bool = True, progress: Progress = None) -> PrintResult:
    """安否確認シート per 班 (A4 landscape), printed in advance for the 班長 to fill in by hand:
    世帯 | 氏名 | 年齢帯 | 要配慮 (● only) | 安否 ○△×? | 所在 | 確認時刻 | 確認者 | 建物被害 | 必要な支援 | 備考,
    households together (the household written once), the legend on every page. With ``check_id``,
    the results already entered are printed in (the rest is left to fill in)."""
    reg.session.require("output", "安否確認シートを印刷する")
    _require_blocks(reg, block_ids, "ほかの班の安否確認シートを印刷する")
    check = sf.get_check(reg, check_id) if check_id is not None else None
    people = sf.people(reg, check_id, block_ids=block_ids)
    blocks = _blocks(reg, block_ids)
    by_block: dict[int | None, list[_Household]] = {}
    heads: dict[int, _Household] = {}
    for p in people:
        h = heads.get(p.household_id)
        if h is None:
            h = heads[p.household_id] = _Household(p.household or NO_HEAD, [])
            by_block.setdefault(p.block_id, []).append(h)
        h.persons.append(p)
    sections = [(bid, name, leader, by_block[bid]) for bid, name, leader in blocks if bid in by_block]
    if not sections:
        raise RegisterError("印刷する人がいません（住んでいる人のいる班がありません）。")
    places: dict[int, list[str]] = {}
    for place in bo.list_places(reg):
        for b in place.block_ids or [bid for bid, *_r in sections]:
            places.setdefault(b, []).append(f"{place.kind} {place.name}")

    doc = _Doc(reg, target, title="安否確認シート", notice=SAFETY_NOTICE, landscape=True, margin=12.0)
    c, chain = doc.c, doc.chain
    left, inner = doc.left, doc.inner
    scale = inner / sum(w for _h, w in SHEET_COLUMNS)
    widths = [w * scale for _h, w in SHEET_COLUMNS]
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    row_h, head_h = SHEET_ROW_MM * MM, SHEET_HEAD_MM * MM
    legend_h = 6.2 * MM * len(LEGEND) + 2 * MM
    table_top = doc.top - 19 * MM - legend_h - 3 * MM
    per_page = max(1, int((table_top - head_h - doc.bottom) // row_h))
    day = check.started_at[:10] if check else ""

    # what is the same on every page, drawn once: the legend, the header row, the choices to circle
    c.beginForm("legend")
    c.setLineWidth(0.8)
    c.roundRect(left, table_top + 3 * MM, inner, legend_h, 1.5 * MM)
    y = table_top + 3 * MM + legend_h - 1 * MM
    for label, text in LEGEND:
        y -= 6.2 * MM
        doc.put(left + 3 * MM, y + 1.3 * MM, label, 11.5 if label != "●" else 13, 14 * MM)
        if text:
            doc.put(left + 18 * MM, y + 1.3 * MM, text, 11.5, inner - 21 * MM)
            continue
        x = left + 18 * MM
        for status, mark in MARKS.items():
            w = _draw_mark(doc, x + 2.5 * MM, y + 1.3 * MM + 11.5 * 0.36, mark, 12.5)
            x += max(w, 5 * MM) + 1.5 * MM
            chain.draw(c, x, y + 1.3 * MM, status, 11.5)
            x += chain.width(status, 11.5) + 8 * MM
        chain.draw(c, x - 7 * MM, y + 1.3 * MM, "（会えない・連絡がつかない）", 11.5)
    c.setLineWidth(0.7)
    c.setFillGray(0.86)
    c.rect(left, table_top - head_h, inner, head_h, stroke=1, fill=1)
    c.setFillGray(0)
    for n, (h, _w) in enumerate(SHEET_COLUMNS):
        if n:
            c.line(xs[n], table_top, xs[n], table_top - head_h)
        doc.centred(xs[n] + 1 * MM, table_top - head_h / 2, h, 11, widths[n] - 2 * MM)
    c.endForm()

    def choices(name: str, col: int, lines: list[str], size: float) -> None:
        """A form with the choices of one cell in grey, for a row whose bottom is at y = 0."""
        c.beginForm(name, 0, 0, doc.width, row_h)
        c.setFillGray(GREY)
        gap = row_h / (len(lines) + 1)
        for k, text in enumerate(lines):
            doc.centred(xs[col] + 1 * MM, row_h - gap * (k + 1), text, size, widths[col] - 2 * MM)
        c.setFillGray(0)
        c.endForm()

    c.beginForm("status", 0, 0, doc.width, row_h)
    c.setFillGray(GREY)
    slot = (widths[4] - 2 * MM) / len(MARKS)
    for k, mark in enumerate(MARKS.values()):
        _draw_mark(doc, xs[4] + 1 * MM + slot * (k + 0.5), row_h / 2, mark, 14)
    c.setFillGray(0)
    c.endForm()
    choices("where", 5, ["自宅・避難所", "親族宅・不明"], 10)
    choices("time", 6, ["　 時　　分"], 9.5)
    c.beginForm("damage", 0, 0, doc.width, row_h)  # for a household: placed at the middle of its rows
    c.setFillGray(GREY)
    doc.centred(xs[8] + 1 * MM, row_h / 2 + 2.2 * MM, "なし・一部損壊", 9.5, widths[8] - 2 * MM)
    doc.centred(xs[8] + 1 * MM, row_h / 2 - 2.2 * MM, "半壊・全壊", 9.5, widths[8] - 2 * MM)
    c.setFillGray(0)
    c.endForm()

    plan: list[tuple[str, str, int, list[_Household], int, int, tuple[int, int]]] = []
    for _bid, name, leader, homes in sections:
        chunks = _sheet_pages(homes, per_page)
        counts = (len(homes), sum(len(h.persons) for h in homes))
        for n, chunk in enumerate(chunks, start=1):
            plan.append((name, leader, _bid, chunk, n, len(chunks), counts))
    total = len(plan)
    number_of: dict[int, int] = {}
    for _bid, _name, _leader, homes in sections:
        for n, h in enumerate(homes, start=1):
            number_of[id(h)] = n
    place_text = {bid: "　".join(dict.fromkeys(ps)) for bid, ps in places.items()}
    info_blank = "確認日　　　　月　　　日　　　時　　　分から　　　確認した人"
    info_check = (f"{check.title}（{check.kind}）　開始 {_moment(check.started_at)}" if check else "")
    persons = 0
    for page, (block, leader, bid, chunk, n, of, (n_homes, n_people)) in enumerate(plan, start=1):
        c.setLineWidth(0.5)
        top = doc.top
        title = f"安否確認シート　{block}"
        doc.put(left, top - 7 * MM, title, 18, inner * 0.5)
        right_text = f"班長　{leader or '（未定）'}　　{n_homes}世帯・{n_people}人" + (f"　　{n}/{of}枚目" if of > 1 else "")
        doc.put(left + inner * 0.5, top - 7 * MM, right_text, 12.5, inner * 0.5, "r")
        y = top - 15 * MM
        if check:
            doc.put(left, y, info_check, 11.5, inner * 0.62)
        else:
            doc.put(left, y, info_blank, 11.5, inner * 0.62)
            c.line(left + chain.width(info_blank, 11.5) + 2 * MM, y - 1 * MM, left + inner * 0.62, y - 1 * MM)
        where = place_text.get(bid, "")
        if where:
            doc.put(left + inner * 0.64, y, f"集合・避難: {where}", 10.5, inner * 0.36, "r")
        c.doForm("legend")
        # the rows
        y = table_top - head_h
        lines: list[tuple[float, float, float, float]] = []
        for h in chunk:
            first = y
            for k, p in enumerate(h.persons):
                bottom = y - row_h
                persons += 1
                if k:  # between people of a household: the household's own cells run on
                    lines.append((xs[1], y, xs[8], y))
                    lines.append((xs[9], y, xs[11], y))
                cy = y - row_h / 2
                doc.centred(xs[1] + 1.5 * MM, cy, p.name, 13, widths[1] - 3 * MM, "l")
                doc.centred(xs[2] + 1 * MM, cy, p.band, 10, widths[2] - 2 * MM)
                if p.support:
                    chain.draw(c, xs[3] + (widths[3] - chain.width("●", 15)) / 2, cy - 15 * 0.36, "●", 15)
                if p.status:
                    _draw_status(doc, xs[4] + 1 * MM, cy, widths[4] - 2 * MM, p.status, 15)
                    doc.centred(xs[5] + 1 * MM, cy, p.whereabouts, 11.5, widths[5] - 2 * MM)
                    doc.centred(xs[6] + 1 * MM, cy, _hm(p.checked_at, day), 11.5, widths[6] - 2 * MM)
                    doc.centred(xs[7] + 1.5 * MM, cy, p.checked_by, 10.5, widths[7] - 3 * MM, "l")
                    doc.centred(xs[9] + 1.5 * MM, cy, p.needs, 10.5, widths[9] - 3 * MM, "l")
                    doc.centred(xs[10] + 1.5 * MM, cy, p.notes, 10, widths[10] - 3 * MM, "l")
                else:
                    c.saveState()
                    c.translate(0, bottom)
                    c.doForm("status")
                    c.doForm("where")
                    c.doForm("time")
                    c.restoreState()
                y = bottom
            # the household's own cells: its name and the damage to the building, once
            mid = (first + y) / 2
            number = str(number_of.get(id(h), ""))  # the household's place in the 班 (回覧順)
            doc.centred(xs[0] + 0.8 * MM, mid, number, 8, 4 * MM, "l")
            doc.centred(xs[0] + 5 * MM, mid, h.label, 12, widths[0] - 6 * MM, "l")
            damage = next((p.building_damage for p in h.persons if p.building_damage), "")
            if damage:
                doc.centred(xs[8] + 1 * MM, mid, damage, 12, widths[8] - 2 * MM)
            else:
                c.saveState()
                c.translate(0, mid - row_h / 2)
                c.doForm("damage")
                c.restoreState()
            lines.append((left, y, xs[-1], y))  # below the household: across
        bottom = y
        c.setLineWidth(0.45)
        c.lines(lines)
        c.setLineWidth(0.7)
        c.lines([(x, table_top - head_h, x, bottom) for x in xs[1:-1]])
        c.rect(left, bottom, inner, table_top - bottom)
        doc.finish_page(page, total, progress)
    doc.save()
    if record:  # the preview records only what is printed or saved
        what = f"安否確認シート（{len(sections)}班" + (f"・{check.title}" if check else "") + f"）{doc.target.name}"
        record_output(reg, what, "OFFICER_INTERNAL", persons, action="print")
    return PrintResult(doc.target, total, persons, chain.warning)


# -- 集計表 -------------------------------------------------------------------------------------------------


def write_safety_tally(reg: Register, target: Path, *, check_id: int | None = None, block_ids: list[int] | None = None,
                       record: bool = True, progress: Progress = None) -> PrintResult:
    """The 班 tally sheet: 班 | 世帯数 | 人数 | 無事 | 軽症 | 重症 | 不明 | 避難所へ | 在宅 | 報告時刻 with the
    total row; blank to fill in (世帯数 and 人数 from the register), or filled from a check (with
    the people not yet confirmed)."""
    reg.session.require("output", "安否確認の集計表を印刷する")
    _require_blocks(reg, block_ids, "ほかの班の集計表を印刷する")
    check = sf.get_check(reg, check_id) if check_id is not None else None
    blocks = _blocks(reg, block_ids)
    if not blocks:
        raise RegisterError("印刷する班がありません。")
    people = sf.people(reg, check_id, block_ids=block_ids)
    totals: dict[int | None, sf.BlockTotal] = {}
    homes: dict[int | None, set[int]] = {}
    for p in people:
        t = totals.setdefault(p.block_id, sf.BlockTotal(p.block_id, p.block))
        homes.setdefault(p.block_id, set()).add(p.household_id)
        t.persons += 1
        if p.status:
            t.counts[p.status] += 1
            t.last_at = max(t.last_at, p.checked_at)
        else:
            t.unconfirmed += 1
        t.at_shelter += p.whereabouts == "避難所"
        t.at_home += p.whereabouts == "自宅"
    for bid, h in homes.items():
        totals[bid].households = len(h)
    whole = sf.BlockTotal(None, "合計")
    for t in totals.values():
        whole.households += t.households
        whole.persons += t.persons
        for k, v in t.counts.items():
            whole.counts[k] += v
        whole.unconfirmed += t.unconfirmed
        whole.at_shelter += t.at_shelter
        whole.at_home += t.at_home
        whole.last_at = max(whole.last_at, t.last_at)
    day = check.started_at[:10] if check else ""
    columns = [("班", 26.0, "l"), ("世帯数", 15.0, "r"), ("人数", 15.0, "r"), ("○ 無事", 17.0, "r"), ("△ 軽症", 17.0, "r"),
               ("× 重症", 17.0, "r"), ("？ 不明", 17.0, "r")]
    if check:
        columns.append(("未確認", 17.0, "r"))
    columns += [("避難所へ", 18.0, "r"), ("在宅", 17.0, "r"), ("報告時刻", 20.0, "c")]
    grey = {"colour": (GREY, GREY, GREY), "size": 9.5}

    def row(name: str, t: sf.BlockTotal | None, filled: bool) -> list[Cell]:
        if t is None:
            t = sf.BlockTotal(None, name)
        cells: list[Cell] = [name, f"{t.households}", f"{t.persons}"]
        if filled:
            cells += [str(t.counts[s]) for s in schema.SAFETY_STATUSES] + [str(t.unconfirmed), str(t.at_shelter),
                                                                          str(t.at_home), _hm(t.last_at, day)]
        else:
            cells += [("人", grey)] * 6 + [("時　 分", grey)]
        return cells

    rows = [row(name, totals.get(bid), check is not None) for bid, name, _leader in blocks]
    rows.append(row("合計", whole, check is not None))
    doc = _Doc(reg, target, title="安否確認 集計表", notice=TALLY_NOTICE)
    flow = _Flow(doc)
    flow.section("安否確認　集計表", size=20)
    if check:
        flow.line(f"{check.title}（{check.kind}）　開始 {_moment(check.started_at)}　　{_moment(reg.now()[:16])}現在", 11.5)
        if whole.unconfirmed:
            flow.line(f"まだ確認できていない方が {whole.unconfirmed}人 います（「未確認」の欄）。", 11.5, colour=(0.75, 0.1, 0.1))
    else:
        flow.line("報告日　　　　年　　　月　　　日　　　　報告者", 12)
        flow.line("各班の安否確認シートから人数を書き写し、情報班へ届けてください。", 11)
        flow.line("不明には、会えない方・連絡がつかない方を含めます。", 11)
    flow.space(2)
    flow.table(_Table(columns, rows, row_h=10 if check is None else 9, size=12,
                      styles=[""] * (len(rows) - 1) + ["total"]))
    pages = flow.draw(progress)
    doc.save()
    if record:  # the preview records only what is printed or saved
        what = "安否確認 集計表" + (f"（{check.title}）" if check else "（記入用）") + f" {doc.target.name}"
        record_output(reg, what, "OFFICER_INTERNAL", 0, action="print")
    return PrintResult(doc.target, pages, whole.households, doc.chain.warning)


# -- the results for the 校下 / 自主防災組織 ---------------------------------------------------------------


@dataclass
class SafetyResults:
    """A check's results as they may leave the officers: names only where allowed."""

    check: sf.SafetyCheck
    totals: list[sf.BlockTotal]  # per 班, then 合計
    people: list[sf.CheckPerson]  # names and households blanked where not allowed
    support_unconfirmed: int
    named_note: str


def read_results(reg: Register, check_id: int) -> SafetyResults:
    """The totals and everyone's result; in a drill, names only of people who agreed to sharing with
    the 自主防災組織 (BOSAI_SHARE), in a real disaster everyone's."""
    check = sf.get_check(reg, check_id)
    people = sf.people(reg, check_id)
    totals = sf.totals(reg, check_id)
    if check.kind == "災害":
        note = "災害時のため、全員の氏名を載せています（個人情報保護法第27条第1項第2号）。"
    else:
        rule = OutputRule(reg, "BOSAI_SHARE")
        heads = dict(reg.conn.execute("SELECT id, head_person_id FROM households"))
        hidden = 0
        for p in people:
            if not rule.consented(p.person_id):
                # nothing that would tell who it is: not the household, not the free-text needs and notes
                p.name, p.kana, p.household, p.needs, p.notes = "（氏名の掲載に同意なし）", "", "（同意なし）", "", ""
                hidden += 1
                continue
            head = heads.get(p.household_id)
            if head is None or not rule.consented(head):
                p.household = "（同意なし）"
        note = ("訓練のため、自主防災・民生委員との共有に同意された方だけ氏名を載せています"
                + (f"（同意のない {hidden}人は氏名なし）。" if hidden else "。"))
    support = sum(1 for p in people if p.support and not p.status)
    return SafetyResults(check, totals, people, support, note)


RESULT_TOTAL_COLUMNS = [("班", 30.0, "l"), ("世帯", 15.0, "r"), ("人数", 15.0, "r"), ("○ 無事", 16.0, "r"),
                        ("△ 軽症", 16.0, "r"), ("× 重症", 16.0, "r"), ("？ 不明", 16.0, "r"), ("未確認", 16.0, "r"),
                        ("確認済み", 18.0, "r"), ("避難所", 16.0, "r"), ("在宅", 16.0, "r"), ("最後の報告", 22.0, "c")]


def _total_cells(t: sf.BlockTotal, day: str) -> list[Cell]:
    done = f"{round(100 * t.confirmed / t.persons)}%" if t.persons else "—"
    return [t.block or "（班なし）", str(t.households), str(t.persons),
            *[str(t.counts[s]) for s in schema.SAFETY_STATUSES], str(t.unconfirmed), done,
            str(t.at_shelter), str(t.at_home), _hm(t.last_at, day)]


def write_safety_results(reg: Register, target: Path, *, check_id: int, record: bool = True,
                         progress: Progress = None) -> PrintResult:
    """A check's results for the 校下 / 自主防災組織 (A4 landscape): the counts first, then the totals
    per 班, the people not yet confirmed (those marked ● first), and everyone's result."""
    reg.session.require("output", "安否確認の結果を印刷する")
    res = read_results(reg, check_id)
    check, whole = res.check, res.totals[-1]
    day = check.started_at[:10]
    doc = _Doc(reg, target, title=f"安否確認の結果 {check.title}", notice=RESULTS_NOTICE, landscape=True)
    flow = _Flow(doc)
    when = f"{check.kind}　開始 {_moment(check.started_at)}" + (f"　終了 {_moment(check.ended_at)}" if check.ended_at
                                                              else f"　{_moment(reg.now()[:16])}現在")
    flow.section("安否確認の結果", size=20, subtitle=f"{check.title}　（{when}）")
    marks = "　".join(f"{MARKS[s]} {s} {whole.counts[s]}人" for s in schema.SAFETY_STATUSES)
    flow.box([(f"対象 {whole.persons}人（{whole.households}世帯）　確認済み {whole.confirmed}人　"
               f"まだ確認できていない方 {whole.unconfirmed}人" + (f"（うち● {res.support_unconfirmed}人）"
                                                           if res.support_unconfirmed else ""), 15),
              (f"{marks}　　避難所 {whole.at_shelter}人　在宅 {whole.at_home}人", 14)], width=1.6, fill=0.95)
    flow.line(res.named_note, 10)
    flow.heading("班ごとの集計")
    rows = [_total_cells(t, day) for t in res.totals]
    flow.table(_Table(RESULT_TOTAL_COLUMNS, rows, row_h=8.5, size=11, styles=[""] * (len(rows) - 1) + ["total"]))
    waiting = [p for p in res.people if not p.status]
    waiting.sort(key=lambda p: not p.support)  # stable: ● first, each in 班 and 回覧順 order
    flow.heading(f"まだ確認できていない方（{len(waiting)}人" + ("、●の方を先に載せています）" if res.support_unconfirmed
                                                        else "）"))
    if waiting:
        flow.table(_Table([("班", 22.0, "l"), ("世帯", 40.0, "l"), ("氏名", 50.0, "l"), ("年齢帯", 20.0, "c"),
                           ("要配慮", 14.0, "c"), ("確認した結果（記入）", 80.0, "l")],
                          [[p.block, p.household, p.name, p.band, "●" if p.support else "", ""] for p in waiting],
                          row_h=8.5, size=11))
    else:
        flow.line("全員の安否が確認できています。", 12)
    done = [p for p in res.people if p.status]
    flow.heading(f"一人ずつの結果（確認済み {len(done)}人）")
    if done:
        flow.table(_Table([("班", 16.0, "l"), ("世帯", 30.0, "l"), ("氏名", 34.0, "l"), ("年齢帯", 16.0, "c"),
                           ("要配慮", 12.0, "c"), ("安否", 18.0, "c"), ("所在", 18.0, "c"), ("確認時刻", 18.0, "c"),
                           ("確認者", 22.0, "l"), ("建物被害", 18.0, "c"), ("必要な支援", 34.0, "l"), ("備考", 30.0, "l")],
                          [[p.block, p.household, p.name, p.band, "●" if p.support else "",
                            f"{MARKS[p.status]} {p.status}", p.whereabouts, _hm(p.checked_at, day),
                            p.checked_by, p.building_damage, p.needs, p.notes] for p in done],
                          row_h=7.5, size=10, head_size=9.5))
    else:
        flow.line("まだ記録がありません。", 12)
    pages = flow.draw(progress)
    doc.save()
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"安否確認の結果「{check.title}」{doc.target.name}", "BOSAI_SHARE", whole.persons, action="print")
    return PrintResult(doc.target, pages, whole.persons, doc.chain.warning)


# -- 防災台帳: 資機材, places, organisation ----------------------------------------------------------------


def write_bousai_register(reg: Register, target: Path, *, fiscal_year: int | None = None, record: bool = True,
                          progress: Progress = None) -> PrintResult:
    """One document in three parts: the 防災資機材台帳 (items due for a check flagged), the
    集合場所・避難所 of each 班, and the 自主防災組織表 of the 年度 (this one unless given)."""
    reg.session.require("output", "防災台帳を印刷する")
    items = bo.list_equipment(reg)
    places = bo.list_places(reg)
    fy = fiscal_year if fiscal_year is not None else bo.current_fiscal_year(reg)
    chart = bo.list_chart(reg, fy)
    blocks = _blocks(reg, None)
    doc = _Doc(reg, target, title="防災台帳", notice=REGISTER_NOTICE)
    flow = _Flow(doc)
    red = (0.75, 0.1, 0.1)

    flow.section("防災台帳", size=20, subtitle=f"資機材・集合場所と避難所・自主防災組織（{fiscal_year_label(fy)}）")

    due = [e for e in items if e.flag]
    flow.heading("防災資機材台帳")
    flow.line(f"{len(items)}品目" + (f"　うち点検が必要なもの {len(due)}品目（※印）" if due else "　すべて1年以内に点検済み"), 11.5)
    rows: list[list[Cell]] = []
    styles = []
    for e in items:
        checked = to_wareki(date.fromisoformat(e.checked_on)) if e.checked_on else ""
        flagged: Cell = (f"{checked}\n※{e.flag}" if checked else f"※{e.flag}", {"colour": red, "size2": 9})
        rows.append([e.item, str(e.quantity), e.place, bo.year_or_date_text(e.bought_on), e.subsidy,
                     flagged if e.flag else checked, e.notes])
        styles.append("shade" if e.flag else "")
    if not rows:
        rows, styles = [["（登録された資機材はありません）", "", "", "", "", "", ""]], [""]
    flow.table(_Table([("品名", 40.0, "l"), ("数量", 11.0, "r"), ("保管場所", 28.0, "l"), ("購入", 26.0, "c"),
                       ("補助金", 26.0, "l"), ("最終点検", 29.0, "c"), ("備考", 28.0, "l")], rows, row_h=10.5, size=11,
                      styles=styles))

    flow.space(4)
    flow.heading("集合場所・避難所（班ごと）")
    everyone = [p for p in places if not p.block_ids]
    if everyone:
        flow.line("町会全体: " + "　".join(f"{p.kind} {p.name}" + (f"（{p.address}）" if p.address else "")
                                        for p in everyone), 11.5)
    rows, styles = [], []
    for bid, name, _leader in blocks:
        mine = [p for p in places if bid in p.block_ids]
        if not mine:
            rows.append([name, ("（未登録）", {"colour": red}), "", "", ""])
            styles.append("group")
        for n, p in enumerate(mine):
            rows.append([name if n == 0 else "", p.kind, p.name, p.address, p.notes])
            styles.append("group" if n == 0 else "")
    if not rows:
        rows, styles = [["（班がありません）", "", "", "", ""]], [""]
    flow.table(_Table([("班", 22.0, "l"), ("種類", 26.0, "l"), ("名称", 44.0, "l"), ("所在地", 50.0, "l"),
                       ("備考", 38.0, "l")], rows, row_h=9, size=11, styles=styles))

    flow.space(4)
    flow.heading(f"自主防災組織表（{fiscal_year_label(fy)}）")
    flow.line(f"{len(chart)}人" + ("" if chart else "　（この年度の組織はまだ登録されていません）"), 11.5)
    rows, styles = [], []
    for team in schema.BOUSAI_TEAMS:
        mine = [m for m in chart if m.team == team]
        if not mine:
            rows.append([team, "", ("（未定）", {"colour": red}), ""])
            styles.append("group")
        for n, m in enumerate(mine):
            name = m.name + ("" if m.present else "（転出など）")
            rows.append([team if n == 0 else "", bo.role_label(team, m.role), name, m.block])
            styles.append("group" if n == 0 else "")
    flow.table(_Table([("班（役割）", 34.0, "l"), ("役", 22.0, "c"), ("氏名", 60.0, "l"), ("住んでいる班", 30.0, "l")],
                      rows, row_h=9.5, size=12, styles=styles))
    pages = flow.draw(progress)
    doc.save()
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"防災台帳（資機材{len(items)}品目・組織{len(chart)}人）{doc.target.name}", "OFFICER_INTERNAL",
                      len(chart), action="print")
    return PrintResult(doc.target, pages, len(chart), doc.chain.warning)
