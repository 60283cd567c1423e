"""The app as it is really used: a 1366×768 screen with a taskbar (available
height 728) and a 1024×768 one, in Chinese and in English.

Every area of the main window (as registered, so a new page is checked too),
every tab of each area, the kiosk and the main dialogs are shown with demo data
and put through :mod:`layout_check`: no two laid-out widgets overlap, none is
cut off by its parent, no button/label/check box/combo box is drawn smaller
than its minimum size hint, and every window fits the available screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from layout_check import layout_problems, table_problems, widget_problems
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget
from township_fixtures import World, close_benches, open_township, town_template, world

from app.demo import station as demo
from app.paths import DataDir
from app.services import activities, auth, households, points, supermarket, volunteers
from app.services.activities import ActivityFilter
from app.views import screen
from app.views.tasks import default_runner

SCREENS = {
    "1366x768": (QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728)),
    "1024x768": (QRect(0, 0, 1024, 768), QRect(0, 0, 1024, 728)),
}
LANGUAGES = ("zh_CN", "en")
DEMO = demo.DemoSize(
    households=40, volunteers=24, activities=14, ledger_entries=300, redemptions=20, scan_events=120
)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture(
    params=[(s, lang) for s in SCREENS for lang in LANGUAGES], ids=lambda p: "-".join(p)
)
def look(request, qapp) -> Iterator[tuple[QRect, QRect, str]]:  # type: ignore[no-untyped-def]
    """The application's style, font and language on an emulated screen."""
    from app.translations import install_translators
    from app.views.application import create_application

    screen_rect, area = SCREENS[request.param[0]]
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    create_application([])
    install_translators(qapp, request.param[1])
    screen.emulate_screen(screen_rect, area)
    yield screen_rect, area, request.param[1]
    screen.emulate_screen(None)
    install_translators(qapp, "en")
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.fixture
def demo_station(tmp_path):  # type: ignore[no-untyped-def]
    data_dir = DataDir(tmp_path / "demo").ensure()
    db = demo.create_demo_station(data_dir, size=DEMO)
    admin = next(o for o in auth.list_operators(db, auth.SYSTEM) if o.role.value == "admin")
    yield db, data_dir, auth.Actor(admin.id, admin.username, admin.display_name, admin.role)
    db.dispose()


def _outer_tabs(root: QWidget) -> list[QTabWidget]:
    """Tab widgets under *root* that are not inside another tab widget under *root*."""
    found = []
    for tabs in root.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        while parent is not None and parent is not root and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is root or parent is None:
            found.append(tabs)
    return found


def check_tabs(qtbot, window: QWidget, root: QWidget, where: str, area: QRect) -> list[str]:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for tabs in _outer_tabs(root):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot)
            here = f"{where} › {tabs.tabText(i)}"
            problems += [f"[{here}] {p}" for p in layout_problems(window, area)]
            page = tabs.widget(i)
            if page is not None:
                problems += check_tabs(qtbot, window, page, here, area)
    return problems


def open_main_window(qtbot, make_workbench, demo_station):  # type: ignore[no-untyped-def]
    db, _data_dir, admin = demo_station
    bench = make_workbench(db)
    bench.enter(admin)
    window = bench.window
    assert window is not None
    qtbot.waitExposed(window)
    settle(qtbot)
    return window


