"""花名册导入 — import households and residents from an Excel roster (.xlsx).

Three steps, so nothing is written until the person confirms:

1. :func:`read_roster` opens the file (openpyxl ``read_only`` — rows are
   streamed, so a 50,000-row sheet stays within a few tens of MB), finds the
   header row among the first rows, and suggests a column mapping from the
   header text (姓名, 户号, 与户主关系, 身份证号, 联系电话, 村民小组, 住址, 性别,
   出生日期).  The file is read twice in lock-step: once with cached values
   (``data_only=True``) and once raw, to tell a formula whose value was never
   computed (a file written by a program, not saved by Excel) from an empty
   cell.
2. :func:`validate_rows` turns each row into a :class:`RowResult` with every
   problem found (missing name, bad or Excel-mangled ID number, bad phone,
   duplicate of a registered resident or of another row, unknown group, two
   heads...).  The view shows them; the mapping can be changed and the rows
   validated again.
3. :func:`commit_import` writes the valid rows in ONE transaction: a new
   household per unknown 户号 (its 户主 row, or else its first row, is the
   head) and members added to existing households.

Rosters often merge the 户号 cell over a household's rows; a merged cell reads
as empty below its first row, so an empty 户号 under a non-empty one means
"same household" (fill-down).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import Household, Member
from app.services import audit, households, personal
from app.services.auth import Actor, Permission, require
from app.services.households import HEAD_RELATION, HouseholdData, MemberData

MAX_ROWS = 50_000
HEADER_SCAN_ROWS = 20
MAX_COLUMNS = 100

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


class RosterError(DomainError):
    """The file as a whole cannot be imported (not xlsx, empty, too large...)."""


@dataclass(frozen=True)
class RawRow:
    row_no: int  # the row number Excel shows
    values: tuple[Any, ...]
    formulas: frozenset[int] = frozenset()  # columns holding a formula with no stored value


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


@dataclass(frozen=True)
class RowResult:
    row_no: int
    number: str
    name: str
    relation: str
    group_name: str
    address: str
    member: MemberData | None  # None when the row has problems
    problems: tuple[RowProblem, ...] = ()
    fill_down: bool = False  # the 户号 came from the row above (merged cell)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportCounts:
    households_created: int
    members_added: int


# --- reading -----------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_key(text: str) -> str:
    return re.sub(r"[\s*＊:：()（）]", "", text)


def suggest_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field -> column from header texts; each column is used once."""
    keys = [_header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for fld, words in HEADER_WORDS.items():
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


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and "
                "save it as .xlsx.",
            ),
            file=path.name,
        ) from err


def _rows(ws: Any) -> Iterator[tuple[Any, ...]]:
    for row in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        yield tuple(row)


