"""The 年度替わり・引継ぎ wizard on the demo register, through its widgets."""

from __future__ import annotations

from pypdf import PdfReader

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import households as hh
from kyodo_desktop.ui.handover_wizard import HandoverWizard, PersonPicker

NEW = 2027


def _prepare(worker):
    def setup(reg):
        ab.open_year(reg, 2026)
        if not ab.get_dues_plan(reg, 2026).instalments:
            ab.set_dues_plan(reg, 2026, [("年額", "2026-06-30")], {c.name: 6000 for c in ab.list_dues_categories(reg)})
    worker.call(setup)


def test_the_wizard_walks_from_plan_to_package(qtbot, worker, messages, tmp_path, monkeypatch):
    _prepare(worker)
    wizard = HandoverWizard(worker, new_year=NEW)
    qtbot.addWidget(wizard)
    assert wizard.pages.currentIndex() == 0 and "令和9年度" in wizard.year_text.text()
    assert wizard.close_books.isEnabled()  # 令和8年度 is still open
    # a wrong counted balance is caught on the first page, before anything else
    wizard.close_books.setChecked(True)
    first = next(iter(wizard.counted.values()))
    first.setText("たくさん")
    wizard.next.click()
    assert wizard.pages.currentIndex() == 0 and "数字で入れてください" in wizard.error.text()
    wizard.close_books.setChecked(False)
    wizard.next.click()
    assert wizard.pages.currentIndex() == 1
    roles = [wizard.officer_table.item(r, 0).text() for r in range(wizard.officer_table.rowCount())]
    assert "会長" in roles
    wizard.next.click()
    assert wizard.pages.currentIndex() == 2
    assert wizard.leader_table.rowCount() == len(worker.call(hh.list_blocks))
    # keep the first 班's 班長, choose one for the second from the 班's own people
    wizard.leader_table.selectRow(0)
    wizard._keep_leader()
    assert wizard.leader_table.item(0, 3).text() == "今年度のまま"
    block = wizard.plan.leaders[1]
    monkeypatch.setattr(PersonPicker, "exec", lambda self: (self.results.setCurrentRow(len(self.found) - 1), 1)[1])
    wizard.leader_table.selectRow(1)
    wizard._change_leader()
    chosen = wizard.plan.leaders[1]
    assert chosen.source == "選択" and chosen.person_id != block.person_id
    wizard.next.click()
    assert wizard.pages.currentIndex() == 3
    lines = [wizard.change_list.item(i).text() for i in range(wizard.change_list.count())]
    assert any(x.startswith(f"班長: {wizard.plan.leaders[0].block}は") and "のまま" in x for x in lines)
    assert wizard.apply_button.isEnabled() and not wizard.next.isEnabled()  # the papers come after 実行
    wizard.apply_button.click()
    assert wizard.applied and "年度替わりを行いました" in wizard.error.text()
    leaders = {b.id: b.leader_person_id for b in worker.call(hh.list_blocks)}
    assert leaders[chosen.block_id] == chosen.person_id
    assert leaders[wizard.plan.leaders[0].block_id] == wizard.plan.leaders[0].current_id
    assert not wizard.apply_button.isEnabled() and not wizard.back.isEnabled()
    wizard.next.click()
    assert wizard.pages.currentIndex() == 4
    wizard.package_button.click()
    assert "保存先のフォルダーを選んでください" in wizard.package_result.text()
    wizard.folder.setText(str(tmp_path))
    wizard.package_button.click()
    assert wizard.package is not None and "作りました" in wizard.package_result.text()
    text = "".join(p.extract_text() for p in PdfReader(wizard.package.checklist).pages)
    assert "引継ぎチェックリスト" in text
    assert wizard.package.recovery_sheet is None  # not asked for


def test_a_plan_with_problems_cannot_be_applied(qtbot, worker, messages):
    _prepare(worker)
    wizard = HandoverWizard(worker, new_year=NEW)
    qtbot.addWidget(wizard)
    wizard.next.click()
    row = [o.role for o in wizard.plan.officers].index("会長")
    wizard.officer_table.selectRow(row)
    wizard._remove_officer()
    wizard.next.click()
    wizard.next.click()
    assert wizard.pages.currentIndex() == 3
    assert "新しい会長が決まっていません" in wizard.problems.text()
    assert not wizard.apply_button.isEnabled()


def test_only_administrators_get_the_menu_item(qtbot, login):
    from conftest import ADMIN, PASSWORD

    from kyodo_desktop.ui.main_window import MainWindow

    w = login()
    for who, enabled in (((ADMIN, PASSWORD), True), (("役員（デモ）", "demo-yakuin"), False)):
        login(who, w)  # the same worker logged in again as someone else
        win = MainWindow(w)
        qtbot.addWidget(win)
        item = next(a for a in win.findChildren(type(win.menuBar().actions()[0])) if a.text() == "年度替わり・引継ぎ…")
        assert item.isEnabled() is enabled, who
