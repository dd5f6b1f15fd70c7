"""Figure 19: one association's yearly report (年次報告, workbook + PDF) at 5,000 households.

`report_package(reg, folder, fiscal_year=…, record=False)` — collect() from the register, the default
workbook filled through its mapping, the A4 PDF of five sections — against a raw baseline in the
same run: the counts by 班 with plain SQL on the same (sqlcipher3) connection, openpyxl's
write-only mode writing the same cells and table rows, and plain reportlab drawing the same lines
with `drawString` in the same embedded font. Target (issue): within 2 s. Never asserted in tests.

Registered in bench/run.py as figure 19 by the lead; runnable alone for a check:

    uv run python bench/fig_report.py            # builds a 5,000-household demo register first
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as R  # noqa: E402 - bench/run.py: Ctx, ROWS, median_time, …

FY = R.TODAY.year if R.TODAY.month >= 4 else R.TODAY.year - 1


def raw_counts(conn) -> list[tuple]:  # noqa: ANN001 - an sqlcipher3 connection
    """The 班 table with plain SQL: households by status (as they stand) and persons of member households."""
    return conn.execute(
        "SELECT b.name, sum(h.status = '加入'), sum(h.status = '非加入'), "
        "(SELECT count(*) FROM persons p JOIN households x ON x.id = p.household_id "
        " WHERE x.block_id = b.id AND x.status = '加入' AND p.status = '在籍') "
        "FROM blocks b LEFT JOIN households h ON h.block_id = b.id GROUP BY b.id ORDER BY b.sort_order").fetchall()


def raw_xlsx(target: Path, cells: list[tuple[str, str, object]], tables: list[tuple[str, list[list[object]]]]) -> None:
    """openpyxl write-only: the scalar cells (one sheet) and each table's rows (a sheet each)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("概要")
    for _sheet, label, value in cells:
        ws.append([label, value])
    for name, rows in tables:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(target)


def raw_pdf(target: Path, font: str, lines: list[list[str]]) -> None:
    """reportlab, no layout: each line's cells with drawString, 40 lines a page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(target), pagesize=A4, invariant=True)
    width, height = A4
    y = height - 20 * mm
    for n, line in enumerate(lines):
        if n and n % 40 == 0:
            c.showPage()
            y = height - 20 * mm
        c.setFont(font, 10)
        step = (width - 36 * mm) / max(len(line), 1)
        for k, text in enumerate(line):
            c.drawString(18 * mm + k * step, y, text)
        y -= 6.5 * mm
    c.showPage()
    c.save()


def fig_yearly_report(ctx: R.Ctx) -> None:
    """19. The yearly report package of the 5k register (workbook + PDF) vs raw libraries."""
    from kyodo_desktop.export.pdf import font_chain
    from kyodo_desktop.export.yearly_report import report_package
    from kyodo_desktop.models.report_fields import FIELD_BY_KEY, TABLES
    from kyodo_desktop.models.yearly_report import collect

    R.ensure_small(ctx)
    assert ctx.small is not None
    out = ctx.tmp / "yearly"
    out.mkdir(exist_ok=True)
    counter = iter(range(10_000))
    reg = R.open_register(ctx.small, ctx, read_only=True)
    try:
        data = collect(reg, FY)
        folders: list[Path] = []

        def fresh() -> None:  # the package never overwrites: a new folder for each run (untimed)
            folders.append(out / str(next(counter)))
            folders[-1].mkdir()

        def ours() -> None:
            report_package(reg, folders[-1], fiscal_year=FY, record=False)

        fresh()
        xlsx, pdf = report_package(reg, folders[-1], fiscal_year=FY, record=False)  # warm-up: imports, fonts
        pages = R.pdf_pages(pdf)
        chain = font_chain("gothic")
        cells = [("概要", FIELD_BY_KEY[k].label, v if not hasattr(v, "isoformat") else v.isoformat())
                 for k, v in data.values.items()]
        tables = [(TABLES[k][0], [[("" if v is None else v if not hasattr(v, "isoformat") else v.isoformat())
                                   for v in row.values()] for row in rows]) for k, rows in data.tables.items() if k in TABLES]
        lines = [[label, str(value)] for _s, label, value in cells] + [
            [str(v) for v in row] for _name, rows in tables for row in rows]
        conn = R.raw_conn(ctx, ctx.small)

        def base() -> None:
            raw_counts(conn)
            raw_xlsx(out / "raw.xlsx", cells, tables)
            raw_pdf(out / "raw.pdf", chain.main, lines)

        reps = 3 if ctx.quick else 5
        ours_t, base_t = R.interleaved([ours, base], reps, warmup=1, prepare=[fresh, None])
        collect_t = R.median_time(lambda: collect(reg, FY), reps)
        conn.close()
    finally:
        reg.close(backup=False)
    rows = {k: len(v) for k, v in data.tables.items()}
    R.ROWS.append(R.Row(
        f"19. 年次報告 (workbook + PDF), {R.SMALL_HOUSEHOLDS:,} households, {R.cell(str(FY))}年度: "
        f"`report_package(reg, folder, fiscal_year={FY}, record=False)` — collect() ({R.ms(collect_t)}), the default "
        f"workbook through its mapping ({xlsx.stat().st_size / 1024:.0f} KB) and the A4 PDF ({pages} pages); "
        f"{rows.get('blocks', 0)} 班, {rows.get('events', 0)} events, {rows.get('settlement', 0)} 決算 lines, "
        f"{rows.get('issues', 0)} issues; median of {reps}",
        R.ms(ours_t),
        f"{R.ms(base_t)} (plain SQL counts by 班 + openpyxl write-only of the same cells and rows + reportlab "
        f"drawString of the same {len(lines)} lines in the same font)",
        R.ratio(ours_t, base_t), "< 2 s", R.verdict(ours_t < 2.0),
    ))


def main() -> int:
    import os

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    tmp = Path(tempfile.mkdtemp(prefix="kyodo-bench-report-"))
    ctx = R.Ctx(tmp, quick=True)
    os.environ["KYODO_HOME"] = str(ctx.home)
    try:
        from kyodo_desktop import paths

        paths.set_base_dir(ctx.home)
        R.guarded("19. yearly report 5k", lambda: fig_yearly_report(ctx))
    finally:
        R.paths_reset()
        shutil.rmtree(tmp, ignore_errors=True)
    print(R.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
