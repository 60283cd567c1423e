"""The township import (issue 14): what arrives, exactly once, and what is refused.

Each failure mode of DESIGN §5 is its own test.  The stations are small demo
stations (tests/services/two_stations.py), their files real exports; files a
station would never write are made by re-signing a changed copy with the
station's real key (sync_helpers.rewrite), so only the check under test can
refuse them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import World, holdings, rewrite, row_counts, totals

from app.models import Household, PointRule
from app.models.sync import SyncQuarantine
from app.services import audit, points
from app.services.auth import SYSTEM
from app.sync.errors import (
    SchemaMismatch,
    SyncCancelled,
    SyncFileRefused,
    UnknownStation,
    WrongStationKey,
)
from app.sync.export import export_sync, set_acknowledged
from app.sync.importer import acknowledgements, import_file, import_files, station_states


def _household(db) -> str:
    with db.read() as s:
        return s.scalars(select(Household.id).order_by(Household.number)).first()


def _rule(db) -> str:
    with db.read() as s:
        return s.scalars(
            select(PointRule.code).where(PointRule.points > 0).order_by(PointRule.code)
        ).first()


def award(station, times: int = 1) -> None:
    household, rule = _household(station.db), _rule(station.db)
    for _ in range(times):
        points.award(station.db, SYSTEM, household, rule)


def ack_back(world: World, station) -> None:
    """What the config package will do: the township's acknowledgement reaches the station."""
    incarnation, seq = acknowledgements(world.town.db)[station.station_id]
    set_acknowledged(station.db, incarnation, seq)


def assert_same(world: World, station) -> None:
    assert holdings(world.town.db, station.station_id) == holdings(station.db, station.station_id)
    assert totals(world.town.db, station.station_id) == totals(station.db, station.station_id)


def test_two_stations_add_up_at_the_township_and_its_checks_pass(world: World, tmp_path):
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        summary = export_sync(station.db, station.data_dir, stick)
        verdict = import_file(world.town.db, summary.path)
        assert verdict.status == "imported" and verdict.applied == summary.rows
        assert verdict.quarantined == 0 and verdict.gaps == ()
        assert_same(world, station)
    assert audit.verify_chain(world.town.db).ok
    assert audit.verify_anchors(world.town.db).ok
    # the township's own full check (also what a restore of its backups runs) passes
    from app.services.checks import run_checks

    assert [r.title for r in run_checks(world.town.db, full=True) if not r.ok] == []
    states = {s.code: s for s in station_states(world.town.db)}
    assert {s.chain_problem for s in states.values()} == {""}
    assert all(s.chain_seq > 0 and s.files == 1 for s in states.values())


def test_the_same_file_twice_is_a_no_op_that_says_when(world: World, tmp_path):
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path)
    first = import_file(world.town.db, summary.path)
    before = row_counts(world.town.db)
    copy = shutil.copy(summary.path, tmp_path / "renamed.wbsync")  # a copy under another name
    again = import_file(world.town.db, Path(copy))
    assert first.status == "imported"
    assert again.status == "already" and again.first_imported_at is not None
    assert again.first_imported_at.strftime("%Y-%m-%d %H:%M") in again.message
    assert row_counts(world.town.db) == before


def test_files_out_of_order_and_one_lost_end_equal(world: World, tmp_path):
    f1 = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    award(world.a, 3)
    f2 = export_sync(world.a.db, world.a.data_dir, tmp_path / "2").path  # lost on the way
    award(world.a, 2)
    f3 = export_sync(world.a.db, world.a.data_dir, tmp_path / "3").path
    del f2  # never arrives: f3 holds everything since the last acknowledgement
    assert import_file(world.town.db, f3).gaps == ()
    late = import_file(world.town.db, f1)  # the older stick turns up afterwards
    assert late.status == "imported" and late.applied == 0 and late.quarantined == 0
    assert_same(world, world.a)


