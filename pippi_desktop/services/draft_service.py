"""Drafts of unsaved edits, kept encrypted in the workspace while it is locked.

The GUI collects `draft_state()` from every open editor when the workspace locks and saves it
here; after unlocking it lists the drafts and offers them back; a draft is discarded once its
editor saves or the user throws the edits away. Format and key: `storage/drafts.py`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage.drafts import DraftFolder, StoredDraft

log = logging.getLogger(__name__)

DRAFT_KEY_PURPOSE = b"pippi-desktop drafts v1"


@dataclass(frozen=True)
class Draft:
    """A draft kept in the workspace, as it is offered back after unlocking."""

    draft_id: str
    kind: str
    key: str
    title: str
    saved_at: str
    state: dict[str, Any]


def _draft(stored: StoredDraft) -> Draft:
    return Draft(
        stored.draft_id, stored.kind, stored.key, stored.title, stored.saved_at, stored.state
    )


@dataclass(frozen=True)
class DraftToSave:
    """What an editor hands over when the workspace locks."""

    kind: str
    key: str
    title: str
    state: dict[str, Any]


def _folder(workspace: OpenWorkspace) -> DraftFolder:
    return DraftFolder(
        workspace.folder,
        key=store_of(workspace).subkey(DRAFT_KEY_PURPOSE),
        workspace_id=workspace.identity.workspace_id,
    )


def save_draft(workspace: OpenWorkspace, draft: DraftToSave) -> Draft:
    saved = _folder(workspace).write(
        kind=draft.kind, key=draft.key, title=draft.title, state=draft.state
    )
    log.info("draft saved (%s)", draft.kind)
    return _draft(saved)


def list_drafts(workspace: OpenWorkspace) -> list[Draft]:
    """The drafts that can be offered back, oldest first (unreadable ones are logged, kept)."""
    drafts, _unreadable = _folder(workspace).read_all()
    return [_draft(draft) for draft in drafts]


def discard_draft(workspace: OpenWorkspace, draft_id: str) -> None:
    _folder(workspace).remove(draft_id)
    log.info("draft discarded")


def draft_id_for(workspace: OpenWorkspace, key: str) -> str:
    return _folder(workspace).draft_id_for(key)


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
                except (OSError, ValueError):
                    log.error("draft (%s) could not be written", draft.kind, exc_info=True)
                else:
                    written.add(draft.key)
    finally:
        workspace.close()
    return written
