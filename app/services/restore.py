"""恢复 — putting a backup back, handled as hostile input (DESIGN §7).

A backup file may come from anywhere: a USB stick that went round the village,
a folder copied from another station's PC, or a file someone edited with the
sqlite3 tool.  Nothing in it is trusted until it has been checked **in a
temporary place**, and the live database is touched only after every check
passed:

1. the file is a sound SQLite database (``integrity_check``) of a revision
   this program knows;
2. its schema is exactly the one the shipped revisions build for that revision
   (:mod:`app.db.schema_check`): the same tables, columns, indexes and foreign
   keys, no views, and no trigger the code does not make — a trigger that
   plants an administrator or adds points is refused, not copied;
3. a copy is made in ``<data>/restore-check``; every trigger in it is dropped
   and the guard triggers are rebuilt from the code, then the copy is brought
   up to the current schema;
4. on the copy, the whole data check runs (``check --full``): the audit chain,
   every household balance, goods on hand, volunteer hours and stars;
5. the station in it must be this PC's station (its signing-key fingerprint
   equals the one of the keys in this data folder).  Another station's backup
   makes every card of this station forged, so it needs an explicit choice
   (``accept_other_station``), which the audit log records.

Only then is a pre-restore backup of the live database taken and the checked
copy put in its place with SQLite's backup API (one transaction: a crash leaves
the old or the new database, never a mix).  A refusal raises
:class:`~app.errors.IntegrityProblem` (or :class:`OtherStationBackup`) with a
translated message that says why, and the live database is exactly as before.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from app.db import Database
from app.db.migrate import ensure_schema
from app.db.schema_check import differences, expected_schema, schema_of
from app.errors import DomainError, IntegrityProblem
from app.i18n import QT_TRANSLATE_NOOP
from app.models.base import guard_statements, utcnow
from app.paths import DataDir
from app.progress import Cancel, ProgressFn, check, report
from app.services import audit
from app.services.auth import SYSTEM, Actor, Permission, require
from app.services.backup import (
    _TS,
    OWN_STATION_SQL,
    PHOTO_TABLE,
    BackupInfo,
    _overwrite_database,
    first_unsound_photo,
    inspect_backup,
    make_backup,
    restore_photos,
    unpacked,
)
from app.services.station import new_incarnation

CHECK_FOLDER = "restore-check"
MAX_PHOTO_BYTES = 20 * 1024 * 1024  # one embedded photo; the app stores far smaller ones
_PHOTO_COLUMNS = (("data", "BLOB", 1, None, 0, 0), ("path", "TEXT", 0, None, 1, 0))


class OtherStationBackup(DomainError):
    """The backup holds another station's data; restoring needs an explicit choice."""

    def __init__(self, info: BackupInfo, theirs: str, ours: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is a backup of another station: {station} (code {code}), key "
                "fingerprint {theirs}; this PC's key is {ours}. Restoring it makes every card "
                "printed here invalid. Restore it only if this PC is to become that station.",
            ),
            file=info.path.name,
            station=info.station_name,
            code=info.station_code,
            theirs=theirs,
            ours=ours,
        )
        self.info = info
        self.theirs = theirs
        self.ours = ours


@dataclass(frozen=True)
class CheckedBackup:
    """A backup that passed every check, as a migrated copy ready to go live."""

    info: BackupInfo
    copy: Path
    other_station: bool
    fingerprint: str
    guards_rebuilt: int  # guard triggers the file lacked, rebuilt from the code


def _refuse(file: str, reason: str, details: list[str]) -> IntegrityProblem:
    return IntegrityProblem(reason, file=file, details="; ".join(details[:4]))


