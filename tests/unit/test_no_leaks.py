"""No general output carries the restricted store of people who need help to evacuate.

Every public ``write_*`` of ``kyodo_desktop/export/`` (except ``support_docs``, the watermarked and
recorded way the list leaves the program) is found automatically and run against a register
holding people on the list — so a new export cannot be added without being checked here: it
fails until it is given its arguments in :data:`WRITERS`. Every file is read back (Excel with
openpyxl — cells, hidden sheets, page headers and footers —, CSV as text, PDF with pdftotext)
and must contain none of the list's details: reasons, care level, medical and route notes,
evacuation place, notes, 地域支援者 who are not in the register, nor the name, reading, address
or phone of anyone on the list who is not in the register. (People linked to the register appear
under their register entry as usual; at most a bare marker may say more.)
"""

from __future__ import annotations

import csv
import importlib
import inspect
import pkgutil
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import kyodo_desktop.export
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models import support as sp
from kyodo_desktop.models.japanese import fiscal_year

EXCLUDED = {"support_docs"}  # the one way the list leaves the program (tests/unit/test_support.py)
ALL_COLUMNS = ("block", "circulation_order", "household_no", "name", "kana", "relation", "birth_date", "postal_code",
               "address", "address_number", "address_building", "landline", "mobile", "email", "member_type", "status",
               "notes")
PURPOSES = ("OFFICER_INTERNAL", "BOSAI_SHARE", "MEIBO_DISTRIBUTE")


@dataclass
class Ctx:
    reg: Any
    fy: int
    event_id: int
    roster_ids: list[int]
    block_ids: list[int]
    check_ids: list[int]  # a drill and a real disaster (which marks everyone on the list)


def _circular(ctx: Ctx) -> Any:
    from kyodo_desktop.export.documents import Circular

    return Circular("防災訓練のお知らせ", ctx.reg.today(), None, "確認のみ", "集会所に集合してください。")


def _entries(ctx: Ctx) -> Any:
    from kyodo_desktop.models import audit

    return audit.query(ctx.reg)


def _books(ctx: Ctx) -> list[dict[str, Any]]:
    """The year of accounts opened with a dues plan and its dues assigned (the demo has none yet)."""
    from kyodo_desktop.models import accounts_book as ab

    ab.open_year(ctx.reg, ctx.fy)
    if not ab.get_dues_plan(ctx.reg, ctx.fy).instalments:
        start, _end = ab.year_range(ctx.reg, ctx.fy)
        ab.set_dues_plan(ctx.reg, ctx.fy, [("年額", start.replace(month=6, day=30))],
                         {c.name: 3000 for c in ab.list_dues_categories(ctx.reg)})
        ab.assess_dues(ctx.reg, ctx.fy)
    return [{"fiscal_year": ctx.fy}]


def _receipts(ctx: Ctx) -> list[dict[str, Any]]:
    """Dues paid by every household of the year (so people on the list get receipts too)."""
    from kyodo_desktop.models import accounts_book as ab

    _books(ctx)
    if not ab.list_payments(ctx.reg, ctx.fy):
        start, _end = ab.year_range(ctx.reg, ctx.fy)
        for line in ab.dues_for_year(ctx.reg, ctx.fy):
            if line.outstanding:
                ab.record_payment(ctx.reg, ab.PaymentData(line.household_id, ctx.fy, line.outstanding,
                                                          start.replace(month=5, day=10)))
    return [{"fiscal_year": ctx.fy}, {"fiscal_year": ctx.fy, "with_stub": False}]


def _subsidy(ctx: Ctx) -> list[dict[str, Any]]:
    from kyodo_desktop.models import subsidies as sb

    _books(ctx)
    cid, _w = sb.add_case(ctx.reg, sb.CaseData("地域コミュニティ活性化事業（コミュニティ活動事業）", ctx.fy, "交流事業",
                                               planned_cost=100000))
    sb.link_event(ctx.reg, cid, ctx.event_id)
    return [{"case_id": cid}]


