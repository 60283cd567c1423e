"""积分制 — the rule catalogue, awards and deductions, batches, periods, rankings.

DOMAIN "Points".  A household's balance is the sum of its ledger entries
(``point_entry``, append-only) and is cached on ``household.balance`` in the
same transaction as every entry (:func:`post_entry` is the only writer of
both).  :func:`verify_balances` re-checks the cache against the ledger with one
GROUP BY.

* **Score vs balance.**  The *balance* is what a household can spend at the
  supermarket.  The *score* of a period (积分榜, pass line, annual rating) sums
  only the ``scored`` entries: base, awards, deductions, adjustments and their
  reversals — spending points at the supermarket does not lower a household's
  standing.
* **Periods** are keyed ``"2026"``, ``"2026-Q4"`` or ``"2026-11"`` by the
  ``period_kind`` setting; a year's entries of any kind are the range
  ``"2026" <= period < "2027"``.  A finalized period takes no more entries.
* **Caps** (``cap_per_period``) limit the absolute points one household can
  get from one rule in one period; a batch that would exceed a cap is refused
  as a whole (naming the households) unless ``skip_capped`` is asked for.
* **Batches** (``point_batch``): a batch award is one transaction with one
  batch id; its undo is one reversing batch (a batch can be undone once — the
  UNIQUE ``reverses_batch_id`` guarantees it even against a race).

Settings (period kind, base score, pass line, minimum balance, carry-over or
clearance) arrive as a :class:`PointsSettings` value: the view builds it from
the typed settings or the township's config package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnClause, FromClause, and_, func, literal_column, select, true
from sqlalchemy.orm import Session

from app.db import Database
from app.db.dialect import table_scan
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, join_list
from app.ids import new_id
from app.models import (
    EntryKind,
    Household,
    Member,
    PeriodState,
    PointBatch,
    PointEntry,
    PointPeriod,
    PointRule,
    RuleKind,
    utcnow,
)
from app.models.base import STATION_ID
from app.services import audit
from app.services.auth import SYSTEM, Actor, Permission, require
from app.services.households import get_household_row

PERIOD_KINDS = ("month", "quarter", "year")
END_ACTIONS = ("carry", "clear")
MAX_QUANTITY = 1000
MAX_RULE_POINTS = 10_000
_CHUNK = 500


def _ledger_scan(session: Session) -> FromClause:
    """The ledger read as a plain table scan.

    A whole-ledger aggregate (balance check, a year's scores) on SQLite otherwise
    walks the (household_id, period) index and fetches every entry's row from the
    table at random: at 2,000,000 entries that is 4x slower than reading the table
    in order and sorting (SQLAlchemy renders no SQLite table hints, hence the text
    FROM, behind app.db.dialect).
    """
    return table_scan(session, PointEntry.__table__, "point_entry")


class PointsRefused(DomainError):
    """A points action the rules do not allow (cap, closed period, undone batch...)."""


class CapExceeded(PointsRefused):
    pass


class PeriodFinalized(PointsRefused):
    pass


class BatchAlreadyUndone(PointsRefused):
    pass


class RedemptionRefused(DomainError):
    """The household may not redeem now (balance, pass line, minimum balance)."""


class InsufficientBalance(RedemptionRefused):
    pass


class BelowPassLine(RedemptionRefused):
    pass


class BelowMinimumBalance(RedemptionRefused):
    pass


# --- settings and period keys ----------------------------------------------------------


@dataclass(frozen=True)
class PointsSettings:
    """The station's points settings (each a default the township may change)."""

    period_kind: str = "year"  # month, quarter, year
    base_points: int = 0  # 基础分 written at period open
    pass_line: int | None = None  # 合格线: minimum period score to redeem
    min_balance: int | None = None  # minimum balance to redeem at all
    end_action: str = "carry"  # carry (结转) or clear (清零) at finalize

    def __post_init__(self) -> None:
        if self.period_kind not in PERIOD_KINDS:
            raise ValueError(f"period_kind must be one of {PERIOD_KINDS}")
        if self.end_action not in END_ACTIONS:
            raise ValueError(f"end_action must be one of {END_ACTIONS}")


def period_key(day: date, kind: str = "year") -> str:
    """``2026``, ``2026-Q4`` or ``2026-11`` for *day*."""
    if kind == "year":
        return f"{day.year:04d}"
    if kind == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unknown period kind {kind!r}")


_PERIOD_RE = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


def _check_period(key: str) -> str:
    key = key.strip().upper()
    if not _PERIOD_RE.match(key):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{period} is not a period (2026, 2026-Q4 or 2026-11)."),
            period=key,
        )
    return key


