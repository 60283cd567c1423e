"""后台上传 — the station's upload of its pending changes to the township's hub (DESIGN §5).

When a hub URL is set (设置 → 同步, kept in ``local_state``), an attempt
(:func:`upload_pending`) does, in this order:

1. **prepare** (:func:`prepare_upload`): when changes wait (``sync_status``),
   export them (:func:`export_sync`, everything since the township's last
   acknowledgement) into ``<data>/outbox/`` — or take the file already there
   when nothing changed since it was written, so a restart resumes with it;
2. **send** (:func:`send_prepared`): ``POST /api/v1/sync-files`` with the file,
   then ``GET /api/v1/config`` signed with the station's key
   (:mod:`app.sync.request_auth`; when the hub answers ``clock`` its time is
   kept as the clock offset and the request signed once more), and the
   package, when newer than the one in force, goes through
   :func:`import_config` — which applies the township's acknowledgement.
   Outbox files the acknowledgement covers are deleted.

Every failure is an :class:`UploadAttempt` too, with a sentence in words
("乡镇服务器无法连接，将在 5 分钟后重试") and the next retry time: exponential
backoff with jitter (30 s doubling to 1 h, ±20 %), reset by a success, after
which the station asks again every :data:`POLL_S` for news.  The schedule and
the last :data:`KEEP_ATTEMPTS` attempts are kept in ``local_state`` so a
restart resumes where it was.  Every request has timeouts (connect 5 s, each
read or write 30 s, the whole exchange bounded by :data:`TOTAL_S`).

No Qt here: the GUI's scheduler (``app.views.sync.uploader``) runs the
prepare step on the writer lane and the send step beside it; the CLI's
``main.py upload`` runs one attempt.
"""

from __future__ import annotations

import contextlib
import json
import random
import ssl
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import utcnow
from app.paths import DataDir
from app.services import audit, keys
from app.services.auth import Actor, Permission, require
from app.services.station import get_state, get_station, set_state
from app.sync import config as sync_config
from app.sync.envelope import ANCHOR, MAX_FILE_BYTES, PERSON_HASH, SUFFIX, open_envelope
from app.sync.export import export_sync, sync_status
from app.sync.request_auth import sign_request

HUB_URL = "upload/hub_url"
CLOCK_OFFSET = "upload/clock_offset"
SCHEDULE = "upload/schedule"
ATTEMPTS = "upload/attempts"
LAST_ACK_AT = "upload/last_ack_at"
QUIET_SEQ = "upload/quiet_seq"  # the counter after a config import of an attempt (see below)

OUTBOX = "outbox"
KEEP_ATTEMPTS = 20
BACKOFF_FIRST_S = 30.0
BACKOFF_MAX_S = 3600.0
JITTER = 0.2
POLL_S = 15 * 60.0  # after a success: ask again for the township's news
CONNECT_S = 5.0
READ_S = 30.0
TOTAL_S = 300.0  # the whole exchange of one attempt
CHUNK = 256 * 1024
CONFIG_LIMIT = sync_config.MAX_FILE_BYTES

SYNC_FILES = "/api/v1/sync-files"
CONFIG = "/api/v1/config"
HEALTH = "/api/v1/health"

C = "upload"  # the translation context of this module's sentences

