"""报送 — a station's submitted report, frozen, and the township's review of it.

``ReportSnapshot`` is the numbers of a report as they were when the station
submitted it (JSON), numbered per station and period (``version`` 1, 2, …: a
report submitted again for the same period is a new row, the old one stays).
It is syncable and append-only, so it travels upward in the next sync file and
is never edited.

``ReportReview`` is the township's decision on a snapshot (已审核, or 退回 with a
reason), written at the township (its ``station_id`` is the township's own);
append-only, the latest row per snapshot is its state.  It stays township-side:
the config package does not carry it down (yet).
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Syncable, utcnow


class ReviewState(enum.StrEnum):
    SUBMITTED = "submitted"  # 已报送 (no review row yet)
    APPROVED = "approved"  # 已审核
    RETURNED = "returned"  # 退回


class ReportSnapshot(Syncable, Base):
    """报送记录 — one submitted version of a station's report for a period."""

    __tablename__ = "report_snapshot"
    __table_args__ = (UniqueConstraint("station_id", "period_key", "version"),)
    __append_only__ = True

    number: Mapped[str] = mapped_column(String(40))  # BS-<code>-<period>-<version>
    period_kind: Mapped[str] = mapped_column(String(10))  # month / quarter / year
    period_key: Mapped[str] = mapped_column(String(10))  # 2026-05 / 2026-Q2 / 2026
    version: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)  # exclusive
    payload: Mapped[str] = mapped_column(Text)  # the report's numbers, JSON
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    submitted_by: Mapped[str] = mapped_column(String(50), default="")


class ReportReview(Syncable, Base):
    """审核记录 — the township's decision on a submitted report."""

    __tablename__ = "report_review"
    __append_only__ = True

    snapshot_id: Mapped[str] = mapped_column(String(36), index=True)
    state: Mapped[str] = mapped_column(String(10))  # ReviewState (approved / returned)
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviewed_by: Mapped[str] = mapped_column(String(50), default="")
