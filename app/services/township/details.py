"""汇总, the month's detail sections: stock, the two rankings, participation, star levels.

Plain results, no Qt.  Each function takes an open read session, the
stations read (``(station id, code, name)``, by code) and the month's bounds,
and names the stations in every query (``station_id IN (...)``) — a township
database holds many stations' rows and the ORM's automatic scope is not
relied on.  The same functions run on a station's own file with its own id,
which is how the tests prove the township's figures equal each station's.

* stock at the month's end is the stock ledger (``stock_move``) summed up to
  the month's end, not the goods' cached ``on_hand`` (that is today's); its
  value in points is at each goods' price; goods at or below their warning
  level are those the station's 低库存预警 lists (the same rule:
  ``on_hand <= low_stock_threshold``, active goods);
* the household ranking orders households by the points they earned in the
  month (``earn`` entries, as 发放积分 counts them) across every station; the
  volunteer ranking by service time in the month (not rejected, as 服务时长
  counts it).  Ties are ordered by station code, then 户号 / 志愿者编号, so
  the same data always gives the same list; the rank is a competition rank
  (1, 2, 2, 4).  Names are masked (:func:`app.services.personal.mask_name`);
* participation: households on the roster (active, not deleted) and those
  that earned points or took part in an activity held in the month;
* star levels: each volunteer's highest star granted by the month's end (the
  grants the volunteer services made by the station's thresholds; nothing is
  re-derived from hours here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Activity, Household, Participation, PointEntry, StarGrant, Volunteer
from app.models.points import EntryKind
from app.models.supermarket import Goods, StockMove
from app.models.volunteers import ServiceRecordState
from app.services.households import village_households
from app.services.personal import mask_name

StationRef = tuple[str, str, str]  # (station id, code, name)

RANKING_SIZE = 20
STAR_LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class StockFigures:
    """库存 of one station at the month's end."""

    station_id: str
    code: str
    name: str
    kinds: int = 0  # goods with units on hand
    units: int = 0
    value: int = 0  # points
    low: tuple[str, ...] = ()  # names of the goods at or below their warning level


@dataclass(frozen=True)
class HouseholdRank:
    rank: int
    station_id: str
    code: str
    station: str
    household_id: str
    number: str  # 户号
    name: str  # the head's name, masked
    group_name: str  # 村民小组
    points: int


@dataclass(frozen=True)
class VolunteerRank:
    rank: int
    station_id: str
    code: str
    station: str
    volunteer_id: str
    number: str  # 志愿者编号
    name: str  # masked
    minutes: int


@dataclass(frozen=True)
class VillageParticipation:
    """参与率 of one station (a village) in the month."""

    station_id: str
    code: str
    name: str
    households: int = 0  # on the roster
    taking_part: int = 0  # earned points or took part in an activity

    @property
    def share(self) -> float:
        """The share in %, one decimal (0 when the roster is empty)."""
        return round(100 * self.taking_part / self.households, 1) if self.households else 0.0


@dataclass(frozen=True)
class StarLevels:
    """Volunteers per star level (一星…五星) at the month's end."""

    station_id: str
    code: str
    name: str
    levels: tuple[int, ...] = (0, 0, 0, 0, 0)  # 1★ … 5★

    @property
    def total(self) -> int:
        return sum(self.levels)


def _ids(stations: Sequence[StationRef]) -> list[str]:
    return [s[0] for s in stations]


