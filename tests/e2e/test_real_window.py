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
from typing import Any

import pytest
from conftest import DEMO_PASSWORD, Prepared, set_option
from desktop import SCREEN, TASKBAR, RunningApp, Screen, wait_until

pytestmark = pytest.mark.hardware


def sign_in(app: RunningApp, user: str = "admin") -> None:
    """Type the user name and password into the sign-in dialog, as a person does."""
    field = app.wait_for(lambda s: s.widget("username", "login_dialog"), "the sign-in dialog", 30)
    app.activate("login_dialog")
    app.click(field)
    app.wait_for(lambda s: s.focus == "username", "the focus in the user name field")
    app.desktop.type(user)
    app.desktop.key("Tab")
    app.desktop.type(DEMO_PASSWORD)
    app.desktop.key("Return")
    app.wait_for(
        lambda s: (w := s.window("main_window")) is not None and w["active"],
        "the main window after signing in",
        30,
    )


def maximise(app: RunningApp) -> dict[str, Any]:
    """Maximise the main window through the window manager; returns its frame."""
    active = app.desktop.run(["xdotool", "getactivewindow"]).stdout.strip()
    app.desktop.run(["wmctrl", "-i", "-r", active, "-b", "add,maximized_vert,maximized_horz"])
    wait_until(
        lambda: "_NET_WM_STATE_MAXIMIZED_VERT"
        in app.desktop.run(["xprop", "-id", active, "_NET_WM_STATE"]).stdout,
        10,
        "the window manager to maximise the main window",
    )
    width = SCREEN[0]

    def maximised(s: Screen) -> dict[str, Any] | None:
        w = s.window("main_window")
        return w if w is not None and w["w"] == width else None

    frame: dict[str, Any] = app.wait_for(maximised, "the main window maximised")
    return frame


def assert_fits_above_taskbar(app: RunningApp, frame: dict[str, Any]) -> None:
    x, y, w, h = app.desktop.workarea()
    assert (x, y, w, h) == (0, 0, SCREEN[0], SCREEN[1] - TASKBAR)
    assert frame["x"] >= 0 and frame["y"] >= 0
    assert frame["x"] + frame["w"] <= w, frame
    assert frame["y"] + frame["h"] <= h, (
        f"the main window reaches down to {frame['y'] + frame['h']} px with its frame; "
        f"the screen has {h} px above the taskbar"
    )


def open_area(app: RunningApp, title: str) -> None:
    item = app.wait_for(lambda s: s.item("navigation", title), f"{title} in the navigation")
    app.click(item)


def inside(box: dict[str, Any], outer: dict[str, Any]) -> bool:
    return (
        box["x"] >= outer["x"]
        and box["y"] >= outer["y"]
        and box["x"] + box["w"] <= outer["x"] + outer["w"]
        and box["y"] + box["h"] <= outer["y"] + outer["h"]
    )


def no_overlap(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of boxes that cover each other."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["x"] < b["x"] + b["w"]
                and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"]
                and b["y"] < a["y"] + a["h"]
            ):
                pairs.append((a["name"], b["name"]))
    return pairs


def test_counter_scan_click_and_enter_redeem_on_the_real_screen(
    start_app: Callable[..., RunningApp], station: Prepared, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from app.views.points_options import SLIP_FOLDER, SLIP_OUTPUT

    slips = tmp_path / "slips"
    set_option(station.data_dir, SLIP_OUTPUT, "folder")  # this test prints nothing
    set_option(station.data_dir, SLIP_FOLDER, str(slips))
    app = start_app(station)
    sign_in(app)
    opened = app.look().window("main_window")
    assert opened is not None
    assert_fits_above_taskbar(app, opened)  # as the program opens it
    assert_fits_above_taskbar(app, maximise(app))

    open_area(app, "积分超市")
    tab = app.wait_for(lambda s: s.tab("兑换台"), "the counter's tab")
    app.click(tab)
    buttons = app.wait_for(lambda s: s.widgets("goods_"), "the goods buttons")
    assert len(buttons) >= 2
    # The scanner must work at once: the focus is in the scan field.
    app.wait_for(lambda s: s.focus == "counter_scan", "the focus in the counter's scan field", 5)

    app.desktop.scan(station.household_card)
    app.wait_for(
        lambda s: station.household_number in s.text("counter_household"),
        f"household {station.household_number} at the counter after the card scan",
    )
    assert str(station.balance) in app.look().text("counter_balance")

    # Two goods the household can afford, clicked where they are drawn.
    screen = app.look()
    grid = screen.widgets("goods_")
    overlapping = no_overlap(grid)
    assert not overlapping, f"goods buttons drawn on top of each other: {overlapping[:3]}"
    shown = {w["name"]: w for w in grid if w["enabled"] and w["h"] >= 30}
    chosen = [g for g in station.goods if f"goods_{g.id}" in shown][:2]
    assert len(chosen) == 2 and sum(g.price for g in chosen) <= station.balance
    for good in chosen:
        app.click(shown[f"goods_{good.id}"])
        app.wait_for(lambda s, g=good: s.item("cart", g.name), f"{good.name} in the cart")
    screen = app.look()
    cart = screen.items("cart")
    assert len(cart) == 2, [row["text"] for row in cart]
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
        redemptions = supermarket.household_redemptions(db, station.household_id, 50)
        new = [r for r in redemptions if r.total_points == total and not r.voided]
        assert len(new) >= 1
        latest = redemptions[0]
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
        app.click(yes)
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
