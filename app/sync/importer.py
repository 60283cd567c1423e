"""乡镇导入 — a township applies its stations' sync files, exactly once (DESIGN §5).

The township is just another database (its own station row, mode
``township``).  :func:`import_file` treats a file as hostile input:

1. the zip's shape and the manifest (:func:`app.sync.envelope.open_envelope`);
   a file whose SHA-256 is in ``sync_import_log`` is a no-op whose verdict
   says when it was first imported;
2. the station must be enrolled here, and the manifest signed by *its*
   enrolled key (a file of station A presented as B's is refused, naming A);
3. the format and schema version must be this program's (older or newer:
   refused, saying which side to update);
4. the payload is copied out only when its size and SHA-256 match the signed
   manifest, opened read-only with ``trusted_schema=OFF`` and must hold
   exactly the expected tables and columns; its rows must all be the
   station's own, inside the file's sequence range, personal data blank, and
   its counts and control totals must equal the manifest's.

Then one transaction (:meth:`Database.replicating`, which keeps the rows'
stamps) applies it: mutable rows are upserted by id only when the incoming
``row_version`` is higher; ledger rows (append-only tables) are inserted once
by id; a row whose id exists with other content at the same version, whose id
belongs to another station, or that breaks a unique key (an audit chain
forked by a restored station) is put in ``sync_quarantine`` — shown, never
applied.  The control totals are re-checked on what was stored (a mismatch
rolls everything back), the file's ``change_seq`` range is recorded per
station incarnation (gaps are reported until a later file covers them; the
acknowledgement is the highest contiguous sequence), a new incarnation (a
station restored from a backup) is noticed, and the station's audit chain is
verified onward from where the previous files left it.

A ``progress(done, total)`` callable is told how far it got and a
``cancelled()`` callable may stop it: nothing of a cancelled or failed file
is kept.

The payload side is SQLite (the payload is a SQLite file); the township's side
is any database a :class:`Database` opens — a township PC's SQLite file or a
hub's PostgreSQL.  Its statements are plain SQL both run, set-based: per table
one join classifies the rows whose id is held already, one ``INSERT … SELECT``
adds the new ones and one ``INSERT … ON CONFLICT (id) DO UPDATE … WHERE
row_version`` takes the newer versions; a statement a row breaks is redone row
by row so that row alone is quarantined.  One station's files are applied one
after another: SQLite's ``BEGIN IMMEDIATE`` holds the file's only write lock,
PostgreSQL takes a per-station advisory lock; a file another process imported
meanwhile gets the "already imported" verdict.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.db import Database
from app.db.dialect import driver_sql, is_sqlite
from app.db.migrate import head_revision, known_revisions
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import Base, Station, StationMode, load_all, utcnow
from app.models.base import append_only_tables, syncable_tables
from app.models.sync import (
    SyncAck,
    SyncCoverage,
    SyncImportLog,
    SyncQuarantine,
    SyncStation,
)
from app.services import audit
from app.sync.envelope import (
    ANCHOR,
    CONTROL_COLUMNS,
    FORMAT,
    PERSON_HASH,
    SUFFIX,
    Envelope,
    open_envelope,
    open_payload,
    payload_tables,
    quote,
)
from app.sync.errors import (
    SchemaMismatch,
    SyncFileRefused,
    UnknownStation,
    WrongStationKey,
    bad_payload,
)
from app.sync.errors import (
    cancelled as cancelled_error,
)
from app.sync.export import PERSON_TABLES, Cancelled, Progress

_CHUNK = 500
_BLANK_COLUMNS = ("id_number", "phone")

Range = tuple[int, int]


@dataclass(frozen=True)
class Verdict:
    """What happened to one file (a sentence for the page and the CLI, and the facts)."""

    file: str
    status: str  # "imported", "already", "refused"
    message: str
    station_code: str = ""
    applied: int = 0
    skipped: int = 0
    quarantined: int = 0
    gaps: tuple[Range, ...] = ()
    new_incarnation: bool = False
    first_imported_at: datetime | None = None
    chain: str = ""
    error: DomainError | None = field(default=None, compare=False)


def format_gaps(gaps: Iterable[Range]) -> str:
    words = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in gaps)
    return translate("sync", _MISSING, ranges=words)


_MISSING = QT_TRANSLATE_NOOP("sync", "Missing sequence {ranges}.")
_VERIFIED = QT_TRANSLATE_NOOP("sync", "Audit chain verified to #{seq}.")
_ALREADY = QT_TRANSLATE_NOOP(
    "sync", "{file}: already imported on {when} (UTC); nothing was changed."
)
_IMPORTED = QT_TRANSLATE_NOOP(
    "sync", "{file}: imported {rows} rows from station {code} (sequence {a}–{b})."
)
_HELD = QT_TRANSLATE_NOOP("sync", "{n} rows held back for checking (quarantine).")

_CHAIN_WORDS = {
    "fork": QT_TRANSLATE_NOOP(
        "sync", "The audit chain forked at #{seq} (the station was restored from a backup)."
    ),
    "broken": QT_TRANSLATE_NOOP(
        "sync", "The audit chain is broken at #{seq}: the station's history was edited."
    ),
    "anchor": QT_TRANSLATE_NOOP(
        "sync", "The audit chain differs from the station's signed anchor at #{seq}."
    ),
    "anchor-signature": QT_TRANSLATE_NOOP(
        "sync", "A signed anchor of the audit chain does not verify."
    ),
}


def chain_text(problem: str, verified_seq: int) -> str:
    """The audit chain's state in words (*problem* as stored in ``sync_station``)."""
    if not problem:
        return translate("sync", _VERIFIED, seq=verified_seq)
    kind, _, seq = problem.partition(":")
    return translate("sync", _CHAIN_WORDS.get(kind, _CHAIN_WORDS["broken"]), seq=seq)


