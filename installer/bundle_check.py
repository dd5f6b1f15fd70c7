"""``kyodo --bundle-check``: does this installed folder hold everything the program loads by name?

PyInstaller follows ``import`` statements; what is loaded by name at run time (package data through
importlib.resources, Qt's translations, shared libraries opened by ctypes, phonenumbers' per-region
metadata) is only found missing when a user reaches it. This check reaches each of them once and
prints one line per part, so installer/build_linux.sh (and whoever supports an installed PC) can see
that the folder is complete. Exit code 0 when every part is there, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def _font() -> str:
    from importlib import resources

    font = resources.files("kyodo_desktop.resources") / "fonts" / "ipaexg.ttf"
    size = font.stat().st_size if hasattr(font, "stat") else len(font.read_bytes())
    from kyodo_desktop.export.pdf import font_chain

    chain = font_chain("gothic")
    return f"ipaexg.ttf {size:,} bytes; PDF fonts: {', '.join(chain.names)}"


def _postal() -> str:
    from kyodo_desktop.models.postal import data_version, lookup

    found = lookup("9208577")  # 金沢市役所
    if not found:
        raise RuntimeError("920-8577 was not found in the postal data")
    return f"{found[0].prefecture}{found[0].city}{found[0].town} (data {data_version()})"


def _report_form() -> str:
    from kyodo_desktop.models.report_fields import default_mapping

    mapping = default_mapping()
    return f"{type(mapping).__name__} loaded"


def _phone() -> str:
    from kyodo_desktop.models.japanese import normalize_phone

    national = normalize_phone("0762202111")
    japan = normalize_phone("+81 3 1234 5678")
    abroad = normalize_phone("+1 650 253 0000")  # another region's metadata, loaded by name
    return f"{national}, {japan}, {abroad}"


def _qt_translation() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_ja", folder):
        raise RuntimeError(f"qtbase_ja.qm was not found in {folder}")
    return f"qtbase_ja from {folder}"


def _pdf_and_excel_readers() -> str:
    import openpyxl
    import pypdfium2
    from python_calamine import CalamineWorkbook

    with tempfile.TemporaryDirectory(prefix="kyodo-check-") as tmp:
        path = Path(tmp) / "check.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["氏名", "電話"])
        wb.active.append(["金沢 太郎", "076-220-2111"])
        wb.save(path)
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        if rows[1][0] != "金沢 太郎":
            raise RuntimeError(f"calamine read back {rows!r}")
    pdf = pypdfium2.PdfDocument.new()
    pdf.close()
    return f"openpyxl + calamine round trip, pdfium {pypdfium2.PDFIUM_INFO}"[:160]


def _crypto() -> str:
    from kyodo_desktop.models.crypto import import_backends

    import_backends()
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    version = conn.execute("PRAGMA cipher_version").fetchone()
    conn.close()
    return f"sqlcipher {version[0] if version else '?'}"


CHECKS: dict[str, Callable[[], str]] = {
    "font": _font,
    "postal codes": _postal,
    "report form": _report_form,
    "phone numbers": _phone,
    "Qt translation": _qt_translation,
    "Excel and PDF": _pdf_and_excel_readers,
    "encryption": _crypto,
}


def main() -> int:
    failed = 0
    for name, check in CHECKS.items():
        try:
            print(f"bundle check: {name}: ok — {check()}")
        except Exception as exc:  # noqa: BLE001  (report every part, then fail)
            failed += 1
            print(f"bundle check: {name}: FAILED — {type(exc).__name__}: {exc}", file=sys.stderr)
    print("bundle check: ok" if not failed else f"bundle check: {failed} part(s) missing")
    return 1 if failed else 0
