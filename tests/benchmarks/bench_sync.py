"""Benchmark: sync export and township import, each next to its raw SQLite floor (issue 14).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_sync.py [--files 300] [--large PATH]
        [--data-dir /tmp/wb-bench-sync] [--no-export] [--no-import]

* **Export** of 10,000 changed rows from a large demo station:
  :func:`app.sync.export.export_sync` after the township acknowledged all but
  the last 10,000 changed rows (anchor, one read snapshot, masking, control
  totals, the signed zip, fsync), next to the floor: plain ``sqlite3``
  ``ATTACH`` + ``INSERT … SELECT`` of the same rows into a fresh file.  The
  large station is ``--large`` (copied; default ``<data-dir>/large``, made
  with the ``large`` demo size the first time: that takes long).
* **Import** of ``--files`` station files × ~10,000 rows into a township on
  SQLite: :func:`app.sync.importer.import_file` of each (every check of the
  envelope and the payload, the classification and quarantine rules, the
  totals re-check, coverage, chain verification), next to the floor: a raw
  ``executemany`` of the same rows into the same schema, one transaction per
  file, with the same PRAGMAs.

The station files are made once (``tests/sync/station_files.py``) and cached
under ``<data-dir>/files-v<N>-<schema revision>`` (more are added when
``--files`` grows): one demo station of ~10,000 rows is exported, and each
further file is that payload given another station's ids, code, name and
signing key — so every file is a real, signed file of a distinct enrolled
station, and 300 of them are 3 M distinct rows.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests" / "services"))

from station_files import TEN_THOUSAND_ROWS, enrol_all, make_files  # noqa: E402

from app.db import Database  # noqa: E402
from app.db.migrate import head_revision  # noqa: E402
from app.demo.station import SIZES, create_demo_station  # noqa: E402
from app.models.base import syncable_tables  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.sync.envelope import payload_tables, quote  # noqa: E402
from app.sync.export import export_sync  # noqa: E402
from app.sync.importer import import_file  # noqa: E402

FILES_VERSION = 1  # bump when the made files would differ (generator, size); the schema
# revision is part of the cache's name too: a township refuses files of another schema
EXPORT_ROWS = 10_000


# --- the floors ----------------------------------------------------------------------


def raw_export_floor(station_db: Path, target: Path, lower: int) -> float:
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
            "WHERE change_seq > ?",
            (lower,),
        )
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - start


def raw_import_floor(township_db: Path, files: list[Path]) -> float:
    """executemany of every payload's rows, one transaction per file (extraction not timed)."""
    from app.db import BUSY_TIMEOUT_MS
    from app.sync.importer import IMPORT_CACHE_KIB, _table_order

    order = _table_order()
    con = sqlite3.connect(township_db, isolation_level=None)
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "trusted_schema = OFF",
        f"cache_size = -{IMPORT_CACHE_KIB}",  # the importer's page cache too
    ):
        con.execute(f"PRAGMA {pragma}")
    spent = 0.0
    with tempfile.TemporaryDirectory(prefix="wb-floor-") as tmp:
        payload = Path(tmp) / "payload.sqlite"
        for path in files:
            with zipfile.ZipFile(path) as zf:
                payload.write_bytes(zf.read("payload.sqlite"))
            src = sqlite3.connect(payload)
            start = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            for table in order:
                columns = payload_tables()[table]
                cols = ", ".join(quote(c) for c in columns)
                rows = src.execute(f"SELECT {cols} FROM {quote(table)}").fetchall()
                con.executemany(
                    f"INSERT INTO {quote(table)} ({cols}) VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )
            con.execute("COMMIT")
            spent += time.perf_counter() - start
            src.close()
    con.close()
    return spent


# --- export --------------------------------------------------------------------------


def bench_export(args: argparse.Namespace) -> None:
    from app.services.station import INCARNATION, set_state
    from app.sync.export import ACKED_INCARNATION, ACKED_SEQ

    large = args.large or args.data_dir / "large"
    if not (large / "station.db").is_file():
        print(f"making a large demo station in {large} (this takes long, once)…", flush=True)
        create_demo_station(DataDir(large), SIZES["large"], seed=1).dispose()
    work = args.data_dir / "work-large"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(large, work, ignore=shutil.ignore_patterns("backups"))
    data_dir = DataDir(work)
    db = Database(data_dir.database)
    # the township has acknowledged everything; then 10,000 households change in one
    # transaction, stamped as the stamping hook stamps them (the next change_seq, a
    # higher row_version) — 10,000 changed rows among the station's millions
    with db.write() as session:
        conn = session.connection()
        incarnation = conn.exec_driver_sql(
            "SELECT value FROM local_state WHERE key = ?", (INCARNATION,)
        ).scalar()
        lower = int(conn.exec_driver_sql("SELECT value FROM change_counter").scalar() or 0)
        set_state(session, ACKED_SEQ, str(lower))
        set_state(session, ACKED_INCARNATION, str(incarnation))
    with db.write() as session:
        conn = session.connection()
        seq = conn.exec_driver_sql(
            "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"
        ).scalar()
        changed = conn.exec_driver_sql(
            "UPDATE household SET note = note || '.', row_version = row_version + 1, "
            "change_seq = ? WHERE id IN (SELECT id FROM household ORDER BY number LIMIT ?)",
            (seq, EXPORT_ROWS),
        ).rowcount
    assert changed == EXPORT_ROWS, changed
    times = []
    rows = 0
    for n in range(4):
        start = time.perf_counter()
        summary = export_sync(db, data_dir, work / f"stick{n}")
        times.append(time.perf_counter() - start)
        rows = summary.rows
    db.dispose()
    floors = []
    for n in range(4):
        target = work / f"floor{n}.sqlite"
        floors.append(raw_export_floor(data_dir.database, target, lower))
    best, floor = min(times[1:]), min(floors)  # the first export also loads the code
    size = data_dir.database.stat().st_size / 1024**3
    print(
        f"export of {rows:,} changed rows from a {size:.1f} GB station: {best * 1000:.0f} ms "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)} ms; "
        f"floor INSERT … SELECT {floor * 1000:.0f} ms; ratio {best / floor:.1f}×; "
        f"target ≤ 1000 ms and ≤ 3×)",
        flush=True,
    )
    shutil.rmtree(work, ignore_errors=True)


