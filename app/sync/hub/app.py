"""The hub's FastAPI application (the protocol of issue 9; see the package docstring).

Every refusal is JSON ``{"error", "message"}`` (:mod:`.errors`); a bug answers
500 JSON with an error id that is logged on one line, never a traceback.  One
log line per request: method, path, status, milliseconds and the station
code when known — no personal data, no secret, no file contents.

Uploads are streamed to a temp file under ``<data>/hub/incoming/`` with a
running byte count (413 as soon as it passes the limit, whatever the
Content-Length said) inside a total time limit, then imported in a worker
thread (FastAPI's threadpool: the event loop never waits on the database).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import importlib
import logging
import re
import secrets
import shutil
import sys
import time
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from app import __version__
from app.db import Database, migrate
from app.errors import AuthenticationFailed, Busy, DomainError
from app.i18n import use_catalog
from app.models.sync import SyncAck, SyncImportLog, SyncStation
from app.sync import request_auth
from app.sync.envelope import SUFFIX, open_envelope
from app.sync.hub import errors as e
from app.sync.hub.errors import HubError
from app.sync.hub.settings import ENROL_MAX_BYTES, ENROL_TIMEOUT_S, RETRY_AFTER_S, HubSettings
from app.sync.hub.storage import (
    Township,
    file_lock,
    is_revoked,
    open_store,
    public_key_of,
    record_nonce,
    township_of,
)

log = logging.getLogger("app.sync.hub")
access = logging.getLogger("app.sync.hub.access")

CONFIG_PATH = "/api/v1/config"
_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,119}" + re.escape(SUFFIX))
_FLUSH = 1024 * 1024
_STATION = re.compile(r"-|[0-9A-Za-z_]{1,12}")
ENROL_PERMISSION = "daily_work"  # the township page's: whoever may open 站点管理 may enrol


def _setup_logging() -> None:
    """One line per record on stderr (journald under systemd); set once per process."""
    root = logging.getLogger("app")
    if any(getattr(h, "_wb_hub", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._wb_hub = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class Hub:
    """One worker's view of the township: its store, facts and folders."""

    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings
        self.data_dir = settings.folder
        self.db: Database = open_store(Path(settings.data_dir), settings.db_url)
        township = township_of(self.db)
        if township is None:
            self.db.dispose()
            raise RuntimeError(f"{settings.data_dir} is not a township's data folder")
        self.township: Township = township
        self.schema = migrate.current_revision(self.db.engine) or ""
        self.sqlite = self.db.engine.dialect.name == "sqlite"
        self.incoming = settings.hub_folder / "incoming"
        self.locks = settings.hub_folder / "locks"
        self.config_folder = settings.hub_folder / "config"
        self.incoming.mkdir(parents=True, exist_ok=True)

    # --- upload -------------------------------------------------------------------

    def import_upload(self, path: Path, state: Any) -> dict[str, Any]:
        """Import the uploaded file (in a worker thread); the 200 answer's body."""
        from app.sync.importer import import_file

        env = open_envelope(path)  # a SyncFileRefused (422) when it is not a sync file
        code = str(env.manifest.get("station_code", ""))[:12]
        state.station = code
        if is_revoked(self.db, code):
            raise HubError(403, "revoked", e.REVOKED)
        # one import of a given file at a time across the workers (a second one then
        # finds it in the import log: already imported); on SQLite one import at all at
        # a time: the workers would only wait for each other's write lock, and SQLite's
        # busy handler sleeps between tries where a file lock hands over at once
        # (the file's identity is its signed content: envelope.Envelope.file_sha256)
        sha256 = env.file_sha256
        writer = self.locks / ("sqlite-import.lock" if self.sqlite else f"{sha256}.lock")
        with file_lock(writer):
            for attempt in (1, 2):
                try:
                    try:
                        verdict = import_file(self.db, path)
                    except IntegrityError:  # another process committed the same file first
                        verdict = import_file(self.db, path)
                    break
                except DBAPIError as err:
                    # the database connection dropped mid-import (a PostgreSQL restart, a
                    # failover, a killed backend): the transaction rolled back with it, so
                    # the file is imported again on a fresh connection, once
                    if not err.connection_invalidated:
                        raise
                    log.warning(
                        "database connection lost importing %s (try %d)", sha256[:12], attempt
                    )
                    if attempt == 2:
                        raise database_lost() from None
        with self.db.read() as session:
            first = session.scalar(
                select(SyncImportLog).where(SyncImportLog.file_sha256 == env.file_sha256)
            )
            station = session.scalar(select(SyncStation).where(SyncStation.code == code))
            ack = session.get(SyncAck, station.station_id) if station is not None else None
        return {
            "status": "imported" if verdict.status == "imported" else "already_imported",
            "message": verdict.message,
            "imported_at": (first.imported_at.isoformat(timespec="seconds") + "Z")
            if first is not None
            else None,
            "rows": first.rows if first is not None else verdict.applied,
            "station_code": code,
            "acked_seq": ack.acked_seq if ack is not None else 0,
        }

    # --- signed requests ------------------------------------------------------------

    def verify(self, request: Request, method: str, path: str, body: bytes) -> str:
        """The station code of a signed request; raises HubError (401/403)."""
        try:
            signed = request_auth.verify_request(
                request.headers, method, path, body, lambda c: public_key_of(self.db, c)
            )
        except request_auth.RequestRefused as refused:
            extra = {"server_time": time.time()} if refused.reason == "clock" else {}
            raise HubError(
                401, refused.reason, e.SIGNED.get(refused.reason, e.BAD_REQUEST), extra=extra
            ) from None
        request.state.station = signed.station_code
        if is_revoked(self.db, signed.station_code):
            raise HubError(403, "revoked", e.REVOKED)
        if not record_nonce(self.db, signed.station_code, signed.nonce):
            raise HubError(401, "replayed", e.SIGNED["replayed"])
        return signed.station_code

    # --- enrolment ------------------------------------------------------------------

    def enrol(self, authorization: str | None, fingerprint: str, path: Path) -> dict[str, str]:
        from app.services.auth import Permission, login
        from app.sync.enrol import enrol_station

        user, password = _basic(authorization)
        try:
            actor = login(self.db, user, password)
        except AuthenticationFailed as err:
            raise HubError.from_domain(401, "unauthorized", err) from None
        if not actor.can(Permission(ENROL_PERMISSION)):
            raise HubError(403, "forbidden", e.NOT_ALLOWED)
        enrolment = enrol_station(self.db, path, fingerprint=fingerprint)
        return {
            "station_code": enrolment.code,
            "name": enrolment.name,
            "fingerprint": enrolment.fingerprint,
        }


