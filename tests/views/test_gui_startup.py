"""Start-up: a fresh folder opens the wizard, a damaged database is never opened
but offered a restore, and start-up does not import the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

from app.services.backup import make_backup
from app.views.application import EXIT_FAILED, Startup
from app.views.session import Workbench


def test_a_new_data_folder_starts_the_wizard(qtbot, data_dir, settings, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    startup = Startup(data_dir, settings)
    with qtbot.waitSignal(startup.ready, timeout=10_000) as ready:
        startup.start()
    bench = ready.args[0]
    assert isinstance(bench, Workbench)
    qtbot.waitUntil(lambda: bench.wizard is not None and bench.wizard.isVisible())
    bench.wizard.close()
    bench.idle.uninstall()
    wait_tasks()
    startup.db.dispose()


def test_a_damaged_database_is_restored_from_the_latest_good_backup(
    qtbot, station_db, data_dir, settings, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    good = make_backup(db, data_dir.backups, "daily")
    db.dispose()
    raw = bytearray(data_dir.database.read_bytes())
    raw[0:100] = b"\x00garbage" * 12 + b"\x00" * 4  # the header is gone
    data_dir.database.write_bytes(bytes(raw))

    asked: list[tuple[str, object]] = []

    def ask(problem, backup):  # type: ignore[no-untyped-def]
        asked.append((problem, backup))
        return backup.path

    startup = Startup(data_dir, settings)
    monkeypatch.setattr(startup, "ask_restore", ask)
    with qtbot.waitSignal(startup.ready, timeout=15_000) as ready:
        startup.start()
    problem, offered = asked[0]
    assert problem  # the check's own words
    assert offered.path == good.path and offered.station_name == "东风村新时代文明实践站"
    assert list(data_dir.root.glob("station.db.damaged-*"))
    bench = ready.args[0]
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    bench.login.close()
    bench.idle.uninstall()
    wait_tasks()
    startup.db.dispose()


def test_declining_the_restore_ends_the_program(
    qtbot, station_db, data_dir, settings, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    db.dispose()
    data_dir.database.write_bytes(b"this is not a database" * 200)
    startup = Startup(data_dir, settings)
    monkeypatch.setattr(startup, "ask_restore", lambda problem, backup: None)
    with qtbot.waitSignal(startup.finished, timeout=10_000) as finished:
        startup.start()
    assert finished.args == [EXIT_FAILED]
    assert startup.db is None  # never opened
    wait_tasks()


def test_start_up_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, app.views.application, app.views.main_window, app.views.settings_page;"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'PySide6.QtPdf', 'PySide6.QtMultimedia')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_one_time_settings_move_on_the_start_path_loads_no_points_service() -> None:
    """Every start of a set-up station imports the settings move (app.views.points
    .options); importing the points services with it (pypinyin, every model) made
    the sign-in dialog ~0.3-0.8 s later."""
    code = (
        "import sys, app.views.application, app.views.points.options;"
        "heavy = [m for m in ('app.services.points', 'app.services.policy', 'pypinyin')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_start_up_moves_points_settings_from_settings_ini_into_the_database(
    qtbot, station_db, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    """A station whose pass line and minimum balance were kept in settings.ini (where
    backups do not reach) finds them in the database after the first start."""
    from app.services.policy import get_points_policy
    from app.views.points.options import LEGACY_POINTS_OPTIONS

    db, _admin = station_db
    settings.set(LEGACY_POINTS_OPTIONS["pass_line"], 60)
    settings.set(LEGACY_POINTS_OPTIONS["min_balance"], 5)
    settings.set(LEGACY_POINTS_OPTIONS["period_kind"], "quarter")
    settings.set(LEGACY_POINTS_OPTIONS["rating_tiers"], '[["五好家庭", 150], ["文明户", 90]]')
    settings.sync()
    db.dispose()
    startup = Startup(data_dir, settings)
    with qtbot.waitSignal(startup.ready, timeout=15_000) as ready:
        startup.start()
    wait_tasks()  # the move is a write, on a worker
    rules = get_points_policy(startup.db)
    assert (rules.pass_line, rules.min_balance, rules.period_kind) == (60, 5, "quarter")
    assert rules.rating_tiers == (("五好家庭", 150), ("文明户", 90))
    assert not any(settings.has(o) for o in LEGACY_POINTS_OPTIONS.values())  # moved, once
    bench = ready.args[0]
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    bench.login.close()
    bench.idle.uninstall()
    wait_tasks()
    startup.db.dispose()


class _HeldCheck:
    """The real start-up check, held by the test until it lets it answer."""

    def __init__(self) -> None:
        import threading

        from app.services.backup import check_database

        self.release = threading.Event()
        self.started = threading.Event()
        self._check = check_database

    def __call__(self, path):  # type: ignore[no-untyped-def]
        self.started.set()
        assert self.release.wait(30)
        return self._check(path)


def _write_in_a_thread(db):  # type: ignore[no-untyped-def]
    """A write on a worker thread (as every write of the GUI is); the event is set once
    it committed or failed, with the outcome in the list."""
    import threading

    from app.models import LocalState

    done = threading.Event()
    outcome: list[object] = []

    def work() -> None:
        try:
            with db.write() as session:
                session.merge(LocalState(key="test/startup-write", value="1"))
            outcome.append("written")
        except Exception as exc:  # the outcome is what the test reads
            outcome.append(exc)
        done.set()

    threading.Thread(target=work, daemon=True).start()
    return done, outcome


def test_the_sign_in_appears_while_the_check_runs_and_writes_wait_for_it(
    qtbot, station_db, data_dir, settings, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    """On a big station PRAGMA quick_check takes seconds: the sign-in dialog does not wait
    for it, but no write reaches the file before the check has passed."""
    import app.views.application as application

    db, _admin = station_db
    db.dispose()
    held = _HeldCheck()
    monkeypatch.setattr(application, "check_database", held)
    startup = Startup(data_dir, settings)
    with qtbot.waitSignal(startup.ready, timeout=15_000) as ready:
        startup.start()
    bench = ready.args[0]
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    assert held.started.is_set() and not held.release.is_set()  # shown before the verdict
    done, outcome = _write_in_a_thread(startup.db)
    assert not done.wait(0.3)  # the write waits for the check
    held.release.set()
    qtbot.waitUntil(done.is_set, timeout=10_000)
    assert outcome == ["written"]
    bench.login.close()
    bench.idle.uninstall()
    wait_tasks()
    startup.db.dispose()


def test_a_damage_found_after_the_sign_in_appeared_closes_it_and_writes_nothing(
    qtbot, station_db, data_dir, settings, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    """A file whose schema reads but whose pages are damaged: the sign-in shown while the
    check ran is closed, a write tried meanwhile is refused, the restore is offered."""
    import app.views.application as application

    db, _admin = station_db
    db.dispose()
    held = _HeldCheck()
    monkeypatch.setattr(application, "check_database", held)
    startup = Startup(data_dir, settings)
    asked: list[str] = []

    def ask(problem, backup):  # type: ignore[no-untyped-def]
        asked.append(problem)
        return None  # the person quits

    monkeypatch.setattr(startup, "ask_restore", ask)
    with qtbot.waitSignal(startup.ready, timeout=15_000) as ready:
        startup.start()
    bench = ready.args[0]
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    login = bench.login
    the_db = startup.db
    done, outcome = _write_in_a_thread(the_db)
    # damage the file's last pages while the check is held (the schema was read)
    raw = bytearray(data_dir.database.read_bytes())
    page = 4096
    raw[-3 * page : -page] = bytes(range(256)) * (2 * page // 256)
    data_dir.database.write_bytes(bytes(raw))
    before = data_dir.database.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=15_000) as finished:
        held.release.set()
    assert finished.args == [EXIT_FAILED]
    assert asked and asked[0]
    import shiboken6

    assert not shiboken6.isValid(login) or not login.isVisible()
    assert bench.login is None and startup.db is None
    qtbot.waitUntil(done.is_set, timeout=10_000)
    from app.errors import IntegrityProblem

    assert isinstance(outcome[0], IntegrityProblem)
    assert data_dir.database.read_bytes() == before  # nothing written
    wait_tasks()


def test_every_window_carries_the_application_icon(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.views.application import apply_window_icon

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_window_icon(app)
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
