"""The whole schema and the main read queries on PostgreSQL (issue 8: a hub's database).

A real server (tests/services/postgres_server.py) gets the schema the way a
hub's store gets it (the Alembic revisions, app.db.migrate.ensure_schema, with
the guard triggers in plpgsql), two demo stations' rows replicated into it,
and then the services' main read queries in each station's context.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from postgres_server import postgres_server
from sqlalchemy import Engine, create_engine, func, select
from two_stations import DemoStation, make_station, replicate

from app.db import Database, migrate
from app.models import Household, LocalState
from app.models.base import OWN_STATION
from app.services import activities, audit, audit_log, households, points, supermarket, volunteers
from app.services.activities import ActivityFilter
from app.services.audit_log import AuditFilter
from app.services.auth import SYSTEM
from app.services.households import HouseholdFilter
from app.services.station import get_station, update_station
from app.services.volunteers import VolunteerFilter
from app.services.volunteers import hours as service_hours


@pytest.fixture(scope="module")
def pg_engine() -> Iterator[Engine]:
    with postgres_server() as url:
        engine = create_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def test_the_schema_and_main_read_queries_run_on_postgresql(
    pg_engine: Engine, tmp_path: Path
) -> None:
    assert pg_engine.dialect.name == "postgresql"
    assert migrate.ensure_schema(pg_engine) == "created"
    a = make_station(tmp_path / "a")
    b = make_station(tmp_path / "b", second=True)
    hub_path = tmp_path / "hub" / "hub.db"  # names the hub; no file is made
    hub = Database(hub_path, engine=pg_engine, station_id=a.station_id)
    with hub.write() as s:
        s.add(LocalState(key=OWN_STATION, value=a.station_id))
    for station in (a, b):
        assert replicate(station.db, hub) > 100
    for station in (a, b):
        _reads_match(station, Database(hub_path, engine=pg_engine, station_id=station.station_id))
    own = Database(hub_path, engine=pg_engine)  # no explicit context: the hub's own, unfiltered
    assert own.station_id == a.station_id
    with own.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == _count(a) + _count(b)
    # a write on PostgreSQL: stamped, sealed and chained onto its own station's chain
    entries = {sid: audit.count(own, sid) for sid in (a.station_id, b.station_id)}
    info = get_station(own)
    update_station(own, SYSTEM, replace(info, leader_name="李主任"))
    assert get_station(own).leader_name == "李主任"
    assert audit.count(own, a.station_id) == entries[a.station_id] + 1
    assert audit.count(own, b.station_id) == entries[b.station_id]
    assert audit.verify_chain(own).ok
    a.db.dispose()
    b.db.dispose()


def _count(station: DemoStation) -> int:
    with station.db.read() as s:
        return s.scalar(select(func.count()).select_from(Household)) or 0


def _reads_match(station: DemoStation, hub: Database) -> None:
    """The main read queries on the hub give what they give on the station's own file."""
    local = station.db
    year = str(date.today().year)
    # the checks, per station
    for db in (local, hub):
        assert audit.verify_chain(db, station.station_id).ok
        assert points.verify_balances(db).mismatches == ()
        assert supermarket.verify_stock(db) == []
        assert service_hours.verify(db).mismatches == ()
    assert audit.verify_anchors(hub).ok
    assert audit.count(hub, station.station_id) == audit.count(local, station.station_id)

    def same(read):
        here, there = read(local), read(hub)
        assert here == there
        return here

    assert same(lambda db: households.count_households(db)) > 0
    assert same(lambda db: [h.id for h in households.fetch_households(db, 0, 50)])
    name = same(lambda db: households.fetch_households(db, 0, 1)[0].head_name)
    assert same(lambda db: [h.id for h in households.search(db, name[:1])])
    assert same(lambda db: [h.id for h in households.search(db, name[1:])])  # contains
    same(lambda db: [r.member_id for r in households.search_residents(db, name[1:])])
    # LIKE's special characters (and the escape) are literals on both databases: the
    # demo's names hold none of them, so each search finds nothing
    for char in ("%", "_", "/", "\\"):
        assert same(lambda db, c=char: [h.id for h in households.search(db, c)]) == []
        assert (
            same(lambda db, c=char: households.count_households(db, HouseholdFilter(text=c))) == 0
        )
        assert same(lambda db, c=char: [g.id for g in supermarket.list_goods(db, query=c)]) == []
        assert (
            same(lambda db, c=char: volunteers.count_volunteers(db, VolunteerFilter(text=c))) == 0
        )
        assert same(lambda db, c=char: activities.count_activities(db, ActivityFilter(text=c))) == 0
    assert same(lambda db: [(r.number, r.score) for r in points.rankings(db, year, None)])
    assert same(lambda db: [r.code for r in points.list_rules(db)])
    assert same(lambda db: [p.key for p in points.list_periods(db)])
    assert same(lambda db: volunteers.count_volunteers(db)) > 0
    assert same(lambda db: [v.id for v in volunteers.fetch_volunteers(db, 0, 50)])
    same(lambda db: [t.name for t in volunteers.list_teams(db)])
    assert same(lambda db: activities.count_activities(db)) > 0
    assert same(lambda db: [x.id for x in activities.fetch_activities(db, 0, 50)])
    assert same(lambda db: [g.id for g in supermarket.list_goods(db)])
    same(lambda db: service_hours.count_records(db))
    same(lambda db: [r.id for r in service_hours.fetch_records(db, 0, 50)])
    same(lambda db: [(r.number, r.score) for r in points.annual_ratings(db, int(year))])
    same(lambda db: households.list_groups(db))
    same(lambda db: [g.id for g in supermarket.low_stock(db)])
    page = same(
        lambda db: [(r.seq, r.action) for r in audit_log.browse(db, SYSTEM, AuditFilter()).rows]
    )
    assert page and page[0][0] == audit.count(local, station.station_id)  # newest first
