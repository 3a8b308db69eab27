"""Inviting people of any family to a group session: find the family, tick its members.

The search is the family list's (code or names, accent-insensitive), run on the worker as
you type; answers to an older text are dropped. `invited` carries the ticked people.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from pippi_desktop.domain.i18n import _, ngettext
from pippi_desktop.domain.records import FamilySummary, Person
from pippi_desktop.gui.forms.ui_invite_dialog import Ui_InviteDialog
from pippi_desktop.gui.labels import person_label
from pippi_desktop.gui.operations.casefile import family_members
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.widgets.fit import fit_to_contents
from pippi_desktop.services import casefile_view

RESULTS = 30


@dataclass(frozen=True)
class Invitee:
    person_id: str
    name: str
    family_code: str


class InviteDialog(QDialog):
    invited = Signal(list)  # list[Invitee]

    def __init__(
        self, session: WorkspaceSession, already: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.session = session
        self.already = set(already)
        self.ui = Ui_InviteDialog()
        self.ui.setupUi(self)
        self._request = 0
        self._members: dict[str, Person] = {}
        self._code = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.search)
        self.ui.searchEdit.textEdited.connect(lambda _text: self.timer.start())
        self.ui.searchEdit.returnPressed.connect(self.search)
        self.ui.familyList.currentItemChanged.connect(self._family_chosen)
        self.ui.memberList.changed.connect(self._update)
        self.ui.addButton.clicked.connect(self.invite)
        self.ui.closeButton.clicked.connect(self.reject)
        self._hint()
        self._update()

    def search(self) -> None:
        self.timer.stop()
        self._request += 1
        request, text = self._request, self.ui.searchEdit.text().strip()
        self.session.query(
            self, lambda ws: casefile_view.list_families(ws, search=text or None, limit=RESULTS)
        ).success(lambda rows: self._found(request, rows)).run()

    def _found(self, request: int, rows: list[FamilySummary]) -> None:
        if request != self._request:
            return
        self.ui.familyList.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.code} · {row.names}", self.ui.familyList)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if rows:
            self.ui.familyList.setCurrentRow(0)
        else:
            self.ui.memberList.set_items([])
        self._update()

    def _family_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        self._hint()
        self._request += 1
        request, family_id = self._request, str(item.data(Qt.ItemDataRole.UserRole))
        self.session.query(self, lambda ws: family_members(ws, family_id)).success(
            lambda found: self._members_arrived(request, found)
        ).run()

    def _members_arrived(self, request: int, found: tuple[str, tuple[Person, ...]]) -> None:
        if request != self._request:
            return
        self._code, members = found
        self._members = {p.id: p for p in members if p.id not in self.already}
        self.ui.memberList.set_items((p.id, person_label(p)) for p in self._members.values())
        if not self._members:
            self.ui.resultLabel.setText(
                _("Tutti i componenti della famiglia {code} sono già nell'elenco.").format(
                    code=self._code
                )
            )
        self._update()

    def invite(self) -> None:
        chosen = [
            Invitee(pid, self._members[pid].full_name, self._code)
            for pid in self.ui.memberList.checked_ids()
            if pid in self._members
        ]
        if not chosen:
            return
        self.already.update(i.person_id for i in chosen)
        self.invited.emit(chosen)
        for invitee in chosen:
            self._members.pop(invitee.person_id, None)
        self.ui.memberList.set_items((p.id, person_label(p)) for p in self._members.values())
        self.ui.resultLabel.setText(
            ngettext(
                "Invitata {count} persona della famiglia {code}.",
                "Invitate {count} persone della famiglia {code}.",
                len(chosen),
            ).format(count=len(chosen), code=self._code)
        )
        self._update()

    def _update(self) -> None:
        self.ui.addButton.setEnabled(bool(self.ui.memberList.checked_ids()))

    def _hint(self) -> None:
        self.ui.resultLabel.setText(
            _("Scegli una famiglia, spunta le persone da invitare e premi «Invita».")
        )

    def set_search(self, text: str) -> None:
        self.ui.searchEdit.setText(text)
        self.search()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
            self.resize(max(self.width(), 640), max(self.height(), 420))
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._hint()
        super().changeEvent(event)
