"""An .xlsx from outside is checked as a zip before openpyxl parses any of it.

A roster arrives on a USB stick or by chat, so it is hostile input.  An .xlsx
is a zip of XML parts, and a few kilobytes of zip can unpack to gigabytes
(2 GiB of whitespace in a sheet is a 2 MB file; a 1.5 GiB shared string is
1.5 MB), and XML can declare entities that expand a thousandfold ("billion
laughs") or read local files (XXE).  openpyxl trusts both.  So
:func:`check_xlsx` reads the zip's directory and then every part, streaming,
*before* openpyxl opens the file, and raises :class:`RosterError` with a
translated sentence when

* the file is not a zip, is larger than :data:`MAX_FILE_BYTES`, or has more
  than :data:`MAX_ENTRIES` parts (read from the end-of-directory record, before
  Python builds an object per entry);
* a part declares more than :data:`MAX_PART_BYTES` unpacked, or all parts more
  than :data:`MAX_TOTAL_BYTES`, or a part is packed more than
  :data:`MAX_RATIO` times smaller than its content (real workbooks pack
  10–30 times; bombs a thousand);
* while unpacking, a part turns out larger than it declared (the CRC check
  catches the rest), or larger than its kind allows: a worksheet
  :data:`MAX_SHEET_BYTES`, the shared strings :data:`MAX_STRINGS_BYTES`, any
  other XML part (parsed whole by openpyxl) :data:`MAX_OTHER_XML_BYTES` — the
  kind is read from the part's first bytes, not its name, because the
  workbook's relationships may point anywhere;
* any part holds a ``<!DOCTYPE`` or ``<!ENTITY`` (Excel and WPS never write
  one) or XML in UTF-16/32 (which a byte scan could not read);
* the parts hold more than :data:`MAX_SHARED_STRINGS` shared strings, more
  than :data:`MAX_MERGES` merged ranges, more than :data:`MAX_ROW_ELEMENTS`
  ``<row>`` elements or more than :data:`MAX_CELLS` cells (counted in the
  bytes, so openpyxl never builds them; the cells bound the parse time).

Everything is bounded by :data:`MAX_SECONDS` as well (:class:`Deadline`, which
the row loop in app.services.households.roster keeps checking).  With
``defusedxml`` installed (a dependency) openpyxl parses with it, a second wall
against entities; the byte scan does not rely on it.
"""

from __future__ import annotations

import functools
import posixpath
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.i18n import QT_TRANSLATE_NOOP

MAX_FILE_BYTES = 50 * 1024 * 1024  # a 50,000-row roster is a few MB
MAX_ENTRIES = 1_000
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # only for parts over RATIO_FLOOR bytes: tiny parts pack oddly
RATIO_FLOOR = 1024 * 1024
MAX_SHEET_BYTES = 50 * 1024 * 1024
MAX_STRINGS_BYTES = 20 * 1024 * 1024
MAX_OTHER_XML_BYTES = 5 * 1024 * 1024  # styles, workbook, relationships: parsed whole
MAX_SHARED_STRINGS = 500_000
MAX_MERGES = 50_000
MAX_ROW_ELEMENTS = 200_000  # data rows are bounded lower; this bounds empty ones too
MAX_CELLS = 1_500_000  # 50,000 rows of 30 columns; openpyxl parses about 100,000 a second
MAX_SECONDS = 20.0
_CHUNK = 1 << 20
_MB = 1024 * 1024

# what the byte scan looks for: a DTD or entity (any case), or one element counted by
# its name with any namespace prefix and any whitespace after it
_TAGS = re.compile(
    rb"<(?:!((?i:DOCTYPE|ENTITY))|(?:[A-Za-z_][\w.-]{0,30}:)?(si|mergeCell|row|c)[\s/>])"
)
_TAIL = 64  # longer than any match: a match ending in the new chunk is counted once
_COUNTED = {b"si": "strings", b"mergeCell": "merges", b"row": "rows", b"c": "cells"}


class RosterError(DomainError):
    """The file as a whole cannot be imported (not xlsx, empty, too large, hostile...)."""


def _not_xlsx(path: Path) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and "
            "save it as .xlsx.",
        ),
        file=path.name,
    )


def damaged(path: Path) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is damaged and cannot be read. Open it in Excel or WPS, save it "
            "again as .xlsx, and import the new file.",
        ),
        file=path.name,
    )


