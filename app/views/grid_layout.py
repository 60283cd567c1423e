"""A layout of equal cells in as many columns as its width allows.

:class:`ColumnGridLayout` places its items left to right, top to bottom, in
cells at least ``cell_width`` wide that share the width evenly; the number of
columns follows from the width the layout gets, so nothing has to be rebuilt
when the width changes.  It has a height for its width, which a resizable
:class:`QScrollArea` honours: the content is exactly as tall as its rows.

:class:`FlowLayout` puts items of different widths side by side and wraps
them onto more lines.

Both can instead keep their widget's *minimum height* equal to the height
their width needs (``height_for_width=False``, for a widget's own layout):
a height-for-width item inside a box layout is laid out at its full preferred
height, which would make every box around a row of buttons rigid.

(The counter's goods grid used to rebuild its buttons from a resize event of
the scroll area's viewport.  A column boundary that fell within the width of
the vertical scroll bar made the rebuilds feed each other, and the buttons
ended up hidden, unplaced at 640×480, or squashed into a holder sized for an
empty grid.)
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def follow_width(layout: QLayout, height: int) -> None:
    """Make *layout*'s widget at least *height* high (its layout's need at its width)."""
    widget = layout.parentWidget()
    if widget is not None and widget.layout() is layout and widget.minimumHeight() != height:
        widget.setMinimumHeight(height)


def wrapping(layout: QLayout) -> QWidget:
    """A plain widget holding *layout* (a FlowLayout or ColumnGridLayout made with
    ``height_for_width=False``), to be added where a layout would go."""
    holder = QWidget()
    holder.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


class ColumnGridLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        cell_width: int = 0,
        max_columns: int = 0,
        *,
        fill: bool = True,
        height_for_width: bool = True,
    ) -> None:
        """Cells at least *cell_width* wide (and as wide as the widest item's
        minimum); at most *max_columns* columns (0: no limit).  With *fill* the
        cells share the whole width, else they keep the widest item's size hint
        and line up on the left."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.cell_width = cell_width
        self.max_columns = max_columns
        self.fill = fill
        self.height_for_width = height_for_width

    # --- QLayout's item list ----------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal if self.fill else Qt.Orientation(0)

    # --- geometry ---------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    def _cell_height(self, items: list[QLayoutItem]) -> int:
        return max((max(i.sizeHint().height(), i.minimumSize().height()) for i in items), default=0)

    def _cell_min_width(self, items: list[QLayoutItem]) -> int:
        widths = [i.minimumSize().width() for i in items]
        if not self.fill:  # the cells keep their natural width
            widths += [i.sizeHint().width() for i in items]
        return max([self.cell_width, *widths])

    def columns_for(self, width: int) -> int:
        """How many columns fit *width* (the layout's whole width, margins included)."""
        m = self.contentsMargins()
        inner = width - m.left() - m.right()
        cell = self._cell_min_width(self._shown())
        spacing = self._spacing()
        columns = max(1, (inner + spacing) // (cell + spacing))
        if self.max_columns:
            columns = min(columns, self.max_columns)
        return columns

    def hasHeightForWidth(self) -> bool:
        return self.height_for_width

    def heightForWidth(self, width: int) -> int:
        items = self._shown()
        m = self.contentsMargins()
        if not items:
            return m.top() + m.bottom()
        columns = self.columns_for(width)
        rows = -(-len(items) // columns)
        spacing = self._spacing()
        return m.top() + m.bottom() + rows * self._cell_height(items) + (rows - 1) * spacing

    def minimumSize(self) -> QSize:
        m = self.contentsMargins()
        items = self._shown()
        width = self._cell_min_width(items) + m.left() + m.right()
        height = self._cell_height(items) + m.top() + m.bottom()
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        items = self._shown()
        columns = max(1, min(len(items), self.max_columns or 2))
        cell = max([self._cell_min_width(items), *(i.sizeHint().width() for i in items)])
        width = columns * cell + (columns - 1) * self._spacing() + m.left() + m.right()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if not self.height_for_width:
            follow_width(self, self.heightForWidth(rect.width()))
        items = self._shown()
        if not items:
            return
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        columns = self.columns_for(rect.width())
        spacing = self._spacing()
        width = max(1, (inner.width() - (columns - 1) * spacing) // columns)
        if not self.fill:
            width = min(width, self._cell_min_width(items))
        height = self._cell_height(items)
        for index, item in enumerate(items):
            row, column = divmod(index, columns)
            origin = QPoint(
                inner.x() + column * (width + spacing), inner.y() + row * (height + spacing)
            )
            item.setGeometry(QRect(origin, QSize(width, height)))


class FlowLayout(QLayout):
    """Items at their size hint, left to right, wrapping onto the next line where
    the width runs out (a row of buttons and fields on a narrow page)."""

    def __init__(self, parent: QWidget | None = None, *, height_for_width: bool = True) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.height_for_width = height_for_width

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return self.height_for_width

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:
        m = self.contentsMargins()
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(self._size(item))
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(self._size(i).width() for i in shown) + self._spacing() * max(0, len(shown) - 1)
        height = max((self._size(i).height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if not self.height_for_width:
            follow_width(self, self.heightForWidth(rect.width()))
        self._place(rect, apply=True)

    def _spacing(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    @staticmethod
    def _size(item: QLayoutItem) -> QSize:
        return item.sizeHint().expandedTo(item.minimumSize())

    def _place(self, rect: QRect, *, apply: bool) -> int:
        """Lay the items out in *rect* (or only measure); returns the height used."""
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        spacing = self._spacing()
        x, y, line_height = inner.x(), inner.y(), 0
        line: list[tuple[QLayoutItem, QSize, int]] = []

        def finish_line() -> None:
            if apply:
                for item, size, left in line:
                    top = y + (line_height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top), size))

        for item in self._items:
            if item.isEmpty():
                continue
            size = self._size(item)
            if line and x + size.width() > inner.right() + 1:
                finish_line()
                line = []
                x = inner.x()
                y += line_height + spacing
                line_height = 0
            line.append((item, size, x))
            x += size.width() + spacing
            line_height = max(line_height, size.height())
        finish_line()
        return y + line_height - rect.y() + m.bottom()
