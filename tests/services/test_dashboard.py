"""The station dashboard's figures against counts made here from the station's own file.

Each figure is written through the real services (kiosk scans, awards, a redemption,
goods, hours decisions) into a real SQLite station, then counted with plain SQL on
the same file and compared with :func:`app.services.dashboard.dashboard`.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest
from volunteers_factory import (
    household_card,
    make_world,
    new_activity,
    new_volunteer,
    volunteer_card,
)

from app.services import dashboard as dash
from app.services import points, station, supermarket
from app.services.supermarket import GoodsData
from app.services.volunteers import hours as service_hours
from app.services.volunteers import kiosk
from app.sync import upload
from app.sync.export import sync_status

TODAY = date(2026, 5, 20)
MONTH_START = datetime(2026, 5, 1, 9)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)  # one open activity on 2026-05-09


def sql(w, query: str, *args: object) -> int:
    con = sqlite3.connect(w.db.path)
    try:
        return int(con.execute(query, args).fetchone()[0] or 0)
    finally:
        con.close()


def test_activities_against_both_quotas_and_per_week(w) -> None:
    new_activity(w.db, w.worker, start=MONTH_START, end=MONTH_START + timedelta(hours=2))
    for day in (16, 16, 30):
        at = datetime(2026, 5, day, 14)
        new_activity(w.db, w.worker, start=at, end=at + timedelta(hours=1), platform="理论宣讲")
    april = datetime(2026, 4, 30, 9)
    new_activity(w.db, w.worker, start=april, end=april + timedelta(hours=1), platform="理论宣讲")
    d = dash.dashboard(w.db, TODAY)
    in_may = (
        "FROM activity WHERE deleted = 0 AND starts_at >= '2026-05-01' AND starts_at < '2026-06-01'"
    )
    assert d.activities == sql(w, "SELECT count(*) " + in_may) == 5
    assert d.theory == sql(w, "SELECT count(*) " + in_may + " AND platform = '理论宣讲'") == 3
    assert (d.target_activities, d.target_theory) == (8, 3)  # the policy's defaults
    assert d.activities_per_week == (1, 1, 2, 0, 1)  # 1st, 9th | 16th, 16th | 30th
    assert d.theory_per_week == (0, 0, 2, 0, 1)
    assert d.month == "2026-05"


def test_participants_are_volunteers_signed_in_plus_households(w) -> None:
    _vid, card = volunteer_card(w, "张三")
    _vid2, card2 = volunteer_card(w, "李四")
    _hid, hcard = household_card(w, "1-01")
    at = datetime(2026, 5, 9, 8, 5)
    for payload in (card, card2, hcard):
        kiosk.scan(w.db, w.worker, w.key, w.activity_id, payload, "auto", at)
    d = dash.dashboard(w.db, TODAY)
    counted = sql(
        w,
        "SELECT (SELECT count(*) FROM presence WHERE state != 'annulled')"
        " + (SELECT count(*) FROM participation WHERE annulled = 0)",
    )
    assert d.participants == counted == 3


def test_hours_approved_and_pending_of_the_month(w) -> None:
    cards = [volunteer_card(w, name)[1] for name in ("张三", "李四", "王五")]
    for payload in cards:
        kiosk.scan(w.db, w.worker, w.key, w.activity_id, payload, "in", datetime(2026, 5, 9, 8))
        kiosk.scan(w.db, w.worker, w.key, w.activity_id, payload, "out", datetime(2026, 5, 9, 11))
    records = [r.id for r in service_hours.fetch_records(w.db, 0, 10)]
    service_hours.approve(w.db, w.admin, records[:2])
    d = dash.dashboard(w.db, TODAY)
    state = "SELECT {} FROM service_record_state WHERE status = ? AND service_date >= '2026-05-01'"
    assert d.approved_minutes == sql(w, state.format("sum(minutes)"), "approved") == 360
    assert d.pending_minutes == sql(w, state.format("sum(minutes)"), "pending") == 180
    assert d.pending_records == sql(w, state.format("count(*)"), "pending") == 1
    assert d.approved_hours == 6.0


def test_points_issued_and_redeemed_in_the_month(w) -> None:
    hid, _card = household_card(w, "1-02")
    for _ in range(4):
        points.award(w.db, w.worker, hid, "HD5", on=date(2026, 5, 3))
    points.award(w.db, w.worker, hid, "HD5", on=date(2026, 4, 28))  # last month
    goods = supermarket.create_goods(w.db, w.admin, GoodsData(name="肥皂", points_price=6))
    supermarket.receive_stock(w.db, w.admin, goods.id, 20)
    supermarket.redeem(
        w.db, w.admin, supermarket.new_redemption_id(), hid, [(goods.id, 2)], on=TODAY
    )
    d = dash.dashboard(w.db, TODAY)
    may = "FROM point_entry WHERE kind = ? AND occurred_on >= '2026-05-01'"
    assert d.points_issued == sql(w, "SELECT sum(points) " + may, "earn") == 20
    assert d.points_redeemed == -sql(w, "SELECT sum(points) " + may, "redeem") == 12


def test_low_stock_lists_goods_at_or_below_their_line(w) -> None:
    low = supermarket.create_goods(
        w.db, w.admin, GoodsData(name="食盐", points_price=3, low_stock_threshold=5)
    )
    supermarket.receive_stock(w.db, w.admin, low.id, 5)  # at the line
    fine = supermarket.create_goods(
        w.db, w.admin, GoodsData(name="毛巾", points_price=8, low_stock_threshold=5)
    )
    supermarket.receive_stock(w.db, w.admin, fine.id, 6)
    d = dash.dashboard(w.db, TODAY)
    counted = sql(
        w, "SELECT count(*) FROM goods WHERE active = 1 AND on_hand <= low_stock_threshold"
    )
    assert d.low_stock == ("食盐",) and counted == 1


def test_forgot_sign_out_counts_sessions_open_since_before_today(w) -> None:
    _v1, old = volunteer_card(w, "张三")
    _v2, fresh = volunteer_card(w, "李四")
    _v3, gone = volunteer_card(w, "王五")
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, old, "in", datetime(2026, 5, 19, 8))
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, gone, "in", datetime(2026, 5, 19, 8))
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, gone, "out", datetime(2026, 5, 19, 11))
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, fresh, "in", datetime(2026, 5, 20, 8))
    d = dash.dashboard(w.db, TODAY)
    counted = sql(
        w, "SELECT count(*) FROM presence WHERE state = 'present' AND in_at < '2026-05-20'"
    )
    assert d.forgot_sign_out == counted == 1


def test_unsynced_changes_and_days_since_the_last_acknowledgement(w) -> None:
    d = dash.dashboard(w.db, TODAY)
    assert (d.unsynced, d.days_since_ack) == (None, None)  # no sync state passed
    d = dash.dashboard(w.db, TODAY, sync=upload.upload_state)
    assert d.unsynced == sync_status(w.db).waiting > 0
    assert d.never_acknowledged and d.days_since_ack is None
    status = sync_status(w.db)
    from app.sync.export import set_acknowledged

    assert set_acknowledged(w.db, status.incarnation, status.current_seq - 3)
    with w.db.write() as s:
        station.set_state(s, upload.LAST_ACK_AT, "2026-05-13T10:00:00")
    d = dash.dashboard(w.db, TODAY, sync=upload.upload_state)
    assert d.unsynced == 3 and d.days_since_ack == 7 and not d.never_acknowledged


def test_open_and_overdue_orders(w) -> None:
    from app.services import orders

    item = orders.save_menu_item(
        w.db, w.worker, orders.MenuItemData(category="生活服务", name="上门理发")
    )

    def order(at: datetime) -> str:
        req = orders.OrderRequest(
            item_id=item.id, request="上门理发", name="赵大妈", phone="13800005678", received_at=at
        )
        return orders.create_order(w.db, w.worker, req).row.id

    order(datetime(2026, 5, 15, 9))  # 5 days waiting for dispatch: overdue (2 days)
    order(datetime(2026, 5, 20, 8))  # today: open, not overdue
    done = order(datetime(2026, 5, 10, 9))
    orders.reject(w.db, w.worker, done, "重复点单", at=datetime(2026, 5, 10, 10))
    d = dash.dashboard(w.db, TODAY)
    open_sql = (
        "SELECT count(*) FROM service_order WHERE state IN ('pending','dispatched','accepted')"
    )
    assert (d.orders.open, d.orders.overdue) == (sql(w, open_sql), 1) == (2, 1)


def test_records_due_to_the_national_system(w) -> None:
    vid = new_volunteer(w.db, w.worker, "张三")
    for day in (date(2026, 5, 5), date(2026, 5, 11), date(2026, 5, 18)):
        # 11, 7 and 2 working days before Wednesday 2026-05-20
        rec = service_hours.add_manual_record(w.db, w.worker, vid, day, 60, "清扫村道", "补录")
        service_hours.approve(w.db, w.admin, [rec.id])
    d = dash.dashboard(w.db, TODAY)
    assert (d.national.close, d.national.overdue) == (1, 1)
