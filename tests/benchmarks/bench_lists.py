"""Benchmark: the longest lists exported to xlsx and printed, on the large demo station (issue 10).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_lists.py [--data-dir /tmp/wb-bench-reports]
        [--size large] [--rebuild]

It reuses the large demo station the reports benchmark builds (20,000
households, 5,000 volunteers, ten years of activities), opened as it is: the
lists only read, so an existing file is not migrated (another branch's
benchmark may have left it at its own schema); a list whose tables the file
lacks is skipped and said so.  For the households
list (all 20,000), the volunteers list, the hours records and the orders, one
run each of :func:`write_list_xlsx` and :func:`list_pdf` — the work the
"Export to Excel…" and "Print list…" buttons run off the GUI thread, behind the
progress dialog.  Beside each figure, two floors measured in the same run:
reading the same rows through the list's own ``fetch`` alone, and openpyxl's
write-only sheet of the same cells without the formula check.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import bench_points  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from app.db import Database  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.activities import ActivityFilter  # noqa: E402
from app.services.documents.list_export import (  # noqa: E402
    ListDocument,
    activities_document,
    hours_document,
    households_document,
    list_pdf,
    orders_document,
    volunteers_document,
    write_list_xlsx,
)
from app.services.households import HouseholdFilter  # noqa: E402
from app.services.orders import OrderFilter  # noqa: E402
from app.services.volunteers import VolunteerFilter  # noqa: E402
from app.services.volunteers.hours import RecordFilter  # noqa: E402


def read_floor(doc: ListDocument) -> tuple[float, list[list[object]]]:
    t = time.perf_counter()
    rows = list(doc.rows())
    return time.perf_counter() - t, rows


def openpyxl_floor(rows: list[list[object]], header: list[str], path: Path) -> float:
    from openpyxl import Workbook

    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - t


def bench(name: str, doc: ListDocument, scratch: Path) -> None:
    read_s, rows = read_floor(doc)
    t = time.perf_counter()
    n = write_list_xlsx(doc, scratch / f"{name}.xlsx")
    xlsx_s = time.perf_counter() - t
    t = time.perf_counter()
    pdf = list_pdf(doc)
    pdf_s = time.perf_counter() - t
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    floor = openpyxl_floor(rows, [c.title for c in doc.columns], scratch / f"{name}-floor.xlsx")
    print(
        f"{name}: {n} rows — xlsx {xlsx_s:.2f} s, PDF {pdf_s:.2f} s ({len(pdf) // 1024} KB, "
        f"{pages} pages); floors: reading the rows {read_s:.2f} s, bare openpyxl {floor:.2f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/wb-bench-reports")
    parser.add_argument("--size", default="large", help="small, medium or large")
    parser.add_argument("--rebuild", action="store_true", help="build the demo station anew")
    args = parser.parse_args(argv)
    data_dir = DataDir(Path(args.data_dir))
    if data_dir.database.exists() and not args.rebuild:
        db = Database(data_dir.database)
        print(f"reading the station in {data_dir.root} as it is (not migrated)")
    else:
        db = bench_points.open_station(data_dir, args.size, args.rebuild)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp)
            for name, doc in (
                ("households", households_document(db, HouseholdFilter())),
                ("volunteers", volunteers_document(db, VolunteerFilter())),
                ("hours (approved)", hours_document(db, RecordFilter(status="approved"))),
                ("activities", activities_document(db, ActivityFilter())),
                ("orders", orders_document(db, OrderFilter())),
            ):
                try:
                    bench(name, doc, scratch)
                except OperationalError as err:  # a table this file does not have
                    print(f"{name}: skipped ({str(err.orig).splitlines()[0]})")
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
