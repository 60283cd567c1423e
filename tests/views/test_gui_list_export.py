"""导出 Excel… and 打印… of the lists as a worker uses them on a 1366×768 screen:
the buttons clicked where they are drawn in the main window, the file read back
with openpyxl and the preview's PDF with ``pdftotext``."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services import activities, households, orders, points, supermarket, volunteers
from app.services.activities import ActivityData
from app.services.households import HouseholdData, MemberData, create_household
from app.services.keys import card_key
from app.services.orders import MenuItemData, OrderRequest
from app.services.supermarket import GoodsData
from app.services.volunteers import VolunteerData, certificates
from app.services.volunteers import hours as service_hours
from app.views import files, screen
from app.views.orders.page import OrdersPage
from app.views.pdf_preview import PdfPreviewDialog
from app.views.points.households_page import HouseholdsPage
from app.views.supermarket.page import SupermarketPage
from app.views.tasks import default_runner
from app.views.volunteers.page import VolunteersPage

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
def window(qtbot, station_db, data_dir, make_workbench) -> Iterator:  # type: ignore[no-untyped-def]
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
    today = date.today()
    volunteer = volunteers.create_volunteer(db, admin, VolunteerData(name="孙八", phone=PHONE))
    done = service_hours.add_manual_record(db, admin, volunteer.id, today, 120, "清扫村道", "补录")
    service_hours.approve(db, admin, [done.id])
    service_hours.add_manual_record(db, admin, volunteer.id, today, 60, "理论宣讲", "补录")
    certificates.issue_service_record(
        db, admin, card_key(data_dir.keys), volunteer.id, today.replace(month=1, day=1), today
    )
    start = datetime.combine(today, datetime.min.time()).replace(hour=8)
    activities.create_activity(
        db,
        admin,
        ActivityData(
            title="文明实践进万家",
            category="丰富活跃文化生活",
            starts_at=start,
            ends_at=start.replace(hour=10),
        ),
    )
    first = households.search(db, "张三", 5)[0]
    points.adjust(db, admin, first.id, 30, "好人好事")
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


def click_tab(qtbot, window: QWidget, tabs, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    bar = tabs.tabBar()
    index = tabs.indexOf(widget)
    point = bar.mapTo(window, bar.tabRect(index).center())
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.mapFrom(window, point))
    assert tabs.currentWidget() is widget
    settle(qtbot)


def test_hours_certificates_activities_and_the_ranking_by_clicks(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, monkeypatch
) -> None:
    sheets: list[Path] = []

    def answer(*_a, **_k) -> str:  # type: ignore[no-untyped-def]
        sheets.append(tmp_path / f"{len(sheets)}.xlsx")
        return str(sheets[-1])

    monkeypatch.setattr(files, "save_file_name", answer)

    def export(button: QWidget, message) -> list[tuple]:  # type: ignore[no-untyped-def]
        before = len(sheets)
        click_at(qtbot, window, button)
        qtbot.waitUntil(
            lambda: len(sheets) > before and "exported" in message.text(), timeout=20_000
        )
        return list(
            load_workbook(sheets[-1], read_only=True).worksheets[0].iter_rows(values_only=True)
        )

    page = window.show_page("volunteers")
    assert isinstance(page, VolunteersPage)
    settle(qtbot)
    click_tab(qtbot, window, page.tabs, page.hours)
    qtbot.waitUntil(lambda: page.hours.model.total == 1 and not page.hours.model.loading)
    rows = export(page.hours.lists.export_button, page.hours.message)
    assert [(r[2], r[3], r[7]) for r in rows[1:]] == [("孙八", "理论宣讲（补录）", "待审核")]

    click_tab(qtbot, window, page.tabs, page.certificates)
    click_at(qtbot, window, page.certificates.lists.print_button)
    preview = preview_of(qtbot, window)
    text = pdf_text(preview.data, tmp_path)
    assert "志愿服务证明登记簿" in text and "孙八" in text and "有效" in text
    preview.close()

    acts = window.show_page("activities")
    settle(qtbot)
    rows = export(acts.lists.export_button, acts.message)  # type: ignore[attr-defined]
    assert [r[1] for r in rows[1:]] == ["文明实践进万家"]

    points_page = window.show_page("households")
    assert isinstance(points_page, HouseholdsPage)
    click_tab(qtbot, window, points_page.tabs, points_page.periods)
    periods = points_page.periods
    periods.rank_period.setCurrentText(str(date.today().year))
    rows = export(periods.rank_lists.export_button, periods.message)
    assert (rows[1][0], rows[1][1], rows[1][4]) == (1, "001", 30)
    assert rows[1][2] in ("张三", "张*")  # as the notice-board setting masks names
