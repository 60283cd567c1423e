"""A private PostgreSQL server for the tests (issue 8: the schema on a hub's database).

``./dev.sh`` installs Debian's ``postgresql``; this starts a throw-away
cluster of it: ``initdb`` into a fresh folder, ``postgres`` listening on a
unix socket in that folder only (no TCP port), trust authentication for the
one user.  initdb and postgres refuse to run as root, so as root (CI) they
run as the ``postgres`` system user the package creates.

Outside CI (``CI`` unset) a machine without the binaries skips the tests
that need the server; in CI a missing or failing server is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

READY_TIMEOUT_S = 60.0
USER = "wb"


def bin_dir() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, if any."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root without runuser: cannot start PostgreSQL")
    return [runuser, "-u", "postgres", "--"]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[-1]} failed: {done.stdout}\n{done.stderr}")


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a private server; yields its SQLAlchemy URL (database ``postgres``)."""
    binaries = bin_dir()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (./dev.sh installs it); CI needs it")
        pytest.skip("PostgreSQL binaries are not installed (./dev.sh installs them)")
    # a short path: the server's unix socket lives in it (at most ~100 characters)
    folder = Path(tempfile.mkdtemp(prefix="wb-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    prefix = _as_server_user()
    if prefix:
        shutil.chown(folder, user="postgres")
    data = folder / "data"
    try:
        _run(
            [
                *prefix,
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                USER,
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C",
            ]
        )
        _run(
            [
                *prefix,
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-o",
                f"-k {folder} -c listen_addresses='' -F",
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        try:
            _wait_ready(binaries, folder)
            yield f"postgresql+psycopg://{USER}@/postgres?host={folder}"
        finally:
            _run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _wait_ready(binaries: Path, socket_dir: Path) -> None:
    """Poll ``pg_isready`` until the server accepts connections, within a deadline."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        ready = subprocess.run(
            [str(binaries / "pg_isready"), "-h", str(socket_dir), "-U", USER, "-t", "5"],
            capture_output=True,
            check=False,
        )
        if ready.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise RuntimeError("PostgreSQL did not become ready in time")
