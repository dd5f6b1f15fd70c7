"""Finding the table in a sheet and naming its columns (Qt-free).

Old lists have a title and a date above the header, blank rows, a header whose cells were
merged (only the first holds the text) or that spans two rows (「氏名」 over 「漢字｜フリガナ」),
and subtotal rows (「計」「合計」). :func:`find_table` finds the header by the number of cells
that name a known column, reads the rows below it, and reports what it skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

#: our field → the headers associations use for it (compared after folding, see :func:`fold_header`)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "uid": ("協働デスクid", "世帯id", "id"),
    "block": ("班", "組", "班名", "組名", "班番号", "組番号", "所属班"),
    "household_no": ("世帯番号", "世帯no", "世帯no.", "世帯コード", "戸番"),
    "head_name": ("世帯主", "世帯主氏名", "世帯主名", "代表者", "代表者氏名"),
    "head_kana": ("世帯主フリガナ", "世帯主ふりがな", "世帯主カナ"),
    "name": ("氏名", "名前", "お名前", "会員名", "会員氏名", "氏名漢字", "氏名(漢字)"),
    "kana": ("フリガナ", "ふりがな", "カナ", "かな", "よみ", "読み", "よみがな", "氏名フリガナ", "氏名(フリガナ)", "氏名カナ"),
    "family_name": ("姓", "苗字", "名字", "氏"),
    "given_name": ("名",),
    "family_kana": ("セイ", "せい", "姓フリガナ", "姓カナ"),
    "given_kana": ("メイ", "めい", "名フリガナ", "名カナ"),
    "relation": ("続柄", "続き柄", "世帯主との続柄"),
    "birth_date": ("生年月日", "誕生日", "生年月日(和暦)", "生まれ"),
    "sex": ("性別", "男女"),
    "postal_code": ("郵便番号", "〒", "郵便"),
    "address": ("住所", "ご住所", "お住まい", "所在地", "住所1", "町名番地", "住所(町名・番地)"),
    "address_number": ("番地",),
    "address_building": ("建物", "建物名", "マンション名", "アパート名", "部屋番号", "住所2", "方書"),
    "landline": ("電話", "お電話", "電話番号", "tel", "tel.", "固定電話", "自宅電話", "連絡先", "ご連絡先"),
    "mobile": ("携帯", "携帯電話", "携帯番号", "携帯電話番号"),
    "email": ("メール", "メールアドレス", "e-mail", "email", "mail"),
    "member_type": ("会員区分", "区分", "会員種別"),
    "status": ("状態", "加入状況", "加入", "在籍"),
    "members": ("世帯人数", "人数", "家族数"),
    "circulation_order": ("回覧順", "回覧順番", "回覧番号"),
    "notes": ("備考", "メモ", "摘要"),
}
#: member columns of a one-row-per-household list: 世帯員1, 家族2 …
MEMBER_COLUMN = re.compile(r"^(世帯員|家族|同居者|会員)(\d+)(氏名|名前|フリガナ|ふりがな|カナ|続柄|生年月日)?$")
#: what the officer sees for each field when confirming the columns
FIELD_LABELS: dict[str, str] = {
    "": "（使わない）", "uid": "協働デスクID", "block": "班", "household_no": "世帯番号", "head_name": "世帯主の氏名",
    "head_kana": "世帯主のフリガナ", "name": "氏名", "kana": "フリガナ", "family_name": "姓", "given_name": "名",
    "family_kana": "フリガナ（姓）", "given_kana": "フリガナ（名）", "relation": "続柄", "birth_date": "生年月日",
    "sex": "性別", "postal_code": "郵便番号", "address": "住所（町名）", "address_number": "番地",
    "address_building": "建物・部屋", "landline": "電話", "mobile": "携帯電話", "email": "メール",
    "member_type": "会員区分", "status": "状態", "members": "世帯人数", "notes": "備考", "circulation_order": "回覧順",
}
SUBTOTAL = {"計", "合計", "小計", "総計", "累計", "班計", "合 計", "小 計"}
HEADER_SCAN_ROWS = 30


def fold_header(text: Any) -> str:
    """Compare headers by content: NFKC, no spaces or line breaks, lower case, no ※*()."""
    t = unicodedata.normalize("NFKC", str(text or "")).lower()
    return re.sub(r"[\s　\n\r※*＊:：]", "", t).replace("（", "(").replace("）", ")")


_LOOKUP: dict[str, str] = {fold_header(s): f for f, syns in SYNONYMS.items() for s in syns}


def guess_field(header: str) -> str | None:
    """Our field for a header text, or None. Member columns come back as ``member:N:part``."""
    h = fold_header(header)
    if not h:
        return None
    m = MEMBER_COLUMN.match(h)
    if m:
        part = {"": "name", "氏名": "name", "名前": "name", "フリガナ": "kana", "ふりがな": "kana", "カナ": "kana",
                "続柄": "relation", "生年月日": "birth_date"}[m.group(3) or ""]
        return f"member:{int(m.group(2))}:{part}"
    if h in _LOOKUP:
        return _LOOKUP[h]
    stripped = re.sub(r"\(.*?\)", "", h)  # 「電話(自宅)」→「電話」
    return _LOOKUP.get(stripped)


def cell_text(value: Any) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


@dataclass
class Table:
    sheet: str
    header_row: int  # 1-based, as the officer sees it in Excel
    headers: list[str]
    columns: dict[int, str]  # column index → field
    rows: list[tuple[int, list[Any]]]  # (1-based row number, cells)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    unknown_headers: list[str] = field(default_factory=list)


def _merged_header(top: list[Any], below: list[Any]) -> list[str]:
    """Two header rows: a merged parent above (text in its first cell only) and children below."""
    out = []
    parent = ""
    for i in range(max(len(top), len(below))):
        t = cell_text(top[i]) if i < len(top) else ""
        b = cell_text(below[i]) if i < len(below) else ""
        if t:
            parent = t
        if b and parent and guess_field(parent + b) is not None:
            out.append(parent + b)
        elif b and guess_field(b) is not None:
            out.append(b)
        elif t:
            out.append(t)
        elif b:
            out.append(b)
        else:
            out.append("")
    return out


def _two_row_header_fits(top: list[Any], below: list[Any]) -> bool:
    """A second header row only sits under a merged parent (a header whose right neighbour is
    empty) or under empty cells; a row with values under single headers is data (found in
    review: the first person was taken for a header row)."""
    for i, b in enumerate(below):
        if not cell_text(b):
            continue
        t = cell_text(top[i]) if i < len(top) else ""
        if not t:
            continue
        right_empty = i + 1 < len(top) and not cell_text(top[i + 1]) or i + 1 >= len(top)
        if not right_empty:
            return False
    return True


def column_key(sheet: str, col: int) -> str:
    """The mapping key for one column of one sheet (the officer's choice for exactly that column)."""
    return f"#{sheet}#{col}"


def _score(headers: list[str]) -> int:
    return sum(1 for h in headers if guess_field(h) is not None)


def find_table(sheet_name: str, rows: list[list[Any]], mapping: dict[str, str] | None = None) -> Table | None:
    """The list in a sheet, or None when no row looks like a header (e.g. an empty sheet).
    ``mapping`` (folded header → field, "" to ignore) overrides the guesses: the officer's choice."""
    folded = {(k if k.startswith("#") else fold_header(k)): v for k, v in (mapping or {}).items()}
    best: tuple[int, int, list[str], int] | None = None  # (score, row index, headers, rows used)
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        one = [cell_text(c) for c in row]
        candidates = [(one, 1)]
        if i + 1 < len(rows) and _two_row_header_fits(row, rows[i + 1]):
            candidates.append((_merged_header(row, rows[i + 1]), 2))
        for headers, used in candidates:
            score = _score(headers)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, i, headers, used)
    if best is None:
        return None
    _score_, index, headers, used = best
    columns: dict[int, str] = {}
    unknown = []
    ignored: list[str] = []
    for col, h in enumerate(headers):
        key, fh = column_key(sheet_name, col), fold_header(h)
        chosen = folded[key] if key in folded else folded.get(fh) if fh in folded else None
        f = (chosen or None) if chosen is not None else guess_field(h)
        if f is None:
            if chosen == "":
                ignored.append(h)  # the officer said: do not import this column
            elif h:
                unknown.append(h)
            elif any(cell_text(r[col]) for r in rows[index + used:index + used + 200] if col < len(r)):
                unknown.append(f"（見出しなし・{col + 1}列目）")
            continue
        if f in columns.values() and not f.startswith("member:"):
            unknown.append(h)  # the second 「電話」 column: left for the officer to assign
            continue
        columns[col] = f
    table = Table(sheet_name, index + 1, headers, columns, [], unknown_headers=unknown)
    for n, row in enumerate(rows[index + used:], start=index + used + 1):
        if all(c is None or c == "" or (type(c) is str and not c.strip()) for c in row):
            continue
        texts = [cell_text(c) for c in row[:3]]
        if any(t.replace(" ", "").replace("　", "") in SUBTOTAL for t in texts):
            table.skipped.append((n, "合計・小計の行"))
            continue
        table.rows.append((n, list(row)))
    return table
