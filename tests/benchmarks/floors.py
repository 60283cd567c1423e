"""Raw floors the benchmarks print beside their figures (measured in the same run).

* :func:`bare_transactions` — one ``BEGIN IMMEDIATE … COMMIT`` of *rows* rows of
  ~200 bytes with plain ``sqlite3``, on the same file and with the station's
  PRAGMAs (WAL, ``synchronous=FULL``): what a commit of that size costs before any
  of the app's work.
* :class:`WriteCounter` — how many rows (INSERT and UPDATE statements, an
  ``executemany`` counted per row) a piece of the app's work wrote, so the floor
  writes as many.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import event


def bare_transactions(path: Path, rows: int, runs: int) -> list[float]:
    """Seconds per transaction of *rows* rows, *runs* times, on the file at *path*."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE IF NOT EXISTS bench_floor (id TEXT PRIMARY KEY, payload TEXT)")
        payload = "x" * 200
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.executemany(
                "INSERT INTO bench_floor (id, payload) VALUES (?, ?)",
                [(str(uuid.uuid4()), payload) for _ in range(max(1, rows))],
            )
            con.execute("COMMIT")
            out.append(time.perf_counter() - t)
        con.execute("DROP TABLE bench_floor")
        return out
    finally:
        con.close()


class WriteCounter:
    """Counts the rows written through *engine* while the block runs::

    with WriteCounter(db.engine) as written:
        work()
    per_call = written.rows / calls
    """

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.rows = 0

    def _count(self, _conn, _cursor, statement: str, params, _context, executemany: bool) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.rows += len(params) if executemany else 1

    def __enter__(self) -> WriteCounter:
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        event.remove(self.engine, "before_cursor_execute", self._count)
