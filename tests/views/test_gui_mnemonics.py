"""No window offers the same Alt+letter twice (户号(N)/姓名(N), 电话(P)×2, …).

Every page, every tab of a page, and every dialog a "…" button opens (on the demo
station, with the first row of each list chosen) is walked in English and in
Chinese; the accelerator letters of the visible labels, buttons, group boxes,
tabs and menus of one window must be distinct.  Blocking boxes (questions, input
and file dialogs) are answered "cancel" so the walk never stops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app.translations import install_translators

_MARK = re.compile(r"&([^&\s])")
# Buttons that would leave the station or the test: the full-screen kiosk with its
# camera, restoring a backup, signing out.
SKIP_BUTTONS = {"kiosk", "open_kiosk", "restore", "sign_out"}


def accelerator(text: str) -> str | None:
    found = _MARK.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    def shown(w: QWidget) -> bool:
        return w.isVisibleTo(window) and w.window() is window

    for w in window.findChildren(QAbstractButton):
        if shown(w):
            yield w.text(), f"{type(w).__name__} {w.objectName()}"
    for w in window.findChildren(QLabel):
        if shown(w) and w.buddy() is not None:
            yield w.text(), f"QLabel {w.objectName()}"
    for w in window.findChildren(QGroupBox):
        if shown(w) and w.isCheckable():
            yield w.title(), f"QGroupBox {w.objectName()}"
    for bar in window.findChildren(QTabBar):
        if shown(bar):
            for i in range(bar.count()):
                yield bar.tabText(i), "tab"
    for menubar in window.findChildren(QMenuBar):
        if shown(menubar):
            for action in menubar.actions():
                yield action.text(), "menu"


def duplicates(window: QWidget) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text, where in _texts(window):
        letter = accelerator(text)
        if letter:
            seen.setdefault(letter, []).append(f"{text!r} ({where})")
    return {k: v for k, v in seen.items() if len(v) > 1}


@pytest.fixture
def demo_db(tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.station import DemoSize, create_demo_station
    from app.paths import DataDir

    tiny = DemoSize(
        households=6, volunteers=4, activities=3, ledger_entries=40, redemptions=3, scan_events=10
    )
    db = create_demo_station(DataDir(tmp_path / "demo"), tiny)
    yield db
    db.dispose()


@pytest.fixture
def no_blocking_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """Modal boxes are checked and answered "cancel" instead of waiting for a person."""
    checked: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        checked.append(self)
        return 0

    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: no))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)
        )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a, **_k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (0, False)))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    return checked


def _choose_first_rows(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        model, selection = view.model(), view.selectionModel()
        if not (view.isVisible() and model is not None and selection is not None):
            continue
        if model.rowCount() and not selection.hasSelection():
            view.setCurrentIndex(model.index(0, 0))


def _walk(window: QMainWindow, wait_tasks, checked: list[QDialog]) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    found: dict[str, dict] = {}

    def check(w: QWidget, where: str) -> None:
        dup = duplicates(w)
        if dup:
            found[where] = dup

    def open_dialogs(where: str) -> None:
        _choose_first_rows(window)
        wait_tasks()
        for button in window.findChildren(QPushButton):
            if not (button.isVisibleTo(window) and button.isEnabled()):
                continue
            if "…" not in button.text() or button.objectName() in SKIP_BUTTONS:
                continue
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            checked.clear()
            button.click()
            wait_tasks()
            QApplication.processEvents()
            label = f"{where} → {button.text()}"
            for dialog in list(checked):
                check(dialog, label)
            for w in QApplication.topLevelWidgets():
                if w.isVisible() and id(w) not in before and w is not window:
                    check(w, label)
                    if isinstance(w, QDialog):
                        w.reject()
                    w.close()
            wait_tasks()

    for spec in window.specs:
        page = window.show_page(spec.key)
        wait_tasks()
        tab_widgets = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(window)]
        if not tab_widgets:
            check(window, spec.key)
            open_dialogs(spec.key)
            continue
        outer = tab_widgets[0]
        for i in range(outer.count()):
            outer.setCurrentIndex(i)
            wait_tasks()
            where = f"{spec.key}/{outer.tabText(i)}"
            check(window, where)
            open_dialogs(where)
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_window_has_a_duplicate_accelerator(
    qtbot, qapp, demo_db, make_workbench, wait_tasks, no_blocking_boxes, language
) -> None:  # type: ignore[no-untyped-def]
    from app.services import auth

    install_translators(qapp, language)
    try:
        bench = make_workbench(demo_db)
        admin_view = next(
            o for o in auth.list_operators(demo_db, auth.SYSTEM) if o.role.value == "admin"
        )
        admin = auth.Actor(
            admin_view.id, admin_view.username, admin_view.display_name, admin_view.role
        )
        bench.enter(admin)
        window = bench.window
        assert window is not None
        window.resize(1280, 800)
        qtbot.waitExposed(window)
        wait_tasks()
        found = _walk(window, wait_tasks, no_blocking_boxes)
        assert not found, "\n".join(f"{where}: {dup}" for where, dup in found.items())
    finally:
        install_translators(qapp, "en")
