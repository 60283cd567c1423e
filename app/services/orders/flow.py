"""四单 flow — an order from 点单 to 评单, each step one transaction.

DOMAIN "四单 service orders".  The states and the steps allowed from each::

    待处理 ──拒单──▶ 已拒绝 ──撤回──▶ 待处理
    待处理 ──派单──▶ 已派单 ──接单──▶ 已接单 ──结项──▶ 已完成 ──评单──▶ 已评价
                     已派单 / 已接单 ──改派──▶ 已派单,  ──撤回──▶ 待处理

Every step appends one ``ServiceOrderEvent`` (the ledger: who, when, from and
to, and what the step carried) and moves the order's cached state and step
times in the same transaction; a step the state does not allow raises
:class:`OrderRefused` and writes nothing.  :func:`verify` replays the events
and compares them with the cache.

结项 writes one *pending* service-hour record (``RecordSource.ORDER``) for
each volunteer who served, through app.services.volunteers.hours.add_record
as the kiosk does; their approval, and the points the 积分银行 gives for the
"order" kind, follow the hours rules.  The record's ``reason`` names the order.

Times are the station's local wall-clock time, as activities' are.  An order
is **overdue** (volunteer policy ``order_dispatch_days`` /
``order_complete_days``, 0 = no check) when it waits for a dispatch, or for its
completion, longer than that many days after it was received.

Every step is daily work (``Permission.DAILY_WORK``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Household,
    Member,
    OrderAction,
    OrderState,
    RecordSource,
    ServiceOrder,
    ServiceOrderEvent,
    ServiceOrderPhoto,
    TeamMembership,
    Volunteer,
    VolunteerTeam,
)
from app.models.base import own_station
from app.services import audit, photos, text_input
from app.services.auth import Actor, Permission, require
from app.services.numbering import Series, next_number
from app.services.orders.menu import get_item_row
from app.services.personal import BadPhone, mask_phone, normalize_phone, phone_tail
from app.services.policy import VolunteerPolicy, load_volunteer_policy
from app.services.volunteers.hours import MAX_RECORD_MINUTES, add_record

MAX_ORDER_PHOTOS = 9  # pictures of the service kept with one 结项

S = OrderState
A = OrderAction

# step -> (the states it starts from, the state it leads to)
TRANSITIONS: dict[OrderAction, tuple[frozenset[OrderState], OrderState]] = {
    A.REJECT: (frozenset({S.PENDING}), S.REJECTED),
    A.DISPATCH: (frozenset({S.PENDING, S.DISPATCHED, S.ACCEPTED}), S.DISPATCHED),
    A.ACCEPT: (frozenset({S.DISPATCHED}), S.ACCEPTED),
    A.COMPLETE: (frozenset({S.ACCEPTED}), S.COMPLETED),
    A.RATE: (frozenset({S.COMPLETED}), S.RATED),
    A.CANCEL: (frozenset({S.REJECTED, S.DISPATCHED, S.ACCEPTED}), S.PENDING),
}
OPEN_STATES = (S.PENDING.value, S.DISPATCHED.value, S.ACCEPTED.value)
MAX_REQUEST_CHARS = 500


class OrderRefused(DomainError):
    """A step the order's current state does not allow."""


def allowed_actions(state: str) -> tuple[OrderAction, ...]:
    """The steps an order in *state* may take, in the order a screen shows them."""
    return tuple(a for a, (sources, _to) in TRANSITIONS.items() if OrderState(state) in sources)


# --- views ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderRequest:
    """点单: a resident (a member of a household) or a walk-in (name and phone)."""

    item_id: str
    request: str = ""
    member_id: str | None = None
    name: str = ""
    phone: str = ""
    address: str = ""
    received_at: datetime | None = None  # now, unless typed in from a paper slip


@dataclass(frozen=True)
class OrderRow:
    """One order in a list (masked personal data only)."""

    id: str
    number: str
    category: str
    item_name: str
    requester_name: str
    phone_masked: str
    state: str
    received_at: datetime
    dispatched_at: datetime | None
    completed_at: datetime | None
    rating: int | None
    overdue: bool


