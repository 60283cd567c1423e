"""审计日志 — write and verify the hash-chained audit log and the row seals.

``record`` is called by every data-changing service inside its own
transaction, so an action and its audit entry commit or roll back together.
The hash covers the entry's identity and content and the previous hash;
``verify_chain`` walks the chain in ``seq`` order and returns the first
broken link (edited content, a removed or inserted row, a reordered chain).

**Row seals.** A session hook notes every data row a transaction writes
(``after_flush``); just before the commit (``before_commit``) the rows are
read back as SQLite stores them and each gets a :class:`~app.models.RowSeal`
with its content hash (:func:`row_hash`), and the transaction's audit entries
are chained then, the last one carrying the digest of those seals.  (A
transaction that wrote rows but recorded no entry gets one, ``data.write``.)
:func:`verify_seals` recomputes every row's hash against its latest seal, so a
row changed, added or removed with the sqlite3 tool is named by ``check
--full``; a seal changed to match breaks its entry's digest.

**Anchors.** :func:`anchor` signs the chain's head with the station's key
(at every backup and sign-in); :func:`verify_anchors` checks that every
anchored entry is still in the chain with the same hash, which catches a
truncated log or one re-hashed from some entry on.

The functions :func:`row_hash` and :func:`_canonical` define stored hashes:
they never change (schema 0005 carries a frozen copy to seal existing rows).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.db.dialect import driver_sql
from app.ids import new_id
from app.models import AuditAnchor, AuditEntry, utcnow
from app.models.base import REPLICATING, STATION_ID

if TYPE_CHECKING:
    from app.services.auth import Actor

GENESIS = "0" * 64
_BATCH = 5000


# The township's sync bookkeeping (app.models.sync): station-local, written in
# the replicating transaction of an import, which seals nothing.
SYNC_BOOKKEEPING = frozenset(
    {
        "sync_station",
        "sync_import_log",
        "sync_quarantine",
        "sync_coverage",
        "sync_ack",
        "sync_person_hash",
        "hub_nonce",  # the hub's replay guard (purged as it goes)
        "hub_user",  # the hub web view's users (password hashes, lockouts), hub-local
    }
)

# Tables whose rows are not sealed: the audit log itself, and the station-local
# bookkeeping that is rewritten on every transaction or never leaves the PC.
UNSEALED = frozenset(
    {"audit_entry", "audit_row", "audit_anchor", "change_counter", "local_state", "alembic_version"}
    | SYNC_BOOKKEEPING
)
_TOUCHED = "wb_sealed_rows"  # session.info: {table: {id, ...}} written in this transaction
_PENDING = "wb_audit_pending"  # session.info: entries recorded, chained at commit
_CHUNK = 500
_SEAL_TXN = 100_000  # rows per transaction when the demo's bulk rows are sealed


def _canonical(entry: AuditEntry) -> bytes:
    content = [
        entry.id,
        entry.station_id,
        entry.seq,
        entry.at.isoformat(timespec="microseconds"),
        entry.operator_id,
        entry.operator_name,
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.summary,
        entry.prev_hash,
    ]
    if entry.rows_digest:  # entries before schema 0005 have none and hash as they did
        content.append(entry.rows_digest)
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _plain(value: Any) -> Any:
    return {"b": value.hex()} if isinstance(value, bytes | memoryview) else value


def row_hash(table: str, columns: Iterable[str], values: Iterable[Any]) -> str:
    """The content hash of one row as SQLite returns it (columns in any order)."""
    pairs = sorted(zip(columns, (_plain(v) for v in values), strict=True))
    body = json.dumps([table, pairs], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def row_hasher(table: str, columns: list[str]) -> Callable[[Any], str]:
    """:func:`row_hash` for many rows of one table (the column order worked out once)."""
    order = sorted(range(len(columns)), key=columns.__getitem__)
    names = [columns[i] for i in order]
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
    sha256 = hashlib.sha256

    def digest(values: Any) -> str:
        pairs = [
            [name, v if not isinstance(v, bytes | memoryview) else {"b": v.hex()}]
            for name, v in zip(names, [values[i] for i in order], strict=True)
        ]
        return sha256(encode([table, pairs]).encode("utf-8")).hexdigest()

    return digest


def seals_digest(seals: Iterable[tuple[str, str, str]]) -> str:
    """The digest of (table, row key, row hash) seals, in the order given."""
    h = hashlib.sha256()
    for table, key, digest in seals:
        h.update(f"{table}\t{key}\t{digest}\n".encode())
    return h.hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


def summarize(before: Any = None, after: Any = None) -> str:
    """The before/after summary as stable JSON (keys sorted, Chinese kept readable)."""
    body: dict[str, Any] = {}
    if before is not None:
        body["before"] = before
    if after is not None:
        body["after"] = after
    return json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    target_type: str = "",
    target_id: str = "",
    *,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one audit entry in *session*'s transaction (the caller commits).

    The entry joins the chain when the transaction commits, after the last row
    it talks about was written (see the module docstring).
    """
    session.flush()  # assign ids/stamps of the rows this entry talks about
    entry = AuditEntry(
        id=new_id(),
        station_id=session.info.get(STATION_ID),  # none: the stamping hook refuses it
        at=utcnow(),
        operator_id=actor.operator_id if actor else "",
        operator_name=actor.display_name if actor else "system",
        action=action,
        target_type=target_type,
        target_id=target_id or "",
        summary=summarize(before, after),
        rows_digest="",
    )
    # remembered with the savepoint it was recorded in: rolled back with it
    session.info.setdefault(_PENDING, []).append((entry, session.get_nested_transaction()))
    return entry


