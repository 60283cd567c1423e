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

Automatic backups are *packed*: a zip of ``backup.json`` (station, kind, time,
the database's size and SHA-256) and the database deflated at level 1 — about
a fifth of its size, at ~150 MB/s — and the retained set is kept within
:data:`BUDGET_FACTOR` times the live database's size (oldest first; never the
newest daily backup).  A 2 GB station's 23 daily/weekly/monthly copies were
46 GB.  "Back up now" to a chosen folder writes a plain SQLite file (with the
photos inside), which any SQLite tool can open.  Both kinds end in ``.wbak``
and are told apart by their first bytes; :func:`unpacked` turns either into an
SQLite file to check, with the packed size limits of hostile input.

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

import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
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
PACKED_KINDS = frozenset({"daily", "pre-migration", "pre-restore"})  # the automatic ones
BUDGET_FACTOR = 3  # automatic backups kept within 3x the live database's size
PACK_LEVEL = 1  # zlib level: 5x smaller on station data, ~3x faster than level 6
_PACK_META = "backup.json"
_PACK_DB = "station.db"
_PACK_FORMAT = "wbak-packed-1"
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 20
ProgressFn = Callable[[int, int], None]


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
    source: Path,
    target: Path,
    kind: str,
    taken_at: datetime,
    photos: Path | None = None,
    progress: ProgressFn | None = None,
) -> None:
    """Online-backup *source* (and the *photos* folder) into one new file at *target*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)

    def pages(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst, pages=4096, progress=pages)
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


def _pack(plain: Path, target: Path, meta: dict[str, object], progress: ProgressFn | None) -> None:
    """Write *plain* (an SQLite file) packed into *target*: temp name, fsync, rename."""
    size = plain.stat().st_size
    digest = hashlib.sha256()
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=PACK_LEVEL) as zf:
        with open(plain, "rb") as src, zf.open(_PACK_DB, "w", force_zip64=True) as out:
            done = 0
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, size)
        body = {**meta, "format": _PACK_FORMAT, "db_size": size, "db_sha256": digest.hexdigest()}
        zf.writestr(_PACK_META, json.dumps(body, ensure_ascii=False, sort_keys=True))
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def is_packed(path: Path) -> bool:
    """Whether the backup at *path* is a packed (zip) backup rather than a plain SQLite file."""
    with open(path, "rb") as f:
        return f.read(4) == _ZIP_MAGIC


def _not_usable(path: Path, problem: str) -> IntegrityProblem:
    return IntegrityProblem(
        QT_TRANSLATE_NOOP("errors", "{file} is not a usable station backup: {problem}"),
        file=path.name,
        problem=problem,
    )


def _packed_meta(path: Path) -> tuple[dict[str, object], zipfile.ZipInfo]:
    """The checked ``backup.json`` of a packed backup and its database entry."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = sorted(i.filename for i in infos)
            if names != sorted([_PACK_META, _PACK_DB]):
                raise _not_usable(path, "unexpected entries " + ", ".join(names[:5]))
            meta_info = zf.getinfo(_PACK_META)
            if meta_info.file_size > 64 * 1024:
                raise _not_usable(path, "oversized description")
            body = json.loads(zf.read(_PACK_META).decode("utf-8"))
            entry = zf.getinfo(_PACK_DB)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise _not_usable(path, str(exc) or type(exc).__name__) from exc
    if (
        not isinstance(body, dict)
        or body.get("format") != _PACK_FORMAT
        or not isinstance(body.get("db_size"), int)
        or body["db_size"] != entry.file_size
        or not isinstance(body.get("db_sha256"), str)
    ):
        raise _not_usable(path, "damaged description")
    return body, entry


