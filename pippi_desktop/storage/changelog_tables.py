"""The change log: every local change is an operation `(device_id, counter)`.

`op_log` holds our own operations and, at the office, everyone's (the sync layer imports them).
`local_clock` is one row: this device's operation counter (monotonic, never reused, written in
the same transaction as the change) and its Lamport clock (the highest version seen).
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pippi_desktop.storage.orm import Base


class OperationRow(Base):
    __tablename__ = "op_log"
    __table_args__ = (Index("ix_op_log_record", "record_id"),)

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, primary_key=True)
    lamport: Mapped[int] = mapped_column(Integer, nullable=False)
    hlc: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[str] = mapped_column(String(32), nullable=False)
    record_type: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False)
    action: Mapped[str] = mapped_column(String(8), nullable=False)  # create | update | delete
    changes: Mapped[str] = mapped_column(Text, nullable=False)  # JSON {field: value}
    seen: Mapped[str] = mapped_column(
        Text, nullable=False
    )  # JSON {field: [lamport, device] | null}


class LocalClockRow(Base):
    __tablename__ = "local_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    counter: Mapped[int] = mapped_column(Integer, nullable=False)
    lamport: Mapped[int] = mapped_column(Integer, nullable=False)
    hlc_wall_ms: Mapped[int] = mapped_column(Integer, nullable=False)
    hlc_logical: Mapped[int] = mapped_column(Integer, nullable=False)
