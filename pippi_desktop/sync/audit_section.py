"""The audit section: the sender's audit entries (who did what: ids and field names, no values).

Each entry travels as its `audit_log` row. The office checks every entry's hash and that the
entries link one to the next (`prev_hash`), numbered as the manifest's `audit_range` says, then
keeps them in `received_audit` keyed by (sending device, seq).

An entry's `device_id` and `actor` are only what the sender wrote: the office records an entry
only when its device is one the bundle's signature vouches for (the sender and its earlier
incarnations) and its actor is a field device's (`educator`). An entry claiming another
device, or the actor `office`, makes the whole bundle `invalid_operation`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from pippi_desktop.storage.audit_hash import entry_hash
from pippi_desktop.sync.strict_json import (
    is_hex64,
    is_text,
    is_uuid,
    require,
)

# field names, as `append_audit` stores them: a compact JSON list of plain names
_FIELDS = re.compile(r'^\[(?:"[a-z0-9_]{1,64}"(?:,"[a-z0-9_]{1,64}"){0,199})?\]$')
KEYS = {
    "seq",
    "at",
    "device_id",
    "actor",
    "action",
    "record_type",
    "record_id",
    "fields",
    "prev_hash",
    "hash",
}


def encode_audit(rows: Iterable[Any]) -> tuple[bytes, int]:
    entries = [{key: row[key] for key in KEYS} for row in rows]
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return data.encode("utf-8"), len(entries)


FIELD_ACTOR = "educator"


def check_audit_senders(entries: list[dict[str, Any]], sender_chain: set[str]) -> None:
    """`ValueError` unless every entry names a device of the signed sender and a field actor."""
    for item in entries:
        require(item["device_id"] in sender_chain and item["actor"] == FIELD_ACTOR)


def check_audit(entries: Any, audit_range: tuple[int, int] | None) -> list[dict[str, Any]]:
    """Decoded entries checked one by one and as a chain; `ValueError` if anything is off."""
    require(isinstance(entries, list))
    first = 0 if audit_range is None else audit_range[0]
    expected = 0 if audit_range is None else audit_range[1] - audit_range[0] + 1
    require(len(entries) == expected)
    previous: str | None = None
    for offset, item in enumerate(entries):
        require(isinstance(item, dict) and item.keys() == KEYS and item["seq"] == first + offset)
        require(type(item["seq"]) is int)
        require(is_text(item["at"], 32) and is_uuid(item["device_id"]))
        require(is_text(item["actor"], 64) and is_text(item["action"], 32))
        require(is_text(item["record_type"], 32, allow_empty=True))
        require(is_text(item["record_id"], 36, allow_empty=True))
        require(isinstance(item["fields"], str) and _FIELDS.fullmatch(item["fields"]) is not None)
        digest = item.pop("hash")
        require(is_hex64(item["prev_hash"]) and is_hex64(digest))
        require(previous is None or item["prev_hash"] == previous)
        require(entry_hash(item) == digest)
        item["hash"] = previous = digest
    result: list[dict[str, Any]] = entries
    return result
