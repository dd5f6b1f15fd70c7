"""防災・連絡網: the safety check entered by key, the phone tree and its own calling order, emergency
contacts in the household editor, the home screen's 安否確認 button and read-only roles — on a
real demo register (the clock is the fixtures': 2026-11-28 10:00)."""

from __future__ import annotations

import statistics
import time

import pytest
from conftest import ADMIN, PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, add_demo_accounts
from kyodo_desktop.models.postal import lookup
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui import household_editor as he
from kyodo_desktop.ui.disaster_page import (
    CheckPeopleModel,
    DisasterPage,
    TotalsModel,
    UnconfirmedModel,
)
from kyodo_desktop.ui.household_editor import ContactsModel, HouseholdEditor
from kyodo_desktop.ui.worker import DbWorker

VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
HANCHO = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "班長")


@pytest.fixture
def path(demo_register):
    add_demo_accounts(demo_register)
    # these tests make their own checks, consents and contacts: start from a demo without the ones it brings
    with demo_register.writing("試験の準備"):
        for sql in ("DELETE FROM safety_results", "DELETE FROM safety_checks", "DELETE FROM emergency_contacts",
                    "DELETE FROM consents WHERE purpose = 'RENRAKUMOU'", "DELETE FROM phone_tree_calls"):
            demo_register.conn.execute(sql)
    p = demo_register.path
    demo_register.close()
    return p


@pytest.fixture
def page(qtbot, worker):
    p = DisasterPage(worker)
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    p.refresh()
    return p


def _start_drill(qtbot, page, *, kind="訓練", time_text="9:00") -> int:
    tab = page.safety
    tab.start_new()
    dlg = tab.start_dialog
    assert dlg is not None
    dlg.start_btn.click()  # no kind chosen: said, nothing started
    assert dlg.isVisible() and "訓練" in dlg.kind_row.error
    assert not tab.worker.call(sf.list_checks)
    dlg.choose(kind)
    assert ("法律" in dlg.kind_note.text()) == (kind == "災害")
    dlg.time.setText(time_text)
    dlg.start_btn.click()
    assert dlg.check_id is not None
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.screen)
    return dlg.check_id


def _totals_in_memory(screen) -> dict:
    return {t.block: (t.persons, dict(t.counts), t.unconfirmed) for t in screen.totals.rows}


def _totals_in_register(worker, check_id) -> dict:
    return {t.block: (t.persons, dict(t.counts), t.unconfirmed) for t in worker.call(sf.totals, check_id)}


def _unconfirmed_ids(screen) -> list[int]:
    m = screen.unconfirmed
    return [m.people[m.positions[i]].person_id for i in range(m.rowCount())]


# -- the safety check -----------------------------------------------------------------------------------


