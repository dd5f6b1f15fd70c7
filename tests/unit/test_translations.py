"""The English UI: every visible text of the program is marked for translation, and the English
file has a finished translation for each of them, keeping the placeholders that fill in values."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402 - tools/translations.py
import untranslated  # noqa: E402 - tools/untranslated.py

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_japanese_text_of_the_ui_is_marked_for_translation():
    left = [(f.name, line, text) for f in translations.SOURCES for line, text in untranslated.untranslated(f)]
    assert left == [], "texts shown to people that pyside6-lupdate cannot collect (wrap them, or mark # notr)"


def test_the_english_file_has_every_text_of_the_code_translated(tmp_path):
    """lupdate run on the code now finds nothing the committed .ts lacks, and nothing is unfinished."""
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    current = tmp_path / "kyodo_en.ts"
    shutil.copyfile(translations.TS, current)
    out = subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *map(str, translations.SOURCES),
                          "-ts", str(current)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"\(0 new and \d+ already existing\)", out), out
    assert translations.unfinished(current) == []


def test_the_translations_keep_the_placeholders_and_the_released_file_is_current(tmp_path):
    import xml.etree.ElementTree as ET

    bad = []
    for message in ET.parse(translations.TS).getroot().iter("message"):
        source, english = message.findtext("source") or "", message.findtext("translation") or ""
        if sorted(set(PLACEHOLDER.findall(english))) != sorted(set(PLACEHOLDER.findall(source))):
            bad.append((source[:40], english[:40]))
    assert bad == []
    lrelease = str(Path(sys.executable).with_name("pyside6-lrelease"))
    fresh = tmp_path / "kyodo_en.qm"
    subprocess.run([lrelease, "-silent", str(translations.TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == translations.QM.read_bytes(), "run: uv run python tools/translations.py release"
