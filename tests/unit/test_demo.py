"""The demo association generator: deterministic, realistic, consistent with the schema's rules."""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlite_utils import Database

from kyodo_desktop.models import schema
from kyodo_desktop.models.demo import DemoSummary, populate_demo
from kyodo_desktop.models.households import person_index_fields
from kyodo_desktop.models.japanese import age
from kyodo_desktop.models.register import RegisterError

TODAY = date(2026, 11, 28)
KATAKANA = re.compile(r"^[\u30A1-\u30FA\u30FC]+$")
TABLES = ("association", "blocks", "households", "household_status", "persons", "person_status",
          "officers", "audit_log")


def empty_register(path, **association) -> Database:
    db = Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    schema.apply_migrations(db)
    db["association"].insert(
        {"id": 1, "name": "テスト町会", "created_at": "2026-01-01T00:00:00",
         "updated_at": "2026-01-01T00:00:00", **association}
    )
    return db


def dump(db: Database) -> dict[str, list[tuple]]:
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


def rows(db: Database, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in db.query(sql, params)]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """One 5,000-household demo shared by the checks below."""
    db = empty_register(tmp_path_factory.mktemp("demo") / "t.kyodo")
    calls: list[tuple[int, int]] = []
    summary = populate_demo(db, households=5000, seed=1, today=TODAY,
                            progress=lambda done, total: calls.append((done, total)))
    print(f"\n5,000 households: {summary.persons} persons, {summary.blocks} 班, {summary.seconds:.2f} s")
    yield db, summary, calls
    db.close()


# -- determinism --------------------------------------------------------------------------------


def test_same_seed_same_rows_other_seed_other_rows(tmp_path):
    dumps = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        db = empty_register(tmp_path / f"{name}.kyodo")
        populate_demo(db, households=300, seed=seed, today=TODAY)
        dumps.append(dump(db))
        db.close()
    a, b, c = dumps
    for table in TABLES:
        assert a[table] == b[table], table
    assert a["persons"] and a["persons"] != c["persons"]
    assert a["households"] != c["households"]


# -- the 5,000-household demo -------------------------------------------------------------------


def test_summary_and_progress(big):
    db, summary, calls = big
    assert isinstance(summary, DemoSummary)
    assert summary.households == 5000 == db["households"].count
    assert summary.persons == db["persons"].count
    assert summary.blocks == db["blocks"].count
    assert 10_000 <= summary.persons <= 14_000
    assert summary.seconds > 0
    assert calls[-1] == (5000, 5000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) >= 10


def test_blocks_and_circulation_order(big):
    db, _, _ = big
    blocks = rows(db, "SELECT * FROM blocks ORDER BY sort_order")
    assert [b["name"] for b in blocks] == [f"{i}班" for i in range(1, len(blocks) + 1)]
    assert [b["sort_order"] for b in blocks] == list(range(1, len(blocks) + 1))
    orders: dict[int, list[int]] = defaultdict(list)
    for bid, order in db.execute("SELECT block_id, circulation_order FROM households ORDER BY block_id, circulation_order"):
        orders[bid].append(order)
    assert set(orders) == {b["id"] for b in blocks}
    for bid, seq in orders.items():
        assert 8 <= len(seq) <= 25, bid
        assert seq == list(range(1, len(seq) + 1))


def test_household_sizes(big):
    db, _, _ = big
    sizes = Counter(n for (n,) in db.execute("SELECT count(*) FROM persons GROUP BY household_id"))
    assert set(sizes) <= set(range(1, 7))
    assert db.execute("SELECT count(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id)").fetchone()[0] == 0
    total = sum(sizes.values())
    assert (sizes[1] + sizes[2]) / total > 0.5  # many small, elderly households
    assert sizes[6] > 0


def test_ageing_town(big):
    db, _, _ = big
    present = db.execute(
        "SELECT p.birth_date FROM persons p JOIN households h ON h.id = p.household_id"
        " WHERE p.status = '在籍' AND h.status IN ('加入', '非加入')"
    ).fetchall()
    ages = [age(date.fromisoformat(b), TODAY) for (b,) in present]
    share = sum(a >= 65 for a in ages) / len(ages)
    assert 0.25 <= share <= 0.45
    assert min(ages) >= 0 and max(ages) <= 106
    assert sum(a < 15 for a in ages) > 0


