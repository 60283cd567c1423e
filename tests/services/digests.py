"""A digest of every table of a database: what a refused action must leave unchanged."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def table_digests(path: Path) -> dict[str, str]:
    """One SHA-256 per table over all its rows in primary-key order, and one of the schema."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        digests = {}
        for name in sorted(names):
            h = hashlib.sha256()
            for row in con.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(row).encode())
            digests[name] = h.hexdigest()
        schema = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        digests["<schema>"] = hashlib.sha256(repr(schema).encode()).hexdigest()
        return digests
    finally:
        con.close()
