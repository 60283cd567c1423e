"""志愿服务时长 — service-hour records, approval, corrections, star levels, verification.

DOMAIN "Volunteers and service hours".  A record is written once
(``ServiceRecord``): from a kiosk sign-in/sign-out pair, from the sign-out made
when an activity is closed (flagged for review), or by hand with a reason.

**Counting** (:func:`count_minutes`): the time between sign-in and sign-out,
clipped to the activity's schedule (arriving early to chat or leaving late does
not count — DOMAIN: travel does not count either), capped by the activity's
hours cap, then rounded in steps of the policy's ``rounding_minutes`` (down by
default, so 1 h 50 min counts 1.5 h).  A sign-out *before* the sign-in — the
PC's clock was set back during the activity — counts 0 and is flagged
``clock_back`` for the reviewer, never negative.  A record that takes a
volunteer's hours on one day above the policy's ``review_above_hours_per_day``
(off by default) is flagged ``over_day_hours``.

**Approval**: every record starts *pending*; an approval or a rejection is one
``ServiceRecordDecision`` (once per record; a rejected record stays listed).
A correction appends ``ServiceRecordCorrection`` with old and new minutes and
the reason.  Approval, and a correction of an approved record, move the
volunteer's cached ``approved_minutes`` in the same transaction, and write the
points the hours earn (or their compensating entry) in the points ledger
(app.services.volunteers.bank, 志愿者积分银行); the current
state of each record is cached in ``ServiceRecordState``.  :func:`verify`
recomputes every cache from the ledgers.

**Stars**: the policy's thresholds (100/300/600/1000/1500 h).  A volunteer whose
approved hours reach the next threshold is *eligible* (:func:`eligible_for_stars`);
:func:`grant_stars` grants every level reached, in order, one ``StarGrant`` each
with the date and the hours at that date.  A grant is never taken back by a
later correction (the ledger keeps what was true when it was granted).

Approving, rejecting, correcting and granting need ``Permission.APPROVE_HOURS``
(the station head); recording hours is daily work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Activity,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    ServiceRecordCorrection,
    ServiceRecordDecision,
    ServiceRecordState,
    StarGrant,
    Volunteer,
    utcnow,
)
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.volunteers import bank
from app.services.volunteers.people import VolunteerPolicy, get_volunteer_row, load_policy

MAX_RECORD_MINUTES = 24 * 60
OVER_DAY_HOURS = "over_day_hours"  # review flag: the day's hours pass the policy's limit
_CHUNK = 500


class HoursRefused(DomainError):
    """A decision or correction that the record's state does not allow."""


# --- counting ----------------------------------------------------------------------------


