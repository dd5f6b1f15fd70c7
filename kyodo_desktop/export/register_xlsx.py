"""The register as a print-ready Excel workbook or a CSV file (Qt-free).

Who appears, and which of their fields, is decided by :class:`privacy.OutputRule` for the
purpose of the output (and the officer's role); the workbook says its purpose on its first
sheet, and every export is recorded in the audit log. Text that would be a formula in Excel
(``= + - @``, tab, CR at the start) is stored as text, unchanged.
"""

from __future__ import annotations

import csv
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import gojuon_sort_string, to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

#: column key → (header, the privacy field it shows, or None for household facts)
COLUMNS: dict[str, tuple[str, str | None]] = {
    "id": ("協働デスクID", None),
    "block": ("班", None),
    "circulation_order": ("回覧順", None),
    "household_no": ("世帯番号", None),
    "name": ("氏名", "name"),
    "kana": ("フリガナ", "kana"),
    "relation": ("続柄", "relation"),
    "birth_date": ("生年月日", "birth_date"),
    "postal_code": ("郵便番号", "address"),
    "address": ("住所", "address"),
    "address_number": ("番地", "address"),
    "address_building": ("建物", "address"),
    "landline": ("電話", "phone"),
    "mobile": ("携帯電話", "mobile"),
    "email": ("メール", "email"),
    "member_type": ("会員区分", None),
    "status": ("状態", None),
    "notes": ("備考", "notes"),
}
DEFAULT_COLUMNS = ("block", "circulation_order", "household_no", "name", "kana", "relation", "birth_date",
                   "postal_code", "address", "address_number", "address_building", "landline", "member_type")
#: every column, with the ids: what a re-import needs to match each person again
ROUND_TRIP_COLUMNS = ("id", *DEFAULT_COLUMNS, "mobile", "email")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    persons: int
    households: int
    left_out: int  # people not shown for want of consent (or outside the officer's 班)


