"""Revision 0003 (volunteers, activities, kiosk, hours, certificates) builds exactly the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.db import Database, migrate
from app.models import Base
from app.models.base import append_only_trigger_sql, no_delete_trigger_sql

NEW_TABLES = {
    "activity",
    "activity_photo",
    "activity_team",
    "certificate",
    "certificate_event",
    "participation",
    "presence",
    "scan_event",
    "service_record",
    "service_record_correction",
    "service_record_decision",
    "service_record_state",
    "star_grant",
    "team_membership",
    "volunteer",
    "volunteer_award",
    "volunteer_evaluation",
    "volunteer_team",
    "volunteer_training",
}
LEDGERS = {
    "certificate",
    "certificate_event",
    "scan_event",
    "service_record",
    "service_record_correction",
    "service_record_decision",
    "star_grant",
}


# Columns later revisions add to 0003's tables: at 0003 they are the only difference.
ADDED_LATER = {
    ("volunteer", "photo_path"),  # 0004
    ("audit_entry", "rows_digest"),  # 0005
    ("station", "signing_public_key"),  # 0005
}
TABLES_LATER = {"audit_row", "audit_anchor"} | {  # 0005, and 0007's sync bookkeeping
    "sync_station",
    "sync_import_log",
    "sync_quarantine",
    "sync_coverage",
    "sync_ack",
    "sync_person_hash",
    "hub_nonce",  # 0009
    "hub_user",  # 0010
    "volunteer_account",  # 0011
    "national_export",  # 0013
    "national_export_record",  # 0013
    "report_snapshot",  # 0014
    "report_review",  # 0014
    "service_menu_item",  # 0012
    "service_order",
    "service_order_event",
    "service_order_photo",  # 0015
}
# indexes 0008 and 0009 add for the township's month view (and the hub's nonces)
INDEXES_LATER = {
    "ix_point_entry_kind_station_id_occurred_on_household_id",  # 0008, household_id since 0009
    "ix_service_record_state_station_id_service_date",
    "ix_activity_station_id_starts_at",
    "ix_redemption_station_id_created_at",
    "ix_hub_nonce_seen_at",  # 0009
    "ix_point_entry_kind_station_id_occurred_on_rule_id",  # 0014
}
# uniques 0006 scopes by station: (table, columns before, columns after)
SCOPED_LATER = {
    ("goods", ("barcode",), ("station_id", "barcode")),
    ("point_rule", ("code",), ("station_id", "code")),
    ("point_period", ("key",), ("station_id", "key")),
    ("audit_entry", ("seq",), ("station_id", "seq")),
}


def _diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def _diffs_at_0003(db: Database) -> list[object]:
    """The differences from the models, less (after checking) the later revisions' columns."""
    diffs = _diffs(db)
    later = {(d[2], d[3].name) for d in diffs if isinstance(d, tuple) and d[0] == "add_column"}
    assert later == ADDED_LATER
    tables = {d[1].name for d in diffs if isinstance(d, tuple) and d[0] == "add_table"}
    assert tables == TABLES_LATER
    removed = {
        (d[1].table.name, tuple(c.name for c in d[1].columns))
        for d in diffs
        if isinstance(d, tuple) and d[0] == "remove_constraint"
    }
    added = {
        (d[1].table.name, tuple(c.name for c in d[1].columns))
        for d in diffs
        if isinstance(d, tuple) and d[0] == "add_constraint"
    }
    assert removed == {(t, before) for t, before, _ in SCOPED_LATER}
    assert added == {(t, after) for t, _, after in SCOPED_LATER}
    return [
        d
        for d in diffs
        if not (
            isinstance(d, tuple)
            and d[0] in ("add_column", "add_table", "remove_constraint", "add_constraint")
        )
        and not (isinstance(d, tuple) and d[0] == "add_index" and d[1].table.name in TABLES_LATER)
        and not (isinstance(d, tuple) and d[0] == "add_index" and d[1].name in INDEXES_LATER)
    ]


def _triggers(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    finally:
        con.close()


def test_0003_from_empty_matches_the_models(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.db")
    migrate.upgrade(db.engine, "0003")
    assert _diffs_at_0003(db) == []
    migrate.upgrade(db.engine)
    assert _diffs(db) == []
    db.dispose()


def test_0003_from_a_database_at_0002(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.db")
    migrate.upgrade(db.engine, "0002")
    assert migrate.current_revision(db.engine) == "0002"
    migrate.upgrade(db.engine, "0003")
    assert migrate.current_revision(db.engine) == "0003"
    assert _diffs_at_0003(db) == []
    db.dispose()


def test_0003_guard_triggers_are_the_models_guards(tmp_path: Path) -> None:
    migrated = Database(tmp_path / "migrated.db")
    migrate.upgrade(migrated.engine, "0003")
    triggers = _triggers(migrated.path)
    for table in NEW_TABLES:
        assert triggers[f"trg_{table}_no_delete"] == no_delete_trigger_sql(table).replace(
            " IF NOT EXISTS", ""
        )
    for table in LEDGERS:
        assert triggers[f"trg_{table}_append_only"] == append_only_trigger_sql(table).replace(
            " IF NOT EXISTS", ""
        )
    non_ledgers = NEW_TABLES - LEDGERS
    assert not {f"trg_{t}_append_only" for t in non_ledgers} & set(triggers)
    migrated.dispose()


def test_ledger_update_and_any_delete_abort(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.db")
    migrate.create_new(db.engine)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO activity (id, station_id, created_at, updated_at, row_version,"
                " change_seq, deleted, title, category, platform, place, starts_at, ends_at,"
                " content, points_rule_code, allow_households, recorder_id, recorder_name, state)"
                " VALUES ('a', 's', '2026-01-01', '2026-01-01', 1, 1, 0, 't', 'c', '', '',"
                " '2026-01-01', '2026-01-01', '', '', 1, '', '', 'open')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO scan_event (id, station_id, created_at, updated_at, row_version,"
                " change_seq, deleted, activity_id, scanned_at, origin, mode, payload, card_kind,"
                " person_name, action, status, reason, message, args, flags, operator_id,"
                " operator_name) VALUES ('e', 's', '2026-01-01', '2026-01-01', 1, 1, 0, 'a',"
                " '2026-01-01', 'scan', 'in', 'X', '', '', 'none', 'red', 'unknown', '', '{}',"
                " '', '', '')"
            )
        )
    for statement in (
        "UPDATE scan_event SET status = 'green'",
        "DELETE FROM scan_event",
        "DELETE FROM activity",
    ):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(text(statement))
    db.dispose()
