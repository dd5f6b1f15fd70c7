"""Demo yearly report workbooks of a whole city, for trying (and timing) ``kyodo consolidate``.

:func:`generate_reports` writes one workbook per association — believable 町会 in 62 校下 with
20–1,500 households, numbers that agree with each other (the 班 table adds up to the totals, the
accounts balance) — in one folder per 校下, and, when asked, a few files a 校下 office really
receives: a cut-off download, a CSV, a text file named .xlsx, another program's workbook, an empty
file, an Excel lock file, a report of last year, accounts that do not balance, a 班 table that does
not add up, a count typed as words, a missing 会長, a copy sent twice, and one with only a warning.
Everything is decided by ``seed``.

The workbooks are written by ``export.yearly_report.fill_workbook`` (the default template the
program itself writes) when it is there, else by :func:`save_report_cells`, which writes only the
mapped cells (what a workbook made by another tool in the same layout looks like). Writing is spread over the cores (a process pool, chunks of files) when there are many.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kyodo_desktop.models.demo_names import GIVEN_NAMES, SURNAMES
from kyodo_desktop.models.report_fields import (
    TABLES,
    FormMapping,
    ReportData,
    column_index,
    default_mapping,
    split_cell,
)

#: 62 校下 (地区) names in the style of Kanazawa's; data, not the city's official list
DISTRICTS: tuple[str, ...] = tuple(f"{n}校下" for n in (
    "長町", "芳斎", "馬場", "森山町", "味噌蔵町", "材木町", "小将町", "兼六", "新竪町", "菊川町",
    "野町", "弥生", "泉", "十一屋", "米丸", "押野", "富樫", "伏見台", "三馬", "西",
    "中村町", "戸板", "大徳", "二塚", "粟崎", "大野町", "金石町", "浅野町", "花園", "諸江町",
    "鞍月", "浅野川", "小坂", "千坂", "不動寺", "森本", "田上", "犀川", "杜の里", "崎浦",
    "湯涌", "内川", "扇台", "夕日寺", "医王山", "額", "四十万", "米泉", "明成", "南小立野",
    "東浅川", "瑞穂", "西南部", "木曳野", "安原", "鳴和", "小立野", "大浦", "田井", "薬師谷",
    "犀桜", "此花町",
))
_TOWN_HEADS = ("尾山", "香林", "広坂", "片町", "竪町", "石引", "東山", "笠市", "彦三", "昭和", "本多", "寺町",
               "泉野", "有松", "高畠", "円光寺", "窪", "三口", "疋田", "神谷内", "松寺", "北森本", "今町",
               "大桑", "若松", "涌波", "小坂", "百坂", "暁", "旭", "朝霧台", "長坂", "平和", "西金沢", "増泉",
               "玉鉾", "駅西", "鞍月", "示野", "藤江", "畝田", "専光寺", "大野", "無量寺", "湊", "八日市",
               "間明", "三十苅", "保古", "鳴和", "田井", "末", "銚子", "光が丘", "桜田", "桜町", "鶴間",
               "梅田", "柳町", "浅野本町")
_TOWN_TAILS = ("", "", "一丁目", "二丁目", "三丁目", "東", "西", "南", "北", "中", "上", "下", "新", "本", "第一",
               "第二", "台", "ヶ丘", "団地")
_KINDS = ("町会", "町会", "町会", "町内会", "自治会")
_EVENTS = (("4", "総会", "事業報告・決算の承認"), ("5", "春の一斉清掃", "道路・側溝の清掃"),
           ("6", "防災訓練", "避難所までの避難・安否確認"), ("7", "夏祭り", "子ども神輿・盆踊り"),
           ("8", "ラジオ体操", "子ども会と共催"), ("9", "敬老会", "75歳以上の方をお祝い"),
           ("10", "秋の一斉清掃", "公園の草刈り"), ("11", "資源回収", "古紙・缶の回収"),
           ("12", "夜回り", "火の用心の巡回"), ("1", "新年会", "役員・班長の会"), ("2", "雪かき", "通学路の除雪"),
           ("3", "役員会", "次年度の計画"))
_PLACES = ("町会館", "集会所", "公園", "公民館", "小学校体育館", "神社境内")
_ISSUES = ("空き家の見回り", "ごみ出しルールの周知", "担い手不足", "通学路の安全", "高齢者の見守り")


def _president(rng: random.Random) -> tuple[str, str]:
    surnames = [s for s in SURNAMES]
    family, family_kana, _w = rng.choices(surnames, weights=[s[2] for s in surnames])[0]
    males = [g for lo, _hi, male, _female in GIVEN_NAMES if lo <= 1960 for g in male]
    given, given_kana = rng.choice(males)
    return f"{family}　{given}", f"{family_kana} {given_kana}"


def _split(rng: random.Random, total: int, parts: int, *, minimum: int) -> list[int]:
    """``total`` split into ``parts`` random whole numbers, each at least ``minimum``."""
    rest = total - minimum * parts
    cuts = sorted(rng.randint(0, rest) for _ in range(parts - 1))
    bounds = [0, *cuts, rest]
    return [minimum + bounds[i + 1] - bounds[i] for i in range(parts)]


def demo_report(rng: random.Random, name: str, district: str, fiscal_year: int) -> ReportData:
    """One association's yearly report, its numbers consistent with each other."""
    households = int(20 * 75 ** rng.betavariate(1.4, 2.6))  # 20 … 1,500, most a few hundred
    members = max(1, round(households * rng.uniform(0.55, 0.97)))
    blocks = max(1, min(members, round(members / rng.uniform(9, 24))))
    member_split = _split(rng, members, blocks, minimum=1)
    non_split = _split(rng, households - members, blocks, minimum=0)
    rows = []
    for b in range(blocks):
        persons = max(member_split[b], round(member_split[b] * rng.uniform(1.7, 2.6)))
        a65 = round(persons * rng.uniform(0.22, 0.40))
        a75 = round(a65 * rng.uniform(0.40, 0.62))
        rows.append({"block": f"{b + 1}班", "member_households": member_split[b],
                     "non_member_households": non_split[b], "persons": persons, "aged_65": a65, "aged_75": a75,
                     "needs_help": round(a75 * rng.uniform(0.0, 0.1))})
    start = date(fiscal_year, 4, 1)
    events = []
    for month, title, content in rng.sample(_EVENTS, rng.randint(4, len(_EVENTS))):
        m = int(month)
        day = date(fiscal_year + (1 if m < 4 else 0), m, rng.randint(1, 28))
        events.append({"month": f"{m}月", "name": title, "content": content, "date": day,
                       "place": rng.choice(_PLACES), "participants": rng.randint(8, max(10, members // 3)),
                       "organiser": rng.choice(("総務部", "環境部", "防災部", "文化部", "福祉部", "青壮年部"))})
    events.sort(key=lambda e: e["date"])
    dues = rng.choice((2400, 3000, 3600, 4800, 6000))
    income_rows = [("会費", members * dues), ("市補助金", rng.randint(2, 30) * 10_000),
                   ("前年度繰越金", rng.randint(0, 80) * 5_000), ("雑収入", rng.randint(0, 40) * 1_000)]
    income = sum(v for _s, v in income_rows)
    spend = round(income * rng.uniform(0.7, 0.98))
    expense_rows = _split(rng, spend, 5, minimum=0)
    expense_subjects = ("事業費", "会議費", "校下連合会費", "防犯灯電気代", "事務費")
    settlement = [{"section": "収入", "subject": s, "budget": v, "actual": v, "difference": 0, "note": ""}
                  for s, v in income_rows]
    settlement += [{"section": "支出", "subject": s, "budget": v, "actual": v, "difference": 0, "note": ""}
                   for s, v in zip(expense_subjects, expense_rows, strict=True)]
    issues = [{"title": t, "stage": rng.choice(("検討中", "取り組み中", "話し合い")), "next_action": "役員会で相談",
               "partners": rng.choice(("民生委員", "地区社協", "交番", "小学校", ""))}
              for t in rng.sample(_ISSUES, rng.randint(0, 3))]
    president, kana = _president(rng)
    values: dict[str, Any] = {
        "association_name": name, "district": district, "fiscal_year": fiscal_year, "as_of": start,
        "president_name": president, "president_kana": kana,
        "president_address": f"石川県金沢市{name.removesuffix('町会').removesuffix('町内会').removesuffix('自治会')}"
                             f"{rng.randint(1, 30)}番{rng.randint(1, 20)}号",
        "president_phone": f"076-{rng.randint(200, 299)}-{rng.randint(0, 9999):04d}",
        "area_households": households, "member_households": members, "non_member_households": households - members,
        "persons": sum(r["persons"] for r in rows), "blocks": blocks,
        "aged_65": sum(r["aged_65"] for r in rows), "aged_75": sum(r["aged_75"] for r in rows),
        "needs_help": sum(r["needs_help"] for r in rows), "events": len(events),
        "participants": sum(e["participants"] for e in events), "income_total": income, "expense_total": spend,
        "carry_over": income - spend, "open_issues": len(issues),
    }
    return ReportData(values, {"blocks": rows, "events": events, "settlement": settlement, "issues": issues})


def association_names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` (町会名, 校下) pairs, each name once in its 校下; every 校下 has some when n ≥ 62."""
    out: list[tuple[str, str]] = []
    used: set[tuple[str, str]] = set()
    for i in range(n):
        district = DISTRICTS[i % len(DISTRICTS)] if i < len(DISTRICTS) else rng.choice(DISTRICTS)
        for attempt in range(50):
            name = rng.choice(_TOWN_HEADS) + rng.choice(_TOWN_TAILS) + rng.choice(_KINDS)
            if attempt > 20:
                name = f"{name.removesuffix('会')}第{attempt}会"
            if (name, district) not in used:
                break
        used.add((name, district))
        out.append((name, district))
    return out


def save_report_cells(data: ReportData, target: Path, mapping: FormMapping | None = None) -> Path:
    """Write only the values into the mapped cells (a plain workbook in the mapping's layout, as
    another tool would make it): the fields, each table's rows from its first row on, and a 合計
    row after one blank row under the 班 table."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    mapping = mapping or default_mapping()
    grid: dict[str, dict[int, dict[int, Any]]] = {s: {} for s in mapping.sheets}
    for key, ref in mapping.fields.items():
        sheet, letters, row = split_cell(ref)
        value = data.values.get(key)
        if value is not None:
            grid.setdefault(sheet, {}).setdefault(row, {})[column_index(letters)] = value
    for key, place in mapping.tables.items():
        rows = data.tables.get(key) or []
        cells = grid.setdefault(place.sheet, {})
        for n, r in enumerate(rows):
            line = cells.setdefault(place.first_row + n, {})
            for column, letters in place.columns.items():
                if r.get(column) not in (None, ""):
                    line[column_index(letters)] = r[column]
        if key == "blocks" and rows:
            line = cells.setdefault(place.first_row + len(rows) + 1, {})
            for column, letters in place.columns.items():
                line[column_index(letters)] = "合計" if column == "block" else \
                    sum(r[column] for r in rows if isinstance(r.get(column), int))
        header = cells.setdefault(place.first_row - 1, {})
        labels = dict(TABLES[key][1])
        for column, letters in place.columns.items():
            header.setdefault(column_index(letters), labels[column])
    wb = Workbook(write_only=True)

    def text(ws: Any, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # text, never a formula
            return cell
        return value

    for sheet, rows_of in grid.items():
        ws = wb.create_sheet(sheet)
        last = max(rows_of, default=0)
        for r in range(1, last + 1):
            line = rows_of.get(r, {})
            width = max(line, default=0)
            ws.append([text(ws, line.get(c)) for c in range(1, width + 1)])
    target = Path(target)
    wb.save(target)
    return target


def _writer() -> Callable[..., Path]:
    try:
        from kyodo_desktop.export.yearly_report import fill_workbook  # the program's own template
    except ImportError:
        return save_report_cells
    return lambda data, target, mapping=None: fill_workbook(data, target, mapping=mapping)


def _write_chunk(items: list[tuple[str, ReportData]], plain: bool) -> int:
    write = save_report_cells if plain else _writer()
    for target, data in items:
        write(data, Path(target))
    return len(items)


def generate_reports(folder: Path, n: int = 1346, *, seed: int = 0, fiscal_year: int = 2025, faults: bool = True,
                     workers: int | None = None, plain: bool = False) -> list[Path]:
    """Write ``n`` associations' report workbooks (one folder per 校下) and, with ``faults``, the
    faulty files of the module's docstring; returns every path written, sorted. ``plain``: write
    only the mapped cells even when the program's template writer is there."""
    if not 1 <= n <= 100_000:
        raise ValueError("n must be 1 … 100,000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    reports: list[tuple[Path, ReportData]] = []
    for i, (name, district) in enumerate(association_names(rng, n)):
        data = demo_report(rng, name, district, fiscal_year)
        reports.append((folder / district / f"{i + 1:04d}_{name}.xlsx", data))
    broken: dict[int, str] = {}
    if faults:
        kinds = ["wrong_year", "carry_over", "block_sum", "not_a_number", "no_president", "warning_only"]
        for index, kind in zip(rng.sample(range(n), min(n, len(kinds))), kinds, strict=False):
            broken[index] = kind
            _spoil(reports[index][1], kind)
    for d in {p.parent for p, _ in reports}:
        d.mkdir(exist_ok=True)
    n_workers = max(1, workers or os.cpu_count() or 1)
    items = [(str(p), d) for p, d in reports]
    if n_workers == 1 or n < 100:
        _write_chunk(items, plain)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(10, -(-n // (n_workers * 4)))
        with ProcessPoolExecutor(n_workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(_write_chunk, [items[s:s + size] for s in range(0, n, size)], [plain] * (-(-n // size))))
    written = [p for p, _ in reports]
    if faults:
        written += _fault_files(folder, rng, [p for i, (p, _) in enumerate(reports) if i not in broken])
    return sorted(written)


def _spoil(data: ReportData, kind: str) -> None:
    v = data.values
    if kind == "wrong_year":
        v["fiscal_year"] -= 1
        v["as_of"] = v["as_of"] - timedelta(days=365)
    elif kind == "carry_over":
        v["carry_over"] += 1_000
    elif kind == "block_sum":
        data.tables["blocks"][0]["persons"] += 3
    elif kind == "not_a_number":
        v["member_households"] = f"約{v['member_households']}"
    elif kind == "no_president":
        v["president_name"] = None
    elif kind == "warning_only":
        v["area_households"] = max(0, v["member_households"] - 5)


def _fault_files(folder: Path, rng: random.Random, good: list[Path]) -> list[Path]:
    """The files of the module's docstring that are not reports at all (or copies)."""
    from openpyxl import Workbook

    odd = folder / "その他"
    odd.mkdir(exist_ok=True)
    out: list[Path] = []
    sources = rng.sample(good, min(2, len(good)))
    if sources:
        cut = odd / f"途中で切れた_{sources[0].name}"
        data = sources[0].read_bytes()
        cut.write_bytes(data[: len(data) // 2])
        copy = odd / f"再提出_{sources[-1].name}"
        copy.write_bytes(sources[-1].read_bytes())
        lock = sources[0].parent / f"~${sources[0].name}"
        lock.write_bytes(b"\x0c\x00" + "会長".encode("utf-16-le") + b"\x00" * 40)
        out += [cut, copy, lock]
    csv = odd / "報告_CSVで提出.csv"
    csv.write_text("町会名,校下,加入世帯数\n東山町会,長町校下,120\n", encoding="utf-8-sig")
    text = odd / "報告書（テキスト）.xlsx"
    text.write_text("町会名: 東山町会\n加入世帯数: 120\n", encoding="utf-8")
    empty = odd / "空のファイル.xlsx"
    empty.write_bytes(b"")
    other = odd / "家計簿.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["日付", "品目", "金額"])
    ws.append([date(2025, 5, 1), "米", 4_200])
    wb.save(other)
    return out + [csv, text, empty, other]