def _in_period(column, key: str):
    """A year covers every entry of its quarters and months; others match exactly."""
    if len(key) == 4:
        return and_(column >= key, column < f"{int(key) + 1:04d}")
    return column == key


# --- results -------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleData:
    code: str
    name: str
    points: int  # > 0 加分, < 0 扣分
    category: str = ""
    unit: str = "次"
    cap_per_period: int | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class RuleView:
    id: str
    code: str
    category: str
    name: str
    kind: str
    points: int
    unit: str
    cap_per_period: int | None
    active: bool
    sort_order: int


@dataclass(frozen=True)
class EntryView:
    id: str
    household_id: str
    kind: str
    points: int
    quantity: int
    balance_after: int
    rule_code: str
    rule_name: str
    reason: str
    period: str
    occurred_on: date
    created_at: datetime
    operator_name: str
    member_name: str = ""
    batch_id: str | None = None
    link_type: str = ""
    link_id: str = ""
    reverses_id: str | None = None


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    kind: str
    entry_count: int
    total_points: int
    skipped: tuple[str, ...] = ()  # household numbers left out (over the cap)


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


@dataclass(frozen=True)
class BalanceMismatch:
    household_id: str
    number: str
    cached: int
    ledger: int


@dataclass(frozen=True)
class BalanceReport:
    checked: int
    mismatches: tuple[BalanceMismatch, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches


@dataclass(frozen=True)
class RankRow:
    rank: int  # competition ranking: 1, 2, 2, 4
    household_id: str
    number: str
    head_name: str
    group_name: str
    score: int


@dataclass(frozen=True)
class RatingTier:
    label: str  # e.g. 星级文明户
    min_score: int


DEFAULT_TIERS = (RatingTier("星级文明户", 120), RatingTier("文明信用户", 90))


@dataclass(frozen=True)
class RatingRow:
    household_id: str
    number: str
    head_name: str
    group_name: str
    score: int
    rating: str  # "" when below every tier


def _rule_view(r: PointRule) -> RuleView:
    return RuleView(
        r.id,
        r.code,
        r.category,
        r.name,
        r.kind,
        r.points,
        r.unit,
        r.cap_per_period,
        r.active,
        r.sort_order,
    )


def _entry_view(e: PointEntry) -> EntryView:
    return EntryView(
        id=e.id,
        household_id=e.household_id,
        kind=e.kind,
        points=e.points,
        quantity=e.quantity,
        balance_after=e.balance_after,
        rule_code=e.rule_code,
        rule_name=e.rule_name,
        reason=e.reason,
        period=e.period,
        occurred_on=e.occurred_on,
        created_at=e.created_at,
        operator_name=e.operator_name,
        member_name=e.member_name,
        batch_id=e.batch_id,
        link_type=e.link_type,
        link_id=e.link_id,
        reverses_id=e.reverses_id,
    )


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


# --- the rule catalogue ----------------------------------------------------------------

# (code, category, name, points, unit, cap per period) — DOMAIN "Points"; a village
# adopts its own catalogue at the villagers' meeting and edits this one.
DEFAULT_RULES: tuple[tuple[str, str, str, int, str, int | None], ...] = (
    ("XX01", "学习宣讲", "参加理论宣讲", 5, "次", 30),
    ("XX02", "学习宣讲", "参加村民会议准时到场", 1, "次", None),
    ("XX03", "学习宣讲", "村民会议迟到", -1, "次", None),
    ("HJ01", "环境卫生", "参加环境整治/清洁活动", 5, "次", 30),
    ("HJ02", "环境卫生", "庭院整洁", 2, "次", None),
    ("HJ03", "环境卫生", "庭院脏乱", -2, "次", None),
    ("ZY01", "志愿服务", "参加志愿服务活动", 5, "次", 50),
    ("BZ01", "表彰荣誉", "获国家级表彰", 50, "件", None),
    ("BZ02", "表彰荣誉", "获省级表彰", 30, "件", None),
    ("BZ03", "表彰荣誉", "获市级表彰", 20, "件", None),
    ("BZ04", "表彰荣誉", "获县级表彰", 15, "件", None),
    ("BZ05", "表彰荣誉", "获乡镇级表彰", 10, "件", None),
    ("BZ06", "表彰荣誉", "获村级表彰", 5, "件", None),
    ("YF01", "移风易俗", "婚丧喜庆大操大办", -10, "次", None),
    ("YF02", "移风易俗", "索要高价彩礼", -10, "次", None),
)


def seed_default_rules(session: Session) -> int:
    """Add the default catalogue's rules that are missing (by code); returns how many.

    A step of station set-up or first run; safe to call again.
    """
    existing = set(session.scalars(select(PointRule.code)))
    added = 0
    for order, (code, category, name, points, unit, cap) in enumerate(DEFAULT_RULES):
        if code in existing:
            continue
        session.add(
            PointRule(
                code=code,
                category=category,
                name=name,
                points=points,
                kind=(RuleKind.EARN if points > 0 else RuleKind.DEDUCT).value,
                unit=unit,
                cap_per_period=cap,
                active=True,
                sort_order=order * 10,
            )
        )
        added += 1
    if added:
        session.flush()
        audit.record(session, SYSTEM, "points.seed_rules", "point_rule", "", after={"added": added})
    return added


def _clean_rule(data: RuleData) -> RuleData:
    code = data.code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9\-]{1,20}", code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A rule code has 1–20 letters, digits or dashes, e.g. HJ01."
            )
        )
    name = data.name.strip()
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the rule's name."))
    if data.points == 0 or abs(data.points) > MAX_RULE_POINTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A rule's points must be between -{max} and {max}, and not 0."
            ),
            max=MAX_RULE_POINTS,
        )
    cap = data.cap_per_period
    if cap is not None and cap < abs(data.points):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The cap per period ({cap}) is smaller than one award ({points})."
            ),
            cap=cap,
            points=abs(data.points),
        )
    unit = data.unit.strip() or "次"
    return RuleData(
        code, name, data.points, data.category.strip()[:40], unit[:10], cap, data.sort_order
    )


