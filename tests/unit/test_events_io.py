"""行事 in and out: the sign-in sheet and the 出欠表 (PDF, read back with pdftotext and rendered), the
returned 出欠 tally (CSV/xlsx → set_rsvp), and the 事業報告 sheet (xlsx, read back with openpyxl)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from kyodo_desktop.export.documents import write_rsvp_list, write_sign_in_sheet
from kyodo_desktop.export.events_xlsx import HEADERS, write_events_xlsx
from kyodo_desktop.models import activity as act
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.rsvp_import import apply_rsvp_import, plan_rsvp_import

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

# the register fixture's clock: 2026-11-28


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def _pages(path) -> list[str]:
    return [re.sub(r"[\s　]+", "", page) for page in _text(path).split("\f") if page.strip()]


def _render(path, tmp_path, page=1) -> int:
    png = subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), str(path),
                          str(tmp_path / "page")], capture_output=True)
    assert png.returncode == 0, png.stderr
    return (tmp_path / "page.png").stat().st_size


@pytest.fixture
def town(register):
    """Two 班: 1班 with 髙橋 (three people, consent to 回覧 and to a personal log), two 林 households
    and 山﨑 (no consent to anything); 2班 with 渡邉 (consent to a personal log only)."""
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    ids = {}
    for key, block, family, people in (
            ("髙橋", b1, "髙橋", [("一郎", "イチロウ", "1950-05-01"), ("花子", "ハナコ", "1953-02-02"),
                                 ("翔", "ショウ", "2012-07-07")]),
            ("林1", b1, "林", [("正", "タダシ", "1970-01-01")]),
            ("山﨑", b1, "山﨑", [("正", "タダシ", "1980-01-01")]),
            ("林2", b1, "林", [("和子", "カズコ", "1944-03-03")]),
            ("渡邉", b2, "渡邉", [("健", "ケン", "1999-09-09"), ("舞", "マイ", None)])):
        ids[key] = hh.save_household(register, hh.HouseholdData(block_id=block, persons=[
            hh.PersonData(family_name=family, given_name=g, family_kana={"髙橋": "タカハシ", "林": "ハヤシ", "山﨑": "ヤマザキ",
                                                                         "渡邉": "ワタナベ"}[family],
                          given_kana=k, birth_date=b) for g, k, b in people]))
    for key in ("髙橋", "林1", "林2", "渡邉"):
        privacy.set_consent(register, household_id=ids[key], purpose="ACTIVITY_LOG", granted=True,
                            granted_on="2020-04-01")
    privacy.set_consent(register, household_id=ids["髙橋"], purpose="KAIRAN", granted=True, granted_on="2020-04-01")
    register.ids = ids
    register.blocks = {"1班": b1, "2班": b2}
    register.person = {r[1] + r[2]: r[0] for r in register.conn.execute("SELECT id, family_name, given_name FROM persons")}
    register.event = act.save_event(register, act.EventData(
        title="敬老会", starts_at="2026-09-20T10:00", ends_at="2026-09-20T12:30", category="敬老会", place="泉野公民館",
        description="長寿のお祝い", status="実施", actual_cost=180000))
    register.upcoming = act.save_event(register, act.EventData(
        title="新年会", starts_at="2027-01-10T12:00", ends_at="2027-01-10T14:00", category="交流", place="町会館"))
    return register


def _last_log(reg):
    return reg.rows("SELECT action, purpose, person_count, summary FROM audit_log ORDER BY id DESC LIMIT 1")[0]


# -- the sign-in sheet ---------------------------------------------------------------------------------------


@needs_poppler
def test_sign_in_sheet_has_the_event_and_rows_to_write_in(town, tmp_path):
    out = tmp_path / "受付.pdf"
    result = write_sign_in_sheet(town, out, event_id=town.upcoming, rows=30)
    assert result.pages == 2 and result.households == 0 and out.read_bytes().startswith(b"%PDF")
    pages = _pages(out)
    assert len(pages) == 2
    first = pages[0]
    for text in ("受付名簿", "新年会", "令和9年1月10日（日）12:00〜14:00", "場所町会館", "主催テスト町会", "No.", "氏名",
                 "班", "署名", "1/2"):
        assert text in first, text
    assert "受付名簿（続き）新年会" in pages[1] and "2/2" in pages[1] and "氏名" in pages[1]  # the header repeats
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", _text(out), re.M)]
    assert list(range(1, 31)) == [n for n in numbers if n <= 30]
    for page in pages:  # the purpose of use on every page
        assert "参加人数の把握と町会の事業報告のためだけに使い" in page
    assert "町会の外から来られた方は" in pages[1]
    assert _last_log(town) == {"action": "print", "purpose": "ACTIVITY_LOG", "person_count": 0,
                               "summary": "受付名簿「新年会」（30行）受付.pdf（目的: 行事への参加を個人ごとに記録、0人）"}
    assert _render(out, tmp_path) > 3000
    small = write_sign_in_sheet(town, tmp_path / "s.pdf", event_id=town.event, rows=5, record=False)
    assert small.pages == 1 and "令和8年9月20日（日）10:00〜12:30" in _pages(tmp_path / "s.pdf")[0]


def test_sign_in_sheet_refusals_leave_no_file(town, tmp_path):
    with pytest.raises(RegisterError, match="1〜500"):
        write_sign_in_sheet(town, tmp_path / "a.pdf", event_id=town.upcoming, rows=0)
    with pytest.raises(RegisterError, match="台帳にありません"):
        write_sign_in_sheet(town, tmp_path / "a.pdf", event_id=9999)
    data = act.get_event(town, town.upcoming)
    data.status = "中止"
    act.save_event(town, data)
    with pytest.raises(RegisterError, match="中止になっているため、受付名簿を作りません"):
        write_sign_in_sheet(town, tmp_path / "a.pdf", event_id=town.upcoming)
    with pytest.raises(RegisterError, match="保存できませんでした"):
        write_sign_in_sheet(town, tmp_path / "no-such-folder" / "a.pdf", event_id=town.event)
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.part"))


def test_a_cancelled_print_leaves_no_file(town, tmp_path):
    from kyodo_desktop.export.documents import PrintCancelled

    with pytest.raises(PrintCancelled):
        write_rsvp_list(town, tmp_path / "r.pdf", event_id=town.upcoming, progress=lambda done, total: False)
    assert not list(tmp_path.glob("r.pdf*"))
    seen = []
    result = write_sign_in_sheet(town, tmp_path / "s.pdf", event_id=town.upcoming, rows=60,
                                 progress=lambda done, total: seen.append((done, total)))
    assert result.pages >= 3 and seen == [(n, result.pages) for n in range(1, result.pages + 1)]


# -- the 出欠表 ----------------------------------------------------------------------------------------------


@needs_poppler
def test_rsvp_list_one_section_per_block_in_circulation_order(town, tmp_path):
    out = tmp_path / "出欠.pdf"
    result = write_rsvp_list(town, out, event_id=town.upcoming)
    assert (result.pages, result.households) == (2, 5)
    pages = _pages(out)
    assert "出欠表（1班）" in pages[0] and "出欠表（2班）" not in pages[0]
    assert "出欠表（2班）" in pages[1]
    for text in ("新年会", "令和9年1月10日（日）", "世帯名", "出席人数", "欠席", "備考", "合計出席"):
        assert text in pages[0], text
    # 髙橋 agreed to 回覧: full name; the others: surname only; in 回覧順
    order = [line.split()[1] for line in _text(out).split("\f")[0].splitlines()
             if re.match(r"^\s*\d\s+\S", line)]
    assert order == ["髙橋", "林", "山﨑", "林"]
    assert "髙橋一郎" in pages[0] and "山﨑正" not in pages[0] and "林和子" not in pages[0]
    assert "最後の方は班長へ戻してください" in pages[0] and "最後の方は班長へ戻してください" in pages[1]
    assert all("この出欠表は行事の準備のためだけに使います" in p for p in pages)
    assert _last_log(town)["action"] == "print" and _last_log(town)["person_count"] == 5
    assert _last_log(town)["purpose"] == "KAIRAN"
    assert _render(out, tmp_path, page=2) > 3000
    only = write_rsvp_list(town, tmp_path / "2.pdf", event_id=town.upcoming, block_ids=[town.blocks["2班"]])
    assert (only.pages, only.households) == (1, 1) and "出欠表（2班）" in _pages(tmp_path / "2.pdf")[0]


@needs_poppler
def test_rsvp_list_for_a_hancho_is_their_own_block(town, tmp_path):
    from kyodo_desktop.models.auth import Session

    town.session = Session(None, "h", "2班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.blocks["2班"]}))
    result = write_rsvp_list(town, tmp_path / "r.pdf", event_id=town.upcoming)
    assert result.households == 1 and "1班" not in "".join(_pages(tmp_path / "r.pdf"))
    with pytest.raises(RegisterError, match="印刷する班がありません"):
        write_rsvp_list(town, tmp_path / "x.pdf", event_id=town.upcoming, block_ids=[town.blocks["1班"]])


@needs_poppler
def test_a_big_block_goes_over_pages_with_its_header(register, tmp_path):
    b = hh.add_block(register, "大班")
    for n in range(40):
        hh.save_household(register, hh.HouseholdData(block_id=b, persons=[hh.PersonData(family_name=f"世帯{n:02d}")]))
    eid = act.save_event(register, act.EventData(title="防災訓練", starts_at="2026-12-06T09:00", category="防災訓練"))
    result = write_rsvp_list(register, tmp_path / "r.pdf", event_id=eid)
    pages = _pages(tmp_path / "r.pdf")
    assert result.pages == len(pages) >= 2
    assert "出欠表（大班）（続き）防災訓練" in pages[1] and "世帯名" in pages[1]
    assert "世帯39" in pages[-1] and "最後の方は班長へ戻してください" in pages[-1]
    text = "".join(pages)
    assert all(f"世帯{n:02d}" in text for n in range(40))


# -- the returned 出欠 tally ---------------------------------------------------------------------------------


def _csv(tmp_path, text: str, name="出欠.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _rsvp(reg, event_id):
    return {(p.name, p.rsvp) for p in act.list_participants(reg, event_id)}


def test_rsvp_tally_names_answers_and_blocks_are_read_and_applied(town, tmp_path):
    path = _csv(tmp_path, "令和9年 新年会 出欠（1班・2班）\n\n"
                          "氏名,班,出欠,備考\n"
                          "高橋 一郎,1班,○,\n"  # 髙 written as 高, a space between
                          "たかはし はなこ,1,欠,\n"  # in hiragana; the 班 as a number
                          "ﾀｶﾊｼ ｼｮｳ,,未定,\n"  # half-width kana
                          "渡邉健様,2班,出席,\n"
                          "渡邉　舞,2班,,\n"  # no answer yet: left out
                          "合計,,2,\n",
                 encoding="cp932")
    plan = plan_rsvp_import(town, town.upcoming, path)
    assert plan.ready, plan.summary()
    assert [(m.row, m.person, m.answer) for m in plan.matched] == [
        (4, "髙橋　一郎", "出席"), (5, "髙橋　花子", "欠席"), (6, "髙橋　翔", "未定"), (7, "渡邉　健", "出席")]
    assert plan.no_answer == [8] and plan.answers() == {"出席": 2, "欠席": 1, "未定": 1}
    assert _rsvp(town, town.upcoming) == set()  # planning changes nothing
    counts = apply_rsvp_import(town, plan)
    assert counts == {"出席": 2, "欠席": 1, "未定": 1}
    assert _rsvp(town, town.upcoming) == {("髙橋　一郎", "出席"), ("髙橋　花子", "欠席"), ("髙橋　翔", "未定"),
                                          ("渡邉　健", "出席")}
    assert act.event_summary(town, town.upcoming).rsvp == {"出席": 2, "欠席": 1, "未定": 1}
    log = town.rows("SELECT action, summary, person_count FROM audit_log WHERE action = 'import'")
    assert log == [{"action": "import", "person_count": 4,
                    "summary": "行事「新年会」の出欠を「出欠.csv」から取り込みました（出席2人・欠席1人・未定1人）"}]
    # a second tally changes answers already recorded
    again = plan_rsvp_import(town, town.upcoming, _csv(tmp_path, "氏名,出欠\n髙橋花子,出席\n", name="b.csv"))
    apply_rsvp_import(town, again)
    assert ("髙橋　花子", "出席") in _rsvp(town, town.upcoming)


@pytest.mark.parametrize(("written", "meant"), [
    ("○", "出席"), ("〇", "出席"), ("出", "出席"), ("出席", "出席"), ("参加", "出席"), ("×", "欠席"), ("✕", "欠席"),
    ("欠", "欠席"), ("欠席", "欠席"), ("不参加", "欠席"), ("未定", "未定"), ("△", "未定"), (" 出 席 ", "出席"),
])
def test_every_way_of_writing_an_answer(town, tmp_path, written, meant):
    plan = plan_rsvp_import(town, town.upcoming, _csv(tmp_path, f"氏名,出欠\n髙橋一郎,{written}\n"))
    assert [m.answer for m in plan.matched] == [meant]


def test_bad_rows_are_named_and_nothing_changes(town, tmp_path):
    path = _csv(tmp_path, "氏名,班,出欠\n"
                          "髙橋一郎,1班,○\n"
                          "髙橋花子,1班,たぶん\n"  # row 3: an answer nobody knows
                          "林,1班,○\n"  # row 4: two 林 households in 1班
                          "佐藤花子,1班,×\n"  # row 5: nobody of that name
                          "髙橋翔,9班,○\n"  # row 6: no such 班
                          "髙橋一郎,1班,×\n"  # row 7: the same person again, another answer
                          ",,○\n")  # row 8: an answer without a name
    plan = plan_rsvp_import(town, town.upcoming, path)
    assert not plan.ready
    texts = [p.text() for p in plan.problems()]
    assert texts[0].startswith("3行目（髙橋花子）: 出欠「たぶん」が分かりません")
    assert texts[1].startswith("4行目（林）: 「林」の世帯が1班に2軒あります") and "林　正（1班）" in texts[1]
    assert texts[2].startswith("5行目（佐藤花子）: この人は1班に見つかりません")
    assert texts[3].startswith("6行目（髙橋翔）: 「9班」という班は名簿にありません")
    assert texts[4].startswith("7行目（髙橋一郎）: 2行目と同じ人（髙橋　一郎）で、出欠が違います")
    assert texts[5] == "8行目: 名前がありません。"
    before = town.conn.execute("SELECT count(*) FROM participations").fetchone()[0]
    audit = town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(RegisterError, match="取り込みませんでした（台帳は変わっていません）") as caught:
        apply_rsvp_import(town, plan)
    assert "3行目（髙橋花子）" in str(caught.value) and "6行目" in str(caught.value)
    assert town.conn.execute("SELECT count(*) FROM participations").fetchone()[0] == before
    assert town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit


def test_the_printed_rsvp_list_typed_into_excel_comes_back(town, tmp_path):
    """Our 出欠表 as a 班長 types it: 順 tells the two 林 households apart; 出席人数 and 欠席 give the
    answer (the 世帯主's); 山﨑 (no consent to a personal log) is not recorded by name."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "1班"
    ws.append(["出欠表（1班）新年会"])
    ws.append([])
    ws.append(["順", "世帯名", "出席人数", "欠席", "備考"])
    for row in ([1, "髙橋一郎", 2, None, "妻も"], [2, "林", None, "○", None], [3, "山﨑", "1人", None, None],
                [4, "林", 1, None, "車いす"]):
        ws.append(row)
    ws.append([None, "合計", 4, 1, None])
    wb.save(tmp_path / "1班.xlsx")
    plan = plan_rsvp_import(town, town.upcoming, tmp_path / "1班.xlsx")
    assert plan.ready, plan.summary()
    assert [(m.row, m.person, m.answer, m.household, m.attending) for m in plan.matched] == [
        (4, "髙橋　一郎", "出席", False, 2), (5, "林　正", "欠席", True, None), (7, "林　和子", "出席", True, 1)]
    assert [m.person for m in plan.not_logged] == ["山﨑　正"]
    apply_rsvp_import(town, plan)
    assert _rsvp(town, town.upcoming) == {("髙橋　一郎", "出席"), ("林　正", "欠席"), ("林　和子", "出席")}
    assert act.band_counts(town, town.upcoming) == {"guest": {}, "member": {}}  # nobody counted before the event


@pytest.mark.parametrize(("count", "absent", "answer", "message"), [
    ("2", "○", "", "出席人数（2人）と欠席の両方に記入があります"),
    ("二", "", "", "出席人数「二」は数で書いてください"),
    ("", "?", "", "欠席の欄「?」が分かりません"),
    ("0", "", "○", "出欠「○」と出席人数（0人）が合いません"),
])
def test_contradicting_cells_are_refused(town, tmp_path, count, absent, answer, message):
    path = _csv(tmp_path, f"世帯名,出席人数,欠席,出欠\n髙橋,{count},{absent},{answer}\n")
    plan = plan_rsvp_import(town, town.upcoming, path)
    assert len(plan.errors) == 1 and plan.errors[0].text().startswith(f"2行目（髙橋）: {message}")


def test_files_that_are_not_a_tally_are_refused(town, tmp_path):
    with pytest.raises(RegisterError, match="出欠の表が見つかりません"):
        plan_rsvp_import(town, town.upcoming, _csv(tmp_path, "住所,電話\n泉野町,076\n"))
    with pytest.raises(RegisterError, match="見つかりません"):
        plan_rsvp_import(town, town.upcoming, tmp_path / "none.csv")
    empty = plan_rsvp_import(town, town.upcoming, _csv(tmp_path, "氏名,出欠\n髙橋一郎,\n", name="e.csv"))
    with pytest.raises(RegisterError, match="取り込める出欠がありません"):
        apply_rsvp_import(town, empty)


def test_a_hancho_may_not_import_answers(town, tmp_path):
    from kyodo_desktop.models.auth import Session
    from kyodo_desktop.models.errors import PermissionDenied

    plan = plan_rsvp_import(town, town.upcoming, _csv(tmp_path, "氏名,出欠\n髙橋一郎,○\n"))
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.blocks["1班"]}))
    with pytest.raises(PermissionDenied):
        apply_rsvp_import(town, plan)


