"""汇总's detail sections equal what each station's own services say, once imported.

Two demo stations (the same demo data, so their households tie and the tie
order is tested too) export to the township; station A first grants star
levels (through the volunteer services, with the thresholds lowered so the
demo hours reach them).  For every month with activities, the current month
and a month before any data, each new figure of the township is compared
with the station's own services on the station's own file: the goods and
their stock ledger, the households list and ledger, the service-hour
records, the volunteers list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

import pytest
from sync_helpers import World
from volunteers_factory import new_activity

from app.services import auth, cards, keys
from app.services.activities import month_range
from app.services.households.lookup import HouseholdFilter, count_households, fetch_households
from app.services.personal import mask_name
from app.services.points.awards import award
from app.services.points.ledger import recent_entries
from app.services.points.rules import list_rules
from app.services.supermarket import list_goods, low_stock
from app.services.supermarket.stock import stock_moves
from app.services.township.details import RANKING_SIZE
from app.services.township.summary import month_summary, months_with_activities
from app.services.volunteers import hours as service_hours
from app.services.volunteers import kiosk
from app.services.volunteers.people import (
    VolunteerFilter,
    count_volunteers,
    fetch_volunteers,
    get_policy,
    save_policy,
)
from app.sync.export import export_sync
from app.sync.importer import import_files


def _same_household(station, number: str) -> str:  # type: ignore[no-untyped-def]
    return next(h.id for h in fetch_households(station.db, 0, 1000) if h.number == number)


def this_month() -> str:
    today = date.today()
    return f"{today.year:04d}-{today.month:02d}"


@dataclass
class Imported:
    world: World
    scanned: set[str]  # households scanned in at an activity of this month at station A
    idle_scanned: str  # one of them that earned no points this month

    @property
    def a(self):  # type: ignore[no-untyped-def]
        return self.world.a

    @property
    def b(self):  # type: ignore[no-untyped-def]
        return self.world.b

    @property
    def town(self):  # type: ignore[no-untyped-def]
        return self.world.town


def _scan_households_in(station, household_ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Households' cards scanned at an activity without a points rule (so the
    participation is the only trace of their taking part)."""
    day = datetime.combine(date.today(), datetime.min.time())
    activity = new_activity(
        station.db,
        auth.SYSTEM,
        start=day.replace(hour=8),
        end=day.replace(hour=9),
        rule="",
        allow_households=True,
    )
    key = keys.load_keys(station.data_dir.keys).card_key
    for i, hid in enumerate(household_ids):
        card = cards.issue_card(station.db, auth.SYSTEM, key, cards.CardKind.HOUSEHOLD, hid)
        r = kiosk.scan(
            station.db,
            auth.SYSTEM,
            key,
            activity,
            card.payload,
            "auto",
            day.replace(hour=8, minute=10 + i),
        )
        assert r.reason == "household", r


@pytest.fixture
def imported(world: World, tmp_path) -> Imported:  # type: ignore[no-untyped-def]
    station = world.a
    policy = get_policy(station.db)
    save_policy(station.db, auth.SYSTEM, replace(policy, star_thresholds_hours=(1, 2, 3, 4, 5)))
    eligible = service_hours.eligible_for_stars(station.db)
    assert eligible, "some demo volunteer has an hour approved"
    assert service_hours.grant_stars(station.db, auth.SYSTEM, [e.volunteer_id for e in eligible])
    roster = fetch_households(station.db, 0, 1000)
    rule = next(r for r in list_rules(station.db) if r.kind == "earn" and r.points > 0)
    for h in roster[:3]:  # points earned this month, at both stations
        for s in (world.a, world.b):
            award(s.db, auth.SYSTEM, _same_household(s, h.number), rule.code, reason="测试")
    idle = [h.id for h in roster if _earned(station, h.id, this_month()) == 0]
    busy = [h.id for h in roster if _earned(station, h.id, this_month()) > 0]
    assert idle and busy, "households with and without points this month"
    scanned = [idle[0], busy[0]]
    _scan_households_in(station, scanned)
    stick = tmp_path / "stick"
    for s in (world.a, world.b):
        export_sync(s.db, s.data_dir, stick)
    assert all(v.status == "imported" for v in import_files(world.town.db, [stick]))
    return Imported(world, set(scanned), idle[0])


def months(world: Imported) -> list[str]:
    found = months_with_activities(world.town.db, [world.a.station_id, world.b.station_id])
    return sorted({*found, this_month(), "2020-01"})


def _end(month: str) -> datetime:
    return month_range(month)[1]


def test_stock_at_the_months_end_is_the_stations_own_stock_ledger(imported: Imported) -> None:
    checked = 0
    for month in months(imported):
        at_town = {s.station_id: s for s in month_summary(imported.town.db, month).stock}
        end = _end(month)
        for station in (imported.a, imported.b):
            there = at_town[station.station_id]
            goods = list_goods(station.db, include_inactive=True)
            on_hand = {}
            for g in goods:
                moves = [m for m in stock_moves(station.db, g.id, 5000) if m.created_at < end]
                on_hand[g.id] = moves[0].on_hand_after if moves else 0  # newest first
            held = [g for g in goods if on_hand[g.id] > 0]
            assert there.kinds == len(held), month
            assert there.units == sum(on_hand[g.id] for g in held), month
            assert there.value == sum(on_hand[g.id] * g.points_price for g in held), month
            low = {g.name for g in goods if g.active and on_hand[g.id] <= g.low_stock_threshold}
            assert set(there.low) == low, month
            if end > datetime.now():  # the month not over yet: today's stock, as the station shows
                assert there.units == sum(g.on_hand for g in goods if g.on_hand > 0)
                assert set(there.low) == {g.name for g in low_stock(station.db)}
                checked += there.units
    assert checked > 0, "the demo stations hold stock"