def round_minutes(minutes: int, policy: VolunteerPolicy) -> int:
    step = max(1, policy.rounding_minutes)
    if minutes <= 0:
        return 0
    if policy.rounding == "nearest":
        return ((minutes + step // 2) // step) * step
    return (minutes // step) * step


@dataclass(frozen=True)
class Counted:
    raw_minutes: int  # between sign-in and sign-out, unclipped (negative: clock set back)
    minutes: int  # what counts
    flags: tuple[str, ...] = ()


def count_minutes(
    activity: Activity, in_at: datetime, out_at: datetime, policy: VolunteerPolicy
) -> Counted:
    """Counted minutes of one in/out pair (see the module docstring)."""
    raw = int((out_at - in_at).total_seconds() // 60)
    if out_at < in_at:
        return Counted(raw, 0, ("clock_back",))
    start = max(in_at, activity.starts_at)
    end = min(out_at, activity.ends_at)
    clipped = max(0, int((end - start).total_seconds() // 60))
    flags: list[str] = []
    if activity.hours_cap_minutes is not None and clipped > activity.hours_cap_minutes:
        clipped = activity.hours_cap_minutes
        flags.append("capped")
    return Counted(raw, round_minutes(clipped, policy), tuple(flags))


# --- views -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordView:
    id: str
    volunteer_id: str
    volunteer_name: str
    volunteer_number: str
    activity_id: str | None
    activity_title: str
    source: str
    service_date: date
    started_at: datetime | None
    ended_at: datetime | None
    original_minutes: int
    minutes: int  # current (after corrections)
    status: str
    content: str
    reason: str
    review_reason: str
    operator_name: str


@dataclass(frozen=True)
class CorrectionView:
    id: str
    old_minutes: int
    new_minutes: int
    reason: str
    requested_by: str
    operator_name: str
    corrected_at: datetime


@dataclass(frozen=True)
class RecordFilter:
    status: str = ""  # RecordStatus or "" for all
    volunteer_id: str = ""
    activity_id: str = ""
    start: date | None = None
    end: date | None = None
    flagged_only: bool = False


_RECORD_COLUMNS = (
    ServiceRecord.id,
    ServiceRecord.volunteer_id,
    Volunteer.name,
    Volunteer.number,
    ServiceRecord.activity_id,
    func.coalesce(Activity.title, ""),
    ServiceRecord.source,
    ServiceRecord.service_date,
    ServiceRecord.started_at,
    ServiceRecord.ended_at,
    ServiceRecord.minutes,
    ServiceRecordState.minutes,
    ServiceRecordState.status,
    ServiceRecord.content,
    ServiceRecord.reason,
    ServiceRecordState.review_reason,
    ServiceRecord.operator_name,
)


def _record_query(*columns: Any) -> Select:
    return (
        select(*columns)
        .select_from(ServiceRecordState)
        .join(ServiceRecord, ServiceRecord.id == ServiceRecordState.record_id)
        .join(Volunteer, Volunteer.id == ServiceRecordState.volunteer_id)
        .outerjoin(Activity, Activity.id == ServiceRecordState.activity_id)
    )


def _filtered(query: Select, flt: RecordFilter) -> Select:
    if flt.status:
        query = query.where(ServiceRecordState.status == flt.status)
    if flt.volunteer_id:
        query = query.where(ServiceRecordState.volunteer_id == flt.volunteer_id)
    if flt.activity_id:
        query = query.where(ServiceRecordState.activity_id == flt.activity_id)
    if flt.start:
        query = query.where(ServiceRecordState.service_date >= flt.start)
    if flt.end:
        query = query.where(ServiceRecordState.service_date <= flt.end)
    if flt.flagged_only:
        query = query.where(ServiceRecordState.review_reason != "")
    return query


def _views(session: Session, query: Select) -> list[RecordView]:
    return [RecordView(*r) for r in session.execute(query).all()]


def count_records(db: Database, flt: RecordFilter | None = None) -> int:
    with db.read() as session:
        return session.scalar(_filtered(_record_query(func.count()), flt or RecordFilter())) or 0


def fetch_records(
    db: Database,
    offset: int,
    limit: int,
    flt: RecordFilter | None = None,
    *,
    after: RecordView | None = None,
) -> list[RecordView]:
    """A window of records, newest service date first (the approval list).

    *after* continues behind that record instead of skipping *offset* rows, so an
    export of 100,000 records reads each page as fast as the first.
    """
    with db.read() as session:
        query = _filtered(_record_query(*_RECORD_COLUMNS), flt or RecordFilter())
        if after is not None:
            query = query.where(
                or_(
                    ServiceRecordState.service_date < after.service_date,
                    and_(
                        ServiceRecordState.service_date == after.service_date,
                        ServiceRecord.id < after.id,
                    ),
                )
            )
        else:
            query = query.offset(max(0, offset))
        query = query.order_by(
            ServiceRecordState.service_date.desc(), ServiceRecord.id.desc()
        ).limit(max(0, min(limit, 1000)))
        return _views(session, query)


def get_record(db: Database, record_id: str) -> RecordView:
    with db.read() as session:
        return _record_view(session, record_id)


def _record_view(session: Session, record_id: str) -> RecordView:
    rows = _views(session, _record_query(*_RECORD_COLUMNS).where(ServiceRecord.id == record_id))
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service-hour record."))
    return rows[0]


def corrections(db: Database, record_id: str) -> list[CorrectionView]:
    with db.read() as session:
        rows = session.scalars(
            select(ServiceRecordCorrection)
            .where(ServiceRecordCorrection.record_id == record_id)
            .order_by(ServiceRecordCorrection.corrected_at, ServiceRecordCorrection.id)
        )
        return [
            CorrectionView(
                c.id,
                c.old_minutes,
                c.new_minutes,
                c.reason,
                c.requested_by,
                c.operator_name,
                c.corrected_at,
            )
            for c in rows
        ]


# --- writing records ---------------------------------------------------------------------


def add_record(
    session: Session,
    actor: Actor,
    volunteer_id: str,
    *,
    source: RecordSource,
    service_date: date,
    minutes: int,
    raw_minutes: int = 0,
    activity_id: str | None = None,
    presence_id: str | None = None,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
    content: str = "",
    reason: str = "",
    review_reason: str = "",
) -> ServiceRecord:
    """Step of a larger action (sign-out, close, manual entry): one pending record.

    With the policy's ``review_above_hours_per_day`` set, a record that takes the
    volunteer's hours on *service_date* (rejected records aside) above it is
    flagged ``over_day_hours`` for the reviewer."""
    flags = [f for f in review_reason.split(",") if f]
    limit = load_policy(session).review_above_hours_per_day
    if limit and minutes > 0 and OVER_DAY_HOURS not in flags:
        earlier = session.scalar(
            select(func.coalesce(func.sum(ServiceRecordState.minutes), 0)).where(
                ServiceRecordState.volunteer_id == volunteer_id,
                ServiceRecordState.service_date == service_date,
                ServiceRecordState.status != RecordStatus.REJECTED.value,
            )
        )
        if int(earlier or 0) + minutes > limit * 60:
            flags.append(OVER_DAY_HOURS)
    review_reason = ",".join(flags)
    record = ServiceRecord(
        volunteer_id=volunteer_id,
        activity_id=activity_id,
        presence_id=presence_id,
        source=source.value,
        service_date=service_date,
        started_at=started_at,
        ended_at=ended_at,
        raw_minutes=raw_minutes,
        minutes=minutes,
        content=content[:200],
        reason=reason,
        review_reason=review_reason[:60],
        operator_id=actor.operator_id,
        operator_name=actor.display_name,
    )
    session.add(record)
    session.flush()
    session.add(
        ServiceRecordState(
            record_id=record.id,
            volunteer_id=volunteer_id,
            activity_id=activity_id,
            service_date=service_date,
            status=RecordStatus.PENDING.value,
            minutes=minutes,
            review_reason=review_reason[:60],
        )
    )
    return record


def _check_minutes(minutes: int) -> int:
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not (0 < minutes <= MAX_RECORD_MINUTES)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Service time must be more than 0 and at most 24 hours in one record."
            )
        )
    return minutes


def add_manual_record(
    db: Database,
    actor: Actor,
    volunteer_id: str,
    service_date: date,
    minutes: int,
    content: str,
    reason: str,
    activity_id: str | None = None,
) -> RecordView:
    """补录: a record typed in by hand (e.g. a forgotten sign-in), pending approval."""
    require(actor, Permission.DAILY_WORK)
    minutes = _check_minutes(minutes)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please say why these hours are entered by hand.")
        )
    content = " ".join(content.split())
    if service_date > date.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."),
            date=service_date.isoformat(),
        )
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        if activity_id:
            activity = session.get(Activity, activity_id)
            if activity is None or activity.deleted:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such activity."))
            content = content or activity.title
        if not content:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Please describe the service (what was done).")
            )
        record = add_record(
            session,
            actor,
            v.id,
            source=RecordSource.MANUAL,
            service_date=service_date,
            minutes=minutes,
            raw_minutes=minutes,
            activity_id=activity_id,
            content=content,
            reason=reason,
        )
        audit.record(
            session,
            actor,
            "hours.manual",
            "service_record",
            record.id,
            after={
                "volunteer": v.number,
                "date": service_date.isoformat(),
                "minutes": minutes,
                "content": content,
                "reason": reason,
            },
        )
        return _record_view(session, record.id)


def _state(session: Session, record_id: str) -> ServiceRecordState:
    state = session.scalar(
        select(ServiceRecordState).where(ServiceRecordState.record_id == record_id)
    )
    if state is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service-hour record."))
    return state


def decide(
    session: Session, actor: Actor, state: ServiceRecordState, decision: RecordStatus, reason: str
) -> None:
    """Step of a larger action: approve or reject a pending record, moving the caches."""
    if state.status != RecordStatus.PENDING.value:
        raise HoursRefused(
            QT_TRANSLATE_NOOP(
                "errors", "This record was already approved; it cannot be decided again."
            )
            if state.status == RecordStatus.APPROVED.value
            else QT_TRANSLATE_NOOP(
                "errors", "This record was already rejected; it cannot be decided again."
            )
        )
    if decision == RecordStatus.APPROVED and state.minutes <= 0:
        raise HoursRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "A record of 0 hours cannot be approved. Correct its hours or reject it.",
            )
        )
    session.add(
        ServiceRecordDecision(
            record_id=state.record_id,
            decision=decision.value,
            minutes=state.minutes,
            reason=reason,
            decided_at=utcnow(),
            operator_id=actor.operator_id,
            operator_name=actor.display_name,
        )
    )
    state.status = decision.value
    if decision == RecordStatus.APPROVED:
        volunteer = session.get(Volunteer, state.volunteer_id)
        assert volunteer is not None
        volunteer.approved_minutes = (volunteer.approved_minutes or 0) + state.minutes
        bank.on_approved(session, actor, state)


