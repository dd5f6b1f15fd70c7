"""「班長用シート」: one 班's people as a workbook the 班長 corrects at home, and reading it back
(Qt-free). The workbook carries hidden ids and a hidden snapshot of what was exported, so the
re-import knows exactly what the 班長 changed, and which of those fields were changed in the
register meanwhile (a conflict the officer decides). Rows the 班長 struck through or deleted
become 「退会・転出の確認」 items, never deletions."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.models import households as hh
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.importing.reader import ImportFileError
from kyodo_desktop.models.japanese import parse_date, to_wareki
from kyodo_desktop.models.privacy import OutputRule, record_output
from kyodo_desktop.models.register import Register

SNAPSHOT = "_snapshot"
MARK = "kyodo-hancho-sheet-v1"
#: (key, header, editable) — the first two columns are the hidden ids
SHEET_COLUMNS = (
    ("person_uid", "ID", False), ("household_uid", "世帯ID", False),
    ("name", "氏名", True), ("kana", "フリガナ", True), ("relation", "続柄", True), ("birth_date", "生年月日", True),
    ("address", "住所", True), ("address_number", "番地", True), ("address_building", "建物", True),
    ("landline", "電話", True), ("mobile", "携帯電話", True),
)
EDITABLE = [k for k, _h, e in SHEET_COLUMNS if e]
LABELS = {k: h for k, h, _e in SHEET_COLUMNS}
HOUSEHOLD_FIELDS = {"address": "address_town", "address_number": "address_number",
                    "address_building": "address_building", "landline": "landline"}
BLANK_ROWS = 20


def _person_values(p: hh.PersonData, h: hh.HouseholdData, person_uid: str) -> dict[str, str]:
    return {
        "person_uid": person_uid, "household_uid": h.uid,
        "name": p.full_name, "kana": p.full_kana.strip(), "relation": p.relation,
        "birth_date": to_wareki(date.fromisoformat(p.birth_date)) if p.birth_date else "",
        "address": h.address_town, "address_number": h.address_number, "address_building": h.address_building,
        "landline": h.landline, "mobile": p.mobile,
    }


def _block_people(reg: Register, block_id: int) -> list[dict[str, str]]:
    rows = []
    ids = [r[0] for r in reg.conn.execute(
        "SELECT id FROM households WHERE block_id = ? AND status IN ('加入','非加入') ORDER BY circulation_order, id",
        (block_id,))]
    uids = dict(reg.conn.execute("SELECT id, uid FROM persons"))
    for hid in ids:
        h = hh.get_household(reg, hid)
        for p in h.persons:
            if p.status == "在籍":
                rows.append(_person_values(p, h, uids[p.id]))
    return rows


def write_hancho_workbook(reg: Register, block_id: int, target: Path) -> Path:
    """The 班's workbook: instructions, the editable list (ids hidden and protected), a hidden snapshot."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill, Protection

    reg.session.require("output", "班長用シートを作る")
    reg.session.require_block(block_id, "ほかの班の班長用シートを作る")
    block = reg.conn.execute("SELECT name FROM blocks WHERE id = ?", (block_id,)).fetchone()
    if block is None:
        raise RegisterError("その班は見つかりません。")
    rule = OutputRule(reg, "OFFICER_INTERNAL")
    uid_to_id = {u: i for i, u in reg.conn.execute("SELECT id, uid FROM persons")}
    people = [v for v in _block_people(reg, block_id) if rule.allows(uid_to_id[v["person_uid"]], "name")]
    wb = Workbook()
    guide = wb.active
    guide.title = "使い方"
    for line in (
        f"{block[0]} 班長用シート（{to_wareki(reg.today())} 作成）",
        "",
        f"1. 「{block[0]}」のシートで、間違っているところを書き直してください（氏名・フリガナ・生年月日・住所・電話など）。",
        "2. 新しく来た方は、いちばん下の空いている行に書き足してください（同じ世帯の人は住所を同じに）。",
        "3. 転出・死亡などでいなくなった方は、行を消さずに、氏名に取り消し線を引いてください（セルを空にしても分かります）。",
        "4. 灰色の列（ID）は変えないでください。保存して、役員に返してください。",
        "",
        "この名簿は町会の運営のためだけに使い、ほかの人に渡さないでください。終わったら役員に返すか、シュレッダーで処分してください。",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    guide["A1"].font = Font(size=14, bold=True)
    ws = wb.create_sheet(block[0][:31])
    ws.append([h for _k, h, _e in SHEET_COLUMNS])
    for v in people:
        ws.append([v[k] or None for k, _h, _e in SHEET_COLUMNS])
    for _ in range(BLANK_ROWS):
        ws.append([None] * len(SHEET_COLUMNS))
    grey = PatternFill("solid", fgColor="D9D9D9")
    for row in ws.iter_rows(min_row=2):
        for cell, (_k, _h, editable) in zip(row, SHEET_COLUMNS, strict=True):
            cell.protection = Protection(locked=not editable)
            cell.data_type = "s" if isinstance(cell.value, str) else cell.data_type
            if not editable:
                cell.fill = grey
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"ID": 4, "世帯ID": 4, "氏名": 16, "フリガナ": 18, "続柄": 8, "生年月日": 18, "住所": 18, "番地": 10,
              "建物": 16, "電話": 14, "携帯電話": 15}
    for i, (_k, h, _e) in enumerate(SHEET_COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = widths[h]
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].hidden = True
    ws.freeze_panes = "C2"
    ws.protection.sheet = True  # no password: it guards against slips, not against the 班長
    ws.protection.formatCells = False  # striking through a name must stay possible
    ws.page_setup.orientation = "landscape"
    snap = wb.create_sheet(SNAPSHOT)
    snap.append([MARK, json.dumps({"block_id": block_id, "block": block[0], "exported_at": reg.now()}, ensure_ascii=False)])
    snap.append([k for k, _h, _e in SHEET_COLUMNS])
    for v in people:
        snap.append([v[k] for k, _h, _e in SHEET_COLUMNS])
    for row in snap.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula (found in review: an address like =HYPERLINK(…))
    snap.sheet_state = "veryHidden"
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    wb.save(tmp)
    os.replace(tmp, target)
    record_output(reg, f"班長用シート（{block[0]}）{target.name}", "OFFICER_INTERNAL", len(people))
    return target


