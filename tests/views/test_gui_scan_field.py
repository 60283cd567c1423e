"""The scan field: a scanner's key burst is a scan, a person's typing is typing."""

from __future__ import annotations

import hid
import pytest
from gui_points_fixtures import PERSON_MS, FakeClock
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.views.scan_field import ScanLineEdit

CARD = "WB1:H:W4EOS7P3ENAXGQ2KLMNOPQRSTU:W4EOS7P3EN"  # the shape of a household card


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
    """A person typing: keys *step* ms apart, then Enter."""
    field.clock.step = step  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def scanner(field: ScanLineEdit, code: str, **kw) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner, to the focus widget (the field)."""
    assert QApplication.focusWidget() is field
    hid.scan(code, clock=field.clock, **kw)  # type: ignore[attr-defined]


def test_the_input_method_is_off(field) -> None:  # type: ignore[no-untyped-def]
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    hints = field.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhLatinOnly
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText


def test_scanner_speed_is_a_scan(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    typed: list[str] = []
    field.typed_enter.connect(typed.append)
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, "6901234567890")
    assert scanned.args == ["6901234567890"]
    assert typed == [] and field.text() == ""  # cleared for the next scan


def test_our_payload_is_normalised(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, "wb1:h:abcdefghijklmnopqrstuvwxyz:abcdefghij")
    assert scanned.args == ["WB1:H:ABCDEFGHIJKLMNOPQRSTUVWXYZ:ABCDEFGHIJ"]


def test_the_scanner_helper_presses_shift_like_the_hardware() -> None:
    events = [(s.press, s.key, s.modifiers, s.text) for s in hid.strokes("W1:")]
    shift, none = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier
    assert events == [
        (True, Qt.Key.Key_Shift, shift, ""),
        (True, Qt.Key.Key_W, shift, "W"),
        (False, Qt.Key.Key_W, shift, "W"),
        (False, Qt.Key.Key_Shift, none, ""),
        (True, Qt.Key.Key_1, none, "1"),
        (False, Qt.Key.Key_1, none, "1"),
        (True, Qt.Key.Key_Shift, shift, ""),
        (True, Qt.Key.Key_Colon, shift, ":"),
        (False, Qt.Key.Key_Colon, shift, ":"),
        (False, Qt.Key.Key_Shift, none, ""),
        (True, Qt.Key.Key_Return, none, "\r"),
        (False, Qt.Key.Key_Return, none, "\r"),
    ]
    caps = [s.text for s in hid.strokes("Wb:", suffix=None, caps_lock=True, ime=True) if s.text]
    assert caps == ["w", "w", "B", "B", "：", "："]


def test_a_shift_pressing_burst_of_a_card_is_one_scan(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    typed: list[str] = []
    field.typed_enter.connect(typed.append)
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, CARD)
    assert scanned.args == [CARD] and typed == [] and field.text() == ""


def test_no_modifier_key_alone_breaks_a_burst(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    alone = (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    )
    hid.scan("WB1:H:", clock=field.clock, suffix=None)
    for key in alone:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, CARD[6:])
    assert scanned.args == [CARD]


def test_caps_lock_and_a_full_width_colon_are_read(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, CARD, caps_lock=True)
    assert scanned.args == [CARD]
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, CARD, ime=True)
    assert scanned.args == [CARD] and field.text() == ""


def test_an_unrecognised_scan_leaves_the_field_empty(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, "Hello-World:42")
    assert scanned.args == ["Hello-World:42"] and field.text() == ""
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, CARD)
    assert scanned.args == [CARD]


def test_a_tab_suffix_ends_a_scan_but_a_persons_tab_moves_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window = QWidget()
    qtbot.addWidget(window)
    field = ScanLineEdit(window, clock=clock)
    other = QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(other)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    with qtbot.waitSignal(field.scanned) as scanned:
        hid.scan(CARD, clock=clock, suffix="tab")
    assert scanned.args == [CARD] and field.hasFocus() and field.text() == ""
    clock.step = PERSON_MS
    qtbot.keyClicks(field, "zhang")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert other.hasFocus() and field.text() == "zhang"


def test_person_speed_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    scans: list[str] = []
    field.scanned.connect(scans.append)
    with qtbot.waitSignal(field.typed_enter) as typed:
        keys(qtbot, field, "6901234567890", PERSON_MS)
    assert typed.args == ["6901234567890"] and scans == []
    assert field.text() == "6901234567890"  # a person's text stays for editing


def test_a_short_fast_burst_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(field.typed_enter) as typed:
        scanner(field, "12")
    assert typed.args == ["12"]


def test_a_slow_enter_after_a_fast_burst_is_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    scanner(field, "6901234567890", suffix=None)
    field.clock.step = PERSON_MS  # type: ignore[attr-defined]
    with qtbot.waitSignal(field.typed_enter):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_scan_after_typed_text_takes_only_the_burst(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.clock.step = PERSON_MS  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "zs")
    field.clock.now += 2_000  # type: ignore[attr-defined]  # the card is found in a pocket
    with qtbot.waitSignal(field.scanned) as scanned:
        scanner(field, "6901234567890")
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
