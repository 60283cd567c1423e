"""站点信息与首次设置 — the station's facts and its one-time set-up.

``setup_station`` is the first-run wizard's single action: in one transaction
it writes the station row, the first administrator and the first audit
entries; the keys are written to the data folder just before (a failed
transaction leaves only unused key files, which a retry refuses to overwrite,
so the wizard cleans them up).

The station code is the 12-digit 统计用区划代码 (national statistical division
code): 2 digits province, 2 city, 2 county, 3 township, 3 village.  A
station's code names a village (last three digits not 000); a township's code
ends in 000.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.models import LocalState, Role, Station, StationMode
from app.models.base import OWN_STATION, STATION_ID
from app.services import audit, keys
from app.services.auth import SYSTEM, Actor, Permission, add_operator, require

PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
)

INCARNATION = "incarnation_id"
LAST_BACKUP = "last_backup_at"
LAST_SYNC = "last_sync_at"


def validate_code(code: str, mode: StationMode) -> str:
    """Check a 统计用区划代码 for *mode*; returns it stripped."""
    code = code.strip()
    if len(code) != 12 or not code.isascii() or not code.isdigit():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The division code must be exactly 12 digits.")
        )
    if int(code[:2]) not in PROVINCE_CODES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The division code does not start with a valid province code."
            )
        )
    if code[2:4] == "00" or code[4:6] == "00" or code[6:9] == "000":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The division code must name a city, county and township (no 00/000)."
            )
        )
    if mode == StationMode.STATION and code[9:] == "000":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A village station's code ends in its village number, not 000."
            )
        )
    if mode == StationMode.TOWNSHIP and code[9:] != "000":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A township's code ends in 000."))
    return code


@dataclass(frozen=True)
class StationInfo:
    """The station's facts as entered in the wizard or settings."""

    name: str
    code: str
    mode: StationMode = StationMode.STATION
    village: str = ""
    township: str = ""
    county: str = ""
    leader_name: str = ""
    contact_phone: str = ""
    id: str = ""
    signing_key_fingerprint: str = ""

    def validated(self) -> StationInfo:
        name = self.name.strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the station's name."))
        if self.mode == StationMode.STATION and not self.village.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the village's name."))
        if not self.township.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the township's name."))
        if not self.county.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the county's name."))
        phone = self.contact_phone.strip()
        if phone and not (phone.replace("-", "").isdigit() and 7 <= len(phone) <= 20):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The contact phone is not a phone number.")
            )
        return replace(
            self,
            name=name,
            code=validate_code(self.code, self.mode),
            village=self.village.strip(),
            township=self.township.strip(),
            county=self.county.strip(),
            leader_name=self.leader_name.strip(),
            contact_phone=phone,
        )


@dataclass(frozen=True)
class AdminAccount:
    username: str
    display_name: str
    password: str


def _info(station: Station) -> StationInfo:
    return StationInfo(
        name=station.name,
        code=station.code,
        mode=StationMode(station.mode),
        village=station.village,
        township=station.township,
        county=station.county,
        leader_name=station.leader_name,
        contact_phone=station.contact_phone,
        id=station.id,
        signing_key_fingerprint=station.signing_key_fingerprint,
    )


def is_set_up(db: Database) -> bool:
    return db.station_id is not None


@dataclass(frozen=True)
class StartData:
    """What the session reads once before the first window: set up?, and in which mode."""

    set_up: bool
    mode: str  # a StationMode value; "station" before the wizard has run


def station_mode(db: Database) -> str:
    """This database's own station's mode (``station`` or ``township``)."""
    with db.read() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        return station.mode if station is not None else StationMode.STATION.value


def start_data(db: Database) -> StartData:
    return StartData(is_set_up(db), station_mode(db))


