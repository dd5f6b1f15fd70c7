"""The demo association's books (Qt-free): last 年度 kept and closed, this 年度 being kept.

Called by :func:`kyodo_desktop.models.demo.populate_demo` inside its transaction, after the
households, officers and 班 are written, with its own ``Random`` (derived from the seed) so that the
rest of a seed is unchanged. Rows are built as tuples and written with ``executemany``, the way
the rest of the demo is written, but they are the rows the model itself would write (DOMAIN.md
§0, §1.1, §1.2-B; :mod:`kyodo_desktop.models.accounts_book`):

* last 年度 opened with the balances typed in (the first year in the program), its entries, then
  closed with its balances carried over (前年度繰越金) — written while open, then locked, as
  ``close_year`` does; this 年度 open, with entries up to ``today`` only;
* dues in 上期・下期 (正会員 ¥6,000 a year, 賛助会員 ¥3,000, 事業所 ¥12,000, 減免 half, 免除 nothing),
  assigned to every household that was a member on the year's first day or joined during it (a
  late joiner owes nothing for an instalment already due when it joined);
* payments collected per 班 by its 班長 on a day in May and in October (about a third of the
  households pay the whole year in May: one receipt for both rows), late joiners when they join,
  households moving out when they leave; a handful never pay (the arrears), a few pay late;
  every payment with its 領収書番号 (「R8-00001」: the year's series in order of payment) and one
  payment typed with the wrong amount, cancelled by a reversing row (before it reached the cash
  book, so neither is posted) and entered again;
* each 班長's hand-over posted as one 会費収入 entry a few days later (those not handed over yet by
  ``today`` are left unposted, as they would be), the cash put in the bank the same day;
* a year of the cash book: 市補助金 (防犯灯 electricity, ごみステーション), 夏祭り (事業収入, 協賛の寄付金,
  行事費), 利息 (雑収入), the 校下 levies (member households × the 校下's rates in ``levy_rates``),
  防犯灯 電気料 every month from the bank, 敬老 gifts in September, 防災, meetings, office costs,
  慶弔; cash drawn from the bank before a cash expense the cash cannot pay, so no account is ever
  below zero on any day; one entry corrected by a reversing entry;
* budgets per subject close to what was spent (last 年度's made from its own actuals, this 年度's
  from last 年度's, the 予備費 balancing both).

Amounts scale with the number of households. Everything is derived from the seed and ``today``.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label, fiscal_year_range

#: dues per category, per instalment (上期・下期)
DUES = {"正会員": (3000, 3000), "賛助会員": (1500, 1500), "事業所": (6000, 6000), "減免": (1500, 1500), "免除": (0, 0)}
#: the 校下's levies: (name, payee suffix, basis, rate)
LEVIES = (("公民館費", "公民館", "世帯・月", 80), ("社会福祉協議会費", "地区社会福祉協議会", "世帯・年", 500),
          ("体育協会費", "体育協会", "世帯・年", 200), ("交通安全推進協議会費", "交通安全推進協議会", "世帯・年", 100),
          ("子ども会育成連合会費", "子ども会育成連合会", "世帯・年", 100), ("町会連合会費", "町会連合会", "町会・年", 20000))
CASH_FLOAT = 30_000  # what the 会計 keeps in cash
ARREARS_SHARE = 0.015  # households that do not pay 下期 (some of them nothing at all)


@dataclass
class AccountsCounts:
    years: int = 0
    assessments: int = 0
    payments: int = 0
    entries: int = 0
    arrears: int = 0  # households with something unpaid of last 年度


def _in_year(fy: int, start_month: int, month: int, day: int) -> date:
    """Calendar ``month``/``day`` inside 年度 ``fy`` (the last day of the month if ``day`` is past it)."""
    year = fy if month >= start_month else fy + 1
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_after(start: date, months: int) -> tuple[int, int]:
    m = start.month - 1 + months
    return start.year + m // 12, m % 12 + 1


@dataclass
class _Entry:
    day: date
    kind: str
    subject: int | None
    amount: int
    account: int
    to_account: int | None = None
    memo: str = ""
    subsidy_ref: str = ""
    order: int = 1  # on one day: income (0) before transfers and expenses (1)
    reverses: _Entry | None = None
    payments: list[int] | None = None  # the dues payment ids a 会費 posting holds
    id: int = 0


class _Year:
    """One 年度's rows, built in memory; written by :func:`make_accounts`."""

    def __init__(self, maker: _Accounts, fy: int, *, last: date) -> None:
        self.m = maker
        self.fy = fy
        self.start, self.end = fiscal_year_range(fy, maker.start_month)
        self.last = min(last, self.end)  # nothing after this day (today, for the open year)
        self.entries: list[_Entry] = []

    def on(self, month: int, day: int) -> date:
        return _in_year(self.fy, self.m.start_month, month, day)

    def add(self, day: date, kind: str, subject: str, amount: int, account: str, memo: str, **kw: Any) -> None:
        if day <= self.last and amount > 0:
            self.entries.append(_Entry(day, kind, self.m.subjects[subject], amount, self.m.accounts[account], memo=memo,
                                       order=0 if kind == "収入" else 1, **kw))


