"""The only module that decides where files live.

Everything else asks here. Tests redirect all of it with one call to :func:`set_base_dir` or the
``KYODO_HOME`` environment variable. In order of precedence, the data folder (settings, backups, this
PC's key material, the default folder for registers) is:

1. ``--data-dir`` (:func:`set_base_dir`), then ``KYODO_HOME``: explicit choices win;
2. portable mode: a file named ``portable`` or ``portable.txt`` beside the executable keeps everything
   in ``kyodo-data`` beside it (a USB stick carried between the 町会 hall and home);
3. normally: platformdirs' user data dir (``%LOCALAPPDATA%\\KyodoDesktop`` on Windows).

A portable folder that cannot be written (a stick with its write-protect switch on) is refused with
:class:`PortableFolderError` rather than quietly falling back to this PC's profile: the officer would
otherwise work on registers and backups that are not on the stick, and find them missing at home.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from kyodo_desktop.models.errors import RegisterError

APP_NAME = "KyodoDesktop"
REGISTER_SUFFIX = ".kyodo"
PORTABLE_MARKERS = ("portable", "portable.txt")
PORTABLE_FOLDER = "kyodo-data"
PORTABLE_DIR_ENV = "KYODO_PORTABLE_DIR"  # stands in for the executable's folder when not frozen (tests)

_base_override: Path | None = None
_writable_checked: Path | None = None


class PortableFolderError(RegisterError):
    """Portable mode is on (a marker beside the program) but its data folder cannot be written."""


def set_base_dir(path: Path | str | None) -> None:
    """Redirect every path below ``path`` (tests, ``--data-dir``); ``None`` restores defaults."""
    global _base_override
    _base_override = Path(path) if path is not None else None


def program_dir() -> Path | None:
    """The folder the marker is looked for in: the executable's folder when frozen (PyInstaller);
    unfrozen, only a folder named by ``KYODO_PORTABLE_DIR`` (``python`` lives in a venv, and a
    developer's checkout must never turn portable by accident)."""
    named = os.environ.get(PORTABLE_DIR_ENV)
    if named:
        return Path(named)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_dir() -> Path | None:
    """The data folder of a portable install (``kyodo-data`` beside the program), or None when no
    ``portable`` / ``portable.txt`` marker sits beside the program."""
    folder = program_dir()
    if folder is None or not any((folder / name).is_file() for name in PORTABLE_MARKERS):
        return None
    return folder / PORTABLE_FOLDER


def is_portable() -> bool:
    """True when the data folder in use is the portable one (a marker is present and neither
    ``--data-dir`` nor ``KYODO_HOME`` chose another): for the window's title and status bar."""
    return _explicit_base() is None and portable_dir() is not None


def _explicit_base() -> Path | None:
    if _base_override is not None:
        return _base_override
    env = os.environ.get("KYODO_HOME")
    return Path(env) if env else None


def base_dir() -> Path:
    explicit = _explicit_base()
    if explicit is not None:
        return explicit
    portable = portable_dir()
    if portable is not None:
        return portable
    import platformdirs  # (only here: not needed with --data-dir, KYODO_HOME or a portable install)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def check_portable() -> Path | None:
    """In portable mode, make sure its data folder exists and can be written, and return it (None
    when not portable). Raises :class:`PortableFolderError` with a message for the officer otherwise.
    The program calls this once at start-up to show the message before anything else; every
    :func:`data_dir` call checks too (once per folder), so nothing is written elsewhere meanwhile."""
    global _writable_checked
    if not is_portable():
        return None
    folder = portable_dir()
    assert folder is not None
    if _writable_checked == folder:
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".kyodo-write-check-"):
            pass
    except OSError as exc:
        raise PortableFolderError(
            f"持ち運び用（ポータブル）の設定で起動しましたが、データの保存先 {folder} に書き込めません。"
            "USBメモリの書き込み禁止のスイッチや、フォルダーの読み取り専用の設定を外してから、"
            "起動し直してください（このパソコンの中に保存先を切り替えることはしません）。",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    _writable_checked = folder
    return folder


def data_dir() -> Path:
    if is_portable():
        return check_portable()  # type: ignore[return-value]  (not None when portable)
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
    key = str(resolved)
    portable = portable_dir() if is_portable() else None
    if portable is not None:
        # on a stick the drive letter changes from PC to PC (E: at the hall, F: at home): name the
        # register by its place on the stick, so that its backups stay together
        base = portable.resolve().parent
        with contextlib.suppress(ValueError):
            key = "portable:" + resolved.relative_to(base).as_posix()
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
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
