"""The ``kyodo`` command line, run as a real subprocess against real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PASSWORD = "cli-password-77"
DEMO = ("会長（デモ）", "demo-kaicho")


def kyodo(*args, home, check=True, password=PASSWORD, user=None, env_extra=None):
    env = {**os.environ, "KYODO_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("KYODO_PASSWORD", None)
    env.pop("KYODO_USER", None)
    if password is not None:
        env["KYODO_PASSWORD"] = password
    if user is not None:
        env["KYODO_USER"] = user
    env.update(env_extra or {})
    res = subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    if check and res.returncode != 0:
        raise AssertionError(f"exit {res.returncode}\n{res.stdout}\n{res.stderr}")
    return res


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_init_info_json(tmp_path, home):
    reg = tmp_path / "尾山町会.kyodo"
    sheet = tmp_path / "復旧シート.pdf"
    out = kyodo("init", reg, "--name", "尾山町会", "--district", "長町校下", "--admin", "会長 尾山",
                "--recovery-sheet", sheet, home=home)
    assert "作成しました" in out.stdout and sheet.exists() and sheet.read_bytes().startswith(b"%PDF")
    code = out.stdout.split("復旧コード")[1].split()[1]
    assert len(code.replace("-", "")) == 28
    # only one account: no --user needed
    info = json.loads(kyodo("info", reg, "--json", home=home).stdout)
    assert info["association"] == "尾山町会"
    assert info["households"] == 0 and info["persons"] == 0 and info["blocks"] == {}


def _in_process(reg, home, sql_statements):
    """Change a register behind the program's back, as a test setup (keyed, in this process)."""
    from kyodo_desktop import paths
    from kyodo_desktop.models.register import Credentials, Register

    paths.set_base_dir(home)
    r = Register.open(reg, Credentials(*DEMO), backup_on_open=False)
    try:
        r.conn.execute("PRAGMA foreign_keys=OFF")
        for sql, params in sql_statements:
            r.conn.execute(sql, params)
    finally:
        r.close(backup=False)


def test_demo_info_check_backup_restore(tmp_path, home):
    reg = tmp_path / "demo.kyodo"
    out = kyodo("demo", reg, "--households", 120, "--seed", 3, home=home)
    assert "demo-kaicho" in out.stdout
    info = json.loads(kyodo("info", reg, "--json", home=home, user=DEMO[0], password=DEMO[1]).stdout)
    assert info["households"] > 100 and info["persons"] > info["households"]
    assert info["member_households"] <= info["households"]
    assert sum(info["blocks"].values()) == info["households"]
    login = {"user": DEMO[0], "password": DEMO[1]}
    assert kyodo("check", reg, home=home, **login).returncode == 0
    backup = tmp_path / "b.kyodo"
    kyodo("backup", reg, "-o", backup, home=home, **login)
    assert backup.exists() and (tmp_path / "b.kyodo-key").exists()
    assert "山" not in backup.read_bytes().decode("latin-1")  # (encrypted: no readable text)
    # change the register, then restore the backup and get the old numbers back
    from datetime import date

    today = date.today().isoformat()
    _in_process(reg, home, [
        ("UPDATE households SET status='転出'", []),
        ("INSERT INTO household_status (household_id, status, since, recorded_at) "
         "SELECT id, '転出', ?, ? FROM households", [today, today]),
    ])
    assert json.loads(kyodo("info", reg, "--json", home=home, **login).stdout)["households"] == 0
    out = kyodo("restore", reg, backup, home=home, **login)
    assert "復元しました" in out.stdout
    assert json.loads(kyodo("info", reg, "--json", home=home, **login).stdout)["households"] == info["households"]
    # the 閲覧 account may look but not restore
    denied = kyodo("restore", reg, backup, home=home, user="閲覧（デモ）", password="demo-etsuran", check=False)
    assert denied.returncode == 1 and "権限がありません" in denied.stderr
    listing = kyodo("backups", reg, home=home).stdout
    assert "restore" in listing


