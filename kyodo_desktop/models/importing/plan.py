"""From found tables to households, matched against the register, and applied (Qt-free).

:func:`plan_import` changes nothing: it normalises every cell, says in Japanese what it could not
understand (sheet, row, column, why), groups rows into households, and matches them against the
register. :func:`apply_plan` then writes the chosen households in one transaction after a backup;
a failure leaves the register exactly as it was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.importing.reader import Sheet, read_file
from kyodo_desktop.models.importing.table import Table, cell_text, find_table
from kyodo_desktop.models.japanese import (
    PhoneError,
    WarekiError,
    is_katakana_reading,
    normalize_phone,
    parse_date,
    to_katakana,
)
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError

#: progress(done, total) -> False to cancel; called every few hundred rows
Progress = Callable[[int, int], bool]


class ImportCancelled(RegisterError):
    pass


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 1), 0

    def step(self, n: int = 1) -> None:
        self.done += n
        due = self.done % 200 == 0 or self.done == self.total
        if self.progress is not None and due and self.progress(self.done, self.total) is False:
            raise ImportCancelled("取り込みを中止しました。名簿は変わっていません。")


YES = {"○", "〇", "◯", "有", "あり", "はい", "✓", "✔", "レ", "1", "y", "yes", "true", "済"}
RELATION_WORDS = {
    "本人": "世帯主", "世帯主": "世帯主", "妻": "妻", "夫": "夫", "配偶者": "妻", "子": "子", "長男": "子", "次男": "子",
    "三男": "子", "長女": "子", "次女": "子", "三女": "子", "息子": "子", "娘": "子", "父": "父", "母": "母", "義父": "父",
    "義母": "母", "孫": "孫", "兄": "兄弟姉妹", "弟": "兄弟姉妹", "姉": "兄弟姉妹", "妹": "兄弟姉妹", "兄弟姉妹": "兄弟姉妹",
    "祖父": "祖父母", "祖母": "祖父母", "祖父母": "祖父母", "嫁": "子の配偶者", "婿": "子の配偶者", "子の妻": "子の配偶者",
    "子の夫": "子の配偶者", "子の配偶者": "子の配偶者", "同居人": "同居人", "その他": "その他の親族", "その他の親族": "その他の親族",
}
SEX_WORDS = {"男": "男", "男性": "男", "m": "男", "male": "男", "女": "女", "女性": "女", "f": "女", "female": "女"}


@dataclass(frozen=True)
class RowMessage:
    sheet: str
    row: int
    column: str
    message: str
    error: bool = True  # False: a note (e.g. a name that could not be split), the row is still used

    def __str__(self) -> str:
        where = f"シート「{self.sheet}」{self.row}行目" + (f"「{self.column}」" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class PlannedHousehold:
    sheet: str
    rows: list[int]
    block: str
    data: hh.HouseholdData
    kind: str = "new"  # new, changed, unchanged, conflict, error
    match_id: int | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, old, new)
    note: str = ""
    person_uids: list[str] = field(default_factory=list)  # 協働デスクID of each person, from our own exports


@dataclass
class ImportPlan:
    source: str
    households: list[PlannedHousehold]
    messages: list[RowMessage]
    skipped: list[tuple[str, int, str]]
    unknown_headers: list[tuple[str, str]]
    missing: list[str]
    layout: str
    block_from_sheet: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for h in self.households if h.kind == kind)

    @property
    def errors(self) -> list[RowMessage]:
        return [m for m in self.messages if m.error]

    @property
    def ready(self) -> bool:
        """Everything needed was recognised and no row has an error: may be applied unattended."""
        return (not self.missing and not self.unknown_headers and not self.errors and not self.count("conflict")
                and not self.count("error"))

    def summary(self) -> dict[str, Any]:
        persons = {k: sum(len(h.data.persons) for h in self.households if h.kind == k) for k in
                   ("new", "changed", "unchanged", "conflict", "error")}
        return {
            "source": self.source, "layout": self.layout,
            "households": {k: self.count(k) for k in ("new", "changed", "unchanged", "conflict", "error")},
            "persons": persons, "skipped_rows": len(self.skipped), "missing": self.missing,
            "unknown_columns": [f"{sheet}: {h}" for sheet, h in self.unknown_headers],
            "messages": [str(m) for m in self.messages], "ready": self.ready,
        }


# -- cells ------------------------------------------------------------------------------------------------


_MOBILE = re.compile(r"^0([789])0-?(\d{4})-?(\d{4})$")


@lru_cache(maxsize=65_536)
def _phone_cached(text: str, area: str) -> tuple[str, str]:
    """(normalised, error); mobiles by a pattern, the rest through phonenumbers (≈30 µs each)."""
    m = _MOBILE.match(text)
    if m:
        return f"0{m.group(1)}0-{m.group(2)}-{m.group(3)}", ""
    try:
        return normalize_phone(text, area or None), ""
    except PhoneError as exc:
        return "", str(exc)


@lru_cache(maxsize=65_536)
def _date_cached(text: str) -> str:
    return parse_date(text).isoformat()


class _Cells:
    def __init__(self, table: Table, row_no: int, cells: list[Any], area: str, messages: list[RowMessage],
                 by_field: dict[str, int] | None = None) -> None:
        self.table, self.row_no, self.cells, self.area, self.messages = table, row_no, cells, area, messages
        self.by_field = dict(by_field) if by_field is not None else {f: c for c, f in table.columns.items()}
        self._texts: dict[str, str] = {}

    def raw(self, f: str) -> Any:
        col = self.by_field.get(f)
        return self.cells[col] if col is not None and col < len(self.cells) else ""

    def text(self, f: str) -> str:
        if f not in self.by_field:
            return ""
        t = self._texts.get(f)
        if t is None:
            t = self._texts[f] = unicodedata.normalize("NFKC", cell_text(self.raw(f))).strip()
        return t

    def exact(self, f: str) -> str:
        """Names keep their characters (髙, 﨑, 𠮷): no NFKC, only spaces trimmed."""
        return cell_text(self.raw(f)).strip().strip("　")

    def say(self, f: str, message: str, *, error: bool = True) -> None:
        col = self.by_field.get(f)
        header = self.table.headers[col] if col is not None and col < len(self.table.headers) else f
        self.messages.append(RowMessage(self.table.sheet, self.row_no, header, message, error))

    def kana(self, f: str) -> str:
        t = self.text(f)
        if not t:
            return ""
        k = to_katakana(t)
        if not is_katakana_reading(k.replace(" ", "").replace("　", "")):
            self.say(f, f"フリガナ「{t}」にカタカナ以外の文字があります")
            return ""
        return k

    def date(self, f: str) -> str | None:
        v = self.raw(f)
        if v in ("", None):
            return None
        try:
            if isinstance(v, datetime):
                return v.date().isoformat()
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, (int, float)):
                if not 3650 <= v <= 80000:  # a year (1950) or a count (25): not a date
                    self.say(f, f"数値「{cell_text(v)}」を日付として読めません（年月日で入力してください）")
                    return None
                self.say(f, f"数値「{cell_text(v)}」をExcelの日付の通し番号として読みました", error=False)
                return parse_date(v).isoformat()
            return _date_cached(unicodedata.normalize("NFKC", str(v)).strip())
        except (WarekiError, ValueError) as exc:
            self.say(f, f"「{cell_text(v)}」を日付として読めません（{exc}）")
            return None

    def phone(self, f: str) -> str:
        t = self.text(f)
        if not t:
            return ""
        value, error = _phone_cached(t, self.area)
        if error:
            self.say(f, f"電話番号「{t}」を読めません（{error}）")
        return value

    def relation(self, f: str) -> str:
        t = self.text(f)
        if not t:
            return ""
        if t in RELATION_WORDS:
            return RELATION_WORDS[t]
        self.say(f, f"続柄「{t}」が分からないため、空欄にしました", error=False)
        return ""

    def sex(self, f: str) -> str:
        t = self.text(f).lower()
        if not t:
            return ""
        if t in SEX_WORDS:
            return SEX_WORDS[t]
        self.say(f, f"性別「{t}」が分からないため、空欄にしました", error=False)
        return ""


def split_name(name: str, kana: str) -> tuple[str, str, str, str, bool]:
    """(family, given, family kana, given kana, sure): by a space, else by a known surname whose
    reading fits the kana. ``sure`` is False when the name was left unsplit."""
    from kyodo_desktop.models.demo_names import SURNAMES

    kana_parts = kana.replace("　", " ").split()
    parts = name.replace("　", " ").split()
    fk, gk = (kana_parts[0], " ".join(kana_parts[1:])) if len(kana_parts) >= 2 else (kana, "")
    if len(parts) >= 2:
        return parts[0], "".join(parts[1:]), fk, gk, True
    for surname, reading, _w in sorted(SURNAMES, key=lambda s: -len(s[0])):
        fits = not kana or kana.replace(" ", "").replace("　", "").startswith(reading)
        if name.startswith(surname) and len(name) > len(surname) and fits:
            if not gk and kana:
                compact = kana.replace(" ", "").replace("　", "")
                fk, gk = reading, compact[len(reading):]
            return surname, name[len(surname):], fk, gk, True
    return name, "", fk, gk, not name or len(name) <= 1


# -- sheets to households -----------------------------------------------------------------------------------------


def _person(c: _Cells, prefix: str = "") -> hh.PersonData | None:
    f = (lambda name: f"{prefix}{name}") if prefix else (lambda name: name)
    name = c.exact(f("name"))
    family, given = c.exact("family_name") if not prefix else "", c.exact("given_name") if not prefix else ""
    kana = c.kana(f("kana"))
    fk = c.kana("family_kana") if not prefix else ""
    gk = c.kana("given_kana") if not prefix else ""
    if not family and name:
        family, given, sfk, sgk, sure = split_name(name, kana)
        fk, gk = fk or sfk, gk or sgk
        spaced = len(name.replace("　", " ").split()) >= 2
        if not sure:
            c.say(f("name"), f"「{name}」を姓と名に分けられませんでした（姓に入れました。プレビューで直せます）", error=False)
        elif not spaced:
            c.say(f("name"), f"「{name}」を名字の一覧から「{family}｜{given}」と分けました。違っていたら直してください",
                  error=False)
        if kana and not gk and given:
            c.say(f("kana"), f"フリガナ「{kana}」を姓と名に分けられませんでした（姓のフリガナに入れました）", error=False)
    elif kana and not fk:
        fk, gk = (kana.split(" ", 1) + [""])[:2]
    if not family:
        return None
    return hh.PersonData(
        family_name=family, given_name=given, family_kana=fk, given_kana=gk,
        relation=c.relation(f("relation")), birth_date=c.date(f("birth_date")),
        sex=c.sex("sex") if not prefix else "", mobile=c.phone("mobile") if not prefix else "",
        email=c.text("email") if not prefix else "",
    )


def _household(c: _Cells) -> hh.HouseholdData:
    from kyodo_desktop.models.postal import PostalCodeError, normalize_postal_code

    postal = c.text("postal_code")
    if postal:
        try:
            postal = normalize_postal_code(postal)
        except PostalCodeError as exc:
            c.say("postal_code", str(exc))
            postal = ""
    status = c.text("status")
    member = c.text("member_type")
    data = hh.HouseholdData(
        postal_code=postal, address_town=c.exact("address"), address_number=c.exact("address_number"),
        address_building=c.exact("address_building"), landline=c.phone("landline"), notes=c.exact("notes"),
    )
    if member in schema.MEMBER_TYPES:
        data.member_type = member
    elif member:
        c.say("member_type", f"会員区分「{member}」が分からないため、{data.member_type}にしました", error=False)
    if status in schema.HOUSEHOLD_STATUSES:
        data.status = status
    elif status and status.lower() in YES:
        data.status = "加入"
    elif status in ("×", "無", "なし", "未加入", "非会員"):
        data.status = "非加入"
    elif status:
        c.say("status", f"状態「{status}」が分からないため、加入にしました", error=False)
    return data


def _block_name(c: _Cells, sheet: str, from_sheet: list[str]) -> str:
    b = c.text("block")
    if b:
        return b if not b.isdigit() else f"{int(b)}班"
    if sheet not in from_sheet:
        from_sheet.append(sheet)
    return sheet


def plan_sheets(reg: Register, sheets: list[Sheet], source: str, mapping: dict[str, str] | None = None,
                progress: Progress | None = None) -> ImportPlan:
    area = hh.get_association(reg)["default_area_code"]
    messages: list[RowMessage] = []
    planned: list[PlannedHousehold] = []
    skipped: list[tuple[str, int, str]] = []
    unknown: list[tuple[str, str]] = []
    missing: list[str] = []
    from_sheet: list[str] = []
    layouts = set()
    tables = [t for s in sheets if (t := find_table(s.name, s.rows, mapping)) is not None]
    if not tables:
        raise RegisterError("表の見出し（氏名・住所・電話など）が見つかりません。1行目付近に見出しのある名簿を選んでください。")
    ticker = _Ticker(progress, sum(len(t.rows) for t in tables))
    for table in tables:
        skipped += [(table.sheet, r, why) for r, why in table.skipped]
        unknown += [(table.sheet, h) for h in table.unknown_headers]
        fields = set(table.columns.values())
        if not fields & {"name", "head_name", "family_name"}:
            missing.append(f"シート「{table.sheet}」: 氏名の列")
            continue
        if "household_no" in fields or ("relation" in fields and not any(f.startswith("member:") for f in fields)):
            layouts.add("person")
            planned += _plan_person_rows(table, area, messages, from_sheet, ticker)
        else:
            layouts.add("household")
            planned += _plan_household_rows(table, area, messages, from_sheet, ticker)
    plan = ImportPlan(source, planned, messages, skipped, unknown, missing,
                      "・".join(sorted({"household": "1行1世帯", "person": "1行1人"}[x] for x in layouts)),
                      from_sheet)
    _match(reg, plan)
    return plan


def _table_fields(table: Table) -> dict[str, int]:
    """field → column, with 世帯主 columns standing in for 氏名 when there is no 氏名 column."""
    by_field = {f: c for c, f in table.columns.items()}
    if "head_name" in by_field and "name" not in by_field:
        by_field["name"] = by_field["head_name"]
        if "head_kana" in by_field and "kana" not in by_field:
            by_field["kana"] = by_field["head_kana"]
    return by_field


def _rows(table: Table, area: str, messages: list[RowMessage], ticker: _Ticker) -> Any:
    """(row number, cells, the row's person) for every row with a name; an empty name is reported."""
    by_field = _table_fields(table)
    for row_no, cells in table.rows:
        ticker.step()
        c = _Cells(table, row_no, cells, area, messages, by_field)
        person = _person(c)
        if person is None:
            c.say("name", "氏名が空欄です")
            continue
        yield row_no, c, person


def _plan_household_rows(table: Table, area: str, messages: list[RowMessage], from_sheet: list[str],
                         ticker: _Ticker) -> list[PlannedHousehold]:
    out = []
    member_numbers = sorted({int(f.split(":")[1]) for f in table.columns.values() if f.startswith("member:")})
    for row_no, c, head in _rows(table, area, messages, ticker):
        head.relation = head.relation or "世帯主"
        data = _household(c)
        data.persons = [head]
        uids = [c.text("uid")]
        for n in member_numbers:
            m = _person(c, prefix=f"member:{n}:")
            if m is not None:
                data.persons.append(m)
        out.append(PlannedHousehold(table.sheet, [row_no], _block_name(c, table.sheet, from_sheet), data,
                                    person_uids=uids + [""] * (len(data.persons) - 1)))
    return out


def _plan_person_rows(table: Table, area: str, messages: list[RowMessage], from_sheet: list[str],
                      ticker: _Ticker) -> list[PlannedHousehold]:
    groups: dict[str, PlannedHousehold] = {}
    order: list[str] = []
    current: str | None = None
    for row_no, c, person in _rows(table, area, messages, ticker):
        no = c.text("household_no")
        place = (c.exact("address") + c.exact("address_number") + "|" + c.exact("address_building")).replace(
            " ", "").replace("　", "")
        block = c.text("block")
        if no:  # numbers may start again in each 班 or sheet
            key = f"no:{table.sheet}|{block}|{no}"
        elif place.strip("|"):  # the same address (building and room included): one household
            key = f"at:{table.sheet}|{block}|{place}"
        elif person.relation == "世帯主" or current is None:
            key = f"row:{row_no}"
        else:  # a family member listed under the head, with the address left blank
            key = current
        if key not in groups:
            data = _household(c)
            groups[key] = PlannedHousehold(table.sheet, [], _block_name(c, table.sheet, from_sheet), data)
            order.append(key)
        group = groups[key]
        group.rows.append(row_no)
        if person.relation == "世帯主":
            group.data.head_index = len(group.data.persons)
        group.data.persons.append(person)
        group.person_uids.append(c.text("uid"))
        current = key
    for g in groups.values():
        if not any(p.relation == "世帯主" for p in g.data.persons):
            g.data.persons[0].relation = g.data.persons[0].relation or "世帯主"
            g.data.head_index = 0
    return [groups[k] for k in order]


# -- matching ---------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _key(family: str, given: str) -> str:
    from kyodo_desktop.models.japanese import search_fold

    return search_fold(family + given)


_HOUSEHOLD_FIELDS = (("postal_code", "郵便番号"), ("address_town", "住所"), ("address_number", "番地"),
                     ("address_building", "建物"), ("landline", "電話"))
_PERSON_FIELDS = (("family_kana", "フリガナ（姓）"), ("given_kana", "フリガナ（名）"), ("birth_date", "生年月日"),
                  ("mobile", "携帯電話"), ("sex", "性別"))


def _match(reg: Register, plan: ImportPlan) -> None:
    """new / changed / unchanged / conflict: by the people's 協働デスクID when the file came from
    us (IDs this register does not know are ignored: another register's export), otherwise by the
    household's head (name, then kana and address). The visible register is loaded once."""
    visible, params = reg.session.block_filter_sql("h.block_id")
    households: dict[int, dict[str, Any]] = {}
    for row in reg.conn.execute(
        "SELECT h.id, h.postal_code, h.address_town, h.address_number, h.address_building, h.landline, h.status "
        f"FROM households h WHERE {visible}", params
    ):
        households[row[0]] = dict(zip(("id", "postal_code", "address_town", "address_number", "address_building",
                                       "landline", "status"), row, strict=True))
    persons: dict[int, list[dict[str, Any]]] = {}
    by_uid: dict[str, int] = {}
    heads: dict[int, dict[str, Any]] = {}
    head_ids = dict(reg.conn.execute(f"SELECT h.id, h.head_person_id FROM households h WHERE {visible}", params))
    for row in reg.conn.execute(
        "SELECT p.id, p.uid, p.household_id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date, "
        f"p.mobile, p.sex, p.status FROM persons p JOIN households h ON h.id = p.household_id WHERE {visible}", params
    ):
        p = dict(zip(("id", "uid", "household_id", "family_name", "given_name", "family_kana", "given_kana",
                      "birth_date", "mobile", "sex", "status"), row, strict=True))
        by_uid[p["uid"]] = p["household_id"]
        persons.setdefault(p["household_id"], []).append(p)
        if head_ids.get(p["household_id"]) == p["id"]:
            heads[p["household_id"]] = p
    existing: dict[str, list[tuple[int, str, str]]] = {}
    for hid, head in heads.items():
        h = households[hid]
        if h["status"] in ("加入", "非加入"):
            existing.setdefault(_key(head["family_name"], head["given_name"]), []).append(
                (hid, head["family_kana"] + head["given_kana"], h["address_town"] + h["address_number"]))
    for ph in plan.households:
        homes = {by_uid[u] for u in ph.person_uids if u and u in by_uid}
        if len(homes) > 1:
            ph.kind = "conflict"
            ph.note = "協働デスクIDが名簿の別々の世帯の人を指しています（世帯を分けたか、まとめた可能性があります）。"
            continue
        if homes:
            ph.match_id = homes.pop()
            _compare(ph, households[ph.match_id], persons.get(ph.match_id, []))
            continue
        head = ph.data.persons[ph.data.head_index]
        found = existing.get(_key(head.family_name, head.given_name), [])
        address = ph.data.address_town + ph.data.address_number
        exact = [f for f in found if (not head.full_kana.replace(" ", "") or f[1] == (head.family_kana + head.given_kana))
                 and (not address or f[2] == address)]
        if len(exact) == 1:
            ph.match_id = exact[0][0]
            _compare(ph, households[ph.match_id], persons.get(ph.match_id, []))
        elif found:
            ph.kind = "conflict"
            ph.note = "同じ名前の世帯が名簿にあります（住所かフリガナが違います）。同じ世帯か確かめてください。"


def _compare(ph: PlannedHousehold, old: dict[str, Any], old_persons: list[dict[str, Any]]) -> None:
    new = ph.data
    changes = []
    for f, label in _HOUSEHOLD_FIELDS:
        nv = getattr(new, f)
        if nv and nv != old[f]:
            changes.append((label, old[f], nv))
    old_by_name = {_key(p["family_name"], p["given_name"]): p for p in old_persons if p["status"] == "在籍"}
    old_by_uid = {p["uid"]: p for p in old_persons}
    for n, p in enumerate(new.persons):
        uid = ph.person_uids[n] if n < len(ph.person_uids) else ""
        o = old_by_uid.get(uid) if uid else None
        if o is not None:
            old_name = f"{o['family_name']}　{o['given_name']}".strip("　")
            if old_name != p.full_name:
                changes.append(("氏名", old_name, p.full_name))
        else:
            o = old_by_name.get(_key(p.family_name, p.given_name))
        if o is None:
            changes.append(("世帯員の追加", "", p.full_name))
            continue
        for f, label in _PERSON_FIELDS:
            nv = getattr(p, f)
            if nv and nv != o[f]:
                changes.append((f"{p.full_name} の{label}", o[f] or "", nv))
    ph.changes = changes
    ph.kind = "changed" if changes else "unchanged"


# -- entry points ---------------------------------------------------------------------------------------------------


def plan_import(reg: Register, path: Path | str, *, mapping: dict[str, str] | None = None,
                profile: str | None = None, progress: Progress | None = None) -> ImportPlan:
    """Read ``path`` and plan its import (with the officer's column choices, or a saved
    profile's); the register is not changed."""
    reg.session.require("register.write", "名簿を取り込む")
    if profile:
        mapping = {**get_profile(reg, profile), **(mapping or {})}
    path = Path(path)
    return plan_sheets(reg, read_file(path), path.name, mapping, progress)


def save_profile(reg: Register, name: str, mapping: dict[str, str]) -> None:
    """Keep a column mapping under a name (replacing one of the same name)."""
    import json

    from kyodo_desktop.models.importing.table import FIELD_LABELS, fold_header
    from kyodo_desktop.models.validation import clean_text

    reg.session.require("register.write", "取り込みの設定を保存する")
    name = clean_text(name, field="設定の名前", max_len=50, required=True)
    bad = [f for f in mapping.values() if f not in FIELD_LABELS and not f.startswith("member:")]
    if bad:
        raise RegisterError(f"分からない項目です: {', '.join(bad)}")
    text = json.dumps({fold_header(k): v for k, v in mapping.items() if not k.startswith("#")},
                      ensure_ascii=False, sort_keys=True)
    stamp = reg.now()
    with reg.writing("取り込みの設定の保存"):
        reg.conn.execute(
            "INSERT INTO import_profiles (name, mapping, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
            (name, text, stamp, stamp),
        )
        reg._audit_row("import_profile", "import_profiles", None, f"取り込みの設定「{name}」を保存しました")


def list_profiles(reg: Register) -> list[str]:
    return [r[0] for r in reg.conn.execute("SELECT name FROM import_profiles ORDER BY updated_at DESC, name")]


def get_profile(reg: Register, name: str) -> dict[str, str]:
    import json

    row = reg.conn.execute("SELECT mapping FROM import_profiles WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise RegisterError(f"「{name}」という取り込みの設定はありません。")
    return dict(json.loads(row[0]))


@dataclass(frozen=True)
class ImportResult:
    households_added: int
    households_changed: int
    persons_added: int
    blocks_added: int


def apply_plan(reg: Register, plan: ImportPlan, *, include: set[int] | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Write the planned households (``include``: indexes into ``plan.households``; default: all
    new and changed ones) in one transaction after a backup. Nothing is written if anything fails."""
    reg.session.require("register.write", "名簿を取り込む")
    chosen = [ph for i, ph in enumerate(plan.households)
              if (include is None and ph.kind in ("new", "changed")) or (include is not None and i in include)]
    chosen = [ph for ph in chosen if ph.kind != "error"]
    if not chosen:
        return ImportResult(0, 0, 0, 0)
    blocks = {b.name: b.id for b in hh.list_blocks(reg)}
    new_blocks = sorted({ph.block for ph in chosen if ph.block not in blocks and ph.match_id is None})
    if new_blocks and not reg.session.can("association.write"):
        raise RegisterError(f"名簿にない班があります（{'・'.join(new_blocks)}）。班を作れる役割の人が取り込んでください。")
    reg.backup("import")
    added = changed = persons = 0
    with reg.writing("名簿の取り込み"), reg.summarised_audit():  # one audit entry for the whole import
        for name in new_blocks:
            blocks[name] = hh.add_block(reg, name)
        ticker = _Ticker(progress, len(chosen))
        for ph in chosen:
            ticker.step()  # a cancel raises inside the transaction: everything is rolled back
            try:
                if ph.match_id is None:
                    data = replace(ph.data, block_id=blocks[ph.block])
                    hh.save_household(reg, data)
                    added += 1
                    persons += len(data.persons)
                else:
                    persons += _merge_into(reg, ph)
                    changed += 1
            except (ValidationError, hh.ValidationErrors) as exc:
                raise RegisterError(f"シート「{ph.sheet}」{ph.rows[0]}行目の世帯を保存できません: {exc}") from exc
        reg._audit_row("import", "households", None,
                       f"「{plan.source}」から取り込みました（追加 {added}世帯・変更 {changed}世帯・{len(new_blocks)}班を新設）",
                       person_count=persons)
    return ImportResult(added, changed, persons, len(new_blocks))


def _merge_into(reg: Register, ph: PlannedHousehold) -> int:
    old = hh.get_household(reg, ph.match_id)  # type: ignore[arg-type]
    new = ph.data
    for f in ("postal_code", "address_town", "address_number", "address_building", "landline"):
        if getattr(new, f):
            setattr(old, f, getattr(new, f))
    by_name = {_key(p.family_name, p.given_name): p for p in old.persons if p.status == "在籍"}
    uids = dict(reg.conn.execute("SELECT id, uid FROM persons WHERE household_id = ?", (old.id,)))
    by_uid = {uids.get(p.id): p for p in old.persons}
    added = 0
    for n, p in enumerate(new.persons):
        uid = ph.person_uids[n] if n < len(ph.person_uids) else ""
        o = by_uid.get(uid) if uid else None
        if o is not None:  # the same person by 協働デスクID: a renamed person stays one person
            o.family_name, o.given_name = p.family_name, p.given_name
        else:
            o = by_name.get(_key(p.family_name, p.given_name))
        if o is None:
            old.persons.append(p)
            added += 1
            continue
        for f in ("family_kana", "given_kana", "birth_date", "mobile", "sex"):
            if getattr(p, f):
                setattr(o, f, getattr(p, f))
    hh.save_household(reg, old)
    return added
