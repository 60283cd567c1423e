"""站点规则 — the station policy, declared once: points and volunteer rules.

The rules a township may set for its stations (and provinces differ on) are
typed dataclasses here, each field with its default:

* :class:`PointsPolicy` — the points period (kind, base score, carry-over or
  clearance), the redemption thresholds (合格线, minimum balance), the annual
  rating tiers (星级文明户...) and the 志愿者积分银行 (points per approved hour of
  service, their rounding, caps per activity and per period, which kinds of
  service count, and whether a resident volunteer's points go to the household
  or to the volunteer's own account — app.services.volunteers.bank);
* :class:`VolunteerPolicy` — team and activity categories, the monthly quotas,
  the kiosk windows (duplicate scan, minimum stay, confirmation), hours rounding,
  star thresholds, the certificate prefix and the per-day caps (hours in one day
  above which a record needs review; sign-ins per person per day at one activity)
  and the days after which a 四单 order is overdue (not dispatched, not completed).

They are stored **in the database** (``local_state``, key ``policy/<name>``, a
JSON document ``{"version": N, "values": {...}}``), so a backup carries them and
a restore brings them back; a later township config package writes the same keys.
UI-only preferences (language, window geometry) stay in ``settings.ini``
(app.settings).  Reading is forgiving: an older version is upgraded step by step
(``_UPGRADES``), unknown keys are ignored, and a value of the wrong type or one the
rules refuse falls back to its default with a log line — a damaged entry never stops
the station.  Writing validates, needs ``Permission.MANAGE_SETTINGS`` and is audited
with the old and new values.

Before the points policy is ever saved, its period kind, base score and end action
are those of the station's newest period (a station set up elsewhere, or the demo,
continues as its periods list says).  Stations that kept the points settings in
``settings.ini`` (before this module) hand them over once at start-up with
:func:`adopt_legacy_points`.  Qt-free: services and the CLI use it.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import LocalState, PointPeriod
from app.services import audit
from app.services.auth import SYSTEM, Actor, Permission, require
from app.services.points import (
    DEFAULT_TIERS,
    END_ACTIONS,
    PERIOD_KINDS,
    PointsSettings,
    RatingTier,
)

log = logging.getLogger(__name__)

POINTS_KEY = "policy/points"
VOLUNTEERS_KEY = "policy/volunteers"
LEGACY_VOLUNTEERS_KEY = "volunteer_policy"  # flat JSON, before the policy home (version 1)

POINTS_VERSION = 2
VOLUNTEERS_VERSION = 2
ROUNDING_STEPS = (1, 5, 6, 10, 15, 30, 60)
MAX_TIERS = 10

# DOMAIN "Organisation": the "8+N" team categories — 8 fixed plus local ones.
DEFAULT_TEAM_CATEGORIES = (
    "理论宣讲",
    "文化文艺",
    "科技科普",
    "卫生健康",
    "法律服务",
    "助学支教",
    "扶贫帮困",
    "生态环保",
    "平安法治",
    "移风易俗",
)
# DOMAIN "Activities": the five tasks and the platform types.
FIVE_TASKS = (
    "学习实践科学理论",
    "宣传宣讲党的政策",
    "培育践行主流价值",
    "丰富活跃文化生活",
    "持续深入移风易俗",
)
PLATFORMS = ("理论宣讲", "教育服务", "文化服务", "科技科普", "健身体育")

# 积分银行: the kinds of service whose approved hours may earn points.  "activity" is a
# kiosk record (sign-in/sign-out or the close-time sign-out), "manual" one typed in
# with a reason, "order" a 四单 order's service (app.services.orders).
SERVICE_KINDS = ("activity", "manual", "order")
SERVICE_ROUNDINGS = ("down", "nearest", "up")
SERVICE_ACCOUNTS = ("household", "own")


# --- points ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointsPolicy:
    """The station's points rules (each a default the township may change)."""

    period_kind: str = "year"  # month, quarter, year
    base_points: int = 0  # 基础分 written at period open
    pass_line: int = 0  # 合格线: minimum period score to redeem; 0 = none
    min_balance: int = 0  # minimum balance to redeem at all; 0 = none
    end_action: str = "carry"  # carry (结转) or clear (清零) at finalize
    # annual rating tiers (title, minimum annual score), highest first
    rating_tiers: tuple[tuple[str, int], ...] = tuple((t.label, t.min_score) for t in DEFAULT_TIERS)
    # 志愿者积分银行 (version 2): 0 points per hour = service earns no points
    service_points_per_hour: int = 0
    service_rounding: str = "down"  # hours x rate rounded down, to nearest or up
    service_cap_per_activity: int = 0  # a volunteer's points from one activity; 0 = none
    service_cap_per_period: int = 0  # a volunteer's service points in one period; 0 = none
    service_kinds: tuple[str, ...] = ("activity", "manual")
    # household: a volunteer linked to a resident earns for the resident's household;
    # own: every volunteer earns on an own account.  A volunteer from outside the
    # village (no resident linked) always earns on an own account.
    service_account: str = "household"

    def validated(self) -> PointsPolicy:
        if self.period_kind not in PERIOD_KINDS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The points period is a month, a quarter or a year.")
            )
        if self.end_action not in END_ACTIONS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "At the end of a period points are carried or cleared.")
            )
        for value in (self.base_points, self.pass_line, self.min_balance):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The base score, pass line and minimum balance are 0 or more."
                    )
                )
        for value in (
            self.service_points_per_hour,
            self.service_cap_per_activity,
            self.service_cap_per_period,
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10000:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Points per hour of service and their caps are whole numbers "
                        "from 0 to 10000.",
                    )
                )
        if self.service_rounding not in SERVICE_ROUNDINGS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Points for service are rounded down, to the nearest or up."
                )
            )
        if self.service_account not in SERVICE_ACCOUNTS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Points for service go to the household or to the volunteer's own account.",
                )
            )
        kinds = tuple(dict.fromkeys(self.service_kinds))
        if any(k not in SERVICE_KINDS for k in kinds):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The kinds of service that earn points are activity, manual, order."
                )
            )
        tiers: list[tuple[str, int]] = []
        for label, score in self.rating_tiers:
            label = " ".join(str(label).split())
            if not label or isinstance(score, bool) or not isinstance(score, int):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Each rating tier needs a title and a whole-number minimum score."
                    )
                )
            tiers.append((label, score))
        labels = [label for label, _ in tiers]
        if not tiers or len(tiers) > MAX_TIERS or len(set(labels)) != len(labels):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The rating tiers are 1 to 10 tiers with different titles."
                )
            )
        return replace(
            self,
            rating_tiers=tuple(sorted(tiers, key=lambda t: t[1], reverse=True)),
            service_kinds=kinds,
        )

    def settings(self) -> PointsSettings:
        """The value the points and supermarket services take."""
        return PointsSettings(
            period_kind=self.period_kind,
            base_points=self.base_points,
            pass_line=self.pass_line or None,
            min_balance=self.min_balance or None,
            end_action=self.end_action,
        )

    def tiers(self) -> list[RatingTier]:
        """The rating tiers, highest first."""
        return [RatingTier(label, score) for label, score in self.rating_tiers]