# -- the 事業報告 sheet --------------------------------------------------------------------------------------


def test_events_xlsx_in_the_shape_of_the_activity_report(town, tmp_path):
    from openpyxl import load_workbook

    act.add_participants(town, town.event, [town.person["髙橋一郎"], town.person["林和子"], town.person["山﨑正"]])
    act.set_band_counts(town, town.event, {"75歳〜": 4})
    partner = town.conn.execute(
        "INSERT INTO partners (uid, name, kind, created_at, updated_at) VALUES ('p1', '地区社協', '地区社協', '', '')"
    ).lastrowid
    town.conn.commit()
    data = act.get_event(town, town.event)
    data.partner_ids = [partner]
    act.save_event(town, data)
    act.save_event(town, act.EventData(title="=1+1 清掃", starts_at="2026-06-07T08:00", category="清掃・美化",
                                       status="中止", outcome="雨天のため中止", place="町内一円"))
    act.save_event(town, act.EventData(title="定例役員会", starts_at="2026-06-09T19:00", category="役員会・会議",
                                       status="実施", description="行事の準備\n会計報告"))
    act.save_event(town, act.EventData(title="来年度の行事", starts_at="2027-04-10", category="その他"))  # next 年度
    out = tmp_path / "事業報告.xlsx"
    result = write_events_xlsx(town, out, fiscal_year=2026)
    assert (result.events, result.held, result.participants) == (4, 2, 7)
    ws = load_workbook(out).active
    assert ws.title == "令和8年度 事業報告"
    assert ws["A1"].value == "令和8年度 事業報告" and ws["A2"].value == "テスト町会　令和8年4月1日〜令和9年3月31日"
    assert tuple(c.value for c in ws[3]) == HEADERS
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=7)]
    assert body[0] == ["6月", "=1+1 清掃", "中止（雨天のため中止）", "令和8年6月7日（日）", "町内一円", None, "町会"]
    assert ws["B4"].data_type == "s"  # the title is text, never a formula
    assert body[1][:2] == [None, "定例役員会"] and body[1][2] == "行事の準備 会計報告"  # June merged
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}
    assert body[2] == ["9月", "敬老会", "長寿のお祝い", "令和8年9月20日（日）", "泉野公民館", 7, "町会（協力: 地区社協）"]
    assert body[3][0] == "1月" and body[3][3] == "令和9年1月10日（日）（予定）" and body[3][5] is None
    assert ws["A8"].value == "計" and ws["F8"].value == 7 and ws["B8"].value == "実施 2件（予定 1件・中止 1件）"
    assert ws["F6"].number_format == '#,##0"人"'
    # the house style: A4 landscape fitted to the width, the header repeated and frozen, 和暦 in the header
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows in ("3:3", "$3:$3") and ws.freeze_panes == "A4"
    assert ws.oddHeader.left.text == "テスト町会" and ws.oddHeader.right.text == "作成日 令和8年11月28日"
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.column_dimensions["C"].width >= 30
    log = _last_log(town)
    assert log["action"] == "export" and log["person_count"] == 0 and "事業報告（Excel・4件）" in log["summary"]
    seireki = write_events_xlsx(town, tmp_path / "s.xlsx", fiscal_year=2026, wareki=False)
    assert load_workbook(seireki.path).active["D6"].value == "2026-09-20（日）"


