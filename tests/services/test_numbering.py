"""One numbering service (issue 8): slips, certificates, orders and volunteers are numbered per
station, so two stations in one database (a township's hub) number independently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from two_stations import make_station, replicate

from app.db import Database
from app.ids import new_id
from app.models import Goods, Household, Volunteer
from app.services import numbering, orders, supermarket, volunteers
from app.services.auth import SYSTEM
from app.services.volunteers import VolunteerData, certificates

Series = numbering.Series
KEY = b"k" * 32


def _seq(number: str) -> int:
    return int(number.rsplit("-", 1)[1])


def _order(db: Database) -> str:
    """A walk-in's 四单 order (on a menu item of its own, whatever the demo's menu)."""
    menu = orders.list_menu(db)
    item = menu[0] if menu else None
    if item is None:
        item = orders.save_menu_item(db, SYSTEM, orders.MenuItemData("生活服务", "上门理发"))
    request = orders.OrderRequest(item_id=item.id, name="赵大妈", phone="13800005678")
    return orders.create_order(db, SYSTEM, request).row.number


def _get_ahead(db: Database) -> None:
    """Two more volunteers, slips, certificates and orders than a station made by the demo."""
    today = date.today()
    with db.read() as s:
        goods = s.scalars(
            select(Goods)
            .where(Goods.on_hand > 2, Goods.active.is_(True))
            .order_by(Goods.points_price)
        ).first()
        household = s.scalars(
            select(Household).where(Household.active.is_(True)).order_by(Household.balance.desc())
        ).first()
        helpers = s.scalars(select(Volunteer.id).where(Volunteer.approved_minutes > 0)).all()
    assert goods is not None and household is not None and len(helpers) >= 2
    for i in range(2):
        volunteers.create_volunteer(db, SYSTEM, VolunteerData(name=f"新{i}"))
        supermarket.redeem(db, SYSTEM, new_id(), household.id, [(goods.id, 1)])
        certificates.issue_service_record(
            db, SYSTEM, KEY, helpers[i], today.replace(month=1, day=1), today
        )
        _order(db)


def test_two_stations_in_one_database_number_independently(tmp_path: Path) -> None:
    a = make_station(tmp_path / "a")
    b = make_station(tmp_path / "b", second=True)
    _get_ahead(b.db)
    replicate(b.db, a.db)
    b.db.dispose()
    hub_b = Database(a.db.path, station_id=b.station_id)  # the same file, working for b
    year = date.today().year
    try:
        with a.db.read() as s:
            last = {
                (station, series): numbering.last_seq(s, station, series, year)
                for station in (a.station_id, b.station_id)
                for series in Series
            }
        for series in Series:  # b is ahead in every series
            assert last[b.station_id, series] == last[a.station_id, series] + 2 > 2

        # a numbers on from its own last numbers, not from b's (nor from everyone's)
        today = date.today()
        with a.db.read() as s:
            goods = s.scalars(
                select(Goods.id)
                .where(Goods.station_id == a.station_id, Goods.on_hand > 2, Goods.active.is_(True))
                .order_by(Goods.points_price)
            ).first()
            household = s.scalars(
                select(Household.id)
                .where(Household.station_id == a.station_id, Household.active.is_(True))
                .order_by(Household.balance.desc())
            ).first()
            helper = s.scalars(
                select(Volunteer.id).where(
                    Volunteer.station_id == a.station_id, Volunteer.approved_minutes > 0
                )
            ).first()
        assert goods and household and helper
        made = {
            Series.VOLUNTEER: volunteers.create_volunteer(
                a.db, SYSTEM, VolunteerData(name="丁")
            ).number,
            Series.REDEMPTION: supermarket.redeem(
                a.db, SYSTEM, new_id(), household, [(goods, 1)]
            ).number,
            Series.CERTIFICATE: certificates.issue_service_record(
                a.db, SYSTEM, KEY, helper, today.replace(month=1, day=1), today
            ).number,
            Series.ORDER: _order(a.db),
        }
        for series, number in made.items():
            assert _seq(number) == last[a.station_id, series] + 1, (series, number)
        assert made[Series.VOLUNTEER].startswith("101001-V-")  # a's own code
        # b, working in the same database, continues its own volunteer numbers
        made_b = volunteers.create_volunteer(hub_b, SYSTEM, VolunteerData(name="戊")).number
        assert made_b == f"101002-V-{last[b.station_id, Series.VOLUNTEER] + 1:05d}"
        with hub_b.read() as s:  # and its next slip and certificate are its own
            for series in (Series.REDEMPTION, Series.CERTIFICATE, Series.ORDER):
                n = numbering.next_number(s, b.station_id, series, year)
                assert n.seq == last[b.station_id, series] + 1
    finally:
        hub_b.dispose()
