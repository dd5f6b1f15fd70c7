"""A city's (or 校下's) own Excel form for the yearly report: mapped once, filled every year (Qt-free).

The officer opens the form the city sent; :func:`guess_mapping` proposes a cell for every field by
finding its label on the form (a cell reading 「加入世帯数」 → the first empty cell to its right,
else below) and the table headers (「事業名」「参加者数」 …); the officer corrects the proposal by
clicking cells; :func:`check_mapping` says what cannot work (a formula would be overwritten, a
sheet is missing, a table longer than the form's lines) and what it adjusted (a cell inside a
merged range is moved to the range's top-left, where Excel keeps the value); :func:`save_form`
keeps the mapping *and the empty form itself* in the register (``report_forms``), so next year's
report fills a fresh copy of it (``export/yearly_report.fill_workbook``). A mapping can be given
to the 校下 as a JSON file (:func:`export_mapping` / :func:`import_mapping`), which their
``kyodo consolidate`` reads the filled forms with.

Only .xlsx / .xlsm forms are accepted: an old .xls, a CSV or anything else is refused with what
to do, before anything is saved. Reading uses openpyxl (formulas, merged ranges and sheet
protection are needed, which calamine does not give).
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.report_fields import (
    FIELD_BY_KEY,
    FIELDS,
    TABLES,
    FormMapping,
    TablePlace,
    column_index,
    column_letters,
    join_cell,
    mapping_from_json,
    split_cell,
)
from kyodo_desktop.models.validation import ValidationError, clean_text

WRITE = "books.write"
READ = "register.read"
FORM_SUFFIXES = (".xlsx", ".xlsm")
MAX_FORM_BYTES = 20_000_000  # a one-page form with a few sheets; anything larger is not one


class FormError(RegisterError):
    """The file cannot be used as a report form; the message says why and what to do."""


# -- reading a form ------------------------------------------------------------------------------------


def _form_bytes(form: Path | str | bytes, name: str = "") -> tuple[bytes, str]:
    """The form's bytes and a name to show, after the checks every form gets (type, size, zip)."""
    from kyodo_desktop.models.importing.reader import OLE_MAGIC, _check_zip

    if isinstance(form, bytes | bytearray):
        data, shown = bytes(form), name or "様式"
        suffix = Path(name).suffix.lower() if name else ".xlsx"
    else:
        path = Path(form)
        shown, suffix = path.name, path.suffix.lower()
        if suffix == ".xls":
            raise FormError(f"古い形式のExcelファイル（.xls）は様式に使えません。Excelで開いて「.xlsx」形式で保存し直してください: {shown}")
        if suffix in (".csv", ".txt", ".tsv", ".ods", ".pdf", ".doc", ".docx"):
            raise FormError(f"様式にはExcelのファイル（.xlsx）を指定してください（{suffix} は使えません）: {shown}")
        if suffix not in FORM_SUFFIXES:
            raise FormError(f"様式にはExcelのファイル（.xlsx）を指定してください: {shown}")
        try:
            size = path.stat().st_size
            if size > MAX_FORM_BYTES:
                raise FormError(f"様式のファイルが大きすぎます（{size / 1e6:,.0f} MB）: {shown}")
            data = path.read_bytes()
        except FileNotFoundError:
            raise FormError(f"様式のファイルが見つかりません: {path}") from None
        except OSError as exc:
            raise FormError(f"様式のファイルを読めません: {path}（{exc.strerror or exc}）") from None
    if not data:
        raise FormError(f"様式のファイルが空です（0バイト）: {shown}")
    if data.startswith(OLE_MAGIC):
        if suffix == ".xls":
            raise FormError(f"古い形式のExcelファイル（.xls）は様式に使えません。Excelで「.xlsx」形式で保存し直してください: {shown}")
        raise FormError(f"パスワード付きのファイルか、古い形式のExcelファイルです。パスワードを外して .xlsx で保存し直してください: {shown}")
    if not data.startswith(b"PK"):
        raise FormError(f"Excelのファイル（.xlsx）ではありません: {shown}")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:  # the zip checks read a path
        probe = Path(tmp) / "form.xlsx"
        probe.write_bytes(data)
        try:
            _check_zip(probe)
        except RegisterError as exc:
            raise FormError(str(exc).replace("form.xlsx", shown)) from None
    return data, shown


