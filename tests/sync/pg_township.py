"""A township database on a real PostgreSQL server, made from a SQLite township (the hub's case).

:func:`pg_township` gives each caller a fresh database on the private server
of ``tests/services/postgres_server.py``, made the way ``hub
--copy-from-folder`` makes a hub's store (app.sync.hub.storage.copy_store:
the revisions' schema, then every row of the SQLite township — its own
station row, its administrator, the enrolled stations), so ``import_file`` on
it runs exactly what a hub worker will run.  :func:`new_database` gives an
empty one.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text

from app.db import Database
from app.db.dialect import driver_sql
from app.sync.hub.storage import copy_store

_serial = itertools.count(1)


def new_database(server_url: str, icu_locale: str = "") -> str:
    """The URL of a new, empty database on the server of *server_url*; with *icu_locale*
    (``zh-CN``) its text sorts as that language does, not byte by byte."""
    name = f"township_{next(_serial)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    collation = (
        f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'" if icu_locale else ""
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{collation}'))
    admin.dispose()
    return server_url.replace("/postgres?", f"/{name}?")


def pg_township(server_url: str, town: Database, name_path: Path) -> tuple[Database, Engine]:
    """A new PostgreSQL database holding a copy of *town*; its Database and engine."""
    engine = create_engine(new_database(server_url))
    copy_store(town.path, engine)
    return Database(name_path, engine=engine), engine


def holdings(db: Database, station_id: str) -> dict[str, set[tuple[str, int]]]:
    """Per syncable table: the (id, row_version) of the station's rows, on either database."""
    from app.models.base import syncable_tables

    out: dict[str, set[tuple[str, int]]] = {}
    with db.read() as session:
        conn = session.connection()
        for table in syncable_tables():
            rows = driver_sql(
                conn, f'SELECT id, row_version FROM "{table}" WHERE station_id = ?', (station_id,)
            )
            out[table] = {(str(i), int(v)) for i, v in rows}
    return out


def totals(db: Database, station_id: str) -> dict[str, int]:
    """The control totals of the station's ledgers (points, stock, minutes), on either database."""
    from app.sync.envelope import CONTROL_COLUMNS

    with db.read() as session:
        conn = session.connection()
        return {
            table: int(
                driver_sql(
                    conn,
                    f'SELECT coalesce(sum("{column}"), 0) FROM "{table}" WHERE station_id = ?',
                    (station_id,),
                ).scalar()
                or 0
            )
            for table, column in CONTROL_COLUMNS.items()
        }


def count(db: Database, table: str) -> Any:
    with db.read() as session:
        return driver_sql(session.connection(), f'SELECT count(*) FROM "{table}"').scalar()


class MidImportCut:
    """Drops an importer's PostgreSQL connection at a real point in the middle of its import.

    While it is entered, a second session holds ``sync_ack`` locked, which the
    importer reads only after it has written every row of the file (uncommitted);
    :meth:`cut` waits until a backend is waiting for that lock and terminates it
    (``pg_terminate_backend``: the server closes that connection, as a restart or
    a failover would).  Leaving releases the lock."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.cut_pids: list[int] = []

    def __enter__(self) -> MidImportCut:
        self._conn = self.engine.connect()
        self._tx = self._conn.begin()
        self._conn.execute(text("LOCK TABLE sync_ack IN ACCESS EXCLUSIVE MODE"))
        self._me = self._conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        return self

    def waiting(self, conn: Connection) -> int | None:
        """The pid of a backend waiting for the held lock, if any (not one already cut:
        a terminated backend may still be listed for a moment)."""
        for pid in conn.execute(
            text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> :me"
            ),
            {"me": self._me},
        ).scalars():
            if pid not in self.cut_pids:
                return int(pid)
        return None

    def cut(self, timeout: float = 60.0) -> None:
        """Wait until an import waits for the held lock (asking the server's own view of
        its backends, one round trip after another), then terminate its backend."""
        import time

        deadline = time.monotonic() + timeout
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            pid = self.waiting(conn)
            while pid is None:
                assert time.monotonic() < deadline, "no import came to wait for sync_ack"
                pid = self.waiting(conn)
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
        self.cut_pids.append(pid)

    def __exit__(self, *exc: object) -> None:
        self._tx.rollback()
        self._conn.close()
