"""志愿者积分银行 — approved service hours earn points in the points ledger.

Issue 12, DOMAIN "Points" and "Volunteers and service hours".  The rules are the
points policy's ``service_*`` fields (app.services.policy.PointsPolicy): points per
approved hour, how the product is rounded (down, nearest, up), a cap per activity
and per points period (a volunteer's points from one activity, and from all
service in one period), which kinds of service count (kiosk activities, manual
entries, 四单 orders) and where the points go.

**Where**: a volunteer linked to a resident earns for the resident's household
(the entry names the member, so the household's ledger shows whose service it
was) unless the policy says ``own``; a volunteer from outside the village, or
every volunteer under ``own``, earns on an own points file (``VolunteerAccount``
→ a ``Household`` row numbered with the 志愿者编号), opened at the first
points.  Being a household file, it is checked by ``verify_balances`` and
redeemed at the counter by scanning the volunteer's card like any household.

**When**: :func:`on_approved` runs inside the approval's transaction (hours.decide)
and writes one ``earn`` entry linked to the service record (``link_type``
``service_record``, ``link_id`` the record, ``occurred_on`` the service date, the
period by the points policy, ``rule_points`` the rate per hour at the time,
``rule_name`` the activity's title (or the manual entry's content), the member or
the volunteer's name, and the 志愿者编号 as the reason — so the household's
ledger says whose service each entry came from).
:func:`on_corrected` runs inside a correction of an approved record: the live
entry is reversed by a compensating entry and a new one is written for the new
hours *at the original entry's rate and on the original's account*, so changing
the policy never rewrites the points of hours already approved — a new rate or
account applies only to later approvals.
A record approved before the station gave service points earns nothing when it
is corrected later, for the same reason.  Hours never earn twice: the caps count
the net points (entries and their reversals) already linked to the volunteer's
records.

**Reading**: :func:`statement` is the volunteer's 积分银行对账单 (approved hours,
each record's net points, the redemptions from the account the points went to;
its PDF is app.services.documents.bank), and :func:`verify` is the ``check
--full`` step: service points only on approved records, on one account, never
below zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from math import ceil, floor

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Activity,
    EntryKind,
    Household,
    Member,
    PointEntry,
    RecordSource,
    RecordStatus,
    Redemption,
    RedemptionVoid,
    ServiceRecord,
    ServiceRecordState,
    Volunteer,
    VolunteerAccount,
)
from app.services.auth import Actor
from app.services.households.records import number_sort_key
from app.services.points import period_key, post_entry, post_reversal
from app.services.policy import PointsPolicy, load_points_policy

LINK = "service_record"  # PointEntry.link_type of service points
RULE_CODE = "ZYSC"  # 志愿时长: the code the entries carry in place of a catalogue rule


def service_kind(record: ServiceRecord) -> str:
    """The policy's word for the kind of service a record is."""
    if record.source == RecordSource.MANUAL.value:
        return "manual"
    if record.source == RecordSource.ORDER.value:
        return "order"
    return "activity"


def points_for(minutes: int, policy: PointsPolicy, rate: int | None = None) -> int:
    """Points for *minutes* of service at *rate* per hour (the policy's by default)."""
    per_hour = policy.service_points_per_hour if rate is None else rate
    exact = Fraction(max(0, minutes) * per_hour, 60)
    if policy.service_rounding == "up":
        return ceil(exact)
    if policy.service_rounding == "nearest":
        return floor(exact + Fraction(1, 2))
    return floor(exact)


def own_account(session: Session, volunteer: Volunteer) -> Household:
    """The volunteer's own points file, opened on first use."""
    account = session.scalar(
        select(VolunteerAccount).where(VolunteerAccount.volunteer_id == volunteer.id)
    )
    if account is not None:
        household = session.get(Household, account.household_id)
        assert household is not None  # FK-guaranteed
        return household
    household = Household(
        number=volunteer.number[:20],
        number_sort=number_sort_key(volunteer.number),
        head_name=volunteer.name,
        head_initials=volunteer.initials,
        group_name=volunteer.group_name,
        phone_masked=volunteer.phone_masked,
        phone_tail=volunteer.phone_tail,
        balance=0,
    )
    session.add(household)
    session.flush()
    session.add(VolunteerAccount(volunteer_id=volunteer.id, household_id=household.id))
    return household