def mark_written(session: Session, table: str, ids: Iterable[str]) -> None:
    """Note rows written with bulk statements (no ORM objects) for sealing at commit."""
    if table not in UNSEALED and not session.info.get(REPLICATING):
        session.info.setdefault(_TOUCHED, {}).setdefault(table, set()).update(ids)


@event.listens_for(Session, "after_flush")
def _note_written(session: Session, _ctx: Any) -> None:
    if session.info.get(REPLICATING):
        return  # another station's rows: their seals come with them
    touched: dict[str, set[str]] = session.info.setdefault(_TOUCHED, {})
    for obj in (*session.new, *session.dirty):
        table = getattr(type(obj), "__tablename__", None)
        if table is None or table in UNSEALED:
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        touched.setdefault(table, set()).add(str(obj.id))


def _read_seals(session: Session, touched: dict[str, set[str]]) -> list[tuple[str, str, str]]:
    """(table, id, hash) of every touched row as it is now, sorted; a row gone is skipped."""
    conn = session.connection()
    seals = []
    for table in sorted(touched):
        ids = sorted(touched[table])
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            cursor = driver_sql(conn, f'SELECT * FROM "{table}" WHERE id IN ({marks})', tuple(part))
            columns = list(cursor.keys())
            at = columns.index("id")
            digest = row_hasher(table, columns)
            for row in cursor:
                seals.append((table, str(row[at]), digest(row)))
    seals.sort()
    return seals


def _credit_operator(session: Session, entry: AuditEntry) -> None:
    """The operator whose permission this write was checked for (app.services.auth)."""
    from app.models import Operator

    operator_id = session.info.get("wb_acting_operator")
    if operator_id and (op := session.get(Operator, operator_id)) is not None:
        entry.operator_id, entry.operator_name = op.id, op.display_name


def _head(session: Session, station_id: str | None) -> Any:
    """(seq, entry_hash) of the last entry of *station_id*'s chain, or None."""
    return session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash)
        .where(AuditEntry.station_id == station_id)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()


