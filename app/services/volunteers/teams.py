"""志愿服务队 — the volunteer teams ("8+N"), their members, and the forms' catalogue.

A team belongs to one of the policy's team categories; the default "8+N" teams
are made at set-up (:func:`add_default_teams`).  Joining and leaving are
memberships with dates, never deleted (a tombstone or ``active`` false), so a
volunteer's history of teams stays.  :func:`form_catalog` is what the volunteer
and activity forms offer (the policy's lists, the teams, the points rules an
activity may award), read in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    TeamMembership,
    VolunteerTeam,
)
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.policy import VolunteerPolicy
from app.services.volunteers.people import (
    TeamData,
    TeamView,
    VolunteerView,
    _get_team,
    _join_team,
    get_volunteer_row,
    load_policy,
    volunteer_view,
)

# --- teams -------------------------------------------------------------------------------


def _team_view(team: VolunteerTeam, member_count: int = 0) -> TeamView:
    return TeamView(
        team.id,
        team.name,
        team.category,
        team.leader_name,
        team.description,
        team.active,
        team.sort_order,
        member_count,
    )


def _clean_team(data: TeamData, policy: VolunteerPolicy) -> TeamData:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the team's name."))
    if len(name) > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A team name can have at most 60 characters.")
        )
    category = data.category.strip()
    if category and category not in policy.team_categories:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{category}” is not one of the service categories."),
            category=category,
        )
    return TeamData(
        name, category, data.leader_name.strip()[:50], data.description.strip(), data.sort_order
    )


def _check_team_name(session: Session, name: str, except_id: str | None = None) -> None:
    query = select(VolunteerTeam.id).where(VolunteerTeam.name == name)
    if except_id:
        query = query.where(VolunteerTeam.id != except_id)
    if session.scalar(query.limit(1)) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is already a team called {name}."), name=name
        )


def seed_default_teams(db: Database, actor: Actor) -> int:
    """Create one team per "8+N" category that has none yet; returns how many were made."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        return add_default_teams(session, actor)


def add_default_teams(session: Session, actor: Actor) -> int:
    policy = load_policy(session)
    have = set(
        session.scalars(select(VolunteerTeam.category).where(VolunteerTeam.deleted.is_(False)))
    )
    names = set(session.scalars(select(VolunteerTeam.name)))
    made = 0
    for order, category in enumerate(policy.team_categories):
        name = f"{category}志愿服务队"
        if category in have or name in names:
            continue
        team = VolunteerTeam(
            name=name,
            category=category,
            leader_name="",
            description="",
            active=True,
            sort_order=order,
        )
        session.add(team)
        made += 1
    if made:
        audit.record(session, actor, "team.seed", "volunteer_team", "", after={"created": made})
    return made


def create_team(db: Database, actor: Actor, data: TeamData) -> TeamView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        data = _clean_team(data, load_policy(session))
        _check_team_name(session, data.name)
        team = VolunteerTeam(
            name=data.name,
            category=data.category,
            leader_name=data.leader_name,
            description=data.description,
            active=True,
            sort_order=data.sort_order,
        )
        session.add(team)
        session.flush()
        audit.record(session, actor, "team.create", "volunteer_team", team.id, after=asdict(data))
        return _team_view(team)


def update_team(db: Database, actor: Actor, team_id: str, data: TeamData) -> TeamView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        team = _get_team(session, team_id)
        data = _clean_team(data, load_policy(session))
        _check_team_name(session, data.name, except_id=team.id)
        before = {"name": team.name, "category": team.category, "leader": team.leader_name}
        team.name, team.category = data.name, data.category
        team.leader_name, team.description = data.leader_name, data.description
        team.sort_order = data.sort_order
        audit.record(
            session,
            actor,
            "team.update",
            "volunteer_team",
            team.id,
            before=before,
            after=asdict(data),
        )
        return _team_view(team, _member_count(session, team.id))


def set_team_active(db: Database, actor: Actor, team_id: str, active: bool) -> TeamView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        team = _get_team(session, team_id)
        if team.active != active:
            team.active = active
            audit.record(
                session,
                actor,
                "team.enable" if active else "team.disable",
                "volunteer_team",
                team.id,
                after={"active": active},
            )
        return _team_view(team, _member_count(session, team.id))


