"""备份与恢复 — backups with the SQLite backup API, retention, restore.

DESIGN §7.  A backup is a consistent single-file copy of the station database
made with SQLite's online backup API (safe while the app is running), switched
to ``journal_mode=DELETE`` so it is one self-contained file, stamped with when
and why it was taken, written under a temporary name, fsynced and renamed — a
pulled USB stick never leaves a half file under a backup's name.

Automatic backups live in ``<data>/backups``: one a day (the first start of
the day), plus one before every migration and before every restore.  Retention
keeps the newest daily backup of each of the last N days, weeks and months
(settings ``backup/keep_*``) and the last ten pre-migration/pre-restore files.

A restore is hostile-input handling and lives in :mod:`app.services.restore`:
the file is checked completely in a temporary place before anything live
changes; this module gives it the low-level pieces (``inspect_backup``,
``_overwrite_database``, the photos).

Activity photos live in ``<data>/photos`` as write-once files.  A backup to a
chosen folder (a USB stick) carries them inside the backup file, in a
``backup_photo`` table, so one file holds the whole station.  Automatic
backups hold the database only — 23 kept copies of every photo would fill a
small disk — and instead keep ``<data>/backups/photos`` as an incremental
mirror (a photo is copied there once).  A restore writes back every photo
that is missing, from the backup file and from the mirror, and never deletes
one.  Paths read from a backup file are checked to stay inside the photos
folder.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import Database
from app.db.migrate import known_revisions
from app.errors import DomainError, IntegrityProblem
from app.i18n import QT_TRANSLATE_NOOP
from app.models.base import utcnow
from app.paths import DataDir
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.photos import MAX_PHOTO_BYTES, check_image_bytes
from app.services.station import LAST_BACKUP, set_state

SUFFIX = ".wbak"
_TAKEN_AT = "backup_taken_at"
_KIND = "backup_kind"
_TS = "%Y%m%d-%H%M%S"
KEEP_SPECIAL = 10  # pre-migration / pre-restore files kept


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime  # UTC, naive
    station_name: str
    station_code: str
    kind: str
    size: int
    photos: int = 0  # photos carried inside the file


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a directory
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_database(
    source: Path, target: Path, kind: str, taken_at: datetime, photos: Path | None = None
) -> None:
    """Online-backup *source* (and the *photos* folder) into one new file at *target*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            with dst:
                dst.execute(
                    "INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?), (?, ?)",
                    (_TAKEN_AT, taken_at.isoformat(), _KIND, kind),
                )
            if photos is not None:
                _embed_photos(dst, photos)
        finally:
            dst.close()
    finally:
        src.close()
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def _backup_name(code: str, taken_at: datetime, kind: str) -> str:
    return f"wb-{code or 'station'}-{taken_at.strftime(_TS)}-{kind}{SUFFIX}"


OWN_STATION_SQL = (
    "id = coalesce((SELECT value FROM local_state WHERE key = 'own_station_id'), id) "
    "ORDER BY id LIMIT 1"
)
"""The backup's own station in its ``station`` table: the one its mark names
(schema 0006 on), or the only one (an older backup)."""


def _station_code(db: Database) -> str:
    from app.services.station import get_station

    try:
        return get_station(db).code
    except Exception:
        return "station"


def make_backup(db: Database, folder: Path, kind: str, *, with_photos: bool = False) -> BackupInfo:
    """Back up *db* into *folder*; no permission check (the program's own backups)."""
    # the backup carries the chain's head signed now: an edited copy is caught
    audit.anchor_with_keys(db, DataDir(db.path.parent).keys, f"backup:{kind}"[:40])
    taken_at = utcnow()
    target = folder / _backup_name(_station_code(db), taken_at, kind)
    photos = _photos_folder(db) if with_photos else None
    try:
        _copy_database(db.path, target, kind, taken_at, photos)
    except OSError as exc:
        raise IntegrityProblem(
            QT_TRANSLATE_NOOP("errors", "The backup could not be written to {folder}: {error}"),
            folder=str(folder),
            error=exc.strerror or str(exc),
        ) from exc
    info = inspect_backup(target, full=False)
    with db.write() as session:
        set_state(session, LAST_BACKUP, taken_at.isoformat())
    return info


def backup_now(db: Database, actor: Actor, folder: Path, kind: str = "manual") -> BackupInfo:
    """备份到文件夹 — "back up now" to a chosen folder (for example a USB stick)."""
    require(actor, Permission.BACKUP)
    info = make_backup(db, folder, kind, with_photos=True)
    with db.write() as session:
        audit.record(
            session,
            actor,
            "backup.create",
            "backup",
            "",
            after={
                "file": info.path.name,
                "folder": str(folder),
                "kind": kind,
                "photos": info.photos,
            },
        )
    return info


