"""行事・参加・担い手・協力団体・地域課題: the Qt-free models against a real encrypted register."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import privacy
from kyodo_desktop.models import volunteers as vol
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.validation import ValidationError

# the register fixture's clock: 2026-11-28


@pytest.fixture
def town(register):
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    ids = {}
    for block, family, people in ((b1, "髙橋", [("一郎", "1950-05-01"), ("花子", "1953-02-02"), ("翔", "2012-07-07")]),
                                  (b1, "山﨑", [("正", "1980-01-01")]),
                                  (b2, "渡邉", [("健", "1999-09-09"), ("舞", None)])):
        hid = hh.save_household(register, hh.HouseholdData(block_id=block, persons=[
            hh.PersonData(family_name=family, given_name=g, birth_date=b) for g, b in people]))
        ids[family] = hid
        # households agree to their participation being logged by name, except 渡邉
        if family != "渡邉":
            privacy.set_consent(register, household_id=hid, purpose="ACTIVITY_LOG", granted=True, granted_on="2020-04-01")
    register.ids = ids
    register.person = {r[1] + r[2]: r[0] for r in register.conn.execute("SELECT id, family_name, given_name FROM persons")}
    return register


def _event(reg, **kw):
    data = act.EventData(title=kw.pop("title", "町内一斉清掃"), starts_at=kw.pop("starts_at", "2026-06-07T08:00"),
                         category=kw.pop("category", "清掃・美化"), **kw)
    return act.save_event(reg, data)


def test_an_event_is_saved_listed_and_changed_with_its_audit(town):
    eid = _event(town, ends_at="2026-06-07T10:00", place="集会所前", planned_cost="12,000円")
    got = act.get_event(town, eid)
    assert (got.title, got.category, got.planned_cost, got.status) == ("町内一斉清掃", "清掃・美化", 12000, "予定")
    got.status, got.actual_cost, got.outcome = "実施", 10500, "ごみ袋 40袋"
    act.save_event(town, got)
    rows = act.list_events(town, fiscal_year=2026)
    assert [(r.title, r.status, r.actual_cost) for r in rows] == [("町内一斉清掃", "実施", 10500)]
    assert act.list_events(town, fiscal_year=2025) == []
    log = town.rows("SELECT action, summary, before, after FROM audit_log WHERE table_name = 'events' ORDER BY id")
    assert [r["action"] for r in log] == ["insert", "update"] and '"status": "予定"' in log[1]["before"]


@pytest.mark.parametrize(("change", "message"), [
    ({"ends_at": "2026-06-07T07:00"}, "終了（2026-06-07 07:00）が開始（2026-06-07 08:00）より前"),
    ({"ends_at": "2026-06-06"}, "より前です"),
    ({"starts_at": "六月七日"}, "日付・時刻として読めません"),
    ({"title": "  "}, "行事名: 入力してください"),
    ({"planned_cost": -5}, "マイナス"),
    ({"category": "宴会"}, "「宴会」という行事の種類はありません"),
    ({"status": "延期"}, "状態は 予定・実施・中止"),
    ({"organiser": "協力団体"}, "主催の協力団体を選んでください"),
])
def test_bad_events_are_refused_and_change_nothing(town, change, message):
    before = town.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(ValidationError, match=message):
        _event(town, **change)
    assert town.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_a_date_only_end_means_the_end_of_that_day(town):
    eid = _event(town, ends_at="2026-06-07")
    assert act.get_event(town, eid).ends_at == "2026-06-07T23:59"


def test_recurring_events_are_copied_to_next_year_once(town):
    leap = _event(town, title="節分", starts_at="2028-02-29", category="交流", actual_cost=3000)
    clean = _event(town)
    made = act.copy_to_next_year(town, [leap, clean])
    copies = [act.get_event(town, e) for e in made]
    assert [(c.starts_at, c.status, c.planned_cost, c.copied_from) for c in copies] == [
        ("2029-02-28", "予定", 3000, leap), ("2027-06-07T08:00", "予定", None, clean)]
    assert act.copy_to_next_year(town, [leap, clean]) == []  # not twice


def test_participants_named_with_consent_counted_by_band_without_it(town):
    eid = _event(town)
    p = town.person
    res = act.add_household(town, eid, town.ids["髙橋"], role="参加")
    assert res.added == 3
    res = act.add_participants(town, eid, [p["山﨑正"], p["渡邉健"], p["渡邉舞"], p["髙橋一郎"]], role="運営")
    assert (res.added, res.already, res.counted) == (1, 1, {"20〜39歳": 1, "不明": 1})
    assert "年代別の人数に加えました" in res.message()
    named = act.list_participants(town, eid)
    assert sorted(x.name for x in named) == sorted(["髙橋　一郎", "髙橋　翔", "髙橋　花子", "山﨑　正"])  # not 渡邉:
    assert {x.role for x in named if x.name == "山﨑　正"} == {"運営"}  # no consent, no name kept
    act.set_band_counts(town, eid, {"〜19歳": 12, "40〜64歳": 3})  # children's club guests
    s = act.event_summary(town, eid)
    assert (s.named, s.counted, s.total, s.helpers) == (4, 17, 21, 1)
    assert s.by_band["〜19歳"] == 13 and s.by_band["75歳〜"] == 1 and s.by_band["不明"] == 1
    yamazaki = next(x for x in named if x.name == "山﨑　正")
    act.update_participation(town, yamazaki.id, attended=False)
    assert act.event_summary(town, eid).named == 3
    row = next(r for r in act.list_events(town) if r.id == eid)
    assert (row.participants, row.helpers) == (20, 0)
    with pytest.raises(RegisterError, match="参加の記録（21人）があるため削除できません"):
        act.delete_event(town, eid)


def test_nobody_takes_part_before_being_born(town):
    eid = _event(town, starts_at="2010-08-01", category="祭り")
    res = act.add_household(town, eid, town.ids["髙橋"])
    assert res.refused == [("髙橋　翔", "2010-08-01にはまだ生まれていないため、参加者にできません。")]
    # the household's consent dates from 2020: in 2010 the parents are counted, not named
    assert res.added == 0 and res.counted == {"40〜64歳": 2}
    assert act.band_of("2012-07-07", date(2010, 8, 1)) == "不明"
    assert act.event_summary(town, eid).counted == 2


def test_a_person_who_had_left_cannot_take_part_but_could_before(town):
    hh.change_household_status(town, town.ids["山﨑"], "転出", "2026-05-01")
    after = _event(town)
    res = act.add_participants(town, after, [town.person["山﨑正"]])
    assert res.added == 0 and "2026-06-07の時点で「転出」のため" in res.refused[0][1]
    before = _event(town, title="総会", starts_at="2026-04-19T10:00", category="総会")
    assert act.add_participants(town, before, [town.person["山﨑正"]]).added == 1


def test_counts_below_zero_or_unknown_bands_change_nothing(town):
    eid = _event(town)
    act.set_band_counts(town, eid, {"〜19歳": 5})
    for bad, message in (({"〜19歳": -1}, "マイナス"), ({"子ども": 3}, "分からない年代"), ({"〜19歳": "三"}, "整数")):
        with pytest.raises(ValidationError, match=message):
            act.set_band_counts(town, eid, bad)
    assert act.band_counts(town, eid)["guest"] == {"〜19歳": 5}


def test_a_thousand_participants_in_one_go(register):
    b = hh.add_block(register, "1班")
    for n in range(250):
        hid = hh.save_household(register, hh.HouseholdData(block_id=b, persons=[
            hh.PersonData(family_name="金沢", given_name=f"{n}{k}", birth_date="1970-01-01") for k in "一二三四"]))
        privacy.set_consent(register, household_id=hid, purpose="ACTIVITY_LOG", granted=True, granted_on="2020-04-01")
    eid = _event(register, title="秋祭り", category="祭り")
    ids = [r[0] for r in register.conn.execute("SELECT id FROM persons")]
    assert len(ids) == 1000
    assert act.add_participants(register, eid, ids).added == 1000
    assert len(act.list_participants(register, eid)) == 1000
    assert act.event_summary(register, eid).by_band["40〜64歳"] == 1000


def test_rsvp_by_hand_adds_and_updates(town):
    eid = _event(town, title="敬老会", category="敬老会")
    p = town.person
    res = act.set_rsvp(town, eid, {p["髙橋一郎"]: "出席", p["髙橋花子"]: "欠席"})
    assert res.added == 2
    act.set_rsvp(town, eid, {p["髙橋花子"]: "出席"})
    assert act.event_summary(town, eid).rsvp == {"出席": 2, "欠席": 0, "未定": 0}
    with pytest.raises(ValidationError, match="出欠は"):
        act.set_rsvp(town, eid, {p["髙橋一郎"]: "たぶん"})
    # 渡邉 gave no consent to a personal log: a 欠席 answer cannot be kept, and is not counted as a participant
    res = act.set_rsvp(town, eid, {p["渡邉健"]: "欠席", p["渡邉舞"]: "出席"})
    assert (res.added, res.not_logged, res.counted) == (0, 1, {"不明": 1}) and "出欠を記録しませんでした" in res.message()
    assert act.event_summary(town, eid).counted == 1


def test_partners_link_to_events_and_cannot_be_deleted_while_linked(town):
    school = pt.save_partner(town, pt.PartnerData("泉野小学校PTA", "学校・PTA", contact_name="会長 田中"))
    shop = pt.save_partner(town, pt.PartnerData("泉野商店会", "商店・企業"))
    eid = _event(town, title="防災訓練", category="防災訓練", partner_ids=[school])
    pt.add_agreement(town, shop, "災害時物資協定", signed_on="令和7年4月1日")
    with pytest.raises(RegisterError, match="行事1件に結び付いているため削除できません"):
        pt.delete_partner(town, school)
    with pytest.raises(RegisterError, match="協定1件"):
        pt.delete_partner(town, shop)
    assert {p.name for p in pt.list_partners(town)} == {"泉野小学校PTA", "泉野商店会"}
    pt.retire_partner(town, school)
    assert [p.name for p in pt.list_partners(town)] == ["泉野商店会"]
    pt.reactivate_partner(town, school)
    assert len(pt.list_partners(town)) == 2 and pt.list_partners(town)[0].last_event is None  # 6月7日 is to come
    pt.retire_partner(town, school)
    assert pt.partner_links(town, school)["events"] == [("2026-06-07", "防災訓練")]
    assert act.get_event(town, eid).partner_ids == [school]
    spare = pt.save_partner(town, pt.PartnerData("間違えて登録", "その他"))
    pt.delete_partner(town, spare)
    with pytest.raises(ValidationError, match="すでに登録"):
        pt.save_partner(town, pt.PartnerData("泉野商店会", "商店・企業"))


def test_local_issues_follow_the_machibako_stages_with_requests_to_the_city(town):
    b = town.conn.execute("SELECT id FROM blocks WHERE name = '2班'").fetchone()[0]
    iid = pt.save_issue(town, pt.IssueData("通学路の街路灯が暗い", "2026-10-01", category="防犯", block_id=b,
                                           external_url="https://machibako.example/posts/12"))
    rid = pt.add_city_request(town, "街路灯の増設をお願いします", asked_on="2026-10-15", addressed_to="道路管理課",
                              issue_id=iid)
    issue = pt.get_issue(town, iid)
    issue.stage = "企画と試作中"
    pt.save_issue(town, issue)
    assert pt.issues_by_stage(town)["企画と試作中"] == 1
    row = pt.list_issues(town, open_only=True)[0]
    assert (row.block, row.requests, row.unanswered) == ("2班", 1, 1)
    with pytest.raises(ValidationError, match="要望日（2026-10-15）より前"):
        pt.answer_city_request(town, rid, "設置します", answered_on="2026-10-01")
    pt.answer_city_request(town, rid, "来年度に設置します", answered_on="2026-11-20")
    assert pt.list_issues(town)[0].unanswered == 0
    with pytest.raises(ValidationError, match="https://"):
        pt.save_issue(town, pt.IssueData("x", external_url="file:///etc/passwd"))
    log = town.rows("SELECT summary FROM audit_log WHERE table_name = 'local_issues' ORDER BY id")
    assert "段階を「議論と調査」から「企画と試作中」に変更しました" in log[-1]["summary"]


def test_volunteer_profiles_need_consent_and_who_could_help_respects_limits(town):
    p = town.person
    with pytest.raises(RegisterError, match="同意が記録されていません"):
        vol.save_volunteer(town, vol.VolunteerData(p["山﨑正"], skills=["PC・スマホ支援"]))
    for name in ("山﨑正", "髙橋花子"):
        privacy.set_consent(town, person_id=p[name], purpose="VOLUNTEER_PROFILE", granted=True, granted_on="2026-04-01")
    vol.save_volunteer(town, vol.VolunteerData(p["山﨑正"], skills=["PC・スマホ支援", "運転"], interests=["デジタル"],
                                               availability=["土午前", "日午後"], max_per_month=1))
    vol.save_volunteer(town, vol.VolunteerData(p["髙橋花子"], skills=["PC・スマホ支援"], availability=["火午後"]))
    assert vol.get_volunteer(town, p["山﨑正"]).valid_until == "2027-03-31"  # the end of this 年度
    found = vol.who_could_help(town, skills=["PC・スマホ支援"], slots=["土午前"])
    assert [v.name for v in found] == ["山﨑　正"]
    # once they helped this month they are at their limit of 1
    eid = _event(town, title="スマホ教室", starts_at="2026-11-21T10:00", category="研修・講座")
    act.add_participants(town, eid, [p["山﨑正"]], role="講師")
    assert vol.who_could_help(town, skills=["PC・スマホ支援"], slots=["土午前"]) == []
    assert [v.name for v in vol.who_could_help(town, skills=["PC・スマホ支援"])] == ["髙橋　花子"]
    with pytest.raises(ValidationError, match="項目にないもの"):
        vol.save_volunteer(town, vol.VolunteerData(p["髙橋花子"], skills=["空を飛ぶ"]))
    with pytest.raises(ValidationError, match="分からない時間帯"):
        vol.save_volunteer(town, vol.VolunteerData(p["髙橋花子"], availability=["八日午前"]))
    vol.remove_volunteer(town, p["髙橋花子"])
    assert [v.name for v in vol.list_volunteers(town)] == ["山﨑　正"]


def test_officer_history_tenure_and_hand_over(town):
    p = town.person
    for year in (2022, 2023, 2024, 2025, 2026):
        hh.add_officer(town, p["髙橋一郎"], "会長", year, f"{year}-04-01")
    hh.add_officer(town, p["山﨑正"], "会計", 2025, "2025-04-01")
    last = hh.add_officer(town, p["渡邉健"], "会計", 2026, "2026-04-01")
    vol.set_handed_over(town, last)
    tenure = {t.role: t for t in vol.role_tenure(town)}
    assert (tenure["会長"].holder, tenure["会長"].years, tenure["会長"].holders_10y) == ("髙橋　一郎", 5, 1)
    assert (tenure["会計"].holder, tenure["会計"].years, tenure["会計"].holders_10y, tenure["会計"].handed_over) == (
        "渡邉　健", 1, 2, True)
    for year in (2025, 2026):  # two 監事 a year
        hh.add_officer(town, p["山﨑正"], "監事", year, f"{year}-04-01")
    hh.add_officer(town, p["髙橋花子"], "監事", 2026, "2026-04-01")
    kanji = {t.role: t for t in vol.role_tenure(town)}["監事"]
    assert (kanji.holder, kanji.years, kanji.holders_10y) == ("山﨑　正・髙橋　花子", 2, 2)


def test_purging_a_leaver_keeps_their_participation_as_a_count(town):
    eid = _event(town, starts_at="2019-06-02T08:00")
    act.add_participants(town, eid, [town.person["山﨑正"]])
    hh.change_household_status(town, town.ids["山﨑"], "転出", "2020-03-31")
    privacy.purge_leavers(town, 5)
    assert act.list_participants(town, eid) == []
    s = act.event_summary(town, eid)
    assert (s.named, s.counted, s.by_band["20〜39歳"]) == (0, 1, 1)


def test_roles_who_may_record_activity(town):
    from kyodo_desktop.models.auth import Session

    viewer = Session(None, "v", "閲覧さん", "閲覧", frozenset({"register.read"}))
    town.session = viewer
    with pytest.raises(PermissionDenied, match="行事・参加・担い手|行事を記録する"):
        _event(town)
    assert act.list_events(town) == []


def test_area_households_give_the_membership_rate_inputs(town):
    pt.set_area_households(town, 2026, 120, "市の統計")
    pt.set_area_households(town, 2026, 118)
    assert pt.area_households(town) == {2026: 118} and pt.area_household_sources(town) == {2026: ""}
    with pytest.raises(ValidationError, match="1以上"):
        pt.set_area_households(town, 2025, 0)
    assert act.band_of("1951-11-29", date(2026, 11, 28)) == "75歳〜"  # 75 the day before the birthday
    assert act.band_of("1951-11-30", date(2026, 11, 28)) == "65〜74歳"


def test_a_hancho_reads_their_own_block_and_records_no_activity(town):
    """Every public function of the activity modules, as the 班長 of 2班 (no activity.write)."""
    import inspect

    from kyodo_desktop.models.auth import Session

    p = town.person
    eid = _event(town)
    act.add_participants(town, eid, [p["髙橋一郎"], p["山﨑正"]])
    privacy.set_consent(town, person_id=p["髙橋花子"], purpose="VOLUNTEER_PROFILE", granted=True, granted_on="2026-04-01")
    vol.save_volunteer(town, vol.VolunteerData(p["髙橋花子"], skills=["調理"]))
    partner = pt.save_partner(town, pt.PartnerData("公民館", "公民館"))
    issue = pt.save_issue(town, pt.IssueData("空き家"))
    officer = hh.add_officer(town, p["髙橋一郎"], "会長", 2026, "2026-04-01")
    b2 = town.conn.execute("SELECT id FROM blocks WHERE name = '2班'").fetchone()[0]
    town.session = Session(None, "h", "2班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({b2}))
    reads = {
        "list_categories": lambda: act.list_categories(town),
        "list_events": lambda: act.list_events(town),
        "get_event": lambda: act.get_event(town, eid),
        "list_participants": lambda: act.list_participants(town, eid),
        "band_counts": lambda: act.band_counts(town, eid),
        "event_summary": lambda: act.event_summary(town, eid),
        "participation_dates": lambda: act.participation_dates(town, p["渡邉健"], date(2026, 1, 1)),
        "list_skills": lambda: vol.list_skills(town),
        "list_volunteers": lambda: vol.list_volunteers(town),
        "who_could_help": lambda: vol.who_could_help(town),
        "officer_history": lambda: vol.officer_history(town),
        "role_tenure": lambda: vol.role_tenure(town),
        "summary": lambda: vol.summary(town),
        "list_partners": lambda: pt.list_partners(town),
        "get_partner": lambda: pt.get_partner(town, partner),
        "partner_links": lambda: pt.partner_links(town, partner),
        "list_agreements": lambda: pt.list_agreements(town),
        "list_issues": lambda: pt.list_issues(town),
        "get_issue": lambda: pt.get_issue(town, issue),
        "issues_by_stage": lambda: pt.issues_by_stage(town),
        "list_city_requests": lambda: pt.list_city_requests(town),
        "area_households": lambda: pt.area_households(town),
        "area_household_sources": lambda: pt.area_household_sources(town),
    }
    for call in reads.values():
        call()
    assert act.list_participants(town, eid) == []  # 1班 people: not shown to the 2班 班長
    assert vol.list_volunteers(town) == []
    with pytest.raises(PermissionDenied):
        vol.get_volunteer(town, p["髙橋花子"])
    writes = {
        "add_category": lambda: act.add_category(town, "新年会"),
        "save_event": lambda: _event(town),
        "delete_event": lambda: act.delete_event(town, eid),
        "copy_to_next_year": lambda: act.copy_to_next_year(town, [eid]),
        "add_participants": lambda: act.add_participants(town, eid, [p["渡邉健"]]),
        "add_household": lambda: act.add_household(town, eid, town.ids["渡邉"]),
        "update_participation": lambda: act.update_participation(town, 1, hours=2),
        "remove_participation": lambda: act.remove_participation(town, 1),
        "set_band_counts": lambda: act.set_band_counts(town, eid, {"〜19歳": 1}),
        "set_rsvp": lambda: act.set_rsvp(town, eid, {p["渡邉健"]: "出席"}),
        "add_skill": lambda: vol.add_skill(town, "手話"),
        "save_volunteer": lambda: vol.save_volunteer(town, vol.VolunteerData(p["渡邉健"])),
        "get_volunteer": lambda: vol.get_volunteer(town, p["髙橋花子"]),
        "remove_volunteer": lambda: vol.remove_volunteer(town, p["髙橋花子"]),
        "set_handed_over": lambda: vol.set_handed_over(town, officer),
        "save_partner": lambda: pt.save_partner(town, pt.PartnerData("x")),
        "retire_partner": lambda: pt.retire_partner(town, partner),
        "reactivate_partner": lambda: pt.reactivate_partner(town, partner),
        "delete_partner": lambda: pt.delete_partner(town, partner),
        "add_agreement": lambda: pt.add_agreement(town, partner, "協定"),
        "save_issue": lambda: pt.save_issue(town, pt.IssueData("x")),
        "add_city_request": lambda: pt.add_city_request(town, "要望"),
        "answer_city_request": lambda: pt.answer_city_request(town, 1, "回答"),
        "set_area_households": lambda: pt.set_area_households(town, 2026, 100),
    }
    audit = town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    for name, call in writes.items():
        with pytest.raises(PermissionDenied, match=".") as refused:
            call()
        assert refused.value.args[0], name  # a message for the officer, whichever function refused
    assert town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit
    pure = {"band_of", "validate_event"}
    public = {f"{m.__name__}.{n}" for m in (act, vol, pt) for n, f in inspect.getmembers(m, inspect.isfunction)
              if not n.startswith("_") and f.__module__ == m.__name__ and n not in pure}
    covered = {f"{m.__name__}.{n}" for m in (act, vol, pt) for n in {*reads, *writes} if hasattr(m, n)}
    assert public - covered == set()
