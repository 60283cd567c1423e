"""Fixtures of the sync tests: fresh copies of two demo stations and their township."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import World, build_templates, open_copy


@pytest.fixture(scope="session")
def sync_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_templates(tmp_path_factory.mktemp("sync-template"))


@pytest.fixture
def world(sync_template: Path, tmp_path: Path) -> Iterator[World]:
    w = open_copy(sync_template, tmp_path / "world")
    yield w
    w.close()
