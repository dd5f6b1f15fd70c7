"""Regenerate docs/screenshots/ from the real program (offscreen, with a demo register).

    uv run python docs/make_screenshots.py [--scale 100|150|200]

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()
    suffix = "" if args.scale == 100 else f"-{args.scale}"

    from PySide6.QtWidgets import QApplication

    from kyodo_desktop import paths
    from kyodo_desktop.app import apply_text_scale, install_translations
    from kyodo_desktop.models import households as hh
    from kyodo_desktop.models.demo import populate_demo
    from kyodo_desktop.models.register import Register
    from kyodo_desktop.ui.household_editor import HouseholdEditor
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.welcome import WelcomeDialog
    from kyodo_desktop.ui.worker import DbWorker

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths.set_base_dir(tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        install_translations(app)
        apply_text_scale(app, args.scale)
        path = Path(tmp) / "デモ町会.kyodo"

        def create() -> Register:
            reg = Register.create(path, name="デモ町会", district="デモ校下", default_area_code="076",
                                  backup_dir=paths.backup_dir(path))
            populate_demo(reg.db, households=300, seed=1, today=reg.today())
            return reg

        welcome = WelcomeDialog()
        welcome.show()
        app.processEvents()
        welcome.grab().save(str(OUT / f"welcome{suffix}.png"))
        welcome.close()

        worker = DbWorker()
        worker.open(create)
        window = MainWindow(worker)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / f"home{suffix}.png"))
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
        window.close()
        worker.shutdown()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
