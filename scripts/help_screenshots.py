"""The pictures of the built-in guide: ``python scripts/help_screenshots.py``.

Runs offscreen (the machinery of ``scripts/screenshots.py``) on a fresh demo
station, signed in as its administrator, once per guide language, and writes
``resources/help/<language>/images/<topic>.png``: each area of the main
window with something chosen (a household, a volunteer, an activity, a
household at the redemption counter with goods in the cart, the audit log),
and the sign-in kiosk after one scan.  Each picture is scaled to 900 px wide
and reduced to a 128-colour palette, so the whole set stays well under 2 MB.
Run it again after a page changes and commit the PNGs.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt, QThread
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import make_station, settle
from sqlalchemy import select

from app.paths import DataDir
from app.resources import resources_dir
from app.settings import LANGUAGE, Settings
from app.translations import install_translators
from app.views.application import create_application
from app.views.session import Workbench
from app.views.tasks import default_runner

WIDTH = 900
COLOURS = 128
SKIP = {"orders", "reports", "sync"}  # "not built yet" pages: no picture to learn from


def save_small(widget: QWidget, path: Path) -> int:
    """*widget* as a 900 px wide, palette PNG; returns its size in bytes."""
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    small = picture.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, optimize=True)
    print(path, path.stat().st_size)
    return path.stat().st_size


def wait_for(app: QApplication, until: Callable[[], bool], seconds: float = 10) -> None:
    """Process events until *until* holds (timers included), at most *seconds*."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        settle(app)
        QThread.msleep(20)
    settle(app)


def pick_first(view) -> None:  # type: ignore[no-untyped-def]
    if view.model().rowCount():
        view.selectRow(0)


def shots(app: QApplication, root: Path, language: str, out: Path) -> int:
    from app import models as m
    from app.services import activities, cards
    from app.services.activities import ActivityData

    data_dir = DataDir(root / language).ensure()
    db, admin = make_station(data_dir)
    settings = Settings(data_dir.settings_file)
    settings.set(LANGUAGE, language)
    from PySide6.QtCore import QRect

    from app.views import screen

    # a station's screen: 1366x768 with a 40 px taskbar; the window maximised on it
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    bench = Workbench(db, data_dir, settings)
    bench.enter(admin)
    window = bench.window
    assert window is not None
    screen.show_maximized(window)
    settle(app)

    # An activity happening now: listed on Activities, then shown at the kiosk.
    now = datetime.now().replace(second=0, microsecond=0)
    start = now - timedelta(minutes=30)
    made = activities.create_activity(
        db,
        admin,
        ActivityData(
            title="农技培训",
            category="学习实践科学理论",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="村文化礼堂",
        ),
    )
    total = 0
    for spec in window.specs:
        if spec.key in SKIP:
            continue
        page = window.show_page(spec.key)
        settle(app)
        if spec.key == "households":
            pick_first(page.households.view)  # type: ignore[attr-defined]
        elif spec.key == "volunteers":
            pick_first(page.volunteers.view)  # type: ignore[attr-defined]
        elif spec.key == "activities":
            pick_first(page.view)  # type: ignore[attr-defined]
        elif spec.key == "supermarket":
            counter = page.counter  # type: ignore[attr-defined]
            with db.read() as s:
                household = s.scalar(select(m.Household.id).where(m.Household.number == "3-6"))
                goods = s.scalars(select(m.Goods.id).order_by(m.Goods.name).limit(2)).all()
            settle(app)
            counter.open_household(household)
            settle(app)
            for goods_id in goods:
                counter.add_goods_id(goods_id)
                settle(app)
        elif spec.key == "settings":
            page.show_tab(page.audit_tab)  # type: ignore[attr-defined]
            settle(app)
            browser = page.audit_tab.browser  # type: ignore[attr-defined]
            wait_for(app, lambda b=browser: bool(b.model.rows))
            browser.table.selectRow(0)
        settle(app)
        total += save_small(window, out / f"{spec.key}.png")

    # The kiosk of an activity happening now, after one volunteer's scan.
    from app.views.kiosk.window import KioskWindow

    activities.open_activity(db, admin, made.id)
    kiosk = KioskWindow(window.ctx, activities.get_activity(db, made.id), sounds=False)
    kiosk.may_close = True
    kiosk.resize(1366, 768)
    kiosk.start(fullscreen=False)
    settle(app, until=lambda: kiosk.card_key is not None and kiosk.counts is not None)
    with db.read() as s:
        volunteer = s.scalar(select(m.Volunteer.id).order_by(m.Volunteer.number).limit(1))
    assert kiosk.card_key is not None and volunteer is not None
    card = cards.issue_card(db, admin, kiosk.card_key, cards.CardKind.VOLUNTEER, volunteer)
    kiosk.submit(card.payload)
    wait_for(app, lambda: kiosk.recent.rowCount() > 0)
    total += save_small(kiosk, out / "kiosk.png")
    kiosk.close()
    bench.idle.uninstall()
    window.close_for_sign_out()
    settle(app)
    db.dispose()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", action="append", help="zh_CN and/or en (default: both)")
    args = parser.parse_args()
    app = create_application(sys.argv[:1])
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for language in args.lang or ["zh_CN", "en"]:
            install_translators(app, language)
            out = resources_dir() / "help" / language / "images"
            total += shots(app, Path(tmp), language, out)
        default_runner().wait_for_threads()
    print(f"total {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
