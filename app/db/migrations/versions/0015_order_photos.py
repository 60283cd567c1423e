"""结项照片 (issue 10): photos of the service given, recorded with an order's 结项.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

* ``service_order_photo`` — a photo copied into the data folder when an order
  is closed, naming the 结项 step it belongs to; a syncable ledger (append-only),
  like the step itself.

The guard triggers are written out literally, as in 0003 and 0014; PostgreSQL's
come from app.db.migrate.pg_guards.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE = "service_order_photo"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("order_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=False),
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
            ["order_id"],
            ["service_order.id"],
            name="fk_service_order_photo_order_id_service_order",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_order_photo"),
    )
    op.create_index("ix_service_order_photo_change_seq", TABLE, ["change_seq"])
    op.create_index("ix_service_order_photo_station_id", TABLE, ["station_id"])
    op.create_index("ix_service_order_photo_order_id", TABLE, ["order_id"])
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    op.execute(
        f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_no_delete BEFORE DELETE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, 'rows of {TABLE} are never deleted; write a tombstone'); "
        "END"
    )
    op.execute(
        f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_append_only BEFORE UPDATE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only; write a compensating entry'); "
        "END"
    )


def downgrade() -> None:
    op.drop_table(TABLE)  # its indexes and triggers go with it
