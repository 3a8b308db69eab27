"""The base of the case-file editors: load, fill the form, validate at the field, save.

A record editor is an `EditorDialog` (Ctrl+S, Esc asks, drafts on lock) over one record of
one family. Its life:

    editor.start_new(loaded_case_file)           # a new record, defaults in the form
    editor.start_edit(loaded_case_file, record)  # an existing one
    editor.restore_draft(state)                  # after unlocking: loads the case file on
                                                 # the worker, then puts the draft back

`RecordEditor[C, F]` is typed by what it loads (`C`, by default the `LoadedCaseFile`) and by
its form's value `F`: the record's typed input (`domain.record_inputs`, e.g. `VisitInput`), or
a small dataclass holding the input and what else the form edits (a family's "phase from"
date, an assessment's entries, a session's attendance). `F` turns into the draft's JSON
(`to_json`) and back (`updated_from_json`). On save the services get the input as the form
holds it and as it was loaded (`before`): only the fields that differ are written. The
services check everything, and an `InvalidRecord(field=…)` comes back as a message under that
field (`FieldErrors`).

Subclasses give: `kind`, the form (`self.ui` with `saveButton` and `cancelButton`), the map
of field keys to widgets, `fill_choices`, `stored_form`, `default_form`, `form`, `set_form`,
`title` and, when the form is more than one record's input, `write_call`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from pippi_desktop.domain.errors import InvalidRecord, PippiError
from pippi_desktop.domain.record_inputs import RecordInput
from pippi_desktop.domain.records import Record
from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, changes_of, load_case_file
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.widgets.field_errors import FieldErrors
from pippi_desktop.gui.widgets.fit import fit_to_contents
from pippi_desktop.services import casefile_service
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.open_workspace import OpenWorkspace


class FormValue(Protocol):
    """What an editor's form holds: comparable, and kept in a draft as JSON."""

    def to_json(self) -> dict[str, Any]: ...

    def updated_from_json(self, data: Mapping[str, Any]) -> Self: ...


C = TypeVar("C")
F = TypeVar("F", bound=FormValue)


class EditorForm(Protocol):
    """The part of a compiled form every record editor uses."""

    saveButton: QPushButton
    cancelButton: QPushButton

    def retranslateUi(self, form: Any) -> None: ...


