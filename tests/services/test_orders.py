"""四单 service orders: each step, the refused ones, the history ledger, overdue, figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from volunteers_factory import new_volunteer, worker_of

from app.errors import PermissionDenied, ValidationError
from app.models import (
    AuditEntry,
    OrderState,
    RecordSource,
    RecordStatus,
    Role,
    ServiceOrder,
    ServiceOrderEvent,
    ServiceRecord,
    ServiceRecordState,
)
from app.services import auth, orders
from app.services.auth import Actor
from app.services.checks import run_checks
from app.services.households import HouseholdData, MemberData, create_household
from app.services.orders import MenuItemData, OrderFilter, OrderRefused, OrderRequest
from app.services.policy import get_volunteer_policy, set_volunteer_policy
from app.services.volunteers import TeamData, create_team
from app.services.volunteers import hours as service_hours

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def w(station_db):
    db, admin = station_db
    worker = worker_of(db, admin)
    team = create_team(db, admin, TeamData(name="红马甲服务队", category="扶贫帮困"))
    item = orders.save_menu_item(
        db, worker, MenuItemData(category="生活服务", name="上门理发", team_id=team.id)
    )
    return db, admin, worker, item, team


def _walk_in(db, worker, item, at: datetime = T0, **kw) -> orders.OrderDetail:
    req = OrderRequest(
        item_id=item.id,
        request=kw.pop("request", "老人行动不便，请上门理发"),
        name=kw.pop("name", "赵大妈"),
        phone=kw.pop("phone", "138 0000 5678"),
        received_at=at,
        **kw,
    )
    return orders.create_order(db, worker, req)


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(ServiceOrderEvent)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(ServiceRecord)) or 0,
        )


def test_an_order_goes_from_ordering_to_rating_and_every_step_is_logged(w) -> None:
    db, _admin, worker, item, team = w
    v1, v2 = new_volunteer(db, worker, "张三"), new_volunteer(db, worker, "李四")
    order = _walk_in(db, worker, item)
    assert order.row.number == "DD-2026-0001" and order.row.state == OrderState.PENDING
    assert order.row.phone_masked == "138****5678" and order.team_id == team.id  # the usual team
    oid = order.row.id
    orders.dispatch(
        db, worker, oid, team_id=team.id, volunteer_ids=[v1, v2], at=T0 + timedelta(hours=3)
    )
    orders.accept(db, worker, oid, at=T0 + timedelta(hours=4))
    done = orders.complete(db, worker, oid, "已理发，老人满意", 90, at=T0 + timedelta(days=1))
    assert done.row.state == OrderState.COMPLETED and done.report == "已理发，老人满意"
    rated = orders.rate(db, worker, oid, 5, "很好", at=T0 + timedelta(days=2))
    assert rated.row.state == OrderState.RATED and rated.row.rating == 5 and rated.comment == "很好"
    steps = [(e.action, e.from_state, e.to_state) for e in rated.history]
    assert steps == [
        ("create", "", "pending"),
        ("dispatch", "pending", "dispatched"),
        ("accept", "dispatched", "accepted"),
        ("complete", "accepted", "completed"),
        ("rate", "completed", "rated"),
    ]
    assert {e.operator_name for e in rated.history} == {"李秀英"}
    assert rated.history[1].team_name == "红马甲服务队"
    assert rated.history[1].volunteer_names == ("张三", "李四")
    assert orders.verify(db) == []


def test_completion_gives_each_volunteer_who_served_a_pending_record(w) -> None:
    db, admin, worker, item, _team = w
    v1, v2 = new_volunteer(db, worker, "张三"), new_volunteer(db, worker, "李四")
    oid = _walk_in(db, worker, item).row.id
    orders.dispatch(db, worker, oid, volunteer_ids=[v1, v2], at=T0)
    orders.accept(db, worker, oid, at=T0)
    # only 张三 went in the end
    orders.complete(db, worker, oid, "已完成", 60, volunteer_ids=[v1], at=T0 + timedelta(hours=5))
    with db.read() as s:
        records = s.execute(
            select(ServiceRecord, ServiceRecordState.status).join(
                ServiceRecordState, ServiceRecordState.record_id == ServiceRecord.id
            )
        ).all()
    assert len(records) == 1
    record, status = records[0]
    assert (record.volunteer_id, record.minutes, record.source) == (v1, 60, RecordSource.ORDER)
    assert status == RecordStatus.PENDING and record.reason == "DD-2026-0001"
    assert record.service_date == date(2026, 11, 2) and record.content == "生活服务 · 上门理发"
    # approval is the hours' own: the station head approves it as any other record
    assert service_hours.approve(db, admin, [record.id]) == 1


def test_steps_the_state_does_not_allow_are_refused_and_write_nothing(w) -> None:
    db, _admin, worker, item, team = w
    oid = _walk_in(db, worker, item).row.id
    before = _counts(db)
    for step in (
        lambda: orders.accept(db, worker, oid),
        lambda: orders.complete(db, worker, oid, "报告", 30),
        lambda: orders.rate(db, worker, oid, 5),
        lambda: orders.cancel(db, worker, oid, "撤回"),
    ):
        with pytest.raises(OrderRefused) as err:
            step()
        assert "DD-2026-0001" in str(err.value)
    orders.reject(db, worker, oid, "不在服务范围")
    with pytest.raises(OrderRefused):
        orders.dispatch(db, worker, oid, team_id=team.id)
    assert _counts(db)[0] == before[0] + 1  # only the rejection
    assert orders.allowed_actions(OrderState.RATED) == ()
    assert orders.allowed_actions(OrderState.PENDING) == (
        orders.flow.A.REJECT,
        orders.flow.A.DISPATCH,
    )


def test_redispatch_and_cancel_go_back_and_forth_in_the_history(w) -> None:
    db, _admin, worker, item, _team = w
    v1, v2 = new_volunteer(db, worker, "张三"), new_volunteer(db, worker, "李四")
    oid = _walk_in(db, worker, item).row.id
    orders.dispatch(db, worker, oid, volunteer_ids=[v1], at=T0 + timedelta(hours=1))
    orders.accept(db, worker, oid, at=T0 + timedelta(hours=2))
    again = orders.dispatch(
        db, worker, oid, volunteer_ids=[v2], reason="张三生病", at=T0 + timedelta(hours=3)
    )
    assert again.row.state == OrderState.DISPATCHED and again.volunteer_names == ("李四",)
    back = orders.cancel(db, worker, oid, "居民改期")
    assert back.row.state == OrderState.PENDING and back.row.dispatched_at is None
    assert [e.action for e in back.history] == [
        "create",
        "dispatch",
        "accept",
        "dispatch",
        "cancel",
    ]
    assert back.history[3].reason == "张三生病" and back.history[4].reason == "居民改期"
    # a rejection can be taken back too
    orders.reject(db, worker, oid, "暂无人手")
    assert orders.cancel(db, worker, oid, "有人了").row.state == OrderState.PENDING
    with pytest.raises(ValidationError):
        orders.dispatch(db, worker, oid)  # nobody to send


def test_the_history_is_append_only_and_verify_finds_an_edited_state(w) -> None:
    db, _admin, worker, item, _team = w
    oid = _walk_in(db, worker, item).row.id
    with pytest.raises(DBAPIError), db.write() as s:
        s.execute(text("UPDATE service_order_event SET to_state = 'rated'"))
    with pytest.raises(DBAPIError), db.write() as s:
        s.execute(text("DELETE FROM service_order_event"))
    with db.write() as s:
        s.execute(text("UPDATE service_order SET state = 'rated'"))
    assert [(m.number, m.cached, m.replayed) for m in orders.verify(db)] == [
        ("DD-2026-0001", "rated", "pending")
    ]
    full = {r.name: r for r in run_checks(db, full=True)}  # check --full names it
    assert full["Service orders against their history"].problems == (
        "DD-2026-0001: rated ≠ pending",
    )
    assert orders.get_order(db, oid).history[0].to_state == "pending"


def test_a_resident_orders_through_the_household_and_the_phone_stays_masked(w) -> None:
    db, _admin, worker, item, _team = w
    household = create_household(
        db,
        worker,
        HouseholdData(number="001", address="东风村3组12号"),
        MemberData(name="钱老伯", phone="13912345678"),
    )
    member = household.members[0]
    order = orders.create_order(
        db, worker, OrderRequest(item_id=item.id, member_id=member.id, request="理发")
    )
    assert order.row.requester_name == "钱老伯" and order.household_number == "001"
    assert order.row.phone_masked == "139****5678" and order.address == "东风村3组12号"
    with db.read() as s:
        assert s.scalar(select(ServiceOrder.phone)) == ""  # the full number stays on the member
    with pytest.raises(ValidationError):
        _walk_in(db, worker, item, phone="12345")
    with pytest.raises(ValidationError):
        _walk_in(db, worker, item, name=" ")


def test_overdue_orders_follow_the_policy(w) -> None:
    db, admin, worker, item, _team = w
    now = T0 + timedelta(days=3)
    waiting = _walk_in(db, worker, item, at=T0).row.id  # 3 days undispatched: overdue
    fresh = _walk_in(db, worker, item, at=now - timedelta(days=1)).row.id
    sent = _walk_in(db, worker, item, at=T0).row.id  # dispatched, 3 of 7 days: not yet
    v = new_volunteer(db, worker, "张三")
    orders.dispatch(db, worker, sent, volunteer_ids=[v], at=T0 + timedelta(hours=1))
    rows = {r.id: r.overdue for r in orders.fetch_orders(db, flt=OrderFilter(now=now))}
    assert rows == {waiting: True, fresh: False, sent: False}
    late = OrderFilter(overdue_only=True, now=now)
    assert [r.id for r in orders.fetch_orders(db, flt=late)] == [waiting]
    assert orders.count_orders(db, late) == 1
    later = OrderFilter(overdue_only=True, now=T0 + timedelta(days=8))
    assert {r.id for r in orders.fetch_orders(db, flt=later)} == {waiting, fresh, sent}
    policy = get_volunteer_policy(db)
    set_volunteer_policy(db, admin, replace(policy, order_dispatch_days=0, order_complete_days=0))
    assert orders.count_orders(db, later) == 0


def test_the_list_filters_by_state_and_text(w) -> None:
    db, _admin, worker, item, _team = w
    first = _walk_in(db, worker, item, name="赵大妈").row.id
    _walk_in(db, worker, item, name="孙大爷", phone="13700001111")
    orders.reject(db, worker, first, "重复")
    assert [
        r.requester_name for r in orders.fetch_orders(db, flt=OrderFilter(state="rejected"))
    ] == ["赵大妈"]
    assert [r.requester_name for r in orders.fetch_orders(db, flt=OrderFilter(text="1111"))] == [
        "孙大爷"
    ]
    assert orders.count_orders(db, OrderFilter(text="DD-2026-0002")) == 1
    assert orders.count_orders(db, OrderFilter(text="理发")) == 2


def test_metrics_of_a_period(w) -> None:
    db, _admin, worker, item, _team = w
    other = orders.save_menu_item(db, worker, MenuItemData(category="医疗健康", name="量血压"))
    v = new_volunteer(db, worker, "张三")

    def served(at: datetime, dispatch_h: int, close_h: int, stars: int | None) -> None:
        oid = _walk_in(db, worker, item, at=at).row.id
        orders.dispatch(db, worker, oid, volunteer_ids=[v], at=at + timedelta(hours=dispatch_h))
        orders.accept(db, worker, oid, at=at + timedelta(hours=dispatch_h))
        orders.complete(db, worker, oid, "好", 30, at=at + timedelta(hours=close_h))
        if stars is not None:
            orders.rate(db, worker, oid, stars, at=at + timedelta(hours=close_h + 1))

    served(T0, 2, 10, 5)
    served(T0 + timedelta(days=1), 4, 20, 3)
    served(T0 + timedelta(days=2), 6, 30, None)
    rejected = _walk_in(db, worker, other, at=T0).row.id
    orders.reject(db, worker, rejected, "无法提供")
    _walk_in(db, worker, other, at=T0 + timedelta(days=3))  # still pending
    _walk_in(db, worker, item, at=datetime(2026, 12, 1, 9))  # outside the period
    m = orders.order_metrics(db, date(2026, 11, 1), date(2026, 11, 30))
    assert (m.received, m.rejected, m.dispatched, m.completed, m.rated, m.open) == (
        5,
        1,
        3,
        3,
        2,
        1,
    )
    assert m.by_category == {"生活服务": 3, "医疗健康": 2}
    assert m.dispatch_rate == pytest.approx(3 / 5) and m.completion_rate == pytest.approx(1.0)
    assert m.median_hours_to_dispatch == pytest.approx(4.0)
    assert m.median_hours_to_close == pytest.approx(20.0)
    assert m.average_stars == pytest.approx(4.0) and m.satisfaction == pytest.approx(0.5)
    empty = orders.order_metrics(db, date(2025, 1, 1), date(2025, 1, 31))
    assert empty.received == 0 and empty.dispatch_rate is None and empty.satisfaction is None


def test_orders_are_daily_work(w) -> None:
    db, admin, _worker, item, _team = w
    op_id = auth.create_operator(db, admin, "guitai", "柜台", Role.COUNTER, "counter123")
    counter = Actor(op_id, "guitai", "柜台", Role.COUNTER)
    with pytest.raises(PermissionDenied):
        _walk_in(db, counter, item)
    with pytest.raises(PermissionDenied):
        orders.save_menu_item(db, counter, MenuItemData(category="生活服务", name="修电器"))
    assert orders.count_orders(db) == 0


def test_the_menu_refuses_duplicates_and_keeps_inactive_items_off_the_list(w) -> None:
    db, _admin, worker, item, _team = w
    with pytest.raises(ValidationError):
        orders.save_menu_item(db, worker, MenuItemData(category="生活服务", name="上门理发"))
    orders.save_menu_item(
        db, worker, MenuItemData(category="生活服务", name="上门理发", active=False), item.id
    )
    assert orders.list_menu(db) == []
    assert [i.name for i in orders.list_menu(db, active_only=False)] == ["上门理发"]
    with pytest.raises(ValidationError):
        _walk_in(db, worker, item)


def _done_so_far(db, worker, item, team):  # type: ignore[no-untyped-def]
    v1 = new_volunteer(db, worker, "张三")
    oid = _walk_in(db, worker, item).row.id
    orders.dispatch(db, worker, oid, team_id=team.id, volunteer_ids=[v1], at=T0)
    orders.accept(db, worker, oid, at=T0 + timedelta(hours=1))
    return oid


def test_photos_of_the_service_are_kept_with_the_completion(w, data_dir, tmp_path) -> None:
    from hostile import images

    from app.models import ServiceOrderPhoto

    db, _admin, worker, item, team = w
    oid = _done_so_far(db, worker, item, team)
    shots = []
    for n, data in enumerate((images.jpeg(), images.rotated_jpeg_with_gps()), start=1):
        shot = tmp_path / f"理发{n}.jpg"
        shot.write_bytes(data)
        shots.append(shot)
    done = orders.complete(
        db,
        worker,
        oid,
        "已理发",
        60,
        at=T0 + timedelta(days=1),
        photos_root=data_dir.photos,
        photo_sources=shots,
    )
    assert len(done.photos) == 2 and all(p.startswith(f"orders/{oid}/") for p in done.photos)
    for stored in done.photos:
        kept = data_dir.photos.joinpath(*stored.split("/"))
        assert kept.read_bytes()[:2] == b"\xff\xd8" and b"GPS" not in kept.read_bytes()
    assert orders.get_order(db, oid).photos == done.photos
    with db.read() as s:
        rows = s.scalars(select(ServiceOrderPhoto)).all()
        event = s.scalars(
            select(ServiceOrderEvent).where(ServiceOrderEvent.action == "complete")
        ).one()
    assert {r.event_id for r in rows} == {event.id}
    assert {r.original_name for r in rows} == {"理发1.jpg", "理发2.jpg"}
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:
        s.execute(text("UPDATE service_order_photo SET path = 'x'"))


def test_a_refused_photo_refuses_the_completion_and_leaves_nothing(w, data_dir, tmp_path) -> None:
    from hostile import images

    db, _admin, worker, item, team = w
    oid = _done_so_far(db, worker, item, team)
    good = tmp_path / "good.jpg"
    good.write_bytes(images.jpeg())
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"<html>not a picture</html>")
    before = _counts(db)
    with pytest.raises(ValidationError):
        orders.complete(
            db, worker, oid, "已理发", 60, photos_root=data_dir.photos, photo_sources=[good, fake]
        )
    assert _counts(db) == before
    assert orders.get_order(db, oid).row.state == OrderState.ACCEPTED
    folder = data_dir.photos / "orders" / oid
    assert not folder.exists() or not any(folder.iterdir())  # no copy left behind
    too_many = [good] * (orders.MAX_ORDER_PHOTOS + 1)
    with pytest.raises(ValidationError):
        orders.complete(
            db, worker, oid, "已理发", 60, photos_root=data_dir.photos, photo_sources=too_many
        )
    assert _counts(db) == before