def test_a_drill_is_entered_by_key_with_totals_and_the_unconfirmed_list_following(qtbot, page, worker, monkeypatch):
    check_id = _start_drill(qtbot, page)
    check = worker.call(sf.get_check, check_id)
    assert (check.kind, check.started_at) == ("訓練", "2026-11-28T09:00")
    screen = page.safety.screen
    table, model = screen.table, screen.model
    everyone = worker.call(sf.people, check_id)
    assert model.rowCount() == len(everyone) > 20
    assert screen.totals.rows[0].block == "合計" and screen.totals.rows[0].unconfirmed == len(everyone)
    assert screen.unconfirmed.rowCount() == len(everyone)
    assert table.currentIndex().row() == 0
    legend = {b.text() for b in screen.key_buttons.values()} | {b.text() for b in screen.where_buttons.values()}
    assert {"1  ○ 無事", "2  △ 軽症", "3  × 重症", "4  ? 不明", "0  未確認に戻す", "H  自宅", "S  避難所", "K  親族宅"} <= legend

    # 1 2 3 4: one result each, the selection moving on every time
    for n, (key, status) in enumerate(((Qt.Key.Key_1, "無事"), (Qt.Key.Key_2, "軽症"), (Qt.Key.Key_3, "重症"),
                                       (Qt.Key.Key_4, "不明"))):
        qtbot.keyClick(table, key)
        assert table.currentIndex().row() == n + 1
        assert model.cell_text(n, 5).endswith(status)
        assert model.cell_text(n, 7) == "10:00"  # the register's clock
    stored = {p.person_id: p.status for p in worker.call(sf.people, check_id)}
    assert [stored[p.person_id] for p in everyone[:4]] == ["無事", "軽症", "重症", "不明"]
    whole = screen.totals.rows[0]
    assert (whole.counts["無事"], whole.counts["軽症"], whole.counts["重症"], whole.counts["不明"]) == (1, 1, 1, 1)
    assert whole.unconfirmed == len(everyone) - 4
    assert "確認済み 4 /" in screen.summary.text()
    assert _unconfirmed_ids(screen) == [p.person_id for p in everyone[4:]]
    assert screen.unconfirmed_caption.text().count(f"{len(everyone) - 4:,}人")
    assert _totals_in_memory(screen) == _totals_in_register(worker, check_id)

    # 所在 first (kept, the selection stays), then the result: both recorded together
    qtbot.keyClick(table, Qt.Key.Key_S)
    assert table.currentIndex().row() == 4 and model.cell_text(4, 6) == "避難所…"
    assert "安否（1〜4）" in screen.message.text()
    assert stored.get(everyone[4].person_id) == ""
    qtbot.keyClick(table, Qt.Key.Key_1)
    fifth = next(p for p in worker.call(sf.people, check_id) if p.person_id == everyone[4].person_id)
    assert (fifth.status, fifth.whereabouts) == ("無事", "避難所")
    # 所在 of someone already confirmed: recorded at once, the result kept
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_K)
    first = next(p for p in worker.call(sf.people, check_id) if p.person_id == everyone[0].person_id)
    assert (first.status, first.whereabouts) == ("無事", "親族宅") and table.currentIndex().row() == 0

    # a mistake: 0 (or Delete) goes back to 未確認, and the person is on the list again
    table.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_0)
    assert model.cell_text(1, 5) == "未確認" and table.currentIndex().row() == 2
    table.setCurrentIndex(model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert everyone[1].person_id in _unconfirmed_ids(screen) and everyone[2].person_id in _unconfirmed_ids(screen)
    assert _unconfirmed_ids(screen)[:2] == [everyone[1].person_id, everyone[2].person_id]  # in order
    assert _totals_in_memory(screen) == _totals_in_register(worker, check_id)
    assert screen.totals.rows[0].counts["重症"] == 0

    # one 班 at a time: the table and the unconfirmed list follow; the totals show every 班
    block = everyone[-1].block_id
    screen.block.setCurrentIndex(screen.block.findData(block))
    assert {model.person(r).block_id for r in range(model.rowCount())} == {block}
    assert all(screen.unconfirmed.people[p].block_id == block for p in screen.unconfirmed.positions)
    assert screen.totals.rowCount() == len({p.block_id for p in everyone}) + 1
    assert screen.totals_table.currentIndex().row() == screen.totals.row_of_block(block)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert _totals_in_memory(screen) == _totals_in_register(worker, check_id)
    # double-click (Enter) on someone not yet confirmed selects them in the table
    target = screen.unconfirmed.index(2, 0)
    screen.unconfirmed_list.activated.emit(target)
    assert model.person(table.currentIndex().row()).person_id == _unconfirmed_ids(screen)[2]

    # someone who left before the check began (recorded meanwhile): the model's message, nothing written
    screen.block.setCurrentIndex(0)
    leaving = everyone[10]
    worker.call(hh.change_household_status, leaving.household_id, "転出", "2026-10-01")
    row = next(r for r in range(model.rowCount()) if model.person(r).person_id == leaving.person_id)
    table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert "転出" in screen.message.text() and "記録できません" in screen.message.text()
    assert table.currentIndex().row() == row  # stays
    assert model.cell_text(row, 5) == "未確認"
    assert worker.call(lambda reg: reg.conn.execute(
        "SELECT count(*) FROM safety_results WHERE person_id = ?", [leaving.person_id]).fetchone()[0]) == 0

    # the check ends: back to the list, with the time it took
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text, **_k: asked.append(text) or True)
    screen.end_btn.click()
    assert "まだ確認できていない人" in asked[0]
    assert page.safety.stack.currentWidget() is page.safety.list_screen
    assert "終えました" in page.safety.message.text()
    assert worker.call(sf.get_check, check_id).ended_at == "2026-11-28T10:00"
    n = next(i for i, r in enumerate(page.safety.model.rows) if r.id == check_id)
    assert page.safety.model.data(page.safety.model.index(n, 5)) == "終了"
    assert page.safety.model.data(page.safety.model.index(n, 4)) == "—"  # not everyone was accounted for
    # an ended check opens read-only
    page.safety.open_check(check_id)
    assert not screen.end_btn.isVisibleTo(screen) and not screen.key_buttons["無事"].isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert "終わっています" in screen.message.text()