def test_errors_are_japanese_on_stderr_with_nonzero_exit(tmp_path, home):
    missing = kyodo("info", tmp_path / "none.kyodo", home=home, check=False)
    assert missing.returncode == 1 and "見つかりません" in missing.stderr and missing.stdout == ""
    text = tmp_path / "memo.kyodo"
    text.write_text("メモ" * 100, encoding="utf-8")
    bad = kyodo("check", text, home=home, check=False)
    assert bad.returncode == 1 and "台帳ではな" in bad.stderr
    usage = kyodo("init", tmp_path / "x.kyodo", home=home, check=False)
    assert usage.returncode == 2 and "指定が正しくありません" in usage.stderr
    reg = tmp_path / "a.kyodo"
    kyodo("init", reg, "--name", "A", "--admin", "会長", home=home)
    again = kyodo("init", reg, "--name", "A", "--admin", "会長", home=home, check=False)
    assert again.returncode == 1 and "上書きはしません" in again.stderr
    # a password is never an argument, and a missing one is explained
    none = kyodo("info", reg, home=home, password=None, check=False)
    assert none.returncode == 1 and "KYODO_PASSWORD" in none.stderr
    wrong = kyodo("info", reg, home=home, password="wrong-password", check=False)
    assert wrong.returncode == 1 and "パスワードが違います" in wrong.stderr and wrong.stdout == ""
    pw_file = tmp_path / "pw.txt"
    pw_file.write_text(PASSWORD + "\n", encoding="utf-8")
    assert kyodo("info", reg, "--password-file", pw_file, home=home, password=None).returncode == 0
    short = kyodo("init", tmp_path / "b.kyodo", "--name", "B", "--admin", "会長", home=home, password="short",
                  check=False)
    assert short.returncode == 1 and "8文字以上" in short.stderr and not (tmp_path / "b.kyodo").exists()


def test_check_reports_broken_references(tmp_path, home):
    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 20, home=home)
    _in_process(reg, home, [("UPDATE persons SET household_id = 99999 WHERE id = 1", [])])
    res = kyodo("check", reg, home=home, check=False, user=DEMO[0], password=DEMO[1])
    assert res.returncode == 3 and "参照の不整合" in res.stderr


