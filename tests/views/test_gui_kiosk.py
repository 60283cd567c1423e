"""The kiosk beyond the activity day: the camera's "no camera" state and a decoded
frame, the manual search, annulling a mistaken scan, focus, typed codes, sounds,
and an activity that is not open."""

from __future__ import annotations

import importlib.util
import io
from datetime import datetime

import pytest
from gui_volunteer_fixtures import FakeClock, WallClock, build_station, page_context, scan, type_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.services import activities
from app.views.kiosk import camera as kiosk_camera
from app.views.kiosk import window as kiosk_window
from app.views.kiosk.window import KioskWindow


@pytest.fixture
def station(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_station(db, data_dir, admin, n_volunteers=4)


def make_kiosk(qtbot, station, data_dir, settings, *, open_it: bool = True, keep: bool = True):  # type: ignore[no-untyped-def]
    if open_it:
        activities.open_activity(station.db, station.admin, station.activity.id)
    day = station.day
    clock = FakeClock()
    kiosk = KioskWindow(
        page_context(station.db, data_dir, settings, station.admin),
        activities.get_activity(station.db, station.activity.id),
        clock=clock,
        now=WallClock(datetime(day.year, day.month, day.day, 9, 0)),
    )
    kiosk.clock = clock  # type: ignore[attr-defined]
    kiosk.may_close = True  # the tests close it directly
    if keep:  # closing deletes the window (WA_DeleteOnClose)
        qtbot.addWidget(kiosk)
    kiosk.start(fullscreen=False)
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: kiosk.card_key is not None and kiosk.counts is not None)
    return kiosk


@pytest.fixture
def kiosk(qtbot, station, data_dir, settings):  # type: ignore[no-untyped-def]
    return make_kiosk(qtbot, station, data_dir, settings)


def scan_and_wait(qtbot, kiosk, code: str, **variant):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
        scan(qtbot, kiosk.scan, kiosk.clock, code, **variant)
    return shown.args[0]


