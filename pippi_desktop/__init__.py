"""PIPPI Desktop: offline-first case files for the P.I.P.P.I. programme."""

from pippi_desktop.version import __version__

__all__ = ["__version__"]
