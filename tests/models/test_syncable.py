"""The syncable base: counters stamped once per transaction, tombstones only."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.db import Database
from app.models import AuditEntry, Station
from app.services.auth import Actor


def _station(db: Database) -> tuple[int, int]:
    with db.read() as s:
        st = s.scalars(select(Station)).one()
        return st.row_version, st.change_seq


def _counter(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(text("SELECT value FROM change_counter")).scalar_one())


def test_a_change_bumps_row_version_and_change_seq_once_per_transaction(
    station_db: tuple[Database, Actor],
) -> None:
    db, _ = station_db
    version0, seq0 = _station(db)
    counter0 = _counter(db)
    with db.write() as s:
        st = s.scalars(select(Station)).one()
        st.leader_name = "赵一"
        s.flush()
        st.contact_phone = "0573-1"
        s.flush()
        st.village = "东风村"  # third change in the same transaction
    version1, seq1 = _station(db)
    assert version1 == version0 + 1
    assert seq1 == counter0 + 1 == _counter(db)
    assert seq1 > seq0


def test_every_row_of_one_transaction_shares_its_change_seq(
    station_db: tuple[Database, Actor],
) -> None:
    db, _ = station_db
    with db.read() as s:
        seqs = {r.change_seq for r in s.scalars(select(AuditEntry).where(AuditEntry.seq <= 2))}
    assert len(seqs) == 1  # station.setup and operator.create were one transaction


def test_a_transaction_that_changes_nothing_takes_no_sequence_number(
    station_db: tuple[Database, Actor],
) -> None:
    db, _ = station_db
    counter = _counter(db)
    with db.write() as s:
        st = s.scalars(select(Station)).one()
        st.name = st.name  # no real change
    assert _counter(db) == counter


def test_a_rolled_back_transaction_leaves_the_counters_alone(
    station_db: tuple[Database, Actor],
) -> None:
    db, _ = station_db
    before = _station(db), _counter(db)
    with pytest.raises(RuntimeError), db.write() as s:
        s.scalars(select(Station)).one().leader_name = "回滚"
        s.flush()
        raise RuntimeError("power cut")
    assert (_station(db), _counter(db)) == before


def test_syncable_rows_are_never_physically_deleted(station_db: tuple[Database, Actor]) -> None:
    db, _ = station_db
    with pytest.raises(RuntimeError, match="never deleted"), db.write() as s:
        s.delete(s.scalars(select(Station)).one())
    with pytest.raises(IntegrityError, match="never deleted"), db.write() as s:
        s.execute(text("DELETE FROM station"))
    assert db.station_id is not None
    # A tombstone is the way: it is a change like any other.
    _, seq0 = _station(db)
    with db.write() as s:
        s.scalars(select(Station)).one().deleted = True
    with db.read() as s:
        st = s.scalars(select(Station)).one()
        assert st.deleted and st.change_seq > seq0
