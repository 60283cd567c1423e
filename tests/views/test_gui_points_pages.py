"""The households and supermarket pages plug into the main window without editing it, and stay lazy."""

from __future__ import annotations

import subprocess
import sys

import hid
import pytest
from gui_points_fixtures import build_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.views.points.households_page import HouseholdsPage
from app.views.supermarket.page import SupermarketPage


def test_importing_the_registration_loads_no_heavy_module() -> None:
    code = (
        "import sys, app.views.pages;"
        "heavy = [m for m in ('PySide6.QtPdf', 'PySide6.QtPdfWidgets', 'reportlab', 'openpyxl',"
        " 'app.views.supermarket.counter', 'app.views.points.households_page') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_the_pages_open_in_the_main_window(qtbot, station_db, make_workbench, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    bench = make_workbench(db)
    bench.enter(admin)
    window = bench.window
    assert window is not None
    qtbot.waitExposed(window)
    households = window.show_page("households")
    assert isinstance(households, HouseholdsPage)
    wait_tasks()
    assert households.households.count_label.text() == "0 households"
    shop = window.show_page("supermarket")
    assert isinstance(shop, SupermarketPage)
    wait_tasks()
    assert shop.counter.facts is not None and shop.counter.facts.name == "东风村新时代文明实践站"
    assert shop.counter.scan.hasFocus() or shop.counter.scan.keeps_focus()
    wait_tasks()


def test_a_counter_operator_sees_only_the_counter(
    qtbot, station_db, operators, make_workbench, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    bench = make_workbench(db)
    bench.enter(operators["zhao"])
    window = bench.window
    assert window is not None
    assert [s.key for s in window.specs][:2] == ["home", "supermarket"]
    shop = window.show_page("supermarket")
    assert isinstance(shop, SupermarketPage)
    wait_tasks()
    assert shop.tabs.count() == 1 and shop.goods_tab is None
    assert not shop.counter.void_button.isVisible()
    wait_tasks()


# --- the keyboard goes to the counter's scan field ---------------------------------------------


@pytest.fixture
def shop_window(qtbot, station_db, data_dir, make_workbench, wait_tasks):  # type: ignore[no-untyped-def]
    """The main window on a station with households, cards and goods, on the home page."""
    db, admin = station_db
    shop = build_shop(db, data_dir, admin)
    bench = make_workbench(db)
    bench.enter(admin)
    window = bench.window
    assert window is not None
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_tasks()
    assert window.current_key() == "home" and window.nav.hasFocus()
    window.bench = bench  # type: ignore[attr-defined]  # the lock test needs it
    return window, shop


def scan_lands_in_the_counter(qtbot, window, shop, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    """A card scanned now — to whatever has the focus — opens its household."""
    page = window.page("supermarket")
    assert isinstance(page, SupermarketPage)
    wait_tasks()  # the counter has read its station facts and goods
    hid.scan(shop.rich_card)  # the counter is on the real clock: sent back to back
    qtbot.waitUntil(lambda: page.counter.household is not None)
    assert page.counter.household is not None and page.counter.household.number == "001"
    assert page.counter.scan.text() == "" and page.counter.scan.hasFocus()


def test_ctrl_3_puts_the_keyboard_in_the_counters_scan_field(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    window, shop = shop_window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "supermarket"
    page = window.page("supermarket")
    assert isinstance(page, SupermarketPage)
    qtbot.waitUntil(page.counter.scan.hasFocus)
    scan_lands_in_the_counter(qtbot, window, shop, wait_tasks)
    # Ctrl+number still works from the scan field
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "home" and window.nav.hasFocus()


def test_a_click_in_the_navigation_puts_the_keyboard_in_the_scan_field(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    window, shop = shop_window
    row = [s.key for s in window.specs].index("supermarket")
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "supermarket"
    page = window.page("supermarket")
    assert isinstance(page, SupermarketPage)
    qtbot.waitUntil(page.counter.scan.hasFocus)
    scan_lands_in_the_counter(qtbot, window, shop, wait_tasks)


def test_the_arrows_still_walk_the_list_and_a_scan_still_lands(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    window, shop = shop_window
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_key() == "supermarket" and window.nav.hasFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # the arrows go on working
    assert window.current_key() == "volunteers"
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_key() == "supermarket" and window.nav.hasFocus()
    # a scan arriving while the list has the focus is passed to the counter
    scan_lands_in_the_counter(qtbot, window, shop, wait_tasks)
    assert window.current_key() == "supermarket"
    # Tab from the list goes to the scan field, not to the 兑换台 tab
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_Tab)
    page = window.page("supermarket")
    assert isinstance(page, SupermarketPage)
    assert page.counter.scan.hasFocus()


def test_back_on_the_counter_tab_the_scan_field_has_the_keyboard(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    window, shop = shop_window
    page = window.show_page("supermarket")
    assert isinstance(page, SupermarketPage)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.tabs.currentWidget() is page.goods_tab
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert page.tabs.currentWidget() is page.counter
    qtbot.waitUntil(page.counter.scan.hasFocus)
    scan_lands_in_the_counter(qtbot, window, shop, wait_tasks)


def test_opening_a_page_never_takes_the_activation_from_the_window(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    """A widget shown before it has a parent is a window of its own for a moment; the
    main window then loses the activation and a scan goes nowhere."""
    window, _shop = shop_window
    seen: list[object] = []
    QApplication.instance().focusWindowChanged.connect(seen.append)  # type: ignore[union-attr]
    for spec in window.specs:
        window.show_page(spec.key)
        wait_tasks()
        assert window.isActiveWindow(), spec.key
    assert all(w is window.windowHandle() for w in seen)


def test_after_the_lock_screen_the_scan_field_has_the_keyboard_again(
    qtbot, shop_window, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    window, shop = shop_window
    bench = window.bench
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.page("supermarket")
    assert isinstance(page, SupermarketPage)
    qtbot.waitUntil(page.counter.scan.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert bench.locked
    screen = bench.lock_screen
    qtbot.waitUntil(screen.password.hasFocus)
    qtbot.keyClicks(screen.password, "admin123")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not bench.locked)
    qtbot.waitUntil(page.counter.scan.hasFocus)
    scan_lands_in_the_counter(qtbot, window, shop, wait_tasks)
