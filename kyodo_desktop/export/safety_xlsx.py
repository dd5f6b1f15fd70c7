"""A safety check's results as a print-ready Excel workbook (Qt-free), for the 校下 / 自主防災組織.

The same rows as the printed results (:func:`bousai_docs.read_results`): in a drill only people who
agreed to sharing with the 自主防災組織 (BOSAI_SHARE) are named, in a real disaster everyone. Sheets:
「この集計について」 (what it is and how to keep it), 「班ごとの集計」 with the total row, and 「一人ずつ」
with everyone's result (未確認 included). House style as the register's workbook: A4, fit to width,
the header row repeated and frozen, 町会名 and page numbers in the header and footer, widths for
Japanese text, text that would be a formula stored as text; the export is recorded in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyodo_desktop.export.bousai_docs import RESULTS_NOTICE, _hm, _moment, read_results
from kyodo_desktop.export.register_xlsx import (
    FORMULA_START,
    _width,
    page_setup,
    save_workbook,
)
from kyodo_desktop.models import schema
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register

TOTAL_HEADERS = ("班", "世帯数", "人数", "無事", "軽症", "重症", "不明", "未確認", "確認済み", "避難所", "在宅", "最後の報告")
DETAIL_HEADERS = ("班", "世帯", "氏名", "年齢帯", "要配慮", "安否", "所在", "確認時刻", "確認者", "建物被害", "必要な支援",
                  "備考")


def write_safety_results_xlsx(reg: Register, target: Path, *, check_id: int, record: bool = True) -> Path:
    """Write the check's results (totals per 班, then one row per person) as a .xlsx."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    reg.session.require("output", "安否確認の結果を書き出す")
    res = read_results(reg, check_id)
    check, whole = res.check, res.totals[-1]
    day = check.started_at[:10]
    assoc = get_association(reg)
    made = to_wareki(reg.today())

    def text(ws: Any, value: Any, **style: Any) -> Any:
        if value in ("", None) and not style:
            return None
        cell = WriteOnlyCell(ws, value=None if value == "" else value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"  # text, never a formula
        for k, v in style.items():
            setattr(cell, k, v)
        return cell

    def setup(ws: Any, headers: tuple[str, ...], rows: list[list[Any]], landscape: bool) -> None:
        for i, h in enumerate(headers, start=1):
            longest = max([_width(h)] + [_width(str(r[i - 1])) for r in rows[:2000]])
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 6), 40)
        page_setup(ws, assoc["name"], made, landscape=landscape, title=f"安否確認の結果　{check.title}", header_row=1,
                   footer="目的: 安否確認と救助・支援　第三者に渡さないでください")

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center")
    total_fill = PatternFill("solid", fgColor="EDEDED")
    top_line = Border(top=Side(style="medium"))

    wb = Workbook(write_only=True)
    about = wb.create_sheet("この集計について")
    about.column_dimensions["A"].width = 100
    lines = [f"{assoc['name']} 安否確認の結果", f"確認: {check.title}（{check.kind}）",
             f"開始: {_moment(check.started_at)}" + (f"　終了: {_moment(check.ended_at)}" if check.ended_at else
                                                   f"　{_moment(reg.now()[:16])}現在"),
             f"対象: {whole.persons}人（{whole.households}世帯）　確認済み {whole.confirmed}人　未確認 {whole.unconfirmed}人",
             "　".join(f"{s} {whole.counts[s]}人" for s in schema.SAFETY_STATUSES)
             + f"　避難所 {whole.at_shelter}人　在宅 {whole.at_home}人",
             f"作成日: {made}　作成者: {reg.actor}", "", res.named_note,
             "要配慮の●は、避難に手助けが必要な方の印です（くわしい内容は載せていません）。", RESULTS_NOTICE,
             assoc["purpose_of_use"] or ""]
    for n, line in enumerate(lines):
        about.append([text(about, line, font=Font(size=14, bold=True)) if n == 0 else text(about, line)])

    totals = wb.create_sheet("班ごとの集計")
    rows = [[t.block or "（班なし）", t.households, t.persons, *[t.counts[s] for s in schema.SAFETY_STATUSES],
             t.unconfirmed, (t.confirmed / t.persons) if t.persons else None, t.at_shelter, t.at_home,
             _hm(t.last_at, day)] for t in res.totals]
    setup(totals, TOTAL_HEADERS, rows, landscape=False)
    totals.append([text(totals, h, font=header_font, fill=header_fill, alignment=centre) for h in TOTAL_HEADERS])
    for n, r in enumerate(rows):
        last = n == len(rows) - 1
        cells = []
        for k, v in enumerate(r):
            style: dict[str, Any] = {}
            if k == 8 and v is not None:
                style["number_format"] = "0%"
            if last:
                style.update(font=header_font, fill=total_fill, border=top_line)
            cells.append(text(totals, v, **style) if (style or isinstance(v, str)) else v)
        totals.append(cells)

    detail = wb.create_sheet("一人ずつ")
    rows = [[p.block, p.household, p.name, p.band, "●" if p.support else "",
             f"{schema.SAFETY_MARKS[p.status]} {p.status}" if p.status else "未確認", p.whereabouts,
             _hm(p.checked_at, day), p.checked_by, p.building_damage, p.needs, p.notes] for p in res.people]
    setup(detail, DETAIL_HEADERS, rows, landscape=True)
    detail.append([text(detail, h, font=header_font, fill=header_fill, alignment=centre) for h in DETAIL_HEADERS])
    for r in rows:
        detail.append([text(detail, v) for v in r])

    target = save_workbook(wb, target)
    if record:
        record_output(reg, f"安否確認の結果（Excel）「{check.title}」{target.name}", "BOSAI_SHARE", whole.persons)
    return target
