"""補助金の帳票 (Qt-free): the 実績報告書 of a subsidy case, as PDF. DOMAIN.md §1.2-C.

The figures come from :func:`kyodo_desktop.models.subsidies.report_data` as plain data — nothing
is computed twice here — and are laid out with the page machinery of the 収支決算書
(:mod:`kyodo_desktop.export.accounts_docs`: A4, the Japanese font chain, 町会名 and date at the
top, 「n / N」 at the foot). The report names no member: events are given with their counts, the
cash-book lines with their 摘要. The file is written to a temporary file and put in place at the
end, and recorded in the audit log as a print.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kyodo_desktop.export.accounts_docs import (
    Column,
    _Pages,
    _pages,
    _signature,
    _title,
    _wrap,
    _write_pages,
    money,
)
from kyodo_desktop.export.documents import PrintResult, Progress
from kyodo_desktop.models import subsidies as sb
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register

#: IPAex has no ☑ / ☐: a box, and a tick drawn over it, which every font of the chain has
BOX, TICK = "□", "✓"


def _day(iso: str | date | None) -> str:
    if not iso:
        return ""
    return to_wareki(iso if isinstance(iso, date) else date.fromisoformat(str(iso)[:10]))


def _short(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.month}/{d.day}"


def _paragraph(p: _Pages, text: str, size: float = 10.5, indent: float = 0.0) -> None:
    from reportlab.lib.units import mm

    for chunk in _wrap(p.chain, text, size, p.right - p.left - indent):
        p.room(6 * mm)
        p.text(p.left + indent, p.y - 4.5 * mm, chunk, size)
        p.y -= 6 * mm


def _heading(p: _Pages, text: str) -> None:
    from reportlab.lib.units import mm

    p.room(22 * mm)
    p.y -= 4 * mm
    p.text(p.left, p.y - 5 * mm, text, 12.5)
    p.y -= 8 * mm


def _steps_text(r: sb.SubsidyReport) -> str:
    parts = []
    for s in r.steps:
        mark = "（訂正）" if s.kind == "correction" else ""
        parts.append(f"{s.step}{mark} {_short(s.on_date)}")
    return " → ".join(parts) or "（まだ記録がありません）"


SUMMARY_COLUMNS: list[Column] = [("項目", 34, "l"), ("内容", 140, "l")]
EVENT_COLUMNS: list[Column] = [("実施日", 34, "l"), ("事業名", 62, "l"), ("場所", 50, "l"), ("参加者数", 28, "r")]
MONEY_COLUMNS: list[Column] = [("科目", 110, "l"), ("金額（円）", 64, "r")]
DETAIL_COLUMNS: list[Column] = [("日付", 31, "l"), ("科目", 26, "l"), ("摘要", 67, "l"), ("領収書番号", 24, "l"),
                                ("金額（円）", 26, "r")]


def write_subsidy_report(reg: Register, target: Path, *, case_id: int, record: bool = True,
                         progress: Progress = None) -> PrintResult:
    """補助事業実績報告書 of case ``case_id``: to whom, from the 町会 and its 会長; the program, the
    case, its period, 交付決定 and steps; the 事業報告 from the linked events (date, name, place,
    participants); the 収支決算 (収入: the grant, other income, 自己負担; 支出 per subject, then each
    cash-book line); the grant worked out on the actual cost against the 交付決定額; the attachments
    checklist; and the date and 会長's line to sign."""
    from reportlab.lib.units import mm

    reg.session.require("output", "補助金の実績報告書を印刷する")
    r = sb.report_data(reg, case_id)
    c, prog = r.case, r.program
    p = _pages()
    _title(p, "補助事業実績報告書", [f"{prog.name}　{c.year_label}", "（単位: 円）"])
    # to whom, and from whom
    p.text(p.left, p.y - 4 * mm, "令和　　年　　月　　日", 11, align="r")
    p.y -= 9 * mm
    p.text(p.left, p.y - 4 * mm, f"{prog.funder or '（提出先）'}　様", 11.5)
    p.y -= 9 * mm
    x = p.left + 88 * mm
    p.text(x, p.y - 4 * mm, f"団体名　{r.association}{'（' + r.district + '）' if r.district else ''}", 11)
    p.y -= 8 * mm
    p.text(x, p.y - 4 * mm, f"代表者　会長　{r.chair}", 11, width=p.right - x - 10 * mm)
    p.text(p.right - 8 * mm, p.y - 4 * mm, "印", 11, width=8 * mm)
    p.y -= 10 * mm
    _paragraph(p, f"{c.year_label}に交付決定を受けた{prog.name}について、事業が完了したので、下記のとおり報告します。", 11)
    p.y -= 2 * mm
    row_h = 7 * mm
    granted = f"{money(r.granted)}円" if r.granted is not None else "（記録なし）"
    summary = [
        (["補助制度", f"{prog.name}（{prog.funder}）" if prog.funder else prog.name], False),
        (["事業名", c.title], False),
        (["事業期間", f"{_day(r.period[0])}〜{_day(r.period[1])}"], False),
        (["交付決定", f"{c.decision_no + '　' if c.decision_no else ''}{granted}"], False),
        (["補助のきまり", prog.rule], False),
        (["経過", _steps_text(r)], False),
    ]
    p.table(SUMMARY_COLUMNS, summary, row_h=row_h, caption="1. 事業の概要")
    # 事業報告
    events = [([_day(e.day), e.title, e.place, f"{e.participants:,}人"], False) for e in r.events]
    if not events:
        events = [(["", "（結び付けた行事はありません）", "", ""], False)]
    else:
        events.append((["合計", f"{len(r.events)}回", "", f"{sum(e.participants for e in r.events):,}人"], True))
    p.y -= 3 * mm
    p.table(EVENT_COLUMNS, events, row_h=row_h, caption="2. 事業報告")
    # 収支決算
    _heading(p, "3. 収支決算")
    income = [([x.label, money(x.amount)], False) for x in r.income]
    income.append((["収入合計", money(r.income_total)], True))
    p.table(MONEY_COLUMNS, income, row_h=row_h, caption="収入の部")
    p.y -= 3 * mm
    expense = [([x.label, money(x.amount)], False) for x in r.expense]
    expense.append((["支出合計", money(r.expense_total)], True))
    p.table(MONEY_COLUMNS, expense, row_h=row_h, caption="支出の部")
    spent = [e for e in r.entries if e.kind == "支出"]
    if spent:
        p.y -= 3 * mm
        detail = [([_day(e.day), e.subject, e.memo, e.receipt_no, money(e.amount)], False) for e in spent]
        detail.append((["", "", "合計", "", money(sum(e.amount for e in spent))], True))
        p.table(DETAIL_COLUMNS, detail, row_h=row_h, caption="支出の明細（金銭出納簿より）")
    else:
        p.y -= 2 * mm
        _paragraph(p, "※ 出納簿に、この補助金の支出の記帳がありません。経費は入力された額です。", 10)
    # the grant
    _heading(p, "4. 補助金の額")
    for line in r.calc.lines:
        _paragraph(p, line, 11, 4 * mm)
    _paragraph(p, f"交付決定額　{granted}", 11, 4 * mm)
    _paragraph(p, f"補助金の額（実際の経費による額と交付決定額の少ないほう）　{money(r.grant)}円", 11.5, 4 * mm)
    # attachments
    _heading(p, "5. 添付書類")
    for a in r.attachments:
        p.room(7 * mm)
        y = p.y - 5 * mm
        p.text(p.left + 4 * mm, y, BOX, 12, width=6 * mm)
        if a.done:
            p.text(p.left + 4.6 * mm, y + 0.6 * mm, TICK, 12, width=6 * mm)
        label = a.item + (f"（{_day(a.done_on)}）" if a.done else "（未）") + (f"　{a.note}" if a.note else "")
        p.text(p.left + 11 * mm, y, label, 11)
        p.y -= 7 * mm
    if not r.attachments:
        _paragraph(p, "（添付書類の一覧はありません）", 10.5, 4 * mm)
    # date and signature
    p.room(30 * mm)
    p.y -= 10 * mm
    p.text(p.left, p.y, "上記のとおり報告します。", 11)
    p.y -= 10 * mm
    p.text(p.left, p.y, "令和　　年　　月　　日", 11)
    _signature(p, p.left + 72 * mm, "会長")
    document = f"{c.year_label} {prog.name} 実績報告書（{c.title}）"
    pages = _write_pages(reg, Path(target), p, document, progress)
    if record:
        record_output(reg, f"{document}（PDF）{Path(target).name}", "OFFICER_INTERNAL", 0, action="print")
    return PrintResult(Path(target), pages, 0, p.chain.warning)