def _basic(authorization: str | None) -> tuple[str, str]:
    refused = HubError(
        401,
        "unauthorized",
        e.NO_CREDENTIALS,
        headers={"WWW-Authenticate": 'Basic realm="township hub"'},
    )
    if not authorization or not authorization[:6].lower() == "basic ":
        raise refused
    try:
        raw = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise refused from None
    user, sep, password = raw.partition(":")
    if not sep or not user or len(user) > 100 or len(password) > 200:
        raise refused
    return user, password


def _language(request: Request) -> str:
    return e.language_of(request.headers.get("accept-language"))


def _error_response(request: Request, err: HubError) -> JSONResponse:
    return JSONResponse(e.body(err, _language(request)), err.status, err.headers)


async def _read_limited(request: Request, limit: int) -> bytes:
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise HubError(413, "too_large", e.ENROL_TOO_LARGE)
    return bytes(data)


def _busy() -> HubError:
    return HubError(503, "busy", e.BUSY, headers={"Retry-After": str(RETRY_AFTER_S)})


def database_lost() -> HubError:
    return HubError(
        503, "database_unavailable", e.DATABASE_LOST, headers={"Retry-After": str(RETRY_AFTER_S)}
    )


def _domain_error(err: DomainError) -> HubError:
    return _busy() if isinstance(err, Busy) else HubError.from_domain(422, "refused", err)


