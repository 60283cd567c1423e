"""审计日志 — the hash-chained audit log.

Every service action that changes data appends one ``AuditEntry`` in the same
transaction (app.services.audit.record).  Entries form a chain: ``entry_hash``
is the SHA-256 of the previous entry's hash and this entry's content, so an
edited, inserted or removed row breaks every later link, and
app.services.audit.verify_chain reports the first broken one.  The table is
append-only (an UPDATE or DELETE trigger aborts) and syncable, so the township
receives the chain too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Syncable


class AuditEntry(Syncable, Base):
    """审计记录 — who did what, when, to which record."""

    __tablename__ = "audit_entry"
    __append_only__ = True

    seq: Mapped[int] = mapped_column(Integer, unique=True)  # position in the chain
    at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON {"before":..,"after":..}
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