@event.listens_for(Session, "before_commit")
def _seal_and_chain(session: Session) -> None:
    if session.info.get(REPLICATING):
        return  # another station's entries arrive chained, their rows sealed
    if (
        session.info.get(_PENDING) is None
        and not session.info.get(_TOUCHED)
        # rows added since the last flush are sealed too, at the outer commit (a
        # savepoint's release leaves them to it, with the entry the action records)
        and (session.in_nested_transaction() or not (session.new or session.dirty))
    ):
        return
    session.flush()
    touched = session.info.pop(_TOUCHED, {})
    seals = _read_seals(session, touched) if touched else []
    pending = [entry for entry, _savepoint in session.info.pop(_PENDING, None) or []]
    if seals and not pending:
        # rows written with no entry of their own (a refused scan's event, say):
        # sealed by one that says who and what, so no row is left unaccounted
        entry = record(
            session, None, "data.write", after={"rows": dict(Counter(t for t, _k, _h in seals))}
        )
        _credit_operator(session, entry)
        pending = [entry for entry, _ in session.info.pop(_PENDING)]
    if not pending:
        return
    last = _head(session, pending[0].station_id)
    seq, prev = (last[0], last[1]) if last else (0, GENESIS)
    if seals:
        pending[-1].rows_digest = seals_digest(seals)
    for entry in pending:
        seq += 1
        entry.seq = seq
        entry.prev_hash = prev
        # The hash is set before the row is written: the append-only trigger
        # forbids any UPDATE, so the INSERT must already carry it.
        entry.entry_hash = entry_hash(entry)
        prev = entry.entry_hash
        session.add(entry)
    closing = pending[-1].id
    session.flush()
    if seals:  # plain executemany: a bulk import seals hundreds of thousands of rows
        driver_sql(
            session.connection(),
            "INSERT INTO audit_row (entry_id, table_name, row_key, row_hash) VALUES (?, ?, ?, ?)",
            [(closing, t, k, h) for t, k, h in seals],
        )
    # the entries' own flush must not seal them again
    session.info.pop(_TOUCHED, None)


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous: Any) -> None:
    """Entries recorded inside a savepoint that was rolled back are not chained."""
    pending = session.info.get(_PENDING)
    if not pending:
        return

    def inside(txn: Any) -> bool:
        while txn is not None:
            if txn is previous:
                return True
            txn = txn.parent
        return False

    session.info[_PENDING] = [(e, sp) for e, sp in pending if not inside(sp)]


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_TOUCHED, None)
        session.info.pop(_PENDING, None)


@dataclass(frozen=True)
class ChainReport:
    """Result of a chain verification."""

    checked: int
    ok: bool
    broken_seq: int | None = None
    reason: str = ""


def verify_entries(entries: Iterable[AuditEntry]) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainReport(checked, False, expected_seq, "missing or reordered entry")
        if entry.prev_hash != prev:
            return ChainReport(checked, False, entry.seq, "previous-hash link does not match")
        if entry_hash(entry) != entry.entry_hash:
            return ChainReport(checked, False, entry.seq, "content does not match its hash")
        prev = entry.entry_hash
        expected_seq += 1
        checked += 1
    return ChainReport(checked, True)


def chain_stations(session: Session) -> list[str]:
    """Every station with an audit chain in this database (a hub holds many)."""
    return sorted(session.scalars(select(AuditEntry.station_id).distinct()))


def verify_chain(db: Database, station_id: str | None = None) -> ChainReport:
    """Check *station_id*'s chain, or every station's; report the first broken link.

    Each station's entries form their own chain (``seq`` from 1, linked by
    hash); they are streamed in batches.
    """
    with db.read() as session:
        stations = [station_id] if station_id is not None else chain_stations(session)
        checked = 0
        for station in stations:
            rows = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.station_id == station)
                .order_by(AuditEntry.seq)
                .execution_options(yield_per=_BATCH)
            )
            report = verify_entries(rows)
            checked += report.checked
            if not report.ok:
                reason = report.reason if len(stations) == 1 else f"{report.reason} ({station})"
                return ChainReport(checked, False, report.broken_seq, reason)
        return ChainReport(checked, True)


