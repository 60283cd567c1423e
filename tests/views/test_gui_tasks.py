"""The task runner: results, errors, progress and cancel arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from app.errors import ValidationError
from app.views.tasks import CancelToken, TaskRunner, default_runner, run_task


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    qtbot.waitUntil(r.is_idle)
    r.wait_for_threads()


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_result_is_delivered_on_the_gui_thread(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work(a: int, b: int) -> int:
        seen["worker_thread"] = threading.current_thread().name
        seen["worker_on_gui"] = _on_gui_thread()
        return a + b

    def done(value: int) -> None:
        seen["value"] = value
        seen["done_on_gui"] = _on_gui_thread()

    task = runner.run(work, 2, 3, on_done=done)
    with qtbot.waitSignal(task.finished):
        pass
    assert seen["value"] == 5
    assert seen["worker_on_gui"] is False
    assert seen["done_on_gui"] is True
    assert runner.is_idle()


def test_an_error_goes_to_on_error_or_the_error_handler(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    def fail() -> None:
        raise ValidationError("Please enter the station's name.")

    errors: list[BaseException] = []
    task = runner.run(
        fail, on_done=lambda _r: errors.append(AssertionError("no")), on_error=errors.append
    )
    with qtbot.waitSignal(task.finished):
        pass
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)

    handled: list[BaseException] = []
    runner.error_handler = handled.append
    task = runner.run(fail)
    qtbot.waitUntil(runner.is_idle)
    assert len(handled) == 1 and str(handled[0]) == "Please enter the station's name."


def test_progress_and_cancel(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    release = threading.Event()
    reports: list[tuple[int, int, str]] = []
    outcome: list[str] = []

    def long_work(cancel: CancelToken, progress) -> str:  # type: ignore[no-untyped-def]
        progress(1, 3, "first step")
        started.set()
        release.wait(10)
        cancel.check()  # raises TaskCancelled: the user cancelled meanwhile
        return "finished"

    task = runner.run(
        long_work,
        on_done=lambda r: outcome.append(r),
        on_progress=lambda d, t, text: reports.append((d, t, text)),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: bool(reports))
    assert reports == [(1, 3, "first step")]
    task.cancel()
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert outcome == ["cancelled"]


def test_callbacks_are_dropped_when_the_receiver_is_gone(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    release = threading.Event()
    called: list[object] = []
    widget = QWidget()

    def work(cancel: CancelToken) -> bool:
        started.set()
        release.wait(10)
        return cancel.cancelled

    task = runner.run(work, on_done=called.append, receiver=widget)
    qtbot.waitUntil(started.is_set)
    widget.deleteLater()
    qtbot.waitUntil(lambda: task.token.cancelled)  # the widget's destruction cancels the work
    release.set()
    with qtbot.waitSignal(task.succeeded) as blocker:
        pass
    assert blocker.args == [True]
    assert called == []


def test_run_task_uses_the_default_runner(qtbot) -> None:  # type: ignore[no-untyped-def]
    got: list[int] = []
    run_task(len, "abc", on_done=got.append)
    qtbot.waitUntil(default_runner().is_idle)
    assert got == [3]


def test_emitting_from_python_keeps_true_alive() -> None:
    """PySide6 6.12 loses a reference to True on every Python-side emit (see qtfix)."""
    import sys

    from PySide6.QtCore import QObject, Signal

    from app.views.qtfix import emit

    class Sender(QObject):
        ping = Signal(object)

    sender = Sender()
    emit(sender.ping, 0)  # the first call may probe the bug
    before = sys.getrefcount(True)
    for i in range(200):
        emit(sender.ping, i)
    assert before <= sys.getrefcount(True) <= before + 2  # unpatched: 200 fewer
