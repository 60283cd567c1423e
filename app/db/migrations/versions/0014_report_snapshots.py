"""报送 (issue 10): submitted station reports and the township's review of them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

* ``report_snapshot`` — a submitted report frozen as JSON, numbered per station
  and period (``version``); syncable and append-only, so it travels upward in
  the next sync file and is never edited;
* ``report_review`` — the township's decision on a snapshot (已审核 / 退回 with a
  reason), append-only (the latest row is the state);
* an index on ``point_entry`` that covers a report's points by rule category.

The guard triggers are written out literally, as in 0003 and 0011.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _syncable() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "report_snapshot",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("period_kind", sa.String(length=10), nullable=False),
        sa.Column("period_key", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_by", sa.String(length=50), nullable=False),
        *_syncable(),
        sa.PrimaryKeyConstraint("id", name="pk_report_snapshot"),
        sa.UniqueConstraint(
            "station_id",
            "period_key",
            "version",
            name="uq_report_snapshot_station_id_period_key_version",
        ),
    )
    op.create_index("ix_report_snapshot_change_seq", "report_snapshot", ["change_seq"])
    op.create_index("ix_report_snapshot_station_id", "report_snapshot", ["station_id"])
    op.create_table(
        "report_review",
        sa.Column("snapshot_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=50), nullable=False),
        *_syncable(),
        sa.PrimaryKeyConstraint("id", name="pk_report_review"),
    )
    op.create_index("ix_report_review_change_seq", "report_review", ["change_seq"])
    op.create_index("ix_report_review_station_id", "report_review", ["station_id"])
    op.create_index("ix_report_review_snapshot_id", "report_review", ["snapshot_id"])
    # a station report's points by rule category, covered (see app.models.points)
    op.create_index(
        "ix_point_entry_kind_station_id_occurred_on_rule_id",
        "point_entry",
        ["kind", "station_id", "occurred_on", "rule_id", "points"],
    )
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    for table in ("report_snapshot", "report_review"):
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); "
            "END"
        )
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_append_only BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only; write a compensating entry'); "
            "END"
        )


def downgrade() -> None:
    op.drop_index("ix_point_entry_kind_station_id_occurred_on_rule_id", table_name="point_entry")
    op.drop_table("report_review")  # their indexes and triggers go with them
    op.drop_table("report_snapshot")
