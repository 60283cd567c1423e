"""演示数据: the 志愿者积分银行 — volunteers whose approved hours earned points.

A filler for app.demo.station, after the households and the volunteers: the
station gives 10 points per approved hour (capped at 40 per activity, the kind of
rule the seeds report), a few demo volunteers are linked to residents so their
points go to the household, and the hours still pending are approved through
the services (app.services.volunteers.hours.approve → bank.on_approved), so every
entry is the one a station head's approval writes.  Outside volunteers then spend
some of their own points at the counter (supermarket.redeem), the same path as a
card scan at the counter.  Deterministic for a given ``ctx.rng`` seed.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from app.demo import points as _points  # noqa: F401  (their fillers register first)
from app.demo import volunteers as _volunteers  # noqa: F401
from app.demo.station import DemoContext, register_filler
from app.models import Member, RecordStatus, ServiceRecordState, Volunteer
from app.services import policy, supermarket
from app.services.volunteers import bank
from app.services.volunteers import hours as service_hours

POINTS_PER_HOUR = 10
CAP_PER_ACTIVITY = 40
RESIDENTS = 6  # demo volunteers linked to a resident
APPROVALS = 60  # pending records approved (the rest stay pending for the demo's reviewer)


def fill_demo(ctx: DemoContext) -> None:
    db, actor, rng = ctx.db, ctx.actor, ctx.rng
    current = policy.get_points_policy(db)
    policy.set_points_policy(
        db,
        actor,
        replace(
            current,
            service_points_per_hour=POINTS_PER_HOUR,
            service_cap_per_activity=CAP_PER_ACTIVITY,
        ),
    )
    with db.write() as session:
        volunteer_ids = list(session.scalars(select(Volunteer.id).order_by(Volunteer.number)))
        taken = set(
            session.scalars(select(Volunteer.member_id).where(Volunteer.member_id.is_not(None)))
        )
        members = [
            m
            for m in session.scalars(
                select(Member.id).where(Member.active.is_(True)).order_by(Member.id).limit(200)
            )
            if m not in taken
        ]
        linked = rng.sample(volunteer_ids, min(RESIDENTS, len(volunteer_ids), len(members)))
        for vid, member_id in zip(linked, rng.sample(members, len(linked)), strict=True):
            v = session.get(Volunteer, vid)
            assert v is not None
            v.member_id = member_id
        pending = list(
            session.scalars(
                select(ServiceRecordState.record_id)
                .where(
                    ServiceRecordState.status == RecordStatus.PENDING.value,
                    ServiceRecordState.minutes > 0,
                )
                .order_by(ServiceRecordState.service_date.desc(), ServiceRecordState.id)
            )
        )
    chosen = sorted(rng.sample(pending, min(APPROVALS, len(pending))))
    if chosen:
        service_hours.approve(db, actor, chosen, "演示：审核志愿服务时长")
    goods = sorted(
        (g for g in supermarket.list_goods(db) if g.active and g.on_hand > 0),
        key=lambda g: g.points_price,
    )
    if not goods:
        return
    with db.read() as session:
        accounts = [
            (vid, hid)
            for vid in volunteer_ids
            if (hid := bank.account_household_id(session, vid)) is not None
        ]
    for _vid, household_id in accounts[: max(1, len(accounts) // 2)]:
        with db.read() as session:
            balance = bank.statement(session, _vid).balance
        affordable = [g for g in goods if g.points_price <= balance]
        if not affordable:
            continue
        item = rng.choice(affordable[:3])
        supermarket.redeem(db, actor, supermarket.new_redemption_id(), household_id, [(item.id, 1)])


register_filler("volunteer points bank", fill_demo)
