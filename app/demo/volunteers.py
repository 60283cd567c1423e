"""演示数据: volunteers, teams, activities, kiosk scans, approved hours, stars, certificates.

A filler for app.demo.station (``fill_demo(ctx)``, registered below).  It
writes in a few big transactions with Core ``INSERT``s for the high-volume ledgers
(scan events, presences, hour records, decisions) and stamps their syncable
columns itself — the ORM hook would cost minutes at the large size — while
keeping every cache consistent with its ledger, so app.services.volunteers.hours
.verify passes on a demo station.  Activities spread over the 12 months before
today; nearly every past one is closed with its pairs signed in and out, and most
hours approved.  Deterministic for a given ``ctx.rng`` seed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.demo.station import DemoContext, register_filler
from app.ids import new_id
from app.models import (
    Activity,
    ActivityState,
    ActivityTeam,
    Card,
    Presence,
    ScanEvent,
    ServiceRecord,
    ServiceRecordDecision,
    ServiceRecordState,
    Station,
    TeamMembership,
    Volunteer,
    VolunteerTeam,
    utcnow,
)
from app.models.base import next_change_seq
from app.services import audit, personal
from app.services.households import initials
from app.services.volunteers import add_default_teams, certificates, load_policy
from app.services.volunteers import hours as service_hours

_BATCH = 400  # activities per transaction
TITLES = {
    "理论宣讲": ("党的创新理论宣讲", "政策进万家", "百姓宣讲团进村", "学习党史故事会"),
    "教育服务": ("四点半课堂", "家风家教讲座", "防溺水安全课"),
    "文化服务": ("广场舞展演", "村晚彩排", "书法进农家", "露天电影放映"),
    "科技科普": ("农技培训", "反诈宣传", "智能手机使用课"),
    "健身体育": ("村民趣味运动会", "太极拳晨练", "健步走"),
}
TASK_OF = {
    "理论宣讲": "学习实践科学理论",
    "教育服务": "培育践行主流价值",
    "文化服务": "丰富活跃文化生活",
    "科技科普": "宣传宣讲党的政策",
    "健身体育": "持续深入移风易俗",
}
SKILLS = ("唱歌", "舞蹈", "书法", "医护", "法律", "电脑", "驾驶", "厨艺", "维修", "摄影")


def _stamp(session: Session, station_id: str) -> dict[str, Any]:
    now = utcnow()
    return {
        "station_id": station_id,
        "created_at": now,
        "updated_at": now,
        "row_version": 1,
        "change_seq": next_change_seq(session),
        "deleted": False,
    }


def fill_demo(ctx: DemoContext) -> None:
    """Teams, ``ctx.size.volunteers`` volunteers, ``ctx.size.activities`` activities."""
    db, rng, actor, names = ctx.db, ctx.rng, ctx.actor, ctx.names
    today = date.today()
    with db.write() as session:
        station = session.get_one(Station, db.station_id)
        station_id, code = station.id, station.code
        policy = load_policy(session)
        add_default_teams(session, actor)  # set-up made them; this only fills gaps
        teams = list(
            session.scalars(
                select(VolunteerTeam)
                .where(VolunteerTeam.category.in_(policy.team_categories))
                .order_by(VolunteerTeam.sort_order)
            )
        )
        session.flush()
        volunteers: list[Volunteer] = []
        for seq in range(1, ctx.size.volunteers + 1):
            name, sex_zh = names.person()
            birth = names.birth_date(18, 72)
            id_number = names.id_number(birth, sex_zh) if rng.random() < 0.7 else ""
            phone = names.mobile() if rng.random() < 0.8 else ""
            cats = rng.sample(policy.team_categories, rng.randint(1, 2))
            v = Volunteer(
                number=f"{code[-6:]}-V-{seq:05d}",
                number_seq=seq,
                name=name,
                initials=initials(name),
                sex="M" if sex_zh == "男" else "F",
                birth_date=birth,
                id_type="id_card" if id_number else "",
                id_number=id_number,
                id_masked=personal.mask_id(id_number),
                id_hash=personal.id_hash(session, id_number),
                phone=phone,
                phone_masked=personal.mask_phone(phone),
                phone_tail=personal.phone_tail(phone),
                group_name=names.group(),
                address="",
                skills="|".join(rng.sample(SKILLS, 2)),
                service_categories="|".join(cats),
                member_id=None,
                status="active",
                joined_on=today - timedelta(days=rng.randint(30, 1500)),
                left_reason="",
                note="",
                approved_minutes=0,
                star_level=0,
            )
            volunteers.append(v)
        session.add_all(volunteers)
        session.flush()
        by_category = {t.category: t for t in teams}
        stamp = _stamp(session, station_id)
        memberships, card_rows = [], []
        issued = utcnow()
        for v in volunteers:
            for category in v.service_categories.split("|"):
                memberships.append(
                    {
                        **stamp,
                        "id": new_id(),
                        "team_id": by_category[category].id,
                        "volunteer_id": v.id,
                        "role": "",
                        "joined_on": v.joined_on,
                        "active": True,
                    }
                )
            card_rows.append(
                {
                    **stamp,
                    "id": new_id(),
                    "kind": "V",
                    "subject_id": v.id,
                    "serial": 1,
                    "issued_at": issued,
                    "issued_by": actor.display_name,
                    "revoked_at": None,
                    "revoke_reason": "",
                }
            )
        session.execute(insert(TeamMembership), memberships)
        session.execute(insert(Card), card_rows)
        audit.record(
            session,
            actor,
            "demo.volunteers",
            "volunteer",
            "",
            after={"volunteers": len(volunteers), "teams": len(teams)},
        )
    volunteer_ids = [v.id for v in volunteers]
    _fill_activities(ctx, station_id, volunteer_ids, teams, today)
    _finish(ctx, volunteer_ids, today)


def _fill_activities(
    ctx: DemoContext,
    station_id: str,
    volunteer_ids: list[str],
    teams: list[VolunteerTeam],
    today: date,
) -> None:
    db, rng, actor = ctx.db, ctx.rng, ctx.actor
    n = ctx.size.activities
    with db.read() as session:
        policy = load_policy(session)
    pairs_per_activity = max(1, ctx.size.scan_events // max(1, 2 * n))
    platforms = list(TITLES)
    if not volunteer_ids:
        return
    for first in range(0, n, _BATCH):
        with db.write() as session:
            stamp = _stamp(session, station_id)
            acts, links, events, presences, records, states, decisions = [], [], [], [], [], [], []
            for i in range(first, min(n, first + _BATCH)):
                platform = platforms[0] if i % 3 == 0 else rng.choice(platforms)
                day = today - timedelta(days=rng.randint(0, 364))
                start = datetime(day.year, day.month, day.day, rng.choice((8, 9, 14, 15)))
                end = start + timedelta(hours=rng.choice((2, 3, 4)))
                closed = end.date() < today
                aid = new_id()
                title = rng.choice(TITLES[platform])
                acts.append(
                    {
                        **stamp,
                        "id": aid,
                        "title": title,
                        "category": TASK_OF[platform],
                        "platform": platform,
                        "place": "村文化礼堂",
                        "starts_at": start,
                        "ends_at": end,
                        "content": f"{title}，村民积极参与。",
                        "capacity": None,
                        "hours_cap_minutes": None,
                        "points_rule_code": "",
                        "allow_households": True,
                        "recorder_id": actor.operator_id,
                        "recorder_name": actor.display_name,
                        "state": (ActivityState.CLOSED if closed else ActivityState.PLANNED).value,
                        "closed_at": end if closed else None,
                    }
                )
                if teams:
                    links.append(
                        {
                            **stamp,
                            "id": new_id(),
                            "activity_id": aid,
                            "team_id": rng.choice(teams).id,
                        }
                    )
                if not closed:
                    continue
                for vid in rng.sample(volunteer_ids, min(len(volunteer_ids), pairs_per_activity)):
                    in_at = start + timedelta(minutes=rng.randint(-20, 20))
                    out_at = end + timedelta(minutes=rng.randint(-40, 15))
                    minutes = service_hours.round_minutes(
                        int((min(out_at, end) - max(in_at, start)).total_seconds() // 60),
                        policy,
                    )
                    in_id, out_id, pid, rid = new_id(), new_id(), new_id(), new_id()
                    common = {
                        **stamp,
                        "activity_id": aid,
                        "origin": "scan",
                        "mode": "auto",
                        "payload": f"DEMO:{vid}",
                        "card_id": None,
                        "card_kind": "V",
                        "subject_id": vid,
                        "person_name": "",
                        "message": "",
                        "args": "{}",
                        "flags": "",
                        "presence_id": pid,
                        "annuls_id": None,
                        "operator_id": actor.operator_id,
                        "operator_name": actor.display_name,
                    }
                    events.append(
                        {
                            **common,
                            "id": in_id,
                            "scanned_at": in_at,
                            "action": "sign_in",
                            "status": "green",
                            "reason": "signed_in",
                        }
                    )
                    events.append(
                        {
                            **common,
                            "id": out_id,
                            "scanned_at": out_at,
                            "action": "sign_out",
                            "status": "green",
                            "reason": "signed_out",
                        }
                    )
                    presences.append(
                        {
                            **stamp,
                            "id": pid,
                            "activity_id": aid,
                            "volunteer_id": vid,
                            "state": "out",
                            "in_event_id": in_id,
                            "in_at": in_at,
                            "out_event_id": out_id,
                            "out_at": out_at,
                            "minutes": minutes,
                            "review_reason": "",
                        }
                    )
                    approved = minutes > 0 and rng.random() < 0.9
                    records.append(
                        {
                            **stamp,
                            "id": rid,
                            "volunteer_id": vid,
                            "activity_id": aid,
                            "presence_id": pid,
                            "source": "scan",
                            "service_date": in_at.date(),
                            "started_at": in_at,
                            "ended_at": out_at,
                            "raw_minutes": minutes,
                            "minutes": minutes,
                            "content": title,
                            "reason": "",
                            "review_reason": "",
                            "operator_id": actor.operator_id,
                            "operator_name": actor.display_name,
                        }
                    )
                    states.append(
                        {
                            **stamp,
                            "id": new_id(),
                            "record_id": rid,
                            "volunteer_id": vid,
                            "activity_id": aid,
                            "service_date": in_at.date(),
                            "status": "approved" if approved else "pending",
                            "minutes": minutes,
                            "review_reason": "",
                        }
                    )
                    if approved:
                        decisions.append(
                            {
                                **stamp,
                                "id": new_id(),
                                "record_id": rid,
                                "decision": "approved",
                                "minutes": minutes,
                                "reason": "",
                                "decided_at": utcnow(),
                                "operator_id": actor.operator_id,
                                "operator_name": actor.display_name,
                            }
                        )
            for model, rows in (
                (Activity, acts),
                (ActivityTeam, links),
                (ScanEvent, events),
                (Presence, presences),
                (ServiceRecord, records),
                (ServiceRecordState, states),
                (ServiceRecordDecision, decisions),
            ):
                if rows:
                    session.execute(insert(model), rows)


def _finish(ctx: DemoContext, volunteer_ids: list[str], today: date) -> None:
    """Cache the approved minutes, grant the stars reached, issue a few certificates."""
    db, actor = ctx.db, ctx.actor
    with db.write() as session:
        policy = load_policy(session)
        totals = dict(
            session.execute(
                select(ServiceRecordState.volunteer_id, func.sum(ServiceRecordState.minutes))
                .where(ServiceRecordState.status == "approved")
                .group_by(ServiceRecordState.volunteer_id)
            ).all()
        )
        granted = 0
        for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(list(totals)))):
            v.approved_minutes = int(totals[v.id] or 0)
            granted += len(service_hours.grant_in_session(session, actor, v, today, policy))
        audit.record(
            session,
            actor,
            "demo.hours",
            "volunteer",
            "",
            after={"volunteers_with_hours": len(totals), "star_grants": granted},
        )
    ranked = sorted(totals, key=lambda vid: -totals[vid])[: max(1, len(volunteer_ids) // 20)]
    key = b"demo-certificates-key-not-for-cards"
    start = today.replace(month=1, day=1)
    for vid in ranked:
        try:
            certificates.issue_service_record(db, actor, key, vid, start, today)
        except certificates.CertificateRefused:
            continue


register_filler("volunteers and activities", fill_demo)
