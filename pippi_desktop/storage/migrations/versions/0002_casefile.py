"""Case file records (families … micro-projects, catalogues) and the change log.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_entries",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("subdimension", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("not_assessable", sa.Boolean(), nullable=True),
        sa.Column("strengths", sa.Text(), nullable=True),
        sa.Column("needs", sa.Text(), nullable=True),
        sa.Column("child_words", sa.Text(), nullable=True),
        sa.Column("sources", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_entries")),
    )
    with op.batch_alter_table("assessment_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_entries_assessment_id"), ["assessment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assessment_entries_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "assessments",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("child_id", sa.String(length=36), nullable=False),
        sa.Column("time_point", sa.String(length=16), nullable=False),
        sa.Column("extra_label", sa.String(length=60), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("participants_people", sa.Text(), nullable=True),
        sa.Column("participants_equipe", sa.Text(), nullable=True),
        sa.Column("participants_other", sa.String(length=200), nullable=True),
        sa.Column("catalogue_id", sa.String(length=64), nullable=False),
        sa.Column("catalogue_version", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assessments_family_live", ["family_id", "deleted", "time_point"], unique=False
        )

    op.create_table(
        "catalogues",
        sa.Column("catalogue_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogues")),
    )
    op.create_table(
        "dispositivi",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispositivi")),
    )
    with op.batch_alter_table("dispositivi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispositivi_family_id"), ["family_id"], unique=False)

    op.create_table(
        "equipe_members",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("profession", sa.String(length=40), nullable=False),
        sa.Column("organisation", sa.String(length=160), nullable=True),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("case_manager", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equipe_members")),
    )
    with op.batch_alter_table("equipe_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_equipe_members_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "families",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("stats_code", sa.String(length=32), nullable=False),
        sa.Column("implementation", sa.String(length=60), nullable=True),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("referral_date", sa.String(length=10), nullable=True),
        sa.Column("referral_source", sa.String(length=200), nullable=True),
        sa.Column("preassessment_outcome", sa.String(length=40), nullable=True),
        sa.Column("preassessment_notes", sa.Text(), nullable=True),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("conclusion_date", sa.String(length=10), nullable=True),
        sa.Column("conclusion_variant", sa.String(length=8), nullable=True),
        sa.Column("child_placed_out", sa.Boolean(), nullable=True),
        sa.Column("conclusion_notes", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("summary_members", sa.Integer(), nullable=False),
        sa.Column("summary_children", sa.Integer(), nullable=False),
        sa.Column("summary_visits", sa.Integer(), nullable=False),
        sa.Column("summary_last_visit", sa.String(length=10), nullable=True),
        sa.Column("summary_time_points", sa.String(length=200), nullable=False),
        sa.Column("summary_names", sa.String(length=400), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_families")),
    )
    with op.batch_alter_table("families", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_families_code"), ["code"], unique=False)

    op.create_table(
        "group_attendance",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_attendance")),
    )
    with op.batch_alter_table("group_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_attendance_family_id"), ["family_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_group_attendance_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "group_sessions",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("facilitators", sa.Text(), nullable=True),
        sa.Column("place", sa.String(length=160), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
    )
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_sessions_date"), ["date"], unique=False)

    op.create_table(
        "local_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("lamport", sa.Integer(), nullable=False),
        sa.Column("hlc_wall_ms", sa.Integer(), nullable=False),
        sa.Column("hlc_logical", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_clock")),
    )
    op.create_table(
        "microproject_items",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("child_id", sa.String(length=36), nullable=True),
        sa.Column("subdimension", sa.String(length=64), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("expected_results", sa.Text(), nullable=True),
        sa.Column("actions", sa.Text(), nullable=True),
        sa.Column("responsible_people", sa.Text(), nullable=True),
        sa.Column("responsible_equipe", sa.Text(), nullable=True),
        sa.Column("responsible_other", sa.String(length=200), nullable=True),
        sa.Column("deadline", sa.String(length=10), nullable=True),
        sa.Column("verification_status", sa.String(length=40), nullable=False),
        sa.Column("verification_notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_microproject_items")),
    )
    with op.batch_alter_table("microproject_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_microproject_items_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "op_log",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("lamport", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("seen", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "counter", name=op.f("pk_op_log")),
    )
    with op.batch_alter_table("op_log", schema=None) as batch_op:
        batch_op.create_index("ix_op_log_record", ["record_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("given_name", sa.String(length=80), nullable=False),
        sa.Column("family_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("sex", sa.String(length=4), nullable=True),
        sa.Column("school", sa.String(length=120), nullable=True),
        sa.Column("school_class", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(
            "ix_people_family_live", ["family_id", "deleted", "role", "family_name"], unique=False
        )

    op.create_table(
        "phase_records",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase_records")),
    )
    with op.batch_alter_table("phase_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phase_records_family_id"), ["family_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=40), nullable=False),
        sa.Column("educator", sa.String(length=120), nullable=True),
        sa.Column("present_people", sa.Text(), nullable=True),
        sa.Column("present_equipe", sa.Text(), nullable=True),
        sa.Column("activities", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("objectives", sa.Text(), nullable=True),
        sa.Column("next_date", sa.String(length=10), nullable=True),
        sa.Column("next_time", sa.String(length=5), nullable=True),
        sa.Column("next_notes", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visits_family_live", ["family_id", "deleted", "date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_family_live")

    op.drop_table("visits")
    with op.batch_alter_table("phase_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phase_records_family_id"))

    op.drop_table("phase_records")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_family_live")

    op.drop_table("people")
    with op.batch_alter_table("op_log", schema=None) as batch_op:
        batch_op.drop_index("ix_op_log_record")

    op.drop_table("op_log")
    with op.batch_alter_table("microproject_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_microproject_items_family_id"))

    op.drop_table("microproject_items")
    op.drop_table("local_clock")
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_sessions_date"))

    op.drop_table("group_sessions")
    with op.batch_alter_table("group_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_group_attendance_family_id"))

    op.drop_table("group_attendance")
    with op.batch_alter_table("families", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_families_code"))

    op.drop_table("families")
    with op.batch_alter_table("equipe_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipe_members_family_id"))

    op.drop_table("equipe_members")
    with op.batch_alter_table("dispositivi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispositivi_family_id"))

    op.drop_table("dispositivi")
    op.drop_table("catalogues")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_family_live")

    op.drop_table("assessments")
    with op.batch_alter_table("assessment_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_entries_family_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_entries_assessment_id"))

    op.drop_table("assessment_entries")
