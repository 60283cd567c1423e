"""Declarative base, the *syncable* mixin and the change counter.

DESIGN §3.  Every table whose rows leave the station mixes in :class:`Syncable`:

* ``id`` — a UUIDv7 string made on the station;
* ``station_id`` — the station that created the row;
* ``created_at`` / ``updated_at`` — UTC, for display only (station clocks drift);
* ``row_version`` — +1 for every transaction that changes the row;
* ``change_seq`` — the station-local monotonic counter, stamped in the same
  transaction; every row a transaction writes gets that transaction's number,
  so "everything since sequence N" is an index range scan for the sync export;
* ``deleted`` — a tombstone; synced rows are never physically deleted.

The stamping is done once, here, in a ``before_flush`` hook, so no service can
forget it; a row changed by several flushes in one transaction is still bumped
exactly once.  A new row takes the session's station (``session.info``, set by
app.db.Database); a row with none is an error — a database may hold many
stations' rows, so the hook never guesses.  In *replicating* mode
(``Database.replicating``) rows are another station's and arrive stamped:
their ``row_version``, ``change_seq``, ``created_at``, ``updated_at`` and
``station_id`` are kept as they come.

A ``BEFORE DELETE`` trigger on every syncable table (see
:func:`no_delete_trigger_sql`; PostgreSQL's in plpgsql, app.db.migrate.pg_guards)
makes a physical delete fail even from raw SQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from app.ids import new_id

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# session.info keys (per transaction state of the stamping hook)
_TXN_SEQ = "wb_txn_change_seq"
_BUMPED = "wb_bumped_rows"
STATION_ID = "wb_station_id"  # the station this session works for (Database sets it)
REPLICATING = "wb_replicating"  # rows come from another database: keep their stamps
OWN_STATION = "own_station_id"  # local_state key: the station this PC is


def own_station(session: Session) -> str:
    """The station a session works for (set by the Database); raises when there is none."""
    station_id = session.info.get(STATION_ID)
    if not station_id:
        raise RuntimeError("this session works for no station (the station is not set up)")
    return str(station_id)


def utcnow() -> datetime:
    """Naive UTC now: SQLite has no time zones, and every stored time is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Syncable:
    """Columns shared by every table that is exported to the township."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    change_seq: Mapped[int] = mapped_column(Integer, index=True, default=0)
    # false(): "DEFAULT 0" on SQLite (as every released schema has it), "false" elsewhere
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ChangeCounter(Base):
    """The station's single change-sequence counter (one row, id = 1)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class LocalState(Base):
    """Station-local facts that never leave the PC (incarnation id, last backup...)."""

    __tablename__ = "local_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String, default="")


def no_delete_trigger_sql(table: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted; write a tombstone'); END"
    )


def append_only_trigger_sql(table: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_append_only BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only; write a compensating entry'); END"
    )


def syncable_tables() -> list[str]:
    from app.models import load_all

    load_all()
    return sorted(
        cast(Table, mapper.local_table).name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Syncable)
    )


def next_change_seq(session: Session) -> int:
    seq = session.info.get(_TXN_SEQ)
    if seq is None:
        seq = session.execute(
            text("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value")
        ).scalar_one()
        session.info[_TXN_SEQ] = seq
    return int(seq)


@event.listens_for(Session, "before_flush")
def _stamp_syncable(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Syncable):
            raise RuntimeError(
                f"{type(obj).__name__} rows are never deleted; set deleted=True instead"
            )
    bumped: set[tuple[str, str]] = session.info.setdefault(_BUMPED, set())
    now = utcnow()
    if session.info.get(REPLICATING):
        _check_replicated(session)
        return
    for obj in session.new:
        if not isinstance(obj, Syncable):
            continue
        if obj.id is None:
            obj.id = new_id()
        if not obj.station_id:
            obj.station_id = session.info.get(STATION_ID) or ""
            if not obj.station_id:
                raise RuntimeError(
                    f"a {type(obj).__name__} row has no station_id and the session "
                    "works for no station (a database holds many stations: never guess)"
                )
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.row_version = 1
        obj.change_seq = next_change_seq(session)
        bumped.add((type(obj).__tablename__, obj.id))  # type: ignore[attr-defined]
    for obj in session.dirty:
        if not isinstance(obj, Syncable) or not session.is_modified(obj):
            continue
        key = (type(obj).__tablename__, obj.id)  # type: ignore[attr-defined]
        if key in bumped:
            continue  # already bumped in this transaction
        obj.row_version = (obj.row_version or 0) + 1
        obj.updated_at = now
        obj.change_seq = next_change_seq(session)
        bumped.add(key)


def _check_replicated(session: Session) -> None:
    """Replicating mode: rows written are another station's, with their own stamps.

    Nothing is re-stamped (``row_version``, ``change_seq``, ``created_at``,
    ``updated_at`` and ``station_id`` are the origin's), so each row must
    arrive complete.
    """
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Syncable):
            continue
        missing = [
            name
            for name in ("id", "station_id", "row_version", "change_seq", "created_at")
            if getattr(obj, name) in (None, "")
        ]
        if missing:
            raise RuntimeError(f"a replicated {type(obj).__name__} row lacks {', '.join(missing)}")
        if obj.updated_at is None:
            obj.updated_at = obj.created_at


@event.listens_for(Session, "after_transaction_end")
def _reset_txn_state(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the outermost transaction ended
        session.info.pop(_TXN_SEQ, None)
        session.info.pop(_BUMPED, None)
        session.info.pop(REPLICATING, None)


def append_only_tables() -> list[str]:
    """Ledgers: classes that declare ``__append_only__ = True``."""
    from app.models import load_all

    load_all()
    return sorted(
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__append_only__", False)
    )


def guards() -> list[tuple[str, str, str, str]]:
    """(trigger, table, event, message) of every guard: no deletes, ledgers append-only."""
    ledgers = append_only_tables()
    # a local ledger (the audit log's row seals and anchors) is never deleted either
    kept = sorted(set(syncable_tables()) | set(ledgers))
    return [
        (f"trg_{t}_no_delete", t, "DELETE", f"rows of {t} are never deleted; write a tombstone")
        for t in kept
    ] + [
        (f"trg_{t}_append_only", t, "UPDATE", f"{t} is append-only; write a compensating entry")
        for t in ledgers
    ]


def guard_statements() -> list[str]:
    """SQLite's triggers that keep syncable rows and ledgers from being deleted or edited.

    PostgreSQL's are app.db.migrate.pg_guards, from the same :func:`guards`.
    """
    return [
        no_delete_trigger_sql(table) if event == "DELETE" else append_only_trigger_sql(table)
        for _name, table, event, _message in guards()
    ]
