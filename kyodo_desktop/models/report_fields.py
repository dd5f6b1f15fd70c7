"""The fields of the yearly report (年次報告) and how a workbook's layout maps them to cells.

The report's *content* is fixed here: every field has a key, a Japanese label and a type. Its
*layout* is data: a :class:`FormMapping` says in which cell of which sheet each field is found
(``"概要!C4"``) and where the tables start. The built-in default template ships its mapping as
``resources/report_forms/default.json``; an officer maps the city's own Excel form once in the
program and the mapping is saved in the register (``report_forms``). The same mappings are read by
``kyodo consolidate`` on the 校下 / city side, so a workbook filled through a mapping can be read
back through it.

No Qt here (DESIGN.md: models never import Qt).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .validation import ValidationError

#: field types: text, int (a count or yen), date (ISO in the register, a date cell in Excel), year
#: (the fiscal year as a western number, e.g. 2025 for 令和7年度)
FIELD_TYPES = ("text", "int", "date", "year")


@dataclass(frozen=True)
class ReportField:
    key: str
    label: str
    type: str = "int"
    required: bool = True
    help: str = ""


#: every scalar field of the yearly report, in the order the mapping dialog shows them
FIELDS: tuple[ReportField, ...] = (
    ReportField("association_name", "町会名", "text"),
    ReportField("district", "校下（地区）名", "text"),
    ReportField("fiscal_year", "年度", "year", help="西暦の年度開始年（令和7年度なら 2025）"),
    ReportField("as_of", "基準日", "date", help="世帯数・人数を数えた日"),
    ReportField("president_name", "会長 氏名", "text"),
    ReportField("president_kana", "会長 フリガナ", "text", required=False),
    ReportField("president_address", "会長 住所", "text", required=False),
    ReportField("president_phone", "会長 電話", "text", required=False),
    ReportField("area_households", "区域内世帯数（推計）", required=False),
    ReportField("member_households", "加入世帯数"),
    ReportField("non_member_households", "非加入世帯数", required=False),
    ReportField("persons", "会員数（人）"),
    ReportField("blocks", "班数"),
    ReportField("aged_65", "65歳以上（人）", required=False),
    ReportField("aged_75", "75歳以上（人）", required=False),
    ReportField("needs_help", "要支援者（人）", required=False),
    ReportField("events", "行事の数", required=False),
    ReportField("participants", "行事への参加（延べ人数）", required=False),
    ReportField("income_total", "収入合計（円）"),
    ReportField("expense_total", "支出合計（円）"),
    ReportField("carry_over", "次年度繰越金（円）"),
    ReportField("open_issues", "地域課題（取り組み中）", required=False),
)

FIELD_BY_KEY: dict[str, ReportField] = {f.key: f for f in FIELDS}

#: the tables of the report: their key, label and columns (key, label); a mapping places a table by
#: its sheet, first data row and a column letter per column it has (a city form may leave some out)
TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "blocks": ("班別世帯数", (
        ("block", "班"), ("member_households", "加入世帯"), ("non_member_households", "非加入世帯"),
        ("persons", "人数"), ("aged_65", "65歳以上"), ("aged_75", "75歳以上"), ("needs_help", "要支援者"),
    )),
    "events": ("事業報告", (
        ("month", "月"), ("name", "事業名"), ("content", "内容"), ("date", "実施日"), ("place", "場所"),
        ("participants", "参加者数"), ("organiser", "担当"),
    )),
    "settlement": ("収支決算", (
        ("section", "区分"), ("subject", "科目"), ("budget", "予算額"), ("actual", "決算額"),
        ("difference", "差額"), ("note", "備考"),
    )),
    "issues": ("地域課題", (
        ("title", "課題"), ("stage", "段階"), ("next_action", "次にすること"), ("partners", "協力団体"),
    )),
}

_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$")


def split_cell(ref: str) -> tuple[str, str, int]:
    """``"概要!C4"`` → (``"概要"``, ``"C"``, 4). Sheet names may be quoted (``'収支 決算'!B2``)."""
    if "!" not in ref:
        raise ValidationError("", f"セルの指定「{ref}」にシート名がありません（例: 概要!C4）", field="cell")
    sheet, _, cell = ref.rpartition("!")
    sheet = sheet.strip()
    if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
        sheet = sheet[1:-1].replace("''", "'")
    m = _CELL.match(cell.strip().upper())
    if not sheet or not m:
        raise ValidationError("", f"セルの指定「{ref}」が読めません（例: 概要!C4）", field="cell")
    return sheet, m.group(1), int(m.group(2))


def column_index(letters: str) -> int:
    """``"A"`` → 1, ``"AA"`` → 27."""
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValidationError("", f"列の指定「{letters}」が読めません（A〜XFD）", field="column")
        n = n * 26 + ord(ch) - 64
    if not 1 <= n <= 16384:
        raise ValidationError("", f"列の指定「{letters}」が読めません（A〜XFD）", field="column")
    return n


@dataclass(frozen=True)
class TablePlace:
    sheet: str
    first_row: int
    columns: dict[str, str]  # column key → letter
    max_rows: int = 500  # a city form has a fixed number of lines; more is an error, not an overflow


@dataclass(frozen=True)
class FormMapping:
    """Where each field sits in one layout of the report workbook."""

    name: str
    fields: dict[str, str]  # field key → "シート!C4"
    tables: dict[str, TablePlace] = field(default_factory=dict)
    #: sheet names that identify a workbook of this layout (all must be present)
    sheets: tuple[str, ...] = ()
    version: int = 1

    def to_json(self) -> str:
        return json.dumps({
            "name": self.name, "version": self.version, "sheets": list(self.sheets),
            "fields": self.fields,
            "tables": {k: {"sheet": t.sheet, "first_row": t.first_row, "columns": t.columns,
                           "max_rows": t.max_rows} for k, t in self.tables.items()},
        }, ensure_ascii=False, indent=1)

    def matches(self, sheet_names: list[str] | tuple[str, ...]) -> bool:
        return bool(self.sheets) and set(self.sheets) <= set(sheet_names)


def mapping_from_json(text: str | bytes) -> FormMapping:
    """Read and check a mapping; a broken one is refused with what is wrong."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError("", f"様式の対応表が読めません（JSON ではありません: {exc}）") from exc
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise ValidationError("", "様式の対応表に fields（項目とセルの対応）がありません")
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValidationError("", "様式の対応表に名前（name）がありません")
    fields: dict[str, str] = {}
    for key, ref in data["fields"].items():
        if key not in FIELD_BY_KEY:
            raise ValidationError("", f"様式の対応表の項目「{key}」は年次報告にありません", field=str(key))
        if not isinstance(ref, str):
            raise ValidationError("", f"項目「{FIELD_BY_KEY[key].label}」のセルの指定が文字列ではありません", field=key)
        split_cell(ref)
        fields[key] = ref
    tables: dict[str, TablePlace] = {}
    for key, t in (data.get("tables") or {}).items():
        if key not in TABLES:
            raise ValidationError("", f"様式の対応表の表「{key}」は年次報告にありません", field=str(key))
        try:
            sheet = str(t["sheet"])
            first_row = int(t["first_row"])
            columns = {str(c): str(letter).upper() for c, letter in dict(t["columns"]).items()}
            max_rows = int(t.get("max_rows", 500))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError("", f"表「{TABLES[key][0]}」の指定が足りません（sheet, first_row, columns）") from exc
        known = {c for c, _ in TABLES[key][1]}
        for c, letter in columns.items():
            if c not in known:
                raise ValidationError("", f"表「{TABLES[key][0]}」に列「{c}」はありません", field=c)
            column_index(letter)
        if not 1 <= first_row <= 1_048_576 or not 1 <= max_rows <= 100_000:
            raise ValidationError("", f"表「{TABLES[key][0]}」の開始行・行数が範囲外です")
        tables[key] = TablePlace(sheet, first_row, columns, max_rows)
    return FormMapping(name=name, fields=fields, tables=tables,
                       sheets=tuple(str(s) for s in data.get("sheets") or ()),
                       version=int(data.get("version") or 1))


