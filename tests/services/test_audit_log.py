"""Browsing the audit log: filters, newest first, keyset pages, administrators only."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import PermissionDenied
from app.models import Role
from app.services import audit, audit_log, auth
from app.services.audit_log import AuditFilter
from app.services.auth import Actor


@pytest.fixture
def busy_log(station_db: tuple[Database, Actor]) -> tuple[Database, Actor, Actor, Actor]:
    """An administrator, a worker and a counter, each with their own actions."""
    db, admin = station_db
    worker = auth.login(db, *_make(db, admin, "li", "李秀英", Role.WORKER))
    counter = auth.login(db, *_make(db, admin, "zhang", "张桂兰", Role.COUNTER))
    with db.write() as s:
        for i in range(7):
            audit.record(
                s,
                worker,
                "points.award",
                "household",
                f"hh-{i}",
                after={"number": f"3-{i}", "points": 5, "reason": "庭院评比"},
            )
        for i in range(3):
            audit.record(
                s,
                counter,
                "supermarket.redeem",
                "redemption",
                f"slip-{i}",
                after={"number": f"DH-2026-00000{i}", "total": 20, "household": "3-1"},
            )
        audit.record(
            s,
            admin,
            "goods.update",
            "goods",
            "g-1",
            before={"name": "香皂", "points_price": 10, "photo_path": None},
            after={"name": "香皂", "points_price": 12, "photo_path": None, "note": ""},
        )
    return db, admin, worker, counter


def _make(db: Database, admin: Actor, username: str, name: str, role: Role) -> tuple[str, str]:
    auth.create_operator(db, admin, username, name, role, "pw123456")
    return username, "pw123456"


def _all(db: Database, actor: Actor, flt: AuditFilter, limit: int = 100) -> list[int]:
    seqs: list[int] = []
    before = None
    while True:
        page = audit_log.browse(db, actor, flt, before_seq=before, limit=limit)
        seqs.extend(r.seq for r in page.rows)
        if page.next_before is None:
            return seqs
        before = page.next_before


def test_newest_first_and_each_filter(busy_log: tuple[Database, Actor, Actor, Actor]) -> None:
    db, admin, worker, counter = busy_log
    rows = audit_log.browse(db, admin, AuditFilter()).rows
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    assert rows[0].action == "goods.update" and rows[0].operator_name == "王站长"

    by_worker = audit_log.browse(db, admin, AuditFilter(operator_id=worker.operator_id)).rows
    # the worker's own sign-in is theirs too
    assert {r.action for r in by_worker} == {"points.award", "operator.login"}
    assert sum(r.action == "points.award" for r in by_worker) == 7

    system = audit_log.browse(db, admin, AuditFilter(operator_id="")).rows
    assert system and all(r.operator_id == "" for r in system)
    assert "station.setup" in {r.action for r in system}

    redeemed = audit_log.browse(db, admin, AuditFilter(action="supermarket.redeem")).rows
    assert len(redeemed) == 3 and {r.operator_name for r in redeemed} == {"张桂兰"}
    assert redeemed[0].label == "DH-2026-000002 3-1"  # the slip, then its household

    goods = audit_log.browse(db, admin, AuditFilter(target_type="goods")).rows
    assert [r.action for r in goods] == ["goods.update"]
    assert [(c.field, c.before, c.after) for c in goods[0].changes] == [
        ("name", "香皂", "香皂"),
        ("points_price", "10", "12"),
    ]  # fields empty before and after are left out

    text_hits = audit_log.browse(db, admin, AuditFilter(text="3-4")).rows
    assert [r.target_id for r in text_hits] == ["hh-4"]
    assert audit_log.browse(db, admin, AuditFilter(text="100%")).rows == []

    today = date.today()
    assert len(audit_log.browse(db, admin, AuditFilter(since=today, until=today)).rows) == len(rows)
    assert audit_log.browse(db, admin, AuditFilter(since=today + timedelta(days=1))).rows == []
    assert audit_log.browse(db, admin, AuditFilter(until=today - timedelta(days=1))).rows == []

    both = AuditFilter(operator_id=counter.operator_id, action="points.award")
    assert audit_log.browse(db, admin, both).rows == []


def test_keyset_pages_cover_every_match_once(
    busy_log: tuple[Database, Actor, Actor, Actor],
) -> None:
    db, admin, worker, _ = busy_log
    every = _all(db, admin, AuditFilter(), limit=1000)
    assert every == list(range(audit.count(db), 0, -1))
    assert _all(db, admin, AuditFilter(), limit=3) == every

    flt = AuditFilter(operator_id=worker.operator_id, action="points.award")
    first = audit_log.browse(db, admin, flt, limit=3)
    assert len(first.rows) == 3 and first.next_before == first.rows[-1].seq
    second = audit_log.browse(db, admin, flt, before_seq=first.next_before, limit=3)
    assert all(r.seq < first.rows[-1].seq for r in second.rows)
    assert len(_all(db, admin, flt, limit=3)) == 7
    last = audit_log.browse(db, admin, flt, before_seq=_all(db, admin, flt)[-2], limit=3)
    assert len(last.rows) == 1 and last.next_before is None


def test_pages_walk_the_seq_index_without_offset_or_sort(
    busy_log: tuple[Database, Actor, Actor, Actor],
) -> None:
    db, _, worker, _ = busy_log
    flt = AuditFilter(
        operator_id=worker.operator_id,
        action="points.award",
        target_type="household",
        since=date.today(),
        until=date.today(),
        text="评比",
    )
    query = audit_log.page_query(flt, 50, 100)
    sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
    assert re.search(r"OFFSET (?!0\b)", sql.upper()) is None  # SQLite prints "OFFSET 0"
    with db.read() as s:
        plan = " ".join(str(r[-1]) for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "TEMP B-TREE" not in plan.upper(), plan
    assert "sqlite_autoindex_audit_entry" in plan, plan  # the unique index on seq


def test_only_administrators_browse(busy_log: tuple[Database, Actor, Actor, Actor]) -> None:
    db, admin, worker, counter = busy_log
    for actor in (worker, counter):
        with pytest.raises(PermissionDenied):
            audit_log.browse(db, actor, AuditFilter())
        with pytest.raises(PermissionDenied):
            audit_log.operator_choices(db, actor)
    names = [c.name for c in audit_log.operator_choices(db, admin)]
    assert names == ["王站长", "李秀英", "张桂兰", audit_log.SYSTEM_NAME]


def test_records_the_summary_does_not_name_are_labelled_from_the_record(
    station_db: tuple[Database, Actor],
) -> None:
    from household_factory import new_household

    from app.services import cards

    db, admin = station_db
    worker_id = auth.create_operator(db, admin, "li", "李秀英", Role.WORKER, "pw123456")
    auth.set_role(db, admin, worker_id, Role.COUNTER)  # summary: only the roles
    household = new_household(db, admin, "3-6", head="于俊阳")
    cards.issue_card(db, admin, b"k" * 32, cards.CardKind.HOUSEHOLD, household.id)
    rows = audit_log.browse(db, admin, AuditFilter(), limit=3).rows
    by_action = {r.action: r for r in rows}
    assert by_action["card.issue"].label == "3-6"  # a card by its holder
    assert by_action["household.create"].label == "3-6 于俊阳"
    assert by_action["operator.set_role"].label == "李秀英"
    assert [(c.field, c.before, c.after) for c in by_action["operator.set_role"].changes] == [
        ("role", "worker", "counter")
    ]
