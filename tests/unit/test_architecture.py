"""The layers: models/ and export/ never load Qt."""

import subprocess
import sys


def test_core_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib\n"
        "import kyodo_desktop.models, kyodo_desktop.export, kyodo_desktop.cli, kyodo_desktop.paths\n"
        "for pkg in (kyodo_desktop.models, kyodo_desktop.export):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'kyodo_desktop.ui')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_cli_start_does_not_load_heavy_libraries():
    code = (
        "import sys, kyodo_desktop.cli\n"
        "bad = sorted(m for m in ('reportlab', 'openpyxl', 'PySide6') if m in sys.modules)\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