@dataclass(frozen=True)
class OrderEventView:
    seq: int
    action: str
    from_state: str
    to_state: str
    at: datetime
    operator_name: str
    reason: str
    team_name: str
    volunteer_names: tuple[str, ...]
    minutes: int
    report: str
    rating: int | None
    comment: str


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    request: str
    address: str
    household_number: str
    team_id: str | None
    team_name: str
    volunteer_ids: tuple[str, ...]
    volunteer_names: tuple[str, ...]
    report: str
    comment: str
    history: tuple[OrderEventView, ...] = field(default_factory=tuple)
    photos: tuple[str, ...] = ()  # the 结项 photos' stored paths (relative to the photos folder)

    @property
    def actions(self) -> tuple[OrderAction, ...]:
        return allowed_actions(self.row.state)


@dataclass(frozen=True)
class OrderFilter:
    state: str | None = None  # an OrderState value; None = all
    text: str = ""  # number, name, phone's last digits, service
    overdue_only: bool = False
    now: datetime | None = None  # for "overdue" (tests); the local time by default


def local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _ids(joined: str) -> tuple[str, ...]:
    return tuple(i for i in joined.split("|") if i)


def overdue_condition(policy: VolunteerPolicy, now: datetime) -> ColumnElement[bool]:
    """SQL: orders that wait longer than the policy allows (see the module docstring)."""
    parts = []
    if policy.order_dispatch_days:
        parts.append(
            and_(
                ServiceOrder.state == S.PENDING.value,
                ServiceOrder.received_at < now - timedelta(days=policy.order_dispatch_days),
            )
        )
    if policy.order_complete_days:
        parts.append(
            and_(
                ServiceOrder.state.in_((S.DISPATCHED.value, S.ACCEPTED.value)),
                ServiceOrder.received_at < now - timedelta(days=policy.order_complete_days),
            )
        )
    return or_(*parts) if parts else false()


def open_orders_in(session: Session, now: datetime) -> tuple[int, int]:
    """(orders not closed, those of them overdue at *now*) — the dashboard's figure."""
    base = (
        select(func.count())
        .select_from(ServiceOrder)
        .where(ServiceOrder.deleted.is_(False), ServiceOrder.state.in_(OPEN_STATES))
    )
    open_n = session.scalar(base) or 0
    overdue = session.scalar(base.where(overdue_condition(load_volunteer_policy(session), now)))
    return int(open_n), int(overdue or 0)


def is_overdue(state: str, received_at: datetime, policy: VolunteerPolicy, now: datetime) -> bool:
    waited = now - received_at
    if state == S.PENDING.value and policy.order_dispatch_days:
        return waited > timedelta(days=policy.order_dispatch_days)
    if state in (S.DISPATCHED.value, S.ACCEPTED.value) and policy.order_complete_days:
        return waited > timedelta(days=policy.order_complete_days)
    return False


_ROW_COLUMNS = (
    ServiceOrder.id,
    ServiceOrder.number,
    ServiceOrder.category,
    ServiceOrder.item_name,
    ServiceOrder.requester_name,
    ServiceOrder.phone_masked,
    ServiceOrder.state,
    ServiceOrder.received_at,
    ServiceOrder.dispatched_at,
    ServiceOrder.completed_at,
    ServiceOrder.rating,
)


def _filtered(session: Session, query: Select, flt: OrderFilter) -> Select:
    query = query.where(ServiceOrder.deleted.is_(False))
    if flt.state:
        query = query.where(ServiceOrder.state == flt.state)
    if flt.overdue_only:
        now = flt.now or local_now()
        query = query.where(overdue_condition(load_volunteer_policy(session), now))
    text = text_input.clean_search(flt.text)
    if text:
        # Latin letters and digits are an order number or a phone's last four digits;
        # Chinese is a name or a service (each LIKE is a scan of the list: only the
        # columns the text can be in are read)
        conditions: list[ColumnElement[bool]]
        if text.isascii():
            conditions = [ServiceOrder.number.like(f"%{text.upper()}%")]
            if text.isdigit() and len(text) == 4:
                conditions.append(ServiceOrder.phone_tail == text)
        else:
            like = f"%{text}%"
            conditions = [
                ServiceOrder.requester_name.like(like),
                ServiceOrder.item_name.like(like),
                ServiceOrder.category.like(like),
            ]
        query = query.where(or_(*conditions))
    return query