# --- coverage, gaps and acknowledgements ---------------------------------------------


def _merge(ranges: Iterable[Range]) -> list[Range]:
    merged: list[list[int]] = []
    for a, b in sorted(r for r in ranges if r[0] <= r[1]):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def contiguous(ranges: Iterable[Range]) -> int:
    merged = _merge(ranges)
    return merged[0][1] if merged and merged[0][0] <= 1 else 0


def gaps_of(ranges: Iterable[Range]) -> list[Range]:
    merged = _merge(ranges)
    found: list[Range] = []
    upto = 0
    for a, b in merged:
        if a > upto + 1:
            found.append((upto + 1, a - 1))
        upto = max(upto, b)
    return found


def _ranges(session: Session, station_id: str, incarnation: str) -> list[Range]:
    return [
        (a, b)
        for a, b in session.execute(
            select(SyncCoverage.seq_from, SyncCoverage.seq_to).where(
                SyncCoverage.station_id == station_id, SyncCoverage.incarnation == incarnation
            )
        )
    ]


@dataclass(frozen=True)
class StationSyncState:
    """One enrolled station as the township sees it (the 站点 list)."""

    station_id: str
    code: str
    name: str
    fingerprint: str
    incarnation: str
    acked_seq: int
    gaps: tuple[Range, ...]
    incarnations: int
    last_import_at: datetime | None
    files: int
    quarantined: int
    chain_seq: int
    chain_problem: str


def station_states(db: Database) -> list[StationSyncState]:
    """Every enrolled station's sync state, by code.

    A handful of grouped queries whatever the number of stations (a county's
    hub has 2,500): per station the newest import and the file count, the
    quarantined rows, the incarnations seen, and the coverage ranges of the
    acknowledged incarnation (the gaps).
    """
    from sqlalchemy import func

    with db.read() as session:
        enrolled = list(session.scalars(select(SyncStation).order_by(SyncStation.code)))
        acks = {a.station_id: a for a in session.scalars(select(SyncAck))}
        logs = {
            sid: (last, int(n))
            for sid, last, n in session.execute(
                select(
                    SyncImportLog.station_id, func.max(SyncImportLog.imported_at), func.count()
                ).group_by(SyncImportLog.station_id)
            )
        }
        quarantined = _per_station_count(session, SyncQuarantine.station_id, func.count())
        seen = _per_station_count(
            session, SyncCoverage.station_id, func.count(func.distinct(SyncCoverage.incarnation))
        )
        # the gaps lie past the acknowledged sequence (it is the contiguous start of the
        # acknowledged incarnation's coverage, set at every import): only the ranges
        # beyond it are read — a few per station, not a year of files — each kept when
        # of the acknowledged incarnation (a correlated lookup by sync_ack's key; a join
        # is planned as nested scans when SQLite's statistics are stale)
        acked_seq = (
            select(SyncAck.acked_seq)
            .where(
                SyncAck.station_id == SyncCoverage.station_id,
                SyncAck.incarnation == SyncCoverage.incarnation,
            )
            .scalar_subquery()
        )
        ranges: dict[str, list[Range]] = {
            sid: [(1, a.acked_seq)] if a.acked_seq > 0 else [] for sid, a in acks.items()
        }
        for sid, first, last_seq in session.connection().execute(
            select(SyncCoverage.station_id, SyncCoverage.seq_from, SyncCoverage.seq_to).where(
                SyncCoverage.seq_to > acked_seq
            )
        ):
            ranges[sid].append((first, last_seq))
    states = []
    for st in enrolled:
        ack = acks.get(st.station_id)
        last, files = logs.get(st.station_id, (None, 0))
        states.append(
            StationSyncState(
                st.station_id,
                st.code,
                st.name,
                st.fingerprint,
                ack.incarnation if ack else "",
                ack.acked_seq if ack else 0,
                tuple(gaps_of(ranges.get(st.station_id, []))) if ack else (),
                seen.get(st.station_id, 0),
                last,
                files,
                quarantined.get(st.station_id, 0),
                st.chain_seq,
                st.chain_problem,
            )
        )
    return states


def _per_station_count(session: Session, column: Any, count: Any) -> dict[str, int]:
    return {sid: int(n or 0) for sid, n in session.execute(select(column, count).group_by(column))}


def acknowledgements(db: Database) -> dict[str, tuple[str, int]]:
    """Per station id: (incarnation, acknowledged sequence) — what a config package carries."""
    with db.read() as session:
        return {
            a.station_id: (a.incarnation, a.acked_seq) for a in session.scalars(select(SyncAck))
        }


# --- refusals ------------------------------------------------------------------------


def _not_township() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This PC is set up as a village station; sync files are imported at the township "
            "(乡镇实践所).",
        )
    )


def _check_version(env: Envelope) -> None:
    m = env.manifest
    ours = head_revision()
    if m["format"] != FORMAT or m["schema"] != ours:
        if m["format"] < FORMAT or (m["format"] == FORMAT and m["schema"] in known_revisions()):
            raise SchemaMismatch(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} was written by an older version of the program at the station "
                    "(data version {theirs}; this PC has {ours}). Update the program at the "
                    "station and export again; nothing was imported.",
                ),
                file=env.name,
                theirs=m["schema"],
                ours=ours,
            )
        raise SchemaMismatch(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} was written by a newer version of the program (data version {theirs}; "
                "this PC has {ours}). Update the program on this PC first; nothing was imported.",
            ),
            file=env.name,
            theirs=m["schema"],
            ours=ours,
        )


def _public_key(hex_key: str) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(hex_key))
    except ValueError:
        return None


