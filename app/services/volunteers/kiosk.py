"""签到机 — the sign-in kiosk: one scan in, one coloured result out, one ledger row.

:func:`scan` is the whole kiosk in one transaction.  Its rules, in order:

1. **Duplicate window.**  The same payload scanned again at the same activity
   within ``duplicate_window_seconds`` (policy, 5 s) of the previous scan — by the
   ``now`` the kiosk passes, never the PC clock read here — returns the earlier
   result with ``duplicate=True`` and writes nothing (a scanner's double read,
   a nervous second scan).
2. **Every other scan writes exactly one ``ScanEvent``** (append-only), refused
   ones included, holding the result shown (status, message, args) and flags.
3. **Activity state**: a closed activity (red ``closed``) or one not opened yet
   (red ``not_open``) takes no attendance.
4. **The card**, through the one card resolver (app.services.cards.resolve_in),
   whose error names the case: not our format (red ``malformed``); bad MAC on
   one of *our* card ids: altered (``forged``); bad MAC on an id we never made:
   a card of another township or a damaged code (``foreign``); well signed but
   not in this database: another station of the same township (shared key) —
   red ``unknown``, register the person here; a card row of another station
   that this database holds (``other_station``); a replaced or cancelled card
   (``revoked``); a certificate or slip code (``not_a_card``); a household card
   where the activity takes volunteers only (``household_not_allowed``).
5. **Volunteer card**: inactive volunteer (red).  Mode *in*: sign in (green) or
   amber ``already_in``.  Mode *out*: sign out (green) or red
   ``not_signed_in`` (sign-out without sign-in).  Mode *auto*: not present →
   sign in; present for at least ``min_stay_minutes`` → sign out; present for
   less → amber ``confirm_out`` ("already signed in at 08:32 — scan again to
   sign out?"), and a scan of the same card after the duplicate window and
   within ``confirm_window_seconds`` of that amber result signs out.  With a
   per-day cap (policy ``max_signins_per_day``, off by default) a sign-in beyond
   that many at the activity on the scan's day is red ``too_many_signins``.
6. **Clock set back.**  A scan whose ``now`` is earlier than the activity's latest
   scan is flagged ``clock_back`` on its event; a sign-out earlier than its
   sign-in counts 0 minutes (never negative) and its record is flagged for the
   reviewer (app.services.volunteers.hours.count_minutes).
7. **Household card** (where the activity takes households): the household's
   participation (户次) is recorded once per activity and the activity's points rule is awarded once,
   through the points ledger with ``link_type="activity"``; a second scan is
   amber ``household_repeat`` and awards nothing.  Points the ledger refuses
   (cap reached, period finalized, rule withdrawn) leave the participation
   recorded, amber, with the reason.

A mistaken scan is annulled by :func:`annul_scan` (an event naming it): a
sign-in's presence and a sign-out's pending hours are withdrawn, a household's
points reversed.  Hours already approved are corrected in service_hours
instead.  Kiosk results carry an untranslated message in the ``kiosk``
context; :meth:`ScanResult.text` translates it.

Speed: each scan is a handful of indexed lookups — (activity, payload) for the
duplicate window, (activity, scanned_at) for the clock check, the card and the
person by primary key, (activity, volunteer) for the presence — plus one
INSERT and one audit entry for a change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, hours_text, translate
from app.ids import new_id
from app.models import (
    Activity,
    ActivityState,
    Household,
    Participation,
    PointEntry,
    Presence,
    PresenceState,
    RecordStatus,
    ScanAction,
    ScanEvent,
    ScanStatus,
    ServiceRecordState,
    Volunteer,
    VolunteerStatus,
)
from app.services import audit, cards, points, text_input
from app.services.activities import get_activity_row, sign_out, stats_in_session
from app.services.auth import Actor, Permission, require
from app.services.volunteers import hours as service_hours
from app.services.volunteers.people import VolunteerPolicy, load_policy

MODES = ("in", "out", "auto")
KIOSK = "kiosk"
LINK_ACTIVITY = "activity"
MAX_PAYLOAD = 120

_M = {
    "signed_in": QT_TRANSLATE_NOOP("kiosk", "{name} signed in at {time}"),
    "signed_out": QT_TRANSLATE_NOOP(
        "kiosk", "{name} signed out: {hours} h counted today, {total} h approved in all"
    ),
    "signed_out_review": QT_TRANSLATE_NOOP(
        "kiosk", "{name} signed out; the time looks wrong and will be checked by the station"
    ),
    "already_in": QT_TRANSLATE_NOOP("kiosk", "{name} is already signed in (since {time})"),
    "too_many_signins": QT_TRANSLATE_NOOP(
        "kiosk",
        "{name} has already signed in {count} times at this activity today, the most allowed.",
    ),
    "confirm_out": QT_TRANSLATE_NOOP(
        "kiosk", "{name} already signed in at {time} — scan again to sign out?"
    ),
    "not_signed_in": QT_TRANSLATE_NOOP(
        "kiosk", "{name} has not signed in, so cannot sign out. Switch to sign-in."
    ),
    "closed": QT_TRANSLATE_NOOP("kiosk", "This activity is closed; scans are no longer taken."),
    "not_open": QT_TRANSLATE_NOOP("kiosk", "This activity has not been opened for sign-in yet."),
    "malformed": QT_TRANSLATE_NOOP(
        "kiosk", "This is not a station card. Switch the input method to English and scan again."
    ),
    "forged": QT_TRANSLATE_NOOP(
        "kiosk", "This card has been altered and is not valid. Keep it and tell the station head."
    ),
    "foreign": QT_TRANSLATE_NOOP(
        "kiosk",
        "This card was not issued in this township (or the code is damaged). "
        "Look the person up by name.",
    ),
    "unknown": QT_TRANSLATE_NOOP(
        "kiosk",
        "This card is from another station and the person is not registered here. "
        "Look them up by name or register them.",
    ),
    "other_station": QT_TRANSLATE_NOOP(
        "kiosk",
        "This card belongs to another station and cannot be used here. Please see the staff.",
    ),
    "revoked": QT_TRANSLATE_NOOP(
        "kiosk", "This card was replaced or cancelled and no longer works. Please see the staff."
    ),
    "not_a_card": QT_TRANSLATE_NOOP(
        "kiosk", "This is a certificate or slip code, not a card for signing in."
    ),
    "inactive": QT_TRANSLATE_NOOP(
        "kiosk", "{name} is marked as an inactive volunteer. Please see the staff."
    ),
    "household_not_allowed": QT_TRANSLATE_NOOP(
        "kiosk", "This is a household card; this activity takes volunteer cards only."
    ),
    "household_closed": QT_TRANSLATE_NOOP(
        "kiosk", "Household {number} is closed and cannot take part. Please see the staff."
    ),
    "household": QT_TRANSLATE_NOOP(
        "kiosk", "Household {number} ({name}) recorded: +{points} points"
    ),
    "household_no_rule": QT_TRANSLATE_NOOP("kiosk", "Household {number} ({name}) recorded"),
    "household_no_points": QT_TRANSLATE_NOOP(
        "kiosk", "Household {number} ({name}) recorded, but no points: {why}"
    ),
    "household_repeat": QT_TRANSLATE_NOOP(
        "kiosk", "Household {number} ({name}) is already recorded for this activity"
    ),
    "annulled": QT_TRANSLATE_NOOP("kiosk", "The scan of {name} at {time} was annulled"),
}


class KioskRefused(DomainError):
    """An annulment (or manual action) the kiosk's records do not allow."""


