"""Fonts for PDF output (Qt-free). IPAexGothic ships with the program (IPA Font License v1.0,
resources/fonts/) and is embedded (subset) in every PDF, so names in 旧字体 and 異体字 (髙, 﨑)
print on any PC, whatever fonts it has."""

from __future__ import annotations

from importlib import resources

GOTHIC = "IPAexGothic"
_registered = False


def register_fonts() -> str:
    """Register the bundled font with ReportLab once; returns its name."""
    global _registered
    if not _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        path = resources.files("kyodo_desktop.resources") / "fonts" / "ipaexg.ttf"
        with resources.as_file(path) as real:
            pdfmetrics.registerFont(TTFont(GOTHIC, str(real)))
        _registered = True
    return GOTHIC


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the bundled font cannot draw (to refuse rather than print tofu)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(register_fonts())
    widths = font.face.charWidths
    return sorted({c for c in text if not c.isspace() and ord(c) not in widths})
