"""Benchmark: hub ingest on PostgreSQL, next to PostgreSQL ``COPY`` of the same rows (issue 9).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_hub_pg.py [--files 300] [--workers 4]
        [--clients 8] [--floor-streams 4] [--data-dir /tmp/wb-bench-hub-pg] [--no-floor]

* **Hub ingest**: ``--files`` station files × ~10,000 rows, one file per
  simulated station (``tests/sync/station_files.py``; cached under
  ``<data-dir>/files-v<N>-<schema revision>``, reused across runs), a township
  that enrolled them all, moved into a fresh database on a private PostgreSQL
  server (``tests/services/postgres_server.py``) by ``main.py hub --db URL
  --copy-from-folder --workers K`` on a free loopback port; ``--clients``
  threads upload the files at once (a 503 answer is retried after its
  Retry-After).  Printed: rows, wall time, rows/s sustained, p50/p95 upload
  latency; then it checks every file was imported exactly once (the import
  log, and each table's rows grew by the sum of the manifests' counts).
* **Floor**, in the same run on the same server: psycopg ``cursor.copy`` of
  the same rows (read from each file's ``payload.sqlite``; extracting it is
  not timed) into the same tables of another fresh database of the same
  schema, one transaction per file, from ``--floor-streams`` processes at
  once (each its own connection; by default as many as the hub's workers;
  ``--floor-streams 1``: one connection) — and the ratio.

The load of the machine (1-minute load average) is printed at the start and
the end: the figures are only as quiet as the machine was.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
for sub in ("sync", "services", "hub"):
    sys.path.insert(0, str(ROOT / "tests" / sub))

import httpx  # noqa: E402
from hub_helpers import upload  # noqa: E402
from hub_server import HubServer  # noqa: E402
from postgres_server import postgres_server  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from station_files import (  # noqa: E402
    TEN_THOUSAND_ROWS,
    enrol_all,
    imported_once,
    make_files,
    stored_table,
    table_counts,
)

from app.db.migrate import head_revision  # noqa: E402
from app.sync.envelope import ANCHOR, PERSON_HASH, payload_tables, quote  # noqa: E402

FILES_VERSION = 1  # as bench_sync's: the same generator and size make the same files


def _database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.replace("/postgres?", f"/{name}?")


# --- the hub -------------------------------------------------------------------------


def upload_all(url: str, files: list[Path], clients: int) -> tuple[float, list[float], int, int]:
    """Upload every file from *clients* threads; (wall s, latencies, rows, 503 answers)."""
    todo: queue.Queue[Path] = queue.Queue()
    for path in files:
        todo.put(path)
    latencies: list[float] = []
    rows = [0, 0]  # rows imported, 503 answers
    lock = threading.Lock()
    failures: list[str] = []

    def client() -> None:
        with httpx.Client(timeout=600) as http:
            while True:
                try:
                    path = todo.get_nowait()
                except queue.Empty:
                    return
                data = path.read_bytes()
                while True:
                    start = time.perf_counter()
                    answer = upload(url, path, client=http, data=data)
                    took = time.perf_counter() - start
                    if answer.status_code != 503:
                        break
                    with lock:
                        rows[1] += 1
                    time.sleep(float(answer.headers.get("Retry-After", "1")))
                with lock:
                    latencies.append(took)
                    if answer.status_code != 200 or answer.json()["status"] != "imported":
                        failures.append(f"{path.name}: {answer.status_code} {answer.text[:300]}")
                    else:
                        rows[0] += int(answer.json()["rows"])
                    if len(latencies) % 50 == 0:  # does it slow down as the store grows?
                        spent = time.perf_counter() - start_all
                        print(
                            f"  {len(latencies)} files: {spent:.1f} s, "
                            f"{rows[0] / spent:,.0f} rows/s",
                            flush=True,
                        )

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start_all = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start_all
    if failures:
        raise SystemExit("uploads failed:\n" + "\n".join(failures[:10]))
    return wall, latencies, rows[0], rows[1]


# --- the floor -----------------------------------------------------------------------


def _copy_stream(dsn: str, payloads: list[Path]) -> int:
    """One stream of the floor: COPY of each payload's rows, one transaction per file."""
    import psycopg

    from app.sync.importer import _table_order

    order = [*_table_order(), ANCHOR, PERSON_HASH]
    rows = 0
    with psycopg.connect(dsn) as pg:
        for payload in payloads:
            src = sqlite3.connect(payload)
            station_id = src.execute("SELECT id FROM station").fetchone()[0]
            with pg.transaction(), pg.cursor() as cur:
                for table in order:
                    columns = [c for c in payload_tables()[table] if table != ANCHOR or c != "id"]
                    select = ", ".join(quote(c) for c in columns)
                    extra: tuple[Any, ...] = ()
                    if table == PERSON_HASH:
                        columns, extra = [*columns, "station_id"], (station_id,)
                    target = (
                        f"{quote(stored_table(table))} ({', '.join(quote(c) for c in columns)})"
                    )
                    with cur.copy(f"COPY {target} FROM STDIN") as copy:
                        for row in src.execute(f"SELECT {select} FROM {quote(table)}"):
                            copy.write_row(row + extra)
                            rows += table not in (ANCHOR, PERSON_HASH)
            src.close()
    return rows


