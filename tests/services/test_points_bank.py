"""志愿者积分银行 (issue 12): approved hours earn points in the points ledger.

Real station databases; each rule (rate and rounding, where the points go, the caps,
the kinds that count, compensation on correction, a policy change) by its own test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select
from volunteers_factory import DAY, make_world, new_activity, new_volunteer, volunteer_card

from app.models import EntryKind, Household, PointEntry, VolunteerAccount
from app.services import checks, points, policy, supermarket, volunteers
from app.services.cards import NotAHouseholdCard
from app.services.households import (
    HouseholdData,
    MemberData,
    count_households,
    create_household,
    fetch_households,
)
from app.services.supermarket import GoodsData, OutOfStock
from app.services.volunteers import bank
from app.services.volunteers import hours as service_hours

ON = DAY.date()


@pytest.fixture
def w(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _bank(w, **kw):  # type: ignore[no-untyped-def]
    base = replace(policy.get_points_policy(w.db), service_points_per_hour=10)
    return policy.set_points_policy(w.db, w.admin, replace(base, **kw))


def _resident_volunteer(w, number: str = "3-1", name: str = "王芳"):  # type: ignore[no-untyped-def]
    h = create_household(w.db, w.worker, HouseholdData(number=number), MemberData(name=name))
    vid = new_volunteer(w.db, w.worker, name, member_id=h.members[0].id)
    return h.id, vid


def _record(w, vid, minutes, *, activity_id=None, day=ON):  # type: ignore[no-untyped-def]
    return service_hours.add_manual_record(
        w.db, w.worker, vid, day, minutes, "清扫村道", "忘记签到", activity_id=activity_id
    ).id


def _entries(w, **where):  # type: ignore[no-untyped-def]
    with w.db.read() as s:
        query = select(PointEntry).where(PointEntry.link_type == bank.LINK)
        for k, v in where.items():
            query = query.where(getattr(PointEntry, k) == v)
        return list(s.scalars(query.order_by(PointEntry.created_at, PointEntry.id)))


def _own(w, vid) -> Household | None:  # type: ignore[no-untyped-def]
    with w.db.read() as s:
        hid = bank.account_household_id(s, vid)
        return s.get(Household, hid) if hid else None


def test_no_rate_no_points(w) -> None:  # type: ignore[no-untyped-def]
    vid = new_volunteer(w.db, w.worker, "外来志愿者")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 120)])
    assert _entries(w) == [] and _own(w, vid) is None


def test_a_resident_earns_for_the_household_named_by_member(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    hid, vid = _resident_volunteer(w)
    rid = _record(w, vid, 90)
    service_hours.approve(w.db, w.admin, [rid])
    (entry,) = _entries(w)
    assert (entry.household_id, entry.points, entry.kind) == (hid, 15, EntryKind.EARN.value)
    assert (entry.link_id, entry.member_name, entry.occurred_on) == (rid, "王芳", ON)
    assert entry.rule_points == 10 and entry.scored
    assert points.balance(w.db, hid) == 15
    assert _own(w, vid) is None


def test_an_outside_volunteer_earns_on_an_own_account_opened_once(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    vid = new_volunteer(w.db, w.worker, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 60), _record(w, vid, 120)])
    own = _own(w, vid)
    assert own is not None and own.balance == 30 and own.head_name == "李四"
    with w.db.read() as s:
        assert len(list(s.scalars(select(VolunteerAccount)))) == 1
    assert {e.household_id for e in _entries(w)} == {own.id}
    assert {e.member_name for e in _entries(w)} == {"李四"}


def test_the_own_policy_sends_a_resident_s_points_to_the_own_account(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w, service_account="own")
    hid, vid = _resident_volunteer(w)
    service_hours.approve(w.db, w.admin, [_record(w, vid, 60)])
    own = _own(w, vid)
    assert own is not None and own.balance == 10 and points.balance(w.db, hid) == 0


@pytest.mark.parametrize(("rounding", "expected"), [("down", 8), ("nearest", 9), ("up", 9)])
def test_rounding_of_hours_times_rate(w, rounding, expected) -> None:  # type: ignore[no-untyped-def]
    _bank(w, service_points_per_hour=7, service_rounding=rounding)  # 75 min x 7 = 8.75
    vid = new_volunteer(w.db, w.worker, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 75)])
    assert [e.points for e in _entries(w)] == [expected]


def test_rounding_to_nearest_rounds_a_half_up(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w, service_points_per_hour=1, service_rounding="nearest")
    vid = new_volunteer(w.db, w.worker, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 90), _record(w, vid, 80)])
    assert [e.points for e in _entries(w)] == [2, 1]


def test_cap_per_activity(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w, service_cap_per_activity=25)
    other = new_activity(
        w.db, w.worker, title="环境整治", start=DAY.replace(hour=13), end=DAY.replace(hour=17)
    )
    vid = new_volunteer(w.db, w.worker, "李四")
    ids = [
        _record(w, vid, 120, activity_id=w.activity_id),  # 20
        _record(w, vid, 60, activity_id=w.activity_id),  # 10 -> 5 (cap 25)
        _record(w, vid, 60, activity_id=w.activity_id),  # 0: nothing written
        _record(w, vid, 180, activity_id=other),  # 30 -> 25 (another activity's cap)
    ]
    service_hours.approve(w.db, w.admin, ids)
    assert [(e.link_id, e.points) for e in _entries(w)] == [(ids[0], 20), (ids[1], 5), (ids[3], 25)]


def test_cap_per_period(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w, period_kind="month", service_cap_per_period=30)
    vid = new_volunteer(w.db, w.worker, "李四")
    may = [_record(w, vid, 120), _record(w, vid, 120)]
    june = _record(w, vid, 120, day=ON + timedelta(days=31))
    service_hours.approve(w.db, w.admin, [*may, june])
    assert [(e.period, e.points) for e in _entries(w)] == [
        ("2026-05", 20),
        ("2026-05", 10),
        ("2026-06", 20),
    ]


def test_only_the_kinds_of_service_the_policy_names_earn(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w, service_kinds=("activity",))
    vid = new_volunteer(w.db, w.worker, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 120)])  # a manual entry
    assert _entries(w) == []


def test_a_correction_writes_the_compensating_entry_and_the_new_points(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    hid, vid = _resident_volunteer(w)
    rid = _record(w, vid, 120)
    service_hours.approve(w.db, w.admin, [rid])
    service_hours.correct(w.db, w.admin, rid, 60, "签退时间记错", requested_by="王芳")
    first, reversal, again = _entries(w)
    assert (first.points, reversal.points, again.points) == (20, -20, 10)
    assert reversal.kind == EntryKind.REVERSE.value and reversal.reverses_id == first.id
    assert again.kind == EntryKind.EARN.value and again.link_id == rid
    assert points.balance(w.db, hid) == 10
    # a second correction reverses the live entry, not the first one again
    service_hours.correct(w.db, w.admin, rid, 90, "再次核对")
    assert [e.points for e in _entries(w)] == [20, -20, 10, -10, 15]
    assert points.balance(w.db, hid) == 15
    assert [(r.name, r.problems) for r in checks.run_checks(w.db, full=True) if not r.ok] == []


def test_a_policy_change_never_rewrites_approved_points(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    vid = new_volunteer(w.db, w.worker, "李四")
    old = _record(w, vid, 60)
    service_hours.approve(w.db, w.admin, [old])
    _bank(w, service_points_per_hour=50)
    new = _record(w, vid, 60)
    service_hours.approve(w.db, w.admin, [new])
    assert [(e.link_id, e.points) for e in _entries(w)] == [(old, 10), (new, 50)]
    # correcting the old record keeps its rate of the time
    service_hours.correct(w.db, w.admin, old, 120, "漏记一小时")
    assert [e.points for e in _entries(w, link_id=old)] == [10, -10, 20]
    # a record approved before the station gave points earns nothing when corrected
    _bank(w, service_points_per_hour=0)
    before = _record(w, vid, 60)
    service_hours.approve(w.db, w.admin, [before])
    _bank(w, service_points_per_hour=10)
    service_hours.correct(w.db, w.admin, before, 120, "漏记一小时")
    assert _entries(w, link_id=before) == []


def test_a_rejected_record_earns_nothing(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    vid = new_volunteer(w.db, w.worker, "李四")
    rid = _record(w, vid, 60)
    service_hours.reject(w.db, w.admin, rid, "当天未到场")
    assert _entries(w) == []


def test_balances_of_households_and_own_accounts_pass_the_full_check(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    _hid, resident = _resident_volunteer(w)
    outsider = new_volunteer(w.db, w.worker, "李四")
    ids = [_record(w, resident, 120), _record(w, outsider, 180)]
    service_hours.approve(w.db, w.admin, ids)
    service_hours.correct(w.db, w.admin, ids[1], 60, "核对")
    report = points.verify_balances(w.db)
    assert report.ok and report.checked == 2
    with w.db.read() as s:
        stats = bank.service_points(s, outsider)
    assert (stats.approved_minutes, stats.earned, stats.own_balance) == (60, 10, 10)


def test_an_outside_volunteer_redeems_own_points_at_the_counter_by_card(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    soap = supermarket.create_goods(w.db, w.admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(w.db, w.admin, soap.id, 10)
    vid, payload = volunteer_card(w, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, vid, 60)])
    opened = supermarket.counter_household_of_card(w.db, w.key, payload)
    own = _own(w, vid)
    assert own is not None and opened.household.id == own.id and opened.household.balance == 10
    slip = supermarket.redeem(
        w.db, w.worker, supermarket.new_redemption_id(), own.id, [(soap.id, 2)]
    )
    assert (slip.total_points, slip.balance_after) == (6, 4)
    assert points.balance(w.db, own.id) == 4
    assert [g.on_hand for g in supermarket.list_goods(w.db, query="肥皂")] == [8]
    # the stock rule holds for a volunteer as for a household
    with pytest.raises(OutOfStock):
        supermarket.redeem(w.db, w.worker, supermarket.new_redemption_id(), own.id, [(soap.id, 11)])
    with w.db.read() as s:
        stats = bank.service_points(s, vid)
    assert (stats.earned, stats.own_balance, stats.own_redeemed) == (10, 4, 6)


def test_a_resident_volunteer_s_card_is_refused_at_the_counter(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    hid, vid = _resident_volunteer(w)
    payload = volunteers.issue_volunteer_card(w.db, w.worker, w.key, vid).payload
    service_hours.approve(w.db, w.admin, [_record(w, vid, 60)])
    with pytest.raises(NotAHouseholdCard, match="not a household card"):
        supermarket.counter_household_of_card(w.db, w.key, payload)
    assert points.balance(w.db, hid) == 10


def test_the_statement_lists_hours_points_and_redemptions_and_prints(w, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from app.services.documents.bank import statement_pdf

    _bank(w)
    soap = supermarket.create_goods(w.db, w.admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(w.db, w.admin, soap.id, 10)
    vid, _card = volunteer_card(w, "李四")
    first = _record(w, vid, 120, activity_id=w.activity_id)
    service_hours.approve(w.db, w.admin, [first, _record(w, vid, 30)])
    service_hours.correct(w.db, w.admin, first, 90, "核对签退")
    own = _own(w, vid)
    assert own is not None
    supermarket.redeem(w.db, w.worker, supermarket.new_redemption_id(), own.id, [(soap.id, 2)])
    with w.db.read() as s:
        st = bank.statement(s, vid)
    assert st.own and (st.minutes, st.earned, st.redeemed, st.balance) == (120, 20, 6, 14)
    assert [(line.kind, line.minutes, line.points) for line in st.lines] == [
        ("service", 90, 15),
        ("service", 30, 5),
        ("redeem", 0, -6),
    ]
    assert st.lines[0].text == "理论宣讲进村"
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(statement_pdf(w.db, vid))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in ("志愿者积分银行对账单", "李四", "个人积分账户", "理论宣讲进村", "+15", "-6"):
        assert expected in text, expected
    assert "服务时长 2 小时" in text and "余额 14 分" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    assert all(" yes " in line for line in fonts.stdout.splitlines()[2:])  # all embedded


def test_an_own_account_gets_no_base_score_and_stands_in_no_household_list(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    hid, _resident = _resident_volunteer(w)
    outsider = new_volunteer(w.db, w.worker, "李四")
    service_hours.approve(w.db, w.admin, [_record(w, outsider, 600)])  # 100 points
    own = _own(w, outsider)
    assert own is not None
    points.open_period(w.db, w.admin, points.PointsSettings(base_points=50), on=ON)
    assert points.balance(w.db, hid) == 50 and points.balance(w.db, own.id) == 100
    assert [r.number for r in points.rankings(w.db, "2026", None)] == ["3-1"]
    assert [r.number for r in points.annual_ratings(w.db, 2026)] == ["3-1"]
    # the households page (户档案) and its export: the village's one household
    assert count_households(w.db) == 1
    assert [h.number for h in fetch_households(w.db, 0, 50)] == ["3-1"]


def test_check_full_names_service_points_on_a_record_not_approved(w) -> None:  # type: ignore[no-untyped-def]
    from app.services.auth import SYSTEM

    _bank(w)
    vid = new_volunteer(w.db, w.worker, "李四")
    approved, pending = _record(w, vid, 60), _record(w, vid, 60)
    service_hours.approve(w.db, w.admin, [approved])
    assert [c.name for c in checks.run_checks(w.db, full=True) if not c.ok] == []
    with w.db.write() as s:  # a faulty writer: points for hours nobody approved
        own = s.get(Household, bank.account_household_id(s, vid))
        points.post_entry(
            s,
            SYSTEM,
            own,
            kind=EntryKind.EARN,
            points=10,
            period="2026",
            occurred_on=ON,
            scored=True,
            link_type=bank.LINK,
            link_id=pending,
        )
    failed = {c.name: c.problems for c in checks.run_checks(w.db, full=True) if not c.ok}
    assert failed == {
        "Points for volunteer service": (f"{pending}: 10 points on a pending record",)
    }


def test_a_correction_stays_on_the_account_the_hours_were_earned_on(w) -> None:  # type: ignore[no-untyped-def]
    _bank(w)
    hid, vid = _resident_volunteer(w)
    rid = _record(w, vid, 120)
    service_hours.approve(w.db, w.admin, [rid])
    _bank(w, service_account="own")  # later, the station sends points to own accounts
    service_hours.correct(w.db, w.admin, rid, 60, "核对")
    assert {e.household_id for e in _entries(w)} == {hid}
    assert points.balance(w.db, hid) == 10 and _own(w, vid) is None
    assert [c.name for c in checks.run_checks(w.db, full=True) if not c.ok] == []
