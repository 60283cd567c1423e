"""The station database: engine, PRAGMAs, sessions and transactions.

DESIGN §3.  One SQLite file per station in WAL mode with ``synchronous=FULL``
(a committed ledger entry survives a power cut), ``foreign_keys=ON`` and a
``busy_timeout`` so the GUI's reader threads and the single writer wait for
each other instead of failing.

pysqlite's own transaction handling is switched off and ``BEGIN`` is emitted
here, so that write transactions start with ``BEGIN IMMEDIATE``: the write lock
is taken up front and two writers can never deadlock on a lock upgrade.

Services receive a :class:`Database` and open exactly one transaction per user
action with :meth:`Database.write`; reads use :meth:`Database.read`.

**The write lane.**  Inside one program, write transactions on a file take
turns through a first-come-first-served lane (:class:`_WriteLane`) before
SQLite's own lock.  SQLite's busy handler only retries now and then, so a long
job that commits chunk after chunk (a roster import) could otherwise take the
lock again before a waiting redemption ever sees it free; with the lane the
counter and the kiosk wait for at most one chunk.  A long job names itself
with :meth:`Database.busy_with`, so when a write must give up (another
*program* held the file past ``busy_timeout``) its message says what is running.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from app.i18n import QT_TRANSLATE_NOOP
from app.models.base import OWN_STATION, REPLICATING, STATION_ID

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "wb_immediate"

WRITE_CHECKS: list[Callable[[Session], None]] = []
"""Called at the start of every write transaction, inside it; raising aborts the write.

