"""要支援者（取扱注意） and 資機材・避難場所・組織 tabs: who sees what (counts only without
``sensitive.read``, never a name), the list, the city's list reviewed and replacing the previous
version, watermarked prints recorded with purpose and copies, equipment, places and the
自主防災 organisation — on the demo register (the clock is the fixtures': 2026-11-28 10:00). The
data each test needs is made through the model functions."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import ADMIN
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import support as sp
from kyodo_desktop.models.accounts import DEMO_ACCOUNTS

YAKUIN = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "役員")
VIEWER = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "閲覧")
HANCHO = next((n, p) for n, role, p in DEMO_ACCOUNTS if role == "班長")
SECRET = "秘匿 花子"  # someone the 町会 recorded itself, not in the register


def answer(monkeypatch, cls, fill):
    """``cls.exec()`` fills the dialog as an officer would and presses its OK button."""

    def exec_(self):
        fill(self)
        self.save()
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)


def _texts(root: QWidget) -> str:
    """Every text the widget tree holds: labels, buttons, fields, tips, combo items, table cells."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        for attr in ("text", "toolTip", "accessibleName", "windowTitle", "placeholderText", "toPlainText",
                     "currentText", "title"):
            f = getattr(w, attr, None)
            if callable(f):
                try:
                    value = f()
                except TypeError:
                    continue
                if isinstance(value, str):
                    out.append(value)
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = m.index(r, c).data(role)
                        if value:
                            out.append(str(value))
    return "\n".join(out)


def _people(worker, n):
    """Living members with a unique name, a reading and a birthday, one per household:
    (id, family, given, family kana, given kana, birth, town + number, block id)."""
    return worker.call(lambda reg: reg.conn.execute(
        "SELECT p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date, "
        "h.address_town || h.address_number, h.block_id FROM persons p JOIN households h ON h.id = p.household_id "
        "WHERE p.status = '在籍' AND h.status = '加入' AND p.birth_date IS NOT NULL AND p.family_kana != '' "
        "AND p.birth_date < '1990-01-01' AND p.id = (SELECT min(q.id) FROM persons q WHERE q.household_id = h.id "
        "AND q.status = '在籍' AND q.birth_date IS NOT NULL) "
        "AND (SELECT count(*) FROM persons o WHERE o.family_name = p.family_name AND o.given_name = p.given_name) = 1 "
        "AND p.id NOT IN (SELECT person_id FROM support_people WHERE person_id IS NOT NULL) "
        "AND p.id NOT IN (SELECT person_id FROM support_helpers WHERE person_id IS NOT NULL) "
        "ORDER BY p.id LIMIT ?", [n]).fetchall())


def _audit(worker, action):
    return worker.call(lambda reg: reg.rows(
        "SELECT action, table_name, row_id, summary, purpose, person_count, actor FROM audit_log WHERE action = ? "
        "ORDER BY id", [action]))


# -- who sees what ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [YAKUIN, VIEWER, HANCHO], ids=["役員", "閲覧", "班長"])
def test_officers_without_the_permission_see_counts_only_and_never_a_name(qtbot, login, who, messages):
    from kyodo_desktop.ui.support_tab import NO_ACCESS, SupportTab

    worker = login()
    worker.call(sp.save_support, sp.SupportPerson(name=SECRET, consent="同意", reasons=("本人の希望",),
                                                  medical_notes="在宅酸素", address="泉野町9-9"))
    names = [s.name for s in worker.call(sp.list_support)]
    assert SECRET in names and len(names) > 1  # the demo's list, and ours
    everyone = worker.call(sp.support_summary)
    tab = SupportTab(worker)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    tab.refresh()  # the 管理者 first: the names are there …
    assert tab.stack.currentIndex() == 1 and SECRET in _texts(tab)

    login(who, worker)  # … then another officer logs in on the same window
    assert not worker.register.session.can("sensitive.read")
    views = len(_audit(worker, "view_sensitive"))
    tab.refresh()
    assert tab.stack.currentIndex() == 0 and tab.model.rowCount() == 0
    text = _texts(tab)
    for name in names:
        assert name not in text and name.replace("　", "").replace(" ", "") not in text.replace("　", "")
    for detail in ("在宅酸素", "泉野町9-9", "本人の希望"):
        assert detail not in text
    assert NO_ACCESS in tab.summary_view.explain.text()
    mine = worker.call(sp.support_summary)
    assert tab.summary_view.values["people"].text() == f"{mine.people}人"
    if who == HANCHO:  # their own 班 only
        assert mine.people <= everyone.people and not tab.summary_view.by_block.rows[1:]
    else:
        assert mine.people == everyone.people and mine.people >= 1
        assert f"同意 {mine.consented}人" in tab.summary_view.values["consent"].text()
        assert sum(n for _b, n in tab.summary_view.by_block.rows) == everyone.people - everyone.unlinked
    assert len(_audit(worker, "view_sensitive")) == views  # nothing of the list was read
    for action in (tab.add, tab.edit, tab.print_list, tab.import_city_list):
        action()  # a shortcut may still reach them: they do nothing
    assert messages == []


