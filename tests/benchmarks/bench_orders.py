"""Benchmark: the 服务点单 list with 50,000 orders (issue 10 "Speed": opens and filters ≤ 50 ms).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_orders.py [--orders 50000] [--data-dir DIR]

Builds a station with a small menu and *orders* orders spread over five years
(those older than two weeks closed, but for 1 % left open — the overdue ones) (written in bulk through the ORM in one transaction, so the
stamping hook and the guard triggers run as in use — each order with its
creation step in the history), then times what the page asks for when it opens
and on each filter: the count and the first window of 200 rows
(``count_orders`` + ``fetch_orders``), median of 20 runs, off any GUI — and beside
them the raw floor: the unfiltered list's two SELECTs in plain sqlite3 on the same
file.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.db import Database, migrate  # noqa: E402
from app.models import OrderState, ServiceOrder, ServiceOrderEvent  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services import orders  # noqa: E402
from app.services.orders import MenuItemData, OrderFilter  # noqa: E402
from app.services.station import AdminAccount, StationInfo, setup_station  # noqa: E402

TARGET_MS = 50
STATES = [s.value for s in OrderState]
CLOSED = ["rejected", "completed", "rated", "rated"]


def build(data_dir: DataDir, n: int) -> Database:
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    admin = setup_station(
        db,
        data_dir.keys,
        StationInfo(
            name="东风村新时代文明实践站",
            code="330481101001",
            village="东风村",
            township="城关镇",
            county="海宁市",
            leader_name="王建国",
            contact_phone="0573-87001234",
        ),
        AdminAccount("admin", "王站长", "admin123"),
    )
    items = [
        orders.save_menu_item(db, admin, MenuItemData(c, name))
        for c, name in (("生活服务", "上门理发"), ("医疗健康", "量血压"), ("文化教育", "作业辅导"))
    ]
    rng = random.Random(10)
    now = datetime.now().replace(microsecond=0)
    started = time.perf_counter()
    with db.write() as s:
        for i in range(n):
            at = now - timedelta(minutes=rng.randint(0, 5 * 365 * 24 * 60))
            item = rng.choice(items)
            # as at a station: an order older than two weeks is closed, but for a few
            recent = now - at < timedelta(days=14) or rng.random() < 0.01
            state = rng.choice(STATES if recent else CLOSED)
            phone = f"13{rng.randint(100000000, 999999999)}"
            order = ServiceOrder(
                number=f"DD-{at.year}-{i + 1:06d}",
                year=at.year,
                seq=i + 1,
                item_id=item.id,
                category=item.category,
                item_name=item.name,
                requester_name=rng.choice("赵钱孙李周吴郑王") + rng.choice("大小老") + "伯",
                phone=phone,
                phone_masked=phone[:3] + "****" + phone[-4:],
                phone_tail=phone[-4:],
                request="上门服务",
                state=state,
                received_at=at,
                dispatched_at=at + timedelta(hours=3)
                if state not in ("pending", "rejected")
                else None,
                event_count=1,
            )
            s.add(order)
            s.flush()
            s.add(
                ServiceOrderEvent(
                    order_id=order.id, seq=1, action="create", to_state="pending", at=at
                )
            )
            if i % 2000 == 1999:
                s.flush()
    print(f"built {n:,} orders in {time.perf_counter() - started:.1f} s")
    return db


def timed(db: Database, flt: OrderFilter, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        orders.count_orders(db, flt)
        orders.fetch_orders(db, 0, 200, flt)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def raw_floor(path: Path, runs: int = 20) -> float:
    """The same two questions of the unfiltered list, in plain sqlite3 on the same file."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    times = []
    try:
        for _ in range(runs):
            t = time.perf_counter()
            con.execute("SELECT count(*) FROM service_order WHERE deleted = 0").fetchone()
            con.execute(
                "SELECT id, number, category, item_name, requester_name, phone_masked, state, "
                "received_at, dispatched_at, completed_at, rating FROM service_order "
                "WHERE deleted = 0 ORDER BY received_at DESC, id DESC LIMIT 200"
            ).fetchall()
            times.append(time.perf_counter() - t)
    finally:
        con.close()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=50_000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    root = args.data_dir or Path(tempfile.mkdtemp(prefix="wb-bench-orders-"))
    db = build(DataDir(root).ensure(), args.orders)
    cases = {
        "open (all, newest first)": OrderFilter(),
        "state 待处理": OrderFilter(state="pending"),
        "overdue only": OrderFilter(overdue_only=True),
        "text: a name": OrderFilter(text="赵大"),
        "text: phone's last 4": OrderFilter(text="1234"),
        "text: an order number": OrderFilter(text="DD-2024-0012"),
    }
    worst = 0.0
    for name, flt in cases.items():
        ms = timed(db, flt)
        worst = max(worst, ms)
        print(f"{name:28s} count + first 200 rows: {ms:6.1f} ms median")
    print(
        f"{'raw floor: the same, sqlite3':28s} count + first 200 rows: {raw_floor(Path(db.path)):6.1f} ms median"
    )
    print(f"worst {worst:.1f} ms (target ≤ {TARGET_MS} ms)")
    db.dispose()
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