def _check_schema(con: sqlite3.Connection, file: str) -> tuple[str, int]:
    """The file's revision after checking its schema; raises on any difference."""
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    actual = schema_of(con)
    expected = expected_schema(revision)
    found = differences(actual, expected, allow_missing_triggers=True)
    # by the words naming the kind of object, not a substring: "missing table report_review"
    # is a table, not a view
    code = [d for d in found if {"trigger", "view"} & set(d.split()[:3])]
    if code:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} contains database code this program did not write ({details}). "
                "It may have been tampered with; nothing was restored.",
            ),
            code,
        )
    if found:
        raise _refuse(
            file,
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} does not have the tables of a station backup ({details}); "
                "nothing was restored.",
            ),
            found,
        )
    if PHOTO_TABLE in actual.tables:
        if actual.tables[PHOTO_TABLE] != _PHOTO_COLUMNS:
            raise _refuse(
                file,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} does not have the tables of a station backup ({details}); "
                    "nothing was restored.",
                ),
                [f"the columns of table {PHOTO_TABLE} differ"],
            )
        too_big = con.execute(
            f"SELECT path FROM {PHOTO_TABLE} WHERE length(data) > ? LIMIT 1", (MAX_PHOTO_BYTES,)
        ).fetchone()
        if too_big:
            raise IntegrityProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} carries a photo that is far too large ({photo}); nothing was restored.",
                ),
                file=file,
                photo=str(too_big[0])[:80],
            )
        unsound = first_unsound_photo(con)
        if unsound is not None:
            raise IntegrityProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} carries a photo that is not a picture ({photo}); it may have been "
                    "tampered with. Nothing was restored.",
                ),
                file=file,
                photo=unsound[:80],
            )
    missing = len(set(expected.triggers) - set(actual.triggers))
    return revision, missing


def _check_data(copy: Path, file: str) -> None:
    from app.services.checks import run_checks

    db = Database(copy)
    try:
        failed = [r for r in run_checks(db, full=True) if not r.ok]
    finally:
        db.dispose()
    if failed:
        first = failed[0]
        raise IntegrityProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} failed the data check “{check}”: {details}. Its data does not agree "
                "with itself (it may have been edited outside the program); nothing was restored.",
            ),
            file=file,
            check=first.title,
            details="; ".join(first.problems[:3]),
        )


def _station_fingerprint(copy: Path) -> str:
    con = sqlite3.connect(f"file:{copy.as_posix()}?mode=ro", uri=True)
    try:
        row = con.execute(
            f"SELECT signing_key_fingerprint FROM station WHERE {OWN_STATION_SQL}"
        ).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else ""


def _our_fingerprint(data_dir: DataDir) -> str | None:
    from app.services.keys import load_keys

    try:
        return load_keys(data_dir.keys).fingerprint
    except (OSError, ValueError):
        return None  # no keys yet (a PC being set up from a backup)


def check_backup(
    data_dir: DataDir, backup: Path, *, accept_other_station: bool = False
) -> CheckedBackup:
    """Check *backup* completely in ``<data>/restore-check``; the live database is not touched.

    Returns the checked, migrated copy.  Raises :class:`IntegrityProblem` when
    the file is refused and :class:`OtherStationBackup` when it is another
    station's and *accept_other_station* is not set.
    """
    work = data_dir.root / CHECK_FOLDER
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        return _check_in(data_dir, backup, work, accept_other_station)
    except BaseException:
        discard_check(data_dir)
        raise


def _check_in(
    data_dir: DataDir, backup: Path, work: Path, accept_other_station: bool
) -> CheckedBackup:
    file = backup.name
    # a packed backup is unpacked first (size-limited, checksummed), under its own name
    source = unpacked(backup, work / "unpacked" / backup.name)
    inner = inspect_backup(source, full=True)
    info = replace(inner, path=backup, size=backup.stat().st_size)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        src.execute("PRAGMA trusted_schema=OFF")
        try:
            _revision, missing = _check_schema(src, file)
        except sqlite3.DatabaseError as exc:
            raise _refuse(
                file,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} does not have the tables of a station backup ({details}); "
                    "nothing was restored.",
                ),
                [str(exc)],
            ) from exc
        copy = work / "candidate.db"
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if source != backup:
        source.unlink()

    # In the copy: no trigger from the file survives; the guards come from the code.
    con = sqlite3.connect(copy, isolation_level=None)
    try:
        con.execute("PRAGMA trusted_schema=OFF")
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        con.execute("BEGIN")
        for name in names:
            con.execute(f'DROP TRIGGER "{name}"')
        if con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (PHOTO_TABLE,)
        ).fetchone():
            con.execute(f"DROP TABLE {PHOTO_TABLE}")
        con.execute("COMMIT")
        con.execute("VACUUM")
    finally:
        con.close()
    candidate = Database(copy)
    try:
        ensure_schema(candidate.engine)
        with candidate.engine.begin() as conn:
            for statement in guard_statements():
                conn.exec_driver_sql(statement)
    finally:
        candidate.dispose()

    _check_data(copy, file)

    theirs = _station_fingerprint(copy)
    ours = _our_fingerprint(data_dir)
    other = ours is not None and theirs != ours
    if other and not accept_other_station:
        raise OtherStationBackup(info, theirs or "—", ours or "—")
    return CheckedBackup(info, copy, other, theirs, missing)