def _row(values: Any, policy: VolunteerPolicy, now: datetime) -> OrderRow:
    (oid, number, category, item, name, phone, state, received, dispatched, completed, stars) = (
        values
    )
    return OrderRow(
        oid,
        number,
        category,
        item,
        name,
        phone,
        state,
        received,
        dispatched,
        completed,
        stars,
        overdue=is_overdue(state, received, policy, now),
    )


def count_orders(db: Database, flt: OrderFilter | None = None) -> int:
    flt = flt or OrderFilter()
    with db.read() as session:
        query = _filtered(session, select(func.count()).select_from(ServiceOrder), flt)
        return int(session.scalar(query) or 0)


def fetch_orders(
    db: Database, offset: int = 0, limit: int = 200, flt: OrderFilter | None = None
) -> list[OrderRow]:
    """A page of orders, newest first (a list model fetches them as it scrolls)."""
    flt = flt or OrderFilter()
    now = flt.now or local_now()
    with db.read() as session:
        policy = load_volunteer_policy(session)
        query = _filtered(session, select(*_ROW_COLUMNS), flt)
        rows = session.execute(
            query.order_by(ServiceOrder.received_at.desc(), ServiceOrder.id.desc())
            .offset(max(0, offset))
            .limit(max(0, min(limit, 1000)))
        ).all()
        return [_row(r, policy, now) for r in rows]


def _names(session: Session, volunteer_ids: Sequence[str]) -> tuple[str, ...]:
    if not volunteer_ids:
        return ()
    names = dict(
        session.execute(
            select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(volunteer_ids))
        ).all()
    )
    return tuple(names.get(i, "?") for i in volunteer_ids)


def _team_name(session: Session, team_id: str | None) -> str:
    team = session.get(VolunteerTeam, team_id) if team_id else None
    return team.name if team is not None else ""


def _event_view(session: Session, e: ServiceOrderEvent) -> OrderEventView:
    return OrderEventView(
        e.seq,
        e.action,
        e.from_state,
        e.to_state,
        e.at,
        e.operator_name,
        e.reason,
        _team_name(session, e.team_id),
        _names(session, _ids(e.volunteer_ids)),
        e.minutes,
        e.report,
        e.rating,
        e.comment,
    )


def _history(session: Session, order_id: str) -> list[ServiceOrderEvent]:
    return list(
        session.scalars(
            select(ServiceOrderEvent)
            .where(ServiceOrderEvent.order_id == order_id)
            .order_by(ServiceOrderEvent.seq)
        )
    )


def _detail(session: Session, order: ServiceOrder, now: datetime | None = None) -> OrderDetail:
    policy = load_volunteer_policy(session)
    values = tuple(getattr(order, c.key) for c in _ROW_COLUMNS)
    events = _history(session, order.id)
    report = next((e.report for e in reversed(events) if e.action == A.COMPLETE.value), "")
    comment = next((e.comment for e in reversed(events) if e.action == A.RATE.value), "")
    household = session.get(Household, order.household_id) if order.household_id else None
    vids = _ids(order.volunteer_ids)
    return OrderDetail(
        row=_row(values, policy, now or local_now()),
        request=order.request,
        address=order.address,
        household_number=household.number if household is not None else "",
        team_id=order.team_id,
        team_name=_team_name(session, order.team_id),
        volunteer_ids=vids,
        volunteer_names=_names(session, vids),
        report=report,
        comment=comment,
        history=tuple(_event_view(session, e) for e in events),
        photos=tuple(
            session.scalars(
                select(ServiceOrderPhoto.path)
                .where(ServiceOrderPhoto.order_id == order.id)
                .order_by(ServiceOrderPhoto.created_at, ServiceOrderPhoto.id)
            )
        ),
    )


def _get_row(session: Session, order_id: str) -> ServiceOrder:
    order = session.get(ServiceOrder, order_id)
    if order is None or order.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service order."))
    return order


def get_order(db: Database, order_id: str, now: datetime | None = None) -> OrderDetail:
    with db.read() as session:
        return _detail(session, _get_row(session, order_id), now)


