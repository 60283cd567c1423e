"""The hub's signed config fetch, enrolment over HTTP, revocation and schema (issue 9),
against the real server (``main.py hub --workers 2``)."""

from __future__ import annotations

import base64
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import httpx
from config_helpers import enrol_both_ways
from hub_helpers import fetch_config, signed_headers, upload
from hub_server import ROOT, HubServer
from sqlalchemy import select
from sync_helpers import World

from app.models.sync import SyncStation
from app.services.auth import SYSTEM
from app.services.station import get_station, update_station
from app.sync.config import config_status, import_config
from app.sync.enrol import write_enrolment
from app.sync.export import export_sync, sync_status
from app.sync.importer import acknowledgements


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_a_signed_config_fetch_carries_the_ack_that_the_station_applies(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    enrol_both_ways(world)
    a = world.a
    # nothing published and nothing received yet: nothing to serve
    assert fetch_config(hub.url, signed_headers(a)).status_code == 204
    summary = export_sync(a.db, a.data_dir, tmp_path / "out")
    assert upload(hub.url, summary.path).status_code == 200
    assert sync_status(a.db).acked_seq == 0
    answer = fetch_config(hub.url, signed_headers(a))
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/octet-stream"
    version = int(answer.headers["X-Wb-Config-Version"])
    package = tmp_path / "pkg.wbconf"
    package.write_bytes(answer.content)
    applied = import_config(a.db, a.data_dir, package)
    assert applied.version == version and config_status(a.db).version == version
    assert sync_status(a.db).acked_seq == summary.seq_to
    assert acknowledgements(world.town.db)[a.station_id][1] == summary.seq_to
    # nothing changed since: the same package is served again, not a new version
    again = fetch_config(hub.url, signed_headers(a))
    assert int(again.headers["X-Wb-Config-Version"]) == version


def test_a_review_at_the_township_is_in_the_next_config_the_hub_serves(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    from app.services.reports.submit import review_report, submit_report, submitted_reports

    enrol_both_ways(world)
    a = world.a
    report = submit_report(a.db, SYSTEM, "2026-10")
    assert upload(hub.url, export_sync(a.db, a.data_dir, tmp_path / "out").path).status_code == 200
    first = fetch_config(hub.url, signed_headers(a))
    served = int(first.headers["X-Wb-Config-Version"])
    review_report(world.town.db, SYSTEM, report.id, approve=False, reason="请补充照片")
    answer = fetch_config(hub.url, signed_headers(a))
    assert int(answer.headers["X-Wb-Config-Version"]) > served  # re-published for the review
    package = tmp_path / "pkg.wbconf"
    package.write_bytes(answer.content)
    import_config(a.db, a.data_dir, package)
    (mine,) = submitted_reports(a.db)
    assert (mine.state_text, mine.reason) == ("退回", "请补充照片")


def test_a_replayed_request_is_refused_by_any_worker(world: World, hub: HubServer) -> None:
    headers = signed_headers(world.a)
    assert fetch_config(hub.url, headers).status_code == 204
    for _ in range(4):  # whichever of the two workers takes it
        replay = fetch_config(hub.url, headers)
        assert replay.status_code == 401
        assert replay.json()["error"] == "replayed"


def test_a_wrong_clock_gets_the_hubs_time_and_the_offset_makes_it_pass(
    world: World, hub: HubServer
) -> None:
    behind = time.time() - 3600  # the station's clock is an hour slow
    refused = fetch_config(hub.url, signed_headers(world.a, now=behind))
    assert refused.status_code == 401
    body = refused.json()
    assert body["error"] == "clock" and abs(body["server_time"] - time.time()) < 60
    offset = body["server_time"] - behind
    ok = fetch_config(hub.url, signed_headers(world.a, now=behind, clock_offset_s=offset))
    assert ok.status_code == 204


def test_a_wrong_signature_or_an_unknown_station_is_refused(world: World, hub: HubServer) -> None:
    # station B's key signing in station A's name
    forged = fetch_config(hub.url, signed_headers(world.b, code="330481101001"))
    assert forged.status_code == 401 and forged.json()["error"] == "bad_signature"
    unknown = fetch_config(hub.url, signed_headers(world.a, code="330481109999"))
    assert unknown.status_code == 401 and unknown.json()["error"] == "unknown_station"
    missing = fetch_config(hub.url, {})
    assert missing.status_code == 401 and missing.json()["error"] == "missing"
    tampered = dict(signed_headers(world.a))
    tampered["X-Wb-Timestamp"] = str(int(tampered["X-Wb-Timestamp"]) + 1)
    assert fetch_config(hub.url, tampered).json()["error"] == "bad_signature"


def test_a_revoked_station_gets_403_for_uploads_and_config(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    summary = export_sync(world.b.db, world.b.data_dir, tmp_path / "out")
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--data-dir",
            str(world.town.data_dir.root),
            "revoke-station",
            "330481101002",
            "--reason",
            "PC stolen",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with world.town.db.read() as s:
        row = s.scalar(select(SyncStation).where(SyncStation.code == "330481101002"))
        assert row is not None and row.revoked_at is not None
        assert row.revoked_reason == "PC stolen"
    refused = upload(hub.url, summary.path)
    assert refused.status_code == 403 and refused.json()["error"] == "revoked"
    config = fetch_config(hub.url, signed_headers(world.b))
    assert config.status_code == 403 and config.json()["error"] == "revoked"
    assert acknowledgements(world.town.db).get(world.b.station_id) is None
    # station A is untouched
    assert (
        upload(hub.url, export_sync(world.a.db, world.a.data_dir, tmp_path / "a").path).json()[
            "status"
        ]
        == "imported"
    )


def test_a_station_is_enrolled_over_http_with_a_township_users_password(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    from two_stations import make_station

    c = make_station(tmp_path / "c")
    update_station(c.db, SYSTEM, replace(get_station(c.db), code="330481101003"))
    path = write_enrolment(c.db, c.data_dir, tmp_path / "enrol")
    from app.sync.enrol import read_enrolment

    fingerprint = read_enrolment(path).fingerprint
    url = hub.url + "/api/v1/stations"
    body = path.read_bytes()

    def post(auth: str | None, fp: str = fingerprint) -> httpx.Response:
        headers = {"X-Wb-Fingerprint": fp, "Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = auth
        return httpx.post(url, content=body, headers=headers, timeout=60)

    wrong = post(_basic("admin", "not-the-password"))
    assert wrong.status_code == 401 and wrong.json()["error"] == "unauthorized"
    assert post(None).status_code == 401
    assert post(_basic("admin", "admin123"), fp="0000-0000").status_code == 422
    made = post(_basic("admin", "admin123"))
    assert made.status_code == 201, made.text
    assert made.json() == {
        "station_code": "330481101003",
        "name": get_station(c.db).name,
        "fingerprint": fingerprint,
    }
    # the new station's files are taken now
    answer = upload(hub.url, export_sync(c.db, c.data_dir, tmp_path / "out").path)
    assert answer.status_code == 200 and answer.json()["status"] == "imported"
    # another key under an enrolled code is refused, with the reason in the message
    a_again = write_enrolment(world.a.db, world.a.data_dir, tmp_path / "a")
    a_copy = make_station(tmp_path / "a2")  # same code as A, its own key
    other = write_enrolment(a_copy.db, a_copy.data_dir, tmp_path / "a2-enrol")
    refused = httpx.post(
        url,
        content=other.read_bytes(),
        headers={
            "X-Wb-Fingerprint": read_enrolment(other).fingerprint,
            "Authorization": _basic("admin", "admin123"),
            "Accept-Language": "en",
        },
        timeout=60,
    )
    assert refused.status_code == 422 and refused.json()["error"] == "refused"
    assert "already enrolled with another key" in refused.json()["message"]
    assert a_again.exists()
    c.db.dispose()
    a_copy.db.dispose()


def test_the_openapi_schema_lists_the_endpoints(hub: HubServer) -> None:
    schema = httpx.get(hub.url + "/openapi.json", timeout=10).json()
    assert set(schema["paths"]) >= {
        "/api/v1/health",
        "/api/v1/sync-files",
        "/api/v1/config",
        "/api/v1/stations",
    }
    assert "post" in schema["paths"]["/api/v1/sync-files"]
    assert "get" in schema["paths"]["/api/v1/config"]
    assert "post" in schema["paths"]["/api/v1/stations"]
