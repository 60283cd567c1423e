"""汇总's documents: the month as an .xlsx (a sheet per section) and the township report PDF.

Both are Chinese documents for the county (like every printed form of the
program); each section of the 汇总 page is a sheet of the workbook and a
section of the report: 各站点情况, 类别与平台 (场次/人次, with the station
code), 库存, 农户积分排行, 志愿者服务时长排行, 参与率, 星级志愿者.  Every
text cell goes through :func:`app.services.households.export.xlsx_row`, so a
station or goods name never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from app.db import Database
from app.services.township.details import StockFigures
from app.services.township.summary import MonthSummary, StationFigures

SUMMARY_HEADER = (
    "站点编码",
    "站点",
    "活动场次",
    "参与人次",
    "活跃志愿者",
    "新增志愿者",
    "星级认定",
    "服务时长(小时)",
    "发放积分",
    "兑换积分",
    "兑换户次",
)
CATEGORY_HEADER = ("站点编码", "站点", "类别", "平台", "活动场次", "参与人次")
STOCK_HEADER = (
    "站点编码",
    "站点",
    "在库商品种类",
    "在库数量",
    "库存价值(积分)",
    "低于预警商品数",
    "低于预警商品",
)
HOUSEHOLD_HEADER = ("名次", "站点编码", "站点", "村民小组", "户号", "户主", "本月获得积分")
VOLUNTEER_HEADER = ("名次", "站点编码", "站点", "志愿者编号", "姓名", "服务时长(小时)")
PARTICIPATION_HEADER = ("站点编码", "站点", "在册户数", "参与户数", "参与率(%)")
STAR_HEADER = ("站点编码", "站点", "一星", "二星", "三星", "四星", "五星", "合计")
TOTAL = "合计"


def hours(minutes: int) -> float:
    return round(minutes / 60, 1)


def _figures_row(row: StationFigures) -> list[object]:
    return [
        row.code,
        row.name,
        row.sessions,
        row.attendances,
        row.volunteers_active,
        row.volunteers_new,
        row.stars_granted,
        hours(row.minutes),
        row.points_issued,
        row.points_redeemed,
        row.redemptions,
    ]


def _totals(s: StockFigures) -> list[Any]:
    return [s.code, s.name, s.kinds, s.units, s.value]


def sheets(summary: MonthSummary) -> list[tuple[str, Sequence[str], list[list[Any]]]]:
    """(sheet name, header, rows) of each section, in the page's order."""
    codes = {s.station_id: (s.code, s.name) for s in summary.stations}
    total = replace(summary.totals, code="", name=TOTAL)
    stock_total = replace(summary.stock_total, name=TOTAL)
    part_total = replace(summary.participation_total, name=TOTAL)
    star_total = replace(summary.stars_total, name=TOTAL)
    return [
        (
            f"汇总 {summary.month}",
            SUMMARY_HEADER,
            [_figures_row(r) for r in (*summary.stations, total)],
        ),
        (
            "类别与平台",
            CATEGORY_HEADER,
            [
                [
                    *codes.get(c.station_id, ("", "")),
                    c.category,
                    c.platform,
                    c.sessions,
                    c.attendances,
                ]
                for c in summary.categories
            ],
        ),
        (
            "库存",
            STOCK_HEADER,
            [
                [s.code, s.name, s.kinds, s.units, s.value, len(s.low), "、".join(s.low)]
                for s in summary.stock
            ]
            + [[*_totals(stock_total)[:5], len(stock_total.low), ""]],
        ),
        (
            "农户积分排行",
            HOUSEHOLD_HEADER,
            [
                [h.rank, h.code, h.station, h.group_name, h.number, h.name, h.points]
                for h in summary.households
            ],
        ),
        (
            "志愿者服务时长排行",
            VOLUNTEER_HEADER,
            [
                [v.rank, v.code, v.station, v.number, v.name, hours(v.minutes)]
                for v in summary.volunteers
            ],
        ),
        (
            "参与率",
            PARTICIPATION_HEADER,
            [
                [p.code, p.name, p.households, p.taking_part, p.share]
                for p in (*summary.participation, part_total)
            ],
        ),
        (
            "星级志愿者",
            STAR_HEADER,
            [[s.code, s.name, *s.levels, s.total] for s in (*summary.stars, star_total)],
        ),
    ]


