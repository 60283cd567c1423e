"""志愿者积分银行 (issue 12): the points file of a volunteer's own points.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

* ``volunteer_account`` — links a volunteer to the household file that holds
  the volunteer's own points (a volunteer from outside the village has no
  household); one per volunteer and one volunteer per file.  Syncable, so the
  township sees whose points a file holds.

The points themselves are ordinary ``point_entry`` rows linked to the service
record (``link_type = 'service_record'``): no ledger table changes.  The guard
trigger is written out literally, as in 0003.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "volunteer_account",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name="fk_volunteer_account_household_id_household"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name="fk_volunteer_account_volunteer_id_volunteer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_volunteer_account"),
        sa.UniqueConstraint("household_id", name="uq_volunteer_account_household_id"),
        sa.UniqueConstraint("volunteer_id", name="uq_volunteer_account_volunteer_id"),
    )
    op.create_index("ix_volunteer_account_change_seq", "volunteer_account", ["change_seq"])
    op.create_index("ix_volunteer_account_station_id", "volunteer_account", ["station_id"])
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS trg_volunteer_account_no_delete BEFORE DELETE ON "
        "volunteer_account BEGIN SELECT RAISE(ABORT, "
        "'rows of volunteer_account are never deleted; write a tombstone'); END"
    )


def downgrade() -> None:
    op.drop_table("volunteer_account")  # its indexes and trigger go with it