def stock_at(session: Session, stations: Sequence[StationRef], end: datetime) -> list[StockFigures]:
    """Each station's stock at *end* (exclusive), from the stock ledger."""
    ids = _ids(stations)
    moved = (
        select(StockMove.goods_id.label("gid"), func.sum(StockMove.qty).label("qty"))
        .where(StockMove.station_id.in_(ids), StockMove.created_at < end)
        .group_by(StockMove.goods_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Goods.station_id,
            Goods.name,
            Goods.points_price,
            Goods.low_stock_threshold,
            Goods.active,
            func.coalesce(moved.c.qty, 0),
        )
        .outerjoin(moved, moved.c.gid == Goods.id)
        .where(Goods.station_id.in_(ids), Goods.deleted.is_(False))
        .order_by(Goods.station_id, Goods.sort_order, Goods.name, Goods.id)
    ).all()
    kinds: dict[str, int] = {}
    units: dict[str, int] = {}
    value: dict[str, int] = {}
    low: dict[str, list[str]] = {}
    for sid, name, price, threshold, active, qty in rows:
        qty = int(qty or 0)
        if qty > 0:
            kinds[sid] = kinds.get(sid, 0) + 1
            units[sid] = units.get(sid, 0) + qty
            value[sid] = value.get(sid, 0) + qty * int(price or 0)
        if active and qty <= int(threshold or 0):
            low.setdefault(sid, []).append(name)
    return [
        StockFigures(
            sid,
            code,
            name,
            kinds.get(sid, 0),
            units.get(sid, 0),
            value.get(sid, 0),
            tuple(low.get(sid, ())),
        )
        for sid, code, name in stations
    ]


def _competition_ranks(scores: Sequence[int]) -> list[int]:
    ranks: list[int] = []
    previous: int | None = None
    rank = 0
    for i, score in enumerate(scores, start=1):
        if score != previous:
            rank, previous = i, score
        ranks.append(rank)
    return ranks


def _earned(session: Session, ids: Sequence[str], first: date, after: date) -> dict[str, int]:
    """Points earned in [first, after) per household (one pass over the month's entries)."""
    rows = session.execute(
        select(PointEntry.household_id, func.sum(PointEntry.points))
        .where(
            PointEntry.kind == EntryKind.EARN.value,
            PointEntry.station_id.in_(ids),
            PointEntry.occurred_on >= first,
            PointEntry.occurred_on < after,
        )
        .group_by(PointEntry.household_id)
    ).all()
    return {str(hid): int(points or 0) for hid, points in rows}


def households_in_month(
    session: Session,
    stations: Sequence[StationRef],
    start: datetime,
    end: datetime,
    n: int = RANKING_SIZE,
) -> tuple[list[HouseholdRank], list[VillageParticipation]]:
    """The township's top *n* households by points earned in [start, end), and each
    station's participation, from one read of the month's points entries."""
    ids = _ids(stations)
    earned = _earned(session, ids, start.date(), end.date())
    attended = set(
        session.scalars(
            select(Participation.household_id)
            .join(Activity, Activity.id == Participation.activity_id)
            .where(
                Activity.station_id.in_(ids),
                Activity.deleted.is_(False),
                Activity.starts_at >= start,
                Activity.starts_at < end,
                Participation.annulled.is_(False),
            )
            .distinct()
        )
    )
    households = session.execute(
        select(
            Household.station_id,
            Household.id,
            Household.number,
            Household.number_sort,
            Household.head_name,
            Household.group_name,
            Household.active,
        ).where(
            Household.station_id.in_(ids),
            Household.deleted.is_(False),
            village_households(),  # a volunteer's own points file is no village household
        )
    ).all()
    code = {s[0]: s[1] for s in stations}
    station = {s[0]: s[2] for s in stations}
    roster: dict[str, int] = {}
    taking: dict[str, int] = {}
    for sid, hid, *_rest, active in households:
        if active:
            roster[sid] = roster.get(sid, 0) + 1
            if hid in attended or earned.get(hid, 0) > 0:
                taking[sid] = taking.get(sid, 0) + 1
    ordered = sorted(
        (r for r in households if earned.get(r[1], 0) > 0),
        key=lambda r: (-earned[r[1]], code.get(r[0], ""), r[3], r[2], r[1]),
    )[: max(0, n)]
    ranks = _competition_ranks([earned[r[1]] for r in ordered])
    ranking = [
        HouseholdRank(
            rank,
            sid,
            code.get(sid, ""),
            station.get(sid, ""),
            hid,
            number,
            mask_name(head or ""),
            group or "",
            earned[hid],
        )
        for rank, (sid, hid, number, _sort, head, group, _active) in zip(
            ranks, ordered, strict=True
        )
    ]
    villages = [
        VillageParticipation(sid, code_, name, roster.get(sid, 0), taking.get(sid, 0))
        for sid, code_, name in stations
    ]
    return ranking, villages


