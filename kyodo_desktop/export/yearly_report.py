"""The yearly report (年次報告) as an Excel workbook and a PDF (Qt-free).

:func:`fill_workbook` writes a :class:`~kyodo_desktop.models.report_fields.ReportData` into a
workbook through a :class:`~kyodo_desktop.models.report_fields.FormMapping`: either the built-in
default template (made here by code: a title, a label beside every mapped cell, print set-up) or a
copy of a city's own form, keeping its formatting, merged cells, formulas and sheet protection.
It needs no register: the 校下 side uses it to make demo workbooks by the thousand, so it builds
the default template with shared styles and writes only the cells it needs.

What a mapped cell holds is a plain value that ``kyodo consolidate`` reads back with
python-calamine: numbers as numbers, dates as real dates, the 年度 as the western year (2025), never
a formula; a table's rows are contiguous from its first row (headers on the row above) and its
totals come after one empty row.

:func:`write_yearly_report` (xlsx) and :func:`write_yearly_report_pdf` make the report of a 年度
from the register (``models/yearly_report.collect``), and :func:`report_package` both at once with
file names such as 「令和7年度_年次報告_〇〇町会.xlsx」. Every file is written beside its target and
put in place at the end, never over an existing file by the package, and recorded in the audit log
as an output (the report names the officers and their phone numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.report_fields import (
    FIELD_BY_KEY,
    OFFICER_COLUMNS,
    TABLES,
    FormMapping,
    ReportData,
    column_index,
    default_mapping,
    split_cell,
)
from kyodo_desktop.models.validation import ValidationError

Progress = Callable[[int, int], bool] | None
PURPOSE = "CITY_REPORT"  # it is made to be handed to the 校下 or the city
TITLE = "町会年次報告"
#: 和暦 in Excel's own date format (the cell stays a real date: calamine and formulas see a date)
DATE_FORMAT = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日";@'
INT_FORMAT = "#,##0"
YEN_FORMAT = "#,##0;△#,##0"
CONTACTS_NOTICE = "役員の連絡先は、町会・校下の連絡のためだけに使い、ほかの目的に使わないでください。"
#: the 概要 sheet's sections: a heading on the row above the first field of each
SECTIONS = {"association_name": "町会", "president_name": "会長（代表者）", "area_households": "世帯と人数",
            "events": "行事", "income_total": "会計（収支決算）", "open_issues": "地域課題"}
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def title_of(data: ReportData) -> str:
    fy = data.values.get("fiscal_year")
    return f"{fiscal_year_label(fy)} {TITLE}" if isinstance(fy, int) else TITLE


def package_names(data: ReportData) -> tuple[str, str]:
    """「令和7年度_年次報告_〇〇町会.xlsx」 and the .pdf (characters Windows refuses become 「_」)."""
    fy = data.values.get("fiscal_year")
    name = _BAD_NAME.sub("_", str(data.values.get("association_name") or "町会")).strip(" .") or "町会"
    stem = f"{fiscal_year_label(fy)}_年次報告_{name}"
    return f"{stem}.xlsx", f"{stem}.pdf"


# -- writing values into cells -------------------------------------------------------------------------


def _formula_start() -> tuple[str, ...]:
    from kyodo_desktop.export.register_xlsx import FORMULA_START

    return FORMULA_START


def _put(cell: Any, value: Any, number_format: str | None = None) -> None:
    """A plain value: text that looks like a formula stays text, a date stays a date, numbers are
    numbers. ``number_format`` None keeps the cell's own format (a city form's)."""
    cell.value = value
    if isinstance(value, str) and value.startswith(_formula_start()):
        cell.data_type = "s"
    if number_format is not None:
        cell.number_format = number_format


def _format(key: str, value: Any, *, yen: bool = False) -> str | None:
    """The default template's format for a value."""
    if isinstance(value, date):
        return DATE_FORMAT
    if key == "fiscal_year":
        return "0"
    if isinstance(value, int) and not isinstance(value, bool):
        return YEN_FORMAT if yen else INT_FORMAT
    return None


