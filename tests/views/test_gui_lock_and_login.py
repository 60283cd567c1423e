"""Signing in, the forced password change, the idle lock screen and roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import PermissionDenied
from app.models import Role
from app.services import auth, station
from app.services.station import StationInfo
from app.settings import LAST_USERNAME
from app.views.login import LoginDialog
from app.views.settings_page import SettingsPage
from app.views.tasks import default_runner
from tests.views.conftest import COUNTER_PASSWORD, WORKER_PASSWORD


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sign_in(qtbot, bench, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    login = bench.login
    assert login is not None and login.isVisible()
    login.username.clear()
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_login_shows_errors_inline_and_remembers_the_user(
    qtbot, station_db, make_workbench, settings
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    bench = make_workbench(db)
    bench.start()
    qtbot.waitUntil(lambda: bench.login is not None and bench.login.isVisible())
    login = bench.login
    qtbot.waitUntil(lambda: login.station.text() == "东风村新时代文明实践站")
    sign_in(qtbot, bench, "admin", "wrong-password")
    qtbot.waitUntil(lambda: login.message.kind == "error")
    assert login.message.text() == "Wrong user name or password."
    assert login.username.text() == "admin" and login.password.text() == ""
    assert bench.window is None

    auth.create_operator(db, admin, "li", "李实践", Role.WORKER, WORKER_PASSWORD)
    li = next(o for o in auth.list_operators(db, admin) if o.username == "li")
    auth.set_active(db, admin, li.id, False)
    sign_in(qtbot, bench, "li", WORKER_PASSWORD)
    qtbot.waitUntil(lambda: "disabled" in login.message.text())

    sign_in(qtbot, bench, "admin", "admin123")
    qtbot.waitUntil(lambda: bench.window is not None)
    assert settings.get(LAST_USERNAME) == "admin"
    again = LoginDialog(db, settings)
    qtbot.addWidget(again)
    assert again.username.text() == "admin"


def test_a_reset_password_must_be_changed_at_sign_in(qtbot, station_db, make_workbench) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    auth.create_operator(
        db, admin, "li", "李实践", Role.WORKER, "temp1234", must_change_password=True
    )
    bench = make_workbench(db)
    bench.show_login()
    sign_in(qtbot, bench, "li", "temp1234")
    login = bench.login
    qtbot.waitUntil(lambda: login.change_dialog is not None and login.change_dialog.isVisible())
    dialog = login.change_dialog
    assert bench.window is None  # not before the password is changed
    qtbot.keyClicks(dialog.new, "mine5678")
    qtbot.keyClicks(dialog.repeat, "mine0000")
    click(qtbot, dialog.ok_button)
    assert "not the same" in dialog.message.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "mine5678")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: bench.window is not None, timeout=10_000)
    assert bench.actor is not None and bench.actor.username == "li"
    assert not auth.must_change_password(db, bench.actor)
    auth.login(db, "li", "mine5678")


def test_idle_lock_unlocks_with_the_right_password_only(qtbot, signed_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    bench, window = signed_in
    assert bench.idle.timer.interval() == 10 * 60_000  # the default setting
    bench.idle.set_interval_ms(30)
    with qtbot.waitSignal(bench.idle.idle, timeout=5_000):
        pass
    screen = bench.lock_screen
    assert screen is not None and screen.isVisible()
    assert not window.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # cannot be dismissed
    screen.close()
    assert screen.isVisible() and bench.locked
    # once unlocked, the 30 ms idle time would lock again before the check below
    bench.idle.set_interval_ms(60_000)

    qtbot.keyClicks(screen.password, "not-it")
    click(qtbot, screen.unlock_button)
    qtbot.waitUntil(lambda: screen.message.kind == "error")
    assert screen.message.text() == "That is not the right password."
    assert bench.locked and not window.isVisible()

    qtbot.keyClicks(screen.password, "admin123")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not bench.locked)
    assert window.isVisible() and bench.window is window
    assert bench.idle.timer.isActive()  # watching again
    wait_tasks()


def test_ctrl_l_locks_and_an_administrator_can_take_over(
    qtbot, operators, make_workbench, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    bench = make_workbench(db)
    bench.enter(operators["li"])
    window = bench.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = bench.lock_screen
    assert screen is not None

    screen.admin_box.setChecked(True)
    # A supermarket counter operator cannot open a colleague's screen.
    qtbot.keyClicks(screen.admin_user, "zhao")
    qtbot.keyClicks(screen.admin_password, COUNTER_PASSWORD)
    click(qtbot, screen.admin_button)
    qtbot.waitUntil(lambda: screen.message.kind == "error")
    assert "Only an administrator" in screen.message.text()
    assert bench.locked

    screen.admin_user.clear()
    qtbot.keyClicks(screen.admin_user, "admin")
    qtbot.keyClicks(screen.admin_password, "admin123")
    click(qtbot, screen.admin_button)
    qtbot.waitUntil(lambda: not bench.locked)
    assert bench.actor is not None and bench.actor.username == "admin"
    assert bench.window is not None and bench.window is not window
    assert "王站长" in bench.window.operator_label.text()
    wait_tasks()


def test_idle_lock_zero_means_never(qtbot, signed_in, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    bench, window = signed_in
    settings_page = window.show_page("settings")
    assert isinstance(settings_page, SettingsPage)
    settings_page.show_tab(settings_page.interface_tab)
    spin = settings_page.interface_tab.idle
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    assert spin.value() == 0
    assert not bench.idle.enabled and not bench.idle.timer.isActive()
    bench.lock()  # Ctrl+L still works
    assert bench.locked
    wait_tasks()


def test_a_worker_does_not_see_operator_management(
    qtbot, operators, make_workbench, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    bench = make_workbench(db)
    bench.enter(operators["li"])
    page = bench.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.operators_tab is None and page.station_tab is None and page.audit_tab is None
    assert page.tab_titles() == ["Backup && restore", "Interface"]
    assert page.backup_tab is not None
    assert not page.backup_tab.restore_file_button.isVisibleTo(page.backup_tab)
    assert not page.interface_tab.idle.isEnabled()
    wait_tasks()


def test_a_counter_operator_sees_only_the_supermarket_and_is_refused_by_services(
    qtbot, operators, make_workbench, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    counter = operators["zhao"]
    bench = make_workbench(db)
    bench.enter(counter)
    assert [s.key for s in bench.window.specs] == ["home", "supermarket", "settings"]
    page = bench.window.show_page("settings")
    assert page.tab_titles() == ["Interface"]
    # Hiding is a courtesy; the services refuse anyway.
    with pytest.raises(PermissionDenied):
        auth.list_operators(db, counter)
    with pytest.raises(PermissionDenied):
        auth.create_operator(db, counter, "x1", "某人", Role.ADMIN, "password1")
    with pytest.raises(PermissionDenied):
        station.update_station(db, counter, StationInfo(name="改名", code="330481101001"))
    wait_tasks()


def test_the_demo_station_tells_a_newcomer_how_to_sign_in(qtbot, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    from app.demo.station import DEMO_PASSWORD, DemoSize, create_demo_station
    from app.paths import DataDir

    tiny = DemoSize(
        households=5, volunteers=3, activities=2, ledger_entries=30, redemptions=3, scan_events=10
    )
    db = create_demo_station(DataDir(tmp_path / "demo"), tiny)
    login = LoginDialog(db, settings)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(lambda: DEMO_PASSWORD in login.message.text())
    assert "admin" in login.message.text()
    # The hint arrives after the dialog is shown: the dialog grows, no field is squeezed.
    qtbot.waitUntil(lambda: login.password.height() >= login.password.sizeHint().height())
    assert login.message.geometry().top() >= login.password.geometry().bottom()
    db.dispose()


def test_a_real_station_gives_no_sign_in_hint(qtbot, station_db, settings) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    login = LoginDialog(db, settings)
    qtbot.addWidget(login)
    qtbot.waitUntil(default_runner().is_idle)  # the station and the demo check are loaded
    assert login.station.text() == "东风村新时代文明实践站"
    assert login.message.text() == ""