def test_every_person_accounted_for_shows_how_long_it_took(qtbot, page, worker):
    check_id = _start_drill(qtbot, page, kind="災害", time_text="午前9時30分")
    screen = page.safety.screen
    assert "法律" in screen.hint.text() and screen.kind_badge.text().strip() == "災害"
    for _ in range(screen.model.rowCount()):
        qtbot.keyClick(screen.table, Qt.Key.Key_1)
    assert screen.unconfirmed.rowCount() == 0 and "確認が済みました" in screen.unconfirmed_caption.text()
    assert screen.totals.rows[0].unconfirmed == 0 and screen.totals.cell_text(1, 0).startswith("✓")
    screen.back_btn.click()
    rows = page.safety.model.rows
    assert rows[0].id == check_id and page.safety.model.data(page.safety.model.index(0, 4)) == "30分"


def test_a_key_press_stays_within_a_frame_with_twelve_thousand_people(qtbot, tmp_path, clock):
    """Each key writes one result and updates one row, the totals and the list: never a reload."""
    from kyodo_desktop.models.demo import populate_demo

    reg = Register.create(tmp_path / "大きな町会.kyodo", name="大きな町会", default_area_code="076", admin_name=ADMIN,
                          password=PASSWORD, backup_dir=tmp_path / "backups", clock=clock)
    populate_demo(reg.db, households=5400, seed=3, today=clock().date())
    check_id = sf.start_check(reg, "訓練", started_at="2026-11-28 09:00")
    path = reg.path
    reg.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "backups", clock=clock))
    try:
        page = DisasterPage(w)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        page.refresh()
        page.start_safety_mode()
        screen = page.safety.screen
        assert screen.model.rowCount() >= 12_000
        table = screen.table
        table.setCurrentIndex(screen.model.index(5_000, 0))
        app = QApplication.instance()
        app.processEvents()
        times = []
        for n in range(150):
            started = time.perf_counter()
            qtbot.keyClick(table, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_0)[n % 3])
            app.processEvents()  # and paint
            times.append((time.perf_counter() - started) * 1000)
        assert table.currentIndex().row() == 5_150
        assert _totals_in_memory(screen) == _totals_in_register(w, check_id)
        median = statistics.median(times)
        print(f"\nkey press with {screen.model.rowCount():,} people: median {median:.2f} ms, "
              f"95th percentile {sorted(times)[int(len(times) * 0.95)]:.2f} ms, max {max(times):.2f} ms")
        assert median < 16
    finally:
        w.shutdown()


def test_the_home_button_opens_the_safety_check(qtbot, worker, monkeypatch):
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.pages import HomePage

    plain = HomePage(worker)  # still made without the button's action
    qtbot.addWidget(plain)
    assert plain.safety_button.isHidden()

    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    button = window.home.safety_button
    assert button.isVisible() and button.text() == "安否確認"
    button.click()  # no check running: the dialog to start one
    page = window.disaster_page
    assert window.current_page() is page and page.tabs.currentWidget() is page.safety
    dlg = page.safety.start_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.reject()
    assert page.safety.start_dialog is None

    older = worker.call(sf.start_check, "訓練", "春の訓練", "2026-04-12 09:00")
    newer = worker.call(sf.start_check, "災害", "", "2026-11-28 06:10")
    ended = worker.call(sf.start_check, "訓練", "終わった訓練", "2026-06-01 09:00")
    worker.call(sf.end_check, ended, "2026-06-01 10:00")
    first = worker.call(sf.people, newer)[0]
    worker.call(sf.record, newer, first.person_id, "無事")
    window.show_page("home")
    button.click()
    assert window.current_page() is page
    screen = page.safety.screen
    assert page.safety.stack.currentWidget() is screen
    assert screen.check.id == newer != older and screen.kind_badge.text().strip() == "災害"
    assert screen.table.currentIndex().row() == 1  # on where it was left: the first not yet confirmed
    assert "1〜4" in screen.message.text()


