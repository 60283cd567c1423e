"""Fixtures of the end-to-end tests (see desktop.py): the X desktop and the print
queue for the whole session, a demo station made once with the CLI, and per
test a copy of it, prepared through the services before the program starts,
and the running program.

The tools come from ./dev.sh's Debian packages.  Without them the tests skip on
a developer's PC and fail in CI.  ``-m "not hardware"`` leaves them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from e2e_desktop import (
    CUPS_PDF_BACKEND,
    CUPS_PDF_PPD,
    IN_CI,
    PRINT_TOOLS,
    ROOT,
    X_TOOLS,
    Desktop,
    PrintQueue,
    RunningApp,
    need_tools,
)
from e2e_station import Prepared, prepare


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    need_tools(X_TOOLS)
    screen = Desktop(tmp_path_factory.mktemp("desktop"))
    try:
        yield screen.start()
    finally:
        screen.close()


@pytest.fixture(scope="session")
def print_queue() -> Iterator[PrintQueue]:
    need_tools(PRINT_TOOLS, (CUPS_PDF_BACKEND, CUPS_PDF_PPD))
    if os.geteuid() != 0:
        message = "the cups-pdf queue needs root (its backend refuses to run otherwise)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    queue = PrintQueue()
    try:
        yield queue.start()
    finally:
        queue.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo station, made once by the CLI (``main.py --data-dir D demo``)."""
    folder = tmp_path_factory.mktemp("demo") / "station"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "demo"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


@pytest.fixture
def station(demo_template: Path, tmp_path: Path) -> Prepared:
    folder = tmp_path / "station"
    shutil.copytree(demo_template, folder)
    return prepare(folder)


@pytest.fixture
def start_app(desktop: Desktop, tmp_path: Path) -> Iterator[Callable[..., RunningApp]]:
    """``start_app(station, env={...})`` starts the program; it is stopped after the test."""
    started: list[RunningApp] = []

    def start(station: Prepared, env: dict[str, str] | None = None) -> RunningApp:
        folder = tmp_path / f"app{len(started)}"
        folder.mkdir()
        running = RunningApp(desktop, station.data_dir, folder, dict(env or {}))
        started.append(running)
        return running.start()

    yield start
    for running in started:
        running.stop()
