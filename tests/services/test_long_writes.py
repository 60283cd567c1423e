"""Long background writes never make the counter fail: a roster import commits in
chunks and the write lane lets a redemption in between two of them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from household_factory import new_household
from roster_files import write_xlsx
from sqlalchemy import func, select

import app.db as dbmod
from app.db import Database
from app.errors import Busy
from app.models import Household
from app.services import households, points, supermarket
from app.services.auth import Actor
from app.services.households import roster_import
from app.services.supermarket import GoodsData


def _households(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Household)) or 0)


def test_a_redemption_goes_through_while_a_big_roster_imports(
    station_db: tuple[Database, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    buyer = new_household(db, admin, "A01", "张三")
    points.award(db, admin, buyer.id, "BZ01")
    oil = supermarket.create_goods(db, admin, GoodsData("食用油", 20, "粮油", "桶"))
    supermarket.receive_stock(db, admin, oil.id, 5)

    total = 600
    rows = [
        [f"{n:04d}", f"村民{n}", "户主", None, None, None, "一组", None, None] for n in range(total)
    ]
    preview = households.read_roster(write_xlsx(tmp_path / "big.xlsx", rows))
    results = households.validate_rows(db, preview, groups=["一组"])
    assert all(r.ok for r in results)
    monkeypatch.setattr(roster_import, "IMPORT_CHUNK", 20)  # 30 transactions

    first_chunk = threading.Event()
    real_chunk = roster_import._import_chunk

    def chunk_then_signal(*args, **kwargs):  # type: ignore[no-untyped-def]
        done = real_chunk(*args, **kwargs)
        first_chunk.set()
        return done

    monkeypatch.setattr(roster_import, "_import_chunk", chunk_then_signal)
    failure: list[BaseException] = []

    def run_import() -> None:
        try:
            roster_import.commit_import(db, admin, results)
        except BaseException as exc:  # reported below
            failure.append(exc)

    importer = threading.Thread(target=run_import)
    importer.start()
    try:
        assert first_chunk.wait(timeout=60)
        result = supermarket.redeem(
            db, admin, supermarket.new_redemption_id(), buyer.id, [(oil.id, 1)]
        )
        # the redemption did not wait for the whole import: it got in between two chunks
        assert importer.is_alive() and _households(db) < total + 1
        assert result.balance_after == 30
    finally:
        importer.join(timeout=120)
    assert not failure
    assert _households(db) == total + 1


def test_a_write_that_must_give_up_says_what_is_running(
    station_db: tuple[Database, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, admin = station_db
    monkeypatch.setattr(dbmod, "LANE_TIMEOUT_S", 0.2)
    holding, release = threading.Event(), threading.Event()

    def long_job() -> None:
        with db.busy_with("a roster import"), db.write():
            holding.set()
            release.wait(timeout=30)

    job = threading.Thread(target=long_job)
    job.start()
    try:
        assert holding.wait(timeout=30)
        with pytest.raises(Busy, match="a roster import is running"):
            new_household(db, admin, "B01", "李四")
    finally:
        release.set()
        job.join(timeout=30)
    assert new_household(db, admin, "B01", "李四").number == "B01"


def test_a_cancelled_import_keeps_the_chunks_before_and_reports_progress(
    station_db: tuple[Database, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.progress import Cancelled, CancelToken

    db, admin = station_db
    rows = [
        [f"{n:04d}", f"村民{n}", "户主", None, None, None, "一组", None, None] for n in range(60)
    ]
    preview = households.read_roster(write_xlsx(tmp_path / "roster.xlsx", rows))
    results = households.validate_rows(db, preview, groups=["一组"])
    monkeypatch.setattr(roster_import, "IMPORT_CHUNK", 20)
    token = CancelToken()
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:  # the two-argument shape is accepted
        reports.append((done, total))
        if done == 40:
            token.cancel()  # the person cancels after the second chunk

    with pytest.raises(Cancelled):
        roster_import.commit_import(db, admin, results, progress=progress, cancel=token)
    assert reports == [(20, 60), (40, 60)]
    assert _households(db) == 40  # the two chunks written stay; the third never started