# -- the phone tree -------------------------------------------------------------------------------------


def _block_households(worker, block_id) -> list[int]:
    return worker.call(lambda reg: [r[0] for r in reg.conn.execute(
        "SELECT id FROM households WHERE block_id = ? AND status IN ('加入', '非加入') ORDER BY circulation_order, id",
        [block_id])])


def test_the_phone_tree_names_only_those_who_agreed(qtbot, page, worker):
    block = worker.call(hh.list_blocks)[0]
    homes = _block_households(worker, block.id)
    for hid in homes[:-1]:
        worker.call(privacy.set_consent, household_id=hid, purpose="RENRAKUMOU", granted=True, granted_on="2026-04-01")
    page.tabs.setCurrentWidget(page.phone_tree)
    tab = page.phone_tree
    assert tab.block.currentData() == block.id
    tree = worker.call(ct.block_tree, block.id)
    rows = tab.model.rows
    assert [r.household_id for r in rows] == tree.order
    blank = next(r for r in rows if r.household_id == homes[-1])
    assert blank.name == "（掲載の同意なし）" and blank.phone == "" and blank.alt_phone == ""
    n = rows.index(blank)
    assert tab.model.data(tab.model.index(n, 1)).strip().endswith("（掲載の同意なし）")
    assert tab.model.data(tab.model.index(n, 2)) == ""
    named = next(r for r in rows if r.household_id == homes[0] and not r.root)
    assert named.name != "（掲載の同意なし）" and named.phone
    assert rows[0].root and "班長・起点" in tab.model.data(tab.model.index(0, 1))
    assert rows[-1].next.startswith("→ 会長")
    assert ct.RULE in tab.rule.text() and "折り返し報告先" in tab.rule.text()
    assert f"班長 {tree.leader}" in tab.leader.text()
    assert not tab.problems.isVisible()

    # a 班 without a 班長: the model's problem is shown and its own order cannot be made
    new_block = worker.call(lambda reg: reg.conn.execute("SELECT max(id) FROM blocks").fetchone()[0])
    worker.call(hh.set_block_leader, new_block, None)
    tab.block.setCurrentIndex(tab.block.findData(new_block))
    assert tab.problems.isVisible() and "班長が決まっていません" in tab.problems.text()
    assert not tab.edit_btn.isEnabled()


def test_a_loop_in_a_blocks_own_order_is_refused_with_the_models_message(qtbot, page, worker, monkeypatch):
    block = worker.call(hh.list_blocks)[0]
    page.tabs.setCurrentWidget(page.phone_tree)
    tab = page.phone_tree
    tree = worker.call(ct.block_tree, block.id)
    root = tree.leader_id
    others = [h for h in tree.order if h != root]
    a, b, c = others[:3]
    tab.edit_order()
    dlg = tab.order_dialog
    assert dlg is not None and set(dlg.combos) == set(others)
    assert dlg.calls() == [(p, h) for h in tree.entries if h != root for p in [
        next(x for x in tree.entries if h in tree.entries[x].calls)]]  # filled with the chain as it stands
    dlg.combos[a].setCurrentIndex(dlg.combos[a].findData(b))  # a ← b and b ← a: a loop
    dlg.save_btn.click()
    assert dlg.isVisible() and "輪" in dlg.message.text() and "保存していません" in dlg.message.text()
    assert not worker.call(ct.block_tree, block.id).custom

    # both ways round: the 班長 calls a and c; a calls b; the rest follow c
    dlg.combos[a].setCurrentIndex(dlg.combos[a].findData(root))
    dlg.combos[c].setCurrentIndex(dlg.combos[c].findData(root))
    dlg.save_btn.click()
    assert not dlg.isVisible() and tab.order_dialog is None
    saved = worker.call(ct.block_tree, block.id)
    assert saved.custom and saved.entries[root].calls == [a, c]
    assert "独自の順番" in tab.kind_label.text() and tab.reset_btn.isEnabled()
    assert "保存しました" in tab.message.text()
    assert [r.household_id for r in tab.model.rows] == saved.order
    levels = {r.household_id: r.level for r in tab.model.rows}
    assert levels[a] == levels[c] == 1 and levels[b] == 1

    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    tab.reset_btn.click()
    assert not worker.call(ct.block_tree, block.id).custom and not tab.reset_btn.isEnabled()


# -- emergency contacts in the household editor -----------------------------------------------------