def _check_signature(session: Session, env: Envelope) -> SyncStation:
    m = env.manifest
    station = session.get(SyncStation, m["station_id"])
    if station is None or station.code != m["station_code"]:
        raise UnknownStation(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} comes from station {code}, which is not enrolled at this township. "
                "Enrol the station with its enrolment file first; nothing was imported.",
            ),
            file=env.name,
            code=m["station_code"],
        )
    key = _public_key(station.public_key)
    if key is not None and env.signed_by(key):
        return station
    for other in session.scalars(select(SyncStation)):
        other_key = _public_key(other.public_key)
        if other.station_id != station.station_id and other_key and env.signed_by(other_key):
            raise WrongStationKey(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} says it comes from station {code}, but it was signed by station "
                    "{signer} ({signer_name}). It was not imported.",
                ),
                file=env.name,
                code=station.code,
                signer=other.code,
                signer_name=other.name,
            )
    raise WrongStationKey(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is not signed with the key enrolled for station {code} (it was changed, or "
            "made by another PC). It was not imported.",
        ),
        file=env.name,
        code=station.code,
    )


def _check_content(con: sqlite3.Connection, env: Envelope) -> None:
    """The payload says what the signed manifest says, and holds only the station's rows."""
    m = env.manifest
    name = env.name
    tables = payload_tables()
    problems: list[str] = []
    if set(m["counts"]) != set(tables):
        problems.append("the manifest's row counts do not name the tables")
    own = m["station_id"]
    lower = 0 if m.get("full") else m["base_seq"]
    for table in tables:
        count = con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
        if m["counts"].get(table) != count:
            problems.append(f"{table}: {count} rows, the manifest says {m['counts'].get(table)}")
    for table in syncable_tables():
        q = quote(table)
        foreign = con.execute(
            f"SELECT count(*) FROM {q} WHERE station_id IS NOT ? OR id IS NULL "
            "OR typeof(id) != 'text' OR typeof(row_version) != 'integer' "
            "OR typeof(change_seq) != 'integer' OR change_seq <= ? OR change_seq > ?",
            (own, lower, m["seq_to"]),
        ).fetchone()[0]
        if foreign:
            problems.append(f"{table}: {foreign} rows not of this station or outside its range")
        if table in PERSON_TABLES:
            cols = [c for c in _BLANK_COLUMNS if c in tables[table]]
            cond = " OR ".join(f"{quote(c)} != ''" for c in cols)
            if cond and con.execute(f"SELECT count(*) FROM {q} WHERE {cond}").fetchone()[0]:
                problems.append(f"{table}: full personal data")
    if con.execute("SELECT count(*) FROM station WHERE id != station_id").fetchone()[0]:
        problems.append("station: a row of another station")
    if con.execute(
        f"SELECT count(*) FROM {ANCHOR} WHERE station_id IS NOT ? OR typeof(seq) != 'integer'",
        (own,),
    ).fetchone()[0]:
        problems.append("audit_anchor: an anchor of another station")
    marks = ", ".join("?" for _ in PERSON_TABLES)
    orphans = " ".join(
        f"OR (table_name = '{t}' AND row_id NOT IN (SELECT id FROM {quote(t)}))"
        for t in PERSON_TABLES
    )
    bad_hash = con.execute(
        f"SELECT count(*) FROM {PERSON_HASH} WHERE table_name NOT IN ({marks}) "
        f"OR field NOT IN ('id_number', 'phone') OR typeof(hash) != 'text' {orphans}",
        PERSON_TABLES,
    ).fetchone()[0]
    if bad_hash:
        problems.append("person_hash: rows that name no record of the file")
    for table, column in CONTROL_COLUMNS.items():
        total = con.execute(
            f"SELECT coalesce(sum({quote(column)}), 0) FROM {quote(table)}"
        ).fetchone()[0]
        if m["totals"].get(table) != total:
            problems.append(f"{table}: the control total does not match")
    if problems:
        raise bad_payload(name, "; ".join(problems[:4]))


# --- applying ------------------------------------------------------------------------
#
# The township's side is written through its SQLAlchemy connection with plain SQL that
# SQLite and PostgreSQL both run (``driver_sql`` rewrites ``?`` for psycopg).  The
# payload's rows reach the township's tables in set-based statements from a *source*
# relation: on SQLite the verified payload copy ATTACHed read-only to the township's
# connection (``trusted_schema=OFF`` holds for every connection of a Database); on
# PostgreSQL temporary tables filled from the payload with one COPY each.  The
# classification (new, identical, newer, older, same version with other content, another
# station's id, a ledger row changed) is one join per table; the few rows it holds back
# are read from the payload itself for the quarantine.


def _table_order() -> list[str]:
    load_all()
    synced = set(syncable_tables())
    return [t.name for t in Base.metadata.sorted_tables if t.name in synced]


