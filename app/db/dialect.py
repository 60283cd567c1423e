"""The few places where the station file's SQLite and a hub's PostgreSQL differ.

The station PC runs SQLite; a township's hub may keep every station's rows in
PostgreSQL.  The services' read queries are dialect-neutral SQLAlchemy except
for a handful of SQLite-only tricks (a table hint that forces a table scan,
``rowid``, the ``sqlite_master`` catalogue) and functions the two spell
differently (a date's month), which live here behind small functions that
give the plain equivalent on any other database.  The station
file's own machinery (PRAGMAs, the schema check of a restore)
stays SQLite-only and is not on the path of these queries; the guard triggers
have plpgsql twins (app.db.migrate.pg_guards).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    FromClause,
    Select,
    func,
    inspect,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session


def is_sqlite(bind: Any) -> bool:
    """*bind* (a Session, Connection or Engine) talks to SQLite."""
    if isinstance(bind, Session):
        bind = bind.get_bind()
    return bool(bind.dialect.name == "sqlite")


def month_key(bind: Any, column: Any) -> ColumnElement[str]:
    """``YYYY-MM`` of a date or timestamp *column* (SQLite ``strftime``, else ``to_char``)."""
    if is_sqlite(bind):
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def store_name(engine: Engine) -> str:
    """Which database *engine* opens, for a person: ``PostgreSQL · township@host`` or
    ``SQLite · /path/station.db`` (never the password)."""
    url = engine.url
    if is_sqlite(engine):
        return f"SQLite · {url.database or ''}"
    host = url.host or str(url.query.get("host") or "") or "localhost"
    name = "PostgreSQL" if engine.dialect.name == "postgresql" else engine.dialect.name
    return f"{name} · {url.database or ''}@{host}"


def table_scan(session: Session, table: FromClause, name: str) -> FromClause:
    """*table* read in storage order, never through an index (SQLite: ``NOT INDEXED``).

    A whole-table aggregate on SQLite otherwise walks an index and fetches
    each row at random; other databases plan this themselves.
    """
    if is_sqlite(session):
        return text(f"{name} NOT INDEXED")  # type: ignore[return-value]
    return table


def contains_by_index_scan(
    session: Session, table: Any, column: str, pattern: str, escape: str = "\\"
) -> ColumnElement[bool]:
    """Rows of *table* whose *column* is ``LIKE`` *pattern*.

    On SQLite the match reads only the column's (covering) index and selects
    the rows by ``rowid``, so the wide table is not read; elsewhere it is the
    plain ``LIKE``.
    """
    name = table.name
    if is_sqlite(session):
        alias = table.alias(f"{name}_{column}s")
        matching: Select[tuple[int]] = select(literal_column(f"{alias.name}.rowid")).where(
            alias.c[column].like(pattern, escape=escape)
        )
        return literal_column(f"{name}.rowid").in_(matching)
    return table.c[column].like(pattern, escape=escape)


def table_names(conn: Any) -> list[str]:
    """The database's tables (SQLite's catalogue read directly: it is faster)."""
    if is_sqlite(conn):
        return list(
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).scalars()
        )
    return list(inspect(conn).get_table_names())


def driver_sql(conn: Any, sql: str, params: Any = ()) -> Any:
    """``exec_driver_sql`` of *sql* written with SQLite's ``?`` placeholders, on any driver.

    The audit log's bulk statements skip SQLAlchemy's compiler (hundreds of
    thousands of rows); a driver with ``%s`` placeholders (psycopg) gets them
    rewritten, literal ``%`` doubled.
    """
    if conn.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("%", "%%").replace("?", "%s")
    return conn.exec_driver_sql(sql, params)
