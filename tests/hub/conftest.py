"""Fixtures of the hub tests: two demo stations and their township (the sync tests'
template, tests/sync/sync_helpers.py), and the real hub serving that township."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from hub_server import HubServer
from sync_helpers import World, build_templates, open_copy


@pytest.fixture(scope="session")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_templates(tmp_path_factory.mktemp("hub-template"))


@pytest.fixture
def world(hub_template: Path, tmp_path: Path) -> Iterator[World]:
    w = open_copy(hub_template, tmp_path / "world")
    yield w
    w.close()


@pytest.fixture
def hub(world: World, tmp_path: Path) -> Iterator[HubServer]:
    server = HubServer(world.town.data_dir.root, tmp_path / "hub.log").start()
    yield server
    server.stop()
