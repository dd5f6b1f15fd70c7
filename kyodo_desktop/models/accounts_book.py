"""会費・収支 (dues and the ledger), Qt-free. DOMAIN.md §0 (金沢方式), §1.2-B; issue 9.

(``accounts.py`` is the officers' log-in accounts; this module is the association's books.)

**Fiscal years.** A 年度 (April–March, or from the association's ``fiscal_year_start_month``)
is *opened* (:func:`open_year`: last year's dues plan and 校下 levy rates are copied as a start)
and, once the 決算 is done, *closed* (:func:`close_year`): the ledger must balance against the
balances the officer counted (現金) and read from the 通帳, every dues payment received in the year
must be in the cash book, and the previous year must be closed. Closing carries each account's
balance over as the next year's opening balance (its 前年度繰越金) and locks the year: any later
change to it is refused, here and by triggers in the schema; corrections go into the open year as
new entries, audited like everything else.

**Dues (会費).** Categories are data (``dues_categories``): a household pays by the first
category, in order, that matches its ``member_type`` / ``dues_category``. Each year has its
instalments (期別: 年1回, or 上期・下期 …) and an amount per category and instalment
(:func:`set_dues_plan`). What a household owes for a year is fixed per instalment when the year's
dues are assigned (:func:`assess_dues`, normally at the year's start; a household met for the first
time by a payment is assigned then), from its category at that moment, so editing a household
later never changes a past year; an officer may change one household's dues with a reason
(:func:`set_household_dues`: 減免, 月割 for a late joiner). Households owe for a year when they were
members (加入) on its first day or joined during it. Payments (:func:`record_payment`, per 班 in bulk
with :func:`record_block_payments`) must be more than zero and no more than what is still due;
a mistaken payment is cancelled by a reversing row (:func:`cancel_payment`), never deleted. Every
payment has a 領収書番号 (typed, or the next of the year's series: 「R8-00001」 for 令和8年度), shared
by the rows of what a household handed over at once, so one 領収書 can be printed for it. The
会計 posts what the 班長 handed in to the cash book as one 会費収入 entry (:func:`post_dues`).

**Cash book (金銭出納簿).** Entries are 収入 / 支出 with a subject (科目: data, with the usual
自治会 defaults, editable) or 振替 between two money accounts (預け入れ・引き出し); the amount is
always more than zero; an entry is never changed or deleted: a correction is a reversing entry
(:func:`reverse_entry`, the amount negated, same subject and accounts) followed by the right one.
No entry may take an account below zero on any day. Balances per account and overall at any date
(:func:`balances`), budgets per subject (:func:`set_budget`), and the 収支予算書 / 収支決算書 as
plain data (:func:`budget_statement`, :func:`settlement`) for the PDF and Excel writers.

**校下 levies.** Rates per 校下 and year are data (``levy_rates``: per member household per month or
per year, or a flat sum per 町会); :func:`levy` computes 世帯数 × 単価.

**Permissions** (checked here, so the CLI and every screen obey them):

* reading anything needs ``register.read``; dues lists are limited to the 班 the session sees;
* dues collection — assigning dues, recording, bulk-recording and cancelling payments — needs
  ``register.write`` (:data:`DUES_WRITE`) and, for a 班長 (block-scoped role), only households of
  their own 班: the 班長 collects the dues, as on the paper 会費集金簿;
* the books — the cash book, money accounts and opening balances, subjects, budgets, the dues plan
  and categories, a household's dues changed by decision, levy rates, posting dues, opening and
  closing a year — need ``association.write`` (:data:`BOOK_WRITE`), the permission for the
  association's own records, held by the 管理者 role. No new permission is added: a register whose
  会計 works under the 役員 role can grant that role ``association.write``
  (``accounts.set_role_permissions``) — which also lets it edit 班 and the association's details;
  a separate ``ledger.write`` would be a later, explicit choice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year as fiscal_year_of
from kyodo_desktop.models.japanese import (
    fiscal_year_label,
    fiscal_year_range,
    parse_date,
    wareki_year,
)
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError, clean_text

READ = "register.read"
#: dues collection: the 班長 of a 班 (block-scoped) for the households of their 班
DUES_WRITE = "register.write"
#: the association's books: cash book, budgets, subjects, accounts, closing (管理者 and 役員: the 会計 is an officer)
BOOK_WRITE = "books.write"

MAX_AMOUNT = 100_000_000  # ¥100 million for one entry or payment: anything above is a typing mistake
MAX_INSTALMENTS = 12


class YearClosedError(RegisterError):
    """The 年度 is closed (or was never opened): nothing in it can change."""


def yen(n: int) -> str:
    return f"{n:,}円" if n >= 0 else f"−{-n:,}円"


# -- small checks ---------------------------------------------------------------------------------------


def _yen(value: Any, label: str, column: str = "amount", *, allow_zero: bool = False,
         maximum: int = MAX_AMOUNT) -> int:
    """An amount of yen: an int, or text such as 「12,000円」「￥3000」. Never negative."""
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(label, "金額を入力してください。", field=column)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(label, f"金額は円の整数で入力してください（{value}）。", field=column)
        value = int(value)
    if isinstance(value, int):
        n = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = text.replace(",", "").replace("円", "").replace("¥", "").replace("\\", "").strip()
        text = text.replace("−", "-").replace("ー", "-")
        try:
            n = int(text)
        except ValueError:
            raise ValidationError(label, f"金額は円の整数で入力してください（「{value}」）。", field=column) from None
    if n < 0:
        raise ValidationError(label, f"金額をマイナスにはできません（{yen(n)}）。"
                              "まちがいを直すときは、元の記録を取り消してから入れ直してください。", field=column)
    if n == 0 and not allow_zero:
        raise ValidationError(label, "0円は記録できません。", field=column)
    if n > maximum:
        raise ValidationError(label, f"金額が大きすぎます（{yen(n)}）。桁を確かめてください。", field=column)
    return n


def _day(value: Any, label: str, column: str) -> date:
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():
        raise ValidationError(label, "日付を入力してください。", field=column)
    try:
        return parse_date(str(value).strip())
    except ValueError:
        raise ValidationError(label, f"日付として読めません: 「{value}」（例: 令和8年4月1日、2026-04-01）",
                              field=column) from None


def _choice(value: str, allowed: tuple[str, ...], label: str, column: str) -> str:
    if value not in allowed:
        raise ValidationError(label, f"{label}は {'・'.join(allowed)} のどれかです（「{value}」）。", field=column)
    return value


def _int_id(value: Any, label: str, column: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(label, f"番号が正しくありません（{value!r}）。", field=column)
    return value


# -- fiscal years ---------------------------------------------------------------------------------------


def start_month(reg: Register) -> int:
    row = reg.conn.execute("SELECT fiscal_year_start_month FROM association WHERE id = 1").fetchone()
    return int(row[0]) if row and row[0] else 4


def year_of(reg: Register, day: date) -> int:
    """The 年度 containing ``day`` under the association's start month."""
    return fiscal_year_of(day, start_month(reg))


def year_range(reg: Register, fy: int) -> tuple[date, date]:
    return fiscal_year_range(fy, start_month(reg))


@dataclass(frozen=True)
class FiscalYear:
    fiscal_year: int
    label: str  # 令和8年度
    start: date
    end: date
    state: str  # open / closed
    opened_at: str
    closed_at: str | None
    closed_by: str | None
    carry_over: int | None  # 次年度繰越金, fixed when closed

    @property
    def closed(self) -> bool:
        return self.state == "closed"

    @property
    def state_label(self) -> str:
        return schema.FISCAL_YEAR_STATE_LABELS[self.state]


def _year_row(reg: Register, fy: int) -> FiscalYear | None:
    row = reg.conn.execute("SELECT fiscal_year, state, opened_at, closed_at, closed_by, carry_over FROM fiscal_years "
                           "WHERE fiscal_year = ?", [fy]).fetchone()
    if row is None:
        return None
    start, end = year_range(reg, row[0])
    return FiscalYear(row[0], fiscal_year_label(row[0]), start, end, row[1], row[2], row[3], row[4], row[5])


def list_years(reg: Register) -> list[FiscalYear]:
    reg.session.require(READ)
    return [y for (fy,) in reg.conn.execute("SELECT fiscal_year FROM fiscal_years ORDER BY fiscal_year")
            if (y := _year_row(reg, fy)) is not None]


def get_year(reg: Register, fy: int) -> FiscalYear:
    reg.session.require(READ)
    year = _year_row(reg, fy)
    if year is None:
        raise YearClosedError(f"{fiscal_year_label(fy)}の帳簿はまだ開かれていません。先に「年度を開く」を行ってください。")
    return year


def _require_open(reg: Register, fy: int) -> FiscalYear:
    year = _year_row(reg, fy)
    if year is None:
        raise YearClosedError(f"{fiscal_year_label(fy)}の帳簿はまだ開かれていません。先に「年度を開く」を行ってください。")
    if year.closed:
        raise YearClosedError(
            f"{year.label}は締め済みです（{(year.closed_at or '')[:10]} {year.closed_by or ''}）。締めた年度は変えられません。"
            "訂正は、記帳中の年度に新しい記帳として入れてください。")
    return year


def _check_year_number(fy: Any) -> int:
    if isinstance(fy, bool) or not isinstance(fy, int) or not 1900 <= fy <= 2200:
        raise ValidationError("年度", f"年度は西暦の年で指定してください（例: 令和8年度 → 2026）（{fy!r}）。", field="fiscal_year")
    return fy


def _shift_year(iso: str) -> str:
    day = date.fromisoformat(iso)
    try:
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28).isoformat()


def _open(reg: Register, fy: int) -> bool:
    """Create year ``fy`` (inside a transaction), copying last year's dues plan and levy rates.
    False if it already existed."""
    if _year_row(reg, fy) is not None:
        return False
    c = reg.conn
    c.execute("INSERT INTO fiscal_years (fiscal_year, state, opened_at, opened_by) VALUES (?, 'open', ?, ?)",
              [fy, reg.now(), reg.actor])
    copied = []
    if c.execute("SELECT 1 FROM dues_instalments WHERE fiscal_year = ?", [fy - 1]).fetchone():
        for no, label, due_on in c.execute("SELECT no, label, due_on FROM dues_instalments WHERE fiscal_year = ? "
                                           "ORDER BY no", [fy - 1]).fetchall():
            c.execute("INSERT INTO dues_instalments (fiscal_year, no, label, due_on) VALUES (?, ?, ?, ?)",
                      [fy, no, label, _shift_year(due_on)])
        c.execute("INSERT INTO dues_amounts (fiscal_year, category_id, instalment_no, amount) "
                  "SELECT ?, a.category_id, a.instalment_no, a.amount FROM dues_amounts a "
                  "JOIN dues_categories k ON k.id = a.category_id WHERE a.fiscal_year = ? AND k.retired_on IS NULL",
                  [fy, fy - 1])
        copied.append("会費の額")
    if not c.execute("SELECT 1 FROM levy_rates WHERE fiscal_year = ?", [fy]).fetchone():
        n = c.execute("INSERT INTO levy_rates (district, fiscal_year, name, payee, basis, rate, subject_id, sort_order, notes) "
                      "SELECT district, ?, name, payee, basis, rate, subject_id, sort_order, notes FROM levy_rates "
                      "WHERE fiscal_year = ?", [fy, fy - 1]).rowcount
        if n:
            copied.append("校下への負担金の単価")
    label = fiscal_year_label(fy)
    reg._audit_row("insert", "fiscal_years", fy, f"{label}の帳簿を開きました"
                   + (f"（前年度の{'・'.join(copied)}を写しました）" if copied else ""), after={"fiscal_year": fy})
    return True


def open_year(reg: Register, fy: int) -> FiscalYear:
    """Open 年度 ``fy`` for entries (nothing happens when it is open already). Last year's dues plan
    (due dates a year on) and levy rates are copied as a start; a closed previous year has already
    carried its balances over. A year further ahead than next year, or before a closed one, is refused."""
    reg.session.require(BOOK_WRITE, "年度の帳簿を開く")
    fy = _check_year_number(fy)
    existing = _year_row(reg, fy)
    if existing is not None:
        return existing
    this = year_of(reg, reg.today())
    if fy > this + 1:
        raise ValidationError("年度", f"{fiscal_year_label(fy)}はまだ先の年度です（開けるのは来年度の"
                              f"{fiscal_year_label(this + 1)}まで）。", field="fiscal_year")
    later = reg.conn.execute("SELECT max(fiscal_year) FROM fiscal_years WHERE state = 'closed' AND fiscal_year > ?",
                             [fy]).fetchone()[0]
    if later is not None:
        raise ValidationError("年度", f"{fiscal_year_label(later)}が締め済みのため、それより前の"
                              f"{fiscal_year_label(fy)}はあとから開けません。", field="fiscal_year")
    with reg.writing("年度の帳簿を開く"):
        _open(reg, fy)
    year = _year_row(reg, fy)
    assert year is not None
    return year


# -- dues categories and the plan of a year -------------------------------------------------------------


