"""Reading and writing the workspace identity (`workspace_meta`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from pippi_desktop.domain.errors import WorkspaceDamaged

ROLE_EDUCATOR = "educator"
ROLE_OFFICE = "office"
ROLES = (ROLE_EDUCATOR, ROLE_OFFICE)


@dataclass(frozen=True)
class WorkspaceMeta:
    workspace_id: str
    device_id: str
    role: str
    name: str
    incarnation: int
    created_at: str


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


def read_meta(connection: Connection) -> WorkspaceMeta:
    values = read_meta_values(connection)
    try:
        meta = WorkspaceMeta(
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
