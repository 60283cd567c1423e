"""Property (hypothesis): whatever happens to the sticks, the township ends equal.

Random interleavings of edits at two stations (points awarded, a household's
note changed), exports, files lost, files imported late or twice, and
acknowledgements carried back — then one last export of each station after
the last acknowledgement — must leave the township holding every station's
rows at their latest versions, with each station's ledger totals equal to
the station's own, nothing quarantined and no gap.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_helpers import holdings, open_copy, totals

from app.models import Household, PointRule
from app.models.sync import SyncQuarantine
from app.services import points
from app.services.auth import SYSTEM
from app.sync.export import export_sync, set_acknowledged
from app.sync.importer import acknowledgements, import_file, station_states

STEP = st.one_of(
    st.tuples(st.just("award"), st.integers(0, 1), st.integers(1, 3)),
    st.tuples(st.just("note"), st.integers(0, 1), st.integers(0, 9)),
    st.tuples(st.just("export"), st.integers(0, 1), st.just(0)),
    st.tuples(st.just("import"), st.integers(0, 40), st.just(0)),  # a file, maybe lost
    st.tuples(st.just("ack"), st.integers(0, 1), st.just(0)),
)
_RUN = itertools.count()


@settings(
    max_examples=12,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=3, max_size=14))
def test_township_totals_equal_each_stations_own(sync_template: Path, tmp_path: Path, steps):
    root = tmp_path / f"run{next(_RUN)}"
    world = open_copy(sync_template, root)
    try:
        stations = (world.a, world.b)
        files: list[Path] = []
        with world.a.db.read() as s:
            rule_a = s.scalars(select(PointRule.code).where(PointRule.points > 0)).first()
        for n, (kind, which, arg) in enumerate(steps):
            station = stations[which % 2]
            if kind == "award":
                with station.db.read() as s:
                    households = s.scalars(select(Household.id).order_by(Household.number)).all()
                for i in range(arg):
                    points.award(station.db, SYSTEM, households[i % len(households)], rule_a)
            elif kind == "note":
                with station.db.write() as s:
                    household = s.scalars(select(Household).order_by(Household.number)).first()
                    household.note = f"改动 {n} {arg}"
            elif kind == "export":
                files.append(export_sync(station.db, station.data_dir, root / f"stick{n}").path)
            elif kind == "import" and files:
                import_file(world.town.db, files[which % len(files)])  # older, twice, or never
            elif kind == "ack":
                ack = acknowledgements(world.town.db).get(station.station_id)
                if ack is not None:
                    set_acknowledged(station.db, *ack)
        for station in stations:  # the healing file: everything since the last ack
            import_file(
                world.town.db, export_sync(station.db, station.data_dir, root / "last").path
            )
        for station in stations:
            assert holdings(world.town.db, station.station_id) == holdings(
                station.db, station.station_id
            )
            assert totals(world.town.db, station.station_id) == totals(
                station.db, station.station_id
            )
        with world.town.db.read() as s:
            assert s.scalars(select(SyncQuarantine)).all() == []
        assert all(
            state.gaps == () and not state.chain_problem for state in station_states(world.town.db)
        )
    finally:
        world.close()
        shutil.rmtree(root, ignore_errors=True)
