"""``kyodo``: the command line. It drives the same functions as the program's windows."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kyodo_desktop import paths
from kyodo_desktop.models.households import ValidationErrors
from kyodo_desktop.models.register import (
    DB_ERRORS,
    Credentials,
    Register,
    RegisterError,
    list_backups,
)
from kyodo_desktop.models.validation import ValidationError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3
#: what ``kyodo print`` makes (a new document is one more entry here and one branch in cmd_print)
PRINT_KINDS = ["circular", "register", "labels", "postcards", "elders", "household-sheet", "sign-in", "rsvp",
               "activity-summary", "phone-tree", "safety-check", "safety-tally", "bousai", "support-list", "support-plan"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # Japanese usage errors, exit 2
        self.print_usage(sys.stderr)
        print(f"kyodo: 指定が正しくありません: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RegisterError(f"{what}のファイルを読めません: {path}（{exc.strerror or exc}）") from None
    except UnicodeDecodeError:
        raise RegisterError(f"{what}のファイルはUTF-8のテキストにしてください: {path}") from None
    line = text.splitlines()[0] if text.splitlines() else ""
    return line


def _secret(args: argparse.Namespace, *, file_attr: str = "password_file", env: str = "KYODO_PASSWORD",
            what: str = "パスワード", prompt: bool = True) -> str:
    """A secret never comes as a plain argument (it would show in the process list and history)."""
    path = getattr(args, file_attr, None)
    if path:
        return _read_secret_file(path, what)
    if os.environ.get(env):
        return os.environ[env]
    if prompt and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"{what}: ")
    flag = "--" + file_attr.replace("_", "-")
    raise RegisterError(f"{what}は {flag} ファイル か 環境変数 {env} で渡してください。")


def _credentials(args: argparse.Namespace) -> Credentials:
    if getattr(args, "recovery_code_file", None):
        return Credentials(recovery_code=_read_secret_file(args.recovery_code_file, "復旧コード"))
    user = args.user or os.environ.get("KYODO_USER", "")
    if not user:
        from kyodo_desktop.models.crypto import KeyFile, key_file_path
        from kyodo_desktop.models.register import is_encrypted_register

        if not is_encrypted_register(Path(args.register)):  # (a plain one is refused with its own message)
            return Credentials("", "")

        accounts = KeyFile.load(key_file_path(Path(args.register))).accounts()
        if len(accounts) != 1:
            raise RegisterError("アカウントを --user（または環境変数 KYODO_USER）で指定してください: "
                                + "、".join(name for _uid, name in accounts))
        user = accounts[0][0]
    return Credentials(user, _secret(args))


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Register:
    p = Path(args.register)
    reg = Register.open(p, _credentials(args), backup_dir=paths.backup_dir(p), read_only=read_only)
    for warning in reg.warnings:
        print(f"kyodo: 注意: {warning}", file=sys.stderr)
    return reg


def _new_secret(args: argparse.Namespace) -> str:
    """A new password: from the file or environment, or typed twice at the prompt."""
    if getattr(args, "password_file", None) or os.environ.get("KYODO_PASSWORD") or not sys.stdin.isatty():
        return _secret(args)
    import getpass

    first = getpass.getpass("新しいパスワード: ")
    if getpass.getpass("もう一度: ") != first:
        raise RegisterError("確認のパスワードが一致しません。")
    return first


def _write_sheet(reg: Register, target: str | None, *, show: bool = True) -> None:
    from kyodo_desktop.export.recovery_sheet import write_recovery_sheet
    from kyodo_desktop.models.households import get_association

    if show:
        print("復旧コード（印刷して金庫などに保管してください。この画面にしか表示されません）:")
        print(f"  {reg.recovery_code}")
    if target:
        out = write_recovery_sheet(Path(target), association=get_association(reg)["name"], code=reg.recovery_code,
                                   register_file=reg.path.name, issued=reg.clock())
        print(f"復旧シートを書き出しました: {out}（印刷したら、このファイルは削除してください）")


def cmd_init(args: argparse.Namespace) -> int:
    p = Path(args.register)
    reg = Register.create(
        p,
        name=args.name,
        admin_name=args.admin,
        password=_new_secret(args),
        kana=args.kana or "",
        district=args.district or "",
        default_area_code=args.area_code or "",
        backup_dir=paths.backup_dir(p),
    )
    try:
        print(f"台帳を作成しました: {p}（鍵ファイル {reg.key_path.name} と2つで1組です）")
        _write_sheet(reg, args.recovery_sheet)
    finally:
        reg.close(backup=False)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, DEMO_ADMIN, add_demo_accounts
    from kyodo_desktop.models.demo import populate_demo

    p = Path(args.register)
    if args.households < 1 or args.households > 200_000:
        raise ValidationError("--households", "1〜200,000の範囲で指定してください。")
    reg = Register.create(
        p, name=args.name, admin_name=DEMO_ADMIN[0], password=DEMO_ADMIN[1], default_area_code="076",
        backup_dir=paths.backup_dir(p),
    )
    try:
        summary = populate_demo(reg.db, households=args.households, seed=args.seed, today=reg.today())
        add_demo_accounts(reg)
        from kyodo_desktop.models.subsidies import add_demo_cases

        add_demo_cases(reg)
    finally:
        reg.close(backup=False)
    print(
        f"デモ台帳を作成しました: {p}（班 {summary.blocks}・世帯 {summary.households}・人 {summary.persons}"
        f"・10年分の行事 {summary.events}件・参加 {summary.participations}件・当番表 {summary.rosters}"
        f"・緊急連絡先 {summary.contacts}件・要支援者 {summary.support}人、{summary.seconds:.1f}秒）"
    )
    print("デモのアカウント（名前 / 役割 / パスワード）:")
    for name, role, password in ((DEMO_ADMIN[0], "管理者", DEMO_ADMIN[1]), *DEMO_ACCOUNTS):
        print(f"  {name} / {role} / {password}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.register import encrypt_register

    p = Path(args.register)
    password = _new_secret(args)
    done = encrypt_register(p, admin_name=args.admin, password=password, backup_dir=paths.backup_dir(p))
    print(f"台帳を暗号化しました: {p}（鍵ファイル {p.name}-key と2つで1組です）")
    print("復旧コード（印刷して金庫などに保管してください。この画面にしか表示されません）:")
    print(f"  {done.recovery_code}")
    for problem in done.problems:
        print(f"kyodo: 注意: {problem}", file=sys.stderr)
    if args.recovery_sheet:
        reg = Register.open(p, Credentials(done.account_uid, password), backup_dir=paths.backup_dir(p),
                            backup_on_open=False)
        try:
            reg.recovery_code = done.recovery_code
            _write_sheet(reg, args.recovery_sheet, show=False)
        finally:
            reg.close(backup=False)
    return EXIT_OK


def cmd_accounts(args: argparse.Namespace) -> int:
    from kyodo_desktop.models import accounts as acc

    reg = _open(args)
    try:
        if args.action == "list":
            for a in acc.list_accounts(reg):
                state = f"無効（{a.disabled_at[:10]}）" if a.disabled_at else "有効"
                block = f"・{a.block_name}" if a.block_name else ""
                last = a.last_login_at[:16].replace("T", " ") if a.last_login_at else "—"
                pin = "・暗証番号あり" if a.has_pin else ""
                print(f"{a.display_name}\t{a.role}{block}\t{state}{pin}\t最終ログイン {last}")
            return EXIT_OK
        if not args.name:
            raise RegisterError("アカウントの名前を指定してください。")
        if args.action == "add":
            block_id = _block_id(reg, args.block) if args.block else None
            new = _secret(args, file_attr="new_password_file", env="KYODO_NEW_PASSWORD", what="新しいパスワード")
            acc.add_account(reg, args.name, args.role, new, block_id=block_id)
            print(f"アカウントを作成しました: {args.name}（{args.role}）")
        else:
            match = [a for a in acc.list_accounts(reg) if a.display_name == args.name]
            if not match:
                raise RegisterError(f"「{args.name}」という名前のアカウントはありません。")
            if args.action == "disable":
                acc.disable_account(reg, match[0].uid)
                print(f"アカウントを無効にしました: {args.name}")
            elif args.action == "enable":
                new = _secret(args, file_attr="new_password_file", env="KYODO_NEW_PASSWORD", what="新しいパスワード")
                acc.enable_account(reg, match[0].uid, new)
                print(f"アカウントを有効にしました: {args.name}")
            elif args.action == "password":
                new = _secret(args, file_attr="new_password_file", env="KYODO_NEW_PASSWORD", what="新しいパスワード")
                acc.set_password(reg, match[0].uid, new, current_password=_secret(args))
                print(f"パスワードを変更しました: {args.name}")
    finally:
        reg.close(backup=False)
    return EXIT_OK


def _block_id(reg: Register, name: str) -> int:
    row = reg.conn.execute("SELECT id FROM blocks WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise RegisterError(f"「{name}」という班はありません。")
    return int(row[0])


def cmd_recovery_sheet(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.accounts import new_recovery_code

    reg = _open(args)
    try:
        new_recovery_code(reg)
        _write_sheet(reg, args.output)
        print("新しい復旧シートを作りました。前の復旧シートのコードは使えなくなりました。")
    finally:
        reg.close(backup=False)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Plan an import; apply it only when everything was understood (or print the plan)."""
    from kyodo_desktop.export.hancho_sheet import is_hancho_workbook
    from kyodo_desktop.models.importing.plan import apply_plan, plan_import

    if is_hancho_workbook(Path(args.file)):
        return _import_hancho(args)
    reg = _open(args)
    try:
        plan = plan_import(reg, Path(args.file), profile=args.profile)
        summary = plan.summary()
        applied = None
        if not args.dry_run and plan.ready:
            result = apply_plan(reg, plan)
            applied = {"households_added": result.households_added, "households_changed": result.households_changed,
                       "persons_added": result.persons_added, "blocks_added": result.blocks_added}
    finally:
        reg.close()
    if args.json:
        print(json.dumps({**summary, "applied": applied}, ensure_ascii=False, indent=2))
    else:
        c = summary["households"]
        print(f"{summary['source']}（{summary['layout']}）: 新規 {c['new']}世帯・変更 {c['changed']}・変更なし {c['unchanged']}"
              f"・要確認 {c['conflict']}・合計行などを除外 {summary['skipped_rows']}行")
        for line in summary["missing"]:
            print(f"  見つからない列: {line}")
        for line in summary["messages"]:
            print(f"  {line}")
        if plan.block_from_sheet:
            print(f"  班の列がないため、シート名を班の名前にしました: {'・'.join(plan.block_from_sheet)}")
    if applied is not None:
        if not args.json:
            print(f"取り込みました: 追加 {applied['households_added']}世帯・変更 {applied['households_changed']}世帯"
                  f"（取り込み前のバックアップを作成済み）")
        return EXIT_OK
    if args.dry_run:
        return EXIT_OK
    print("kyodo: 分からない列や読めない値があるため、取り込みませんでした（台帳は変わっていません）。"
          "プログラムの取り込み画面で確かめるか、元のファイルを直してください。", file=sys.stderr)
    return EXIT_ERROR


