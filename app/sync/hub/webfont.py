"""The bundled CJK font as a single TrueType font a browser accepts.

The app bundles WenQuanYi Micro Hei as a TrueType collection (``.ttc``);
browsers refuse it (their font sanitizer finds a misaligned table in the
collection).  :func:`first_font` takes the collection's first font and writes it
out as a plain ``.ttf``: its tables 4-byte aligned, the FontForge timestamp
table (``FFTM``) left out, the checksums recomputed.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

_DROP = {b"FFTM"}


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def first_font(collection: bytes) -> bytes:
    """The first font of a TrueType collection as a standalone font file."""
    if collection[:4] != b"ttcf":
        return collection
    (offset,) = struct.unpack_from(">I", collection, 12)
    version, count = struct.unpack_from(">IH", collection, offset)
    tables: list[tuple[bytes, bytes]] = []
    for i in range(count):
        tag, _, start, length = struct.unpack_from(">4sIII", collection, offset + 12 + 16 * i)
        if tag not in _DROP:
            tables.append((tag, collection[start : start + length]))
    tables.sort()
    n = len(tables)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(
        ">IHHHH", version, n, power * 16, power.bit_length() - 1, n * 16 - power * 16
    )
    position = 12 + 16 * n
    records, bodies = [], []
    head_at = -1
    for tag, data in tables:
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]  # checkSumAdjustment, set below
            head_at = position
        records.append(struct.pack(">4sIII", tag, _checksum(data), position, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        bodies.append(padded)
        position += len(padded)
    font = bytearray(header + b"".join(records) + b"".join(bodies))
    if head_at >= 0:
        struct.pack_into(
            ">I", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
        )
    return bytes(font)


@cache
def web_font(path: Path) -> bytes:
    return first_font(path.read_bytes())
