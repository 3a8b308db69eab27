"""*Visite*: the home visits of the family, most recent first, with a preview of the notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import HomeVisit
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.record_list_tab import RecordListTab
from pippi_desktop.gui.labels import day, term
from pippi_desktop.gui.models.record_table_model import Column


class VisitsTab(RecordListTab[HomeVisit]):
    kinds = ("visit", "person", "equipe_member", "microproject_item")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def columns(self) -> list[Column[HomeVisit]]:
        return [
            Column(lambda: _("Data"), lambda v: day(v.date)),
            Column(lambda: _("Ora"), lambda v: v.start_time or ""),
            Column(
                lambda: _("Durata"),
                lambda v: (
                    _("{minutes} min").format(minutes=v.duration_minutes)
                    if v.duration_minutes
                    else ""
                ),
                align_right=True,
            ),
            Column(lambda: _("Luogo"), lambda v: term("places", v.place)),
            Column(lambda: _("Presenti"), self._present_names, tooltip=True),
            Column(lambda: _("Attività"), lambda v: v.activities or "", tooltip=True),
        ]

    def column_widths(self) -> Sequence[int]:
        return (90, 55, 70, 150, 200)

    def records(self) -> Sequence[HomeVisit]:
        assert self.data is not None
        return sorted(
            self.data.case_file.visits, key=lambda v: (v.date, v.start_time or ""), reverse=True
        )

    def _present_names(self, visit: HomeVisit) -> str:
        assert self.data is not None
        case_file = self.data.case_file
        names = [p.given_name for pid in visit.present_people if (p := case_file.person(pid))]
        names += [m.name for mid in visit.present_equipe if (m := case_file.equipe_member(mid))]
        return ", ".join(names)

    def texts(self) -> dict[str, str]:
        return {
            "new": _("&Nuova visita…"),
            "edit": _("&Modifica…"),
            "delete": _("&Elimina…"),
            "print": _("Stam&pa la scheda…"),
            "empty": _(
                "Nessuna visita registrata.\nPremi «Nuova visita» per registrare la prima: "
                "data, presenti, attività e note."
            ),
            "table": _("Visite domiciliari"),
            "preview": _("Dettagli della visita scelta"),
        }

    def preview_html(self, visit: HomeVisit) -> str:
        assert self.data is not None
        case_file = self.data.case_file
        objectives = [
            item.objective for item in case_file.micro_project if item.id in set(visit.objectives)
        ]
        next_time = " ".join(part for part in (day(visit.next_date), visit.next_time or "") if part)
        if visit.next_notes:
            next_time = f"{next_time} – {visit.next_notes}" if next_time else visit.next_notes
        return self.html_rows(
            [
                (
                    _("Visita del {date}").format(date=day(visit.date)),
                    term("places", visit.place),
                ),
                (_("Presenti"), self._present_names(visit)),
                (_("Attività svolte"), visit.activities),
                (_("Note"), visit.notes),
                (_("Obiettivi lavorati"), "\n".join(f"• {o}" for o in objectives)),
                (_("Prossimo appuntamento"), next_time),
            ]
        )

    def new_record(self) -> None:
        from pippi_desktop.gui.editors.visit_editor import VisitEditor

        assert self.context is not None and self.data is not None
        editor = VisitEditor(self.context.window(), self.context.session)
        editor.start_new(self.data)
        self.context.open_editor(editor)

    def edit_record(self, visit: HomeVisit) -> None:
        from pippi_desktop.gui.editors.visit_editor import VisitEditor

        assert self.context is not None and self.data is not None
        editor = VisitEditor(self.context.window(), self.context.session)
        editor.start_edit(self.data, visit)
        self.context.open_editor(editor)

    def delete_record(self, visit: HomeVisit) -> None:
        ask_to_delete(
            self.context.window() if self.context else self,
            question=_("Eliminare la visita del {date}?").format(date=day(visit.date)),
            on_confirm=lambda: self.delete("visit", visit.id),
        )
