"""Sequence and replay rules of received bundles (per sending device id).

Each device numbers its bundles 1, 2, 3, … and names in each the hash of the previous one
(`prev_hash`; 64 zeros for bundle 1). At the office:

- a bundle whose id was already received with the same hash is *already imported*;
- the same bundle id with another hash, another bundle under a sequence number already
  received, or a `prev_hash` that contradicts a neighbour already received means the device
  reused numbers: `rollback_detected` (typically a laptop put back to an old copy by hand);
- anything else is applied, even out of order; the numbers still missing are reported.

The rules only: what was received comes from `storage.sync_queries`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.sync_records import BundleReceived
from pippi_desktop.sync.manifest import GENESIS_HASH, Manifest

NEW = "new"
ALREADY_IMPORTED = "already_imported"


def check_sequence(
    manifest: Manifest,
    bundle_hash: str,
    *,
    hash_of_same_id: str | None,
    around: Mapping[int, BundleReceived],
) -> str:
    """`NEW` or `ALREADY_IMPORTED`; raises `rollback_detected`.

    `hash_of_same_id`: the hash of a bundle already received with this bundle's id; `around`:
    the bundles received from the sender numbered `seq - 1`, `seq`, `seq + 1`."""
    if hash_of_same_id is not None:
        if hash_of_same_id == bundle_hash:
            return ALREADY_IMPORTED
        raise BundleRejected("rollback_detected")
    if manifest.seq == 1 and manifest.prev_hash != GENESIS_HASH:
        raise BundleRejected("rollback_detected")
    if manifest.seq in around:
        raise BundleRejected("rollback_detected")
    before = around.get(manifest.seq - 1)
    if before is not None and before.bundle_hash != manifest.prev_hash:
        raise BundleRejected("rollback_detected")
    after = around.get(manifest.seq + 1)
    if after is not None and after.prev_hash != bundle_hash:
        raise BundleRejected("rollback_detected")
    return NEW


def missing_seqs(seqs: list[int]) -> list[int]:
    """The numbers below the highest received that have not arrived."""
    have = set(seqs)
    return [n for n in range(1, max(seqs, default=0) + 1) if n not in have]


def sender_has_gap(
    manifest: Manifest,
    chain_ids: Collection[str],
    *,
    received_seqs: Callable[[str], list[int]],
    operations_before: Callable[[str, int], int],
) -> bool:
    """Could a bundle not received yet hold the create of a record this bundle refers to?

    Yes when a bundle number of the sender's chain (its incarnations) is missing, counting this
    one as received, or when some operation of a device in this bundle, numbered before the
    bundle's first one, has not arrived. `received_seqs(device)` are the numbers received from
    a device; `operations_before(device, counter)` counts the operations held of a device
    numbered before `counter`.
    """
    for device_id in chain_ids:
        seqs = received_seqs(device_id)
        if device_id == manifest.sender_device_id:
            seqs = sorted({*seqs, manifest.seq})
        if missing_seqs(seqs):
            return True
    for item in manifest.operation_ranges:
        if item.first == 1:
            continue
        if operations_before(item.device_id, item.first) < item.first - 1:
            return True
    return False