@dataclass(frozen=True)
class ScanResult:
    """What the kiosk shows after a scan."""

    status: str  # ScanStatus: green, amber, red
    reason: str  # machine-readable outcome (see the module docstring)
    kind: str  # card kind: "V", "H" or ""
    message: str  # untranslated, context "kiosk"
    args: dict[str, Any]
    person_name: str = ""
    action: str = ScanAction.NONE.value
    signed_in_at: datetime | None = None
    signed_out_at: datetime | None = None
    activity_minutes: int = 0  # this volunteer's counted minutes at this activity so far
    total_minutes: int = 0  # the volunteer's approved minutes in all
    points: int = 0  # points a household card earned with this scan
    flags: tuple[str, ...] = ()
    wrote: bool = True  # False: a duplicate within the window; nothing was written
    duplicate: bool = False
    event_id: str = ""

    @property
    def text(self) -> str:
        return translate(KIOSK, self.message, **self.args)


@dataclass
class _Outcome:
    status: ScanStatus
    reason: str
    args: dict[str, Any] = field(default_factory=dict)
    kind: str = ""
    card_id: str | None = None
    subject_id: str | None = None
    person_name: str = ""
    action: ScanAction = ScanAction.NONE
    presence_id: str | None = None
    signed_in_at: datetime | None = None
    signed_out_at: datetime | None = None
    activity_minutes: int = 0
    total_minutes: int = 0
    points: int = 0
    message_key: str = ""
    entry: PointEntry | None = None


