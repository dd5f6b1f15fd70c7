"""Households and persons: saving, validation, status history, moves, 回覧順, counts."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.models import households as hh
from kyodo_desktop.models.households import HouseholdData, PersonData, ValidationErrors
from kyodo_desktop.models.search import ORDER_GOJUON, HouseholdIndex
from kyodo_desktop.models.stats import counts


@pytest.fixture
def block(register):
    return hh.add_block(register, "1班")


def family(block_id, **kw):
    persons = kw.pop(
        "persons",
        [
            PersonData(family_name="山田", given_name="太郎", family_kana="やまだ", given_kana="たろう",
                       relation="世帯主", birth_date="S25.3.1", sex="男", mobile="09012345678"),
            PersonData(family_name="山田", given_name="花子", family_kana="ﾔﾏﾀﾞ", given_kana="ﾊﾅｺ",
                       relation="妻", birth_date="昭和２７年５月１０日"),
        ],
    )
    fields = {"postal_code": "〒９２０－０９１８", "address_town": "石川県金沢市尾山町",
              "address_number": "1-2", "landline": "220-1234", **kw}
    return HouseholdData(block_id=block_id, persons=persons, **fields)


def test_save_normalises_everything(register, block):
    hid = hh.save_household(register, family(block))
    got = hh.get_household(register, hid)
    assert got.postal_code == "920-0918"
    assert got.landline == "076-220-1234"  # association's default area code
    head = got.persons[got.head_index]
    assert (head.family_name, head.family_kana, head.given_kana) == ("山田", "ヤマダ", "タロウ")
    assert head.birth_date == "1950-03-01"
    assert head.mobile == "090-1234-5678"
    assert got.persons[1].family_kana == "ヤマダ" and got.persons[1].birth_date == "1952-05-10"
    assert got.circulation_order == 1
    assert len(got.uid) == 32


def test_names_survive_exactly(register, block, vectors):
    names = vectors["names_that_must_survive_every_path"]
    persons = [PersonData(family_name=n, given_name="一郎") for n in names]
    hid = hh.save_household(register, family(block, persons=persons))
    got = hh.get_household(register, hid)
    assert [p.family_name for p in got.persons] == names


def test_compatibility_ideographs_are_not_normalised(register, block):
    name = "\ufa19田"  # CJK compatibility ideograph 神 (U+FA19): NFC would change it
    hid = hh.save_household(register, family(block, persons=[PersonData(family_name=name)]))
    assert hh.get_household(register, hid).persons[0].family_name == name


@pytest.mark.parametrize(
    ("person", "label"),
    [
        (PersonData(family_name=""), "氏（姓）"),
        (PersonData(family_name="山田", birth_date="昭和65年1月1日"), "生年月日"),
        (PersonData(family_name="山田", birth_date="2019/13/01"), "生年月日"),
        (PersonData(family_name="山田", birth_date="2099-01-01"), "生年月日"),
        (PersonData(family_name="山" * 10_000), "氏（姓）"),
        (PersonData(family_name="山田\x07"), "氏（姓）"),
        (PersonData(family_name="山田", family_kana="山田"), "フリガナ"),
        (PersonData(family_name="山田", mobile="12"), "携帯電話"),
        (PersonData(family_name="山田", email="not-an-email"), "メール"),
        (PersonData(family_name="山田", notes="x" * 10_000), "備考"),
    ],
)
def test_bad_person_input_is_refused_and_changes_nothing(register, block, person, label):
    audit_before = register.db["audit_log"].count
    with pytest.raises(ValidationErrors) as info:
        hh.save_household(register, family(block, persons=[person]))
    assert any(label in e.label for e in info.value.errors), [str(e) for e in info.value.errors]
    assert all(e.field.startswith("persons[0].") for e in info.value.errors)
    assert register.db["households"].count == 0
    assert register.db["persons"].count == 0
    assert register.db["audit_log"].count == audit_before


def test_bad_household_input_lists_every_problem(register, block):
    data = family(block, postal_code="92O-091", landline="abc", notes="z" * 2001, status="消滅")
    with pytest.raises(ValidationErrors) as info:
        hh.save_household(register, data)
    fields = {e.field for e in info.value.errors}
    assert {"postal_code", "landline", "notes", "status"} <= fields
    for e in info.value.errors:
        assert e.message and all(ord(c) > 127 for c in e.message[:1])  # starts in Japanese


def test_household_without_block_or_people_is_refused(register):
    with pytest.raises(ValidationErrors) as info:
        hh.save_household(register, HouseholdData(block_id=None, persons=[]))
    assert {"block_id", "persons"} <= {e.field for e in info.value.errors}


def test_edit_keeps_ids_and_audits_the_difference(register, block):
    hid = hh.save_household(register, family(block))
    data = hh.get_household(register, hid)
    ids = [p.id for p in data.persons]
    data.persons[1].given_name = "花江"
    hh.save_household(register, data)
    again = hh.get_household(register, hid)
    assert [p.id for p in again.persons] == ids
    assert again.persons[1].given_name == "花江"
    row = list(register.db["audit_log"].rows_where("table_name='persons' AND action='update'"))[-1]
    assert "花子" in row["before"] and "花江" in row["after"]
    assert "birth_date" not in row["after"]  # only what changed


def test_a_backdated_entry_wins_from_its_date_on(register, block):
    """Entered today, then recorded as having moved out last month: counted as gone, not present."""
    hid = hh.save_household(register, family(block))  # 加入 from today (2026-11-28)
    hh.change_household_status(register, hid, "転出", "2026-10-01", "先月転出していた")
    assert counts(register)["households"] == 0
    assert counts(register, date(2026, 10, 15))["households"] == 0
    assert counts(register, date(2026, 9, 30))["households"] == 0  # nothing recorded that early
    hh.change_household_status(register, hid, "加入", "2026-11-20", "再加入")
    assert counts(register)["households"] == 1
    assert counts(register, date(2026, 11, 1))["households"] == 0


def test_leaving_is_a_dated_status_not_a_deletion(register, block):
    hid = hh.save_household(register, family(block, status_since="2020-04-01"))
    hh.change_household_status(register, hid, "転出", "2026-10-01", "市外へ転居")
    assert register.db["households"].count == 1
    assert register.db["households"].get(hid)["status"] == "転出"
    history = [(r["status"], r["since"]) for r in register.db["household_status"].rows_where("household_id=?", [hid], order_by="id")]
    assert history == [("加入", "2020-04-01"), ("転出", "2026-10-01")]
    assert counts(register)["households"] == 0
    assert {p["status"] for p in register.db["persons"].rows} == {"転出"}


def test_counts_as_of_a_date_follow_the_history(register, block):
    a = hh.save_household(register, family(block, status_since="2020-04-01"))
    b = hh.save_household(register, family(block, status_since="2020-04-01", persons=[PersonData(family_name="佐藤", birth_date="1940-01-01")]))
    for pid, in register.conn.execute("SELECT id FROM persons"):
        register.conn.execute("UPDATE person_status SET since='2020-04-01' WHERE person_id=?", [pid])
    hh.change_household_status(register, b, "転出", "2025-06-30")
    hh.change_household_status(register, a, "非加入", "2026-01-15", "退会届")
    before = counts(register, date(2025, 6, 29))
    assert (before["households"], before["member_households"], before["persons"]) == (2, 2, 3)
    assert before["age_65_plus"] == 3 and before["age_75_plus"] == 2  # 1950, 1952 → 75, 73; 1940 → 85
    mid = counts(register, date(2025, 12, 31))
    assert (mid["households"], mid["member_households"], mid["persons"]) == (1, 1, 2)
    now = counts(register, date(2026, 11, 28))
    assert (now["households"], now["member_households"], now["persons"]) == (1, 0, 2)
    assert now["blocks"] == {"1班": 1}


def test_move_person_to_another_household(register, block):
    a = hh.save_household(register, family(block))
    b = hh.save_household(register, family(block, persons=[PersonData(family_name="佐藤", relation="世帯主")]))
    hanako = hh.get_household(register, a).persons[1].id
    hh.move_person(register, hanako, b, relation="妻")
    assert [p.given_name for p in hh.get_household(register, b).persons] == ["", "花子"]
    assert len(hh.get_household(register, a).persons) == 1


def test_moving_the_head_passes_headship_on(register, block):
    a = hh.save_household(register, family(block))
    b = hh.save_household(register, family(block, persons=[PersonData(family_name="佐藤")]))
    data = hh.get_household(register, a)
    hh.move_person(register, data.persons[0].id, b)
    assert register.db["households"].get(a)["head_person_id"] == data.persons[1].id


def test_block_change_and_circulation_order(register, block):
    ids = [hh.save_household(register, family(block, persons=[PersonData(family_name=n)])) for n in ("甲", "乙", "丙")]
    assert [register.db["households"].get(i)["circulation_order"] for i in ids] == [1, 2, 3]
    hh.move_in_circulation(register, ids[2], -1)
    order = [r[0] for r in register.conn.execute("SELECT id FROM households ORDER BY circulation_order")]
    assert order == [ids[0], ids[2], ids[1]]
    other = hh.add_block(register, "2班")
    data = hh.get_household(register, ids[0])
    data.block_id = other
    hh.save_household(register, data)
    row = register.db["households"].get(ids[0])
    assert (row["block_id"], row["circulation_order"]) == (other, 1)
    with pytest.raises(Exception, match="すべての世帯"):
        hh.set_circulation_order(register, block, [ids[1]])


def test_duplicate_block_name_is_refused(register, block):
    with pytest.raises(ValueError, match="すでにあります"):
        hh.add_block(register, "1班")


def test_search_index_finds_by_name_and_kana_any_width(register, block, vectors):
    for fam, kana in (("林", "ハヤシ"), ("森", "モリ"), ("田中", "タナカ"), ("小林", "コバヤシ"), ("髙橋", "タカハシ"), ("𠮷田", "ヨシダ")):
        hh.save_household(register, family(block, persons=[PersonData(family_name=fam, given_name="一郎", family_kana=kana)]))
    idx = HouseholdIndex.load(register)

    def heads(q):
        return sorted(idx.rows[i].head_name for i in idx.search(q))

    assert heads("林") == ["小林　一郎", "林　一郎"]
    assert heads("森") == ["森　一郎"]
    assert heads("田中") == ["田中　一郎"]
    assert heads("はやし") == ["林　一郎"]
    assert heads("ばやし") == ["小林　一郎"]
    assert heads("ﾀﾅｶ") == ["田中　一郎"]
    assert heads("高橋") == ["髙橋　一郎"]
    assert heads("吉田") == ["𠮷田　一郎"]
    assert heads("田中 一郎") == ["田中　一郎"]
    assert heads("田中　いちろう") == []  # given kana not entered
    assert heads("") == sorted(r.head_name for r in idx.rows)
    gojuon = [idx.rows[i].head_kana.split("　")[0] for i in idx.search("", order=ORDER_GOJUON)]
    assert gojuon == ["コバヤシ", "タカハシ", "タナカ", "ハヤシ", "モリ", "ヨシダ"]


def test_search_filters_by_block_and_status(demo_register):
    idx = HouseholdIndex.load(demo_register)
    blocks = hh.list_blocks(demo_register)
    one = idx.search("", block_id=blocks[0].id)
    assert one and all(idx.rows[i].block_id == blocks[0].id for i in one)
    gone = idx.search("", statuses=("転出", "退会", "死亡"))
    assert all(idx.rows[i].status in ("転出", "退会", "死亡") for i in gone)
    present = idx.search("", statuses=("加入", "非加入"))
    assert len(present) == counts(demo_register)["households"]


def test_update_association_validates(register):
    hh.update_association(register, district="長町校下", default_area_code="076")
    assert hh.get_association(register)["district"] == "長町校下"
    from kyodo_desktop.models.validation import ValidationError

    with pytest.raises(ValidationError, match="市外局番"):
        hh.update_association(register, default_area_code="76a")
    with pytest.raises(ValidationError, match="町会名"):
        hh.update_association(register, name="")
