"""The frozen ``kyodo-desktop`` executable's script (PyInstaller needs a file; the work is in the package).

Portable mode exists only here, in the frozen program: a ``portable`` marker whose ``kyodo-data``
folder cannot be written (a write-protected USB stick) is reported in a message box and the program
stops, instead of an unhandled-exception box. (When app.run checks this itself, this guard only
finds the folder already checked.)"""

import sys


def _portable_folder_refused() -> bool:
    """True (after telling the officer) when portable mode is on but its folder cannot be written."""
    if any(arg == "--smoke-test" or arg.startswith("--data-dir") for arg in sys.argv[1:]):
        return False  # these choose their own folder
    from kyodo_desktop import paths

    try:
        paths.check_portable()
    except paths.PortableFolderError as exc:
        from PySide6.QtWidgets import QApplication

        from kyodo_desktop.ui import dialogs

        app = QApplication.instance() or QApplication(sys.argv[:1])
        dialogs.show_error(None, "協働デスク（USBメモリ）", str(exc))
        del app
        return True
    return False


if __name__ == "__main__":
    if _portable_folder_refused():
        sys.exit(1)
    from kyodo_desktop.__main__ import main

    sys.exit(main())
