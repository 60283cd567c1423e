"""Revision 0002 (households, points, supermarket) builds exactly the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import Database, migrate
from app.models import Base
from app.models.base import append_only_trigger_sql, no_delete_trigger_sql

ISSUE3_TABLES = (
    "household",
    "member",
    "card",
    "point_rule",
    "point_batch",
    "point_entry",
    "point_period",
    "goods",
    "stock_move",
    "redemption",
    "redemption_line",
    "redemption_void",
    "print_log",
)
LEDGERS = (
    "point_batch",
    "point_entry",
    "stock_move",
    "redemption",
    "redemption_line",
    "redemption_void",
    "print_log",
)


def _triggers(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    finally:
        con.close()


def _norm(sql: str) -> str:
    return " ".join(sql.replace("IF NOT EXISTS ", "").split())


def test_upgrade_from_empty_matches_the_models_and_create_new(tmp_path: Path) -> None:
    migrated = Database(tmp_path / "migrated.db")
    migrate.upgrade(migrated.engine)
    with migrated.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    created = Database(tmp_path / "created.db")
    migrate.create_new(created.engine)
    got, want = _triggers(migrated.path), _triggers(created.path)
    assert set(got) == set(want)
    for table in ISSUE3_TABLES:
        name = f"trg_{table}_no_delete"
        assert _norm(got[name]) == _norm(no_delete_trigger_sql(table))
    for table in LEDGERS:
        name = f"trg_{table}_append_only"
        assert _norm(got[name]) == _norm(append_only_trigger_sql(table))
    migrated.dispose()
    created.dispose()
