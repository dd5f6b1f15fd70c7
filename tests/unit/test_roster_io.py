"""当番表 on paper and in Excel: the A4 roster and the 当番札 read back (pdftotext) and rendered
(pdftoppm), the workbook read back with openpyxl; names as on a circular, 班 and 班長, refusals,
a full disk and a cancelled print leave nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime

import pytest

from kyodo_desktop.export.documents import PrintCancelled
from kyodo_desktop.export.roster_docs import (
    printed_names,
    roster_period,
    span_text,
    write_duty_slips,
    write_roster,
)
from kyodo_desktop.export.roster_xlsx import write_roster_xlsx
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models import rosters as ro
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import RegisterError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
PURPOSE = "会員名簿の作成と、町会の行事・回覧・当番・防災の連絡のために使います。"
DUTY = "朝8時30分までにネットとかごを出し、収集の後に片付けて掃除する。<分け直さない>"


def _flat(path, *pages, raw=False):
    """The text of the PDF (or of some pages) without the spaces the layout adds; ``raw``: in the
    order it was drawn (slips side by side are read one after the other)."""
    args = ["pdftotext", "-raw" if raw else "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    return re.sub(r"[\s　]+", "", out)


def _png(pdf, tmp_path, name="p"):
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(tmp_path / name)], check=True)
    return (tmp_path / f"{name}.png").stat().st_size


@pytest.fixture
def town(register):
    """1班 (6 households, two 髙橋) and 2班 (4); a weekly ごみ roster for both, started a month ago
    (today is 2026-11-28), turns given out to the end of the 年度."""
    hh.update_association(register, purpose_of_use=PURPOSE)
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    ids = {}
    for block, names in ((b1, ["髙橋", "山﨑", "髙橋", "渡邉", "佐藤", "鈴木"]), (b2, ["齋藤", "德川", "田中", "中村"])):
        for n, family in enumerate(names):
            hid = hh.save_household(register, hh.HouseholdData(block_id=block, status_since="2020-04-01", persons=[
                hh.PersonData(family_name=family, given_name=f"太郎{n}", birth_date="1970-05-05")]))
            ids.setdefault(family, []).append(hid)
    privacy.set_consent(register, household_id=ids["齋藤"][0], purpose="KAIRAN", granted=True, granted_on="2026-04-01")
    rid = ro.save_roster(register, ro.RosterData(name="ごみステーション当番", start_date="2026-11-02", duty=DUTY,
                                                 block_ids=[b1, b2], skip_holidays=True))
    ro.generate(register, rid, "2027-03-31")
    register.blocks, register.ids, register.roster = {"1班": b1, "2班": b2}, ids, rid
    register.all_ids = [h for hs in ids.values() for h in hs]
    return register


def _turns(reg):
    return ro.list_turns(reg, reg.roster)


def test_span_and_titles():
    assert span_text(date(2026, 4, 6), date(2026, 4, 10)) == "4月6日（月）〜10日（金）"
    assert span_text(date(2026, 4, 27), date(2026, 5, 1)) == "4月27日（月）〜5月1日（金）"
    assert span_text(date(2026, 4, 6), date(2026, 4, 6)) == "4月6日（月）"


def test_the_default_period_runs_from_today_to_what_was_given_out_within_the_year(town, tmp_path):
    assert roster_period(town, town.roster) == (date(2026, 11, 28), date(2027, 3, 31))
    ro.generate(town, town.roster, "2027-06-30")  # further than the 年度: the 年度 end
    assert roster_period(town, town.roster) == (date(2026, 11, 28), date(2027, 3, 31))
    town.clock = lambda: datetime(2027, 3, 10, 9, 0)  # the last month of the 年度: into the next one
    assert roster_period(town, town.roster) == (date(2027, 3, 10), date(2027, 6, 30))
    assert roster_period(town, town.roster, "令和9年4月1日", "2027-04-30") == (date(2027, 4, 1), date(2027, 4, 30))
    with pytest.raises(RegisterError, match="より前です"):
        roster_period(town, town.roster, "2027-04-30", "2027-04-01")
    with pytest.raises(RegisterError, match="日付として読めません"):
        roster_period(town, town.roster, "来週")


@needs_poppler
def test_the_roster_lists_each_turn_with_its_rules_swaps_and_the_purpose(town, tmp_path):
    turns = _turns(town)
    done, missed = turns[0], turns[1]  # 11月2日 and 11月9日: begun, so they can be marked
    ro.mark_turn(town, done.id, "済")
    ro.mark_turn(town, missed.id, "欠", "入院中のため")  # an officer's memo: never on paper
    future = [t for t in turns if t.starts_on > "2026-11-28"]
    ro.swap_turns(town, future[1].id, future[2].id)
    ro.substitute(town, future[3].id, future[4].member_id)  # stands in; is paid back later
    result = write_roster(town, tmp_path / "当番表.pdf", roster_id=town.roster, start="2026-11-01")
    assert result.pages >= 2 and not result.warning
    flat = _flat(tmp_path / "当番表.pdf")
    assert "ごみステーション当番表" in flat and f"1/{result.pages}" in flat and f"{result.pages}/{result.pages}" in flat
    assert "令和8年11月2日（月）〜令和9年3月31日（水）" in flat and "対象1班・2班" in flat
    assert "朝8時30分までにネットとかごを出し" in flat and "<分け直さない>" in flat  # markup shown as text
    assert "祝日は休み" in flat and "年末年始（12月29日〜1月3日）は休み" in flat and "1週間ずつ交代" in flat
    assert "期間日付（曜日）担当交代確認" in flat
    assert "11月2日（月）〜6日（金）" in flat and "12月28日（月）" in flat  # 12月29日 on: 年末年始
    assert "2月8日（月）〜12日（金）" in flat and "休み:11日（木・建国記念の日）" in flat
    assert "令和9年" in flat and "1月" in flat
    # names as on a circular: the surname; the full name where the household agreed to 回覧
    assert "齋藤太郎0" in flat and "德川" in flat and "德川太郎" not in flat
    assert "髙橋（1班・1番）" in flat and "髙橋（1班・3番）" in flat  # two 髙橋 told apart
    assert "さんと交代" in flat and "さんが代わりに" in flat and "交代の返し" in flat
    assert "済" in flat and "入院中" not in flat and "欠" not in flat.replace("欠席", "")
    assert "都合の悪いときは、ほかの方と交代して、班長へお知らせください。" in flat
    assert "この当番表は当番の連絡のためだけに使います" in flat and PURPOSE in flat
    log = town.rows("SELECT action, purpose, person_count, summary FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log["action"] == "print" and log["purpose"] == "KAIRAN" and log["person_count"] == 10
    assert "当番表「ごみステーション当番」" in log["summary"]
    assert _png(tmp_path / "当番表.pdf", tmp_path) > 5000
    pages = subprocess.run(["pdfinfo", str(tmp_path / "当番表.pdf")], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in pages  # A4


@needs_poppler
def test_a_block_only_and_a_hancho_sees_their_own_block(town, tmp_path):
    only = write_roster(town, tmp_path / "2班.pdf", roster_id=town.roster, block_ids=[town.blocks["2班"]])
    flat = _flat(tmp_path / "2班.pdf")
    assert "（このうち2班の分）" in flat and "德川" in flat and "山﨑" not in flat and "渡邉" not in flat
    assert only.households == 4
    # a 班長 of 1班: the roster of both 班 is not theirs (the model shows a 班長 their own 班's rosters)
    officer = town.session
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.blocks["1班"]}))
    with pytest.raises(RegisterError, match="自分の班だけ"):
        write_roster(town, tmp_path / "x.pdf", roster_id=town.roster)
    town.session = officer
    own = ro.save_roster(town, ro.RosterData(name="1班の清掃", start_date="2026-12-01", cadence="monthly",
                                             monthly_rule="nth:1:6", block_ids=[town.blocks["1班"]]))
    ro.generate(town, own, "2027-03-31")
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.blocks["1班"]}))
    result = write_roster(town, tmp_path / "1班.pdf", roster_id=own)
    flat = _flat(tmp_path / "1班.pdf")
    assert "1班の清掃当番表" in flat and "毎月第1日曜" in flat and "12月6日（日）" in flat
    assert "德川" not in flat and result.households == 4
    with pytest.raises(RegisterError, match="自分の班だけ"):
        write_roster(town, tmp_path / "y.pdf", roster_id=own, block_ids=[town.blocks["2班"]])
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


@needs_poppler
def test_duty_slips_tell_each_household_when_and_who_is_next(town, tmp_path):
    turns = [t for t in _turns(town) if "2026-11-28" < t.starts_on <= "2027-01-31"]
    ro.swap_turns(town, turns[1].id, turns[2].id)
    turns = [t for t in _turns(town) if "2026-11-28" < t.starts_on <= "2027-01-31"]
    result = write_duty_slips(town, tmp_path / "札.pdf", roster_id=town.roster, end="2027-01-31")
    assert result.pages == -(-len(turns) // 4)
    first = _flat(tmp_path / "札.pdf", 1, raw=True)
    assert first.count("ごみステーション当番札") == 4 and first.count(re.sub(r"\s", "", DUTY)) == 4
    assert "あなたの当番は11月30日（月）〜12月4日（金）です" in first
    shown = {i: re.sub(r"[\s　]+", "", n) for i, n in printed_names(town, "household", set(town.all_ids)).items()}
    doer = [shown[t.doer_id] for t in turns]
    assert doer[1] != shown[turns[1].member_id]  # swapped: the slip goes to who does it
    assert f"{doer[0]}さんへ" in first and f"終わったら、この札を次の{doer[1]}さんへ渡してください。" in first
    assert f"{doer[1]}さんへ" in first and f"終わったら、この札を次の{doer[2]}さんへ渡してください。" in first
    last = _flat(tmp_path / "札.pdf", result.pages, raw=True)
    following = next(t for t in _turns(town) if t.starts_on > "2027-01-31")
    assert f"終わったら、この札を次の{shown[following.doer_id]}さんへ渡してください。" in last  # the turn after
    assert "テスト町会" in first and "この札は当番の受け渡しのためだけに使います" in first
    everything = write_duty_slips(town, tmp_path / "全部.pdf", roster_id=town.roster)
    assert "終わったら、この札を班長へ返してください。" in _flat(tmp_path / "全部.pdf", everything.pages, raw=True)
    assert _png(tmp_path / "札.pdf", tmp_path) > 5000


def test_no_turns_in_the_period_is_refused_and_says_what_to_do(town, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    fresh = ro.save_roster(town, ro.RosterData(name="防犯パトロール", start_date="2026-12-01", cadence="weekdays",
                                               weekdays=[4], block_ids=[town.blocks["1班"]]))
    for write in (write_roster, write_duty_slips, write_roster_xlsx):
        with pytest.raises(RegisterError, match="「○月○日まで決める」で当番を決めてください"):
            write(town, tmp_path / "x.out", roster_id=fresh)
    with pytest.raises(RegisterError, match="当番がありません"):
        write_roster(town, tmp_path / "x.out", roster_id=town.roster, start="2030-01-01", end="2030-03-31")
    ro.generate(town, fresh, "2027-01-31")
    with pytest.raises(RegisterError, match="には、2班の世帯の当番がありません"):  # a 班 the roster does not cover
        write_roster(town, tmp_path / "x.out", roster_id=fresh, block_ids=[town.blocks["2班"]])
    assert list(tmp_path.iterdir()) == []


def test_a_bad_folder_a_full_disk_and_a_cancel_leave_no_file(town, tmp_path, monkeypatch):
    from openpyxl import Workbook
    from reportlab.pdfgen.canvas import Canvas

    audit = town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(RegisterError, match="PDFを保存できませんでした"):
        write_roster(town, tmp_path / "no-such-folder" / "a.pdf", roster_id=town.roster)
    with pytest.raises(RegisterError, match="Excelファイルを保存できませんでした"):
        write_roster_xlsx(town, tmp_path / "no-such-folder" / "a.xlsx", roster_id=town.roster)
    out = tmp_path / "out"
    out.mkdir()

    def stop_after_one(done, total):
        return done < 1

    with pytest.raises(PrintCancelled, match="中止"):
        write_roster(town, out / "c.pdf", roster_id=town.roster, start="2026-11-01", progress=stop_after_one)
    with pytest.raises(PrintCancelled, match="中止"):
        write_duty_slips(town, out / "c.pdf", roster_id=town.roster, progress=stop_after_one)

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Canvas, "save", full)
    monkeypatch.setattr(Workbook, "save", full)
    for write, name in ((write_roster, "r.pdf"), (write_duty_slips, "s.pdf"), (write_roster_xlsx, "r.xlsx")):
        with pytest.raises(RegisterError, match="保存できませんでした（No space left on device）"):
            write(town, out / name, roster_id=town.roster)
    assert list(out.iterdir()) == [] and not list(tmp_path.glob("*.part"))
    assert town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit  # nothing recorded


def test_the_workbook_is_the_roster_in_the_house_style_with_the_counts(town, tmp_path):
    from openpyxl import load_workbook

    ro.save_roster(town, ro.RosterData(**{**ro.get_roster(town, town.roster).__dict__, "duty": "=1+1 は式ではありません"}))
    ro.add_exemption(town, town.ids["渡邉"][0], "長期不在", "2026-11-28", roster_id=town.roster)
    result = write_roster_xlsx(town, tmp_path / "当番表.xlsx", roster_id=town.roster, start="2026-12-01",
                               end="2027-02-28")
    wb = load_workbook(tmp_path / "当番表.xlsx")
    assert wb.sheetnames == ["当番表", "回数"]
    ws = wb["当番表"]
    assert ws["A1"].value == "ごみステーション当番表"
    labels = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(2, 8)}
    assert labels["期間"].value == "令和8年12月1日（火）〜令和9年2月28日（日）"
    assert labels["当番の内容"].value == "=1+1 は式ではありません" and labels["当番の内容"].data_type == "s"
    header = next(r for r in range(1, 12) if ws.cell(r, 1).value == "期間" and ws.cell(r, 2).value == "日付（曜日）")
    assert [c.value for c in ws[header]][:5] == ["期間", "日付（曜日）", "担当", "交代", "確認"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1, max_row=header + result.turns)]
    assert rows[0][0] == "令和8年11月" and rows[0][1] == "11月30日（月）〜12月4日（金）"  # the week of 12月1日
    assert rows[0][5].date() == date(2026, 11, 30)  # 西暦, beside the print area
    assert any(r[1].startswith("2月8日（月）〜12日（金）\n休み: 11日（木・建国記念の日）") for r in rows)
    assert "渡邉" not in {r[2] for r in rows}  # exempt from today
    assert ws.print_title_rows == f"${header}:${header}" and ws.freeze_panes == f"A{header + 1}"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.fitToWidth == 1
    assert ws.print_area == f"'当番表'!$A$1:$E${header + result.turns + 3}"
    assert "テスト町会" in ws.oddHeader.left.text and ws.oddFooter.right.text == "&P / &N"
    counts = wb["回数"]
    assert "回数の差" in counts["A3"].value and counts["A3"].value.endswith(f"{result.spread}回")
    assert [c.value for c in counts[5]] == ["班", "世帯", "当番の回数", "した回数", "代わりにした回数", "返す回数", "いま"]
    table = {r[1]: r for r in counts.iter_rows(min_row=6, values_only=True) if r[1]}
    assert table["渡邉"][6] == "免除中" and table["德川"][6] == "当番をする" and table["齋藤　太郎0"][0] == "2班"
    assert all("長期不在" not in str(v) for r in counts.iter_rows(values_only=True) for v in r)  # the reason stays
    assert sum(r[2] for r in table.values()) == result.turns
    assert result.spread <= 1
    log = town.rows("SELECT action, purpose FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "export", "purpose": "KAIRAN"}

