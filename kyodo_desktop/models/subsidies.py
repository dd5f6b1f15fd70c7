"""補助金 (subsidy cases), Qt-free. DOMAIN.md §1.1, §1.2-C.

**Programs** (``subsidy_programs``) hold a funder's rules as data, so that a city other than
Kanazawa — or Kanazawa next year — is a row, not code: the rate as a fraction (3/4, 8/10), a cap
per case and/or per unit (a 消火器 is 20,000円 a unit), rounding (「1,000円未満切り捨て」), the
steps a case goes through (事前相談 → 申請 → 交付決定 → 完了 → 実績報告 → 入金; ごみステーション adds
事前協議 before 申請), deadlines (apply within N days of the work; 実績報告 within N days of 完了 and
by the 年度 end), the attachments checklist, and how many years must pass before the same program
may be used again. :func:`compute_grant` works in exact integers and explains itself line by line,
as the officer would on paper.

**Cases** (``subsidy_cases``) belong to a program and a 年度. Their steps are dated rows that are
never changed: :func:`advance` moves to the next step; skipping a step needs a reason, going back
is an explicit, audited correction. :func:`record_receipt` writes the 入金 step and the 市補助金 line
of the cash book in one transaction. Cash-book entries belong to a case through
``ledger_entries.subsidy_ref`` = the case's ``uid``; events are linked with :func:`link_event`.
:func:`report_data` gathers what the 実績報告書 needs (``export/subsidy_docs.py`` prints it).

**A closed 年度**: its cases are locked (here and by triggers); only the money may still arrive,
into the cash book of the year it arrives in.

**Permissions**: reading needs ``register.read``; every change needs ``books.write`` (the 会計's
permission, :data:`accounts_book.BOOK_WRITE`).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

READ = ab.READ
WRITE = ab.BOOK_WRITE
#: the step written by :func:`record_receipt` only (it needs the cash-book line with it)
RECEIPT_STEP = "入金"
NOT_STARTED = "未着手"
MAX_DAYS = 3650


# -- programs: the rules as data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Program:
    id: int | None
    name: str
    rate_num: int
    rate_den: int
    funder: str = ""
    cap: int | None = None  # per case (per station, per time)
    unit_cap: int | None = None  # per unit (a 消火器 …)
    unit_label: str = ""
    households_per_unit: int | None = None  # about one unit per N member households
    rounding_unit: int = 1
    rounding_mode: str = "切り捨て"
    steps: tuple[str, ...] = schema.SUBSIDY_STEPS
    apply_within_days: int | None = None  # 申請 within N days of the work
    report_within_days: int | None = None  # 実績報告 within N days of 完了
    report_by_year_end: bool = True  # … and by the end of the 年度
    attachments: tuple[str, ...] = ()
    reuse_years: int | None = None  # not the same program again within N years
    notes: str = ""
    code: str | None = None
    retired_on: str | None = None

    @property
    def rate(self) -> str:
        return f"{self.rate_num}/{self.rate_den}"

    @property
    def rule(self) -> str:
        """The rule in one line: 「3/4、上限 150,000円、1,000円未満切り捨て」."""
        parts = [self.rate]
        if self.cap is not None:
            parts.append(f"上限 {self.cap:,}円")
        if self.unit_cap is not None:
            parts.append(f"1{self.unit_label or '単位'}あたり上限 {self.unit_cap:,}円")
        if self.rounding_unit > 1:
            parts.append(f"{self.rounding_unit:,}円未満{self.rounding_mode}")
        return "、".join(parts)


_PROGRAM_COLUMNS = ("id", "name", "rate_num", "rate_den", "funder", "cap", "unit_cap", "unit_label",
                    "households_per_unit", "rounding_unit", "rounding_mode", "steps", "apply_within_days",
                    "report_within_days", "report_by_year_end", "attachments", "reuse_years", "notes", "code",
                    "retired_on")


def _program_from_row(row: Sequence[Any]) -> Program:
    d = dict(zip(_PROGRAM_COLUMNS, row, strict=True))
    d["steps"] = tuple(json.loads(d["steps"]))
    d["attachments"] = tuple(json.loads(d["attachments"]))
    d["report_by_year_end"] = bool(d["report_by_year_end"])
    return Program(**d)


def list_programs(reg: Register, *, include_retired: bool = False) -> list[Program]:
    reg.session.require(READ)
    where = "" if include_retired else "WHERE retired_on IS NULL"
    return [_program_from_row(r) for r in reg.conn.execute(
        f"SELECT {', '.join(_PROGRAM_COLUMNS)} FROM subsidy_programs {where} ORDER BY sort_order, id")]


def get_program(reg: Register, program: int | str) -> Program:
    """A program by id, or by name (an unretired one)."""
    reg.session.require(READ)
    if isinstance(program, int) and not isinstance(program, bool):
        row = reg.conn.execute(f"SELECT {', '.join(_PROGRAM_COLUMNS)} FROM subsidy_programs WHERE id = ?",
                               [program]).fetchone()
    else:
        row = reg.conn.execute(f"SELECT {', '.join(_PROGRAM_COLUMNS)} FROM subsidy_programs WHERE name = ? "
                               "ORDER BY retired_on IS NOT NULL, id LIMIT 1", [str(program).strip()]).fetchone()
    if row is None:
        names = "・".join(p.name for p in list_programs(reg))
        raise ValidationError("補助制度", f"「{program}」という補助制度はありません（{names}）。", field="program")
    return _program_from_row(row)


def _opt_int(value: Any, label: str, column: str, *, minimum: int, maximum: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(label, f"{label}は整数で入力してください（{value!r}）。", field=column)
    try:
        n = int(str(value).replace(",", "").replace("円", "").strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(label, f"{label}は整数で入力してください（「{value}」）。", field=column) from None
    if n < minimum:
        raise ValidationError(label, f"{label}は{minimum:,}以上にしてください（{n:,}）。"
                              + ("マイナスにはできません。" if n < 0 else ""), field=column)
    if n > maximum:
        raise ValidationError(label, f"{label}が大きすぎます（{n:,}）。{maximum:,}以下にしてください。", field=column)
    return n


def _texts(values: Sequence[str], label: str, column: str) -> tuple[str, ...]:
    out = [clean_text(v, field=label, max_len=60, required=True, column=column) for v in values]
    dup = sorted({v for v in out if out.count(v) > 1})
    if dup:
        raise ValidationError(label, f"同じ項目が2回あります: {'・'.join(dup)}", field=column)
    return tuple(out)


def validate_program(p: Program) -> Program:
    """Check and normalise a program's rules; raises :class:`ValidationError` naming the field."""
    name = clean_text(p.name, field="補助制度の名前", max_len=80, required=True, column="name")
    num = _opt_int(p.rate_num, "補助率（分子）", "rate_num", minimum=1, maximum=1000)
    den = _opt_int(p.rate_den, "補助率（分母）", "rate_den", minimum=1, maximum=1000)
    if num is None or den is None:
        raise ValidationError("補助率", "補助率を分数で入力してください（例: 3/4）。", field="rate_num")
    if num > den:
        raise ValidationError("補助率", f"補助率 {num}/{den} が 1 を超えています。", field="rate_num")
    if p.rounding_mode not in schema.ROUNDING_MODES:
        raise ValidationError("端数", f"端数の扱いは {'・'.join(schema.ROUNDING_MODES)} のどれかです。",
                              field="rounding_mode")
    steps = _texts(p.steps, "手続きの段階", "steps")
    if not steps:
        raise ValidationError("手続きの段階", "段階を1つ以上入れてください。", field="steps")
    if steps[-1] != RECEIPT_STEP:
        raise ValidationError("手続きの段階", f"最後の段階は「{RECEIPT_STEP}」にしてください（出納簿への記帳と結び付きます）。",
                              field="steps")
    unit_cap = _opt_int(p.unit_cap, "1単位あたりの上限", "unit_cap", minimum=0, maximum=ab.MAX_AMOUNT)
    return replace(
        p, name=name, rate_num=num, rate_den=den,
        funder=clean_text(p.funder, field="窓口", max_len=80, column="funder"),
        cap=_opt_int(p.cap, "上限額", "cap", minimum=0, maximum=ab.MAX_AMOUNT),
        unit_cap=unit_cap,
        unit_label=clean_text(p.unit_label, field="単位", max_len=8, column="unit_label") or ("台" if unit_cap else ""),
        households_per_unit=_opt_int(p.households_per_unit, "何世帯に1単位か", "households_per_unit", minimum=1,
                                     maximum=10000),
        rounding_unit=_opt_int(p.rounding_unit, "端数の単位", "rounding_unit", minimum=1, maximum=1_000_000) or 1,
        steps=steps,
        apply_within_days=_opt_int(p.apply_within_days, "申請の期限（日数）", "apply_within_days", minimum=1,
                                   maximum=MAX_DAYS),
        report_within_days=_opt_int(p.report_within_days, "実績報告の期限（日数）", "report_within_days", minimum=1,
                                    maximum=MAX_DAYS),
        report_by_year_end=bool(p.report_by_year_end),
        attachments=_texts(p.attachments, "添付書類", "attachments"),
        reuse_years=_opt_int(p.reuse_years, "再度使えるまでの年数", "reuse_years", minimum=1, maximum=50),
        notes=clean_text(p.notes, field="備考", max_len=1000, multiline=True, column="notes"),
    )