def test_family_ages_are_plausible(big):
    db, _, _ = big
    people = defaultdict(list)
    for r in rows(db, "SELECT household_id, relation, birth_date, sex FROM persons"):
        people[r["household_id"]].append(r)
    for members in people.values():
        by_rel = defaultdict(list)
        for m in members:
            by_rel[m["relation"]].append(date.fromisoformat(m["birth_date"]))
        head = by_rel["世帯主"][0]
        for spouse in by_rel["妻"] + by_rel["夫"]:
            assert abs((spouse - head).days) < 16 * 366
        for child in by_rel["子"]:
            mother = (by_rel["妻"] or by_rel["世帯主"])[0]
            assert child > mother + timedelta(days=15 * 365)
        for parent in by_rel["父"] + by_rel["母"]:
            assert parent < head - timedelta(days=15 * 365)
        assert age(head, TODAY) >= 16


def test_variant_names_appear(big, vectors):
    db, _, _ = big
    counts = Counter(n for (n,) in db.execute("SELECT family_name FROM persons WHERE relation = '世帯主'"))
    for name in vectors["names_that_must_survive_every_path"]:
        assert counts[name] >= 2, name
    assert "\u845b\U000e0100\u57ce" in counts  # 葛 + IVS, stored exactly


def test_kana_are_full_width_katakana(big):
    db, _, _ = big
    for fk, gk in db.execute("SELECT family_kana, given_kana FROM persons"):
        assert KATAKANA.match(fk), fk
        assert KATAKANA.match(gk), gk


def test_readings_follow_the_spelling(big):
    db, _, _ = big
    readings = defaultdict(set)
    for name, kana in db.execute("SELECT family_name, family_kana FROM persons"):
        readings[name].add(kana)
    assert all(len(k) == 1 for k in readings.values())
    assert readings["林"] == {"ハヤシ"} and readings["森"] == {"モリ"} and readings["東"] == {"ヒガシ"}
    assert readings["𠮷田"] == {"ヨシダ"} and readings["髙橋"] == {"タカハシ"}


def test_index_columns_and_person_fields(big):
    db, _, _ = big
    for r in rows(db, "SELECT * FROM persons WHERE id % 97 = 0"):
        expected = person_index_fields(r["family_name"], r["given_name"], r["family_kana"], r["given_kana"])
        assert (r["sort_key"], r["search_text"]) == (expected["sort_key"], expected["search_text"])
    assert {s for (s,) in db.execute("SELECT DISTINCT sex FROM persons")} == {"男", "女"}
    assert {r for (r,) in db.execute("SELECT DISTINCT relation FROM persons")} <= set(schema.RELATIONS)
    mobiles = [m for (m,) in db.execute("SELECT mobile FROM persons WHERE mobile <> ''")]
    assert mobiles and all(re.fullmatch(r"0[789]0-\d{4}-\d{4}", m) for m in mobiles)
    emails = [e for (e,) in db.execute("SELECT email FROM persons WHERE email <> ''")]
    assert emails and all(re.fullmatch(r"[a-z.]+\d+@example\.(jp|com|net)", e) for e in emails)


