"""Printed documents (Qt-free). First: the 回覧板 cover sheet with its stamp list, per 班.

Every document asks :class:`privacy.OutputRule` what may appear for its purpose and is recorded
in the audit log as a print. Pages carry the 町会名 and a 和暦 date in the header and
「n / N」 at the foot; documents that go round the neighbourhood carry the purpose-of-use line.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

if TYPE_CHECKING:
    from kyodo_desktop.models.activity import EventData

CIRCULAR_KINDS = ("確認のみ", "要記入", "要返信")
ROWS_PER_PAGE = 20
#: ``progress(done, total)`` is told how far a document has got; returning False cancels it
Progress = Callable[[int, int], bool] | None
NO_HEAD = "（世帯主未登録）"


class PrintCancelled(RegisterError):
    """The user stopped a document part way; no file was left behind."""


def _tick(progress: Progress, done: int, total: int, tmp: Path) -> None:
    if progress is not None and progress(done, total) is False:
        tmp.unlink(missing_ok=True)
        raise PrintCancelled("印刷を中止しました。ファイルは作っていません。")


@dataclass(frozen=True)
class Circular:
    title: str
    issued: date
    due: date | None = None
    kind: str = "確認のみ"
    body: str = ""
    attachment: Path | None = None  # a PDF notice placed after each 班's cover sheet


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    households: int  # households listed (circular) or people listed (lists)
    warning: str = ""


def _block_rows(reg: Register, rule: OutputRule, block_id: int) -> list[str]:
    """世帯名 in 回覧順: the surname, or the head's full name where the household agreed to 回覧."""
    rows = reg.conn.execute(
        "SELECT p.id, p.family_name, p.given_name FROM households h LEFT JOIN persons p ON p.id = h.head_person_id "
        "WHERE h.block_id = ? AND h.status IN ('加入', '非加入') ORDER BY h.circulation_order, h.id",
        (block_id,),
    ).fetchall()
    # every household of the 班 is on the list (the circular goes round all of them); the
    # surname only, unless the household agreed to its name on circulars (KAIRAN)
    return [NO_HEAD if pid is None else f"{family}　{given}" if given and rule.consented(pid) else family
            for pid, family, given in rows]


def _save(c: object, tmp: Path, target: Path) -> None:
    """Write the canvas to its temporary file, then put it in place; a failure leaves nothing."""
    try:
        c.save()  # type: ignore[attr-defined]
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"PDFを保存できませんでした（{exc.strerror or exc}）: {target}") from None


def _heads(reg: Register, rule: OutputRule, block_ids: list[int] | None) -> tuple[list[tuple[str, str, str, str, str]], str]:
    """(〒, 住所, 建物, 姓, 名) of each household's head that may be addressed for ``rule``'s
    purpose, in 班 and 回覧順 order (labels and postcards), and a note of the households left out
    because nobody is registered as their head."""
    visible, params = reg.session.block_filter_sql("h.block_id")
    found = reg.conn.execute(
        "SELECT p.id, h.block_id, h.postal_code, h.address_town, h.address_number, h.address_building, "
        "p.family_name, p.given_name FROM households h LEFT JOIN persons p ON p.id = h.head_person_id "
        "LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE h.status IN ('加入','非加入') AND {visible} ORDER BY b.sort_order, h.circulation_order, h.id", params,
    ).fetchall()
    found = [f for f in found if block_ids is None or f[1] in block_ids]
    headless = sum(1 for f in found if f[0] is None)
    note = f"世帯主が登録されていない {headless}世帯は宛名を作れないため、入れていません。" if headless else ""
    return [(postal, town + number, building, family, given)
            for pid, _block, postal, town, number, building, family, given in found
            if pid is not None and rule.allows(pid, "name") and rule.allows(pid, "address")], note


def _fit(chain: FontChain, text: str, size: float, width: float) -> float:
    """The font size at which ``text`` fits ``width`` (never overflowing into the next cell):
    widths scale with the size, so one measurement gives it; 6 pt at the least."""
    w = chain.width(text, size)
    if w <= width:
        return size
    return max(6.0, math.floor(size * width / w * 4) / 4)


def _clip(chain: FontChain, text: str, size: float, width: float) -> str:
    """``text`` cut with 「…」 if it is still wider than ``width`` at ``size`` (a 300-character
    address in a 30 mm cell): never drawn over the next cell."""
    if chain.width(text, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if chain.width(text[:mid] + "…", size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def write_circular(reg: Register, circular: Circular, target: Path, *, block_ids: list[int] | None = None,
                   record: bool = True, progress: Progress = None) -> PrintResult:
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
            _tick(progress, page, total, tmp)
    try:
        c.save()
        if circular.attachment is not None:
            page += _attach_after_each_block(tmp, circular.attachment, [
                max(1, math.ceil(len(rows) / ROWS_PER_PAGE)) for *_x, rows in lists])
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"PDFを保存できませんでした（{exc.strerror or exc}）: {target}") from None
    except RegisterError:
        tmp.unlink(missing_ok=True)
        raise
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"回覧「{title}」（{len(lists)}班）{target.name}", "KAIRAN", households, action="print")
    return PrintResult(target, page, households, chain.warning)


