"""Encrypted drafts in the workspace: round trip, privacy on disk, tamper and key checks."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pippi_desktop.services import draft_service
from pippi_desktop.services.draft_service import DraftToSave
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage.drafts import DRAFTS_DIR, DraftFolder, DraftUnreadable

SECRET_NOTE = "La mamma di Giulia racconta della notte difficile"


def _draft(key: str = "visit:abc", note: str = SECRET_NOTE) -> DraftToSave:
    return DraftToSave(kind="visit", key=key, title="Visita del 3 marzo", state={"note": note})


def test_a_saved_draft_comes_back_and_is_discarded(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    saved = draft_service.save_draft(workspace, _draft())
    [listed] = draft_service.list_drafts(workspace)
    assert listed.state == {"note": SECRET_NOTE}
    assert (listed.kind, listed.key, listed.title) == ("visit", "visit:abc", "Visita del 3 marzo")
    assert listed.draft_id == saved.draft_id == draft_service.draft_id_for(workspace, "visit:abc")
    draft_service.discard_draft(workspace, saved.draft_id)
    assert draft_service.list_drafts(workspace) == []


def test_drafts_on_disk_are_encrypted_private_and_say_nothing_in_their_name(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    draft_service.save_draft(workspace, _draft())
    [path] = (workspace.folder / DRAFTS_DIR).iterdir()
    raw = path.read_bytes()
    assert SECRET_NOTE.encode() not in raw
    assert b"visit:abc" not in raw and b"Visita" not in raw
    # a keyed hash: nothing of the record's kind or id (a test for "abc" in a random hex
    # name failed about once in 140 runs)
    assert re.fullmatch(r"[0-9a-f]{32}\.draft", path.name), path.name
    assert path.stem == draft_service.draft_id_for(workspace, "visit:abc")
    assert path.stem not in hashlib.sha256(b"visit:abc").hexdigest()  # keyed, not guessable
    assert path.stat().st_mode & 0o077 == 0


def test_a_second_lock_of_the_same_record_replaces_its_draft(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    draft_service.save_draft(workspace, _draft(note="prima"))
    draft_service.save_draft(workspace, _draft(note="dopo"))
    draft_service.save_draft(workspace, _draft(key="visit:other", note="altra"))
    notes = sorted(d.state["note"] for d in draft_service.list_drafts(workspace))
    assert notes == ["altra", "dopo"]


def test_a_tampered_draft_is_refused_not_offered(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    saved = draft_service.save_draft(workspace, _draft())
    path = workspace.folder / DRAFTS_DIR / f"{saved.draft_id}.draft"
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    assert draft_service.list_drafts(workspace) == []
    assert path.exists()  # kept for a person to look at, never deleted silently


def test_a_draft_does_not_open_in_another_workspace(
    new_workspace: Callable[..., OpenWorkspace], tmp_path: Path
) -> None:
    first, second = new_workspace("uno"), new_workspace("due")
    saved = draft_service.save_draft(first, _draft())
    other = DraftFolder(
        first.folder,
        key=store_of(second).subkey(draft_service.DRAFT_KEY_PURPOSE),
        workspace_id=second.identity.workspace_id,
    )
    with pytest.raises(DraftUnreadable):
        other.read(saved.draft_id)


def test_keep_drafts_and_close_writes_then_locks(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    written = draft_service.keep_drafts_and_close(workspace, [_draft(), _draft(key="visit:2")])
    assert written == {"visit:abc", "visit:2"}
    assert not workspace.is_open
    assert len(list((workspace.folder / DRAFTS_DIR).iterdir())) == 2


def test_keep_drafts_and_close_still_locks_when_a_draft_cannot_be_written(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace()
    (workspace.folder / DRAFTS_DIR).write_bytes(b"not a folder")
    written = draft_service.keep_drafts_and_close(workspace, [_draft()])
    assert written == set()
    assert not workspace.is_open
