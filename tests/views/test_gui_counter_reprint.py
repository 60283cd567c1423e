"""The counter's Reprint and ``main.py print slip`` are one service path: a slip the
command line printed is a 补打 at the counter, and a voided slip reprints as its
作废单 with the void's stored time and reason."""

from __future__ import annotations

import subprocess
from pathlib import Path

import hid
import pytest
from gui_points_fixtures import FakeClock, build_shop, page_context
from PySide6.QtCore import Qt

from app.services import supermarket
from app.services.documents import local_time, slips
from app.views.points.options import SLIP_FOLDER, SLIP_OUTPUT, SLIP_PAGE
from app.views.supermarket.counter import CounterWidget


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def shop(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_shop(db, data_dir, admin)


@pytest.fixture
def counter(qtbot, shop, data_dir, settings, tmp_path, wait_tasks):  # type: ignore[no-untyped-def]
    settings.set(SLIP_OUTPUT, "folder")
    settings.set(SLIP_FOLDER, str(tmp_path / "slips"))
    settings.set(SLIP_PAGE, "A4")
    clock = FakeClock()
    widget = CounterWidget(page_context(shop.db, data_dir, settings, shop.admin), clock=clock)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    assert widget.facts is not None
    return widget, clock


def test_a_voided_slip_printed_elsewhere_reprints_at_the_counter_as_its_void_slip(
    qtbot, counter, shop, tmp_path, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    widget, clock = counter
    result = supermarket.redeem(
        shop.db, shop.admin, supermarket.new_redemption_id(), shop.rich.id, [(shop.soap.id, 1)]
    )
    supermarket.void_redemption(shop.db, shop.admin, result.id, "录入错误")
    # what `main.py print slip` does: the first 作废单, logged
    printed = slips.print_slip(
        shop.db,
        shop.admin,
        result.number,
        widget.facts.name,
        widget.facts.card_key,
        "A4",
        slips.TWO_COPIES,
        lambda pdf: None,
    )
    assert printed.void and not printed.reprint

    qtbot.waitUntil(widget.scan.hasFocus, timeout=2_000)
    hid.scan(shop.rich_card, clock=clock)
    qtbot.waitUntil(lambda: widget.household is not None)
    qtbot.waitUntil(lambda: [r.number for r in widget.slips_model.rows] == [result.number])
    qtbot.mouseClick(widget.reprint_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "slips" / f"{result.number}-void.pdf"
    qtbot.waitUntil(path.exists, timeout=10_000)
    wait_tasks()
    text = pdf_text(path)
    assert "积分兑换作废单" in text and "录入错误" in text and "补打" in text
    voided_at = local_time(supermarket.get_redemption(shop.db, result.id).voided_at)
    assert voided_at is not None and voided_at.strftime("%Y-%m-%d %H:%M") in text
    assert supermarket.get_redemption(shop.db, result.id).void_print_count == 2
