"""The summary workbook of ``kyodo consolidate`` (Qt-free): what a 校下 or the city hands on.

Four sheets: 町会一覧 (one row per report read, with its key numbers and how many problems it has),
校下別合計 (the totals of the error-free reports per 校下 and for all, each saying how many files
were left out), 問題 (every problem: file, エラー / 注意, sheet!cell, what is wrong) and 読めなかった
ファイル (every file that could not be read or was skipped on purpose, with the reason) — so every
input file can be found in the workbook. Text that came from the associations' files and would be a
formula in Excel (``= + - @``) is stored as text.

The summary holds no register data and is made without a register: nothing is audited here (the
reports it reads are the associations' own outputs, already recorded by each association's program).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.export.register_xlsx import (
    FORMULA_START,
    _check_folder,
    _width,
    page_setup,
    save_workbook,
)
from kyodo_desktop.models.consolidate import (
    ERROR,
    READ,
    SKIPPED,
    SUM_KEYS,
    Consolidation,
    DistrictTotal,
    FileResult,
    name_key,
)
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki

#: the association sheet's columns: (header, how the value is found, number format)
ASSOCIATION_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("校下", "district", None), ("町会名", "association_name", None), ("年度", "fiscal_year", None),
    ("会長", "president_name", None), ("区域内世帯", "area_households", "#,##0"),
    ("加入世帯", "member_households", "#,##0"), ("加入率", "_rate", "0.0%"), ("人数", "persons", "#,##0"),
    ("班数", "blocks", "#,##0"), ("65歳以上", "aged_65", "#,##0"), ("75歳以上", "aged_75", "#,##0"),
    ("要支援者", "needs_help", "#,##0"), ("行事", "events", "#,##0"), ("参加", "participants", "#,##0"),
    ("収入", "income_total", "#,##0"), ("支出", "expense_total", "#,##0"), ("繰越", "carry_over", "#,##0"),
    ("ファイル", "_file", None), ("問題の数", "_problems", "0"), ("合計に含む", "_accepted", None),
)
#: the 校下 sheet's sum columns (header for each of SUM_KEYS)
SUM_HEADERS: dict[str, str] = {
    "area_households": "区域内世帯", "member_households": "加入世帯", "persons": "人数", "blocks": "班数",
    "aged_65": "65歳以上", "aged_75": "75歳以上", "needs_help": "要支援者", "events": "行事", "participants": "参加",
    "income_total": "収入", "expense_total": "支出", "carry_over": "繰越",
}
SHEETS = ("町会一覧", "校下別合計", "問題", "読めなかったファイル")


def _year_text(fy: Any) -> Any:
    if isinstance(fy, int):
        try:
            return f"{fiscal_year_label(fy)}（{fy}）"
        except Exception:  # noqa: BLE001 - a year before the eras' table is still shown
            return fy
    return fy


def _association_value(f: FileResult, key: str) -> Any:
    if key == "_file":
        return f.name
    if key == "_problems":
        return len(f.problems)
    if key == "_accepted":
        return "はい" if f.accepted else "いいえ（エラーあり）"
    if key == "_rate":
        area, members = f.value("area_households"), f.value("member_households")
        return members / area if isinstance(area, int) and isinstance(members, int) and area > 0 else None
    if key == "fiscal_year":
        return _year_text(f.value(key))
    return f.value(key)


def save_summary(result: Consolidation, target: Path, *, today: date | None = None) -> Path:
    """Write the summary workbook (see the module's docstring) atomically; returns the path. A
    missing folder or a full disk is a RegisterError in Japanese and leaves no half file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    target = Path(target)
    _check_folder(target)
    made = to_wareki(today or date.today())
    year = fiscal_year_label(result.fiscal_year) if result.fiscal_year else ""
    heading = f"{year} 年次報告の集計".strip()
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wb = Workbook(write_only=True)

    def cell(ws: Any, value: Any, fmt: str | None = None, *, bold: bool = False) -> Any:
        if value is None or value == "":
            return None
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            c.data_type = "s"  # text from someone's file, never a formula
        if fmt and not isinstance(value, str):
            c.number_format = fmt
        if bold:
            c.font = header_font
        return c

    def sheet(title: str, headers: list[str], rows: list[list[Any]], formats: list[str | None],
              footer: str = "", notes: list[str] = ()) -> None:
        ws = wb.create_sheet(title)
        for i, h in enumerate(headers, start=1):
            longest = max([_width(h)] + [_width(str(r[i - 1])) for r in rows[:3000] if r[i - 1] is not None])
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 6), 60)
        page_setup(ws, heading, made, title=title, header_row=1, footer=footer)
        head = []
        for h in headers:
            c = WriteOnlyCell(ws, value=h)
            c.font, c.fill, c.alignment = header_font, header_fill, center
            head.append(c)
        ws.append(head)
        for r in rows:
            bold = isinstance(r[0], str) and r[0] == "合計"
            ws.append([cell(ws, v, formats[i], bold=bold) for i, v in enumerate(r)])
        if notes:
            ws.append([])
            for line in notes:
                ws.append([cell(ws, line)])

    read = [f for f in result.files if f.status == READ]
    read.sort(key=lambda f: (name_key(f.value("district") or "\uffff"), name_key(f.value("association_name") or "\uffff"),
                             f.name))
    sheet("町会一覧", [h for h, _k, _f in ASSOCIATION_COLUMNS],
          [[_association_value(f, k) for _h, k, _f in ASSOCIATION_COLUMNS] for f in read],
          [fmt for _h, _k, fmt in ASSOCIATION_COLUMNS],
          footer="「合計に含む」が「いいえ」の町会は、問題シートのエラーを直してから集計し直してください")

    def total_row(t: DistrictTotal) -> list[Any]:
        return [t.district, t.associations, t.left_out, *(t.sums[k] for k in SUM_KEYS), t.member_rate]

    districts = result.district_totals()
    grand = result.grand_total()
    unreadable = len(result.with_status("unreadable"))
    notes = [
        f"集計したファイル: {grand.associations:,}件（エラーのないものだけを合計しています）",
        f"合計に含めなかったファイル: {grand.left_out:,}件（エラーあり {len(result.with_errors):,}件、"
        f"読めなかったもの {unreadable:,}件）",
        f"読まなかったファイル（一時ファイル・隠しファイルなど）: {len(result.with_status(SKIPPED)):,}件",
        f"作成日: {made}" + (f"　集計した年度: {year}（{result.fiscal_year}年度）" if year else ""),
    ]
    no_district = [f for f in read if not f.value("district")]
    if no_district:
        notes.append(f"校下名のない報告 {len(no_district):,}件は、校下別の行には入らず合計の行にだけ数えています"
                     "（エラーのあるものは除外）")
    sheet("校下別合計", ["校下", "町会数（合計に含む）", "除外したファイル", *(SUM_HEADERS[k] for k in SUM_KEYS), "加入率"],
          [total_row(t) for t in districts] + [total_row(grand)],
          [None, "#,##0", "#,##0", *(["#,##0"] * len(SUM_KEYS)), "0.0%"],
          footer="除外したファイル: エラーがあるため合計に含めなかったもの（合計の行は読めなかったものも含む）", notes=notes)

    problems = [[f.name, f.value("district"), f.value("association_name"), p.severity, p.place, p.message]
                for f in result.files if f.status == READ for p in sorted(f.problems, key=lambda p: p.severity != ERROR)]
    sheet("問題", ["ファイル", "校下", "町会名", "重さ", "場所", "内容"], problems, [None] * 6,
          footer="エラー: 合計に含めていません　注意: 確かめてください（合計には含めています）")

    others = [[f.name, "読めなかった" if f.status != SKIPPED else "読まなかった", f.reason, f.size if f.digest else None]
              for f in result.files if f.status != READ]
    sheet("読めなかったファイル", ["ファイル", "区分", "理由", "大きさ（バイト）"], others, [None, None, None, "#,##0"],
          footer="ここにあるファイルの数字は、どの合計にも含めていません")
    return save_workbook(wb, target)
