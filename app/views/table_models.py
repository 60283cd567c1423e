"""The table models and table views every page builds its lists from.

* :class:`TableModel` — a read-only table with constant column indices: a
  subclass gives its headers (translated with its own ``self.tr``, so the
  strings keep the subclass's translation context) and the text of a cell,
  optionally a colour and an alignment; ``row_at`` gives the row object.
* :class:`RowsModel` — the rows are a short list held in memory.
* :class:`LazyRowsModel` — a windowed model over a ``count(db, flt)`` /
  ``fetch(db, offset, limit, flt)`` pair of services: pages are fetched off the
  GUI thread (``run_task``) only when the view paints them, a bounded number
  of pages is kept (least recently used dropped), and a result that arrives
  after the filter changed is dropped.  It can also show a plain list (search
  results) instead.
* :func:`table_view` and its companions: a row-selecting, read-only view, a
  grey sentence in place of an empty one, the selected rows.

A role the base does not cover (a sort key, a background) is added by
overriding ``data`` and falling back to ``super().data``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedWidget, QTableView, QWidget

from app.db import Database
from app.views.qtfix import emit
from app.views.tasks import default_runner, run_task

ModelIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole

GREY = QColor("#7b8794")
GREEN = QColor("#1b7f3b")
RED = QColor("#b42318")


class TableModel(QAbstractTableModel):
    """Headers and cells of a subclass; ``row_at`` gives the row object."""

    def headers(self) -> tuple[str, ...]:  # pragma: no cover - overridden
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def foreground(self, row: Any, column: int) -> QColor | None:
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None

    def tooltip(self, row: Any, column: int) -> str | None:
        """The whole text of a cell too long to be read in its column."""
        text = self.cell(row, column)
        return text if len(text) > 24 else None

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
            return self.tooltip(row, col)
        return None


class RowsModel(TableModel):
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


class LazyRowsModel(TableModel):
    """Rows of ``count(db, flt)`` / ``fetch(db, offset, limit, flt)``, page by page.

    Nothing is read on the GUI thread: :meth:`set_filter` counts off-thread,
    then the pages the view paints are fetched off-thread.  In *list* mode
    (:meth:`show_rows`) the model holds a given list instead (search results).
    A failure is reported like any task's failure nobody handles (the runner's
    error handler tells the person).
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
        self.filter = flt
        self.loading = True
        self._run(self._count, flt, on_done=self._counted)

    def refresh(self) -> None:
        if self.listed is None:
            self.set_filter(self.filter)

    def _run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[..., None]) -> None:
        """``fn(db, *args)`` off-thread; *on_done(generation, result)* on the GUI thread."""
        generation = self.generation

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.loading = False
            default_runner().unhandled(exc, task)

        task = run_task(
            fn,
            self.db,
            *args,
            on_done=lambda result: on_done(generation, result),
            on_error=failed,
            receiver=self,
        )

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
        self._run(
            self._fetch,
            page * self.PAGE,
            self.PAGE,
            self.filter,
            on_done=lambda generation, rows: self._arrived(generation, page, rows),
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


# --- views -------------------------------------------------------------------------------


def table_view(
    model: QAbstractItemModel, name: str, *, multi: bool = False, compact: bool = True
) -> QTableView:
    """A read-only view that selects whole rows (several with *multi*).

    *compact* rows are 26 px high and do not wrap (long lists); otherwise the
    style's row height and wrapping apply.
    """
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
    if compact:
        view.verticalHeader().setDefaultSectionSize(26)
        view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
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


def rows_of(model: TableModel, view: QTableView) -> list[Any] | None:
    """The row objects selected in *view*; None if some are still loading."""
    out = []
    for row in selected_rows(view):
        item = model.row_at(row)
        if item is None:
            return None
        out.append(item)
    return out