def approve(db: Database, actor: Actor, record_ids: Sequence[str], reason: str = "") -> int:
    """Approve pending records (one or a selection, all or none); returns how many."""
    require(actor, Permission.APPROVE_HOURS)
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        return 0
    with db.write() as session:
        for record_id in ids:
            state = _state(session, record_id)
            decide(session, actor, state, RecordStatus.APPROVED, reason.strip())
            audit.record(
                session,
                actor,
                "hours.approve",
                "service_record",
                record_id,
                after={"volunteer_id": state.volunteer_id, "minutes": state.minutes},
            )
        return len(ids)


def reject(db: Database, actor: Actor, record_id: str, reason: str) -> RecordView:
    """Reject a pending record; it stays listed as rejected."""
    require(actor, Permission.APPROVE_HOURS)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        state = _state(session, record_id)
        decide(session, actor, state, RecordStatus.REJECTED, reason)
        audit.record(
            session,
            actor,
            "hours.reject",
            "service_record",
            record_id,
            after={"minutes": state.minutes, "reason": reason},
        )
        return _record_view(session, record_id)


def reject_many(db: Database, actor: Actor, record_ids: Sequence[str], reason: str) -> int:
    """Reject a selection of pending records in one transaction (all or none)."""
    require(actor, Permission.APPROVE_HOURS)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        return 0
    with db.write() as session:
        for record_id in ids:
            state = _state(session, record_id)
            decide(session, actor, state, RecordStatus.REJECTED, reason)
            audit.record(
                session,
                actor,
                "hours.reject",
                "service_record",
                record_id,
                after={"minutes": state.minutes, "reason": reason},
            )
        return len(ids)