def _jsonable(columns: Sequence[str], row: Sequence[Any]) -> str:
    return json.dumps(
        {c: (v.hex() if isinstance(v, bytes) else v) for c, v in zip(columns, row, strict=True)},
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


_ALIAS = "wb_payload"
_attached_serial = iter(range(1, 1 << 62))


# the page cache of the township's connection while it imports (KiB; SQLite's default is
# 2 MB): a township of millions of rows inserts into indexes far larger than that
IMPORT_CACHE_KIB = 256 * 1024
_CACHE_BEFORE = "wb_import_cache_before"


def _detach_payloads(dbapi_conn: Any, record: Any) -> None:
    """Pool check-in: drop the payload copies an import ATTACHed (outside its transaction),
    and give the connection its page cache size back."""
    if dbapi_conn is None:
        return
    try:
        for _seq, name, _file in dbapi_conn.execute("PRAGMA database_list").fetchall():
            if str(name).startswith(_ALIAS):
                dbapi_conn.execute(f"DETACH DATABASE {quote(name)}")
        before = record.info.pop(_CACHE_BEFORE, None) if record is not None else None
        if before is not None:
            dbapi_conn.execute(f"PRAGMA cache_size = {int(before)}")
    except sqlite3.Error:  # the connection is being discarded anyway
        pass


@cache
def _make_converters(table: str) -> list[tuple[int, Any]]:
    """The payload columns whose value (SQLite's stored form) needs converting to the Python
    value a driver binds: (position, converter) each; the other columns pass as they are."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    dialect = sqlite_dialect.dialect()
    columns = Base.metadata.tables[table].columns
    found = []
    for at, name in enumerate(payload_tables()[table]):
        processor = columns[name].type.dialect_impl(dialect).result_processor(dialect, None)
        if processor is not None:
            found.append((at, processor))
    return found


@cache
def _staging_columns(table: str) -> str:
    """The columns of *table*'s staging table on PostgreSQL, typed as the township's."""
    from sqlalchemy.dialects import postgresql

    model = Base.metadata.tables[table].columns
    return ", ".join(
        f"{quote(c)} {model[c].type.compile(dialect=postgresql.dialect())}"
        for c in payload_tables()[table]
    )


class _Target:
    """The township database inside one file's transaction, and where the payload is."""

    def __init__(self, conn: Connection, con: sqlite3.Connection, payload: Path) -> None:
        self.conn = conn
        self.con = con
        self.sqlite = is_sqlite(conn)
        self.staged: set[str] = set()
        self.schema = ""
        if self.sqlite:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            engine = conn.engine
            if not event.contains(engine, "checkin", _detach_payloads):
                event.listen(engine, "checkin", _detach_payloads)
            info = conn.connection.info
            if _CACHE_BEFORE not in info:
                info[_CACHE_BEFORE] = raw.execute("PRAGMA cache_size").fetchone()[0]
                raw.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            self.schema = f"{_ALIAS}{next(_attached_serial)}"
            raw.execute(
                f"ATTACH DATABASE ? AS {quote(self.schema)}",
                (f"file:{payload.as_posix()}?mode=ro",),
            )
            if not self._attached(raw, payload):
                # an SQLite built without URI file names took the URI for a file name:
                # attach the (private, already verified) copy by its plain path instead
                self.schema = f"{_ALIAS}{next(_attached_serial)}"
                raw.execute(f"ATTACH DATABASE ? AS {quote(self.schema)}", (str(payload),))
                if not self._attached(raw, payload):
                    raise RuntimeError("the payload copy could not be attached")

    def _attached(self, raw: sqlite3.Connection, payload: Path) -> bool:
        for _seq, name, file in raw.execute("PRAGMA database_list").fetchall():
            if name == self.schema:
                return bool(file) and Path(file).resolve() == payload.resolve()
        return False

    def sql(self, statement: str, params: Any = ()) -> Any:
        return driver_sql(self.conn, statement, params)

    def many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            driver_sql(self.conn, statement, rows)

    def same(self, a: str, b: str) -> str:
        """Null-safe equality (SQLite's ``IS`` predates ``IS NOT DISTINCT FROM``)."""
        return f"{a} IS {b}" if self.sqlite else f"{a} IS NOT DISTINCT FROM {b}"

    def source(self, table: str) -> str:
        """The relation holding the payload's rows of *table* (staged first on PostgreSQL)."""
        if self.sqlite:
            return f"{quote(self.schema)}.{quote(table)}"
        name = f"wb_in_{table}"
        if table not in self.staged:
            columns = payload_tables()[table]
            # made once per connection and emptied by every commit (a rollback takes its
            # rows back too): no catalogue rows written and dropped per file and table;
            # not analysed (the planner estimates a never-analysed table by its size)
            self.sql(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {quote(name)} "
                f"({_staging_columns(table)}) ON COMMIT DELETE ROWS"
            )
            self._copy(name, columns, self.payload_rows(table))
            self.staged.add(table)
        return quote(name)

    def _copy(self, name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """PostgreSQL: the rows into the staging table *name* with one ``COPY … FROM STDIN``
        on the transaction's own connection (one round trip, not one per row)."""
        import psycopg

        cursor = self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(
                f"COPY {quote(name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:  # raised as SQLAlchemy raises the driver's errors
            # (a DataError: a value the column's type cannot hold refuses the file; a
            # dropped connection is marked so, for the hub to import the file again)
            lost = self.conn.dialect.is_disconnect(
                exc,  # type: ignore[arg-type]
                self.conn.connection.dbapi_connection,
                cursor,
            )
            raise DBAPIError.instance(
                f"COPY {name}", None, exc, psycopg.Error, connection_invalidated=lost
            ) from exc
        finally:
            cursor.close()

    def payload_rows(
        self, table: str, ids: Sequence[str] | None = None, *, bound: bool = True
    ) -> list[tuple[Any, ...]]:
        """Rows of the payload (all, or those with *ids*), as the township's driver binds them."""
        columns = payload_tables()[table]
        col_list = ", ".join(quote(c) for c in columns)
        order = "seq, id" if table == "audit_entry" else "change_seq, id"
        if ids is None:
            rows = self.con.execute(
                f"SELECT {col_list} FROM {quote(table)} ORDER BY {order}"
            ).fetchall()
        else:
            rows = []
            for start in range(0, len(ids), _CHUNK):
                part = list(ids[start : start + _CHUNK])
                marks = ", ".join("?" * len(part))
                rows += self.con.execute(
                    f"SELECT {col_list} FROM {quote(table)} WHERE id IN ({marks}) ORDER BY {order}",
                    part,
                ).fetchall()
        if self.sqlite or not bound:
            return rows
        convert = _make_converters(table)
        if not convert:
            return rows
        converted: list[tuple[Any, ...]] = []
        try:
            for row in rows:
                values = list(row)
                for at, f in convert:
                    if values[at] is not None:
                        values[at] = f(values[at])
                converted.append(tuple(values))
        except (ValueError, TypeError, OverflowError) as exc:  # a date that is no date …
            raise _BadValue(table, exc) from exc
        return converted


class _BadValue(Exception):
    """A payload value the township's database cannot hold as its column's type."""

    def __init__(self, table: str, exc: Exception) -> None:
        super().__init__(f"{table}: {exc}"[:200])


@dataclass
class _Run:
    """The state of one file's transaction."""

    target: _Target
    station_id: str
    file_sha: str
    now: datetime
    applied: int = 0
    skipped: int = 0
    quarantined: int = 0
    held: dict[str, set[str]] = field(default_factory=dict)  # table -> quarantined ids
    forked_at: int | None = None

    def quarantine_ids(self, table: str, reasons: dict[str, str]) -> None:
        """Hold back the payload's rows *reasons* names (id -> why), read from the payload."""
        if not reasons:
            return
        columns = payload_tables()[table]
        col_list = ", ".join(quote(c) for c in columns)
        ids = list(reasons)
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            for row in self.target.con.execute(
                f"SELECT {col_list} FROM {quote(table)} WHERE id IN ({marks}) "
                "ORDER BY change_seq, id",
                part,
            ):
                self.quarantine(table, columns, row, reasons[row[columns.index("id")]])

    def quarantine(self, table: str, columns: Sequence[str], row: Sequence[Any], why: str) -> None:
        row_id = str(row[columns.index("id")]) if "id" in columns else ""
        self.held.setdefault(table, set()).add(row_id)
        if table == "audit_entry" and "seq" in columns and "forks" in why:
            seq = row[columns.index("seq")]
            if isinstance(seq, int) and (self.forked_at is None or seq < self.forked_at):
                self.forked_at = seq
        content = _jsonable(columns, row)
        if self.target.sql(
            "SELECT 1 FROM sync_quarantine WHERE station_id = ? AND table_name = ? "
            "AND row_id = ? AND content = ?",
            (self.station_id, table, row_id, content),
        ).first():
            self.quarantined += 1
            return
        self.target.sql(
            "INSERT INTO sync_quarantine (station_id, table_name, row_id, content, reason, "
            "file_sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.station_id, table, row_id, content, why, self.file_sha, self.now),
        )
        self.quarantined += 1


def _one_by_one(run: _Run, table: str, ids: list[str], sql: str, params: Any) -> None:
    """Apply the payload's rows *ids* one at a time; a row that breaks a constraint is held."""
    columns = payload_tables()[table]
    target = run.target
    at_id = columns.index("id")
    raw = {r[at_id]: r for r in target.payload_rows(table, ids, bound=False)}
    for row in target.payload_rows(table, ids):
        target.sql("SAVEPOINT wb_row")
        try:
            target.sql(sql, params(row))
            target.sql("RELEASE SAVEPOINT wb_row")
            run.applied += 1
        except IntegrityError as exc:
            target.sql("ROLLBACK TO SAVEPOINT wb_row")
            target.sql("RELEASE SAVEPOINT wb_row")
            reason = str(exc.orig)[:40]
            run.quarantine(table, columns, raw[row[at_id]], f"conflict: {reason}")


def _set_based(run: _Run, table: str, statement: str) -> bool:
    """Run one set-based write; False (and nothing of it kept) when a row broke a constraint."""
    target = run.target
    target.sql("SAVEPOINT wb_rows")
    try:
        done = target.sql(statement, (run.station_id,) if "?" in statement else ())
    except IntegrityError:
        target.sql("ROLLBACK TO SAVEPOINT wb_rows")
        target.sql("RELEASE SAVEPOINT wb_rows")
        return False
    target.sql("RELEASE SAVEPOINT wb_rows")
    run.applied += max(0, done.rowcount or 0)
    return True


def _chain_links(run: _Run, src: str) -> tuple[list[str], bool]:
    """The new audit entries that continue the chain held here; the others are quarantined.

    A restored station writes new entries under sequence numbers its old
    incarnation already used: each must link to the entry before it (held
    here or accepted just now), or it starts a fork and is kept apart, with
    every entry after it.  Returns the accepted ids and whether any was held.
    """
    target = run.target
    new = target.sql(
        f"SELECT s.id, s.seq, s.prev_hash, s.entry_hash FROM {src} s WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_entry t WHERE t.id = s.id) ORDER BY s.seq, s.id"
    ).all()
    if not new:
        return [], False
    taken = {
        seq
        for (seq,) in target.sql(
            f"SELECT DISTINCT s.seq FROM {src} s JOIN audit_entry t "
            "ON t.station_id = ? AND t.seq = s.seq WHERE NOT EXISTS "
            "(SELECT 1 FROM audit_entry u WHERE u.id = s.id)",
            (run.station_id,),
        )
    }
    incoming = {seq for _, seq, _, _ in new}
    wanted = sorted({seq - 1 for _, seq, _, _ in new if seq - 1 not in incoming and seq > 1})
    held_hash: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(part))
        held_hash.update(
            (int(seq), str(digest))
            for seq, digest in target.sql(
                f"SELECT seq, entry_hash FROM audit_entry WHERE station_id = ? AND seq IN ({marks})",
                (run.station_id, *part),
            )
        )
    accepted: list[str] = []
    forks: dict[str, str] = {}
    hashes: dict[int, str] = {}
    forked = False
    for row_id, seq, prev_hash, digest in new:
        before = hashes.get(seq - 1)
        if before is None:
            before = held_hash.get(seq - 1, audit.GENESIS if seq == 1 else None)
        if forked or seq in taken or (before is not None and before != prev_hash):
            forked = True
            forks[row_id] = "the audit chain forks here"
            continue
        hashes[seq] = digest
        accepted.append(row_id)
    run.quarantine_ids("audit_entry", forks)
    return accepted, bool(forks)


def _apply_table(run: _Run, table: str, ledger: bool) -> None:
    target = run.target
    columns = list(payload_tables()[table])
    q = quote(table)
    src = target.source(table)
    col_list = ", ".join(quote(c) for c in columns)
    s_cols = ", ".join(f"s.{quote(c)}" for c in columns)
    identical = " AND ".join(target.same(f"t.{quote(c)}", f"s.{quote(c)}") for c in columns)
    # 1. the payload's rows whose id is held here already: one join classifies them
    reasons: dict[str, str] = {}
    newer = 0
    for row_id, kind in target.sql(
        f"SELECT s.id, CASE WHEN NOT ({target.same('t.station_id', 's.station_id')}) THEN 1 "
        f"WHEN {identical} THEN 0 "
        + (
            "ELSE 2 END "
            if ledger
            else "WHEN s.row_version > t.row_version THEN 3 "
            "WHEN s.row_version = t.row_version THEN 4 ELSE 5 END "
        )
        + f"FROM {src} s JOIN {q} t ON t.id = s.id"
    ):
        if kind == 1:
            reasons[row_id] = "the id belongs to another station"
        elif kind == 2:
            reasons[row_id] = "same id, other content (ledger)"
        elif kind == 3:
            newer += 1
        elif kind == 4:
            reasons[row_id] = "same version, other content"
        else:
            run.skipped += 1  # the same row again, or an older version (a file out of order)
    run.quarantine_ids(table, reasons)
    # 2. the new rows, in one INSERT … SELECT (the audit log's only where they link on)
    insert_sql = f"INSERT INTO {q} ({col_list}) VALUES ({', '.join('?' * len(columns))})"
    fresh = f"NOT EXISTS (SELECT 1 FROM {q} t WHERE t.id = s.id)"
    if table == "audit_entry":
        accepted, forked = _chain_links(run, src)
        if forked:
            _one_by_one(run, table, accepted, insert_sql, tuple)
            accepted = []
        if accepted and not _set_based(
            run, table, f"INSERT INTO {q} ({col_list}) SELECT {s_cols} FROM {src} s WHERE {fresh}"
        ):
            _one_by_one(run, table, accepted, insert_sql, tuple)
    elif not _set_based(
        run, table, f"INSERT INTO {q} ({col_list}) SELECT {s_cols} FROM {src} s WHERE {fresh}"
    ):
        new_ids = [
            r[0]
            for r in target.sql(
                f"SELECT s.id FROM {src} s WHERE {fresh} ORDER BY s.change_seq, s.id"
            )
        ]
        _one_by_one(run, table, new_ids, insert_sql, tuple)
    # 3. newer versions of mutable rows: an upsert that only ever moves row_version up
    if newer:
        others = [c for c in columns if c != "id"]
        sets = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in others)
        guard = (
            f"WHERE {q}.row_version < excluded.row_version AND {q}.station_id = excluded.station_id"
        )
        upsert = (
            f"INSERT INTO {q} ({col_list}) SELECT {s_cols} FROM {src} s JOIN {q} t "
            "ON t.id = s.id WHERE s.station_id = t.station_id AND s.row_version > t.row_version "
            f"ON CONFLICT (id) DO UPDATE SET {sets} {guard}"
        )
        if not _set_based(run, table, upsert):
            ids = [
                r[0]
                for r in target.sql(
                    f"SELECT s.id FROM {src} s JOIN {q} t ON t.id = s.id "
                    "WHERE s.station_id = t.station_id AND s.row_version > t.row_version "
                    "ORDER BY s.change_seq, s.id"
                )
            ]
            at = {c: columns.index(c) for c in ("id", "station_id", "row_version")}
            update_sql = (
                f"UPDATE {q} SET {', '.join(f'{quote(c)} = ?' for c in others)} "
                "WHERE id = ? AND station_id = ? AND row_version < ?"
            )
            other_at = [columns.index(c) for c in others]
            _one_by_one(
                run,
                table,
                ids,
                update_sql,
                lambda r: (
                    *(r[i] for i in other_at),
                    r[at["id"]],
                    r[at["station_id"]],
                    r[at["row_version"]],
                ),
            )


def _recheck_totals(run: _Run, env: Envelope) -> None:
    """The control totals, on the rows as the township now holds them."""
    target = run.target
    for table, column in CONTROL_COLUMNS.items():
        if not env.manifest["counts"][table]:
            continue  # no row of the file: 0 came in, 0 of them stored
        c = quote(column)
        src = target.source(table)
        row = target.sql(
            f"SELECT coalesce(sum(s.{c}), 0), coalesce(sum(t.{c}), 0) FROM {src} s "
            f"LEFT JOIN {quote(table)} t ON t.id = s.id"
        ).one()
        incoming, stored = int(row[0]), int(row[1])
        held = sorted(run.held.get(table, set()))
        for start in range(0, len(held), _CHUNK):
            part = held[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            row = target.sql(
                f"SELECT coalesce(sum(s.{c}), 0), coalesce(sum(t.{c}), 0) FROM {src} s "
                f"LEFT JOIN {quote(table)} t ON t.id = s.id WHERE s.id IN ({marks})",
                tuple(part),
            ).one()
            incoming -= int(row[0])
            stored -= int(row[1])
        if incoming != stored:
            raise SyncFileRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file}: after the import the control total of {table} did not match "
                    "({stored} stored, {incoming} in the file). Everything from this file was "
                    "rolled back.",
                ),
                file=env.name,
                table=table,
                stored=stored,
                incoming=incoming,
            )


