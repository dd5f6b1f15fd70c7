"""「活動のまとめ」: the dashboard's figures on one A4 page (PDF) and as an Excel sheet (Qt-free).

For the 総会 or a 回覧: headline numbers and small bar charts, counts only (no one's name), with
the purpose-of-use footer. The charts are laid out once by :func:`layout_chart` into plain
shapes (boxes, text, rules) that this module draws with reportlab and ``ui/dashboard.py`` paints
with Qt, so the paper and the screen show the same charts. Both files are written to a
temporary file and put in place at the end; each is recorded in the audit log as an output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kyodo_desktop.models import dashboard as dash
from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import to_wareki

if TYPE_CHECKING:  # the writers import what they need when called: the home page loads only the layout
    from kyodo_desktop.export.documents import PrintResult
    from kyodo_desktop.models.register import Register

# -- chart layout (shared with the dashboard) -------------------------------------------------------

Color = tuple[int, int, int]
INK: Color = (0, 0, 0)
MUTED: Color = (70, 70, 70)
AXIS: Color = (110, 110, 110)
#: dark blue and orange: told apart by people with the common colour-vision differences, and in grey
SERIES: tuple[Color, ...] = ((31, 78, 153), (214, 93, 14))
ON_BAR: Color = (255, 255, 255)
EMPTY_TEXT = "まだ記録がありません"

#: (width, size) → text width; a font chain's ``width`` or Qt's font metrics
Measure = Callable[[str, float], float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # top (y grows downwards, from the chart's top-left corner)
    w: float
    h: float
    color: Color


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    align: str = "left"  # left / right / center: where x is
    color: Color = INK
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color = AXIS
    width: float = 1.0


Shape = Box | Text | Rule


def fit_text(measure: Measure, text: str, size: float, width: float, smallest: float) -> tuple[str, float]:
    """``text`` at the largest size up to ``size`` (not below ``smallest``) that fits ``width``,
    cut with 「…」 if it does not fit even then."""
    if width <= 0:
        return "", size
    w = measure(text, size)
    if w <= width:
        return text, size
    s = max(smallest, size * width / w * 0.999)
    if measure(text, s) <= width:
        return text, s
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid] + "…", s) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…", s


def wrap_text(measure: Measure, text: str, size: float, width: float, lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``width`` (character by character, as
    Japanese is written); the last line is cut with 「…」 if the text is longer."""
    out: list[str] = []
    rest = text
    while rest and len(out) < lines:
        if measure(rest, size) <= width:
            out.append(rest)
            rest = ""
            break
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if measure(rest[:mid], size) <= width:
                lo = mid
            else:
                hi = mid - 1
        out.append(rest[:lo])
        rest = rest[lo:]
    if rest and out:
        out[-1] = fit_text(measure, out[-1] + rest, size, width, size)[0]
    return out


def chart_height(chart: dash.Chart, size: float, width: float | None = None) -> float:
    """The height a chart needs to be read with labels of ``size``."""
    head = size * 1.25 * 1.6 + (size * 1.5 if len(chart.series) > 1 and chart.kind != "pyramid" else 0)
    note = size * 0.9 * 1.3 * 2 + size * 0.3 if chart.note else 0
    n = max(len(chart.labels), 1)
    if chart.empty():
        body = size * 4
    elif chart.kind == "hbar":
        body = n * size * (1.7 if len(chart.series) == 1 else 2.5)
    elif chart.kind == "pyramid":
        body = size * 1.6 + n * size * 1.55
    else:
        lines = max(label.count("\n") + 1 for label in chart.labels)
        body = size * 9 + lines * size * 1.25
    return head + body + note


