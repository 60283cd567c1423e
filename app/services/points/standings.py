"""积分榜、红黑榜与星级评定 — rankings of a period or a year and the annual ratings.

Scores come from the ledger's ``scored`` entries; a whole year is read as a
table scan (most of the recent ledger).  Ranks are competition ranks (1, 2,
2, 4); the annual rating gives each household the highest tier it reaches
(星级文明户, 文明信用户 — the tiers are the station's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnClause, func, literal_column, select, true
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Household, PointEntry
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.households import village_households
from app.services.points.ledger import _CHUNK, _ledger_scan
from app.services.points.settings import _check_period, _in_period


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
            .where(Household.deleted.is_(False), village_households())
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
            .where(Household.deleted.is_(False), Household.active.is_(True), village_households())
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
