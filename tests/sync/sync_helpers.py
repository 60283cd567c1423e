"""Two demo stations and a township for the sync tests, made once and copied per test.

Making a demo station takes ~2 s; every test gets fresh copies of the same
folders (``shutil.copytree`` of a closed database), so each test starts from
the same two stations (codes …001 and …002) and an empty township (…000)
that has enrolled both.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))

from two_stations import DemoStation, make_station

from app.db import Database, migrate
from app.models import StationMode
from app.paths import DataDir
from app.services.station import AdminAccount, StationInfo, setup_station
from app.sync.enrol import enrol_station, write_enrolment

TOWNSHIP_CODE = "330481101000"


def make_township(folder: Path) -> DemoStation:
    data_dir = DataDir(folder).ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    setup_station(
        db,
        data_dir.keys,
        StationInfo(
            name="城关镇新时代文明实践所",
            code=TOWNSHIP_CODE,
            mode=StationMode.TOWNSHIP,
            township="城关镇",
            county="海宁市",
        ),
        AdminAccount("admin", "李所长", "admin123"),
    )
    assert db.station_id is not None
    return DemoStation(data_dir, db, db.station_id)


@dataclass
class World:
    a: DemoStation
    b: DemoStation
    town: DemoStation
    root: Path

    def close(self) -> None:
        for s in (self.a, self.b, self.town):
            s.db.dispose()


def build_templates(root: Path) -> Path:
    a = make_station(root / "a")
    b = make_station(root / "b", second=True)
    town = make_township(root / "town")
    for s in (a, b):
        enrol = write_enrolment(s.db, s.data_dir, root / "enrol")
        enrol_station(town.db, enrol)
    for s in (a, b, town):
        s.db.dispose()
    return root


def open_copy(template: Path, target: Path) -> World:
    shutil.copytree(template, target)

    def station(name: str) -> DemoStation:
        data_dir = DataDir(target / name)
        db = Database(data_dir.database)
        assert db.station_id is not None
        return DemoStation(data_dir, db, db.station_id)

    return World(station("a"), station("b"), station("town"), target)


# --- comparing a station with the township's copy of it ---------------------------


def holdings(db: Database, station_id: str) -> dict[str, set[tuple[str, int]]]:
    """Per syncable table: the (id, row_version) of the station's rows in *db*."""
    from app.models.base import syncable_tables

    out: dict[str, set[tuple[str, int]]] = {}
    with db.read() as session:
        conn = session.connection()
        for table in syncable_tables():
            rows = conn.exec_driver_sql(
                f'SELECT id, row_version FROM "{table}" WHERE station_id = ?', (station_id,)
            )
            out[table] = {(str(i), int(v)) for i, v in rows}
    return out


def totals(db: Database, station_id: str) -> dict[str, int]:
    """The control totals of the station's ledgers in *db* (points, stock, minutes)."""
    from app.sync.envelope import CONTROL_COLUMNS

    with db.read() as session:
        conn = session.connection()
        return {
            table: int(
                conn.exec_driver_sql(
                    f'SELECT coalesce(sum("{column}"), 0) FROM "{table}" WHERE station_id = ?',
                    (station_id,),
                ).scalar()
                or 0
            )
            for table, column in CONTROL_COLUMNS.items()
        }


# --- crafting files a real station would never write -------------------------------


def rewrite(
    path: Path,
    signer: DemoStation,
    target: Path,
    *,
    payload_sql: tuple[str, ...] = (),
    manifest: dict | None = None,
    recount: bool = True,
) -> Path:
    """A copy of sync file *path* with its payload changed by *payload_sql* and its
    manifest fields replaced, re-signed properly with *signer*'s key (so only the
    check under test can refuse it)."""
    import hashlib
    import json
    import sqlite3
    import zipfile

    from app.services.keys import load_keys
    from app.sync.envelope import CONTROL_COLUMNS, payload_tables

    work = target.parent / (target.name + ".work")
    work.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path) as zf:
        body = json.loads(zf.read("manifest.json"))
        (work / "payload.sqlite").write_bytes(zf.read("payload.sqlite"))
    con = sqlite3.connect(work / "payload.sqlite", isolation_level=None)
    for sql in payload_sql:
        con.execute(sql)
    if recount:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        body["counts"] = {
            t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in names
            if t in payload_tables()
        }
        body["totals"] = {
            t: con.execute(f'SELECT coalesce(sum("{c}"), 0) FROM "{t}"').fetchone()[0]
            for t, c in CONTROL_COLUMNS.items()
            if t in names
        }
    con.close()
    data = (work / "payload.sqlite").read_bytes()
    body["payload_sha256"] = hashlib.sha256(data).hexdigest()
    body["payload_size"] = len(data)
    body.update(manifest or {})
    manifest_bytes = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    signature = load_keys(signer.data_dir.keys).signing.sign(manifest_bytes).hex()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sig", signature)
        zf.writestr("payload.sqlite", data)
    shutil.rmtree(work)
    return target


def row_counts(db: Database) -> dict[str, int]:
    """Every table's row count (to prove a refused import wrote nothing)."""
    with db.read() as session:
        conn = session.connection()
        names = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            n: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() or 0) for n in names
        }
