"""First schema: station, operators, audit log, change counter, local state.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _syncable_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()),
    ]


def _syncable_indexes(table: str) -> None:
    op.create_index(f"ix_{table}_station_id", table, ["station_id"])
    op.create_index(f"ix_{table}_change_seq", table, ["change_seq"])


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_counter"),
    )
    op.execute("INSERT INTO change_counter (id, value) VALUES (1, 0)")
    op.create_table(
        "local_state",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_local_state"),
    )
    op.create_table(
        "station",
        *_syncable_columns(),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("village", sa.String(100), nullable=False),
        sa.Column("township", sa.String(100), nullable=False),
        sa.Column("county", sa.String(100), nullable=False),
        sa.Column("leader_name", sa.String(50), nullable=False),
        sa.Column("contact_phone", sa.String(20), nullable=False),
        sa.Column("signing_key_fingerprint", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_station"),
        sa.UniqueConstraint("code", name="uq_station_code"),
    )
    _syncable_indexes("station")
    op.create_table(
        "operator",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(50), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_operator"),
        sa.UniqueConstraint("username", name="uq_operator_username"),
    )
    op.create_table(
        "audit_entry",
        *_syncable_columns(),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("target_type", sa.String(40), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
        sa.UniqueConstraint("seq", name="uq_audit_entry_seq"),
    )
    _syncable_indexes("audit_entry")
    op.create_index("ix_audit_entry_action", "audit_entry", ["action"])
    op.create_index("ix_audit_entry_target_id", "audit_entry", ["target_id"])
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    for table in ("station", "audit_entry"):
        op.execute(
            f"CREATE TRIGGER trg_{table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); END"
        )
    op.execute(
        "CREATE TRIGGER trg_audit_entry_append_only BEFORE UPDATE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only; write a compensating entry'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
