"""Encrypted backup files (`.pippibak`) of a whole workspace, and reading them back.

Layout::

    b"PIPPIBAK"  version(1 byte)=1  header_length(4 bytes, big endian)
    header: UTF-8 JSON — format, created_at, workspace_id, schema_version, app_version,
            db_size, db_sha256, keyslots (the keyslots.json object of that moment)
    the database: a SQLCipher copy made with `VACUUM INTO`, encrypted with the data key

Nothing in the file is readable without a passphrase or recovery code that was valid when the
backup was made: the database pages are encrypted, and the header holds only random ids,
versions, sizes and the wrapped keys. The file is written atomically and owner-only.
"""

from __future__ import annotations

import contextlib
import hashlib
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

MAGIC = b"PIPPIBAK"
VERSION = 1
FORMAT = "pippi-desktop/backup"
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

    def keyslots(self) -> tuple[KeySlots, str]:
        return parse(self.keyslots_raw)


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
) -> BackupHeader:
    """Write a backup of the open database to `out_path` (atomically, 0600)."""
    out_path = Path(out_path)
    scratch = out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.db")
    try:
        _vacuum_into(engine, scratch)
        os.chmod(scratch, 0o600)
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
        with atomic_writer(out_path) as out, open(scratch, "rb") as handle:
            out.write(_PREFIX.pack(MAGIC, VERSION, len(header_bytes)))
            out.write(header_bytes)
            while chunk := handle.read(CHUNK):
                out.write(chunk)
        return header
    finally:
        with contextlib.suppress(FileNotFoundError):
            scratch.unlink()


def read_header(path: Path) -> tuple[BackupHeader, int]:
    """The header and the offset where the database starts; `InvalidFile('not_a_backup')`."""
    try:
        with open(path, "rb") as handle:
            prefix = handle.read(_PREFIX.size)
            if len(prefix) != _PREFIX.size:
                raise ValueError("short")
            magic, version, length = _PREFIX.unpack(prefix)
            if magic != MAGIC or version != VERSION or not 0 < length <= MAX_HEADER_BYTES:
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


def extract_database(path: Path, header: BackupHeader, offset: int, target: Path) -> None:
    """Copy the database out of the backup into `target`, checking size and digest."""
    digest = hashlib.sha256()
    copied = 0
    with open(path, "rb") as handle, atomic_writer(target) as out:
        handle.seek(offset)
        while chunk := handle.read(CHUNK):
            copied += len(chunk)
            if copied > header.db_size:
                break
            digest.update(chunk)
            out.write(chunk)
        if copied != header.db_size or digest.hexdigest() != header.db_sha256:
            raise InvalidFile("not_a_backup")
