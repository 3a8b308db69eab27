"""Alembic environment: the already-keyed connection comes in `config.attributes`."""

from __future__ import annotations

from alembic import context

import pippi_desktop.storage.all_tables  # noqa: F401  (registers every table on Base)
from pippi_desktop.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
