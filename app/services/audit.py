"""审计日志 — write and verify the hash-chained audit log.

``record`` is called by every data-changing service inside its own
transaction, so an action and its audit entry commit or roll back together.
The hash covers the entry's identity and content and the previous hash;
``verify_chain`` walks the chain in ``seq`` order and returns the first
broken link (edited content, a removed or inserted row, a reordered chain).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.ids import new_id
from app.models import AuditEntry, utcnow
from app.models.base import STATION_ID

if TYPE_CHECKING:
    from app.services.auth import Actor

GENESIS = "0" * 64
_BATCH = 5000


def _canonical(entry: AuditEntry) -> bytes:
    content = [
        entry.id,
        entry.station_id,
        entry.seq,
        entry.at.isoformat(timespec="microseconds"),
        entry.operator_id,
        entry.operator_name,
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.summary,
        entry.prev_hash,
    ]
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


def summarize(before: Any = None, after: Any = None) -> str:
    """The before/after summary as stable JSON (keys sorted, Chinese kept readable)."""
    body: dict[str, Any] = {}
    if before is not None:
        body["before"] = before
    if after is not None:
        body["after"] = after
    return json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    target_type: str = "",
    target_id: str = "",
    *,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one audit entry in *session*'s transaction (the caller commits)."""
    session.flush()  # assign ids/stamps of the rows this entry talks about
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = AuditEntry(
        id=new_id(),
        station_id=session.info.get(STATION_ID) or "",
        seq=seq,
        at=utcnow(),
        operator_id=actor.operator_id if actor else "",
        operator_name=actor.display_name if actor else "system",
        action=action,
        target_type=target_type,
        target_id=target_id or "",
        summary=summarize(before, after),
        prev_hash=prev,
    )
    # The hash is set before the row is written: the append-only trigger
    # forbids any UPDATE, so the INSERT must already carry it.
    entry.entry_hash = entry_hash(entry)
    session.add(entry)
    return entry


@dataclass(frozen=True)
class ChainReport:
    """Result of a chain verification."""

    checked: int
    ok: bool
    broken_seq: int | None = None
    reason: str = ""


def verify_entries(entries: Iterable[AuditEntry]) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainReport(checked, False, expected_seq, "missing or reordered entry")
        if entry.prev_hash != prev:
            return ChainReport(checked, False, entry.seq, "previous-hash link does not match")
        if entry_hash(entry) != entry.entry_hash:
            return ChainReport(checked, False, entry.seq, "content does not match its hash")
        prev = entry.entry_hash
        expected_seq += 1
        checked += 1
    return ChainReport(checked, True)


def verify_chain(db: Database) -> ChainReport:
    """Check the whole chain, streaming it in batches; report the first broken link."""
    with db.read() as session:
        rows = session.scalars(
            select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=_BATCH)
        )
        return verify_entries(rows)


def count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
