"""*Micro-progettazione*: the objectives chosen for the family, by sub-dimension of the triangle.

Each objective says what is expected, the actions, who does what (family members included)
and by when, and how it went at the check (verifica).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import MicroProjectItem
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.record_list_tab import RecordListTab
from pippi_desktop.gui.labels import day, subdimension_label, term
from pippi_desktop.gui.models.record_table_model import Column

if TYPE_CHECKING:  # the editor is imported when first opened
    from pippi_desktop.gui.editors.micro_project_editor import MicroProjectEditor


class MicroProjectTab(RecordListTab[MicroProjectItem]):
    kinds = ("microproject_item", "person", "equipe_member", "catalogue")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def columns(self) -> list[Column[MicroProjectItem]]:
        return [
            Column(lambda: _("Per"), self._child_name),
            Column(lambda: _("Sottodimensione"), self._subdimension, tooltip=True),
            Column(lambda: _("Obiettivo"), lambda i: i.objective, tooltip=True),
            Column(lambda: _("Scadenza"), lambda i: day(i.deadline)),
            Column(
                lambda: _("Verifica"),
                lambda i: term("verification_statuses", i.verification_status),
            ),
        ]

    def column_widths(self) -> Sequence[int]:
        return (90, 190, 260, 90)

    def records(self) -> Sequence[MicroProjectItem]:
        assert self.data is not None
        return self.data.case_file.micro_project

    def _child_name(self, item: MicroProjectItem) -> str:
        assert self.data is not None
        person = self.data.case_file.person(item.child_id) if item.child_id else None
        return person.given_name if person is not None else _("Famiglia")

    def _subdimension(self, item: MicroProjectItem) -> str:
        assert self.data is not None
        return subdimension_label(self.data.active_catalogue, item.subdimension)

    def _responsible(self, item: MicroProjectItem) -> str:
        assert self.data is not None
        case_file = self.data.case_file
        names = [p.full_name for pid in item.responsible_people if (p := case_file.person(pid))]
        names += [m.name for mid in item.responsible_equipe if (m := case_file.equipe_member(mid))]
        if item.responsible_other:
            names.append(item.responsible_other)
        return ", ".join(names)

    def texts(self) -> dict[str, str]:
        return {
            "new": _("&Nuovo obiettivo…"),
            "edit": _("&Modifica…"),
            "delete": _("&Elimina…"),
            "empty": _(
                "Nessun obiettivo nella micro-progettazione.\nPremi «Nuovo obiettivo» e scegli "
                "la sottodimensione del triangolo su cui lavorare."
            ),
            "table": _("Obiettivi della micro-progettazione"),
            "preview": _("Dettagli dell'obiettivo scelto"),
        }

    def preview_html(self, item: MicroProjectItem) -> str:
        return self.html_rows(
            [
                (self._subdimension(item), item.objective),
                (_("Risultati attesi"), item.expected_results),
                (_("Azioni"), item.actions),
                (_("Chi fa che cosa"), self._responsible(item)),
                (_("Scadenza"), day(item.deadline)),
                (
                    _("Verifica"),
                    " – ".join(
                        x
                        for x in (
                            term("verification_statuses", item.verification_status),
                            item.verification_notes or "",
                        )
                        if x
                    ),
                ),
            ]
        )

    def _editor(self) -> MicroProjectEditor:
        from pippi_desktop.gui.editors.micro_project_editor import MicroProjectEditor

        assert self.context is not None
        return MicroProjectEditor(self.context.window(), self.context.session)

    def new_record(self) -> None:
        assert self.context is not None and self.data is not None
        editor = self._editor()
        editor.start_new(self.data)
        self.context.open_editor(editor)

    def edit_record(self, item: MicroProjectItem) -> None:
        assert self.context is not None and self.data is not None
        editor = self._editor()
        editor.start_edit(self.data, item)
        self.context.open_editor(editor)

    def delete_record(self, item: MicroProjectItem) -> None:
        ask_to_delete(
            self.context.window() if self.context else self,
            question=_("Eliminare l'obiettivo «{objective}»?").format(
                objective=item.objective[:80]
            ),
            on_confirm=lambda: self.delete("microproject_item", item.id),
        )
