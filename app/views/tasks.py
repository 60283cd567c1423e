"""The one way to run work off the GUI thread (STYLE "long work", DESIGN §2).

Every database query, scrypt hash, backup, restore and chain verification the
GUI starts goes through :func:`run_task`::

    run_task(auth.login, db, name, password,
             on_done=self._signed_in, on_error=self._show_error, receiver=self)

``fn`` runs on a thread pool; ``on_done(result)``, ``on_error(exc)`` and
``on_progress(done, total, text)`` are called on the GUI thread (queued
signals of a :class:`Task` that lives there).  If ``fn`` has a parameter named
``cancel`` it receives a :class:`~app.progress.CancelToken`; one named
``progress`` receives a callable ``progress(done, total, text="")`` (the
protocol of ``app.progress``, which the services type their
parameters with).  When the *receiver* QObject has been deleted by the time the
result arrives (the user closed the dialog), the callbacks are dropped and the
token is cancelled — the pattern of Orange's ``qinvoke`` and Picard's
``util/thread.py``.

Two lanes, as Anki's ``taskman`` keeps collection work on one thread:

* ``write=True`` — work that changes the database (a scan, a redemption, an
  award, a void, a sign-in, a restore) runs on **one** writer thread, in the
  order it was submitted: 50 queued kiosk scans are stored in the order they
  were scanned, and an award never overtakes the batch it depends on.
* ``write=LONG_WRITE`` — a long write that commits chunk after chunk (a roster
  import, a card batch, a backup) runs on a pool thread of its own instead.  On
  the single writer thread it would hold up every scan and redemption until it
  ended; beside it, the database's first-come-first-served write lane
  (``app.db``) lets a short write in between two chunks.
* reads (the default) run on a pool of four threads, in parallel with each other
  and with a write that is waiting or running.

``key="counter.household"`` marks a lookup whose newest answer is the only one
wanted: submitting another task with the same key (for the same *receiver*)
supersedes the earlier one, whose callbacks are then dropped (and its token
cancelled), so a slow first answer never overwrites the second on screen.

A failure without an ``on_error`` goes to the runner's error handler, which the
application sets to show the message (``app.views.application``); by default
it is logged.  Tests wait deterministically with
``qtbot.waitUntil(default_runner().is_idle)`` or on :attr:`Task.finished`;
nothing here sleeps.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from app.progress import Cancelled, CancelToken
from app.views.qtfix import emit

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


#: ``run_task(..., write=LONG_WRITE)``: a long, chunked write (see the module docstring).
LONG_WRITE = "long"

__all__ = [
    "LONG_WRITE",
    "CancelToken",
    "Cancelled",
    "Task",
    "TaskRunner",
    "run_task",
]


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
        write: bool | str = False,
        key: Hashable | None = None,
    ) -> None:
        super().__init__()
        self.fn = fn
        self.token = CancelToken()
        self.name = getattr(fn, "__qualname__", repr(fn))
        self.write = bool(write)
        self.key = key
        self.superseded = False  # a newer task with the same key was submitted
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
        except Cancelled:
            emit(self._was_cancelled)
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            emit(self._error_raised, exc)
        else:
            emit(self._result_ready, result)

    # --- GUI thread ----------------------------------------------------------------

    def cancel(self) -> None:
        self.token.cancel()

    def supersede(self) -> None:
        """A newer answer to the same question is on its way: drop this one's callbacks.

        A read is also cancelled (it may stop early); a write is never cut short.
        """
        self.superseded = True
        if not self.write:
            self.token.cancel()

    @property
    def polls_cancel(self) -> bool:
        """Whether the function takes the token (else cancelling cannot stop it)."""
        return "cancel" in self._kwargs

    def abandon(self) -> None:
        """The person no longer wants this read's answer: cancel it and drop its callbacks
        (a read that cannot stop early runs to its end, unseen)."""
        if self.write:
            raise ValueError("a write cannot be abandoned, only cancelled")
        self.supersede()

    def _receiver_alive(self) -> bool:
        return not self.superseded and (self._receiver is None or shiboken6.isValid(self._receiver))

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
                log.info("task %s failed, its answer no longer wanted: %s", self.name, exc)
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
    """A read pool, one ordered writer thread, and the tasks not yet delivered."""

    busy_changed = Signal(bool)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        # One thread: QThreadPool starts queued runnables of equal priority in
        # submission order, so writes are applied in the order they were asked for.
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._active: set[Task] = set()
        self._latest: dict[tuple[int, Hashable], Task] = {}
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
        write: bool | str = False,
        key: Hashable | None = None,
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
            write=write,
            key=key,
        )
        if key is not None:
            scope = self._scope(task)
            previous = self._latest.get(scope)
            if previous is not None:
                previous.supersede()
            self._latest[scope] = task
        was_idle = not self._active
        self._active.add(task)  # keeps the Task alive until its result is delivered
        (self.writer if write is True else self.pool).start(task.run)
        if was_idle:
            emit(self.busy_changed, True)
        return task

    @staticmethod
    def _scope(task: Task) -> tuple[int, Hashable]:
        # The receiver's identity is safe as a key: the entry goes when the task is
        # delivered, and a deleted receiver's task is dropped anyway.
        return (id(task._receiver) if task._receiver is not None else 0, task.key)

    def _forget(self, task: Task) -> None:
        self._active.discard(task)
        if task.key is not None:
            scope = self._scope(task)
            if self._latest.get(scope) is task:
                del self._latest[scope]
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
        """Block until both lanes' threads are done (only at shutdown)."""
        writes_done = bool(self.writer.waitForDone(msecs))
        return bool(self.pool.waitForDone(msecs)) and writes_done

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
    write: bool | str = False,
    key: Hashable | None = None,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, **kwargs)`` on the default runner; see the module docstring.

    ``write=True``: on the single ordered writer thread (``LONG_WRITE``: a long,
    chunked write, on a pool thread of its own).  ``key``: only the newest
    task with this key (per *receiver*) delivers its answer.
    """
    return default_runner().run(
        fn,
        *args,
        on_done=on_done,
        on_error=on_error,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        receiver=receiver,
        write=write,
        key=key,
        **kwargs,
    )