def test_every_page_and_tab_fits_the_screen(qtbot, look, demo_station, make_workbench) -> None:  # type: ignore[no-untyped-def]
    _screen, area, _lang = look
    window = open_main_window(qtbot, make_workbench, demo_station)
    assert window.isMaximized() or window.frameGeometry().height() > area.height() - 60
    problems: list[str] = []
    for spec in window.specs:
        page = window.show_page(spec.key)
        settle(qtbot)
        where = spec.key
        problems += [f"[{where}] {p}" for p in layout_problems(window, area)]
        problems += check_tabs(qtbot, window, page, where, area)
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_every_township_page_fits_the_screen(qtbot, look, world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The township's areas (its window shows them, not the station's), with two
    stations' files imported so the tables have rows."""
    from app.sync.export import export_sync
    from app.sync.importer import import_files

    _screen, area, _lang = look
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
    made: list = []
    try:
        window = open_township(qtbot, world, made)
        assert "stations" in [s.key for s in window.specs]
        problems: list[str] = []
        for spec in window.specs:
            page = window.show_page(spec.key)
            settle(qtbot)
            if spec.key == "imports":  # the verdicts of a second import of the same stick
                page.import_paths([stick])  # type: ignore[attr-defined]
                qtbot.waitUntil(lambda p=page: p.model.rowCount() == 2, timeout=30_000)
                settle(qtbot)
            problems += [f"[township {spec.key}] {p}" for p in layout_problems(window, area)]
            problems += check_tabs(qtbot, window, page, f"township {spec.key}", area)
            if spec.key == "summary":
                problems += summary_table_problems(qtbot, page, wide=_screen.width() >= 1366)
        assert not problems, "\n".join(dict.fromkeys(problems))
    finally:
        close_benches(qtbot, made)


def summary_table_problems(qtbot, page: QWidget, *, wide: bool) -> list[str]:  # type: ignore[no-untyped-def]
    """汇总's tables, each in its tab with the month of most rows: titles never cut,
    and on a 1366 px screen every table fits its frame (on a narrower one it may
    scroll, inside its own frame)."""
    from app.services.township.summary import month_summary

    summary_page: Any = page
    months = [summary_page.month.itemText(i) for i in range(summary_page.month.count())]
    assert months, "the township has months to show"
    db = summary_page.ctx.db
    fullest = max(
        months,
        key=lambda m: sum(
            len(getattr(month_summary(db, m), f))
            for f in ("categories", "households", "volunteers")
        ),
    )
    summary_page.month.setCurrentText(fullest)
    qtbot.waitUntil(
        lambda: summary_page.summary is not None and summary_page.summary.month == fullest,
        timeout=15_000,
    )
    settle(qtbot)
    problems: list[str] = []
    for i, view in enumerate(summary_page.views()):
        summary_page.tabs.setCurrentIndex(i)
        settle(qtbot)
        assert view.isVisible() and view.model().rowCount() > 0, view.objectName()
        here = f"[township summary › {summary_page.tabs.tabText(i)}]"
        problems += [f"{here} {p}" for p in table_problems(view, must_fit=wide)]
    return problems


__all__ = ["town_template", "world"]  # fixtures


def _pdf(page_size: tuple[float, float]) -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    out = BytesIO()
    c = canvas.Canvas(out, pagesize=page_size)
    c.drawString(40, 40, "preview")
    c.showPage()
    c.save()
    return out.getvalue()


