"""服务点单 (四单) — the service menu, residents' orders and their history.

DOMAIN "四单 service orders".  A resident orders a service from the station's
menu (群众点单); the station dispatches it to a team or to volunteers (派单),
who accept it (接单), serve and close it with a short report (结项); the
resident rates it (评单).

* ``ServiceMenuItem`` — one item of the menu (category → item, with the team
  usually dispatched); syncable, so the township sees each station's menu and
  its config package can bring items.
* ``ServiceOrderEvent`` — **the ledger** (append-only, DESIGN §3): one row per
  transition of an order, with the states before and after, who and when, and
  what the step carried (the reason, the team or volunteers, the report, the
  stars and comment).  ``seq`` counts an order's events (UNIQUE per order).
* ``ServiceOrderPhoto`` — a photo of the service given, taken at 结项 (append-only:
  evidence of the service, as the report beside it), copied into
  ``<data>/photos/orders/<order id>/`` by app.services.photos.
* ``ServiceOrder`` — the order as requested plus its *current* state and the
  times of its steps, a cache of its events updated in the same transaction
  (app.services.orders.flow writes both; ``verify`` recomputes it).

Personal data follows app.models.households: a walk-in's full phone stays on the
station (``phone``; blanked in a sync file), lists show ``phone_masked``.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Syncable


class OrderState(enum.StrEnum):
    PENDING = "pending"  # 待处理
    REJECTED = "rejected"  # 已拒绝 (with a reason)
    DISPATCHED = "dispatched"  # 已派单 (to a team or volunteers)
    ACCEPTED = "accepted"  # 已接单
    COMPLETED = "completed"  # 已完成 (结项 with a report)
    RATED = "rated"  # 已评价 (1–5 stars and a comment)


class OrderAction(enum.StrEnum):
    CREATE = "create"  # 点单
    REJECT = "reject"  # 拒单
    DISPATCH = "dispatch"  # 派单 (also a re-dispatch: from 已派单 or 已接单)
    ACCEPT = "accept"  # 接单
    COMPLETE = "complete"  # 结项
    RATE = "rate"  # 评单
    CANCEL = "cancel"  # back to 待处理


class ServiceMenuItem(Syncable, Base):
    """服务菜单项 — one service residents can order, in a category."""

    __tablename__ = "service_menu_item"
    __table_args__ = (UniqueConstraint("station_id", "category", "name"),)

    category: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer_team.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ServiceOrder(Syncable, Base):
    """服务订单 — one resident's order, with its current state (cache of the events)."""

    __tablename__ = "service_order"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        UniqueConstraint("station_id", "year", "seq"),
        Index("ix_service_order_state_received_at", "state", "received_at"),
        Index("ix_service_order_station_id_received_at", "station_id", "received_at"),
    )

    number: Mapped[str] = mapped_column(String(20))  # 单号 DD-2026-0001
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(ForeignKey("service_menu_item.id"), index=True)
    category: Mapped[str] = mapped_column(String(30))  # copied: the menu may change later
    item_name: Mapped[str] = mapped_column(String(60))
    household_id: Mapped[str | None] = mapped_column(
        ForeignKey("household.id"), nullable=True, index=True
    )
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    requester_name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(20), default="")  # full; station only
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="", index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    request: Mapped[str] = mapped_column(Text, default="")  # what the resident asks for
    state: Mapped[str] = mapped_column(String(12), default=OrderState.PENDING.value)
    received_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock, like activities
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    rated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer_team.id"), nullable=True)
    volunteer_ids: Mapped[str] = mapped_column(Text, default="")  # "|"-separated
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    event_count: Mapped[int] = mapped_column(Integer, default=0)


class ServiceOrderEvent(Syncable, Base):
    """订单流转记录 — one transition of an order (ledger)."""

    __tablename__ = "service_order_event"
    __append_only__ = True
    __table_args__ = (UniqueConstraint("order_id", "seq"),)

    order_id: Mapped[str] = mapped_column(ForeignKey("service_order.id"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per order
    action: Mapped[str] = mapped_column(String(10))  # OrderAction
    from_state: Mapped[str] = mapped_column(String(12), default="")
    to_state: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock
    reason: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer_team.id"), nullable=True)
    volunteer_ids: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # 结项: each volunteer's service
    report: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class ServiceOrderPhoto(Syncable, Base):
    """结项照片 — a photo of the service given, recorded with the 结项 step (ledger)."""

    __tablename__ = "service_order_photo"
    __append_only__ = True

    order_id: Mapped[str] = mapped_column(ForeignKey("service_order.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(36), default="")  # the 结项 step's event
    path: Mapped[str] = mapped_column(String(200))  # relative to the photos folder, "/"
    original_name: Mapped[str] = mapped_column(String(200), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