def _hm(at: datetime | None) -> str:
    return at.strftime("%H:%M") if at else ""


def _result_of(event: ScanEvent, *, duplicate: bool = False) -> ScanResult:
    extra = json.loads(event.args or "{}")
    args = extra.pop("_", {})
    return ScanResult(
        status=event.status,
        reason=event.reason,
        kind=event.card_kind,
        message=event.message,
        args=args,
        person_name=event.person_name,
        action=event.action,
        signed_in_at=_dt(extra.get("in")),
        signed_out_at=_dt(extra.get("out")),
        activity_minutes=int(extra.get("am", 0)),
        total_minutes=int(extra.get("tm", 0)),
        points=int(extra.get("pts", 0)),
        flags=tuple(f for f in event.flags.split(",") if f),
        wrote=not duplicate,
        duplicate=duplicate,
        event_id=event.id,
    )


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _event(
    ctx: _Ctx, o: _Outcome, flags: list[str], *, origin: str = "scan", annuls: str | None = None
) -> ScanEvent:
    """The event row of *o*, with everything the result needs (the row is never updated)."""
    key = o.message_key or o.reason
    payload_args: dict[str, Any] = {
        "_": o.args,
        "in": o.signed_in_at.isoformat() if o.signed_in_at else None,
        "out": o.signed_out_at.isoformat() if o.signed_out_at else None,
        "am": o.activity_minutes,
        "tm": o.total_minutes,
        "pts": o.points,
    }
    event = ScanEvent(
        id=new_id(),
        activity_id=ctx.activity.id,
        scanned_at=ctx.now,
        origin=origin,
        mode=ctx.mode,
        payload=ctx.payload,
        card_id=o.card_id,
        card_kind=o.kind,
        subject_id=o.subject_id,
        person_name=o.person_name[:50],
        action=o.action.value,
        status=o.status.value,
        reason=o.reason,
        message=_M[key],
        args=json.dumps(payload_args, ensure_ascii=False, sort_keys=True),
        flags=",".join(dict.fromkeys(flags))[:60],
        presence_id=o.presence_id,
        annuls_id=annuls,
        operator_id=ctx.actor.operator_id,
        operator_name=ctx.actor.display_name,
    )
    ctx.session.add(event)
    # Written now: rows that name it (presence, participation) have no relationship()
    # for the unit of work to order by.
    ctx.session.flush()
    return event


@dataclass
class _Ctx:
    session: Session
    actor: Actor
    activity: Activity
    policy: VolunteerPolicy
    now: datetime
    mode: str
    payload: str
    points_settings: points.PointsSettings | None
    flags: list[str] = field(default_factory=list)


# --- the scan --------------------------------------------------------------------------------


