"""导出到全国志愿服务信息系统 in the window: an administrator clicks the button on the
服务时长 tab at 1366×768, reads the count and the warning, saves; a worker sees no button."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QWidget

from app.services.personal import id_check_digit
from app.services.volunteers import VolunteerData, create_volunteer
from app.services.volunteers import hours as service_hours
from app.views import screen
from app.views.tasks import default_runner
from tests.views.layout_check import widget_problems


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_at(qtbot, window: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A real click at the centre of *widget* as the window shows it: Qt gives it to
    whatever is drawn there (a covered or clipped button would not get it)."""
    point = widget.mapTo(window, widget.rect().center())
    target = window.childAt(point)
    assert target is widget, (widget.objectName(), target and target.objectName())
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


ID = "33048119850301124"
ID_NUMBER = ID + id_check_digit(ID)


@pytest.fixture
def hours_ready(station_db, operators):  # type: ignore[no-untyped-def]
    db, admin = station_db
    vid = create_volunteer(
        db, operators["li"], VolunteerData(name="张三", id_number=ID_NUMBER, phone="13800001234")
    ).id
    for day in (date(2026, 11, 20), date(2026, 11, 23)):
        record = service_hours.add_manual_record(
            db, operators["li"], vid, day, 120, "清扫村道", "纸质签到表补录"
        )
        service_hours.approve(db, admin, [record.id])
    return db


def _hours_tab(qtbot, bench):  # type: ignore[no-untyped-def]
    window = bench.window
    screen.show_maximized(window)
    settle(qtbot)
    page = window.show_page("volunteers")
    page.tabs.setCurrentWidget(page.hours)
    settle(qtbot)
    return window, page.hours


def test_an_administrator_exports_from_the_hours_tab_at_1366x768(
    qtbot, hours_ready, station_db, make_workbench, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        window, tab = _hours_tab(qtbot, bench)
        button = tab.buttons["national"]
        assert button.isVisible()
        click_at(qtbot, window, button)
        dialog = tab.findChild(QWidget, "national_export_dialog")
        assert dialog is not None
        qtbot.waitExposed(dialog)
        count = dialog.findChild(QLabel, "national_count")
        qtbot.waitUntil(lambda: "2" in count.text() and "1" in count.text(), timeout=15_000)
        settle(qtbot)
        assert dialog.preview.records == 2 and dialog.preview.persons == 1
        warning = dialog.findChild(QLabel, "national_warning")
        assert warning.isVisible() and "FULL ID" in warning.text()
        problems = widget_problems(dialog)
        assert not problems, "\n".join(problems)
        frame = dialog.frameGeometry()
        assert QRect(0, 0, 1366, 728).contains(frame), frame
        target = tmp_path / "national.xlsx"
        asked: list[str] = []

        def answer(_parent, _title, suggested, _filters, *_a, **_k):  # type: ignore[no-untyped-def]
            asked.append(suggested)
            return str(target), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
        save = dialog.findChild(QPushButton, "national_save")
        assert save.isEnabled()
        with qtbot.waitSignal(dialog.accepted, timeout=15_000):
            click_at(qtbot, dialog, save)
        assert asked and asked[0].endswith(".xlsx")
        assert target.exists()
        records = load_workbook(target)["服务记录"]
        assert [records.cell(r, 3).value for r in (2, 3)] == [ID_NUMBER, ID_NUMBER]
        assert records.cell(2, 3).data_type == "s"
        message = tab.findChild(QLabel, "hours_message")
        qtbot.waitUntil(lambda: str(target) in message.text())
        # the next time, nothing is left to export by default
        click_at(qtbot, window, button)
        again = next(
            d for d in tab.findChildren(QWidget, "national_export_dialog") if d.isVisible()
        )
        qtbot.waitUntil(lambda: again.preview is not None, timeout=15_000)
        assert again.preview.records == 0
        assert not again.findChild(QPushButton, "national_save").isEnabled()
        again.reject()
    finally:
        screen.emulate_screen(None)


def test_a_worker_does_not_see_the_button(
    qtbot, hours_ready, station_db, operators, make_workbench
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    try:
        bench = make_workbench(db)
        bench.enter(operators["li"])
        _window, tab = _hours_tab(qtbot, bench)
        assert tab.buttons["manual"].isVisible()
        assert not tab.buttons["national"].isVisible()
    finally:
        screen.emulate_screen(None)
