"""Typed SQLAlchemy mappings of the case-file records (one table per kind of `record_types`).

Every synced table has the same bookkeeping columns: a UUID `id`, wall-clock `created_at` and
`updated_at` (shown to people, never used to decide anything), `deleted` (a tombstone instead
of a hard delete) and `versions`: JSON `{field: [lamport, device_id]}`, the logical version of
each field, which merge compares field by field. Cross-record references are plain columns,
not foreign keys: bundles of one device may arrive out of order, and a visit may land before
the family it belongs to.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pippi_desktop.storage.orm import Base

UUID_LEN = 36


class SyncedRecord(Base):
    __abstract__ = True

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    updated_at: Mapped[str] = mapped_column(String(32), nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    versions: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class FamilyRow(SyncedRecord):
    __tablename__ = "families"

    code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    stats_code: Mapped[str] = mapped_column(String(32), nullable=False)
    implementation: Mapped[str | None] = mapped_column(String(60))
    phase: Mapped[str] = mapped_column(String(40), nullable=False)
    referral_date: Mapped[str | None] = mapped_column(String(10))
    referral_source: Mapped[str | None] = mapped_column(String(200))
    preassessment_outcome: Mapped[str | None] = mapped_column(String(40))
    preassessment_notes: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[str | None] = mapped_column(String(10))
    conclusion_date: Mapped[str | None] = mapped_column(String(10))
    conclusion_variant: Mapped[str | None] = mapped_column(String(8))
    child_placed_out: Mapped[bool | None] = mapped_column(Boolean)
    conclusion_notes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # Derived, local only (never synced), refreshed in the same transaction as any change that
    # affects them (casefile_queries.refresh_family_summaries): the search key (code and member
    # names, lower case without accents) and the counts the family list shows.
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    summary_members: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    summary_children: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    summary_visits: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    summary_last_visit: Mapped[str | None] = mapped_column(String(10))
    summary_time_points: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    summary_names: Mapped[str] = mapped_column(String(400), nullable=False, default="")


class PersonRow(SyncedRecord):
    __tablename__ = "people"
    # covering index of the family list's counts (members, children, surnames)
    __table_args__ = (
        Index("ix_people_family_live", "family_id", "deleted", "role", "family_name"),
    )

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    given_name: Mapped[str] = mapped_column(String(80), nullable=False)
    family_name: Mapped[str] = mapped_column(String(80), nullable=False)
    role: Mapped[str] = mapped_column(String(40), nullable=False)
    birth_date: Mapped[str | None] = mapped_column(String(10))
    sex: Mapped[str | None] = mapped_column(String(4))
    school: Mapped[str | None] = mapped_column(String(120))
    school_class: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)


class EquipeMemberRow(SyncedRecord):
    __tablename__ = "equipe_members"

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    profession: Mapped[str] = mapped_column(String(40), nullable=False)
    organisation: Mapped[str | None] = mapped_column(String(160))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    case_manager: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)


class DispositivoRow(SyncedRecord):
    __tablename__ = "dispositivi"

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(Text)


class PhaseRecordRow(SyncedRecord):
    __tablename__ = "phase_records"

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    phase: Mapped[str] = mapped_column(String(40), nullable=False)
    date: Mapped[str] = mapped_column(String(10), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)


class VisitRow(SyncedRecord):
    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_family_live", "family_id", "deleted", "date"),)

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    date: Mapped[str] = mapped_column(String(10), nullable=False)
    start_time: Mapped[str | None] = mapped_column(String(5))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(40), nullable=False)
    educator: Mapped[str | None] = mapped_column(String(120))
    present_people: Mapped[str | None] = mapped_column(Text)
    present_equipe: Mapped[str | None] = mapped_column(Text)
    activities: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    objectives: Mapped[str | None] = mapped_column(Text)
    next_date: Mapped[str | None] = mapped_column(String(10))
    next_time: Mapped[str | None] = mapped_column(String(5))
    next_notes: Mapped[str | None] = mapped_column(String(200))


class GroupSessionRow(SyncedRecord):
    __tablename__ = "group_sessions"

    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    date: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    start_time: Mapped[str | None] = mapped_column(String(5))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(200), nullable=False)
    facilitators: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(160))
    notes: Mapped[str | None] = mapped_column(Text)


class AttendanceRow(SyncedRecord):
    __tablename__ = "group_attendance"

    session_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    person_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(40), nullable=False)
    notes: Mapped[str | None] = mapped_column(String(200))


class AssessmentRow(SyncedRecord):
    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_family_live", "family_id", "deleted", "time_point"),)

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    child_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    time_point: Mapped[str] = mapped_column(String(16), nullable=False)
    extra_label: Mapped[str | None] = mapped_column(String(60))
    date: Mapped[str] = mapped_column(String(10), nullable=False)
    participants_people: Mapped[str | None] = mapped_column(Text)
    participants_equipe: Mapped[str | None] = mapped_column(Text)
    participants_other: Mapped[str | None] = mapped_column(String(200))
    catalogue_id: Mapped[str] = mapped_column(String(64), nullable=False)
    catalogue_version: Mapped[str] = mapped_column(String(32), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)


class AssessmentEntryRow(SyncedRecord):
    __tablename__ = "assessment_entries"

    assessment_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    subdimension: Mapped[str] = mapped_column(String(64), nullable=False)
    score: Mapped[int | None] = mapped_column(Integer)
    not_assessable: Mapped[bool | None] = mapped_column(Boolean)
    strengths: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    child_words: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[str | None] = mapped_column(Text)


class MicroProjectItemRow(SyncedRecord):
    __tablename__ = "microproject_items"

    family_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    child_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    subdimension: Mapped[str] = mapped_column(String(64), nullable=False)
    objective: Mapped[str] = mapped_column(Text, nullable=False)
    expected_results: Mapped[str | None] = mapped_column(Text)
    actions: Mapped[str | None] = mapped_column(Text)
    responsible_people: Mapped[str | None] = mapped_column(Text)
    responsible_equipe: Mapped[str | None] = mapped_column(Text)
    responsible_other: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[str | None] = mapped_column(String(10))
    verification_status: Mapped[str] = mapped_column(String(40), nullable=False)
    verification_notes: Mapped[str | None] = mapped_column(Text)


class CatalogueRow(SyncedRecord):
    __tablename__ = "catalogues"

    catalogue_id: Mapped[str] = mapped_column(String(64), nullable=False)
    version: Mapped[str] = mapped_column(String(32), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    digest: Mapped[str] = mapped_column(String(64), nullable=False)


ROW_CLASSES: dict[str, type[SyncedRecord]] = {
    "family": FamilyRow,
    "person": PersonRow,
    "equipe_member": EquipeMemberRow,
    "dispositivo": DispositivoRow,
    "phase_record": PhaseRecordRow,
    "visit": VisitRow,
    "group_session": GroupSessionRow,
    "attendance": AttendanceRow,
    "assessment": AssessmentRow,
    "assessment_entry": AssessmentEntryRow,
    "microproject_item": MicroProjectItemRow,
    "catalogue": CatalogueRow,
}
