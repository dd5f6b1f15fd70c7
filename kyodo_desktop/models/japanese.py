"""Japanese rules the register depends on (Qt-free, no I/O).

* 和暦 (era dates): formatting with 元年, strict validation, and a lenient parser for what
  officers type or paste (昭和25年3月1日, S25.3.1, 1950/3/1, full-width digits, Excel serials).
* 年度 (fiscal year, April–March by default) and its 「令和8年度」 label.
* 年齢: the legal rule (年齢計算ニ関スル法律), the everyday birthday rule and 数え年.
* フリガナ: normalising to full-width katakana, and 五十音順 (JIS X 4061) as a tuple key and as a
  plain string whose code point order is the same, for an indexed SQLite TEXT column.
* 電話番号: normalised with ``phonenumbers`` to the usual hyphenated national format.
* Search folding: width, kana, case, spacing and common name-kanji variants (髙→高, 﨑→崎 …).

Every error is a ``ValueError`` subclass whose message is plain Japanese for the officer.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import jaconv

__all__ = [
    "AGE_RULES",
    "ERAS",
    "Era",
    "PhoneError",
    "WarekiError",
    "age",
    "era_year_label",
    "fiscal_year",
    "fiscal_year_label",
    "fiscal_year_range",
    "from_wareki",
    "gojuon_key",
    "gojuon_row",
    "gojuon_sort_string",
    "is_katakana_reading",
    "normalize_phone",
    "parse_date",
    "search_fold",
    "to_katakana",
    "to_wareki",
    "wareki_year",
]


class WarekiError(ValueError):
    """A date that cannot be read or does not exist; the message says why, in Japanese."""


class PhoneError(ValueError):
    """A telephone number that cannot be read; the message says why, in Japanese."""


# =============================================================================================
# 和暦
# =============================================================================================


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    short: str  # R (the letter used in "R2.10.5")
    kanji_short: str  # 令 (the 明・大・昭・平・令 select box)
    start: date  # first day (Gregorian)
    #: True when the previous era's last day is this era's first day (the era changed during
    #: the day: 1912-07-30 is 明治45年 and 大正元年, 1926-12-25 is 大正15年 and 昭和元年).
    #: Formatting then uses the new era; parsing accepts both.
    same_day_change: bool = False


# Data only: a new era is one more line here (order does not matter; ERAS is sorted).
# 明治 starts on 1868-10-23 (明治元年9月8日 in the old calendar). Dates before 1873 were kept in
# the lunisolar calendar, so 明治1–5年 month/day values are not exact; no living person needs them.
_ERA_DATA = (
    Era("明治", "M", "明", date(1868, 10, 23)),
    Era("大正", "T", "大", date(1912, 7, 30), same_day_change=True),
    Era("昭和", "S", "昭", date(1926, 12, 25), same_day_change=True),
    Era("平成", "H", "平", date(1989, 1, 8)),
    Era("令和", "R", "令", date(2019, 5, 1)),
)

#: All eras, newest first.
ERAS: tuple[Era, ...] = tuple(sorted(_ERA_DATA, key=lambda e: e.start, reverse=True))

_ONE_DAY = timedelta(days=1)


def _era_end(era: Era) -> date | None:
    """The last day of ``era`` (``None`` for the current era)."""
    later = [e for e in ERAS if e.start > era.start]
    if not later:
        return None
    nxt = min(later, key=lambda e: e.start)
    return nxt.start if nxt.same_day_change else nxt.start - _ONE_DAY


def _find_era(name: str) -> Era:
    key = unicodedata.normalize("NFKC", str(name)).strip()
    for era in ERAS:
        if key in (era.name, era.kanji_short) or key.upper() == era.short:
            return era
    raise WarekiError(f"元号が分かりません: '{name}'")


def era_year_label(era: Era, year: int) -> str:
    """``"元年"`` for the first year, otherwise ``"{year}年"`` (the era name is not included)."""
    return "元年" if year == 1 else f"{year}年"


def wareki_year(d: date) -> tuple[Era, int]:
    """The era in force on ``d`` and the year within it (1 = 元年)."""
    if isinstance(d, datetime):
        d = d.date()
    for era in ERAS:  # newest first: on a same-day change the new era wins
        if d >= era.start:
            return era, d.year - era.start.year + 1
    oldest = ERAS[-1]
    raise WarekiError(
        f"{oldest.name}より前の日付は和暦にできません: {d.year}年{d.month}月{d.day}日"
    )


def to_wareki(d: date, *, with_seireki: bool = False) -> str:
    """``date(2019, 5, 1)`` → ``"令和元年5月1日"``; ``with_seireki`` → ``"令和元年(2019年)5月1日"``."""
    if isinstance(d, datetime):
        d = d.date()
    era, year = wareki_year(d)
    seireki = f"({d.year}年)" if with_seireki else ""
    return f"{era.name}{era_year_label(era, year)}{seireki}{d.month}月{d.day}日"


def _wareki_text(era: Era, d: date) -> str:
    return f"{era_year_label(era, d.year - era.start.year + 1)}{d.month}月{d.day}日"


def _checked_date(year: int, month: int, day: int, label: str) -> date:
    """``date(year, month, day)`` with a Japanese message; ``label`` is the year as written."""
    if not 1 <= month <= 12:
        raise WarekiError(f"{month}月はありません")
    if not 1 <= year <= 9999:
        raise WarekiError(f"{label}は扱えません")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        if month == 2 and day == 29:
            raise WarekiError(f"{label}は2月29日がありません（うるう年ではありません）")
        raise WarekiError(f"{month}月{day}日はありません")
    return date(year, month, day)


def from_wareki(era_name_or_short: str, year: int, month: int, day: int) -> date:
    """The date of 元号 ``year``年 ``month``月 ``day``日, checked strictly.

    ``era_name_or_short`` may be 「昭和」, 「昭」 or ``"S"``/``"s"``. Raises :class:`WarekiError`
    for dates that do not exist (昭和65年, 平成31年5月1日, 令和元年4月30日, 2月30日, 0年 …).
    """
    era = _find_era(era_name_or_short)
    year, month, day = int(year), int(month), int(day)
    if year < 1:
        raise WarekiError(f"{era.name}{year}年はありません（元年＝1年から始まります）")
    greg = era.start.year + year - 1
    d = _checked_date(greg, month, day, f"{era.name}{era_year_label(era, year)}")
    if d < era.start:
        raise WarekiError(f"{era.name}は{_wareki_text(era, era.start)}からです")
    end = _era_end(era)
    if end is not None and d > end:
        raise WarekiError(f"{era.name}は{_wareki_text(era, end)}までです")
    return d


# -- parsing what people type -----------------------------------------------------------------

_DASHES = "‐‑‒–—―−ｰー－~〜～"  # hyphen look-alikes typed between date parts (ー from kana IMEs)
_DASH_TABLE = str.maketrans({c: "-" for c in _DASHES})
_TIME_SUFFIX = re.compile(r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SEP_Y = r"(?:年|[./-])"
_SEP_M = r"(?:月|[./-])"
_ERA_TOKENS = sorted(
    {t for e in ERAS for t in (e.name, e.kanji_short, e.short, e.short.lower())},
    key=len,
    reverse=True,
)
_WAREKI_RE = re.compile(
    rf"^(?P<era>{'|'.join(map(re.escape, _ERA_TOKENS))})"
    rf"(?P<y>元|\d{{1,4}})(?:年(?:\((?P<sy>\d{{1,4}})年?\))?|[./-])"
    rf"(?P<m>\d{{1,2}}){_SEP_M}(?P<d>\d{{1,2}})日?$"
)
_SEIREKI_RE = re.compile(rf"^(?P<y>\d{{4}}){_SEP_Y}(?P<m>\d{{1,2}}){_SEP_M}(?P<d>\d{{1,2}})日?$")
_COMPACT_RE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")  # 19500301
_SERIAL_RE = re.compile(r"^\d{1,5}$")

#: Excel's day 0. Excel wrongly treats 1900 as a leap year (serial 60 = "1900-02-29"),
#: so from serial 61 on the real date is this + serial; serials 1–59 are one day later.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX = (date.max - _EXCEL_EPOCH).days  # 2958465 = 9999-12-31


def _from_excel_serial(value: float, shown: object) -> date:
    if not math.isfinite(value):
        raise WarekiError(f"日付として読めません: '{shown}'")
    serial = math.floor(value)  # a fraction is the time of day
    if serial == 60:
        raise WarekiError("Excelの日付 60 は実在しない1900年2月29日です")
    if not 1 <= serial <= _EXCEL_MAX:
        raise WarekiError(f"日付として読めません: '{shown}'")
    return _EXCEL_EPOCH + timedelta(days=serial + (1 if serial < 60 else 0))


def parse_date(text: str | int | float | date | datetime, *, serial_strings: bool = False) -> date:
    """Read a date the way officers type or paste it.

    Accepts ``date``/``datetime`` (returned as a date), Excel serial numbers (``int``/``float``;
    a string of at most 5 digits only with ``serial_strings=True``, for cells read from files —
    typed text such as 「25」 is refused rather than read as 1900-01-25), 和暦 (「昭和25年3月1日」「昭25.3.1」「S25/3/1」「s25.03.01」
    「令和元年5月1日」「令和元年(2019年)5月1日」), 西暦 (「1950/03/01」「1950-3-1」「1950年3月1日」
    「19500301」), full-width digits and spaces. Impossible dates raise :class:`WarekiError`.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if isinstance(text, bool):
        raise WarekiError(f"日付として読めません: '{text}'")
    if isinstance(text, int | float):
        return _from_excel_serial(float(text), text)
    if not isinstance(text, str):
        raise WarekiError(f"日付として読めません: '{text}'")

    shown = text.strip()
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise WarekiError("日付が入力されていません")
    s = _TIME_SUFFIX.sub("", s)  # "1950-03-01 00:00:00", "1950-03-01T09:30"
    s = "".join(s.split()).translate(_DASH_TABLE)

    if m := _WAREKI_RE.match(s):
        year = 1 if m["y"] == "元" else int(m["y"])
        d = from_wareki(m["era"], year, int(m["m"]), int(m["d"]))
        if m["sy"] is not None and int(m["sy"]) != d.year:
            raise WarekiError(f"和暦と西暦が合いません: '{shown}'")
        return d
    if m := (_SEIREKI_RE.match(s) or _COMPACT_RE.match(s)):
        return _checked_date(int(m["y"]), int(m["m"]), int(m["d"]), f"{int(m['y'])}年")
    if _SERIAL_RE.match(s):
        n = int(s)
        if len(s) == 4 and 1868 <= n <= 2099:
            raise WarekiError(f"年だけでは日付になりません。月日も入力してください: '{shown}'")
        if not serial_strings:
            raise WarekiError(f"日付として読めません（年月日を入力してください。例: 昭和25年3月1日、S25.3.1）: '{shown}'")
        return _from_excel_serial(n, shown)
    raise WarekiError(f"日付として読めません: '{shown}'")