def test_households_fields(big):
    db, _, _ = big
    hhs = rows(db, "SELECT * FROM households")
    statuses = Counter(h["status"] for h in hhs)
    assert 0.85 <= statuses["加入"] / len(hhs) <= 0.95
    assert statuses["非加入"] > 0
    assert statuses["転出"] and statuses["退会"] and statuses["死亡"]
    landlines = [h["landline"] for h in hhs if h["landline"]]
    assert len(landlines) > len(hhs) / 2
    assert all(re.fullmatch(r"076-2\d\d-\d{4}", t) for t in landlines)
    assert all(h["postal_code"] and re.fullmatch(r"\d{3}-\d{4}", h["postal_code"]) for h in hhs)
    assert all(h["address_town"].startswith("石川県金沢市") and h["address_number"] for h in hhs)
    assert any(re.fullmatch(r"\d丁目\d+-\d+", h["address_number"]) for h in hhs)
    assert any(h["address_number"].endswith("番地") for h in hhs)
    flats = [h for h in hhs if h["dwelling_type"] == "集合住宅"]
    assert flats and all(re.fullmatch(r"\S+ \d{3}", h["address_building"]) for h in flats)
    assert {h["dwelling_type"] for h in hhs} == set(schema.DWELLING_TYPES)
    assert {h["member_type"] for h in hhs} == set(schema.MEMBER_TYPES)
    assert {h["dues_category"] for h in hhs} <= set(schema.DUES_CATEGORIES)
    for h in hhs:
        if h["member_type"] == "賛助会員":
            assert h["dwelling_type"] == "事業所" and h["dues_category"] == "事業所"
    uids = [h["uid"] for h in hhs] + [u for (u,) in db.execute("SELECT uid FROM persons")]
    assert len(set(uids)) == len(uids)
    assert all(uuid.UUID(u).version == 4 and uuid.UUID(u).hex == u for u in uids)


def test_heads(big):
    db, _, _ = big
    bad = db.execute(
        "SELECT h.id FROM households h LEFT JOIN persons p ON p.id = h.head_person_id"
        " WHERE p.id IS NULL OR p.household_id <> h.id OR p.relation <> '世帯主' OR p.position <> 0"
    ).fetchall()
    assert bad == []
    per_household = Counter(h for (h,) in db.execute("SELECT household_id FROM persons WHERE relation = '世帯主'"))
    assert set(per_household.values()) == {1}
    for (positions,) in db.execute("SELECT group_concat(position) FROM persons GROUP BY household_id"):
        assert sorted(int(p) for p in positions.split(",")) == list(range(len(positions.split(","))))


def _latest(history: list[dict]) -> dict:
    return max(history, key=lambda r: (r["since"], r["id"]))


def test_household_status_history(big):
    db, _, _ = big
    history = defaultdict(list)
    for r in rows(db, "SELECT * FROM household_status"):
        history[r["household_id"]].append(r)
    two_years_ago = (TODAY - timedelta(days=731)).isoformat()
    for h in rows(db, "SELECT id, status, status_since FROM households"):
        hist = history[h["id"]]
        assert hist, h
        last = _latest(hist)
        assert (last["status"], last["since"]) == (h["status"], h["status_since"])
        assert all(r["since"] <= TODAY.isoformat() for r in hist)
        if h["status"] in ("転出", "退会", "死亡"):
            assert h["status_since"] >= two_years_ago
            assert any(r["status"] == "加入" and r["since"] < h["status_since"] for r in hist)


def test_person_status_history(big):
    db, _, _ = big
    history = defaultdict(list)
    for r in rows(db, "SELECT * FROM person_status"):
        history[r["person_id"]].append(r)
    hh_status = dict(db.execute("SELECT id, status FROM households").fetchall())
    counts = Counter()
    for p in rows(db, "SELECT id, household_id, birth_date, status, status_since FROM persons"):
        hist = sorted(history[p["id"]], key=lambda r: (r["since"], r["id"]))
        assert hist and hist[0]["status"] == "在籍", p
        assert hist[0]["since"] >= p["birth_date"]
        assert all(r["household_id"] == p["household_id"] for r in hist)
        assert (hist[-1]["status"], hist[-1]["since"]) == (p["status"], p["status_since"])
        counts[p["status"]] += 1
        if hh_status[p["household_id"]] == "転出":
            assert p["status"] == "転出"
        if hh_status[p["household_id"]] == "死亡":
            assert p["status"] == "死亡"
    assert counts["死亡"] and counts["転出"]
    assert counts["在籍"] / sum(counts.values()) > 0.9


