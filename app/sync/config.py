"""配置包 — the township's signed config package, carried down to its stations (DESIGN §5).

The township (:func:`publish_config`) writes ``<township code>_config_<N>.wbconf``:
a zip of exactly three entries, in the style of the ``.wbsync`` envelope —

* ``payload.json`` — what the stations take: the points rule catalogue, the goods
  templates, the 四单 service menu, the station policy (points and volunteer rules, with the monthly
  activity quotas), the document layouts, every enrolled station's
  acknowledgement and the township's latest decision on each of its submitted
  reports, and per station the secrets (the shared card key and the
  keyed-hash key) **sealed** for that station's X25519 key;
* ``manifest.json`` — kind, format, the township's id and code, ``config_version``
  (rising: stored at the township in ``local_state``), the payload's SHA-256 and size;
* ``manifest.sig`` — the township's Ed25519 signature over the manifest bytes (hex).

Sealing: an ephemeral X25519 key agrees a secret with the station's key,
HKDF-SHA256 derives a ChaCha20-Poly1305 key from it, and the station id and
config version are the associated data — a sealed box copied into another
station's slot or another version's package does not open.  Nobody but the
station can read its secrets, not even someone holding the package.

The station (:func:`import_config`) checks the zip's shape and sizes, the
signature with the township key it enrolled (:func:`app.sync.enrol.enrol_township`),
the payload's hash, that the version is above the one in force, and every
part's validity; then it applies everything in one write transaction (audited
as the program, ``system``): the rules and goods templates by code / name, the
service menu items the station lacks (app.services.orders.menu), the
policy, the layouts, the keyed-hash key, its own acknowledgement, the township's
decisions on its submitted reports (已审核 / 退回, app.services.reports.submit); the card key
file is replaced last, inside the transaction, and put back if the commit fails.
Any refusal changes nothing.  :func:`config_status` says what is in force.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import (
    Goods,
    LocalState,
    PointRule,
    RuleKind,
    ServiceMenuItem,
    Station,
    StationMode,
    VolunteerTeam,
    utcnow,
)
from app.models.sync import SyncStation
from app.paths import DataDir
from app.services import audit, keys, policy
from app.services.auth import SYSTEM
from app.services.documents.layouts import LAYOUTS
from app.services.orders.menu import add_published_items, clean_names
from app.services.points.rules import RuleData, _clean_rule
from app.services.reports.submit import clean_reviews, reviews_for, store_reviews
from app.services.station import INCARNATION, get_state, set_state
from app.services.supermarket.goods import GoodsData, _apply_goods, _clean_goods
from app.sync.enrol import ENC_KEY_PREFIX, enrolled_township
from app.sync.export import ACKED_INCARNATION, ACKED_SEQ, HASH_KEY
from app.sync.importer import acknowledgements

KIND = "wb-config"
FORMAT = 1
SUFFIX = ".wbconf"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.json"
NAMES = frozenset({MANIFEST, SIGNATURE, PAYLOAD})

MAX_FILE_BYTES = 64 * 1024**2
MAX_PAYLOAD_BYTES = 64 * 1024**2
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_RATIO = 200
_SMALL = 1024 * 1024

PUBLISHED_VERSION = "config/published_version"  # township: the last version written
SHARED_KEY_STATE = "config/shared_card_key"  # township: the card key its stations share
VERSION = "config/version"  # station: the version in force
APPLIED_AT = "config/applied_at"
LAYOUTS_FOLDER = "layouts"  # township: <data>/layouts/*.json are published
_SEAL_INFO = b"wb-config seal v1"

# the words of what an import applied ("3 条积分细则, 本站规则和活动指标...")
_RULES_WORD = QT_TRANSLATE_NOOP("sync", "{n} points rules")
_GOODS_WORD = QT_TRANSLATE_NOOP("sync", "{n} goods templates")
_MENU_WORD = QT_TRANSLATE_NOOP("sync", "{n} services added to the menu")
_POLICY_WORD = QT_TRANSLATE_NOOP("sync", "station policy and activity quotas")
_LAYOUTS_WORD = QT_TRANSLATE_NOOP("sync", "{n} document layouts")
_ACK_WORD = QT_TRANSLATE_NOOP("sync", "the township's acknowledgement")
_REVIEWS_WORD = QT_TRANSLATE_NOOP("sync", "{n} report reviews")
_CARD_WORD = QT_TRANSLATE_NOOP("sync", "the shared card key and keyed-hash key")


class ConfigRefused(DomainError):
    """A config package that is not applied (nothing was changed)."""


@dataclass(frozen=True)
class ConfigSummary:
    path: Path
    version: int
    stations: int  # stations whose secrets were sealed in it


@dataclass(frozen=True)
class ConfigApplied:
    version: int
    township: str
    applied: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConfigStatus:
    version: int  # 0: none applied yet
    township: str
    applied_at: datetime | None
    township_fingerprint: str


# --- sealing -------------------------------------------------------------------------


def _aad(station_id: str, version: int) -> bytes:
    return f"{KIND}|{station_id}|{version}".encode()


def _derive(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=epk + recipient, info=_SEAL_INFO).derive(shared)


def seal(recipient_hex: str, plaintext: bytes, station_id: str, version: int) -> dict[str, str]:
    """*plaintext* sealed for the X25519 public key *recipient_hex*."""
    recipient = bytes.fromhex(recipient_hex)
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    nonce = os.urandom(12)
    box = ChaCha20Poly1305(_derive(shared, epk, recipient))
    ct = box.encrypt(nonce, plaintext, _aad(station_id, version))
    return {"epk": epk.hex(), "nonce": nonce.hex(), "ct": ct.hex()}


def unseal(key: X25519PrivateKey, sealed: Any, station_id: str, version: int) -> bytes:
    """Open a sealed box (ValueError when it is not for this key, station and version)."""
    if not isinstance(sealed, dict) or not all(
        isinstance(sealed.get(k), str) for k in ("epk", "nonce", "ct")
    ):
        raise ValueError("not a sealed box")
    epk = bytes.fromhex(sealed["epk"])
    nonce = bytes.fromhex(sealed["nonce"])
    mine = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = key.exchange(X25519PublicKey.from_public_bytes(epk))
    try:
        return ChaCha20Poly1305(_derive(shared, epk, mine)).decrypt(
            nonce, bytes.fromhex(sealed["ct"]), _aad(station_id, version)
        )
    except InvalidTag as exc:
        raise ValueError("the sealed box does not open") from exc


# --- publishing (township) ------------------------------------------------------------


def file_name(code: str, version: int) -> str:
    return f"{code}_config_{version}{SUFFIX}"


def _township_secret(session: Session, key: str) -> str:
    row = session.get(LocalState, key)
    if row is None or not row.value:
        value = os.urandom(32).hex()
        set_state(session, key, value)
        return value
    return row.value


def _published_layouts(data_dir: DataDir) -> dict[str, Any]:
    from app.printing.layout import LayoutError, load_layout

    folder = data_dir.root / LAYOUTS_FOLDER
    out: dict[str, Any] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        name = path.stem
        try:
            load_layout(name, folder)  # a layout the township cannot print is not sent
            out[name] = json.loads(path.read_text(encoding="utf-8"))
        except (LayoutError, ValueError, OSError) as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The layout {file} cannot be used ({details}); nothing was written."
                ),
                file=path.name,
                details=str(exc)[:200],
            ) from exc
    return out


def _write_zip(folder: Path, final_name: str, manifest: bytes, sig: bytes, payload: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / final_name
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final_name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, manifest)
                zf.writestr(SIGNATURE, sig)
                zf.writestr(PAYLOAD, payload)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, final)
        with contextlib.suppress(OSError):
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


def publish_config(db: Database, data_dir: DataDir, folder: Path) -> ConfigSummary:
    """Write the next config package for every enrolled station into *folder*."""
    layouts = _published_layouts(data_dir)
    signing = keys.load_keys(data_dir.keys).signing
    with db.write() as session:
        own = session.get(Station, db.station_id) if db.station_id else None
        if own is None or own.mode != StationMode.TOWNSHIP.value:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Config packages are published by the township (乡镇实践所)."
                )
            )
        row = session.get(LocalState, PUBLISHED_VERSION)
        version = (int(row.value) if row and row.value.isdigit() else 0) + 1
        set_state(session, PUBLISHED_VERSION, str(version))
        secrets = json.dumps(
            {
                "card_key": _township_secret(session, SHARED_KEY_STATE),
                "person_hash_key": _township_secret(session, HASH_KEY),
            }
        ).encode()
        rules = [
            {
                "code": r.code,
                "name": r.name,
                "points": r.points,
                "category": r.category,
                "unit": r.unit,
                "cap_per_period": r.cap_per_period,
                "sort_order": r.sort_order,
                "active": r.active,
            }
            for r in session.scalars(
                select(PointRule)
                .where(PointRule.station_id == own.id, PointRule.deleted.is_(False))
                .order_by(PointRule.sort_order, PointRule.code)
            )
        ]
        goods = [
            {
                "name": g.name,
                "points_price": g.points_price,
                "category": g.category,
                "unit": g.unit,
                "barcode": g.barcode,
                "low_stock_threshold": g.low_stock_threshold,
                "sort_order": g.sort_order,
            }
            for g in session.scalars(
                select(Goods)
                .where(Goods.station_id == own.id, Goods.deleted.is_(False), Goods.active)
                .order_by(Goods.sort_order, Goods.name)
            )
        ]
        team_names = dict(session.execute(select(VolunteerTeam.id, VolunteerTeam.name)).all())
        menu = [
            {
                "category": m.category,
                "name": m.name,
                "description": m.description,
                "team": team_names.get(m.team_id or "", ""),
            }
            for m in session.scalars(
                select(ServiceMenuItem)
                .where(
                    ServiceMenuItem.station_id == own.id,
                    ServiceMenuItem.deleted.is_(False),
                    ServiceMenuItem.active.is_(True),
                )
                .order_by(ServiceMenuItem.category, ServiceMenuItem.sort_order)
            )
        ]
        # only what the township has set: a policy it never saved would send defaults
        # over the stations' own settings
        station_policy: dict[str, Any] = {}
        if policy._stored(session, policy.POINTS_KEY) is not None:
            station_policy["points"] = asdict(policy.load_points_policy(session))
        if policy._stored(session, policy.VOLUNTEERS_KEY) is not None:
            station_policy["volunteers"] = asdict(policy.load_volunteer_policy(session))
        enrolled = list(session.scalars(select(SyncStation).order_by(SyncStation.code)))
        enc_keys = {
            s.station_id: (session.get(LocalState, ENC_KEY_PREFIX + s.station_id)) for s in enrolled
        }
        township = {"station_id": own.id, "code": own.code, "name": own.name}
        reviews = {s.station_id: reviews_for(session, s.station_id) for s in enrolled}
        audit.record(
            session,
            SYSTEM,
            "config.publish",
            "station",
            own.id,
            after={"version": version, "stations": len(enrolled)},
        )
    acks = acknowledgements(db)
    stations: dict[str, Any] = {}
    sealed_for = 0
    for s in enrolled:
        entry: dict[str, Any] = {"code": s.code}
        if s.station_id in acks:
            entry["ack"] = list(acks[s.station_id])
        if reviews[s.station_id]:
            entry["reviews"] = reviews[s.station_id]
        enc = enc_keys[s.station_id]
        if enc is not None and enc.value:
            entry["secrets"] = seal(enc.value, secrets, s.station_id, version)
            sealed_for += 1
        stations[s.station_id] = entry
    payload = json.dumps(
        {
            "township": township,
            "version": version,
            "rules": rules,
            "goods": goods,
            "menu": menu,
            "policy": station_policy,
            "layouts": layouts,
            "stations": stations,
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    manifest = json.dumps(
        {
            "kind": KIND,
            "format": FORMAT,
            "township_id": township["station_id"],
            "township_code": township["code"],
            "config_version": version,
            "created_at": utcnow().isoformat(timespec="seconds"),
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
            "payload_size": len(payload),
        },
        ensure_ascii=False,
        sort_keys=True,
        indent=1,
    ).encode("utf-8")
    signature = signing.sign(manifest).hex().encode("ascii")
    path = _write_zip(folder, file_name(township["code"], version), manifest, signature, payload)
    return ConfigSummary(path, version, sealed_for)


# --- refusals -------------------------------------------------------------------------


def _damaged(name: str) -> ConfigRefused:
    return ConfigRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is not a complete config package (damaged, cut off or edited). Nothing "
            "was changed; ask the township for the package again.",
        ),
        file=name,
    )


def _too_large(name: str) -> ConfigRefused:
    return ConfigRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is far larger than any config package; it was not opened. Nothing was changed.",
        ),
        file=name,
    )


def _not_ours(name: str) -> ConfigRefused:
    return ConfigRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} was not signed by this station's township (another township, or changed "
            "after signing). Nothing was changed.",
        ),
        file=name,
    )


# --- reading (station) ----------------------------------------------------------------


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name)
    return data


def _open_package(path: Path) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """The manifest (parsed), its bytes, the signature and the payload bytes — shape only."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _damaged(name) from exc
    if size > MAX_FILE_BYTES:
        raise _too_large(name)
    limits = {
        MANIFEST: MAX_MANIFEST_BYTES,
        SIGNATURE: MAX_SIGNATURE_BYTES,
        PAYLOAD: MAX_PAYLOAD_BYTES,
    }
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) != len(NAMES) or {i.filename for i in infos} != NAMES:
                raise _damaged(name)
            for info in infos:
                if info.flag_bits & 0x1 or info.compress_type not in (
                    zipfile.ZIP_STORED,
                    zipfile.ZIP_DEFLATED,
                ):
                    raise _damaged(name)
                if info.file_size > limits[info.filename]:
                    raise _too_large(name)
                if info.file_size > _SMALL and info.file_size > MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise _too_large(name)
            by_name = {i.filename: i for i in infos}
            manifest_bytes = _read_entry(zf, by_name[MANIFEST], MAX_MANIFEST_BYTES, name)
            sig_hex = _read_entry(zf, by_name[SIGNATURE], MAX_SIGNATURE_BYTES, name)
            payload = _read_entry(zf, by_name[PAYLOAD], MAX_PAYLOAD_BYTES, name)
    except ConfigRefused:
        raise
    except Exception as exc:  # zipfile raises many kinds on a damaged file
        raise _damaged(name) from exc
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        signature = bytes.fromhex(sig_hex.decode("ascii").strip())
    except (ValueError, UnicodeDecodeError) as exc:
        raise _damaged(name) from exc
    ok = (
        isinstance(manifest, dict)
        and manifest.get("kind") == KIND
        and manifest.get("format") == FORMAT
        and isinstance(manifest.get("township_id"), str)
        and isinstance(manifest.get("config_version"), int)
        and not isinstance(manifest.get("config_version"), bool)
        and manifest["config_version"] > 0
        and isinstance(manifest.get("payload_sha256"), str)
        and isinstance(manifest.get("payload_size"), int)
        and len(signature) == 64
    )
    if not ok:
        raise _damaged(name)
    return manifest, manifest_bytes, signature, payload