# =============================================================================================
# 年度
# =============================================================================================


def _check_start_month(start_month: int) -> None:
    if not 1 <= start_month <= 12:
        raise ValueError(f"年度の始まりの月は1〜12です（{start_month}）")


def fiscal_year(d: date, start_month: int = 4) -> int:
    """The 年度 containing ``d``, named by the calendar year it starts in (2026-03-31 → 2025)."""
    _check_start_month(start_month)
    return d.year if d.month >= start_month else d.year - 1


def fiscal_year_label(fy: int) -> str:
    """2026 → 「令和8年度」, 2019 → 「令和元年度」, 2018 → 「平成30年度」.

    The era is the one in force at the end of calendar year ``fy`` (so 2019年度 is 令和元年度,
    as local governments write it, although it began on 平成31年4月1日).
    """
    era, year = wareki_year(date(fy, 12, 31))
    return f"{era.name}{era_year_label(era, year)}度"


def fiscal_year_range(fy: int, start_month: int = 4) -> tuple[date, date]:
    """First and last day of 年度 ``fy`` (2025 → 2025-04-01 … 2026-03-31)."""
    _check_start_month(start_month)
    first = date(fy, start_month, 1)
    if start_month == 1:
        return first, date(fy, 12, 31)
    return first, date(fy + 1, start_month, 1) - _ONE_DAY


