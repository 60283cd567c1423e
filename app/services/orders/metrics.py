"""四单 figures for a period — for the reports, the dashboard and the township.

:func:`order_metrics` counts the orders **received** in ``[start, end]``
(local dates, both included) and what became of them by now:

* ``received`` and ``by_category`` — orders received (群众点单), per category;
* ``rejected``; ``dispatched`` — those sent to a team or volunteers and not
  cancelled back to 待处理; ``completed`` — 结项 (rated ones included);
  ``rated`` and ``open`` (待处理, 已派单, 已接单);
* ``dispatch_rate`` (接单派单率) = dispatched / received;
  ``completion_rate`` = completed / dispatched;
* ``median_hours_to_dispatch`` and ``median_hours_to_close`` — from receipt to
  the (latest standing) dispatch, and to 结项;
* ``average_stars`` and ``satisfaction`` (评单满意度) = ratings of 4 or 5 stars /
  ratings.

A rate whose denominator is 0 is ``None`` (a screen shows "—", not 0 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from sqlalchemy import select

from app.db import Database
from app.models import OrderState, ServiceOrder

_OPEN = (OrderState.PENDING.value, OrderState.DISPATCHED.value, OrderState.ACCEPTED.value)


@dataclass(frozen=True)
class OrderMetrics:
    start: date
    end: date
    received: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    rejected: int = 0
    dispatched: int = 0
    completed: int = 0
    rated: int = 0
    open: int = 0
    dispatch_rate: float | None = None
    completion_rate: float | None = None
    median_hours_to_dispatch: float | None = None
    median_hours_to_close: float | None = None
    average_stars: float | None = None
    satisfaction: float | None = None


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def order_metrics(db: Database, start: date, end: date) -> OrderMetrics:
    """The 四单 figures of the orders received from *start* to *end* (see the module)."""
    lower = datetime.combine(start, time.min)
    upper = datetime.combine(end + timedelta(days=1), time.min)
    with db.read() as session:
        rows = session.execute(
            select(
                ServiceOrder.category,
                ServiceOrder.state,
                ServiceOrder.received_at,
                ServiceOrder.dispatched_at,
                ServiceOrder.completed_at,
                ServiceOrder.rating,
            ).where(
                ServiceOrder.deleted.is_(False),
                ServiceOrder.received_at >= lower,
                ServiceOrder.received_at < upper,
            )
        ).all()
    by_category: dict[str, int] = {}
    to_dispatch: list[float] = []
    to_close: list[float] = []
    stars: list[int] = []
    rejected = dispatched = completed = still_open = 0
    for category, state, received, dispatched_at, completed_at, rating in rows:
        by_category[category] = by_category.get(category, 0) + 1
        if state == OrderState.REJECTED.value:
            rejected += 1
        if state in _OPEN:
            still_open += 1
        if dispatched_at is not None:
            dispatched += 1
            to_dispatch.append(_hours(dispatched_at - received))
        if completed_at is not None:
            completed += 1
            to_close.append(_hours(completed_at - received))
        if rating is not None:
            stars.append(rating)
    return OrderMetrics(
        start=start,
        end=end,
        received=len(rows),
        by_category=dict(sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        rejected=rejected,
        dispatched=dispatched,
        completed=completed,
        rated=len(stars),
        open=still_open,
        dispatch_rate=_share(dispatched, len(rows)),
        completion_rate=_share(completed, dispatched),
        median_hours_to_dispatch=median(to_dispatch) if to_dispatch else None,
        median_hours_to_close=median(to_close) if to_close else None,
        average_stars=sum(stars) / len(stars) if stars else None,
        satisfaction=_share(sum(1 for s in stars if s >= 4), len(stars)),
    )