@dataclass
class _Plan:
    version: int
    township: str
    rules: list[tuple[RuleData, bool]]
    goods: list[GoodsData]
    menu: list[tuple[str, str, str, str]]  # category, name, description, team name
    points: policy.PointsPolicy | None
    volunteers: policy.VolunteerPolicy | None
    layouts: dict[str, Any]
    ack: tuple[str, int] | None
    card_key: bytes
    hash_key: str
    station_id: str = ""
    reviews: list[dict[str, str]] = field(default_factory=list)


def _plan(db: Database, data_dir: DataDir, path: Path) -> _Plan:
    """Every check of a package, before anything is written."""
    name = path.name
    township = enrolled_township(db)
    if township is None:
        raise ConfigRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "This station has not enrolled its township yet, so it cannot check a config "
                "package. Enrol the township first (its enrolment file and fingerprint).",
            )
        )
    manifest, manifest_bytes, signature, payload_bytes = _open_package(path)
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(township.public_key)).verify(
            signature, manifest_bytes
        )
    except (InvalidSignature, ValueError) as exc:
        raise _not_ours(name) from exc
    if manifest["township_id"] != township.station_id:
        raise _not_ours(name)
    if (
        len(payload_bytes) != manifest["payload_size"]
        or hashlib.sha256(payload_bytes).hexdigest() != manifest["payload_sha256"]
    ):
        raise _damaged(name)
    version = int(manifest["config_version"])
    in_force = int(get_state(db, VERSION) or 0)
    if version <= in_force:
        raise ConfigRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is config version {version}, but version {in_force} is already in "
                "force here; an older or repeated package is not applied. Nothing was changed.",
            ),
            file=name,
            version=version,
            in_force=in_force,
        )
    try:
        body = json.loads(payload_bytes.decode("utf-8"))
        if not isinstance(body, dict) or body.get("version") != version:
            raise ValueError("version")
        own_id = db.station_id or ""
        entry = body["stations"][own_id]
        secrets = json.loads(
            unseal(keys.encryption_key(data_dir.keys), entry["secrets"], own_id, version)
        )
        card_key = bytes.fromhex(secrets["card_key"])
        hash_key = str(secrets["person_hash_key"])
        bytes.fromhex(hash_key)
        if len(card_key) < 16:
            raise ValueError("card key")
        rules = [
            (
                _clean_rule(
                    RuleData(
                        str(r["code"]),
                        str(r["name"]),
                        int(r["points"]),
                        str(r.get("category", "")),
                        str(r.get("unit", "次")),
                        None if r.get("cap_per_period") is None else int(r["cap_per_period"]),
                        int(r.get("sort_order", 0)),
                    )
                ),
                bool(r.get("active", True)),
            )
            for r in body["rules"]
        ]
        goods = [
            _clean_goods(
                GoodsData(
                    str(g["name"]),
                    int(g["points_price"]),
                    str(g.get("category", "")),
                    str(g.get("unit", "件")),
                    None if not g.get("barcode") else str(g["barcode"]),
                    None,
                    int(g.get("low_stock_threshold", 0)),
                    int(g.get("sort_order", 0)),
                )
            )
            for g in body["goods"]
        ]
        menu = [  # a package from before the menu has none
            (
                *clean_names(str(m["category"]), str(m["name"])),
                str(m.get("description", "")),
                str(m.get("team", "")),
            )
            for m in body.get("menu", [])
        ]
        pol = body.get("policy") or {}
        points = volunteers = None
        if "points" in pol:
            points = policy._decode(
                policy.PointsPolicy,
                "points",
                json.dumps({"version": policy.POINTS_VERSION, "values": pol["points"]}),
                policy.POINTS_VERSION,
            )
        if "volunteers" in pol:
            volunteers = policy._decode(
                policy.VolunteerPolicy,
                "volunteers",
                json.dumps({"version": policy.VOLUNTEERS_VERSION, "values": pol["volunteers"]}),
                policy.VOLUNTEERS_VERSION,
            )
        layouts = body.get("layouts") or {}
        _check_layouts(layouts)
        ack = entry.get("ack")
        ack_t = (str(ack[0]), int(ack[1])) if ack else None
        reviews = clean_reviews(entry.get("reviews"))
        township_name = str(body["township"]["name"])
    except (ValidationError, ConfigRefused) as exc:
        raise ConfigRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} holds a setting this station refuses: {details}. Nothing was changed.",
            ),
            file=name,
            details=str(exc),
        ) from exc
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise ConfigRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} holds nothing for this station (it was published before this station "
                "was enrolled, or it is damaged). Nothing was changed; ask the township for a "
                "new package.",
            ),
            file=name,
        ) from exc
    return _Plan(
        version,
        township_name,
        rules,
        goods,
        menu,
        points,
        volunteers,
        layouts,
        ack_t,
        card_key,
        hash_key,
        own_id,
        reviews,
    )