# -- reading it back -----------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    person_uid: str
    name: str
    key: str
    exported: str
    sheet: str
    register: str

    @property
    def conflict(self) -> bool:
        """The register changed this field since the export, and differently from the 班長."""
        return self.register != self.exported and self.register != self.sheet

    @property
    def label(self) -> str:
        return LABELS[self.key]


@dataclass
class HanchoReturn:
    block_id: int
    block: str
    exported_at: str
    changes: list[FieldChange] = field(default_factory=list)
    new_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    to_confirm: list[tuple[str, str, str]] = field(default_factory=list)  # (person uid, name, why)
    messages: list[str] = field(default_factory=list)


def _norm(key: str, value: Any) -> str:
    from kyodo_desktop.models.importing.table import cell_text

    text = cell_text(value)
    if key == "birth_date" and text:
        try:
            return to_wareki(parse_date(value if not isinstance(value, str) else text))
        except ValueError:
            return text
    return text


def is_hancho_workbook(path: Path) -> bool:
    """Whether ``path`` is one of our 班長用シート (looked up without reading the cells)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return f'name="{SNAPSHOT}"'.encode() in zf.read("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def read_hancho_workbook(reg: Register, path: Path) -> HanchoReturn:
    """What the 班長 changed, added and struck out, against the snapshot and today's register."""
    from openpyxl import load_workbook

    from kyodo_desktop.models.importing.reader import read_file

    reg.session.require("register.write", "班長用シートを取り込む")
    read_file(path)  # the same checks as any import (size, zip bomb, password) before openpyxl opens it
    try:
        wb = load_workbook(path)
    except Exception as exc:
        raise ImportFileError(f"班長用シートとして読めません: {path.name}（{exc}）") from None
    if SNAPSHOT not in wb.sheetnames or wb[SNAPSHOT]["A1"].value != MARK:
        raise ImportFileError("このファイルは協働デスクの班長用シートではありません。ふつうの取り込みを使ってください。")
    snap = wb[SNAPSHOT]
    meta = json.loads(snap["B1"].value)
    reg.session.require_block(meta["block_id"], "ほかの班の班長用シートを取り込む")
    keys = [c.value for c in snap[2]]
    exported = {}
    for row in snap.iter_rows(min_row=3, values_only=True):
        v = {k: ("" if x is None else str(x)) for k, x in zip(keys, row, strict=False)}
        exported[v["person_uid"]] = v
    ws = wb[meta["block"][:31]] if meta["block"][:31] in wb.sheetnames else None
    if ws is None:
        raise ImportFileError(f"「{meta['block']}」のシートが見つかりません（シートの名前を変えないでください）。")
    current = {v["person_uid"]: v for v in _block_people(reg, meta["block_id"])}
    heads = {r[0] for r in reg.conn.execute(
        "SELECT p.uid FROM households h JOIN persons p ON p.id = h.head_person_id WHERE h.block_id = ?",
        (meta["block_id"],))}
    result = HanchoReturn(meta["block_id"], meta["block"], meta["exported_at"])
    seen = set()
    for n, row in enumerate(ws.iter_rows(min_row=2), start=2):
        cells = {k: c for (k, _h, _e), c in zip(SHEET_COLUMNS, row, strict=False)}
        values = {k: _norm(k, c.value) for k, c in cells.items()}
        uid = values.get("person_uid", "")
        struck = any(c.font is not None and c.font.strike for k, c in cells.items() if k in ("name", "kana") and c.value)
        if not uid:
            if values.get("name"):
                result.new_rows.append((n, values))
            continue
        seen.add(uid)
        before = exported.get(uid)
        if before is None:
            result.messages.append(f"{n}行目: IDが書き換えられています（この行は取り込みません）。")
            continue
        if not any(values.get(k) for k in EDITABLE):
            result.to_confirm.append((uid, before["name"], "行の中身が消されています"))
            continue
        if struck:
            result.to_confirm.append((uid, before["name"], "取り消し線が引かれています"))
            continue
        now = current.get(uid)
        for key in EDITABLE:
            old = _norm(key, before.get(key, ""))
            new = values.get(key, "")
            if new != old and key in HOUSEHOLD_FIELDS and uid not in heads:
                # the household's address and phone are taken from the head's row only
                result.messages.append(f"{n}行目: {before['name']}さんの行の「{LABELS[key]}」の変更は取り込みません"
                                       "（世帯の住所・電話は世帯主の行で直してください）。")
                continue
            if new != old:
                reg_value = _norm(key, now.get(key, "")) if now else ""
                result.changes.append(FieldChange(uid, before["name"], key, old, new, reg_value))
    for uid, before in exported.items():
        if uid not in seen:
            result.to_confirm.append((uid, before["name"], "シートから消されています"))
    return result


