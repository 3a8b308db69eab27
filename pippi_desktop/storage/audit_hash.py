"""The hash of one audit entry: the link of the audit log's chain (`storage/audit.py`).

Apart from the SQL so that `sync/` can check the entries a bundle carries without importing
the database layer.
"""

from __future__ import annotations

import hashlib
import json

# one encoder for every entry (json.dumps with options builds a new one per call)
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode


def entry_hash(entry: dict[str, object]) -> str:
    """The hash of one entry given without its `hash`: canonical JSON, SHA-256, hex."""
    return hashlib.sha256(_CANONICAL(entry).encode("ascii")).hexdigest()
