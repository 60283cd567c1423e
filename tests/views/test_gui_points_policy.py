"""The points settings box reads and writes the database's station policy, so a
restore brings back the pass line and minimum balance that were backed up."""

from __future__ import annotations

from gui_points_fixtures import page_context
from PySide6.QtCore import Qt

from app.services import backup, restore
from app.services.policy import get_points_policy
from app.views.points.tabs import PeriodsTab


def test_points_settings_saved_in_the_tab_come_back_with_a_restore(
    qtbot, station_db, data_dir, settings, tmp_path, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db

    def tab() -> PeriodsTab:
        made = PeriodsTab(page_context(db, data_dir, settings, admin))
        qtbot.addWidget(made)
        made.show()
        wait_tasks()
        return made

    first = tab()
    first.pass_line.setValue(80)
    first.min_balance.setValue(5)
    first.kind.setCurrentIndex(first.kind.findData("quarter"))
    first.save_settings()
    wait_tasks()
    assert first.message.kind == "ok"
    info = backup.backup_now(db, admin, tmp_path / "usb")

    first.pass_line.setValue(10)
    first.min_balance.setValue(0)
    first.save_settings()
    wait_tasks()
    assert (get_points_policy(db).pass_line, get_points_policy(db).min_balance) == (10, 0)

    restore.restore_backup(db, data_dir, admin, info.path)
    again = tab()
    assert again.pass_line.value() == 80 and again.min_balance.value() == 5
    assert again.kind.currentData() == "quarter"


def test_the_points_bank_rules_are_set_in_the_points_settings(
    qtbot, station_db, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from app.services.policy import set_points_policy

    db, admin = station_db
    # a township's package set a cap per period; saving the form must keep what it shows
    set_points_policy(db, admin, replace(get_points_policy(db), service_cap_per_period=300))
    tab = PeriodsTab(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(tab)
    tab.show()
    wait_tasks()
    assert tab.service_rate.text() == "off" and tab.service_cap_period.value() == 300
    tab.service_rate.setValue(10)
    tab.service_rounding.setCurrentIndex(tab.service_rounding.findData("nearest"))
    tab.service_cap_activity.setValue(40)
    tab.service_kinds["manual"].setChecked(False)
    tab.service_account.setCurrentIndex(tab.service_account.findData("own"))
    qtbot.mouseClick(tab.save_settings_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert tab.message.kind == "ok"
    saved = get_points_policy(db)
    assert (
        saved.service_points_per_hour,
        saved.service_rounding,
        saved.service_cap_per_activity,
        saved.service_cap_per_period,
        saved.service_kinds,
        saved.service_account,
    ) == (10, "nearest", 40, 300, ("activity",), "own")
