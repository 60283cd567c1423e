"""An automated layout check for a shown window (a helper, not a test module).

:func:`layout_problems` walks every visible widget of a top-level window and
reports, as sentences naming the widgets:

* two visible widgets laid out side by side in the same parent (by the parent's
  layout, or a splitter) that overlap;
* a laid-out widget that reaches outside its parent (cut off) — except inside a
  scroll area's content, which scrolls;
* a visible button, label, check box, radio button or combo box drawn smaller
  than its minimum size hint (its text cut off), a wrapped label shorter than
  the height its text needs at its width;
* a top-level window whose frame does not fit the available screen area.

Left out: the inside of item views (their cells are not widgets) and of Qt's own
composite widgets (objects named ``qt_…``, spin boxes' and combo boxes' parts).
:func:`table_problems` looks into a table view: a column narrower than its
title, a header lower than its titles need, columns wider than the view with
no scroll bar to reach them (or, where the table must fit, wider at all).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

TOLERANCE = 2  # px: rounding in layouts and style metrics
SIZED = (QPushButton, QToolButton, QLabel, QCheckBox, QRadioButton, QComboBox)
OPAQUE = (QAbstractItemView, QAbstractSpinBox, QComboBox, QCalendarWidget, QTabBar)


def describe(widget: QWidget) -> str:
    name = widget.objectName() or "-"
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = widget.text().replace("\n", "⏎")[:40]
    elif isinstance(widget, QComboBox):
        text = widget.currentText()[:40]
    parts = [type(widget).__name__, name]
    if text:
        parts.append(f"“{text}”")
    return " ".join(parts)


def path(widget: QWidget) -> str:
    names = []
    w: QWidget | None = widget
    while w is not None and not w.isWindow():
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(names[1:4])) if len(names) > 1 else ""


def _managed(parent: QWidget) -> list[QWidget]:
    """The child widgets that *parent*'s layout (or splitter) places."""
    found: list[QWidget] = []
    if isinstance(parent, QSplitter):
        found = [parent.widget(i) for i in range(parent.count())]
    layout = parent.layout()
    if layout is not None:
        _collect(layout, found)
    return [w for w in found if w is not None and not w.isWindow()]


def laid_out_children(parent: QWidget) -> list[QWidget]:
    """The visible child widgets that *parent*'s layout (or splitter) places."""
    return [w for w in _managed(parent) if w.isVisible()]


def never_shown(parent: QWidget) -> list[QWidget]:
    """Laid-out children of a shown *parent* that nobody hid and yet are not
    shown: an empty box where they should be."""
    return [
        w
        for w in _managed(parent)
        if w.isHidden() and not w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    ]


def _collect(layout: QLayout, found: list[QWidget]) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            _collect(item.layout(), found)


CONTAINERS = {"qt_scrollarea_viewport", "qt_tabwidget_stackedwidget"}


def _internal(widget: QWidget) -> bool:
    name = widget.objectName()
    return name.startswith("qt_") and name not in CONTAINERS


def _scrolled(widget: QWidget) -> bool:
    """Whether *widget* is (the content of) a scroll area's viewport."""
    parent = widget.parentWidget()
    viewport = parent.parentWidget() if parent is not None else None
    return isinstance(viewport, QScrollArea) and parent is viewport.viewport()


def _too_small(widget: QWidget) -> str | None:
    hint = widget.minimumSizeHint()
    size = widget.size()
    if isinstance(widget, QLabel):
        if not widget.text() and widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            needed = widget.heightForWidth(size.width())
            if needed > size.height() + TOLERANCE:
                return f"is {size.height()} px high, its wrapped text needs {needed}"
            return None
    if hint.width() > size.width() + TOLERANCE or hint.height() > size.height() + TOLERANCE:
        return (
            f"is {size.width()}×{size.height()}, smaller than its minimum "
            f"{hint.width()}×{hint.height()}"
        )
    return None


def _overlap(a: QRect, b: QRect) -> bool:
    inter = a.intersected(b)
    return inter.width() > TOLERANCE and inter.height() > TOLERANCE


def widget_problems(root: QWidget) -> list[str]:
    """Overlaps, cut-off children and too small widgets under *root*."""
    problems: list[str] = []
    stack = [root]
    while stack:
        parent = stack.pop()
        if not parent.isVisible() or _internal(parent):
            continue
        children = laid_out_children(parent)
        for w in never_shown(parent):
            problems.append(f"{path(w)}: {describe(w)} is laid out but was never shown")
        inside_scroll = _scrolled(parent)
        for i, a in enumerate(children):
            for b in children[i + 1 :]:
                if _overlap(a.geometry(), b.geometry()):
                    problems.append(
                        f"{path(a)}: {describe(a)} {_rect(a)} overlaps {describe(b)} {_rect(b)}"
                    )
            if not inside_scroll and not parent.rect().adjusted(
                -TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE
            ).contains(a.geometry()):
                problems.append(
                    f"{path(a)}: {describe(a)} {_rect(a)} reaches outside its parent "
                    f"{describe(parent)} (0,0 {parent.width()}×{parent.height()})"
                )
        if isinstance(parent, SIZED) and parent is not root and not _internal(parent):
            small = _too_small(parent)
            if small:
                problems.append(f"{path(parent)}: {describe(parent)} {small}")
        if isinstance(parent, OPAQUE):
            continue
        for child in parent.findChildren(QWidget, options=_direct()):
            if child.isVisible() and not child.isWindow():
                stack.append(child)
    return problems


def window_fits(window: QWidget, area: QRect) -> list[str]:
    frame = window.frameGeometry()
    if area.contains(frame):
        return []
    return [
        f"window {describe(window)}: frame {frame.x()},{frame.y()} {frame.width()}×"
        f"{frame.height()} does not fit the available screen {area.x()},{area.y()} "
        f"{area.width()}×{area.height()}"
    ]


def layout_problems(window: QWidget, area: QRect) -> list[str]:
    return window_fits(window, area) + widget_problems(window)


def _rect(w: QWidget) -> str:
    g = w.geometry()
    return f"({g.x()},{g.y()} {g.width()}×{g.height()})"


def _direct():  # type: ignore[no-untyped-def]
    return Qt.FindChildOption.FindDirectChildrenOnly


def table_problems(view: QTableView, *, must_fit: bool = False) -> list[str]:
    """Cut titles of *view*'s columns, and columns that do not fit without a way to
    scroll to them (with *must_fit*: that do not fit at all)."""
    header = view.horizontalHeader()
    model = view.model()
    where = f"{path(view)}: {describe(view)}"
    problems: list[str] = []
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        title = model.headerData(i, Qt.Orientation.Horizontal) if model is not None else ""
        need = header.sectionSizeHint(i)
        if header.sectionSize(i) + TOLERANCE < need:
            problems.append(
                f"{where}: column “{title}” is {header.sectionSize(i)} px wide, "
                f"its title needs {need}"
            )
    if header.isVisible() and header.height() + TOLERANCE < header.sizeHint().height():
        problems.append(
            f"{where}: the header is {header.height()} px high, its titles need "
            f"{header.sizeHint().height()}"
        )
    width = view.viewport().width()
    if header.length() > width + TOLERANCE:
        if must_fit:
            problems.append(
                f"{where}: {header.length()} px of columns in a view {width} px wide "
                "(needs horizontal scrolling)"
            )
        elif not view.horizontalScrollBar().isVisible():
            problems.append(
                f"{where}: {header.length()} px of columns in a view {width} px wide, "
                "and no scroll bar"
            )
    return problems
