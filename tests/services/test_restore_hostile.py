"""Restore is hostile-input handling: a corpus of doctored backups, each refused
with a translated message and the live database byte-for-byte unchanged
(a digest of every table before and after), and the ones that may go in go in
with the program's own guard triggers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from digests import table_digests
from household_factory import new_household
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.db import Database
from app.errors import IntegrityProblem
from app.paths import DataDir
from app.services import auth, backup, points, restore
from app.services.auth import Actor
from app.services.checks import run_checks
from app.services.station import AdminAccount, StationInfo, setup_station
from app.translations import install_translators


@pytest.fixture
def station(station_db: tuple[Database, Actor], tmp_path: Path) -> tuple[Database, Actor, Path]:
    """A station with some points, and a sound backup of it on a 'USB stick'."""
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    h = new_household(db, admin, "001")
    points.award(db, admin, h.id, "BZ01")
    info = backup.backup_now(db, admin, tmp_path / "usb")
    return db, admin, info.path


def last_entry(db: Database, action: str) -> dict:
    """The ``after`` part of the newest audit entry of *action*."""
    import json

    with db.read() as s:
        summary = s.execute(
            text("SELECT summary FROM audit_entry WHERE action = :a ORDER BY seq DESC LIMIT 1"),
            {"a": action},
        ).scalar_one()
    return json.loads(summary)["after"]


def doctor(path: Path, *statements: str) -> Path:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    return path


def _drop_guards(con: sqlite3.Connection) -> None:
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')


def _with_guards_off(path: Path, *statements: str) -> Path:
    """Edit the file as the sqlite3 tool would, then put the guard triggers back."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        saved = con.execute("SELECT sql FROM sqlite_master WHERE type='trigger'").fetchall()
        _drop_guards(con)
        for statement in statements:
            con.execute(statement)
        for (sql,) in saved:
            con.execute(sql)
    finally:
        con.close()
    return path


BACKDOOR = (
    "CREATE TRIGGER plant AFTER UPDATE OF last_login_at ON operator BEGIN "
    "INSERT INTO operator (id, username, display_name, role, password_hash, active, "
    "must_change_password, failed_logins, created_at) SELECT 'x', 'backdoor', 'x', role, "
    "password_hash, 1, 0, 0, created_at FROM operator WHERE id = NEW.id; END"
)
BONUS = (
    "CREATE TRIGGER bonus AFTER INSERT ON point_entry BEGIN "
    "UPDATE household SET balance = balance + 1000 WHERE id = NEW.household_id; END"
)

HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "backdoor trigger": (lambda p: doctor(p, BACKDOOR), "database code"),
    "+1000 points trigger": (lambda p: doctor(p, BONUS), "database code"),
    "a view": (lambda p: doctor(p, "CREATE VIEW v AS SELECT 1"), "database code"),
    "a junk table": (
        lambda p: doctor(
            p, "CREATE TABLE junk (x BLOB)", "INSERT INTO junk VALUES (zeroblob(4096))"
        ),
        "tables of a station backup",
    ),
    "only station, alembic_version and local_state": (
        lambda p: _only_three_tables(p),
        "tables of a station backup",
    ),
    "a column added": (
        lambda p: doctor(p, "ALTER TABLE household ADD COLUMN sneaky TEXT"),
        "tables of a station backup",
    ),
    "an index dropped": (
        lambda p: doctor(p, "DROP INDEX ix_point_entry_change_seq"),
        "tables of a station backup",
    ),
    "a broken audit chain": (
        lambda p: _with_guards_off(p, "UPDATE audit_entry SET action = 'x' WHERE seq = 2"),
        "data check",
    ),
    "a tampered balance": (
        lambda p: _with_guards_off(p, "UPDATE household SET balance = balance + 7"),
        "data check",
    ),
    "a ledger entry edited": (
        lambda p: _with_guards_off(p, "UPDATE point_entry SET points = points + 100"),
        "data check",
    ),
    "a photo table of another shape": (
        lambda p: doctor(
            p, "DROP TABLE backup_photo", "CREATE TABLE backup_photo (path TEXT, data BLOB, x)"
        ),
        "tables of a station backup",
    ),
}


