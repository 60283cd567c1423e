"""Volunteers, teams, activities, kiosk scan events, service hours, stars and
the certificate register (issue 4).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The guard triggers are written out literally (the same SQL as
app.models.base.no_delete_trigger_sql / append_only_trigger_sql at the time of
this revision), so a later change to those helpers cannot change what this
revision did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SYNCABLE = (
    "activity",
    "volunteer_team",
    "activity_photo",
    "activity_team",
    "scan_event",
    "volunteer",
    "certificate",
    "participation",
    "presence",
    "star_grant",
    "team_membership",
    "volunteer_award",
    "volunteer_evaluation",
    "volunteer_training",
    "certificate_event",
    "service_record",
    "service_record_correction",
    "service_record_decision",
    "service_record_state",
)
APPEND_ONLY = (
    "certificate",
    "certificate_event",
    "scan_event",
    "service_record",
    "service_record_correction",
    "service_record_decision",
    "star_grant",
)


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("hours_cap_minutes", sa.Integer(), nullable=True),
        sa.Column("points_rule_code", sa.String(length=20), nullable=False),
        sa.Column("allow_households", sa.Boolean(), nullable=False),
        sa.Column("recorder_id", sa.String(length=36), nullable=False),
        sa.Column("recorder_name", sa.String(length=50), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_activity"),
    )
    op.create_index("ix_activity_category_starts_at", "activity", ["category", "starts_at"])
    op.create_index("ix_activity_change_seq", "activity", ["change_seq"])
    op.create_index("ix_activity_starts_at", "activity", ["starts_at"])
    op.create_index("ix_activity_station_id", "activity", ["station_id"])
    op.create_table(
        "volunteer_team",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("leader_name", sa.String(length=50), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer_team"),
        sa.UniqueConstraint("station_id", "name", name="uq_volunteer_team_station_id_name"),
    )
    op.create_index("ix_volunteer_team_category", "volunteer_team", ["category"])
    op.create_index("ix_volunteer_team_change_seq", "volunteer_team", ["change_seq"])
    op.create_index("ix_volunteer_team_station_id", "volunteer_team", ["station_id"])
    op.create_table(
        "activity_photo",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_activity_photo_activity_id_activity"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_activity_photo"),
    )
    op.create_index("ix_activity_photo_activity_id", "activity_photo", ["activity_id"])
    op.create_index("ix_activity_photo_change_seq", "activity_photo", ["change_seq"])
    op.create_index("ix_activity_photo_station_id", "activity_photo", ["station_id"])
    op.create_table(
        "activity_team",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_activity_team_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_team.id"], name="fk_activity_team_team_id_volunteer_team"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_activity_team"),
        sa.UniqueConstraint("activity_id", "team_id", name="uq_activity_team_activity_id_team_id"),
    )
    op.create_index("ix_activity_team_change_seq", "activity_team", ["change_seq"])
    op.create_index("ix_activity_team_station_id", "activity_team", ["station_id"])
    op.create_index("ix_activity_team_team_id", "activity_team", ["team_id"])
    op.create_table(
        "scan_event",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("mode", sa.String(length=4), nullable=False),
        sa.Column("payload", sa.String(length=120), nullable=False),
        sa.Column("card_id", sa.String(length=36), nullable=True),
        sa.Column("card_kind", sa.String(length=1), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=6), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("message", sa.String(length=200), nullable=False),
        sa.Column("args", sa.Text(), nullable=False),
        sa.Column("flags", sa.String(length=60), nullable=False),
        sa.Column("presence_id", sa.String(length=36), nullable=True),
        sa.Column("annuls_id", sa.String(length=36), nullable=True),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_scan_event_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["annuls_id"], ["scan_event.id"], name="fk_scan_event_annuls_id_scan_event"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_scan_event"),
        sa.UniqueConstraint("annuls_id", name="uq_scan_event_annuls_id"),
    )
    op.create_index("ix_scan_event_activity_id_payload", "scan_event", ["activity_id", "payload"])
    op.create_index(
        "ix_scan_event_activity_id_scanned_at", "scan_event", ["activity_id", "scanned_at"]
    )
    op.create_index(
        "ix_scan_event_activity_id_subject_id", "scan_event", ["activity_id", "subject_id"]
    )
    op.create_index("ix_scan_event_change_seq", "scan_event", ["change_seq"])
    op.create_index("ix_scan_event_station_id", "scan_event", ["station_id"])
    op.create_table(
        "volunteer",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("number_seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("initials", sa.String(length=30), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_type", sa.String(length=12), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("id_masked", sa.String(length=40), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("phone_masked", sa.String(length=20), nullable=False),
        sa.Column("phone_tail", sa.String(length=4), nullable=False),
        sa.Column("group_name", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("service_categories", sa.Text(), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_reason", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("approved_minutes", sa.Integer(), nullable=False),
        sa.Column("star_level", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_volunteer_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer"),
        sa.UniqueConstraint("station_id", "number", name="uq_volunteer_station_id_number"),
    )
    op.create_index("ix_volunteer_change_seq", "volunteer", ["change_seq"])
    op.create_index("ix_volunteer_group_name", "volunteer", ["group_name"])
    op.create_index("ix_volunteer_id_hash", "volunteer", ["id_hash"])
    op.create_index("ix_volunteer_initials", "volunteer", ["initials"])
    op.create_index("ix_volunteer_member_id", "volunteer", ["member_id"])
    op.create_index("ix_volunteer_name", "volunteer", ["name"])
    op.create_index("ix_volunteer_number", "volunteer", ["number"])
    op.create_index("ix_volunteer_phone_tail", "volunteer", ["phone_tail"])
    op.create_index(
        "ix_volunteer_star_level_approved_minutes", "volunteer", ["star_level", "approved_minutes"]
    )
    op.create_index("ix_volunteer_station_id", "volunteer", ["station_id"])
    op.create_table(
        "certificate",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("volunteer_name", sa.String(length=50), nullable=False),
        sa.Column("volunteer_number", sa.String(length=24), nullable=False),
        sa.Column("id_type", sa.String(length=12), nullable=False),
        sa.Column("id_masked", sa.String(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("star_level", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_certificate_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_certificate_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_certificate"),
        sa.UniqueConstraint("station_id", "number", name="uq_certificate_station_id_number"),
        sa.UniqueConstraint("station_id", "year", "seq", name="uq_certificate_station_id_year_seq"),
    )
    op.create_index("ix_certificate_change_seq", "certificate", ["change_seq"])
    op.create_index("ix_certificate_issued_on", "certificate", ["issued_on"])
    op.create_index("ix_certificate_station_id", "certificate", ["station_id"])
    op.create_index("ix_certificate_volunteer_id", "certificate", ["volunteer_id"])
    op.create_table(
        "participation",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("scan_event_id", sa.String(length=36), nullable=False),
        sa.Column("point_entry_id", sa.String(length=36), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("annulled", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_participation_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name="fk_participation_household_id_household"
        ),
        sa.ForeignKeyConstraint(
            ["point_entry_id"],
            ["point_entry.id"],
            name="fk_participation_point_entry_id_point_entry",
        ),
        sa.ForeignKeyConstraint(
            ["scan_event_id"], ["scan_event.id"], name="fk_participation_scan_event_id_scan_event"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_participation"),
        sa.UniqueConstraint(
            "activity_id", "household_id", name="uq_participation_activity_id_household_id"
        ),
    )
    op.create_index("ix_participation_change_seq", "participation", ["change_seq"])
    op.create_index("ix_participation_household_id", "participation", ["household_id"])
    op.create_index("ix_participation_station_id", "participation", ["station_id"])
    op.create_table(
        "presence",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("in_event_id", sa.String(length=36), nullable=False),
        sa.Column("in_at", sa.DateTime(), nullable=False),
        sa.Column("out_event_id", sa.String(length=36), nullable=True),
        sa.Column("out_at", sa.DateTime(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("review_reason", sa.String(length=60), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_presence_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["in_event_id"], ["scan_event.id"], name="fk_presence_in_event_id_scan_event"
        ),
        sa.ForeignKeyConstraint(
            ["out_event_id"], ["scan_event.id"], name="fk_presence_out_event_id_scan_event"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_presence_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_presence"),
    )
    op.create_index("ix_presence_activity_id_state", "presence", ["activity_id", "state"])
    op.create_index(
        "ix_presence_activity_id_volunteer_id", "presence", ["activity_id", "volunteer_id"]
    )
    op.create_index("ix_presence_change_seq", "presence", ["change_seq"])
    op.create_index("ix_presence_station_id", "presence", ["station_id"])
    op.create_index("ix_presence_volunteer_id", "presence", ["volunteer_id"])
    op.create_table(
        "star_grant",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("threshold_hours", sa.Integer(), nullable=False),
        sa.Column("minutes_at_grant", sa.Integer(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_star_grant_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_star_grant"),
        sa.UniqueConstraint("volunteer_id", "level", name="uq_star_grant_volunteer_id_level"),
    )
    op.create_index("ix_star_grant_change_seq", "star_grant", ["change_seq"])
    op.create_index("ix_star_grant_granted_on", "star_grant", ["granted_on"])
    op.create_index("ix_star_grant_station_id", "star_grant", ["station_id"])
    op.create_table(
        "team_membership",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_team.id"], name="fk_team_membership_team_id_volunteer_team"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_team_membership_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_team_membership"),
        sa.UniqueConstraint(
            "team_id", "volunteer_id", name="uq_team_membership_team_id_volunteer_id"
        ),
    )
    op.create_index("ix_team_membership_change_seq", "team_membership", ["change_seq"])
    op.create_index("ix_team_membership_station_id", "team_membership", ["station_id"])
    op.create_index("ix_team_membership_volunteer_id", "team_membership", ["volunteer_id"])
    op.create_table(
        "volunteer_award",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_volunteer_award_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer_award"),
    )
    op.create_index("ix_volunteer_award_change_seq", "volunteer_award", ["change_seq"])
    op.create_index("ix_volunteer_award_station_id", "volunteer_award", ["station_id"])
    op.create_index("ix_volunteer_award_volunteer_id", "volunteer_award", ["volunteer_id"])
    op.create_table(
        "volunteer_evaluation",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evaluator", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name="fk_volunteer_evaluation_volunteer_id_volunteer",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer_evaluation"),
    )
    op.create_index("ix_volunteer_evaluation_change_seq", "volunteer_evaluation", ["change_seq"])
    op.create_index("ix_volunteer_evaluation_station_id", "volunteer_evaluation", ["station_id"])
    op.create_index(
        "ix_volunteer_evaluation_volunteer_id", "volunteer_evaluation", ["volunteer_id"]
    )
    op.create_table(
        "volunteer_training",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("organizer", sa.String(length=100), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_volunteer_training_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer_training"),
    )
    op.create_index("ix_volunteer_training_change_seq", "volunteer_training", ["change_seq"])
    op.create_index("ix_volunteer_training_station_id", "volunteer_training", ["station_id"])
    op.create_index("ix_volunteer_training_volunteer_id", "volunteer_training", ["volunteer_id"])
    op.create_table(
        "certificate_event",
        sa.Column("certificate_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificate.id"],
            name="fk_certificate_event_certificate_id_certificate",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_certificate_event"),
        sa.UniqueConstraint(
            "certificate_id",
            "kind",
            "copy_no",
            name="uq_certificate_event_certificate_id_kind_copy_no",
        ),
    )
    op.create_index("ix_certificate_event_certificate_id", "certificate_event", ["certificate_id"])
    op.create_index("ix_certificate_event_change_seq", "certificate_event", ["change_seq"])
    op.create_index("ix_certificate_event_station_id", "certificate_event", ["station_id"])
    op.create_table(
        "service_record",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("presence_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("raw_minutes", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("content", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("review_reason", sa.String(length=60), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_service_record_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["presence_id"], ["presence.id"], name="fk_service_record_presence_id_presence"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_service_record_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_record"),
        sa.UniqueConstraint("presence_id", name="uq_service_record_presence_id"),
    )
    op.create_index("ix_service_record_activity_id", "service_record", ["activity_id"])
    op.create_index("ix_service_record_change_seq", "service_record", ["change_seq"])
    op.create_index("ix_service_record_station_id", "service_record", ["station_id"])
    op.create_index(
        "ix_service_record_volunteer_id_service_date",
        "service_record",
        ["volunteer_id", "service_date"],
    )
    op.create_table(
        "service_record_correction",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("old_minutes", sa.Integer(), nullable=False),
        sa.Column("new_minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=50), nullable=False),
        sa.Column("corrected_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["service_record.id"],
            name="fk_service_record_correction_record_id_service_record",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_record_correction"),
    )
    op.create_index(
        "ix_service_record_correction_change_seq", "service_record_correction", ["change_seq"]
    )
    op.create_index(
        "ix_service_record_correction_record_id", "service_record_correction", ["record_id"]
    )
    op.create_index(
        "ix_service_record_correction_station_id", "service_record_correction", ["station_id"]
    )
    op.create_table(
        "service_record_decision",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["service_record.id"],
            name="fk_service_record_decision_record_id_service_record",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_record_decision"),
        sa.UniqueConstraint("record_id", name="uq_service_record_decision_record_id"),
    )
    op.create_index(
        "ix_service_record_decision_change_seq", "service_record_decision", ["change_seq"]
    )
    op.create_index(
        "ix_service_record_decision_station_id", "service_record_decision", ["station_id"]
    )
    op.create_table(
        "service_record_state",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("review_reason", sa.String(length=60), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name="fk_service_record_state_activity_id_activity"
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["service_record.id"],
            name="fk_service_record_state_record_id_service_record",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name="fk_service_record_state_volunteer_id_volunteer",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_record_state"),
        sa.UniqueConstraint("record_id", name="uq_service_record_state_record_id"),
    )
    op.create_index("ix_service_record_state_activity_id", "service_record_state", ["activity_id"])
    op.create_index("ix_service_record_state_change_seq", "service_record_state", ["change_seq"])
    op.create_index("ix_service_record_state_station_id", "service_record_state", ["station_id"])
    op.create_index(
        "ix_service_record_state_status_service_date",
        "service_record_state",
        ["status", "service_date"],
    )
    op.create_index(
        "ix_service_record_state_volunteer_id_status_service_date",
        "service_record_state",
        ["volunteer_id", "status", "service_date"],
    )

    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    for table in SYNCABLE:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); END"
        )
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_append_only BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only; write a compensating entry'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
