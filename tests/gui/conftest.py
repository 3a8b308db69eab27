"""Fixtures of the GUI tests: real widgets, real workspaces, temporary settings, a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.app import prepare_application
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.settings import Settings
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.note_editor import NoteEditor


class FakeClock:
    """Wall-clock seconds that move only when a test says so."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    prepared = prepare_application()
    use_language(Lang.IT)
    yield prepared
    use_language(Lang.IT)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def controller(
    app: QApplication, settings: Settings, clock: FakeClock, tmp_path: Path
) -> Iterator[AppController]:
    made = AppController(app, settings, clock=clock, default_parent=tmp_path)
    made.editors.register_kind(NoteEditor.draft_kind, NoteEditor)
    yield made
    made.shutdown()


@dataclass(frozen=True)
class ClosedWorkspace:
    path: Path
    workspace_id: str
    recovery_code: str


@pytest.fixture
def closed_workspace(new_workspace: Callable[..., OpenWorkspace]) -> ClosedWorkspace:
    """A real workspace on disk, closed (so it can be unlocked), with its recovery code."""
    workspace = new_workspace("chiusa")
    found = ClosedWorkspace(
        workspace.folder,
        workspace.identity.workspace_id,
        workspace.recovery_code,  # type: ignore[attr-defined]
    )
    workspace.close()
    return found
