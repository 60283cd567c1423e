"""The station's background upload against a hub on loopback (real HTTP, real importer).

Each test starts from a copy of the township demo (station 东风村 enrolled at the
township, which took its township's enrolment file); the hub comes from the
``hub_url`` fixture.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import timedelta

import pytest
from sqlalchemy import delete, select
from upload_helpers import Demo

from app.cli import main as cli_main
from app.db import Database
from app.errors import ValidationError
from app.i18n import restore_catalog, use_catalog
from app.models.sync import SyncImportLog, SyncStation
from app.sync import upload
from app.sync.envelope import open_envelope
from app.sync.export import sync_status
from app.sync.importer import station_states
from tests.hub.hub_server import HubServer


def outbox_files(demo: Demo) -> list:
    folder = upload.outbox(demo.station)
    return sorted(folder.glob("*.wbsync")) if folder.is_dir() else []


def imported_shas(demo: Demo) -> set[str]:
    town = Database(demo.township.database)
    try:
        with town.read() as session:
            return set(session.scalars(select(SyncImportLog.file_sha256)))
    finally:
        town.dispose()


def test_an_upload_is_acknowledged_and_empties_the_outbox(demo: Demo, hub_url: str) -> None:
    db = demo.db
    before = sync_status(db)
    assert before.waiting > 0 and before.acked_seq == 0

    attempt = upload.upload_pending(db, demo.station, hub_url)

    assert attempt.ok, attempt.message
    assert attempt.outcome == "uploaded"
    after = sync_status(db)
    # the township acknowledged everything the station held when it uploaded
    assert after.acked_seq == before.current_seq
    assert attempt.acked_seq == before.current_seq
    assert attempt.config_version >= 1
    assert outbox_files(demo) == []
    # the township holds the station up to that change
    town = Database(demo.township.database)
    try:
        state = next(s for s in station_states(town) if s.code == "330481101001")
    finally:
        town.dispose()
    assert state.acked_seq == before.current_seq
    # what is left is only the config import's own audit entry: it rides along with the
    # next real change instead of starting another round trip
    assert after.current_seq == before.current_seq + 1
    again = upload.upload_pending(db, demo.station, hub_url)
    assert again.ok and again.outcome == "nothing"


def test_the_hub_down_is_a_failure_in_words_with_a_retry_in_the_backoff_window(
    demo: Demo, dead_url: str
) -> None:
    before = use_catalog("zh_CN")
    try:
        first = upload.upload_pending(demo.db, demo.station, dead_url)
        second = upload.upload_pending(demo.db, demo.station, dead_url)
        assert first.message.startswith("乡镇服务器无法连接，将在 ")
        assert first.message.endswith("后重试。")
    finally:
        restore_catalog(before)
    assert not first.ok and first.outcome == "unreachable"
    assert first.next_at is not None and second.next_at is not None
    wait1 = (first.next_at - first.at).total_seconds()
    wait2 = (second.next_at - second.at).total_seconds()
    assert 24 <= wait1 <= 36  # 30 s ± 20 %
    assert 48 <= wait2 <= 72  # doubled
    state = upload.upload_state(demo.db)
    assert state.failures == 2
    assert [a.outcome for a in state.attempts] == ["unreachable", "unreachable"]


def test_a_restart_resumes_the_schedule_and_the_outbox_file(
    demo: Demo, dead_url: str, hub_url: str
) -> None:
    failed = upload.upload_pending(demo.db, demo.station, dead_url)
    [written] = outbox_files(demo)
    sha = open_envelope(written).file_sha256

    db = demo.reopen()  # the program restarted: new Database, new objects
    state = upload.upload_state(db)
    assert state.failures == 1
    assert state.next_at == failed.next_at.replace(microsecond=0)
    assert state.attempts[0].outcome == "unreachable"

    prepared = upload.prepare_upload(db, demo.station)
    assert prepared.path == written  # nothing changed: the same file, not a new export
    attempt = upload.send_prepared(db, demo.station, hub_url, prepared)
    assert attempt.ok, attempt.message
    assert sha in imported_shas(demo)  # the township received exactly that file
    state = upload.upload_state(db)
    assert state.failures == 0  # a success resets the backoff
    assert state.next_at is not None
    assert state.next_at - state.attempts[0].at >= timedelta(seconds=upload.POLL_S - 1)


def test_a_file_the_hub_refuses_says_why(demo: Demo, hub: HubServer) -> None:
    town = Database(demo.township.database)
    try:
        with town.write() as session:  # the township no longer knows the station
            session.execute(delete(SyncStation).where(SyncStation.code == "330481101001"))
    finally:
        town.dispose()
    before = use_catalog("zh_CN")
    try:
        attempt = upload.upload_pending(demo.db, demo.station, hub.url, language="zh_CN")
        message = attempt.message
    finally:
        restore_catalog(before)
    assert not attempt.ok and attempt.outcome == "refused"
    assert message.startswith("乡镇服务器拒收了同步文件：")
    assert "330481101001" in message or "登记" in message  # the hub's reason, in words
    assert outbox_files(demo)  # kept for the next try


def test_a_wrong_clock_is_healed_by_the_hubs_time(demo: Demo, hub: HubServer) -> None:
    # this PC's clock runs 1000 s behind the hub's (as the station sees it: its offset
    # to the hub's clock is off by 1000 s — a PC whose clock was set back, or a stale offset)
    with demo.db.write() as session:
        upload.set_state(session, upload.CLOCK_OFFSET, repr(-1000.0))
    attempt = upload.upload_pending(demo.db, demo.station, hub.url)
    assert attempt.ok, attempt.message

    def configs() -> list[int]:
        return hub.requests("GET", "/api/v1/config")

    hub.wait_until(lambda: len(configs()) >= 2, 10, "the config requests in the hub's log")
    assert configs() == [401, 200]  # refused once with the hub's time, signed again
    offset = float(upload.get_state(demo.db, upload.CLOCK_OFFSET) or 0)
    assert abs(offset) < 5  # the station now keeps the hub's clock
    # the offset is kept: the next request is right the first time
    upload.upload_pending(demo.db, demo.station, hub.url)
    hub.wait_until(lambda: len(configs()) >= 3, 10, "the next config request")
    assert configs() == [401, 200, 200]


def test_the_upload_command_prints_the_attempt_and_its_exit_code(
    demo: Demo, hub_url: str, dead_url: str
) -> None:
    demo.db.dispose()
    root = str(demo.station.root)
    out = io.StringIO()
    with redirect_stdout(out):
        down = cli_main(["--data-dir", root, "--lang", "zh_CN", "upload", "--hub", dead_url])
    assert down == 3
    assert "乡镇服务器无法连接" in out.getvalue()
    out = io.StringIO()
    with redirect_stdout(out):
        up = cli_main(["--data-dir", root, "--lang", "en", "upload", "--hub", hub_url])
    assert up == 0
    assert "the township has acknowledged up to change" in out.getvalue()


def test_the_hub_url_must_be_http_or_https() -> None:
    assert upload.check_hub_url(" https://hub.example.cn/ ") == "https://hub.example.cn"
    assert upload.check_hub_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert upload.check_hub_url("") == ""
    for bad in ("ftp://x", "hub.example.cn", "http://", "https://a b", "http://h:99999"):
        with pytest.raises(ValidationError):
            upload.check_hub_url(bad)


def test_attempts_kept_are_the_last_twenty(demo: Demo, dead_url: str) -> None:
    for _ in range(upload.KEEP_ATTEMPTS + 2):
        upload.upload_pending(demo.db, demo.station, dead_url)
    kept = json.loads(upload.get_state(demo.db, upload.ATTEMPTS) or "[]")
    assert len(kept) == upload.KEEP_ATTEMPTS
    assert upload.upload_state(demo.db).failures == upload.KEEP_ATTEMPTS + 2


def test_a_hub_that_does_not_answer_is_a_timeout_not_a_hang(demo: Demo, hub: HubServer) -> None:
    import httpx

    hub.pause()  # the hub takes the connection and never answers
    client = httpx.Client(timeout=httpx.Timeout(0.5, connect=5.0))
    try:
        attempt = upload.upload_pending(demo.db, demo.station, hub.url, client=client)
    finally:
        client.close()
        hub.resume()
    assert not attempt.ok and attempt.outcome == "timeout"
    assert "did not answer in time" in attempt.message
    assert outbox_files(demo)  # kept for the next try
