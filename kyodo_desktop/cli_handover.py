"""`kyodo handover`: the yearly hand-over (年度替わり・引継ぎ) from the command line — the same
model as the program's wizard (``models/handover.py``): the proposal is printed as the list of
changes; ``--apply`` makes them (all or nothing); ``--package FOLDER`` writes the package."""

from __future__ import annotations

import argparse
import sys


def add_parsers(sub: argparse._SubParsersAction, login: argparse.ArgumentParser) -> None:
    p = sub.add_parser("handover", parents=[login],
                       help="年度替わり・引継ぎ: 役員・班長・会計の切り替え（--apply で実行）と引継ぎの書類")
    p.add_argument("register")
    p.add_argument("year", type=int, help="新しい年度（西暦。例: 2027 = 令和9年度）")
    p.add_argument("--apply", action="store_true", help="表示した変更を実行する（指定しなければ表示だけ）")
    p.add_argument("--close", action="append", metavar="口座=残高",
                   help="前の年度の帳簿を、実際の残高で締める（例: 現金=12000。口座ごとにくり返す）")
    p.add_argument("--no-dues", action="store_true", help="新しい年度の会費を割り当てない")
    p.add_argument("--package", metavar="FOLDER", help="引継ぎの書類（台帳のコピー・チェックリスト）を作るフォルダー")
    p.add_argument("--new-recovery-code", action="store_true", help="復旧コードを新しくして復旧シートも作る")
    p.set_defaults(func=cmd_handover)


def cmd_handover(args: argparse.Namespace) -> int:
    from kyodo_desktop.cli import EXIT_ERROR, EXIT_OK, _open
    from kyodo_desktop.models import handover as ho

    reg = _open(args, read_only=not (args.apply or args.package))
    try:
        plan = ho.propose(reg, args.year)
        if args.close:
            counted: dict[str, int] = {}
            for item in args.close:
                name, _, value = item.partition("=")
                if not value.strip().replace(",", "").isdigit():
                    print(f"kyodo: --close {item}: 「口座=残高（円）」の形で指定してください。", file=sys.stderr)
                    return EXIT_ERROR
                counted[name.strip()] = int(value.strip().replace(",", ""))
            plan.close_books = counted
        plan.assess_dues = not args.no_dues
        for note in plan.notes:
            print(f"注意: {note}")
        for line in ho.describe(reg, plan):
            print(line)
        problems = ho.check(reg, plan)
        for p in problems:
            print(f"直すこと: {p}")
        if args.apply:
            if problems:
                print("kyodo: 直すことがあるため、何も変えていません。", file=sys.stderr)
                return EXIT_ERROR
            reg.backup("handover")
            result = ho.apply(reg, plan)
            print(f"年度替わりを行いました（{len(result.changes)}項目、会費の割り当て {result.assessed}世帯）。")
        elif not problems:
            print("（表示だけです。実行するには --apply を付けてください）")
        if args.package:
            package = ho.write_package(reg, args.package, args.year, new_recovery_code=args.new_recovery_code)
            for path in (package.register_copy, package.checklist, package.recovery_sheet):
                if path is not None:
                    print(f"作りました: {path}")
    finally:
        reg.close(backup=bool(args.apply))
    return EXIT_OK