def layout_chart(chart: dash.Chart, width: float, height: float, measure: Measure, *, size: float) -> list[Shape]:
    """The shapes that draw ``chart`` in a ``width`` × ``height`` box with labels of ``size``
    (title 1.25×); text shrinks (down to 0.75×) or is cut rather than run into its neighbour."""
    shapes: list[Shape] = []
    smallest = size * 0.75
    title_size = size * 1.25
    legend = len(chart.series) > 1 and chart.kind != "pyramid"
    legend_w = 0.0
    if legend:
        legend_w = sum(size * 1.4 + measure(s.name, size) for s in chart.series) + size * 0.8
    title_room = width - (legend_w + size if legend and legend_w < width * 0.45 else 0)
    title, ts = fit_text(measure, chart.title, title_size, title_room, size)
    shapes.append(Text(0, ts, title, ts, bold=True))
    top = title_size * 1.6
    if legend:
        if legend_w < width * 0.45 and title_room >= measure(title, ts):
            x, y = width - legend_w + size * 0.8, ts
        else:
            x, y = 0.0, top + size
            top += size * 1.5
        for n, s in enumerate(chart.series):
            shapes.append(Box(x, y - size * 0.8, size * 0.9, size * 0.9, SERIES[n % len(SERIES)]))
            shapes.append(Text(x + size * 1.15, y, s.name, size))
            x += size * 1.4 + measure(s.name, size)
    bottom = height
    if chart.note:
        note_size = size * 0.9
        lines = wrap_text(measure, chart.note, note_size, width, 2)
        bottom -= note_size * 1.3 * len(lines) + size * 0.3
        for n, line in enumerate(lines):
            shapes.append(Text(0, bottom + size * 0.3 + note_size * (1.3 * n + 1), line, note_size, color=MUTED))
    if chart.empty():
        shapes.append(Text(width / 2, (top + bottom) / 2 + size * 0.35, EMPTY_TEXT, size, "center", MUTED))
        return shapes
    if chart.kind == "hbar":
        shapes += _hbar(chart, width, top, bottom, measure, size, smallest)
    elif chart.kind == "pyramid":
        shapes += _pyramid(chart, width, top, bottom, measure, size, smallest)
    else:
        shapes += _vbar(chart, width, top, bottom, measure, size, smallest)
    return shapes


def _hbar(chart: dash.Chart, width: float, top: float, bottom: float, measure: Measure, size: float,
          smallest: float) -> list[Shape]:
    out: list[Shape] = []
    n, k = len(chart.labels), len(chart.series)
    row_h = (bottom - top) / n
    s = max(smallest, min(size, row_h / (1.6 if k == 1 else 2.6)))
    label_w = min(max(measure(label, s) for label in chart.labels), width * 0.45)
    texts = [chart.text(v) for series in chart.series for v in series.values]
    value_w = max(measure(t, s) for t in texts)
    gap = s * 0.5
    x0 = label_w + gap
    room = max(width - x0 - gap - value_w, 1.0)
    top_value = max((v or 0) for series in chart.series for v in series.values) or 1
    for i, label in enumerate(chart.labels):
        y0 = top + i * row_h
        text, ls = fit_text(measure, label, s, label_w, smallest)
        out.append(Text(label_w, y0 + row_h / 2 + ls * 0.35, text, ls, "right"))
        bar_h = row_h * (0.62 if k == 1 else 0.40)
        for j, series in enumerate(chart.series):
            v = series.values[i]
            by = y0 + (row_h - bar_h) / 2 if k == 1 else y0 + row_h * (0.08 + 0.46 * j)
            length = room * (v or 0) / top_value
            if length > 0:
                out.append(Box(x0, by, max(length, 1.0), bar_h, SERIES[j % len(SERIES)]))
            vs = min(s, max(smallest, bar_h * 1.1))
            out.append(Text(x0 + length + gap, by + bar_h / 2 + vs * 0.35, chart.text(v), vs,
                            color=INK if v is not None else MUTED))
    out.append(Rule(x0, top, x0, bottom))
    return out