def _program_values(p: Program) -> dict[str, Any]:
    return {"name": p.name, "funder": p.funder, "rate_num": p.rate_num, "rate_den": p.rate_den, "cap": p.cap,
            "unit_cap": p.unit_cap, "unit_label": p.unit_label, "households_per_unit": p.households_per_unit,
            "rounding_unit": p.rounding_unit, "rounding_mode": p.rounding_mode,
            "steps": json.dumps(list(p.steps), ensure_ascii=False), "apply_within_days": p.apply_within_days,
            "report_within_days": p.report_within_days, "report_by_year_end": int(p.report_by_year_end),
            "attachments": json.dumps(list(p.attachments), ensure_ascii=False), "reuse_years": p.reuse_years,
            "notes": p.notes}


def save_program(reg: Register, program: Program) -> int:
    """Add (``program.id`` None) or change a program's rules. Cases already made keep their
    checklist; a changed rate or cap applies to computations from now on."""
    reg.session.require(WRITE, "補助制度を登録する")
    p = validate_program(program)
    values = _program_values(p)
    clash = reg.conn.execute("SELECT id FROM subsidy_programs WHERE name = ? AND retired_on IS NULL AND id IS NOT ?",
                             [p.name, p.id]).fetchone()
    if clash:
        raise ValidationError("補助制度の名前", f"「{p.name}」はすでにあります。", field="name")
    with reg.writing("補助制度の保存"):
        now = reg.now()
        if p.id is None:
            order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM subsidy_programs").fetchone()[0]
            pid = int(reg.conn.execute(
                f"INSERT INTO subsidy_programs ({', '.join(values)}, sort_order, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(values))}, ?, ?, ?)", [*values.values(), order, now, now]).lastrowid)
            reg._audit_row("insert", "subsidy_programs", pid, f"補助制度「{p.name}」（{p.rule}）を登録しました",
                           after=values)
            return pid
        cols = ", ".join(values)
        old_row = reg.conn.execute(f"SELECT {cols} FROM subsidy_programs WHERE id = ?", [p.id]).fetchone()
        if old_row is None:
            raise RegisterError("この補助制度は台帳にありません。")
        old = dict(zip(values, old_row, strict=True))
        changed = {k: v for k, v in values.items() if old[k] != v}
        if changed:
            reg.conn.execute(f"UPDATE subsidy_programs SET {', '.join(f'{k} = ?' for k in changed)}, updated_at = ? "
                             "WHERE id = ?", [*changed.values(), now, p.id])
            reg._audit_row("update", "subsidy_programs", p.id, f"補助制度「{p.name}」の決まりを変えました",
                           before={k: old[k] for k in changed}, after=changed)
        return p.id


def retire_program(reg: Register, program: int | str) -> None:
    """No longer offered for new cases; its cases keep it."""
    reg.session.require(WRITE, "補助制度を使わなくする")
    p = get_program(reg, program)
    if p.retired_on:
        return
    today = reg.today().isoformat()
    with reg.writing("補助制度を使わなくする"):
        reg.conn.execute("UPDATE subsidy_programs SET retired_on = ?, updated_at = ? WHERE id = ?",
                         [today, reg.now(), p.id])
        reg._audit_row("update", "subsidy_programs", p.id, f"補助制度「{p.name}」を使わなくしました",
                       before={"retired_on": None}, after={"retired_on": today})


