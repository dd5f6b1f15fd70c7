"""担い手・協力団体・地域課題 tabs: what an officer does with them, what a viewer may not, and
their table models. The data each test needs is made here through the model functions (the demo
register only provides households and people)."""

from __future__ import annotations

import pytest
from conftest import admin_login
from PySide6.QtCore import Qt

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import privacy
from kyodo_desktop.models import volunteers as vol
from kyodo_desktop.models.register import Credentials

VIEWER = ("閲覧（デモ）", "demo-etsuran")
HANCHO = ("1班 班長（デモ）", "demo-hancho")
TODAY = "2026-11-28"  # the demo register's clock


@pytest.fixture
def opened(login):
    """``opened(credentials)`` → a worker with the demo register open with those credentials."""
    return lambda credentials: login((credentials.user, credentials.secret))


@pytest.fixture
def worker(opened):
    return opened(admin_login())


def _people(worker, n=3, block_first=False):
    """Living adults without a volunteer consent: (id, name, kana, block id)."""
    order = "h.block_id, p.id" if block_first else "p.id"
    return worker.call(lambda reg: reg.conn.execute(
        "SELECT p.id, p.family_name || '　' || p.given_name, p.family_kana || ' ' || p.given_kana, h.block_id "
        "FROM persons p JOIN households h ON h.id = p.household_id "
        "WHERE p.status = '在籍' AND h.status = '加入' AND p.birth_date < '2000-01-01' AND p.family_kana != '' "
        "AND p.id NOT IN (SELECT person_id FROM consents WHERE purpose = 'VOLUNTEER_PROFILE' AND person_id IS NOT NULL) "
        "AND p.household_id NOT IN (SELECT household_id FROM consents WHERE purpose = 'VOLUNTEER_PROFILE' "
        "AND household_id IS NOT NULL) "
        f"ORDER BY {order} LIMIT ?", [n]).fetchall())


def _make_volunteer(reg, person_id, **kw):
    privacy.set_consent(reg, person_id=person_id, purpose="VOLUNTEER_PROFILE", granted=True, granted_on="2026-04-01")
    vol.save_volunteer(reg, vol.VolunteerData(person_id, **kw))


def _consents(worker, person_id):
    return worker.call(lambda reg: reg.conn.execute(
        "SELECT granted_on, method FROM consents WHERE purpose = 'VOLUNTEER_PROFILE' AND person_id = ?",
        [person_id]).fetchall())


# -- 担い手 ----------------------------------------------------------------------------------------


def test_a_volunteer_is_added_with_consent_recorded_from_the_dialog(qtbot, worker):
    from kyodo_desktop.ui.volunteers_tab import VolunteerDialog, VolunteersTab

    pid, name, kana, _block = _people(worker, 1)[0]
    tab = VolunteersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    assert pid not in [v.person_id for v in tab.model.rows]

    dialog = VolunteerDialog(worker, parent=tab)
    dialog.show()
    assert not dialog.ok.isEnabled()  # nobody chosen yet
    dialog.search.setText(kana.replace(" ", "　"))  # the register's kana, as typed
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # Enter goes to the list, it saves nothing
    assert dialog.result() == 0 and not dialog.saved
    rows = dialog.people.rows
    assert pid in [p.person_id for p in rows]
    dialog.people_table.selectRow([p.person_id for p in rows].index(pid))
    assert dialog.person_id == pid
    assert dialog.consent_box.isVisibleTo(dialog) and "同意が、まだ記録されていません" in dialog.consent_note.text()
    assert dialog.ok.text() == "同意を記録して登録" and dialog.ok.isEnabled()
    assert dialog.valid_until.value() == "2027-03-31"  # the end of this 年度
    dialog.skills.boxes["PC・スマホ支援"].setChecked(True)
    dialog.interests.boxes["デジタル"].setChecked(True)
    dialog.slots.boxes["土午前"].setChecked(True)
    dialog.slots.boxes["日午後"].setChecked(True)
    dialog.limit.setValue(2)
    dialog.consent_method.setCurrentText("口頭")

    dialog.consent_date.setValue("2026-12-24")  # not yet given
    dialog.save()
    assert "今日より後" in dialog.error.text() and dialog.result() == 0
    dialog.consent_date.setValue("2026-11-20")
    dialog.valid_until.setValue("2025-03-31")  # the model refuses: the consent is not kept either
    dialog.save()
    assert "有効期限" in dialog.error.text() and "過ぎています" in dialog.error.text()
    assert _consents(worker, pid) == [] and worker.call(vol.get_volunteer, pid) is None

    dialog.valid_until.setValue("2027-03-31")
    dialog.save()
    assert dialog.saved and dialog.result() == 1
    assert _consents(worker, pid) == [("2026-11-20", "口頭")]
    saved = worker.call(vol.get_volunteer, pid)
    assert (saved.skills, saved.interests, saved.availability, saved.max_per_month) == (
        ["PC・スマホ支援"], ["デジタル"], ["土午前", "日午後"], 2)

    tab.refresh()
    row = next(v for v in tab.model.rows if v.person_id == pid)
    cells = [tab.model.index(tab.model.rows.index(row), c).data() for c in range(tab.model.columnCount())]
    assert cells[0] == name and cells[3] == "PC・スマホ支援" and cells[5] == "土午前・日午後"
    assert cells[6].endswith("回（上限2）") and cells[8] == "2027-03-31"

    # opened again: the profile is shown, the consent is in effect, the button is plain
    again = VolunteerDialog(worker, pid, name, parent=tab)
    assert not again.consent_box.isVisibleTo(again) and again.ok.text() == "登録する"
    assert again.slots.slots() == ["土午前", "日午後"] and again.limit.value() == 2
    again.reject()


