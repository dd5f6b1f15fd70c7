"""The 校下 / city side: read many associations' yearly report workbooks, check them, add them up.

Each file is read with python-calamine (only the sheets the layout needs), its layout recognised by
its sheet names (:meth:`FormMapping.matches`: the default template or a city's mapped form), every
value coerced to the field's type and checked: required fields, the fiscal year asked for, the
accounts (収入合計 − 支出合計 = 次年度繰越金), the 班 table against the totals, counts that cannot be
negative. A problem is an **error** (the file's numbers are not added to any total: a wrong number
in a city's summary is worse than a missing one, and the list of problems says what to ask the
association for) or a **warning** (worth a look, the numbers are still added). Two files of the same
町会 and 校下, or two byte-identical files, are errors on each: which one is right is for a person to
decide, never for the order of the files.

Nothing is dropped silently: every file found in the folders given is in
:attr:`Consolidation.files` exactly once — read, unreadable (with the reason in Japanese) or
skipped on purpose (Office lock files ``~$*.xlsx``, hidden files and folders, the output itself).

Reading is spread over the cores with a process pool (files in chunks, so the pool's overhead is
paid per chunk, not per file); a handful of files are read in this process. The pool is started
with ``spawn`` everywhere: the program's window may have threads, which ``fork`` does not survive,
and Windows has nothing else. The result's order is the order of the inputs (a folder's files
sorted by path), whatever the order in which the workers finish.

No Qt here (DESIGN.md: models never import Qt); nothing is written to any register.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import RegisterError
from .report_fields import (
    FIELD_BY_KEY,
    FIELDS,
    TABLES,
    FormMapping,
    ReportData,
    coerce,
    column_index,
    default_mapping,
    split_cell,
)
from .validation import ValidationError

ERROR = "エラー"
WARNING = "注意"

#: how a file ended up: read (its numbers may still have errors), unreadable, skipped on purpose
READ, UNREADABLE, SKIPPED = "read", "unreadable", "skipped"

#: file kinds python-calamine is asked to open; anything else is listed as not a workbook
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: the counts and sums of a report that are added up per 校下 (in the summary's order)
SUM_KEYS = ("area_households", "member_households", "persons", "blocks", "aged_65", "aged_75", "needs_help",
            "events", "participants", "income_total", "expense_total", "carry_over")
#: a report workbook is small; a zip that says it expands past this is refused before it is opened
MAX_EXPANDED = 200 * 2**20
#: fewer files than this are read in this process (starting workers costs more than it saves)
MIN_PARALLEL = 48

#: ``progress(done, total)`` after each chunk of files; returning False cancels
Progress = Callable[[int, int], "bool | None"] | None


class ConsolidationCancelled(RegisterError):
    """The officer cancelled; nothing was written."""


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    place: str  # "概要!C16", or "" for the file as a whole
    message: str

    def text(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


@dataclass
class FileResult:
    """One input file and what became of it."""

    path: Path
    name: str  # as shown to the officer: the file name, or its path below the folder given
    status: str = READ  # READ, UNREADABLE or SKIPPED
    reason: str = ""  # why it was unreadable or skipped
    form: str = ""  # the name of the layout it was read with
    data: ReportData | None = None
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # sha256 of the bytes, to find copies
    size: int = 0

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    @property
    def accepted(self) -> bool:
        """Read without errors: its numbers go into the totals."""
        return self.status == READ and not self.has_errors

    def value(self, key: str) -> Any:
        return self.data.values.get(key) if self.data is not None else None

    def error(self, place: str, message: str) -> None:
        self.problems.append(Problem(ERROR, place, message))

    def warn(self, place: str, message: str) -> None:
        self.problems.append(Problem(WARNING, place, message))


@dataclass
class DistrictTotal:
    district: str
    associations: int = 0  # files added (error-free)
    left_out: int = 0  # files of this 校下 with errors, not added
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SUM_KEYS, 0))
    #: member households and area households of the files that report both (the 加入率 is taken
    #: over those only: an association without its area count must not raise the rate)
    rate_members: int = 0
    rate_area: int = 0
    rate_files: int = 0

    def add(self, f: FileResult) -> None:
        self.associations += 1
        for k in SUM_KEYS:
            self.sums[k] += f.value(k) or 0
        members, area = f.value("member_households"), f.value("area_households")
        if members is not None and area:
            self.rate_members += members
            self.rate_area += area
            self.rate_files += 1

    @property
    def member_rate(self) -> float | None:
        return self.rate_members / self.rate_area if self.rate_area else None


@dataclass
class Consolidation:
    files: list[FileResult]
    fiscal_year: int | None = None
    workers: int = 1
    seconds: float = 0.0

    def with_status(self, status: str) -> list[FileResult]:
        return [f for f in self.files if f.status == status]

    @property
    def accepted(self) -> list[FileResult]:
        return [f for f in self.files if f.accepted]

    @property
    def with_errors(self) -> list[FileResult]:
        return [f for f in self.files if f.status == READ and f.has_errors]

    def district_totals(self) -> list[DistrictTotal]:
        """Totals per 校下 (sorted by name) of the error-free files; each says how many of its files
        were left out for errors. A file whose 校下 could not be read counts in no 校下."""
        out: dict[str, DistrictTotal] = {}
        for f in self.files:
            if f.status != READ:
                continue
            district = f.value("district")
            if not district:
                continue
            t = out.setdefault(name_key(district), DistrictTotal(str(district)))
            if f.has_errors:
                t.left_out += 1
                continue
            t.add(f)
        return [out[k] for k in sorted(out)]

    def mixed_years(self) -> str:
        """When no year was asked for and the added reports are of several 年度: a warning naming
        them (their numbers should not be summed), else ""."""
        if self.fiscal_year is not None:
            return ""
        years: dict[int, int] = {}
        for f in self.accepted:
            y = f.value("fiscal_year")
            if isinstance(y, int):
                years[y] = years.get(y, 0) + 1
        if len(years) < 2:
            return ""
        from kyodo_desktop.models.japanese import fiscal_year_label

        listed = "・".join(f"{fiscal_year_label(y)} {n:,}件" for y, n in sorted(years.items()))
        return f"年度の違う報告が混ざっています（{listed}）。年度を指定して集計し直してください。"

    def grand_total(self) -> DistrictTotal:
        """All error-free files; ``left_out`` counts every file not added (errors or unreadable)."""
        total = DistrictTotal("合計")
        for f in self.files:
            if f.accepted:
                total.add(f)
            elif f.status != SKIPPED:
                total.left_out += 1
        return total


def name_key(text: Any) -> str:
    """Names compared as people mean them: NFKC, no spaces."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


