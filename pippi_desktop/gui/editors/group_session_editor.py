"""A group session (parents' or children's group) and who attended, from any family.

The session belongs to no family; it is opened from a family's tab, which is only where the
user came from. The attendance table lists the invited people with their family code and a
status (presente / assente / assente giustificato); "Invita persone…" finds people of any
family. Saving writes the session and the attendance in one transaction; people taken off the
list get their attendance tombstoned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.editors.invite_dialog import InviteDialog, Invitee
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_value,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_group_session_editor import Ui_GroupSessionEditor
from pippi_desktop.gui.labels import day, terms
from pippi_desktop.gui.operations.casefile import (
    AttendanceRow,
    LoadedCaseFile,
    LoadedGroupSession,
    load_case_file,
    load_group_session,
    save_group_session,
)
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services.casefile_service import SaveResult

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import Workspace

SESSION_FIELDS = (
    "kind",
    "date",
    "start_time",
    "duration_minutes",
    "topic",
    "place",
    "facilitators",
    "notes",
)


@dataclass(frozen=True)
class GroupContext:
    case: LoadedCaseFile | None  # the family the editor was opened from
    session: LoadedGroupSession | None  # None for a new session

    @property
    def family_id(self) -> str | None:
        return self.case.family_id if self.case is not None else None


def _load_group_context(
    ws: Workspace, family_id: str | None, session_id: str | None
) -> GroupContext:
    case = load_case_file(ws, family_id) if family_id else None
    return GroupContext(case, load_group_session(ws, session_id) if session_id else None)


class GroupSessionEditor(RecordEditor):
    kind: ClassVar[str] = "group_session"
    draft_kind: ClassVar[str] = "group_session"
    preferred_size: ClassVar[QSize] = QSize(960, 600)

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

    def start_new(self, data: Any) -> None:
        self.family_id = data.family_id if data is not None else None
        self.record_id = None
        self._take(GroupContext(data, None), self.default_values(GroupContext(data, None)))

    def start_edit_session(self, data: LoadedCaseFile | None, session_id: str) -> None:
        self.load(data.family_id if data is not None else None, session_id)

    def context_loader(self) -> Callable[[Workspace], GroupContext]:
        family_id, session_id = self.family_id, self.record_id
        return lambda ws: _load_group_context(ws, family_id, session_id)

    def fill_choices(self, data: GroupContext) -> None:
        self.data = data.case
        fill_combo(self.ui.kindCombo, terms("group_kinds"))
        if data.session is not None:
            for person_id, invited in data.session.people.items():
                self.people.setdefault(person_id, (invited.family_code, invited.person.full_name))

    def default_values(self, data: GroupContext) -> dict[str, Any]:
        return {"kind": "genitori", "date": date.today().isoformat(), "attendance": []}

    def values_of(self, data: GroupContext, record_id: str) -> dict[str, Any] | None:
        loaded = data.session
        if loaded is None or loaded.session is None:
            return None
        session = loaded.session
        people = {pid: (p.family_code, p.person.full_name) for pid, p in loaded.people.items()}
        return {
            "kind": session.kind,
            "date": session.date.isoformat(),
            "start_time": session.start_time,
            "duration_minutes": session.duration_minutes,
            "topic": session.topic,
            "place": session.place,
            "facilitators": list(session.facilitators),
            "notes": session.notes,
            "attendance": sorted(
                ([pid, status] for pid, (status, _notes) in loaded.attendance.items()),
                key=lambda row: people.get(row[0], ("", ""))[::-1],
            ),
            "people": {pid: list(people[pid]) for pid in loaded.attendance if pid in people},
        }

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

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        facilitators = [
            line.strip() for line in ui.facilitatorsEdit.toPlainText().splitlines() if line.strip()
        ]
        attendance = self.attendance()
        return {
            "kind": combo_value(ui.kindCombo),
            "date": ui.dateEdit.iso(),
            "start_time": text_or_none(ui.startTimeEdit.text().strip()),
            "duration_minutes": ui.durationSpin.value() or None,
            "topic": text_or_none(ui.topicEdit.text().strip()),
            "place": text_or_none(ui.placeEdit.text().strip()),
            "facilitators": facilitators,
            "notes": text_or_none(ui.notesEdit.toPlainText()),
            "attendance": attendance,
            "people": {pid: list(self.people[pid]) for pid, _s in attendance if pid in self.people},
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        set_combo_value(ui.kindCombo, values.get("kind"))
        ui.dateEdit.set_iso(values.get("date"))
        ui.startTimeEdit.setText(values.get("start_time") or "")
        ui.durationSpin.setValue(int(values.get("duration_minutes") or 0))
        ui.topicEdit.setText(values.get("topic") or "")
        ui.placeEdit.setText(values.get("place") or "")
        ui.facilitatorsEdit.setPlainText("\n".join(values.get("facilitators") or []))
        ui.notesEdit.setPlainText(values.get("notes") or "")
        for pid, (code, name) in (values.get("people") or {}).items():
            self.people[pid] = (code, name)
        self._fill_table([(str(p), str(s)) for p, s in values.get("attendance") or []])

    # --- attendance ---------------------------------------------------------------------

    def attendance(self) -> list[list[str]]:
        table = self.ui.attendanceTable
        rows = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            combo = table.cellWidget(row, 2)
            if item is not None and isinstance(combo, QComboBox):
                rows.append([str(item.data(Qt.ItemDataRole.UserRole)), str(combo.currentData())])
        return rows

    def _fill_table(self, rows: list[tuple[str, str]]) -> None:
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

    def payload(self, values: dict[str, Any]) -> dict[str, Any]:
        session_values = {key: values[key] for key in SESSION_FIELDS}
        if self.record_id is None:
            return {k: v for k, v in session_values.items() if v not in (None, [], "")}
        changed = {k: v for k, v in session_values.items() if self._initial.get(k) != v}
        if values["attendance"] != self._initial.get("attendance"):
            changed["_attendance"] = True  # something to save even if the session is unchanged
        return changed

    def write_call(self, payload: dict[str, Any]) -> Callable[[Workspace], SaveResult]:
        payload = {k: v for k, v in payload.items() if k != "_attendance"}
        before = dict((pid, status) for pid, status in self._initial.get("attendance") or [])
        now = dict((pid, status) for pid, status in self.attendance())
        rows = [
            AttendanceRow(pid, status)
            for pid, status in now.items()
            if before.get(pid) != status or self.record_id is None
        ]
        removed = [pid for pid in before if pid not in now]
        session_id = self.record_id
        return lambda ws: save_group_session(ws, payload, rows, removed, session_id)

    def title(self) -> str:
        if self.record_id is None:
            return _("Nuovo incontro di gruppo")
        return _("Incontro di gruppo del {date}").format(
            date=day(self.ui.dateEdit.date().toPython())
        )
