"""Printed documents: real PDFs read back (pdftotext) and rendered (pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from kyodo_desktop.export.documents import Circular, write_circular
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models.errors import RegisterError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


@pytest.fixture
def town(register):
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    for n in range(23):  # more than one page for 1班
        hh.save_household(register, hh.HouseholdData(block_id=b1, persons=[
            hh.PersonData(family_name=["髙橋", "山﨑", "渡邉"][n % 3], given_name=f"一{n}")]))
    hid = hh.save_household(register, hh.HouseholdData(block_id=b2, persons=[
        hh.PersonData(family_name="齋藤", given_name="<b>花子</b>")]))
    privacy.set_consent(register, household_id=hid, purpose="KAIRAN", granted=True, granted_on="2026-04-01")
    hh.save_household(register, hh.HouseholdData(block_id=b2, persons=[hh.PersonData(family_name="德川", given_name="慶")]))
    return register


@needs_poppler
def test_circular_lists_every_household_of_each_block_in_order(town, tmp_path):
    notice = Circular("令和8年度 町内一斉清掃のお知らせ", date(2026, 11, 28), date(2026, 12, 5), "要返信",
                      "12月6日（日）午前8時、集会所前に集合してください。<軍手をご持参ください>")
    result = write_circular(town, notice, tmp_path / "回覧.pdf")
    assert (result.pages, result.households) == (3, 25)
    text = _text(tmp_path / "回覧.pdf")
    flat = re.sub(r"[\s　]+", "", text)  # the layout spreads spaced-out headings
    assert flat.count("回覧（1班）") == 2 and "回覧（2班）" in flat
    assert "1/3" in flat and "3/3" in flat
    assert "令和8年11月28日" in flat and "要返信" in flat and "<軍手をご持参ください>" in flat
    assert flat.count("最後の方は班長へ戻してください") == 2
    assert "齋藤<b>花子</b>" in flat  # consented to 回覧: full name (markup shown as text, not obeyed)
    assert "德川" in flat and "慶" not in flat  # no consent: the surname only
    order = [line for line in text.splitlines() if "髙橋" in line or "山﨑" in line]
    assert "髙橋" in order[0] and "山﨑" in order[1]
    log = town.rows("SELECT action, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "print", "person_count": 25}
    png = subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(tmp_path / "回覧.pdf"), str(tmp_path / "p")],
                         capture_output=True)
    assert png.returncode == 0 and (tmp_path / "p.png").stat().st_size > 5000


def test_bad_input_is_refused_clearly(town, tmp_path):
    with pytest.raises(RegisterError, match="回覧の種類"):
        write_circular(town, Circular("題", date(2026, 1, 1), kind="至急"), tmp_path / "a.pdf")
    with pytest.raises(Exception, match="題名"):
        write_circular(town, Circular("", date(2026, 1, 1)), tmp_path / "a.pdf")
    with pytest.raises(RegisterError, match="保存できませんでした"):
        write_circular(town, Circular("題", date(2026, 1, 1)), tmp_path / "no-such-folder" / "a.pdf")
    assert not list(tmp_path.glob("*.pdf"))


@needs_poppler
def test_elders_list_uses_the_age_rule_and_prints_the_cutoff(register, tmp_path):
    from kyodo_desktop.export.documents import write_elders

    b = hh.add_block(register, "1班")
    for family, born in (("境目", "1951-04-01"), ("翌日", "1951-04-02"), ("長生", "1938-01-10"), ("若手", "1980-01-01")):
        hh.save_household(register, hh.HouseholdData(block_id=b, persons=[
            hh.PersonData(family_name=family, given_name="さん", birth_date=born)]))
    # DOMAIN.md: born 1951-04-01 is 75 on 2026-03-31 under the legal rule
    result = write_elders(register, tmp_path / "敬老.pdf", age=75, as_of=date(2026, 3, 31))
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "敬老.pdf"))
    assert result.households == 2 and "昭和26年4月1日以前生まれ" in flat
    assert "境目" in flat and "翌日" not in flat and "若手" not in flat
    assert "長生さん" in flat and "88歳米寿" in flat  # the 長寿祝 column follows the age
    assert flat.index("長生さん") < flat.index("境目さん")  # by 班, oldest first
    birthday = write_elders(register, tmp_path / "b.pdf", age=75, as_of=date(2026, 3, 31), rule="birthday")
    assert birthday.households == 1  # on the birthday rule 境目 turns 75 a day later


@needs_poppler
def test_register_pdf_pages_and_consent(town, tmp_path):
    from kyodo_desktop.export.documents import write_register_pdf

    result = write_register_pdf(town, tmp_path / "名簿.pdf")
    assert result.households == 25 and result.pages == 3  # the cover and two pages of names
    pages = [re.sub(r"[\s　]+", "", p) for p in _text(tmp_path / "名簿.pdf").split("\f")]
    cover = pages[0]
    assert "取扱注意個人情報" in cover and "目的役員による町会運営（内部利用）" in cover and "載せた範囲すべての班" in cover
    assert "人数25人" in cover and "シュレッダー" in cover and "会長山田" in cover and "1/3" in cover
    assert "髙橋" not in cover  # no names on the cover
    flat = "".join(pages)
    assert flat.count("班回覧順世帯番号氏名") == 2  # the header row on every page
    assert "2/3" in flat and "3/3" in flat and "髙橋一0" in flat
    shared = write_register_pdf(town, tmp_path / "配布.pdf", purpose="KAIRAN")
    assert shared.households == 1  # only the household that agreed


@needs_poppler
def test_register_pdf_chosen_columns_only(town, tmp_path):
    from kyodo_desktop.export.documents import write_register_pdf

    b2 = town.conn.execute("SELECT id FROM blocks WHERE name = '2班'").fetchone()[0]
    result = write_register_pdf(town, tmp_path / "r.pdf", columns=("name", "kana"), block_ids=[b2], cover=False)
    assert (result.pages, result.households) == (1, 2)
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "r.pdf"))
    assert "氏名フリガナ" in flat and "回覧順" not in flat and "德川慶" in flat and "髙橋" not in flat
    with pytest.raises(RegisterError, match="列を1つ以上"):
        write_register_pdf(town, tmp_path / "none.pdf", columns=())
    with pytest.raises(RegisterError, match="印刷できない列"):
        write_register_pdf(town, tmp_path / "bad.pdf", columns=("name", "password"))
    assert not (tmp_path / "none.pdf").exists() and not (tmp_path / "bad.pdf").exists()


@needs_poppler
def test_address_labels_one_per_household_with_offset(town, tmp_path):
    from kyodo_desktop.export.documents import write_labels

    hid = town.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
    data = hh.get_household(town, hid)
    data.postal_code, data.address_town, data.address_number = "921-8034", "石川県金沢市泉野町" * 3, "1-2-3"
    hh.save_household(town, data)
    result = write_labels(town, tmp_path / "ラベル.pdf", per_sheet=24, skip=5)
    assert result.households == 25 and result.pages == 2  # 5 used + 25 = 30 slots on 24-label sheets
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "ラベル.pdf"))
    assert "〒921-8034" in flat and "髙橋一0様" in flat and flat.count("様") == 25
    with pytest.raises(RegisterError, match="面数"):
        write_labels(town, tmp_path / "x.pdf", per_sheet=10)


@needs_poppler
def test_household_sheets_one_page_each_with_consent_questions(town, tmp_path):
    from kyodo_desktop.export.documents import write_household_sheets

    b2 = town.conn.execute("SELECT id FROM blocks WHERE name = '2班'").fetchone()[0]
    result = write_household_sheets(town, tmp_path / "確認.pdf", block_ids=[b2])
    assert (result.pages, result.households) == (2, 2)
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "確認.pdf"))
    assert flat.count("記載内容の確認のお願い") == 2 and "齋藤<b>花子</b>" in flat
    assert flat.count("名簿を会員に配布はい・いいえ") == 2 and "1/2" in flat


@needs_poppler
def test_a_notice_pdf_is_placed_after_each_blocks_cover(town, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    from kyodo_desktop.export.pdf import font_chain

    notice = tmp_path / "お知らせ.pdf"
    c = Canvas(str(notice))
    font_chain("gothic").draw(c, 72, 700, "市役所からのお知らせ", 20)
    c.save()
    result = write_circular(town, Circular("市からのお知らせ", date(2026, 11, 28), attachment=notice), tmp_path / "c.pdf")
    assert result.pages == 5  # 1班: 2 cover pages + notice, 2班: 1 + notice
    pages = _text(tmp_path / "c.pdf").split("\f")
    flat = [re.sub(r"[\s　]+", "", p) for p in pages]
    assert "市役所からのお知らせ" in flat[2] and "回覧（2班）" in flat[3] and "市役所からのお知らせ" in flat[4]
    (tmp_path / "bad.pdf").write_text("not a pdf", encoding="utf-8")
    with pytest.raises(RegisterError, match="PDFとして読めません"):
        write_circular(town, Circular("題", date(2026, 11, 28), attachment=tmp_path / "bad.pdf"), tmp_path / "d.pdf")
    assert not (tmp_path / "d.pdf").exists()


@needs_poppler
def test_postcards_are_vertical_one_per_household(town, tmp_path):
    from kyodo_desktop.export.documents import write_postcards

    hid = town.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
    data = hh.get_household(town, hid)
    data.postal_code, data.address_town, data.address_number = "921-8034", "金沢市泉野町一丁目", "二ー三"
    hh.save_household(town, data)
    b1 = town.conn.execute("SELECT id FROM blocks WHERE name = '1班'").fetchone()[0]
    result = write_postcards(town, tmp_path / "はがき.pdf", block_ids=[b1])
    assert (result.pages, result.households) == (23, 23)
    first = _text(tmp_path / "はがき.pdf").split("\f")[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert all(len(line.replace(" ", "")) <= 3 for line in lines[1:])  # a character or two a line: vertical
    assert all(ch in first for ch in "髙橋様金沢泉野")
    assert "".join(ch for ch in re.sub(r"\s", "", first) if ch.isdigit())[:7] == "9218034"


def test_a_300_character_address_never_runs_into_the_next_cell(register, tmp_path):
    from kyodo_desktop.export.documents import _clip, _fit, write_register_pdf
    from kyodo_desktop.export.pdf import font_chain

    chain = font_chain("gothic")
    long = "石川県金沢市泉野町" * 34
    size = _fit(chain, long, 10.5, 80)
    clipped = _clip(chain, long, size, 80)
    assert size == 6.0 and clipped.endswith("…") and chain.width(clipped, size) <= 80
    b = hh.add_block(register, "1班")
    hh.save_household(register, hh.HouseholdData(block_id=b, address_town=long[:100], persons=[
        hh.PersonData(family_name="長住所")]))
    assert write_register_pdf(register, tmp_path / "r.pdf").pages == 2  # the cover and one page


@needs_poppler
def test_an_empty_block_and_a_household_with_nobody_registered(register, tmp_path):
    """An empty 班 still gets its cover sheet; a household with no people still gets the circular
    (it is on the round) and its check sheet, but no label it could not be addressed by."""
    from kyodo_desktop.export.documents import (
        write_household_sheets,
        write_labels,
        write_register_pdf,
    )

    empty = hh.add_block(register, "空き班")
    b = hh.add_block(register, "1班")
    hh.save_household(register, hh.HouseholdData(block_id=b, persons=[hh.PersonData(family_name="髙橋", given_name="一")]))
    gone = hh.save_household(register, hh.HouseholdData(block_id=b, persons=[hh.PersonData(family_name="空")]))
    # an old register (or an import) can leave a household with nobody in it
    register.conn.execute("UPDATE households SET head_person_id = NULL WHERE id = ?", [gone])
    register.conn.execute("DELETE FROM person_status WHERE person_id IN (SELECT id FROM persons WHERE household_id = ?)", [gone])
    register.conn.execute("DELETE FROM persons WHERE household_id = ?", [gone])
    result = write_circular(register, Circular("お知らせ", date(2026, 11, 28)), tmp_path / "c.pdf", block_ids=[empty])
    assert (result.pages, result.households) == (1, 0)
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "c.pdf"))
    assert "回覧（空き班）" in flat and "最後の方は班長へ戻してください" in flat
    result = write_circular(register, Circular("お知らせ", date(2026, 11, 28)), tmp_path / "c1.pdf", block_ids=[b])
    assert result.households == 2 and "（世帯主未登録）" in _text(tmp_path / "c1.pdf")
    labels = write_labels(register, tmp_path / "l.pdf", block_ids=[b])
    assert labels.households == 1 and "世帯主が登録されていない 1世帯" in labels.warning
    sheets = write_household_sheets(register, tmp_path / "s.pdf", block_ids=[b])
    assert (sheets.pages, sheets.households) == (2, 2)
    listed = write_register_pdf(register, tmp_path / "r.pdf", block_ids=[empty])
    assert (listed.pages, listed.households) == (2, 0)  # the cover and an empty list, not an error
    assert "載せた範囲空き班" in re.sub(r"[\s　]+", "", _text(tmp_path / "r.pdf"))


def test_a_chosen_font_that_is_missing_or_not_truetype_falls_back_with_a_warning(register, tmp_path):
    from kyodo_desktop.export import pdf
    from kyodo_desktop.export.documents import write_elders

    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"this is not a font")
    try:
        for chosen, says in ((tmp_path / "消えたフォント.ttf", "見つからない"), (bad, "埋め込めない")):
            pdf.set_user_font(chosen)
            result = write_elders(register, tmp_path / f"{chosen.stem}.pdf")
            assert says in result.warning and (tmp_path / f"{chosen.stem}.pdf").stat().st_size > 1000
            assert pdf.font_chain("gothic").names[0].startswith("Kyodo-ipaexg")
    finally:
        pdf.set_user_font(None)
    assert pdf.font_chain("gothic").warning == ""


@needs_poppler
def test_a_chosen_font_is_used_first(register, tmp_path):
    from kyodo_desktop.export import pdf
    from kyodo_desktop.export.documents import write_elders

    mincho = next(iter(pdf._find((("ipaexm.ttf", 0),))), None)
    if mincho is None:
        pytest.skip("IPAex Mincho (fonts-ipaexfont) not installed")
    pdf.set_user_font(mincho[0])
    try:
        result = write_elders(register, tmp_path / "e.pdf")
    finally:
        pdf.set_user_font(None)
    assert result.warning == ""
    fonts = subprocess.run(["pdffonts", str(tmp_path / "e.pdf")], capture_output=True, text=True, check=True).stdout
    assert "ipaexm" in fonts.lower() and "ipaexg" not in fonts.lower()


def test_a_full_disk_leaves_no_half_written_pdf(register, tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    from kyodo_desktop.export.documents import write_register_pdf

    def full(self):
        raise OSError(28, "No space left on device")

    out = tmp_path / "out"
    out.mkdir()
    before = register.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    monkeypatch.setattr(Canvas, "save", full)
    with pytest.raises(RegisterError, match="PDFを保存できませんでした（No space left on device）"):
        write_register_pdf(register, out / "r.pdf")
    assert list(out.iterdir()) == []
    assert before == register.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]  # no print recorded


def test_a_long_print_can_be_cancelled_and_leaves_nothing(town, tmp_path):
    from kyodo_desktop.export.documents import (
        PrintCancelled,
        write_household_sheets,
        write_register_pdf,
    )

    seen = []

    def stop_after_two(done, total):
        seen.append((done, total))
        return done < 2

    out = tmp_path / "out"
    out.mkdir()
    audit = town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    for write in (write_register_pdf, write_household_sheets):
        seen.clear()
        with pytest.raises(PrintCancelled, match="中止"):
            write(town, out / "x.pdf", progress=stop_after_two)
        assert seen[-1][0] == 2 and seen[-1][1] >= 3
        assert list(out.iterdir()) == []
    assert town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit  # nothing recorded
