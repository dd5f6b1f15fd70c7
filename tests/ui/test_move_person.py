"""Moving a person to another household from the household editor."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from kyodo_desktop.models import households as hh
from kyodo_desktop.models.postal import lookup
from kyodo_desktop.models.search import HouseholdIndex
from kyodo_desktop.ui import household_editor
from kyodo_desktop.ui.household_editor import HouseholdEditor
from kyodo_desktop.ui.main_window import HouseholdPicker


@pytest.fixture
def two_households(register):
    block = hh.add_block(register, "1班")
    a = hh.save_household(register, hh.HouseholdData(block_id=block, persons=[
        hh.PersonData(family_name="山田", given_name="太郎", family_kana="ヤマダ", relation="世帯主"),
        hh.PersonData(family_name="山田", given_name="花子", family_kana="ヤマダ", relation="子"),
    ]))
    b = hh.save_household(register, hh.HouseholdData(block_id=block, persons=[
        hh.PersonData(family_name="佐藤", given_name="一郎", family_kana="サトウ", relation="世帯主"),
    ]))
    return a, b


def editor_for(qtbot, register, hid, chosen):
    editor = HouseholdEditor(
        hh.get_household(register, hid), hh.list_blocks(register), lambda d: hh.save_household(register, d),
        lookup, date(2026, 11, 28),
        move_person=lambda pid, target: hh.move_person(register, pid, target),
        choose_household=lambda _parent, _exclude: chosen,
    )
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_transfer_moves_the_person_and_closes(qtbot, register, two_households):
    a, b = two_households
    editor = editor_for(qtbot, register, a, b)
    editor.table.selectRow(1)
    assert editor.transfer_button.isEnabled()
    editor.transfer_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert [p.given_name for p in hh.get_household(register, b).persons] == ["一郎", "花子"]
    assert [p.given_name for p in hh.get_household(register, a).persons] == ["太郎"]


def test_transfer_refused_while_the_editor_has_unsaved_changes(qtbot, register, two_households, monkeypatch):
    a, b = two_households
    shown = []
    monkeypatch.setattr(household_editor, "show_error", lambda _p, _t, text: shown.append(text))
    editor = editor_for(qtbot, register, a, b)
    editor.number.setText("9-9")
    editor._record()
    editor.table.selectRow(1)
    editor.transfer_button.click()
    assert shown and "保存" in shown[0]
    assert len(hh.get_household(register, a).persons) == 2
    monkeypatch.setattr(household_editor, "ask_discard", lambda _p: True)


def test_transfer_button_hidden_without_callbacks(qtbot, register, two_households):
    a, _ = two_households
    editor = HouseholdEditor(hh.get_household(register, a), hh.list_blocks(register), lambda d: 0, lookup,
                             date(2026, 11, 28))
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.transfer_button.isVisible()


def test_picker_searches_and_excludes_the_own_household(qtbot, register, two_households):
    a, b = two_households
    picker = HouseholdPicker(HouseholdIndex.load(register), a)
    qtbot.addWidget(picker)
    assert picker._ids == [b]
    picker.search.setText("やまだ")
    assert picker._ids == []
    picker.search.setText("さとう")
    assert picker._ids == [b]
    picker._accept()
    assert picker.chosen == b
