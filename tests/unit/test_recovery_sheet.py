"""The printed recovery sheet: a real PDF, read back, with the font embedded."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest

from kyodo_desktop.export.recovery_sheet import write_recovery_sheet
from kyodo_desktop.models.errors import RegisterError

CODE = "RQ9D-35FZ-KTDR-ZNFQ-Y52K-MS80-7CDE"


def test_sheet_holds_the_code_and_the_name_in_variant_kanji(tmp_path):
    out = write_recovery_sheet(tmp_path / "sheet.pdf", association="髙﨑町会", code=CODE,
                               register_file="髙﨑町会.kyodo", issued=datetime(2026, 11, 29, 10, 0))
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"IPAexGothic" in data and b"FontFile2" in data  # embedded subset
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert CODE in text and "髙﨑町会" in text and "令和8年11月29日" in text
    assert not list(tmp_path.glob("*.part"))


def test_a_name_the_font_cannot_print_is_refused(tmp_path):
    with pytest.raises(RegisterError, match="フォントがありません"):
        write_recovery_sheet(tmp_path / "s.pdf", association="町会🙂", code=CODE, register_file="a.kyodo",
                             issued=datetime(2026, 11, 29))
    assert not (tmp_path / "s.pdf").exists()
