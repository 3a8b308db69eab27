"""The case file as JSON: `family --json`, `export-data` (a data-access request or a move).

Dates are ISO strings; references are record ids, with the names of the people they point to
where a reader needs them (the assessed child, attendance). Everything a person could ask to
see about their family is here; nothing internal (versions, change log) is.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.domain.records import CaseFile, FamilySummary, GroupSession, Record
from pippi_desktop.services import casefile_view
from pippi_desktop.services.catalogue_service import list_catalogues
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.storage.atomic import atomic_writer
from pippi_desktop.version import __version__

EXPORT_FORMAT = "pippi-desktop/data-export"


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def record_json(record: Record) -> dict[str, Any]:
    data = {
        item.name: getattr(record, item.name) for item in fields(record) if item.name != "entries"
    }
    return {key: _plain(value) for key, value in data.items()}


def summary_json(summary: FamilySummary) -> dict[str, Any]:
    return {key: _plain(value) for key, value in asdict(summary).items()}


def case_file_json(case: CaseFile) -> dict[str, Any]:
    family = record_json(case.family)
    names = {person.id: person.full_name for person in case.members}
    assessments = []
    for assessment in case.assessments:
        item = record_json(assessment)
        item["child"] = names.get(assessment.child_id)
        item["label"] = assessment.label
        item["scores"] = assessment.scores()
        item["entries"] = [record_json(entry) for entry in assessment.entries]
        assessments.append(item)
    sessions = []
    for participation in case.group_sessions:
        item = record_json(participation.session)
        item["attendance"] = [
            {**record_json(a), "person": names.get(a.person_id)} for a in participation.attendance
        ]
        sessions.append(item)
    return {
        **family,
        "phases": [record_json(step) for step in case.phases],
        "members": [record_json(person) for person in case.members],
        "equipe": [record_json(member) for member in case.equipe],
        "dispositivi": [record_json(item) for item in case.dispositivi],
        "visits": [record_json(visit) for visit in case.visits],
        "group_sessions": sessions,
        "assessments": assessments,
        "micro_project": [record_json(item) for item in case.micro_project],
    }


def group_session_json(workspace: OpenWorkspace, session: GroupSession) -> dict[str, Any]:
    _, attendance, people = casefile_view.group_session(workspace, session.id)
    item = record_json(session)
    item["attendance"] = [
        {
            **record_json(a),
            "person": people[a.person_id].full_name if a.person_id in people else None,
        }
        for a in attendance
    ]
    return item


def export_data(
    workspace: OpenWorkspace, out_path: Path, *, family_code: str | None = None
) -> dict[str, int]:
    """Write everything (or one family) as JSON to `out_path`, atomically and owner-only."""
    out_path = Path(out_path)
    if out_path.exists():
        raise InvalidFile("output_exists")
    if not out_path.parent.is_dir():
        raise InvalidFile("output_unwritable")
    if family_code is not None:
        family_ids = [casefile_view.find_family_id(workspace, family_code)]
    else:
        family_ids = [s.id for s in casefile_view.list_families(workspace)]
    families = [case_file_json(casefile_view.case_file(workspace, fid)) for fid in family_ids]
    if family_code is None:
        sessions = [
            group_session_json(workspace, s) for s in casefile_view.list_group_sessions(workspace)
        ]
    else:
        sessions = [item for family in families for item in family["group_sessions"]]
    identity = workspace.identity
    document = {
        "format": EXPORT_FORMAT,
        "format_version": 1,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "app_version": __version__,
        "workspace": {
            "workspace_id": identity.workspace_id,
            "role": identity.role,
            "name": identity.name,
        },
        "catalogues": [asdict(info) for info in list_catalogues(workspace)],
        "families": families,
        "group_sessions": sessions if family_code is None else [],
    }
    try:
        with atomic_writer(out_path) as handle:
            handle.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    except PermissionError:
        raise InvalidFile("output_unwritable") from None
    return {"families": len(families), "group_sessions": len(sessions)}
