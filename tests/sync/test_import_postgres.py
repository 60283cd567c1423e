"""The township import on PostgreSQL (the hub's database, issue 9), next to the SQLite township.

A private server (tests/services/postgres_server.py; in CI a missing server is
a failure, elsewhere these tests skip) gets a township database copied from the
SQLite township of the sync tests (tests/sync/pg_township.py).  Each demo
station's real files are imported into both, and the two townships must then
hold the same rows, totals and sync states as the stations themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_township import count, holdings, pg_township, totals
from postgres_server import postgres_server
from sqlalchemy import select, text
from sync_helpers import World, rewrite
from test_import import award

from app.db import Database
from app.models.sync import SyncQuarantine
from app.sync.errors import SyncFileRefused
from app.sync.export import export_sync, set_acknowledged
from app.sync.importer import acknowledgements, import_file, station_states


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def _states(db: Database) -> dict[str, tuple]:
    return {
        s.code: (s.acked_seq, s.gaps, s.files, s.quarantined, s.incarnations, s.chain_seq)
        for s in station_states(db)
    }


def _same_everywhere(world: World, pg: Database, station) -> None:
    sid = station.station_id
    assert holdings(pg, sid) == holdings(world.town.db, sid) == holdings(station.db, sid)
    assert totals(pg, sid) == totals(world.town.db, sid) == totals(station.db, sid)


def test_two_stations_import_into_postgresql_as_into_sqlite(world: World, pg_url, tmp_path):
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    assert engine.dialect.name == "postgresql"
    stick = tmp_path / "stick"
    paths = []
    for station in (world.a, world.b):
        summary = export_sync(station.db, station.data_dir, stick)
        here = import_file(world.town.db, summary.path)
        there = import_file(pg, summary.path)
        assert there.status == "imported" and there.applied == here.applied == summary.rows
        assert there.quarantined == 0 and there.gaps == ()
        assert there.message == here.message
        paths.append(summary.path)
    for station in (world.a, world.b):
        _same_everywhere(world, pg, station)
    assert _states(pg) == _states(world.town.db)
    assert {s.chain_problem for s in station_states(pg)} == {""}
    assert all(s.chain_seq > 0 for s in station_states(pg))
    # the same file again: a no-op that says when
    before = {t: count(pg, t) for t in ("point_entry", "sync_coverage", "sync_import_log")}
    again = import_file(pg, paths[0])
    assert again.status == "already" and again.first_imported_at is not None
    assert {t: count(pg, t) for t in before} == before
    engine.dispose()


def test_a_reused_row_id_is_quarantined_on_postgresql(world: World, pg_url, tmp_path):
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    import_file(pg, path)
    changed = rewrite(
        path,
        world.a,
        tmp_path / "reused.wbsync",
        payload_sql=(
            "UPDATE point_entry SET points = points + 500 WHERE rowid = 1",
            "UPDATE household SET address = '别处' WHERE rowid = 1",
        ),
    )
    before = totals(pg, world.a.station_id)
    verdict = import_file(pg, changed)
    assert verdict.status == "imported"
    assert verdict.quarantined == 2 and verdict.applied == 0
    assert totals(pg, world.a.station_id) == before == totals(world.a.db, world.a.station_id)
    with pg.read() as s:
        held = s.scalars(select(SyncQuarantine)).all()
    assert {(q.table_name, q.reason) for q in held} == {
        ("point_entry", "same id, other content (ledger)"),
        ("household", "same version, other content"),
    }
    assert '"address": "别处"' in next(q.content for q in held if q.table_name == "household")
    assert holdings(pg, world.a.station_id) == holdings(world.a.db, world.a.station_id)
    engine.dispose()


def test_a_gap_on_postgresql_is_reported_and_healed(world: World, pg_url, tmp_path):
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    a = world.a

    def ack_from(db: Database) -> None:
        incarnation, seq = acknowledgements(db)[a.station_id]
        set_acknowledged(a.db, incarnation, seq)

    f1 = export_sync(a.db, a.data_dir, tmp_path / "1").path
    import_file(world.town.db, f1)
    import_file(pg, f1)
    ack_from(world.town.db)
    award(a, 2)
    f2 = export_sync(a.db, a.data_dir, tmp_path / "2").path  # reaches the SQLite township only
    import_file(world.town.db, f2)
    ack_from(world.town.db)
    award(a, 1)
    f3 = export_sync(a.db, a.data_dir, tmp_path / "3")
    verdict = import_file(pg, f3.path)
    assert verdict.status == "imported" and verdict.gaps
    gap = verdict.gaps[0]
    assert gap[0] == acknowledgements(pg)[a.station_id][1] + 1 and gap[1] == f3.seq_from - 1
    assert f"{gap[0]}–{gap[1]}" in verdict.message
    # the hub's (lower) acknowledgement goes back; the next export re-sends the rest
    ack_from(pg)
    healed = import_file(pg, export_sync(a.db, a.data_dir, tmp_path / "4").path)
    assert healed.gaps == ()
    assert [s.gaps for s in station_states(pg) if s.station_id == a.station_id] == [()]
    import_file(world.town.db, f3.path)
    _same_everywhere(world, pg, a)
    engine.dispose()


def test_two_hub_workers_importing_one_file_at_once_import_it_once(
    world: World, pg_url, tmp_path, monkeypatch
):
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    # two workers: two Database objects (their own write lanes) on the one database
    second = Database(tmp_path / "hub2" / "hub.db", engine=engine)
    from concurrent_import import import_twice_at_once

    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    locks: list[int] = []

    def station_lock_held() -> None:  # seen from a third connection, mid-import
        with engine.connect() as conn:
            locks.append(
                conn.execute(
                    text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
                ).scalar_one()
            )

    verdicts = import_twice_at_once(
        pg, second, path, tmp_path / "tmp", monkeypatch, during=station_lock_held
    )
    assert locks == [1]  # the first worker holds the station's lock; the second waits for it
    assert sorted(v.status for v in verdicts) == ["already", "imported"]
    assert count(pg, "sync_import_log") == 1
    assert holdings(pg, world.a.station_id) == holdings(world.a.db, world.a.station_id)
    assert count(pg, "sync_quarantine") == 0
    engine.dispose()


def test_a_value_postgresql_cannot_type_refuses_the_file_and_keeps_nothing(
    world: World, pg_url, tmp_path
):
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    # signed by the station's key: only the township's column types can stop it
    odd = rewrite(
        path,
        world.a,
        tmp_path / "odd.wbsync",
        payload_sql=("UPDATE household SET created_at = 'not a date' WHERE rowid = 1",),
    )
    before = {t: count(pg, t) for t in ("household", "point_entry", "sync_import_log")}
    with pytest.raises(SyncFileRefused):
        import_file(pg, odd)
    assert {t: count(pg, t) for t in before} == before
    assert import_file(pg, path).status == "imported"  # the real file still imports
    engine.dispose()


def test_a_connection_dropped_mid_import_rolls_everything_back_and_the_file_imports_again(
    world: World, pg_url, tmp_path
):
    import threading

    from pg_township import MidImportCut
    from sqlalchemy.exc import DBAPIError

    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "1")
    sid = world.a.station_id
    before = {t: count(pg, t) for t in ("point_entry", "household", "sync_import_log")}
    failed: list[BaseException] = []

    def importing() -> None:
        try:
            import_file(pg, summary.path)
        except BaseException as exc:
            failed.append(exc)

    with MidImportCut(engine) as cut:
        worker = threading.Thread(target=importing)
        worker.start()
        cut.cut()  # every row written, not committed: the connection goes
        worker.join(60)
    assert not worker.is_alive()
    assert len(failed) == 1 and isinstance(failed[0], DBAPIError), failed
    assert failed[0].connection_invalidated
    assert {t: count(pg, t) for t in before} == before  # rolled back, all of it
    assert all(s.files == 0 and s.acked_seq == 0 for s in station_states(pg))
    again = import_file(pg, summary.path)  # a fresh connection from the pool
    assert again.status == "imported" and again.applied == summary.rows
    assert count(pg, "sync_import_log") == 1
    assert holdings(pg, sid) == holdings(world.a.db, sid)
    assert totals(pg, sid) == totals(world.a.db, sid)


def test_a_value_too_long_for_its_postgresql_column_refuses_the_file_and_keeps_nothing(
    world: World, pg_url, tmp_path
):
    # SQLite keeps any length; the staging COPY into the township's VARCHAR(50) refuses it
    pg, engine = pg_township(pg_url, world.town.db, tmp_path / "hub" / "hub.db")
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    long = rewrite(
        path,
        world.a,
        tmp_path / "long.wbsync",
        payload_sql=(
            "UPDATE household SET group_name = substr(hex(zeroblob(40)), 1, 61) WHERE rowid = 1",
        ),
    )
    before = {t: count(pg, t) for t in ("household", "point_entry", "sync_import_log")}
    with pytest.raises(SyncFileRefused, match="too long"):
        import_file(pg, long)
    assert {t: count(pg, t) for t in before} == before
    assert import_file(pg, path).status == "imported"  # the same connections import on
    engine.dispose()