@pytest.fixture
def editor(qtbot, worker):
    def open_editor(household_id=None, *, call=True, parent=None):
        data = worker.call(hh.get_household, household_id) if household_id else hh.HouseholdData(
            block_id=worker.call(hh.list_blocks)[0].id, persons=[hh.PersonData(relation="世帯主")])
        ed = HouseholdEditor(data, worker.call(hh.list_blocks), lambda d: worker.call(hh.save_household, d), lookup,
                             worker.register.today(), parent, call=worker.call if call else None)
        if parent is None:  # (else closed with its parent)
            qtbot.addWidget(ed)
        ed.show()
        return ed

    return open_editor


def _a_household(worker) -> int:
    return worker.call(lambda reg: reg.conn.execute(
        "SELECT household_id FROM persons WHERE status = '在籍' GROUP BY household_id HAVING count(*) >= 2 "
        "ORDER BY household_id LIMIT 1").fetchone()[0])


def test_emergency_contacts_are_added_normalised_and_bad_numbers_refused(qtbot, worker, editor, monkeypatch):
    hid = _a_household(worker)
    ed = editor(hid)
    section = ed.contacts
    assert section.model.rowCount() == 0 and section.add_button.isEnabled()
    section.add_contact()
    dlg = section.dialog
    assert dlg is not None
    dlg.name.setText("青木 次郎")
    dlg.relation.setCurrentText("長男（東京）")
    dlg.phone.setText("０９０ー２２２２ー３３３３")
    dlg.address.setText("東京都練馬区豊玉北1-2-3")
    dlg.ok_button.click()
    assert not dlg.isVisible() and section.dialog is None
    saved = worker.call(ct.list_contacts, hid)
    assert [(c.name, c.phone, c.relation, c.household_id) for c in saved] == [
        ("青木 次郎", "090-2222-3333", "長男（東京）", hid)]
    assert section.model.cell_text(0, 3) == "090-2222-3333" and section.model.cell_text(0, 5) == "世帯全体"
    assert "090-2222-3333" in section.message.text()

    # a bad number: the message at the field, the dialog stays open, nothing saved
    section.add_contact()
    dlg = section.dialog
    dlg.name.setText("誰か")
    dlg.phone.setText("12")
    dlg.ok_button.click()
    assert dlg.isVisible() and dlg.rows["phone"].error and dlg.rows["phone"].message.isVisibleTo(dlg)
    assert len(worker.call(ct.list_contacts, hid)) == 1
    # an empty name likewise
    dlg.phone.setText("2201234")
    dlg.name.setText("")
    dlg.ok_button.click()
    assert dlg.rows["name"].error and not dlg.rows["phone"].error and len(worker.call(ct.list_contacts, hid)) == 1
    # for one of the household's people, with the area code added
    person = ed._persons[1]
    dlg.name.setText("井上 明")
    dlg.target.setCurrentIndex(dlg.target.findData(person.id))
    dlg.priority.setValue(2)
    dlg.ok_button.click()
    assert not dlg.isVisible()
    got = {c.name: c for c in worker.call(ct.list_contacts, hid)}
    assert (got["井上 明"].phone, got["井上 明"].person_id, got["井上 明"].household_id) == ("076-220-1234", person.id, None)
    n = next(i for i, c in enumerate(section.model.contacts) if c.name == "井上 明")
    assert section.model.cell_text(n, 5) == he.display_name(person)

    # edit, then delete (after asking)
    section.table.selectRow(0)
    section.edit_contact()
    section.dialog.relation.setCurrentText("長男")
    section.dialog.ok_button.click()
    assert {c.relation for c in worker.call(ct.list_contacts, hid)} >= {"長男"}
    monkeypatch.setattr(he, "confirm_delete_contact", lambda _p, text: "削除" in text)
    section.table.selectRow(0)
    section.delete_contact()
    assert len(worker.call(ct.list_contacts, hid)) == 1 and section.model.rowCount() == 1
    assert not ed.is_dirty()  # contacts are saved on their own; the household form is unchanged


