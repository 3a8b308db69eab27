"""The base of the case-file editors: load, fill the form, validate at the field, save.

A record editor is an `EditorDialog` (Ctrl+S, Esc asks, drafts on lock) over one record of
one family. Its life:

    editor.start_new(loaded_case_file)           # a new record, defaults in the form
    editor.start_edit(loaded_case_file, record)  # an existing one
    editor.restore_draft(state)                  # after unlocking: loads the case file on
                                                 # the worker, then puts the draft back

Form values (`form_values()`) are plain JSON values — dates as ISO text, times as typed,
lists of ids — so they are the draft state as they are, and what the services take. On save
only the fields that differ from the record are sent; the services check everything, and an
`InvalidRecord(field=…)` comes back as a message under that field (`FieldErrors`).

Subclasses give: `kind`, the form (`self.ui` with `saveButton` and `cancelButton`), the map
of field keys to widgets, `fill_choices`, `values_of`, `default_values`, `form_values`,
`set_form_values`, `title` and, when saving is more than one record, `write_call`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from pippi_desktop.domain.errors import InvalidRecord, PippiError
from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.operations.casefile import (
    LoadedCaseFile,
    changes_of,
    load_case_file,
    save_record,
)
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.widgets.field_errors import FieldErrors
from pippi_desktop.gui.widgets.fit import fit_to_contents
from pippi_desktop.services.casefile_service import SaveResult

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import Workspace


def fill_combo(
    combo: QComboBox, items: Iterable[tuple[str | None, str]], *, empty: str | None = None
) -> None:
    """Items (data, text); with `empty`, a first item meaning "none" (data None)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def combo_value(combo: QComboBox) -> Any:
    return combo.currentData()


def set_combo_value(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value) if value is not None else -1
    if index < 0 and value is None and combo.count() and combo.itemData(0) is None:
        index = 0
    if index < 0 and value is not None:
        combo.addItem(str(value), value)  # a code this vocabulary no longer lists: keep it
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def text_or_none(text: str) -> str | None:
    return text if text.strip() else None


