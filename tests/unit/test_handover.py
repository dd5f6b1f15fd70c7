"""年度替わり・引継ぎ: proposal, the list of changes, one all-or-nothing apply, and the package."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ADMIN, PASSWORD
from pypdf import PdfReader

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import handover as ho
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.register import Credentials, Register
from kyodo_desktop.models.validation import ValidationError

NEW = 2027  # the demo's today is 2026-11-28 (令和8年度); the hand-over is to 令和9年度


@pytest.fixture
def reg(demo_register):
    """The demo with this year's books open and a dues plan (whatever the demo itself brings)."""
    r = demo_register
    ab.open_year(r, 2026)
    if not ab.get_dues_plan(r, 2026).instalments:
        ab.set_dues_plan(r, 2026, [("年額", "2026-06-30")], {c.name: 6000 for c in ab.list_dues_categories(r)})
    return r


def _snapshot(r: Register) -> tuple:
    return (r.rows("SELECT * FROM officers ORDER BY id"), r.rows("SELECT id, leader_person_id FROM blocks ORDER BY id"),
            r.rows("SELECT * FROM fiscal_years ORDER BY fiscal_year"),
            r.rows("SELECT count(*) n FROM dues_assessments"))


def test_proposal_keeps_the_officers_and_rotates_the_hancho_in_circulation_order(reg):
    plan = ho.propose(reg, NEW)
    before = {r["role"]: r["person_id"] for r in reg.rows("SELECT role, person_id FROM officers WHERE fiscal_year = 2026 "
                                                          "AND block_id IS NULL")}
    assert {o.role: o.person_id for o in plan.officers} == before
    blocks = hh.list_blocks(reg)
    assert [c.block_id for c in plan.leaders] == [b.id for b in blocks]
    for c in plan.leaders:
        assert c.current_id == next(b.leader_person_id for b in blocks if b.id == c.block_id)
        assert c.person_id != c.current_id and c.source.startswith("回覧順で次の世帯")
        # the next household in 回覧順 after the current 班長's (passing over 75+-only ones)
        homes = [r["id"] for r in reg.rows("SELECT id FROM households WHERE block_id = ? AND status = '加入' "
                                           "ORDER BY circulation_order, id", [c.block_id])]
        cur = reg.rows("SELECT household_id h FROM persons WHERE id = ?", [c.current_id])[0]["h"]
        new = reg.rows("SELECT household_id h FROM persons WHERE id = ?", [c.person_id])[0]["h"]
        skipped = homes[homes.index(cur) + 1:] + homes[:homes.index(cur)]
        for h in skipped[:skipped.index(new)]:
            assert ho._exempt(reg, h, date(2027, 4, 1)), "only exempt households may be passed over"
    assert ho.check(reg, plan) == []


def test_describe_lists_every_change_before_anything_happens(reg):
    plan = ho.propose(reg, NEW)
    before = _snapshot(reg)
    lines = ho.describe(reg, plan)
    assert _snapshot(reg) == before
    assert any("令和9年度の帳簿を開きます" in x for x in lines)
    assert any("会費" in x and "割り当て" in x for x in lines)
    assert sum(x.startswith("班長:") for x in lines) == len(plan.leaders)
    assert any(x.startswith("役員: 令和9年度の会長を") and "再任" in x for x in lines)
    assert any("連絡網" in x for x in lines)


def test_apply_does_everything_in_one_go_and_audits_it(reg):
    plan = ho.propose(reg, NEW)
    result = ho.apply(reg, plan)
    assert result.new_year == NEW and result.assessed > 0
    assert ab.get_year(reg, NEW).state == "open"
    assert ab.get_dues_plan(reg, NEW).instalments  # copied from 2026 when the year was opened
    leaders = {b.id: b.leader_person_id for b in hh.list_blocks(reg)}
    assert leaders == {c.block_id: c.person_id for c in plan.leaders}
    officers = reg.rows("SELECT role, person_id, block_id, start_date FROM officers WHERE fiscal_year = ?", [NEW])
    assert {(o["role"], o["person_id"]) for o in officers if o["block_id"] is None} == \
        {(o.role, o.person_id) for o in plan.officers}
    assert sum(o["role"] == "班長" for o in officers) == len(plan.leaders)
    assert {o["start_date"] for o in officers} == {"2027-04-01"}
    # last year's terms end the day before
    assert {r["end_date"] for r in reg.rows("SELECT end_date FROM officers WHERE fiscal_year = 2026")} == {"2027-03-31"}
    summary = reg.rows("SELECT summary FROM audit_log WHERE summary LIKE '%年度替わり%'")
    assert summary and "令和9年度" in summary[-1]["summary"]
    # proposing again proposes the same (the rotation does not move on a second time), and running it
    # again replaces what it registered instead of doubling it
    again_plan = ho.propose(reg, NEW)
    assert [(c.block_id, c.person_id) for c in again_plan.leaders] == [(c.block_id, c.person_id) for c in plan.leaders]
    ho.apply(reg, again_plan)
    again = reg.rows("SELECT count(*) n FROM officers WHERE fiscal_year = ?", [NEW])[0]["n"]
    assert again == len(officers)


def test_a_bad_plan_is_refused_and_nothing_changes(reg):
    plan = ho.propose(reg, NEW)
    moved = plan.leaders[0]
    other = next(c for c in plan.leaders if c.block_id != moved.block_id)
    bad = ho.choose_leader(plan, reg, moved.block_id, other.person_id)  # a person of another 班
    bad = ho.choose_officer(bad, reg, "会長", None)
    before = _snapshot(reg)
    with pytest.raises(ValidationError) as err:
        ho.apply(reg, bad)
    text = str(err.value)
    assert "新しい会長が決まっていません" in text and "ほかの班の世帯の人" in text and "何も変えていません" in text
    assert _snapshot(reg) == before


