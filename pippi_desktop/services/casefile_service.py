"""The case-file use cases: create, change and delete every kind of record, with their rules.

The API of the GUI and the command line is typed: each kind has its input
(`domain/record_inputs.py`), and

    save_record(workspace, VisitInput(family_id=…, date=…, place="casa"))        # create
    save_record(workspace, after, record_id=visit_id, before=before)             # change
    save_family(…, phase_date=…), save_assessment(…, entries), save_group_session(…)
    delete_record(workspace, "visit", visit_id)

return a `SaveResult` (the record's id and what changed, `services.changes.DataChanges`).
Changing a record writes only the fields where `after` differs from `before` (what the form
started from), so an edit never overwrites a field it did not touch; without `before`, the
fields that differ from the stored record.

Everything goes through a `UnitOfWork`: one write transaction, one `ChangeWriter` (so every
change gets its operation, field versions and audit entry in that same transaction), the
vocabulary and today's date for validation; `unit_of_work(workspace)` gives one to a caller
that writes many records together (demo data, a test's sample family).

Rules checked here, beyond the field types of `domain.validation`:
- references name records that exist, are not deleted and belong to the same family;
- an assessment is about a child of the family, uses a stored catalogue, and each entry's
  sub-dimension and score fit that catalogue and its scale;
- a family code is unique among this workspace's families;
- changing a family's phase also records the step (`phase_record`) with its date;
- deleting a family tombstones everything that belongs to it.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.errors import InvalidRecord, UnknownRecord
from pippi_desktop.domain.family_codes import device_tag, new_stats_code, next_family_code
from pippi_desktop.domain.record_inputs import (
    AssessmentEntryInput,
    AssessmentInput,
    AttendanceInput,
    FamilyInput,
    GroupSessionInput,
    RecordInput,
)
from pippi_desktop.domain.record_types import (
    FAMILY_CHILD_KINDS,
    FieldSpec,
    FieldType,
    RecordSpec,
    spec_for,
)
from pippi_desktop.domain.validation import ValidationContext, check_record, clean_values
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.reference_data import default_catalogue, vocabulary
from pippi_desktop.storage import casefile_queries as queries
from pippi_desktop.storage import catalogue_queries
from pippi_desktop.storage.changes import ChangeWriter
from pippi_desktop.storage.row_format import row_values
from pippi_desktop.storage.workspace import Workspace

NAMESPACE = uuid.UUID("0b9c2f3e-8a41-4d5c-b6e7-1f2a3b4c5d6e")
FAMILY_SCOPED_REFS = ("person", "equipe_member", "microproject_item")


def entry_id(assessment_id: str, subdimension: str) -> str:
    """Deterministic, so the same entry made on two laptops is the same record."""
    return str(uuid.uuid5(NAMESPACE, f"entry:{assessment_id}/{subdimension}"))


def attendance_id(session_id: str, person_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"attendance:{session_id}/{person_id}"))


class UnitOfWork:
    """One write transaction of case-file changes (from `unit_of_work(workspace)`)."""

    def __init__(
        self, workspace: Workspace, connection: Connection, *, today: date | None = None
    ) -> None:
        identity = workspace.identity
        self._device_id = identity.device_id
        self._connection = connection
        self._writer = ChangeWriter(
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
        row = self._writer.read(spec_for(kind), record_id)
        if row is None or row["deleted"]:
            return None
        return row

    def catalogue(self, catalogue_id: str, version: str) -> Catalogue:
        key = (catalogue_id, version)
        if key not in self._catalogues:
            self._writer.flush_rows()
            found = catalogue_queries.catalogue(self._connection, *key, default=default_catalogue())
            if found is None:
                raise InvalidRecord.of(
                    spec_for("assessment").field("catalogue_version"), "not_in_list"
                )
            self._catalogues[key] = found
        return self._catalogues[key]

    def active_catalogue(self) -> Catalogue:
        self._writer.flush_rows()
        return catalogue_queries.active_catalogue(self._connection, default=default_catalogue())

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
            self._writer.flush_rows()
            clashes = [
                fid
                for fid in queries.families_with_code(self._connection, merged["code"])
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
            self._writer.flush_rows()
            self._subdimensions = {
                sub.sub_id
                for catalogue in catalogue_queries.catalogues(
                    self._connection, default=default_catalogue()
                )
                for sub in catalogue.subdimensions()
            }
        return sub_id in self._subdimensions

    # --- preparing values ------------------------------------------------------------------

    def _prepare_create(self, kind: str, values: dict[str, Any]) -> None:
        if kind == "family":
            if not values.get("code"):
                self._writer.flush_rows()
                year = self.today.year
                tag = device_tag(self._device_id)
                values["code"] = next_family_code(
                    year, tag, queries.codes_like(self._connection, f"F-{year:04d}-{tag}-")
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

    def create(self, value: RecordInput, *, record_id: str | None = None) -> str:
        """A new record from the fields `value` gives; returns its id."""
        return self._create(value.spec.kind, value.given_values(), record_id=record_id)

    def update(
        self,
        record_id: str,
        value: RecordInput,
        *,
        before: RecordInput | None = None,
        phase_date: date | None = None,
    ) -> bool:
        """Change a record: the fields where `value` differs from `before`, or (without
        `before`) every field, unchanged ones being skipped; a `defaulted` field left None
        keeps its stored value. A family's new phase is recorded as a step dated
        `phase_date`. False when nothing changed."""
        if before is not None:
            values = value.changed_from(before)
        else:
            values = {
                name: item
                for name, item in value.values().items()
                if item is not None or name not in value.defaulted
            }
        if not values:
            return False
        return self._update(value.spec.kind, record_id, values, phase_date=phase_date)

    def _create(self, kind: str, values: Mapping[str, Any], *, record_id: str | None = None) -> str:
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
        new_id = self._writer.create(spec, cleaned, record_id=record_id)
        if kind == "family":
            self._writer.create(
                spec_for("phase_record"),
                {
                    "family_id": new_id,
                    "phase": cleaned["phase"],
                    "date": (cleaned.get("start_date") or self.today.isoformat()),
                },
            )
        return new_id

    def _update(
        self,
        kind: str,
        record_id: str,
        values: Mapping[str, Any],
        *,
        phase_date: date | None = None,
    ) -> bool:
        """Change some fields (by name); a family's new phase is recorded as a step."""
        spec = spec_for(kind)
        row = self._writer.read(spec, record_id)
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
        changed = self._writer.update(spec, record_id, cleaned)
        if (
            changed
            and kind == "family"
            and "phase" in cleaned
            and cleaned["phase"] != stored["phase"]
        ):
            self._writer.create(
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
        return self._update("family", family_id, {"phase": phase}, phase_date=on)

    def delete(self, kind: str, record_id: str) -> bool:
        spec = spec_for(kind)
        self._writer.flush_rows()
        row = self._writer.read(spec, record_id)
        if row is None:
            raise UnknownRecord(kind if kind in UnknownRecord.texts else "")
        if not self._writer.delete(spec, record_id):
            return False
        children: list[tuple[str, dict[str, str]]] = []
        if kind == "family":
            children = [(child, {"family_id": record_id}) for child in FAMILY_CHILD_KINDS]
        elif kind == "assessment":
            children = [("assessment_entry", {"assessment_id": record_id})]
        elif kind == "group_session":
            children = [("attendance", {"session_id": record_id})]
        for child_kind, where in children:
            for child in queries.load_rows(self._connection, spec_for(child_kind), where=where):
                self._writer.delete(spec_for(child_kind), child["id"])
        return True

    @property
    def changes(self) -> DataChanges:
        """What this unit of work changed so far."""
        writer = self._writer
        return DataChanges.of(
            *writer.kinds, record_ids=writer.record_ids, family_ids=writer.family_ids
        )

    def set_attendance(self, value: AttendanceInput) -> str:
        """A person's attendance of a session: created, or its status and notes changed."""
        session_id = value.session_id
        if session_id is None:
            raise InvalidRecord.of(spec_for("attendance").field("session_id"), "required")
        record_id = attendance_id(session_id, value.person_id)
        if self._writer.read(spec_for("attendance"), record_id) is None:
            return self.create(value, record_id=record_id)
        self._update("attendance", record_id, {"status": value.status, "notes": value.notes})
        return record_id

    def save_entries(self, assessment_id: str, entries: Sequence[AssessmentEntryInput]) -> None:
        """Set the per-sub-dimension entries of an assessment (created or updated as needed):
        every value of each entry is written, an emptied one keeps its record, all empty."""
        for entry in entries:
            entry = replace(entry, assessment_id=assessment_id)
            record_id = entry_id(assessment_id, entry.subdimension)
            if self._writer.read(spec_for("assessment_entry"), record_id) is None:
                self.create(entry, record_id=record_id)
            else:
                self._update("assessment_entry", record_id, _entry_values(entry))

    def finish(self) -> DataChanges:
        self._writer.flush()
        queries.refresh_family_summaries(
            self._connection,
            self._writer.family_ids,
            child_roles=self.vocabulary.child_roles(),
            names=bool(self._writer.kinds & {"family", "person"}),
        )
        return self.changes


def _entry_values(entry: AssessmentEntryInput) -> dict[str, Any]:
    return {
        "score": entry.score,
        "not_assessable": entry.not_assessable,
        "strengths": entry.strengths,
        "needs": entry.needs,
        "child_words": entry.child_words,
        "sources": entry.sources,
    }


@contextmanager
def unit_of_work(workspace: OpenWorkspace, *, today: date | None = None) -> Iterator[UnitOfWork]:
    """One transaction: everything inside is saved together, or nothing is."""
    store = store_of(workspace)
    with store.write() as connection:
        uow = UnitOfWork(store, connection, today=today)
        yield uow
        uow.finish()


# --- the API of the GUI and the command line ------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    record_id: str
    changes: DataChanges


def save_record(
    workspace: OpenWorkspace,
    value: RecordInput,
    *,
    record_id: str | None = None,
    before: RecordInput | None = None,
) -> SaveResult:
    """Create (no `record_id`) or change one record; unchanged fields are not rewritten."""
    with unit_of_work(workspace) as uow:
        if record_id is None:
            record_id = uow.create(value)
        else:
            uow.update(record_id, value, before=before)
    return SaveResult(record_id, uow.changes)


def save_family(
    workspace: OpenWorkspace,
    value: FamilyInput,
    *,
    record_id: str | None = None,
    before: FamilyInput | None = None,
    phase_date: date | None = None,
) -> SaveResult:
    """A family; a changed phase is recorded as a step of the pathway dated `phase_date`."""
    with unit_of_work(workspace) as uow:
        if record_id is None:
            record_id = uow.create(value)
        else:
            uow.update(record_id, value, before=before, phase_date=phase_date)
    return SaveResult(record_id, uow.changes)


def delete_record(workspace: OpenWorkspace, kind: str, record_id: str) -> DataChanges:
    with unit_of_work(workspace) as uow:
        uow.delete(kind, record_id)
    return uow.changes


def save_assessment(
    workspace: OpenWorkspace,
    value: AssessmentInput,
    entries: Sequence[AssessmentEntryInput] = (),
    *,
    record_id: str | None = None,
    before: AssessmentInput | None = None,
) -> SaveResult:
    """An assessment and its entries (the changed ones), saved together."""
    with unit_of_work(workspace) as uow:
        if record_id is None:
            record_id = uow.create(value)
        else:
            uow.update(record_id, value, before=before)
        uow.save_entries(record_id, entries)
    return SaveResult(record_id, uow.changes)


def save_group_session(
    workspace: OpenWorkspace,
    value: GroupSessionInput,
    attendance: Sequence[AttendanceInput] = (),
    *,
    removed: Sequence[str] = (),
    record_id: str | None = None,
    before: GroupSessionInput | None = None,
) -> SaveResult:
    """A group session and its attendance (the invited people whose status is new or changed;
    `removed`: the people taken off the list), saved together."""
    with unit_of_work(workspace) as uow:
        if record_id is None:
            record_id = uow.create(value)
        else:
            uow.update(record_id, value, before=before)
        for row in attendance:
            uow.set_attendance(replace(row, session_id=record_id))
        for person_id in removed:
            with contextlib.suppress(UnknownRecord):
                uow.delete("attendance", attendance_id(record_id, person_id))
    return SaveResult(record_id, uow.changes)
