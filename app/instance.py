"""One running program per data folder.

Two instances writing one station database would each believe they own the
audit chain and the counters, so the second is refused with a clear message.
QLockFile (QtCore only) writes the owner's PID and host into
``<data>/instance.lock`` and recognises a stale lock left by a crash or a
power cut, so a killed program never locks the station out.

A lock written by *another computer* cannot be checked from here (its PID
means nothing on this host): that happens when a data folder on a USB disk or
a network share was left open elsewhere, or was copied from a PC that died.
Such a lock is never taken over silently; :func:`lock_holder` says who holds
it, and :func:`take_over_instance_lock` takes it after the person confirmed
(the app asks, naming the other computer).

On Windows the holder also keeps the named mutex :data:`APP_MUTEX` (in its own
session and ``Global\\``): the installer's ``AppMutex``, by which Setup and the
uninstaller see that the program is running and ask to close it first
(installers/windows/station-workbench.iss).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLockFile, QSysInfo

from app.paths import DataDir

log = logging.getLogger(__name__)


APP_MUTEX = "StationWorkbenchRunning"


def _kernel32() -> Any:
    """Windows' kernel32 with the prototypes used here (a private instance: setting
    them on ctypes.windll's shared one would change them for every other caller)."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, ctypes.c_bool, ctypes.c_wchar_p)
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    return kernel32


def _hold_app_mutex() -> list[int]:
    """Windows: handles of the named mutexes that say the program runs; [] elsewhere."""
    if sys.platform != "win32":
        return []
    create = _kernel32().CreateMutexW
    handles = [create(None, False, name) for name in (APP_MUTEX, "Global\\" + APP_MUTEX)]
    return [int(h) for h in handles if h]


def _close_handles(handles: list[int]) -> None:
    if handles and sys.platform == "win32":
        close = _kernel32().CloseHandle
        for handle in handles:
            close(handle)


@dataclass
class InstanceLock:
    """Held for the life of the program; ``release()`` on exit."""

    _lock: QLockFile
    _mutexes: list[int] = field(default_factory=list)

    def release(self) -> None:
        _close_handles(self._mutexes)
        self._mutexes = []
        self._lock.unlock()


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str

    @property
    def on_this_computer(self) -> bool:
        return not self.host or self.host == QSysInfo.machineHostName()


def acquire_instance_lock(data_dir: DataDir) -> InstanceLock | None:
    """Lock *data_dir* for this process; ``None`` when another instance holds it."""
    data_dir.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir.lock_file))
    # Age never makes a lock stale (a station may run for weeks); QLockFile
    # still takes over a lock whose owner process is gone from this host.
    lock.setStaleLockTime(0)
    return InstanceLock(lock, _hold_app_mutex()) if lock.tryLock(0) else None


def lock_holder(data_dir: DataDir) -> LockHolder | None:
    """Who holds the data folder's lock (``None``: nobody, or the file is unreadable)."""
    if not data_dir.lock_file.exists():
        return None
    pid, host, _app = QLockFile(str(data_dir.lock_file)).getLockInfo()
    return LockHolder(int(pid or 0), str(host or "")) if pid else None


def holder_pid(data_dir: DataDir) -> int | None:
    """The PID written in the lock file by its holder, if any (for messages)."""
    holder = lock_holder(data_dir)
    return holder.pid if holder else None


def take_over_instance_lock(data_dir: DataDir) -> InstanceLock | None:
    """Take a lock left by another computer, after the person confirmed it.

    Refused (``None``) when the holder runs on this computer: that program is
    really open, and two on one database must never be.
    """
    holder = lock_holder(data_dir)
    if holder is not None and holder.on_this_computer:
        return acquire_instance_lock(data_dir)
    log.warning(
        "taking over the data folder lock of %s (pid %s)",
        holder.host if holder else "?",
        holder.pid if holder else "?",
    )
    data_dir.lock_file.unlink(missing_ok=True)
    return acquire_instance_lock(data_dir)
