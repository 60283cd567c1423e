"""Benchmark: households, points and the supermarket on a large demo station (issue 3 "Speed").

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_points.py [--data-dir /tmp/wb-bench-large]

The first run builds the demo station (``--size large``: 20,000 households,
2,000,000 ledger entries, 100,000 redemptions — a few minutes) in the data
folder and later runs reuse it.  Writing benchmarks (redemptions) run on a
scratch copy of the database, so the cached station stays as built.

Targets (issue 3): household lookup from a scan and search < 20 ms median,
redemption commit < 30 ms median, full balance verification < 5 s; the
households page is a lazy model (count + windows), so each window must be
cheap wherever the user scrolls to.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # floors

from floors import WriteCounter, bare_transactions  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from app.db import Database, migrate  # noqa: E402
from app.demo import points as demo_points  # noqa: E402, F401  (registers its filler)
from app.demo import station as demo  # noqa: E402
from app.models import Card, Goods, Household, Member  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services import (  # noqa: E402
    cards,
    households,
    keys,
    points,
    supermarket,
)
from app.services.auth import Actor  # noqa: E402
from app.services.households import lookup  # noqa: E402
from app.services.points import standings  # noqa: E402
from app.services.station import is_set_up  # noqa: E402

Row = tuple[str, int, float, float, str, str]  # name, n, median ms, p95 ms, target, verdict


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def timed(fn: Callable[[Any], object], args: Sequence[Any]) -> list[float]:
    """Run *fn* once per argument; the wall time of each call in seconds."""
    out = []
    for arg in args:
        t = time.perf_counter()
        fn(arg)
        out.append(time.perf_counter() - t)
    return out


def summary(name: str, samples: list[float], target_ms: float | None) -> Row:
    samples = sorted(samples)
    median = _ms(statistics.median(samples))
    p95 = _ms(samples[min(len(samples) - 1, int(len(samples) * 0.95))])
    if target_ms is None:
        return (name, len(samples), median, p95, "", "")
    verdict = "ok" if median < target_ms else "MISSED"
    return (name, len(samples), median, p95, f"< {target_ms:g} ms", verdict)


def print_table(title: str, rows: list[Row]) -> None:
    print()
    print(title)
    header = f"{'benchmark':<46} {'n':>5} {'median ms':>10} {'p95 ms':>10}  {'target':<12} result"
    print(header)
    print("-" * len(header))
    for name, n, median, p95, target, verdict in rows:
        print(f"{name:<46} {n:>5} {median:>10.2f} {p95:>10.2f}  {target:<12} {verdict}")
    sys.stdout.flush()


# --- the cached demo station ----------------------------------------------------------


def open_station(data_dir: DataDir, size_name: str, rebuild: bool) -> Database:
    size = demo.parse_size(size_name)
    if rebuild and data_dir.root.exists():
        shutil.rmtree(data_dir.root)
    if data_dir.database.exists():
        db = Database(data_dir.database)
        migrate.ensure_schema(db.engine)
        # the village's households (volunteers' own points files left out)
        count = households.count_households(db, households.HouseholdFilter(include_inactive=True))
        if is_set_up(db) and count == size.households:
            print(f"reusing the {size_name} demo station in {data_dir.root}")
            return db
        db.dispose()
        raise SystemExit(
            f"{data_dir.root} holds a station with {count} households, not a {size_name} "
            "demo; pass --rebuild or another --data-dir"
        )
    print(f"building a {size_name} demo station in {data_dir.root} (once; later runs reuse it)")
    t = time.perf_counter()
    db = demo.create_demo_station(data_dir, size, progress=lambda name: print(f"  filler: {name}"))
    print(f"built in {time.perf_counter() - t:.1f} s")
    return db


def station_figures(db: Database) -> None:
    with db.read() as s:
        figures = {
            table: s.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ("household", "member", "point_entry", "redemption", "stock_move")
        }
    size_mb = Path(db.path).stat().st_size / 1e6
    print(
        "station: "
        + ", ".join(f"{n:,} {t}" for t, n in figures.items())
        + f"; database {size_mb:,.0f} MB"
    )


def admin_actor(db: Database) -> Actor:
    from app.models import Operator, Role

    with db.read() as s:
        op = s.scalars(select(Operator).where(Operator.role == Role.ADMIN.value)).first()
        assert op is not None
        return Actor(op.id, op.username, op.display_name, Role(op.role))


# --- benchmarks -------------------------------------------------------------------------


def bench_lookup(db: Database, data_dir: DataDir, rng: random.Random, n: int) -> list[Row]:
    card_key = keys.load_keys(data_dir.keys).card_key
    with db.read() as s:
        card_ids = list(s.scalars(select(Card.id).where(Card.kind == "H")))
        members = s.execute(select(Member.name, Member.initials, Member.phone_tail)).all()
        numbers = list(s.scalars(select(Household.number)))
    payloads = [cards.sign_payload(card_key, "H", cid) for cid in rng.sample(card_ids, n)]

    def scan(payload: str) -> object:
        subject = cards.resolve_card(db, card_key, payload)
        return households.get_household(db, subject.subject_id)

    picks = rng.sample(members, n)
    initials2 = [m[1][:2] for m in picks if len(m[1]) >= 2]
    initials3 = [m[1][:3] for m in picks if len(m[1]) >= 3]
    names = [m[0] for m in picks]
    given = [m[0][1:] for m in picks if len(m[0]) >= 3]  # "建国" of 王建国: a LIKE '%…%'
    tails = [m[2] for m in rng.sample([m for m in members if m[2]], n)]
    full_numbers = rng.sample(numbers, n)
    prefixes = [x.split("-")[0] + "-" + x.split("-")[1][:1] for x in full_numbers]

    def search(q: str) -> object:
        return households.search(db, q)

    rows = [
        summary("scan card -> resolve_card + get_household", timed(scan, payloads), 20),
        summary('search "zs" (pinyin initials, fixed)', timed(search, ["zs"] * n), 20),
        summary("search initials, 2 letters (random)", timed(search, initials2), 20),
        summary("search initials, 3 letters (random)", timed(search, initials3), 20),
        summary("search full name (random member)", timed(search, names), 20),
        summary("search given name part (LIKE %..%)", timed(search, given), 20),
        summary("search phone tail, 4 digits", timed(search, tails), 20),
        summary("search household number (exact)", timed(search, full_numbers), 20),
        summary('search household number prefix ("12-1")', timed(search, prefixes), 20),
    ]
    return rows


def bench_pages(db: Database, n: int) -> list[Row]:
    total = households.count_households(db)
    rows = [
        summary(
            "households page: count",
            timed(lambda _: households.count_households(db), range(n)),
            None,
        )
    ]
    for label, offset in (("start", 0), ("middle", total // 2), ("end", max(0, total - 100))):
        rows.append(
            summary(
                f"households page: 100 rows at {label} ({offset:,})",
                timed(lambda o: households.fetch_households(db, o, 100), [offset] * n),
                None,
            )
        )
    flt = households.HouseholdFilter(text="zs")
    rows.append(
        summary(
            'households page filtered "zs": count + 100 rows',
            timed(
                lambda _: (
                    households.count_households(db, flt),
                    households.fetch_households(db, 0, 100, flt),
                ),
                range(max(5, n // 10)),
            ),
            None,
        )
    )
    return rows


def bench_ledger_reads(db: Database, rng: random.Random, n: int) -> list[Row]:
    with db.read() as s:
        ids = list(s.scalars(select(Household.id)))
    picks = rng.sample(ids, n)
    year = str(time.gmtime().tm_year)
    return [
        summary(
            "counter: recent 20 entries of a household",
            timed(lambda h: points.recent_entries(db, h, 20), picks),
            None,
        ),
        summary(
            "period score of a household (pass line)",
            timed(lambda h: _score(db, h, year), picks),
            None,
        ),
    ]


def _score(db: Database, household_id: str, year: str) -> int:
    with db.read() as s:
        return points.period_score(s, household_id, year)


def bench_redeem(db_path: Path, scratch: Path, rng: random.Random, n: int) -> list[Row]:
    """Redemption commits on a scratch copy (the cached station is left as built)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    src = sqlite3.connect(db_path)
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dst = sqlite3.connect(scratch / "station.db")
    src.backup(dst)
    dst.close()
    src.close()
    db = Database(scratch / "station.db")
    try:
        actor = admin_actor(db)
        with db.read() as s:
            rich = s.execute(
                select(Household.id, Household.balance).where(Household.balance >= 200)
            ).all()
            goods = s.execute(
                select(Goods.id, Goods.points_price).where(
                    Goods.on_hand > 50, Goods.points_price <= 60
                )
            ).all()
        baskets = []
        for hid, balance in rng.sample(rich, n):
            lines = [(g, rng.randint(1, 2)) for g in rng.sample(goods, rng.randint(1, 3))]
            # a basket the household can afford (the pass line leaves 60 points aside)
            while len(lines) > 1 and sum(g.points_price * q for g, q in lines) > balance - 60:
                lines.pop()
            if lines[0][0].points_price * lines[0][1] > balance - 60:
                lines = [(lines[0][0], 1)]
            baskets.append((supermarket.new_redemption_id(), hid, [(g.id, q) for g, q in lines]))

        def redeem(basket: tuple[str, str, list[tuple[str, int]]]) -> object:
            rid, hid, lines = basket
            return supermarket.redeem(db, actor, rid, hid, lines)

        # how many rows one redemption writes (INSERT and UPDATE statements), for the floor
        with WriteCounter(db.engine) as written:
            samples = timed(redeem, baskets)
        rows_written = written.rows / len(baskets)
        rows = [summary("redemption commit (supermarket.redeem)", samples, 30)]
        rows.append(
            summary(
                f"  raw floor: bare sqlite3 txn of {rows_written:.0f} rows, same PRAGMAs",
                bare_transactions(scratch / "station.db", round(rows_written), len(baskets)),
                None,
            )
        )
        again = timed(redeem, baskets[: max(10, n // 10)])
        rows.append(summary("repeat of a committed checkout (idempotent)", again, None))
        return rows
    finally:
        db.dispose()
        shutil.rmtree(scratch, ignore_errors=True)


def bench_checks(db: Database, runs: int) -> list[Row]:
    report: list[points.BalanceReport] = []

    def full(_: object) -> None:
        report.append(points.verify_balances(db))

    rows = [summary("verify_balances, all households", timed(full, range(runs)), 5000)]
    assert all(r.ok for r in report), "balance mismatches in the demo station"
    rows.append(
        summary(
            "verify_balances, start-up sample of 200",
            timed(lambda _: points.verify_balances(db, sample=200), range(runs)),
            None,
        )
    )
    rows.append(
        summary("verify_stock", timed(lambda _: supermarket.verify_stock(db), range(runs)), None)
    )
    from app.services import audit

    seals: list[audit.SealReport] = []
    rows.append(
        summary(
            "verify_seals: every row against its seal (check --full)",
            timed(lambda _: seals.append(audit.verify_seals(db)), range(1)),
            None,
        )
    )
    assert all(r.ok for r in seals), seals[0].problems[:3]
    year = str(time.gmtime().tm_year)
    rows.append(
        summary(
            f"rankings {year}, top 5,000 (data for the PDF)",
            timed(lambda _: points.rankings(db, year, 5000), range(runs)),
            None,
        )
    )
    return rows


def explain(db: Database) -> None:
    """The query plans behind the figures (what the services issue; look here first when a
    target is missed)."""
    from sqlalchemy.dialects import sqlite

    from app.models import PointEntry

    with db.read() as s:
        name = s.scalar(select(Member.name).limit(1)) or "张三"
    member_search = (
        "SELECT h.id FROM household h JOIN member ON member.household_id = h.id "
        "WHERE {cond} AND h.deleted = 0 AND h.active = 1 AND member.deleted = 0 "
        "ORDER BY member.is_head DESC, h.number_sort LIMIT 20"
    )
    like = lookup._name_contains(name[1:]).compile(
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    year = str(time.gmtime().tm_year)
    scores = select(standings._scores(None, year)).compile(  # type: ignore[arg-type]
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    queries = {
        "search: exact name": member_search.format(cond=f"member.name = '{name}'"),
        "search: name part (services: rowid IN name-index scan)": member_search.format(
            cond=str(like)
        ),
        "search: name part (before: LIKE on the member table)": member_search.format(
            cond=f"member.name LIKE '%{name[1:]}%'"
        ),
        "search: pinyin initials": member_search.format(
            cond="member.initials >= 'zs' AND member.initials < 'zs\uffff'"
        ),
        "households page window": "SELECT id FROM household WHERE deleted = 0 AND active = 1 "
        "ORDER BY number_sort, number, id LIMIT 100 OFFSET 10000",
        "verify_balances (services: NOT INDEXED)": "SELECT household_id, sum(points) "
        "FROM point_entry NOT INDEXED GROUP BY household_id",
        "verify_balances (before: via the index)": "SELECT household_id, sum(points) "
        f"FROM {PointEntry.__tablename__} GROUP BY household_id",
        f"rankings {year} (services)": str(scores),
    }
    with db.read() as s:
        for label, sql in queries.items():
            print(f"\nEXPLAIN QUERY PLAN — {label}")
            for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)):
                print("   ", row[-1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/wb-bench-large")
    parser.add_argument("--size", default="large", help="small, medium or large")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true", help="build the demo station anew")
    parser.add_argument("--explain", action="store_true", help="print the query plans too")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    data_dir = DataDir(Path(args.data_dir))
    db = open_station(data_dir, args.size, args.rebuild)
    rng = random.Random(args.seed)
    n = args.queries
    try:
        station_figures(db)
        # warm the OS and SQLite caches the way a day at the counter would
        points.verify_balances(db)
        print_table("Lookup and search (per query)", bench_lookup(db, data_dir, rng, n))
        print_table("Households page (lazy model)", bench_pages(db, max(20, n // 10)))
        print_table("Ledger reads at the counter", bench_ledger_reads(db, rng, n))
        print_table(
            "Redemption counter (scratch copy)",
            bench_redeem(data_dir.database, data_dir.root / "scratch", rng, n),
        )
        print_table("Whole-station checks", bench_checks(db, 3))
        if args.explain:
            explain(db)
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
