"""The SQLCipher engine, built as TOOLING.md verified on this machine.

Dialect `sqlite+pysqlite` over `sqlcipher3.dbapi2` with a `creator` that keys each new
connection with the raw 256-bit data key (no SQLCipher PBKDF2: ~0.4 ms instead of ~105 ms),
reads once (a wrong key or a damaged file fails here), then sets the PRAGMAs. Transactions
are real: the driver's implicit transaction handling is turned off and SQLAlchemy's `begin`
emits `BEGIN`, so DDL in a migration rolls back with everything else.

A workspace on read-only media is opened `immutable` (SQLite reads it without the `-wal` and
`-shm` files it could not create there); writes then fail as `CannotWrite`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.pool import QueuePool

from pippi_desktop.domain.errors import WorkspaceDamaged
from pippi_desktop.storage.write_errors import from_sqlite_error

SINGLE_STATEMENT_READ = "pippi_single_statement_read"
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA trusted_schema = OFF",
    "PRAGMA busy_timeout = 5000",
    # 32 MiB of decrypted pages per connection: without it every query decrypts again
    "PRAGMA cache_size = -32768",
)


def _key_pragma(data_key: bytes | bytearray) -> str:
    return f"PRAGMA key = \"x'{bytes(data_key).hex()}'\""


def read_only_uri(db_path: Path) -> str:
    return Path(db_path).resolve().as_uri() + "?mode=ro&immutable=1"


def connect_raw(
    db_path: Path, data_key: bytes | bytearray, *, read_only: bool = False
) -> sqlcipher.Connection:
    """One keyed DB-API connection; raises `WorkspaceDamaged('database')` if it cannot read."""
    if not db_path.is_file():
        raise WorkspaceDamaged("database")
    if read_only:
        connection = sqlcipher.connect(read_only_uri(db_path), uri=True, check_same_thread=False)
    else:
        connection = sqlcipher.connect(str(db_path), check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(_key_pragma(data_key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS[1:] if read_only else PRAGMAS:
            connection.execute(pragma).fetchall()
    except sqlcipher.DatabaseError as error:
        connection.close()
        mapped = from_sqlite_error(error, db_path.parent)
        if mapped is not None and not is_damage(error):
            raise mapped from None
        raise WorkspaceDamaged("database") from None
    connection.isolation_level = None  # we emit BEGIN ourselves (transactional DDL)
    return connection


def create_database(db_path: Path, data_key: bytes | bytearray) -> None:
    """Create an empty encrypted database file with private permissions."""
    db_path.touch(mode=0o600, exist_ok=False)
    connection = sqlcipher.connect(str(db_path))
    try:
        connection.execute(_key_pragma(data_key))
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("CREATE TABLE _init (x INTEGER)")
        connection.execute("DROP TABLE _init")
        connection.commit()
        connection.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        connection.close()


def make_engine(
    db_path: Path, key_source: Callable[[], bytes | bytearray], *, read_only: bool = False
) -> Engine:
    """An engine whose connections are keyed by `key_source()` (cleared when locked)."""

    def creator() -> Any:
        return connect_raw(db_path, key_source(), read_only=read_only)

    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        if connection.get_execution_options().get(SINGLE_STATEMENT_READ):
            return  # one SELECT is its own consistent snapshot: no BEGIN round trip
        connection.exec_driver_sql("BEGIN")

    return engine


def is_damage(error: BaseException) -> bool:
    """True for 'file is not a database' / 'database disk image is malformed'."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    return code in (SQLITE_CORRUPT, SQLITE_NOTADB)


@contextmanager
def damage_as_workspace_error(folder: Path | None = None) -> Iterator[None]:
    """Turn SQLCipher's 'not a database' / 'malformed' into `WorkspaceDamaged('database')`,
    and a full disk or read-only media into `CannotWrite` (see `storage.write_errors`)."""
    try:
        yield
    except (SADatabaseError, sqlcipher.DatabaseError) as error:
        if is_damage(error):
            raise WorkspaceDamaged("database") from None
        mapped = from_sqlite_error(error, folder)
        if mapped is not None:
            raise mapped from None
        raise