def correct(
    db: Database,
    actor: Actor,
    record_id: str,
    new_minutes: int,
    reason: str,
    requested_by: str = "",
) -> RecordView:
    """更正: change a pending or approved record's minutes, logged with old and new."""
    require(actor, Permission.APPROVE_HOURS)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    if (
        isinstance(new_minutes, bool)
        or not isinstance(new_minutes, int)
        or not (0 <= new_minutes <= MAX_RECORD_MINUTES)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Service time must be from 0 to 24 hours in one record.")
        )
    with db.write() as session:
        state = _state(session, record_id)
        if state.status == RecordStatus.REJECTED.value:
            raise HoursRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A rejected record cannot be corrected; enter the hours again by hand.",
                )
            )
        if new_minutes == state.minutes:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The new hours are the same as the current ones.")
            )
        if state.status == RecordStatus.APPROVED.value and new_minutes == 0:
            raise HoursRefused(
                QT_TRANSLATE_NOOP("errors", "An approved record cannot be corrected to 0 hours.")
            )
        old = state.minutes
        session.add(
            ServiceRecordCorrection(
                record_id=record_id,
                old_minutes=old,
                new_minutes=new_minutes,
                reason=reason,
                requested_by=requested_by.strip()[:50],
                corrected_at=utcnow(),
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
        )
        state.minutes = new_minutes
        if state.status == RecordStatus.APPROVED.value:
            volunteer = session.get(Volunteer, state.volunteer_id)
            assert volunteer is not None
            volunteer.approved_minutes += new_minutes - old
            bank.on_corrected(session, actor, state, reason)
        audit.record(
            session,
            actor,
            "hours.correct",
            "service_record",
            record_id,
            before={"minutes": old},
            after={"minutes": new_minutes, "reason": reason, "requested_by": requested_by.strip()},
        )
        return _record_view(session, record_id)


def approved_minutes_between(
    session: Session, volunteer_id: str, start: date | None, end: date | None
) -> int:
    query = select(func.coalesce(func.sum(ServiceRecordState.minutes), 0)).where(
        ServiceRecordState.volunteer_id == volunteer_id,
        ServiceRecordState.status == RecordStatus.APPROVED.value,
    )
    if start:
        query = query.where(ServiceRecordState.service_date >= start)
    if end:
        query = query.where(ServiceRecordState.service_date <= end)
    return int(session.scalar(query) or 0)


# --- stars -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StarEligibility:
    volunteer_id: str
    number: str
    name: str
    approved_minutes: int
    star_level: int  # held now
    eligible_level: int  # highest level the hours reach


@dataclass(frozen=True)
class StarGrantView:
    id: str
    volunteer_id: str
    level: int
    threshold_hours: int
    minutes_at_grant: int
    granted_on: date
    operator_name: str


def level_for(minutes: int, policy: VolunteerPolicy) -> int:
    return sum(1 for t in policy.star_thresholds_hours if minutes >= t * 60)


def _eligible_condition(policy: VolunteerPolicy) -> Any:
    thresholds = policy.star_thresholds_hours
    return or_(
        *(
            and_(Volunteer.star_level == level, Volunteer.approved_minutes >= hours * 60)
            for level, hours in enumerate(thresholds)
        )
    )


def eligible_for_stars(db: Database, limit: int = 1000) -> list[StarEligibility]:
    """Volunteers whose approved hours reach a star level they do not hold yet."""
    with db.read() as session:
        policy = load_policy(session)
        rows = session.execute(
            select(
                Volunteer.id,
                Volunteer.number,
                Volunteer.name,
                Volunteer.approved_minutes,
                Volunteer.star_level,
            )
            .where(Volunteer.deleted.is_(False), _eligible_condition(policy))
            .order_by(Volunteer.approved_minutes.desc(), Volunteer.number)
            .limit(limit)
        ).all()
        return [
            StarEligibility(r[0], r[1], r[2], r[3], r[4], level_for(r[3], policy)) for r in rows
        ]


def _grant_view(g: StarGrant) -> StarGrantView:
    return StarGrantView(
        g.id,
        g.volunteer_id,
        g.level,
        g.threshold_hours,
        g.minutes_at_grant,
        g.granted_on,
        g.operator_name,
    )


def grant_in_session(
    session: Session, actor: Actor, volunteer: Volunteer, on: date, policy: VolunteerPolicy
) -> list[StarGrant]:
    """Grant every level *volunteer*'s approved hours reach, in order; [] if none."""
    reached = level_for(volunteer.approved_minutes, policy)
    grants: list[StarGrant] = []
    for level in range(volunteer.star_level + 1, reached + 1):
        grant = StarGrant(
            volunteer_id=volunteer.id,
            level=level,
            threshold_hours=policy.star_thresholds_hours[level - 1],
            minutes_at_grant=volunteer.approved_minutes,
            granted_on=on,
            operator_id=actor.operator_id,
            operator_name=actor.display_name,
        )
        session.add(grant)
        grants.append(grant)
    if grants:
        volunteer.star_level = reached
    return grants


def grant_stars(
    db: Database, actor: Actor, volunteer_ids: Sequence[str], on: date | None = None
) -> list[StarGrantView]:
    """星级认定: grant the levels the volunteers' approved hours reach (in order)."""
    require(actor, Permission.APPROVE_HOURS)
    on = on or date.today()
    if on > date.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."), date=on.isoformat()
        )
    with db.write() as session:
        policy = load_policy(session)
        made: list[StarGrant] = []
        for volunteer_id in dict.fromkeys(volunteer_ids):
            v = get_volunteer_row(session, volunteer_id)
            grants = grant_in_session(session, actor, v, on, policy)
            if grants:
                session.flush()
                audit.record(
                    session,
                    actor,
                    "stars.grant",
                    "volunteer",
                    v.id,
                    after={
                        "levels": [g.level for g in grants],
                        "minutes": v.approved_minutes,
                        "date": on.isoformat(),
                    },
                )
            made.extend(grants)
        return [_grant_view(g) for g in made]


