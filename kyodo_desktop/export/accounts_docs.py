"""会費・収支の帳票 (Qt-free): the 会費集金簿 per 班, the 収支決算書 with the 会計監査報告書, and
the 収支予算書, as PDF (and the 決算書 as Excel too). Issue 9; the figures come from
:mod:`kyodo_desktop.models.accounts_book` as plain data, nothing is computed twice here.

The 集金簿 goes to the 班長 (a 班長's session prints their own 班 only) with each household's dues
and what is already paid filled in, columns to write the date and stamp the receipt; the
statements carry no one's name. Every file is written to a temporary file and put in place at
the end, and recorded in the audit log as an output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.export.documents import (
    PrintResult,
    Progress,
    _clip,
    _fit,
    _FormSection,
    _save,
    _tick,
    _write_forms,
)
from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register

COLLECTION_PURPOSE = ("この集金簿は会費の集金と領収の記録のためだけに使い、書き写したりほかの人に見せたりしないでください。"
                      "集金が終わったら、集めた会費と一緒に会計へお渡しください。")
AUDIT_TEXT = ("{label}の{name}の会計について、会計帳簿、領収書などの証拠書類、預金通帳および現金を監査した結果、"
              "上記の収支決算書のとおり適正に処理されていることを認めます。")


def money(n: int) -> str:
    """「12,000」; a negative amount as 「△12,000」 (the usual way on a 決算書)."""
    return f"{n:,}" if n >= 0 else f"△{-n:,}"


def _short_day(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    return f"{d.month}/{d.day}"


# -- the 会費集金簿 ---------------------------------------------------------------------------------------


def _no_head(x: ab.DuesLine) -> str:
    return f"（世帯主未登録）{x.address}".strip()


def _instalment_cell(i: ab.InstalmentDue) -> str:
    """What the 班長 sees for one instalment: 「済 5/10」 when paid, the amount still to collect
    otherwise (the date is written in by hand), 「—」 when nothing is due."""
    if i.due == 0 and i.paid == 0:
        return "—"
    if i.paid >= i.due:
        return f"済 {_short_day(i.last_paid_on)}".strip()
    if i.paid:
        return f"{i.paid:,}円入 残{i.outstanding:,}円"  # the date of the rest is written in by hand
    return f"{i.due:,}円"


def write_collection_book(reg: Register, target: Path, *, fiscal_year: int, block_ids: list[int] | None = None,
                          record: bool = True, progress: Progress = None) -> PrintResult:
    """会費集金簿 of ``fiscal_year``, one section (from a new page) per 班 for its 班長: each household
    in 回覧順 with its 年額, per instalment what is still to collect or 「済」 and the date it was
    paid, a 領収印 column and the 備考 (its dues category and the reason its dues were changed);
    the 班's totals at the end. A 班長's session gets their own 班 only."""
    reg.session.require("output", "会費集金簿を印刷する")
    lines = ab.dues_for_year(reg, fiscal_year)  # limited to the 班 the session sees
    if block_ids is not None:
        lines = [x for x in lines if x.block_id in block_ids]
    if not lines:
        raise RegisterError(f"{ab.get_year(reg, fiscal_year).label}の会費集金簿に載せる世帯がありません。")
    plan = ab.get_dues_plan(reg, fiscal_year)
    label = ab.get_year(reg, fiscal_year).label
    leaders = dict(reg.conn.execute(
        "SELECT b.id, trim(coalesce(p.family_name, '') || '　' || coalesce(p.given_name, ''), '　') FROM blocks b "
        "LEFT JOIN persons p ON p.id = b.leader_person_id"))
    groups: dict[int | None, list[ab.DuesLine]] = {}
    for x in lines:
        groups.setdefault(x.block_id, []).append(x)
    dues_on = "・".join(f"{i.label} {to_wareki(date.fromisoformat(i.due_on))}" for i in plan.instalments)
    columns: list[tuple[str, float, str]] = [("班", 12, "c"), ("世帯", 34, "l"), ("年額", 20, "r")]
    columns += [(f"{i.label}の入金日", 34 if len(plan.instalments) <= 2 else 18, "c") for i in plan.instalments]
    columns += [("領収印", 16, "c"), ("備考", 30, "l")]
    sections = []
    for block_id, xs in groups.items():
        block = xs[0].block or "班なし"
        rows = []
        for x in xs:
            note = "　".join(t for t in (x.category if x.category != "正会員" else "", x.note) if t)
            rows.append([block, x.name or _no_head(x), f"{x.due:,}円",
                         *(_instalment_cell(i) for i in x.instalments), "", note])
        due, paid = sum(x.due for x in xs), sum(x.paid for x in xs)
        leader = leaders.get(block_id) or ""
        sections.append(_FormSection(
            heading=f"会 費 集 金 簿（{block}）", title=f"{label}　会費",
            lines=[f"納期限　{dues_on}", f"班長　{leader or block + 'の班長'}",
                   "入金日の欄: 金額は集める額（入金日を記入）、「済」は入金済み（入金日）。受け取ったら領収印を押してください。"],
            columns=columns, rows=rows,
            closing=[f"合計　{len(xs)}世帯　年額 {due:,}円　入金済 {paid:,}円　未納 {due - paid:,}円",
                     "集めた会費は、この集金簿と一緒に会計へお渡しください。"],
            row_height_mm=10.0, min_row_height_mm=8.0))
    assoc = get_association(reg)
    footer = [COLLECTION_PURPOSE] + ([f"{assoc['name']}の個人情報の利用目的: {assoc['purpose_of_use']}"]
                                     if assoc["purpose_of_use"] else [])
    pages = _write_forms(reg, Path(target), document=f"会費集金簿 {label}", sections=sections, footer=footer,
                         progress=progress)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"会費集金簿 {label}（{len(sections)}班）{Path(target).name}", "OFFICER_INTERNAL",
                      len(lines), action="print")
    return PrintResult(Path(target), pages, len(lines), font_chain("gothic").warning)


# -- statements: a small page-flowing layout --------------------------------------------------------------

Op = Callable[[Any], None]
Column = tuple[str, float, str]  # header, width (mm, scaled to the page), alignment l / r / c


@dataclass
class _Pages:
    """Draw operations laid out page by page first, so that every page can say n / N."""

    chain: FontChain
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    pages: list[list[Op]] = field(default_factory=list)
    y: float = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def room(self, h: float) -> bool:
        """Start a new page unless ``h`` still fits; True when a new page was started."""
        if self.y - h < self.bottom:
            self.new_page()
            return True
        return False

    def text(self, x: float, y: float, text: str, size: float, *, width: float | None = None,
             align: str = "l") -> None:
        chain = self.chain
        room = width if width is not None else self.right - x
        s = _fit(chain, text, size, room)
        text = _clip(chain, text, s, room)
        w = chain.width(text, s)
        tx = x if align == "l" else x + room - w if align == "r" else x + (room - w) / 2
        self.pages[-1].append(lambda c: chain.draw(c, tx, y, text, s))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        def op(c: Any) -> None:
            c.setLineWidth(width)
            c.line(x1, y1, x2, y2)
        self.pages[-1].append(op)

    def rect(self, x: float, y: float, w: float, h: float, gray: float | None = None) -> None:
        def op(c: Any) -> None:
            c.setLineWidth(0.5)
            if gray is not None:
                c.setFillGray(gray)
                c.rect(x, y, w, h, fill=1)
                c.setFillGray(0)
            else:
                c.rect(x, y, w, h)
        self.pages[-1].append(op)

    def table(self, columns: list[Column], rows: list[tuple[list[str], bool]], *, row_h: float,
              caption: str = "") -> None:
        """A ruled table whose header repeats on a new page; rows marked True are shaded totals."""
        from reportlab.lib.units import mm

        scale = (self.right - self.left) / sum(w for _h, w, _a in columns)
        cols = [(h, w * scale, a) for h, w, a in columns]

        def header() -> None:
            self.rect(self.left, self.y - row_h, self.right - self.left, row_h, 0.88)
            x = self.left
            for n, (h, w, _a) in enumerate(cols):
                if n:
                    self.line(x, self.y, x, self.y - row_h)
                self.text(x + 1 * mm, self.y - row_h / 2 - 3.5, h, 10, width=w - 2 * mm, align="c")
                x += w
            self.y -= row_h

        self.room(row_h * (3 if rows else 2) + (7 * mm if caption else 0))
        if caption:
            self.text(self.left, self.y - 5 * mm, caption, 12)
            self.y -= 7 * mm
        header()
        for cells, total in rows:
            if self.room(row_h):
                header()
            self.rect(self.left, self.y - row_h, self.right - self.left, row_h, 0.95 if total else None)
            x = self.left
            for n, ((_h, w, align), text) in enumerate(zip(cols, cells, strict=True)):
                if n:
                    self.line(x, self.y, x, self.y - row_h)
                if text:
                    self.text(x + 1.5 * mm, self.y - row_h / 2 - 3.6, text, 10.5, width=w - 3 * mm, align=align)
                x += w
            self.y -= row_h

    def render(self, c: Any, assoc_name: str, made: str, tmp: Path, progress: Progress) -> int:
        from reportlab.lib.units import mm

        total = len(self.pages)
        for n, ops in enumerate(self.pages, start=1):
            c.setLineWidth(0.5)
            self.chain.draw(c, self.left, self.height - 10 * mm, assoc_name, 9)
            self.chain.draw(c, self.right - self.chain.width(made, 9), self.height - 10 * mm, made, 9)
            for op in ops:
                op(c)
            foot = f"{n} / {total}"
            self.chain.draw(c, (self.width - self.chain.width(foot, 9)) / 2, 8 * mm, foot, 9)
            c.showPage()
            _tick(progress, n, total, tmp)
        return total


def _pages() -> _Pages:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    width, height = A4
    pages = _Pages(font_chain("gothic"), width, height, 18 * mm, width - 18 * mm, height - 18 * mm, 16 * mm)
    pages.new_page()
    return pages


def _title(p: _Pages, title: str, lines: list[str]) -> None:
    from reportlab.lib.units import mm

    p.y -= 8 * mm
    p.text(p.left, p.y, title, 17, align="c")
    p.y -= 8 * mm
    for line in lines:
        p.text(p.left, p.y, line, 10, align="c")
        p.y -= 5.5 * mm
    p.y -= 2 * mm


def _signature(p: _Pages, x: float, role: str) -> None:
    """「役職　＿＿＿＿＿＿＿　印」: a line to sign on."""
    from reportlab.lib.units import mm

    p.text(x, p.y, role, 11, width=18 * mm)
    p.line(x + 18 * mm, p.y - 1.5 * mm, x + 78 * mm, p.y - 1.5 * mm, 0.6)
    p.text(x + 80 * mm, p.y, "印", 11, width=8 * mm)


def _write_pages(reg: Register, target: Path, p: _Pages, document: str, progress: Progress) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    assoc = get_association(reg)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} {document}")
    pages = p.render(c, assoc["name"], f"作成 {to_wareki(reg.today())}", tmp, progress)
    _save(c, tmp, target)
    return pages


def _holding_name(h: ab.Holding) -> str:
    kind = h.kind if h.kind and h.kind not in h.account else ""
    extra = "・".join(t for t in (kind, h.institution) if t)
    return f"{h.account}（{extra}）" if extra else h.account


def _period(s: ab.Statement) -> str:
    return f"（{to_wareki(s.start)}〜{to_wareki(s.end)}）"


SETTLEMENT_COLUMNS: list[Column] = [("科目", 40, "l"), ("予算額", 27, "r"), ("決算額", 27, "r"), ("差額", 25, "r"),
                                    ("備考", 55, "l")]


def _settlement_rows(lines: tuple[ab.StatementLine, ...], total_label: str) -> list[tuple[list[str], bool]]:
    rows = [([x.subject, money(x.budget), money(x.actual), money(x.difference), x.note], False) for x in lines]
    budget, actual = sum(x.budget for x in lines), sum(x.actual for x in lines)
    rows.append(([total_label, money(budget), money(actual), money(actual - budget), ""], True))
    return rows


def write_settlement(reg: Register, target: Path, *, fiscal_year: int, record: bool = True,
                     progress: Progress = None) -> PrintResult:
    """収支決算書 of ``fiscal_year``: 収入の部 (前年度繰越金 first) and 支出の部, each 科目 / 予算額 /
    決算額 / 差額 / 備考 with its total; 収入合計 − 支出合計 = 次年度繰越金 and where it is held; the
    会計's line, then the 会計監査報告書 with lines for the date and two 監事 — below, or on the
    next page when it does not fit. A year not yet closed is marked as provisional."""
    from reportlab.lib.units import mm

    reg.session.require("output", "収支決算書を印刷する")
    s = ab.settlement(reg, fiscal_year)
    p = _pages()
    lines = [f"{s.association}{'　' + s.district if s.district else ''}　{_period(s)}", "（単位: 円）"]
    if not s.closed:
        lines.insert(1, "※ 年度の締め前のため、見込みの数字です")
    _title(p, f"{s.label}　収支決算書", lines)
    row_h = 7 * mm
    p.table(SETTLEMENT_COLUMNS, _settlement_rows(s.income, "収入合計"), row_h=row_h, caption="収入の部")
    p.y -= 5 * mm
    p.table(SETTLEMENT_COLUMNS, _settlement_rows(s.expense, "支出合計"), row_h=row_h, caption="支出の部")
    p.y -= 4 * mm
    p.room(9 * mm)
    p.text(p.left, p.y - 5 * mm, f"収入合計 {money(s.income_total)}円 − 支出合計 {money(s.expense_total)}円 ＝ "
           f"次年度繰越金 {money(s.carry_out)}円", 11.5)
    p.y -= 9 * mm
    held = [([_holding_name(h), money(h.amount)], False) for h in s.holdings]
    held.append((["合計（次年度繰越金）", money(sum(h.amount for h in s.holdings))], True))
    p.table([("次年度繰越金の内訳（保管先）", 90, "l"), ("金額", 40, "r")], held, row_h=row_h)
    if not s.balanced:
        p.room(7 * mm)
        p.text(p.left, p.y - 5 * mm, "※ 次年度繰越金と保管先の残高の合計が合っていません。記帳を確かめてください。", 10)
        p.y -= 7 * mm
    p.room(18 * mm)
    p.y -= 8 * mm
    p.text(p.left, p.y, "上記のとおり報告します。", 11)
    p.y -= 9 * mm
    p.text(p.left, p.y, "令和　　年　　月　　日", 11)
    _signature(p, p.left + 72 * mm, "会計")
    # the 会計監査報告書: kept together, below when it fits, else on its own page
    body = AUDIT_TEXT.format(label=s.label, name=s.association)
    chunks = _wrap(p.chain, body, 11, p.right - p.left - 8 * mm)
    need = 16 * mm + 6.5 * mm * len(chunks) + 42 * mm
    p.y -= 10 * mm
    if not p.room(need):
        p.line(p.left, p.y, p.right, p.y, 0.3)
    p.y -= 12 * mm
    p.text(p.left, p.y, "会 計 監 査 報 告 書", 15, align="c")
    p.y -= 10 * mm
    for chunk in chunks:
        p.text(p.left + 4 * mm, p.y, chunk, 11)
        p.y -= 6.5 * mm
    p.y -= 6 * mm
    p.text(p.left + 4 * mm, p.y, "令和　　年　　月　　日", 11)
    for _n in range(2):
        p.y -= 13 * mm
        _signature(p, p.left + 72 * mm, "監事")
    pages = _write_pages(reg, Path(target), p, f"{s.label} 収支決算書", progress)
    if record:
        record_output(reg, f"{s.label} 収支決算書（PDF）{Path(target).name}", "OFFICER_INTERNAL", 0, action="print")
    return PrintResult(Path(target), pages, 0, p.chain.warning)


def _wrap(chain: FontChain, text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (Japanese: any character may end a line)."""
    out, line = [], ""
    for ch in text:
        if line and chain.width(line + ch, size) > width:
            out.append(line)
            line = ""
        line += ch
    return [*out, line] if line else out