def account_of(
    session: Session, volunteer: Volunteer, policy: PointsPolicy
) -> tuple[Household, Member | None]:
    """Where the volunteer's service points go, and the member they are credited to."""
    if policy.service_account == "household" and volunteer.member_id:
        member = session.get(Member, volunteer.member_id)
        if member is not None and not member.deleted:
            household = session.get(Household, member.household_id)
            if household is not None and not household.deleted:
                return household, member
    return own_account(session, volunteer), None


def account_household_id(session: Session, volunteer_id: str) -> str | None:
    """The volunteer's own points file, if one was opened."""
    return session.scalar(
        select(VolunteerAccount.household_id).where(VolunteerAccount.volunteer_id == volunteer_id)
    )


def _net_points(
    session: Session,
    volunteer_id: str,
    *,
    activity_id: str | None = None,
    period: str | None = None,
) -> int:
    query = (
        select(func.coalesce(func.sum(PointEntry.points), 0))
        .join(ServiceRecord, ServiceRecord.id == PointEntry.link_id)
        .where(PointEntry.link_type == LINK, ServiceRecord.volunteer_id == volunteer_id)
    )
    if activity_id is not None:
        query = query.where(ServiceRecord.activity_id == activity_id)
    if period is not None:
        query = query.where(PointEntry.period == period)
    return int(session.scalar(query) or 0)


def _capped(
    session: Session, record: ServiceRecord, points: int, policy: PointsPolicy, period: str
) -> int:
    if policy.service_cap_per_activity and record.activity_id is not None:
        used = _net_points(session, record.volunteer_id, activity_id=record.activity_id)
        points = min(points, policy.service_cap_per_activity - used)
    if policy.service_cap_per_period:
        used = _net_points(session, record.volunteer_id, period=period)
        points = min(points, policy.service_cap_per_period - used)
    return max(0, points)


def _earn(
    session: Session,
    actor: Actor,
    record: ServiceRecord,
    minutes: int,
    rate: int,
    policy: PointsPolicy,
    to: tuple[Household, Member | None] | None = None,
) -> PointEntry | None:
    period = period_key(record.service_date, policy.period_kind)
    points = _capped(session, record, points_for(minutes, policy, rate), policy, period)
    if points <= 0:
        return None
    volunteer = session.get(Volunteer, record.volunteer_id)
    assert volunteer is not None  # FK-guaranteed
    household, member = to or account_of(session, volunteer, policy)
    activity = session.get(Activity, record.activity_id) if record.activity_id else None
    title = activity.title if activity is not None else record.content
    entry = post_entry(
        session,
        actor,
        household,
        kind=EntryKind.EARN,
        points=points,
        period=period,
        occurred_on=record.service_date,
        scored=True,
        rule_snapshot=(None, RULE_CODE, title[:100], rate),
        member=member,
        member_name="" if member else volunteer.name,
        reason=volunteer.number,
        link_type=LINK,
        link_id=record.id,
    )
    session.flush()  # the next record of the same approval sees these points in its caps
    return entry


def _live_entry(session: Session, record_id: str) -> PointEntry | None:
    reversed_ids = select(PointEntry.reverses_id).where(PointEntry.reverses_id.is_not(None))
    return session.scalar(
        select(PointEntry)
        .where(
            PointEntry.link_type == LINK,
            PointEntry.link_id == record_id,
            PointEntry.kind == EntryKind.EARN.value,
            PointEntry.id.not_in(reversed_ids),
        )
        .order_by(PointEntry.created_at.desc(), PointEntry.id.desc())
        .limit(1)
    )