def dialog_factories(window, demo_station) -> dict[str, Callable[[], QWidget]]:  # type: ignore[no-untyped-def]
    """The main dialogs, each built as the pages build them, with demo data."""
    from reportlab.lib.pagesizes import A4

    from app.services.volunteers import form_catalog
    from app.views.activities.dialogs import ActivityDialog
    from app.views.kiosk.window import UnlockDialog
    from app.views.login import ChangePasswordDialog, LockScreen, LoginDialog
    from app.views.operators import NewOperatorDialog, TemporaryPasswordDialog
    from app.views.pdf_preview import PdfPreviewDialog
    from app.views.points.household_dialogs import (
        AdjustDialog,
        AwardDialog,
        BatchAwardDialog,
        HouseholdDialog,
        MemberDialog,
    )
    from app.views.points.tabs import RuleDialog
    from app.views.resident_picker import ResidentPicker
    from app.views.roster_import_dialog import RosterImportDialog
    from app.views.supermarket.page import GoodsDialog, StockDialog
    from app.views.sync.township_dialog import TownshipEnrolDialog
    from app.views.volunteers.dialogs import (
        SubRecordDialog,
        TeamDialog,
        TeamsDialog,
        VolunteerDialog,
        VolunteerTeamsDialog,
    )
    from app.views.volunteers.policy import VolunteerPolicyDialog
    from app.views.wizard import FirstRunWizard

    db, data_dir, admin = demo_station
    ctx = window.ctx
    hit = next(h for c in demo.SURNAMES for h in households.search(db, c, 1))
    household = households.get_household(db, hit.id)
    goods = supermarket.list_goods(db, limit=1)[0]
    rule = points.list_rules(db)[0]
    catalog = form_catalog(db)
    vhit = next(v for c in demo.SURNAMES for v in volunteers.search_volunteers(db, c, 1))
    volunteer = volunteers.get_volunteer(db, vhit.id)
    row = activities.fetch_activities(db, 0, 1, ActivityFilter())[0]
    activity = activities.get_activity(db, row.id)
    fresh = DataDir(data_dir.root.parent / "fresh").ensure()
    from app.db import Database, migrate

    fresh_db = Database(fresh.database)
    migrate.ensure_schema(fresh_db.engine)
    return {
        "household": lambda: HouseholdDialog(ctx, household, None, window),
        "new household": lambda: HouseholdDialog(ctx, None, None, window),
        "member": lambda: MemberDialog(ctx, household, None, window),
        "award": lambda: AwardDialog(ctx, household, window),
        "batch award": lambda: BatchAwardDialog(ctx, [hit.id], window),
        "adjust": lambda: AdjustDialog(ctx, household, window),
        "goods": lambda: GoodsDialog(ctx, goods, window),
        "stock": lambda: StockDialog(ctx, goods, "receive", window),
        "rule": lambda: RuleDialog(ctx, rule, window),
        "volunteer": lambda: VolunteerDialog(ctx, catalog.policy, catalog.teams, volunteer, window),
        "new volunteer": lambda: VolunteerDialog(ctx, catalog.policy, catalog.teams, None, window),
        "team": lambda: TeamDialog(ctx, catalog.policy, None, window),
        "teams": lambda: TeamsDialog(ctx, catalog.policy, window),
        "volunteer rules": lambda: VolunteerPolicyDialog(ctx, window),
        "volunteer teams": lambda: VolunteerTeamsDialog(ctx, volunteer, catalog.teams, window),
        "training": lambda: SubRecordDialog(ctx, "training", volunteer, window),
        "activity": lambda: ActivityDialog(ctx, catalog, activity, window),
        "new activity": lambda: ActivityDialog(ctx, catalog, None, window),
        "resident picker": lambda: ResidentPicker(ctx, window),
        "roster import": lambda: RosterImportDialog(ctx, window),
        "print preview A4": lambda: PdfPreviewDialog(_pdf(A4), "A4", "A4", window),
        "print preview 80mm": lambda: PdfPreviewDialog(_pdf((227, 567)), "80", "80mm", window),
        "sign-in": lambda: LoginDialog(db, ctx.settings),
        "change password": lambda: ChangePasswordDialog(db, admin, parent=window),
        "lock screen": lambda: LockScreen(db, admin, "东风村新时代文明实践站"),
        "new operator": lambda: NewOperatorDialog(window),
        "temporary password": lambda: TemporaryPasswordDialog("李秀英", "k3x9-pq2m", window),
        "kiosk unlock": lambda: UnlockDialog(db, admin, window),
        "wizard": lambda: FirstRunWizard(fresh_db, fresh),
        "enrol township": lambda: TownshipEnrolDialog(ctx, window),
    }