def test_accounts_are_managed_by_the_administrator_only(tmp_path, home):
    reg = tmp_path / "a.kyodo"
    kyodo("init", reg, "--name", "A", "--admin", "会長", home=home)
    kyodo("accounts", reg, "add", "会計 田中", "--role", "役員", home=home, user="会長",
          env_extra={"KYODO_NEW_PASSWORD": "kaikei-pass-1"})
    listing = kyodo("accounts", reg, "list", home=home, user="会長").stdout
    assert "会計 田中\t役員" in listing and "会長\t管理者" in listing
    # 役員 cannot manage accounts, through the command line either
    denied = kyodo("accounts", reg, "list", home=home, user="会計 田中", password="kaikei-pass-1", check=False)
    assert denied.returncode == 1 and "権限がありません" in denied.stderr
    kyodo("accounts", reg, "disable", "会計 田中", home=home, user="会長")
    gone = kyodo("info", reg, home=home, user="会計 田中", password="kaikei-pass-1", check=False)
    assert gone.returncode == 1 and "ありません" in gone.stderr
    last = kyodo("accounts", reg, "disable", "会長", home=home, user="会長", check=False)
    assert last.returncode == 1 and "最後の管理者" in last.stderr


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils not installed")
def test_print_every_document_from_the_command_line(tmp_path, home):
    import re

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 30, "--seed", 5, home=home)
    login = {"user": DEMO[0], "password": DEMO[1]}

    def text(pdf):
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                             encoding="utf-8", check=True).stdout
        return re.sub(r"[\s　]+", "", out)

    out = kyodo("print", reg, "register", "--columns", "name,kana", "--block", "1班", "-o", tmp_path / "r.pdf",
                home=home, **login)
    assert "印刷用PDFを作りました" in out.stdout and "人）" in out.stdout
    flat = text(tmp_path / "r.pdf")
    assert "取扱注意個人情報" in flat and "載せた範囲1班" in flat and "載せた項目氏名・フリガナ" in flat
    assert "氏名フリガナ" in flat and "生年月日" not in flat.split("載せた項目")[1]
    kyodo("print", reg, "circular", "--title", "防災訓練のお知らせ", "--due", "令和8年12月5日", "-o",
          tmp_path / "c.pdf", home=home, **login)
    assert "最後の方は班長へ戻してください" in text(tmp_path / "c.pdf")
    out = kyodo("print", reg, "activity-summary", "--year", 2025, "-o", tmp_path / "sum.pdf", home=home, **login)
    assert "名前は載っていません" in out.stdout and "活動のまとめ（令和7年度）" in text(tmp_path / "sum.pdf")
    for kind in ("labels", "postcards", "elders", "household-sheet"):
        kyodo("print", reg, kind, "-o", tmp_path / f"{kind}.pdf", home=home, **login)
        assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF"), kind
    # a missing font is a warning, not a failure; a bad column or an existing file is refused
    out = kyodo("print", reg, "elders", "--font", tmp_path / "nofont.ttf", "-o", tmp_path / "e2.pdf", home=home, **login)
    assert "見つからない" in out.stderr and (tmp_path / "e2.pdf").exists()
    bad = kyodo("print", reg, "register", "--columns", "name,secret", "-o", tmp_path / "bad.pdf", home=home,
                check=False, **login)
    assert bad.returncode != 0 and "印刷できない列です: secret" in bad.stderr and not (tmp_path / "bad.pdf").exists()
    again = kyodo("print", reg, "labels", "-o", tmp_path / "labels.pdf", home=home, check=False, **login)
    assert again.returncode != 0 and "上書きはしません" in again.stderr
    # a 班長 prints only their own 班
    hancho = kyodo("print", reg, "register", "-o", tmp_path / "h.pdf", home=home, user="1班 班長（デモ）",
                   password="demo-hancho", check=False)
    assert hancho.returncode == 0, hancho.stderr
    assert "載せた範囲1班" in text(tmp_path / "h.pdf")


