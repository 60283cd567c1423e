"""选择居民 — pick a resident of the households register (to link a volunteer).

A search box (name, pinyin initials) with results while typing, off the GUI
thread; stale results are dropped.  Masked personal data only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from app.services import households
from app.services.households import ResidentHit
from app.services.text_input import MAX_SEARCH_CHARS
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.table_models import RowsModel, selected_rows, table_view
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text

SEARCH_DELAY_MS = 250


class ResidentsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Household"),
            self.tr("Relation"),
            self.tr("Born"),
            self.tr("ID number"),
        )

    def cell(self, row: Any, column: int) -> str:
        hit: ResidentHit = row
        born = hit.birth_date.isoformat() if hit.birth_date else ""
        return (hit.name, hit.household_number, hit.relation, born, hit.id_masked)[column]


class ResidentPicker(QDialog):
    """Choose one resident; ``chosen`` holds the hit after ``accept()``."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resident_picker")
        self.setWindowTitle(self.tr("Choose a resident"))
        self.ctx = ctx
        self.chosen: ResidentHit | None = None
        self.search = QLineEdit()
        self.search.setMaxLength(MAX_SEARCH_CHARS)
        self.search.setObjectName("resident_search")
        self.search.setPlaceholderText(self.tr("Name or pinyin initials (zs)"))
        self.search.setClearButtonEnabled(True)
        self.model = ResidentsModel(self)
        self.view = table_view(self.model, "residents")
        self.view.doubleClicked.connect(lambda _i: self.choose())
        self.message = MessageLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_window(self, 640, 420)

    def run_search(self) -> None:
        run_task(
            households.search_residents,
            self.ctx.db,
            self.search.text(),
            key="resident.search",
            on_done=self._found,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def _found(self, hits: list[ResidentHit]) -> None:
        self.model.set_rows(hits)
        if hits:
            self.view.selectRow(0)
            self.message.clear_message()
        elif self.search.text().strip():
            self.message.show_info(self.tr("No resident matches."))

    def choose(self) -> None:
        rows = selected_rows(self.view)
        if not rows:
            self.message.show_selection_hint(self.tr("Choose a resident in the list."), self.view)
            return
        self.chosen = self.model.row_at(rows[0])
        self.accept()
