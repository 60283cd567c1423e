"""Two imports of one sync file at the same moment (two hub workers, two township windows)."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db import Database
from app.sync.importer import Verdict, import_file

WAIT_S = 60.0


def import_twice_at_once(
    first: Database,
    second: Database,
    path: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    during: Callable[[], None] | None = None,
) -> list[Verdict]:
    """Import *path* through *first* and *second* in two threads, overlapping for certain.

    The first import holds its write transaction open (in its progress callback) until
    the second has passed its "imported already?" check — the second's temporary folder
    for the payload is made only after that check — so both have found the file new.
    *during* is called then, inside the first import's transaction.
    """
    folder.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    results: dict[str, Verdict | BaseException] = {}

    def second_has_checked() -> bool:
        return len(list(folder.glob("wb-import-*"))) >= 2

    def progress(done: int, _total: int) -> None:
        if done != 1:
            return
        worker = threading.Thread(target=run, args=("second", second, None))
        worker.start()
        threads.append(worker)
        deadline = time.monotonic() + WAIT_S
        while not second_has_checked():
            if time.monotonic() > deadline:
                raise AssertionError("the second import never started")
            threading.Event().wait(0.005)
        if during is not None:
            during()

    def run(name: str, db: Database, report) -> None:
        try:
            results[name] = import_file(db, path, progress=report)
        except BaseException as exc:  # handed to the test below
            results[name] = exc

    threads: list[threading.Thread] = []
    run("first", first, progress)
    for worker in threads:
        worker.join(WAIT_S)
    for name in ("first", "second"):
        if isinstance(results.get(name), BaseException):
            raise results[name]  # type: ignore[misc]
    return [results["first"], results["second"]]  # type: ignore[list-item]
