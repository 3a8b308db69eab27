"""One office workspace for the printing tests: the sample family, two demo families and a
family with nothing recorded yet. Made once per test session (closed: the command-line tests
open it in their own processes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.workspace_service import create_workspace
from tests.conftest import PASSPHRASE
from tests.reports.sample_family import SampleFamily, make_sample_family

AMBITO = "Ambito Territoriale Sociale n. 11 Frentano"


@dataclass(frozen=True)
class PrintWorkspace:
    root: Path
    sample: SampleFamily
    empty_code: str  # a family with no visit and no assessment
    family_codes: tuple[str, ...]


@pytest.fixture(scope="session")
def print_workspace(tmp_path_factory: pytest.TempPathFactory) -> PrintWorkspace:
    root = tmp_path_factory.mktemp("printing") / "ambito.pippiws"
    created = create_workspace(root, role="office", name=AMBITO, passphrase=PASSPHRASE)
    workspace = created.workspace
    try:
        sample = make_sample_family(workspace, today=date.today())
        fill_demo_data(workspace, 2, seed=11)
        with cs.unit_of_work(workspace) as uow:
            empty_id = uow.create(FamilyInput(implementation="PIPPI 13"))
            uow.create(
                PersonInput(
                    family_id=empty_id,
                    given_name="Bartłomiej",
                    family_name="Wiśniewski",
                    role="padre",
                )
            )
        empty_code = casefile_view.case_file(workspace, empty_id).family.code
        codes = tuple(summary.code for summary in casefile_view.list_families(workspace))
    finally:
        workspace.close()
    return PrintWorkspace(root, sample, empty_code, codes)
