#!/usr/bin/env bash
# Refresh requirements.lock: every package the project installs, pinned, with the hashes of
# every file PyPI has for that version (the wheels of Windows, macOS and Linux alike).
#
#   bash build_scripts/lock.sh                      # after editing pyproject.toml: adds, removes
#                                                   # or re-pins only what changed, keeps the rest
#   bash build_scripts/lock.sh --upgrade            # newest versions within pyproject's ranges
#   bash build_scripts/lock.sh --upgrade-package PySide6-Essentials   # one package only
#
# pyproject.toml keeps the ranges (what we accept); the lock is what every install uses:
# build_scripts/_env.sh (tests, run, PyInstaller build) and .github/workflows/build.yml install
# it with `pip install --require-hashes`. One universal lock for every system and Python 3.11+
# (uv's --universal resolution): platform-only packages carry markers such as
# `; sys_platform == 'win32'`. Commit the lock together with the pyproject.toml change;
# tests/test_lock.py fails when the two disagree. Needs the network (PyPI).
set -euo pipefail
source "$(dirname "$0")/_env.sh"

UV_VERSION="0.13.9"  # the resolver itself, pinned so that two maintainers get the same lock
TOOLS="$REPO_ROOT/build/lock-tools"
python="$(find_python)"
if [ ! -x "$TOOLS/bin/uv" ] || [ "$("$TOOLS/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  rm -rf "$TOOLS"
  "$python" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi

cd "$REPO_ROOT"
lock_new="$(mktemp)"
trap 'rm -f "$lock_new"' EXIT
[ -f requirements.lock ] && cp requirements.lock "$lock_new"  # uv keeps pins found here
"$python" build_scripts/lock_inputs.py build-requires |
  "$TOOLS/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --extra test --extra build \
    --custom-compile-command "bash build_scripts/lock.sh" \
    --output-file "$lock_new" "$@" pyproject.toml -
{
  echo "# pyproject-inputs-sha256: $("$python" build_scripts/lock_inputs.py fingerprint)"
  cat "$lock_new"
} > requirements.lock
echo "requirements.lock: $(grep -c '^[A-Za-z0-9]' requirements.lock) packages pinned" >&2
