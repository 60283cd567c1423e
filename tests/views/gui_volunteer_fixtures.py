"""Helpers for the volunteer / activity / kiosk GUI tests (not a test module): a
station with teams, volunteers and households with cards, an activity, a page
context, and the fake clocks that drive the scan field and the kiosk's wall clock."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import hid
from gui_points_fixtures import PERSON_MS, SCANNER_MS, FakeClock, page_context

from app.db import Database
from app.demo.station import NameGenerator
from app.paths import DataDir
from app.services import activities, cards, households, points, volunteers
from app.services.activities import ActivityData, ActivityView
from app.services.auth import Actor
from app.services.households import HouseholdData, HouseholdView, MemberData
from app.services.keys import load_keys
from app.services.volunteers import VolunteerData, VolunteerView

__all__ = [
    "PERSON_MS",
    "SCANNER_MS",
    "FakeClock",
    "Station",
    "WallClock",
    "build_station",
    "page_context",
    "scan",
    "type_in",
]

NAMES = ("张伟", "王芳", "李娜", "刘强", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴婷")
HEADS = ("孙建国", "马秀英", "朱志强", "胡桂兰", "郭海东")
PHONES = ("13812345601", "13812345602", "13900001234", "", "15800005678")


class WallClock:
    """The kiosk's ``now``: a settable wall-clock time, moved by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)  # each scan a second later
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@dataclass
class Station:
    db: Database
    admin: Actor
    card_key: bytes
    volunteers: list[VolunteerView]
    volunteer_cards: list[str]
    households: list[HouseholdView]
    household_cards: list[str]
    activity: ActivityView
    day: date
    id_numbers: list[str]


def build_station(db: Database, data_dir: DataDir, admin: Actor, n_volunteers: int = 10) -> Station:
    with db.write() as s:
        points.seed_default_rules(s)
    volunteers.seed_default_teams(db, admin)
    teams = volunteers.list_teams(db)
    key = load_keys(data_dir.keys).card_key
    vols, vcards = [], []
    names = NameGenerator(random.Random(7))
    id_numbers = [names.id_number(date(1980, 5, 1), "男")]
    for i in range(n_volunteers):
        name = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i))
        v = volunteers.create_volunteer(
            db,
            admin,
            VolunteerData(
                name=name,
                sex="M" if i % 2 == 0 else "F",
                phone=PHONES[i % len(PHONES)],
                id_number=id_numbers[0] if i == 0 else "",
                group_name=f"第{'一二三'[i % 3]}村民小组",
                service_categories=(teams[i % 3].category,),
            ),
            (teams[i % 3].id,),
        )
        vols.append(v)
        vcards.append(volunteers.issue_volunteer_card(db, admin, key, v.id).payload)
    homes, hcards = [], []
    for i, head in enumerate(HEADS):
        h = households.create_household(
            db, admin, HouseholdData(f"{i + 1:03d}", "第一村民小组"), MemberData(head)
        )
        homes.append(h)
        hcards.append(cards.issue_card(db, admin, key, "H", h.id).payload)
    day = date.today() - timedelta(days=1)
    activity = activities.create_activity(
        db,
        admin,
        ActivityData(
            title="党的创新理论宣讲进村",
            category="学习实践科学理论",
            starts_at=datetime(day.year, day.month, day.day, 9, 0),
            ends_at=datetime(day.year, day.month, day.day, 11, 30),
            platform="理论宣讲",
            place="村文化礼堂",
            content="宣讲党的创新理论，村民代表参加。",
            points_rule_code="XX01",
            team_ids=(teams[0].id,),
        ),
    )
    return Station(db, admin, key, vols, vcards, homes, hcards, activity, day, id_numbers)


def scan(qtbot, field, clock: FakeClock, code: str, **variant) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner (see hid): Shift for capitals and ':', keys 2-8 ms apart, then
    Enter — sent to the focus widget, which must be *field* (as at the station, a scan
    goes wherever the focus is).  *variant*: hid.scan's caps_lock, ime, suffix."""
    qtbot.waitUntil(field.hasFocus, timeout=2_000)
    hid.scan(code, clock=clock, **variant)


def type_in(qtbot, field, clock: FakeClock, text: str) -> None:  # type: ignore[no-untyped-def]
    """A person typing (key events at a person's pace), then Enter."""
    hid.type_text(text, clock=clock, target=field, gap_ms=PERSON_MS)
