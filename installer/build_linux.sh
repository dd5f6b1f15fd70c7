#!/usr/bin/env bash
# Build installer/kyodo-desktop.spec on Linux and run the bundle, as proof that the spec is complete
# (the Windows build uses the same spec; see installer/README.md).
#
#   installer/build_linux.sh            build into a temporary folder, check, delete it
#   KYODO_BUNDLE_OUT=/tmp/kb installer/build_linux.sh   keep the build there (dist/kyodo-desktop)
#
# Fails (exit 1) on: a build error; a non-zero exit of any run; any line on stderr of the program's
# runs other than the harmless ones listed in HARMLESS below; a missing part in `kyodo --bundle-check`.
# Takes about a minute on 2 cores (the build ~40 s, the runs ~15 s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$(date +%s)

if [[ -n "${KYODO_BUNDLE_OUT:-}" ]]; then
    OUT="$KYODO_BUNDLE_OUT"
    mkdir -p "$OUT"
else
    OUT="$(mktemp -d -t kyodo-bundle-XXXXXX)"
    trap 'rm -rf "$OUT"' EXIT
fi
DIST="$OUT/dist/kyodo-desktop"
RUNS="$OUT/runs"
rm -rf "$RUNS" "$DIST/portable" "$DIST/kyodo-data"
mkdir -p "$RUNS"

# Lines the offscreen Qt platform writes to stderr that say nothing is wrong (the window system
# features it lacks). Anything else on stderr fails the check.
HARMLESS='^(This plugin does not support propagateSizeHints\(\)|This plugin does not support raise\(\)|This plugin does not support grabbing the keyboard|This plugin does not support setParent!)$'

fail() { echo "build_linux: FAILED: $*" >&2; exit 1; }

echo "== build (PyInstaller) into $OUT"
BUILD_START=$(date +%s)
if ! uv run --group build pyinstaller --noconfirm --log-level WARN \
        --distpath "$OUT/dist" --workpath "$OUT/work" installer/kyodo-desktop.spec \
        > "$OUT/build.log" 2>&1; then
    tail -40 "$OUT/build.log" >&2
    fail "PyInstaller did not finish (log: $OUT/build.log)"
fi
BUILD_SECONDS=$(( $(date +%s) - BUILD_START ))
# build warnings, for the record (the Windows DLLs that ctypes names, GTK for Qt's GTK theme plug-in)
grep -E "WARNING" "$OUT/build.log" | grep -vE "(shell32|ole32|ntdll|user32|kernel32|advapi32) required via ctypes|libgtk-3|libgdk-3|Ignoring icon" \
    | sed 's/^/  build warning: /' || true

# every Qt/PySide library the bundle's libraries ask for is in it (the spec leaves Qt parts out;
# this catches one left out that another still needs). Desktop libraries that plug-ins load from the
# system (GTK for the GTK theme, Wayland) are only listed.
missing="$(find "$DIST" -name '*.so*' -type f -print0 \
    | LD_LIBRARY_PATH="$DIST/_internal:$DIST/_internal/PySide6/Qt/lib" xargs -0 -n 50 ldd 2>/dev/null \
    | grep "not found" | awk '{print $1}' | sort -u || true)"
[[ -z "$missing" ]] || echo "$missing" | sed 's/^/  not in the bundle (from the system): /'
if grep -qE '^lib(Qt6|pyside6|shiboken6|icu)' <<< "$missing"; then
    fail "Qt libraries missing from the bundle"
fi

# run NAME COMMAND...: runs with stdout/stderr kept; fails on exit code or unexpected stderr
run() {
    local name="$1"; shift
    local rc=0
    "$@" > "$RUNS/$name.out" 2> "$RUNS/$name.err" || rc=$?
    sed "s/^/  [$name] /" "$RUNS/$name.out" | awk "NR <= 20"
    if [[ $rc -ne 0 ]]; then
        sed "s/^/  [$name stderr] /" "$RUNS/$name.err" >&2
        fail "$name exited with $rc"
    fi
    local unexpected
    unexpected="$(grep -vE "$HARMLESS" "$RUNS/$name.err" || true)"
    if [[ -n "$unexpected" ]]; then
        echo "$unexpected" | sed "s/^/  [$name stderr] /" >&2
        fail "$name wrote to stderr"
    fi
}

export QT_QPA_PLATFORM=offscreen
unset KYODO_USER KYODO_PASSWORD KYODO_PORTABLE_DIR
export KYODO_HOME="$RUNS/home"
GUI="$DIST/kyodo-desktop"
CLI="$DIST/kyodo"
REG="$RUNS/registers/デモ町会.kyodo"
mkdir -p "$RUNS/registers"

echo "== runs"
RUN_START=$(date +%s)
run smoke-test "$GUI" --smoke-test --visit-pages
grep -qx "smoke test: ok" "$RUNS/smoke-test.out" || fail "the smoke test did not say ok"
run bundle-check "$CLI" --bundle-check
run cli-help "$CLI" --help
grep -q "demo" "$RUNS/cli-help.out" || fail "kyodo --help does not list its commands"
run cli-demo "$CLI" --data-dir "$RUNS/data" demo "$REG" --households 40
export KYODO_USER="役員（デモ）" KYODO_PASSWORD="demo-yakuin"
run cli-info "$CLI" --data-dir "$RUNS/data" info "$REG"
grep -q "世帯数" "$RUNS/cli-info.out" || fail "kyodo info printed no household count"
run cli-print "$CLI" --data-dir "$RUNS/data" print "$REG" register -o "$RUNS/名簿.pdf"
[[ "$(head -c 5 "$RUNS/名簿.pdf")" == "%PDF-" ]] || fail "kyodo print wrote no PDF"
run cli-export "$CLI" --data-dir "$RUNS/data" export "$REG" register -o "$RUNS/名簿.xlsx"
run cli-import "$CLI" --data-dir "$RUNS/data" import "$REG" "$RUNS/名簿.xlsx" --dry-run
run smoke-register "$GUI" --smoke-test --visit-pages --register "$REG"
unset KYODO_USER KYODO_PASSWORD

# portable mode, for real: a marker beside the executables, no KYODO_HOME
echo "portable" > "$DIST/portable"
( unset KYODO_HOME; run portable-demo "$CLI" demo "$RUNS/portable.kyodo" --households 5 )
rm -f "$DIST/portable"
[[ -f "$DIST/kyodo-data/settings.ini" || -d "$DIST/kyodo-data/backups" ]] \
    || fail "portable mode did not keep its files in $DIST/kyodo-data"
ls "$DIST/kyodo-data" | sed 's/^/  [portable] kyodo-data\//'
rm -rf "$DIST/kyodo-data"
RUN_SECONDS=$(( $(date +%s) - RUN_START ))

echo "== bundle"
du -sh "$DIST" | sed 's/^/  size: /'
echo "  biggest files:"
find "$DIST" -type f -printf '%s\t%P\n' | sort -rn | awk 'NR <= 10' \
    | awk -F'\t' '{ printf "    %7.1f MB  %s\n", $1 / 1048576, $2 }'
echo "build_linux: ok (build ${BUILD_SECONDS} s, runs ${RUN_SECONDS} s, total $(( $(date +%s) - START )) s)"