@dataclass(frozen=True)
class DuesCategory:
    id: int
    name: str
    match_member_type: str | None  # None: any
    match_dues_category: str | None  # None: any
    sort_order: int
    notes: str
    retired_on: str | None

    def matches(self, member_type: str, dues_category: str) -> bool:
        return (self.match_member_type in (None, member_type)
                and self.match_dues_category in (None, dues_category))

    @property
    def rule(self) -> str:
        parts = [p for p in (self.match_member_type, self.match_dues_category) if p]
        return "・".join(parts)


def list_dues_categories(reg: Register, *, include_retired: bool = False) -> list[DuesCategory]:
    """In the order they are matched against a household (the first that matches is its category)."""
    reg.session.require(READ)
    where = "" if include_retired else "WHERE retired_on IS NULL"
    return [DuesCategory(*r) for r in reg.conn.execute(
        "SELECT id, name, match_member_type, match_dues_category, sort_order, notes, retired_on "
        f"FROM dues_categories {where} ORDER BY sort_order, id")]


def category_for(categories: Iterable[DuesCategory], member_type: str, dues_category: str) -> DuesCategory | None:
    for cat in categories:
        if cat.retired_on is None and cat.matches(member_type, dues_category):
            return cat
    return None


def save_dues_category(reg: Register, name: str, *, match_member_type: str | None = None,
                       match_dues_category: str | None = None, notes: str = "",
                       category_id: int | None = None) -> int:
    """Add a dues category (matched before the existing ones, so a narrower rule wins) or change one.
    A category must match on the 会員区分, the 会費区分, or both."""
    reg.session.require(BOOK_WRITE, "会費の種類を決める")
    name = clean_text(name, field="会費の種類", max_len=30, required=True, column="name")
    member_type = match_member_type or None
    dues_category = match_dues_category or None
    if member_type is not None:
        _choice(member_type, schema.MEMBER_TYPES, "会員区分", "match_member_type")
    if dues_category is not None:
        _choice(dues_category, schema.DUES_CATEGORIES, "会費区分", "match_dues_category")
    if member_type is None and dues_category is None:
        raise ValidationError("当てはまる世帯", "会員区分か会費区分（または両方）を選んでください。", field="match_member_type")
    notes = clean_text(notes, field="備考", max_len=200, column="notes")
    clash = reg.conn.execute("SELECT id FROM dues_categories WHERE name = ?", [name]).fetchone()
    if clash and clash[0] != category_id:
        raise ValidationError("会費の種類", f"「{name}」はすでにあります。", field="name")
    values = {"name": name, "match_member_type": member_type, "match_dues_category": dues_category, "notes": notes}
    with reg.writing("会費の種類の保存"):
        if category_id is None:
            order = reg.conn.execute("SELECT coalesce(min(sort_order), 0) - 1 FROM dues_categories").fetchone()[0]
            cid = int(reg.conn.execute(
                "INSERT INTO dues_categories (name, match_member_type, match_dues_category, notes, sort_order) "
                "VALUES (?, ?, ?, ?, ?)", [name, member_type, dues_category, notes, order]).lastrowid)
            reg._audit_row("insert", "dues_categories", cid, f"会費の種類「{name}」を追加しました", after=values)
            return cid
        row = reg.conn.execute("SELECT name, match_member_type, match_dues_category, notes FROM dues_categories "
                               "WHERE id = ?", [category_id]).fetchone()
        if row is None:
            raise RegisterError("この会費の種類は台帳にありません。")
        before = dict(zip(values, row, strict=True))
        reg.conn.execute("UPDATE dues_categories SET name = ?, match_member_type = ?, match_dues_category = ?, notes = ? "
                         "WHERE id = ?", [name, member_type, dues_category, notes, category_id])
        reg._audit_row("update", "dues_categories", category_id, f"会費の種類「{name}」を変更しました",
                       before=before, after=values)
        return category_id


def retire_dues_category(reg: Register, category_id: int) -> None:
    """No longer used for new years; past years keep it."""
    reg.session.require(BOOK_WRITE, "会費の種類を使わなくする")
    row = reg.conn.execute("SELECT name, retired_on FROM dues_categories WHERE id = ?", [category_id]).fetchone()
    if row is None:
        raise RegisterError("この会費の種類は台帳にありません。")
    if row[1]:
        return
    with reg.writing("会費の種類を使わなくする"):
        reg.conn.execute("UPDATE dues_categories SET retired_on = ? WHERE id = ?", [reg.today().isoformat(), category_id])
        reg._audit_row("update", "dues_categories", category_id, f"会費の種類「{row[0]}」を使わなくしました",
                       before={"retired_on": None}, after={"retired_on": reg.today().isoformat()})


@dataclass(frozen=True)
class Instalment:
    label: str  # 年額 / 上期 / 下期 / 4月 …
    due_on: str  # ISO: 納期限
    no: int = 0


@dataclass(frozen=True)
class DuesPlan:
    fiscal_year: int
    instalments: tuple[Instalment, ...]
    amounts: dict[str, tuple[int, ...]]  # category name → amount per instalment (in instalment order)

    def annual(self, category: str) -> int:
        return sum(self.amounts.get(category, ()))


def get_dues_plan(reg: Register, fy: int) -> DuesPlan:
    reg.session.require(READ)
    instalments = tuple(Instalment(label, due, no) for no, label, due in reg.conn.execute(
        "SELECT no, label, due_on FROM dues_instalments WHERE fiscal_year = ? ORDER BY no", [fy]))
    amounts: dict[str, list[int]] = {}
    index = {i.no: k for k, i in enumerate(instalments)}
    for name, no, amount in reg.conn.execute(
            "SELECT k.name, a.instalment_no, a.amount FROM dues_amounts a JOIN dues_categories k ON k.id = a.category_id "
            "WHERE a.fiscal_year = ? ORDER BY k.sort_order, k.id, a.instalment_no", [fy]):
        amounts.setdefault(name, [0] * len(instalments))[index[no]] = amount
    return DuesPlan(fy, instalments, {k: tuple(v) for k, v in amounts.items()})


def set_dues_plan(reg: Register, fy: int, instalments: Sequence[Instalment | tuple[str, Any]],
                  amounts: Mapping[str, int | str | Sequence[int | str]]) -> DuesPlan:
    """The instalments of year ``fy`` (label and 納期限, in order) and, for every dues category in
    use, its amount per instalment (a single number when there is one instalment). Refused once
    dues have been assigned to households for the year (change one household with
    :func:`set_household_dues` instead)."""
    reg.session.require(BOOK_WRITE, "会費の額を決める")
    _require_open(reg, fy)
    if reg.conn.execute("SELECT 1 FROM dues_assessments WHERE fiscal_year = ? LIMIT 1", [fy]).fetchone():
        raise RegisterError(f"{fiscal_year_label(fy)}の会費はすでに世帯に割り当てられているため、期別や額は変えられません。"
                            "世帯ごとの額を変えるには「この世帯の会費を変える」を使ってください。")
    start, end = year_range(reg, fy)
    clean: list[Instalment] = []
    if not 1 <= len(instalments) <= MAX_INSTALMENTS:
        raise ValidationError("期別", f"期別は1〜{MAX_INSTALMENTS}回で決めてください（{len(instalments)}回）。", field="instalments")
    for no, item in enumerate(instalments, start=1):
        label, due = (item.label, item.due_on) if isinstance(item, Instalment) else item
        label = clean_text(label, field=f"{no}回目の名前", max_len=20, required=True, column="label")
        day = _day(due, f"{label}の納期限", "due_on")
        if not start <= day <= end:
            raise ValidationError(f"{label}の納期限", f"{day.isoformat()}は{fiscal_year_label(fy)}"
                                  f"（{start.isoformat()}〜{end.isoformat()}）の外です。", field="due_on")
        if any(i.label == label for i in clean):
            raise ValidationError("期別", f"「{label}」が二度あります。", field="label")
        if clean and day < date.fromisoformat(clean[-1].due_on):
            raise ValidationError(f"{label}の納期限", "納期限は早い順に並べてください。", field="due_on")
        clean.append(Instalment(label, day.isoformat(), no))
    categories = {c.name: c for c in list_dues_categories(reg)}
    for name in amounts:
        if name not in categories:
            raise ValidationError("会費の種類", f"「{name}」という会費の種類はありません（{'・'.join(categories)}）。",
                                  field="amounts")
    rows: list[tuple[int, int, int]] = []
    for name, cat in categories.items():
        if name not in amounts:
            raise ValidationError(name, "この会費の種類の額を入力してください（納めない種類は0円）。", field="amounts")
        given = amounts[name]
        values = list(given) if isinstance(given, Sequence) and not isinstance(given, str) else [given]
        if len(values) != len(clean):
            raise ValidationError(name, f"期別（{'・'.join(i.label for i in clean)}）ごとに{len(clean)}つの額を入力してください。",
                                  field="amounts")
        for inst, value in zip(clean, values, strict=True):
            rows.append((cat.id, inst.no, _yen(value, f"{name}（{inst.label}）", "amounts", allow_zero=True,
                                               maximum=10_000_000)))
    before = get_dues_plan(reg, fy)
    with reg.writing("会費の額を決める"):
        reg.conn.execute("DELETE FROM dues_amounts WHERE fiscal_year = ?", [fy])
        reg.conn.execute("DELETE FROM dues_instalments WHERE fiscal_year = ?", [fy])
        reg.conn.executemany("INSERT INTO dues_instalments (fiscal_year, no, label, due_on) VALUES (?, ?, ?, ?)",
                             [(fy, i.no, i.label, i.due_on) for i in clean])
        reg.conn.executemany("INSERT INTO dues_amounts (fiscal_year, category_id, instalment_no, amount) "
                             "VALUES (?, ?, ?, ?)", [(fy, *r) for r in rows])
        after = get_dues_plan(reg, fy)
        reg._audit_row("update", "dues_amounts", fy, f"{fiscal_year_label(fy)}の会費（"
                       + "・".join(f"{n} {yen(after.annual(n))}" for n in after.amounts) + "）を決めました",
                       before=_plan_dict(before), after=_plan_dict(after))
    return after


def _plan_dict(plan: DuesPlan) -> dict[str, Any]:
    return {"instalments": [[i.label, i.due_on] for i in plan.instalments],
            "amounts": {k: list(v) for k, v in plan.amounts.items()}}


# -- what households owe --------------------------------------------------------------------------------


def _members_in_year(reg: Register, fy: int, household_ids: Iterable[int] | None = None) -> dict[int, bool]:
    """Households that were members (加入) on the year's first day (→ False) or joined during it (→ True)."""
    start, end = year_range(reg, fy)
    where, params = "", []
    if household_ids is not None:
        ids = list(household_ids)
        if not ids:
            return {}
        where, params = f"WHERE h.id IN ({','.join('?' * len(ids))})", ids
    rows = reg.conn.execute(
        f"""
        SELECT h.id,
               coalesce((SELECT s.status FROM household_status s WHERE s.household_id = h.id AND s.since <= ?
                         ORDER BY s.since DESC, s.id DESC LIMIT 1),
                        CASE WHEN NOT EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = h.id)
                             AND h.status_since <= ? THEN h.status END),
               EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = h.id AND s.status = '加入'
                       AND s.since > ? AND s.since <= ?)
               OR (NOT EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = h.id)
                   AND h.status = '加入' AND h.status_since > ? AND h.status_since <= ?)
        FROM households h {where}
        """, [start.isoformat(), start.isoformat(), start.isoformat(), end.isoformat(), start.isoformat(),
              end.isoformat(), *params]).fetchall()
    out = {}
    for hid, at_start, joined in rows:
        if at_start == "加入":
            out[hid] = False
        elif joined:
            out[hid] = True
    return out


@dataclass(frozen=True)
class InstalmentDue:
    no: int
    label: str
    due_on: str
    due: int
    paid: int
    last_paid_on: str | None

    @property
    def outstanding(self) -> int:
        return self.due - self.paid


@dataclass(frozen=True)
class DuesLine:
    """One household's dues for a year: a row of the 会費集金簿."""

    household_id: int
    block_id: int | None
    block: str
    circulation_order: int
    name: str  # 世帯主
    kana: str
    address: str
    status: str  # the household's status now
    category: str
    assessed: bool  # False: not yet assigned, shown as it would be
    joined_in_year: bool
    note: str  # the reason a household's dues were changed
    instalments: tuple[InstalmentDue, ...]

    @property
    def due(self) -> int:
        return sum(i.due for i in self.instalments)

    @property
    def paid(self) -> int:
        return sum(i.paid for i in self.instalments)

    @property
    def outstanding(self) -> int:
        return self.due - self.paid

    def overdue(self, as_of: date) -> int:
        """What is still unpaid of the instalments due on or before ``as_of``."""
        return sum(i.outstanding for i in self.instalments if i.due_on <= as_of.isoformat())


