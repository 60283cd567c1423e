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
  positive number) in the month; redemptions (户次: slips) rung in the month (by their 兑换 entry's day);
* the detail sections of :mod:`.details` (stock at the month's end, the
  township's household and volunteer rankings, participation per village,
  volunteers per star level), read in the same transaction.

The xlsx and the township report PDF are made in :mod:`.report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.db.dialect import month_key
from app.models import (
    Activity,
    Participation,
    PointEntry,
    Presence,
    ServiceRecordState,
    StarGrant,
    Volunteer,
)
from app.models.activities import PresenceState
from app.models.points import EntryKind
from app.models.sync import SyncStation
from app.services.activities import month_range
from app.services.township import details
from app.services.township.details import (
    HouseholdRank,
    StarLevels,
    StockFigures,
    VillageParticipation,
    VolunteerRank,
)


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
    stock: tuple[StockFigures, ...] = ()
    households: tuple[HouseholdRank, ...] = ()  # the township's ranking, top 20
    volunteers: tuple[VolunteerRank, ...] = ()  # the township's ranking, top 20
    participation: tuple[VillageParticipation, ...] = ()
    stars: tuple[StarLevels, ...] = ()

    @property
    def stock_total(self) -> StockFigures:
        return details.stock_total(self.stock)

    @property
    def participation_total(self) -> VillageParticipation:
        return details.participation_total(self.participation)

    @property
    def stars_total(self) -> StarLevels:
        return details.star_total(self.stars)


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
    *,
    with_details: bool = True,
) -> MonthSummary:
    """The figures of *month* (``"2026-05"``) for each station, in one read.

    *with_details* False leaves the detail sections (stock, rankings, participation,
    star levels) empty: the hub's web page shows only the figures."""
    start, end = month_range(month)
    return period_summary(db, month, start, end, station_ids, with_details=with_details)


def period_summary(
    db: Database,
    label: str,
    start: datetime,
    end: datetime,
    station_ids: Sequence[tuple[str, str, str]] | None = None,
    *,
    with_details: bool = True,
) -> MonthSummary:
    """The same figures for any span [*start*, *end*) (a quarter, a year), named *label*:
    a station's own report (:mod:`app.services.reports`) counts with these queries."""
    stations = list(station_ids) if station_ids is not None else enrolled_stations(db)
    with db.read() as session:
        return summary_in(session, label, start, end, stations, with_details=with_details)


def summary_in(
    session: Session,
    label: str,
    start: datetime,
    end: datetime,
    stations: Sequence[tuple[str, str, str]],
    *,
    with_details: bool = True,
) -> MonthSummary:
    """:func:`period_summary` inside the caller's read (a station's dashboard reads its own
    month's figures with the rest of its home page)."""
    ids = [s[0] for s in stations]
    first, after = start.date(), end.date()
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
    # 兑换户次 by the day the slip was rung (each redemption writes one 兑换 entry on its
    # day), the same day its points count by: a slip and its points are in one month
    redeemed: dict[str, int] = {}
    slips: dict[str, int] = {}
    for sid, points_out, count in session.execute(
        select(PointEntry.station_id, -func.sum(PointEntry.points), func.count())
        .where(*in_month, PointEntry.kind == EntryKind.REDEEM.value)
        .group_by(PointEntry.station_id)
    ):
        redeemed[sid] = int(points_out or 0)
        slips[sid] = int(count)
    stock: tuple[StockFigures, ...] = ()
    ranked: tuple[HouseholdRank, ...] = ()
    taking_part: tuple[VillageParticipation, ...] = ()
    volunteers: tuple[VolunteerRank, ...] = ()
    stars_held: tuple[StarLevels, ...] = ()
    if with_details:
        stock = tuple(details.stock_at(session, stations, end))
        ranking, villages = details.households_in_month(session, stations, start, end)
        ranked, taking_part = tuple(ranking), tuple(villages)
        volunteers = tuple(details.volunteer_ranking(session, stations, first, after))
        stars_held = tuple(details.star_levels(session, stations, after))

    by_station: dict[str, list[CategoryFigures]] = {}
    for c in categories:
        by_station.setdefault(c.station_id, []).append(c)
    rows = []
    for sid, code, name in stations:
        cats = by_station.get(sid, [])
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
    return MonthSummary(
        label,
        tuple(rows),
        categories,
        _total(rows),
        stock=stock,
        households=ranked,
        volunteers=volunteers,
        participation=taking_part,
        stars=stars_held,
    )


def _total(rows: Sequence[StationFigures]) -> StationFigures:
    total = StationFigures("", "", "")
    for row in rows:
        for name in FIGURES:
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


def _category_key(c: CategoryFigures) -> tuple[str, str, str]:
    return (c.station_id, c.category, c.platform)


def split_summary(summary: MonthSummary, parts: Sequence[Sequence[str]]) -> list[MonthSummary]:
    """*summary* (made without details) cut into one summary per list of station ids.

    The hub's county page reads the month once for every township it shows and
    splits it here, instead of a round of queries per township."""
    rows = {r.station_id: r for r in summary.stations}
    cats: dict[str, list[CategoryFigures]] = {}
    for c in summary.categories:
        cats.setdefault(c.station_id, []).append(c)
    out = []
    for ids in parts:
        mine = [rows[sid] for sid in ids if sid in rows]
        out.append(
            MonthSummary(
                summary.month,
                tuple(mine),
                tuple(sorted((c for sid in ids for c in cats.get(sid, ())), key=_category_key)),
                _total(mine),
            )
        )
    return out


def months_with_activities(db: Database, station_ids: Sequence[str]) -> list[str]:
    """The months (``YYYY-MM``) in which the stations have activities, newest first."""
    with db.read() as session:
        starts = session.scalars(
            select(func.distinct(month_key(session, Activity.starts_at))).where(
                Activity.station_id.in_(list(station_ids)), Activity.deleted.is_(False)
            )
        ).all()
    return sorted((str(m) for m in starts if m), reverse=True)


def township_months(db: Database, today: date | None = None) -> list[str]:
    """The months the enrolled stations have activities in, newest first, and the
    current month once anything was imported (its stock and star levels are today's,
    whether or not an activity was held yet)."""
    months = months_with_activities(db, [s[0] for s in enrolled_stations(db)])
    if not months:
        return []
    day = today or date.today()
    return sorted({*months, f"{day.year:04d}-{day.month:02d}"}, reverse=True)