class _Accounts:
    def __init__(self, book: Any, *, seed: int, start_month: int, district: str) -> None:
        self.book = book
        self.conn = book.conn
        self.rng = random.Random(f"kyodo-demo-accounts-{seed}")
        self.start_month = start_month
        self.district = district
        self.today = book.today()
        self.stamp = book.now()
        self.actor = book.actor
        self.subjects = {name: sid for sid, name in self.conn.execute("SELECT id, name FROM ledger_subjects")}
        self.accounts = {name: aid for aid, name in self.conn.execute("SELECT id, name FROM money_accounts")}
        self.counts = AccountsCounts()
        self.payment_rows: list[tuple] = []
        self.next_payment = 1 + (self.conn.execute("SELECT coalesce(max(id), 0) FROM dues_payments").fetchone()[0])
        self.next_entry = 1 + (self.conn.execute("SELECT coalesce(max(id), 0) FROM ledger_entries").fetchone()[0])
        self.homes = {r[0]: r[1:] for r in self.conn.execute(
            "SELECT h.id, h.block_id, coalesce(b.name, ''), h.circulation_order, h.member_type, h.dues_category "
            "FROM households h LEFT JOIN blocks b ON b.id = h.block_id")}
        self.hancho: dict[tuple[int, int], str] = {}
        self.treasurer: dict[int, str] = {}
        for f, role, block, name in self.conn.execute(
                "SELECT o.fiscal_year, o.role, o.block_id, trim(p.family_name || '　' || p.given_name, '　') "
                "FROM officers o JOIN persons p ON p.id = o.person_id WHERE o.role IN ('班長', '会計') ORDER BY o.id"):
            if role == "班長" and block is not None:
                self.hancho.setdefault((f, block), name)
            elif role == "会計":
                self.treasurer.setdefault(f, name)

    # -- the dues of a year ---------------------------------------------------------------------------

    def plan(self, fy: int) -> list[tuple[int, str, date]]:
        start, _end = fiscal_year_range(fy, self.start_month)
        out = []
        for no, (label, months) in enumerate((("上期", 1), ("下期", 6)), start=1):
            y, m = _month_after(start, months)
            out.append((no, label, date(y, m, calendar.monthrange(y, m)[1])))
        return out

    def status_changes(self, start: date, end: date) -> dict[int, list[tuple[str, str]]]:
        changes: dict[int, list[tuple[str, str]]] = {}
        for hid, status, since in self.conn.execute(
                "SELECT household_id, status, since FROM household_status WHERE since > ? AND since <= ? "
                "ORDER BY household_id, since, id", [start.isoformat(), end.isoformat()]):
            changes.setdefault(hid, []).append((status, since))
        return changes

    def dues(self, y: _Year) -> None:
        """Assessments and payments of year ``y`` (its receipts numbered in order of payment)."""
        rng, fy = self.rng, y.fy
        plan = self.plan(fy)
        cats = ab.list_dues_categories(self.book)
        members = ab._members_in_year(self.book, fy)  # the model's own rule: 加入 on the first day or joined
        changes = self.status_changes(y.start, y.end)
        assessed_at = f"{y.start.isoformat()}T10:00:00"
        rows = []
        owed: dict[int, list[int]] = {}
        joined_on: dict[int, date] = {}
        left_on: dict[int, date] = {}
        for hid in sorted(members):
            _block, _bname, _order, member_type, dues_category = self.homes[hid]
            cat = ab.category_for(cats, member_type, dues_category)
            if cat is None:
                continue
            for status, since in changes.get(hid, ()):
                if status == "加入" and members[hid] and hid not in joined_on:
                    joined_on[hid] = date.fromisoformat(since)
                elif status != "加入" and hid not in left_on and date.fromisoformat(since) > joined_on.get(hid, y.start):
                    left_on[hid] = date.fromisoformat(since)
            amounts = []
            for (no, label, due), amount in zip(plan, DUES.get(cat.name, (0, 0)), strict=True):
                reason = ""
                if members[hid]:
                    reason = "年度途中の加入"
                    if joined_on.get(hid, y.start) > due:
                        amount, reason = 0, f"年度途中の加入（{label}は納期限後の加入のため対象外）"
                rows.append((fy, hid, no, cat.id, amount, reason, assessed_at, self.actor))
                amounts.append(amount)
            owed[hid] = amounts
        self.conn.executemany("INSERT INTO dues_assessments (fiscal_year, household_id, instalment_no, category_id, "
                              "amount, reason, assessed_at, assessed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.counts.assessments += len(rows)

        # who pays when: (day, household, [(instalment, amount)], note); a few never pay 下期
        payers = [hid for hid, a in owed.items() if sum(a)]
        n_late = max(1, round(len(payers) * ARREARS_SHARE)) if payers else 0
        late = set(rng.sample(payers, min(n_late, len(payers))))
        blocks = sorted({self.homes[h][0] for h in payers}, key=lambda b: (b is None, b or 0))
        collect = {b: (y.on((self.start_month + 1 - 1) % 12 + 1, rng.randint(2, 22)),
                       y.on((self.start_month + 6 - 1) % 12 + 1, rng.randint(2, 22))) for b in blocks}
        plans: list[tuple[date, int, list[tuple[int, int]]]] = []
        for hid in payers:
            first, second = collect[self.homes[hid][0]]
            a = owed[hid]
            joined, left = joined_on.get(hid), left_on.get(hid)
            if left is not None and left <= first:  # moved out before the 班長 came: settled when leaving
                plans.append((max(y.start, left - timedelta(days=rng.randint(1, 6))), hid, [(1, a[0]), (2, a[1])]))
                continue
            if joined is not None and joined > first:
                if joined > second:
                    plans.append((joined + timedelta(days=rng.randint(3, 20)), hid, [(1, a[0]), (2, a[1])]))
                else:
                    plans.append((second, hid, [(1, a[0]), (2, a[1])]))
                continue
            if hid in late:
                if rng.random() < 0.3:
                    continue  # nothing paid at all
                plans.append((first, hid, [(1, a[0])]))
                if rng.random() < 0.4:  # paid late, near the year's end
                    plans.append((y.on((self.start_month + 10 - 1) % 12 + 1, rng.randint(1, 25)), hid, [(2, a[1])]))
                continue
            if rng.random() < 0.33 or (left is not None and left <= second):
                plans.append((first, hid, [(1, a[0]), (2, a[1])]))
            else:
                plans.append((first, hid, [(1, a[0])]))
                plans.append((second, hid, [(2, a[1])]))
        plans = [(d, h, [(no, amt) for no, amt in parts if amt > 0]) for d, h, parts in plans
                 if d <= y.last and d <= y.end]
        plans = [p for p in plans if p[2]]
        plans.sort(key=lambda p: (p[0], self.homes[p[1]][0] or 0, self.homes[p[1]][2], p[1]))
        # one payment typed with the wrong amount, cancelled and entered again (the first one of 下期 alone)
        mistake = next((k for k, (_d, _h, parts) in enumerate(plans) if [no for no, _a in parts] == [2]), None)
        serial = 0
        prefix = ab.receipt_prefix(fy)
        self.handed: dict[tuple[date, int | None], list[tuple[int, int]]] = {}
        for k, (day, hid, parts) in enumerate(plans):
            block, bname, _order, _mt, _dc = self.homes[hid]
            who = self.hancho.get((fy, block)) or self.treasurer.get(fy) or "会計"
            entered = f"{day.isoformat()}T19:00:00"
            hand_over = min(day + timedelta(days=3 + (block or 0) % 4), y.end)  # in the year it was paid
            if k == mistake:
                no, amount = parts[0]
                serial += 1
                wrong = self.next_payment
                self.payment_row(fy, hid, no, amount // 2, day, who, f"{prefix}{serial:05d}", "", None, entered)
                self.payment_row(fy, hid, no, -(amount // 2), day, who, f"{prefix}{serial:05d}", "金額の誤り（入れ直し）",
                                 wrong, entered)
            serial += 1
            for no, amount in parts:
                pid = self.payment_row(fy, hid, no, amount, day, who, f"{prefix}{serial:05d}", "", None, entered)
                self.handed.setdefault((hand_over, block), []).append((pid, amount))
        self.block_names = {h[0]: h[1] for h in self.homes.values()}

    def payment_row(self, fy: int, hid: int, no: int, amount: int, day: date, who: str, receipt: str, note: str,
                    reverses: int | None, entered: str) -> int:
        pid = self.next_payment
        self.next_payment += 1
        self.payment_rows.append([pid, fy, hid, no, amount, day.isoformat(), who, receipt, "現金", note, reverses,
                                  None, entered, self.actor])
        return pid

    # -- the cash book of a year ----------------------------------------------------------------------

    def cash_book(self, y: _Year, households: int, members: int) -> None:
        rng, on, add = self.rng, y.on, y.add
        n = max(households, 1)
        lights = max(4, n // 12)
        stations = max(1, round(len({h[0] for h in self.homes.values()}) * 2 / 5))
        sm = self.start_month
        months = [(sm - 1 + k) % 12 + 1 for k in range(12)]
        for (day, block), paid in sorted(self.handed.items(), key=lambda t: (t[0][0], t[0][1] or 0)):
            total = sum(a for _p, a in paid)
            if day <= y.last and day <= y.end and total > 0:
                count = sum(1 for _p, a in paid if a > 0) - sum(1 for _p, a in paid if a < 0)
                y.entries.append(_Entry(day, "収入", self.subjects["会費収入"], total, self.accounts["現金"],
                                        memo=f"{self.block_names.get(block, '')} 会費 {count}件".strip(), order=0,
                                        payments=[p for p, _a in paid]))
        # income
        add(on(7, 10), "収入", "市補助金", stations * 8000, "普通預金", f"ごみステーション維持補助金（{stations}か所）",
            subsidy_ref="ごみステーション維持補助")
        electricity = lights * 260
        add(on(2, 15), "収入", "市補助金", electricity * 12 // 2, "普通預金", f"防犯灯電気料補助金（{lights}灯・1/2）",
            subsidy_ref="防犯灯電気料補助")
        businesses = sum(1 for h in self.homes.values() if h[4] == "事業所")
        add(on(7, 25), "収入", "寄付金", max(2, businesses) * 5000 + n * 10, "現金", "夏祭り協賛金")
        add(on(8, 5), "収入", "事業収入", n * 130 + rng.randint(0, 99) * 10, "現金", "夏祭り 模擬店売上")
        # expenses
        levy_households = members
        for name, payee, basis, rate in LEVIES:
            amount = rate * levy_households * (12 if basis == "世帯・月" else 1) if basis != "町会・年" else rate
            what = f"{levy_households}世帯×{rate}円" + ("×12か月" if basis == "世帯・月" else "") if basis != "町会・年" else "町会割"
            add(on(6, 15), "支出", "上部団体負担金", amount, "普通預金", f"{name}（{self.district}{payee}）{what}")
        for m in months:
            add(on(m, 20), "支出", "防犯灯維持費", electricity + rng.randint(-lights, lights) * 10, "普通預金",
                f"防犯灯電気料（{m}月分・{lights}灯）")
            add(on(m, rng.randint(5, 12)), "支出", "会議費", rng.randint(10, 30) * 100, "現金", f"{m}月役員会 お茶代")
        add(on((sm) % 12 + 1, rng.randint(14, 20)), "支出", "会議費", n * 25 + 3000, "現金", "定期総会 資料・お茶")
        for k in (0, 3, 6, 9):
            add(on(months[k], 25), "支出", "事務費", rng.randint(20, 80) * 100, "現金", "コピー用紙・文具・切手")
        add(on(6, 20), "支出", "各種団体助成金", max(10000, n * 60), "普通預金", "子ども会助成金")
        add(on(6, 20), "支出", "各種団体助成金", max(10000, n * 60), "普通預金", "老人会助成金")
        add(on(6, 20), "支出", "各種団体助成金", max(5000, n * 30), "普通預金", "婦人会助成金")
        add(on(6, 1), "支出", "行事費", rng.randint(30, 60) * 100, "現金", "町内一斉清掃 ごみ袋・軍手")
        add(on(8, 1), "支出", "行事費", n * 180 + 20000, "現金", "夏祭り 材料・テント・景品")
        add(on(10, 8), "支出", "行事費", n * 80 + 10000, "現金", "校下運動会 参加賞・飲み物")
        add(on(10, 15), "支出", "募金", n * 100, "普通預金", "赤い羽根共同募金（町会負担分）")
        add(on(10, 28), "支出", "防犯灯維持費", n * 50 + 8000, "普通預金", "防犯灯修繕（LED球交換）")
        add(on((sm) % 12 + 1, 28), "支出", "広報費", n * 20 + 2000, "現金", "回覧板ファイル・掲示板の貼り替え")
        elders = self.conn.execute(
            "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = '在籍' "
            "AND h.status = '加入' AND p.birth_date <= ?", [on(9, 15).replace(year=on(9, 15).year - 75).isoformat()]
        ).fetchone()[0]
        add(on(9, 10), "支出", "敬老費", max(1, elders) * 1000, "現金", f"敬老の日 記念品（75歳以上 {elders}人）")
        add(on(11, 5), "支出", "防災費", n * 60 + 5000, "現金", "防災訓練 消耗品・飲料水")
        add(on(3, 10), "支出", "防災費", n * 20 + 3000, "現金", "備蓄品の入れ替え")
        for _k in range(max(2, n // 100)):
            m = rng.choice(months)
            add(on(m, rng.randint(1, 28)), "支出", "慶弔費", rng.choice((5000, 5000, 10000)), "現金", "香典・お見舞い")
        self.interest = [on(8, 20), on(2, 20)]
        # one expense typed wrong, corrected by a reversing entry and the right one
        day = on(months[3], 26)
        if day <= y.last:
            wrong = _Entry(day, "支出", self.subjects["事務費"], 8300, self.accounts["現金"], memo="封筒・インク")
            y.entries += [wrong, _Entry(day, "支出", self.subjects["事務費"], -8300, self.accounts["現金"],
                                        memo="取消: 金額の誤り（3,800円）", reverses=wrong),
                          _Entry(day, "支出", self.subjects["事務費"], 3800, self.accounts["現金"], memo="封筒・インク")]

    def settle(self, y: _Year, opening: dict[int, int]) -> dict[int, int]:
        """Put the entries in date order, drawing cash from the bank before a cash expense it cannot
        pay and banking the dues beyond the float; interest on the bank balance. Returns the closing."""
        cash, bank = self.accounts["現金"], self.accounts["普通預金"]
        bal = dict(opening)
        for day in self.interest:
            if day <= y.last:
                y.entries.append(_Entry(day, "収入", self.subjects["雑収入"], 0, bank, memo="普通預金 利息", order=2))
        y.entries.sort(key=lambda e: (e.day, e.order))
        out: list[_Entry] = []
        for e in y.entries:
            if e.reverses is not None and e.reverses not in out:
                continue  # its original could not be paid
            if e.order == 2:  # interest: known only now
                e.amount, e.order = max(1, bal[bank] // 20000), 0
            if e.kind == "支出":
                if bal[e.account] < e.amount:
                    other = bank if e.account == cash else cash
                    need = e.amount - bal[e.account] + (CASH_FLOAT // 2 if e.account == cash else 0)
                    need = -(-need // 1000) * 1000
                    if bal[other] < need:
                        continue  # cannot be paid: the officer would not have spent it
                    out.append(_Entry(e.day, "振替", None, need, other, e.account,
                                      memo="普通預金から引き出し" if other == bank else "普通預金へ預け入れ"))
                    bal[other] -= need
                    bal[e.account] += need
                bal[e.account] -= e.amount
            else:
                bal[e.account] += e.amount
            out.append(e)
            if e.payments and bal[cash] > 2 * CASH_FLOAT:
                move = (bal[cash] - CASH_FLOAT) // 1000 * 1000
                out.append(_Entry(e.day, "振替", None, move, cash, bank, memo="会費を普通預金へ預け入れ"))
                bal[cash] -= move
                bal[bank] += move
        y.entries = out
        return bal

    def write_entries(self, y: _Year) -> None:
        rows = []
        for no, e in enumerate(y.entries, start=1):
            e.id = self.next_entry
            self.next_entry += 1
            rows.append((e.id, y.fy, no, e.day.isoformat(), e.kind, e.subject, e.amount, e.account, e.to_account,
                         e.memo, "", None, e.subsidy_ref, e.reverses.id if e.reverses else None,
                         f"{e.day.isoformat()}T20:00:00", self.actor))
            for pid in e.payments or ():
                self.payment_rows[pid - self.payment_rows[0][0]][11] = e.id
        self.conn.executemany(
            "INSERT INTO ledger_entries (id, fiscal_year, entry_no, entry_date, kind, subject_id, amount, account_id, "
            "to_account_id, memo, receipt_no, event_id, subsidy_ref, reverses_id, entered_at, entered_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.counts.entries += len(rows)

    def budget(self, fy: int, actual: dict[int, int], carry: int, members: int, *,
               jitter: Callable[[int], int]) -> None:
        """予算 per subject near ``actual``, 前年度繰越金 = ``carry``, the 予備費 balancing income and expense."""
        kinds = dict(self.conn.execute("SELECT id, kind FROM ledger_subjects"))
        codes = {c: i for i, c in self.conn.execute("SELECT id, code FROM ledger_subjects WHERE code IS NOT NULL")}
        plan = {sid: jitter(v) for sid, v in actual.items() if v > 0 and sid not in (codes["carry_over"], codes["reserve"])}
        plan[codes["carry_over"]] = carry
        income = sum(v for sid, v in plan.items() if kinds[sid] == "収入")
        expense = sum(v for sid, v in plan.items() if kinds[sid] == "支出")
        plan[codes["reserve"]] = max(0, income - expense)
        notes = {codes["dues"]: f"{members}世帯を見込む"}
        at = f"{fiscal_year_range(fy, self.start_month)[0].isoformat()}T10:00:00"
        self.conn.executemany("INSERT INTO budgets (fiscal_year, subject_id, amount, note, updated_at, updated_by) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              [(fy, sid, v, notes.get(sid, ""), at, self.actor) for sid, v in sorted(plan.items())])


def make_accounts(book: Any, *, seed: int, start_month: int, district: str) -> AccountsCounts:
    """Write last 年度 (closed) and this 年度 (open) of the demo's books; see the module's docstring.
    ``book`` is the demo's stand-in for a register (its connection inside the demo's transaction)."""
    m = _Accounts(book, seed=seed, start_month=start_month, district=district)
    conn, rng = m.conn, m.rng
    fy = fiscal_year(m.today, start_month)
    prev = fy - 1
    first, _ = fiscal_year_range(prev, start_month)
    this_start, _ = fiscal_year_range(fy, start_month)
    closed_on = min(m.today, this_start + timedelta(days=40))
    conn.executemany("INSERT INTO fiscal_years (fiscal_year, state, opened_at, opened_by) VALUES (?, 'open', ?, ?)",
                     [(prev, f"{(first - timedelta(days=10)).isoformat()}T10:00:00", m.actor),
                      (fy, f"{closed_on.isoformat()}T10:00:00", m.actor)])
    cats = {c.name: c.id for c in ab.list_dues_categories(book)}
    levy = m.subjects["上部団体負担金"]
    for year in (prev, fy):
        conn.executemany("INSERT INTO dues_instalments (fiscal_year, no, label, due_on) VALUES (?, ?, ?, ?)",
                         [(year, no, label, due.isoformat()) for no, label, due in m.plan(year)])
        conn.executemany("INSERT INTO dues_amounts (fiscal_year, category_id, instalment_no, amount) VALUES (?, ?, ?, ?)",
                         [(year, cid, no, DUES.get(name, (0, 0))[no - 1]) for name, cid in cats.items() for no in (1, 2)])
        conn.executemany("INSERT INTO levy_rates (district, fiscal_year, name, payee, basis, rate, subject_id, sort_order) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [(district, year, name, f"{district}{payee}", basis, rate, levy, k)
                          for k, (name, payee, basis, rate) in enumerate(LEVIES, start=1)])
    households = len(m.homes)
    n = max(households, 1)
    opening = {m.accounts["現金"]: 20_000 + rng.randint(0, 200) * 100,
               m.accounts["普通預金"]: n * 2500 + 150_000 + rng.randint(0, 9999)}
    conn.executemany("INSERT INTO account_openings (fiscal_year, account_id, amount, source, updated_at, updated_by) "
                     "VALUES (?, ?, ?, '入力', ?, ?)",
                     [(prev, a, v, f"{first.isoformat()}T10:00:00", m.actor) for a, v in opening.items()])
    actuals: dict[int, dict[int, int]] = {}
    carry = 0
    for year, last in ((prev, fiscal_year_range(prev, start_month)[1]), (fy, m.today)):
        y = _Year(m, year, last=last)
        start_members = ab.member_households(book, y.start)
        m.dues(y)
        m.cash_book(y, households, start_members)
        closing = m.settle(y, opening)
        m.write_entries(y)
        totals: dict[int, int] = {}
        for e in y.entries:
            if e.subject is not None:
                totals[e.subject] = totals.get(e.subject, 0) + e.amount
        actuals[year] = totals
        if year == prev:
            carry = sum(closing.values())
            m.budget(prev, totals, sum(opening.values()), start_members,
                     jitter=lambda v: max(1000, round(v * rng.uniform(0.94, 1.08), -3)))
            m.budget(fy, totals, carry, ab.member_households(book, this_start),
                     jitter=lambda v: max(1000, -(-v // 1000) * 1000))
            conn.executemany("INSERT INTO account_openings (fiscal_year, account_id, amount, source, updated_at, "
                             "updated_by) VALUES (?, ?, ?, '繰越', ?, ?)",
                             [(fy, a, v, f"{closed_on.isoformat()}T10:00:00", m.actor) for a, v in closing.items()])
            opening = closing
    conn.executemany("INSERT INTO dues_payments (id, fiscal_year, household_id, instalment_no, amount, paid_on, "
                     "received_by, receipt_no, method, note, reverses_id, ledger_entry_id, entered_at, entered_by) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [tuple(r) for r in m.payment_rows])
    # closed as close_year closes it: after its rows, with its carry-over; the triggers lock it from now on
    conn.execute("UPDATE fiscal_years SET state = 'closed', closed_at = ?, closed_by = ?, carry_over = ? "
                 "WHERE fiscal_year = ?", [f"{closed_on.isoformat()}T10:00:00", m.treasurer.get(fy) or m.actor,
                                           carry, prev])
    m.counts.years = 2
    m.counts.payments = len(m.payment_rows)
    m.counts.arrears = conn.execute(
        "SELECT count(*) FROM (SELECT a.household_id FROM dues_assessments a WHERE a.fiscal_year = ? GROUP BY "
        "a.household_id HAVING sum(a.amount) > coalesce((SELECT sum(p.amount) FROM dues_payments p WHERE "
        "p.fiscal_year = ? AND p.household_id = a.household_id), 0))", [prev, prev]).fetchone()[0]
    return m.counts


def describe(counts: AccountsCounts, fy: int) -> dict[str, Any]:
    """The figures for the demo's audit row."""
    return {"books": f"{fiscal_year_label(fy - 1)} 締め済み・{fiscal_year_label(fy)} 記帳中",
            "dues_payments": counts.payments, "ledger_entries": counts.entries, "dues_arrears_last_year": counts.arrears}


__all__ = ["DUES", "LEVIES", "AccountsCounts", "describe", "make_accounts"]
