"""The command line and the one-instance rule, run as a person would run them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.instance import acquire_instance_lock
from app.paths import DataDir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """In-process CLI calls reuse the test session's QApplication.

    Otherwise the CLI would create a plain QCoreApplication, and no QApplication
    could be made for the GUI tests that run after it.
    """


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        timeout=120,
    )


def test_help_lists_the_subcommands() -> None:
    out = run("--help").stdout
    for command in ("gui", "demo", "backup", "restore", "verify-audit", "check", "info"):
        assert command in out


def test_version_prints_the_single_version() -> None:
    from app import __version__

    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == __version__


def _real_station(folder: Path, password: str) -> DataDir:
    from app.db import Database, migrate
    from app.services.station import AdminAccount, setup_station
    from tests.conftest import sample_station

    data = DataDir(folder).ensure()
    db = Database(data.database)
    migrate.ensure_schema(db.engine)
    setup_station(db, data.keys, sample_station(), AdminAccount("admin", "王", password))
    db.dispose()
    return data


MAIN = (sys.executable, str(ROOT / "main.py"))


def self_test(data: DataDir, password: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MAIN, "--data-dir", str(data.root), *args, "gui", "--self-test", "admin"],
        input=password + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        timeout=180,
    )


def test_self_test_signs_in_opens_every_area_and_quits(tmp_path: Path) -> None:
    data = _real_station(tmp_path / "station", "pw123456")
    done = self_test(data, "pw123456", "--lang", "zh_CN")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    assert lines["Main window shown"] == "文明实践站工作台"
    assert "首页" in lines["Areas (zh_CN)"] and "积分超市" in lines["Areas (zh_CN)"]
    assert lines["Opened"] == lines["Areas (zh_CN)"]  # every area was built and shown
    assert lines["Font"] == "WenQuanYi Micro Hei"
    assert "PySide6.QtPdf" in lines["Modules"] and "zxingcpp" in lines["Modules"]
    assert "FAILED" not in done.stdout


def test_self_test_with_a_wrong_password_fails_without_a_window(tmp_path: Path) -> None:
    from app.views import self_test as module

    data = _real_station(tmp_path / "station", "pw123456")
    assert module.DEADLINE_MS >= 60_000  # a slow PC's first start is not a failure
    done = subprocess.run(
        [sys.executable, "-c", _SHORT_DEADLINE, str(data.root)],
        input="wrong-password\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        timeout=180,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Main window shown" not in done.stdout
    assert "FAILED: the main window did not appear." in done.stdout


_SHORT_DEADLINE = """
import sys
import app.cli
import app.views.self_test as self_test
self_test.DEADLINE_MS = 5_000
sys.exit(app.cli.main(["--data-dir", sys.argv[1], "--lang", "en", "gui", "--self-test", "admin"]))
"""


def test_demo_backup_and_audit_verification_from_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    assert main(["--data-dir", str(data), "--lang", "en", "verify-audit"]) == 0
    assert main(["--data-dir", str(data), "--lang", "en", "backup", "--to", str(tmp_path)]) == 0
    assert list(tmp_path.glob("wb-330481101001-*-manual.wbak"))
    assert main(["--data-dir", str(data), "--lang", "en", "check"]) == 0


def test_demo_reset_refuses_a_real_station(tmp_path: Path) -> None:
    from app.db import Database, migrate
    from app.services.station import AdminAccount, setup_station
    from tests.conftest import sample_station

    data = DataDir(tmp_path / "real").ensure()
    db = Database(data.database)
    migrate.ensure_schema(db.engine)
    # Same name and code as the demo: only the demo marker may allow a reset.
    setup_station(db, data.keys, sample_station(), AdminAccount("admin", "王", "pw123456"))
    db.dispose()
    assert main(["--data-dir", str(data.root), "--lang", "en", "demo", "--reset"]) == 1
    assert data.database.exists()


def test_verify_audit_exit_code_reports_tampering(tmp_path: Path) -> None:
    import sqlite3

    data = tmp_path / "demo"
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    con = sqlite3.connect(data / "station.db")
    con.execute("DROP TRIGGER trg_audit_entry_append_only")
    con.execute("UPDATE audit_entry SET operator_name = 'x' WHERE seq = 2")
    con.commit()
    con.close()
    result = run("--data-dir", str(data), "--lang", "en", "verify-audit")
    assert result.returncode == 1
    assert "BROKEN at entry 2" in result.stdout


@pytest.fixture
def other_instance(tmp_path: Path) -> Iterator[DataDir]:
    """A second process that holds the data folder's lock, as a running app does."""
    data = DataDir(tmp_path / "locked").ensure()
    assert main(["--data-dir", str(data.root), "--lang", "en", "demo"]) == 0
    assert main(["--data-dir", str(data.root), "--lang", "en", "backup"]) == 0
    code = (
        "import sys; from app.paths import DataDir; from app.instance import acquire_instance_lock;"
        f"lock = acquire_instance_lock(DataDir.resolve({str(data.root)!r}));"
        "print('locked' if lock else 'refused', flush=True); sys.stdin.readline()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield data
    proc.communicate("\n", timeout=30)


def test_a_second_instance_on_the_same_data_folder_is_refused(other_instance: DataDir) -> None:
    assert acquire_instance_lock(other_instance) is None
    backup_file = next(other_instance.backups.glob("*.wbak"))
    result = run(
        "--data-dir", str(other_instance.root), "--lang", "en", "restore", str(backup_file), "--yes"
    )
    assert result.returncode == 3
    assert "running on this data folder" in result.stderr


def test_the_lock_is_free_again_when_the_other_instance_ends(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "d").ensure()
    first = acquire_instance_lock(data)
    assert first is not None
    assert acquire_instance_lock(data) is None
    first.release()
    again = acquire_instance_lock(data)
    assert again is not None
    again.release()


def test_the_entry_module_loads_the_database_stack_before_pyside6() -> None:
    """PySide6's import hook reads the source of every module loaded after it.

    The commands other than the desktop app never load PySide6 (test_cli_print),
    so the order is checked on the app's own path: the CLI, then the GUI."""
    code = (
        "import sys, app.cli, app.views.application; names = list(sys.modules);"
        "print(names.index('sqlalchemy.orm') < names.index('PySide6.QtCore'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "True"


def test_reset_password_recovers_the_last_administrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.db import Database
    from app.services import auth

    data = tmp_path / "demo"
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--lang", "en", "reset-password", "admin"]) == 0
    password = capsys.readouterr().out.split(": ", 1)[1].split(" ", 1)[0]
    db = Database(DataDir(data).database)
    try:
        actor = auth.login(db, "admin", password)
        assert auth.must_change_password(db, actor)
    finally:
        db.dispose()
    # without the key file it is refused
    (DataDir(data).keys / "signing_ed25519.pem").rename(tmp_path / "elsewhere.pem")
    assert main(["--data-dir", str(data), "--lang", "en", "reset-password", "admin"]) == 1
    assert "key file" in capsys.readouterr().err


def test_demo_reset_never_deletes_a_folder_under_a_running_app(other_instance: DataDir) -> None:
    result = run("--data-dir", str(other_instance.root), "--lang", "en", "demo", "--reset")
    assert result.returncode == 3
    assert "running on this data folder" in result.stderr
    assert other_instance.database.exists() and other_instance.lock_file.exists()


def test_a_lock_left_by_another_computer_is_taken_over_only_when_asked(tmp_path: Path) -> None:
    from app.instance import lock_holder, take_over_instance_lock

    data = DataDir(tmp_path / "copied").ensure()
    # the folder was copied from a PC that died while the app was open
    data.lock_file.write_text("4242\nStationWorkbench\nvillage-pc-old\n")
    assert acquire_instance_lock(data) is None  # never taken silently
    holder = lock_holder(data)
    assert holder is not None and holder.host == "village-pc-old"
    assert not holder.on_this_computer
    lock = take_over_instance_lock(data)
    assert lock is not None
    assert lock_holder(data).on_this_computer  # type: ignore[union-attr]
    lock.release()


def test_a_lock_held_on_this_computer_is_never_taken_over(other_instance: DataDir) -> None:
    from app.instance import lock_holder, take_over_instance_lock

    holder = lock_holder(other_instance)
    assert holder is not None and holder.on_this_computer
    assert take_over_instance_lock(other_instance) is None


def test_migrate_backs_up_an_older_schema_and_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an upgrade, before the app's first window: the IT person's `migrate` backs up
    and migrates, and prints the line the app will show (which `info` repeats until then)."""
    from app import __version__
    from app.db import migrate
    from app.services.backup import list_backups
    from app.services.changelog import upgrade_line
    from app.settings import LAST_VERSION, Settings

    data_dir = DataDir(tmp_path / "station").ensure()
    shutil.copy(ROOT / "tests" / "fixtures" / "schema_0010.sqlite", data_dir.database)
    settings = Settings(data_dir.settings_file)
    settings.set(LAST_VERSION, "0.0.9")
    settings.sync()
    told = upgrade_line("0.0.9", __version__, "en")
    assert told

    assert main(["--data-dir", str(data_dir.root), "--lang", "en", "migrate"]) == 0
    out = capsys.readouterr().out
    assert f"Schema at revision {migrate.head_revision()}." in out and told in out
    assert [b.kind for b in list_backups(data_dir.backups)] == ["pre-migration-0010"]
    assert main(["--data-dir", str(data_dir.root), "--lang", "en", "info"]) == 0
    out = capsys.readouterr().out
    assert f"Program version: {__version__}" in out and told in out

    settings.set(LAST_VERSION, __version__)  # the app's window has told it
    settings.sync()
    assert main(["--data-dir", str(data_dir.root), "--lang", "en", "info"]) == 0
    assert told not in capsys.readouterr().out