# --- volunteers --------------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerPolicy:
    """The configurable rules of volunteer and activity work (DOMAIN defaults)."""

    team_categories: tuple[str, ...] = DEFAULT_TEAM_CATEGORIES
    activity_categories: tuple[str, ...] = FIVE_TASKS
    platforms: tuple[str, ...] = PLATFORMS
    monthly_min_activities: int = 8
    monthly_min_theory: int = 3
    theory_platform: str = "理论宣讲"
    # Kiosk: a repeat of the same card within this many seconds is a scanner double
    # read and returns the earlier result.  5 s (not 10): a worker who sees the amber
    # "scan again to sign out" card and scans again a few seconds later must not be
    # answered with the same amber card.
    duplicate_window_seconds: int = 5
    # Auto mode: a scan sooner than this after sign-in is amber (probably by mistake)...
    min_stay_minutes: int = 10
    # ...and a second scan within this many seconds of that amber result signs out.
    confirm_window_seconds: int = 60
    rounding_minutes: int = 30  # hours are counted in steps of this many minutes
    rounding: str = "down"  # down or nearest
    star_thresholds_hours: tuple[int, ...] = (100, 300, 600, 1000, 1500)
    certificate_prefix: str = "ZM"
    # Per-day caps (provinces differ): a volunteer's hours on one day above this many
    # hours are flagged for review ("over_day_hours"); 0 = no such check.
    review_above_hours_per_day: int = 0
    # Sign-ins of one person at one activity on one day; more are refused; 0 = no limit.
    max_signins_per_day: int = 0
    # 办法 art. 11: records reach the national system within 10 working days; the
    # dashboard warns of approved records not exported this many working days on.
    national_warn_days: int = 7
    # 四单: an order not dispatched within this many days of its receipt, or not
    # completed within this many, is overdue (highlighted); 0 = no such check.
    order_dispatch_days: int = 2
    order_complete_days: int = 7

    def validated(self) -> VolunteerPolicy:
        def cleaned(values: tuple[str, ...]) -> tuple[str, ...]:
            out = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
            if not out:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "A list of categories cannot be empty.")
                )
            return out

        thresholds = tuple(int(t) for t in self.star_thresholds_hours)
        if not thresholds or any(b <= a for a, b in itertools.pairwise(thresholds)):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Star thresholds must be rising numbers of hours, e.g. 100, 300, 600."
                )
            )
        if thresholds[0] <= 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Star thresholds must be more than 0 hours.")
            )
        if self.rounding_minutes not in ROUNDING_STEPS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Hours can be counted in steps of 1, 5, 6, 10, 15, 30 or 60 minutes."
                )
            )
        if self.rounding not in ("down", "nearest"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Rounding must be down or to the nearest step.")
            )
        for value in (
            self.monthly_min_activities,
            self.monthly_min_theory,
            self.duplicate_window_seconds,
            self.min_stay_minutes,
            self.confirm_window_seconds,
            self.max_signins_per_day,
            self.order_dispatch_days,
            self.order_complete_days,
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Quotas and time windows must be 0 or more.")
                )
        hours = self.review_above_hours_per_day
        if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= 24:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The hours in one day that need review are 0 (no check) to 24."
                )
            )
        warn = self.national_warn_days
        if isinstance(warn, bool) or not isinstance(warn, int) or not 1 <= warn <= 10:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The national export warning comes after 1 to 10 working days.",
                )
            )
        prefix = self.certificate_prefix.strip().upper()
        if not re.fullmatch(r"[A-Z]{1,6}", prefix):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The certificate prefix is 1–6 Latin letters.")
            )
        return replace(
            self,
            team_categories=cleaned(self.team_categories),
            activity_categories=cleaned(self.activity_categories),
            platforms=cleaned(self.platforms),
            star_thresholds_hours=thresholds,
            certificate_prefix=prefix,
        )