def inspect_backup(path: Path, *, full: bool = True) -> BackupInfo:
    """Check that *path* is a sound station backup and say what it holds."""
    bad = QT_TRANSLATE_NOOP("errors", "{file} is not a usable station backup: {problem}")
    if not path.is_file():
        raise IntegrityProblem(bad, file=path.name, problem="file not found")
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise IntegrityProblem(bad, file=path.name, problem=str(exc)) from exc
    try:
        con.execute("PRAGMA trusted_schema=OFF")
        check = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise IntegrityProblem(bad, file=path.name, problem=str(check and check[0]))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"station", "alembic_version", "local_state"} <= tables:
            raise IntegrityProblem(bad, file=path.name, problem="not a station database")
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] not in known_revisions():
            raise IntegrityProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} was made by a newer version of this program; update the program first.",
                ),
                file=path.name,
            )
        photos = (
            con.execute(f"SELECT count(*) FROM {PHOTO_TABLE}").fetchone()[0]
            if PHOTO_TABLE in tables
            else 0
        )
        station = con.execute(f"SELECT name, code FROM station WHERE {OWN_STATION_SQL}").fetchone()
        if station is None:
            raise IntegrityProblem(bad, file=path.name, problem="no station in it")
        meta = dict(con.execute("SELECT key, value FROM local_state"))
    except sqlite3.DatabaseError as exc:
        raise IntegrityProblem(bad, file=path.name, problem=str(exc)) from exc
    finally:
        con.close()
    taken = meta.get(_TAKEN_AT)
    created = (
        datetime.fromisoformat(taken) if taken else datetime.utcfromtimestamp(path.stat().st_mtime)
    )
    return BackupInfo(
        path=path,
        created_at=created,
        station_name=station[0],
        station_code=station[1],
        kind=meta.get(_KIND, "unknown"),
        size=path.stat().st_size,
        photos=photos,
    )


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in *folder*, newest first; files that are not sound are skipped."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            found.append(inspect_backup(path, full=False))
        except IntegrityProblem:
            continue
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def latest_good_backup(data_dir: DataDir) -> BackupInfo | None:
    for candidate in list_backups(data_dir.backups):
        try:
            return inspect_backup(candidate.path, full=True)
        except IntegrityProblem:
            continue
    return None


# --- automatic backups and retention -----------------------------------------


@dataclass(frozen=True)
class Retention:
    """How many automatic backups are kept (the UI's settings give the numbers)."""

    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12


def auto_backup_if_due(
    db: Database, data_dir: DataDir, retention: Retention | None = None
) -> BackupInfo | None:
    """The day's first start makes a daily backup, then retention is applied."""
    retention = retention or Retention()
    today = datetime.now().date()
    for existing in data_dir.backups.glob(f"*-daily{SUFFIX}"):
        stamp = _stamp_of(existing)
        if stamp and _local(stamp).date() == today:
            return None
    info = make_backup(db, data_dir.backups, "daily")
    mirror_photos(data_dir.photos, data_dir.backups / PHOTO_MIRROR)
    apply_retention(
        data_dir.backups,
        keep_daily=retention.keep_daily,
        keep_weekly=retention.keep_weekly,
        keep_monthly=retention.keep_monthly,
    )
    return info


def _stamp_of(path: Path) -> datetime | None:
    """The UTC time in a backup's file name (wb-<code>-<YYYYmmdd-HHMMSS>-<kind>.wbak)."""
    parts = path.stem.split("-")
    try:
        return datetime.strptime(f"{parts[2]}-{parts[3]}", _TS)
    except (IndexError, ValueError):
        return None


