"""*Incontri di gruppo*: the group sessions this family's members were invited to.

A group session belongs to no family (parents of several families meet together); this tab
shows the sessions with this family's attendance. "Nuovo incontro" creates a session and
invites people of any family; deleting a session removes it for every family, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import GroupParticipation
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.record_list_tab import RecordListTab
from pippi_desktop.gui.labels import day, term
from pippi_desktop.gui.models.record_table_model import Column

if TYPE_CHECKING:  # the editor is imported when first opened
    from pippi_desktop.gui.editors.group_session_editor import GroupSessionEditor


class GroupSessionsTab(RecordListTab[GroupParticipation]):
    kinds = ("group_session", "attendance", "person")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def record_id(self, record: GroupParticipation) -> str:
        return record.session.id

    def columns(self) -> list[Column[GroupParticipation]]:
        return [
            Column(lambda: _("Data"), lambda g: day(g.session.date)),
            Column(lambda: _("Gruppo"), lambda g: term("group_kinds", g.session.kind)),
            Column(lambda: _("Tema"), lambda g: g.session.topic, tooltip=True),
            Column(lambda: _("Presenze della famiglia"), self._attendance, tooltip=True),
        ]

    def column_widths(self) -> Sequence[int]:
        return (90, 130, 260)

    def records(self) -> Sequence[GroupParticipation]:
        assert self.data is not None
        return sorted(
            self.data.case_file.group_sessions, key=lambda g: g.session.date, reverse=True
        )

    def _attendance(self, group: GroupParticipation) -> str:
        assert self.data is not None
        case_file = self.data.case_file
        return ", ".join(
            f"{person.given_name}: {term('attendance', a.status).lower()}"
            for a in group.attendance
            if (person := case_file.person(a.person_id)) is not None
        )

    def texts(self) -> dict[str, str]:
        return {
            "new": _("&Nuovo incontro…"),
            "edit": _("&Modifica…"),
            "delete": _("&Elimina…"),
            "print": _("Stam&pa il registro…"),
            "empty": _(
                "Nessun incontro di gruppo per questa famiglia.\nPremi «Nuovo incontro» per "
                "registrarne uno e segnare le presenze (anche di altre famiglie)."
            ),
            "table": _("Incontri di gruppo"),
            "preview": _("Dettagli dell'incontro scelto"),
        }

    def preview_html(self, group: GroupParticipation) -> str:
        session = group.session
        return self.html_rows(
            [
                (
                    _("{kind} del {date}").format(
                        kind=term("group_kinds", session.kind), date=day(session.date)
                    ),
                    session.topic,
                ),
                (_("Luogo"), session.place),
                (_("Conduttori"), ", ".join(session.facilitators)),
                (_("Presenze della famiglia"), self._attendance(group)),
                (_("Note"), session.notes),
            ]
        )

    def _editor(self) -> GroupSessionEditor:
        from pippi_desktop.gui.editors.group_session_editor import GroupSessionEditor

        assert self.context is not None
        return GroupSessionEditor(self.context.window(), self.context.session)

    def new_record(self) -> None:
        assert self.context is not None and self.data is not None
        editor = self._editor()
        editor.start_new(self.data)
        self.context.open_editor(editor)

    def edit_record(self, group: GroupParticipation) -> None:
        assert self.context is not None and self.data is not None
        editor = self._editor()
        editor.start_edit_session(self.data, group.session.id)
        self.context.open_editor(editor)

    def delete_record(self, group: GroupParticipation) -> None:
        ask_to_delete(
            self.context.window() if self.context else self,
            question=_(
                "Eliminare l'incontro «{topic}» del {date}? Sparisce con le presenze di tutte "
                "le famiglie invitate."
            ).format(topic=group.session.topic, date=day(group.session.date)),
            on_confirm=lambda: self.delete("group_session", group.session.id),
        )