def discard_check(data_dir: DataDir) -> None:
    shutil.rmtree(data_dir.root / CHECK_FOLDER, ignore_errors=True)


def _restored_entry(checked: CheckedBackup, extra: dict[str, object]) -> dict[str, object]:
    return {
        "file": checked.info.path.name,
        "taken_at": checked.info.created_at.isoformat(),
        "station": checked.info.station_code,
        "other_station": checked.other_station,
        "fingerprint": checked.fingerprint,
        "guard_triggers_rebuilt": checked.guards_rebuilt,
        **extra,
    }


RESTORE_STEPS = 5  # check, pre-restore backup, replace, photos, record


def restore_backup(
    db: Database,
    data_dir: DataDir,
    actor: Actor,
    backup: Path,
    *,
    accept_other_station: bool = False,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> BackupInfo:
    """恢复 — replace the live database with *backup* after checking it completely.

    The caller must hold no open sessions; *db* stays usable afterwards.
    *progress(step, RESTORE_STEPS)* follows the steps (check, backup of the current
    data, replace, photos, record).  *cancel* is honoured only before the file is
    replaced (:class:`~app.progress.Cancelled`, nothing changed); after
    that the restore always runs to its end.
    """
    require(actor, Permission.RESTORE)
    try:
        check(cancel)
        checked = check_backup(data_dir, backup, accept_other_station=accept_other_station)
        report(progress, 1, RESTORE_STEPS)
        check(cancel)
        before = make_backup(db, data_dir.backups, "pre-restore")
        report(progress, 2, RESTORE_STEPS)
        check(cancel)  # the last moment to stop: from here on the file is replaced
        db.dispose()
        audit.forget_anchor_file(data_dir.root)
        _overwrite_database(checked.copy, db.path)
        db.dispose()
    finally:
        discard_check(data_dir)
    report(progress, 3, RESTORE_STEPS)
    photos = restore_photos(backup, data_dir)
    report(progress, 4, RESTORE_STEPS)
    db.forget_station()
    new_incarnation(db)
    with db.write() as session:
        audit.record(
            session,
            actor,
            "backup.restore",
            "backup",
            "",
            after=_restored_entry(
                checked, {"pre_restore_backup": before.path.name, "photos_restored": photos}
            ),
        )
    audit.anchor_with_keys(db, data_dir.keys, "restore")
    report(progress, RESTORE_STEPS, RESTORE_STEPS)
    return checked.info


def restore_file_offline(
    data_dir: DataDir, backup: Path, *, accept_other_station: bool = False
) -> None:
    """Put a checked backup in place of a database that failed its check (not opened).

    The damaged files are kept beside it as ``station.db.damaged-<time>`` so
    nothing is thrown away.
    """
    try:
        checked = check_backup(data_dir, backup, accept_other_station=accept_other_station)
        stamp = utcnow().strftime(_TS)
        live = data_dir.database
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(live) + suffix)
            if part.exists():
                shutil.move(part, Path(f"{live}.damaged-{stamp}{suffix}"))
        audit.forget_anchor_file(data_dir.root)
        _overwrite_database(checked.copy, live)
    finally:
        discard_check(data_dir)
    photos = restore_photos(backup, data_dir)
    db = Database(live)
    try:
        new_incarnation(db)
        with db.write() as session:
            audit.record(
                session,
                SYSTEM,
                "backup.restore_damaged",
                "backup",
                "",
                after=_restored_entry(
                    checked,
                    {"damaged_kept_as": f"{live.name}.damaged-{stamp}", "photos_restored": photos},
                ),
            )
        audit.anchor_with_keys(db, data_dir.keys, "restore")
    finally:
        db.dispose()
