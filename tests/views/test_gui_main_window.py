"""The main window: keyboard navigation, placeholders, status bar, page registry."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app import __version__
from app.services import audit
from app.services.station import get_station
from app.settings import WINDOW_GEOMETRY
from app.views.home import HomePage
from app.views.main_window import PlaceholderPage
from app.views.pages import page_spec, register_page
from app.views.settings_page import SettingsPage

AREAS = [
    "home",
    "households",
    "supermarket",
    "volunteers",
    "activities",
    "orders",
    "reports",
    "sync",
    "settings",
]


def test_down_arrow_walks_through_every_area(qtbot, signed_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    assert [s.key for s in window.specs] == AREAS
    assert window.current_key() == "home"
    assert isinstance(window.page("home"), HomePage)
    for key in AREAS[1:]:
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        assert window.current_key() == key
        page = window.page(key)
        assert page is not None and window.stack.currentWidget().isAncestorOf(page)
        if key == "settings":
            assert isinstance(page, SettingsPage)
        elif page_spec(key).factory is not None:  # a built area shows its own page
            assert not isinstance(page, PlaceholderPage) and page.isVisible()
        else:
            assert isinstance(page, PlaceholderPage)
            assert page.text.text() == "This part is not built yet; it comes in a later version."
            assert page.isVisible()
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_key() == "sync"
    wait_tasks()


def test_ctrl_number_jumps_to_an_area(qtbot, signed_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in enumerate(AREAS, start=1):
        qtbot.keyClick(
            window.nav, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_key() == key
    wait_tasks()


def test_status_bar_and_home_page_show_the_station(qtbot, signed_in, station_db) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    db, _admin = station_db
    qtbot.waitUntil(lambda: window.station_label.text() == "东风村新时代文明实践站")
    assert window.operator_label.text() == "Operator: 王站长 (Station head / administrator)"
    # The day's automatic backup was made when the window opened.
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("Last backup: 20"))
    assert window.sync_label.text() == "Last sync: never"
    home = window.page("home")
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.overview is not None)
    assert home.station_name.text() == "东风村新时代文明实践站"
    assert home.code.text() == "330481101001"
    assert home.place.text() == "海宁市 · 城关镇 · 东风村"
    assert home.fingerprint.text() == get_station(db).signing_key_fingerprint
    assert home.operators.text() == "1"
    assert home.audit_entries.text() == str(audit.count(db))


def test_a_later_issue_plugs_its_page_in_without_editing_the_window(
    qtbot, station_db, make_workbench, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    made: list[QWidget] = []

    def households(ctx):  # type: ignore[no-untyped-def]
        page = QLabel(f"households of {ctx.actor.display_name}")
        made.append(page)
        return page

    register_page(replace(page_spec("households"), factory=households))
    db, admin = station_db
    bench = make_workbench(db)
    bench.enter(admin)
    window = bench.window
    assert made == []  # built when first opened, not at start-up
    window.show_page("households")
    assert made and made[0].text() == "households of 王站长"
    wait_tasks()


def test_about_names_version_and_font_licence(signed_in) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    text = window.about_text()
    assert __version__ in text and "WenQuanYi" in text and "Apache" in text


def test_geometry_is_remembered(qtbot, signed_in, settings, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    window.resize(1000, 700)
    window.sign_out_action.trigger()
    assert not settings.get(WINDOW_GEOMETRY).isEmpty()
    wait_tasks()


def test_closing_the_window_quits(qtbot, signed_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    bench, window = signed_in
    with qtbot.waitSignal(bench.quit_requested):
        window.quit_action.trigger()
    wait_tasks()