def _warm(_: int) -> None:
    import psycopg  # noqa: F401

    from app.sync.importer import _table_order

    _table_order()


def copy_floor(url: str, files: list[Path], streams: int) -> tuple[float, int]:
    """COPY of every payload's rows into *url*'s tables from *streams* processes at once
    (each its own connection, one transaction per file); the payloads are extracted first,
    untimed.  (wall seconds, rows of the syncable tables)"""
    from concurrent.futures import ProcessPoolExecutor

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with tempfile.TemporaryDirectory(prefix="wb-floor-") as tmp:
        payloads = []
        for n, path in enumerate(files):
            payload = Path(tmp) / f"{n}.sqlite"
            with zipfile.ZipFile(path) as zf:
                payload.write_bytes(zf.read("payload.sqlite"))
            payloads.append(payload)
        with ProcessPoolExecutor(max_workers=streams) as pool:
            list(pool.map(_warm, range(streams)))  # the processes started, the code loaded
            start = time.perf_counter()
            rows = sum(
                pool.map(
                    _copy_stream, [dsn] * streams, [payloads[k::streams] for k in range(streams)]
                )
            )
            spent = time.perf_counter() - start
    return spent, rows


def main() -> int:
    from app.sync.hub.storage import copy_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-hub-pg"))
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--floor-streams", type=int, default=0, help="COPY connections at once (default: --workers)"
    )
    parser.add_argument("--no-floor", action="store_true")
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    cache = args.data_dir / f"files-v{FILES_VERSION}-{head_revision()}"
    files, stations = make_files(cache, args.files, TEN_THOUSAND_ROWS)
    work = args.data_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(cache / "town", work / "town")
    enrol_all(work / "town" / "station.db", stations)
    with postgres_server() as server:
        hub_url = _database(server, "hub_bench")
        hub = HubServer(
            work / "town", work / "hub.log", "--db", hub_url, "--copy-from-folder",
            workers=args.workers,
        )  # fmt: skip
        hub.start()
        store = create_engine(hub_url)
        try:
            before = table_counts(store)
            wall, latencies, rows, busy = upload_all(hub.url, files, args.clients)
        finally:
            hub.stop()
        q = statistics.quantiles(latencies, n=20)
        print(
            f"hub on PostgreSQL, {args.workers} workers, {args.clients} clients: {len(files)} "
            f"files, {rows:,} rows in {wall:.1f} s = {rows / wall:,.0f} rows/s sustained "
            f"(target ≥ 50,000); upload p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {q[18] * 1000:.0f} ms; {busy} answers 503",
            flush=True,
        )
        problem = imported_once(store, files, before)
        store.dispose()
        if problem:
            raise SystemExit(f"not exactly once: {problem}")
        print(f"checked: {len(files)} files imported exactly once", flush=True)
        if not args.no_floor:
            floor_url = _database(server, "floor_bench")
            engine = create_engine(floor_url)
            copy_store(work / "town" / "station.db", engine)  # the same schema and township
            engine.dispose()
            streams = args.floor_streams or args.workers
            floor, floor_rows = copy_floor(floor_url, files, streams)
            print(
                f"floor: COPY of the same {floor_rows:,} rows ({streams} connections at once, "
                f"one transaction per file) {floor:.1f} s = {floor_rows / floor:,.0f} rows/s; "
                f"ratio hub/COPY {wall / floor:.1f}×",
                flush=True,
            )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
