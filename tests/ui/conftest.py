"""Fixtures the UI tests share: the demo register with its demo accounts, opened as a chosen
officer in a DbWorker. A test file that needs a different register overrides ``path`` and keeps
``login`` and ``worker``."""

from __future__ import annotations

import pytest
from conftest import ADMIN, PASSWORD

from kyodo_desktop.models.accounts import add_demo_accounts
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def path(demo_register):
    """The demo register's file, with the demo accounts (閲覧, 班長, 役員 …), closed."""
    add_demo_accounts(demo_register)
    p = demo_register.path
    demo_register.close()
    return p


@pytest.fixture
def login(path, clock):
    """``login(who)`` → a worker with the register open as that officer; ``login(who, worker)``
    logs the same worker in again as someone else (as the program does after the lock screen)."""
    workers: list[DbWorker] = []

    def open_as(who=(ADMIN, PASSWORD), worker: DbWorker | None = None) -> DbWorker:
        w = worker or DbWorker()
        if worker is not None:
            w.close_register()
        w.open(lambda: Register.open(path, Credentials(*who), backup_dir=path.parent / "backups", clock=clock))
        if worker is None:
            workers.append(w)
        return w

    yield open_as
    for w in workers:
        w.shutdown()


@pytest.fixture
def worker(login):
    """The register open as the 会長 (ADMIN)."""
    return login()


@pytest.fixture
def messages(monkeypatch):
    """Confirmations answered 「はい」; errors and notices collected instead of shown."""
    seen: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: seen.append(f"{title}: {text}"))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: seen.append(f"{title}: {text}"))
    return seen
