"""The one progress dialog of long work (STYLE "long work"): a bar, a line of text, Cancel.

:func:`run_with_progress` is :func:`~app.views.tasks.run_task` plus a
:class:`TaskProgress` dialog bound to the task: the task's ``progress(done,
total, text)`` moves the bar, Cancel sets the task's token (the function
stops at its next ``cancel.check()``), and the dialog closes when the task
finishes, whatever the outcome.  Work that reports no progress shows a busy
bar.  The dialog appears only when the work takes longer than a moment, so a
one-page slip does not flash a window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.views.tasks import Task, run_task

LabelFn = Callable[[int, int, str], str]

SHOW_AFTER_MS = 400


class TaskProgress(QProgressDialog):
    """A window-modal progress dialog that follows one :class:`Task`."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        cancellable: bool = True,
        label_for: LabelFn | None = None,
        cancel_until: int | None = None,
    ) -> None:
        super().__init__(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.setObjectName("task_progress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_AFTER_MS)
        if not cancellable:
            self.setCancelButton(None)
        self.cancellable = cancellable
        self.cancel_until = cancel_until
        self.label_for = label_for
        self.task: Task | None = None
        self.setValue(0)  # starts the show-after timer

    def follow(self, task: Task) -> None:
        self.task = task
        task.progressed.connect(self.report)
        task.finished.connect(self._finished)
        if self.cancellable:
            self.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        task = self.task
        if task is None:
            return
        if not task.write and not task.polls_cancel:
            task.abandon()  # a read that cannot stop: its answer is simply not shown
        else:
            task.cancel()

    def _finished(self) -> None:
        if self.cancellable:
            self.canceled.disconnect()  # closing the dialog emits canceled
        # reset() stops the show-after timer: work done within SHOW_AFTER_MS would
        # otherwise pop the dialog up afterwards, window-modal, over a finished job
        self.reset()
        self.close()

    def reject(self) -> None:
        if self.cancellable:  # Esc is Cancel; work that cannot stop keeps its dialog
            super().reject()

    def report(self, done: int, total: int, text: str) -> None:
        if self.cancel_until is not None and done >= self.cancel_until and self.cancellable:
            # past the point of no return: the work runs to its end
            self.cancellable = False
            self.canceled.disconnect()
            button = self.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))
        if self.label_for is not None:
            self.setLabelText(self.label_for(done, total, text))
        elif text:
            self.setLabelText(text)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    label: str = "",
    label_for: LabelFn | None = None,
    cancellable: bool = True,
    cancel_until: int | None = None,
    **kwargs: Any,
) -> Task:
    """``run_task(fn, *args, **kwargs)`` with a :class:`TaskProgress` dialog on *parent*.

    *label* is shown first; *label_for(done, total, text)* makes the text of each
    report (default: the report's text).  *cancellable=False* shows no Cancel;
    *cancel_until=n* offers Cancel until the work reports step *n* (a restore,
    after which the live file is being replaced).  The task is returned; its
    dialog is ``task.progress_dialog``.
    """
    dialog = TaskProgress(
        parent,
        title,
        label,
        cancellable=cancellable,
        label_for=label_for,
        cancel_until=cancel_until,
    )
    task = run_task(fn, *args, **kwargs)
    dialog.follow(task)
    task.progress_dialog = dialog  # type: ignore[attr-defined]
    return task
