"""A township database on a real PostgreSQL server, made from a SQLite township (the hub's case).

:func:`pg_township` gives each caller a fresh database on the private server
of ``tests/services/postgres_server.py``: the models' schema (``create_all``,
as ``test_postgres_schema`` makes it) and every row of the SQLite township
(its own station row, its administrator, the enrolled stations), so
``import_file`` on it runs exactly what a hub worker will run.
:func:`new_database` gives an empty one (for ``copy_store``, as
``hub --copy-from-folder`` fills it).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Integer, create_engine, insert, select, text

from app.db import Database
from app.db.dialect import driver_sql
from app.models import Base, load_all

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
    load_all()
    Base.metadata.create_all(engine)
    with town.read() as src, engine.begin() as dst:
        for table in Base.metadata.sorted_tables:
            rows = [dict(r) for r in src.execute(select(table)).mappings()]
            if rows:
                dst.execute(insert(table), rows)
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].autoincrement:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{pk[0].name}'), "
                        f'coalesce((SELECT max("{pk[0].name}") FROM "{table.name}"), 0) + 1, false) '
                        f"WHERE pg_get_serial_sequence('\"{table.name}\"', '{pk[0].name}') "
                        "IS NOT NULL"
                    )
                )
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
