"""扫码框 — a line edit that tells a keyboard-wedge scanner (扫码枪) from a person.

A USB scanner "types" its code as key presses a few milliseconds apart and
ends with Enter (or Tab, if it is set up so).  It is a USB keyboard: for a
capital letter or ``:`` it presses Shift, presses and releases the key with
Shift held, then releases Shift.  DESIGN §4: the input method is disabled (a
Chinese IME would swallow the keystrokes or turn ``:`` into ``：``) and a
burst-timing rule decides: if the keys since the last pause were all at most
:attr:`ScanLineEdit.max_gap_ms` apart (≈60 ms), there were at least
:attr:`min_length` of them, and Enter followed as quickly, the burst was a
scan and :attr:`scanned` fires with the burst's text (our own QR payloads are
normalised with :func:`app.services.cards.normalize_scan`, so Caps Lock's
lower case and an IME's full-width ``：`` are read too); the field is then
cleared — recognised or not, the next scan starts in an empty field.
Anything slower is a person typing, and Enter emits :attr:`typed_enter` with
the field's text, which stays.

Modifier keys alone (Shift, Ctrl, Alt, Meta, Caps Lock, AltGr…) carry no
character and are neither part of a burst nor a person's editing key: they
leave the burst as it is.  Other keys without text (Backspace, the arrows…)
are a person's editing and end a burst.  A Tab right after a fast burst ends
the scan like Enter (scanners set up with a Tab suffix); any other Tab moves
the focus as usual.

The clock is injectable (``clock=lambda: milliseconds``) so tests can drive
scanner speed and person speed deterministically without waiting.

With :meth:`set_keep_focus` the field takes the focus back whenever it loses
it to something that is not an input (a clicked button, a list), so a counter
with a queue of villagers never has to click back into it before a scan.
Used by the supermarket counter and the volunteers' kiosk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.services.cards import looks_like_payload, normalize_scan
from app.views.qtfix import emit

DEFAULT_MAX_GAP_MS = 60
DEFAULT_MIN_LENGTH = 4
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: keys that only change how the next key is read; a scanner presses Shift for
#: every capital and every ``:``, so these must not break a burst
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Mode_switch,
    }
)
_INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView)


class ScanLineEdit(QLineEdit):
    """A scan-or-type field; see the module docstring."""

    scanned = Signal(str)
    typed_enter = Signal(str)
    escape_pressed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] | None = None,
        max_gap_ms: int = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        if clock is None:
            timer = QElapsedTimer()
            timer.start()
            self._clock: Callable[[], int] = timer.elapsed
            self._timer = timer  # keep it alive
        else:
            self._clock = clock
        self._last_key_at: int | None = None
        self._burst_start = 0  # index in text() where the current fast burst began
        self._keep_focus = False
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.setMaxLength(200)
        self.textEdited.connect(self._edited_by_other_means)

    # --- focus -------------------------------------------------------------------------

    def set_keep_focus(self, keep: bool) -> None:
        self._keep_focus = keep

    def keeps_focus(self) -> bool:
        return self._keep_focus

    def reclaim_focus(self) -> None:
        """Take the focus back unless the person is working in another input."""
        if not self.isVisible() or not self.isEnabled():
            return
        window = self.window()
        if QApplication.activeModalWidget() not in (None, window):
            return  # a dialog is open; leave it alone
        current = QApplication.focusWidget()
        if current is not None and current is not self and isinstance(current, _INPUTS):
            return
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._keep_focus and event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            QTimer.singleShot(0, self.reclaim_focus)

    # --- the burst rule ----------------------------------------------------------------

    def _edited_by_other_means(self, _text: str) -> None:
        # Paste, drag and drop, or an undo change the text without our key timing.
        if self._last_key_at is None:
            self._burst_start = len(self.text())

    def event(self, event: QEvent) -> bool:
        # Tab is taken for focus moves before keyPressEvent; a scanner's Tab suffix
        # must end its scan instead (a person's Tab still moves the focus).
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._last_key_at is not None
        ):
            gap = int(self._clock()) - self._last_key_at
            burst = self.text()[self._burst_start :]
            if gap <= self.max_gap_ms and len(burst.strip()) >= self.min_length:
                self._finish(gap)
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in MODIFIER_KEYS:
            super().keyPressEvent(event)  # the burst goes on: Shift for a capital, say
            return
        now = int(self._clock())
        gap = None if self._last_key_at is None else now - self._last_key_at
        if key in _ENTER_KEYS:
            self._finish(gap)
            return
        if key == Qt.Key.Key_Escape:
            self._reset()
            emit(self.escape_pressed)
            event.accept()
            return
        text = event.text()
        if text and text.isprintable():
            if gap is None or gap > self.max_gap_ms:
                # a pause: whatever came before was typed; a new burst may start here
                self._burst_start = (
                    self.cursorPosition() if not self.hasSelectedText() else (self.selectionStart())
                )
            self._last_key_at = now
            super().keyPressEvent(event)
            return
        # editing keys (Backspace, arrows...) are a person's
        self._last_key_at = None
        self._burst_start = len(self.text())
        super().keyPressEvent(event)
        self._burst_start = len(self.text())

    def _finish(self, gap: int | None) -> None:
        text = self.text()
        burst = text[self._burst_start :]
        is_scan = (
            gap is not None and gap <= self.max_gap_ms and len(burst.strip()) >= self.min_length
        )
        self._reset()
        if is_scan:
            code = burst.strip()
            if looks_like_payload(code):
                code = normalize_scan(code)
            self.clear()
            self._burst_start = 0
            emit(self.scanned, code)
        else:
            emit(self.typed_enter, text.strip())

    def _reset(self) -> None:
        self._last_key_at = None
        self._burst_start = len(self.text())

    def clear_input(self) -> None:
        """Empty the field and forget any half burst."""
        self.clear()
        self._last_key_at = None
        self._burst_start = 0