def on_approved(session: Session, actor: Actor, state: ServiceRecordState) -> PointEntry | None:
    """Step of an approval: the record's points, if the policy gives any."""
    policy = load_points_policy(session)
    record = session.get(ServiceRecord, state.record_id)
    assert record is not None  # FK-guaranteed
    if policy.service_points_per_hour <= 0 or service_kind(record) not in policy.service_kinds:
        return None
    return _earn(session, actor, record, state.minutes, policy.service_points_per_hour, policy)


def on_corrected(
    session: Session,
    actor: Actor,
    state: ServiceRecordState,
    reason: str,
    today: date | None = None,
) -> tuple[PointEntry | None, PointEntry | None]:
    """Step of a correction of an approved record: (compensating entry, new entry)."""
    live = _live_entry(session, state.record_id)
    if live is None:
        return None, None
    household = session.get(Household, live.household_id)
    record = session.get(ServiceRecord, state.record_id)
    assert household is not None and record is not None  # FK-guaranteed
    reversal = post_reversal(session, actor, household, live, reason, today=today)
    session.flush()
    policy = load_points_policy(session)
    # the same account as the original: a later change of where points go is not history
    member = session.get(Member, live.member_id) if live.member_id else None
    again = _earn(
        session, actor, record, state.minutes, live.rule_points, policy, (household, member)
    )
    return reversal, again


@dataclass(frozen=True)
class ServicePoints:
    """A volunteer's 积分银行 figures: hours approved, points earned, points spent."""

    approved_minutes: int
    earned: int  # net service points (after corrections), wherever they went
    own_balance: int | None  # the own points file's balance, if one was opened
    own_redeemed: int  # points spent from the own file at the counter


def service_points(session: Session, volunteer_id: str) -> ServicePoints:
    volunteer = session.get(Volunteer, volunteer_id)
    assert volunteer is not None
    earned = _net_points(session, volunteer_id)
    own_id = account_household_id(session, volunteer_id)
    own_balance = own_redeemed = None
    if own_id is not None:
        household = session.get(Household, own_id)
        assert household is not None
        own_balance = household.balance
        own_redeemed = -int(
            session.scalar(
                select(func.coalesce(func.sum(PointEntry.points), 0)).where(
                    PointEntry.household_id == own_id,
                    PointEntry.kind.in_((EntryKind.REDEEM.value, EntryKind.REVERSE.value)),
                    PointEntry.link_type.in_(("redemption", "redemption_void")),
                )
            )
            or 0
        )
    return ServicePoints(volunteer.approved_minutes, earned, own_balance, own_redeemed or 0)


# --- the 积分银行 statement ----------------------------------------------------------------


@dataclass(frozen=True)
class StatementLine:
    """One line of the statement: a service record's points, or a redemption."""

    on: date
    kind: str  # "service" or "redeem"
    text: str  # the activity's title or content; the slip's number
    minutes: int  # approved minutes of the record (0 for a redemption)
    points: int  # net points of the record (after corrections); minus for a redemption


@dataclass(frozen=True)
class Statement:
    """志愿者积分银行对账单 of one volunteer over a date range."""

    volunteer_name: str
    volunteer_number: str
    id_masked: str
    account: str  # "household" or "own"
    account_number: str  # the 户号 of the household, or the own file's number
    account_holder: str  # the household head, or the volunteer
    start: date | None
    end: date | None
    lines: tuple[StatementLine, ...]
    minutes: int
    earned: int
    redeemed: int  # spent from the account in the range (the household's, for a resident)
    balance: int  # the account's balance now

    @property
    def own(self) -> bool:
        return self.account == "own"