def _only_three_tables(path: Path) -> Path:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        _drop_guards(con)
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        con.execute("PRAGMA foreign_keys=OFF")
        for name in tables:
            if name not in ("station", "alembic_version", "local_state"):
                con.execute(f'DROP TABLE "{name}"')
    finally:
        con.close()
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_doctored_backup_is_refused_and_the_live_database_is_unchanged(
    station: tuple[Database, Actor, Path], data_dir: DataDir, case: str
) -> None:
    db, admin, good = station
    make, words = HOSTILE[case]
    hostile = make(good)
    before = table_digests(db.path)
    pre_restore = list(data_dir.backups.glob("*pre-restore*"))
    with pytest.raises(IntegrityProblem, match=words) as refused:
        restore.restore_backup(db, data_dir, admin, hostile)
    db.dispose()
    assert table_digests(db.path) == before
    assert list(data_dir.backups.glob("*pre-restore*")) == pre_restore
    assert not (data_dir.root / restore.CHECK_FOLDER).exists()
    assert hostile.name in str(refused.value)
    # the station still opens and checks clean
    assert all(r.ok for r in run_checks(db, full=True))


def test_the_refusal_is_translated(
    qapp, station: tuple[Database, Actor, Path], data_dir: DataDir
) -> None:  # type: ignore[no-untyped-def]
    db, admin, good = station
    install_translators(qapp, "zh_CN")
    try:
        with pytest.raises(IntegrityProblem) as refused:
            restore.restore_backup(db, data_dir, admin, doctor(good, BACKDOOR))
        assert "篡改" in str(refused.value) or "数据库" in str(refused.value)
    finally:
        install_translators(qapp, "en")


def test_a_backup_without_guard_triggers_comes_back_with_the_programs_guards(
    station: tuple[Database, Actor, Path], data_dir: DataDir
) -> None:
    db, admin, good = station
    con = sqlite3.connect(good, isolation_level=None)
    _drop_guards(con)
    con.close()
    restore.restore_backup(db, data_dir, admin, good)
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:
        s.execute(text("UPDATE point_entry SET points = points + 1"))
    assert all(r.ok for r in run_checks(db, full=True))
    assert last_entry(db, "backup.restore")["guard_triggers_rebuilt"] > 0


def test_check_full_reports_a_dropped_guard_and_a_foreign_trigger(
    station_db: tuple[Database, Actor],
) -> None:
    db, _admin = station_db
    with db.write() as s:
        s.execute(text("DROP TRIGGER trg_point_entry_append_only"))
        s.execute(text(BONUS))
    result = run_checks(db, full=True)[0]
    assert result.name == "Database schema and guard triggers" and not result.ok
    assert "missing guard trigger trg_point_entry_append_only" in result.problems
    assert "unexpected trigger bonus" in result.problems


def test_another_stations_backup_needs_an_explicit_logged_choice(
    station: tuple[Database, Actor, Path], data_dir: DataDir, tmp_path: Path
) -> None:
    db, admin, _good = station
    other_dir = DataDir(tmp_path / "other").ensure()
    other = Database(other_dir.database)
    from app.db import migrate

    migrate.ensure_schema(other.engine)
    other_admin = setup_station(
        other,
        other_dir.keys,
        StationInfo(
            name="西山村新时代文明实践站",
            code="330481101002",
            village="西山村",
            township="城关镇",
            county="海宁市",
        ),
        AdminAccount("boss", "李站长", "admin123"),
    )
    theirs = backup.backup_now(other, other_admin, tmp_path / "their-usb").path
    other.dispose()

    before = table_digests(db.path)
    with pytest.raises(restore.OtherStationBackup) as refused:
        restore.restore_backup(db, data_dir, admin, theirs)
    db.dispose()
    assert table_digests(db.path) == before
    assert refused.value.theirs != refused.value.ours
    assert refused.value.ours in str(refused.value) and "330481101002" in str(refused.value)

    restore.restore_backup(db, data_dir, admin, theirs, accept_other_station=True)
    entry = last_entry(db, "backup.restore")
    assert entry["other_station"] is True
    assert entry["fingerprint"] == refused.value.theirs
    assert "boss" in {o.username for o in auth.list_operators(db, other_admin)}


def test_an_oversized_photo_in_a_backup_is_refused(
    station: tuple[Database, Actor, Path], data_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, admin, good = station
    monkeypatch.setattr(restore, "MAX_PHOTO_BYTES", 1000)
    doctor(good, "INSERT INTO backup_photo (path, data) VALUES ('a/big.jpg', zeroblob(5000))")
    before = table_digests(db.path)
    with pytest.raises(IntegrityProblem, match="far too large"):
        restore.restore_backup(db, data_dir, admin, good)
    db.dispose()
    assert table_digests(db.path) == before
    assert not (data_dir.photos / "a" / "big.jpg").exists()
