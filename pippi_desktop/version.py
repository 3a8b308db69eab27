"""The application version, read from one place: the package metadata (pyproject.toml)."""

from __future__ import annotations

from importlib import metadata


def _read_version() -> str:
    try:
        return metadata.version("pippi-desktop")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


__version__ = _read_version()
