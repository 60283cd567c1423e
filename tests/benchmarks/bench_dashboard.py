"""Benchmark: the station's 首页 dashboard on the large demo station (issue 10 "Speed").

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_dashboard.py [--data-dir /tmp/wb-bench-large]

The station is the one bench_points.py builds (``--size large``: 20,000 households,
5,000 volunteers, 3,000 activities over ten years, 2,000,000 ledger entries — a few
minutes, once) and later runs reuse it.  Target: ``dashboard(db, today)`` (the
one call the home page makes, with the sync state the page passes) median
≤ 150 ms.

The **raw floor** beside it is the same SQL statements the call issued (captured
from the engine, with their parameters), replayed in one read transaction with
plain ``sqlite3`` on the same file: what the figures cost before any of the app's
work (SQLAlchemy, the sessions, the dataclasses).  Both are timed for this month
and for a month full of activities (the month of the station's most activities),
so an empty month cannot flatter the figure.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_points import open_station, print_table, station_figures, summary  # noqa: E402
from sqlalchemy import event, text  # noqa: E402

from app.db import Database  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.dashboard import dashboard  # noqa: E402
from app.sync.upload import upload_state  # noqa: E402


def captured_sql(db: Database, today: date) -> list[tuple[str, Any]]:
    """The statements (with parameters) one dashboard call sends to SQLite."""
    seen: list[tuple[str, Any]] = []

    def keep(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        dashboard(db, today, sync=upload_state)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    return seen


def raw_floor(path: Path, statements: list[tuple[str, Any]], runs: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            con.execute("BEGIN")
            for sql, params in statements:
                if sql.lstrip().upper().startswith("SELECT"):
                    con.execute(sql, params or ()).fetchall()
            con.execute("COMMIT")
            out.append(time.perf_counter() - t)
        return out
    finally:
        con.close()


def busiest_month(db: Database) -> date:
    with db.read() as s:
        month = s.execute(
            text(
                "SELECT substr(starts_at, 1, 7) AS m FROM activity WHERE deleted = 0 "
                "GROUP BY m ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar_one()
    year, mon = (int(p) for p in month.split("-"))
    return date(year, mon, 28)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/wb-bench-large")
    parser.add_argument("--size", default="large")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    data_dir = DataDir(Path(args.data_dir))
    db = open_station(data_dir, args.size, args.rebuild)
    try:
        station_figures(db)
        dashboard(db, date.today(), sync=upload_state)  # warm the caches once
        rows = []
        for label, today in (("this month", date.today()), ("busiest month", busiest_month(db))):
            samples = []
            for _ in range(args.runs):
                t = time.perf_counter()
                dashboard(db, today, sync=upload_state)
                samples.append(time.perf_counter() - t)
            rows.append(summary(f"dashboard(), {label} ({today:%Y-%m})", samples, 150))
            statements = captured_sql(db, today)
            selects = sum(1 for s, _ in statements if s.lstrip().upper().startswith("SELECT"))
            rows.append(
                summary(
                    f"  raw floor: its {selects} SELECTs in plain sqlite3",
                    raw_floor(Path(db.path), statements, args.runs),
                    None,
                )
            )
        print_table("Station dashboard (one call, as the home page makes it)", rows)
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
