"""导出同步文件 — the station writes everything the township has not acknowledged.

DESIGN §5: an export holds every row whose ``change_seq`` is above the
sequence the township last **acknowledged** (``local_state``
``sync/acked_seq``, 0 when none) — never "since the last export" — so a lost
USB stick is healed by the next file.  Exporting marks nothing as synced;
only :func:`set_acknowledged` (the township's acknowledgement, carried back by
its config package) moves the starting point.  ``full=True`` sends everything
(a township that lost data, a new township PC).

Personal data leaves masked: ``id_number`` and ``phone`` are blanked, the
masked forms stay, and when the township's keyed-hash key is present
(``sync/person_hash_key``, set by its config package) an HMAC-SHA256 of each
full value goes in the ``person_hash`` table (and ``id_hash``) so the same
person at two stations can be matched; without the key the manifest says so
and only the masked forms go.  Photos never go (only their file names).

The file carries the station's audit entries in the range and its latest
signed anchor (made now), so the township can verify the chain.  The work is
one read snapshot of the station's file (SQLite ``INSERT … SELECT`` into the
payload), so a counter or kiosk writing meanwhile is neither blocked long nor
half-included.
"""

from __future__ import annotations

import hmac
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from app import __version__
from app.db import Database
from app.db.migrate import head_revision
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import LocalState, Station, utcnow
from app.models.base import syncable_tables
from app.paths import DataDir
from app.services import audit, keys
from app.services.station import INCARNATION, LAST_SYNC, get_state, set_state
from app.sync.envelope import (
    ANCHOR,
    CONTROL_COLUMNS,
    FORMAT,
    PERSON_HASH,
    create_payload_tables,
    open_envelope,
    payload_tables,
    quote,
    write_envelope,
)
from app.sync.errors import ExportFailed, SyncCancelled, SyncFileRefused

ACKED_SEQ = "sync/acked_seq"
ACKED_INCARNATION = "sync/acked_incarnation"
LAST_FILE = "sync/last_file_sha256"
HASH_KEY = "sync/person_hash_key"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# the personal columns that never leave the station in full
_BLANKED = ("id_number", "phone")
PERSON_TABLES = ("household", "member", "volunteer", "service_order")  # 四单: a walk-in's phone

