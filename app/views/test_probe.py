"""Test probe — tells an end-to-end test where the widgets are on the real screen.

**Off by default.**  Only when the environment variable
``STATION_WORKBENCH_TEST_PROBE`` names a folder does :func:`install` start it;
nothing else in the program knows about it.  The end-to-end tests
(``tests/e2e``) start the real program under an X server and drive it from
outside with real key and mouse events (``xdotool``), as the scanner, the
keyboard and the mouse do; they cannot look inside the process, so they ask
the probe where to click.

The protocol is two files in that folder.  The test writes ``request`` (its
text is a serial number); within about 50 ms the probe deletes it and writes
``widgets.json`` atomically (``.part`` then rename)::

    {"serial": "7",
     "focus": {"name": "counter_scan", "class": "ScanLineEdit", "window": "main_window"},
     "windows": [{"name", "class", "title", "x", "y", "w", "h", "active", "modal"}],
     "widgets": [{"name", "class", "window", "x", "y", "w", "h", "shown", "enabled",
                  "text", "checked"}],
     "items":   [{"view", "window", "row", "text", "x", "y", "w", "h"}],
     "tabs":    [{"tabs", "window", "index", "text", "current", "x", "y", "w", "h"}]}

Coordinates are global (screen) pixels.  ``widgets`` holds the visible
widgets that have an object name, and every visible button (the standard
dialogs' buttons have none); ``shown`` is the part of a widget not scrolled
away or covered by a sibling (``null`` if none); ``text`` is a button's, label's, line edit's
(never a password's) or combo box's text.  ``items`` are the rows of item
views (tables, lists) visible in their viewport, ``text`` the row's cells
joined by `` | ``; ``tabs`` are the tabs of every visible tab bar, named by
the tab widget that holds it.  The probe only reads; it changes nothing.
"""

from __future__ import annotations

import json
import logging
import os
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QTableView,
    QWidget,
)

ENV = "STATION_WORKBENCH_TEST_PROBE"
POLL_MS = 50
MAX_ROWS = 200  # rows looked at per item view

log = logging.getLogger(__name__)


def install(app: QApplication) -> WidgetProbe | None:
    """Start the probe if the environment asks for it (see the module docstring)."""
    folder = os.environ.get(ENV, "")
    if not folder:
        return None
    log.warning("test probe answering in %s", folder)
    return WidgetProbe(Path(folder), app)


class WidgetProbe(QObject):
    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        request = self.folder / "request"
        try:
            serial = request.read_text(encoding="utf-8").strip()
        except OSError:
            return
        request.unlink(missing_ok=True)
        try:
            answer = snapshot()
        except Exception:  # the test waits for an answer; tell it what broke
            log.exception("test probe failed")
            answer = {"error": traceback.format_exc()}
        answer["serial"] = serial
        part = self.folder / "widgets.json.part"
        part.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
        part.replace(self.folder / "widgets.json")


def _rect(widget: QWidget, rect: QRect | None = None) -> dict[str, int]:
    rect = rect if rect is not None else widget.rect()
    top_left = widget.mapToGlobal(rect.topLeft())
    return {"x": top_left.x(), "y": top_left.y(), "w": rect.width(), "h": rect.height()}


def _window_name(widget: QWidget) -> str:
    window = widget.window()
    return window.objectName() or window.windowTitle()


def _text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton | QLabel):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return "" if widget.echoMode() != QLineEdit.EchoMode.Normal else widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _items(view: QAbstractItemView) -> list[dict[str, Any]]:
    model = view.model()
    if model is None:
        return []
    viewport = view.viewport()
    shown = viewport.rect()
    root = view.rootIndex()
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    else:
        columns = [view.modelColumn() if isinstance(view, QListView) else 0]
    if not columns:
        return []
    rows = []
    for row in range(min(model.rowCount(root), MAX_ROWS)):
        first = model.index(row, columns[0], root)
        rect = view.visualRect(first)
        if not rect.isValid() or not rect.intersects(shown):
            continue
        last = view.visualRect(model.index(row, columns[-1], root))
        rect = rect.united(last).intersected(shown)
        texts = [
            str(model.index(row, c, root).data(Qt.ItemDataRole.DisplayRole) or "") for c in columns
        ]
        rows.append(
            {
                "view": view.objectName(),
                "window": _window_name(view),
                "row": row,
                "text": " | ".join(texts),
                **_rect(viewport, rect),
            }
        )
    return rows


def _tabs(bar: QTabBar) -> list[dict[str, Any]]:
    holder = bar.parentWidget()
    name = holder.objectName() if holder is not None else ""
    return [
        {
            "tabs": name,
            "window": _window_name(bar),
            "index": i,
            "text": bar.tabText(i),
            "current": i == bar.currentIndex(),
            **_rect(bar, bar.tabRect(i)),
        }
        for i in range(bar.count())
    ]


def snapshot() -> dict[str, Any]:
    """What the module docstring promises, for the widgets shown now."""
    windows, widgets, items, tabs = [], [], [], []
    active = QApplication.activeWindow()
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        frame = window.frameGeometry()
        windows.append(
            {
                "name": window.objectName(),
                "class": type(window).__name__,
                "title": window.windowTitle(),
                "x": frame.x(),
                "y": frame.y(),
                "w": frame.width(),
                "h": frame.height(),
                "active": window is active,
                "modal": window.isModal(),
            }
        )
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QAbstractItemView):
                items.extend(_items(widget))
            if isinstance(widget, QTabBar):
                tabs.extend(_tabs(widget))
            if not widget.objectName() and not isinstance(widget, QAbstractButton):
                continue
            checked = widget.isChecked() if isinstance(widget, QAbstractButton) else None
            shown = widget.visibleRegion().boundingRect()
            widgets.append(
                {
                    "name": widget.objectName(),
                    "class": type(widget).__name__,
                    "window": _window_name(widget),
                    **_rect(widget),
                    "shown": _rect(widget, shown) if not shown.isEmpty() else None,
                    "enabled": widget.isEnabled(),
                    "text": _text(widget),
                    "checked": checked,
                }
            )
    focus = QApplication.focusWidget()
    return {
        "focus": None
        if focus is None
        else {
            "name": focus.objectName(),
            "class": type(focus).__name__,
            "window": _window_name(focus),
        },
        "windows": windows,
        "widgets": widgets,
        "items": items,
        "tabs": tabs,
    }
