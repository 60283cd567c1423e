"""Indexes of the township's month view (汇总, issue 14).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

A township database holds every station's rows; its month view reads one
date range per station.  Without these, each query walks all of a station's
rows through the ``station_id`` index (seconds over 3 M rows):

* ``point_entry (kind, station_id, occurred_on, points)`` — points issued and
  redeemed, answered from the index alone;
* ``service_record_state (station_id, service_date, status, volunteer_id,
  minutes)`` — active volunteers and hours;
* ``activity (station_id, starts_at)`` and ``redemption (station_id,
  created_at)`` — 场次 and 户次.

A station's own file gets them too (one schema); they cost a little on each
write of those tables.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = (
    (
        "ix_point_entry_kind_station_id_occurred_on",
        "point_entry",
        ["kind", "station_id", "occurred_on", "points"],
    ),
    (
        "ix_service_record_state_station_id_service_date",
        "service_record_state",
        ["station_id", "service_date", "status", "volunteer_id", "minutes"],
    ),
    ("ix_activity_station_id_starts_at", "activity", ["station_id", "starts_at"]),
    ("ix_redemption_station_id_created_at", "redemption", ["station_id", "created_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
