"""志愿者 — volunteers, teams, their sub-records, service hours, stars and certificates.

DOMAIN "Volunteers and service hours" and "志愿服务记录证明".  Hours are stored as
whole **minutes** everywhere (the rounding setting works in minutes and sums stay
exact); a screen or a certificate shows ``minutes / 60`` with one decimal.

Ledgers (append-only, an UPDATE trigger aborts — DESIGN §3):

* ``ServiceRecord`` — one service-hour record as first written (from a kiosk
  in/out pair, a close-time sign-out or a manual entry with its reason);
* ``ServiceRecordDecision`` — its approval or rejection (UNIQUE per record: a
  record is decided once; a rejected one stays listed);
* ``ServiceRecordCorrection`` — every later change of its minutes, old and new;
* ``StarGrant`` — a star level granted (UNIQUE per volunteer and level);
* ``Certificate`` — the certificate register (证明编号 UNIQUE per station);
* ``CertificateEvent`` — reprints (副本) and voids of a certificate;
* ``NationalExport`` — one export to the national volunteer system (全国志愿服务
  信息系统): who, when, the period, how many persons and records;
* ``NationalExportRecord`` — a service record that went out in an export
  (UNIQUE per record: the default choice of the next export leaves it out).

``VolunteerAccount`` links a volunteer to the household file that holds the
volunteer's *own* points (志愿者积分银行, app.services.volunteers.bank): a
volunteer from outside the village has no household, so the points their
approved hours earn are kept on a points file of their own, and the ledger,
the balance check and the redemption counter treat it like any household's.

The *current* state of a record (status, minutes after corrections) is cached on
the non-ledger ``ServiceRecordState`` row, and every volunteer's approved minutes
and star level are cached on ``Volunteer``; all three are updated in the
transaction that appends the ledger row, and app.services.volunteers.hours.verify
recomputes them from the ledgers.

Personal data follows app.models.households: full ID number and phone on the
station only; masked forms and the keyed hash next to them for lists and sync.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
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


class VolunteerStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class RecordStatus(enum.StrEnum):
    PENDING = "pending"  # 待审核
    APPROVED = "approved"  # 已审核
    REJECTED = "rejected"  # 已驳回 (kept, never deleted)


class RecordSource(enum.StrEnum):
    SCAN = "scan"  # kiosk sign-in / sign-out pair
    CLOSE = "close"  # signed out when the activity was closed (flagged for review)
    MANUAL = "manual"  # typed in by a worker, with a reason
    ORDER = "order"  # served a 四单 order (app.services.orders), pending approval


class CertificateKind(enum.StrEnum):
    SERVICE_RECORD = "service_record"  # 志愿服务记录证明
    STAR = "star"  # 星级志愿者证书
    PARTICIPATION = "participation"  # 活动参与证明


class VolunteerTeam(Syncable, Base):
    """志愿服务队 — a team of the station, in one of the "8+N" categories."""

    __tablename__ = "volunteer_team"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    name: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(30), default="", index=True)
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Volunteer(Syncable, Base):
    """志愿者 — one registered volunteer with cached approved minutes and star level."""

    __tablename__ = "volunteer"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        Index("ix_volunteer_star_level_approved_minutes", "star_level", "approved_minutes"),
    )

    number: Mapped[str] = mapped_column(String(24), index=True)  # 志愿者编号
    number_seq: Mapped[int] = mapped_column(Integer)  # the running part of the number
    name: Mapped[str] = mapped_column(String(50), index=True)
    initials: Mapped[str] = mapped_column(String(30), default="", index=True)
    sex: Mapped[str] = mapped_column(String(1), default="")  # "M", "F" or ""
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    id_type: Mapped[str] = mapped_column(String(12), default="")  # IdType or "" (none given)
    id_number: Mapped[str] = mapped_column(String(40), default="")  # full; station only
    id_masked: Mapped[str] = mapped_column(String(40), default="")
    id_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")  # full; station only
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="", index=True)
    group_name: Mapped[str] = mapped_column(String(50), default="", index=True)  # 村民小组
    address: Mapped[str] = mapped_column(String(200), default="")
    skills: Mapped[str] = mapped_column(Text, default="")  # 特长, "|"-separated
    service_categories: Mapped[str] = mapped_column(Text, default="")  # "|"-separated
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=VolunteerStatus.ACTIVE.value)
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    left_reason: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    approved_minutes: Mapped[int] = mapped_column(Integer, default=0)  # cache of the ledger
    star_level: Mapped[int] = mapped_column(Integer, default=0)  # cache of StarGrant
    # The card photo, relative to the photos folder ("/"-separated; app.services.photos).
    photo_path: Mapped[str | None] = mapped_column(String(260), nullable=True)


class VolunteerAccount(Syncable, Base):
    """志愿者积分账户 — the points file holding one volunteer's own points."""

    __tablename__ = "volunteer_account"
    __table_args__ = (
        UniqueConstraint("volunteer_id"),
        UniqueConstraint("household_id"),
    )

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))