def test_the_administrator_sees_the_list_filters_it_and_each_look_is_recorded(qtbot, worker):
    from kyodo_desktop.ui.support_tab import BANNER, SupportTab

    tab = SupportTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.stack.currentIndex() == 1 and BANNER in tab.banner.text()
    everyone = worker.call(sp.list_support)
    assert [s.id for s in tab.model.rows] == [s.id for s in everyone] and everyone
    looks = _audit(worker, "view_sensitive")
    assert looks[-1]["actor"] == ADMIN and looks[-1]["person_count"] == len(everyone)
    first = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert first[0] == everyone[0].name and first[3] in ("同意者名簿", "基礎名簿のみ（不同意）", "基礎名簿のみ（未確認）")
    tab.consented_only.click()
    assert tab.model.rows and all(s.consented for s in tab.model.rows)
    assert len(tab.model.rows) == sum(1 for s in everyone if s.consented)
    assert len(_audit(worker, "view_sensitive")) == len(looks) + 1
    tab.show_all.click()
    # people without a 地域支援者, or not in the register, are highlighted with ⚠ and words
    for n, s in enumerate(tab.model.rows):
        warned = tab.model.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert warned == (not s.helpers or not s.linked or s.register_status not in ("", "在籍"))
        if not s.helpers:
            assert tab.model.index(n, 4).data() == "⚠ 未定"
    assert tab.import_btn.isEnabled() and tab.print_btn.isEnabled() and tab.add_btn.isEnabled()


def test_an_entry_is_added_with_helpers_linked_later_and_erased(qtbot, worker, messages):
    from kyodo_desktop.ui.support_tab import SupportDialog, SupportTab
    from kyodo_desktop.ui.volunteers_tab import PersonChoice

    (pid, family, given, _fk, _gk, _b, _a, _block), (helper, hf, hg, *_) = _people(worker, 2)
    tab = SupportTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    dialog = SupportDialog(worker, parent=tab)
    dialog.name.setText(SECRET)
    dialog.reasons.boxes["一人暮らし高齢者"].setChecked(True)
    dialog.medical.setPlainText("在宅酸素")
    dialog.consent.setCurrentIndex(dialog.consent.findData("未確認"))
    dialog.save()  # 要配慮個人情報 collected by the 町会 needs the person's consent (§20②)
    assert "本人の同意" in dialog.error.text() and not dialog.saved
    dialog.consent.setCurrentIndex(dialog.consent.findData("同意"))
    dialog.helper_name.setText("支援 一郎")
    dialog.add_free_helper()  # a helper outside the register needs a phone number
    assert "電話番号" in dialog.error.text() and dialog.helpers == []
    dialog.helper_phone.setText("090-1111-2222")
    dialog.helper_relation.setText("民生委員")
    dialog.add_free_helper()
    dialog.helper_relation.setText("隣人")
    dialog.add_helper_person(PersonChoice(helper, f"{hf}　{hg}", "", "", "", ""))
    assert [h.name for h in dialog.helper_model.rows] == ["支援 一郎", f"{hf}　{hg}"]
    dialog.save()
    assert dialog.saved and dialog.result() == 1
    sid = dialog.support_id
    saved = worker.call(sp.get_support, sid)
    assert (saved.name, saved.consent, saved.medical_notes, saved.linked) == (SECRET, "同意", "在宅酸素", False)
    assert [(h.name, h.phone, h.relation, h.person_id) for h in saved.helpers] == [
        ("支援 一郎", "090-1111-2222", "民生委員", None), (f"{hf}　{hg}", saved.helpers[1].phone, "隣人", helper)]
    tab.load_list(keep=sid)
    row = tab.model.rows.index(next(s for s in tab.model.rows if s.id == sid))
    assert tab.model.index(row, 6).data() == "⚠ 名簿にいない人"
    assert tab.model.index(row, 4).data() == f"支援 一郎、{hf}　{hg}"
    # linked to the register afterwards: the row says so, the helpers stay
    assert tab.link(sid, pid)
    row = tab.model.rows.index(next(s for s in tab.model.rows if s.id == sid))
    assert tab.model.index(row, 6).data() == "結び付け済み" and tab.model.index(row, 1).data() != "（名簿外）"
    assert len(worker.call(sp.get_support, sid).helpers) == 2
    # opened again, read back
    again = SupportDialog(worker, sid, parent=tab)
    assert again.reasons.checked() == ["一人暮らし高齢者"] and again.link_label.text().startswith("結び付け済み")
    again.reject()
    select = tab.table.selectRow
    select(row)
    tab.delete()
    assert sid not in [s.id for s in tab.model.rows] and messages == []