def _table_too_long(key: str, rows: int, room: int, sheet: str) -> ValidationError:
    label = TABLES[key][0]
    return ValidationError(f"表「{label}」", f"様式のシート「{sheet}」の表には{room:,}行までしか入りません（{rows:,}行あります）。"
                           "様式の行を増やして対応を登録し直すか、標準様式で書き出してください。", field=key)


def _fill(wb: Any, data: ReportData, mapping: FormMapping, *, own_format: bool) -> None:
    for key, place in mapping.tables.items():  # checked before anything is written
        rows = data.tables.get(key) or []
        if len(rows) > place.max_rows:
            raise _table_too_long(key, len(rows), place.max_rows, place.sheet)
    for key, ref in mapping.fields.items():
        sheet, letters, row = split_cell(ref)
        value = data.values.get(key)
        if value is None:
            continue
        yen = key.endswith(("_total", "carry_over"))
        _put(wb[sheet][f"{letters}{row}"], value, _format(key, value, yen=yen) if own_format else None)
    for key, place in mapping.tables.items():
        ws = wb[place.sheet]
        columns = [(col, column_index(letter)) for col, letter in place.columns.items()]
        yen = key == "settlement"
        for n, row in enumerate(data.tables.get(key) or []):
            r = place.first_row + n
            for col, index in columns:
                value = row.get(col)
                if value is not None and value != "":
                    _put(ws.cell(row=r, column=index), value, _format(col, value, yen=yen) if own_format else None)


# -- the default template ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    """openpyxl style objects, made once and shared by every workbook."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    return {
        "title": Font(bold=True, size=16), "sub": Font(size=11), "section": Font(bold=True, size=12),
        "bold": Font(bold=True), "note": Font(size=10, color="7F3F00"),
        "label_fill": PatternFill("solid", fgColor="F2F2F2"), "head_fill": PatternFill("solid", fgColor="DDEBF7"),
        "total_fill": PatternFill("solid", fgColor="F2F2F2"),
        "box": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="center"), "center": Alignment(horizontal="center", vertical="center"),
    }


def _unit(key: str, data: ReportData) -> str:
    value = data.values.get(key)
    if key == "fiscal_year":
        return fiscal_year_label(value) if isinstance(value, int) else ""
    if key == "as_of":
        return "現在"
    label = FIELD_BY_KEY[key].label
    if FIELD_BY_KEY[key].type != "int":
        return ""
    if "円" in label:
        return "円"
    if "人" in label:
        return "人"
    if "世帯" in label:
        return "世帯"
    return ""


def _totals(key: str, data: ReportData) -> list[dict[str, Any]]:
    """The rows after the one empty row under a table."""
    rows = data.tables.get(key) or []
    if key == "blocks" and rows:
        total: dict[str, Any] = {"block": "合計"}
        for col, _label in TABLES["blocks"][1][1:]:
            total[col] = sum(int(r.get(col) or 0) for r in rows)
        return [total]
    if key == "events" and rows:
        return [{"month": "合計", "name": f"{len(rows)}件", "participants": sum(int(r.get("participants") or 0) for r in rows)}]
    if key == "settlement" and rows:
        v = data.values
        out = []
        for section, label, total in (("収入", "収入合計", v.get("income_total")), ("支出", "支出合計", v.get("expense_total"))):
            lines = [r for r in rows if r.get("section") == section]
            out.append({"section": label, "budget": sum(int(r.get("budget") or 0) for r in lines), "actual": total,
                        "difference": (total or 0) - sum(int(r.get("budget") or 0) for r in lines)})
        out.append({"section": "次年度繰越金", "actual": v.get("carry_over"), "note": "収入合計 − 支出合計"})
        return out
    return []


def _table_notes(key: str, data: ReportData) -> str:
    from kyodo_desktop.models.yearly_report import NO_BOOKS, NO_EVENTS, NO_ISSUES

    if data.tables.get(key):
        if key == "blocks":
            return "世帯数は基準日の加入・非加入。人数・65歳以上・75歳以上は加入世帯の方の人数、要支援者は人数だけを数えています。"
        return ""
    return {"events": NO_EVENTS, "settlement": NO_BOOKS, "issues": NO_ISSUES}.get(key, "記録がありません")