# --- the sentences (English source, translated on display) --------------------------
UPLOADED = QT_TRANSLATE_NOOP(
    "upload", "Uploaded {rows} changes; the township has acknowledged up to change {seq}."
)
UPLOADED_NO_ACK = QT_TRANSLATE_NOOP(
    "upload", "Uploaded {rows} changes; the township's acknowledgement has not come back yet."
)
NOTHING = QT_TRANSLATE_NOOP(
    "upload", "No new changes to upload; the township has acknowledged up to change {seq}."
)
CONFIG_APPLIED = QT_TRANSLATE_NOOP("upload", "Config package version {version} applied.")
UNREACHABLE = QT_TRANSLATE_NOOP(
    "upload", "The township server cannot be reached; retrying in {delay}."
)
TIMEOUT = QT_TRANSLATE_NOOP(
    "upload", "The township server did not answer in time; retrying in {delay}."
)
BROKEN = QT_TRANSLATE_NOOP(
    "upload", "The connection to the township server broke off; retrying in {delay}."
)
TLS = QT_TRANSLATE_NOOP(
    "upload",
    "The township server's certificate was not accepted (check the address and the "
    "PC's date); retrying in {delay}.",
)
REFUSED = QT_TRANSLATE_NOOP(
    "upload", "The township server refused the sync file: {why} Retrying in {delay}."
)
UNKNOWN_STATION = QT_TRANSLATE_NOOP(
    "upload",
    "The township server does not know this station: enrol this station at the township "
    "first. Retrying in {delay}.",
)
REVOKED = QT_TRANSLATE_NOOP(
    "upload",
    "The township has revoked this station's enrolment; ask the township. Retrying in {delay}.",
)
TOO_LARGE = QT_TRANSLATE_NOOP(
    "upload",
    "The sync file is larger than the township server accepts; take it on a USB stick "
    "instead. Retrying in {delay}.",
)
BUSY = QT_TRANSLATE_NOOP("upload", "The township server is busy; retrying in {delay}.")
CLOCK = QT_TRANSLATE_NOOP(
    "upload", "This PC's clock differs too much from the township server's; retrying in {delay}."
)
SIGNATURE = QT_TRANSLATE_NOOP(
    "upload",
    "The township server did not accept this station's signature; check the enrolment "
    "with the township. Retrying in {delay}.",
)
UNEXPECTED = QT_TRANSLATE_NOOP(
    "upload", "The township server answered unexpectedly (HTTP {status}); retrying in {delay}."
)
NOT_A_HUB = QT_TRANSLATE_NOOP(
    "upload",
    "The address does not answer as a township server; check it in Settings → Sync. "
    "Retrying in {delay}.",
)
CONFIG_REFUSED = QT_TRANSLATE_NOOP(
    "upload", "The township's config package was not applied: {why} Retrying in {delay}."
)
EXPORT_FAILED = QT_TRANSLATE_NOOP(
    "upload", "The sync file could not be written: {why} Retrying in {delay}."
)
NO_HUB = QT_TRANSLATE_NOOP(
    "upload", "No township server is set; enter its address in Settings → Sync."
)

SECONDS = QT_TRANSLATE_NOOP("upload", "{n} s")
MINUTES = QT_TRANSLATE_NOOP("upload", "{n} min")
HOURS = QT_TRANSLATE_NOOP("upload", "{n} h")

# the answers of the connection test (设置 → 同步 → 测试连接)
HEALTH_OK = QT_TRANSLATE_NOOP(
    "upload", "Connected: the township server of {township} answers (its clock: {time} UTC)."
)
HEALTH_FAILED = QT_TRANSLATE_NOOP("upload", "No connection: {why}")
HEALTH_UNREACHABLE = QT_TRANSLATE_NOOP("upload", "the server cannot be reached.")
HEALTH_TIMEOUT = QT_TRANSLATE_NOOP("upload", "the server did not answer in time.")
HEALTH_TLS = QT_TRANSLATE_NOOP("upload", "its certificate was not accepted.")
HEALTH_NOT_HUB = QT_TRANSLATE_NOOP("upload", "the address answers, but not as a township server.")

URL_EMPTY_OK = ""
URL_BAD = QT_TRANSLATE_NOOP(
    "errors",
    "The township server's address must start with http:// or https:// and name a host, "
    "e.g. https://hub.example.cn.",
)


# --- the hub URL ------------------------------------------------------------------------


def check_hub_url(text: str) -> str:
    """*text* as a hub URL (no trailing slash), '' for none; refuses anything else."""
    url = (text or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise ValidationError(URL_BAD) from None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in url)
        or (port is not None and not 0 < port < 65536)
    ):
        raise ValidationError(URL_BAD)
    return url.rstrip("/")


def hub_url(db: Database) -> str:
    return get_state(db, HUB_URL) or ""


def set_hub_url(db: Database, actor: Actor, text: str) -> str:
    """Store the hub URL ('' switches the upload off); the next attempt is due at once."""
    require(actor, Permission.MANAGE_SETTINGS)
    url = check_hub_url(text)
    with db.write() as session:
        before = get_state_in(session, HUB_URL)
        set_state(session, HUB_URL, url)
        set_state(session, SCHEDULE, json.dumps({"failures": 0, "next_at": None}))
        if before != url:
            audit.record(
                session,
                actor,
                "upload.hub_url",
                "station",
                "",
                before={"hub_url": before},
                after={"hub_url": url},
            )
    return url


def get_state_in(session: Any, key: str) -> str:
    from app.models import LocalState

    row = session.get(LocalState, key)
    return row.value if row is not None else ""


# --- attempts and the schedule -----------------------------------------------------------


