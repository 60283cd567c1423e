"""入网文件 — the small signed file a station hands its township to be enrolled.

The station writes (``main.py enrol-file``) a JSON file with its id, code,
names, Ed25519 public key and short fingerprint, signed with that key (so
the file proves the key's owner made it).  The township reads it with
:func:`enrol_station`: the signature must verify with the key inside, the
fingerprint must be that key's, and, when the operator typed the fingerprint
read out on the phone, it must match — a forwarded or edited file is refused.
An enrolled station's files are then verified with this key alone.

The file also carries the station's X25519 encryption key and its
fingerprint (signed with the rest): the township stores it at enrolment
(``local_state`` ``sync/enc_key/<station id>``) and seals the secrets of its
config package for it.  The township writes an enrolment file of its own the
same way; a station enrols its township from it with :func:`enrol_township`
(fingerprint confirmed on the phone as well), after which it accepts config
packages signed by that key only.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.models import LocalState, Station, StationMode, utcnow
from app.models.sync import SyncStation
from app.paths import DataDir
from app.services import keys
from app.services.station import get_state, set_state
from app.sync.errors import EnrolmentRefused

KIND = "wb-enrolment"
SUFFIX = ".wbenrol"
MAX_BYTES = 64 * 1024
ENC_KEY_PREFIX = "sync/enc_key/"  # + station id: the station's X25519 key, at the township
TOWNSHIP_KEY = "config/township"  # at a station: its township's enrolment (JSON)
ROLE_STATION = "station"
ROLE_TOWNSHIP = "township"  # the file of a township (乡镇实践所), which stations enrol
_FIELDS = ("station_id", "code", "name", "village", "township", "county", "public_key")


def _body_bytes(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_enrolment(db: Database, data_dir: DataDir, folder: Path) -> Path:
    """Write ``<code>.wbenrol`` into *folder* (station code, names, public key, fingerprint)."""
    with db.read() as session:
        station = session.get(Station, db.station_id) if db.station_id else None
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
        station_keys = keys.load_keys(data_dir.keys)
        body = {
            "kind": KIND,
            "format": 1,
            "station_id": station.id,
            "code": station.code,
            "name": station.name,
            "village": station.village,
            "township": station.township,
            "county": station.county,
            "role": ROLE_TOWNSHIP if station.mode == StationMode.TOWNSHIP.value else ROLE_STATION,
            "public_key": station_keys.public_hex,
            "fingerprint": station_keys.fingerprint,
            "encrypt_key": keys.encryption_public_hex(data_dir.keys),
            "created_at": utcnow().isoformat(timespec="seconds"),
        }
        body["encrypt_fingerprint"] = keys.encryption_fingerprint(str(body["encrypt_key"]))
    signed = dict(body, signature=station_keys.signing.sign(_body_bytes(body)).hex())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{body['code']}{SUFFIX}"
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(signed, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class Enrolment:
    station_id: str
    code: str
    name: str
    fingerprint: str
    public_key: str
    encrypt_key: str = ""  # raw X25519, hex ("" in a file written before it existed)
    encrypt_fingerprint: str = ""
    township: str = ""
    role: str = ""  # ROLE_STATION, ROLE_TOWNSHIP, or "" in a file written before it existed


def _refused(file: str, *, township: bool = False) -> EnrolmentRefused:
    if township:
        return EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is not a valid enrolment file of a township (damaged, cut off, edited "
                "or not signed by the township's key). Nothing was changed; ask the township "
                "for a new one.",
            ),
            file=file,
        )
    return EnrolmentRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is not a valid enrolment file of a station (damaged, edited or not signed "
            "by the station's key). Ask the station for a new one.",
        ),
        file=file,
    )


def read_enrolment(path: Path, *, township: bool = False) -> Enrolment:
    """Check an enrolment file's signature and fingerprint (nothing is stored).

    *township*: the file is expected from a township (only the refusal's words differ).
    At most :data:`MAX_BYTES` + 1 bytes are read, whatever the file's size."""
    name = path.name
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _refused(name, township=township)
        body = json.loads(raw.decode("utf-8"))
        if not isinstance(body, dict) or body.get("kind") != KIND:
            raise _refused(name, township=township)
        if not all(isinstance(body.get(f), str) for f in (*_FIELDS, "fingerprint", "signature")):
            raise _refused(name, township=township)
        signature = bytes.fromhex(body.pop("signature"))
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(body["public_key"]))
        public.verify(signature, _body_bytes(body))
    except EnrolmentRefused:
        raise
    except (OSError, ValueError, UnicodeDecodeError, InvalidSignature) as exc:
        raise _refused(name, township=township) from exc
    if keys.fingerprint(public) != body["fingerprint"] or not re.fullmatch(r"\d{12}", body["code"]):
        raise _refused(name, township=township)
    role = body.get("role", "")
    if role not in ("", ROLE_STATION, ROLE_TOWNSHIP):
        raise _refused(name, township=township)
    encrypt_key = body.get("encrypt_key", "")
    encrypt_fp = body.get("encrypt_fingerprint", "")
    if (encrypt_key or encrypt_fp) and not (
        isinstance(encrypt_key, str)
        and re.fullmatch(r"[0-9a-f]{64}", encrypt_key)
        and encrypt_fp == keys.encryption_fingerprint(encrypt_key)
    ):
        raise _refused(name, township=township)
    return Enrolment(
        body["station_id"],
        body["code"],
        body["name"],
        body["fingerprint"],
        body["public_key"],
        encrypt_key,
        encrypt_fp,
        body["township"],
        role,
    )


