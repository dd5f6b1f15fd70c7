"""`kyodo subsidy …`: 補助金 from the command line — the programs and their rules, the cases of a
年度, a new case, its next step, the grant for a cost, the 入金, and the 実績報告書 PDF. The same
functions as the program's windows (:mod:`kyodo_desktop.models.subsidies`)."""

from __future__ import annotations

import argparse
import json


def add_parsers(sub: argparse._SubParsersAction, login: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the `kyodo` parser (called by cli.build_parser)."""
    from kyodo_desktop.cli import _Parser

    p = sub.add_parser("subsidy", help="補助金: 制度の一覧・記録の一覧と作成・手続きを進める・補助額の計算・入金・実績報告書")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("programs", parents=[login], help="補助制度と、そのきまり（補助率・上限・端数）")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("list", parents=[login], help="補助金の記録の一覧と、期限を過ぎたもの")
    a.add_argument("--year", type=int, help="年度（西暦。例: 2026 = 令和8年度）")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("add", parents=[login], help="補助金の記録を作る")
    a.add_argument("program", help="補助制度の名前（kyodo subsidy … programs で確かめられます）")
    a.add_argument("--year", type=int, required=True, help="年度（西暦）")
    a.add_argument("--title", required=True, help="事業名")
    a.add_argument("--planned-cost", help="予定の経費（円）")
    a.add_argument("--units", help="数量（消火器の本数など）")
    a.add_argument("--work-on", help="作業日・実施日（除排雪の申請期限はこの日から数えます）")
    a.add_argument("--notes", help="備考")
    a = actions.add_parser("advance", parents=[login], help="手続きを次の段階に進める（とばすとき・戻すときは理由を）")
    a.add_argument("case", type=int, help="補助金の記録の番号")
    a.add_argument("step", help="段階（例: 申請、交付決定、完了、実績報告）")
    a.add_argument("--date", help="その段階になった日（既定: 今日）")
    a.add_argument("--note", default="", help="理由・メモ（段階をとばすとき、戻すときは必須）")
    a.add_argument("--correction", action="store_true", help="前の段階に戻す訂正")
    a.add_argument("--granted", help="交付決定額（円。交付決定のとき）")
    a.add_argument("--decision-no", default="", help="交付決定の番号")
    a = actions.add_parser("compute", parents=[login], help="経費から補助額を計算する（記録はしません）")
    a.add_argument("program")
    a.add_argument("cost", help="対象経費（円）")
    a.add_argument("--units", type=int, help="数量（1本あたりの上限がある制度）")
    a = actions.add_parser("receipt", parents=[login], help="補助金の入金を記録する（出納簿の市補助金にも記帳）")
    a.add_argument("case", type=int)
    a.add_argument("--amount", required=True, help="入金額（円）")
    a.add_argument("--date", help="入金日（既定: 今日）")
    a.add_argument("--account", default="普通預金", help="入金した口座（既定: 普通預金）")
    a.add_argument("--note", default="", help="理由・メモ（実績報告などの段階をとばすときは必須）")
    a = actions.add_parser("report", parents=[login], help="実績報告書（PDF）を書き出す")
    a.add_argument("case", type=int)
    a.add_argument("-o", "--output", required=True, help="出力先の .pdf")
    p.set_defaults(func=cmd_subsidy)


def _yen_arg(value: str | None, option: str) -> int | None:
    """A yen amount from the command line (「213,400」「213400円」); the model checks the range."""
    from kyodo_desktop.models.validation import ValidationError

    if value is None:
        return None
    text = value.replace(",", "").replace("円", "").strip()
    try:
        return int(text)
    except ValueError:
        raise ValidationError(option, f"金額は円の整数で入力してください（「{value}」）。") from None


def cmd_subsidy(args: argparse.Namespace) -> int:
    from kyodo_desktop.cli import EXIT_OK, _cli_date, _open, _refuse_existing
    from kyodo_desktop.models import subsidies as sb

    out = _refuse_existing(args.output) if args.action == "report" else None
    reg = _open(args, read_only=args.action in ("programs", "list", "compute"))
    try:
        if args.action == "programs":
            programs = sb.list_programs(reg)
            if args.json:
                print(json.dumps([{"id": x.id, "name": x.name, "funder": x.funder, "rule": x.rule, "steps": list(x.steps),
                                   "attachments": list(x.attachments), "reuse_years": x.reuse_years}
                                  for x in programs], ensure_ascii=False, indent=2))
                return EXIT_OK
            for x in programs:
                print(f"{x.name}（{x.funder}）: {x.rule}")
                print(f"  段階: {' → '.join(x.steps)}")
            return EXIT_OK
        if args.action == "list":
            cases = sb.list_cases(reg, fiscal_year=args.year)
            late = sb.overdue(reg, reg.today())
            if args.json:
                print(json.dumps([{"id": c.id, "uid": c.uid, "program": c.program, "fiscal_year": c.fiscal_year,
                                   "title": c.title, "status": c.status_label, "planned_cost": c.planned_cost,
                                   "granted": c.granted, "received": c.received,
                                   "overdue": [{"step": d.step, "due_on": d.due_on.isoformat()}
                                               for d in late if d.case_id == c.id]}
                                  for c in cases], ensure_ascii=False, indent=2))
                return EXIT_OK
            if not cases:
                print("補助金の記録はありません。kyodo subsidy … add で作れます。")
            for c in cases:
                granted = f"　交付決定 {c.granted:,}円" if c.granted is not None else ""
                print(f"{c.id:4}  {c.year_label}　{c.program}「{c.title}」　{c.status_label}{granted}　{c.uid}")
            for d in late:
                print(f"  期限切れ: 番号 {d.case_id}「{d.title}」の{d.step}（{d.due_on.isoformat()}、{d.basis}）")
            return EXIT_OK
        if args.action == "compute":
            calc = sb.compute_grant(_yen_arg(args.cost, "対象経費") or 0, sb.get_program(reg, args.program), args.units)
            print(calc.text)
            print(f"補助額: {calc.amount:,}円")
            return EXIT_OK
        if args.action == "add":
            cid, warnings = sb.add_case(reg, sb.CaseData(
                args.program, args.year, args.title, planned_cost=_yen_arg(args.planned_cost, "--planned-cost"),
                units=args.units, work_on=_cli_date(args.work_on, "--work-on"), notes=args.notes or ""))
            case = sb.get_case(reg, cid)
            print(f"補助金の記録を作りました: 番号 {cid}　{case.uid}　「{case.title}」（{case.program}、{case.year_label}）")
            for w in warnings:
                print(f"注意: {w}")
            return EXIT_OK
        if args.action == "advance":
            on = _cli_date(args.date, "--date") or reg.today().isoformat()
            sb.advance(reg, args.case, args.step, on, args.note, correction=args.correction,
                       granted=_yen_arg(args.granted, "--granted"), decision_no=args.decision_no)
            case = sb.get_case(reg, args.case)
            print(f"番号 {case.id}「{case.title}」を「{case.status_label}」にしました（{on}）。")
            for d in sb.due_dates(reg, case.id):
                if d.done_on is None:
                    print(f"  期限: {d.step} {d.due_on.isoformat()}（{d.basis}）")
            return EXIT_OK
        if args.action == "receipt":
            on = _cli_date(args.date, "--date") or reg.today().isoformat()
            eid = sb.record_receipt(reg, args.case, on, _yen_arg(args.amount, "--amount") or 0, args.account,
                                    note=args.note)
            from kyodo_desktop.models.accounts_book import get_entry

            e = get_entry(reg, eid)
            print(f"入金を記録しました: {e.amount:,}円（{e.entry_date}、{e.account}、出納簿 No.{e.entry_no}）")
            return EXIT_OK
        from kyodo_desktop.export.subsidy_docs import write_subsidy_report

        assert out is not None
        result = write_subsidy_report(reg, out, case_id=args.case)
        print(f"実績報告書を書き出しました: {result.path}（{result.pages}ページ）")
        if result.warning:
            print(f"注意: {result.warning}")
        return EXIT_OK
    finally:
        reg.close(backup=args.action not in ("programs", "list", "compute", "report"))
