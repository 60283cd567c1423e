"""Plugs the issue-4 pages (志愿者, 活动) into the main window.

Importing this module registers the two areas; the page classes are imported
inside the factories, so start-up stays light (reportlab, QtPdf and
QtMultimedia are loaded only when a page or the kiosk first needs them).  The
application imports it once at start-up::

    import app.views.volunteer_pages  # noqa: F401  (registers volunteers + activities)

The volunteers area holds the volunteers list, the service-hours and stars tab
and the certificates tab; the activities area holds the month's activities,
the quota progress, the calendar and the kiosk.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from app.views.pages import PageContext, page_spec, register_page


def volunteers_page(ctx: PageContext) -> QWidget:
    from app.views.volunteers_page import VolunteersPage

    return VolunteersPage(ctx)


def activities_page(ctx: PageContext) -> QWidget:
    from app.views.activities_page import ActivitiesPage

    return ActivitiesPage(ctx)


def register_volunteer_pages() -> None:
    """Supply the volunteers and activities areas (again after ``reset_pages``)."""
    register_page(replace(page_spec("volunteers"), factory=volunteers_page))
    register_page(replace(page_spec("activities"), factory=activities_page))


register_volunteer_pages()
