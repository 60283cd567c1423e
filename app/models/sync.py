"""同步台账 — the township's bookkeeping of the sync files it received (issue 14).

These tables never leave the PC that holds them (they are not syncable): a
township records here which stations it enrolled, which files it imported
(``sync_import_log.file_sha256`` is UNIQUE, so a file is applied once), the
rows it refused to apply (``sync_quarantine``), which ``change_seq`` ranges of
each station incarnation its files covered (``sync_coverage``, for the gap
report and the acknowledgement), the acknowledged sequence per station
(``sync_ack``) and the keyed hashes of personal data that arrive instead of
full ID numbers and phones (``sync_person_hash``).  DESIGN §5.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SyncStation(Base):
    """入网站点 — a station enrolled at this township, with its public key."""

    __tablename__ = "sync_station"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519, hex
    fingerprint: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    # how far the station's audit chain has been verified here
    chain_seq: Mapped[int] = mapped_column(Integer, default=0)
    chain_hash: Mapped[str] = mapped_column(String(64), default="")
    chain_problem: Mapped[str] = mapped_column(Text, default="")
    # 撤销入网: when the township revoked this enrolment (the hub then refuses the
    # station's uploads and config fetches) and why; None while enrolled
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, default=None)
    revoked_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the township (乡镇 name) the station belongs to, from its enrolment file; "" for
    # an enrolment before 0010 (read as the hub's own township)
    township: Mapped[str] = mapped_column(String(100), default="", server_default="")


class SyncImportLog(Base):
    """导入记录 — one sync file applied (at most once: its SHA-256 is unique)."""

    __tablename__ = "sync_import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    incarnation: Mapped[str] = mapped_column(String(36))
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    verdict: Mapped[str] = mapped_column(Text, default="")


class SyncQuarantine(Base):
    """隔离行 — an incoming row that was not applied (shown, never merged)."""

    __tablename__ = "sync_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # the incoming row, JSON
    reason: Mapped[str] = mapped_column(String(60))
    file_sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


class SyncCoverage(Base):
    """已收序号 — a ``change_seq`` range of one station incarnation that a file covered."""

    __tablename__ = "sync_coverage"
    __table_args__ = (
        Index("ix_sync_coverage_station_id_incarnation", "station_id", "incarnation"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(String(36))
    incarnation: Mapped[str] = mapped_column(String(36))
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64), default="")  # "": inherited


class SyncAck(Base):
    """确认序号 — per station: the highest contiguous sequence received (its incarnation)."""

    __tablename__ = "sync_ack"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incarnation: Mapped[str] = mapped_column(String(36))
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SyncPersonHash(Base):
    """个人信息散列 — the keyed hash a station sends instead of a full ID number or phone."""

    __tablename__ = "sync_person_hash"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    hash: Mapped[str] = mapped_column(String(64), index=True)


class HubNonce(Base):
    """已用随机数 — a signed request's nonce seen by the hub (a replay is refused).

    Shared by the hub's workers through the database; rows older than the
    clock window (:data:`app.sync.request_auth.MAX_SKEW_S`) are purged.
    """

    __tablename__ = "hub_nonce"

    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12))
    seen_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class HubUser(Base):
    """网页用户 — who may sign in to the hub's web view (county or township staff).

    Not a station operator: a hub user only reads.  ``role`` is ``county`` (every
    township of this hub) or ``township`` (only the townships in ``townships``, a
    JSON list of township names or codes).  Five wrong passwords in a row lock the
    user until ``locked_until``; ``signed_out_at`` ends every session issued before it.
    """

    __tablename__ = "hub_user"

    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    townships: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, default=None)
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, default=None)