def scan(
    db: Database,
    actor: Actor,
    card_key: bytes,
    activity_id: str,
    payload: str,
    mode: str,
    now: datetime,
    *,
    points_settings: points.PointsSettings | None = None,
) -> ScanResult:
    """One kiosk scan at *activity_id* (see the module docstring for every rule)."""
    require(actor, Permission.DAILY_WORK)
    if mode not in MODES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The kiosk mode must be in, out or auto.")
        )
    text = cards.normalize_scan(text_input.clean_scan(payload))[:MAX_PAYLOAD]
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Nothing was scanned."))
    now = now.replace(tzinfo=None)
    with db.write() as session:
        activity = get_activity_row(session, activity_id)
        policy = load_policy(session)
        previous = session.scalar(
            select(ScanEvent)
            .where(
                ScanEvent.activity_id == activity.id,
                ScanEvent.payload == text,
                ScanEvent.origin == "scan",
            )
            .order_by(ScanEvent.change_seq.desc(), ScanEvent.id.desc())
            .limit(1)
        )
        if previous is not None:
            elapsed = (now - previous.scanned_at).total_seconds()
            if 0 <= elapsed < policy.duplicate_window_seconds:
                return _result_of(previous, duplicate=True)
        ctx = _Ctx(session, actor, activity, policy, now, mode, text, points_settings)
        last = session.scalar(
            select(func.max(ScanEvent.scanned_at)).where(ScanEvent.activity_id == activity.id)
        )
        if last is not None and now < last:
            ctx.flags.append("clock_back")
        outcome = _process(ctx, card_key)
        event = _event(ctx, outcome, ctx.flags)
        _after_event(ctx, outcome, event)
        return _result_of(event)


def _activity_refusal(ctx: _Ctx) -> _Outcome | None:
    state = ctx.activity.state
    if state == ActivityState.CLOSED.value:
        return _Outcome(ScanStatus.RED, "closed")
    if state != ActivityState.OPEN.value:
        return _Outcome(ScanStatus.RED, "not_open")
    return None


def _process(ctx: _Ctx, card_key: bytes) -> _Outcome:
    refused = _activity_refusal(ctx)
    if refused is not None:
        return refused
    volunteers_only = not ctx.activity.allow_households
    try:
        card = cards.resolve_in(
            ctx.session,
            card_key,
            ctx.payload,
            want=cards.CardKind.VOLUNTEER if volunteers_only else None,
        )
    except cards.CardError as err:
        reason = err.reason
        if isinstance(err, cards.NotAVolunteerCard):
            reason = "household_not_allowed"
        elif reason not in _M:
            reason = "malformed"
        return _Outcome(
            ScanStatus.RED,
            reason,
            kind=err.kind,
            card_id=err.card_id,
            subject_id=err.subject_id,
        )
    base = _Outcome(
        ScanStatus.RED, "", kind=card.kind, card_id=card.card_id, subject_id=card.subject_id
    )
    if card.kind == cards.CardKind.VOLUNTEER.value:
        return _volunteer(ctx, base)
    return _household(ctx, base)


def _open_presence(session: Session, activity_id: str, volunteer_id: str) -> Presence | None:
    return session.scalar(
        select(Presence)
        .where(
            Presence.activity_id == activity_id,
            Presence.volunteer_id == volunteer_id,
            Presence.state == PresenceState.PRESENT.value,
        )
        .order_by(Presence.in_at.desc())
        .limit(1)
    )


def _activity_minutes(session: Session, activity_id: str, volunteer_id: str) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Presence.minutes), 0)).where(
                Presence.activity_id == activity_id,
                Presence.volunteer_id == volunteer_id,
                Presence.state == PresenceState.OUT.value,
            )
        )
        or 0
    )


def _volunteer(ctx: _Ctx, o: _Outcome) -> _Outcome:
    v = ctx.session.get(Volunteer, o.subject_id)
    if v is None or v.deleted:
        o.reason = "unknown"
        return o
    o.person_name = v.name
    o.args = {"name": v.name}
    o.total_minutes = v.approved_minutes
    if v.status != VolunteerStatus.ACTIVE.value:
        o.reason = "inactive"
        return o
    presence = _open_presence(ctx.session, ctx.activity.id, v.id)
    o.activity_minutes = _activity_minutes(ctx.session, ctx.activity.id, v.id)
    if presence is None:
        if ctx.mode == "out":
            o.reason = "not_signed_in"
            return o
        limit = ctx.policy.max_signins_per_day
        if limit and _signins_today(ctx, v.id) >= limit:
            o.reason, o.args["count"] = "too_many_signins", limit
            return o
        return _sign_in(ctx, o)
    o.signed_in_at = presence.in_at
    o.presence_id = presence.id
    o.args["time"] = _hm(presence.in_at)
    if ctx.mode == "in":
        o.status, o.reason = ScanStatus.AMBER, "already_in"
        return o
    if ctx.mode == "auto" and ctx.now >= presence.in_at:
        stayed = (ctx.now - presence.in_at).total_seconds()
        if stayed < ctx.policy.min_stay_minutes * 60 and not _confirming(ctx, presence):
            o.status, o.reason = ScanStatus.AMBER, "confirm_out"
            return o
    return _sign_out(ctx, o, presence)


