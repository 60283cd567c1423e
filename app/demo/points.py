"""演示积分 — the demo filler for households, the points system and the points supermarket.

:func:`fill_demo` populates a demo station with a year of a village's points
economy: households and their members (synthetic people from
:class:`app.demo.station.NameGenerator`, ID numbers with a valid check
digit), a QR card per household, the default rule catalogue, the 积分超市's
goods with barcodes and stock, a year of points entries (base score at each
period start, awards and deductions by the catalogue, activity batches, one
mistaken batch and its undo, 公示 objections settled by adjustments),
redemptions with printed slips, a few voids, damage and a stocktake.

Everything is decided first by a deterministic simulation (:class:`_Simulation`,
seeded from the demo context) that yields one event per user action in date
order and keeps its own balances, stock and caps, so each event is valid when
it is applied.  The events are then written in one of two ways:

* **services** (small demos): each event is the real service call
  (``points.award``, ``supermarket.redeem``...), so the demo is exactly what
  the app writes, audit chain included;
* **bulk** (medium and large demos — 2,000,000 ledger entries): the same rows
  are built here and written with Core ``INSERT``\\ s in chunks inside a few
  big transactions.  Core bypasses the ORM's stamping hook, so every row is
  stamped here: ``id`` (UUIDv7), ``station_id``, ``created_at``/``updated_at``,
  ``row_version`` = 1 and the transaction's ``change_seq`` taken from the
  change counter (``app.models.base.next_change_seq``).  Balances after each
  entry are computed as the services do, the cached household balances and
  goods on-hand are set to the ledger sums in the last transaction (a second
  version of those rows), and one audit entry summarises the load.  The
  service-made parts (rule catalogue, goods) still go through the services.

Dates: the demo covers the 365 days up to today; each calendar year in that
window is a points period (the first opened on the window's first day, the
later ones on 1 January), and every period but the current one has been
publicized and finalized with carry-over.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.demo.station import DEMO_STATION, DemoContext, NameGenerator, register_filler
from app.ids import new_id
from app.models import (
    Card,
    EntryKind,
    Goods,
    Household,
    Member,
    MoveKind,
    Operator,
    PeriodState,
    PointBatch,
    PointEntry,
    PointPeriod,
    PointRule,
    PrintLog,
    Redemption,
    RedemptionLine,
    RedemptionVoid,
    Role,
    StockMove,
    utcnow,
)
from app.models.base import next_change_seq
from app.services import audit, cards, households, keys, personal, points, supermarket
from app.services.auth import Actor
from app.services.households import HEAD_RELATION, HouseholdData, MemberData
from app.services.points import PointsSettings

BULK_MIN_ENTRIES = 20_000
"""Demos with more ledger entries than this are written in bulk (medium, large)."""

BASE_POINTS = 60
SETTINGS = PointsSettings(period_kind="year", base_points=BASE_POINTS, end_action="carry")
CHUNK_ROWS = 10_000  # rows per executemany
TXN_ROWS = 400_000  # rows per bulk transaction (keeps the WAL file reasonable)
BATCH_SHARE = 0.5  # at most this share of the awards come from activity batches
BULK_CACHE_KIB = 262_144  # page cache of the connection while bulk loading

# (name, category, unit, points price, popularity)
GOODS: tuple[tuple[str, str, str, int, float], ...] = (
    ("洗衣粉 1.5kg", "清洁用品", "袋", 30, 9),
    ("洗洁精 1.29kg", "清洁用品", "瓶", 15, 9),
    ("肥皂（2块装）", "清洁用品", "组", 8, 7),
    ("香皂", "个人护理", "块", 6, 5),
    ("牙膏 180g", "个人护理", "支", 12, 8),
    ("牙刷（2支装）", "个人护理", "组", 8, 4),
    ("毛巾", "日用品", "条", 15, 7),
    ("卷纸（10卷）", "日用品", "提", 25, 9),
    ("抽纸（3包）", "日用品", "提", 15, 6),
    ("食用油 5L", "粮油", "桶", 120, 5),
    ("大米 10kg", "粮油", "袋", 80, 6),
    ("挂面 1kg", "粮油", "包", 10, 6),
    ("酱油 500ml", "调味品", "瓶", 12, 8),
    ("香醋 500ml", "调味品", "瓶", 10, 5),
    ("食盐 400g", "调味品", "包", 5, 8),
    ("白糖 500g", "调味品", "包", 10, 4),
    ("鸡蛋（15枚）", "副食", "盒", 20, 8),
    ("保温杯", "日用品", "个", 60, 2),
    ("雨伞", "日用品", "把", 40, 2),
    ("电热水壶", "小家电", "个", 150, 1),
    ("作业本（10本）", "学习用品", "组", 10, 3),
)
BARCODE_PREFIX = "6939876"  # 69 = China; the rest is invented

DONORS = ("海宁市东风农资店", "城关镇商会", "爱心人士 陈先生", "东风村乡贤联谊会")
DAMAGE_REASONS = ("运输破损", "受潮变质", "过期报损")

# activity batches: (rule code, batches per year, share of households attending, name)
ACTIVITIES: tuple[tuple[str, int, float, str], ...] = (
    ("XX02", 12, 0.60, "村民大会签到"),
    ("HJ01", 6, 0.25, "人居环境整治"),
    ("XX01", 6, 0.20, "理论宣讲进村"),
    ("ZY01", 10, 0.15, "志愿服务活动"),
)
# individual awards and deductions: (rule code, weight, reasons; {m} = month)
SINGLE: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("HJ02", 40, ("{m}月庭院评比", "{m}月最美庭院检查", "卫生户评比")),
    ("XX02", 14, ("{m}月村民会议", "{m}月党员群众议事会")),
    ("HJ03", 12, ("{m}月庭院评比", "乱堆乱放，经提醒未整改", "{m}月卫生检查")),
    ("XX03", 8, ("{m}月村民会议迟到",)),
    ("BZ06", 3, ("评为村级“好媳妇”", "评为村级“孝老爱亲”模范", "评为村级“美丽庭院”户")),
    ("BZ05", 1.2, ("评为镇级“文明家庭”", "获镇级“最美志愿者”")),
    ("BZ04", 0.5, ("获县级“道德模范”提名", "获县级“优秀志愿者”")),
    ("BZ03", 0.2, ("获市级“最美家庭”",)),
    ("BZ02", 0.05, ("获省级“五好家庭”",)),
    ("BZ01", 0.01, ("获全国“最美家庭”",)),
    ("YF01", 0.3, ("婚宴超规定桌数",)),
    ("YF02", 0.15, ("索要高价彩礼，经调解仍未改正",)),
)
VOID_REASONS = ("兑错商品，当场作废重兑", "扫错户卡", "村民退回商品")
ADJUST_REASONS = ("公示期异议：志愿服务漏记，核实后补记", "公示期异议：重复计分，核实后更正")
CN_DIGITS = "零一二三四五六七八九"


def _log(message: str) -> None:
    print(f"  [demo points] {message}", file=sys.stderr, flush=True)


def ean13(first12: str) -> str:
    """*first12* digits plus their EAN-13 check digit."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("an EAN-13 body has 12 digits")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def group_name(n: int) -> str:
    """第n村民小组 with a Chinese numeral (1–99)."""
    if n <= 10:
        numeral = "十" if n == 10 else CN_DIGITS[n]
    else:
        tens, ones = divmod(n, 10)
        numeral = ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    return f"第{numeral}村民小组"