def apply_hancho_changes(reg: Register, ret: HanchoReturn, *, accept: set[int] | None = None,
                         add_new: bool = True) -> int:
    """Apply the chosen changes (``accept``: indexes into ``ret.changes``; default: all without a
    conflict) and the new rows, in one transaction after a backup. Returns how many fields/rows
    were applied. 「退会・転出の確認」 items are only listed: the officer records them in the editor."""
    from kyodo_desktop.models.importing.plan import split_name

    reg.session.require("register.write", "班長用シートを取り込む")
    reg.session.require_block(ret.block_id, "ほかの班を変更する")
    chosen = [c for i, c in enumerate(ret.changes) if (accept is None and not c.conflict) or (accept and i in accept)]
    uid_to_pid = {u: i for i, u in reg.conn.execute("SELECT id, uid FROM persons")}
    reg.backup("import")
    done = 0
    with reg.writing("班長用シートの取り込み"), reg.summarised_audit():
        by_household: dict[int, list[FieldChange]] = {}
        for c in chosen:
            pid = uid_to_pid.get(c.person_uid)
            if pid is None:
                continue
            hid = reg.conn.execute("SELECT household_id FROM persons WHERE id = ?", (pid,)).fetchone()[0]
            by_household.setdefault(hid, []).append(c)
        for hid, changes in by_household.items():
            data = hh.get_household(reg, hid)
            for c in changes:
                person = next(p for p in data.persons if p.id == uid_to_pid[c.person_uid])
                if c.key in HOUSEHOLD_FIELDS:
                    setattr(data, HOUSEHOLD_FIELDS[c.key], c.sheet)
                elif c.key == "name":
                    person.family_name, person.given_name, *_ = split_name(c.sheet, "")
                elif c.key == "kana":
                    fk, _, gk = c.sheet.replace("　", " ").partition(" ")
                    person.family_kana, person.given_kana = fk, gk
                elif c.key == "birth_date":
                    person.birth_date = parse_date(c.sheet).isoformat() if c.sheet else None
                else:
                    setattr(person, c.key, c.sheet)
                done += 1
            hh.save_household(reg, data)
        if add_new:
            groups: dict[str, list[dict[str, str]]] = {}
            for _n, v in ret.new_rows:
                groups.setdefault(v.get("address", "") + v.get("address_number", "") or f"row{_n}", []).append(v)
            homes = {(h_town + h_number): hid for hid, h_town, h_number in reg.conn.execute(
                "SELECT id, address_town, address_number FROM households WHERE block_id = ? AND status IN ('加入','非加入')",
                (ret.block_id,))}
            for key, rows in list(groups.items()):
                home = homes.get(key) if key and not key.startswith("row") else None
                if home is None:
                    continue
                data = hh.get_household(reg, home)  # a newcomer at a known address joins that household
                for v in rows:
                    fam, giv, fk, gk, _sure = split_name(v["name"], v.get("kana", ""))
                    data.persons.append(hh.PersonData(family_name=fam, given_name=giv, family_kana=fk, given_kana=gk,
                                                      relation=v.get("relation", ""), birth_date=v.get("birth_date") or None,
                                                      mobile=v.get("mobile", "")))
                hh.save_household(reg, data)
                done += len(rows)
                del groups[key]
            for rows in groups.values():
                persons = []
                for v in rows:
                    fam, giv, fk, gk, _sure = split_name(v["name"], v.get("kana", ""))
                    persons.append(hh.PersonData(family_name=fam, given_name=giv, family_kana=fk, given_kana=gk,
                                                 relation=v.get("relation", "") or ("世帯主" if not persons else ""),
                                                 birth_date=v.get("birth_date") or None, mobile=v.get("mobile", "")))
                first = rows[0]
                hh.save_household(reg, hh.HouseholdData(
                    block_id=ret.block_id, address_town=first.get("address", ""),
                    address_number=first.get("address_number", ""), address_building=first.get("address_building", ""),
                    landline=first.get("landline", ""), persons=persons))
                done += len(rows)
        reg._audit_row("import", "blocks", ret.block_id,
                       f"{ret.block}の班長用シートを取り込みました（{done}件。確認が必要な人 {len(ret.to_confirm)}人）")
    return done
