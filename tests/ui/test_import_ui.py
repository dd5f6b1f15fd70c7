"""The import wizard and the export dialog on a real encrypted register."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import admin_login

from kyodo_desktop.models.register import Register
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.worker import DbWorker


@pytest.fixture
def worker(register):
    path, backup_dir, clock = register.path, register.backup_dir, register.clock
    register.close()
    w = DbWorker()
    w.open(lambda: Register.open(path, admin_login(), backup_dir=backup_dir, clock=clock))
    yield w
    w.shutdown()


def _old_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "3班"
    ws.append(["令和8年度 会員名簿"])
    ws.append(["お名前", "ふりがな", "ご住所", "TEL", "ペット"])
    ws.append(["山田 太郎", "やまだ たろう", "泉野町3-1", "220-3333", "犬"])
    ws.append(["鈴木 花子", "すずき はなこ", "泉野町3-2", "昭和", "猫"])
    ws.append(["合計", None, None, None, None])
    wb.save(path)
    return path


def test_wizard_reads_confirms_previews_and_applies(qtbot, worker, tmp_path, monkeypatch):
    from kyodo_desktop.ui.import_wizard import ImportWizard

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    wizard = ImportWizard(worker)
    qtbot.addWidget(wizard)
    wizard.set_file(_old_list(tmp_path / "名簿.xlsx"))
    wizard.next()
    assert wizard.pages.currentIndex() == 1
    headers = {wizard.columns.item(r, 1).text(): wizard.columns.cellWidget(r, 3).currentData()
               for r in range(wizard.columns.rowCount())}
    assert headers == {"お名前": "name", "ふりがな": "kana", "ご住所": "address", "TEL": "landline", "ペット": ""}
    r = [wizard.columns.item(r, 1).text() for r in range(wizard.columns.rowCount())].index("ペット")
    combo = wizard.columns.cellWidget(r, 3)
    combo.setCurrentIndex(combo.findData("notes"))  # the officer keeps ペット as 備考
    wizard.next()
    assert wizard.pages.currentIndex() == 2 and wizard.preview.rowCount() == 2
    assert "TEL" in wizard.messages.item(0).text() and "昭和" in wizard.messages.item(0).text()
    from PySide6.QtCore import Qt

    assert wizard.preview.item(1, 0).checkState() == Qt.CheckState.Unchecked  # its phone could not be read
    wizard.preview.item(1, 0).setCheckState(Qt.CheckState.Checked)
    wizard.next()  # ticked again by hand: refused, with the reason
    assert "読めなかった値" in wizard.status.text() and wizard.result is None
    wizard.preview.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    wizard.next()
    assert wizard.result is not None and wizard.result.households_added == 1
    rows = worker.call(lambda reg: reg.rows("SELECT address_town, notes FROM households"))
    assert rows == [{"address_town": "泉野町3-1", "notes": "犬"}]


def test_export_dialog_writes_the_chosen_format(qtbot, worker, tmp_path):
    from kyodo_desktop.ui.export_dialog import ExportDialog

    dialog = ExportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("utf-8-sig"))
    from PySide6.QtCore import Qt

    for i in range(dialog.columns.count()):  # only 氏名 and 電話
        item = dialog.columns.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ("氏名", "電話") else Qt.CheckState.Unchecked)
    dialog.export(tmp_path / "名簿.csv")
    assert "書き出しました" in dialog.status.text()
    assert (tmp_path / "名簿.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "氏名,電話"


def test_hancho_return_dialog_leaves_conflicts_unticked(qtbot, worker, tmp_path):
    from kyodo_desktop.export.hancho_sheet import read_hancho_workbook, write_hancho_workbook
    from kyodo_desktop.models import households as hh
    from kyodo_desktop.ui.hancho_dialog import HanchoReturnDialog

    def setup(reg):
        b = hh.add_block(reg, "1班")
        for family, phone in (("北野", "076-220-1001"), ("中谷", "076-220-1002")):
            hh.save_household(reg, hh.HouseholdData(block_id=b, landline=phone, persons=[hh.PersonData(family_name=family)]))
        return b

    block = worker.call(setup)
    path = worker.call(write_hancho_workbook, block, tmp_path / "1班.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["1班"].cell(2, 10).value = "076-220-1999"
    wb["1班"].cell(3, 10).value = "076-220-2999"
    wb.save(path)

    def officer_changes_nakatani(reg):
        hid = reg.conn.execute("SELECT household_id FROM persons WHERE family_name='中谷'").fetchone()[0]
        data = hh.get_household(reg, hid)
        data.landline = "076-220-5555"
        hh.save_household(reg, data)

    worker.call(officer_changes_nakatani)
    ret = worker.call(read_hancho_workbook, path)
    dialog = HanchoReturnDialog(worker, ret)
    qtbot.addWidget(dialog)
    assert dialog.accepted_rows() == {0}  # 中谷's phone is a conflict: not ticked
    dialog.apply()
    phones = worker.call(lambda reg: sorted(r[0] for r in reg.conn.execute("SELECT landline FROM households")))
    assert phones == ["076-220-1999", "076-220-5555"]