def delay_words(seconds: float) -> str:
    """30 s, 5 min, 1 h — the wait before the next try, rounded as a person says it."""
    s = max(1, round(seconds))
    if s < 90:
        return translate(C, SECONDS, n=s)
    if s < 90 * 60:
        return translate(C, MINUTES, n=round(s / 60))
    return translate(C, HOURS, n=round(s / 3600))


@dataclass(frozen=True)
class UploadAttempt:
    """One attempt: when, whether it went through, its sentence and the next try."""

    at: datetime  # naive UTC
    ok: bool
    outcome: str  # a stable word: uploaded, nothing, unreachable, timeout, refused, …
    text: str  # the English source sentence (context "upload")
    args: dict[str, Any] = field(default_factory=dict)
    next_at: datetime | None = None
    rows: int = 0
    acked_seq: int = 0
    config_version: int = 0  # a config package applied by this attempt (0: none)

    @property
    def message(self) -> str:
        """The attempt's sentence in the language in use now."""
        args = {k: v for k, v in self.args.items() if k != "delay_s"}
        if "delay_s" in self.args:
            args["delay"] = delay_words(float(self.args["delay_s"]))
        text = translate(C, self.text, **args)
        if self.config_version:
            sep = "" if text.endswith(("。", "！", "？")) else " "  # Chinese: no space
            text += sep + translate(C, CONFIG_APPLIED, version=self.config_version)
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "ok": self.ok,
            "outcome": self.outcome,
            "text": self.text,
            "args": self.args,
            "next_at": self.next_at.isoformat(timespec="seconds") if self.next_at else None,
            "rows": self.rows,
            "acked_seq": self.acked_seq,
            "config_version": self.config_version,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UploadAttempt:
        next_at = data.get("next_at")
        return cls(
            datetime.fromisoformat(str(data["at"])),
            bool(data.get("ok")),
            str(data.get("outcome", "")),
            str(data.get("text", "")),
            dict(data.get("args") or {}),
            datetime.fromisoformat(next_at) if next_at else None,
            int(data.get("rows", 0)),
            int(data.get("acked_seq", 0)),
            int(data.get("config_version", 0)),
        )


@dataclass(frozen=True)
class UploadState:
    """What the 同步 page and the status bar show."""

    hub_url: str
    pending: int  # changes the township has not acknowledged
    acked_seq: int
    last_ack_at: datetime | None
    next_at: datetime | None
    failures: int
    attempts: list[UploadAttempt]  # newest first


def _schedule(db: Database) -> tuple[int, datetime | None]:
    try:
        data = json.loads(get_state(db, SCHEDULE) or "{}")
        failures = int(data.get("failures", 0))
        raw = data.get("next_at")
        return max(0, failures), datetime.fromisoformat(raw) if raw else None
    except (ValueError, TypeError, AttributeError):
        return 0, None


def attempts(db: Database) -> list[UploadAttempt]:
    try:
        items = json.loads(get_state(db, ATTEMPTS) or "[]")
        return [UploadAttempt.from_json(item) for item in items][:KEEP_ATTEMPTS]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []


def _last_ack_at(db: Database) -> datetime | None:
    """When an acknowledgement last arrived: by the hub, or in a package from a USB stick."""
    times = []
    raw = get_state(db, LAST_ACK_AT)
    if raw:
        with contextlib.suppress(ValueError):
            times.append(datetime.fromisoformat(raw))
    applied = sync_config.config_status(db).applied_at
    if applied is not None:
        times.append(applied.replace(tzinfo=None))
    return max(times) if times else None


def upload_state(db: Database) -> UploadState:
    status = sync_status(db)
    failures, next_at = _schedule(db)
    return UploadState(
        hub_url(db),
        status.waiting,
        status.acked_seq,
        _last_ack_at(db) if status.acked_seq else None,
        next_at,
        failures,
        attempts(db),
    )


def backoff_s(failures: int, rng: random.Random | None = None) -> float:
    """The wait after the *failures*-th failure in a row: 30 s doubling to 1 h, ±20 %."""
    base = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** max(0, failures - 1))
    return base * (rng or random).uniform(1 - JITTER, 1 + JITTER)


def _record(db: Database, attempt: UploadAttempt, failures: int) -> UploadAttempt:
    kept = [a.to_json() for a in attempts(db)]
    kept.insert(0, attempt.to_json())
    with db.write() as session:
        set_state(session, ATTEMPTS, json.dumps(kept[:KEEP_ATTEMPTS], ensure_ascii=False))
        set_state(
            session,
            SCHEDULE,
            json.dumps(
                {
                    "failures": failures,
                    "next_at": attempt.next_at.isoformat(timespec="seconds")
                    if attempt.next_at
                    else None,
                }
            ),
        )
    return attempt