def count(db: Database, station_id: str | None = None) -> int:
    with db.read() as session:
        query = select(func.count()).select_from(AuditEntry)
        if station_id is not None:
            query = query.where(AuditEntry.station_id == station_id)
        return session.scalar(query) or 0


# --- verifying the row seals ---------------------------------------------------------


@dataclass(frozen=True)
class SealReport:
    """Every data row against its latest seal, and every seal against its entry."""

    checked: int
    problems: tuple[str, ...]
    total_problems: int

    @property
    def ok(self) -> bool:
        return self.total_problems == 0


def sealed_tables(conn: Any) -> list[str]:
    from app.db.dialect import table_names

    names = table_names(conn)
    return sorted(n for n in names if n not in UNSEALED and n != "backup_photo")


_KINDS = {
    "unsealed": "a row no audit entry accounts for",
    "changed": "changed outside the program",
    "removed": "removed outside the program",
}


def _not_by_file(conn: Any, column: str) -> str:
    """SQL that leaves out the rows of stations whose data came by sync file ("": none).

    A township receives its stations' rows in signed sync files (app.sync),
    checked at import by signature, control totals and the audit chain; their
    row seals stay at the station (a seal of a row with a full ID number would
    let anyone with the masked row guess the number), and their personal
    columns arrive blanked, so there is nothing here to compare them with.
    """
    from app.db.dialect import table_names

    if "sync_station" not in table_names(conn):
        return ""
    return f"{column} NOT IN (SELECT station_id FROM sync_station)"


def _unmatched_rows(
    conn: Any, counter: list[int], own_station: str | None = None
) -> Iterator[tuple[str, str, str]]:
    """(kind, table, row id) of every row that does not match its latest seal.

    A row of a station-local table (operators) that another station sealed
    never comes with that station's replicated rows: only the seals of those
    tables by *own_station* (the PC's) say a row must be here.
    """
    from app.models.base import syncable_tables

    synced = set(syncable_tables())
    by_file = _not_by_file(conn, "t.station_id")
    for table in sealed_tables(conn):
        cursor = driver_sql(
            conn,
            f'SELECT t.*, s.row_hash AS "__seal" FROM "{table}" t LEFT JOIN '
            "(SELECT row_key, row_hash FROM audit_row WHERE id IN "
            "(SELECT max(id) FROM audit_row WHERE table_name = ? GROUP BY row_key)) s "
            f"ON s.row_key = t.id{' WHERE ' + by_file if by_file and table in synced else ''}",
            (table,),
        )
        columns = list(cursor.keys())[:-1]
        at = columns.index("id")
        digest = row_hasher(table, columns)
        for row in cursor:
            counter[0] += 1
            seal = row[-1]
            if seal is None:
                yield "unsealed", table, str(row[at])
            elif digest(row) != seal:  # the hasher reads only the table's own columns
                yield "changed", table, str(row[at])
        local = (
            ""
            if table in synced
            else (" AND entry_id IN (SELECT id FROM audit_entry WHERE station_id = ?)")
        )
        gone = driver_sql(
            conn,
            "SELECT row_key FROM audit_row WHERE table_name = ? "
            f'AND row_key NOT IN (SELECT id FROM "{table}"){local} GROUP BY row_key',
            (table, own_station or "") if local else (table,),
        )
        for (key,) in gone:
            yield "removed", table, key


def seal_generated_rows(db: Database, actor: Actor, action: str) -> int:
    """Seal every row that does not match its seal — ONLY for generated data (the demo).

    The demo writes millions of rows with bulk statements the session cannot
    see; this accounts for them in one entry.  On a real station it would
    launder an edit made behind the program's back, so nothing else calls it.
    """
    with db.read() as session:
        found = [
            (table, key)
            for kind, table, key in _unmatched_rows(session.connection(), [0])
            if kind != "removed"
        ]
    for start in range(0, len(found), _SEAL_TXN):
        part = found[start : start + _SEAL_TXN]
        with db.write() as session:
            for table, key in part:
                mark_written(session, table, (key,))
            record(session, actor, action, after={"rows": len(part)})
    return len(found)


