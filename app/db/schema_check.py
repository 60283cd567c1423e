"""The exact schema of a revision, and every way a database file differs from it.

A backup (and, later, a sync payload) is hostile input: a file can carry its
own triggers (one that plants an administrator on the next sign-in, one that
adds points), views, extra tables (3 GB of junk), or lack the guard triggers
that keep the ledgers append-only.  :func:`schema_of` describes a file's schema
from SQLite's own catalogue — tables with their columns, indexes, foreign keys,
triggers and views — and :func:`expected_schema` builds the description of a
revision by running the shipped Alembic revisions on an empty scratch file, so
the truth is the code, never the file.  :func:`differences` lists, in plain
words, what does not match.

Reading ``sqlite_master`` and the ``PRAGMA table_xinfo`` family runs no SQL
stored in the file, and the connection has ``trusted_schema=OFF``, so the
description is safe to take of any file.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# Tables a backup may carry beside the schema: the photos a backup to a chosen
# folder holds (app.services.backup.PHOTO_TABLE), SQLite's own bookkeeping.
ALLOWED_EXTRA_TABLES = frozenset({"backup_photo", "sqlite_sequence", "sqlite_stat1"})


def _norm_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip()).rstrip(";").lower()


@dataclass(frozen=True)
class Schema:
    """A file's schema as SQLite describes it (names → normalised descriptions)."""

    tables: dict[str, tuple[tuple[object, ...], ...]] = field(default_factory=dict)
    foreign_keys: dict[str, tuple[tuple[object, ...], ...]] = field(default_factory=dict)
    indexes: dict[str, tuple[object, ...]] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    views: dict[str, str] = field(default_factory=dict)


def schema_of(con: sqlite3.Connection) -> Schema:
    """Describe the schema of an open connection (nothing stored in the file runs)."""
    con.execute("PRAGMA trusted_schema=OFF")
    schema = Schema()
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table":
            quoted = name.replace('"', '""')
            # by name: a column added by a migration sits last, one made by
            # create_all in model order; both are the same schema
            schema.tables[name] = tuple(
                sorted(tuple(r[1:]) for r in con.execute(f'PRAGMA table_xinfo("{quoted}")'))
            )
            schema.foreign_keys[name] = tuple(
                sorted(tuple(r[2:]) for r in con.execute(f'PRAGMA foreign_key_list("{quoted}")'))
            )
        elif kind == "index":
            quoted = name.replace('"', '""')
            columns = tuple(r[2] for r in con.execute(f'PRAGMA index_info("{quoted}")'))
            unique = bool(
                next(
                    (
                        r[2]
                        for r in con.execute(
                            f'PRAGMA index_list("{table.replace(chr(34), chr(34) * 2)}")'
                        )
                        if r[1] == name
                    ),
                    0,
                )
            )
            partial = _norm_sql(sql).split(" where ", 1)[1] if " where " in _norm_sql(sql) else ""
            # autoindexes are named by SQLite after the constraint's position;
            # describe them by what they cover instead
            key = f"auto:{table}:{','.join(map(str, columns))}" if sql is None else name
            schema.indexes[key] = (table, columns, unique, partial)
        elif kind == "trigger":
            schema.triggers[name] = _norm_sql(sql)
        elif kind == "view":
            schema.views[name] = _norm_sql(sql)
    return schema


@cache
def expected_schema(revision: str) -> Schema:
    """The schema the shipped revisions build up to *revision*, from an empty file."""
    from sqlalchemy import create_engine

    from app.db.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="wb-schema-") as folder:
        path = Path(folder) / "expected.sqlite"
        engine = create_engine(f"sqlite+pysqlite:///{path.as_posix()}")
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
        con = sqlite3.connect(path)
        try:
            return schema_of(con)
        finally:
            con.close()


def differences(
    actual: Schema,
    expected: Schema,
    *,
    extra_tables: frozenset[str] = ALLOWED_EXTRA_TABLES,
    allow_missing_triggers: bool = False,
) -> list[str]:
    """Every difference of *actual* from *expected*, in words (empty: they match).

    Guard triggers missing from *actual* are listed unless
    *allow_missing_triggers* (a restore rebuilds them from the code anyway);
    a trigger the code does not make, or one whose SQL differs, always is.
    """
    found: list[str] = []
    for name in sorted(set(actual.tables) - set(expected.tables) - extra_tables):
        found.append(f"unexpected table {name}")
    for name in sorted(set(expected.tables) - set(actual.tables)):
        found.append(f"missing table {name}")
    for name in sorted(set(actual.tables) & set(expected.tables)):
        if actual.tables[name] != expected.tables[name]:
            found.append(f"the columns of table {name} differ")
        elif actual.foreign_keys.get(name) != expected.foreign_keys.get(name):
            found.append(f"the foreign keys of table {name} differ")
    ours = {k: v for k, v in actual.indexes.items() if v[0] not in extra_tables}
    for name in sorted(set(ours) - set(expected.indexes)):
        found.append(f"unexpected index {name}")
    for name in sorted(set(expected.indexes) - set(ours)):
        found.append(f"missing index {name}")
    for name in sorted(set(ours) & set(expected.indexes)):
        if ours[name] != expected.indexes[name]:
            found.append(f"index {name} differs")
    for name in sorted(actual.views):
        found.append(f"unexpected view {name}")
    for name in sorted(set(actual.triggers) - set(expected.triggers)):
        found.append(f"unexpected trigger {name}")
    for name in sorted(set(actual.triggers) & set(expected.triggers)):
        if actual.triggers[name] != expected.triggers[name]:
            found.append(f"trigger {name} differs from the program's")
    if not allow_missing_triggers:
        for name in sorted(set(expected.triggers) - set(actual.triggers)):
            found.append(f"missing guard trigger {name}")
    return found