def _failed(db: Database, outcome: str, text: str, **args: Any) -> UploadAttempt:
    failures, _next = _schedule(db)
    failures += 1
    wait = float(args.pop("min_wait_s", 0.0))
    delay = max(backoff_s(failures), wait)
    now = utcnow()
    attempt = UploadAttempt(
        now, False, outcome, text, {**args, "delay_s": round(delay)}, now + timedelta(seconds=delay)
    )
    return _record(db, attempt, failures)


def _succeeded(
    db: Database, outcome: str, text: str, *, rows: int, acked: int, version: int, **args: Any
) -> UploadAttempt:
    now = utcnow()
    attempt = UploadAttempt(
        now,
        True,
        outcome,
        text,
        {**args, "rows": rows},
        now + timedelta(seconds=POLL_S),
        rows,
        acked,
        version,
    )
    return _record(db, attempt, 0)


def no_hub_attempt(db: Database) -> UploadAttempt:
    """Not an attempt at all (kept out of the list): there is no hub to upload to."""
    return UploadAttempt(utcnow(), False, "no_hub", NO_HUB)


# --- the outbox ------------------------------------------------------------------------


def outbox(data_dir: DataDir) -> Path:
    return data_dir.root / OUTBOX


def _outbox_files(data_dir: DataDir) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    folder = outbox(data_dir)
    if not folder.is_dir():
        return []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            found.append((path, open_envelope(path).manifest))
        except DomainError:  # a damaged leftover (a crash mid-write leaves only temp names)
            path.unlink(missing_ok=True)
    return found


def _clean_outbox(data_dir: DataDir, incarnation: str, acked: int) -> None:
    """Delete the outbox files the township's acknowledgement covers."""
    for path, manifest in _outbox_files(data_dir):
        if manifest.get("incarnation") != incarnation or int(manifest["seq_to"]) <= acked:
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Prepared:
    """The first half of an attempt: the file to send (None: nothing waits), or a failure."""

    path: Path | None = None
    rows: int = 0
    failure: UploadAttempt | None = None


def prepare_upload(db: Database, data_dir: DataDir) -> Prepared:
    """The outbox file of everything pending (exported now or reused), or nothing."""
    status = sync_status(db)
    _clean_outbox(data_dir, status.incarnation, status.acked_seq)
    if not status.waiting or status.current_seq <= _int_state(db, QUIET_SEQ):
        # nothing, or only the audit entry of the config import the last attempt made:
        # sent with the next real change, else every acknowledgement (a new package,
        # a new audit entry) would make another upload, forever
        return Prepared()
    for path, manifest in reversed(_outbox_files(data_dir)):
        if (
            manifest.get("incarnation") == status.incarnation
            and int(manifest["seq_to"]) == status.current_seq
            and int(manifest["seq_from"]) <= status.acked_seq + 1
        ):
            rows = sum(
                int(n)
                for table, n in manifest.get("counts", {}).items()
                if table not in (ANCHOR, PERSON_HASH)
            )
            return Prepared(path, rows)
    folder = outbox(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        summary = export_sync(db, data_dir, folder)
    except (DomainError, OSError) as exc:
        return Prepared(failure=_failed(db, "export_failed", EXPORT_FAILED, why=str(exc)))
    for path, _manifest in _outbox_files(data_dir):  # the new file supersedes older ones
        if path != summary.path:
            path.unlink(missing_ok=True)
    return Prepared(summary.path, summary.rows)


# --- the network -----------------------------------------------------------------------


class _Failure(Exception):
    def __init__(self, outcome: str, text: str, **args: Any) -> None:
        super().__init__(outcome)
        self.outcome = outcome
        self.text = text
        self.args_ = args


def make_client() -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(READ_S, connect=CONNECT_S, pool=CONNECT_S),
        follow_redirects=False,
        trust_env=False,
    )


def _language_header(language: str) -> dict[str, str]:
    return {"Accept-Language": "en" if language.lower().startswith("en") else "zh-CN"}


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE" in str(seen).upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _network_failure(exc: httpx.HTTPError) -> _Failure:
    if _is_tls(exc):
        return _Failure("tls", TLS)
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return _Failure("unreachable", UNREACHABLE)
    if isinstance(exc, httpx.TimeoutException):
        return _Failure("timeout", TIMEOUT)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return _Failure("not_hub", NOT_A_HUB)
    return _Failure("broken", BROKEN)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise httpx.ReadTimeout("the whole exchange took too long")


