"""Date fields in the Italian format (gg/mm/aaaa) with a calendar, required or optional.

`DateField` always holds a date (today when new). `OptionalDateField` may be empty, shown as
"—": typing a digit or an arrow key, or opening the calendar, starts from today; Delete or
Backspace over the whole text empties it again. Both are used by the editors' forms as
promoted widgets (Qt Designer: a QDateEdit promoted to this class).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

DISPLAY_FORMAT = "dd/MM/yyyy"
EARLIEST = QDate(1900, 1, 1)
LATEST = QDate(2100, 12, 31)
NO_DATE = QDate(1899, 12, 31)  # below EARLIEST: the "empty" value of an optional field
_START_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def to_qdate(value: date | str | None) -> QDate | None:
    if value is None or value == "":
        return None
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return QDate(day.year, day.month, day.day)


class DateField(QDateEdit):
    """A required date: dd/MM/yyyy, calendar popup, today when nothing else is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setDateRange(EARLIEST, LATEST)
        self.setDate(QDate.currentDate())
        self.calendarWidget().setGridVisible(True)

    def iso(self) -> str | None:
        """The date as ISO text."""
        return self.date().toString(Qt.DateFormat.ISODate)

    def day(self) -> date:
        """The date shown (what the services take)."""
        shown = self.date()
        return date(shown.year(), shown.month(), shown.day())

    def set_iso(self, value: date | str | None) -> None:
        self.setDate(to_qdate(value) or QDate.currentDate())


class OptionalDateField(DateField):
    """A date that may be left empty ("—")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def is_empty(self) -> bool:
        return self.date() == NO_DATE

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    def iso(self) -> str | None:
        return None if self.is_empty() else super().iso()

    def optional_day(self) -> date | None:
        """The date shown, None when the field is empty."""
        return None if self.is_empty() else self.day()

    def set_iso(self, value: date | str | None) -> None:
        self.setDate(to_qdate(value) or NO_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_empty() and (event.text().isdigit() or event.key() in _START_KEYS):
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateEdit.Section.DaySection)
            if event.key() in _START_KEYS:
                return  # today is the first step
            self.setSelectedSection(QDateEdit.Section.DaySection)
        elif (
            not self.is_empty()
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.clear_date()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.is_empty():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
