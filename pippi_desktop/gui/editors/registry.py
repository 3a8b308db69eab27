"""Every record editor by kind, and their registration for drafts (re-opened after unlock)."""

from __future__ import annotations

from typing import Any

from pippi_desktop.gui.editors.assessment_editor import AssessmentEditor
from pippi_desktop.gui.editors.dispositivo_editor import DispositivoEditor
from pippi_desktop.gui.editors.equipe_member_editor import EquipeMemberEditor
from pippi_desktop.gui.editors.family_editor import FamilyEditor
from pippi_desktop.gui.editors.group_session_editor import GroupSessionEditor
from pippi_desktop.gui.editors.host import EditorHost
from pippi_desktop.gui.editors.micro_project_editor import MicroProjectEditor
from pippi_desktop.gui.editors.person_editor import PersonEditor
from pippi_desktop.gui.editors.record_editor import RecordEditor
from pippi_desktop.gui.editors.visit_editor import VisitEditor

EDITORS: dict[str, type[RecordEditor[Any, Any]]] = {
    editor.kind: editor
    for editor in (
        FamilyEditor,
        PersonEditor,
        EquipeMemberEditor,
        DispositivoEditor,
        VisitEditor,
        GroupSessionEditor,
        AssessmentEditor,
        MicroProjectEditor,
    )
}


def editor_class(kind: str) -> type[RecordEditor[Any, Any]]:
    return EDITORS[kind]


def register_record_editors(host: EditorHost) -> None:
    for kind, editor in EDITORS.items():
        host.register_kind(editor.draft_kind or kind, editor)
