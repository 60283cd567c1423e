"""What a station does with answers that do not come from a hub (hostile or mistaken).

A real HTTP server on loopback (http.server in a thread) stands at the address the
station was given: a web server answering HTML, a hub-like server answering JSON of
the wrong shape or an endless body, or one whose "config package" is garbage.  Each
attempt fails in words, nothing is applied (the acknowledgement stays where it was),
and the outbox file is kept for the next try.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from upload_helpers import Demo

from app.sync import upload
from app.sync.export import sync_status

Reply = Callable[[BaseHTTPRequestHandler], None]


def _answer(status: int, body: bytes, headers: dict[str, str] | None = None) -> Reply:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        while length > 0:  # read what the station sends, as a server does
            length -= len(handler.rfile.read(min(length, 1 << 16)))
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return reply


def _endless(handler: BaseHTTPRequestHandler) -> None:
    length = int(handler.headers.get("Content-Length") or 0)
    while length > 0:
        length -= len(handler.rfile.read(min(length, 1 << 16)))
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    try:
        for _ in range(4096):  # 4 GB claimed by nothing: the station stops reading
            handler.wfile.write(b" " * (1 << 20))
    except OSError:
        pass


UPLOADED = b'{"status": "imported", "message": "ok", "imported_at": "", "rows": 1, "acked_seq": 1}'

CASES: dict[str, tuple[Reply, Reply, str]] = {
    # name: (answer to the upload, answer to the config fetch, expected outcome)
    "a web server's page": (_answer(200, b"<html>hello</html>"), _answer(200, b""), "not_hub"),
    "JSON of another shape": (_answer(200, b'["imported"]'), _answer(200, b""), "not_hub"),
    "an endless body": (_endless, _answer(200, b""), "not_hub"),
    "a garbage config package": (
        _answer(200, UPLOADED),
        _answer(200, b"PK\x03\x04not a zip at all", {"X-Wb-Config-Version": "99"}),
        "config_refused",
    ),
}


@pytest.fixture(params=sorted(CASES))
def impostor(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    on_upload, on_config, outcome = CASES[request.param]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            on_upload(self)

        def do_GET(self) -> None:
            on_config(self)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", outcome
    finally:
        server.shutdown()
        server.server_close()


def test_an_answer_that_is_not_a_hubs_fails_in_words_and_changes_nothing(
    demo: Demo, impostor: tuple[str, str]
) -> None:
    url, outcome = impostor
    before = sync_status(demo.db)
    attempt = upload.upload_pending(demo.db, demo.station, url)
    assert not attempt.ok
    assert attempt.outcome == outcome, attempt.message
    assert attempt.message and attempt.next_at is not None  # words, and a retry
    after = sync_status(demo.db)
    assert after.acked_seq == before.acked_seq  # no acknowledgement taken from it
    assert any(upload.outbox(demo.station).glob("*.wbsync"))  # kept for the next try
