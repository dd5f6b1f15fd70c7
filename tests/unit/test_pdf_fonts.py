"""Japanese glyphs in PDFs: every name of the vectors prints with its real glyph, by fallback
font where the main one lacks it; user text is escaped before reportlab markup."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kyodo_desktop.export.pdf import font_chain


def _has_rare_kanji_font():
    chain = font_chain("gothic")
    return chain.font_for("𠮷") is not None


def test_every_vector_name_has_a_font_for_each_character(vectors):
    chain = font_chain("gothic")
    names = vectors["names_that_must_survive_every_path"]
    if not _has_rare_kanji_font():
        pytest.skip("no installed font has 𠮷 (install fonts-ipamj-mincho; .ci/run does)")
    assert chain.missing("".join(names)) == []
    assert chain.font_for("𠮷") != chain.main  # IPAex lacks it: a fallback font draws it
    runs = chain.runs("𠮷田")
    assert [t for _f, t in runs] == ["𠮷", "田"]
    assert "".join(t for _f, t in chain.runs("葛󠄀城")) == "葛城"  # the selector is dropped, the base drawn


def test_names_read_back_from_the_pdf_and_render(vectors, tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    if not _has_rare_kanji_font():
        pytest.skip("no installed font has 𠮷 (install fonts-ipamj-mincho; .ci/run does)")
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    chain = font_chain("gothic")
    c = Canvas(str(tmp_path / "names.pdf"), pagesize=A4)
    y = 800
    for name in vectors["names_that_must_survive_every_path"]:
        chain.draw(c, 72, y, f"{name} 様", 14)
        y -= 24
    c.save()
    text = subprocess.run(["pdftotext", str(tmp_path / "names.pdf"), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    for name in vectors["names_that_must_survive_every_path"]:
        base = "".join(ch for ch in name if not 0xE0100 <= ord(ch) <= 0xE01EF)
        assert base in text, name
    fonts = subprocess.run(["pdffonts", str(tmp_path / "names.pdf")], capture_output=True, text=True, check=True).stdout
    assert fonts.count(" yes ") >= 2  # main + fallback, both embedded
    png = subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(tmp_path / "names.pdf"),
                          str(tmp_path / "p")], capture_output=True, text=True)
    assert png.returncode == 0 and (tmp_path / "p.png").stat().st_size > 1000


def test_user_text_is_escaped_for_paragraph_markup(tmp_path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    chain = font_chain("gothic")
    nasty = '<img src="/etc/passwd"/> a < b & <a href="http://x">リンク</a>'
    markup = chain.markup(nasty)
    assert "<img" not in markup and "&lt;img" in markup
    doc = SimpleDocTemplate(str(tmp_path / "p.pdf"))
    doc.build([Paragraph(markup, ParagraphStyle("j", fontName=chain.main, fontSize=10))])
    data = (tmp_path / "p.pdf").read_bytes()
    assert b"/Annots" not in data and b"/XObject" not in data  # no link, no embedded image
