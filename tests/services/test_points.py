"""积分制: rule catalogue, awards, caps, batches and undo, periods, balances, rankings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from household_factory import new_household, snapshot
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import PointEntry, Role
from app.services import audit, points
from app.services.auth import Actor
from app.services.points import (
    BatchAlreadyUndone,
    CapExceeded,
    PeriodFinalized,
    PointsRefused,
    PointsSettings,
    RatingTier,
    RuleData,
)

TODAY = date.today()
YEAR = PointsSettings(period_kind="year")


@pytest.fixture
def pts(station_db):
    db, admin = station_db
    assert len(points.list_rules(db)) == len(points.DEFAULT_RULES)  # seeded at set-up
    worker = Actor(admin.operator_id, "worker", "实践员", Role.WORKER)
    hs = [
        new_household(db, admin, f"{i:03d}", name)
        for i, name in enumerate(["张三", "李四", "王五", "赵六"], start=1)
    ]
    return db, admin, worker, hs


def test_default_catalogue_is_seeded_once(pts) -> None:
    db, *_ = pts
    with db.write() as s:
        assert points.seed_default_rules(s) == 0
    rules = points.list_rules(db)
    assert len(rules) == len(points.DEFAULT_RULES)
    by_code = {r.code: r for r in rules}
    assert by_code["BZ01"].points == 50 and by_code["YF01"].points == -10
    assert by_code["YF01"].kind == "deduct"


def test_award_moves_balance_and_keeps_a_rule_snapshot(pts) -> None:
    db, admin, worker, hs = pts
    entry = points.award(db, worker, hs[0].id, "HJ02", quantity=2, reason="庭院评比")
    assert (entry.points, entry.balance_after, entry.kind) == (4, 4, "earn")
    assert entry.rule_name == "庭院整洁" and entry.period == str(TODAY.year)
    rule = next(r for r in points.list_rules(db) if r.code == "HJ02")
    points.update_rule(db, admin, rule.id, RuleData("HJ02", "庭院美丽", 3, "环境卫生"))
    old = points.recent_entries(db, hs[0].id)[0]
    assert (old.rule_name, old.points) == ("庭院整洁", 4)  # rule edits never touch the past
    second = points.award(db, worker, hs[0].id, "HJ02")
    assert (second.rule_name, second.points, second.balance_after) == ("庭院美丽", 3, 7)


def test_deduction_can_take_a_balance_below_zero(pts) -> None:
    db, _, worker, hs = pts
    entry = points.award(db, worker, hs[1].id, "YF01", reason="大操大办")
    assert (entry.kind, entry.points, entry.balance_after) == ("deduct", -10, -10)
    assert points.balance(db, hs[1].id) == -10


def test_award_names_a_member_of_the_household_only(pts) -> None:
    db, _, worker, hs = pts
    head = hs[0].members[0]
    entry = points.award(db, worker, hs[0].id, "XX01", member_id=head.id)
    assert entry.member_name == "张三"
    before = snapshot(db)
    with pytest.raises(ValidationError, match="not a member"):
        points.award(db, worker, hs[1].id, "XX01", member_id=head.id)
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"rule_code": "NOPE"}, NotFound),
        ({"quantity": 0}, ValidationError),
        ({"quantity": -3}, ValidationError),
        ({"quantity": 10_000}, ValidationError),
        ({"on": TODAY + timedelta(days=2)}, ValidationError),
    ],
)
def test_bad_awards_are_refused_and_change_nothing(pts, kwargs, error) -> None:
    db, _, worker, hs = pts
    before = snapshot(db)
    args = {"rule_code": "XX01", **kwargs}
    with pytest.raises(error):
        points.award(db, worker, hs[0].id, **args)
    with pytest.raises(NotFound):
        points.award(db, worker, "no-such-household", "XX01")
    assert snapshot(db) == before


def test_inactive_rule_cannot_be_awarded(pts) -> None:
    db, admin, worker, hs = pts
    rule = next(r for r in points.list_rules(db) if r.code == "XX01")
    points.set_rule_active(db, admin, rule.id, False)
    before = snapshot(db)
    with pytest.raises(PointsRefused, match="no longer in use"):
        points.award(db, worker, hs[0].id, "XX01")
    assert snapshot(db) == before
    assert "XX01" not in {r.code for r in points.list_rules(db)}


def test_cap_per_period_is_enforced_with_a_message_naming_it(pts) -> None:
    db, _, worker, hs = pts
    for _ in range(6):  # XX01: 5 points, cap 30
        points.award(db, worker, hs[0].id, "XX01")
    before = snapshot(db)
    with pytest.raises(CapExceeded) as err:
        points.award(db, worker, hs[0].id, "XX01")
    message = err.value.untranslated
    assert "30" in message and "参加理论宣讲" in message and "001" in message
    assert snapshot(db) == before
    # another household is not affected; last year's entries do not count this year
    points.award(db, worker, hs[1].id, "XX01")


def test_rule_catalogue_validation_and_permission(pts) -> None:
    db, admin, worker, _ = pts
    with pytest.raises(PermissionDenied):
        points.create_rule(db, worker, RuleData("X1", "测试", 1))
    for bad in (
        RuleData("", "名", 1),
        RuleData("X1", "", 1),
        RuleData("X1", "名", 0),
        RuleData("X1", "名", 10, cap_per_period=5),
        RuleData("HJ01", "重复", 1),
        RuleData("有空 格", "名", 1),
    ):
        with pytest.raises(ValidationError):
            points.create_rule(db, admin, bad)
    rule = points.create_rule(db, admin, RuleData("x1", "孝老爱亲", 5, "家风", cap_per_period=20))
    assert (rule.code, rule.kind) == ("X1", "earn")
    with pytest.raises(ValidationError, match="cannot change"):
        points.update_rule(db, admin, rule.id, RuleData("X2", "孝老爱亲", 5))


def test_batch_award_is_one_transaction_with_one_batch_id(pts) -> None:
    db, _, worker, hs = pts
    ids = [h.id for h in hs] + [hs[0].id]  # a duplicate pick is counted once
    result = points.batch_award(db, worker, ids, "HJ01", reason="清洁家园")
    assert (result.entry_count, result.total_points) == (4, 20)
    entries = points.batch_entries(db, result.batch_id)
    assert len(entries) == 4 and {e.batch_id for e in entries} == {result.batch_id}
    assert all(points.balance(db, h.id) == 5 for h in hs)


def test_batch_over_the_cap_is_refused_whole_or_skips_the_capped(pts) -> None:
    db, _, worker, hs = pts
    for _ in range(6):
        points.award(db, worker, hs[0].id, "HJ01")  # 30 = cap
    before = snapshot(db)
    with pytest.raises(CapExceeded, match="001"):
        points.batch_award(db, worker, [h.id for h in hs], "HJ01")
    assert snapshot(db) == before
    result = points.batch_award(db, worker, [h.id for h in hs], "HJ01", skip_capped=True)
    assert result.entry_count == 3 and result.skipped == ("001",)


def test_batch_refusals_change_nothing(pts) -> None:
    db, _, worker, hs = pts
    before = snapshot(db)
    with pytest.raises(ValidationError):
        points.batch_award(db, worker, [], "HJ01")
    with pytest.raises(NotFound):
        points.batch_award(db, worker, [hs[0].id, "ghost"], "HJ01")
    assert snapshot(db) == before


def test_undo_batch_reverses_once_and_the_books_still_balance(pts) -> None:
    db, _, worker, hs = pts
    points.award(db, worker, hs[0].id, "BZ06")  # unrelated entry stays
    batch = points.batch_award(db, worker, [h.id for h in hs], "HJ01", reason="误录")
    undo = points.undo_batch(db, worker, batch.batch_id, "录错了村民小组")
    assert (undo.kind, undo.entry_count, undo.total_points) == ("undo", 4, -20)
    assert [points.balance(db, h.id) for h in hs] == [5, 0, 0, 0]
    reversed_entries = points.batch_entries(db, undo.batch_id)
    assert all(e.kind == "reverse" and e.reverses_id for e in reversed_entries)
    before = snapshot(db)
    with pytest.raises(BatchAlreadyUndone):
        points.undo_batch(db, worker, batch.batch_id, "again")
    with pytest.raises(ValidationError):
        points.undo_batch(db, worker, batch.batch_id, "")
    with pytest.raises(PointsRefused):
        points.undo_batch(db, worker, undo.batch_id, "undo the undo")
    assert snapshot(db) == before
    assert points.verify_balances(db).ok
    assert audit.verify_chain(db).ok
    # the undone points free the cap again
    assert points.award(db, worker, hs[1].id, "HJ01").balance_after == 5


def test_reverse_single_entry_and_not_twice(pts) -> None:
    db, admin, worker, hs = pts
    entry = points.award(db, worker, hs[0].id, "BZ01")
    with pytest.raises(PermissionDenied):
        points.reverse_entry(db, worker, entry.id, "错")
    rev = points.reverse_entry(db, admin, entry.id, "录错户")
    assert (rev.points, rev.balance_after, rev.reverses_id) == (-50, 0, entry.id)
    before = snapshot(db)
    with pytest.raises(PointsRefused):
        points.reverse_entry(db, admin, entry.id, "again")
    with pytest.raises(PointsRefused):
        points.reverse_entry(db, admin, rev.id, "reverse the reversal")
    assert snapshot(db) == before


def test_adjustment_needs_the_admin_and_a_reason(pts) -> None:
    db, admin, worker, hs = pts
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        points.adjust(db, worker, hs[0].id, 5, "异议核实")
    with pytest.raises(ValidationError):
        points.adjust(db, admin, hs[0].id, 5, " ")
    with pytest.raises(ValidationError):
        points.adjust(db, admin, hs[0].id, 0, "零")
    assert snapshot(db) == before
    entry = points.adjust(db, admin, hs[0].id, 7, "异议核实后补记")
    assert (entry.kind, entry.balance_after) == ("adjust", 7)


def test_ledger_rows_cannot_be_updated_or_deleted(pts) -> None:
    db, _, worker, hs = pts
    points.award(db, worker, hs[0].id, "XX01")
    with pytest.raises(IntegrityError, match="append-only"), db.write() as s:
        s.execute(text("UPDATE point_entry SET points = 500"))
    with pytest.raises(IntegrityError, match="never deleted"), db.write() as s:
        s.execute(text("DELETE FROM point_entry"))


def test_verify_balances_finds_a_tampered_cache(pts) -> None:
    db, _, worker, hs = pts
    points.batch_award(db, worker, [h.id for h in hs], "HJ01")
    assert points.verify_balances(db).ok
    assert points.verify_balances(db, sample=2).checked == 2
    with db.write() as s:
        s.execute(text("UPDATE household SET balance = 999 WHERE number = '002'"))
    report = points.verify_balances(db)
    assert not report.ok
    assert [(m.number, m.cached, m.ledger) for m in report.mismatches] == [("002", 999, 5)]
    assert report.checked == 4


def test_period_flow_open_publicize_finalize_with_clearance(pts) -> None:
    db, admin, worker, hs = pts
    settings = PointsSettings(period_kind="month", base_points=60, end_action="clear")
    last_month = TODAY.replace(day=1) - timedelta(days=1)
    key = points.period_key(last_month, "month")
    period = points.open_period(db, admin, settings, on=last_month)
    assert (period.key, period.state) == (key, "open")
    assert all(points.balance(db, h.id) == 60 for h in hs)
    with pytest.raises(PointsRefused, match="already open"):
        points.open_period(db, admin, settings, on=last_month)
    with pytest.raises(PointsRefused, match="publicized"):
        points.finalize_period(db, admin, key, settings)
    points.award(db, worker, hs[0].id, "BZ05", on=last_month, settings=settings)
    assert points.publicize_period(db, admin, key).state == "publicized"
    with pytest.raises(PointsRefused):
        points.open_period(db, admin, settings)  # the previous one is not finished
    done = points.finalize_period(db, admin, key, settings)
    assert (done.state, done.end_action) == ("finalized", "clear")
    assert all(points.balance(db, h.id) == 0 for h in hs)
    # the score of the closed period is kept; only the balance was cleared
    assert points.rankings(db, key, 1)[0].score == 70
    before = snapshot(db)
    with pytest.raises(PeriodFinalized):
        points.award(db, worker, hs[0].id, "BZ05", on=last_month, settings=settings)
    assert snapshot(db) == before
    assert points.verify_balances(db).ok
    nxt = points.open_period(db, admin, settings)
    assert nxt.key == points.period_key(TODAY, "month")


def test_carry_over_keeps_balances(pts) -> None:
    db, admin, _, hs = pts
    settings = PointsSettings(base_points=10, end_action="carry")
    key = points.open_period(db, admin, settings).key
    points.publicize_period(db, admin, key)
    points.finalize_period(db, admin, key, settings)
    assert points.balance(db, hs[0].id) == 10


def test_bad_period_keys_are_refused(pts) -> None:
    db, admin, *_ = pts
    for bad in ("2026-13", "26", "2026-Q5", ""):
        with pytest.raises(ValidationError):
            points.publicize_period(db, admin, bad)
    with pytest.raises(NotFound):
        points.publicize_period(db, admin, "2019")


def test_period_keys() -> None:
    d = date(2026, 11, 5)
    assert [points.period_key(d, k) for k in ("year", "quarter", "month")] == [
        "2026",
        "2026-Q4",
        "2026-11",
    ]
    with pytest.raises(ValueError):
        PointsSettings(period_kind="week")


def test_rankings_top_and_bottom_with_ties_and_redemptions_not_counted(pts) -> None:
    db, _, worker, hs = pts
    points.award(db, worker, hs[0].id, "BZ02")  # 30
    points.award(db, worker, hs[1].id, "BZ03")  # 20
    points.award(db, worker, hs[2].id, "BZ03")  # 20
    points.award(db, worker, hs[3].id, "YF02")  # -10
    key = str(TODAY.year)
    top = points.rankings(db, key, 2)
    assert [(r.rank, r.number, r.score) for r in top] == [
        (1, "001", 30),
        (2, "002", 20),
        (2, "003", 20),
    ]
    bottom = points.rankings(db, key, 1, bottom=True)
    assert [(r.rank, r.number, r.score) for r in bottom] == [(1, "004", -10)]
    month_key = points.period_key(TODAY, "month")
    assert points.rankings(db, month_key) == []  # these entries are keyed by year


def test_annual_ratings_by_configurable_tiers(pts) -> None:
    db, admin, worker, hs = pts
    points.award(db, worker, hs[0].id, "BZ01")  # 50
    points.award(db, worker, hs[1].id, "BZ02")  # 30
    tiers = [RatingTier("星级文明户", 50), RatingTier("文明信用户", 30)]
    rows = points.annual_ratings(db, TODAY.year, tiers)
    assert [(r.number, r.score, r.rating) for r in rows] == [
        ("001", 50, "星级文明户"),
        ("002", 30, "文明信用户"),
        ("003", 0, ""),
        ("004", 0, ""),
    ]
    counts = points.apply_ratings(db, admin, TODAY.year, tiers)
    assert counts == {"星级文明户": 1, "文明信用户": 1, "": 2}
    with db.read() as s:
        from app.models import Household

        assert s.scalar(select(Household.rating).where(Household.number == "001")) == "星级文明户"
    with pytest.raises(PermissionDenied):
        points.apply_ratings(db, worker, TODAY.year, tiers)


def test_entries_carry_operator_and_balance_after(pts) -> None:
    db, _, worker, hs = pts
    points.award(db, worker, hs[0].id, "XX01")
    with db.read() as s:
        e = s.scalars(select(PointEntry)).one()
        assert (e.operator_name, e.balance_after, e.scored) == ("实践员", 5, True)
