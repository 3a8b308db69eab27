"""Tables every workspace has from the first schema: its identity and the audit log."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pippi_desktop.storage.orm import Base


class WorkspaceMetaRow(Base):
    """Key/value identity of the workspace: ids, role, name, incarnation (never secrets)."""

    __tablename__ = "workspace_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AuditEntryRow(Base):
    """Who did what and when: record ids and field names, never values; hash-chained."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    record_type: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    fields: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
