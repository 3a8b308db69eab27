"""Reading and writing the workspace identity (`workspace_meta`)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from pippi_desktop.domain.errors import WorkspaceDamaged
from pippi_desktop.domain.workspace_identity import ROLES, WorkspaceIdentity


def read_meta_values(connection: Connection) -> dict[str, str]:
    rows = connection.execute(text("SELECT key, value FROM workspace_meta")).fetchall()
    return {str(key): str(value) for key, value in rows}


def write_meta_values(connection: Connection, values: dict[str, str]) -> None:
    for key, value in values.items():
        connection.execute(
            text(
                "INSERT INTO workspace_meta (key, value) VALUES (:key, :value) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"key": key, "value": value},
        )


def delete_meta_values(connection: Connection, keys: list[str]) -> None:
    for key in keys:
        connection.execute(text("DELETE FROM workspace_meta WHERE key = :key"), {"key": key})


def read_meta(connection: Connection) -> WorkspaceIdentity:
    values = read_meta_values(connection)
    try:
        meta = WorkspaceIdentity(
            workspace_id=values["workspace_id"],
            device_id=values["device_id"],
            role=values["role"],
            name=values["name"],
            incarnation=int(values["incarnation"]),
            created_at=values["created_at"],
        )
    except (KeyError, ValueError):
        raise WorkspaceDamaged("database") from None
    if meta.role not in ROLES:
        raise WorkspaceDamaged("database")
    return meta
