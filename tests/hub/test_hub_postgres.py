"""The hub on PostgreSQL (issue 9): ``main.py hub --db postgresql+psycopg://… --copy-from-folder``
moves the township's store into a private server (tests/services/postgres_server.py),
then health, enrolment over HTTP and the signed config fetch run on it."""

from __future__ import annotations

import base64
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from hub_helpers import fetch_config, signed_headers, upload
from hub_server import ROOT, HubServer
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
        from app.sync.hub.users import add_user

        add_user(pg, "county1", "county-pass-1", "county")
        with httpx.Client(base_url=hub.url, timeout=60, follow_redirects=True) as web:
            signed = web.post(
                "/web/login", data={"username": "county1", "password": "county-pass-1"}
            )
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


def _cli(folder: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "--lang", "en", "--data-dir", str(folder), *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hub_user_and_revoke_station_work_on_the_hubs_postgresql(
    world: World, pg_url: str, tmp_path: Path
) -> None:
    from config_helpers import enrol_both_ways
    from pg_township import new_database

    enrol_both_ways(world)
    town_root = world.town.data_dir.root
    url = new_database(pg_url)
    add = ("add", "xianli", "--role", "county", "--password-stdin")
    refused = _cli(town_root, "hub-user", "--db", url, *add, stdin="county-pass-1\n")
    assert refused.returncode == 1 and "is empty" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and "--copy-from-folder" in refused.stderr
    hub = HubServer(town_root, tmp_path / "hub.log", "--db", url, "--copy-from-folder").start()
    try:
        added = _cli(town_root, "--db", url, "hub-user", *add, stdin="county-pass-1\n")
        assert added.returncode == 0, added.stderr
        assert "xianli" in _cli(town_root, "hub-user", "--db", url, "list").stdout
        folder = _cli(town_root, "hub-user", "list")
        assert folder.returncode == 0 and "xianli" not in folder.stdout, "written on PostgreSQL"
        with httpx.Client(base_url=hub.url, timeout=60, follow_redirects=True) as web:
            signed = web.post(
                "/web/login", data={"username": "xianli", "password": "county-pass-1"}
            )
            assert signed.status_code == 200 and "退出登录" in signed.text, signed.text

        assert fetch_config(hub.url, signed_headers(world.a)).status_code == 204
        revoked = _cli(
            town_root, "revoke-station", "--db", url, "330481101001", "--reason", "PC stolen"
        )
        assert revoked.returncode == 0 and "330481101001" in revoked.stdout, revoked.stderr
        assert fetch_config(hub.url, signed_headers(world.a)).status_code == 403
        assert fetch_config(hub.url, signed_headers(world.b)).status_code == 204
    finally:
        hub.stop()


def test_db_is_refused_for_a_command_that_does_not_open_a_store(world: World) -> None:
    done = _cli(world.town.data_dir.root, "--db", "sqlite:///x.db", "info")
    assert done.returncode == 2 and "--db is for" in done.stderr