def create_app(settings: HubSettings) -> FastAPI:
    """The application of one worker process."""
    _setup_logging()
    use_catalog(settings.language)  # the verdicts' sentences (errors follow each request)
    hub = Hub(settings)
    # loaded now, at the worker's start, rather than by its first upload or fetch
    for module in ("auth", "config", "enrol", "hub.packages", "importer"):
        importlib.import_module(("app.services." if module == "auth" else "app.sync.") + module)
    e.translated(e.DEFAULT_LANGUAGE, "hub", e.BUSY)
    app = FastAPI(
        title="Station Workbench township hub",
        version=__version__,
        description="Stations upload their sync files and fetch their config package.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    limit = settings.max_upload_bytes
    from app.sync.hub.web import add_web

    add_web(app, hub)  # the read-only web view for county and township staff

    @app.exception_handler(HubError)
    async def _hub_error(request: Request, exc: HubError) -> JSONResponse:
        return _error_response(request, exc)

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return _error_response(request, _domain_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        reason, text = {
            404: ("not_found", e.NOT_FOUND),
            405: ("method_not_allowed", e.NOT_ALLOWED_METHOD),
        }.get(exc.status_code, ("bad_request", e.BAD_REQUEST))
        return _error_response(request, HubError(exc.status_code, reason, text))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error_response(request, HubError(400, "bad_request", e.BAD_REQUEST))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
            return _error_response(request, _busy())
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            log.warning("database connection lost: %s", type(exc.orig).__name__)
            return _error_response(request, database_lost())
        error_id = secrets.token_hex(4)
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
        log.error("error %s: %s at %s", error_id, type(exc).__name__, where)
        err = HubError(500, "internal", e.INTERNAL, extra={"error_id": error_id}, error_id=error_id)
        return _error_response(request, err)

    @app.get("/api/v1/health", summary="The hub is up: township, schema and the hub's clock")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "township": hub.township.code,
            "schema": hub.schema,
            "time": time.time(),
        }

    @app.post(
        "/api/v1/sync-files",
        summary="Upload a station's .wbsync file (raw bytes); imported once",
        responses={
            200: {"description": "imported or already_imported"},
            403: {"description": "revoked"},
            411: {"description": "no Content-Length"},
            413: {"description": "larger than the hub's limit"},
            422: {"description": "refused (damaged, tampered, unknown station...)"},
            503: {"description": "busy (Retry-After)"},
        },
    )
    async def upload(request: Request) -> dict[str, Any]:
        length = request.headers.get("content-length")
        if length is None or request.headers.get("transfer-encoding"):
            raise HubError(411, "length_required", e.LENGTH_REQUIRED)
        if not length.isdigit() or len(length) > 15:
            raise HubError(400, "bad_length", e.BAD_LENGTH)
        if int(length) > limit:
            raise HubError(413, "too_large", e.TOO_LARGE, limit=limit)
        ctype = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if ctype != "application/octet-stream":
            raise HubError(415, "unsupported_media_type", e.BAD_TYPE)
        name = request.headers.get("x-wb-file-name") or ""
        if not _NAME.fullmatch(name) or ".." in name:
            raise HubError(400, "bad_name", e.BAD_NAME)
        folder = hub.incoming / secrets.token_hex(16)
        folder.mkdir(parents=True)
        path = folder / name
        try:
            try:
                async with asyncio.timeout(settings.upload_timeout_s):
                    await _receive(request, path, limit)
                    return await run_in_threadpool(hub.import_upload, path, request.state)
            except TimeoutError:
                raise HubError(408, "timeout", e.TIMEOUT, headers={"Connection": "close"}) from None
            except ClientDisconnect:
                raise HubError(400, "incomplete", e.INCOMPLETE) from None
        finally:
            await run_in_threadpool(shutil.rmtree, folder, True)

    @app.get(
        CONFIG_PATH,
        summary="The newest config package (a signed station request)",
        responses={
            200: {"content": {"application/octet-stream": {}}, "description": "the .wbconf"},
            204: {"description": "none published yet"},
            401: {"description": "missing, unknown_station, bad_signature, replayed or clock"},
            403: {"description": "revoked"},
        },
    )
    def config(request: Request) -> Response:
        from app.sync.hub.packages import current_package

        hub.verify(request, "GET", CONFIG_PATH, b"")
        found = current_package(hub.db, hub.data_dir, hub.config_folder)
        if found is None:
            return Response(status_code=204)
        version, path = found
        return FileResponse(
            path,
            media_type="application/octet-stream",
            filename=path.name,
            headers={"X-Wb-Config-Version": str(version)},
        )

    @app.post(
        "/api/v1/stations",
        status_code=201,
        summary="Enrol a station from its enrolment file (HTTP Basic: a township user)",
        responses={
            401: {"description": "bad credentials"},
            422: {"description": "refused"},
        },
    )
    async def stations(request: Request) -> dict[str, str]:
        fingerprint = (request.headers.get("x-wb-fingerprint") or "").strip()
        authorization = request.headers.get("authorization")
        _basic(authorization)  # 401 before the body is read when there are no credentials
        if not fingerprint or len(fingerprint) > 100:
            raise HubError(400, "missing_fingerprint", e.NO_FINGERPRINT)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > ENROL_MAX_BYTES:
            raise HubError(413, "too_large", e.ENROL_TOO_LARGE)
        try:
            async with asyncio.timeout(min(ENROL_TIMEOUT_S, settings.upload_timeout_s)):
                raw = await _read_limited(request, ENROL_MAX_BYTES)
        except TimeoutError:
            raise HubError(408, "timeout", e.TIMEOUT, headers={"Connection": "close"}) from None
        except ClientDisconnect:
            raise HubError(400, "incomplete", e.INCOMPLETE) from None
        folder = hub.incoming / secrets.token_hex(16)
        folder.mkdir(parents=True)
        path = folder / "station.wbenrol"
        try:
            path.write_bytes(raw)
            return await run_in_threadpool(hub.enrol, authorization, fingerprint, path)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return _AccessLog(app)  # type: ignore[return-value]


async def _receive(request: Request, path: Path, limit: int) -> None:
    """Stream the body into *path*.  413 once past the limit or the length."""
    declared = int(request.headers["content-length"])
    received = 0
    buffer = bytearray()

    def flush(fh: Any, data: bytes) -> None:
        fh.write(data)

    with path.open("wb") as fh:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit or received > declared:
                raise HubError(
                    413, "too_large", e.TOO_LARGE, headers={"Connection": "close"}, limit=limit
                )
            buffer += chunk
            if len(buffer) >= _FLUSH:
                await run_in_threadpool(flush, fh, bytes(buffer))
                buffer.clear()
        await run_in_threadpool(flush, fh, bytes(buffer))
    if received < declared:
        raise HubError(400, "incomplete", e.INCOMPLETE)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]


class _AccessLog:
    """ASGI wrapper: one log line per request (method, path, status, ms, station)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.state = app.state

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            if not status[0]:
                raise
            # a bug, answered 500 JSON and logged on one line by the handler
        finally:
            station = str(scope.get("state", {}).get("station", "-"))
            if not _STATION.fullmatch(station):  # an unchecked manifest's code: not logged
                station = "?"
            path = str(scope.get("path", ""))[:120].encode("unicode_escape").decode("ascii")
            access.info(
                "%s %s %d %.0fms %s",
                str(scope.get("method", ""))[:10],
                path,
                status[0],
                (time.perf_counter() - started) * 1000,
                station,
            )


def create_app_from_env() -> Any:
    """uvicorn's factory in each worker: the settings come from the environment."""
    return create_app(HubSettings.from_env())