def _handover(ctx: Ctx) -> list[dict[str, Any]]:
    """The checklist after a real hand-over to next year (new officers and 班長 on it)."""
    from kyodo_desktop.models import handover as ho

    _books(ctx)
    if not ctx.reg.rows("SELECT 1 FROM officers WHERE fiscal_year = ?", [ctx.fy + 1]):
        plan = ho.propose(ctx.reg, ctx.fy + 1)
        if not ho.check(ctx.reg, plan):
            ho.apply(ctx.reg, plan)
    return [{"fiscal_year": ctx.fy + 1, "register_copy": "copy.kyodo", "recovery_sheet": "sheet.pdf"}]


#: "module.writer" → (file suffix, the keyword arguments of each run besides ``reg`` and ``target``)
WRITERS: dict[str, tuple[str, Callable[[Ctx], list[dict[str, Any]]]]] = {
    "accounts_docs.write_budget": (".pdf", _books),
    "accounts_docs.write_collection_book": (".pdf", _books),
    "accounts_docs.write_settlement": (".pdf", _books),
    "accounts_docs.write_settlement_xlsx": (".xlsx", _books),
    "accounts_docs.write_receipts": (".pdf", _receipts),
    "handover_docs.write_handover_checklist": (".pdf", _handover),
    "subsidy_docs.write_subsidy_report": (".pdf", _subsidy),
    "yearly_report.write_yearly_report": (".xlsx", _books),
    "yearly_report.write_yearly_report_pdf": (".pdf", _books),
    "activity_summary.write_activity_summary": (".pdf", lambda c: [{"fiscal_year": c.fy}]),
    "activity_summary.write_activity_summary_xlsx": (".xlsx", lambda c: [{"fiscal_year": c.fy}]),
    "audit.write_audit_csv": (".csv", lambda c: [{"entries": _entries(c)}]),
    "bousai_docs.write_bousai_register": (".pdf", lambda c: [{}]),
    "bousai_docs.write_phone_tree": (".pdf", lambda c: [{}]),
    "bousai_docs.write_safety_sheets": (".pdf", lambda c: [{}, *({"check_id": k} for k in c.check_ids)]),
    "bousai_docs.write_safety_tally": (".pdf", lambda c: [{}, *({"check_id": k} for k in c.check_ids)]),
    "bousai_docs.write_safety_results": (".pdf", lambda c: [{"check_id": k} for k in c.check_ids]),
    "documents.write_circular": (".pdf", lambda c: [{"circular": _circular(c)}]),
    "documents.write_elders": (".pdf", lambda c: [{"age": 60}]),
    "documents.write_register_pdf": (".pdf", lambda c: [
        {"purpose": p, "columns": tuple(x for x in ALL_COLUMNS)} for p in PURPOSES]),
    "documents.write_labels": (".pdf", lambda c: [{}]),
    "documents.write_household_sheets": (".pdf", lambda c: [{}]),
    "documents.write_postcards": (".pdf", lambda c: [{}]),
    "documents.write_sign_in_sheet": (".pdf", lambda c: [{"event_id": c.event_id}]),
    "documents.write_rsvp_list": (".pdf", lambda c: [{"event_id": c.event_id}]),
    "events_xlsx.write_events_xlsx": (".xlsx", lambda c: [{"fiscal_year": c.fy}]),
    "hancho_sheet.write_hancho_workbook": (".xlsx", lambda c: [{"block_id": b} for b in c.block_ids]),
    "recovery_sheet.write_recovery_sheet": (".pdf", lambda c: [{
        "association": "デモ町会", "code": "ABCD-EFGH-JKLM-NPQR", "register_file": c.reg.path.name,
        "issued": datetime(2026, 11, 28, 10)}]),
    "register_xlsx.write_register_xlsx": (".xlsx", lambda c: [
        {"purpose": p, "columns": ALL_COLUMNS, "per_block": True} for p in PURPOSES]),
    "register_xlsx.write_register_csv": (".csv", lambda c: [{"purpose": p, "columns": ALL_COLUMNS} for p in PURPOSES]),
    "roster_docs.write_roster": (".pdf", lambda c: [{"roster_id": r} for r in c.roster_ids]),
    "roster_docs.write_duty_slips": (".pdf", lambda c: [{"roster_id": r} for r in c.roster_ids]),
    "roster_xlsx.write_roster_xlsx": (".xlsx", lambda c: [{"roster_id": r} for r in c.roster_ids]),
    "safety_xlsx.write_safety_results_xlsx": (".xlsx", lambda c: [{"check_id": k} for k in c.check_ids]),
}