def export_summary_xlsx(summary: MonthSummary, path: Path) -> int:
    """The month as an .xlsx, a sheet per section; returns the first sheet's row count
    (each station and the township's total).  Written as ``<path>.part`` and renamed."""
    from app.services.households.export import write_workbook

    return write_workbook(path, sheets(summary))[0]


def township_report_pdf(
    summary: MonthSummary,
    township_name: str,
    *,
    preparer: str = "",
    leader: str = "",
    today: date | None = None,
) -> bytes:
    """The month's township report (A4 landscape, the bundled font): a section per
    part of the 汇总 page, then the 填表人/负责人 lines."""
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

    def station_columns() -> list[ReportColumn]:
        return [ReportColumn("站点编码", 30), ReportColumn("站点", "*")]

    def right(title: str, width: float = 24) -> ReportColumn:
        return ReportColumn(title, width, align="right")

    parts = {title: rows for title, _header, rows in sheets(summary)}
    figure_rows = parts[f"汇总 {summary.month}"]
    blocks: list[Block] = [
        Section(
            [
                *station_columns(),
                *(right(t, 25 if "时长" in t else 19) for t in SUMMARY_HEADER[2:]),
            ],
            figure_rows,
            heading="各站点情况",
        ),
        Spacer(4),
        Section(
            [
                *station_columns(),
                ReportColumn("类别", 60),
                ReportColumn("平台", 30),
                right("活动场次"),
                right("参与人次"),
            ],
            parts["类别与平台"],
            heading="按类别和平台统计（场次/人次）",
        ),
        Spacer(4),
        Section(
            [
                *station_columns(),
                right("在库商品种类", 26),
                right("在库数量"),
                right("库存价值(积分)", 28),
                right("低于预警", 20),
                ReportColumn("低于预警商品", 70, wrap=True),
            ],
            parts["库存"],
            heading="积分超市库存（月末）",
        ),
        Spacer(4),
        Section(
            [
                right("名次", 14),
                ReportColumn("站点编码", 30),
                ReportColumn("站点", "*"),
                ReportColumn("村民小组", 30),
                ReportColumn("户号", 26),
                ReportColumn("户主", 24),
                right("本月获得积分", 28),
            ],
            parts["农户积分排行"],
            heading=f"全乡镇农户积分排行（前 {len(summary.households) or 20} 名）",
        ),
        Spacer(4),
        Section(
            [
                right("名次", 14),
                ReportColumn("站点编码", 30),
                ReportColumn("站点", "*"),
                ReportColumn("志愿者编号", 40),
                ReportColumn("姓名", 24),
                right("服务时长(小时)", 30),
            ],
            parts["志愿者服务时长排行"],
            heading=f"全乡镇志愿者服务时长排行（前 {len(summary.volunteers) or 20} 名）",
        ),
        Spacer(4),
        Section(
            [
                *station_columns(),
                right("在册户数"),
                right("参与户数"),
                right("参与率(%)"),
            ],
            parts["参与率"],
            heading="各村参与率（获得积分或参加活动的户）",
        ),
        Spacer(4),
        Section(
            [*station_columns(), *(right(t, 18) for t in STAR_HEADER[2:])],
            parts["星级志愿者"],
            heading="星级志愿者（月末，按星级）",
        ),
        Spacer(6),
        Paragraph(
            f"填表人：{preparer or '________'}　　　　负责人：{leader or '________'}",
            size=11,
        ),
        SignOff([township_name, f"{day.year}年{day.month}月{day.day}日"]),
    ]
    year, month = summary.month.split("-")
    return render_report(
        f"{township_name}工作月报",
        blocks,
        station_name=township_name,
        subtitle=f"{year}年{int(month)}月",
        generated_at=day,
        landscape_page=True,
    )


def save_township_report(
    db: Database, summary: MonthSummary, path: Path, *, preparer: str = ""
) -> Path:
    """Write the month's report PDF for this township (its name read here) to *path*."""
    from app.services.station import get_station

    info = get_station(db)
    path.write_bytes(
        township_report_pdf(summary, info.name, preparer=preparer, leader=info.leader_name)
    )
    return path
