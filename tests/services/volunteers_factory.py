"""Helpers shared by the volunteer, activity, kiosk, hours and certificate tests.

Named like a test module only so that it sits with them; it holds no tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.db import Database
from app.models import (
    AuditEntry,
    Certificate,
    CertificateEvent,
    Household,
    Participation,
    PointEntry,
    Presence,
    Role,
    ScanEvent,
    ServiceRecord,
    ServiceRecordDecision,
    StarGrant,
    Volunteer,
)
from app.paths import DataDir
from app.services import activities, auth, cards, keys, points, volunteers
from app.services.activities import ActivityData
from app.services.auth import Actor
from app.services.households import HouseholdData, MemberData, create_household
from app.services.personal import id_check_digit
from app.services.volunteers import VolunteerData

DAY = datetime(2026, 5, 9)
START = DAY.replace(hour=8)
END = DAY.replace(hour=12)
TASK = "学习实践科学理论"


def make_id(birth: str = "19900101", region: str = "330481", seq: str = "123") -> str:
    body = region + birth + seq
    return body + id_check_digit(body)


@dataclass
class World:
    db: Database
    admin: Actor
    worker: Actor
    key: bytes
    data_dir: DataDir
    activity_id: str


def worker_of(db: Database, admin: Actor) -> Actor:
    op_id = auth.create_operator(db, admin, "shijian", "李秀英", Role.WORKER, "worker123")
    return Actor(op_id, "shijian", "李秀英", Role.WORKER)


def new_volunteer(db: Database, actor: Actor, name: str = "张三", **kw: object) -> str:
    return volunteers.create_volunteer(db, actor, VolunteerData(name=name, **kw)).id  # type: ignore[arg-type]


def new_activity(
    db: Database,
    actor: Actor,
    *,
    start: datetime = START,
    end: datetime = END,
    rule: str = "",
    open_it: bool = True,
    **kw: object,
) -> str:
    data = ActivityData(
        title=str(kw.pop("title", "理论宣讲进村")),
        category=str(kw.pop("category", TASK)),
        starts_at=start,
        ends_at=end,
        points_rule_code=rule,
        **kw,  # type: ignore[arg-type]
    )
    activity = activities.create_activity(db, actor, data)
    if open_it:
        activities.open_activity(db, actor, activity.id)
    return activity.id


def make_world(db: Database, admin: Actor, data_dir: DataDir) -> World:
    key = keys.load_keys(data_dir.keys).card_key
    worker = worker_of(db, admin)
    with db.write() as s:
        points.seed_default_rules(s)
    points.create_rule(db, admin, points.RuleData(code="HD5", name="参加活动", points=5))
    activity_id = new_activity(db, worker, rule="HD5")
    return World(db, admin, worker, key, data_dir, activity_id)


def volunteer_card(w: World, name: str = "张三", **kw: object) -> tuple[str, str]:
    vid = new_volunteer(w.db, w.worker, name, **kw)
    card = volunteers.issue_volunteer_card(w.db, w.worker, w.key, vid)
    return vid, card.payload


def household_card(w: World, number: str, head: str = "王五") -> tuple[str, str]:
    h = create_household(w.db, w.worker, HouseholdData(number=number), MemberData(name=head))
    card = cards.issue_card(w.db, w.worker, w.key, cards.CardKind.HOUSEHOLD, h.id)
    return h.id, card.payload


def snapshot(db: Database) -> dict[str, int]:
    """Counts and sums that a refused action must leave unchanged."""
    counted = {
        "audit": AuditEntry,
        "scan": ScanEvent,
        "presence": Presence,
        "record": ServiceRecord,
        "decision": ServiceRecordDecision,
        "participation": Participation,
        "point_entry": PointEntry,
        "star": StarGrant,
        "certificate": Certificate,
        "certificate_event": CertificateEvent,
    }
    with db.read() as s:
        out = {
            name: s.scalar(select(func.count()).select_from(model)) or 0
            for name, model in counted.items()
        }
        out["balance"] = s.scalar(select(func.coalesce(func.sum(Household.balance), 0))) or 0
        out["minutes"] = (
            s.scalar(select(func.coalesce(func.sum(Volunteer.approved_minutes), 0))) or 0
        )
    return out


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in before if after[k] != before[k]}
