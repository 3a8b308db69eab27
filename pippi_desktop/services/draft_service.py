"""Drafts of unsaved edits, kept encrypted in the workspace while it is locked.

The GUI collects `draft_state()` from every open editor when the workspace locks and saves it
here; after unlocking it lists the drafts and offers them back; a draft is discarded once its
editor saves or the user throws the edits away. Format and key: `storage/drafts.py`.

The drafts' key derives from the data key, so a change of the data key (a new passphrase)
would leave them unreadable: before the change the current drafts key is kept inside the
database (`retired_draft_keys`, under the data key like everything else there), and after it
the drafts are written again under the new key and that entry is removed. A change killed in
between is finished the next time the drafts are listed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from pippi_desktop.domain.drafts import Draft
from pippi_desktop.domain.errors import CannotWrite
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage.drafts import DraftFolder
from pippi_desktop.storage.meta import delete_meta_values, read_meta_values, write_meta_values
from pippi_desktop.storage.workspace import Workspace

log = logging.getLogger(__name__)

DRAFT_KEY_PURPOSE = b"pippi-desktop drafts v1"
RETIRED_KEYS = "retired_draft_keys"


@dataclass(frozen=True)
class DraftToSave:
    """What an editor hands over when the workspace locks."""

    kind: str
    key: str
    title: str
    state: dict[str, Any]


def _folder(store: Workspace, key: bytes | None = None) -> DraftFolder:
    return DraftFolder(
        store.layout.root,
        key=key or store.subkey(DRAFT_KEY_PURPOSE),
        workspace_id=store.identity.workspace_id,
    )


def retire_draft_key(workspace: OpenWorkspace) -> None:
    """Before the data key changes: keep the drafts' key in the database, if there are drafts."""
    store = store_of(workspace)
    if not _folder(store).ids():
        return
    with store.write() as connection:
        kept = json.loads(read_meta_values(connection).get(RETIRED_KEYS) or "[]")
        kept.append(store.subkey(DRAFT_KEY_PURPOSE).hex())
        write_meta_values(connection, {RETIRED_KEYS: json.dumps(kept)})


def rewrite_retired_drafts(workspace: OpenWorkspace) -> int:
    """After the data key changed: every draft under a kept key is written under the current
    key, then the kept keys are forgotten. Returns how many drafts moved."""
    store = store_of(workspace)
    if store.read_only:
        return 0
    with store.read() as connection:
        raw = read_meta_values(connection).get(RETIRED_KEYS)
    if not raw:
        return 0
    current = _folder(store)
    moved = 0
    for old_key in json.loads(raw):
        old = _folder(store, bytes.fromhex(old_key))
        drafts, _others = old.read_all()
        for draft in drafts:
            current.write(kind=draft.kind, key=draft.key, title=draft.title, state=draft.state)
            old.remove(draft.draft_id)
            moved += 1
    with store.write() as connection:
        delete_meta_values(connection, [RETIRED_KEYS])
    log.info("%d drafts written again under the new data key", moved)
    return moved


def save_draft(workspace: OpenWorkspace, draft: DraftToSave) -> Draft:
    saved = _folder(store_of(workspace)).write(
        kind=draft.kind, key=draft.key, title=draft.title, state=draft.state
    )
    log.info("draft saved (%s)", draft.kind)
    return saved


def list_drafts(workspace: OpenWorkspace) -> list[Draft]:
    """The drafts that can be offered back, oldest first (unreadable ones are logged, kept)."""
    try:
        rewrite_retired_drafts(workspace)  # a key change killed before it moved the drafts
    except (CannotWrite, OSError, ValueError):
        log.warning("drafts of an earlier data key could not be moved yet", exc_info=True)
    drafts, _unreadable = _folder(store_of(workspace)).read_all()
    return drafts


def discard_draft(workspace: OpenWorkspace, draft_id: str) -> None:
    _folder(store_of(workspace)).remove(draft_id)
    log.info("draft discarded")


def draft_id_for(workspace: OpenWorkspace, key: str) -> str:
    return _folder(store_of(workspace)).draft_id_for(key)


def keep_drafts_and_close(workspace: OpenWorkspace, drafts: list[DraftToSave]) -> set[str]:
    """Lock: write every draft, then close the workspace whatever happened.

    Returns the draft keys that were written; a draft that could not be written (disk full,
    read-only folder) is logged by kind only and left to the caller, which keeps that editor
    in memory rather than lose it.
    """
    written: set[str] = set()
    try:
        if workspace.is_open:
            for draft in drafts:
                try:
                    save_draft(workspace, draft)
                except (CannotWrite, OSError, ValueError):
                    log.error("draft (%s) could not be written", draft.kind, exc_info=True)
                else:
                    written.add(draft.key)
    finally:
        workspace.close()
    return written
