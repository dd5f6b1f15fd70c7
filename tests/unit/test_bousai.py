"""自主防災 (models): 資機材台帳, gathering places and shelters, the organisation per 年度 — against a
real register; bad input refused in Japanese, a 班長 limited to their own 班."""

from __future__ import annotations

import pytest

from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.validation import ValidationError

HANCHO_PERMISSIONS = frozenset({"register.read", "register.write", "output"})


@pytest.fixture
def town(register):
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    heads = {}
    for block, family in ((b1, "青木"), (b1, "井上"), (b2, "上田"), (b2, "江口")):
        hid = hh.save_household(register, hh.HouseholdData(block_id=block, persons=[
            hh.PersonData(family_name=family, given_name="一", birth_date="1960-01-01")]))
        heads[family] = register.conn.execute("SELECT head_person_id FROM households WHERE id = ?", [hid]).fetchone()[0]
        heads[family + "_home"] = hid
    register.b1, register.b2, register.heads = b1, b2, heads
    return register


def _hancho(reg, block):
    return Session(None, "h", "1班 班長", "班長", HANCHO_PERMISSIONS, frozenset({block}))


def test_equipment_is_added_changed_flagged_and_retired(town):
    # the clock of the tests says 2026-11-28
    extinguisher = bo.save_equipment(town, bo.EquipmentData("消火器（粉末10型）", "１２", "防災倉庫", "令和元年",
                                                            "市 資機材整備補助", "2025-11-28"))
    generator = bo.save_equipment(town, bo.EquipmentData("発電機", 1, "集会所", "2021-06-01", checked_on="令和8年10月1日"))
    stretcher = bo.save_equipment(town, bo.EquipmentData("担架", 2, "防災倉庫", "2015"))
    got = {e.id: e for e in bo.list_equipment(town)}
    assert got[extinguisher].quantity == 12 and got[extinguisher].bought_on == "2019"
    assert bo.year_or_date_text(got[extinguisher].bought_on) == "令和元年"
    assert got[extinguisher].flag == bo.OVERDUE  # exactly a year ago
    assert got[generator].flag == "" and got[generator].checked_on == "2026-10-01"
    assert got[stretcher].flag == bo.NEVER_CHECKED and got[stretcher].overdue
    bo.record_equipment_check(town, extinguisher)
    assert {e.id: e.flag for e in bo.list_equipment(town)}[extinguisher] == ""
    data = bo.get_equipment(town, generator)
    data.quantity = 0  # used up or broken: 0 is allowed
    bo.save_equipment(town, data)
    assert bo.get_equipment(town, generator).quantity == 0
    log = town.rows("SELECT summary, before, after FROM audit_log WHERE table_name = 'equipment' ORDER BY id DESC LIMIT 1")[0]
    assert "発電機" in log["summary"] and '"quantity": 1' in log["before"] and '"quantity": 0' in log["after"]
    bo.retire_equipment(town, stretcher, "2026-11-01", reason="破損")
    assert [e.item for e in bo.list_equipment(town)] == ["消火器（粉末10型）", "発電機"]
    retired = [e for e in bo.list_equipment(town, include_retired=True) if e.id == stretcher][0]
    assert retired.retired_on == "2026-11-01" and "破損" in retired.notes and retired.flag == ""
    with pytest.raises(RegisterError, match="廃棄済み"):
        bo.retire_equipment(town, stretcher)
    with pytest.raises(RegisterError, match="廃棄済み"):
        bo.save_equipment(town, bo.get_equipment(town, stretcher))


@pytest.mark.parametrize(("data", "field", "message"), [
    (bo.EquipmentData("消火器", -1), "数量", "マイナス"),
    (bo.EquipmentData("消火器", "たくさん"), "数量", "整数"),
    (bo.EquipmentData("", 1), "品名", "入力してください"),
    (bo.EquipmentData("消火器", 1, checked_on="2027-01-01"), "点検日", "今日より後"),
    (bo.EquipmentData("消火器", 1, checked_on="きのう"), "点検日", "日付として読めません"),
    (bo.EquipmentData("消火器", 1, bought_on="むかし"), "購入", "日付として読めません"),
])
def test_bad_equipment_is_refused_naming_the_field(town, data, field, message):
    with pytest.raises(ValidationError, match=message) as err:
        bo.save_equipment(town, data)
    assert err.value.label == field
    assert bo.list_equipment(town, include_retired=True) == []


