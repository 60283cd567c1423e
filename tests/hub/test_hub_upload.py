"""Uploads to the real hub (issue 9): imported once, concurrent copies, figures, gaps,
a hub killed mid-upload.  Each test starts ``main.py hub --workers 2`` on a copy of
two demo stations and their township (tests/sync's template)."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import httpx
from hub_helpers import fetch_config, signed_headers, upload
from hub_server import HubServer
from sqlalchemy import func, select
from sync_helpers import World, holdings, totals

from app.models.sync import SyncImportLog
from app.services.station import get_station
from app.sync.config import import_config
from app.sync.envelope import open_envelope
from app.sync.export import export_sync, set_acknowledged, sync_status
from app.sync.importer import acknowledgements


def _logged(world: World, sha: str) -> int:
    with world.town.db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(SyncImportLog)
                .where(SyncImportLog.file_sha256 == sha)
            )
            or 0
        )


def _award(station, times: int) -> None:
    from sqlalchemy import select

    from app.models import Household, PointRule
    from app.services import points
    from app.services.auth import SYSTEM

    with station.db.read() as s:
        household = s.scalars(select(Household.id).order_by(Household.number)).first()
        rule = s.scalars(
            select(PointRule.code).where(PointRule.points > 0).order_by(PointRule.code)
        ).first()
    for _ in range(times):
        points.award(station.db, SYSTEM, household, rule)


def test_an_upload_is_imported_once_and_a_retry_answers_the_first_time(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
    first = upload(hub.url, summary.path)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["status"] == "imported" and body["station_code"] == "330481101001"
    assert body["rows"] == summary.rows and body["acked_seq"] == summary.seq_to
    again = upload(hub.url, summary.path)
    assert again.status_code == 200
    retry = again.json()
    assert retry["status"] == "already_imported"
    assert retry["imported_at"] == body["imported_at"] and retry["rows"] == body["rows"]
    assert _logged(world, open_envelope(summary.path).file_sha256) == 1


def test_the_same_file_uploaded_twice_at_once_is_imported_once(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
    data = summary.path.read_bytes()
    barrier = threading.Barrier(3)
    answers: list[httpx.Response] = []

    def send() -> None:
        with httpx.Client(timeout=120) as client:
            barrier.wait()
            answers.append(
                client.post(
                    hub.url + "/api/v1/sync-files",
                    content=data,
                    headers={
                        "Content-Type": "application/octet-stream",
                        "X-Wb-File-Name": summary.path.name,
                    },
                )
            )

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200, 200, 200], [a.text for a in answers]
    statuses = sorted(a.json()["status"] for a in answers)
    assert statuses == ["already_imported", "already_imported", "imported"]
    assert len({a.json()["imported_at"] for a in answers}) == 1
    assert _logged(world, open_envelope(summary.path).file_sha256) == 1
    assert holdings(world.town.db, world.a.station_id) == holdings(world.a.db, world.a.station_id)


def test_after_all_its_files_the_townships_figures_equal_the_stations(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    for station in (world.a, world.b):
        for n in range(3):
            summary = export_sync(station.db, station.data_dir, tmp_path / f"out{n}")
            answer = upload(hub.url, summary.path)
            assert answer.status_code == 200 and answer.json()["status"] == "imported"
            _award(station, 2)
        last = export_sync(station.db, station.data_dir, tmp_path / "last")
        assert upload(hub.url, last.path).json()["acked_seq"] == last.seq_to
        assert holdings(world.town.db, station.station_id) == holdings(
            station.db, station.station_id
        )
        assert totals(world.town.db, station.station_id) == totals(station.db, station.station_id)


def test_a_gap_is_reported_and_healed_through_the_config_acknowledgement(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    from config_helpers import enrol_both_ways

    enrol_both_ways(world)
    a = world.a
    f1 = export_sync(a.db, a.data_dir, tmp_path / "1")
    assert upload(hub.url, f1.path).json()["acked_seq"] == f1.seq_to
    # the station believes the township holds five more changes than it does
    # (a township PC put back from an older backup)
    _award(a, 8)
    status = sync_status(a.db)
    set_acknowledged(a.db, status.incarnation, f1.seq_to + 5)
    f2 = export_sync(a.db, a.data_dir, tmp_path / "2")
    assert f2.seq_from == f1.seq_to + 6
    gap = upload(hub.url, f2.path).json()
    assert gap["status"] == "imported" and gap["acked_seq"] == f1.seq_to
    assert f"{f1.seq_to + 1}–{f1.seq_to + 5}" in gap["message"]
    # the config package carries the township's (lower) acknowledgement back
    package = fetch_config(hub.url, signed_headers(a))
    assert package.status_code == 200, package.text
    (tmp_path / "pkg.wbconf").write_bytes(package.content)
    import_config(a.db, a.data_dir, tmp_path / "pkg.wbconf")
    assert sync_status(a.db).acked_seq == f1.seq_to
    f3 = export_sync(a.db, a.data_dir, tmp_path / "3")
    healed = upload(hub.url, f3.path).json()
    assert healed["status"] == "imported" and healed["acked_seq"] == f3.seq_to
    assert acknowledgements(world.town.db)[a.station_id][1] == f3.seq_to
    assert holdings(world.town.db, a.station_id) == holdings(a.db, a.station_id)


def test_a_hub_killed_in_the_middle_of_an_upload_imports_the_retry_once(
    world: World, tmp_path: Path
) -> None:
    server = HubServer(world.town.data_dir.root, tmp_path / "hub.log").start()
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
    data = summary.path.read_bytes()
    incoming = world.town.data_dir.root / "hub" / "incoming"
    try:
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        sock.sendall(
            (
                f"POST /api/v1/sync-files HTTP/1.1\r\nHost: hub\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {len(data)}\r\n"
                f"X-Wb-File-Name: {summary.path.name}\r\n\r\n"
            ).encode()
            + data[: len(data) // 2]
        )
        # the hub is writing the first half to its temp file when it is killed
        server.wait_until(
            lambda: any(p.is_file() for p in incoming.rglob("*.wbsync")), 30, "the temp file"
        )
        server.kill()
        sock.close()
        assert _logged(world, open_envelope(summary.path).file_sha256) == 0
        server.start()  # restarted (a new port): the cut-off temp file is cleared
        assert not any(incoming.rglob("*.wbsync"))
        retried = upload(server.url, summary.path)
        assert retried.status_code == 200 and retried.json()["status"] == "imported"
        assert upload(server.url, summary.path).json()["status"] == "already_imported"
        assert _logged(world, open_envelope(summary.path).file_sha256) == 1
        assert holdings(world.town.db, world.a.station_id) == holdings(
            world.a.db, world.a.station_id
        )
    finally:
        server.stop()


def test_the_station_code_of_the_township_is_its_own(world: World, hub: HubServer) -> None:
    health = httpx.get(hub.url + "/api/v1/health", timeout=10).json()
    assert health["status"] == "ok"
    assert health["township"] == get_station(world.town.db).code


def test_a_store_held_by_another_program_answers_503_busy_with_retry_after(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    import sqlite3

    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
    holder = sqlite3.connect(world.town.data_dir.database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program writing, past the busy timeout
        busy = upload(hub.url, summary.path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert busy.status_code == 503, busy.text
    assert busy.json()["error"] == "busy" and int(busy.headers["Retry-After"]) > 0
    assert _logged(world, open_envelope(summary.path).file_sha256) == 0
    assert upload(hub.url, summary.path).json()["status"] == "imported"
