"""Simulated stations' sync files: N real, signed files of N distinct enrolled stations.

The benchmarks and the many-stations test need hundreds of stations' files
without building hundreds of demo stations.  :func:`make_files` builds one
demo station of a given :class:`~app.demo.station.DemoSize`, exports it in
full, and makes each further file from that payload: every UUID given
station *k*'s last four hex digits, the station's code, name and signing key
its own, its audit chain re-hashed and its anchors re-signed — so each file
is a real, signed file of a distinct station that a township accepts once
the station is enrolled (:func:`enrol_all`, on SQLite or PostgreSQL alike).

The files are cached in a folder (more are made when more are wanted); the
caller keys that folder by what would change them (the schema revision, the
size): a township refuses files of another schema.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Engine, insert, text

from app.demo.station import DemoSize, create_demo_station
from app.paths import DataDir
from app.sync.envelope import PERSON_HASH, payload_tables, quote
from app.sync.export import export_sync

Station = dict[str, str]  # the enrolment facts of one simulated station

TEN_THOUSAND_ROWS = DemoSize(
    households=220,
    volunteers=40,
    activities=30,
    ledger_entries=4_432,
    redemptions=120,
    scan_events=300,
)  # a full export of ~10,000 rows: the benchmarks' file


def _uuid_expr(column: str, suffix: str) -> str:
    c = quote(column)
    return (
        f"CASE WHEN typeof({c}) = 'text' AND length({c}) = 36 AND substr({c}, 9, 1) = '-' "
        f"AND substr({c}, 24, 1) = '-' THEN substr({c}, 1, 32) || '{suffix}' ELSE {c} END"
    )


def _other_uuid(value: str, suffix: str) -> str:
    return value[:32] + suffix if len(value) == 36 and value[8] == "-" else value


def station_file(base: Path, manifest: dict[str, Any], k: int, folder: Path) -> Station:
    """Station *k*'s file (into *folder*) made from the base payload; its enrolment facts."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from app.services import audit, keys
    from app.sync.envelope import write_envelope
    from app.sync.importer import _ENTRY_FIELDS

    suffix = f"{k:04x}"
    code = f"3304{k:08d}"
    name = f"测试村{k}"
    signing = Ed25519PrivateKey.generate()
    station_id = _other_uuid(manifest["station_id"], suffix)
    with tempfile.TemporaryDirectory(prefix="wb-stations-") as tmp:
        payload = Path(tmp) / "payload.sqlite"
        shutil.copyfile(base, payload)
        con = sqlite3.connect(payload, isolation_level=None)
        con.execute("BEGIN")
        for table, columns in payload_tables().items():
            sets = ", ".join(f"{quote(c)} = {_uuid_expr(c, suffix)}" for c in columns)
            con.execute(f"UPDATE {quote(table)} SET {sets}")
        con.execute("UPDATE station SET code = ?, name = ?", (code, name))
        prev = audit.GENESIS
        hashes: dict[int, str] = {}
        rows = con.execute(
            f"SELECT {', '.join(_ENTRY_FIELDS)} FROM audit_entry ORDER BY seq"
        ).fetchall()
        for values in rows:
            entry = SimpleNamespace(**dict(zip(_ENTRY_FIELDS, values, strict=True)))
            entry.at = datetime.fromisoformat(str(values[3]))
            entry.prev_hash = prev
            digest = audit.entry_hash(cast(Any, entry))
            con.execute(
                "UPDATE audit_entry SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                (prev, digest, entry.id),
            )
            hashes[entry.seq] = prev = digest
        for rowid, seq in con.execute("SELECT rowid, seq FROM audit_anchor").fetchall():
            digest = hashes[seq]
            signature = signing.sign(audit._anchor_message(station_id, seq, digest)).hex()
            con.execute(
                "UPDATE audit_anchor SET entry_hash = ?, signature = ? WHERE rowid = ?",
                (digest, signature, rowid),
            )
        con.execute("COMMIT")
        con.close()
        body = {
            key: value
            for key, value in manifest.items()
            if key not in ("payload_sha256", "payload_size")
        }
        body.update(
            station_id=station_id,
            station_code=code,
            station_name=name,
            incarnation=_other_uuid(manifest["incarnation"], suffix),
        )
        write_envelope(folder, body, payload, signing)
    public = signing.public_key()
    return {
        "station_id": station_id,
        "code": code,
        "name": name,
        "public_key": public.public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
        "fingerprint": keys.fingerprint(public),
    }