def _apply_extras(run: _Run, station: SyncStation) -> list[str]:
    """Anchors and personal-data hashes; returns the problems found with the anchors."""
    target = run.target
    problems: list[str] = []
    key = _public_key(station.public_key)
    for seq, digest, at, reason, signature in target.con.execute(
        f"SELECT seq, entry_hash, at, reason, signature FROM {ANCHOR}"
    ):
        message = audit._anchor_message(station.station_id, seq, str(digest))
        try:
            key.verify(bytes.fromhex(str(signature)), message)
        except Exception:  # InvalidSignature, a damaged hex string
            problems.append("anchor-signature:0")
            continue
        if not target.sql(
            "SELECT 1 FROM audit_anchor WHERE station_id = ? AND seq = ? AND signature = ?",
            (station.station_id, seq, signature),
        ).first():
            when = at if target.sqlite else _as_datetime(at)
            target.sql(
                "INSERT INTO audit_anchor (station_id, seq, entry_hash, at, reason, signature) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (station.station_id, seq, digest, when, reason, signature),
            )
    target.many(
        "INSERT INTO sync_person_hash (table_name, row_id, field, station_id, hash) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id, field) DO UPDATE SET "
        "hash = excluded.hash WHERE sync_person_hash.station_id = excluded.station_id",
        [
            (t, r, f, station.station_id, h)
            for t, r, f, h in target.con.execute(
                f"SELECT table_name, row_id, field, hash FROM {PERSON_HASH}"
            )
        ],
    )
    return problems


