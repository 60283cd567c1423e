"""Benchmark: an annual station report and a 500-activity 台账 on the large demo station (issue 10).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_reports.py [--data-dir /tmp/wb-bench-reports]
        [--size large] [--rebuild]

The first run builds the demo station (``--size large``: 20,000 households,
5,000 volunteers, 3,000 activities over ten years, 2 M points entries); later
runs reuse it.

* **Annual report**: :func:`app.services.reports.station_report` of the year
  with the most activities, then its PDF and its xlsx, median of 5 runs (target
  ≤ 2 s).  Floor: the report's GROUP BY queries (场次 by category and platform,
  人次, hours, points by rule category, goods given) with plain ``sqlite3`` on
  the same file.
* **台账**: the 500 newest activities (read by :func:`ledger_entries` for the
  years they span), each with two photos (1600×1200 JPEGs, as the photo import
  stores them), bound into one PDF with progress, one run (target ≤ 20 s).
  Floor: reportlab drawing 500 pages of the same photos and a line of text with
  a bare canvas.
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import bench_points  # noqa: E402

from app.db import Database  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.printing.ledger import render_ledger  # noqa: E402
from app.services.documents.ledger import ledger_entries  # noqa: E402
from app.services.documents.reports import report_pdf, report_xlsx  # noqa: E402
from app.services.reports import parse_period, station_report  # noqa: E402

REPORT_TARGET_S = 2.0
LEDGER_TARGET_S = 20.0


def busiest_year(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT substr(starts_at, 1, 4) y, count(*) n FROM activity WHERE deleted = 0 "
            "GROUP BY y ORDER BY n DESC, y DESC LIMIT 1"
        ).fetchone()
        return str(row[0])
    finally:
        con.close()


def report_floor(path: Path, sid: str, year: str) -> float:
    start, end = f"{year}-01-01", f"{int(year) + 1}-01-01"
    con = sqlite3.connect(path)
    try:
        t = time.perf_counter()
        con.execute(
            "SELECT category, platform, count(*) FROM activity WHERE station_id = ? AND "
            "deleted = 0 AND starts_at >= ? AND starts_at < ? GROUP BY category, platform",
            (sid, start, end),
        ).fetchall()
        con.execute(
            "SELECT a.category, a.platform, count(*) FROM presence p JOIN activity a ON "
            "a.id = p.activity_id WHERE a.station_id = ? AND a.deleted = 0 AND a.starts_at >= ? "
            "AND a.starts_at < ? AND p.state != 'annulled' GROUP BY a.category, a.platform",
            (sid, start, end),
        ).fetchall()
        con.execute(
            "SELECT count(DISTINCT volunteer_id), sum(minutes) FROM service_record_state WHERE "
            "station_id = ? AND deleted = 0 AND status != 'rejected' AND service_date >= ? "
            "AND service_date < ?",
            (sid, start, end),
        ).fetchall()
        con.execute(
            "SELECT rule_id, sum(points) FROM point_entry WHERE station_id = ? AND "
            "kind = 'earn' AND occurred_on >= ? AND occurred_on < ? GROUP BY rule_id",
            (sid, start, end),
        ).fetchall()
        con.execute(
            "SELECT l.goods_name, sum(l.qty) FROM redemption_line l JOIN redemption r ON "
            "r.id = l.redemption_id WHERE r.station_id = ? AND r.created_at >= ? AND "
            "r.created_at < ? GROUP BY l.goods_name",
            (sid, start, end),
        ).fetchall()
        return time.perf_counter() - t
    finally:
        con.close()


def bench_report(db: Database, path: Path, scratch: Path) -> None:
    year = busiest_year(path)
    samples, floors = [], []
    for _ in range(5):
        t = time.perf_counter()
        report = station_report(db, year, preparer="王建国")
        pdf = report_pdf(report)
        report_xlsx(report, scratch / "report.xlsx")
        samples.append(time.perf_counter() - t)
        floors.append(report_floor(path, str(db.station_id), year))
    med = statistics.median(samples)
    print(
        f"annual report {year} (PDF {len(pdf) // 1024} KB + xlsx): median {med:.3f} s "
        f"(target ≤ {REPORT_TARGET_S} s: {'ok' if med <= REPORT_TARGET_S else 'SLOW'}); "
        f"raw floor (queries only) {statistics.median(floors):.3f} s; "
        f"{report.sessions} 场次, {report.attendances} 人次"
    )


def photos(scratch: Path) -> tuple[Path, Path]:
    from PIL import Image

    out = []
    for i, colour in enumerate(((200, 60, 40), (40, 120, 200))):
        image = Image.new("RGB", (1600, 1200), colour)
        for x in range(0, 1600, 40):  # some detail, so the JPEG is not trivially small
            image.paste((x % 255, 255 - x % 255, 90), (x, 0, x + 20, 1200))
        p = scratch / f"photo{i}.jpg"
        image.save(p, "JPEG", quality=85)
        out.append(p)
    return out[0], out[1]


def ledger_floor(pictures: tuple[Path, Path], pages: int) -> float:
    from reportlab.lib.pagesizes import A4

    from app.printing.text import draw_text, new_canvas

    t = time.perf_counter()
    buf = BytesIO()
    c = new_canvas(buf, A4, title="floor")
    for i in range(pages):
        draw_text(c, 50, 800, f"活动 {i}", 12)
        for k, p in enumerate(pictures):
            c.drawImage(str(p), 50 + k * 260, 300, 250, 190, preserveAspectRatio=True)
        c.showPage()
    c.save()
    return time.perf_counter() - t


def bench_ledger(db: Database, data_dir: DataDir, scratch: Path) -> None:
    con = sqlite3.connect(data_dir.database)
    years = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT substr(starts_at, 1, 4) FROM activity WHERE deleted = 0 "
            "ORDER BY 1 DESC"
        )
    ]
    con.close()
    pictures = photos(scratch)
    t = time.perf_counter()
    entries = []
    for year in years:
        entries = ledger_entries(db, parse_period(year), data_dir.photos) + entries
        if len(entries) >= 500:
            break
    entries = [dataclasses.replace(e, photos=pictures) for e in entries[-500:]]
    steps: list[int] = []
    pdf = render_ledger(
        "东风村新时代文明实践站", "近期", entries, progress=lambda d, _t: steps.append(d)
    )
    took = time.perf_counter() - t
    floor = ledger_floor(pictures, len(entries))
    print(
        f"台账 of {len(entries)} activities with 2 photos each ({len(pdf) // 1024 // 1024} MB, "
        f"{len(steps)} progress reports): {took:.2f} s (target ≤ {LEDGER_TARGET_S} s: "
        f"{'ok' if took <= LEDGER_TARGET_S else 'SLOW'}); raw floor (bare canvas, same photos) "
        f"{floor:.2f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/wb-bench-reports")
    parser.add_argument("--size", default="large", help="small, medium or large")
    parser.add_argument("--rebuild", action="store_true", help="build the demo station anew")
    args = parser.parse_args(argv)
    data_dir = DataDir(Path(args.data_dir))
    db = bench_points.open_station(data_dir, args.size, args.rebuild)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp)
            bench_report(db, data_dir.database, scratch)
            bench_ledger(db, data_dir, scratch)
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
