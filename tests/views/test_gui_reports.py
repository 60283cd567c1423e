"""报表 in the station window: 报送 clicked where it is drawn, the township's list after import.

The window is 1366×768 (and 1024×768 for the layout check); the buttons are
clicked at their on-screen positions, the confirmation's Yes too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from township_fixtures import World, close_benches, open_township, town_template, world

from app.demo.station import DEMO_PASSWORD
from app.models import ReportSnapshot
from app.services import auth
from app.services.township.summary import months_with_activities
from app.settings import Settings
from app.sync.export import export_sync
from app.sync.importer import import_files
from app.views import screen
from app.views.main_window import MainWindow
from app.views.reports.page import ReportsPage, SubmittedReportsPage
from app.views.session import Workbench
from app.views.tasks import default_runner

__all__ = ["town_template", "world"]  # fixtures


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def open_station(qtbot, world: World, made: list[Workbench]) -> MainWindow:  # type: ignore[no-untyped-def]
    a = world.a
    bench = Workbench(a.db, a.data_dir, Settings(a.data_dir.settings_file))
    made.append(bench)
    bench.start()
    qtbot.waitUntil(lambda: bench.login is not None, timeout=15_000)
    bench.enter(auth.login(a.db, "admin", DEMO_PASSWORD))
    assert bench.window is not None
    qtbot.waitExposed(bench.window)
    settle(qtbot)
    return bench.window


@pytest.fixture
def made(qtbot) -> Iterator[list[Workbench]]:  # type: ignore[no-untyped-def]
    benches: list[Workbench] = []
    try:
        yield benches
    finally:
        close_benches(qtbot, benches)
        screen.emulate_screen(None)


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible() and widget.isEnabled()
    assert widget.window().rect().contains(widget.mapTo(widget.window(), widget.rect().center()))
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def test_submitting_a_report_at_1366_makes_a_snapshot_the_township_lists(
    qtbot, world: World, made: list[Workbench], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    window = open_station(qtbot, world, made)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.period.count() > 0, timeout=15_000)
    settle(qtbot)
    period = page.period_key()
    click(qtbot, page.buttons["submit"])
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and period in box.text()
    qtbot.waitExposed(box)
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: page.submitted.rowCount() == 1, timeout=15_000)
    with world.a.db.read() as session:
        (row,) = session.query(ReportSnapshot).all()
    assert (row.period_key, row.version) == (period, 1)
    assert page.submitted.index(0, 0).data() == row.number

    stick = tmp_path / "stick"
    export_sync(world.a.db, world.a.data_dir, stick)
    assert all(v.status == "imported" for v in import_files(world.town.db, [stick]))
    town = open_township(qtbot, world, made)
    listed = town.show_page("reports")
    assert isinstance(listed, SubmittedReportsPage)
    qtbot.waitUntil(lambda: listed.model.rowCount() == 1, timeout=15_000)
    assert listed.model.index(0, 1).data() == row.number


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_reports_page_fits(qtbot, world: World, made: list[Workbench], width: int) -> None:  # type: ignore[no-untyped-def]
    area = QRect(0, 0, width, 728)
    screen.emulate_screen(QRect(0, 0, width, 768), area)
    window = open_station(qtbot, world, made)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.period.count() > 0, timeout=15_000)
    settle(qtbot)
    assert layout_problems(window, area) == []


def test_the_record_book_is_saved_with_its_progress(
    qtbot, world: World, made: list[Workbench], tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.views import files

    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    window = open_station(qtbot, world, made)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.period.count() > 0, timeout=15_000)
    month = next(
        page.period.itemText(i)
        for i in range(page.period.count())
        if page.period.itemText(i) in months_with_activities(world.a.db, [world.a.station_id])
    )
    page.period.setCurrentText(month)
    target = tmp_path / "ledger.pdf"
    monkeypatch.setattr(files, "save_file_name", lambda *_a, **_k: str(target))
    click(qtbot, page.buttons["ledger"])
    qtbot.waitUntil(lambda: page.buttons["ledger"].isEnabled(), timeout=30_000)
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    assert str(target) in page.message.text()