# =============================================================================================
# 年齢
# =============================================================================================

AGE_RULES = ("legal", "birthday", "kazoe")


def _completed_years(birth: date, y: int, m: int, d: int) -> int:
    """Birthday-rule age on (y, m, d); a 29 February birthday counts as 1 March in common years."""
    bm, bd = birth.month, birth.day
    if (bm, bd) == (2, 29) and not calendar.isleap(y):
        bm, bd = 3, 1
    return y - birth.year - ((m, d) < (bm, bd))


def age(birth: date, as_of: date, rule: str = "legal") -> int:
    """Age on ``as_of``.

    * ``"legal"`` — 年齢計算ニ関スル法律 / 民法143条: a year is gained at the end of the day
      before the birthday, so someone born 1951-04-01 is 75 on 2026-03-31, and someone born on
      29 February gains a year at the end of 28 February in common years.
    * ``"birthday"`` — everyday usage: gained on the birthday (29 Feb → 1 March in common years).
    * ``"kazoe"`` — 数え年: 1 at birth, one more every 1 January.
    """
    if isinstance(birth, datetime):
        birth = birth.date()
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    if as_of < birth:
        raise ValueError(f"基準日（{as_of.isoformat()}）が生年月日（{birth.isoformat()}）より前です")
    if rule == "birthday":
        return _completed_years(birth, as_of.year, as_of.month, as_of.day)
    if rule == "legal":
        # older at the end of the day before the birthday = birthday-rule age on the next day
        if as_of == date.max:
            return _completed_years(birth, as_of.year + 1, 1, 1)
        nxt = as_of + _ONE_DAY
        return _completed_years(birth, nxt.year, nxt.month, nxt.day)
    if rule == "kazoe":
        return as_of.year - birth.year + 1
    raise ValueError(f"年齢の数え方が分かりません: '{rule}'（{'・'.join(AGE_RULES)}）")


