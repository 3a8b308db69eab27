"""The family list: pages fetched lazily, sorting, accent-insensitive search as you type,
filters and empty states — on a real workspace, through the real worker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.models.family_list_model import PAGE_SIZE, FamilyListModel
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.casefile_fixtures import make_family, open_window

SURNAMES = ("Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco")


def _many_families(workspace: OpenWorkspace, count: int) -> None:
    with cs.unit_of_work(workspace) as uow:
        for index in range(count):
            family_id = uow.create(
                FamilyInput(implementation="PIPPI 12" if index % 3 else "PIPPI 13")
            )
            uow.create(
                PersonInput(
                    family_id=family_id,
                    given_name="Anna",
                    family_name=f"{SURNAMES[index % len(SURNAMES)]}{index:03d}",
                    role="madre",
                )
            )


@pytest.fixture
def crowded(new_workspace: Callable[..., OpenWorkspace]) -> OpenWorkspace:
    workspace = new_workspace("tante")
    _many_families(workspace, PAGE_SIZE + 30)
    make_family(workspace, surname="Fabbrì", child_name="Niccolò")
    return workspace


def _codes(model: FamilyListModel) -> list[str]:
    return [model.summary(model.family_id(row) or "").code for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_the_list_loads_page_by_page_and_sorts(
    controller: AppController, crowded: OpenWorkspace, qtbot: QtBot
) -> None:
    window = open_window(controller, crowded, qtbot)
    model = window.ui.familyList.model
    qtbot.waitUntil(lambda: model.is_counted)  # the rows come first, then the count
    assert model.total == PAGE_SIZE + 31
    assert model.rowCount() == PAGE_SIZE  # only the first page, until the view scrolls
    assert model.canFetchMore(QModelIndex())
    assert window.ui.familyList.ui.countLabel.text() == f"{PAGE_SIZE + 31} famiglie"

    table = window.ui.familyList.ui.familyTable
    table.scrollToBottom()  # the view asks for more (fetchMore) as a person scrolls
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 31)
    assert not model.canFetchMore(QModelIndex())
    codes = _codes(model)
    assert codes == sorted(codes) and len(set(codes)) == len(codes)

    loads = model.loads
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.loads > loads)
    assert _codes(model)[:PAGE_SIZE] == sorted(codes, reverse=True)[:PAGE_SIZE]
    assert model.rowCount() == PAGE_SIZE  # a new order starts again from the first page

    loads = model.loads
    table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # surnames
    qtbot.waitUntil(lambda: model.loads > loads)
    names = [model.summary(model.family_id(r) or "").names for r in range(5)]  # type: ignore[union-attr]
    assert names == sorted(names) and names[0].startswith("Bianchi")


def test_search_filters_as_you_type_without_accents(
    controller: AppController, crowded: OpenWorkspace, qtbot: QtBot
) -> None:
    window = open_window(controller, crowded, qtbot)
    pane = window.ui.familyList
    model = pane.model
    pane.ui.searchEdit.setFocus()
    qtbot.keyClicks(pane.ui.searchEdit, "fabbri niccolo")  # typed without the accents
    qtbot.waitUntil(lambda: model.total == 1 and model.rowCount() == 1)
    assert model.summary(model.family_id(0) or "").names == "Fabbrì"  # type: ignore[union-attr]
    assert model.query.search == "fabbri niccolo"
    assert pane.ui.countLabel.text() == "1 famiglia"

    qtbot.keyClicks(pane.ui.searchEdit, "x")
    qtbot.waitUntil(
        lambda: model.total == 0 and pane.ui.listStack.currentWidget() is pane.ui.emptyPage
    )
    assert "Nessuna famiglia trovata" in pane.ui.emptyLabel.text()
    assert pane.ui.clearFiltersButton.isVisible() and not pane.ui.newFamilyButton.isVisible()
    qtbot.mouseClick(pane.ui.clearFiltersButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.is_counted and model.total == PAGE_SIZE + 31)
    assert pane.ui.searchEdit.text() == ""


def test_stale_answers_never_replace_newer_ones(
    controller: AppController, crowded: OpenWorkspace, qtbot: QtBot
) -> None:
    """An answer that arrives after a newer request was made must never reach the view.

    One FIFO worker delivers answers in order, so the *final* rows are right with or without
    the generation guard; what the guard prevents is the old answer being shown first. So
    the old answer is made to arrive late on purpose: the worker finishes the query for "r",
    its answer waits in the GUI thread's queue (no events are processed) while "rossi00" is
    asked and answered, then both are delivered. Every reset of the model is watched: none
    may show rows of a query that is no longer the current one.
    """
    window = open_window(controller, crowded, qtbot)
    model = window.ui.familyList.model
    qtbot.waitUntil(lambda: model.is_counted)
    shown: list[tuple[str, set[str]]] = []

    def watch() -> None:
        names = {model.summary(model.family_id(r) or "").names[:7] for r in range(model.rowCount())}  # type: ignore[union-attr]
        shown.append((model.query.search, names))

    model.modelReset.connect(watch)
    model.set_search("r")  # many rows: different from what "rossi00" shows
    assert controller.runner.wait_until_idle(30_000)  # answered, not yet delivered
    assert controller.runner.pending_count() >= 1
    model.set_search("rossi00")
    assert controller.runner.wait_until_idle(30_000)
    qtbot.waitUntil(lambda: controller.runner.pending_count() == 0 and not model.loading)
    model.modelReset.disconnect(watch)
    assert model.query.search == "rossi00"
    assert shown, "the newer answer was never shown"
    for search, names in shown:
        assert search == "rossi00" and names == {"Rossi00"}, (search, sorted(names)[:5])


def test_filters_for_phase_and_implementation(
    controller: AppController, crowded: OpenWorkspace, qtbot: QtBot
) -> None:
    window = open_window(controller, crowded, qtbot)
    pane = window.ui.familyList
    model = pane.model
    qtbot.waitUntil(lambda: pane.ui.implementationFilter.count() == 3)
    assert [pane.ui.implementationFilter.itemText(i) for i in range(3)] == [
        "Tutte le implementazioni",
        "PIPPI 12",
        "PIPPI 13",
    ]
    pane.ui.implementationFilter.setCurrentIndex(2)
    pane.ui.implementationFilter.activated.emit(2)
    qtbot.waitUntil(lambda: model.query.implementation == "PIPPI 13" and model.is_counted)
    assert model.total == len(range(0, PAGE_SIZE + 30, 3)) + 1
    phase = pane.ui.phaseFilter
    assert phase.itemText(1) == "Costituzione dell'équipe multidisciplinare"
    phase.setCurrentIndex(phase.findData("conclusione"))
    phase.activated.emit(phase.currentIndex())
    qtbot.waitUntil(lambda: model.query.phase == "conclusione" and not model.loading)
    assert model.total == 0


def test_a_new_workspace_says_how_to_add_the_first_family(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> None:
    window = open_window(controller, new_workspace("vuota"), qtbot)
    pane = window.ui.familyList
    qtbot.waitUntil(lambda: pane.ui.listStack.currentWidget() is pane.ui.emptyPage)
    assert "Premi «Nuova famiglia»" in pane.ui.emptyLabel.text()
    assert pane.ui.newFamilyButton.isVisible() and not pane.ui.clearFiltersButton.isVisible()

    qtbot.mouseClick(pane.ui.newFamilyButton, Qt.MouseButton.LeftButton)
    [editor] = controller.editors.editors()
    qtbot.waitUntil(lambda: editor.is_loaded)
    assert editor.windowTitle() == "Nuova famiglia"
    editor.ui.implementationCombo.setEditText("PIPPI 14")
    editor.save()
    qtbot.waitUntil(lambda: pane.model.total == 1)
    qtbot.waitUntil(lambda: window.ui.caseFile.data is not None)
    assert window.ui.caseFileStack.currentWidget() is window.ui.caseFilePage
    assert pane.ui.listStack.currentWidget() is pane.ui.listPage
    family = window.ui.caseFile.data.case_file.family
    assert family.implementation == "PIPPI 14" and family.code.startswith("F-")
    assert pane.selected_family == family.id
