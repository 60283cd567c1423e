"""Hostile and awkward pictures, built at test time with Pillow, zlib and zipfile."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image


def jpeg(width: int = 60, height: int = 80, color: str = "red", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", **save)
    return out.getvalue()


def png(width: int = 60, height: int = 80, mode: str = "RGB", color: object = "blue") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), color).save(out, "PNG")  # type: ignore[arg-type]
    return out.getvalue()


def rotated_jpeg_with_gps() -> bytes:
    """A 60×80 JPEG whose EXIF says "rotate 90° clockwise to view" and holds a GPS fix."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned
    exif[0x010F] = "CameraMaker"
    gps = {1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)}
    exif[0x8825] = gps
    return jpeg(60, 80, exif=exif.tobytes())


def animated_gif() -> bytes:
    frames = [Image.new("P", (40, 30), i) for i in (1, 2, 3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width: int = 12000, height: int = 12000) -> bytes:
    """A real, valid grey PNG of width × height (12000×12000 packs to about 420 KB),
    compressed row by row so it is built in a fraction of a second."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width  # filter byte "none", then black pixels
    parts = [packer.compress(row) for _ in range(height)]
    idat = b"".join(parts) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def header_only_png(width: int, height: int) -> bytes:
    """A PNG header claiming width × height, with one tiny broken IDAT: a pixel bomb's shape."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 64))


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("secret.txt", "not a picture")
    return out.getvalue()


def polyglot() -> bytes:
    """A valid JPEG with a zip appended (opens as a picture and as an archive)."""
    return jpeg() + zip_bytes()


def truncated_jpeg() -> bytes:
    data = jpeg(400, 300, "green", quality=95)
    return data[: len(data) // 2]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
