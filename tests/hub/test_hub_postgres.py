"""The hub on PostgreSQL (issue 9): ``main.py hub --db postgresql+psycopg://… --copy-from-folder``
moves the township's store into a private server (tests/services/postgres_server.py),
then health, enrolment over HTTP and the signed config fetch run on it; a store at
an older schema is upgraded in place by the hub's start."""

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
from sqlalchemy import MetaData, create_engine, delete, func, select, text
from sqlalchemy.exc import IntegrityError
from sync_helpers import World
from web_helpers import sign_in

from app.db import Database, migrate
from app.models import Base, Household, load_all
from app.models.sync import SyncStation
from app.services.auth import SYSTEM
from app.services.station import get_station, update_station
from app.sync.enrol import read_enrolment, write_enrolment
from app.sync.export import export_sync
from app.sync.hub.storage import reset_serials
from app.sync.importer import import_file

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


def _in_order(rows) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Rows in one order whatever their NULLs (a column holds NULLs and strings)."""
    return sorted((tuple(r) for r in rows), key=lambda t: [(v is not None, v) for v in t])


def test_a_postgresql_store_at_an_older_schema_is_upgraded_by_the_hub_with_its_data(
    world: World, pg_url: str, tmp_path: Path
) -> None:
    from pg_township import holdings, totals

    stick = tmp_path / "stick"
    first = export_sync(world.a.db, world.a.data_dir, stick)
    assert import_file(world.town.db, first.path).status == "imported"
    # a hub's store at schema 0008 holding the township and station a's imported file
    engine = create_engine(pg_url)
    migrate.upgrade(engine, "0008")
    old = MetaData()
    old.reflect(engine)
    load_all()
    held: dict[str, list[tuple[object, ...]]] = {}
    with world.town.db.engine.connect() as src, engine.begin() as dst:
        dst.execute(delete(old.tables["change_counter"]))
        for table in Base.metadata.sorted_tables:
            if table.name not in old.tables:
                continue
            columns = [c for c in table.columns if c.name in old.tables[table.name].c]
            rows = src.execute(select(*columns)).all()
            if rows:
                dst.execute(old.tables[table.name].insert(), [r._asdict() for r in rows])
            held[table.name] = _in_order(rows)
        reset_serials(dst, old.sorted_tables)
    assert held["sync_import_log"] and held["household"]
    hub = HubServer(world.town.data_dir.root, tmp_path / "hub.log", "--db", pg_url).start()
    try:
        assert "0008" in hub.output()  # the upgrade was announced
        health = httpx.get(hub.url + "/api/v1/health", timeout=10).json()
        assert health["schema"] == migrate.head_revision() == migrate.current_revision(engine)
        with engine.connect() as conn:
            for name, rows in held.items():
                table = Base.metadata.tables[name]
                columns = [c for c in table.columns if c.name in old.tables[name].c]
                assert _in_order(conn.execute(select(*columns))) == rows, name
            # the columns the later revisions added, with their defaults
            added = conn.execute(text("SELECT revoked_reason, township FROM sync_station"))
            assert set(added) == {("", "")}
            assert conn.execute(text("SELECT count(*) FROM hub_user")).scalar() == 0
        with pytest.raises(IntegrityError, match="never deleted"), engine.begin() as conn:
            conn.execute(text("DELETE FROM household"))
        # the hub works on the upgraded store: the imported file is known, a new one imports
        again = upload(hub.url, first.path)
        assert again.json()["status"] == "already_imported", again.text
        second = export_sync(world.b.db, world.b.data_dir, stick)
        answer = upload(hub.url, second.path)
        assert answer.json()["status"] == "imported", answer.text + hub.output()[-400:]
        pg = Database(world.town.data_dir.database, engine=engine)
        for station in (world.a, world.b):
            sid = station.station_id
            here, there = holdings(pg, sid), holdings(station.db, sid)
            if station is world.a:  # a's file came in at 0008: of the tables it had then
                here = {t: rows for t, rows in here.items() if t in old.tables}
                there = {t: rows for t, rows in there.items() if t in old.tables}
            assert here == there
            assert totals(pg, sid) == totals(station.db, sid)
    finally:
        hub.stop()
        engine.dispose()


def test_a_connection_dropped_mid_upload_is_retried_by_the_hub_then_by_the_station(
    world: World, pg_url: str, tmp_path: Path
) -> None:
    """The PostgreSQL connection dropped in the middle of an upload's import: the
    transaction rolls back and the hub imports the file again on a fresh connection;
    dropped on that try too, the answer is a 503 with Retry-After (never a 500), and
    the station's next try imports the file — once."""
    import threading

    from pg_township import MidImportCut

    hub = HubServer(
        world.town.data_dir.root, tmp_path / "hub.log", "--db", pg_url, "--copy-from-folder"
    ).start()
    engine = create_engine(pg_url)
    answers: list[httpx.Response] = []

    def uploading(path: Path) -> threading.Thread:
        worker = threading.Thread(target=lambda: answers.append(upload(hub.url, path)))
        worker.start()
        return worker

    def imported(station_id: str) -> int:
        with engine.connect() as conn:
            return conn.execute(
                text("SELECT count(*) FROM sync_import_log WHERE station_id = :s"),
                {"s": station_id},
            ).scalar_one()

    try:
        a = export_sync(world.a.db, world.a.data_dir, tmp_path / "a").path
        with MidImportCut(engine) as cut:
            worker = uploading(a)
            cut.cut()  # the first try's connection goes; the hub's second try then waits
        worker.join(120)
        assert answers[-1].status_code == 200, answers[-1].text
        assert answers[-1].json()["status"] == "imported"
        assert imported(world.a.station_id) == 1
        assert "database connection lost importing" in hub.output()

        b = export_sync(world.b.db, world.b.data_dir, tmp_path / "b").path
        with MidImportCut(engine) as cut:
            worker = uploading(b)
            cut.cut()
            cut.cut()  # and the hub's second try's too
            worker.join(120)
        lost = answers[-1]
        assert lost.status_code == 503, lost.text
        assert lost.json()["error"] == "database_unavailable"
        assert int(lost.headers["retry-after"]) > 0
        assert "Traceback" not in hub.output()
        assert imported(world.b.station_id) == 0  # nothing of it was kept
        again = upload(hub.url, b)  # the station's retry, after Retry-After
        assert again.status_code == 200 and again.json()["status"] == "imported"
        assert imported(world.b.station_id) == 1
        with Database(world.town.data_dir.database, engine=engine).read() as s:
            households = s.scalar(
                select(func.count())
                .select_from(Household)
                .where(Household.station_id == world.b.station_id)
            )
        with world.b.db.read() as s:
            assert households == s.scalar(select(func.count()).select_from(Household))
    finally:
        engine.dispose()
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
            signed = sign_in(web, "xianli", "county-pass-1")
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
