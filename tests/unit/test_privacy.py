"""Consent, the output rule, 要配慮個人情報 and the retention purge."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ADMIN, PASSWORD

from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import households, privacy
from kyodo_desktop.models.errors import PermissionDenied
from kyodo_desktop.models.households import HouseholdData, PersonData
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.models.validation import ValidationError


@pytest.fixture
def people(register):
    b1 = households.add_block(register, "1班")
    b2 = households.add_block(register, "2班")
    h1 = households.save_household(register, HouseholdData(block_id=b1, persons=[
        PersonData(family_name="青木", given_name="一郎"), PersonData(family_name="青木", given_name="花", relation="妻")]))
    h2 = households.save_household(register, HouseholdData(block_id=b2, persons=[PersonData(family_name="緑川", given_name="二郎")]))
    ids = [r[0] for r in register.conn.execute("SELECT id FROM persons ORDER BY id")]
    return {"reg": register, "b1": b1, "b2": b2, "h1": h1, "h2": h2, "aoki": ids[0], "hana": ids[1], "midori": ids[2]}


def test_internal_use_needs_no_consent_distribution_does(people):
    reg = people["reg"]
    assert privacy.may_output(reg, people["aoki"], "name", "OFFICER_INTERNAL")
    assert not privacy.may_output(reg, people["aoki"], "name", "MEIBO_DISTRIBUTE")
    # a household's consent covers its people; a person's own answer overrides it
    privacy.set_consent(reg, household_id=people["h1"], purpose="MEIBO_DISTRIBUTE", granted=True, granted_on="令和8年4月1日")
    privacy.set_consent(reg, person_id=people["hana"], purpose="MEIBO_DISTRIBUTE", granted=False, granted_on=None,
                        method="口頭")
    rule = privacy.OutputRule(reg, "MEIBO_DISTRIBUTE", on=date(2026, 11, 28))
    assert rule.allows(people["aoki"], "phone") and not rule.allows(people["hana"], "name")
    assert not rule.allows(people["midori"], "name")
    # before the consent date it did not apply; after withdrawal it no longer does
    assert not privacy.may_output(reg, people["aoki"], "name", "MEIBO_DISTRIBUTE", on=date(2026, 3, 31))
    cid = privacy.current_consents(reg, people["h1"])[("MEIBO_DISTRIBUTE", None)].id
    privacy.withdraw_consent(reg, cid, "2026-11-01")
    assert not privacy.may_output(reg, people["aoki"], "name", "MEIBO_DISTRIBUTE")
    assert len(privacy.list_consents(reg, people["h1"])) == 2  # history kept


def test_consent_input_is_checked(people):
    reg = people["reg"]
    with pytest.raises(ValidationError, match="同意を得た日"):
        privacy.set_consent(reg, person_id=people["aoki"], purpose="KAIRAN", granted=True, granted_on=None)
    with pytest.raises(ValidationError, match="分からない目的"):
        privacy.set_consent(reg, person_id=people["aoki"], purpose="SELL_LIST", granted=True, granted_on="2026-01-01")
    with pytest.raises(ValidationError):
        privacy.set_consent(reg, person_id=people["aoki"], purpose="KAIRAN", granted=True, granted_on="昭和65年1月1日")
    assert privacy.list_consents(reg, people["h1"]) == []


def test_sensitive_information_is_apart_and_never_in_general_output(people):
    reg = people["reg"]
    with pytest.raises(ValidationError, match="同意"):
        privacy.add_sensitive(reg, people["aoki"], "要介護度", "要介護2", None)
    privacy.add_sensitive(reg, people["aoki"], "要介護度", "要介護2", "2026-05-01")
    assert [r.detail for r in privacy.list_sensitive(reg, people["aoki"])] == ["要介護2"]
    # viewing is recorded; the log names the kind, never the content
    log = reg.rows("SELECT action, summary FROM audit_log WHERE action LIKE '%sensitive%'")
    assert {r["action"] for r in log} == {"sensitive_add", "view_sensitive"}
    assert all("要介護2" not in r["summary"] for r in log)
    for purpose in ("OFFICER_INTERNAL", "MEIBO_DISTRIBUTE", "CITY_REPORT"):
        assert not privacy.may_output(reg, people["aoki"], "sensitive", purpose)
    privacy.set_consent(reg, person_id=people["aoki"], purpose="BOSAI_SHARE", granted=True, granted_on="2026-05-01")
    assert privacy.may_output(reg, people["aoki"], "sensitive", "BOSAI_SHARE")


def test_roles_without_the_grant_cannot_read_sensitive_information(people, tmp_path):
    reg = people["reg"]
    privacy.add_sensitive(reg, people["aoki"], "障害", "車いす", "2026-05-01")
    acc.add_account(reg, "役員 山本", "役員", "yakuin-pass-1")
    acc.add_account(reg, "班長 2班", "班長", "hancho-pass-2", block_id=people["b2"])
    path = reg.path
    reg.close()
    officer = Register.open(path, Credentials("役員 山本", "yakuin-pass-1"), backup_dir=tmp_path / "b")
    try:
        with pytest.raises(PermissionDenied, match="要配慮"):
            privacy.list_sensitive(officer, people["aoki"])
        assert not privacy.may_output(officer, people["aoki"], "sensitive", "BOSAI_SHARE")
    finally:
        officer.close()
    hancho = Register.open(path, Credentials("班長 2班", "hancho-pass-2"), backup_dir=tmp_path / "b")
    try:
        with pytest.raises(PermissionDenied):
            privacy.list_consents(hancho, people["h1"])
        with pytest.raises(PermissionDenied):
            privacy.set_consent(hancho, person_id=people["aoki"], purpose="KAIRAN", granted=True, granted_on="2026-01-01")
        assert not privacy.may_output(hancho, people["aoki"], "name", "OFFICER_INTERNAL")  # not their 班
        assert privacy.may_output(hancho, people["midori"], "name", "OFFICER_INTERNAL")
    finally:
        hancho.close()
    admin = Register.open(path, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b")
    try:  # roles are data: grant 役員 the sensitive permission
        perms = [p for r in acc.list_roles(admin) if r.name == "役員" for p in r.permissions]
        acc.set_role_permissions(admin, "役員", [*perms, "sensitive.read"])
    finally:
        admin.close()
    officer = Register.open(path, Credentials("役員 山本", "yakuin-pass-1"), backup_dir=tmp_path / "b")
    try:
        assert [r.kind for r in privacy.list_sensitive(officer, people["aoki"])] == ["障害"]
    finally:
        officer.close()


def test_output_is_recorded(people):
    reg = people["reg"]
    privacy.record_output(reg, "1班 名簿（PDF）", "OFFICER_INTERNAL", 2)
    row = reg.rows("SELECT action, purpose, person_count, summary FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert row["action"] == "export" and row["person_count"] == 2 and "1班 名簿" in row["summary"]


def test_purge_of_old_leavers_keeps_no_personal_data(people):
    reg = people["reg"]
    households.change_household_status(reg, people["h2"], "転出", "2019-03-31")
    households.change_household_status(reg, people["h1"], "加入", "2020-01-01")
    privacy.set_consent(reg, household_id=people["h2"], purpose="KAIRAN", granted=True, granted_on="2018-01-01")
    found = privacy.leavers(reg)  # default 5 years before 2026-11-28
    assert [(x.name, x.status, x.whole_household) for x in found] == [("緑川　二郎", "転出", True)]
    assert privacy.leavers(reg, years=10) == []
    summary = privacy.purge_leavers(reg)
    assert (summary.households, summary.persons) == (1, 1)
    assert reg.conn.execute("SELECT count(*) FROM persons WHERE family_name = '緑川'").fetchone()[0] == 0
    tables = [r[0] for r in reg.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = "\n".join(str(v) for t in tables for row in reg.conn.execute(f"SELECT * FROM [{t}]") for v in row)
    assert "緑川" not in dump and "二郎" not in dump
    purge = reg.rows("SELECT actor, households, persons, left_before FROM purges")[0]
    assert purge == {"actor": ADMIN, "households": 1, "persons": 1, "left_before": "2021-11-28"}
    assert "青木" in dump  # the others are untouched
    assert privacy.purge_leavers(reg).persons == 0


def test_audit_viewer_filters_and_exports(people, tmp_path):
    import csv

    from kyodo_desktop.export.audit import write_audit_csv
    from kyodo_desktop.models import audit

    reg = people["reg"]
    privacy.record_output(reg, "=1班 名簿", "OFFICER_INTERNAL", 2)
    everything = audit.query(reg)
    assert everything[0].action == "export" and everything[-1].action == "create"
    assert [e.action for e in audit.query(reg, actions=("export",))] == ["export"]
    assert audit.query(reg, actor="誰か") == []
    assert audit.query(reg, since=date(2026, 11, 28), until=date(2026, 11, 28)) == everything
    assert audit.query(reg, until=date(2026, 11, 27)) == []
    assert ADMIN in audit.actors(reg)
    out = write_audit_csv(reg, everything, tmp_path / "管理台帳.csv")
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "番号" and len(rows) == len(everything) + 1
    assert any(r[4] == "'=1班 名簿（目的: 役員による町会運営（内部利用）、2人）" for r in rows)  # no formula
    assert audit.query(reg, actions=("audit_export",))  # the export itself is recorded


def test_accounts_can_be_linked_to_people_of_the_register(people):
    reg = people["reg"]
    found = acc.find_persons(reg, "青木")
    assert [name for _pid, name, _b in found] == ["青木　一郎", "青木　花"]
    uid = acc.add_account(reg, "会計 青木", "役員", "kaikei-pass-3", person_id=people["aoki"])
    assert next(a for a in acc.list_accounts(reg) if a.uid == uid).person_name == "青木　一郎"
    acc.link_person(reg, uid, people["hana"])
    assert next(a for a in acc.list_accounts(reg) if a.uid == uid).person_name == "青木　花"
    acc.link_person(reg, uid, None)
    assert next(a for a in acc.list_accounts(reg) if a.uid == uid).person_id is None


def test_a_purge_removes_a_leaver_from_the_support_list_contacts_rosters_and_their_audit_entries(register):
    from kyodo_desktop.models import contacts as ct
    from kyodo_desktop.models import households as hh
    from kyodo_desktop.models import rosters as ro
    from kyodo_desktop.models import support as sp

    b = hh.add_block(register, "1班")
    stay = hh.save_household(register, hh.HouseholdData(block_id=b, status_since="2010-01-01", persons=[
        hh.PersonData(family_name="残留", given_name="一")]))
    gone = hh.save_household(register, hh.HouseholdData(block_id=b, status_since="2010-01-01", persons=[
        hh.PersonData(family_name="青木", given_name="ハナ", birth_date="1935-01-01")]))
    pid = register.conn.execute("SELECT id FROM persons WHERE household_id = ?", [gone]).fetchone()[0]
    sid = sp.save_support(register, sp.SupportPerson(name="青木 ハナ", person_id=pid, consent="同意",
                                                    care_level="要介護3", medical_notes="人工透析 週3回"))
    sp.set_helpers(register, sid, [sp.Helper("赤井 三郎", "076-222-3333", "近所")])
    ct.save_contact(register, ct.EmergencyContact("青木 次郎", "090-1111-2222", household_id=gone))
    rid = ro.save_roster(register, ro.RosterData(name="当番", start_date="2010-04-01", block_ids=[b], cadence="monthly",
                                                 monthly_rule="day:1"))
    ro.generate(register, rid, "2011-03-31")
    ro.add_exemption(register, gone, "要介護・障害", "2010-06-01", "2010-12-31", roster_id=rid)
    hh.change_household_status(register, gone, "転出", "2011-01-15")
    summary = privacy.purge_leavers(register, 5)
    assert summary.households == 1
    c = register.conn
    assert c.execute("SELECT count(*) FROM support_people WHERE id = ?", [sid]).fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM support_helpers").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM emergency_contacts").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM roster_exemptions").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM roster_turns WHERE member_id = ?", [gone]).fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM roster_turns WHERE member_id = ?", [stay]).fetchone()[0] > 0
    log = " ".join(r[0] or "" for r in c.execute("SELECT summary || coalesce(before, '') || coalesce(after, '') "
                                                 "FROM audit_log"))
    for secret in ("青木", "ハナ", "透析", "要介護3", "090-1111-2222", "次郎"):
        assert secret not in log, secret
