"""服务点单 as a worker uses it on a 1366×768 screen: an order from 点单 to 评单,
clicked where the buttons are drawn, and the page and its dialogs fit 1366×768
and 1024×768."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_volunteer_fixtures import build_station
from layout_check import layout_problems
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.demo import station as demo
from app.models import RecordSource, ServiceRecord, ServiceRecordState
from app.paths import DataDir
from app.services import auth, orders
from app.services.orders import MenuItemData
from app.views import screen
from app.views.orders.menu import MenuDialog, MenuItemDialog
from app.views.orders.page import (
    CompleteDialog,
    DispatchDialog,
    NewOrderDialog,
    OrdersPage,
    RateDialog,
)
from app.views.tasks import default_runner

SCREEN = (QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_at(qtbot, window: QWidget, widget: QWidget, local: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """Click *window* where *widget* is drawn: whatever Qt finds there gets the click,
    so a button hidden under another widget or outside the window fails the test."""
    point = widget.mapTo(window, local if local is not None else widget.rect().center())
    assert window.rect().contains(point), (widget.objectName(), point)
    target = window.childAt(point)
    assert target is not None, widget.objectName()
    hit: QWidget | None = target
    while hit is not None and hit is not widget:
        hit = hit.parentWidget()
    assert hit is widget, (widget.objectName(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    st = build_station(db, data_dir, admin, n_volunteers=6)
    team = next(t for t in orders_teams(db) if t.member_count)
    orders.save_menu_item(db, admin, MenuItemData("生活服务", "上门理发", team_id=team.id))
    return st, team


def orders_teams(db):  # type: ignore[no-untyped-def]
    from app.services.volunteers import list_teams

    return list_teams(db)


@pytest.fixture
def window(qtbot, station, make_workbench) -> Iterator:  # type: ignore[no-untyped-def]
    st, _team = station
    screen.emulate_screen(*SCREEN)
    try:
        bench = make_workbench(st.db)
        bench.enter(st.admin)
        win = bench.window
        assert win is not None
        qtbot.waitExposed(win)
        settle(qtbot)
        assert SCREEN[1].contains(win.frameGeometry())  # the whole window is on the screen
        yield win
    finally:
        screen.emulate_screen(None)


def _dialog(qtbot, parent: QWidget, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(kind)))
    dialog = next(d for d in parent.findChildren(kind) if d.isVisible())
    qtbot.waitExposed(dialog)
    settle(qtbot)
    return dialog


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    click_at(qtbot, dialog, dialog.ok_button())
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.message.text()))
    assert not dialog.isVisible(), dialog.message.text()
    settle(qtbot)


def _dashboard(qtbot, window):  # type: ignore[no-untyped-def]
    """The home page's dashboard as it shows now (read anew when the page is shown)."""
    from app.views.home import HomePage

    home = window.show_page("home")
    assert isinstance(home, HomePage)
    home.dashboard = None
    home.reload()  # (showing it read it too: wait for a read that began after now)
    qtbot.waitUntil(lambda: home.dashboard is not None, timeout=15_000)
    settle(qtbot)
    return home.dashboard


def _state(page: OrdersPage) -> str:
    assert page.detail.order is not None
    return page.detail.order.row.state


