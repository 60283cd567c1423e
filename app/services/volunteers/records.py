"""志愿者档案 — a volunteer's sub-records (training, awards, evaluations) and file.

Training, award and evaluation records are kept with the volunteer; removing one
writes a tombstone.  :func:`volunteer_file` is what the volunteers page shows of
one person — the volunteer, these records and their star grants — read in one
transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    VolunteerAward,
    VolunteerEvaluation,
    VolunteerTraining,
)
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.volunteers.people import (
    AwardView,
    EvaluationView,
    TrainingView,
    VolunteerRecords,
    VolunteerView,
    get_volunteer_row,
    volunteer_view,
)

# --- sub-records -----------------------------------------------------------------------------

SubRecord = VolunteerTraining | VolunteerAward | VolunteerEvaluation
_SUB_KINDS: dict[str, type[SubRecord]] = {
    "training": VolunteerTraining,
    "award": VolunteerAward,
    "evaluation": VolunteerEvaluation,
}


def _required_text(value: str, limit: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please fill in the title."))
    return text[:limit]


def _not_future(day: date) -> date:
    if day > date.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."), date=day.isoformat()
        )
    return day


def add_training(
    db: Database,
    actor: Actor,
    volunteer_id: str,
    held_on: date,
    title: str,
    organizer: str = "",
    minutes: int = 0,
    note: str = "",
) -> TrainingView:
    require(actor, Permission.DAILY_WORK)
    title = _required_text(title, 100)
    held_on = _not_future(held_on)
    if minutes < 0 or minutes > 24 * 60 * 30:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The training time is not plausible."))
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        row = VolunteerTraining(
            volunteer_id=v.id,
            held_on=held_on,
            title=title,
            organizer=organizer.strip()[:100],
            minutes=minutes,
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "volunteer.training",
            "volunteer",
            v.id,
            after={"title": title, "date": held_on.isoformat(), "minutes": minutes},
        )
        return TrainingView(row.id, row.held_on, row.title, row.organizer, row.minutes, row.note)


def add_award(
    db: Database,
    actor: Actor,
    volunteer_id: str,
    awarded_on: date,
    title: str,
    level: str = "",
    issuer: str = "",
    note: str = "",
) -> AwardView:
    require(actor, Permission.DAILY_WORK)
    title = _required_text(title, 100)
    awarded_on = _not_future(awarded_on)
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        row = VolunteerAward(
            volunteer_id=v.id,
            awarded_on=awarded_on,
            title=title,
            level=level.strip()[:20],
            issuer=issuer.strip()[:100],
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "volunteer.award",
            "volunteer",
            v.id,
            after={"title": title, "date": awarded_on.isoformat(), "level": row.level},
        )
        return AwardView(row.id, row.awarded_on, row.title, row.level, row.issuer, row.note)


def add_evaluation(
    db: Database,
    actor: Actor,
    volunteer_id: str,
    period: str,
    rating: str,
    comment: str = "",
) -> EvaluationView:
    require(actor, Permission.DAILY_WORK)
    period = period.strip()
    if not re.fullmatch(r"\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?", period):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The period is a year, a quarter or a month, e.g. 2026.")
        )
    rating = rating.strip()
    if not rating:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please choose a rating."))
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        row = VolunteerEvaluation(
            volunteer_id=v.id,
            period=period,
            rating=rating[:20],
            comment=comment.strip(),
            evaluator=actor.display_name,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "volunteer.evaluation",
            "volunteer",
            v.id,
            after={"period": period, "rating": row.rating},
        )
        return EvaluationView(row.id, row.period, row.rating, row.comment, row.evaluator)


def remove_sub_record(db: Database, actor: Actor, kind: str, record_id: str) -> None:
    """Withdraw a mistaken training, award or evaluation (a tombstone; the audit keeps it)."""
    require(actor, Permission.DAILY_WORK)
    model = _SUB_KINDS.get(kind)
    if model is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of record."))
    with db.write() as session:
        row: Any = session.get(model, record_id)
        if row is None or row.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such record."))
        row.deleted = True
        audit.record(
            session,
            actor,
            f"volunteer.{kind}_remove",
            "volunteer",
            row.volunteer_id,
            before={"record": record_id},
        )


def _sub_records_in(session: Session, volunteer_id: str) -> VolunteerRecords:
    v = get_volunteer_row(session, volunteer_id)
    trainings = session.scalars(
        select(VolunteerTraining)
        .where(VolunteerTraining.volunteer_id == v.id, VolunteerTraining.deleted.is_(False))
        .order_by(VolunteerTraining.held_on.desc())
    )
    awards = session.scalars(
        select(VolunteerAward)
        .where(VolunteerAward.volunteer_id == v.id, VolunteerAward.deleted.is_(False))
        .order_by(VolunteerAward.awarded_on.desc())
    )
    evaluations = session.scalars(
        select(VolunteerEvaluation)
        .where(VolunteerEvaluation.volunteer_id == v.id, VolunteerEvaluation.deleted.is_(False))
        .order_by(VolunteerEvaluation.period.desc())
    )
    return VolunteerRecords(
        tuple(
            TrainingView(t.id, t.held_on, t.title, t.organizer, t.minutes, t.note)
            for t in trainings
        ),
        tuple(AwardView(a.id, a.awarded_on, a.title, a.level, a.issuer, a.note) for a in awards),
        tuple(
            EvaluationView(e.id, e.period, e.rating, e.comment, e.evaluator) for e in evaluations
        ),
    )


def list_sub_records(db: Database, volunteer_id: str) -> VolunteerRecords:
    with db.read() as session:
        return _sub_records_in(session, volunteer_id)


@dataclass(frozen=True)
class VolunteerFile:
    """One volunteer's file as the detail panel shows it."""

    volunteer: VolunteerView
    records: VolunteerRecords
    grants: tuple[Any, ...]  # service_hours.StarGrantView, lowest level first
    bank: Any = None  # bank.Statement: the 积分银行 statement, all time


def volunteer_file(db: Database, volunteer_id: str) -> VolunteerFile:
    """A volunteer, their training/award/evaluation records, star grants and 积分银行
    statement, in one read."""
    from app.services.volunteers.bank import statement
    from app.services.volunteers.hours import star_history_in

    with db.read() as session:
        v = get_volunteer_row(session, volunteer_id)
        return VolunteerFile(
            volunteer_view(session, v),
            _sub_records_in(session, v.id),
            tuple(star_history_in(session, v.id)),
            statement(session, v.id),
        )