# the words for the rows a file holds ("12 条活动, 340 条积分记录")
KIND_WORDS = {
    "activity": QT_TRANSLATE_NOOP("sync", "{n} activities"),
    "participation": QT_TRANSLATE_NOOP("sync", "{n} participations"),
    "household": QT_TRANSLATE_NOOP("sync", "{n} households"),
    "member": QT_TRANSLATE_NOOP("sync", "{n} residents"),
    "point_entry": QT_TRANSLATE_NOOP("sync", "{n} points entries"),
    "redemption": QT_TRANSLATE_NOOP("sync", "{n} redemptions"),
    "goods": QT_TRANSLATE_NOOP("sync", "{n} goods"),
    "stock_move": QT_TRANSLATE_NOOP("sync", "{n} stock moves"),
    "volunteer": QT_TRANSLATE_NOOP("sync", "{n} volunteers"),
    "service_record": QT_TRANSLATE_NOOP("sync", "{n} service-hour records"),
    "certificate": QT_TRANSLATE_NOOP("sync", "{n} certificates"),
    "scan_event": QT_TRANSLATE_NOOP("sync", "{n} sign-in scans"),
    "audit_entry": QT_TRANSLATE_NOOP("sync", "{n} audit log entries"),
    # the rest by name too (they were once summed as "N 条其他记录", which told nobody what)
    "activity_photo": QT_TRANSLATE_NOOP("sync", "{n} activity photos"),
    "activity_team": QT_TRANSLATE_NOOP("sync", "{n} organising teams of activities"),
    "presence": QT_TRANSLATE_NOOP("sync", "{n} volunteer sign-ins"),
    "card": QT_TRANSLATE_NOOP("sync", "{n} cards"),
    "point_batch": QT_TRANSLATE_NOOP("sync", "{n} points batches"),
    "point_period": QT_TRANSLATE_NOOP("sync", "{n} points periods"),
    "point_rule": QT_TRANSLATE_NOOP("sync", "{n} points rules"),
    "redemption_line": QT_TRANSLATE_NOOP("sync", "{n} redemption lines"),
    "redemption_void": QT_TRANSLATE_NOOP("sync", "{n} voided redemptions"),
    "print_log": QT_TRANSLATE_NOOP("sync", "{n} print log entries"),
    "service_record_state": QT_TRANSLATE_NOOP("sync", "{n} service-hour states"),
    "service_record_decision": QT_TRANSLATE_NOOP("sync", "{n} service-hour decisions"),
    "service_record_correction": QT_TRANSLATE_NOOP("sync", "{n} service-hour corrections"),
    "star_grant": QT_TRANSLATE_NOOP("sync", "{n} star grants"),
    "certificate_event": QT_TRANSLATE_NOOP("sync", "{n} certificate register entries"),
    "volunteer_team": QT_TRANSLATE_NOOP("sync", "{n} volunteer teams"),
    "team_membership": QT_TRANSLATE_NOOP("sync", "{n} team memberships"),
    "volunteer_account": QT_TRANSLATE_NOOP("sync", "{n} volunteers' points accounts"),
    "volunteer_training": QT_TRANSLATE_NOOP("sync", "{n} volunteer trainings"),
    "volunteer_award": QT_TRANSLATE_NOOP("sync", "{n} volunteer awards"),
    "volunteer_evaluation": QT_TRANSLATE_NOOP("sync", "{n} volunteer evaluations"),
    "national_export": QT_TRANSLATE_NOOP("sync", "{n} exports to the national volunteer system"),
    "national_export_record": QT_TRANSLATE_NOOP(
        "sync", "{n} service-hour records exported to the national system"
    ),
    "station": QT_TRANSLATE_NOOP("sync", "{n} station records"),
    "report_snapshot": QT_TRANSLATE_NOOP("sync", "{n} submitted reports"),
    "report_review": QT_TRANSLATE_NOOP("sync", "{n} report reviews"),
    "service_menu_item": QT_TRANSLATE_NOOP("sync", "{n} service menu items"),
    "service_order": QT_TRANSLATE_NOOP("sync", "{n} service orders"),
    "service_order_event": QT_TRANSLATE_NOOP("sync", "{n} service order steps"),
    "service_order_photo": QT_TRANSLATE_NOOP("sync", "{n} photos of services given"),
}
# only a table this version does not know of (a newer station's) is left unnamed
OTHER_WORDS = QT_TRANSLATE_NOOP("sync", "{n} other records")


