"""花名册 — reading an Excel roster (.xlsx): the file checks, the rows, the column mapping.

The reading half serves every roster the station imports: a :class:`RosterSpec`
names a roster's fields, the header words that identify each, and the fields a
mapping must include — :data:`HOUSEHOLDS` here, the volunteers' roster in
:mod:`app.services.volunteers.roster`.  The checking and committing halves are
per roster; the households' are in :mod:`.roster_import`.  The checks every
roster's rows share (dates, formulas with no value, birth dates, village
groups) are here too.

:func:`read_roster` first checks the file as a zip without parsing it
(:func:`app.services.xlsx_safety.check_xlsx`: unpacked sizes, packing ratio,
DTDs and entities, counts of strings, merges, rows and cells — a roster is
hostile input), then streams its rows with openpyxl's parser in one pass under
a time limit, finds the header row among the first rows, and suggests a column
mapping from the header text (for households 姓名, 户号, 与户主关系, 身份证号,
联系电话, 村民小组, 住址, 性别, 出生日期).  A cell whose formula was never
computed (a file written by a program, not saved by Excel) is told from an
empty cell by its ``<f>`` element.  The largest roster allowed (50,000 rows)
reads in about 5–10 s within about 110 MB
(tests/benchmarks/bench_roster_import.py).

Rosters often merge a cell over several rows (the 户号 over a household's
rows, a 志愿服务队 over its members).  openpyxl's streaming reader does not
report merges, and a merged cell reads as empty below its first row, so
:func:`read_roster` finds the sheet's ``<mergeCell>`` ranges in its XML and
fills each vertical merge's value down its first column (:attr:`RawRow.merged`
says which cells were filled).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.services.xlsx_safety import MAX_MERGES, Deadline, RosterError, check_xlsx, damaged

__all__ = ["RosterError"]  # raised by every reading step (defined with the file checks)


MAX_ROWS = 50_000
HEADER_SCAN_ROWS = 20
MAX_COLUMNS = 100
MAX_CELL_CHARS = 2_000  # an address or a note; a longer cell is not a roster's
FIELDS = (
    "number",
    "name",
    "relation",
    "id_number",
    "phone",
    "group_name",
    "address",
    "sex",
    "birth_date",
)


# header words per field, best first; a header matches exactly, or else contains one
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("户号", "户编号", "户籍编号", "户主编号"),
    "name": ("姓名", "成员姓名", "名字"),
    "relation": ("与户主关系", "家庭关系", "关系"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
    "phone": ("联系电话", "手机号码", "手机号", "手机", "电话"),
    "group_name": ("村民小组", "小组", "组别", "所属小组"),
    "address": ("住址", "家庭住址", "地址", "居住地址"),
    "sex": ("性别",),
    "birth_date": ("出生日期", "出生年月", "生日"),
}


@dataclass(frozen=True, eq=False)
class RosterSpec:
    """What one kind of roster holds (花名册的栏目).

    *fields* in the order the mapping is shown; *header_words* per field, best
    first (a header matches one exactly, or else contains one); *required*: the
    fields a mapping must include, each with the message that asks for it.  A
    header row is recognised by a ``name`` column and at least one other.
    """

    kind: str
    fields: tuple[str, ...]
    header_words: Mapping[str, tuple[str, ...]]
    required: Mapping[str, str]

    def check_mapping(self, mapping: Mapping[str, int]) -> None:
        for fld, message in self.required.items():
            if fld not in mapping:
                raise ValidationError(message)


HOUSEHOLDS = RosterSpec(
    "households",
    FIELDS,
    HEADER_WORDS,
    {
        "name": QT_TRANSLATE_NOOP("errors", "Choose which column holds the name (姓名)."),
        "number": QT_TRANSLATE_NOOP(
            "errors", "Choose which column holds the household number (户号)."
        ),
    },
)


@dataclass(frozen=True)
class RawRow:
    row_no: int  # the row number Excel shows
    values: tuple[Any, ...]
    formulas: frozenset[int] = frozenset()  # columns holding a formula with no stored value
    merged: frozenset[int] = frozenset()  # columns filled from a merged cell above


@dataclass(frozen=True)
class RosterPreview:
    path: Path
    sheet_names: tuple[str, ...]
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[str, int]  # field -> 0-based column
    rows: tuple[RawRow, ...]


@dataclass(frozen=True)
class RowProblem:
    column: str  # the field the problem is about ("member" for the person as a whole)
    message: str
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return translate("errors", self.message, **self.kwargs)

    @property
    def untranslated(self) -> str:
        return self.message.format(**self.kwargs) if self.kwargs else self.message


class CheckedRow(Protocol):
    """What every roster's checked row has in common (the import dialog lists them)."""

    @property
    def row_no(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def problems(self) -> tuple[RowProblem, ...]: ...

    @property
    def ok(self) -> bool: ...


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_key(text: str) -> str:
    return re.sub(r"[\s*＊:：()（）]", "", text)


def suggest_mapping(headers: Sequence[str], spec: RosterSpec | None = None) -> dict[str, int]:
    """Field -> column from header texts; each column is used once."""
    spec = spec or HOUSEHOLDS
    keys = [_header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for fld, words in spec.header_words.items():
            if fld in mapping:
                continue
            for word in words:
                hit = next(
                    (
                        i
                        for i, k in enumerate(keys)
                        if i not in used and k and (k == word if exact else word in k)
                    ),
                    None,
                )
                if hit is not None:
                    mapping[fld] = hit
                    used.add(hit)
                    break
    return mapping


_UNREADABLE = (
    ValueError,  # openpyxl's "could not read ...", defusedxml's refusals
    SyntaxError,  # xml.etree's ParseError
    KeyError,  # a part the workbook names is missing
    IndexError,  # a shared string index past the table
    TypeError,
    AttributeError,
    EOFError,
    zipfile.BadZipFile,
    OSError,
)


@dataclass
class _Sheet:
    """One worksheet of a :class:`_Book`: what :func:`_rows` and :func:`_merged_ranges` read."""

    book: _Book
    title: str
    part: str  # the worksheet's part in the zip

    def _get_source(self) -> Any:
        return self.book.archive.open(self.part)


@dataclass
class _Book:
    """The workbook's sheets, shared strings and date styles; no sheet parsed yet."""

    archive: zipfile.ZipFile
    shared_strings: Any
    epoch: Any
    date_formats: Any
    timedelta_formats: Any
    sheets: dict[str, str]  # title -> part

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def __getitem__(self, title: str) -> _Sheet:
        return _Sheet(self, title, self.sheets[title])

    def close(self) -> None:
        self.archive.close()


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _text_of(node: Any) -> str:
    """The text of an ``<si>`` or ``<is>`` element as openpyxl's ``Text.content`` gives it
    (the plain ``<t>`` and the rich-text runs, not the phonetic guide), without
    building its objects: several times faster for the half million a roster may hold."""
    parts = []
    t = node.find(f"{_NS_MAIN}t")
    if t is not None and t.text:
        parts.append(t.text)
    for run in node.iterfind(f"{_NS_MAIN}r"):
        t = run.find(f"{_NS_MAIN}t")
        if t is not None and t.text:
            parts.append(t.text)
    return "".join(parts)


def _shared_strings(reader: Any, deadline: Deadline) -> list[str]:
    """The shared strings table (a plain list; openpyxl's also indexes it for writing)."""
    from openpyxl.xml.constants import SHARED_STRINGS
    from openpyxl.xml.functions import iterparse  # defusedxml's when installed

    found = reader.package.find(SHARED_STRINGS)
    strings: list[str] = []
    if found is None:
        return strings
    tag = f"{_NS_MAIN}si"
    with reader.archive.open(found.PartName[1:]) as src:
        for _event, node in iterparse(src):
            if node.tag == tag:
                strings.append(_text_of(node).replace("x005F_", ""))
                node.clear()
                if len(strings) % 10_000 == 0:
                    deadline.check()
    return strings


def _open(path: Path, deadline: Deadline) -> _Book:
    """The workbook of *path*, which has passed :func:`check_xlsx`.

    openpyxl's reader, step by step, so that only what the import needs is
    parsed: ``load_workbook(read_only=True)`` would also read every sheet to
    its end once when it has no ``<dimension>`` (as files written by openpyxl
    do), before any row is read and out of reach of the time limit, and would
    follow external links.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.utils.exceptions import InvalidFileException

    reader = None
    try:
        reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False)
        reader.read_manifest()
        strings = _shared_strings(reader, deadline)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        wb = reader.wb
        sheets = {
            sheet.name: rel.target
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        }
        return _Book(
            reader.archive,
            strings,
            wb.epoch,
            wb._date_formats,
            wb._timedelta_formats,
            sheets,
        )
    except InvalidFileException as err:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and "
                "save it as .xlsx.",
            ),
            file=path.name,
        ) from err
    except _UNREADABLE as err:
        if reader is not None:
            reader.archive.close()
        raise damaged(path) from err


def _too_long(row_no: int, col: int) -> RosterError:
    from openpyxl.utils import get_column_letter

    return RosterError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Cell {cell} holds more than {max} characters, more than any roster cell. "
            "Shorten it and import again.",
        ),
        cell=f"{get_column_letter(col)}{row_no}",
        max=MAX_CELL_CHARS,
    )


def _rows(ws: _Sheet, deadline: Deadline) -> Iterator[tuple[int, tuple[Any, ...], frozenset[int]]]:
    """(row number, values of the first :data:`MAX_COLUMNS` columns, the columns holding a
    formula without a stored value) for each ``<row>`` element of the sheet.

    openpyxl's own ``iter_rows`` also yields an empty row for every row number
    a file skips and for every row up to the ``<dimension>`` it claims (a
    million rows from a few bytes); this reads only the rows that are there,
    in one pass with cached values, and tells a formula nobody computed from
    an empty cell by the ``<f>`` element itself.
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            inline = element.find(INLINE_STRING) if element.get("t") == "inlineStr" else None
            if inline is not None:
                element.set("t", "str")  # so the base class builds no Text object for it
            cell: dict[str, Any] = super().parse_cell(element)
            if inline is not None:
                cell["value"], cell["data_type"] = _text_of(inline), "s"
            elif cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["formula"] = True
            return cell

    book = ws.book
    with ws._get_source() as src:
        parser = Parser(
            src,
            book.shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book.date_formats,
            timedelta_formats=book.timedelta_formats,
        )
        for row_no, cells in parser.parse():
            deadline.check()
            values: list[Any] = [None] * MAX_COLUMNS
            formulas = set()
            for cell in cells:
                col = cell["column"]
                if not 1 <= col <= MAX_COLUMNS:
                    continue
                value = cell["value"]
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    raise _too_long(row_no, col)
                values[col - 1] = value
                if cell.get("formula"):
                    formulas.add(col - 1)
            yield row_no, tuple(values), frozenset(formulas)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_ranges(ws: Any) -> list[tuple[int, int, int]]:
    """(first column, top row, bottom row), 1-based, of the sheet's vertical merges.

    A read-only worksheet does not parse ``<mergeCells>`` (they follow the
    rows in the sheet's XML), so the raw XML is scanned for them in chunks.
    """
    from openpyxl.utils import column_index_from_string

    get_source = getattr(ws, "_get_source", None)  # openpyxl's ReadOnlyWorksheet
    if get_source is None:  # pragma: no cover - another openpyxl: no fill, as before
        return []
    found: list[tuple[int, int, int]] = []
    tail = b""
    with get_source() as src:
        while len(found) < MAX_MERGES:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            text = tail + chunk
            end = 0
            for m in _MERGE_REF.finditer(text):
                end = m.end()
                top, bottom = int(m.group(2)), int(m.group(4))
                if bottom > top:
                    found.append((column_index_from_string(m.group(1).decode()), top, bottom))
            tail = text[max(end, len(text) - 256) :]
    return found[:MAX_MERGES]


class _MergeFill:
    """Fills vertically merged cells down their first column as rows stream past."""

    def __init__(self, ranges: list[tuple[int, int, int]]) -> None:
        self.ranges = sorted(ranges, key=lambda r: r[1])
        self.next = 0
        self.active: dict[tuple[int, int, int], Any] = {}  # range -> its value

    def apply(self, row_no: int, values: tuple[Any, ...]) -> tuple[tuple[Any, ...], frozenset[int]]:
        while self.next < len(self.ranges) and self.ranges[self.next][1] <= row_no:
            rng = self.ranges[self.next]
            self.next += 1
            if rng[2] >= row_no and rng[0] <= MAX_COLUMNS:
                self.active[rng] = values[rng[0] - 1] if rng[0] <= len(values) else None
        if not self.active:
            return values, frozenset()
        filled: set[int] = set()
        out = list(values)
        for rng, value in list(self.active.items()):
            if rng[2] < row_no:
                del self.active[rng]
                continue
            col = rng[0] - 1
            if rng[1] < row_no and col < len(out) and out[col] in (None, "") and value is not None:
                out[col] = value
                filled.add(col)
        return tuple(out), frozenset(filled)


def read_roster(
    path: Path | str,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    *,
    spec: RosterSpec | None = None,
    max_rows: int = MAX_ROWS,
) -> RosterPreview:
    """Open *path* and return its rows, header and suggested (or given) mapping.

    *spec* (households by default) says which header words to look for.
    """
    spec = spec or HOUSEHOLDS
    path = Path(path)
    if not path.is_file():
        raise RosterError(
            QT_TRANSLATE_NOOP("errors", "The file {file} does not exist."), file=str(path)
        )
    if path.stat().st_size == 0:
        raise RosterError(QT_TRANSLATE_NOOP("errors", "The file {file} is empty."), file=path.name)
    deadline = Deadline(path)
    check_xlsx(path, deadline)
    wb = _open(path, deadline)
    try:
        names = tuple(wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise RosterError(
                QT_TRANSLATE_NOOP("errors", "The workbook has no sheet named “{sheet}”."),
                sheet=sheet,
            )
        ws = wb[sheet]
        merges = _MergeFill(_merged_ranges(ws))
        header_row = 0
        headers: tuple[str, ...] = ()
        scanned = 0
        rows: list[RawRow] = []
        for row_no, cells, formulas in _rows(ws, deadline):
            values, merged = merges.apply(row_no, cells)
            if not formulas and not any(v is not None and cell_text(v) for v in values):
                continue
            if not header_row:
                scanned += 1
                texts = tuple(cell_text(v) for v in values)
                found = suggest_mapping(texts, spec)
                if mapping is not None or ("name" in found and len(found) >= 2):
                    header_row, headers = row_no, texts
                    continue
                if scanned >= HEADER_SCAN_ROWS:
                    break
                continue
            if len(rows) >= max_rows:
                raise RosterError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The sheet has more than {max} rows. Split it into smaller files "
                        "and import them one by one.",
                    ),
                    max=max_rows,
                )
            rows.append(RawRow(row_no, values, formulas, merged))
    except _UNREADABLE as err:
        raise damaged(path) from err
    finally:
        wb.close()
    if not header_row:
        if scanned == 0:
            raise RosterError(
                QT_TRANSLATE_NOOP("errors", "The sheet “{sheet}” is empty."), sheet=sheet
            )
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No header row with 姓名 (name) was found in the first {n} rows of “{sheet}”. "
                "Choose the columns by hand.",
            ),
            n=HEADER_SCAN_ROWS,
            sheet=sheet,
        )
    if not rows:
        raise RosterError(
            QT_TRANSLATE_NOOP("errors", "The sheet “{sheet}” has a header but no rows."),
            sheet=sheet,
        )
    chosen = dict(mapping) if mapping is not None else suggest_mapping(headers, spec)
    return RosterPreview(path, names, sheet, header_row, headers, chosen, tuple(rows))


