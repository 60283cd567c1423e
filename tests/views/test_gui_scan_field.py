"""The scan field: a scanner's key burst is a scan, a person's typing is typing."""

from __future__ import annotations

import pytest
from gui_points_fixtures import PERSON_MS, SCANNER_MS, FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.views.scan_field import ScanLineEdit


@pytest.fixture
def field(qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    widget = ScanLineEdit(clock=clock)
    widget.clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def keys(qtbot, field: ScanLineEdit, text: str, step: int) -> None:  # type: ignore[no-untyped-def]
    field.clock.step = step  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_input_method_is_off(field) -> None:  # type: ignore[no-untyped-def]
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    hints = field.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhLatinOnly
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText


def test_scanner_speed_is_a_scan(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    typed: list[str] = []
    field.typed_enter.connect(typed.append)
    with qtbot.waitSignal(field.scanned) as scanned:
        keys(qtbot, field, "6901234567890", SCANNER_MS)
    assert scanned.args == ["6901234567890"]
    assert typed == [] and field.text() == ""  # cleared for the next scan


def test_our_payload_is_normalised(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.scanned) as scanned:
        keys(qtbot, field, "wb1:h:abcdefghijklmnopqrstuvwxyz:abcdefghij", SCANNER_MS)
    assert scanned.args == ["WB1:H:ABCDEFGHIJKLMNOPQRSTUVWXYZ:ABCDEFGHIJ"]


def test_person_speed_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    scans: list[str] = []
    field.scanned.connect(scans.append)
    with qtbot.waitSignal(field.typed_enter) as typed:
        keys(qtbot, field, "6901234567890", PERSON_MS)
    assert typed.args == ["6901234567890"] and scans == []
    assert field.text() == "6901234567890"  # a person's text stays for editing


def test_a_short_fast_burst_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.typed_enter) as typed:
        keys(qtbot, field, "12", SCANNER_MS)
    assert typed.args == ["12"]


def test_a_slow_enter_after_a_fast_burst_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.clock.step = SCANNER_MS  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "6901234567890")
    field.clock.step = PERSON_MS  # type: ignore[attr-defined]
    with qtbot.waitSignal(field.typed_enter):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_scan_after_typed_text_takes_only_the_burst(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.clock.step = PERSON_MS  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "zs")
    field.clock.now += 2_000  # type: ignore[attr-defined]  # the card is found in a pocket
    with qtbot.waitSignal(field.scanned) as scanned:
        keys(qtbot, field, "6901234567890", SCANNER_MS)
    assert scanned.args == ["6901234567890"]


def test_escape_clears(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.clock.step = PERSON_MS  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "abc")
    with qtbot.waitSignal(field.escape_pressed):
        qtbot.keyClick(field, Qt.Key.Key_Escape)


def test_keep_focus_takes_the_focus_back_from_a_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    field = ScanLineEdit(window)
    button = QPushButton("Add", window)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.set_keep_focus(True)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    button.setFocus()
    qtbot.waitUntil(field.hasFocus)