def team_volunteers(db: Database, team_id: str) -> list[tuple[str, str]]:
    """(id, name) of the active members of a team, to propose whom a 派单 sends."""
    with db.read() as session:
        rows = session.execute(
            select(Volunteer.id, Volunteer.name)
            .join(TeamMembership, TeamMembership.volunteer_id == Volunteer.id)
            .where(
                TeamMembership.team_id == team_id,
                TeamMembership.active.is_(True),
                TeamMembership.deleted.is_(False),
                Volunteer.deleted.is_(False),
            )
            .order_by(Volunteer.number)
        ).all()
    return [(r[0], r[1]) for r in rows]


# --- steps ---------------------------------------------------------------------------------

_STATE_WORDS = {
    S.PENDING: QT_TRANSLATE_NOOP("OrderStates", "Pending"),
    S.REJECTED: QT_TRANSLATE_NOOP("OrderStates", "Rejected"),
    S.DISPATCHED: QT_TRANSLATE_NOOP("OrderStates", "Dispatched"),
    S.ACCEPTED: QT_TRANSLATE_NOOP("OrderStates", "Accepted"),
    S.COMPLETED: QT_TRANSLATE_NOOP("OrderStates", "Completed"),
    S.RATED: QT_TRANSLATE_NOOP("OrderStates", "Rated"),
}


def state_word(state: str) -> str:
    """The state's name, untranslated (context ``OrderStates``)."""
    return _STATE_WORDS[OrderState(state)]


def _append(
    session: Session,
    actor: Actor,
    order: ServiceOrder,
    action: OrderAction,
    at: datetime,
    **carried: Any,
) -> ServiceOrderEvent:
    sources, to_state = TRANSITIONS[action] if action != A.CREATE else (frozenset(), S.PENDING)
    from_state = order.state if action != A.CREATE else ""
    if action != A.CREATE and OrderState(from_state) not in sources:
        raise OrderRefused(
            QT_TRANSLATE_NOOP("errors", "Order {number} is {state}: this step is not possible."),
            number=order.number,
            state=_STATE_WORDS[OrderState(from_state)],
        )
    order.event_count = (order.event_count or 0) + 1
    order.state = to_state.value
    event = ServiceOrderEvent(
        order_id=order.id,
        seq=order.event_count,
        action=action.value,
        from_state=from_state,
        to_state=to_state.value,
        at=at,
        operator_id=actor.operator_id,
        operator_name=actor.display_name,
        **carried,
    )
    session.add(event)
    audit.record(
        session,
        actor,
        f"orders.{action.value}",
        "service_order",
        order.id,
        before={"state": from_state} if from_state else None,
        after={"number": order.number, "state": to_state.value, **_plain(carried)},
    )
    return event


def _plain(carried: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in carried.items() if v not in (None, "", 0)}


def _clean_text(text: str, limit: int = MAX_REQUEST_CHARS) -> str:
    text = text.strip()
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "At most {n} characters, please."), n=limit
        )
    return text


def create_order(db: Database, actor: Actor, req: OrderRequest) -> OrderDetail:
    """点单: a resident's order, 待处理."""
    require(actor, Permission.DAILY_WORK)
    request = _clean_text(req.request)
    at = (req.received_at or local_now()).replace(microsecond=0)
    if at > local_now() + timedelta(minutes=5):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."),
            date=at.date().isoformat(),
        )
    with db.write() as session:
        item = get_item_row(session, req.item_id)
        if not item.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{name} is no longer on the menu."), name=item.name
            )
        household_id: str | None = None
        phone = masked = tail = ""
        address = req.address.strip()
        if req.member_id:
            member = session.get(Member, req.member_id)
            if member is None or member.deleted:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such resident."))
            household = session.get(Household, member.household_id)
            assert household is not None  # FK-guaranteed
            household_id, name = household.id, member.name
            # the resident's phone stays on their record: the order keeps the masked form
            masked = member.phone_masked or household.phone_masked
            tail = member.phone_tail or household.phone_tail
            address = address or household.address
        else:
            name = " ".join(req.name.split())
            if not name:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Please pick the resident, or give the name of who asks."
                    )
                )
            if len(name) > 50:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "A name has at most 50 characters.")
                )
            try:
                phone = normalize_phone(req.phone)
            except BadPhone:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Please give a mobile number (11 digits) to call back."
                    )
                ) from None
            masked, tail = mask_phone(phone), phone_tail(phone)
        number = next_number(session, own_station(session), Series.ORDER, at.year)
        order = ServiceOrder(
            number=number.text,
            year=at.year,
            seq=number.seq,
            item_id=item.id,
            category=item.category,
            item_name=item.name,
            household_id=household_id,
            member_id=req.member_id or None,
            requester_name=name,
            phone=phone,
            phone_masked=masked,
            phone_tail=tail,
            address=address[:200],
            request=request,
            state=S.PENDING.value,
            received_at=at,
            team_id=item.team_id,
            event_count=0,
        )
        session.add(order)
        session.flush()
        _append(session, actor, order, A.CREATE, at, reason=request)
        return _detail(session, order)