# -- one file ---------------------------------------------------------------------------------


def _sniff(data: bytes, suffix: str) -> str:
    """Why these bytes are not a workbook we can open, or "" when they may be one."""
    if not data:
        return "空のファイルです（0バイト）"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: an old .xls, or an encrypted .xlsx
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "パスワードで保護されているため開けません（パスワードを外して保存し直してもらってください）"
        return ""
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return ""
    head = data[:4096]
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = head.decode(enc)
        except UnicodeDecodeError:
            continue
        kind = "CSV" if "," in text or "\t" in text else "テキスト"
        return f"中身が{kind}で、Excelのブックではありません（拡張子は {suffix or 'なし'}）"
    if data[:5] == b"%PDF-":
        return "PDFファイルで、Excelのブックではありません"
    return "Excelのブックではありません（中身が読めない形式です）"


def _zip_problem(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_EXPANDED:
                return "展開すると大きすぎるため読みませんでした（報告のブックとしては不自然です）"
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "ファイルが壊れています（途中で切れているか、保存が終わっていません）"
    if "[Content_Types].xml" not in names:
        return "Excelのブックではありません（ZIPファイルです）"
    if not any(n.startswith("xl/") for n in names) and "content.xml" not in names:
        return "Excelのブックではありません（Word など別の形式の文書です）"
    return ""


class _Cells:
    """The values of the sheets a layout needs, read once each; '' for an empty cell."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.names = list(book.sheet_names)
        self.sheets: dict[str, list[list[Any]]] = {}

    def sheet(self, name: str) -> list[list[Any]] | None:
        if name not in self.sheets:
            if name not in self.names:
                return None
            self.sheets[name] = self.book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return self.sheets[name]

    def get(self, sheet: str, col: int, row: int) -> Any:
        rows = self.sheet(sheet)
        if rows is None or row > len(rows):
            return None
        line = rows[row - 1]
        return line[col - 1] if col <= len(line) else None


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _coerce(result: FileResult, key: str, value: Any, place: str) -> Any:
    try:
        return coerce(key, value)
    except ValidationError as exc:
        if key == "fiscal_year" and isinstance(value, str):  # 「令和7年度」 as a city form may write it
            from .japanese import WarekiError, parse_date

            try:
                return parse_date(value.strip().removesuffix("度") + "4月1日").year
            except (WarekiError, ValueError):
                pass
        result.error(place, exc.message)
        return None


def _count(result: FileResult, label: str, value: Any, place: str) -> int | None:
    """A number in a table cell ('' is none); a non-number is an error at its cell."""
    if _empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip().replace(",", ""))
    except ValueError:
        result.error(place, f"「{label}」が数ではありません: {value}")
        return None


def _read_blocks(result: FileResult, cells: _Cells, mapping: FormMapping) -> list[dict[str, Any]] | None:
    """The 班 table's rows (until the first empty first column, stopping at a 合計 row), or None
    when the layout has no 班 table."""
    place = mapping.tables.get("blocks")
    if place is None or not place.columns:
        return None
    label, columns = TABLES["blocks"]
    if cells.sheet(place.sheet) is None:
        result.error("", f"表「{label}」のシート「{place.sheet}」がありません")
        return None
    order = [c for c, _ in columns if c in place.columns]
    first = order[0]
    labels = dict(columns)
    rows: list[dict[str, Any]] = []
    for r in range(place.first_row, place.first_row + place.max_rows + 1):
        head = cells.get(place.sheet, column_index(place.columns[first]), r)
        if _empty(head) or name_key(head) in ("合計", "計", "総計"):
            break
        if len(rows) == place.max_rows:
            result.error(f"{place.sheet}!{place.columns[first]}{r}",
                         f"表「{label}」が様式の行数（{place.max_rows}行）を超えています")
            break
        row: dict[str, Any] = {}
        for c in order:
            letter = place.columns[c]
            value = cells.get(place.sheet, column_index(letter), r)
            row[c] = (str(value).strip() if not _empty(value) else "") if c == "block" else \
                _count(result, labels[c], value, f"{place.sheet}!{letter}{r}")
        rows.append(row)
    return rows


def read_report(path: Path, mappings: Sequence[FormMapping], *, name: str = "",
                fiscal_year: int | None = None) -> FileResult:
    """Read and check one report workbook. Never raises for a bad file: what is wrong is in the
    result (``status`` / ``reason`` for a file that could not be read, ``problems`` otherwise).
    Duplicates across files are found by :func:`consolidate`, which sees them all."""
    path = Path(path)
    result = FileResult(path, name or path.name)
    try:
        data = path.read_bytes()
    except PermissionError:
        return _unreadable(result, "読む権限がありません（アクセスが許可されていないか、ほかのプログラムが使っています）")
    except FileNotFoundError:
        return _unreadable(result, "ファイルが見つかりません（移動か削除されました）")
    except IsADirectoryError:
        return _unreadable(result, "フォルダーです")
    except OSError as exc:
        return _unreadable(result, f"ファイルを読めません（{exc.strerror or exc}）")
    result.size = len(data)
    result.digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        kind = {".csv": "CSVファイル", ".txt": "テキストファイル", ".pdf": "PDFファイル"}.get(suffix, "")
        what = kind or (f"拡張子 {suffix} のファイル" if suffix else "拡張子のないファイル")
        return _unreadable(result, f"{what}で、Excelのブック（.xlsx）ではありません")
    reason = _sniff(data, suffix) or (_zip_problem(data) if data[:2] == b"PK" else "")
    if reason:
        return _unreadable(result, reason)
    try:
        from python_calamine import CalamineWorkbook, PasswordError

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except PasswordError:
            return _unreadable(result, "パスワードで保護されているため開けません（パスワードを外して保存し直してもらってください）")
        cells = _Cells(book)
        mapping = next((m for m in mappings if m.matches(cells.names)), None)
        if mapping is None:
            shown = "、".join(cells.names[:6]) + (" …" if len(cells.names) > 6 else "")
            return _unreadable(result, "年次報告の様式（標準様式・登録された様式）のどれにも当てはまりません"
                                       f"（シート: {shown or 'なし'}）。別のプログラムのブックかもしれません")
        result.form = mapping.name
        _read_values(result, cells, mapping)
    except Exception as exc:  # noqa: BLE001 - a damaged file may fail anywhere inside the reader
        return _unreadable(result, f"ファイルが壊れているため読めません（{type(exc).__name__}: {str(exc)[:120]}）")
    _check(result, mapping, fiscal_year)
    return result


def _unreadable(result: FileResult, reason: str) -> FileResult:
    result.status = UNREADABLE
    result.reason = reason
    return result


def _read_values(result: FileResult, cells: _Cells, mapping: FormMapping) -> None:
    report = ReportData()
    for f in FIELDS:
        ref = mapping.fields.get(f.key)
        if ref is None:
            report.values[f.key] = None
            continue
        sheet, letters, row = split_cell(ref)
        if cells.sheet(sheet) is None:
            result.error(ref, f"シート「{sheet}」がありません（{f.label}）")
            report.values[f.key] = None
            continue
        report.values[f.key] = _coerce(result, f.key, cells.get(sheet, column_index(letters), row), ref)
    blocks = _read_blocks(result, cells, mapping)
    if blocks is not None:
        report.tables["blocks"] = blocks
    result.data = report


def _check(result: FileResult, mapping: FormMapping, fiscal_year: int | None) -> None:
    assert result.data is not None
    v = result.data.values
    where = mapping.fields.get
    unreadable_places = {p.place for p in result.problems}
    for f in result.data.missing():
        ref = where(f.key, "")
        if ref in unreadable_places:
            continue  # already said: not a number / not a date
        result.error(ref, f"「{f.label}」が空です" if ref else f"「{f.label}」が様式にありません")
    if fiscal_year is not None and v.get("fiscal_year") is not None and v["fiscal_year"] != fiscal_year:
        from .japanese import fiscal_year_label

        result.error(where("fiscal_year", ""), f"{_year(v['fiscal_year'], fiscal_year_label)}の報告です"
                                               f"（集計するのは{_year(fiscal_year, fiscal_year_label)}）")
    for f in FIELDS:
        if f.type == "int" and isinstance(v.get(f.key), int) and v[f.key] < 0 and f.key != "carry_over":
            result.error(where(f.key, ""), f"「{f.label}」がマイナスです: {v[f.key]:,}")
    income, expense, carry = v.get("income_total"), v.get("expense_total"), v.get("carry_over")
    if None not in (income, expense, carry) and income - expense != carry:
        result.error(where("carry_over", ""), f"収入合計 {income:,}円 − 支出合計 {expense:,}円 = {income - expense:,}円 が"
                                              f"次年度繰越金 {carry:,}円 と合いません")
    members, area = v.get("member_households"), v.get("area_households")
    if members is not None and area is not None and members > area:
        result.warn(where("member_households", ""), f"加入世帯数（{members:,}）が区域内世帯数（{area:,}）より多くなっています")
    if None not in (v.get("aged_65"), v.get("aged_75")) and v["aged_75"] > v["aged_65"]:
        result.warn(where("aged_75", ""), f"75歳以上（{v['aged_75']:,}人）が65歳以上（{v['aged_65']:,}人）より多くなっています")
    if None not in (v.get("aged_65"), v.get("persons")) and v["aged_65"] > v["persons"]:
        result.warn(where("aged_65", ""), f"65歳以上（{v['aged_65']:,}人）が会員数（{v['persons']:,}人）より多くなっています")
    rows = result.data.tables.get("blocks")
    if rows is None:
        return
    place = mapping.tables["blocks"]
    label = TABLES["blocks"][0]
    at = f"{place.sheet}!{place.columns[next(c for c, _ in TABLES['blocks'][1] if c in place.columns)]}{place.first_row}"
    if v.get("blocks") is not None and len(rows) != v["blocks"]:
        result.error(where("blocks", "") or at, f"表「{label}」は{len(rows)}班ですが、班数は{v['blocks']}です")
    for key, severity in (("member_households", ERROR), ("persons", ERROR), ("non_member_households", WARNING),
                          ("aged_65", WARNING), ("aged_75", WARNING), ("needs_help", WARNING)):
        if key not in place.columns or v.get(key) is None:
            continue
        total = sum(r.get(key) or 0 for r in rows)
        if total != v[key]:
            column = dict(TABLES["blocks"][1])[key]
            text = (f"表「{label}」の{column}の合計（{total:,}）が「{FIELD_BY_KEY[key].label}」（{v[key]:,}）と"
                    "合いません")
            result.problems.append(Problem(severity, where(key, "") or at, text))
    for n, r in enumerate(rows):
        for key, value in r.items():
            if key != "block" and isinstance(value, int) and value < 0:
                result.error(f"{place.sheet}!{place.columns[key]}{place.first_row + n}",
                             f"表「{label}」の{dict(TABLES['blocks'][1])[key]}がマイナスです: {value:,}")


def _year(fy: int, label: Callable[[int], str]) -> str:
    try:
        return f"{label(fy)}（{fy}年度）"
    except Exception:  # noqa: BLE001 - a year outside the eras is still shown as a number
        return f"{fy}年度"


# -- many files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    path: Path
    name: str
    skip: str = ""  # reason it is listed without being read
    missing: bool = False


def _hidden(path: Path) -> bool:
    if path.name.startswith("."):
        return True
    try:
        attrs = getattr(path.lstat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attrs & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _file_entry(path: Path, name: str, excluded: set[Path]) -> _Entry:
    if _resolved(path) in excluded:
        return _Entry(path, name, "集計結果の保存先なので読みませんでした")
    if path.name.startswith("~$"):
        return _Entry(path, name, "Excelが開いている間の一時ファイル（ロックファイル）なので読みませんでした")
    if _hidden(path):
        return _Entry(path, name, "隠しファイルなので読みませんでした")
    if path.name.endswith(".part"):
        return _Entry(path, name, "保存途中の一時ファイルなので読みませんでした")
    return _Entry(path, name)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def collect(inputs: Iterable[Path | str], *, exclude: Iterable[Path | str] = ()) -> list[_Entry]:
    """Every file named or found (recursively) in the folders named, once each, in a fixed order:
    the inputs' order, a folder's files sorted by their path below it."""
    excluded = {_resolved(Path(p)) for p in exclude}
    seen: set[Path] = set()
    out: list[_Entry] = []

    def add(entry: _Entry) -> None:
        key = _resolved(entry.path)
        if key not in seen:
            seen.add(key)
            out.append(entry)

    for raw in inputs:
        top = Path(raw)
        if top.is_dir():
            found: list[tuple[tuple[str, ...], _Entry]] = []
            for root, dirs, files in os.walk(top):
                here = Path(root)
                for d in list(dirs):
                    if _hidden(here / d):
                        dirs.remove(d)
                        rel = (here / d).relative_to(top)
                        found.append((rel.parts, _Entry(here / d, f"{top.name}/{rel.as_posix()}/",
                                                        "隠しフォルダーなので中を読みませんでした")))
                for fn in files:
                    rel = (here / fn).relative_to(top)
                    found.append((rel.parts, _file_entry(here / fn, f"{top.name}/{rel.as_posix()}", excluded)))
            for _parts, entry in sorted(found, key=lambda x: x[0]):
                add(entry)
        elif top.exists():
            add(_file_entry(top, top.name, excluded))
        else:
            add(_Entry(top, str(raw), missing=True))
    return out


#: the layouts a worker process reads with (set once per worker by its initializer)
_WORKER_MAPPINGS: tuple[FormMapping, ...] = ()


def _init_worker(mappings: tuple[FormMapping, ...]) -> None:
    global _WORKER_MAPPINGS
    _WORKER_MAPPINGS = mappings


def _read_chunk(chunk: list[tuple[int, str, str]], fiscal_year: int | None) -> list[tuple[int, FileResult]]:
    return [(i, read_report(Path(p), _WORKER_MAPPINGS, name=name, fiscal_year=fiscal_year)) for i, p, name in chunk]


def consolidate(
    paths_or_folders: Iterable[Path | str],
    *,
    fiscal_year: int | None = None,
    mappings: Sequence[FormMapping] | None = None,
    workers: int | None = None,
    progress: Progress = None,
    exclude: Iterable[Path | str] = (),
) -> Consolidation:
    """Read every report workbook named or found in the folders; see the module's docstring.

    ``mappings``: the layouts to recognise, tried in order (default: the built-in template; pass
    ``[default_mapping(), city_form]`` to read both). ``exclude``: files listed as skipped (the
    summary's own target, when it sits in an input folder). Raises :class:`RegisterError` only
    when there is nothing to read at all, :class:`ConsolidationCancelled` when ``progress``
    returns False."""
    started = time.perf_counter()
    maps = tuple(mappings) if mappings else (default_mapping(),)
    entries = collect(paths_or_folders, exclude=exclude)
    if not entries:
        raise RegisterError("読む報告ファイルがありません（フォルダーが空か、ファイルを指定していません）。")
    results: list[FileResult | None] = [None] * len(entries)
    todo: list[tuple[int, str, str]] = []
    for i, e in enumerate(entries):
        if e.missing:
            results[i] = FileResult(e.path, e.name, UNREADABLE, "ファイルもフォルダーも見つかりません（名前を確かめてください）")
        elif e.skip:
            results[i] = FileResult(e.path, e.name, SKIPPED, e.skip)
        else:
            todo.append((i, str(e.path), e.name))
    n_workers = max(1, min(workers or os.cpu_count() or 1, 61))  # (Windows allows at most 61)
    total = len(todo)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            raise ConsolidationCancelled("集計を中止しました。集計結果は作っていません。")

    def read_here(chunk: list[tuple[int, str, str]]) -> None:
        for i, p, name in chunk:
            results[i] = read_report(Path(p), maps, name=name, fiscal_year=fiscal_year)
        tick(len(chunk))

    if n_workers == 1 or total < MIN_PARALLEL:
        n_workers = 1
        step = max(1, min(50, total // 20 or 1))
        for start in range(0, total, step):
            read_here(todo[start:start + step])
    else:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

        size = max(8, min(64, -(-total // (n_workers * 6))))
        chunks = [todo[s:s + size] for s in range(0, total, size)]
        # this process is one of the readers: it takes chunks from the end while the pool's
        # workers (one fewer) start up and take them from the front
        pool = ProcessPoolExecutor(n_workers - 1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(maps,))
        try:
            futures = [pool.submit(_read_chunk, c, fiscal_year) for c in chunks]
            pending: set[Future] = set(futures)

            chunk_of = dict(zip(futures, chunks, strict=True))

            def harvest(finished: Iterable[Future]) -> None:
                for fut in finished:
                    pending.discard(fut)
                    try:
                        part = fut.result()
                    except Exception:  # noqa: BLE001 - a worker that died (BrokenProcessPool): read here
                        read_here(chunk_of[fut])
                        continue
                    for i, r in part:
                        results[i] = r
                    tick(len(part))

            for chunk, fut in zip(reversed(chunks), reversed(futures), strict=True):
                if not fut.cancel():
                    break  # a worker has it (and every chunk before it)
                pending.discard(fut)
                read_here(chunk)
                harvest([f for f in pending if f.done()])
            while pending:
                harvest(wait(pending, return_when=FIRST_COMPLETED)[0])
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    files = [r for r in results if r is not None]
    assert len(files) == len(entries)
    _mark_duplicates(files)
    return Consolidation(files, fiscal_year, n_workers, time.perf_counter() - started)


def _mark_duplicates(files: list[FileResult]) -> None:
    """Byte-identical files, and files of the same 町会 in the same 校下: an error on each."""
    by_digest: dict[str, list[FileResult]] = {}
    for f in files:
        if f.status != SKIPPED and f.digest:
            by_digest.setdefault(f.digest, []).append(f)
    copies: set[int] = set()
    for group in by_digest.values():
        if len(group) > 1:
            for f in group:
                others = "、".join(g.name for g in group if g is not f)
                if f.status == READ:
                    f.error("", f"同じ内容のファイルがほかにもあります: {others}")
                copies.add(id(f))
    by_name: dict[tuple[str, str], list[FileResult]] = {}
    for f in files:
        if f.status == READ and f.value("association_name") and f.value("district"):
            by_name.setdefault((name_key(f.value("association_name")), name_key(f.value("district"))), []).append(f)
    for group in by_name.values():
        if len(group) > 1 and not all(id(f) in copies for f in group):
            for f in group:
                others = "、".join(g.name for g in group if g is not f)
                f.error("", f"同じ町会（{f.value('association_name')}・{f.value('district')}）の報告がほかにもあります: "
                            f"{others}")


def load_mappings(files: list[str]) -> list[FormMapping]:
    """The city forms' mapping files (JSON) to read with, then the default template's; a file that
    cannot be read, is not a mapping, or names no sheets to recognise its workbooks by is refused."""
    from kyodo_desktop.models.report_fields import default_mapping, mapping_from_json
    from kyodo_desktop.models.validation import ValidationError

    out = []
    for name in files:
        try:
            text = Path(name).read_bytes()
        except OSError as exc:
            raise RegisterError(f"様式の対応表を読めません: {name}（{exc.strerror or exc}）") from None
        try:
            mapping = mapping_from_json(text)
        except ValidationError as exc:
            raise RegisterError(f"{name}: {exc.message}") from None
        if not mapping.sheets:
            raise RegisterError(f"{name}: 様式の対応表にシート名（sheets）がないため、その様式のブックを見分けられません")
        out.append(mapping)
    return [*out, default_mapping()]  # the city's forms first: a more specific layout wins