def latest_birth_for_age(years: int, as_of: date, rule: str = "legal") -> date:
    """The latest birth date of someone at least ``years`` old on ``as_of`` under ``rule``.

    Age only falls as the birth date gets later, so counting "65 and over" is comparing birth
    dates with this one date instead of computing every age (found by bisection on :func:`age`,
    so it agrees with it by construction).
    """
    lo = date(max(as_of.year - years - 2, 1), 1, 1).toordinal()  # old enough for any rule
    hi = as_of.toordinal()  # born today: the youngest possible
    if age(date.fromordinal(lo), as_of, rule) < years:
        raise ValueError(f"{years}歳以上になる生年月日がありません")
    while lo < hi:  # invariant: age(lo) >= years
        mid = (lo + hi + 1) // 2
        if age(date.fromordinal(mid), as_of, rule) >= years:
            lo = mid
        else:
            hi = mid - 1
    return date.fromordinal(lo)


# =============================================================================================
# Kana
# =============================================================================================

# Stand-alone 濁点/半濁点 (゛゜) become combining marks, so that 「ハ゛」 composes to 「バ」.
_SPACING_MARKS = str.maketrans({"\u309b": "\u3099", "\u309c": "\u309a"})
_WS_RUN = re.compile(r"\s+")


def _fixed_point(step: Callable[[str], str], text: str) -> str:
    """Apply ``step`` until nothing changes (normally once or twice), so the result is stable."""
    for _ in range(8):
        nxt = step(text)
        if nxt == text:
            break
        text = nxt
    return text


