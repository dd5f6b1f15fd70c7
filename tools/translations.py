"""Keep the English translation in step with the code.

    uv run python tools/translations.py update     # collect the marked texts into kyodo_en.ts, then release
    uv run python tools/translations.py release    # kyodo_en.ts → kyodo_en.qm (what the program loads)
    uv run python tools/translations.py status     # how many texts still lack an English text

``pyside6-lupdate`` keeps the English texts already written and marks the new ones unfinished;
texts removed from the code are dropped (``-no-obsolete``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "kyodo_desktop" / "resources" / "translations" / "kyodo_en.ts"
QM = TS.with_suffix(".qm")
SOURCES = [ROOT / "kyodo_desktop" / "app.py", *sorted((ROOT / "kyodo_desktop" / "ui").glob("*.py"))]


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def update() -> None:
    subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language", "en",
                    *map(str, SOURCES), "-ts", str(TS)], check=True)
    release()


def release() -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every text without a finished English translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
                if t is not None and t.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((name, message.findtext("source") or ""))
    return out


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "status"
    if what == "update":
        update()
    elif what == "release":
        release()
    left = unfinished()
    print(f"{len(left)} text(s) without English", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
