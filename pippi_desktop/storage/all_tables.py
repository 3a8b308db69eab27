"""Importing this module registers every table on `Base.metadata` (for Alembic)."""

from pippi_desktop.storage import (  # noqa: F401
    casefile_tables,
    changelog_tables,
    meta_tables,
    sync_tables,
)