def test_events_from_the_command_line(tmp_path, home):
    """行事: list a 年度 (ten years in the demo), add one, export the 事業報告, print its sign-in sheet
    and 出欠表, and import a returned tally (a bad row stops it; nothing changes)."""
    import csv
    import re
    from datetime import date, timedelta

    from openpyxl import load_workbook

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 40, "--seed", 2, home=home)
    login = {"user": DEMO[0], "password": DEMO[1]}
    listed = json.loads(kyodo("events", reg, "list", "--json", home=home, **login).stdout)
    fy = listed["fiscal_year"]
    assert 45 <= len(listed["events"]) <= 70
    assert {e["status"] for e in listed["events"]} <= {"実施", "中止", "予定"}
    old = json.loads(kyodo("events", reg, "list", "--year", fy - 9, "--json", home=home, **login).stdout)
    assert old["fiscal_year"] == fy - 9 and len(old["events"]) >= 45
    assert {e["status"] for e in old["events"]} <= {"実施", "中止"} and sum(e["participants"] for e in old["events"]) > 0
    text = kyodo("events", reg, "list", "--year", fy - 1, home=home, **login).stdout
    assert re.search(r"^令和\d+年度の行事: \d+件$", text.splitlines()[0]) and "定例役員会" in text

    day = date.today() + timedelta(days=20)
    out = kyodo("events", reg, "add", "--title", "臨時総会", "--date", day.isoformat(), "--time", "10:00",
                "--category", "総会", "--place", "町会館", home=home, **login)
    event_id = int(re.search(r"番号 (\d+)", out.stdout).group(1))
    assert "臨時総会" in out.stdout and "10:00" in out.stdout
    for args, message in ((("--time", "25:00"), "時刻は 時:分"), (("--category", "宴会"), "行事の種類はありません"),
                          (("--date", "六月"), "日付として読めません")):
        base = {"--title": "x", "--date": day.isoformat(), **dict([args])}
        bad = kyodo("events", reg, "add", *[v for kv in base.items() for v in kv], home=home, check=False, **login)
        assert bad.returncode == 1 and message in bad.stderr and bad.stdout == "", args
    usage = kyodo("events", reg, "add", "--date", "2026-12-01", home=home, check=False, **login)
    assert usage.returncode == 2 and "指定が正しくありません" in usage.stderr

    xlsx = tmp_path / "事業報告.xlsx"
    out = kyodo("events", reg, "export", "--year", fy - 1, "-o", xlsx, home=home, **login)
    assert "事業報告のExcelを書き出しました" in out.stdout
    ws = load_workbook(xlsx).active
    assert [c.value for c in ws[3]] == ["月", "事業名", "内容", "実施日", "場所", "参加者数", "担当"]
    again = kyodo("events", reg, "export", "--year", fy - 1, "-o", xlsx, home=home, check=False, **login)
    assert again.returncode == 1 and "上書きはしません" in again.stderr

    out = kyodo("print", reg, "sign-in", "--event", event_id, "--rows", 20, "-o", tmp_path / "s.pdf", home=home, **login)
    assert "記入欄 20行" in out.stdout and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    out = kyodo("print", reg, "rsvp", "--event", event_id, "--block", "1班", "-o", tmp_path / "r.pdf", home=home, **login)
    assert "1ページ" in out.stdout or "2ページ" in out.stdout
    missing = kyodo("print", reg, "rsvp", "-o", tmp_path / "x.pdf", home=home, check=False, **login)
    assert missing.returncode == 1 and "--event" in missing.stderr and not (tmp_path / "x.pdf").exists()

    # the 出欠 tally: names from the register's own export
    kyodo("export", reg, "register", "-o", tmp_path / "names.csv", home=home, **login)
    with (tmp_path / "names.csv").open(encoding="utf-8-sig") as fh:
        people = [(r["氏名"], r["班"]) for r in csv.DictReader(fh)]
    counts = {}
    for name, _block in people:
        counts[name] = counts.get(name, 0) + 1
    chosen = [(n, b) for n, b in people if counts[n] == 1][:8]
    answers = ["○", "×", "出席", "欠", "未定", "出", "欠席", "○"]
    lines = ["氏名,班,出欠"] + [f"{n},{b},{a}" for (n, b), a in zip(chosen, answers, strict=True)]
    tally = tmp_path / "出欠.csv"
    tally.write_text("\n".join([*lines, f"{chosen[0][0]},{chosen[0][1]},たぶん"]) + "\n", encoding="utf-8")

    def participants() -> int:
        year = day.year if day.month >= 4 else day.year - 1  # the 年度 of the new event
        rows = json.loads(kyodo("events", reg, "list", "--json", "--year", year, home=home, **login).stdout)["events"]
        return next(e["participants"] for e in rows if e["id"] == event_id)

    bad = kyodo("events", reg, "rsvp-import", event_id, tally, home=home, check=False, **login)
    assert bad.returncode == 1 and "10行目" in bad.stdout and "出欠「たぶん」が分かりません" in bad.stdout
    assert "取り込みませんでした（台帳は変わっていません）" in bad.stderr
    assert participants() == 0
    tally.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dry = kyodo("events", reg, "rsvp-import", event_id, tally, "--dry-run", "--json", home=home, **login)
    plan = json.loads(dry.stdout)
    assert plan["ready"] and plan["applied"] is None and plan["matched"] + plan["not_logged"] == 8
    assert participants() == 0
    done = kyodo("events", reg, "rsvp-import", event_id, tally, home=home, **login)
    assert "出欠を取り込みました" in done.stdout
    assert participants() == plan["matched"] > 0


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils not installed")
def test_roster_from_the_command_line(tmp_path, home):
    """当番表: add one, give out its turns, list it, print the roster (all, one 班) and the 当番札,
    export the workbook, show the counts; a 班長 prints only their own 班's roster; errors are
    Japanese on stderr and nothing is overwritten."""
    import re
    from datetime import date, timedelta

    from openpyxl import load_workbook

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 30, "--seed", 4, home=home)
    login = {"user": DEMO[0], "password": DEMO[1]}
    hancho = {"user": "1班 班長（デモ）", "password": "demo-hancho"}

    def text(pdf, raw=False):
        out = subprocess.run(["pdftotext", "-raw" if raw else "-layout", str(pdf), "-"], capture_output=True,
                             text=True, encoding="utf-8", check=True).stdout
        return re.sub(r"[\s　]+", "", out)

    start = date.today() + timedelta(days=1)
    out = kyodo("roster", reg, "add", "北ステーションごみ当番", "--block", "1班", "--block", "2班", "--start",
                start.isoformat(), "--duty", "朝8時30分までにネットを出す", home=home, **login)
    assert "当番表を作りました" in out.stdout and "generate" in out.stdout
    out = kyodo("roster", reg, "generate", "北ステーションごみ当番", "--until", (start + timedelta(days=120)).isoformat(),
                home=home, **login)
    assert re.search(r"\d+回分の当番を決めました", out.stdout)
    listed = json.loads(kyodo("roster", reg, "list", "--json", home=home, **login).stdout)
    mine = next(r for r in listed if r["name"] == "北ステーションごみ当番")
    assert mine["pool"] == "1班・2班" and mine["generated_until"] and mine["next_member"]
    assert "北ステーションごみ当番" in kyodo("roster", reg, "list", home=home, **login).stdout

    out = kyodo("roster", reg, "print", "北ステーションごみ当番", "-o", tmp_path / "r.pdf", home=home, **login)
    assert "当番表のPDFを作りました" in out.stdout and "ページ" in out.stdout
    flat = text(tmp_path / "r.pdf")
    assert "北ステーションごみ当番表" in flat and "朝8時30分までにネットを出す" in flat and "期間日付（曜日）担当交代確認" in flat
    kyodo("roster", reg, "print", "北ステーションごみ当番", "--block", "2班", "-o", tmp_path / "r2.pdf", home=home, **login)
    assert "（このうち2班の分）" in text(tmp_path / "r2.pdf")
    out = kyodo("roster", reg, "print", "北ステーションごみ当番", "--slips", "--to", (start + timedelta(days=30)).isoformat(),
                "-o", tmp_path / "s.pdf", home=home, **login)
    assert "当番札のPDFを作りました" in out.stdout
    slips = text(tmp_path / "s.pdf", raw=True)
    assert "あなたの当番は" in slips and "終わったら、この札を次の" in slips and "北ステーションごみ当番札" in slips
    out = kyodo("roster", reg, "export", "北ステーションごみ当番", "-o", tmp_path / "r.xlsx", home=home, **login)
    assert "当番表のExcelを書き出しました" in out.stdout
    assert load_workbook(tmp_path / "r.xlsx").sheetnames == ["当番表", "回数"]
    counts = json.loads(kyodo("roster", reg, "counts", "北ステーションごみ当番", "--json", home=home, **login).stdout)
    assert counts["spread"] <= 1 and sum(c["assigned"] for c in counts["counts"]) > 0
    assert "回数の差" in kyodo("roster", reg, "counts", "北ステーションごみ当番", home=home, **login).stdout

    # refusals: Japanese on stderr, exit 1, no file
    for args, message in (
            (("print", "ない当番", "-o", tmp_path / "x.pdf"), "「ない当番」という当番表はありません"),
            (("print", "北ステーションごみ当番", "-o", tmp_path / "r.pdf"), "上書きはしません"),
            (("print", "北ステーションごみ当番", "--from", "2040-01-01", "--to", "2040-02-01", "-o", tmp_path / "x.pdf"),
             "「○月○日まで決める」で当番を決めてください"),
            (("print", "北ステーションごみ当番", "--from", "来月", "-o", tmp_path / "x.pdf"), "日付として読めません"),
            (("add", "週末当番", "--block", "1班", "--weekdays", "土X"), "曜日は 月火水木金土日"),
            (("add", "班なし当番"), "--block")):
        bad = kyodo("roster", reg, *args, home=home, check=False, **login)
        assert bad.returncode == 1 and message in bad.stderr and bad.stdout == "", args
    assert not (tmp_path / "x.pdf").exists()
    usage = kyodo("roster", reg, "generate", "北ステーションごみ当番", home=home, check=False, **login)
    assert usage.returncode == 2 and "指定が正しくありません" in usage.stderr

    # a 班長 sees and prints the rosters of their own 班 only
    kyodo("roster", reg, "add", "1班の清掃", "--block", "1班", "--cadence", "weekdays", "--weekdays", "日", "--start",
          start.isoformat(), home=home, **login)
    kyodo("roster", reg, "generate", "1班の清掃", "--until", (start + timedelta(days=60)).isoformat(), home=home, **login)
    names = [r["name"] for r in json.loads(kyodo("roster", reg, "list", "--json", home=home, **hancho).stdout)]
    assert "1班の清掃" in names and "北ステーションごみ当番" not in names
    denied = kyodo("roster", reg, "print", "北ステーションごみ当番", "-o", tmp_path / "h.pdf", home=home, check=False,
                   **hancho)
    assert denied.returncode == 1 and "当番表はありません" in denied.stderr and not (tmp_path / "h.pdf").exists()
    kyodo("roster", reg, "print", "1班の清掃", "-o", tmp_path / "h.pdf", home=home, **hancho)
    assert "1班の清掃当番表" in text(tmp_path / "h.pdf") and "毎週日曜" in text(tmp_path / "h.pdf")