def test_closing_the_old_year_with_counted_balances(reg):
    plan = ho.propose(reg, NEW)
    check = ab.closing_check(reg, 2026, {})
    plan.close_books = {a.account: a.book + 1 for a in check.accounts}
    before = _snapshot(reg)
    problems = ho.check(reg, plan)
    assert any(p.startswith("帳簿の締め:") and "合いません" in p for p in problems)
    with pytest.raises(ValidationError):
        ho.apply(reg, plan)
    assert _snapshot(reg) == before
    plan.close_books = {a.account: a.book for a in check.accounts}
    assert ho.check(reg, plan) == []
    assert any("締め" in x and "繰り越します" in x for x in ho.describe(reg, plan))
    result = ho.apply(reg, plan)
    assert result.closed and ab.get_year(reg, 2026).state == "closed"


def test_only_an_administrator_may_hand_over(reg, tmp_path):
    from kyodo_desktop.models.accounts import add_demo_accounts

    add_demo_accounts(reg)
    path = reg.path
    reg.close()
    officer = Register.open(path, Credentials("役員（デモ）", "demo-yakuin"), backup_dir=tmp_path / "b")
    try:
        with pytest.raises(PermissionDenied):
            ho.propose(officer, NEW)
    finally:
        officer.close()
    ro = Register.open(path, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b", read_only=True)
    try:
        plan = ho.propose(ro, NEW)  # looking is fine
        with pytest.raises(RegisterError, match="読み取り専用"):
            ho.apply(ro, plan)
    finally:
        ro.close()


def test_the_package_holds_an_encrypted_copy_a_new_recovery_sheet_and_the_checklist(reg, tmp_path):
    plan = ho.propose(reg, NEW)
    ho.apply(reg, plan)
    folder = tmp_path / "usb"
    folder.mkdir()
    from kyodo_desktop.models import accounts as acc

    old_code = acc.new_recovery_code(reg)  # the sheet the outgoing officers hold
    package = ho.write_package(reg, folder, NEW, new_recovery_code=True)
    new_code = reg.recovery_code
    assert new_code and new_code != old_code
    # the copy in the package opens with the new sheet's code, not with the old one
    with pytest.raises(RegisterError):
        Register.open(package.register_copy, Credentials(recovery_code=old_code), backup_dir=tmp_path / "b3",
                      read_only=True)
    by_code = Register.open(package.register_copy, Credentials(recovery_code=new_code), backup_dir=tmp_path / "b3",
                            read_only=True)
    by_code.close()
    assert package.register_copy.read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted
    copy = Register.open(package.register_copy, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b2", read_only=True)
    try:
        assert copy.rows("SELECT count(*) n FROM officers WHERE fiscal_year = ?", [NEW])[0]["n"] > 0
    finally:
        copy.close()
    text = "".join(page.extract_text() for page in PdfReader(package.checklist).pages)
    assert "令和9年度" in text and "引継ぎチェックリスト" in text and package.register_copy.name in text
    kaicho = next(o for o in plan.officers if o.role == "会長")
    assert kaicho.name.replace("　", "") in text.replace("　", "").replace(" ", "")
    assert package.recovery_sheet is not None and package.recovery_sheet.exists()
    with pytest.raises(RegisterError, match="同じ名前のファイル"):
        ho.write_package(reg, folder, NEW)
    with pytest.raises(RegisterError, match="フォルダーが見つかりません"):
        ho.write_package(reg, tmp_path / "pulled-out", NEW)


def test_the_command_line_shows_then_applies_and_writes_the_package(reg, tmp_path, monkeypatch, capsys):
    from kyodo_desktop.cli import main

    path = reg.path
    reg.close()
    monkeypatch.setenv("KYODO_USER", ADMIN)
    monkeypatch.setenv("KYODO_PASSWORD", PASSWORD)
    assert main(["handover", str(path), str(NEW)]) == 0
    shown = capsys.readouterr().out
    assert "令和9年度の帳簿を開きます" in shown and "班長:" in shown and "--apply" in shown
    assert main(["handover", str(path), str(NEW), "--close", "現金=abc"]) == 1
    assert "口座=残高" in capsys.readouterr().err
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["handover", str(path), str(NEW), "--apply", "--package", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "年度替わりを行いました" in out and "チェックリスト.pdf" in out
    after = Register.open(path, Credentials(ADMIN, PASSWORD), backup_dir=tmp_path / "b", read_only=True)
    try:
        assert after.rows("SELECT count(*) n FROM officers WHERE fiscal_year = ?", [NEW])[0]["n"] > 0
        assert ab.get_year(after, NEW).state == "open"
    finally:
        after.close()


def test_a_recovery_sheet_that_cannot_be_written_leaves_the_old_code_working(reg, tmp_path, monkeypatch):
    """The new code is committed only once its sheet is on paper (here the sheet fails)."""
    from kyodo_desktop.export import recovery_sheet
    from kyodo_desktop.models import accounts as acc

    ho.apply(reg, ho.propose(reg, NEW))
    old_code = acc.new_recovery_code(reg)
    folder = tmp_path / "usb"
    folder.mkdir()

    def broken(*_a, **_k):
        raise RegisterError("次の文字を印刷できるフォントがありません: 😀")

    monkeypatch.setattr(recovery_sheet, "write_recovery_sheet", broken)
    with pytest.raises(RegisterError, match="フォント"):
        ho.write_package(reg, folder, NEW, new_recovery_code=True)
    assert list(folder.iterdir()) == []  # nothing half made
    path = reg.path
    reg.close()
    still = Register.open(path, Credentials(recovery_code=old_code), backup_dir=tmp_path / "b4", read_only=True)
    still.close()
