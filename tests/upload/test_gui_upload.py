"""The background upload in the window: the GUI never waits on the hub.

The window is the real one on a copy of the township demo's station, signed in
as its administrator; the hub is the real one (``main.py hub``) on loopback.  Driven with
mouse clicks at on-screen positions and key events as a keyboard sends them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton, QTabWidget
from upload_helpers import Demo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from hid import send, strokes

from app.demo.station import DEMO_PASSWORD
from app.services import auth
from app.settings import Settings
from app.sync import upload
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.tasks import default_runner
from app.views.widgets import format_short
from tests.hub.hub_server import HubServer


@pytest.fixture
def open_window(qtbot, demo: Demo):  # type: ignore[no-untyped-def]
    """``open_window()``: the station's main window, the administrator signed in."""
    benches: list[Workbench] = []

    def open_() -> MainWindow:
        bench = Workbench(demo.db, demo.station, Settings(demo.station.settings_file))
        benches.append(bench)
        bench.enter(auth.login(demo.db, "admin", DEMO_PASSWORD))
        assert bench.window is not None
        qtbot.waitExposed(bench.window)
        return bench.window

    yield open_
    qtbot.waitUntil(default_runner().is_idle, timeout=30_000)
    for bench in benches:
        bench.idle.uninstall()
        if bench.window is not None:
            bench.window.close_for_sign_out()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qtbot.waitUntil(default_runner().is_idle, timeout=30_000)
    default_runner().wait_for_threads()


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """A left click in the middle of *widget*, where it is on the screen."""
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def open_area(qtbot, window: MainWindow, key: str):  # type: ignore[no-untyped-def]
    nav: QListWidget = window.nav
    row = next(i for i in range(nav.count()) if nav.item(i).data(Qt.ItemDataRole.UserRole) == key)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_key() == key)
    return window.page(key)


def set_hub(demo: Demo, url: str) -> None:
    admin = auth.login(demo.db, "admin", DEMO_PASSWORD)
    upload.set_hub_url(demo.db, admin, url)


def test_the_window_answers_clicks_while_the_hub_stalls(
    qtbot, demo: Demo, hub: HubServer, open_window
) -> None:  # type: ignore[no-untyped-def]
    set_hub(demo, hub.url)
    hub.pause()  # every request waits until the test lets the hub go on
    window = open_window()
    page = open_area(qtbot, window, "sync")
    uploader = window.uploader
    assert uploader is not None
    click(qtbot, page.findChild(QPushButton, "upload_now"))
    # exported, and now waiting on the stalled hub
    qtbot.waitUntil(
        lambda: uploader.running and any(upload.outbox(demo.station).glob("*.wbsync")),
        timeout=20_000,
    )

    # meanwhile the window takes a click: another area opens, and back
    home = open_area(qtbot, window, "home")
    assert home is not None and home.isVisible()
    page = open_area(qtbot, window, "sync")
    assert uploader.running  # the upload still waits at the hub

    with qtbot.waitSignal(uploader.attempt_finished, timeout=30_000) as finished:
        hub.resume()
    attempt = finished.args[0]
    assert attempt.ok, attempt.message
    table = page.findChild(object, "upload_attempts")
    qtbot.waitUntil(lambda: table.rowCount() >= 1 and table.item(0, 1) is not None)
    qtbot.waitUntil(lambda: table.item(0, 1).text() == attempt.message)


def test_the_status_bar_after_the_start_up_upload(
    qtbot, demo: Demo, hub_url: str, open_window
) -> None:  # type: ignore[no-untyped-def]
    set_hub(demo, hub_url)
    window = open_window()
    label = window.findChild(QLabel, "status_upload")
    uploader = window.uploader
    assert uploader is not None
    # no click: the scheduler uploads by itself a few seconds after start-up
    with qtbot.waitSignal(uploader.attempt_finished, timeout=40_000) as finished:
        pass
    assert finished.args[0].ok, finished.args[0].message
    state = upload.upload_state(demo.db)
    assert state.pending == 1 and state.last_ack_at is not None
    expected = f"1 change waiting to upload · last acknowledged {format_short(state.last_ack_at)}"
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == expected, timeout=10_000)
    assert not window.findChild(QLabel, "status_sync").isVisible()  # the upload line stands for it


def test_the_status_bar_shows_nothing_of_the_upload_without_a_hub(
    qtbot, demo: Demo, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    qtbot.waitUntil(default_runner().is_idle, timeout=20_000)
    assert not window.findChild(QLabel, "status_upload").isVisible()
    assert window.findChild(QLabel, "status_sync").isVisible()


def test_the_settings_field_refuses_an_ftp_address(
    qtbot, demo: Demo, hub_url: str, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    settings = open_area(qtbot, window, "settings")
    tabs: QTabWidget = settings.findChild(QTabWidget, "settings_tabs")
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Sync")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: tabs.currentIndex() == index)
    field = tabs.currentWidget().findChild(object, "hub_url")
    message = tabs.currentWidget().findChild(QLabel, "hub_message")
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(10, field.height() // 2))
    send(strokes("ftp://x", suffix="enter"), target=field)
    qtbot.waitUntil(lambda: "must start with http:// or https://" in message.text())
    assert message.isVisible()
    assert upload.hub_url(demo.db) == ""  # nothing was stored

    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    send(strokes(hub_url, suffix=None), target=field)
    click(qtbot, tabs.currentWidget().findChild(QPushButton, "save_hub_url"))
    qtbot.waitUntil(lambda: upload.hub_url(demo.db) == hub_url, timeout=10_000)
    qtbot.waitUntil(lambda: hub_url in message.text())

    click(qtbot, tabs.currentWidget().findChild(QPushButton, "test_hub"))
    qtbot.waitUntil(lambda: message.text().startswith("Connected:"), timeout=15_000)