def _default_workbook(data: ReportData, mapping: FormMapping, *, made: str, footer: str) -> Any:
    from openpyxl import Workbook

    st = _styles()
    wb = Workbook()
    sheets: list[str] = list(mapping.sheets) or list(dict.fromkeys(split_cell(r)[0] for r in mapping.fields.values()))
    for t in mapping.tables.values():
        if t.sheet not in sheets:
            sheets.append(t.sheet)
    wb.active.title = sheets[0]
    for name in sheets[1:]:
        wb.create_sheet(name)
    assoc = str(data.values.get("association_name") or "")
    district = str(data.values.get("district") or "")
    as_of = data.values.get("as_of")
    as_of_text = f"基準日 {to_wareki(as_of)}" if isinstance(as_of, date) else ""
    title = title_of(data)

    def text(ws: Any, row: int, col: int, value: Any, **style: Any) -> Any:
        cell = ws.cell(row=row, column=col)
        _put(cell, value)
        for attr, v in style.items():
            setattr(cell, attr, v)
        return cell

    # the 概要 sheet: labels beside the mapped cells
    by_sheet: dict[str, list[tuple[str, str, int]]] = {}
    for key, ref in mapping.fields.items():
        sheet, letters, row = split_cell(ref)
        by_sheet.setdefault(sheet, []).append((key, letters, row))
    for sheet, cells in by_sheet.items():
        ws = wb[sheet]
        text(ws, 1, 1, title, font=st["title"])
        text(ws, 2, 1, "　".join(x for x in (assoc, district, as_of_text) if x), font=st["sub"])
        widest = 1
        for key, letters, row in cells:
            col = column_index(letters)
            widest = max(widest, col + 1)
            if col > 1:
                text(ws, row, col - 1, FIELD_BY_KEY[key].label, fill=st["label_fill"], border=st["box"])
            value_cell = ws.cell(row=row, column=col)
            value_cell.border = st["box"]
            value_cell.font = st["bold"]
            unit = _unit(key, data)
            if unit:
                text(ws, row, col + 1, unit)
            if key in SECTIONS and row > 3 and col > 1:
                text(ws, row - 1, 1, SECTIONS[key], font=st["section"])
        for letter, width in (("A", 16), ("B", 26), ("C", 34), ("D", 14)):
            ws.column_dimensions[letter].width = width
        row = ws.max_row + 2
        if sheet == sheets[0]:
            officers = data.tables.get("officers") or []
            text(ws, row, 1, "役員", font=st["section"])
            row += 1
            for n, (_col, label) in enumerate(OFFICER_COLUMNS, start=1):
                text(ws, row, n, label, font=st["bold"], fill=st["head_fill"], border=st["box"])
            for officer in officers:
                row += 1
                for n, (col, _label) in enumerate(OFFICER_COLUMNS, start=1):
                    text(ws, row, n, officer.get(col) or "", border=st["box"])
            if not officers:
                row += 1
                text(ws, row, 1, "役員の登録がありません", font=st["note"])
            row += 2
            if data.notes:
                text(ws, row, 1, "備考", font=st["section"])
                for note in data.notes:
                    row += 1
                    text(ws, row, 1, note, font=st["note"])
        from kyodo_desktop.export.register_xlsx import page_setup

        page_setup(ws, assoc, made, landscape=False, title=title, footer=footer)

    # the tables: a title, the header row above the first data row, the rows, one empty row, totals
    widths = {"block": 12, "member_households": 12, "non_member_households": 12, "persons": 10, "aged_65": 10,
              "aged_75": 10, "needs_help": 10, "month": 6, "name": 26, "content": 36, "date": 20, "place": 18,
              "participants": 10, "organiser": 12, "section": 12, "subject": 22, "budget": 14, "actual": 14,
              "difference": 14, "note": 30, "title": 34, "stage": 14, "next_action": 36, "partners": 24}
    for key, place in mapping.tables.items():
        label, columns = TABLES[key]
        names = dict(columns)
        ws = wb[place.sheet]
        head = place.first_row - 1
        if head >= 3:
            text(ws, 1, 1, f"{label}（{fiscal_year_label(data.values['fiscal_year'])}）"
                 if isinstance(data.values.get("fiscal_year"), int) else label, font=st["title"])
            text(ws, 2, 1, "　".join(x for x in (assoc, district, as_of_text) if x), font=st["sub"])
            note = _table_notes(key, data)
            if note:
                text(ws, 3, 1, note, font=st["note"])
        if head >= 1:
            for col, letter in place.columns.items():
                text(ws, head, column_index(letter), names[col], font=st["bold"], fill=st["head_fill"],
                     border=st["box"], alignment=st["center"])
        rows = data.tables.get(key) or []
        for col, letter in place.columns.items():
            ws.column_dimensions[letter].width = widths.get(col, 14)
        for n in range(len(rows)):
            for letter in place.columns.values():
                ws.cell(row=place.first_row + n, column=column_index(letter)).border = st["box"]
        after = place.first_row + len(rows) + 1
        for n, total in enumerate(_totals(key, data)):
            for col, letter in place.columns.items():
                cell = ws.cell(row=after + n, column=column_index(letter))
                if total.get(col) is not None:
                    _put(cell, total[col], _format(col, total[col], yen=key == "settlement"))
                cell.font = st["bold"]
                cell.fill = st["total_fill"]
                cell.border = st["box"]
        from kyodo_desktop.export.register_xlsx import page_setup

        page_setup(ws, assoc, made, landscape=len(place.columns) > 5, title=f"{title}　{label}", footer=footer,
                   header_row=head if head >= 1 else None)
    return wb


