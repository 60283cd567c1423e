"""Fixtures for the GUI tests: a settings file, a signed-in workbench, operators of
each role, and a guarantee that no worker-thread task outlives its test.

Tests drive the widgets as a person would (typing, clicking, keys) and wait on
signals or conditions with ``qtbot.waitUntil`` — never ``sleep``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.db import Database
from app.models import Role
from app.paths import DataDir
from app.services import auth
from app.services.auth import Actor
from app.settings import Settings
from app.views.pages import reset_pages
from app.views.qtfix import GuiThreadGarbageCollector
from app.views.session import Workbench
from app.views.tasks import default_runner

WORKER_PASSWORD = "worker123"
COUNTER_PASSWORD = "counter123"


def _wait_idle(qtbot, timeout: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def _english(qapp) -> None:  # type: ignore[no-untyped-def]
    """The GUI tests read English, with its plural forms ("1 household", "2 households")."""
    from app.translations import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def wait_tasks(qtbot):  # type: ignore[no-untyped-def]
    """``wait_tasks()`` waits until every task's result has been delivered."""
    return lambda timeout=15_000: _wait_idle(qtbot, timeout)


@pytest.fixture
def type_text(qtbot):  # type: ignore[no-untyped-def]
    """Type like a person: ASCII as key presses, Chinese through the input method
    (a commit string, as Pinyin input delivers it)."""

    def type_(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        if text.isascii():
            qtbot.keyClicks(widget, text)
            return
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    return type_


@pytest.fixture
def settings(data_dir: DataDir) -> Settings:
    return Settings(data_dir.settings_file)


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(qapp, qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """As in the application: no garbage collection on worker threads (see qtfix)."""
    collector = GuiThreadGarbageCollector()
    yield
    _wait_idle(qtbot)
    default_runner().wait_for_threads()
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _clean_pages() -> Iterator[None]:
    reset_pages()
    yield
    reset_pages()


@pytest.fixture
def operators(station_db: tuple[Database, Actor]) -> dict[str, Actor]:
    """A 实践员 'li' and a 超市值守 'zhao' besides the administrator."""
    db, admin = station_db
    auth.create_operator(db, admin, "li", "李实践", Role.WORKER, WORKER_PASSWORD)
    auth.create_operator(db, admin, "zhao", "赵值守", Role.COUNTER, COUNTER_PASSWORD)
    actors = {}
    for name, pw in (("li", WORKER_PASSWORD), ("zhao", COUNTER_PASSWORD)):
        actors[name] = auth.login(db, name, pw)
    actors["admin"] = admin
    return actors


@pytest.fixture
def make_workbench(qtbot, data_dir: DataDir, settings: Settings):  # type: ignore[no-untyped-def]
    """Build a Workbench on a database; everything it opened is closed afterwards."""
    made: list[Workbench] = []

    def make(db: Database) -> Workbench:
        bench = Workbench(db, data_dir, settings)
        made.append(bench)
        return bench

    yield make
    _wait_idle(qtbot)
    for bench in made:
        bench.idle.uninstall()
        if bench.window is not None:
            bench.window.close_for_sign_out()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    _wait_idle(qtbot)
    default_runner().wait_for_threads()


@pytest.fixture
def signed_in(qtbot, station_db, make_workbench):  # type: ignore[no-untyped-def]
    """A workbench with the administrator signed in; returns (workbench, window)."""
    db, admin = station_db
    bench = make_workbench(db)
    bench.enter(admin)
    assert bench.window is not None
    qtbot.waitExposed(bench.window)
    _wait_idle(qtbot)
    return bench, bench.window
