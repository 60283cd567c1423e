"""Tamper evidence: row seals, signed anchors of the audit chain (issue 7).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

* ``audit_entry.rows_digest`` — the digest of the row seals of the entry's
  transaction (existing entries keep "" and hash exactly as before);
* ``audit_row`` — one seal (content hash) per data row a transaction wrote;
* ``audit_anchor`` — the chain's head signed with the station's key;
* ``station.signing_public_key`` — the raw public key, so anchors verify
  anywhere (filled in at the first anchor).

Rows that existed before this revision are sealed here, all at once, by one
appended audit entry ``audit.seal_baseline``.  The row hash and the entry hash
are written out below (the same as app.services.audit.row_hash / _canonical
at this revision), so a later change there cannot change what this revision
did.  The guard triggers are literal too.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UNSEALED = {
    "audit_entry",
    "audit_row",
    "audit_anchor",
    "change_counter",
    "local_state",
    "alembic_version",
    "backup_photo",
}
GENESIS = "0" * 64


def _plain(value: object) -> object:
    return {"b": value.hex()} if isinstance(value, bytes | memoryview) else value


def _row_hash(table: str, columns: list[str], values: tuple) -> str:
    pairs = sorted(zip(columns, (_plain(v) for v in values), strict=True))
    body = json.dumps([table, pairs], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _entry_hash(content: list[object]) -> str:
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(body).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.add_column(
            sa.Column("rows_digest", sa.String(length=64), server_default="", nullable=False)
        )
    with op.batch_alter_table("station") as batch:
        batch.add_column(
            sa.Column("signing_public_key", sa.String(length=64), server_default="", nullable=False)
        )
    op.create_table(
        "audit_row",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_row"),
    )
    op.create_index("ix_audit_row_entry_id", "audit_row", ["entry_id"])
    op.create_index(
        "ix_audit_row_table_name_row_key_id", "audit_row", ["table_name", "row_key", "id"]
    )
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_anchor"),
    )
    # the guard triggers are SQLite's (see app.db.migrate.pg_guards)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("audit_row", "audit_anchor") if sqlite else ():
        op.execute(
            f"CREATE TRIGGER trg_{table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); END"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only; write a compensating entry'); END"
        )
    _seal_existing_rows()


def _seal_existing_rows() -> None:
    conn = op.get_bind()
    station = conn.exec_driver_sql("SELECT id FROM station LIMIT 1").first()
    if station is None:
        return  # an empty station: nothing to seal
    from app.ids import new_id

    entry_id = new_id()
    if conn.dialect.name == "sqlite":
        names = [
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    else:
        names = sa.inspect(conn).get_table_names()
    tables = sorted(name for name in names if name not in UNSEALED)
    seals: list[tuple[str, str, str]] = []
    for table in tables:
        cursor = conn.exec_driver_sql(f'SELECT * FROM "{table}"')
        columns = list(cursor.keys())
        at = columns.index("id")
        seals.extend((table, str(row[at]), _row_hash(table, columns, tuple(row))) for row in cursor)
    if not seals:
        return
    seals.sort()
    digest = hashlib.sha256()
    for table, key, row_hash in seals:
        digest.update(f"{table}\t{key}\t{row_hash}\n".encode())
    rows_digest = digest.hexdigest()
    conn.execute(
        sa.text(
            "INSERT INTO audit_row (entry_id, table_name, row_key, row_hash) "
            "VALUES (:entry, :table, :key, :hash)"
        ),
        [{"entry": entry_id, "table": t, "key": k, "hash": h} for t, k, h in seals],
    )
    last = conn.exec_driver_sql(
        "SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1"
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    now = datetime.now(UTC).replace(tzinfo=None)
    summary = json.dumps({"after": {"rows": len(seals)}}, ensure_ascii=False, sort_keys=True)
    content = [
        entry_id,
        station[0],
        seq,
        now.isoformat(timespec="microseconds"),
        "",
        "system",
        "audit.seal_baseline",
        "",
        "",
        summary,
        prev,
        rows_digest,
    ]
    change_seq = conn.exec_driver_sql(
        "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"
    ).scalar_one()
    conn.execute(
        sa.text(
            "INSERT INTO audit_entry (id, station_id, created_at, updated_at, row_version, "
            "change_seq, deleted, seq, at, operator_id, operator_name, action, target_type, "
            "target_id, summary, prev_hash, entry_hash, rows_digest) VALUES (:id, :station, "
            ":now, :now, 1, :change_seq, :deleted, :seq, :now, '', 'system', 'audit.seal_baseline', "
            "'', '', :summary, :prev, :hash, :digest)"
        ),
        {
            "id": entry_id,
            "station": station[0],
            "now": now,
            "change_seq": change_seq,
            "deleted": False,
            "seq": seq,
            "summary": summary,
            "prev": prev,
            "hash": _entry_hash(content),
            "digest": rows_digest,
        },
    )


def downgrade() -> None:
    raise NotImplementedError("station schemas only move forward; restore a backup instead")