def read_roster(
    path: Path | str,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    *,
    max_rows: int = MAX_ROWS,
) -> RosterPreview:
    """Open *path* and return its rows, header and suggested (or given) mapping."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(
            QT_TRANSLATE_NOOP("errors", "The file {file} does not exist."), file=str(path)
        )
    if path.stat().st_size == 0:
        raise RosterError(QT_TRANSLATE_NOOP("errors", "The file {file} is empty."), file=path.name)
    values_wb = _open(path, data_only=True)
    raw_wb = _open(path, data_only=False)
    try:
        names = tuple(values_wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise RosterError(
                QT_TRANSLATE_NOOP("errors", "The workbook has no sheet named “{sheet}”."),
                sheet=sheet,
            )
        values_it = _rows(values_wb[sheet])
        raw_it = _rows(raw_wb[sheet])
        header_row = 0
        headers: tuple[str, ...] = ()
        scanned = 0
        rows: list[RawRow] = []
        for row_no, (values, raw) in enumerate(zip(values_it, raw_it, strict=False), start=1):
            if not any(_cell_text(v) for v in values) and not any(
                isinstance(r, str) and r.startswith("=") for r in raw
            ):
                continue
            if not header_row:
                scanned += 1
                texts = tuple(_cell_text(v) for v in values)
                found = suggest_mapping(texts)
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
            formulas = frozenset(
                i
                for i, (v, r) in enumerate(zip(values, raw, strict=False))
                if v is None and isinstance(r, str) and r.startswith("=")
            )
            rows.append(RawRow(row_no, values, formulas))
    finally:
        values_wb.close()
        raw_wb.close()
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
    chosen = dict(mapping) if mapping is not None else suggest_mapping(headers)
    return RosterPreview(path, names, sheet, header_row, headers, chosen, tuple(rows))


# --- validating -----------------------------------------------------------------------------


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value)
    m = re.fullmatch(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if m is None:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def validate_rows(
    db: Database,
    preview: RosterPreview,
    mapping: dict[str, int] | None = None,
    groups: Sequence[str] | None = None,
) -> list[RowResult]:
    """Check every row; nothing is written.  *groups*: the allowed 村民小组, if known."""
    mapping = dict(preview.mapping if mapping is None else mapping)
    if "name" not in mapping:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose which column holds the name (姓名).")
        )
    if "number" not in mapping:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose which column holds the household number (户号).")
        )
    allowed = {g.strip() for g in groups} if groups is not None else None
    with db.read() as session:
        existing = {
            n: h
            for n, h in session.execute(
                select(Household.number, Household.head_member_id).where(
                    Household.deleted.is_(False)
                )
            )
        }
        key = personal.hash_key(session, create=False)
        known_hashes: dict[str, str] = {}
        if key is not None:
            known_hashes = {
                h: name
                for h, name in session.execute(
                    select(Member.id_hash, Member.name).where(
                        Member.id_hash != "", Member.active.is_(True)
                    )
                )
            }

    results: list[RowResult] = []
    seen_ids: dict[str, int] = {}
    heads: dict[str, int] = {}
    last_number = ""
    for raw in preview.rows:

        def get(fld: str, raw: RawRow = raw) -> Any:
            col = mapping.get(fld)
            return raw.values[col] if col is not None and col < len(raw.values) else None

        problems: list[RowProblem] = []
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
        number = _cell_text(get("number")).upper()
        fill_down = False
        if not number and last_number:
            number, fill_down = last_number, True
        if not number:
            problems.append(
                RowProblem(
                    "number", QT_TRANSLATE_NOOP("errors", "The household number (户号) is missing.")
                )
            )
        elif len(number) > 20 or any(c.isspace() for c in number):
            problems.append(
                RowProblem(
                    "number",
                    QT_TRANSLATE_NOOP(
                        "errors", "A household number has 1–20 characters without spaces."
                    ),
                )
            )
        last_number = number or last_number
        name = " ".join(_cell_text(get("name")).split())
        relation = _cell_text(get("relation"))
        group = _cell_text(get("group_name"))
        address = _cell_text(get("address"))
        if allowed is not None and group and group not in allowed:
            problems.append(
                RowProblem(
                    "group_name",
                    QT_TRANSLATE_NOOP("errors", "“{group}” is not one of the village's groups."),
                    {"group": group},
                )
            )
        birth: date | None = None
        try:
            birth = _parse_date(get("birth_date"))
        except ValueError:
            problems.append(
                RowProblem(
                    "birth_date",
                    QT_TRANSLATE_NOOP(
                        "errors", "The birth date {value} is not a date like 1990-01-31."
                    ),
                    {"value": _cell_text(get("birth_date"))},
                )
            )
        id_value = get("id_number")
        id_text = id_value if isinstance(id_value, int | float) else _cell_text(id_value)
        member_data = MemberData(
            name=name,
            relation=relation,
            sex=_cell_text(get("sex")),
            birth_date=birth,
            id_number=id_text if id_text not in ("", None) else "",  # type: ignore[arg-type]
            phone=_cell_text(get("phone")),
        )
        clean = None
        try:
            clean = households.clean_member(member_data)
        except ValidationError as err:
            problems.append(RowProblem("member", err.message, err.kwargs))
        if clean is not None and clean.id_number:
            if key is not None:
                h = personal.keyed_hash(key, "id", clean.id_number)
                if h in known_hashes:
                    problems.append(
                        RowProblem(
                            "id_number",
                            QT_TRANSLATE_NOOP(
                                "errors", "This person is already registered (as {name})."
                            ),
                            {"name": known_hashes[h]},
                        )
                    )
            if clean.id_number in seen_ids:
                problems.append(
                    RowProblem(
                        "id_number",
                        QT_TRANSLATE_NOOP("errors", "The same ID number is already on row {row}."),
                        {"row": seen_ids[clean.id_number]},
                    )
                )
            else:
                seen_ids[clean.id_number] = raw.row_no
        if relation == HEAD_RELATION and number:
            if number in existing:
                problems.append(
                    RowProblem(
                        "relation",
                        QT_TRANSLATE_NOOP(
                            "errors", "Household {number} is already registered with its head."
                        ),
                        {"number": number},
                    )
                )
            elif number in heads:
                problems.append(
                    RowProblem(
                        "relation",
                        QT_TRANSLATE_NOOP(
                            "errors", "Household {number} already has its head on row {row}."
                        ),
                        {"number": number, "row": heads[number]},
                    )
                )
            else:
                heads[number] = raw.row_no
        results.append(
            RowResult(
                raw.row_no,
                number,
                name,
                relation,
                group,
                address,
                member_data if not problems else None,
                tuple(problems),
                fill_down,
            )
        )
    return results


# --- committing -------------------------------------------------------------------------


def commit_import(db: Database, actor: Actor, rows: Sequence[RowResult]) -> ImportCounts:
    """Write the confirmed, valid *rows* in one transaction; any failure writes nothing."""
    require(actor, Permission.DAILY_WORK)
    if any(not r.ok or r.member is None for r in rows):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only rows without problems can be imported.")
        )
    if not rows:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There are no rows to import."))
    by_number: dict[str, list[RowResult]] = {}
    for r in rows:
        by_number.setdefault(r.number, []).append(r)
    created = added = 0
    with db.write() as session:
        for number, group in by_number.items():
            row = group[0]
            try:
                household = session.scalar(
                    select(Household).where(
                        Household.number == number, Household.deleted.is_(False)
                    )
                )
                members = list(group)
                if household is None:
                    head = next((r for r in members if r.relation == HEAD_RELATION), members[0])
                    members.remove(head)
                    row = head
                    assert head.member is not None
                    household = households.add_household(
                        session,
                        actor,
                        HouseholdData(
                            number=number, group_name=head.group_name, address=head.address
                        ),
                        head.member,
                    )
                    created += 1
                for row in members:
                    assert row.member is not None
                    clean = households.clean_member(row.member)
                    if clean.relation == HEAD_RELATION:
                        clean = households.replace_relation(clean, "")
                    households.insert_member(session, household, clean)
                    added += 1
            except DomainError as err:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Row {row}: {problem} Nothing was imported."),
                    row=row.row_no,
                    problem=str(err),
                ) from err
        audit.record(
            session,
            actor,
            "roster.import",
            "household",
            "",
            after={"households_created": created, "members_added": added, "rows": len(rows)},
        )
    return ImportCounts(created, created + added)
