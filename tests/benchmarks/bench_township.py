"""Benchmark: the township's month view (汇总) over ~3 M rows, beside its raw floor (issue 14).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_township.py [--rows 3000000]
        [--data-dir /tmp/wb-bench-township] [--rebuild]

The first run builds two demo stations, imports their sync files into a
township, then multiplies the township's copies of their rows with plain SQL
(new ids, dates moved back month by month) until the tables the month view
reads hold about ``--rows`` rows; later runs reuse the file.

* **App**: :func:`app.services.township.summary.month_summary` of the busiest
  month (every figure and every detail section of every station — stock, the
  rankings, participation, star levels — through the ORM), median of 7 runs;
  then the same for the month with the most points entries (the household
  ranking and participation read all of that month's ``earn`` entries).
* **Floor**: the same GROUP BY queries with plain ``sqlite3`` on the same
  file, median of 7 runs.

The target is ≤ 200 ms for the app's figure.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests" / "services"))

from app.db import Database  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.township.summary import (  # noqa: E402
    enrolled_stations,
    month_summary,
    township_months,
)
from app.sync.export import export_sync  # noqa: E402
from app.sync.importer import import_files  # noqa: E402

TARGET_MS = 200
RUNS = 7
#: the tables the month view reads, and each one's share of the rows
SHARES = {
    "point_entry": 0.78,
    "service_record_state": 0.10,
    "presence": 0.06,
    "participation": 0.03,
    "activity": 0.02,
    "redemption": 0.01,
}
#: per table: the date columns moved back by a month per copy; unique columns made new
DATES = {
    "point_entry": ("occurred_on",),
    "service_record_state": ("service_date",),
    "activity": ("starts_at", "ends_at"),
    "redemption": ("created_at",),
    "presence": (),
    "participation": (),
}
UNIQUE = {
    "service_record_state": ("record_id",),
    "point_entry": ("reverses_id",),
    "redemption": ("point_entry_id", "number"),
    "presence": (),
    "participation": (),
    "activity": (),
}


def build(folder: Path, rows: int) -> Path:
    from sync_helpers import build_templates

    shutil.rmtree(folder, ignore_errors=True)
    root = build_templates(folder / "world")
    town = DataDir(root / "town")
    db = Database(town.database)
    stick = folder / "stick"
    for name in ("a", "b"):
        data_dir = DataDir(root / name)
        station = Database(data_dir.database)
        export_sync(station, data_dir, stick)
        station.dispose()
    import_files(db, [stick])
    db.dispose()
    con = sqlite3.connect(town.database, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    for table, share in SHARES.items():
        want = int(rows * share)
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        for copy in range(1, 10_000):
            have = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if have >= want or have == 0:
                break
            exprs = []
            for c in columns:
                if c == "id":
                    exprs.append("lower(hex(randomblob(16)))")
                elif c in UNIQUE[table]:
                    exprs.append("NULL" if c == "reverses_id" else "lower(hex(randomblob(10)))")
                elif c in DATES[table]:
                    exprs.append(f"datetime(\"{c}\", '-{copy % 36} months', '+{copy} seconds')")
                else:
                    exprs.append(f'"{c}"')
            limit = want - have
            con.execute("BEGIN")
            con.execute(
                f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                f'SELECT {", ".join(exprs)} FROM "{table}" LIMIT {limit}'
            )
            con.execute("COMMIT")
        print(f"{table}: {con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]:,} rows")
    con.execute("ANALYZE")
    con.close()
    return town.database


def floor(path: Path, month: str, ids: list[str]) -> None:
    """The month view's GROUP BYs with plain sqlite3 (no ORM, no dataclasses)."""
    start, end = f"{month}-01", _next(month)
    marks = ",".join("?" * len(ids))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    held = f"a.station_id IN ({marks}) AND a.deleted = 0 AND a.starts_at >= ? AND a.starts_at < ?"
    p = [*ids, start, end]
    con.execute(
        f"SELECT station_id, category, platform, count(*) FROM activity a WHERE {held} "
        "GROUP BY 1, 2, 3",
        p,
    ).fetchall()
    con.execute(
        "SELECT a.station_id, a.category, a.platform, count(*) FROM presence p "
        f"JOIN activity a ON a.id = p.activity_id WHERE {held} AND p.state != 'annulled' "
        "GROUP BY 1, 2, 3",
        p,
    ).fetchall()
    con.execute(
        "SELECT a.station_id, a.category, a.platform, count(*) FROM participation p "
        f"JOIN activity a ON a.id = p.activity_id WHERE {held} AND p.annulled = 0 "
        "GROUP BY 1, 2, 3",
        p,
    ).fetchall()
    srs = (
        f"station_id IN ({marks}) AND deleted = 0 AND status != 'rejected' "
        "AND service_date >= ? AND service_date < ?"
    )
    con.execute(
        "SELECT station_id, count(DISTINCT volunteer_id), sum(minutes) FROM "
        f"service_record_state WHERE {srs} GROUP BY 1",
        p,
    ).fetchall()
    con.execute(
        f"SELECT station_id, count(*) FROM volunteer WHERE station_id IN ({marks}) "
        "AND deleted = 0 AND created_at >= ? AND created_at < ? GROUP BY 1",
        p,
    ).fetchall()
    con.execute(
        f"SELECT station_id, count(*) FROM star_grant WHERE station_id IN ({marks}) "
        "AND granted_on >= ? AND granted_on < ? GROUP BY 1",
        p,
    ).fetchall()
    for kind in ("earn", "redeem"):
        con.execute(
            f"SELECT station_id, sum(points) FROM point_entry WHERE station_id IN ({marks}) "
            "AND kind = ? AND occurred_on >= ? AND occurred_on < ? GROUP BY 1",
            [*ids, kind, start, end],
        ).fetchall()
    con.execute(
        f"SELECT station_id, count(*) FROM redemption WHERE station_id IN ({marks}) "
        "AND created_at >= ? AND created_at < ? GROUP BY 1",
        p,
    ).fetchall()
    # the detail sections: stock at the month's end, the rankings, participation, stars
    con.execute(
        "SELECT g.station_id, g.points_price, g.low_stock_threshold, coalesce(m.qty, 0) "
        "FROM goods g LEFT JOIN (SELECT goods_id, sum(qty) AS qty FROM stock_move "
        f"WHERE station_id IN ({marks}) AND created_at < ? GROUP BY 1) m ON m.goods_id = g.id "
        f"WHERE g.station_id IN ({marks}) AND g.deleted = 0",
        [*ids, end, *ids],
    ).fetchall()
    con.execute(
        f"SELECT household_id, sum(points) FROM point_entry WHERE station_id IN ({marks}) "
        "AND kind = 'earn' AND occurred_on >= ? AND occurred_on < ? GROUP BY 1",
        p,
    ).fetchall()
    con.execute(
        "SELECT DISTINCT p.household_id FROM participation p "
        f"JOIN activity a ON a.id = p.activity_id WHERE {held} AND p.annulled = 0",
        p,
    ).fetchall()
    con.execute(
        "SELECT station_id, id, number, number_sort, head_name, group_name, active "
        f"FROM household WHERE station_id IN ({marks}) AND deleted = 0",
        ids,
    ).fetchall()
    con.execute(
        "SELECT v.station_id, v.id, v.number, v.name, s.m FROM volunteer v JOIN ("
        f"SELECT volunteer_id, sum(minutes) AS m FROM service_record_state WHERE {srs} "
        f"GROUP BY 1) s ON s.volunteer_id = v.id WHERE v.station_id IN ({marks}) "
        "AND v.deleted = 0",
        [*p, *ids],
    ).fetchall()
    con.execute(
        "SELECT v.station_id, g.level, count(*) FROM volunteer v JOIN (SELECT volunteer_id, "
        f"max(level) AS level FROM star_grant WHERE station_id IN ({marks}) AND granted_on < ? "
        f"GROUP BY 1) g ON g.volunteer_id = v.id WHERE v.station_id IN ({marks}) "
        "AND v.deleted = 0 GROUP BY 1, 2",
        [*ids, end, *ids],
    ).fetchall()
    con.close()


