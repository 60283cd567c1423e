"""报表's documents: a station report as a PDF and as an .xlsx, the same numbers.

Both are made from one list of sections (:func:`report_sections`: title,
header, rows), so a figure cannot differ between the printed report and the
workbook.  The PDF is A4 portrait in the bundled font (app.printing.report),
with the station's name and code and the 填表人/负责人 lines; the workbook has a
sheet per section, every text cell through the formula-safe writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.services.reports.figures import StationReport

Sheet = tuple[str, Sequence[str], list[list[Any]]]

ORDER_WORDS = {
    "received": "收到点单",
    "rejected": "拒单",
    "dispatched": "派单",
    "completed": "完成(结项)",
    "rated": "评单",
    "open": "未结单",
    "dispatch_rate": "接单派单率",
    "completion_rate": "完成率",
    "satisfaction": "满意度(4–5星)",
    "median_hours_to_dispatch": "派单用时中位数(小时)",
    "median_hours_to_close": "结项用时中位数(小时)",
}
_RATES = ("dispatch_rate", "completion_rate", "satisfaction")


def _order_value(name: str, value: Any) -> Any:
    if value is None:
        return "—"  # nothing to divide by
    if name in _RATES:
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return round(value, 1)
    return value


def report_title(report: StationReport) -> str:
    return f"{report.station_name}工作{report.period.kind_name}"


def report_sections(report: StationReport) -> list[Sheet]:
    """(section title, header, rows) of the report, in the printed order."""
    stars = report.star_volunteers
    overview = [
        ["活动场次", report.sessions],
        ["参与人次", report.attendances],
        ["活跃志愿者", report.volunteers_active],
        ["新增志愿者", report.volunteers_new],
        ["本期星级认定", report.stars_granted],
        ["星级志愿者(期末)", report.star_total],
        ["服务时长(小时)", report.hours],
        ["发放积分", report.points_issued],
        ["兑换积分", report.points_redeemed],
        ["兑换户次", report.redemptions],
        ["在库商品种类(期末)", report.stock_kinds],
        ["在库数量(期末)", report.stock_units],
        ["库存价值(积分)", report.stock_value],
    ]
    sections: list[Sheet] = [
        ("主要指标", ("指标", "数值"), overview),
        (
            "按类别",
            ("类别", "活动场次", "参与人次"),
            [[r.name, r.sessions, r.attendances] for r in report.by_category],
        ),
        (
            "按平台",
            ("平台", "活动场次", "参与人次"),
            [[r.name, r.sessions, r.attendances] for r in report.by_platform],
        ),
        (
            "星级志愿者",
            ("一星", "二星", "三星", "四星", "五星", "合计"),
            [[*stars, report.star_total]],
        ),
        (
            "积分发放",
            ("积分类别", "发放积分"),
            [[name, points] for name, points in report.points_by_category],
        ),
        (
            "兑换物品",
            ("物品", "单位", "数量", "积分"),
            [[g.name, g.unit, g.qty, g.points] for g in report.goods_given],
        ),
        (
            "库存预警",
            ("低于预警的商品",),
            [[name] for name in report.stock_low],
        ),
    ]
    if report.orders is not None:
        figures = [
            [word, _order_value(name, report.orders.get(name))]
            for name, word in ORDER_WORDS.items()
            if name in report.orders
        ]
        sections.append(("四单", ("指标", "数值"), figures))
        by_category = report.orders.get("by_category") or {}
        sections.append(
            ("四单按类别", ("服务类别", "收到点单"), [[k, v] for k, v in by_category.items()])
        )
    return sections


def report_xlsx(report: StationReport, path: Path) -> list[int]:
    """The report as an .xlsx (a sheet per section); returns each sheet's row count."""
    from app.services.households.export import write_workbook

    head: Sheet = (
        "报表信息",
        ("项目", "内容"),
        [
            ["站点", report.station_name],
            ["站点编码", report.station_code],
            ["报表", report_title(report)],
            ["期间", report.period.title],
            ["填表人", report.preparer],
            ["负责人", report.leader],
        ],
    )
    return write_workbook(path, [head, *report_sections(report)])


def report_pdf(report: StationReport, *, today: date | None = None) -> bytes:
    """The report as a PDF (A4, the bundled font)."""
    from app.printing.report import (
        Block,
        Paragraph,
        ReportColumn,
        Section,
        SignOff,
        Spacer,
        render_report,
    )

    day = today or date.today()
    blocks: list[Block] = [
        Paragraph(
            f"站点：{report.station_name}　　站点编码：{report.station_code}　　"
            f"期间：{report.period.start:%Y-%m-%d} 至 {report.period.end:%Y-%m-%d}（不含）",
            size=10,
        ),
        Spacer(2),
    ]
    for title, header, rows in report_sections(report):
        columns = [
            ReportColumn(h, "*" if i == 0 else 28, align="left" if i == 0 else "right")
            for i, h in enumerate(header)
        ]
        if len(header) == 1:
            columns = [ReportColumn(header[0], "*", wrap=True)]
        blocks += [Section(columns, rows, heading=title, heading_size=13), Spacer(3)]
    blocks += [
        Spacer(4),
        Paragraph(
            f"填表人：{report.preparer or '________'}　　　　负责人：{report.leader or '________'}",
            size=11,
        ),
        SignOff([report.station_name, f"{day.year}年{day.month}月{day.day}日"]),
    ]
    return render_report(
        report_title(report),
        blocks,
        station_name=report.station_name,
        subtitle=report.period.title,
        generated_at=day,
    )
