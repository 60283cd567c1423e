"""Screenshots of the station's 同步 page for review: ``python scripts/screenshots_sync.py
[--out DIR]``.

A small demo station on an emulated 1366×768 screen (40 px taskbar), Chinese and
English: the page as it opens, after an export to a folder (the summary in words)
and after the enrolment file was written.  PNGs go to ``DIR/<language>/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication
from screenshots_layout import SCREENS, SIZE, grab, settle

from app.demo import station as demo
from app.paths import DataDir
from app.services import auth
from app.settings import SYNC_FOLDER, Settings
from app.views import screen
from app.views.application import create_application
from app.views.session import Workbench


def shots(app: QApplication, out: Path, root: Path, language: str) -> None:
    from app.translations import install_translators

    install_translators(app, language)
    screen.emulate_screen(*SCREENS["1366x768"])
    data_dir = DataDir(root / language).ensure()
    db = demo.create_demo_station(data_dir, size=SIZE)
    settings = Settings(data_dir.settings_file)
    settings.set(SYNC_FOLDER, str(root / f"stick-{language}"))
    row = next(o for o in auth.list_operators(db, auth.SYSTEM) if o.role.value == "admin")
    admin = auth.Actor(row.id, row.username, row.display_name, row.role)
    bench = Workbench(db, data_dir, settings)
    bench.enter(admin)
    window = bench.window
    assert window is not None
    screen.show_maximized(window)
    page = window.show_page("sync")
    settle(app)
    grab(window, out, "sync-1-opened")
    page.export()  # type: ignore[attr-defined]
    settle(app, lambda: page.last_summary is not None)  # type: ignore[attr-defined]
    settle(app)
    grab(window, out, "sync-2-exported")
    page.write_enrolment()  # type: ignore[attr-defined]
    settle(app, lambda: page.enrolment_path is not None)  # type: ignore[attr-defined]
    grab(window, out, "sync-3-enrolment")
    bench.idle.uninstall()
    window.close_for_sign_out()
    settle(app)
    db.dispose()
    screen.emulate_screen(None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-sync"))
    args = parser.parse_args()
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("zh_CN", "en"):
            out = args.out / language
            out.mkdir(parents=True, exist_ok=True)
            shots(app, out, Path(tmp), language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