def _earned(station, household_id: str, month: str) -> int:  # type: ignore[no-untyped-def]
    start, end = month_range(month)
    return sum(
        e.points
        for e in recent_entries(station.db, household_id, 100_000)
        if e.kind == "earn" and start.date() <= e.occurred_on < end.date()
    )


def test_the_household_ranking_is_the_stations_own_ledgers_merged(imported: Imported) -> None:
    checked = 0
    codes = {imported.a.station_id: "330481101001", imported.b.station_id: "330481101002"}
    for month in months(imported):
        ranking = month_summary(imported.town.db, month).households
        expected = []
        for station in (imported.a, imported.b):
            for h in fetch_households(station.db, 0, 1000, HouseholdFilter(include_inactive=True)):
                points = _earned(station, h.id, month)
                if points > 0:
                    expected.append((-points, codes[station.station_id], h, station.station_id))
        expected.sort(key=lambda e: (e[0], e[1]))  # the households page's order within a station
        top = expected[:RANKING_SIZE]
        assert [(r.station_id, r.household_id, r.points) for r in ranking] == [
            (sid, h.id, -p) for p, _code, h, sid in top
        ], month
        for row, (_p, code, h, _sid) in zip(ranking, top, strict=True):
            assert row.code == code and row.number == h.number
            assert row.group_name == h.group_name
            assert row.name == mask_name(h.head_name) and row.name != h.head_name
        ranks = [r.rank for r in ranking]
        assert ranks == [1 + sum(1 for q in ranking if q.points > r.points) for r in ranking], (
            "competition ranks: ties share a rank"
        )
        checked += len(ranking)
    assert checked > 0


def test_the_volunteer_ranking_is_the_stations_own_service_records(imported: Imported) -> None:
    checked = 0
    for month in months(imported):
        ranking = month_summary(imported.town.db, month).volunteers
        start, end = month_range(month)
        last = date.fromordinal(end.date().toordinal() - 1)
        minutes: dict[tuple[str, str], int] = {}
        names: dict[str, tuple[str, str]] = {}
        for station in (imported.a, imported.b):
            flt = service_hours.RecordFilter(start=start.date(), end=last)
            for r in service_hours.fetch_records(station.db, 0, 1000, flt):
                if r.status != "rejected":
                    key = (station.station_id, r.volunteer_id)
                    minutes[key] = minutes.get(key, 0) + r.minutes
            for v in fetch_volunteers(station.db, 0, 1000, VolunteerFilter(include_inactive=True)):
                names[v.id] = (v.number, v.name)
        expected = sorted(
            ((m, sid, vid) for (sid, vid), m in minutes.items() if m > 0),
            key=lambda e: (-e[0], e[1] != imported.a.station_id, names[e[2]][0]),
        )[:RANKING_SIZE]
        assert [(r.station_id, r.volunteer_id, r.minutes) for r in ranking] == [
            (sid, vid, m) for m, sid, vid in expected
        ], month
        for row in ranking:
            number, name = names[row.volunteer_id]
            assert row.number == number and row.name == mask_name(name)
        checked += len(ranking)
    assert checked > 0


def test_participation_per_village_is_the_stations_own_roster_ledger_and_scans(
    imported: Imported,
) -> None:
    checked = 0
    for month in months(imported):
        at_town = {p.station_id: p for p in month_summary(imported.town.db, month).participation}
        for station in (imported.a, imported.b):
            there = at_town[station.station_id]
            assert there.households == count_households(station.db)
            roster = fetch_households(station.db, 0, 1000)
            taking = {h.id for h in roster if _earned(station, h.id, month) > 0}
            if month == this_month() and station is imported.a:
                assert imported.idle_scanned not in taking
                taking |= imported.scanned  # each once, though one also earned points
            assert there.taking_part == len(taking), month
            assert there.share == (round(100 * len(taking) / len(roster), 1) if roster else 0.0)
            checked += there.taking_part
    assert checked > 0


def test_star_levels_at_the_months_end_are_the_stations_own_grants(imported: Imported) -> None:
    current = this_month()
    seen = 0
    for month in months(imported):
        at_town = {s.station_id: s for s in month_summary(imported.town.db, month).stars}
        end = _end(month).date()
        for station in (imported.a, imported.b):
            there = at_town[station.station_id]
            held = [0] * 5
            for v in fetch_volunteers(station.db, 0, 1000, VolunteerFilter(include_inactive=True)):
                grants = [
                    g for g in service_hours.star_history(station.db, v.id) if g.granted_on < end
                ]
                if grants:
                    held[max(g.level for g in grants) - 1] += 1
            assert list(there.levels) == held, month
            if month == current:  # as the station's volunteers list filters by star
                per_level = [
                    count_volunteers(station.db, VolunteerFilter(min_star=n, include_inactive=True))
                    - count_volunteers(
                        station.db, VolunteerFilter(min_star=n + 1, include_inactive=True)
                    )
                    for n in range(1, 6)
                ]
                assert list(there.levels) == per_level
            seen += there.total
        total = month_summary(imported.town.db, month).stars_total
        assert total.levels == tuple(sum(s.levels[i] for s in at_town.values()) for i in range(5))
    assert seen > 0, "station A granted stars"