def default_mapping() -> FormMapping:
    """The mapping of the built-in default template (``resources/report_forms/default.json``)."""
    text = resources.files("kyodo_desktop.resources").joinpath("report_forms/default.json").read_text("utf-8")
    return mapping_from_json(text)


def coerce(key: str, value: Any) -> Any:
    """A value read from a cell, as the field's type; ``None`` when empty. Raises ValidationError."""
    f = FIELD_BY_KEY[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if f.type == "text":
        return str(value).strip()
    if f.type in ("int", "year"):
        if isinstance(value, bool):
            raise ValidationError("", f"「{f.label}」が数ではありません: {value}", field=key)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        text = str(value).strip().replace(",", "").replace("，", "").removesuffix("円").removesuffix("人")
        text = text.removesuffix("世帯").removesuffix("年度")
        try:
            return int(text)
        except ValueError:
            raise ValidationError("", f"「{f.label}」が数ではありません: {value}", field=key) from None
    # date
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from .japanese import WarekiError, parse_date

    try:
        return parse_date(str(value).strip())
    except (WarekiError, ValueError) as exc:
        raise ValidationError("", f"「{f.label}」が日付ではありません: {value}", field=key) from exc


@dataclass
class ReportData:
    """One association's yearly report as plain data: what is written into a workbook through a
    mapping and what is read back from one. ``values`` holds the scalar fields by key (``int`` for
    counts and yen, ``int`` for the fiscal year, ``datetime.date`` for dates, ``str`` for text;
    ``None`` when unknown); ``tables`` holds each table's rows as dicts keyed by the column keys
    of :data:`TABLES`."""

    values: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: remarks for the officer and the reader (「この年度の行事の記録がありません」 …): shown in the PDF
    #: and the default workbook, never in a mapped cell
    notes: list[str] = field(default_factory=list)

    def missing(self) -> list[ReportField]:
        """Required fields without a value."""
        return [f for f in FIELDS if f.required and self.values.get(f.key) is None]


# -- helpers added for the yearly report's writer and the mapping dialog --------------------------------


def column_letters(index: int) -> str:
    """1 → ``"A"``, 27 → ``"AA"`` (the inverse of :func:`column_index`)."""
    if not 1 <= index <= 16384:
        raise ValidationError("", f"列の番号が範囲外です（{index}）", field="column")
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def join_cell(sheet: str, letters: str, row: int) -> str:
    """(``"収支 決算"``, ``"B"``, 2) → ``"'収支 決算'!B2"``: the form :func:`split_cell` reads back."""
    plain = re.fullmatch(r"[^\s'!:\[\]*?/\\,()-]+", sheet) is not None
    quoted = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{letters.upper()}{row}"


#: the 役員 list of the report (not a mapped table: city forms have no common place for it; the
#: default workbook and the PDF show it on the 概要 page)
OFFICER_COLUMNS: tuple[tuple[str, str], ...] = (("role", "役職"), ("name", "氏名"), ("kana", "フリガナ"),
                                                 ("phone", "電話"))
