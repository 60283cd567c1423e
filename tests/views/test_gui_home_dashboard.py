"""The station's 首页 dashboard as a user meets it: tiles and charts on a 1366×768 screen,
each opening its list when clicked where it is drawn, and nothing cut off at
1366×768 or 1024×768 (Chinese and English)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_gui_layout import SCREENS, demo_station, look, open_main_window, settle  # noqa: F401

from app.views import screen
from app.views.home import HomePage

SHOTS = os.environ.get("WB_SCREENSHOTS")  # a folder: the test saves what it showed there


@pytest.fixture
def wide(qapp):  # type: ignore[no-untyped-def]
    """The app's look on a 1366×768 screen with a taskbar, in Chinese."""
    from app.translations import install_translators
    from app.views.application import create_application

    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    create_application([])
    install_translators(qapp, "zh_CN")
    screen.emulate_screen(*SCREENS["1366x768"])
    yield SCREENS["1366x768"][1]
    screen.emulate_screen(None)
    install_translators(qapp, "en")
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setFont(font)


def home_of(qtbot, window) -> HomePage:  # type: ignore[no-untyped-def]
    home = window.show_page("home")
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.dashboard is not None, timeout=15_000)
    settle(qtbot)
    return home


def click_where_drawn(qtbot, window, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click the window at the centre of *widget* as the screen shows it: the widget
    under that point must be *widget* or inside it (nothing covers it)."""
    widget.ensurePolished()
    scroll = widget.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(widget)  # type: ignore[attr-defined]
        settle(qtbot)
    at = widget.mapTo(window, widget.rect().center())
    target = window.childAt(at)
    assert target is not None and (target is widget or widget.isAncestorOf(target)), target
    local = target.mapFrom(window, at)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
    settle(qtbot)


def test_tiles_and_charts_open_their_lists(qtbot, wide, demo_station, make_workbench) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window = open_main_window(qtbot, make_workbench, demo_station)
    home = home_of(qtbot, window)
    d = home.dashboard
    assert d is not None
    assert home.tiles["activities"].value.text() == f"{d.activities} / {d.target_activities}"
    assert home.tiles["orders"].value.text() == str(d.orders.open) and d.orders.open > 0
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "home-1366.png"))

    click_where_drawn(qtbot, window, home.tiles["hours"])
    assert window.current_key() == "volunteers"
    volunteers = window.page("volunteers")
    assert volunteers.tabs.currentWidget() is volunteers.hours
    assert volunteers.hours.status.currentData() == "pending"

    home = home_of(qtbot, window)
    click_where_drawn(qtbot, window, home.tiles["low_stock"])
    assert window.current_key() == "supermarket"
    market = window.page("supermarket")
    assert market.tabs.currentWidget() is market.goods_tab

    home = home_of(qtbot, window)
    click_where_drawn(qtbot, window, home.tiles["points"])
    assert window.current_key() == "households"

    home = home_of(qtbot, window)
    click_where_drawn(qtbot, window, home.charts["activities"])
    assert window.current_key() == "activities"

    home = home_of(qtbot, window)
    click_where_drawn(qtbot, window, home.tiles["sync"])
    assert window.current_key() == "sync"

    home = home_of(qtbot, window)
    click_where_drawn(qtbot, window, home.tiles["orders"])
    assert window.current_key() == "orders"


def test_the_home_page_fits_the_screen(qtbot, look, demo_station, make_workbench) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    screen_rect, area, lang = look
    window = open_main_window(qtbot, make_workbench, demo_station)
    home = home_of(qtbot, window)
    assert all(not t.isHidden() for t in home.tiles.values())
    QApplication.processEvents()
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"home-{screen_rect.width()}-{lang}.png"))
    problems = layout_problems(window, area)
    assert not problems, "\n".join(problems)
    for tile in home.tiles.values():
        if not tile.isHidden():  # the value drawn whole: not narrower than it needs
            assert tile.value.width() >= tile.value.minimumSizeHint().width() - 2, tile.key
    for chart in home.charts.values():
        assert chart.height() >= 200 and chart.mapTo(window, QPoint(0, 0)).x() >= 0
