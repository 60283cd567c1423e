"""Helpers for the households/points/supermarket GUI tests (not a test module):
a station with households, cards, goods and stock built through the services,
a page context, and a fake clock that drives the scan field's burst rule."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from app.paths import DataDir
from app.services import cards, households, points, supermarket
from app.services.auth import Actor
from app.services.households import HouseholdData, HouseholdView, MemberData
from app.services.keys import load_keys
from app.services.supermarket import GoodsData, GoodsView
from app.settings import Settings
from app.views.pages import AppEvents, PageContext

SCANNER_MS = 8  # a USB scanner: a few ms per key
PERSON_MS = 180  # a person typing


class FakeClock:
    """Milliseconds that advance by ``step`` on every reading (one reading per key)."""

    def __init__(self, step: int = SCANNER_MS) -> None:
        self.now = 1_000
        self.step = step

    def __call__(self) -> int:
        self.now += self.step
        return self.now


@dataclass
class Shop:
    db: Database
    admin: Actor
    card_key: bytes
    rich: HouseholdView
    poor: HouseholdView
    rich_card: str
    poor_card: str
    oil: GoodsView
    soap: GoodsView
    towel: GoodsView


def build_shop(db: Database, data_dir: DataDir, admin: Actor) -> Shop:
    with db.write() as s:
        points.seed_default_rules(s)
    rich = households.create_household(
        db, admin, HouseholdData("001", "第一村民小组", "东风村1号"), MemberData("张三")
    )
    poor = households.create_household(
        db, admin, HouseholdData("002", "第二村民小组"), MemberData("李四")
    )
    points.award(db, admin, rich.id, "BZ01")  # +50
    points.award(db, admin, poor.id, "XX02", quantity=3)  # +3
    key = load_keys(data_dir.keys).card_key
    rich_card = cards.issue_card(db, admin, key, "H", rich.id).payload
    poor_card = cards.issue_card(db, admin, key, "H", poor.id).payload
    oil = supermarket.create_goods(
        db, admin, GoodsData("食用油", 20, "粮油", "桶", "6901234567890", low_stock_threshold=2)
    )
    soap = supermarket.create_goods(
        db, admin, GoodsData("肥皂", 3, "日用品", "块", "6900000000017")
    )
    towel = supermarket.create_goods(db, admin, GoodsData("毛巾", 8, "日用品", "条"))
    supermarket.receive_stock(db, admin, oil.id, 5, reference="发票001")
    supermarket.receive_stock(db, admin, soap.id, 10, donor="爱心企业某公司")
    supermarket.receive_stock(db, admin, towel.id, 3)
    return Shop(db, admin, key, rich, poor, rich_card, poor_card, oil, soap, towel)


def page_context(db: Database, data_dir: DataDir, settings: Settings, actor: Actor) -> PageContext:
    return PageContext(db, data_dir, settings, actor, AppEvents())


def snapshot(db: Database) -> tuple[int, ...]:
    """Counts and sums that any refused action must leave unchanged."""
    from sqlalchemy import func, select

    from app.models import AuditEntry, Household, PointEntry, StockMove

    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(PointEntry)) or 0,
            s.scalar(select(func.coalesce(func.sum(Household.balance), 0))) or 0,
            s.scalar(select(func.count()).select_from(StockMove)) or 0,
            s.scalar(select(func.count()).select_from(Household)) or 0,
        )
