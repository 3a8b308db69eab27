"""The open workspace as the GUI and the command line hold it: who it is, where, and `close()`.

Services open, create and restore workspaces and hand back an `OpenWorkspace`; every service
call takes it back as its first argument. It exposes nothing of storage: no connection, no
engine, no key slots. Inside services, `store_of(workspace)` reaches the storage `Workspace`
behind it (Anki's `col._backend` idea): the one function of services whose signature names
a storage type, which `tests/test_code_rules.py` keeps out of `gui/` and `cli/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pippi_desktop.domain.workspace_identity import WorkspaceIdentity

if TYPE_CHECKING:  # the window's start imports this module: SQLAlchemy only when opening
    from pippi_desktop.storage.workspace import Workspace


class OpenWorkspace:
    """An unlocked workspace. Closing it (locking) drops every connection and wipes the key."""

    def __init__(self, store: Workspace) -> None:
        self._store = store

    @property
    def identity(self) -> WorkspaceIdentity:
        """Ids, role and name; raises `WorkspaceLocked` once closed."""
        return self._store.identity

    @property
    def name(self) -> str:
        return self.identity.name

    @property
    def role(self) -> str:
        return self.identity.role

    @property
    def folder(self) -> Path:
        """The workspace folder (`NAME.pippiws`), known even after closing."""
        return self._store.layout.root

    @property
    def is_open(self) -> bool:
        return self._store.is_open

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> OpenWorkspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def store_of(workspace: OpenWorkspace) -> Workspace:
    """The storage workspace behind `workspace`: for services, never for gui/ or cli/."""
    return workspace._store
