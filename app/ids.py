"""Record identity: UUIDv7 strings generated on the station.

DESIGN §3: every syncable row has a primary key made locally, time-ordered so
that B-tree inserts stay at the right edge of the index, and unique across
stations so township imports never collide.  Python 3.11 has no ``uuid.uuid7``,
so the RFC 9562 layout is built here.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """Return a RFC 9562 version-7 UUID, monotonic within this process."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same millisecond (or the clock stepped back): keep ordering by
            # bumping the 12-bit counter, borrowing the last timestamp.
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        counter = _counter
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new record id as the canonical 36-character string."""
    return str(uuid7())
