"""Hostile .xlsx files, built at test time with zipfile (or raw zip records).

:func:`workbook` writes a minimal, valid workbook from its parts — every part
may be bytes or an iterable of byte chunks, so a part of tens of megabytes is
streamed through deflate without being held in memory.  :func:`raw_zip`
writes zip records by hand, for what zipfile will not write: an entry whose
header lies about its size, or a 2 GiB entry made of one pre-compressed
megabyte repeated (deflate blocks after a full flush stand alone).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

Chunks = bytes | Iterable[bytes]

MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (
    DECL + b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    DECL + b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>"
)
WORKBOOK = (
    DECL
    + b"<workbook "
    + MAIN
    + b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    DECL + b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)
SHEET_HEAD = DECL + b"<worksheet " + MAIN + b"><sheetData>"
SHEET_TAIL = b"</sheetData></worksheet>"
SST_HEAD = DECL + b"<sst " + MAIN + b">"
SST_TAIL = b"</sst>"

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)
XXE = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def header_row() -> bytes:
    """Row 1 of a households roster: 户号, 姓名, 与户主关系."""
    return (
        b'<row r="1">'
        + inline("A1", "户号")
        + inline("B1", "姓名")
        + inline("C1", "与户主关系")
        + b"</row>"
    )


def data_row(n: int, number: str = "001", name: str = "王五", relation: str = "户主") -> bytes:
    return (
        f'<row r="{n}">'.encode()
        + inline(f"A{n}", number)
        + inline(f"B{n}", name)
        + inline(f"C{n}", relation)
        + b"</row>"
    )


def sheet(*rows: Chunks, head: bytes = SHEET_HEAD, tail: bytes = SHEET_TAIL) -> Iterator[bytes]:
    """The sheet XML: *head*, the rows (each bytes or an iterable of chunks), *tail*."""
    yield head
    for r in rows:
        if isinstance(r, bytes):
            yield r
        else:
            yield from r
    yield tail


def good_sheet() -> Iterator[bytes]:
    return sheet(header_row(), data_row(2))


def workbook(
    path: Path,
    sheet_xml: Chunks | None = None,
    shared_strings: Chunks | None = None,
    *,
    extra: dict[str, Chunks] | None = None,
    replace: dict[str, Chunks] | None = None,
) -> Path:
    """A workbook of one sheet; *replace* swaps any standard part, *extra* adds parts."""
    parts: dict[str, Chunks] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet_xml if sheet_xml is not None else good_sheet(),
        "xl/sharedStrings.xml": shared_strings
        if shared_strings is not None
        else SST_HEAD + SST_TAIL,
    }
    parts.update(replace or {})
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            with zf.open(name, "w", force_zip64=True) as out:
                for chunk in [data] if isinstance(data, bytes) else data:
                    out.write(chunk)
    return path


def repeated(chunk: bytes, total: int) -> Iterator[bytes]:
    """*total* bytes of *chunk* repeated, in chunk-sized pieces."""
    while total > 0:
        piece = chunk[: min(len(chunk), total)]
        total -= len(piece)
        yield piece


def shared_strings(count: int, text: bytes = b"a") -> Iterator[bytes]:
    yield SST_HEAD
    block = b"<si><t>" + text + b"</t></si>"
    for start in range(0, count, 10_000):
        yield block * min(10_000, count - start)
    yield SST_TAIL


# --- hand-made zip records ----------------------------------------------------------------


class RawEntry:
    """One entry as raw deflate data, with whatever sizes and CRC the header should claim."""

    def __init__(
        self,
        name: str,
        deflated: Iterable[bytes],
        *,
        file_size: int,
        compress_size: int,
        crc: int = 0,
    ) -> None:
        self.name = name.encode()
        self.deflated = deflated
        self.file_size = file_size
        self.compress_size = compress_size
        self.crc = crc


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def entry(name: str, data: bytes, *, claim_size: int | None = None) -> RawEntry:
    """*data* deflated; the header claims *claim_size* bytes (a lie) when given."""
    packed = deflate(data)
    return RawEntry(
        name,
        [packed],
        file_size=len(data) if claim_size is None else claim_size,
        compress_size=len(packed),
        crc=zlib.crc32(data),
    )


def whitespace_bomb(name: str, head: bytes, size: int, tail: bytes) -> RawEntry:
    """*head*, *size* spaces and *tail*, deflated in constant time per megabyte.

    One megabyte of spaces is compressed once and ended with a full flush, so
    its deflate blocks stand alone and can simply be repeated.  The CRC is not
    computed (a 2 GiB CRC takes seconds); the check refuses the entry long
    before a CRC would be compared.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    mb = 1 << 20
    block = c.compress(b" " * mb) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush()
    count = size // mb
    return RawEntry(
        name,
        [first, *(block for _ in range(count)), last],
        file_size=len(head) + count * mb + len(tail),
        compress_size=len(first) + count * len(block) + len(last),
    )


def raw_zip(path: Path, entries: Iterable[RawEntry]) -> Path:
    """Write *entries* as a zip (method deflate), headers exactly as each entry claims."""
    central = []
    with path.open("wb") as f:
        for e in entries:
            offset = f.tell()
            f.write(
                struct.pack(
                    "<4s5H3L2H",
                    b"PK\x03\x04",
                    20,
                    0,
                    8,
                    0,
                    0,
                    e.crc,
                    e.compress_size,
                    e.file_size,
                    len(e.name),
                    0,
                )
                + e.name
            )
            for chunk in e.deflated:
                f.write(chunk)
            central.append(
                struct.pack(
                    "<4s6H3L5H2L",
                    b"PK\x01\x02",
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    e.crc,
                    e.compress_size,
                    e.file_size,
                    len(e.name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + e.name
            )
        start = f.tell()
        for record in central:
            f.write(record)
        size = f.tell() - start
        f.write(
            struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0)
        )
    return path


def standard_entries(sheet_entry: RawEntry | None = None) -> list[RawEntry]:
    """The parts of :func:`workbook` as raw entries, the sheet replaced by *sheet_entry*."""
    out = [
        entry("[Content_Types].xml", CONTENT_TYPES),
        entry("_rels/.rels", ROOT_RELS),
        entry("xl/workbook.xml", WORKBOOK),
        entry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        entry("xl/sharedStrings.xml", SST_HEAD + SST_TAIL),
    ]
    out.append(sheet_entry or entry("xl/worksheets/sheet1.xml", b"".join(good_sheet())))
    return out