@dataclass(frozen=True)
class StationPolicy:
    points: PointsPolicy
    volunteers: VolunteerPolicy


# --- reading -------------------------------------------------------------------------------

P = TypeVar("P", PointsPolicy, VolunteerPolicy)
Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

# name -> {stored version: step that upgrades its values to the next version}
_UPGRADES: dict[str, dict[int, Upgrade]] = {
    # version 1 had no 积分银行: service earns no points until the station sets a rate
    "points": {1: lambda values: dict(values)},
    # version 1 (the flat ``volunteer_policy`` JSON) had no per-day caps: they are off
    "volunteers": {1: lambda values: dict(values)},
}


def _typed(value: Any, default: Any) -> Any:
    """*value* in the type of *default*, or raise TypeError."""
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(default, bool) and isinstance(value, bool)
    elif isinstance(default, int | str):
        ok = isinstance(value, type(default))
    elif isinstance(default, tuple) and isinstance(value, list | tuple):
        sample = default[0] if default else ""
        if isinstance(sample, tuple):  # rows such as (title, score)
            return tuple(_typed_row(v, sample) for v in value)
        return tuple(_typed(v, sample) for v in value)
    else:
        ok = False
    if not ok:
        raise TypeError(f"{value!r} is not like {default!r}")
    return value


def _typed_row(value: Any, sample: tuple[Any, ...]) -> tuple[Any, ...]:
    if not isinstance(value, list | tuple) or len(value) != len(sample):
        raise TypeError(f"{value!r} is not like {sample!r}")
    return tuple(_typed(v, s) for v, s in zip(value, sample, strict=True))


def _decode(cls: type[P], name: str, raw: str | None, current: int) -> P:
    default = cls()
    if not raw:
        return default
    try:
        doc = json.loads(raw)
    except ValueError:
        log.warning("policy %s: stored value is not JSON; using the defaults", name)
        return default
    if isinstance(doc, dict) and isinstance(doc.get("values"), dict) and "version" in doc:
        version, values = doc.get("version"), dict(doc["values"])
    elif isinstance(doc, dict):
        version, values = 1, doc  # before versions were stored
    else:
        log.warning("policy %s: stored value is not an object; using the defaults", name)
        return default
    if not isinstance(version, int) or version < 1:
        log.warning("policy %s: unknown version %r; reading what it has", name, version)
        version = current
    if version > current:
        log.warning(
            "policy %s: version %s is newer than %s; reading known keys", name, version, current
        )
    while version < current:
        values = _UPGRADES[name][version](values)
        version += 1
    result = default
    for f in fields(cls):
        if f.name not in values:
            continue
        try:
            candidate = replace(
                result, **{f.name: _typed(values[f.name], getattr(default, f.name))}
            )
            candidate.validated()
        except (TypeError, ValueError, ValidationError):
            log.warning(
                "policy %s: %s=%r is not valid; using the default %r",
                name,
                f.name,
                values[f.name],
                getattr(default, f.name),
            )
            continue
        result = candidate
    unknown = sorted(set(values) - {f.name for f in fields(cls)})
    if unknown:
        log.info("policy %s: ignoring unknown keys %s", name, ", ".join(unknown))
    return result.validated()


