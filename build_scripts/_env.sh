# Shared by run.sh, test.sh, build.sh and lock.sh: a project virtual environment, made on first
# use.
#
# Needs only Python 3.11+ on the machine. Installs into .venv exactly the packages pinned in
# requirements.lock (with `pip install --require-hashes`: a file whose hash differs from the
# lock's is refused), then the project itself without touching its dependencies; again only
# when requirements.lock or pyproject.toml changed. On Debian/Ubuntu it also installs the few
# system packages Qt needs and poppler-utils (pdftoppm, for the tests that render printed
# pages), when they are missing (with apt-get, as root or through sudo without a password;
# otherwise it prints the one command to run).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
LOCK="$REPO_ROOT/requirements.lock"  # refreshed by build_scripts/lock.sh

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "PIPPI Desktop needs Python 3.11 or newer (python3 --version)." >&2
  return 1
}

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@";
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@";
  else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
  as_root apt-get update -q >/dev/null 2>&1 || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

# soname -> Debian package; Qt loads these even offscreen (EGL, fontconfig) or on X11 (xcb).
QT_LIBS_ALWAYS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 libxkbcommon.so.0:libxkbcommon0 libdbus-1.so.3:libdbus-1-3"
QT_LIBS_DISPLAY="libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-shape.so.0:libxcb-shape0 libxcb-render-util.so.0:libxcb-render-util0 libxcb-image.so.0:libxcb-image0"

# command -> Debian package, for the tests (printed pages rendered to PNG and looked at).
TEST_TOOLS="pdftoppm:poppler-utils"

ensure_system_libs() {
  [ "$(uname -s)" = "Linux" ] || return 0
  command -v ldconfig >/dev/null 2>&1 || return 0
  local wanted="$QT_LIBS_ALWAYS" missing="" pair
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then wanted="$wanted $QT_LIBS_DISPLAY"; fi
  local known; known="$(ldconfig -p 2>/dev/null)"
  for pair in $wanted; do
    grep -q "${pair%%:*}" <<<"$known" || missing="$missing ${pair##*:}"
  done
  [ -n "$missing" ] || return 0
  echo "Installing system libraries for Qt:$missing" >&2
  if ! apt_install $missing; then
    echo "Qt needs these system packages. Please run:  sudo apt-get install$missing" >&2
  fi
}

ensure_test_tools() {
  [ "$(uname -s)" = "Linux" ] || return 0
  local missing="" pair
  for pair in $TEST_TOOLS; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair##*:}"
  done
  [ -n "$missing" ] || return 0
  echo "Installing tools for the tests:$missing" >&2
  if ! apt_install $missing; then
    echo "Some tests need these packages. Please run:  sudo apt-get install$missing" >&2
  fi
}

ensure_venv() {
  # Every use (run, test, build) gets the same environment: the whole lock, test and build
  # tools included, so that what the tests check is what the build ships.
  local python stamp want
  python="$(find_python)" || return 1
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$python" -m venv "$VENV" >/dev/null 2>&1; then
      rm -rf "$VENV"
      echo "Installing python3-venv (needed to create .venv)..." >&2
      apt_install python3-venv || { echo "Please run: sudo apt-get install python3-venv" >&2; return 1; }
      "$python" -m venv "$VENV"
    fi
  fi
  stamp="$VENV/.pippi-installed"
  want="$(cat "$LOCK" "$REPO_ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || ! grep -qxF -- "$want" "$stamp"; then
    echo "Installing PIPPI Desktop and its locked dependencies into .venv (first run only)..." >&2
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$LOCK"
    # the project itself: its dependencies are all in the lock, setuptools included
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
      --no-build-isolation -e "$REPO_ROOT"
    echo "$want" > "$stamp"
  fi
  ensure_system_libs
}
