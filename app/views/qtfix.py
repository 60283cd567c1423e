"""Two work-arounds that keep PySide6 stable with worker threads.

**Garbage collection on the GUI thread only.**  Python's cyclic collector
runs on whichever thread happens to allocate; if that is a worker thread it
may destroy Qt wrappers (a closed dialog caught in a reference cycle) off the
GUI thread, which crashes Qt.  :class:`GuiThreadGarbageCollector` switches
automatic collection off and collects from a timer on the GUI thread instead
(the recipe used by several large PyQt/PySide applications).

**emit() and True.**  PySide6 6.12's ``SignalInstance.emit()``
returns ``True`` without taking a reference to it.

Every signal emitted *from Python* therefore lowers ``True``'s reference count
by one, and after some thousands of emits the interpreter aborts with
"bool_dealloc: deallocating True or False".  Signals emitted by Qt itself (a
button's ``clicked``) are not affected.  All views emit through :func:`emit`,
which gives the reference back when — and only when — the running PySide6 has
the bug (checked once, on first use), so a fixed PySide6 needs no change here.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

_buggy: bool | None = None


class _Probe(QObject):
    probe = Signal()


def _detect() -> bool:
    sender = _Probe()
    before = sys.getrefcount(True)
    sender.probe.emit()
    return sys.getrefcount(True) < before


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping ``True``'s reference count intact."""
    global _buggy
    if _buggy is None:
        _buggy = _detect()
        if _buggy:  # the probe itself took one reference away
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    result = signal.emit(*args)
    if _buggy and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


class GuiThreadGarbageCollector(QObject):
    """Disable automatic garbage collection; collect on the GUI thread by timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.threshold[0]:
            gc.collect(0)
            if count1 > self.threshold[1]:
                gc.collect(1)
                if count2 > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to Python's own collection (only when no worker thread runs)."""
        self.timer.stop()
        gc.collect()
        gc.enable()