def discover() -> dict[str, Callable[..., Any]]:
    """Every public ``write_*`` function defined in a module of ``kyodo_desktop.export``."""
    found = {}
    for info in pkgutil.iter_modules(kyodo_desktop.export.__path__):
        if info.name in EXCLUDED:
            continue
        module = importlib.import_module(f"kyodo_desktop.export.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("write_") and inspect.isfunction(obj) and obj.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = obj
    return found


def test_every_general_writer_is_in_the_table():
    found = discover()
    missing = sorted(set(found) - set(WRITERS))
    assert not missing, f"new exports must be added to WRITERS (with their arguments) so they are checked: {missing}"
    stale = sorted(set(WRITERS) - set(found))
    assert not stale, f"WRITERS names exports that no longer exist: {stale}"


# -- reading every output back ---------------------------------------------------------------------------


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)  # not read-only: hidden sheets, headers and footers too
    parts = []
    for ws in wb.worksheets:
        parts.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            parts.extend(str(v) for v in row if v is not None)
        for hf in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
            parts.extend(p.text or "" for p in (hf.left, hf.center, hf.right))
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    """The text as laid out (a name split by a full-width space stays on its line) and in reading
    order (a cell's text that wraps stays together): a needle is looked for in both."""
    if shutil.which("pdftotext"):
        return "\n".join(subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True, text=True,
                                        encoding="utf-8", check=True).stdout for mode in (["-layout"], []))
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _csv_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return "\n".join(",".join(r) for r in csv.reader(text.splitlines()))


def _read(path: Path) -> str:
    reader = {".xlsx": _xlsx_text, ".pdf": _pdf_text, ".csv": _csv_text}[path.suffix]
    return reader(path)


def _flat(text: str) -> str:
    return re.sub(r"[\s　]+", "", text)


# -- the register ------------------------------------------------------------------------------------------

#: details of the test's own entries: none may appear in a general output
DETAILS = dict(care_level="要介護5", evacuation_place="架空第九避難所", route_notes="裏の坂道から第七公園へ",
               medical_notes="透析中（白鳥内科で週3回）", notes="市番号Z-771・夜間は独り")
REASONS = ("難病", "精神障害", "知的障害")
OUTSIDER = sp.SupportPerson(name="要支援　太郎", kana="ヨウシエン タロウ", address="金沢市架空町99-99", phone="076-299-0371",
                            birth_date="1931-02-03", reasons=REASONS, consent="同意", **DETAILS)
FREE_HELPER = sp.Helper("支援者　花子", "090-7731-0771", "民生委員")


@pytest.fixture
def town(demo_register):
    reg = demo_register
    people = [r[0] for r in reg.conn.execute(
        "SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = '在籍' "
        "AND h.status = '加入' ORDER BY h.block_id, h.circulation_order, p.id LIMIT 3")]
    for n, pid in enumerate(people[:2]):
        sid = sp.save_support(reg, sp.SupportPerson(person_id=pid, reasons=REASONS, consent="同意",
                                                    **{k: f"{v}{n}" for k, v in DETAILS.items()}))
        sp.set_helpers(reg, sid, [sp.Helper(person_id=people[2], relation="隣人"), FREE_HELPER])
    sid = sp.save_support(reg, OUTSIDER)
    sp.set_helpers(reg, sid, [FREE_HELPER])
    sp.list_support(reg)  # a recorded look: the audit log is one of the outputs checked
    for kind in ("訓練", "災害"):
        check = sf.start_check(reg, kind, started_at="2026-11-28 09:00")
        for pid in people:
            sf.record(reg, check, pid, "無事", whereabouts="自宅", checked_at="2026-11-28 09:30")
    return reg


