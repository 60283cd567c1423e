"""The ``.wbsync`` file: a signed zip envelope around a SQLite payload (DESIGN §5).

A sync file is a zip holding exactly three entries:

* ``payload.sqlite`` — the changed rows, one table per station table with the
  same column names (no types, no constraints, no indexes: the values keep
  exactly the form they have in the station's file), ``journal_mode=DELETE``;
* ``manifest.json`` — what the file is: format and schema version, station
  id and code, incarnation, ``seq_from``/``seq_to``, the previous file's
  SHA-256, per-table row counts and control totals, and the payload's SHA-256
  and size;
* ``manifest.sig`` — the station's Ed25519 signature over the exact manifest
  bytes (hex).

Writing (:func:`write_envelope`) goes to a temporary name in the target
folder, is fsynced (file and folder) and renamed to
``<station code>_<seq_from>-<seq_to>.wbsync``, so a USB stick pulled out
mid-write leaves no half file under the final name.

Reading is hostile-input handling.  :func:`open_envelope` checks the zip's
shape (size limits against zip bombs, exactly the three names, no
encryption, known compression) and parses the manifest; the caller picks the
public key the manifest's station is enrolled with and calls
:meth:`Envelope.verify`, which checks the signature and then streams the
payload into a temporary file, checking its size and SHA-256 — SQLite never
sees a byte that was not signed.  :func:`open_payload` then opens that copy
read-only with ``trusted_schema=OFF`` and requires exactly the expected
tables and columns, and nothing else in ``sqlite_master`` (no triggers, views
or indexes).  Every refusal is a :class:`~app.sync.errors.SyncFileRefused`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.sync.errors import SyncFileRefused, bad_payload, damaged, tampered, too_large

FORMAT = 1
SUFFIX = ".wbsync"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.sqlite"
NAMES = frozenset({MANIFEST, SIGNATURE, PAYLOAD})

MAX_FILE_BYTES = 2 * 1024**3  # the zip on the stick
MAX_PAYLOAD_BYTES = 4 * 1024**3  # uncompressed
MAX_MANIFEST_BYTES = 1024**2
MAX_SIGNATURE_BYTES = 1024
MAX_RATIO = 200  # uncompressed / compressed, beyond the first megabyte
_CHUNK = 1024 * 1024

PERSON_HASH = "person_hash"  # payload table: the keyed hashes of ID numbers and phones
PERSON_HASH_COLUMNS = ("table_name", "row_id", "field", "hash")
ANCHOR = "audit_anchor"
# the sums a file states and the township re-checks: table -> summed column
CONTROL_COLUMNS = {"point_entry": "points", "stock_move": "qty", "service_record": "minutes"}
_CODE = re.compile(r"^\d{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@cache
def payload_tables() -> dict[str, tuple[str, ...]]:
    """Every payload table and its columns: the syncable tables, the anchor, the hashes."""
    from app.models import AuditAnchor, Base, load_all
    from app.models.base import syncable_tables

    load_all()
    tables = {
        name: tuple(c.name for c in Base.metadata.tables[name].columns)
        for name in syncable_tables()
    }
    tables[ANCHOR] = tuple(c.name for c in AuditAnchor.__table__.columns)
    tables[PERSON_HASH] = PERSON_HASH_COLUMNS
    return tables


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_payload_tables(con: sqlite3.Connection, schema: str = "main") -> None:
    for table, columns in payload_tables().items():
        cols = ", ".join(quote(c) for c in columns)
        con.execute(f"CREATE TABLE {schema}.{quote(table)} ({cols})")


def file_name(station_code: str, seq_from: int, seq_to: int) -> str:
    return f"{station_code}_{seq_from}-{seq_to}{SUFFIX}"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def file_identity(manifest_bytes: bytes) -> str:
    """A sync file's identity: the SHA-256 of its signed manifest (see :class:`Envelope`)."""
    return hashlib.sha256(manifest_bytes).hexdigest()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsynced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_envelope(
    folder: Path, manifest: dict[str, Any], payload: Path, signing: Ed25519PrivateKey
) -> Path:
    """Sign *manifest* (completed with the payload's hash) and write the zip into *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    body = dict(manifest)
    body["payload_sha256"] = sha256_file(payload)
    body["payload_size"] = payload.stat().st_size
    manifest_bytes = json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    signature = signing.sign(manifest_bytes).hex().encode("ascii")
    final = folder / file_name(str(body["station_code"]), body["seq_from"], body["seq_to"])
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            # level 1: a payload compresses nearly as well, in a quarter of the time
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                zf.writestr(MANIFEST, manifest_bytes)
                zf.writestr(SIGNATURE, signature)
                zf.write(payload, PAYLOAD)
            raw.flush()
            os.fsync(raw.fileno())
        with contextlib.suppress(OSError):  # mkstemp's 0600; the file holds no secret
            os.chmod(tmp, 0o644)
        os.replace(tmp, final)
        _fsync_dir(folder)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


# --- reading -------------------------------------------------------------------------


@dataclass
class Envelope:
    """A sync file whose zip shape and manifest passed; not yet verified."""

    path: Path
    # The file's identity (``sync_import_log.file_sha256``): the SHA-256 of the signed
    # manifest bytes, which name the payload's SHA-256 and size, the station, its
    # incarnation and the sequence range.  Not the SHA-256 of the zip: a zip carries bytes
    # no check covers (a deflate back-reference moved onto another run of identical bytes,
    # a local header's time), so two copies of one export can differ there and must still
    # be one file that is imported once.
    file_sha256: str
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    _payload_info: zipfile.ZipInfo = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def signed_by(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(self.signature, self.manifest_bytes)
        except (InvalidSignature, ValueError):
            return False
        return True

    def extract_payload(self, folder: Path) -> Path:
        """The payload, copied into *folder* and checked against the signed manifest.

        Call only after :meth:`signed_by` held: the size and SHA-256 checked here
        are the signed ones, so the copy is exactly what the station wrote.
        """
        expected_size = int(self.manifest["payload_size"])
        target = folder / PAYLOAD
        h = hashlib.sha256()
        written = 0
        try:
            with (
                zipfile.ZipFile(self.path) as zf,
                zf.open(self._payload_info) as src,
                target.open("wb") as dst,
            ):
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    if written > expected_size:
                        raise tampered(self.name)
                    h.update(chunk)
                    dst.write(chunk)
        except SyncFileRefused:
            raise
        except Exception as exc:  # a damaged deflate stream, a CRC error, a short file
            raise damaged(self.name) from exc
        if written != expected_size or h.hexdigest() != self.manifest["payload_sha256"]:
            raise tampered(self.name)
        return target


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**62


def _check_manifest(body: Any, name: str) -> dict[str, Any]:
    """The manifest's fields have the right types (their meaning is the importer's)."""
    ok = isinstance(body, dict)
    if ok:
        ok = (
            isinstance(body.get("station_id"), str)
            and 0 < len(body["station_id"]) <= 36
            and isinstance(body.get("station_code"), str)
            and bool(_CODE.match(body["station_code"]))
            and isinstance(body.get("schema"), str)
            and isinstance(body.get("incarnation"), str)
            and 0 < len(body["incarnation"]) <= 36
            and isinstance(body.get("base_incarnation"), str)
            and len(body["base_incarnation"]) <= 36
            and isinstance(body.get("prev_sha256"), str)
            and all(
                _int(body.get(k))
                for k in ("format", "seq_from", "seq_to", "base_seq", "payload_size")
            )
            and isinstance(body.get("payload_sha256"), str)
            and bool(_HEX64.match(body["payload_sha256"]))
            and isinstance(body.get("counts"), dict)
            and all(isinstance(k, str) and _int(v) for k, v in body["counts"].items())
            and isinstance(body.get("totals"), dict)
            and all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                for k, v in body["totals"].items()
            )
            and body["seq_from"] <= body["seq_to"] + 1
        )
    if not ok:
        raise damaged(name)
    return body


def open_envelope(path: Path) -> Envelope:
    """Check the zip's shape and read its manifest and signature (nothing is trusted yet)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise damaged(name) from exc
    if size > MAX_FILE_BYTES:
        raise too_large(name)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            if len(infos) != len(NAMES) or set(names) != NAMES:
                raise damaged(name)
            by_name = {i.filename: i for i in infos}
            limits = {
                MANIFEST: MAX_MANIFEST_BYTES,
                SIGNATURE: MAX_SIGNATURE_BYTES,
                PAYLOAD: MAX_PAYLOAD_BYTES,
            }
            for info in infos:
                if info.flag_bits & 0x1 or info.compress_type not in (
                    zipfile.ZIP_STORED,
                    zipfile.ZIP_DEFLATED,
                ):
                    raise damaged(name)
                if info.file_size > limits[info.filename]:
                    raise too_large(name)
                if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise too_large(name)
            manifest_bytes = _read_small(zf, by_name[MANIFEST], MAX_MANIFEST_BYTES, name)
            signature_hex = _read_small(zf, by_name[SIGNATURE], MAX_SIGNATURE_BYTES, name)
    except SyncFileRefused:
        raise
    except Exception as exc:  # zipfile raises many kinds on a damaged file
        raise damaged(name) from exc
    try:
        body = json.loads(manifest_bytes.decode("utf-8"))
        signature = bytes.fromhex(signature_hex.decode("ascii").strip())
    except (ValueError, UnicodeDecodeError) as exc:
        raise damaged(name) from exc
    if len(signature) != 64:
        raise damaged(name)
    manifest = _check_manifest(body, name)
    if manifest["payload_size"] > MAX_PAYLOAD_BYTES:
        raise too_large(name)
    file_sha = file_identity(manifest_bytes)
    return Envelope(path, file_sha, manifest, manifest_bytes, signature, by_name[PAYLOAD])


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise too_large(name)
    return data