def cmd_export(args: argparse.Namespace) -> int:
    from kyodo_desktop.export.register_xlsx import (
        DEFAULT_COLUMNS,
        ROUND_TRIP_COLUMNS,
        write_register_csv,
        write_register_xlsx,
    )

    out = Path(args.output)
    if out.exists():
        raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {out}")
    if args.what == "hancho":
        from kyodo_desktop.export.hancho_sheet import write_hancho_workbook

        if not args.block:
            raise RegisterError("班長用シートには --block（班の名前）を指定してください。")
        reg = _open(args)
        try:
            write_hancho_workbook(reg, _block_id(reg, args.block), out)
        finally:
            reg.close(backup=False)
        print(f"班長用シートを書き出しました: {out}")
        return EXIT_OK
    columns = ROUND_TRIP_COLUMNS if args.with_ids else DEFAULT_COLUMNS
    if args.columns:
        columns = tuple(c.strip() for c in args.columns.split(",") if c.strip())
    reg = _open(args)
    try:
        if out.suffix.lower() == ".csv":
            result = write_register_csv(reg, out, purpose=args.purpose, columns=columns, order=args.order,
                                        encoding="cp932" if args.encoding.lower() in ("cp932", "sjis", "shift_jis")
                                        else "utf-8-sig", wareki=not args.seireki)
        elif out.suffix.lower() == ".xlsx":
            result = write_register_xlsx(reg, out, purpose=args.purpose, columns=columns, per_block=args.per_block,
                                         order=args.order, wareki=not args.seireki)
        else:
            raise RegisterError("出力先は .xlsx か .csv のファイル名にしてください。")
    finally:
        reg.close(backup=False)
    left = f"（同意のない {result.left_out}人は載せていません）" if result.left_out else ""
    print(f"書き出しました: {out}（{result.households}世帯・{result.persons}人）{left}")
    return EXIT_OK


def _import_hancho(args: argparse.Namespace) -> int:
    from kyodo_desktop.export.hancho_sheet import apply_hancho_changes, read_hancho_workbook

    reg = _open(args)
    try:
        ret = read_hancho_workbook(reg, Path(args.file))
        conflicts = [c for c in ret.changes if c.conflict]
        report = {
            "block": ret.block, "exported_at": ret.exported_at,
            "changes": [{"name": c.name, "field": c.label, "exported": c.exported, "sheet": c.sheet,
                         "register": c.register, "conflict": c.conflict} for c in ret.changes],
            "new_rows": [v for _n, v in ret.new_rows],
            "to_confirm": [{"name": n, "why": w} for _u, n, w in ret.to_confirm], "messages": ret.messages,
        }
        applied = None
        if not args.dry_run and not conflicts and not ret.messages:
            applied = apply_hancho_changes(reg, ret)
    finally:
        reg.close()
    if args.json:
        print(json.dumps({**report, "applied": applied}, ensure_ascii=False, indent=2))
    else:
        print(f"{ret.block}の班長用シート（{ret.exported_at[:10]} 作成）: 変更 {len(ret.changes)}件（うち食い違い "
              f"{len(conflicts)}件）・新しい人 {len(ret.new_rows)}人・退会・転出の確認 {len(ret.to_confirm)}人")
        for c in ret.changes:
            mark = "［食い違い: 名簿では " + (c.register or "（空）") + "］" if c.conflict else ""
            print(f"  {c.name} の{c.label}: {c.exported or '（空）'} → {c.sheet or '（空）'}{mark}")
        for _u, name, why in ret.to_confirm:
            print(f"  確認: {name}（{why}）— 転出・死亡は世帯の編集画面で記録してください")
        for line in ret.messages:
            print(f"  {line}")
    if applied is not None:
        if not args.json:
            print(f"取り込みました: {applied}件（取り込み前のバックアップを作成済み）")
        return EXIT_OK
    if args.dry_run:
        return EXIT_OK
    print("kyodo: 名簿と食い違う変更があるため、取り込みませんでした。プログラムの画面でどちらにするか選んでください。",
          file=sys.stderr)
    return EXIT_ERROR


