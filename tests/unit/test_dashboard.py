"""見える化: the dashboard's figures, the one-page 「活動のまとめ」 PDF and its Excel sheet, on real registers."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from kyodo_desktop.export.activity_summary import (
    Box,
    Text,
    layout_chart,
    write_activity_summary,
    write_activity_summary_xlsx,
)
from kyodo_desktop.models import activity as act
from kyodo_desktop.models import dashboard as dash
from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import privacy
from kyodo_desktop.models import volunteers as vol
from kyodo_desktop.models.auth import Session
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.stats import counts

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
NAMES = ("髙橋", "山﨑", "渡邉", "佐藤", "一郎", "花子")

# the register fixture's clock: 2026-11-28 (令和8年度, which began on 2026-04-01)


def _text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def _household(reg, block, family, people, *, since, status="加入"):
    return hh.save_household(reg, hh.HouseholdData(block_id=block, status=status, status_since=since, persons=[
        hh.PersonData(family_name=family, given_name=g, birth_date=b, sex=sex, status_since=since)
        for g, b, sex in people]))


def _event(reg, title, starts_at, status="実施", category="その他"):
    return act.save_event(reg, act.EventData(title=title, starts_at=starts_at, status=status, category=category))


@pytest.fixture
def town(register):
    """Four households with a dated history, five events over two 年度, officers and issues."""
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    ids = {
        "髙橋": _household(register, b1, "髙橋", [("一郎", "1950-05-01", "男"), ("花子", "1953-02-02", "女"),
                                                ("翔", "2012-07-07", "男")], since="2020-04-01"),
        "山﨑": _household(register, b1, "山﨑", [("正", "1980-01-01", "男")], since="2024-06-01"),
        "渡邉": _household(register, b2, "渡邉", [("健", "1999-09-09", "男"), ("舞", None, "女")], since="2019-01-01",
                         status="非加入"),
        "佐藤": _household(register, b2, "佐藤", [("次郎", "1940-03-03", "男")], since="2018-04-01"),
    }
    hh.change_household_status(register, ids["渡邉"], "加入", "2025-05-01")
    hh.change_household_status(register, ids["佐藤"], "転出", "2023-10-01")
    for family in ("髙橋", "山﨑"):  # 渡邉 did not agree to a personal log: counted, not named
        privacy.set_consent(register, household_id=ids[family], purpose="ACTIVITY_LOG", granted=True,
                            granted_on="2020-04-01")
    p = {r[1] + r[2]: r[0] for r in register.conn.execute("SELECT id, family_name, given_name FROM persons")}
    register.ids, register.person = ids, p
    register.blocks = {"1班": b1, "2班": b2}

    old = _event(register, "子ども会", "2025-05-05T10:00")  # 令和7年度
    act.add_participants(register, old, [p["髙橋翔"]])
    act.add_participants(register, old, [p["髙橋一郎"]], role="講師")
    clean = _event(register, "町内一斉清掃", "2026-06-07T08:00")
    act.add_household(register, clean, ids["髙橋"])
    act.add_participants(register, clean, [p["山﨑正"], p["渡邉健"]], role="運営")  # 健: counted 20〜39歳
    act.set_band_counts(register, clean, {"〜19歳": 12})
    elders = _event(register, "敬老会", "2026-09-15T10:00")
    act.add_participants(register, elders, [p["髙橋一郎"]])
    act.add_participants(register, elders, [p["髙橋花子"]], role="運営", attended=False)  # did not come
    act.set_band_counts(register, elders, {"75歳〜": 5})
    _event(register, "新年会", "2027-02-01T18:00", status="予定")
    _event(register, "夏祭り", "2026-07-01T18:00", status="中止")

    for year in range(2022, 2027):
        hh.add_officer(register, p["髙橋一郎"], "会長", year, f"{year}-04-01")
    hh.add_officer(register, p["山﨑正"], "会計", 2025, "2025-04-01")
    hh.add_officer(register, p["渡邉健"], "会計", 2026, "2026-04-01")
    hh.add_officer(register, p["髙橋花子"], "班長", 2026, "2026-04-01", block_id=b1)
    privacy.set_consent(register, person_id=p["髙橋花子"], purpose="VOLUNTEER_PROFILE", granted=True,
                        granted_on="2026-04-01")
    vol.save_volunteer(register, vol.VolunteerData(p["髙橋花子"], skills=["調理"]))
    for title, stage in (("街路灯", "議論と調査"), ("空き家", "議論と調査"), ("見守り", "運用中"), ("除雪", "休止・終了")):
        pt.save_issue(register, pt.IssueData(title, "2026-05-01", stage=stage))
    pt.set_area_households(register, 2024, 10)
    pt.set_area_households(register, 2026, 6)
    return register


def test_register_figures_are_as_of_the_day_from_the_status_history(town):
    f = dash.figures(town)
    assert (f.fiscal_year, f.label, f.start, f.end, f.as_of, f.scope) == (
        2026, "令和8年度", "2026-04-01", "2027-03-31", "2026-11-28", "")
    assert (f.households, f.member_households, f.persons, f.age_65_plus, f.age_75_plus, f.age_unknown) == (3, 3, 6, 2, 1, 1)
    c = counts(town)
    assert (f.households, f.member_households, f.persons, f.age_65_plus, f.age_75_plus) == (
        c["households"], c["member_households"], c["persons"], c["age_65_plus"], c["age_75_plus"])
    assert f.blocks == [("1班", 2, 2), ("2班", 1, 1)]
    pyramid = {band: (m, w, x) for band, m, w, x in f.pyramid}
    assert pyramid["70〜79歳"] == (1, 1, 0) and pyramid["10〜19歳"] == (1, 0, 0)
    assert pyramid["40〜49歳"] == (1, 0, 0) and pyramid["20〜29歳"] == (1, 0, 0)
    assert sum(m + w + x for m, w, x in pyramid.values()) == 5  # 舞 has no birth date


def test_membership_rate_counts_members_at_each_year_start_and_leaves_gaps(town):
    f = dash.figures(town)
    # 佐藤 joined 2018-04-01 and left 2023-10-01; 髙橋 joined 2020-04-01; 山﨑 2024-06-01 (after the
    # 年度 start: counted from 2025); 渡邉 was 非加入 until 2025-05-01 (counted from 2026)
    assert f.membership == [
        (2018, 1, None, None), (2019, 1, None, None), (2020, 2, None, None), (2021, 2, None, None),
        (2022, 2, None, None), (2023, 2, None, None), (2024, 1, 10, 10.0), (2025, 2, None, None), (2026, 3, 6, 50.0),
    ]
    assert f.membership_rate == 50.0
    assert dash.figures(town, 2025).membership_rate is None  # no estimate for 令和7年度: a gap, not 0
    # a correction recorded later with an earlier date wins from its date on
    hh.change_household_status(town, town.ids["山﨑"], "退会", "2026-03-01")
    assert dash.figures(town).membership[-1] == (2026, 2, 6, 33.3)


def test_a_past_year_is_counted_as_of_its_last_day(town):
    f = dash.figures(town, 2023)
    assert (f.as_of, f.households, f.member_households) == ("2024-03-31", 2, 1)  # 渡邉 非加入, 佐藤 gone
    assert f.persons == 5 and f.blocks == [("1班", 1, 1), ("2班", 1, 0)]
    assert f.events_held == 0 and f.participants == 0
    assert f.membership[-1] == (2023, 2, None, None)


def test_activity_figures_of_the_year(town):
    f = dash.figures(town)
    assert (f.events_held, f.events_upcoming, f.events_cancelled) == (2, 1, 1)
    # 清掃: 4 named + 12 guests + 健 counted = 17; 敬老会: 一郎 + 5 guests (花子 did not come) = 6
    assert (f.participants, f.counted, f.named_people) == (23, 18, 4)
    assert f.top_events == [("2026-06-07", "町内一斉清掃", 17, 1), ("2026-09-15", "敬老会", 6, 0)]
    months = dict((m, (n, p)) for m, n, p in f.months)
    assert [m for m, _n, _p in f.months][:3] == ["4月", "5月", "6月"] and months["6月"] == (1, 17)
    assert months["9月"] == (1, 6) and months["7月"] == (0, 0)
    assert f.participants_by_band == {"〜19歳": 13, "20〜39歳": 1, "40〜64歳": 1, "65〜74歳": 1, "75歳〜": 7, "不明": 0}
    # the same as the events' own summaries
    events = [r.id for r in act.list_events(town, fiscal_year=2026) if r.status == "実施"]
    summed = {b: sum(act.event_summary(town, e).by_band[b] for e in events) for b in f.participants_by_band}
    assert summed == f.participants_by_band
    # 担い手: 正 (運営 at the 清掃) and 花子 (a volunteer profile; she did not come to help at the 敬老会)
    assert (f.helpers, f.volunteers) == (2, 1)
    assert f.helpers_by_band == {"〜19歳": 0, "20〜39歳": 0, "40〜64歳": 1, "65〜74歳": 1, "75歳〜": 0, "不明": 0}
    # 翔 and 一郎 first took part in 令和7年度; 花子 and 正 in 令和8年度
    assert f.new_returning == [(2025, 2, 0), (2026, 2, 2)] and f.new_this_year == 2
    assert f.officers_by_band["75歳〜"] == (1, 0) and f.officers_by_band["20〜39歳"] == (1, 0)
    assert f.officers_by_band["65〜74歳"] == (0, 1)  # 花子, 班長
    assert f.tenure == [("会長", 5, 1), ("会計", 1, 2)]
    assert [(t.role, t.years, t.holders_10y) for t in vol.role_tenure(town)] == f.tenure
    assert f.issues == {"議論と調査": 2, "企画と試作中": 0, "運用中": 1, "休止・終了": 1} and f.open_issues == 3
    assert f.years == [2026, 2025, 2024, 2023, 2022]
    assert "名前を残さず人数だけ記録した18人" in f.notes[0]


def test_headlines_and_charts_say_the_same(town):
    f = dash.figures(town)
    heads = {key: value for key, _label, value in dash.headlines(f)}
    assert heads["participants"] == "23人" and heads["membership_rate"] == "50.0%" and heads["events"] == "2回"
    assert heads["age_65_plus"] == "2人（33%）"
    charts = {c.key: c for c in dash.charts(f)}
    assert list(charts) == list(dash.CHART_ORDER)
    assert charts["membership"].series[0].values[-3:] == [10.0, None, 50.0]
    months = charts["months"]
    assert months.series[0].values[2] == 17 and months.series[0].values[8:] == [None] * 4  # 12月〜3月: still to come
    assert charts["participants_by_band"].labels == ["〜19歳", "20〜39歳", "40〜64歳", "65〜74歳", "75歳〜"]
    assert charts["new_returning"].stacked and charts["new_returning"].labels == ["令和7", "令和8"]
    assert charts["pyramid"].labels[0] == "90歳〜" and "生年月日のない1人" in charts["pyramid"].note
    assert charts["membership"].text(50.0) == "50%" and charts["blocks"].text(3) == "3世帯"


def test_a_hancho_sees_the_register_of_their_own_block(town):
    b2 = town.blocks["2班"]
    town.session = Session(None, "h", "2班 班長", "班長", frozenset({"register.read", "register.write", "output"}),
                           frozenset({b2}))
    f = dash.figures(town)
    c = counts(town)
    assert (f.households, f.member_households, f.persons) == (c["households"], c["member_households"], c["persons"])
    assert (f.scope, f.households, f.persons, f.blocks) == ("2班", 1, 2, [("2班", 1, 1)])
    assert all(rate is None and area is None for _y, _m, area, rate in f.membership)  # the area is the association's
    assert f.membership[-1][1] == 1 and "班ごとの加入率は出していません" in f.notes[0]
    assert f.helpers == 0 and f.new_returning == [(2026, 0, 0)]  # nobody of 2班 is named
    assert (f.events_held, f.participants) == (2, 23)  # the association's events, as the event list shows them
    charts = {c.key: c for c in dash.charts(f)}
    assert "（2班）" in charts["pyramid"].title and charts["membership"].unit == "世帯"
    assert charts["membership"].series[0].values[-1] == 1  # its member households, as the area's rate is not its own
    assert {key: value for key, _l, value in dash.headlines(f)}["membership_rate"] == "—"


def test_figures_need_the_right_to_read(town):
    town.session = Session(None, "x", "だれか", "なし", frozenset())
    with pytest.raises(PermissionDenied):
        dash.figures(town)


def test_an_empty_register_gives_empty_charts(register):
    f = dash.figures(register)
    assert (f.households, f.persons, f.events_held, f.participants) == (0, 0, 0, 0)
    assert f.membership == [(2026, 0, None, None)] and f.new_returning == [(2026, 0, 0)] and f.years == [2026]
    charts = dash.charts(f)
    assert all(c.empty() for c in charts)
    shapes = layout_chart(charts[0], 400, 300, lambda t, s: len(t) * s, size=12)
    assert any(isinstance(s, Text) and s.text == "まだ記録がありません" for s in shapes)


def test_figures_match_the_counts_of_a_demo_register(demo_register):
    f = dash.figures(demo_register)
    c = counts(demo_register)
    assert (f.households, f.member_households, f.persons, f.age_65_plus, f.age_75_plus, f.age_unknown) == (
        c["households"], c["member_households"], c["persons"], c["age_65_plus"], c["age_75_plus"], c["age_unknown"])
    assert [(name, n, m) for name, n, m in f.blocks] == [
        (name, n, c["block_member_households"][name]) for name, n in c["blocks"].items()]
    assert sum(m + w + x for _b, m, w, x in f.pyramid) + f.age_unknown == f.persons
    events = [r.id for r in act.list_events(demo_register, fiscal_year=2026)
              if r.status != "中止" and r.starts_at[:10] <= f.as_of]
    assert f.participants == sum(act.event_summary(demo_register, e).total for e in events)


def test_layout_keeps_every_label_inside_the_box():
    chart = dash.Chart("x", "とても長い題名のグラフ" * 3, "hbar", ["あ" * 30, "い"], [dash.Series("人", [1234567, 3])])
    measure = lambda text, size: len(text) * size  # noqa: E731 - a monospaced measure
    shapes = layout_chart(chart, 300, 200, measure, size=12)
    for s in shapes:
        if isinstance(s, Text):
            w = measure(s.text, s.size)
            left = s.x - (w if s.align == "right" else w / 2 if s.align == "center" else 0)
            assert left >= -0.01 and left + w <= 300.01, s
        elif isinstance(s, Box):
            assert s.x >= 0 and s.x + s.w <= 300.01 and s.y >= 0 and s.y + s.h <= 200.01, s


# -- the printed summary -------------------------------------------------------------------------------


@needs_poppler
def test_the_summary_is_one_page_of_counts_without_names(town, tmp_path):
    pt.set_area_households(town, 2026, 6)
    target = tmp_path / "活動のまとめ.pdf"
    result = write_activity_summary(town, target, fiscal_year=2026)
    assert (result.pages, result.path) == (1, target) and result.warning == ""
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\b", info)
    flat = re.sub(r"[\s　]+", "", _text(target))
    assert "活動のまとめ（令和8年度）" in flat and "令和8年4月1日〜令和9年3月31日（令和8年11月28日現在）" in flat
    # the boxes' labels come out in one line and their values in the next
    assert "世帯数加入世帯加入率（年度初め）人数65歳以上3世帯3世帯50.0%6人2人（33%）" in flat
    assert "行事（ほかに予定1回）参加者（延べ）担い手初めて参加した人地域課題（取り組み中）2回23人2人2人3件" in flat
    assert "町内一斉清掃" in flat and "年齢と男女" in flat and "初めて・続けて参加した人" in flat
    assert "個人情報の利用目的" in flat and "個人が分かる情報は載せていません" in flat
    assert "会長5年目" in flat  # the tenure under the officers' chart
    assert not [n for n in NAMES if n in flat]
    log = town.rows("SELECT action, summary, person_count FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log["action"] == "print" and "活動のまとめ（令和8年度）" in log["summary"] and log["person_count"] == 0
    png = subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(target), str(tmp_path / "p")],
                         capture_output=True)
    assert png.returncode == 0 and (tmp_path / "p.png").stat().st_size > 20_000
    assert not list(tmp_path.glob("*.part"))


@needs_poppler
def test_an_empty_year_still_prints_one_page(register, tmp_path):
    result = write_activity_summary(register, tmp_path / "a.pdf", fiscal_year=2020, record=False)
    assert result.pages == 1
    flat = re.sub(r"[\s　]+", "", _text(tmp_path / "a.pdf"))
    assert "活動のまとめ（令和2年度）" in flat and "まだ記録がありません" in flat and "0世帯0世帯未入力" in flat
    assert register.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'print'").fetchone()[0] == 0


def test_a_full_disk_or_a_bad_folder_leaves_nothing(town, tmp_path, monkeypatch):
    from openpyxl import Workbook
    from reportlab.pdfgen.canvas import Canvas

    out = tmp_path / "out"
    out.mkdir()
    before = town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(RegisterError, match="PDFを保存できませんでした"):
        write_activity_summary(town, out / "no-such-folder" / "a.pdf", fiscal_year=2026)
    with pytest.raises(RegisterError, match="Excelファイルを保存できませんでした"):
        write_activity_summary_xlsx(town, out / "no-such-folder" / "a.xlsx", fiscal_year=2026)

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Canvas, "save", full)
    monkeypatch.setattr(Workbook, "save", full)
    with pytest.raises(RegisterError, match="PDFを保存できませんでした（No space left on device）"):
        write_activity_summary(town, out / "a.pdf", fiscal_year=2026)
    with pytest.raises(RegisterError, match="Excelファイルを保存できませんでした（No space left on device）"):
        write_activity_summary_xlsx(town, out / "a.xlsx", fiscal_year=2026)
    assert list(out.iterdir()) == []
    assert town.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before  # nothing recorded


def test_writing_the_summary_needs_the_right_to_output(town, tmp_path):
    town.session = Session(None, "v", "閲覧さん", "閲覧", frozenset({"register.read"}))
    with pytest.raises(PermissionDenied):
        write_activity_summary(town, tmp_path / "a.pdf", fiscal_year=2026)
    with pytest.raises(PermissionDenied):
        write_activity_summary_xlsx(town, tmp_path / "a.xlsx", fiscal_year=2026)
    assert not list(tmp_path.glob("a.*"))


def test_the_excel_sheet_has_the_same_figures_print_ready(town, tmp_path):
    from openpyxl import load_workbook

    _event(town, "=1+1 勉強会", "2026-10-10T10:00")  # text that Excel would take for a formula
    target = write_activity_summary_xlsx(town, tmp_path / "まとめ.xlsx", fiscal_year=2026)
    wb = load_workbook(target)
    assert wb.sheetnames == ["活動のまとめ"]
    ws = wb["活動のまとめ"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][0] == "テスト町会　活動のまとめ（令和8年度）" and rows[2][0] == "作成日: 令和8年11月28日"
    values = {r[0]: r[1] for r in rows if r[0]}
    assert values["参加者（延べ）"] == 23 and values["行事（回）"] == 3 and values["担い手（人）"] == 2
    rate = next(c for r in ws.iter_rows() for c in r if c.column == 2 and r[0].value == "加入率（年度初め）")
    assert rate.value == 0.5 and rate.number_format == "0.0%"
    assert ["1班", 2, 2, 1] in [r[:4] for r in rows] and ["令和6年度", 1, 10, 0.1] in [r[:4] for r in rows]
    assert ["令和7年度", 2, "未入力", "—"] in [r[:4] for r in rows]
    formula = next(c for r in ws.iter_rows() for c in r if c.value == "=1+1 勉強会")
    assert formula.data_type == "s"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert "テスト町会" in ws.oddHeader.left.text and "令和8年11月28日" in ws.oddHeader.right.text
    assert not [n for n in NAMES if any(n in str(v) for r in rows for v in r if v)]
    log = town.rows("SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert log["action"] == "export" and "活動のまとめ（令和8年度）（Excel）まとめ.xlsx" in log["summary"]


def test_models_and_export_stay_free_of_qt():
    import sys

    code = ("import sys, kyodo_desktop.models.dashboard, kyodo_desktop.export.activity_summary\n"
            "sys.exit(1 if any(m.startswith(('PySide6', 'kyodo_desktop.ui')) for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
