"""The pathway of a family as a vertical timeline: every phase, with the date it was reached.

All phases of the vocabulary are listed in their order, so the reader sees both the steps
done (a filled dot and the date) and those still ahead (an empty dot); the current phase is in
bold. Labels are the vocabulary's, in the current language. Made of labels, not painted, so
screen readers read it and long labels wrap.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from pippi_desktop.domain.records import PhaseRecord
from pippi_desktop.gui.labels import day, terms


class PhaseTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self._records: tuple[PhaseRecord, ...] = ()
        self._current: str | None = None
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []

    def set_pathway(self, records: tuple[PhaseRecord, ...], current: str | None) -> None:
        self._records, self._current = records, current
        self.refresh()

    def reached(self) -> dict[str, str]:
        """phase code -> the date it was (last) reached."""
        return {record.phase: day(record.date) for record in self._records}

    def refresh(self) -> None:
        for labels in self.rows:
            for label in labels:
                self.grid.removeWidget(label)
                label.hide()
                label.deleteLater()
        self.rows = []
        reached = self.reached()
        for row, (code, text) in enumerate(terms("phases")):
            done = code in reached
            marker = QLabel("●" if done else "○", self)
            marker.setAccessibleName(text)
            name = QLabel(text, self)
            name.setWordWrap(True)
            when = QLabel(reached.get(code, ""), self)
            when.setVisible(done)  # no empty labels: screen readers would announce nothing
            if code == self._current:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            if not done:
                name.setProperty("role", "hint")
            for column, label in enumerate((marker, name, when)):
                label.setObjectName(f"phase_{code}_{column}")
                self.grid.addWidget(label, row, column)
            self.rows.append((marker, name, when))
        self.setVisible(self._current is not None)
