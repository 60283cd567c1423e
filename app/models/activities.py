"""文明实践活动 — activities, their photos, kiosk scan events and attendance.

DOMAIN "Activities".  An activity's schedule (``starts_at``/``ends_at``) and every
kiosk time (``ScanEvent.scanned_at``, ``Presence.in_at``/``out_at``) are the
station's **local wall-clock** times, naive — what the worker typed and what the
kiosk PC's clock said — because an activity day, its hours and its certificate
are read in local time.  ``created_at``/``updated_at`` stay UTC like every
syncable row.

``ScanEvent`` is the kiosk's ledger (append-only, DESIGN §3): every scan writes
one row, failed ones included, with the result shown (status, message, args) so
that a repeat within the duplicate window can return it without writing.  A
mistaken scan is annulled by another event naming it in ``annuls_id`` (UNIQUE).

``Presence`` is one in/out pair of a volunteer at an activity — the current
attendance state, a cache of the events (non-ledger: its sign-out is filled in).
``Participation`` is a household's attendance (户次), once per activity, with the
points entry it earned.
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


class ActivityState(enum.StrEnum):
    PLANNED = "planned"  # 计划中
    OPEN = "open"  # 进行中 (the kiosk accepts scans)
    CLOSED = "closed"  # 已结束


class ScanStatus(enum.StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class ScanAction(enum.StrEnum):
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    HOUSEHOLD = "household"  # a household's participation recorded
    NONE = "none"  # nothing changed (refused, or a warning)
    ANNUL = "annul"  # annulment of an earlier event


class PresenceState(enum.StrEnum):
    PRESENT = "present"
    OUT = "out"
    ANNULLED = "annulled"


class Activity(Syncable, Base):
    """文明实践活动 — one planned or held activity."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_category_starts_at", "category", "starts_at"),
        Index("ix_activity_station_id_starts_at", "station_id", "starts_at"),  # 汇总
    )

    title: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(30))  # one of the five tasks
    platform: Mapped[str] = mapped_column(String(20), default="")  # 理论宣讲 ...
    place: Mapped[str] = mapped_column(String(100), default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # local time
    ends_at: Mapped[datetime] = mapped_column(DateTime)  # local time
    content: Mapped[str] = mapped_column(Text, default="")  # 活动内容摘要
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hours_cap_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    points_rule_code: Mapped[str] = mapped_column(String(20), default="")
    allow_households: Mapped[bool] = mapped_column(Boolean, default=True)
    recorder_id: Mapped[str] = mapped_column(String(36), default="")
    recorder_name: Mapped[str] = mapped_column(String(50), default="")  # 记录人
    state: Mapped[str] = mapped_column(String(8), default=ActivityState.PLANNED.value)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # local time


class ActivityTeam(Syncable, Base):
    """An organising team of an activity (removal is a tombstone)."""

    __tablename__ = "activity_team"
    __table_args__ = (UniqueConstraint("activity_id", "team_id"),)

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"))
    team_id: Mapped[str] = mapped_column(ForeignKey("volunteer_team.id"), index=True)


class ActivityPhoto(Syncable, Base):
    """活动照片 — a photo copied into ``<data>/photos/<activity id>/``."""

    __tablename__ = "activity_photo"

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    path: Mapped[str] = mapped_column(String(200))  # relative to the photos folder, "/"
    original_name: Mapped[str] = mapped_column(String(200), default="")
    caption: Mapped[str] = mapped_column(String(200), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")


class ScanEvent(Syncable, Base):
    """扫码记录 — one kiosk scan and its outcome (ledger)."""

    __tablename__ = "scan_event"
    __append_only__ = True
    __table_args__ = (
        Index("ix_scan_event_activity_id_payload", "activity_id", "payload"),
        Index("ix_scan_event_activity_id_scanned_at", "activity_id", "scanned_at"),
        Index("ix_scan_event_activity_id_subject_id", "activity_id", "subject_id"),
    )

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"))
    scanned_at: Mapped[datetime] = mapped_column(DateTime)  # the kiosk's local clock
    origin: Mapped[str] = mapped_column(String(8), default="scan")  # scan, close, annul
    mode: Mapped[str] = mapped_column(String(4), default="")  # in, out, auto
    payload: Mapped[str] = mapped_column(String(120), default="")  # normalised, truncated
    card_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    card_kind: Mapped[str] = mapped_column(String(1), default="")  # V, H or ""
    subject_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    person_name: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(10))  # ScanAction
    status: Mapped[str] = mapped_column(String(6))  # ScanStatus
    reason: Mapped[str] = mapped_column(String(24))  # machine-readable outcome code
    message: Mapped[str] = mapped_column(String(200), default="")  # English source text
    args: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the message's fields
    flags: Mapped[str] = mapped_column(String(60), default="")  # clock_back, ...
    presence_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    annuls_id: Mapped[str | None] = mapped_column(
        ForeignKey("scan_event.id"), nullable=True, unique=True
    )
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class Presence(Syncable, Base):
    """在场记录 — one sign-in/sign-out pair of a volunteer at an activity."""

    __tablename__ = "presence"
    __table_args__ = (
        Index("ix_presence_activity_id_volunteer_id", "activity_id", "volunteer_id"),
        Index("ix_presence_activity_id_state", "activity_id", "state"),
    )

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"))
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    state: Mapped[str] = mapped_column(String(10), default=PresenceState.PRESENT.value)
    in_event_id: Mapped[str] = mapped_column(ForeignKey("scan_event.id"))
    in_at: Mapped[datetime] = mapped_column(DateTime)
    out_event_id: Mapped[str | None] = mapped_column(ForeignKey("scan_event.id"), nullable=True)
    out_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # counted, after rounding/caps
    review_reason: Mapped[str] = mapped_column(String(60), default="")


class Participation(Syncable, Base):
    """户次 — a household's participation in an activity, with its points entry."""

    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("activity_id", "household_id"),)

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    scan_event_id: Mapped[str] = mapped_column(ForeignKey("scan_event.id"))
    point_entry_id: Mapped[str | None] = mapped_column(ForeignKey("point_entry.id"), nullable=True)
    points: Mapped[int] = mapped_column(Integer, default=0)
    annulled: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(100), default="")
