"""演示乡镇 — two demo stations and their township, synced once, on one machine.

``create_township_demo(root)`` makes three sibling data folders under *root*:

* ``station-a`` — 东风村新时代文明实践站 (code 330481101001), the usual demo station;
* ``station-b`` — 红星村新时代文明实践站 (code 330481101002), another seed;
* ``township`` — 城关镇新时代文明实践所 (code 330481101000), set up as a township;

then does what the people would do with a USB stick (the folder ``usb``): each
station takes the township's enrolment file (when this build has config
packages), writes its own enrolment file and a sync file, the township enrols
both (with the fingerprint "read out on the phone") and imports the files — so
the township opens with both stations' figures.  Every folder signs in as
``admin`` / ``demo1234``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.db import Database, migrate
from app.demo.station import (
    DEMO_MARK,
    DEMO_PASSWORD,
    DEMO_STATION,
    DemoSize,
    create_demo_station,
    is_demo,
)
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import StationMode
from app.paths import DataDir
from app.services.station import AdminAccount, StationInfo, is_set_up, set_state, setup_station
from app.sync import enrol
from app.sync.enrol import enrol_station, read_enrolment, write_enrolment
from app.sync.export import ExportSummary, export_sync
from app.sync.importer import Verdict, import_files

STATION_A = DEMO_STATION
STATION_B = StationInfo(
    name="红星村新时代文明实践站",
    code="330481101002",
    village="红星村",
    township="城关镇",
    county="海宁市",
    leader_name="陈志强",
    contact_phone="0573-87005678",
)
TOWNSHIP = StationInfo(
    name="城关镇新时代文明实践所",
    code="330481101000",
    mode=StationMode.TOWNSHIP,
    township="城关镇",
    county="海宁市",
    leader_name="李所长",
    contact_phone="0573-87000001",
)
FOLDERS = ("station-a", "station-b", "township")
USB = "usb"


@dataclass
class TownshipDemo:
    """What :func:`create_township_demo` made (folders, files, verdicts)."""

    root: Path
    stations: list[DataDir] = field(default_factory=list)
    township: DataDir | None = None
    exports: list[ExportSummary] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)


def township_folders(root: Path) -> list[DataDir]:
    return [DataDir(root / name) for name in FOLDERS]


def check_free(root: Path) -> None:
    """Refuse a *root* whose folders hold a station that is not a demo one."""
    for data_dir in township_folders(root):
        if not data_dir.database.exists():
            continue
        db = Database(data_dir.database)
        try:
            if is_set_up(db) and not is_demo(db):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "{folder} holds a real station, not the demo; nothing was done."
                    ),
                    folder=str(data_dir.root),
                )
        finally:
            db.dispose()


def _make_township(data_dir: DataDir) -> Database:
    data_dir.ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    if is_set_up(db):
        db.dispose()
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{folder} already holds a station; choose an empty folder."
            ),
            folder=str(data_dir.root),
        )
    setup_station(db, data_dir.keys, TOWNSHIP, AdminAccount("admin", "李所长", DEMO_PASSWORD))
    with db.write() as session:
        set_state(session, DEMO_MARK, "1")
    return db


def create_township_demo(
    root: Path,
    size: DemoSize | str = "small",
    *,
    seed: int = 20261122,
    progress: Callable[[str], None] | None = None,
) -> TownshipDemo:
    """Two demo stations and a township under *root*, both stations synced once."""
    a_dir, b_dir, town_dir = township_folders(root)
    usb = root / USB
    result = TownshipDemo(root, [a_dir, b_dir], town_dir)
    town = _make_township(town_dir)
    # the township's own enrolment file, which each station takes (when this build has
    # config packages) so that the township's packages are accepted there
    enrol_township = getattr(enrol, "enrol_township", None)
    township_file = write_enrolment(town, town_dir, usb) if enrol_township else None
    try:
        for data_dir, info, station_seed in (
            (a_dir, STATION_A, seed),
            (b_dir, STATION_B, seed + 1),
        ):
            if progress:
                progress(info.name)
            db = create_demo_station(data_dir, size, seed=station_seed, station=info)
            try:
                if enrol_township is not None and township_file is not None:
                    enrol_township(
                        db,
                        data_dir,
                        township_file,
                        fingerprint=read_enrolment(township_file).fingerprint,
                    )
                enrolment = write_enrolment(db, data_dir, usb)
                # the fingerprint the station reads out on the phone, typed at the township
                enrol_station(town, enrolment, fingerprint=read_enrolment(enrolment).fingerprint)
                result.exports.append(export_sync(db, data_dir, usb))
            finally:
                db.dispose()
        if progress:
            progress(TOWNSHIP.name)
        result.verdicts = import_files(town, [s.path for s in result.exports])
    finally:
        town.dispose()
    return result
