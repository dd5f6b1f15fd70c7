"""The household editor and the 和暦 date entry, on a real register.

Kanji and kana are typed as an IME commits them (QInputMethodEvent): QTest can only type ASCII.
"""

from __future__ import annotations

import pytest
from conftest import ADMIN, PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kyodo_desktop.models import postal
from kyodo_desktop.models.households import (
    HouseholdData,
    PersonData,
    add_block,
    get_household,
    list_blocks,
    save_household,
)
from kyodo_desktop.models.register import Register, RegisterError
from kyodo_desktop.ui import household_editor as he
from kyodo_desktop.ui.household_editor import HouseholdEditor, PersonsModel
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit

# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def reg(tmp_path, request):
    r = Register.create(
        tmp_path / "t.kyodo", name="テスト町会", default_area_code="076", backup_dir=tmp_path / "bk",
        admin_name=ADMIN, password=PASSWORD,
    )
    request.addfinalizer(r.close)
    add_block(r, "1班")
    add_block(r, "2班")
    return r


@pytest.fixture(autouse=True)
def seams(monkeypatch):
    """Message boxes never block a test: record what would have been shown."""
    calls = {"errors": [], "discard": [], "discard_answer": True}

    def fake_error(parent, title, text):
        calls["errors"].append((title, text))

    def fake_discard(parent):
        calls["discard"].append(parent)
        return calls["discard_answer"]

    monkeypatch.setattr(he, "show_error", fake_error)
    monkeypatch.setattr(he, "ask_discard", fake_discard)
    return calls


def counts(reg) -> dict[str, int]:
    return {
        t: reg.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("households", "persons", "household_status", "person_status", "audit_log")
    }


