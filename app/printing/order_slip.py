"""四单 documents — the 派单单 (for the volunteer) and the 服务回执 (for the resident).

Both are one A4 report flow (``report.py``) from the same :class:`OrderDoc`:

* **派单单** — the order number, the service asked for, who asks (name, masked
  phone, address), the request, whom it is sent to (team, volunteers) and when,
  with a blank for the volunteer's notes; handed to the volunteer who goes.
* **服务回执** — the service given (the 结项 report, the volunteers, the time),
  five boxes for the resident's 评价 and lines for the resident's and the
  volunteer's signatures; kept by the station as proof of the service.

The data arrives plain and already masked (app.services.documents.orders).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.printing.report import (
    Block,
    Paragraph,
    ReportColumn,
    Section,
    SignOff,
    Spacer,
    render_report,
)
from app.printing.text import format_date, format_datetime

__all__ = ["OrderDoc", "render_dispatch_slip", "render_receipt"]


@dataclass(frozen=True, slots=True)
class OrderDoc:
    station_name: str
    number: str
    service: str  # 类别 · 项目
    requester: str
    phone_masked: str
    address: str
    household_number: str
    request: str
    state: str  # 已派单, 已完成...
    received_at: datetime
    dispatched_at: datetime | None
    completed_at: datetime | None
    team: str
    volunteers: str  # 张三、李四
    report: str
    hours: str  # each volunteer's, "1.5"
    rating: int | None
    comment: str
    operator_name: str
    printed_on: date


FIELDS = (ReportColumn("项目", 34), ReportColumn("内容", "*", wrap=True))


def _who(doc: OrderDoc) -> list[list[str]]:
    rows = [["服务单号", doc.number], ["服务项目", doc.service], ["点单人", doc.requester]]
    if doc.household_number:
        rows.append(["户号", doc.household_number])
    rows += [["联系电话", doc.phone_masked or "—"], ["地址", doc.address or "—"]]
    return rows


def render_dispatch_slip(doc: OrderDoc) -> bytes:
    """派单单: what to do, for whom, sent to whom."""
    rows = [
        *_who(doc),
        ["需求内容", doc.request or "—"],
        ["点单时间", format_datetime(doc.received_at)],
        ["派单时间", format_datetime(doc.dispatched_at) if doc.dispatched_at else "—"],
        ["服务队", doc.team or "—"],
        ["志愿者", doc.volunteers or "—"],
        ["派单人", doc.operator_name],
    ]
    blocks: list[Block] = [
        Section(FIELDS, rows, zebra=False, row_height=8),
        Spacer(4),
        Paragraph("服务记录（志愿者填写）：", size=11.5),
        Paragraph("＿" * 40, size=11.5),
        Paragraph("＿" * 40, size=11.5),
        Paragraph("＿" * 40, size=11.5),
        Spacer(2),
        Paragraph(
            "请志愿者按约定时间上门服务，保护居民个人信息；服务完成后请居民在服务回执上签字评价，"
            "并将回执交回实践站结项。",
            size=9.5,
            color="#444444",
        ),
        SignOff([doc.station_name, format_date(doc.printed_on)]),
    ]
    return render_report(
        "新时代文明实践站 派单单",
        blocks,
        station_name=doc.station_name,
        subtitle=doc.station_name,
        generated_at=doc.printed_on,
    )


def render_receipt(doc: OrderDoc) -> bytes:
    """服务回执: the service as given, for the resident to rate and sign."""
    stars = "★" * doc.rating + "☆" * (5 - doc.rating) if doc.rating else "☆☆☆☆☆"
    rows = [
        *_who(doc),
        ["需求内容", doc.request or "—"],
        ["服务志愿者", doc.volunteers or doc.team or "—"],
        ["完成时间", format_datetime(doc.completed_at) if doc.completed_at else "—"],
        ["服务时长（小时）", doc.hours or "—"],
        ["服务情况", doc.report or "—"],
        ["居民评价", f"{stars}　（请在相应星数上打勾：1 星很不满意 … 5 星很满意）"],
        ["意见建议", doc.comment or ""],
    ]
    blocks: list[Block] = [
        Section(FIELDS, rows, zebra=False, row_height=8),
        Spacer(8),
        Paragraph("居民签字：＿＿＿＿＿＿＿＿　　　志愿者签字：＿＿＿＿＿＿＿＿", size=11.5),
        Spacer(2),
        Paragraph("日　　期：＿＿＿＿年＿＿月＿＿日", size=11.5),
        Spacer(2),
        Paragraph(
            "本回执由实践站留存，作为志愿服务记录和“四单”评单的依据。", size=9.5, color="#444444"
        ),
        SignOff([doc.station_name, format_date(doc.printed_on)]),
    ]
    return render_report(
        "新时代文明实践站 服务回执",
        blocks,
        station_name=doc.station_name,
        subtitle=doc.station_name,
        generated_at=doc.printed_on,
    )
