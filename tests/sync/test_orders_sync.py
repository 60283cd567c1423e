"""四单 orders travel upward: an order and its whole history reach the township, the
walk-in's phone masked only."""

from __future__ import annotations

import zipfile

from sqlalchemy import select
from sync_helpers import World

from app.models import ServiceOrder, ServiceOrderEvent
from app.services import orders
from app.services.auth import SYSTEM
from app.sync.export import export_sync
from app.sync.importer import import_file


def test_an_order_and_its_history_reach_the_township(world: World, tmp_path) -> None:
    a = world.a
    item = orders.list_menu(a.db)[0]
    req = orders.OrderRequest(item.id, "上门理发", name="赵大妈", phone="13800005678")
    oid = orders.create_order(a.db, SYSTEM, req).row.id
    orders.reject(a.db, SYSTEM, oid, "重复下单")
    orders.cancel(a.db, SYSTEM, oid, "不是重复")
    summary = export_sync(a.db, a.data_dir, tmp_path)
    assert summary.counts["service_order_event"] >= 3
    verdict = import_file(world.town.db, summary.path)
    assert verdict.status == "imported" and verdict.quarantined == 0
    with world.town.db.read() as s:
        order = s.get(ServiceOrder, oid)
        assert order is not None and order.station_id == a.station_id
        assert order.state == "pending" and order.requester_name == "赵大妈"
        assert order.phone == "" and order.phone_masked == "138****5678"
        steps = s.scalars(
            select(ServiceOrderEvent.action)
            .where(ServiceOrderEvent.order_id == oid)
            .order_by(ServiceOrderEvent.seq)
        ).all()
        assert list(steps) == ["create", "reject", "cancel"]
    # nor is the full number anywhere in the file (the masked form and a keyed hash go)
    with zipfile.ZipFile(summary.path) as z:
        payload = z.read("payload.sqlite")
    assert b"13800005678" not in payload and b"138****5678" in payload