def _lines(reg: Register, fy: int, *, household_ids: Iterable[int] | None = None,
           block_id: int | None = None) -> list[DuesLine]:
    """The dues lines of the households the session sees (assigned, eligible, or with payments)."""
    plan = get_dues_plan(reg, fy)
    if not plan.instalments:
        raise RegisterError(f"{fiscal_year_label(fy)}の会費の額（期別）がまだ決まっていません。先に「会費の額」を決めてください。")
    ids = None if household_ids is None else list(household_ids)
    c = reg.conn
    assessed: dict[int, dict[int, tuple[int, int, str]]] = {}
    filt, fparams = ("", []) if ids is None else (f" AND household_id IN ({','.join('?' * len(ids))})", ids)
    for hid, no, cat, amount, reason in c.execute(
            "SELECT household_id, instalment_no, category_id, amount, reason FROM dues_assessments "
            f"WHERE fiscal_year = ? AND household_id IS NOT NULL{filt}", [fy, *fparams]):
        assessed.setdefault(hid, {})[no] = (cat, amount, reason)
    paid: dict[tuple[int, int], tuple[int, str | None]] = {}
    for hid, no, total, last in c.execute(
            "SELECT p.household_id, p.instalment_no, sum(p.amount), "
            "max(CASE WHEN p.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM dues_payments r WHERE r.reverses_id = p.id) "
            "THEN p.paid_on END) FROM dues_payments p "
            f"WHERE p.fiscal_year = ? AND p.household_id IS NOT NULL{filt.replace('household_id', 'p.household_id')} "
            "GROUP BY p.household_id, p.instalment_no", [fy, *fparams]):
        paid[(hid, no)] = (total, last)
    members = _members_in_year(reg, fy, ids)
    wanted = set(assessed) | set(members) | {hid for hid, _no in paid}
    if not wanted:
        return []
    visible, vparams = reg.session.block_filter_sql("h.block_id")
    where, params = [visible], list(vparams)
    if block_id is not None:
        where.append("h.block_id = ?")
        params.append(block_id)
    rows = c.execute(
        f"""
        SELECT h.id, h.block_id, coalesce(b.name, ''), h.circulation_order,
               trim(coalesce(p.family_name, '') || '　' || coalesce(p.given_name, ''), '　'),
               trim(coalesce(p.family_kana, '') || ' ' || coalesce(p.given_kana, '')),
               trim(h.address_town || h.address_number || ' ' || h.address_building),
               h.status, h.member_type, h.dues_category
        FROM households h LEFT JOIN blocks b ON b.id = h.block_id LEFT JOIN persons p ON p.id = h.head_person_id
        WHERE {' AND '.join(where)}
        ORDER BY coalesce(b.sort_order, 1e9), b.name, h.circulation_order, h.id
        """, params).fetchall()
    cats = {c_.id: c_ for c_ in list_dues_categories(reg, include_retired=True)}
    live = [c_ for c_ in cats.values() if c_.retired_on is None]
    live.sort(key=lambda c_: (c_.sort_order, c_.id))
    out = []
    for hid, block, block_name, order, name, kana, address, status, member_type, dues_category in rows:
        if hid not in wanted:
            continue
        mine = assessed.get(hid)
        if mine:
            first = next(iter(mine.values()))
            category = cats[first[0]].name
            note = next((r for _c, _a, r in mine.values() if r), "")
            dues = {no: amount for no, (_c, amount, _r) in mine.items()}
        else:
            cat = category_for(live, member_type, dues_category)
            category = cat.name if cat else ""
            per = plan.amounts.get(category)
            note = "" if per is not None else "この年度の会費の額が決まっていない種類です"
            dues = {i.no: (per[k] if per else 0) for k, i in enumerate(plan.instalments)} if hid in members else {}
        insts = tuple(InstalmentDue(i.no, i.label, i.due_on, dues.get(i.no, 0), *paid.get((hid, i.no), (0, None)))
                      for i in plan.instalments)
        out.append(DuesLine(hid, block, block_name, order, name, kana, address, status, category, bool(mine),
                            members.get(hid, False), note, insts))
    return out


def dues_for_year(reg: Register, fy: int, *, block_id: int | None = None) -> list[DuesLine]:
    """The 会費集金簿 of year ``fy``: every household that owes for it (members on its first day or
    joined during it, or already assigned), by 班 and 回覧順, with each instalment's due and paid.
    A 班長 sees their own 班."""
    reg.session.require(READ)
    return _lines(reg, fy, block_id=block_id)


def household_dues(reg: Register, fy: int, household_id: int) -> DuesLine:
    reg.session.require(READ)
    block = _household_block(reg, household_id)
    reg.session.require_block(block, "ほかの班の世帯の会費を見る")
    lines = _lines(reg, fy, household_ids=[household_id])
    if not lines:
        raise RegisterError(f"この世帯は{fiscal_year_label(fy)}の会員ではないため、会費はありません。")
    return lines[0]


def _household_block(reg: Register, household_id: int) -> int | None:
    row = reg.conn.execute("SELECT block_id FROM households WHERE id = ?", [household_id]).fetchone()
    if row is None:
        raise RegisterError(f"世帯（番号 {household_id}）が台帳にありません。")
    return row[0]