# --- import --------------------------------------------------------------------------


def bench_import(args: argparse.Namespace) -> None:
    cache = args.data_dir / f"files-v{FILES_VERSION}-{head_revision()}"
    files, stations = make_files(cache, args.files, TEN_THOUSAND_ROWS)
    work = args.data_dir / "work-town"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(cache / "town", work / "town")
    shutil.copytree(cache / "town", work / "floor")
    town_dir = DataDir(work / "town")
    enrol_all(town_dir.database, stations)
    enrol_all(DataDir(work / "floor").database, stations)
    town = Database(town_dir.database)
    total = held = 0
    start = time.perf_counter()
    for n, path in enumerate(files, 1):
        verdict = import_file(town, path)
        total += verdict.applied
        held += verdict.quarantined
        if n % 50 == 0:
            spent = time.perf_counter() - start
            print(f"  {n} files: {spent:.1f} s, {total / spent:,.0f} rows/s", flush=True)
    imported = time.perf_counter() - start
    town.dispose()
    floor = raw_import_floor(DataDir(work / "floor").database, files)
    print(
        f"import of {len(files)} files, {total:,} rows ({held} held back): {imported:.1f} s, "
        f"{total / imported:,.0f} rows/s (floor executemany {floor:.1f} s, "
        f"{total / floor:,.0f} rows/s; ratio {imported / floor:.1f}×; target ≤ 60 s at 300 "
        "files and ≤ 3×)",
        flush=True,
    )
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-sync"))
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--large", type=Path, default=None)
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args()
    if not args.no_export:
        bench_export(args)
    if not args.no_import:
        bench_import(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
