"""The station itself (文明实践站 / 实践所) and its operators (操作员).

``Station`` is syncable: the township needs to know who its stations are.
``Operator`` rows never leave the PC — they hold password hashes — so they are
plain local rows (still with a UUIDv7 id, so audit entries can name them).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.ids import new_id
from app.models.base import Base, Syncable, utcnow


class StationMode(enum.StrEnum):
    STATION = "station"  # 村(社区)新时代文明实践站
    TOWNSHIP = "township"  # 乡镇(街道)新时代文明实践所: aggregates its stations


class Role(enum.StrEnum):
    """Operator roles; what each may do is in app.services.auth.PERMISSIONS."""

    ADMIN = "admin"  # 站长/管理员: everything
    WORKER = "worker"  # 实践员: daily work
    COUNTER = "counter"  # 超市值守: the redemption counter only


class Station(Syncable, Base):
    """新时代文明实践站 — one row: the station this database belongs to."""

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(12), unique=True)  # 统计用区划代码
    name: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(16), default=StationMode.STATION.value)
    village: Mapped[str] = mapped_column(String(100), default="")
    township: Mapped[str] = mapped_column(String(100), default="")
    county: Mapped[str] = mapped_column(String(100), default="")
    leader_name: Mapped[str] = mapped_column(String(50), default="")  # 负责人
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    signing_key_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    # the raw Ed25519 public key (hex): verifies the audit anchors anywhere
    signing_public_key: Mapped[str] = mapped_column(String(64), default="", server_default="")


class Operator(Base):
    """操作员 — a person who signs in to this PC."""

    __tablename__ = "operator"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
