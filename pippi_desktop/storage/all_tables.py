"""Importing this module registers every table on `Base.metadata` (for Alembic)."""

from pippi_desktop.storage import casefile_tables, changelog_tables, meta_tables  # noqa: F401