The services register here (``app.services.auth`` re-checks the acting
operator's current role), so this module needs to know nothing above it.
"""
READ_CHECKS: list[Callable[[Session, bool], None]] = []
"""Called when a read session opens (``False``) and closes (``True``)."""

SCOPE = "wb_station_scope"
"""session.info: the station an explicit station context limits ORM reads to."""


@event.listens_for(Session, "do_orm_execute")
def _scope_to_station(state: ORMExecuteState) -> None:
    """In an explicit station context, ORM queries see that station's rows only.

    A hub's database holds many stations' rows; a :class:`Database` opened
    for one of them (``Database(..., station_id=...)``) makes every ORM select
    of a syncable table (lists, searches, lookups by id) that station's.  The
    station table itself stays whole (every station is known), and a
    replicating transaction sees everything.  A station's own file, with no
    explicit context, is not filtered: its queries and their plans are as
    they were.
    """
    station = state.session.info.get(SCOPE)
    if (
        station is None
        or not state.is_select
        or state.is_column_load
        or state.is_relationship_load
        or state.session.info.get(REPLICATING)
    ):
        return
    state.statement = state.statement.options(
        *(
            with_loader_criteria(cls, lambda c: c.station_id == station, include_aliases=True)
            for cls in _scoped_classes()
        )
    )


def _scoped_classes() -> list[type]:
    from app.models import Base, Station, load_all
    from app.models.base import Syncable

    if not _SCOPED:
        load_all()
        _SCOPED.extend(
            m.class_
            for m in Base.registry.mappers
            if issubclass(m.class_, Syncable) and m.class_ is not Station
        )
    return _SCOPED


_SCOPED: list[type] = []


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA trusted_schema = OFF")
    cur.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file *path* with the station's PRAGMAs."""
    if read_only:
        url = f"sqlite+pysqlite:///file:{Path(path).as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite+pysqlite:///{Path(path).as_posix()}"
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


FAILED_ITS_CHECK = QT_TRANSLATE_NOOP(
    "errors",
    "The station database failed its check, so nothing is written to it. Problem found: {problem}",
)
LANE_TIMEOUT_S = 60.0
GATE_TIMEOUT_S = 600.0  # the start-up check of a file of several GB takes seconds, not minutes


class _WriteLane:
    """A re-entrant first-come-first-served lock: writers take turns in arrival order."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._queue: deque[int] = deque()
        self._owner: int | None = None
        self._depth = 0
        self.busy_with = ""  # what the long job holding the lane is (for messages)

    def acquire(self, timeout: float) -> bool:
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return True
            self._queue.append(me)
            ok = self._cond.wait_for(
                lambda: self._owner is None and self._queue[0] == me, timeout=timeout
            )
            if not ok:
                self._queue.remove(me)
                self._cond.notify_all()
                return False
            self._queue.popleft()
            self._owner, self._depth = me, 1
            return True

    def release(self) -> None:
        with self._cond:
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._cond.notify_all()


_lanes: dict[Path, _WriteLane] = {}
_lanes_lock = threading.Lock()


def _lane(path: Path) -> _WriteLane:
    key = path.resolve()
    with _lanes_lock:
        return _lanes.setdefault(key, _WriteLane())


def _busy_error(what: str) -> Exception:
    from app.errors import Busy

    if what:
        return Busy(
            QT_TRANSLATE_NOOP(
                "errors",
                "The station's data is busy: {what} is running. Please try again in a moment.",
            ),
            what=what,
        )
    return Busy(
        QT_TRANSLATE_NOOP(
            "errors",
            "The station's data is busy (another program is writing to it). "
            "Please try again in a moment.",
        )
    )


class Database:
    """A station database and its session factories, for one station context.

    *path* is the station's SQLite file.  A hub (many stations' rows in one
    database, maybe PostgreSQL) passes its own *engine*; *path* then only names
    the database (its write lane, the folder of its anchor file).  *station_id*
    is the station the services work for; by default the PC's own
    (:attr:`station_id`).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        engine: Engine | None = None,
        station_id: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.engine = engine if engine is not None else make_engine(self.path, read_only=read_only)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )
        # writes wait while the start-up check of the file runs (hold_writes)
        self._writable = threading.Event()
        self._writable.set()
        self._refusal: str | None = None
        self._station_id: str | None = station_id
        self._fixed_station = station_id is not None
        self._lane = _lane(self.path) if not read_only else None

    @contextmanager
    def busy_with(self, what: str) -> Iterator[None]:
        """Name the long job running now (translated text), for the messages of writers."""
        lane = self._lane
        if lane is None:
            yield
            return
        before, lane.busy_with = lane.busy_with, what
        try:
            yield
        finally:
            lane.busy_with = before

    @property
    def scoped(self) -> bool:
        """Opened for an explicit station (a hub's view of one of its stations)."""
        return self._fixed_station

    @property
    def station_id(self) -> str | None:
        """The station the services work for: the explicit context, else the PC's own.

        A database may hold many stations' rows (a township's hub receives
        its stations'), so "this station" is never "the first station row":
        the PC's own is the id stored at set-up in ``local_state`` (schema
        0006 stores it for every older single-station file).  A file without
        that mark that holds exactly one station (a pre-0006 backup opened
        read-only) is that station's; any other has no station (``None``).
        """
        if self._station_id is None:
            from app.models.base import LocalState
            from app.models.station import Station

            with self._read() as s:
                own = s.get(LocalState, OWN_STATION)
                if own is not None and own.value:
                    self._station_id = own.value
                else:
                    ids = s.scalars(select(Station.id).limit(2)).all()
                    self._station_id = ids[0] if len(ids) == 1 else None
        return self._station_id

    def forget_station(self) -> None:
        if not self._fixed_station:
            self._station_id = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is committed."""
        with self._read() as session:
            session.info[STATION_ID] = self.station_id
            if self._fixed_station:
                session.info[SCOPE] = self._station_id
            for check in READ_CHECKS:
                check(session, False)
            try:
                yield session
            finally:
                for check in READ_CHECKS:
                    check(session, True)

    def hold_writes(self) -> None:
        """Make every write wait until :meth:`allow_writes` or :meth:`refuse_writes`.

        Start-up opens the file for reading (the sign-in dialog, the station's
        name) while ``PRAGMA quick_check`` runs on a worker: seconds on a file of
        several GB.  A damaged file must never be written, so writes wait here
        for the verdict rather than the sign-in dialog for the check."""
        self._writable.clear()

    def allow_writes(self) -> None:
        """The check passed: waiting and later writes go ahead."""
        self._refusal = None
        self._writable.set()

    def refuse_writes(self, problem: str) -> None:
        """The check failed: waiting and later writes raise IntegrityProblem."""
        self._refusal = problem
        self._writable.set()

    def _wait_until_writable(self) -> None:
        if not self._writable.is_set() and not self._writable.wait(GATE_TIMEOUT_S):
            from app.i18n import translate

            raise _busy_error(translate("errors", "the start-up check of the station's data"))
        if self._refusal is not None:
            from app.errors import IntegrityProblem

            raise IntegrityProblem(FAILED_ITS_CHECK, problem=self._refusal)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back on any exception."""
        if self.read_only or self._lane is None:
            raise RuntimeError("database opened read-only")
        self._wait_until_writable()
        lane = self._lane
        if not lane.acquire(LANE_TIMEOUT_S):
            raise _busy_error(lane.busy_with)
        try:
            with self._write() as session:
                session.info[STATION_ID] = self.station_id
                if self._fixed_station:
                    session.info[SCOPE] = self._station_id
                try:
                    with session.begin():
                        for check in WRITE_CHECKS:
                            check(session)
                        yield session
                except OperationalError as exc:
                    if "locked" in str(exc) or "busy" in str(exc):
                        raise _busy_error(lane.busy_with) from exc
                    raise
        finally:
            lane.release()

    @contextmanager
    def replicating(self) -> Iterator[Session]:
        """A write transaction that stores rows made by another station as they come.

        The stamping hook keeps each row's ``row_version``, ``change_seq``,
        ``created_at``, ``updated_at`` and ``station_id``, and the audit log
        neither seals nor chains them: their seals and their chain are the
        origin station's and arrive with them.
        """
        with self.write() as session:
            session.info[REPLICATING] = True  # cleared when the transaction ends
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
