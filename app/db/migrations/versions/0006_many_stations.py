"""A schema for many stations in one database (issue 8).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

A township's hub holds the rows of all its stations, so what is unique is
unique *within a station*:

* ``goods.barcode``, ``point_rule.code``, ``point_period.key`` and
  ``audit_entry.seq`` become unique together with ``station_id`` (the audit
  log is one hash chain per station);
* ``audit_anchor.station_id`` — the station whose chain an anchor signs
  (existing anchors are the PC's own station's);
* ``local_state['own_station_id']`` — the station this PC is, stored
  explicitly instead of "the first station row" (set here for every existing
  single-station file).

SQLite cannot change a table's UNIQUE constraint in place: the four tables
are rebuilt (a batch operation), which drops their triggers, so the guard
triggers are re-created below, literally.  The rebuild follows SQLite's own
procedure for it: foreign keys are off while it runs (app.db.migrate.upgrade
turns them off, the old ``goods`` is dropped before the new one takes its
name) and ``PRAGMA foreign_key_check`` must find nothing before the commit.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SCOPED = (  # table, column unique per station
    ("goods", "barcode"),
    ("point_rule", "code"),
    ("point_period", "key"),
    ("audit_entry", "seq"),
)
APPEND_ONLY = ("audit_entry",)


def _no_delete(table: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); END"
    )


def _append_only(table: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_append_only BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only; write a compensating entry'); END"
    )


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    for table, column in SCOPED:
        # PostgreSQL changes the constraint in place: nothing is rebuilt there
        with op.batch_alter_table(table, recreate="always" if sqlite else "never") as batch:
            batch.drop_constraint(f"uq_{table}_{column}", type_="unique")
            batch.create_unique_constraint(
                f"uq_{table}_station_id_{column}", ["station_id", column]
            )
        if sqlite:
            op.execute(_no_delete(table))
            if table in APPEND_ONLY:
                op.execute(_append_only(table))

    with op.batch_alter_table("audit_anchor") as batch:
        batch.add_column(
            sa.Column("station_id", sa.String(length=36), server_default="", nullable=False)
        )

    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() if sqlite else []
    if broken:
        raise RuntimeError(f"the rebuilt tables break foreign keys: {broken[:5]}")

    stations = [row[0] for row in conn.exec_driver_sql("SELECT id FROM station LIMIT 2")]
    if len(stations) != 1:
        return  # a file not set up yet: the set-up stores its station
    own = stations[0]
    conn.execute(
        sa.text(
            "INSERT OR REPLACE INTO local_state (key, value) VALUES ('own_station_id', :id)"
            if sqlite
            else "INSERT INTO local_state (key, value) VALUES ('own_station_id', :id) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"id": own},
    )
    if not sqlite:  # no guard triggers while the revisions run there
        conn.execute(sa.text("UPDATE audit_anchor SET station_id = :id"), {"id": own})
        return
    # the anchors so far are the own station's; the table is append-only, so
    # its guard is lifted for this one statement and put back as it was
    op.execute("DROP TRIGGER trg_audit_anchor_append_only")
    conn.execute(sa.text("UPDATE audit_anchor SET station_id = :id"), {"id": own})
    op.execute(
        "CREATE TRIGGER trg_audit_anchor_append_only BEFORE UPDATE ON audit_anchor "
        "BEGIN SELECT RAISE(ABORT, 'audit_anchor is append-only; write a compensating entry'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