def create_rule(db: Database, actor: Actor, data: RuleData) -> RuleView:
    require(actor, Permission.MANAGE_SETTINGS)
    data = _clean_rule(data)
    with db.write() as session:
        if session.scalar(
            select(PointRule.id).where(
                PointRule.station_id == session.info.get(STATION_ID), PointRule.code == data.code
            )
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Rule code {code} is already in use."), code=data.code
            )
        rule = PointRule(
            code=data.code,
            name=data.name,
            points=data.points,
            kind=(RuleKind.EARN if data.points > 0 else RuleKind.DEDUCT).value,
            category=data.category,
            unit=data.unit,
            cap_per_period=data.cap_per_period,
            active=True,
            sort_order=data.sort_order,
        )
        session.add(rule)
        session.flush()
        audit.record(
            session,
            actor,
            "points.rule_create",
            "point_rule",
            rule.id,
            after=_rule_view(rule).__dict__,
        )
        return _rule_view(rule)


def update_rule(db: Database, actor: Actor, rule_id: str, data: RuleData) -> RuleView:
    """Change a rule for future entries; past entries keep their snapshot."""
    require(actor, Permission.MANAGE_SETTINGS)
    data = _clean_rule(data)
    with db.write() as session:
        rule = _get_rule(session, rule_id)
        if data.code != rule.code:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A rule's code cannot change; make a new rule instead.")
            )
        before = _rule_view(rule).__dict__
        rule.name = data.name
        rule.points = data.points
        rule.kind = (RuleKind.EARN if data.points > 0 else RuleKind.DEDUCT).value
        rule.category = data.category
        rule.unit = data.unit
        rule.cap_per_period = data.cap_per_period
        rule.sort_order = data.sort_order
        audit.record(
            session,
            actor,
            "points.rule_update",
            "point_rule",
            rule.id,
            before=before,
            after=_rule_view(rule).__dict__,
        )
        return _rule_view(rule)


def set_rule_active(db: Database, actor: Actor, rule_id: str, active: bool) -> RuleView:
    require(actor, Permission.MANAGE_SETTINGS)
    with db.write() as session:
        rule = _get_rule(session, rule_id)
        if rule.active != active:
            rule.active = active
            audit.record(
                session,
                actor,
                "points.rule_enable" if active else "points.rule_disable",
                "point_rule",
                rule.id,
                after={"code": rule.code, "active": active},
            )
        return _rule_view(rule)


