"""四单 documents: an order (app.services.orders) as its 派单单 or 服务回执 PDF."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.db import Database
from app.i18n import hours_text, translate
from app.services import orders

if TYPE_CHECKING:
    from app.printing.order_slip import OrderDoc

SLIP = "slip"  # 派单单
RECEIPT = "receipt"  # 服务回执


def order_doc(db: Database, order_id: str, printed_on: date | None = None) -> OrderDoc:
    from app.printing.order_slip import OrderDoc
    from app.services.station import get_station

    detail = orders.get_order(db, order_id)
    row = detail.row
    dispatch = next((e for e in reversed(detail.history) if e.action == "dispatch"), None)
    done = next((e for e in reversed(detail.history) if e.action == "complete"), None)
    return OrderDoc(
        station_name=get_station(db).name,
        number=row.number,
        service=f"{row.category} · {row.item_name}",
        requester=row.requester_name,
        phone_masked=row.phone_masked,
        address=detail.address,
        household_number=detail.household_number,
        request=detail.request,
        state=translate("OrderStates", orders.state_word(row.state)),
        received_at=row.received_at,
        dispatched_at=row.dispatched_at,
        completed_at=row.completed_at,
        team=detail.team_name,
        volunteers="、".join(detail.volunteer_names),
        report=detail.report,
        hours=hours_text(done.minutes) if done is not None and done.minutes else "",
        rating=row.rating,
        comment=detail.comment,
        operator_name=dispatch.operator_name if dispatch is not None else "",
        printed_on=printed_on or date.today(),
    )


def order_pdf(db: Database, order_id: str, kind: str = SLIP) -> bytes:
    """The order's 派单单 (*kind* ``"slip"``) or 服务回执 (``"receipt"``) as PDF bytes."""
    from app.printing.order_slip import render_dispatch_slip, render_receipt

    doc = order_doc(db, order_id)
    if kind == RECEIPT:
        return render_receipt(doc)
    if kind == SLIP:
        return render_dispatch_slip(doc)
    raise ValueError(f"unknown order document {kind!r} (slip or receipt)")
