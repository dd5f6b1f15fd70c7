"""The recovery sheet (復旧シート): a printed page with the code that opens the register when
every password is forgotten. Made at setup and whenever 管理者 issues a new one (Qt-free)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from kyodo_desktop.export.fonts import register_fonts
from kyodo_desktop.models.japanese import to_wareki

EXPLANATION = (
    "この用紙は、協働デスクの台帳（名簿）を開くための「復旧コード」です。",
    "役員全員がパスワードを忘れたときに、このコードで台帳を開き、パスワードを設定し直せます。",
    "このコードがあれば名簿のすべてを見ることができます。通帳や印鑑と同じように、",
    "鍵のかかる場所に保管してください。パソコンの中やUSBメモリに保存したり、写真を撮ったりしないでください。",
    "新しい復旧シートを作ると、この用紙のコードは使えなくなります。その時はこの用紙をシュレッダーにかけてください。",
)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break Japanese text (no spaces between words) into lines no wider than ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for ch in text:
        if line and stringWidth(line + ch, font, size) > width and ch not in "、。）」":  # no 句読点 at a line start
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def write_recovery_sheet(target: Path, *, association: str, code: str, register_file: str,
                         issued: datetime) -> Path:
    """Write the sheet as a one-page A4 PDF (written to a temporary name, then renamed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from kyodo_desktop.export.pdf import font_chain
    from kyodo_desktop.models.errors import RegisterError

    font = register_fonts()
    chain = font_chain("gothic")
    missing = chain.missing(association + register_file)
    if missing:
        raise RegisterError(f"次の文字を印刷できるフォントがありません: {'、'.join(missing)}（町会名・ファイル名を確かめてください）")
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{association} 復旧シート")
    c.setAuthor("協働デスク")
    width, height = A4
    x = 20 * mm
    y = height - 30 * mm
    c.setFont(font, 22)
    c.drawString(x, y, "協働デスク　台帳の復旧シート")
    y -= 14 * mm
    c.setFont(font, 13)
    for label, value in (("町会", association), ("台帳ファイル", register_file),
                         ("発行日", f"{to_wareki(issued.date())}（{issued:%Y-%m-%d}）")):
        chain.draw(c, x, y, f"{label}：{value}", 13)  # names may need a fallback font (𠮷)
        y -= 8 * mm
    y -= 6 * mm
    c.setFont(font, 12)
    c.drawString(x, y, "復旧コード")
    y -= 16 * mm
    c.setLineWidth(1.5)
    c.rect(x - 4 * mm, y - 6 * mm, width - 2 * x + 8 * mm, 20 * mm)
    c.setFont("Courier-Bold", 24)
    c.drawCentredString(width / 2, y, code)
    y -= 24 * mm
    c.setFont(font, 10.5)
    text_width = width - 2 * x
    for paragraph in ("".join(EXPLANATION), "",
                      "使い方：協働デスクのログイン画面で「パスワードを全員忘れたとき（復旧コードで開く）」を選び、"
                      "上のコードを入力します。数字の0と英字のO、1とI・Lは区別しなくても受け付けます。ハイフンは省略できます。"):
        for line in wrap(paragraph, font, 10.5, text_width) or [""]:
            c.drawString(x, y, line)
            y -= 6.5 * mm
    y -= 12 * mm
    c.drawString(x, y, "保管場所：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　　保管者：＿＿＿＿＿＿＿＿＿＿＿＿")
    c.showPage()
    c.save()
    os.replace(tmp, target)
    return target
