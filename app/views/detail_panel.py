"""The base of the right-hand panels that show one chosen record's file.

A list page shows the chosen household, volunteer or activity in a panel
beside the list.  The panel reads the file off the GUI thread; when the person
has chosen another row by the time it arrives, the late result is dropped (a
serial number says which request is the newest).  Its actions run one service
or open one dialog, then say so inline, reload the file and emit
:attr:`DetailPanel.changed` so the list can refresh the row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from app.views.grid_layout import ColumnGridLayout, wrapping
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text

ButtonSpec = tuple[str, str, Callable[[], Any], bool]  # key, text, slot, allowed


class DetailPanel(QWidget):
    """Loads a file by serial (dropping stale results) and runs the file's actions."""

    changed = Signal(str)  # the id of the record whose details changed

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = MessageLabel()
        self.buttons: dict[str, QPushButton] = {}
        self._serial = 0
        self._source: tuple[Callable[..., Any], tuple[Any, ...]] | None = None

    def make_heading(self, empty_text: str, title_name: str, facts_name: str) -> None:
        """The panel's bold title (saying *empty_text* until a file is shown) and the
        selectable facts line under it, as ``self.title`` and ``self.facts``."""
        self.title = QLabel(empty_text)
        self.title.setObjectName(title_name)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSize(14)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setObjectName(facts_name)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # what a subclass gives
    def current_id(self) -> str | None:  # pragma: no cover - overridden
        """The id of the record shown, if any."""
        raise NotImplementedError

    def _set(self, loaded: Any) -> None:  # pragma: no cover - overridden
        """Show *loaded* (the loader's result), or the empty panel for None."""
        raise NotImplementedError

    # loading
    def load(self, fn: Callable[..., Any], *args: Any) -> None:
        """Show ``fn(db, *args)``, read off the GUI thread; a newer request wins."""
        self._serial += 1
        serial = self._serial
        self._source = (fn, args)
        run_task(
            fn,
            self.ctx.db,
            *args,
            key="detail.load",
            on_done=lambda loaded: self._loaded(serial, loaded),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def clear(self) -> None:
        self._serial += 1
        self._source = None
        self._set(None)

    def reload(self) -> None:
        if self._source is not None and self.current_id() is not None:
            fn, args = self._source
            self.load(fn, *args)

    def _loaded(self, serial: int, loaded: Any) -> None:
        if serial == self._serial:
            self._set(loaded)

    # actions
    def _done(self, ok_text: str) -> None:
        self.message.show_ok(ok_text)
        self.reload()
        current = self.current_id()
        if current is not None:
            emit(self.changed, current)

    def _after(self, dialog: QDialog, ok_text: str) -> None:
        """Open *dialog*; when it is accepted, say *ok_text* and reload."""
        dialog.accepted.connect(lambda: self._done(ok_text))
        dialog.open()

    def _service(
        self, fn: Any, *args: Any, ok_text: str | Callable[[Any], str], **kwargs: Any
    ) -> None:
        """Run a service off-thread; say *ok_text* (or *ok_text(result)*) and reload."""

        def done(result: Any) -> None:
            self._done(ok_text(result) if callable(ok_text) else ok_text)

        run_task(
            fn,
            *args,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
            **kwargs,
        )

    def button_grid(self, prefix: str, specs: Sequence[ButtonSpec], columns: int) -> QWidget:
        """The action buttons, disabled until a file is shown; hidden where not *allowed*.

        Up to *columns* a row, fewer where the panel is too narrow for their texts.
        """
        grid = ColumnGridLayout(max_columns=columns, height_for_width=False)
        holder = wrapping(grid)
        holder.setObjectName(f"{prefix}_buttons")
        for key, text, slot, allowed in specs:
            button = QPushButton(text)
            button.setObjectName(f"{prefix}_{key}")
            button.clicked.connect(slot)
            if not allowed:  # hide only: showing a widget before it has a parent opens a window
                button.hide()
            button.setEnabled(False)
            self.buttons[key] = button
            grid.addWidget(button)
        return holder