def _local(utc: datetime) -> datetime:
    """A naive UTC time as naive local time (backups are kept by local calendar days)."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def apply_retention(
    folder: Path, *, keep_daily: int, keep_weekly: int, keep_monthly: int
) -> list[Path]:
    """Delete automatic backups the policy no longer keeps; returns what was removed."""
    daily = sorted(
        ((stamp, p) for p in folder.glob(f"*-daily{SUFFIX}") if (stamp := _stamp_of(p))),
        reverse=True,
    )
    keep: set[Path] = set()

    def keep_newest_per(key: Callable[[datetime], object], count: int) -> None:
        seen: list[object] = []
        for stamp, path in daily:
            k = key(_local(stamp))
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(path)

    keep_newest_per(lambda t: t.date(), keep_daily)
    keep_newest_per(lambda t: t.isocalendar()[:2], keep_weekly)
    keep_newest_per(lambda t: (t.year, t.month), keep_monthly)
    removed = [p for _, p in daily if p not in keep]
    for kind in ("pre-migration", "pre-restore"):
        special = sorted(
            (p for p in folder.glob(f"*{SUFFIX}") if f"-{kind}" in p.name),
            key=lambda p: _stamp_of(p) or datetime.min,
            reverse=True,
        )
        removed += special[KEEP_SPECIAL:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- restore (app.services.restore checks a backup, then puts it in place) -----


def _overwrite_database(backup: Path, live: Path) -> None:
    src = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(live, timeout=10)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
            # The photos went to the photos folder (restore_photos); their table
            # is not part of the station's schema.
            if dst.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (PHOTO_TABLE,)
            ).fetchone():
                dst.execute(f"DROP TABLE {PHOTO_TABLE}")
                dst.execute("VACUUM")
        finally:
            dst.close()
    finally:
        src.close()


# --- photos ----------------------------------------------------------------------

PHOTO_TABLE = "backup_photo"
PHOTO_MIRROR = "photos"  # <data>/backups/photos


def _photos_folder(db: Database) -> Path:
    return DataDir(db.path.parent).photos


def _photo_files(photos: Path) -> list[tuple[str, Path]]:
    """The photo files under *photos*; never a symbolic link (one to /etc/passwd named
    like a photo would otherwise be carried into every backup)."""
    if not photos.is_dir():
        return []
    return [
        (p.relative_to(photos).as_posix(), p)
        for p in sorted(photos.rglob("*"))
        if not p.is_symlink() and p.is_file() and not p.name.startswith(".")
    ]


def _sound_photo(data: bytes) -> bool:
    try:
        check_image_bytes(data)
    except DomainError:
        return False
    return True


def first_unsound_photo(con: sqlite3.Connection) -> str | None:
    """The path of the first photo the backup open in *con* carries that is not an
    acceptable picture (app.services.photos.check_image_bytes), or None.  A restore
    checks this before anything changes: a genuine backup never carries one."""
    has_table = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (PHOTO_TABLE,)
    ).fetchone()
    if not has_table:
        return None
    for rel, data in con.execute(f"SELECT path, data FROM {PHOTO_TABLE} ORDER BY path"):
        if not isinstance(data, bytes) or not _sound_photo(data):
            return str(rel)
    return None


def _embed_photos(con: sqlite3.Connection, photos: Path) -> int:
    with con:
        con.execute(f"CREATE TABLE {PHOTO_TABLE} (path TEXT PRIMARY KEY, data BLOB NOT NULL)")
        count = 0
        for rel, path in _photo_files(photos):
            con.execute(
                f"INSERT INTO {PHOTO_TABLE} (path, data) VALUES (?, ?)", (rel, path.read_bytes())
            )
            count += 1
    return count


def _safe_target(photos: Path, rel: str) -> Path | None:
    """Where *rel* goes under *photos*, or None when it would leave the folder."""
    target = (photos / rel).resolve()
    root = photos.resolve()
    return target if target != root and root in target.parents else None


def _write_new_file(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def mirror_photos(photos: Path, mirror: Path) -> int:
    """Copy photos not yet in *mirror* there (photos are write-once); returns how many."""
    copied = 0
    for rel, path in _photo_files(photos):
        target = mirror / rel
        if not target.exists():
            _write_new_file(target, path.read_bytes())
            copied += 1
    return copied


def restore_photos(backup: Path, data_dir: DataDir) -> int:
    """Write back every photo missing from the photos folder; returns how many.

    From the backup file first (when it carries photos), then from the mirror of
    the automatic backups.  Nothing is overwritten or deleted, and nothing that
    is not an acceptable picture is written (the restore refused a backup
    carrying one already; this also covers the mirror).
    """
    photos = data_dir.photos
    restored = 0
    con = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (PHOTO_TABLE,)
        ).fetchone()
        if has_table:
            for rel, data in con.execute(f"SELECT path, data FROM {PHOTO_TABLE}"):
                target = _safe_target(photos, str(rel))
                if target is None or target.exists() or not isinstance(data, bytes):
                    continue
                if _sound_photo(data):
                    _write_new_file(target, data)
                    restored += 1
    finally:
        con.close()
    for rel, path in _photo_files(data_dir.backups / PHOTO_MIRROR):
        target = photos / rel
        if not target.exists() and path.stat().st_size <= MAX_PHOTO_BYTES:
            data = path.read_bytes()
            if _sound_photo(data):
                _write_new_file(target, data)
                restored += 1
    return restored


def check_database(path: Path) -> str | None:
    """Start-up check: ``None`` when the file passes ``PRAGMA quick_check``."""
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    problems = [r[0] for r in rows if r[0] != "ok"]
    return "; ".join(problems[:5]) if problems else None


def due_for_reminder(last_backup_iso: str | None, days: int = 7) -> bool:
    """True when the last backup is older than *days* (status bar reminder)."""
    if not last_backup_iso:
        return True
    return utcnow() - datetime.fromisoformat(last_backup_iso) > timedelta(days=days)