def test_places_serve_blocks_and_a_hancho_handles_only_their_own(town):
    park = bo.save_place(town, bo.PlaceData("集合場所", "中央公園", "本町1-2", block_ids=[town.b1]))
    school = bo.save_place(town, bo.PlaceData("指定避難所", "本町小学校", "本町5-6"))  # the whole 町会
    shrine = bo.save_place(town, bo.PlaceData("一時避難場所", "神社境内", block_ids=[town.b2]))
    places = bo.list_places(town)
    assert [p.name for p in places] == ["中央公園", "神社境内", "本町小学校"]  # by kind, then name
    assert places[0].blocks == ["1班"] and places[2].block_ids == []
    assert [p.name for p in bo.places_for_block(town, town.b2)] == ["神社境内", "本町小学校"]
    with pytest.raises(ValidationError, match="種類は"):
        bo.save_place(town, bo.PlaceData("避難タワー", "どこか"))
    with pytest.raises(ValidationError, match="すでに登録"):
        bo.save_place(town, bo.PlaceData("集合場所", "中央公園"))
    with pytest.raises(ValidationError, match="台帳にない班"):
        bo.save_place(town, bo.PlaceData("集合場所", "裏の空き地", block_ids=[9999]))
    officer = town.session
    town.session = _hancho(town, town.b1)
    try:
        assert [p.name for p in bo.list_places(town)] == ["中央公園", "本町小学校"]
        mine = bo.save_place(town, bo.PlaceData("集合場所", "1班の空き地", block_ids=[town.b1]))
        with pytest.raises(PermissionDenied, match="自分の班だけ"):
            bo.save_place(town, bo.PlaceData("集合場所", "2班の空き地", block_ids=[town.b2]))
        with pytest.raises(PermissionDenied, match="町会全体"):
            bo.save_place(town, bo.PlaceData("集合場所", "みんなの空き地"))
        with pytest.raises(PermissionDenied, match="自分の班だけ"):
            bo.delete_place(town, shrine)
        with pytest.raises(PermissionDenied, match="町会全体"):
            bo.delete_place(town, school)
        bo.delete_place(town, mine)
    finally:
        town.session = officer
    data = bo.list_places(town)[0]
    data.block_ids = [town.b1, town.b2]
    bo.save_place(town, data)
    assert bo.list_places(town)[0].blocks == ["1班", "2班"]
    bo.delete_place(town, park)
    assert [p.name for p in bo.list_places(town)] == ["神社境内", "本町小学校"]
    assert town.conn.execute("SELECT count(*) FROM bousai_place_blocks WHERE place_id = ?", [park]).fetchone()[0] == 0


