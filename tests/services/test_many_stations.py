"""Many stations in one database (issue 8): scoped uniques, chains per station, replication."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import distinct, func, select
from two_stations import make_station, replicate

from app.db import Database
from app.models import AuditEntry, Goods, Household, PointPeriod, PointRule, RowSeal
from app.services import audit
from app.services.checks import run_checks


def _shared(session, column, station_column) -> list[str]:
    """Values of *column* that two stations both use."""
    return list(
        session.scalars(
            select(column)
            .where(column.is_not(None))
            .group_by(column)
            .having(func.count(distinct(station_column)) == 2)
        )
    )


def test_two_stations_rows_live_in_one_database_and_each_stations_checks_pass(
    tmp_path: Path,
) -> None:
    a = make_station(tmp_path / "a")
    b = make_station(tmp_path / "b", second=True)
    assert a.station_id != b.station_id
    copied = replicate(b.db, a.db)
    assert copied > 100
    with a.db.read() as s:
        # the same barcode, rule code and period key, once per station
        assert _shared(s, Goods.barcode, Goods.station_id)
        assert _shared(s, PointRule.code, PointRule.station_id)
        assert _shared(s, PointPeriod.key, PointPeriod.station_id)
        # two audit chains, each from seq 1
        firsts = s.scalars(select(AuditEntry.station_id).where(AuditEntry.seq == 1)).all()
        assert sorted(firsts) == sorted([a.station_id, b.station_id])
        assert audit.chain_stations(s) == sorted([a.station_id, b.station_id])

    # the PC's own station is still a, though b's rows are in the file
    a.db.forget_station()
    assert a.db.station_id == a.station_id
    # each station's checks pass, in its own context and over the whole file
    for context in (a.db, Database(a.db.path, station_id=b.station_id)):
        results = run_checks(context, full=True)
        assert [(r.name, r.problems) for r in results if not r.ok] == []
        context.dispose()
    for station_id in (a.station_id, b.station_id):
        assert audit.verify_chain(a.db, station_id).ok
        assert audit.verify_chain(a.db, station_id).checked == audit.count(a.db, station_id)

    # a's next write joins a's chain, not b's (which may be longer)
    head = {sid: audit.count(a.db, sid) for sid in (a.station_id, b.station_id)}
    from app.services.auth import SYSTEM
    from app.services.station import get_station, update_station

    update_station(a.db, SYSTEM, get_station(a.db))
    assert audit.count(a.db, a.station_id) == head[a.station_id] + 1
    assert audit.count(a.db, b.station_id) == head[b.station_id]
    assert audit.verify_chain(a.db).ok
    b.db.dispose()


def test_a_replicated_row_keeps_its_incoming_versions(station_db) -> None:
    db, _actor = station_db
    created = datetime(2026, 3, 4, 5, 6, 7)
    updated = datetime(2026, 5, 6, 7, 8, 9)
    entries, seals = audit.count(db), _count(db, RowSeal)
    with db.replicating() as s:
        s.add(
            Household(
                id="0190aaaa-0000-7000-8000-000000000001",
                station_id="0190bbbb-0000-7000-8000-00000000000b",
                number="0001",
                number_sort="0001",
                head_name="李四",
                row_version=7,
                change_seq=4242,
                created_at=created,
                updated_at=updated,
            )
        )
    with db.read() as s:
        row = s.get_one(Household, "0190aaaa-0000-7000-8000-000000000001")
        assert (row.station_id, row.row_version, row.change_seq) == (
            "0190bbbb-0000-7000-8000-00000000000b",
            7,
            4242,
        )
        assert (row.created_at, row.updated_at) == (created, updated)
    # the other station's row is neither chained nor sealed here
    assert (audit.count(db), _count(db, RowSeal)) == (entries, seals)
    # a newer version of it replicated later keeps its versions too
    with db.replicating() as s:
        row = s.get_one(Household, "0190aaaa-0000-7000-8000-000000000001")
        row.head_name, row.row_version, row.change_seq = "李四四", 8, 4300
    with db.read() as s:
        row = s.get_one(Household, "0190aaaa-0000-7000-8000-000000000001")
        assert (row.head_name, row.row_version, row.change_seq) == ("李四四", 8, 4300)
    # after the replicating transaction, a write stamps as always
    with db.write() as s:
        row = s.get_one(Household, "0190aaaa-0000-7000-8000-000000000001")
        row.head_name = "李五"
    with db.read() as s:
        row = s.get_one(Household, "0190aaaa-0000-7000-8000-000000000001")
        assert row.row_version == 9 and row.change_seq < 4300


def test_a_replicated_row_must_arrive_complete(station_db) -> None:
    db, _actor = station_db
    with pytest.raises(RuntimeError, match="lacks"), db.replicating() as s:
        s.add(Household(number="0002", head_name="王五", station_id="x"))


def test_a_row_with_no_station_is_an_error_not_a_guess(db: Database) -> None:
    with pytest.raises(RuntimeError, match="no station_id"), db.write() as s:
        s.add(Household(number="0003", head_name="赵六"))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0


def _count(db: Database, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0
