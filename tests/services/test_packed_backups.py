"""Automatic backups are packed (zip, deflate) and kept within 3x the database's size;
a packed backup restores like a plain one, and a doctored one is refused like one."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from digests import table_digests
from household_factory import new_household

from app.db import Database
from app.errors import IntegrityProblem
from app.paths import DataDir
from app.services import backup, points, restore
from app.services.auth import Actor


@pytest.fixture
def station(station_db: tuple[Database, Actor]) -> tuple[Database, Actor]:
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    for n in range(30):
        h = new_household(db, admin, f"{n:03d}")
        points.award(db, admin, h.id, "BZ01")
    return db, admin


def test_a_daily_backup_is_packed_smaller_and_restores(
    station: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, admin = station
    info = backup.make_backup(db, data_dir.backups, "daily")
    assert backup.is_packed(info.path)
    assert info.size * 3 < db.path.stat().st_size  # station data packs well
    listed = backup.list_backups(data_dir.backups)
    assert [b.path for b in listed] == [info.path]
    assert listed[0].station_name == "东风村新时代文明实践站" and listed[0].kind == "daily"
    assert backup.inspect_backup(info.path, full=True).station_code == info.station_code
    before = table_digests(db.path)
    h = new_household(db, admin, "999")  # work after the backup, undone by the restore
    restore.restore_backup(db, data_dir, admin, info.path)
    assert table_digests(db.path).keys() == before.keys()
    with db.read() as s:
        from app.models import Household

        assert s.get(Household, h.id) is None
    assert not (data_dir.root / restore.CHECK_FOLDER).exists()


def test_a_manual_backup_to_a_folder_stays_a_plain_sqlite_file(
    station: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, admin = station
    info = backup.backup_now(db, admin, tmp_path / "usb")
    assert not backup.is_packed(info.path)
    with sqlite3.connect(info.path) as con:
        assert con.execute("SELECT count(*) FROM household").fetchone()[0] == 30


def test_backup_progress_runs_to_the_end(
    station: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, _admin = station
    seen: list[tuple[int, int]] = []
    backup.make_backup(db, data_dir.backups, "daily", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1] == (1000, 1000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _fake_backup(folder: Path, stamp: str, kind: str, size: int) -> Path:
    path = folder / f"wb-330481101001-{stamp}-{kind}{backup.SUFFIX}"
    path.write_bytes(b"x" * size)
    return path


def test_automatic_backups_are_kept_within_three_times_the_database(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    made = [_fake_backup(folder, f"202611{day:02d}-060000", "daily", 400) for day in range(1, 21)]
    migration = _fake_backup(folder, "20261120-070000", "pre-migration", 400)
    manual = _fake_backup(folder, "20261101-080000", "manual", 5000)
    removed = backup.apply_budget(folder, live_size=1000)  # budget 3000 bytes
    kept = sorted(p.name for p in folder.iterdir())
    assert sum((folder / n).stat().st_size for n in kept if "-manual" not in n) <= 3000
    assert made[-1].exists() and migration.exists() and manual.exists()  # newest; not automatic
    assert all(p in made for p in removed) and made[0] in removed  # the oldest went first


def test_the_newest_daily_backup_is_kept_even_alone_over_the_budget(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    old = _fake_backup(folder, "20261101-060000", "daily", 5000)
    new = _fake_backup(folder, "20261102-060000", "daily", 5000)
    backup.apply_budget(folder, live_size=1000)
    assert new.exists() and not old.exists()


# --- hostile packed backups: refused with a message, the live database unchanged ----------


def _repack(source: Path, target: Path, *, meta: dict | None = None, extra: bool = False) -> Path:
    with zipfile.ZipFile(source) as zf:
        body = json.loads(zf.read("backup.json"))
        data = zf.read("station.db")
    if meta:
        body.update(meta)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("station.db", data)
        zf.writestr("backup.json", json.dumps(body))
        if extra:
            zf.writestr("../evil.sh", b"rm -rf /")
    return target


def _written(target: Path, data: bytes) -> Path:
    target.write_bytes(data)
    return target


def _daily(db: Database, data_dir: DataDir) -> Path:
    return backup.make_backup(db, data_dir.backups, "daily").path


@pytest.mark.parametrize(
    "doctor",
    [
        pytest.param(lambda p, t: _repack(p, t, meta={"db_sha256": "0" * 64}), id="checksum"),
        pytest.param(lambda p, t: _repack(p, t, extra=True), id="extra-entry"),
        pytest.param(lambda p, t: _repack(p, t, meta={"db_size": 7}), id="size-lie"),
        pytest.param(lambda p, t: _repack(p, t, meta={"format": "other"}), id="format"),
        pytest.param(
            lambda p, t: _written(t, p.read_bytes()[: p.stat().st_size // 2]), id="truncated"
        ),
        pytest.param(lambda p, t: _written(t, b"PK\x03\x04" + bytes(400)), id="zip-header-only"),
    ],
)
def test_a_doctored_packed_backup_is_refused_and_changes_nothing(
    station: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path, doctor
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station
    good = _daily(db, data_dir)
    bad = doctor(good, tmp_path / f"bad{backup.SUFFIX}")
    before = table_digests(db.path)
    with pytest.raises(IntegrityProblem) as refused:
        restore.restore_backup(db, data_dir, admin, bad)
    assert "is not a usable station backup" in refused.value.untranslated
    assert table_digests(db.path) == before
    assert not (data_dir.root / restore.CHECK_FOLDER).exists()


def test_a_packed_backup_that_unpacks_past_the_free_space_is_refused(
    station: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A zip bomb: the entry's declared size is checked against the disk before one byte
    is unpacked (the disk here reports 100 MB free)."""
    import shutil
    from collections import namedtuple

    db, admin = station
    good = _daily(db, data_dir)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10**9, 9 * 10**8, 10**8))
    before = table_digests(db.path)
    with pytest.raises(IntegrityProblem) as refused:
        restore.restore_backup(db, data_dir, admin, good)
    assert "more than the free space" in refused.value.untranslated
    assert table_digests(db.path) == before


def test_a_packed_backup_of_a_doctored_database_is_refused_as_the_plain_one_is(
    station: tuple[Database, Actor], data_dir: DataDir, tmp_path: Path
) -> None:
    """The checks after unpacking are the plain backup's: a trigger smuggled into the
    database is refused whether the file is packed or not."""
    db, admin = station
    plain = backup.backup_now(db, admin, tmp_path / "usb").path
    with sqlite3.connect(plain) as con:
        con.execute("CREATE VIEW sneaky AS SELECT 1")
    con.close()
    packed = tmp_path / f"packed{backup.SUFFIX}"
    backup._pack(plain, packed, {"kind": "daily", "taken_at": "2026-11-30T06:00:00"}, None)
    before = table_digests(db.path)
    with pytest.raises(IntegrityProblem) as plain_refused:
        restore.restore_backup(db, data_dir, admin, plain)
    with pytest.raises(IntegrityProblem) as packed_refused:
        restore.restore_backup(db, data_dir, admin, packed)
    assert packed_refused.value.untranslated.replace("packed", "?") == (
        plain_refused.value.untranslated.replace(plain.stem, "?")
    )
    assert table_digests(db.path) == before