def test_events_xlsx_of_an_empty_year_and_bad_input(town, tmp_path):
    from openpyxl import load_workbook

    result = write_events_xlsx(town, tmp_path / "e.xlsx", fiscal_year=2019)
    assert (result.events, result.held) == (0, 0)
    ws = load_workbook(result.path).active
    assert ws["A1"].value == "令和元年度 事業報告" and ws["B4"].value == "この年度の行事は登録されていません。"
    with pytest.raises(RegisterError, match="年度が正しくありません"):
        write_events_xlsx(town, tmp_path / "x.xlsx", fiscal_year=26)
    with pytest.raises(RegisterError, match="保存できませんでした"):
        write_events_xlsx(town, tmp_path / "no" / "x.xlsx", fiscal_year=2026)
    assert not list(tmp_path.rglob("*.part"))


def test_the_demo_year_as_a_report(demo_register, tmp_path):
    """A whole demo 年度: every event once, the held ones' participants add up to the total."""
    from openpyxl import load_workbook

    result = write_events_xlsx(demo_register, tmp_path / "d.xlsx", fiscal_year=2025)
    events = act.list_events(demo_register, fiscal_year=2025)
    assert result.events == len(events) >= 45
    assert result.participants == sum(e.participants for e in events if e.status == "実施")
    ws = load_workbook(result.path).active
    titles = [ws.cell(r, 2).value for r in range(4, 4 + len(events))]
    assert titles == [e.title for e in events]
    months = [ws.cell(r, 1).value for r in range(4, 4 + len(events)) if ws.cell(r, 1).value]
    assert months == [f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]


@needs_poppler
def test_the_demo_forms_print(demo_register, tmp_path):
    upcoming = [e for e in act.list_events(demo_register, fiscal_year=2026) if e.status == "予定"]
    assert upcoming
    rsvp = write_rsvp_list(demo_register, tmp_path / "r.pdf", event_id=upcoming[0].id)
    blocks = demo_register.conn.execute("SELECT count(*) FROM blocks").fetchone()[0]
    households = demo_register.conn.execute(
        "SELECT count(*) FROM households WHERE status IN ('加入', '非加入')").fetchone()[0]
    assert rsvp.households == households and rsvp.pages >= blocks
    assert sum("出欠表（" in p and "（続き）" not in p for p in _pages(tmp_path / "r.pdf")) == blocks
    assert date(2026, 11, 28) <= date.fromisoformat(upcoming[0].starts_at[:10])
