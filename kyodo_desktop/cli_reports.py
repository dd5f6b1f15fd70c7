"""`kyodo report` (the yearly report package) and `kyodo report-form` (a city's own form and its
mapping, kept in the register): see add_parsers."""

from __future__ import annotations

import argparse
import json


def cmd_report(args: argparse.Namespace) -> int:
    """The workbook and the PDF of a 年度 into a folder; the fields still empty are named."""
    import sys
    from datetime import date

    from kyodo_desktop.cli import EXIT_OK, _cli_date, _open
    from kyodo_desktop.export.yearly_report import report_package
    from kyodo_desktop.models.yearly_report import collect, problems

    reg = _open(args)
    try:
        as_of_text = _cli_date(args.as_of, "--as-of")
        as_of = date.fromisoformat(as_of_text) if as_of_text else None
        xlsx, pdf = report_package(reg, args.output, fiscal_year=args.year, as_of=as_of, form_id=args.form)
        data = collect(reg, args.year, as_of=as_of)
    finally:
        reg.close(backup=False)
    print(f"書き出しました: {xlsx}")
    print(f"書き出しました: {pdf}")
    for note in data.notes:
        print(f"kyodo: 注意: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps({"xlsx": str(xlsx), "pdf": str(pdf), "missing": [f.key for f in data.missing()],
                          "problems": problems(data)}, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_report_form(args: argparse.Namespace) -> int:
    """list / add / export / remove the saved forms."""
    import sys

    from kyodo_desktop.cli import EXIT_OK, _open, _refuse_existing
    from kyodo_desktop.models import report_forms as rf
    from kyodo_desktop.models.errors import RegisterError

    reg = _open(args, read_only=args.action in ("list", "export"))
    try:
        if args.action == "list":
            forms = rf.list_forms(reg, include_retired=args.all)
            if args.json:
                print(json.dumps([{"id": f.id, "name": f.name, "form": f.form_filename, "fields": len(f.mapping.fields),
                                   "tables": sorted(f.mapping.tables), "retired_on": f.retired_on} for f in forms],
                                 ensure_ascii=False, indent=2))
            elif not forms:
                print("登録された様式はありません（標準様式で書き出します）。")
            else:
                for f in forms:
                    state = f"（{f.retired_on}から使っていません）" if f.retired_on else ""
                    print(f"  {f.name}\t{f.form_filename}\t項目 {len(f.mapping.fields)}・表 {len(f.mapping.tables)}{state}")
        elif args.action == "add":
            if args.mapping and args.guess:
                raise RegisterError("--mapping と --guess は、どちらか一つを指定してください。")
            if args.mapping:
                mapping = rf.import_mapping(args.mapping)
            elif args.guess:
                guess = rf.guess_mapping(args.form, mapping_name=args.name)
                mapping = guess.mapping
                if guess.not_found:
                    from kyodo_desktop.models.report_fields import FIELD_BY_KEY

                    print("kyodo: 注意: 見つからなかった項目（様式に書き込みません）: "
                          + "、".join(FIELD_BY_KEY[k].label for k in guess.not_found), file=sys.stderr)
            else:
                raise RegisterError("項目とセルの対応を --mapping 対応表.json で渡すか、--guess で様式から推測してください。")
            fid, found = rf.save_form(reg, args.name, mapping, form=args.form, notes=args.notes or "")
            for p in found:
                print(f"kyodo: 注意: {p}", file=sys.stderr)
            saved = rf.get_form(reg, fid)
            print(f"様式「{saved.name}」を登録しました（項目 {len(saved.mapping.fields)}・表 {len(saved.mapping.tables)}）。")
        elif args.action == "export":
            out = _refuse_existing(args.output)
            rf.export_mapping(rf.get_form(reg, args.name).mapping, out)
            print(f"書き出しました: {out}")
        else:  # remove
            rf.retire_form(reg, args.name)
            print(f"様式「{args.name}」を使わなくしました（登録は残ります）。")
    finally:
        reg.close(backup=args.action in ("add", "remove"))
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction, login: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the `kyodo` parser (called by cli.build_parser)."""
    from kyodo_desktop.cli import _Parser

    p = sub.add_parser("report", parents=[login], help="年次報告（Excel と PDF）を書き出す")
    p.add_argument("register")
    p.add_argument("year", type=int, help="年度（西暦。例: 2025 = 令和7年度）")
    p.add_argument("-o", "--output", required=True, help="保存先のフォルダー")
    p.add_argument("--as-of", help="世帯数・人数を数える日（既定: 年度末、年度中は今日）")
    p.add_argument("--form", help="登録した市の様式の名前（既定: 標準様式）")
    p.add_argument("--json", action="store_true", help="結果を JSON でも表示する")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("report-form", help="年次報告の様式（市・校下の Excel）の登録・一覧・対応表の書き出し")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("list", parents=[login], help="登録した様式の一覧")
    a.add_argument("--all", action="store_true", help="使わなくした様式も")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("add", parents=[login], help="様式を登録する（同じ名前なら登録し直す）")
    a.add_argument("name", help="様式の名前（例: 金沢市 町会実態報告書）")
    a.add_argument("form", help="様式の Excel ファイル（.xlsx）")
    a.add_argument("--mapping", help="項目とセルの対応表（JSON）")
    a.add_argument("--guess", action="store_true", help="様式の見出しから対応を推測する")
    a.add_argument("--notes", help="メモ")
    a = actions.add_parser("export", parents=[login], help="対応表を JSON に書き出す（校下に渡すため）")
    a.add_argument("name")
    a.add_argument("-o", "--output", required=True)
    a = actions.add_parser("remove", parents=[login], help="様式を使わなくする")
    a.add_argument("name")
    p.set_defaults(func=cmd_report_form)
