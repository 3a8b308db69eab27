"""Who a workspace is: its ids, its role (an educator's laptop or the office) and its name.

Stored in `workspace_meta` (`storage/meta.py`) and handed to the GUI and the command line
through the services' `OpenWorkspace`; no secret and no personal data (the name is the
workspace's, e.g. «Ambito Territoriale 7», chosen at creation).
"""

from __future__ import annotations

from dataclasses import dataclass

ROLE_EDUCATOR = "educator"
ROLE_OFFICE = "office"
ROLES = (ROLE_EDUCATOR, ROLE_OFFICE)


@dataclass(frozen=True)
class WorkspaceIdentity:
    workspace_id: str
    device_id: str  # changes with each incarnation (a restore from a backup)
    role: str
    name: str
    incarnation: int
    created_at: str
