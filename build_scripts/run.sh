#!/usr/bin/env bash
# Quick start, command 1: install (first time only) and run PIPPI Desktop on a demo workspace.
# With a display it opens the window; with none it runs the demo journey (field -> office -> PDF).
set -euo pipefail
source "$(dirname "$0")/_env.sh"
ensure_venv
exec "$VENV/bin/pippi-desktop" --demo "$@"
