"""The hub on PostgreSQL (issue 9): ``main.py hub --db postgresql+psycopg://… --copy-from-folder``
moves the township's store into a private server (tests/services/postgres_server.py),
then health, enrolment over HTTP and the signed config fetch run on it."""

from __future__ import annotations

import base64
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from hub_helpers import fetch_config, signed_headers, upload
from hub_server import HubServer
from sqlalchemy import create_engine, func, select
from sync_helpers import World

from app.db import Database, migrate
from app.models import Household
from app.models.sync import SyncStation
from app.services.auth import SYSTEM
from app.services.station import get_station, update_station
from app.sync.enrol import read_enrolment, write_enrolment
from app.sync.export import export_sync

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from postgres_server import postgres_server


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def test_the_hub_serves_a_township_moved_to_postgresql(
    world: World, pg_url: str, tmp_path: Path
) -> None:
    from config_helpers import enrol_both_ways

    enrol_both_ways(world)
    town_root = world.town.data_dir.root
    hub = HubServer(town_root, tmp_path / "hub.log", "--db", pg_url, "--copy-from-folder")
    hub.start()
    try:
        engine = create_engine(pg_url)
        pg = Database(town_root / "station.db", engine=engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with pg.read() as s:
            assert s.scalar(select(func.count()).select_from(SyncStation)) == 2
        health = httpx.get(hub.url + "/api/v1/health", timeout=10).json()
        assert health["township"] == "330481101000" and health["schema"] == migrate.head_revision()
        # enrolment over HTTP, written on PostgreSQL
        from two_stations import make_station

        c = make_station(tmp_path / "c")
        update_station(c.db, SYSTEM, replace(get_station(c.db), code="330481101003"))
        path = write_enrolment(c.db, c.data_dir, tmp_path / "enrol")
        made = httpx.post(
            hub.url + "/api/v1/stations",
            content=path.read_bytes(),
            headers={
                "Authorization": "Basic " + base64.b64encode(b"admin:admin123").decode(),
                "X-Wb-Fingerprint": read_enrolment(path).fingerprint,
            },
            timeout=60,
        )
        assert made.status_code == 201, made.text + hub.output()
        with pg.read() as s:
            assert s.scalar(select(func.count()).select_from(SyncStation)) == 3
        wrong = httpx.post(
            hub.url + "/api/v1/stations",
            content=path.read_bytes(),
            headers={
                "Authorization": "Basic " + base64.b64encode(b"admin:nope").decode(),
                "X-Wb-Fingerprint": "1",
            },
            timeout=60,
        )
        assert wrong.status_code == 401
        # the signed config fetch: the township publishes from PostgreSQL
        headers = signed_headers(world.a)
        assert fetch_config(hub.url, headers).status_code == 204
        assert fetch_config(hub.url, headers).json()["error"] == "replayed"
        # the web view reads the stations and their figures from PostgreSQL
        from web_helpers import sign_in

        from app.sync.hub.users import add_user

        add_user(pg, "county1", "county-pass-1", "county")
        with httpx.Client(base_url=hub.url, timeout=60, follow_redirects=True) as web:
            signed = sign_in(web, "county1", "county-pass-1")
            assert signed.status_code == 200 and "退出登录" in signed.text, signed.text
            for code in ("330481101001", "330481101002", "330481101003"):
                assert f'data-code="{code}"' in signed.text
            assert 'id="chart-points-0"' in signed.text
        c.db.dispose()
        engine.dispose()
    finally:
        hub.stop()


def test_an_upload_is_imported_on_postgresql(world: World, pg_url: str, tmp_path: Path) -> None:
    hub = HubServer(
        world.town.data_dir.root, tmp_path / "hub.log", "--db", pg_url, "--copy-from-folder"
    ).start()
    try:
        summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
        answer = upload(hub.url, summary.path)
        assert answer.status_code == 200, answer.text + hub.output()[-400:]
        assert answer.json()["status"] == "imported"
        engine = create_engine(pg_url)
        try:
            with Database(world.town.data_dir.database, engine=engine).read() as s:
                households = s.scalar(
                    select(func.count())
                    .select_from(Household)
                    .where(Household.station_id == world.a.station_id)
                )
            assert households and households > 0
        finally:
            engine.dispose()
    finally:
        hub.stop()