# -- the arithmetic --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrantCalc:
    """A grant worked out in whole yen, with the lines shown to the officer."""

    cost: int
    by_rate: int  # floor(cost × num / den)
    limit: int | None  # the smaller of the caps that apply (per case, per unit × units)
    limited_by: str  # "" / 上限 / 1台あたりの上限
    before_rounding: int
    amount: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _round(n: int, unit: int, mode: str) -> int:
    if unit <= 1:
        return n
    if mode == "四捨五入":
        return (2 * n + unit) // (2 * unit) * unit  # half a unit and more rounds up
    return n // unit * unit


def compute_grant(cost: int, program: Program, units: int | None = None) -> GrantCalc:
    """The grant for ``cost`` under ``program``: floor(cost × rate), then the caps (per case, and
    per unit × ``units``), then the rounding. Never more than a cap; with 切り捨て never more than
    cost × rate either (四捨五入 may round up by less than half a unit, but never above a cap).

    >>> compute_grant(213400, Program(None, "ごみ", 3, 4, cap=150000, rounding_unit=1000)).text
    '対象経費 213,400円 × 3/4 = 160,050円 → 上限 150,000円 → 1,000円未満切り捨て 150,000円'
    """
    if isinstance(cost, bool) or not isinstance(cost, int):
        raise ValidationError("対象経費", f"対象経費は円の整数で入力してください（{cost!r}）。", field="cost")
    if cost < 0:
        raise ValidationError("対象経費", f"対象経費をマイナスにはできません（{cost:,}円）。", field="cost")
    if program.unit_cap is not None:
        if units is None:
            raise ValidationError("数量", f"この補助は1{program.unit_label}あたりの上限があるため、数量を入力してください。",
                                  field="units")
        if isinstance(units, bool) or not isinstance(units, int) or units < 1:
            raise ValidationError("数量", f"数量は1以上の整数です（{units!r}）。", field="units")
    by_rate = cost * program.rate_num // program.rate_den
    lines = [f"対象経費 {cost:,}円 × {program.rate} = {by_rate:,}円"]
    limits: list[tuple[int, str, str]] = []
    if program.cap is not None:
        limits.append((program.cap, "上限", f"上限 {program.cap:,}円"))
    if program.unit_cap is not None and units is not None:
        per = program.unit_cap * units
        limits.append((per, f"1{program.unit_label}あたりの上限",
                       f"上限 {program.unit_cap:,}円 × {units}{program.unit_label} = {per:,}円"))
    limit = min((x[0] for x in limits), default=None)
    value, limited_by = by_rate, ""
    if limit is not None and by_rate > limit:
        cap, limited_by, shown = min(limits, key=lambda x: x[0])
        value = cap
        lines.append(f"→ {shown}")
    amount = _round(value, program.rounding_unit, program.rounding_mode)
    if limit is not None and amount > limit:  # 四捨五入 never rounds above a cap
        amount = limit // program.rounding_unit * program.rounding_unit
    if program.rounding_unit > 1:
        lines.append(f"→ {program.rounding_unit:,}円未満{program.rounding_mode} {amount:,}円")
    return GrantCalc(cost, by_rate, limit, limited_by, value, amount, tuple(lines))


# -- cases -----------------------------------------------------------------------------------------------


@dataclass
class CaseData:
    program: int | str
    fiscal_year: int
    title: str
    planned_cost: int | str | None = None
    actual_cost: int | str | None = None
    units: int | str | None = None
    work_on: str | date | None = None  # the day of the work (除排雪: apply within N days of it)
    notes: str = ""


@dataclass(frozen=True)
class SubsidyCase:
    id: int
    uid: str
    program_id: int
    program: str
    fiscal_year: int
    title: str
    status: str  # "" before the first step
    planned_cost: int | None
    actual_cost: int | None
    units: int | None
    granted: int | None
    received: int
    decision_no: str
    work_on: str | None
    notes: str
    cancelled_on: str | None
    cancel_reason: str
    created_at: str
    updated_at: str

    @property
    def status_label(self) -> str:
        if self.cancelled_on:
            return "取り下げ"
        return self.status or NOT_STARTED

    @property
    def year_label(self) -> str:
        return fiscal_year_label(self.fiscal_year)


_CASE_SELECT = """
    SELECT c.id, c.uid, c.program_id, p.name, c.fiscal_year, c.title, c.status, c.planned_cost, c.actual_cost,
           c.units, c.granted,
           -- what arrived: the 市補助金 lines of the cash book naming the case, their reversals netted
           coalesce((SELECT sum(e.amount) FROM ledger_entries e JOIN ledger_subjects s ON s.id = e.subject_id
                     WHERE e.subsidy_ref = c.uid AND s.code = 'subsidy' AND e.kind = '収入'), 0),
           c.decision_no, c.work_on, c.notes, c.cancelled_on, c.cancel_reason,
           c.created_at, c.updated_at
    FROM subsidy_cases c JOIN subsidy_programs p ON p.id = c.program_id
"""


def get_case(reg: Register, case_id: int) -> SubsidyCase:
    reg.session.require(READ)
    row = reg.conn.execute(_CASE_SELECT + " WHERE c.id = ?", [case_id]).fetchone()
    if row is None:
        raise RegisterError(f"補助金の記録（番号 {case_id}）は台帳にありません。")
    return SubsidyCase(*row)


def list_cases(reg: Register, *, fiscal_year: int | None = None, include_cancelled: bool = True) -> list[SubsidyCase]:
    reg.session.require(READ)
    where, params = ["1"], []
    if fiscal_year is not None:
        where.append("c.fiscal_year = ?")
        params.append(fiscal_year)
    if not include_cancelled:
        where.append("c.cancelled_on IS NULL")
    return [SubsidyCase(*r) for r in reg.conn.execute(
        _CASE_SELECT + f" WHERE {' AND '.join(where)} ORDER BY c.fiscal_year DESC, c.id", params)]


