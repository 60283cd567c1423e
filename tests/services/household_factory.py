"""Helpers shared by the households/points/supermarket tests (not a test module)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEntry, Household, PointEntry, StockMove
from app.services import households
from app.services.households import HouseholdData, MemberData
from app.services.personal import id_check_digit


def make_id(birth: str = "19900101", region: str = "330481", seq: str = "123") -> str:
    body = region + birth + seq
    return body + id_check_digit(body)


def new_household(
    db: Database, actor, number: str, head: str = "张三", **kw: str
) -> households.HouseholdView:
    head_data = MemberData(
        name=head, id_number=kw.pop("id_number", ""), phone=kw.pop("head_phone", "")
    )
    return households.create_household(db, actor, HouseholdData(number=number, **kw), head_data)


def snapshot(db: Database) -> tuple[int, ...]:
    """Counts and sums that any refused action must leave unchanged."""
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(PointEntry)) or 0,
            s.scalar(select(func.coalesce(func.sum(Household.balance), 0))) or 0,
            s.scalar(select(func.count()).select_from(StockMove)) or 0,
            s.scalar(select(func.count()).select_from(Household)) or 0,
        )
