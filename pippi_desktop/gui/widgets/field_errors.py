"""Messages next to the field they are about ("La data non può essere nel futuro").

`FieldErrors(window, {"date": ui.dateEdit, …})` maps the field keys of the services'
`InvalidRecord(field=…)` to the widgets of a form. `show(field, text)` puts a red label right
under the field (in a form layout: a row of its own below; in a box layout: the next item),
marks the field (`invalid` property, styled in app.qss), gives the text to screen readers
(accessible description) and moves the focus there. `clear()` removes every message.
"""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QFormLayout,
    QLabel,
    QLayout,
    QTabWidget,
    QWidget,
)

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.widgets.fit import grow_to_contents


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return layout
        child = item.layout()
        if child is not None and (found := _layout_holding(child, widget)) is not None:
            return found
    return None


class FieldErrors:
    def __init__(self, window: QWidget, widgets: dict[str, QWidget]) -> None:
        self.window = window
        self.widgets = widgets
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, PippiError] = {}

    def knows(self, field: str) -> bool:
        return field in self.widgets

    def show(self, field: str, error: PippiError) -> QLabel | None:
        """Show `error`'s sentence under the field (in the current language)."""
        widget = self.widgets.get(field)
        if widget is None:
            return None
        self.clear(field)
        text = error.message(current_lang())
        label = QLabel(text)
        label.setObjectName(f"{field}Error")
        label.setProperty("role", "error")
        label.setWordWrap(True)
        if not self._place(widget, label):
            label.deleteLater()
            return None
        self.labels[field] = label
        self.errors[field] = error
        label.show()  # a widget added to a shown layout would only appear on the next event
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.setAccessibleDescription(text)
        self._reveal(widget)
        widget.setFocus()
        grow_to_contents(self.window)
        return label

    def _place(self, widget: QWidget, label: QLabel) -> bool:
        parent = widget.parentWidget()
        parent_layout = parent.layout() if parent is not None else None
        if parent_layout is None:
            return False
        layout = _layout_holding(parent_layout, widget)
        if isinstance(layout, QFormLayout):
            # PySide6's stub says `object`; Qt returns (row, role)
            row, _role = cast(tuple[int, QFormLayout.ItemRole], layout.getWidgetPosition(widget))
            layout.insertRow(row + 1, label)
            return True
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(widget) + 1, label)
            return True
        return False

    def _reveal(self, widget: QWidget) -> None:
        """Show the tab and scroll position the field is on."""
        child: QWidget | None = widget
        while child is not None and child is not self.window:
            parent = child.parentWidget()
            stack_owner = parent.parentWidget() if parent is not None else None
            if isinstance(stack_owner, QTabWidget):
                index = stack_owner.indexOf(child)
                if index >= 0:
                    stack_owner.setCurrentIndex(index)
            if isinstance(stack_owner, QAbstractScrollArea) and hasattr(
                stack_owner, "ensureWidgetVisible"
            ):
                stack_owner.ensureWidgetVisible(widget)
            child = parent

    def retranslate(self) -> None:
        """The language changed: the same errors, in the new language."""
        for field, label in self.labels.items():
            text = self.errors[field].message(current_lang())
            label.setText(text)
            self.widgets[field].setAccessibleDescription(text)

    def message(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None else ""

    def clear(self, field: str | None = None) -> None:
        for key in [field] if field else list(self.labels):
            label = self.labels.pop(key, None)
            self.errors.pop(key, None)
            widget = self.widgets.get(key)
            if widget is not None:
                widget.setProperty("invalid", False)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                widget.setAccessibleDescription("")
            if label is None or not shiboken6.isValid(label):
                continue
            parent = label.parentWidget()
            parent_layout = parent.layout() if parent is not None else None
            layout = _layout_holding(parent_layout, label) if parent_layout is not None else None
            if isinstance(layout, QFormLayout):
                layout.removeRow(label)
            else:
                label.hide()
                label.deleteLater()