def _attach_after_each_block(covers: Path, attachment: Path, pages_per_block: list[int]) -> int:
    """Insert the notice PDF after each 班's cover pages. Returns the pages added."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        notice = PdfReader(str(attachment))
        if notice.is_encrypted:
            raise RegisterError(f"パスワード付きのPDFは添付できません: {attachment.name}")
        notice_pages = list(notice.pages)
    except FileNotFoundError:
        raise RegisterError(f"添付するPDFが見つかりません: {attachment}") from None
    except (PdfReadError, ValueError, OSError) as exc:
        raise RegisterError(f"添付するファイルをPDFとして読めません: {attachment.name}（{exc}）") from None
    if not notice_pages:
        raise RegisterError(f"添付するPDFにページがありません: {attachment.name}")
    cover = PdfReader(str(covers))
    out = PdfWriter()
    at = 0
    for count in pages_per_block:
        for p in cover.pages[at:at + count]:
            out.add_page(p)
        at += count
        for p in notice_pages:
            out.add_page(p)
    with covers.open("wb") as fh:
        out.write(fh)
    return len(notice_pages) * len(pages_per_block)


# -- lists ------------------------------------------------------------------------------------------------------

#: 長寿祝: the age (under the chosen rule) → its name
LONGEVITY = {70: "古希", 77: "喜寿", 80: "傘寿", 88: "米寿", 90: "卒寿", 99: "白寿", 100: "百寿"}


@dataclass(frozen=True)
class Cover:
    """The first page of a list that leaves the officers' hands: what it is for and how to keep it."""

    facts: list[tuple[str, str]]  # (label, value): 目的, 範囲, 人数, 作成者 …
    rules: list[str]  # 取扱いのお願い
    purpose_of_use: str = ""  # the association's published purpose of use, in full


