"""文明实践活动 — planning, opening and closing activities, photos and monthly quotas.

DOMAIN "Activities".  An activity is *planned*, then *open* (the kiosk accepts
scans), then *closed*.  Closing signs out every volunteer still present at the
closing time (or the scheduled end, whichever is earlier), each sign-out a
``ScanEvent`` of origin ``close`` and a service-hour record flagged
``closed`` for the reviewer — nobody's hours are lost and nobody's are taken on
trust.  A closed activity can be reopened by the station head
(``Permission.VOID``) when it was closed by mistake.

Times are the station's local wall-clock (see app.models.activities).  The
category and platform lists and the monthly quotas (≥ 8 activities, ≥ 3
理论宣讲 by default) come from the volunteer policy
(app.services.volunteers.VolunteerPolicy).

**Photos** are copied into ``<data>/photos/<activity id>/<new id><suffix>`` and
recorded with their path relative to the photos folder, so that the data folder
(and a backup of it) carries them; the file is written under a temporary name
and renamed, and removed again if the transaction fails (app.services.photos).
Removing a photo is a tombstone: the file stays, because a backup or the
township may still name it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.models import (
    Activity,
    ActivityPhoto,
    ActivityState,
    ActivityTeam,
    Participation,
    PointRule,
    Presence,
    PresenceState,
    RecordSource,
    ScanAction,
    ScanEvent,
    ScanStatus,
    ServiceRecordState,
    Volunteer,
    VolunteerTeam,
)
from app.models.base import STATION_ID
from app.services import audit, photos, text_input
from app.services.auth import Actor, Permission, require
from app.services.volunteers import VolunteerPolicy, load_policy
from app.services.volunteers import hours as service_hours

MAX_ACTIVITY_DAYS = 31
CLOSED_FLAG = "closed"


class ActivityRefused(DomainError):
    """An action the activity's state does not allow."""