def _assess(reg: Register, fy: int, household_ids: Iterable[int]) -> list[int]:
    """Assign the year's dues to the households not yet assigned (inside a transaction). Returns
    the households assigned."""
    ids = list(household_ids)
    members = _members_in_year(reg, fy, ids)
    plan = get_dues_plan(reg, fy)
    done = {r[0] for r in reg.conn.execute(
        f"SELECT DISTINCT household_id FROM dues_assessments WHERE fiscal_year = ? "
        f"AND household_id IN ({','.join('?' * len(ids))})", [fy, *ids])} if ids else set()
    live = [c for c in list_dues_categories(reg) if c.retired_on is None]
    ids_by_name = {c.name: c.id for c in live}
    rows, assigned = [], []
    now = reg.now()
    for hid in ids:
        if hid in done:
            continue
        if hid not in members:
            raise RegisterError(f"世帯（番号 {hid}）は{fiscal_year_label(fy)}の会員ではないため、会費はありません。")
        member_type, dues_category = reg.conn.execute(
            "SELECT member_type, dues_category FROM households WHERE id = ?", [hid]).fetchone()
        cat = category_for(live, member_type, dues_category)
        if cat is None:
            raise ValidationError("会費の種類", f"世帯（番号 {hid}）の会員区分「{member_type}」・会費区分「{dues_category}」に"
                                  "当てはまる会費の種類がありません。", field="category")
        per = plan.amounts.get(cat.name)
        if per is None:
            raise ValidationError("会費の額", f"会費の種類「{cat.name}」の{fiscal_year_label(fy)}の額が決まっていません。",
                                  field="amounts")
        reason = "年度途中の加入" if members[hid] else ""
        rows += [(fy, hid, i.no, ids_by_name[cat.name], amount, reason, now, reg.actor)
                 for i, amount in zip(plan.instalments, per, strict=True)]
        assigned.append(hid)
    reg.conn.executemany("INSERT INTO dues_assessments (fiscal_year, household_id, instalment_no, category_id, amount, "
                         "reason, assessed_at, assessed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return assigned


def assess_dues(reg: Register, fy: int) -> int:
    """Assign year ``fy``'s dues to every household (of the 班 the session sees) that owes for it
    and has none yet, by its category now. Run at the year's start, and again for households that
    join later. Returns how many households were assigned."""
    reg.session.require(DUES_WRITE, "会費を世帯に割り当てる")
    _require_open(reg, fy)
    if not get_dues_plan(reg, fy).instalments:
        raise RegisterError(f"{fiscal_year_label(fy)}の会費の額（期別）がまだ決まっていません。先に「会費の額」を決めてください。")
    visible, params = reg.session.block_filter_sql("block_id")
    seen = [r[0] for r in reg.conn.execute(f"SELECT id FROM households WHERE {visible} ORDER BY id", params)]
    candidates = sorted(set(_members_in_year(reg, fy, seen)))
    with reg.writing("会費の割り当て"):
        assigned = _assess(reg, fy, candidates)
        if assigned:
            reg._audit_row("insert", "dues_assessments", fy,
                           f"{fiscal_year_label(fy)}の会費を{len(assigned)}世帯に割り当てました",
                           after={"households": assigned})
    return len(assigned)


def set_household_dues(reg: Register, fy: int, household_id: int, amounts: int | str | Sequence[int | str],
                       reason: str) -> DuesLine:
    """Change what one household owes for year ``fy`` (per instalment; one number when there is one
    instalment, or 0 to waive it all), by a decision recorded with its reason (減免, 月割 …).
    Never below what it has already paid."""
    reg.session.require(BOOK_WRITE, "世帯の会費を変える")
    _require_open(reg, fy)
    block = _household_block(reg, household_id)
    reg.session.require_block(block, "ほかの班の世帯の会費を変える")
    reason = clean_text(reason, field="理由", max_len=200, required=True, column="reason")
    line = household_dues(reg, fy, household_id)
    values = list(amounts) if isinstance(amounts, Sequence) and not isinstance(amounts, str) else [amounts]
    if len(values) == 1 and len(line.instalments) > 1:
        if _yen(values[0], "会費", "amounts", allow_zero=True) != 0:
            raise ValidationError("会費", f"期別（{'・'.join(i.label for i in line.instalments)}）ごとに額を入力してください。",
                                  field="amounts")
        values = [0] * len(line.instalments)
    if len(values) != len(line.instalments):
        raise ValidationError("会費", f"期別ごとに{len(line.instalments)}つの額を入力してください。", field="amounts")
    new = [_yen(v, f"会費（{i.label}）", "amounts", allow_zero=True, maximum=10_000_000)
           for v, i in zip(values, line.instalments, strict=True)]
    for n, inst in zip(new, line.instalments, strict=True):
        if n < inst.paid:
            raise ValidationError(f"会費（{inst.label}）", f"すでに{yen(inst.paid)}納められているため、それより少なくはできません"
                                  f"（{yen(n)}）。先に入金を取り消してください。", field="amounts")
    with reg.writing("世帯の会費の変更"):
        _assess(reg, fy, [household_id])
        for n, inst in zip(new, line.instalments, strict=True):
            reg.conn.execute("UPDATE dues_assessments SET amount = ?, reason = ?, assessed_at = ?, assessed_by = ? "
                             "WHERE fiscal_year = ? AND household_id = ? AND instalment_no = ?",
                             [n, reason, reg.now(), reg.actor, fy, household_id, inst.no])
        reg._audit_row("update", "dues_assessments", household_id,
                       f"世帯No.{household_id}の{fiscal_year_label(fy)}の会費を{yen(sum(new))}にしました（{reason}）",
                       before={i.label: i.due for i in line.instalments},
                       after={i.label: n for i, n in zip(line.instalments, new, strict=True)})
    return household_dues(reg, fy, household_id)


# -- payments -------------------------------------------------------------------------------------------


@dataclass
class PaymentData:
    household_id: int
    fiscal_year: int  # the year whose dues are paid
    amount: int | str
    paid_on: str | date
    instalment_no: int | None = None  # None: the earliest instalments still open first
    received_by: str = ""  # who took the money (the 班長); the session's officer when empty
    receipt_no: str = ""
    method: str = "現金"
    note: str = ""


@dataclass(frozen=True)
class Payment:
    id: int
    fiscal_year: int
    household_id: int | None
    block_id: int | None
    instalment_no: int
    instalment: str
    amount: int  # negative: a cancellation of ``reverses_id``
    paid_on: str
    received_by: str
    receipt_no: str
    method: str
    note: str
    reverses_id: int | None
    reversed_by: int | None
    ledger_entry_id: int | None
    entered_at: str
    entered_by: str


def _split(line: DuesLine, amount: int, instalment_no: int | None) -> list[tuple[int, int]]:
    """(instalment, part) for a payment of ``amount``, or a ValidationError if it is more than due."""
    if instalment_no is not None:
        inst = next((i for i in line.instalments if i.no == instalment_no), None)
        if inst is None:
            raise ValidationError("期別", f"{instalment_no}回目の期別はこの年度にありません。", field="instalment_no")
        if inst.outstanding <= 0:
            raise ValidationError("入金額", f"世帯「{line.name}」の{inst.label}の会費は納め済みです。", field="amount")
        if amount > inst.outstanding:
            raise ValidationError("入金額", f"入金額（{yen(amount)}）が{inst.label}の未納額（{yen(inst.outstanding)}）を"
                                  "超えています。会費より多い入金は記録できません"
                                  "（寄付は出納簿に「寄付金」として記帳してください）。", field="amount")
        return [(inst.no, amount)]
    if line.outstanding <= 0:
        raise ValidationError("入金額", f"世帯「{line.name}」のこの年度の会費は納め済みです。", field="amount")
    if amount > line.outstanding:
        raise ValidationError("入金額", f"入金額（{yen(amount)}）が未納額（{yen(line.outstanding)}）を超えています。"
                              "会費より多い入金は記録できません（寄付は出納簿に「寄付金」として記帳してください）。",
                              field="amount")
    parts, left = [], amount
    for inst in line.instalments:
        if left <= 0:
            break
        take = min(left, inst.outstanding)
        if take > 0:
            parts.append((inst.no, take))
            left -= take
    return parts


@dataclass(frozen=True)
class _CleanPayment:
    paid_on: str
    received_by: str
    receipt_no: str
    method: str
    note: str


def _clean_payment_fields(reg: Register, paid_on: Any, received_by: str, receipt_no: str, method: str,
                          note: str) -> _CleanPayment:
    day = _day(paid_on, "入金日", "paid_on")
    if day > reg.today():
        raise ValidationError("入金日", f"入金日（{day.isoformat()}）が今日より後です。", field="paid_on")
    return _CleanPayment(
        day.isoformat(),
        clean_text(received_by, field="受領者", max_len=40, column="received_by") or reg.actor,
        clean_text(receipt_no, field="領収書番号", max_len=30, column="receipt_no"),
        _choice(method, schema.PAYMENT_METHODS, "納め方", "method"),
        clean_text(note, field="備考", max_len=200, column="note"),
    )


RECEIPT_DIGITS = 5


def receipt_prefix(fy: int) -> str:
    """「R8-」 for 令和8年度: the era's letter and the year of the 年度 (as :func:`fiscal_year_label`
    names it), so that a number says which year's dues it is for."""
    era, n = wareki_year(date(fy, 12, 31))
    return f"{era.short}{n}-"


def _last_receipt_serial(reg: Register, fy: int) -> int:
    """The highest running number given so far in year ``fy``'s series (0 when none)."""
    prefix = receipt_prefix(fy)
    row = reg.conn.execute(
        "SELECT max(CAST(substr(receipt_no, ?) AS INTEGER)) FROM dues_payments WHERE fiscal_year = ? "
        "AND receipt_no GLOB ?", [len(prefix) + 1, fy, prefix + "[0-9]*"]).fetchone()
    return int(row[0] or 0)


def _receipt_no(fy: int, serial: int) -> str:
    return f"{receipt_prefix(fy)}{serial:0{RECEIPT_DIGITS}d}"


def _check_receipt_free(reg: Register, receipt_no: str) -> None:
    """A number typed by hand (from a paper receipt book) may not name another payment's receipt."""
    if not receipt_no:
        return
    row = reg.conn.execute("SELECT household_id, paid_on FROM dues_payments WHERE receipt_no = ? AND reverses_id IS NULL "
                           "LIMIT 1", [receipt_no]).fetchone()
    if row is not None:
        raise ValidationError("領収書番号", f"領収書番号「{receipt_no}」はすでに別の入金（世帯No.{row[0]}、{row[1]}）に"
                              "使われています。番号を確かめるか、空けておいてください（自動で付けます）。", field="receipt_no")


def _insert_payments(reg: Register, fy: int, household_id: int, parts: list[tuple[int, int]], f: _CleanPayment,
                     labels: dict[int, str], receipt_no: str) -> list[int]:
    """The rows of one payment: one per instalment it covers, all under one receipt number (one
    領収書 for what the household handed over at once)."""
    ids = []
    now = reg.now()
    for no, part in parts:
        pid = int(reg.conn.execute(
            "INSERT INTO dues_payments (fiscal_year, household_id, instalment_no, amount, paid_on, received_by, "
            "receipt_no, method, note, entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [fy, household_id, no, part, f.paid_on, f.received_by, receipt_no, f.method, f.note, now, reg.actor]
        ).lastrowid)
        reg._audit_row("insert", "dues_payments", pid,
                       f"世帯No.{household_id}の{fiscal_year_label(fy)}会費（{labels[no]}）{yen(part)}の入金を記録しました"
                       f"（領収書 {receipt_no}）",
                       after={"household_id": household_id, "instalment": labels[no], "amount": part,
                              "paid_on": f.paid_on, "received_by": f.received_by, "receipt_no": receipt_no,
                              "method": f.method})
        ids.append(pid)
    return ids


def record_payment(reg: Register, data: PaymentData) -> list[int]:
    """Record a household's payment of year ``data.fiscal_year``'s dues (one row per instalment
    it covers, all under one 領収書番号: the one typed from a paper receipt book, else the next of
    the year's series, 「R8-00001」 …). Refused: a receipt number already used, zero or negative amounts, more than is still due, a date in the future,
    a household that owes nothing for the year, a closed year, another 班's household for a 班長."""
    reg.session.require(DUES_WRITE, "会費の入金を記録する")
    hid = _int_id(data.household_id, "世帯", "household_id")
    block = _household_block(reg, hid)
    reg.session.require_block(block, "ほかの班の世帯の会費を記録する")
    fy = _check_year_number(data.fiscal_year)
    _require_open(reg, fy)
    amount = _yen(data.amount, "入金額")
    fields_ = _clean_payment_fields(reg, data.paid_on, data.received_by, data.receipt_no, data.method, data.note)
    lines = _lines(reg, fy, household_ids=[hid])
    if not lines:
        raise ValidationError("世帯", f"この世帯は{fiscal_year_label(fy)}の会員ではないため、会費はありません。",
                              field="household_id")
    line = lines[0]
    parts = _split(line, amount, data.instalment_no)
    labels = {i.no: i.label for i in line.instalments}
    _check_receipt_free(reg, fields_.receipt_no)
    with reg.writing("会費の入金の記録"):
        _assess(reg, fy, [hid])
        receipt = fields_.receipt_no or _receipt_no(fy, _last_receipt_serial(reg, fy) + 1)
        return _insert_payments(reg, fy, hid, parts, fields_, labels, receipt)


@dataclass(frozen=True)
class BulkPayments:
    households: int
    payments: list[int]
    total: int


def record_block_payments(reg: Register, fy: int, block_id: int, paid_on: str | date, *,
                          household_ids: Iterable[int] | None = None,
                          amounts: Mapping[int, int | str] | None = None, instalment_no: int | None = None,
                          received_by: str = "", method: str = "現金", note: str = "") -> BulkPayments:
    """The payments a 班長 collected in their 班, at once: each household in ``amounts`` pays its
    amount, each other one in ``household_ids`` pays all it still owes (of ``instalment_no`` if
    given); without either, every household of the 班 that still owes. Each household gets the
    next 領収書番号 of the year's series. All or nothing: any bad
    line refuses the whole lot, with every problem listed."""
    reg.session.require(DUES_WRITE, "会費の入金を記録する")
    reg.session.require_block(block_id, "ほかの班の会費を記録する")
    if not reg.conn.execute("SELECT 1 FROM blocks WHERE id = ?", [block_id]).fetchone():
        raise RegisterError("この班は台帳にありません。")
    fy = _check_year_number(fy)
    _require_open(reg, fy)
    fields_ = _clean_payment_fields(reg, paid_on, received_by, "", method, note)
    lines = {x.household_id: x for x in _lines(reg, fy, block_id=block_id)}
    given = dict(amounts or {})
    explicit = household_ids is not None or amounts is not None
    if household_ids is not None:
        wanted = list(dict.fromkeys([*household_ids, *given]))
    elif amounts is not None:
        wanted = list(given)
    else:
        wanted = [hid for hid, x in lines.items()
                  if (x.outstanding if instalment_no is None else
                      sum(i.outstanding for i in x.instalments if i.no == instalment_no)) > 0]
    problems: list[str] = []
    plan: list[tuple[int, list[tuple[int, int]], dict[int, str]]] = []
    for hid in wanted:
        line = lines.get(hid)
        if line is None:
            problems.append(f"世帯No.{hid}: この班の、{fiscal_year_label(fy)}に会費のある世帯ではありません。")
            continue
        try:
            if hid in given:
                amount = _yen(given[hid], "入金額")
            elif instalment_no is not None:
                amount = sum(i.outstanding for i in line.instalments if i.no == instalment_no)
            else:
                amount = line.outstanding
            if amount <= 0 and explicit:
                raise ValidationError("入金額", "この年度の会費は納め済みです。", field="amount")
            parts = _split(line, amount, instalment_no)
        except ValidationError as exc:
            problems.append(f"{line.name or f'世帯No.{hid}'}: {exc.message}")
            continue
        plan.append((hid, parts, {i.no: i.label for i in line.instalments}))
    if problems:
        raise ValidationError("一括入金", "次の世帯に問題があるため、どの入金も記録していません。\n" + "\n".join(problems),
                              field="amounts")
    ids: list[int] = []
    with reg.writing("班の会費の一括入金"):
        _assess(reg, fy, [hid for hid, _p, _l in plan])
        serial = _last_receipt_serial(reg, fy)
        for hid, parts, labels in plan:
            serial += 1
            ids += _insert_payments(reg, fy, hid, parts, fields_, labels, _receipt_no(fy, serial))
    total = sum(part for _h, parts, _l in plan for _n, part in parts)
    return BulkPayments(len(plan), ids, total)


def cancel_payment(reg: Register, payment_id: int, reason: str) -> int:
    """Cancel a payment recorded by mistake with a reversing row (the original stays). A payment
    already posted to the cash book is cancelled after the 会計 reverses that posting."""
    reg.session.require(DUES_WRITE, "会費の入金を取り消す")
    row = reg.conn.execute(
        "SELECT p.fiscal_year, p.household_id, h.block_id, p.instalment_no, p.amount, p.paid_on, p.received_by, "
        "p.receipt_no, p.method, p.reverses_id, p.ledger_entry_id, "
        "(SELECT id FROM dues_payments r WHERE r.reverses_id = p.id), e.entry_no "
        "FROM dues_payments p LEFT JOIN households h ON h.id = p.household_id "
        "LEFT JOIN ledger_entries e ON e.id = p.ledger_entry_id WHERE p.id = ?", [payment_id]).fetchone()
    if row is None:
        raise RegisterError("この入金の記録は台帳にありません。")
    fy, hid, block, no, amount, paid_on, received_by, receipt_no, method, reverses, posted, reversed_by, entry_no = row
    reg.session.require_block(block, "ほかの班の世帯の入金を取り消す")
    reason = clean_text(reason, field="取り消す理由", max_len=200, required=True, column="reason")
    _require_open(reg, fy)
    if reverses is not None:
        raise RegisterError("これは取り消しの記録です。取り消しを取り消すのではなく、入金をもう一度記録してください。")
    if reversed_by is not None:
        raise RegisterError("この入金はすでに取り消されています。")
    if posted is not None:
        raise RegisterError(f"この入金はすでに出納簿に記帳されています（No.{entry_no}）。会計担当がその記帳を取り消してから、"
                            "入金を取り消してください。")
    with reg.writing("会費の入金の取り消し"):
        rid = int(reg.conn.execute(
            "INSERT INTO dues_payments (fiscal_year, household_id, instalment_no, amount, paid_on, received_by, "
            "receipt_no, method, note, reverses_id, entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [fy, hid, no, -amount, paid_on, received_by, receipt_no, method, reason, payment_id, reg.now(), reg.actor]
        ).lastrowid)
        reg._audit_row("insert", "dues_payments", rid,
                       f"世帯No.{hid}の{fiscal_year_label(fy)}会費の入金 {yen(amount)}（{paid_on}）を取り消しました（{reason}）",
                       before={"payment": payment_id, "amount": amount}, after={"amount": -amount, "reason": reason})
    return rid


def list_payments(reg: Register, fy: int, *, household_id: int | None = None,
                  block_id: int | None = None) -> list[Payment]:
    """Payments of year ``fy``'s dues (cancellations included, as negative rows), oldest first."""
    reg.session.require(READ)
    visible, params = reg.session.block_filter_sql("h.block_id")
    where, args = ["p.fiscal_year = ?", visible], [fy, *params]
    if household_id is not None:
        where.append("p.household_id = ?")
        args.append(household_id)
    if block_id is not None:
        where.append("h.block_id = ?")
        args.append(block_id)
    return [Payment(*r) for r in reg.conn.execute(
        "SELECT p.id, p.fiscal_year, p.household_id, h.block_id, p.instalment_no, coalesce(i.label, ''), p.amount, "
        "p.paid_on, p.received_by, p.receipt_no, p.method, p.note, p.reverses_id, "
        "(SELECT r.id FROM dues_payments r WHERE r.reverses_id = p.id), p.ledger_entry_id, p.entered_at, p.entered_by "
        "FROM dues_payments p LEFT JOIN households h ON h.id = p.household_id "
        "LEFT JOIN dues_instalments i ON i.fiscal_year = p.fiscal_year AND i.no = p.instalment_no "
        f"WHERE {' AND '.join(where)} ORDER BY p.paid_on, p.id", args)]


def arrears(reg: Register, fy: int, *, as_of: date | None = None, block_id: int | None = None) -> list[DuesLine]:
    """Households with something unpaid of the instalments due by ``as_of`` (today by default)."""
    reg.session.require(READ)
    day = as_of or reg.today()
    return [x for x in _lines(reg, fy, block_id=block_id) if x.overdue(day) > 0]


@dataclass(frozen=True)
class BlockDues:
    block_id: int | None
    block: str
    households: int
    due: int
    paid: int
    overdue: int  # unpaid of the instalments due by the date asked
    households_in_arrears: int

    @property
    def outstanding(self) -> int:
        return self.due - self.paid


def dues_by_block(reg: Register, fy: int, *, as_of: date | None = None) -> list[BlockDues]:
    """Per 班: households, due, paid, and arrears by ``as_of`` (today by default)."""
    reg.session.require(READ)
    day = as_of or reg.today()
    out: dict[int | None, list[DuesLine]] = {}
    for x in _lines(reg, fy):
        out.setdefault(x.block_id, []).append(x)
    return [BlockDues(b, xs[0].block, len(xs), sum(x.due for x in xs), sum(x.paid for x in xs),
                      sum(x.overdue(day) for x in xs), sum(1 for x in xs if x.overdue(day) > 0))
            for b, xs in out.items()]


# -- money accounts, subjects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyAccount:
    id: int
    name: str
    kind: str
    institution: str
    sort_order: int
    notes: str
    retired_on: str | None


def list_money_accounts(reg: Register, *, include_retired: bool = False) -> list[MoneyAccount]:
    reg.session.require(READ)
    where = "" if include_retired else "WHERE retired_on IS NULL"
    return [MoneyAccount(*r) for r in reg.conn.execute(
        f"SELECT id, name, kind, institution, sort_order, notes, retired_on FROM money_accounts {where} "
        "ORDER BY sort_order, id")]


def add_money_account(reg: Register, name: str, kind: str = "普通預金", *, institution: str = "", notes: str = "") -> int:
    reg.session.require(BOOK_WRITE, "口座を追加する")
    name = clean_text(name, field="口座の名前", max_len=40, required=True, column="name")
    kind = _choice(kind, schema.MONEY_ACCOUNT_KINDS, "種類", "kind")
    institution = clean_text(institution, field="金融機関・支店", max_len=80, column="institution")
    notes = clean_text(notes, field="備考", max_len=200, column="notes")
    if reg.conn.execute("SELECT 1 FROM money_accounts WHERE name = ?", [name]).fetchone():
        raise ValidationError("口座の名前", f"「{name}」はすでにあります。", field="name")
    with reg.writing("口座の追加"):
        order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM money_accounts").fetchone()[0]
        aid = int(reg.conn.execute("INSERT INTO money_accounts (name, kind, institution, notes, sort_order) "
                                   "VALUES (?, ?, ?, ?, ?)", [name, kind, institution, notes, order]).lastrowid)
        reg._audit_row("insert", "money_accounts", aid, f"口座「{name}」（{kind}）を追加しました",
                       after={"name": name, "kind": kind, "institution": institution})
    return aid


def _account_id(reg: Register, account: int | str, label: str = "口座", column: str = "account") -> int:
    if isinstance(account, bool):
        account = str(account)
    if isinstance(account, int):
        row = reg.conn.execute("SELECT id, retired_on FROM money_accounts WHERE id = ?", [account]).fetchone()
    else:
        row = reg.conn.execute("SELECT id, retired_on FROM money_accounts WHERE name = ?", [str(account).strip()]).fetchone()
    if row is None:
        names = "・".join(a.name for a in list_money_accounts(reg))
        raise ValidationError(label, f"「{account}」という口座・現金はありません（{names}）。", field=column)
    return int(row[0])


@dataclass(frozen=True)
class Subject:
    id: int
    kind: str  # 収入 / 支出
    name: str
    code: str | None  # carry_over, dues, subsidy, levy, reserve: the ones the program uses
    sort_order: int
    notes: str
    retired_on: str | None


def list_subjects(reg: Register, kind: str | None = None, *, include_retired: bool = False) -> list[Subject]:
    reg.session.require(READ)
    where, params = ["1"], []
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if not include_retired:
        where.append("retired_on IS NULL")
    return [Subject(*r) for r in reg.conn.execute(
        f"SELECT id, kind, name, code, sort_order, notes, retired_on FROM ledger_subjects WHERE {' AND '.join(where)} "
        "ORDER BY kind = '支出', sort_order, id", params)]


def _subject(reg: Register, subject: int | str, kind: str | None = None) -> Subject:
    subjects = [s for s in list_subjects(reg, include_retired=True) if kind is None or s.kind == kind]
    if isinstance(subject, int) and not isinstance(subject, bool):
        found = [s for s in subjects if s.id == subject]
    else:
        found = [s for s in subjects if s.name == str(subject).strip()]
    if not found:
        raise ValidationError("科目", f"「{subject}」という{kind or ''}の科目はありません。", field="subject")
    if len(found) > 1:
        raise ValidationError("科目", f"「{subject}」は収入にも支出にもあります。どちらか選んでください。", field="subject")
    return found[0]


def subject_by_code(reg: Register, code: str) -> Subject:
    reg.session.require(READ)
    found = [s for s in list_subjects(reg, include_retired=True) if s.code == code]
    if not found:
        raise RegisterError(f"科目（{code}）が台帳にありません。")
    return found[0]


def add_subject(reg: Register, kind: str, name: str, *, notes: str = "") -> int:
    """A new 科目, placed last of its kind (an expense before 予備費)."""
    reg.session.require(BOOK_WRITE, "科目を追加する")
    kind = _choice(kind, schema.SUBJECT_KINDS, "収入・支出", "kind")
    name = clean_text(name, field="科目", max_len=30, required=True, column="name")
    notes = clean_text(notes, field="備考", max_len=200, column="notes")
    if reg.conn.execute("SELECT 1 FROM ledger_subjects WHERE kind = ? AND name = ?", [kind, name]).fetchone():
        raise ValidationError("科目", f"{kind}の科目「{name}」はすでにあります。", field="name")
    with reg.writing("科目の追加"):
        c = reg.conn
        reserve = c.execute("SELECT sort_order FROM ledger_subjects WHERE code = 'reserve' AND kind = ? "
                            "AND retired_on IS NULL", [kind]).fetchone()
        if reserve is not None:
            order = reserve[0]
            c.execute("UPDATE ledger_subjects SET sort_order = sort_order + 1 WHERE kind = ? AND sort_order >= ?",
                      [kind, order])
        else:
            order = c.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM ledger_subjects WHERE kind = ?",
                              [kind]).fetchone()[0]
        sid = int(c.execute("INSERT INTO ledger_subjects (kind, name, sort_order, notes) VALUES (?, ?, ?, ?)",
                            [kind, name, order, notes]).lastrowid)
        reg._audit_row("insert", "ledger_subjects", sid, f"{kind}の科目「{name}」を追加しました",
                       after={"kind": kind, "name": name})
    return sid