def _check_layouts(layouts: Any) -> None:
    from app.printing.layout import Layout, LayoutError, _default_doc, _merge

    if not isinstance(layouts, dict):
        raise ValueError("layouts")
    for name, doc in layouts.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,40}", name):
            raise ValueError("layout name")
        try:
            full = _merge(_default_doc(str(doc["extends"])), doc) if "extends" in doc else doc
            Layout.from_dict(full, source=f"{name}.json")
        except (LayoutError, KeyError, TypeError, FileNotFoundError) as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "the layout {name} cannot be printed"), name=name
            ) from exc


def _apply_rules(session: Session, plan: _Plan) -> int:
    changed = 0
    for data, active in plan.rules:
        rule = session.scalar(select(PointRule).where(PointRule.code == data.code))
        values = {
            "name": data.name,
            "points": data.points,
            "kind": (RuleKind.EARN if data.points > 0 else RuleKind.DEDUCT).value,
            "category": data.category,
            "unit": data.unit,
            "cap_per_period": data.cap_per_period,
            "sort_order": data.sort_order,
            "active": active,
        }
        if rule is None:
            rule = PointRule(code=data.code, **values)
            session.add(rule)
            session.flush()
            audit.record(session, SYSTEM, "points.rule_create", "point_rule", rule.id, after=values)
            changed += 1
            continue
        before = {k: getattr(rule, k) for k in values}
        if before != values:
            for k, v in values.items():
                setattr(rule, k, v)
            audit.record(
                session,
                SYSTEM,
                "points.rule_update",
                "point_rule",
                rule.id,
                before=before,
                after=values,
            )
            changed += 1
    return changed