# -- filling a workbook ----------------------------------------------------------------------------------


def fill_workbook(data: ReportData, target: Path, *, mapping: FormMapping | None = None,
                  form: Path | bytes | None = None, made: date | None = None, footer: str = "") -> Path:
    """Write ``data`` into a workbook at ``target``: the default template (``form`` None) or a copy of
    ``form`` (a city's own .xlsx) through ``mapping``. A formula in a mapped cell, a missing sheet
    or a table longer than the form's lines refuses the whole file (nothing is written); a cell
    inside a merged range is written to its top-left. ``made`` (default today) and ``footer`` (the
    purpose of use) go into the default template's print header and footer."""
    from kyodo_desktop.export.register_xlsx import save_workbook

    target = Path(target)
    if form is None:
        mapping = mapping or default_mapping()
        wb = _default_workbook(data, mapping, made=to_wareki(made or date.today()), footer=footer[:200])
        _fill(wb, data, mapping, own_format=True)
        return save_workbook(wb, target)
    from kyodo_desktop.models import report_forms as rf

    if mapping is None:
        raise ValidationError("様式の対応", "様式に書き込むには、項目とセルの対応（対応表）が必要です。", field="mapping")
    name = target.name if isinstance(form, bytes | bytearray) else Path(form).name
    wb = rf.load_form(form, name if isinstance(form, bytes | bytearray) else "")
    mapping, problems = rf.fix_mapping_in(wb, mapping)
    errors = rf.errors_of(problems)
    if errors:
        raise ValidationError("様式", "この様式には書き込めません: " + " / ".join(str(p) for p in errors), field="mapping")
    _fill(wb, data, mapping, own_format=False)
    return save_workbook(wb, target)


# -- from the register ----------------------------------------------------------------------------------


def _footer(reg: Any) -> str:
    from kyodo_desktop.models.households import get_association

    purpose = " ".join(str(get_association(reg).get("purpose_of_use") or "").split())
    return f"{CONTACTS_NOTICE}" + (f" 個人情報の利用目的: {purpose}" if purpose else "")