def describe_counts(counts: dict[str, int]) -> list[str]:
    """The rows per kind in words, the main kinds first, the rest summed."""
    words = [
        translate("sync", text, n=counts[table])
        for table, text in KIND_WORDS.items()
        if counts.get(table)
    ]
    other = sum(
        n
        for table, n in counts.items()
        if table not in KIND_WORDS and table not in (ANCHOR, PERSON_HASH)
    )
    if other:
        words.append(translate("sync", OTHER_WORDS, n=other))
    return words


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote (for the 同步 page and the CLI)."""

    path: Path
    seq_from: int
    seq_to: int
    full: bool
    acked_seq: int
    counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    person_hash_keyed: bool = False

    @property
    def rows(self) -> int:
        return sum(n for t, n in self.counts.items() if t not in (ANCHOR, PERSON_HASH))

    def kinds(self) -> list[str]:
        return describe_counts(self.counts)


@dataclass(frozen=True)
class SyncStatus:
    """The station's side of sync: the township's last acknowledgement and what waits."""

    acked_seq: int
    acked_incarnation: str
    incarnation: str
    current_seq: int
    last_export_at: str

    @property
    def waiting(self) -> int:
        return max(0, self.current_seq - self.acked_seq)


def _acked(db: Database) -> tuple[int, str]:
    raw = get_state(db, ACKED_SEQ) or "0"
    try:
        seq = max(0, int(raw))
    except ValueError:
        seq = 0
    return seq, get_state(db, ACKED_INCARNATION) or ""


def sync_status(db: Database) -> SyncStatus:
    from app.models import ChangeCounter

    seq, incarnation = _acked(db)
    with db.read() as session:
        counter = session.get(ChangeCounter, 1)
        current = counter.value if counter is not None else 0
    return SyncStatus(
        seq, incarnation, get_state(db, INCARNATION) or "", current, get_state(db, LAST_SYNC) or ""
    )


def set_acknowledged(db: Database, incarnation: str, seq: int) -> bool:
    """Store the township's acknowledgement; ignored (False) for another incarnation.

    The township is the authority on what it holds: a lower sequence than
    the one stored (a township PC restored from an old backup) is taken too,
    so the next export re-sends what it lost.
    """
    if incarnation != (get_state(db, INCARNATION) or ""):
        return False
    with db.write() as session:
        set_state(session, ACKED_SEQ, str(max(0, int(seq))))
        set_state(session, ACKED_INCARNATION, incarnation)
    return True


def _hash_key(db: Database) -> bytes | None:
    raw = (get_state(db, HASH_KEY) or "").strip()
    if not raw:
        return None
    try:
        return bytes.fromhex(raw)
    except ValueError:
        return raw.encode("utf-8")


def _select_list(table: str, columns: tuple[str, ...], keyed: bool) -> str:
    exprs = []
    for column in columns:
        if column in _BLANKED and table in PERSON_TABLES:
            exprs.append("''")
        elif column == "id_hash" and table in PERSON_TABLES:
            exprs.append(
                "CASE WHEN id_number != '' THEN wb_hmac(id_number) ELSE '' END" if keyed else "''"
            )
        else:
            exprs.append(quote(column))
    return ", ".join(exprs)


def export_sync(
    db: Database,
    data_dir: DataDir,
    folder: Path,
    *,
    full: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportSummary:
    """Write a sync file of everything not acknowledged (or everything) into *folder*."""
    own = db.station_id
    with db.read() as session:
        station = session.get(Station, own) if own else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        code, name = station.code, station.name
        prev = session.get(LocalState, LAST_FILE)
        prev_sha = prev.value if prev is not None else ""
    station_keys = keys.load_keys(data_dir.keys)
    audit.anchor(db, station_keys.signing, "sync")
    acked_seq, acked_incarnation = _acked(db)
    incarnation = get_state(db, INCARNATION) or ""
    lower = 0 if full else acked_seq
    key = _hash_key(db)
    tables = payload_tables()
    steps = len(tables) + 1
    with tempfile.TemporaryDirectory(prefix="wb-export-") as tmp:
        payload = Path(tmp) / "payload.sqlite"
        con = sqlite3.connect(f"file:{payload.as_posix()}", uri=True, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
            # a scratch file: what must survive a power cut is the zip, which is fsynced
            con.execute("PRAGMA synchronous=OFF")
            if key is not None:
                digest_key = key
                con.create_function(
                    "wb_hmac",
                    1,
                    lambda v: hmac.new(digest_key, str(v).encode("utf-8"), sha256).hexdigest(),
                    deterministic=True,
                )
            con.execute("ATTACH DATABASE ? AS s", (f"file:{db.path.resolve().as_posix()}?mode=ro",))
            con.execute("BEGIN")
            create_payload_tables(con)
            seq_to = int(
                con.execute("SELECT value FROM s.change_counter WHERE id = 1").fetchone()[0]
            )
            for step, table in enumerate(syncable_tables()):
                if cancelled is not None and cancelled():
                    raise SyncCancelled(
                        QT_TRANSLATE_NOOP(
                            "errors", "The export was cancelled; no sync file was written."
                        )
                    )
                columns = tables[table]
                cols = ", ".join(quote(c) for c in columns)
                con.execute(
                    f"INSERT INTO main.{quote(table)} ({cols}) "
                    f"SELECT {_select_list(table, columns, key is not None)} FROM s.{quote(table)} "
                    # through the change_seq index: ``+station_id`` keeps SQLite off the
                    # station_id index (every row of a station's file matches it, so a
                    # 3 GB station was read whole); no ORDER BY: the importer orders rows
                    "WHERE change_seq > ? AND change_seq <= ? AND +station_id = ?",
                    (lower, seq_to, own),
                )
                if key is not None and table in PERSON_TABLES:
                    for column in _BLANKED:
                        if column in columns:
                            con.execute(
                                f"INSERT INTO main.{PERSON_HASH} "
                                f"SELECT ?, id, ?, wb_hmac({column}) FROM s.{quote(table)} "
                                f"WHERE change_seq > ? AND change_seq <= ? AND +station_id = ? "
                                f"AND {column} != ''",
                                (table, column, lower, seq_to, own),
                            )
                if progress is not None:
                    progress(step + 1, steps)
            anchor_cols = ", ".join(quote(c) for c in tables[ANCHOR])
            con.execute(
                f"INSERT INTO main.{ANCHOR} ({anchor_cols}) SELECT {anchor_cols} FROM s.{ANCHOR} "
                "WHERE station_id = ? ORDER BY id DESC LIMIT 1",
                (own,),
            )
            counts = {
                table: int(con.execute(f"SELECT count(*) FROM main.{quote(table)}").fetchone()[0])
                for table in tables
            }
            totals = {
                table: int(
                    con.execute(
                        f"SELECT coalesce(sum({quote(column)}), 0) FROM main.{quote(table)}"
                    ).fetchone()[0]
                )
                for table, column in CONTROL_COLUMNS.items()
            }
            con.execute("COMMIT")
            con.execute("DETACH DATABASE s")
        finally:
            con.close()
        manifest = {
            "format": FORMAT,
            "schema": head_revision(),
            "program": __version__,
            "station_id": own,
            "station_code": code,
            "station_name": name,
            "incarnation": incarnation,
            "seq_from": lower + 1,
            "seq_to": seq_to,
            "full": full,
            # what this file builds on: the township's acknowledgement the station holds
            "base_incarnation": "" if full else acked_incarnation,
            "base_seq": lower,
            "prev_sha256": prev_sha,
            "created_at": utcnow().isoformat(timespec="seconds"),  # station clock: display only
            "counts": counts,
            "totals": totals,
            "person_hash": "keyed" if key is not None else "absent",
        }
        try:
            path = write_envelope(folder, manifest, payload, station_keys.signing)
        except OSError as exc:
            raise ExportFailed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The sync file could not be written to {folder} ({error}). Check the USB "
                    "stick and export again; nothing was marked as synced.",
                ),
                folder=str(folder),
                error=exc.strerror or str(exc),
            ) from exc
    # read back from the stick: the identity the township will give it (and a file this
    # station cannot read back is one the township cannot read either)
    try:
        file_sha = open_envelope(path).file_sha256
    except (OSError, SyncFileRefused) as exc:
        raise ExportFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "The sync file written to {folder} could not be read back: the USB stick may "
                "be failing. Use another stick and export again; nothing was marked as synced.",
            ),
            folder=str(folder),
        ) from exc
    with db.write() as session:
        set_state(session, LAST_FILE, file_sha)
        set_state(session, LAST_SYNC, utcnow().isoformat(timespec="seconds"))
    if progress is not None:
        progress(steps, steps)
    return ExportSummary(
        path, lower + 1, seq_to, full, acked_seq, counts, totals, person_hash_keyed=key is not None
    )
