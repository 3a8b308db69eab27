"""Changing a few fields of a stored record in a test, through the typed service API."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from pippi_desktop.domain.record_inputs import RecordInput
from pippi_desktop.services import casefile_service, casefile_view
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.open_workspace import OpenWorkspace

In = TypeVar("In", bound=RecordInput)


def change(workspace: OpenWorkspace, kind: type[In], record_id: str, **fields: Any) -> SaveResult:
    """Save the stored record with `fields` changed (only those are written)."""
    before = casefile_view.stored_input(workspace, kind, record_id)
    return casefile_service.save_record(
        workspace, replace(before, **fields), record_id=record_id, before=before
    )
