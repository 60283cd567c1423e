"""A stand-in for the township's hub, for the upload tests (not a test module).

A real HTTP server (FastAPI on uvicorn, in a thread, on loopback) that speaks
the hub protocol with the real code behind it: an upload goes through
``import_file`` into the township database the demo generator made, the
config package is the real ``publish_config`` of that township, and the
signed GET is checked by the real ``verify_request``.  Replaced later by the
real hub (``main.py hub``) behind the same ``hub_url`` fixture.

Test controls: :attr:`StandIn.hold` (an Event: when set to a cleared Event,
every request waits on it before it is answered — a stalled hub) and
:attr:`StandIn.clock_skew_s` (the hub's clock ahead of the machine's).
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from app.db import Database
from app.errors import DomainError
from app.models.sync import SyncStation
from app.paths import DataDir
from app.sync.config import publish_config
from app.sync.envelope import MAX_FILE_BYTES
from app.sync.importer import acknowledgements, import_file
from app.sync.request_auth import RequestRefused, verify_request


class StandIn:
    def __init__(self, township: DataDir) -> None:
        self.data_dir = township
        self.db = Database(township.database)
        self.hold: threading.Event | None = None
        self.clock_skew_s = 0.0
        self.requests: list[str] = []
        self.nonces: set[str] = set()
        self.published: tuple[Any, Path, int] | None = None  # (acks, file, version)
        self._lock = threading.Lock()
        self.app = self._make_app()
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.url = ""

    # --- the protocol ------------------------------------------------------------------

    def _make_app(self) -> FastAPI:
        app = FastAPI()

        async def held() -> None:
            if self.hold is not None:
                await run_in_threadpool(self.hold.wait, 60)

        @app.get("/api/v1/health")
        async def health() -> dict[str, Any]:
            self.requests.append("health")
            await held()
            return {"status": "ok", "township": "330481101000", "schema": "", "time": self.now()}

        @app.post("/api/v1/sync-files")
        async def upload(request: Request) -> Response:
            self.requests.append("upload")
            await held()
            length = request.headers.get("content-length")
            if length is None:
                return _error(411, "length", "需要 Content-Length")
            if int(length) > MAX_FILE_BYTES:
                return _error(413, "too_large", "文件过大")
            name = Path(request.headers.get("x-wb-file-name", "upload.wbsync")).name
            with tempfile.TemporaryDirectory(prefix="standin-") as tmp:
                path = Path(tmp) / name
                with path.open("wb") as f:
                    async for chunk in request.stream():
                        f.write(chunk)
                try:
                    verdict = await run_in_threadpool(self._import, path)
                except DomainError as exc:
                    return _error(422, "refused", str(exc))
            return JSONResponse(
                {
                    "status": "imported" if verdict.status == "imported" else "already_imported",
                    "message": verdict.message,
                    "imported_at": (
                        verdict.first_imported_at.isoformat() if verdict.first_imported_at else ""
                    ),
                    "rows": verdict.applied,
                    "station_code": verdict.station_code,
                    "acked_seq": 0,
                }
            )

        @app.get("/api/v1/config")
        async def config(request: Request) -> Response:
            self.requests.append("config")
            await held()
            try:
                signed = verify_request(
                    request.headers,
                    "GET",
                    "/api/v1/config",
                    b"",
                    self._public_key,
                    now=self.now(),
                )
            except RequestRefused as refused:
                if refused.reason == "clock":
                    return JSONResponse(
                        {"error": "clock", "message": "时钟不符", "server_time": self.now()},
                        status_code=401,
                    )
                return _error(401, refused.reason, "签名不符")
            with self._lock:
                if signed.nonce in self.nonces:
                    return _error(401, "replayed", "重放")
                self.nonces.add(signed.nonce)
            path, version = await run_in_threadpool(self._package)
            return Response(
                path.read_bytes(),
                media_type="application/octet-stream",
                headers={"X-Wb-Config-Version": str(version)},
            )

        return app

    def now(self) -> float:
        return time.time() + self.clock_skew_s

    def _import(self, path: Path) -> Any:
        with self._lock:
            return import_file(self.db, path)

    def _public_key(self, code: str) -> str | None:
        with self.db.read() as session:
            row = session.scalar(select(SyncStation).where(SyncStation.code == code))
            return row.public_key if row is not None else None

    def _package(self) -> tuple[Path, int]:
        """The newest package, re-published when an acknowledgement changed."""
        with self._lock:
            acks = acknowledgements(self.db)
            if self.published is None or self.published[0] != acks:
                folder = self.data_dir.root / "hub-packages"
                folder.mkdir(exist_ok=True)
                summary = publish_config(self.db, self.data_dir, folder)
                self.published = (acks, summary.path, summary.version)
            return self.published[1], self.published[2]

    # --- the server --------------------------------------------------------------------

    def start(self) -> str:
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"
        )
        self.server = server = _Server(config)
        self.thread = threading.Thread(target=server.run, name="hub-standin", daemon=True)
        self.thread.start()
        if not server.ready.wait(20) or not server.started:
            raise RuntimeError("the hub stand-in did not start")
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def stop(self) -> None:
        if self.hold is not None:
            self.hold.set()
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(20)
        self.db.dispose()


class _Server(uvicorn.Server):
    """uvicorn's server, telling the test thread when it listens."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: Any = None) -> None:
        try:
            await super().startup(sockets)
        finally:
            self.ready.set()


def _error(status: int, error: str, message: str) -> JSONResponse:
    return JSONResponse({"error": error, "message": message}, status_code=status)