def _pc_station(session: Session, db: Database) -> str | None:
    """The station this PC is (its mark in local_state), whatever *db*'s context."""
    from app.models import LocalState
    from app.models.base import OWN_STATION

    mark = session.get(LocalState, OWN_STATION)
    return mark.value if mark is not None and mark.value else db.station_id


def verify_seals(db: Database, *, limit: int = 20) -> SealReport:
    """Recompute every data row's hash against its latest seal (``check --full``).

    Names rows changed, added or removed behind the program's back, seals
    without their entry and entries whose seals were changed.
    """
    problems: list[str] = []
    total = 0
    counter = [0]

    def problem(text: str) -> None:
        nonlocal total
        total += 1
        if len(problems) < limit:
            problems.append(text)

    with db.read() as session:
        conn = session.connection()
        # 1. the seals of each entry still give the digest the chain covers
        by_file = _not_by_file(conn, "station_id")
        digests = conn.exec_driver_sql(
            "SELECT id, seq, rows_digest FROM audit_entry WHERE rows_digest != ''"
            f"{' AND ' + by_file if by_file else ''} ORDER BY id"
        )
        cur = conn.connection.cursor()
        try:
            cur.execute(
                "SELECT entry_id, table_name, row_key, row_hash FROM audit_row "
                "ORDER BY entry_id, table_name, row_key"
            )
            pending = cur.fetchone()
            for entry_id, seq, digest in digests:
                while pending is not None and pending[0] < entry_id:
                    problem(f"row seals with no audit entry ({pending[1]} {pending[2]})")
                    pending = cur.fetchone()
                group = []
                while pending is not None and pending[0] == entry_id:
                    group.append((pending[1], pending[2], pending[3]))
                    pending = cur.fetchone()
                if seals_digest(group) != digest:
                    problem(f"audit entry #{seq}: the row seals it covers were changed")
            while pending is not None:
                problem(f"row seals with no audit entry ({pending[1]} {pending[2]})")
                pending = cur.fetchone()
        finally:
            cur.close()
        # 2. every row matches its latest seal, and every sealed row still exists
        # the operators in this file are the PC's own station's, whatever the context
        for kind, table, key in _unmatched_rows(conn, counter, _pc_station(session, db)):
            problem(f"{table} {key}: {_KINDS[kind]}")
    return SealReport(counter[0], tuple(problems), total)


# --- anchors: the chain's head signed with the station's key --------------------------

ANCHOR_FILE = "audit-anchor.json"  # the latest anchor, also kept beside the database


def _anchor_message(station_id: str, seq: int, digest: str) -> bytes:
    return f"wb-audit-anchor|{station_id}|{seq}|{digest}".encode()


def anchor(db: Database, signing: Any, reason: str) -> AuditAnchor | None:
    """Sign the chain's head now (at a backup, a sign-in, a sync export).

    *signing* is the station's Ed25519 private key.  The anchor is stored in
    the database (so backups and sync files carry it) and as a file in the data
    folder, which an edit of the database alone cannot roll back.
    """
    from cryptography.hazmat.primitives import serialization

    from app.models import Station

    public = signing.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    with db.write() as session:
        own = db.station_id
        station = session.get(Station, own) if own else None
        head = _head(session, own) if own else None
        if head is None or station is None:
            return None
        from app.services.keys import fingerprint

        if station.signing_key_fingerprint != fingerprint(signing.public_key()):
            return None  # another station's database on this PC: its key is not here
        if not station.signing_public_key:  # stations set up before schema 0005
            station.signing_public_key = public.hex()
        signature = signing.sign(_anchor_message(station.id, head[0], head[1])).hex()
        row = AuditAnchor(
            station_id=station.id,
            seq=head[0],
            entry_hash=head[1],
            at=utcnow(),
            reason=reason,
            signature=signature,
        )
        session.add(row)
    _write_anchor_file(db.path.parent / ANCHOR_FILE, station.id, row)
    return row