def _year_open_for_subsidy(reg: Register, fy: int) -> None:
    row = reg.conn.execute("SELECT state, closed_at FROM fiscal_years WHERE fiscal_year = ?", [fy]).fetchone()
    if row is not None and row[0] == "closed":
        raise ab.YearClosedError(f"{fiscal_year_label(fy)}は締め済みです（{(row[1] or '')[:10]}）。"
                                 "締めた年度の補助金は変えられません。")


def _check_case(reg: Register, data: CaseData) -> tuple[Program, dict[str, Any]]:
    program = get_program(reg, data.program)
    fy = ab._check_year_number(data.fiscal_year)
    work_on = None
    if data.work_on not in (None, ""):
        day = ab._day(data.work_on, "作業日・実施日", "work_on")
        if day > reg.today() + timedelta(days=366):
            raise ValidationError("作業日・実施日", f"作業日（{day.isoformat()}）が先すぎます。", field="work_on")
        work_on = day.isoformat()
    values = {
        "program_id": program.id, "fiscal_year": fy,
        "title": clean_text(data.title, field="事業名", max_len=80, required=True, column="title"),
        "planned_cost": _opt_int(data.planned_cost, "予定の経費", "planned_cost", minimum=0, maximum=ab.MAX_AMOUNT),
        "actual_cost": _opt_int(data.actual_cost, "実際の経費", "actual_cost", minimum=0, maximum=ab.MAX_AMOUNT),
        "units": _opt_int(data.units, "数量", "units", minimum=1, maximum=100000),
        "work_on": work_on,
        "notes": clean_text(data.notes, field="備考", max_len=1000, multiline=True, column="notes"),
    }
    if program.unit_cap is not None and values["units"] is None:
        raise ValidationError("数量", f"「{program.name}」は1{program.unit_label}あたりの上限があるため、数量を入力してください。",
                              field="units")
    return program, values


def case_warnings(reg: Register, data: CaseData, *, case_id: int | None = None) -> list[str]:
    """What the officer should know before making a case (it is not refused): the same program
    used within its re-use period, more units than the association's size allows, a 申請 deadline
    already past."""
    program, values = _check_case(reg, data)
    out = []
    if program.reuse_years:
        since = values["fiscal_year"] - program.reuse_years + 1
        rows = reg.conn.execute(
            "SELECT fiscal_year, title FROM subsidy_cases WHERE program_id = ? AND cancelled_on IS NULL "
            "AND fiscal_year BETWEEN ? AND ? AND id IS NOT ? ORDER BY fiscal_year",
            [program.id, since, values["fiscal_year"], case_id]).fetchall()
        if rows:
            fy, title = rows[-1]
            out.append(f"「{program.name}」は{fiscal_year_label(fy)}に「{title}」で使っています。同じ種類の補助は"
                       f"{program.reuse_years}年間受けられません（{fiscal_year_label(fy + program.reuse_years)}から）。")
    if program.households_per_unit and values["units"]:
        members = ab.member_households(reg, min(reg.today(), ab.year_range(reg, values["fiscal_year"])[1]))
        allowed = -(-members // program.households_per_unit)
        if values["units"] > max(allowed, 1):
            out.append(f"数量 {values['units']}{program.unit_label}は、会員 {members}世帯の目安"
                       f"（{program.households_per_unit}世帯に1{program.unit_label}: {max(allowed, 1)}{program.unit_label}）"
                       "より多くなっています。")
    if program.apply_within_days and values["work_on"]:
        due = date.fromisoformat(values["work_on"]) + timedelta(days=program.apply_within_days)
        if due < reg.today():
            out.append(f"作業日から{program.apply_within_days}日以内の申請期限（{to_wareki(due)}）を過ぎています。")
    return out


def _new_uid(fy: int) -> str:
    """A reference short enough to write on a receipt and in the cash book (its 摘要's 補助金 column):
    「補2026-3f9a1c」, the 年度 and six random hex digits."""
    return f"補{fy}-{secrets.token_hex(3)}"


def add_case(reg: Register, data: CaseData) -> tuple[int, list[str]]:
    """Make a case (not started: no step yet) with the program's attachments checklist. Returns
    its id and the warnings of :func:`case_warnings` (the re-use period …), which do not stop it."""
    reg.session.require(WRITE, "補助金の記録を作る")
    program, values = _check_case(reg, data)
    if program.retired_on:
        raise ValidationError("補助制度", f"補助制度「{program.name}」は使わなくなっています。", field="program")
    _year_open_for_subsidy(reg, values["fiscal_year"])
    warnings = case_warnings(reg, data)
    with reg.writing("補助金の記録の作成"):
        now = reg.now()
        uid = _new_uid(values["fiscal_year"])
        while reg.conn.execute("SELECT 1 FROM subsidy_cases WHERE uid = ?", [uid]).fetchone():
            uid = _new_uid(values["fiscal_year"])
        cid = int(reg.conn.execute(
            f"INSERT INTO subsidy_cases (uid, {', '.join(values)}, created_at, created_by, updated_at, updated_by) "
            f"VALUES (?, {', '.join('?' * len(values))}, ?, ?, ?, ?)",
            [uid, *values.values(), now, reg.actor, now, reg.actor]).lastrowid)
        reg.conn.executemany(
            "INSERT INTO subsidy_attachments (case_id, item, sort_order, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)",
            [(cid, item, n, now, reg.actor) for n, item in enumerate(program.attachments)])
        reg._audit_row("insert", "subsidy_cases", cid,
                       f"補助金「{program.name}」の記録「{values['title']}」（{fiscal_year_label(values['fiscal_year'])}、"
                       f"{uid}）を作りました" + (f"。注意: {' '.join(warnings)}" if warnings else ""),
                       after={"uid": uid, **values})
    return cid, warnings


def _require_changeable(reg: Register, case: SubsidyCase) -> None:
    if case.cancelled_on:
        raise RegisterError(f"「{case.title}」は取り下げ済みです（{case.cancelled_on}）。変更できません。")
    _year_open_for_subsidy(reg, case.fiscal_year)


def update_case(reg: Register, case_id: int, data: CaseData) -> None:
    """Change a case's title, costs, units, work date or notes (its program and 年度 too, while
    nothing but the start has happened). The 交付決定額 is set by :func:`advance`."""
    reg.session.require(WRITE, "補助金の記録を変更する")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    _program, values = _check_case(reg, data)
    if (values["program_id"], values["fiscal_year"]) != (case.program_id, case.fiscal_year) and case.status:
        raise RegisterError("手続きを始めた補助金は、制度や年度を変えられません。取り下げて作り直してください。")
    _year_open_for_subsidy(reg, values["fiscal_year"])
    old = {"program_id": case.program_id, "fiscal_year": case.fiscal_year, "title": case.title,
           "planned_cost": case.planned_cost, "actual_cost": case.actual_cost, "units": case.units,
           "work_on": case.work_on, "notes": case.notes}
    changed = {k: v for k, v in values.items() if old[k] != v}
    if not changed:
        return
    with reg.writing("補助金の記録の変更"):
        reg.conn.execute(f"UPDATE subsidy_cases SET {', '.join(f'{k} = ?' for k in changed)}, updated_at = ?, "
                         "updated_by = ? WHERE id = ?", [*changed.values(), reg.now(), reg.actor, case_id])
        reg._audit_row("update", "subsidy_cases", case_id, f"補助金の記録「{values['title']}」を変更しました",
                       before={k: old[k] for k in changed}, after=changed)


def cancel_case(reg: Register, case_id: int, reason: str) -> None:
    """取り下げ: the case stays, with its history, marked withdrawn (nothing is deleted)."""
    reg.session.require(WRITE, "補助金を取り下げる")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    reason = clean_text(reason, field="取り下げの理由", max_len=200, required=True, column="reason")
    if case.received:
        raise RegisterError(f"「{case.title}」は入金（{case.received:,}円）があるため取り下げられません。"
                            "返還した場合は、出納簿に記帳してから備考に書いてください。")
    today = reg.today().isoformat()
    with reg.writing("補助金の取り下げ"):
        reg.conn.execute("UPDATE subsidy_cases SET cancelled_on = ?, cancel_reason = ?, updated_at = ?, updated_by = ? "
                         "WHERE id = ?", [today, reason, reg.now(), reg.actor, case_id])
        reg._audit_row("update", "subsidy_cases", case_id, f"補助金「{case.title}」を取り下げました（{reason}）",
                       before={"cancelled_on": None}, after={"cancelled_on": today, "cancel_reason": reason})


# -- steps -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    id: int
    step: str
    on_date: str
    kind: str  # advance / skip / correction
    skipped: tuple[str, ...]
    due_on: str | None
    note: str
    ledger_entry_id: int | None
    entered_at: str
    entered_by: str


def list_steps(reg: Register, case_id: int) -> list[Step]:
    reg.session.require(READ)
    return [Step(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), *r[5:]) for r in reg.conn.execute(
        "SELECT id, step, on_date, kind, skipped, due_on, note, ledger_entry_id, entered_at, entered_by "
        "FROM subsidy_steps WHERE case_id = ? ORDER BY id", [case_id])]


