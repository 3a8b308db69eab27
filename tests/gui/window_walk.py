"""Open every window and dialog and read what a person would see in it.

`open_every_window` returns (name, widget) pairs, each shown and laid out; `visible_texts`
reads labels, buttons, titles, tooltips, placeholders, accessible names, menu and toolbar
actions of one window, keyed by a stable path (object names), so the same window built in
Italian and in English can be compared text by text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QWidget,
    QWizard,
)

from pippi_desktop.domain.errors import WrongPassphrase
from pippi_desktop.domain.unlock_backoff import FREE_ATTEMPTS, UnlockFailures
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.first_run.pages import (
    PAGE_CODE,
    PAGE_CONFIRM,
    PAGE_DETAILS,
    PAGE_PASSPHRASE,
    PAGE_START,
)
from pippi_desktop.gui.first_run.wizard import FirstRunWizard
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.gui.unlock_dialog import UnlockDialog
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.casefile_fixtures import make_family
from tests.gui.note_editor import NoteEditor

SAMPLE_CODE = "4894-MSKD-482B-C9GN-3JSC-5VDE-2PST-CKVD"


@dataclass
class OpenWindows:
    windows: list[tuple[str, QWidget]] = field(default_factory=list)
    keep: list[QWidget] = field(default_factory=list)

    def add(self, name: str, widget: QWidget) -> None:
        widget.show()
        QApplication.processEvents()
        self.windows.append((name, widget))

    def close(self) -> None:
        widgets = [*(w for _n, w in reversed(self.windows)), *self.keep]
        for widget in widgets:
            if shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()


def open_every_window(
    controller: AppController, workspace: OpenWorkspace
) -> Iterator[tuple[str, QWidget]]:
    """Yield each window in each state worth reading; the caller reads it before the next."""
    opened = OpenWindows()
    try:
        window = controller.ensure_main_window()
        window.resize(1366, 768)
        opened.add("main", window)
        yield opened.windows[-1]
        about = window.show_about()
        opened.add("about", about)
        yield opened.windows[-1]
        preferences = controller.show_preferences()
        opened.add("preferences", preferences)
        yield opened.windows[-1]
        error = show_error(window, WrongPassphrase())
        opened.add("error", error)
        yield opened.windows[-1]
        error.close()

        editor = NoteEditor(window, controller.session)
        editor.title_edit.setText("x")
        opened.add("editor", editor)
        editor.reject()  # unsaved changes: the question
        assert editor.discard_question is not None
        opened.add("editor-question", editor.discard_question)
        yield opened.windows[-1]
        editor.close_for_lock()

        yield from _case_file_windows(controller, workspace, window, opened)

        wizard = FirstRunWizard(controller.session)
        opened.keep.append(wizard)
        for page_id in (PAGE_START, PAGE_DETAILS, PAGE_PASSPHRASE, PAGE_CODE, PAGE_CONFIRM):
            wizard.show_page_for_screenshot(page_id)
            if page_id == PAGE_CODE:
                wizard.code_page.set_code(SAMPLE_CODE)
            opened.add(f"wizard-page-{page_id}", wizard)
            yield opened.windows[-1]
        wizard.close()

        workspace_id = workspace.identity.workspace_id
        path = workspace.folder
        controller.lock(ask_passphrase=False)
        controller.runner.wait_until_idle()
        QApplication.processEvents()
        opened.add("main-locked", window)
        yield opened.windows[-1]

        controller.settings.set_unlock_failures(
            workspace_id, UnlockFailures(FREE_ATTEMPTS, controller.clock())
        )
        unlock = UnlockDialog(
            path,
            workspace_id,
            session=controller.session,
            settings=controller.settings,
            clock=controller.clock,
        )
        opened.keep.append(unlock)
        unlock.ui.capsLockLabel.setVisible(True)
        opened.add("unlock", unlock)
        yield opened.windows[-1]
        recovery = unlock.open_recovery()
        opened.add("recovery", recovery)
        yield opened.windows[-1]
    finally:
        opened.close()


def settle(controller: AppController, done: Callable[[], bool], what: str) -> None:
    """Let the worker and the event loop run until `done()` (no sleeping, no timing)."""
    for _ in range(200):
        if done():
            return
        controller.runner.wait_until_idle()
        QApplication.processEvents()
    raise AssertionError(f"never happened: {what}")


def _case_file_windows(
    controller: AppController, workspace: OpenWorkspace, window: MainWindow, opened: OpenWindows
) -> Iterator[tuple[str, QWidget]]:
    """The family list with a family, each tab of its case file, every editor."""
    family = make_family(workspace, code="F-PROVA-001")  # the same in both walks
    controller.session.data_changed.emit(DataChanges.all())
    pane = window.ui.familyList
    settle(controller, lambda: pane.model.row_of(family.family_id) >= 0, "family listed")
    pane.ui.familyTable.selectRow(0)
    view = window.ui.caseFile
    settle(controller, lambda: view.data is not None, "case file loaded")
    for index in range(view.ui.tabs.count()):
        view.ui.tabs.setCurrentIndex(index)
        opened.add(f"case-file-tab-{index}", window)
        yield opened.windows[-1]
    view.ui.tabs.setCurrentIndex(0)
    data = view.data
    assert data is not None
    case_file = data.case_file
    from pippi_desktop.gui.editors.registry import editor_class

    records = {
        "family": case_file.family,
        "person": case_file.members[0],
        "equipe_member": case_file.equipe[0],
        "dispositivo": None,
        "visit": None,
        "group_session": None,
        "assessment": None,
        "microproject_item": case_file.micro_project[0],
    }
    for kind, record in records.items():
        editor = editor_class(kind)(window, controller.session)
        opened.keep.append(editor)
        if record is None:
            editor.start_new(data)
        else:
            editor.start_edit(data, record)
        settle(controller, lambda editor=editor: editor.is_loaded, f"{kind} editor loaded")
        opened.add(f"editor-{kind}", editor)
        yield opened.windows[-1]
        if kind == "assessment":
            editor.ui.pages.setCurrentWidget(editor.ui.detailsPage)
            opened.add("editor-assessment-details", editor)
            yield opened.windows[-1]
        if kind == "group_session":
            invite = editor.open_invite()
            settle(controller, lambda invite=invite: invite.ui.memberList.count() > 0, "invite")
            opened.add("invite-dialog", invite)
            yield opened.windows[-1]
            invite.close()
        if kind == "visit":
            editor.ui.dateEdit.setDate(QDate.currentDate().addDays(3))
            editor.save()
            settle(controller, lambda editor=editor: "date" in editor.errors.labels, "error")
            opened.add("editor-visit-error", editor)
            yield opened.windows[-1]
        editor.close_for_lock()
    view.ui.tabs.setCurrentWidget(view.ui.microProjectTab)
    view.ui.microProjectTabWidget.delete_selected()
    question = window.findChild(QMessageBox, "deleteQuestion")
    assert question is not None
    opened.add("delete-question", question)
    yield opened.windows[-1]
    question.close()
    view.ui.tabs.setCurrentIndex(0)


def _path(widget: QWidget, root: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        name = current.objectName()
        if not name:
            siblings = [
                c for c in (parent.children() if parent else []) if type(c) is type(current)
            ]
            name = (
                f"{type(current).__name__}[{siblings.index(current) if current in siblings else 0}]"
            )
        parts.append(name)
        current = parent
    return "/".join(reversed(parts)) or "."


def is_shown(widget: QWidget, root: QWidget) -> bool:
    return widget is root or (widget.isVisibleTo(root) and widget.isVisible())


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a person sees (or hears through a screen reader) in `root`."""
    texts: dict[str, str] = {"#title": root.windowTitle()}
    if isinstance(root, QWizard):
        page = root.currentPage()
        texts["#page-title"] = page.title()
        texts["#page-subtitle"] = page.subTitle()
        for button_id in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = root.button(button_id)
            if button.isVisible():
                texts[f"#wizard-button-{int(button_id.value)}"] = button.text()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not is_shown(widget, root) or isinstance(widget, QMenu):
            continue
        path = _path(widget, root)
        if widget.toolTip():
            texts[f"{path}#tooltip"] = widget.toolTip()
        if widget.accessibleName():
            texts[f"{path}#accessible"] = widget.accessibleName()
        if widget.accessibleDescription():
            texts[f"{path}#description"] = widget.accessibleDescription()
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            if not widget.text() and not widget.objectName() and isinstance(root, QWizard):
                continue  # the wizard header's own logo/watermark place holders
            texts[f"{path}#text"] = widget.text()
        elif isinstance(widget, QAbstractButton) and widget.icon().isNull():
            texts[f"{path}#text"] = widget.text()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            texts[f"{path}#placeholder"] = widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            texts[f"{path}#title"] = widget.title()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                texts[f"{path}#item{index}"] = widget.itemText(index)
        elif isinstance(widget, QSpinBox):
            texts[f"{path}#suffix"] = widget.suffix()
        elif isinstance(widget, QAbstractSpinBox):
            pass
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            if not menu.objectName():
                continue  # Qt's own overflow menu ("»"), made while the bar was still narrow
            texts[f"menu:{menu.objectName()}#title"] = menu.title()
            for action in menu.actions():
                if not action.isSeparator():
                    texts[f"menu:{menu.objectName()}/{action.objectName()}#text"] = action.text()
                    texts[f"menu:{menu.objectName()}/{action.objectName()}#tooltip"] = (
                        action.toolTip()
                    )
        for toolbar in root.findChildren(QToolBar):
            texts[f"toolbar:{toolbar.objectName()}#title"] = toolbar.windowTitle()
    return texts


def language_now() -> str:
    return current_lang().value
