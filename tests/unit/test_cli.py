"""The ``kyodo`` command line, run as a real subprocess against real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def kyodo(*args, home, check=True):
    env = {**os.environ, "KYODO_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
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
    out = kyodo("init", reg, "--name", "尾山町会", "--district", "長町校下", home=home)
    assert "作成しました" in out.stdout
    info = json.loads(kyodo("info", reg, "--json", home=home).stdout)
    assert info["association"] == "尾山町会"
    assert info["households"] == 0 and info["persons"] == 0 and info["blocks"] == {}


def test_demo_info_check_backup_restore(tmp_path, home):
    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 120, "--seed", 3, home=home)
    info = json.loads(kyodo("info", reg, "--json", home=home).stdout)
    assert info["households"] > 100 and info["persons"] > info["households"]
    assert info["member_households"] <= info["households"]
    assert sum(info["blocks"].values()) == info["households"]
    assert kyodo("check", reg, home=home).returncode == 0
    backup = tmp_path / "b.kyodo"
    kyodo("backup", reg, "-o", backup, home=home)
    assert backup.exists()
    # change the register, then restore the backup and get the old numbers back
    import sqlite3
    from datetime import date

    today = date.today().isoformat()
    conn = sqlite3.connect(reg)
    conn.execute("UPDATE households SET status='転出'")
    conn.execute(
        "INSERT INTO household_status (household_id, status, since, recorded_at) "
        "SELECT id, '転出', ?, ? FROM households", [today, today]
    )
    conn.commit()
    conn.close()
    assert json.loads(kyodo("info", reg, "--json", home=home).stdout)["households"] == 0
    out = kyodo("restore", reg, backup, home=home)
    assert "復元しました" in out.stdout
    assert json.loads(kyodo("info", reg, "--json", home=home).stdout)["households"] == info["households"]
    listing = kyodo("backups", reg, home=home).stdout
    assert "restore" in listing


def test_errors_are_japanese_on_stderr_with_nonzero_exit(tmp_path, home):
    missing = kyodo("info", tmp_path / "none.kyodo", home=home, check=False)
    assert missing.returncode == 1 and "見つかりません" in missing.stderr and missing.stdout == ""
    text = tmp_path / "memo.kyodo"
    text.write_text("メモ" * 100, encoding="utf-8")
    bad = kyodo("check", text, home=home, check=False)
    assert bad.returncode == 1 and "台帳ではありません" in bad.stderr
    usage = kyodo("init", tmp_path / "x.kyodo", home=home, check=False)
    assert usage.returncode == 2 and "指定が正しくありません" in usage.stderr
    reg = tmp_path / "a.kyodo"
    kyodo("init", reg, "--name", "A", home=home)
    again = kyodo("init", reg, "--name", "A", home=home, check=False)
    assert again.returncode == 1 and "上書きはしません" in again.stderr


def test_check_reports_broken_references(tmp_path, home):
    import sqlite3

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 20, home=home)
    conn = sqlite3.connect(reg)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE persons SET household_id = 99999 WHERE id = 1")
    conn.commit()
    conn.close()
    res = kyodo("check", reg, home=home, check=False)
    assert res.returncode == 3 and "参照の不整合" in res.stderr
