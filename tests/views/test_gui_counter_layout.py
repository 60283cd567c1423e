"""The counter's goods grid and cart at the sizes real stations have: the
button drawn at a point is the goods a click there adds, at every width."""

from __future__ import annotations

import pytest
from gui_points_fixtures import build_shop, page_context
from layout_check import widget_problems
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter, QWidget

from app.demo.points import GOODS
from app.services import supermarket
from app.services.supermarket import GoodsData
from app.views.supermarket.counter import CounterWidget
from app.views.tasks import default_runner

# (counter width, counter height): the counter in the main window maximised on
# 1366×768 with a taskbar, on 1024×768, and the widths of the report.
SIZES = [(1132, 574), (1230, 640), (1300, 640), (1366, 690), (810, 574)]


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def stock_goods(db, admin) -> None:  # type: ignore[no-untyped-def]
    """The demo station's goods, 50 of each in stock."""
    for i, (name, category, unit, price, _popularity) in enumerate(GOODS):
        goods = supermarket.create_goods(
            db, admin, GoodsData(name, price, category, unit, f"69398760{i:05d}")
        )
        supermarket.receive_stock(db, admin, goods.id, 50)


@pytest.fixture(autouse=True)
def app_look(qapp):  # type: ignore[no-untyped-def]
    """The application's style sheet and font, as on a station PC."""
    from app.views.application import create_application

    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    create_application([])
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.fixture
def counter(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = station_db
    shop = build_shop(db, data_dir, admin)
    stock_goods(db, admin)
    widget = CounterWidget(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.resize(1132, 574)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    widget.open_household(shop.rich.id)
    qtbot.waitUntil(lambda: widget.household is not None)
    return widget


def grid_rects(counter: CounterWidget) -> dict[str, QRect]:
    return {
        gid: QRect(b.mapTo(counter, QPoint(0, 0)), b.size())
        for gid, b in counter.goods_buttons.items()
    }


def assert_grid_laid_out(counter: CounterWidget, where: str) -> None:
    buttons = counter.goods_buttons
    assert len(buttons) == len(counter.goods), where
    rects = grid_rects(counter)
    items = list(rects.items())
    for button in buttons.values():
        assert button.isVisible(), (where, button.text())
        hint = button.minimumSizeHint()
        assert button.width() >= hint.width() and button.height() >= hint.height(), (
            where,
            button.text(),
            button.size(),
            hint,
        )
    for i, (a_id, a) in enumerate(items):
        for b_id, b in items[i + 1 :]:
            assert not a.intersects(b), (where, buttons[a_id].text(), a, buttons[b_id].text(), b)
    holder = counter.grid_holder
    bottom = max(r.bottom() for r in (b.geometry() for b in buttons.values()))
    assert holder.height() > bottom, (where, holder.height(), bottom)  # scrolls to the last


def click_at(qtbot, counter: CounterWidget, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A real click at *point* of the counter: Qt gives it to the widget there."""
    target = counter.childAt(point)
    assert target is not None
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(counter, point))


def set_goods_width(counter: CounterWidget, width: int) -> None:
    splitter = counter.findChild(QSplitter)
    assert splitter is not None
    sizes = splitter.sizes()
    rest = max(0, sum(sizes) - width)
    splitter.setSizes([rest // 2, width, rest - rest // 2])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_goods_under_the_pointer_is_the_goods_added(qtbot, counter, size) -> None:  # type: ignore[no-untyped-def]
    counter.resize(*size)
    settle(qtbot)
    where = f"{size}"
    assert_grid_laid_out(counter, where)
    for gid, button in list(counter.goods_buttons.items()):
        counter.grid_scroll.ensureWidgetVisible(button)
        settle(qtbot)
        centre = button.mapTo(counter, button.rect().center())
        click_at(qtbot, counter, centre)
        assert [(line.goods.id, line.qty) for line in counter.cart.lines] == [(gid, 1)], (
            where,
            button.text(),
        )
        qtbot.mouseClick(counter.remove_button, Qt.MouseButton.LeftButton)
        assert not counter.cart.lines
        settle(qtbot)
        assert_grid_laid_out(counter, f"{where} after adding and removing {button.text()}")


def test_every_goods_area_width_lays_the_grid_out(qtbot, counter) -> None:  # type: ignore[no-untyped-def]
    """Widths on both sides of each column boundary (where the scroll bar's width
    used to decide between two column counts)."""
    counter.resize(1900, 640)
    settle(qtbot)
    for width in range(262, 1240, 9):
        set_goods_width(counter, width)
        settle(qtbot)
        assert_grid_laid_out(counter, f"goods area {counter.goods_box.width()} px")
    # and at 1230 px, each button's centre is that button
    set_goods_width(counter, 1230)
    settle(qtbot)
    for button in counter.goods_buttons.values():
        counter.grid_scroll.ensureWidgetVisible(button)
        settle(qtbot)
        hit = counter.childAt(button.mapTo(counter, button.rect().center()))
        while hit is not None and not isinstance(hit, QPushButton):
            hit = hit.parentWidget()
        assert hit is button, button.text()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_cart_buttons_leave_the_cart_rows_visible(qtbot, counter, size) -> None:  # type: ignore[no-untyped-def]
    counter.resize(*size)
    settle(qtbot)
    first = next(iter(counter.goods_buttons.values()))
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert counter.cart.lines
    view = counter.cart_view
    row = view.visualRect(counter.cart.index(0, 0))
    row_top_left = view.viewport().mapTo(counter, row.topLeft())
    row_in_counter = QRect(row_top_left, row.size())
    assert view.viewport().rect().contains(row), (size, row, view.viewport().rect())
    for button in (counter.plus_button, counter.minus_button, counter.remove_button):
        rect = QRect(button.mapTo(counter, QPoint(0, 0)), button.size())
        assert not rect.intersects(row_in_counter), (size, button.text(), rect, row_in_counter)
        assert button.height() >= button.minimumSizeHint().height()
    view_rect = QRect(view.mapTo(counter, QPoint(0, 0)), view.size())
    for widget in (
        counter.plus_button,
        counter.total_label,
        counter.confirm_button,
        counter.cancel_button,
    ):
        rect = QRect(widget.mapTo(counter, QPoint(0, 0)), widget.size())
        assert not rect.intersects(view_rect), (size, type(widget).__name__, rect, view_rect)
        assert _inside(counter, widget), (size, widget.objectName())


def _inside(counter: QWidget, widget: QWidget) -> bool:
    rect = QRect(widget.mapTo(counter, QPoint(0, 0)), widget.size())
    return counter.rect().contains(rect)


@pytest.mark.parametrize(
    "area", [QRect(0, 0, 1366, 728), QRect(0, 0, 1024, 728)], ids=["1366x728", "1024x728"]
)
def test_the_counter_in_the_maximised_window(
    qtbot, station_db, data_dir, make_workbench, area
) -> None:  # type: ignore[no-untyped-def]
    """As the report: the main window maximised on a 768 px screen with a taskbar,
    the counter opened, goods clicked and removed — the grid stays whole."""
    from app.views import screen

    db, admin = station_db
    shop = build_shop(db, data_dir, admin)
    stock_goods(db, admin)
    screen.emulate_screen(QRect(0, 0, area.width(), 768), area)
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        window = bench.window
        assert window is not None and window.isVisible()
        settle(qtbot)
        # first at the old default size, then maximised, then the counter opened
        window.showNormal()
        window.setGeometry(2, 2, min(1200, area.width() - 4), 700)
        settle(qtbot)
        screen.show_maximized(window)
        settle(qtbot)
        page = window.show_page("supermarket")
        settle(qtbot)
        counter = page.counter  # type: ignore[attr-defined]
        assert counter.goods
        counter.open_household(shop.rich.id)
        qtbot.waitUntil(lambda: counter.household is not None)
        settle(qtbot)
        assert_grid_laid_out(counter, "maximised")
        for goods in list(counter.goods.values())[:3]:
            counter.add_goods(goods)
        settle(qtbot)
        problems = widget_problems(window)  # with a household and a cart: nothing cut
        assert not problems, "\n".join(problems)
        counter.cancel_checkout()
        counter.open_household(shop.rich.id)
        qtbot.waitUntil(lambda: counter.household is not None)
        # the person resizes the window with the counter open, then maximises again
        for width in range(900, area.width() + 1, 13):
            window.resize(width, window.height())
            settle(qtbot)
            assert_grid_laid_out(counter, f"window {width} px wide")
        screen.show_maximized(window)
        settle(qtbot)
        for width in range(250, 480, 3):  # the goods area, around two column boundaries
            set_goods_width(counter, width)
            settle(qtbot)
            assert_grid_laid_out(counter, f"goods area {counter.goods_box.width()} px")
        for button in list(counter.goods_buttons.values()):
            counter.grid_scroll.ensureWidgetVisible(button)
            settle(qtbot)
            gid = next(k for k, b in counter.goods_buttons.items() if b is button)
            click_at(qtbot, counter, button.mapTo(counter, button.rect().center()))
            assert [line.goods.id for line in counter.cart.lines] == [gid], button.text()
            qtbot.mouseClick(counter.remove_button, Qt.MouseButton.LeftButton)
            settle(qtbot)
            assert_grid_laid_out(counter, f"after {button.text()}")
    finally:
        screen.emulate_screen(None)
