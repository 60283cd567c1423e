"""Screenshots at the screen sizes stations really have, for review:
``python scripts/screenshots_layout.py [--out DIR]``.

For 1366×768 and 1024×768 (each with a 40 px taskbar, so 728 px available) and
for Chinese and English: a demo station, the main window maximised, every area
and every tab, the counter with a household and a cart, a print preview, and
the kiosk with results.  The screen is emulated (offscreen has none), as the
layout tests do.  PNGs go to ``DIR/<language>-<screen>/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from app.demo import station as demo
from app.paths import DataDir
from app.services import activities, auth, cards, households, volunteers
from app.services.keys import load_keys
from app.settings import Settings
from app.views import screen
from app.views.application import create_application
from app.views.session import Workbench
from app.views.tasks import default_runner

SCREENS = {
    "1366x768": (QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728)),
    "1024x768": (QRect(0, 0, 1024, 768), QRect(0, 0, 1024, 728)),
}
SIZE = demo.DemoSize(
    households=60, volunteers=30, activities=16, ledger_entries=500, redemptions=30, scan_events=150
)


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


def tab_shots(app: QApplication, window: QWidget, root: QWidget, out: Path, name: str) -> None:
    for tabs in root.findChildren(QTabWidget):
        if tabs.parentWidget() is None:
            continue
        for i in range(tabs.count()):
            if tabs.widget(i) is None:
                continue
            tabs.setCurrentIndex(i)
            settle(app)
            if tabs.isVisible():
                grab(window, out, f"{name}-{tabs.objectName() or 'tabs'}-{i}")


def shots(app: QApplication, out: Path, root: Path, language: str, size: str) -> None:
    from app.translations import install_translators

    install_translators(app, language)
    screen.emulate_screen(*SCREENS[size])
    data_dir = DataDir(root / f"{language}-{size}").ensure()
    db = demo.create_demo_station(data_dir, size=SIZE)
    row = next(o for o in auth.list_operators(db, auth.SYSTEM) if o.role.value == "admin")
    admin = auth.Actor(row.id, row.username, row.display_name, row.role)
    bench = Workbench(db, data_dir, Settings(data_dir.settings_file))
    bench.enter(admin)
    window = bench.window
    assert window is not None
    settle(app)
    for number, spec in enumerate(window.specs, start=10):
        page = window.show_page(spec.key)
        settle(app)
        grab(window, out, f"{number}-{spec.key}")
        tab_shots(app, window, page, out, f"{number}-{spec.key}")

    # the counter with a household and three goods in the cart
    page = window.show_page("supermarket")
    counter = page.counter  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(counter)  # type: ignore[attr-defined]
    settle(app)
    hits = [h for c in demo.SURNAMES[:20] for h in households.search(db, c, 1)]
    if hits:
        counter.open_household(hits[0].id)
        settle(app, lambda: counter.household is not None)
        for goods in list(counter.goods.values())[:3]:
            counter.add_goods(goods)
        settle(app)
    grab(window, out, "30-counter-cart")

    # a print preview: the year's 积分榜 as the periods tab makes it
    from app.services.documents.lists import ranking_pdf
    from app.views.pdf_preview import show_pdf

    pdf = ranking_pdf(db, str(datetime.now().year), 10, False)
    preview = show_pdf(pdf, "积分榜", "A4", window)
    settle(app)
    grab(preview, out, "40-print-preview")
    preview.close()

    # the user guide (F1) on the counter's area, and the audit-log browser
    page = window.show_page("supermarket")
    settle(app)
    guide = window.show_help()
    settle(app)
    grab(guide, out, "45-help-supermarket")
    guide.close()
    settings_page = window.show_page("settings")
    audit_tab = next(
        w for w in settings_page.findChildren(QWidget) if type(w).__name__ == "AuditTab"
    )
    tabs = next(t for t in settings_page.findChildren(QTabWidget) if t.indexOf(audit_tab) >= 0)
    tabs.setCurrentWidget(audit_tab)
    browser = audit_tab.browser  # type: ignore[attr-defined]
    settle(app, lambda: browser.model.rowCount() > 0)
    for row in range(browser.model.rowCount()):
        if "login" not in str(browser.model.index(row, 0).data(0x0100) or ""):
            browser.table.selectRow(row)
            break
    settle(app)
    grab(window, out, "46-audit-log-browser")

    # the kiosk: an activity opened now, three volunteer cards scanned
    kiosk_shots(app, out, db, data_dir, admin, window)
    bench.idle.uninstall()
    window.close_for_sign_out()
    settle(app)
    db.dispose()
    screen.emulate_screen(None)


def kiosk_shots(app: QApplication, out: Path, db, data_dir, admin, window) -> None:  # type: ignore[no-untyped-def]
    from app.views.kiosk.window import KioskWindow

    now = datetime.now().replace(second=0, microsecond=0)
    teams = volunteers.list_teams(db)
    live = activities.create_activity(
        db,
        admin,
        activities.ActivityData(
            "党的创新理论宣讲进村",
            "学习实践科学理论",
            now - timedelta(hours=1),
            now + timedelta(hours=2),
            platform="理论宣讲",
            place="东风村文化礼堂",
            points_rule_code="XX01",
            team_ids=(teams[0].id,) if teams else (),
        ),
    )
    activity = activities.open_activity(db, admin, live.id)
    key = load_keys(data_dir.keys).card_key
    hits = volunteers.search_volunteers(db, "志", 5) or [
        v for c in demo.SURNAMES[:30] for v in volunteers.search_volunteers(db, c, 1)
    ]
    codes = [cards.issue_card(db, admin, key, "V", v.id).payload for v in hits[:3]]
    kiosk = KioskWindow(window.ctx, activity, now=datetime.now)
    kiosk.may_close = True
    kiosk.start(fullscreen=True)
    settle(app, lambda: kiosk.card_key is not None)
    grab(kiosk, out, "50-kiosk-idle")
    for code in [*codes, codes[0]] if codes else []:
        shown = len(kiosk.latencies_ms)
        kiosk.submit(code)
        settle(app, lambda s=shown: len(kiosk.latencies_ms) > s)
    kiosk.refresh()
    settle(app)
    grab(kiosk, out, "51-kiosk-results")
    kiosk.idle_timer.stop()
    kiosk.close()
    settle(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-layout"))
    args = parser.parse_args()
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("zh_CN", "en"):
            for size in SCREENS:
                out = args.out / f"{language}-{size}"
                out.mkdir(parents=True, exist_ok=True)
                shots(app, out, Path(tmp), language, size)
        default_runner().wait_for_threads()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
