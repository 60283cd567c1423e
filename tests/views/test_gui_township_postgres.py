"""The township's window on the hub's PostgreSQL store (issue 9: ``main.py --db URL``).

The township's folder is copied into a private PostgreSQL server
(tests/services/postgres_server.py) as ``hub --copy-from-folder`` does; the
program starts on it as ``--db`` makes it start (:class:`Startup` with the
URL), the administrator signs in, and a USB stick's files are imported by
clicking 导入.  The same files imported into the SQLite township give the
same 站点 and 汇总, in the services' results and in the text the pages show.
The window is 1366×768, the buttons are clicked where they are drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from layout_check import widget_problems
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import create_engine
from test_gui_township import click_on_screen, row_of, settle
from township_fixtures import TOWNSHIP_PASSWORD, World, close_benches, town_template, world

from app.services import auth
from app.services.township.report import export_summary_xlsx
from app.services.township.summary import month_summary, months_with_activities
from app.settings import Settings
from app.sync.config import import_config
from app.sync.export import export_sync, sync_status
from app.sync.hub.storage import copy_store
from app.sync.importer import import_files, station_states
from app.views import application, screen
from app.views.application import EXIT_FAILED, Startup
from app.views.fonts import install_application_font
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.settings_page import SettingsPage
from app.views.township.imports_page import ImportsPage
from app.views.township.publish_page import PublishPage
from app.views.township.stations_page import StationsModel, StationsPage
from app.views.township.summary_page import FiguresModel, SummaryPage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from pg_township import new_database
from postgres_server import postgres_server

__all__ = ["town_template", "world"]  # fixtures

SCREENSHOT = Path("/tmp/pgtown_summary_postgresql.png")


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def with_password(url: str, password: str) -> str:
    """*url* with a password (the test server trusts its user and ignores it)."""
    return url.replace("://wb@", f"://wb:{password}@")


def start(qtbot, world: World, url: str) -> tuple[Startup, list[Workbench]]:  # type: ignore[no-untyped-def]
    town = world.town
    startup = Startup(town.data_dir, Settings(town.data_dir.settings_file), db_url=url)
    ready: list[Workbench] = []
    startup.ready.connect(ready.append)
    startup.start()
    qtbot.waitUntil(lambda: bool(ready) and ready[0].login is not None, timeout=30_000)
    return startup, ready


@pytest.fixture
def pg_township(world: World, pg_server: str) -> str:
    """A new database holding the township's store (no file imported yet, both stations
    enrolled both ways); its URL."""
    from config_helpers import enrol_both_ways  # tests/sync, on the path by township_fixtures

    enrol_both_ways(world)
    url = with_password(new_database(pg_server), "s3cret-pw")
    engine = create_engine(url)
    try:
        copy_store(world.town.data_dir.database, engine)
    finally:
        engine.dispose()
    return url


def workbook_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def shoot(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The window in the bundled CJK font (the program's own), saved for a person to look at."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    install_application_font(app)
    try:
        settle(qtbot)
        assert window.grab().save(str(SCREENSHOT))
    finally:
        app.setFont(before)
        settle(qtbot)


def test_the_township_window_on_postgresql_shows_what_sqlite_shows(
    qtbot, world: World, pg_township: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    lite = world.town.db
    assert [v.status for v in import_files(lite, [stick])] == ["imported", "imported"]

    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    startup, made = start(qtbot, world, pg_township)
    try:
        bench = made[0]
        pg = bench.db
        assert pg.engine.dialect.name == "postgresql" and startup.db is pg
        bench.enter(auth.login(pg, "admin", TOWNSHIP_PASSWORD))
        window = bench.window
        assert isinstance(window, MainWindow) and window.ctx.mode == "township"
        window.resize(1366, 728)
        qtbot.waitExposed(window)
        settle(qtbot)

        # the store is named, without its password; no backup of it is offered
        store = window.store_label.toolTip()  # whole; the label elides a long one
        assert store.startswith("Database: PostgreSQL · township_") and "@/tmp/" in store
        assert window.store_label.text().startswith("Database: PostgreSQL")
        assert window.store_label.isVisible() and not window.backup_label.isVisible()
        assert "PostgreSQL · township_" in window.windowTitle()
        assert "s3cret" not in window.windowTitle() + store

        # 导入: the stick's folder, clicked
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(stick))
        )
        imports = window.show_page("imports")
        assert isinstance(imports, ImportsPage)
        settle(qtbot)
        click_on_screen(qtbot, window, imports.buttons["folder"])
        qtbot.waitUntil(lambda: imports.model.rowCount() == 2, timeout=60_000)
        settle(qtbot)
        assert [v.status for v in imports.model.rows] == ["imported", "imported"]
        assert "2 of 2 files imported." in imports.message.text()

        # 站点: the same states as the SQLite township's
        page = window.show_page("stations")
        assert isinstance(page, StationsPage)
        click_on_screen(qtbot, window, page.buttons["refresh"])
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
        settle(qtbot)
        expected = station_states(lite)

        def undated(states):  # type: ignore[no-untyped-def]
            return [replace(s, last_import_at=None) for s in states]

        assert undated(page.model.rows) == undated(expected)
        for state in expected:
            row = row_of(page, state.code)
            shown = page.model.index(row, StationsModel.ACKED).data()
            assert shown == str(state.acked_seq) and state.acked_seq > 0
            assert page.model.index(row, StationsModel.GAPS).data() == "none"
            assert page.model.index(row, StationsModel.DAYS).data() == "0"

        # 汇总: the month with activities, the same figures
        summary = window.show_page("summary")
        assert isinstance(summary, SummaryPage)
        month = months_with_activities(lite, [world.a.station_id, world.b.station_id])[0]
        qtbot.waitUntil(lambda: summary.month.findText(month) >= 0, timeout=15_000)
        summary.month.setCurrentText(month)
        qtbot.waitUntil(
            lambda: summary.summary is not None and summary.summary.month == month,
            timeout=15_000,
        )
        settle(qtbot)
        assert summary.summary is not None
        there = month_summary(lite, month)
        assert summary.summary == there and summary.summary.totals == there.totals
        assert there.totals.sessions > 0 and there.totals.points_issued > 0
        model = summary.figures
        total_row = model.rowCount() - 1
        assert model.index(total_row, 0).data() == "Township total"
        for column, value in (
            (1, there.totals.sessions),
            (7, there.totals.points_issued),
            (9, there.totals.redemptions),
        ):
            assert model.index(total_row, column).data() == str(value), model.headers()[column]
        first = there.stations[0]
        assert model.index(0, 0).data() == f"{first.code} {first.name}"
        assert model.index(0, 2).data() == str(first.attendances)
        assert isinstance(model, FiguresModel)
        assert not widget_problems(window), "every widget fits at 1366×768"
        shoot(qtbot, window)

        # its workbook and its report, saved by the buttons, hold the SQLite township's figures
        for key, target in (("export", tmp_path / "pg.xlsx"), ("report", tmp_path / "pg.pdf")):
            monkeypatch.setattr(
                QFileDialog,
                "getSaveFileName",
                staticmethod(lambda *_a, t=target: (str(t), "")),
            )
            click_on_screen(qtbot, window, summary.buttons[key])
            qtbot.waitUntil(
                lambda t=target: t.exists() and str(t) in summary.message.text(), timeout=30_000
            )
        export_summary_xlsx(there, tmp_path / "lite.xlsx")
        assert workbook_values(tmp_path / "pg.xlsx") == workbook_values(tmp_path / "lite.xlsx")
        assert (tmp_path / "pg.pdf").read_bytes().startswith(b"%PDF")

        # 发布: the config package written from PostgreSQL acknowledges what was imported there
        package = tmp_path / "package"
        package.mkdir()
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(package))
        )
        publish = window.show_page("publish")
        assert isinstance(publish, PublishPage)
        settle(qtbot)
        click_on_screen(qtbot, window, publish.buttons["write"])
        qtbot.waitUntil(lambda: "Config version" in publish.message.text(), timeout=30_000)
        (written,) = package.glob("*")
        import_config(world.a.db, world.a.data_dir, written)
        acked = next(s.acked_seq for s in expected if s.station_id == world.a.station_id)
        assert sync_status(world.a.db).acked_seq == acked

        # 首页 reads the same store
        home = window.show_page("home")
        qtbot.waitUntil(
            lambda: getattr(home, "data", None) is not None and len(home.data.imports) == 2,
            timeout=15_000,
        )
        # 设置: no backup tab for a database server's store
        settings = window.show_page("settings")
        assert isinstance(settings, SettingsPage)
        assert settings.backup_tab is None
        assert "Backup & restore" not in [t.replace("&&", "&") for t in settings.tab_titles()]
    finally:
        close_benches(qtbot, made)
        screen.emulate_screen(None)
        if startup.db is not None:
            startup.db.dispose()


def test_a_station_store_or_an_empty_database_is_refused_at_start(
    qtbot, world: World, pg_server: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        application.QMessageBox,
        "critical",
        staticmethod(lambda _parent, _title, text, *_a: shown.append(text)),
    )
    empty = new_database(pg_server)
    for what, url in (("empty", empty), ("station", None)):
        if url is None:  # station a's store, copied as a township's would be
            url = new_database(pg_server)
            engine = create_engine(url)
            copy_store(world.a.data_dir.database, engine)
            engine.dispose()
        folder = world.a.data_dir if what == "station" else world.town.data_dir
        startup = Startup(folder, Settings(folder.settings_file), db_url=url)
        with qtbot.waitSignal(startup.finished, timeout=30_000) as ended:
            startup.start()
        assert ended.args == [EXIT_FAILED]
        assert startup.workbench is None
    assert "is empty" in shown[0] and "--copy-from-folder" in shown[0]
    assert "holds no township" in shown[1] and "PostgreSQL · township_" in shown[1]
    assert QMessageBox is application.QMessageBox
