"""Japanese text for PDFs, glyph by glyph (Qt-free).

Fonts are found in this order: the user's own choice → the fonts shipped with the program
(IPAex Gothic) → the OS (Yu Gothic / MS Gothic / Meiryo on Windows; IPAex, IPAmj on Linux).
Only TrueType outlines can be embedded by reportlab, so OpenType/CFF fonts are skipped. Every
character is drawn with the first font that has its glyph (IPAex lacks 𠮷; IPAmj Mincho has it),
so a name never prints as tofu. Ideographic variation selectors (葛󠄀) cannot be shaped by
reportlab: the base character is drawn and the selector dropped. reportlab's built-in CID font
is the last resort only, and :attr:`FontChain.warning` says so, because it is not embedded.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: (file name, subfont index) looked for in the OS font folders, in order of preference
_OS_GOTHIC = (("YuGothM.ttc", 0), ("YuGothR.ttc", 0), ("msgothic.ttc", 0), ("meiryo.ttc", 0), ("ipaexg.ttf", 0),
              ("ipag.ttf", 0), ("fonts-japanese-gothic.ttf", 0))
_OS_MINCHO = (("yumin.ttf", 0), ("msmincho.ttc", 0), ("ipaexm.ttf", 0), ("ipam.ttf", 0),
              ("fonts-japanese-mincho.ttf", 0))
#: fonts with rare kanji (MJ, JIS X 0213 plane 2), tried for characters the main font lacks
_OS_FALLBACK = (("ipamjm.ttf", 0), ("ipaexm.ttf", 0), ("ipaexg.ttf", 0), ("msgothic.ttc", 0), ("msmincho.ttc", 0))
CID_FALLBACK = "HeiseiKakuGo-W5"


def _font_dirs() -> list[Path]:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windir / "Fonts", local]
    if sys.platform == "darwin":  # pragma: no cover
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts"]


def _find(names: tuple[tuple[str, int], ...]) -> list[tuple[Path, int]]:
    found = []
    for name, index in names:
        for folder in _font_dirs():
            if not folder.is_dir():
                continue
            direct = folder / name
            hits = [direct] if direct.is_file() else list(folder.rglob(name))[:1]
            if hits:
                found.append((hits[0], index))
                break
    return found


def _bundled_gothic() -> Path:
    from importlib import resources

    return Path(str(resources.files("kyodo_desktop.resources") / "fonts" / "ipaexg.ttf"))


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what ``xml.sax.saxutils.escape`` does; importing that
    pulls in urllib and http.client, ~15 ms of the program's start, which sets the print font)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_variation_selector(ch: str) -> bool:
    o = ord(ch)
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF


@dataclass
class FontChain:
    """A main font and its fallbacks, registered with reportlab, with a per-character choice."""

    names: list[str] = field(default_factory=list)
    glyphs: list[set[int]] = field(default_factory=list)
    warning: str = ""
    _runs: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _unit_widths: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def main(self) -> str:
        return self.names[0]

    def font_for(self, ch: str) -> str | None:
        o = ord(ch)
        for name, cmap in zip(self.names, self.glyphs, strict=True):
            if o in cmap:
                return name
        return None

    def runs(self, text: str) -> list[tuple[str, str]]:
        """(font, text) pieces: consecutive characters that share a font. Characters no font
        has are drawn with the main font (and reported by :meth:`missing`)."""
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        main = self.glyphs[0]
        if all(ord(ch) in main or ch in " \t\n　" for ch in text):  # the usual case: one run, main font
            out = [(self.main, text)]
            if len(self._runs) < 200_000:
                self._runs[text] = out
            return out
        out = []
        for ch in text:
            if _is_variation_selector(ch):
                continue  # the base character is drawn; reportlab cannot apply the variant
            name = self.main if ch in " \t\n　" else (self.font_for(ch) or self.main)
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + ch)
            else:
                out.append((name, ch))
        if len(self._runs) < 200_000:  # a list repeats its texts (班, 続柄, 会員区分 …)
            self._runs[text] = out
        return out

    def missing(self, text: str) -> list[str]:
        return sorted({ch for ch in text if not ch.isspace() and not _is_variation_selector(ch)
                       and self.font_for(ch) is None})

    def width(self, text: str, size: float) -> float:
        """Text width at ``size`` (widths scale with the size: each text is measured once)."""
        unit = self._unit_widths.get(text)
        if unit is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            unit = sum(stringWidth(t, f, 1000) for f, t in self.runs(text)) / 1000
            if len(self._unit_widths) < 200_000:
                self._unit_widths[text] = unit
        return unit * size

    def draw(self, canvas: object, x: float, y: float, text: str, size: float) -> float:
        """Draw ``text`` at (x, y) piece by piece; returns the width drawn."""
        runs = self.runs(text)
        start = x
        for name, piece in runs:
            # setFont writes an operator each time: only when the font or size changes
            if getattr(canvas, "_fontname", None) != name or getattr(canvas, "_fontsize", None) != size:
                canvas.setFont(name, size)  # type: ignore[attr-defined]
            canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
            if len(runs) > 1:
                x += self.width(piece, size)
        return self.width(text, size) if len(runs) == 1 else x - start

    def markup(self, text: str) -> str:
        """``text`` for a reportlab Paragraph: escaped (a ``<`` in a note must not become markup,
        ``<img src>`` must not embed a file), with fallback runs in their own ``<font>``."""
        parts = []
        for name, piece in self.runs(text):
            safe = escape(piece).replace("\n", "<br/>")
            parts.append(safe if name == self.main else f'<font name="{name}">{safe}</font>')
        return "".join(parts)


_CACHE: dict[tuple, FontChain] = {}
_PATCHED = False
#: the font the user chose (the program's setting, or ``kyodo print --font``); tried first
_USER_FONT: Path | None = None


def set_user_font(path: str | Path | None) -> None:
    """Use ``path`` (a TrueType .ttf/.ttc) before every other font, or go back to the usual
    search with None. A chosen font that is missing or unusable is skipped with a warning."""
    global _USER_FONT
    _USER_FONT = Path(path) if path else None


def user_font() -> Path | None:
    return _USER_FONT


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _fix_to_unicode_for_rare_kanji() -> None:
    """reportlab writes the text layer's ToUnicode entry of a character beyond U+FFFF (𠮷 is
    U+20BB7) as 5 hex digits, which readers cut to U+20BB: copy, search and screen readers then
    get a wrong character. Rewrite those entries as the UTF-16 surrogate pair the PDF format asks
    for (the drawn glyph was right either way)."""
    global _PATCHED
    if _PATCHED:
        return
    import re

    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap

    def make(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        return re.sub(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$",
                      lambda m: f"<{m.group(1)}> <{_utf16_hex(int(m.group(2), 16))}>", text, flags=re.M)

    ttfonts.makeToUnicodeCMap = make
    _PATCHED = True


def _register(path: Path, index: int, name: str) -> set[int] | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        font = pdfmetrics.getFont(name)
        return set(font.face.charWidths)
    except (TTFError, OSError, KeyError, ValueError):
        return None  # e.g. OpenType/CFF outlines: cannot be embedded by reportlab


def font_chain(style: str = "gothic", user_font: str | Path | None = None) -> FontChain:
    """The fonts for ``style`` ("gothic" for lists, "mincho" for formal documents)."""
    user_font = user_font or _USER_FONT
    key = (style, str(user_font or ""))
    if key in _CACHE:
        return _CACHE[key]
    _fix_to_unicode_for_rare_kanji()
    candidates: list[tuple[Path, int]] = []
    if user_font:
        candidates.append((Path(user_font), 0))
    if style == "mincho":
        candidates += _find(_OS_MINCHO)
    candidates.append((_bundled_gothic(), 0))
    candidates += _find(_OS_GOTHIC) + _find(_OS_FALLBACK)
    chain = FontChain()
    seen: set[tuple[str, int]] = set()
    if user_font and not Path(user_font).is_file():
        chain.warning = f"設定されたフォントが見つからないため、標準のフォントで印刷しました: {user_font}"
    for n, (path, index) in enumerate(candidates):
        if not path.is_file() or (str(path.resolve()), index) in seen:
            continue
        seen.add((str(path.resolve()), index))  # (fonts-japanese-*.ttf are links to IPAex)
        name = f"Kyodo-{path.stem}-{index}"
        if name in chain.names:  # the same font file shipped with us and installed in the OS
            continue
        cmap = _register(path, index, name)
        if cmap is not None:
            chain.names.append(name)
            chain.glyphs.append(cmap)
        elif user_font and n == 0:
            chain.warning = (f"設定されたフォントはPDFに埋め込めない形式（TrueTypeでない）のため、"
                             f"標準のフォントで印刷しました: {path.name}")
    if not chain.names:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        chain.names.append(CID_FALLBACK)
        chain.glyphs.append(set(range(0x20, 0x30000)))
        chain.warning = ("日本語のフォントが見つからないため、PDFにフォントを埋め込めません。"
                         "ほかのパソコンでは文字が正しく出ないことがあります。")
    _CACHE[key] = chain
    return chain
