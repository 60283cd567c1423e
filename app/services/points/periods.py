"""评议期 — opening a period (with its base score), 公示 and finalizing it.

A period is opened once (writing every active household's 基础分 as one
batch), publicized on the notice board, where objections are settled by
adjustments, and finalized; a finalized period takes no more entries
(:func:`_check_open`).  At finalizing the balances are carried over (结转) or
cleared (清零) with one clearance batch, as the settings say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.models import EntryKind, Household, PeriodState, PointBatch, PointPeriod, utcnow
from app.models.base import STATION_ID
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.households import village_households
from app.services.points.ledger import post_entry
from app.services.points.rules import PointsRefused
from app.services.points.settings import PointsSettings, _check_period, period_key


class PeriodFinalized(PointsRefused):
    pass


@dataclass(frozen=True)
class PeriodView:
    id: str
    key: str
    kind: str
    state: str
    base_points: int
    opened_at: datetime
    publicized_at: datetime | None
    finalized_at: datetime | None
    end_action: str


def _period_view(p: PointPeriod) -> PeriodView:
    return PeriodView(
        p.id,
        p.key,
        p.kind,
        p.state,
        p.base_points,
        p.opened_at,
        p.publicized_at,
        p.finalized_at,
        p.end_action,
    )


def _check_open(session: Session, key: str) -> None:
    state = session.scalar(
        select(PointPeriod.state).where(
            PointPeriod.station_id == session.info.get(STATION_ID), PointPeriod.key == key
        )
    )
    if state == PeriodState.FINALIZED.value:
        raise PeriodFinalized(
            QT_TRANSLATE_NOOP(
                "errors",
                "Period {period} is finalized; its points can no longer change. "
                "Enter the points in the current period instead.",
            ),
            period=key,
        )


def _get_period(session: Session, key: str) -> PointPeriod:
    period = session.scalar(
        select(PointPeriod).where(
            PointPeriod.station_id == session.info.get(STATION_ID), PointPeriod.key == key
        )
    )
    if period is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "Period {period} has not been opened."), period=key
        )
    return period


def list_periods(db: Database) -> list[PeriodView]:
    with db.read() as session:
        return [
            _period_view(p)
            for p in session.scalars(select(PointPeriod).order_by(PointPeriod.key.desc()))
        ]


def open_period(
    db: Database, actor: Actor, settings: PointsSettings, *, on: date | None = None
) -> PeriodView:
    """Open the period containing *on* and write every active household's base score."""
    require(actor, Permission.MANAGE_SETTINGS)
    on = on or date.today()
    key = period_key(on, settings.period_kind)
    with db.write() as session:
        if session.scalar(
            select(PointPeriod.id).where(
                PointPeriod.station_id == session.info.get(STATION_ID), PointPeriod.key == key
            )
        ):
            raise PointsRefused(
                QT_TRANSLATE_NOOP("errors", "Period {period} is already open."), period=key
            )
        unfinished = session.scalar(
            select(PointPeriod.key).where(PointPeriod.state != PeriodState.FINALIZED.value)
        )
        if unfinished:
            raise PointsRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "Finish period {period} (publicize and finalize it) first."
                ),
                period=unfinished,
            )
        period = PointPeriod(
            key=key,
            kind=settings.period_kind,
            state=PeriodState.OPEN.value,
            base_points=settings.base_points,
            opened_at=utcnow(),
            end_action="",
            note="",
        )
        session.add(period)
        count = 0
        if settings.base_points:
            batch = PointBatch(
                id=new_id(),
                kind="period_open",
                reason="",
                period=key,
                entry_count=0,
                total_points=0,
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
            households = list(
                session.scalars(
                    select(Household)
                    .where(
                        Household.active.is_(True),
                        Household.deleted.is_(False),
                        village_households(),
                    )
                    .order_by(Household.number_sort)
                )
            )
            batch.entry_count = len(households)
            batch.total_points = settings.base_points * len(households)
            session.add(batch)
            for household in households:
                post_entry(
                    session,
                    actor,
                    household,
                    kind=EntryKind.BASE,
                    points=settings.base_points,
                    period=key,
                    occurred_on=on,
                    scored=True,
                    batch_id=batch.id,
                )
            count = len(households)
        audit.record(
            session,
            actor,
            "points.period_open",
            "point_period",
            period.id,
            after={"period": key, "base_points": settings.base_points, "households": count},
        )
        return _period_view(period)


def publicize_period(db: Database, actor: Actor, key: str) -> PeriodView:
    """The standings go up on the notice board (公示); objections are settled by adjustments."""
    require(actor, Permission.MANAGE_SETTINGS)
    key = _check_period(key)
    with db.write() as session:
        period = _get_period(session, key)
        if period.state != PeriodState.OPEN.value:
            raise PointsRefused(
                QT_TRANSLATE_NOOP("errors", "Period {period} is not open."), period=key
            )
        period.state = PeriodState.PUBLICIZED.value
        period.publicized_at = utcnow()
        audit.record(
            session,
            actor,
            "points.period_publicize",
            "point_period",
            period.id,
            after={"period": key},
        )
        return _period_view(period)


def finalize_period(
    db: Database, actor: Actor, key: str, settings: PointsSettings, *, on: date | None = None
) -> PeriodView:
    """Confirm a publicized period; with ``end_action="clear"`` write the clearances."""
    require(actor, Permission.MANAGE_SETTINGS)
    key = _check_period(key)
    with db.write() as session:
        period = _get_period(session, key)
        if period.state != PeriodState.PUBLICIZED.value:
            raise PointsRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "Period {period} must be publicized (公示) before it is finalized."
                ),
                period=key,
            )
        cleared = 0
        if settings.end_action == "clear":
            households = list(
                session.scalars(
                    select(Household)
                    .where(Household.balance != 0, Household.deleted.is_(False))
                    .order_by(Household.number_sort)
                )
            )
            batch = PointBatch(
                id=new_id(),
                kind="clearance",
                reason="",
                period=key,
                entry_count=len(households),
                total_points=-sum(h.balance for h in households),
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
            session.add(batch)
            for household in households:
                post_entry(
                    session,
                    actor,
                    household,
                    kind=EntryKind.EXPIRE,
                    points=-household.balance,
                    period=key,
                    occurred_on=on or date.today(),
                    scored=False,
                    batch_id=batch.id,
                )
            cleared = len(households)
        period.state = PeriodState.FINALIZED.value
        period.finalized_at = utcnow()
        period.end_action = settings.end_action
        audit.record(
            session,
            actor,
            "points.period_finalize",
            "point_period",
            period.id,
            after={"period": key, "end_action": settings.end_action, "cleared": cleared},
        )
        return _period_view(period)
