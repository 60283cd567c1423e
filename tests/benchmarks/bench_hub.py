"""Benchmark: uploads to the real hub over loopback, next to the direct import floor (issue 9).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_hub.py [--stations 4] [--files 5]
        [--workers 2] [--data-dir /tmp/wb-bench-hub] [--rebuild]

The first run builds a station of ~10,000 changed rows, ``--stations`` smaller
stations with ``--files`` incremental sync files each (points awarded between
exports, the acknowledgement taken back each time), and a township that
enrolled them all; later runs reuse them.  Each measure runs on a fresh copy
of the township, served by ``main.py hub --workers K`` on a free loopback port.

* **One file**: the 10,000-row file uploaded end to end (HTTP POST, streamed to
  the hub's temp file, every import check, the answer) — target ≤ 1 s — beside
  :func:`app.sync.importer.import_file` of the same file with no HTTP.
* **Many stations**: the simulated stations upload their files at once (one
  thread each, each station's files in order); per-upload latency p50/p95 and
  rows/s, beside the same files imported directly, one after another.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
for sub in ("sync", "services", "hub"):
    sys.path.insert(0, str(ROOT / "tests" / sub))

import httpx  # noqa: E402

from app.db import Database  # noqa: E402
from app.demo.station import DemoSize, create_demo_station  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.auth import SYSTEM  # noqa: E402
from app.services.station import get_station, update_station  # noqa: E402
from app.sync.enrol import enrol_station, write_enrolment  # noqa: E402
from app.sync.export import export_sync, set_acknowledged, sync_status  # noqa: E402
from app.sync.importer import import_file  # noqa: E402

BIG = DemoSize(
    households=300, volunteers=40, activities=30, ledger_entries=4200, redemptions=100,
    scan_events=400,
)  # fmt: skip
SMALL = DemoSize(
    households=60, volunteers=10, activities=6, ledger_entries=600, redemptions=20, scan_events=40
)


def _award(db: Database, times: int) -> None:
    from sqlalchemy import select

    from app.models import Household, PointRule
    from app.services import points

    with db.read() as s:
        households = list(s.scalars(select(Household.id).order_by(Household.number).limit(20)))
        rule = s.scalars(
            select(PointRule.code).where(PointRule.points > 0).order_by(PointRule.code)
        ).first()
    for n in range(times):
        points.award(db, SYSTEM, households[n % len(households)], rule)


def build(folder: Path, stations: int, files: int) -> None:
    from sync_helpers import make_township

    town = make_township(folder / "town")
    specs = [("big", BIG, 1)] + [(f"s{i}", SMALL, files) for i in range(stations)]
    for n, (name, size, count) in enumerate(specs):
        data_dir = DataDir(folder / name)
        db = create_demo_station(data_dir, size, seed=200 + n)
        update_station(db, SYSTEM, replace(get_station(db), code=f"330481102{n + 1:03d}"))
        enrol_station(town.db, write_enrolment(db, data_dir, folder / "enrol"))
        for k in range(count):
            if k:
                _award(db, 40)
            summary = export_sync(db, data_dir, folder / "files" / name)
            set_acknowledged(db, sync_status(db).incarnation, summary.seq_to)
        db.dispose()
    town.db.dispose()
    (folder / "built").write_text(f"{stations} {files}")


def _fresh_town(work: Path, cache: Path, name: str) -> Path:
    target = work / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cache / "town", target)
    return target


def _post(client: httpx.Client, url: str, path: Path) -> tuple[float, dict]:
    data = path.read_bytes()
    start = time.perf_counter()
    answer = client.post(
        url + "/api/v1/sync-files",
        content=data,
        headers={"Content-Type": "application/octet-stream", "X-Wb-File-Name": path.name},
        timeout=300,
    )
    took = time.perf_counter() - start
    if answer.status_code != 200:
        raise SystemExit(f"{path.name}: {answer.status_code} {answer.text}")
    return took, answer.json()


def _direct(town: Path, paths: list[Path]) -> tuple[float, int]:
    db = Database(DataDir(town).database)
    start = time.perf_counter()
    rows = sum(import_file(db, p).applied for p in paths)
    took = time.perf_counter() - start
    db.dispose()
    return took, rows


def main() -> int:
    from hub_server import HubServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-hub"))
    parser.add_argument("--stations", type=int, default=4)
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    cache = args.data_dir / "cache"
    from app.db.migrate import head_revision

    # files of an older schema are refused by the hub: the cache is per schema revision
    marker = f"{args.stations} {args.files} {head_revision()}"
    if args.rebuild or not (cache / "built").is_file() or (cache / "built").read_text() != marker:
        shutil.rmtree(cache, ignore_errors=True)
        print(f"building 1 large and {args.stations} small stations, {args.files} files each…")
        build(cache, args.stations, args.files)
    work = args.data_dir / "work"
    work.mkdir(parents=True, exist_ok=True)
    big = sorted((cache / "files" / "big").glob("*.wbsync"))[0]

    # --- one 10,000-row file ------------------------------------------------------
    hub = HubServer(_fresh_town(work, cache, "town-http"), work / "hub.log", workers=args.workers)
    hub.start()
    try:
        with httpx.Client() as client:
            for warm in sorted((cache / "files" / "s0").glob("*.wbsync"))[:2]:
                _post(client, hub.url, warm)  # both workers have imported once
            took, body = _post(client, hub.url, big)
    finally:
        hub.stop()
    floor, rows = _direct(_fresh_town(work, cache, "town-direct"), [big])  # code loaded
    print(
        f"one file, {body['rows']:,} rows, {big.stat().st_size / 1e6:.1f} MB: upload end to end "
        f"{took * 1000:.0f} ms (target ≤ 1000 ms); floor import_file {floor * 1000:.0f} ms "
        f"({rows:,} rows), ratio {took / floor:.2f}×"
    )

    # --- many stations at once ----------------------------------------------------
    per_station = [
        sorted((cache / "files" / f"s{i}").glob("*.wbsync"), key=lambda p: int(p.stem.split("_")[1].split("-")[0]))
        for i in range(args.stations)
    ]  # fmt: skip
    latencies: list[float] = []
    total_rows = [0]
    lock = threading.Lock()
    hub = HubServer(_fresh_town(work, cache, "town-many"), work / "hub.log", workers=args.workers)
    hub.start()

    def station(paths: list[Path]) -> None:
        with httpx.Client() as client:
            for path in paths:
                took, body = _post(client, hub.url, path)
                with lock:
                    latencies.append(took)
                    total_rows[0] += body["rows"]

    try:
        threads = [threading.Thread(target=station, args=(p,)) for p in per_station]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        hub.stop()
    files = [p for paths in per_station for p in paths]
    floor, floor_rows = _direct(_fresh_town(work, cache, "town-many-direct"), files)
    q = statistics.quantiles(latencies, n=20)
    print(
        f"{len(files)} files from {args.stations} concurrent stations ({args.workers} workers): "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms, "
        f"{total_rows[0]:,} rows in {wall:.2f} s = {total_rows[0] / wall:,.0f} rows/s; "
        f"floor import_file one after another {floor:.2f} s = {floor_rows / floor:,.0f} rows/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
