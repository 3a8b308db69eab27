"""Encrypted backup files (`.pippibak`) of a whole workspace, and reading them back.

Layout (version 2, since issue 13)::

    b"PIPPIBAK"  version(1 byte)=2  header_length(4 bytes, big endian)
    header: UTF-8 JSON — format, created_at, workspace_id, schema_version, app_version,
            db_size, db_sha256, keyslots (the keyslots.json object of that moment)
    the database: a SQLCipher copy made with `VACUUM INTO`, encrypted with the data key
    seal: 32 bytes, HMAC-SHA256 of every byte before it, under a key derived from the data key
          (`BACKUP_SEAL_PURPOSE`)

Nothing in the file is readable without a passphrase or recovery code that was valid when the
backup was made: the database pages are encrypted, and the header holds only random ids,
versions, sizes and the wrapped keys. The file is written atomically and owner-only.

The seal is keyed: changing a byte anywhere (header or database) and recomputing the header's
SHA-256 is caught, because only the data key can make the seal. `restore` checks it while it
copies the database into a staging folder and keeps nothing when it does not match.
Version 1 (before issue 13) has no seal: `restore` refuses it unless asked explicitly, and
then accepts it only after SQLCipher's keyed check of every page, `quick_check` and the audit
chain (see `services.workspace_service.restore_workspace`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.storage.atomic import atomic_writer
from pippi_desktop.storage.keyslots import KeySlots, parse
from pippi_desktop.storage.write_errors import remove_quietly, reporting_write_errors

MAGIC = b"PIPPIBAK"
VERSION = 2
UNSEALED_VERSION = 1
FORMAT = "pippi-desktop/backup"
BACKUP_SEAL_PURPOSE = b"pippi-desktop backup seal v2"
SEAL_BYTES = 32
_PREFIX = struct.Struct(">8sBI")
MAX_HEADER_BYTES = 1 << 20
CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupHeader:
    created_at: str
    workspace_id: str
    schema_version: int
    app_version: str
    db_size: int
    db_sha256: str
    keyslots_raw: bytes
    version: int = VERSION

    def keyslots(self) -> tuple[KeySlots, str]:
        return parse(self.keyslots_raw)

    @property
    def sealed(self) -> bool:
        return self.version >= VERSION


def _vacuum_into(engine: Engine, target: Path) -> None:
    literal = str(target).replace("'", "''")
    connection = engine.raw_connection()  # VACUUM cannot run inside our BEGIN
    try:
        connection.cursor().execute(f"VACUUM INTO '{literal}'")
    finally:
        connection.close()


def write_backup(
    engine: Engine,
    out_path: Path,
    *,
    keyslots_bytes: bytes,
    workspace_id: str,
    schema_version: int,
    app_version: str,
    seal_key: bytes,
) -> BackupHeader:
    """Write a backup of the open database to `out_path` (atomically, 0600), sealed with
    `seal_key` (the workspace's `subkey(BACKUP_SEAL_PURPOSE)`)."""
    out_path = Path(out_path)
    scratch = out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.db")
    try:
        with reporting_write_errors(out_path.parent):
            # made empty and owner-only first (VACUUM INTO accepts an empty file): the copy
            # is never readable by others, and read-only media fails here with its errno
            os.close(os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            _vacuum_into(engine, scratch)
        digest = hashlib.sha256()
        with open(scratch, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        header = BackupHeader(
            created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            workspace_id=workspace_id,
            schema_version=schema_version,
            app_version=app_version,
            db_size=scratch.stat().st_size,
            db_sha256=digest.hexdigest(),
            keyslots_raw=keyslots_bytes,
        )
        header_bytes = json.dumps(
            {
                "format": FORMAT,
                "created_at": header.created_at,
                "workspace_id": header.workspace_id,
                "schema_version": header.schema_version,
                "app_version": header.app_version,
                "db_size": header.db_size,
                "db_sha256": header.db_sha256,
                "keyslots": json.loads(keyslots_bytes),
            },
            sort_keys=True,
        ).encode("utf-8")
        seal = hmac.new(seal_key, digestmod=hashlib.sha256)
        with atomic_writer(out_path) as out, open(scratch, "rb") as handle:
            for part in (_PREFIX.pack(MAGIC, VERSION, len(header_bytes)), header_bytes):
                seal.update(part)
                out.write(part)
            while chunk := handle.read(CHUNK):
                seal.update(chunk)
                out.write(chunk)
            out.write(seal.digest())
        return header
    finally:
        remove_quietly(scratch)


def read_header(path: Path) -> tuple[BackupHeader, int]:
    """The header and the offset where the database starts; `InvalidFile('not_a_backup')`."""
    try:
        with open(path, "rb") as handle:
            prefix = handle.read(_PREFIX.size)
            if len(prefix) != _PREFIX.size:
                raise ValueError("short")
            magic, version, length = _PREFIX.unpack(prefix)
            if (
                magic != MAGIC
                or version not in (UNSEALED_VERSION, VERSION)
                or not 0 < length <= MAX_HEADER_BYTES
            ):
                raise ValueError("not a backup")
            raw: Any = json.loads(handle.read(length).decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a backup")
        keyslots_raw = json.dumps(raw["keyslots"], indent=2, sort_keys=True).encode() + b"\n"
        header = BackupHeader(
            created_at=str(raw["created_at"]),
            workspace_id=str(raw["workspace_id"]),
            schema_version=int(raw["schema_version"]),
            app_version=str(raw["app_version"]),
            db_size=int(raw["db_size"]),
            db_sha256=str(raw["db_sha256"]),
            keyslots_raw=keyslots_raw,
            version=version,
        )
    except FileNotFoundError:
        raise InvalidFile("missing") from None
    except IsADirectoryError:
        raise InvalidFile("not_a_backup") from None
    except PermissionError:
        raise InvalidFile("unreadable") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, struct.error):
        raise InvalidFile("not_a_backup") from None
    return header, _PREFIX.size + length


def extract_database(
    path: Path, header: BackupHeader, offset: int, target: Path, *, seal_key: bytes | None
) -> None:
    """Copy the database out of the backup into `target`, checking size and digest and, for
    a sealed backup, the seal over everything before it (`InvalidFile('backup_tampered')`).

    One pass over the file: what is checked is exactly what was copied.
    """
    digest = hashlib.sha256()
    seal = hmac.new(seal_key or b"", digestmod=hashlib.sha256)
    trailer = SEAL_BYTES if header.sealed else 0
    with open(path, "rb") as handle, atomic_writer(target) as out:
        seal.update(handle.read(offset))
        left = header.db_size
        while left > 0 and (chunk := handle.read(min(CHUNK, left))):
            left -= len(chunk)
            digest.update(chunk)
            seal.update(chunk)
            out.write(chunk)
        stored = handle.read(trailer + 1)
        if left or len(stored) != trailer:
            raise InvalidFile("backup_tampered" if header.sealed else "not_a_backup")
        if header.sealed and (seal_key is None or not hmac.compare_digest(seal.digest(), stored)):
            raise InvalidFile("backup_tampered")
        if digest.hexdigest() != header.db_sha256:
            raise InvalidFile("backup_tampered" if header.sealed else "not_a_backup")
