"""The hub (issue 9): revoked enrolments and the nonces of signed requests.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

* ``sync_station.revoked_at`` (nullable) and ``revoked_reason`` — a township
  may revoke a station's enrolment (a stolen PC, a lost key); the hub then
  refuses that station's uploads and config fetches;
* ``hub_nonce (nonce PK, station_code, seen_at)`` — the nonces of the signed
  requests the hub accepted, shared by its workers through the database, so a
  replayed request is refused by whichever worker receives it; rows older
  than the clock window are purged;
* ``point_entry (kind, station_id, occurred_on, household_id, points)`` replaces
  0008's index without ``household_id``: the township's household ranking
  (汇总) sums each household's points of a month from the index alone instead
  of reading every earn row of the month from the table.

A station's own file gets them too (one schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_station", sa.Column("revoked_at", sa.DateTime(), nullable=True))
    op.add_column(
        "sync_station",
        sa.Column("revoked_reason", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "hub_nonce",
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("nonce", name="pk_hub_nonce"),
    )
    op.create_index("ix_hub_nonce_seen_at", "hub_nonce", ["seen_at"])
    op.drop_index("ix_point_entry_kind_station_id_occurred_on", table_name="point_entry")
    op.create_index(
        "ix_point_entry_kind_station_id_occurred_on_household_id",
        "point_entry",
        ["kind", "station_id", "occurred_on", "household_id", "points"],
    )


def downgrade() -> None:
    op.drop_index(
        "ix_point_entry_kind_station_id_occurred_on_household_id", table_name="point_entry"
    )
    op.create_index(
        "ix_point_entry_kind_station_id_occurred_on",
        "point_entry",
        ["kind", "station_id", "occurred_on", "points"],
    )
    op.drop_index("ix_hub_nonce_seen_at", table_name="hub_nonce")
    op.drop_table("hub_nonce")
    with op.batch_alter_table("sync_station") as batch:
        batch.drop_column("revoked_reason")
        batch.drop_column("revoked_at")
