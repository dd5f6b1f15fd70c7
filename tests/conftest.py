import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json
from pathlib import Path

import pytest

from kyodo_desktop import paths

REPO = Path(__file__).resolve().parents[1]
VECTORS = REPO.parent / "shared" / "vectors" / "japanese.json"
FIXED_NOW = "2026-11-28T10:00:00"
ADMIN = "会長 山田"
PASSWORD = "sakura-2026-kai"
#: argon2id as cheap as the key file accepts: slots record their parameters, so the code path is
#: the one officers use, only faster (the real cost is measured in bench/, not here)
FAST_KDF = {"name": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    from kyodo_desktop.models import crypto

    monkeypatch.setattr(crypto, "KDF_PARAMS", FAST_KDF)


def make_plain_register(path, name="古い町会"):
    """A register as the foundation issue wrote it: plain SQLite, the first migration only."""
    from sqlite_utils import Database
    from sqlite_utils import Migrations as SUMigrations

    from kyodo_desktop.models import schema

    db = Database(path)
    db.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    old = SUMigrations(schema.MIGRATION_SET)
    old()(schema._STEPS[0])
    old.apply(db)
    db["association"].insert({"id": 1, "name": name, "created_at": "2025-01-01", "updated_at": "2025-01-01"})
    db.conn.close()


def admin_login():
    from kyodo_desktop.models.register import Credentials

    return Credentials(ADMIN, PASSWORD)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the real user data folder."""
    base = tmp_path_factory.mktemp("kyodo-home")
    monkeypatch.setenv("KYODO_HOME", str(base))
    paths.set_base_dir(base)
    yield base
    paths.set_base_dir(None)


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A message box nobody expected would wait for a click forever: fail instead.
    Tests that expect one replace these functions themselves."""
    try:
        from kyodo_desktop.ui import dialogs
    except ImportError:  # Qt not importable: unit tests still run
        yield
        return

    def unexpected(_parent, title, text, *a, **k):
        raise AssertionError(f"unexpected dialog: {title}: {text}")

    for name in ("show_error", "show_info", "confirm"):
        monkeypatch.setattr(dialogs, name, unexpected)
    yield


@pytest.fixture
def vectors():
    if not VECTORS.exists():
        pytest.skip(f"test vectors not found at {VECTORS}")
    return json.loads(VECTORS.read_text(encoding="utf-8"))


@pytest.fixture
def clock():
    from datetime import datetime

    return lambda: datetime.fromisoformat(FIXED_NOW)


@pytest.fixture
def register(tmp_path, clock):
    from kyodo_desktop.models.register import Register

    reg = Register.create(
        tmp_path / "テスト町会.kyodo",
        name="テスト町会",
        district="テスト校下",
        default_area_code="076",
        admin_name=ADMIN,
        password=PASSWORD,
        backup_dir=tmp_path / "backups",
        clock=clock,
    )
    yield reg
    reg.close()


@pytest.fixture
def demo_register(tmp_path, clock):
    """A small deterministic demo association (60 households)."""
    from kyodo_desktop.models.demo import populate_demo
    from kyodo_desktop.models.register import Register

    reg = Register.create(
        tmp_path / "デモ.kyodo", name="デモ町会", default_area_code="076",
        admin_name=ADMIN, password=PASSWORD, backup_dir=tmp_path / "backups", clock=clock,
    )
    populate_demo(reg.db, households=60, seed=7, today=clock().date())
    yield reg
    reg.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if {"qapp", "qtbot"} & set(getattr(item, "fixturenames", ())):
            item.add_marker("gui")