BUDGET_COLUMNS: list[Column] = [("科目", 40, "l"), ("本年度予算額", 28, "r"), ("前年度予算額", 28, "r"),
                                ("増減", 24, "r"), ("備考", 54, "l")]


def _budget_rows(lines: tuple[ab.BudgetLine, ...], total_label: str) -> list[tuple[list[str], bool]]:
    rows = [([x.subject, money(x.budget), money(x.previous_budget), money(x.difference), x.note], False)
            for x in lines]
    now, before = sum(x.budget for x in lines), sum(x.previous_budget for x in lines)
    rows.append(([total_label, money(now), money(before), money(now - before), ""], True))
    return rows


def write_budget(reg: Register, target: Path, *, fiscal_year: int, record: bool = True,
                 progress: Progress = None) -> PrintResult:
    """収支予算書 of ``fiscal_year``: 収入の部 and 支出の部, each 科目 / 本年度予算額 / 前年度予算額 /
    増減 / 備考 with its total, and whether income and expense balance."""
    from reportlab.lib.units import mm

    reg.session.require("output", "収支予算書を印刷する")
    b = ab.budget_statement(reg, fiscal_year)
    year = ab.get_year(reg, fiscal_year)
    p = _pages()
    _title(p, f"{b.label}　収支予算書", [
        f"{b.association}{'　' + b.district if b.district else ''}　（{to_wareki(year.start)}〜{to_wareki(year.end)}）",
        "（単位: 円）"])
    row_h = 7 * mm
    p.table(BUDGET_COLUMNS, _budget_rows(b.income, "収入合計"), row_h=row_h, caption="収入の部")
    p.y -= 5 * mm
    p.table(BUDGET_COLUMNS, _budget_rows(b.expense, "支出合計"), row_h=row_h, caption="支出の部")
    p.room(10 * mm)
    p.y -= 9 * mm
    if b.balanced:
        p.text(p.left, p.y, f"収入合計 {money(b.income_total)}円 ＝ 支出合計 {money(b.expense_total)}円", 11.5)
    else:
        p.text(p.left, p.y, f"※ 収入合計 {money(b.income_total)}円 と 支出合計 {money(b.expense_total)}円 が合っていません"
               f"（差 {money(b.income_total - b.expense_total)}円）。予備費などで合わせてください。", 11)
    pages = _write_pages(reg, Path(target), p, f"{b.label} 収支予算書", progress)
    if record:
        record_output(reg, f"{b.label} 収支予算書（PDF）{Path(target).name}", "OFFICER_INTERNAL", 0, action="print")
    return PrintResult(Path(target), pages, 0, p.chain.warning)


