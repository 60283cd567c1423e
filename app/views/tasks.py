"""The one way to run work off the GUI thread (STYLE "long work", DESIGN §2).

Every database query, scrypt hash, backup, restore and chain verification the
GUI starts goes through :func:`run_task`::

    run_task(auth.login, db, name, password,
             on_done=self._signed_in, on_error=self._show_error, receiver=self)

``fn`` runs on a thread pool; ``on_done(result)``, ``on_error(exc)`` and
``on_progress(done, total, text)`` are called on the GUI thread (queued
signals of a :class:`Task` that lives there).  If ``fn`` has a parameter named
``cancel`` it receives a :class:`CancelToken`; one named ``progress`` receives
a callable ``progress(done, total, text="")``.  When the *receiver* QObject has
been deleted by the time the result arrives (the user closed the dialog), the
callbacks are dropped and the token is cancelled — the pattern of Orange's
``qinvoke`` and Picard's ``util/thread.py``.

A failure without an ``on_error`` goes to the runner's error handler, which the
application sets to show the message (``app.views.application``); by default
it is logged.  Tests wait deterministically with
``qtbot.waitUntil(default_runner().is_idle)`` or on :attr:`Task.finished`;
nothing here sleeps.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from app.views.qtfix import emit

log = logging.getLogger(__name__)

ProgressFn = Callable[..., None]
ErrorHandler = Callable[[BaseException], None]


class TaskCancelled(Exception):
    """Raised inside a task's function when it notices its token was cancelled."""


class CancelToken:
    """Thread-safe flag a long function polls between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` if the user cancelled."""
        if self._event.is_set():
            raise TaskCancelled


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # builtins without a signature
        return False


class Task(QObject):
    """One piece of work: created on the GUI thread, its function runs on the pool.

    Public signals are emitted on the GUI thread, after the callbacks.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # always, whatever the outcome

    # Emitted from the worker thread; queued to the slots below.
    _result_ready = Signal(object)
    _error_raised = Signal(object)
    _was_cancelled = Signal()
    _progress_reported = Signal(int, int, str)

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        on_cancelled: Callable[[], None] | None,
        receiver: QObject | None,
        runner: TaskRunner,
    ) -> None:
        super().__init__()
        self.fn = fn
        self.token = CancelToken()
        self.name = getattr(fn, "__qualname__", repr(fn))
        self._args = args
        self._kwargs = dict(kwargs)
        if _accepts(fn, "cancel"):
            self._kwargs["cancel"] = self.token
        if _accepts(fn, "progress"):
            self._kwargs["progress"] = self._report_progress
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._receiver = receiver
        self._runner = runner
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._result_ready.connect(self._deliver_result, queued)
        self._error_raised.connect(self._deliver_error, queued)
        self._was_cancelled.connect(self._deliver_cancelled, queued)
        self._progress_reported.connect(self._deliver_progress, queued)
        if receiver is not None:
            # A closed dialog's work is no longer wanted.
            receiver.destroyed.connect(self.token.cancel)

    # --- worker thread ---------------------------------------------------------

    def _report_progress(self, done: int, total: int, text: str = "") -> None:
        emit(self._progress_reported, int(done), int(total), str(text))

    def run(self) -> None:
        """Called on a pool thread."""
        if self.token.cancelled:
            emit(self._was_cancelled)
            return
        try:
            result = self.fn(*self._args, **self._kwargs)
        except TaskCancelled:
            emit(self._was_cancelled)
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            emit(self._error_raised, exc)
        else:
            emit(self._result_ready, result)

    # --- GUI thread ----------------------------------------------------------------

    def cancel(self) -> None:
        self.token.cancel()

    def _receiver_alive(self) -> bool:
        return self._receiver is None or shiboken6.isValid(self._receiver)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if self.done or not self._receiver_alive():
            return
        if self._on_progress is not None:
            self._on_progress(done, total, text)
        emit(self.progressed, done, total, text)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        try:
            if self._receiver_alive() and self._on_done is not None:
                self._on_done(result)
        finally:
            self._finish()
        emit(self.succeeded, result)
        emit(self.finished)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        try:
            if not self._receiver_alive():
                log.info("task %s failed after its window closed: %s", self.name, exc)
            elif self._on_error is not None:
                self._on_error(exc)
            else:
                self._runner.unhandled(exc, self)
        finally:
            self._finish()
        emit(self.failed, exc)
        emit(self.finished)

    @Slot()
    def _deliver_cancelled(self) -> None:
        try:
            if self._receiver_alive() and self._on_cancelled is not None:
                self._on_cancelled()
        finally:
            self._finish()
        emit(self.cancelled)
        emit(self.finished)

    def _finish(self) -> None:
        self.done = True
        self._runner._forget(self)


class TaskRunner(QObject):
    """A thread pool plus the set of tasks whose results have not been delivered."""

    busy_changed = Signal(bool)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Task] = set()
        self.error_handler: ErrorHandler | None = None

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        receiver: QObject | None = None,
        **kwargs: Any,
    ) -> Task:
        task = Task(
            fn,
            args,
            kwargs,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
            receiver=receiver,
            runner=self,
        )
        was_idle = not self._active
        self._active.add(task)  # keeps the Task alive until its result is delivered
        self.pool.start(task.run)
        if was_idle:
            emit(self.busy_changed, True)
        return task

    def _forget(self, task: Task) -> None:
        self._active.discard(task)
        if not self._active:
            emit(self.busy_changed, False)

    def active_count(self) -> int:
        return len(self._active)

    def is_idle(self) -> bool:
        return not self._active

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def wait_for_threads(self, msecs: int = 30_000) -> bool:
        """Block until the pool's threads are done (only at shutdown)."""
        return bool(self.pool.waitForDone(msecs))

    def unhandled(self, exc: BaseException, task: Task) -> None:
        """A failure nobody asked to handle: log it, then tell the user."""
        from app.errors import DomainError

        if not isinstance(exc, DomainError):
            log.error("task %s failed", task.name, exc_info=(type(exc), exc, exc.__traceback__))
        if self.error_handler is not None:
            self.error_handler(exc)


_default: TaskRunner | None = None


def default_runner() -> TaskRunner:
    """The application's runner, created on first use (on the GUI thread)."""
    global _default
    if _default is None or not shiboken6.isValid(_default):
        _default = TaskRunner()
    return _default


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    receiver: QObject | None = None,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, **kwargs)`` on the default runner; see the module docstring."""
    return default_runner().run(
        fn,
        *args,
        on_done=on_done,
        on_error=on_error,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        receiver=receiver,
        **kwargs,
    )
