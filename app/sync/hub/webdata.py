"""What the hub's web page shows, read from the township's store (no HTML here).

Per township: the stations' sync state (:func:`app.sync.importer.station_states`),
the month's figures (:func:`app.services.township.summary.month_summary`
without its detail sections) and the last twelve months of activities and
points issued, for the bar charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, func, select, type_coerce

from app.db import Database
from app.db.dialect import month_key
from app.models import Activity, PointEntry
from app.models.points import EntryKind
from app.services.township.stations import days_since, stale_days
from app.services.township.summary import MonthSummary, month_summary, split_summary
from app.sync.hub.users import TownshipGroup


def month_of(value: str | None, today: date) -> str:
    """A valid ``YYYY-MM`` from the query, else the current month."""
    if value and len(value) == 7 and value[4] == "-" and value[:4].isdigit():
        year, month = int(value[:4]), value[5:]
        if month.isdigit() and 1 <= int(month) <= 12 and 2000 <= year <= 2100:
            return value
    return f"{today.year:04d}-{today.month:02d}"


def last_months(month: str, n: int = 12) -> list[str]:
    """The *n* months ending with *month*, oldest first."""
    year, mon = int(month[:4]), int(month[5:])
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{mon:02d}")
        mon -= 1
        if mon == 0:
            year, mon = year - 1, 12
    return out[::-1]


@dataclass(frozen=True)
class StationRow:
    code: str
    name: str
    last_upload: datetime | None
    days_silent: int | None
    stale: bool
    gaps: tuple[tuple[int, int], ...]
    quarantined: int
    chain_seq: int
    chain_problem: str
    revoked: bool


@dataclass(frozen=True)
class TownshipView:
    group: TownshipGroup
    stations: tuple[StationRow, ...]
    summary: MonthSummary
    months: tuple[str, ...]
    activities_by_month: tuple[int, ...]
    points_by_month: tuple[int, ...]


def by_month(
    db: Database, ids: Sequence[str], months: Sequence[str]
) -> dict[str, tuple[list[int], list[int]]]:
    """Per station of *ids*: activities held and points issued in each of *months*
    (oldest first), in two grouped queries."""
    from app.services.activities import month_range

    start = month_range(months[0])[0]
    end = month_range(months[-1])[1]
    acts: dict[tuple[str, str], int] = {}
    points: dict[tuple[str, str], int] = {}
    if ids:
        with db.read() as session:
            key = month_key(db.engine, Activity.starts_at)
            for sid, month, n in session.execute(
                select(Activity.station_id, key, func.count())
                .where(
                    Activity.station_id.in_(list(ids)),
                    Activity.deleted.is_(False),
                    Activity.starts_at >= start,
                    Activity.starts_at < end,
                )
                .group_by(Activity.station_id, key)
            ):
                acts[(sid, str(month))] = int(n)
            # by day from the (kind, station_id, occurred_on, …, points) index, then by month
            day_key = type_coerce(PointEntry.occurred_on, String)  # text; a date on PostgreSQL
            for sid, day, n in session.execute(
                select(PointEntry.station_id, day_key, func.sum(PointEntry.points))
                .where(
                    PointEntry.kind == EntryKind.EARN.value,
                    PointEntry.station_id.in_(list(ids)),
                    PointEntry.occurred_on >= start.date(),
                    PointEntry.occurred_on < end.date(),
                )
                .group_by(PointEntry.station_id, PointEntry.occurred_on)
            ):
                k = (sid, str(day)[:7])
                points[k] = points.get(k, 0) + int(n or 0)
    return {
        sid: ([acts.get((sid, m), 0) for m in months], [points.get((sid, m), 0) for m in months])
        for sid in ids
    }


def township_views(
    db: Database, groups: Sequence[TownshipGroup], month: str, now: datetime
) -> list[TownshipView]:
    """What the page shows of each township in *groups*: a fixed number of queries
    for all of them together (a county's hub shows 100 townships of 2,500 stations)."""
    from app.models.sync import SyncStation
    from app.sync.importer import station_states

    threshold = stale_days(db)
    states = {s.station_id: s for s in station_states(db)}
    with db.read() as session:
        revoked = set(
            session.scalars(
                select(SyncStation.station_id).where(SyncStation.revoked_at.is_not(None))
            )
        )
    months = last_months(month)
    everyone = [s for group in groups for s in group.stations]
    summary = month_summary(db, month, everyone, with_details=False)
    charts = by_month(db, [s[0] for s in everyone], months)
    parts = split_summary(summary, [[s[0] for s in group.stations] for group in groups])
    out = []
    for group, part in zip(groups, parts, strict=True):
        rows = []
        for sid, _code, _name in group.stations:
            st = states.get(sid)
            if st is None:
                continue
            days = days_since(st.last_import_at, now)
            rows.append(
                StationRow(
                    st.code,
                    st.name,
                    st.last_import_at,
                    days,
                    days is None or days > threshold,
                    st.gaps,
                    st.quarantined,
                    st.chain_seq,
                    st.chain_problem,
                    sid in revoked,
                )
            )
        ids = [s[0] for s in group.stations]
        acts = [sum(charts[sid][0][i] for sid in ids) for i in range(len(months))]
        points = [sum(charts[sid][1][i] for sid in ids) for i in range(len(months))]
        out.append(
            TownshipView(
                group,
                tuple(rows),
                part,
                tuple(months),
                tuple(acts),
                tuple(points),
            )
        )
    return out
