"""A draft of unsaved edits, as kept in the workspace and offered back after unlocking.

Written and read by `storage/drafts.py` (encrypted files in `drafts/`), listed by
`services/draft_service.py`, offered back by the GUI's editor host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Draft:
    draft_id: str
    kind: str  # the editor that made it ("visit", "family", …)
    key: str  # what it edits: "visit:<uuid>", "visit:new:<family uuid>"
    title: str
    saved_at: str
    state: dict[str, Any]  # JSON, enough for the editor to rebuild its form
