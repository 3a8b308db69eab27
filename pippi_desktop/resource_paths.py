"""Where the read-only resources are: the source tree, or the frozen application's folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder (catalogue, fonts, icons, styles, translations, demo inputs)."""
    override = os.environ.get("PIPPI_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def missing_app_file(error: BaseException) -> str | None:
    """The name of the shipped file whose absence caused `error`, if that is what it is.

    A `FileNotFoundError` for a path inside `resources/` or inside the package (migrations)
    means a broken installation, not a user mistake; only the file's name is returned (it is
    ours, never personal data).
    """
    filename = getattr(error, "filename", None)
    if not isinstance(error, FileNotFoundError) or not filename:
        return None
    missing = Path(os.fsdecode(filename))
    package_dir = Path(__file__).resolve().parent
    for folder in (resources_dir(), package_dir):
        try:
            missing.resolve().relative_to(folder.resolve())
        except (OSError, ValueError):
            continue
        return missing.name
    return None