def unpacked(path: Path, target: Path) -> Path:
    """*path* as an SQLite file: the file itself when plain, else its database unpacked to
    *target* — refused (IntegrityProblem, nothing left at *target*) when the declared
    size would not fit on the disk, the bytes exceed it, or the SHA-256 differs."""
    if not is_packed(path):
        return path
    body, entry = _packed_meta(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(target.parent).free
    if entry.file_size > free - 256 * 1024 * 1024:
        raise _not_usable(path, f"it unpacks to {entry.file_size} bytes, more than the free space")
    digest = hashlib.sha256()
    written = 0
    try:
        with zipfile.ZipFile(path) as zf, zf.open(entry) as src, open(target, "wb") as out:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > entry.file_size:
                    raise _not_usable(path, "more data than declared")
                digest.update(chunk)
                out.write(chunk)
        if written != entry.file_size or digest.hexdigest() != body["db_sha256"]:
            raise _not_usable(path, "the data does not match its checksum")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        target.unlink(missing_ok=True)
        raise _not_usable(path, str(exc) or type(exc).__name__) from exc
    except IntegrityProblem:
        target.unlink(missing_ok=True)
        raise
    return target


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


def make_backup(
    db: Database,
    folder: Path,
    kind: str,
    *,
    with_photos: bool = False,
    progress: ProgressFn | None = None,
) -> BackupInfo:
    """Back up *db* into *folder*; no permission check (the program's own backups).

    The automatic kinds (:data:`PACKED_KINDS`) are packed.  *progress(done, total)*
    follows the copy, then the packing (two halves of one 0..1000 scale)."""
    # the backup carries the chain's head signed now: an edited copy is caught
    audit.anchor_with_keys(db, DataDir(db.path.parent).keys, f"backup:{kind}"[:40])
    taken_at = utcnow()
    target = folder / _backup_name(_station_code(db), taken_at, kind)
    photos = _photos_folder(db) if with_photos else None
    pack = kind in PACKED_KINDS and not with_photos

    def half(offset: int) -> ProgressFn | None:
        if progress is None:
            return None
        scale = 500 if pack else 1000
        return lambda done, total: progress(offset + scale * done // max(total, 1), 1000)

    try:
        if pack:
            plain = folder / (target.name + ".plain")
            try:
                _copy_database(db.path, plain, kind, taken_at, None, half(0))
                station = _station_code(db)
                meta: dict[str, object] = {
                    "kind": kind,
                    "taken_at": taken_at.isoformat(),
                    "station_code": station,
                }
                with sqlite3.connect(f"file:{plain.as_posix()}?mode=ro", uri=True) as con:
                    row = con.execute(
                        f"SELECT name, code FROM station WHERE {OWN_STATION_SQL}"
                    ).fetchone()
                con.close()
                if row is not None:
                    meta["station_name"], meta["station_code"] = row[0], row[1]
                _pack(plain, target, meta, half(500))
            finally:
                plain.unlink(missing_ok=True)
        else:
            _copy_database(db.path, target, kind, taken_at, photos, half(0))
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
    """Check that *path* is a sound station backup and say what it holds.

    A packed backup is described from its ``backup.json`` (cheap: the backups list
    reads every file); *full* unpacks it beside itself and checks the database."""
    bad = QT_TRANSLATE_NOOP("errors", "{file} is not a usable station backup: {problem}")
    if not path.is_file():
        raise IntegrityProblem(bad, file=path.name, problem="file not found")
    if is_packed(path):
        body, _entry = _packed_meta(path)
        if full:
            plain = unpacked(path, path.with_name(path.name + ".check"))
            try:
                inner = inspect_backup(plain, full=True)
            finally:
                plain.unlink(missing_ok=True)
            return BackupInfo(
                path,
                inner.created_at,
                inner.station_name,
                inner.station_code,
                inner.kind,
                path.stat().st_size,
                inner.photos,
            )
        try:
            created = datetime.fromisoformat(str(body.get("taken_at")))
        except ValueError as exc:
            raise _not_usable(path, "damaged description") from exc
        return BackupInfo(
            path,
            created,
            str(body.get("station_name", "")),
            str(body.get("station_code", "")),
            str(body.get("kind", "unknown")),
            path.stat().st_size,
            0,
        )
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
    db: Database,
    data_dir: DataDir,
    retention: Retention | None = None,
    progress: ProgressFn | None = None,
) -> BackupInfo | None:
    """The day's first start makes a daily backup, then retention is applied."""
    retention = retention or Retention()
    today = datetime.now().date()
    for existing in data_dir.backups.glob(f"*-daily{SUFFIX}"):
        stamp = _stamp_of(existing)
        if stamp and _local(stamp).date() == today:
            return None
    for leftover in data_dir.backups.glob(f"*{SUFFIX}.*"):  # .part/.plain/.check of a crash
        leftover.unlink(missing_ok=True)
    info = make_backup(db, data_dir.backups, "daily", progress=progress)
    mirror_photos(data_dir.photos, data_dir.backups / PHOTO_MIRROR)
    apply_retention(
        data_dir.backups,
        keep_daily=retention.keep_daily,
        keep_weekly=retention.keep_weekly,
        keep_monthly=retention.keep_monthly,
    )
    apply_budget(data_dir.backups, db.path.stat().st_size)
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


def apply_budget(folder: Path, live_size: int, factor: int = BUDGET_FACTOR) -> list[Path]:
    """Keep the automatic backups in *folder* within *factor* × *live_size* bytes.

    The oldest go first, the newest daily backup is always kept (and, when alone
    over the budget, is all that is kept).  Backups to a chosen folder are not
    automatic and are never removed here."""
    automatic = sorted(
        (
            (stamp, p)
            for p in folder.glob(f"*{SUFFIX}")
            if (stamp := _stamp_of(p))
            and any(p.name.endswith(f"-{k}{SUFFIX}") for k in PACKED_KINDS)
        ),
        reverse=True,
    )
    newest_daily = next((p for _, p in automatic if p.name.endswith(f"-daily{SUFFIX}")), None)
    budget = factor * max(live_size, 1)
    used = sum(p.stat().st_size for _, p in automatic)
    removed: list[Path] = []
    for _stamp, path in reversed(automatic):  # oldest first
        if used <= budget:
            break
        if path == newest_daily:
            continue
        used -= path.stat().st_size
        path.unlink(missing_ok=True)
        removed.append(path)
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
    # a packed backup is an automatic one: its photos are in the mirror only
    con = sqlite3.connect(
        ":memory:" if is_packed(backup) else f"file:{backup.as_posix()}?mode=ro", uri=True
    )
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
