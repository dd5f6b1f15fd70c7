"""The PyInstaller bundle, built for real from installer/kyodo-desktop.spec and run; and the
installer's other files (Inno Setup script, icon, version resource) checked against the program.

The build is slow (about a minute on 2 cores), so those tests run only with ``KYODO_BUILD_BUNDLE=1``:
installer/build_linux.sh does the build and the basic runs (smoke test, ``kyodo --bundle-check``,
demo / info / print / export / import, portable mode), and they check what it leaves behind.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
needs_build = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("KYODO_BUILD_BUNDLE") != "1",
                       reason="builds the PyInstaller bundle: set KYODO_BUILD_BUNDLE=1"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="installer/build_linux.sh is for Linux"),
]


def built(test):
    for mark in needs_build:
        test = mark(test)
    return test
DEMO_LOGIN = ("役員（デモ）", "demo-yakuin")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KYODO_")}
    env["KYODO_BUNDLE_OUT"] = str(out)
    res = subprocess.run(["bash", str(REPO / "installer" / "build_linux.sh")], cwd=REPO, env=env,
                         capture_output=True, text=True, encoding="utf-8", timeout=1200)
    return res, out / "dist" / "kyodo-desktop"


def bundled(dist: Path, program: str, *args, env_extra=None, home: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KYODO_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "KYODO_HOME": str(home), **(env_extra or {})})
    return subprocess.run([str(dist / program), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)


@built
def test_build_script_builds_and_runs_the_bundle(build):
    res, dist = build
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    for line in ("[smoke-test] smoke test: ok", "[bundle-check] bundle check: ok",
                 "[smoke-register] smoke test: ok", "[portable] kyodo-data/backups"):
        assert line in res.stdout
    assert "build_linux: ok" in res.stdout
    assert (dist / "kyodo-desktop").is_file() and (dist / "kyodo").is_file()
    assert not (dist / "portable").exists() and not (dist / "kyodo-data").exists()  # cleaned up


@built
def test_bundle_holds_every_resource_unchanged(build):
    _res, dist = build
    listed = subprocess.run(["git", "ls-files", "kyodo_desktop/resources"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.split()
    data = [name for name in listed if not name.endswith(".py")]
    assert data, "no resources listed"
    for name in data:
        copy = dist / "_internal" / name
        assert copy.is_file(), name
        assert copy.read_bytes() == (REPO / name).read_bytes(), name


@built
def test_bundle_is_lean(build):
    _res, dist = build
    internal = dist / "_internal"
    translations = sorted(p.name for p in internal.rglob("*.qm"))
    assert "qtbase_ja.qm" in translations
    assert all("_ja" in name for name in translations), translations
    pyside = internal / "PySide6"
    modules = sorted(p.name.split(".")[0] for p in pyside.glob("Qt*.so"))
    assert set(modules) <= {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtDBus"}, modules
    for unwanted in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6WebEngineCore.so.6"):
        assert not list(internal.rglob(unwanted)), unwanted
    for package in ("_pytest", "pytest", "hypothesis", "tkinter", "phonenumbers/geodata"):
        assert not (internal / package).exists(), package
    size = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file())
    assert size < 300 * 2**20, f"{size / 2**20:.0f} MB"


@built
def test_bundled_pdf_embeds_the_japanese_font(build, tmp_path):
    from pypdf import PdfReader

    _res, dist = build
    reg = tmp_path / "町会.kyodo"
    made = bundled(dist, "kyodo", "--data-dir", tmp_path / "data", "demo", reg, "--households", 8, home=tmp_path)
    assert made.returncode == 0, made.stderr
    login = {"KYODO_USER": DEMO_LOGIN[0], "KYODO_PASSWORD": DEMO_LOGIN[1]}
    out = tmp_path / "名簿.pdf"
    printed = bundled(dist, "kyodo", "--data-dir", tmp_path / "data", "print", reg, "register", "-o", out,
                      env_extra=login, home=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert printed.stderr == ""
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "デモ町会" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            # reportlab embeds TrueType subsets as simple fonts; a CID font would sit one level down
            for part in (font, *(d.get_object() for d in font.get("/DescendantFonts", []))):
                descriptor = part.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    fonts.add(str(part["/BaseFont"]))
    assert any("IPAex" in name for name in fonts), fonts


@built
def test_bundled_program_refuses_a_read_only_portable_folder(build, tmp_path):
    _res, dist = build
    (dist / "portable.txt").write_text("USB", encoding="utf-8")
    (dist / "kyodo-data").write_text("", encoding="utf-8")  # the folder cannot be made: as on a locked stick
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KYODO_")}
        res = subprocess.run([str(dist / "kyodo"), "demo", str(tmp_path / "町会.kyodo")], capture_output=True,
                             text=True, encoding="utf-8", env=env, timeout=120)
    finally:
        (dist / "portable.txt").unlink()
        (dist / "kyodo-data").unlink()
    assert res.returncode == 1
    assert "書き込めません" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "町会.kyodo").exists()


# -- the installer's other files, without a build ----------------------------------------------------


def _iss() -> str:
    raw = (INSTALLER / "kyodo-desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup 6 reads Japanese text only from UTF-8 with a BOM"
    return raw[3:].decode("utf-8").replace("\r\n", "\n")


def _iss_define(text: str, name: str) -> str:
    match = re.search(rf'^#define {name} "([^"]*)"', text, re.MULTILINE)
    assert match, name
    return match.group(1)


def test_inno_script_matches_the_program():
    from kyodo_desktop import paths

    text = _iss()
    assert _iss_define(text, "RegisterSuffix") == paths.REGISTER_SUFFIX
    spec = (INSTALLER / "kyodo-desktop.spec").read_text("utf-8")
    for exe in ("AppExe", "CliExe"):
        name = _iss_define(text, exe).removesuffix(".exe")
        assert f'name="{name}"' in spec, name
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", text, re.MULTILINE)
    for line in ("PrivilegesRequired=lowest", "PrivilegesRequiredOverridesAllowed=dialog",
                 r'MessagesFile: "compiler:Languages\Japanese.isl"', 'MessagesFile: "compiler:Default.isl"',
                 "ChangesAssociations=yes", "SetupIconFile=kyodo.ico"):
        assert line in text, line
    # a double click on a register opens it: "…\kyodo-desktop.exe" "--register" "%1"
    assert '""{app}\\{#AppExe}"" ""--register"" ""%1""' in text
    # the app's argument parser takes that option
    from kyodo_desktop.app import parse_args

    assert parse_args(["--register", "C:/町会.kyodo"]).register == "C:/町会.kyodo"
    # uninstall keeps the data: nothing deleted beyond what was installed, and the message names
    # the folder paths.py uses on Windows (platformdirs: %LOCALAPPDATA%\<APP_NAME>, not roaming)
    assert "[UninstallDelete]" not in text.replace("; [UninstallDelete]", "")
    assert f"{{localappdata}}\\{paths.APP_NAME}')" in text
    assert "台帳・設定・バックアップ" in text and "削除されません" in text
    assert not re.search(r"^Source:.*\{localappdata\}", text, re.MULTILINE)
    for lang in ("japanese", "english"):  # every custom message in both languages
        keys = set(re.findall(rf"^{lang}\.(\w+)=", text, re.MULTILINE))
        used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
        assert used - {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram"} <= keys, lang


def test_icon_holds_the_sizes_windows_wants():
    data = (INSTALLER / "kyodo.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = set()
    for n in range(count):
        width, height, _c, _r, _planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        png = data[offset:offset + length]
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) == length
        png_w, png_h = struct.unpack(">II", png[16:24])
        assert (png_w, png_h) == (width or 256, height or 256) and bits == 32
        sizes.add(png_w)
    assert {16, 32, 48, 256} <= sizes
    png = (INSTALLER / "kyodo.png").read_bytes()
    assert struct.unpack(">II", png[16:24]) == (256, 256)


def test_version_resource_template_fills_in_from_pyproject():
    import tomllib

    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    parts = [int(x) for x in version.split(".")] + [0] * (4 - len(version.split(".")))
    text = (INSTALLER / "version_info.txt").read_text("utf-8").format(
        version=version, version_tuple=tuple(parts), name="kyodo")
    seen: dict[str, object] = {}

    def record(kind):
        def make(*args, **kwargs):
            seen.setdefault(kind, []).append((args, kwargs))
            return kind
        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    assert eval(text, {name: record(name) for name in names}) == "VSVersionInfo"  # noqa: S307
    strings = dict(args for args, _ in seen["StringStruct"])
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "kyodo.exe"
    assert seen["FixedFileInfo"][0][1]["filevers"] == tuple(parts)