def test_the_organisation_per_year_with_one_leader_a_team(town):
    h = town.heads
    bo.assign_member(town, h["江口"], "情報班", "班員", 2026)
    bo.assign_member(town, h["青木"], "本部", "班長", 2026)
    bo.assign_member(town, h["井上"], "情報班", "班長", 2026)
    bo.assign_member(town, h["上田"], "消火班", fiscal_year=2026)
    chart = bo.list_chart(town, 2026)
    assert [(m.team, bo.role_label(m.team, m.role), m.name) for m in chart] == [
        ("本部", "本部長", "青木　一"), ("情報班", "班長", "井上　一"), ("情報班", "班員", "江口　一"),
        ("消火班", "班員", "上田　一")]
    assert bo.list_chart(town) == chart  # this 年度 (2026-11-28 → 2026) by default
    with pytest.raises(RegisterError, match="情報班の班長はすでに井上　一さん"):
        bo.assign_member(town, h["江口"], "情報班", "班長", 2026)
    bo.assign_member(town, h["井上"], "情報班", "班員", 2026)  # the role changes, no second row
    bo.assign_member(town, h["江口"], "情報班", "班長", 2026)
    assert [(m.name, m.role) for m in bo.list_chart(town) if m.team == "情報班"] == [("江口　一", "班長"), ("井上　一", "班員")]
    with pytest.raises(ValidationError, match="自主防災の班は") as err:
        bo.assign_member(town, h["上田"], "広報班")
    assert err.value.label == "班（役割）"
    with pytest.raises(ValidationError, match="役は"):
        bo.assign_member(town, h["上田"], "消火班", "副班長")
    with pytest.raises(ValidationError, match="年度"):
        bo.assign_member(town, h["上田"], "消火班", fiscal_year="今年")
    hh.change_household_status(town, h["江口_home"], "転出", "2026-11-01")
    with pytest.raises(RegisterError, match="転出.*入れられません"):
        bo.assign_member(town, h["江口"], "救出救護班")
    with pytest.raises(RegisterError, match="台帳にいません"):
        bo.assign_member(town, 99999, "救出救護班")
    gone = [m for m in bo.list_chart(town) if m.name == "江口　一"][0]
    assert not gone.present
    bo.remove_member(town, [m for m in bo.list_chart(town) if m.name == "上田　一"][0].id)
    assert [m.name for m in bo.list_chart(town)] == ["青木　一", "江口　一", "井上　一"]


def test_last_years_chart_is_copied_without_those_who_left(town):
    h = town.heads
    bo.assign_member(town, h["青木"], "本部", "班長", 2025)
    bo.assign_member(town, h["井上"], "情報班", "班長", 2025)
    bo.assign_member(town, h["上田"], "消火班", "班員", 2025)
    bo.assign_member(town, h["江口"], "消火班", "班長", 2025)
    hh.change_household_status(town, h["上田_home"], "転出", "2026-05-01")
    bo.assign_member(town, h["青木"], "情報班", "班長", 2026)  # already chosen this year
    result = bo.copy_chart(town)  # 2025 → 2026
    assert (result.copied, result.already) == (3, 0)
    assert result.left_out == ["上田　一（転出）"] and result.as_member == ["井上　一（情報班）"]
    chart = [(m.team, m.role, m.name) for m in bo.list_chart(town, 2026)]
    assert chart == [("本部", "班長", "青木　一"), ("情報班", "班長", "青木　一"), ("情報班", "班員", "井上　一"),
                     ("消火班", "班長", "江口　一")]
    assert bo.copy_chart(town, 2025, 2026).already == 3  # twice: nothing new
    with pytest.raises(RegisterError, match="2020年度の自主防災の組織は登録されていません"):
        bo.copy_chart(town, 2020, 2026)
    with pytest.raises(ValidationError, match="同じ年度"):
        bo.copy_chart(town, 2026, 2026)
    assert bo.chart_years(town) == [2026, 2025]


def test_a_hancho_sees_and_changes_only_members_of_their_block(town):
    h = town.heads
    bo.assign_member(town, h["青木"], "本部", "班長", 2026)
    other = bo.assign_member(town, h["上田"], "消火班", "班長", 2026)
    officer = town.session
    town.session = _hancho(town, town.b1)
    try:
        assert [m.name for m in bo.list_chart(town)] == ["青木　一"]
        bo.assign_member(town, h["井上"], "情報班")
        with pytest.raises(PermissionDenied, match="自分の班だけ"):
            bo.assign_member(town, h["江口"], "情報班")
        with pytest.raises(PermissionDenied, match="自分の班だけ"):
            bo.remove_member(town, other)
        bo.save_equipment(town, bo.EquipmentData("ヘルメット", 10, "1班長宅"))  # the 町会's, no 班
    finally:
        town.session = officer
    assert len(bo.list_chart(town)) == 3
    viewer = Session(None, "v", "閲覧", "閲覧", frozenset({"register.read"}))
    town.session = viewer
    try:
        assert len(bo.list_equipment(town)) == 1
        with pytest.raises(PermissionDenied, match="権限がありません"):
            bo.save_equipment(town, bo.EquipmentData("ロープ", 1))
        with pytest.raises(PermissionDenied):
            bo.assign_member(town, h["井上"], "消火班")
    finally:
        town.session = officer
