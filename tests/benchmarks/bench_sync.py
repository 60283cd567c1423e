"""Benchmark: sync export and township import, each next to its raw SQLite floor (issue 14).

Run from the repository root::

    .venv/bin/python tests/benchmarks/bench_sync.py [--files 300] [--large PATH]
        [--data-dir /tmp/wb-bench-sync] [--no-export] [--no-import]

* **Export** of 10,000 changed rows from a large demo station:
  :func:`app.sync.export.export_sync` after the township acknowledged all but
  the last 10,000 changed rows (anchor, one read snapshot, masking, control
  totals, the signed zip, fsync), next to the floor: plain ``sqlite3``
  ``ATTACH`` + ``INSERT … SELECT`` of the same rows into a fresh file.  The
  large station is ``--large`` (copied; default ``<data-dir>/large``, made
  with the ``large`` demo size the first time: that takes long).
* **Import** of ``--files`` station files × ~10,000 rows into a township on
  SQLite: :func:`app.sync.importer.import_file` of each (every check of the
  envelope and the payload, the classification and quarantine rules, the
  totals re-check, coverage, chain verification), next to the floor: a raw
  ``executemany`` of the same rows into the same schema, one transaction per
  file, with the same PRAGMAs.

The station files are made once and cached under ``<data-dir>/files-v<N>``
(more are added when ``--files`` grows): one demo station of ~10,000 rows is
exported, and each further file is that payload given another station's ids
(every UUID's last four hex digits), code, name and signing key, its audit
chain re-hashed and its anchor re-signed — so every file is a real, signed
file of a distinct enrolled station, and 300 of them are 3 M distinct rows.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests" / "services"))

from app.db import Database  # noqa: E402
from app.db.migrate import head_revision  # noqa: E402
from app.demo.station import SIZES, DemoSize, create_demo_station  # noqa: E402
from app.models.base import syncable_tables  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.sync.envelope import payload_tables, quote  # noqa: E402
from app.sync.export import export_sync  # noqa: E402
from app.sync.importer import import_file  # noqa: E402

FILES_VERSION = 1  # bump when the made files would differ (generator, size); the schema
# revision is part of the cache's name too: a township refuses files of another schema
BASE_SIZE = DemoSize(
    households=220,
    volunteers=40,
    activities=30,
    ledger_entries=4_432,
    redemptions=120,
    scan_events=300,
)
EXPORT_ROWS = 10_000


# --- the station files ---------------------------------------------------------------


def _uuid_expr(column: str, suffix: str) -> str:
    c = quote(column)
    return (
        f"CASE WHEN typeof({c}) = 'text' AND length({c}) = 36 AND substr({c}, 9, 1) = '-' "
        f"AND substr({c}, 24, 1) = '-' THEN substr({c}, 1, 32) || '{suffix}' ELSE {c} END"
    )


def _other_uuid(value: str, suffix: str) -> str:
    return value[:32] + suffix if len(value) == 36 and value[8] == "-" else value


def _station_file(base: Path, manifest: dict[str, Any], k: int, folder: Path) -> dict[str, str]:
    """Station *k*'s file made from the base payload; returns its enrolment facts."""
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
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
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


