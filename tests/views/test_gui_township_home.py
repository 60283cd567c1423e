"""The township's 首页, the 站点 page's stale-days spin box and the township's own
enrolment file (issue 14), driven at 1366×768 by clicks where the widgets are drawn
and by key events."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import hid
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)
from sqlalchemy import select
from township_fixtures import (
    World,
    close_benches,
    open_township,
    rewrite,
    town_template,
    world,
)

from app.models.sync import SyncImportLog
from app.services.township import stations as township_stations
from app.services.township.summary import month_summary
from app.sync.enrol import ROLE_TOWNSHIP, read_enrolment
from app.sync.export import export_sync
from app.sync.importer import import_file
from app.views import screen
from app.views.home import HomePage
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.tasks import default_runner
from app.views.township.home_page import TownshipHomePage
from app.views.township.publish_page import PublishPage
from app.views.township.stations_page import StationsModel, StationsPage

__all__ = ["town_template", "world"]  # fixtures

A, B = "330481101001", "330481101002"


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def window(qtbot, world: World) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    made: list[Workbench] = []
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    try:
        win = open_township(qtbot, world, made)
        win.resize(1366, 728)
        settle(qtbot)
        yield win
    finally:
        close_benches(qtbot, made)
        screen.emulate_screen(None)


def click_at(qtbot, window: QWidget, widget: QWidget, local: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """Click the window where *widget* (at *local*, else its centre) is drawn: the
    widget Qt finds under that point gets the press and release."""
    point = widget.mapTo(window, local if local is not None else widget.rect().center())
    assert window.rect().contains(point), (widget.objectName(), point)
    target = window.childAt(point)
    assert target is not None
    hit: QWidget | None = target
    while hit is not None and hit is not widget:
        hit = hit.parentWidget()
    assert hit is widget, (widget.objectName(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def arrow_centre(spin: QSpinBox, up: bool) -> QPoint:
    """Where the spin box's up (or down) arrow is drawn, in its own coordinates."""
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    sub = QStyle.SubControl.SC_SpinBoxUp if up else QStyle.SubControl.SC_SpinBoxDown
    rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, sub, spin)
    assert rect.isValid() and rect.width() > 0
    return rect.center()


def rows(n: int) -> str:
    return "row" if n == 1 else "rows"


def import_days_ago(world: World, tmp: Path, days: int) -> None:
    """Station a's file imported at the township *days* ago (b sends nothing)."""
    import_file(world.town.db, export_sync(world.a.db, world.a.data_dir, tmp).path)
    with world.town.db.write() as session:
        for log in session.scalars(select(SyncImportLog)):
            log.imported_at -= timedelta(days=days)


def test_the_township_home_shows_its_stations_imports_and_month(
    qtbot, window: MainWindow, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    first = import_file(world.town.db, path)
    reused = rewrite(
        path,
        world.a,
        tmp_path / "reused.wbsync",
        payload_sql=("UPDATE household SET address = '别处' WHERE rowid = 1",),
    )
    held = import_file(world.town.db, reused).quarantined
    assert held > 0

    window.show_page("stations")  # away and back: the home page reads again when shown
    page = window.show_page("home")
    assert isinstance(page, TownshipHomePage) and not isinstance(page, HomePage)
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.imports) == 2, timeout=15_000)
    settle(qtbot)
    assert page.township_name.text() == "城关镇新时代文明实践所"
    assert page.enrolled.text() == "2 stations"
    # a township does not sync upward: no "Last sync: never" in its status bar
    assert not window.findChild(QLabel, "status_sync").isVisible()
    assert window.findChild(QLabel, "status_backup").isVisible()
    # b never sent a file: silent, red, by name; a is not named
    b_name = next(s.name for s in page.data.states if s.code == B)
    a_name = next(s.name for s in page.data.states if s.code == A)
    assert page.silent_caption.text() == "Silent for more than 14 days:"
    assert page.silent.text() == f"1: {b_name}" and page.silent.property("alarm") is True
    assert page.quarantined.text() == f"{held} {rows(held)}, from {a_name}"
    assert page.quarantined.property("alarm") is True
    assert page.chains.property("alarm") is False

    # the last imports, newest first: file, station, verdict, time
    model = page.imports
    assert model.rowCount() == 2
    newest = model.rows[0]
    assert newest.file == "reused.wbsync"
    assert model.index(1, model.FILE).data() == path.name
    assert model.index(1, model.STATION).data() == f"{A} {a_name}"
    result = model.index(1, model.RESULT).data()
    assert result.startswith(f"Imported: {first.applied} {rows(first.applied)}, changes 1–")
    assert model.index(1, model.WHEN).data() not in ("", "never")

    # this month's township totals: the 汇总 service's own figures
    totals = month_summary(world.town.db, date.today().strftime("%Y-%m")).totals
    assert page.sessions.text() == str(totals.sessions)
    assert page.attendances.text() == str(totals.attendances)
    assert page.points_issued.text() == str(totals.points_issued)
    assert page.points_redeemed.text() == str(totals.points_redeemed)
    assert page.hours.text() == f"{totals.minutes / 60:.1f}"

    # the buttons lead into the township's areas
    for key in ("stations", "imports", "summary", "publish"):
        window.show_page("home")
        settle(qtbot)
        click_at(qtbot, window, page.buttons[key])
        assert window.current_key() == key


