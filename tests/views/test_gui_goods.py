"""The goods tab: low-stock warnings, receiving a donation, refusals shown inline,
and goods photos from the goods dialog to the counter's grid."""

from __future__ import annotations

from pathlib import Path

import hid
import pytest
from gui_points_fixtures import build_shop, page_context, snapshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from app.services import supermarket
from app.views.supermarket.page import (
    GoodsDialog,
    GoodsModel,
    GoodsTab,
    StockDialog,
    SupermarketPage,
)


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
    assert widget.low_label.text() == "1 item is low on stock: 食用油 (2)"
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


# --- goods photos ------------------------------------------------------------------------


def picture(path: Path, color: str = "green") -> Path:
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


@pytest.fixture
def page(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = station_db
    shop = build_shop(db, data_dir, admin)
    widget = SupermarketPage(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    wait_tasks()
    return widget, shop


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def open_editor(qtbot, tab: GoodsTab, name: str) -> GoodsDialog:  # type: ignore[no-untyped-def]
    select(tab, name)
    qtbot.mouseClick(tab.action_buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = next(d for d in tab.findChildren(GoodsDialog) if d.isVisible())
    return dialog


def test_a_photo_chosen_for_goods_shows_on_the_counter_button(  # type: ignore[no-untyped-def]
    qtbot, page, data_dir, tmp_path, monkeypatch, wait_tasks
) -> None:
    widget, shop = page
    tab = widget.goods_tab
    assert tab is not None
    assert widget.counter.goods_button(shop.soap.id).icon().isNull()
    widget.tabs.setCurrentWidget(tab)
    wait_tasks()
    dialog = open_editor(qtbot, tab, "肥皂")
    assert dialog.preview.text() == "No photo" and not dialog.remove_photo_button.isEnabled()
    choose_file(monkeypatch, picture(tmp_path / "soap.png"))
    qtbot.mouseClick(dialog.choose_photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    )
    assert dialog.preview.pixmap().width() <= GoodsDialog.PREVIEW.width()
    assert dialog.remove_photo_button.isEnabled() and dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Goods saved.")
    wait_tasks()
    saved = {g.id: g for g in supermarket.list_goods(shop.db)}[shop.soap.id]
    assert saved.photo_path and (data_dir.photos / saved.photo_path).is_file()
    row = next(i for i, g in enumerate(tab.model.rows) if g.id == shop.soap.id)
    assert tab.model.index(row, GoodsModel.PHOTO).data() == "✓"

    widget.tabs.setCurrentWidget(widget.counter)  # the counter reloads its goods

    def has_icon() -> bool:
        button = widget.counter.goods_button(shop.soap.id)
        return button is not None and not button.icon().isNull()

    qtbot.waitUntil(has_icon)
    assert widget.counter.goods_button(shop.oil.id).icon().isNull()  # no photo, no icon
    assert saved.photo_path in widget.counter.thumbs


def test_a_refused_picture_keeps_the_photo_and_remove_drops_it(  # type: ignore[no-untyped-def]
    qtbot, tab, data_dir, tmp_path, monkeypatch, wait_tasks
) -> None:
    widget, shop = tab
    goods = supermarket.set_goods_photo(
        shop.db, shop.admin, data_dir.photos, shop.towel.id, picture(tmp_path / "t.jpg")
    )
    widget.reload()
    wait_tasks()
    dialog = open_editor(qtbot, widget, "毛巾")
    qtbot.waitUntil(
        lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    choose_file(monkeypatch, notes)
    qtbot.mouseClick(dialog.choose_photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Only pictures"))
    assert dialog.photo_source is None and dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.remove_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.text() == "No photo"
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.message.text() == "Goods saved.")
    wait_tasks()
    towel = {g.id: g for g in supermarket.list_goods(shop.db)}[shop.towel.id]
    assert towel.photo_path is None
    assert (data_dir.photos / str(goods.photo_path)).is_file()  # the file stays


def test_a_scanned_barcode_replaces_the_old_one_and_does_not_save_the_form(
    qtbot, tab, data_dir, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    widget, shop = tab
    dialog = GoodsDialog(page_context(shop.db, data_dir, settings, shop.admin), shop.oil, widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.barcode.text() == "6901234567890"
    qtbot.mouseClick(dialog.barcode, Qt.MouseButton.LeftButton)  # into the field, at its end
    qtbot.waitUntil(dialog.barcode.hasFocus)
    hid.scan("6901234567906")  # the scanner, to the focus widget, ending in Enter
    assert dialog.barcode.text() == "6901234567906"  # replaced, not appended
    assert dialog.isVisible() and dialog.result_value is None  # Enter did not save
    assert dialog.low.hasFocus()  # on to the next field
    wait_tasks()
    assert supermarket.find_goods_by_barcode(shop.db, "6901234567906") is None
    # a person's Enter in the field is still OK
    qtbot.mouseClick(dialog.barcode, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.barcode, Qt.Key.Key_Return)
    saved = supermarket.find_goods_by_barcode(shop.db, "6901234567906")
    assert saved is not None and saved.id == shop.oil.id
