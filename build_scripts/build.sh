#!/usr/bin/env bash
# Build the one-folder application with PyInstaller: dist/pippi-desktop/ (Linux here; the same
# spec builds on Windows and macOS, see build_scripts/README.md). Prints the build time and the
# folder size.
#
#   bash build_scripts/build.sh [--dist DIR] [--work DIR] [--clean]
#
#   --dist DIR   where the application folder goes (default: dist/)
#   --work DIR   PyInstaller's cache; reusing it makes rebuilds faster (default: build/pyinstaller)
#   --clean      empty the cache first
#
# PIPPI_BUILD_PYTHON=/path/to/python builds with that interpreter (it needs the "build" extra)
# instead of installing into .venv; the test suite uses it.
set -euo pipefail
source "$(dirname "$0")/_env.sh"

DIST="$REPO_ROOT/dist"
WORK="$REPO_ROOT/build/pyinstaller"
CLEAN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --clean) CLEAN="--clean"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -n "${PIPPI_BUILD_PYTHON:-}" ]; then
  PYTHON="$PIPPI_BUILD_PYTHON"
else
  ensure_venv
  PYTHON="$VENV/bin/python"
fi

# Qt's X11 plug-in needs a few xcb helper libraries that many desktops lack; the build
# bundles them when they are on the build machine, so install them here if they are missing.
bundle_xcb_libs() {
  [ "$(uname -s)" = "Linux" ] && command -v ldconfig >/dev/null 2>&1 || return 0
  local known missing="" pair
  known="$(ldconfig -p 2>/dev/null)"
  for pair in $QT_LIBS_DISPLAY; do
    grep -q "${pair%%:*}" <<<"$known" || missing="$missing ${pair##*:}"
  done
  [ -n "$missing" ] || return 0
  echo "Installing libraries to bundle for Qt's X11 plug-in:$missing" >&2
  apt_install $missing || echo "warning: not bundled (the users' systems must provide them):$missing" >&2
}
bundle_xcb_libs

started=$(date +%s%N)
"$PYTHON" -m PyInstaller --noconfirm $CLEAN --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$REPO_ROOT/build_scripts/pippi_desktop.spec"
cp "$REPO_ROOT/build_scripts/linux/pippi-desktop.desktop" "$DIST/pippi-desktop/"
finished=$(date +%s%N)

"$PYTHON" - "$DIST/pippi-desktop" "$(( (finished - started) / 1000000 ))" <<'PY'
import sys
from pathlib import Path

folder, millis = Path(sys.argv[1]), int(sys.argv[2])
size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
print(f"built:       {folder}")
print(f"build time:  {millis / 1000:.1f} s")
print(f"folder size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB, {size} bytes)")
PY
