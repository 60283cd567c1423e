"""Screenshots of the background upload for review: ``python scripts/screenshots_upload.py
[--out DIR]``.

The township demo (two stations and their township) and the real hub
(``main.py hub``) serving its township on loopback, on an emulated 1366×768
screen, Chinese and English: the 同步 page with its last attempts (the hub down
twice, then an upload acknowledged), 设置 → 同步 after 测试连接, and the status
bar.  PNGs go to ``DIR/<language>/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget  # noqa: E402
from screenshots_layout import SCREENS, grab, settle  # noqa: E402

from app.db import Database  # noqa: E402
from app.demo.station import DEMO_PASSWORD  # noqa: E402
from app.demo.township import create_township_demo  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services import auth  # noqa: E402
from app.settings import LANGUAGE, Settings  # noqa: E402
from app.sync import upload  # noqa: E402
from app.views import screen  # noqa: E402
from app.views.application import create_application  # noqa: E402
from app.views.session import Workbench  # noqa: E402
from tests.hub.hub_server import HubServer  # noqa: E402


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def shots(app: QApplication, out: Path, template: Path, root: Path, language: str) -> None:
    from app.translations import install_translators

    install_translators(app, language)
    screen.emulate_screen(*SCREENS["1366x768"])
    shutil.copytree(template, root)
    station = DataDir(root / "station-a")
    hub = HubServer(root / "township", root / "hub.log").start()
    db = Database(station.database)
    admin = auth.login(db, "admin", DEMO_PASSWORD)
    down = dead_url()
    upload.set_hub_url(db, admin, down)
    for _ in range(2):  # the hub is down twice: two attempts in words, a backoff
        upload.upload_pending(db, station, down)
    settings = Settings(station.settings_file)
    settings.set(LANGUAGE, language)
    upload.set_hub_url(db, admin, hub.url)
    bench = Workbench(db, station, settings)
    bench.enter(admin)
    window = bench.window
    assert window is not None and window.uploader is not None
    screen.show_maximized(window)
    page = window.show_page("sync")
    settle(app)
    done: list[object] = []
    window.uploader.attempt_finished.connect(done.append)
    page.findChild(QPushButton, "upload_now").click()
    settle(app, lambda: bool(done), rounds=30000)
    settle(app)
    grab(window, out, "upload-1-sync-page")
    settings_page = window.show_page("settings")
    tabs = settings_page.findChild(QTabWidget, "settings_tabs")
    tab = settings_page.sync_tab  # type: ignore[attr-defined]
    tabs.setCurrentWidget(tab)
    settle(app)
    tab.test()
    settle(app, lambda: "…" not in tab.message.text())
    grab(window, out, "upload-2-settings")
    grab(window.statusBar(), out, "upload-3-status-bar")
    bench.idle.uninstall()
    window.close_for_sign_out()
    settle(app)
    db.dispose()
    hub.stop()
    screen.emulate_screen(None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-upload"))
    args = parser.parse_args()
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        create_township_demo(template, "small")
        for language in ("zh_CN", "en"):
            out = args.out / language
            out.mkdir(parents=True, exist_ok=True)
            shots(app, out, template, Path(tmp) / language, language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
