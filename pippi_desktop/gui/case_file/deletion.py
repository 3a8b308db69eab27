"""Asking before deleting a record: a question box, and the delete run only after "Elimina".

Deleting never removes a row: the record gets a tombstone (so the office learns of it at the
next sync), which the question says in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pippi_desktop.domain.i18n import _


def ask_to_delete(
    parent: QWidget, *, question: str, on_confirm: Callable[[], object]
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("deleteQuestion")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Conferma l'eliminazione"))
    box.setText(question)
    box.setInformativeText(
        _(
            "L'eliminazione resta registrata nel registro delle modifiche e arriva all'ufficio "
            "con la prossima sincronizzazione.",
        )
    )
    delete = box.addButton(
        _("&Elimina"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    delete.setObjectName("confirmDeleteButton")
    keep = box.addButton(_("Annulla"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

    def answered() -> None:
        if box.clickedButton() is delete:
            on_confirm()

    box.finished.connect(answered)
    box.open()
    return box