def _vbar(chart: dash.Chart, width: float, top: float, bottom: float, measure: Measure, size: float,
          smallest: float) -> list[Shape]:
    out: list[Shape] = []
    n, k = len(chart.labels), len(chart.series)
    col_w = width / n
    lines = max(label.count("\n") + 1 for label in chart.labels)
    ls = size
    for label in chart.labels:
        for line in label.split("\n"):
            w = measure(line, size)
            if w > col_w * 0.96:
                ls = min(ls, max(smallest, size * col_w * 0.96 / w))
    label_h = lines * ls * 1.25
    totals = [sum((series.values[i] or 0) for series in chart.series) if chart.stacked else None for i in range(n)]
    tops = [totals[i] if chart.stacked else max((series.values[i] or 0) for series in chart.series) for i in range(n)]
    value_texts = [chart.text(t) if chart.stacked else None for t in totals]
    vs = size
    for i in range(n):
        texts = [value_texts[i]] if chart.stacked else [chart.text(series.values[i]) for series in chart.series]
        for t in texts:
            w = measure(t or "", size)
            room = col_w * (0.88 if chart.stacked or k == 1 else 0.44)
            if w > room:
                vs = min(vs, max(smallest, size * room / w))
    base = bottom - label_h - size * 0.3
    plot_top = top + vs * 1.4
    height = max(base - plot_top, 1.0)
    top_value = max(tops) or 1
    if chart.unit == "%":
        top_value = max(top_value, 100.0)
    for i, label in enumerate(chart.labels):
        cx = col_w * (i + 0.5)
        for n_line, line in enumerate(label.split("\n")):
            text, s = fit_text(measure, line, ls, col_w * 0.98, smallest)
            out.append(Text(cx, base + size * 0.3 + ls * (1.0 + 1.25 * n_line), text, s, "center",
                            INK if n_line == 0 else MUTED))
        if chart.stacked:
            bar_w = col_w * 0.62
            y = base
            for j, series in enumerate(chart.series):
                v = series.values[i] or 0
                h = height * v / top_value
                if h > 0:
                    out.append(Box(cx - bar_w / 2, y - h, bar_w, h, SERIES[j % len(SERIES)]))
                    inner = f"{int(v):,}"  # inside its colour: the number alone (the total above has the unit)
                    isz = min(vs, size * 0.9)
                    if h >= isz * 1.25 and measure(inner, isz) <= bar_w * 0.95:
                        out.append(Text(cx, y - h / 2 + isz * 0.35, inner, isz, "center", ON_BAR))
                y -= h
            out.append(Text(cx, y - vs * 0.35, value_texts[i] or "", vs, "center", bold=True))
            continue
        bar_w = col_w * (0.62 if k == 1 else 0.40)
        for j, series in enumerate(chart.series):
            v = series.values[i]
            x = cx - bar_w / 2 if k == 1 else cx - bar_w + j * bar_w
            bx = x + bar_w / 2
            if v is None:
                out.append(Text(bx, base - vs * 0.4, "—", vs, "center", MUTED))
                continue
            h = height * v / top_value
            if h > 0:
                out.append(Box(x, base - h, bar_w, h, SERIES[j % len(SERIES)]))
            out.append(Text(bx, base - h - vs * 0.35, chart.text(v), vs, "center", bold=True))
    out.append(Rule(0, base, width, base))
    return out


def _pyramid(chart: dash.Chart, width: float, top: float, bottom: float, measure: Measure, size: float,
             smallest: float) -> list[Shape]:
    out: list[Shape] = []
    left, right = chart.series[0], chart.series[1]
    head = size * 1.6
    out.append(Text(0, top + size, left.name, size, color=SERIES[0], bold=True))
    out.append(Text(width, top + size, right.name, size, "right", SERIES[1], bold=True))
    top += head
    n = len(chart.labels)
    row_h = (bottom - top) / n
    s = max(smallest, min(size, row_h / 1.45))
    center_w = max(measure(label, s) for label in chart.labels) + s
    cx0, cx1 = (width - center_w) / 2, (width + center_w) / 2
    value_w = max(measure(chart.text(v), s) for series in (left, right) for v in series.values)
    gap = s * 0.4
    room = max(cx0 - value_w - gap * 2, 1.0)
    top_value = max((v or 0) for series in (left, right) for v in series.values) or 1
    for i, label in enumerate(chart.labels):
        y0 = top + i * row_h
        bar_h = row_h * 0.72
        by = y0 + (row_h - bar_h) / 2
        baseline = y0 + row_h / 2 + s * 0.35
        out.append(Text(width / 2, baseline, label, s, "center"))
        lv, rv = left.values[i] or 0, right.values[i] or 0
        lw, rw = room * lv / top_value, room * rv / top_value
        if lw > 0:
            out.append(Box(cx0 - gap / 2 - lw, by, lw, bar_h, SERIES[0]))
        if rw > 0:
            out.append(Box(cx1 + gap / 2, by, rw, bar_h, SERIES[1]))
        out.append(Text(cx0 - gap / 2 - lw - gap, baseline, chart.text(left.values[i]), s, "right"))
        out.append(Text(cx1 + gap / 2 + rw + gap, baseline, chart.text(right.values[i]), s))
    return out