_ENTRY_FIELDS = (
    "id",
    "station_id",
    "seq",
    "at",
    "operator_id",
    "operator_name",
    "action",
    "target_type",
    "target_id",
    "summary",
    "prev_hash",
    "entry_hash",
    "rows_digest",
)
# SQLAlchemy's stored form of a DateTime on SQLite; its isoformat is the same text with a T
_STORED_AT = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _entry_digest(values: Sequence[Any], encode: Callable[[Any], str]) -> str:
    """:func:`app.services.audit.entry_hash` of a plain row of ``_ENTRY_FIELDS``."""
    at = values[3]
    if isinstance(at, str) and _STORED_AT.match(at):
        at_text = at.replace(" ", "T", 1)
    else:
        at_text = _as_datetime(at).isoformat(timespec="microseconds")
    content = [*values[:3], at_text, *values[4:11]]
    if values[12]:  # entries before schema 0005 have no rows digest and hash as they did
        content.append(values[12])
    return hashlib.sha256(encode(content).encode("utf-8")).hexdigest()


def _verify_chain(session: Session, station: SyncStation, target: _Target) -> str:
    """Continue verifying the station's audit chain from where it was left; a problem or ""."""
    expected = station.chain_seq + 1
    prev = station.chain_hash or audit.GENESIS
    problem = ""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    # plain rows (mapping thousands of ORM objects cost more than hashing them)
    found = target.sql(
        f"SELECT {', '.join(_ENTRY_FIELDS)} FROM audit_entry WHERE station_id = ? AND seq >= ? "
        "ORDER BY seq",
        (station.station_id, expected),
    ).all()
    for values in found:
        seq = values[2]
        if seq != expected:
            break  # a later file brings the missing entries
        if values[10] != prev:
            problem = f"broken:{seq}"
            break
        if _entry_digest(values, encode) != values[11]:
            problem = f"broken:{seq}"
            break
        prev = values[11]
        expected += 1
    station.chain_seq, station.chain_hash = expected - 1, prev
    if not problem:
        for seq, _digest in target.sql(
            "SELECT a.seq, a.entry_hash FROM audit_anchor a WHERE a.station_id = ? AND a.seq <= ? "
            "AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.station_id = a.station_id "
            "AND e.seq = a.seq AND e.entry_hash = a.entry_hash) ORDER BY a.id",
            (station.station_id, station.chain_seq),
        ):
            problem = f"anchor:{seq}"
            break
    return problem


