"""*Riepilogo*: the family at a glance — details, members, équipe, dispositivi, the pathway."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import Dispositivo, EquipeMember, Person
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.tab import CaseFileTab
from pippi_desktop.gui.forms.ui_summary_tab import Ui_SummaryTab
from pippi_desktop.gui.labels import day, term
from pippi_desktop.gui.models.record_table_model import Column, RecordTableModel


class _Section:
    """One group box of the summary: a small table with add / edit / delete."""

    def __init__(
        self,
        table: QTableView,
        empty: QLabel,
        buttons: tuple[QPushButton, QPushButton, QPushButton],
        columns: list[Column[Any]],
        *,
        widths: Sequence[int],
        on_new: Callable[[], None],
        on_edit: Callable[[Any], None],
        on_delete: Callable[[Any], None],
    ) -> None:
        self.table, self.empty, self.buttons = table, empty, buttons
        self.model: RecordTableModel[Any] = RecordTableModel(
            columns, record_id=lambda r: str(r.id), parent=table
        )
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        new, edit, delete = buttons
        new.clicked.connect(on_new)
        edit.clicked.connect(lambda: self._with_selected(on_edit))
        delete.clicked.connect(lambda: self._with_selected(on_delete))
        table.activated.connect(lambda index: on_edit(self.model.record(index.row())))
        table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())

    def _with_selected(self, action: Callable[[Any], None]) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            record = self.model.record(rows[0].row())
            if record is not None:
                action(record)

    def show(self, records: Sequence[Any], *, enabled: bool) -> None:
        self.model.set_records(records)
        self.table.setVisible(bool(records))
        self.empty.setVisible(not records)
        self.table.setMinimumHeight(4 * self.table.verticalHeader().defaultSectionSize())
        self.buttons[0].setEnabled(enabled)
        self.update_buttons()

    def update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.buttons[1].setEnabled(selected)
        self.buttons[2].setEnabled(selected)


class SummaryTab(CaseFileTab):
    kinds = ("family", "person", "equipe_member", "dispositivo", "phase_record")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SummaryTab()
        self.ui.setupUi(self)
        ui = self.ui
        self.members = _Section(
            ui.membersTable,
            ui.membersEmptyLabel,
            (ui.membersNewButton, ui.membersEditButton, ui.membersDeleteButton),
            [
                Column(lambda: _("Nome"), lambda p: p.full_name),
                Column(lambda: _("Ruolo"), lambda p: term("member_roles", p.role)),
                Column(lambda: _("Nascita"), lambda p: day(p.birth_date)),
                Column(
                    lambda: _("Scuola"),
                    lambda p: " – ".join(x for x in (p.school, p.school_class) if x),
                    tooltip=True,
                ),
            ],
            widths=(140, 80, 80),
            on_new=lambda: self._open("person", None),
            on_edit=lambda record: self._open("person", record),
            on_delete=self._delete_person,
        )
        self.equipe = _Section(
            ui.equipeTable,
            ui.equipeEmptyLabel,
            (ui.equipeNewButton, ui.equipeEditButton, ui.equipeDeleteButton),
            [
                Column(lambda: _("Nome"), self._equipe_name),
                Column(lambda: _("Professione"), lambda m: term("professions", m.profession)),
                Column(lambda: _("Ente"), lambda m: m.organisation or "", tooltip=True),
            ],
            widths=(160, 120),
            on_new=lambda: self._open("equipe_member", None),
            on_edit=lambda record: self._open("equipe_member", record),
            on_delete=self._delete_equipe,
        )
        self.dispositivi = _Section(
            ui.dispositiviTable,
            ui.dispositiviEmptyLabel,
            (ui.dispositiviNewButton, ui.dispositiviEditButton, ui.dispositiviDeleteButton),
            [
                Column(
                    lambda: _("Dispositivo"),
                    lambda d: term("dispositivi", d.kind),
                    tooltip=True,
                ),
                Column(lambda: _("Dal"), lambda d: day(d.start_date)),
                Column(lambda: _("Al"), lambda d: day(d.end_date)),
            ],
            widths=(220, 80),
            on_new=lambda: self._open("dispositivo", None),
            on_edit=lambda record: self._open("dispositivo", record),
            on_delete=self._delete_dispositivo,
        )
        ui.changePhaseButton.clicked.connect(self._change_phase)
        self.retranslate()
        self.refresh()

    def _equipe_name(self, member: EquipeMember) -> str:
        if member.case_manager:
            return _("{name} (responsabile del caso)").format(name=member.name)
        return member.name

    # --- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        data = self.data
        enabled = data is not None
        case_file = data.case_file if data is not None else None
        self.members.show(case_file.members if case_file else (), enabled=enabled)
        self.equipe.show(
            sorted(case_file.equipe, key=lambda m: not m.case_manager) if case_file else (),
            enabled=enabled,
        )
        self.dispositivi.show(case_file.dispositivi if case_file else (), enabled=enabled)
        self.ui.changePhaseButton.setEnabled(enabled)
        if case_file is None:
            self.ui.detailsLabel.setText("")
            self.ui.timeline.set_pathway((), None)
            return
        self.ui.detailsLabel.setText(self._details())
        self.ui.timeline.set_pathway(case_file.phases, case_file.family.phase)

    def _details(self) -> str:
        assert self.data is not None
        family = self.data.case_file.family
        parts = [
            _("Implementazione: {name}").format(name=family.implementation or "—"),
        ]
        if family.referral_date or family.referral_source:
            parts.append(
                _("Segnalazione: {when}").format(
                    when=", ".join(
                        x for x in (day(family.referral_date), family.referral_source or "") if x
                    )
                )
            )
        if family.preassessment_outcome:
            parts.append(
                _("Analisi preliminare: {outcome}").format(
                    outcome=term("preassessment_outcomes", family.preassessment_outcome)
                )
            )
        if family.start_date:
            parts.append(_("Inizio: {date}").format(date=day(family.start_date)))
        if family.conclusion_date or family.conclusion_variant:
            text = _("Conclusione: {date} {variant}").format(
                date=day(family.conclusion_date),
                variant=term("conclusion_variants", family.conclusion_variant),
            )
            if family.child_placed_out:
                text += " · " + _("un figlio è stato allontanato da casa")
            parts.append(text.strip())
        return "  ·  ".join(parts)

    def retranslate(self) -> None:
        ui = self.ui
        ui.membersEmptyLabel.setText(
            _("Nessun componente registrato. Premi «Aggiungi…» per inserire genitori e figli.")
        )
        ui.equipeEmptyLabel.setText(
            _("Nessun operatore. Premi «Aggiungi…» per comporre l'équipe multidisciplinare.")
        )
        ui.dispositiviEmptyLabel.setText(
            _("Nessun dispositivo attivato. Premi «Aggiungi…» per registrarne uno.")
        )
        for section in (self.members, self.equipe, self.dispositivi):
            section.model.retranslate()
        if self.data is not None:
            ui.detailsLabel.setText(self._details())
        ui.timeline.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    # --- actions ------------------------------------------------------------------------

    def _open(self, kind: str, record: Any) -> None:
        from pippi_desktop.gui.editors.registry import editor_class

        if self.context is None or self.data is None:
            return
        editor = editor_class(kind)(self.context.window(), self.context.session)
        if record is None:
            editor.start_new(self.data)
        else:
            editor.start_edit(self.data, record)
        self.context.open_editor(editor)

    def _change_phase(self) -> None:
        from pippi_desktop.gui.editors.family_editor import FamilyEditor

        if self.context is None or self.data is None:
            return
        editor = FamilyEditor(self.context.window(), self.context.session)
        editor.start_edit(self.data, self.data.case_file.family)
        self.context.open_editor(editor)
        editor.ui.phaseCombo.setFocus()

    def _ask(self, question: str, kind: str, record_id: str) -> None:
        ask_to_delete(
            self.context.window() if self.context else self,
            question=question,
            on_confirm=lambda: self.delete(kind, record_id),
        )

    def _delete_person(self, person: Person) -> None:
        self._ask(
            _("Eliminare {name} dai componenti della famiglia?").format(name=person.full_name),
            "person",
            person.id,
        )

    def _delete_equipe(self, member: EquipeMember) -> None:
        self._ask(
            _("Togliere {name} dall'équipe?").format(name=member.name),
            "equipe_member",
            member.id,
        )

    def _delete_dispositivo(self, dispositivo: Dispositivo) -> None:
        self._ask(
            _("Eliminare il dispositivo «{kind}»?").format(
                kind=term("dispositivi", dispositivo.kind)
            ),
            "dispositivo",
            dispositivo.id,
        )
