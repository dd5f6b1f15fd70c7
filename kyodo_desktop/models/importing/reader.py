"""Reading the lists associations already have (Qt-free): spreadsheets through python-calamine
(.xlsx, .xlsm, .xls, .ods) and CSV/TXT in UTF-8 (with or without BOM) or CP932 (Shift_JIS),
tab- or comma-separated. Everything that can go wrong says so in Japanese, before anything is
read into the register."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kyodo_desktop.models.errors import RegisterError

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXTS = (".csv", ".txt", ".tsv")
#: limits: a neighbourhood's list is thousands of rows, never millions
MAX_FILE_BYTES = 100_000_000
MAX_UNCOMPRESSED_BYTES = 300_000_000  # declared sizes of a zip's parts (a "zip bomb" is refused unread)
MAX_RATIO = 200  # uncompressed / compressed for the whole file
MAX_ROWS = 300_000
MAX_COLUMNS = 300
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and also a password-protected .xlsx


class ImportFileError(RegisterError):
    """The file cannot be read as a list; the message says why."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise ImportFileError(f"ファイルが壊れています（Excelの形式として読めません）: {path.name}") from None
    declared = sum(i.file_size for i in infos)
    compressed = max(1, sum(i.compress_size for i in infos))
    if declared > MAX_UNCOMPRESSED_BYTES or declared / compressed > MAX_RATIO:
        raise ImportFileError(
            f"ファイルの中身が異常に大きく展開されるため、読み込みません（{declared / 1e6:,.0f} MB）: {path.name}"
        )


def _is_encrypted_ole(head: bytes, path: Path) -> bool:
    """A password-protected .xlsx/.xlsm is an OLE file with an EncryptionInfo stream."""
    if not head.startswith(OLE_MAGIC):
        return False
    data = path.read_bytes()[:2_000_000]
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def read_file(path: Path | str) -> list[Sheet]:
    """Every sheet of ``path`` as rows of cell values (strings, numbers, dates; "" when empty)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportFileError(f"ファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise ImportFileError(f"ファイルを読めません: {path}（{exc.strerror or exc}）") from None
    if size == 0:
        raise ImportFileError(f"ファイルが空です（0バイト）: {path.name}")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"ファイルが大きすぎます（{size / 1e6:,.0f} MB）: {path.name}")
    suffix = path.suffix.lower()
    if _is_encrypted_ole(head, path) and suffix != ".xls":
        raise ImportFileError(f"パスワード付きのファイルです。Excelでパスワードを外して保存し直してから取り込んでください: {path.name}")
    if suffix in TEXTS:
        sheets = [Sheet(path.stem, _read_text(path))]
    elif suffix in SPREADSHEETS:
        if head.startswith(b"PK"):
            _check_zip(path)
        sheets = _read_spreadsheet(path)
    else:
        raise ImportFileError(
            f"この種類のファイルは取り込めません（{suffix or '拡張子なし'}）。"
            "Excel（.xlsx .xls）、LibreOffice（.ods）、CSV のファイルを選んでください: " + path.name
        )
    for sheet in sheets:
        if len(sheet.rows) > MAX_ROWS:
            raise ImportFileError(f"シート「{sheet.name}」の行が多すぎます（{len(sheet.rows):,}行、上限 {MAX_ROWS:,}行）。")
        widest = max((len(r) for r in sheet.rows), default=0)
        if widest > MAX_COLUMNS:
            raise ImportFileError(f"シート「{sheet.name}」の列が多すぎます（{widest:,}列、上限 {MAX_COLUMNS}列）。")
    return sheets


def _read_spreadsheet(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for every broken file
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise ImportFileError(f"パスワード付きのファイルです。パスワードを外して保存し直してください: {path.name}") from None
        raise ImportFileError(f"ファイルが壊れているか、表計算のファイルではありません: {path.name}（{exc}）") from None
    sheets = []
    for name in book.sheet_names:
        try:
            sheet = book.get_sheet_by_name(name)
            dims = sheet.total_height, sheet.total_width
            if dims[0] > MAX_ROWS or dims[1] > MAX_COLUMNS:
                raise ImportFileError(
                    f"シート「{name}」が大きすぎます（{dims[0]:,}行×{dims[1]:,}列、上限 {MAX_ROWS:,}行×{MAX_COLUMNS}列）。"
                )
            rows = sheet.to_python(skip_empty_area=False)
        except ImportFileError:
            raise
        except Exception as exc:
            raise ImportFileError(f"シート「{name}」を読めません: {exc}") from None
        sheets.append(Sheet(str(name), [list(r) for r in rows]))
    return sheets


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or CP932, whichever the bytes are."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError("ファイルの文字が壊れています（UTF-8 として読めない所があります）。") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise ImportFileError("文字コードが分かりません（UTF-8 でも Shift_JIS でもありません）。") from None


def _read_text(path: Path) -> list[list[Any]]:
    text = decode_text(path.read_bytes())
    if "\x00" in text:
        raise ImportFileError(f"テキストのファイルではありません: {path.name}")
    sample = text[:20_000]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(f"行が多すぎます（{MAX_ROWS:,}行より多い）: {path.name}")
            rows.append(list(row))
    except csv.Error as exc:
        raise ImportFileError(f"CSVとして読めません（{len(rows) + 1}行目付近: {exc}）: {path.name}") from None
    return rows