# -- the 決算書 in Excel ------------------------------------------------------------------------------------


def write_settlement_xlsx(reg: Register, target: Path, *, fiscal_year: int, record: bool = True) -> Path:
    """The 収支決算書 as a print-ready workbook (A4 portrait, fit to width): sheet 「収支決算書」 with
    収入の部, 支出の部, 次年度繰越金 and where it is held, and sheet 「会計監査報告書」 with its text
    and the lines for the date and two 監事. Amounts are numbers (#,##0), not text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from kyodo_desktop.export.register_xlsx import (
        FORMULA_START,
        page_setup,
        save_workbook,
    )

    reg.session.require("output", "収支決算書を書き出す")
    s = ab.settlement(reg, fiscal_year)
    made = to_wareki(reg.today())
    title = f"{s.label}　収支決算書"
    wb = Workbook()
    ws = wb.active
    ws.title = "収支決算書"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    total_fill = PatternFill("solid", fgColor="F2F2F2")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 1

    def put(sheet: Any, col: int, value: Any, *, font: Font | None = None, fill: Any = None,
            border: bool = False) -> None:
        cell = sheet.cell(row=row, column=col, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"  # text, never a formula
        if isinstance(value, int) and not isinstance(value, bool):
            cell.number_format = "#,##0;△#,##0"
            cell.alignment = Alignment(horizontal="right")
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if border:
            cell.border = box

    put(ws, 1, f"{s.association}　{title}", font=Font(bold=True, size=14))
    row += 1
    put(ws, 1, f"期間: {to_wareki(s.start)}〜{to_wareki(s.end)}" + (f"　{s.district}" if s.district else "")
        + ("" if s.closed else "　※ 年度の締め前のため見込み"))
    row += 1
    put(ws, 1, "（単位: 円）")
    row += 2

    def part(heading: str, lines: tuple[ab.StatementLine, ...], total_label: str) -> None:
        nonlocal row
        put(ws, 1, heading, font=Font(bold=True, size=12))
        row += 1
        for col, h in enumerate(("科目", "予算額", "決算額", "差額", "備考"), start=1):
            put(ws, col, h, font=bold, fill=head_fill, border=True)
        row += 1
        for x in lines:
            for col, v in enumerate((x.subject, x.budget, x.actual, x.difference, x.note), start=1):
                put(ws, col, v, border=True)
            row += 1
        budget, actual = sum(x.budget for x in lines), sum(x.actual for x in lines)
        for col, v in enumerate((total_label, budget, actual, actual - budget, ""), start=1):
            put(ws, col, v, font=bold, fill=total_fill, border=True)
        row += 2

    part("収入の部", s.income, "収入合計")
    part("支出の部", s.expense, "支出合計")
    for label, value in (("収入合計", s.income_total), ("支出合計", s.expense_total), ("次年度繰越金", s.carry_out)):
        put(ws, 1, label, font=bold, border=True)
        put(ws, 3, value, font=bold, border=True)
        row += 1
    row += 1
    put(ws, 1, "次年度繰越金の内訳（保管先）", font=Font(bold=True, size=12))
    row += 1
    for h in s.holdings:
        put(ws, 1, _holding_name(h), border=True)
        put(ws, 3, h.amount, border=True)
        row += 1
    put(ws, 1, "合計", font=bold, fill=total_fill, border=True)
    put(ws, 3, sum(h.amount for h in s.holdings), font=bold, fill=total_fill, border=True)
    row += 1
    if not s.balanced:
        put(ws, 1, "※ 次年度繰越金と保管先の残高の合計が合っていません。記帳を確かめてください。")
        row += 1
    row += 1
    put(ws, 1, "上記のとおり報告します。")
    row += 1
    put(ws, 1, "令和　　年　　月　　日")
    put(ws, 3, "会計　＿＿＿＿＿＿＿＿＿＿＿＿　印")

    audit = wb.create_sheet("会計監査報告書")
    row = 1
    put(audit, 1, "会計監査報告書", font=Font(bold=True, size=14))
    row += 2
    put(audit, 1, AUDIT_TEXT.format(label=s.label, name=s.association))
    audit.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    audit.row_dimensions[row].height = 60
    row += 2
    put(audit, 1, "令和　　年　　月　　日")
    for _n in range(2):
        row += 2
        put(audit, 1, "監事　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　印")
    audit.column_dimensions["A"].width = 80

    for col, w in zip("ABCDE", (30, 14, 14, 14, 30), strict=True):
        ws.column_dimensions[col].width = w
    assoc = get_association(reg)
    for sheet in (ws, audit):
        page_setup(sheet, assoc["name"], made, landscape=False, footer=title)
    target = save_workbook(wb, target)
    if record:
        record_output(reg, f"{title}（Excel）{target.name}", "OFFICER_INTERNAL", 0)
    return target


__all__ = ["money", "write_budget", "write_collection_book", "write_settlement", "write_settlement_xlsx"]
