"""志愿者花名册 — import volunteers from an Excel roster, and export the volunteers list.

The import reuses the roster machinery of :mod:`app.services.households.roster`:
:func:`~app.services.households.roster.read_roster` with the :data:`VOLUNTEERS`
spec reads the file (streaming, header detection, hostile files), then

1. :func:`validate_volunteer_rows` checks every row the way
   :func:`~app.services.volunteers.add_volunteer` would — name, sex, birth date,
   ID type and number (GB 11643 check digit, numbers Excel has mangled), mobile
   phone, service categories of the policy — and also against the station: an ID
   number already registered to a volunteer (by its keyed hash) or repeated in
   the file, a 志愿服务队 the station does not have (or has disabled), and
   optionally an unknown 村民小组.  Nothing is written.
2. :func:`commit_volunteer_import` registers the good rows in ONE transaction
   through :func:`~app.services.volunteers.add_volunteer`, the same step as the
   volunteer form, so numbers (志愿者编号), duplicate checks and per-volunteer
   audit entries are exactly those of a volunteer registered by hand; one
   ``roster.import`` audit entry sums the import up.  Any failure (say the same
   person was registered meanwhile) writes nothing and names the row.

A cell may hold several skills, categories or teams separated by 、 , ， ; ；
/ or a line break.

:func:`export_volunteers_xlsx` writes the list (as filtered on screen) with
masked ID numbers and phones only (DESIGN §3), page by page into a streamed
sheet, so 5,000+ volunteers need little memory.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import Volunteer, VolunteerTeam
from app.progress import Cancel, ProgressFn, check, report
from app.services import audit, personal, volunteers
from app.services.auth import Actor, Permission, require
from app.services.households import (
    RosterPreview,
    RosterSpec,
    RowProblem,
    birth_date_problem,
    cell_getter,
    cell_text,
    formula_problems,
    group_problem,
    roster_import,
)
from app.services.volunteers import (
    ID_CARD,
    ID_TYPE_NAMES_ZH,
    ID_TYPES,
    VolunteerData,
    VolunteerFilter,
    VolunteerView,
)

VOLUNTEER_FIELDS = (
    "name",
    "sex",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "group_name",
    "address",
    "skills",
    "service_categories",
    "teams",
)
VOLUNTEER_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "志愿者姓名", "名字"),
    "sex": ("性别",),
    "birth_date": ("出生日期", "出生年月", "生日"),
    "id_type": ("证件类型", "证件种类", "证件名称"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "证件号", "身份证"),
    "phone": ("联系电话", "手机号码", "手机号", "手机", "联系方式", "电话"),
    "group_name": ("村民小组", "小组", "组别", "所属小组"),
    "address": ("住址", "家庭住址", "现住址", "居住地址", "地址"),
    "skills": ("技能特长", "技能", "特长", "专长"),
    "service_categories": ("服务类别", "服务类型", "服务领域", "服务意向"),
    "teams": ("志愿服务队", "所属队伍", "所属服务队", "服务队", "队伍", "所属团队"),
}
VOLUNTEERS = RosterSpec(
    "volunteers",
    VOLUNTEER_FIELDS,
    VOLUNTEER_HEADER_WORDS,
    {"name": QT_TRANSLATE_NOOP("errors", "Choose which column holds the name (姓名).")},
)

_LIST_SEPARATORS = re.compile(r"[、,，;；/／|\n]+")
# words of the Chinese ID type names, most specific first (外国人永久居留身份证 says 身份证 too)
_ID_TYPE_WORDS = (
    ("永久居留", "foreign_pr"),
    ("港澳", "hk_macao"),
    ("台湾", "taiwan"),
    ("护照", "passport"),
    ("身份证", ID_CARD),
)

EXPORT_SHEET = "志愿者"
EXPORT_HEADER = (
    "志愿者编号",
    "姓名",
    "性别",
    "出生日期",
    "证件类型",
    "证件号码",
    "联系电话",
    "村民小组",
    "住址",
    "技能特长",
    "服务类别",
    "志愿服务队",
    "服务时长（小时）",
    "星级",
    "状态",
    "加入日期",
)
EXPORT_PAGE = 1000


@dataclass(frozen=True)
class VolunteerRow:
    """One checked row of a volunteers roster."""

    row_no: int  # the row number Excel shows
    name: str
    team_names: tuple[str, ...]
    data: VolunteerData | None  # None when the row has problems
    team_ids: tuple[str, ...] = ()
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class VolunteerImportCounts:
    volunteers_created: int
    first_number: str
    last_number: str
    team_places: int  # memberships made


# --- checking -----------------------------------------------------------------------------


def split_list(value: Any) -> tuple[str, ...]:
    """ "唱歌、剪纸 / 书法" -> ("唱歌", "剪纸", "书法"); duplicates dropped."""
    parts = (" ".join(p.split()) for p in _LIST_SEPARATORS.split(cell_text(value)))
    return tuple(dict.fromkeys(p for p in parts if p))


def parse_id_type(text: str) -> str | None:
    """The stored ID type for a 证件类型 cell ("" -> 居民身份证); None if unknown."""
    key = "".join(text.split())
    if not key:
        return ID_CARD
    if key in ID_TYPES:
        return key
    for stored, name in ID_TYPE_NAMES_ZH.items():
        if key == name:
            return stored
    return next((stored for word, stored in _ID_TYPE_WORDS if word in key), None)


def _person_problem(column: str, err: ValidationError) -> RowProblem:
    return RowProblem(column, err.message, err.kwargs)


def validate_volunteer_rows(
    db: Database,
    preview: RosterPreview,
    mapping: Mapping[str, int] | None = None,
    groups: Sequence[str] | None = None,
) -> list[VolunteerRow]:
    """Check every row of a volunteers roster; nothing is written.

    *groups*: the allowed 村民小组, if the station wants them checked.
    """
    mapping = dict(preview.mapping if mapping is None else mapping)
    VOLUNTEERS.check_mapping(mapping)
    allowed = {g.strip() for g in groups} if groups is not None else None
    with db.read() as session:
        policy = volunteers.load_policy(session)
        teams = {
            name: (tid, active)
            for tid, name, active in session.execute(
                select(VolunteerTeam.id, VolunteerTeam.name, VolunteerTeam.active).where(
                    VolunteerTeam.deleted.is_(False)
                )
            )
        }
        key = personal.hash_key(session, create=False)
        registered: dict[str, tuple[str, str]] = {}
        if key is not None:
            registered = {
                h: (name, number)
                for h, name, number in session.execute(
                    select(Volunteer.id_hash, Volunteer.name, Volunteer.number).where(
                        Volunteer.id_hash != "", Volunteer.deleted.is_(False)
                    )
                )
            }

    results: list[VolunteerRow] = []
    seen_ids: dict[str, int] = {}
    for raw in preview.rows:
        get = cell_getter(raw, mapping)
        problems = formula_problems(preview, raw, mapping)
        name = " ".join(cell_text(get("name")).split())
        if not name:
            problems.append(
                RowProblem("name", QT_TRANSLATE_NOOP("errors", "Please enter the person's name."))
            )
        birth, birth_problems = birth_date_problem(get("birth_date"))
        problems += birth_problems
        group = cell_text(get("group_name"))
        problems += group_problem(group, allowed)

        id_type_text = cell_text(get("id_type"))
        id_type = parse_id_type(id_type_text)
        if id_type is None:
            problems.append(
                RowProblem(
                    "id_type",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "“{value}” is not a type of ID the station knows (身份证, 护照, "
                        "港澳/台湾通行证, 外国人永久居留身份证).",
                    ),
                    {"value": id_type_text},
                )
            )
            id_type = ID_CARD
        id_value = get("id_number")
        id_text = cell_text(id_value)
        if id_text and id_type == ID_CARD:
            # a number cell has lost digits even when it looks whole; say so, not "bad digit"
            try:
                personal.normalize_id_number(
                    id_value if isinstance(id_value, int | float) else id_text
                )
            except personal.BadIdNumber as err:
                problems.append(_person_problem("id_number", err))
                id_text = ""
        phone = cell_text(get("phone"))
        if phone:
            try:
                personal.normalize_phone(get("phone"))
            except personal.BadPhone as err:
                problems.append(_person_problem("phone", err))
                phone = ""

        team_names = split_list(get("teams"))
        team_ids: list[str] = []
        for team in team_names:
            found = teams.get(team)
            if found is None:
                problems.append(
                    RowProblem(
                        "teams",
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The station has no volunteer team called “{team}”. Add it under "
                            "Teams first, or correct the name.",
                        ),
                        {"team": team},
                    )
                )
            elif not found[1]:
                problems.append(
                    RowProblem(
                        "teams",
                        QT_TRANSLATE_NOOP("errors", "The team {name} is no longer active."),
                        {"name": team},
                    )
                )
            else:
                team_ids.append(found[0])

        data = VolunteerData(
            name=name,
            sex=cell_text(get("sex")),
            birth_date=birth,
            id_type=id_type,
            id_number=id_text,
            phone=phone,
            group_name=group,
            address=cell_text(get("address")),
            skills=split_list(get("skills")),
            service_categories=split_list(get("service_categories")),
        )
        id_number = ""
        try:
            # with a stand-in name (its absence is already listed) the remaining checks
            # — sex and birth date against the ID, categories, other ID types — still run
            id_number = volunteers.check_volunteer_data(replace(data, name=name or "?"), policy)
        except ValidationError as err:
            problems.append(_person_problem("person", err))
        if id_number:
            h = personal.keyed_hash(key, "id", id_number) if key is not None else ""
            if h in registered:
                problems.append(
                    RowProblem(
                        "id_number",
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "This ID number is already registered to volunteer {name} ({number}).",
                        ),
                        {"name": registered[h][0], "number": registered[h][1]},
                    )
                )
            if id_number in seen_ids:
                problems.append(
                    RowProblem(
                        "id_number",
                        QT_TRANSLATE_NOOP("errors", "The same ID number is already on row {row}."),
                        {"row": seen_ids[id_number]},
                    )
                )
            else:
                seen_ids[id_number] = raw.row_no
        results.append(
            VolunteerRow(
                raw.row_no,
                name,
                team_names,
                data if not problems else None,
                tuple(team_ids),
                tuple(problems),
            )
        )
    return results


# --- committing ---------------------------------------------------------------------------


def commit_volunteer_import(
    db: Database,
    actor: Actor,
    rows: Sequence[VolunteerRow],
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> VolunteerImportCounts:
    """Register the confirmed, valid *rows*, a chunk of them per transaction.

    As :func:`app.services.households.roster_import.commit_import`: a long import takes
    turns with the counter and the kiosk; a row refused half-way stops it there.
    *progress(done, total)* counts rows after each chunk; *cancel* is polled before
    each chunk (the chunks before it stay registered).
    """
    require(actor, Permission.DAILY_WORK)
    if any(not r.ok or r.data is None for r in rows):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only rows without problems can be imported.")
        )
    if not rows:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There are no rows to import."))
    numbers: list[str] = []
    places = 0
    chunk_size = roster_import.IMPORT_CHUNK  # the counter waits for one chunk at most
    with db.busy_with(translate("errors", "a roster import")):
        for start in range(0, len(rows), chunk_size):
            check(cancel)
            with db.write() as session:
                chunk = rows[start : start + chunk_size]
                first = len(numbers)
                for row in chunk:
                    assert row.data is not None
                    try:
                        v = volunteers.add_volunteer(session, actor, row.data, row.team_ids)
                    except DomainError as err:
                        raise ValidationError(
                            QT_TRANSLATE_NOOP(
                                "errors",
                                "Row {row}: {problem} The {done} volunteers before it were "
                                "registered; import the file again after fixing that row.",
                            )
                            if start
                            else QT_TRANSLATE_NOOP(
                                "errors", "Row {row}: {problem} Nothing was imported."
                            ),
                            row=row.row_no,
                            problem=str(err),
                            done=start,
                        ) from err
                    numbers.append(v.number)
                    places += len(set(row.team_ids))
                audit.record(
                    session,
                    actor,
                    "roster.import",
                    "volunteer",
                    "",
                    after={
                        "volunteers_created": len(numbers) - first,
                        "first_number": numbers[first],
                        "last_number": numbers[-1],
                        "rows": len(chunk),
                        "part": f"{start + 1}-{start + len(chunk)} / {len(rows)}",
                    },
                )
            report(progress, start + len(chunk), len(rows))
    return VolunteerImportCounts(len(numbers), numbers[0], numbers[-1], places)


# --- exporting ----------------------------------------------------------------------------


def export_row(v: VolunteerView) -> list[Any]:
    return [
        v.number,
        v.name,
        {"M": "男", "F": "女"}.get(v.sex, v.sex),
        v.birth_date,
        ID_TYPE_NAMES_ZH.get(v.id_type, v.id_type) if v.id_masked else "",
        v.id_masked,
        v.phone_masked,
        v.group_name,
        v.address,
        "、".join(v.skills),
        "、".join(v.service_categories),
        "、".join(t.name for t in v.teams),
        round(v.approved_minutes / 60, 1),
        v.star_level or None,
        "在册" if v.active else "已退出",
        v.joined_on,
    ]


def export_volunteers_xlsx(
    db: Database,
    path: Path | str,
    flt: VolunteerFilter | None = None,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> int:
    """The volunteers list under *flt* to an .xlsx file; returns the row count.

    Only the masked ID number and phone are written.  *progress(done, total)* is
    called after each page; *cancel* (a token with ``check()``) is polled
    between pages and leaves no file behind.
    """
    from app.services.documents.list_export import volunteers_document, write_list_xlsx

    return write_list_xlsx(
        volunteers_document(db, flt or VolunteerFilter()), path, progress, cancel
    )