def _norm(fingerprint: str) -> str:
    return re.sub(r"[^0-9A-F]", "", fingerprint.upper())


def enrol_station(db: Database, path: Path, *, fingerprint: str | None = None) -> Enrolment:
    """入网 — enrol the station of an enrolment file at this township.

    *fingerprint*, when given, is what the station read out on the phone; it
    must match.  Enrolling the same station with the same key again is a no-op.
    """
    enrolment = read_enrolment(path)
    if fingerprint is not None and _norm(fingerprint) != _norm(enrolment.fingerprint):
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "The fingerprint you typed does not match the one in {file} ({fingerprint}). "
                "The file may not come from that station; it was not enrolled.",
            ),
            file=path.name,
            fingerprint=enrolment.fingerprint,
        )
    with db.write() as session:
        own = session.get(Station, db.station_id) if db.station_id else None
        if own is None or own.mode != StationMode.TOWNSHIP.value:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "Stations are enrolled at the township (乡镇实践所), not here."
                )
            )
        if enrolment.station_id == own.id:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "{file} is this township's own enrolment file, not a station's."
                ),
                file=path.name,
            )
        if enrolment.role == ROLE_TOWNSHIP:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} is the enrolment file of a township ({name}), not of a station. "
                    "Nothing was changed.",
                ),
                file=path.name,
                name=enrolment.name,
            )
        same_code = session.scalar(select(SyncStation).where(SyncStation.code == enrolment.code))
        existing = session.get(SyncStation, enrolment.station_id)
        if (same_code is not None and same_code.station_id != enrolment.station_id) or (
            existing is not None and existing.public_key != enrolment.public_key
        ):
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Station {code} is already enrolled with another key. An enrolment is never "
                    "replaced silently; nothing was changed.",
                ),
                code=enrolment.code,
            )
        if enrolment.encrypt_key:
            set_state(session, ENC_KEY_PREFIX + enrolment.station_id, enrolment.encrypt_key)
        if existing is None:
            session.add(
                SyncStation(
                    station_id=enrolment.station_id,
                    code=enrolment.code,
                    name=enrolment.name,
                    public_key=enrolment.public_key,
                    fingerprint=enrolment.fingerprint,
                    enrolled_at=utcnow(),
                    chain_seq=0,
                    chain_hash="",
                    chain_problem="",
                    township=enrolment.township,
                )
            )
    return enrolment


@dataclass(frozen=True)
class EnrolledTownship:
    station_id: str
    code: str
    name: str
    public_key: str
    fingerprint: str


def enrolled_township(db: Database) -> EnrolledTownship | None:
    """The township this station takes config packages from (None: none enrolled)."""
    raw = get_state(db, TOWNSHIP_KEY)
    if not raw:
        return None
    try:
        d = json.loads(raw)
        return EnrolledTownship(
            d["station_id"], d["code"], d["name"], d["public_key"], d["fingerprint"]
        )
    except (ValueError, KeyError, TypeError):
        return None