def _file_chunks(path: Path, deadline: _Deadline) -> Iterator[bytes]:
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            deadline.check()
            yield chunk


@dataclass
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes

    def json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return {}
        return data if isinstance(data, dict) else {}


def _exchange(
    client: httpx.Client,
    method: str,
    url: str,
    deadline: _Deadline,
    *,
    headers: dict[str, str],
    content: Any = None,
    limit: int = 1024**2,
) -> _Answer:
    """One request, its answer read whole (at most *limit* bytes) before *deadline*."""
    try:
        request = client.build_request(method, url, headers=headers, content=content)
        response = client.send(request, stream=True)
        try:
            body = bytearray()
            for chunk in response.iter_bytes():
                deadline.check()
                body += chunk
                if len(body) > limit:
                    raise _Failure("not_hub", NOT_A_HUB)
            return _Answer(response.status_code, response.headers, bytes(body))
        finally:
            response.close()
    except httpx.HTTPError as exc:
        raise _network_failure(exc) from exc


def _error_failure(answer: _Answer, *, upload: bool) -> _Failure:
    """The hub's error answer as a failure in words."""
    data = answer.json()
    error = str(data.get("error", ""))
    message = str(data.get("message", "")).strip()
    if answer.status == 403 or error == "revoked":
        return _Failure("revoked", REVOKED)
    if error == "unknown_station":
        return _Failure("unknown_station", UNKNOWN_STATION)
    if answer.status == 413:
        return _Failure("too_large", TOO_LARGE)
    if answer.status == 503:
        try:
            wait = float(answer.headers.get("Retry-After", "0"))
        except ValueError:
            wait = 0.0
        return _Failure("busy", BUSY, min_wait_s=min(max(wait, 0.0), BACKOFF_MAX_S))
    if answer.status == 422 and upload:
        return _Failure("refused", REFUSED, why=message or error)
    if error == "clock":
        return _Failure("clock", CLOCK)
    if answer.status == 401:
        return _Failure("signature", SIGNATURE)
    if not data:
        return _Failure("not_hub", NOT_A_HUB)
    return _Failure("http", UNEXPECTED, status=answer.status)


def _post_file(
    client: httpx.Client, base: str, path: Path, deadline: _Deadline, language: str
) -> dict[str, Any]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _Failure("too_large", TOO_LARGE)
    answer = _exchange(
        client,
        "POST",
        base + SYNC_FILES,
        deadline,
        headers={
            "Content-Type": "application/octet-stream",
            "Content-Length": str(size),
            "X-Wb-File-Name": path.name,
            **_language_header(language),
        },
        content=_file_chunks(path, deadline),
    )
    if answer.status != 200:
        raise _error_failure(answer, upload=True)
    data = answer.json()
    if data.get("status") not in ("imported", "already_imported"):
        raise _Failure("not_hub", NOT_A_HUB)
    return data


def _int_state(db: Database, key: str) -> int:
    raw = get_state(db, key) or "0"
    return int(raw) if raw.isdigit() else 0


def _clock_offset(db: Database) -> float:
    try:
        return float(get_state(db, CLOCK_OFFSET) or 0.0)
    except ValueError:
        return 0.0


def _get_config(
    db: Database,
    data_dir: DataDir,
    client: httpx.Client,
    base: str,
    deadline: _Deadline,
    language: str,
) -> _Answer:
    """The signed GET of the config package; a ``clock`` answer heals the offset once."""
    code = get_station(db).code
    signing = keys.load_keys(data_dir.keys).signing
    offset = _clock_offset(db)
    for again in (False, True):
        headers = sign_request(signing, code, "GET", CONFIG, b"", clock_offset_s=offset)
        answer = _exchange(
            client,
            "GET",
            base + CONFIG,
            deadline,
            headers={**headers, **_language_header(language)},
            limit=CONFIG_LIMIT,
        )
        if answer.status == 401 and answer.json().get("error") == "clock" and not again:
            try:
                server_time = float(answer.json()["server_time"])
            except (KeyError, TypeError, ValueError):
                raise _Failure("clock", CLOCK) from None
            offset = server_time - time.time()
            with db.write() as session:
                set_state(session, CLOCK_OFFSET, repr(offset))
            continue
        return answer
    raise AssertionError("unreachable")  # pragma: no cover


