"""The numbers of a station's report for a month, a quarter or a year.

The figures the township also counts (场次/人次 by category and platform,
volunteers active/new, star levels granted, hours, points issued and redeemed,
户次, stock at the period's end, star volunteers held) come from
:func:`app.services.township.summary.period_summary` called for this station
alone: one piece of code, so a station's report and the township's 汇总 agree.
Added here: the totals by platform, points issued by rule category (a rule's
category; entries without a rule under "其他"), and the goods given (the
redemption lines of the period, by goods).

四单 (orders) are counted by :func:`app.services.orders.order_metrics` (the
orders received in the period); a report frozen before orders existed has no
such section (``None``).

A report is plain data and round-trips through JSON (:func:`report_to_json`),
which is how 报送 freezes it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import PointEntry, PointRule, Redemption, RedemptionLine
from app.models.points import EntryKind
from app.services.orders import order_metrics
from app.services.township import details
from app.services.township.summary import period_summary

OTHER_CATEGORY = "其他"
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


@dataclass(frozen=True)
class Period:
    """A report's period: ``kind`` month / quarter / year, [start, end)."""

    kind: str
    key: str  # 2026-05 / 2026-Q2 / 2026
    start: date
    end: date

    @property
    def title(self) -> str:
        """The period in Chinese, as the documents print it."""
        year = self.start.year
        if self.kind == "month":
            return f"{year}年{self.start.month}月"
        if self.kind == "quarter":
            return f"{year}年{QUARTER_NAMES[(self.start.month - 1) // 3]}"
        return f"{year}年"

    @property
    def kind_name(self) -> str:
        return {"month": "月报", "quarter": "季报", "year": "年报"}[self.kind]


def parse_period(key: str) -> Period:
    """``"2026-05"`` (a month), ``"2026-Q2"`` (a quarter) or ``"2026"`` (a year)."""
    text = key.strip().upper()
    try:
        if len(text) == 4:
            year = int(text)
            return Period("year", text, date(year, 1, 1), date(year + 1, 1, 1))
        year_text, part = text.split("-")
        year = int(year_text)
        if part.startswith("Q"):
            quarter = int(part[1:])
            if not 1 <= quarter <= 4:
                raise ValueError(key)
            first = date(year, 3 * quarter - 2, 1)
            after = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
            return Period("quarter", f"{year:04d}-Q{quarter}", first, after)
        month = int(part)
        first = date(year, month, 1)
        return Period(
            "month", f"{year:04d}-{month:02d}", first, date(year + (month == 12), month % 12 + 1, 1)
        )
    except ValueError as err:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A report period is written like 2026-05, 2026-Q2 or 2026."
            ),
        ) from err


@dataclass(frozen=True)
class CountRow:
    """场次/人次 of one category (or platform)."""

    name: str
    sessions: int
    attendances: int


@dataclass(frozen=True)
class GoodsGiven:
    name: str
    unit: str
    qty: int
    points: int


@dataclass(frozen=True)
class StationReport:
    """工作报表 — a station's figures for one period (the numbers as printed)."""

    station_name: str
    station_code: str
    period: Period
    preparer: str  # 填表人
    leader: str  # 负责人
    sessions: int
    attendances: int
    by_category: tuple[CountRow, ...]
    by_platform: tuple[CountRow, ...]
    volunteers_active: int
    volunteers_new: int
    stars_granted: int
    star_volunteers: tuple[int, ...]  # volunteers per star level 1..5 at the period's end
    minutes: int
    points_issued: int
    points_redeemed: int
    points_by_category: tuple[tuple[str, int], ...]
    redemptions: int  # 户次
    goods_given: tuple[GoodsGiven, ...]
    stock_kinds: int
    stock_units: int
    stock_value: int
    stock_low: tuple[str, ...]
    orders: dict[str, Any] | None = field(default=None)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def star_total(self) -> int:
        return sum(self.star_volunteers)


# the 四单 figures a report carries (OrderMetrics' names), in the printed order
ORDER_FIGURES = (
    "received",
    "rejected",
    "dispatched",
    "completed",
    "rated",
    "open",
    "dispatch_rate",
    "completion_rate",
    "satisfaction",
    "median_hours_to_dispatch",
    "median_hours_to_close",
)


def _order_metrics(db: Database, start: datetime, end: datetime) -> dict[str, Any]:
    """The 四单 figures of the orders received in [*start*, *end*), as plain data (a
    report is frozen as JSON): ORDER_FIGURES and ``by_category``."""
    m = order_metrics(db, start.date(), (end - timedelta(days=1)).date())
    out: dict[str, Any] = {name: getattr(m, name) for name in ORDER_FIGURES}
    out["by_category"] = dict(sorted(m.by_category.items()))
    return out


def _sum_rows(rows: dict[str, list[int]]) -> tuple[CountRow, ...]:
    return tuple(CountRow(name, s, a) for name, (s, a) in rows.items())