def _signins_today(ctx: _Ctx, volunteer_id: str) -> int:
    """Sign-ins (not annulled) of *volunteer_id* at this activity on the scan's day."""
    day = datetime.combine(ctx.now.date(), datetime.min.time())
    return int(
        ctx.session.scalar(
            select(func.count(Presence.id)).where(
                Presence.activity_id == ctx.activity.id,
                Presence.volunteer_id == volunteer_id,
                Presence.state != PresenceState.ANNULLED.value,
                Presence.in_at >= day,
                Presence.in_at < day + timedelta(days=1),
            )
        )
        or 0
    )


def _confirming(ctx: _Ctx, presence: Presence) -> bool:
    """Is this scan the "scan again" answer to an amber ``confirm_out`` for *presence*?"""
    last = ctx.session.scalar(
        select(ScanEvent)
        .where(ScanEvent.activity_id == ctx.activity.id, ScanEvent.payload == ctx.payload)
        .order_by(ScanEvent.change_seq.desc(), ScanEvent.id.desc())
        .limit(1)
    )
    if last is None or last.reason != "confirm_out" or last.presence_id != presence.id:
        return False
    elapsed = (ctx.now - last.scanned_at).total_seconds()
    return 0 <= elapsed <= ctx.policy.confirm_window_seconds


def _sign_in(ctx: _Ctx, o: _Outcome) -> _Outcome:
    o.status, o.reason, o.action = ScanStatus.GREEN, "signed_in", ScanAction.SIGN_IN
    o.presence_id = new_id()
    o.signed_in_at = ctx.now
    o.args["time"] = _hm(ctx.now)
    return o


def _sign_out(ctx: _Ctx, o: _Outcome, presence: Presence) -> _Outcome:
    counted = service_hours.count_minutes(ctx.activity, presence.in_at, ctx.now, ctx.policy)
    ctx.flags.extend(f for f in counted.flags if f != "capped")
    o.action = ScanAction.SIGN_OUT
    o.signed_out_at = ctx.now
    o.activity_minutes += counted.minutes
    o.args["hours"] = hours_text(o.activity_minutes)
    o.args["total"] = hours_text(o.total_minutes)
    if "clock_back" in ctx.flags:
        o.status, o.reason, o.message_key = ScanStatus.AMBER, "clock_back", "signed_out_review"
    else:
        o.status, o.reason = ScanStatus.GREEN, "signed_out"
    return o


def _household(ctx: _Ctx, o: _Outcome) -> _Outcome:
    h = ctx.session.get(Household, o.subject_id)
    if h is None or h.deleted:
        o.reason = "unknown"
        return o
    o.person_name = h.head_name
    o.args = {"number": h.number, "name": h.head_name}
    if not h.active:
        o.reason = "household_closed"
        return o
    existing = ctx.session.scalar(
        select(Participation).where(
            Participation.activity_id == ctx.activity.id, Participation.household_id == h.id
        )
    )
    if existing is not None and not existing.annulled:
        o.status, o.reason = ScanStatus.AMBER, "household_repeat"
        o.points = 0
        return o
    # The award is tried before the event is built: the event row is never updated,
    # so its message must already say whether points were given.
    entry, why = award_activity_points(
        ctx.session, ctx.actor, h, ctx.activity, ctx.now.date(), ctx.points_settings
    )
    o.action = ScanAction.HOUSEHOLD
    o.status, o.reason = ScanStatus.GREEN, "household"
    if entry is not None:
        o.entry, o.points = entry, entry.points
        o.args["points"] = entry.points
    elif not ctx.activity.points_rule_code or why == "already":
        o.message_key = "household_no_rule"
    else:
        o.status, o.message_key = ScanStatus.AMBER, "household_no_points"
        o.args["why"] = why
    return o


