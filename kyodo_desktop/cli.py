"""``kyodo``: the command line. It drives the same functions as the program's windows."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from kyodo_desktop import paths
from kyodo_desktop.models.households import ValidationErrors
from kyodo_desktop.models.register import Register, RegisterError, list_backups
from kyodo_desktop.models.validation import ValidationError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # Japanese usage errors, exit 2
        self.print_usage(sys.stderr)
        print(f"kyodo: 指定が正しくありません: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _open(path: str, *, read_only: bool = False) -> Register:
    p = Path(path)
    return Register.open(p, actor="kyodo（コマンド）", backup_dir=paths.backup_dir(p), read_only=read_only)


def cmd_init(args: argparse.Namespace) -> int:
    p = Path(args.register)
    reg = Register.create(
        p,
        name=args.name,
        kana=args.kana or "",
        district=args.district or "",
        default_area_code=args.area_code or "",
        actor="kyodo（コマンド）",
        backup_dir=paths.backup_dir(p),
    )
    reg.close(backup=False)
    print(f"台帳を作成しました: {p}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from kyodo_desktop.models.demo import populate_demo

    p = Path(args.register)
    if args.households < 1 or args.households > 200_000:
        raise ValidationError("--households", "1〜200,000の範囲で指定してください。")
    reg = Register.create(
        p, name=args.name, kana="", district="", default_area_code="076",
        actor="kyodo（コマンド）", backup_dir=paths.backup_dir(p),
    )
    try:
        summary = populate_demo(reg.db, households=args.households, seed=args.seed, today=reg.today())
    finally:
        reg.close(backup=False)
    print(
        f"デモ台帳を作成しました: {p}（班 {summary.blocks}・世帯 {summary.households}・人 {summary.persons}、"
        f"{summary.seconds:.1f}秒）"
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from datetime import date

    from kyodo_desktop.models.households import get_association
    from kyodo_desktop.models.stats import counts

    reg = _open(args.register, read_only=True)
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
    reg = _open(args.register, read_only=True)
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
    reg = _open(args.register)
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
    reg = _open(args.register)
    try:
        safety = reg.restore(Path(args.backup))
    finally:
        reg.close(backup=False)
    print(f"復元しました: {args.register}（復元前の状態は {safety} に保存しました）")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kyodo", description="協働デスクのコマンドライン（台帳の作成・確認・バックアップ）")
    parser.add_argument("--data-dir", help="設定とバックアップの保存先（既定: ユーザーのデータフォルダー）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init", help="新しい町会の台帳を作る")
    p.add_argument("register")
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

    p = sub.add_parser("info", help="世帯数・人数などを表示する")
    p.add_argument("register")
    p.add_argument("--json", action="store_true")
    p.add_argument("--as-of", help="この日現在の数（YYYY-MM-DD）")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("check", help="台帳ファイルを検査する")
    p.add_argument("register")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="バックアップを作る")
    p.add_argument("register")
    p.add_argument("-o", "--output", help="保存先のファイル（既定: バックアップフォルダー）")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="バックアップの一覧")
    p.add_argument("register")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="バックアップから復元する（復元前の状態も保存されます）")
    p.add_argument("register")
    p.add_argument("backup")
    p.set_defaults(func=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (RegisterError, ValidationError, ValidationErrors) as exc:
        print(f"kyodo: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (sqlite3.Error, OSError) as exc:
        from kyodo_desktop.models.register import translate_sqlite_error

        print(f"kyodo: {translate_sqlite_error(exc, args.register, '処理')}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kyodo: 中断しました。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
