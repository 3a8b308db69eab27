"""Schema versions and Alembic run from code against the already-keyed engine.

Revision ids are 4-digit numbers (`0001`, `0002`, …) and the schema version shown to people is
that number. Checking whether a workspace is current reads `alembic_version` directly and
compares it with the newest file in `migrations/versions/`: Alembic itself is imported only
when there is something to upgrade, which keeps unlocking fast.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from pippi_desktop.domain.errors import SchemaTooNew, WorkspaceDamaged

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> tuple[str, ...]:
    names = sorted(
        match.group(1)
        for name in (p.name for p in (script_location / "versions").iterdir())
        if (match := _REVISION_FILE.match(name))
    )
    return tuple(names)


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    return known_revisions(script_location)[-1]


def schema_number(revision: str | None) -> int:
    return int(revision) if revision else 0


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    if len(rows) != 1:
        raise WorkspaceDamaged("database")
    return str(rows[0][0])


def pending_revisions(
    connection: Connection, script_location: Path = MIGRATIONS_DIR
) -> tuple[str, ...]:
    """The revisions still to apply; `SchemaTooNew` for a workspace of a newer application."""
    known = known_revisions(script_location)
    current = current_revision(connection)
    if current is None:
        return known
    if current not in known:
        if re.fullmatch(r"\d{4}", current) and current > known[-1]:
            raise SchemaTooNew(found=int(current), supported=int(known[-1]))
        raise WorkspaceDamaged("database")
    return known[known.index(current) + 1 :]


def upgrade(
    engine: Engine, *, script_location: Path = MIGRATIONS_DIR, target: str = "head"
) -> None:
    """Apply every pending migration in ONE transaction: all of them, or none."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def downgrade(engine: Engine, target: str, *, script_location: Path = MIGRATIONS_DIR) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def loadable_revisions(script_location: Path = MIGRATIONS_DIR) -> tuple[str, ...]:
    """The revisions Alembic itself loads from `script_location` (it imports every script).

    The self-test compares this with `known_revisions`: in a frozen build a migration that was
    not shipped as a data file, or that imports something not bundled, shows up here.
    """
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(script_location))
    return tuple(sorted(script.revision for script in scripts.walk_revisions()))
