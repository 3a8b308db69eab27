"""Encrypted drafts of unsaved edits: `drafts/<id>.draft` inside the workspace folder.

When the workspace locks (idle time, Ctrl+L, quitting) the GUI asks every open editor for its
state and keeps it here, so nothing typed is lost and nothing typed stays readable on disk.

File format (version 1): the magic line `PIPPI-DRAFT 1\\n`, a 12-byte random nonce, then
ChaCha20-Poly1305 over a UTF-8 JSON object `{"kind", "key", "title", "saved_at", "state"}`.
The key is `workspace.subkey(b"pippi-desktop drafts v1")` (HKDF from the data key, so a draft
opens only with this workspace unlocked); the associated data binds the file to its workspace
and to its own id, so a draft cannot be swapped for another one or moved between workspaces.

File names carry no personal data: the id is an HMAC (same key) of the editor's draft key
(e.g. `visit:<uuid>`), so a second lock while the same record is open replaces its draft
instead of adding one, and the name says nothing about what it holds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from pippi_desktop.domain.drafts import Draft
from pippi_desktop.storage.atomic import make_private_dir, write_atomic

log = logging.getLogger(__name__)

DRAFTS_DIR = "drafts"
SUFFIX = ".draft"
MAGIC = b"PIPPI-DRAFT 1\n"
NONCE_BYTES = 12
MAX_DRAFT_BYTES = 8 << 20  # a form's text fields, never more than a few KiB in practice
_ID_RE = re.compile(r"\A[0-9a-f]{32}\Z")


class DraftUnreadable(Exception):
    """A draft file that does not decrypt or parse (damaged, or from another workspace)."""


class DraftFolder:
    """The `drafts/` folder of one unlocked workspace."""

    def __init__(self, workspace_root: Path, *, key: bytes, workspace_id: str) -> None:
        if len(key) != 32:
            raise ValueError("a draft key is 32 bytes")
        self.folder = Path(workspace_root) / DRAFTS_DIR
        self._key = key
        self._aead = ChaCha20Poly1305(key)
        self._workspace_id = workspace_id

    def draft_id_for(self, draft_key: str) -> str:
        return hmac.new(self._key, draft_key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def _path(self, draft_id: str) -> Path:
        if not _ID_RE.match(draft_id):
            raise ValueError("not a draft id")
        return self.folder / f"{draft_id}{SUFFIX}"

    def _associated(self, draft_id: str) -> bytes:
        return MAGIC + self._workspace_id.encode("ascii") + b"\0" + draft_id.encode("ascii")

    def write(self, *, kind: str, key: str, title: str, state: dict[str, Any]) -> Draft:
        draft_id = self.draft_id_for(key)
        saved_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        body = {"kind": kind, "key": key, "title": title, "saved_at": saved_at, "state": state}
        plaintext = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
        if len(plaintext) > MAX_DRAFT_BYTES:
            raise ValueError("draft too large")
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, self._associated(draft_id))
        make_private_dir(self.folder)
        write_atomic(self._path(draft_id), MAGIC + nonce + sealed)
        return Draft(draft_id, kind, key, title, saved_at, state)

    def read(self, draft_id: str) -> Draft:
        path = self._path(draft_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as error:
            raise DraftUnreadable("unreadable") from error
        if len(raw) > MAX_DRAFT_BYTES + 1024 or not raw.startswith(MAGIC):
            raise DraftUnreadable("format")
        nonce = raw[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            plaintext = self._aead.decrypt(
                nonce, raw[len(MAGIC) + NONCE_BYTES :], self._associated(draft_id)
            )
            body = json.loads(plaintext.decode("utf-8"))
            draft = Draft(
                draft_id,
                str(body["kind"]),
                str(body["key"]),
                str(body["title"]),
                str(body["saved_at"]),
                dict(body["state"]),
            )
        except (InvalidTag, ValueError, KeyError, TypeError) as error:
            raise DraftUnreadable("content") from error
        if self.draft_id_for(draft.key) != draft_id:
            raise DraftUnreadable("content")
        return draft

    def ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(
            path.name.removesuffix(SUFFIX)
            for path in self.folder.glob(f"*{SUFFIX}")
            if _ID_RE.match(path.name.removesuffix(SUFFIX))
        )

    def read_all(self) -> tuple[list[Draft], list[str]]:
        """Every readable draft, oldest first, and the ids of those that could not be read."""
        drafts: list[Draft] = []
        unreadable: list[str] = []
        for draft_id in self.ids():
            try:
                drafts.append(self.read(draft_id))
            except FileNotFoundError:
                continue
            except DraftUnreadable:
                log.warning("draft %s cannot be read", draft_id)
                unreadable.append(draft_id)
        drafts.sort(key=lambda draft: (draft.saved_at, draft.draft_id))
        return drafts, unreadable

    def remove(self, draft_id: str) -> None:
        self._path(draft_id).unlink(missing_ok=True)
