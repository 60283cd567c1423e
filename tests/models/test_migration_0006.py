"""Schema 0006 (issue 8): what it does to a released single-station file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db import Database, migrate

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema_0005.sqlite"


def test_0006_names_the_pcs_station_and_scopes_the_anchors_and_uniques(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    shutil.copy(FIXTURE, path)
    con = sqlite3.connect(path)
    (station,) = con.execute("SELECT id FROM station").fetchone()
    con.execute(
        "INSERT INTO audit_anchor (seq, entry_hash, at, reason, signature) "
        "VALUES (1, 'h', '2026-12-01 00:00:00.000000', 'backup', 's')"
    )
    con.commit()
    con.close()
    db = Database(path)
    migrate.upgrade(db.engine)
    db.dispose()
    con = sqlite3.connect(path)
    try:
        mark = con.execute("SELECT value FROM local_state WHERE key = 'own_station_id'")
        assert mark.fetchone() == (station,)
        assert con.execute("SELECT station_id FROM audit_anchor").fetchall() == [(station,)]
        # the anchors are append-only again after the one UPDATE
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE audit_anchor SET reason = 'x'")
        # a barcode is unique within its station, not across stations
        barcode, goods_id = con.execute(
            "SELECT barcode, id FROM goods WHERE barcode IS NOT NULL LIMIT 1"
        ).fetchone()
        row = con.execute("SELECT * FROM goods WHERE id = ?", (goods_id,)).fetchone()
        names = [c[1] for c in con.execute("PRAGMA table_info(goods)")]
        copy = dict(zip(names, row, strict=True))
        copy["id"] = goods_id[:-1] + ("0" if goods_id[-1] != "0" else "1")
        columns = ", ".join(copy)
        marks = ", ".join("?" * len(copy))
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            con.execute(f"INSERT INTO goods ({columns}) VALUES ({marks})", tuple(copy.values()))
        copy["station_id"] = "another-station"
        con.execute(f"INSERT INTO goods ({columns}) VALUES ({marks})", tuple(copy.values()))
        assert con.execute(
            "SELECT count(*) FROM goods WHERE barcode = ?", (barcode,)
        ).fetchone() == (2,)
    finally:
        con.close()
