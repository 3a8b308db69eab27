"""An assessment entered in the grid, the triangle redrawn with T0 and T1, clicking into it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.editors.assessment_editor import AssessmentEditor
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.services import casefile_view
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.casefile_fixtures import SampleFamily, make_family, open_family, open_window

T0_SCORES = {
    "bambino.salute": 2,
    "bambino.autonomia": 3,
    "genitori.cura": 4,
    "ambiente.abitazione": 5,
}


@pytest.fixture
def opened(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> tuple[MainWindow, OpenWorkspace, SampleFamily]:
    workspace = new_workspace("triangolo")
    family = make_family(workspace)
    window = open_window(controller, workspace, qtbot)
    window.resize(1366, 768)
    open_family(window, family.family_id, qtbot)
    view = window.ui.caseFile
    view.ui.tabs.setCurrentWidget(view.ui.assessmentsTab)
    return window, workspace, family


def _enter(
    controller: AppController, window: MainWindow, qtbot: QtBot, scores: dict[str, int]
) -> AssessmentEditor:
    tab = window.ui.caseFile.ui.assessmentsTabWidget
    qtbot.mouseClick(tab.ui.newButton, Qt.MouseButton.LeftButton)
    [editor] = controller.editors.editors()
    assert isinstance(editor, AssessmentEditor)
    qtbot.waitUntil(lambda: editor.is_loaded)
    for sub, score in scores.items():
        editor.set_score(sub, score)
    return editor


def _pixels(image, colour: str) -> int:  # type: ignore[no-untyped-def]
    wanted = QColor(colour)
    count = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - wanted.red()) < 30
                and abs(pixel.green() - wanted.green()) < 30
                and abs(pixel.blue() - wanted.blue()) < 30
            ):
                count += 1
    return count


def test_an_assessment_is_entered_and_the_triangle_redrawn(
    controller: AppController,
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, family = opened
    tab = window.ui.caseFile.ui.assessmentsTabWidget
    assert tab.ui.stack.currentWidget() is tab.ui.listEmptyPage
    assert "Premi «Nuova valutazione»" in tab.ui.listEmptyLabel.text()
    assert tab.ui.triangle.catalogue is None

    editor = _enter(controller, window, qtbot, T0_SCORES)
    assert editor.ui.childCombo.currentData() == family.child
    assert editor.ui.timePointCombo.currentData() == "T0"
    assert editor.ui.entriesTable.item(editor.row_of("bambino.salute"), 1).text() == "2"
    editor.set_score("ambiente.lavoro", None, not_assessable=True)
    editor.select_subdimension("bambino.autonomia")
    editor.ui.strengthsEdit.setPlainText("Si veste da solo")
    editor.ui.childWordsEdit.setPlainText("«Lo zaino lo faccio io»")
    assert editor.ui.strengthsLabel.text() == "Punti di forza:"  # the catalogue's own label
    editor.ui.participantsPeopleList.set_checked([family.mother, family.child])
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    [stored] = casefile_view.case_file(workspace, family.family_id).assessments
    assert stored.time_point == "T0" and stored.child_id == family.child
    assert stored.scores() == {**T0_SCORES, "ambiente.lavoro": None}
    entry = next(e for e in stored.entries if e.subdimension == "bambino.autonomia")
    assert entry.strengths == "Si veste da solo" and entry.child_words == "«Lo zaino lo faccio io»"

    triangle = tab.ui.triangle
    qtbot.waitUntil(lambda: len(triangle.series) == 1)
    [series] = triangle.series
    assert series.time_point == "T0" and series.scores == stored.scores()
    assert triangle.highlight == stored.id
    assert triangle.marked == frozenset({"bambino.autonomia"})  # it has an objective
    assert "Salute e crescita: Problema" in triangle.accessibleDescription()
    image = triangle.grab().toImage()
    assert not image.isNull() and _pixels(image, tg.SERIES_STYLES["T0"].colour) > 20
    assert _pixels(image, tg.SERIES_STYLES["T1"].colour) == 0

    second = _enter(controller, window, qtbot, {"bambino.salute": 4, "genitori.cura": 5})
    assert second.ui.timePointCombo.currentData() == "T1"  # the next time point is offered
    second.save()
    qtbot.waitUntil(lambda: not second.isVisible())
    qtbot.waitUntil(lambda: len(triangle.series) == 2)
    assert [s.time_point for s in triangle.series] == ["T0", "T1"]
    image = triangle.grab().toImage()
    assert _pixels(image, tg.SERIES_STYLES["T0"].colour) > 20
    assert _pixels(image, tg.SERIES_STYLES["T1"].colour) > 20


def test_clicking_a_subdimension_opens_its_entry(
    controller: AppController,
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, _workspace, _family = opened
    editor = _enter(controller, window, qtbot, T0_SCORES)
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    tab = window.ui.caseFile.ui.assessmentsTabWidget
    triangle = tab.ui.triangle
    qtbot.waitUntil(lambda: len(triangle.series) == 1)
    triangle.grab()  # painted: the layout is placed
    where = triangle.axis_position("genitori.cura")
    assert where is not None and triangle.hit(where) == "genitori.cura"
    with qtbot.waitSignal(triangle.subdimension_clicked) as clicked:
        qtbot.mouseClick(
            triangle, Qt.MouseButton.LeftButton, pos=QPoint(int(where.x()), int(where.y()))
        )
    assert clicked.args == ["genitori.cura"]
    opened_editor = next(e for e in controller.editors.editors() if isinstance(e, AssessmentEditor))
    qtbot.waitUntil(lambda: opened_editor.is_loaded)
    assert opened_editor.current_sub == "genitori.cura"
    assert opened_editor.ui.pages.currentWidget() is opened_editor.ui.entriesPage
    assert opened_editor.ui.scoreCombo.currentData() == 4
    assert "Cura di base" in opened_editor.ui.subdimensionTitle.text()
    assert not opened_editor.has_unsaved_changes()
    opened_editor.reject()
