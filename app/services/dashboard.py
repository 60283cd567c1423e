"""首页看板 — the station's dashboard: this month's figures, in one call.

:func:`dashboard` is what the station's home page shows above its facts.  The
month's figures are read in one transaction, so they are of the same moment; the
sync state and the figures of the other parts (orders, national export) are read
just after, through their own functions:

* activities this month (场次, planned and held, not deleted) against the
  township's quota, and 理论宣讲 against its own (``VolunteerPolicy``
  ``monthly_min_activities``/``monthly_min_theory``, carried by the township's
  config package), with the month's activities per week (days 1–7, 8–14, …) for
  the chart;
* 人次, points issued and redeemed: the same figures the township's 汇总 counts
  (app.services.township.summary.summary_in on this station alone), so the
  dashboard and the monthly report can never disagree;
* service hours of the month approved and pending (by service date);
* goods at or below their low-stock line (app.services.supermarket.low_stock_in);
* volunteers who forgot to sign out: kiosk sessions still open that began before
  today (closing an activity signs everyone out, so only activities not closed
  are looked at);
* unsynced changes and days since the township's last acknowledgement — read by
  the *sync* callable the caller passes (the services sit below app.sync; the
  page passes ``app.sync.upload.upload_state``); without it both are ``None``;
* 四单 orders not closed and those of them overdue (app.services.orders), and
  approved service records close to or past the national system's
  10-working-day limit (app.services.volunteers.national.national_export_due).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from sqlalchemy import func, select

from app.db import Database
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Activity, Presence, ServiceRecordState, Station
from app.models.activities import ActivityState, PresenceState
from app.models.volunteers import RecordStatus
from app.services.activities import month_of, month_range, quota_in
from app.services.orders.flow import local_now, open_orders_in
from app.services.supermarket.goods import low_stock_in
from app.services.township.summary import summary_in
from app.services.volunteers import load_policy
from app.services.volunteers.national import national_export_due


class SyncFigures(Protocol):
    """What the dashboard reads of the station's sync state (app.sync.upload.UploadState)."""

    @property
    def pending(self) -> int: ...

    @property
    def last_ack_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class OrderFigures:
    """四单: orders not closed yet, and those of them past the overdue setting."""

    open: int
    overdue: int


@dataclass(frozen=True)
class NationalFigures:
    """Approved service records not yet exported to the national system: close to and
    past the 10-working-day limit (办法 art. 11)."""

    close: int
    overdue: int


@dataclass(frozen=True)
class Dashboard:
    """The station's figures for the month of *today* (``month``, ``"2026-05"``)."""

    month: str
    today: date
    activities: int
    target_activities: int
    theory: int
    target_theory: int
    activities_per_week: tuple[int, ...]  # days 1–7, 8–14, 15–21, 22–28, 29–
    theory_per_week: tuple[int, ...]
    participants: int  # 人次: volunteers signed in + households recorded
    approved_minutes: int
    pending_minutes: int
    pending_records: int
    points_issued: int
    points_redeemed: int
    low_stock: tuple[str, ...]  # goods names, lowest first
    forgot_sign_out: int  # kiosk sessions open since before today
    unsynced: int | None = None
    days_since_ack: int | None = None  # None: no sync read, or never acknowledged
    never_acknowledged: bool = False
    orders: OrderFigures = OrderFigures(0, 0)
    national: NationalFigures = NationalFigures(0, 0)

    @property
    def approved_hours(self) -> float:
        return self.approved_minutes / 60

    @property
    def pending_hours(self) -> float:
        return self.pending_minutes / 60


def _week(day: int) -> int:
    return min(4, (day - 1) // 7)


def _orders(db: Database, today: date) -> OrderFigures:
    now = local_now()
    if today != now.date():  # a dashboard of another day: as that day ends
        now = datetime.combine(today, time(23, 59, 59))
    with db.read() as session:
        return OrderFigures(*open_orders_in(session, now))


def _national(db: Database, today: date) -> NationalFigures:
    due = national_export_due(db, today)
    return NationalFigures(due.close, due.overdue)


def dashboard(
    db: Database,
    today: date,
    *,
    sync: Callable[[Database], SyncFigures] | None = None,
) -> Dashboard:
    """This month's figures of the station (see the module docstring), in one read."""
    month = month_of(today)
    start, end = month_range(month)
    with db.read() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        quota = quota_in(session, month)
        figures = summary_in(
            session,
            month,
            *month_range(month),
            [(station.id, station.code, station.name)],
            with_details=False,
        ).totals
        per_week = [0] * 5
        theory_week = [0] * 5
        theory_platform = load_policy(session).theory_platform
        for starts_at, platform in session.execute(
            select(Activity.starts_at, Activity.platform).where(
                Activity.deleted.is_(False),
                Activity.starts_at >= start,
                Activity.starts_at < end,
            )
        ):
            per_week[_week(starts_at.day)] += 1
            if platform == theory_platform:
                theory_week[_week(starts_at.day)] += 1
        minutes = dict(
            session.execute(
                select(ServiceRecordState.status, func.sum(ServiceRecordState.minutes))
                .where(
                    ServiceRecordState.deleted.is_(False),
                    ServiceRecordState.service_date >= start.date(),
                    ServiceRecordState.service_date < end.date(),
                    ServiceRecordState.status.in_(
                        (RecordStatus.APPROVED.value, RecordStatus.PENDING.value)
                    ),
                )
                .group_by(ServiceRecordState.status)
            ).all()
        )
        pending_records = (
            session.scalar(
                select(func.count())
                .select_from(ServiceRecordState)
                .where(
                    ServiceRecordState.deleted.is_(False),
                    ServiceRecordState.status == RecordStatus.PENDING.value,
                    ServiceRecordState.service_date >= start.date(),
                    ServiceRecordState.service_date < end.date(),
                )
            )
            or 0
        )
        low = tuple(g.name for g in low_stock_in(session))
        forgot = (
            session.scalar(
                select(func.count())
                .select_from(Presence)
                .join(Activity, Activity.id == Presence.activity_id)
                .where(
                    Activity.state != ActivityState.CLOSED.value,
                    Presence.state == PresenceState.PRESENT.value,
                    Presence.in_at < datetime.combine(today, time()),
                )
            )
            or 0
        )
    unsynced = days = None
    never = False
    if sync is not None:
        state = sync(db)
        unsynced = state.pending
        if state.last_ack_at is None:
            never = True
        else:
            days = max(0, (today - state.last_ack_at.date()).days)
    return Dashboard(
        month=month,
        today=today,
        activities=quota.activities,
        target_activities=quota.target_activities,
        theory=quota.theory,
        target_theory=quota.target_theory,
        activities_per_week=tuple(per_week),
        theory_per_week=tuple(theory_week),
        participants=figures.attendances,
        approved_minutes=int(minutes.get(RecordStatus.APPROVED.value) or 0),
        pending_minutes=int(minutes.get(RecordStatus.PENDING.value) or 0),
        pending_records=int(pending_records),
        points_issued=figures.points_issued,
        points_redeemed=figures.points_redeemed,
        low_stock=low,
        forgot_sign_out=int(forgot),
        unsynced=unsynced,
        days_since_ack=days,
        never_acknowledged=never,
        orders=_orders(db, today),
        national=_national(db, today),
    )
