"""Every real workspace made by an older schema opens, upgrades (after a backup) and works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.services import casefile_service, casefile_view
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import open_workspace, verify_workspace
from pippi_desktop.storage import migrate

DATA = Path(__file__).resolve().parents[1] / "data" / "workspaces"
FIXTURES = {"schema-0001.pippiws": "schema uno di prova"}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_old_workspace_upgrades_and_keeps_its_data(name: str, tmp_path: Path) -> None:
    source = DATA / name
    target = tmp_path / name
    shutil.copytree(source, target)
    passphrase = FIXTURES[name]
    workspace = open_workspace(target, passphrase=passphrase)
    with workspace:
        with store_of(workspace).read() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert (
                connection.execute(
                    text("SELECT value FROM workspace_meta WHERE key='fixture_canary'")
                ).scalar()
                == "made by schema 0001"
            )
        result = casefile_service.save_record(workspace, FamilyInput(implementation="PIPPI 13"))
        assert (
            casefile_view.case_file(workspace, result.record_id).family.implementation == "PIPPI 13"
        )
    backups = list((target / "backups").glob("pre-upgrade-*.pippibak"))
    assert len(backups) == 1
    assert verify_workspace(target, passphrase=passphrase).ok


def test_the_recovery_code_of_an_old_workspace_still_works(tmp_path: Path) -> None:
    target = tmp_path / "old.pippiws"
    shutil.copytree(DATA / "schema-0001.pippiws", target)
    code = (DATA / "schema-0001.recovery-code.txt").read_text().strip()
    open_workspace(target, recovery_code=code).close()
