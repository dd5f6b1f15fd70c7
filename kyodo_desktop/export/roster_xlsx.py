"""当番表 as a print-ready Excel workbook (Qt-free). DOMAIN.md §3.4.

The first sheet is the roster as printed (export/roster_docs): 期間 | 日付（曜日） | 担当 | 交代 | 確認,
the duty and its rules above the table, in the house style of the register export — A4 fitted to
the width, the header row repeated on every page and frozen, 町会名 and the date in the page
header, the purpose of use and 「n / N」 at the foot, 和暦 with the 西暦 date beside it (outside
the print area), text that Excel would take for a formula kept as text. The second sheet, 「回数」,
has each household's turns in the period and the spread (most − fewest among those who could
take turns throughout it). Names follow the same 回覧 rule as the printed roster; exemption
reasons are not written (only that a household is exempt). Every export is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kyodo_desktop.export.register_xlsx import (
    FORMULA_START,
    page_setup,
    save_workbook,
)
from kyodo_desktop.export.roster_docs import (
    ROSTER_NOTICE,
    printed_names,
    read_roster,
    span_text,
    wareki_span,
)
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.japanese import to_wareki
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register

HEADERS = ("期間", "日付（曜日）", "担当", "交代", "確認")
WIDTHS = (12, 30, 26, 30, 10)
COUNT_HEADERS = ("班", "当番の回数", "した回数", "代わりにした回数", "返す回数", "いま")
COUNT_WIDTHS = (10, 12, 12, 16, 12, 12)


@dataclass(frozen=True)
class RosterExportResult:
    path: Path
    turns: int  # rows on the roster sheet
    households: int  # households (or people) on duty in the period
    spread: int  # most − fewest turns among those eligible throughout the period


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """Set a cell; text that Excel would read as a formula (= + - @ …) stays text."""
    cell = ws.cell(row, col)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
    return cell


def _page_setup(ws: Any, assoc: dict[str, Any], title: str, made: str, header_row: int) -> None:

    page_setup(ws, assoc["name"], made, landscape=False, title=title, footer=ROSTER_NOTICE, header_row=header_row,
               centered=True, pages_right=True)


def write_roster_xlsx(reg: Register, target: Path, *, roster_id: int, start: Any = None,
                      end: Any = None) -> RosterExportResult:
    """The roster of ``start``〜``end`` (default: from today to what has been given out) as a
    print-ready sheet, and 「回数」 with each household's count of turns in that period."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    reg.session.require("output", "当番表を書き出す")
    sheet = read_roster(reg, roster_id, start, end)
    data = sheet.data
    assoc = sheet.association
    made = to_wareki(reg.today())
    period = wareki_span(sheet.first, sheet.last)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    top = Alignment(vertical="center", wrap_text=True)

    wb = Workbook()
    ws = wb.active
    ws.title = "当番表"
    _put(ws, 1, 1, sheet.title).font = Font(size=16, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.row_dimensions[1].height = 26
    facts = [("期間", period), ("対象", sheet.scope), *sheet.rules]
    row = 2
    for label, text in facts:
        _put(ws, row, 1, label).font = Font(bold=True)
        ws.cell(row, 1).alignment = Alignment(vertical="top")
        cell = _put(ws, row, 2, text)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(HEADERS))
        lines = max(1, -(-len(text) // 48))  # about 48 characters across the merged cells
        ws.row_dimensions[row].height = 15 * min(lines, 6) + 2
        row += 1
    header_row = row + 1
    for col, h in enumerate([*HEADERS, "開始日（西暦）"], start=1):
        cell = ws.cell(header_row, col, h)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center")
    r = header_row
    for turn in sheet.turns:
        r += 1
        month = f"{to_wareki(turn.first).split('年')[0]}年{turn.first.month}月"
        when = span_text(turn.first, turn.last)
        if turn.off:
            when += "\n休み: " + "、".join(f"{d.day}日（{ro.WEEKDAY_NAMES[d.weekday()]}・{why}）" for d, why in turn.off)
        swaps = "\n".join(f"{s}　{n}" if n else s for s, n in turn.swaps)
        values = [month, when, "・".join(turn.members), swaps, "済" if turn.done else None]
        for col, value in enumerate(values, start=1):
            cell = _put(ws, r, col, value)
            cell.border = border
            cell.alignment = Alignment(horizontal="center", vertical="center") if col in (1, 5) else top
        iso = ws.cell(r, len(HEADERS) + 1, turn.first)
        iso.number_format = "yyyy-mm-dd"
        iso.font = Font(color="808080")
        ws.row_dimensions[r].height = 30 if (turn.off or len(turn.swaps) > 1 or len(turn.members) > 2) else 24
    closing = _put(ws, r + 2, 1, f"都合の悪いときは、ほかの方と交代して、{sheet.contact}へお知らせください。")
    closing.font = Font(size=10)
    notice = _put(ws, r + 3, 1, ROSTER_NOTICE + (f"　{assoc['name']}の個人情報の利用目的: {assoc['purpose_of_use']}"
                                                 if assoc.get("purpose_of_use") else ""))
    notice.font, notice.alignment = Font(size=8), Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=r + 3, start_column=1, end_row=r + 3, end_column=len(HEADERS))
    ws.row_dimensions[r + 3].height = 36
    for col, w in enumerate([*WIDTHS, 14], start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    _page_setup(ws, assoc, sheet.title, made, header_row)
    ws.print_area = f"A1:{get_column_letter(len(HEADERS))}{r + 3}"

    # 回数: turns per household in the period, and how even they are
    window = min(t.first for t in sheet.turns)  # the counts are of the turns on the first sheet
    fair = ro.fairness(reg, roster_id, window, sheet.last)
    counts = fair.counts  # (a 班長 sees only the rosters of their own 班, so only their households)
    names = printed_names(reg, data.unit, {m.member_id for m in counts})
    who = "世帯" if data.unit == "household" else "氏名"
    wc = wb.create_sheet("回数")
    _put(wc, 1, 1, f"{sheet.title}　回数").font = Font(size=14, bold=True)
    wc.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COUNT_HEADERS) + 1)
    _put(wc, 2, 1, f"期間: {wareki_span(window, sheet.last)}")
    wc.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COUNT_HEADERS) + 1)
    _put(wc, 3, 1, f"回数の差（期間中ずっと当番をできた{who}の、いちばん多い回数 − いちばん少ない回数）: {fair.spread}回")
    wc.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(COUNT_HEADERS) + 1)
    count_header = 5
    for col, h in enumerate([COUNT_HEADERS[0], who, *COUNT_HEADERS[1:]], start=1):
        cell = wc.cell(count_header, col, h)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = count_header
    for m in counts:
        r += 1
        state = "当番をする" if m.eligible else "免除中" if m.why_not.startswith(("免除", "自動免除")) else "対象外"
        values = [m.block, names.get(m.member_id, m.name), m.assigned, m.done, m.stood_in, m.owes, state]
        for col, value in enumerate(values, start=1):
            cell = _put(wc, r, col, value)
            cell.border = border
            if isinstance(value, int):
                cell.number_format = '0"回"'
    if not counts:
        _put(wc, count_header + 1, 2, "この期間に当番をする世帯（人）はいません。")
    note = _put(wc, r + 2, 1, "した回数には、まだ記録をつけていない当番も含みます。免除の理由は台帳でご覧ください。")
    note.font = Font(size=9)
    for col, w in enumerate([COUNT_WIDTHS[0], 24, *COUNT_WIDTHS[1:]], start=1):
        wc.column_dimensions[get_column_letter(col)].width = w
    _page_setup(wc, assoc, f"{sheet.title} 回数", made, count_header)

    target = save_workbook(wb, target)
    record_output(reg, f"当番表「{data.name}」（Excel・{period}・{len(sheet.turns)}回）{target.name}", "KAIRAN",
                  sheet.households)
    return RosterExportResult(target, len(sheet.turns), sheet.households, fair.spread)
