"""The application version, written in one place: here (`pyproject.toml` reads it at build time).

A constant, not `importlib.metadata.version(...)`: asking the installed metadata costs about
20 ms at every start (it scans `sys.path` for distributions), on the path that paints the unlock
dialog, and needs the package's dist-info even in the frozen application.
"""

__version__ = "0.1.0"
