"""The application log (no workspace open yet) in the per-user folder platformdirs names."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_an_error_before_any_workspace_goes_to_the_user_state_folder(tmp_path: Path) -> None:
    state, empty = tmp_path / "state", tmp_path / "no-resources"
    empty.mkdir()
    # `families` reads the vocabularies to build its options: a missing file, before any workspace
    result = run_cli(
        "families",
        str(tmp_path / "Area.pippiws"),
        env={"PIPPI_RESOURCES": str(empty), "XDG_STATE_HOME": str(state)},
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Manca un file dell'applicazione (vocabularies.json)")
    log = state / "pippi-desktop" / "pippi.log"
    assert "unexpected error" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