def station_report(
    db: Database, period: Period | str, *, preparer: str = "", station_id: str | None = None
) -> StationReport:
    """The report of this station (or *station_id*'s, at a township) for *period*."""
    from app.services.station import get_station

    period = parse_period(period) if isinstance(period, str) else period
    info = get_station(db)
    sid = station_id or info.id
    ref = (sid, info.code, info.name)
    start = datetime.combine(period.start, datetime.min.time())
    end = datetime.combine(period.end, datetime.min.time())
    summary = period_summary(db, period.key, start, end, [ref], with_details=False)
    figures = summary.stations[0]
    by_cat: dict[str, list[int]] = {}
    by_plat: dict[str, list[int]] = {}
    for c in summary.categories:
        for table, name in ((by_cat, c.category), (by_plat, c.platform)):
            row = table.setdefault(name, [0, 0])
            row[0] += c.sessions
            row[1] += c.attendances
    with db.read() as session:
        stock = details.stock_at(session, [ref], end)[0]
        stars = details.star_levels(session, [ref], period.end)[0]
        # per rule first (the covering index), then the rules' categories: a join per
        # entry reads every row of the range
        issued = session.execute(
            select(PointEntry.rule_id, func.sum(PointEntry.points))
            .where(
                PointEntry.kind == EntryKind.EARN.value,
                PointEntry.station_id == sid,
                PointEntry.occurred_on >= period.start,
                PointEntry.occurred_on < period.end,
            )
            .group_by(PointEntry.rule_id)
        ).all()
        rule_ids = [rid for rid, _n in issued if rid]
        category_of = (
            dict(
                session.execute(
                    select(PointRule.id, PointRule.category).where(PointRule.id.in_(rule_ids))
                ).all()
            )
            if rule_ids
            else {}
        )
        goods = session.execute(
            select(
                RedemptionLine.goods_name,
                RedemptionLine.unit,
                func.sum(RedemptionLine.qty),
                func.sum(RedemptionLine.line_points),
            )
            .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
            .join(PointEntry, PointEntry.id == Redemption.point_entry_id)
            .where(  # by the day the slip was rung, as 兑换户次 and the points redeemed
                PointEntry.kind == EntryKind.REDEEM.value,
                PointEntry.station_id == sid,
                PointEntry.occurred_on >= period.start,
                PointEntry.occurred_on < period.end,
            )
            .group_by(RedemptionLine.goods_name, RedemptionLine.unit)
            .order_by(func.sum(RedemptionLine.qty).desc(), RedemptionLine.goods_name)
        ).all()
    categories: dict[str, int] = {}
    for rule_id, points in issued:
        name = (category_of.get(rule_id) if rule_id else "") or OTHER_CATEGORY
        categories[name] = categories.get(name, 0) + int(points or 0)
    return StationReport(
        station_name=info.name,
        station_code=info.code,
        period=period,
        preparer=preparer,
        leader=info.leader_name,
        sessions=figures.sessions,
        attendances=figures.attendances,
        by_category=_sum_rows(dict(sorted(by_cat.items()))),
        by_platform=_sum_rows(dict(sorted(by_plat.items()))),
        volunteers_active=figures.volunteers_active,
        volunteers_new=figures.volunteers_new,
        stars_granted=figures.stars_granted,
        star_volunteers=tuple(stars.levels),
        minutes=figures.minutes,
        points_issued=figures.points_issued,
        points_redeemed=figures.points_redeemed,
        points_by_category=tuple(sorted(categories.items())),
        redemptions=figures.redemptions,
        goods_given=tuple(GoodsGiven(str(n), str(u), int(q), int(p)) for n, u, q, p in goods),
        stock_kinds=stock.kinds,
        stock_units=stock.units,
        stock_value=stock.value,
        stock_low=stock.low,
        orders=_order_metrics(db, start, end),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def report_to_json(report: StationReport) -> str:
    """The report's numbers as stable JSON (the 报送 snapshot's payload)."""
    return json.dumps(_plain(asdict(report)), ensure_ascii=False, sort_keys=True)


def report_from_json(payload: str) -> StationReport:
    """A frozen report back (the numbers as they were submitted)."""
    data = json.loads(payload)
    p = data["period"]
    data["period"] = Period(
        p["kind"], p["key"], date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
    )
    data["by_category"] = tuple(CountRow(**r) for r in data["by_category"])
    data["by_platform"] = tuple(CountRow(**r) for r in data["by_platform"])
    data["goods_given"] = tuple(GoodsGiven(**g) for g in data["goods_given"])
    data["points_by_category"] = tuple((str(c), int(n)) for c, n in data["points_by_category"])
    for name in ("star_volunteers", "stock_low"):
        data[name] = tuple(data[name])
    known = {f.name for f in fields(StationReport)}
    return StationReport(**{k: v for k, v in data.items() if k in known})


def report_periods(db: Database, kind: str, today: date | None = None) -> list[str]:
    """The periods of *kind* (month / quarter / year) to choose from, newest first:
    those with activities of this station, and the current one."""
    from app.services.township.summary import months_with_activities

    day = today or date.today()
    months = {*months_with_activities(db, [str(db.station_id)]), f"{day.year:04d}-{day.month:02d}"}
    if kind == "month":
        keys = months
    elif kind == "quarter":
        keys = {f"{m[:4]}-Q{(int(m[5:7]) - 1) // 3 + 1}" for m in months}
    else:
        keys = {m[:4] for m in months}
    return sorted(keys, reverse=True)