def rename_subject(reg: Register, subject: int | str, name: str) -> None:
    reg.session.require(BOOK_WRITE, "科目の名前を変える")
    s = _subject(reg, subject)
    name = clean_text(name, field="科目", max_len=30, required=True, column="name")
    if name == s.name:
        return
    if reg.conn.execute("SELECT 1 FROM ledger_subjects WHERE kind = ? AND name = ?", [s.kind, name]).fetchone():
        raise ValidationError("科目", f"{s.kind}の科目「{name}」はすでにあります。", field="name")
    with reg.writing("科目の名前の変更"):
        reg.conn.execute("UPDATE ledger_subjects SET name = ? WHERE id = ?", [name, s.id])
        reg._audit_row("update", "ledger_subjects", s.id, f"科目「{s.name}」を「{name}」に変えました",
                       before={"name": s.name}, after={"name": name})


def retire_subject(reg: Register, subject: int | str) -> None:
    """No longer offered for new entries; past entries and statements keep it."""
    reg.session.require(BOOK_WRITE, "科目を使わなくする")
    s = _subject(reg, subject)
    if s.code in ("carry_over", "dues"):
        raise RegisterError(f"科目「{s.name}」はこのプログラムが使うため、使わなくすることはできません（名前は変えられます）。")
    if s.retired_on:
        return
    with reg.writing("科目を使わなくする"):
        reg.conn.execute("UPDATE ledger_subjects SET retired_on = ? WHERE id = ?", [reg.today().isoformat(), s.id])
        reg._audit_row("update", "ledger_subjects", s.id, f"科目「{s.name}」を使わなくしました",
                       before={"retired_on": None}, after={"retired_on": reg.today().isoformat()})


# -- balances -------------------------------------------------------------------------------------------


def _openings(reg: Register, fy: int) -> dict[int, int]:
    return dict(reg.conn.execute("SELECT account_id, amount FROM account_openings WHERE fiscal_year = ?", [fy]))


_DELTAS = """
    SELECT entry_date, account_id AS account, CASE kind WHEN '収入' THEN amount ELSE -amount END AS delta
    FROM ledger_entries WHERE fiscal_year = :fy
    UNION ALL
    SELECT entry_date, to_account_id, amount FROM ledger_entries WHERE fiscal_year = :fy AND kind = '振替'
"""


def _balances_at(reg: Register, fy: int, on: date | None) -> dict[int, int]:
    """Balance of every account (that has an opening or an entry in ``fy``) at the end of ``on``."""
    out = _openings(reg, fy)
    for account, total in reg.conn.execute(
            f"SELECT account, sum(delta) FROM ({_DELTAS}) WHERE :on IS NULL OR entry_date <= :on GROUP BY account",
            {"fy": fy, "on": on.isoformat() if on else None}):
        out[account] = out.get(account, 0) + total
    return out


def _first_below_zero(reg: Register, fy: int) -> dict[int, tuple[int, str]]:
    """For each account whose end-of-day balance falls below zero in ``fy``: the first such day
    and its balance."""
    running = _openings(reg, fy)
    found = {a: (v, "") for a, v in running.items() if v < 0}
    for day, account, total in reg.conn.execute(
            f"SELECT entry_date, account, sum(delta) FROM ({_DELTAS}) GROUP BY entry_date, account "
            "ORDER BY entry_date", {"fy": fy}):
        running[account] = running.get(account, 0) + total
        if running[account] < 0 and account not in found:
            found[account] = (running[account], day)
    return found


def _check_no_negative(reg: Register, fy: int, doing: str = "この記帳") -> None:
    below = _first_below_zero(reg, fy)
    if below:
        account, (value, day) = min(below.items())
        names = {a.id: a.name for a in list_money_accounts(reg, include_retired=True)}
        raise ValidationError("残高", f"{doing}で「{names.get(account, account)}」の残高が{day or '年度の初め'}に"
                              f"マイナス（{yen(value)}）になります。金額・日付・口座を確かめてください"
                              "（立て替えた支出は、先に入金を記帳してください）。", field="amount")


@dataclass(frozen=True)
class Balances:
    on: date
    by_account: dict[str, int]  # account name → balance, in account order
    total: int


def balances(reg: Register, on: date | str) -> Balances:
    """Every money account's balance at the end of ``on`` (opening of its 年度 + entries up to that day)."""
    reg.session.require(READ)
    day = _day(on, "日付", "on")
    fy = year_of(reg, day)
    get_year(reg, fy)
    values = _balances_at(reg, fy, day)
    accounts = list_money_accounts(reg, include_retired=True)
    by = {a.name: values.get(a.id, 0) for a in accounts if a.retired_on is None or values.get(a.id)}
    return Balances(day, by, sum(by.values()))


def balance(reg: Register, on: date | str, account: int | str | None = None) -> int:
    """One account's balance (or all accounts' together) at the end of ``on``."""
    found = balances(reg, on)
    if account is None:
        return found.total
    aid = _account_id(reg, account)
    return _balances_at(reg, year_of(reg, found.on), found.on).get(aid, 0)


def opening_balances(reg: Register, fy: int) -> dict[str, int]:
    reg.session.require(READ)
    names = {a.id: a.name for a in list_money_accounts(reg, include_retired=True)}
    return {names[a]: v for a, v in sorted(_openings(reg, fy).items())}


