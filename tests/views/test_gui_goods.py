"""The goods tab: low-stock warnings, receiving a donation, refusals shown inline."""

from __future__ import annotations

import pytest
from gui_points_fixtures import build_shop, page_context, snapshot
from PySide6.QtCore import Qt

from app.services import supermarket
from app.views.supermarket_page import GoodsModel, GoodsTab, StockDialog


@pytest.fixture
def tab(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = station_db
    shop = build_shop(db, data_dir, admin)
    widget = GoodsTab(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.show()
    wait_tasks()
    return widget, shop


def select(tab: GoodsTab, name: str) -> None:
    for row in range(tab.proxy.rowCount()):
        if tab.proxy.index(row, GoodsModel.NAME).data() == name:
            tab.view.selectRow(row)
            return
    raise AssertionError(name)


def test_low_stock_is_listed_and_highlighted(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    widget, shop = tab
    supermarket.record_damage(shop.db, shop.admin, shop.oil.id, 3, "破损")  # 2 left, warns at 2
    widget.reload()
    qtbot.waitUntil(lambda: widget.low_label.isVisible())
    assert widget.low_label.text() == "1 goods are low on stock: 食用油 (2)"
    row = next(i for i, g in enumerate(widget.model.rows) if g.name == "食用油")
    assert widget.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_receiving_a_donation_and_a_refused_damage(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    widget, shop = tab
    select(widget, "肥皂")
    qtbot.mouseClick(widget.action_buttons["receive"], Qt.MouseButton.LeftButton)
    dialog = widget.findChild(StockDialog)
    assert dialog is not None
    dialog.qty.setValue(6)
    qtbot.keyClicks(dialog.donor, "Aixin Co.")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.message.text() == "Stock updated.")
    wait_tasks()
    moves = supermarket.stock_moves(shop.db, shop.soap.id)
    assert (moves[0].kind, moves[0].qty, moves[0].donor) == ("donation", 6, "Aixin Co.")
    dialog.deleteLater()
    select(widget, "肥皂")
    qtbot.mouseClick(widget.action_buttons["damage"], Qt.MouseButton.LeftButton)
    damage = next(d for d in widget.findChildren(StockDialog) if d.action == "damage")
    damage.qty.setValue(999)
    before = snapshot(shop.db)
    qtbot.mouseClick(damage.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_tasks()
    assert damage.isVisible() and damage.message.text() == "Please give a reason."
    qtbot.keyClicks(damage.text, "broken")
    qtbot.mouseClick(damage.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_tasks()
    assert damage.isVisible() and damage.message.text() == "Only 16 块 of “肥皂” are in stock."
    assert snapshot(shop.db) == before