# -- the one-page PDF -----------------------------------------------------------------------------------

#: the charts on the page: (key, height in mm) for the left and the right column
PDF_COLUMNS = (
    (("pyramid", 58), ("membership", 48), ("months", 46), ("new_returning", 48)),
    (("events", 56), ("participants_by_band", 34), ("helpers_by_band", 40), ("officers", 46), ("issues", 26)),
)
PDF_LABEL_SIZE = 8.0
COUNTS_ONLY = "この資料は町会の活動をお知らせするためのもので、人数などの数だけを載せています（個人が分かる情報は載せていません）。"


def _period(fig: dash.Figures) -> str:
    start, end, as_of = (date.fromisoformat(x) for x in (fig.start, fig.end, fig.as_of))
    text = f"{to_wareki(start)}〜{to_wareki(end)}"
    if as_of < end:
        text += f"（{to_wareki(as_of)}現在）"
    return text


def write_activity_summary(reg: Register, target: Path, *, fiscal_year: int, record: bool = True,
                           progress: Any = None) -> PrintResult:
    """「活動のまとめ（令和8年度）」 on one A4 page: headline numbers, eight charts, the figures'
    notes and the purpose-of-use footer. Counts only, so it can go round as a 回覧."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from kyodo_desktop.export.documents import PrintResult, _fit, _save, _tick
    from kyodo_desktop.export.pdf import font_chain
    from kyodo_desktop.models.households import get_association
    from kyodo_desktop.models.privacy import record_output

    reg.session.require("output", "活動のまとめを印刷する")
    fig = dash.figures(reg, fiscal_year)
    charts = {c.key: c for c in dash.charts(fig)}
    if fig.tenure:
        officers = charts["officers"]
        tenure = "・".join(f"{role}{years}年目" for role, years, _h in fig.tenure)
        charts["officers"] = dash.Chart(officers.key, officers.title, officers.kind, officers.labels, officers.series,
                                        officers.unit, officers.stacked, f"いまの役職の続いている年数: {tenure}")
    chain = font_chain("gothic")
    assoc = get_association(reg)
    width, height = A4
    left, right = 14 * mm, width - 14 * mm
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    title = f"活動のまとめ（{fig.label}）"
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} {title}")
    made = f"作成 {to_wareki(reg.today())}"
    chain.draw(c, left, height - 11 * mm, assoc["name"], 9)
    chain.draw(c, right - chain.width(made, 9), height - 11 * mm, made, 9)
    s = _fit(chain, title, 20, right - left)
    chain.draw(c, (width - chain.width(title, s)) / 2, height - 20 * mm, title, s)
    sub = f"{assoc['name']}{'（' + fig.scope + '）' if fig.scope else ''}　{_period(fig)}"
    s = _fit(chain, sub, 10, right - left)
    chain.draw(c, (width - chain.width(sub, s)) / 2, height - 26.5 * mm, sub, s)

    # headline numbers: two rows of five boxes
    items = dash.headlines(fig)
    gap = 2.5 * mm
    box_w = (right - left - 4 * gap) / 5
    box_h = 13 * mm
    y_top = height - 30 * mm
    c.setLineWidth(0.6)
    for n, (_key, label, value) in enumerate(items):
        x = left + (n % 5) * (box_w + gap)
        y = y_top - (n // 5) * (box_h + gap) - box_h
        c.setFillGray(0.94)
        c.setStrokeGray(0.55)
        c.rect(x, y, box_w, box_h, fill=1, stroke=1)
        c.setFillGray(0)
        ls = _fit(chain, label, 8.5, box_w - 3 * mm)
        chain.draw(c, x + 1.5 * mm, y + box_h - 4.2 * mm, label, ls)
        vs = _fit(chain, value, 15, box_w - 3 * mm)
        chain.draw(c, x + box_w - 1.5 * mm - chain.width(value, vs), y + 2.2 * mm, value, vs)

    # the charts, in two columns
    col_gap = 6 * mm
    col_w = (right - left - col_gap) / 2
    chart_top = y_top - 2 * box_h - gap - 4 * mm
    for col, entries in enumerate(PDF_COLUMNS):
        ox = left + col * (col_w + col_gap)
        y = chart_top
        for key, h_mm in entries:
            h = h_mm * mm
            _draw_shapes(c, chain, ox, y, layout_chart(charts[key], col_w, h, chain.width, size=PDF_LABEL_SIZE))
            y -= h + 3 * mm

    # notes and the purpose of use
    c.setStrokeGray(0.6)
    c.setLineWidth(0.5)
    c.line(left, 20 * mm, right, 20 * mm)
    c.setFillGray(0)
    y = 16.5 * mm
    foot = [*fig.notes[-1:], COUNTS_ONLY]
    if assoc.get("purpose_of_use"):
        foot.append("個人情報の利用目的: " + " ".join(str(assoc["purpose_of_use"]).split()))
    lines = [line for text in foot for line in wrap_text(chain.width, text, 7.5, right - left, 2)][:4]
    for line in lines:
        chain.draw(c, left, y, line, 7.5)
        y -= 3.4 * mm
    c.showPage()
    _tick(progress, 1, 1, tmp)
    _save(c, tmp, target)
    if record:  # the preview records only what is printed or saved
        record_output(reg, f"{title}（PDF）{target.name}", "OFFICER_INTERNAL", 0, action="print")
    return PrintResult(target, 1, 0, chain.warning)


def _draw_shapes(c: Any, chain: Any, ox: float, oy: float, shapes: list[Shape]) -> None:
    """Draw layout shapes with reportlab, (ox, oy) being the chart's top-left corner."""
    for shape in shapes:
        if isinstance(shape, Box):
            c.setFillColorRGB(*(v / 255 for v in shape.color))
            c.rect(ox + shape.x, oy - shape.y - shape.h, shape.w, shape.h, fill=1, stroke=0)
        elif isinstance(shape, Rule):
            c.setStrokeColorRGB(*(v / 255 for v in shape.color))
            c.setLineWidth(shape.width * 0.6)
            c.line(ox + shape.x1, oy - shape.y1, ox + shape.x2, oy - shape.y2)
        else:
            w = chain.width(shape.text, shape.size)
            x = ox + shape.x - (w if shape.align == "right" else w / 2 if shape.align == "center" else 0)
            c.setFillColorRGB(*(v / 255 for v in shape.color))
            chain.draw(c, x, oy - shape.y, shape.text, shape.size)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)


