"""Notice-board lists: the period's 积分公示, the 积分榜 and 红黑榜, the annual
文明户 ratings, and the 公示 of certificates issued — as PDF bytes.

Names are printed in full or masked (张三 → 张*), as the station chooses.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.db import Database
from app.services import personal, points
from app.services.points import RatingRow
from app.services.volunteers import certificates

CERTIFICATE_KINDS_ZH = {
    "service_record": "志愿服务记录证明",
    "star": "星级志愿者证书",
    "participation": "活动参与证明",
}


def period_label(key: str) -> str:
    """2026 -> 2026年度, 2026-Q4 -> 2026年第4季度, 2026-11 -> 2026年11月 (printed text)."""
    if len(key) == 4:
        return f"{key}年度"
    year, rest = key.split("-", 1)
    if rest.startswith("Q"):
        return f"{year}年第{rest[1:]}季度"
    return f"{year}年{int(rest)}月"


def _rank_rows(rows: list[points.RankRow], mask: bool) -> list[Any]:
    from app.printing.rankings import RankRow

    return [
        RankRow(
            r.rank,
            r.number,
            personal.mask_name(r.head_name) if mask else r.head_name,
            r.group_name,
            r.score,
        )
        for r in rows
    ]


def notice_pdf(db: Database, key: str, mask: bool) -> bytes:
    """公示 list of a period: every household's score, with the objection window."""
    from app.printing.rankings import render_public_notice
    from app.services.station import get_station

    station = get_station(db)
    rows = points.rankings(db, key, None)
    today = date.today()
    return render_public_notice(
        f"{period_label(key)}积分公示",
        station.name,
        period_label(key),
        _rank_rows(rows, mask),
        today,
        notice_start=today,
        notice_end=today + timedelta(days=6),
        contact_name=station.leader_name or station.name,
        contact_phone=station.contact_phone or "—",
    )


def ranking_pdf(db: Database, key: str, n: int, mask: bool) -> bytes:
    from app.printing.rankings import render_ranking
    from app.services.station import get_station

    station = get_station(db)
    rows = points.rankings(db, key, n)
    return render_ranking(
        f"{period_label(key)}积分榜",
        station.name,
        period_label(key),
        _rank_rows(rows, mask),
        date.today(),
    )


def red_black_pdf(db: Database, key: str, n: int, mask: bool) -> bytes:
    from app.printing.rankings import render_red_black
    from app.services.station import get_station

    station = get_station(db)
    red = points.rankings(db, key, n)
    red_ids = {r.household_id for r in red}
    black = [r for r in points.rankings(db, key, n, bottom=True) if r.household_id not in red_ids]
    return render_red_black(
        f"{period_label(key)}红黑榜",
        station.name,
        period_label(key),
        _rank_rows(red, mask),
        _rank_rows(black, mask),
        date.today(),
    )


def ratings_pdf(db: Database, year: int, rows: list[RatingRow], mask: bool) -> bytes:
    from app.printing.report import ReportColumn, render_table_report
    from app.services.station import get_station

    station = get_station(db)
    columns = (
        ReportColumn("户号", 30, "center"),
        ReportColumn("户主", "*"),
        ReportColumn("村民小组", 40, "center"),
        ReportColumn("年度积分", 26, "right"),
        ReportColumn("评定结果", 36, "center"),
    )
    cells = [
        [
            r.number,
            personal.mask_name(r.head_name) if mask else r.head_name,
            r.group_name,
            r.score,
            r.rating,
        ]
        for r in rows
        if r.rating
    ]
    return render_table_report(
        f"{year}年度文明户评定结果",
        columns,
        cells,
        station_name=station.name,
        subtitle=f"{year}年度",
        generated_at=date.today(),
    )


def publicity_pdf(db: Database, mask: bool, today: date | None = None) -> bytes:
    """公示: the certificates of the last 7 days, voided ones marked."""
    from app.printing.rankings import render_public_notice
    from app.printing.report import ReportColumn
    from app.services.station import get_station

    today = today or date.today()
    station = get_station(db)
    rows = certificates.publicity_list(db, today)
    cells = [
        [
            r.number,
            CERTIFICATE_KINDS_ZH.get(r.kind, r.kind),
            personal.mask_name(r.volunteer_name) if mask else r.volunteer_name,
            r.volunteer_number,
            f"{r.period_start or ''}至{r.period_end or ''}" if r.period_start else "",
            r.total_hours,
            r.issued_on.isoformat(),
            f"已作废：{r.void_reason}" if r.voided else "",
        ]
        for r in rows
    ]
    columns = (
        ReportColumn("证明编号", 26, "center"),
        ReportColumn("类别", 26, "center", wrap=True),
        ReportColumn("姓名", 18, "center"),
        ReportColumn("志愿者编号", 28, "center"),
        ReportColumn("服务期间", "*", wrap=True),
        ReportColumn("时长(小时)", 16, "right"),
        ReportColumn("出具日期", 20, "center"),
        ReportColumn("备注", 20, wrap=True),
    )
    start = today - timedelta(days=certificates.PUBLICITY_DAYS - 1)
    return render_public_notice(
        "志愿服务证明出具情况公示",
        station.name,
        f"{start.isoformat()}至{today.isoformat()}",
        cells,
        today,
        notice_start=today,
        notice_end=today + timedelta(days=certificates.PUBLICITY_DAYS - 1),
        contact_name=station.leader_name or station.name,
        contact_phone=station.contact_phone,
        intro=f"现将{station.name}近期出具的志愿服务证明予以公示。",
        columns=columns,
    )