def volunteer_ranking(
    session: Session,
    stations: Sequence[StationRef],
    first: date,
    after: date,
    n: int = RANKING_SIZE,
) -> list[VolunteerRank]:
    """The township's top *n* volunteers by service time in [first, after)."""
    ids = _ids(stations)
    served = (
        select(
            ServiceRecordState.volunteer_id.label("vid"),
            func.sum(ServiceRecordState.minutes).label("minutes"),
        )
        .where(
            ServiceRecordState.station_id.in_(ids),
            ServiceRecordState.deleted.is_(False),
            ServiceRecordState.status != "rejected",
            ServiceRecordState.service_date >= first,
            ServiceRecordState.service_date < after,
        )
        .group_by(ServiceRecordState.volunteer_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Volunteer.station_id,
            Volunteer.id,
            Volunteer.number,
            Volunteer.number_seq,
            Volunteer.name,
            served.c.minutes,
        )
        .join(served, served.c.vid == Volunteer.id)
        .where(Volunteer.station_id.in_(ids), Volunteer.deleted.is_(False))
    ).all()
    code = {s[0]: s[1] for s in stations}
    station = {s[0]: s[2] for s in stations}
    ordered = sorted(
        (r for r in rows if int(r[5] or 0) > 0),
        key=lambda r: (-int(r[5]), code.get(r[0], ""), r[3], r[2], r[1]),
    )[: max(0, n)]
    ranks = _competition_ranks([int(r[5]) for r in ordered])
    return [
        VolunteerRank(
            rank,
            sid,
            code.get(sid, ""),
            station.get(sid, ""),
            vid,
            number,
            mask_name(name or ""),
            int(minutes),
        )
        for rank, (sid, vid, number, _seq, name, minutes) in zip(ranks, ordered, strict=True)
    ]


def star_levels(session: Session, stations: Sequence[StationRef], after: date) -> list[StarLevels]:
    """Per station: volunteers holding each star level on the day before *after*."""
    ids = _ids(stations)
    held = (
        select(StarGrant.volunteer_id.label("vid"), func.max(StarGrant.level).label("level"))
        .where(StarGrant.station_id.in_(ids), StarGrant.granted_on < after)
        .group_by(StarGrant.volunteer_id)
        .subquery()
    )
    rows = session.execute(
        select(Volunteer.station_id, held.c.level, func.count())
        .join(held, held.c.vid == Volunteer.id)
        .where(Volunteer.station_id.in_(ids), Volunteer.deleted.is_(False))
        .group_by(Volunteer.station_id, held.c.level)
    ).all()
    counts: dict[str, list[int]] = {}
    for sid, level, n in rows:
        if level in STAR_LEVELS:
            counts.setdefault(sid, [0] * len(STAR_LEVELS))[int(level) - 1] += int(n)
    return [
        StarLevels(sid, code, name, tuple(counts.get(sid, [0] * len(STAR_LEVELS))))
        for sid, code, name in stations
    ]


def stock_total(rows: Sequence[StockFigures]) -> StockFigures:
    return StockFigures(
        "",
        "",
        "",
        sum(r.kinds for r in rows),
        sum(r.units for r in rows),
        sum(r.value for r in rows),
        tuple(name for r in rows for name in r.low),
    )


def participation_total(rows: Sequence[VillageParticipation]) -> VillageParticipation:
    return VillageParticipation(
        "", "", "", sum(r.households for r in rows), sum(r.taking_part for r in rows)
    )


def star_total(rows: Sequence[StarLevels]) -> StarLevels:
    return StarLevels(
        "", "", "", tuple(sum(r.levels[i] for r in rows) for i in range(len(STAR_LEVELS)))
    )
