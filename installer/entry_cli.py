"""The frozen ``kyodo`` executable's script (PyInstaller needs a file; the work is in the package).

``kyodo --bundle-check`` (first argument, not in ``--help``): see installer/bundle_check.py."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--bundle-check"]:
        from bundle_check import main as check

        sys.exit(check())
    from kyodo_desktop.cli import main

    sys.exit(main())