def _after_event(ctx: _Ctx, o: _Outcome, event: ScanEvent) -> None:
    """The state changes a successful scan makes, after its event row exists."""
    session, actor, activity = ctx.session, ctx.actor, ctx.activity
    if o.action == ScanAction.SIGN_IN:
        assert o.subject_id and o.presence_id
        session.add(
            Presence(
                id=o.presence_id,
                activity_id=activity.id,
                volunteer_id=o.subject_id,
                state=PresenceState.PRESENT.value,
                in_event_id=event.id,
                in_at=ctx.now,
                minutes=0,
                review_reason=",".join(ctx.flags)[:60],
            )
        )
        audit.record(
            session,
            actor,
            "kiosk.sign_in",
            "volunteer",
            o.subject_id,
            after={"activity": activity.id, "event": event.id},
        )
    elif o.action == ScanAction.SIGN_OUT:
        presence = session.get(Presence, o.presence_id)
        assert presence is not None
        review = tuple(f for f in ctx.flags if f == "clock_back")
        sign_out(session, actor, activity, presence, event, ctx.now, ctx.policy, review=review)
        audit.record(
            session,
            actor,
            "kiosk.sign_out",
            "volunteer",
            presence.volunteer_id,
            after={"activity": activity.id, "event": event.id, "minutes": presence.minutes},
        )
    elif o.action == ScanAction.HOUSEHOLD:
        _record_household(ctx, o, event)


def _record_household(ctx: _Ctx, o: _Outcome, event: ScanEvent) -> None:
    """Participation once per activity (an annulled one is revived by a new scan)."""
    session, activity = ctx.session, ctx.activity
    assert o.subject_id is not None
    existing = session.scalar(
        select(Participation).where(
            Participation.activity_id == activity.id, Participation.household_id == o.subject_id
        )
    )
    entry_id = o.entry.id if o.entry is not None else None
    if existing is None:
        session.add(
            Participation(
                activity_id=activity.id,
                household_id=o.subject_id,
                scan_event_id=event.id,
                point_entry_id=entry_id,
                points=o.points,
                annulled=False,
                note="",
            )
        )
    else:
        existing.annulled = False
        existing.scan_event_id = event.id
        existing.point_entry_id = entry_id
        existing.points = o.points
    audit.record(
        session,
        ctx.actor,
        "kiosk.household",
        "household",
        o.subject_id,
        after={"activity": activity.id, "event": event.id, "points": o.points},
    )


def _live_activity_entry(
    session: Session, household_id: str, activity_id: str
) -> PointEntry | None:
    """The activity's points entry of the household that has not been reversed, if any."""
    reversed_ids = select(PointEntry.reverses_id).where(
        PointEntry.link_type == LINK_ACTIVITY,
        PointEntry.link_id == activity_id,
        PointEntry.household_id == household_id,
        PointEntry.reverses_id.is_not(None),
    )
    return session.scalar(
        select(PointEntry)
        .where(
            PointEntry.link_type == LINK_ACTIVITY,
            PointEntry.link_id == activity_id,
            PointEntry.household_id == household_id,
            PointEntry.reverses_id.is_(None),
            PointEntry.id.not_in(reversed_ids),
        )
        .limit(1)
    )


