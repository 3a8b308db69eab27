"""The case-file use cases: create, change and delete every kind of record, with their rules.

Everything goes through a `UnitOfWork`: one write transaction, one `ChangeWriter` (so every
change gets its operation, field versions and audit entry in that same transaction), the
vocabulary and today's date for validation. The functions at the bottom of the module are the
API the GUI and the command line call; each returns what changed (`DataChanges`).

Rules checked here, beyond the field types of `domain.validation`:
- references name records that exist, are not deleted and belong to the same family;
- an assessment is about a child of the family, uses a stored catalogue, and each entry's
  sub-dimension and score fit that catalogue and its scale;
- a family code is unique among this workspace's families;
- changing a family's phase also records the step (`phase_record`) with its date;
- deleting a family tombstones everything that belongs to it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.errors import InvalidRecord, UnknownRecord
from pippi_desktop.domain.family_codes import device_tag, new_stats_code, next_family_code
from pippi_desktop.domain.record_types import (
    FAMILY_CHILD_KINDS,
    FieldSpec,
    FieldType,
    RecordSpec,
    spec_for,
)
from pippi_desktop.domain.validation import ValidationContext, check_record, clean_values
from pippi_desktop.services import catalogue_service
from pippi_desktop.services.reference_data import vocabulary
from pippi_desktop.storage import casefile_queries as queries
from pippi_desktop.storage.changes import ChangeWriter, DataChanges, row_values
from pippi_desktop.storage.workspace import Workspace

NAMESPACE = uuid.UUID("0b9c2f3e-8a41-4d5c-b6e7-1f2a3b4c5d6e")
FAMILY_SCOPED_REFS = ("person", "equipe_member", "microproject_item")


def entry_id(assessment_id: str, subdimension: str) -> str:
    """Deterministic, so the same entry made on two laptops is the same record."""
    return str(uuid.uuid5(NAMESPACE, f"entry:{assessment_id}/{subdimension}"))


def attendance_id(session_id: str, person_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"attendance:{session_id}/{person_id}"))


class UnitOfWork:
    """One write transaction of case-file changes."""

    def __init__(self, workspace: Workspace, connection: Any, *, today: date | None = None) -> None:
        identity = workspace.identity
        self.workspace = workspace
        self.connection = connection
        self.writer = ChangeWriter(
            connection,
            device_id=identity.device_id,
            actor=identity.role,
            state=workspace.write_state,
            on_flush=workspace.remember_write_state,
        )
        self.vocabulary = vocabulary()
        self.today = today or date.today()
        self.ctx = ValidationContext(self.vocabulary, self.today)
        self._catalogues: dict[tuple[str, str], Catalogue] = {}
        self._subdimensions: set[str] | None = None

    # --- lookups ----------------------------------------------------------------------------

    def _live(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """The stored row of a record that exists and is not deleted (plain columns only)."""
        row = self.writer.read(spec_for(kind), record_id)
        if row is None or row["deleted"]:
            return None
        return row

    def catalogue(self, catalogue_id: str, version: str) -> Catalogue:
        key = (catalogue_id, version)
        if key not in self._catalogues:
            self.writer.flush_rows()
            try:
                self._catalogues[key] = catalogue_service.stored_catalogue(self.connection, *key)
            except UnknownRecord:
                raise InvalidRecord.of(
                    spec_for("assessment").field("catalogue_version"), "not_in_list"
                ) from None
        return self._catalogues[key]

    def active_catalogue(self) -> Catalogue:
        self.writer.flush_rows()
        return catalogue_service.active_catalogue_in(self.connection)

    # --- rules ------------------------------------------------------------------------------

    def _check_references(
        self, spec: RecordSpec, values: Mapping[str, Any], family_id: str | None
    ) -> None:
        for name, value in values.items():
            field = spec.field(name)
            if (
                value is None
                or field.type not in (FieldType.REF, FieldType.REFS)
                or name == "family_id"
            ):
                continue
            assert field.ref is not None
            for ref_id in value if field.type is FieldType.REFS else [value]:
                target = self._live(field.ref, ref_id)
                if target is None:
                    raise InvalidRecord.of(
                        field, "" if field.ref not in FAMILY_SCOPED_REFS else "not_in_family"
                    )
                if (
                    field.ref in FAMILY_SCOPED_REFS
                    and family_id
                    and target.get("family_id") != family_id
                ):
                    raise InvalidRecord.of(field, "not_in_family")

    def _check_child(self, person_id: str | None, family_id: str, field: FieldSpec) -> None:
        if person_id is None:
            return
        person = self._live("person", person_id)
        if person is None or person["family_id"] != family_id:
            raise InvalidRecord.of(field, "not_in_family")
        if person["role"] not in self.vocabulary.child_roles():
            raise InvalidRecord.of(field, "not_a_child")

    def _check_kind_rules(
        self, kind: str, merged: Mapping[str, Any], record_id: str | None
    ) -> None:
        spec = spec_for(kind)
        if kind == "family":
            self.writer.flush_rows()
            clashes = [
                fid
                for fid in queries.families_with_code(self.connection, merged["code"])
                if fid != record_id
            ]
            if clashes:
                raise InvalidRecord.of(spec.field("code"), "duplicate")
        elif kind in ("assessment", "microproject_item"):
            self._check_child(merged.get("child_id"), merged["family_id"], spec.field("child_id"))
            if kind == "assessment":
                self.catalogue(merged["catalogue_id"], merged["catalogue_version"])
            elif not self._known_subdimension(merged["subdimension"]):
                raise InvalidRecord.of(spec.field("subdimension"), "not_in_list")
        elif kind == "assessment_entry":
            assessment = self._live("assessment", merged["assessment_id"])
            if assessment is None:
                raise InvalidRecord.of(spec.field("assessment_id"))
            catalogue = self.catalogue(assessment["catalogue_id"], assessment["catalogue_version"])
            if catalogue.subdimension(merged["subdimension"]) is None:
                raise InvalidRecord.of(spec.field("subdimension"), "not_in_list")
            score = merged.get("score")
            if score is not None and not catalogue.scale.contains(score):
                raise InvalidRecord.of(
                    spec.field("score"),
                    "out_of_scale",
                    minimum=catalogue.scale.minimum,
                    maximum=catalogue.scale.maximum,
                )

    def _known_subdimension(self, sub_id: str) -> bool:
        """A micro-project objective may name a sub-dimension of any stored catalogue."""
        if self._subdimensions is None:
            self.writer.flush_rows()
            self._subdimensions = {
                sub.sub_id
                for catalogue in catalogue_service.all_catalogues_in(self.connection)
                for sub in catalogue.subdimensions()
            }
        return sub_id in self._subdimensions

    # --- preparing values ------------------------------------------------------------------

    def _prepare_create(self, kind: str, values: dict[str, Any]) -> None:
        if kind == "family":
            if not values.get("code"):
                self.writer.flush_rows()
                year = self.today.year
                tag = device_tag(self.workspace.identity.device_id)
                values["code"] = next_family_code(
                    year, tag, queries.codes_like(self.connection, f"F-{year:04d}-{tag}-")
                )
            values["stats_code"] = new_stats_code()
            values.setdefault("phase", self.vocabulary.codes("phases")[0])
        elif kind == "attendance":
            person = self._live("person", str(values.get("person_id")))
            if person is None:
                raise InvalidRecord.of(spec_for(kind).field("person_id"))
            values["family_id"] = person["family_id"]
        elif kind == "assessment_entry":
            assessment = self._live("assessment", str(values.get("assessment_id")))
            if assessment is None:
                raise InvalidRecord.of(spec_for(kind).field("assessment_id"))
            values["family_id"] = assessment["family_id"]
        elif kind == "assessment" and not values.get("catalogue_id"):
            active = self.active_catalogue()
            values["catalogue_id"], values["catalogue_version"] = (
                active.catalogue_id,
                active.version,
            )
        elif kind == "microproject_item":
            values.setdefault("verification_status", "da_verificare")

    def _family_of(self, spec: RecordSpec, values: Mapping[str, Any], record_id: str) -> str | None:
        if spec.kind == "family":
            return record_id
        if spec.family_field:
            return values.get(spec.family_field)
        return None

    # --- writes -------------------------------------------------------------------------------

    def create(self, kind: str, values: Mapping[str, Any], *, record_id: str | None = None) -> str:
        spec = spec_for(kind)
        prepared = dict(values)
        self._prepare_create(kind, prepared)
        cleaned = clean_values(spec, prepared, self.vocabulary, creating=True)
        check_record(kind, cleaned, self.ctx)
        family_id = cleaned.get("family_id")
        if family_id is not None and self._live("family", family_id) is None:
            raise UnknownRecord("family")
        self._check_references(spec, cleaned, family_id)
        self._check_kind_rules(kind, cleaned, None)
        new_id = self.writer.create(spec, cleaned, record_id=record_id)
        if kind == "family":
            self.writer.create(
                spec_for("phase_record"),
                {
                    "family_id": new_id,
                    "phase": cleaned["phase"],
                    "date": (cleaned.get("start_date") or self.today.isoformat()),
                },
            )
        return new_id

    def update(
        self,
        kind: str,
        record_id: str,
        values: Mapping[str, Any],
        *,
        phase_date: date | None = None,
    ) -> bool:
        """Change some fields; a family's new phase is recorded as a step dated `phase_date`."""
        spec = spec_for(kind)
        row = self.writer.read(spec, record_id)
        if row is None:
            raise UnknownRecord(kind if kind in UnknownRecord.texts else "")
        if row["deleted"]:
            raise InvalidRecord("deleted", record=kind)
        stored = row_values(spec, row)
        cleaned = clean_values(spec, values, self.vocabulary, creating=False)
        for name, value in cleaned.items():
            if spec.field(name).immutable and value != stored.get(name):
                raise InvalidRecord.of(spec.field(name))
        merged = {**stored, **cleaned}
        check_record(kind, merged, self.ctx)
        self._check_references(spec, cleaned, merged.get("family_id"))
        self._check_kind_rules(kind, merged, record_id)
        changed = self.writer.update(spec, record_id, cleaned)
        if (
            changed
            and kind == "family"
            and "phase" in cleaned
            and cleaned["phase"] != stored["phase"]
        ):
            self.writer.create(
                spec_for("phase_record"),
                {
                    "family_id": record_id,
                    "phase": cleaned["phase"],
                    "date": (phase_date or self.today).isoformat(),
                },
            )
        return changed

    def set_phase(self, family_id: str, phase: str, on: date) -> bool:
        """Move a family to a phase of the pathway from a given date."""
        return self.update("family", family_id, {"phase": phase}, phase_date=on)

    def delete(self, kind: str, record_id: str) -> bool:
        spec = spec_for(kind)
        self.writer.flush_rows()
        row = self.writer.read(spec, record_id)
        if row is None:
            raise UnknownRecord(kind if kind in UnknownRecord.texts else "")
        if not self.writer.delete(spec, record_id):
            return False
        children: list[tuple[str, dict[str, str]]] = []
        if kind == "family":
            children = [(child, {"family_id": record_id}) for child in FAMILY_CHILD_KINDS]
        elif kind == "assessment":
            children = [("assessment_entry", {"assessment_id": record_id})]
        elif kind == "group_session":
            children = [("attendance", {"session_id": record_id})]
        for child_kind, where in children:
            for child in queries.load_rows(self.connection, spec_for(child_kind), where=where):
                self.writer.delete(spec_for(child_kind), child["id"])
        return True

    def finish(self) -> DataChanges:
        changes = self.writer.flush()
        queries.refresh_family_summaries(
            self.connection,
            changes.family_ids,
            child_roles=self.vocabulary.child_roles(),
            names=bool(changes.kinds & {"family", "person"}),
        )
        return changes


