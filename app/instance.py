"""One running program per data folder.

Two instances writing one station database would each believe they own the
audit chain and the counters, so the second is refused with a clear message.
QLockFile (QtCore only) writes the owner's PID and host into
``<data>/instance.lock`` and recognises a stale lock left by a crash or a
power cut, so a killed program never locks the station out.
"""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from app.paths import DataDir


class InstanceLock:
    """Held for the life of the program; ``release()`` on exit."""

    def __init__(self, lock: QLockFile) -> None:
        self._lock = lock

    def release(self) -> None:
        self._lock.unlock()


def acquire_instance_lock(data_dir: DataDir) -> InstanceLock | None:
    """Lock *data_dir* for this process; ``None`` when another instance holds it."""
    data_dir.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir.lock_file))
    # Age never makes a lock stale (a station may run for weeks); QLockFile
    # still takes over a lock whose owner process is gone from this host.
    lock.setStaleLockTime(0)
    return InstanceLock(lock) if lock.tryLock(0) else None


def holder_pid(data_dir: DataDir) -> int | None:
    """The PID written in the lock file by its holder, if any (for messages)."""
    pid, _host, _app = QLockFile(str(data_dir.lock_file)).getLockInfo()
    return int(pid) if pid else None