def _apply_config(db: Database, data_dir: DataDir, answer: _Answer) -> int:
    """Apply the package when it is newer than the one in force; its version, else 0."""
    if answer.status == 204:
        return 0
    if answer.status != 200:
        raise _error_failure(answer, upload=False)
    try:
        offered = int(answer.headers.get("X-Wb-Config-Version", "0"))
    except ValueError:
        offered = 0
    if offered and offered <= sync_config.config_status(db).version:
        return 0
    with tempfile.TemporaryDirectory(prefix="wb-config-") as tmp:
        path = Path(tmp) / f"hub_config_{offered or 'new'}{sync_config.SUFFIX}"
        path.write_bytes(answer.body)
        try:
            applied = sync_config.import_config(db, data_dir, path)
        except DomainError as exc:
            raise _Failure("config_refused", CONFIG_REFUSED, why=str(exc)) from exc
    return applied.version


def send_prepared(
    db: Database,
    data_dir: DataDir,
    base_url: str,
    prepared: Prepared,
    *,
    client: httpx.Client | None = None,
    language: str = "zh_CN",
) -> UploadAttempt:
    """The network half of an attempt: upload the prepared file, fetch the config."""
    if prepared.failure is not None:
        return prepared.failure
    base = check_hub_url(base_url)
    if not base:
        return no_hub_attempt(db)
    own = client is None
    http = client if client is not None else make_client()
    deadline = _Deadline(TOTAL_S)
    before = sync_status(db).acked_seq
    try:
        if prepared.path is not None:
            _post_file(http, base, prepared.path, deadline, language)
        version = _apply_config(
            db, data_dir, _get_config(db, data_dir, http, base, deadline, language)
        )
    except _Failure as failure:
        return _failed(db, failure.outcome, failure.text, **failure.args_)
    finally:
        if own:
            http.close()
    status = sync_status(db)
    if status.acked_seq != before or version:
        with db.write() as session:
            set_state(session, LAST_ACK_AT, utcnow().isoformat(timespec="seconds"))
            if version:
                set_state(session, QUIET_SEQ, str(status.current_seq))
    _clean_outbox(data_dir, status.incarnation, status.acked_seq)
    if prepared.path is None:
        return _succeeded(
            db,
            "nothing",
            NOTHING,
            rows=0,
            acked=status.acked_seq,
            version=version,
            seq=status.acked_seq,
        )
    if status.waiting and prepared.path.exists():
        return _succeeded(
            db,
            "uploaded",
            UPLOADED_NO_ACK,
            rows=prepared.rows,
            acked=status.acked_seq,
            version=version,
        )
    return _succeeded(
        db,
        "uploaded",
        UPLOADED,
        rows=prepared.rows,
        acked=status.acked_seq,
        version=version,
        seq=status.acked_seq,
    )


def upload_pending(
    db: Database,
    data_dir: DataDir,
    hub_url: str,
    *,
    client: httpx.Client | None = None,
    language: str = "zh_CN",
) -> UploadAttempt:
    """One whole attempt (prepare, then send); see the module docstring."""
    if not check_hub_url(hub_url):
        return no_hub_attempt(db)
    return send_prepared(
        db, data_dir, hub_url, prepare_upload(db, data_dir), client=client, language=language
    )


def check_connection(base_url: str, *, client: httpx.Client | None = None) -> tuple[bool, str]:
    """``GET /api/v1/health``: whether a township server answers there, in words."""
    base = check_hub_url(base_url)
    own = client is None
    http = client if client is not None else make_client()
    try:
        answer = _exchange(http, "GET", base + HEALTH, _Deadline(CONNECT_S + READ_S), headers={})
        data = answer.json()
        if answer.status != 200 or data.get("status") != "ok":
            return False, translate(C, HEALTH_FAILED, why=translate(C, HEALTH_NOT_HUB))
        try:
            when = datetime.fromtimestamp(float(data.get("time", 0)), UTC).strftime("%H:%M:%S")
        except (TypeError, ValueError, OverflowError):
            when = "—"
        return True, translate(C, HEALTH_OK, township=str(data.get("township", "")), time=when)
    except _Failure as failure:
        why = {
            "unreachable": HEALTH_UNREACHABLE,
            "timeout": HEALTH_TIMEOUT,
            "tls": HEALTH_TLS,
        }.get(failure.outcome, HEALTH_NOT_HUB)
        return False, translate(C, HEALTH_FAILED, why=translate(C, why))
    finally:
        if own:
            http.close()
