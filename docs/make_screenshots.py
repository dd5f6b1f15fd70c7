"""Regenerate docs/screenshots/ from the real program (offscreen, with a demo register).

    uv run python docs/make_screenshots.py [--scale 100|150|200] [--theme 高コントラスト] [--language en]

Needs a Japanese font (fonts-noto-cjk or fonts-ipaexfont on Linux).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "screenshots"


def _documents(worker, tmp: Path) -> None:
    """The first page of each printed document, rendered by pdftoppm (poppler-utils)."""
    import shutil
    import subprocess
    from datetime import date

    from kyodo_desktop.export import documents as docs
    from kyodo_desktop.export.activity_summary import write_activity_summary
    from kyodo_desktop.models.japanese import fiscal_year

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: print-*.png not made")
        return
    made = {
        "circular": lambda t: docs.write_circular(worker.register, docs.Circular(
            "令和8年度 町内一斉清掃のお知らせ", date(2026, 11, 28), date(2026, 12, 5), "要返信",
            "12月6日（日）午前8時、集会所前に集合してください。軍手をご持参ください。"), t, record=False),
        "register": lambda t: docs.write_register_pdf(worker.register, t, record=False),
        "activity-summary": lambda t: write_activity_summary(
            worker.register, t, fiscal_year=fiscal_year(worker.register.today()), record=False),
        "labels": lambda t: docs.write_labels(worker.register, t, per_sheet=12, record=False),
        "postcard": lambda t: docs.write_postcards(worker.register, t, record=False),
        "elders": lambda t: docs.write_elders(worker.register, t, age=75, record=False),
        "household-sheet": lambda t: docs.write_household_sheets(worker.register, t, record=False),
    }
    from kyodo_desktop.export.roster_docs import write_duty_slips, write_roster
    from kyodo_desktop.models.rosters import list_rosters

    rosters = worker.call(list_rosters)
    gomi = next((r.id for r in rosters if "ごみ" in r.name), rosters[0].id if rosters else None)
    if gomi is not None:  # the demo's ごみステーション roster, from today to the end of the 年度
        made["roster"] = lambda t: write_roster(worker.register, t, roster_id=gomi, record=False)
        made["duty-slips"] = lambda t: write_duty_slips(worker.register, t, roster_id=gomi, record=False)
    from kyodo_desktop.export import bousai_docs as bousai

    made["phone-tree"] = lambda t: bousai.write_phone_tree(worker.register, t, record=False)
    made["safety-sheet"] = lambda t: bousai.write_safety_sheets(worker.register, t, record=False)
    made["safety-tally"] = lambda t: bousai.write_safety_tally(worker.register, t, record=False)
    made["bousai"] = lambda t: bousai.write_bousai_register(worker.register, t, record=False)
    # 会計・報告: the books' documents, the yearly report (every section) and the hand-over checklist
    from kyodo_desktop.export import accounts_docs as books
    from kyodo_desktop.export.handover_docs import write_handover_checklist
    from kyodo_desktop.export.yearly_report import write_yearly_report_pdf

    fy = fiscal_year(worker.register.today())
    made["collection-book"] = lambda t: books.write_collection_book(worker.register, t, fiscal_year=fy, record=False)
    made["receipts"] = lambda t: books.write_receipts(worker.register, t, fiscal_year=fy, record=False)
    made["settlement"] = lambda t: books.write_settlement(worker.register, t, fiscal_year=fy - 1, record=False)
    made["budget"] = lambda t: books.write_budget(worker.register, t, fiscal_year=fy, record=False)
    made["yearly-report"] = lambda t: write_yearly_report_pdf(worker.register, t, fiscal_year=fy - 1, record=False)
    made["handover-checklist"] = lambda t: write_handover_checklist(worker.register, t, fiscal_year=fy,
                                                                    register_copy="令和8年度_引継ぎ_デモ町会.kyodo",
                                                                    record=False)
    for name, make in made.items():
        pdf = tmp / f"{name}.pdf"
        worker.call(lambda _reg, make=make, pdf=pdf: make(pdf))
        pages = [("", 1)] if name not in ("register", "yearly-report") else [("-cover", 1), ("", 2)]
        if name == "yearly-report":  # one picture per page: 概要, 班別世帯数, 事業報告, 収支決算, 地域課題
            from pypdf import PdfReader

            pages = [(f"-{n}", n) for n in range(1, len(PdfReader(pdf).pages) + 1)]
        for tag, page in pages:
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                            str(OUT / f"print-{name}{tag}")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--theme", default="標準", choices=["標準", "高コントラスト"])
    parser.add_argument("--language", default="ja", choices=["ja", "en"])
    args = parser.parse_args()
    suffix = (("" if args.scale == 100 else f"-{args.scale}") + ("" if args.theme == "標準" else "-contrast")
              + ("" if args.language == "ja" else f"-{args.language}"))

    from PySide6.QtWidgets import QApplication

    from kyodo_desktop import paths
    from kyodo_desktop.app import install_translations
    from kyodo_desktop.models import households as hh
    from kyodo_desktop.models import privacy
    from kyodo_desktop.models.accounts import DEMO_ACCOUNTS, DEMO_ADMIN, add_demo_accounts
    from kyodo_desktop.models.crypto import KeyFile, key_file_path
    from kyodo_desktop.models.demo import populate_demo
    from kyodo_desktop.models.register import Register
    from kyodo_desktop.ui.display import apply_display
    from kyodo_desktop.ui.household_editor import HouseholdEditor
    from kyodo_desktop.ui.login import LockPage, LoginDialog
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.privacy_dialog import PrivacyDialog
    from kyodo_desktop.ui.welcome import WelcomeDialog
    from kyodo_desktop.ui.worker import DbWorker

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths.set_base_dir(tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        if args.language == "ja":
            install_translations(app)
        else:
            from kyodo_desktop.ui.i18n import install_language

            install_language(app, args.language)
        apply_display(app, args.scale, args.theme)
        path = Path(tmp) / "デモ町会.kyodo"

        def create() -> Register:
            reg = Register.create(path, name="デモ町会", district="デモ校下", default_area_code="076",
                                  admin_name=DEMO_ADMIN[0], password=DEMO_ADMIN[1], backup_dir=paths.backup_dir(path))
            populate_demo(reg.db, households=300, seed=1, today=reg.today())
            add_demo_accounts(reg)
            from kyodo_desktop.models.subsidies import add_demo_cases

            add_demo_cases(reg)
            return reg

        welcome = WelcomeDialog()
        welcome.show()
        app.processEvents()
        welcome.grab().save(str(OUT / f"welcome{suffix}.png"))
        welcome.close()

        worker = DbWorker()
        worker.open(create)
        worker.close_register()
        login = LoginDialog(association_file=path, accounts=KeyFile.load(key_file_path(path)).accounts(),
                            attempt=lambda _c: None,
                            demo_accounts=[(DEMO_ADMIN[0], "管理者", DEMO_ADMIN[1]), *DEMO_ACCOUNTS])
        login.password.edit.setText("••••••••")
        login.show()
        app.processEvents()
        login.grab().save(str(OUT / f"login{suffix}.png"))
        login.close()
        from kyodo_desktop.models.register import Credentials

        worker.open(lambda: Register.open(path, Credentials(*DEMO_ADMIN), backup_dir=paths.backup_dir(path)))
        hid0 = worker.call(lambda r: r.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0])
        worker.call(privacy.set_consent, household_id=hid0, purpose="MEIBO_DISTRIBUTE", granted=True,
                    granted_on="2026-04-10", method="書面", form_version="令和8年度 名簿調査票")
        worker.call(privacy.record_output, "1班 名簿（PDF）", "OFFICER_INTERNAL", 24)
        window = MainWindow(worker)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / f"home{suffix}.png"))
        board = window.home.dashboard
        while board.loading():
            app.processEvents()
        app.processEvents()
        window.home.scroll.verticalScrollBar().setValue(board.y())
        app.processEvents()
        window.grab().save(str(OUT / f"dashboard{suffix}.png"))
        window.home.scroll.verticalScrollBar().setValue(0)
        window.show_page("register")
        app.processEvents()
        window.grab().save(str(OUT / f"register{suffix}.png"))
        window.register_page.search.setText("たなか")
        app.processEvents()
        window.grab().save(str(OUT / f"register-search{suffix}.png"))
        hid = window.register_page.model.row_at(0).id
        data = worker.call(hh.get_household, hid)
        from kyodo_desktop.models.postal import lookup

        editor = HouseholdEditor(data, worker.call(hh.list_blocks), lambda d: 0, lookup,
                                 worker.register.today(), window,
                                 move_person=lambda _p, _h: None, choose_household=lambda _w, _x: None)
        editor.resize(1000, 760)
        editor.show()
        app.processEvents()
        editor.grab().save(str(OUT / f"household-editor{suffix}.png"))
        editor.reject()
        consent = PrivacyDialog(worker.call(hh.get_household, hid0), worker.call, can_write=True, can_sensitive=True,
                                can_write_sensitive=True, today=worker.register.today(), parent=window)
        consent.show()
        app.processEvents()
        consent.grab().save(str(OUT / f"consent{suffix}.png"))
        consent.close()
        window.show_page("settings")
        window.admin_page.tabs.setCurrentWidget(window.admin_page.accounts)
        app.processEvents()
        window.grab().save(str(OUT / f"accounts{suffix}.png"))
        window.admin_page.tabs.setCurrentWidget(window.admin_page.audit)
        app.processEvents()
        window.grab().save(str(OUT / f"audit-log{suffix}.png"))
        # 行事: this 年度's events, then the busiest event's details and participants
        events = window.activity_page.events
        window.show_page("events")
        app.processEvents()
        if events.model.rows:
            events.select_id(max(events.model.rows, key=lambda r: r.participants).id)
        app.processEvents()
        window.grab().save(str(OUT / f"events{suffix}.png"))
        if events.model.rows:
            events.open_selected()
            editor = events.dialog
            editor.resize(1100, 760)
            app.processEvents()
            editor.grab().save(str(OUT / f"events-editor{suffix}.png"))
            editor.tabs.setCurrentIndex(1)
            app.processEvents()
            editor.grab().save(str(OUT / f"events-participants{suffix}.png"))
            editor.reject()
        # 当番表: the first roster with its turns, then its editor
        window.show_page("rosters")
        rosters = window.rosters_page
        app.processEvents()
        if rosters.list_model.rows:
            rosters.select_roster(rosters.list_model.rows[0].id)
            app.processEvents()
        window.grab().save(str(OUT / f"rosters{suffix}.png"))
        if rosters.list_model.rows:
            rosters.open_selected()
            editor = rosters.dialog
            editor.resize(1100, 760)
            app.processEvents()
            editor.grab().save(str(OUT / f"rosters-editor{suffix}.png"))
            editor.reject()
            app.processEvents()
        # 防災・連絡網: a drill with a few results on the check screen, then a 班's 連絡網
        from kyodo_desktop.models import safety as sf

        def drill(reg):
            check = sf.start_check(reg, "訓練", started_at=reg.clock().replace(hour=9, minute=0))
            for p, status in zip(sf.people(reg, check)[:8], ("無事", "無事", "軽症", "無事", "重症", "無事", "不明", "無事"), strict=False):
                sf.record(reg, check, p.person_id, status, whereabouts="自宅" if status == "無事" else "避難所")

        worker.call(drill)
        window.show_page("disaster")
        window.disaster_page.start_safety_mode()
        app.processEvents()
        window.grab().save(str(OUT / f"safety-check{suffix}.png"))
        window.disaster_page.tabs.setCurrentWidget(window.disaster_page.phone_tree)
        app.processEvents()
        window.grab().save(str(OUT / f"phone-tree{suffix}.png"))
        # 要支援者（取扱注意） and 資機材・避難場所・組織 (tabs of the 防災・連絡網 page)
        page = window.disaster_page
        for name, tab in (("support", page.support), ("bousai", page.bousai)):
            page.tabs.setCurrentWidget(tab)
            tab.refresh()
            if name == "support" and tab.model.rows:
                tab.table.selectRow(0)
            app.processEvents()
            window.grab().save(str(OUT / f"{name}{suffix}.png"))
        page.tabs.setCurrentIndex(0)
        # 担い手・協力団体・地域課題 (tabs of the 行事 page)
        window.show_page("events")  # (the window shows one page at a time: bring 行事 to the front)
        tabs = window.activity_page.tabs
        for name, tab in (("volunteers", window.activity_page.volunteers), ("partners", window.activity_page.partners),
                          ("issues", window.activity_page.issues)):
            tabs.setCurrentWidget(tab)
            app.processEvents()
            if name == "partners" and tab.model.rows:  # one with an agreement, its events and issues
                tab.refresh(keep=max(tab.model.rows, key=lambda p: (p.agreements, p.issues)).id)
            if name == "issues" and tab.model.rows:  # one with requests to the city
                tab.load_issues(keep=max(tab.model.rows, key=lambda i: i.requests).id)
            app.processEvents()
            window.grab().save(str(OUT / f"{name}{suffix}.png"))
            if name == "volunteers":  # 役職の履歴, long tenures highlighted
                tab.show_section(2)
                app.processEvents()
                window.grab().save(str(OUT / f"volunteers-roles{suffix}.png"))
                tab.show_section(0)
        tabs.setCurrentIndex(0)
        # 会計・報告: each tab of the page, the 年次報告 tab included
        window.show_page("accounts")
        books_page = window.books_page
        for n in range(books_page.tabs.count()):
            books_page.tabs.setCurrentIndex(n)
            app.processEvents()
            key = {"会費": "books-dues", "出納簿": "books-cashbook", "予算・決算": "books-budget", "設定": "books-settings",
                   "年次報告": "report", "補助金": "subsidies"}.get(books_page.tabs.tabText(n))
            if key:
                window.grab().save(str(OUT / f"{key}{suffix}.png"))
        books_page.tabs.setCurrentIndex(0)
        # 設定 → 表示 (text size and colours)
        window.show_settings_tab("display")
        app.processEvents()
        window.grab().save(str(OUT / f"display-settings{suffix}.png"))
        # 年度替わり・引継ぎ: the proposal's 班長 page and the list of changes (nothing applied)
        from kyodo_desktop.ui.handover_wizard import HandoverWizard

        handover = HandoverWizard(worker, window)
        handover.resize(1100, 760)
        handover.show()
        for step, name in ((2, "handover-leaders"), (1, "handover-confirm")):
            for _ in range(step):
                handover.next.click()
            app.processEvents()
            handover.grab().save(str(OUT / f"{name}{suffix}.png"))
        handover.reject()
        # 校下・市の集計: forty demo reports (with the usual faults) read and summed
        from kyodo_desktop.export.demo_reports import generate_reports
        from kyodo_desktop.ui.consolidate_dialog import ConsolidateDialog

        reports = Path(tmp) / "reports"
        generate_reports(reports, 40, seed=3, fiscal_year=2025, plain=True)
        summing = ConsolidateDialog(window)
        summing.resize(1200, 820)
        summing.add_paths([reports])
        summing.set_fiscal_year(2025)
        summing.show()
        summing.start()
        summing.wait()
        app.processEvents()
        summing.grab().save(str(OUT / f"consolidate{suffix}.png"))
        summing.reject()
        # the import guide: an old list as associations keep it
        import openpyxl

        from kyodo_desktop.ui.import_wizard import ImportWizard

        old = Path(tmp) / "令和7年度名簿.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "5班"
        ws.append(["令和7年度 デモ町会 5班 名簿"])
        ws.append(["令和7年4月1日現在"])
        ws.append(["お名前", "ふりがな", "ご住所", "TEL", "生年月日", "備考"])
        for row in (("北野 正男", "きたの まさお", "泉野町5-1-2", "220-5101", "S23.5.3", ""),
                    ("中谷 和子", "なかたに かずこ", "泉野町5-3", "220-5102", "昭和30年1月8日", "回覧は郵便受けへ"),
                    ("宮下 聡", "みやした さとし", "泉野町5-7 コーポ泉野101", "090-1234-5678", "H2.10.10", ""),
                    ("辻 ふみ", "つじ ふみ", "泉野町5-9", "220-51O3", "昭和15年2月29日", "")):
            ws.append(list(row))
        ws.append(["合計", None, None, None, None, "4世帯"])
        wb.save(old)
        wizard = ImportWizard(worker, window)
        wizard.resize(1100, 720)
        wizard.set_file(old)
        wizard.show()
        app.processEvents()
        wizard.grab().save(str(OUT / f"import-1-file{suffix}.png"))
        wizard.next()
        app.processEvents()
        wizard.grab().save(str(OUT / f"import-2-columns{suffix}.png"))
        wizard.next()
        app.processEvents()
        wizard.grab().save(str(OUT / f"import-3-preview{suffix}.png"))
        wizard.reject()
        from kyodo_desktop.ui.print_preview import PrintPreview

        preview = PrintPreview(worker, window)
        preview.title.setText("令和8年度 町内一斉清掃のお知らせ")
        preview.body.setPlainText("12月6日（日）午前8時、集会所前に集合してください。軍手をご持参ください。")
        preview.block.setCurrentIndex(1)
        preview.refresh()
        preview.resize(1200, 860)
        preview.show()
        app.processEvents()
        preview.grab().save(str(OUT / f"print-preview{suffix}.png"))
        preview.kind.setCurrentIndex(1)  # 名簿, with its column choice
        app.processEvents()
        preview.grab().save(str(OUT / f"print-preview-register{suffix}.png"))
        preview.reject()
        if not suffix:
            _documents(worker, Path(tmp))
        lock = LockPage(lambda _s: None, lambda: None)
        lock.prepare(DEMO_ADMIN[0])
        lock.resize(1280, 800)
        lock.show()
        app.processEvents()
        lock.grab().save(str(OUT / f"lock{suffix}.png"))
        lock.close()
        window.close()
        worker.shutdown()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
