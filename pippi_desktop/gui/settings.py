"""Typed preferences over QSettings (Picard's typed options): widgets never see a raw key.

Each option is declared once with its key, type and default; reading returns the type or the
default (a hand-edited or older settings file can never hand a widget a wrong type).
The file is `QSettings(IniFormat, UserScope, "PIPPI", "PIPPI Desktop")`, or the file named by
`PIPPI_SETTINGS_FILE` (the test suite points it at a temporary file), or any path given.

The unlock-failure count is kept here, keyed by the workspace id, not in the workspace folder:
a wrong passphrase must change nothing inside the workspace (DESIGN.md), the folder may be on
read-only media or shared, and the id (public, in keyslots.json) survives moving or renaming
the folder. It is not a secret; deleting the settings only resets a speed bump (see
`domain/unlock_backoff.py`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from pippi_desktop.domain.i18n import Lang, available_languages, parse_lang
from pippi_desktop.domain.unlock_backoff import UnlockFailures

T = TypeVar("T")

SETTINGS_VERSION = 1
ORGANISATION = "PIPPI"
APPLICATION = "PIPPI Desktop"
SETTINGS_FILE_ENV = "PIPPI_SETTINGS_FILE"

IDLE_LOCK_MIN_MINUTES = 1
IDLE_LOCK_MAX_MINUTES = 120


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its key in the file, its default and how to read a stored value."""

    key: str
    default: T
    parse: Callable[[Any], T]
    store: Callable[[T], Any] = lambda value: value

    @overload
    def __get__(self, instance: None, owner: type) -> Option[T]: ...
    @overload
    def __get__(self, instance: Settings, owner: type) -> T: ...
    def __get__(self, instance: Settings | None, owner: type) -> Option[T] | T:
        if instance is None:
            return self
        return instance.read(self)

    def __set__(self, instance: Settings, value: T) -> None:
        instance.write(self, value)


def _int_between(low: int, high: int) -> Callable[[Any], int]:
    def parse(raw: Any) -> int:
        value = int(raw)
        if not low <= value <= high:
            raise ValueError(raw)
        return value

    return parse


def _lang(raw: Any) -> Lang:
    if str(raw) not in available_languages():
        raise ValueError(raw)
    return parse_lang(str(raw))


def _optional_path(raw: Any) -> Path | None:
    return Path(str(raw)) if raw else None


def _bytes(raw: Any) -> bytes:
    if isinstance(raw, QByteArray):
        return bytes(raw.data())
    if isinstance(raw, bytes | bytearray):
        return bytes(raw)
    raise ValueError("not bytes")


class Settings:
    """The application's preferences. Create one per QApplication and pass it around."""

    idle_lock_minutes = Option(
        "lock/idle_minutes", 5, _int_between(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES)
    )
    language = Option("ui/language", Lang.IT, _lang, str)
    last_workspace = Option[Path | None](
        "workspace/last_path", None, _optional_path, lambda path: str(path) if path else ""
    )
    last_print_folder = Option[Path | None](
        "printing/last_folder", None, _optional_path, lambda path: str(path) if path else ""
    )
    main_window_geometry = Option("window/main_geometry", b"", _bytes, QByteArray)
    main_window_splitter = Option("window/main_splitter", b"", _bytes, QByteArray)

    def __init__(self, path: Path | str | None = None) -> None:
        path = path or os.environ.get(SETTINGS_FILE_ENV)
        if path:
            self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
            )
        self._upgrade()

    @property
    def file_name(self) -> str:
        return self._qsettings.fileName()

    def read(self, option: Option[T]) -> T:
        raw = self._qsettings.value(option.key)
        if raw is None:
            return option.default
        try:
            return option.parse(raw)
        except (TypeError, ValueError):
            return option.default

    def write(self, option: Option[T], value: T) -> None:
        self._qsettings.setValue(option.key, option.store(value))

    def reset(self, option: Option[Any]) -> None:
        self._qsettings.remove(option.key)

    def sync(self) -> None:
        self._qsettings.sync()

    # --- unlock failures, per workspace id -------------------------------------------------

    def unlock_failures(self, workspace_id: str) -> UnlockFailures:
        group = f"unlock_failures/{_safe_key(workspace_id)}"
        try:
            count = int(str(self._qsettings.value(f"{group}/count", 0)))
            last = float(str(self._qsettings.value(f"{group}/last_failure_at", 0.0)))
        except (TypeError, ValueError):
            return UnlockFailures()
        return UnlockFailures(max(0, count), last)

    def set_unlock_failures(self, workspace_id: str, failures: UnlockFailures) -> None:
        group = f"unlock_failures/{_safe_key(workspace_id)}"
        if failures.count == 0:
            self._qsettings.remove(group)
        else:
            self._qsettings.setValue(f"{group}/count", failures.count)
            self._qsettings.setValue(f"{group}/last_failure_at", failures.last_failure_at)
        self._qsettings.sync()

    # --- upgrades (Picard's config_upgrade): one step per version --------------------------

    def _upgrade(self) -> None:
        try:
            version = int(str(self._qsettings.value("settings_version", 0)))
        except (TypeError, ValueError):
            version = 0
        if version < SETTINGS_VERSION:
            # version 0 -> 1: nothing to convert (first release of the settings file)
            self._qsettings.setValue("settings_version", SETTINGS_VERSION)


def _safe_key(workspace_id: str) -> str:
    return "".join(ch for ch in workspace_id if ch.isalnum() or ch == "-")[:64] or "unknown"
