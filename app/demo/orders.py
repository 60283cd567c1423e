"""演示数据: the 四单 service menu and ~30 residents' orders in every state.

A filler for app.demo.station, after the volunteers and the points bank: a
small menu (five categories, each with the team usually sent), then orders
from residents (picked from the households) and walk-ins, received over the
last five weeks and taken through the same service calls a worker's clicks make
(app.services.orders), so the history, the overdue highlighting and the
pending service-hour records of completed orders are the real ones.  One order
is re-dispatched and one cancelled back to 待处理.  Deterministic for a given
``ctx.rng`` seed.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.demo import bank as _bank  # noqa: F401  (its filler registers first)
from app.demo.photos import draw_photo
from app.demo.station import DemoContext, register_filler
from app.models import Member, Volunteer, VolunteerTeam
from app.services import orders
from app.services.orders import MenuItemData, MenuItemView, OrderRequest

ORDERS = 30
# (category, item, the team category usually sent)
MENU = (
    ("生活服务", "上门理发", "扶贫帮困"),
    ("生活服务", "家电维修", "扶贫帮困"),
    ("医疗健康", "上门量血压", "卫生健康"),
    ("医疗健康", "代为取药", "卫生健康"),
    ("文化教育", "作业辅导", "助学支教"),
    ("文化教育", "读书读报", "文化文艺"),
    ("法律咨询", "法律咨询", "法律服务"),
    ("邻里帮扶", "代购代办", "平安法治"),
)
REQUESTS = (
    "家中老人行动不便，希望上门服务",
    "孩子放学后家里没人，想请志愿者帮忙",
    "独居老人，需要有人帮一把",
    "周末在家，什么时间都可以",
    "电话联系后再上门",
)
REPORTS = ("已按约上门完成服务，居民满意", "服务完成，已告知注意事项", "已完成，约定下月再来")
COMMENTS = ("志愿者很耐心", "服务及时，谢谢", "很好", "时间有点晚，但解决了问题", "")
# how far each order has come: 0 待处理, 1 已拒绝, 2 已派单, 3 已接单, 4 已完成, 5 已评价
STAGES = (5, 5, 4, 3, 2, 5, 1, 4, 5, 3, 5, 2)
REJECTIONS = ("不在本站服务范围，已转介镇卫生院", "重复下单")


def fill_demo(ctx: DemoContext) -> None:
    db, actor, rng = ctx.db, ctx.actor, ctx.rng
    with db.read() as session:
        teams = {t.category: t.id for t in session.scalars(select(VolunteerTeam))}
        volunteer_ids = list(session.scalars(select(Volunteer.id).order_by(Volunteer.number)))
        member_ids = list(
            session.scalars(select(Member.id).where(Member.active.is_(True)).order_by(Member.id))
        )
    items = [
        orders.save_menu_item(
            db, actor, MenuItemData(category, name, team_id=teams.get(team), sort_order=i)
        )
        for i, (category, name, team) in enumerate(MENU)
    ]
    if not volunteer_ids:
        return
    now = datetime.now().replace(second=0, microsecond=0)
    plan = sorted(now - timedelta(minutes=rng.randint(30, 35 * 24 * 60)) for _ in range(ORDERS))
    with tempfile.TemporaryDirectory() as tmp:
        _take_orders(ctx, items, volunteer_ids, member_ids, plan, now, Path(tmp))


def _take_orders(
    ctx: DemoContext,
    items: list[MenuItemView],
    volunteer_ids: list[str],
    member_ids: list[str],
    plan: list[datetime],
    now: datetime,
    folder: Path,
) -> None:
    """Each planned order through its steps; some of those closed get a photo."""
    db, actor, rng = ctx.db, ctx.actor, ctx.rng
    for i, received in enumerate(plan):
        item = rng.choice(items)
        if member_ids and rng.random() < 0.7:
            request = OrderRequest(
                item.id,
                rng.choice(REQUESTS),
                member_id=rng.choice(member_ids),
                received_at=received,
            )
        else:
            name, _sex = ctx.names.person()
            request = OrderRequest(
                item.id,
                rng.choice(REQUESTS),
                name=name,
                phone=ctx.names.mobile(),
                received_at=received,
            )
        oid = orders.create_order(db, actor, request).row.id
        # the older an order, the further it has come (the newest wait, a few overdue)
        stage = 0 if i >= ORDERS - 4 else STAGES[i % len(STAGES)]
        if i in (2, 9):
            stage = 0  # two long-waiting, overdue orders
        step = received + timedelta(hours=rng.randint(2, 30))
        if stage == 1:
            orders.reject(db, actor, oid, rng.choice(REJECTIONS), at=min(step, now))
            continue
        if stage < 2:
            continue
        sent = rng.sample(volunteer_ids, min(len(volunteer_ids), rng.randint(1, 2)))
        orders.dispatch(db, actor, oid, team_id=item.team_id, volunteer_ids=sent, at=min(step, now))
        if i == 5:  # the first team could not go: sent again
            step += timedelta(hours=2)
            sent = rng.sample(volunteer_ids, 1)
            orders.dispatch(
                db, actor, oid, volunteer_ids=sent, reason="原志愿者临时有事", at=min(step, now)
            )
        if i == 7:  # the resident put it off: back to 待处理
            orders.cancel(db, actor, oid, "居民要求改期", at=min(step, now))
            continue
        if stage < 3:
            continue
        step += timedelta(hours=rng.randint(1, 12))
        orders.accept(db, actor, oid, at=min(step, now))
        if stage < 4:
            continue
        step += timedelta(hours=rng.randint(4, 72))
        minutes = rng.choice((30, 60, 60, 90, 120))
        shots = [draw_photo(folder / f"{i}.jpg", item.name, i)] if i % 4 == 0 else []
        orders.complete(
            db,
            actor,
            oid,
            rng.choice(REPORTS),
            minutes,
            at=min(step, now),
            photos_root=ctx.data_dir.photos,
            photo_sources=shots,
        )
        if stage < 5:
            continue
        step += timedelta(hours=rng.randint(1, 48))
        stars = rng.choice((5, 5, 5, 4, 4, 3))
        orders.rate(db, actor, oid, stars, rng.choice(COMMENTS), at=min(step, now))


register_filler("orders", fill_demo)