# --- inputs and views --------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityData:
    title: str
    category: str
    starts_at: datetime
    ends_at: datetime
    platform: str = ""
    place: str = ""
    content: str = ""
    capacity: int | None = None
    hours_cap_minutes: int | None = None
    points_rule_code: str = ""  # points per participating household, a catalogue rule
    allow_households: bool = True
    team_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActivityView:
    id: str
    title: str
    category: str
    platform: str
    place: str
    starts_at: datetime
    ends_at: datetime
    content: str
    capacity: int | None
    hours_cap_minutes: int | None
    points_rule_code: str
    allow_households: bool
    recorder_name: str
    state: str
    closed_at: datetime | None
    team_ids: tuple[str, ...] = ()
    team_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activities list or calendar."""

    id: str
    title: str
    category: str
    platform: str
    place: str
    starts_at: datetime
    ends_at: datetime
    state: str


@dataclass(frozen=True)
class ActivityFilter:
    month: str = ""  # "2026-05"
    category: str = ""
    platform: str = ""
    state: str = ""
    text: str = ""


@dataclass(frozen=True)
class ActivityStats:
    """场次/人次 of one activity: volunteers, households, people, counted minutes."""

    volunteers: int  # distinct volunteers who signed in (annulled ones excluded)
    present: int  # signed in and not yet out
    households: int  # 户次 recorded
    minutes: int  # counted minutes of the finished pairs

    @property
    def participants(self) -> int:
        return self.volunteers + self.households


@dataclass(frozen=True)
class QuotaProgress:
    """A month's activities against the township's quotas."""

    month: str
    activities: int
    target_activities: int
    theory: int
    target_theory: int

    @property
    def met(self) -> bool:
        return self.activities >= self.target_activities and self.theory >= self.target_theory


@dataclass(frozen=True)
class PhotoView:
    id: str
    activity_id: str
    path: str  # relative to the photos folder
    original_name: str
    caption: str
    size_bytes: int


@dataclass(frozen=True)
class CloseResult:
    activity: ActivityView
    signed_out: int  # volunteers signed out by the close, flagged for review


def _teams(session: Session, activity_id: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in session.execute(
            select(VolunteerTeam.id, VolunteerTeam.name)
            .join(ActivityTeam, ActivityTeam.team_id == VolunteerTeam.id)
            .where(ActivityTeam.activity_id == activity_id, ActivityTeam.deleted.is_(False))
            .order_by(VolunteerTeam.sort_order, VolunteerTeam.name)
        ).all()
    ]


def activity_view(session: Session, a: Activity) -> ActivityView:
    teams = _teams(session, a.id)
    return ActivityView(
        id=a.id,
        title=a.title,
        category=a.category,
        platform=a.platform,
        place=a.place,
        starts_at=a.starts_at,
        ends_at=a.ends_at,
        content=a.content,
        capacity=a.capacity,
        hours_cap_minutes=a.hours_cap_minutes,
        points_rule_code=a.points_rule_code,
        allow_households=a.allow_households,
        recorder_name=a.recorder_name,
        state=a.state,
        closed_at=a.closed_at,
        team_ids=tuple(t[0] for t in teams),
        team_names=tuple(t[1] for t in teams),
    )


def _public(a: Activity) -> dict[str, object]:
    return {
        "title": a.title,
        "category": a.category,
        "platform": a.platform,
        "place": a.place,
        "starts_at": a.starts_at.isoformat(timespec="minutes"),
        "ends_at": a.ends_at.isoformat(timespec="minutes"),
        "capacity": a.capacity,
        "hours_cap_minutes": a.hours_cap_minutes,
        "points_rule": a.points_rule_code,
        "households": a.allow_households,
        "state": a.state,
    }


# --- validation --------------------------------------------------------------------------


def _clean(session: Session, data: ActivityData, policy: VolunteerPolicy) -> ActivityData:
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the activity's title."))
    if len(title) > 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A title can have at most 100 characters.")
        )
    if data.category not in policy.activity_categories:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please choose one of the five tasks as the category.")
        )
    if data.platform and data.platform not in policy.platforms:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{platform}” is not one of the platform types."),
            platform=data.platform,
        )
    if data.ends_at <= data.starts_at:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The activity must end after it starts."))
    if data.ends_at - data.starts_at > timedelta(days=MAX_ACTIVITY_DAYS):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An activity can last at most {days} days."),
            days=MAX_ACTIVITY_DAYS,
        )
    if data.capacity is not None and not (0 < data.capacity <= 100_000):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The capacity must be a number of people above 0.")
        )
    if data.hours_cap_minutes is not None and not (0 < data.hours_cap_minutes <= 24 * 60):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The hours cap must be more than 0 and at most 24 hours.")
        )
    code = data.points_rule_code.strip().upper()
    if code:
        rule = session.scalar(
            select(PointRule).where(
                PointRule.station_id == session.info.get(STATION_ID), PointRule.code == code
            )
        )
        if rule is None or rule.deleted or not rule.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No points rule in use has the code {code}."),
                code=code,
            )
        if rule.points <= 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Taking part earns points: choose a rule that adds points."
                )
            )
    for team_id in data.team_ids:
        team = session.get(VolunteerTeam, team_id)
        if team is None or team.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer team."))
    return ActivityData(
        title=title,
        category=data.category,
        starts_at=data.starts_at.replace(second=0, microsecond=0),
        ends_at=data.ends_at.replace(second=0, microsecond=0),
        platform=data.platform,
        place=" ".join(data.place.split())[:100],
        content=data.content.strip(),
        capacity=data.capacity,
        hours_cap_minutes=data.hours_cap_minutes,
        points_rule_code=code,
        allow_households=data.allow_households,
        team_ids=tuple(dict.fromkeys(data.team_ids)),
    )


def _apply(a: Activity, data: ActivityData) -> None:
    a.title, a.category, a.platform, a.place = data.title, data.category, data.platform, data.place
    a.starts_at, a.ends_at, a.content = data.starts_at, data.ends_at, data.content
    a.capacity, a.hours_cap_minutes = data.capacity, data.hours_cap_minutes
    a.points_rule_code, a.allow_households = data.points_rule_code, data.allow_households


def _set_teams(session: Session, activity_id: str, team_ids: tuple[str, ...]) -> None:
    existing = {
        t.team_id: t
        for t in session.scalars(
            select(ActivityTeam).where(ActivityTeam.activity_id == activity_id)
        )
    }
    for team_id, row in existing.items():
        row.deleted = team_id not in team_ids
    for team_id in team_ids:
        if team_id not in existing:
            session.add(ActivityTeam(activity_id=activity_id, team_id=team_id))


def get_activity_row(session: Session, activity_id: str) -> Activity:
    a = session.get(Activity, activity_id)
    if a is None or a.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such activity."))
    return a


# --- use cases -----------------------------------------------------------------------------


def add_activity(session: Session, actor: Actor, data: ActivityData) -> Activity:
    """Step of a larger action (create, demo): one planned activity."""
    data = _clean(session, data, load_policy(session))
    a = Activity(
        recorder_id=actor.operator_id,
        recorder_name=actor.display_name,
        state=ActivityState.PLANNED.value,
    )
    _apply(a, data)
    session.add(a)
    session.flush()
    _set_teams(session, a.id, data.team_ids)
    audit.record(
        session,
        actor,
        "activity.create",
        "activity",
        a.id,
        after={**_public(a), "teams": list(data.team_ids)},
    )
    return a


def create_activity(db: Database, actor: Actor, data: ActivityData) -> ActivityView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        return activity_view(session, add_activity(session, actor, data))


def update_activity(
    db: Database, actor: Actor, activity_id: str, data: ActivityData
) -> ActivityView:
    """Edit an activity; a closed one's schedule and hours cap are fixed (hours depend on them)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        a = get_activity_row(session, activity_id)
        data = _clean(session, data, load_policy(session))
        if a.state == ActivityState.CLOSED.value and (
            data.starts_at != a.starts_at
            or data.ends_at != a.ends_at
            or data.hours_cap_minutes != a.hours_cap_minutes
        ):
            raise ActivityRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The activity is closed: its times and hours cap can no longer change, "
                    "because the volunteers' hours were counted with them.",
                )
            )
        before = _public(a)
        _apply(a, data)
        _set_teams(session, a.id, data.team_ids)
        audit.record(
            session,
            actor,
            "activity.update",
            "activity",
            a.id,
            before=before,
            after={**_public(a), "teams": list(data.team_ids)},
        )
        return activity_view(session, a)


