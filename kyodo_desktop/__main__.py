"""``kyodo-desktop``: starts the program (``python -m kyodo_desktop`` does the same)."""

from __future__ import annotations

import sys


def main() -> int:
    import gc

    if getattr(sys, "frozen", False):
        # the 集計 reads many workbooks in worker processes (spawn): in the frozen program a worker
        # must run its task here instead of starting a second window (imported only then: 15 ms)
        import multiprocessing

        multiprocessing.freeze_support()

    from kyodo_desktop.app import run

    code = run()
    gc.freeze()  # about to exit: no need to walk the whole heap once more while finalizing
    return code


if __name__ == "__main__":
    sys.exit(main())