def _apply_goods_templates(session: Session, plan: _Plan) -> int:
    added = 0
    for data in plan.goods:
        exists = session.scalar(
            select(Goods.id).where(Goods.name == data.name, Goods.deleted.is_(False))
        )
        if exists:
            continue  # the station's own price and stock stay its own
        if data.barcode and session.scalar(select(Goods.id).where(Goods.barcode == data.barcode)):
            data = GoodsData(**{**asdict(data), "barcode": None})
        goods = Goods(active=True, on_hand=0)
        _apply_goods(goods, data)
        session.add(goods)
        session.flush()
        audit.record(
            session,
            SYSTEM,
            "goods.create",
            "goods",
            goods.id,
            after={"name": data.name, "points_price": data.points_price, "template": True},
        )
        added += 1
    return added


def _apply(session: Session, plan: _Plan) -> list[str]:
    applied: list[str] = []
    n = _apply_rules(session, plan)
    applied.append(translate("sync", _RULES_WORD, n=n))
    n = _apply_goods_templates(session, plan)
    applied.append(translate("sync", _GOODS_WORD, n=n))
    if plan.menu:
        n = add_published_items(session, plan.menu)
        applied.append(translate("sync", _MENU_WORD, n=n))
    if plan.points is not None:
        before = policy.load_points_policy(session)
        policy._put(session, policy.POINTS_KEY, policy._encode(plan.points, policy.POINTS_VERSION))
        old, new = policy._changes(before, plan.points)
        if new:
            audit.record(session, SYSTEM, "policy.points", "station", "", before=old, after=new)
    if plan.volunteers is not None:
        before_v = policy.load_volunteer_policy(session)
        policy._put(
            session,
            policy.VOLUNTEERS_KEY,
            policy._encode(plan.volunteers, policy.VOLUNTEERS_VERSION),
        )
        old, new = policy._changes(before_v, plan.volunteers)
        if new:
            audit.record(session, SYSTEM, "volunteer.policy", "station", "", before=old, after=new)
    if plan.points is not None or plan.volunteers is not None:
        applied.append(translate("sync", _POLICY_WORD))
    set_state(session, LAYOUTS, json.dumps(plan.layouts, ensure_ascii=False, sort_keys=True))
    applied.append(translate("sync", _LAYOUTS_WORD, n=len(plan.layouts)))
    set_state(session, HASH_KEY, plan.hash_key)
    if plan.ack is not None:
        row = session.get(LocalState, INCARNATION)
        if row is not None and row.value == plan.ack[0]:
            set_state(session, ACKED_SEQ, str(max(0, plan.ack[1])))
            set_state(session, ACKED_INCARNATION, plan.ack[0])
            applied.append(translate("sync", _ACK_WORD))
    if plan.reviews:
        n = store_reviews(session, plan.station_id, plan.reviews)
        if n:
            applied.append(translate("sync", _REVIEWS_WORD, n=n))
    set_state(session, VERSION, str(plan.version))
    set_state(session, APPLIED_AT, utcnow().isoformat(timespec="seconds"))
    audit.record(session, SYSTEM, "config.import", "station", "", after={"version": plan.version})
    applied.append(translate("sync", _CARD_WORD))
    return applied


