"""The compiled forms and the translations are up to date with their sources."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_forms", REPO / "build_scripts" / "build_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_forms() -> ModuleType:
    return _build_forms()


def test_every_form_is_compiled_and_current(build_forms: ModuleType) -> None:
    sources = build_forms.ui_sources()
    assert len(sources) >= 11
    assert [p for ui in sources if (p := build_forms.form_problem(ui))] == []
    assert build_forms.orphan_forms() == []


def test_the_translations_are_current_and_complete(build_forms: ModuleType) -> None:
    assert build_forms.ts_problems() == []
    assert build_forms.qm_problems() == []


def test_a_changed_ui_file_makes_its_form_stale(build_forms: ModuleType, tmp_path: Path) -> None:
    ui = tmp_path / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    shutil.copyfile(REPO / "ui" / "about_dialog.ui", ui)
    shutil.copyfile(build_forms.form_target(REPO / "ui" / "about_dialog.ui"), form)
    assert build_forms.form_problem(ui, form) is None
    ui.write_text(ui.read_text().replace("Chiudi", "Esci"))
    assert "older than" in build_forms.form_problem(ui, form)


def test_a_hand_edited_form_is_caught(build_forms: ModuleType, tmp_path: Path) -> None:
    ui = REPO / "ui" / "about_dialog.ui"
    form = tmp_path / "ui_about_dialog.py"
    form.write_text(build_forms.form_target(ui).read_text().replace("Chiudi", "Esci"))
    assert "edited by hand" in build_forms.form_problem(ui, form)