def _to_katakana_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_SPACING_MARKS))
    text = jaconv.hira2kata(text)
    return _WS_RUN.sub(" ", text).strip()


def to_katakana(text: str) -> str:
    """A フリガナ as full-width katakana: half-width → full-width, hiragana → katakana,
    whitespace runs (including U+3000) → one ASCII space, trimmed.

    「ﾀｶﾊｼ ﾀﾛｳ」 → 「タカハシ タロウ」, 「たかはし　たろう」 → 「タカハシ タロウ」.
    """
    if text is None:
        return ""
    return _fixed_point(_to_katakana_once, str(text))


_KATAKANA_READING = re.compile(r"[\u30a1-\u30fa\u30fb-\u30fe \u3000]+")


def is_katakana_reading(text: str) -> bool:
    """True if ``text`` is a non-blank reading made only of full-width katakana, ー, ・, ヽヾ
    and spaces (what a フリガナ field may hold after :func:`to_katakana`)."""
    return bool(text) and bool(text.strip(" \u3000")) and bool(_KATAKANA_READING.fullmatch(text))


# -- 五十音 (JIS X 4061) -------------------------------------------------------------------------

_ROWS = (
    "アイウエオ",
    "カキクケコ",
    "サシスセソ",
    "タチツテト",
    "ナニヌネノ",
    "ハヒフヘホ",
    "マミムメモ",
    "ヤユヨ",
    "ラリルレロ",
    "ワヰヱヲン",
)
#: Base kana (large, unvoiced) → its 行 for index tabs.
_ROW_OF = {k: row[0] for row in _ROWS for k in row}
#: Base kana → the vowel a following ー stands for (after ン it stands for ン).
_VOWEL_OF = {
    **{k: "アイウエオ"[i] for row in _ROWS[:7] + _ROWS[8:9] for i, k in enumerate(row)},
    "ヤ": "ア", "ユ": "ウ", "ヨ": "オ",
    "ワ": "ア", "ヰ": "イ", "ヱ": "エ", "ヲ": "オ", "ン": "ン",
}  # fmt: skip


def _build_kana_table() -> dict[str, tuple[str, int, int]]:
    """Every full-width katakana letter → (base kana, 清0/濁1/半濁2, large0/small1)."""
    table: dict[str, tuple[str, int, int]] = {}
    for cp in range(0x30A1, 0x30FB):
        ch = chr(cp)
        nfd = unicodedata.normalize("NFD", ch)
        base = nfd[0]
        voice = 1 if "\u3099" in nfd else 2 if "\u309a" in nfd else 0
        small = 0
        name = unicodedata.name(base)
        if "SMALL " in name:
            base = unicodedata.lookup(name.replace("SMALL ", ""))
            small = 1
        if base in _ROW_OF:
            table[ch] = (base, voice, small)
    return table


_KANA = _build_kana_table()
# Characters left out of the sort key entirely: controls, format characters (ZWJ, tags),
# surrogates, combining marks (variation selectors …) and the noncharacters (U+FDD0–FDEF,
# U+xFFFE/xFFFF), so U+10FFFF is above every character a key can hold.
_IGNORED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Mn", "Me"})


def _ignored(ch: str) -> bool:
    cp = ord(ch)
    return (
        0xFDD0 <= cp <= 0xFDEF
        or cp & 0xFFFE == 0xFFFE
        or unicodedata.category(ch) in _IGNORED_CATEGORIES
    )