# -- the Excel sheet --------------------------------------------------------------------------------------


def write_activity_summary_xlsx(reg: Register, target: Path, *, fiscal_year: int, record: bool = True) -> Path:
    """The same figures on one print-ready sheet (A4 landscape, fit to width): the headline
    numbers, then each chart's numbers as a small table (every 班, where the chart shows some)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from kyodo_desktop.export.register_xlsx import (
        FORMULA_START,
        page_setup,
        save_workbook,
    )
    from kyodo_desktop.models.households import get_association
    from kyodo_desktop.models.privacy import record_output

    reg.session.require("output", "活動のまとめを書き出す")
    fig = dash.figures(reg, fiscal_year)
    assoc = get_association(reg)
    made = to_wareki(reg.today())
    title = f"活動のまとめ（{fig.label}）"
    wb = Workbook()
    ws = wb.active
    ws.title = "活動のまとめ"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 1

    def put(col: int, value: Any, *, fmt: str | None = None, font: Font | None = None, fill: Any = None,
            border: bool = False) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"  # text, never a formula
        if fmt:
            cell.number_format = fmt
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if border:
            cell.border = box
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.alignment = Alignment(horizontal="right")

    put(1, f"{assoc['name']}　{title}", font=Font(bold=True, size=14))
    row += 1
    put(1, f"期間: {_period(fig)}" + (f"　範囲: {fig.scope}" if fig.scope else ""))
    row += 1
    put(1, f"作成日: {made}")
    row += 2

    def table(heading: str, headers: list[str], rows: list[list[Any]], formats: dict[int, str] | None = None) -> None:
        nonlocal row
        put(1, heading, font=Font(bold=True, size=12))
        row += 1
        for col, h in enumerate(headers, start=1):
            put(col, h, font=bold, fill=head_fill, border=True)
        row += 1
        if not rows:
            put(1, EMPTY_TEXT)
            row += 1
        for values in rows:
            for col, v in enumerate(values, start=1):
                v, fmt = v if isinstance(v, tuple) else (v, (formats or {}).get(col))  # (value, its own format)
                put(col, v, fmt=fmt, border=True)
            row += 1
        row += 1

    rate = fig.membership_rate
    table("主な数字", ["項目", "数"], [
        ["世帯数", fig.households], ["加入世帯", fig.member_households],
        ["加入率（年度初め）", (rate / 100, "0.0%") if rate is not None else "未入力"], ["人数", fig.persons],
        ["65歳以上", fig.age_65_plus], ["75歳以上", fig.age_75_plus], ["行事（回）", fig.events_held],
        ["これからの行事（回）", fig.events_upcoming], ["中止した行事（回）", fig.events_cancelled],
        ["参加者（延べ）", fig.participants], ["うち人数だけ記録", fig.counted], ["名前のある参加者（人）", fig.named_people],
        ["担い手（人）", fig.helpers], ["担い手の登録（人）", fig.volunteers], ["初めて参加した人", fig.new_this_year],
        ["地域課題（取り組み中）", fig.open_issues],
    ], {2: "#,##0"})
    table(f"年齢と男女（{_wareki_iso(fig.as_of)}現在）", ["年代", "男性", "女性", "性別の記入なし"],
          [list(r) for r in fig.pyramid])
    table("班ごとの世帯数", ["班", "世帯数", "加入世帯", "加入率"],
          [[name, n, m, (m / n if n else None)] for name, n, m in fig.blocks], {4: "0.0%"})
    table("加入率の移り変わり（年度初め）", ["年度", "加入世帯", "区域内の世帯数", "加入率"],
          [[_fy(y), m, a if a is not None else "未入力", r / 100 if r is not None else "—"]
           for y, m, a, r in fig.membership], {4: "0.0%"})
    table(f"月ごとの行事と参加者（{fig.label}）", ["月", "行事（回）", "参加者（延べ）"], [list(r) for r in fig.months])
    table(f"参加者の多かった行事（{fig.label}）", ["日付", "行事", "参加者", "うち運営・講師"],
          [[_wareki_iso(d), t, p, h] for d, t, p, h in fig.top_events])
    table(f"年代別の参加者と担い手（{fig.label}）", ["年代", "参加者（延べ）", "担い手"],
          [[b, fig.participants_by_band[b], fig.helpers_by_band[b]] for b in schema.AGE_BANDS])
    table("初めて参加した人・続けて参加した人", ["年度", "初めて", "続けて"],
          [[_fy(y), n, r] for y, n, r in fig.new_returning])
    table(f"役員の年代（{fig.label}）", ["年代", "役員（班長を除く）", "班長"],
          [[b, *fig.officers_by_band[b]] for b in schema.AGE_BANDS])
    table("役職を続けている年数", ["役職", "続いている年数", "10年間の担当者数"], [list(r) for r in fig.tenure])
    table("地域課題（段階ごと）", ["段階", "件数"], [[s, fig.issues.get(s, 0)] for s in schema.ISSUE_STAGES])
    for note in [*fig.notes, COUNTS_ONLY]:
        put(1, note)
        row += 1

    for col, w in zip("ABCD", (34, 30, 18, 18), strict=True):
        ws.column_dimensions[col].width = w
    page_setup(ws, assoc["name"], made, footer=title)
    target = save_workbook(wb, target)
    if record:
        record_output(reg, f"{title}（Excel）{target.name}", "OFFICER_INTERNAL", 0)
    return target


def _fy(y: int) -> str:
    from kyodo_desktop.models.japanese import fiscal_year_label

    return fiscal_year_label(y)


def _wareki_iso(iso: str) -> str:
    return to_wareki(date.fromisoformat(iso))
