"""积分细则 — the rule catalogue: 加分项 and 扣分项 with their points, unit and cap.

A village adopts its catalogue at the villagers' meeting; :data:`DEFAULT_RULES`
is the starting point a new station is seeded with.  A rule changes only for
future entries (each entry keeps a snapshot of the rule it was posted under),
and its code never changes.  :class:`PointsRefused` is the refusal every points
action raises when the rules do not allow it (a rule no longer in use, a cap,
a finalized period, an undone batch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import PointRule, RuleKind
from app.models.base import STATION_ID
from app.services import audit
from app.services.auth import SYSTEM, Actor, Permission, require

MAX_RULE_POINTS = 10_000


class PointsRefused(DomainError):
    """A points action the rules do not allow (cap, closed period, undone batch...)."""


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