def _step_time(order: ServiceOrder, at: datetime | None) -> datetime:
    at = (at or local_now()).replace(microsecond=0)
    # a PC clock set back never makes a step older than the order
    return max(at, order.received_at)


def reject(
    db: Database, actor: Actor, order_id: str, reason: str, at: datetime | None = None
) -> OrderDetail:
    """拒单: 待处理 → 已拒绝, with the reason told to the resident."""
    require(actor, Permission.DAILY_WORK)
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give the reason."))
    with db.write() as session:
        order = _get_row(session, order_id)
        _append(session, actor, order, A.REJECT, _step_time(order, at), reason=reason)
        return _detail(session, order)


def _check_volunteers(session: Session, volunteer_ids: Sequence[str]) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(volunteer_ids))
    if ids:
        found = set(
            session.scalars(
                select(Volunteer.id).where(Volunteer.id.in_(ids), Volunteer.deleted.is_(False))
            )
        )
        if len(found) != len(ids):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer."))
    return ids


def dispatch(
    db: Database,
    actor: Actor,
    order_id: str,
    *,
    team_id: str | None = None,
    volunteer_ids: Sequence[str] = (),
    reason: str = "",
    at: datetime | None = None,
) -> OrderDetail:
    """派单 (or 改派 from 已派单/已接单): to a team, to volunteers, or both."""
    require(actor, Permission.DAILY_WORK)
    reason = _clean_text(reason)
    with db.write() as session:
        order = _get_row(session, order_id)
        if team_id is not None:
            team = session.get(VolunteerTeam, team_id)
            if team is None or team.deleted:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer team."))
        ids = _check_volunteers(session, volunteer_ids)
        if team_id is None and not ids:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Please choose a team or volunteers to send.")
            )
        when = _step_time(order, at)
        _append(
            session,
            actor,
            order,
            A.DISPATCH,
            when,
            reason=reason,
            team_id=team_id,
            volunteer_ids="|".join(ids),
        )
        order.team_id, order.volunteer_ids = team_id, "|".join(ids)
        order.dispatched_at, order.accepted_at = when, None
        return _detail(session, order)


