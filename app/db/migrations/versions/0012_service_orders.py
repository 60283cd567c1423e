"""服务点单 (四单, issue 10): the service menu, orders and their history.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

* ``service_menu_item`` — the station's service menu (category → item, with
  the team usually dispatched);
* ``service_order`` — a resident's order and its current state, a cache of
  its history (row_version-upserted like every syncable row);
* ``service_order_event`` — the history: one row per transition, append-only
  (a ledger: an UPDATE trigger aborts).

All three are syncable.  The guard triggers are written out literally, as in
0003 and 0011.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TABLES = ("service_menu_item", "service_order", "service_order_event")


def upgrade() -> None:
    op.create_table(
        "service_menu_item",
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_team.id"], name="fk_service_menu_item_team_id_volunteer_team"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_menu_item"),
        sa.UniqueConstraint(
            "station_id", "category", "name", name="uq_service_menu_item_station_id_category_name"
        ),
    )
    op.create_index("ix_service_menu_item_change_seq", "service_menu_item", ["change_seq"])
    op.create_index("ix_service_menu_item_station_id", "service_menu_item", ["station_id"])
    op.create_table(
        "service_order",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("item_name", sa.String(length=60), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("requester_name", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("phone_masked", sa.String(length=20), nullable=False),
        sa.Column("phone_tail", sa.String(length=4), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("rated_at", sa.DateTime(), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("volunteer_ids", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name="fk_service_order_household_id_household"
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_menu_item.id"], name="fk_service_order_item_id_service_menu_item"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name="fk_service_order_member_id_member"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_team.id"], name="fk_service_order_team_id_volunteer_team"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_order"),
        sa.UniqueConstraint("station_id", "number", name="uq_service_order_station_id_number"),
        sa.UniqueConstraint(
            "station_id", "year", "seq", name="uq_service_order_station_id_year_seq"
        ),
    )
    op.create_index("ix_service_order_change_seq", "service_order", ["change_seq"])
    op.create_index("ix_service_order_household_id", "service_order", ["household_id"])
    op.create_index("ix_service_order_item_id", "service_order", ["item_id"])
    op.create_index("ix_service_order_phone_tail", "service_order", ["phone_tail"])
    op.create_index("ix_service_order_state_received_at", "service_order", ["state", "received_at"])
    op.create_index("ix_service_order_station_id", "service_order", ["station_id"])
    op.create_index(
        "ix_service_order_station_id_received_at", "service_order", ["station_id", "received_at"]
    )
    op.create_table(
        "service_order_event",
        sa.Column("order_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("from_state", sa.String(length=12), nullable=False),
        sa.Column("to_state", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("volunteer_ids", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
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
            ["order_id"], ["service_order.id"], name="fk_service_order_event_order_id_service_order"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_team.id"], name="fk_service_order_event_team_id_volunteer_team"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_order_event"),
        sa.UniqueConstraint("order_id", "seq", name="uq_service_order_event_order_id_seq"),
    )
    op.create_index("ix_service_order_event_change_seq", "service_order_event", ["change_seq"])
    op.create_index("ix_service_order_event_station_id", "service_order_event", ["station_id"])
    if op.get_bind().dialect.name != "sqlite":
        return  # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    for table in _TABLES:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); "
            "END"
        )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS trg_service_order_event_append_only BEFORE UPDATE ON "
        "service_order_event BEGIN SELECT RAISE(ABORT, "
        "'service_order_event is append-only; write a compensating entry'); END"
    )


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_table(table)  # their indexes and triggers go with them
