"""加分与扣分 — awarding catalogue rules, batches and their undo, reversals, adjustments.

Each function is one user action in one transaction, posting through
:func:`app.services.points.ledger.post_entry`.

* **Caps** (``cap_per_period``) limit the absolute points one household can
  get from one rule in one period; a batch that would exceed a cap is refused
  as a whole (naming the households) unless ``skip_capped`` is asked for.
* **Batches** (``point_batch``): a batch award is one transaction with one
  batch id; its undo is one reversing batch (a batch can be undone once — the
  UNIQUE ``reverses_batch_id`` guarantees it even against a race).
* An administrator's :func:`adjust` corrects outside the catalogue; a
  mistaken entry is reversed with :func:`reverse_entry`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, join_list
from app.ids import new_id
from app.models import EntryKind, Household, Member, PointBatch, PointEntry, PointRule
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.households import get_household_row
from app.services.points.ledger import (
    _CHUNK,
    EntryView,
    _already_reversed,
    _entry_view,
    _load_households,
    _unique,
    post_entry,
    post_reversal,
)
from app.services.points.periods import _check_open
from app.services.points.rules import MAX_RULE_POINTS, PointsRefused, _rule_by_code
from app.services.points.settings import PointsSettings, period_key

MAX_QUANTITY = 1000


class CapExceeded(PointsRefused):
    pass


class BatchAlreadyUndone(PointsRefused):
    pass


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    kind: str
    entry_count: int
    total_points: int
    skipped: tuple[str, ...] = ()  # household numbers left out (over the cap)


def _check_day(on: date | None) -> date:
    today = date.today()
    on = on or today
    if on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."), date=on.isoformat()
        )
    return on


def _check_quantity(quantity: int) -> None:
    if (
        not isinstance(quantity, int)
        or isinstance(quantity, bool)
        or not (1 <= quantity <= MAX_QUANTITY)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The quantity must be a whole number from 1 to {max}."),
            max=MAX_QUANTITY,
        )


def _rule_used(
    session: Session, rule: PointRule, period: str, household_ids: Sequence[str]
) -> dict[str, int]:
    """Points each household already has from *rule* in *period* (reversals net out)."""
    used: dict[str, int] = {}
    for i in range(0, len(household_ids), _CHUNK):
        chunk = household_ids[i : i + _CHUNK]
        rows = session.execute(
            select(PointEntry.household_id, func.sum(PointEntry.points))
            .where(
                PointEntry.household_id.in_(chunk),
                PointEntry.period == period,
                PointEntry.rule_id == rule.id,
            )
            .group_by(PointEntry.household_id)
        )
        used.update({h: int(s or 0) for h, s in rows})
    return used


def _cap_message() -> str:
    return QT_TRANSLATE_NOOP(
        "errors",
        "The cap for “{rule}” is {cap} points per period. In {period}, household {number} "
        "already has {used}, so {points} more would pass the cap.",
    )


def award_rule(
    session: Session,
    actor: Actor,
    household: Household,
    rule_code: str,
    *,
    on: date,
    period: str,
    quantity: int = 1,
    member: Member | None = None,
    reason: str = "",
    link_type: str = "",
    link_id: str = "",
) -> PointEntry:
    """Step of a larger action: post one catalogue rule to *household* in *session*.

    Checks the rule, the period and the rule's cap; raises (writing nothing) when
    one refuses.  ``award`` and the kiosk's activity points both go through here.
    """
    rule = _rule_by_code(session, rule_code)
    _check_open(session, period)
    points = rule.points * quantity
    if rule.cap_per_period is not None:
        used = _rule_used(session, rule, period, [household.id]).get(household.id, 0)
        if abs(used + points) > rule.cap_per_period:
            raise CapExceeded(
                _cap_message(),
                rule=rule.name,
                cap=rule.cap_per_period,
                period=period,
                number=household.number,
                used=abs(used),
                points=abs(points),
            )
    return post_entry(
        session,
        actor,
        household,
        kind=EntryKind.EARN if points > 0 else EntryKind.DEDUCT,
        points=points,
        period=period,
        occurred_on=on,
        scored=True,
        quantity=quantity,
        rule=rule,
        member=member,
        reason=reason.strip(),
        link_type=link_type,
        link_id=link_id,
    )


def award(
    db: Database,
    actor: Actor,
    household_id: str,
    rule_code: str,
    quantity: int = 1,
    member_id: str | None = None,
    reason: str = "",
    *,
    on: date | None = None,
    settings: PointsSettings | None = None,
) -> EntryView:
    """Award (or deduct, for a 扣分项) a catalogue rule to one household."""
    require(actor, Permission.DAILY_WORK)
    settings = settings or PointsSettings()
    _check_quantity(quantity)
    on = _check_day(on)
    period = period_key(on, settings.period_kind)
    with db.write() as session:
        household = get_household_row(session, household_id)
        member = None
        if member_id:
            member = session.get(Member, member_id)
            if member is None or member.household_id != household.id:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "That resident is not a member of this household.")
                )
        entry = award_rule(
            session,
            actor,
            household,
            rule_code,
            quantity=quantity,
            member=member,
            reason=reason,
            on=on,
            period=period,
        )
        rule_code, points = entry.rule_code, entry.points
        audit.record(
            session,
            actor,
            "points.award",
            "household",
            household.id,
            after={
                "number": household.number,
                "rule": rule_code,
                "points": points,
                "quantity": quantity,
                "member": entry.member_name,
                "period": period,
                "balance": household.balance,
                "reason": entry.reason,
            },
        )
        return _entry_view(entry)


def batch_award(
    db: Database,
    actor: Actor,
    household_ids: Sequence[str],
    rule_code: str,
    reason: str = "",
    *,
    quantity: int = 1,
    on: date | None = None,
    settings: PointsSettings | None = None,
    skip_capped: bool = False,
) -> BatchResult:
    """One rule for many households in one transaction, as one batch."""
    require(actor, Permission.DAILY_WORK)
    settings = settings or PointsSettings()
    _check_quantity(quantity)
    on = _check_day(on)
    period = period_key(on, settings.period_kind)
    ids = _unique(household_ids)
    if not ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please choose at least one household."))
    with db.write() as session:
        rule = _rule_by_code(session, rule_code)
        _check_open(session, period)
        households = _load_households(session, ids)
        points = rule.points * quantity
        skipped: list[str] = []
        if rule.cap_per_period is not None:
            used = _rule_used(session, rule, period, ids)
            over = [h for h in households if abs(used.get(h.id, 0) + points) > rule.cap_per_period]
            if over and not skip_capped:
                first = over[0]
                if len(over) == 1:
                    raise CapExceeded(
                        _cap_message(),
                        rule=rule.name,
                        cap=rule.cap_per_period,
                        period=period,
                        number=first.number,
                        used=abs(used.get(first.id, 0)),
                        points=abs(points),
                    )
                raise CapExceeded(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The cap for “{rule}” is {cap} points per period; {count} households "
                        "({numbers}) would pass it in {period}. Remove them or skip them.",
                    ),
                    rule=rule.name,
                    cap=rule.cap_per_period,
                    count=len(over),
                    period=period,
                    numbers=join_list(h.number for h in over[:10])
                    + ("…" if len(over) > 10 else ""),
                )
            skipped = [h.number for h in over]
            over_ids = {h.id for h in over}
            households = [h for h in households if h.id not in over_ids]
        if not households:
            raise CapExceeded(
                QT_TRANSLATE_NOOP(
                    "errors", "Every chosen household has reached the cap for “{rule}”."
                ),
                rule=rule.name,
            )
        batch = PointBatch(
            id=new_id(),
            kind="award",
            rule_code=rule.code,
            rule_name=rule.name,
            reason=reason.strip(),
            period=period,
            entry_count=len(households),
            total_points=points * len(households),
            operator_id=actor.operator_id,
            operator_name=actor.display_name,
        )
        session.add(batch)
        for household in households:
            post_entry(
                session,
                actor,
                household,
                kind=EntryKind.EARN if points > 0 else EntryKind.DEDUCT,
                points=points,
                period=period,
                occurred_on=on,
                scored=True,
                quantity=quantity,
                rule=rule,
                reason=batch.reason,
                batch_id=batch.id,
            )
        audit.record(
            session,
            actor,
            "points.batch_award",
            "point_batch",
            batch.id,
            after={
                "rule": rule.code,
                "points": points,
                "households": len(households),
                "total": batch.total_points,
                "period": period,
                "reason": batch.reason,
                "skipped": skipped,
            },
        )
        return BatchResult(
            batch.id, batch.kind, batch.entry_count, batch.total_points, tuple(skipped)
        )


def undo_batch(db: Database, actor: Actor, batch_id: str, reason: str) -> BatchResult:
    """Reverse every entry of a batch award with one reversing batch (once only)."""
    require(actor, Permission.DAILY_WORK)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        batch = session.get(PointBatch, batch_id)
        if batch is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such batch."))
        if batch.kind != "award":
            raise PointsRefused(
                QT_TRANSLATE_NOOP("errors", "Only a batch award can be undone this way.")
            )
        if session.scalar(select(PointBatch.id).where(PointBatch.reverses_batch_id == batch.id)):
            raise BatchAlreadyUndone(
                QT_TRANSLATE_NOOP("errors", "This batch has already been undone.")
            )
        _check_open(session, batch.period)
        entries = list(
            session.scalars(
                select(PointEntry).where(PointEntry.batch_id == batch.id).order_by(PointEntry.id)
            )
        )
        reversed_ids = _already_reversed(session, [e.id for e in entries])
        entries = [e for e in entries if e.id not in reversed_ids]
        households = {
            h.id: h for h in _load_households(session, _unique(e.household_id for e in entries))
        }
        undo = PointBatch(
            id=new_id(),
            kind="undo",
            rule_code=batch.rule_code,
            rule_name=batch.rule_name,
            reason=reason,
            period=batch.period,
            entry_count=len(entries),
            total_points=-sum(e.points for e in entries),
            operator_id=actor.operator_id,
            operator_name=actor.display_name,
            reverses_batch_id=batch.id,
        )
        session.add(undo)
        today = date.today()
        for e in entries:
            post_reversal(
                session, actor, households[e.household_id], e, reason, batch_id=undo.id, today=today
            )
        audit.record(
            session,
            actor,
            "points.undo_batch",
            "point_batch",
            undo.id,
            before={"batch": batch.id, "entries": batch.entry_count, "total": batch.total_points},
            after={"entries": undo.entry_count, "total": undo.total_points, "reason": reason},
        )
        return BatchResult(undo.id, undo.kind, undo.entry_count, undo.total_points)


def reverse_entry(db: Database, actor: Actor, entry_id: str, reason: str) -> EntryView:
    """Correct one mistaken award, deduction or adjustment with a reversing entry."""
    require(actor, Permission.VOID)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        original = session.get(PointEntry, entry_id)
        if original is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such points entry."))
        if original.kind not in (
            EntryKind.EARN,
            EntryKind.DEDUCT,
            EntryKind.ADJUST,
            EntryKind.BASE,
        ):
            raise PointsRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This entry cannot be reversed here (a redemption is voided at the "
                    "supermarket; a reversal cannot be reversed).",
                )
            )
        if _already_reversed(session, [original.id]):
            raise PointsRefused(
                QT_TRANSLATE_NOOP("errors", "This entry has already been reversed.")
            )
        _check_open(session, original.period)
        household = get_household_row(session, original.household_id)
        entry = post_reversal(session, actor, household, original, reason)
        audit.record(
            session,
            actor,
            "points.reverse",
            "point_entry",
            entry.id,
            before={"entry": original.id, "points": original.points},
            after={"points": entry.points, "balance": household.balance, "reason": reason},
        )
        return _entry_view(entry)


def adjust(
    db: Database,
    actor: Actor,
    household_id: str,
    points: int,
    reason: str,
    *,
    on: date | None = None,
    settings: PointsSettings | None = None,
) -> EntryView:
    """An administrator's correction outside the catalogue (objection upheld...)."""
    require(actor, Permission.ADJUST_POINTS)
    settings = settings or PointsSettings()
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    if not isinstance(points, int) or points == 0 or abs(points) > MAX_RULE_POINTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An adjustment is a whole number of points, not 0.")
        )
    on = _check_day(on)
    period = period_key(on, settings.period_kind)
    with db.write() as session:
        household = get_household_row(session, household_id)
        _check_open(session, period)
        entry = post_entry(
            session,
            actor,
            household,
            kind=EntryKind.ADJUST,
            points=points,
            period=period,
            occurred_on=on,
            scored=True,
            reason=reason,
        )
        audit.record(
            session,
            actor,
            "points.adjust",
            "household",
            household.id,
            after={
                "number": household.number,
                "points": points,
                "reason": reason,
                "period": period,
                "balance": household.balance,
            },
        )
        return _entry_view(entry)