def test_who_could_help_finds_them_by_skill_and_slot_least_busy_first(qtbot, worker):
    from kyodo_desktop.ui.volunteers_tab import VolunteersTab

    (a, a_name, *_), (b, b_name, *_) = _people(worker, 2)
    worker.call(_make_volunteer, a, skills=["運転", "力仕事"], availability=["土午前", "日午前"])
    worker.call(_make_volunteer, b, skills=["運転"], availability=["水夜"], max_per_month=3)
    tab = VolunteersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.section_buttons[1].click()
    assert tab.stack.currentIndex() == 1

    def found():
        return [v.person_id for v in tab.found.rows]

    assert {a, b} <= set(found())  # no conditions: everyone available
    tab.find_skills.boxes["運転"].setChecked(True)
    assert {a, b} <= set(found())
    tab.find_slots.boxes["土午前"].setChecked(True)
    assert a in found() and b not in found()
    assert "運転・土午前" in tab.found_label.text() and "見つかりました" in tab.found_label.text()
    tab.find_skills.boxes["力仕事"].setChecked(True)
    assert a in found()
    tab.find_skills.boxes["看護・介護"].setChecked(True)
    assert a not in found()
    tab.clear_finder()
    tab.find_slots.boxes["水夜"].setChecked(True)
    assert b in found() and a not in found()
    row = tab.found.rows.index(next(v for v in tab.found.rows if v.person_id == b))
    assert tab.found.index(row, 3).data().endswith("回（上限3）")
    assert "水夜" in tab.found.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)  # when they are free


