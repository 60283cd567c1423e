"""After an upgrade: the older database is backed up before it is migrated, and the
first main window says in one line what changed — once; a new station is told nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import __version__
from app.db import migrate
from app.demo.station import DEMO_PASSWORD
from app.services.backup import list_backups, unpacked
from app.services.changelog import load_changelog, upgrade_line
from app.settings import LAST_VERSION, Settings
from app.views.application import Startup
from app.views.session import Workbench

OLDER_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0010.sqlite"


def _close(qtbot, bench: Workbench, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    bench.idle.uninstall()
    if bench.window is not None:
        bench.window.close_for_sign_out()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    wait_tasks()


def _sign_in(qtbot, bench: Workbench) -> None:  # type: ignore[no-untyped-def]
    """As the administrator of the fixture's demo station, at the sign-in dialog."""
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    bench.login.username.clear()
    qtbot.keyClicks(bench.login.username, "admin")
    qtbot.keyClicks(bench.login.password, DEMO_PASSWORD)
    qtbot.keyClick(bench.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bench.window is not None and bench.window.isVisible(), timeout=10_000)


def test_a_folder_last_run_by_an_older_version_is_told_what_changed_once(
    qtbot, station_db, data_dir, settings, make_workbench, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    settings.set(LAST_VERSION, "0.0.9")
    settings.sync()
    bench = make_workbench(db)
    bench.enter(admin)
    window = bench.window
    qtbot.waitExposed(window)
    told = upgrade_line("0.0.9", __version__, "en")  # the GUI tests run in English
    assert load_changelog()[__version__]["en"] in told
    assert window.notice_bar.isVisible() and window.notice.text() == told
    assert Settings(data_dir.settings_file).get(LAST_VERSION) == __version__  # on disk

    qtbot.mouseClick(window.notice_close, Qt.MouseButton.LeftButton)
    assert not window.notice_bar.isVisible()

    bench.sign_out()  # signing in again: not told twice
    bench.enter(admin)
    qtbot.waitExposed(bench.window)
    assert not bench.window.notice_bar.isVisible()

    bench.idle.uninstall()
    bench.window.close_for_sign_out()
    again = Workbench(db, data_dir, Settings(data_dir.settings_file))  # the next start
    again.enter(admin)
    qtbot.waitExposed(again.window)
    assert not again.window.notice_bar.isVisible()
    _close(qtbot, again, wait_tasks)


def test_a_new_station_is_told_nothing_and_its_version_is_noted(
    qtbot, station_db, data_dir, settings, make_workbench
) -> None:  # type: ignore[no-untyped-def]
    """The wizard's station (no version recorded yet): its first window has no notice."""
    db, admin = station_db
    assert not settings.has(LAST_VERSION)
    bench = make_workbench(db)
    bench.enter(admin)
    qtbot.waitExposed(bench.window)
    assert not bench.window.notice_bar.isVisible()
    assert Settings(data_dir.settings_file).get(LAST_VERSION) == __version__


def test_an_older_schema_is_backed_up_before_it_is_migrated_then_told_once(
    qtbot, data_dir, settings, wait_tasks, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A station PC upgraded over a version of schema 0010: the start-up backs the file
    up (the backup still holds 0010), migrates it to head, and after the sign-in the
    window says what changed; the next start neither backs up again nor tells again."""
    shutil.copy(OLDER_SCHEMA, data_dir.database)
    settings.set(LAST_VERSION, "0.0.9")
    settings.sync()
    startup = Startup(data_dir, settings)
    with qtbot.waitSignal(startup.ready, timeout=30_000) as ready:
        startup.start()
    bench = ready.args[0]
    backups = list_backups(data_dir.backups)
    assert [b.kind for b in backups] == ["pre-migration-0010"]
    copy = unpacked(backups[0].path, tmp_path / "backup.db")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0010",)
    con.close()
    assert migrate.current_revision(startup.db.engine) == migrate.head_revision()

    _sign_in(qtbot, bench)
    assert bench.window.notice.text() == upgrade_line("0.0.9", __version__, "en")
    _close(qtbot, bench, wait_tasks)
    startup.db.dispose()

    second = Startup(data_dir, Settings(data_dir.settings_file))
    with qtbot.waitSignal(second.ready, timeout=30_000) as ready:
        second.start()
    bench = ready.args[0]
    _sign_in(qtbot, bench)
    assert not bench.window.notice_bar.isVisible()
    _close(qtbot, bench, wait_tasks)
    second.db.dispose()
    kinds = [b.kind for b in list_backups(data_dir.backups)]
    assert kinds.count("pre-migration-0010") == 1 and not any(
        k.startswith("pre-migration") and k != "pre-migration-0010" for k in kinds
    )
