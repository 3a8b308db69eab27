"""The command-line front (`pippi-desktop`, `python -m pippi_desktop`) over the services."""

from pippi_desktop.cli.app import main

__all__ = ["main"]