def _current_step_date(reg: Register, case_id: int) -> date | None:
    row = reg.conn.execute("SELECT on_date FROM subsidy_steps WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                           [case_id]).fetchone()
    return date.fromisoformat(row[0]) if row else None


@dataclass(frozen=True)
class _Move:
    kind: str
    skipped: tuple[str, ...]
    day: date
    note: str


def _check_move(reg: Register, case: SubsidyCase, program: Program, step: str, on: Any, note: str,
                correction: bool) -> _Move:
    if step not in program.steps:
        raise ValidationError("段階", f"「{step}」は「{program.name}」の段階にありません"
                              f"（{' → '.join(program.steps)}）。", field="step")
    note = clean_text(note, field="理由・メモ", max_len=300, column="note")
    day = ab._day(on, "日付", "on")
    if day > reg.today():
        raise ValidationError("日付", f"日付（{to_wareki(day)}）が今日より後です。済んだことを記録してください。", field="on")
    here = program.steps.index(case.status) if case.status in program.steps else -1
    there = program.steps.index(step)
    if there == here:
        raise RegisterError(f"「{case.title}」はすでに「{step}」です。")
    if there < here:
        if not correction:
            raise RegisterError(f"「{case.title}」は「{case.status}」まで進んでいます。「{step}」に戻すのは訂正です"
                                "（訂正として、理由を書いて記録してください）。")
        if not note:
            raise ValidationError("理由・メモ", "前の段階に戻す理由を書いてください。", field="note")
        return _Move("correction", (), day, note)
    if correction:
        raise RegisterError(f"「{step}」は「{case.status_label}」より後の段階です。訂正ではなく、ふつうに進めてください。")
    last = _current_step_date(reg, case.id)
    if last is not None and day < last:
        raise ValidationError("日付", f"日付（{to_wareki(day)}）が前の段階「{case.status}」の日（{to_wareki(last)}）より前です。",
                              field="on")
    skipped = program.steps[here + 1:there]
    if skipped and not note:
        raise ValidationError("理由・メモ", f"「{'・'.join(skipped)}」をとばして「{step}」にする理由を書いてください。",
                              field="note")
    return _Move("skip" if skipped else "advance", tuple(skipped), day, note)


def _insert_step(reg: Register, case: SubsidyCase, step: str, move: _Move, due_on: str | None) -> int:
    sid = int(reg.conn.execute(
        "INSERT INTO subsidy_steps (case_id, step, on_date, kind, skipped, due_on, note, ledger_entry_id, entered_at, "
        "entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [case.id, step, move.day.isoformat(), move.kind, json.dumps(list(move.skipped), ensure_ascii=False), due_on,
         move.note, None, reg.now(), reg.actor]).lastrowid)
    reg.conn.execute("UPDATE subsidy_cases SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                     [step, reg.now(), reg.actor, case.id])
    what = {"advance": "に進めました", "skip": f"に進めました（{'・'.join(move.skipped)}をとばす: {move.note}）",
            "correction": f"に戻しました（訂正: {move.note}）"}[move.kind]
    reg._audit_row("insert", "subsidy_steps", sid, f"補助金「{case.title}」を「{case.status_label}」から「{step}」{what}"
                   f"（{move.day.isoformat()}）", before={"status": case.status},
                   after={"status": step, "on_date": move.day.isoformat(), "kind": move.kind,
                          "skipped": list(move.skipped), "note": move.note})
    return sid


def advance(reg: Register, case_id: int, step: str, on: str | date, note: str = "", *, correction: bool = False,
            granted: int | str | None = None, decision_no: str = "") -> int:
    """Record that the case reached ``step`` on ``on``. The next step in the program's order is the
    normal move; skipping steps needs ``note`` (the reason); going back needs ``correction=True``
    and a reason, and is kept as a correction row (the earlier rows stay). 交付決定 takes the
    decided amount (``granted``) and its number. The 入金 step is written by :func:`record_receipt`."""
    reg.session.require(WRITE, "補助金の手続きを記録する")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    program = get_program(reg, case.program_id)
    if step == RECEIPT_STEP and not correction:
        raise RegisterError("入金は「入金を記録」で、出納簿への記帳と一緒に記録してください。")
    if correction and case.received:
        raise RegisterError(f"「{case.title}」には入金（{case.received:,}円）の記録があるため、段階を戻せません。"
                            "入金が間違いなら、先に出納簿でその入金を取り消してください（取り消しの記帳）。")
    move = _check_move(reg, case, program, step, on, note, correction)
    amount = None
    if step == "交付決定" and move.kind != "correction":
        amount = _opt_int(granted, "交付決定額", "granted", minimum=0, maximum=ab.MAX_AMOUNT)
        if amount is None:
            raise ValidationError("交付決定額", "交付決定額を入力してください（交付決定通知書の金額）。", field="granted")
        decision_no = clean_text(decision_no, field="交付決定番号", max_len=40, column="decision_no")
    elif granted not in (None, ""):
        raise ValidationError("交付決定額", "交付決定額は「交付決定」のときに入力します。", field="granted")
    due = next((d.due_on for d in due_dates(reg, case_id) if d.step == step), None)
    with reg.writing("補助金の手続きの記録"):
        sid = _insert_step(reg, case, step, move, due.isoformat() if due else None)
        if amount is not None:
            reg.conn.execute("UPDATE subsidy_cases SET granted = ?, decision_no = ? WHERE id = ?",
                             [amount, decision_no, case_id])
            reg._audit_row("update", "subsidy_cases", case_id,
                           f"補助金「{case.title}」の交付決定額を {amount:,}円にしました"
                           + (f"（{decision_no}）" if decision_no else ""),
                           before={"granted": case.granted, "decision_no": case.decision_no},
                           after={"granted": amount, "decision_no": decision_no})
    return sid


def record_receipt(reg: Register, case_id: int, on: str | date, amount: int | str, account: int | str = "普通預金",
                   *, note: str = "") -> int:
    """The subsidy arrived: the 入金 step and a 収入 / 市補助金 line in the cash book (naming the case
    by its ``uid``), in one transaction — either both are written or neither. Refused: more than
    the 交付決定額, before 交付決定, a closed year in the cash book. Returns the cash-book entry id."""
    reg.session.require(WRITE, "補助金の入金を記録する")
    case = get_case(reg, case_id)
    if case.cancelled_on:
        raise RegisterError(f"「{case.title}」は取り下げ済みです（{case.cancelled_on}）。")
    program = get_program(reg, case.program_id)
    if case.granted is None:
        raise RegisterError(f"「{case.title}」はまだ交付決定の記録がありません。先に交付決定額を記録してください。")
    value = ab._yen(amount, "入金額")
    if case.received + value > case.granted:
        already = f"（すでに {case.received:,}円 の入金を記録済み）" if case.received else ""
        raise ValidationError("入金額", f"入金額 {value:,}円{already}が交付決定額 {case.granted:,}円より多くなっています。",
                              field="amount")
    move = _check_move(reg, case, program, RECEIPT_STEP, on, note, False)
    subsidy = ab.subject_by_code(reg, "subsidy")
    with reg.writing("補助金の入金の記録"):
        # the step first: a cash book that refuses the line (its year not open, a retired account)
        # must take the step back with it
        sid = _insert_step(reg, case, RECEIPT_STEP, move, None)
        eid = ab.add_entry(reg, ab.EntryData(
            move.day, "収入", value, account=account, subject=subsidy.id,
            memo=f"{program.name}「{case.title}」" + (f" {case.decision_no}" if case.decision_no else ""),
            subsidy_ref=case.uid))
        reg.conn.execute("UPDATE subsidy_steps SET ledger_entry_id = ? WHERE id = ?", [eid, sid])
        reg.conn.execute("UPDATE subsidy_cases SET received = received + ? WHERE id = ?", [value, case_id])
    return eid


# -- deadlines -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueDate:
    case_id: int
    title: str
    step: str  # the step that is due (申請, 実績報告 …)
    due_on: date
    basis: str  # why: 「作業日（1/20）から15日以内」
    done_on: date | None

    def days_left(self, today: date) -> int:
        return (self.due_on - today).days


def _step_dates(reg: Register, case_id: int) -> dict[str, date]:
    """The date each step was (last) reached, corrections undoing the steps after them."""
    dates: dict[str, date] = {}
    order: list[str] = []
    for step, on_date, kind in reg.conn.execute(
            "SELECT step, on_date, kind FROM subsidy_steps WHERE case_id = ? ORDER BY id", [case_id]):
        if kind == "correction" and step in order:
            for later in order[order.index(step) + 1:]:
                dates.pop(later, None)
            order = order[:order.index(step) + 1]
        else:
            order.append(step)
        dates[step] = date.fromisoformat(on_date)
    return dates


def due_dates(reg: Register, case_id: int) -> list[DueDate]:
    """The deadlines of a case under its program's rules: 申請 within N days of the work day;
    実績報告 within N days of 完了 and/or by the end of the 年度 (the earlier)."""
    reg.session.require(READ)
    case = get_case(reg, case_id)
    program = get_program(reg, case.program_id)
    done = _step_dates(reg, case_id)
    out = []
    if program.apply_within_days and case.work_on and "申請" in program.steps:
        work = date.fromisoformat(case.work_on)
        out.append(DueDate(case.id, case.title, "申請", work + timedelta(days=program.apply_within_days),
                           f"作業日（{to_wareki(work)}）から{program.apply_within_days}日以内", done.get("申請")))
    if "実績報告" in program.steps:
        candidates = []
        if program.report_within_days and "完了" in done:
            candidates.append((done["完了"] + timedelta(days=program.report_within_days),
                               f"完了（{to_wareki(done['完了'])}）から{program.report_within_days}日以内"))
        if program.report_by_year_end:
            end = ab.year_range(reg, case.fiscal_year)[1]
            candidates.append((end, f"{case.year_label}の終わり（{to_wareki(end)}）まで"))
        if candidates:
            due, basis = min(candidates)
            if len(candidates) > 1:
                basis = "、".join(b for _d, b in candidates) + "の早いほう"
            out.append(DueDate(case.id, case.title, "実績報告", due, basis, done.get("実績報告")))
    return out


def overdue(reg: Register, today: date, *, within_days: int = 0) -> list[DueDate]:
    """Deadlines not met by ``today`` (and, with ``within_days``, those due in the next days) of
    every case still running, the most urgent first: for the home page."""
    reg.session.require(READ)
    out = []
    for case in list_cases(reg, include_cancelled=False):
        for d in due_dates(reg, case.id):
            soon = within_days > 0 and d.due_on <= today + timedelta(days=within_days)
            if d.done_on is None and (d.due_on < today or soon):
                out.append(d)
    return sorted(out, key=lambda d: (d.due_on, d.case_id))


# -- attachments and events ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attachment:
    item: str
    done_on: str | None
    note: str

    @property
    def done(self) -> bool:
        return self.done_on is not None


def attachments(reg: Register, case_id: int) -> list[Attachment]:
    reg.session.require(READ)
    return [Attachment(*r) for r in reg.conn.execute(
        "SELECT item, done_on, note FROM subsidy_attachments WHERE case_id = ? ORDER BY sort_order, id", [case_id])]


def set_attachment(reg: Register, case_id: int, item: str, done: bool = True, *, on: str | date | None = None,
                   note: str = "") -> None:
    """Tick (or untick) an item of the checklist; an item not on it is added."""
    reg.session.require(WRITE, "添付書類を記録する")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    item = clean_text(item, field="添付書類", max_len=60, required=True, column="item")
    note = clean_text(note, field="メモ", max_len=200, column="note")
    day = (ab._day(on, "日付", "on") if on not in (None, "") else reg.today()).isoformat() if done else None
    row = reg.conn.execute("SELECT id, done_on, note FROM subsidy_attachments WHERE case_id = ? AND item = ?",
                           [case_id, item]).fetchone()
    with reg.writing("添付書類の記録"):
        if row is None:
            order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM subsidy_attachments WHERE case_id = ?",
                                     [case_id]).fetchone()[0]
            aid = int(reg.conn.execute(
                "INSERT INTO subsidy_attachments (case_id, item, sort_order, done_on, note, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [case_id, item, order, day, note, reg.now(), reg.actor]).lastrowid)
            reg._audit_row("insert", "subsidy_attachments", aid, f"補助金「{case.title}」の添付書類に「{item}」を加えました"
                           + ("（そろった）" if done else ""), after={"item": item, "done_on": day, "note": note})
            return
        reg.conn.execute("UPDATE subsidy_attachments SET done_on = ?, note = ?, updated_at = ?, updated_by = ? "
                         "WHERE id = ?", [day, note, reg.now(), reg.actor, row[0]])
        reg._audit_row("update", "subsidy_attachments", row[0],
                       f"補助金「{case.title}」の添付書類「{item}」を{'そろった' if done else 'まだ'}にしました",
                       before={"done_on": row[1], "note": row[2]}, after={"done_on": day, "note": note})


def linked_events(reg: Register, case_id: int) -> list[int]:
    reg.session.require(READ)
    return [r[0] for r in reg.conn.execute(
        "SELECT l.event_id FROM subsidy_events l JOIN events e ON e.id = l.event_id WHERE l.case_id = ? "
        "ORDER BY e.starts_at, e.id", [case_id])]


def link_event(reg: Register, case_id: int, event_id: int) -> None:
    """The event was (part of) the subsidised work: it goes in the 事業報告 of the 実績報告."""
    reg.session.require(WRITE, "行事を補助金に結び付ける")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    ev = reg.conn.execute("SELECT title, starts_at FROM events WHERE id = ?", [event_id]).fetchone()
    if ev is None:
        raise ValidationError("行事", "選ばれた行事が台帳にありません。", field="event_id")
    if reg.conn.execute("SELECT 1 FROM subsidy_events WHERE case_id = ? AND event_id = ?", [case_id, event_id]).fetchone():
        return
    with reg.writing("行事の結び付け"):
        reg.conn.execute("INSERT INTO subsidy_events (case_id, event_id, linked_at, linked_by) VALUES (?, ?, ?, ?)",
                         [case_id, event_id, reg.now(), reg.actor])
        reg._audit_row("insert", "subsidy_events", case_id, f"補助金「{case.title}」に行事「{ev[0]}」（{ev[1][:10]}）を"
                       "結び付けました", after={"case_id": case_id, "event_id": event_id})


def unlink_event(reg: Register, case_id: int, event_id: int) -> None:
    reg.session.require(WRITE, "行事と補助金の結び付きを外す")
    case = get_case(reg, case_id)
    _require_changeable(reg, case)
    ev = reg.conn.execute("SELECT title FROM events WHERE id = ?", [event_id]).fetchone()
    with reg.writing("行事の結び付きを外す"):
        n = reg.conn.execute("DELETE FROM subsidy_events WHERE case_id = ? AND event_id = ?", [case_id, event_id]).rowcount
        if n:
            reg._audit_row("delete", "subsidy_events", case_id,
                           f"補助金「{case.title}」から行事「{ev[0] if ev else event_id}」を外しました",
                           before={"case_id": case_id, "event_id": event_id})


# -- the 実績報告 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportEvent:
    id: int
    day: str
    title: str
    place: str
    participants: int
    status: str


@dataclass(frozen=True)
class ReportEntry:
    id: int
    day: str
    kind: str  # 収入 / 支出
    subject: str
    memo: str
    amount: int
    receipt_no: str


@dataclass(frozen=True)
class MoneyLine:
    label: str
    amount: int


@dataclass(frozen=True)
class SubsidyReport:
    association: str
    district: str
    chair: str
    case: SubsidyCase
    program: Program
    period: tuple[date, date]
    events: tuple[ReportEvent, ...]
    entries: tuple[ReportEntry, ...]  # reversed entries and their reversals left out (netted)
    actual_cost: int
    cost_source: str  # 出納簿 / 入力
    calc: GrantCalc  # the grant on the actual cost
    granted: int | None  # 交付決定額
    grant: int  # the smaller of the two
    income: tuple[MoneyLine, ...]  # 補助金, other income of the case, 自己負担
    expense: tuple[MoneyLine, ...]  # per subject
    attachments: tuple[Attachment, ...]
    steps: tuple[Step, ...]
    dues: tuple[DueDate, ...] = field(default=())

    @property
    def income_total(self) -> int:
        return sum(x.amount for x in self.income)

    @property
    def expense_total(self) -> int:
        return sum(x.amount for x in self.expense)


def _case_entries(reg: Register, case: SubsidyCase) -> list[ab.Entry]:
    years = [r[0] for r in reg.conn.execute(
        "SELECT DISTINCT fiscal_year FROM ledger_entries WHERE subsidy_ref = ? ORDER BY fiscal_year", [case.uid])]
    return [e for fy in years for e in ab.list_entries(reg, fy) if e.subsidy_ref == case.uid]


def report_data(reg: Register, case_id: int) -> SubsidyReport:
    """What the 実績報告書 says: the linked events (事業報告), the case's cash-book lines with
    reversals netted (収支決算), the actual cost from them (or as entered, when none are linked), the
    grant on the actual cost against the 交付決定額 (the smaller is paid), and the checklist."""
    from kyodo_desktop.models.activity import event_summary
    from kyodo_desktop.models.contacts import chairperson
    from kyodo_desktop.models.households import get_association

    reg.session.require(READ)
    case = get_case(reg, case_id)
    program = get_program(reg, case.program_id)
    events = []
    for eid in linked_events(reg, case_id):
        title, starts, place, status = reg.conn.execute(
            "SELECT title, starts_at, place, status FROM events WHERE id = ?", [eid]).fetchone()
        events.append(ReportEvent(eid, starts[:10], title, place, event_summary(reg, eid).total, status))
    entries = [ReportEntry(e.id, e.entry_date, e.kind, e.subject, e.memo, e.amount, e.receipt_no)
               for e in _case_entries(reg, case)
               if e.kind != "振替" and e.reverses_id is None and e.reversed_by is None]
    spent = [e for e in entries if e.kind == "支出"]
    if spent:
        actual, source = sum(e.amount for e in spent), "出納簿"
    else:
        actual, source = (case.actual_cost if case.actual_cost is not None else case.planned_cost or 0), "入力"
    calc = compute_grant(actual, program, case.units if program.unit_cap is not None else None)
    grant = calc.amount if case.granted is None else min(calc.amount, case.granted)
    by_subject: dict[str, int] = {}
    for e in spent:
        by_subject[e.subject] = by_subject.get(e.subject, 0) + e.amount
    if not spent and actual:
        by_subject["事業費"] = actual
    subsidy_subject = ab.subject_by_code(reg, "subsidy").name
    other: dict[str, int] = {}
    for e in entries:
        if e.kind == "収入" and e.subject != subsidy_subject:
            other[e.subject] = other.get(e.subject, 0) + e.amount
    income = [MoneyLine(f"補助金（{program.name}）", grant), *(MoneyLine(k, v) for k, v in other.items())]
    income.append(MoneyLine("自己負担（町会）", actual - grant - sum(other.values())))
    days = [date.fromisoformat(x.day) for x in events] + [date.fromisoformat(e.day) for e in spent]
    start, end = ab.year_range(reg, case.fiscal_year)
    period = (min(days), max(days)) if days else (start, end)
    assoc = get_association(reg)
    chair = chairperson(reg)
    return SubsidyReport(
        association=assoc["name"], district=assoc.get("district") or "",
        chair="" if chair == ("会長", "") else chair[0], case=case,  # (no 会長 on the register: a blank to fill in)
        program=program, period=period, events=tuple(events), entries=tuple(entries), actual_cost=actual,
        cost_source=source, calc=calc, granted=case.granted, grant=grant, income=tuple(income),
        expense=tuple(MoneyLine(k, v) for k, v in by_subject.items()), attachments=tuple(attachments(reg, case_id)),
        steps=tuple(list_steps(reg, case_id)), dues=tuple(due_dates(reg, case_id)))


# -- the demo -------------------------------------------------------------------------------------------


def add_demo_cases(reg: Register) -> list[int]:
    """Two believable cases of this 年度 for the demo association, through the model (so they obey
    its rules): a new ごみステーション box granted its capped 15万円, and the summer festival's
    application to the 地域コミュニティ活性化事業 waiting for its decision. Dates are relative to
    today and never in the future; nothing is made before the year's second month."""
    today = reg.today()
    fy = ab.year_of(reg, today)
    start, _end = ab.year_range(reg, fy)
    days = (today - start).days
    if days < 40:
        return []

    def on(k: int) -> date:  # the k-th fortieth of the way from the year's start to today
        return start + timedelta(days=days * k // 40)

    made = []
    gomi, _w = add_case(reg, CaseData("ごみステーション器材補助", fy, "第3ステーション 折りたたみ式ボックスの更新",
                                      planned_cost=213400, notes="見積り 213,400円（〇〇金物店）"))
    for k, step in ((2, "事前相談"), (5, "事前協議"), (9, "申請")):
        advance(reg, gomi, step, on(k))
    advance(reg, gomi, "交付決定", on(14), granted=150000, decision_no="金ご第125号")
    for item in attachments(reg, gomi)[:3]:
        set_attachment(reg, gomi, item.item, True, on=on(9))
    made.append(gomi)
    fest, _w = add_case(reg, CaseData("地域コミュニティ活性化事業（コミュニティ活動事業）", fy, "多世代交流の夏まつり",
                                      planned_cost=280000, notes="子ども会・長寿会・大学生ボランティアと共催"))
    advance(reg, fest, "事前相談", on(3))
    advance(reg, fest, "申請", on(8))
    made.append(fest)
    return made
