"""The township's 首页: the last sync files imported (the rest comes from the 站点 and
汇总 services, not written twice).

Plain results, no Qt.  Each import is named by its station explicitly (the
import log holds many stations' files; the ORM's station scope is not used).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import Database
from app.models.sync import SyncImportLog, SyncStation


@dataclass(frozen=True)
class ImportRecord:
    """One sync file the township applied (the import log keeps only applied files)."""

    file: str
    station_code: str
    station_name: str
    rows: int
    seq_from: int
    seq_to: int
    imported_at: datetime
    verdict: str  # the sentence written at import, in the language of that moment


def recent_imports(db: Database, limit: int = 8) -> list[ImportRecord]:
    """The *limit* sync files imported last, newest first."""
    with db.read() as session:
        rows = session.execute(
            select(SyncImportLog, SyncStation.code, SyncStation.name)
            .join(SyncStation, SyncStation.station_id == SyncImportLog.station_id, isouter=True)
            .order_by(SyncImportLog.imported_at.desc(), SyncImportLog.id.desc())
            .limit(limit)
        ).all()
        return [
            ImportRecord(
                log.file_name,
                code or "",
                name or "",
                log.rows,
                log.seq_from,
                log.seq_to,
                log.imported_at,
                log.verdict,
            )
            for log, code, name in rows
        ]