class RecordEditor(EditorDialog):
    kind: ClassVar[str] = ""
    preferred_size: ClassVar[QSize] = QSize(0, 0)  # wider than the layout's minimum, if room
    loaded = Signal()

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(session, parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.data: LoadedCaseFile | None = None
        self.loaded_context: Any = None
        self.family_id: str | None = None
        self.record_id: str | None = None
        self.is_loaded = False
        self._initial: dict[str, Any] = {}
        self._pending: dict[str, Any] | None = None
        self._saving = False
        self._key: str | None = None
        self.errors = FieldErrors(self, {})

    # --- for subclasses -----------------------------------------------------------------

    def field_widgets(self) -> dict[str, QWidget]:
        raise NotImplementedError

    def fill_choices(self, data: Any) -> None:
        """Fill combo boxes and check lists from the loaded case file."""

    def values_of(self, data: Any, record_id: str) -> dict[str, Any] | None:
        """The form values of the stored record (None if it is gone)."""
        raise NotImplementedError

    def default_values(self, data: Any) -> dict[str, Any]:
        raise NotImplementedError

    def form_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_form_values(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def context_loader(self) -> Callable[[Workspace], Any]:
        """The worker call that loads what the form needs (by default the case file)."""
        family_id = self.family_id
        assert family_id is not None
        return lambda ws: load_case_file(ws, family_id)

    def payload(self, values: dict[str, Any]) -> dict[str, Any]:
        """What to send: every value for a new record, the changed ones for an existing one."""
        if self.record_id is None:
            sent = {key: value for key, value in values.items() if value not in (None, [], "")}
            if self.family_id is not None and self.kind != "family":
                sent["family_id"] = self.family_id
            return sent
        return {key: value for key, value in values.items() if self._initial.get(key) != value}

    def write_call(self, payload: dict[str, Any]) -> Callable[[Workspace], SaveResult]:
        kind, record_id = self.kind, self.record_id
        return lambda ws: save_record(ws, kind, payload, record_id)

    # --- starting -----------------------------------------------------------------------

    def connect_form(self) -> None:
        """Call after `setupUi`: buttons, the field map, titles."""
        save: QPushButton = self.ui.saveButton  # type: ignore[attr-defined]
        cancel: QPushButton = self.ui.cancelButton  # type: ignore[attr-defined]
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save.setDefault(False)
        save.setAutoDefault(False)
        cancel.setAutoDefault(False)
        self.errors = FieldErrors(self, self.field_widgets())
        save.setEnabled(False)  # until the form is filled

    def start_new(self, data: Any) -> None:
        self.family_id = data.family_id if data is not None else None
        self.record_id = None
        self._take(data, self.default_values(data))

    def start_edit(self, data: Any, record: Any) -> None:
        self.family_id = data.family_id if data is not None else None
        self.record_id = str(record.id)
        values = self.values_of(data, self.record_id)
        self._take(data, values if values is not None else self.default_values(data))

    def _take(self, data: Any, values: dict[str, Any]) -> None:
        self._key = self.draft_key()
        self.data = data
        self.loaded_context = data
        self.fill_choices(data)
        self.set_form_values(values)
        self._initial = self.form_values()
        self.is_loaded = True
        self.ui.saveButton.setEnabled(True)  # type: ignore[attr-defined]
        self.retitle()
        self.focus_first_field()
        self.loaded.emit()

    def focus_first_field(self) -> None:
        """The keyboard starts in the first field that can be changed."""
        for widget in self.field_widgets().values():
            if (
                widget.isEnabled()
                and not widget.isHidden()
                and not getattr(widget, "isReadOnly", lambda: False)()
            ):
                widget.setFocus()
                return

    def load(self, family_id: str | None, record_id: str | None = None) -> None:
        """Load what the form needs on the worker, then fill it (the record, or defaults)."""
        self.family_id, self.record_id = family_id, record_id
        self.session.query(self, self.context_loader()).success(self._loaded_context).failure(
            self._context_failed
        ).run()

    def _loaded_context(self, data: Any) -> None:
        stored = self.values_of(data, self.record_id) if self.record_id else None
        self._take(data, stored if stored is not None else self.default_values(data))

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.family_id = state.get("family_id")
        self.record_id = state.get("record_id")
        self._pending = dict(state.get("values") or {})
        self._key = self.draft_key()
        self.session.query(self, self.context_loader()).success(self._draft_context).failure(
            self._context_failed
        ).run()

    def _draft_context(self, data: Any) -> None:
        pending, self._pending = self._pending or {}, None
        stored = self.values_of(data, self.record_id) if self.record_id else None
        self._take(data, stored if stored is not None else self.default_values(data))
        self.set_form_values({**self.form_values(), **pending})

    def _context_failed(self, error: PippiError) -> None:
        show_error(self, error)

    # --- the draft protocol -------------------------------------------------------------

    def draft_key(self) -> str:
        """Fixed once the editor has its record: a new record keeps its "new" key after saving,
        so the draft it may have left is the one deleted."""
        if self._key is not None:
            return self._key
        if self.record_id:
            return f"{self.kind}:{self.record_id}"
        return f"{self.kind}:new:{self.family_id or '-'}"

    def draft_title(self) -> str:
        return self.title()

    def has_unsaved_changes(self) -> bool:
        if self._pending is not None:
            return True
        return self.is_loaded and self.form_values() != self._initial

    def draft_state(self) -> dict[str, Any]:
        return {
            "family_id": self.family_id,
            "record_id": self.record_id,
            "values": self._pending if self._pending is not None else self.form_values(),
        }

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.is_loaded or self._saving:
            return
        self.errors.clear()
        values = self.form_values()
        payload = self.payload(values)
        if self.record_id is not None and not payload:
            self._initial = values
            self.finish_saved()  # nothing changed
            return
        self._saving = True
        self.ui.saveButton.setEnabled(False)  # type: ignore[attr-defined]
        self.session.write(self, self.write_call(payload), changes=changes_of).success(
            lambda result: self._saved(result, values)
        ).failure(self.show_save_error).finally_(self._save_ended).run()

    def _saved(self, result: SaveResult, values: dict[str, Any]) -> None:
        self.record_id = result.record_id
        self._initial = values
        self.finish_saved()

    def _save_ended(self) -> None:
        self._saving = False
        if self.isVisible():
            self.ui.saveButton.setEnabled(True)  # type: ignore[attr-defined]

    def show_save_error(self, error: PippiError) -> None:
        field = error.params.get("field") if isinstance(error, InvalidRecord) else None
        if isinstance(field, str) and self.errors.knows(field):
            self.errors.show(field, error)
        else:
            show_error(self, error)

    # --- window -------------------------------------------------------------------------

    def retitle(self) -> None:
        self.setWindowTitle(self.title())

    def retranslate(self) -> None:
        """The language changed: the form's texts, then the computed ones."""
        self.ui.retranslateUi(self)  # type: ignore[attr-defined]
        if self.is_loaded:
            values = self.form_values()
            self.fill_choices(self.loaded_context)
            self.set_form_values(values)
            self.retitle()
        self.errors.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
            screen = self.screen().availableGeometry()
            self.resize(
                min(max(self.width(), self.preferred_size.width()), int(screen.width() * 0.95)),
                min(max(self.height(), self.preferred_size.height()), int(screen.height() * 0.92)),
            )
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ui"):
            self.retranslate()
        super().changeEvent(event)
