"""Pieces shared by the volunteer, activity, hours, certificate and kiosk views.

* :class:`LazyRowsModel` — a windowed table model over a ``count(db, flt)`` /
  ``fetch(db, offset, limit, flt)`` pair of services: pages are fetched off the
  GUI thread (``run_task``) only when the view paints them, a bounded number
  of pages is kept, and a result that arrives after the filter changed is
  dropped.  It can also show a plain list (search results).  Subclasses give
  the headers and the cells; column indices are constants.
* :class:`RowsModel` — the same look over a short list already in memory.
* Translated labels of the stored states and kinds (the services keep them as
  plain values; their English source texts are marked here with
  ``QT_TRANSLATE_NOOP`` in the ``VolunteerLabels`` context).
* Worker functions that several pages run through ``run_task``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedWidget, QTableView, QWidget

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.services import activities, points, volunteers
from app.services.points import RuleView
from app.services.volunteers import TeamView, VolunteerPolicy
from app.views.points_common import DISPLAY, ModelIndex
from app.views.qtfix import emit
from app.views.tasks import run_task

LABELS = "VolunteerLabels"

ACTIVITY_STATES = {
    "planned": QT_TRANSLATE_NOOP("VolunteerLabels", "Planned"),
    "open": QT_TRANSLATE_NOOP("VolunteerLabels", "Open for sign-in"),
    "closed": QT_TRANSLATE_NOOP("VolunteerLabels", "Closed"),
}
RECORD_STATES = {
    "pending": QT_TRANSLATE_NOOP("VolunteerLabels", "Pending"),
    "approved": QT_TRANSLATE_NOOP("VolunteerLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("VolunteerLabels", "Rejected"),
}
RECORD_SOURCES = {
    "scan": QT_TRANSLATE_NOOP("VolunteerLabels", "Kiosk"),
    "close": QT_TRANSLATE_NOOP("VolunteerLabels", "Closed activity"),
    "manual": QT_TRANSLATE_NOOP("VolunteerLabels", "Entered by hand"),
}
REVIEW_FLAGS = {
    "closed": QT_TRANSLATE_NOOP("VolunteerLabels", "signed out by the close"),
    "clock_back": QT_TRANSLATE_NOOP("VolunteerLabels", "PC clock went back"),
    "manual": QT_TRANSLATE_NOOP("VolunteerLabels", "found by name"),
    "capped": QT_TRANSLATE_NOOP("VolunteerLabels", "capped"),
}
CERTIFICATE_KINDS = {
    "service_record": QT_TRANSLATE_NOOP("VolunteerLabels", "Service record"),
    "star": QT_TRANSLATE_NOOP("VolunteerLabels", "Star volunteer"),
    "participation": QT_TRANSLATE_NOOP("VolunteerLabels", "Participation"),
}
VOLUNTEER_STATES = {
    "active": QT_TRANSLATE_NOOP("VolunteerLabels", "Active"),
    "inactive": QT_TRANSLATE_NOOP("VolunteerLabels", "Inactive"),
}
SEXES = {
    "M": QT_TRANSLATE_NOOP("VolunteerLabels", "Male"),
    "F": QT_TRANSLATE_NOOP("VolunteerLabels", "Female"),
}

GREY = QColor("#7b8794")
GREEN = QColor("#1b7f3b")
RED = QColor("#b42318")
AMBER = QColor("#9a6700")


def label(mapping: dict[str, str], key: str) -> str:
    """The translated label of a stored value (the value itself if unknown)."""
    source = mapping.get(key)
    return QCoreApplication.translate(LABELS, source) if source else key


def flags_text(flags: str | Sequence[str]) -> str:
    items = [f for f in flags.split(",")] if isinstance(flags, str) else list(flags)
    return ", ".join(label(REVIEW_FLAGS, f) for f in items if f)


def hours(minutes: int) -> str:
    """Minutes as hours with at most one decimal (``90`` -> ``1.5``)."""
    text = f"{minutes / 60:.1f}"
    return text[:-2] if text.endswith(".0") else text


def stars(level: int) -> str:
    return "★" * level if level > 0 else ""


def table_view(model: QAbstractTableModel, name: str, *, multi: bool = False) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def with_placeholder(view: QAbstractItemView, text: str) -> QStackedWidget:
    """*view*, or a grey sentence in its place while its model has no rows (no empty boxes)."""
    stack = QStackedWidget()
    stack.addWidget(view)
    hint = QLabel(text)
    hint.setObjectName("empty_hint")
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #7b8794; padding: 12px;")
    stack.addWidget(hint)
    model = view.model()

    def update(*_args: Any) -> None:
        stack.setCurrentIndex(0 if model.rowCount() else 1)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(update)
    update()
    return stack


def selected_rows(view: QTableView) -> list[int]:
    model = view.selectionModel()
    return sorted(i.row() for i in model.selectedRows()) if model is not None else []


# --- models ------------------------------------------------------------------------------


class _Cells(QAbstractTableModel):
    """Headers and cells of a subclass; ``row_at`` gives the row object."""

    def headers(self) -> tuple[str, ...]:  # pragma: no cover - overridden
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def foreground(self, row: Any, column: int) -> QColor | None:
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None

    def row_at(self, row: int) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return self.headers()[section]

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        col = index.column()
        if row is None:
            return "…" if role == DISPLAY and col == 0 else None
        if role == DISPLAY:
            return self.cell(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.alignment(col)
            return int(align | Qt.AlignmentFlag.AlignVCenter) if align is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.cell(row, col)
            return text if len(text) > 24 else None
        return None


class RowsModel(_Cells):
    """A short list of rows held in memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class LazyRowsModel(_Cells):
    """Rows of ``count(db, flt)`` / ``fetch(db, offset, limit, flt)``, page by page.

    Nothing is read on the GUI thread: :meth:`set_filter` counts off-thread,
    then the pages the view paints are fetched off-thread.  In *list* mode
    (:meth:`show_rows`) the model holds a given list instead (search results).
    """

    PAGE = 200
    MAX_PAGES = 40
    counted = Signal(int)
    page_loaded = Signal(int)

    def __init__(
        self,
        db: Database,
        count: Callable[..., int],
        fetch: Callable[..., list[Any]],
        flt: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._count = count
        self._fetch = fetch
        self.filter = flt
        self.total = 0
        self.pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.pending: set[int] = set()
        self.listed: list[Any] | None = None
        self.generation = 0
        self.fetches = 0  # pages requested (tests check that the model stays lazy)
        self.loading = False

    def set_filter(self, flt: Any) -> None:
        self.generation += 1
        generation = self.generation
        self.filter = flt
        self.loading = True
        run_task(
            self._count,
            self.db,
            flt,
            on_done=lambda n: self._counted(generation, n),
            on_error=lambda _e: self._failed(generation),
            receiver=self,
        )

    def refresh(self) -> None:
        if self.listed is None:
            self.set_filter(self.filter)

    def _failed(self, generation: int) -> None:
        if generation == self.generation:
            self.loading = False

    def _counted(self, generation: int, n: int) -> None:
        if generation != self.generation:
            return
        self.beginResetModel()
        self.listed = None
        self.total = n
        self.pages.clear()
        self.pending.clear()
        self.endResetModel()
        if n:
            self._request(0)
        else:
            self.loading = False
        emit(self.counted, n)

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.generation += 1
        self.beginResetModel()
        self.listed = list(rows)
        self.total = len(self.listed)
        self.pages.clear()
        self.pending.clear()
        self.endResetModel()
        self.loading = False
        emit(self.counted, self.total)

    def _request(self, page: int) -> None:
        if page in self.pending:
            return
        self.pending.add(page)
        self.fetches += 1
        generation = self.generation
        run_task(
            self._fetch,
            self.db,
            page * self.PAGE,
            self.PAGE,
            self.filter,
            on_done=lambda rows: self._arrived(generation, page, rows),
            on_error=lambda _e: self._failed(generation),
            receiver=self,
        )

    def _arrived(self, generation: int, page: int, rows: list[Any]) -> None:
        self.pending.discard(page)
        if generation != self.generation:
            return
        self.loading = False
        self.pages[page] = rows
        self.pages.move_to_end(page)
        while len(self.pages) > self.MAX_PAGES:
            self.pages.popitem(last=False)
        first = page * self.PAGE
        last = min(self.total, first + self.PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        emit(self.page_loaded, page)

    def row_at(self, row: int) -> Any:
        """The row object at *row*, or None while its page is on the way."""
        if row < 0 or row >= self.total:
            return None
        if self.listed is not None:
            return self.listed[row]
        page, offset = divmod(row, self.PAGE)
        rows = self.pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self.pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def loaded_rows(self) -> int:
        return sum(len(rows) for rows in self.pages.values())


def rows_of(model: LazyRowsModel | RowsModel, view: QTableView) -> list[Any] | None:
    """The row objects selected in *view*; None if some are still loading."""
    out = []
    for row in selected_rows(view):
        item = model.row_at(row)
        if item is None:
            return None
        out.append(item)
    return out


# --- worker functions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Catalog:
    """What the forms offer: the policy's lists, the teams and the points rules."""

    policy: VolunteerPolicy
    teams: tuple[TeamView, ...]
    rules: tuple[RuleView, ...]


def load_catalog(db: Database) -> Catalog:
    return Catalog(
        volunteers.get_policy(db),
        tuple(volunteers.list_teams(db)),
        tuple(r for r in points.list_rules(db) if r.points > 0),
    )


def month_key(day: date) -> str:
    return activities.month_of(day)
