"""The audit log: written with each action, hash-chained, tamper-evident."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.db import Database
from app.models import AuditEntry, Role
from app.services import audit, auth
from app.services.auth import Actor


@pytest.fixture
def busy_station(station_db: tuple[Database, Actor]) -> tuple[Database, Actor]:
    db, admin = station_db
    for i in range(5):
        auth.create_operator(db, admin, f"w{i}", f"实践员{i}", Role.WORKER, "pw123456")
    return db, admin


def test_each_action_appends_an_entry_with_before_and_after(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    op = auth.create_operator(db, admin, "w", "实践员", Role.WORKER, "pw123456")
    auth.set_role(db, admin, op, Role.COUNTER)
    with db.read() as s:
        row = s.execute(
            text(
                "SELECT operator_name, action, target_id, summary FROM audit_entry "
                "ORDER BY seq DESC LIMIT 1"
            )
        ).one()
    assert row.operator_name == "王站长"
    assert row.action == "operator.set_role"
    assert row.target_id == op
    assert '"before": {"role": "worker"}' in row.summary
    assert '"after": {"role": "counter"}' in row.summary


def test_intact_chain_verifies(busy_station: tuple[Database, Actor]) -> None:
    db, _ = busy_station
    report = audit.verify_chain(db)
    assert report.ok and report.checked == audit.count(db) > 7


def test_audit_rows_cannot_be_updated_or_deleted_through_sql(
    busy_station: tuple[Database, Actor],
) -> None:
    db, _ = busy_station
    with pytest.raises(IntegrityError, match="append-only"), db.write() as s:
        s.execute(text("UPDATE audit_entry SET action = 'x' WHERE seq = 3"))
    with pytest.raises(IntegrityError, match="never deleted"), db.write() as s:
        s.execute(text("DELETE FROM audit_entry WHERE seq = 3"))


def _tamper(db: Database, sql: str) -> None:
    """What someone with a SQLite editor would do: drop the guards, then edit."""
    db.dispose()
    con = sqlite3.connect(db.path)
    con.execute("DROP TRIGGER trg_audit_entry_append_only")
    con.execute("DROP TRIGGER trg_audit_entry_no_delete")
    con.execute(sql)
    con.commit()
    con.close()


def test_an_edited_entry_is_reported_as_the_first_broken_link(
    busy_station: tuple[Database, Actor],
) -> None:
    db, _ = busy_station
    _tamper(db, 'UPDATE audit_entry SET summary = \'{"after": "nothing"}\' WHERE seq = 4')
    report = audit.verify_chain(db)
    assert not report.ok
    assert report.broken_seq == 4 and report.checked == 3
    assert "content" in report.reason


def test_a_removed_entry_is_reported(busy_station: tuple[Database, Actor]) -> None:
    db, _ = busy_station
    _tamper(db, "DELETE FROM audit_entry WHERE seq = 5")
    report = audit.verify_chain(db)
    assert not report.ok and report.broken_seq == 5


def test_a_rewritten_chain_tail_is_still_caught_by_the_links(
    busy_station: tuple[Database, Actor],
) -> None:
    db, _ = busy_station
    # Recomputing one row's own hash is not enough: the next row's link breaks.
    with db.read() as s:
        e = s.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one()
        e.operator_name = "冒名"
        forged = audit.entry_hash(e)
        s.rollback()
    _tamper(
        db,
        f"UPDATE audit_entry SET operator_name = '冒名', entry_hash = '{forged}' WHERE seq = 2",
    )
    report = audit.verify_chain(db)
    assert not report.ok and report.broken_seq == 3
    assert "previous" in report.reason
