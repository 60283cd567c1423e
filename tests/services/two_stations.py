"""Two small demo stations, and one's rows replicated into the other's database.

The demo generator writes the same catalogue for every station: the same rule
codes, the same goods barcodes, the same current period key, and an audit
chain of its own from seq 1 — exactly what a township's hub receives from
its villages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import insert, select

from app.db import Database
from app.demo.station import DemoSize, create_demo_station
from app.models import AuditAnchor, Base, RowSeal, load_all
from app.models.base import Syncable
from app.paths import DataDir
from app.services import audit
from app.services.auth import SYSTEM
from app.services.station import get_station, update_station

TINY = DemoSize(
    households=8, volunteers=4, activities=2, ledger_entries=60, redemptions=5, scan_events=20
)
SECOND_CODE = "330481101002"


@dataclass
class DemoStation:
    data_dir: DataDir
    db: Database
    station_id: str


def make_station(folder: Path, *, second: bool = False) -> DemoStation:
    data_dir = DataDir(folder)
    db = create_demo_station(data_dir, TINY, seed=7)
    if second:  # a station code is the one thing two stations never share
        update_station(db, SYSTEM, replace(get_station(db), code=SECOND_CODE))
    assert audit.anchor_with_keys(db, data_dir.keys, "test") is not None
    assert db.station_id is not None
    return DemoStation(data_dir, db, db.station_id)


def syncable_classes() -> list[type]:
    """The syncable models in foreign-key order (parents first)."""
    load_all()
    by_table = {
        mapper.local_table.name: mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Syncable)
    }
    return [by_table[t.name] for t in Base.metadata.sorted_tables if t.name in by_table]


def replicate(source: Database, target: Database) -> int:
    """Every syncable row, seal and anchor of *source* into *target*, as it is there.

    The rows go through :meth:`Database.replicating` (the ORM path an importer
    takes); the seals and anchors, station-local ledgers without ORM
    identity of their own, are copied with plain inserts in the same
    transaction.  Returns the number of rows copied.
    """
    copied = 0
    with source.read() as src, target.replicating() as dst:
        for cls in syncable_classes():
            columns = [c.key for c in cls.__mapper__.column_attrs]  # type: ignore[attr-defined]
            rows = src.scalars(select(cls).order_by(cls.change_seq, cls.id))  # type: ignore[attr-defined]
            for row in rows:
                dst.add(cls(**{name: getattr(row, name) for name in columns}))
                copied += 1
            dst.flush()
        seals = [
            {
                "entry_id": s.entry_id,
                "table_name": s.table_name,
                "row_key": s.row_key,
                "row_hash": s.row_hash,
            }
            for s in src.scalars(select(RowSeal).order_by(RowSeal.id))  # operators' too: the
            # entries' digests cover them
        ]
        if seals:
            dst.execute(insert(RowSeal), seals)
        anchors = [
            {
                "station_id": a.station_id or source.station_id,
                "seq": a.seq,
                "entry_hash": a.entry_hash,
                "at": a.at,
                "reason": a.reason,
                "signature": a.signature,
            }
            for a in src.scalars(select(AuditAnchor).order_by(AuditAnchor.id))
        ]
        if anchors:
            dst.execute(insert(AuditAnchor), anchors)
    return copied
