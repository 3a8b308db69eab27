"""What is logged before the application log opens reaches it, in order, once it opens."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pippi_desktop.gui.app import EarlyLog, open_application_log


def test_records_kept_before_the_log_opens_are_written_when_it_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    logger = logging.getLogger("pippi_desktop")
    early = EarlyLog()
    logger.addHandler(early)
    logger.warning("early event one")
    logger.warning("early event two")
    handler = open_application_log(early)
    try:
        assert handler is not None
        assert early not in logger.handlers and early.records == []
        logger.warning("later event")
        handler.flush()
        text = (tmp_path / "pippi-desktop" / "pippi.log").read_text(encoding="utf-8")
        assert text.index("early event one") < text.index("early event two")
        assert text.index("early event two") < text.index("later event")
    finally:
        logger.removeHandler(early)
        if handler is not None:
            logger.removeHandler(handler)
            handler.close()


def test_the_early_log_keeps_a_bounded_number_of_records() -> None:
    early = EarlyLog()
    record = logging.LogRecord("pippi_desktop", logging.INFO, __file__, 1, "x", None, None)
    for _ in range(EarlyLog.LIMIT + 50):
        early.emit(record)
    assert len(early.records) == EarlyLog.LIMIT
