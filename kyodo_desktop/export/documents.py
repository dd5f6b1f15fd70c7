"""Printed documents (Qt-free). First: the 回覧板 cover sheet with its stamp list, per 班.

Every document asks :class:`privacy.OutputRule` what may appear for its purpose and is recorded
in the audit log as a print. Pages carry the 町会名 and a 和暦 date in the header and
「n / N」 at the foot; documents that go round the neighbourhood carry the purpose-of-use line.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

CIRCULAR_KINDS = ("確認のみ", "要記入", "要返信")
ROWS_PER_PAGE = 20


@dataclass(frozen=True)
class Circular:
    title: str
    issued: date
    due: date | None = None
    kind: str = "確認のみ"
    body: str = ""


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    households: int
    warning: str = ""


def _block_rows(reg: Register, rule: OutputRule, block_id: int) -> list[str]:
    """世帯名 in 回覧順: the surname, or the head's full name where the household agreed to 回覧."""
    rows = reg.conn.execute(
        "SELECT p.id, p.family_name, p.given_name FROM households h JOIN persons p ON p.id = h.head_person_id "
        "WHERE h.block_id = ? AND h.status IN ('加入', '非加入') ORDER BY h.circulation_order, h.id",
        (block_id,),
    ).fetchall()
    # every household of the 班 is on the list (the circular goes round all of them); the
    # surname only, unless the household agreed to its name on circulars (KAIRAN)
    return [f"{family}　{given}" if given and rule.consented(pid) else family for pid, family, given in rows]


def _fit(chain: FontChain, text: str, size: float, width: float) -> float:
    """The font size at which ``text`` fits ``width`` (never overflowing into the next cell)."""
    while size > 6 and chain.width(text, size) > width:
        size -= 0.5
    return size


def write_circular(reg: Register, circular: Circular, target: Path, *, block_ids: list[int] | None = None) -> PrintResult:
    """The 回覧板 cover sheets: one (or more) A4 pages per 班, households in 回覧順 with 受取日,
    確認印 and 備考 columns; 「最後の方は班長へ戻してください」 at the end of each 班's list."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "回覧板を印刷する")
    if circular.kind not in CIRCULAR_KINDS:
        raise RegisterError(f"回覧の種類は {'・'.join(CIRCULAR_KINDS)} のどれかです。")
    from kyodo_desktop.models.validation import clean_text

    title = clean_text(circular.title, field="題名", max_len=80, required=True)
    body = clean_text(circular.body, field="本文", max_len=2000, multiline=True)
    rule = OutputRule(reg, "KAIRAN")
    visible, params = reg.session.block_filter_sql("b.id")
    blocks = reg.conn.execute(
        "SELECT b.id, b.name, coalesce(p.family_name || '　' || p.given_name, '') FROM blocks b "
        f"LEFT JOIN persons p ON p.id = b.leader_person_id WHERE b.retired_on IS NULL AND {visible} "
        "ORDER BY b.sort_order, b.id", params,
    ).fetchall()
    if block_ids is not None:
        blocks = [b for b in blocks if b[0] in block_ids]
    if not blocks:
        raise RegisterError("印刷する班がありません。")
    chain = font_chain("gothic")
    assoc = get_association(reg)
    lists = [(bid, name, leader.strip("　"), _block_rows(reg, rule, bid)) for bid, name, leader in blocks]
    total = sum(max(1, math.ceil(len(rows) / ROWS_PER_PAGE)) for *_x, rows in lists)
    width, height = A4
    left, right = 18 * mm, width - 18 * mm
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} 回覧 {title}")
    page = 0
    households = 0
    for _bid, block, leader, rows in lists:
        chunks = [rows[i:i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
        number = 0
        for n, chunk in enumerate(chunks):
            page += 1
            c.setLineWidth(0.6)
            chain.draw(c, left, height - 12 * mm, assoc["name"], 9)
            date_text = to_wareki(circular.issued)
            chain.draw(c, right - chain.width(date_text, 9), height - 12 * mm, date_text, 9)
            y = height - 26 * mm
            head = f"回　覧　（{block}）"
            chain.draw(c, (width - chain.width(head, 20)) / 2, y, head, 20)
            y -= 12 * mm
            size = _fit(chain, title, 16, right - left)
            chain.draw(c, left, y, title, size)
            y -= 9 * mm
            info = [f"発行日 {to_wareki(circular.issued)}", f"区分 {circular.kind}"]
            if circular.due:
                info.append(f"班長へ戻す日 {to_wareki(circular.due)}")
            info.append(f"戻し先 {leader or block + 'の班長'}")
            chain.draw(c, left, y, "　".join(info), 10.5)
            y -= 6 * mm
            if body and n == 0:
                from reportlab.lib.styles import ParagraphStyle
                from reportlab.platypus import Paragraph

                para = Paragraph(chain.markup(body), ParagraphStyle("body", fontName=chain.main, fontSize=10.5,
                                                                     leading=15))
                _w, h = para.wrap(right - left, 60 * mm)
                para.drawOn(c, left, y - h)
                y -= h + 4 * mm
            cols = [("順", 12 * mm), ("世帯名", 58 * mm), ("受取日", 30 * mm), ("確認印", 26 * mm),
                    ("備考", right - left - 126 * mm)]
            row_h = 9.5 * mm
            x = left
            c.rect(left, y - row_h, right - left, row_h)
            for i, (label, w) in enumerate(cols):
                if i:
                    c.line(x, y, x, y - row_h)
                chain.draw(c, x + (w - chain.width(label, 10.5)) / 2, y - row_h + 3 * mm, label, 10.5)
                x += w
            y -= row_h
            for name in chunk:
                number += 1
                households += 1
                c.rect(left, y - row_h, right - left, row_h)
                x = left
                for i, (_label, w) in enumerate(cols):
                    if i:
                        c.line(x, y, x, y - row_h)
                    if i == 0:
                        chain.draw(c, x + (w - chain.width(str(number), 11)) / 2, y - row_h + 3 * mm, str(number), 11)
                    elif i == 1:
                        s = _fit(chain, name, 12, w - 4 * mm)
                        chain.draw(c, x + 2 * mm, y - row_h + 3 * mm, name, s)
                    elif i == 2:
                        chain.draw(c, x + 3 * mm, y - row_h + 3 * mm, "　月　　日", 10)
                    x += w
                y -= row_h
            if n == len(chunks) - 1:
                y -= 7 * mm
                chain.draw(c, left, y, "最後の方は班長へ戻してください。", 11)
            foot = f"{page} / {total}"
            chain.draw(c, (width - chain.width(foot, 9)) / 2, 10 * mm, foot, 9)
            purpose = "この回覧は町会の連絡のためのものです。名前を写したり、ほかの人に渡したりしないでください。"
            chain.draw(c, left, 16 * mm, purpose, 8)
            c.showPage()
    try:
        c.save()
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"PDFを保存できませんでした（{exc.strerror or exc}）: {target}") from None
    record_output(reg, f"回覧「{title}」（{len(lists)}班）{target.name}", "KAIRAN", households, action="print")
    return PrintResult(target, page, households, chain.warning)
