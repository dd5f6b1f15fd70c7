"""The only module that decides where files live.

Everything else asks here. Tests (and portable mode) redirect all of it with one call to
:func:`set_base_dir` or the ``KYODO_HOME`` environment variable.

- Normal install: platformdirs' user data dir (``%LOCALAPPDATA%\\KyodoDesktop`` on Windows).
- Portable mode: a file named ``portable`` beside the executable keeps everything beside it
  (for a USB stick).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

APP_NAME = "KyodoDesktop"
REGISTER_SUFFIX = ".kyodo"

_base_override: Path | None = None


def set_base_dir(path: Path | str | None) -> None:
    """Redirect every path below ``path`` (tests, ``--data-dir``); ``None`` restores defaults."""
    global _base_override
    _base_override = Path(path) if path is not None else None


def portable_dir() -> Path | None:
    """The folder of a portable install (a ``portable`` marker beside the executable)."""
    exe_dir = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False) and (exe_dir / "portable").exists():
        return exe_dir / "data"
    return None


def base_dir() -> Path:
    if _base_override is not None:
        return _base_override
    env = os.environ.get("KYODO_HOME")
    if env:
        return Path(env)
    portable = portable_dir()
    if portable is not None:
        return portable
    import platformdirs  # (only here: not needed with --data-dir, KYODO_HOME or a portable install)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def data_dir() -> Path:
    path = base_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def registers_dir() -> Path:
    path = data_dir() / "registers"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_register_path(name: str = "町会") -> Path:
    safe = "".join(c for c in name if c not in '\\/:*?"<>|').strip() or "町会"
    return registers_dir() / f"{safe}{REGISTER_SUFFIX}"


def demo_register_path() -> Path:
    return registers_dir() / f"デモ町会{REGISTER_SUFFIX}"


def settings_file() -> Path:
    return data_dir() / "settings.ini"


def backup_dir(register_path: Path | str) -> Path:
    """Backups of one register: kept on this PC, even when the register is on a USB stick."""
    resolved = Path(register_path).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    path = data_dir() / "backups" / f"{resolved.stem}-{digest}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def is_removable(path: Path | str) -> bool:
    """Best guess whether ``path`` is on a removable or network drive (WAL is unsafe there)."""
    resolved = Path(path).resolve()
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = resolved.drive
        if drive.startswith("\\\\"):
            return True  # network share
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
        return kind in (2, 4)  # DRIVE_REMOVABLE, DRIVE_REMOTE
    text = str(resolved)
    if text.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/")):
        return True
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            best = ("", "")
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and text.startswith(parts[1]) and len(parts[1]) > len(best[0]):
                    best = (parts[1], parts[2])
        return best[1] in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "vfat", "exfat", "fuseblk"}
    except OSError:
        return False
