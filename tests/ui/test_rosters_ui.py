"""当番表: the page, the roster editor and its small dialogs, on a real demo register.

The demo may hold rosters of its own; every test makes its own (through the dialog or
``worker.call``) and looks only at those. The clock is the fixtures' (2026-11-28, a Saturday):
the week of 11月23日 has begun, the 年度 ends on 2027-03-31.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ADMIN, PASSWORD
from PySide6.QtCore import QItemSelectionModel, Qt

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.rosters_page import (
    ChosenModel,
    CountsModel,
    EligibilityModel,
    EligibleRow,
    ExemptionDialog,
    ExemptionsModel,
    FoundModel,
    HistoryModel,
    LocalDaysDialog,
    LocalDaysModel,
    Pick,
    RosterEditor,
    RosterListModel,
    RostersPage,
    StationDialog,
    SubstituteDialog,
    TurnsModel,
    cadence_text,
    day_text,
    history_rows,
    readable,
    span_text,
)
from kyodo_desktop.ui.worker import DbWorker

VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
HANCHO = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "班長")
TODAY = "2026-11-28"
STALE_TEXT = "名簿が変わりました（転入・転出など）。明日以降の当番を決め直してください。"


@pytest.fixture
def page(qtbot, worker):
    p = RostersPage(worker)
    qtbot.addWidget(p)
    p.resize(1060, 760)
    p.show()
    p.refresh()
    return p


def _block(worker, name="1班") -> int:
    return next(b.id for b in worker.call(hh.list_blocks) if b.name == name)


def _roster(worker, name="試験の当番", *, block="1班", start="2026-11-02", until="2027-03-31", **kw) -> int:
    rid = worker.call(ro.save_roster, ro.RosterData(name=name, start_date=start, block_ids=[_block(worker, block)], **kw))
    if until:
        worker.call(ro.generate, rid, until)
    return rid


def _show(page, rid, period="upcoming"):
    page.refresh(keep_id=rid)
    page.select_roster(rid)
    page.period.setCurrentIndex(page.period.findData(period))
    assert page.selected_id() == rid and page.detail is not None and page.detail.roster.id == rid


def _select_turns(page, *turn_ids):
    sm = page.turns.selectionModel()
    sm.clearSelection()
    for tid in turn_ids:
        n = page.turns_model.row_of_id(tid)
        assert n >= 0, "the turn is not shown"
        sm.select(page.turns_model.index(n, 0), QItemSelectionModel.SelectionFlag.Select
                  | QItemSelectionModel.SelectionFlag.Rows)


def _cells(model, row):
    return [model.cell_text(row, c) for c in range(model.columnCount())]


def _future(page):
    return [t for t in page.turns_model.rows if t.starts_on > TODAY and t.substitute_id is None and t.status == "予定"]


def _regenerate_stale(worker):
    for rid, _name, _since in worker.call(ro.stale_rosters):
        worker.call(ro.regenerate, rid)


# -- words ------------------------------------------------------------------------------------------


def test_dates_and_cadences_are_written_the_way_officers_read_them():
    assert day_text("2026-04-06") == "令和8年4月6日（月）"
    assert span_text("2026-04-06", "2026-04-10") == "令和8年4月6日（月）〜10日（金）"
    assert span_text("2026-04-27", "2026-05-01") == "令和8年4月27日（月）〜5月1日（金）"
    assert span_text("2026-12-28", "2027-01-04") == "令和8年12月28日（月）〜令和9年1月4日（月）"
    assert span_text("2026-06-07", "2026-06-07") == "令和8年6月7日（日）"
    assert readable("5回分の当番を決めました（2027-03-31まで）。") == "5回分の当番を決めました（令和9年3月31日まで）。"
    assert readable("2026-02-30 のまま") == "2026-02-30 のまま"  # not a date: left as it is
    data = ro.RosterData(name="x", start_date="2026-04-01")
    assert cadence_text(data) == "毎週（月〜金）"
    assert cadence_text(ro.RosterData(name="x", start_date="2026-04-01", cadence="weekdays", weekdays=[0, 3])) == "毎週月・木曜"
    assert cadence_text(ro.RosterData(name="x", start_date="2026-04-01", cadence="monthly",
                                      monthly_rule="nth:1:6")) == "毎月第1日曜"
    assert cadence_text(ro.RosterData(name="x", start_date="2026-04-01", cadence="daily")) == "毎日"


# -- the editor -------------------------------------------------------------------------------------


def test_a_weekly_rubbish_roster_is_made_in_the_dialog_and_its_turns_given_out(qtbot, page, worker):
    before = len(worker.call(ro.list_rosters))
    assert page.new_btn.isEnabled() and not page.read_only_note.isVisible()
    page.new_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, RosterEditor) and dlg.isVisible() and dlg.windowTitle() == "当番表の作成"
    # the defaults for rubbish: one household a week, Monday to Friday, national holidays kept
    assert dlg.cadence.currentData() == "weekly" and dlg.pool() == "blocks" and dlg.unit() == "household"
    assert [b.isChecked() for b in dlg.weekday_boxes] == [True] * 5 + [False] * 2
    assert not dlg.skip_holidays.isChecked() and "金沢市は祝日もごみを収集します" in dlg.holiday_note.text()
    assert dlg.skip_year_end.isChecked() and dlg.skip_local.isChecked()
    assert not dlg.rows["monthly"].container.isVisibleTo(dlg) and dlg.rows["weekdays"].container.isVisibleTo(dlg)
    dlg.name.setText("1班 ごみ当番（試験）")
    dlg.duty.setPlainText("月〜金の朝、ネットを出して片付け")
    dlg.block_boxes[_block(worker)].setChecked(True)
    dlg.start.setValue("2026-11-02")
    dlg.exempt_age.setText("75")
    assert "75歳以上の人だけの世帯" in dlg.exempt_age_note.text()
    dlg.save_btn.click()
    assert page.dialog is None and not dlg.isVisible()
    rows = worker.call(ro.list_rosters)
    assert len(rows) == before + 1
    rid = next(r.id for r in rows if r.name == "1班 ごみ当番（試験）")
    saved = worker.call(ro.get_roster, rid)
    assert (saved.cadence, saved.weekdays, saved.skip_holidays, saved.exempt_age) == ("weekly", [0, 1, 2, 3, 4], False, 75)
    assert page.selected_id() == rid and "作りました" in page.message.text()
    assert page.turns_stack.currentWidget() is page.turns_empty and "まだ当番を決めていません" in page.turns_empty.text()
    n = page.list_model.row_of_id(rid)
    assert _cells(page.list_model, n)[2:] == ["毎週（月〜金）", "1班", f"{rows[[r.id for r in rows].index(rid)].members}世帯",
                                             "—", "まだ決めていません"]

    # 「3月31日まで決める」: the end of the 年度 by default; any date can be typed
    assert page.until.currentText() == "令和9年3月31日"
    assert page.generate_btn.text() == "3月31日まで決める" and page.generate_btn.isEnabled()
    page.until.setEditText("R9.1.31")
    assert page.generate_btn.text() == "1月31日まで決める"
    page.until.setEditText("来年の春")
    assert page.generate_btn.text() == "○月○日まで決める" and not page.generate_btn.isEnabled()
    page.until.setCurrentIndex(0)
    page.generate_btn.click()
    assert "回分の当番を決めました（令和9年3月31日まで）" in page.turns_message.text()
    shown = [_cells(page.turns_model, i) for i in range(page.turns_model.rowCount())]
    assert shown[0][1] == "令和8年11月23日（月）〜27日（金）" and shown[0][5] == "未記録"  # begun, not yet marked
    assert shown[1][1] == "令和8年11月30日（月）〜12月4日（金）" and shown[1][5] == "予定"
    assert all(row[3] == "1班" for row in shown)
    page.period.setCurrentIndex(page.period.findData("all"))
    first = _cells(page.turns_model, 0)
    assert first[0] == "第1回" and first[1] == "令和8年11月2日（月）〜6日（金）"  # 文化の日 (11/3) is a working day
    assert "11月3日（火）" in page.turns_model.tooltip(0, 1)
    n = page.list_model.row_of_id(rid)
    assert page.list_model.cell_text(n, 6) == "令和9年3月31日まで"
    assert page.list_model.cell_text(n, 5).startswith("11月30日（月） ")
    # the next 年度 is offered once this one is given out
    assert page.until.currentText() == "令和10年3月31日"


def test_bad_input_is_shown_in_the_dialog_and_nothing_is_saved(qtbot, page, worker):
    before = worker.call(ro.list_rosters)
    page.new_btn.click()
    dlg = page.dialog
    dlg.name.setText("曜日のない当番（試験）")
    dlg.save_btn.click()  # no 班 chosen
    assert page.dialog is dlg and dlg.isVisible()
    assert dlg.summary.isVisible() and "何も変わっていません" in dlg.summary.text()
    assert "対象の班を1つ以上選んでください" in dlg.summary.text() and dlg.rows["blocks"].error
    dlg.block_boxes[_block(worker)].setChecked(True)
    for box in dlg.weekday_boxes:
        box.setChecked(False)
    dlg.save_btn.click()
    assert dlg.isVisible() and "曜日を1つ以上選んでください" in dlg.summary.text()
    assert "曜日を1つ以上" in dlg.rows["weekdays"].message.text() and not dlg.rows["blocks"].error
    dlg.weekday_boxes[0].setChecked(True)
    dlg.exempt_age.setText("七十五")
    dlg.save_btn.click()
    assert dlg.isVisible() and "数字で入力してください" in dlg.summary.text()
    dlg.exempt_age.setText("50")
    dlg.save_btn.click()
    assert dlg.isVisible() and "60〜120" in dlg.summary.text()
    assert worker.call(ro.list_rosters) == before
    dlg.close_btn.click()
    assert page.dialog is None and worker.call(ro.list_rosters) == before


def test_an_exemption_ending_before_it_starts_is_refused_in_the_dialog(qtbot, page, worker):
    rid = _roster(worker)
    _show(page, rid)
    page.tabs.setCurrentIndex(2)
    before = worker.call(ro.list_exemptions, rid)
    page.exempt_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, ExemptionDialog)
    member = page.detail.eligible[0].member_id
    assert dlg.members.choose(member)
    dlg.starts.setValue("2026-12-10")
    dlg.has_end.setChecked(True)
    dlg.ends.setValue("2026-12-01")
    dlg.ok_btn.click()
    assert page.dialog is dlg and dlg.isVisible()
    assert dlg.problem.isVisible() and "より前です" in dlg.problem.text() and "令和8年12月1日" in dlg.problem.text()
    assert worker.call(ro.list_exemptions, rid) == before
    dlg.cancel_btn.click()
    assert page.dialog is None


def test_a_rubbish_station_is_added_from_the_editor_and_used_as_the_pool(qtbot, page, worker):
    page.new_btn.click()
    dlg = page.dialog
    dlg.name.setText("公園前ステーション当番（試験）")
    dlg.pool_buttons["station"].setChecked(True)
    assert dlg.rows["station"].container.isVisibleTo(dlg) and not dlg.rows["blocks"].container.isVisibleTo(dlg)
    dlg.new_station_btn.click()
    sd = dlg.station_dialog
    assert isinstance(sd, StationDialog) and sd.isVisible()
    sd.name.setText("公園前ステーション（試験）")
    sd.place.setText("泉野町1丁目 公園の北側")
    sd.picker.block.setCurrentIndex(sd.picker.block.findText("2班"))
    found = sd.picker.found_model.rows
    assert found and all(p.block == "2班" for p in found)
    sd.picker.found.selectAll()
    sd.picker.add_found()
    ids = sd.picker.chosen_ids()
    assert ids == [p.id for p in found]
    # the last household goes first (user number 1)
    sd.picker.chosen.selectRow(len(ids) - 1)
    for _ in range(len(ids) - 1):
        sd.picker.up_btn.click()
    assert sd.picker.chosen_ids() == [ids[-1], *ids[:-1]]
    assert sd.picker.chosen_model.cell_text(0, 0) == "1"
    sd.ok_btn.click()
    assert dlg.station_dialog is None
    sid = dlg.station.currentData()
    assert sid is not None and "公園前ステーション（試験）" in dlg.station.currentText()
    assert worker.call(ro.station_users, sid) == [ids[-1], *ids[:-1]]
    # 「利用世帯を変える…」 shows them in their order; one moves away to another station
    dlg.station_users_btn.click()
    sd = dlg.station_dialog
    assert sd.name.isReadOnly() and sd.picker.chosen_ids() == [ids[-1], *ids[:-1]]
    sd.picker.chosen.selectRow(0)
    sd.picker.remove_btn.click()
    sd.ok_btn.click()
    assert dlg.station_dialog is None and worker.call(ro.station_users, sid) == ids[:-1]
    assert dlg.station.currentData() == sid and f"（{len(ids) - 1}世帯）" in dlg.station.currentText()
    ids = ids[:-1]
    ids.insert(0, ids.pop())  # as the test goes on below
    worker.call(ro.set_station_users, sid, ids)
    dlg.save_btn.click()
    assert page.dialog is None
    rid = page.selected_id()
    assert page.list_model.cell_text(page.list_model.row_of_id(rid), 3) == "公園前ステーション（試験）"
    page.generate_btn.click()
    assert "回分の当番を決めました" in page.turns_message.text()
    page.period.setCurrentIndex(page.period.findData("all"))
    assert page.turns_model.rows[0].member_id == ids[0]  # in user-number order


def test_a_custom_order_is_made_from_the_pool_in_the_editor(qtbot, page, worker):
    page.new_btn.click()
    dlg = page.dialog
    dlg.name.setText("自由な順の当番（試験）")
    dlg.block_boxes[_block(worker, "2班")].setChecked(True)
    assert not dlg.picker_group.isVisibleTo(dlg)
    dlg.ordering.setCurrentIndex(dlg.ordering.findData("custom"))
    assert dlg.picker_group.isVisibleTo(dlg)
    dlg.load_pool_btn.click()
    order = dlg.picker.chosen_ids()
    assert len(order) >= 3
    dlg.picker.chosen.selectRow(0)
    dlg.picker.down_btn.click()
    dlg.save_btn.click()
    assert page.dialog is None
    saved = worker.call(ro.get_roster, page.selected_id())
    assert saved.ordering == "custom" and saved.member_ids[:2] == [order[1], order[0]]


def test_a_roster_of_chosen_people_is_made_in_the_dialog(qtbot, page, worker):
    person = worker.call(lambda reg: reg.rows(
        "SELECT p.id, p.family_kana, p.family_name || '　' || p.given_name AS name FROM persons p "
        "JOIN households h ON h.id = p.household_id WHERE p.status = '在籍' AND h.status = '加入' "
        "AND p.birth_date < '1990-01-01' AND p.birth_date > '1960-01-01' ORDER BY p.id LIMIT 1"))[0]
    page.new_btn.click()
    dlg = page.dialog
    dlg.name.setText("役員の見回り（試験）")
    dlg.unit_person.setChecked(True)
    assert dlg.pool_buttons["list"].text() == "選んだ人" and dlg.per_turn_word.text() == "人ずつ"
    assert dlg.rows["min_age"].container.isVisibleTo(dlg)
    dlg.pool_buttons["list"].setChecked(True)
    assert dlg.picker_group.isVisibleTo(dlg) and not dlg.ordering.isEnabled()
    dlg.cadence.setCurrentIndex(dlg.cadence.findData("monthly"))
    dlg.by_weekday.setChecked(True)
    dlg.nth.setCurrentIndex(dlg.nth.findData(-1))
    dlg.nth_weekday.setCurrentIndex(dlg.nth_weekday.findData(5))
    dlg.picker.search.setText(person["family_kana"])
    found = dlg.picker.found_model.rows
    assert person["id"] in [p.id for p in found]
    dlg.picker.found.selectRow([p.id for p in found].index(person["id"]))
    dlg.picker.add_btn.click()
    assert dlg.picker.chosen_ids() == [person["id"]]
    dlg.save_btn.click()
    assert page.dialog is None
    saved = worker.call(ro.get_roster, page.selected_id())
    assert (saved.unit, saved.pool, saved.member_ids, saved.monthly_rule) == ("person", "list", [person["id"]], "nth:-1:5")
    assert page.list_model.cell_text(page.list_model.row_of_id(saved.id), 2) == "毎月最終土曜"
    assert page.list_model.cell_text(page.list_model.row_of_id(saved.id), 4) == "1人"
    page.generate_btn.click()
    assert "回分の当番を決めました" in page.turns_message.text()
    assert page.turns_model.rows[0].member == person["name"]
    assert page.tabs.tabText(1) == "人ごとの回数" and page.spread.text().startswith("いちばん多い人と少ない人の差")
    assert page.counts_model.headerData(0, Qt.Orientation.Horizontal) == "名前"


# -- turns --------------------------------------------------------------------------------------------


def test_two_turns_are_swapped(qtbot, page, worker):
    rid = _roster(worker)
    _show(page, rid)
    a, b = _future(page)[0], _future(page)[2]
    _select_turns(page, a.id)
    assert not page.swap_btn.isEnabled()
    _select_turns(page, a.id, b.id)
    assert page.swap_btn.isEnabled()
    page.swap_btn.click()
    assert "交代しました" in page.turns_message.text()
    now = {t.id: t for t in worker.call(ro.list_turns, rid)}
    assert (now[a.id].doer_id, now[b.id].doer_id) == (b.member_id, a.member_id)
    n = page.turns_model.row_of_id(a.id)
    assert _cells(page.turns_model, n)[4] == b.member and "交代" in _cells(page.turns_model, n)[6]
    _select_turns(page, a.id, _future(page)[0].id)  # a swapped turn cannot be swapped again
    assert not page.swap_btn.isEnabled()


def test_a_stand_in_is_recorded_and_the_turn_is_given_back(qtbot, page, worker):
    rid = _roster(worker)
    _show(page, rid)
    turn = _future(page)[1]
    _select_turns(page, turn.id)
    assert page.substitute_btn.isEnabled()
    page.substitute_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, SubstituteDialog)
    offered = [p.id for p, ok, _w in dlg.members.choices]
    assert turn.member_id not in offered and offered
    helper = next(t.member_id for t in _future(page) if t.member_id != turn.member_id and t.starts_on > turn.starts_on)
    dlg.ok_btn.click()  # nobody chosen yet
    assert dlg.isVisible() and "選んでください" in dlg.problem.text()
    assert dlg.members.choose(helper)
    dlg.ok_btn.click()
    assert page.dialog is None and "交代の返し" in page.turns_message.text()
    n = page.turns_model.row_of_id(turn.id)
    assert page.turns_model.rows[n].substitute_id == helper and "代わりに" in _cells(page.turns_model, n)[6]
    back = [t for t in page.turns_model.rows if t.member_id == helper and t.starts_on > turn.starts_on
            and t.substitute_id == turn.member_id]
    assert len(back) == 1 and "交代の返し" in back[0].note
    m = page.turns_model.row_of_id(back[0].id)
    assert _cells(page.turns_model, m)[4] == turn.member
    # the counts: the helper stood in, the one helped owes nothing once it is given back
    counts = {c.member_id: c for c in page.counts_model.rows}
    assert counts[helper].stood_in >= 1 and counts[turn.member_id].owes == 0


def test_done_and_missed_are_marked_only_on_turns_that_have_begun(qtbot, page, worker):
    rid = _roster(worker)
    _show(page, rid)
    begun = next(t for t in page.turns_model.rows if t.starts_on <= TODAY)
    _select_turns(page, _future(page)[0].id)
    assert not page.done_btn.isEnabled() and not page.missed_btn.isEnabled()
    assert "まだ始まっていない" in page.done_btn.toolTip()
    _select_turns(page, begun.id)
    assert page.done_btn.isEnabled() and not page.unmark_btn.isEnabled()
    page.done_btn.click()
    assert "「済」にしました" in page.turns_message.text()
    n = page.turns_model.row_of_id(begun.id)
    assert _cells(page.turns_model, n)[5] == "✓ 済"
    assert worker.call(ro.list_turns, rid, begun.starts_on, begun.starts_on)[0].status == "済"
    _select_turns(page, begun.id)
    page.unmark_btn.click()
    assert _cells(page.turns_model, page.turns_model.row_of_id(begun.id))[5] == "未記録"
    # 今年度 reaches the past turns too
    page.period.setCurrentIndex(page.period.findData("year"))
    assert page.turns_model.rows[0].starts_on == "2026-11-02"


# -- exemptions and counts ---------------------------------------------------------------------------


def test_an_exemption_is_listed_with_its_reason_and_skipped_in_the_turns(qtbot, page, worker):
    rid = _roster(worker)
    _show(page, rid)
    member = _future(page)[0].member_id
    name = _future(page)[0].member
    page.tabs.setCurrentIndex(2)
    page.exempt_btn.click()
    dlg = page.dialog
    assert dlg.members.choose(member)
    dlg.reason.setCurrentIndex(dlg.reason.findData("長期不在"))
    dlg.has_end.setChecked(True)
    dlg.ends.setValue("2027-01-31")
    dlg.notes.setText("入院")
    dlg.ok_btn.click()
    assert page.dialog is None and f"{name}さんを免除しました（長期不在）" in page.exempt_message.text()
    assert page.tabs.currentIndex() == 2
    rows = [_cells(page.exemptions_model, i) for i in range(page.exemptions_model.rowCount())]
    assert [name, "長期不在", "令和8年11月28日〜令和9年1月31日", "入院"] in rows
    n = page.eligible_model.row_of_id(member)
    assert _cells(page.eligible_model, n)[2:] == ["× しない", "免除: 長期不在（令和9年1月31日まで） 入院"]
    mine = [t for t in page.turns_model.rows if member in (t.member_id, t.substitute_id)]
    assert not [t for t in mine if TODAY < t.starts_on <= "2027-01-31"]  # skipped while away
    assert [t for t in worker.call(ro.list_turns, rid, "2027-02-01") if t.member_id == member]  # and back afterwards
    # 「免除を終える…」: from the day after, they take turns again
    page.exemptions.selectRow(page.exemptions_model.row_of_id(page.exemptions_model.rows[[r[0] for r in rows].index(name)].id))
    assert page.end_exempt_btn.isEnabled()
    page.end_exempt_btn.click()
    end = page.dialog
    assert end.ends.value() == TODAY
    end.ok_btn.click()
    assert page.dialog is None and "免除を令和8年11月28日で終えました" in page.exempt_message.text()
    assert "令和8年11月28日〜令和8年11月28日" in [page.exemptions_model.cell_text(i, 2)
                                              for i in range(page.exemptions_model.rowCount())]
    tomorrow = {e.member_id: e.eligible for e in worker.call(ro.eligibility, rid, "2026-11-29")}
    assert tomorrow[member]
    assert [t for t in worker.call(ro.list_turns, rid, "2026-11-29", "2027-01-31") if t.member_id == member]


def test_automatic_exemptions_are_marked_and_counts_and_history_shown(qtbot, page, worker):
    block = _block(worker)
    elderly = worker.call(lambda reg: reg.rows(
        "SELECT id FROM households WHERE block_id = ? AND status = '加入' ORDER BY id", [block]))[0]["id"]
    data = worker.call(hh.get_household, elderly)
    for p in data.persons:
        p.birth_date = "1940-05-05"
    worker.call(hh.save_household, data)
    rid = _roster(worker, exempt_age=75)
    _show(page, rid)
    n = page.eligible_model.row_of_id(elderly)
    assert _cells(page.eligible_model, n)[2:] == ["× しない（自動）", "自動: 75歳以上のみの世帯"]
    assert elderly not in [t.member_id for t in page.turns_model.rows]
    assert "しない世帯" in page.eligible_title.text() and "令和8年11月28日（土）" in page.eligible_title.text()
    # 世帯ごとの回数
    page.tabs.setCurrentIndex(1)
    assert page.tabs.tabText(1) == "世帯ごとの回数"
    assert page.spread.text().startswith("いちばん多い世帯と少ない世帯の差: ")
    assert f"差: {page.detail.fair.spread}回" in page.spread.text() and page.detail.fair.spread <= 1
    counts = {c.member_id: c for c in page.counts_model.rows}
    assert _cells(page.counts_model, page.counts_model.row_of_id(elderly))[7:] == ["しない", "自動: 75歳以上のみの世帯"]
    someone = next(c for c in counts.values() if c.assigned)
    page.counts.selectRow(page.counts_model.row_of_id(someone.member_id))
    assert f"{someone.name}さんの当番の記録" in page.history_title.text()
    assert page.history_model.rowCount() == len(worker.call(ro.member_history, rid, someone.member_id))
    assert all(_cells(page.history_model, i)[1] == "本人の番" for i in range(page.history_model.rowCount()))


# -- the register changes -------------------------------------------------------------------------------


def test_the_stale_banner_appears_after_a_move_and_goes_after_deciding_again(qtbot, page, worker):
    _regenerate_stale(worker)
    rid = _roster(worker, name="転出の試験の当番")
    _show(page, rid)
    assert not page.banner.isVisible()
    leaver = next(t.member_id for t in _future(page) if t.starts_on > "2026-12-14")
    worker.call(hh.change_household_status, leaver, "転出", "2026-12-10")
    page.refresh()
    assert page.banner.isVisible() and STALE_TEXT in page.banner_text.text()
    assert "転出の試験の当番" in page.banner_text.toolTip() and page.regenerate_btn.isVisible()
    n = page.list_model.row_of_id(rid)
    assert page.list_model.cell_text(n, 0).startswith("⚠ ") and page.list_model.background(n) is not None
    page.regenerate_btn.click()
    assert not page.banner.isVisible()
    assert "決め直しました" in page.message.text() and "「転出の試験の当番」:" in page.message.text()
    assert not worker.call(ro.stale_rosters)
    assert leaver not in [t.member_id for t in worker.call(ro.list_turns, rid, "2026-12-10")]
    assert not page.list_model.cell_text(page.list_model.row_of_id(rid), 0).startswith("⚠")


def test_local_days_off_are_added_and_removed(qtbot, page, worker):
    rid = _roster(worker, cadence="weekdays", weekdays=[6], name="日曜の清掃（試験）")
    assert "2026-12-13" in [t.starts_on for t in worker.call(ro.list_turns, rid)]
    page.local_days_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, LocalDaysDialog) and not dlg.read_only_note.isVisible()
    assert ("2026-10-02", "秋祭り（宵宮）") in dlg.model.rows  # the demo's
    dlg.day.setValue("2026-12-13")
    dlg.name.setText("餅つき（試験）")
    dlg.add_btn.click()
    assert ("2026-12-13", "餅つき（試験）") in dlg.model.rows and not dlg.problem.isVisible()
    dlg.name.clear()
    dlg.add_btn.click()
    assert dlg.problem.isVisible() and "名前" in dlg.problem.text()
    dlg.close_btn.click()
    assert page.dialog is None and "地域の休みの日を変えました" in page.message.text()
    assert "2026-12-13" not in [t.starts_on for t in worker.call(ro.list_turns, rid)]
    page.local_days_btn.click()
    dlg = page.dialog
    dlg.table.selectRow(dlg.model.row_of_id("2026-12-13"))
    dlg.remove_btn.click()
    assert "2026-12-13" not in [r[0] for r in dlg.model.rows]
    dlg.close_btn.click()
    assert "2026-12-13" in [t.starts_on for t in worker.call(ro.list_turns, rid)]


def test_a_roster_is_retired_after_asking(qtbot, page, worker, monkeypatch):
    rid = _roster(worker, name="やめる当番（試験）")
    _show(page, rid)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text, **k: asked.append(text) or False)
    page.retire_btn.click()
    assert asked and "記録は残ります" in asked[0] and page.list_model.row_of_id(rid) >= 0
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    page.retire_btn.click()
    assert page.list_model.row_of_id(rid) < 0 and "やめました" in page.message.text()
    assert worker.call(ro.list_turns, rid, end=TODAY)  # the past stays


# -- who may change what -------------------------------------------------------------------------------


def test_a_viewer_sees_everything_read_only(qtbot, login):
    admin = login()
    rid = _roster(admin, name="閲覧の試験の当番")
    exempt = admin.call(ro.eligibility, rid)[0].member_id
    admin.call(ro.add_exemption, exempt, "役員", "2026-11-01", roster_id=rid)
    admin.close_register()  # one program at a time on the file

    worker = login(VIEWER)
    assert not worker.register.session.can("register.write")
    page = RostersPage(worker)
    qtbot.addWidget(page)
    page.resize(1060, 760)
    page.show()
    page.refresh(keep_id=rid)
    assert page.read_only_note.isVisible() and page.selected_id() == rid
    assert not page.new_btn.isEnabled() and not page.retire_btn.isEnabled()
    assert page.open_btn.isEnabled() and page.open_btn.text() == "開く…"
    assert not page.generate_btn.isEnabled() and not page.until.isEnabled()
    assert page.turns_model.rowCount() > 0
    page.turns.selectRow(0)
    for b in (page.swap_btn, page.substitute_btn, page.done_btn, page.missed_btn, page.unmark_btn, page.exempt_btn):
        assert not b.isEnabled()
    page.exemptions.selectRow(0)
    assert not page.end_exempt_btn.isEnabled()
    # pressing anyway (a shortcut, a stale button) changes nothing and does not crash
    page.new_roster()
    page.generate()
    page.add_exemption()
    page.mark_selected("済")
    assert page.dialog is None
    assert worker.call(ro.list_turns, rid)[0].status == "予定"
    page.open_btn.click()
    dlg = page.dialog
    assert isinstance(dlg, RosterEditor) and dlg.read_only_note.isVisibleTo(dlg)
    assert dlg.save_btn.isHidden() and dlg.name.isReadOnly() and not dlg.cadence.isEnabled()
    assert not dlg.block_boxes[next(iter(dlg.block_boxes))].isEnabled() and dlg.close_btn.text() == "閉じる"
    dlg.save()  # nothing happens
    dlg.close_btn.click()
    assert page.dialog is None
    page.local_days_btn.click()
    local = page.dialog
    assert local.read_only_note.isVisible() and local.remove_btn.isHidden()
    local.close_btn.click()


def test_a_hancho_makes_rosters_of_their_own_block_only(qtbot, login):
    worker = login(HANCHO)
    session = worker.register.session
    assert session.can("register.write") and session.block_ids
    page = RostersPage(worker)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.new_btn.isEnabled()
    page.new_btn.click()
    dlg = page.dialog
    assert not dlg.pool_buttons["station"].isEnabled() and not dlg.pool_buttons["list"].isEnabled()
    assert set(dlg.block_boxes) == set(session.block_ids)
    dlg.name.setText("班長の当番（試験）")
    for box in dlg.block_boxes.values():
        box.setChecked(True)
    dlg.save_btn.click()
    assert page.dialog is None and "作りました" in page.message.text()
    rows = worker.call(ro.list_rosters)
    assert all(worker.call(ro.get_roster, r.id).pool == "blocks" for r in rows)


# -- the models -------------------------------------------------------------------------------------------


def test_the_table_models_pass_the_model_tester(qtbot, qtmodeltester, worker):
    rid = _roster(worker, exempt_age=75)
    turns = worker.call(ro.list_turns, rid)
    worker.call(ro.substitute, turns[-3].id, turns[-2].member_id)
    worker.call(ro.add_exemption, turns[-1].member_id, "長期不在", "2026-12-01", "2027-01-31", roster_id=rid)
    turns = worker.call(ro.list_turns, rid)
    fair = worker.call(ro.fairness, rid)
    models = []
    listing = RosterListModel()
    models.append(listing)
    qtmodeltester.check(listing)
    listing.set_list(worker.call(ro.list_rosters), {rid: "household"}, TODAY, {rid: "毎週（月〜金）"})
    turn_model = TurnsModel(TODAY)
    qtmodeltester.check(turn_model)
    turn_model.set_turns(turns, TODAY)
    counts = CountsModel()
    qtmodeltester.check(counts)
    counts.set_counts(fair.counts, "household")
    history = HistoryModel(TODAY)
    history.set_rows(history_rows(worker.call(ro.member_history, rid, turns[0].member_id), turns[0].member_id))
    eligible = EligibilityModel()
    eligible.set_members([EligibleRow(e.member_id, e.name, e.block, e.eligible, e.why_not, e.why_not.startswith("自動"))
                          for e in worker.call(ro.eligibility, rid)], "household")
    exemptions = ExemptionsModel(TODAY)
    exemptions.set_exemptions(worker.call(ro.list_exemptions, rid), TODAY)
    found, chosen = FoundModel(), ChosenModel()
    picks = [Pick(1, "山田　太郎", "1班", "泉野町1-1"), Pick(2, "佐藤　花子", "2班")]
    found.set_rows(picks)
    chosen.set_rows(picks)
    local = LocalDaysModel()
    local.set_rows(sorted(worker.call(ro.non_working_days).items()))
    for model in (listing, turn_model, counts, history, eligible, exemptions, found, chosen, local):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model)
    assert counts.headerData(0, Qt.Orientation.Horizontal) == "世帯"
    counts.set_counts(fair.counts, "person")
    assert counts.headerData(0, Qt.Orientation.Horizontal) == "名前"
    qtmodeltester.check(counts)


def test_the_page_without_rosters_says_how_to_make_one(qtbot, tmp_path, register, clock):
    path = register.path
    register.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b", clock=clock))
    try:
        page = RostersPage(w)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert page.list_stack.currentWidget() is page.list_empty and "「新しい当番表…」" in page.list_empty.text()
        assert page.detail_stack.currentWidget() is page.nothing
        assert not page.open_btn.isEnabled() and not page.generate_btn.isEnabled() and not page.banner.isVisible()
        assert page.dialog is None and date.fromisoformat(TODAY) == w.register.today()
        page.new_btn.click()
        assert isinstance(page.dialog, RosterEditor) and not page.dialog.block_boxes
        page.dialog.reject()
        assert page.dialog is None
    finally:
        w.shutdown()