def test_a_gap_is_reported_until_a_later_export_after_the_ack_heals_it(world: World, tmp_path):
    f1 = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    import_file(world.town.db, f1)
    ack_back(world, world.a)
    town_after_f1 = tmp_path / "town-after-f1"
    world.town.db.dispose()
    shutil.copytree(world.town.data_dir.root, town_after_f1)
    award(world.a, 2)
    import_file(world.town.db, export_sync(world.a.db, world.a.data_dir, tmp_path / "2").path)
    ack_back(world, world.a)
    acked_then = acknowledgements(world.town.db)[world.a.station_id][1]
    # the township PC is put back from a backup taken after the first file
    world.town.db.dispose()
    shutil.rmtree(world.town.data_dir.root)
    shutil.copytree(town_after_f1, world.town.data_dir.root)
    award(world.a, 1)
    f3 = export_sync(world.a.db, world.a.data_dir, tmp_path / "3")
    assert f3.seq_from == acked_then + 1
    verdict = import_file(world.town.db, f3.path)
    gap = verdict.gaps[0]
    assert gap[0] == acknowledgements(world.town.db)[world.a.station_id][1] + 1
    assert f"{gap[0]}–{gap[1]}" in verdict.message
    assert [s.gaps for s in station_states(world.town.db) if s.code == "330481101001"] == [
        verdict.gaps
    ]
    # the township's (lower) acknowledgement goes back; the next export re-sends the rest
    ack_back(world, world.a)
    healed = import_file(
        world.town.db, export_sync(world.a.db, world.a.data_dir, tmp_path / "4").path
    )
    assert healed.gaps == ()
    assert_same(world, world.a)


def test_a_station_restored_from_an_old_backup_is_a_new_incarnation_nothing_lost_or_doubled(
    world: World, tmp_path
):
    from app.services.backup import make_backup
    from app.services.restore import restore_backup

    f1 = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    import_file(world.town.db, f1)
    ack_back(world, world.a)
    old = make_backup(world.a.db, tmp_path / "backups", "manual")
    award(world.a, 3)  # these reach the township, then the station loses them
    import_file(world.town.db, export_sync(world.a.db, world.a.data_dir, tmp_path / "2").path)
    lost = holdings(world.town.db, world.a.station_id)["point_entry"]
    restore_backup(world.a.db, world.a.data_dir, SYSTEM, old.path)
    award(world.a, 2)  # new entries after the restore, with reused sequence numbers
    after = export_sync(world.a.db, world.a.data_dir, tmp_path / "3")
    verdict = import_file(world.town.db, after.path)
    assert verdict.new_incarnation
    town = holdings(world.town.db, world.a.station_id)
    station = holdings(world.a.db, world.a.station_id)
    # nothing lost: every entry the township ever had, and every entry the station has now
    assert lost <= town["point_entry"]
    assert {i for i, _ in station["point_entry"]} <= {i for i, _ in town["point_entry"]}
    # nothing doubled: the ledger sum is the union's, each entry counted once
    with world.town.db.read() as s:
        ids = [
            r[0]
            for r in s.connection().exec_driver_sql(
                "SELECT id FROM point_entry WHERE station_id = ?", (world.a.station_id,)
            )
        ]
    assert (
        len(ids)
        == len(set(ids))
        == len({i for i, _ in lost} | {i for i, _ in station["point_entry"]})
    )
    state = next(s for s in station_states(world.town.db) if s.code == "330481101001")
    assert state.incarnations == 2 and state.gaps == ()
    assert state.chain_problem.startswith("fork:")  # the restored chain is shown, not merged
    assert audit.verify_chain(world.town.db).ok  # the township's copy stays consistent


def test_a_tampered_payload_with_the_original_signature_is_refused(world: World, tmp_path):
    import zipfile

    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    forged = tmp_path / "forged.wbsync"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "payload.sqlite":
                data = data.replace(b"\x00\x00\x00\x0f", b"\x00\x00\x03\xe7", 1)  # 15 -> 999
            dst.writestr(info.filename, data)
    before = row_counts(world.town.db)
    with pytest.raises(SyncFileRefused, match="changed after the station signed it"):
        import_file(world.town.db, forged)
    assert row_counts(world.town.db) == before


def test_station_as_file_presented_as_another_stations_is_refused(world: World, tmp_path):
    path = export_sync(world.b.db, world.b.data_dir, tmp_path).path
    # B's rows, relabelled as A's, and signed with B's key
    forged = rewrite(
        path,
        world.b,
        tmp_path / "as-a.wbsync",
        manifest={"station_id": world.a.station_id, "station_code": "330481101001"},
    )
    with pytest.raises(WrongStationKey, match="signed by station 330481101002"):
        import_file(world.town.db, forged)
    # and A's key signing rows that claim to be B's is refused by the content check
    with pytest.raises(SyncFileRefused, match="not of this station"):
        import_file(
            world.town.db,
            rewrite(
                path,
                world.a,
                tmp_path / "b-rows-as-a.wbsync",
                manifest={"station_id": world.a.station_id, "station_code": "330481101001"},
            ),
        )
    assert row_counts(world.town.db)["point_entry"] == 0