@contextmanager
def unit_of_work(workspace: Workspace, *, today: date | None = None) -> Iterator[UnitOfWork]:
    """One transaction: everything inside is saved together, or nothing is."""
    with workspace.write() as connection:
        uow = UnitOfWork(workspace, connection, today=today)
        yield uow
        uow.finish()


# --- the API of the GUI and the command line ------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    record_id: str
    changes: DataChanges


def save_record(
    workspace: Workspace, kind: str, values: Mapping[str, Any], *, record_id: str | None = None
) -> SaveResult:
    """Create (no `record_id`) or update one record; unchanged fields are not rewritten."""
    with unit_of_work(workspace) as uow:
        if record_id is None:
            record_id = uow.create(kind, values)
        else:
            uow.update(kind, record_id, values)
    return SaveResult(record_id, uow.writer.changes)


def delete_record(workspace: Workspace, kind: str, record_id: str) -> DataChanges:
    with unit_of_work(workspace) as uow:
        uow.delete(kind, record_id)
    return uow.writer.changes


def save_entries(
    uow: UnitOfWork, assessment_id: str, entries: Mapping[str, Mapping[str, Any]]
) -> None:
    """Set the per-sub-dimension entries of an assessment (created or updated as needed)."""
    for subdimension, values in entries.items():
        record_id = entry_id(assessment_id, subdimension)
        if uow.writer.read(spec_for("assessment_entry"), record_id) is None:
            uow.create(
                "assessment_entry",
                {**values, "assessment_id": assessment_id, "subdimension": subdimension},
                record_id=record_id,
            )
        else:
            uow.update("assessment_entry", record_id, values)


def save_assessment(
    workspace: Workspace,
    values: Mapping[str, Any],
    entries: Mapping[str, Mapping[str, Any]],
    *,
    assessment_id: str | None = None,
) -> SaveResult:
    """An assessment and its entries, saved together."""
    with unit_of_work(workspace) as uow:
        if assessment_id is None:
            assessment_id = uow.create("assessment", values)
        else:
            uow.update("assessment", assessment_id, values)
        save_entries(uow, assessment_id, entries)
    return SaveResult(assessment_id, uow.writer.changes)


def set_attendance(
    uow: UnitOfWork, session_id: str, person_id: str, status: str, notes: str | None = None
) -> str:
    record_id = attendance_id(session_id, person_id)
    if uow.writer.read(spec_for("attendance"), record_id) is None:
        return uow.create(
            "attendance",
            {"session_id": session_id, "person_id": person_id, "status": status, "notes": notes},
            record_id=record_id,
        )
    uow.update("attendance", record_id, {"status": status, "notes": notes})
    return record_id
