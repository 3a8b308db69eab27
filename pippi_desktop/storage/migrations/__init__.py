"""Alembic migrations, run from code (no alembic.ini). Revision ids are 4-digit numbers."""