def manual_scan(
    db: Database,
    actor: Actor,
    activity_id: str,
    volunteer_id: str,
    mode: str,
    now: datetime,
) -> ScanResult:
    """The kiosk's fallback: a volunteer found by name instead of a card (same rules)."""
    require(actor, Permission.DAILY_WORK)
    if mode not in MODES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The kiosk mode must be in, out or auto.")
        )
    now = now.replace(tzinfo=None)
    with db.write() as session:
        activity = get_activity_row(session, activity_id)
        v = session.get(Volunteer, volunteer_id)
        if v is None or v.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer."))
        ctx = _Ctx(
            session, actor, activity, load_policy(session), now, mode, f"MANUAL:{v.number}", None
        )
        last = session.scalar(
            select(func.max(ScanEvent.scanned_at)).where(ScanEvent.activity_id == activity.id)
        )
        if last is not None and now < last:
            ctx.flags.append("clock_back")
        ctx.flags.append("manual")
        outcome = _activity_refusal(ctx) or _volunteer(
            ctx, _Outcome(ScanStatus.RED, "unknown", kind="V", subject_id=v.id)
        )
        event = _event(ctx, outcome, ctx.flags, origin="manual")
        _after_event(ctx, outcome, event)
        return _result_of(event)


# --- annulment, counts, the recent-scans list ----------------------------------------------


def _withdraw_hours(session: Session, actor: Actor, presence: Presence, reason: str) -> None:
    """Reject the pending hours record of a finished presence (approved ones are refused)."""
    state = session.scalar(
        select(ServiceRecordState)
        .join(
            service_hours.ServiceRecord,
            service_hours.ServiceRecord.id == ServiceRecordState.record_id,
        )
        .where(service_hours.ServiceRecord.presence_id == presence.id)
    )
    if state is None or state.status == RecordStatus.REJECTED.value:
        return
    if state.status == RecordStatus.APPROVED.value:
        raise KioskRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "The hours of this scan are already approved. Correct them on the service-hours "
                "page instead.",
            )
        )
    service_hours.decide(session, actor, state, RecordStatus.REJECTED, reason)


def annul_scan(db: Database, actor: Actor, event_id: str, reason: str, now: datetime) -> ScanResult:
    """作废: annul a mistaken scan with an event that names it; its effects are undone."""
    require(actor, Permission.DAILY_WORK)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    now = now.replace(tzinfo=None)
    with db.write() as session:
        ev = session.get(ScanEvent, event_id)
        if ev is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such scan."))
        activity = get_activity_row(session, ev.activity_id)
        if ev.origin == "annul":
            raise KioskRefused(QT_TRANSLATE_NOOP("errors", "An annulment cannot be annulled."))
        if session.scalar(select(ScanEvent.id).where(ScanEvent.annuls_id == ev.id)) is not None:
            raise KioskRefused(QT_TRANSLATE_NOOP("errors", "This scan was already annulled."))
        why = f"annulled: {reason}"[:200]
        if ev.action in (ScanAction.SIGN_IN.value, ScanAction.SIGN_OUT.value):
            presence = session.get(Presence, ev.presence_id) if ev.presence_id else None
            assert presence is not None
            if ev.action == ScanAction.SIGN_OUT.value:
                if activity.state == ActivityState.CLOSED.value:
                    raise KioskRefused(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The activity is closed; correct the hours on the service-hours "
                            "page instead.",
                        )
                    )
                if presence.state != PresenceState.OUT.value or presence.out_event_id != ev.id:
                    raise KioskRefused(
                        QT_TRANSLATE_NOOP("errors", "This sign-out was already undone.")
                    )
                _withdraw_hours(session, actor, presence, why)
                presence.state = PresenceState.ANNULLED.value
                session.add(  # the person is present again from the original sign-in
                    Presence(
                        activity_id=presence.activity_id,
                        volunteer_id=presence.volunteer_id,
                        state=PresenceState.PRESENT.value,
                        in_event_id=presence.in_event_id,
                        in_at=presence.in_at,
                        minutes=0,
                        review_reason="",
                    )
                )
            else:
                if presence.state == PresenceState.OUT.value:
                    _withdraw_hours(session, actor, presence, why)
                presence.state = PresenceState.ANNULLED.value
        elif ev.action == ScanAction.HOUSEHOLD.value:
            part = session.scalar(
                select(Participation).where(
                    Participation.activity_id == activity.id,
                    Participation.household_id == ev.subject_id,
                )
            )
            if part is not None and part.scan_event_id == ev.id and not part.annulled:
                part.annulled = True
                entry = (
                    session.get(PointEntry, part.point_entry_id) if part.point_entry_id else None
                )
                household = session.get(Household, part.household_id)
                if entry is not None and household is not None:
                    reverse_activity_points(session, actor, household, entry, why)
        ctx = _Ctx(session, actor, activity, load_policy(session), now, "", ev.payload, None)
        outcome = _Outcome(
            ScanStatus.GREEN,
            "annulled",
            {"name": ev.person_name, "time": _hm(ev.scanned_at)},
            kind=ev.card_kind,
            card_id=ev.card_id,
            subject_id=ev.subject_id,
            person_name=ev.person_name,
            action=ScanAction.ANNUL,
            presence_id=ev.presence_id,
        )
        event = _event(ctx, outcome, [], origin="annul", annuls=ev.id)
        audit.record(
            session,
            actor,
            "kiosk.annul",
            "scan_event",
            ev.id,
            before={"action": ev.action, "person": ev.person_name},
            after={"annulment": event.id, "reason": reason},
        )
        return _result_of(event)


