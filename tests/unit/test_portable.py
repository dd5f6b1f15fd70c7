"""Portable mode (paths.py): a ``portable`` marker beside the program keeps every file beside it.

The frozen program looks beside ``sys.executable``; here ``KYODO_PORTABLE_DIR`` names the folder that
stands in for it (and one test freezes ``sys`` for real, to check the executable's folder is used).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from kyodo_desktop import paths
from kyodo_desktop.models.errors import RegisterError


@pytest.fixture
def clean_paths(monkeypatch):
    """No --data-dir, no KYODO_HOME, no portable folder: as on an officer's PC."""
    monkeypatch.delenv("KYODO_HOME", raising=False)
    monkeypatch.delenv(paths.PORTABLE_DIR_ENV, raising=False)
    monkeypatch.setattr(paths, "_base_override", None)
    monkeypatch.setattr(paths, "_writable_checked", None)
    yield monkeypatch


@pytest.fixture
def stick(tmp_path, clean_paths):
    """A folder standing for the program's folder on a USB stick, marked portable."""
    folder = tmp_path / "USB" / "KyodoDesktop"
    folder.mkdir(parents=True)
    (folder / "portable").write_text("", encoding="utf-8")
    clean_paths.setenv(paths.PORTABLE_DIR_ENV, str(folder))
    return folder


def test_marker_puts_every_file_under_the_portable_folder(stick):
    data = stick / "kyodo-data"
    assert paths.portable_dir() == data and paths.is_portable()
    assert paths.data_dir() == data and data.is_dir()
    assert paths.settings_file() == data / "settings.ini"
    assert paths.registers_dir() == data / "registers"
    assert paths.default_register_path("桜町会") == data / "registers" / "桜町会.kyodo"
    assert paths.demo_register_path().parent == data / "registers"
    register_elsewhere = stick.parent / "other" / "町会.kyodo"
    assert paths.backup_dir(register_elsewhere).parent == data / "backups"
    # nothing was left behind by the write check
    assert sorted(p.name for p in data.iterdir()) == ["backups", "registers"]


def test_portable_txt_is_a_marker_too(stick):
    (stick / "portable").unlink()
    assert paths.portable_dir() is None
    (stick / "portable.txt").write_text("USBメモリで使います", encoding="utf-8")
    assert paths.data_dir() == stick / "kyodo-data"


def test_a_folder_named_portable_is_not_a_marker(stick):
    (stick / "portable").unlink()
    (stick / "portable").mkdir()
    assert paths.portable_dir() is None and not paths.is_portable()


def test_no_marker_means_the_user_data_folder(tmp_path, clean_paths):
    clean_paths.setenv(paths.PORTABLE_DIR_ENV, str(tmp_path))  # a program folder without a marker
    fake_home = tmp_path / "profile"
    clean_paths.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(fake_home / a[0]))
    assert paths.portable_dir() is None and not paths.is_portable()
    assert paths.data_dir() == fake_home / paths.APP_NAME
    assert not (tmp_path / "kyodo-data").exists()


def test_unfrozen_program_ignores_a_marker_beside_python(tmp_path, clean_paths):
    """A developer's venv must never turn portable because of a stray file beside ``python``."""
    exe_dir = Path(sys.executable).resolve().parent
    assert not getattr(sys, "frozen", False)
    assert paths.program_dir() is None
    assert paths.portable_dir() is None, exe_dir


def test_frozen_program_looks_beside_its_executable(tmp_path, clean_paths):
    exe_dir = tmp_path / "dist" / "kyodo-desktop"
    exe_dir.mkdir(parents=True)
    exe = exe_dir / "kyodo-desktop.exe"
    exe.write_bytes(b"")
    clean_paths.setattr(sys, "frozen", True, raising=False)
    clean_paths.setattr(sys, "executable", str(exe))
    assert paths.program_dir() == exe_dir.resolve()
    assert paths.portable_dir() is None
    (exe_dir / "portable").write_text("", encoding="utf-8")
    assert paths.data_dir() == exe_dir.resolve() / "kyodo-data"


def test_explicit_choices_win_over_the_marker(stick, tmp_path, clean_paths):
    paths.set_base_dir(tmp_path / "chosen")  # --data-dir
    try:
        assert paths.data_dir() == tmp_path / "chosen" and not paths.is_portable()
        # the marker is still seen (a PIN is refused on a stick even then: models/accounts.py)
        assert paths.portable_dir() == stick / "kyodo-data"
    finally:
        paths.set_base_dir(None)
    clean_paths.setenv("KYODO_HOME", str(tmp_path / "home"))
    assert paths.data_dir() == tmp_path / "home" and not paths.is_portable()
    clean_paths.delenv("KYODO_HOME")
    assert paths.is_portable() and paths.data_dir() == stick / "kyodo-data"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="needs a folder the user cannot write (root writes everywhere)")
def test_read_only_stick_is_refused_with_a_clear_message(stick):
    (stick / "kyodo-data").mkdir()
    (stick / "kyodo-data").chmod(0o555)
    try:
        with pytest.raises(paths.PortableFolderError) as caught:
            paths.data_dir()
    finally:
        (stick / "kyodo-data").chmod(0o755)
    _assert_refusal(caught.value, stick)


def test_portable_folder_that_cannot_be_made_is_refused(stick, tmp_path):
    """Works as root too: ``kyodo-data`` is a file, so the folder cannot be made or written."""
    (stick / "kyodo-data").write_text("", encoding="utf-8")
    profile = tmp_path / "profile"
    with pytest.raises(paths.PortableFolderError) as caught:
        paths.data_dir()
    _assert_refusal(caught.value, stick)
    for call in (paths.settings_file, paths.registers_dir, lambda: paths.backup_dir(stick / "a.kyodo")):
        with pytest.raises(paths.PortableFolderError):
            call()
    assert not profile.exists()  # no quiet fallback to this PC's profile


def test_check_portable_is_none_when_not_portable_and_caches_a_good_folder(stick, clean_paths):
    assert paths.check_portable() == stick / "kyodo-data"
    assert paths._writable_checked == stick / "kyodo-data"
    (stick / "portable").unlink()
    assert paths.check_portable() is None


def test_cli_reports_a_read_only_stick_without_a_traceback(stick, capsys):
    from kyodo_desktop.cli import main

    (stick / "kyodo-data").write_text("", encoding="utf-8")
    code = main(["demo", str(stick / "町会.kyodo"), "--households", "3"])
    err = capsys.readouterr().err
    assert code != 0
    assert "書き込めません" in err and "Traceback" not in err
    assert not (stick / "町会.kyodo").exists()


def _assert_refusal(exc: Exception, stick: Path) -> None:
    assert isinstance(exc, RegisterError)  # the CLI and the window show these as messages
    message = str(exc)
    assert str(stick / "kyodo-data") in message
    assert "書き込めません" in message and "USBメモリ" in message


def test_a_stick_under_another_drive_letter_keeps_its_backups_together(tmp_path, clean_paths):
    """The same stick mounted elsewhere (E: at the hall, F: at home): a register on it keeps one
    backup folder, named by its place on the stick, not by the full path."""
    folders = []
    for mount in ("E", "F"):
        program = tmp_path / mount / "KyodoDesktop"
        program.mkdir(parents=True)
        (program / "portable").write_text("", encoding="utf-8")
        clean_paths.setenv(paths.PORTABLE_DIR_ENV, str(program))
        clean_paths.setattr(paths, "_writable_checked", None)
        folders.append(paths.backup_dir(program / "kyodo-data" / "registers" / "桜町会.kyodo").name)
    assert folders[0] == folders[1] and folders[0].startswith("桜町会-")
