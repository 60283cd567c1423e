"""The screen a window is on, and fitting windows to it.

A station PC is often a 1366×768 laptop (or a 1024×768 screen) with a taskbar,
so every top-level window and dialog sizes itself to the screen's *available*
geometry (:meth:`QScreen.availableGeometry`, the screen less the taskbar):
:func:`fit_window` clamps a wished size to it and keeps the window on the
screen, :func:`clamp_to_screen` does the same for a size or a remembered
geometry, and :func:`show_maximized` maximises.

Tests and the screenshot script emulate a screen with :func:`emulate_screen`
(the offscreen platform has one 800×600 screen and no taskbar).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for a window manager's title bar and borders when the frame is not known
# yet (before the window was first shown).
FRAME_ALLOWANCE = QSize(16, 40)

_forced: QRect | None = None  # the emulated available area
_forced_screen: QRect | None = None  # the emulated whole screen


def emulate_screen(screen: QRect | None, available: QRect | None = None) -> None:
    """Pretend every window is on a screen *screen* whose available area (the
    screen less the taskbar) is *available* (default: all of it); None: the real
    screens."""
    global _forced, _forced_screen
    _forced_screen = QRect(screen) if screen is not None else None
    if screen is None:
        _forced = None
    else:
        _forced = QRect(available) if available is not None else QRect(screen)


def emulated_screen() -> tuple[QRect, QRect] | None:
    """The emulated (screen, available area), if any."""
    if _forced is None or _forced_screen is None:
        return None
    return QRect(_forced_screen), QRect(_forced)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen *widget* is on (or the primary screen)."""
    if _forced is not None:
        return QRect(_forced)
    screen = None
    if widget is not None:
        screen = widget.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all: nothing sensible to clamp to
        return QRect(0, 0, 1920, 1080)
    return screen.availableGeometry()


def screen_geometry(widget: QWidget | None = None) -> QRect:
    """The whole screen (for full-screen windows)."""
    if _forced_screen is not None:
        return QRect(_forced_screen)
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.geometry() if screen is not None else QRect(0, 0, 1920, 1080)


def _frame_extra(window: QWidget) -> QSize:
    """How much the window manager's frame adds to the window's size."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def max_window_size(window: QWidget) -> QSize:
    """The largest client size whose frame fits the available screen area."""
    area = available_geometry(window)
    extra = _frame_extra(window)
    return QSize(max(200, area.width() - extra.width()), max(150, area.height() - extra.height()))


def clamp_size(window: QWidget, size: QSize) -> QSize:
    """*size*, no larger than what fits the screen (and no smaller than the window's
    minimum, unless that itself does not fit)."""
    most = max_window_size(window)
    least = window.minimumSize().boundedTo(most)
    return size.boundedTo(most).expandedTo(least)


def fit_window(window: QWidget, width: int, height: int) -> None:
    """Resize *window* to *width*×*height*, or less where the screen is smaller."""
    window.resize(clamp_size(window, QSize(width, height)))
    keep_on_screen(window)


def clamp_to_screen(window: QWidget) -> None:
    """Shrink and move *window* (e.g. after restoring a remembered geometry) so it fits."""
    if window.isMaximized() or window.isFullScreen():
        return
    size = clamp_size(window, window.size())
    if size != window.size():
        window.resize(size)
    keep_on_screen(window)


def keep_on_screen(window: QWidget) -> None:
    """Move *window* so its frame lies inside the available area."""
    area = available_geometry(window)
    extra = _frame_extra(window)
    width = window.width() + extra.width()
    height = window.height() + extra.height()
    pos = window.frameGeometry().topLeft() if window.isVisible() else window.pos()
    x = min(max(pos.x(), area.left()), max(area.left(), area.right() + 1 - width))
    y = min(max(pos.y(), area.top()), max(area.top(), area.bottom() + 1 - height))
    if QPoint(x, y) != pos:
        window.move(x, y)


def show_maximized(window: QWidget) -> None:
    """Show *window* maximised (on an emulated screen: covering its available area)."""
    if _forced is not None:
        window.show()
        extra = _frame_extra(window)
        window.setGeometry(
            _forced.x() + extra.width() // 2,
            _forced.y() + extra.height() - extra.width() // 2,
            _forced.width() - extra.width(),
            _forced.height() - extra.height(),
        )
        return
    window.showMaximized()


def show_full_screen(window: QWidget) -> None:
    """Show *window* full screen (on an emulated screen: covering the whole screen)."""
    if _forced_screen is not None:
        window.show()
        extra = _frame_extra(window)
        area = screen_geometry(window)
        window.setGeometry(
            area.x() + extra.width() // 2,
            area.y() + extra.height() - extra.width() // 2,
            area.width() - extra.width(),
            area.height() - extra.height(),
        )
        return
    window.showFullScreen()