def _draw_cover(c: object, chain: FontChain, assoc: dict, size: tuple[float, float], title: str, cover: Cover,
                made: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    width, height = size
    left, right = 25 * mm, width - 25 * mm
    chain.draw(c, left, height - 12 * mm, assoc["name"], 9)
    chain.draw(c, right - chain.width(made, 9), height - 12 * mm, made, 9)
    y = height - 38 * mm
    big = f"{assoc['name']}　{title}"
    s = _fit(chain, big, 26, right - left)
    chain.draw(c, (width - chain.width(big, s)) / 2, y, big, s)
    y -= 16 * mm
    mark = "取扱注意　個人情報"
    c.setLineWidth(1.6)  # type: ignore[attr-defined]
    c.setStrokeColorRGB(0.75, 0.1, 0.1)  # type: ignore[attr-defined]
    c.setFillColorRGB(0.75, 0.1, 0.1)  # type: ignore[attr-defined]
    w = chain.width(mark, 16) + 14 * mm
    c.rect((width - w) / 2, y - 4 * mm, w, 12 * mm)  # type: ignore[attr-defined]
    chain.draw(c, (width - chain.width(mark, 16)) / 2, y, mark, 16)
    c.setStrokeColorRGB(0, 0, 0)  # type: ignore[attr-defined]
    c.setFillColorRGB(0, 0, 0)  # type: ignore[attr-defined]
    c.setLineWidth(0.5)  # type: ignore[attr-defined]
    y -= 18 * mm
    label_w = 30 * mm
    for label, value in cover.facts:
        c.line(left, y - 2.5 * mm, right, y - 2.5 * mm)  # type: ignore[attr-defined]
        chain.draw(c, left + 2 * mm, y, label, 11)
        s = _fit(chain, value, 11.5, right - left - label_w - 4 * mm)
        chain.draw(c, left + label_w, y, _clip(chain, value, s, right - left - label_w - 4 * mm), s)
        y -= 9 * mm
    y -= 5 * mm
    chain.draw(c, left, y, "取扱いのお願い", 12)
    y -= 8 * mm
    for rule in cover.rules:
        chain.draw(c, left + 4 * mm, y, "・" + rule, 10.5)
        y -= 6.5 * mm
    if cover.purpose_of_use:
        y -= 4 * mm
        para = Paragraph(chain.markup("この町会の個人情報の利用目的: " + cover.purpose_of_use),
                         ParagraphStyle("purpose", fontName=chain.main, fontSize=9, leading=13))
        _w, h = para.wrap(right - left, max(y - 20 * mm, 10 * mm))
        para.drawOn(c, left, max(y - h, 18 * mm))


def _write_list(reg: Register, target: Path, *, title: str, subtitle: str, columns: list[tuple[str, float]],
                rows: list[list[str]], landscape: bool = False, footer: str = "", cover: Cover | None = None,
                progress: Progress = None) -> int:
    """A list on A4 pages: title, subtitle, a header row repeated on every page, cells that shrink
    their text instead of overflowing, 町会名 and date at the top, n / N at the foot; with
    ``cover``, a first page saying what the list is for and how to keep it. Returns pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    chain = font_chain("gothic")
    assoc = get_association(reg)
    size = turn(A4) if landscape else A4
    width, height = size
    left, right = 15 * mm, width - 15 * mm
    total_w = sum(w for _h, w in columns)
    scale = (right - left) / total_w
    cols = [(h, w * scale) for h, w in columns]
    row_h = 8 * mm
    first_room = int((height - 58 * mm) // row_h)
    room = int((height - 40 * mm) // row_h)
    pages = 1 if len(rows) <= first_room else 1 + math.ceil((len(rows) - first_room) / room)
    first = 1 if cover is None else 2
    pages += first - 1
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=size, invariant=True)
    c.setTitle(f"{assoc['name']} {title}")
    made = to_wareki(reg.today())
    if cover is not None:
        _draw_cover(c, chain, assoc, size, title, cover, made)
        foot = f"1 / {pages}"
        chain.draw(c, (width - chain.width(foot, 9)) / 2, 8 * mm, foot, 9)
        c.showPage()
    i = 0
    for page in range(first, pages + 1):
        c.setLineWidth(0.5)
        chain.draw(c, left, height - 10 * mm, assoc["name"], 9)
        chain.draw(c, right - chain.width(made, 9), height - 10 * mm, made, 9)
        y = height - 16 * mm
        if page == first:
            y -= 8 * mm
            chain.draw(c, (width - chain.width(title, 17)) / 2, y, title, 17)
            y -= 9 * mm
            chain.draw(c, left, y, subtitle, 10)
            y -= 6 * mm
        take = first_room if page == first else room
        x = left
        c.setFillGray(0.9)
        c.rect(left, y - row_h, right - left, row_h, fill=1)
        c.setFillGray(0)
        for n, (h, w) in enumerate(cols):
            if n:
                c.line(x, y, x, y - row_h)
            s = _fit(chain, h, 10, w - 2 * mm)
            chain.draw(c, x + (w - chain.width(h, s)) / 2, y - row_h + 2.8 * mm, h, s)
            x += w
        y -= row_h
        for row in rows[i:i + take]:
            c.rect(left, y - row_h, right - left, row_h)
            x = left
            for n, ((_h, w), text) in enumerate(zip(cols, row, strict=True)):
                if n:
                    c.line(x, y, x, y - row_h)
                s = _fit(chain, text, 10.5, w - 2.5 * mm)
                chain.draw(c, x + 1.2 * mm, y - row_h + 2.8 * mm, _clip(chain, text, s, w - 2.5 * mm), s)
                x += w
            y -= row_h
        i += take
        if footer:
            chain.draw(c, left, 13 * mm, footer, 8)
        foot = f"{page} / {pages}"
        chain.draw(c, (width - chain.width(foot, 9)) / 2, 8 * mm, foot, 9)
        c.showPage()
        _tick(progress, page, pages, tmp)
    _save(c, tmp, Path(target))
    return pages


def write_elders(reg: Register, target: Path, *, age: int = 75, as_of: date | None = None,
                 rule: str = "legal", record: bool = True, progress: Progress = None) -> PrintResult:
    """敬老会 list: people at or above ``age`` on ``as_of`` (legal or birthday rule), by 班, with
    their 長寿祝 and 出欠・記念品 columns; the cutoff birth date is printed on the sheet."""
    from kyodo_desktop.models.japanese import age as age_of
    from kyodo_desktop.models.japanese import latest_birth_for_age

    reg.session.require("output", "敬老会の名簿を印刷する")
    if not 1 <= age <= 120:
        raise RegisterError("年齢は1〜120で指定してください。")
    as_of = as_of or reg.today()
    cutoff = latest_birth_for_age(age, as_of, rule)
    rule_label = {"legal": "法律の数え方（誕生日の前日に1歳加算）", "birthday": "誕生日に1歳加算", "kazoe": "数え年"}[rule]
    outputs = OutputRule(reg, "OFFICER_INTERNAL")
    visible, params = reg.session.block_filter_sql("h.block_id")
    found = reg.conn.execute(
        "SELECT p.id, coalesce(b.name, ''), p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date "
        "FROM persons p JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE p.status = '在籍' AND h.status IN ('加入','非加入') AND p.birth_date <= ? AND {visible} "
        "ORDER BY b.sort_order, b.id, p.birth_date, p.id", [cutoff.isoformat(), *params],
    ).fetchall()
    rows = []
    for pid, block, family, given, fk, gk, birth in found:
        if not outputs.allows(pid, "birth_date"):
            continue
        born = date.fromisoformat(birth)
        years = age_of(born, as_of, rule)
        rows.append([block, f"{family}　{given}".strip("　"), f"{fk} {gk}".strip(), to_wareki(born), f"{years}歳",
                     LONGEVITY.get(years, ""), "", ""])
    title = f"敬老会 名簿（{age}歳以上）"
    subtitle = (f"{to_wareki(as_of)}現在で{age}歳以上 ＝ {to_wareki(cutoff)}以前生まれ（{rule_label}）　{len(rows)}人")
    columns = [("班", 14), ("氏名", 34), ("フリガナ", 36), ("生年月日", 32), ("年齢", 14), ("長寿祝", 16),
               ("出欠", 14), ("記念品", 16)]
    pages = _write_list(reg, Path(target), title=title, subtitle=subtitle, columns=columns, rows=rows,
                        footer="この名簿は敬老会の準備のためだけに使い、終わったら町会へ返却するか、シュレッダーで処分してください。",
                        progress=progress)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"{title} {Path(target).name}", "OFFICER_INTERNAL", len(rows), action="print")
    return PrintResult(Path(target), pages, len(rows), font_chain("gothic").warning)


REGISTER_RULES = (
    "この名簿は、上の目的のためだけに使ってください。",
    "コピー・撮影・転送をしないでください。ほかの人に見せないでください。",
    "なくさないよう鍵のかかる所に保管し、使い終わったら町会へ返すか、シュレッダーで処分してください。",
    "載っていない方は、名簿への掲載に同意されていない方です。問い合わせは役員へお願いします。",
)


def write_register_pdf(reg: Register, target: Path, *, purpose: str = "OFFICER_INTERNAL",
                       columns: tuple[str, ...] | None = None, order: str = "circulation",
                       block_ids: list[int] | None = None, record: bool = True, cover: bool = True,
                       progress: Progress = None) -> PrintResult:
    """The 名簿 as a printed list (A4 landscape): the rows of the Excel export, chosen columns,
    a cover page with the purpose of use and how to keep the list, the purpose again at the foot
    of every page; consent and role decide who appears."""
    from kyodo_desktop.export.register_xlsx import COLUMNS, DEFAULT_COLUMNS, _rows
    from kyodo_desktop.models import schema

    reg.session.require("output", "名簿を印刷する")
    columns = DEFAULT_COLUMNS if columns is None else tuple(columns)
    unknown = [c for c in columns if c not in COLUMNS or c == "id"]
    if unknown:
        raise RegisterError(f"印刷できない列です: {', '.join(unknown)}")
    rule = OutputRule(reg, purpose)
    rows, left_out = _rows(reg, rule, columns, order, True)
    if block_ids is not None:
        names = {r[0] for r in reg.conn.execute(
            f"SELECT name FROM blocks WHERE id IN ({','.join('?' * len(block_ids))})", block_ids)}
        rows = [v for v in rows if v["block"] in names]
    widths = {"block": 12, "circulation_order": 10, "household_no": 18, "name": 30, "kana": 32, "relation": 14,
              "birth_date": 28, "postal_code": 18, "address": 34, "address_number": 14, "address_building": 24,
              "landline": 24, "mobile": 24, "email": 36, "member_type": 16, "status": 12, "notes": 40}
    if not columns:
        raise RegisterError("載せる列を1つ以上選んでください。")
    cols = [(COLUMNS[c][0], widths.get(c, 20)) for c in columns]
    table = [["" if v[c] is None else str(v[c]) for c in columns] for v in rows]
    assoc = get_association(reg)
    subtitle = f"目的: {schema.PURPOSES[purpose]}　{len(rows)}人" + (f"（同意のない {left_out}人は載せていません）" if left_out else "")
    footer = assoc["purpose_of_use"] or ""
    scope = "すべての班"
    shown = block_ids if block_ids is not None else (
        None if reg.session.block_ids is None else sorted(reg.session.block_ids))  # a 班長: their own 班
    if shown is not None:
        scope = "・".join(r[0] for r in reg.conn.execute(
            f"SELECT name FROM blocks WHERE id IN ({','.join('?' * len(shown))}) ORDER BY sort_order, id",
            shown)) or "（該当する班なし）"
    facts = [("目的", schema.PURPOSES[purpose]), ("載せた範囲", scope),
             ("人数", f"{len(rows)}人" + (f"（同意のない {left_out}人は載せていません）" if left_out else "")),
             ("並び順", "五十音順" if order == "gojuon" else "回覧順（班ごと）"),
             ("載せた項目", "・".join(COLUMNS[c][0] for c in columns)),
             ("作成", f"{to_wareki(reg.today())}　{reg.session.display_name}")]
    pages = _write_list(reg, Path(target), title="名簿", subtitle=subtitle, columns=cols, rows=table, landscape=True,
                        footer=footer[:120], progress=progress,
                        cover=Cover(facts, list(REGISTER_RULES), footer) if cover else None)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"名簿（PDF）{Path(target).name}", purpose, len(rows), action="print")
    return PrintResult(Path(target), pages, len(rows), font_chain("gothic").warning)


#: labels per A4 sheet → (columns, rows)
LABEL_LAYOUTS = {12: (2, 6), 18: (3, 6), 21: (3, 7), 24: (3, 8)}


def write_labels(reg: Register, target: Path, *, per_sheet: int = 12, skip: int = 0,
                 purpose: str = "OFFICER_INTERNAL", block_ids: list[int] | None = None, record: bool = True,
                 progress: Progress = None) -> PrintResult:
    """Address labels, one per household (〒, address, 「世帯主 様」), on A4 label sheets of 12,
    18, 21 or 24; ``skip`` leaves the first labels of a partly used sheet empty."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "宛名ラベルを印刷する")
    if per_sheet not in LABEL_LAYOUTS:
        raise RegisterError(f"ラベルの面数は {'・'.join(map(str, LABEL_LAYOUTS))} のどれかです。")
    if not 0 <= skip < per_sheet:
        raise RegisterError(f"使用済みのラベルの数は 0〜{per_sheet - 1} で指定してください。")
    heads, note = _heads(reg, OutputRule(reg, purpose), block_ids)
    labels = [(postal, address, building, f"{family}　{given}".strip("　"))
              for postal, address, building, family, given in heads]
    cols, rows = LABEL_LAYOUTS[per_sheet]
    width, height = A4
    margin_x, margin_y = 8 * mm, 10 * mm
    cell_w = (width - 2 * margin_x) / cols
    cell_h = (height - 2 * margin_y) / rows
    chain = font_chain("gothic")
    slots = [None] * skip + labels
    pages = max(1, math.ceil(len(slots) / per_sheet))
    tmp = Path(target).with_name(Path(target).name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    for page in range(pages):
        for n, label in enumerate(slots[page * per_sheet:(page + 1) * per_sheet]):
            if label is None:
                continue
            postal, address, building, name = label
            x = margin_x + (n % cols) * cell_w + 4 * mm
            top = height - margin_y - (n // cols) * cell_h - 7 * mm
            inner = cell_w - 8 * mm
            if postal:
                chain.draw(c, x, top, f"〒{postal}", 9)
            y = top - 5.5 * mm
            for line in (address, building):
                if line:
                    s = _fit(chain, line, 10, inner)
                    chain.draw(c, x, y, _clip(chain, line, s, inner), s)
                    y -= 5 * mm
            honorific = f"{name}　様"
            size = _fit(chain, honorific, 14 if per_sheet <= 18 else 12, inner)
            chain.draw(c, x + inner - chain.width(honorific, size), max(y - 3 * mm, top - cell_h + 12 * mm),
                       honorific, size)
        c.showPage()
        _tick(progress, page + 1, pages, tmp)
    _save(c, tmp, Path(target))
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"宛名ラベル（{per_sheet}面）{Path(target).name}", purpose, len(labels), action="print")
    return PrintResult(Path(target), pages, len(labels), "\n".join(w for w in (chain.warning, note) if w))


def write_household_sheets(reg: Register, target: Path, *, block_ids: list[int] | None = None, record: bool = True,
                           progress: Progress = None) -> PrintResult:
    """「記載内容の確認のお願い」: one page per household with what the register holds about it and
    the consent questions as tick boxes, for checking details at the door. For the household
    itself, so every field is printed (officers' internal use), 要配慮個人情報 never."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from kyodo_desktop.models import households as hh
    from kyodo_desktop.models import schema

    reg.session.require("output", "確認用紙を印刷する")
    visible, params = reg.session.block_filter_sql("h.block_id")
    ids = [r[0] for r in reg.conn.execute(
        "SELECT h.id FROM households h LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE h.status IN ('加入','非加入') AND {visible} ORDER BY b.sort_order, h.circulation_order, h.id", params)]
    households = [hh.get_household(reg, i) for i in ids]  # each read once
    if block_ids is not None:
        households = [h for h in households if h.block_id in block_ids]
    ids = [h.id for h in households]
    chain = font_chain("mincho")  # a letter to the household: 明朝, as formal documents are
    assoc = get_association(reg)
    width, height = A4
    left, right = 18 * mm, width - 18 * mm
    tmp = Path(target).with_name(Path(target).name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    blocks = {b.id: b.name for b in hh.list_blocks(reg)}
    for page, data in enumerate(households, start=1):
        people = [p for p in data.persons if p.status == "在籍"]
        chain.draw(c, left, height - 12 * mm, assoc["name"], 9)
        y = height - 26 * mm
        head = "記載内容の確認のお願い"
        chain.draw(c, (width - chain.width(head, 18)) / 2, y, head, 18)
        y -= 10 * mm
        for line in ("町会の名簿に、次のように記載しています。違っているところは赤で直して、",
                     "下の質問に○をつけて、班長にお返しください。"):
            chain.draw(c, left, y, line, 10.5)
            y -= 6 * mm
        y -= 3 * mm
        address = " ".join(x for x in (data.address_town + data.address_number, data.address_building) if x)
        for label, value in (("班", blocks.get(data.block_id, "")), ("住所", f"〒{data.postal_code} {address}".strip()),
                             ("電話", data.landline)):
            chain.draw(c, left, y, f"{label}：{value}", 11)
            y -= 7 * mm
        y -= 2 * mm
        cols = [("氏名", 48 * mm), ("フリガナ", 46 * mm), ("続柄", 20 * mm), ("生年月日", 36 * mm),
                ("携帯電話", right - left - 150 * mm)]
        row_h = 8 * mm
        for r, row in enumerate([[h for h, _w in cols]] + [
                [p.full_name, p.full_kana.strip(), p.relation,
                 to_wareki(date.fromisoformat(p.birth_date)) if p.birth_date else "", p.mobile] for p in people]):
            c.rect(left, y - row_h, right - left, row_h)
            x = left
            for n, ((_h, w), text) in enumerate(zip(cols, row, strict=True)):
                if n:
                    c.line(x, y, x, y - row_h)
                chain.draw(c, x + 1.5 * mm, y - row_h + 2.8 * mm, text, _fit(chain, text, 10.5 if r else 10, w - 3 * mm))
                x += w
            y -= row_h
        y -= 9 * mm
        chain.draw(c, left, y, "名簿の使い方について（あてはまる方に○をつけてください）", 11)
        y -= 8 * mm
        for purpose in schema.CONSENT_PURPOSES:
            chain.draw(c, left + 4 * mm, y, f"{schema.PURPOSES[purpose]}", 10.5)
            chain.draw(c, right - 52 * mm, y, "はい　・　いいえ", 10.5)
            y -= 7 * mm
        y -= 4 * mm
        purpose_text = assoc["purpose_of_use"] or ""
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        para = Paragraph(chain.markup("利用目的: " + purpose_text), ParagraphStyle("p", fontName=chain.main, fontSize=8.5,
                                                                                  leading=12))
        _w, h = para.wrap(right - left, 40 * mm)
        para.drawOn(c, left, max(y - h, 22 * mm))
        foot = f"{page} / {len(ids)}"
        chain.draw(c, (width - chain.width(foot, 9)) / 2, 10 * mm, foot, 9)
        c.showPage()
        _tick(progress, page, len(ids), tmp)
    if not ids:
        c.showPage()
    _save(c, tmp, Path(target))
    persons = sum(1 for h in households for p in h.persons if p.status == "在籍")
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"記載内容の確認用紙 {Path(target).name}", "OFFICER_INTERNAL", persons, action="print")
    return PrintResult(Path(target), max(1, len(ids)), len(ids), chain.warning)


#: characters turned a quarter when set vertically (縦書き)
_ROTATE_IN_VERTICAL = set("ー－-~〜（）()「」『』【】［］[]…‥＝=")


def _draw_vertical(c: object, chain: FontChain, x: float, top: float, text: str, size: float, gap: float = 1.1) -> float:
    """縦書き: characters top to bottom, centred on ``x``; the long vowel mark, dashes and
    brackets turned a quarter; digits stay upright one by one. Returns the bottom y."""
    y = top
    for ch in text:
        if ch in " 　":
            y -= size * 0.6
            continue
        name = chain.font_for(ch) or chain.main
        w = chain.width(ch, size)
        y -= size * gap
        if ch in _ROTATE_IN_VERTICAL:
            c.saveState()  # type: ignore[attr-defined]
            c.translate(x, y + size * 0.5)  # type: ignore[attr-defined]
            c.rotate(-90)  # type: ignore[attr-defined]
            c.setFont(name, size)  # type: ignore[attr-defined]
            c.drawString(-w / 2, -size * 0.35, ch)  # type: ignore[attr-defined]
            c.restoreState()  # type: ignore[attr-defined]
        else:
            c.setFont(name, size)  # type: ignore[attr-defined]
            c.drawString(x - w / 2, y, ch)  # type: ignore[attr-defined]
    return y


def write_postcards(reg: Register, target: Path, *, purpose: str = "OFFICER_INTERNAL",
                    block_ids: list[int] | None = None, record: bool = True, progress: Progress = None) -> PrintResult:
    """はがきの宛名面 (100 × 148 mm), 縦書き: 〒 in the printed boxes, the address down the right,
    「世帯主 様」 large in the middle; one card per household, in 明朝."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "はがきの宛名を印刷する")
    cards, note = _heads(reg, OutputRule(reg, purpose), block_ids)
    chain = font_chain("mincho")
    size = (100 * mm, 148 * mm)
    tmp = Path(target).with_name(Path(target).name + ".part")
    c = Canvas(str(tmp), pagesize=size, invariant=True)
    # the 郵便番号 boxes printed on Japanese postcards (from the card's top-left corner)
    boxes = [44.0, 51.0, 58.0, 65.8, 72.6, 79.4, 86.2]
    for done, (postal, address, building, family, given) in enumerate(cards, start=1):
        digits = [d for d in postal if d.isdigit()]
        for n, d in enumerate(digits[:7]):
            chain.draw(c, boxes[n] * mm + 1.2 * mm, size[1] - 12 * mm - 5.5 * mm, d, 13)
        top = size[1] - 24 * mm
        bottom = _draw_vertical(c, chain, 88 * mm, top, address, _fit_vertical(chain, address, 13, top - 12 * mm))
        if building:
            _draw_vertical(c, chain, 80 * mm, bottom - 4 * mm, building, 11)
        name = f"{family}　{given}".strip("　") + "　様"
        _draw_vertical(c, chain, 50 * mm, size[1] - 30 * mm, name, _fit_vertical(chain, name, 26, 110 * mm))
        c.showPage()
        _tick(progress, done, len(cards), tmp)
    if not cards:
        c.showPage()
    _save(c, tmp, Path(target))
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"はがき宛名 {Path(target).name}", purpose, len(cards), action="print")
    return PrintResult(Path(target), max(1, len(cards)), len(cards), "\n".join(w for w in (chain.warning, note) if w))


def _fit_vertical(chain: FontChain, text: str, size: float, height: float) -> float:
    while size > 7 and len(text.replace(" ", "")) * size * 1.1 > height:
        size -= 0.5
    return size


# -- 行事: the sign-in sheet and the 出欠 list ---------------------------------------------------------------

#: a column of a form: (header, relative width, align: "l" left, "c" centre, "r" right)
FormColumn = tuple[str, float, str]


@dataclass(frozen=True)
class _FormSection:
    """One part of a form that starts on its own page: a heading, lines about the event, a table
    (``None`` cells and whole rows left empty for writing in), and a closing line."""

    heading: str
    title: str
    lines: list[str]
    columns: list[FormColumn]
    rows: list[list[str]]
    closing: list[str]
    row_height_mm: float = 10.0
    #: rows may shrink down to this so that the section fits on one page (a 班's list in one sheet)
    min_row_height_mm: float | None = None


_WEEKDAYS = "月火水木金土日"


def _event_when(starts_at: str, ends_at: str | None) -> str:
    """「令和8年12月19日（土）13:00〜15:00」; a multi-day event shows both days."""
    day = date.fromisoformat(starts_at[:10])
    text = f"{to_wareki(day)}（{_WEEKDAYS[day.weekday()]}）"
    if len(starts_at) > 10:
        text += f" {starts_at[11:16]}"
        if ends_at:
            end_day = date.fromisoformat(ends_at[:10])
            if end_day != day:
                text += f"〜{to_wareki(end_day)}（{_WEEKDAYS[end_day.weekday()]}）"
            text += f"〜{ends_at[11:16]}" if end_day == day else f" {ends_at[11:16]}"
    return text


def _event_for_print(reg: Register, event_id: int, doing: str) -> tuple[EventData, list[str]]:
    """The event and the lines printed under its title (日時, 場所, 主催). A cancelled event is refused."""
    from kyodo_desktop.models.activity import get_event

    event = get_event(reg, event_id)
    if event.status == "中止":
        raise RegisterError(f"行事「{event.title}」は中止になっているため、{doing}を作りません。")
    organiser = event.organiser
    if event.organiser_partner_id is not None:
        row = reg.conn.execute("SELECT name FROM partners WHERE id = ?", [event.organiser_partner_id]).fetchone()
        organiser = row[0] if row else organiser
    lines = [f"日時　{_event_when(event.starts_at, event.ends_at)}"]
    if event.place:
        lines.append(f"場所　{event.place}")
    lines.append(f"主催　{get_association(reg)['name'] if organiser == '町会' else organiser}")
    return event, lines


def _write_forms(reg: Register, target: Path, *, document: str, sections: list[_FormSection], footer: list[str],
                 progress: Progress = None) -> int:
    """Forms on A4 (portrait): each section from a new page with its heading, the event's title
    and lines, a table whose header repeats on every page and rows tall enough to write in by
    hand; 町会名 and the date at the top, the purpose of use and n / N at the foot. Returns pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    chain = font_chain("gothic")
    assoc = get_association(reg)
    width, height = A4
    left, right = 18 * mm, width - 18 * mm
    made = f"作成 {to_wareki(reg.today())}"
    # the purpose of use, wrapped (never cut): the table stops above it
    style = ParagraphStyle("foot", fontName=chain.main, fontSize=8, leading=11, wordWrap="CJK")
    notes = [Paragraph(chain.markup(line), style) for line in footer]
    heights = [p.wrap(right - left, 60 * mm)[1] for p in notes]
    bottom = 16 * mm + sum(heights) + 1.5 * mm * len(notes) + 4 * mm

    def table_top(section: _FormSection, first: bool) -> float:
        if not first:
            return height - 30 * mm
        return height - 50 * mm - 6.5 * mm * len(section.lines) - 2 * mm

    # paginate first: every page says n / N
    plan: list[tuple[_FormSection, float, list[list[str]], bool, bool]] = []  # section, row height, rows, first, last
    for section in sections:
        row_h = section.row_height_mm * mm
        closing_room = 8 * mm + 7 * mm * len(section.closing)
        room_one_page = table_top(section, True) - bottom - closing_room
        if section.min_row_height_mm and (len(section.rows) + 1) * row_h > room_one_page:
            fit = room_one_page / (len(section.rows) + 1)
            if fit >= section.min_row_height_mm * mm:
                row_h = fit
        rows, first = list(section.rows), True
        while True:
            room = int((table_top(section, first) - row_h - bottom) // row_h)
            take, rows = rows[:room], rows[room:]
            if not rows and section.closing:  # the closing lines need room: rows go over to a new page
                while take and table_top(section, first) - row_h * (len(take) + 1) - closing_room < bottom - 4 * mm:
                    rows.insert(0, take.pop())
            plan.append((section, row_h, take, first, not rows))
            first = False
            if not rows:
                break
    total = len(plan)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} {document}")
    for page, (section, row_h, rows, first, last) in enumerate(plan, start=1):
        c.setLineWidth(0.6)
        chain.draw(c, left, height - 12 * mm, assoc["name"], 9)
        chain.draw(c, right - chain.width(made, 9), height - 12 * mm, made, 9)
        if first:
            y = height - 26 * mm
            s = _fit(chain, section.heading, 20, right - left)
            chain.draw(c, (width - chain.width(section.heading, s)) / 2, y, section.heading, s)
            y -= 12 * mm
            s = _fit(chain, section.title, 16, right - left)
            chain.draw(c, left, y, _clip(chain, section.title, s, right - left), s)
            y -= 9 * mm
            for line in section.lines:
                s = _fit(chain, line, 11, right - left)
                chain.draw(c, left, y, _clip(chain, line, s, right - left), s)
                y -= 6.5 * mm
        else:
            more = f"{section.heading}（続き）　{section.title}"
            s = _fit(chain, more, 11, right - left)
            chain.draw(c, left, height - 22 * mm, _clip(chain, more, s, right - left), s)
        y = table_top(section, first)
        scale = (right - left) / sum(w for _h, w, _a in section.columns)
        cols = [(h, w * scale, a) for h, w, a in section.columns]
        c.setFillGray(0.9)
        c.rect(left, y - row_h, right - left, row_h, fill=1)
        c.setFillGray(0)
        x = left
        for n, (h, w, _a) in enumerate(cols):
            if n:
                c.line(x, y, x, y - row_h)
            s = _fit(chain, h, 11, w - 2 * mm)
            chain.draw(c, x + (w - chain.width(h, s)) / 2, y - row_h / 2 - s * 0.35, h, s)
            x += w
        y -= row_h
        for row in rows:
            c.rect(left, y - row_h, right - left, row_h)
            x = left
            for n, ((_h, w, align), text) in enumerate(zip(cols, row, strict=True)):
                if n:
                    c.line(x, y, x, y - row_h)
                if text:
                    s = _fit(chain, text, 12, w - 3 * mm)
                    text = _clip(chain, text, s, w - 3 * mm)
                    tw = chain.width(text, s)
                    tx = x + 1.5 * mm if align == "l" else x + w - 1.5 * mm - tw if align == "r" else x + (w - tw) / 2
                    chain.draw(c, tx, y - row_h / 2 - s * 0.35, text, s)
                x += w
            y -= row_h
        if last:
            y -= 8 * mm
            for line in section.closing:
                s = _fit(chain, line, 11, right - left)
                chain.draw(c, left, y, _clip(chain, line, s, right - left), s)
                y -= 7 * mm
        fy = bottom - 4 * mm
        for note, h in zip(notes, heights, strict=True):
            fy -= h
            note.drawOn(c, left, fy)
            fy -= 1.5 * mm
        foot = f"{page} / {total}"
        chain.draw(c, (width - chain.width(foot, 9)) / 2, 8 * mm, foot, 9)
        c.showPage()
        _tick(progress, page, total, tmp)
    _save(c, tmp, target)
    return total


SIGN_IN_PURPOSE = "ご記入いただいた氏名は、参加人数の把握と町会の事業報告のためだけに使い、ほかの目的には使いません。"


def write_sign_in_sheet(reg: Register, target: Path, *, event_id: int, rows: int = 30, record: bool = True,
                        progress: Progress = None) -> PrintResult:
    """A sign-in sheet (受付名簿) for an event: its title, date in 和暦, time and place; empty rows
    to write 氏名, 班 and 署名 in; the purpose of use at the foot of every page."""
    reg.session.require("output", "受付名簿を印刷する")
    if not 1 <= rows <= 500:
        raise RegisterError("記入欄の行数は1〜500で指定してください。")
    event, lines = _event_for_print(reg, event_id, "受付名簿")
    section = _FormSection(
        heading="受 付 名 簿", title=event.title, lines=lines,
        columns=[("No.", 9, "c"), ("氏名", 62, "l"), ("班", 24, "c"), ("署名", 62, "l")],
        rows=[[str(n), "", "", ""] for n in range(1, rows + 1)],
        closing=["町会の外から来られた方は、班の欄に「外」とご記入ください。"], row_height_mm=11.0)
    assoc = get_association(reg)
    footer = [SIGN_IN_PURPOSE] + ([f"{assoc['name']}の個人情報の利用目的: {assoc['purpose_of_use']}"]
                                  if assoc["purpose_of_use"] else [])
    pages = _write_forms(reg, Path(target), document=f"受付名簿 {event.title}",
                         sections=[section], footer=footer, progress=progress)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"受付名簿「{event.title}」（{rows}行）{Path(target).name}",
                      "ACTIVITY_LOG", 0, action="print")
    return PrintResult(Path(target), pages, 0, font_chain("gothic").warning)


RSVP_PURPOSE = "この出欠表は行事の準備のためだけに使います。名前を写したり、ほかの人に渡したりしないでください。"


def write_rsvp_list(reg: Register, target: Path, *, event_id: int, block_ids: list[int] | None = None,
                    record: bool = True, progress: Progress = None) -> PrintResult:
    """出欠表 for an event, one section (from a new page) per 班 for the 班長 to send round: the
    households in 回覧順 — the surname only, unless the household agreed to its name on circulars
    (KAIRAN) — with 出席人数, 欠席 and 備考 to fill in, and a line for the totals."""
    reg.session.require("output", "出欠表を印刷する")
    event, lines = _event_for_print(reg, event_id, "出欠表")
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
    sections = []
    households = 0
    for bid, name, leader in blocks:
        names = _block_rows(reg, rule, bid)
        households += len(names)
        leader = leader.strip("　")
        sections.append(_FormSection(
            heading=f"出 欠 表（{name}）", title=event.title,
            lines=[*lines, f"取りまとめ　{leader or name + 'の班長'}",
                   "出席の方は人数を、欠席の方は「欠席」の欄に○をご記入ください。"],
            columns=[("順", 8, "c"), ("世帯名", 52, "l"), ("出席人数", 22, "r"), ("欠席", 14, "c"), ("備考", 50, "l")],
            rows=[[str(n), who, "人", "", ""] for n, who in enumerate(names, start=1)],
            closing=["合計　　出席　　　　人　・　欠席　　　　世帯", "最後の方は班長へ戻してください。"],
            min_row_height_mm=8.0))
    assoc = get_association(reg)
    footer = [RSVP_PURPOSE] + ([f"{assoc['name']}の個人情報の利用目的: {assoc['purpose_of_use']}"]
                               if assoc["purpose_of_use"] else [])
    pages = _write_forms(reg, Path(target), document=f"出欠表 {event.title}",
                         sections=sections, footer=footer, progress=progress)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"出欠表「{event.title}」（{len(sections)}班）{Path(target).name}",
                      "KAIRAN", households, action="print")
    return PrintResult(Path(target), pages, households, font_chain("gothic").warning)
