"""Benchmark: the hub's web page (``GET /web/``) over ~3 M rows, beside its floors (issue 9).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_web.py [--rows 3000000]
        [--data-dir /tmp/wb-bench-web] [--from /tmp/wb-bench-township] [--rebuild]

The data is bench_township's: a township holding two stations' rows multiplied
to about ``--rows`` rows.  The first run copies bench_township's built folder
(``--from``) when there is one, else builds it the same way; then it brings the
copy to this program's schema and adds a county hub user.  The real hub
(``main.py hub --workers 1``) serves the copy; the busiest month's page is
fetched signed in, 15 times.

* **Server**: the page's own time (its ``Server-Timing`` header: session, the
  stations' sync state, the month's figures, the 12-month chart queries and the
  HTML), median; and the round trip seen by the client.
* **Floor**: the same reads run directly in this process
  (:func:`app.sync.hub.webdata.township_views`), median; and bench_township's
  raw ``sqlite3`` GROUP BY queries of the month's figures.

``--stations N`` (e.g. 2500, a county) first enrols silent stations beside the
two busy ones, 25 to a township, each with a year of weekly files on record
(import log, coverage and acknowledgement; one station in ten missing a file), so the page
shows a county's townships and stations: its time must not grow with them.

The target is ≤ 300 ms server time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "tests" / "benchmarks", ROOT / "tests" / "hub"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import bench_township  # noqa: E402
import httpx  # noqa: E402
from hub_server import HubServer  # noqa: E402
from web_helpers import sign_in  # noqa: E402

from app.db import Database, migrate  # noqa: E402
from app.services.township.summary import month_summary, township_months  # noqa: E402
from app.sync.hub.storage import township_of  # noqa: E402
from app.sync.hub.users import add_user, get_user, township_groups  # noqa: E402
from app.sync.hub.webdata import township_views  # noqa: E402

TARGET_MS = 300
RUNS = 15
USER, PASSWORD = "bench", "bench-password"


def prepare(folder: Path, source: Path, rows: int, rebuild: bool) -> Path:
    """The township folder of the benchmark (copied or built once)."""
    town = folder / "world" / "town"
    marker = folder / f"built-{rows}"
    if rebuild or not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        if (source / f"built-{rows}").exists():
            print(f"copying {source / 'world' / 'town'} …", flush=True)
            shutil.copytree(source / "world" / "town", town)
        else:
            bench_township.build(folder, rows)
        marker.touch()
    db = Database(town / "station.db")
    migrate.ensure_schema(db.engine)
    if get_user(db, USER) is None:
        add_user(db, USER, PASSWORD, "county")
    db.dispose()
    return town


def _contiguous(files: list[tuple[int, int]]) -> int:
    """The acknowledged sequence: where the files stop following each other from 1."""
    upto = 0
    for a, b in sorted(files):
        if a > upto + 1:
            break
        upto = max(upto, b)
    return upto


def enrol_county(db_path: Path, stations: int) -> None:
    """Silent stations up to *stations* in all, 25 to a township, with files on record."""
    import sqlite3
    import uuid

    con = sqlite3.connect(db_path, isolation_level=None)
    have = con.execute("SELECT count(*) FROM sync_station").fetchone()[0]
    if have >= stations:
        con.close()
        return
    print(f"enrolling stations {have + 1}–{stations} …", flush=True)
    con.execute("BEGIN")
    for k in range(have, stations):
        sid, inc = str(uuid.UUID(int=k + 1)), str(uuid.UUID(int=10**9 + k))
        code = f"33{k:010d}"
        con.execute(
            "INSERT INTO sync_station (station_id, code, name, public_key, fingerprint, "
            "enrolled_at, chain_seq, chain_hash, chain_problem, township) "
            "VALUES (?, ?, ?, ?, '', '2026-01-01 00:00:00.000000', 0, '', '', ?)",
            (sid, code, f"县内村{k}", "00" * 32, f"第{k // 25 + 1:03d}镇"),
        )
        # a file of week 40 never arrived at one station in ten: 缺少序号 4001–4100
        files = [(w * 100 + 1, w * 100 + 100) for w in range(52) if k % 10 or w != 40]
        con.executemany(
            "INSERT INTO sync_import_log (file_sha256, file_name, station_id, incarnation, "
            "seq_from, seq_to, rows, imported_at, verdict) VALUES (?, ?, ?, ?, ?, ?, 100, "
            "'2026-06-01 08:00:00.000000', '')",
            [(f"{k:032x}{a:032x}", f"{code}_{a}-{b}.wbsync", sid, inc, a, b) for a, b in files],
        )
        con.executemany(
            "INSERT INTO sync_coverage (station_id, incarnation, seq_from, seq_to, file_sha256) "
            "VALUES (?, ?, ?, ?, '')",
            [(sid, inc, a, b) for a, b in files],
        )
        con.execute(
            "INSERT INTO sync_ack (station_id, incarnation, acked_seq, updated_at) "
            "VALUES (?, ?, ?, '2026-06-01 08:00:00.000000')",
            (sid, inc, _contiguous(files)),
        )
    con.execute("COMMIT")
    con.close()


def median_ms(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-web"))
    parser.add_argument("--from", dest="source", type=Path, default=Path("/tmp/wb-bench-township"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--stations", type=int, default=0, help="enrol silent stations up to this many (a county)"
    )
    args = parser.parse_args()
    town = prepare(args.data_dir, args.source, args.rows, args.rebuild)
    if args.stations:
        enrol_county(town / "station.db", args.stations)
    db = Database(town / "station.db")
    month = max(township_months(db), key=lambda m: month_summary(db, m).totals.attendances)
    township = township_of(db)
    assert township is not None
    groups = township_groups(db, township.station_id)
    ids = [s[0] for g in groups for s in g.stations]
    now = datetime.now(UTC).replace(tzinfo=None)
    township_views(db, groups, month, now)  # warm the page cache and the ORM
    direct = []
    for _ in range(RUNS):
        t = time.perf_counter()
        township_views(db, groups, month, now)
        direct.append((time.perf_counter() - t) * 1000)
    bench_township.floor(town / "station.db", month, ids)
    raw = bench_township.timed(bench_township.floor, town / "station.db", month, ids)
    db.dispose()

    with tempfile.TemporaryDirectory() as tmp:
        server = HubServer(town, Path(tmp) / "hub.log", workers=1).start()
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:
                signed = sign_in(client, USER, PASSWORD)
                assert signed.status_code in (200, 303), signed.text
                client.get("/web/", params={"month": month})  # warm the worker
                served, trips = [], []
                for _ in range(RUNS):
                    t = time.perf_counter()
                    page = client.get("/web/", params={"month": month})
                    trips.append((time.perf_counter() - t) * 1000)
                    assert page.status_code == 200, page.status_code
                    timing = page.headers["server-timing"]
                    served.append(float(timing.split("dur=", 1)[1]))
                size = len(page.content)
        finally:
            server.stop()
    server_ms = median_ms(served)
    verdict = "ok" if server_ms <= TARGET_MS else "SLOW"
    print(
        f"web page {month}, {len(ids)} stations in {len(groups)} townships, {size:,} bytes: server {server_ms:.0f} ms "
        f"(target ≤ {TARGET_MS} ms, {verdict}), round trip {median_ms(trips):.0f} ms; "
        f"floor: the same reads in-process {median_ms(direct):.0f} ms, "
        f"raw sqlite3 month figures {raw:.0f} ms"
    )


if __name__ == "__main__":
    main()
