"""Backups: consistent copies, retention, integrity checks, restore round trip."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hostile import images

from app.db import Database
from app.errors import IntegrityProblem, PermissionDenied
from app.models import Role
from app.paths import DataDir
from app.services import audit, auth, backup, restore, station
from app.services.auth import Actor
from app.settings import Settings, backup_retention


def _usernames(db: Database, admin: Actor) -> set[str]:
    return {o.username for o in auth.list_operators(db, admin)}


def test_backup_restore_round_trip(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    db, admin = station_db
    auth.create_operator(db, admin, "before", "备份前", Role.WORKER, "pw123456")
    stick = tmp_path / "usb"
    info = backup.backup_now(db, admin, stick)
    assert info.path.parent == stick and info.station_code == "330481101001"
    assert info.station_name == "东风村新时代文明实践站"
    assert not list(stick.glob("*.part"))  # written under a temporary name, then renamed
    incarnation = station.get_state(db, station.INCARNATION)

    auth.create_operator(db, admin, "after", "备份后", Role.WORKER, "pw123456")
    assert "after" in _usernames(db, admin)

    restored = restore.restore_backup(db, data_dir, admin, info.path)
    assert restored.created_at == info.created_at
    names = _usernames(db, admin)
    assert "before" in names and "after" not in names
    # A restore starts a new incarnation and is itself audited on the restored chain.
    assert station.get_state(db, station.INCARNATION) != incarnation
    assert audit.verify_chain(db).ok
    # The database as it was before the restore was kept.
    pre = [b for b in backup.list_backups(data_dir.backups) if b.kind == "pre-restore"]
    assert len(pre) == 1


def test_only_an_administrator_may_restore(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    db, admin = station_db
    info = backup.backup_now(db, admin, tmp_path)
    auth.create_operator(db, admin, "w", "实践员", Role.WORKER, "pw123456")
    worker = auth.login(db, "w", "pw123456")
    backup.backup_now(db, worker, tmp_path / "w")  # a worker may back up
    with pytest.raises(PermissionDenied):
        restore.restore_backup(db, data_dir, worker, info.path)
    assert "w" in _usernames(db, admin)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["empty", "text", "truncated"],
)
def test_a_bad_backup_file_is_refused_and_nothing_changes(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path, content: bytes
) -> None:
    db, admin = station_db
    bad = tmp_path / "bad.wbak"
    bad.write_bytes(content)
    entries = audit.count(db)
    with pytest.raises(IntegrityProblem, match="not a usable station backup"):
        restore.restore_backup(db, data_dir, admin, bad)
    assert audit.count(db) == entries
    assert not list(data_dir.backups.glob("*pre-restore*"))


def test_a_backup_cut_short_by_a_pulled_stick_is_refused(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    db, admin = station_db
    info = backup.backup_now(db, admin, tmp_path)
    data = info.path.read_bytes()
    info.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IntegrityProblem):
        backup.inspect_backup(info.path)


def test_daily_backup_once_a_day_then_retention(
    station_db: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, _ = station_db
    settings = Settings(data_dir.settings_file)
    first = backup.auto_backup_if_due(db, data_dir, backup_retention(settings))
    assert first is not None and first.kind == "daily"
    assert backup.auto_backup_if_due(db, data_dir, backup_retention(settings)) is None
    assert station.get_state(db, station.LAST_BACKUP) == first.created_at.isoformat()


def test_retention_keeps_daily_weekly_and_monthly(tmp_path: Path) -> None:
    # 400 days of daily backups (empty files are enough: retention reads names only)
    start = datetime(2025, 10, 1, 2, 0, 0)
    for day in range(400):
        stamp = (start + timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (tmp_path / f"wb-330481101001-{stamp}-daily.wbak").touch()
    for i in range(15):
        (tmp_path / f"wb-330481101001-20260101-0000{i:02d}-pre-restore.wbak").touch()
    removed = backup.apply_retention(tmp_path, keep_daily=7, keep_weekly=4, keep_monthly=12)
    kept_daily = sorted(tmp_path.glob("*-daily.wbak"))
    # 7 newest days; weekly and monthly picks overlap the newest, so 7..23 files
    assert 7 < len(kept_daily) <= 7 + 4 + 12
    newest = (start + timedelta(days=399)).strftime("%Y%m%d")
    assert any(newest in p.name for p in kept_daily)
    assert len(list(tmp_path.glob("*pre-restore.wbak"))) == backup.KEEP_SPECIAL
    assert len(removed) == 400 - len(kept_daily) + 5


def test_start_up_check_reports_a_corrupt_database(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert backup.check_database(path)


def test_a_damaged_database_is_replaced_by_a_backup_and_kept_aside(
    station_db: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, admin = station_db
    good = backup.make_backup(db, data_dir.backups, "daily")
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{data_dir.database}{suffix}").unlink(missing_ok=True)
    data_dir.database.write_bytes(b"garbage" * 1000)
    assert backup.check_database(data_dir.database)
    assert backup.latest_good_backup(data_dir) == backup.inspect_backup(good.path)
    restore.restore_file_offline(data_dir, good.path)
    assert backup.check_database(data_dir.database) is None
    assert list(data_dir.root.glob("station.db.damaged-*"))
    reopened = Database(data_dir.database)
    assert auth.login(reopened, "admin", "admin123").operator_id == admin.operator_id
    assert audit.verify_chain(reopened).ok
    reopened.dispose()


def _photo(data_dir: DataDir, rel: str, content: bytes) -> Path:
    path = data_dir.photos / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_a_backup_to_a_stick_carries_the_photos_and_a_restore_brings_them_back(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    db, admin = station_db
    one, two = images.jpeg(color="red"), images.png(color="blue")
    first = _photo(data_dir, "act-1/p1.jpg", one)
    second = _photo(data_dir, "act-2/p2.png", two)
    info = backup.backup_now(db, admin, tmp_path / "usb")
    assert info.photos == 2
    first.unlink()  # lost from the PC
    second.write_bytes(b"edited later")  # an existing photo is never overwritten
    restored = restore.restore_backup(db, data_dir, admin, info.path)
    assert restored.photos == 2
    assert first.read_bytes() == one
    assert second.read_bytes() == b"edited later"
    # The photo table stays in the backup file only, not in the station database.
    from sqlalchemy import inspect as sa_inspect

    assert backup.PHOTO_TABLE not in sa_inspect(db.engine).get_table_names()
    assert audit.verify_chain(db).ok


def test_daily_backups_mirror_photos_once_and_restores_use_the_mirror(
    station_db: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, admin = station_db
    jpeg = images.jpeg()
    photo = _photo(data_dir, "act-1/p1.jpg", jpeg)
    daily = backup.auto_backup_if_due(
        db, data_dir, backup_retention(Settings(data_dir.settings_file))
    )
    assert daily is not None and daily.photos == 0  # the daily file is the database only
    mirrored = data_dir.backups / backup.PHOTO_MIRROR / "act-1" / "p1.jpg"
    assert mirrored.read_bytes() == jpeg
    photo.unlink()
    restore.restore_backup(db, data_dir, admin, daily.path)
    assert photo.read_bytes() == jpeg


def test_a_hostile_backup_cannot_write_outside_the_photos_folder(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    import sqlite3

    db, admin = station_db
    info = backup.backup_now(db, admin, tmp_path / "usb")
    con = sqlite3.connect(info.path)
    with con:
        con.execute(
            f"INSERT INTO {backup.PHOTO_TABLE} (path, data) VALUES (?, ?)",
            ("../../escaped.jpg", images.jpeg()),
        )
    con.close()
    restore.restore_backup(db, data_dir, admin, info.path)
    assert not (data_dir.root.parent / "escaped.jpg").exists()
    assert not (data_dir.root / "escaped.jpg").exists()


def test_restore_reports_its_steps_and_cancels_only_before_the_file_is_replaced(
    station_db: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    from app.progress import Cancelled, CancelToken

    db, admin = station_db
    info = backup.backup_now(db, admin, tmp_path / "usb")
    auth.create_operator(db, admin, "after", "备份后", Role.WORKER, "pw123456")

    token = CancelToken()
    steps: list[int] = []

    def cancel_after_the_check(done: int, total: int, text: str = "") -> None:
        steps.append(done)
        token.cancel()

    with pytest.raises(Cancelled):
        restore.restore_backup(
            db, data_dir, admin, info.path, progress=cancel_after_the_check, cancel=token
        )
    assert steps == [1]
    assert "after" in _usernames(db, admin)  # nothing was replaced

    token = CancelToken()
    steps.clear()

    def cancel_too_late(done: int, total: int, text: str = "") -> None:
        steps.append(done)
        if done == restore.RESTORE_STEPS - 2:  # the file is already replaced
            token.cancel()

    restore.restore_backup(db, data_dir, admin, info.path, progress=cancel_too_late, cancel=token)
    assert steps == list(range(1, restore.RESTORE_STEPS + 1))
    assert "after" not in _usernames(db, admin)  # the restore ran to its end
