"""The issue-3 pages plug into the main window without editing it, and stay lazy."""

from __future__ import annotations

import subprocess
import sys

from app.views.feature_pages import register_feature_pages
from app.views.households_page import HouseholdsPage
from app.views.supermarket_page import SupermarketPage


def test_importing_the_registration_loads_no_heavy_module() -> None:
    code = (
        "import sys, app.views.feature_pages;"
        "heavy = [m for m in ('PySide6.QtPdf', 'PySide6.QtPdfWidgets', 'reportlab', 'openpyxl',"
        " 'app.views.counter', 'app.views.households_page') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_the_pages_open_in_the_main_window(qtbot, station_db, make_workbench, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    register_feature_pages()
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
    register_feature_pages()
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
