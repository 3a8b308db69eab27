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