def _already(env: Envelope, first: SyncImportLog) -> Verdict:
    when = first.imported_at.strftime("%Y-%m-%d %H:%M")
    return Verdict(
        env.name,
        "already",
        translate("sync", _ALREADY, file=env.name, when=when),
        env.manifest["station_code"],
        first_imported_at=first.imported_at,
    )


def _first_import(session: Session, env: Envelope) -> SyncImportLog | None:
    return session.scalar(select(SyncImportLog).where(SyncImportLog.file_sha256 == env.file_sha256))


def import_file(
    db: Database,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Verdict:
    """Check and apply one sync file; raises a :class:`SyncFileRefused` when refused."""
    env = open_envelope(path)
    with db.read() as session:
        own = session.get(Station, db.station_id) if db.station_id else None
        if own is None or own.mode != StationMode.TOWNSHIP.value:
            raise _not_township()
        first = _first_import(session, env)
        if first is not None:
            return _already(env, first)
        station = _check_signature(session, env)
    _check_version(env)
    with tempfile.TemporaryDirectory(prefix="wb-import-") as tmp:
        payload = env.extract_payload(Path(tmp))
        con = open_payload(payload, env.name)
        try:
            try:
                _check_content(con, env)
            except sqlite3.Error as exc:
                raise bad_payload(env.name, str(exc)) from exc
            try:
                return _apply(db, con, payload, env, station.station_id, progress, cancelled)
            except IntegrityError:
                # another process (a second hub worker, a second township window) imported
                # the same file meanwhile: the UNIQUE file_sha256 of the log refused ours
                with db.read() as session:
                    first = _first_import(session, env)
                if first is None:
                    raise
                return _already(env, first)
            except (_BadValue, DataError) as exc:
                # PostgreSQL types what SQLite stores as given: a value of the wrong kind
                # in a signed payload refuses the file (nothing of it was kept)
                raise bad_payload(env.name, str(getattr(exc, "orig", exc))[:200]) from exc
        finally:
            con.close()


def _apply(
    db: Database,
    con: sqlite3.Connection,
    payload: Path,
    env: Envelope,
    station_id: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Verdict:
    m = env.manifest
    ledgers = set(append_only_tables())
    order = _table_order()
    steps = len(order) + 2
    with db.busy_with(translate("sync", "a sync file import")), db.replicating() as session:
        conn = session.connection()
        if not is_sqlite(conn):
            # one station's files one after another, whichever hub worker holds them
            driver_sql(conn, "SELECT pg_advisory_xact_lock(hashtext(?))", (station_id,))
        # (on SQLite BEGIN IMMEDIATE already holds the file's only write lock)
        first = _first_import(session, env)
        if first is not None:  # imported by another process while this one checked it
            return _already(env, first)
        station = session.get(SyncStation, station_id)
        assert station is not None
        target = _Target(conn, con, payload)
        run = _Run(target, station_id, env.file_sha256, utcnow())
        for step, table in enumerate(order):
            if cancelled is not None and cancelled():
                raise cancelled_error()
            if m["counts"][table]:  # (checked against the payload) nothing to apply
                _apply_table(run, table, table in ledgers)
            if progress is not None:
                progress(step + 1, steps)
        _recheck_totals(run, env)
        anchor_problems = _apply_extras(run, station)
        # coverage, incarnation, acknowledgement
        incarnation = m["incarnation"]
        ack = session.get(SyncAck, station_id)
        seen = session.scalar(
            select(SyncCoverage.id)
            .where(SyncCoverage.station_id == station_id, SyncCoverage.incarnation == incarnation)
            .limit(1)
        )
        new_incarnation = ack is not None and ack.incarnation != incarnation and seen is None
        if seen is None and m["base_seq"] > 0:
            base = m["base_incarnation"]
            # a restored station's history up to its backup is the old incarnation's
            if (
                base != incarnation
                and contiguous(_ranges(session, station_id, base)) >= m["base_seq"]
            ):
                session.add(
                    SyncCoverage(
                        station_id=station_id,
                        incarnation=incarnation,
                        seq_from=1,
                        seq_to=m["base_seq"],
                        file_sha256="",
                    )
                )
        if m["seq_from"] <= m["seq_to"]:
            session.add(
                SyncCoverage(
                    station_id=station_id,
                    incarnation=incarnation,
                    seq_from=m["seq_from"],
                    seq_to=m["seq_to"],
                    file_sha256=env.file_sha256,
                )
            )
        session.flush()
        if ack is None:
            ack = SyncAck(
                station_id=station_id, incarnation=incarnation, acked_seq=0, updated_at=run.now
            )
            session.add(ack)
        elif new_incarnation:
            ack.incarnation = incarnation
        ranges = _ranges(session, station_id, ack.incarnation)
        ack.acked_seq = contiguous(ranges)
        ack.updated_at = run.now
        gaps = tuple(gaps_of(ranges)) if ack.incarnation == incarnation else ()

        # the audit chain, across files
        problem = ""
        if run.forked_at is not None:
            problem = f"fork:{run.forked_at}"
        problem = problem or _verify_chain(session, station, target)
        problem = problem or (anchor_problems[0] if anchor_problems else "")
        if problem and not station.chain_problem:
            station.chain_problem = problem
        chain = chain_text(station.chain_problem, station.chain_seq)

        words = [
            translate(
                "sync",
                _IMPORTED,
                file=env.name,
                rows=run.applied,
                code=m["station_code"],
                a=m["seq_from"],
                b=m["seq_to"],
            )
        ]
        if run.quarantined:
            words.append(translate("sync", _HELD, n=run.quarantined))
        if new_incarnation:
            words.append(
                translate("sync", "The station was restored or reinstalled (a new incarnation).")
            )
        if gaps:
            words.append(format_gaps(gaps))
        words.append(chain)
        message = " ".join(words)
        session.add(
            SyncImportLog(
                file_sha256=env.file_sha256,
                file_name=env.name[:260],
                station_id=station_id,
                incarnation=incarnation,
                seq_from=m["seq_from"],
                seq_to=m["seq_to"],
                rows=run.applied,
                imported_at=run.now,
                verdict=message,
            )
        )
        if progress is not None:
            progress(steps - 1, steps)
        if cancelled is not None and cancelled():
            raise cancelled_error()
        session.flush()
    if progress is not None:
        progress(steps, steps)
    return Verdict(
        env.name,
        "imported",
        message,
        m["station_code"],
        run.applied,
        run.skipped,
        run.quarantined,
        gaps,
        new_incarnation,
        None,
        chain,
    )


def sync_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the ``.wbsync`` files in the folders named (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.name.endswith(SUFFIX)))
        else:
            found.append(path)
    return found


def import_files(
    db: Database,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Verdict]:
    """Import many files (or folders of them); one verdict per file, refusals included."""
    files = sync_files(paths)
    verdicts = []
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        try:
            verdicts.append(import_file(db, path, cancelled=cancelled))
        except DomainError as err:
            verdicts.append(Verdict(path.name, "refused", str(err), error=err))
        if progress is not None:
            progress(done + 1, len(files))
    return verdicts