def make_files(
    cache: Path, wanted: int, size: DemoSize, *, seed: int = 7, quiet: bool = False
) -> tuple[list[Path], list[Station]]:
    """*wanted* stations' files (made into *cache* when missing) and their enrolment facts.

    The first call also leaves ``<cache>/town``: an empty township's data
    folder (nobody enrolled) that a caller copies and enrols the stations in.
    """
    from sync_helpers import make_township

    say = (lambda _text: None) if quiet else (lambda text: print(text, flush=True))
    cache.mkdir(parents=True, exist_ok=True)
    base = cache / "base-payload.sqlite"
    if not base.is_file():
        say("making the base station (one demo station, exported in full)…")
        shutil.rmtree(cache / "base", ignore_errors=True)
        data_dir = DataDir(cache / "base")
        db = create_demo_station(data_dir, size, seed=seed)
        summary = export_sync(db, data_dir, cache / "base-file", full=True)
        db.dispose()
        with zipfile.ZipFile(summary.path) as zf:
            (cache / "base-manifest.json").write_bytes(zf.read("manifest.json"))
            base.write_bytes(zf.read("payload.sqlite"))
        shutil.rmtree(cache / "base", ignore_errors=True)
        shutil.rmtree(cache / "base-file", ignore_errors=True)
        shutil.rmtree(cache / "town", ignore_errors=True)
        make_township(cache / "town").db.dispose()
    manifest = json.loads((cache / "base-manifest.json").read_text("utf-8"))
    listing = cache / "stations.json"
    stations: list[Station] = json.loads(listing.read_text()) if listing.is_file() else []
    folder = cache / "files"
    if len(stations) < wanted:
        say(f"making station files {len(stations) + 1}–{wanted}…")
        start = time.perf_counter()
        for k in range(len(stations), wanted):
            stations.append(station_file(base, manifest, k + 1, folder))
            listing.write_text(json.dumps(stations))
        say(f"  made in {time.perf_counter() - start:.0f} s")
    files = [folder / f"{s['code']}_1-{manifest['seq_to']}.wbsync" for s in stations[:wanted]]
    return files, stations[:wanted]


def stored_table(table: str) -> str:
    """The township's table a payload table's rows go to."""
    return "sync_person_hash" if table == PERSON_HASH else table


def table_counts(engine: Engine) -> dict[str, int]:
    """The rows of every township table the payloads go to."""
    with engine.connect() as conn:
        return {
            stored_table(t): int(
                conn.execute(text(f"SELECT count(*) FROM {quote(stored_table(t))}")).scalar() or 0
            )
            for t in payload_tables()
        }


def imported_once(engine: Engine, files: list[Path], before: dict[str, int]) -> str:
    """What says *files* were not each imported exactly once since *before* ("" = they were).

    The import log holds one row per file, and every table grew by the sum of
    the files' manifests' counts: nothing lost, nothing doubled.
    """
    grown = dict.fromkeys(before, 0)
    for path in files:
        with zipfile.ZipFile(path) as zf:
            counts = json.loads(zf.read("manifest.json"))["counts"]
        for table, n in counts.items():
            grown[stored_table(table)] += int(n)
    after = table_counts(engine)
    with engine.connect() as conn:
        logged, distinct, names = conn.execute(
            text(
                "SELECT count(*), count(DISTINCT file_sha256), count(DISTINCT file_name) "
                "FROM sync_import_log"
            )
        ).one()
    problems = [
        f"{t}: grew by {after[t] - before[t]}, the manifests count {n}"
        for t, n in grown.items()
        if after[t] - before[t] != n
    ]
    if not logged == distinct == names == len(files):
        problems.insert(
            0, f"{logged} import log rows ({distinct} distinct files) for {len(files)} files"
        )
    return "; ".join(problems)


def enrol_all(target: Path | Engine, stations: list[Station]) -> None:
    """Enrol the stations in a township: its SQLite file, or any database's engine."""
    from sqlalchemy import create_engine

    from app.models.sync import SyncStation

    engine = target if isinstance(target, Engine) else create_engine(f"sqlite:///{target}")
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(SyncStation.__table__),
                [
                    {
                        "station_id": s["station_id"],
                        "code": s["code"],
                        "name": s["name"],
                        "public_key": s["public_key"],
                        "fingerprint": s["fingerprint"],
                        "enrolled_at": datetime(2026, 1, 1),
                        "chain_seq": 0,
                        "chain_hash": "",
                        "chain_problem": "",
                    }
                    for s in stations
                ],
            )
    finally:
        if engine is not target:
            engine.dispose()
