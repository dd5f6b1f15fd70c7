"""``kyodo-desktop``: starts the program (``python -m kyodo_desktop`` does the same)."""

from __future__ import annotations

import sys


def main() -> int:
    from kyodo_desktop.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
