"""Shared fixtures: a data folder, a migrated database, a set-up station.

Qt runs offscreen and QStandardPaths in test mode, so no test touches the
developer's real data folder or needs a screen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database, migrate
from app.paths import DataDir
from app.services.auth import Actor
from app.services.station import AdminAccount, StationInfo, setup_station

ADMIN_PASSWORD = "admin123"


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "station").ensure()


@pytest.fixture
def db(data_dir: DataDir) -> Iterator[Database]:
    database = Database(data_dir.database)
    migrate.ensure_schema(database.engine)
    yield database
    database.dispose()


def sample_station() -> StationInfo:
    return StationInfo(
        name="东风村新时代文明实践站",
        code="330481101001",
        village="东风村",
        township="城关镇",
        county="海宁市",
        leader_name="王建国",
        contact_phone="0573-87001234",
    )


@pytest.fixture
def station_db(db: Database, data_dir: DataDir) -> tuple[Database, Actor]:
    actor = setup_station(
        db, data_dir.keys, sample_station(), AdminAccount("admin", "王站长", ADMIN_PASSWORD)
    )
    return db, actor