def test_an_order_from_ordering_to_rating_by_clicks(  # type: ignore[no-untyped-def]
    qtbot, window, station, type_text, monkeypatch, tmp_path
) -> None:
    st, team = station
    before = _dashboard(qtbot, window)
    page = window.show_page("orders")
    assert isinstance(page, OrdersPage)
    settle(qtbot)

    # 点单: a walk-in asks for a haircut at home
    click_at(qtbot, window, page.new_button)
    new = _dialog(qtbot, page, NewOrderDialog)
    qtbot.waitUntil(lambda: new.service.count() == 1)
    radio = new.walk_in_choice  # on its round button, where a person clicks
    click_at(qtbot, new, radio, QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    click_at(qtbot, new, new.name)
    type_text(new.name, "赵大妈")
    click_at(qtbot, new, new.phone)
    type_text(new.phone, "13800005678")
    click_at(qtbot, new, new.request)
    type_text(new.request, "老人行动不便，请上门理发")
    _ok(qtbot, new)
    qtbot.waitUntil(lambda: page.detail.order is not None and page.model.total == 1)
    assert _state(page) == "pending"
    assert "DD-" in page.detail.title.text() and "138****5678" in page.detail.facts.text()

    # the row in the list is the order; choosing it shows it
    view = page.view
    click_at(qtbot, window, view.viewport(), view.visualRect(page.model.index(0, 2)).center())
    settle(qtbot)
    assert page.model.row_at(0).requester_name == "赵大妈"

    # 派单: to the menu's usual team, its first member ticked
    click_at(qtbot, window, page.detail.buttons["dispatch"])
    dispatch = _dialog(qtbot, page.detail, DispatchDialog)
    qtbot.waitUntil(lambda: dispatch.people.count() > 0)
    assert dispatch.team.currentData() == team.id
    first = dispatch.people.item(0)
    click_at(
        qtbot, dispatch, dispatch.people.viewport(), dispatch.people.visualItemRect(first).center()
    )
    qtbot.keyClick(dispatch.people, Qt.Key.Key_Space)
    assert first.checkState() == Qt.CheckState.Checked
    sent_id = dispatch.people.checked_ids()
    _ok(qtbot, dispatch)
    qtbot.waitUntil(lambda: _state(page) == "dispatched")
    assert page.detail.buttons["dispatch"].text().replace("&", "") == "Re-dispatch…"

    # 接单
    click_at(qtbot, window, page.detail.buttons["accept"])
    qtbot.waitUntil(lambda: _state(page) == "accepted")
    settle(qtbot)

    # 结项: a report and 1.5 h
    click_at(qtbot, window, page.detail.buttons["complete"])
    done = _dialog(qtbot, page.detail, CompleteDialog)
    assert done.people.checked_ids() == sent_id
    click_at(qtbot, done, done.report)
    type_text(done.report, "已上门理发，老人满意")
    click_at(qtbot, done, done.hours)
    done.hours.selectAll()
    qtbot.keyClicks(done.hours, "1.5")
    # a photo of the service, chosen in the file dialog (answered here as the person would)
    from PIL import Image

    shot = tmp_path / "理发.jpg"
    Image.new("RGB", (320, 240), "orange").save(shot, "JPEG")
    monkeypatch.setattr("app.views.files.open_file_names", lambda *_a: [str(shot)])
    click_at(qtbot, done, done.photos_button)
    assert "理发.jpg" in done.photos_label.text()
    _ok(qtbot, done)
    qtbot.waitUntil(lambda: _state(page) == "completed")
    qtbot.waitUntil(lambda: page.detail.photo_model.rowCount() == 1)
    settle(qtbot)
    assert page.detail.photos_box.isVisible()
    assert not page.detail.photo_model.item(0).icon().isNull()  # its thumbnail is drawn

    # 评单: four stars and a comment
    click_at(qtbot, window, page.detail.buttons["rate"])
    rate = _dialog(qtbot, page.detail, RateDialog)
    rate.stars.setFocus()
    qtbot.keyClick(rate.stars, Qt.Key.Key_Down)  # ★★★★★ → ★★★★☆
    click_at(qtbot, rate, rate.comment)
    type_text(rate.comment, "很耐心")
    _ok(qtbot, rate)
    qtbot.waitUntil(lambda: _state(page) == "rated")
    settle(qtbot)

    detail = page.detail.order
    assert detail is not None and detail.row.rating == 4 and detail.comment == "很耐心"
    assert [e.action for e in detail.history] == [
        "create",
        "dispatch",
        "accept",
        "complete",
        "rate",
    ]
    assert page.detail.history.rowCount() == 5
    steps = {k for k, b in page.detail.buttons.items() if b.isEnabled()}
    assert steps == {"slip", "receipt"}  # nothing more to do but print
    with st.db.read() as s:
        records = s.execute(
            select(ServiceRecord.volunteer_id, ServiceRecord.minutes, ServiceRecordState.status)
            .join(ServiceRecordState, ServiceRecordState.record_id == ServiceRecord.id)
            .where(ServiceRecord.source == RecordSource.ORDER.value)
        ).all()
    assert records == [(sent_id[0], 90, "pending")]

    # 首页: the order was open and is closed now; its 1.5 h wait for approval there
    after = _dashboard(qtbot, window)
    assert after.orders.open == before.orders.open
    assert after.pending_minutes == before.pending_minutes + 90
    assert after.pending_records == before.pending_records + 1
    window.show_page("orders")
    settle(qtbot)

    # the 服务回执 opens in the preview
    click_at(qtbot, window, page.detail.buttons["receipt"])
    qtbot.waitUntil(lambda: page.detail.preview is not None)
    assert page.detail.last_pdf.startswith(b"%PDF-")
    page.detail.preview.close()


def test_an_illegal_step_cannot_be_clicked_and_a_refusal_is_shown(  # type: ignore[no-untyped-def]
    qtbot, window, station
) -> None:
    st, _team = station
    item = orders.list_menu(st.db)[0]
    made = orders.create_order(
        st.db, st.admin, orders.OrderRequest(item.id, "修理", name="钱大爷", phone="13900001111")
    )
    page = window.show_page("orders")
    settle(qtbot)
    page.detail.show_order(made.row.id)
    qtbot.waitUntil(lambda: page.detail.order is not None)
    enabled = {k for k, b in page.detail.buttons.items() if b.isEnabled()}
    assert enabled == {"dispatch", "reject"}
    # another worker rejected it meanwhile: the dispatch is refused, inline
    orders.reject(st.db, st.admin, made.row.id, "不在服务范围")
    click_at(qtbot, window, page.detail.buttons["dispatch"])
    dispatch = _dialog(qtbot, page.detail, DispatchDialog)
    qtbot.waitUntil(lambda: dispatch.people.count() > 0)
    dispatch.people.item(0).setCheckState(Qt.CheckState.Checked)
    click_at(qtbot, dispatch, dispatch.ok_button())
    qtbot.waitUntil(lambda: "not possible" in dispatch.message.text())
    assert dispatch.isVisible()
    dispatch.reject()


@pytest.fixture
def demo_station(tmp_path):  # type: ignore[no-untyped-def]
    data_dir = DataDir(tmp_path / "demo").ensure()
    db = demo.create_demo_station(
        data_dir,
        size=demo.DemoSize(
            households=20,
            volunteers=12,
            activities=4,
            ledger_entries=100,
            redemptions=5,
            scan_events=20,
        ),
    )
    admin = next(o for o in auth.list_operators(db, auth.SYSTEM) if o.role.value == "admin")
    yield db, auth.Actor(admin.id, admin.username, admin.display_name, admin.role)
    db.dispose()


@pytest.mark.parametrize("width", [1366, 1024])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_page_and_its_dialogs_fit_the_screen(  # type: ignore[no-untyped-def]
    qtbot, qapp, demo_station, make_workbench, width, lang
) -> None:
    from app.translations import install_translators
    from app.views.application import create_application

    db, admin = demo_station
    area = QRect(0, 0, width, 728)
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    create_application([])  # the application's style and font, as at the station
    install_translators(qapp, lang)
    screen.emulate_screen(QRect(0, 0, width, 768), area)
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        win = bench.window
        assert win is not None
        qtbot.waitExposed(win)
        page = win.show_page("orders")
        settle(qtbot)
        qtbot.waitUntil(lambda: page.model.total == 30)
        rated = next(
            i
            for i in range(page.model.total)
            if page.model.row_at(i) and page.model.row_at(i).state == "rated"
        )
        page.view.selectRow(rated)
        qtbot.waitUntil(lambda: page.detail.order is not None)
        settle(qtbot)
        problems = layout_problems(win, area)
        assert page.detail.history.rowCount() >= 5
        page.new_order()
        dialog = _dialog(qtbot, page, NewOrderDialog)
        problems += layout_problems(dialog, area)
        dialog.reject()
        pending = next(
            i for i in range(page.model.total) if page.model.row_at(i).state == "accepted"
        )
        page.view.selectRow(pending)
        qtbot.waitUntil(lambda: page.detail.order is not None and _state(page) == "accepted")
        for key, kind in (("dispatch", DispatchDialog), ("complete", CompleteDialog)):
            page.detail.buttons[key].click()
            d = _dialog(qtbot, page.detail, kind)
            problems += layout_problems(d, area)
            d.reject()
        page.menu_button.click()
        menu = _dialog(qtbot, page, MenuDialog)
        qtbot.waitUntil(lambda: menu.model.rowCount() > 0)
        problems += layout_problems(menu, area)
        menu.buttons["add"].click()
        item = _dialog(qtbot, menu, MenuItemDialog)
        problems += layout_problems(item, area)
        item.reject()
        menu.reject()
        assert not problems, "\n".join(problems)
    finally:
        screen.emulate_screen(None)
        install_translators(qapp, "en")
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setFont(font)


def test_a_resident_is_picked_from_the_register(qtbot, window, station, type_text) -> None:  # type: ignore[no-untyped-def]
    from app.views.resident_picker import ResidentPicker

    page = window.show_page("orders")
    settle(qtbot)
    click_at(qtbot, window, page.new_button)
    new = _dialog(qtbot, page, NewOrderDialog)
    qtbot.waitUntil(lambda: new.service.count() == 1)
    assert new.resident_choice.isChecked() and not new.name.isEnabled()
    click_at(qtbot, new, new.pick)
    picker = _dialog(qtbot, new, ResidentPicker)
    type_text(picker.search, "孙建国")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    click_at(qtbot, picker, picker.buttons.button(picker.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert new.resident_label.text().startswith("孙建国")
    _ok(qtbot, new)
    qtbot.waitUntil(lambda: page.detail.order is not None)
    order = page.detail.order
    assert order.row.requester_name == "孙建国" and order.household_number == "001"
    assert "household 001" in page.detail.facts.text()


def test_the_menu_is_edited_by_clicks(qtbot, window, station, type_text) -> None:  # type: ignore[no-untyped-def]
    """Add a service, change what it is, take it out of use: the new-order list follows."""
    st, _team = station
    page = window.show_page("orders")
    settle(qtbot)
    click_at(qtbot, window, page.menu_button)
    menu = _dialog(qtbot, page, MenuDialog)
    qtbot.waitUntil(lambda: menu.model.rowCount() == 1)
    click_at(qtbot, menu, menu.buttons["add"])
    item = _dialog(qtbot, menu, MenuItemDialog)
    click_at(qtbot, item, item.category.lineEdit())
    type_text(item.category.lineEdit(), "医疗健康")
    click_at(qtbot, item, item.name)
    type_text(item.name, "量血压")
    _ok(qtbot, item)
    qtbot.waitUntil(lambda: menu.model.rowCount() == 2)
    assert "量血压" in menu.message.text()
    chosen = menu.current()
    assert chosen is not None and chosen.name == "量血压"  # the new service is selected

    click_at(qtbot, menu, menu.buttons["change"])
    item = _dialog(qtbot, menu, MenuItemDialog)
    assert item.name.text() == "量血压" and item.category.currentText() == "医疗健康"
    click_at(qtbot, item, item.description)
    type_text(item.description, "每周二上门")
    _ok(qtbot, item)
    qtbot.waitUntil(lambda: (menu.current() or chosen).description == "每周二上门")

    click_at(qtbot, menu, menu.buttons["toggle"])
    qtbot.waitUntil(lambda: "out of use" in menu.message.text())
    settle(qtbot)
    menu_now = {i.name: i.active for i in orders.list_menu(st.db, active_only=False)}
    assert menu_now == {"上门理发": True, "量血压": False}
    assert [i.name for i in orders.list_menu(st.db)] == ["上门理发"]  # no longer offered
    assert menu.buttons["toggle"].text().replace("&", "") == "Back in use"
    menu.reject()


def test_a_resident_orders_by_scanning_their_household_card(  # type: ignore[no-untyped-def]
    qtbot, window, station, type_text
) -> None:
    """The scanner's keys (Shift for capitals and ':') into the order dialog name the
    household's head; a forged card is refused with a message and names nobody."""
    import hid

    st, _team = station
    page = window.show_page("orders")
    settle(qtbot)
    click_at(qtbot, window, page.new_button)
    new = _dialog(qtbot, page, NewOrderDialog)
    qtbot.waitUntil(lambda: new.service.count() == 1)
    card = st.household_cards[1]
    forged = card[:-3] + ("AAA" if not card.endswith("AAA") else "BBB")
    click_at(qtbot, new, new.card)
    hid.scan(forged)  # to the focus widget, as the hardware does
    qtbot.waitUntil(lambda: bool(new.message.text()))
    assert new.resident is None and new.card.text() == ""
    assert "altered" in new.message.text()  # the card resolver's own refusal
    hid.scan(card)
    home = st.households[1]
    qtbot.waitUntil(lambda: new.resident is not None)
    assert new.resident.household_number == home.number
    assert new.resident_label.text() == f"{new.resident.name} · {home.number}"
    click_at(qtbot, new, new.request)
    type_text(new.request, "请上门理发")
    _ok(qtbot, new)
    qtbot.waitUntil(lambda: page.detail.order is not None)
    assert page.detail.order.row.requester_name == new.resident.name
    assert page.detail.order.household_number == home.number