class TeamMembership(Syncable, Base):
    """志愿服务队成员 — a volunteer in a team; leaving sets ``active`` false."""

    __tablename__ = "team_membership"
    __table_args__ = (UniqueConstraint("team_id", "volunteer_id"),)

    team_id: Mapped[str] = mapped_column(ForeignKey("volunteer_team.id"))
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="")  # 队长 / 队员
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class VolunteerTraining(Syncable, Base):
    """培训记录 — a training the volunteer took part in."""

    __tablename__ = "volunteer_training"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(100))
    organizer: Mapped[str] = mapped_column(String(100), default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class VolunteerAward(Syncable, Base):
    """表彰奖励 — a commendation or award."""

    __tablename__ = "volunteer_award"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    awarded_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20), default="")  # 国家/省/市/县/镇/村
    issuer: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class VolunteerEvaluation(Syncable, Base):
    """评价 — a periodic evaluation (e.g. the annual 优秀/合格)."""

    __tablename__ = "volunteer_evaluation"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # "2026", "2026-Q4"
    rating: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluator: Mapped[str] = mapped_column(String(50), default="")


class ServiceRecord(Syncable, Base):
    """志愿服务时长记录 — one record as first written (ledger)."""

    __tablename__ = "service_record"
    __append_only__ = True
    __table_args__ = (
        Index("ix_service_record_volunteer_id_service_date", "volunteer_id", "service_date"),
    )

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"))
    activity_id: Mapped[str | None] = mapped_column(
        ForeignKey("activity.id"), nullable=True, index=True
    )
    presence_id: Mapped[str | None] = mapped_column(
        ForeignKey("presence.id"), nullable=True, unique=True
    )
    source: Mapped[str] = mapped_column(String(8))  # RecordSource
    service_date: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    raw_minutes: Mapped[int] = mapped_column(Integer, default=0)  # before rounding and caps
    minutes: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(String(200), default="")  # service content
    reason: Mapped[str] = mapped_column(Text, default="")  # why a manual entry
    review_reason: Mapped[str] = mapped_column(String(60), default="")  # flags for review
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class ServiceRecordDecision(Syncable, Base):
    """审核 — the approval or rejection of a record (once per record; ledger)."""

    __tablename__ = "service_record_decision"
    __append_only__ = True

    record_id: Mapped[str] = mapped_column(ForeignKey("service_record.id"), unique=True)
    decision: Mapped[str] = mapped_column(String(10))  # approved / rejected
    minutes: Mapped[int] = mapped_column(Integer)  # the minutes approved (or rejected)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class ServiceRecordCorrection(Syncable, Base):
    """更正 — a change of a record's minutes, old and new (ledger)."""

    __tablename__ = "service_record_correction"
    __append_only__ = True

    record_id: Mapped[str] = mapped_column(ForeignKey("service_record.id"), index=True)
    old_minutes: Mapped[int] = mapped_column(Integer)
    new_minutes: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(50), default="")  # e.g. the volunteer
    corrected_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class ServiceRecordState(Syncable, Base):
    """The current state of a record (cache of the three ledgers above)."""

    __tablename__ = "service_record_state"
    __table_args__ = (
        Index(
            "ix_service_record_state_volunteer_id_status_service_date",
            "volunteer_id",
            "status",
            "service_date",
        ),
        Index("ix_service_record_state_status_service_date", "status", "service_date"),
        # the township's month view (汇总): a date range per station, the figures covered
        Index(
            "ix_service_record_state_station_id_service_date",
            "station_id",
            "service_date",
            "status",
            "volunteer_id",
            "minutes",
        ),
    )

    record_id: Mapped[str] = mapped_column(ForeignKey("service_record.id"), unique=True)
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"))
    activity_id: Mapped[str | None] = mapped_column(
        ForeignKey("activity.id"), nullable=True, index=True
    )
    service_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=RecordStatus.PENDING.value)
    minutes: Mapped[int] = mapped_column(Integer)
    review_reason: Mapped[str] = mapped_column(String(60), default="")


