"""Fixtures of the upload tests: a copy of the township demo and a hub serving it.

``hub`` is the real hub (``main.py hub --workers 2`` in a subprocess on a free
loopback port, tests/hub/hub_server.py) serving the demo's township folder.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from upload_helpers import Demo

from app.db import Database
from app.demo.township import create_township_demo
from app.paths import DataDir
from tests.hub.hub_server import HubServer


@pytest.fixture(scope="session")
def township_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("upload-template") / "demo"
    create_township_demo(root, "small")
    return root


@pytest.fixture
def demo(township_template: Path, tmp_path: Path) -> Iterator[Demo]:
    root = tmp_path / "demo"
    shutil.copytree(township_template, root)
    station = DataDir(root / "station-a")
    d = Demo(root, station, DataDir(root / "township"), Database(station.database))
    yield d
    d.db.dispose()


@pytest.fixture
def hub(demo: Demo, tmp_path: Path) -> Iterator[HubServer]:
    server = HubServer(demo.township.root, tmp_path / "hub.log").start()
    yield server
    server.stop()


@pytest.fixture
def hub_url(hub: HubServer) -> str:
    return hub.url


@pytest.fixture
def dead_url() -> str:
    """A loopback address where nothing listens (a hub that is down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# the GUI tests' shared guarantees (English, no task outliving its test, fresh pages)
from tests.views.conftest import _clean_pages, _english, _gc_on_gui_thread  # noqa: E402

__all__ = ["Demo", "_clean_pages", "_english", "_gc_on_gui_thread"]