def _too_big(path: Path, mb: int) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} unpacks to more than {mb} MB. A roster is far smaller; the file may be "
            "damaged or made to overload the computer. Nothing was imported.",
        ),
        file=path.name,
        mb=mb,
    )


class Deadline:
    """Raises :class:`RosterError` once *seconds* have passed since it was made."""

    def __init__(self, path: Path, seconds: float | None = None) -> None:
        self.path = path
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Reading {file} took longer than {seconds} seconds and was stopped. "
                    "Split it into smaller files and import them one by one.",
                ),
                file=self.path.name,
                seconds=round(self.seconds),
            )


@dataclass
class _Counts:
    total: int = 0
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTED.values(), 0))


def _entry_count(path: Path) -> int:
    """The number of entries the zip's end record declares (no ZipInfo objects yet)."""
    with path.open("rb") as f:
        end = zipfile._EndRecData(f)  # type: ignore[attr-defined]
    if end is None:
        raise _not_xlsx(path)
    return int(end[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]


def _looks_xml(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return not text or text.startswith(b"<")


def _wide_text(head: bytes) -> bool:
    """UTF-16 or UTF-32 XML (a BOM, or '<' next to NUL bytes)."""
    return head[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<") or head[:4] in (
        b"\x00\x00\xfe\xff",
        b"\x00\x00\x00<",
    )


# parts openpyxl reads by a fixed name and parses whole
_WHOLE = frozenset(
    {
        "[Content_Types].xml",
        "xl/styles.xml",
        "docProps/core.xml",
        "docProps/custom.xml",
        "xl/theme/theme1.xml",
    }
)
_NS_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_NS_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_WORKBOOK_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@dataclass
class _Roles:
    """Which parts openpyxl streams (worksheets, shared strings); any other XML part
    it may parse whole, so those get the small limit."""

    sheets: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)
    whole: set[str] = field(default_factory=lambda: set(_WHOLE))

    def limit(self, name: str, head: bytes) -> int:
        if name in self.whole or name.endswith(".rels"):
            return MAX_OTHER_XML_BYTES
        if name in self.sheets:
            return MAX_SHEET_BYTES
        if name in self.strings:
            return MAX_STRINGS_BYTES
        return MAX_OTHER_XML_BYTES if _looks_xml(head) else MAX_PART_BYTES


def _parse_small(zf: zipfile.ZipFile, name: str) -> Any:
    """A small control part, parsed with defusedxml (it was byte-scanned first)."""
    from defusedxml.ElementTree import fromstring

    return fromstring(zf.read(name), forbid_dtd=True)


def _roles(zf: zipfile.ZipFile, names: set[str]) -> _Roles:
    """The workbook's parts by role, found the way openpyxl finds them: the workbook
    and the shared strings from [Content_Types].xml, the sheets from the workbook's rels."""
    roles = _Roles()
    if "[Content_Types].xml" not in names:
        return roles
    workbook = ""
    for override in _parse_small(zf, "[Content_Types].xml").iter(f"{_NS_TYPES}Override"):
        part = (override.get("PartName") or "").lstrip("/")
        kind = override.get("ContentType") or ""
        if kind in _WORKBOOK_TYPES and not workbook:
            workbook = part
        elif kind == _STRINGS_TYPE:
            roles.strings.add(part)
    workbook = workbook or "xl/workbook.xml"
    roles.whole.add(workbook)
    folder, obj = posixpath.split(workbook)
    rels = posixpath.join(folder, "_rels", f"{obj}.rels")
    if rels in names:
        for rel in _parse_small(zf, rels).iter(f"{_NS_RELS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            target = (
                target[1:]
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            kind = rel.get("Type") or ""
            if kind.endswith("/worksheet"):
                roles.sheets.add(target)
            elif kind.endswith("/sharedStrings"):
                roles.strings.add(target)
            else:
                roles.whole.add(target)  # external links, pivot caches...: parsed whole
    roles.strings -= roles.whole
    roles.sheets -= roles.whole
    return roles


def _scan_part(
    path: Path,
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    limit_of: Callable[[bytes], int],
    counts: _Counts,
    deadline: Deadline,
) -> None:
    size = 0
    limit = 0
    tail = b""
    with zf.open(info) as part:
        while True:
            deadline.check()
            chunk = part.read(_CHUNK)
            if not chunk:
                break
            if not limit:
                if _wide_text(chunk):
                    raise RosterError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{file} contains XML in an encoding Excel and WPS do not write. "
                            "It is damaged or not a roster; nothing was imported.",
                        ),
                        file=path.name,
                    )
                limit = limit_of(chunk)
            size += len(chunk)
            counts.total += len(chunk)
            if size > info.file_size:
                raise damaged(path)  # more than the header said (zipfile stops there too)
            if size > limit:
                raise _too_big(path, limit // _MB)
            if counts.total > MAX_TOTAL_BYTES:
                raise _too_big(path, MAX_TOTAL_BYTES // _MB)
            text = tail + chunk
            for m in _TAGS.finditer(text):
                if m.end() <= len(tail):
                    continue  # inside the previous chunk: counted there
                if m.group(1):
                    raise RosterError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{file} contains XML entity or DOCTYPE declarations, which Excel and "
                            "WPS never write and which can be used to attack the computer. "
                            "Nothing was imported.",
                        ),
                        file=path.name,
                    )
                counts.found[_COUNTED[m.group(2)]] += 1
            tail = text[-_TAIL:]
            _check_counts(path, counts)


