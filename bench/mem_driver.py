"""Subprocess driver for bench/run.py: prints one JSON line with the process's RSS.

    python bench/mem_driver.py bare
        a bare PySide6 window (QApplication + QWidget shown), the baseline
    python bench/mem_driver.py app REGISTER BACKUP_DIR
        the program's main window on REGISTER with the 名簿 page shown
    python bench/mem_driver.py index REGISTER
        HouseholdIndex.load on REGISTER (no Qt): load time and RSS before/after
    python bench/mem_driver.py import REGISTER WORKBOOK
        plan_import(REGISTER, WORKBOOK) (no Qt, register opened read-only): peak RSS during the
        plan, RSS before/after, time
    python bench/mem_driver.py calamine WORKBOOK
        the baseline of ``import``: python-calamine reading every sheet (``to_python``)
    python bench/mem_driver.py smoke ARGS...
        the program itself (kyodo_desktop.app.run(ARGS)), with the shim below applied

Shim: PySide6 6.12 has no ``QLocale.Territory`` (only ``QLocale.Country``), which
``kyodo_desktop.app.install_translations`` uses; where it is missing, it is aliased so the
rest of the program can still be measured. Every JSON output says whether it was needed.

Run offscreen (QT_QPA_PLATFORM=offscreen) with KYODO_HOME pointing at a scratch folder, and
KYODO_USER / KYODO_PASSWORD holding the login (registers are encrypted; bench/run.py passes
the demo administrator).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHIMMED = False


def shim() -> None:
    global SHIMMED
    from PySide6.QtCore import QLocale

    if not hasattr(QLocale, "Territory"):
        QLocale.Territory = QLocale.Country
        SHIMMED = True


def credentials():  # noqa: ANN201
    """The login from KYODO_USER / KYODO_PASSWORD (never from the command line)."""
    from kyodo_desktop.models.register import Credentials

    password = os.environ.get("KYODO_PASSWORD")
    if not password:
        raise SystemExit("mem_driver: set KYODO_USER and KYODO_PASSWORD (the register is encrypted)")
    return Credentials(os.environ.get("KYODO_USER", ""), password)


def rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def settle(app) -> None:  # noqa: ANN001
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    w = QWidget()
    w.resize(1280, 800)
    w.show()
    settle(app)
    out = {"rss": rss()}
    w.close()
    return out


def app_window(register: str, backup_dir: str) -> dict:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.app import install_translations
    from kyodo_desktop.models.register import Register
    from kyodo_desktop.ui.display import apply_display
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.worker import DbWorker

    app = QApplication(sys.argv[:1])
    try:
        install_translations(app)
    except AttributeError as exc:
        if "Territory" not in str(exc):
            raise
        shim()
        install_translations(app)
    apply_display(app, 100)
    worker = DbWorker()
    try:
        creds = credentials()
        worker.open(lambda: Register.open(Path(register), creds, backup_dir=Path(backup_dir)))
        window = MainWindow(worker)
        window.resize(1280, 800)
        window.show()
        window.show_page("register")
        settle(app)
        out = {"rss": rss(), "rows": window.register_page.model.rowCount(), "shimmed": SHIMMED}
        window.close()
        settle(app)
    finally:
        worker.shutdown()
    return out


def index(register: str) -> dict:
    from pathlib import Path

    from kyodo_desktop.models.register import Register
    from kyodo_desktop.models.search import HouseholdIndex

    reg = Register.open(Path(register), credentials(), read_only=True)
    try:
        gc.collect()
        before = rss()
        t0 = time.perf_counter()
        idx = HouseholdIndex.load(reg)
        seconds = time.perf_counter() - t0
        gc.collect()
        after = rss()
        return {"rss_before": before, "rss": after, "seconds": seconds, "rows": len(idx)}
    finally:
        reg.close(backup=False)


class PeakRss:
    """Peak RSS over a stretch of code. Linux: the kernel's high-water mark (VmHWM), reset at the
    start by writing 5 to /proc/self/clear_refs, so that earlier peaks (argon2id's 256 MiB at
    login) do not count. Elsewhere: a thread sampling RSS every 5 ms."""

    def __enter__(self) -> PeakRss:
        import threading

        self.how = "kernel VmHWM, reset before"
        self.peak = 0
        self._stop = None
        try:
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")
            self._hwm()
        except OSError:
            self.how = "RSS sampled every 5 ms"
            self._stop = threading.Event()

            def sample() -> None:
                while not self._stop.is_set():
                    self.peak = max(self.peak, rss())
                    self._stop.wait(0.005)

            self._thread = threading.Thread(target=sample, daemon=True)
            self._thread.start()
        return self

    @staticmethod
    def _hwm() -> int:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        raise OSError("no VmHWM")

    def __exit__(self, *exc: object) -> None:
        if self._stop is None:
            self.peak = self._hwm()
        else:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, rss())


def import_plan(register: str, workbook: str) -> dict:
    from pathlib import Path

    from kyodo_desktop.models.importing.plan import plan_import
    from kyodo_desktop.models.register import Register

    reg = Register.open(Path(register), credentials(), read_only=True)
    try:
        gc.collect()
        before = rss()
        with PeakRss() as peak:
            t0 = time.perf_counter()
            plan = plan_import(reg, workbook)
            seconds = time.perf_counter() - t0
        gc.collect()
        after = rss()
        s = plan.summary()
        kinds = ", ".join(f"{s['households'][k]:,} {k} ({s['persons'][k]:,} persons)"
                          for k in s["households"] if s["households"][k])
        return {"rss_before": before, "rss": after, "peak": peak.peak, "peak_how": peak.how,
                "seconds": seconds, "kinds": kinds, "messages": len(plan.messages)}
    finally:
        reg.close(backup=False)


def calamine(workbook: str) -> dict:
    from python_calamine import CalamineWorkbook

    gc.collect()
    before = rss()
    with PeakRss() as peak:
        t0 = time.perf_counter()
        book = CalamineWorkbook.from_path(workbook)
        sheets = [book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names]
        seconds = time.perf_counter() - t0
    return {"rss_before": before, "rss": rss(), "peak": peak.peak, "peak_how": peak.how, "seconds": seconds,
            "rows": sum(len(s) for s in sheets)}


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    if mode == "smoke":
        shim()
        from kyodo_desktop.app import run

        return run(argv[1:])
    if mode == "bare":
        out = bare()
    elif mode == "app" and len(argv) == 3:
        out = app_window(argv[1], argv[2])
    elif mode == "index" and len(argv) == 2:
        out = index(argv[1])
    elif mode == "import" and len(argv) == 3:
        out = import_plan(argv[1], argv[2])
    elif mode == "calamine" and len(argv) == 2:
        out = calamine(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