def list_rules(db: Database, include_inactive: bool = False) -> list[RuleView]:
    with db.read() as session:
        query = select(PointRule).where(PointRule.deleted.is_(False))
        if not include_inactive:
            query = query.where(PointRule.active.is_(True))
        return [
            _rule_view(r)
            for r in session.scalars(query.order_by(PointRule.sort_order, PointRule.code))
        ]


def _get_rule(session: Session, rule_id: str) -> PointRule:
    rule = session.get(PointRule, rule_id)
    if rule is None or rule.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such points rule."))
    return rule


def _rule_by_code(session: Session, code: str) -> PointRule:
    rule = session.scalar(
        select(PointRule).where(
            PointRule.station_id == session.info.get(STATION_ID),
            PointRule.code == code.strip().upper(),
        )
    )
    if rule is None or rule.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No points rule has the code {code}."), code=code
        )
    if not rule.active:
        raise PointsRefused(
            QT_TRANSLATE_NOOP("errors", "The rule “{name}” is no longer in use."), name=rule.name
        )
    return rule


# --- the ledger --------------------------------------------------------------------


def post_entry(
    session: Session,
    actor: Actor,
    household: Household,
    *,
    kind: EntryKind,
    points: int,
    period: str,
    occurred_on: date,
    scored: bool,
    quantity: int = 1,
    rule: PointRule | None = None,
    rule_snapshot: tuple[str | None, str, str, int] | None = None,
    member: Member | None = None,
    member_name: str = "",
    reason: str = "",
    batch_id: str | None = None,
    link_type: str = "",
    link_id: str = "",
    reverses_id: str | None = None,
) -> PointEntry:
    """Append one entry and move the cached balance with it (the only writer of both).

    Everything is computed before the INSERT: the ledger refuses UPDATEs.
    """
    household.balance = (household.balance or 0) + points
    if rule is not None:
        rule_snapshot = (rule.id, rule.code, rule.name, rule.points)
    rule_id, rule_code, rule_name, rule_points = rule_snapshot or (None, "", "", 0)
    entry = PointEntry(
        id=new_id(),
        household_id=household.id,
        member_id=member.id if member else None,
        member_name=member.name if member else member_name,
        kind=kind.value,
        points=points,
        quantity=quantity,
        scored=scored,
        rule_id=rule_id,
        rule_code=rule_code,
        rule_name=rule_name,
        rule_points=rule_points,
        reason=reason,
        occurred_on=occurred_on,
        period=period,
        batch_id=batch_id,
        link_type=link_type,
        link_id=link_id,
        reverses_id=reverses_id,
        operator_id=actor.operator_id,
        operator_name=actor.display_name,
        balance_after=household.balance,
    )
    session.add(entry)
    return entry


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


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


def _load_households(session: Session, ids: Sequence[str]) -> list[Household]:
    by_id: dict[str, Household] = {}
    for i in range(0, len(ids), _CHUNK):
        for h in session.scalars(select(Household).where(Household.id.in_(ids[i : i + _CHUNK]))):
            by_id[h.id] = h
    missing = [i for i in ids if i not in by_id or by_id[i].deleted]
    if missing:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "{count} of the chosen households no longer exist."),
            count=len(missing),
        )
    return [by_id[i] for i in ids]


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


def _already_reversed(session: Session, entry_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(entry_ids), _CHUNK):
        found.update(
            r
            for r in session.scalars(
                select(PointEntry.reverses_id).where(
                    PointEntry.reverses_id.in_(entry_ids[i : i + _CHUNK])
                )
            )
            if r
        )
    return found


def post_reversal(
    session: Session,
    actor: Actor,
    household: Household,
    original: PointEntry,
    reason: str,
    *,
    batch_id: str | None = None,
    today: date | None = None,
    link_type: str = "",
    link_id: str = "",
) -> PointEntry:
    """The compensating entry of *original*: same period, rule snapshot and scoring."""
    return post_entry(
        session,
        actor,
        household,
        kind=EntryKind.REVERSE,
        points=-original.points,
        period=original.period,
        occurred_on=today or date.today(),
        scored=original.scored,
        quantity=original.quantity,
        rule_snapshot=(
            original.rule_id,
            original.rule_code,
            original.rule_name,
            original.rule_points,
        ),
        member_name=original.member_name,
        reason=reason,
        batch_id=batch_id,
        link_type=link_type or original.link_type,
        link_id=link_id or original.link_id,
        reverses_id=original.id,
    )


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


