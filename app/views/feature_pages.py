"""Plugs the issue-3 pages (居民与积分, 积分超市) into the main window.

Importing this module registers the two areas; the page classes are imported
inside the factories, so start-up stays light (reportlab, openpyxl and QtPdf
are loaded only when a page first needs them).  The application imports it
once at start-up::

    import app.views.feature_pages  # noqa: F401  (registers households + supermarket)
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from app.views.pages import PageContext, page_spec, register_page


def households_page(ctx: PageContext) -> QWidget:
    from app.views.households_page import HouseholdsPage

    return HouseholdsPage(ctx)


def supermarket_page(ctx: PageContext) -> QWidget:
    from app.views.supermarket_page import SupermarketPage

    return SupermarketPage(ctx)


def register_feature_pages() -> None:
    """Supply the households and supermarket areas (again after ``reset_pages``)."""
    register_page(replace(page_spec("households"), factory=households_page))
    register_page(replace(page_spec("supermarket"), factory=supermarket_page))


register_feature_pages()
