"""The outer check of `keyslots.json`, which needs no key and no cryptography.

Size, JSON, format name and the SHA-256 `checksum` over everything else: enough to tell an
intact file from a damaged one and to read the workspace's public id. `keyslots.parse` starts
here before it checks the slots themselves; the probe before the unlock dialog
(`services/workspace_probe.py`) stops here, so starting the application does not import
`cryptography` (about 17 ms, a tenth of the time to the painted dialog).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from pippi_desktop.domain.errors import WorkspaceDamaged

FORMAT = "pippi-desktop/keyslots"
MAX_FILE_BYTES = 1 << 20


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def checked_body(raw_bytes: bytes) -> dict[str, Any]:
    """The file's fields without `checksum`, once its size, JSON, format name and checksum
    are right; `ValueError` (or `KeyError`, `UnicodeDecodeError`) otherwise."""
    if len(raw_bytes) > MAX_FILE_BYTES:
        raise ValueError("too large")
    raw = json.loads(raw_bytes.decode("utf-8"))
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError("not a keyslots file")
    checksum = raw.pop("checksum")
    if not hmac.compare_digest(hashlib.sha256(canonical_json(raw)).hexdigest(), str(checksum)):
        raise ValueError("checksum mismatch")
    return raw


def read_workspace_id(path: Path) -> str:
    """The public id of the workspace whose `keyslots.json` is `path`, if the file is intact;
    `WorkspaceDamaged("keyslots")` otherwise. Its slots are checked when it is unlocked."""
    try:
        workspace_id = checked_body(path.read_bytes())["workspace_id"]
        if not isinstance(workspace_id, str) or not workspace_id:
            raise ValueError("no workspace id")
    except (FileNotFoundError, ValueError, KeyError):  # UnicodeDecodeError is a ValueError
        raise WorkspaceDamaged("keyslots") from None
    return workspace_id
