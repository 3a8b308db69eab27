"""Every record editor labels each field with its spec's label, in both languages.

The spec (`domain/record_types.py`) is the one declaration of a field's label; the Designer
forms repeat it for layout. This test opens each editor for real (offscreen, loaded from a
real workspace) and reads the label a person sees next to each input: the `QLabel` whose buddy
the input is, the text of a check box, the header of a table column, or else the title of the
group box around the input (ignoring `&` and a trailing `:`). It must be the spec's label, and
a field with a `section` must sit in the group box of that title. Any difference fails, so a
label changed in a form, or in the spec, or translated differently, is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_types import FieldSpec, spec_for
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.editors.record_editor import RecordEditor
from pippi_desktop.gui.editors.registry import EDITORS
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.casefile_fixtures import make_family, open_window

# Kinds an editor edits besides its own (their fields are in the same form).
ALSO_EDITS = {
    "family": ("phase_record",),
    "group_session": ("attendance",),
    "assessment": ("assessment_entry",),
}
# Form keys that are not the field's own name: (editor kind, key) -> (kind, field).
FORM_KEYS = {("family", "phase_date"): ("phase_record", "date")}
# Fields whose input is labelled by something other than our text (and why).
NOT_LABELLED = {
    ("assessment_entry", "not_assessable"): "the «n.v.» choice of the score list (catalogue data)",
}


def spec_field(editor_kind: str, key: str) -> tuple[str, FieldSpec]:
    """The record field a form key edits."""
    if (editor_kind, key) in FORM_KEYS:
        kind, name = FORM_KEYS[(editor_kind, key)]
        return kind, spec_for(kind).field(name)
    for kind in (editor_kind, *ALSO_EDITS.get(editor_kind, ())):
        if key in spec_for(kind).field_names:
            return kind, spec_for(kind).field(key)
    raise AssertionError(f"the {editor_kind} form edits «{key}», which no record spec declares")


def plain(text: str) -> str:
    return text.replace("&", "").strip().removesuffix(":").strip()


def enclosing_group(widget: QWidget) -> QGroupBox | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QGroupBox):
        parent = parent.parentWidget()
    return parent


def labels_shown_for(editor: QWidget, widget: QWidget) -> list[str]:
    """What a person reads as the name of `widget` (several texts: the columns of a table)."""
    buddies = [label for label in editor.findChildren(QLabel) if label.buddy() is widget]
    if buddies:
        return [plain(label.text()) for label in buddies]
    if isinstance(widget, QAbstractButton):
        return [plain(widget.text())]
    if isinstance(widget, QTableWidget):
        return [
            plain(str(widget.model().headerData(column, Qt.Orientation.Horizontal)))
            for column in range(widget.columnCount())
        ]
    group = enclosing_group(widget)
    return [plain(group.title())] if group is not None else []


def label_mismatches(editor: RecordEditor, lang: Lang) -> list[str]:
    problems = []
    for key, widget in editor.field_widgets().items():
        kind, field = spec_field(editor.kind, key)
        if (kind, field.name) in NOT_LABELLED:
            continue
        wanted = field.label.translated(lang)
        shown = labels_shown_for(editor, widget)
        if wanted not in shown:
            problems.append(
                f"{kind}.{field.name}: the form shows {shown}, the spec says {wanted!r}"
            )
        if field.section is not None:
            group = enclosing_group(widget)
            title = plain(group.title()) if group is not None else None
            section = field.section.translated(lang)
            if title != section:
                problems.append(f"{kind}.{field.name}: in group {title!r}, not {section!r}")
    return problems


@pytest.fixture
def loaded_editor(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> Iterator[Callable[[str], RecordEditor]]:
    workspace = new_workspace("etichette")
    family = make_family(workspace)
    window = open_window(controller, workspace, qtbot)
    opened: list[RecordEditor] = []

    def load(kind: str) -> RecordEditor:
        editor = EDITORS[kind](window, controller.session)
        opened.append(editor)
        editor.load(None if kind == "family" else family.family_id)
        qtbot.waitUntil(lambda: editor.is_loaded)
        return editor

    yield load
    for editor in opened:
        editor.close_for_lock()
        editor.deleteLater()


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_each_field_of_the_form_shows_its_spec_label(
    loaded_editor: Callable[[str], RecordEditor], kind: str
) -> None:
    editor = loaded_editor(kind)
    assert label_mismatches(editor, Lang.IT) == []
    try:
        use_language(Lang.EN)
        QApplication.processEvents()  # the forms retranslate on LanguageChange
        assert label_mismatches(editor, Lang.EN) == []
    finally:
        use_language(Lang.IT)
        QApplication.processEvents()


def test_the_label_check_sees_a_changed_label_or_section(
    loaded_editor: Callable[[str], RecordEditor],
) -> None:
    person = loaded_editor("person")
    person.ui.birthDateLabel.setText("Nato il:")  # type: ignore[attr-defined]
    assert label_mismatches(person, Lang.IT) == [
        "person.birth_date: the form shows ['Nato il'], the spec says 'Data di nascita'"
    ]
    visit = loaded_editor("visit")
    visit.ui.nextGroup.setTitle("Appuntamenti")  # type: ignore[attr-defined]
    assert label_mismatches(visit, Lang.IT) == [
        f"visit.{name}: in group 'Appuntamenti', not 'Prossimo appuntamento'"
        for name in ("next_date", "next_time", "next_notes")
    ]


def test_a_form_key_that_no_spec_declares_is_refused() -> None:
    with pytest.raises(AssertionError, match="no record spec declares"):
        spec_field("visit", "mood")
    assert spec_field("family", "phase_date")[1] is spec_for("phase_record").field("date")
    assert spec_field("assessment", "strengths")[0] == "assessment_entry"