def setup_station(db: Database, keys_folder: Path, info: StationInfo, admin: AdminAccount) -> Actor:
    """Create the station, its keys and its first administrator; returns that admin."""
    info = info.validated()
    if is_set_up(db):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "This station is already set up."))
    # Validate the account before any file is written.
    from app.services.auth import validate_password, validate_username

    validate_username(admin.username)
    validate_password(admin.password)
    station_keys = keys.create_keys(keys_folder)
    try:
        with db.write() as session:
            station_id = new_id()
            session.info[STATION_ID] = station_id
            station = Station(
                id=station_id,
                station_id=station_id,
                code=info.code,
                name=info.name,
                mode=info.mode.value,
                village=info.village,
                township=info.township,
                county=info.county,
                leader_name=info.leader_name,
                contact_phone=info.contact_phone,
                signing_key_fingerprint=station_keys.fingerprint,
                signing_public_key=station_keys.public_hex,
            )
            session.add(station)
            session.flush()
            set_state(session, INCARNATION, new_id())
            set_state(session, OWN_STATION, station_id)  # this PC's station, by name
            audit.record(
                session, SYSTEM, "station.setup", "station", station_id, after=_public(info)
            )
            admin_id = add_operator(
                session, SYSTEM, admin.username, admin.display_name, Role.ADMIN, admin.password
            )
            if info.mode == StationMode.STATION:
                _seed_defaults(session)
    except Exception:
        shutil.rmtree(keys_folder, ignore_errors=True)
        keys_folder.mkdir(parents=True, exist_ok=True)
        raise
    db.forget_station()
    return Actor(admin_id, admin.username.strip(), admin.display_name.strip(), Role.ADMIN)


def _seed_defaults(session: Session) -> None:
    """A new village station starts with DOMAIN.md's rule catalogue and "8+N" teams."""
    from app.services.points import seed_default_rules
    from app.services.volunteers import add_default_teams

    seed_default_rules(session)
    add_default_teams(session, SYSTEM)


def _public(info: StationInfo) -> dict[str, str]:
    return {
        "name": info.name,
        "code": info.code,
        "mode": info.mode.value,
        "village": info.village,
        "township": info.township,
        "county": info.county,
        "leader_name": info.leader_name,
        "contact_phone": info.contact_phone,
    }


def get_station(db: Database) -> StationInfo:
    with db.read() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        return _info(station)


def update_station(db: Database, actor: Actor, info: StationInfo) -> StationInfo:
    """Change the station's facts (not its mode or identity)."""
    require(actor, Permission.MANAGE_STATION)
    with db.write() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        info = replace(info, mode=StationMode(station.mode)).validated()
        before = _public(_info(station))
        for field in ("name", "code", "village", "township", "county"):
            setattr(station, field, getattr(info, field))
        station.leader_name = info.leader_name
        station.contact_phone = info.contact_phone
        audit.record(
            session,
            actor,
            "station.update",
            "station",
            station.id,
            before=before,
            after=_public(info),
        )
        return _info(station)


# --- station-local state ------------------------------------------------------


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(LocalState, key)
    if row is None:
        session.add(LocalState(key=key, value=value))
    else:
        row.value = value


def get_state(db: Database, key: str) -> str | None:
    with db.read() as session:
        row = session.get(LocalState, key)
        return row.value if row else None


@dataclass(frozen=True)
class Overview:
    """What the home page and the status bar show."""

    station: StationInfo
    operators: int
    audit_entries: int
    last_backup: datetime | None
    last_sync: datetime | None


def _stored_time(session: Session, key: str) -> datetime | None:
    row = session.get(LocalState, key)
    try:
        return datetime.fromisoformat(row.value) if row and row.value else None
    except ValueError:
        return None


def overview(db: Database) -> Overview:
    """The station's facts, its active operators, its audit entries and the last backup
    and sync, in one read."""
    from sqlalchemy import func, select

    from app.models import AuditEntry, Operator

    with db.read() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        operators = session.scalar(
            select(func.count()).select_from(Operator).where(Operator.active.is_(True))
        )
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
        return Overview(
            _info(station),
            operators or 0,
            entries or 0,
            _stored_time(session, LAST_BACKUP),
            _stored_time(session, LAST_SYNC),
        )


def new_incarnation(db: Database) -> str:
    """A restore or reinstall starts a new incarnation (DESIGN §5)."""
    value = new_id()
    with db.write() as session:
        set_state(session, INCARNATION, value)
        audit.record(
            session,
            SYSTEM,
            "station.new_incarnation",
            "station",
            db.station_id or "",
            after={"incarnation_id": value},
        )
    return value
