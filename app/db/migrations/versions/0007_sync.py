"""The township's sync bookkeeping (issue 14).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Six station-local tables (none of them syncable, see app.models.sync):

* ``sync_station`` — the stations enrolled here (public key, fingerprint) and
  how far each one's audit chain has been verified;
* ``sync_import_log`` — every sync file applied, ``file_sha256`` UNIQUE;
* ``sync_quarantine`` — incoming rows that were not applied, and why;
* ``sync_coverage`` — the ``change_seq`` ranges each station incarnation's
  files covered (the gap report, the acknowledgement);
* ``sync_ack`` — per station, the highest contiguous sequence received;
* ``sync_person_hash`` — keyed hashes sent instead of full ID numbers/phones.

A station's own file gets the empty tables too: a station and a township run
the same schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_station",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.Column("chain_problem", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("station_id", name="pk_sync_station"),
        sa.UniqueConstraint("code", name="uq_sync_station_code"),
    )
    op.create_table(
        "sync_import_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_import_log"),
        sa.UniqueConstraint("file_sha256", name="uq_sync_import_log_file_sha256"),
    )
    op.create_index("ix_sync_import_log_station_id", "sync_import_log", ["station_id"])
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=60), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_quarantine"),
    )
    op.create_index("ix_sync_quarantine_station_id", "sync_quarantine", ["station_id"])
    op.create_table(
        "sync_coverage",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_coverage"),
    )
    op.create_index(
        "ix_sync_coverage_station_id_incarnation", "sync_coverage", ["station_id", "incarnation"]
    )
    op.create_table(
        "sync_ack",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=36), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("station_id", name="pk_sync_ack"),
    )
    op.create_table(
        "sync_person_hash",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name="pk_sync_person_hash"),
    )
    op.create_index("ix_sync_person_hash_station_id", "sync_person_hash", ["station_id"])
    op.create_index("ix_sync_person_hash_hash", "sync_person_hash", ["hash"])


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
