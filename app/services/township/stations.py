"""The 站点 list's own facts: the "no sync for N days" threshold and quarantined rows.

The threshold is a township setting kept in ``local_state`` (so a backup
carries it), default 14 days.  Quarantined rows are incoming rows the
importer held back (``sync_quarantine``); they are listed, never applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import LocalState
from app.models.sync import SyncQuarantine
from app.services.station import set_state

STALE_DAYS_KEY = "township/stale_days"
DEFAULT_STALE_DAYS = 14


def stale_days(db: Database) -> int:
    """Days without an imported file after which a station is shown red."""
    with db.read() as session:
        row = session.get(LocalState, STALE_DAYS_KEY)
        try:
            value = int(json.loads(row.value)) if row is not None else DEFAULT_STALE_DAYS
        except (TypeError, ValueError):
            return DEFAULT_STALE_DAYS
        return value if 1 <= value <= 365 else DEFAULT_STALE_DAYS


def set_stale_days(db: Database, days: int) -> int:
    if not 1 <= days <= 365:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of days must be between 1 and 365.")
        )
    with db.write() as session:
        set_state(session, STALE_DAYS_KEY, json.dumps(days))
    return days


def days_since(when: datetime | None, now: datetime) -> int | None:
    """Whole days from *when* (UTC, naive) to *now*; None when never."""
    if when is None:
        return None
    return max(0, (now - when).days)


def is_stale(when: datetime | None, now: datetime, threshold: int) -> bool:
    """Red on the 站点 list and the home page: never synced, or more than *threshold* days ago."""
    days = days_since(when, now)
    return days is None or days > threshold


@dataclass(frozen=True)
class QuarantinedRow:
    table: str
    row_id: str
    reason: str
    at: datetime
    content: str  # the incoming row as JSON


def quarantined_rows(db: Database, station_id: str, limit: int = 500) -> list[QuarantinedRow]:
    """The rows of *station_id* the importer held back, newest first."""
    with db.read() as session:
        rows = session.scalars(
            select(SyncQuarantine)
            .where(SyncQuarantine.station_id == station_id)
            .order_by(SyncQuarantine.at.desc(), SyncQuarantine.id.desc())
            .limit(limit)
        )
        return [QuarantinedRow(r.table_name, r.row_id, r.reason, r.at, r.content) for r in rows]