def star_history_in(session: Session, volunteer_id: str) -> list[StarGrantView]:
    grants = session.scalars(
        select(StarGrant).where(StarGrant.volunteer_id == volunteer_id).order_by(StarGrant.level)
    )
    return [_grant_view(g) for g in grants]


def star_history(db: Database, volunteer_id: str) -> list[StarGrantView]:
    with db.read() as session:
        return star_history_in(session, volunteer_id)


def stars_granted(db: Database, year: int, level: int | None = None) -> list[StarGrantView]:
    """Grants of a year (e.g. every five-star volunteer of 2026, for a batch print)."""
    with db.read() as session:
        query = select(StarGrant).where(
            StarGrant.granted_on >= date(year, 1, 1), StarGrant.granted_on <= date(year, 12, 31)
        )
        if level is not None:
            query = query.where(StarGrant.level == level)
        return [_grant_view(g) for g in session.scalars(query.order_by(StarGrant.granted_on))]


@dataclass(frozen=True)
class NamedGrant:
    """A star grant with its volunteer's name and number, for the grants list."""

    granted_on: date
    name: str
    number: str
    level: int
    minutes_at_grant: int
    operator_name: str


def grants_of_year(db: Database, year: int) -> list[NamedGrant]:
    """The stars granted in *year*, newest first, with the volunteers' names; one read."""
    with db.read() as session:
        rows = session.execute(
            select(StarGrant, Volunteer.name, Volunteer.number)
            .join(Volunteer, Volunteer.id == StarGrant.volunteer_id)
            .where(
                StarGrant.granted_on >= date(year, 1, 1),
                StarGrant.granted_on <= date(year, 12, 31),
            )
            .order_by(StarGrant.granted_on)
        ).all()
        out = [
            NamedGrant(g.granted_on, name, number, g.level, g.minutes_at_grant, g.operator_name)
            for g, name, number in rows
        ]
    return list(reversed(out))


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HoursMismatch:
    kind: str  # volunteer_minutes, record_state, star_level
    target_id: str
    cached: object
    ledger: object


