"""A township with two enrolled demo stations, for the GUI tests (not a test module).

The sync tests' two stations and township (tests/sync/sync_helpers.py) are made
once per session and copied per test; :func:`open_township` signs the
township's administrator in on a :class:`Workbench` that was started as the
program starts it (so the window's mode is the one read from the database).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from sync_helpers import World, build_templates, make_township, open_copy, rewrite

from app.services import auth
from app.settings import Settings
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.tasks import default_runner

TOWNSHIP_PASSWORD = "admin123"

__all__ = ["World", "make_township", "open_township", "rewrite", "town_template", "world"]


@pytest.fixture(scope="session")
def town_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_templates(tmp_path_factory.mktemp("town-template"))


@pytest.fixture
def world(town_template: Path, tmp_path: Path) -> Iterator[World]:
    w = open_copy(town_template, tmp_path / "world")
    yield w
    w.close()


def open_township(qtbot, world: World, made: list[Workbench]) -> MainWindow:  # type: ignore[no-untyped-def]
    """Start a workbench on the township's database and sign its administrator in."""
    town = world.town
    bench = Workbench(town.db, town.data_dir, Settings(town.data_dir.settings_file))
    made.append(bench)
    bench.start()
    qtbot.waitUntil(lambda: bench.login is not None, timeout=15_000)
    bench.enter(auth.login(town.db, "admin", TOWNSHIP_PASSWORD))
    assert bench.window is not None
    qtbot.waitExposed(bench.window)
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    return bench.window


def close_benches(qtbot, made: list[Workbench]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for bench in made:
        bench.idle.uninstall()
        if bench.login is not None:
            bench.login.blockSignals(True)
            bench.login.close()
        if bench.window is not None:
            bench.window.close_for_sign_out()
    # what a sign-out left behind (a login window, a quit question) would take the
    # activation, and so the keyboard focus, from the next test's windows
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    default_runner().wait_for_threads()