class StarGrant(Syncable, Base):
    """星级认定 — a star level granted, with the date and hours at that date (ledger)."""

    __tablename__ = "star_grant"
    __append_only__ = True
    __table_args__ = (UniqueConstraint("volunteer_id", "level"),)

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"))
    level: Mapped[int] = mapped_column(Integer)  # 1..5
    threshold_hours: Mapped[int] = mapped_column(Integer)  # the rule at the time
    minutes_at_grant: Mapped[int] = mapped_column(Integer)
    granted_on: Mapped[date] = mapped_column(Date, index=True)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class Certificate(Syncable, Base):
    """证明登记簿 — one issued certificate, numbered (ledger).

    The person's identity is copied in (name, masked ID, number), so the register
    reads the same years later whatever happens to the volunteer's record.
    """

    __tablename__ = "certificate"
    __append_only__ = True
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        UniqueConstraint("station_id", "year", "seq"),
        Index("ix_certificate_issued_on", "issued_on"),
    )

    number: Mapped[str] = mapped_column(String(20))  # 证明编号 ZM-2026-0001
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # CertificateKind
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    volunteer_name: Mapped[str] = mapped_column(String(50))
    volunteer_number: Mapped[str] = mapped_column(String(24))
    id_type: Mapped[str] = mapped_column(String(12), default="")
    id_masked: Mapped[str] = mapped_column(String(40), default="")
    period_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text, default="")  # service content summary
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), nullable=True)
    star_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[date] = mapped_column(Date)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")  # 经办人


class CertificateEvent(Syncable, Base):
    """A reprint (副本, copy_no 1, 2, ...) or the void (copy_no 0) of a certificate."""

    __tablename__ = "certificate_event"
    __append_only__ = True
    __table_args__ = (UniqueConstraint("certificate_id", "kind", "copy_no"),)

    certificate_id: Mapped[str] = mapped_column(ForeignKey("certificate.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # reprint / void
    copy_no: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class NationalExport(Syncable, Base):
    """导出到全国志愿服务信息系统 — one export batch (ledger; no personal data in it)."""

    __tablename__ = "national_export"
    __append_only__ = True
    __table_args__ = (Index("ix_national_export_exported_at", "exported_at"),)

    exported_at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    period_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    only_new: Mapped[bool] = mapped_column(Boolean, default=True)  # "not exported yet"
    persons: Mapped[int] = mapped_column(Integer, default=0)
    records: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")


class NationalExportRecord(Syncable, Base):
    """A service record that went out in a national export (once; ledger)."""

    __tablename__ = "national_export_record"
    __append_only__ = True

    export_id: Mapped[str] = mapped_column(ForeignKey("national_export.id"), index=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("service_record.id"), unique=True)
    minutes: Mapped[int] = mapped_column(Integer)  # the hours as exported
