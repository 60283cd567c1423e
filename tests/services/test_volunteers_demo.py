"""The demo filler for volunteers and activities keeps every ledger and cache consistent."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from app.demo.station import SIZES, DemoContext, NameGenerator
from app.demo.volunteers import fill_demo
from app.models import ScanEvent
from app.services import activities, audit, volunteers
from app.services.volunteers import certificates
from app.services.volunteers import hours as service_hours


def test_fill_demo_small(station_db, data_dir) -> None:
    db, admin = station_db
    rng = random.Random(7)
    size = SIZES["small"]
    fill_demo(DemoContext(db, data_dir, admin, size, rng, NameGenerator(rng)))
    assert volunteers.count_volunteers(db) == size.volunteers
    assert activities.count_activities(db) == size.activities
    assert len(volunteers.list_teams(db)) == 10
    with db.read() as s:
        scans = s.scalar(select(func.count()).select_from(ScanEvent)) or 0
    assert 0 < scans <= size.scan_events
    report = service_hours.verify(db)
    assert report.ok, report.mismatches[:3]
    assert report.checked_records > 0
    assert certificates.count_register(db) > 0
    assert audit.verify_chain(db).ok
    hits = volunteers.fetch_volunteers(db, 0, 5)
    assert hits[0].number.endswith("-V-00001")
