"""Revision 0002 (households, points, supermarket) builds exactly the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import Database, migrate
from app.models import Base
from app.models.base import append_only_trigger_sql, no_delete_trigger_sql
from app.services import audit
from app.services.station import AdminAccount, setup_station

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


def test_a_station_at_0001_upgrades_to_head(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    migrate.upgrade(db.engine, "0001")
    assert migrate.current_revision(db.engine) == "0001"
    setup_station(db, tmp_path / "keys", _station(), AdminAccount("admin", "王站长", "admin123"))
    assert migrate.ensure_schema(db.engine, backup=lambda reason: None) == "upgraded"
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert set(ISSUE3_TABLES) <= names
    assert db.station_id is not None and audit.verify_chain(db).ok
    db.dispose()


def _station():
    from app.services.station import StationInfo

    return StationInfo(
        name="东风村新时代文明实践站",
        code="330481101001",
        village="东风村",
        township="城关镇",
        county="海宁市",
    )