def _rows(reg: Register, rule: OutputRule, columns: Sequence[str], order: str, wareki: bool) -> tuple[list[dict], int]:
    visible, params = reg.session.block_filter_sql("h.block_id")
    rows = reg.conn.execute(
        f"""
        SELECT p.id, h.id, h.uid, coalesce(b.name, ''), coalesce(b.sort_order, 0), h.circulation_order,
               p.family_name, p.given_name, p.family_kana, p.given_kana, p.relation, p.birth_date,
               h.postal_code, h.address_town, h.address_number, h.address_building, h.landline, p.mobile, p.email,
               h.member_type, h.status, p.notes, p.uid, p.position, (h.head_person_id = p.id)
        FROM persons p JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id
        WHERE p.status = '在籍' AND h.status IN ('加入', '非加入') AND {visible}
        """,
        params,
    ).fetchall()
    out: list[dict] = []
    left_out = 0
    for r in rows:
        pid = r[0]
        if not rule.allows(pid, "name"):
            left_out += 1
            continue
        birth = r[11]
        values: dict[str, Any] = {
            "id": r[22], "block": r[3], "circulation_order": r[5], "household_no": r[2][:8],
            "name": f"{r[6]}　{r[7]}".strip("　"), "kana": f"{r[8]} {r[9]}".strip(),
            "relation": r[10], "birth_date": (to_wareki(date.fromisoformat(birth)) if wareki else date.fromisoformat(birth))
            if birth else "",
            "postal_code": r[12], "address": r[13], "address_number": r[14], "address_building": r[15],
            "landline": r[16],
            "mobile": r[17], "email": r[18], "member_type": r[19] if r[20] == "加入" else "", "status": r[20],
            "notes": r[21],
        }
        for key in columns:
            privacy_field = COLUMNS[key][1]
            if privacy_field is not None and not rule.allows(pid, privacy_field):
                values[key] = ""
        values["_sort"] = (r[4], r[3], r[5], r[1], 0 if r[24] else 1, r[23]) if order == "circulation" else (
            gojuon_sort_string(f"{r[8]}{r[9]}") or "\uffff", r[6], r[7], r[1])
        values["_household"] = r[1]
        out.append(values)
    out.sort(key=lambda v: v["_sort"])
    return out, left_out


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def write_register_xlsx(
    reg: Register, target: Path, *, purpose: str = "OFFICER_INTERNAL", columns: Sequence[str] = DEFAULT_COLUMNS,
    per_block: bool = False, order: str = "circulation", wareki: bool = True,
) -> ExportResult:
    """Write the register (one row per person) as a print-ready .xlsx; returns what was written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    def _text_cell(ws: Any, text: str) -> Any:
        if text.startswith(FORMULA_START):
            cell = WriteOnlyCell(ws, value=text)
            cell.data_type = "s"  # text, never a formula
            return cell
        return text

    def _value(ws: Any, value: Any) -> Any:
        if value == "" or value is None:
            return None
        if isinstance(value, str):
            return _text_cell(ws, value)
        if isinstance(value, date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = "yyyy-mm-dd"
            return cell
        return value

    reg.session.require("output", "名簿を書き出す")
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise RegisterError(f"分からない列です: {', '.join(unknown)}")
    rule = OutputRule(reg, purpose)
    rows, left_out = _rows(reg, rule, columns, order, wareki)
    assoc = get_association(reg)
    made = to_wareki(reg.today())
    # write-only mode: rows stream to the file (no cell objects kept), so everything about a
    # sheet is set before its first row
    _check_folder(Path(target))  # before the write-only workbook starts: it cannot be abandoned cleanly
    wb = Workbook(write_only=True)
    about = wb.create_sheet("この名簿について")
    about.column_dimensions["A"].width = 100
    lines = [
        f"{assoc['name']} 名簿", f"作成日: {made}", f"作成者: {reg.actor}",
        f"目的: {schema.PURPOSES[purpose]}", f"人数: {len(rows)}人",
        "", assoc["purpose_of_use"] or "",
        "この名簿は目的以外に使わず、第三者に渡さないでください。不要になったら町会へ返却するか、シュレッダーで処分してください。",
    ]
    if left_out:
        lines.append(f"（この目的への同意がない {left_out}人は載せていません）")
    for n, line in enumerate(lines):
        if n == 0:
            title = WriteOnlyCell(about, value=line)
            title.font = Font(size=14, bold=True)
            about.append([title])
        else:
            about.append([_text_cell(about, line)])
    groups: dict[str, list[dict]] = {}
    for v in rows:
        groups.setdefault(v["block"] if per_block else "名簿", []).append(v)
    if not groups:
        groups["名簿"] = []
    headers = [COLUMNS[c][0] for c in columns]
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    header_align = Alignment(horizontal="center", vertical="center")
    for name, items in groups.items():
        ws = wb.create_sheet(_sheet_title(name))
        for i, c in enumerate(columns, start=1):
            longest = max([_width(headers[i - 1])] + [_width(str(v[c])) for v in items[:2000]])
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 6), 50)
        page_setup(ws, assoc["name"], made, header_row=1,
                   footer=f"目的: {schema.PURPOSES[purpose]}　第三者に渡さないでください")
        header_cells = []
        for h in headers:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill, cell.alignment = header_font, header_fill, header_align
            header_cells.append(cell)
        ws.append(header_cells)
        for v in items:
            ws.append([_value(ws, v[c]) for c in columns])
    target = save_workbook(wb, target)
    households = len({v["_household"] for v in rows})
    record_output(reg, f"名簿（Excel）{target.name}", purpose, len(rows))
    return ExportResult(target, len(rows), households, left_out)


def _sheet_title(name: str) -> str:
    bad = '[]:*?/\\'
    title = "".join("_" if c in bad else c for c in name)[:31] or "名簿"
    return title


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


def page_setup(ws: Any, assoc_name: str, made: str, *, landscape: bool = True, title: str = "", footer: str = "",
               header_row: int | None = None, centered: bool = False, pages_right: bool = False) -> None:
    """The house style of a printed sheet: A4, fit to the page width, 町会名 / title / 作成日 in the
    header, the purpose or notice and 「n / N」 in the footer, the header row frozen and repeated."""
    from openpyxl.worksheet.properties import PageSetupProperties

    if header_row is not None:
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if centered:
        ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = _header_text(assoc_name)
    if title:
        ws.oddHeader.center.text = _header_text(title)
    ws.oddHeader.right.text = _header_text(f"作成日 {made}")
    if footer:
        ws.oddFooter.left.text = _header_text(footer)
    if pages_right:
        ws.oddFooter.right.text = "&P / &N"
    else:
        ws.oddFooter.center.text = "&P / &N"


def _check_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise RegisterError(f"Excelファイルを保存できませんでした（保存先のフォルダーがありません）: {target}")


def save_workbook(wb: Any, target: Path) -> Path:
    """Save beside the target and put it in place: a full disk or a bad folder leaves no half file
    and says so in Japanese."""
    target = Path(target)
    _check_folder(target)
    tmp = target.with_name(target.name + ".part")
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"Excelファイルを保存できませんでした（{exc.strerror or exc}）: {target}") from None
    return target


def write_register_csv(
    reg: Register, target: Path, *, purpose: str = "OFFICER_INTERNAL", columns: Sequence[str] = DEFAULT_COLUMNS,
    encoding: str = "utf-8-sig", order: str = "circulation", wareki: bool = True,
) -> ExportResult:
    """The same rows as CSV, in UTF-8 with BOM (Excel opens it directly) or CP932. Names that
    CP932 cannot hold (𠮷, 﨑 …) stop the export with the rows named, rather than print as '?'."""
    reg.session.require("output", "名簿を書き出す")
    if encoding not in ("utf-8-sig", "cp932"):
        raise RegisterError("文字コードは UTF-8（BOM付き）か Shift_JIS（CP932）です。")
    rule = OutputRule(reg, purpose)
    rows, left_out = _rows(reg, rule, columns, order, wareki)
    headers = [COLUMNS[c][0] for c in columns]
    table = [[str(v[c]) if v[c] != "" else "" for c in columns] for v in rows]
    if encoding == "cp932":
        bad = []
        for n, line in enumerate(table, start=2):
            for text in line:
                try:
                    text.encode("cp932")
                except UnicodeEncodeError:
                    chars = "".join(sorted({c for c in text if not _cp932_ok(c)}))
                    bad.append(f"{n}行目「{text}」（{chars}）")
        if bad:
            raise RegisterError("Shift_JIS（CP932）で書けない文字があります。UTF-8 を選んでください: " + "、".join(bad[:10])
                                + (f" ほか{len(bad) - 10}件" if len(bad) > 10 else ""))
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    with tmp.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        for line in table:
            w.writerow(["'" + t if t.startswith(FORMULA_START) else t for t in line])
    os.replace(tmp, target)
    record_output(reg, f"名簿（CSV）{target.name}", purpose, len(rows))
    return ExportResult(target, len(rows), len({v["_household"] for v in rows}), left_out)


def _cp932_ok(c: str) -> bool:
    try:
        c.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True
