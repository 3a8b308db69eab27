"""Real families for the GUI tests: written through the services, opened in the real window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from pippi_desktop.domain.record_inputs import (
    EquipeMemberInput,
    FamilyInput,
    MicroProjectItemInput,
    PersonInput,
)
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services.open_workspace import OpenWorkspace


@dataclass(frozen=True)
class SampleFamily:
    family_id: str
    code: str
    mother: str
    child: str
    worker: str
    objective: str


def make_family(
    workspace: OpenWorkspace,
    *,
    surname: str = "Esposito",
    child_name: str = "Nicolò",
    code: str | None = None,
) -> SampleFamily:
    start = date.today() - timedelta(days=200)
    with cs.unit_of_work(workspace) as uow:
        family_id = uow.create(FamilyInput(implementation="PIPPI 13", start_date=start, code=code))
        mother = uow.create(
            PersonInput(family_id=family_id, given_name="Maria", family_name=surname, role="madre")
        )
        child = uow.create(
            PersonInput(
                family_id=family_id,
                given_name=child_name,
                family_name=surname,
                role="figlio",
                birth_date="2016-06-07",
            )
        )
        worker = uow.create(
            EquipeMemberInput(
                family_id=family_id,
                name="Anna Bianchi",
                profession="educatore_domiciliare",
                case_manager=True,
            )
        )
        objective = uow.create(
            MicroProjectItemInput(
                family_id=family_id,
                child_id=child,
                subdimension="bambino.autonomia",
                objective="Prepara lo zaino da solo la sera prima",
            )
        )
    code = next(f.code for f in casefile_view.list_families(workspace) if f.id == family_id)
    return SampleFamily(family_id, code, mother, child, worker, objective)


def open_window(controller: AppController, workspace: OpenWorkspace, qtbot: QtBot) -> MainWindow:
    controller.start_with(workspace)
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.ui.familyList.model.loads > 0)
    return window


def open_family(window: MainWindow, family_id: str, qtbot: QtBot) -> None:
    pane = window.ui.familyList
    qtbot.waitUntil(lambda: pane.model.row_of(family_id) >= 0)
    view = window.ui.caseFile
    loads = view.loads
    pane.ui.familyTable.selectRow(pane.model.row_of(family_id))
    qtbot.waitUntil(lambda: view.loads > loads and view.family_id == family_id)
