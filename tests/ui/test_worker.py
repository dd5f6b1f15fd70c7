"""The database thread: results come back on the GUI thread; progress only for slow work."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import ADMIN, PASSWORD
from PySide6.QtWidgets import QApplication, QProgressDialog

from kyodo_desktop.models.register import Register
from kyodo_desktop.ui import worker as worker_mod
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def worker(tmp_path):
    w = DbWorker()
    w.open(lambda: Register.create(tmp_path / "w.kyodo", name="W", backup_dir=tmp_path / "bk",
                                    admin_name=ADMIN, password=PASSWORD))
    yield w
    w.shutdown()


def test_call_runs_on_the_database_thread(worker):
    name = worker.call(lambda reg: (threading.current_thread().name, reg.db["association"].get(1)["name"]))
    assert name[0].startswith("kyodo-db") and name[1] == "W"
    with pytest.raises(ZeroDivisionError):
        worker.call(lambda reg: 1 / 0)


def test_run_delivers_on_gui_thread_without_progress_when_quick(qtbot, worker):
    got = []
    worker.run(lambda reg: 42, on_done=lambda r: got.append((r, threading.current_thread() is threading.main_thread())),
               on_error=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(42, True)]


def test_run_shows_progress_only_after_the_delay(qtbot, worker, monkeypatch):
    shown = []

    class Spy(QProgressDialog):
        def show(self):
            shown.append(self.labelText())
            super().show()

    monkeypatch.setattr(worker_mod, "QProgressDialog", Spy)
    monkeypatch.setattr(worker_mod, "PROGRESS_DELAY_MS", 50)
    done = []

    def slow(reg):
        time.sleep(0.5)
        return "ok"

    worker.run(slow, on_done=done.append, on_error=done.append, label="テスト中")
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == ["ok"] and shown == ["テスト中"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, Spy) and w.isVisible()]
    # quick work never shows it
    monkeypatch.setattr(worker_mod, "PROGRESS_DELAY_MS", 500)
    shown.clear()
    done.clear()
    worker.run(lambda reg: "fast", on_done=done.append, on_error=done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(100)
    assert shown == []


def test_run_reports_errors(qtbot, worker):
    got = []
    worker.run(lambda reg: 1 / 0, on_done=got.append, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], ZeroDivisionError)


def _block_count(reg):
    return reg.conn.execute("SELECT count(*) FROM blocks").fetchone()[0]


def test_prefetched_result_is_used_only_while_nothing_was_written(worker):
    from kyodo_desktop.models.households import add_block

    calls = []

    def load(reg):
        calls.append(1)
        return _block_count(reg)

    pre = worker.prefetch(load)
    assert worker.call_preloaded(pre, load) == 0
    assert len(calls) == 1  # the prefetched result was used
    pre = worker.prefetch(load)
    worker.call(add_block, "1班")
    assert worker.call_preloaded(pre, load) == 1  # stale: loaded again after the write
    assert len(calls) == 3


def test_failed_prefetch_is_retried_and_its_error_raised(worker):
    pre = worker.prefetch(lambda reg: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        worker.call_preloaded(pre, lambda reg: 1 / 0)
    assert worker.call_preloaded(pre, _block_count) == 0


def test_call_with_progress_shows_progress_and_cancels(qtbot, worker, monkeypatch):
    monkeypatch.setattr(worker_mod, "PROGRESS_DELAY_MS", 0)
    seen = []

    def slow(reg, progress):
        for n in range(1, 200):
            time.sleep(0.005)
            if progress(n, 200) is False:
                raise RuntimeError(f"cancelled at {n}")
        return "finished"

    def press_cancel():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                seen.append(w.value())
                w.cancel()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, press_cancel)
    with pytest.raises(RuntimeError, match="cancelled at"):
        worker.call_with_progress(slow, label="テスト")
    assert seen and seen[0] > 0  # the bar had moved before 中止
    assert worker.call_with_progress(lambda reg, progress: progress(1, 1) and "ok", label="テスト") == "ok"