_KEY_SEP = "\x01"  # between the levels of gojuon_sort_string; below every character used
_EMPTY_SORT_STRING = "\U0010ffff"  # above every character used: no reading sorts last
_SPACE = " "


def _kana_units(kana: str | None) -> list[list]:
    """The reading as units ``[level-1 char, voicing, small, long-mark]``.

    Level 1 is the large unvoiced kana (ー replaced by the preceding vowel), a space for a word
    break (whitespace or ・), or any other character as itself.
    """
    if not kana:
        return []
    text = unicodedata.normalize("NFKC", str(kana).translate(_SPACING_MARKS))
    text = jaconv.hira2kata(text)
    units: list[list] = []
    last_base: str | None = None  # the preceding kana, for ー and ヽヾ
    for ch in text:
        if ch in _KANA:
            base, voice, small = _KANA[ch]
            units.append([base, voice, small, 0])
            last_base = base
        elif ch == "ー":
            units.append([_VOWEL_OF[last_base], 0, 0, 1] if last_base else ["ー", 0, 0, 0])
        elif ch in "ヽヾ" and last_base:
            units.append([last_base, 1 if ch == "ヾ" else 0, 0, 0])
        elif ch in "\u3099\u309a":
            if units and units[-1][0] in _ROW_OF:
                units[-1][1] = max(units[-1][1], 1 if ch == "\u3099" else 2)
        elif ch.isspace() or ch == "・":
            if units and units[-1][0] != _SPACE:
                units.append([_SPACE, 0, 0, 0])
            last_base = None
        elif _ignored(ch):
            continue
        else:
            units.append([ch, 0, 0, 0])
            last_base = None
    while units and units[-1][0] == _SPACE:
        units.pop()
    return units


def gojuon_key(kana: str) -> tuple:
    """Sort key for a reading in 五十音順 following JIS X 4061.

    Level 1 compares the kana ignoring 濁点/半濁点 and small kana, with ー read as the vowel of
    the kana before it; hiragana, katakana and half-width kana are the same. Ties are broken,
    position by position, by 清音 < 濁音 < 半濁音, then large < small, then vowel < ー
    (は < ば < ぱ < はあ < ひ; きや < きゃ < きやく < きゃく < きゆ; ああく < あーく < ああけ).
    Spaces and ・ separate words (タカ ヒロ < タカギ). An empty reading sorts after all others.
    """
    units = _kana_units(kana)
    if not units:
        return (1,)
    return (
        0,
        "".join(u[0] for u in units),
        "".join(chr(0x30 + u[1]) for u in units),
        "".join(chr(0x30 + u[2]) for u in units),
        "".join(chr(0x30 + u[3]) for u in units),
    )


def gojuon_sort_string(kana: str) -> str:
    """:func:`gojuon_key` as one string: plain code point (SQLite BINARY) order is 五十音順.

    The levels are joined with U+0001, which is below every character a level can contain, so
    comparing the strings compares the levels in turn. Valid UTF-8 (no surrogates).
    """
    key = gojuon_key(kana)
    if key[0]:
        return _EMPTY_SORT_STRING
    return _KEY_SEP.join(key[1:])


def gojuon_row(kana: str) -> str:
    """The 行 of the first kana for index tabs: 「ア」「カ」…「ワ」 (ン is in ワ), or 「他」."""
    units = _kana_units(kana)
    if not units:
        return "他"
    return _ROW_OF.get(units[0][0], "他")


# =============================================================================================
# 電話番号
# =============================================================================================

_PHONE_CHARS = re.compile(r"^\+?[0-9()\-.\s]+$")


