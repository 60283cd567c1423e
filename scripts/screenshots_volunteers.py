"""Screenshots of 志愿者 and 活动 (volunteers, activities, the kiosk, hours, certificates) for review:
``python scripts/screenshots_volunteers.py [--out DIR]``.

Runs offscreen on a temporary station: the volunteers demo filler (teams, 60
volunteers with cards, a year of closed activities with kiosk scans, approved
and pending hours, star levels, certificates), a few activities planned this
month and one open now.  Grabs the volunteers page with a volunteer open, the
activities page with the quota progress (list and calendar), the kiosk with a
green, an amber and a red result, the hours tab, the certificates tab, and a
志愿服务记录证明 rendered to PNG with ``pdftoppm``.  PNGs go to
``screenshots/volunteers/``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database, migrate
from app.demo.station import DEMO_STATION, DemoContext, DemoSize, NameGenerator
from app.demo.volunteers import fill_demo
from app.paths import DataDir
from app.services import activities, points, volunteers
from app.services.activities import ActivityData
from app.services.keys import load_keys
from app.services.station import AdminAccount, setup_station
from app.services.volunteers import certificates
from app.settings import Settings
from app.views.application import create_application
from app.views.pages import AppEvents, PageContext
from app.views.tasks import default_runner

SIZE = DemoSize(
    households=0, volunteers=60, activities=40, ledger_entries=0, redemptions=0, scan_events=900
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


def build(root: Path) -> tuple[Database, DataDir, object]:
    data_dir = DataDir(root / "station").ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    admin = setup_station(
        db, data_dir.keys, DEMO_STATION, AdminAccount("admin", "王建国", "admin123")
    )
    with db.write() as s:
        points.seed_default_rules(s)
    rng = random.Random(4)
    fill_demo(DemoContext(db, data_dir, admin, SIZE, rng, NameGenerator(rng)))
    teams = volunteers.list_teams(db)
    today = date.today()
    plans = [
        ("百姓宣讲团进村", "学习实践科学理论", "理论宣讲", 3),
        ("农技培训：冬季果树管理", "宣传宣讲党的政策", "科技科普", 6),
        ("四点半课堂", "培育践行主流价值", "教育服务", 10),
        ("政策进万家", "宣传宣讲党的政策", "理论宣讲", 17),
        ("广场舞展演", "丰富活跃文化生活", "文化服务", 24),
    ]
    for title, category, platform, day_no in plans:
        day = date(today.year, today.month, min(day_no, 28))
        activities.create_activity(
            db,
            admin,
            ActivityData(
                title,
                category,
                datetime(day.year, day.month, day.day, 14),
                datetime(day.year, day.month, day.day, 16),
                platform=platform,
                place="村文化礼堂",
                points_rule_code="XX01" if platform == "理论宣讲" else "",
                team_ids=(teams[0].id,),
            ),
        )
    now = datetime.now().replace(second=0, microsecond=0)
    live = activities.create_activity(
        db,
        admin,
        ActivityData(
            "党的创新理论宣讲进村",
            "学习实践科学理论",
            now - timedelta(hours=1),
            now + timedelta(hours=2),
            platform="理论宣讲",
            place="东风村文化礼堂",
            content="宣讲党的二十届全会精神，村民代表和志愿者参加。",
            points_rule_code="XX01",
            team_ids=(teams[0].id,),
        ),
    )
    activities.open_activity(db, admin, live.id)
    return db, data_dir, admin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots/volunteers")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(["screenshots"])
    with tempfile.TemporaryDirectory() as tmp:
        db, data_dir, admin = build(Path(tmp))
        ctx = PageContext(db, data_dir, Settings(data_dir.settings_file), admin, AppEvents())  # type: ignore[arg-type]
        key = load_keys(data_dir.keys).card_key

        from app.views.activities.page import ActivitiesPage
        from app.views.volunteers.page import VolunteersPage

        # the volunteers page with a volunteer open
        page = VolunteersPage(ctx)
        page.resize(1366, 820)
        page.show()
        tab = page.volunteers
        settle(app, lambda: tab.model.row_at(0) is not None)
        starred = next(
            (
                i
                for i in range(tab.model.rowCount())
                if (tab.model.row_at(i) or 0) and tab.model.row_at(i).star_level
            ),
            0,
        )
        tab.view.selectRow(starred)
        settle(app, lambda: tab.detail.volunteer is not None)
        v = tab.detail.volunteer
        assert v is not None
        volunteers.add_training(
            db, admin, v.id, date.today() - timedelta(days=40), "应急救护培训", "县红十字会", 240
        )
        volunteers.add_award(
            db, admin, v.id, date.today() - timedelta(days=90), "优秀志愿者", "县级", "县文明办"
        )
        tab.detail.reload()
        settle(app)
        grab(page, out, "volunteers")

        # hours and certificates
        page.tabs.setCurrentWidget(page.hours)
        settle(app, lambda: page.hours.model.row_at(0) is not None)
        grab(page, out, "hours")
        page.tabs.setCurrentWidget(page.certificates)
        settle(app)
        grab(page, out, "certificates")

        # the activities page: quota, list, calendar
        apage = ActivitiesPage(ctx)
        apage.resize(1366, 820)
        apage.show()
        settle(app, lambda: apage.model.row_at(0) is not None)
        apage.view.selectRow(0)
        settle(app, lambda: apage.detail.activity is not None)
        grab(apage, out, "activities")
        apage.views.setCurrentIndex(1)
        settle(app)
        grab(apage, out, "activities_calendar")

        # the kiosk: green, amber, red
        live = activities.fetch_activities(db, 0, 1, activities.ActivityFilter(state="open"))[0]
        from app.views.kiosk.window import KioskWindow

        clock_ms = [1000]

        def scanner() -> int:
            clock_ms[0] += 8
            return clock_ms[0]

        wall = [datetime.now()]

        def now() -> datetime:
            return wall[0]

        kiosk = KioskWindow(ctx, activities.get_activity(db, live.id), clock=scanner, now=now)
        kiosk.may_close = True
        kiosk.resize(1366, 820)
        kiosk.start(fullscreen=False)
        settle(app, lambda: kiosk.card_key is not None)
        hits = volunteers.fetch_volunteers(db, 0, 6)
        payloads = [volunteers.issue_volunteer_card(db, admin, key, h.id).payload for h in hits]

        def scan(code: str) -> None:
            shown = len(kiosk.latencies_ms)
            QTest.keyClicks(kiosk.scan, code)
            QTest.keyClick(kiosk.scan, Qt.Key.Key_Return)
            settle(app, lambda: len(kiosk.latencies_ms) > shown)
            kiosk.refresh()
            settle(app)

        for p in payloads[1:]:
            wall[0] += timedelta(seconds=20)
            scan(p)
        wall[0] += timedelta(seconds=20)
        scan(payloads[0])
        grab(kiosk, out, "kiosk_green")
        wall[0] += timedelta(seconds=30)
        scan(payloads[0])  # auto mode, a minute after signing in: amber
        grab(kiosk, out, "kiosk_amber")
        forged = payloads[2][:-1] + ("A" if payloads[2][-1] != "A" else "B")
        wall[0] += timedelta(seconds=30)
        scan(forged)
        grab(kiosk, out, "kiosk_red")
        kiosk.idle_timer.stop()
        kiosk.back_to_idle()
        kiosk.clock = None  # type: ignore[attr-defined]
        QTest.keyClicks(kiosk.scan, "13")  # nothing; the idle screen
        kiosk.scan.clear_input()
        grab(kiosk, out, "kiosk_idle")
        kiosk.close()

        # a certificate as printed
        ranked = sorted(
            (h for h in volunteers.fetch_volunteers(db, 0, 60)), key=lambda h: -h.approved_minutes
        )
        from app.services.documents.certificates import certificate_pdf

        data = certificates.issue_service_record(
            db, admin, key, ranked[0].id, date(date.today().year - 1, 1, 1), date.today()
        )
        pdf = out / "certificate.pdf"
        pdf.write_bytes(certificate_pdf(db, data))
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(out / "certificate"),
            ],
            check=True,
        )
        print(out / "certificate-1.png")
        settle(app)
        default_runner().wait_for_threads()
        db.dispose()


if __name__ == "__main__":
    main()