@dataclass(frozen=True)
class HoursReport:
    checked_volunteers: int
    checked_records: int
    mismatches: tuple[HoursMismatch, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches


def verify(db: Database) -> HoursReport:
    """Recompute record states, approved minutes and star levels from the ledgers."""
    mismatches: list[HoursMismatch] = []
    with db.read() as session:
        last_fix = (
            select(
                ServiceRecordCorrection.record_id.label("record_id"),
                func.max(ServiceRecordCorrection.change_seq).label("seq"),
            )
            .group_by(ServiceRecordCorrection.record_id)
            .subquery()
        )
        latest = aliased(ServiceRecordCorrection)
        # grouped by the record: its state and decision are one row each (unique
        # record_id), so max() of them is them — standard SQL, which PostgreSQL
        # needs where SQLite takes bare columns; two latest corrections are
        # re-read below
        ledger = (
            select(
                ServiceRecord.id,
                ServiceRecord.volunteer_id,
                func.max(func.coalesce(latest.new_minutes, ServiceRecord.minutes)),
                func.max(func.coalesce(ServiceRecordDecision.decision, RecordStatus.PENDING.value)),
                func.max(ServiceRecordState.minutes),
                func.max(ServiceRecordState.status),
                func.count(latest.id),
            )
            .select_from(ServiceRecord)
            .outerjoin(ServiceRecordState, ServiceRecordState.record_id == ServiceRecord.id)
            .outerjoin(ServiceRecordDecision, ServiceRecordDecision.record_id == ServiceRecord.id)
            .outerjoin(last_fix, last_fix.c.record_id == ServiceRecord.id)
            .outerjoin(
                latest,
                and_(latest.record_id == ServiceRecord.id, latest.change_seq == last_fix.c.seq),
            )
            .group_by(ServiceRecord.id)
        )
        totals: dict[str, int] = {}
        records = 0
        for rid, vid, minutes, status, cached_minutes, cached_status, fixes in session.execute(
            ledger
        ).yield_per(5000):
            records += 1
            if fixes > 1:  # two corrections in one transaction: order by id within it
                minutes = int(
                    session.scalar(
                        select(ServiceRecordCorrection.new_minutes)
                        .where(ServiceRecordCorrection.record_id == rid)
                        .order_by(
                            ServiceRecordCorrection.change_seq.desc(),
                            ServiceRecordCorrection.id.desc(),
                        )
                        .limit(1)
                    )
                    or 0
                )
            if (cached_minutes, cached_status) != (minutes, status):
                mismatches.append(
                    HoursMismatch(
                        "record_state", rid, (cached_minutes, cached_status), (minutes, status)
                    )
                )
            if status == RecordStatus.APPROVED.value:
                totals[vid] = totals.get(vid, 0) + int(minutes)
        levels = dict(
            session.execute(
                select(StarGrant.volunteer_id, func.max(StarGrant.level)).group_by(
                    StarGrant.volunteer_id
                )
            ).all()
        )
        volunteers = 0
        for vid, cached, star in session.execute(
            select(Volunteer.id, Volunteer.approved_minutes, Volunteer.star_level)
        ).yield_per(5000):
            volunteers += 1
            if cached != totals.get(vid, 0):
                mismatches.append(
                    HoursMismatch("volunteer_minutes", vid, cached, totals.get(vid, 0))
                )
            if star != levels.get(vid, 0):
                mismatches.append(HoursMismatch("star_level", vid, star, levels.get(vid, 0)))
    return HoursReport(volunteers, records, tuple(mismatches))


def _chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