def _xlsx(reg: Any, data: ReportData, target: Path, form_id: int | str | None) -> Path:
    from kyodo_desktop.models import report_forms as rf

    if form_id is None:
        return fill_workbook(data, target, made=reg.today(), footer=_footer(reg))
    saved = rf.get_form(reg, form_id)
    blob = rf.form_file(reg, saved.id)
    if blob is None:
        raise RegisterError(f"様式「{saved.name}」には様式のファイルが登録されていません。様式の登録で Excel ファイルを選び直してください。")
    return fill_workbook(data, target, mapping=saved.mapping, form=blob)


def _record(reg: Any, data: ReportData, what: str, target: Path) -> None:
    from kyodo_desktop.models.privacy import record_output

    record_output(reg, f"{title_of(data)}（{what}）{Path(target).name}", PURPOSE, len(data.tables.get("officers") or []),
                  action="print" if what == "PDF" else "export")


def write_yearly_report(reg: Any, target: Path, *, fiscal_year: int, as_of: date | None = None,
                        form_id: int | str | None = None, record: bool = True) -> Path:
    """The report of ``fiscal_year`` as a workbook: the default template, or the saved city form
    ``form_id`` (its id or name) filled in a copy."""
    from kyodo_desktop.models.yearly_report import collect

    reg.session.require("output", "年次報告を書き出す")
    data = collect(reg, fiscal_year, as_of=as_of)
    out = _xlsx(reg, data, Path(target), form_id)
    if record:
        _record(reg, data, "Excel", out)
    return out


# -- the PDF ------------------------------------------------------------------------------------------------


def _n(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}{unit}"
    return str(value)


def _yen(value: Any) -> str:
    from kyodo_desktop.export.accounts_docs import money

    return "—" if value is None else f"{money(int(value))}円"


