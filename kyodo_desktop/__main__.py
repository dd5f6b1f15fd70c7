"""``kyodo-desktop``: starts the program (``python -m kyodo_desktop`` does the same)."""

from __future__ import annotations

import sys


def main() -> int:
    import gc

    from kyodo_desktop.app import run

    code = run()
    gc.freeze()  # about to exit: no need to walk the whole heap once more while finalizing
    return code


if __name__ == "__main__":
    sys.exit(main())