def cmd_print(args: argparse.Namespace) -> int:
    from datetime import date

    from kyodo_desktop.export.documents import Circular, write_circular
    from kyodo_desktop.models.japanese import parse_date

    out = Path(args.output)
    if out.exists():
        raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {out}")
    if args.font:
        from kyodo_desktop.export.pdf import set_user_font

        set_user_font(args.font)
    reg = _open(args)
    try:
        blocks = [_block_id(reg, b) for b in args.block] if args.block else None
        if args.kind == "register":
            from kyodo_desktop.export.documents import write_register_pdf

            columns = tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
            result = write_register_pdf(reg, out, purpose=args.purpose, order=args.order, block_ids=blocks,
                                        columns=columns, cover=not args.no_cover)
        elif args.kind == "labels":
            from kyodo_desktop.export.documents import write_labels

            result = write_labels(reg, out, per_sheet=args.per_sheet, skip=args.skip, purpose=args.purpose,
                                  block_ids=blocks)
        elif args.kind == "postcards":
            from kyodo_desktop.export.documents import write_postcards

            result = write_postcards(reg, out, purpose=args.purpose, block_ids=blocks)
        elif args.kind == "household-sheet":
            from kyodo_desktop.export.documents import write_household_sheets

            result = write_household_sheets(reg, out, block_ids=blocks)
        elif args.kind == "elders":
            from kyodo_desktop.export.documents import write_elders

            as_of = parse_date(args.as_of) if args.as_of else None
            result = write_elders(reg, out, age=args.age, as_of=as_of, rule=args.rule)
        elif args.kind in ("phone-tree", "safety-check", "safety-tally", "bousai"):
            from kyodo_desktop.export import bousai_docs as bd

            if args.kind == "phone-tree":
                result = bd.write_phone_tree(reg, out, block_ids=blocks)
            elif args.kind == "safety-check":
                result = bd.write_safety_sheets(reg, out, block_ids=blocks, check_id=args.check)
            elif args.kind == "safety-tally":
                result = bd.write_safety_tally(reg, out, check_id=args.check)
            else:
                result = bd.write_bousai_register(reg, out)
        elif args.kind in ("support-list", "support-plan"):
            from kyodo_desktop.export import support_docs as sd

            if not args.purpose_text:
                raise RegisterError("要支援者名簿を印刷する目的を --why で指定してください（管理台帳に記録されます）。")
            if args.kind == "support-list":
                result = sd.write_support_list(reg, out, purpose=args.purpose_text, copies=args.copies, block_ids=blocks,
                                               consent_only=not args.all)
            else:
                if args.id is None:
                    raise RegisterError("個別避難支援計画を印刷する人の番号を --id で指定してください。")
                result = sd.write_individual_plan(reg, out, support_id=args.id, purpose=args.purpose_text,
                                                  copies=args.copies)
        elif args.kind == "activity-summary":
            from kyodo_desktop.export.activity_summary import write_activity_summary
            from kyodo_desktop.models.japanese import fiscal_year

            result = write_activity_summary(reg, out, fiscal_year=args.year or fiscal_year(reg.today()))
        elif args.kind in ("sign-in", "rsvp"):
            from kyodo_desktop.export.documents import write_rsvp_list, write_sign_in_sheet

            if args.event is None:
                raise RegisterError("行事の番号を --event で指定してください（kyodo events … list で確かめられます）。")
            if args.kind == "sign-in":
                result = write_sign_in_sheet(reg, out, event_id=args.event, rows=args.rows)
            else:
                result = write_rsvp_list(reg, out, event_id=args.event, block_ids=blocks)
        else:
            if not args.title:
                raise RegisterError("回覧の題名を --title で指定してください。")
            issued = parse_date(args.date) if args.date else date.today()
            due = parse_date(args.due) if args.due else None
            body = Path(args.body_file).read_text(encoding="utf-8") if args.body_file else ""
            attach = Path(args.attach) if args.attach else None
            result = write_circular(reg, Circular(args.title, issued, due, args.kind_of, body, attach), out,
                                    block_ids=blocks)
    finally:
        reg.close(backup=False)
    if result.warning:
        print(f"kyodo: 注意: {result.warning}", file=sys.stderr)
    if args.kind == "sign-in":
        print(f"印刷用PDFを作りました: {out}（{result.pages}ページ・記入欄 {args.rows}行）")
        return EXIT_OK
    if args.kind == "activity-summary":
        print(f"印刷用PDFを作りました: {out}（{result.pages}ページ・人数だけの集計で、名前は載っていません）")
        return EXIT_OK
    unit = "人" if args.kind in ("register", "elders") else "世帯"
    print(f"印刷用PDFを作りました: {out}（{result.pages}ページ・{result.households}{unit}）")
    return EXIT_OK


# -- 行事 ------------------------------------------------------------------------------------------


def _fiscal_year(reg: Register, year: int | None) -> int:
    from kyodo_desktop.models.japanese import fiscal_year

    if year is None:
        row = reg.conn.execute("SELECT fiscal_year_start_month FROM association LIMIT 1").fetchone()
        return fiscal_year(reg.today(), int(row[0]) if row and row[0] else 4)
    if not 1989 <= year <= 2200:
        raise RegisterError(f"年度は西暦で指定してください（例: 2026 = 令和8年度）: {year}")
    return year


def _event_moment(day: str, time: str | None) -> str:
    """``--date`` (西暦 or 和暦) and ``--time HH:MM`` as the ISO text the model takes."""
    import re

    from kyodo_desktop.models.japanese import parse_date

    try:
        when = parse_date(day).isoformat()
    except ValueError as exc:
        raise ValidationError("--date", f"日付として読めません: 「{day}」（{exc}）") from None
    if time:
        m = re.fullmatch(r"(\d{1,2})[:：](\d{2})", time.strip())
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise ValidationError("--time", f"時刻は 時:分 で指定してください（例: 09:30）: 「{time}」")
        when += f"T{int(m.group(1)):02d}:{m.group(2)}"
    return when


def cmd_events(args: argparse.Namespace) -> int:
    """行事: list a 年度, add one, export the 事業報告 sheet, import a returned 出欠 tally."""
    if args.action == "list":
        return _events_list(args)
    if args.action == "export":
        out = Path(args.output)
        if out.exists():
            raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {out}")
        from kyodo_desktop.export.events_xlsx import write_events_xlsx

        reg = _open(args)
        try:
            result = write_events_xlsx(reg, out, fiscal_year=_fiscal_year(reg, args.year), wareki=not args.seireki)
        finally:
            reg.close(backup=False)
        print(f"事業報告のExcelを書き出しました: {out}（行事 {result.events}件・実施 {result.held}件・"
              f"延べ参加者 {result.participants}人）")
        return EXIT_OK
    if args.action == "add":
        from kyodo_desktop.models.activity import EventData, save_event
        from kyodo_desktop.models.japanese import to_wareki

        starts = _event_moment(args.date, args.time)
        reg = _open(args)
        try:
            eid = save_event(reg, EventData(title=args.title, starts_at=starts, category=args.category,
                                            place=args.place or "", status=args.status))
        finally:
            reg.close()
        from datetime import date

        shown = to_wareki(date.fromisoformat(starts[:10])) + (f" {starts[11:]}" if len(starts) > 10 else "")
        print(f"行事を登録しました: 番号 {eid}「{args.title}」（{shown}・{args.category}・{args.status}）")
        return EXIT_OK
    return _events_rsvp_import(args)


