"""会費・収支の帳票: the 会費集金簿, 収支決算書 (PDF and Excel, with the 会計監査報告書) and
収支予算書 written from a small year of accounts and read back (pdftotext, openpyxl)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from kyodo_desktop.export import accounts_docs as docs
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

PLAN = [("上期", "2026-05-31"), ("下期", "2026-10-31")]
AMOUNTS = {"正会員": [3000, 3000], "賛助会員": [1500, 1500], "事業所": [6000, 6000], "減免": [1500, 1500], "免除": [0, 0]}


@pytest.fixture
def clock():
    return lambda: datetime(2026, 11, 28, 10, 0)


def _household(reg, block, family, **kw):
    kw.setdefault("status_since", "2020-04-01")
    return hh.save_household(reg, hh.HouseholdData(block_id=block, persons=[
        hh.PersonData(family_name=family, given_name="一")], **kw))


@pytest.fixture
def books(register):
    """2 班, 5 member households, dues partly paid and posted, a few entries and a budget."""
    reg = register
    b1, b2 = hh.add_block(reg, "1班"), hh.add_block(reg, "2班")
    ids = {"青木": _household(reg, b1, "青木"), "井上": _household(reg, b1, "井上", dues_category="減免"),
           "江藤": _household(reg, b2, "江藤"), "小野": _household(reg, b2, "小野", dues_category="事業所"),
           "加藤": _household(reg, b2, "加藤", status="非加入")}
    ab.open_year(reg, 2026)
    ab.set_dues_plan(reg, 2026, PLAN, AMOUNTS)
    ab.set_opening_balance(reg, 2026, "現金", 20000)
    ab.set_opening_balance(reg, 2026, "普通預金", 300000)
    ab.assess_dues(reg, 2026)
    ab.record_payment(reg, ab.PaymentData(ids["青木"], 2026, 6000, "2026-05-10"))
    ab.record_payment(reg, ab.PaymentData(ids["江藤"], 2026, 3000, "2026-05-20", instalment_no=1))
    ab.record_payment(reg, ab.PaymentData(ids["小野"], 2026, 5000, "2026-05-20"))
    ab.post_dues(reg, "2026-05-31")
    ab.add_entry(reg, ab.EntryData("2026-06-15", "収入", 90000, "普通預金", "市補助金"))
    ab.add_entry(reg, ab.EntryData("2026-07-01", "支出", 48000, "普通預金", "防犯灯維持費"))
    ab.add_entry(reg, ab.EntryData("2026-07-02", "支出", 540, "現金", "会議費"))
    ab.set_budget(reg, 2026, {"前年度繰越金": 320000, "会費収入": 27000, "市補助金": 90000, "防犯灯維持費": 100000,
                              "会議費": 10000, "予備費": 327000}, notes={"会費収入": "4世帯"})
    reg.ids, reg.b1, reg.b2 = ids, b1, b2
    return reg


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def _flat(text: str) -> str:
    return re.sub(r"[\s　]+", "", text)


def _audits(reg, like: str) -> int:
    return reg.conn.execute("SELECT count(*) FROM audit_log WHERE summary LIKE ?", [f"%{like}%"]).fetchone()[0]


def test_money_shows_negatives_with_a_triangle():
    assert (docs.money(0), docs.money(12000), docs.money(-16000)) == ("0", "12,000", "△16,000")


@needs_poppler
def test_the_collection_book_has_each_block_with_dues_and_payments(books, tmp_path):
    result = docs.write_collection_book(books, tmp_path / "集金簿.pdf", fiscal_year=2026)
    assert result.households == 4 and result.pages == 2  # one page per 班
    text = _text(result.path)
    pages = text.split("\f")
    assert "1班" in pages[0] and "青木" in pages[0] and "江藤" not in pages[0]
    assert "2班" in pages[1] and "江藤" in pages[1] and "小野" in pages[1] and "加藤" not in text  # 非加入
    flat = _flat(text)
    for header in ("班", "世帯", "年額", "上期の入金日", "下期の入金日", "領収印", "備考"):
        assert header in flat
    assert "済5/10" in flat  # 青木: paid, with the date
    assert "12,000円" in flat and "5,000円入" in flat and "残1,000円" in flat  # 小野: part of 上期
    assert "合計2世帯年額9,000円入金済6,000円未納3,000円" in flat  # 1班: 青木 6,000 + 井上 3,000 (減免)
    assert "合計2世帯年額18,000円入金済8,000円未納10,000円" in flat
    assert _audits(books, "会費集金簿") == 1
    docs.write_collection_book(books, tmp_path / "preview.pdf", fiscal_year=2026, record=False)
    assert _audits(books, "会費集金簿") == 1
    only = docs.write_collection_book(books, tmp_path / "2班.pdf", fiscal_year=2026, block_ids=[books.b2], record=False)
    assert only.households == 2 and "青木" not in _text(only.path)


@needs_poppler
def test_a_hancho_gets_only_their_own_block(books, tmp_path):
    books.session = Session(None, "h", "2班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                            frozenset({books.b2}))
    result = docs.write_collection_book(books, tmp_path / "集金簿.pdf", fiscal_year=2026)
    text = _text(result.path)
    assert result.households == 2 and result.pages == 1
    assert "2班" in text and "江藤" in text and "青木" not in text and "井上" not in text and "1班" not in text
    with pytest.raises(RegisterError, match="載せる世帯がありません"):  # asking for another 班 gives nothing
        docs.write_collection_book(books, tmp_path / "1班.pdf", fiscal_year=2026, block_ids=[books.b1])
    assert not (tmp_path / "1班.pdf").exists()
    books.session = Session(None, "v", "閲覧", "閲覧", frozenset({"register.read"}))
    with pytest.raises(PermissionDenied):
        docs.write_collection_book(books, tmp_path / "x.pdf", fiscal_year=2026)


def _amounts(flat: str, label: str) -> list[int]:
    """The figures printed after ``label`` on its row (予算額, 決算額, 差額)."""
    m = re.search(re.escape(label) + r"((?:△?[\d,]+){3})", flat)
    assert m, label
    return [int(x.replace(",", "").replace("△", "-")) for x in re.findall(r"△?\d{1,3}(?:,\d{3})*", m.group(1))]


@needs_poppler
def test_the_settlement_balances_and_has_the_audit_report(books, tmp_path):
    s = ab.settlement(books, 2026)
    assert s.balanced
    result = docs.write_settlement(books, tmp_path / "決算書.pdf", fiscal_year=2026)
    text = _text(result.path)
    flat = _flat(text)
    for word in ("令和8年度収支決算書", "収入の部", "支出の部", "科目", "予算額", "決算額", "差額", "備考",
                 "前年度繰越金", "次年度繰越金の内訳", "会計監査報告書", "見込み"):
        assert word in flat, word
    assert flat.count("監事") == 2 and "令和年月日" in flat
    # 会費収入: 14,000 paid against 27,000 planned; income − expense = carry-over = what the accounts hold
    assert "会費収入27,00014,000△13,000" in flat
    assert "4世帯" in flat and "3世帯" in flat  # the budget's note and the paying households
    assert s.income_total == 320000 + 14000 + 90000 and s.expense_total == 48540
    income = _amounts(flat, "収入合計")
    expense = _amounts(flat, "支出合計")
    assert income[1] == s.income_total and expense[1] == s.expense_total
    carry = s.income_total - s.expense_total
    assert f"次年度繰越金{carry:,}円" in flat
    held = {h.account: h.amount for h in s.holdings}
    assert held == {"現金": 20000 + 14000 - 540, "普通預金": 300000 + 90000 - 48000}
    assert sum(held.values()) == carry and f"合計（次年度繰越金）{carry:,}" in flat
    assert f"現金{held['現金']:,}" in flat and f"普通預金{held['普通預金']:,}" in flat
    assert _audits(books, "収支決算書（PDF）") == 1


@needs_poppler
def test_a_long_settlement_goes_over_pages_and_keeps_the_audit_report_together(books, tmp_path):
    for n in range(30):
        ab.add_subject(books, "支出", f"臨時の費用{n:02d}")
    ab.add_entry(books, ab.EntryData("2026-08-01", "支出", 1234, "現金", "臨時の費用29"))
    result = docs.write_settlement(books, tmp_path / "long.pdf", fiscal_year=2026, record=False)
    pages = _text(result.path).split("\f")
    assert result.pages >= 2 and "2/" in _flat(pages[1])
    last = next(p for p in pages if "会 計 監 査 報 告 書" in p or "会計監査報告書" in _flat(p))
    assert _flat(last).count("監事") == 2  # the report and both signature lines on one page
    assert "臨時の費用29" in _flat("".join(pages)) and _flat(pages[1]).count("科目") >= 1  # header repeated


@needs_poppler
def test_the_budget(books, tmp_path):
    b = ab.budget_statement(books, 2026)
    result = docs.write_budget(books, tmp_path / "予算書.pdf", fiscal_year=2026)
    flat = _flat(_text(result.path))
    for word in ("令和8年度収支予算書", "収入の部", "支出の部", "本年度予算額", "前年度予算額", "増減"):
        assert word in flat, word
    assert b.balanced and f"収入合計{b.income_total:,}円＝支出合計{b.expense_total:,}円" in flat
    assert "市補助金90,000090,000" in flat and "予備費327,0000327,000" in flat
    ab.set_budget(books, 2026, {"予備費": 300000})
    flat = _flat(_text(docs.write_budget(books, tmp_path / "b2.pdf", fiscal_year=2026, record=False).path))
    assert "合っていません（差27,000円）" in flat


def test_the_settlement_in_excel(books, tmp_path):
    from openpyxl import load_workbook

    s = ab.settlement(books, 2026)
    path = docs.write_settlement_xlsx(books, tmp_path / "決算書.xlsx", fiscal_year=2026)
    wb = load_workbook(path)
    assert wb.sheetnames == ["収支決算書", "会計監査報告書"]
    ws = wb["収支決算書"]
    rows = [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
    by_label: dict[str, list] = {}
    for r in rows:
        if isinstance(r[0], str):
            by_label.setdefault(r[0], []).append(r)
    assert by_label["会費収入"][0][1:5] == (27000, 14000, -13000, "3世帯　4世帯")
    assert by_label["前年度繰越金"][0][1:3] == (320000, 320000)
    assert by_label["収入合計"][0][2] == s.income_total and by_label["支出合計"][0][2] == s.expense_total
    assert by_label["次年度繰越金"][0][2] == s.income_total - s.expense_total == s.carry_out
    assert by_label["合計"][0][2] == sum(h.amount for h in s.holdings) == s.carry_out
    assert by_label["現金"][0][2] == 33460 and by_label["普通預金"][0][2] == 342000
    income_rows = rows[rows.index(next(r for r in rows if r[0] == "収入の部")) + 2:]
    income_rows = income_rows[:next(i for i, r in enumerate(income_rows) if r[0] == "収入合計")]
    assert sum(r[2] for r in income_rows) == s.income_total
    assert ws["B8"].number_format.startswith("#,##0") or any(
        c.number_format.startswith("#,##0") for row in ws.iter_rows() for c in row if isinstance(c.value, int))
    audit = [v for r in wb["会計監査報告書"].iter_rows(values_only=True) for v in r if v]
    assert sum("監事" in v for v in audit) == 2 and any("令和8年度" in v and "認めます" in v for v in audit)
    assert _audits(books, "収支決算書（Excel）") == 1
    assert not list(tmp_path.glob("*.part"))


def test_a_year_not_opened_is_refused_and_writes_nothing(books, tmp_path):
    tmp_path = tmp_path / "out"  # (the register's own files are in tmp_path)
    tmp_path.mkdir()
    for write in (docs.write_settlement, docs.write_budget, docs.write_settlement_xlsx):
        with pytest.raises(ab.YearClosedError, match="まだ開かれていません"):
            write(books, tmp_path / "x.pdf", fiscal_year=2030)
    assert not list(tmp_path.iterdir())


def test_cancelling_leaves_no_file(books, tmp_path):
    from kyodo_desktop.export.documents import PrintCancelled

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(PrintCancelled):
        docs.write_settlement(books, tmp_path / "x.pdf", fiscal_year=2026, progress=lambda done, total: False)
    with pytest.raises(PrintCancelled):
        docs.write_collection_book(books, tmp_path / "y.pdf", fiscal_year=2026, progress=lambda done, total: False)
    assert not list(tmp_path.iterdir())


def test_render_a_page(books, tmp_path):
    """The pages render (pdftoppm) — and a copy for a look goes to /tmp."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    for name, write in (("settlement", docs.write_settlement), ("collection", docs.write_collection_book),
                        ("budget", docs.write_budget)):
        pdf = tmp_path / f"{name}.pdf"
        write(books, pdf, fiscal_year=2026, record=False)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / name)], check=True)
        pngs = sorted(tmp_path.glob(f"{name}*.png"))
        assert pngs and all(p.stat().st_size > 1000 for p in pngs)