def make_files(cache: Path, wanted: int) -> tuple[list[Path], list[dict[str, str]]]:
    """The cached station files (made when missing) and their stations' enrolment facts."""
    from sync_helpers import make_township

    cache.mkdir(parents=True, exist_ok=True)
    base = cache / "base-payload.sqlite"
    if not base.is_file():
        print("making the base station (one demo station of ~10,000 rows)…", flush=True)
        shutil.rmtree(cache / "base", ignore_errors=True)
        data_dir = DataDir(cache / "base")
        db = create_demo_station(data_dir, BASE_SIZE, seed=7)
        summary = export_sync(db, data_dir, cache / "base-file", full=True)
        db.dispose()
        with zipfile.ZipFile(summary.path) as zf:
            (cache / "base-manifest.json").write_bytes(zf.read("manifest.json"))
            base.write_bytes(zf.read("payload.sqlite"))
        shutil.rmtree(cache / "town", ignore_errors=True)
        make_township(cache / "town").db.dispose()
    manifest = json.loads((cache / "base-manifest.json").read_text("utf-8"))
    listing = cache / "stations.json"
    stations: list[dict[str, str]] = json.loads(listing.read_text()) if listing.is_file() else []
    folder = cache / "files"
    if len(stations) < wanted:
        print(f"making station files {len(stations) + 1}–{wanted}…", flush=True)
        start = time.perf_counter()
        for k in range(len(stations), wanted):
            stations.append(_station_file(base, manifest, k + 1, folder))
            listing.write_text(json.dumps(stations))
        print(f"  made in {time.perf_counter() - start:.0f} s", flush=True)
    files = [folder / f"{s['code']}_1-{manifest['seq_to']}.wbsync" for s in stations[:wanted]]
    return files, stations[:wanted]


def enrol_all(township: Path, stations: list[dict[str, str]]) -> None:
    con = sqlite3.connect(township, isolation_level=None)
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO sync_station (station_id, code, name, public_key, fingerprint, "
        "enrolled_at, chain_seq, chain_hash, chain_problem) "
        "VALUES (?, ?, ?, ?, ?, '2026-01-01 00:00:00.000000', 0, '', '')",
        [
            (s["station_id"], s["code"], s["name"], s["public_key"], s["fingerprint"])
            for s in stations
        ],
    )
    con.execute("COMMIT")
    con.close()


# --- the floors ----------------------------------------------------------------------


def raw_export_floor(station_db: Path, target: Path, lower: int) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("ATTACH DATABASE ? AS s", (f"file:{station_db.as_posix()}?mode=ro",))
    con.execute("BEGIN")
    for table, columns in payload_tables().items():
        if table not in syncable_tables():
            continue
        cols = ", ".join(quote(c) for c in columns)
        con.execute(f"CREATE TABLE main.{quote(table)} ({cols})")
        con.execute(
            f"INSERT INTO main.{quote(table)} SELECT {cols} FROM s.{quote(table)} "
            "WHERE change_seq > ?",
            (lower,),
        )
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - start


