"""Data checks: cached figures against their ledgers, quick and full."""

from __future__ import annotations

from household_factory import new_household
from sqlalchemy import text

from app.db import Database
from app.services.auth import Actor
from app.services.checks import run_checks


def _tamper_balance(db: Database, number: str) -> None:
    with db.write() as s:
        s.execute(
            text("UPDATE household SET balance = balance + 7 WHERE number = :n"), {"n": number}
        )


def test_a_clean_station_passes_every_check(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    new_household(db, admin, "001")
    results = run_checks(db, full=True)
    assert [r.name for r in results] == [
        "Database schema and guard triggers",
        "Audit log chain",
        "Audit log against its signed anchors",
        "Every row accounted for in the audit log",
        "Household points balances",
        "Goods on hand",
        "Volunteer hours and stars",
        "Points for volunteer service",
        "Service orders against their history",
    ]
    assert all(r.ok for r in results)


def test_a_balance_that_drifted_from_its_ledger_is_named(
    station_db: tuple[Database, Actor],
) -> None:
    db, admin = station_db
    new_household(db, admin, "001")
    new_household(db, admin, "002")
    _tamper_balance(db, "002")
    quick = run_checks(db, full=False)
    assert [r.name for r in quick] == ["Household points balances"]
    assert not quick[0].ok and quick[0].problems == ("002: 7 ≠ 0",)
    full = {r.name: r for r in run_checks(db, full=True)}
    assert not full["Household points balances"].ok
    assert full["Audit log chain"].ok


def test_a_row_added_just_before_commit_is_sealed(station_db: tuple[Database, Actor]) -> None:
    """A slip's first print adds its print_log row with no audit entry of its own and
    no flush before the commit: it must be sealed like any row (it once was not, and
    every station that printed a slip failed the full check)."""
    from app.services import points, supermarket
    from app.services.supermarket import GoodsData

    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    h = new_household(db, admin, "001", "张三")
    points.award(db, admin, h.id, "BZ01")
    soap = supermarket.create_goods(db, admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(db, admin, soap.id, 10)
    r = supermarket.redeem(db, admin, supermarket.new_redemption_id(), h.id, [(soap.id, 1)])
    supermarket.record_print(db, admin, r.id)
    assert [(c.name, c.problems) for c in run_checks(db, full=True) if not c.ok] == []
