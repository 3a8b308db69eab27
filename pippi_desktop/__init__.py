"""PIPPI Desktop: offline-first case files for the P.I.P.P.I. programme."""

import logging

from pippi_desktop.version import __version__

# Our log records go to the workspace log (storage/log_files.py) or nowhere: never to the
# terminal through logging's last-resort handler, which would print warnings to a user.
logging.getLogger("pippi_desktop").addHandler(logging.NullHandler())

__all__ = ["__version__"]
