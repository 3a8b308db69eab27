"""What is where inside a `NAME.pippiws/` folder, and what kind of folder a path is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pippi_desktop.domain.errors import (
    NotAWorkspace,
    TargetNotEmpty,
    WorkspaceDamaged,
    WorkspaceNotFound,
)

WORKSPACE_SUFFIX = ".pippiws"
DB_NAME = "workspace.db"
KEYSLOTS_NAME = "keyslots.json"
LOCK_NAME = "workspace.lock"
SUBDIRS = ("outbox", "inbox", "backups", "logs")


@dataclass(frozen=True)
class WorkspaceLayout:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def keyslots(self) -> Path:
        return self.root / KEYSLOTS_NAME

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def check_existing(self) -> None:
        """Raise the precise problem if `root` is not an openable workspace folder."""
        if not self.root.exists():
            raise WorkspaceNotFound()
        if not self.root.is_dir():
            raise NotAWorkspace()
        has_db, has_slots = self.db.is_file(), self.keyslots.is_file()
        if not has_db and not has_slots:
            raise NotAWorkspace()
        if not has_slots:
            raise WorkspaceDamaged("keyslots")
        if not has_db:
            raise WorkspaceDamaged("database")

    def check_new(self) -> None:
        """Raise unless `root` can become a new workspace (absent, or an empty folder)."""
        if self.root.exists():
            if not self.root.is_dir():
                raise TargetNotEmpty()
            if self.keyslots.exists() or self.db.exists():
                raise TargetNotEmpty("workspace")
            if any(self.root.iterdir()):
                raise TargetNotEmpty()