# --- the roster --------------------------------------------------------------------------


@dataclass(slots=True)
class Person:
    name: str
    relation: str
    sex: str  # "M" or "F"
    birth: date
    id_number: str
    phone: str


@dataclass(slots=True)
class Home:
    number: str
    group: str
    address: str
    phone: str
    members: list[Person]  # the head first


def make_roster(
    rng: random.Random, names: NameGenerator, count: int, village: str = DEMO_STATION.village
) -> list[Home]:
    """*count* synthetic households with 1–6 members each (about 3 on average)."""
    groups = max(6, min(60, round(count / 300)))
    serials = [0] * groups
    used_ids: set[str] = set()

    def person(surname: str, sex: str, age: int, relation: str) -> Person:
        sex_cn = "男" if sex == "M" else "女"
        name = surname + names.given(sex_cn)
        birth = names.birth_date(age, age)
        id_number = ""
        if rng.random() < 0.9:
            for _ in range(50):
                candidate = names.id_number(birth, sex_cn)
                if candidate not in used_ids:
                    used_ids.add(candidate)
                    id_number = candidate
                    break
        phone = names.mobile() if 18 <= age <= 72 and rng.random() < 0.7 else ""
        return Person(name, relation, sex, birth, id_number, phone)

    homes: list[Home] = []
    for _ in range(count):
        g = rng.randrange(groups)
        serials[g] += 1
        gname = group_name(g + 1)
        size = rng.choices((1, 2, 3, 4, 5, 6), weights=(8, 24, 30, 22, 11, 5))[0]
        age = rng.randint(30, 80)
        head_sex = "M" if rng.random() < 0.85 else "F"
        surname = names.surname()
        members = [person(surname, head_sex, age, HEAD_RELATION)]
        family = surname
        if size >= 2 and rng.random() < 0.9:
            spouse_sex = "F" if head_sex == "M" else "M"
            spouse_surname = names.surname()
            if spouse_sex == "M":
                family = spouse_surname
            spouse_age = min(92, max(22, age + rng.randint(-5, 5)))
            members.append(person(spouse_surname, spouse_sex, spouse_age, "配偶"))
        roles: list[tuple[str, str, int, str]] = []  # (relation, sex, age, surname)
        if age >= 55:
            child = max(1, age - rng.randint(24, 32))
            roles.append(("子", "M", child, family))
            roles.append(("儿媳", "F", max(18, child + rng.randint(-3, 3)), names.surname()))
            for _ in range(2):
                grandchild = max(1, child - rng.randint(22, 30))
                sex = rng.choice("MF")
                roles.append(("孙子" if sex == "M" else "孙女", sex, grandchild, family))
            roles.append(("女", "F", max(1, age - rng.randint(24, 34)), family))
        else:
            for _ in range(2):
                sex = rng.choice("MF")
                roles.append(
                    ("子" if sex == "M" else "女", sex, max(1, age - rng.randint(22, 34)), family)
                )
            roles.append(("母亲", "F", min(92, age + rng.randint(22, 32)), names.surname()))
            roles.append(("父亲", "M", min(92, age + rng.randint(24, 34)), surname))
            roles.append(("子", "M", max(1, age - rng.randint(22, 34)), family))
        for relation, sex, member_age, member_surname in roles[: size - len(members)]:
            members.append(person(member_surname, sex, member_age, relation))
        phone = next((m.phone for m in members if m.phone), "")
        homes.append(
            Home(
                number=f"{g + 1}-{serials[g]}",
                group=gname,
                address=names.address(village, gname),
                phone=phone,
                members=members,
            )
        )
    return homes


# --- events --------------------------------------------------------------------------


@dataclass(slots=True)
class OpenPeriod:
    day: date
    key: str


@dataclass(slots=True)
class Publicize:
    day: date
    key: str


@dataclass(slots=True)
class Finalize:
    day: date
    key: str


@dataclass(slots=True)
class Award:
    day: date
    hh: int
    code: str
    member: int | None  # index into the household's members
    reason: str


@dataclass(slots=True)
class BatchAward:
    day: date
    hhs: list[int]
    code: str
    reason: str
    ref: int
    undone_later: bool = False


@dataclass(slots=True)
class UndoBatch:
    day: date
    ref: int
    reason: str


@dataclass(slots=True)
class Adjust:
    day: date
    hh: int
    points: int
    reason: str


@dataclass(slots=True)
class StockIn:
    day: date
    goods: int
    qty: int
    donor: str
    reference: str


@dataclass(slots=True)
class Damage:
    day: date
    goods: int
    qty: int
    reason: str


@dataclass(slots=True)
class Stocktake:
    day: date
    goods: int
    counted: int
    note: str


@dataclass(slots=True)
class Redeem:
    day: date
    hh: int
    lines: list[tuple[int, int]]  # (goods index, qty)
    ref: int
    voided_later: bool = False


@dataclass(slots=True)
class Void:
    day: date
    ref: int
    reason: str


Event = (
    OpenPeriod
    | Publicize
    | Finalize
    | Award
    | BatchAward
    | UndoBatch
    | Adjust
    | StockIn
    | Damage
    | Stocktake
    | Redeem
    | Void
)


@dataclass(frozen=True)
class RuleInfo:
    id: str
    code: str
    name: str
    points: int
    cap: int | None


@dataclass(frozen=True)
class GoodsInfo:
    id: str
    name: str
    unit: str
    price: int
    popularity: float


@dataclass
class Counts:
    """What the simulation decided (for the progress line and the audit summary)."""

    entries: int = 0
    batches: int = 0
    redemptions: int = 0
    voids: int = 0
    stock_moves: int = 0
    adjustments: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def entry(self, kind: str, n: int = 1) -> None:
        self.entries += n
        self.by_kind[kind] = self.by_kind.get(kind, 0) + n