def parse_date(value: Any) -> date | None:
    """A date cell, or text like 1990-01-31 / 1990年1月31日 / 19900131; raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    m = re.fullmatch(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if m is None:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def cell_getter(raw: RawRow, mapping: Mapping[str, int]) -> Any:
    """``get(field)``: the row's value in the field's mapped column (None if unmapped)."""

    def get(fld: str) -> Any:
        col = mapping.get(fld)
        return raw.values[col] if col is not None and col < len(raw.values) else None

    return get


def formula_problems(
    preview: RosterPreview, raw: RawRow, mapping: Mapping[str, int]
) -> list[RowProblem]:
    """One problem per mapped cell of *raw* that is a formula nobody computed."""
    problems = []
    for fld, col in mapping.items():
        if col in raw.formulas:
            problems.append(
                RowProblem(
                    fld,
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The {column} cell is a formula without a value. Open the file in Excel "
                        "or WPS, save it, and import again.",
                    ),
                    {"column": preview.headers[col] if col < len(preview.headers) else fld},
                )
            )
    return problems


def birth_date_problem(value: Any) -> tuple[date | None, list[RowProblem]]:
    """The birth date in *value*, or a problem saying it is not a date."""
    try:
        return parse_date(value), []
    except ValueError:
        return None, [
            RowProblem(
                "birth_date",
                QT_TRANSLATE_NOOP(
                    "errors", "The birth date {value} is not a date like 1990-01-31."
                ),
                {"value": cell_text(value)},
            )
        ]


def group_problem(group: str, allowed: set[str] | None) -> list[RowProblem]:
    if allowed is None or not group or group in allowed:
        return []
    return [
        RowProblem(
            "group_name",
            QT_TRANSLATE_NOOP("errors", "“{group}” is not one of the village's groups."),
            {"group": group},
        )
    ]
