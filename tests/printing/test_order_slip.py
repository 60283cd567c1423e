"""四单 documents read back: the 派单单 and the 服务回执 say what the order's service says."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import assert_font_embedded, needs_poppler

from app.services import orders, volunteers
from app.services.documents.orders import RECEIPT, SLIP, order_pdf
from app.services.orders import MenuItemData, OrderRequest
from app.services.volunteers import TeamData, VolunteerData

T0 = datetime(2026, 11, 2, 9, 0)


def _served(db, admin) -> str:
    team = volunteers.create_team(db, admin, TeamData(name="红马甲服务队", category="扶贫帮困"))
    item = orders.save_menu_item(
        db, admin, MenuItemData(category="生活服务", name="上门理发", team_id=team.id)
    )
    v = volunteers.create_volunteer(db, admin, VolunteerData(name="张志远")).id
    req = OrderRequest(
        item.id,
        "老人行动不便",
        name="赵大妈",
        phone="13800005678",
        address="东风村3组",
        received_at=T0,
    )
    oid = orders.create_order(db, admin, req).row.id
    orders.dispatch(db, admin, oid, team_id=team.id, volunteer_ids=[v], at=T0 + timedelta(hours=2))
    return oid


@needs_poppler
def test_the_dispatch_slip_names_the_service_the_resident_and_who_goes(station_db, pdf) -> None:
    db, admin = station_db
    oid = _served(db, admin)
    doc = pdf(order_pdf(db, oid, SLIP), "slip")
    text = doc.flat()
    for expected in (
        "派单单",
        "DD-2026-0001",
        "生活服务·上门理发",
        "赵大妈",
        "138****5678",
        "东风村3组",
        "老人行动不便",
        "2026-11-0211:00",
        "红马甲服务队",
        "张志远",
        "东风村新时代文明实践站",
    ):
        assert expected in text, expected
    assert "13800005678" not in text  # the full phone never prints
    assert_font_embedded(doc)


@needs_poppler
def test_the_receipt_carries_the_report_hours_and_rating_for_signing(station_db, pdf) -> None:
    db, admin = station_db
    oid = _served(db, admin)
    orders.accept(db, admin, oid, at=T0 + timedelta(hours=3))
    orders.complete(db, admin, oid, "已理发，老人满意", 90, at=T0 + timedelta(hours=5))
    orders.rate(db, admin, oid, 4, "很耐心", at=T0 + timedelta(hours=6))
    text = pdf(order_pdf(db, oid, RECEIPT), "receipt").flat()
    for expected in (
        "服务回执",
        "DD-2026-0001",
        "已理发，老人满意",
        "1.5",
        "2026-11-0214:00",
        "★★★★☆",
        "很耐心",
        "居民签字",
        "志愿者签字",
    ):
        assert expected in text, expected
