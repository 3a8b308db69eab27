"""Encrypted engine, key slots, tables, migrations, repositories, change log and audit log."""
