"""防災 on paper and in Excel: the 連絡網, the 安否確認シート and 集計表, the results of a check and the
防災台帳 — PDFs read back (pdftotext) and rendered (pdftoppm), the workbook read back (openpyxl)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from kyodo_desktop.export import bousai_docs as bd
from kyodo_desktop.export.documents import PrintCancelled
from kyodo_desktop.export.safety_xlsx import write_safety_results_xlsx
from kyodo_desktop.models import bousai as bo
from kyodo_desktop.models import contacts as ct
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import privacy
from kyodo_desktop.models import safety as sf
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
FAMILIES = ["青木", "井上", "上田", "江口", "小川", "加藤", "木村", "工藤", "佐々木", "髙橋", "山﨑", "渡邉", "中村", "西田"]
NO_RENRAKUMOU = {"上田", "工藤"}  # households that did not agree to the 連絡網


def _text(path, page=None, raw=False):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-raw" if raw else "-layout", *pages, str(path), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout


def _flat(path, page=None):
    return re.sub(r"[\s　]+", "", _text(path, page))


def _png(path, tmp_path, page=1):
    out = tmp_path / f"page{page}"
    run = subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path),
                          str(out)], capture_output=True)
    assert run.returncode == 0, run.stderr
    return (tmp_path / f"page{page}.png").stat().st_size


def _size(path):
    return re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True).stdout).groups()


@pytest.fixture
def town(register):
    """1班: 11 households (two without consent to the 連絡網), the 会長 in it, a 班長; 2班: 3
    households and no 班長. Every household has a head and a spouse, every third a child."""
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    homes, heads = {}, {}
    for n, family in enumerate(FAMILIES):
        persons = [hh.PersonData(family_name=family, given_name="一郎", birth_date="1950-01-01",
                                 mobile=f"090-1111-{n:04d}"),
                   hh.PersonData(family_name=family, given_name="花子", birth_date="1955-05-05", relation="妻")]
        if n % 3 == 0:
            persons.append(hh.PersonData(family_name=family, given_name="太郎", birth_date="2012-01-01", relation="子"))
        hid = hh.save_household(register, hh.HouseholdData(block_id=b1 if n < 11 else b2, persons=persons,
                                                           landline=f"076-220-{n:04d}" if n % 2 else ""))
        homes[family] = hid
        heads[family] = register.conn.execute("SELECT head_person_id FROM households WHERE id = ?", [hid]).fetchone()[0]
        if family not in NO_RENRAKUMOU:
            privacy.set_consent(register, household_id=hid, purpose="RENRAKUMOU", granted=True, granted_on="2026-04-01")
        if family != "木村":
            privacy.set_consent(register, household_id=hid, purpose="BOSAI_SHARE", granted=True, granted_on="2026-04-01")
    hh.set_block_leader(register, b1, heads["井上"])
    hh.add_officer(register, heads["青木"], "会長", 2026, "2026-04-01")
    # 小川 一郎 needs help to evacuate (the restricted store; the reason must never be printed)
    register.conn.execute(
        "INSERT INTO support_people (person_id, name, reasons, consent, created_at, updated_at) "
        "VALUES (?, '小川　一郎', '要介護・車いす使用', '同意', '2026-04-01', '2026-04-01')", [heads["小川"]])
    register.conn.commit()
    register.b1, register.b2, register.homes, register.heads = b1, b2, homes, heads
    return register


def _phone(reg, family):
    n = FAMILIES.index(family)
    return f"076-220-{n:04d}" if n % 2 else f"090-1111-{n:04d}"


# -- 緊急連絡網 -----------------------------------------------------------------------------------------------


@needs_poppler
def test_phone_tree_prints_only_consented_numbers_in_calling_order(town, tmp_path):
    result = bd.write_phone_tree(town, tmp_path / "連絡網.pdf")
    assert (result.pages, result.households) == (2, 14)
    first, second = _flat(tmp_path / "連絡網.pdf", 1), _flat(tmp_path / "連絡網.pdf", 2)
    assert "緊急連絡網（1班）" in first and "緊急連絡網（2班）" in second
    assert "つながらない場合は次の方へ。最後の方は会長へ折り返し報告" in first
    assert f"班長（連絡網の始まり）井上一郎{_phone(town, '井上')}" in first
    for family in FAMILIES[:11]:
        if family in NO_RENRAKUMOU:
            assert family not in first and _phone(town, family) not in first  # never the number
        elif family != "井上":
            assert f"{family}一郎{_phone(town, family)}" in first
    assert first.count("（掲載の同意なし）") == 2 and "とばして3番へ" in first and "とばして8番へ" in first
    # in calling order (回覧順), the 班長 at the top and not in the chain
    lines = [line for line in _text(tmp_path / "連絡網.pdf", 1).splitlines()
             if ("一郎" in line or "同意なし" in line) and not line.strip().startswith("会長")]
    order = [next((f for f in FAMILIES if f in line), "同意なし") for line in lines]
    assert order == ["井上", "青木", "同意なし", "江口", "小川", "加藤", "木村", "同意なし", "佐々木", "髙橋", "山﨑"]
    assert re.search(r"山﨑一郎.*→会長へ報告", first)
    assert "会長青木一郎090-1111-0000" in first and "最後の方は、会長へ折り返し報告してください。" in first
    # 2班 has no 班長: said on the sheet, printed anyway
    assert "2班の班長が決まっていません" in second and "会長から下の1番の方へ連絡します" in second
    assert "1渡邉一郎" in second and "2中村一郎" in second and "3西田一郎" in second
    assert "この連絡網は緊急時の連絡のためだけに使います" in first and "1/2" in first and "テスト町会" in first
    log = town.rows("SELECT action, purpose, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "print", "purpose": "RENRAKUMOU", "person_count": 14}
    assert _png(tmp_path / "連絡網.pdf", tmp_path) > 5000
    assert _size(tmp_path / "連絡網.pdf") == ("595.276", "841.89")  # A4 portrait


@needs_poppler
def test_a_custom_tree_is_indented_and_says_who_calls(town, tmp_path):
    a, b, c, d = (town.homes[f] for f in ("井上", "青木", "上田", "江口"))
    rest = [town.homes[f] for f in FAMILIES[4:11]]
    # the 班長 calls 青木 and 小川; 青木 calls both 上田 and 江口; 小川 starts a chain
    calls = [(a, b), (b, c), (b, d), (a, rest[0])] + list(zip(rest, rest[1:], strict=False))
    ct.set_calling_order(town, town.b1, calls)
    bd.write_phone_tree(town, tmp_path / "独自.pdf", block_ids=[town.b1])
    text = _text(tmp_path / "独自.pdf")
    flat = re.sub(r"[\s　]+", "", text)
    assert "1青木一郎" in flat and "班長から" in flat
    assert "2└（掲載の同意なし）：1番から・（前の方が会長へ報告）" in flat  # 上田: no consent, no number
    assert "3└江口一郎" in flat and re.search(r"江口一郎.*1番から・→会長へ報告", flat)
    assert re.search(r"青木一郎090-1111-0000：班長から・→会長へ報告", flat)  # 上田 was last: 青木 reports
    assert "4小川一郎" in flat and re.search(r"山﨑一郎.*9番から・→会長へ報告", flat)
    assert _phone(town, "上田") not in flat
    indent = {f: line.index(f) for line in text.splitlines() for f in ("青木", "江口", "小川", "加藤")
              if f in line and line.strip()[:1].isdigit()}
    assert indent["江口"] > indent["青木"] and indent["小川"] == indent["加藤"] == indent["青木"]  # a chain: no indent


def test_a_hancho_prints_only_their_own_block(town, tmp_path):
    officer = town.session
    town.session = Session(None, "h", "1班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({town.b1}))
    try:
        tree = bd.write_phone_tree(town, tmp_path / "tree.pdf")
        sheets = bd.write_safety_sheets(town, tmp_path / "sheets.pdf")
        tally = bd.write_safety_tally(town, tmp_path / "tally.pdf")
        assert (tree.households, sheets.households, tally.households) == (11, 26, 11)
        for writer in (bd.write_phone_tree, bd.write_safety_sheets, bd.write_safety_tally):
            with pytest.raises(PermissionDenied, match="自分の班だけ"):
                writer(town, tmp_path / "other.pdf", block_ids=[town.b2])
        assert not (tmp_path / "other.pdf").exists()
    finally:
        town.session = officer
    if shutil.which("pdftotext"):
        assert "2班" not in _flat(tmp_path / "sheets.pdf") and "中村" not in _flat(tmp_path / "tree.pdf")


# -- 安否確認シート ----------------------------------------------------------------------------------------


def _people_names(reg):
    return [re.sub(r"[\s　]+", "", p.name) for p in sf.people(reg)]


@needs_poppler
def test_safety_sheets_list_everyone_once_with_the_bare_marker(town, tmp_path):
    hh.change_household_status(town, town.homes["西田"], "転出", "2026-10-01")  # gone: not on the sheet
    result = bd.write_safety_sheets(town, tmp_path / "安否.pdf")
    flat = _flat(tmp_path / "安否.pdf")
    names = _people_names(town)
    assert result.households == len(names) == 26 + 5
    rows = flat.replace("班長井上一郎", "")  # the 班長 is named at the top of each page of the 班
    for name in names:
        assert rows.count(name) == (2 if name.endswith("一郎") else 1), name  # a head: household and person
    assert "西田" not in flat and "中村" in flat
    assert flat.count("●") == result.pages + 1  # the legend of each page and 小川 一郎, nothing else
    assert "要介護" not in flat and "車いす" not in flat  # the reason never appears
    assert "小川一郎75歳〜●" in flat and "小川花子65〜74歳○" in flat
    for header in ("世帯", "氏名", "年齢帯", "要配慮", "安否", "所在", "確認時刻", "確認者", "建物被害", "必要な支援", "備考"):
        assert header in flat
    assert "○無事△軽症×重症？不明" in flat and "自宅・避難所" in flat and "なし・一部損壊" in flat
    assert "安否確認シート1班" in flat and "安否確認シート2班" in flat and "班長井上一郎" in flat
    assert "2班" in _flat(tmp_path / "安否.pdf", result.pages) and "班長（未定）" in flat
    assert "この安否確認シートは災害時と訓練の安否確認のためだけに使います" in flat
    assert f"1/{result.pages}" in flat and "テスト町会" in flat and "令和8年11月28日" in flat
    assert _size(tmp_path / "安否.pdf") == ("841.89", "595.276")  # A4 landscape
    assert _png(tmp_path / "安否.pdf", tmp_path) > 5000
    log = town.rows("SELECT action, purpose, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "print", "purpose": "OFFICER_INTERNAL", "person_count": 31}
    # households stay together: each household's people are on one page
    for page in range(1, result.pages + 1):
        text = _flat(tmp_path / "安否.pdf", page).replace("班長井上一郎", "")
        for family in FAMILIES:
            if f"{family}一郎" in text and family != "西田":
                assert f"{family}花子" in text


@needs_poppler
def test_the_places_and_the_results_of_a_check_are_printed_in(town, tmp_path):
    bo.save_place(town, bo.PlaceData("集合場所", "中央公園", block_ids=[town.b1]))
    bo.save_place(town, bo.PlaceData("指定避難所", "本町小学校"))
    check = sf.start_check(town, "訓練", "秋の防災訓練", started_at="2026-11-28 09:00")
    people = {re.sub(r"[\s　]+", "", p.name): p.person_id for p in sf.people(town)}
    sf.record(town, check, people["青木一郎"], "無事", whereabouts="自宅", checked_at="2026-11-28 09:12",
              checked_by="井上", building_damage="一部損壊", needs="飲み水")
    sf.record(town, check, people["青木花子"], "軽症", whereabouts="避難所", checked_at="2026-11-28 09:30",
              checked_by="井上", notes="足を打った")
    sf.record(town, check, people["井上一郎"], "不明", checked_at="2026-11-29 07:05")
    result = bd.write_safety_sheets(town, tmp_path / "結果入り.pdf", check_id=check, block_ids=[town.b1])
    flat = _flat(tmp_path / "結果入り.pdf", 1)
    assert "秋の防災訓練（訓練）開始令和8年11月28日9:00" in flat
    assert "○無事自宅9:12井上" in flat and "一部損壊" in flat and "飲み水" in flat
    assert "△軽症避難所9:30井上" in flat and "足を打った" in flat
    assert "？不明" in flat and "11/297:05" in flat
    assert "集合・避難:集合場所中央公園指定避難所本町小学校" in flat
    assert result.households == 26 and "2班" not in _flat(tmp_path / "結果入り.pdf")
    assert _png(tmp_path / "結果入り.pdf", tmp_path) > 5000


# -- 集計表 and results --------------------------------------------------------------------------------------


@needs_poppler
def test_the_tally_sheet_blank_and_filled_from_a_check(town, tmp_path):
    blank = bd.write_safety_tally(town, tmp_path / "集計.pdf")
    text = _text(tmp_path / "集計.pdf")
    rows = {line.split()[0]: line.split()[1:3] for line in text.splitlines() if re.match(r"\s*(\d班|合計)\s", line)}
    assert rows == {"1班": ["11", "26"], "2班": ["3", "7"], "合計": ["14", "33"]}
    flat = re.sub(r"[\s　]+", "", text)
    assert "班世帯数人数○無事△軽症×重症？不明避難所へ在宅報告時刻" in flat and "未確認" not in flat
    assert blank.pages == 1 and "報告日" in flat
    check = sf.start_check(town, "災害", started_at="2026-11-28 06:00")
    everyone = sf.people(town, check)
    for p, status, where in zip(everyone[:6], ["無事", "無事", "軽症", "重症", "不明", "無事"],
                                ["自宅", "避難所", "避難所", "", "", "自宅"], strict=True):
        sf.record(town, check, p.person_id, status, whereabouts=where, checked_at="2026-11-28 06:40")
    sf.record(town, check, everyone[-1].person_id, "無事", whereabouts="避難所", checked_at="2026-11-28 07:15")
    bd.write_safety_tally(town, tmp_path / "集計済.pdf", check_id=check)
    text = _text(tmp_path / "集計済.pdf")
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines() if re.match(r"\s*(\d班|合計)\s", line)}
    assert rows["1班"] == ["11", "26", "3", "1", "1", "1", "20", "2", "2", "6:40"]
    assert rows["2班"] == ["3", "7", "1", "0", "0", "0", "6", "1", "0", "7:15"]
    assert rows["合計"] == ["14", "33", "4", "1", "1", "1", "26", "3", "2", "7:15"]
    assert "まだ確認できていない方が26人" in re.sub(r"[\s　]+", "", text)


@needs_poppler
def test_results_for_the_district_counts_first_names_by_consent_in_a_drill(town, tmp_path):
    check = sf.start_check(town, "訓練", "秋の防災訓練", started_at="2026-11-28 09:00")
    everyone = sf.people(town, check)
    for p in everyone:
        if p.household not in ("小川　一郎", "木村　一郎", "中村　一郎"):
            sf.record(town, check, p.person_id, "無事", whereabouts="自宅", checked_at="2026-11-28 09:20")
    result = bd.write_safety_results(town, tmp_path / "結果.pdf", check_id=check)
    flat = _flat(tmp_path / "結果.pdf")
    assert flat.index("対象33人（14世帯）確認済み25人まだ確認できていない方8人（うち●1人）") < flat.index("班ごとの集計")
    assert flat.index("班ごとの集計") < flat.index("まだ確認できていない方（8人") < flat.index("一人ずつの結果（確認済み25人）")
    waiting = flat[flat.index("まだ確認できていない方（8人"):flat.index("一人ずつの結果")]
    assert waiting.index("小川一郎") < waiting.index("小川花子")  # ● first
    assert "木村" not in flat and "（氏名の掲載に同意なし）" in waiting  # no BOSAI_SHARE: no name in a drill
    assert "○無事25人" in flat and "要介護" not in flat
    log = town.rows("SELECT action, purpose, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "print", "purpose": "BOSAI_SHARE", "person_count": 33}
    assert _size(tmp_path / "結果.pdf") == ("841.89", "595.276") and result.pages >= 2
    # in a real disaster everyone is named
    real = sf.start_check(town, "災害", started_at="2026-11-28 11:00")
    bd.write_safety_results(town, tmp_path / "災害.pdf", check_id=real)
    assert "木村一郎" in _flat(tmp_path / "災害.pdf") and "第27条第1項第2号" in _flat(tmp_path / "災害.pdf")


def test_results_workbook_has_totals_and_detail(town, tmp_path):
    from openpyxl import load_workbook

    check = sf.start_check(town, "災害", "地震", started_at="2026-11-28 06:00")
    everyone = sf.people(town, check)
    sf.record(town, check, everyone[0].person_id, "無事", whereabouts="自宅", checked_at="2026-11-28 06:30",
              needs="=HYPERLINK(\"x\")")
    sf.record(town, check, everyone[1].person_id, "重症", whereabouts="避難所", checked_at="2026-11-28 06:45",
              building_damage="全壊")
    target = write_safety_results_xlsx(town, tmp_path / "結果.xlsx", check_id=check)
    wb = load_workbook(target)
    assert wb.sheetnames == ["この集計について", "班ごとの集計", "一人ずつ"]
    totals = [[c.value for c in row] for row in wb["班ごとの集計"].iter_rows()]
    assert totals[0] == ["班", "世帯数", "人数", "無事", "軽症", "重症", "不明", "未確認", "確認済み", "避難所", "在宅",
                         "最後の報告"]
    assert totals[1][:8] == ["1班", 11, 26, 1, 0, 1, 0, 24] and totals[1][11] == "6:45"
    assert totals[-1][:8] == ["合計", 14, 33, 1, 0, 1, 0, 31]
    assert abs(totals[1][8] - 2 / 26) < 1e-9
    detail = [[c.value for c in row] for row in wb["一人ずつ"].iter_rows()]
    assert len(detail) == 1 + 33 and detail[0][0] == "班"
    assert detail[1][:8] == ["1班", "青木　一郎", "青木　一郎", "75歳〜", None, "○ 無事", "自宅", "6:30"]
    assert detail[1][10] == '=HYPERLINK("x")'  # text, never a formula
    assert wb["一人ずつ"]["K2"].data_type == "s"
    assert detail[2][5] == "× 重症" and detail[2][9] == "全壊" and detail[3][5] == "未確認"
    assert [r for r in detail if r[2] == "小川　一郎"][0][4] == "●"
    ws = wb["一人ずつ"]
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    assert "テスト町会" in ws.oddHeader.left.text
    log = town.rows("SELECT action, purpose, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log == {"action": "export", "purpose": "BOSAI_SHARE", "person_count": 33}


# -- 防災台帳 ----------------------------------------------------------------------------------------------


@needs_poppler
def test_bousai_register_has_equipment_places_and_the_chart(town, tmp_path):
    bo.save_equipment(town, bo.EquipmentData("消火器（粉末10型）", 12, "防災倉庫", "2019", "市 資機材補助", "2025-06-01"))
    bo.save_equipment(town, bo.EquipmentData("発電機", 1, "集会所", "令和3年", checked_on="2026-10-01"))
    bo.save_place(town, bo.PlaceData("集合場所", "中央公園", "本町1-2", block_ids=[town.b1]))
    bo.save_place(town, bo.PlaceData("指定避難所", "本町小学校"))
    bo.assign_member(town, town.heads["青木"], "本部", "班長")
    bo.assign_member(town, town.heads["井上"], "情報班", "班長")
    bo.assign_member(town, town.heads["江口"], "情報班")
    result = bd.write_bousai_register(town, tmp_path / "防災台帳.pdf")
    flat = _flat(tmp_path / "防災台帳.pdf")
    assert flat.index("防災資機材台帳") < flat.index("集合場所・避難所（班ごと）") < flat.index("自主防災組織表（令和8年度）")
    assert "2品目うち点検が必要なもの1品目" in flat and "※点検から1年以上" in flat
    assert "消火器（粉末10型）12防災倉庫令和元年市資機材補助" in flat and "令和7年6月1日" in flat
    assert "1班集合場所中央公園本町1-2" in flat and "2班（未登録）" in flat and "町会全体:指定避難所本町小学校" in flat
    assert "本部本部長青木一郎1班" in flat and "情報班班長井上一郎1班" in flat and "班員江口一郎1班" in flat
    assert "消火班（未定）" in flat
    assert result.households == 3 and _png(tmp_path / "防災台帳.pdf", tmp_path) > 5000


# -- atomic saves and cancelling ----------------------------------------------------------------------------


def test_a_failed_or_cancelled_print_leaves_nothing(town, tmp_path):
    with pytest.raises(RegisterError, match="保存できませんでした"):
        bd.write_safety_sheets(town, tmp_path / "no-such-folder" / "a.pdf")
    seen = []

    def stop_at_two(done, total):
        seen.append((done, total))
        return done < 2

    with pytest.raises(PrintCancelled):
        bd.write_phone_tree(town, tmp_path / "tree.pdf", progress=stop_at_two)
    with pytest.raises(PrintCancelled):
        bd.write_safety_sheets(town, tmp_path / "sheets.pdf", progress=stop_at_two)
    assert seen[0] == (1, 2) and seen[-1][0] == 2
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.part")) == []
    with pytest.raises(RegisterError, match="この安否確認は台帳にありません"):
        bd.write_safety_results(town, tmp_path / "r.pdf", check_id=999)
    assert town.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'print'")[0]["n"] == 0