def _encode(policy: PointsPolicy | VolunteerPolicy, version: int) -> str:
    return json.dumps(
        {"version": version, "values": asdict(policy)}, ensure_ascii=False, sort_keys=True
    )


def _stored(session: Session, key: str) -> str | None:
    row = session.get(LocalState, key)
    return row.value if row is not None and row.value else None


def _period_defaults(session: Session) -> PointsPolicy:
    """Before the points policy is saved: the newest period's kind, base and end action."""
    latest = session.scalar(
        select(PointPeriod).order_by(PointPeriod.opened_at.desc(), PointPeriod.id.desc()).limit(1)
    )
    policy = PointsPolicy()
    if latest is None:
        return policy
    if latest.kind in PERIOD_KINDS:
        policy = replace(policy, period_kind=latest.kind)
    if latest.base_points >= 0:
        policy = replace(policy, base_points=int(latest.base_points))
    if latest.end_action in END_ACTIONS:
        policy = replace(policy, end_action=latest.end_action)
    return policy


def load_points_policy(session: Session) -> PointsPolicy:
    raw = _stored(session, POINTS_KEY)
    if raw is None:
        return _period_defaults(session)
    return _decode(PointsPolicy, "points", raw, POINTS_VERSION)


def load_volunteer_policy(session: Session) -> VolunteerPolicy:
    raw = _stored(session, VOLUNTEERS_KEY)
    if raw is None:
        raw = _stored(session, LEGACY_VOLUNTEERS_KEY)
    return _decode(VolunteerPolicy, "volunteers", raw, VOLUNTEERS_VERSION)


def get_policy(db: Database) -> StationPolicy:
    with db.read() as session:
        return StationPolicy(load_points_policy(session), load_volunteer_policy(session))


def get_points_policy(db: Database) -> PointsPolicy:
    with db.read() as session:
        return load_points_policy(session)


def points_settings(db: Database) -> PointsSettings:
    """The :class:`PointsSettings` a points or supermarket action takes now."""
    return get_points_policy(db).settings()


def get_volunteer_policy(db: Database) -> VolunteerPolicy:
    with db.read() as session:
        return load_volunteer_policy(session)


# --- writing -------------------------------------------------------------------------------


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(LocalState, key)
    if row is None:
        session.add(LocalState(key=key, value=value))
    else:
        row.value = value


def _changes(before: Any, after: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    old, new = asdict(before), asdict(after)
    keys = [k for k in new if old.get(k) != new[k]]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


def set_points_policy(db: Database, actor: Actor, policy: PointsPolicy) -> PointsPolicy:
    """Save the points rules (administrators); audited old → new per changed field."""
    require(actor, Permission.MANAGE_SETTINGS)
    policy = policy.validated()
    with db.write() as session:
        before = load_points_policy(session)
        _put(session, POINTS_KEY, _encode(policy, POINTS_VERSION))
        old, new = _changes(before, policy)
        audit.record(session, actor, "policy.points", "station", "", before=old, after=new)
    return policy


def set_volunteer_policy(db: Database, actor: Actor, policy: VolunteerPolicy) -> VolunteerPolicy:
    """Save the volunteer rules (administrators); audited old → new per changed field."""
    require(actor, Permission.MANAGE_SETTINGS)
    policy = policy.validated()
    with db.write() as session:
        before = load_volunteer_policy(session)
        _put(session, VOLUNTEERS_KEY, _encode(policy, VOLUNTEERS_VERSION))
        legacy = session.get(LocalState, LEGACY_VOLUNTEERS_KEY)
        if legacy is not None:
            session.delete(legacy)
        old, new = _changes(before, policy)
        audit.record(session, actor, "volunteer.policy", "station", "", before=old, after=new)
    return policy


def adopt_legacy_points(db: Database, values: Mapping[str, Any]) -> bool:
    """Take points settings kept outside the database (``settings.ini`` before the
    policy home) as the points policy — once: only while none is stored.  *values*
    maps :class:`PointsPolicy` field names to what was found; the rest come from the
    newest period or the defaults, and a bad value keeps its default (logged).
    Returns True when a policy was written."""
    with db.write() as session:
        if _stored(session, POINTS_KEY) is not None:
            return False
        base = _period_defaults(session)
        merged = {**asdict(base), **{k: v for k, v in values.items() if v is not None}}
        policy = _decode(
            PointsPolicy,
            "points",
            json.dumps({"version": POINTS_VERSION, "values": merged}, ensure_ascii=False),
            POINTS_VERSION,
        )
        _put(session, POINTS_KEY, _encode(policy, POINTS_VERSION))
        old, new = _changes(base, policy)
        audit.record(session, SYSTEM, "policy.points", "station", "", before=old, after=new or None)
    log.info("points settings moved from settings.ini into the database")
    return True
