"""Triangle catalogues stored in the workspace: the default one, loaded versions, lookups.

A catalogue version is an immutable, synced record whose id is derived from
`catalogue_id@version`, so the office and every laptop that load the same version hold the same
record. Loading the same version again with the same content changes nothing; with different
content it is refused (a corrected catalogue needs a new version number). The active catalogue
for new assessments is the most recently loaded one; old assessments keep theirs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from pippi_desktop.domain.catalogue import Catalogue, parse_catalogue_bytes
from pippi_desktop.domain.errors import InvalidFile, UnknownRecord
from pippi_desktop.domain.record_types import CATALOGUE
from pippi_desktop.services.reference_data import default_catalogue
from pippi_desktop.storage.casefile_tables import CATALOGUES
from pippi_desktop.storage.changes import ChangeWriter
from pippi_desktop.storage.workspace import Workspace

NAMESPACE = uuid.UUID("6f1d3c2a-5b7e-4c1d-9a8e-2f4b6d8c0e11")


def catalogue_record_id(catalogue_id: str, version: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"catalogue:{catalogue_id}@{version}"))


@dataclass(frozen=True)
class CatalogueInfo:
    catalogue_id: str
    version: str
    loaded_at: str
    active: bool
    subdimensions: int
    digest: str


@lru_cache(maxsize=32)
def _parse_stored(content: str) -> Catalogue:
    return parse_catalogue_bytes(content.encode("utf-8"))


_TABLE = CATALOGUES


def _rows(connection: Connection) -> list[Any]:
    return list(
        connection.execute(
            select(_TABLE).where(_TABLE.c.deleted.is_(False)).order_by(_TABLE.c.created_at)
        ).all()
    )


def add_catalogue(writer: ChangeWriter, catalogue: Catalogue) -> bool:
    """Store a catalogue version inside the caller's transaction; False if already there."""
    record_id = catalogue_record_id(catalogue.catalogue_id, catalogue.version)
    existing = writer.read(CATALOGUE, record_id)
    if existing is not None:
        if existing["digest"] != catalogue.digest:
            raise InvalidFile("catalogue_version_exists")
        return False
    writer.create(
        CATALOGUE,
        {
            "catalogue_id": catalogue.catalogue_id,
            "version": catalogue.version,
            "content": catalogue.raw,
            "digest": catalogue.digest,
        },
        record_id=record_id,
    )
    return True


def ensure_default_catalogue(workspace: Workspace) -> None:
    with workspace.read() as connection:
        if _rows(connection):
            return
    with workspace.write() as connection:
        writer = ChangeWriter(
            connection, device_id=workspace.identity.device_id, actor=workspace.identity.role
        )
        add_catalogue(writer, default_catalogue())
        writer.flush()


def load_catalogue_file(workspace: Workspace, path: Path) -> tuple[Catalogue, bool]:
    """Validate a catalogue file and add it as a new version (nothing changes if invalid)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidFile("missing") from None
    except (IsADirectoryError, PermissionError):
        raise InvalidFile("unreadable") from None
    catalogue = parse_catalogue_bytes(data)
    with workspace.write() as connection:
        writer = ChangeWriter(
            connection, device_id=workspace.identity.device_id, actor=workspace.identity.role
        )
        added = add_catalogue(writer, catalogue)
        writer.flush()
    return catalogue, added


def list_catalogues(workspace: Workspace) -> list[CatalogueInfo]:
    with workspace.read() as connection:
        rows = _rows(connection)
    return [
        CatalogueInfo(
            catalogue_id=row.catalogue_id,
            version=row.version,
            loaded_at=row.created_at,
            active=index == len(rows) - 1,
            subdimensions=len(_parse_stored(row.content).subdimensions()),
            digest=row.digest,
        )
        for index, row in enumerate(rows)
    ]


def stored_catalogue(connection: Connection, catalogue_id: str, version: str) -> Catalogue:
    row = connection.execute(
        select(_TABLE).where(_TABLE.c.id == catalogue_record_id(catalogue_id, version))
    ).first()
    if row is None:
        if (catalogue_id, version) == default_catalogue().key:
            return default_catalogue()
        raise UnknownRecord()
    return _parse_stored(row.content)


def all_catalogues_in(connection: Connection) -> list[Catalogue]:
    return [_parse_stored(row.content) for row in _rows(connection)] or [default_catalogue()]


def active_catalogue_in(connection: Connection) -> Catalogue:
    rows = _rows(connection)
    return _parse_stored(rows[-1].content) if rows else default_catalogue()


def active_catalogue(workspace: Workspace) -> Catalogue:
    with workspace.read() as connection:
        return active_catalogue_in(connection)


def catalogue_for(workspace: Workspace, catalogue_id: str, version: str) -> Catalogue:
    with workspace.read() as connection:
        return stored_catalogue(connection, catalogue_id, version)
