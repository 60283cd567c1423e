"""Schema creation and upgrade with the Alembic revisions shipped in the package.

DESIGN §3 / STYLE 7: a new database file is created from the models and
stamped at head; an existing one is upgraded at start-up, after an automatic
backup (the caller passes ``backup`` so this module does not know where backups
live).  A test upgrades a fixture database of every released schema and checks
the result matches the models exactly.

Alembic itself (~130 ms of imports) is loaded only when a file is created or
upgraded: the every-day start-up compares the file's ``alembic_version`` with
the head revision read straight from the revision files' headers
(:func:`head_revision`; a test checks it agrees with Alembic).

A hub's PostgreSQL store is made and upgraded by the same revisions (they
branch on the dialect where SQLite needs its own SQL), one process at a time
under an advisory lock, in one transaction (PostgreSQL's DDL is
transactional).  The guard triggers are SQLite's in the revisions; on
PostgreSQL they are plpgsql equivalents made from the current models after
the revisions ran (:func:`pg_guards`), so a revision never has to lift them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from app.models import Base, load_all
from app.models.base import guard_statements, guards

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def _revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision, every revision some other one names as its parent)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found.group(1))
        if down := _DOWN.search(source):
            parents.add(down.group(1))
    return frozenset(revisions), frozenset(parents)


def known_revisions() -> frozenset[str]:
    """Every schema revision this program can open (and upgrade from)."""
    return _revision_graph()[0]


def head_revision() -> str:
    """The newest revision: the one no other revision names as its parent."""
    revisions, parents = _revision_graph()
    heads = set(revisions - parents)
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(bind: Engine | Connection) -> str | None:
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return current_revision(conn)
    if not inspect(bind).has_table("alembic_version"):
        return None
    return bind.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(bind: Engine | Connection) -> bool:
    return not inspect(bind).get_table_names()


def create_new(engine: Engine) -> None:
    """Create every table of the current models in an empty file, stamped at head."""
    load_all()
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        for statement in guard_statements():
            conn.exec_driver_sql(statement)
        conn.execute(text("INSERT INTO change_counter (id, value) VALUES (1, 0)"))
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the revisions up to *revision* in one transaction.

    Only the revisions: a PostgreSQL store is brought to head by
    :func:`ensure_schema` (the lock, the guards); the tests make older stores
    with this.  On SQLite foreign keys are off while they run (the pragma is
    a no-op inside a transaction, so it is set before): a revision that
    rebuilds a table drops it before its copy takes the name, as SQLite's
    ALTER TABLE procedure says, and checks ``PRAGMA foreign_key_check`` itself.
    """
    from alembic import command

    cfg = alembic_config(engine)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def is_current(engine: Engine) -> bool:
    """True when the file holds a schema at head (start-up then needs no migration)."""
    return not is_empty(engine) and current_revision(engine) == head_revision()


def ensure_schema(engine: Engine, backup: Callable[[str], object] | None = None) -> str:
    """Bring the database at *engine* to head; returns what was done.

    ``backup(reason)`` is called before any migration touches existing data.
    """
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn, conn.begin():
            return ensure_server_schema(conn, backup)
    if is_empty(engine):
        create_new(engine)
        return "created"
    current = current_revision(engine)
    if current == head_revision():
        return "current"
    if backup is not None:
        backup(f"pre-migration-{current or 'none'}")
    upgrade(engine)
    return "upgraded"


SCHEMA_LOCK = "SELECT pg_advisory_xact_lock(hashtext('station-workbench schema'), 0)"
"""Held while a PostgreSQL store's schema is checked and migrated (two keys: the
importer's one-key per-station locks are another key space)."""


def ensure_server_schema(conn: Connection, backup: Callable[[str], object] | None = None) -> str:
    """:func:`ensure_schema` of a PostgreSQL store, in the transaction open on *conn*.

    The advisory lock makes a second process (another hub, the township's
    desktop) starting at the same time wait, then find the schema current.
    An empty database gets every revision from the first, like an old one
    gets the missing ones; the guard triggers are lifted while they run and
    made again from the models (:func:`pg_guards`).
    """
    conn.execute(text(SCHEMA_LOCK))
    empty = is_empty(conn)
    current = None if empty else current_revision(conn)
    result = "current"
    if current != head_revision():
        if not empty and backup is not None:
            backup(f"pre-migration-{current or 'none'}")
        for name, table in _pg_guards_present(conn):
            conn.exec_driver_sql(f'DROP TRIGGER "{name}" ON "{table}"')
        from alembic import command  # only when there is something to run (see above)

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        result = "created" if empty else "upgraded"
    present = {name for name, _table in _pg_guards_present(conn)}
    for statement in pg_guards(present):
        conn.exec_driver_sql(statement)
    return result


_PG_REFUSE = (
    "CREATE OR REPLACE FUNCTION wb_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation'; "
    "END $$"
)


def pg_guards(present: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """PostgreSQL's guard triggers of the current models (those not *present* yet).

    The same triggers as SQLite's (:func:`app.models.base.guard_statements`):
    a ``BEFORE DELETE`` on every syncable table and ledger, a ``BEFORE
    UPDATE`` on every ledger, each raising SQLite's message as an integrity
    violation (SQLSTATE 23000), so the importer quarantines a row that breaks
    one exactly as on SQLite.
    """
    missing = [
        f'CREATE TRIGGER "{name}" BEFORE {event} ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION wb_refuse('{message}')"
        for name, table, event, message in guards()
        if name not in present
    ]
    return [_PG_REFUSE, *missing] if missing else []


def _pg_guards_present(conn: Connection) -> list[tuple[str, str]]:
    """(trigger, table) of the guard triggers a PostgreSQL store holds now."""
    return [
        (str(name), str(table))
        for name, table in conn.execute(
            text(
                "SELECT t.tgname, c.relname FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND p.proname = 'wb_refuse' "
                "AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    ]
