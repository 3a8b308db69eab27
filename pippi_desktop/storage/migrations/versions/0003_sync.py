"""Synchronisation: keys, trusted office, devices, bundles sent/received, audit, conflicts.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles_received",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("operations", sa.Integer(), nullable=False),
        sa.Column("audit_entries", sa.Integer(), nullable=False),
        sa.Column("ranges", sa.Text(), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_bundles_received")),
        sa.UniqueConstraint("bundle_id", name=op.f("uq_bundles_received_bundle_id")),
    )
    op.create_table(
        "bundles_sent",
        sa.Column("recipient_key_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=120), nullable=False),
        sa.Column("operations", sa.Integer(), nullable=False),
        sa.Column("ranges", sa.Text(), nullable=False),
        sa.Column("audit_last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("recipient_key_id", "seq", name=op.f("pk_bundles_sent")),
        sa.UniqueConstraint("bundle_id", name=op.f("uq_bundles_sent_bundle_id")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column("winner_version", sa.String(length=80), nullable=True),
        sa.Column("winner_value", sa.Text(), nullable=True),
        sa.Column("loser_version", sa.String(length=80), nullable=True),
        sa.Column("loser_device", sa.String(length=36), nullable=True),
        sa.Column("loser_value", sa.Text(), nullable=True),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column("reviewed_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_conflicts_record", ["record_id"], unique=False)

    op.create_table(
        "received_audit",
        sa.Column("sender_device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("sender_device_id", "seq", name=op.f("pk_received_audit")),
    )
    op.create_table(
        "sync_devices",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("workspace_id", sa.String(length=36), nullable=False),
        sa.Column("educator", sa.String(length=120), nullable=False),
        sa.Column("workspace_name", sa.String(length=200), nullable=False),
        sa.Column("signing_key", sa.String(length=64), nullable=False),
        sa.Column("exchange_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("registered_at", sa.String(length=32), nullable=False),
        sa.Column("revoked_at", sa.String(length=32), nullable=True),
        sa.Column("linked_to", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_devices")),
    )
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_devices_signing_key"), ["signing_key"], unique=False
        )

    op.create_table(
        "sync_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signing_private", sa.String(length=64), nullable=False),
        sa.Column("exchange_private", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_keys")),
    )
    op.create_table(
        "trusted_office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("signing_key", sa.String(length=64), nullable=False),
        sa.Column("exchange_key", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("trusted_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_office")),
    )


def downgrade() -> None:
    op.drop_table("trusted_office")
    op.drop_table("sync_keys")
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_devices_signing_key"))

    op.drop_table("sync_devices")
    op.drop_table("received_audit")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_conflicts_record")

    op.drop_table("conflicts")
    op.drop_table("bundles_sent")
    op.drop_table("bundles_received")