def anchor_with_keys(db: Database, keys_folder: Any, reason: str) -> AuditAnchor | None:
    """:func:`anchor` with the signing key of a data folder (None: no key there)."""
    from app.services.keys import load_keys

    try:
        signing = load_keys(keys_folder).signing
    except (OSError, ValueError):
        return None
    return anchor(db, signing, reason)


def forget_anchor_file(data_folder: Any) -> None:
    """Before a restore puts an older chain in place (its own anchors come with it)."""
    (data_folder / ANCHOR_FILE).unlink(missing_ok=True)


def _write_anchor_file(path: Any, station_id: str, row: AuditAnchor) -> None:
    import contextlib
    import os

    body = {
        "station_id": station_id,
        "seq": row.seq,
        "entry_hash": row.entry_hash,
        "at": row.at.isoformat(),
        "reason": row.reason,
        "signature": row.signature,
    }
    tmp = path.with_name(path.name + ".part")
    with contextlib.suppress(OSError):  # the database copy is the one that matters
        tmp.write_text(json.dumps(body, indent=1), encoding="utf-8")
        os.replace(tmp, path)


def verify_anchors(db: Database) -> ChainReport:
    """Every anchor (and the anchor file) is signed by its station and still in its chain.

    An anchor names the station whose chain it signs (anchors made before
    schema 0006 and an anchor file without a name are the PC's own station's);
    each is checked with that station's public key against that station's chain.
    """
    from app.models import Station

    with db.read() as session:
        own = _pc_station(session, db) or ""
        anchors = [
            (a.station_id or own, a.seq, a.entry_hash, a.signature)
            for a in session.scalars(select(AuditAnchor).order_by(AuditAnchor.id))
        ]
        path = db.path.parent / ANCHOR_FILE
        if path.is_file():
            try:
                body = json.loads(path.read_text(encoding="utf-8"))
                anchors.append(
                    (
                        str(body.get("station_id") or own),
                        int(body["seq"]),
                        str(body["entry_hash"]),
                        str(body["signature"]),
                    )
                )
            except (ValueError, KeyError, TypeError, OSError, AttributeError):
                return ChainReport(len(anchors), False, None, "the anchor file is damaged")
        if db.scoped:  # a hub's view of one station: that station's anchors
            anchors = [a for a in anchors if a[0] == db.station_id]
        if not anchors:
            return ChainReport(0, True)
        keys: dict[str, Any] = {}
        for checked, (station_id, seq, digest, signature) in enumerate(anchors):
            if station_id not in keys:
                station = session.get(Station, station_id) if station_id else None
                keys[station_id] = _public_key(station)
            key = keys[station_id]
            if isinstance(key, str):
                return ChainReport(checked, False, None, key)
            if problem := _check_anchor(session, key, station_id, seq, digest, signature):
                return ChainReport(checked, False, seq, problem)
        return ChainReport(len(anchors), True)


def _public_key(station: Any) -> Any:
    """The station's Ed25519 public key, or the reason there is none (a string)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if station is None or not station.signing_public_key:
        return "the station's public key is missing"
    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(station.signing_public_key))
    except ValueError:
        return "the station's public key is damaged"


def _check_anchor(
    session: Session, key: Any, station_id: str, seq: int, digest: str, signature: str
) -> str:
    """Why one anchor does not hold ("" when it does)."""
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(bytes.fromhex(signature), _anchor_message(station_id, seq, digest))
    except (InvalidSignature, ValueError):
        return "an anchor's signature does not verify"
    top = (
        session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.station_id == station_id))
        or 0
    )
    if seq > top:
        return "the audit log ends before a signed anchor (truncated)"
    found = session.scalar(
        select(AuditEntry.entry_hash).where(
            AuditEntry.station_id == station_id, AuditEntry.seq == seq
        )
    )
    if found != digest:
        return "the chain differs from a signed anchor (re-hashed)"
    return ""