def _events_list(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.activity import list_events
    from kyodo_desktop.models.japanese import fiscal_year_label

    reg = _open(args, read_only=True)
    try:
        fy = _fiscal_year(reg, args.year)
        events = list_events(reg, fiscal_year=fy)
    finally:
        reg.close()
    if args.json:
        print(json.dumps({"fiscal_year": fy, "events": [{
            "id": e.id, "title": e.title, "starts_at": e.starts_at, "ends_at": e.ends_at, "category": e.category,
            "place": e.place, "organiser": e.organiser, "status": e.status, "participants": e.participants,
            "helpers": e.helpers, "actual_cost": e.actual_cost} for e in events]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{fiscal_year_label(fy)}の行事: {len(events)}件")
    for e in events:
        when = e.starts_at.replace("T", " ")
        came = f"{e.participants}人" if e.status == "実施" else "—"
        print(f"  {e.id:>5}  {when:<16}  {e.status}\t{e.category}\t{e.title}\t{e.place}\t{came}")
    return EXIT_OK


def _events_rsvp_import(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.rsvp_import import apply_rsvp_import, plan_rsvp_import

    reg = _open(args)
    try:
        plan = plan_rsvp_import(reg, args.event_id, Path(args.file))
        applied = None
        if not args.dry_run and plan.ready:
            applied = apply_rsvp_import(reg, plan)
    finally:
        reg.close()
    summary = plan.summary()
    if args.json:
        print(json.dumps({**summary, "applied": applied}, ensure_ascii=False, indent=2))
    else:
        a = summary["answers"]
        print(f"{plan.source}（行事「{plan.event}」）: 出席 {a['出席']}人・欠席 {a['欠席']}人・未定 {a['未定']}人"
              f"・同名などで決まらない {len(plan.ambiguous)}行・名簿にない {len(plan.unknown)}行"
              f"・読めない {len(plan.errors)}行")
        if plan.not_logged:
            print(f"  参加の記録への同意がない {len(plan.not_logged)}人は、名前では記録しません。")
        if plan.no_answer:
            print(f"  出欠の記入がない行（取り込みません）: {'・'.join(map(str, plan.no_answer[:20]))}"
                  + ("…" if len(plan.no_answer) > 20 else ""))
        for problem in plan.problems():
            print(f"  {problem.text()}")
    if applied is not None:
        if not args.json:
            print(f"出欠を取り込みました: {sum(applied.values())}人（取り込み前のバックアップを作成済み）")
        return EXIT_OK
    if args.dry_run:
        return EXIT_OK
    if not plan.matched and not plan.problems():
        print("kyodo: 取り込める出欠がありませんでした（台帳は変わっていません）。", file=sys.stderr)
    else:
        print("kyodo: 読めない行や名簿で決まらない行があるため、取り込みませんでした（台帳は変わっていません）。"
              "ファイルを直してから、もう一度取り込んでください。", file=sys.stderr)
    return EXIT_ERROR


# -- 当番表 ----------------------------------------------------------------------------------------


def _roster_id(reg: Register, name: str) -> int:
    from kyodo_desktop.models.rosters import list_rosters

    rows = list_rosters(reg)
    for r in rows:
        if r.name == name:
            return r.id
    known = "、".join(r.name for r in rows)
    raise RegisterError(f"「{name}」という当番表はありません。" + (f"ある当番表: {known}" if known else
                                                              "kyodo roster … add で作れます。"))


def _cli_date(value: str | None, option: str) -> str | None:
    from kyodo_desktop.models.japanese import parse_date

    if not value:
        return None
    try:
        return parse_date(value).isoformat()
    except ValueError:
        raise ValidationError(option, f"日付として読めません: 「{value}」（例: 2026-04-01、令和8年4月1日）") from None


def _new_output(path: str) -> Path:
    out = Path(path)
    if out.exists():
        raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {out}")
    return out


# -- 防災 ------------------------------------------------------------------------------------------------


def _refuse_existing(path: str) -> Path:
    out = Path(path)
    if out.exists():
        raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {out}")
    return out


def _person_id(reg: Register, args: argparse.Namespace) -> int:
    """--person ID, or --name 「氏 名」 (spaces ignored) when it names exactly one person living here."""
    if args.person is not None:
        return int(args.person)
    if not args.name:
        raise RegisterError("記録する人を --person（番号）か --name（氏名）で指定してください。")
    wanted = "".join(args.name.split())
    rows = reg.conn.execute(
        "SELECT p.id, coalesce(b.name, '') FROM persons p JOIN households h ON h.id = p.household_id "
        "LEFT JOIN blocks b ON b.id = h.block_id WHERE p.status = '在籍' AND p.family_name || p.given_name = ?",
        [wanted]).fetchall()
    if not rows:
        raise RegisterError(f"「{args.name}」さんは名簿にいません（転出した人には記録できません）。")
    if len(rows) > 1:
        where = "・".join(f"番号 {pid}（{block}）" for pid, block in rows)
        raise RegisterError(f"「{args.name}」さんが{len(rows)}人います。--person で番号を指定してください: {where}")
    return int(rows[0][0])


def cmd_safety(args: argparse.Namespace) -> int:
    """安否確認: start a drill or a real check, record results, see the totals, export them."""
    from kyodo_desktop.models import safety as sf

    if args.action == "start":
        reg = _open(args)
        try:
            cid = sf.start_check(reg, args.kind, args.title or "", args.at)
            check = sf.get_check(reg, cid)
        finally:
            reg.close()
        print(f"安否確認を始めました: 番号 {cid}「{check.title}」（{check.kind}・{check.started_at.replace('T', ' ')}）")
        return EXIT_OK
    if args.action == "record":
        reg = _open(args)
        try:
            pid = _person_id(reg, args)
            sf.record(reg, args.check, pid, args.status, whereabouts=args.where or "", building_damage=args.damage or "",
                      needs=args.needs or "", notes=args.notes or "", checked_at=args.at)
            whole = sf.totals(reg, args.check)[-1]
        finally:
            reg.close()
        print(f"記録しました（{args.status}）。確認済み {whole.confirmed}人 / {whole.persons}人・未確認 {whole.unconfirmed}人")
        return EXIT_OK
    if args.action == "end":
        reg = _open(args)
        try:
            sf.end_check(reg, args.check, args.at)
        finally:
            reg.close()
        print(f"安否確認 {args.check} を終えました。")
        return EXIT_OK
    if args.action == "summary":
        reg = _open(args, read_only=True)
        try:
            check = sf.get_check(reg, args.check) if args.check else (sf.list_checks(reg) or [None])[0]
            if check is None:
                raise RegisterError("安否確認の記録がありません。kyodo safety … start で始めてください。")
            rows = sf.totals(reg, check.id)
        finally:
            reg.close()
        if args.json:
            print(json.dumps({"check": check.id, "title": check.title, "kind": check.kind, "started_at": check.started_at,
                              "blocks": [{"block": t.block, "households": t.households, "persons": t.persons,
                                          **t.counts, "unconfirmed": t.unconfirmed, "at_shelter": t.at_shelter,
                                          "at_home": t.at_home, "last_at": t.last_at} for t in rows]},
                             ensure_ascii=False, indent=2))
            return EXIT_OK
        print(f"{check.title}（{check.kind}・{check.started_at.replace('T', ' ')}〜）")
        print("  班　　　 世帯  人数  無事  軽症  重症  不明  未確認  避難所")
        for t in rows:
            c = t.counts
            print(f"  {t.block:　<5}{t.households:5}{t.persons:6}{c['無事']:6}{c['軽症']:6}{c['重症']:6}{c['不明']:6}"
                  f"{t.unconfirmed:8}{t.at_shelter:8}")
        return EXIT_OK
    out = _refuse_existing(args.output)  # export
    reg = _open(args)
    try:
        if out.suffix.lower() == ".xlsx":
            from kyodo_desktop.export.safety_xlsx import write_safety_results_xlsx

            write_safety_results_xlsx(reg, out, check_id=args.check)
        else:
            from kyodo_desktop.export.bousai_docs import write_safety_results

            write_safety_results(reg, out, check_id=args.check)
    finally:
        reg.close(backup=False)
    print(f"安否確認の結果を書き出しました: {out}")
    return EXIT_OK


def cmd_support(args: argparse.Namespace) -> int:
    """避難行動要支援者: import the city's list (with review), counts only."""
    from kyodo_desktop.models import support as su

    if args.action == "summary":
        reg = _open(args, read_only=True)
        try:
            summary = su.support_summary(reg)
        finally:
            reg.close()
        from dataclasses import asdict

        print(json.dumps(asdict(summary), ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    from kyodo_desktop.models.japanese import parse_date

    reg = _open(args)
    try:
        mapping = dict(m.split("=", 1) for m in args.map or [])
        plan = su.plan_city_list(reg, Path(args.file), parse_date(args.received), args.agreement, mapping=mapping or None,
                                 consent_default=args.consent)
        print(json.dumps(plan.summary(), ensure_ascii=False, indent=2, default=str))
        if args.dry_run:
            print("（--dry-run: 取り込んでいません）")
            return EXIT_OK
        choices: dict[int, int | None] = {}
        for c in args.choose or []:
            row, _, who = c.partition("=")
            choices[int(row)] = None if who.lower() == "none" else int(who)
        result = su.apply_city_list(reg, plan, choices, remove_file=args.remove_file)
    finally:
        reg.close()
    print(f"市の名簿を取り込みました: {result.rows}人（名簿の人と結び付け {result.linked}人・結び付けなし {result.unlinked}人）。"
          f"前の版の {result.replaced_rows}人分は消去しました。")
    return EXIT_OK


def cmd_roster(args: argparse.Namespace) -> int:
    """当番表: list, add, give out turns, print the roster or the 当番札, export it, show the counts."""
    from kyodo_desktop.models import rosters as ro

    start, end = _cli_date(getattr(args, "start_from", None), "--from"), _cli_date(getattr(args, "to", None), "--to")
    out = _new_output(args.output) if getattr(args, "output", None) else None
    until = _cli_date(args.until, "--until") if args.action == "generate" else None
    reg = _open(args, read_only=args.action in ("list", "counts"))
    try:
        if args.action == "list":
            rows = ro.list_rosters(reg)
            if args.json:
                print(json.dumps([{
                    "id": r.id, "name": r.name, "duty": r.duty, "cadence": r.cadence, "pool": r.pool,
                    "members": r.members, "next_turn": r.next_turn, "next_member": r.next_member,
                    "generated_until": r.generated_until, "stale_since": r.stale_since} for r in rows],
                    ensure_ascii=False, indent=2))
                return EXIT_OK
            print(f"当番表: {len(rows)}件")
            for r in rows:
                nxt = f"次 {r.next_turn} {r.next_member}" if r.next_turn else "次の当番はまだ決めていません"
                until_text = f"{r.generated_until}まで決定" if r.generated_until else "未決定"
                stale = "　※名簿が変わりました（決め直してください）" if r.stale_since else ""
                print(f"  {r.name}\t{r.cadence}\t{r.pool}（{r.members}）\t{until_text}\t{nxt}{stale}")
            return EXIT_OK
        if args.action == "add":
            blocks = [_block_id(reg, b) for b in args.block or []]
            if not blocks:
                raise RegisterError("当番をする班を --block で指定してください（くり返し指定可）。")
            days = [ro.WEEKDAY_NAMES.index(ch) for ch in args.weekdays if ch in ro.WEEKDAY_NAMES]
            if not days or any(ch not in ro.WEEKDAY_NAMES for ch in args.weekdays):
                raise ValidationError("--weekdays", f"曜日は 月火水木金土日 の文字で指定してください: 「{args.weekdays}」")
            first = _cli_date(args.start, "--start") or reg.today().isoformat()
            rid = ro.save_roster(reg, ro.RosterData(name=args.name, start_date=first, duty=args.duty or "",
                                                   block_ids=blocks, cadence=args.cadence, weekdays=days))
            print(f"当番表を作りました: 「{args.name}」（番号 {rid}・{ro.CADENCE_LABELS[args.cadence]}・{first}から）。"
                  "kyodo roster … generate で当番を決めてください。")
            return EXIT_OK
        rid = _roster_id(reg, args.name)
        unit = "人" if ro.get_roster(reg, rid).unit == "person" else "世帯"
        if args.action == "generate":
            print(ro.generate(reg, rid, until).message())
            return EXIT_OK
        if args.action == "counts":
            fair = ro.fairness(reg, rid)
            if args.json:
                print(json.dumps({"roster": args.name, "start": fair.start, "end": fair.end, "spread": fair.spread,
                                  "counts": [{"id": m.member_id, "name": m.name, "block": m.block,
                                              "assigned": m.assigned, "done": m.done, "missed": m.missed,
                                              "stood_in": m.stood_in, "owes": m.owes, "eligible": m.eligible,
                                              "why_not": m.why_not} for m in fair.counts]},
                                 ensure_ascii=False, indent=2))
                return EXIT_OK
            print(f"当番表「{args.name}」の回数（{fair.start}〜{fair.end}）: 回数の差 {fair.spread}回")
            for m in fair.counts:
                extra = "".join([f"・代わりにした {m.stood_in}回" if m.stood_in else "",
                                 f"・返す {m.owes}回" if m.owes else "", f"・欠 {m.missed}回" if m.missed else ""])
                state = "" if m.eligible else f"\t（{m.why_not}）"
                print(f"  {m.block}\t{m.name}\t{m.assigned}回{extra}{state}")
            return EXIT_OK
        assert out is not None
        if args.action == "export":
            from kyodo_desktop.export.roster_xlsx import write_roster_xlsx

            result = write_roster_xlsx(reg, out, roster_id=rid, start=start, end=end)
            print(f"当番表のExcelを書き出しました: {out}（{result.turns}回分・{result.households}{unit}・回数の差 {result.spread}回）")
            return EXIT_OK
        from kyodo_desktop.export import roster_docs

        if args.slips:
            if args.block:
                raise RegisterError("当番札は班を選ばずに作ります（--block は当番表だけです）。")
            printed = roster_docs.write_duty_slips(reg, out, roster_id=rid, start=start, end=end)
        else:
            blocks = [_block_id(reg, b) for b in args.block] if args.block else None
            printed = roster_docs.write_roster(reg, out, roster_id=rid, start=start, end=end, block_ids=blocks)
    finally:
        reg.close(backup=args.action in ("add", "generate"))
    if printed.warning:
        print(f"kyodo: 注意: {printed.warning}", file=sys.stderr)
    what = "当番札" if args.slips else "当番表"
    print(f"{what}のPDFを作りました: {out}（{printed.pages}ページ・{printed.households}{unit}）")
    return EXIT_OK


# -- 会費・収支 ------------------------------------------------------------------------------------------


def _books_print(reg: Register, args: argparse.Namespace) -> Path:
    from kyodo_desktop.export import accounts_docs as docs

    out = _refuse_existing(args.output)
    if (args.block or args.household) and args.document != "receipts":
        raise ValidationError("--block / --household", "班や世帯を選べるのは領収書（receipts）だけです。")
    if args.document == "receipts":
        block = _block_id(reg, args.block) if args.block else None
        result = docs.write_receipts(reg, out, fiscal_year=args.year, block_id=block, household_ids=args.household)
        if result.warning:
            print(f"kyodo: 注意: {result.warning}", file=sys.stderr)
        print(f"領収書: {result.pages}ページ・{result.households}世帯")
        return result.path
    if args.document == "settlement" and out.suffix.lower() == ".xlsx":
        return docs.write_settlement_xlsx(reg, out, fiscal_year=args.year)
    write = {"collection-book": docs.write_collection_book, "settlement": docs.write_settlement,
             "budget": docs.write_budget}[args.document]
    return write(reg, out, fiscal_year=args.year).path


def cmd_books(args: argparse.Namespace) -> int:
    """会費・収支: open a year, assign dues, record payments and cash-book entries, balances, print, close."""
    from datetime import date

    from kyodo_desktop.models import accounts_book as ab

    reg = _open(args, read_only=args.action in ("arrears", "balance"))
    try:
        if args.action == "year-open":
            year = ab.open_year(reg, args.year)
            print(f"{year.label}の帳簿を開きました（{year.start.isoformat()}〜{year.end.isoformat()}）。")
        elif args.action == "dues-assess":
            print(f"会費を{ab.assess_dues(reg, args.year)}世帯に割り当てました。")
        elif args.action == "pay":
            ids = ab.record_payment(reg, ab.PaymentData(args.household, args.year, args.amount,
                                                        _cli_date(args.date, "--date") or reg.today(),
                                                        instalment_no=args.instalment))
            line = ab.household_dues(reg, args.year, args.household)
            print(f"入金を記録しました（{len(ids)}件）。世帯「{line.name}」の未納額 {ab.yen(line.outstanding)}")
        elif args.action == "arrears":
            rows = ab.arrears(reg, args.year)
            if args.json:
                print(json.dumps([{"household_id": x.household_id, "block": x.block, "name": x.name, "due": x.due,
                                   "paid": x.paid, "outstanding": x.outstanding} for x in rows],
                                 ensure_ascii=False, indent=2))
            else:
                print(f"未納: {len(rows)}世帯")
                for x in rows:
                    print(f"  {x.household_id}\t{x.block}\t{x.name}\t未納 {ab.yen(x.outstanding)}")
        elif args.action == "entry":
            day = _cli_date(args.date, "--date") or ""
            if ab.year_of(reg, date.fromisoformat(day)) != args.year:
                raise ValidationError("--date", f"{day}は{ab.fiscal_year_label(args.year)}の日付ではありません。")
            eid = ab.add_entry(reg, ab.EntryData(day, args.kind, args.amount, subject=args.subject, memo=args.memo or ""))
            print(f"出納簿に記帳しました: No.{ab.get_entry(reg, eid).entry_no}（{args.kind} {args.subject}）")
        elif args.action == "balance":
            found = ab.balances(reg, _cli_date(args.date, "--date") or reg.today())
            if args.json:
                print(json.dumps({"on": found.on.isoformat(), "accounts": found.by_account, "total": found.total},
                                 ensure_ascii=False, indent=2))
            else:
                print(f"{found.on.isoformat()} の残高")
                for name, value in found.by_account.items():
                    print(f"  {name}\t{ab.yen(value)}")
                print(f"  合計\t{ab.yen(found.total)}")
        elif args.action == "print":
            print(f"書き出しました: {_books_print(reg, args)}")
        else:  # close
            counted = dict(c.split("=", 1) if "=" in c else (c, "") for c in args.counted or [])
            year = ab.close_year(reg, args.year, counted)
            print(f"{ab.get_year(reg, args.year).label}を締めました。次は{year.label}です。")
    finally:
        reg.close(backup=args.action not in ("arrears", "balance", "print"))
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from datetime import date

    from kyodo_desktop.models.households import get_association
    from kyodo_desktop.models.stats import counts

    reg = _open(args, read_only=True)
    try:
        assoc = get_association(reg)
        as_of = date.fromisoformat(args.as_of) if args.as_of else None
        c = counts(reg, as_of)
    finally:
        reg.close()
    if args.json:
        out = {"association": assoc["name"], "district": assoc["district"], **c}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{assoc['name']}（{assoc['district'] or '校下未設定'}）　{c['as_of']} 現在")
    print(f"  世帯数: {c['households']}（うち加入 {c['member_households']}）")
    print(f"  人数: {c['persons']}（65歳以上 {c['age_65_plus']}・75歳以上 {c['age_75_plus']}）")
    for name, n in c["blocks"].items():
        print(f"  {name}: {n}世帯")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    p = Path(args.register)
    reg = _open(args, read_only=True)
    problems: list[str] = []
    try:
        result = [r[0] for r in reg.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems += [f"整合性: {r}" for r in result[:20]]
        fk = reg.conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"参照の不整合: {t} の行 {rowid} が {parent} を参照できません" for t, rowid, parent, _ in fk[:20]]
        no_head = reg.conn.execute(
            "SELECT count(*) FROM households WHERE status IN ('加入','非加入') AND head_person_id IS NULL"
        ).fetchone()[0]
        if no_head:
            problems.append(f"世帯主が決まっていない世帯が {no_head} 件あります")
        no_kana = reg.conn.execute("SELECT count(*) FROM persons WHERE status='在籍' AND family_kana=''").fetchone()[0]
    finally:
        reg.close()
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"問題が見つかりました: {p}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print(f"問題は見つかりませんでした: {p}")
    if no_kana:
        print(f"（参考）フリガナが未入力の人が {no_kana} 人います。五十音順では最後に並びます。")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    reg = _open(args)
    try:
        target = Path(args.output) if args.output else None
        if target is not None and target.exists():
            raise RegisterError(f"出力先のファイルがすでにあります。上書きはしません: {target}")
        out = reg.backup("manual", target)
    finally:
        reg.close(backup=False)
    print(f"バックアップを作成しました: {out}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    p = Path(args.register)
    for b in list_backups(paths.backup_dir(p)):
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:10s} {b.size:>12,d}  {b.path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    reg = _open(args)
    try:
        safety = reg.restore(Path(args.backup))
    finally:
        reg.close(backup=False)
    print(f"復元しました: {args.register}（復元前の状態は {safety} に保存しました）")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from kyodo_desktop.export.register_xlsx import COLUMNS
    from kyodo_desktop.models import schema

    parser = _Parser(prog="kyodo", description="協働デスクのコマンドライン（台帳の作成・確認・バックアップ）")
    parser.add_argument("--data-dir", help="設定とバックアップの保存先（既定: ユーザーのデータフォルダー）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    login = argparse.ArgumentParser(add_help=False)
    login.add_argument("--user", help="アカウントの名前（環境変数 KYODO_USER でも可）")
    login.add_argument("--password-file", help="パスワードを1行目に書いたファイル（環境変数 KYODO_PASSWORD でも可）")
    login.add_argument("--recovery-code-file", help="復旧コードを書いたファイル（パスワードを全員忘れたとき）")

    p = sub.add_parser("init", help="新しい町会の台帳を作る（作った人が管理者になります）")
    p.add_argument("register")
    p.add_argument("--admin", required=True, help="管理者（あなた）の表示名")
    p.add_argument("--password-file", help="管理者のパスワードを1行目に書いたファイル（環境変数 KYODO_PASSWORD でも可）")
    p.add_argument("--recovery-sheet", help="復旧シート（PDF）の保存先")
    p.add_argument("--name", required=True, help="町会名")
    p.add_argument("--kana", help="町会名のフリガナ")
    p.add_argument("--district", help="校下・地区")
    p.add_argument("--area-code", help="市外局番（例: 076）")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="デモの台帳を作る")
    p.add_argument("register")
    p.add_argument("--households", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--name", default="デモ町会")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("encrypt", help="暗号化されていない以前の台帳を暗号化する")
    p.add_argument("register")
    p.add_argument("--admin", required=True, help="管理者（あなた）の表示名")
    p.add_argument("--password-file", help="管理者のパスワードを1行目に書いたファイル（環境変数 KYODO_PASSWORD でも可）")
    p.add_argument("--recovery-sheet", help="復旧シート（PDF）の保存先")
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("accounts", parents=[login], help="役員アカウントの一覧・追加・無効化（管理者のみ）")
    p.add_argument("register")
    p.add_argument("action", choices=["list", "add", "disable", "enable", "password"])
    p.add_argument("name", nargs="?", help="アカウントの表示名")
    p.add_argument("--role", default="役員", help="役割（管理者・役員・班長・閲覧）")
    p.add_argument("--block", help="班長が担当する班の名前")
    p.add_argument("--new-password-file", help="新しいパスワードのファイル（環境変数 KYODO_NEW_PASSWORD でも可）")
    p.set_defaults(func=cmd_accounts)

    p = sub.add_parser("recovery-sheet", parents=[login], help="復旧シートを作り直す（前のコードは無効になります）")
    p.add_argument("register")
    p.add_argument("-o", "--output", help="復旧シート（PDF）の保存先")
    p.set_defaults(func=cmd_recovery_sheet)

    p = sub.add_parser("import", parents=[login], help="Excel・CSVの名簿を取り込む（分からない所があれば何も変えずに止まる）")
    p.add_argument("register")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="取り込まずに、取り込む内容だけを表示する")
    p.add_argument("--profile", help="プログラムで保存した列の設定の名前")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[login], help="名簿を Excel（.xlsx）か CSV に書き出す")
    p.add_argument("register")
    p.add_argument("what", choices=["register", "hancho"], help="書き出すもの（register = 名簿、hancho = 班長用シート）")
    p.add_argument("--block", help="班長用シートの班の名前")
    p.add_argument("-o", "--output", required=True, help="出力先（.xlsx か .csv）")
    p.add_argument("--purpose", default="OFFICER_INTERNAL", choices=list(schema.PURPOSES),
                   help="目的（同意のある人だけが載ります。既定: 役員の内部利用）")
    p.add_argument("--per-block", action="store_true", help="班ごとにシートを分ける")
    p.add_argument("--order", choices=["circulation", "gojuon"], default="circulation", help="回覧順か五十音順")
    p.add_argument("--columns", help="列（カンマ区切り）: " + ",".join(COLUMNS))
    p.add_argument("--with-ids", action="store_true", help="取り込み直せるよう、協働デスクIDの列をつける")
    p.add_argument("--seireki", action="store_true", help="日付を西暦で書く")
    p.add_argument("--encoding", default="utf-8", help="CSVの文字コード: utf-8（BOM付き）か cp932")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("print", parents=[login], help="印刷用のPDFを作る（回覧板の表紙、敬老会の名簿）")
    p.add_argument("register")
    p.add_argument("kind", choices=PRINT_KINDS,
                   help="circular = 回覧板の表紙と押印欄（班ごと）、register = 名簿、labels = 宛名ラベル、"
                        "postcards = はがきの宛名（縦書き）、"
                        "elders = 敬老会の名簿、household-sheet = 世帯ごとの記載内容の確認用紙、"
                        "sign-in = 行事の受付名簿、rsvp = 行事の出欠表（班ごと）、"
                        "activity-summary = 活動のまとめ（1枚、総会・回覧用）")
    p.add_argument("--year", type=int, help="活動のまとめの年度（西暦。例: 2026 = 令和8年度。既定: 今年度）")
    p.add_argument("--check", type=int, help="安否確認の番号（safety-check・safety-tally に結果を入れて印刷）")
    p.add_argument("--why", dest="purpose_text", help="要支援者名簿を印刷する目的（support-list・support-plan、必須）")
    p.add_argument("--copies", type=int, default=1, help="要支援者名簿の部数（各部に「n/N部」が入ります）")
    p.add_argument("--all", action="store_true", help="要支援者名簿: 同意のない人も含める（災害時のみ）")
    p.add_argument("--id", type=int, help="個別避難支援計画: 要支援者の番号")
    p.add_argument("--event", type=int, help="行事の番号（sign-in・rsvp。kyodo events … list で確かめられます）")
    p.add_argument("--rows", type=int, default=30, help="受付名簿の記入欄の行数（既定 30）")
    p.add_argument("--per-sheet", type=int, default=12, help="宛名ラベルの面数（12・18・21・24）")
    p.add_argument("--skip", type=int, default=0, help="使用済みのラベルの数（途中から印刷）")
    p.add_argument("--purpose", default="OFFICER_INTERNAL", help="名簿の目的（同意のある人だけが載ります）")
    p.add_argument("--order", choices=["circulation", "gojuon"], default="circulation")
    p.add_argument("--columns", help="名簿に載せる列（カンマ区切り）: " + ",".join(c for c in COLUMNS if c != "id"))
    p.add_argument("--no-cover", action="store_true", help="名簿の表紙（目的と取扱いのお願い）をつけない")
    p.add_argument("--font", help="印刷に使うフォントのファイル（TrueType）。ないときは標準のフォント")
    p.add_argument("-o", "--output", required=True, help="出力先の PDF")
    p.add_argument("--title", help="回覧の題名（circular）")
    p.add_argument("--age", type=int, default=75, help="敬老会: この年齢以上（既定 75）")
    p.add_argument("--as-of", help="敬老会: 基準日（既定: 今日）")
    p.add_argument("--rule", choices=["legal", "birthday", "kazoe"], default="legal", help="年齢の数え方")
    p.add_argument("--date", help="発行日（和暦も可。既定: 今日）")
    p.add_argument("--due", help="班長へ戻す日")
    p.add_argument("--kind", dest="kind_of", default="確認のみ", help="確認のみ・要記入・要返信")
    p.add_argument("--block", action="append", help="班（くり返し指定可。既定: すべての班）")
    p.add_argument("--body-file", help="本文（UTF-8 のテキストファイル）")
    p.add_argument("--attach", help="各班の表紙の後ろに入れるお知らせのPDF")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("events", help="行事の一覧・登録・事業報告のExcel・出欠の取り込み")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("list", parents=[login], help="年度の行事の一覧")
    a.add_argument("--year", type=int, help="年度（西暦。例: 2026 = 令和8年度。既定: 今年度）")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("add", parents=[login], help="行事を登録する")
    a.add_argument("--title", required=True, help="行事名")
    a.add_argument("--date", required=True, help="日付（2026-06-07 や 令和8年6月7日）")
    a.add_argument("--time", help="開始時刻（例: 09:30）")
    a.add_argument("--category", default="その他", help="種類: " + "・".join(schema.EVENT_CATEGORIES))
    a.add_argument("--place", help="場所")
    a.add_argument("--status", default="予定", choices=list(schema.EVENT_STATUSES), help="状態（既定: 予定）")
    a = actions.add_parser("export", parents=[login], help="年度の行事を事業報告の形でExcelに書き出す")
    a.add_argument("--year", type=int, help="年度（西暦。既定: 今年度）")
    a.add_argument("-o", "--output", required=True, help="出力先の .xlsx")
    a.add_argument("--seireki", action="store_true", help="日付を西暦で書く")
    a = actions.add_parser("rsvp-import", parents=[login],
                           help="班長から戻った出欠（Excel・CSV）を取り込む（読めない行があれば何も変えずに止まる）")
    a.add_argument("event_id", type=int, help="行事の番号")
    a.add_argument("file", help="出欠のファイル（氏名か世帯名、班、出欠の列）")
    a.add_argument("--dry-run", action="store_true", help="取り込まずに、取り込む内容だけを表示する")
    a.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("roster", help="当番表の一覧・作成・当番の割り当て・印刷（当番表・当番札）・Excel・回数")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("list", parents=[login], help="当番表の一覧（次の当番と、どこまで決めたか）")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("add", parents=[login], help="班の当番表を作る（細かい設定はプログラムの「当番表」で）")
    a.add_argument("name", help="当番表の名前（例: ごみステーション当番）")
    a.add_argument("--block", action="append", help="当番をする班（くり返し指定可）")
    a.add_argument("--cadence", choices=["weekly", "daily", "weekdays"], default="weekly",
                   help="weekly = 1週間ずつ交代（既定）、daily = 毎日、weekdays = 決まった曜日に1日ずつ")
    a.add_argument("--weekdays", default="月火水木金", help="当番の曜日（既定: 月火水木金）")
    a.add_argument("--start", help="始める日（既定: 今日）")
    a.add_argument("--duty", help="当番の内容（当番表と当番札に印刷されます）")
    a = actions.add_parser("generate", parents=[login], help="当番を決める（前回の続きから、指定の日まで）")
    a.add_argument("name", help="当番表の名前")
    a.add_argument("--until", required=True, help="この日までの当番を決める（例: 2027-03-31、令和9年3月31日）")
    a = actions.add_parser("print", parents=[login], help="当番表（A4）か当番札のPDFを作る")
    a.add_argument("name", help="当番表の名前")
    a.add_argument("--slips", action="store_true", help="当番札（次の世帯へ渡す札、A4に4枚）を作る")
    a.add_argument("--from", dest="start_from", help="期間の始まり（既定: 今日）")
    a.add_argument("--to", help="期間の終わり（既定: 決めてある所まで。年度末まで）")
    a.add_argument("--block", action="append", help="この班の世帯の当番だけ（くり返し指定可）")
    a.add_argument("-o", "--output", required=True, help="出力先の PDF")
    a = actions.add_parser("export", parents=[login], help="当番表と世帯ごとの回数を Excel に書き出す")
    a.add_argument("name", help="当番表の名前")
    a.add_argument("--from", dest="start_from", help="期間の始まり（既定: 今日）")
    a.add_argument("--to", help="期間の終わり（既定: 決めてある所まで。年度末まで）")
    a.add_argument("-o", "--output", required=True, help="出力先の .xlsx")
    a = actions.add_parser("counts", parents=[login], help="世帯ごとの当番の回数と、その差")
    a.add_argument("name", help="当番表の名前")
    a.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_roster)

    p = sub.add_parser("safety", help="安否確認を始める・記録する・集計を見る・書き出す")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("start", parents=[login], help="安否確認を始める（訓練か災害）")
    a.add_argument("--kind", choices=list(schema.SAFETY_CHECK_KINDS), default="訓練")
    a.add_argument("--title", help="名前（既定: 日付と種類）")
    a.add_argument("--at", help="開始日時（例: 2026-09-01 10:00。既定: 今）")
    a = actions.add_parser("record", parents=[login], help="ひとりの安否を記録する")
    a.add_argument("check", type=int, help="安否確認の番号")
    a.add_argument("--person", type=int, help="人の番号")
    a.add_argument("--name", help="氏名（同じ名前の人がいなければ）")
    a.add_argument("--status", required=True, choices=list(schema.SAFETY_STATUSES))
    a.add_argument("--where", choices=list(schema.WHEREABOUTS), help="所在")
    a.add_argument("--damage", choices=[d for d in schema.BUILDING_DAMAGE if d], help="建物被害")
    a.add_argument("--needs", help="必要な支援")
    a.add_argument("--notes", help="備考")
    a.add_argument("--at", help="確認時刻（既定: 今）")
    a = actions.add_parser("end", parents=[login], help="安否確認を終える")
    a.add_argument("check", type=int)
    a.add_argument("--at", help="終了日時（既定: 今）")
    a = actions.add_parser("summary", parents=[login], help="班ごとの集計（既定: いちばん新しい安否確認）")
    a.add_argument("check", type=int, nargs="?")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("export", parents=[login], help="結果を書き出す（.xlsx か .pdf）")
    a.add_argument("check", type=int)
    a.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_safety)

    p = sub.add_parser("support", help="避難行動要支援者: 市の名簿の取り込み（確認つき）、人数だけの集計")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("import", parents=[login], help="市の名簿（Excel・CSV）で前の版を置き換える")
    a.add_argument("file")
    a.add_argument("--received", required=True, help="市から受け取った日")
    a.add_argument("--agreement", required=True, help="協定の名前・番号")
    a.add_argument("--consent", choices=list(schema.SUPPORT_CONSENT), default="未確認", help="同意の列がないときの扱い")
    a.add_argument("--map", action="append", help="見出し=項目（列の対応を指定。くり返し可）")
    a.add_argument("--choose", action="append", help="行=人の番号 か 行=none（名簿の人が決まらない行）")
    a.add_argument("--dry-run", action="store_true", help="取り込まずに確認だけする")
    a.add_argument("--remove-file", action="store_true", help="取り込んだあと、市のファイルを上書きして消す")
    a = actions.add_parser("summary", parents=[login], help="人数だけの集計（名前は出ません）")
    p.set_defaults(func=cmd_support)

    p = sub.add_parser("books", help="会費・収支: 年度を開く・会費の割り当てと入金・出納簿・残高・印刷・年度の締め")
    p.add_argument("register")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    a = actions.add_parser("year-open", parents=[login], help="年度の帳簿を開く（前年度の会費の額を写します）")
    a.add_argument("year", type=int, help="年度（西暦。例: 2026 = 令和8年度）")
    a = actions.add_parser("dues-assess", parents=[login], help="年度の会費を世帯に割り当てる")
    a.add_argument("year", type=int)
    a = actions.add_parser("pay", parents=[login], help="世帯の会費の入金を記録する")
    a.add_argument("year", type=int)
    a.add_argument("--household", type=int, required=True, help="世帯の番号")
    a.add_argument("--amount", required=True, help="入金額（円）")
    a.add_argument("--date", help="入金日（既定: 今日）")
    a.add_argument("--instalment", type=int, help="何回目の期別か（既定: 早い期別から）")
    a = actions.add_parser("arrears", parents=[login], help="未納の世帯（今日までの納期限の分）")
    a.add_argument("year", type=int)
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("entry", parents=[login], help="出納簿に記帳する（現金）")
    a.add_argument("year", type=int, help="年度（日付はこの年度の中に）")
    a.add_argument("--date", required=True, help="日付")
    a.add_argument("--kind", required=True, choices=["収入", "支出"])
    a.add_argument("--subject", required=True, help="科目（例: 寄付金）")
    a.add_argument("--amount", required=True, help="金額（円）")
    a.add_argument("--memo", help="摘要")
    a = actions.add_parser("balance", parents=[login], help="口座ごとの残高")
    a.add_argument("--date", help="この日の終わりの残高（既定: 今日）")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("print", parents=[login], help="会費集金簿・収支決算書・収支予算書・領収書を書き出す")
    a.add_argument("year", type=int)
    a.add_argument("document", choices=["collection-book", "settlement", "budget", "receipts"])
    a.add_argument("-o", "--output", required=True, help="出力先の PDF（収支決算書は .xlsx も可）")
    a.add_argument("--block", help="領収書: この班の入金だけ（班の名前）")
    a.add_argument("--household", type=int, action="append", help="領収書: この世帯の入金だけ（世帯の番号。くり返し指定）")
    a = actions.add_parser("close", parents=[login], help="年度を締める（実際の残高を口座ごとに）")
    a.add_argument("year", type=int)
    a.add_argument("--counted", action="append", help="口座=実際の残高（例: 現金=12000。くり返し指定）")
    p.set_defaults(func=cmd_books)

    from kyodo_desktop import cli_consolidate, cli_handover, cli_reports, cli_subsidies

    for module in (cli_reports, cli_subsidies, cli_consolidate, cli_handover):
        module.add_parsers(sub, login)

    p = sub.add_parser("info", parents=[login], help="世帯数・人数などを表示する")
    p.add_argument("register")
    p.add_argument("--json", action="store_true")
    p.add_argument("--as-of", help="この日現在の数（YYYY-MM-DD）")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("check", parents=[login], help="台帳ファイルを検査する")
    p.add_argument("register")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", parents=[login], help="バックアップを作る")
    p.add_argument("register")
    p.add_argument("-o", "--output", help="保存先のファイル（既定: バックアップフォルダー）")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="バックアップの一覧")
    p.add_argument("register")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", parents=[login], help="バックアップから復元する（復元前の状態も保存されます）")
    p.add_argument("register")
    p.add_argument("backup")
    p.set_defaults(func=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # `kyodo consolidate` uses worker processes (see __main__.py)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_base_dir(args.data_dir)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `kyodo info … | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (RegisterError, ValidationError, ValidationErrors) as exc:
        print(f"kyodo: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (*DB_ERRORS, OSError) as exc:
        from kyodo_desktop.models.register import translate_sqlite_error

        print(f"kyodo: {translate_sqlite_error(exc, args.register, '処理')}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kyodo: 中断しました。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
