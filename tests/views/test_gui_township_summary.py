"""汇总's sections in the township window: a tab each, reached by clicking the tab bar.

The window is 1366×768; the tabs are clicked where they are drawn.  Each
table shows what :func:`month_summary` gives for the month chosen (the
figures themselves are proved equal to the stations' own in
tests/sync/test_township_summary_details.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from township_fixtures import World, close_benches, open_township, town_template, world

from app.services.township.summary import month_summary, township_months
from app.sync.export import export_sync
from app.sync.importer import import_files
from app.views import screen
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.tasks import default_runner
from app.views.township.summary_page import SummaryPage

__all__ = ["town_template", "world"]  # fixtures


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def window(qtbot, world: World, tmp_path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
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


def click_tab(qtbot, page: SummaryPage, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = page.tabs.tabBar()
    rect = bar.tabRect(index)
    assert bar.rect().contains(rect), "every tab is drawn whole at 1366 px"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == index, timeout=5_000)


def cells(view) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_each_section_has_its_tab_and_shows_the_months_figures(
    qtbot, window: MainWindow, world: World
) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("summary")
    assert isinstance(page, SummaryPage)
    town = world.town.db
    months = township_months(town)
    qtbot.waitUntil(lambda: page.month.count() == len(months), timeout=15_000)
    month = max(months, key=lambda m: len(month_summary(town, m).households))
    page.month.setCurrentText(month)
    qtbot.waitUntil(
        lambda: page.summary is not None and page.summary.month == month, timeout=15_000
    )
    expected = month_summary(town, month)
    assert expected.households and expected.volunteers
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [
        "Stations",
        "By category (场次/人次)",
        "Stock",
        "Household ranking",
        "Volunteer ranking",
        "Participation",
        "Star volunteers",
    ]
    codes = {s.station_id: s.code for s in expected.stations}

    click_tab(qtbot, page, 1)
    assert page.categories_view.isVisible()
    assert [r[0] for r in cells(page.categories_view)] == [
        codes[c.station_id] for c in expected.categories
    ], "the category table names each row's station code"

    click_tab(qtbot, page, 2)
    stock = cells(page.stock_view)
    assert [r[0] for r in stock] == [s.code for s in expected.stock] + [""]
    assert stock[-1][1] == "Township total"
    assert stock[-1][3] == str(sum(s.units for s in expected.stock))

    click_tab(qtbot, page, 3)
    ranking = cells(page.household_view)
    assert [(r[0], r[1], r[4], r[5], r[6]) for r in ranking] == [
        (str(h.rank), h.code, h.number, h.name, str(h.points)) for h in expected.households
    ]
    assert all("*" in r[5] for r in ranking), "names are masked"

    click_tab(qtbot, page, 4)
    assert [(r[3], r[5]) for r in cells(page.volunteer_view)] == [
        (v.number, f"{v.minutes / 60:.1f}") for v in expected.volunteers
    ]

    click_tab(qtbot, page, 5)
    share = cells(page.participation_view)
    assert [r[4] for r in share] == [
        f"{p.share:.1f}" for p in (*expected.participation, expected.participation_total)
    ]

    click_tab(qtbot, page, 6)
    stars = cells(page.stars_view)
    assert stars[-1][2:] == [
        str(n) for n in (*expected.stars_total.levels, expected.stars_total.total)
    ]


def test_the_buttons_save_the_month_as_a_workbook_and_a_report(
    qtbot, window: MainWindow, world: World, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    page = window.show_page("summary")
    assert isinstance(page, SummaryPage)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=15_000)
    month = page.summary.month
    asked: list[str] = []

    def save_as(target):  # type: ignore[no-untyped-def]
        def answer(_parent, _title, suggested, _filters):  # type: ignore[no-untyped-def]
            asked.append(suggested)
            return str(target), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))

    for key, target in (("export", tmp_path / "s.xlsx"), ("report", tmp_path / "r.pdf")):
        save_as(target)
        button = page.buttons[key]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        qtbot.waitUntil(
            lambda t=target: t.exists() and str(t) in page.message.text(), timeout=20_000
        )
    assert asked[0].endswith(f"Summary {month}.xlsx")
    assert asked[1].endswith(f"Monthly report {month}.pdf")
    assert len(load_workbook(tmp_path / "s.xlsx").sheetnames) == 7
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "The report was saved as" in page.message.text()
