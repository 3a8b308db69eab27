"""Typed settings over QSettings: defaults, round trips, bad values, per-workspace failures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.unlock_backoff import NO_FAILURES, UnlockFailures
from pippi_desktop.gui.settings import Settings


def test_defaults(qapp: QApplication, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.idle_lock_minutes == 5
    assert settings.language is Lang.IT
    assert settings.last_workspace is None
    assert settings.main_window_geometry == b""


def test_values_survive_a_new_settings_object(qapp: QApplication, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.idle_lock_minutes = 12
    settings.language = Lang.EN
    settings.last_workspace = tmp_path / "a.pippiws"
    settings.main_window_geometry = b"\x01\x02"
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.idle_lock_minutes == 12
    assert again.language is Lang.EN
    assert again.last_workspace == tmp_path / "a.pippiws"
    assert again.main_window_geometry == b"\x01\x02"


def test_a_hand_edited_wrong_value_reads_as_the_default(qapp: QApplication, tmp_path: Path) -> None:
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    raw.setValue("lock/idle_minutes", "mille")
    raw.setValue("ui/language", "klingon")
    raw.sync()
    settings = Settings(tmp_path / "s.ini")
    assert settings.idle_lock_minutes == 5
    assert settings.language is Lang.IT
    raw.setValue("lock/idle_minutes", 100_000)
    raw.sync()
    assert Settings(tmp_path / "s.ini").idle_lock_minutes == 5


def test_unlock_failures_are_kept_per_workspace_id(qapp: QApplication, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.set_unlock_failures("ws-a", UnlockFailures(3, 123.5))
    again = Settings(tmp_path / "s.ini")
    assert again.unlock_failures("ws-a") == UnlockFailures(3, 123.5)
    assert again.unlock_failures("ws-b") == NO_FAILURES
    again.set_unlock_failures("ws-a", NO_FAILURES)
    assert Settings(tmp_path / "s.ini").unlock_failures("ws-a") == NO_FAILURES
