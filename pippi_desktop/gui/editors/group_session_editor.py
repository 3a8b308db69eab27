"""A group session (parents' or children's group) and who attended, from any family.

The session belongs to no family; it is opened from a family's tab, which is only where the
user came from. The attendance table lists the invited people with their family code and a
status (presente / assente / assente giustificato); "Invita persone…" finds people of any
family. Saving writes the session and the attendance in one transaction; people taken off the
list get their attendance tombstoned.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import AttendanceInput, GroupSessionInput
from pippi_desktop.gui.editors.invite_dialog import InviteDialog, Invitee
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_group_session_editor import Ui_GroupSessionEditor
from pippi_desktop.gui.labels import day, terms
from pippi_desktop.gui.operations.casefile import (
    LoadedCaseFile,
    LoadedGroupSession,
    load_case_file,
    load_group_session,
)
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_service
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.open_workspace import OpenWorkspace

Attendance = tuple[tuple[str, str], ...]  # (person id, status), in the table's order


@dataclass(frozen=True)
class GroupContext:
    case: LoadedCaseFile | None  # the family the editor was opened from
    session: LoadedGroupSession | None  # None for a new session

    @property
    def family_id(self) -> str | None:
        return self.case.family_id if self.case is not None else None


@dataclass(frozen=True)
class GroupSessionForm:
    """The session's fields, its attendance and, for showing the people, their family code
    and name (kept in a draft as `attendance` [[id, status]] and `people` {id: [code, name]})."""

    value: GroupSessionInput
    attendance: Attendance
    people: Mapping[str, tuple[str, str]] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.value.to_json(),
            "attendance": [list(row) for row in self.attendance],
            "people": {pid: list(shown) for pid, shown in self.people.items()},
        }

    def updated_from_json(self, data: Mapping[str, Any]) -> GroupSessionForm:
        attendance, people = self.attendance, dict(self.people)
        if isinstance(data.get("attendance"), list):
            attendance = tuple((str(pid), str(status)) for pid, status in data["attendance"])
        if isinstance(data.get("people"), dict):
            people.update({str(pid): (str(c), str(n)) for pid, (c, n) in data["people"].items()})
        return GroupSessionForm(self.value.updated_from_json(data), attendance, people)


def _load_group_context(
    ws: OpenWorkspace, family_id: str | None, session_id: str | None
) -> GroupContext:
    case = load_case_file(ws, family_id) if family_id else None
    return GroupContext(case, load_group_session(ws, session_id) if session_id else None)


class GroupSessionEditor(RecordEditor[GroupContext, GroupSessionForm]):
    kind: ClassVar[str] = "group_session"
    draft_kind: ClassVar[str] = "group_session"
    preferred_size: ClassVar[QSize] = QSize(960, 600)
    ui: Ui_GroupSessionEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("groupSessionEditor")
        self.ui = Ui_GroupSessionEditor()
        self.ui.setupUi(self)
        self.connect_form()
        self.people: dict[str, tuple[str, str]] = {}  # person id -> (family code, name)
        self.invite_dialog: InviteDialog | None = None
        table = self.ui.attendanceTable
        table.setColumnCount(3)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 130)
        table.setColumnWidth(1, 170)
        self.ui.inviteButton.clicked.connect(self.open_invite)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        table.itemSelectionChanged.connect(self._update_buttons)
        self._retranslate_table()

    # --- loading ------------------------------------------------------------------------

    def start_new(self, data: object) -> None:
        case = data if isinstance(data, LoadedCaseFile) else None
        self.family_id = case.family_id if case is not None else None
        self.record_id = None
        context = GroupContext(case, None)
        self._take(context, self.default_form(context))

    def start_edit_session(self, data: LoadedCaseFile | None, session_id: str) -> None:
        self.load(data.family_id if data is not None else None, session_id)

    def context_loader(self) -> Callable[[OpenWorkspace], GroupContext]:
        family_id, session_id = self.family_id, self.record_id
        return lambda ws: _load_group_context(ws, family_id, session_id)

    def fill_choices(self, data: GroupContext) -> None:
        self.data = data.case
        fill_combo(self.ui.kindCombo, terms("group_kinds"))
        if data.session is not None:
            for person_id, invited in data.session.people.items():
                self.people.setdefault(person_id, (invited.family_code, invited.person.full_name))

    def default_form(self, data: GroupContext) -> GroupSessionForm:
        return GroupSessionForm(GroupSessionInput(kind="genitori", date=date.today(), topic=""), ())

    def stored_form(self, data: GroupContext, record_id: str) -> GroupSessionForm | None:
        loaded = data.session
        if loaded is None or loaded.session is None:
            return None
        people = {pid: (p.family_code, p.person.full_name) for pid, p in loaded.people.items()}
        attendance = sorted(
            ((pid, status) for pid, (status, _notes) in loaded.attendance.items()),
            key=lambda row: people.get(row[0], ("", ""))[::-1],
        )
        return GroupSessionForm(
            GroupSessionInput.of(loaded.session),
            tuple(attendance),
            {pid: people[pid] for pid in loaded.attendance if pid in people},
        )

    # --- the form -----------------------------------------------------------------------

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "kind": ui.kindCombo,
            "date": ui.dateEdit,
            "start_time": ui.startTimeEdit,
            "duration_minutes": ui.durationSpin,
            "topic": ui.topicEdit,
            "place": ui.placeEdit,
            "facilitators": ui.facilitatorsEdit,
            "notes": ui.notesEdit,
            "status": ui.attendanceTable,
            "person_id": ui.attendanceTable,
        }

    def form(self) -> GroupSessionForm:
        ui = self.ui
        facilitators = tuple(
            line.strip() for line in ui.facilitatorsEdit.toPlainText().splitlines() if line.strip()
        )
        attendance = self.attendance()
        value = GroupSessionInput(
            kind=combo_text(ui.kindCombo),
            date=ui.dateEdit.day(),
            start_time=text_or_none(ui.startTimeEdit.text().strip()),
            duration_minutes=ui.durationSpin.value() or None,
            topic=ui.topicEdit.text().strip(),
            facilitators=facilitators,
            place=text_or_none(ui.placeEdit.text().strip()),
            notes=text_or_none(ui.notesEdit.toPlainText()),
        )
        people = {pid: self.people[pid] for pid, _status in attendance if pid in self.people}
        return GroupSessionForm(value, attendance, people)

    def set_form(self, form: GroupSessionForm) -> None:
        ui, value = self.ui, form.value
        set_combo_value(ui.kindCombo, value.kind)
        ui.dateEdit.set_iso(value.date)
        ui.startTimeEdit.setText(value.start_time or "")
        ui.durationSpin.setValue(value.duration_minutes or 0)
        ui.topicEdit.setText(value.topic)
        ui.placeEdit.setText(value.place or "")
        ui.facilitatorsEdit.setPlainText("\n".join(value.facilitators))
        ui.notesEdit.setPlainText(value.notes or "")
        self.people.update(form.people)
        self._fill_table(form.attendance)

    # --- attendance ---------------------------------------------------------------------

    def attendance(self) -> Attendance:
        table = self.ui.attendanceTable
        rows = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            combo = table.cellWidget(row, 2)
            if item is not None and isinstance(combo, QComboBox):
                rows.append((str(item.data(Qt.ItemDataRole.UserRole)), str(combo.currentData())))
        return tuple(rows)

    def _fill_table(self, rows: Attendance) -> None:
        table = self.ui.attendanceTable
        table.setRowCount(0)
        for person_id, status in rows:
            self._add_row(person_id, status)
        self._update_buttons()

    def _add_row(self, person_id: str, status: str) -> None:
        table = self.ui.attendanceTable
        code, name = self.people.get(person_id, ("", "—"))
        row = table.rowCount()
        table.insertRow(row)
        code_item = QTableWidgetItem(code)
        code_item.setData(Qt.ItemDataRole.UserRole, person_id)
        table.setItem(row, 0, code_item)
        table.setItem(row, 1, QTableWidgetItem(name))
        combo = QComboBox(table)
        fill_combo(combo, terms("attendance"))
        set_combo_value(combo, status)
        combo.setAccessibleName(_("Presenza di {name}").format(name=name))
        table.setCellWidget(row, 2, combo)

    def add_people(self, invitees: list[Invitee]) -> None:
        present = {pid for pid, _status in self.attendance()}
        for invitee in invitees:
            if invitee.person_id in present:
                continue
            self.people[invitee.person_id] = (invitee.family_code, invitee.name)
            self._add_row(invitee.person_id, "presente")
        self._update_buttons()

    def remove_selected(self) -> None:
        table = self.ui.attendanceTable
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        self._update_buttons()

    def open_invite(self) -> InviteDialog:
        already = {pid for pid, _status in self.attendance()}
        dialog = InviteDialog(self.session, already, self)
        dialog.invited.connect(self.add_people)
        dialog.finished.connect(lambda _result: self._invite_closed(dialog))
        self.invite_dialog = dialog
        dialog.open()
        code = self.data.case_file.family.code if self.data is not None else ""
        dialog.set_search(code)
        return dialog

    def _invite_closed(self, dialog: InviteDialog) -> None:
        if self.invite_dialog is dialog:
            self.invite_dialog = None
        dialog.deleteLater()

    def _update_buttons(self) -> None:
        self.ui.removeButton.setEnabled(bool(self.ui.attendanceTable.selectedIndexes()))

    def _retranslate_table(self) -> None:
        self.ui.attendanceTable.setHorizontalHeaderLabels(
            [_("Famiglia"), _("Persona"), _("Presenza")]
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._retranslate_table()

    # --- saving -------------------------------------------------------------------------

    def write_call(
        self, value: GroupSessionForm, before: GroupSessionForm | None
    ) -> Callable[[OpenWorkspace], SaveResult]:
        """The session, the people whose status is new or changed, the people removed."""
        earlier = dict(before.attendance) if before is not None else {}
        now = dict(value.attendance)
        rows = [
            AttendanceInput(person_id=pid, status=status)
            for pid, status in now.items()
            if earlier.get(pid) != status or before is None
        ]
        removed = [pid for pid in earlier if pid not in now]
        record_id = self.record_id
        return lambda ws: casefile_service.save_group_session(
            ws,
            value.value,
            rows,
            removed=removed,
            record_id=record_id,
            before=before.value if before is not None else None,
        )

    def title(self) -> str:
        if self.record_id is None:
            return _("Nuovo incontro di gruppo")
        return _("Incontro di gruppo del {date}").format(date=day(self.ui.dateEdit.day()))
