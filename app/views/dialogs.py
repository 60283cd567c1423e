"""The base of every dialog whose OK runs one service.

A dialog collects plain values in its form; OK runs the service through
``run_task`` (never on the GUI thread) and closes with its result.  When the
service refuses (bad ID check digit, number in use, cap exceeded...) the
dialog stays open with the service's sentence shown inline under the form,
so bad input changes nothing and the person can correct it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from app.views.pages import PageContext
from app.views.screen import clamp_to_screen
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text


class ServiceDialog(QDialog):
    """OK runs one service off the GUI thread; a refusal is shown inline."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.message = MessageLabel()
        self.message.setObjectName("dialog_message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        clamp_to_screen(self)  # a long form on a 768 px screen

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def finish_layout(self, *parts: Any) -> None:
        """Lay out *parts* (widgets or layouts), then the message and the buttons."""
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.buttons.setEnabled(False)
        self.message.clear_message()
        run_task(
            fn,
            *args,
            write=True,
            on_done=self._done,
            on_error=self._failed,
            receiver=self,
            **kwargs,
        )

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.show_error(error_text(exc))
