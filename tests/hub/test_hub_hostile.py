"""Hostile input to the real hub (issue 9): every malformed header or body is answered
4xx JSON (never 500, never a traceback), nothing is imported, and the hub keeps serving.

One hub for the module, started with a 12 MB upload limit and a 3 s time limit per
upload so that the over-limit and slow-loris cases are quick.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hub_server import HubServer
from sqlalchemy import func, select
from sync_helpers import World, open_copy, rewrite

from app.models.sync import SyncImportLog
from app.sync.export import export_sync

LIMIT = 12 * 1024 * 1024
UPLOAD_TIMEOUT_S = 3


@pytest.fixture(scope="module")
def hostile_world(hub_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = open_copy(hub_template, tmp_path_factory.mktemp("hostile") / "world")
    yield w
    w.close()


@pytest.fixture(scope="module")
def server(hostile_world: World) -> Iterator[HubServer]:
    hub = HubServer(
        hostile_world.town.data_dir.root,
        hostile_world.root / "hub.log",
        "--max-upload-bytes",
        str(LIMIT),
        "--upload-timeout",
        str(UPLOAD_TIMEOUT_S),
    ).start()
    yield hub
    hub.stop()
    log = hub.output()
    assert "Traceback" not in log
    assert not [line for line in log.splitlines() if "hub.access" in line and " 500 " in line]


@pytest.fixture(scope="module")
def real_file(hostile_world: World) -> Path:
    w = hostile_world
    return export_sync(w.a.db, w.a.data_dir, w.root / "real").path


def _imports(world: World) -> int:
    with world.town.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SyncImportLog)) or 0)


def _post(server: HubServer, body: bytes, name: str = "330481101001_1-9.wbsync", **h: str):
    headers = {"Content-Type": "application/octet-stream", "X-Wb-File-Name": name}
    headers.update(h)
    return httpx.post(server.url + "/api/v1/sync-files", content=body, headers=headers, timeout=60)


def _refusal(answer: httpx.Response, status: int, error: str) -> dict:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"] == error and body["message"]
    assert "Traceback" not in answer.text and 'File "' not in answer.text
    return body


def _raw(server: HubServer, head: str, body: bytes = b"", *, timeout: float = 30) -> bytes:
    """Send *head* (request line and headers) and *body* on a socket; the raw answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        # the hub may answer and close before the body is all sent
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head.encode("latin-1") + b"\r\n\r\n" + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
        head_end = answer.find(b"\r\n\r\n")
        if head_end >= 0 and b"content-length:" in answer[:head_end].lower():
            length = int(
                next(
                    line.split(b":", 1)[1]
                    for line in answer[:head_end].split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
            )
            while len(answer) < head_end + 4 + length:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        return answer


def _status(raw: bytes) -> int:
    return int(raw.split(b" ", 2)[1])


def _json(raw: bytes) -> dict:
    return json.loads(raw.split(b"\r\n\r\n", 1)[1])


def test_zero_bytes_truncated_and_random_bodies_are_refused(
    server: HubServer, hostile_world: World, real_file: Path
) -> None:
    before = _imports(hostile_world)
    data = real_file.read_bytes()
    for body in (b"", data[: len(data) // 2], os.urandom(10 * 1024 * 1024)):
        _refusal(_post(server, body), 422, "refused")
    assert _imports(hostile_world) == before


def test_a_file_tampered_or_of_an_unknown_station_is_refused_with_its_reason(
    server: HubServer, hostile_world: World, real_file: Path
) -> None:
    w = hostile_world
    flipped = bytearray(real_file.read_bytes())
    flipped[len(flipped) // 2] ^= 0xFF
    _refusal(_post(server, bytes(flipped)), 422, "refused")
    # a well-formed file naming a station that is not enrolled here
    stranger = rewrite(
        real_file, w.a, w.root / "stranger.wbsync", manifest={"station_code": "330481109999"}
    )
    english = _refusal(
        _post(server, stranger.read_bytes(), **{"Accept-Language": "en"}), 422, "refused"
    )
    chinese = _refusal(_post(server, stranger.read_bytes()), 422, "refused")
    assert english["message"] != chinese["message"]
    assert not any("a" <= ch <= "z" for ch in chinese["message"].replace(".wbsync", ""))


def test_a_zip_bomb_is_refused_without_being_unpacked(
    server: HubServer, hostile_world: World
) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("manifest.sig", b"00")
        with zf.open("payload.sqlite", "w", force_zip64=True) as fh:
            zero = bytes(1024 * 1024)
            for _ in range(200):  # 200 MB of zeros in ~200 KB
                fh.write(zero)
    assert len(bomb.getvalue()) < LIMIT
    _refusal(_post(server, bomb.getvalue()), 422, "refused")


def test_a_body_over_the_limit_is_refused_before_it_is_read(server: HubServer) -> None:
    head = (
        "POST /api/v1/sync-files HTTP/1.1\r\nHost: hub\r\n"
        "Content-Type: application/octet-stream\r\n"
        f"Content-Length: {LIMIT + 1}\r\nX-Wb-File-Name: x.wbsync"
    )
    answer = _raw(server, head)  # no body sent at all: the answer comes first
    assert _status(answer) == 413 and _json(answer)["error"] == "too_large"


def test_a_lying_content_length_never_imports_the_extra_bytes(
    server: HubServer, hostile_world: World, real_file: Path
) -> None:
    before = _imports(hostile_world)
    data = real_file.read_bytes()
    head = (
        "POST /api/v1/sync-files HTTP/1.1\r\nHost: hub\r\n"
        "Content-Type: application/octet-stream\r\n"
        f"Content-Length: 1000\r\nX-Wb-File-Name: {real_file.name}"
    )
    answer = _raw(server, head, data + os.urandom(LIMIT))  # far more than it said
    assert 400 <= _status(answer) < 500
    assert _imports(hostile_world) == before
    assert httpx.get(server.url + "/api/v1/health", timeout=10).status_code == 200


def test_a_missing_content_length_is_411(server: HubServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"PK\x03\x04"

    answer = httpx.post(
        server.url + "/api/v1/sync-files",
        content=chunks(),  # sent chunked: no Content-Length
        headers={"Content-Type": "application/octet-stream", "X-Wb-File-Name": "a.wbsync"},
        timeout=30,
    )
    _refusal(answer, 411, "length_required")


@pytest.mark.parametrize(
    "name",
    ["../../x.wbsync", "../../x", "a" * 10_000 + ".wbsync", "x.zip", "", ".wbsync", "a/b.wbsync"],
    ids=["dotdot", "dotdot-bare", "10KB", "suffix", "empty", "hidden", "slash"],
)
def test_bad_file_names_are_refused(server: HubServer, real_file: Path, name: str) -> None:
    _refusal(_post(server, real_file.read_bytes(), name=name), 400, "bad_name")


def test_a_nul_in_a_header_is_a_4xx_and_the_hub_serves_on(server: HubServer) -> None:
    head = (
        "POST /api/v1/sync-files HTTP/1.1\r\nHost: hub\r\n"
        "Content-Type: application/octet-stream\r\nContent-Length: 4\r\n"
        "X-Wb-File-Name: a\x00b.wbsync"
    )
    answer = _raw(server, head, b"PK\x03\x04")
    assert 400 <= _status(answer) < 500
    assert httpx.get(server.url + "/api/v1/health", timeout=10).status_code == 200


def test_a_slow_loris_upload_is_cut_off_at_the_time_limit(server: HubServer) -> None:
    head = (
        "POST /api/v1/sync-files HTTP/1.1\r\nHost: hub\r\n"
        "Content-Type: application/octet-stream\r\n"
        "Content-Length: 100000\r\nX-Wb-File-Name: slow.wbsync"
    )
    # a few bytes, then nothing more: the hub must not wait for the rest forever
    answer = _raw(server, head, b"PK\x03\x04", timeout=UPLOAD_TIMEOUT_S + 20)
    assert _status(answer) == 408 and _json(answer)["error"] == "timeout"


def test_wrong_type_method_and_address_are_json_4xx(server: HubServer, real_file: Path) -> None:
    _refusal(_post(server, b"x", **{"Content-Type": "text/plain"}), 415, "unsupported_media_type")
    _refusal(httpx.put(server.url + "/api/v1/sync-files", timeout=10), 405, "method_not_allowed")
    _refusal(httpx.get(server.url + "/api/v1/nothing", timeout=10), 404, "not_found")
    _refusal(httpx.get(server.url + "/" + "x" * 5000, timeout=10), 404, "not_found")


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Wb-Station": "330481101001"},
        {
            "X-Wb-Station": "330481101001",
            "X-Wb-Timestamp": "soon",
            "X-Wb-Nonce": "0" * 32,
            "X-Wb-Signature": "0" * 128,
        },
        {
            "X-Wb-Station": "../../etc",
            "X-Wb-Timestamp": "1",
            "X-Wb-Nonce": "0" * 32,
            "X-Wb-Signature": "0" * 128,
        },
        {
            "X-Wb-Station": "330481101001",
            "X-Wb-Timestamp": "9" * 5000,
            "X-Wb-Nonce": "z" * 32,
            "X-Wb-Signature": "0" * 128,
        },
    ],
    ids=["partial", "bad-timestamp", "bad-code", "huge"],
)
def test_malformed_signature_headers_are_401_missing(server: HubServer, headers: dict) -> None:
    answer = httpx.get(server.url + "/api/v1/config", headers=headers, timeout=10)
    _refusal(answer, 401, "missing")


@pytest.mark.parametrize(
    "authorization",
    ["Basic !!!", "Basic " + "QQ==", "Bearer abc", "Basic " + "YWRtaW4=", "Basic " + "x" * 5000],
    ids=["not-base64", "no-colon", "bearer", "user-only", "huge"],
)
def test_malformed_basic_auth_is_401(server: HubServer, authorization: str) -> None:
    answer = httpx.post(
        server.url + "/api/v1/stations",
        content=b"{}",
        headers={"Authorization": authorization, "X-Wb-Fingerprint": "1234"},
        timeout=30,
    )
    _refusal(answer, 401, "unauthorized")


def test_an_enrolment_body_that_is_not_an_enrolment_file_is_422(server: HubServer) -> None:
    import base64

    auth = "Basic " + base64.b64encode(b"admin:admin123").decode()
    for body in (b"", b"\xff\xfe garbage", json.dumps({"kind": "wb-enrolment"}).encode()):
        answer = httpx.post(
            server.url + "/api/v1/stations",
            content=body,
            headers={"Authorization": auth, "X-Wb-Fingerprint": "1234"},
            timeout=30,
        )
        _refusal(answer, 422, "refused")
    huge = httpx.post(
        server.url + "/api/v1/stations",
        content=b"x" * (65 * 1024),
        headers={"Authorization": auth, "X-Wb-Fingerprint": "1234"},
        timeout=30,
    )
    _refusal(huge, 413, "too_large")
