"""The township's decision on a submitted report reaches the station in its config package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from config_helpers import enrol_both_ways
from sqlalchemy import text
from sync_helpers import World

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from digests import table_digests

from app.i18n import restore_catalog, use_catalog
from app.services.auth import SYSTEM
from app.services.reports.submit import review_report, submit_report, submitted_reports
from app.sync.config import ConfigRefused, import_config, publish_config
from app.sync.export import export_sync
from app.sync.importer import import_files


def _submitted_and_imported(world: World, tmp_path: Path) -> tuple[str, str]:
    enrol_both_ways(world)
    first = submit_report(world.a.db, SYSTEM, "2026-10")
    second = submit_report(world.a.db, SYSTEM, "2026-11")
    export_sync(world.a.db, world.a.data_dir, tmp_path / "up")
    assert all(v.status == "imported" for v in import_files(world.town.db, [tmp_path / "up"]))
    return first.id, second.id


def test_a_returned_report_shows_at_the_station_with_the_reason(
    world: World, tmp_path: Path
) -> None:
    first, second = _submitted_and_imported(world, tmp_path)
    review_report(world.town.db, SYSTEM, first, approve=False, reason="人次与签到表不符")
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "down1")
    applied = import_config(world.a.db, world.a.data_dir, package.path)
    assert "1 report reviews" in " ".join(applied.applied)
    states = {r.id: (r.state_text, r.reason) for r in submitted_reports(world.a.db)}
    assert states == {first: ("退回", "人次与签到表不符"), second: ("已报送", "")}

    # the township approves it after all; the next package brings the newer decision
    review_report(world.town.db, SYSTEM, first, approve=True)
    review_report(world.town.db, SYSTEM, second, approve=True)
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "down2")
    applied = import_config(world.a.db, world.a.data_dir, package.path)
    assert "2 report reviews" in " ".join(applied.applied)
    states = {r.id: (r.state_text, r.reason) for r in submitted_reports(world.a.db)}
    assert states == {first: ("已审核", ""), second: ("已审核", "")}
    # the decisions are the township's: the station's next sync file does not carry them
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "up2")
    assert summary.counts.get("report_review", 0) == 0


def test_another_station_s_decisions_stay_out_of_its_package(world: World, tmp_path: Path) -> None:
    first, _second = _submitted_and_imported(world, tmp_path)
    review_report(world.town.db, SYSTEM, first, approve=False, reason="请补充照片")
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "down")
    applied = import_config(world.b.db, world.b.data_dir, package.path)
    assert "report reviews" not in " ".join(applied.applied)
    with world.b.db.read() as session:
        carried = session.execute(
            text("SELECT count(*) FROM local_state WHERE key LIKE 'report/review/%'")
        ).scalar()
    assert carried == 0


def test_a_package_with_a_forged_decision_is_refused_and_changes_nothing(
    world: World, tmp_path: Path
) -> None:
    first, _second = _submitted_and_imported(world, tmp_path)
    with world.town.db.write() as session:  # a decision no township screen can make
        session.execute(
            text(
                "INSERT INTO report_review (id, station_id, created_at, updated_at, row_version,"
                " change_seq, deleted, snapshot_id, state, reason, reviewed_at, reviewed_by)"
                " VALUES ('forged', :sid, '2026-11-01', '2026-11-01', 1, 1, 0, :snap, 'deleted',"
                " '', '2026-11-01T00:00:00', 'x')"
            ),
            {"sid": world.town.station_id, "snap": first},
        )
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "down")
    before = table_digests(world.a.data_dir.database)
    catalog = use_catalog("zh_CN")
    try:
        with pytest.raises(ConfigRefused) as refused:
            import_config(world.a.db, world.a.data_dir, package.path)
        message = str(refused.value)
    finally:
        restore_catalog(catalog)
    assert "未做任何更改" in message
    assert table_digests(world.a.data_dir.database) == before