class Simulation:
    """Decides a year of events in date order; each event is valid when it is applied.

    The simulation keeps its own balances, stock and per-period rule usage and
    applies every event to them before yielding it, so writers only write.
    """

    def __init__(
        self,
        rng: random.Random,
        homes: Sequence[Home],
        rules: dict[str, RuleInfo],
        goods: Sequence[GoodsInfo],
        *,
        ledger_entries: int,
        redemptions: int,
        today: date,
    ) -> None:
        self.rng = rng
        self.homes = homes
        self.rules = rules
        self.goods = goods
        self.today = today
        self.days = [today - timedelta(days=364 - i) for i in range(365)]
        self.H = len(homes)
        self.balance = [0] * self.H
        self.stock = [0] * len(goods)
        self.used: dict[tuple[str, str], list[int]] = {}  # (period, code) -> points per household
        self.counts = Counts()
        periods = sorted({d.year for d in self.days})
        H, R = self.H, redemptions
        self.R = R
        self.V = min(R, max(1, R // 100)) if R else 0
        self.U = min(self.H, max(3, self.H // 50))
        self.A = max(2, self.H // 500)
        fixed = self.H * len(periods) + R + self.V + 2 * self.U + self.A
        self.M = max(0, ledger_entries - fixed)  # awards and deductions
        diligence = [rng.uniform(0.2, 1.8) for _ in range(H)]
        self.earn_cw = _cumulative(diligence)
        self.deduct_cw = _cumulative([2.0 - d for d in diligence])
        self.single = [(code, w, reasons) for code, w, reasons in SINGLE if code in rules]
        self.single_cw = _cumulative([w for _, w, _ in self.single])
        self.lot, self.reorder = stock_levels([g.popularity for g in goods], R)

    # -- helpers --

    def _period(self, day: date) -> str:
        return points.period_key(day, SETTINGS.period_kind)

    def _used(self, period: str, code: str) -> list[int]:
        key = (period, code)
        if key not in self.used:
            self.used[key] = [0] * self.H
        return self.used[key]

    def _post(self, hh: int, pts: int, kind: str, period: str, code: str = "") -> None:
        self.balance[hh] += pts
        self.counts.entry(kind)
        if code:
            self._used(period, code)[hh] += pts

    def _batch_plan(self) -> list[tuple[int, str, float, str]]:
        """(day index, rule code, attendance, name) of the activity batches."""
        D = len(self.days)
        planned: list[tuple[int, str, int, float, str]] = []
        natural = 0.0
        for code, per_year, attendance, name in ACTIVITIES:
            if code not in self.rules:
                continue
            n = max(1, round(per_year * D / 365))
            planned.append((n, code, n, attendance, name))
            natural += n * attendance * self.H
        scale = min(1.0, BATCH_SHARE * self.M / natural) if natural else 0.0
        plan = []
        for n, code, _, attendance, name in planned:
            for k in range(n):
                day = min(D - 1, int((k + self.rng.random()) * D / n))
                plan.append((day, code, attendance * scale, name))
        plan.sort(key=lambda p: p[0])
        return plan

    # -- the year --

    def events(self) -> Iterator[Event]:
        rng, H, D = self.rng, self.H, len(self.days)
        batches = self._batch_plan()
        singles_left = self.M - round(sum(max(1, round(a * H)) for _, _, a, _ in batches))
        redemptions_left = self.R
        void_ordinals = set(rng.sample(range(self.R), self.V)) if self.R else set()
        last_period_start = max(
            i for i, d in enumerate(self.days) if i == 0 or d.timetuple().tm_yday == 1
        )
        mistake_day = rng.randrange(last_period_start, D)
        periods = sorted({d.year for d in self.days})
        adjust_days: list[int] = []
        if len(periods) == 1:
            adjust_days = sorted(rng.randrange(D) for _ in range(self.A))
        damage_days = {rng.randrange(D): reason for reason in DAMAGE_REASONS[:2]}
        stocktake_day = rng.randrange(D // 2, D)
        ref = 0
        redeemed = 0
        bi = 0
        for d, day in enumerate(self.days):
            period = self._period(day)
            if d == 0 or (day.month == 1 and day.day == 1):
                yield self._open(day, period)
            yield from self._restock(d, day)
            while bi < len(batches) and batches[bi][0] == d:
                _, code, attendance, name = batches[bi]
                bi += 1
                planned = max(1, round(attendance * H))
                event = self._batch(
                    day, period, code, planned, f"{day.month}月{day.day}日{name}", ref
                )
                ref += 1
                singles_left += planned - len(event.hhs)
                if event.hhs:
                    yield event
            quota = singles_left if d == D - 1 else round(singles_left / (D - d))
            for _ in range(max(0, quota)):
                yield self._single(day, period)
            singles_left -= max(0, quota)
            quota = redemptions_left if d == D - 1 else round(redemptions_left / (D - d))
            for _ in range(max(0, quota)):
                redemption = self._redeem(day, period, ref)
                if redemption is None:
                    continue
                ref += 1
                redemptions_left -= 1
                if redeemed in void_ordinals:
                    redemption.voided_later = True
                    yield redemption
                    yield self._void(day, redemption)
                else:
                    yield redemption
                redeemed += 1
            if d == mistake_day:
                size = self.U
                hhs = rng.sample(range(H), size)
                code = "XX02" if "XX02" in self.rules else next(iter(self.rules))
                mistaken = BatchAward(day, hhs, code, f"{day.month}月村民大会签到", ref, True)
                ref += 1
                pts = self.rules[code].points
                for hh in hhs:
                    self._post(hh, pts, "earn" if pts > 0 else "deduct", period, code)
                self.counts.batches += 1
                yield mistaken
                for hh in hhs:
                    self._post(hh, -pts, "reverse", period, code)
                self.counts.batches += 1
                yield UndoBatch(day, mistaken.ref, "重复录入，整批撤销")
            if d in damage_days:
                g = (
                    self._goods_named("鸡蛋")
                    if d == min(damage_days)
                    else rng.randrange(len(self.goods))
                )
                if self.stock[g] > 0:
                    qty = min(self.stock[g], rng.randint(1, 3))
                    self.stock[g] -= qty
                    self.counts.stock_moves += 1
                    yield Damage(day, g, qty, damage_days[d])
            if d == stocktake_day:
                g = rng.randrange(len(self.goods))
                if self.stock[g] > 0:
                    counted = self.stock[g] - 1
                    self.stock[g] = counted
                    self.counts.stock_moves += 1
                    yield Stocktake(day, g, counted, "季度盘点，短少1")
            for _ in range(adjust_days.count(d)):
                yield self._adjust(day, period)
            if day.month == 12 and day.day == 31 and d < D - 1:
                yield Publicize(day, period)
                for _ in range(self.A):
                    yield self._adjust(day, period)
                yield Finalize(day, period)

    def _open(self, day: date, period: str) -> OpenPeriod:
        for hh in range(self.H):
            self._post(hh, BASE_POINTS, "base", period)
        self.counts.batches += 1
        return OpenPeriod(day, period)

    def _restock(self, d: int, day: date) -> Iterator[StockIn]:
        late = d >= len(self.days) - 6
        for g in range(len(self.goods)):
            if d == 0:
                qty = self.lot[g] + self.reorder[g]
            elif self.stock[g] <= self.reorder[g] and not (late and g % 5 == 0):
                qty = self.lot[g]
            else:
                continue
            donor = ""
            if (d == 0 and g % 7 == 3) or (d > 0 and self.rng.random() < 0.08):
                donor = self.rng.choice(DONORS)
            self.stock[g] += qty
            self.counts.stock_moves += 1
            reference = "" if donor else f"采购单 CG-{day:%Y%m%d}"
            yield StockIn(day, g, qty, donor, reference)

    def _batch(
        self, day: date, period: str, code: str, planned: int, reason: str, ref: int
    ) -> BatchAward:
        rule = self.rules[code]
        used = self._used(period, code)
        if rule.cap is not None:
            cap = rule.cap
            eligible = [h for h in range(self.H) if abs(used[h] + rule.points) <= cap]
        else:
            eligible = list(range(self.H))
        hhs = sorted(self.rng.sample(eligible, min(planned, len(eligible))))
        for hh in hhs:
            self._post(hh, rule.points, "earn" if rule.points > 0 else "deduct", period, code)
        if hhs:
            self.counts.batches += 1
        return BatchAward(day, hhs, code, reason, ref)

    def _single(self, day: date, period: str) -> Award:
        rng = self.rng
        code, _, reasons = rng.choices(self.single, cum_weights=self.single_cw)[0]
        rule = self.rules[code]
        cw = self.earn_cw if rule.points > 0 else self.deduct_cw
        hh = rng.choices(range(self.H), cum_weights=cw)[0]
        member = None
        if code.startswith("BZ"):
            member = rng.randrange(len(self.homes[hh].members))
        reason = rng.choice(reasons).format(m=day.month)
        self._post(hh, rule.points, "earn" if rule.points > 0 else "deduct", period, code)
        return Award(day, hh, code, member, reason)

    def _adjust(self, day: date, period: str) -> Adjust:
        hh = self.rng.randrange(self.H)
        reason = self.rng.choice(ADJUST_REASONS)
        pts = self.rng.choice((2, 3, 5)) if "补记" in reason else -self.rng.choice((1, 2))
        self._post(hh, pts, "adjust", period)
        self.counts.adjustments += 1
        return Adjust(day, hh, pts, reason)

    def _goods_named(self, word: str) -> int:
        return next((i for i, g in enumerate(self.goods) if word in g.name), 0)

    def _redeem(self, day: date, period: str, ref: int) -> Redeem | None:
        rng, goods, stock = self.rng, self.goods, self.stock
        in_stock = [g for g in range(len(goods)) if stock[g] > 0]
        if not in_stock:
            return None
        cheapest = min(goods[g].price for g in in_stock)
        for _ in range(20):
            hh = rng.randrange(self.H)
            if self.balance[hh] >= cheapest:
                break
        else:
            return None
        budget = max(cheapest, int(self.balance[hh] * rng.uniform(0.3, 1.0)))
        lines: list[tuple[int, int]] = []
        spent = 0
        for _ in range(rng.choices((1, 2, 3), weights=(45, 35, 20))[0]):
            chosen = {g for g, _ in lines}
            candidates = [
                g
                for g in in_stock
                if g not in chosen and stock[g] > 0 and goods[g].price <= budget - spent
            ]
            if not candidates:
                break
            g = rng.choices(candidates, weights=[goods[c].popularity for c in candidates])[0]
            qty = 2 if goods[g].price <= 15 and rng.random() < 0.3 else 1
            qty = min(qty, stock[g], (budget - spent) // goods[g].price)
            lines.append((g, qty))
            spent += goods[g].price * qty
            stock[g] -= qty
        if not lines:
            return None
        self.balance[hh] -= spent
        self.counts.entry("redeem")
        self.counts.redemptions += 1
        self.counts.stock_moves += len(lines)
        return Redeem(day, hh, lines, ref)

    def _void(self, day: date, redemption: Redeem) -> Void:
        spent = sum(self.goods[g].price * q for g, q in redemption.lines)
        self.balance[redemption.hh] += spent
        for g, q in redemption.lines:
            self.stock[g] += q
        self.counts.entry("reverse")
        self.counts.voids += 1
        self.counts.stock_moves += len(redemption.lines)
        return Void(day, redemption.ref, self.rng.choice(VOID_REASONS))


def stock_levels(popularity: Sequence[float], redemptions: int) -> tuple[list[int], list[int]]:
    """(purchase lot, reorder point) per goods: about a month's and five days' use."""
    share = sum(popularity) or 1.0
    daily = redemptions / 365 * 1.8 * 1.3  # lines per redemption, units per line
    lots = [max(10, math.ceil(daily * p / share * 30)) for p in popularity]
    reorder = [max(3, math.ceil(daily * p / share * 5)) for p in popularity]
    return lots, reorder


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


# --- common set-up ---------------------------------------------------------------------


@dataclass(frozen=True)
class Actors:
    admin: Actor  # periods, adjustments, voids
    worker: Actor  # households, awards, stock
    counter: Actor  # redemptions and slips


def _actors(db: Database, admin: Actor) -> Actors:
    """The demo's worker and counter operator (falls back to the administrator)."""
    found: dict[str, Actor] = {}
    with db.read() as session:
        for op in session.scalars(select(Operator).where(Operator.active.is_(True))):
            actor = Actor(op.id, op.username, op.display_name, Role(op.role))
            found.setdefault(op.role, actor)
    return Actors(
        admin,
        found.get(Role.WORKER.value, admin),
        found.get(Role.COUNTER.value, found.get(Role.WORKER.value, admin)),
    )


def _seed_rules(db: Database) -> dict[str, RuleInfo]:
    with db.write() as session:
        points.seed_default_rules(session)
    with db.read() as session:
        return {
            r.code: RuleInfo(r.id, r.code, r.name, r.points, r.cap_per_period)
            for r in session.scalars(select(PointRule).where(PointRule.active.is_(True)))
        }


def _create_goods(db: Database, actor: Actor, redemptions: int) -> list[GoodsInfo]:
    _, reorder = stock_levels([g[4] for g in GOODS], redemptions)
    made = []
    for i, (name, category, unit, price, popularity) in enumerate(GOODS):
        barcode = ean13(f"{BARCODE_PREFIX}{i + 1:05d}")
        view = supermarket.create_goods(
            db,
            actor,
            supermarket.GoodsData(
                name=name,
                points_price=price,
                category=category,
                unit=unit,
                barcode=barcode,
                low_stock_threshold=reorder[i],
                sort_order=i * 10,
            ),
        )
        made.append(GoodsInfo(view.id, view.name, view.unit, price, popularity))
    return made


def fill_demo(ctx: DemoContext, *, bulk: bool | None = None) -> None:
    """Households, members, cards, rules, goods and a year of points (see the module doc)."""
    started = time.perf_counter()
    if bulk is None:
        bulk = ctx.size.ledger_entries > BULK_MIN_ENTRIES
    db = ctx.db
    actors = _actors(db, ctx.actor)
    homes = make_roster(ctx.rng, ctx.names, ctx.size.households, ctx.station.village)
    rules = _seed_rules(db)
    goods = _create_goods(db, actors.worker, ctx.size.redemptions)
    simulation = Simulation(
        random.Random(ctx.rng.getrandbits(64)),
        homes,
        rules,
        goods,
        ledger_entries=ctx.size.ledger_entries,
        redemptions=ctx.size.redemptions,
        today=date.today(),
    )
    if bulk:
        _log(
            f"bulk load: {len(homes):,} households, about {ctx.size.ledger_entries:,} entries "
            f"and {ctx.size.redemptions:,} redemptions"
        )
        writer: ServiceWriter | BulkWriter = BulkWriter(db, actors, homes, rules, goods)
    else:
        card_key = keys.card_key(ctx.data_dir.keys)
        writer = ServiceWriter(db, actors, homes, rules, goods, card_key)
    writer.register()
    for event in simulation.events():
        writer.apply(event)
    writer.finish(simulation)
    if writer.balances() != simulation.balance:
        raise RuntimeError("demo: the written balances differ from the simulation's")
    c = simulation.counts
    _log(
        f"done in {time.perf_counter() - started:.1f} s: {len(homes):,} households, "
        f"{c.entries:,} entries, {c.batches:,} batches, {c.redemptions:,} redemptions "
        f"({c.voids} voided), {c.stock_moves:,} stock moves"
    )


# --- writing through the services --------------------------------------------------------


class ServiceWriter:
    """Applies each event with the service a user's click would call."""

    def __init__(
        self,
        db: Database,
        actors: Actors,
        homes: Sequence[Home],
        rules: dict[str, RuleInfo],
        goods: Sequence[GoodsInfo],
        card_key: bytes,
    ) -> None:
        self.db = db
        self.actors = actors
        self.homes = homes
        self.rules = rules
        self.goods = goods
        self.card_key = card_key
        self.hh_ids: list[str] = []
        self.member_ids: list[list[str]] = []
        self.batch_ids: dict[int, str] = {}
        self.redemption_ids: dict[int, str] = {}

    def register(self) -> None:
        """The roster in one transaction (as a confirmed roster import), then the cards."""
        worker = self.actors.worker
        with self.db.write() as session:
            for home in self.homes:
                head, *others = home.members
                household = households.add_household(
                    session,
                    worker,
                    HouseholdData(
                        number=home.number,
                        group_name=home.group,
                        address=home.address,
                        phone=home.phone,
                    ),
                    _member_data(head),
                )
                ids = [household.head_member_id or ""]
                for person in others:
                    clean = households.clean_member(_member_data(person))
                    ids.append(households.insert_member(session, household, clean).id)
                self.hh_ids.append(household.id)
                self.member_ids.append(ids)
            audit.record(
                session,
                worker,
                "roster.import",
                "household",
                "",
                after={
                    "households_created": len(self.homes),
                    "members_added": sum(len(h.members) - 1 for h in self.homes),
                    "rows": sum(len(h.members) for h in self.homes),
                },
            )
        for household_id in self.hh_ids:
            cards.issue_card(self.db, worker, self.card_key, cards.CardKind.HOUSEHOLD, household_id)

    def apply(self, event: Event) -> None:
        db, a = self.db, self.actors
        match event:
            case OpenPeriod(day=day):
                points.open_period(db, a.admin, SETTINGS, on=day)
            case Publicize(key=key):
                points.publicize_period(db, a.admin, key)
            case Finalize(day=day, key=key):
                points.finalize_period(db, a.admin, key, SETTINGS, on=day)
            case Award():
                member = (
                    self.member_ids[event.hh][event.member] if event.member is not None else None
                )
                points.award(
                    db,
                    a.worker,
                    self.hh_ids[event.hh],
                    event.code,
                    member_id=member,
                    reason=event.reason,
                    on=event.day,
                    settings=SETTINGS,
                )
            case BatchAward():
                batch = points.batch_award(
                    db,
                    a.worker,
                    [self.hh_ids[h] for h in event.hhs],
                    event.code,
                    event.reason,
                    on=event.day,
                    settings=SETTINGS,
                )
                self.batch_ids[event.ref] = batch.batch_id
            case UndoBatch():
                points.undo_batch(db, a.worker, self.batch_ids[event.ref], event.reason)
            case Adjust():
                points.adjust(
                    db,
                    a.admin,
                    self.hh_ids[event.hh],
                    event.points,
                    event.reason,
                    on=event.day,
                    settings=SETTINGS,
                )
            case StockIn():
                supermarket.receive_stock(
                    db,
                    a.worker,
                    self.goods[event.goods].id,
                    event.qty,
                    donor=event.donor,
                    reference=event.reference,
                )
            case Damage():
                supermarket.record_damage(
                    db, a.worker, self.goods[event.goods].id, event.qty, event.reason
                )
            case Stocktake():
                supermarket.stocktake(
                    db, a.worker, self.goods[event.goods].id, event.counted, event.note
                )
            case Redeem():
                redemption = supermarket.redeem(
                    db,
                    a.counter,
                    supermarket.new_redemption_id(),
                    self.hh_ids[event.hh],
                    [(self.goods[g].id, q) for g, q in event.lines],
                    SETTINGS,
                    on=event.day,
                )
                supermarket.record_print(db, a.counter, redemption.id)
                self.redemption_ids[event.ref] = redemption.id
            case Void():
                supermarket.void_redemption(
                    db, a.admin, self.redemption_ids[event.ref], event.reason
                )

    def finish(self, simulation: Simulation) -> None:
        pass

    def balances(self) -> list[int]:
        with self.db.read() as session:
            by_id = dict(session.execute(select(Household.id, Household.balance)).all())
        return [by_id[h] for h in self.hh_ids]


def _member_data(p: Person) -> MemberData:
    return MemberData(
        name=p.name,
        relation=p.relation,
        sex=p.sex,
        birth_date=p.birth,
        id_number=p.id_number,
        phone=p.phone,
    )


# --- writing in bulk -------------------------------------------------------------------------

_ORDER: tuple[Table, ...] = tuple(
    m.__table__  # type: ignore[misc]
    for m in (
        Household,
        Member,
        Card,
        PointPeriod,
        PointBatch,
        PointEntry,
        StockMove,
        Redemption,
        RedemptionLine,
        RedemptionVoid,
        PrintLog,
    )
)
"""Tables in foreign-key order: a chunk is flushed table by table in this order."""


@dataclass(slots=True)
class _KeptRedemption:
    id: str
    number: str
    hh: int
    entry_id: str
    total: int
    period: str
    moves: list[tuple[int, int, str]]  # (goods, qty, move id)


class BulkWriter:
    """Builds the rows the services would write and inserts them with Core, in chunks."""

    def __init__(
        self,
        db: Database,
        actors: Actors,
        homes: Sequence[Home],
        rules: dict[str, RuleInfo],
        goods: Sequence[GoodsInfo],
    ) -> None:
        self.db = db
        self.actors = actors
        self.homes = homes
        self.rules = rules
        self.goods = goods
        self.station_id = db.station_id or ""
        self.today = date.today()
        self.rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in _ORDER}
        self.buffered = 0
        self.in_txn = 0
        self.written = 0
        self.counts: dict[str, int] = {}
        self.session: Session | None = None
        self._txn: Any = None
        self.seq = 0
        self.now = utcnow()
        self.touched: set[str] = set()  # ids inserted or bumped in the open transaction
        self.hh_ids: list[str] = []
        self.member_ids: list[list[str]] = []
        self.member_names: list[list[str]] = []
        self.balance: list[int] = []
        self.on_hand = [0] * len(goods)
        self.hh_moved = bytearray()  # 1 = the household's balance cache was written
        self.goods_moved = bytearray(len(goods))
        self.period_ids: dict[str, str] = {}
        self.kept_batches: dict[int, tuple[str, str, str, list[tuple[str, int, int]]]] = {}
        self.kept_redemptions: dict[int, _KeptRedemption] = {}
        self.numbers: dict[int, int] = {}  # redemptions per year
        self.started = time.perf_counter()
        self.last_report = self.started

    # -- transactions and chunks --

    def _begin(self) -> None:
        self._txn = self.db.write()
        self.session = self._txn.__enter__()
        assert self.session is not None
        self.session.connection().exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        self.seq = next_change_seq(self.session)
        self.now = utcnow()
        self.in_txn = 0
        self.touched = set()

    def _commit(self) -> None:
        self._flush()
        self._txn.__exit__(None, None, None)
        self._txn = None
        self.session = None

    def _flush(self) -> None:
        assert self.session is not None
        for table in _ORDER:
            rows = self.rows[table]
            if rows:
                self.session.execute(insert(table), rows)
                self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
                rows.clear()
        self.written += self.buffered
        self.buffered = 0
        self.now = utcnow()
        if time.perf_counter() - self.last_report > 5:
            self.last_report = time.perf_counter()
            entries = self.counts.get(PointEntry.__tablename__, 0)
            _log(
                f"{self.written:,} rows written ({entries:,} points entries), "
                f"{self.last_report - self.started:.0f} s"
            )

    def _add(self, table: Table, row: dict[str, Any]) -> str:
        row.setdefault("id", new_id())
        row["station_id"] = self.station_id
        row["created_at"] = self.now
        row["updated_at"] = self.now
        row["row_version"] = 1
        row["change_seq"] = self.seq
        row["deleted"] = False
        self.rows[table].append(row)
        self.touched.add(row["id"])
        self.buffered += 1
        self.in_txn += 1
        if self.buffered >= CHUNK_ROWS:
            self._flush()
        return str(row["id"])

    def _bump(self, table: Table, row_id: str, values: dict[str, Any]) -> None:
        """UPDATE one row as the stamping hook would (one version bump per transaction)."""
        assert self.session is not None
        self._flush()
        stamp: dict[str, Any] = {"updated_at": self.now, "change_seq": self.seq}
        if row_id not in self.touched:
            stamp["row_version"] = table.c.row_version + 1
            self.touched.add(row_id)
        self.session.execute(update(table).where(table.c.id == row_id).values(**values, **stamp))

    # -- the roster --

    def register(self) -> None:
        worker = self.actors.worker
        self._begin()
        assert self.session is not None
        key = personal.hash_key(self.session)
        assert key is not None
        initials = _Initials()
        for home in self.homes:
            hh_id = new_id()
            ids = [new_id() for _ in home.members]
            head = home.members[0]
            self._add(
                Household.__table__,  # type: ignore[arg-type]
                {
                    "id": hh_id,
                    "number": home.number,
                    "number_sort": households.number_sort_key(home.number),
                    "head_member_id": ids[0],
                    "head_name": head.name,
                    "head_initials": initials(head.name),
                    "group_name": home.group,
                    "address": home.address,
                    "phone": home.phone,
                    "phone_masked": personal.mask_phone(home.phone),
                    "phone_tail": personal.phone_tail(home.phone),
                    "note": "",
                    "balance": 0,
                    "rating": "",
                    "rating_year": None,
                    "active": True,
                },
            )
            for member_id, p in zip(ids, home.members, strict=True):
                self._add(
                    Member.__table__,  # type: ignore[arg-type]
                    {
                        "id": member_id,
                        "household_id": hh_id,
                        "name": p.name,
                        "initials": initials(p.name),
                        "relation": p.relation,
                        "is_head": p.relation == HEAD_RELATION,
                        "sex": p.sex,
                        "birth_date": p.birth,
                        "id_number": p.id_number,
                        "id_masked": personal.mask_id(p.id_number),
                        "id_hash": personal.keyed_hash(key, "id", p.id_number)
                        if p.id_number
                        else "",
                        "phone": p.phone,
                        "phone_masked": personal.mask_phone(p.phone),
                        "phone_tail": personal.phone_tail(p.phone),
                        "active": True,
                        "left_reason": "",
                    },
                )
            self._add(
                Card.__table__,  # type: ignore[arg-type]
                {
                    "kind": cards.CardKind.HOUSEHOLD.value,
                    "subject_id": hh_id,
                    "serial": 1,
                    "issued_at": self.now,
                    "issued_by": worker.display_name,
                    "revoked_at": None,
                    "revoke_reason": "",
                },
            )
            self.hh_ids.append(hh_id)
            self.member_ids.append(ids)
            self.member_names.append([p.name for p in home.members])
        self.balance = [0] * len(self.homes)
        self.hh_moved = bytearray(len(self.homes))
        _log(f"{len(self.homes):,} households with {sum(map(len, self.member_ids)):,} members")

    # -- the ledger --

    def _entry(
        self,
        hh: int,
        actor: Actor,
        *,
        kind: EntryKind,
        points: int,
        period: str,
        occurred_on: date,
        scored: bool,
        quantity: int = 1,
        rule: tuple[str | None, str, str, int] = (None, "", "", 0),
        member: int | None = None,
        member_name: str = "",
        reason: str = "",
        batch_id: str | None = None,
        link_type: str = "",
        link_id: str = "",
        reverses_id: str | None = None,
    ) -> str:
        """The row :func:`app.services.points.post_entry` writes."""
        self.balance[hh] += points
        self.hh_moved[hh] = 1
        return self._add(
            PointEntry.__table__,  # type: ignore[arg-type]
            {
                "household_id": self.hh_ids[hh],
                "member_id": self.member_ids[hh][member] if member is not None else None,
                "member_name": self.member_names[hh][member] if member is not None else member_name,
                "kind": kind.value,
                "points": points,
                "quantity": quantity,
                "scored": scored,
                "rule_id": rule[0],
                "rule_code": rule[1],
                "rule_name": rule[2],
                "rule_points": rule[3],
                "reason": reason,
                "occurred_on": occurred_on,
                "period": period,
                "batch_id": batch_id,
                "link_type": link_type,
                "link_id": link_id,
                "reverses_id": reverses_id,
                "operator_id": actor.operator_id,
                "operator_name": actor.display_name,
                "balance_after": self.balance[hh],
            },
        )

    def _batch(self, actor: Actor, **values: Any) -> str:
        row = {
            "kind": "",
            "rule_code": "",
            "rule_name": "",
            "reason": "",
            "period": "",
            "entry_count": 0,
            "total_points": 0,
            "operator_id": actor.operator_id,
            "operator_name": actor.display_name,
            "reverses_batch_id": None,
        }
        row.update(values)
        return self._add(PointBatch.__table__, row)  # type: ignore[arg-type]

    def _move(
        self,
        actor: Actor,
        g: int,
        kind: MoveKind,
        qty: int,
        *,
        donor: str = "",
        reference: str = "",
        link_type: str = "",
        link_id: str = "",
        reverses_id: str | None = None,
    ) -> str:
        """The row ``supermarket.stock._move`` writes."""
        self.on_hand[g] += qty
        self.goods_moved[g] = 1
        return self._add(
            StockMove.__table__,  # type: ignore[arg-type]
            {
                "goods_id": self.goods[g].id,
                "kind": kind.value,
                "qty": qty,
                "on_hand_after": self.on_hand[g],
                "donor": donor,
                "reference": reference,
                "link_type": link_type,
                "link_id": link_id,
                "reverses_id": reverses_id,
                "operator_id": actor.operator_id,
                "operator_name": actor.display_name,
            },
        )

    def apply(self, event: Event) -> None:
        if self.session is None:
            self._begin()
        a = self.actors
        match event:
            case OpenPeriod(day=day, key=key):
                period_id = self._add(
                    PointPeriod.__table__,  # type: ignore[arg-type]
                    {
                        "key": key,
                        "kind": SETTINGS.period_kind,
                        "state": PeriodState.OPEN.value,
                        "base_points": BASE_POINTS,
                        "opened_at": self.now,
                        "publicized_at": None,
                        "finalized_at": None,
                        "end_action": "",
                        "note": "",
                    },
                )
                self.period_ids[key] = period_id
                order = sorted(
                    range(len(self.homes)),
                    key=lambda i: households.number_sort_key(self.homes[i].number),
                )
                batch_id = self._batch(
                    a.admin,
                    kind="period_open",
                    period=key,
                    entry_count=len(order),
                    total_points=BASE_POINTS * len(order),
                )
                for hh in order:
                    self._entry(
                        hh,
                        a.admin,
                        kind=EntryKind.BASE,
                        points=BASE_POINTS,
                        period=key,
                        occurred_on=day,
                        scored=True,
                        batch_id=batch_id,
                    )
            case Publicize(key=key):
                self._bump(
                    PointPeriod.__table__,  # type: ignore[arg-type]
                    self.period_ids[key],
                    {"state": PeriodState.PUBLICIZED.value, "publicized_at": utcnow()},
                )
            case Finalize(key=key):
                self._bump(
                    PointPeriod.__table__,  # type: ignore[arg-type]
                    self.period_ids[key],
                    {
                        "state": PeriodState.FINALIZED.value,
                        "finalized_at": utcnow(),
                        "end_action": SETTINGS.end_action,
                    },
                )
            case Award(day=day):
                rule = self.rules[event.code]
                self._entry(
                    event.hh,
                    a.worker,
                    kind=EntryKind.EARN if rule.points > 0 else EntryKind.DEDUCT,
                    points=rule.points,
                    period=points.period_key(day, SETTINGS.period_kind),
                    occurred_on=day,
                    scored=True,
                    rule=(rule.id, rule.code, rule.name, rule.points),
                    member=event.member,
                    reason=event.reason,
                )
            case BatchAward(day=day):
                rule = self.rules[event.code]
                period = points.period_key(day, SETTINGS.period_kind)
                batch_id = self._batch(
                    a.worker,
                    kind="award",
                    rule_code=rule.code,
                    rule_name=rule.name,
                    reason=event.reason,
                    period=period,
                    entry_count=len(event.hhs),
                    total_points=rule.points * len(event.hhs),
                )
                kept: list[tuple[str, int, int]] = []
                for hh in event.hhs:
                    entry_id = self._entry(
                        hh,
                        a.worker,
                        kind=EntryKind.EARN if rule.points > 0 else EntryKind.DEDUCT,
                        points=rule.points,
                        period=period,
                        occurred_on=day,
                        scored=True,
                        rule=(rule.id, rule.code, rule.name, rule.points),
                        reason=event.reason,
                        batch_id=batch_id,
                    )
                    if event.undone_later:
                        kept.append((entry_id, hh, rule.points))
                if event.undone_later:
                    self.kept_batches[event.ref] = (batch_id, period, rule.code, kept)
            case UndoBatch():
                batch_id, period, code, kept = self.kept_batches.pop(event.ref)
                rule_info = self.rules[code]
                undo_id = self._batch(
                    a.worker,
                    kind="undo",
                    rule_code=rule_info.code,
                    rule_name=rule_info.name,
                    reason=event.reason,
                    period=period,
                    entry_count=len(kept),
                    total_points=-sum(p for _, _, p in kept),
                    reverses_batch_id=batch_id,
                )
                for entry_id, hh, pts in sorted(kept):
                    self._entry(
                        hh,
                        a.worker,
                        kind=EntryKind.REVERSE,
                        points=-pts,
                        period=period,
                        occurred_on=self.today,
                        scored=True,
                        rule=(rule_info.id, rule_info.code, rule_info.name, rule_info.points),
                        reason=event.reason,
                        batch_id=undo_id,
                        reverses_id=entry_id,
                    )
            case Adjust(day=day):
                self._entry(
                    event.hh,
                    a.admin,
                    kind=EntryKind.ADJUST,
                    points=event.points,
                    period=points.period_key(day, SETTINGS.period_kind),
                    occurred_on=day,
                    scored=True,
                    reason=event.reason,
                )
            case StockIn():
                self._move(
                    a.worker,
                    event.goods,
                    MoveKind.DONATION if event.donor else MoveKind.PURCHASE,
                    event.qty,
                    donor=event.donor,
                    reference=event.reference,
                )
            case Damage():
                self._move(
                    a.worker, event.goods, MoveKind.DAMAGE, -event.qty, reference=event.reason
                )
            case Stocktake():
                difference = event.counted - self.on_hand[event.goods]
                if difference:
                    self._move(
                        a.worker, event.goods, MoveKind.STOCKTAKE, difference, reference=event.note
                    )
            case Redeem():
                self._redeem(event)
            case Void():
                self._void(event)
        if self.in_txn >= TXN_ROWS:
            self._commit()

    def _redeem(self, event: Redeem) -> None:
        """The rows ``supermarket.redeem`` and the first ``record_print`` write."""
        counter = self.actors.counter
        day = event.day
        seq = self.numbers.get(day.year, 0) + 1
        self.numbers[day.year] = seq
        number = f"{supermarket.NUMBER_PREFIX}-{day.year:04d}-{seq:06d}"
        redemption_id = new_id()
        total = sum(self.goods[g].price * q for g, q in event.lines)
        before = self.balance[event.hh]
        period = points.period_key(day, SETTINGS.period_kind)
        entry_id = self._entry(
            event.hh,
            counter,
            kind=EntryKind.REDEEM,
            points=-total,
            period=period,
            occurred_on=day,
            scored=False,
            reason=number,
            link_type="redemption",
            link_id=redemption_id,
        )
        moves = [
            self._move(
                counter,
                g,
                MoveKind.REDEMPTION,
                -q,
                reference=number,
                link_type="redemption",
                link_id=redemption_id,
            )
            for g, q in event.lines
        ]
        home = self.homes[event.hh]
        self._add(
            Redemption.__table__,  # type: ignore[arg-type]
            {
                "id": redemption_id,
                "number": number,
                "household_id": self.hh_ids[event.hh],
                "household_number": home.number,
                "head_name": home.members[0].name,
                "total_points": total,
                "balance_before": before,
                "balance_after": self.balance[event.hh],
                "point_entry_id": entry_id,
                "operator_id": counter.operator_id,
                "operator_name": counter.display_name,
            },
        )
        for line_no, ((g, q), move_id) in enumerate(zip(event.lines, moves, strict=True), start=1):
            goods = self.goods[g]
            self._add(
                RedemptionLine.__table__,  # type: ignore[arg-type]
                {
                    "redemption_id": redemption_id,
                    "line_no": line_no,
                    "goods_id": goods.id,
                    "goods_name": goods.name,
                    "unit": goods.unit,
                    "unit_points": goods.price,
                    "qty": q,
                    "line_points": goods.price * q,
                    "stock_move_id": move_id,
                },
            )
        self._add(
            PrintLog.__table__,  # type: ignore[arg-type]
            {
                "doc_type": "redemption",
                "doc_id": redemption_id,
                "copy_no": 1,
                "note": "",
                "operator_id": counter.operator_id,
                "operator_name": counter.display_name,
                "printed_at": self.now,
            },
        )
        if event.voided_later:
            self.kept_redemptions[event.ref] = _KeptRedemption(
                redemption_id,
                number,
                event.hh,
                entry_id,
                total,
                period,
                [(g, q, m) for (g, q), m in zip(event.lines, moves, strict=True)],
            )

    def _void(self, event: Void) -> None:
        """The rows ``supermarket.void_redemption`` writes."""
        admin = self.actors.admin
        r = self.kept_redemptions.pop(event.ref)
        entry_id = self._entry(
            r.hh,
            admin,
            kind=EntryKind.REVERSE,
            points=r.total,
            period=r.period,
            occurred_on=self.today,
            scored=False,
            reason=event.reason,
            link_type="redemption_void",
            link_id=r.id,
            reverses_id=r.entry_id,
        )
        for g, q, move_id in r.moves:
            self._move(
                admin,
                g,
                MoveKind.VOID,
                q,
                reference=r.number,
                link_type="redemption_void",
                link_id=r.id,
                reverses_id=move_id,
            )
        self._add(
            RedemptionVoid.__table__,  # type: ignore[arg-type]
            {
                "redemption_id": r.id,
                "reason": event.reason,
                "point_entry_id": entry_id,
                "operator_id": admin.operator_id,
                "operator_name": admin.display_name,
                "voided_at": self.now,
            },
        )

    # -- the caches and the audit summary --

    def finish(self, simulation: Simulation) -> None:
        if self.session is None:
            self._begin()
        self._flush()
        assert self.session is not None
        self._bump_many(
            Household.__table__,  # type: ignore[arg-type]
            "balance",
            [(h, b) for h, b, m in zip(self.hh_ids, self.balance, self.hh_moved, strict=True) if m],
        )
        self._bump_many(
            Goods.__table__,  # type: ignore[arg-type]
            "on_hand",
            [
                (g.id, n)
                for g, n, m in zip(self.goods, self.on_hand, self.goods_moved, strict=True)
                if m
            ],
        )
        c = simulation.counts
        audit.record(
            self.session,
            self.actors.admin,
            "demo.bulk_load",
            "station",
            self.station_id,
            after={
                "households": len(self.hh_ids),
                "members": sum(map(len, self.member_ids)),
                "cards": len(self.hh_ids),
                "periods": sorted(self.period_ids),
                "points_entries": c.entries,
                "entries_by_kind": dict(sorted(c.by_kind.items())),
                "batches": c.batches,
                "redemptions": c.redemptions,
                "voids": c.voids,
                "stock_moves": c.stock_moves,
                "rows": dict(sorted(self.counts.items())),
            },
        )
        self._commit()
        with self.db.write() as session:
            session.connection().exec_driver_sql("PRAGMA cache_size = -2000")
            session.connection().exec_driver_sql("PRAGMA optimize")
        _log(f"{self.written:,} rows in {time.perf_counter() - self.started:.1f} s")

    def _bump_many(self, table: Table, column: str, values: list[tuple[str, int]]) -> None:
        """Set a cache column on many rows, stamped as the hook would stamp an update."""
        assert self.session is not None
        if not values:
            return
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                {
                    column: bindparam("b_value"),
                    "row_version": table.c.row_version + bindparam("b_bump"),
                    "updated_at": self.now,
                    "change_seq": self.seq,
                }
            )
        )
        self.session.execute(
            stmt,
            [
                {"b_id": row_id, "b_value": value, "b_bump": 0 if row_id in self.touched else 1}
                for row_id, value in values
            ],
        )
        self.touched.update(row_id for row_id, _ in values)

    def balances(self) -> list[int]:
        return list(self.balance)


class _Initials:
    """``households.initials`` with a cache (names repeat a lot in a village)."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        found = self.cache.get(name)
        if found is None:
            found = self.cache[name] = households.initials(name)
        return found


register_filler("households and points", fill_demo)
