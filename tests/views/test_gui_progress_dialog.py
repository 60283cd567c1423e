"""The one progress dialog of long work: the bar follows the task, Cancel stops what can
stop, drops the answer of a read that cannot, and is withdrawn past a point of no return."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget

from app.progress import Cancel, ProgressFn
from app.views.progress_dialog import run_with_progress


def test_the_bar_follows_and_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    go_on = threading.Event()

    def steps(progress: ProgressFn, cancel: Cancel) -> int:
        for done in range(1, 11):
            cancel.check()
            progress(done, 10)
            if done == 3:
                go_on.wait(10)
        return 10

    outcome: list[str] = []
    task = run_with_progress(
        parent,
        "Steps",
        steps,
        label="Working…",
        on_done=lambda _n: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
        receiver=parent,
    )
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.value() == 3)
    assert dialog.maximum() == 10 and dialog.windowTitle() == "Steps"
    dialog.findChild(QPushButton).click()
    go_on.set()
    with qtbot.waitSignal(task.finished):
        pass
    assert outcome == ["cancelled"] and not dialog.isVisible()


def test_cancel_drops_the_answer_of_a_read_that_cannot_stop(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    release = threading.Event()

    def slow_read() -> str:
        started.set()
        release.wait(10)
        return "the answer"

    shown: list[str] = []
    task = run_with_progress(None, "Ranking", slow_read, on_done=shown.append)
    qtbot.waitUntil(started.is_set)
    task.progress_dialog.findChild(QPushButton).click()  # type: ignore[attr-defined]
    release.set()
    with qtbot.waitSignal(task.finished):
        pass
    assert shown == []


def test_cancel_is_withdrawn_past_the_point_of_no_return(qtbot) -> None:  # type: ignore[no-untyped-def]
    reached = threading.Event()
    release = threading.Event()

    def restore_like(progress: ProgressFn, cancel: Cancel) -> str:
        progress(1, 3)
        cancel.check()
        progress(2, 3)  # from here on, nothing stops it
        reached.set()
        release.wait(10)
        progress(3, 3)
        return "restored"

    outcome: list[str] = []
    task = run_with_progress(
        None,
        "Restore",
        restore_like,
        cancel_until=2,
        write=True,
        on_done=outcome.append,
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    button = dialog.findChild(QPushButton)
    qtbot.waitUntil(lambda: dialog.value() == 2)
    assert not button.isEnabled()
    dialog.reject()  # Esc does nothing either
    assert not task.token.cancelled
    release.set()
    with qtbot.waitSignal(task.finished):
        pass
    assert outcome == ["restored"]


def test_work_that_cannot_stop_shows_no_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    task = run_with_progress(None, "Back up", len, "abc", cancellable=False)
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    assert dialog.findChild(QPushButton) is None or not dialog.findChild(QPushButton).isVisible()
    with qtbot.waitSignal(task.finished):
        pass


def test_work_done_before_the_dialog_would_show_never_shows_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A one-page slip prints in a moment: the dialog must not pop up afterwards (its
    show-after timer kept running, and a window-modal 100 % dialog covered the counter)."""
    from PySide6.QtCore import QTimer

    from app.views.progress_dialog import SHOW_AFTER_MS

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = run_with_progress(parent, "Quick", lambda progress: progress(1, 1), receiver=parent)
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    with qtbot.waitSignal(task.finished):
        pass
    seen: list[bool] = []
    later = QTimer(parent)
    later.setSingleShot(True)
    later.timeout.connect(lambda: seen.append(dialog.isVisible()))
    later.start(SHOW_AFTER_MS * 3)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]
