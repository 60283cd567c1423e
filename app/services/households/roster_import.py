"""花名册导入 — checking a households roster's rows and committing them.

The second and third of the import's three steps, so nothing is written until
the person confirms (the first, reading, is :func:`.roster.read_roster`):

2. :func:`validate_rows` turns each row into a :class:`RowResult` with every
   problem found (missing name, bad or Excel-mangled ID number, bad phone,
   duplicate of a registered resident or of another row, unknown group, two
   heads...).  The view shows them; the mapping can be changed and the rows
   validated again.  An empty 户号 under a non-empty one means "same
   household" (fill-down), merged or not.
3. :func:`commit_import` writes the valid rows, :data:`IMPORT_CHUNK`
   households per transaction: a new household per unknown 户号 (its 户主 row,
   or else its first row, is the head) and members added to existing
   households.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import Household, Member
from app.progress import Cancel, ProgressFn, check, report
from app.services import audit, personal
from app.services.auth import Actor, Permission, require
from app.services.households.records import (
    HEAD_RELATION,
    HouseholdData,
    MemberData,
    add_household,
    clean_member,
    insert_member,
    replace_relation,
)
from app.services.households.roster import (
    HOUSEHOLDS,
    RosterPreview,
    RowProblem,
    birth_date_problem,
    cell_getter,
    cell_text,
    formula_problems,
    group_problem,
)


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


def validate_rows(
    db: Database,
    preview: RosterPreview,
    mapping: dict[str, int] | None = None,
    groups: Sequence[str] | None = None,
) -> list[RowResult]:
    """Check every row; nothing is written.  *groups*: the allowed 村民小组, if known."""
    mapping = dict(preview.mapping if mapping is None else mapping)
    HOUSEHOLDS.check_mapping(mapping)
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
        get = cell_getter(raw, mapping)
        problems = formula_problems(preview, raw, mapping)
        number = cell_text(get("number")).upper()
        fill_down = mapping["number"] in raw.merged
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
        name = " ".join(cell_text(get("name")).split())
        relation = cell_text(get("relation"))
        group = cell_text(get("group_name"))
        address = cell_text(get("address"))
        problems += group_problem(group, allowed)
        birth, birth_problems = birth_date_problem(get("birth_date"))
        problems += birth_problems
        id_value = get("id_number")
        id_text = id_value if isinstance(id_value, int | float) else cell_text(id_value)
        member_data = MemberData(
            name=name,
            relation=relation,
            sex=cell_text(get("sex")),
            birth_date=birth,
            id_number=id_text if id_text not in ("", None) else "",  # type: ignore[arg-type]
            phone=cell_text(get("phone")),
        )
        clean = None
        try:
            clean = clean_member(member_data)
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


IMPORT_CHUNK = 500  # households per transaction: the counter waits for one chunk at most


def commit_import(
    db: Database,
    actor: Actor,
    rows: Sequence[RowResult],
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> ImportCounts:
    """Write the confirmed, valid *rows*, :data:`IMPORT_CHUNK` households per transaction.

    A roster of 40,000 rows is one long write; in one transaction it would hold
    the database for half a minute while a villager waits at the counter.  In
    chunks, the counter and the kiosk take their turn between two chunks
    (see the write lane in :mod:`app.db`).  A row refused half-way (rare: the
    rows were checked before) stops the import there; the households already
    written stay, and importing the same file again shows them as already there.
    *progress(done, total)* counts households after each chunk; *cancel* is polled
    before each chunk (:class:`~app.progress.Cancelled`: the chunks
    before it stay, as after a refused row).
    """
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
    groups = list(by_number.items())
    created = added = 0
    with db.busy_with(translate("errors", "a roster import")):
        for start in range(0, len(groups), IMPORT_CHUNK):
            check(cancel)
            chunk = groups[start : start + IMPORT_CHUNK]
            try:
                made, joined = _import_chunk(db, actor, chunk, start, len(groups))
            except _RowRefused as refused:
                if start == 0:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Row {row}: {problem} Nothing was imported."),
                        row=refused.row_no,
                        problem=refused.problem,
                    ) from refused
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Row {row}: {problem} The {done} households before it were imported; "
                        "import the file again after fixing that row (they will show as "
                        "already there).",
                    ),
                    row=refused.row_no,
                    problem=refused.problem,
                    done=start,
                ) from refused
            created += made
            added += joined
            report(progress, start + len(chunk), len(groups))
    return ImportCounts(created, created + added)


class _RowRefused(Exception):
    def __init__(self, row_no: int, problem: str) -> None:
        super().__init__(problem)
        self.row_no, self.problem = row_no, problem


def _import_chunk(
    db: Database,
    actor: Actor,
    chunk: Sequence[tuple[str, list[RowResult]]],
    start: int,
    total: int,
) -> tuple[int, int]:
    created = added = 0
    with db.write() as session:
        for number, group in chunk:
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
                    household = add_household(
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
                    clean = clean_member(row.member)
                    if clean.relation == HEAD_RELATION:
                        clean = replace_relation(clean, "")
                    insert_member(session, household, clean)
                    added += 1
            except DomainError as err:
                raise _RowRefused(row.row_no, str(err)) from err
        audit.record(
            session,
            actor,
            "roster.import",
            "household",
            "",
            after={
                "households_created": created,
                "members_added": added,
                "rows": sum(len(g) for _n, g in chunk),
                "part": f"{start + 1}-{start + len(chunk)} / {total}",
            },
        )
    return created, added
