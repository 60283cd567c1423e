"""The volunteer rules editor (设置 → 站点 → 志愿服务规则): an administrator changes and
saves, the values are there when it is opened again; a worker cannot open or save it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import PermissionDenied
from app.services import policy
from app.views.pages import AppEvents, PageContext
from app.views.settings_page import SettingsPage
from app.views.volunteers.policy import VolunteerPolicyDialog


def test_an_administrator_changes_the_rules_and_they_are_kept(
    qtbot, signed_in, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    _bench, window = signed_in
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage) and page.station_tab is not None
    tab = page.station_tab
    button = tab.rules_button
    assert button.isVisibleTo(tab) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.rules_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.max_signins.value() == 0 and dialog.max_signins.text() == "no limit"
    assert dialog.stars.hours() == (100, 300, 600, 1000, 1500)
    dialog.max_signins.setValue(2)
    dialog.review_hours.setValue(8)
    assert (dialog.dispatch_days.value(), dialog.complete_days.value()) == (2, 7)
    dialog.dispatch_days.setValue(1)
    dialog.complete_days.setValue(0)  # no check
    dialog.rounding_minutes.setCurrentIndex(dialog.rounding_minutes.findData(15))
    dialog.stars.spin(0).setValue(50)
    dialog.stars.remove_button.click()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_tasks()
    saved = policy.get_volunteer_policy(db)
    assert (saved.max_signins_per_day, saved.review_above_hours_per_day) == (2, 8)
    assert (saved.order_dispatch_days, saved.order_complete_days) == (1, 0)
    assert saved.rounding_minutes == 15 and saved.star_thresholds_hours == (50, 300, 600, 1000)
    assert tab.message.kind == "ok"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    again = tab.rules_dialog
    assert again is not None and again is not dialog
    assert again.max_signins.value() == 2 and again.review_hours.value() == 8
    assert again.rounding_minutes.currentData() == 15
    assert again.stars.hours() == (50, 300, 600, 1000)
    again.reject()


def test_a_refused_value_keeps_the_dialog_open_with_the_reason(
    qtbot, station_db, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    dialog = VolunteerPolicyDialog(PageContext(db, data_dir, settings, admin, AppEvents()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.stars.spin(1).setValue(50)  # below level 1 (100 h)
    dialog.submit()
    wait_tasks()
    assert dialog.isVisible() and dialog.message.kind == "error"
    assert "rising" in dialog.message.text()
    assert policy.get_volunteer_policy(db).star_thresholds_hours[1] == 300


def test_a_worker_cannot_open_or_save_the_rules(
    qtbot, operators, make_workbench, station_db, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    worker = operators["li"]
    bench = make_workbench(db)
    bench.enter(worker)
    page = bench.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.station_tab is None  # the tab with the button is an administrator's
    # built for a worker anyway: nothing can be changed, and the service refuses
    dialog = VolunteerPolicyDialog(PageContext(db, data_dir, settings, worker, AppEvents()))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button().isEnabled() and not dialog.max_signins.isEnabled()
    with pytest.raises(PermissionDenied):
        policy.set_volunteer_policy(db, worker, dialog.edited())
    wait_tasks()
