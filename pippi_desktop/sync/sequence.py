"""Sequence and replay rules of received bundles (per sending device id).

Each device numbers its bundles 1, 2, 3, … and names in each the hash of the previous one
(`prev_hash`; 64 zeros for bundle 1). At the office:

- a bundle whose id was already received with the same hash is *already imported*;
- the same bundle id with another hash, another bundle under a sequence number already
  received, or a `prev_hash` that contradicts a neighbour already received means the device
  reused numbers: `rollback_detected` (typically a laptop put back to an old copy by hand);
- anything else is applied, even out of order; the numbers still missing are reported.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.storage.changelog_tables import OperationRow
from pippi_desktop.storage.sync_tables import BundleReceivedRow
from pippi_desktop.sync.manifest import GENESIS_HASH, Manifest

NEW = "new"
ALREADY_IMPORTED = "already_imported"


def check_sequence(connection: Connection, manifest: Manifest, bundle_hash: str) -> str:
    received = BundleReceivedRow.__table__
    same_id = connection.execute(
        select(received.c.bundle_hash).where(received.c.bundle_id == manifest.bundle_id)
    ).first()
    if same_id is not None:
        if same_id[0] == bundle_hash:
            return ALREADY_IMPORTED
        raise BundleRejected("rollback_detected")
    if manifest.seq == 1 and manifest.prev_hash != GENESIS_HASH:
        raise BundleRejected("rollback_detected")
    neighbours = {
        int(row.seq): row
        for row in connection.execute(
            select(received.c.seq, received.c.bundle_hash, received.c.prev_hash).where(
                received.c.device_id == manifest.sender_device_id,
                received.c.seq.between(manifest.seq - 1, manifest.seq + 1),
            )
        )
    }
    if manifest.seq in neighbours:
        raise BundleRejected("rollback_detected")
    before = neighbours.get(manifest.seq - 1)
    if before is not None and before.bundle_hash != manifest.prev_hash:
        raise BundleRejected("rollback_detected")
    after = neighbours.get(manifest.seq + 1)
    if after is not None and after.prev_hash != bundle_hash:
        raise BundleRejected("rollback_detected")
    return NEW


def received_seqs(connection: Connection, device_id: str) -> list[int]:
    received = BundleReceivedRow.__table__
    return sorted(
        int(row[0])
        for row in connection.execute(
            select(received.c.seq).where(received.c.device_id == device_id)
        )
    )


def missing_seqs(seqs: list[int]) -> list[int]:
    """The numbers below the highest received that have not arrived."""
    have = set(seqs)
    return [n for n in range(1, max(seqs, default=0) + 1) if n not in have]


def sender_has_gap(connection: Connection, chain_ids: set[str], manifest: Manifest) -> bool:
    """Could a bundle not received yet hold the create of a record this bundle refers to?

    Yes when a bundle number of the sender's chain (its incarnations) is missing, counting this
    one as received, or when some operation of a device in this bundle, numbered before the
    bundle's first one, has not arrived.
    """
    for device_id in chain_ids:
        seqs = received_seqs(connection, device_id)
        if device_id == manifest.sender_device_id:
            seqs = sorted({*seqs, manifest.seq})
        if missing_seqs(seqs):
            return True
    ops = OperationRow.__table__
    for item in manifest.operation_ranges:
        if item.first == 1:
            continue
        have = connection.execute(
            select(func.count())
            .select_from(ops)
            .where(ops.c.device_id == item.device_id, ops.c.counter < item.first)
        ).scalar()
        if int(have or 0) < item.first - 1:
            return True
    return False