# -- 領収書 ---------------------------------------------------------------------------------------------


def _pdf_pages(path) -> list[str]:
    """Each page's text, read back with pypdf."""
    from pypdf import PdfReader

    return [_flat(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def test_receipt_numbers_are_given_per_payment_and_shared_by_its_instalments(books):
    pays = {p.id: p for p in ab.list_payments(books, 2026)}
    aoki = [p for p in pays.values() if p.household_id == books.ids["青木"]]
    assert [(p.instalment, p.amount) for p in aoki] == [("上期", 3000), ("下期", 3000)]
    assert {p.receipt_no for p in aoki} == {"R8-00001"}  # the two rows of one payment: one receipt
    assert sorted({p.receipt_no for p in pays.values()}) == ["R8-00001", "R8-00002", "R8-00003"]
    bulk = ab.record_block_payments(books, 2026, books.b2, "2026-06-01", instalment_no=1, received_by="2班 班長")
    numbers = [ab.list_payments(books, 2026, household_id=h)[-1].receipt_no for h in (books.ids["小野"],)]
    assert bulk.households == 1 and numbers == ["R8-00004"]
    # a number typed from a paper receipt book is kept, and may not be used twice
    ab.record_payment(books, ab.PaymentData(books.ids["江藤"], 2026, 1000, "2026-06-02", receipt_no="手書き-12"))
    with pytest.raises(ab.ValidationError, match="すでに別の入金"):
        ab.record_payment(books, ab.PaymentData(books.ids["井上"], 2026, 1000, "2026-06-02", receipt_no="R8-00002"))
    ab.record_payment(books, ab.PaymentData(books.ids["井上"], 2026, 1000, "2026-06-03"))
    assert ab.list_payments(books, 2026, household_id=books.ids["井上"])[-1].receipt_no == "R8-00005"
    assert ab.receipt_prefix(2026) == "R8-" and ab.receipt_prefix(2019) == "R1-" and ab.receipt_prefix(2018) == "H30-"


def test_receipts_carry_number_amount_name_and_purpose(books, tmp_path):
    hh.update_association(books, address="金沢市泉野町1-2-3", postal_code="921-8034")
    result = docs.write_receipts(books, tmp_path / "領収書.pdf", fiscal_year=2026)
    pages = _pdf_pages(result.path)
    assert result.pages == 1 and len(pages) == 1 and result.households == 3
    text = pages[0]
    # 青木: 上期・下期 paid together = one receipt of ¥6,000
    assert "No.R8-00001" in text and "青木　一様".replace("　", "") in text
    assert "金¥6,000也" in text and "但し令和8年度町会費（上期・下期）として" in text
    assert "No.R8-00002" in text and "¥3,000" in text and "町会費（上期）として" in text  # 江藤
    assert "No.R8-00003" in text and "¥5,000" in text  # 小野: part of 上期
    assert "令和8年5月10日" in text and "令和8年5月20日" in text
    assert "領収書（控）" in text and text.count("領収印") == 3 and "切り取り線" in text
    assert "金沢市泉野町1-2-3" in text and "上記正に領収いたしました" in text
    assert _audits(books, "領収書 令和8年度（3枚）") == 1
    bare = docs.write_receipts(books, tmp_path / "no-stub.pdf", fiscal_year=2026, with_stub=False, record=False)
    assert "控" not in _pdf_pages(bare.path)[0] and _audits(books, "領収書 令和8年度") == 1


def test_a_cancelled_payment_gets_no_receipt_and_choices_narrow_the_print(books, tmp_path):
    ab.record_payment(books, ab.PaymentData(books.ids["井上"], 2026, 1500, "2026-06-01", received_by="1班 班長"))
    wrong = ab.list_payments(books, 2026, household_id=books.ids["井上"])[-1]
    ab.cancel_payment(books, wrong.id, "二重に記録")
    text = "".join(_pdf_pages(docs.write_receipts(books, tmp_path / "all.pdf", fiscal_year=2026).path))
    assert wrong.receipt_no not in text and "井上" not in text and "R8-00001" in text
    one = docs.write_receipts(books, tmp_path / "one.pdf", fiscal_year=2026, household_ids=[books.ids["江藤"]],
                              record=False)
    text = "".join(_pdf_pages(one.path))
    assert one.pages == 1 and "江藤" in text and "青木" not in text and "小野" not in text
    by_block = "".join(_pdf_pages(docs.write_receipts(books, tmp_path / "b1.pdf", fiscal_year=2026,
                                                      block_id=books.b1, record=False).path))
    assert "青木" in by_block and "江藤" not in by_block
    aoki = ab.list_payments(books, 2026, household_id=books.ids["青木"])
    picked = "".join(_pdf_pages(docs.write_receipts(books, tmp_path / "p.pdf", fiscal_year=2026,
                                                    payment_ids=[aoki[1].id], record=False).path))
    assert "青木" in picked and "¥6,000" in picked and "小野" not in picked  # the whole receipt of that payment
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(RegisterError, match="領収書を印刷できるものがありません"):
        docs.write_receipts(books, tmp_path / "none.pdf", fiscal_year=2026, payment_ids=[wrong.id])
    assert not list(tmp_path.iterdir())


def test_many_receipts_go_three_to_a_page_and_a_rare_kanji_is_printed(books, tmp_path):
    names = ["髙橋", "𠮷田", "齋藤", "渡邊", "山﨑", "柳田", "大森"]
    for n, family in enumerate(names):
        hid = _household(books, books.b1, family)
        ab.record_payment(books, ab.PaymentData(hid, 2026, 3000 + n, "2026-06-10", received_by="1班 班長"))
    result = docs.write_receipts(books, tmp_path / "many.pdf", fiscal_year=2026, record=False)
    pages = _pdf_pages(result.path)
    assert result.pages == len(pages) == 4  # 3 + 7 = 10 receipts, three to a page
    assert [p.count("領収印") for p in pages] == [3, 3, 3, 1]
    text = "".join(pages)
    for family in names:
        assert f"{family}一様" in text, family
    assert "¥3,006" in text and len(set(re.findall(r"R8-\d{5}", text))) == 10


def test_a_hancho_prints_receipts_of_their_own_block_only(books, tmp_path):
    books.session = Session(None, "h", "2班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                            frozenset({books.b2}))
    text = "".join(_pdf_pages(docs.write_receipts(books, tmp_path / "mine.pdf", fiscal_year=2026).path))
    assert "江藤" in text and "小野" in text and "青木" not in text
    with pytest.raises(PermissionDenied):
        docs.write_receipts(books, tmp_path / "other.pdf", fiscal_year=2026, block_id=books.b1)
    with pytest.raises(PermissionDenied):
        docs.write_receipts(books, tmp_path / "other.pdf", fiscal_year=2026, household_ids=[books.ids["青木"]])
    assert not (tmp_path / "other.pdf").exists()
    books.session = Session(None, "v", "閲覧", "閲覧", frozenset({"register.read"}))
    with pytest.raises(PermissionDenied):
        docs.write_receipts(books, tmp_path / "x.pdf", fiscal_year=2026)


def test_receipts_report_progress_and_cancel_leaves_no_file(books, tmp_path):
    from kyodo_desktop.export.documents import PrintCancelled

    for n in range(4):
        hid = _household(books, books.b2, f"追加{n}")
        ab.record_payment(books, ab.PaymentData(hid, 2026, 6000, "2026-06-10"))
    seen: list[tuple[int, int]] = []
    result = docs.write_receipts(books, tmp_path / "r.pdf", fiscal_year=2026, record=False,
                                 progress=lambda done, total: seen.append((done, total)) or True)
    assert result.pages == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        docs.write_receipts(books, out / "x.pdf", fiscal_year=2026, progress=lambda done, total: done < 2)
    assert not list(out.iterdir()) and _audits(books, "領収書 令和8年度") == 0


def test_render_the_receipts(books, tmp_path):
    """The page renders (pdftoppm); a copy goes to /tmp for a look."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    pdf = tmp_path / "receipts.pdf"
    docs.write_receipts(books, pdf, fiscal_year=2026, record=False)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "receipts")], check=True)
    pngs = sorted(tmp_path.glob("receipts*.png"))
    assert pngs and all(p.stat().st_size > 1000 for p in pngs)
    shutil.copy(pngs[0], Path(tempfile.gettempdir()) / "kyodo-receipts.png")


def test_the_cli_prints_receipts_of_a_block_or_a_household(tmp_path):
    """``kyodo books print YEAR receipts -o FILE [--block 班名] [--household N]`` on a demo register
    (whose books have this 年度's payments)."""
    import os
    import sys

    from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, DEMO_ADMIN
    from kyodo_desktop.models.japanese import fiscal_year

    home = tmp_path / "home"
    env = {**os.environ, "KYODO_HOME": str(home), "PYTHONIOENCODING": "utf-8"}

    def kyodo(*args, user=DEMO_ADMIN, check=True):
        res = subprocess.run([sys.executable, "-m", "kyodo_desktop.cli", *map(str, args)], capture_output=True,
                             text=True, encoding="utf-8", timeout=120,
                             env={**env, "KYODO_USER": user[0], "KYODO_PASSWORD": user[-1]})
        assert not check or res.returncode == 0, res.stderr
        return res

    reg = tmp_path / "demo.kyodo"
    kyodo("demo", reg, "--households", 40, "--seed", 5)
    fy = fiscal_year(datetime.now().date(), 4)
    out = tmp_path / "1班.pdf"
    res = kyodo("books", reg, "print", fy, "receipts", "-o", out, "--block", "1班")
    assert "領収書:" in res.stdout and out.read_bytes().startswith(b"%PDF")
    text = "".join(_pdf_pages(out))
    assert re.search(r"No\.R\d+-\d{5}", text) and "様" in text and "領収印" in text
    from kyodo_desktop import paths
    from kyodo_desktop.models.register import Credentials, Register

    paths.set_base_dir(home)
    r = Register.open(reg, Credentials(*DEMO_ADMIN), backup_on_open=False)
    try:
        paid = next(p for p in ab.list_payments(r, fy) if p.reverses_id is None and p.reversed_by is None)
        name = ab.household_dues(r, fy, paid.household_id).name
    finally:
        r.close(backup=False)
    one = tmp_path / "one.pdf"
    kyodo("books", reg, "print", fy, "receipts", "-o", one, "--household", paid.household_id)
    text = "".join(_pdf_pages(one))
    assert paid.receipt_no in text and _flat(name) + "様" in text
    one.unlink()
    res = kyodo("books", reg, "print", fy, "receipts", "-o", one, "--household", 99999, check=False)
    assert res.returncode != 0 and "99999" in res.stderr and not one.exists()
    hancho = next(a for a in DEMO_ACCOUNTS if a[1] == "班長")
    res = kyodo("books", reg, "print", fy, "receipts", "-o", one, "--block", "2班", user=hancho, check=False)
    assert res.returncode != 0 and not one.exists()  # a 班長 prints their own 班 only
    res = kyodo("books", reg, "print", fy, "settlement", "-o", one, "--block", "1班", check=False)
    assert res.returncode != 0 and "領収書" in res.stderr
