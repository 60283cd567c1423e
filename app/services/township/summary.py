"""汇总 — a month's figures of the township's stations, by station and by five-task category.

Plain results, no Qt.  Every query names the stations it reads
(``station_id IN (...)``): a township database holds many stations' rows,
and the ORM's automatic scope is not relied on.  *station_ids* defaults to
the stations enrolled at this township; a station passes its own id to get
the same figures from its own file (which is how the tests prove the
township's sums equal each station's).

The attendances are counted through their activity, filtered by the
activity's station (an id is one station's; a join condition on the
attendance's own ``station_id`` would make SQLite read every attendance row
instead of the covering index — four times slower over 3 M rows).

* activities: 场次 (activities held or planned, not deleted) and 人次
  (volunteers signed in, not annulled, plus households recorded, not
  annulled), by category (the five tasks) and platform;
* volunteers: active (with service hours in the month, not rejected), new
  (registered in the month), star levels granted in the month, and hours;
* points issued (earn entries) and redeemed (redemption entries, as a
  positive number) in the month; redemptions (户次: slips) in the month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Activity,
    Participation,
    PointEntry,
    Presence,
    Redemption,
    ServiceRecordState,
    StarGrant,
    Volunteer,
)
from app.models.activities import PresenceState
from app.models.points import EntryKind
from app.models.sync import SyncStation
from app.services.activities import month_range


@dataclass(frozen=True)
class CategoryFigures:
    station_id: str
    category: str
    platform: str
    sessions: int  # 场次
    attendances: int  # 人次


@dataclass
class StationFigures:
    station_id: str
    code: str
    name: str
    sessions: int = 0
    attendances: int = 0
    volunteers_active: int = 0
    volunteers_new: int = 0
    stars_granted: int = 0
    minutes: int = 0
    points_issued: int = 0
    points_redeemed: int = 0
    redemptions: int = 0


@dataclass(frozen=True)
class MonthSummary:
    month: str
    stations: tuple[StationFigures, ...]
    categories: tuple[CategoryFigures, ...]
    totals: StationFigures = field(compare=False)


FIGURES = (
    "sessions",
    "attendances",
    "volunteers_active",
    "volunteers_new",
    "stars_granted",
    "minutes",
    "points_issued",
    "points_redeemed",
    "redemptions",
)


def enrolled_stations(db: Database) -> list[tuple[str, str, str]]:
    """(station id, code, name) of the stations enrolled here, by code."""
    with db.read() as session:
        return [
            (s.station_id, s.code, s.name)
            for s in session.scalars(select(SyncStation).order_by(SyncStation.code))
        ]


def _per_station(session: Session, stmt: object) -> dict[str, int]:
    return {str(sid): int(n or 0) for sid, n in session.execute(stmt)}  # type: ignore[call-overload]


def month_summary(
    db: Database,
    month: str,
    station_ids: Sequence[tuple[str, str, str]] | None = None,
) -> MonthSummary:
    """The figures of *month* (``"2026-05"``) for each station, in one read."""
    stations = list(station_ids) if station_ids is not None else enrolled_stations(db)
    ids = [s[0] for s in stations]
    start, end = month_range(month)
    first, after = start.date(), end.date()
    with db.read() as session:
        held = (
            Activity.station_id.in_(ids),
            Activity.deleted.is_(False),
            Activity.starts_at >= start,
            Activity.starts_at < end,
        )
        sessions_by = session.execute(
            select(Activity.station_id, Activity.category, Activity.platform, func.count())
            .where(*held)
            .group_by(Activity.station_id, Activity.category, Activity.platform)
        ).all()
        presences = session.execute(
            select(Activity.station_id, Activity.category, Activity.platform, func.count())
            .select_from(Presence)
            .join(Activity, Activity.id == Presence.activity_id)
            .where(
                *held,
                Presence.state != PresenceState.ANNULLED.value,
            )
            .group_by(Activity.station_id, Activity.category, Activity.platform)
        ).all()
        households = session.execute(
            select(Activity.station_id, Activity.category, Activity.platform, func.count())
            .select_from(Participation)
            .join(Activity, Activity.id == Participation.activity_id)
            .where(
                *held,
                Participation.annulled.is_(False),
            )
            .group_by(Activity.station_id, Activity.category, Activity.platform)
        ).all()
        people: dict[tuple[str, str, str], int] = {}
        for sid, cat, plat, n in (*presences, *households):
            people[(sid, cat, plat)] = people.get((sid, cat, plat), 0) + int(n)
        categories = tuple(
            CategoryFigures(sid, cat, plat, int(n), people.get((sid, cat, plat), 0))
            for sid, cat, plat, n in sorted(sessions_by, key=lambda r: (r[0], r[1], r[2]))
        )

        counted = (
            ServiceRecordState.station_id.in_(ids),
            ServiceRecordState.deleted.is_(False),
            ServiceRecordState.status != "rejected",
            ServiceRecordState.service_date >= first,
            ServiceRecordState.service_date < after,
        )
        active = _per_station(
            session,
            select(
                ServiceRecordState.station_id,
                func.count(func.distinct(ServiceRecordState.volunteer_id)),
            )
            .where(*counted)
            .group_by(ServiceRecordState.station_id),
        )
        minutes = _per_station(
            session,
            select(ServiceRecordState.station_id, func.sum(ServiceRecordState.minutes))
            .where(*counted)
            .group_by(ServiceRecordState.station_id),
        )
        new = _per_station(
            session,
            select(Volunteer.station_id, func.count())
            .where(
                Volunteer.station_id.in_(ids),
                Volunteer.deleted.is_(False),
                Volunteer.created_at >= start,
                Volunteer.created_at < end,
            )
            .group_by(Volunteer.station_id),
        )
        stars = _per_station(
            session,
            select(StarGrant.station_id, func.count())
            .where(
                StarGrant.station_id.in_(ids),
                StarGrant.granted_on >= first,
                StarGrant.granted_on < after,
            )
            .group_by(StarGrant.station_id),
        )
        in_month = (
            PointEntry.station_id.in_(ids),
            PointEntry.occurred_on >= first,
            PointEntry.occurred_on < after,
        )
        issued = _per_station(
            session,
            select(PointEntry.station_id, func.sum(PointEntry.points))
            .where(*in_month, PointEntry.kind == EntryKind.EARN.value)
            .group_by(PointEntry.station_id),
        )
        redeemed = _per_station(
            session,
            select(PointEntry.station_id, -func.sum(PointEntry.points))
            .where(*in_month, PointEntry.kind == EntryKind.REDEEM.value)
            .group_by(PointEntry.station_id),
        )
        slips = _per_station(
            session,
            select(Redemption.station_id, func.count())
            .where(
                Redemption.station_id.in_(ids),
                Redemption.created_at >= start,
                Redemption.created_at < end,
            )
            .group_by(Redemption.station_id),
        )

    rows = []
    for sid, code, name in stations:
        cats = [c for c in categories if c.station_id == sid]
        rows.append(
            StationFigures(
                sid,
                code,
                name,
                sessions=sum(c.sessions for c in cats),
                attendances=sum(c.attendances for c in cats),
                volunteers_active=active.get(sid, 0),
                volunteers_new=new.get(sid, 0),
                stars_granted=stars.get(sid, 0),
                minutes=minutes.get(sid, 0),
                points_issued=issued.get(sid, 0),
                points_redeemed=redeemed.get(sid, 0),
                redemptions=slips.get(sid, 0),
            )
        )
    total = StationFigures("", "", "")
    for row in rows:
        for name in FIGURES:
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return MonthSummary(month, tuple(rows), categories, total)


def months_with_activities(db: Database, station_ids: Sequence[str]) -> list[str]:
    """The months (``YYYY-MM``) in which the stations have activities, newest first."""
    with db.read() as session:
        starts = session.scalars(
            select(func.distinct(func.strftime("%Y-%m", Activity.starts_at))).where(
                Activity.station_id.in_(list(station_ids)), Activity.deleted.is_(False)
            )
        ).all()
    return sorted((str(m) for m in starts if m), reverse=True)


# --- export ---------------------------------------------------------------------------

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


def _figures_row(row: StationFigures) -> list[object]:
    return [
        row.code,
        row.name,
        row.sessions,
        row.attendances,
        row.volunteers_active,
        row.volunteers_new,
        row.stars_granted,
        round(row.minutes / 60, 1),
        row.points_issued,
        row.points_redeemed,
        row.redemptions,
    ]


def export_summary_xlsx(summary: MonthSummary, path: Path) -> int:
    """The month's figures per station and the township's total, as an .xlsx
    (through the one writer, so a station name never becomes a formula)."""
    from app.services.households.export import write_xlsx

    total = replace(summary.totals, code="", name="合计")
    rows = [_figures_row(r) for r in summary.stations] + [_figures_row(total)]
    return write_xlsx(path, f"汇总 {summary.month}", SUMMARY_HEADER, rows)


def township_months(db: Database) -> list[str]:
    """The months the enrolled stations have activities in, newest first."""
    return months_with_activities(db, [s[0] for s in enrolled_stations(db)])


def township_report_pdf(
    summary: MonthSummary,
    township_name: str,
    *,
    preparer: str = "",
    leader: str = "",
    today: date | None = None,
) -> bytes:
    """The month's township report (A4 landscape, the bundled font): each station's
    figures and the total, 场次/人次 by category and platform, 填表人/负责人 lines."""
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
    figure_columns = [ReportColumn("站点", "*")] + [
        ReportColumn(title, 21, align="right") for title in SUMMARY_HEADER[2:]
    ]
    total = replace(summary.totals, code="", name="合计")
    figure_rows = [
        [f"{r.code} {r.name}".strip(), *_figures_row(r)[2:]] for r in (*summary.stations, total)
    ]
    names = {s.station_id: s.name for s in summary.stations}
    category_columns = [
        ReportColumn("站点", "*"),
        ReportColumn("类别", 60),
        ReportColumn("平台", 36),
        ReportColumn("活动场次", 24, align="right"),
        ReportColumn("参与人次", 24, align="right"),
    ]
    category_rows = [
        [names.get(c.station_id, ""), c.category, c.platform, c.sessions, c.attendances]
        for c in summary.categories
    ]
    blocks: list[Block] = [
        Section(figure_columns, figure_rows, heading="各站点情况"),
        Spacer(4),
        Section(category_columns, category_rows, heading="按类别和平台统计（场次/人次）"),
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
