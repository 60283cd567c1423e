"""Households, members, cards, the points system and the points supermarket (issue 3).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The guard triggers are written out literally (the same SQL as
app.models.base.no_delete_trigger_sql / append_only_trigger_sql at the time of
this revision), so a later change to those helpers cannot change what this
revision did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _syncable_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
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


def _fk(table: str, column: str, ref: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{ref}.id"], name=f"fk_{table}_{column}_{ref}")


SYNCABLE = (
    "household",
    "member",
    "card",
    "point_rule",
    "point_batch",
    "point_entry",
    "point_period",
    "goods",
    "stock_move",
    "redemption",
    "redemption_line",
    "redemption_void",
    "print_log",
)
APPEND_ONLY = (
    "point_batch",
    "point_entry",
    "stock_move",
    "redemption",
    "redemption_line",
    "redemption_void",
    "print_log",
)


def upgrade() -> None:
    op.create_table(
        "household",
        *_syncable_columns(),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("number_sort", sa.String(60), nullable=False),
        sa.Column("head_member_id", sa.String(36), nullable=True),
        sa.Column("head_name", sa.String(50), nullable=False),
        sa.Column("head_initials", sa.String(30), nullable=False),
        sa.Column("group_name", sa.String(50), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("phone_masked", sa.String(20), nullable=False),
        sa.Column("phone_tail", sa.String(4), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(30), nullable=False),
        sa.Column("rating_year", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_household"),
        sa.UniqueConstraint("station_id", "number", name="uq_household_station_id_number"),
    )
    _syncable_indexes("household")
    for column in ("number", "number_sort", "head_initials", "group_name", "phone_tail"):
        op.create_index(f"ix_household_{column}", "household", [column])

    op.create_table(
        "member",
        *_syncable_columns(),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("initials", sa.String(30), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("id_masked", sa.String(18), nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("phone_masked", sa.String(20), nullable=False),
        sa.Column("phone_tail", sa.String(4), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("left_reason", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_member"),
        _fk("member", "household_id", "household"),
    )
    _syncable_indexes("member")
    for column in ("household_id", "name", "initials", "id_hash", "phone_tail"):
        op.create_index(f"ix_member_{column}", "member", [column])

    op.create_table(
        "card",
        *_syncable_columns(),
        sa.Column("kind", sa.String(1), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(50), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoke_reason", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_card"),
    )
    _syncable_indexes("card")
    op.create_index("ix_card_kind_subject_id", "card", ["kind", "subject_id"])

    op.create_table(
        "point_rule",
        *_syncable_columns(),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("cap_per_period", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_point_rule"),
        sa.UniqueConstraint("code", name="uq_point_rule_code"),
    )
    _syncable_indexes("point_rule")

    op.create_table(
        "point_batch",
        *_syncable_columns(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("rule_code", sa.String(20), nullable=False),
        sa.Column("rule_name", sa.String(100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("total_points", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.Column("reverses_batch_id", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_point_batch"),
        sa.UniqueConstraint("reverses_batch_id", name="uq_point_batch_reverses_batch_id"),
        sa.ForeignKeyConstraint(
            ["reverses_batch_id"],
            ["point_batch.id"],
            name="fk_point_batch_reverses_batch_id_point_batch",
        ),
    )
    _syncable_indexes("point_batch")

    op.create_table(
        "point_entry",
        *_syncable_columns(),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=True),
        sa.Column("member_name", sa.String(50), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("scored", sa.Boolean(), nullable=False),
        sa.Column("rule_id", sa.String(36), nullable=True),
        sa.Column("rule_code", sa.String(20), nullable=False),
        sa.Column("rule_name", sa.String(100), nullable=False),
        sa.Column("rule_points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=True),
        sa.Column("link_type", sa.String(20), nullable=False),
        sa.Column("link_id", sa.String(36), nullable=False),
        sa.Column("reverses_id", sa.String(36), nullable=True),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_point_entry"),
        sa.UniqueConstraint("reverses_id", name="uq_point_entry_reverses_id"),
        _fk("point_entry", "household_id", "household"),
        _fk("point_entry", "member_id", "member"),
        _fk("point_entry", "rule_id", "point_rule"),
        _fk("point_entry", "batch_id", "point_batch"),
        _fk("point_entry", "reverses_id", "point_entry"),
    )
    _syncable_indexes("point_entry")
    op.create_index("ix_point_entry_household_id_period", "point_entry", ["household_id", "period"])
    op.create_index("ix_point_entry_period_household_id", "point_entry", ["period", "household_id"])
    op.create_index("ix_point_entry_batch_id", "point_entry", ["batch_id"])
    op.create_index("ix_point_entry_link_id", "point_entry", ["link_id"])

    op.create_table(
        "point_period",
        *_syncable_columns(),
        sa.Column("key", sa.String(7), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("base_points", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("publicized_at", sa.DateTime(), nullable=True),
        sa.Column("finalized_at", sa.DateTime(), nullable=True),
        sa.Column("end_action", sa.String(8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_point_period"),
        sa.UniqueConstraint("key", name="uq_point_period_key"),
    )
    _syncable_indexes("point_period")

    op.create_table(
        "goods",
        *_syncable_columns(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("initials", sa.String(40), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("points_price", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(40), nullable=True),
        sa.Column("photo_path", sa.String(260), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("low_stock_threshold", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_goods"),
        sa.UniqueConstraint("barcode", name="uq_goods_barcode"),
    )
    _syncable_indexes("goods")
    op.create_index("ix_goods_initials", "goods", ["initials"])

    op.create_table(
        "stock_move",
        *_syncable_columns(),
        sa.Column("goods_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("on_hand_after", sa.Integer(), nullable=False),
        sa.Column("donor", sa.String(100), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("link_type", sa.String(20), nullable=False),
        sa.Column("link_id", sa.String(36), nullable=False),
        sa.Column("reverses_id", sa.String(36), nullable=True),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stock_move"),
        sa.UniqueConstraint("reverses_id", name="uq_stock_move_reverses_id"),
        _fk("stock_move", "goods_id", "goods"),
        _fk("stock_move", "reverses_id", "stock_move"),
    )
    _syncable_indexes("stock_move")
    op.create_index("ix_stock_move_goods_id", "stock_move", ["goods_id"])
    op.create_index("ix_stock_move_link_id", "stock_move", ["link_id"])

    op.create_table(
        "redemption",
        *_syncable_columns(),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("household_number", sa.String(20), nullable=False),
        sa.Column("head_name", sa.String(50), nullable=False),
        sa.Column("total_points", sa.Integer(), nullable=False),
        sa.Column("balance_before", sa.Integer(), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("point_entry_id", sa.String(36), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_redemption"),
        sa.UniqueConstraint("station_id", "number", name="uq_redemption_station_id_number"),
        _fk("redemption", "household_id", "household"),
        _fk("redemption", "point_entry_id", "point_entry"),
    )
    _syncable_indexes("redemption")
    op.create_index(
        "ix_redemption_household_id_created_at", "redemption", ["household_id", "created_at"]
    )

    op.create_table(
        "redemption_line",
        *_syncable_columns(),
        sa.Column("redemption_id", sa.String(36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("goods_id", sa.String(36), nullable=False),
        sa.Column("goods_name", sa.String(100), nullable=False),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("unit_points", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("line_points", sa.Integer(), nullable=False),
        sa.Column("stock_move_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_redemption_line"),
        _fk("redemption_line", "redemption_id", "redemption"),
        _fk("redemption_line", "goods_id", "goods"),
        _fk("redemption_line", "stock_move_id", "stock_move"),
    )
    _syncable_indexes("redemption_line")
    op.create_index("ix_redemption_line_redemption_id", "redemption_line", ["redemption_id"])

    op.create_table(
        "redemption_void",
        *_syncable_columns(),
        sa.Column("redemption_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("point_entry_id", sa.String(36), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_redemption_void"),
        sa.UniqueConstraint("redemption_id", name="uq_redemption_void_redemption_id"),
        _fk("redemption_void", "redemption_id", "redemption"),
        _fk("redemption_void", "point_entry_id", "point_entry"),
    )
    _syncable_indexes("redemption_void")

    op.create_table(
        "print_log",
        *_syncable_columns(),
        sa.Column("doc_type", sa.String(20), nullable=False),
        sa.Column("doc_id", sa.String(36), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("operator_name", sa.String(50), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_print_log"),
        sa.UniqueConstraint(
            "doc_type", "doc_id", "copy_no", name="uq_print_log_doc_type_doc_id_copy_no"
        ),
    )
    _syncable_indexes("print_log")

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
