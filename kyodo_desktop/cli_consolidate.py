"""`kyodo consolidate` and `kyodo consolidate-demo`: the 校下 / city side, without a register.

``kyodo consolidate OUT.xlsx INPUT... [--year YEAR] [--mapping MAPPING.json ...] [--workers N] [--force]``
reads every report workbook named or found in the folders and writes the summary workbook. The
exit code is 0 when the summary was written — the reports' problems are in it, listed, not a
failure of the command — and 1 with a message when it could not be (OUT exists, its folder is
missing, nothing to read, a mapping that cannot be read).

``kyodo consolidate-demo FOLDER [-n 1346] [--year YEAR] [--seed N] [--no-faults]`` writes a demo
city's worth of report workbooks to try it on.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kyodo_desktop.models.errors import RegisterError


def add_parsers(sub: argparse._SubParsersAction, login: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the `kyodo` parser (called by cli.build_parser)."""
    del login  # these commands open no register
    p = sub.add_parser("consolidate", help="校下・市: 町会の年次報告（Excel）を集めて点検し、集計表を作る")
    p.add_argument("output", metavar="OUT.xlsx", help="集計表の保存先（.xlsx）")
    p.add_argument("inputs", metavar="INPUT", nargs="+", help="報告のブック、またはそれを入れたフォルダー（中のフォルダーも読みます）")
    p.add_argument("--year", type=int, help="集計する年度（西暦。例: 2025 = 令和7年度）。違う年度の報告はエラーにします")
    p.add_argument("--mapping", action="append", default=[], metavar="MAPPING.json",
                   help="市などの様式の対応表（くり返し指定可。標準様式はいつも読みます）")
    p.add_argument("--workers", type=int, help="同時に読むプロセスの数（既定: CPUの数）")
    p.add_argument("--force", action="store_true", help="OUT がすでにあれば上書きする")
    p.set_defaults(func=cmd_consolidate)

    p = sub.add_parser("consolidate-demo", help="集計を試すための年次報告のブックを作る（架空の町会）")
    p.add_argument("folder", help="作る先のフォルダー（空か、まだないフォルダー）")
    p.add_argument("-n", type=int, default=1346, help="町会の数（既定: 1346）")
    p.add_argument("--year", type=int, default=2025, help="年度（西暦。既定: 2025）")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-faults", action="store_true", help="壊れたファイルや誤りのある報告を混ぜない")
    p.set_defaults(func=cmd_consolidate_demo)


def _check_year(year: int | None) -> None:
    if year is not None and not 1900 <= year <= 2200:
        raise RegisterError(f"--year は西暦の年度で指定してください（例: 2025 = 令和7年度）: {year}")


def cmd_consolidate(args: argparse.Namespace) -> int:
    from kyodo_desktop.export.consolidate_xlsx import save_summary
    from kyodo_desktop.models.consolidate import SKIPPED, UNREADABLE, consolidate

    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise RegisterError(f"集計表は .xlsx で保存します: {out}")
    if out.exists() and not args.force:
        raise RegisterError(f"{out} はすでにあります。上書きするときは --force を付けてください。")
    if not out.parent.is_dir():
        raise RegisterError(f"集計表の保存先のフォルダーがありません: {out.parent}")
    if args.workers is not None and not 1 <= args.workers <= 61:
        raise RegisterError("--workers は 1〜61 で指定してください。")
    _check_year(args.year)
    from kyodo_desktop.models.consolidate import load_mappings

    mappings = load_mappings(args.mapping)
    started = time.perf_counter()
    try:
        result = consolidate(args.inputs, fiscal_year=args.year, mappings=mappings, workers=args.workers,
                             exclude=[out, out.with_name(out.name + ".part")])
        save_summary(result, out)
    except OSError as exc:
        raise RegisterError(f"集計できませんでした（{exc.strerror or exc}）") from None
    seconds = time.perf_counter() - started
    read = [f for f in result.files if f.status == "read"]
    unreadable = result.with_status(UNREADABLE)
    skipped = result.with_status(SKIPPED)
    grand = result.grand_total()
    districts = len(result.district_totals())
    print(f"集計表を保存しました: {out}")
    print(f"  ファイル {len(result.files):,}件: 読めた {len(read):,}件（うちエラーあり {len(result.with_errors):,}件）、"
          f"読めなかった {len(unreadable):,}件、読まなかった {len(skipped):,}件")
    print(f"  合計に含めた町会: {grand.associations:,}（校下 {districts}）　加入世帯 {grand.sums['member_households']:,}"
          f"　会員 {grand.sums['persons']:,}人")
    print(f"  時間: {seconds:.1f}秒（{result.workers}プロセス）")
    if result.mixed_years():
        print(f"注意: {result.mixed_years()}（--year 2025 など）")
    for title, files in (("読めなかったファイル", unreadable), ("エラーのある報告", result.with_errors)):
        if files:
            print(f"{title}（詳しくは集計表の「{'読めなかったファイル' if files is unreadable else '問題'}」シート）:")
            for f in files[:10]:
                why = f.reason if files is unreadable else next(p.text() for p in f.problems if p.severity == "エラー")
                print(f"  {f.name}: {why}")
            if len(files) > 10:
                print(f"  ほか {len(files) - 10:,}件")
    return 0


def cmd_consolidate_demo(args: argparse.Namespace) -> int:
    from kyodo_desktop.export.demo_reports import generate_reports

    folder = Path(args.folder)
    if not 1 <= args.n <= 100_000:
        raise RegisterError("-n は 1〜100,000 で指定してください。")
    _check_year(args.year)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RegisterError(f"{folder} は空のフォルダーではありません。新しいフォルダーを指定してください。")
    started = time.perf_counter()
    try:
        paths = generate_reports(folder, args.n, seed=args.seed, fiscal_year=args.year, faults=not args.no_faults)
    except OSError as exc:
        raise RegisterError(f"デモの報告を作れませんでした（{exc.strerror or exc}）: {folder}") from None
    print(f"デモの年次報告 {len(paths):,}ファイルを作りました: {folder}（{time.perf_counter() - started:.1f}秒）")
    return 0