def import_config(db: Database, data_dir: DataDir, path: Path) -> ConfigApplied:
    """Check a township's config package and apply all of it, or nothing."""
    plan = _plan(db, data_dir, path)
    try:
        old_card: bytes | None = keys.card_key(data_dir.keys)
    except OSError:
        old_card = None
    replaced = False
    try:
        with db.write() as session:
            in_force = session.get(LocalState, VERSION)
            if in_force is not None and int(in_force.value or 0) >= plan.version:
                raise ConfigRefused(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "A newer config package was applied meanwhile; nothing was changed.",
                    )
                )
            applied = _apply(session, plan)
            session.flush()
            keys.replace_card_key(data_dir.keys, plan.card_key)
            replaced = True
    except BaseException:
        if replaced and old_card is not None:
            keys.replace_card_key(data_dir.keys, old_card)
        raise
    return ConfigApplied(plan.version, plan.township, applied)


def config_status(db: Database) -> ConfigStatus:
    township = enrolled_township(db)
    raw_at = get_state(db, APPLIED_AT)
    try:
        applied_at = datetime.fromisoformat(raw_at) if raw_at else None
    except ValueError:
        applied_at = None
    raw_version = get_state(db, VERSION) or "0"
    return ConfigStatus(
        int(raw_version) if raw_version.isdigit() else 0,
        township.name if township else "",
        applied_at,
        township.fingerprint if township else "",
    )
