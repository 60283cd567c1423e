"""Schema creation and upgrade with the Alembic revisions shipped in the package.

DESIGN §3 / STYLE 7: a new database file is created from the models and
stamped at head; an existing one is upgraded at start-up, after an automatic
backup (the caller passes ``backup`` so this module does not know where backups
live).  A test upgrades a fixture database of every released schema and checks
the result matches the models exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from app.models import Base
from app.models.base import guard_statements

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def create_new(engine: Engine) -> None:
    """Create every table of the current models in an empty file, stamped at head."""
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        for statement in guard_statements():
            conn.exec_driver_sql(statement)
        conn.execute(text("INSERT INTO change_counter (id, value) VALUES (1, 0)"))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


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