@dataclass(frozen=True)
class LiveCounts:
    signed_in: int  # volunteers who signed in (annulled sign-ins excluded)
    present: int  # still present
    households: int  # 户次 recorded


def live_counts(db: Database, activity_id: str) -> LiveCounts:
    with db.read() as session:
        stats = stats_in_session(session, activity_id)
        return LiveCounts(stats.volunteers, stats.present, stats.households)


@dataclass(frozen=True)
class ScanRow:
    """One line of the kiosk's recent-scans list (and the annul dialog)."""

    id: str
    scanned_at: datetime
    origin: str
    person_name: str
    kind: str
    action: str
    status: str
    reason: str
    message: str
    args: dict[str, Any]
    flags: tuple[str, ...]
    annulled: bool

    @property
    def text(self) -> str:
        return translate(KIOSK, self.message, **self.args)


def recent_scans(db: Database, activity_id: str, limit: int = 20) -> list[ScanRow]:
    """The latest scans of an activity, newest first, each saying if it was annulled."""
    with db.read() as session:
        events = list(
            session.scalars(
                select(ScanEvent)
                .where(ScanEvent.activity_id == activity_id)
                .order_by(ScanEvent.change_seq.desc(), ScanEvent.id.desc())
                .limit(max(1, min(limit, 500)))
            )
        )
        ids = [e.id for e in events]
        annulled = (
            set(session.scalars(select(ScanEvent.annuls_id).where(ScanEvent.annuls_id.in_(ids))))
            if ids
            else set()
        )
        rows = []
        for e in events:
            result = _result_of(e)
            rows.append(
                ScanRow(
                    e.id,
                    e.scanned_at,
                    e.origin,
                    e.person_name,
                    e.card_kind,
                    e.action,
                    e.status,
                    e.reason,
                    e.message,
                    result.args,
                    result.flags,
                    e.id in annulled,
                )
            )
        return rows


# --- points adapter -------------------------------------------------------------------------


def award_activity_points(
    session: Session,
    actor: Actor,
    household: Household,
    activity: Activity,
    on: date,
    settings: points.PointsSettings | None,
) -> tuple[PointEntry | None, str]:
    """Award the activity's rule to *household* once, linked to the activity.

    Returns (entry, "") or (None, why not): a refusal (cap reached, period
    closed) must not fail the volunteer's scan, so it is reported, not raised.
    """
    if not activity.points_rule_code:
        return None, ""
    if _live_activity_entry(session, household.id, activity.id) is not None:
        return None, "already"
    settings = settings or points.PointsSettings()
    try:
        with session.begin_nested():  # a refusal leaves nothing behind
            entry = points.award_rule(
                session,
                actor,
                household,
                activity.points_rule_code,
                on=on,
                period=points.period_key(on, settings.period_kind),
                reason=activity.title[:100],
                link_type=LINK_ACTIVITY,
                link_id=activity.id,
            )
    except DomainError as err:
        return None, str(err)
    return entry, ""


def reverse_activity_points(
    session: Session, actor: Actor, household: Household, entry: PointEntry, reason: str
) -> PointEntry:
    """The compensating entry of an activity award (see award_activity_points)."""
    return points.post_reversal(session, actor, household, entry, reason)
