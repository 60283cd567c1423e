"""Progress and cancel for long work, without Qt (DESIGN §2 "long work").

In the foundation layer, so that the printing layer (a certificate batch), the
services (imports, backups, restores) and the sync code share one protocol.
A long function (an import, a card batch, a backup, a sync upload) takes two
optional, keyword-friendly parameters and knows nothing else about who called
it::

    def export_all(db, path, progress: Progress | None = None, cancel: Cancel | None = None):
        for done, row in enumerate(rows, 1):
            check(cancel)                  # raises Cancelled when the person cancelled
            ...
            report(progress, done, total)  # or progress(done, total, "text") when set

The GUI's task helper (``app.views.tasks``) passes a :class:`CancelToken` and a
callable that posts ``(done, total, text)`` to the GUI thread; the CLI and the
tests pass nothing, or their own.  A progress callable may also be a plain
``Callable[[int, int], None]`` (the sync code's shape): functions here call it
with two arguments unless they have a text to say.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

__all__ = [
    "NEVER_CANCELLED",
    "Cancel",
    "CancelToken",
    "Cancelled",
    "Progress",
    "ProgressFn",
    "check",
    "no_progress",
    "report",
]


class Cancelled(Exception):
    """Raised inside a long function when it notices the person cancelled."""


class Cancel(Protocol):
    """What a long function polls between steps."""

    @property
    def cancelled(self) -> bool: ...

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancelled."""


class Progress(Protocol):
    """``progress(done, total, text="")``: *done* of *total* steps, an optional text."""

    def __call__(self, done: int, total: int, text: str = "") -> None: ...


#: Every progress callable a service accepts: the full shape, or ``(done, total)``.
ProgressFn = Progress | Callable[[int, int], None]


class CancelToken:
    """A thread-safe flag: set on one thread (the GUI's Cancel), polled on another."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if someone cancelled."""
        if self._event.is_set():
            raise Cancelled


class _NeverCancelled:
    """The default token: nobody can cancel it."""

    @property
    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        return None


NEVER_CANCELLED: Cancel = _NeverCancelled()


def no_progress(done: int, total: int, text: str = "") -> None:
    """The do-nothing progress callable."""


def check(cancel: Cancel | None) -> None:
    """``cancel.check()`` when a token was given."""
    if cancel is not None:
        cancel.check()


def report(progress: ProgressFn | None, done: int, total: int, text: str = "") -> None:
    """Call *progress* if given; the text only when there is one (two-argument callables)."""
    if progress is None:
        return
    if text:
        progress(done, total, text)  # type: ignore[call-arg]
    else:
        progress(done, total)
