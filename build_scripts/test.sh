#!/usr/bin/env bash
# Quick start, command 2: install (first time only) and run the whole test suite.
# pytest's exit code is the script's: 0 all passed, 5 "no tests collected" is a failure too.
set -euo pipefail
source "$(dirname "$0")/_env.sh"
ensure_venv
ensure_test_tools
cd "$REPO_ROOT"
exec "$VENV/bin/python" -m pytest "$@"
