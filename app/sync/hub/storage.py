"""The hub's store: the township's database (SQLite file or PostgreSQL), and its checks.

The hub IS a township database: by default the data folder's ``station.db``;
``--db URL`` points elsewhere (``sqlite:///path`` or
``postgresql+psycopg://…``).  Every worker process opens its own
:class:`~app.db.Database`; what they share lives in the database (the
``hub_nonce`` table of seen nonces, the import log) or under an advisory file
lock in ``<data>/hub/`` (one import of a given file at a time, one
re-publishing of the config package).  The township's desktop and the
``hub-user``/``revoke-station`` commands open the same store with ``--db URL``
through :func:`open_township_store`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, Table, create_engine, delete, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from app.db import Database, make_engine, migrate
from app.db.dialect import store_name
from app.errors import DomainError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Station, StationMode, utcnow
from app.models.base import ChangeCounter
from app.models.sync import HubNonce, SyncStation
from app.sync.request_auth import MAX_SKEW_S

NOT_A_TOWNSHIP = QT_TRANSLATE_NOOP(
    "hub",
    "{folder} is not a township's data folder (no station set up as 乡镇实践所 in its "
    "database). Start the hub on the township's data folder.",
)


class NotATownship(Exception):
    """The store holds no township: the hub refuses to start."""


class StoreRefused(DomainError):
    """A store named by ``--db`` that the township's desktop and commands do not open."""


def open_store(data_root: Path, db_url: str = "") -> Database:
    """The township's database: the folder's station.db, or *db_url*."""
    default = data_root / "station.db"
    if not db_url:
        return Database(default)
    if db_url.startswith("sqlite"):
        path = db_url.split(":///", 1)[1] if ":///" in db_url else ""
        if not path:
            raise ValueError("a SQLite URL names its file: sqlite:///path/to/station.db")
        return Database(Path(path))
    engine = create_engine(db_url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    return Database(default, engine=engine)


def prepare_schema(db: Database, before_upgrade: Callable[[str], object] | None = None) -> str:
    """Create or upgrade the store's schema (what was done: created, current, upgraded).

    The shipped Alembic revisions run on either database, as at a station's
    start-up (app.db.migrate.ensure_schema); on PostgreSQL one process at a
    time, under an advisory lock, with the guard triggers in plpgsql.
    ``before_upgrade(reason)`` is called before the revisions touch a store
    that holds data: the hub cannot back up a PostgreSQL store itself (its
    administrator runs ``pg_dump`` before installing a new version), so the
    caller says so there.
    """
    return migrate.ensure_schema(db.engine, backup=before_upgrade)


def copy_store(source: Path, target: Engine, *, chunk: int = 2000) -> int:
    """Copy every table of the SQLite file *source* into the empty database *target*.

    The way a township moves its store to PostgreSQL: the schema made by the
    revisions (as every store is), then the rows as they are (ids, stamps,
    seals, the audit chain, the change counter), the serial counters set past
    the copied ids.  Returns the rows copied.
    """
    from app.models import Base, load_all

    if not migrate.is_empty(target):
        raise ValueError("the target database is not empty")
    load_all()
    src = make_engine(source, read_only=True)
    copied = 0
    try:
        revision = migrate.current_revision(src)
        if revision != migrate.head_revision():
            raise ValueError(f"{source} is at schema {revision}: open it with this program first")
        migrate.ensure_schema(target)
        with src.connect() as reader, target.begin() as writer:
            writer.execute(delete(ChangeCounter))  # the source's own counter comes instead
            for table in Base.metadata.sorted_tables:
                rows: list[dict[str, object]] = []
                for row in reader.execute(select(table)).mappings():
                    rows.append(dict(row))
                    if len(rows) >= chunk:
                        writer.execute(table.insert(), rows)
                        copied += len(rows)
                        rows = []
                if rows:
                    writer.execute(table.insert(), rows)
                    copied += len(rows)
            reset_serials(writer, Base.metadata.sorted_tables)
    finally:
        src.dispose()
    return copied


def reset_serials(conn: Connection, tables: Iterable[Table]) -> None:
    """Set PostgreSQL's serial counters of *tables* past the ids copied in with their rows."""
    if conn.dialect.name != "postgresql":
        return  # SQLite's integer keys follow the largest id by themselves
    for table in tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto"
                and len(table.primary_key.columns) == 1
                and isinstance(column.type, Integer)
            ):
                t, c = table.name, column.name
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{t}\"', '{c}'), "
                        f'coalesce(max("{c}"), 0) + 1, false) FROM "{t}"'
                    )
                )


