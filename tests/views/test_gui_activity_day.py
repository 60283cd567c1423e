"""Done-when of issue 4: an activity day driven as a person (and a USB scanner) would.

The worker opens the kiosk from the activities page; ten volunteers and five
households scan in at scanner speed; a double read and a forged card; a person
typing a code by hand is not taken as a scan; sign-outs two hours later; the
kiosk is closed with the operator's password and the activity is closed (those
still present are signed out and flagged); the station head approves the hours
on the hours tab; hours and household points are checked through the
services; a 志愿服务记录证明 is issued, previewed, saved and read back with
``pdftotext``.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from gui_volunteer_fixtures import FakeClock, WallClock, build_station, page_context, scan, type_in
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import ScanEvent
from app.services import activities, households, volunteers
from app.services.volunteers import hours as service_hours
from app.views.activities import page as activities_module
from app.views.activities.page import ActivitiesPage
from app.views.kiosk.window import KioskWindow
from app.views.pdf_preview import open_previews
from app.views.volunteers.page import VolunteersPage
from tests.conftest import ADMIN_PASSWORD


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def events(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ScanEvent)) or 0


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 1)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_station(db, data_dir, admin)


def test_an_activity_day(  # type: ignore[no-untyped-def]
    qtbot, station, data_dir, settings, tmp_path, wait_tasks, monkeypatch
) -> None:
    db, admin = station.db, station.admin
    ctx = page_context(db, data_dir, settings, admin)
    monkeypatch.setattr(activities_module, "confirm", lambda *_a: True)
    day = station.day

    # 1. the activities page: the activity is in the month's list; open its kiosk
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    clock = FakeClock()
    wall = WallClock(datetime(day.year, day.month, day.day, 8, 55))
    page.kiosk_fullscreen = False
    page.kiosk_clock = clock
    page.kiosk_now = wall
    page.set_month(date(day.year, day.month, 1))
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1 and page.model.row_at(0) is not None)
    row = next(
        i for i in range(page.model.rowCount()) if page.model.row_at(i).id == station.activity.id
    )
    click_row(qtbot, page.view, row)
    qtbot.waitUntil(lambda: page.detail.buttons["kiosk"].isEnabled())
    assert page.detail.activity is not None and page.detail.activity.state == "planned"
    with qtbot.waitSignal(page.kiosk_opened, timeout=10_000) as opened:
        click(qtbot, page.detail.buttons["kiosk"])
    kiosk: KioskWindow = opened.args[0]
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: kiosk.card_key is not None and kiosk.counts is not None)
    assert activities.get_activity(db, station.activity.id).state == "open"
    assert kiosk.mode == "auto" and kiosk.status == "idle"
    assert kiosk.scan.hasFocus()
    assert not kiosk.scan.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    def scan_and_wait(code: str):  # type: ignore[no-untyped-def]
        with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
            scan(qtbot, kiosk.scan, clock, code)
        return shown.args[0]

    # 2. ten volunteers sign in (green, their name on the card)
    for v, card in zip(station.volunteers, station.volunteer_cards, strict=True):
        result = scan_and_wait(card)
        assert (result.status, result.action) == ("green", "sign_in"), result.reason
        assert kiosk.status == "green" and kiosk.person.text() == v.name
        assert kiosk.headline.text() == "Signed in"
        assert kiosk.scan.text() == ""
    # 3. five households: participation and +5 points each
    for card in station.household_cards:
        result = scan_and_wait(card)
        assert (result.status, result.action, result.points) == ("green", "household", 5)
    qtbot.waitUntil(lambda: kiosk.counts is not None and kiosk.counts.households == 5)
    assert (kiosk.counts.signed_in, kiosk.counts.present) == (10, 10)
    assert "Signed in: 10" in kiosk.counts_label.text()
    assert kiosk.sounds.played[-1] == "green"

    # 4. a double read: the earlier result again, nothing written
    before = events(db)
    result = scan_and_wait(station.household_cards[-1])  # a second after its first read
    assert result.duplicate and not result.wrote
    assert "nothing new was recorded" in kiosk.result_detail.text()
    assert events(db) == before
    # ...and a household scanned again later is amber, no second points
    wall.advance(seconds=30)
    result = scan_and_wait(station.household_cards[0])
    assert (result.status, result.reason) == ("amber", "household_repeat")
    assert kiosk.status == "amber"

    # 5. a forged card: red, recorded as a refused scan, nobody signed in
    card = station.volunteer_cards[0]
    forged = card[:-1] + ("A" if card[-1] != "A" else "B")
    result = scan_and_wait(forged)
    assert (result.status, result.reason) == ("red", "forged")
    assert kiosk.status == "red" and kiosk.headline.text() == "Not accepted"
    assert kiosk.sounds.played[-1] == "red"

    # 6. a person types a card's code by hand: not a scan, nothing written
    before = events(db)
    type_in(qtbot, kiosk.scan, clock, station.volunteer_cards[1])
    assert kiosk.hint.isVisible() and "typed, not scanned" in kiosk.hint.text()
    assert kiosk.scan.text() != ""
    wait_tasks()
    assert events(db) == before
    qtbot.keyClick(kiosk.scan, Qt.Key.Key_Escape)
    kiosk.scan.clear_input()

    # 7. two hours later: eight volunteers sign out in sign-out mode
    wall.advance(hours=2, minutes=5)
    click(qtbot, kiosk.mode_buttons["out"])
    assert kiosk.mode == "out" and kiosk.scan.hasFocus()
    for v, card in zip(station.volunteers[:8], station.volunteer_cards[:8], strict=True):
        result = scan_and_wait(card)
        assert (result.status, result.action) == ("green", "sign_out"), result.reason
        assert kiosk.person.text() == v.name
        assert "Today 2 h" in kiosk.result_detail.text()
    qtbot.waitUntil(lambda: kiosk.counts is not None and kiosk.counts.present == 2)
    # the recent-scans list shows what happened
    qtbot.waitUntil(
        lambda: (
            kiosk.recent.rowCount() >= 10
            and kiosk.recent.row_at(0).person_name == station.volunteers[7].name
        )
    )

    # 8. the kiosk closes only with the operator's password
    click(qtbot, kiosk.close_button)
    qtbot.waitUntil(lambda: kiosk.unlock_dialog is not None)
    dialog = kiosk.unlock_dialog
    assert dialog is not None and kiosk.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-password")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong password.")
    assert kiosk.isVisible()
    with qtbot.waitSignal(kiosk.closed, timeout=10_000):
        qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.kiosk is None)

    # 9. close the activity: the two still present are signed out, flagged
    qtbot.waitUntil(lambda: page.detail.buttons["close"].isEnabled())
    click(qtbot, page.detail.buttons["close"])
    qtbot.waitUntil(lambda: "2 still present were signed out" in page.detail.message.text())
    assert activities.get_activity(db, station.activity.id).state == "closed"
    stats = activities.activity_stats(db, station.activity.id)
    assert (stats.volunteers, stats.present, stats.households) == (10, 0, 5)

    # 10. the station head approves every pending record on the hours tab
    vpage = VolunteersPage(ctx)
    qtbot.addWidget(vpage)
    vpage.resize(1280, 800)
    vpage.show()
    vpage.tabs.setCurrentWidget(vpage.hours)
    tab = vpage.hours
    qtbot.waitUntil(lambda: tab.model.rowCount() == 10 and tab.model.row_at(9) is not None)
    flagged = [tab.model.row_at(i) for i in range(10) if tab.model.row_at(i).review_reason]
    assert len(flagged) == 2 and all("closed" in r.review_reason for r in flagged)
    tab.view.setFocus()
    tab.view.selectAll()
    click(qtbot, tab.buttons["approve"])
    qtbot.waitUntil(lambda: tab.message.text() == "10 records approved.")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)

    # 11. hours and points, by the services
    for v in station.volunteers[:8]:
        assert volunteers.get_volunteer(db, v.id).approved_minutes == 120  # 2 h 05 -> 2 h
    for v in station.volunteers[8:]:
        assert volunteers.get_volunteer(db, v.id).approved_minutes == 150  # to the end, 11:30
    for h in station.households:
        assert households.get_household(db, h.id).balance == 5
    assert service_hours.verify(db).ok

    # 12. a certificate: a period with no approved hours is refused, then issued
    vpage.tabs.setCurrentWidget(vpage.certificates)
    certs = vpage.certificates
    target = station.volunteers[0]
    certs.who.clear()
    qtbot.keyClicks(certs.who, target.number)
    qtbot.keyClick(certs.who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: certs.volunteer.count() == 1)
    certs.start.setDate(certs.start.date().addYears(-3))
    certs.end.setDate(certs.start.date().addDays(30))
    click(qtbot, certs.issue_button)
    qtbot.waitUntil(lambda: certs.issue_message.kind == "error")
    assert "has no approved service hours" in certs.issue_message.text()
    assert certs.model.rowCount() == 0
    certs.start.setDate(QDate(day.year, 1, 1))
    certs.end.setDate(QDate.currentDate())
    click(qtbot, certs.issue_button)
    qtbot.waitUntil(lambda: certs.issue_message.kind == "ok", timeout=15_000)
    issued = certs.last_issued
    assert issued is not None and issued.total_minutes == 120
    qtbot.waitUntil(lambda: certs.model.rowCount() == 1)
    previews = open_previews()
    assert previews and previews[-1].page_count() >= 1
    out = tmp_path / "certificate.pdf"
    previews[-1].save_to(out)
    text = pdf_text(out)
    for expected in (
        "志愿服务记录证明",
        issued.number,
        target.name,
        target.number,
        "党的创新理论宣讲进村",
        "东风村新时代文明实践站",
        "王建国",
    ):
        assert expected in text, expected
    assert issued.number.startswith(f"ZM-{date.today().year}-")
    assert "累计志愿服务时长 2 小时" in " ".join(text.split())
    full_id = station.id_numbers[0]
    assert full_id not in text and full_id[:3] + "*" in text  # the ID is masked on paper
    wait_tasks()
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "pdf_preview":
            widget.close()
