"""緊急連絡先, the 連絡網 and 安否確認: the Qt-free models against a real register."""

from __future__ import annotations

import pytest

from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.validation import ValidationError


@pytest.fixture
def town(register):
    b = hh.add_block(register, "1班")
    ids = []
    for n, family in enumerate(["青木", "井上", "上田", "江口"]):
        hid = hh.save_household(register, hh.HouseholdData(block_id=b, landline=f"076-220-000{n}", persons=[
            hh.PersonData(family_name=family, given_name="一", birth_date="1960-01-01", mobile=f"090-1111-000{n}"),
            hh.PersonData(family_name=family, given_name="花", birth_date="1990-01-01", relation="子")]))
        ids.append(hid)
        if family != "上田":
            privacy.set_consent(register, household_id=hid, purpose="RENRAKUMOU", granted=True, granted_on="2026-04-01")
    register.block, register.ids = b, ids
    return register


def _head(reg, hid):
    return reg.conn.execute("SELECT head_person_id FROM households WHERE id = ?", [hid]).fetchone()[0]


def test_emergency_contacts_are_normalised_and_bad_numbers_refused(town):
    cid = ct.save_contact(town, ct.EmergencyContact("青木 次郎", "０９０ー２２２２ー３３３３", "長男（東京）",
                                                    household_id=town.ids[0]))
    ct.save_contact(town, ct.EmergencyContact("井上 明", "2201234", "弟", person_id=_head(town, town.ids[0]), priority=2))
    got = ct.list_contacts(town, town.ids[0])
    assert [(c.name, c.phone) for c in got] == [("青木 次郎", "090-2222-3333"), ("井上 明", "076-220-1234")]
    with pytest.raises(ValidationError, match="電話"):
        ct.save_contact(town, ct.EmergencyContact("誰か", "12", household_id=town.ids[0]))
    ct.delete_contact(town, cid)
    assert len(ct.list_contacts(town, town.ids[0])) == 1


def test_the_phone_tree_starts_at_the_hancho_and_shows_only_consented_numbers(town):
    hh.set_block_leader(town, town.block, _head(town, town.ids[1]))
    tree = ct.block_tree(town, town.block)
    assert tree.leader == "井上　一" and tree.order == [town.ids[1], town.ids[0], town.ids[2], town.ids[3]]
    assert tree.last == [town.ids[3]] and not tree.problems
    ueda = tree.entries[town.ids[2]]
    assert (ueda.name, ueda.phone, ueda.consented) == ("（掲載の同意なし）", "", False)
    assert tree.entries[town.ids[0]].phone == "076-220-0000"


def test_a_block_without_a_hancho_is_said_and_custom_orders_are_checked(town):
    tree = ct.block_tree(town, town.block)
    assert "班長が決まっていません" in tree.problems[0]
    with pytest.raises(RegisterError, match="班長が決まっていない"):
        ct.set_calling_order(town, town.block, [(town.ids[0], town.ids[1])])
    hh.set_block_leader(town, town.block, _head(town, town.ids[0]))
    a, b, c, d = town.ids
    both_ways = [(a, b), (b, c), (a, d)]  # 隣触れ: both ways round
    ct.set_calling_order(town, town.block, both_ways)
    tree = ct.block_tree(town, town.block)
    assert tree.custom and tree.order == [a, b, c, d] and tree.last == [c, d]
    for bad, message in (([(a, b), (b, c), (c, b), (a, d)], "2か所から"), ([(a, b), (b, c), (c, a), (a, d)], "班長に戻って"),
                         ([(a, b), (c, d), (d, c)], "2か所から|輪"), ([(a, b), (b, c)], "入っていない世帯が1件")):
        with pytest.raises(RegisterError, match=message):
            ct.set_calling_order(town, town.block, bad)
    assert ct.block_tree(town, town.block).order == [a, b, c, d]  # unchanged
    ct.set_calling_order(town, town.block, [])
    assert not ct.block_tree(town, town.block).custom


def test_a_safety_check_records_results_and_totals_per_block(town, clock):
    check = sf.start_check(town, "訓練", started_at="2026-11-28 09:00")
    everyone = sf.people(town, check)
    assert len(everyone) == 8 and all(not p.status for p in everyone)
    sf.record(town, check, everyone[0].person_id, "無事", whereabouts="自宅", checked_at="2026-11-28 09:10")
    sf.record(town, check, everyone[1].person_id, "軽症", whereabouts="避難所", checked_at="2026-11-28 09:12")
    sf.record(town, check, everyone[1].person_id, "無事", whereabouts="避難所", checked_at="2026-11-28 09:15")  # corrected
    block, whole = sf.totals(town, check)
    assert (block.persons, block.households, block.counts["無事"], block.unconfirmed, block.at_shelter) == (8, 4, 2, 6, 1)
    assert whole.block == "合計" and whole.last_at == "2026-11-28T09:15"
    with pytest.raises(ValidationError, match="安否は"):
        sf.record(town, check, everyone[2].person_id, "元気")
    for p in everyone[2:]:
        sf.record(town, check, p.person_id, "無事", checked_at="2026-11-28 09:40")
    drill = sf.history(town)[0]
    assert (drill.confirmed, drill.persons, drill.minutes_to_all) == (8, 8, 40)


def test_a_result_for_someone_who_had_left_is_refused(town):
    hh.change_household_status(town, town.ids[3], "転出", "2026-10-01")
    check = sf.start_check(town, "災害", started_at="2026-11-28 06:00")
    gone = town.conn.execute("SELECT id FROM persons WHERE household_id = ?", [town.ids[3]]).fetchone()[0]
    with pytest.raises(RegisterError, match="転出"):
        sf.record(town, check, gone, "無事")
    assert all(p.household_id != town.ids[3] for p in sf.people(town, check))
    sf.end_check(town, check, "2026-11-28 12:00")
    with pytest.raises(RegisterError, match="終わっています"):
        sf.record(town, check, sf.people(town, check)[0].person_id, "無事")


def test_a_hancho_cannot_take_over_another_blocks_emergency_contact(town):
    from kyodo_desktop.models.auth import Session

    other = hh.add_block(town, "2班")
    theirs = hh.save_household(town, hh.HouseholdData(block_id=other, persons=[hh.PersonData(family_name="他班")]))
    cid = ct.save_contact(town, ct.EmergencyContact("他班の親戚", "090-3333-4444", household_id=theirs))
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.block}))
    from kyodo_desktop.models.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        ct.save_contact(town, ct.EmergencyContact("乗っ取り", household_id=town.ids[0], id=cid))
    row = town.conn.execute("SELECT household_id, name FROM emergency_contacts WHERE id = ?", [cid]).fetchone()
    assert tuple(row) == (theirs, "他班の親戚")
    summaries = [r[0] for r in town.conn.execute("SELECT summary || coalesce(after, '') FROM audit_log "
                                                 "WHERE table_name = 'emergency_contacts'")]
    assert summaries and not any("他班の親戚" in t or "3333" in t for t in summaries)  # no name or number in the log
