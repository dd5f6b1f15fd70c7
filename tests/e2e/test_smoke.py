"""The real program, started as a user would (in a subprocess, offscreen)."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def run_app(*args, home, login=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KYODO_HOME": str(home)}
    env.pop("KYODO_USER", None)
    env.pop("KYODO_PASSWORD", None)
    if login:
        env["KYODO_USER"], env["KYODO_PASSWORD"] = login
    return subprocess.run(
        [sys.executable, "-m", "kyodo_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )


def test_smoke_test_exits_cleanly(tmp_path):
    res = run_app("--smoke-test", "--visit-pages", home=tmp_path / "home")
    assert res.returncode == 0, res.stderr
    assert "smoke test: ok" in res.stdout
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.kyodo"))


def test_smoke_test_with_an_existing_register(tmp_path):
    from kyodo_desktop.cli import main

    reg = tmp_path / "demo.kyodo"
    assert main(["--data-dir", str(tmp_path / "cli"), "demo", str(reg), "--households", "50"]) == 0
    res = run_app("--smoke-test", "--visit-pages", "--register", reg, home=tmp_path / "home",
                  login=("役員（デモ）", "demo-yakuin"))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    # without a login it stops with a message instead of waiting for one
    res = run_app("--smoke-test", "--register", reg, home=tmp_path / "home")
    assert res.returncode == 1 and "KYODO_PASSWORD" in res.stderr and "Traceback" not in res.stderr


def test_smoke_test_with_a_bad_register_fails_cleanly(tmp_path, monkeypatch):
    bad = tmp_path / "bad.kyodo"
    bad.write_text("x" * 500, encoding="utf-8")
    # the error dialog would wait for a click; the smoke test must not hang on it
    env_res = run_app("--smoke-test", "--register", bad, home=tmp_path / "home")
    assert env_res.returncode == 1
    assert "Traceback" not in env_res.stderr