def _member_count(session: Session, team_id: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(TeamMembership)
            .where(
                TeamMembership.team_id == team_id,
                TeamMembership.active.is_(True),
                TeamMembership.deleted.is_(False),
            )
        )
        or 0
    )


def teams_in(session: Session, include_inactive: bool = False) -> list[TeamView]:
    """Step: the teams, with their active members counted."""
    counts = dict(
        session.execute(
            select(TeamMembership.team_id, func.count())
            .where(TeamMembership.active.is_(True), TeamMembership.deleted.is_(False))
            .group_by(TeamMembership.team_id)
        ).all()
    )
    query = select(VolunteerTeam).where(VolunteerTeam.deleted.is_(False))
    if not include_inactive:
        query = query.where(VolunteerTeam.active.is_(True))
    teams = session.scalars(query.order_by(VolunteerTeam.sort_order, VolunteerTeam.name))
    return [_team_view(t, counts.get(t.id, 0)) for t in teams]


def list_teams(db: Database, include_inactive: bool = False) -> list[TeamView]:
    with db.read() as session:
        return teams_in(session, include_inactive)


@dataclass(frozen=True)
class RuleChoice:
    """A points rule an activity may award (active, with points to give)."""

    code: str
    name: str
    points: int


@dataclass(frozen=True)
class Catalog:
    """What the volunteer and activity forms offer: the policy's lists, the teams and
    the points rules an activity may award."""

    policy: VolunteerPolicy
    teams: tuple[TeamView, ...]
    rules: tuple[RuleChoice, ...]


def form_catalog(db: Database) -> Catalog:
    """The forms' :class:`Catalog`, read in one transaction."""
    from app.models import PointRule

    with db.read() as session:
        rules = session.execute(
            select(PointRule.code, PointRule.name, PointRule.points)
            .where(PointRule.deleted.is_(False), PointRule.active.is_(True), PointRule.points > 0)
            .order_by(PointRule.sort_order, PointRule.code)
        ).all()
        return Catalog(
            load_policy(session),
            tuple(teams_in(session)),
            tuple(RuleChoice(*r) for r in rules),
        )


def add_to_team(
    db: Database, actor: Actor, team_id: str, volunteer_id: str, role: str = ""
) -> VolunteerView:
    """Put a volunteer in a team (or change their role in it, e.g. 队长)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        team = _get_team(session, team_id)
        if not team.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The team {name} is no longer active."), name=team.name
            )
        v = get_volunteer_row(session, volunteer_id)
        if _join_team(session, team, v, role.strip()[:20], date.today()):
            audit.record(
                session,
                actor,
                "team.join",
                "volunteer",
                v.id,
                after={"team": team.name, "role": role.strip()[:20]},
            )
        return volunteer_view(session, v)


def remove_from_team(db: Database, actor: Actor, team_id: str, volunteer_id: str) -> VolunteerView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        team = _get_team(session, team_id)
        v = get_volunteer_row(session, volunteer_id)
        row = session.scalar(
            select(TeamMembership).where(
                TeamMembership.team_id == team.id, TeamMembership.volunteer_id == v.id
            )
        )
        if row is not None and row.active:
            row.active = False
            audit.record(session, actor, "team.leave", "volunteer", v.id, after={"team": team.name})
        return volunteer_view(session, v)


def change_teams(
    db: Database,
    actor: Actor,
    volunteer_id: str,
    joined: Sequence[str],
    left: Sequence[str],
) -> VolunteerView:
    """Put a volunteer into some teams and take them out of others, in one transaction."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        for team_id in joined:
            team = _get_team(session, team_id)
            if not team.active:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The team {name} is no longer active."),
                    name=team.name,
                )
            if _join_team(session, team, v, "", date.today()):
                audit.record(
                    session,
                    actor,
                    "team.join",
                    "volunteer",
                    v.id,
                    after={"team": team.name, "role": ""},
                )
        for team_id in left:
            team = _get_team(session, team_id)
            row = session.scalar(
                select(TeamMembership).where(
                    TeamMembership.team_id == team.id, TeamMembership.volunteer_id == v.id
                )
            )
            if row is not None and row.active:
                row.active = False
                audit.record(
                    session, actor, "team.leave", "volunteer", v.id, after={"team": team.name}
                )
        session.flush()
        return volunteer_view(session, v)