def load_form(form: Path | str | bytes, name: str = "") -> Any:
    """The form as an openpyxl workbook (formulas as text, styles kept)."""
    from openpyxl import load_workbook

    data, shown = _form_bytes(form, name)
    keep_vba = (Path(name).suffix.lower() if isinstance(form, bytes | bytearray) else Path(form).suffix.lower()) == ".xlsm"
    try:
        return load_workbook(io.BytesIO(data), keep_vba=keep_vba, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise FormError(f"様式のファイルが壊れているか、Excelの形式として読めません: {shown}（{type(exc).__name__}）") from None


@dataclass(frozen=True)
class FormInfo:
    """What the mapping dialog shows of a form."""

    sheets: tuple[str, ...]
    merged: dict[str, tuple[str, ...]]  # sheet → "B4:D4" …
    formulas: dict[str, tuple[str, ...]]  # sheet → "C30" … (cells that compute: never written into)
    protected: tuple[str, ...]  # sheets with protection switched on
    dimensions: dict[str, str]  # sheet → "A1:H40" (the used range)
    warnings: tuple[str, ...] = ()  # pictures or charts openpyxl cannot keep, hidden sheets …


def _is_formula(cell: Any) -> bool:
    return cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type != "s")


def _drawing_parts(data: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
    kinds = []
    if any(n.startswith("xl/media/") for n in names):
        kinds.append("画像")
    if any(n.startswith("xl/charts/") for n in names):
        kinds.append("グラフ")
    if any(n.startswith("xl/drawings/") and "vmlDrawing" not in n for n in names) and not kinds:
        kinds.append("図形")
    return kinds


def inspect_form(form: Path | str | bytes, name: str = "") -> FormInfo:
    """Sheet names, merged ranges, formula cells and protected sheets of a form. Refuses what is
    not an .xlsx workbook (.xls, .csv, a broken or password-protected file) with what to do."""
    data, _shown = _form_bytes(form, name)
    wb = load_form(data, name or (Path(form).name if not isinstance(form, bytes | bytearray) else ""))
    merged, formulas, dims = {}, {}, {}
    protected, warnings = [], []
    for ws in wb.worksheets:
        merged[ws.title] = tuple(str(r) for r in ws.merged_cells.ranges)
        formulas[ws.title] = tuple(c.coordinate for row in ws.iter_rows() for c in row if _is_formula(c))
        dims[ws.title] = ws.dimensions
        if ws.protection.sheet:
            protected.append(ws.title)
        if ws.sheet_state != "visible":
            warnings.append(f"シート「{ws.title}」は非表示です。")
    kinds = _drawing_parts(data)
    if kinds:
        warnings.append(f"この様式の{'・'.join(kinds)}は、記入した写しには残りません（文字・罫線・色・結合・数式は残ります）。")
    return FormInfo(tuple(wb.sheetnames), merged, formulas, tuple(protected), dims, tuple(warnings))


# -- guessing a mapping ------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Labels compared without width, spaces, brackets' shape or punctuation: 「加入世帯数：」 ≈ 「加入 世帯数」."""
    t = unicodedata.normalize("NFKC", str(text))
    for ch in " 　\t\n\r:：・･()（）「」[]【】*※.,、。":
        t = t.replace(ch, "")
    return t


#: extra words a city form may use for a field (the field's own label is always tried first)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "association_name": ("町会名", "町内会名", "自治会名", "団体名", "町会・町内会名"),
    "district": ("校下名", "地区名", "校下", "地区", "連合会名"),
    "fiscal_year": ("年度",),
    "as_of": ("基準日", "現在日", "調査日", "時点"),
    "president_name": ("会長氏名", "町会長氏名", "代表者氏名", "会長名", "町会長名", "代表者名", "会長", "町会長", "代表者"),
    "president_kana": ("会長フリガナ", "フリガナ", "ふりがな"),
    "president_address": ("会長住所", "代表者住所", "住所"),
    "president_phone": ("会長電話", "代表者電話", "電話番号", "電話", "連絡先"),
    "area_households": ("区域内世帯数", "区域内の世帯数", "区域内世帯", "地区内世帯数", "総世帯数"),
    "member_households": ("加入世帯数", "加入世帯", "会員世帯数", "加入戸数"),
    "non_member_households": ("非加入世帯数", "未加入世帯数", "非加入世帯", "未加入世帯"),
    "persons": ("会員数", "人口", "人数", "会員数人"),
    "blocks": ("班数", "組数", "班組数", "班の数"),
    "aged_65": ("65歳以上", "65歳以上人"),
    "aged_75": ("75歳以上", "75歳以上人"),
    "needs_help": ("要支援者", "要支援者数", "避難行動要支援者"),
    "events": ("行事の数", "行事数", "事業数"),
    "participants": ("参加者数延べ", "延べ参加者数", "参加延べ人数"),
    "income_total": ("収入合計", "収入の部合計", "収入計"),
    "expense_total": ("支出合計", "支出の部合計", "支出計"),
    "carry_over": ("次年度繰越金", "次年度繰越", "繰越金", "差引残高"),
    "open_issues": ("地域課題", "課題数"),
}
#: extra header words for table columns
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "block": ("班名", "班", "組"), "member_households": ("加入世帯", "加入世帯数", "加入"),
    "non_member_households": ("非加入世帯", "未加入世帯", "非加入", "未加入"), "persons": ("人数", "会員数", "人口"),
    "aged_65": ("65歳以上",), "aged_75": ("75歳以上",), "needs_help": ("要支援者", "要支援者数"),
    "month": ("月",), "name": ("事業名", "行事名", "事業", "行事"), "content": ("内容", "事業内容"),
    "date": ("実施日", "日付", "期日"), "place": ("場所", "会場"), "participants": ("参加者数", "参加人数", "参加者"),
    "organiser": ("担当", "主催", "担当者"), "section": ("区分", "収支"), "subject": ("科目", "費目", "項目"),
    "budget": ("予算額", "予算"), "actual": ("決算額", "決算"), "difference": ("差額", "増減", "差引"),
    "note": ("備考", "摘要"), "title": ("課題", "地域課題", "課題名"), "stage": ("段階", "状況", "進み具合"),
    "next_action": ("次にすること", "今後の予定", "今後の取組"), "partners": ("協力団体", "連携先", "関係団体"),
}