def _pdf(reg: Any, data: ReportData, target: Path, progress: Progress) -> Any:
    from reportlab.lib.units import mm

    from kyodo_desktop.export.accounts_docs import (
        SETTLEMENT_COLUMNS,
        _pages,
        _title,
        _write_pages,
        money,
    )
    from kyodo_desktop.export.documents import PrintResult

    v = data.values
    p = _pages()
    as_of = v.get("as_of")
    head = "　".join(str(x) for x in (v.get("association_name"), v.get("district")) if x)
    when = f"基準日 {to_wareki(as_of)}" if isinstance(as_of, date) else ""
    row_h = 7 * mm

    def gap(h: float = 5 * mm) -> None:
        p.y -= h

    def rows(items: list[list[str]]) -> list[tuple[list[str], bool]]:
        return [(r, False) for r in items]

    # 概要
    _title(p, title_of(data), [head, when])
    pairs = [("町会名", v.get("association_name")), ("校下（地区）", v.get("district")),
             ("年度", fiscal_year_label(v["fiscal_year"]) if isinstance(v.get("fiscal_year"), int) else None),
             ("基準日", to_wareki(as_of) if isinstance(as_of, date) else None),
             ("会長 氏名", v.get("president_name")), ("会長 フリガナ", v.get("president_kana")),
             ("会長 住所", v.get("president_address")), ("会長 電話", v.get("president_phone"))]
    p.table([("項目", 45, "l"), ("内容", 125, "l")], rows([[a, _n(b)] for a, b in pairs]), row_h=row_h,
            caption="町会と代表者")
    gap()
    officers = data.tables.get("officers") or []
    p.table([(label, w, "l") for (_c, label), w in zip(OFFICER_COLUMNS, (25, 45, 55, 45), strict=True)],
            rows([[o.get(c) or "" for c, _l in OFFICER_COLUMNS] for o in officers] or [["（登録なし）", "", "", ""]]),
            row_h=row_h, caption="役員")
    gap()
    area, members = v.get("area_households"), v.get("member_households")
    rate = f"{members / area:.1%}" if isinstance(area, int) and area > 0 and isinstance(members, int) else "—"
    counts = [("区域内世帯数（推計）", _n(area, "世帯")), ("加入世帯数", _n(members, "世帯")),
              ("非加入世帯数", _n(v.get("non_member_households"), "世帯")), ("加入率", rate),
              ("会員数", _n(v.get("persons"), "人")), ("班数", _n(v.get("blocks"), "班")),
              ("65歳以上", _n(v.get("aged_65"), "人")), ("75歳以上", _n(v.get("aged_75"), "人")),
              ("要支援者（人数のみ）", _n(v.get("needs_help"), "人"))]
    p.table([("世帯と人数", 60, "l"), ("数", 40, "r")], rows([[a, b] for a, b in counts]), row_h=row_h,
            caption=f"世帯と人数（{when}）" if when else "世帯と人数")
    gap()
    year = [("行事の数", _n(v.get("events"), "件")), ("行事への参加（延べ）", _n(v.get("participants"), "人")),
            ("収入合計", _yen(v.get("income_total"))), ("支出合計", _yen(v.get("expense_total"))),
            ("次年度繰越金", _yen(v.get("carry_over"))), ("地域課題（取り組み中）", _n(v.get("open_issues"), "件"))]
    p.table([("1年のまとめ", 60, "l"), ("", 40, "r")], rows([[a, b] for a, b in year]), row_h=row_h)
    if data.notes:
        gap(3 * mm)
        for note in data.notes:
            p.room(6 * mm)
            p.y -= 5.5 * mm
            p.text(p.left, p.y, f"※ {note}", 9.5)

    # 班別世帯数
    p.new_page()
    _title(p, "班別世帯数", [head, when])
    blocks = data.tables.get("blocks") or []
    columns = TABLES["blocks"][1]
    body = [[str(b.get("block") or "")] + [_n(b.get(c)) for c, _l in columns[1:]] for b in blocks]
    totals = [([str(t.get("block"))] + [_n(t.get(c)) for c, _l in columns[1:]], True) for t in _totals("blocks", data)]
    p.table([(label, 22 if c == "block" else 18, "l" if c == "block" else "r") for c, label in columns],
            rows(body) + totals, row_h=row_h)
    note = _table_notes("blocks", data)
    if note:
        p.room(7 * mm)
        p.y -= 6 * mm
        p.text(p.left, p.y, f"※ {note}", 9)

    # 事業報告
    p.new_page()
    _title(p, "事業報告", [head, fiscal_year_label(v["fiscal_year"]) if isinstance(v.get("fiscal_year"), int) else ""])
    events = data.tables.get("events") or []
    if events:
        body = [[str(e.get("month") or ""), e.get("name") or "", e.get("content") or "",
                 to_wareki(e["date"]).split("年", 1)[1] if isinstance(e.get("date"), date) else "",
                 e.get("place") or "", _n(e.get("participants")), e.get("organiser") or ""] for e in events]
        total = _totals("events", data)[0]
        p.table([("月", 8, "c"), ("事業名", 38, "l"), ("内容", 50, "l"), ("実施日", 18, "c"), ("場所", 26, "l"),
                 ("参加者数", 16, "r"), ("担当", 16, "l")],
                rows(body) + [(["", f"合計 {total['name']}", "", "", "", _n(total["participants"]), ""], True)],
                row_h=6.5 * mm)
    else:
        p.y -= 8 * mm
        p.text(p.left, p.y, _table_notes("events", data), 11)

    # 収支決算
    p.new_page()
    _title(p, "収支決算", [head, "（単位: 円）"])
    settlement = data.tables.get("settlement") or []
    if settlement:
        for section, label in (("収入", "収入合計"), ("支出", "支出合計")):
            lines = [r for r in settlement if r.get("section") == section]
            body = [[r.get("subject") or "", money(int(r.get("budget") or 0)), money(int(r.get("actual") or 0)),
                     money(int(r.get("difference") or 0)), r.get("note") or ""] for r in lines]
            budget, actual = sum(int(r.get("budget") or 0) for r in lines), sum(int(r.get("actual") or 0) for r in lines)
            p.table(SETTLEMENT_COLUMNS, rows(body) + [([label, money(budget), money(actual), money(actual - budget), ""],
                                                       True)], row_h=row_h, caption=f"{section}の部")
            gap()
        p.room(9 * mm)
        p.text(p.left, p.y - 5 * mm, f"収入合計 {_yen(v.get('income_total'))} − 支出合計 {_yen(v.get('expense_total'))} ＝ "
               f"次年度繰越金 {_yen(v.get('carry_over'))}", 11.5)
        p.y -= 9 * mm
    else:
        p.y -= 8 * mm
        p.text(p.left, p.y, _table_notes("settlement", data), 11)

    # 地域課題
    p.new_page()
    _title(p, "地域課題", [head])
    issues = data.tables.get("issues") or []
    if issues:
        p.table([("課題", 55, "l"), ("段階", 24, "l"), ("次にすること", 55, "l"), ("協力団体", 36, "l")],
                rows([[i.get("title") or "", i.get("stage") or "", i.get("next_action") or "", i.get("partners") or ""]
                      for i in issues]), row_h=row_h)
    else:
        p.y -= 8 * mm
        p.text(p.left, p.y, _table_notes("issues", data), 11)

    # the purpose-of-use footer on every page (two lines at most), above the page number
    from kyodo_desktop.export.accounts_docs import _wrap

    lines = _wrap(p.chain, _footer(reg), 6.8, p.right - p.left)[:2]
    for ops in p.pages:
        for n, line in enumerate(lines):
            ops.append(lambda c, line=line, y=(13.3 - 2.5 * n) * mm: p.chain.draw(c, p.left, y, line, 6.8))
    pages = _write_pages(reg, Path(target), p, title_of(data), progress)
    return PrintResult(Path(target), pages, len(officers), p.chain.warning)