def fill_combo(
    combo: QComboBox, items: Iterable[tuple[object, str]], *, empty: str | None = None
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


def combo_text(combo: QComboBox) -> str:
    """The chosen item's data as text ("" when the empty item is chosen)."""
    data = combo.currentData()
    return "" if data is None else str(data)


def combo_code(combo: QComboBox) -> str | None:
    """The chosen item's data as text, None for the empty item."""
    data = combo.currentData()
    return None if data is None else str(data)


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


class RecordEditor(EditorDialog, Generic[C, F]):
    kind: ClassVar[str] = ""
    preferred_size: ClassVar[QSize] = QSize(0, 0)  # wider than the layout's minimum, if room
    loaded = Signal()
    ui: EditorForm

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(session, parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.data: LoadedCaseFile | None = None
        self.loaded_context: C | None = None
        self.family_id: str | None = None
        self.record_id: str | None = None
        self.is_loaded = False
        self._initial: F | None = None
        self._pending: dict[str, Any] | None = None
        self._saving = False
        self._key: str | None = None
        self.errors = FieldErrors(self, {})

    # --- for subclasses -----------------------------------------------------------------

    def field_widgets(self) -> dict[str, QWidget]:
        raise NotImplementedError

    def fill_choices(self, data: C) -> None:
        """Fill combo boxes and check lists from what was loaded."""

    def stored_form(self, data: C, record_id: str) -> F | None:
        """The form's value for the stored record (None if it is gone)."""
        raise NotImplementedError

    def default_form(self, data: C) -> F:
        raise NotImplementedError

    def form(self) -> F:
        """What the form holds now."""
        raise NotImplementedError

    def set_form(self, value: F) -> None:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def context_loader(self) -> Callable[[OpenWorkspace], C]:
        """The worker call that loads what the form needs (the case file, unless overridden:
        then `C` is not `LoadedCaseFile`)."""
        family_id = self.family_id
        assert family_id is not None
        load: Callable[[OpenWorkspace, str], Any] = load_case_file
        return lambda ws: load(ws, family_id)

    def write_call(self, value: F, before: F | None) -> Callable[[OpenWorkspace], SaveResult]:
        """The worker call that saves `value` (`before`: what the form loaded, None for a new
        record). By default the form holds one record's input."""
        record_id = self.record_id
        if not isinstance(value, RecordInput) or not isinstance(before, RecordInput | None):
            raise NotImplementedError("an editor whose form is not one input gives write_call")
        return lambda ws: casefile_service.save_record(
            ws, value, record_id=record_id, before=before
        )

    def has_changes_to_save(self, value: F, before: F) -> bool:
        """Whether saving an existing record would change anything."""
        return value != before

    def require_family_id(self) -> str:
        """The family the record belongs to (known once the editor has started)."""
        if self.family_id is None:
            raise RuntimeError("the editor has no family yet")
        return self.family_id

    # --- starting -----------------------------------------------------------------------

    def connect_form(self) -> None:
        """Call after `setupUi`: buttons, the field map, titles."""
        save, cancel = self.ui.saveButton, self.ui.cancelButton
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        save.setDefault(False)
        save.setAutoDefault(False)
        cancel.setAutoDefault(False)
        self.errors = FieldErrors(self, self.field_widgets())
        save.setEnabled(False)  # until the form is filled

    def start_new(self, data: C) -> None:
        self.family_id = _family_of(data)
        self.record_id = None
        self._take(data, self.default_form(data))

    def start_edit(self, data: C, record: Record) -> None:
        self.family_id = _family_of(data)
        self.record_id = record.id
        stored = self.stored_form(data, record.id)
        self._take(data, stored if stored is not None else self.default_form(data))

    def _take(self, data: C, value: F) -> None:
        self._key = self.draft_key()
        if isinstance(data, LoadedCaseFile):
            self.data = data
        self.loaded_context = data
        self.fill_choices(data)
        self.set_form(value)
        self._initial = self.form()
        self.is_loaded = True
        self.ui.saveButton.setEnabled(True)
        self.retitle()
        self.focus_first_field()
        self.loaded.emit()

    def focus_first_field(self) -> None:
        """The keyboard starts in the first field that can be changed."""
        for widget in self.field_widgets().values():
            read_only = getattr(widget, "isReadOnly", None)
            if widget.isEnabled() and not widget.isHidden() and not (read_only and read_only()):
                widget.setFocus()
                return

    def load(self, family_id: str | None, record_id: str | None = None) -> None:
        """Load what the form needs on the worker, then fill it (the record, or defaults)."""
        self.family_id, self.record_id = family_id, record_id
        self.session.query(self, self.context_loader()).success(self._loaded_context).failure(
            self._context_failed
        ).run()

    def _loaded_context(self, data: C) -> None:
        stored = self.stored_form(data, self.record_id) if self.record_id else None
        self._take(data, stored if stored is not None else self.default_form(data))

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.family_id = state.get("family_id")
        self.record_id = state.get("record_id")
        self._pending = dict(state.get("values") or {})
        self._key = self.draft_key()
        self.session.query(self, self.context_loader()).success(self._draft_context).failure(
            self._context_failed
        ).run()

    def _draft_context(self, data: C) -> None:
        pending, self._pending = self._pending or {}, None
        stored = self.stored_form(data, self.record_id) if self.record_id else None
        self._take(data, stored if stored is not None else self.default_form(data))
        self.set_form(self.form().updated_from_json(pending))

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
        return self.is_loaded and self.form() != self._initial

    def draft_state(self) -> dict[str, Any]:
        return {
            "family_id": self.family_id,
            "record_id": self.record_id,
            "values": self._pending if self._pending is not None else self.form().to_json(),
        }

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.is_loaded or self._saving:
            return
        self.errors.clear()
        value = self.form()
        before = self._initial if self.record_id is not None else None
        if before is not None and not self.has_changes_to_save(value, before):
            self._initial = value
            self.finish_saved()  # nothing changed
            return
        self._saving = True
        self.ui.saveButton.setEnabled(False)
        self.session.write(self, self.write_call(value, before), changes=changes_of).success(
            lambda result: self._saved(result, value)
        ).failure(self.show_save_error).finally_(self._save_ended).run()

    def _saved(self, result: SaveResult, value: F) -> None:
        self.record_id = result.record_id
        self._initial = value
        self.finish_saved()

    def _save_ended(self) -> None:
        self._saving = False
        if self.isVisible():
            self.ui.saveButton.setEnabled(True)

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
        self.ui.retranslateUi(self)
        if self.is_loaded and self.loaded_context is not None:
            value = self.form()
            self.fill_choices(self.loaded_context)
            self.set_form(value)
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


def _family_of(data: object) -> str | None:
    """The family of what an editor loaded (a case file, or a context that names one)."""
    family_id = getattr(data, "family_id", None) if data is not None else None
    return family_id if isinstance(family_id, str) else None