def test_safety_check_from_the_command_line(tmp_path, home):
    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 20, "--seed", 4, home=home)
    login = {"user": DEMO[0], "password": DEMO[1]}
    out = kyodo("safety", reg, "start", "--kind", "訓練", "--at", "2026-09-01 10:00", home=home, **login)
    check = out.stdout.split("番号 ")[1].split("「")[0].strip()
    person = json.loads(kyodo("info", reg, "--json", home=home, **login).stdout)["persons"]
    assert person > 0
    first = _first_person(reg, home)
    out = kyodo("safety", reg, "record", check, "--person", first, "--status", "無事", "--where", "避難所",
                "--at", "2026-09-01 10:05", home=home, **login)
    assert f"確認済み 1人 / {person}人" in out.stdout
    summary = json.loads(kyodo("safety", reg, "summary", check, "--json", home=home, **login).stdout)
    whole = summary["blocks"][-1]
    assert whole["block"] == "合計" and whole["無事"] == 1 and whole["at_shelter"] == 1
    bad = kyodo("safety", reg, "record", check, "--name", "存在しない 人", "--status", "無事", home=home, check=False,
                **login)
    assert bad.returncode == 1 and "名簿にいません" in bad.stderr
    for kind in ("phone-tree", "safety-check", "safety-tally"):
        extra = ("--check", check) if kind == "safety-tally" else ()
        kyodo("print", reg, kind, *extra, "-o", tmp_path / f"{kind}.pdf", home=home, **login)
        assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF"), kind
    kyodo("safety", reg, "export", check, "-o", tmp_path / "安否.xlsx", home=home, **login)
    assert (tmp_path / "安否.xlsx").stat().st_size > 3000
    denied = kyodo("print", reg, "support-list", "--why", "訓練", "-o", tmp_path / "s.pdf", home=home, check=False,
                   user="役員（デモ）", password="demo-yakuin")
    assert denied.returncode == 1 and "権限がありません" in denied.stderr and not (tmp_path / "s.pdf").exists()
    counts = json.loads(kyodo("support", reg, "summary", home=home, **login).stdout)
    assert "people" in counts and "name" not in json.dumps(counts, ensure_ascii=False).lower()