def statement(
    session: Session, volunteer_id: str, start: date | None = None, end: date | None = None
) -> Statement:
    """The volunteer's statement: approved hours and their points, and what was redeemed
    from the account they went to (the household's redemptions, for a resident)."""
    volunteer = session.get(Volunteer, volunteer_id)
    assert volunteer is not None
    own_id = account_household_id(session, volunteer_id)
    household_id = own_id
    if household_id is None and volunteer.member_id:
        member = session.get(Member, volunteer.member_id)
        household_id = member.household_id if member is not None else None
    household = session.get(Household, household_id) if household_id else None
    records = select(
        ServiceRecordState.record_id,
        ServiceRecordState.service_date,
        ServiceRecordState.minutes,
        ServiceRecord.content,
        Activity.title,
    ).join(ServiceRecord, ServiceRecord.id == ServiceRecordState.record_id)
    records = records.outerjoin(Activity, Activity.id == ServiceRecord.activity_id).where(
        ServiceRecordState.volunteer_id == volunteer_id,
        ServiceRecordState.status == RecordStatus.APPROVED.value,
    )
    if start:
        records = records.where(ServiceRecordState.service_date >= start)
    if end:
        records = records.where(ServiceRecordState.service_date <= end)
    rows = session.execute(records.order_by(ServiceRecordState.service_date)).all()
    earned_by: dict[str, int] = {}
    ids = [r[0] for r in rows]
    for i in range(0, len(ids), 500):
        earned_by.update(
            session.execute(
                select(PointEntry.link_id, func.sum(PointEntry.points))
                .where(PointEntry.link_type == LINK, PointEntry.link_id.in_(ids[i : i + 500]))
                .group_by(PointEntry.link_id)
            ).all()
        )
    lines = [
        StatementLine(day, "service", title or content, minutes, int(earned_by.get(rid) or 0))
        for rid, day, minutes, content, title in rows
    ]
    if household is not None:
        voided = select(RedemptionVoid.redemption_id)
        spent = select(Redemption).where(
            Redemption.household_id == household.id, Redemption.id.not_in(voided)
        )
        for r in session.scalars(spent.order_by(Redemption.created_at)):
            on = r.created_at.date()
            if not ((start and on < start) or (end and on > end)):
                lines.append(StatementLine(on, "redeem", r.number, 0, -r.total_points))
    lines.sort(key=lambda line: (line.on, line.kind != "service"))
    return Statement(
        volunteer_name=volunteer.name,
        volunteer_number=volunteer.number,
        id_masked=volunteer.id_masked,
        account="own" if own_id is not None or household is None else "household",
        account_number=household.number if household is not None else "",
        account_holder=household.head_name if household is not None else volunteer.name,
        start=start,
        end=end,
        lines=tuple(lines),
        minutes=sum(line.minutes for line in lines),
        earned=sum(line.points for line in lines if line.kind == "service"),
        redeemed=-sum(line.points for line in lines if line.kind == "redeem"),
        balance=household.balance if household is not None else 0,
    )


def verify(db: Database) -> tuple[int, list[str]]:
    """``check --full``: service points sit only on approved records, and on the account
    the record's volunteer earns on (the household of the member named, or their own
    file).  Returns (records with points checked, problems in words)."""
    with db.read() as session:
        rows = session.execute(
            select(
                PointEntry.link_id,
                func.sum(PointEntry.points),
                func.min(PointEntry.household_id),
                func.max(PointEntry.household_id),
                ServiceRecordState.status,
            )
            .outerjoin(ServiceRecordState, ServiceRecordState.record_id == PointEntry.link_id)
            .where(PointEntry.link_type == LINK)
            .group_by(PointEntry.link_id, ServiceRecordState.status)
        ).all()
    problems = []
    for record_id, net, first, last, status in rows:
        if status is None:
            problems.append(f"{record_id}: points for a service record that does not exist")
        elif int(net or 0) < 0:
            problems.append(f"{record_id}: {net} points (more reversed than earned)")
        elif int(net or 0) and status != "approved":
            problems.append(f"{record_id}: {net} points on a {status} record")
        elif first != last:
            problems.append(f"{record_id}: points on two accounts")
    return len(rows), problems
