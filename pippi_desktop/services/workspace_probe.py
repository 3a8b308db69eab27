"""What can be learned about a workspace folder before it is unlocked, and where to make one.

On the path that paints the unlock dialog: the standard library only (no `cryptography`, no
SQLAlchemy); the slots themselves are checked when the workspace is unlocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pippi_desktop.domain.errors import TargetNotEmpty
from pippi_desktop.storage.keyslots_envelope import read_workspace_id
from pippi_desktop.storage.layout import WORKSPACE_SUFFIX, WorkspaceLayout


@dataclass(frozen=True)
class ClosedWorkspace:
    """A workspace folder that looks openable. No secret and no personal data."""

    path: Path
    workspace_id: str


def probe_workspace(path: Path) -> ClosedWorkspace:
    """Check `path` is a workspace (typed errors otherwise) and read its public id."""
    layout = WorkspaceLayout(Path(path))
    layout.check_existing()
    return ClosedWorkspace(path=Path(path), workspace_id=read_workspace_id(layout.keyslots))


def check_new_workspace_path(path: Path) -> None:
    """Raise the typed reason why a new workspace cannot be made at `path`."""
    layout = WorkspaceLayout(Path(path))
    layout.check_new()
    if not layout.root.parent.is_dir():
        raise TargetNotEmpty("parent_missing")


def suggest_new_workspace_path(parent: Path, stem: str = "PIPPI") -> Path:
    """`parent/STEM.pippiws`, or `STEM-2.pippiws`, `STEM-3…` when that one is taken."""
    candidate = Path(parent) / f"{stem}{WORKSPACE_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = Path(parent) / f"{stem}-{number}{WORKSPACE_SUFFIX}"
        number += 1
    return candidate


def with_workspace_suffix(path: Path) -> Path:
    """Add `.pippiws` to a folder name that lacks it (what the user typed may not have it)."""
    path = Path(path)
    return (
        path
        if path.name.endswith(WORKSPACE_SUFFIX)
        else path.with_name(path.name + WORKSPACE_SUFFIX)
    )
