"""The volunteers page: search while typing, the team filter, a scanned card, the
lazy list, the volunteer form's inline checks, cards and their reissue, and the
page registration."""

from __future__ import annotations

import subprocess
import sys

import pytest
from gui_volunteer_fixtures import FakeClock, build_station, page_context, scan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import Card
from app.services import cards, volunteers
from app.views.pages import page_spec
from app.views.pdf_preview import open_previews
from app.views.volunteers import page as volunteers_module
from app.views.volunteers.page import VolunteersPage


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_station(db, data_dir, admin)


@pytest.fixture
def page(qtbot, station, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    widget = VolunteersPage(page_context(station.db, data_dir, settings, station.admin))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    return widget


def names(tab) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The names listed, or None while a page is still on its way."""
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    return None if None in rows else [r.name for r in rows]


def test_search_while_typing_and_the_team_filter(qtbot, page, station, type_text) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.count_label.text() == "10 volunteers")
    assert tab.model.row_at(0).phone_masked == "138****5601"  # masked
    # pinyin initials, typed (no Enter: the list follows the typing)
    qtbot.keyClicks(tab.search, "zw")
    qtbot.waitUntil(lambda: names(tab) == ["张伟"])
    # a Chinese name through the input method (it is on in this field)
    assert tab.search.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    tab.search.clear()
    type_text(tab.search, "王")
    qtbot.waitUntil(lambda: names(tab) == ["王芳"])
    # the phone's last four digits
    tab.search.clear()
    qtbot.keyClicks(tab.search, "1234")
    qtbot.waitUntil(lambda: sorted(names(tab) or []) == sorted(["李娜", "黄勇"]))
    # the volunteer number
    tab.search.clear()
    qtbot.keyClicks(tab.search, station.volunteers[3].number)
    qtbot.waitUntil(lambda: names(tab) == [station.volunteers[3].name])
    # the team filter combines with the text
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.count_label.text() == "10 volunteers")
    team = tab.team.findText("理论宣讲志愿服务队")
    assert team > 0
    tab.team.setCurrentIndex(team)
    expected = {station.volunteers[i].name for i in (0, 3, 6, 9)}
    qtbot.waitUntil(lambda: set(names(tab) or []) == expected)


def test_a_scanned_card_finds_its_volunteer(qtbot, page, station) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    clock = FakeClock()
    tab.search._clock = clock  # the scanner's timing
    qtbot.mouseClick(tab.search, Qt.MouseButton.LeftButton)  # into the search box
    scan(qtbot, tab.search, clock, station.volunteer_cards[4])
    qtbot.waitUntil(lambda: names(tab) == [station.volunteers[4].name])
    assert tab.count_label.text() == "1 found by card"
    qtbot.waitUntil(lambda: page.volunteers.detail.volunteer is not None)
    assert page.volunteers.detail.volunteer.id == station.volunteers[4].id
    # a forged card finds nobody
    card = station.volunteer_cards[4]
    scan(qtbot, tab.search, clock, card[:-1] + ("A" if card[-1] != "A" else "B"))
    qtbot.waitUntil(lambda: tab.message.kind == "error")
    assert tab.model.rowCount() == 0


def test_a_revoked_card_is_refused_with_its_reason(qtbot, page, station) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    volunteer = station.volunteers[5]
    cards.reissue_card(station.db, station.admin, station.card_key, "V", volunteer.id, "丢失")
    clock = FakeClock()
    tab.search._clock = clock
    qtbot.mouseClick(tab.search, Qt.MouseButton.LeftButton)
    scan(qtbot, tab.search, clock, station.volunteer_cards[5])  # the old card
    qtbot.waitUntil(lambda: tab.message.kind == "error")
    assert "replaced by card No. 2" in tab.message.text()
    assert tab.model.rowCount() == 0 and tab.detail.volunteer is None


@pytest.mark.parametrize("variant", [{"caps_lock": True}, {"ime": True}])
def test_a_card_in_lower_case_or_with_a_full_width_colon_finds_its_volunteer(
    qtbot, page, station, variant
) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    clock = FakeClock()
    tab.search._clock = clock
    qtbot.mouseClick(tab.search, Qt.MouseButton.LeftButton)
    scan(qtbot, tab.search, clock, "Hello-World:42")  # refused first: nobody found
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.search.text() == ""
    scan(qtbot, tab.search, clock, station.volunteer_cards[2], **variant)
    qtbot.waitUntil(lambda: names(tab) == [station.volunteers[2].name])
    assert tab.count_label.text() == "1 found by card" and tab.search.text() == ""


def test_the_list_is_lazy(qtbot, station, data_dir, settings, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from app.services.volunteers import VolunteerData

    for i in range(450):
        volunteers.create_volunteer(station.db, station.admin, VolunteerData(name=f"志愿者{i}"))
    page = VolunteersPage(page_context(station.db, data_dir, settings, station.admin))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.count_label.text() == "460 volunteers")
    wait_tasks()
    assert tab.model.loaded_rows() <= tab.model.PAGE  # only the first page was read
    tab.view.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.row_at(459) is not None)
    assert tab.model.row_at(459).name == "志愿者449"
    assert tab.model.loaded_rows() < 460


def test_the_form_checks_inline_and_registers(qtbot, page, station, wait_tasks, type_text) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.catalog is not None)
    qtbot.mouseClick(tab.action_buttons["new"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "volunteer_dialog")
    type_text(dialog.name, "钱多多")
    qtbot.keyClicks(dialog.id_number, "330481198005010010")  # wrong check digit
    assert dialog.id_message.kind == "error"
    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, station.id_numbers[0])  # valid, but already registered
    assert dialog.id_message.kind == "ok" and "born 1980-05-01" in dialog.id_message.text()
    qtbot.keyClicks(dialog.phone, "12345")
    assert dialog.phone_message.kind == "error"
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "13700001111")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    assert "already registered to volunteer" in dialog.message.text()
    assert dialog.isVisible()
    dialog.id_number.clear()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    created = dialog.result_value
    assert created.name == "钱多多" and created.phone_masked == "137****1111"
    qtbot.waitUntil(lambda: names(tab) == ["钱多多"])
    assert "registered as volunteer" in tab.message.text()


def test_cards_print_and_reissue(qtbot, page, station, monkeypatch, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.model.rowCount() == 10 and tab.model.row_at(9) is not None)
    tab.view.selectRow(2)
    detail = tab.detail
    qtbot.waitUntil(lambda: detail.volunteer is not None)
    assert detail.volunteer.id == station.volunteers[2].id
    assert detail.teams_label.text().startswith("Teams: ")
    # an A4 sheet of cards for several
    tab.view.selectAll()
    qtbot.mouseClick(tab.action_buttons["cards"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_previews()) == 1)
    assert open_previews()[0].page_count() == 2  # 10 cards, 8 per sheet
    # reissue asks first; the old card is then refused
    tab.view.selectRow(2)
    qtbot.waitUntil(lambda: detail.volunteer is not None)
    asked: list[str] = []
    monkeypatch.setattr(
        volunteers_module, "confirm", lambda _p, _t, text: asked.append(text) or False
    )
    qtbot.mouseClick(detail.buttons["reissue"], Qt.MouseButton.LeftButton)
    assert asked and "old card stops working" in asked[0]
    monkeypatch.setattr(volunteers_module, "confirm", lambda *_a: True)
    qtbot.mouseClick(detail.buttons["reissue"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "old one no longer works" in detail.message.text())
    with pytest.raises(cards.RevokedCard):
        cards.resolve_card(station.db, station.card_key, station.volunteer_cards[2])
    with station.db.read() as s:
        assert s.query(Card).filter(Card.subject_id == station.volunteers[2].id).count() == 2
    wait_tasks()
    for dialog in open_previews():
        dialog.close()


def test_sub_records_and_teams(qtbot, page, station, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.model.rowCount() == 10 and tab.model.row_at(0) is not None)
    tab.view.selectRow(0)
    detail = tab.detail
    qtbot.waitUntil(lambda: detail.volunteer is not None and tab.catalog is not None)
    qtbot.mouseClick(detail.buttons["training"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "training_dialog")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)  # no title
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    qtbot.keyClicks(dialog.title, "First aid")
    dialog.minutes.setValue(3)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.trainings.rowCount() == 1)
    assert detail.trainings.row_at(0).minutes == 180
    # the teams dialog
    qtbot.mouseClick(detail.buttons["teams"], Qt.MouseButton.LeftButton)
    teams = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "volunteer_teams_dialog"
    )
    from app.views.volunteers.dialogs import checked_keys, set_checked

    second = tab.catalog.teams[1]
    set_checked(teams.list, second.id)
    assert second.id in checked_keys(teams.list)
    with qtbot.waitSignal(teams.accepted, timeout=10_000):
        qtbot.mouseClick(teams.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.name in detail.teams_label.text())
    wait_tasks()


def test_registration_is_light_and_supplies_both_areas() -> None:
    code = (
        "import sys, app.views.pages;"
        "heavy = [m for m in ('PySide6.QtPdf', 'PySide6.QtMultimedia', 'reportlab',"
        " 'app.views.kiosk.window', 'app.views.volunteers.page', 'zxingcpp') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
    assert page_spec("volunteers").factory is not None
    assert page_spec("activities").factory is not None


def test_a_volunteer_is_linked_to_a_village_resident(qtbot, page, station, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services import households
    from app.services.households import HouseholdData, MemberData

    households.create_household(
        station.db,
        station.admin,
        HouseholdData("7-1"),
        MemberData(name="钟小梅", sex="F", birth_date=date(1990, 3, 8)),
    )
    tab = page.volunteers
    qtbot.waitUntil(lambda: tab.catalog is not None)
    qtbot.mouseClick(tab.action_buttons["new"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "volunteer_dialog")

    def pick() -> None:  # runs inside the picker's own event loop, as the person would
        picker = QApplication.activeModalWidget()
        assert picker is not None and picker.objectName() == "resident_picker"
        qtbot.keyClicks(picker.search, "zxm")
        qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
        ok = picker.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(
        dialog.findChild(type(dialog.unlink), "choose_resident"), Qt.MouseButton.LeftButton
    )
    assert dialog.resident.text() == "钟小梅 · 7-1"
    assert dialog.name.text() == "钟小梅" and dialog.birth.text() == "1990-03-08"
    assert dialog.sex.currentData() == "F"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    created = dialog.result_value
    member = households.search_residents(station.db, "钟小梅")[0]
    assert volunteers.get_volunteer(station.db, created.id).member_id == member.member_id
    wait_tasks()


# --- the card photo ---------------------------------------------------------------------------


def test_a_photo_is_chosen_shown_printed_and_removed(  # type: ignore[no-untyped-def]
    qtbot, page, station, data_dir, tmp_path, monkeypatch, wait_tasks
) -> None:
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    decoded_on: list[bool] = []  # whether each thumbnail was decoded on the GUI thread
    real_load = volunteers_module.load_thumbnail

    def load(*args):  # type: ignore[no-untyped-def]
        decoded_on.append(QThread.currentThread() is QApplication.instance().thread())
        return real_load(*args)

    monkeypatch.setattr(volunteers_module, "load_thumbnail", load)

    def choose_file(path) -> None:  # type: ignore[no-untyped-def]
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
        )

    tab = page.volunteers
    detail = tab.detail
    qtbot.waitUntil(lambda: tab.model.rowCount() == 10 and tab.model.row_at(3) is not None)
    tab.view.selectRow(3)
    qtbot.waitUntil(lambda: detail.volunteer is not None)
    vid = detail.volunteer.id
    assert vid == station.volunteers[3].id
    assert detail.photo.text() == "No photo"
    assert detail.buttons["photo"].isEnabled() and not detail.buttons["unphoto"].isEnabled()

    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#3c508c"))
    assert image.save(str(tmp_path / "face.png"))
    choose_file(tmp_path / "face.png")
    qtbot.mouseClick(detail.buttons["photo"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.message.text() == "Photo saved.")
    qtbot.waitUntil(
        lambda: detail.photo.pixmap() is not None and not detail.photo.pixmap().isNull()
    )
    shown = detail.photo.pixmap()
    assert shown.width() <= detail.PHOTO.width() and shown.height() <= detail.PHOTO.height()
    stored = volunteers.get_volunteer(station.db, vid).photo_path
    assert stored and detail.volunteer.photo_path == stored
    assert (data_dir.photos / stored).is_file()
    assert detail.buttons["unphoto"].isEnabled()
    assert decoded_on and not any(decoded_on)  # thumbnails are decoded off the GUI thread

    # the printed card carries the photo
    qtbot.mouseClick(detail.buttons["card"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_previews()) == 1)
    assert b"/Subtype /Image" in detail.last_cards_pdf
    for dialog in open_previews():
        dialog.close()

    # a file that is not a picture is refused; the photo stays
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    choose_file(notes)
    qtbot.mouseClick(detail.buttons["photo"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.message.text().startswith("Only pictures"))
    assert volunteers.get_volunteer(station.db, vid).photo_path == stored

    # removing it drops the reference and keeps the file
    qtbot.mouseClick(detail.buttons["unphoto"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.message.text() == "Photo removed.")
    qtbot.waitUntil(lambda: detail.photo.text() == "No photo")
    assert not detail.buttons["unphoto"].isEnabled()
    assert volunteers.get_volunteer(station.db, vid).photo_path is None
    assert (data_dir.photos / stored).is_file()
    wait_tasks()