def open_activity(db: Database, actor: Actor, activity_id: str) -> ActivityView:
    """Start taking scans (the kiosk opens on an open activity)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        a = get_activity_row(session, activity_id)
        if a.state == ActivityState.CLOSED.value:
            raise ActivityRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "The activity is closed. Ask the station head to reopen it."
                )
            )
        if a.state != ActivityState.OPEN.value:
            a.state = ActivityState.OPEN.value
            audit.record(session, actor, "activity.open", "activity", a.id)
        return activity_view(session, a)


def sign_out(
    session: Session,
    actor: Actor,
    activity: Activity,
    presence: Presence,
    event: ScanEvent,
    at: datetime,
    policy: VolunteerPolicy,
    *,
    source: RecordSource = RecordSource.SCAN,
    review: tuple[str, ...] = (),
) -> service_hours.Counted:
    """Step of a scan or a close: end a presence and write its pending hours record."""
    counted = service_hours.count_minutes(activity, presence.in_at, at, policy)
    flags = tuple(dict.fromkeys((*review, *(f for f in counted.flags if f != "capped"))))
    presence.state = PresenceState.OUT.value
    presence.out_event_id = event.id
    presence.out_at = at
    presence.minutes = counted.minutes
    presence.review_reason = ",".join(flags)[:60]
    service_hours.add_record(
        session,
        actor,
        presence.volunteer_id,
        source=source,
        service_date=presence.in_at.date(),
        minutes=counted.minutes,
        raw_minutes=counted.raw_minutes,
        activity_id=activity.id,
        presence_id=presence.id,
        started_at=presence.in_at,
        ended_at=at,
        content=activity.title,
        review_reason=presence.review_reason,
    )
    return counted


def close_activity(db: Database, actor: Actor, activity_id: str, now: datetime) -> CloseResult:
    """End the activity: everyone still present is signed out and flagged for review."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        a = get_activity_row(session, activity_id)
        if a.state == ActivityState.CLOSED.value:
            raise ActivityRefused(QT_TRANSLATE_NOOP("errors", "The activity is already closed."))
        policy = load_policy(session)
        present = list(
            session.scalars(
                select(Presence)
                .where(Presence.activity_id == a.id, Presence.state == PresenceState.PRESENT.value)
                .order_by(Presence.in_at)
            )
        )
        last_scan = session.scalar(
            select(func.max(ScanEvent.scanned_at)).where(ScanEvent.activity_id == a.id)
        )
        for presence in present:
            review = [CLOSED_FLAG]
            if last_scan is not None and now < last_scan:
                review.append("clock_back")
            name = (
                session.scalar(select(Volunteer.name).where(Volunteer.id == presence.volunteer_id))
                or ""
            )
            event = ScanEvent(
                id=new_id(),
                activity_id=a.id,
                scanned_at=now,
                origin="close",
                mode="",
                payload="",
                card_kind="V",
                subject_id=presence.volunteer_id,
                person_name=name,
                action=ScanAction.SIGN_OUT.value,
                status=ScanStatus.AMBER.value,
                reason="closed",
                message=QT_TRANSLATE_NOOP(
                    "kiosk", "{name} was signed out when the activity closed"
                ),
                args=json.dumps({"_": {"name": name}}, ensure_ascii=False),
                flags=",".join(review),
                presence_id=presence.id,
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
            session.add(event)
            session.flush()  # before the presence names it (no relationship() orders them)
            # Out at the close or the scheduled end, whichever is earlier; a clock set
            # back before the sign-in is passed through and counts 0 (flagged).
            at = max(min(now, a.ends_at), presence.in_at) if now >= presence.in_at else now
            sign_out(
                session,
                actor,
                a,
                presence,
                event,
                at,
                policy,
                source=RecordSource.CLOSE,
                review=tuple(review),
            )
        a.state = ActivityState.CLOSED.value
        a.closed_at = now
        audit.record(
            session,
            actor,
            "activity.close",
            "activity",
            a.id,
            after={"closed_at": now.isoformat(timespec="seconds"), "signed_out": len(present)},
        )
        return CloseResult(activity_view(session, a), len(present))


def reopen_activity(db: Database, actor: Actor, activity_id: str, reason: str) -> ActivityView:
    """Undo a mistaken close: scans are taken again; sign-outs made by the close stay."""
    require(actor, Permission.VOID)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        a = get_activity_row(session, activity_id)
        if a.state != ActivityState.CLOSED.value:
            raise ActivityRefused(QT_TRANSLATE_NOOP("errors", "The activity is not closed."))
        a.state = ActivityState.OPEN.value
        audit.record(session, actor, "activity.reopen", "activity", a.id, after={"reason": reason})
        return activity_view(session, a)


def cancel_activity(db: Database, actor: Actor, activity_id: str, reason: str) -> None:
    """Withdraw a planned activity nobody has scanned into (a tombstone)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        a = get_activity_row(session, activity_id)
        scanned = session.scalar(select(ScanEvent.id).where(ScanEvent.activity_id == a.id).limit(1))
        if scanned is not None or a.state == ActivityState.CLOSED.value:
            raise ActivityRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "People have already scanned in; the activity can only be closed."
                )
            )
        a.deleted = True
        audit.record(
            session,
            actor,
            "activity.cancel",
            "activity",
            a.id,
            before=_public(a),
            after={"reason": reason.strip()},
        )


# --- reading -------------------------------------------------------------------------------


def get_activity(db: Database, activity_id: str) -> ActivityView:
    with db.read() as session:
        return activity_view(session, get_activity_row(session, activity_id))


def month_range(month: str) -> tuple[datetime, datetime]:
    """``"2026-05"`` -> [2026-05-01 00:00, 2026-06-01 00:00)."""
    try:
        year, mon = (int(p) for p in month.split("-"))
        start = datetime(year, mon, 1)
    except ValueError as err:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A month is written like 2026-05."),
        ) from err
    end = datetime(year + (mon == 12), mon % 12 + 1, 1)
    return start, end


def _filtered(query: Select, flt: ActivityFilter) -> Select:
    query = query.where(Activity.deleted.is_(False))
    if flt.month:
        start, end = month_range(flt.month)
        query = query.where(Activity.starts_at >= start, Activity.starts_at < end)
    if flt.category:
        query = query.where(Activity.category == text_input.clean_search(flt.category))
    if flt.platform:
        query = query.where(Activity.platform == text_input.clean_search(flt.platform))
    if flt.state:
        query = query.where(Activity.state == text_input.clean_search(flt.state))
    text = text_input.clean_search(flt.text)
    if text:
        query = query.where(text_input.contains(Activity.title, text))
    return query


_ROW_COLUMNS = (
    Activity.id,
    Activity.title,
    Activity.category,
    Activity.platform,
    Activity.place,
    Activity.starts_at,
    Activity.ends_at,
    Activity.state,
)


def count_activities(db: Database, flt: ActivityFilter | None = None) -> int:
    with db.read() as session:
        return (
            session.scalar(
                _filtered(select(func.count()).select_from(Activity), flt or ActivityFilter())
            )
            or 0
        )


def _fetch_in(
    session: Session, offset: int, limit: int, flt: ActivityFilter | None = None
) -> list[ActivityRow]:
    query = (
        _filtered(select(*_ROW_COLUMNS), flt or ActivityFilter())
        .order_by(Activity.starts_at.desc(), Activity.id.desc())
        .offset(max(0, offset))
        .limit(max(0, min(limit, 1000)))
    )
    return [ActivityRow(*r) for r in session.execute(query).all()]


def fetch_activities(
    db: Database, offset: int, limit: int, flt: ActivityFilter | None = None
) -> list[ActivityRow]:
    """A window of activities, latest first."""
    with db.read() as session:
        return _fetch_in(session, offset, limit, flt)


def quota_in(session: Session, month: str) -> QuotaProgress:
    """The month's quota progress inside the caller's read (the dashboard's)."""
    start, end = month_range(month)
    policy = load_policy(session)
    base = (
        select(func.count())
        .select_from(Activity)
        .where(Activity.deleted.is_(False), Activity.starts_at >= start, Activity.starts_at < end)
    )
    total = session.scalar(base) or 0
    theory = session.scalar(base.where(Activity.platform == policy.theory_platform)) or 0
    return QuotaProgress(
        month, total, policy.monthly_min_activities, theory, policy.monthly_min_theory
    )


def quota_progress(db: Database, month: str) -> QuotaProgress:
    """How many activities (and 理论宣讲 ones) a month has against the quotas.

    Every activity not cancelled counts, planned ones included: the worker plans
    against the quota; the township report counts held (closed) ones separately.
    """
    with db.read() as session:
        return quota_in(session, month)


@dataclass(frozen=True)
class MonthOverview:
    """The activities page's month: the quota progress and the month's activities."""

    quota: QuotaProgress
    rows: tuple[ActivityRow, ...]


def month_overview(db: Database, month: str) -> MonthOverview:
    """A month's quota progress and activities (latest first, at most 1000), in one read."""
    with db.read() as session:
        return MonthOverview(
            quota_in(session, month),
            tuple(_fetch_in(session, 0, 1000, ActivityFilter(month=month))),
        )


@dataclass(frozen=True)
class ActivityFile:
    """One activity with its counts and photos, as its detail panel shows it."""

    activity: ActivityView
    stats: ActivityStats
    photos: tuple[PhotoView, ...]


def activity_file(db: Database, activity_id: str) -> ActivityFile:
    """An activity, its counts and its photos, in one read."""
    with db.read() as session:
        return ActivityFile(
            activity_view(session, get_activity_row(session, activity_id)),
            stats_in_session(session, activity_id),
            tuple(_photos_in(session, activity_id)),
        )


def activity_stats(db: Database, activity_id: str) -> ActivityStats:
    with db.read() as session:
        return stats_in_session(session, activity_id)


def stats_in_session(session: Session, activity_id: str) -> ActivityStats:
    live = (Presence.activity_id == activity_id, Presence.state != PresenceState.ANNULLED.value)
    volunteers = (
        session.scalar(select(func.count(func.distinct(Presence.volunteer_id))).where(*live)) or 0
    )
    present = (
        session.scalar(
            select(func.count())
            .select_from(Presence)
            .where(
                Presence.activity_id == activity_id, Presence.state == PresenceState.PRESENT.value
            )
        )
        or 0
    )
    minutes = (
        session.scalar(
            select(func.coalesce(func.sum(ServiceRecordState.minutes), 0)).where(
                ServiceRecordState.activity_id == activity_id,
                ServiceRecordState.status != "rejected",
            )
        )
        or 0
    )
    households = (
        session.scalar(
            select(func.count())
            .select_from(Participation)
            .where(Participation.activity_id == activity_id, Participation.annulled.is_(False))
        )
        or 0
    )
    return ActivityStats(volunteers, present, households, int(minutes))


# --- photos --------------------------------------------------------------------------------


def _photo_view(p: ActivityPhoto) -> PhotoView:
    return PhotoView(p.id, p.activity_id, p.path, p.original_name, p.caption, p.size_bytes)


def add_photo(
    db: Database,
    actor: Actor,
    photos_root: Path,
    activity_id: str,
    source: Path,
    caption: str = "",
) -> PhotoView:
    """Copy a chosen picture into the data folder and record it with the activity."""
    require(actor, Permission.DAILY_WORK)
    source = Path(source)
    photos.check_photo(source)
    with db.read() as session:
        get_activity_row(session, activity_id)
    photo_id = new_id()
    with (
        photos.stored_photo(source, photos_root, activity_id, photo_id) as copied,
        db.write() as session,
    ):
        get_activity_row(session, activity_id)
        photo = _record_photo(session, actor, activity_id, photo_id, source, copied, caption)
        return _photo_view(photo)


def _record_photo(
    session: Session,
    actor: Actor,
    activity_id: str,
    photo_id: str,
    source: Path,
    copied: photos.CopiedPhoto,
    caption: str = "",
) -> ActivityPhoto:
    """One stored picture's row and its audit entry (a step of a photo action)."""
    photo = ActivityPhoto(
        id=photo_id,
        activity_id=activity_id,
        path=copied.path,
        original_name=source.name[:200],
        caption=caption.strip()[:200],
        size_bytes=copied.size_bytes,
        sha256=copied.sha256,
    )
    session.add(photo)
    session.flush()
    audit.record(
        session,
        actor,
        "activity.photo_add",
        "activity",
        activity_id,
        after={"photo": photo.path, "name": photo.original_name},
    )
    return photo


def add_photos(
    db: Database, actor: Actor, photos_root: Path, activity_id: str, sources: Sequence[str | Path]
) -> int:
    """Several chosen pictures at once: all are copied and recorded in one
    transaction, or none (a refused one leaves no copy behind); returns how many."""
    require(actor, Permission.DAILY_WORK)
    files = [Path(source) for source in sources]
    with db.read() as session:
        get_activity_row(session, activity_id)
    with photos.stored_photos(files, photos_root, activity_id) as copies, db.write() as session:
        get_activity_row(session, activity_id)
        for source, copied, photo_id in copies:
            _record_photo(session, actor, activity_id, photo_id, source, copied)
    return len(files)


def remove_photo(db: Database, actor: Actor, photo_id: str) -> None:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        photo = session.get(ActivityPhoto, photo_id)
        if photo is None or photo.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such photo."))
        photo.deleted = True
        audit.record(
            session,
            actor,
            "activity.photo_remove",
            "activity",
            photo.activity_id,
            before={"photo": photo.path},
        )


def _photos_in(session: Session, activity_id: str) -> list[PhotoView]:
    rows = session.scalars(
        select(ActivityPhoto)
        .where(ActivityPhoto.activity_id == activity_id, ActivityPhoto.deleted.is_(False))
        .order_by(ActivityPhoto.created_at, ActivityPhoto.id)
    )
    return [_photo_view(p) for p in rows]


def list_photos(db: Database, activity_id: str) -> list[PhotoView]:
    with db.read() as session:
        return _photos_in(session, activity_id)


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
