"""Benchmark: sync export and township import, each next to its raw SQLite floor (issue 14).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_sync.py [--stations 3] [--entries 9000]
        [--data-dir /tmp/wb-bench-sync] [--rebuild]

The first run builds ``--stations`` demo stations (distinct codes; each about
``--entries`` points entries and enough other rows for ~10,000 changed rows)
and an empty township that enrolled them; later runs reuse them from the data
folder and work on scratch copies.

* **Export**: :func:`app.sync.export.export_sync` (full) of one station —
  anchor, one read snapshot, masking, control totals, the signed zip, fsync —
  next to the floor: plain ``sqlite3`` ``ATTACH`` + ``INSERT … SELECT`` of the
  same rows into a fresh file.
* **Import**: :func:`app.sync.importer.import_file` of every station's file
  into the township (every check of the envelope and the payload, per-row
  classification, the quarantine rules, totals re-check, coverage, chain
  verification) next to the floor: a raw ``executemany`` of the same rows
  into the same schema, one transaction per file.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests" / "services"))

from app.db import Database  # noqa: E402
from app.demo.station import DemoSize, create_demo_station  # noqa: E402
from app.models.base import syncable_tables  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.auth import SYSTEM  # noqa: E402
from app.services.station import get_station, update_station  # noqa: E402
from app.sync.enrol import enrol_station, write_enrolment  # noqa: E402
from app.sync.envelope import payload_tables, quote  # noqa: E402
from app.sync.export import export_sync  # noqa: E402
from app.sync.importer import import_file  # noqa: E402


def build(folder: Path, stations: int, entries: int) -> None:
    from sync_helpers import make_township

    size = DemoSize(
        households=400,
        volunteers=60,
        activities=40,
        ledger_entries=entries,
        redemptions=150,
        scan_events=400,
    )
    town = make_township(folder / "town")
    for i in range(stations):
        data_dir = DataDir(folder / f"s{i}")
        db = create_demo_station(data_dir, size, seed=100 + i)
        update_station(db, SYSTEM, replace(get_station(db), code=f"330481101{i + 1:03d}"))
        enrol_station(town.db, write_enrolment(db, data_dir, folder / "enrol"))
        db.dispose()
    town.db.dispose()
    (folder / "built").write_text(f"{stations} {entries}")


def raw_export_floor(station_db: Path, target: Path) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("ATTACH DATABASE ? AS s", (f"file:{station_db.as_posix()}?mode=ro",))
    con.execute("BEGIN")
    for table, columns in payload_tables().items():
        if table not in syncable_tables():
            continue
        cols = ", ".join(quote(c) for c in columns)
        con.execute(f"CREATE TABLE main.{quote(table)} ({cols})")
        con.execute(
            f"INSERT INTO main.{quote(table)} SELECT {cols} FROM s.{quote(table)} "
            "WHERE change_seq > 0"
        )
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - start


def raw_import_floor(township_db: Path, payloads: list[Path]) -> float:
    from app.sync.importer import _table_order

    order = _table_order()
    start = time.perf_counter()
    con = sqlite3.connect(township_db, isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA synchronous=FULL")
    for payload in payloads:
        src = sqlite3.connect(payload)
        con.execute("BEGIN IMMEDIATE")
        for table in order:
            columns = payload_tables()[table]
            cols = ", ".join(quote(c) for c in columns)
            rows = src.execute(
                f"SELECT {cols} FROM {quote(table)} ORDER BY change_seq, id"
            ).fetchall()
            con.executemany(
                f"INSERT INTO {quote(table)} ({cols}) VALUES ({', '.join('?' * len(columns))})",
                rows,
            )
        con.execute("COMMIT")
        src.close()
    con.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-sync"))
    parser.add_argument("--stations", type=int, default=3)
    parser.add_argument("--entries", type=int, default=9000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    cache = args.data_dir / "cache"
    marker = f"{args.stations} {args.entries}"
    if args.rebuild or not (cache / "built").is_file() or (cache / "built").read_text() != marker:
        shutil.rmtree(cache, ignore_errors=True)
        print(f"building {args.stations} stations (~{args.entries} points entries each)…")
        build(cache, args.stations, args.entries)
    work = args.data_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(cache, work)

    stick = work / "stick"
    files = []
    export_times = []
    rows = 0
    for i in range(args.stations):
        data_dir = DataDir(work / f"s{i}")
        db = Database(data_dir.database)
        start = time.perf_counter()
        summary = export_sync(db, data_dir, stick, full=True)
        export_times.append(time.perf_counter() - start)
        files.append(summary.path)
        rows = summary.rows
        db.dispose()
    floor = raw_export_floor(
        work / "s0" / DataDir(work / "s0").database.name, work / "floor.sqlite"
    )
    best = min(export_times)  # the first one also pays for loading the code
    print(
        f"export of {rows:,} changed rows: {best * 1000:.0f} ms "
        f"(all: {', '.join(f'{t * 1000:.0f}' for t in export_times)} ms; "
        f"floor INSERT … SELECT {floor * 1000:.0f} ms, ratio {best / floor:.1f}×)"
    )

    town_dir = DataDir(work / "town")
    shutil.copytree(work / "town", work / "town-floor")
    town = Database(town_dir.database)
    start = time.perf_counter()
    total = 0
    for path in files:
        total += import_file(town, path).applied
    imported = time.perf_counter() - start
    town.dispose()

    import tempfile
    import zipfile

    with tempfile.TemporaryDirectory() as tmp:
        payloads = []
        for n, path in enumerate(files):
            with zipfile.ZipFile(path) as zf:
                target = Path(tmp) / f"p{n}.sqlite"
                target.write_bytes(zf.read("payload.sqlite"))
                payloads.append(target)
        floor_db = work / "town-floor" / town_dir.database.name
        raw = raw_import_floor(floor_db, payloads)
    print(
        f"import of {len(files)} files, {total:,} rows: {imported:.2f} s "
        f"(floor executemany {raw:.2f} s, ratio {imported / raw:.1f}×; "
        f"{total / imported:,.0f} rows/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
