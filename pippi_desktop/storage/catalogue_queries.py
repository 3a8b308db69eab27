"""Queries of the stored triangle catalogues (the `catalogue` record kind).

A catalogue version is a synced record whose id is derived from `catalogue_id@version`, so
every workspace that loads the same version holds the same record. Its JSON `content` is
parsed once per process (`domain.catalogue`); the newest version loaded is the active one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, select

from pippi_desktop.domain.catalogue import Catalogue, parse_catalogue_bytes
from pippi_desktop.storage.casefile_tables import CATALOGUES

NAMESPACE = uuid.UUID("6f1d3c2a-5b7e-4c1d-9a8e-2f4b6d8c0e11")


def catalogue_record_id(catalogue_id: str, version: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"catalogue:{catalogue_id}@{version}"))


@dataclass(frozen=True)
class StoredCatalogue:
    catalogue: Catalogue
    loaded_at: str
    digest: str


@lru_cache(maxsize=32)
def _parse(content: str) -> Catalogue:
    return parse_catalogue_bytes(content.encode("utf-8"))


def stored_catalogues(connection: Connection) -> list[StoredCatalogue]:
    """The catalogue versions not deleted, in the order they were loaded (the active last)."""
    rows = connection.execute(
        select(CATALOGUES).where(CATALOGUES.c.deleted.is_(False)).order_by(CATALOGUES.c.created_at)
    )
    return [StoredCatalogue(_parse(row.content), row.created_at, row.digest) for row in rows]


def stored_catalogue(connection: Connection, catalogue_id: str, version: str) -> Catalogue | None:
    row = connection.execute(
        select(CATALOGUES.c.content).where(
            CATALOGUES.c.id == catalogue_record_id(catalogue_id, version)
        )
    ).first()
    return None if row is None else _parse(row.content)


def catalogue(
    connection: Connection, catalogue_id: str, version: str, *, default: Catalogue
) -> Catalogue | None:
    """A stored version; the shipped `default` when it is that one and not stored yet."""
    found = stored_catalogue(connection, catalogue_id, version)
    if found is None and (catalogue_id, version) == default.key:
        return default
    return found


def catalogues(connection: Connection, *, default: Catalogue) -> list[Catalogue]:
    """Every stored version, oldest first; `[default]` in a workspace that holds none."""
    return [item.catalogue for item in stored_catalogues(connection)] or [default]


def active_catalogue(connection: Connection, *, default: Catalogue) -> Catalogue:
    """The version new assessments use: the last loaded (`default` before any)."""
    return catalogues(connection, default=default)[-1]
