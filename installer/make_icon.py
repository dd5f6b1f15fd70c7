"""Draw the program's icon (「協」 on a rounded square) into ``installer/kyodo.png`` and ``installer/kyodo.ico``.

Run once when the design changes (``uv run python installer/make_icon.py``); both files are committed, so a
build does not need this script. The glyph comes from the bundled IPAex Gothic font, so the icon looks the same
on every machine. The .ico is written here rather than through Pillow (not a dependency) or Qt's ICO plugin
(one size only): Windows wants several sizes in one file, and since Vista each may be a PNG.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BACKGROUND = "#1f5f8b"  # deep blue: reads well on light and dark task bars
FOREGROUND = "#ffffff"
GLYPH = "協"


def render(size: int) -> bytes:
    """One square icon of ``size`` pixels as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BACKGROUND))
    margin = size * 0.03
    radius = size * 0.18
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), radius, radius)
    font = QFont(_font_family())
    font.setPixelSize(max(1, round(size * 0.74)))
    font.setBold(size >= 32)  # small sizes stay legible only with thin strokes
    painter.setFont(font)
    painter.setPen(QColor(FOREGROUND))
    painter.drawText(QRectF(0, -size * 0.02, size, size), Qt.AlignmentFlag.AlignCenter, GLYPH)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _font_family() -> str:
    from importlib import resources

    from PySide6.QtGui import QFontDatabase

    font_path = resources.files("kyodo_desktop.resources") / "fonts" / "ipaexg.ttf"
    font_id = QFontDatabase.addApplicationFont(str(font_path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise SystemExit(f"make_icon: the font {font_path} could not be loaded")
    return families[0]


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (ICONDIR, one ICONDIRENTRY each, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts need an application
    images = {size: render(size) for size in ICO_SIZES}
    (HERE / "kyodo.png").write_bytes(images[256])
    (HERE / "kyodo.ico").write_bytes(ico_bytes(images))
    print(f"wrote {HERE / 'kyodo.png'} and {HERE / 'kyodo.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
