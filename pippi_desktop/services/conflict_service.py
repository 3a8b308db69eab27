"""The conflicts the office reviews: values that lost to a concurrent edit, edits made after a
concurrent delete, family codes used on two laptops.

Conflict rows are kept by merge (`sync.fold`); a `concurrent_edit` whose losing value equals
the winning one is no real disagreement and is not listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pippi_desktop.domain.workspace_identity import ROLE_OFFICE
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.trust_service import require_role
from pippi_desktop.storage import casefile_queries, sync_queries
from pippi_desktop.sync.fold import is_disagreement


def _decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)


@dataclass(frozen=True)
class ConflictView:
    conflict_id: str
    kind: str
    record_type: str
    record_id: str
    family_id: str | None
    family_code: str | None
    field: str | None
    current_value: Any
    other_value: Any
    other_device: str | None
    other_educator: str | None
    detected_at: str
    reviewed_at: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.conflict_id,
            "kind": self.kind,
            "record_type": self.record_type,
            "record_id": self.record_id,
            "family_id": self.family_id,
            "family_code": self.family_code,
            "field": self.field,
            "current_value": self.current_value,
            "other_value": self.other_value,
            "other_device": self.other_device,
            "other_educator": self.other_educator,
            "detected_at": self.detected_at,
            "reviewed_at": self.reviewed_at,
        }


def list_conflicts(
    workspace: OpenWorkspace, *, include_same_value: bool = False
) -> list[ConflictView]:
    require_role(workspace, ROLE_OFFICE)
    with store_of(workspace).read() as connection:
        rows = sync_queries.all_conflicts(connection)
        educators = sync_queries.educators_by_device(connection)
        codes = casefile_queries.family_codes(
            connection, sorted({row["family_id"] for row in rows if row["family_id"]})
        )
    views = []
    for row in rows:
        if not include_same_value and not is_disagreement(dict(row)):
            continue
        views.append(
            ConflictView(
                conflict_id=row["id"],
                kind=row["kind"],
                record_type=row["record_type"],
                record_id=row["record_id"],
                family_id=row["family_id"],
                family_code=codes.get(row["family_id"]) if row["family_id"] else None,
                field=row["field"],
                current_value=_decode(row["winner_value"]),
                other_value=_decode(row["loser_value"]),
                other_device=row["loser_device"],
                other_educator=educators.get(row["loser_device"]) if row["loser_device"] else None,
                detected_at=row["detected_at"],
                reviewed_at=row["reviewed_at"],
            )
        )
    views.sort(key=lambda v: (v.family_code or "~", v.record_id, v.field or "", v.conflict_id))
    return views