def _next(month: str) -> str:
    year, mon = (int(x) for x in month.split("-"))
    year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return f"{year:04d}-{mon:02d}-01"


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn(*args)
        out.append(time.perf_counter() - t)
    return statistics.median(out) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-township"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    marker = args.data_dir / f"built-{args.rows}"
    if args.rebuild or not marker.exists():
        path = build(args.data_dir, args.rows)
        marker.touch()
    else:
        path = DataDir(args.data_dir / "world" / "town").database
    db = Database(path)
    from app.db import migrate

    migrate.ensure_schema(db.engine)  # indexes of a newer migration, on a file built before it
    stations = enrolled_stations(db)
    ids = [s[0] for s in stations]
    month = max(township_months(db), key=lambda m: month_summary(db, m).totals.attendances)
    month_summary(db, month)  # warm the page cache and the ORM
    floor(path, month, ids)
    app_ms = timed(month_summary, db, month)
    floor_ms = timed(floor, path, month, ids)
    # the month whose points entries are the most (the household ranking reads them all)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        points_month = con.execute(
            "SELECT substr(occurred_on, 1, 7), count(*) FROM point_entry GROUP BY 1 "
            "ORDER BY 2 DESC LIMIT 1"
        ).fetchone()[0]
    month_summary(db, points_month)
    floor(path, points_month, ids)
    points_app_ms = timed(month_summary, db, points_month)
    points_floor_ms = timed(floor, path, points_month, ids)
    with sqlite3.connect(path) as con:
        total = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SHARES)
    verdict = "ok" if app_ms <= TARGET_MS else "SLOW"
    print(
        f"month view {month} over {total:,} rows, {len(ids)} stations: "
        f"app {app_ms:.0f} ms (target ≤ {TARGET_MS} ms, {verdict}), raw floor {floor_ms:.0f} ms"
    )
    verdict = "ok" if points_app_ms <= TARGET_MS else "SLOW"
    print(
        f"month view {points_month} (the most points entries): app {points_app_ms:.0f} ms "
        f"(target ≤ {TARGET_MS} ms, {verdict}), raw floor {points_floor_ms:.0f} ms"
    )
    db.dispose()


if __name__ == "__main__":
    main()
