"""``main.py demo --township DIR``: two demo stations and a township, synced once —
the township's figures are the two stations' figures added up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.demo import station as demo
from app.demo.township import FOLDERS, STATION_B, TOWNSHIP
from app.models.base import syncable_tables
from app.sync.envelope import CONTROL_COLUMNS

TINY = demo.DemoSize(
    households=10, volunteers=5, activities=3, ledger_entries=80, redemptions=6, scan_events=20
)


def figures(db_file: Path, station_code: str | None = None) -> dict[str, int]:
    """Rows per syncable table and the ledgers' control totals, of one station (by code)
    or of every village station in the file (the township's own row left out)."""
    con = sqlite3.connect(f"file:{db_file.as_posix()}?mode=ro", uri=True)
    try:
        if station_code is None:
            ids = [
                r[0]
                for r in con.execute("SELECT id FROM station WHERE code != ?", (TOWNSHIP.code,))
            ]
        else:
            ids = [
                r[0] for r in con.execute("SELECT id FROM station WHERE code = ?", (station_code,))
            ]
        assert ids
        marks = ",".join("?" * len(ids))
        out = {}
        for table in syncable_tables():
            if table == "station":
                continue
            out[table] = con.execute(
                f'SELECT count(*) FROM "{table}" WHERE station_id IN ({marks})', ids
            ).fetchone()[0]
        for table, column in CONTROL_COLUMNS.items():
            out[f"{table}.{column}"] = con.execute(
                f'SELECT coalesce(sum("{column}"), 0) FROM "{table}" WHERE station_id IN ({marks})',
                ids,
            ).fetchone()[0]
        return out
    finally:
        con.close()


def test_township_demo_adds_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(demo.SIZES, "small", TINY)  # the command as run, on a smaller station
    root = tmp_path / "demo"
    own = ["--data-dir", str(tmp_path / "own"), "--lang", "en", "demo", "--township", str(root)]
    assert main(own) == 0
    out = capsys.readouterr().out
    assert out.count("imported") >= 2, out

    a, b, town = (root / name / "station.db" for name in FOLDERS)
    fig_a = figures(a)
    fig_b = figures(b)
    assert fig_a["point_entry"] > 0 and fig_b["point_entry"] > 0
    assert fig_a["point_entry.points"] != 0
    total = figures(town)
    assert total == {k: fig_a[k] + fig_b[k] for k in fig_a}
    # and station by station
    assert figures(town, demo.DEMO_STATION.code) == fig_a
    assert figures(town, STATION_B.code) == fig_b

    con = sqlite3.connect(f"file:{town.as_posix()}?mode=ro", uri=True)
    try:
        mode = con.execute("SELECT mode FROM station WHERE code = ?", (TOWNSHIP.code,)).fetchone()
        enrolled = con.execute("SELECT count(*) FROM sync_station").fetchone()[0]
    finally:
        con.close()
    assert mode is not None and "township" in str(mode[0]).lower()
    assert enrolled == 2

    # made again over itself only with --reset, and then from scratch
    assert main(own) == 1
    assert main([*own, "--reset"]) == 0
    assert figures(town) == {k: v + figures(b)[k] for k, v in figures(a).items()}


def test_volunteers_own_points_accounts_are_no_village_households_at_the_township(
    tmp_path: Path,
) -> None:
    """The demo's outside volunteers earn on their own points files (积分银行); the
    township's participation per village and its household ranking count the village's
    households only, as the station's own standings do."""
    from app.db import Database
    from app.services.township.summary import month_summary, township_months

    # the demo as shipped (a tiny one has no hours pending to approve)
    root = tmp_path / "demo"
    assert (
        main(["--data-dir", str(tmp_path / "own"), "--lang", "en", "demo", "--township", str(root)])
        == 0
    )
    a, _b, town = (root / name / "station.db" for name in FOLDERS)
    con = sqlite3.connect(f"file:{a.as_posix()}?mode=ro", uri=True)
    try:
        own_files = {r[0] for r in con.execute("SELECT household_id FROM volunteer_account")}
        village = con.execute(
            "SELECT count(*) FROM household WHERE deleted = 0 AND active = 1 "
            "AND id NOT IN (SELECT household_id FROM volunteer_account)"
        ).fetchone()[0]
    finally:
        con.close()
    assert own_files, "the demo gives some volunteers their own points files"
    db = Database(town)
    try:
        for month in township_months(db):
            summary = month_summary(db, month)
            row = next(p for p in summary.participation if p.code == demo.DEMO_STATION.code)
            assert row.households == village, month
            assert not {h.household_id for h in summary.households} & own_files
    finally:
        db.dispose()
