"""志愿者积分银行对账单 — a volunteer's hours, the points they earned, and what was redeemed.

One A4 report flow (``report.py``): who (name, 志愿者编号, masked ID number), which
account the points went to (the household's 户号 and head, or the volunteer's own
account), the period, a summary line, then one row per approved service record and
per redemption from that account, and the station's sign-off.  The data arrives
plain and already masked (app.services.documents.bank).
"""

from __future__ import annotations

from collections.abc import Sequence
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
from app.printing.text import format_date

__all__ = ["StatementDoc", "StatementRow", "render_statement"]


@dataclass(frozen=True, slots=True)
class StatementRow:
    on: date
    kind: str  # 志愿服务 / 兑换
    text: str
    hours: str  # "2", "1.5" or "" for a redemption
    points: int  # signed


@dataclass(frozen=True, slots=True)
class StatementDoc:
    station_name: str
    volunteer_name: str
    volunteer_number: str
    id_masked: str
    account_line: str  # e.g. 记入家庭户 3-1（户主 王芳） / 志愿者个人积分账户 330481-V-00002
    period_label: str  # 2026-01-01 至 2026-12-31, or 全部
    rows: Sequence[StatementRow]
    hours: str
    earned: int
    redeemed: int
    balance: int
    generated_at: date | datetime


COLUMNS = (
    ReportColumn("日期", 26, "center"),
    ReportColumn("类别", 22, "center"),
    ReportColumn("活动 / 兑换单号", "*", wrap=True),
    ReportColumn("服务时长（小时）", 30, "right"),
    ReportColumn("积分", 22, "right"),
)


def _signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def render_statement(doc: StatementDoc) -> bytes:
    who = f"志愿者：{doc.volunteer_name}　　志愿者编号：{doc.volunteer_number}"
    if doc.id_masked:
        who += f"　　证件号码：{doc.id_masked}"
    summary = (
        f"统计期间服务时长 {doc.hours} 小时，获得积分 {doc.earned} 分，"
        f"兑换使用 {doc.redeemed} 分；账户当前余额 {doc.balance} 分。"
    )
    cells = [[format_date(r.on), r.kind, r.text, r.hours, _signed(r.points)] for r in doc.rows]
    blocks: list[Block] = [
        Paragraph(who, size=11.5),
        Paragraph(doc.account_line, size=11.5),
        Paragraph(f"统计期间：{doc.period_label}", size=11.5),
        Paragraph(summary, size=11.5),
        Spacer(3),
        Section(COLUMNS, cells, empty_text="（期间内无记录）"),
        Paragraph(
            "注：积分按审核通过的服务时长计算；时长更正后的积分以冲正后的结果列示。"
            "积分为 0 的记录，审核时本站尚未实行志愿服务积分或已达积分上限。",
            size=9.5,
            color="#444444",
        ),
        SignOff([doc.station_name, format_date(doc.generated_at)]),
    ]
    return render_report(
        "志愿者积分银行对账单",
        blocks,
        station_name=doc.station_name,
        subtitle=doc.station_name,
        generated_at=doc.generated_at,
    )