def set_opening_balance(reg: Register, fy: int, account: int | str, amount: int | str) -> None:
    """The balance an account starts year ``fy`` with — for the first year kept in this program.
    A balance carried over by closing the previous year cannot be changed."""
    reg.session.require(BOOK_WRITE, "年度初めの残高を入力する")
    _require_open(reg, fy)
    aid = _account_id(reg, account)
    value = _yen(amount, "年度初めの残高", allow_zero=True, maximum=10 * MAX_AMOUNT)
    row = reg.conn.execute("SELECT amount, source FROM account_openings WHERE fiscal_year = ? AND account_id = ?",
                           [fy, aid]).fetchone()
    if row is not None and row[1] == "繰越":
        raise RegisterError("この残高は前年度の締めで繰り越された額のため、変えられません。")
    name = reg.conn.execute("SELECT name FROM money_accounts WHERE id = ?", [aid]).fetchone()[0]
    with reg.writing("年度初めの残高の入力"):
        reg.conn.execute("INSERT INTO account_openings (fiscal_year, account_id, amount, source, updated_at, updated_by) "
                         "VALUES (?, ?, ?, '入力', ?, ?) ON CONFLICT (fiscal_year, account_id) DO UPDATE SET "
                         "amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                         [fy, aid, value, reg.now(), reg.actor])
        _check_no_negative(reg, fy, "この残高")
        reg._audit_row("update", "account_openings", aid,
                       f"{fiscal_year_label(fy)}の「{name}」の年度初めの残高を{yen(value)}にしました",
                       before={"amount": row[0] if row else None}, after={"amount": value})


# -- the cash book --------------------------------------------------------------------------------------


@dataclass
class EntryData:
    entry_date: str | date
    kind: str  # 収入 / 支出 / 振替
    amount: int | str
    account: int | str = "現金"  # the account the money comes into / goes out of (振替: from)
    subject: int | str | None = None  # 科目 (not for 振替)
    to_account: int | str | None = None  # 振替 only
    memo: str = ""  # 摘要
    receipt_no: str = ""
    event_id: int | None = None
    subsidy_ref: str = ""  # the subsidy (e.g. its 交付決定 number) this income or cost belongs to


@dataclass(frozen=True)
class Entry:
    id: int
    fiscal_year: int
    entry_no: int
    entry_date: str
    kind: str
    subject_id: int | None
    subject: str
    amount: int  # negative: a reversal of ``reverses_id``
    account_id: int
    account: str
    to_account_id: int | None
    to_account: str
    memo: str
    receipt_no: str
    event_id: int | None
    subsidy_ref: str
    reverses_id: int | None
    reversed_by: int | None
    entered_at: str
    entered_by: str


_ENTRY_SELECT = """
    SELECT e.id, e.fiscal_year, e.entry_no, e.entry_date, e.kind, e.subject_id, coalesce(s.name, ''), e.amount,
           e.account_id, a.name, e.to_account_id, coalesce(t.name, ''), e.memo, e.receipt_no, e.event_id,
           e.subsidy_ref, e.reverses_id, (SELECT r.id FROM ledger_entries r WHERE r.reverses_id = e.id),
           e.entered_at, e.entered_by
    FROM ledger_entries e LEFT JOIN ledger_subjects s ON s.id = e.subject_id
    JOIN money_accounts a ON a.id = e.account_id LEFT JOIN money_accounts t ON t.id = e.to_account_id
"""


def get_entry(reg: Register, entry_id: int) -> Entry:
    reg.session.require(READ)
    row = reg.conn.execute(_ENTRY_SELECT + " WHERE e.id = ?", [entry_id]).fetchone()
    if row is None:
        raise RegisterError("この記帳は台帳にありません。")
    return Entry(*row)


def list_entries(reg: Register, fy: int, *, account: int | str | None = None, subject: int | str | None = None,
                 kind: str | None = None) -> list[Entry]:
    """The cash book of year ``fy`` in date order (reversals included)."""
    reg.session.require(READ)
    where, params = ["e.fiscal_year = ?"], [fy]
    if account is not None:
        aid = _account_id(reg, account)
        where.append("(e.account_id = ? OR e.to_account_id = ?)")
        params += [aid, aid]
    if subject is not None:
        where.append("e.subject_id = ?")
        params.append(_subject(reg, subject).id)
    if kind is not None:
        where.append("e.kind = ?")
        params.append(kind)
    return [Entry(*r) for r in reg.conn.execute(
        _ENTRY_SELECT + f" WHERE {' AND '.join(where)} ORDER BY e.entry_date, e.entry_no", params)]


@dataclass(frozen=True)
class CashBookRow:
    entry: Entry
    income: int  # into this account (or, for the whole book, 収入)
    expense: int
    balance: int


@dataclass(frozen=True)
class CashBook:
    """金銭出納簿 of a year: one account's (or, with ``account`` "", every account's) rows with the
    running balance. In the whole book a 振替 moves nothing in or out."""

    fiscal_year: int
    account: str
    opening: int
    rows: tuple[CashBookRow, ...]

    @property
    def closing(self) -> int:
        return self.rows[-1].balance if self.rows else self.opening


def cash_book(reg: Register, fy: int, account: int | str | None = None) -> CashBook:
    reg.session.require(READ)
    get_year(reg, fy)
    openings = _openings(reg, fy)
    aid = None if account is None else _account_id(reg, account)
    balance_ = openings.get(aid, 0) if aid is not None else sum(openings.values())
    start = balance_
    rows = []
    for e in list_entries(reg, fy, account=aid):
        if aid is None:
            inc = e.amount if e.kind == "収入" else 0
            exp = e.amount if e.kind == "支出" else 0
        elif e.kind == "振替":
            inc, exp = (e.amount, 0) if e.to_account_id == aid else (0, e.amount)
        else:
            inc, exp = (e.amount, 0) if e.kind == "収入" else (0, e.amount)
        balance_ += inc - exp
        rows.append(CashBookRow(e, inc, exp, balance_))
    name = "" if aid is None else next(a.name for a in list_money_accounts(reg, include_retired=True) if a.id == aid)
    return CashBook(fy, name, start, tuple(rows))


def _validate_entry(reg: Register, data: EntryData) -> dict[str, Any]:
    kind = _choice(data.kind, schema.LEDGER_KINDS, "収入・支出", "kind")
    day = _day(data.entry_date, "日付", "entry_date")
    if day > reg.today():
        raise ValidationError("日付", f"日付（{day.isoformat()}）が今日より後です。", field="entry_date")
    amount = _yen(data.amount, "金額")
    account = _account_id(reg, data.account)
    to_account = subject_id = None
    if kind == "振替":
        if data.to_account in (None, ""):
            raise ValidationError("振替先", "お金を移す先の口座を選んでください。", field="to_account")
        to_account = _account_id(reg, data.to_account, "振替先", "to_account")
        if to_account == account:
            raise ValidationError("振替先", "同じ口座の間では振替できません。", field="to_account")
        if data.subject not in (None, ""):
            raise ValidationError("科目", "振替には科目をつけません。", field="subject")
    else:
        if data.subject in (None, ""):
            raise ValidationError("科目", "科目を選んでください。", field="subject")
        s = _subject(reg, data.subject, kind)
        if s.code == "carry_over":
            raise ValidationError("科目", "前年度繰越金は記帳できません。前年度を締めると自動的に入ります"
                                  "（この台帳で最初の年度は「年度初めの残高」に入力してください）。", field="subject")
        if s.retired_on:
            raise ValidationError("科目", f"科目「{s.name}」は使わなくなっています。", field="subject")
        subject_id = s.id
        if data.to_account not in (None, ""):
            raise ValidationError("振替先", "振替先は振替のときだけ選びます。", field="to_account")
    for aid in (account, to_account):
        if aid is not None and reg.conn.execute("SELECT retired_on FROM money_accounts WHERE id = ?", [aid]).fetchone()[0]:
            raise ValidationError("口座", "使わなくなった口座には記帳できません。", field="account")
    if data.event_id is not None and not reg.conn.execute("SELECT 1 FROM events WHERE id = ?", [data.event_id]).fetchone():
        raise ValidationError("行事", "選ばれた行事が台帳にありません。", field="event_id")
    return {
        "fiscal_year": year_of(reg, day), "entry_date": day.isoformat(), "kind": kind, "subject_id": subject_id,
        "amount": amount, "account_id": account, "to_account_id": to_account,
        "memo": clean_text(data.memo, field="摘要", max_len=200, column="memo"),
        "receipt_no": clean_text(data.receipt_no, field="領収書番号", max_len=30, column="receipt_no"),
        "event_id": data.event_id,
        "subsidy_ref": clean_text(data.subsidy_ref, field="補助金", max_len=80, column="subsidy_ref"),
    }


_ENTRY_COLUMNS = ("fiscal_year", "entry_date", "kind", "subject_id", "amount", "account_id", "to_account_id", "memo",
                  "receipt_no", "event_id", "subsidy_ref")


def _insert_entry(reg: Register, values: dict[str, Any], *, reverses: int | None = None) -> tuple[int, int]:
    """Insert one entry (inside a transaction), check no balance goes below zero, audit it."""
    fy = values["fiscal_year"]
    no = reg.conn.execute("SELECT coalesce(max(entry_no), 0) + 1 FROM ledger_entries WHERE fiscal_year = ?",
                          [fy]).fetchone()[0]
    eid = int(reg.conn.execute(
        f"INSERT INTO ledger_entries (entry_no, {', '.join(_ENTRY_COLUMNS)}, reverses_id, entered_at, entered_by) "
        f"VALUES (?, {', '.join('?' * len(_ENTRY_COLUMNS))}, ?, ?, ?)",
        [no, *(values[c] for c in _ENTRY_COLUMNS), reverses, reg.now(), reg.actor]).lastrowid)
    _check_no_negative(reg, fy, "この取り消し" if reverses else "この記帳")
    e = get_entry(reg, eid)
    what = f"{e.kind} {e.subject or f'{e.account}→{e.to_account}'} {yen(e.amount)}（{e.entry_date}）"
    summary = (f"{fiscal_year_label(fy)}の出納簿 No.{no}: {what}を記帳しました" if reverses is None else
               f"{fiscal_year_label(fy)}の出納簿 No.{no}: 記帳を取り消しました（{what}）")
    reg._audit_row("insert", "ledger_entries", eid, summary, after={**values, "entry_no": no, "reverses_id": reverses})
    return eid, no


def add_entry(reg: Register, data: EntryData) -> int:
    """Write one line in the cash book of the (open) 年度 its date falls in. Refused: an amount of
    zero or below, a date in the future, a closed year, a subject of the other kind or 前年度繰越金,
    an entry that would take an account below zero."""
    reg.session.require(BOOK_WRITE, "出納簿に記帳する")
    values = _validate_entry(reg, data)
    _require_open(reg, values["fiscal_year"])
    with reg.writing("出納簿への記帳"):
        eid, _no = _insert_entry(reg, values)
    return eid


def reverse_entry(reg: Register, entry_id: int, reason: str, *, on: str | date | None = None) -> int:
    """Cancel an entry with a reversing one (same subject and accounts, the amount negated), dated
    like the original unless ``on`` (a later day of the same 年度) is given. The original stays.
    Dues posted by the original are released to be posted again."""
    reg.session.require(BOOK_WRITE, "出納簿の記帳を取り消す")
    e = get_entry(reg, entry_id)
    reason = clean_text(reason, field="取り消す理由", max_len=150, required=True, column="reason")
    _require_open(reg, e.fiscal_year)
    if e.reverses_id is not None:
        raise RegisterError("これは取り消しの記帳です。取り消しを取り消すのではなく、正しい記帳を新しく入れてください。")
    if e.reversed_by is not None:
        raise RegisterError(f"出納簿 No.{e.entry_no} はすでに取り消されています。")
    day = date.fromisoformat(e.entry_date) if on is None else _day(on, "取り消す日", "on")
    start, end = year_range(reg, e.fiscal_year)
    if not (date.fromisoformat(e.entry_date) <= day <= end) or day > max(reg.today(), date.fromisoformat(e.entry_date)):
        raise ValidationError("取り消す日", f"取り消す日は元の記帳の日（{e.entry_date}）から同じ年度の終わり"
                              f"（{end.isoformat()}）まで、今日までの日にしてください。", field="on")
    values = {"fiscal_year": e.fiscal_year, "entry_date": day.isoformat(), "kind": e.kind, "subject_id": e.subject_id,
              "amount": -e.amount, "account_id": e.account_id, "to_account_id": e.to_account_id,
              "memo": f"取消 No.{e.entry_no}: {reason}", "receipt_no": e.receipt_no, "event_id": e.event_id,
              "subsidy_ref": e.subsidy_ref}
    with reg.writing("出納簿の記帳の取り消し"):
        rid, _no = _insert_entry(reg, values, reverses=entry_id)
        released = [r[0] for r in reg.conn.execute("SELECT id FROM dues_payments WHERE ledger_entry_id = ?", [entry_id])]
        if released:
            reg.conn.execute("UPDATE dues_payments SET ledger_entry_id = NULL WHERE ledger_entry_id = ?", [entry_id])
            reg._audit_row("update", "dues_payments", entry_id,
                           f"出納簿 No.{e.entry_no} の取り消しで、会費の入金{len(released)}件を未記帳に戻しました",
                           before={"ledger_entry_id": entry_id}, after={"payments": released, "ledger_entry_id": None})
    return rid


@dataclass(frozen=True)
class UnpostedDues:
    payments: int
    total: int
    first_paid_on: str | None
    last_paid_on: str | None


#: a payment cancelled before it reached the cash book, and its cancellation: neither is posted
#: (together they are nothing; alone, a pair could never be posted and would block the closing)
_CANCELLED_UNPOSTED = (
    "NOT EXISTS (SELECT 1 FROM dues_payments r WHERE r.reverses_id = p.id AND r.ledger_entry_id IS NULL)",
    "NOT EXISTS (SELECT 1 FROM dues_payments o WHERE o.id = p.reverses_id AND o.ledger_entry_id IS NULL)",
)


def _unposted_where(reg: Register, start: date, until: date, block_id: int | None,
                    dues_year: int | None) -> tuple[str, list[Any]]:
    where = ["p.ledger_entry_id IS NULL", "p.paid_on >= ?", "p.paid_on <= ?", *_CANCELLED_UNPOSTED]
    params: list[Any] = [start.isoformat(), until.isoformat()]
    if block_id is not None:
        where.append("h.block_id = ?")
        params.append(block_id)
    if dues_year is not None:
        where.append("p.fiscal_year = ?")
        params.append(dues_year)
    return " AND ".join(where), params


def unposted_dues(reg: Register, until: date | str | None = None, *, block_id: int | None = None,
                  dues_year: int | None = None) -> UnpostedDues:
    """Dues payments received in the 年度 of ``until`` (today by default), up to that day, not yet in
    the cash book."""
    reg.session.require(READ)
    day = reg.today() if until is None else _day(until, "日付", "until")
    start, _end = year_range(reg, year_of(reg, day))
    where, params = _unposted_where(reg, start, day, block_id, dues_year)
    n, total, first, last = reg.conn.execute(
        "SELECT count(*), coalesce(sum(p.amount), 0), min(p.paid_on), max(p.paid_on) FROM dues_payments p "
        f"LEFT JOIN households h ON h.id = p.household_id WHERE {where}", params).fetchone()
    return UnpostedDues(n, total, first, last)


def post_dues(reg: Register, entry_date: str | date, account: int | str = "現金", *, block_id: int | None = None,
              dues_year: int | None = None, memo: str = "") -> int:
    """Put the dues payments received (in this 年度, up to ``entry_date``) and not yet in the cash
    book into it as one 会費収入 entry, and mark them as posted. A payment cancelled before it was
    posted is left out with its cancellation (together they are nothing)."""
    reg.session.require(BOOK_WRITE, "会費を出納簿に記帳する")
    day = _day(entry_date, "日付", "entry_date")
    fy = year_of(reg, day)
    _require_open(reg, fy)
    start, _end = year_range(reg, fy)
    where, params = _unposted_where(reg, start, day, block_id, dues_year)
    found = reg.conn.execute(f"SELECT p.id, p.amount FROM dues_payments p LEFT JOIN households h ON h.id = p.household_id "
                             f"WHERE {where}", params).fetchall()
    total = sum(a for _i, a in found)
    if total <= 0:
        raise RegisterError(f"{day.isoformat()}までに受け取った会費で、出納簿に記帳していないものはありません。")
    block = ""
    if block_id is not None:
        row = reg.conn.execute("SELECT name FROM blocks WHERE id = ?", [block_id]).fetchone()
        block = f"{row[0]} " if row else ""
    count = sum(1 for _i, a in found if a > 0) - sum(1 for _i, a in found if a < 0)
    dues = subject_by_code(reg, "dues")
    data = EntryData(day, "収入", total, account, dues.id, memo=memo or f"{block}会費 {count}件")
    values = _validate_entry(reg, data)
    with reg.writing("会費の出納簿への記帳"):
        eid, no = _insert_entry(reg, values)
        ids = [i for i, _a in found]
        reg.conn.execute(f"UPDATE dues_payments SET ledger_entry_id = ? WHERE id IN ({','.join('?' * len(ids))})",
                         [eid, *ids])
        reg._audit_row("update", "dues_payments", eid, f"会費の入金{len(ids)}件（{yen(total)}）を出納簿 No.{no} に記帳しました",
                       after={"payments": ids, "ledger_entry_id": eid})
    return eid


# -- budgets and the statements -------------------------------------------------------------------------


def set_budget(reg: Register, fy: int, amounts: Mapping[int | str, int | str], *,
               notes: Mapping[int | str, str] | None = None) -> None:
    """The budget (予算額) of year ``fy`` for the subjects given (others are left as they are);
    a 補正 is simply a later change, audited."""
    reg.session.require(BOOK_WRITE, "予算を決める")
    _require_open(reg, fy)
    clean: dict[int, tuple[str, int, str | None]] = {}
    for key, value in amounts.items():
        s = _subject(reg, key)
        note = None
        if notes and key in notes:
            note = clean_text(notes[key], field=f"{s.name}の備考", max_len=100, column="note")
        clean[s.id] = (s.name, _yen(value, f"{s.name}の予算額", "amount", allow_zero=True, maximum=10 * MAX_AMOUNT), note)
    before = get_budget(reg, fy)
    with reg.writing("予算の保存"):
        for sid, (_name, value, note) in clean.items():
            reg.conn.execute(
                "INSERT INTO budgets (fiscal_year, subject_id, amount, note, updated_at, updated_by) "
                "VALUES (?, ?, ?, coalesce(?, ''), ?, ?) ON CONFLICT (fiscal_year, subject_id) DO UPDATE SET "
                "amount = excluded.amount, note = coalesce(?, note), updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by", [fy, sid, value, note, reg.now(), reg.actor, note])
        changed = {name: value for sid, (name, value, _n) in clean.items() if before.get(sid) != value}
        reg._audit_row("update", "budgets", fy, f"{fiscal_year_label(fy)}の予算を決めました（{len(changed)}科目を変更）",
                       before={name: before.get(sid) for sid, (name, value, _n) in clean.items() if before.get(sid) != value},
                       after=changed)


def get_budget(reg: Register, fy: int) -> dict[int, int]:
    """Subject id → 予算額 for year ``fy``."""
    reg.session.require(READ)
    return dict(reg.conn.execute("SELECT subject_id, amount FROM budgets WHERE fiscal_year = ?", [fy]))


@dataclass(frozen=True)
class StatementLine:
    subject_id: int
    subject: str
    code: str | None
    budget: int
    actual: int
    note: str

    @property
    def difference(self) -> int:
        """差額（増減）= 決算額 − 予算額 (＋: more than planned)."""
        return self.actual - self.budget


@dataclass(frozen=True)
class Holding:
    """Where the balance is held at the year's end (普通預金, 現金 …)."""

    account: str
    kind: str
    institution: str
    amount: int


@dataclass(frozen=True)
class Statement:
    """収支決算書 of a year, as data: 収入の部 (first line 前年度繰越金) and 支出の部, each line
    科目 / 予算額 / 決算額 / 差額 / 備考; 次年度繰越金 = 収入合計 − 支出合計, held as ``holdings``."""

    fiscal_year: int
    label: str
    start: date
    end: date
    closed: bool
    association: str
    district: str
    income: tuple[StatementLine, ...]
    expense: tuple[StatementLine, ...]
    holdings: tuple[Holding, ...]

    @property
    def income_budget(self) -> int:
        return sum(x.budget for x in self.income)

    @property
    def income_total(self) -> int:
        return sum(x.actual for x in self.income)

    @property
    def expense_budget(self) -> int:
        return sum(x.budget for x in self.expense)

    @property
    def expense_total(self) -> int:
        return sum(x.actual for x in self.expense)

    @property
    def carry_in(self) -> int:
        """前年度繰越金."""
        return next((x.actual for x in self.income if x.code == "carry_over"), 0)

    @property
    def carry_out(self) -> int:
        """次年度繰越金 = 収入合計 − 支出合計."""
        return self.income_total - self.expense_total

    @property
    def balanced(self) -> bool:
        return self.carry_out == sum(h.amount for h in self.holdings)


def _subject_totals(reg: Register, fy: int) -> dict[int, int]:
    return dict(reg.conn.execute("SELECT subject_id, sum(amount) FROM ledger_entries WHERE fiscal_year = ? "
                                 "AND subject_id IS NOT NULL GROUP BY subject_id", [fy]))


def _statement_lines(reg: Register, fy: int, kind: str, budgets: dict[int, int], actual: dict[int, int],
                     notes: dict[int, str]) -> tuple[StatementLine, ...]:
    out = []
    for s in list_subjects(reg, kind, include_retired=True):
        if s.retired_on and not budgets.get(s.id) and not actual.get(s.id):
            continue
        out.append(StatementLine(s.id, s.name, s.code, budgets.get(s.id, 0), actual.get(s.id, 0), notes.get(s.id, "")))
    return tuple(out)


def settlement(reg: Register, fy: int) -> Statement:
    """The 収支決算書 of year ``fy`` (provisional while the year is open). 会費収入's note gives the
    number of households whose dues it holds."""
    reg.session.require(READ)
    year = get_year(reg, fy)
    budgets = get_budget(reg, fy)
    notes = dict(reg.conn.execute("SELECT subject_id, note FROM budgets WHERE fiscal_year = ? AND note <> ''", [fy]))
    actual = _subject_totals(reg, fy)
    carry = subject_by_code(reg, "carry_over")
    actual[carry.id] = sum(_openings(reg, fy).values())
    dues = subject_by_code(reg, "dues")
    paying = reg.conn.execute(
        "SELECT count(*) FROM (SELECT p.household_id FROM dues_payments p JOIN ledger_entries e ON e.id = p.ledger_entry_id "
        "WHERE e.fiscal_year = ? AND p.household_id IS NOT NULL GROUP BY p.household_id HAVING sum(p.amount) > 0)",
        [fy]).fetchone()[0]
    if paying:
        notes[dues.id] = "　".join(x for x in (f"{paying:,}世帯", notes.get(dues.id, "")) if x)
    closing = _balances_at(reg, fy, None)
    holdings = tuple(Holding(a.name, a.kind, a.institution, closing.get(a.id, 0))
                     for a in list_money_accounts(reg, include_retired=True)
                     if a.retired_on is None or closing.get(a.id))
    assoc = reg.conn.execute("SELECT name, district FROM association WHERE id = 1").fetchone()
    return Statement(fy, year.label, year.start, year.end, year.closed, assoc[0], assoc[1],
                     _statement_lines(reg, fy, "収入", budgets, actual, notes),
                     _statement_lines(reg, fy, "支出", budgets, actual, notes), holdings)


@dataclass(frozen=True)
class BudgetLine:
    subject_id: int
    subject: str
    code: str | None
    budget: int
    previous_budget: int
    previous_actual: int  # 前年度決算額 (0 when the previous year is not in this register)
    note: str

    @property
    def difference(self) -> int:
        """増減 = 本年度予算額 − 前年度予算額."""
        return self.budget - self.previous_budget


@dataclass(frozen=True)
class BudgetStatement:
    """収支予算書 of a year, as data."""

    fiscal_year: int
    label: str
    association: str
    district: str
    income: tuple[BudgetLine, ...]
    expense: tuple[BudgetLine, ...]

    @property
    def income_total(self) -> int:
        return sum(x.budget for x in self.income)

    @property
    def expense_total(self) -> int:
        return sum(x.budget for x in self.expense)

    @property
    def balanced(self) -> bool:
        """A budget is balanced when the income (繰越金 included) equals the expenses (予備費 included)."""
        return self.income_total == self.expense_total


def budget_statement(reg: Register, fy: int) -> BudgetStatement:
    reg.session.require(READ)
    year = get_year(reg, fy)
    budgets = get_budget(reg, fy)
    notes = dict(reg.conn.execute("SELECT subject_id, note FROM budgets WHERE fiscal_year = ?", [fy]))
    previous = get_budget(reg, fy - 1)
    prev_actual: dict[int, int] = {}
    if _year_row(reg, fy - 1) is not None:
        prev_actual = _subject_totals(reg, fy - 1)
        prev_actual[subject_by_code(reg, "carry_over").id] = sum(_openings(reg, fy - 1).values())

    def lines(kind: str) -> tuple[BudgetLine, ...]:
        return tuple(BudgetLine(s.id, s.name, s.code, budgets.get(s.id, 0), previous.get(s.id, 0),
                                prev_actual.get(s.id, 0), notes.get(s.id, ""))
                     for s in list_subjects(reg, kind, include_retired=True)
                     if not s.retired_on or budgets.get(s.id) or previous.get(s.id) or prev_actual.get(s.id))

    assoc = reg.conn.execute("SELECT name, district FROM association WHERE id = 1").fetchone()
    return BudgetStatement(fy, year.label, assoc[0], assoc[1], lines("収入"), lines("支出"))


# -- 校下 levies (金沢方式) --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LevyRate:
    id: int
    district: str
    fiscal_year: int
    name: str  # 公民館費, 福祉協議会費 …
    payee: str
    basis: str  # 世帯・月 / 世帯・年 / 町会・年
    rate: int
    subject_id: int | None
    notes: str


def _district(reg: Register, district: str | None) -> str:
    if district:
        return clean_text(district, field="校下", max_len=40, required=True, column="district")
    return reg.conn.execute("SELECT district FROM association WHERE id = 1").fetchone()[0] or ""


def list_levy_rates(reg: Register, fy: int, *, district: str | None = None) -> list[LevyRate]:
    reg.session.require(READ)
    return [LevyRate(*r) for r in reg.conn.execute(
        "SELECT id, district, fiscal_year, name, payee, basis, rate, subject_id, notes FROM levy_rates "
        "WHERE fiscal_year = ? AND district = ? ORDER BY sort_order, id", [fy, _district(reg, district)])]


def set_levy_rate(reg: Register, fy: int, name: str, rate: int | str, *, basis: str = "世帯・月", payee: str = "",
                  district: str | None = None, subject: int | str | None = None, notes: str = "") -> int:
    """Add or change one levy of 校下 ``district`` (the association's own by default) for year ``fy``."""
    reg.session.require(BOOK_WRITE, "校下への負担金の単価を決める")
    fy = _check_year_number(fy)
    year = _year_row(reg, fy)
    if year is not None and year.closed:
        _require_open(reg, fy)
    name = clean_text(name, field="負担金の名前", max_len=40, required=True, column="name")
    value = _yen(rate, "単価", "rate", allow_zero=True, maximum=10_000_000)
    basis = _choice(basis, schema.LEVY_BASES, "単価の単位", "basis")
    payee = clean_text(payee, field="納め先", max_len=60, column="payee")
    notes = clean_text(notes, field="備考", max_len=200, column="notes")
    where = _district(reg, district)
    if not where:
        raise ValidationError("校下", "校下を入力してください（町会の情報に校下を入れておくと省けます）。", field="district")
    sid = (subject_by_code(reg, "levy") if subject in (None, "") else _subject(reg, subject, "支出")).id
    row = reg.conn.execute("SELECT id, rate, basis, payee FROM levy_rates WHERE district = ? AND fiscal_year = ? "
                           "AND name = ?", [where, fy, name]).fetchone()
    after = {"rate": value, "basis": basis, "payee": payee}
    with reg.writing("校下への負担金の単価の保存"):
        if row is None:
            order = reg.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM levy_rates WHERE district = ? "
                                     "AND fiscal_year = ?", [where, fy]).fetchone()[0]
            lid = int(reg.conn.execute(
                "INSERT INTO levy_rates (district, fiscal_year, name, payee, basis, rate, subject_id, sort_order, notes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [where, fy, name, payee, basis, value, sid, order, notes]).lastrowid)
            reg._audit_row("insert", "levy_rates", lid, f"{where}の{fiscal_year_label(fy)}「{name}」を{basis} {yen(value)}"
                           "としました", after=after)
            return lid
        lid = row[0]
        reg.conn.execute("UPDATE levy_rates SET rate = ?, basis = ?, payee = ?, subject_id = ?, notes = ? WHERE id = ?",
                         [value, basis, payee, sid, notes, lid])
        reg._audit_row("update", "levy_rates", lid, f"{where}の{fiscal_year_label(fy)}「{name}」を{basis} {yen(value)}"
                       "に変えました", before={"rate": row[1], "basis": row[2], "payee": row[3]}, after=after)
        return lid


def delete_levy_rate(reg: Register, levy_id: int) -> None:
    """Remove a rate entered by mistake (rates are data, not money records)."""
    reg.session.require(BOOK_WRITE, "校下への負担金の単価を消す")
    row = reg.conn.execute("SELECT district, fiscal_year, name, rate, basis FROM levy_rates WHERE id = ?",
                           [levy_id]).fetchone()
    if row is None:
        raise RegisterError("この単価は台帳にありません。")
    year = _year_row(reg, row[1])
    if year is not None and year.closed:
        _require_open(reg, row[1])
    with reg.writing("校下への負担金の単価を消す"):
        reg.conn.execute("DELETE FROM levy_rates WHERE id = ?", [levy_id])
        reg._audit_row("delete", "levy_rates", levy_id, f"{row[0]}の{fiscal_year_label(row[1])}「{row[2]}」の単価を消しました",
                       before={"rate": row[3], "basis": row[4]})


@dataclass(frozen=True)
class LevyLine:
    name: str
    payee: str
    basis: str
    rate: int
    households: int  # 0 for a flat sum per 町会
    months: int
    amount: int


@dataclass(frozen=True)
class Levy:
    fiscal_year: int
    district: str
    as_of: date
    households: int
    lines: tuple[LevyLine, ...]

    @property
    def total(self) -> int:
        return sum(x.amount for x in self.lines)


def member_households(reg: Register, on: date) -> int:
    """Member households (加入) on ``on``, from the dated status history."""
    reg.session.require(READ)
    day = on.isoformat()
    return reg.conn.execute(
        """
        SELECT count(*) FROM households h WHERE coalesce(
            (SELECT s.status FROM household_status s WHERE s.household_id = h.id AND s.since <= ?
             ORDER BY s.since DESC, s.id DESC LIMIT 1),
            CASE WHEN NOT EXISTS (SELECT 1 FROM household_status s WHERE s.household_id = h.id)
                 AND h.status_since <= ? THEN h.status END) = '加入'
        """, [day, day]).fetchone()[0]


def levy(reg: Register, fy: int, *, as_of: date | str | None = None, households: int | None = None,
         district: str | None = None) -> Levy:
    """The 校下 levies of year ``fy``: 世帯数 × 単価 (× 12 for a monthly rate), plus flat sums per
    町会. The household count is the member households on ``as_of`` (the year's first day by
    default), or ``households`` when the 校下 uses a number of its own (e.g. the 実態報告書's)."""
    reg.session.require(READ)
    start, _end = year_range(reg, fy)
    day = start if as_of is None else _day(as_of, "基準日", "as_of")
    if households is None:
        count = member_households(reg, day)
    else:
        count = _yen(households, "世帯数", "households", allow_zero=True, maximum=1_000_000)
    lines = []
    for r in list_levy_rates(reg, fy, district=district):
        if r.basis == "世帯・月":
            lines.append(LevyLine(r.name, r.payee, r.basis, r.rate, count, 12, r.rate * count * 12))
        elif r.basis == "世帯・年":
            lines.append(LevyLine(r.name, r.payee, r.basis, r.rate, count, 1, r.rate * count))
        else:
            lines.append(LevyLine(r.name, r.payee, r.basis, r.rate, 0, 1, r.rate))
    return Levy(fy, _district(reg, district), day, count, tuple(lines))


# -- year-end closing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountCheck:
    account_id: int
    account: str
    opening: int
    income: int
    expense: int
    transfer_in: int
    transfer_out: int
    actual: int | None  # what the officer counted / read in the 通帳

    @property
    def book(self) -> int:
        """帳簿の残高 = opening + income − expense + transfers in − transfers out."""
        return self.opening + self.income - self.expense + self.transfer_in - self.transfer_out

    @property
    def difference(self) -> int | None:
        return None if self.actual is None else self.actual - self.book


@dataclass(frozen=True)
class ClosingCheck:
    fiscal_year: int
    accounts: tuple[AccountCheck, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def carry_over(self) -> int:
        return sum(a.book for a in self.accounts)


def closing_check(reg: Register, fy: int, actual: Mapping[int | str, int | str] | None = None) -> ClosingCheck:
    """What :func:`close_year` checks, without changing anything: each account's book balance
    against the ``actual`` balances (counted cash, the 通帳), the 決算書 against the accounts, dues
    received but not in the cash book, and the previous year being closed."""
    reg.session.require(READ)
    problems: list[str] = []
    year = _year_row(reg, fy)
    label = fiscal_year_label(fy)
    if year is None:
        return ClosingCheck(fy, (), (f"{label}の帳簿はまだ開かれていません。",))
    if year.closed:
        problems.append(f"{label}はすでに締め済みです。")
    previous = _year_row(reg, fy - 1)
    if previous is not None and not previous.closed:
        problems.append(f"前年度（{previous.label}）がまだ締められていません。前年度から順に締めてください。")
    given: dict[int, int] = {}
    for key, value in (actual or {}).items():
        try:
            aid = _account_id(reg, key)
            given[aid] = _yen(value, "実際の残高", "actual", allow_zero=True, maximum=10 * MAX_AMOUNT)
        except ValidationError as exc:
            problems.append(exc.message if exc.label == "口座" else f"「{key}」: {exc.message}")
    openings = _openings(reg, fy)
    sums: dict[int, list[int]] = {}
    for account, kind, to_account, amount in reg.conn.execute(
            "SELECT account_id, kind, to_account_id, sum(amount) FROM ledger_entries WHERE fiscal_year = ? "
            "GROUP BY account_id, kind, to_account_id", [fy]):
        s = sums.setdefault(account, [0, 0, 0, 0])
        if kind == "収入":
            s[0] += amount
        elif kind == "支出":
            s[1] += amount
        else:
            s[3] += amount
            sums.setdefault(to_account, [0, 0, 0, 0])[2] += amount
    checks = []
    for a in list_money_accounts(reg, include_retired=True):
        if a.retired_on and a.id not in openings and a.id not in sums and a.id not in given:
            continue
        inc, exp, tin, tout = sums.get(a.id, [0, 0, 0, 0])
        check = AccountCheck(a.id, a.name, openings.get(a.id, 0), inc, exp, tin, tout, given.get(a.id))
        checks.append(check)
        if check.book < 0:
            problems.append(f"「{a.name}」の帳簿の残高がマイナス（{yen(check.book)}）です。")
        if check.actual is None:
            if actual is not None or check.book:
                problems.append(f"「{a.name}」の実際の残高（数えた現金・通帳の残高）を入力してください。")
        elif check.difference:
            problems.append(f"「{a.name}」: 帳簿の残高 {yen(check.book)} と実際の残高 {yen(check.actual)} が合いません"
                            f"（差 {yen(check.difference)}）。記帳もれ・記帳まちがいを確かめてください。")
    start, end = year_range(reg, fy)
    where, params = _unposted_where(reg, start, end, None, None)
    n, total = reg.conn.execute(f"SELECT count(*), coalesce(sum(p.amount), 0) FROM dues_payments p WHERE {where}",
                                params).fetchone()
    if n:
        problems.append(f"この年度に受け取った会費のうち、出納簿に記帳していない入金が{n}件（{yen(total)}）あります。"
                        "先に「会費を出納簿に記帳」を行ってください。")
    statement_carry = (sum(openings.values()) + sum(v for (v,) in reg.conn.execute(
        "SELECT coalesce(sum(CASE kind WHEN '収入' THEN amount WHEN '支出' THEN -amount ELSE 0 END), 0) "
        "FROM ledger_entries WHERE fiscal_year = ?", [fy])))
    if statement_carry != sum(c.book for c in checks):
        problems.append(f"収支決算書の次年度繰越金（{yen(statement_carry)}）と口座の残高の合計"
                        f"（{yen(sum(c.book for c in checks))}）が合いません。")
    return ClosingCheck(fy, tuple(checks), tuple(problems))


def close_year(reg: Register, fy: int, actual: Mapping[int | str, int | str]) -> FiscalYear:
    """Close year ``fy`` after :func:`closing_check` passes with the ``actual`` balance of every
    account (account name or id → yen): the next year is opened if needed, each account's balance
    becomes its opening balance there (前年度繰越金), and ``fy`` is locked. Returns the next year."""
    reg.session.require(BOOK_WRITE, "年度を締める")
    check = closing_check(reg, fy, actual)
    if not check.ok:
        raise ValidationError("年度の締め", f"{fiscal_year_label(fy)}を締められません。\n" + "\n".join(check.problems),
                              field="actual")
    label = fiscal_year_label(fy)
    with reg.writing("年度の締め"):
        _open(reg, fy + 1)
        now = reg.now()
        before = _openings(reg, fy + 1)
        for a in check.accounts:
            reg.conn.execute(
                "INSERT INTO account_openings (fiscal_year, account_id, amount, source, updated_at, updated_by) "
                "VALUES (?, ?, ?, '繰越', ?, ?) ON CONFLICT (fiscal_year, account_id) DO UPDATE SET amount = excluded.amount, "
                "source = '繰越', updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [fy + 1, a.account_id, a.book, now, reg.actor])
        _check_no_negative(reg, fy + 1, f"繰り越したあとの{fiscal_year_label(fy + 1)}の記帳")
        held = "・".join(f"{a.account} {yen(a.book)}" for a in check.accounts if a.book)
        reg._audit_row("update", "account_openings", fy + 1,
                       f"{label}の残高を{fiscal_year_label(fy + 1)}に繰り越しました（{held or '0円'}）",
                       before={str(k): v for k, v in before.items()},
                       after={a.account: a.book for a in check.accounts})
        reg.conn.execute("UPDATE fiscal_years SET state = 'closed', closed_at = ?, closed_by = ?, carry_over = ? "
                         "WHERE fiscal_year = ?", [now, reg.actor, check.carry_over, fy])
        reg._audit_row("status", "fiscal_years", fy,
                       f"{label}を締めました（次年度繰越金 {yen(check.carry_over)}）",
                       before={"state": "open"}, after={"state": "closed", "carry_over": check.carry_over})
    nxt = _year_row(reg, fy + 1)
    assert nxt is not None
    return nxt


__all__ = [
    "BOOK_WRITE", "DUES_WRITE", "READ", "AccountCheck", "Balances", "BlockDues", "BudgetLine", "BudgetStatement",
    "BulkPayments", "CashBook", "CashBookRow", "ClosingCheck", "DuesCategory", "DuesLine", "DuesPlan", "Entry",
    "EntryData", "FiscalYear", "Holding", "Instalment", "InstalmentDue", "Levy", "LevyLine", "LevyRate",
    "MoneyAccount", "Payment", "PaymentData", "Statement", "StatementLine", "Subject", "UnpostedDues",
    "YearClosedError", "add_entry", "add_money_account", "add_subject", "arrears", "assess_dues", "balance",
    "balances", "budget_statement", "cancel_payment", "cash_book", "category_for", "close_year", "closing_check",
    "delete_levy_rate", "dues_by_block", "dues_for_year", "get_budget", "get_dues_plan", "get_entry", "get_year",
    "household_dues", "levy", "list_dues_categories", "list_entries", "list_levy_rates", "list_money_accounts",
    "list_payments", "list_subjects", "list_years", "member_households", "open_year", "opening_balances",
    "post_dues", "receipt_prefix", "record_block_payments", "record_payment", "rename_subject", "retire_dues_category",
    "retire_subject", "reverse_entry", "save_dues_category", "set_budget", "set_dues_plan", "set_household_dues",
    "set_levy_rate", "set_opening_balance", "settlement", "start_month", "subject_by_code", "unposted_dues",
    "year_of", "year_range", "yen",
]
