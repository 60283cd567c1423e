"""The real program in a real window, driven as the station drives it.

The program runs as its own process on an X screen of 1366×768 with a window
manager that keeps a taskbar's strip free.  Keys and clicks are real X events
(``xdotool``): the household card and the volunteer card are scanned as a USB
scanner sends them (each key a few ms apart, Shift around capitals and ``:``,
then Enter), goods are chosen by clicking the button drawn at that place on
the screen.  What happened is then read from the station database through the
services, as the program's own pages would show it.

Screenshots of the counter and the kiosk go to /tmp/shots-e2e/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from e2e_desktop import SCREEN, RunningApp
from e2e_station import Prepared, set_option
from e2e_steps import (
    assert_fits_above_taskbar,
    fully_shown,
    maximise,
    open_area,
    open_counter,
    overlaps,
    scan_household,
    sign_in,
)

pytestmark = pytest.mark.hardware


def test_counter_scan_click_and_enter_redeem_on_the_real_screen(
    start_app: Callable[..., RunningApp], station: Prepared, tmp_path: Path
) -> None:
    from app.views.points.options import SLIP_FOLDER, SLIP_OUTPUT

    slips = tmp_path / "slips"
    set_option(station.data_dir, SLIP_OUTPUT, "folder")  # this test prints nothing
    set_option(station.data_dir, SLIP_FOLDER, str(slips))
    app = start_app(station)
    sign_in(app)
    opened = app.look().window("main_window")
    assert opened is not None
    assert_fits_above_taskbar(app, opened)  # as the program opens it
    assert_fits_above_taskbar(app, maximise(app))

    open_counter(app)  # and the focus is in its scan field at once
    scan_household(app, station.household_card, station.household_number)
    assert str(station.balance) in app.look().text("counter_balance")

    # Two goods the household can afford, clicked where they are drawn.
    screen = app.look()
    grid = screen.widgets("goods_")
    # buttons in full view: a person clicks only what is drawn whole
    shown = {w["name"]: w for w in grid if w["enabled"] and fully_shown(w)}
    chosen = [g for g in station.goods if f"goods_{g.id}" in shown][:2]
    assert len(chosen) == 2, (
        f"{len(shown)} of {len(grid)} goods buttons are drawn whole; "
        f"{len(overlaps(grid))} pairs are drawn on top of each other"
    )
    assert sum(g.price for g in chosen) <= station.balance
    for n, good in enumerate(chosen, start=1):
        app.click(shown[f"goods_{good.id}"])
        cart = app.wait_for(
            lambda s, n=n: len(s.items("cart")) == n and s.items("cart"), f"{n} line(s) in the cart"
        )
        assert good.name in cart[-1]["text"], (
            f"clicked the button of {good.name!r}; the cart got {cart[-1]['text']!r} "
            f"(buttons drawn on top of each other: {len(overlaps(grid))} pairs)"
        )
    screen = app.look()
    assert screen.focus == "counter_scan"
    total = sum(g.price for g in chosen)
    assert str(total) in screen.text("cart_total")
    app.desktop.screenshot("counter-cart")

    app.desktop.key("Return")  # Enter on the empty scan field confirms
    app.wait_for(
        lambda s: station.household_number in s.text("last_redemption"),
        "the redemption confirmed",
    )
    app.wait_for(lambda s: list(slips.glob("*.pdf")), "the slip saved", 20)
    app.desktop.screenshot("counter-redeemed")
    assert app.quit() == 0

    from app.db import Database
    from app.paths import DataDir
    from app.services import households, supermarket

    db = Database(DataDir(station.data_dir).database)
    try:
        assert households.get_household(db, station.household_id).balance == (
            station.balance - total
        )
        stock = {g.id: g.on_hand for g in supermarket.list_goods(db, limit=5000)}
        for good in chosen:
            assert stock[good.id] == good.on_hand - 1, good.name
        redemptions = supermarket.household_redemptions(db, station.household_id, 10_000)
        assert len(redemptions) == station.redemptions + 1  # one redemption, not two
        latest = redemptions[0]
        assert not latest.voided
        assert latest.total_points == total
        assert sorted((x.goods_name, x.qty) for x in latest.lines) == sorted(
            (g.name, 1) for g in chosen
        )
    finally:
        db.dispose()


def test_kiosk_signs_a_volunteer_in_and_out_by_real_scans(
    start_app: Callable[..., RunningApp], station: Prepared
) -> None:
    app = start_app(station)
    sign_in(app)
    maximise(app)
    open_area(app, "活动")
    row = app.wait_for(
        lambda s: s.item("activities_table", station.activity_title), "the activity in the list"
    )
    app.click(row)
    kiosk_button = app.wait_for(
        lambda s: (b := s.widget("activity_kiosk")) is not None and b["enabled"] and b,
        "the Open kiosk button",
    )
    app.click(kiosk_button)
    yes = app.wait_for(
        lambda s: (
            next(
                (
                    w
                    for w in s.widgets()
                    if w["window"] != "main_window" and w["text"].replace("&", "").startswith("是")
                ),
                None,
            )
            or s.widget("kiosk_scan")
        ),
        "the question whether to open the activity",
    )
    if yes["name"] != "kiosk_scan":
        app.activate(yes["window"])
        app.click(app.wait_for(lambda s: s.button("是", yes["window"]), "the Yes button"))
    app.wait_for(
        lambda s: (w := s.window("kiosk")) is not None and w["active"] and s.focus == "kiosk_scan",
        "the kiosk full screen with the focus in its scan field",
    )
    kiosk = app.look().window("kiosk")
    assert kiosk is not None and (kiosk["w"], kiosk["h"]) == SCREEN

    sign_in_mode = app.look().widget("kiosk_mode_in")
    assert sign_in_mode is not None
    app.click(sign_in_mode)
    app.wait_for(lambda s: s.focus == "kiosk_scan", "the focus back in the scan field")
    app.desktop.scan(station.volunteer_card)
    app.wait_for(
        lambda s: station.volunteer_name in s.text("kiosk_person"),
        f"{station.volunteer_name} shown signed in",
    )
    app.desktop.screenshot("kiosk-signed-in")

    sign_out_mode = app.look().widget("kiosk_mode_out")
    assert sign_out_mode is not None
    app.click(sign_out_mode)
    app.wait_for(
        lambda s: (
            s.focus == "kiosk_scan"
            and (b := s.widget("kiosk_mode_out")) is not None
            and b["checked"]
        ),
        "sign-out mode with the focus in the scan field",
    )
    app.desktop.scan(station.volunteer_card)

    from sqlalchemy import select

    from app.db import Database
    from app.models import Presence, ScanEvent
    from app.paths import DataDir

    db = Database(DataDir(station.data_dir).database)
    try:

        def signed_out() -> Any:
            with db.read() as session:
                presence = session.scalars(
                    select(Presence).where(
                        Presence.activity_id == station.activity_id,
                        Presence.volunteer_id == station.volunteer_id,
                    )
                ).all()
                return presence if presence and presence[0].out_at is not None else None

        presence = app.wait_for(lambda _s: signed_out(), "the sign-out in the database")
        app.desktop.screenshot("kiosk-signed-out")
        assert len(presence) == 1
        with db.read() as session:
            events = session.scalars(
                select(ScanEvent)
                .where(ScanEvent.activity_id == station.activity_id)
                .order_by(ScanEvent.scanned_at)
            ).all()
            assert [(e.mode, e.action, e.status, e.subject_id) for e in events] == [
                ("in", "sign_in", "green", station.volunteer_id),
                ("out", "sign_out", "green", station.volunteer_id),
            ]
    finally:
        db.dispose()