def _needles(reg) -> set[str]:
    """What may not leave through a general output: every detail of every entry, and everything
    about those who are not in the register; the 地域支援者 who are not in the register."""
    needles: set[str] = set(REASONS)
    for value in DETAILS.values():  # pieces too, in case an output wraps a long text over two lines
        needles.update(t for t in re.split(r"[（）()・、。/／\s]+", value) if len(t) >= 3)
    for s in sp._load(reg):  # (a shelter's name is public: only the test's own made-up one is a needle)
        texts = [s.care_level, s.route_notes, s.medical_notes, s.notes]
        if not s.linked:
            texts += [s.name, s.kana, s.address, s.phone]
        for h in s.helpers:
            if h.person_id is None:
                texts += [h.name, h.phone]
        for t in texts:
            needles.update(line for line in (_flat(x) for x in t.splitlines()) if len(line) >= 4)
    return needles


def test_no_general_output_shows_the_support_list(town, tmp_path):
    reg = town
    event = reg.conn.execute("SELECT id FROM events WHERE status <> '中止' ORDER BY starts_at DESC LIMIT 1").fetchone()
    ctx = Ctx(reg, fiscal_year(reg.today()), event[0], [r[0] for r in reg.conn.execute("SELECT id FROM rosters")],
              [r[0] for r in reg.conn.execute("SELECT id FROM blocks WHERE retired_on IS NULL")],
              [r[0] for r in reg.conn.execute("SELECT id FROM safety_checks ORDER BY id")])
    needles = _needles(reg)
    assert {"要支援太郎", "ヨウシエンタロウ", "透析中（白鳥内科で週3回）0", "支援者花子", "090-7731-0771"} <= needles
    found = discover()
    assert set(found) <= set(WRITERS), "see test_every_general_writer_is_in_the_table"
    leaks: list[str] = []
    ran = 0
    for key, fn in sorted(found.items()):
        suffix, variants = WRITERS[key]
        params = inspect.signature(fn).parameters
        for n, kwargs in enumerate(variants(ctx)):
            target = tmp_path / f"{key}-{n}{suffix}"
            args = {"reg": reg, "target": target, **kwargs}
            missing = [p.name for p in params.values() if p.default is inspect.Parameter.empty
                       and p.kind is not inspect.Parameter.VAR_KEYWORD and p.name not in args]
            assert not missing, f"{key}: give these arguments in WRITERS: {missing}"
            fn(**{k: v for k, v in args.items() if k in params})
            assert target.exists() and target.stat().st_size > 0, f"{key} wrote nothing"
            text = _flat(_read(target))
            assert text, f"{key}: nothing could be read back from {target.name}"
            leaks += [f"{key}[{n}]: {needle}" for needle in sorted(needles) if needle in text]
            ran += 1
    assert ran >= len(WRITERS)
    assert not leaks, "details of the support list appear in general outputs:\n" + "\n".join(leaks)


def test_the_check_would_see_a_leak(town, tmp_path):
    """The reading back finds what is there: the (watermarked) plan sheet does contain the details."""
    from kyodo_desktop.export.support_docs import write_individual_plan

    sid = next(s.id for s in sp._load(town) if not s.linked)
    write_individual_plan(town, tmp_path / "plan.pdf", support_id=sid, record=False)
    text = _flat(_read(tmp_path / "plan.pdf"))
    found = {n for n in _needles(town) if n in text}
    assert {"要支援太郎", "ヨウシエンタロウ", "支援者花子", "090-7731-0771", "透析中", "架空第九避難所"} <= found
