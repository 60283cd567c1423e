"""Township mode (issue 14): the window's areas, 站点 and 导入, driven by clicks.

The window is 1366×768 and every button is clicked at its centre on screen
(the widget Qt finds under that point gets the click), as a person would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from township_fixtures import (
    World,
    close_benches,
    make_township,
    open_township,
    rewrite,
    town_template,
    world,
)

from app.services.township import stations as township_stations
from app.sync.enrol import read_enrolment, write_enrolment
from app.sync.export import export_sync, set_acknowledged, sync_status
from app.sync.importer import import_file, station_states
from app.views import files, screen
from app.views.main_window import MainWindow
from app.views.pages import visible_pages
from app.views.session import Workbench
from app.views.tasks import default_runner
from app.views.township.imports_page import ImportsPage
from app.views.township.stations_page import StationsModel, StationsPage

__all__ = ["town_template", "world"]  # fixtures

TOWNSHIP_AREAS = ["home", "reports", "stations", "imports", "summary", "publish", "settings"]


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def benches(qtbot) -> Iterator[list[Workbench]]:  # type: ignore[no-untyped-def]
    made: list[Workbench] = []
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    yield made
    close_benches(qtbot, made)
    screen.emulate_screen(None)


@pytest.fixture
def window(qtbot, world: World, benches) -> MainWindow:  # type: ignore[no-untyped-def]
    win = open_township(qtbot, world, benches)
    win.resize(1366, 728)
    settle(qtbot)
    return win


def click_on_screen(qtbot, window: QWidget, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    """Click where *button* is drawn: the widget under that point of the window gets it."""
    point = button.mapTo(window, button.rect().center())
    target = window.childAt(point)
    assert target is not None
    hit: QWidget | None = target
    while hit is not None and not isinstance(hit, QPushButton):
        hit = hit.parentWidget()
    assert hit is button, (button.text(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def test_a_township_shows_its_own_areas_and_not_the_stations(window: MainWindow) -> None:
    assert [s.key for s in window.specs] == TOWNSHIP_AREAS
    assert window.ctx.mode == "township"
    assert window.nav.count() == len(TOWNSHIP_AREAS)


def test_the_areas_of_each_mode(world: World) -> None:
    from app.services import auth

    admin = auth.login(world.town.db, "admin", "admin123")
    station_keys = [s.key for s in visible_pages(admin, "station")]
    township_keys = [s.key for s in visible_pages(admin, "township")]
    assert township_keys == TOWNSHIP_AREAS
    assert "households" in station_keys and "stations" not in station_keys
    assert "home" in station_keys and "settings" in station_keys


def test_a_folder_of_files_is_imported_with_a_verdict_per_file(
    qtbot, window: MainWindow, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    made = {s.station_id: export_sync(s.db, s.data_dir, stick) for s in (world.a, world.b)}
    (stick / "broken.wbsync").write_bytes(b"not a zip")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(stick))
    )
    page = window.show_page("imports")
    assert isinstance(page, ImportsPage)
    settle(qtbot)
    click_on_screen(qtbot, window, page.buttons["folder"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=30_000)
    settle(qtbot)
    by_file = {v.file: v for v in page.model.rows}
    assert by_file["broken.wbsync"].status == "refused"
    for summary in made.values():
        verdict = by_file[summary.path.name]
        assert verdict.status == "imported" and verdict.applied > 0
        assert page.model.cell(verdict, page.model.RESULT).startswith("Imported: ")
    assert "2 of 3 files imported; 1 refused" in page.message.text()
    assert page.buttons["folder"].isEnabled()

    # the same stick again: nothing changes, each file says when it was imported
    click_on_screen(qtbot, window, page.buttons["folder"])
    qtbot.waitUntil(
        lambda: (
            page.buttons["folder"].isEnabled()
            and all(v.status != "imported" for v in page.model.rows)
        ),
        timeout=30_000,
    )
    statuses = sorted(v.status for v in page.model.rows)
    assert statuses == ["already", "already", "refused"]
    already = next(v for v in page.model.rows if v.status == "already")
    assert "already imported on" in page.model.cell(already, page.model.RESULT)


def test_chosen_files_are_imported(
    qtbot, window: MainWindow, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "one").path
    monkeypatch.setattr(files, "open_file_names", lambda *_a: [str(path)])
    page = window.show_page("imports")
    assert isinstance(page, ImportsPage)
    settle(qtbot)
    click_on_screen(qtbot, window, page.buttons["files"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=30_000)
    assert page.model.rows[0].status == "imported"
    assert [s.acked_seq > 0 for s in station_states(world.town.db) if s.code == "330481101001"]


def row_of(page: StationsPage, code: str) -> int:
    for i, state in enumerate(page.model.rows):
        if state.code == code:
            return i
    raise KeyError(code)


def test_the_stations_list_shows_gaps_staleness_and_quarantine(
    qtbot, window: MainWindow, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # station a's file starts after sequence 5 (as if the first five had been acknowledged):
    # the township sees the gap 1–5; station b never sent anything
    status = sync_status(world.a.db)
    set_acknowledged(world.a.db, status.incarnation, 5)
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    import_file(world.town.db, path)
    reused = rewrite(
        path,
        world.a,
        tmp_path / "reused.wbsync",
        payload_sql=("UPDATE household SET address = '别处' WHERE rowid = 1",),
    )
    held = import_file(world.town.db, reused).quarantined
    assert held > 0

    page = window.show_page("stations")
    assert isinstance(page, StationsPage)
    click_on_screen(qtbot, window, page.buttons["refresh"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
    model = page.model
    a, b = row_of(page, "330481101001"), row_of(page, "330481101002")

    def text(row: int, column: int) -> str:
        return str(model.index(row, column).data())

    def colour(row: int, column: int):  # type: ignore[no-untyped-def]
        return model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)

    assert text(a, StationsModel.GAPS) == "Missing sequence 1–5."
    assert colour(a, StationsModel.GAPS) is not None
    assert text(a, StationsModel.ACKED) == "0"
    assert text(a, StationsModel.DAYS) == "0" and colour(a, StationsModel.DAYS) is None
    assert text(a, StationsModel.QUARANTINED) == str(held)
    assert text(a, StationsModel.INCARNATIONS) == "1"
    assert text(b, StationsModel.DAYS) == "never" and colour(b, StationsModel.DAYS) is not None
    assert text(b, StationsModel.GAPS) == "none"
    assert "after 14 days" in page.hint.text()

    # the quarantined row is listed in a dialog
    page.view.selectRow(a)
    click_on_screen(qtbot, window, page.buttons["quarantine"])
    qtbot.waitUntil(lambda: page.quarantine_dialog is not None, timeout=5_000)
    dialog = page.quarantine_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == held, timeout=15_000)
    assert "household" in {row.table for row in dialog.model.rows}
    shown = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert "Household" in shown
    reasons = {dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())}
    assert "The same version of this record holds something else" in reasons
    dialog.reject()


def test_days_since_sync_turn_red_past_the_township_setting(
    qtbot, window: MainWindow, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import_file(world.town.db, export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path)
    page = window.show_page("stations")
    assert isinstance(page, StationsPage)
    settle(qtbot)
    a = row_of(page, "330481101001")
    assert page.model.index(a, StationsModel.DAYS).data(Qt.ItemDataRole.ForegroundRole) is None
    # 20 days later, past the default of 14
    page.model.now += timedelta(days=20)
    assert page.model.index(a, StationsModel.DAYS).data() == "20"
    assert page.model.index(a, StationsModel.DAYS).data(Qt.ItemDataRole.ForegroundRole) is not None
    # a township that allows 30 days: not red
    township_stations.set_stale_days(world.town.db, 30)
    click_on_screen(qtbot, window, page.buttons["refresh"])
    qtbot.waitUntil(lambda: page.model.stale_days == 30, timeout=15_000)
    assert "after 30 days" in page.hint.text()


def test_a_station_is_enrolled_after_its_fingerprint_is_confirmed(
    qtbot, benches, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fresh = make_township(tmp_path / "fresh")
    world.town.db.dispose()
    world.town = fresh
    enrolment = write_enrolment(world.a.db, world.a.data_dir, tmp_path / "enrol")
    expected = read_enrolment(enrolment)
    monkeypatch.setattr(files, "open_file_name", lambda *_a: str(enrolment))
    window = open_township(qtbot, world, benches)
    window.resize(1366, 728)
    page = window.show_page("stations")
    assert isinstance(page, StationsPage)
    settle(qtbot)
    assert page.model.rowCount() == 0

    # Cancel at the fingerprint: nothing is enrolled
    click_on_screen(qtbot, window, page.buttons["enrol"])
    qtbot.waitUntil(lambda: page.enrol_dialog is not None and page.enrol_dialog.isVisible())
    dialog = page.enrol_dialog
    assert dialog is not None
    assert dialog.fingerprint.text() == expected.fingerprint
    assert dialog.fingerprint.font().pointSizeF() > page.font().pointSizeF() * 1.5
    click_on_screen(qtbot, dialog, dialog.cancel_button)
    settle(qtbot)
    assert station_states(fresh.db) == []

    # They match: enrol
    page.enrol_dialog = None
    click_on_screen(qtbot, window, page.buttons["enrol"])
    qtbot.waitUntil(lambda: page.enrol_dialog is not None and page.enrol_dialog.isVisible())
    dialog = page.enrol_dialog
    assert dialog is not None
    click_on_screen(qtbot, dialog, dialog.enrol_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)
    assert [s.code for s in station_states(fresh.db)] == [expected.code]
    assert expected.code in page.message.text()


def test_the_summary_shows_each_station_and_the_total_and_exports_it(
    qtbot, window: MainWindow, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from app.services.township.summary import month_summary, township_months
    from app.sync.importer import import_files
    from app.views.township.summary_page import SummaryPage

    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
    page = window.show_page("summary")
    assert isinstance(page, SummaryPage)
    click_on_screen(qtbot, window, page.buttons["refresh"])
    months = township_months(world.town.db)
    qtbot.waitUntil(lambda: page.month.count() == len(months), timeout=15_000)
    qtbot.waitUntil(lambda: page.figures.rowCount() == 3, timeout=15_000)
    expected = month_summary(world.town.db, page.month.currentText())
    total_row = page.figures.rowCount() - 1
    assert page.figures.index(total_row, 0).data() == "Township total"
    assert page.figures.index(total_row, 1).data() == str(expected.totals.sessions)
    assert page.figures.index(total_row, 2).data() == str(expected.totals.attendances)
    assert page.categories.rowCount() == len(expected.categories)

    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(files, "save_file_name", lambda *_a: str(target))
    click_on_screen(qtbot, window, page.buttons["export"])
    qtbot.waitUntil(lambda: "saved as" in page.message.text(), timeout=15_000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 2 + 1
    assert rows[-1][1] == "合计" and rows[-1][2] == expected.totals.sessions
    # the monthly report PDF, signed by the operator as 填表人
    pdf = tmp_path / "report.pdf"
    monkeypatch.setattr(files, "save_file_name", lambda *_a: str(pdf))
    click_on_screen(qtbot, window, page.buttons["report"])
    qtbot.waitUntil(lambda: "report was saved" in page.message.text(), timeout=15_000)
    assert pdf.read_bytes().startswith(b"%PDF")