# --- reading -------------------------------------------------------------------------


def balance(db: Database, household_id: str) -> int:
    with db.read() as session:
        return get_household_row(session, household_id).balance


def recent_entries(db: Database, household_id: str, limit: int = 20) -> list[EntryView]:
    with db.read() as session:
        rows = session.scalars(
            select(PointEntry)
            .where(PointEntry.household_id == household_id)
            .order_by(PointEntry.created_at.desc(), PointEntry.id.desc())
            .limit(max(1, min(limit, 1000)))
        )
        return [_entry_view(e) for e in rows]


def batch_entries(db: Database, batch_id: str) -> list[EntryView]:
    with db.read() as session:
        rows = session.scalars(
            select(PointEntry).where(PointEntry.batch_id == batch_id).order_by(PointEntry.id)
        )
        return [_entry_view(e) for e in rows]


def period_score(session: Session, household_id: str, key: str) -> int:
    """A household's score for a period (or a whole year for ``"2026"``)."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(PointEntry.points), 0)).where(
                PointEntry.household_id == household_id,
                _in_period(PointEntry.period, key),
                PointEntry.scored.is_(True),
            )
        )
        or 0
    )


def verify_balances(db: Database, sample: int | None = None) -> BalanceReport:
    """Compare cached balances with their ledger sums: all, or a random *sample*."""
    with db.read() as session:
        if sample is None:
            hs = session.execute(select(Household.id, Household.number, Household.balance)).all()
            household_id: ColumnClause[str] = literal_column("household_id")
            sums: dict[str, int] = dict(
                session.execute(
                    select(household_id, func.sum(literal_column("points")))
                    .select_from(_ledger_scan(session))
                    .group_by(household_id)
                ).all()
            )
        else:
            hs = session.execute(
                select(Household.id, Household.number, Household.balance)
                .order_by(func.random())
                .limit(max(0, sample))
            ).all()
            sums = {}
            ids = [h[0] for h in hs]
            for i in range(0, len(ids), _CHUNK):
                sums.update(
                    session.execute(
                        select(PointEntry.household_id, func.sum(PointEntry.points))
                        .where(PointEntry.household_id.in_(ids[i : i + _CHUNK]))
                        .group_by(PointEntry.household_id)
                    ).all()
                )
        mismatches = tuple(
            BalanceMismatch(hid, number, cached, int(sums.get(hid) or 0))
            for hid, number, cached in hs
            if cached != int(sums.get(hid) or 0)
        )
        return BalanceReport(len(hs), mismatches)


# --- periods ---------------------------------------------------------------------------


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
                    .where(Household.active.is_(True), Household.deleted.is_(False))
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


# --- redemption checks -----------------------------------------------------------------


def below_minimum_balance(
    number: str, balance: int, settings: PointsSettings
) -> BelowMinimumBalance | None:
    """The refusal for a household whose balance is below the station's minimum
    for redeeming (None when it may redeem); the counter says it before confirming."""
    if settings.min_balance is None or balance >= settings.min_balance:
        return None
    return BelowMinimumBalance(
        QT_TRANSLATE_NOOP(
            "errors",
            "Household {number} has {balance} points; at least {minimum} are needed to redeem.",
        ),
        number=number,
        balance=balance,
        minimum=settings.min_balance,
    )


def check_can_redeem(
    session: Session,
    household: Household,
    cost: int,
    settings: PointsSettings,
    on: date | None = None,
) -> None:
    """Raise a :class:`RedemptionRefused` if *household* may not spend *cost* points now."""
    if settings.pass_line is not None:
        key = period_key(on or date.today(), settings.period_kind)
        score = period_score(session, household.id, key)
        if score < settings.pass_line:
            raise BelowPassLine(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Household {number} has a score of {score} in {period}, below the pass "
                    "line of {line}; it cannot redeem until it reaches the pass line.",
                ),
                number=household.number,
                score=score,
                period=key,
                line=settings.pass_line,
            )
    below = below_minimum_balance(household.number, household.balance, settings)
    if below is not None:
        raise below
    if cost > household.balance:
        raise InsufficientBalance(
            QT_TRANSLATE_NOOP(
                "errors",
                "Household {number} has {balance} points; these goods need {cost}.",
            ),
            number=household.number,
            balance=household.balance,
            cost=cost,
        )


# --- rankings and ratings --------------------------------------------------------------


def _scores(session: Session, key: str):
    if len(key) == 4:  # a whole year is most of the recent ledger: read it as a table scan
        household_id: ColumnClause[str] = literal_column("household_id")
        return (
            select(household_id.label("hid"), func.sum(literal_column("points")).label("score"))
            .select_from(_ledger_scan(session))
            .where(_in_period(literal_column("period"), key), literal_column("scored") == true())
            .group_by(household_id)
            .subquery()
        )
    return (
        select(PointEntry.household_id.label("hid"), func.sum(PointEntry.points).label("score"))
        .where(_in_period(PointEntry.period, key), PointEntry.scored.is_(True))
        .group_by(PointEntry.household_id)
        .subquery()
    )


def rankings(
    db: Database, key: str, n: int | None = 10, *, bottom: bool = False, group_name: str = ""
) -> list[RankRow]:
    """积分榜 (top) or the bottom of 红黑榜 for a period or a year; ``n=None`` for all."""
    key = _check_period(key)
    with db.read() as session:
        scores = _scores(session, key)
        query = (
            select(
                Household.id,
                Household.number,
                Household.head_name,
                Household.group_name,
                scores.c.score,
            )
            .join(scores, scores.c.hid == Household.id)
            .where(Household.deleted.is_(False))
        )
        if group_name:
            query = query.where(Household.group_name == group_name)
        order = scores.c.score.asc() if bottom else scores.c.score.desc()
        query = query.order_by(order, Household.number_sort)
        if n is not None:
            # fetch ties at the boundary too, so the last rank is not cut arbitrarily
            query = query.limit(max(0, n) * 2 + 50)
        rows = session.execute(query).all()
    result: list[RankRow] = []
    previous: int | None = None
    rank = 0
    for i, (hid, number, head, group, score) in enumerate(rows, start=1):
        score = int(score or 0)
        if score != previous:
            rank = i
            previous = score
        if n is not None and rank > n:
            break
        result.append(RankRow(rank, hid, number, head, group, score))
    return result


def _tier(score: int, tiers: Sequence[RatingTier]) -> str:
    for tier in sorted(tiers, key=lambda t: t.min_score, reverse=True):
        if score >= tier.min_score:
            return tier.label
    return ""


def annual_ratings(
    db: Database, year: int, tiers: Sequence[RatingTier] = DEFAULT_TIERS
) -> list[RatingRow]:
    """Every household's score for *year* and the tier it reaches (星级文明户...)."""
    key = f"{year:04d}"
    with db.read() as session:
        scores = _scores(session, key)
        rows = session.execute(
            select(
                Household.id,
                Household.number,
                Household.head_name,
                Household.group_name,
                func.coalesce(scores.c.score, 0),
            )
            .outerjoin(scores, scores.c.hid == Household.id)
            .where(Household.deleted.is_(False), Household.active.is_(True))
            .order_by(func.coalesce(scores.c.score, 0).desc(), Household.number_sort)
        ).all()
    return [
        RatingRow(hid, number, head, group, int(score), _tier(int(score), tiers))
        for hid, number, head, group, score in rows
    ]


def apply_ratings(
    db: Database, actor: Actor, year: int, tiers: Sequence[RatingTier] = DEFAULT_TIERS
) -> dict[str, int]:
    """Store each household's rating for *year*; returns the count per tier."""
    require(actor, Permission.MANAGE_SETTINGS)
    rows = annual_ratings(db, year, tiers)
    counts: dict[str, int] = {}
    with db.write() as session:
        by_id = {r.household_id: r for r in rows}
        ids = list(by_id)
        for i in range(0, len(ids), _CHUNK):
            for h in session.scalars(
                select(Household).where(Household.id.in_(ids[i : i + _CHUNK]))
            ):
                rating = by_id[h.id].rating
                if h.rating != rating or h.rating_year != year:
                    h.rating = rating
                    h.rating_year = year
        for r in rows:
            counts[r.rating] = counts.get(r.rating, 0) + 1
        audit.record(
            session,
            actor,
            "points.apply_ratings",
            "household",
            "",
            after={
                "year": year,
                "counts": counts,
                "tiers": [(t.label, t.min_score) for t in tiers],
            },
        )
    return counts