def _check_counts(path: Path, counts: _Counts) -> None:
    if counts.found["strings"] > MAX_SHARED_STRINGS:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} holds more than {max} different texts, far more than a roster. "
                "Split it into smaller files and import them one by one.",
            ),
            file=path.name,
            max=MAX_SHARED_STRINGS,
        )
    if counts.found["merges"] > MAX_MERGES:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} has more than {max} merged cells. Unmerge the cells (or split the "
                "file) and import again.",
            ),
            file=path.name,
            max=MAX_MERGES,
        )
    if counts.found["cells"] > MAX_CELLS:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} has more than {max} cells, far more than a roster. Split it into "
                "smaller files and import them one by one.",
            ),
            file=path.name,
            max=MAX_CELLS,
        )
    if counts.found["rows"] > MAX_ROW_ELEMENTS:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} has more than {max} rows, counting empty ones. Delete the empty rows "
                "at the end of the sheet, or split the file, and import again.",
            ),
            file=path.name,
            max=MAX_ROW_ELEMENTS,
        )


def check_xlsx(path: Path, deadline: Deadline | None = None) -> None:
    """Refuse *path* unless it is a zip openpyxl can parse within bounded time and memory."""
    path = Path(path)
    deadline = deadline or Deadline(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} is larger than {mb} MB. A roster is far smaller; check that you "
                    "chose the right file, or split it.",
                ),
                file=path.name,
                mb=MAX_FILE_BYTES // _MB,
            )
        if _entry_count(path) > MAX_ENTRIES:
            raise damaged(path)
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise damaged(path)
            declared = 0
            for info in infos:
                declared += info.file_size
                if info.file_size > MAX_PART_BYTES:
                    raise _too_big(path, MAX_PART_BYTES // _MB)
                if declared > MAX_TOTAL_BYTES:
                    raise _too_big(path, MAX_TOTAL_BYTES // _MB)
                if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise RosterError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{file} is packed far more tightly than any real workbook. It may be "
                            "damaged or made to overload the computer; nothing was imported.",
                        ),
                        file=path.name,
                    )
            counts = _Counts()
            names = {i.filename for i in infos}
            first = [i for i in infos if i.filename in _WHOLE or i.filename.endswith(".rels")]
            for info in first:  # the control parts are scanned before they are parsed
                _scan_part(path, zf, info, lambda _h: MAX_OTHER_XML_BYTES, counts, deadline)
            roles = _roles(zf, names)
            for info in infos:
                if not info.is_dir() and info not in first:
                    limit_of = functools.partial(roles.limit, info.filename)
                    _scan_part(path, zf, info, limit_of, counts, deadline)
    except RosterError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as err:
        raise _not_xlsx(path) if not zipfile.is_zipfile(path) else damaged(path) from err
    except (OSError, RuntimeError, NotImplementedError, ValueError, SyntaxError) as err:
        # SyntaxError: xml.etree's ParseError; ValueError: defusedxml's refusals too
        # RuntimeError: an encrypted part; NotImplementedError: an unknown compression
        raise damaged(path) from err
