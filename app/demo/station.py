"""演示站点 — a demo station with realistic synthetic data (no real persons).

``create_demo_station(data_dir, size)`` builds a complete station in an empty
data folder: the station (东风村新时代文明实践站 in an invented county), its
keys, one operator of each role, and then everything the registered *fillers*
add (households, points, volunteers, activities as later capabilities land).
The same generator feeds the benchmarks at large sizes, so it writes in big
transactions and stays deterministic for a given seed.

Names are drawn from common surnames and given-name characters; addresses and
phone numbers are synthetic (phone numbers use the 19x test-free ranges and
ID numbers are generated with a valid check digit but from an invented
region code block).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.db import Database, migrate
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Role
from app.paths import DataDir
from app.services import audit, auth
from app.services.auth import Actor
from app.services.station import (
    AdminAccount,
    StationInfo,
    get_state,
    is_set_up,
    set_state,
    setup_station,
)

DEMO_PASSWORD = "demo1234"
DEMO_OPERATORS = (
    ("admin", "王建国", Role.ADMIN),
    ("shijian", "李秀英", Role.WORKER),
    ("chaoshi", "张桂兰", Role.COUNTER),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_MALE = (
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国峰志海东文荣庆红兵生"
)
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀英华玲桂兰萍红梅琳燕雪琴云莲凤洁倩婷慧颖佳欣悦月翠珍春"
RELATIONS = ("配偶", "子", "女", "儿媳", "孙子", "孙女", "父亲", "母亲")


@dataclass(frozen=True)
class DemoSize:
    """How big a demo station to make."""

    households: int
    volunteers: int
    activities: int
    ledger_entries: int
    redemptions: int
    scan_events: int


SIZES = {
    "small": DemoSize(
        households=120,
        volunteers=40,
        activities=30,
        ledger_entries=1_500,
        redemptions=150,
        scan_events=600,
    ),
    "medium": DemoSize(
        households=2_000,
        volunteers=500,
        activities=300,
        ledger_entries=50_000,
        redemptions=5_000,
        scan_events=20_000,
    ),
    "large": DemoSize(
        households=20_000,
        volunteers=5_000,
        activities=3_000,
        ledger_entries=2_000_000,
        redemptions=100_000,
        scan_events=200_000,
    ),
}


DEMO_MARK = "demo_station"
"""local_state key set on a demo station (a real station never has it)."""


def is_demo(db: Database) -> bool:
    """Whether *db* was made by :func:`create_demo_station` (safe to reset, hint the login)."""
    return get_state(db, DEMO_MARK) == "1"


def parse_size(text: str) -> DemoSize:
    if text in SIZES:
        return SIZES[text]
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "Unknown demo size {size}; use small, medium or large."),
        size=text,
    )


DEMO_STATION = StationInfo(
    name="东风村新时代文明实践站",
    code="330481101001",
    village="东风村",
    township="城关镇",
    county="海宁市",
    leader_name="王建国",
    contact_phone="0573-87001234",
)


@dataclass
class DemoContext:
    """What a filler gets: the database, an administrator, the size and a seeded RNG."""

    db: Database
    data_dir: DataDir
    actor: Actor
    size: DemoSize
    rng: random.Random
    names: NameGenerator
    station: StationInfo = DEMO_STATION


Filler = Callable[[DemoContext], None]
FILLERS: list[tuple[str, Filler]] = []
"""Later capabilities register ``(name, filler)`` here, in dependency order."""


def register_filler(name: str, filler: Filler) -> None:
    if all(existing != name for existing, _ in FILLERS):
        FILLERS.append((name, filler))


def _load_fillers() -> None:
    """Import the capabilities' demo modules; each registers its filler, in this order."""
    from app.demo import bank, orders, photos, points, volunteers  # noqa: F401


class NameGenerator:
    """Synthetic Chinese people, villages groups, addresses and phone numbers."""

    GROUP_NUMERALS = "一二三四五六七八九十"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def surname(self) -> str:
        return self.rng.choice(SURNAMES)

    def given(self, sex: str) -> str:
        pool = GIVEN_MALE if sex == "男" else GIVEN_FEMALE
        n = 1 if self.rng.random() < 0.35 else 2
        return "".join(self.rng.choice(pool) for _ in range(n))

    def person(self, sex: str | None = None, surname: str | None = None) -> tuple[str, str]:
        sex = sex or self.rng.choice(("男", "女"))
        return (surname or self.surname()) + self.given(sex), sex

    def group(self, count: int = 8) -> str:
        return f"第{self.GROUP_NUMERALS[self.rng.randrange(count)]}村民小组"

    def address(self, village: str, group: str) -> str:
        return f"{village}{group}{self.rng.randint(1, 180)}号"

    def mobile(self) -> str:
        return self.rng.choice(("139", "138", "137", "158", "187", "152")) + "".join(
            str(self.rng.randrange(10)) for _ in range(8)
        )

    def birth_date(self, min_age: int, max_age: int) -> date:
        days = self.rng.randint(min_age * 365, max_age * 365)
        return date(2026, 7, 1) - timedelta(days=days)

    def id_number(self, birth: date, sex: str, region: str = "330481") -> str:
        seq = self.rng.randrange(0, 100) * 10 + (
            self.rng.choice((1, 3, 5, 7, 9)) if sex == "男" else self.rng.choice((0, 2, 4, 6, 8))
        )
        body = f"{region}{birth:%Y%m%d}{seq:03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
        return body + "10X98765432"[total % 11]


def create_demo_station(
    data_dir: DataDir,
    size: DemoSize | str = "small",
    *,
    seed: int = 20261122,
    progress: Callable[[str], None] | None = None,
    station: StationInfo | None = None,
) -> Database:
    """Create a demo station in an empty *data_dir*; returns its open database.

    *station* gives other facts (another village of the township demo) than
    :data:`DEMO_STATION`.
    """
    station = station or DEMO_STATION
    if isinstance(size, str):
        size = parse_size(size)
    data_dir.ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    if is_set_up(db):
        db.dispose()
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{folder} already holds a station; choose an empty folder."
            ),
            folder=str(data_dir.root),
        )
    username, display, _role = DEMO_OPERATORS[0]
    admin = setup_station(
        db, data_dir.keys, station, AdminAccount(username, display, DEMO_PASSWORD)
    )
    with db.write() as session:
        set_state(session, DEMO_MARK, "1")
    for username, display, role in DEMO_OPERATORS[1:]:
        auth.create_operator(db, admin, username, display, role, DEMO_PASSWORD)
    _load_fillers()
    rng = random.Random(seed)
    context = DemoContext(db, data_dir, admin, size, rng, NameGenerator(rng), station)
    for name, filler in FILLERS:
        if progress:
            progress(name)
        filler(context)
    # the fillers write in bulk, past the session's row seals: account for it all
    audit.seal_generated_rows(db, admin, "demo.seal")
    return db
