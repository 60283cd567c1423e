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
        cancel.check()  # raises Cancelled: the user cancelled meanwhile
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


def test_writes_run_one_at_a_time_in_the_order_submitted(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    order: list[int] = []
    running = [0]
    most = [0]
    lock = threading.Lock()

    def write(i: int) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        if i == 0:
            release.wait(10)  # the first write is slow: the others must wait their turn
        with lock:
            order.append(i)
            running[0] -= 1
        return i

    done: list[int] = []
    for i in range(50):
        runner.run(write, i, write=True, on_done=done.append)
    release.set()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)
    assert order == list(range(50))
    assert done == list(range(50))
    assert most[0] == 1


def test_a_read_runs_while_a_write_waits(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    release = threading.Event()

    def slow_write() -> str:
        started.set()
        release.wait(10)
        return "written"

    def queued_write() -> str:
        return "second write"

    outcome: list[str] = []
    runner.run(slow_write, write=True, on_done=outcome.append)
    runner.run(queued_write, write=True, on_done=outcome.append)
    qtbot.waitUntil(started.is_set)
    runner.run(len, "read", on_done=lambda n: outcome.append(f"read {n}"))
    qtbot.waitUntil(lambda: outcome == ["read 4"])  # the writes are still waiting
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert outcome == ["read 4", "written", "second write"]


def test_a_superseded_lookup_is_dropped(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    """Two lookups with the same key where the first answers last: only the second counts."""
    started = threading.Event()
    release = threading.Event()
    shown: list[str] = []
    receiver = QWidget()

    def lookup(name: str, cancel: CancelToken) -> str:
        if name == "first":
            started.set()
            release.wait(10)
        return name

    first = runner.run(lookup, "first", key="find", on_done=shown.append, receiver=receiver)
    qtbot.waitUntil(started.is_set)  # the first is being answered, slowly
    runner.run(lookup, "second", key="find", on_done=shown.append, receiver=receiver)
    qtbot.waitUntil(lambda: shown == ["second"])
    assert first.token.cancelled  # the first may stop early
    release.set()
    with qtbot.waitSignal(first.finished):
        pass
    assert shown == ["second"]
    # another key, or another receiver, is another question
    runner.run(lookup, "third", key="other", on_done=shown.append, receiver=receiver)
    runner.run(lookup, "fourth", key="find", on_done=shown.append)
    qtbot.waitUntil(runner.is_idle)
    assert sorted(shown) == ["fourth", "second", "third"]
    receiver.deleteLater()
