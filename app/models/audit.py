"""审计日志 — the hash-chained audit log, the row seals and the signed anchors.

Every service action that changes data appends one ``AuditEntry`` in the same
transaction (app.services.audit.record).  Entries form a chain: ``entry_hash``
is the SHA-256 of the previous entry's hash and this entry's content, so an
edited, inserted or removed row breaks every later link, and
app.services.audit.verify_chain reports the first broken one.  The table is
append-only (an UPDATE or DELETE trigger aborts) and syncable, so the township
receives the chain too.

Tamper evidence for the data itself (DESIGN §3): the last entry of every
transaction carries ``rows_digest``, the SHA-256 over the :class:`RowSeal`
rows of that transaction — one per data row the transaction wrote, holding the
row's content hash.  A row edited, inserted or deleted behind the program's
back then no longer matches its latest seal (or has none), and a seal edited
to match breaks the digest, which the chain covers.  :class:`AuditAnchor`
rows hold the chain's head signed with the station's key (at every backup and
sign-in), so a truncated or re-hashed chain is caught against the last anchor.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Syncable


class AuditEntry(Syncable, Base):
    """审计记录 — who did what, when, to which record."""

    __tablename__ = "audit_entry"
    __append_only__ = True
    # one chain per station: a hub's database holds every station's
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer)  # position in its station's chain
    at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[str] = mapped_column(String(36), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON {"before":..,"after":..}
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    # SHA-256 over this transaction's row seals ("" when it wrote no data rows;
    # entries written before schema 0005 have none and hash as before)
    rows_digest: Mapped[str] = mapped_column(String(64), default="", server_default="")


class RowSeal(Base):
    """行封印 — the content hash of one data row as one transaction left it."""

    __tablename__ = "audit_row"
    __append_only__ = True
    __table_args__ = (Index("ix_audit_row_table_name_row_key_id", "table_name", "row_key", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(36), index=True)  # the AuditEntry accounting
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """链头签名 — the audit chain's head at a moment, signed with the station's key."""

    __tablename__ = "audit_anchor"
    __append_only__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # the station whose chain this signs (schema 0006; older anchors: the PC's own)
    station_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(40))
    signature: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