def test_role_history_flags_long_tenure_and_records_the_hand_over(qtbot, worker, messages):
    from kyodo_desktop.ui.volunteers_tab import VolunteersTab

    (a, a_name, *_), (b, b_name, *_) = _people(worker, 2)

    def officers(reg):
        for year in range(2020, 2027):  # seven years in a row
            hh.add_officer(reg, a, "防災部長", year, f"{year}-04-01")
        hh.add_officer(reg, b, "広報部長", 2025, "2025-04-01")
        return hh.add_officer(reg, a, "広報部長", 2026, "2026-04-01")

    newest = worker.call(officers)
    tab = VolunteersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.show_section(2)
    tenure = {t.role: t for t in tab.tenure.rows}
    assert (tenure["防災部長"].years, tenure["防災部長"].holders_10y) == (7, 1)
    n = tab.tenure.rows.index(tenure["防災部長"])
    assert tab.tenure.index(n, 5).data().startswith("⚠ 7年続いています")
    assert tab.tenure.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    assert tab.tenure.index(tab.tenure.rows.index(tenure["広報部長"]), 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "防災部長" in tab.tenure_warning.text() and not tab.tenure_warning.isHidden()

    tab.role_filter.setCurrentIndex(tab.role_filter.findData("*"))
    assert newest in [t.id for t in tab.history.rows]
    tab.history_table.selectRow([t.id for t in tab.history.rows].index(newest))
    tab.handed_btn.click()
    assert next(t for t in worker.call(vol.officer_history) if t.id == newest).handed_over
    selected = tab.history.rows[tab.history_table.selectionModel().selectedRows()[0].row()]
    assert selected.id == newest and selected.handed_over  # still selected after the change
    assert {t.role: t for t in tab.tenure.rows}["広報部長"].handed_over
    assert messages == []


def test_removing_a_volunteer_asks_and_removes_only_the_profile(qtbot, worker, messages):
    from kyodo_desktop.ui.volunteers_tab import VolunteersTab

    pid = _people(worker, 1)[0][0]
    worker.call(_make_volunteer, pid, skills=["調理"])
    tab = VolunteersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.remove_btn.click()
    assert messages == ["担い手: 一覧から人を選んでください。"]
    tab.table.selectRow([v.person_id for v in tab.model.rows].index(pid))
    tab.remove_btn.click()
    assert pid not in [v.person_id for v in tab.model.rows]
    assert worker.call(vol.get_volunteer, pid) is None and _consents(worker, pid)  # consent history kept


# -- 協力団体 ---------------------------------------------------------------------------------------


def _partner_names(worker):
    return {p.name for p in worker.call(pt.list_partners, include_retired=True)}


def _row_of(model, ident):
    return [r.id for r in model.rows].index(ident)


def test_a_partner_linked_to_an_issue_cannot_be_deleted_and_is_retired(qtbot, worker, messages):
    from kyodo_desktop.ui.partners_tab import AgreementDialog, PartnerDialog, PartnersTab

    tab = PartnersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    before = _partner_names(worker)
    dialog = PartnerDialog(worker, parent=tab)
    dialog.name.setText("テスト公民館")
    dialog.kind.setCurrentText("公民館")
    dialog.contact.setText("館長 田中")
    dialog.phone.setText("076-242-0000")
    dialog.email.setText("kouminkan")
    dialog.save()
    assert "メールアドレスとして読めません" in dialog.error.text() and dialog.saved_id is None
    assert _partner_names(worker) == before
    dialog.email.setText("kouminkan@example.jp")
    dialog.save()
    hall = dialog.saved_id
    assert hall is not None and _partner_names(worker) == before | {"テスト公民館"}
    twin = PartnerDialog(worker, parent=tab)
    twin.name.setText("テスト公民館")
    twin.save()
    assert "すでに登録されています" in twin.error.text() and twin.saved_id is None
    worker.call(pt.save_issue, pt.IssueData("公民館前の歩道が狭い", "2026-10-01", partner_ids=[hall]))

    tab.refresh(keep=hall)
    n = _row_of(tab.model, hall)
    assert [tab.model.index(n, c).data() for c in range(9)] == [
        "テスト公民館", "公民館", "館長 田中", "076-242-0000", "0件", "1件", "0件", "", ""]
    assert tab.issues.rows == [("2026-10-01", "公民館前の歩道が狭い")] and tab.events.rows == []
    assert "テスト公民館" in tab.details_title.text()

    agreement = AgreementDialog(worker, hall, "テスト公民館", tab)
    agreement.title.setCurrentText("災害時の避難場所協定")
    agreement.signed.setValue("2026-04-01")
    agreement.until.setValue("2025-04-01")
    agreement.save()
    assert "有効期限が締結日より前" in agreement.error.text() and worker.call(pt.list_agreements, hall) == []
    agreement.until.setValue(None)
    agreement.save()
    assert agreement.result() == 1
    tab.refresh()
    assert [a.title for a in tab.agreements.rows] == ["災害時の避難場所協定"]

    tab.delete_btn.click()
    assert len(messages) == 1 and "削除できません" in messages[0]
    assert "地域課題1件・協定1件に結び付いているため削除できません" in messages[0] and "休止" in messages[0]
    assert "テスト公民館" in _partner_names(worker)

    tab.retire_btn.click()
    assert hall not in [p.id for p in tab.model.rows]
    tab.include_retired.setChecked(True)
    n = _row_of(tab.model, hall)
    assert tab.model.index(n, 8).data() == f"休止（{TODAY}）"
    tab.table.selectRow(n)
    assert not tab.retire_btn.isEnabled() and tab.delete_btn.isEnabled()
    assert worker.call(pt.get_partner, hall).retired_on == TODAY


def test_an_unlinked_partner_is_deleted(qtbot, worker, messages):
    from kyodo_desktop.ui.partners_tab import PartnersTab

    spare = worker.call(pt.save_partner, pt.PartnerData("間違えて登録", "その他"))
    tab = PartnersTab(worker)
    qtbot.addWidget(tab)
    tab.refresh(keep=spare)
    tab.delete_btn.click()
    assert messages == [] and "間違えて登録" not in _partner_names(worker)
    assert spare not in [p.id for p in tab.model.rows]


# -- 地域課題 ---------------------------------------------------------------------------------------


def test_an_issue_is_added_moved_on_and_its_request_to_the_city_answered(qtbot, worker):
    from kyodo_desktop.ui.issues_tab import CityRequestDialog, IssueDialog, IssuesTab

    worker.call(pt.save_partner, pt.PartnerData("テスト小学校PTA", "学校・PTA"))
    block = worker.call(hh.list_blocks)[1]
    tab = IssuesTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    before = len(worker.call(pt.list_issues))

    dialog = IssueDialog(worker, parent=tab)
    dialog.title.setText("テスト通りの街灯が暗い")
    dialog.description.setPlainText("冬は17時に真っ暗になる")
    dialog.category.setCurrentText("防犯")
    dialog.block.setCurrentIndex(dialog.block.findData(block.id))
    dialog.place.setText("小学校の北側")
    dialog.found_on.setValue("2026-10-01")
    dialog.due_on.setValue("2026-11-20")
    assert dialog.stage.currentText() == "議論と調査" and "話し合い" in dialog.stage_help.text()
    dialog.stage.setCurrentText("企画と試作中")
    assert "試しに" in dialog.stage_help.text()
    dialog.partners.boxes["テスト小学校PTA"].setChecked(True)
    dialog.url.setText("file:///etc/passwd")
    assert dialog.link.isHidden()
    dialog.save()
    assert "https://" in dialog.error.text() and len(worker.call(pt.list_issues)) == before
    dialog.url.setText("https://machibako.example/posts/12?a=1&b=<2>")
    assert not dialog.link.isHidden() and dialog.link.openExternalLinks()
    assert 'href="https://machibako.example/posts/12?a=1&amp;b=&lt;2&gt;"' in dialog.link.text()
    dialog.save()
    iid = dialog.saved_id
    assert iid is not None

    tab.load_issues(keep=iid)
    n = _row_of(tab.model, iid)
    cells = [tab.model.index(n, c).data() for c in range(9)]
    assert cells[:5] == ["テスト通りの街灯が暗い", "防犯", f"{block.name}・小学校の北側", "2026-10-01", "企画と試作中"]
    assert cells[6] == "⚠ 2026-11-20" and cells[7] == "テスト小学校PTA" and cells[8] == ""  # past its due date
    assert tab.model.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is not None and "期限切れ" in tab.count.text()
    assert tab.requests.rows == [] and tab.request_btn.isEnabled()

    edit = IssueDialog(worker, iid, parent=tab)
    assert edit.partners.checked() == ["テスト小学校PTA"] and edit.url.text().startswith("https://")
    edit.stage.setCurrentText("運用中")
    edit.next_action.setPlainText("来年度の設置を見守る")
    edit.save()
    assert worker.call(pt.get_issue, iid).stage == "運用中"

    tab.load_issues(keep=iid)
    request = CityRequestDialog(worker, issue_id=iid, parent=tab)
    request.day.setValue("2026-10-15")
    request.to.setText("市 道路管理課")
    request.save()
    assert "要望" in request.error.text() and worker.call(pt.list_city_requests, iid) == []  # no text
    request.text.setPlainText("街灯の増設をお願いします")
    request.save()
    tab.load_issues(keep=iid)
    n = _row_of(tab.model, iid)
    assert tab.model.index(n, 8).data() == "1件（未回答 1）"
    assert [r.addressed_to for r in tab.requests.rows] == ["市 道路管理課"]
    assert tab.requests.index(0, 3).data() == "未回答"

    answer = CityRequestDialog(worker, request=tab.requests.rows[0], parent=tab)
    answer.day.setValue("2026-10-01")
    answer.text.setPlainText("来年度に設置します")
    answer.save()
    assert "要望日（2026-10-15）より前" in answer.error.text()
    answer.day.setValue("2026-11-20")
    answer.save()
    assert answer.result() == 1
    tab.load_issues(keep=iid)
    n = _row_of(tab.model, iid)
    assert tab.model.index(n, 8).data() == "1件（回答済み）"
    assert tab.requests.index(0, 4).data() == "来年度に設置します"

    # filters: stage, open only, text
    tab.stage.setCurrentIndex(tab.stage.findData("議論と調査"))
    assert iid not in [i.id for i in tab.model.rows]
    assert {i.stage for i in tab.model.rows} <= {"議論と調査"}
    tab.stage.setCurrentIndex(tab.stage.findData("運用中"))
    assert iid in [i.id for i in tab.model.rows]
    tab.stage.setCurrentIndex(0)
    done = worker.call(pt.save_issue, pt.IssueData("テストのカラス被害", stage="休止・終了"))
    tab.load_issues()
    assert done not in [i.id for i in tab.model.rows]
    tab.open_only.setChecked(False)
    assert done in [i.id for i in tab.model.rows]
    tab.search.setText("テスト通り")
    tab.load_issues()  # the search waits for typing to pause; do not wait in the test
    assert [i.id for i in tab.model.rows] == [iid]


def test_area_households_are_recorded_per_year(qtbot, worker):
    from kyodo_desktop.ui.issues_tab import IssuesTab

    tab = IssuesTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.area_btn.isEnabled() and tab.area_year.value() == 2026 and tab.area_year_label.text() == "令和8年度"
    before = worker.call(pt.area_households)
    tab.area_count.setValue(0)
    tab.area_btn.click()
    assert "1以上" in tab.area_status.text() and worker.call(pt.area_households) == before
    tab.area_year.setValue(2030)
    tab.area_count.setValue(338)
    tab.area_source.setText("住民基本台帳")
    tab.area_btn.click()
    assert worker.call(pt.area_households) == {**before, 2030: 338}
    assert tab.area.index(0, 0).data() == "令和12年度" and tab.area.index(0, 1).data() == "338世帯"
    assert "338世帯にしました" in tab.area_status.text()


# -- who may change what ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [VIEWER, HANCHO], ids=["閲覧", "班長"])
def test_viewers_and_hancho_see_read_only_tabs(qtbot, opened, who, messages):
    from kyodo_desktop.ui.issues_tab import IssueDialog, IssuesTab
    from kyodo_desktop.ui.partners_tab import PartnerDialog, PartnersTab
    from kyodo_desktop.ui.volunteers_tab import VolunteerDialog, VolunteersTab

    admin = opened(admin_login())
    pid, name, _kana, _block = _people(admin, 1, block_first=True)[0]  # in the 1班 of the 班長

    def data(reg):
        _make_volunteer(reg, pid, skills=["会計"], availability=["月夜"])
        partner = pt.save_partner(reg, pt.PartnerData("テスト商店会", "商店・企業"))
        pt.add_agreement(reg, partner, "災害時物資協定")
        issue = pt.save_issue(reg, pt.IssueData("テストの空き家", partner_ids=[partner]))
        pt.add_city_request(reg, "空き家の調査", issue_id=issue)
        for year in range(2021, 2027):
            hh.add_officer(reg, pid, "防災部長", year, f"{year}-04-01")
        return partner, issue

    partner, issue = admin.call(data)
    admin.close_register()
    worker = opened(Credentials(*who))
    assert not worker.register.session.can("activity.write")

    vt, ptab, it = VolunteersTab(worker), PartnersTab(worker), IssuesTab(worker)
    for t in (vt, ptab, it):
        qtbot.addWidget(t)
        t.refresh()
    for n in range(3):
        vt.show_section(n)
    assert pid in [v.person_id for v in vt.model.rows]
    assert "防災部長" in [t.role for t in vt.tenure.rows] and vt.history.rows
    ptab.refresh(keep=partner)
    assert ptab.agreements.rows[0].title == "災害時物資協定"
    it.load_issues(keep=issue)
    assert it.requests.rows[0].request == "空き家の調査"
    vt.table.selectRow(0)
    vt.history_table.selectRow(0)
    it.requests_table.selectRow(0)
    disabled = (vt.add_btn, vt.remove_btn, vt.handed_btn, vt.unhanded_btn, ptab.add_btn, ptab.retire_btn,
                ptab.delete_btn, ptab.agreement_btn, it.add_btn, it.request_btn, it.answer_btn, it.area_btn,
                it.area_count, it.area_year)
    assert [b for b in disabled if b.isEnabled()] == []
    assert vt.edit_btn.text() == "開く…" and ptab.edit_btn.isEnabled() and it.edit_btn.isEnabled()
    assert "管理者" in it.area_status.text()
    # the actions themselves do nothing (a shortcut may still reach them)
    for action in (vt.add, ptab.add, it.add, ptab.add_agreement, it.add_request, it.answer_request):
        action()

    # opening shows the details read-only
    v = VolunteerDialog(worker, pid, name, read_only=True, parent=vt)
    assert v.ok is None and v.skills.checked() == ["会計"] and not v.skills.boxes["会計"].isEnabled()
    assert v.qualifications.isReadOnly() and v.limit.isReadOnly()
    p = PartnerDialog(worker, partner, read_only=True, parent=ptab)
    assert p.name.isReadOnly() and not p.kind.isEnabled() and p.name.text() == "テスト商店会"
    p.save()  # 「閉じる」 saves nothing
    i = IssueDialog(worker, issue, read_only=True, parent=it)
    assert i.title.isReadOnly() and not i.stage.isEnabled() and i.partners.checked() == ["テスト商店会"]
    for d in (v, p, i):
        d.reject()
    assert messages == []


# -- the table models -----------------------------------------------------------------------------------


def test_every_table_model_passes_the_model_tester(qtbot, qtmodeltester, worker):
    from kyodo_desktop.ui.issues_tab import IssuesTab
    from kyodo_desktop.ui.partners_tab import PartnersTab
    from kyodo_desktop.ui.volunteers_tab import VolunteerDialog, VolunteersTab

    (a, *_), (b, *_) = _people(worker, 2)

    def data(reg):
        _make_volunteer(reg, a, skills=["運転"], availability=["土午前"], max_per_month=1)
        _make_volunteer(reg, b, skills=["調理"], interests=["子ども"])
        hh.add_officer(reg, a, "防災部長", 2026, "2026-04-01")
        shop = pt.save_partner(reg, pt.PartnerData("テスト商店会", "商店・企業"))
        pt.add_agreement(reg, shop, "災害時物資協定", notes="飲料水")
        issue = pt.save_issue(reg, pt.IssueData("街路灯", due_on="2026-01-01", partner_ids=[shop]))
        rid = pt.add_city_request(reg, "増設", issue_id=issue)
        pt.answer_city_request(reg, rid, "設置します")
        pt.add_city_request(reg, "修理", issue_id=issue)
        pt.set_area_households(reg, 2026, 300)
        return shop, issue

    shop, issue = worker.call(data)
    vt, ptab, it = VolunteersTab(worker), PartnersTab(worker), IssuesTab(worker)
    for t in (vt, ptab, it):
        qtbot.addWidget(t)
        t.refresh()
    for n in range(3):
        vt.show_section(n)
    ptab.refresh(keep=shop)
    it.load_issues(keep=issue)
    dialog = VolunteerDialog(worker, parent=vt)
    dialog.search.setText("あ")
    models = [vt.model, vt.found, vt.tenure, vt.history, ptab.model, ptab.agreements, ptab.events, ptab.issues,
              it.model, it.requests, it.area, dialog.people]
    for m in models:
        assert m.rowCount() > 0 or m is ptab.events, m.columns
        qtmodeltester.check(m)
    # resets while the testers watch
    it.open_only.setChecked(False)
    it.search.setText("街路灯")
    it.load_issues()
    vt.include_expired.setChecked(True)
    ptab.include_retired.setChecked(True)
    dialog.search.setText("")
    dialog.reject()
