"""Operations: the call runs on the one worker, results and errors come back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.errors import (
    InternalError,
    PippiError,
    WorkspaceLocked,
    WrongPassphrase,
)
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.operations import Operation, TaskRunner
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.open_workspace import OpenWorkspace


@pytest.fixture
def runner(app: QApplication) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait_until_idle()


def test_the_call_runs_off_the_gui_thread_and_the_result_comes_back_on_it(
    runner: TaskRunner, qtbot: QtBot
) -> None:
    threads: dict[str, threading.Thread] = {}

    def call() -> int:
        threads["call"] = threading.current_thread()
        return 42

    results: list[int] = []

    def got(value: int) -> None:
        threads["success"] = threading.current_thread()
        results.append(value)

    Operation(None, call, runner=runner).success(got).run()
    qtbot.waitUntil(lambda: results == [42])
    assert threads["call"] is not threading.main_thread()
    assert threads["success"] is threading.main_thread()


def test_calls_run_one_at_a_time_in_order(runner: TaskRunner, qtbot: QtBot) -> None:
    order: list[int] = []
    running = threading.Semaphore(1)

    def step(n: int) -> Callable[[], int]:
        def call() -> int:
            assert running.acquire(blocking=False), "two calls ran at once"
            order.append(n)
            running.release()
            return n

        return call

    done: list[int] = []
    for n in range(20):
        Operation(None, step(n), runner=runner).success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 20)
    assert order == list(range(20)) == done


def test_a_typed_error_reaches_failure_as_it_is(runner: TaskRunner, qtbot: QtBot) -> None:
    errors: list[PippiError] = []

    def call() -> None:
        raise WrongPassphrase()

    busy: list[bool] = []
    Operation(None, call, runner=runner).busy(busy.append).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], WrongPassphrase)
    assert busy == [True, False]


def test_an_unexpected_error_is_logged_without_its_message_and_becomes_generic(
    runner: TaskRunner, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[PippiError] = []

    def call() -> None:
        raise ValueError("Mario Rossi, via Roma 3")

    with caplog.at_level(logging.ERROR, logger="pippi_desktop"):
        Operation(None, call, runner=runner).failure(errors.append).run()
        qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InternalError)
    assert "registro" in errors[0].message(Lang.IT)
    assert any(record.exc_info for record in caplog.records)
    from pippi_desktop.storage.log_files import PrivateFormatter

    record = caplog.records[-1]
    record.exc_text = None  # caplog's own formatter cached the full text
    formatted = PrivateFormatter().format(record)
    assert "ValueError" in formatted and "Mario Rossi" not in formatted


def test_without_a_failure_callback_the_error_sentence_is_shown_in_a_dialog(
    runner: TaskRunner, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def call() -> None:
        raise WrongPassphrase()

    use_language(Lang.EN)
    Operation(parent, call, runner=runner).run()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorDialog") is not None)
    box = parent.findChild(QMessageBox, "errorDialog")
    assert box.text() == WrongPassphrase().message(Lang.EN)
    assert box.windowTitle() == "PIPPI Desktop – warning"
    box.close()


def test_a_call_that_ran_after_a_lock_shows_no_dialog(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    finished: list[bool] = []

    def call() -> None:
        raise WorkspaceLocked()

    Operation(parent, call, runner=runner).finally_(lambda: finished.append(True)).run()
    qtbot.waitUntil(lambda: finished == [True])
    assert parent.findChild(QMessageBox) is None


def test_callbacks_are_skipped_when_the_parent_is_gone(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    release = threading.Event()
    called: list[object] = []
    finished: list[bool] = []
    Operation(parent, lambda: release.wait(10), runner=runner).success(called.append).finally_(
        lambda: finished.append(True)
    ).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    qtbot.waitUntil(lambda: finished == [True])
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_write_announces_its_changes_and_a_query_does_not(
    app: QApplication, qtbot: QtBot, new_workspace: Callable[..., OpenWorkspace]
) -> None:
    runner = TaskRunner()
    session = WorkspaceSession(runner)
    session.attach(new_workspace())
    announced: list[DataChanges] = []
    session.data_changed.connect(announced.append)
    with qtbot.waitSignal(session.data_changed):
        session.write(None, lambda ws: ws.identity.name, changes=DataChanges.of("visits")).run()
    assert announced == [DataChanges.of("visits")]
    names: list[str] = []
    session.query(None, lambda ws: ws.identity.name).success(names.append).run()
    qtbot.waitUntil(lambda: names == ["Area ws"])
    assert announced == [DataChanges.of("visits")]
    runner.wait_until_idle()


def test_after_detach_calls_fail_as_locked(
    app: QApplication, qtbot: QtBot, new_workspace: Callable[..., OpenWorkspace]
) -> None:
    from pippi_desktop.domain.errors import WorkspaceLocked

    runner = TaskRunner()
    session = WorkspaceSession(runner)
    session.attach(new_workspace())
    session.detach()
    errors: list[PippiError] = []
    session.query(None, lambda ws: ws.identity).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], WorkspaceLocked)
    runner.wait_until_idle()
