"""Steps through the program's screens that several end-to-end tests take."""

from __future__ import annotations

from typing import Any

from e2e_desktop import SCREEN, TASKBAR, RunningApp, Screen, wait_until
from e2e_station import DEMO_PASSWORD


def sign_in(app: RunningApp, user: str = "admin") -> None:
    """Type the user name and password into the sign-in dialog, as a person does."""
    app.wait_for(lambda s: s.window("login_dialog"), "the sign-in dialog", 30)
    # once the window manager has placed and focused it, its fields stay where they are
    app.activate("login_dialog")
    app.click(app.wait_for(lambda s: s.widget("username", "login_dialog"), "the user name field"))
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
        lambda: (
            "_NET_WM_STATE_MAXIMIZED_VERT"
            in app.desktop.run(["xprop", "-id", active, "_NET_WM_STATE"]).stdout
        ),
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


def overlaps(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
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


def open_counter(app: RunningApp) -> None:
    """积分超市 → 兑换台, and wait until the counter takes scans."""
    open_area(app, "积分超市")
    app.click(app.wait_for(lambda s: s.tab("兑换台"), "the counter's tab"))
    app.wait_for(lambda s: s.widgets("goods_"), "the goods buttons")
    # The scanner must work at once: the focus is in the scan field.
    app.wait_for(lambda s: s.focus == "counter_scan", "the focus in the counter's scan field", 5)


def scan_household(app: RunningApp, card: str, number: str) -> None:
    app.desktop.scan(card)
    app.wait_for(
        lambda s: number in s.text("counter_household"),
        f"household {number} at the counter after the card scan",
    )


def fully_shown(widget: dict[str, Any]) -> bool:
    """Drawn whole: not scrolled partly away, not partly covered by a sibling."""
    shown = widget["shown"]
    return shown is not None and all(shown[k] == widget[k] for k in ("x", "y", "w", "h"))