# -- the city's list ---------------------------------------------------------------------------------------

HEADERS = ["番号", "氏名", "フリガナ", "生年月日", "住所", "電話", "避難先", "同意", "理由", "市の管理コード"]


def _xlsx(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws.append(["令和8年度 避難行動要支援者名簿（デモ町会）"])
    ws.append([])
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _row(n, person, *, birth=None, consent="有", reason="一人暮らし"):
    _pid, family, given, fk, gk, born, address, _block = person
    return [n, f"{family} {given}", f"{fk} {gk}", birth or datetime.fromisoformat(born), "金沢市" + address, "",
            "泉野小学校", consent, reason, f"K-{n:03}"]


def test_a_city_list_is_reviewed_an_ambiguous_row_chosen_and_it_replaces_the_previous_version(
        qtbot, worker, tmp_path, messages):
    from kyodo_desktop.ui.support_tab import CityListDialog, SupportTab

    p1, p2 = _people(worker, 2)
    old_file = _xlsx(tmp_path / "R8前期.xlsx", [
        _row(1, p1), [2, "旧版 だけ子", "キュウハン ダケコ", datetime(1935, 5, 5), "金沢市泉野町99-9", "", "", "有",
                      "難病", "K-002"]])

    def first_version(reg):
        plan = sp.plan_city_list(reg, old_file, "2026-10-01", "協定第3号")
        sp.apply_city_list(reg, plan, {r: None for r in plan.needs_choice})
        entry = next(s for s in sp.list_support(reg) if s.person_id == p1[0] and s.origin == sp.CITY)
        sp.set_helpers(reg, entry.id, [sp.Helper("近所 助", "090-3333-4444", "隣人")])
        return sp.current_city_list(reg)

    previous = worker.call(first_version)
    new_file = _xlsx(tmp_path / "R8後期.xlsx", [
        _row(1, p1),
        _row(2, p2, birth=datetime(1931, 1, 1)),  # the same name, another birthday: the officer decides
        [3, "新顔 花子", "シンガオ ハナコ", datetime(1950, 2, 2), "金沢市泉野町3-3", "076-220-3333", "", "無", "高齢者のみ",
         "K-003"],
        ["合計", "", "", None, "", "", "", "", "", ""],
    ])
    tab = SupportTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    dialog = CityListDialog(worker, tab)
    qtbot.addWidget(dialog)
    assert dialog.agreement.text() == "協定第3号"  # the current version's, to start from
    dialog.read()
    assert "ファイルを選んでください" in dialog.status.text() and dialog.pages.currentIndex() == 0
    dialog.set_file(new_file)
    dialog.received.setValue("2026-11-20")
    dialog.agreement.setText("協定第3号（令和元年7月1日）")
    dialog.remove_file.setChecked(True)
    dialog.read()
    assert dialog.pages.currentIndex() == 1, dialog.status.text()
    plan = dialog.plan
    assert [(r.row, r.status) for r in plan.rows] == [(4, "matched"), (5, "ambiguous"), (6, "none")]
    assert "3人: 名簿の人と一致 1人・要確認 1人・名簿にいない 1人" in dialog.summary.text()
    assert "令和8年10月1日受領・2人）をこの名簿で置き換えます" in dialog.summary.text()
    assert "市の管理コード" in dialog.unknown_label.text() and "氏名" in dialog.columns_label.text()
    skipped = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert any(s.startswith("7行目") and "合計" in s for s in skipped)
    # the rows to decide come first; each shows what was read and why
    assert [dialog.rows.item(r, 0).text() for r in range(dialog.rows.rowCount())] == ["5", "6", "4"]
    assert dialog.rows.item(2, 5).text().startswith(f"{p1[1]}　{p1[2]}")
    assert list(dialog.combos) == [5]
    combo = dialog.combos[5]
    assert combo.itemData(1) == p2[0] and combo.itemText(combo.count() - 1).startswith("名簿にいない")
    assert not dialog.next_btn.isEnabled() and "5行目" in dialog.status.text()
    dialog.apply()  # nothing happens until every ambiguous row has a choice
    assert worker.call(sp.current_city_list).id == previous.id
    dialog.set_choice(5, None)
    assert dialog.next_btn.isEnabled() and dialog.choices() == {5: None}
    dialog.set_choice(5, p2[0])
    assert dialog.choices() == {5: p2[0]} and dialog.next_btn.text() == "この内容で置き換える"
    dialog.next()
    assert dialog.pages.currentIndex() == 2, dialog.status.text()
    result = dialog.import_result
    assert (result.rows, result.linked, result.unlinked, result.replaced_rows) == (3, 2, 1, 2)
    assert result.secure_delete and result.checkpointed and result.file_removed
    text = dialog.result_label.text()
    for part in ("3人（会員名簿の人と結び付け 2人・名簿にいない 1人）", "前の版の2人分を消去しました", "上書きして消去済み",
                 "地域支援者1人を、前の版から引き継ぎました", "ファイルを復元できないように消去しました"):
        assert part in text, part
    assert not new_file.exists()  # 協定: no copy left behind
    dialog.next()  # 閉じる
    assert dialog.result() == 1

    versions = worker.call(sp.city_lists)
    assert (versions[0].received_on, versions[0].agreement_ref, versions[0].replaced_at) == (
        "2026-11-20", "協定第3号（令和元年7月1日）", None)
    assert versions[1].id == previous.id and versions[1].replaced_at is not None
    tab.refresh()
    city = {s.name: s for s in tab.model.rows if s.origin == sp.CITY}
    assert set(city) == {f"{p1[1]} {p1[2]}", f"{p2[1]} {p2[2]}", "新顔 花子"}  # the old version is gone
    assert city[f"{p2[1]} {p2[2]}"].person_id == p2[0] and not city["新顔 花子"].linked
    assert [h.name for h in city[f"{p1[1]} {p1[2]}"].helpers] == ["近所 助"]
    assert messages == []


# -- printing -------------------------------------------------------------------------------------------


def test_printing_asks_for_a_purpose_and_records_who_copies_and_why(qtbot, worker, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from kyodo_desktop.ui.support_tab import SupportPrintDialog

    prints = len(_audit(worker, "print"))
    dialog = SupportPrintDialog(worker)
    qtbot.addWidget(dialog)
    assert dialog.pdf is not None and dialog.pages >= 1 and dialog.canvas.pixmap() is not None  # the preview
    assert not dialog.save_btn.isEnabled() and not dialog.print_btn.isEnabled()
    assert dialog.save_pdf(tmp_path / "x.pdf") is None and "目的" in dialog.status.text()
    assert not (tmp_path / "x.pdf").exists() and len(_audit(worker, "print")) == prints  # previews are not recorded

    dialog.purpose.setCurrentText("防災訓練の準備")
    dialog.copies.setValue(2)
    dialog.refresh()
    assert dialog.save_btn.isEnabled() and dialog.print_btn.isEnabled()
    target = dialog.save_pdf(tmp_path / "要支援者名簿.pdf")
    assert target is not None and "管理台帳に記録しました" in dialog.status.text()
    text = "".join(page.extract_text() for page in PdfReader(target).pages).replace(" ", "").replace("\n", "")
    for part in ("取扱注意", "コピー禁止", "1/2部", "2/2部", "防災訓練の準備"):
        assert part in text, part
    entry = _audit(worker, "print")[-1]
    assert (entry["table_name"], entry["actor"], entry["purpose"]) == ("support_people", ADMIN, "BOSAI_SHARE")
    assert "2部" in entry["summary"] and "防災訓練の準備" in entry["summary"] and "同意者名簿" in entry["summary"]

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.everyone.setChecked(True)
    assert dialog.print_pages(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    entry = _audit(worker, "print")[-1]
    assert "全員" in entry["summary"] and "2部" in entry["summary"] and len(_audit(worker, "print")) == prints + 2
    folder = dialog._dir
    dialog.reject()
    assert not folder.exists()  # the preview with 要配慮個人情報 is gone

    # one person's 個別避難支援計画, recorded with the person's number and nothing else
    person = worker.call(sp.list_support)[0]
    plan = SupportPrintDialog(worker, support_id=person.id, name=person.name)
    qtbot.addWidget(plan)
    plan.purpose.setCurrentText("個別避難支援計画の作成")
    assert plan.save_pdf(tmp_path / "計画.pdf") is not None
    entry = _audit(worker, "print")[-1]
    assert entry["row_id"] == person.id and entry["person_count"] == 1 and person.name not in entry["summary"]
    plan.reject()


# -- 資機材・避難場所・組織 -----------------------------------------------------------------------------------


def test_equipment_is_added_flagged_checked_and_retired(qtbot, worker, monkeypatch):
    from kyodo_desktop.ui.bousai_tab import BousaiTab, EquipmentDialog, RetireDialog

    tab = BousaiTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()

    def fill(d):
        d.item.setText("テスト用 消火器")
        d.quantity.setValue(3)
        d.place.setCurrentText("集会所")
        d.bought.setText("令和3年")
        d.subsidy.setText("市 資機材整備補助")
        d.checked.setValue("2025-10-01")  # more than a year ago

    answer(monkeypatch, EquipmentDialog, fill)
    tab.add_equipment()
    item = next(e for e in tab.equipment.rows if e.item == "テスト用 消火器")
    n = tab.equipment.rows.index(item)
    cells = [tab.equipment.index(n, c).data() for c in range(tab.equipment.columnCount())]
    assert cells[:5] == ["テスト用 消火器", "3", "集会所", "令和3年", "市 資機材整備補助"]
    assert cells[5] == "⚠ 点検から1年以上（令和7年10月1日）"
    assert tab.equipment.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.equipment.index(n, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert "点検が必要" in tab.equipment_count.text()

    tab.equipment_table.selectRow(n)
    assert tab.check_btn.isEnabled()
    tab.record_check()
    n = tab.equipment.rows.index(next(e for e in tab.equipment.rows if e.id == item.id))
    assert tab.equipment.index(n, 5).data() == "令和8年11月28日"
    assert tab.equipment.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "令和8年11月28日に点検した" in tab.message.text()
    assert worker.call(bo.get_equipment, item.id).checked_on == "2026-11-28"

    bad = EquipmentDialog(worker, parent=tab)
    bad.save()  # no name: the model says which field
    assert "品名" in bad.error.text() and bad.result() == 0
    bad.reject()

    answer(monkeypatch, RetireDialog, lambda d: d.reason.setText("使用期限切れ"))
    tab.equipment_table.selectRow(n)
    tab.retire_equipment()
    assert item.id not in [e.id for e in tab.equipment.rows]
    tab.include_retired.setChecked(True)
    n = tab.equipment.rows.index(next(e for e in tab.equipment.rows if e.id == item.id))
    assert tab.equipment.index(n, 5).data() == "廃棄（令和8年11月28日）"
    assert "使用期限切れ" in worker.call(bo.get_equipment, item.id).notes
    tab.equipment_table.selectRow(n)
    assert not tab.check_btn.isEnabled() and not tab.retire_btn.isEnabled()


def test_a_place_is_added_for_a_block_and_deleted(qtbot, worker, monkeypatch, messages):
    from kyodo_desktop.ui.bousai_tab import BousaiTab, PlaceDialog

    blocks = worker.call(hh.list_blocks)
    tab = BousaiTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.show_section(1)

    def fill(d):
        d.kind.setCurrentText("集合場所")
        d.name.setText("テスト児童公園")
        d.address.setText("泉野町3丁目")
        d.blocks.boxes[blocks[1].name].setChecked(True)

    answer(monkeypatch, PlaceDialog, fill)
    tab.add_place()
    place = next(p for p in tab.places.rows if p.name == "テスト児童公園")
    n = tab.places.rows.index(place)
    assert [tab.places.index(n, c).data() for c in range(4)] == ["集合場所", "テスト児童公園", "泉野町3丁目", blocks[1].name]
    tab.place_block.setCurrentIndex(tab.place_block.findData(blocks[1].id))
    assert place.id in [p.id for p in tab.places.rows]
    tab.place_block.setCurrentIndex(tab.place_block.findData(blocks[0].id))
    assert place.id not in [p.id for p in tab.places.rows]
    assert all(not p.block_ids or blocks[0].id in p.block_ids for p in tab.places.rows)
    tab.place_block.setCurrentIndex(0)
    select = next(i for i, p in enumerate(tab.places.rows) if p.id == place.id)
    tab.places_table.selectRow(select)
    tab.delete_place()
    assert place.id not in [p.id for p in worker.call(bo.list_places)] and messages == []


def test_the_organisation_is_copied_from_last_year_leaving_out_who_moved_away(qtbot, worker, monkeypatch, messages):
    from kyodo_desktop.ui.bousai_tab import AssignDialog, BousaiTab

    (a, af, ag, *_), (b, bf, bg, *_), (c, cf, cg, *_), (d, df, dg, dfk, dgk, *_) = _people(worker, 4)

    def last_year(reg):
        reg.conn.execute("DELETE FROM bousai_members WHERE fiscal_year IN (2025, 2026)")  # start from a blank chart
        bo.assign_member(reg, a, "消火班", "班長", 2025)
        bo.assign_member(reg, b, "消火班", "班員", 2025)
        bo.assign_member(reg, c, "情報班", "班員", 2025)
        home = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", [c]).fetchone()[0]
        hh.change_household_status(reg, home, "転出", "2026-06-01")

    worker.call(last_year)
    tab = BousaiTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.show_section(2)
    assert tab.selected_year() == 2026 and "（今年度）" in tab.year.currentText()
    assert [r.member for r in tab.chart.rows] == [None] * 6  # every team still to be decided, with ⚠
    assert tab.chart.index(0, 2).data() == "（未定）" and tab.chart.index(0, 4).data().startswith("⚠")
    assert tab.copy_btn.text() == "令和7年度の組織を写す"
    tab.copy_last_year()
    assert f"{cf}　{cg}（転出）" in tab.message.text() and "2人を写しました" in tab.message.text()
    got = {(r.member.person_id, r.team, r.member.role) for r in tab.chart.rows if r.member}
    assert got == {(a, "消火班", "班長"), (b, "消火班", "班員")}
    assert sum(1 for r in tab.chart.rows if r.member is None) == 5  # the other teams, shown as 未定

    # someone added from the register, then made the 班長 of their team
    def fill(dialog):
        dialog.picker.search.setText(f"{df} {dg}")
        assert dialog.picker.choose(d)
        dialog.team.setCurrentText("避難誘導班")

    answer(monkeypatch, AssignDialog, fill)
    tab.assign()
    row = next(i for i, r in enumerate(tab.chart.rows) if r.member and r.member.person_id == d)
    assert tab.chart.index(row, 1).data() == "班員" and tab.chart.index(row, 0).data() == "避難誘導班"
    tab.chart_table.selectRow(row)
    assert tab.leader_btn.text() == "班長にする"
    tab.leader_btn.click()
    assert ("避難誘導班", "班長") in [(m.team, m.role) for m in worker.call(bo.list_chart, 2026) if m.person_id == d]
    # one 班長 per team: the model's message is shown as it is
    row = next(i for i, r in enumerate(tab.chart.rows) if r.member and r.member.person_id == b)
    tab.chart_table.selectRow(row)
    tab.toggle_role()
    assert "すでに" in tab.message.text() and f"{af}　{ag}" in tab.message.text()
    tab.remove_member()
    assert b not in [m.person_id for m in worker.call(bo.list_chart, 2026)]
    assert messages == []


def test_the_bousai_register_is_saved_as_a_pdf_and_viewers_get_a_read_only_tab(qtbot, login, tmp_path):
    from pypdf import PdfReader

    from kyodo_desktop.ui.bousai_tab import BousaiTab, EquipmentDialog, PlaceDialog

    worker = login()
    tab = BousaiTab(worker)
    qtbot.addWidget(tab)
    tab.refresh()
    saved = tab.print_register(tmp_path / "防災台帳.pdf")
    assert saved is not None and "防災台帳を保存しました" in tab.message.text()
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "防災資機材台帳" in text.replace(" ", "") and "自主防災組織表" in text.replace(" ", "")
    entry = _audit(worker, "print")[-1]
    assert "防災台帳" in entry["summary"] and entry["actor"] == ADMIN

    login(VIEWER, worker)
    tab.refresh()
    for n in range(3):
        tab.show_section(n)
    assert tab.equipment.rows and tab.places.rows  # the demo's, shown
    tab.equipment_table.selectRow(0)
    tab.places_table.selectRow(0)
    tab.chart_table.selectRow(0)
    disabled = (tab.add_equipment_btn, tab.check_btn, tab.retire_btn, tab.add_place_btn, tab.delete_place_btn,
                tab.assign_btn, tab.leader_btn, tab.remove_btn, tab.copy_btn, tab.print_btn)
    assert [b.text() for b in disabled if b.isEnabled()] == []
    assert tab.edit_equipment_btn.isEnabled() and tab.edit_equipment_btn.text() == "開く…"
    for action in (tab.add_equipment, tab.record_check, tab.add_place, tab.assign, tab.copy_last_year, tab.toggle_role):
        action()  # a shortcut may still reach them: they do nothing
    assert tab.print_register(tmp_path / "閲覧.pdf") is None and not (tmp_path / "閲覧.pdf").exists()
    e = EquipmentDialog(worker, tab.equipment.rows[0].id, read_only=True, parent=tab)
    assert e.item.isReadOnly() and e.quantity.isReadOnly()
    e.save()  # 「閉じる」 saves nothing
    p = PlaceDialog(worker, tab.places.rows[0], blocks=worker.call(hh.list_blocks), read_only=True, parent=tab)
    assert p.name.isReadOnly() and not p.kind.isEnabled()
    p.reject()


# -- the table models -----------------------------------------------------------------------------------


def test_every_table_model_passes_the_model_tester(qtbot, qtmodeltester, login):
    from kyodo_desktop.ui.bousai_tab import BousaiTab, PersonPicker
    from kyodo_desktop.ui.support_tab import SupportDialog, SupportTab

    worker = login()
    (a, *_), = _people(worker, 1)

    def data(reg):
        bo.save_equipment(reg, bo.EquipmentData("発電機", 1, "集会所", "2021", checked_on=None))
        bo.save_place(reg, bo.PlaceData("指定避難所", "テスト小学校"))
        bo.assign_member(reg, a, "本部", "班員", 2026)
        sid = sp.save_support(reg, sp.SupportPerson(name=SECRET, consent="同意"))
        sp.set_helpers(reg, sid, [sp.Helper("支援 一郎", "090-1111-2222")])
        return sid

    sid = worker.call(data)
    support, bousai = SupportTab(worker), BousaiTab(worker)
    for t in (support, bousai):
        qtbot.addWidget(t)
        t.refresh()
    editor = SupportDialog(worker, sid, parent=support)
    picker = PersonPicker(worker)
    qtbot.addWidget(picker)
    picker.search.setText("あ")
    models = [support.model, bousai.equipment, bousai.places, bousai.chart, editor.helper_model, picker.model]
    for m in models:
        assert m.rowCount() > 0, m.columns
        qtmodeltester.check(m)
    # resets while the testers watch
    support.consented_only.click()
    bousai.include_retired.setChecked(True)
    bousai.year.setCurrentIndex(bousai.year.count() - 1)
    picker.search.setText("")
    editor.reject()

    login(VIEWER, worker)
    support.refresh()
    assert support.summary_view.by_block.rowCount() > 0
    qtmodeltester.check(support.summary_view.by_block)