def test_an_unknown_station_is_refused(world: World, tmp_path):
    from sync_helpers import make_township

    other_town = make_township(tmp_path / "other-town")  # enrolled nobody
    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    with pytest.raises(UnknownStation, match="not enrolled"):
        import_file(other_town.db, path)
    other_town.db.dispose()


@pytest.mark.parametrize(
    ("sql", "what"),
    [
        ("CREATE TABLE junk (x)", "unexpected table junk"),
        (
            "CREATE TRIGGER t AFTER INSERT ON household BEGIN SELECT 1; END",
            "unexpected trigger t",
        ),
        ("CREATE VIEW v AS SELECT * FROM household", "unexpected view v"),
        ("CREATE INDEX ix ON household (id)", "unexpected index ix"),
        ("ALTER TABLE household ADD COLUMN extra", "the columns of table household differ"),
    ],
)
def test_a_payload_with_extra_tables_triggers_or_views_is_refused(world, tmp_path, sql, what):
    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    bad = rewrite(path, world.a, tmp_path / "bad.wbsync", payload_sql=(sql,), recount=False)
    before = row_counts(world.town.db)
    with pytest.raises(SyncFileRefused) as err:
        import_file(world.town.db, bad)
    assert what in err.value.untranslated
    assert row_counts(world.town.db) == before


def test_a_row_id_reused_with_other_content_is_quarantined_not_applied(world: World, tmp_path):
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    import_file(world.town.db, path)
    # the same ledger entry id with 500 points more, and a household at the same version
    # with another address: signed by the station's key, so only the merge rule stops it
    changed = rewrite(
        path,
        world.a,
        tmp_path / "reused.wbsync",
        payload_sql=(
            "UPDATE point_entry SET points = points + 500 WHERE rowid = 1",
            "UPDATE household SET address = '别处' WHERE rowid = 1",
        ),
    )
    before = totals(world.town.db, world.a.station_id)
    verdict = import_file(world.town.db, changed)
    assert verdict.quarantined == 2 and verdict.applied == 0
    assert totals(world.town.db, world.a.station_id) == before
    with world.town.db.read() as s:
        held = s.scalars(select(SyncQuarantine)).all()
    assert {(q.table_name, q.reason) for q in held} == {
        ("point_entry", "same id, other content (ledger)"),
        ("household", "same version, other content"),
    }
    assert '"address": "别处"' in next(q.content for q in held if q.table_name == "household")
    assert_same(world, world.a)


def test_clock_skew_between_pcs_changes_nothing(world: World, tmp_path, monkeypatch):
    from datetime import timedelta

    import app.models.base as base

    real = base.utcnow
    monkeypatch.setattr(base, "utcnow", lambda: real() + timedelta(days=400))  # station fast
    award(world.a, 1)
    first = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    monkeypatch.setattr(base, "utcnow", lambda: real() - timedelta(days=400))  # then slow
    award(world.a, 1)
    with world.a.db.write() as s:  # a later edit of a mutable row, stamped "earlier"
        s.get(Household, _household(world.a.db)).note = "后改的"
    second = export_sync(world.a.db, world.a.data_dir, tmp_path / "2").path
    monkeypatch.setattr(base, "utcnow", real)
    import_file(world.town.db, second)
    import_file(world.town.db, first)  # the "newer-looking" old file arrives last
    assert_same(world, world.a)
    with world.town.db.read() as s:
        assert s.get(Household, _household(world.a.db)).note == "后改的"


def test_a_kill_in_the_middle_of_an_import_leaves_nothing_and_it_imports_again(
    world: World, tmp_path
):
    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    before = row_counts(world.town.db)

    class Killed(BaseException):
        """Like the process dying: not an error the importer could catch."""

    def die_halfway(done: int, total: int) -> None:
        if done > total // 2:
            raise Killed

    with pytest.raises(Killed):
        import_file(world.town.db, path, progress=die_halfway)
    assert row_counts(world.town.db) == before
    calls = iter(range(1000))
    from app.sync.errors import SyncCancelled

    with pytest.raises(SyncCancelled):
        import_file(world.town.db, path, cancelled=lambda: next(calls) > 5)
    assert row_counts(world.town.db) == before
    assert import_file(world.town.db, path).status == "imported"
    assert_same(world, world.a)