def open_township_store(data_root: Path, db_url: str) -> Database:
    """The township's store at *db_url*, checked as the hub checks it, for the township's
    desktop (``main.py --db URL``) and the ``hub-user``/``revoke-station`` commands.

    The schema is brought to head by :func:`prepare_schema`.  An empty database is
    refused before anything is written to it (the township is copied into it by
    ``hub --copy-from-folder``), and so is a station's store: only a township's
    window opens on a shared database.  Raises :class:`StoreRefused`, in words.
    """
    db = open_store(data_root, db_url)
    name = store_name(db.engine)
    try:
        try:
            empty = migrate.is_empty(db.engine)
        except OperationalError as exc:
            reason = (str(exc.orig or exc).strip().splitlines() or [""])[0]
            raise StoreRefused(
                QT_TRANSLATE_NOOP("errors", "The database {store} cannot be reached: {reason}"),
                store=name,
                reason=reason,
            ) from exc
        if empty:
            raise StoreRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {store} is empty. Copy the township's data folder into it "
                    "first: main.py hub --data-dir FOLDER --db URL --copy-from-folder.",
                ),
                store=name,
            )
        revision = migrate.current_revision(db.engine) or ""
        if revision != migrate.head_revision():
            # the hub upgrades its store (after the county's pg_dump), not a desktop
            # that happens to start first while older hub workers still serve it
            raise StoreRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {store} is at schema {revision}; this program needs {head}. "
                    "Start the hub of this version on it first: it upgrades the database.",
                ),
                store=name,
                revision=revision or "-",
                head=migrate.head_revision(),
            )
        prepare_schema(db)
        if township_of(db) is None:
            raise StoreRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {store} holds no township (no station set up as 乡镇实践所). "
                    "Only a township's desktop opens a shared database; a station keeps its "
                    "data in its own folder.",
                ),
                store=name,
            )
    except BaseException:
        db.dispose()
        raise
    return db


@dataclass(frozen=True)
class Township:
    station_id: str
    code: str
    name: str


def township_of(db: Database) -> Township | None:
    """The store's own station when it is a township (None: not a township)."""
    from sqlalchemy import inspect

    if not inspect(db.engine).has_table("station"):
        return None
    sid = db.station_id
    if sid is None:
        return None
    with db.read() as session:
        own = session.get(Station, sid)
        if own is None or own.mode != StationMode.TOWNSHIP.value:
            return None
        return Township(own.id, own.code, own.name)


def public_key_of(db: Database, code: str) -> str | None:
    with db.read() as session:
        return session.scalar(select(SyncStation.public_key).where(SyncStation.code == code))


def is_revoked(db: Database, code: str) -> bool:
    with db.read() as session:
        revoked = session.scalar(select(SyncStation.revoked_at).where(SyncStation.code == code))
        return revoked is not None


def record_nonce(db: Database, code: str, nonce: str) -> bool:
    """Remember *nonce* (False: it was seen before — a replay); forgets old ones."""
    now = utcnow()
    try:
        with db.write() as session:
            session.execute(
                delete(HubNonce).where(HubNonce.seen_at < now - timedelta(seconds=2 * MAX_SKEW_S))
            )
            session.add(HubNonce(nonce=nonce, station_code=code, seen_at=now))
    except IntegrityError:
        return False
    return True


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on *path*, shared by the hub's worker processes."""
    import fcntl  # POSIX: the hub's; the desktop (on Windows too) imports this module

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
