"""The points settings box reads and writes the database's station policy, so a
restore brings back the pass line and minimum balance that were backed up."""

from __future__ import annotations

from gui_points_fixtures import page_context

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