def _first_person(reg, home):
    from kyodo_desktop import paths
    from kyodo_desktop.models.register import Credentials, Register

    paths.set_base_dir(home)
    r = Register.open(reg, Credentials(*DEMO), backup_on_open=False, read_only=True)
    try:
        return r.conn.execute("SELECT id FROM persons WHERE status = '在籍' ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        r.close()


def _dues(reg, home, fy) -> list[tuple[int, int]]:
    """(household id, outstanding) of every household owing dues in ``fy``, read with the model."""
    from kyodo_desktop import paths
    from kyodo_desktop.models import accounts_book as ab
    from kyodo_desktop.models.register import Credentials, Register

    paths.set_base_dir(home)
    r = Register.open(reg, Credentials(*DEMO), backup_on_open=False, read_only=True)
    try:
        return [(x.household_id, x.outstanding) for x in ab.dues_for_year(r, fy) if x.due]
    finally:
        r.close(backup=False)


def test_accounts_book_year_from_the_command_line(tmp_path, home):
    """kyodo books: open next year, assign dues, a payment (and a refused over-payment), an entry, balance, print.
    (The demo keeps this year's books already: last year closed, this one open with dues assigned.)"""
    from datetime import date

    from kyodo_desktop.models.japanese import fiscal_year

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 12, "--seed", 5, home=home)
    login = {"user": DEMO[0], "password": DEMO[1]}
    today = date.today()
    fy = fiscal_year(today, 4)
    out = kyodo("books", reg, "year-open", fy + 1, home=home, **login)  # this year's plan is copied
    assert "帳簿を開きました" in out.stdout
    out = kyodo("books", reg, "dues-assess", fy + 1, home=home, **login)
    assert "世帯に割り当てました" in out.stdout
    owing = json.loads(kyodo("books", reg, "arrears", fy + 1, "--json", home=home, **login).stdout)
    assert owing == []  # arrears are what is overdue: nothing of next year is due yet
    hid, due = next((h, d) for h, d in _dues(reg, home, fy + 1) if d >= 2000)
    out = kyodo("books", reg, "pay", fy + 1, "--household", hid, "--amount", 1000, home=home, **login)
    assert f"未納額 {due - 1000:,}円" in out.stdout
    over = kyodo("books", reg, "pay", fy + 1, "--household", hid, "--amount", due, home=home, check=False, **login)
    assert over.returncode == 1 and "超えています" in over.stderr
    assert dict(_dues(reg, home, fy + 1))[hid] == due - 1000
    before = json.loads(kyodo("books", reg, "balance", "--json", home=home, **login).stdout)
    kyodo("books", reg, "entry", fy, "--date", today.isoformat(), "--kind", "収入", "--subject", "寄付金",
          "--amount", 5000, "--memo", "夏祭り", home=home, **login)
    bal = json.loads(kyodo("books", reg, "balance", "--json", home=home, **login).stdout)
    assert bal["accounts"]["現金"] == before["accounts"]["現金"] + 5000 and bal["total"] == before["total"] + 5000
    pdf = tmp_path / "決算書.pdf"
    kyodo("books", reg, "print", fy, "settlement", "-o", pdf, home=home, **login)
    assert pdf.read_bytes().startswith(b"%PDF")
    again = kyodo("books", reg, "print", fy, "settlement", "-o", pdf, home=home, check=False, **login)
    assert again.returncode == 1 and "上書きはしません" in again.stderr