def test_the_contacts_section_without_a_saved_household_or_a_worker(qtbot, worker, editor):
    ed = editor(None)
    assert not ed.contacts.add_button.isEnabled() and "保存すると" in ed.contacts.note.text()

    class Window(QWidget):
        def __init__(self):
            super().__init__()
            self.worker = worker

    window = Window()
    qtbot.addWidget(window)
    ed = editor(_a_household(worker), call=False, parent=window)  # the main window's worker is used
    assert ed.contacts.add_button.isEnabled()
    alone = editor(_a_household(worker), call=False)
    assert not alone.contacts.add_button.isEnabled()


# -- roles ------------------------------------------------------------------------------------------------


def test_a_viewer_sees_everything_read_only(qtbot, login, path):
    admin = login()
    check_id = admin.call(sf.start_check, "訓練", "", "2026-11-28 09:00")
    first = admin.call(sf.people, check_id)[0]
    admin.call(sf.record, check_id, first.person_id, "無事")
    hid = first.household_id
    admin.call(ct.save_contact, ct.EmergencyContact("山田 花子", "0762201234", household_id=hid))
    admin.close_register()

    worker = login(VIEWER)
    page = DisasterPage(worker)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    tab = page.safety
    assert not tab.start_btn.isEnabled() and tab.read_only_note.isVisible()
    tab.start_new()
    assert tab.start_dialog is None
    tab.open_selected()
    screen = tab.screen
    assert tab.stack.currentWidget() is screen and screen.check.id == check_id
    assert not screen.end_btn.isVisibleTo(screen)
    assert not any(b.isEnabled() for b in screen.key_buttons.values())
    assert "閲覧のみ" in screen.hint.text()
    screen.table.setCurrentIndex(screen.model.index(1, 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_1)
    assert "閲覧のみ" in screen.message.text() and screen.model.cell_text(1, 5) == "未確認"
    assert screen.model.cell_text(0, 5) == "○ 無事"

    page.tabs.setCurrentWidget(page.phone_tree)
    assert page.phone_tree.model.rowCount() > 0
    assert page.phone_tree.edit_btn.isHidden() and page.phone_tree.reset_btn.isHidden()

    data = worker.call(hh.get_household, hid)
    ed = HouseholdEditor(data, worker.call(hh.list_blocks), lambda d: 0, lookup, worker.register.today(),
                         call=worker.call)
    qtbot.addWidget(ed)
    assert ed.contacts.model.rowCount() == 1 and not ed.contacts.add_button.isEnabled()
    assert "閲覧のみ" in ed.contacts.note.text()


def test_a_hancho_enters_results_for_their_own_block_only(qtbot, login):
    worker = login(HANCHO)
    own = {b.id for b in worker.call(hh.list_blocks)}
    assert len(own) == 1
    page = DisasterPage(worker)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.start_safety_mode()  # nothing running: start one
    dlg = page.safety.start_dialog
    dlg.choose("訓練")
    dlg.start_btn.click()
    screen = page.safety.screen
    assert {screen.model.person(r).block_id for r in range(screen.model.rowCount())} == own
    assert screen.totals.rowCount() == 2
    qtbot.keyClick(screen.table, Qt.Key.Key_1)
    assert screen.model.cell_text(0, 5) == "○ 無事"


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, page, worker):
    people = CheckPeopleModel()
    totals = TotalsModel()
    unconfirmed = UnconfirmedModel()
    contacts = ContactsModel()
    for m in (people, totals, unconfirmed, contacts):
        qtmodeltester.check(m)  # empty
    check_id = worker.call(sf.start_check, "訓練", "", "2026-11-28 09:00")
    everyone = worker.call(sf.people, check_id)
    everyone[0].status, everyone[0].checked_at = "重症", "2026-11-28T09:05"
    everyone[1].support = True
    people.set_people(everyone, list(range(len(everyone))), "2026-11-28")
    people.pending[2] = "自宅"
    totals.load(everyone)
    unconfirmed.set_positions(everyone, list(range(1, len(everyone))))
    contacts.set_rows([ct.EmergencyContact("山田 花子", "076-220-1234", "長女", household_id=1, id=1)], {})
    for m in (people, totals, unconfirmed, contacts):
        qtmodeltester.check(m)
    totals.change(everyone[1].block_id, "", "無事")
    unconfirmed.remove_position(1)
    unconfirmed.insert_position(1)
    for m in (totals, unconfirmed):
        qtmodeltester.check(m)
    page.tabs.setCurrentWidget(page.phone_tree)
    qtmodeltester.check(page.phone_tree.model)
    qtmodeltester.check(page.safety.model)