def open_editor(qtbot, reg, data: HouseholdData | None = None, save=None) -> HouseholdEditor:
    ed = HouseholdEditor(
        data or HouseholdData(),
        list_blocks(reg),
        save or (lambda d: save_household(reg, d)),
        postal.lookup,
        reg.today(),
    )
    qtbot.addWidget(ed)
    ed.show()
    activate(qtbot, ed)
    return ed


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active one, as the window manager would when it opens."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into ``widget`` as the officer would: keys for ASCII, an IME commit otherwise."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def leave(qtbot, widget: QWidget) -> None:
    """Tab out of a field (ends the edit: editingFinished, kana conversion, undo step)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def sample(reg) -> int:
    blocks = list_blocks(reg)
    return save_household(
        reg,
        HouseholdData(
            block_id=blocks[0].id,
            postal_code="920-0918",
            address_town="石川県金沢市尾山町",
            address_number="1-1",
            persons=[
                PersonData("山田", "太郎", "ヤマダ", "タロウ", "世帯主", "1950-03-01", "男"),
                PersonData("山田", "花子", "ヤマダ", "ハナコ", "妻", "1953-07-15", "女"),
            ],
        ),
    )


def add_person_via_dialog(qtbot, ed, *, family=None, given="", kana_family=None, kana_given="", relation=None, birth=""):
    qtbot.mouseClick(ed.add_button, Qt.MouseButton.LeftButton)
    dlg = ed.person_dialog
    assert dlg is not None and dlg.isVisible()
    activate(qtbot, dlg)
    if family is not None:
        dlg.family_name.clear()
        type_text(qtbot, dlg.family_name, family)
    if given:
        type_text(qtbot, dlg.given_name, given)
    if kana_family is not None:
        dlg.family_kana.clear()
        type_text(qtbot, dlg.family_kana, kana_family)
        leave(qtbot, dlg.family_kana)
    if kana_given:
        type_text(qtbot, dlg.given_kana, kana_given)
        leave(qtbot, dlg.given_kana)
    if relation is not None:
        dlg.relation.lineEdit().clear()
        type_text(qtbot, dlg.relation.lineEdit(), relation)
    if birth:
        type_text(qtbot, dlg.birth_date.edit, birth)
        leave(qtbot, dlg.birth_date.edit)
    return dlg


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- the household editor ---------------------------------------------------------------------


def test_create_household_with_two_people(qtbot, reg):
    ed = open_editor(qtbot, reg)
    assert ed.windowTitle() == "世帯の追加"
    ed.block.setCurrentIndex(ed.block.findData(list_blocks(reg)[1].id))
    type_text(qtbot, ed.postal, "9200918")
    leave(qtbot, ed.postal)  # a 7-digit code is looked up when the field is left
    assert ed.town.text() == "石川県金沢市尾山町"
    type_text(qtbot, ed.number, "1-1")
    leave(qtbot, ed.number)

    dlg = add_person_via_dialog(
        qtbot, ed, family="山田", given="太郎", kana_family="やまだ", kana_given="たろう", birth="S25.3.1"
    )
    assert dlg.family_kana.text() == "ヤマダ"  # converted when the field was left
    assert dlg.given_kana.text() == "タロウ"
    assert dlg.relation.currentText() == "世帯主"  # the first person
    assert dlg.birth_date.result.text().startswith("昭和25年3月1日（1950年）・")
    click(qtbot, dlg.ok_button)
    assert ed.person_dialog is None

    dlg = add_person_via_dialog(qtbot, ed, given="花子", kana_given="はなこ", relation="妻", birth="昭和２８年７月１５日")
    assert dlg.family_name.text() == "山田"  # the head's family name is offered
    assert dlg.family_kana.text() == "ヤマダ"
    click(qtbot, dlg.ok_button)

    assert ed.model.rowCount() == 2
    assert "★世帯主" in ed.model.cell_text(0, 2)
    assert "★世帯主" not in ed.model.cell_text(1, 2)
    assert ed.model.cell_text(0, 3) == "昭和25年3月1日"

    click(qtbot, ed.save_button)
    assert ed.result() == QDialog.DialogCode.Accepted
    assert ed.saved_id is not None

    data = get_household(reg, ed.saved_id)
    assert data.block_id == list_blocks(reg)[1].id
    assert data.postal_code == "920-0918"
    assert data.address_town == "石川県金沢市尾山町"
    assert data.address_number == "1-1"
    assert data.head_index == 0
    taro, hanako = data.persons
    assert (taro.family_name, taro.given_name, taro.family_kana, taro.given_kana) == ("山田", "太郎", "ヤマダ", "タロウ")
    assert taro.birth_date == "1950-03-01"
    assert taro.relation == "世帯主"
    assert (hanako.given_name, hanako.given_kana, hanako.relation) == ("花子", "ハナコ", "妻")
    assert hanako.birth_date == "1953-07-15"


def test_editing_keeps_ids(qtbot, reg):
    hid = sample(reg)
    before = get_household(reg, hid)
    before_counts = counts(reg)
    ed = open_editor(qtbot, reg, before)
    assert ed.windowTitle() == "世帯の編集 — 山田 太郎"

    ed.table.selectRow(1)
    click(qtbot, ed.edit_button)
    dlg = ed.person_dialog
    activate(qtbot, dlg)
    assert dlg.given_name.text() == "花子"
    dlg.given_name.clear()
    type_text(qtbot, dlg.given_name, "華子")
    click(qtbot, dlg.ok_button)
    ed.building.clear()
    type_text(qtbot, ed.building, "尾山ハイツ 203")
    click(qtbot, ed.save_button)

    assert ed.saved_id == hid
    after = get_household(reg, hid)
    assert after.uid == before.uid
    assert [p.id for p in after.persons] == [p.id for p in before.persons]
    assert after.persons[1].given_name == "華子"
    assert after.address_building == "尾山ハイツ 203"
    now = counts(reg)
    assert (now["households"], now["persons"]) == (before_counts["households"], before_counts["persons"])


def test_invalid_input_keeps_dialog_open_and_changes_nothing(qtbot, reg):
    before = counts(reg)
    ed = open_editor(qtbot, reg)
    ed.block.setCurrentIndex(ed.block.findData(list_blocks(reg)[0].id))
    dlg = add_person_via_dialog(qtbot, ed, given="太郎", birth="昭和65年1月1日")  # no family name
    assert dlg.birth_date.error()  # the dialog says so at once …
    assert dlg.birth_date.result.text().startswith("⚠")
    assert "64年1月7日まで" in dlg.birth_date.result.text()
    click(qtbot, dlg.ok_button)  # … but the model's validation is what decides
    notes = "あ" * 10_000
    type_text(qtbot, ed.notes, notes)

    click(qtbot, ed.save_button)

    assert ed.isVisible()
    assert ed.result() != QDialog.DialogCode.Accepted
    assert ed.saved_id is None
    assert counts(reg) == before
    # the household field: red message under it
    assert ed.rows["notes"].message.isVisible()
    assert "長すぎます（10,000文字）" in ed.rows["notes"].message.text()
    assert ed.rows["notes"].message.text().startswith("⚠")
    assert ed.focusWidget() is ed.notes  # the first bad field
    # the people: in the summary, and the row is marked
    summary = [ed.summary_list.item(i).text() for i in range(ed.summary_list.count())]
    assert ed.summary.isVisible()
    assert any("1人目の氏（姓）" in s and "入力してください" in s for s in summary), summary
    assert any("1人目の生年月日" in s and "64年1月7日まで" in s for s in summary), summary
    assert any(s.startswith("⚠ 備考: 長すぎます") for s in summary), summary
    assert ed.model.cell_text(0, 0).startswith("⚠")
    assert "1人目" in ed.persons_row.message.text()
    # everything typed is still there
    assert ed.notes.toPlainText() == notes
    assert ed.data().persons[0].given_name == "太郎"
    assert ed.data().persons[0].birth_date == "昭和65年1月1日"

    # opening the person shows the model's messages at the person's fields
    ed.table.selectRow(0)
    click(qtbot, ed.edit_button)
    pdlg = ed.person_dialog
    activate(qtbot, pdlg)
    assert "入力してください" in pdlg.rows["family_name"].message.text()
    assert pdlg.rows["birth_date"].error  # marked; the date field's own line says why
    assert "64年1月7日まで" in pdlg.birth_date.result.text()
    type_text(qtbot, pdlg.family_name, "山田")
    pdlg.birth_date.edit.clear()
    type_text(qtbot, pdlg.birth_date.edit, "S25.3.1")
    leave(qtbot, pdlg.birth_date.edit)
    click(qtbot, pdlg.ok_button)
    ed.notes.setPlainText("回覧板は郵便受けへ")
    click(qtbot, ed.save_button)
    assert ed.result() == QDialog.DialogCode.Accepted
    assert get_household(reg, ed.saved_id).persons[0].birth_date == "1950-03-01"


def test_postal_code_error_is_shown_at_the_field(qtbot, reg):
    hid = sample(reg)
    before = counts(reg)
    ed = open_editor(qtbot, reg, get_household(reg, hid))
    ed.postal.clear()
    type_text(qtbot, ed.postal, "92-09")
    click(qtbot, ed.postal_button)
    assert "7桁" in ed.rows["postal_code"].message.text()
    assert ed.rows["postal_code"].message.text().startswith("⚠")
    click(qtbot, ed.save_button)
    assert ed.isVisible()
    assert "郵便番号は7桁の数字で" in ed.rows["postal_code"].message.text()
    assert ed.focusWidget() is ed.postal
    assert counts(reg) == before


def test_register_error_keeps_dialog_open(qtbot, reg, seams):
    def failing_save(data):
        raise RegisterError("台帳のファイルが見つかりません。USBメモリが抜かれていないか確かめてください。")

    ed = open_editor(qtbot, reg, save=failing_save)
    ed.block.setCurrentIndex(1)
    type_text(qtbot, ed.town, "石川県金沢市尾山町")
    click(qtbot, ed.save_button)
    assert ed.isVisible()
    assert ed.saved_id is None
    assert len(seams["errors"]) == 1
    title, text = seams["errors"][0]
    assert "USBメモリが抜かれていないか" in text
    assert "入力した内容は残っています。" in text
    assert ed.town.text() == "石川県金沢市尾山町"


def test_postal_lookup_fills_the_town(qtbot, reg, monkeypatch):
    ed = open_editor(qtbot, reg)
    type_text(qtbot, ed.postal, "920-0918")
    click(qtbot, ed.postal_button)
    assert ed.town.text() == "石川県金沢市尾山町"
    assert ed.focusWidget() is ed.number

    # the code covers the whole city: the 町名 must be typed
    ed.postal.clear()
    type_text(qtbot, ed.postal, "９２００００")
    type_text(qtbot, ed.postal, "0")
    leave(qtbot, ed.postal)
    assert ed.town.text() == "石川県金沢市"
    assert ed.rows["address_town"].message.text() == "町名を入力してください"
    assert ed.focusWidget() is ed.town

    # a 大口事業所 code: the office is named
    ed.postal.clear()
    type_text(qtbot, ed.postal, "920-8577")
    click(qtbot, ed.postal_button)
    assert ed.town.text() == "石川県金沢市広坂"
    assert ed.number.text() == "1丁目1-1"
    assert "金沢市役所" in ed.rows["postal_code"].message.text()

    # several addresses: the officer chooses
    offered = []

    def choose(parent, results):
        offered.extend(results)
        return results[1]

    monkeypatch.setattr(he, "choose_address", choose)
    ed.postal.clear()
    type_text(qtbot, ed.postal, "498-0000")
    click(qtbot, ed.postal_button)
    assert len(offered) == 2
    assert ed.town.text() == "三重県桑名郡木曽岬町"

    # unknown code
    ed.postal.clear()
    type_text(qtbot, ed.postal, "921-8000")
    click(qtbot, ed.postal_button)
    assert "見つかりません" in ed.rows["postal_code"].message.text()


def test_ctrl_z_restores_previous_value(qtbot, reg):
    ed = open_editor(qtbot, reg, get_household(reg, sample(reg)))
    assert not ed.undo_button.isEnabled()
    ed.number.clear()
    type_text(qtbot, ed.number, "2-3")
    leave(qtbot, ed.number)  # focus is now in 建物名, which has nothing of its own to undo
    assert ed.focusWidget() is ed.building
    ed.dwelling.setFocus()
    ed.dwelling.setCurrentIndex(ed.dwelling.findData("集合住宅"))
    assert ed.undo_button.isEnabled()

    qtbot.keyClick(ed.dwelling, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.dwelling.currentData() == "戸建"
    assert ed.number.text() == "2-3"
    ed.building.setFocus()  # a line edit with nothing of its own to undo passes Ctrl+Z on
    qtbot.keyClick(ed.building, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.number.text() == "1-1"
    assert not ed.is_dirty()

    # people changes are steps too, and the 元に戻す button does the same
    ed.table.selectRow(1)
    click(qtbot, ed.head_button)
    assert ed.data().head_index == 1
    click(qtbot, ed.undo_button)
    assert ed.data().head_index == 0
    assert "★世帯主" in ed.model.cell_text(0, 2)


def test_mark_person_moved_out(qtbot, reg):
    hid = sample(reg)
    ed = open_editor(qtbot, reg, get_household(reg, hid))
    ed.table.selectRow(1)
    click(qtbot, ed.mark_button)
    dlg = ed.status_dialog
    assert dlg is not None
    activate(qtbot, dlg)
    assert dlg.status.currentData() == "転出"
    dlg.since.edit.clear()
    type_text(qtbot, dlg.since.edit, "R6.4.1")
    leave(qtbot, dlg.since.edit)
    type_text(qtbot, dlg.reason, "東京都へ転居")
    click(qtbot, dlg.ok_button)

    assert ed.model.rowCount() == 2  # the row stays …
    assert ed.model.cell_text(1, 5) == "転出 令和6年4月1日"  # … with its status in words
    assert ed.model.data(ed.model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    click(qtbot, ed.save_button)
    p = get_household(reg, hid).persons[1]
    assert (p.status, p.status_since) == ("転出", "2024-04-01")
    row = reg.db.execute(
        "SELECT status, since, reason FROM person_status WHERE person_id=? ORDER BY id DESC LIMIT 1", [p.id]
    ).fetchone()
    assert tuple(row) == ("転出", "2024-04-01", "東京都へ転居")


def test_closing_with_unsaved_changes_asks(qtbot, reg, seams):
    ed = open_editor(qtbot, reg, get_household(reg, sample(reg)))
    click(qtbot, ed.close_button)  # nothing changed: closes without asking
    assert not ed.isVisible() and seams["discard"] == []

    ed = open_editor(qtbot, reg, get_household(reg, 1))
    type_text(qtbot, ed.building, "203号室")
    seams["discard_answer"] = False
    click(qtbot, ed.close_button)
    assert ed.isVisible() and len(seams["discard"]) == 1
    qtbot.keyClick(ed.building, Qt.Key.Key_Escape)
    assert ed.isVisible() and len(seams["discard"]) == 2
    seams["discard_answer"] = True
    click(qtbot, ed.close_button)
    assert not ed.isVisible()
    assert ed.result() == QDialog.DialogCode.Rejected


def test_enter_in_a_field_does_not_save(qtbot, reg):
    hid = sample(reg)
    before = counts(reg)
    ed = open_editor(qtbot, reg, get_household(reg, hid))
    type_text(qtbot, ed.building, "A棟")
    qtbot.keyClick(ed.building, Qt.Key.Key_Return)
    assert ed.isVisible()
    assert counts(reg) == before


def test_tab_order_follows_the_form(qtbot, reg):
    ed = open_editor(qtbot, reg)
    ed.block.setFocus()
    seen = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [ed.postal, ed.postal_button, ed.town, ed.number, ed.building, ed.dwelling, ed.landline]


def test_status_change_shows_date_and_reason(qtbot, reg):
    hid = sample(reg)
    ed = open_editor(qtbot, reg, get_household(reg, hid))
    assert not ed.status_date.isVisible()
    ed.status.setCurrentIndex(ed.status.findData("退会"))
    assert ed.status_date.isVisible() and ed.status_reason.isVisible()
    assert ed.status_date.value() == reg.today().isoformat()
    type_text(qtbot, ed.status_reason, "本人の申し出")
    click(qtbot, ed.save_button)
    data = get_household(reg, hid)
    assert data.status == "退会"
    reason = reg.db.execute(
        "SELECT reason FROM household_status WHERE household_id=? ORDER BY id DESC LIMIT 1", [hid]
    ).fetchone()[0]
    assert reason == "本人の申し出"


def test_inputs_have_accessible_names_and_tall_buttons(qtbot, reg):
    ed = open_editor(qtbot, reg, get_household(reg, sample(reg)))
    for w in ed.findChildren(QWidget):
        if isinstance(w, QLineEdit | QComboBox | QPlainTextEdit | QAbstractSpinBox):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
                continue  # the inner editor of a combo box / spin box
            assert w.accessibleName(), w
        if isinstance(w, QPushButton) and w.isVisible():
            assert w.height() >= 36, w.text()


def test_address_choice_dialog(qtbot):
    results = postal.lookup("498-0000")
    dlg = he.AddressChoiceDialog(results)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 2
    assert "三重県桑名郡木曽岬町" in dlg.list.item(1).text()
    dlg.list.setCurrentRow(1)
    assert dlg.chosen() == results[1]


def test_persons_model(qtmodeltester, reg):
    model = PersonsModel(reg.today())
    data = get_household(reg, sample(reg))
    model.set_rows(data.persons, 0, {1: {"birth_date": "x"}})
    qtmodeltester.check(model)


# -- WarekiDateEdit ---------------------------------------------------------------------------


@pytest.fixture
def date_edit(qtbot):
    from datetime import date

    w = WarekiDateEdit(label="生年月日", today=date(2026, 11, 28))
    qtbot.addWidget(w)
    w.show()
    activate(qtbot, w)
    return w


@pytest.mark.parametrize("typed", ["S25.3.1", "昭和２５年３月１日", "1950/3/1"])
def test_wareki_edit_reads_common_spellings(qtbot, date_edit, typed):
    with qtbot.waitSignal(date_edit.changed):
        type_text(qtbot, date_edit.edit, typed)
        qtbot.keyClick(date_edit.edit, Qt.Key.Key_Return)
    assert date_edit.value() == "1950-03-01"
    assert date_edit.error() == ""
    assert date_edit.result.text() == "昭和25年3月1日（1950年）・76歳"
    assert date_edit.era.currentText() == "昭和"
    assert (date_edit.year.value(), date_edit.month.value(), date_edit.day.value()) == (25, 3, 1)


def test_wareki_edit_selector_that_does_not_exist_is_an_error(qtbot, date_edit):
    date_edit.setValue("1989-01-07")  # 昭和64年1月7日
    assert date_edit.error() == ""
    date_edit.year.setFocus()
    date_edit.year.selectAll()
    qtbot.keyClicks(date_edit.year, "65")
    qtbot.keyClick(date_edit.year, Qt.Key.Key_Return)
    assert date_edit.year.value() == 65  # not clamped
    assert "64年1月7日まで" in date_edit.error()
    assert date_edit.result.text().startswith("⚠ ")
    assert date_edit.value() == "昭和65年1月7日"  # the raw text, for the model to refuse

    date_edit.setValue("1950-02-01")
    date_edit.day.setValue(30)
    assert "2月30日はありません" in date_edit.error()
    assert date_edit.day.value() == 30


def test_wareki_edit_unknown_and_invalid_text(qtbot, date_edit):
    assert date_edit.value() is None
    assert "不明" in date_edit.result.text()
    assert date_edit.era.currentText() == "不明"
    date_edit.setValue("1950-03-01")
    assert date_edit.value() == "1950-03-01"
    date_edit.edit.clear()
    leave(qtbot, date_edit.edit)
    assert date_edit.value() is None
    assert date_edit.era.currentText() == "不明"
    assert not date_edit.year.isEnabled()
    type_text(qtbot, date_edit.edit, "きのう")
    leave(qtbot, date_edit.edit)
    assert date_edit.value() == "きのう"
    assert date_edit.error()
    assert date_edit.result.text().startswith("⚠ ")


def test_wareki_edit_keyboard_selectors(qtbot, date_edit):
    date_edit.era.setFocus()
    date_edit.era.setCurrentIndex(date_edit.era.findData("西暦"))
    date_edit.year.setValue(1950)
    date_edit.month.setValue(3)
    date_edit.day.setValue(1)
    assert date_edit.value() == "1950-03-01"
    date_edit.era.setCurrentIndex(date_edit.era.findData("昭和"))  # the same day, in 昭和
    assert date_edit.year.value() == 25
    assert date_edit.value() == "1950-03-01"
    date_edit.era.setCurrentIndex(date_edit.era.findData("平成"))  # 平成25年3月1日
    assert date_edit.value() == "2013-03-01"
