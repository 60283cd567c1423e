"""Done-when of issue 12 (志愿者积分银行): a day of kiosk hours approved on the hours
tab earns points for a resident volunteer's household and on an outside volunteer's
own account; the outside volunteer redeems at the counter by scanning the volunteer
card (a USB scanner's key burst); a correction of one record's hours writes the
compensating entry, seen in the household's ledger at the counter."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import hid
import pytest
from gui_points_fixtures import FakeClock
from gui_volunteer_fixtures import build_station, page_context
from PySide6.QtCore import Qt

from app.services import activities, checks, households, points, policy, supermarket, volunteers
from app.services.supermarket import GoodsData
from app.services.volunteers import VolunteerData, bank, kiosk
from app.services.volunteers import hours as service_hours
from app.views.pdf_preview import open_previews
from app.views.points.options import SLIP_FOLDER, SLIP_OUTPUT, SLIP_PAGE
from app.views.supermarket.counter import CounterWidget
from app.views.volunteers.hours_page import CorrectionDialog
from app.views.volunteers.page import VolunteersPage


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_station(db, data_dir, admin, n_volunteers=2)


def test_a_day_of_hours_earns_points_redeemed_by_card_then_corrected(  # type: ignore[no-untyped-def]
    qtbot, station, data_dir, settings, tmp_path, wait_tasks, type_text
) -> None:
    db, admin, key = station.db, station.admin, station.card_key
    policy.set_points_policy(
        db, admin, replace(policy.get_points_policy(db), service_points_per_hour=10)
    )
    home = households.get_household(db, station.households[0].id)
    resident = volunteers.create_volunteer(
        db, admin, VolunteerData(name="王芳", member_id=home.members[0].id)
    )
    resident_card = volunteers.issue_volunteer_card(db, admin, key, resident.id).payload
    outsider, outsider_card = station.volunteers[1], station.volunteer_cards[1]
    soap = supermarket.create_goods(db, admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(db, admin, soap.id, 10)

    # 1. the kiosk day: both sign in at 9:00 and out at 11:05 (counted 2 h)
    activity = station.activity
    activities.open_activity(db, admin, activity.id)
    day = station.day
    t_in, t_out = datetime.combine(day, datetime.min.time()).replace(hour=9), None
    t_out = t_in.replace(hour=11, minute=5)
    for card in (resident_card, outsider_card):
        assert kiosk.scan(db, admin, key, activity.id, card, "in", t_in).action == "sign_in"
    for card in (resident_card, outsider_card):
        assert kiosk.scan(db, admin, key, activity.id, card, "out", t_out).action == "sign_out"

    # 2. the station head approves the day on the hours tab
    ctx = page_context(db, data_dir, settings, admin)
    vpage = VolunteersPage(ctx)
    qtbot.addWidget(vpage)
    vpage.resize(1280, 800)
    vpage.show()
    vpage.tabs.setCurrentWidget(vpage.hours)
    tab = vpage.hours
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2 and tab.model.row_at(1) is not None)
    records = {tab.model.row_at(i).volunteer_id: tab.model.row_at(i) for i in range(2)}
    tab.view.setFocus()
    tab.view.selectAll()
    click(qtbot, tab.buttons["approve"])
    qtbot.waitUntil(lambda: tab.message.text() == "2 records approved.")
    wait_tasks()

    # 3. the points: on the household (named by the member) and on the own account
    assert points.balance(db, home.id) == 20
    with db.read() as s:
        own_id = bank.account_household_id(s, outsider.id)
        assert bank.account_household_id(s, resident.id) is None
    assert own_id is not None and points.balance(db, own_id) == 20

    # 4. the outside volunteer redeems at the counter: the volunteer card, scanned
    settings.set(SLIP_OUTPUT, "folder")
    settings.set(SLIP_FOLDER, str(tmp_path / "slips"))
    settings.set(SLIP_PAGE, "A4")
    clock = FakeClock()
    counter = CounterWidget(page_context(db, data_dir, settings, admin), clock=clock)
    qtbot.addWidget(counter)
    counter.resize(1200, 760)
    counter.show()
    qtbot.waitExposed(counter)
    wait_tasks()
    qtbot.waitUntil(counter.scan.hasFocus, timeout=2_000)
    hid.scan(outsider_card, clock=clock)
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household is not None and counter.household.id == own_id
    assert counter.balance_label.text() == "Balance: 20 points"
    soap_button = counter.goods_button(soap.id)
    assert soap_button is not None
    click(qtbot, soap_button)
    click(qtbot, soap_button)
    with qtbot.waitSignal(counter.redeemed, timeout=10_000) as done:
        qtbot.keyClick(counter.scan, Qt.Key.Key_Return)
    assert (done.args[0].total_points, done.args[0].balance_after) == (6, 14)
    wait_tasks()
    assert (tmp_path / "slips" / f"{done.args[0].number}.pdf").is_file()
    assert [g.on_hand for g in supermarket.list_goods(db, query="肥皂")] == [8]

    # 5. the resident's record corrected to 1 h: the compensating entry, then 10 points
    dialog = CorrectionDialog(ctx, records[resident.id])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_hours.setValue(1.0)
    type_text(dialog.reason, "签退时间记错")
    click(qtbot, dialog.ok_button())
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert points.balance(db, home.id) == 10
    counter.activateWindow()  # back at the counter: its scan field takes the scanner
    counter.scan.setFocus()
    qtbot.waitUntil(counter.scan.hasFocus, timeout=2_000)
    hid.scan(station.household_cards[0], clock=clock)
    qtbot.waitUntil(lambda: counter.household is not None and counter.household.id == home.id)
    qtbot.waitUntil(lambda: counter.entries_model.rowCount() >= 3)
    shown = [counter.entries_model.entry_at(i) for i in range(3)]
    assert [(e.kind, e.points) for e in shown] == [("earn", 10), ("reverse", -20), ("earn", 20)]
    assert shown[1].reverses_id == shown[2].id
    assert all(e.member_name == home.members[0].name for e in shown)
    assert all(e.rule_name == activity.title for e in shown)
    item = counter.entries_model.index(1, counter.entries_model.ITEM).data()
    assert activity.title in item and home.members[0].name in item
    kinds = [counter.entries_model.index(r, counter.entries_model.KIND).data() for r in range(3)]
    assert kinds == ["Volunteer service", "Reversal", "Volunteer service"]

    # 6. the 积分银行 tab of the outside volunteer's file, and the statement PDF
    vpage.tabs.setCurrentWidget(vpage.volunteers)
    detail = vpage.volunteers.detail
    detail.show_volunteer(outsider.id)
    qtbot.waitUntil(lambda: detail.volunteer is not None and detail.bank.rowCount() == 2)
    assert detail.bank_summary.text() == (
        f"Own points account {outsider.number}: 2 h of service earned 20 points; "
        "6 redeemed; balance 14."
    )
    assert [detail.bank.index(r, 4).data() for r in range(2)] == ["+20", "-6"]
    with qtbot.waitSignal(detail.statement_shown, timeout=10_000):
        click(qtbot, detail.buttons["statement"])
    (preview,) = open_previews()
    assert detail.last_statement_pdf.startswith(b"%PDF")
    preview.close()

    # 7. the books balance: check --full
    assert [(r.name, r.problems) for r in checks.run_checks(db, full=True) if not r.ok] == []
    assert service_hours.verify(db).ok
