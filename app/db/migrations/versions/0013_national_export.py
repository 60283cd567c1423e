"""导出到全国志愿服务信息系统 (issue 10): which service records went to the national system.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

* ``national_export`` — one export batch: who, when, the period chosen, how
  many persons, records and minutes.  No personal data (the file itself holds
  the full ID numbers and stays on the administrator's PC).
* ``national_export_record`` — each service record that went out, once
  (UNIQUE ``record_id``), so the next export's default choice ("not exported
  yet") and the dashboard's 10-working-day figure leave it out.

Both are syncable ledgers (append-only): the township sees what each station
has reported to the national system.  The guard triggers are written out
literally, as in 0003; PostgreSQL's come from app.db.migrate.pg_guards.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_TABLES = ("national_export", "national_export_record")


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
        "national_export",
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("only_new", sa.Boolean(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        *_syncable(),
        sa.PrimaryKeyConstraint("id", name="pk_national_export"),
    )
    op.create_index("ix_national_export_change_seq", "national_export", ["change_seq"])
    op.create_index("ix_national_export_station_id", "national_export", ["station_id"])
    op.create_index("ix_national_export_exported_at", "national_export", ["exported_at"])
    op.create_table(
        "national_export_record",
        sa.Column("export_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        *_syncable(),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["national_export.id"],
            name="fk_national_export_record_export_id_national_export",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["service_record.id"],
            name="fk_national_export_record_record_id_service_record",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_national_export_record"),
        sa.UniqueConstraint("record_id", name="uq_national_export_record_record_id"),
    )
    op.create_index(
        "ix_national_export_record_change_seq", "national_export_record", ["change_seq"]
    )
    op.create_index("ix_national_export_record_export_id", "national_export_record", ["export_id"])
    op.create_index(
        "ix_national_export_record_station_id", "national_export_record", ["station_id"]
    )
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    for table in _TABLES:
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
    op.drop_table("national_export_record")  # its indexes and triggers go with it
    op.drop_table("national_export")
