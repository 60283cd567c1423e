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

import importlib
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


def _lazy(module: str, name: str) -> PageFactory:
    """A factory that imports the page's module only when the area is first opened."""

    def factory(ctx: PageContext) -> QWidget:
        page: QWidget = getattr(importlib.import_module(module), name)(ctx)
        return page

    return factory


BOTH_MODES = ("station", "township")
TOWNSHIP = ("township",)

_DEFAULT_PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "home",
        QT_TRANSLATE_NOOP("Pages", "Home"),
        "home.svg",
        _lazy("app.views.home", "home_page"),
        modes=BOTH_MODES,
    ),
    PageSpec(
        "households",
        QT_TRANSLATE_NOOP("Pages", "Households & points"),
        "households.svg",
        factory=_lazy("app.views.points.households_page", "HouseholdsPage"),
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "supermarket",
        QT_TRANSLATE_NOOP("Pages", "Points supermarket"),
        "supermarket.svg",
        factory=_lazy("app.views.supermarket.page", "SupermarketPage"),
        permission=Permission.REDEEM,
    ),
    PageSpec(
        "volunteers",
        QT_TRANSLATE_NOOP("Pages", "Volunteers"),
        "volunteers.svg",
        factory=_lazy("app.views.volunteers.page", "VolunteersPage"),
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "activities",
        QT_TRANSLATE_NOOP("Pages", "Activities"),
        "activities.svg",
        factory=_lazy("app.views.activities.page", "ActivitiesPage"),
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "orders",
        QT_TRANSLATE_NOOP("Pages", "Service orders"),
        "orders.svg",
        factory=_lazy("app.views.orders.page", "OrdersPage"),
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("Pages", "Reports"),
        "reports.svg",
        factory=_lazy("app.views.reports.page", "reports_page"),
        permission=Permission.DAILY_WORK,
        modes=("station", *TOWNSHIP),  # a township's 报表 is its stations' submitted reports
    ),
    PageSpec(
        "sync",
        QT_TRANSLATE_NOOP("Pages", "Sync"),
        "sync.svg",
        factory=_lazy("app.views.sync.page", "SyncPage"),
        permission=Permission.DAILY_WORK,
    ),
    PageSpec(
        "stations",
        QT_TRANSLATE_NOOP("Pages", "Stations"),
        "sync.svg",
        factory=_lazy("app.views.township.stations_page", "StationsPage"),
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "imports",
        QT_TRANSLATE_NOOP("Pages", "Import"),
        "sync.svg",
        factory=_lazy("app.views.township.imports_page", "ImportsPage"),
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "summary",
        QT_TRANSLATE_NOOP("Pages", "Summary"),
        "reports.svg",
        factory=_lazy("app.views.township.summary_page", "SummaryPage"),
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "publish",
        QT_TRANSLATE_NOOP("Pages", "Publish config"),
        "settings.svg",
        factory=_lazy("app.views.township.publish_page", "PublishPage"),
        permission=Permission.DAILY_WORK,
        modes=TOWNSHIP,
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("Pages", "Settings"),
        "settings.svg",
        _lazy("app.views.settings_page", "SettingsPage"),
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