def test_officers_and_block_leaders(big):
    db, _, _ = big
    officers = rows(db, "SELECT * FROM officers")
    assert {o["fiscal_year"] for o in officers} == {2026}
    assert {o["start_date"] for o in officers} == {"2026-04-01"}
    roles = Counter(o["role"] for o in officers if o["block_id"] is None)
    assert roles == {"会長": 1, "副会長": 1, "会計": 1, "監事": 2}
    leaders = {o["block_id"]: o["person_id"] for o in officers if o["role"] == "班長"}
    blocks = rows(db, "SELECT id, leader_person_id FROM blocks")
    assert len(leaders) == len(blocks)
    for b in blocks:
        assert leaders[b["id"]] == b["leader_person_id"]
        head = db.execute(
            "SELECT p.relation, h.block_id, h.status, p.status FROM persons p JOIN households h ON h.id = p.household_id"
            " WHERE p.id = ?", [b["leader_person_id"]]
        ).fetchone()
        assert head[:2] == ("世帯主", b["id"])
        assert head[2] in schema.HOUSEHOLD_PRESENT and head[3] == "在籍"
    assert len({o["person_id"] for o in officers}) == len(officers)


def test_audit_and_association(big):
    db, summary, _ = big
    audit = rows(db, "SELECT * FROM audit_log")
    assert len(audit) == 1
    a = audit[0]
    assert (a["action"], a["table_name"], a["actor"]) == ("demo", "association", "デモ")
    assert a["summary"] == f"デモデータを作成しました（世帯 5000・人 {summary.persons}）"
    assert json.loads(a["after"])["persons"] == summary.persons
    assoc = dict(db["association"].get(1))
    assert assoc["name"] == "テスト町会"
    assert assoc["district"] and assoc["address"] and assoc["purpose_of_use"]
    assert assoc["default_area_code"] == "076"


def test_foreign_keys_hold(big):
    db, _, _ = big
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- small cases and refusals -------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 7, 26, 60])
def test_small_associations(tmp_path, n):
    db = empty_register(tmp_path / "s.kyodo")
    summary = populate_demo(db, households=n, seed=3, today=TODAY)
    assert summary.households == db["households"].count == n
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    if n >= 8:
        for (size,) in db.execute("SELECT count(*) FROM households GROUP BY block_id"):
            assert 8 <= size <= 25
    assert db["officers"].count >= summary.blocks


def test_keeps_association_values_already_set(tmp_path):
    db = empty_register(tmp_path / "k.kyodo", district="犀川校下", default_area_code="0761",
                        purpose_of_use="独自の目的", address="どこか")
    populate_demo(db, households=20, seed=1, today=TODAY)
    assoc = dict(db["association"].get(1))
    assert (assoc["district"], assoc["default_area_code"], assoc["purpose_of_use"], assoc["address"]) == (
        "犀川校下", "0761", "独自の目的", "どこか"
    )


def test_refuses_a_register_with_data(tmp_path):
    db = empty_register(tmp_path / "r.kyodo")
    populate_demo(db, households=10, seed=1, today=TODAY)
    before = dump(db)
    with pytest.raises(RegisterError):
        populate_demo(db, households=10, seed=2, today=TODAY)
    assert dump(db) == before
    with pytest.raises(ValueError):
        populate_demo(empty_register(tmp_path / "z.kyodo"), households=0)


def test_a_failure_leaves_nothing(tmp_path):
    db = empty_register(tmp_path / "f.kyodo")
    db.execute("CREATE TRIGGER boom BEFORE INSERT ON officers BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(sqlite3.IntegrityError):
        populate_demo(db, households=30, seed=1, today=TODAY)
    for table in ("blocks", "households", "persons", "household_status", "person_status", "audit_log"):
        assert db[table].count == 0, table


def test_with_a_real_register(demo_register):
    """The shared fixture (Register.create: foreign keys on, WAL) holds a consistent demo."""
    db = demo_register.db
    assert db["households"].count == 60
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    created = db.execute("SELECT at FROM audit_log WHERE action = 'create'").fetchone()[0]
    demo_at = db.execute("SELECT at FROM audit_log WHERE action = 'demo'").fetchone()[0]
    assert demo_at >= created
