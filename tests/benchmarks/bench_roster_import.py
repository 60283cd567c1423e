"""Benchmark: reading the largest roster the import allows (issue 7, hostile files).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_roster_import.py [--rows 50000]

Builds a households roster of *rows* rows (9 columns, every name, ID number
and phone different, written by openpyxl with shared strings as Excel does)
and times :func:`app.services.households.read_roster` on it: the zip and
XML byte scan of app.services.xlsx_safety, then the single streaming pass
over the rows.  Peak memory is reported twice: the Python heap at its
highest (tracemalloc, a separate run because tracing slows Python down) and
the process's peak resident size.  Targets: under 20 s (the read's own time
limit) and under 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.services import xlsx_safety
from app.services.households import read_roster

HEADER = [
    "户号",
    "姓名",
    "与户主关系",
    "身份证号",
    "联系电话",
    "村民小组",
    "住址",
    "性别",
    "出生日期",
]


def build(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["东风村户籍花名册"])
    ws.append(HEADER)
    for i in range(rows):
        ws.append(
            [
                f"{i // 4 + 1:05d}",
                f"王{chr(0x4E00 + i % 20000)}{chr(0x4E00 + i // 20000)}",
                "户主" if i % 4 == 0 else "子",
                f"3304811990{i % 10000:04d}{i % 1000:03d}X",
                f"139{i:08d}",
                f"{i % 12 + 1}组",
                f"东风村{i % 12 + 1}组{i // 4 + 1}号",
                "男" if i % 2 else "女",
                f"19{50 + i % 50}-0{i % 9 + 1}-1{i % 9}",
            ]
        )
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "花名册.xlsx"
        build(path, args.rows)
        size = path.stat().st_size
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        preview = read_roster(path)
        elapsed = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert len(preview.rows) == args.rows
        del preview
        print(f"read_roster: {elapsed:.1f} s, peak RSS {rss_after / 1024:.0f} MB", flush=True)
        xlsx_safety.MAX_SECONDS = 600  # tracing slows Python several times; not timed
        tracemalloc.start()
        read_roster(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"roster of {args.rows} rows, {size / 2**20:.1f} MB on disk")
    print(f"read_roster: {elapsed:.1f} s")
    print(f"Python heap peak (tracemalloc): {peak / 2**20:.0f} MB")
    print(f"process peak RSS: {rss_after / 1024:.0f} MB (was {rss_before / 1024:.0f} MB before)")


if __name__ == "__main__":
    main()
