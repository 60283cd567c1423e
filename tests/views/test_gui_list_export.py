"""导出 Excel… and 打印… of the lists as a worker uses them on a 1366×768 screen:
the buttons clicked where they are drawn in the main window, the file read back
with openpyxl and the preview's PDF with ``pdftotext``."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services import orders, supermarket
from app.services.households import HouseholdData, MemberData, create_household
from app.services.orders import MenuItemData, OrderRequest
from app.services.supermarket import GoodsData
from app.views import files, screen
from app.views.orders.page import OrdersPage
from app.views.pdf_preview import PdfPreviewDialog
from app.views.points.households_page import HouseholdsPage
from app.views.supermarket.page import SupermarketPage
from app.views.tasks import default_runner

SCREEN = (QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
PHONE = "13812345678"


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_at(qtbot, window: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click *window* where *widget* is drawn; a covered or clipped button fails."""
    point: QPoint = widget.mapTo(window, widget.rect().center())
    assert window.rect().contains(point), (widget.objectName(), point)
    target = window.childAt(point)
    hit: QWidget | None = target
    while hit is not None and hit is not widget:
        hit = hit.parentWidget()
    assert target is not None and hit is widget, (widget.objectName(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", "", out)


def preview_of(qtbot, parent: QWidget) -> PdfPreviewDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in parent.findChildren(PdfPreviewDialog)), timeout=20_000
    )
    return next(d for d in parent.findChildren(PdfPreviewDialog) if d.isVisible())


@pytest.fixture
def window(qtbot, station_db, make_workbench) -> Iterator:  # type: ignore[no-untyped-def]
    db, admin = station_db
    for number, head, group in (("001", "张三", "第一组"), ("002", "李四", "第二组")):
        create_household(
            db, admin, HouseholdData(number=number, group_name=group, phone=PHONE), MemberData(head)
        )
    at = datetime(2026, 11, 2, 9, 0)
    item = orders.save_menu_item(db, admin, MenuItemData(category="生活服务", name="上门理发"))
    for name in ("赵大妈", "钱大爷"):
        orders.create_order(
            db,
            admin,
            OrderRequest(item_id=item.id, request="理发", name=name, phone=PHONE, received_at=at),
        )
    oil = supermarket.create_goods(db, admin, GoodsData("食用油", 20, "粮油", "桶"))
    for n in range(1, 4):
        supermarket.receive_stock(db, admin, oil.id, n, reference=f"发票{n:03d}")
    screen.emulate_screen(*SCREEN)
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        win = bench.window
        assert win is not None
        qtbot.waitExposed(win)
        settle(qtbot)
        yield win
    finally:
        screen.emulate_screen(None)


def test_the_households_list_by_group_to_excel_and_paper(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, monkeypatch
) -> None:
    page = window.show_page("households")
    assert isinstance(page, HouseholdsPage)
    tab = page.households
    settle(qtbot)
    qtbot.waitUntil(lambda: tab.group.findData("第二组") > 0)
    tab.group.setCurrentIndex(tab.group.findData("第二组"))
    qtbot.waitUntil(lambda: tab.model.total == 1 and not tab.model.loading)
    target = tmp_path / "户籍.xlsx"
    monkeypatch.setattr(files, "save_file_name", lambda *_a, **_k: str(target))
    click_at(qtbot, window, tab.lists.export_button)
    qtbot.waitUntil(lambda: "exported" in tab.message.text(), timeout=20_000)
    assert str(target) in tab.message.text()
    rows = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert [r[:4] for r in rows[1:]] == [("002", "李四", "第二组", "138****5678")]

    click_at(qtbot, window, tab.lists.print_button)
    preview = preview_of(qtbot, window)
    assert preview.page_count() == 1
    text = pdf_text(preview.data, tmp_path)
    assert "户籍清单" in text and "村民小组：第二组" in text and "李四" in text
    assert "张三" not in text and PHONE not in text
    preview.close()


def test_the_orders_list_and_a_stock_history_by_clicks(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, monkeypatch
) -> None:
    page = window.show_page("orders")
    assert isinstance(page, OrdersPage)
    settle(qtbot)
    qtbot.waitUntil(lambda: page.count_label.text() == "2 orders")
    target = tmp_path / "点单.xlsx"
    monkeypatch.setattr(files, "save_file_name", lambda *_a, **_k: str(target))
    click_at(qtbot, window, page.lists.export_button)
    qtbot.waitUntil(lambda: "exported" in page.message.text(), timeout=20_000)
    rows = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert sorted(r[4] for r in rows[1:]) == sorted(["赵大妈", "钱大爷"])
    assert {r[5] for r in rows[1:]} == {"138****5678"}
    click_at(qtbot, window, page.lists.print_button)
    preview = preview_of(qtbot, window)
    text = pdf_text(preview.data, tmp_path)
    assert "服务点单清单" in text and "赵大妈" in text and "待处理" in text
    assert PHONE not in text
    preview.close()

    market = window.show_page("supermarket")
    assert isinstance(market, SupermarketPage)
    goods = market.goods_tab
    market.tabs.setCurrentWidget(goods)
    settle(qtbot)
    qtbot.waitUntil(lambda: goods.proxy.rowCount() == 1)
    goods.view.selectRow(0)
    click_at(qtbot, window, goods.action_buttons["history"])
    qtbot.waitUntil(lambda: goods.history is not None and goods.history[0].isVisible())
    assert goods.history is not None
    dialog, lists = goods.history
    qtbot.waitExposed(dialog)
    click_at(qtbot, dialog, lists.print_button)
    preview = preview_of(qtbot, dialog)
    text = pdf_text(preview.data, tmp_path)
    assert "库存流水：食用油" in text and "发票001" in text and "发票003" in text
    preview.close()
    dialog.close()