@dataclass(frozen=True)
class Guess:
    """A proposed mapping and how each field was found (for the dialog to show and correct)."""

    mapping: FormMapping
    found: dict[str, str]  # field or "table.column" → the label cell it was found beside ("概要!B4")
    not_found: tuple[str, ...]  # field keys without a proposal (the officer clicks their cells)


def _label_cells(ws: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.strip() and not _is_formula(c):
                out.setdefault(_fold(c.value), []).append(c)
    return out


def _top_left(ws: Any, coordinate: str) -> str:
    for r in ws.merged_cells.ranges:
        if coordinate in r:
            return f"{column_letters(r.min_col)}{r.min_row}"
    return coordinate


def _merged_range(ws: Any, row: int, col: int) -> Any:
    for r in ws.merged_cells.ranges:
        if r.min_row <= row <= r.max_row and r.min_col <= col <= r.max_col:
            return r
    return None


def _empty_beside(ws: Any, cell: Any) -> str | None:
    """The first empty, formula-free cell right of a label (skipping the label's own merged
    range), else the one below it."""
    here = _merged_range(ws, cell.row, cell.column)
    right_from = (here.max_col if here else cell.column) + 1
    below_from = (here.max_row if here else cell.row) + 1
    for col in range(right_from, right_from + 4):
        target = ws.cell(row=cell.row, column=col)
        rng = _merged_range(ws, cell.row, col)
        if rng is not None and (rng.min_row, rng.min_col) != (cell.row, col):
            continue
        if target.value is None:
            return target.coordinate
        if _is_formula(target):
            return None  # the form computes this value itself
        break  # a label or a unit (「世帯」) next to it: try below
    target = ws.cell(row=below_from, column=cell.column)
    if target.value is None:
        return target.coordinate
    return None


def guess_mapping(form: Path | str | bytes, name: str = "", *, mapping_name: str = "") -> Guess:
    """Propose a cell for every field by its label, and each table by its header row."""
    wb = load_form(form, name)
    fields: dict[str, str] = {}
    found: dict[str, str] = {}
    used: set[str] = set()
    sheets = [(ws, _label_cells(ws)) for ws in wb.worksheets if ws.sheet_state == "visible"]
    # the most specific words first, so that 「会長」 does not take the cell of 「会長 電話」
    tries = sorted(((key, _fold(word)) for f in FIELDS for key in [f.key]
                    for word in (f.label, *SYNONYMS.get(f.key, ()))), key=lambda kw: -len(kw[1]))
    for key, word in tries:
        if key in fields or not word:
            continue
        for ws, labels in sheets:
            for label in labels.get(word, []):
                target = _empty_beside(ws, label)
                ref = join_cell(ws.title, *_split_coordinate(target)) if target else None
                if ref and ref not in used:
                    fields[key] = ref
                    found[key] = join_cell(ws.title, *_split_coordinate(label.coordinate))
                    used.add(ref)
                    break
            if key in fields:
                break
    tables: dict[str, TablePlace] = {}
    for table, (_label, columns) in TABLES.items():
        best: tuple[int, Any, int, dict[str, str]] | None = None
        for ws, labels in sheets:
            by_row: dict[int, dict[str, str]] = {}
            for col_key, col_label in columns:
                for word in (col_label, *COLUMN_SYNONYMS.get(col_key, ())):
                    hits = labels.get(_fold(word), [])
                    for c in hits:
                        row = by_row.setdefault(c.row, {})
                        row.setdefault(col_key, c.column_letter)
                    if hits:
                        break
            for row, cols in by_row.items():
                if len(set(cols.values())) != len(cols):  # two columns on one cell: keep the first
                    seen: set[str] = set()
                    cols = {k: v for k, v in cols.items() if not (v in seen or seen.add(v))}
                if len(cols) >= 2 and (best is None or len(cols) > len(best[3])):
                    best = (len(cols), ws, row, cols)
        if best is not None:
            _n, ws, row, cols = best
            first = row + 1
            while first <= row + 3 and _merged_range(ws, first, column_index(next(iter(cols.values())))) is not None \
                    and _merged_range(ws, first, column_index(next(iter(cols.values())))).min_row <= row:
                first += 1  # a two-row header
            rows = _free_rows(ws, first, [column_index(v) for v in cols.values()])
            tables[table] = TablePlace(ws.title, first, cols, max(rows, 1))
            for col_key, letter in cols.items():
                found[f"{table}.{col_key}"] = join_cell(ws.title, letter, row)
    # a label that is a table's column header (「加入世帯数」 over the 班 rows) is not the total's
    # label: a cell guessed from it would lie in the table — leave that field for the officer
    for key in list(fields):
        sheet, letters, row = split_cell(fields[key])
        label_sheet, _l, label_row = split_cell(found[key])
        for t in tables.values():
            header_row = t.first_row - 1
            in_rows = t.first_row <= row < t.first_row + t.max_rows and column_index(letters) in {
                column_index(x) for x in t.columns.values()}
            if sheet == t.sheet and (in_rows or (label_sheet == t.sheet and label_row == header_row)):
                del fields[key], found[key]
                break
    mapping = FormMapping(name=mapping_name or (Path(name).stem if name else "") or "市の様式", fields=fields,
                          tables=tables, sheets=tuple(wb.sheetnames))
    return Guess(mapping, found, tuple(f.key for f in FIELDS if f.key not in fields))


def _split_coordinate(coordinate: str) -> tuple[str, int]:
    letters = "".join(ch for ch in coordinate if ch.isalpha())
    return letters, int(coordinate[len(letters):])


def _free_rows(ws: Any, first: int, columns: list[int]) -> int:
    """How many lines a table of the form has from ``first``: until a row whose first column holds
    text that is not part of the table (a 合計 row, a note), a formula, or the used range's end
    (a bordered, empty form: the lines drawn)."""
    last = max(ws.max_row, first)
    n = 0
    for row in range(first, last + 1):
        c = ws.cell(row=row, column=columns[0])
        if c.value is not None or any(_is_formula(ws.cell(row=row, column=k)) for k in columns):
            break
        n += 1
    return n if n else 500


# -- checking a mapping against a form ---------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`check_mapping`: ``error`` stops the mapping being used, ``note`` is
    something adjusted or worth knowing."""

    severity: str  # error / note
    where: str  # "概要!C4", "表「事業報告」" …
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def _cell_problems(ws: Any, ref: str, what: str) -> tuple[str, list[Problem]]:
    """(the cell to write, problems) for one mapped cell."""
    sheet, letters, row = split_cell(ref)
    coordinate = f"{letters}{row}"
    problems: list[Problem] = []
    top = _top_left(ws, coordinate)
    if top != coordinate:
        problems.append(Problem("note", ref, f"{what}のセルは結合されたセルの一部のため、結合の左上 {top} に書き込みます。"))
    c = ws[top]
    if _is_formula(c):
        problems.append(Problem("error", join_cell(sheet, *_split_coordinate(top)),
                                f"{what}のセルには数式（{str(c.value)[:40]}）があります。書き込むと数式が消えるため、"
                                "この様式では別のセルを選んでください（数式が計算する項目は対応づけなくてかまいません）。"))
    elif ws.protection.sheet and c.protection.locked:
        problems.append(Problem("note", join_cell(sheet, *_split_coordinate(top)),
                                f"{what}のセルは保護されたシートの、入力できないセルです（値は書き込み、保護はそのまま残します）。"))
    return join_cell(sheet, *_split_coordinate(top)), problems


def fix_mapping(form: Path | str | bytes, mapping: FormMapping, name: str = "") -> tuple[FormMapping, list[Problem]]:
    """The mapping with merged cells moved to their top-left, and every problem found."""
    return fix_mapping_in(load_form(form, name), mapping)


def fix_mapping_in(wb: Any, mapping: FormMapping) -> tuple[FormMapping, list[Problem]]:
    """:func:`fix_mapping` on a workbook already loaded (the writer fills the same one)."""
    problems: list[Problem] = []
    fields: dict[str, str] = {}
    for key, ref in mapping.fields.items():
        sheet, _letters, _row = split_cell(ref)
        what = f"「{FIELD_BY_KEY[key].label}」"
        if sheet not in wb.sheetnames:
            problems.append(Problem("error", ref, f"{what}のシート「{sheet}」が様式にありません（{'・'.join(wb.sheetnames)}）。"))
            continue
        fields[key], found = _cell_problems(wb[sheet], ref, what)
        problems += found
    for ref_key in [k for k in fields if list(fields.values()).count(fields[k]) > 1]:
        problems.append(Problem("error", fields[ref_key], f"「{FIELD_BY_KEY[ref_key].label}」と別の項目が同じセルです。"))
    tables: dict[str, TablePlace] = {}
    for key, place in mapping.tables.items():
        label = TABLES[key][0]
        where = f"表「{label}」"
        if place.sheet not in wb.sheetnames:
            problems.append(Problem("error", where, f"シート「{place.sheet}」が様式にありません（{'・'.join(wb.sheetnames)}）。"))
            continue
        ws = wb[place.sheet]
        names = dict(TABLES[key][1])
        bad = False
        for col_key, letter in place.columns.items():
            col = column_index(letter)
            for row in range(place.first_row, place.first_row + place.max_rows):
                c = ws.cell(row=row, column=col) if row <= ws.max_row else None
                if c is None:
                    break
                rng = _merged_range(ws, row, col)
                if rng is not None and (rng.min_row, rng.min_col) != (row, col):
                    problems.append(Problem("error", join_cell(place.sheet, letter, row),
                                            f"{where}の列「{names[col_key]}」（{letter}列）の{row}行目は結合されたセルの一部です。"
                                            f"結合の左上（{column_letters(rng.min_col)}列）を指定するか、表の行数を減らしてください。"))
                    bad = True
                    break
                if _is_formula(c):
                    problems.append(Problem("error", join_cell(place.sheet, letter, row),
                                            f"{where}の列「{names[col_key]}」の{row}行目に数式があります。表の行はここより前で終わるよう、"
                                            f"行数を{row - place.first_row}行にしてください。"))
                    bad = True
                    break
        if not bad:
            tables[key] = place
    # a field inside a table's rows would be overwritten by the table (and read back as a 班's
    # number), and two tables must not share cells
    areas = {key: (t.sheet, t.first_row, t.first_row + t.max_rows - 1, {column_index(x) for x in t.columns.values()})
             for key, t in tables.items()}
    for key, ref in fields.items():
        sheet, letters, row = split_cell(ref)
        for tkey, (tsheet, top, bottom, cols) in areas.items():
            if sheet == tsheet and top <= row <= bottom and column_index(letters) in cols:
                problems.append(Problem("error", ref, f"「{FIELD_BY_KEY[key].label}」のセル（{ref}）が表「{TABLES[tkey][0]}」の"
                                        f"行（{top}〜{bottom}行目）の中にあります。合計の欄など、表の外のセルを指定してください。"))
    keys = list(areas)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            (sa, ta, ba, ca), (sb_, tb, bb, cb) = areas[a], areas[b]
            if sa == sb_ and ta <= bb and tb <= ba and ca & cb:
                problems.append(Problem("error", f"表「{TABLES[a][0]}」", f"表「{TABLES[a][0]}」と表「{TABLES[b][0]}」が"
                                        "同じセルを使っています。どちらかの開始行か行数を変えてください。"))
    if not fields and not tables:
        problems.append(Problem("error", "", "どの項目もセルに対応づけられていません。"))
    fixed = replace(mapping, fields=fields, tables=tables, sheets=mapping.sheets or tuple(
        dict.fromkeys([split_cell(r)[0] for r in fields.values()] + [t.sheet for t in tables.values()])))
    return fixed, problems


def check_mapping(form: Path | str | bytes, mapping: FormMapping, name: str = "") -> list[Problem]:
    """What is wrong with (``error``) or adjusted in (``note``) ``mapping`` on this form. A cell
    beyond the form's used range is fine (the value is simply written there)."""
    return fix_mapping(form, mapping, name)[1]


def errors_of(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


# -- mappings as files ---------------------------------------------------------------------------------


def export_mapping(mapping: FormMapping, target: Path | str) -> Path:
    """The mapping as a JSON file (UTF-8), to give the 校下 with the form."""
    import os

    target = Path(target)
    if not target.parent.is_dir():
        raise RegisterError(f"対応表を保存できませんでした（保存先のフォルダーがありません）: {target}")
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_text(mapping.to_json() + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"対応表を保存できませんでした（{exc.strerror or exc}）: {target}") from None
    return target


def import_mapping(source: Path | str) -> FormMapping:
    """Read a mapping file; a broken one is refused with what is wrong."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RegisterError(f"対応表のファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise RegisterError(f"対応表のファイルを読めません: {path}（{exc.strerror or exc}）") from None
    if len(data) > 1_000_000:
        raise RegisterError(f"対応表のファイルが大きすぎます: {path.name}")
    try:
        return mapping_from_json(data)
    except ValidationError as exc:
        raise ValidationError(path.name, exc.message, field=exc.field) from None


# -- saved in the register ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedForm:
    id: int
    name: str
    mapping: FormMapping
    form_filename: str
    notes: str
    created_at: str
    updated_at: str
    updated_by: str
    retired_on: str | None
    has_form: bool = field(default=False)


_COLUMNS = "id, name, mapping, form_filename, notes, created_at, updated_at, updated_by, retired_on, form_blob IS NOT NULL"


def _saved(row: tuple) -> SavedForm:
    return SavedForm(row[0], row[1], mapping_from_json(row[2]), row[3], row[4], row[5], row[6], row[7], row[8],
                     bool(row[9]))


def list_forms(reg: Register, *, include_retired: bool = False) -> list[SavedForm]:
    reg.session.require(READ)
    where = "" if include_retired else "WHERE retired_on IS NULL"
    return [_saved(r) for r in reg.conn.execute(f"SELECT {_COLUMNS} FROM report_forms {where} ORDER BY name")]


def get_form(reg: Register, form: int | str) -> SavedForm:
    """A saved form by id or name (retired ones too, so that an old report can be made again)."""
    reg.session.require(READ)
    column = "id" if isinstance(form, int) and not isinstance(form, bool) else "name"
    row = reg.conn.execute(f"SELECT {_COLUMNS} FROM report_forms WHERE {column} = ?", [form]).fetchone()
    if row is None:
        known = "、".join(f.name for f in list_forms(reg))
        raise RegisterError(f"「{form}」という様式は登録されていません。" + (f"登録済み: {known}" if known else ""))
    return _saved(row)


def form_file(reg: Register, form: int | str) -> bytes | None:
    """The empty form kept with a saved mapping (None when the mapping was saved without one)."""
    saved = get_form(reg, form)
    row = reg.conn.execute("SELECT form_blob FROM report_forms WHERE id = ?", [saved.id]).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def save_form(reg: Register, name: str, mapping: FormMapping, *, form: Path | str | bytes | None = None,
              form_filename: str = "", notes: str = "") -> tuple[int, list[Problem]]:
    """Keep a form and its mapping under ``name`` (a new one, or replacing the one of that name).
    The mapping is checked against the form first: any error refuses the whole save; merged cells
    are moved to their top-left (returned as notes). Needs ``books.write``."""
    reg.session.require(WRITE, "年次報告の様式を登録する")
    name = clean_text(name, field="様式の名前", max_len=60, required=True, column="name")
    notes = clean_text(notes, field="メモ", max_len=500, multiline=True, column="notes")
    blob: bytes | None = None
    problems: list[Problem] = []
    if form is not None:
        blob, shown = _form_bytes(form, form_filename)
        form_filename = form_filename or shown
        mapping, problems = fix_mapping(blob, mapping, form_filename)
        errors = errors_of(problems)
        if errors:
            raise ValidationError("様式の対応", "この対応では様式に書き込めません: " + " / ".join(str(p) for p in errors),
                                  field="mapping")
    elif not mapping.fields and not mapping.tables:
        raise ValidationError("様式の対応", "どの項目もセルに対応づけられていません。", field="mapping")
    mapping = replace(mapping, name=name)
    text = mapping.to_json()
    existing = reg.conn.execute("SELECT id, mapping, form_filename, retired_on FROM report_forms WHERE name = ?",
                                [name]).fetchone()
    now = reg.now()
    with reg.writing("年次報告の様式の登録"):
        if existing is None:
            fid = int(reg.conn.execute(
                "INSERT INTO report_forms (name, mapping, form_filename, form_blob, notes, created_at, updated_at, "
                "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [name, text, form_filename, blob, notes, now, now, reg.actor]).lastrowid)
            reg._audit_row("insert", "report_forms", fid, f"年次報告の様式「{name}」を登録しました"
                           + (f"（{form_filename}）" if form_filename else ""),
                           after={"name": name, "form_filename": form_filename, "fields": len(mapping.fields),
                                  "tables": sorted(mapping.tables)})
        else:
            fid = int(existing[0])
            reg.conn.execute(
                "UPDATE report_forms SET mapping = ?, form_filename = coalesce(?, form_filename), "
                "form_blob = coalesce(?, form_blob), notes = ?, updated_at = ?, updated_by = ?, retired_on = NULL "
                "WHERE id = ?", [text, form_filename or None, blob, notes, now, reg.actor, fid])
            before = json.loads(existing[1])
            reg._audit_row("update", "report_forms", fid, f"年次報告の様式「{name}」を登録し直しました",
                           before={"fields": before.get("fields"), "form_filename": existing[2],
                                   "retired_on": existing[3]},
                           after={"fields": mapping.fields, "form_filename": form_filename or existing[2],
                                  "retired_on": None})
    return fid, problems


def retire_form(reg: Register, form: int | str) -> None:
    """No longer offered; kept (with its form) so that a past report can be made again."""
    reg.session.require(WRITE, "年次報告の様式を使わなくする")
    saved = get_form(reg, form)
    if saved.retired_on:
        return
    today = reg.today().isoformat()
    with reg.writing("年次報告の様式を使わなくする"):
        reg.conn.execute("UPDATE report_forms SET retired_on = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                         [today, reg.now(), reg.actor, saved.id])
        reg._audit_row("update", "report_forms", saved.id, f"年次報告の様式「{saved.name}」を使わなくしました",
                       before={"retired_on": None}, after={"retired_on": today})


__all__ = ["FormError", "FormInfo", "Guess", "Problem", "SavedForm", "check_mapping", "errors_of", "export_mapping",
           "fix_mapping", "fix_mapping_in", "form_file", "get_form", "guess_mapping", "import_mapping", "inspect_form", "list_forms",
           "load_form", "retire_form", "save_form"]