def write_yearly_report_pdf(reg: Any, target: Path, *, fiscal_year: int, as_of: date | None = None,
                            progress: Progress = None, record: bool = True) -> Any:
    """The report of ``fiscal_year`` as an A4 PDF: 概要 (the association, 会長 and 役員 with their
    phones, households and persons, the year in numbers, notes), 班別世帯数 with totals, 事業報告,
    収支決算 and 地域課題, each from a new page, with the purpose-of-use footer."""
    from kyodo_desktop.models.yearly_report import collect

    reg.session.require("output", "年次報告を印刷する")
    data = collect(reg, fiscal_year, as_of=as_of)
    result = _pdf(reg, data, Path(target), progress)
    if record:
        _record(reg, data, "PDF", Path(target))
    return result


def report_package(reg: Any, folder: Path, *, fiscal_year: int, as_of: date | None = None,
                   form_id: int | str | None = None, progress: Progress = None, record: bool = True) -> tuple[Path, Path]:
    """The workbook and the PDF of ``fiscal_year`` in ``folder``, named 「令和7年度_年次報告_〇〇町会」.
    Refuses when either file is already there (nothing is overwritten); when the PDF fails, the
    workbook just written is removed again, so there are both files or none."""
    from kyodo_desktop.models.yearly_report import collect

    reg.session.require("output", "年次報告を書き出す")
    folder = Path(folder)
    if not folder.is_dir():
        raise RegisterError(f"保存先のフォルダーがありません: {folder}")
    data = collect(reg, fiscal_year, as_of=as_of)
    xlsx_name, pdf_name = package_names(data)
    xlsx, pdf = folder / xlsx_name, folder / pdf_name
    for path in (xlsx, pdf):
        if path.exists():
            raise RegisterError(f"同じ名前のファイルがすでにあります。上書きはしません（名前を変えるか、別のフォルダーを選んでください）: {path}")
    _xlsx(reg, data, xlsx, form_id)
    try:
        _pdf(reg, data, pdf, progress)
    except BaseException:
        xlsx.unlink(missing_ok=True)
        raise
    if record:
        _record(reg, data, "Excel", xlsx)
        _record(reg, data, "PDF", pdf)
    return xlsx, pdf


__all__ = ["fill_workbook", "package_names", "report_package", "title_of", "write_yearly_report",
           "write_yearly_report_pdf"]
