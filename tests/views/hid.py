"""A USB keyboard-wedge scanner (扫码枪), for the GUI tests (not a test module).

A scanner is a USB HID keyboard.  For every character of the code it sends
what a keyboard sends on a US layout: for a capital letter, ``:`` and the
other shifted symbols it presses Shift, presses and releases the key with
Shift held (the key event carries ``ShiftModifier`` and the character as its
text), then releases Shift; plain characters are a press and a release.  The
events come 2–8 ms apart, and the code ends with Enter (or Tab, if the
scanner is set up so).  Like the hardware, the events go to whatever has the
keyboard focus at that moment (:func:`QApplication.focusWidget`, looked up
again for every event, so a scan that moves the focus mid-way is followed),
unless a *target* is given.

They are real :class:`QKeyEvent` objects sent through
:meth:`QApplication.sendEvent`, so they pass the application's shortcut
handling (``ShortcutOverride``) and propagate to parents as typed keys do.

Time: a widget with an injectable clock (:class:`gui_points_fixtures.FakeClock`,
``clock=``) has the clock moved on 2–8 ms before every event — no real
waiting.  Without a clock (a widget on the real clock) the events are sent
back to back, which is faster than any scanner and so also a burst.

Variants: ``caps_lock=True`` is the same scanner with Caps Lock on — the
scanner still presses Shift for capitals, and Caps Lock inverts the letters,
so the field receives lower-case letters (with Shift held) and upper-case for
a lower-case letter; ``ime=True`` is an active Chinese input method in
Chinese punctuation mode, which turns the ``:`` key into a full-width ``：``
(U+FF1A).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["KeyStroke", "scan", "send", "strokes"]

#: US layout: the characters typed with Shift held
SHIFTED = set('ABCDEFGHIJKLMNOPQRSTUVWXYZ~!@#$%^&*()_+{}|:"<>?')
#: the Qt key codes of ASCII characters are their (upper-case) code points
_SPECIAL_KEYS = {" ": Qt.Key.Key_Space}
SUFFIXES = {"enter": (Qt.Key.Key_Return, "\r"), "tab": (Qt.Key.Key_Tab, "\t")}

NO_MOD = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass(frozen=True)
class KeyStroke:
    """One HID event: press or release of *key* with *modifiers* and *text*."""

    press: bool
    key: Qt.Key
    modifiers: Qt.KeyboardModifier
    text: str

    def event(self) -> QKeyEvent:
        kind = QEvent.Type.KeyPress if self.press else QEvent.Type.KeyRelease
        return QKeyEvent(kind, self.key, self.modifiers, self.text)


def _key_of(char: str) -> Qt.Key:
    if char in _SPECIAL_KEYS:
        return _SPECIAL_KEYS[char]
    if not char.isascii() or not char.isprintable():
        raise ValueError(f"a US-layout scanner cannot type {char!r}")
    return Qt.Key(ord(char.upper()))


def strokes(
    code: str, *, suffix: str | None = "enter", caps_lock: bool = False, ime: bool = False
) -> list[KeyStroke]:
    """The HID events a scanner sends for *code* (see the module docstring)."""
    out: list[KeyStroke] = []
    for char in code:
        key = _key_of(char)
        shifted = char in SHIFTED
        text = char
        if caps_lock and char.isalpha():
            text = char.swapcase()
        if ime and char == ":":
            text = "："
        mods = SHIFT if shifted else NO_MOD
        if shifted:
            out.append(KeyStroke(True, Qt.Key.Key_Shift, SHIFT, ""))
        out.append(KeyStroke(True, key, mods, text))
        out.append(KeyStroke(False, key, mods, text))
        if shifted:
            out.append(KeyStroke(False, Qt.Key.Key_Shift, NO_MOD, ""))
    if suffix is not None:
        end, text = SUFFIXES[suffix]
        out.append(KeyStroke(True, end, NO_MOD, text))
        out.append(KeyStroke(False, end, NO_MOD, text))
    return out


def _gaps(seed: int) -> Iterator[int]:
    rng = random.Random(seed)
    while True:
        yield rng.randint(2, 8)


def send(
    events: list[KeyStroke],
    *,
    clock: Any = None,
    target: QWidget | None = None,
    seed: int = 0,
    gap_ms: int | None = None,
) -> None:
    """Deliver *events* 2–8 ms apart (or *gap_ms* apart) to the focus widget (or *target*).

    *clock* is the receiving widget's injectable clock (an object with a ``now`` in
    milliseconds and a ``step`` added on every reading, as
    :class:`gui_points_fixtures.FakeClock`): it is moved on 2–8 ms before every
    event (``step`` is 0 meanwhile).  Without one the events go back to back."""
    saved_step = None
    if clock is not None:
        saved_step, clock.step = clock.step, 0
    try:
        gaps = _gaps(seed) if gap_ms is None else iter(lambda: gap_ms, None)
        for stroke in events:
            if clock is not None:
                clock.now += next(gaps)
            receiver = target if target is not None else QApplication.focusWidget()
            if receiver is None:
                raise AssertionError("no widget has the keyboard focus for the scanner's keys")
            QApplication.sendEvent(receiver, stroke.event())
    finally:
        if clock is not None:
            clock.step = saved_step


def type_text(text: str, *, clock: Any, target: QWidget, gap_ms: int = 180) -> None:
    """A person typing *text* on the keyboard, then Enter: the same key events as a
    scanner's (Shift held for capitals and ':'), *gap_ms* apart — slower than any
    burst, so the scan field takes it as typing."""
    send(strokes(text, suffix="enter"), clock=clock, target=target, gap_ms=gap_ms)


def scan(
    code: str,
    *,
    clock: Any = None,
    target: QWidget | None = None,
    suffix: str | None = "enter",
    caps_lock: bool = False,
    ime: bool = False,
    seed: int = 0,
) -> None:
    """Scan *code*: its keys as the scanner sends them (:func:`strokes`), then Enter
    (*suffix* ``"tab"``: Tab; None: no end key), via :func:`send`."""
    events = strokes(code, suffix=suffix, caps_lock=caps_lock, ime=ime)
    send(events, clock=clock, target=target, seed=seed)
