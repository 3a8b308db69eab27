"""Triangle catalogues stored in the workspace: the default one, loaded versions, lookups.

A catalogue version is an immutable, synced record whose id is derived from
`catalogue_id@version`, so the office and every laptop that load the same version hold the same
record. Loading the same version again with the same content changes nothing; with different
content it is refused (a corrected catalogue needs a new version number). The active catalogue
for new assessments is the most recently loaded one; old assessments keep theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pippi_desktop.domain.catalogue import Catalogue, parse_catalogue_bytes
from pippi_desktop.domain.errors import InvalidFile, UnknownRecord
from pippi_desktop.domain.record_types import CATALOGUE
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.reference_data import default_catalogue
from pippi_desktop.storage import catalogue_queries as queries
from pippi_desktop.storage.changes import ChangeWriter


@dataclass(frozen=True)
class CatalogueInfo:
    catalogue_id: str
    version: str
    loaded_at: str
    active: bool
    subdimensions: int
    digest: str


def _add_catalogue(writer: ChangeWriter, catalogue: Catalogue) -> bool:
    """Store a catalogue version inside the caller's transaction; False if already there."""
    record_id = queries.catalogue_record_id(catalogue.catalogue_id, catalogue.version)
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


def _store_catalogue(workspace: OpenWorkspace, catalogue: Catalogue) -> bool:
    store = store_of(workspace)
    with store.write() as connection:
        writer = ChangeWriter(
            connection, device_id=workspace.identity.device_id, actor=workspace.role
        )
        added = _add_catalogue(writer, catalogue)
        writer.flush()
    return added


def ensure_default_catalogue(workspace: OpenWorkspace) -> None:
    with store_of(workspace).read() as connection:
        if queries.stored_catalogues(connection):
            return
    _store_catalogue(workspace, default_catalogue())


def load_catalogue_file(workspace: OpenWorkspace, path: Path) -> tuple[Catalogue, bool]:
    """Validate a catalogue file and add it as a new version (nothing changes if invalid)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidFile("missing") from None
    except (IsADirectoryError, PermissionError):
        raise InvalidFile("unreadable") from None
    catalogue = parse_catalogue_bytes(data)
    return catalogue, _store_catalogue(workspace, catalogue)


def list_catalogues(workspace: OpenWorkspace) -> list[CatalogueInfo]:
    with store_of(workspace).read() as connection:
        stored = queries.stored_catalogues(connection)
    return [
        CatalogueInfo(
            catalogue_id=item.catalogue.catalogue_id,
            version=item.catalogue.version,
            loaded_at=item.loaded_at,
            active=index == len(stored) - 1,
            subdimensions=len(item.catalogue.subdimensions()),
            digest=item.digest,
        )
        for index, item in enumerate(stored)
    ]


def active_catalogue(workspace: OpenWorkspace) -> Catalogue:
    with store_of(workspace).read() as connection:
        return queries.active_catalogue(connection, default=default_catalogue())


def catalogue_for(workspace: OpenWorkspace, catalogue_id: str, version: str) -> Catalogue:
    """A stored version; `UnknownRecord` if this workspace does not hold it."""
    with store_of(workspace).read() as connection:
        found = queries.catalogue(connection, catalogue_id, version, default=default_catalogue())
    if found is None:
        raise UnknownRecord()
    return found
