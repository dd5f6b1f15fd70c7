"""The register's schema, versioned with sqlite-utils ``Migrations``.

Each migration is a function registered with :func:`migration`; they run in the order they are
defined here (by sqlite-utils' ``Migrations``, built only when migrations are applied, so that
opening a register does not pay for importing sqlite-utils) and are never edited once released. A register that records a migration this
version does not know was written by a newer program and is refused (see ``register.py``).

The schema is designed for what comes next (DESIGN.md, DOMAIN.md): events, rosters,
emergency contacts, dues, consent and officer accounts arrive in later migrations and hang off
the stable ``households.id`` / ``persons.id`` keys defined here.

Conventions:
- Dates are ISO ``YYYY-MM-DD`` text; timestamps ISO ``YYYY-MM-DDTHH:MM:SS`` text (local time).
- Nothing is hard-deleted in normal use: status changes are rows in ``*_status`` tables with
  the date they take effect, and the current status is cached on the row for fast listing.
- ``uid`` columns are random, never reused identifiers that survive export/import round trips.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kyodo"
#: the table sqlite-utils' ``Migrations`` records applied migrations in
MIGRATIONS_TABLE = "_sqlite_migrations"

_STEPS: list[Callable[[Database], None]] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration step; steps run in definition order."""
    _STEPS.append(fn)
    return fn


def apply_migrations(db: Database) -> None:
    """Apply every pending migration (each in its own transaction, recorded by sqlite-utils)."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    assert migrations.migrations_table == MIGRATIONS_TABLE
    for step in _STEPS:
        migrations()(step)
    migrations.apply(db)

#: ``PRAGMA application_id`` of a register file ("KYOD"): tells our files from other SQLite files.
APPLICATION_ID = 0x4B594F44

#: Household statuses. Present = lives in the area and is on the register.
HOUSEHOLD_STATUSES = ("加入", "非加入", "転出", "退会", "死亡")
HOUSEHOLD_PRESENT = ("加入", "非加入")
HOUSEHOLD_MEMBER = ("加入",)
MEMBER_TYPES = ("正会員", "賛助会員")
DUES_CATEGORIES = ("一般", "減免", "免除", "事業所")
DWELLING_TYPES = ("戸建", "集合住宅", "事業所")

#: Person statuses.
PERSON_STATUSES = ("在籍", "転出", "死亡", "別居")
PERSON_PRESENT = ("在籍",)

RELATIONS = (
    "世帯主", "妻", "夫", "子", "父", "母", "孫", "兄弟姉妹", "祖父母",
    "子の配偶者", "その他の親族", "同居人",
)
SEXES = ("", "男", "女")
OFFICER_ROLES = ("会長", "副会長", "会計", "監事", "書記", "班長", "部長", "顧問")


@migration
def m0001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE association (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            kana TEXT NOT NULL DEFAULT '',
            district TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            fiscal_year_start_month INTEGER NOT NULL DEFAULT 4
                CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
            default_area_code TEXT NOT NULL DEFAULT '',
            purpose_of_use TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sort_order INTEGER NOT NULL DEFAULT 0,
            leader_person_id INTEGER REFERENCES persons(id),
            notes TEXT NOT NULL DEFAULT '',
            retired_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX blocks_name ON blocks(name) WHERE retired_on IS NULL")
    db.execute(
        f"""
        CREATE TABLE households (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            block_id INTEGER REFERENCES blocks(id),
            circulation_order INTEGER NOT NULL DEFAULT 0,
            head_person_id INTEGER REFERENCES persons(id),
            postal_code TEXT NOT NULL DEFAULT '',
            address_town TEXT NOT NULL DEFAULT '',
            address_number TEXT NOT NULL DEFAULT '',
            address_building TEXT NOT NULL DEFAULT '',
            dwelling_type TEXT NOT NULL DEFAULT '戸建',
            landline TEXT NOT NULL DEFAULT '',
            member_type TEXT NOT NULL DEFAULT '正会員',
            dues_category TEXT NOT NULL DEFAULT '一般',
            status TEXT NOT NULL DEFAULT '加入'
                CHECK (status IN ({", ".join(repr(s) for s in HOUSEHOLD_STATUSES)})),
            status_since TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX households_block ON households(block_id, circulation_order)")
    db.execute(
        f"""
        CREATE TABLE household_status (
            id INTEGER PRIMARY KEY,
            household_id INTEGER NOT NULL REFERENCES households(id),
            status TEXT NOT NULL
                CHECK (status IN ({", ".join(repr(s) for s in HOUSEHOLD_STATUSES)})),
            since TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX household_status_hh ON household_status(household_id, since)")
    db.execute(
        f"""
        CREATE TABLE persons (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            household_id INTEGER NOT NULL REFERENCES households(id),
            family_name TEXT NOT NULL,
            given_name TEXT NOT NULL DEFAULT '',
            family_kana TEXT NOT NULL DEFAULT '',
            given_kana TEXT NOT NULL DEFAULT '',
            relation TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            sex TEXT NOT NULL DEFAULT '',
            mobile TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT '在籍'
                CHECK (status IN ({", ".join(repr(s) for s in PERSON_STATUSES)})),
            status_since TEXT NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX persons_household ON persons(household_id, position)")
    db.execute("CREATE INDEX persons_sort ON persons(sort_key)")
    db.execute(
        f"""
        CREATE TABLE person_status (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            status TEXT NOT NULL
                CHECK (status IN ({", ".join(repr(s) for s in PERSON_STATUSES)})),
            since TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            household_id INTEGER REFERENCES households(id),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX person_status_p ON person_status(person_id, since)")
    db.execute(
        """
        CREATE TABLE officers (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            role TEXT NOT NULL,
            block_id INTEGER REFERENCES blocks(id),
            fiscal_year INTEGER NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX officers_fy ON officers(fiscal_year, role)")
    db.execute(
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id INTEGER,
            summary TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT
        )
        """
    )
    db.execute("CREATE INDEX audit_log_at ON audit_log(at)")
    db.execute("CREATE INDEX audit_log_row ON audit_log(table_name, row_id)")


def known_migration_names() -> list[str]:
    return [fn.__name__ for fn in _STEPS]


SCHEMA_VERSION = len(known_migration_names())
