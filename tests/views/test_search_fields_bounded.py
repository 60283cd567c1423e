"""Every search field is bounded: a pasted novel is cut at the field (MAX_SEARCH_CHARS, or
the scan field's 200 where a card can be scanned into the search), and the services
clean and bound the text again (test_search_input)."""

from __future__ import annotations

import pytest
from gui_points_fixtures import page_context

from app.services.text_input import MAX_SEARCH_CHARS
from app.views.points.households_page import HouseholdsTab
from app.views.resident_picker import ResidentPicker
from app.views.supermarket.page import GoodsTab


@pytest.mark.parametrize(
    ("widget_class", "field", "bound"),
    [
        (HouseholdsTab, "search", 200),  # a ScanLineEdit: cards are scanned into it
        (ResidentPicker, "search", MAX_SEARCH_CHARS),
        (GoodsTab, "filter", MAX_SEARCH_CHARS),
    ],
)
def test_a_search_field_is_bounded(
    qtbot, station_db, data_dir, settings, wait_tasks, widget_class, field, bound
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    widget = widget_class(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    edit = getattr(widget, field)
    assert edit.maxLength() == bound
    edit.setText("王" * 16667)
    assert len(edit.text()) == bound
    wait_tasks()
