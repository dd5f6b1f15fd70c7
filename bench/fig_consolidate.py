"""Figure 20: `kyodo consolidate` over a city's worth of report workbooks.

    uv run python bench/fig_consolidate.py            # alone: 1,346 workbooks, prints the rows
    uv run python bench/fig_consolidate.py -n 200     # a quicker look

Generates Kanazawa's number of associations (1,346 in 62 校下, with the demo's faulty files) with
`demo_reports.generate_reports` (timed once, both cores), then times `consolidate` (read, check,
duplicates; a process pool over both cores; median of 3 after a warm-up) against a raw baseline
that only reads the same cells with python-calamine in one process (each file opened, the 概要 and
班別世帯数 sheets read, the mapped cells and the 班 rows picked; files it cannot open are passed
over). The CPU time of this process and its pool workers over one consolidation, divided by its
wall time, says how much of the two cores it used. `save_summary` is timed alongside.

Registered in bench/run.py as figure 20 (the lead imports :func:`fig_consolidate`); when run.py is
the main program, the rows go into its ``ROWS``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent
N_ASSOCIATIONS = 1346
TARGET = 60.0


def _run_module() -> ModuleType:
    """bench/run.py's helpers and ROWS: the running main program's own when it is run.py (so the
    rows land in the table it prints), else run.py imported."""
    main = sys.modules.get("__main__")
    if main is not None and hasattr(main, "ROWS") and hasattr(main, "median_time"):
        return main
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import run

    return run


def raw_read(paths: list[Path], cells: list[tuple[str, int, int]], table: tuple[str, int, list[int]]) -> int:
    """The baseline: python-calamine reading the same cells, one process, no checks. Returns the
    number of files it read."""
    from python_calamine import CalamineWorkbook

    sheet_t, first_row, cols = table
    read = 0
    for p in paths:
        try:
            book = CalamineWorkbook.from_path(str(p))
            names = set(book.sheet_names)
            sheets = {s: book.get_sheet_by_name(s).to_python(skip_empty_area=False)
                      for s in {c[0] for c in cells} | {sheet_t} if s in names}
        except Exception:  # noqa: BLE001 - the baseline passes over what it cannot open
            continue
        values = []
        for s, col, row in cells:
            rows = sheets.get(s) or []
            values.append(rows[row - 1][col - 1] if row <= len(rows) and col <= len(rows[row - 1]) else None)
        for line in (sheets.get(sheet_t) or [])[first_row - 1:]:
            if not line or line[cols[0] - 1] in ("", None):
                break
            values.extend(line[c - 1] if c <= len(line) else None for c in cols)
        read += 1
    return read


def fig_consolidate(ctx: Any, n: int = N_ASSOCIATIONS) -> None:
    """20. Consolidating 1,346 report workbooks vs python-calamine reading the same cells."""
    R = _run_module()
    from kyodo_desktop.export.consolidate_xlsx import save_summary
    from kyodo_desktop.export.demo_reports import generate_reports
    from kyodo_desktop.models.consolidate import consolidate
    from kyodo_desktop.models.report_fields import column_index, default_mapping, split_cell

    folder = Path(ctx.tmp) / "consolidate-reports"
    t0 = time.perf_counter()
    paths = generate_reports(folder, n, seed=0, fiscal_year=2025, faults=True)
    gen_t = time.perf_counter() - t0
    quick = getattr(ctx, "quick", False)
    reps = 3

    results: list = []
    ours_t = R.median_time(lambda: results.__setitem__(slice(None), [consolidate([folder], fiscal_year=2025)]), reps)
    result = results[-1]
    # CPU of this process and its (waited-for) pool workers over one more run, against its wall time
    c0, w0 = sum(os.times()[:4]), time.perf_counter()
    consolidate([folder], fiscal_year=2025)
    cores = (sum(os.times()[:4]) - c0) / (time.perf_counter() - w0)
    summary = Path(ctx.tmp) / "consolidate-summary.xlsx"
    save_t = R.median_time(lambda: save_summary(result, summary), 1 if quick else reps)

    m = default_mapping()
    cells = [(s, column_index(c), r) for s, c, r in (split_cell(ref) for ref in m.fields.values())]
    place = m.tables["blocks"]
    table = (place.sheet, place.first_row, [column_index(place.columns[k]) for k in place.columns])
    books = sorted(p for p in paths if p.suffix == ".xlsx")
    counted: list[int] = []
    base_t = R.median_time(lambda: counted.__setitem__(slice(None), [raw_read(books, cells, table)]), reps)

    grand = result.grand_total()
    r = ours_t / base_t
    R.ROWS.append(R.Row(
        f"20. Consolidation of {n:,} associations' report workbooks ({len(result.files):,} files with the demo's "
        f"faults: {len(result.accepted):,} added, {len(result.with_errors):,} with errors, "
        f"{len(result.with_status('unreadable')):,} unreadable, {len(result.with_status('skipped')):,} skipped): "
        f"`consolidate([folder], fiscal_year=2025)` on {result.workers} worker processes, median of {reps}; it used "
        f"{cores:.2f} cores (CPU time of this process and its workers ÷ wall time, one run). `save_summary` of the "
        f"result ({grand.associations:,} rows + totals per 校下) {R.secs(save_t)}",
        R.secs(ours_t),
        f"{R.secs(base_t)} (python-calamine in one process opening each .xlsx and reading the same cells: "
        f"{len(cells)} fields + the 班 table; {counted[0]:,} files read)",
        f"{r:.2f}×", f"< {TARGET:.0f} s", R.verdict(ours_t < TARGET),
    ))
    R.ROWS.append(R.Row(
        f"20b. Generating the {n:,} demo report workbooks (`demo_reports.generate_reports`, both cores), once",
        R.secs(gen_t), "", "", "info", R.verdict(None),
    ))


def main(argv: list[str] | None = None) -> int:
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=N_ASSOCIATIONS)
    args = parser.parse_args(argv)
    R = _run_module()
    tmp = Path(tempfile.mkdtemp(prefix="kyodo-bench-consolidate-"))

    class _Ctx:
        pass

    ctx = _Ctx()
    ctx.tmp, ctx.quick = tmp, False
    try:
        fig_consolidate(ctx, args.n)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(R.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