def open_payload(path: Path, name: str) -> sqlite3.Connection:
    """Open a verified payload copy read-only; require exactly the expected schema."""
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise bad_payload(name, str(exc)) from exc
    try:
        con.execute("PRAGMA trusted_schema=OFF")
        con.execute("PRAGMA query_only=ON")
        problems = _schema_problems(con)
        if not problems:
            check = con.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                problems = ["the database file is damaged"]
    except sqlite3.Error as exc:
        con.close()
        raise bad_payload(name, str(exc)) from exc
    if problems:
        con.close()
        raise bad_payload(name, "; ".join(problems[:4]))
    return con


def _schema_problems(con: sqlite3.Connection) -> list[str]:
    expected = payload_tables()
    found: list[str] = []
    seen: set[str] = set()
    for kind, obj in con.execute("SELECT type, name FROM sqlite_master"):
        if kind != "table":
            found.append(f"unexpected {kind} {obj}")
            continue
        if obj not in expected:
            found.append(f"unexpected table {obj}")
            continue
        seen.add(obj)
        columns = [r[1] for r in con.execute(f"PRAGMA table_xinfo({quote(obj)})")]
        if sorted(columns) != sorted(expected[obj]) or len(columns) != len(expected[obj]):
            found.append(f"the columns of table {obj} differ")
    for missing in sorted(set(expected) - seen):
        found.append(f"missing table {missing}")
    return found