def test_a_process_killed_mid_import_leaves_the_township_importable(world: World, tmp_path):
    import contextlib
    import os
    import signal
    import subprocess
    import sys

    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    world.town.db.dispose()
    flag = tmp_path / "halfway"
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from app.db import Database\n"
        "from app.sync.importer import import_file\n"
        "db = Database(Path(sys.argv[1]))\n"
        "def progress(done, total):\n"
        "    if done > total // 2:\n"
        "        Path(sys.argv[3]).write_text('x')\n"
        "        while True: pass\n"  # wait here, inside the transaction, to be killed
        "import_file(db, Path(sys.argv[2]), progress=progress)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(world.town.data_dir.database), str(path), str(flag)],
        cwd=Path(__file__).resolve().parents[2],
    )
    for _ in range(600):  # wait (at most a minute) for the child to reach the middle
        if flag.exists() or proc.poll() is not None:
            break
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.1)
    assert flag.exists(), "the importer never reached the middle"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert holdings(world.town.db, world.a.station_id)["point_entry"] == set()
    assert import_file(world.town.db, path).status == "imported"
    assert_same(world, world.a)


@pytest.mark.parametrize(
    ("schema", "words"), [("0006", "older version"), ("0099", "newer version")]
)
def test_a_schema_version_mismatch_is_refused_in_both_directions(world, tmp_path, schema, words):
    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    other = rewrite(path, world.a, tmp_path / "other.wbsync", manifest={"schema": schema})
    before = row_counts(world.town.db)
    with pytest.raises(SchemaMismatch, match=words):
        import_file(world.town.db, other)
    assert row_counts(world.town.db) == before


def test_a_folder_of_files_gives_one_verdict_per_file(world: World, tmp_path):
    stick = tmp_path / "stick"
    export_sync(world.a.db, world.a.data_dir, stick)
    export_sync(world.b.db, world.b.data_dir, stick)
    (stick / "330481101009_1-5.wbsync").write_bytes(b"")  # a zero-byte file
    verdicts = import_files(world.town.db, [stick])
    assert sorted(v.status for v in verdicts) == ["imported", "imported", "refused"]
    again = import_files(world.town.db, [stick])
    assert sorted(v.status for v in again) == ["already", "already", "refused"]


def test_a_village_station_does_not_import_sync_files(world: World, tmp_path):
    from app.errors import ValidationError

    path = export_sync(world.a.db, world.a.data_dir, tmp_path).path
    with pytest.raises(ValidationError, match="imported at the township"):
        import_file(world.b.db, path)


def test_an_edited_audit_history_is_reported_across_files(world: World, tmp_path):
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    # the station's own file, its history edited before the export was signed
    edited = rewrite(
        path,
        world.a,
        tmp_path / "edited.wbsync",
        payload_sql=("UPDATE audit_entry SET summary = '{}' WHERE seq = 5",),
    )
    verdict = import_file(world.town.db, edited)
    assert "broken at #5" in verdict.chain
    state = next(s for s in station_states(world.town.db) if s.code == "330481101001")
    assert (state.chain_problem, state.chain_seq) == ("broken:5", 4)


def test_two_imports_of_one_file_at_once_on_one_township_file_import_it_once(
    world: World, tmp_path, monkeypatch
):
    from concurrent_import import import_twice_at_once

    from app.db import Database

    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    other = Database(world.town.data_dir.database)  # a second window on the township's file
    try:
        verdicts = import_twice_at_once(world.town.db, other, path, tmp_path / "tmp", monkeypatch)
    finally:
        other.dispose()
    assert [v.status for v in verdicts] == ["imported", "already"]
    assert verdicts[1].first_imported_at is not None
    with world.town.db.read() as s:
        assert s.scalars(select(SyncQuarantine)).all() == []
    assert row_counts(world.town.db)["sync_import_log"] == 1
    assert row_counts(world.town.db)["sync_coverage"] == 1
    assert_same(world, world.a)


def test_an_import_leaves_the_townships_connections_as_they_were(world: World, tmp_path):
    """The payload copy is ATTACHed to the township's connection only for its transaction."""
    path = export_sync(world.a.db, world.a.data_dir, tmp_path / "1").path
    with world.town.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        before = raw.execute("PRAGMA cache_size").fetchone()
    with pytest.raises(SyncCancelled):  # cancelled inside the transaction: rolled back
        import_file(world.town.db, path, cancelled=lambda: True)
    assert import_file(world.town.db, path).status == "imported"
    with world.town.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert [r[1] for r in raw.execute("PRAGMA database_list")] == ["main"]
        assert raw.execute("PRAGMA cache_size").fetchone() == before
