"""The probe before the unlock dialog: a workspace's public id read without any key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pippi_desktop.domain.errors import NotAWorkspace, WorkspaceDamaged
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.workspace_probe import probe_workspace
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.keyslots_envelope import MAX_FILE_BYTES, read_workspace_id


def test_the_probe_reads_the_id_the_workspace_has(
    new_workspace: Callable[..., OpenWorkspace],
) -> None:
    workspace = new_workspace("probe")
    found = probe_workspace(workspace.folder)
    assert found.workspace_id == workspace.identity.workspace_id
    assert found.path == workspace.folder
    slots, _mac = ks.load(store_of(workspace).layout.keyslots)
    assert read_workspace_id(store_of(workspace).layout.keyslots) == slots.workspace_id


def _edit(field: str, value: object) -> Callable[[bytes], bytes]:
    def edit(raw: bytes) -> bytes:
        body = json.loads(raw)
        body[field] = value
        return json.dumps(body).encode()

    return edit


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
        lambda raw: b"\xff\xfe" * 100,
        lambda raw: raw.replace(b'"workspace_id": "', b'"workspace_id": "x'),
        _edit("format", "something/else"),
        lambda raw: b" " * (MAX_FILE_BYTES + 1),
    ],
    ids=["truncated", "empty", "not-utf8", "edited-id", "other-format", "too-large"],
)
def test_a_damaged_file_is_reported_before_the_passphrase_is_asked(
    new_workspace: Callable[..., OpenWorkspace], damage: Callable[[bytes], bytes]
) -> None:
    workspace = new_workspace("damaged")
    root, path = workspace.folder, store_of(workspace).layout.keyslots
    workspace.close()
    raw = path.read_bytes()
    path.write_bytes(damage(raw))
    with pytest.raises(WorkspaceDamaged) as caught:
        probe_workspace(root)
    assert caught.value.variant == "keyslots"


def test_a_missing_key_file_or_a_plain_folder(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspace):
        probe_workspace(tmp_path)
    with pytest.raises(WorkspaceDamaged):
        read_workspace_id(tmp_path / "keyslots.json")
