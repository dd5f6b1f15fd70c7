"""The 班長 round trip: export one 班, the 班長 edits it in a spreadsheet program, read it back."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.styles import Font

from kyodo_desktop.export.hancho_sheet import (
    apply_hancho_changes,
    read_hancho_workbook,
    write_hancho_workbook,
)
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.importing.reader import ImportFileError


@pytest.fixture
def block(register):
    b = hh.add_block(register, "3班")
    for family, given, town, phone in (("北野", "正男", "泉野町3-1", "076-220-3001"),
                                       ("中谷", "和子", "泉野町3-2", "076-220-3002"),
                                       ("辻", "ふみ", "泉野町3-3", "")):
        hh.save_household(register, hh.HouseholdData(block_id=b, address_town=town, landline=phone, persons=[
            hh.PersonData(family_name=family, given_name=given, family_kana="キタノ" if family == "北野" else "",
                          birth_date="1948-05-03" if family == "北野" else None)]))
    other = hh.add_block(register, "4班")
    hh.save_household(register, hh.HouseholdData(block_id=other, persons=[hh.PersonData(family_name="別班")]))
    return b


def test_the_round_trip_shows_what_the_hancho_changed(register, block, tmp_path):
    path = write_hancho_workbook(register, block, tmp_path / "3班.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["使い方", "3班", "_snapshot"] and wb["_snapshot"].sheet_state == "veryHidden"
    ws = wb["3班"]
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    names = [ws.cell(r, 3).value for r in range(2, 5)]
    assert names == ["北野　正男", "中谷　和子", "辻　ふみ"] and "別班" not in str([c.value for c in ws["C"]])
    assert ws.cell(2, 6).value == "昭和23年5月3日"
    # the 班長 at home: a new phone, a struck-through name, a new family at the bottom
    ws.cell(2, 10).value = "076-220-3999"
    ws.cell(3, 3).font = Font(strike=True)
    ws.cell(5, 3).value = "新井 一"
    ws.cell(5, 4).value = "アライ ハジメ"
    ws.cell(5, 7).value = "泉野町3-9"
    # …and one row deleted
    ws.delete_rows(4)
    wb.save(path)
    # meanwhile, in the register, 北野's phone was also changed by an officer: a conflict
    kitano = register.conn.execute("SELECT household_id FROM persons WHERE family_name='北野'").fetchone()[0]
    data = hh.get_household(register, kitano)
    data.landline = "076-220-3555"
    hh.save_household(register, data)
    ret = read_hancho_workbook(register, path)
    assert [(c.name, c.label, c.exported, c.sheet, c.register, c.conflict) for c in ret.changes] == [
        ("北野　正男", "電話", "076-220-3001", "076-220-3999", "076-220-3555", True)]
    assert sorted((name, why) for _u, name, why in ret.to_confirm) == [
        ("中谷　和子", "取り消し線が引かれています"), ("辻　ふみ", "シートから消されています")]
    assert [v["name"] for _n, v in ret.new_rows] == ["新井 一"]
    # by default conflicts are left alone; new rows are added; nobody is deleted
    assert apply_hancho_changes(register, ret) == 1
    assert hh.get_household(register, kitano).landline == "076-220-3555"
    assert register.conn.execute("SELECT count(*) FROM persons WHERE status='在籍'").fetchone()[0] == 5
    # the officer chooses the 班長's value for the conflict
    apply_hancho_changes(register, ret, accept={0}, add_new=False)
    assert hh.get_household(register, kitano).landline == "076-220-3999"


def test_an_unchanged_sheet_comes_back_without_changes(register, block, tmp_path):
    path = write_hancho_workbook(register, block, tmp_path / "3班.xlsx")
    ret = read_hancho_workbook(register, path)
    assert (ret.changes, ret.new_rows, ret.to_confirm, ret.messages) == ([], [], [], [])


def test_an_ordinary_workbook_is_not_taken_for_a_hancho_sheet(register, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["氏名"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ImportFileError, match="班長用シートではありません"):
        read_hancho_workbook(register, tmp_path / "x.xlsx")


def test_cli_round_trip_stops_on_a_conflict(register, block, tmp_path):
    import json
    import os
    import subprocess
    import sys

    from conftest import ADMIN, PASSWORD

    from kyodo_desktop import paths

    path = register.path
    register.close()
    env = {**os.environ, "KYODO_HOME": str(paths.base_dir()), "KYODO_USER": ADMIN, "KYODO_PASSWORD": PASSWORD,
           "PYTHONIOENCODING": "utf-8"}

    def kyodo(*args):
        return subprocess.run([sys.executable, "-m", "kyodo_desktop.cli", *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=120)

    sheet = tmp_path / "3班.xlsx"
    assert kyodo("export", path, "hancho", "--block", "3班", "-o", sheet).returncode == 0
    wb = openpyxl.load_workbook(sheet)
    wb["3班"].cell(3, 10).value = "076-220-3888"
    wb.save(sheet)
    dry = kyodo("import", path, sheet, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["changes"] == [{"name": "中谷　和子", "field": "電話", "exported": "076-220-3002",
                                  "sheet": "076-220-3888", "register": "076-220-3002", "conflict": False}]
    done = kyodo("import", path, sheet)
    assert done.returncode == 0 and "取り込みました: 1件" in done.stdout


def test_a_newcomer_at_a_known_address_joins_that_household(register, block, tmp_path):
    path = write_hancho_workbook(register, block, tmp_path / "3班.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["3班"]
    ws.cell(5, 3).value = "北野 まご"
    ws.cell(5, 5).value = "孫"
    ws.cell(5, 7).value = "泉野町3-1"
    wb.save(path)
    ret = read_hancho_workbook(register, path)
    apply_hancho_changes(register, ret)
    kitano = register.conn.execute("SELECT household_id FROM persons WHERE family_name='北野' AND given_name='正男'").fetchone()[0]
    assert [p.given_name for p in hh.get_household(register, kitano).persons] == ["正男", "まご"]


def test_household_fields_come_from_the_heads_row_only(register, tmp_path):
    b = hh.add_block(register, "5班")
    hh.save_household(register, hh.HouseholdData(block_id=b, address_town="泉野町5-5", landline="076-220-5005", persons=[
        hh.PersonData(family_name="宮下", given_name="聡", relation="世帯主"),
        hh.PersonData(family_name="宮下", given_name="恵", relation="妻")]))
    path = write_hancho_workbook(register, b, tmp_path / "5班.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["5班"].cell(3, 7).value = None  # the address cleared on the wife's row only
    wb.save(path)
    ret = read_hancho_workbook(register, path)
    assert ret.changes == [] and "世帯主の行で" in ret.messages[0]