def raw_import_floor(township_db: Path, files: list[Path]) -> float:
    """executemany of every payload's rows, one transaction per file (extraction not timed)."""
    from app.db import BUSY_TIMEOUT_MS
    from app.sync.importer import IMPORT_CACHE_KIB, _table_order

    order = _table_order()
    con = sqlite3.connect(township_db, isolation_level=None)
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "trusted_schema = OFF",
        f"cache_size = -{IMPORT_CACHE_KIB}",  # the importer's page cache too
    ):
        con.execute(f"PRAGMA {pragma}")
    spent = 0.0
    with tempfile.TemporaryDirectory(prefix="wb-floor-") as tmp:
        payload = Path(tmp) / "payload.sqlite"
        for path in files:
            with zipfile.ZipFile(path) as zf:
                payload.write_bytes(zf.read("payload.sqlite"))
            src = sqlite3.connect(payload)
            start = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            for table in order:
                columns = payload_tables()[table]
                cols = ", ".join(quote(c) for c in columns)
                rows = src.execute(f"SELECT {cols} FROM {quote(table)}").fetchall()
                con.executemany(
                    f"INSERT INTO {quote(table)} ({cols}) VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )
            con.execute("COMMIT")
            spent += time.perf_counter() - start
            src.close()
    con.close()
    return spent


# --- export --------------------------------------------------------------------------


def bench_export(args: argparse.Namespace) -> None:
    from app.services.station import INCARNATION, set_state
    from app.sync.export import ACKED_INCARNATION, ACKED_SEQ

    large = args.large or args.data_dir / "large"
    if not (large / "station.db").is_file():
        print(f"making a large demo station in {large} (this takes long, once)…", flush=True)
        create_demo_station(DataDir(large), SIZES["large"], seed=1).dispose()
    work = args.data_dir / "work-large"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(large, work, ignore=shutil.ignore_patterns("backups"))
    data_dir = DataDir(work)
    db = Database(data_dir.database)
    # the township has acknowledged everything; then 10,000 households change in one
    # transaction, stamped as the stamping hook stamps them (the next change_seq, a
    # higher row_version) — 10,000 changed rows among the station's millions
    with db.write() as session:
        conn = session.connection()
        incarnation = conn.exec_driver_sql(
            "SELECT value FROM local_state WHERE key = ?", (INCARNATION,)
        ).scalar()
        lower = int(conn.exec_driver_sql("SELECT value FROM change_counter").scalar() or 0)
        set_state(session, ACKED_SEQ, str(lower))
        set_state(session, ACKED_INCARNATION, str(incarnation))
    with db.write() as session:
        conn = session.connection()
        seq = conn.exec_driver_sql(
            "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"
        ).scalar()
        changed = conn.exec_driver_sql(
            "UPDATE household SET note = note || '.', row_version = row_version + 1, "
            "change_seq = ? WHERE id IN (SELECT id FROM household ORDER BY number LIMIT ?)",
            (seq, EXPORT_ROWS),
        ).rowcount
    assert changed == EXPORT_ROWS, changed
    times = []
    rows = 0
    for n in range(4):
        start = time.perf_counter()
        summary = export_sync(db, data_dir, work / f"stick{n}")
        times.append(time.perf_counter() - start)
        rows = summary.rows
    db.dispose()
    floors = []
    for n in range(4):
        target = work / f"floor{n}.sqlite"
        floors.append(raw_export_floor(data_dir.database, target, lower))
    best, floor = min(times[1:]), min(floors)  # the first export also loads the code
    size = data_dir.database.stat().st_size / 1024**3
    print(
        f"export of {rows:,} changed rows from a {size:.1f} GB station: {best * 1000:.0f} ms "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)} ms; "
        f"floor INSERT … SELECT {floor * 1000:.0f} ms; ratio {best / floor:.1f}×; "
        f"target ≤ 1000 ms and ≤ 3×)",
        flush=True,
    )
    shutil.rmtree(work, ignore_errors=True)


# --- import --------------------------------------------------------------------------


def bench_import(args: argparse.Namespace) -> None:
    cache = args.data_dir / f"files-v{FILES_VERSION}-{head_revision()}"
    files, stations = make_files(cache, args.files)
    work = args.data_dir / "work-town"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(cache / "town", work / "town")
    shutil.copytree(cache / "town", work / "floor")
    town_dir = DataDir(work / "town")
    enrol_all(town_dir.database, stations)
    enrol_all(DataDir(work / "floor").database, stations)
    town = Database(town_dir.database)
    total = held = 0
    start = time.perf_counter()
    for n, path in enumerate(files, 1):
        verdict = import_file(town, path)
        total += verdict.applied
        held += verdict.quarantined
        if n % 50 == 0:
            spent = time.perf_counter() - start
            print(f"  {n} files: {spent:.1f} s, {total / spent:,.0f} rows/s", flush=True)
    imported = time.perf_counter() - start
    town.dispose()
    floor = raw_import_floor(DataDir(work / "floor").database, files)
    print(
        f"import of {len(files)} files, {total:,} rows ({held} held back): {imported:.1f} s, "
        f"{total / imported:,.0f} rows/s (floor executemany {floor:.1f} s, "
        f"{total / floor:,.0f} rows/s; ratio {imported / floor:.1f}×; target ≤ 60 s at 300 "
        "files and ≤ 3×)",
        flush=True,
    )
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/wb-bench-sync"))
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--large", type=Path, default=None)
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args()
    if not args.no_export:
        bench_export(args)
    if not args.no_import:
        bench_import(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
