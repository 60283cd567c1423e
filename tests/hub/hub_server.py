"""The real hub in a subprocess: ``python main.py hub … --workers 2`` on a free loopback port.

:class:`HubServer` starts it, waits (with a deadline, polling health) until
it answers, and stops or SIGKILLs it — its whole process group, the uvicorn
supervisor and its workers, which run in a session of their own.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE_S = 90.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubServer:
    def __init__(
        self,
        data_dir: Path,
        log: Path,
        *extra: str,
        workers: int = 2,
        program: Sequence[str] = (sys.executable, "main.py"),
    ) -> None:
        """*program*: what runs ``main.py`` — the source checkout's by default, or an
        installed bundle's executable (tests/installers)."""
        self.data_dir = data_dir
        self.log = log
        self.extra = extra
        self.workers = workers
        self.program = tuple(program)
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubServer:
        self.port = free_port()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    *self.program,
                    "hub",
                    "--data-dir",
                    str(self.data_dir),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.workers),
                    *self.extra,
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until(self._answers, START_DEADLINE_S, "the hub to answer /api/v1/health")
        return self

    def _answers(self) -> bool:
        try:
            return httpx.get(self.url + "/api/v1/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def wait_until(self, condition: Callable[[], bool], deadline_s: float, what: str) -> None:
        """Poll *condition* until the deadline; paced by waiting on the hub process itself
        (so a hub that dies is noticed at once)."""
        assert self.proc is not None
        end = time.monotonic() + deadline_s
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {what}\n{self.output()}")
            try:
                code = self.proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the hub exited ({code}) waiting for {what}\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.resume()
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def pause(self) -> None:
        """SIGSTOP the hub: it still accepts connections (the kernel does) but answers
        nothing — a stalled hub — until :meth:`resume`."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGCONT)

    def requests(self, method: str, path: str) -> list[int]:
        """The statuses of the requests the hub logged for *method* *path*, in order."""
        pattern = re.compile(rf"^.*{method} {re.escape(path)} (\d{{3}}) ", re.MULTILINE)
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [int(s) for s in pattern.findall(text)]

    def kill(self) -> None:
        """SIGKILL the supervisor and its workers (the process group we started)."""
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=20)