def test_auto_mode_signs_in_and_out_with_one_scan_each(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.mode == "auto"
    card = station.volunteer_cards[1]
    result = scan_and_wait(qtbot, kiosk, card)
    assert (result.status, result.action) == ("green", "sign_in")
    assert not kiosk.hint.isVisible() and kiosk.scan.text() == ""
    kiosk.now.advance(hours=2)
    result = scan_and_wait(qtbot, kiosk, card)
    assert (result.status, result.action) == ("green", "sign_out")
    assert kiosk.headline.text() == "Signed out" and not kiosk.hint.isVisible()
    assert kiosk.scan.text() == "" and kiosk.scan.hasFocus()


def test_an_unrecognised_scan_is_red_and_the_next_cards_are_read(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    result = scan_and_wait(qtbot, kiosk, "Hello-World:42")
    assert (result.status, result.reason) == ("red", "malformed")
    assert kiosk.status == "red" and kiosk.headline.text() == "Not accepted"
    # not taken for typing: no name search, the focus stays for the next scan
    assert not kiosk.manual_panel.isVisible() and not kiosk.hint.isVisible()
    assert kiosk.scan.text() == ""
    qtbot.waitUntil(kiosk.scan.hasFocus)
    assert kiosk.scan.keeps_focus()
    # Caps Lock on, then an active Chinese IME's full-width colon: both read
    result = scan_and_wait(qtbot, kiosk, station.volunteer_cards[2], caps_lock=True)
    assert (result.status, result.action) == ("green", "sign_in")
    assert kiosk.person.text() == station.volunteers[2].name
    result = scan_and_wait(qtbot, kiosk, "Hello-World:43")
    assert result.status == "red"
    result = scan_and_wait(qtbot, kiosk, station.volunteer_cards[3], ime=True)
    assert (result.status, result.action) == ("green", "sign_in")
    assert kiosk.person.text() == station.volunteers[3].name
    assert kiosk.scan.text() == "" and not kiosk.manual_panel.isVisible()


def test_a_tab_ending_scanner_works_at_the_kiosk(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    result = scan_and_wait(qtbot, kiosk, station.volunteer_cards[0], suffix="tab")
    assert (result.status, result.action) == ("green", "sign_in")
    assert kiosk.scan.hasFocus() and kiosk.scan.text() == ""


def test_no_camera_is_a_clear_state(qtbot, kiosk, station, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(kiosk_camera, "find_cameras", lambda: [])
    assert not kiosk.camera_state.isVisible()
    qtbot.mouseClick(kiosk.camera_button, Qt.MouseButton.LeftButton)
    assert kiosk.camera.state == "no_camera"
    assert kiosk.camera_state.isVisible()
    assert kiosk.camera_state.text().startswith("No camera found.")
    assert not kiosk.camera_button.isChecked() and not kiosk.camera_preview.isVisible()
    assert kiosk.scan.hasFocus()  # the scanner still works
    result = scan_and_wait(qtbot, kiosk, station.volunteer_cards[0])
    assert result.status == "green"


def test_a_camera_without_the_decoder_says_so(qtbot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(kiosk_camera, "find_cameras", lambda: ["a camera"])
    monkeypatch.setattr(kiosk_camera, "decoder_available", lambda: False)
    qtbot.mouseClick(kiosk.camera_button, Qt.MouseButton.LeftButton)
    assert kiosk.camera.state == "no_decoder"
    assert "not installed" in kiosk.camera_state.text()


@pytest.mark.skipif(importlib.util.find_spec("zxingcpp") is None, reason="zxing-cpp not installed")
def test_a_camera_frame_is_decoded_off_thread(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    import qrcode

    buffer = io.BytesIO()
    qrcode.make(station.volunteer_cards[1], border=4, box_size=6).save(buffer, "PNG")
    image = QImage.fromData(buffer.getvalue()).convertToFormat(QImage.Format.Format_RGB32)
    with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
        kiosk.camera.decode_image(image)
    assert shown.args[0].status == "green"
    assert kiosk.person.text() == station.volunteers[1].name
    # the same card still in view is not passed on again
    seen: list[str] = []
    kiosk.camera.decoded.connect(seen.append)
    kiosk.camera.decode_image(image)
    qtbot.waitUntil(lambda: not kiosk.camera._decoding)
    assert seen == []


def test_manual_search_signs_in_without_a_card(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(kiosk.manual_button, Qt.MouseButton.LeftButton)
    assert kiosk.manual_panel.isVisible() and not kiosk.scan.keeps_focus()
    assert kiosk.manual_search.hasFocus()
    qtbot.keyClicks(kiosk.manual_search, "ln")  # 李娜
    qtbot.keyClick(kiosk.manual_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.hits.rowCount() == 1)
    with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
        qtbot.mouseClick(kiosk.manual_go, Qt.MouseButton.LeftButton)
    result = shown.args[0]
    assert (result.status, result.action) == ("green", "sign_in")
    assert "manual" in result.flags
    assert not kiosk.manual_panel.isVisible() and kiosk.scan.keeps_focus()
    assert kiosk.scan.hasFocus()


def test_a_mistaken_scan_is_annulled(qtbot, kiosk, station, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    scan_and_wait(qtbot, kiosk, station.volunteer_cards[2])
    qtbot.waitUntil(lambda: kiosk.counts.present == 1 and kiosk.recent.rowCount() == 1)
    kiosk.recent_view.selectRow(0)
    monkeypatch.setattr(kiosk_window, "ask_reason", lambda *_a: "scanned the wrong card")
    with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
        qtbot.mouseClick(kiosk.annul_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].action == "annul"
    assert kiosk.headline.text() == "Scan annulled"
    qtbot.waitUntil(lambda: kiosk.counts.present == 0 and kiosk.recent.rowCount() == 2)
    annulled = kiosk.recent.row_at(1)
    assert annulled.annulled
    assert kiosk.recent.data(kiosk.recent.index(1, 2)).startswith("[annulled]")
    assert kiosk.scan.hasFocus()  # clicking the button did not keep the focus


def test_typed_code_needs_a_second_enter(qtbot, kiosk, station) -> None:  # type: ignore[no-untyped-def]
    code = station.volunteer_cards[3]
    type_in(qtbot, kiosk.scan, kiosk.clock, code)
    assert "typed, not scanned" in kiosk.hint.text() and kiosk.status == "idle"
    with qtbot.waitSignal(kiosk.result_shown, timeout=10_000) as shown:
        qtbot.keyClick(kiosk.scan, Qt.Key.Key_Return)
    assert shown.args[0].status == "green" and not kiosk.hint.isVisible()
    # typed text that is not a code opens the manual search with it
    type_in(qtbot, kiosk.scan, kiosk.clock, "zw")
    qtbot.keyClick(kiosk.scan, Qt.Key.Key_Return)
    assert kiosk.manual_panel.isVisible() and kiosk.manual_search.text() == "zw"
    qtbot.waitUntil(lambda: kiosk.hits.rowCount() == 1)


def test_sounds_and_back_to_idle(qtbot, kiosk, station, data_dir) -> None:  # type: ignore[no-untyped-def]
    kiosk.idle_timer.setInterval(50)
    scan_and_wait(qtbot, kiosk, station.volunteer_cards[0])
    for name in ("green", "amber", "red"):
        assert (data_dir.root / "sounds" / f"kiosk_{name}.wav").stat().st_size > 1000
    assert kiosk.sounds.played == ["green"]
    qtbot.waitUntil(lambda: kiosk.status == "idle")
    assert kiosk.headline.text() == "Please scan your card"


def test_an_activity_not_open_refuses_scans(qtbot, station, data_dir, settings) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, station, data_dir, settings, open_it=False)
    result = scan_and_wait(qtbot, kiosk, station.volunteer_cards[0])
    assert (result.status, result.reason) == ("red", "not_open")
    assert kiosk.status == "red"
    assert "has not been opened" in kiosk.result_text.text()


def test_closing_restores_the_idle_lock(qtbot, station, data_dir, settings) -> None:  # type: ignore[no-untyped-def]
    from app.settings import IDLE_LOCK_MINUTES

    settings.set(IDLE_LOCK_MINUTES, 7)
    seen: list[int] = []
    kiosk = make_kiosk(qtbot, station, data_dir, settings, keep=False)
    kiosk.ctx.events.idle_lock_changed.connect(seen.append)
    kiosk.may_close = False
    kiosk.close()
    assert kiosk.isVisible() and kiosk.unlock_dialog is not None
    kiosk.unlock_dialog.reject()
    kiosk.may_close = True
    with qtbot.waitSignal(kiosk.closed):
        kiosk.close()
    assert seen == [7]
