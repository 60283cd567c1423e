"""Screenshots of the township's home and 站点 page and of a station's 乡镇 section and
its enrolment dialog, for review: ``python scripts/screenshots_township.py DEMO [--out DIR]``.

*DEMO* is a folder made by ``main.py demo --township DEMO`` (it is copied, not
changed).  In the copy station b's last import is moved 20 days back, so the
站点 list and the home page show it red.  1366×768 (728 px available), Chinese
and English; PNGs go to ``DIR/<language>/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from app.db import Database
from app.paths import DataDir
from app.services import auth
from app.settings import Settings
from app.sync.enrol import write_enrolment
from app.views import screen
from app.views.application import create_application
from app.views.session import Workbench
from app.views.tasks import default_runner

PASSWORD = "demo1234"


def settle(app: QApplication, until: Callable[[], bool] | None = None, rounds: int = 3000) -> None:
    runner = default_runner()
    for _ in range(rounds):
        app.processEvents()
        if runner.is_idle() and (until is None or until()):
            break
        runner.pool.waitForDone(10)
    app.processEvents()


def grab(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def open_window(app: QApplication, data_dir: DataDir) -> tuple[Workbench, Database]:
    db = Database(data_dir.database)
    bench = Workbench(db, data_dir, Settings(data_dir.settings_file))
    bench.start()  # reads the mode (station or township), as the program starts
    settle(app, lambda: bench.login is not None)
    bench.enter(auth.login(db, "admin", PASSWORD))
    assert bench.window is not None
    screen.show_maximized(bench.window)
    settle(app)
    return bench, db


def close(app: QApplication, bench: Workbench, db: Database) -> None:
    settle(app)
    bench.idle.uninstall()
    if bench.login is not None:
        bench.login.blockSignals(True)
        bench.login.close()
    if bench.window is not None:
        bench.window.close_for_sign_out()
    settle(app)
    db.dispose()


def shots(app: QApplication, demo: Path, out: Path, language: str) -> None:
    from app.translations import install_translators

    install_translators(app, language)
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    town_dir = DataDir(demo / "township")
    con = sqlite3.connect(town_dir.database)
    with con:
        con.execute(
            "UPDATE sync_import_log SET imported_at = datetime(imported_at, '-20 days') "
            "WHERE station_id = (SELECT station_id FROM sync_station ORDER BY code DESC LIMIT 1)"
        )
    con.close()

    bench, db = open_window(app, town_dir)
    window = bench.window
    assert window is not None
    page = window.show_page("home")
    settle(app, lambda: getattr(page, "data", None) is not None)
    grab(window, out, "10-township-home")
    window.show_page("stations")
    settle(app)
    grab(window, out, "20-stations-red")
    window.show_page("publish")
    settle(app)
    grab(window, out, "30-publish-enrolment-file")
    enrolment = write_enrolment(db, town_dir, demo / "usb")
    close(app, bench, db)

    station_dir = DataDir(demo / "station-a")
    bench, db = open_window(app, station_dir)
    window = bench.window
    assert window is not None
    sync = window.show_page("sync")
    settle(app)
    box = sync.findChild(QWidget, "township_box")
    scroll = sync.findChild(QScrollArea)
    if scroll is not None and box is not None:
        scroll.ensureWidgetVisible(box, 0, 200)
    settle(app)
    grab(window, out, "40-sync-township-section")
    sync.open_township_dialog()  # type: ignore[attr-defined]
    dialog = sync.township_dialog  # type: ignore[attr-defined]
    settle(app)
    grab(dialog, out, "50-dialog-empty")
    dialog.read_file(demo / "usb" / "330481101002.wbenrol")  # a station's file
    settle(app)
    grab(dialog, out, "51-dialog-station-file-refused")
    dialog.read_file(enrolment)
    settle(app, lambda: dialog.enrolment is not None)
    grab(dialog, out, "52-dialog-fingerprint")
    dialog.matches.setChecked(True)
    dialog.enrol()
    settle(app)
    grab(window, out, "53-sync-township-enrolled")
    close(app, bench, db)
    screen.emulate_screen(None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("demo", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-township"))
    args = parser.parse_args()
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("zh_CN", "en"):
            out = args.out / language
            out.mkdir(parents=True, exist_ok=True)
            copy = Path(tmp) / language
            shutil.copytree(args.demo, copy)
            shots(app, copy, out, language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
