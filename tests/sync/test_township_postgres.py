"""The township's screens read the same figures from PostgreSQL as from SQLite (issue 9).

A township's store is copied into a private PostgreSQL server
(tests/services/postgres_server.py) the way ``hub --copy-from-folder`` does,
opened the way the desktop opens ``--db URL`` (``open_township_store``), and
the same stations' files are imported into it and into the SQLite township.
Then every service behind 首页, 站点 and 汇总 gives the same answer on both.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pg_township import new_database
from sqlalchemy import create_engine
from sync_helpers import World

from app.db import Database
from app.services.station import overview
from app.services.township import stations
from app.services.township.home import recent_imports
from app.services.township.summary import (
    FIGURES,
    month_summary,
    months_with_activities,
    township_months,
)
from app.sync.export import export_sync
from app.sync.hub.storage import StoreRefused, copy_store, open_township_store
from app.sync.importer import import_files, station_states

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from postgres_server import postgres_server


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def township_on_postgres(world: World, server_url: str) -> Database:
    """The township's store (before any import) copied into a new database, opened as the
    desktop opens ``--db URL``.  Its text sorts as Chinese does (a county's server is
    rarely set up byte by byte), so an order left to the database would differ."""
    url = new_database(server_url, icu_locale="zh-CN")
    engine = create_engine(url)
    try:
        copy_store(world.town.data_dir.database, engine)
    finally:
        engine.dispose()
    return open_township_store(world.town.data_dir.root, url)


def test_the_township_services_answer_the_same_on_postgresql(
    world: World, pg_server: str, tmp_path: Path
) -> None:
    pg = township_on_postgres(world, pg_server)
    try:
        assert pg.engine.dialect.name == "postgresql"
        stick = tmp_path / "stick"
        for station in (world.a, world.b):
            export_sync(station.db, station.data_dir, stick)
        lite = world.town.db
        for town in (lite, pg):
            assert [v.status for v in import_files(town, [stick])] == ["imported", "imported"]

        ids = [world.a.station_id, world.b.station_id]
        assert months_with_activities(lite, ids), "the demo stations hold activities"
        assert months_with_activities(pg, ids) == months_with_activities(lite, ids)
        months = township_months(lite)  # with the current month (today's stock and stars)
        assert township_months(pg) == months
        seen = 0
        for month in months:
            mine, theirs = month_summary(pg, month), month_summary(lite, month)
            assert mine == theirs, month  # every station's figures, categories and details
            assert mine.totals == theirs.totals, month
            seen += sum(getattr(mine.totals, name) for name in FIGURES)
            seen += len(mine.households) + len(mine.volunteers) + len(mine.stock)
        assert seen > 0, "some figure was not zero"

        # 站点 and 首页: each station's sync state, the threshold, the last imports
        def state(s):  # type: ignore[no-untyped-def]
            assert s.last_import_at is not None  # imported at two moments: compared apart
            return replace(s, last_import_at=None)

        assert [state(s) for s in station_states(pg)] == [state(s) for s in station_states(lite)]
        assert [s.acked_seq > 0 for s in station_states(pg)] == [True, True]
        assert stations.stale_days(pg) == stations.stale_days(lite)

        def imported(r):  # type: ignore[no-untyped-def]
            return replace(r, imported_at=None)

        assert [imported(r) for r in recent_imports(pg)] == [
            imported(r) for r in recent_imports(lite)
        ]
        assert len(recent_imports(pg)) == 2
        assert overview(pg) == overview(lite)
    finally:
        pg.dispose()


def test_a_store_that_is_empty_or_not_a_townships_is_refused(world: World, pg_server: str) -> None:
    from sqlalchemy import inspect

    empty = new_database(pg_server)
    with pytest.raises(StoreRefused) as refused:
        open_township_store(world.town.data_dir.root, empty)
    assert "is empty" in refused.value.untranslated and "--copy-from-folder" in str(refused.value)
    engine = create_engine(empty)
    assert inspect(engine).get_table_names() == [], "nothing was written to it"

    copy_store(world.a.data_dir.database, engine)  # a station's store, not a township's
    engine.dispose()
    with pytest.raises(StoreRefused) as refused:
        open_township_store(world.a.data_dir.root, empty)
    assert "holds no township" in refused.value.untranslated
    assert "@" in refused.value.untranslated and "PostgreSQL · township_" in str(refused.value)

    older = new_database(pg_server)  # a store the hub has not upgraded yet
    old_engine = create_engine(older)
    from app.db import migrate

    migrate.upgrade(old_engine, "0009")
    old_engine.dispose()
    with pytest.raises(StoreRefused) as refused:
        open_township_store(world.town.data_dir.root, older)
    assert "Start the hub of this version" in refused.value.untranslated
    assert "0009" in str(refused.value)
    old_engine = create_engine(older)
    assert migrate.current_revision(old_engine) == "0009", "the desktop upgraded nothing"
    old_engine.dispose()

    gone = pg_server.replace("host=", "host=/nonexistent")
    with pytest.raises(StoreRefused) as refused:
        open_township_store(world.town.data_dir.root, gone)
    assert "cannot be reached" in refused.value.untranslated