def test_the_main_dialogs_fit_the_screen(qtbot, look, demo_station, make_workbench) -> None:  # type: ignore[no-untyped-def]
    _screen, area, _lang = look
    window = open_main_window(qtbot, make_workbench, demo_station)
    problems: list[str] = []
    for name, make in dialog_factories(window, demo_station).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        problems += [f"[{name}] {p}" for p in layout_problems(dialog, area)]
        if hasattr(dialog, "currentPage"):  # the wizard: every page
            while dialog.currentId() < 3:
                dialog.next()
                settle(qtbot)
                problems += [
                    f"[{name} {dialog.currentId()}] {p}" for p in layout_problems(dialog, area)
                ]
        dialog.done(QDialog.DialogCode.Rejected) if isinstance(dialog, QDialog) else dialog.close()
        dialog.deleteLater()
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_kiosk_fits_the_screen(qtbot, look, station_db, data_dir, settings) -> None:  # type: ignore[no-untyped-def]
    from gui_volunteer_fixtures import WallClock, build_station

    from app.views.kiosk.window import KioskWindow
    from app.views.pages import AppEvents, PageContext

    screen_rect, _area, _lang = look
    db, admin = station_db
    station = build_station(db, data_dir, admin, n_volunteers=4)
    activities.open_activity(db, admin, station.activity.id)
    day = station.day
    kiosk = KioskWindow(
        PageContext(db, data_dir, settings, admin, AppEvents()),
        activities.get_activity(db, station.activity.id),
        now=WallClock(datetime(day.year, day.month, day.day, 9, 0)),
    )
    kiosk.may_close = True
    qtbot.addWidget(kiosk)
    kiosk.start(fullscreen=True)
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: kiosk.card_key is not None and kiosk.counts is not None)
    settle(qtbot)
    problems = [f"[idle] {p}" for p in widget_problems(kiosk)]
    # results of each kind: signed in, the same card again, a household card
    for code in (
        *station.volunteer_cards[:3],
        station.volunteer_cards[0],
        station.household_cards[0],
    ):
        with qtbot.waitSignal(kiosk.result_shown, timeout=10_000):
            kiosk.submit(code)
        settle(qtbot)
        problems += [f"[result] {p}" for p in widget_problems(kiosk)]
    qtbot.waitUntil(lambda: kiosk.recent.rowCount() >= 3)
    settle(qtbot)
    assert screen_rect.contains(kiosk.frameGeometry()), kiosk.frameGeometry()
    problems += recent_scans_cut(kiosk)
    assert not problems, "\n".join(dict.fromkeys(problems))


def recent_scans_cut(kiosk) -> list[str]:  # type: ignore[no-untyped-def]
    """Cells of the kiosk's recent-scans list whose text does not fit (cut off)."""
    from PySide6.QtCore import Qt as QtNs
    from PySide6.QtGui import QFontMetrics

    view, model = kiosk.recent_view, kiosk.recent
    assert model.rowCount() > 0
    metrics = QFontMetrics(view.font())
    problems = []
    for r in range(min(model.rowCount(), 12)):
        for c in range(model.columnCount()):
            text = str(model.index(r, c).data())
            room = QRect(0, 0, view.columnWidth(c) - 6, 10_000)  # the cell margins
            flags = QtNs.TextFlag.TextWordWrap if view.wordWrap() else 0
            needed = metrics.boundingRect(room, int(flags), text)
            if needed.width() > room.width() or needed.height() > view.rowHeight(r):
                problems.append(
                    f"[recent scans] row {r} column {c} “{text}” needs "
                    f"{needed.width()}×{needed.height()}, has "
                    f"{view.columnWidth(c)}×{view.rowHeight(r)}"
                )
    return problems


@pytest.mark.parametrize("size", list(SCREENS), ids=list(SCREENS))
def test_a_remembered_geometry_is_clamped_to_the_screen(
    qtbot, station_db, settings, make_workbench, size
) -> None:  # type: ignore[no-untyped-def]
    """A window remembered on a bigger screen (or at the old 1200×780) opens inside
    this one, its status bar on screen."""
    from PySide6.QtWidgets import QMainWindow

    from app.settings import WINDOW_GEOMETRY

    db, admin = station_db
    probe = QMainWindow()
    probe.setGeometry(40, 60, 1600, 1000)
    settings.set(WINDOW_GEOMETRY, probe.saveGeometry())
    probe.deleteLater()
    screen_rect, area = SCREENS[size]
    screen.emulate_screen(screen_rect, area)
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        window = bench.window
        assert window is not None
        qtbot.waitExposed(window)
        settle(qtbot)
        assert area.contains(window.frameGeometry()), window.frameGeometry()
        bar = window.statusBar()
        bottom = bar.mapTo(window, bar.rect().bottomLeft()).y()
        assert window.geometry().top() + bottom <= area.bottom()
    finally:
        screen.emulate_screen(None)