def _township_refusal(session: Session, db: Database, path: Path, enrolment: Enrolment) -> None:
    """Raise the refusal that says why *enrolment* cannot be this station's township."""
    own = session.get(Station, db.station_id) if db.station_id else None
    if own is None or own.mode == StationMode.TOWNSHIP.value:
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors", "A township is enrolled at its village stations, not at a township."
            )
        )
    if enrolment.station_id == own.id:
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is this station's own enrolment file, not the township's. "
                "Nothing was changed.",
            ),
            file=path.name,
        )
    if enrolment.role == ROLE_STATION:
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is the enrolment file of the station {name} ({code}), not of a "
                "township. Ask the township for its own enrolment file; nothing was changed.",
            ),
            file=path.name,
            name=enrolment.name,
            code=enrolment.code,
        )
    if enrolment.role != ROLE_TOWNSHIP:
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} does not say that a township wrote it (it is from an older version "
                "of the program). Ask the township to write its enrolment file again; "
                "nothing was changed.",
            ),
            file=path.name,
        )
    row = session.get(LocalState, TOWNSHIP_KEY)
    if row is not None and row.value:
        try:
            stored = json.loads(row.value)
        except ValueError:
            stored = {}
        if not isinstance(stored, dict) or stored.get("public_key") != enrolment.public_key:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This station is already enrolled with a township of another key. "
                    "An enrolment is never replaced silently; nothing was changed.",
                )
            )


def read_township_enrolment(db: Database, path: Path) -> Enrolment:
    """At a station: check that *path* is a township's enrolment file this station can
    take (the checks of :func:`enrol_township`, nothing stored) — what the 同步 page
    shows before the fingerprint is compared."""
    enrolment = read_enrolment(path, township=True)
    with db.read() as session:
        _township_refusal(session, db, path, enrolment)
    return enrolment


def enrol_township(
    db: Database, data_dir: DataDir, path: Path, *, fingerprint: str | None = None
) -> Enrolment:
    """At a station: take the township of *path* (its own enrolment file) as the one
    whose config packages are accepted.  *fingerprint* is what the township read out
    on the phone.  Enrolling the same township again is a no-op; another key, a
    station's file or a damaged one is refused (never replaced silently)."""
    enrolment = read_enrolment(path, township=True)
    if fingerprint is not None and _norm(fingerprint) != _norm(enrolment.fingerprint):
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "The fingerprint you typed does not match the one in {file} ({fingerprint}). "
                "The file may not come from the township; nothing was changed.",
            ),
            file=path.name,
            fingerprint=enrolment.fingerprint,
        )
    with db.read() as session:  # refuse before anything is made
        _township_refusal(session, db, path, enrolment)
    keys.encryption_key(data_dir.keys)  # made now for a station set up before it existed
    with db.write() as session:
        _township_refusal(session, db, path, enrolment)
        row = session.get(LocalState, TOWNSHIP_KEY)
        if row is not None and row.value:
            return enrolment  # the same township again
        set_state(
            session,
            TOWNSHIP_KEY,
            json.dumps(
                {
                    "station_id": enrolment.station_id,
                    "code": enrolment.code,
                    "name": enrolment.name,
                    "public_key": enrolment.public_key,
                    "fingerprint": enrolment.fingerprint,
                },
                ensure_ascii=False,
            ),
        )
    return enrolment


def revoke_station(db: Database, code: str, reason: str) -> SyncStation:
    """撤销入网 — revoke the enrolment of station *code* at this township.

    The hub then refuses the station's uploads and config fetches (403).  The
    station's rows already imported stay; enrolling it again needs a new key
    (an enrolment is never replaced silently).  Revoking twice keeps the first
    time and reason.  Audited as the program (``system``).
    """
    from app.services import audit
    from app.services.auth import SYSTEM

    reason = " ".join(reason.split())[:500]
    if not reason:
        raise EnrolmentRefused(
            QT_TRANSLATE_NOOP("errors", "Say why the station's enrolment is revoked.")
        )
    with db.write() as session:
        own = session.get(Station, db.station_id) if db.station_id else None
        if own is None or own.mode != StationMode.TOWNSHIP.value:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "Stations are enrolled at the township (乡镇实践所), not here."
                )
            )
        row = session.scalar(select(SyncStation).where(SyncStation.code == code.strip()))
        if row is None:
            raise EnrolmentRefused(
                QT_TRANSLATE_NOOP("errors", "No station with code {code} is enrolled here."),
                code=code.strip()[:20],
            )
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            row.revoked_reason = reason
            audit.record(
                session,
                SYSTEM,
                "sync.revoke_station",
                "station",
                row.station_id,
                after={"code": row.code, "reason": reason},
            )
        session.flush()
        session.expunge(row)
    return row