def test_the_stale_threshold_is_set_on_the_stations_page_and_used_by_home(
    qtbot, window: MainWindow, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import_days_ago(world, tmp_path / "1", 20)
    page = window.show_page("stations")
    assert isinstance(page, StationsPage)
    click_at(qtbot, window, page.buttons["refresh"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
    settle(qtbot)
    a = next(i for i, s in enumerate(page.model.rows) if s.code == A)
    days = page.model.index(a, StationsModel.DAYS)

    def red() -> bool:
        return days.data(Qt.ItemDataRole.ForegroundRole) is not None

    spin = page.stale_spin
    assert spin.value() == 14 and days.data() == "20" and red()

    # typed: select the number, type 21 and Enter — saved at once, the station turns black
    click_at(qtbot, window, spin.lineEdit())
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    hid.send(hid.strokes("21"), target=spin)
    qtbot.waitUntil(lambda: township_stations.stale_days(world.town.db) == 21, timeout=15_000)
    settle(qtbot)
    assert spin.value() == 21 and not red()
    assert "after 21 days" in page.hint.text() and "(1 station now)" in page.hint.text()

    # the down arrow, clicked where it is drawn: 20 days is still within the threshold
    click_at(qtbot, window, spin, arrow_centre(spin, up=False))
    qtbot.waitUntil(lambda: township_stations.stale_days(world.town.db) == 20, timeout=15_000)
    settle(qtbot)
    assert not red()
    # once more: 19 — station a is red again
    click_at(qtbot, window, spin, arrow_centre(spin, up=False))
    qtbot.waitUntil(lambda: township_stations.stale_days(world.town.db) == 19, timeout=15_000)
    settle(qtbot)
    assert spin.value() == 19 and red()
    assert "after 19 days" in page.hint.text() and "(2 stations now)" in page.hint.text()
    # and up again: 20, black
    click_at(qtbot, window, spin, arrow_centre(spin, up=True))
    qtbot.waitUntil(lambda: township_stations.stale_days(world.town.db) == 20, timeout=15_000)
    settle(qtbot)
    assert not red()

    # the home page reads the same threshold
    home = window.show_page("home")
    assert isinstance(home, TownshipHomePage)
    qtbot.waitUntil(lambda: home.data is not None and home.data.stale_days == 20, timeout=15_000)
    settle(qtbot)
    assert home.silent_caption.text() == "Silent for more than 20 days:"
    assert home.silent.text().startswith("1: ")  # b only (never synced)
    page = window.show_page("stations")
    settle(qtbot)
    click_at(qtbot, window, spin, arrow_centre(spin, up=False))
    qtbot.waitUntil(lambda: township_stations.stale_days(world.town.db) == 19, timeout=15_000)
    home = window.show_page("home")
    qtbot.waitUntil(lambda: home.data is not None and home.data.stale_days == 19, timeout=15_000)
    settle(qtbot)
    assert home.silent_caption.text() == "Silent for more than 19 days:"
    assert home.silent.text().startswith("2: ")  # a (20 days) and b


def test_the_township_writes_its_own_enrolment_file_from_a_button(
    qtbot, window: MainWindow, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(stick))
    )
    page = window.show_page("publish")
    assert isinstance(page, PublishPage)
    settle(qtbot)
    click_at(qtbot, window, page.enrol_buttons["enrolment"])
    qtbot.waitUntil(lambda: page.enrol_message.kind == "ok", timeout=15_000)
    written = list(stick.glob("*.wbenrol"))
    assert [p.name for p in written] == ["330481101000.wbenrol"]
    enrolment = read_enrolment(written[0])
    assert enrolment.role == ROLE_TOWNSHIP and enrolment.station_id == world.town.station_id
    assert page.fingerprint.text() == enrolment.fingerprint
    assert written[0].name in page.enrol_message.text()