def normalize_phone(text: str, default_area_code: str | None = None) -> str:
    """A Japanese telephone number in the usual hyphenated form.

    「０７６－２２０－１２３４」「076(220)1234」「0762201234」 → ``"076-220-1234"``;
    ``"09012345678"`` → ``"090-1234-5678"``. A 6–8 digit local number without the leading 0
    gets ``default_area_code`` in front (「220-1234」 + 076 → ``"076-220-1234"``). Empty → ``""``.
    A number written with ``+`` and a foreign country code is kept in international form.
    Raises :class:`PhoneError` for anything that is not a valid number.
    """
    if text is None:
        return ""
    shown = str(text).strip()
    s = unicodedata.normalize("NFKC", str(text)).translate(_DASH_TABLE).strip()
    if not s:
        return ""
    if not _PHONE_CHARS.match(s):
        raise PhoneError(f"電話番号として読めません: '{shown}'")
    international = s.startswith("+")
    digits = re.sub(r"\D", "", s)
    if not international and not digits.startswith("0"):
        area = re.sub(r"\D", "", unicodedata.normalize("NFKC", default_area_code or ""))
        if area and not area.startswith("0"):
            area = "0" + area
        if not 6 <= len(digits) <= 8:
            raise PhoneError(f"電話番号として読めません: '{shown}'")
        if not area:
            raise PhoneError(f"電話番号は市外局番（0から始まる番号）から入力してください: '{shown}'")
        digits = area + digits
    try:
        import phonenumbers  # imported on first use: it costs ~20 ms at start-up

        number = phonenumbers.parse(("+" if international else "") + digits, "JP")
    except phonenumbers.NumberParseException:
        raise PhoneError(f"電話番号として読めません: '{shown}'") from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(f"電話番号として読めません: '{shown}'")
    if number.country_code == 81:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# =============================================================================================
# Search folding
# =============================================================================================

#: Name-kanji variants → the form most people type. Only characters that NFKC leaves alone
#: (U+FA11 﨑 is a unified ideograph and is not changed by NFKC; U+F9DC 隆 is, so it is not here).
_KANJI_VARIANTS = {
    "髙": "高", "﨑": "崎", "嵜": "崎", "邉": "辺", "邊": "辺",
    "齋": "斉", "齊": "斉", "斎": "斉", "𠮷": "吉", "德": "徳",
    "濱": "浜", "濵": "浜", "澤": "沢", "櫻": "桜", "廣": "広",
    "國": "国", "惠": "恵", "眞": "真", "龍": "竜", "冨": "富",
    "嶋": "島", "嶌": "島", "槇": "槙", "穗": "穂", "彌": "弥",
    "髮": "髪", "條": "条", "栁": "柳", "檜": "桧", "淵": "渕",
    "舘": "館", "萬": "万", "實": "実", "壽": "寿", "榮": "栄",
    "豐": "豊", "靜": "静", "瀧": "滝", "峯": "峰", "藏": "蔵",
    "戶": "戸", "桒": "桑", "圓": "円", "團": "団", "縣": "県",
    "會": "会", "學": "学", "鄕": "郷", "鷗": "鴎", "愽": "博",
}  # fmt: skip
_FOLD_TABLE = str.maketrans(_KANJI_VARIANTS)
# whitespace, ・ and hyphen-like separators (ー is kept: it is part of a reading),
# and variation selectors (葛󠄀 = 葛 + U+E0100)
_FOLD_DROP = re.compile(
    "[\\s・\\-‐‑‒–—―−\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def _search_fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_SPACING_MARKS)).casefold()
    text = unicodedata.normalize("NFKC", text)
    text = jaconv.hira2kata(text).translate(_FOLD_TABLE)
    return _FOLD_DROP.sub("", text)


def search_fold(text: str) -> str:
    """Fold text for search-as-you-type: the query and the stored text are both folded.

    NFKC (width), casefold, hiragana → katakana, no whitespace or ・/hyphens, no variation
    selectors, and common name-kanji variants folded, so 「たかはし」 finds 「タカハシ」,
    「高橋」 finds 「髙橋」, 「吉田」 finds 「𠮷田」 and 「葛城」 finds 「葛󠄀城」.
    """
    if text is None:
        return ""
    return _fixed_point(_search_fold_once, str(text))
