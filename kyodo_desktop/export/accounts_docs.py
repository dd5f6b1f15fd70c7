"""会費・収支の帳票 (Qt-free): the 会費集金簿 per 班, the 収支決算書 with the 会計監査報告書, the
収支予算書, as PDF (and the 決算書 as Excel too), and the 領収書 of dues payments. Issue 9; the
figures come from :mod:`kyodo_desktop.models.accounts_book` as plain data, nothing is computed
twice here.

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


# -- 領収書 ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    """One 領収書: what a household handed over at once (the payment rows sharing a receipt number,
    e.g. 上期 and 下期 paid together), less any row since cancelled."""

    receipt_no: str
    household_id: int
    name: str  # 世帯主
    block: str
    paid_on: str
    received_by: str
    instalments: tuple[str, ...]
    amount: int
    payment_ids: tuple[int, ...]


RECEIPTS_PER_PAGE = 3


def _treasurer(reg: Register, fy: int) -> str:
    """The 会計 of year ``fy`` (or, if none is recorded for it, the latest before it)."""
    row = reg.conn.execute(
        "SELECT trim(coalesce(p.family_name, '') || '　' || coalesce(p.given_name, ''), '　') FROM officers o "
        "JOIN persons p ON p.id = o.person_id WHERE o.role = '会計' AND o.fiscal_year <= ? "
        "ORDER BY o.fiscal_year DESC, o.start_date DESC, o.id DESC LIMIT 1", [fy]).fetchone()
    return row[0] if row else ""


def receipts_for(reg: Register, fiscal_year: int, *, payment_ids: list[int] | None = None,
                 household_ids: list[int] | None = None, block_id: int | None = None) -> list[Receipt]:
    """The 領収書 of ``fiscal_year``'s dues payments the session sees (a 班長: their own 班), one per
    receipt number and household, in 班 and 回覧順 order. A cancelled payment row is left out (a
    receipt whose rows are all cancelled is not printed at all). Payments recorded before numbers
    were given out (no number) make one receipt per household, day and receiver, its No. blank."""
    reg.session.require(ab.READ)
    if block_id is not None:
        reg.session.require_block(block_id, "ほかの班の領収書を印刷する")
    for hid in household_ids or ():
        row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [hid]).fetchone()
        if row is None:
            raise RegisterError(f"世帯（番号 {hid}）が台帳にありません。")
        reg.session.require_block(row[0], "ほかの班の世帯の領収書を印刷する")
    payments = [x for x in ab.list_payments(reg, fiscal_year, block_id=block_id)
                if x.reverses_id is None and x.reversed_by is None and x.household_id is not None
                and (household_ids is None or x.household_id in household_ids)]
    groups: dict[tuple[int, str, str, str], list[ab.Payment]] = {}
    for x in payments:
        key = (x.household_id, x.receipt_no, "", "") if x.receipt_no else (x.household_id, "", x.paid_on, x.received_by)
        groups.setdefault(key, []).append(x)  # type: ignore[arg-type]
    if payment_ids is not None:
        wanted = set(payment_ids)
        groups = {k: xs for k, xs in groups.items() if wanted & {x.id for x in xs}}
    if not groups:
        return []
    ids = sorted({k[0] for k in groups})
    homes = {r[0]: r[1:] for r in reg.conn.execute(
        "SELECT h.id, trim(coalesce(p.family_name, '') || '　' || coalesce(p.given_name, ''), '　'), "
        "coalesce(b.name, ''), coalesce(b.sort_order, 1e9), h.circulation_order, "
        "trim(h.address_town || h.address_number || ' ' || h.address_building) "
        "FROM households h LEFT JOIN persons p ON p.id = h.head_person_id LEFT JOIN blocks b ON b.id = h.block_id "
        f"WHERE h.id IN ({','.join('?' * len(ids))})", ids)}
    out = []
    for (hid, no, _day, _by), xs in groups.items():
        name, block, order, circulation, address = homes[hid]
        labels = tuple(dict.fromkeys(x.instalment for x in sorted(xs, key=lambda x: x.instalment_no)))
        receipt = Receipt(no, hid, name or f"（世帯主未登録）{address}", block, xs[0].paid_on, xs[0].received_by,
                          labels, sum(x.amount for x in xs), tuple(x.id for x in xs))
        out.append(((order, block, circulation, hid, receipt.paid_on, no), receipt))
    return [r for _k, r in sorted(out, key=lambda t: t[0])]


def _dashed(c: Any, x1: float, y1: float, x2: float, y2: float) -> None:
    c.saveState()
    c.setDash(3, 3)
    c.setLineWidth(0.4)
    c.line(x1, y1, x2, y2)
    c.restoreState()


def _put(c: Any, chain: FontChain, x: float, y: float, text: str, size: float, width: float,
         align: str = "l") -> None:
    """``text`` in a box ``width`` wide: smaller if it must be, cut with 「…」 past 6 pt, never over
    the next thing on the receipt."""
    s = _fit(chain, text, size, width)
    text = _clip(chain, text, s, width)
    w = chain.width(text, s)
    tx = x if align == "l" else x + width - w if align == "r" else x + (width - w) / 2
    chain.draw(c, tx, y, text, s)


def _draw_receipt(c: Any, chain: FontChain, top: float, r: Receipt, *, page_width: float, label: str,
                  assoc: dict[str, Any], treasurer: str, with_stub: bool) -> None:
    """One receipt in the band of a third of the page that starts at ``top``: the 控え on the left
    (kept by the association), a dashed line to cut along, the 領収書 itself on the right."""
    from reportlab.lib.units import mm

    day = to_wareki(date.fromisoformat(r.paid_on))
    amount = f"¥{r.amount:,}"
    what = f"{label} 町会費（{'・'.join(r.instalments)}）"
    number = f"No. {r.receipt_no}" if r.receipt_no else "No."
    x0 = 10 * mm
    if with_stub:
        sw = 44 * mm
        _put(c, chain, x0, top - 12 * mm, "領収書（控）", 12, sw, "c")
        lines = [(number, 9), (day, 9), (f"{r.name}　様", 10), (f"金額　{amount}", 11), (what, 8),
                 (f"{r.block}　受領者 {r.received_by}".strip(), 8)]
        y = top - 22 * mm
        for text, size in lines:
            _put(c, chain, x0, y, text, size, sw)
            c.setLineWidth(0.3)
            c.line(x0, y - 1.8 * mm, x0 + sw, y - 1.8 * mm)
            y -= 9.5 * mm
        _dashed(c, x0 + sw + 4 * mm, top - 4 * mm, x0 + sw + 4 * mm, top - 95 * mm)
        _put(c, chain, x0 + sw + 5 * mm, top - 50 * mm, "切", 7, 4 * mm)
        x0 = x0 + sw + 10 * mm
    w = page_width - 10 * mm - x0
    c.setLineWidth(0.8)
    c.rect(x0, top - 93 * mm, w, 88 * mm)
    _put(c, chain, x0, top - 17 * mm, "領　収　書", 20, w, "c")
    _put(c, chain, x0 + w - 48 * mm, top - 11 * mm, number, 10, 45 * mm, "r")
    _put(c, chain, x0 + w - 48 * mm, top - 17 * mm, day, 10, 45 * mm, "r")
    # 様 line
    name_w = min(95 * mm, w - 12 * mm)
    _put(c, chain, x0 + 6 * mm, top - 30 * mm, r.name, 15, name_w - 12 * mm)
    _put(c, chain, x0 + 6 * mm + name_w - 10 * mm, top - 30 * mm, "様", 13, 10 * mm, "r")
    c.setLineWidth(0.6)
    c.line(x0 + 6 * mm, top - 32 * mm, x0 + 6 * mm + name_w, top - 32 * mm)
    # 金 ¥6,000 也
    box_w = min(100 * mm, w - 12 * mm)
    c.setFillGray(0.93)
    c.rect(x0 + 6 * mm, top - 48 * mm, box_w, 12 * mm, fill=1, stroke=1)
    c.setFillGray(0)
    _put(c, chain, x0 + 8 * mm, top - 44 * mm, "金", 14, 10 * mm)
    _put(c, chain, x0 + 18 * mm, top - 44.5 * mm, amount, 18, box_w - 32 * mm, "c")
    _put(c, chain, x0 + 6 * mm + box_w - 12 * mm, top - 44 * mm, "也", 14, 10 * mm, "c")
    _put(c, chain, x0 + 6 * mm, top - 56 * mm, f"但し　{what}として", 11, w - 12 * mm)
    _put(c, chain, x0 + 6 * mm, top - 63 * mm, "上記正に領収いたしました。", 10, w - 12 * mm)
    # who issues it, and the stamp
    stamp = 20 * mm
    info_w = w - stamp - 16 * mm
    _put(c, chain, x0 + 6 * mm, top - 72 * mm, assoc["name"] or "", 12, info_w)
    address = " ".join(t for t in (f"〒{assoc['postal_code']}" if assoc.get("postal_code") else "",
                                   assoc.get("address") or "") if t)
    _put(c, chain, x0 + 6 * mm, top - 77.5 * mm, address, 9, info_w)
    _put(c, chain, x0 + 6 * mm, top - 83.5 * mm, f"会計　{treasurer}" if treasurer else "会計　＿＿＿＿＿＿＿＿",
         10, info_w)
    if r.received_by:
        _put(c, chain, x0 + 6 * mm, top - 89 * mm, f"受領者　{r.received_by}", 8.5, info_w)
    sx, sy = x0 + w - stamp - 6 * mm, top - 90 * mm
    c.setLineWidth(0.5)
    c.rect(sx, sy, stamp, stamp)
    _put(c, chain, sx, sy + stamp - 4 * mm, "領収印", 7, stamp, "c")


def write_receipts(reg: Register, target: Path, *, fiscal_year: int, payment_ids: list[int] | None = None,
                   household_ids: list[int] | None = None, block_id: int | None = None, with_stub: bool = True,
                   progress: Progress = None, record: bool = True) -> PrintResult:
    """領収書 for ``fiscal_year``'s dues payments (all that the session sees, or those of the given
    payments, households or 班), three to an A4 page with dashed lines to cut along: No., the date
    paid in 和暦, the 世帯主's name with 様, 「金 ¥6,000 也」, 但し 令和8年度 町会費（上期）として, the
    association's name and address, the 会計 and the 受領者 (the 班長), a box for the 領収印, and (with
    ``with_stub``) the 控え on the left. One receipt per receipt number: a household's instalments
    paid together are one receipt; a cancelled payment is not printed. A name the fonts cannot draw
    is refused (a receipt must carry the payer's name as written), nothing is written."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    reg.session.require("output", "領収書を印刷する")
    year = ab.get_year(reg, fiscal_year)
    receipts = receipts_for(reg, fiscal_year, payment_ids=payment_ids, household_ids=household_ids,
                            block_id=block_id)
    if not receipts:
        raise RegisterError(f"{year.label}の会費の入金で、領収書を印刷できるものがありません（取り消した入金は印刷しません）。")
    chain = font_chain("mincho")
    bad = [(r.name, chain.missing(r.name)) for r in receipts if chain.missing(r.name)]
    if bad:
        raise RegisterError("次の名前に印刷できない字があるため、領収書を作っていません: "
                            + "、".join(f"{name}（{''.join(chars)}）" for name, chars in dict(bad).items())
                            + "。その字を含むフォントを設定してから印刷してください。")
    assoc = get_association(reg)
    treasurer = _treasurer(reg, fiscal_year)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    width, height = A4
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} 領収書 {year.label}")
    pages = (len(receipts) + RECEIPTS_PER_PAGE - 1) // RECEIPTS_PER_PAGE
    band = height / RECEIPTS_PER_PAGE
    for page in range(pages):
        chunk = receipts[page * RECEIPTS_PER_PAGE:(page + 1) * RECEIPTS_PER_PAGE]
        for n, r in enumerate(chunk):
            top = height - n * band
            _draw_receipt(c, chain, top, r, page_width=width, label=year.label, assoc=assoc, treasurer=treasurer,
                          with_stub=with_stub)
            if n:
                _dashed(c, 6 * mm, top, width - 6 * mm, top)
                _put(c, chain, width - 30 * mm, top + 1 * mm, "切り取り線", 6.5, 22 * mm, "r")
        c.showPage()
        _tick(progress, page + 1, pages, tmp)
    _save(c, tmp, target)
    if record:
        record_output(reg, f"領収書 {year.label}（{len(receipts)}枚）{target.name}", "OFFICER_INTERNAL",
                      len({r.household_id for r in receipts}), action="print")
    return PrintResult(target, pages, len({r.household_id for r in receipts}), chain.warning)


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


__all__ = ["Receipt", "money", "receipts_for", "write_budget", "write_collection_book", "write_receipts",
           "write_settlement", "write_settlement_xlsx"]
