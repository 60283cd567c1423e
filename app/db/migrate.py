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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from app.models import Base, load_all
from app.models.base import guard_statements

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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


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

    On SQLite foreign keys are off while they run (the pragma is a no-op inside
    a transaction, so it is set before): a revision that rebuilds a table
    drops it before its copy takes the name, as SQLite's ALTER TABLE procedure
    says, and checks ``PRAGMA foreign_key_check`` itself.
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
