"""Screenshots of the GUI for review: ``python scripts/screenshots.py [--out DIR]``.

Runs offscreen on a temporary data folder: first the first-run wizard (each
page, filled in), then a demo station (``app.demo.station`` when present,
otherwise a plain set-up) signed in as its administrator, and the main window
on every area and every settings tab.  PNGs go to ``screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from app.db import Database, migrate
from app.paths import DataDir
from app.services import auth
from app.services.station import AdminAccount, StationInfo, setup_station
from app.settings import LANGUAGE, Settings
from app.views.application import create_application
from app.views.session import Workbench
from app.views.tasks import default_runner
from app.views.wizard import FirstRunWizard


def settle(app: QApplication, until: Callable[[], bool] | None = None, rounds: int = 2000) -> None:
    """Process events until every task is delivered (and *until* holds)."""
    runner = default_runner()
    for _ in range(rounds):
        app.processEvents()
        if runner.is_idle() and (until is None or until()):
            break
        runner.pool.waitForDone(10)
    app.processEvents()


def type_into(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def grab(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def wizard_shots(app: QApplication, out: Path, root: Path) -> None:
    data_dir = DataDir(root / "wizard").ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    wizard = FirstRunWizard(db, data_dir)
    wizard.resize(760, 600)
    wizard.show()
    settle(app)
    grab(wizard, out, "01-wizard-mode")
    wizard.next()
    form = wizard.station_page.form
    type_into(form.name, "东风村新时代文明实践站")
    type_into(form.code, "33048110100")  # one digit short: the inline message shows
    type_into(form.village, "东风村")
    type_into(form.township, "城关镇")
    type_into(form.county, "海宁市")
    type_into(form.leader, "王建国")
    type_into(form.phone, "0573-87001234")
    settle(app)
    grab(wizard, out, "02-wizard-station-invalid-code")
    type_into(form.code, "1")
    settle(app)
    grab(wizard, out, "03-wizard-station")
    wizard.next()
    page = wizard.admin_page
    type_into(page.username, "wang")
    type_into(page.display_name, "王站长")
    type_into(page.password, "secret99")
    type_into(page.repeat, "secret9")
    settle(app)
    grab(wizard, out, "04-wizard-admin-mismatch")
    type_into(page.repeat, "9")
    wizard.next()
    settle(app)
    grab(wizard, out, "05-wizard-summary")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    settle(
        app,
        until=lambda: wizard.currentId() == 4 and "…" not in wizard.done_page.fingerprint.text(),
    )
    grab(wizard, out, "06-wizard-done")
    wizard.close()
    db.dispose()


def make_station(data_dir: DataDir) -> tuple[Database, auth.Actor]:
    try:
        from app.demo import station as demo
    except ImportError:  # before the demo service existed
        demo = None  # type: ignore[assignment]
    if demo is not None:
        db = demo.create_demo_station(data_dir, size="small")
        admin = next(o for o in auth.list_operators(db, auth.SYSTEM) if o.role.value == "admin")
        return db, auth.Actor(admin.id, admin.username, admin.display_name, admin.role)
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    info = StationInfo(
        name="东风村新时代文明实践站",
        code="330481101001",
        village="东风村",
        township="城关镇",
        county="海宁市",
        leader_name="王建国",
        contact_phone="0573-87001234",
    )
    return db, setup_station(db, data_dir.keys, info, AdminAccount("admin", "王站长", "admin123"))


def window_shots(app: QApplication, out: Path, root: Path) -> None:
    data_dir = DataDir(root / "station").ensure()
    db, admin = make_station(data_dir)
    settings = Settings(data_dir.settings_file)
    bench = Workbench(db, data_dir, settings)
    bench.show_login()
    settle(app)
    assert bench.login is not None
    bench.login.username.setText(admin.username)
    bench.login.resize(480, 260)
    settle(app)
    grab(bench.login, out, "10-login")
    bench.login.close()
    bench.enter(admin)
    window = bench.window
    assert window is not None
    window.resize(1280, 800)
    settle(app)
    for number, spec in enumerate(window.specs, start=11):
        window.show_page(spec.key)
        settle(app)
        grab(window, out, f"{number}-page-{spec.key}")
    page = window.show_page("settings")
    tabs = page.tabs  # type: ignore[attr-defined]
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        settle(app)
        if tabs.currentWidget() is page.audit_tab:  # type: ignore[attr-defined]
            page.audit_tab.verify()  # type: ignore[attr-defined]
            settle(app)
        grab(window, out, f"3{i}-settings-tab-{i}")
    bench.lock()
    settle(app)
    assert bench.lock_screen is not None
    bench.lock_screen.resize(520, 360)
    settle(app)
    grab(bench.lock_screen, out, "40-lock-screen")
    bench.idle.uninstall()
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    from app.translations import install_translators

    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        Settings(root / "unused.ini").get(LANGUAGE)
        wizard_shots(app, args.out, root)
        window_shots(app, args.out, root)
        default_runner().wait_for_threads()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