def accept(db: Database, actor: Actor, order_id: str, at: datetime | None = None) -> OrderDetail:
    """接单: the team or volunteers took the order."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        order = _get_row(session, order_id)
        when = _step_time(order, at)
        _append(session, actor, order, A.ACCEPT, when)
        order.accepted_at = when
        return _detail(session, order)


def complete(
    db: Database,
    actor: Actor,
    order_id: str,
    report: str,
    minutes: int,
    *,
    volunteer_ids: Sequence[str] | None = None,
    at: datetime | None = None,
    photos_root: Path | None = None,
    photo_sources: Sequence[str | Path] = (),
) -> OrderDetail:
    """结项: the service was given; each volunteer who served gets a pending record.

    *volunteer_ids* defaults to those dispatched; *minutes* is each one's service.
    *photo_sources* (pictures of the service) are checked, copied under
    *photos_root* ``/orders/<order id>/`` and recorded with the step, all in its
    transaction: a refused picture refuses the step and leaves no copy behind."""
    require(actor, Permission.DAILY_WORK)
    report = _clean_text(report)
    if not report:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please write a short report of the service given.")
        )
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Service time cannot be negative."))
    if minutes > MAX_RECORD_MINUTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Service time must be more than 0 and at most 24 hours in one record."
            )
        )
    files = [Path(source) for source in photo_sources]
    if len(files) > MAX_ORDER_PHOTOS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "At most {n} photos can be kept with one order."),
            n=MAX_ORDER_PHOTOS,
        )
    if files and photos_root is None:
        raise ValueError("photos_root is needed to keep the photos")
    with (
        photos.stored_photos(files, photos_root or Path(), f"orders/{order_id}") as copies,
        db.write() as session,
    ):
        return _complete(session, actor, order_id, report, minutes, volunteer_ids, at, copies)


def _complete(
    session: Session,
    actor: Actor,
    order_id: str,
    report: str,
    minutes: int,
    volunteer_ids: Sequence[str] | None,
    at: datetime | None,
    copies: Sequence[tuple[Path, photos.CopiedPhoto, str]],
) -> OrderDetail:
    """The step of :func:`complete` in its transaction, the photos already copied."""
    order = _get_row(session, order_id)
    ids = _check_volunteers(
        session, _ids(order.volunteer_ids) if volunteer_ids is None else volunteer_ids
    )
    when = _step_time(order, at)
    event = _append(
        session,
        actor,
        order,
        A.COMPLETE,
        when,
        report=report,
        minutes=minutes,
        volunteer_ids="|".join(ids),
    )
    session.flush()
    for source, copied, photo_id in copies:
        session.add(
            ServiceOrderPhoto(
                id=photo_id,
                order_id=order.id,
                event_id=event.id,
                path=copied.path,
                original_name=source.name[:200],
                size_bytes=copied.size_bytes,
                sha256=copied.sha256,
            )
        )
    if copies:
        audit.record(
            session,
            actor,
            "orders.photos",
            "service_order",
            order.id,
            after={"number": order.number, "photos": [c.path for _s, c, _i in copies]},
        )
    order.volunteer_ids, order.completed_at = "|".join(ids), when
    if minutes > 0:
        for vid in ids:
            add_record(
                session,
                actor,
                vid,
                source=RecordSource.ORDER,
                service_date=when.date(),
                minutes=minutes,
                raw_minutes=minutes,
                content=f"{order.category} · {order.item_name}",
                reason=order.number,
            )
    return _detail(session, order)


def rate(
    db: Database,
    actor: Actor,
    order_id: str,
    stars: int,
    comment: str = "",
    at: datetime | None = None,
) -> OrderDetail:
    """评单: the resident's 1–5 stars and comment."""
    require(actor, Permission.DAILY_WORK)
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A rating is 1 to 5 stars."))
    comment = _clean_text(comment)
    with db.write() as session:
        order = _get_row(session, order_id)
        when = _step_time(order, at)
        _append(session, actor, order, A.RATE, when, rating=stars, comment=comment)
        order.rating, order.rated_at = stars, when
        return _detail(session, order)


def cancel(
    db: Database, actor: Actor, order_id: str, reason: str, at: datetime | None = None
) -> OrderDetail:
    """撤回: back to 待处理 (a dispatch that cannot be served, a rejection reconsidered)."""
    require(actor, Permission.DAILY_WORK)
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give the reason."))
    with db.write() as session:
        order = _get_row(session, order_id)
        _append(session, actor, order, A.CANCEL, _step_time(order, at), reason=reason)
        order.dispatched_at = order.accepted_at = None
        order.volunteer_ids = ""
        return _detail(session, order)


# --- verification --------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderMismatch:
    number: str
    cached: str
    replayed: str


def verify(db: Database) -> list[OrderMismatch]:
    """Orders whose cached state differs from their history's last step."""
    out: list[OrderMismatch] = []
    with db.read() as session:
        last = (
            select(ServiceOrderEvent.order_id, func.max(ServiceOrderEvent.seq).label("seq"))
            .group_by(ServiceOrderEvent.order_id)
            .subquery()
        )
        rows = session.execute(
            select(ServiceOrder.number, ServiceOrder.state, ServiceOrderEvent.to_state)
            .outerjoin(last, last.c.order_id == ServiceOrder.id)
            .outerjoin(
                ServiceOrderEvent,
                and_(
                    ServiceOrderEvent.order_id == ServiceOrder.id,
                    ServiceOrderEvent.seq == last.c.seq,
                ),
            )
            .where(ServiceOrder.deleted.is_(False))
        ).all()
        for number, cached, replayed in rows:
            if cached != (replayed or ""):
                out.append(OrderMismatch(number, cached, replayed or ""))
    return out
