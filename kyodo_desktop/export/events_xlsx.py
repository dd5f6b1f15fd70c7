"""A 年度's events as an Excel sheet in the shape of the 事業報告書 (Qt-free).

One row per event, by date: 月 | 事業名 | 内容 | 実施日 | 場所 | 参加者数 | 担当 (DOMAIN.md §1.2-B), the
month cell spanning that month's events; the total at the foot. In the house style of the
register export: A4 landscape fitted to the width, the header row repeated on every page and
frozen, 町会名 and the date in the page header, page numbers at the foot, dates in 和暦 (西暦
available), text that Excel would take for a formula kept as text. Participants are numbers
only (named, counted by age band and guests), so no one's personal data is in the file; the
export is still recorded in the audit log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.export.register_xlsx import (
    FORMULA_START,
    _width,
    page_setup,
    save_workbook,
)
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import fiscal_year_label, fiscal_year_range, to_wareki
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register

HEADERS = ("月", "事業名", "内容", "実施日", "場所", "参加者数", "担当")
WIDTHS = (5, 24, 40, 24, 18, 10, 28)
_WEEKDAYS = "月火水木金土日"


@dataclass(frozen=True)
class EventsExportResult:
    path: Path
    events: int  # rows written
    held: int  # of which took place (実施)
    participants: int  # 延べ参加者数 of the events held


def _day_text(starts_at: str, ends_at: str | None, wareki: bool) -> str:
    day = date.fromisoformat(starts_at[:10])
    text = (to_wareki(day) if wareki else day.isoformat()) + f"（{_WEEKDAYS[day.weekday()]}）"
    if ends_at and ends_at[:10] != starts_at[:10]:
        end = date.fromisoformat(ends_at[:10])
        text += "〜" + (f"{end.month}月{end.day}日" if wareki else end.isoformat()) + f"（{_WEEKDAYS[end.weekday()]}）"
    return text


def write_events_xlsx(reg: Register, target: Path, *, fiscal_year: int, wareki: bool = True) -> EventsExportResult:
    """Write the events of ``fiscal_year`` (年度 named by the year it starts in) as a print-ready
    事業報告 sheet. Events called off say so in 内容; planned ones are marked （予定）."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from kyodo_desktop.models.activity import list_events

    reg.session.require("output", "事業報告を書き出す")
    if not 1989 <= fiscal_year <= 2200:
        raise RegisterError(f"年度が正しくありません（{fiscal_year}）。")
    assoc = get_association(reg)
    start_month = int(assoc.get("fiscal_year_start_month") or 4)
    first, last = fiscal_year_range(fiscal_year, start_month)
    events = list_events(reg, fiscal_year=fiscal_year)
    partners = dict(reg.conn.execute("SELECT id, name FROM partners"))
    helpers: dict[int, list[str]] = {}
    organiser_of: dict[int, int | None] = {}
    descriptions: dict[int, str] = {}
    outcomes: dict[int, str] = {}
    if events:
        ids = [e.id for e in events]
        marks = ",".join("?" * len(ids))
        for eid, pid in reg.conn.execute(
                f"SELECT event_id, partner_id FROM event_partners WHERE event_id IN ({marks}) ORDER BY event_id, partner_id",
                ids):
            helpers.setdefault(eid, []).append(partners.get(pid, ""))
        organiser_of = dict(reg.conn.execute(f"SELECT id, organiser_partner_id FROM events WHERE id IN ({marks})", ids))
        descriptions = dict(reg.conn.execute(f"SELECT id, description FROM events WHERE id IN ({marks})", ids))
        outcomes = dict(reg.conn.execute(f"SELECT id, outcome FROM events WHERE id IN ({marks})", ids))
    label = fiscal_year_label(fiscal_year)
    made = to_wareki(reg.today())

    rows: list[list[Any]] = []
    months: list[int] = []
    held = participants = 0
    for e in events:
        day = date.fromisoformat(e.starts_at[:10])
        content = " ".join((descriptions.get(e.id) or "").split())
        if e.status == "中止":
            content = f"中止（{outcomes.get(e.id) or '理由の記録なし'}）" + (f"　{content}" if content else "")
        when = _day_text(e.starts_at, e.ends_at, wareki) + ("（予定）" if e.status == "予定" else "")
        if e.organiser == "協力団体":
            in_charge = partners.get(organiser_of.get(e.id) or 0, "協力団体")
        else:
            in_charge = e.organiser  # 町会 or 校下
        others = [p for p in helpers.get(e.id, []) if p and p != in_charge]
        if others:
            in_charge += f"（協力: {'、'.join(others)}）"
        count = e.participants if e.status == "実施" else None
        if e.status == "実施":
            held += 1
            participants += e.participants
        rows.append([f"{day.month}月", e.title, content, when, e.place, count, in_charge])
        months.append(day.month)

    wb = Workbook()
    ws = wb.active
    ws.title = f"{label} 事業報告"[:31]
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _put(ws, 1, 1, f"{label} 事業報告").font = Font(size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    _put(ws, 2, 1, f"{assoc['name']}　{to_wareki(first)}〜{to_wareki(last)}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    header_row = 3
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, h in enumerate(HEADERS, start=1):
        cell = ws.cell(header_row, col, h)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center")
    top = Alignment(vertical="top", wrap_text=True)
    for r, values in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(values, start=1):
            cell = _put(ws, r, col, value)
            cell.border = border
            cell.alignment = Alignment(horizontal="right", vertical="top") if col == 6 else \
                Alignment(horizontal="center", vertical="top") if col == 1 else top
            if col == 6 and value is not None:
                cell.number_format = '#,##0"人"'
    # the month cell spans the month's events, as on a printed 事業報告書
    start = 0
    for i in range(1, len(months) + 1):
        if i == len(months) or months[i] != months[start]:
            if i - start > 1:
                ws.merge_cells(start_row=header_row + 1 + start, start_column=1,
                               end_row=header_row + i, end_column=1)
            start = i
    foot = header_row + len(rows) + 1
    ws.cell(foot, 1, "計").alignment = Alignment(horizontal="center")
    ws.cell(foot, 2, f"実施 {held}件" + (f"（予定 {sum(e.status == '予定' for e in events)}件・"
                                        f"中止 {sum(e.status == '中止' for e in events)}件）"
                                        if len(events) != held else ""))
    total = ws.cell(foot, 6, participants)
    total.number_format = '#,##0"人"'
    for col in range(1, len(HEADERS) + 1):
        ws.cell(foot, col).font = Font(bold=True)
        ws.cell(foot, col).border = border
    note = ws.cell(foot + 1, 1, "参加者数は延べ人数（名簿の方・年代別に数えた方・町会外の方を含む）。中止・予定の行事は数えていません。")
    note.font, note.alignment = Font(size=9), Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=foot + 1, start_column=1, end_row=foot + 1, end_column=len(HEADERS))
    if not rows:
        ws.cell(header_row + 1, 2, "この年度の行事は登録されていません。")

    # widths for Japanese text (a kanji counts two); long text wraps, and each row is made tall
    # enough for its lines, so the sheet prints the same in Excel and LibreOffice
    for col, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    for r, values in enumerate(rows, start=header_row + 1):
        lines = max(math.ceil(_width(str(v or "")) / (w - 1)) for v, w in zip(values, WIDTHS, strict=True))
        if lines > 1:
            ws.row_dimensions[r].height = 15 * min(lines, 8)
    page_setup(ws, assoc["name"], made, title=f"{label} 事業報告", header_row=header_row, centered=True)
    target = save_workbook(wb, target)
    record_output(reg, f"{label} 事業報告（Excel・{len(rows)}件）{target.name}", "OFFICER_INTERNAL", 0)
    return EventsExportResult(target, len(rows), held, participants)


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """Set a cell; text that Excel would read as a formula (= + - @ …) stays text."""
    cell = ws.cell(row, col)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
    return cell
