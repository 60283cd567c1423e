"""Background work that keeps order (issue 8): queued kiosk scans are stored in the
order scanned, and a slow first lookup at the counter never overwrites the second."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from gui_points_fixtures import FakeClock as ShopClock
from gui_points_fixtures import build_shop
from gui_points_fixtures import page_context as shop_context
from gui_volunteer_fixtures import FakeClock, WallClock, build_station, page_context
from sqlalchemy import select

from app.models import ScanEvent
from app.services import activities, supermarket
from app.views.kiosk.window import KioskWindow
from app.views.points.options import SLIP_OUTPUT
from app.views.supermarket.counter import CounterWidget


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_station(db, data_dir, admin, n_volunteers=50)


def test_fifty_queued_scans_are_stored_in_the_order_scanned(
    qtbot, station, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    activities.open_activity(station.db, station.admin, station.activity.id)
    day = station.day
    kiosk = KioskWindow(
        page_context(station.db, data_dir, settings, station.admin),
        activities.get_activity(station.db, station.activity.id),
        clock=FakeClock(),
        now=WallClock(datetime(day.year, day.month, day.day, 9, 0)),
    )
    kiosk.may_close = True
    qtbot.addWidget(kiosk)
    kiosk.start(fullscreen=False)
    qtbot.waitUntil(lambda: kiosk.card_key is not None)
    wait_tasks()
    # The card key is loading again: the scans wait in the queue, then go all at once.
    kiosk.card_key = None
    for card in station.volunteer_cards:
        kiosk.submit(card)
    assert len(kiosk.queue) == 50
    shown: list[str] = []
    kiosk.result_shown.connect(lambda r: shown.append(r.person_name))
    kiosk._key_loaded(station.card_key)
    qtbot.waitUntil(lambda: len(shown) == 50, timeout=60_000)
    wait_tasks()
    names = [v.name for v in station.volunteers]
    assert shown == names  # the results arrive in the order scanned
    assert kiosk.person.text() == names[-1]  # the card shows the last scan
    with station.db.read() as session:
        stored = session.scalars(
            select(ScanEvent.subject_id)
            .where(ScanEvent.activity_id == station.activity.id)
            .order_by(ScanEvent.change_seq)
        ).all()
    assert list(stored) == [v.id for v in station.volunteers]


@pytest.fixture
def shop(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_shop(db, data_dir, admin)


def test_a_slow_first_household_never_replaces_the_second(
    qtbot, shop, data_dir, settings, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    settings.set(SLIP_OUTPUT, "folder")
    counter = CounterWidget(
        shop_context(shop.db, data_dir, settings, shop.admin), clock=ShopClock()
    )
    qtbot.addWidget(counter)
    counter.show()
    qtbot.waitExposed(counter)
    wait_tasks()
    real = supermarket.counter_household
    started = threading.Event()
    release = threading.Event()

    def slow_for_the_first(db, household_id):  # type: ignore[no-untyped-def]
        if household_id == shop.rich.id:
            started.set()
            release.wait(10)  # the test holds the first answer back
        return real(db, household_id)

    monkeypatch.setattr(supermarket, "counter_household", slow_for_the_first)
    counter.open_household(shop.rich.id)
    qtbot.waitUntil(started.is_set)
    counter.open_household(shop.poor.id)
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household.id == shop.poor.id
    release.set()  # now the first answer arrives, last
    wait_tasks()
    assert counter.household.id == shop.poor.id
    assert "李四" in counter.household_label.text()
