"""The areas of the main window and how a later issue plugs a page in.

The window builds its navigation from :func:`pages`: one :class:`PageSpec`
per area, in order.  An area whose ``factory`` is ``None`` shows the friendly
"comes in a later version" page.  A feature module supplies its page with::

    register_page(replace(page_spec("households"), factory=HouseholdsPage))

(or a whole new :class:`PageSpec`, appended at the end) — the window itself is
not edited.  Factories receive a :class:`PageContext`, the narrow set of
dependencies a page may use (STYLE 6), and are called lazily the first time
the area is opened, so start-up imports only what the first page needs (each
factory imports its page's module inside; reportlab, openpyxl, QtPdf and
QtMultimedia load only when a page or the kiosk first needs them).

``title`` is an English source string translated in the ``Pages`` context at
display time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.paths import DataDir
from app.services.auth import Actor, Permission
from app.settings import Settings


class AppEvents(QObject):
    """Things one page does that others (and the window) react to."""

    station_changed = Signal()
    backup_made = Signal(object)  # BackupInfo
    database_replaced = Signal(object)  # BackupInfo that was restored
    idle_lock_changed = Signal(int)  # minutes, 0 = never


@dataclass(frozen=True)
class PageContext:
    """What a page may use: the database, the data folder, settings, the
    signed-in operator and the shared events."""

    db: Database
    data_dir: DataDir
    settings: Settings
    actor: Actor
    events: AppEvents
    mode: str = "station"  # the station's StationMode, read once at start (not per page)


PageFactory = Callable[[PageContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source; translated in the "Pages" context
    icon: str = ""  # file name in resources/icons, optional
    factory: PageFactory | None = None  # None: "comes in a later version"
    permission: Permission | None = None  # hidden from operators without it
    modes: tuple[str, ...] = ("station",)  # the StationMode values the area shows in


def _home(ctx: PageContext) -> QWidget:
    from app.views.home import HomePage

    return HomePage(ctx)


def _households(ctx: PageContext) -> QWidget:
    from app.views.points.households_page import HouseholdsPage

    return HouseholdsPage(ctx)


def _supermarket(ctx: PageContext) -> QWidget:
    from app.views.supermarket.page import SupermarketPage

    return SupermarketPage(ctx)


def _volunteers(ctx: PageContext) -> QWidget:
    from app.views.volunteers.page import VolunteersPage

    return VolunteersPage(ctx)


def _activities(ctx: PageContext) -> QWidget:
    from app.views.activities.page import ActivitiesPage

    return ActivitiesPage(ctx)


def _sync(ctx: PageContext) -> QWidget:
    from app.views.sync.page import SyncPage

    return SyncPage(ctx)


def _settings(ctx: PageContext) -> QWidget:
    from app.views.settings_page import SettingsPage

    return SettingsPage(ctx)


def _stations(ctx: PageContext) -> QWidget:
    from app.views.township.stations_page import StationsPage

    return StationsPage(ctx)


def _imports(ctx: PageContext) -> QWidget:
    from app.views.township.imports_page import ImportsPage

    return ImportsPage(ctx)


def _summary(ctx: PageContext) -> QWidget:
    from app.views.township.summary_page import SummaryPage

    return SummaryPage(ctx)


def _publish(ctx: PageContext) -> QWidget:
    from app.views.township.publish_page import PublishPage

    return PublishPage(ctx)


BOTH_MODES = ("station", "township")
TOWNSHIP = ("township",)

_DEFAULT_PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", QT_TRANSLATE_NOOP("Pages", "Home"), "home.svg", _home, modes=BOTH_MODES),
    PageSpec(
        "households",
        QT_TRANSLATE_NOOP("Pages", "Households & points"),
        "households.svg",
        factory=_households,
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "supermarket",
        QT_TRANSLATE_NOOP("Pages", "Points supermarket"),
        "supermarket.svg",
        factory=_supermarket,
        permission=Permission.REDEEM,
    ),
    PageSpec(
        "volunteers",
        QT_TRANSLATE_NOOP("Pages", "Volunteers"),
        "volunteers.svg",
        factory=_volunteers,
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "activities",
        QT_TRANSLATE_NOOP("Pages", "Activities"),
        "activities.svg",
        factory=_activities,
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "orders",
        QT_TRANSLATE_NOOP("Pages", "Service orders"),
        "orders.svg",
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("Pages", "Reports"),
        "reports.svg",
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "sync",
        QT_TRANSLATE_NOOP("Pages", "Sync"),
        "sync.svg",
        factory=_sync,
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "stations",
        QT_TRANSLATE_NOOP("Pages", "Stations"),
        "sync.svg",
        factory=_stations,
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "imports",
        QT_TRANSLATE_NOOP("Pages", "Import"),
        "sync.svg",
        factory=_imports,
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "summary",
        QT_TRANSLATE_NOOP("Pages", "Summary"),
        "reports.svg",
        factory=_summary,
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "publish",
        QT_TRANSLATE_NOOP("Pages", "Publish config"),
        "settings.svg",
        factory=_publish,
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("Pages", "Settings"),
        "settings.svg",
        _settings,
        modes=BOTH_MODES,
    ),
)

_pages: list[PageSpec] = list(_DEFAULT_PAGES)


def pages() -> list[PageSpec]:
    """The areas in navigation order."""
    return list(_pages)


def page_spec(key: str) -> PageSpec:
    for spec in _pages:
        if spec.key == key:
            return spec
    raise KeyError(key)


def register_page(spec: PageSpec) -> None:
    """Supply or replace the area *spec.key*; a new key is added before Settings."""
    for i, existing in enumerate(_pages):
        if existing.key == spec.key:
            _pages[i] = spec
            return
    settings_at = next((i for i, s in enumerate(_pages) if s.key == "settings"), len(_pages))
    _pages.insert(settings_at, spec)


def reset_pages() -> None:
    """Back to the built-in areas (tests)."""
    _pages[:] = _DEFAULT_PAGES


def visible_pages(actor: Actor, mode: str = "station") -> list[PageSpec]:
    """The areas *actor* may open in a station of *mode* (a StationMode value)."""
    return [
        p for p in _pages if mode in p.modes and (p.permission is None or actor.can(p.permission))
    ]
