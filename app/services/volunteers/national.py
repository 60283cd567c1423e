"""导出到全国志愿服务信息系统 — approved service records in the field set of the 办法.

民政部《志愿服务记录与证明出具办法（试行）》: records kept elsewhere must be entered
into the national system (art. 4) within 10 working days of the activity
(art. 11).  Instead of typing them in again, an administrator exports the
approved records of a chosen period — by default every approved record not
exported yet — as one .xlsx with **two sheets**, the art. 5 / art. 7 split:

* ``志愿者基本信息`` (art. 5), one row per person: 姓名, 性别, 出生日期,
  身份证件号码, 居住区域, 联系方式, 专业技能, 服务类别 (and 志愿者编号, the key
  that ties the sheets together);
* ``服务记录`` (art. 7), one row per record: 志愿者编号, 姓名, 身份证件号码, 活动名称,
  日期, 地点, 服务内容, 服务时间(小时), 活动组织单位 (the station: 谁组织谁记录),
  活动负责人 (the first organising team's leader, else the station's 负责人).

Every cell is a **text** cell, numbers included (an 18-digit ID in a number
cell keeps 15 digits; a phone or a date would be reformatted), and every text
goes through app.services.households.export.xlsx_row, so a name that looks
like a formula stays text.  This is the only export that carries **full** ID
numbers and phones, so it needs ``Permission.EXPORT_NATIONAL`` (administrators
only), and every export writes an audit entry naming who exported how many
persons and records.  The volunteer's consent (art. 6) is taken when the
volunteer registers; the program does not record it separately.

The export is remembered (``NationalExport`` and one ``NationalExportRecord``
per record, in the transaction that writes the file), so the next export's
default choice and :func:`national_export_due` — the dashboard's figure of
records close to (``VolunteerPolicy.national_warn_days``, 7 by default) or past
the 10-working-day limit — leave them out.  Working days are Monday to
Friday: public holidays and the weekends worked in their place (调休) are not
known to the program, so the figure can be a day or two early or late around
a holiday.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Activity,
    ActivityTeam,
    NationalExport,
    NationalExportRecord,
    RecordStatus,
    ServiceRecord,
    ServiceRecordState,
    Station,
    Volunteer,
    VolunteerTeam,
    utcnow,
)
from app.models.base import own_station
from app.progress import Cancel, ProgressFn
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.households.export import write_xlsx_sheets
from app.services.personal import id_birth_date
from app.services.volunteers.people import load_policy

LIMIT_WORKING_DAYS = 10  # 办法 art. 11

PERSON_SHEET = "志愿者基本信息"
RECORD_SHEET = "服务记录"
PERSON_HEADER = (
    "志愿者编号",
    "姓名",
    "性别",
    "出生日期",
    "身份证件号码",
    "居住区域",
    "联系方式",
    "专业技能",
    "服务类别",
)
RECORD_HEADER = (
    "志愿者编号",
    "姓名",
    "身份证件号码",
    "活动名称",
    "日期",
    "地点",
    "服务内容",
    "服务时间(小时)",
    "活动组织单位",
    "活动负责人",
)
_SEX = {"M": "男", "F": "女"}


@dataclass(frozen=True)
class NationalChoice:
    """Which approved records to export: a period of service dates (inclusive,
    open at a missing end) and, by default, only those not exported yet."""

    start: date | None = None
    end: date | None = None
    only_new: bool = True


@dataclass(frozen=True)
class NationalPreview:
    persons: int
    records: int
    minutes: int
    without_id: int  # persons with no ID number (the national system needs one)


@dataclass(frozen=True)
class NationalExportResult:
    export_id: str
    persons: int
    records: int
    minutes: int


@dataclass(frozen=True)
class NationalDue:
    """Approved records not yet exported, by their age in working days."""

    close: int  # warn_days ≤ age ≤ 10 working days
    overdue: int  # older than 10 working days
    oldest: date | None  # the oldest not exported service date that is close or overdue
    warn_days: int


def _selection(session: Session, choice: NationalChoice) -> Select:
    if choice.start and choice.end and choice.start > choice.end:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The period's start is after its end."))
    query = select(ServiceRecordState.record_id).where(
        ServiceRecordState.station_id == own_station(session),
        ServiceRecordState.status == RecordStatus.APPROVED.value,
        ServiceRecordState.deleted.is_(False),
    )
    if choice.start:
        query = query.where(ServiceRecordState.service_date >= choice.start)
    if choice.end:
        query = query.where(ServiceRecordState.service_date <= choice.end)
    if choice.only_new:
        query = query.where(
            ~select(NationalExportRecord.id)
            .where(NationalExportRecord.record_id == ServiceRecordState.record_id)
            .exists()
        )
    return query


def preview(db: Database, actor: Actor, choice: NationalChoice) -> NationalPreview:
    """How many persons and records an export of *choice* would hold."""
    require(actor, Permission.EXPORT_NATIONAL)
    with db.read() as session:
        ids = _selection(session, choice).subquery()
        records, persons, minutes = session.execute(
            select(
                func.count(),
                func.count(ServiceRecordState.volunteer_id.distinct()),
                func.coalesce(func.sum(ServiceRecordState.minutes), 0),
            ).where(ServiceRecordState.record_id.in_(select(ids.c.record_id)))
        ).one()
        without_id = session.scalar(
            select(func.count(Volunteer.id.distinct()))
            .join(ServiceRecordState, ServiceRecordState.volunteer_id == Volunteer.id)
            .where(ServiceRecordState.record_id.in_(select(ids.c.record_id)))
            .where(Volunteer.id_number == "")
        )
    return NationalPreview(int(persons), int(records), int(minutes), int(without_id or 0))


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


def _area(station: Station, v: Volunteer) -> str:
    if v.address.strip():
        return v.address.strip()
    return "".join(p for p in (station.township, station.village, v.group_name) if p)


def _person_row(station: Station, v: Volunteer) -> list[str]:
    birth = v.birth_date or (id_birth_date(v.id_number) if v.id_number else None)
    return [
        v.number,
        v.name,
        _SEX.get(v.sex, ""),
        birth.isoformat() if birth else "",
        v.id_number,
        _area(station, v),
        v.phone,
        "、".join(s for s in v.skills.split("|") if s),
        "、".join(s for s in v.service_categories.split("|") if s),
    ]


def _leaders(session: Session, activity_ids: Sequence[str]) -> dict[str, str]:
    """The first organising team's leader of each activity (by team name)."""
    out: dict[str, str] = {}
    if not activity_ids:
        return out
    rows = session.execute(
        select(ActivityTeam.activity_id, VolunteerTeam.leader_name)
        .join(VolunteerTeam, VolunteerTeam.id == ActivityTeam.team_id)
        .where(ActivityTeam.activity_id.in_(activity_ids), ActivityTeam.deleted.is_(False))
        .where(VolunteerTeam.leader_name != "")
        .order_by(ActivityTeam.activity_id, VolunteerTeam.name)
    )
    for activity_id, leader in rows:
        out.setdefault(activity_id, leader)
    return out


def export_xlsx(
    db: Database,
    actor: Actor,
    choice: NationalChoice,
    path: Path | str,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> NationalExportResult:
    """Write the approved records of *choice* to *path* and remember them as exported.

    One transaction: the records are chosen, the file is written (under a
    temporary name, renamed when complete), and the export, its records and the
    audit entry are stored; if anything fails the file is removed and nothing
    is remembered.  Refused when there is nothing to export.
    """
    require(actor, Permission.EXPORT_NATIONAL)
    path = Path(path)
    written: list[bool] = []
    try:
        result = _export(db, actor, choice, path, progress, cancel, written)
    except BaseException:
        if written:  # the file is complete but not remembered as exported: take it back
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result


def _export(
    db: Database,
    actor: Actor,
    choice: NationalChoice,
    path: Path,
    progress: ProgressFn | None,
    cancel: Cancel | None,
    written: list[bool],
) -> NationalExportResult:
    with db.write() as session:
        station = session.get(Station, own_station(session))
        if station is None:
            raise RuntimeError("the station is not set up")
        rows = session.execute(
            select(ServiceRecord, ServiceRecordState.minutes, Activity, Volunteer)
            .join(ServiceRecordState, ServiceRecordState.record_id == ServiceRecord.id)
            .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
            .outerjoin(Activity, Activity.id == ServiceRecord.activity_id)
            .where(ServiceRecord.id.in_(select(_selection(session, choice).subquery())))
            .order_by(Volunteer.number, ServiceRecord.service_date, ServiceRecord.id)
        ).all()
        if not rows:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There are no approved service records to export.")
            )
        leaders = _leaders(session, sorted({a.id for _r, _m, a, _v in rows if a is not None}))
        people: dict[str, Volunteer] = {}
        for _r, _m, _a, v in rows:
            people.setdefault(v.id, v)
        total = len(rows)

        def record_rows() -> Iterator[list[str]]:
            for done, (r, minutes, a, v) in enumerate(rows, 1):
                if cancel is not None:
                    cancel.check()
                title = a.title if a is not None else r.content
                content = r.content or (a.content if a is not None else "") or title
                yield [
                    v.number,
                    v.name,
                    v.id_number,
                    title,
                    r.service_date.isoformat(),
                    a.place if a is not None else "",
                    content,
                    _hours(minutes),
                    station.name,
                    (leaders.get(a.id, "") if a is not None else "") or station.leader_name,
                ]
                if progress is not None and (done % 200 == 0 or done == total):
                    progress(done, total)

        person_rows = (_person_row(station, v) for v in people.values())
        write_xlsx_sheets(
            path,
            [
                (PERSON_SHEET, PERSON_HEADER, person_rows),
                (RECORD_SHEET, RECORD_HEADER, record_rows()),
            ],
        )
        written.append(True)
        minutes_total = sum(m for _r, m, _a, _v in rows)
        batch = NationalExport(
            exported_at=utcnow(),
            period_start=choice.start,
            period_end=choice.end,
            only_new=choice.only_new,
            persons=len(people),
            records=total,
            minutes=minutes_total,
            operator_id=actor.operator_id,
            operator_name=actor.display_name,
        )
        session.add(batch)
        session.flush()
        # a record exported again (a chosen period, not "new only") keeps its first link
        linked = set(
            session.scalars(
                select(NationalExportRecord.record_id).where(
                    NationalExportRecord.record_id.in_(_selection(session, choice))
                )
            )
        )
        session.add_all(
            NationalExportRecord(export_id=batch.id, record_id=r.id, minutes=m)
            for r, m, _a, _v in rows
            if r.id not in linked
        )
        audit.record(
            session,
            actor,
            "national.export",
            "national_export",
            batch.id,
            after=_summary(choice, len(people), total),
        )
        session.flush()
    return NationalExportResult(batch.id, len(people), total, minutes_total)


def _summary(choice: NationalChoice, persons: int, records: int) -> dict[str, Any]:
    period = f"{choice.start or ''}~{choice.end or ''}" if choice.start or choice.end else ""
    return {"period": period, "only_new": choice.only_new, "persons": persons, "records": records}


def working_days_back(today: date, n: int) -> date:
    """The latest day *d* with at least *n* working days (Mon–Fri) in (d, today]."""
    d, count = today, 0
    while count < n:
        if d.weekday() < 5:
            count += 1
        d -= timedelta(days=1)
    return d


def national_export_due(db: Database, today: date) -> NationalDue:
    """Approved records not exported yet that are close to or past the 10-working-day limit.

    A record's age is the number of working days after its service date up to
    *today* (a Friday's record is 1 working day old on Monday).  Two counts on
    date bounds, so the dashboard's figure is one indexed query.
    """
    with db.read() as session:
        warn = load_policy(session).national_warn_days
        close_by = working_days_back(today, warn)
        overdue_by = working_days_back(today, LIMIT_WORKING_DAYS + 1)
        not_exported = _selection(session, NationalChoice(end=close_by))
        due, overdue, oldest = session.execute(
            select(
                func.count(),
                func.count().filter(ServiceRecordState.service_date <= overdue_by),
                func.min(ServiceRecordState.service_date),
            ).where(ServiceRecordState.record_id.in_(not_exported))
        ).one()
    return NationalDue(int(due) - int(overdue), int(overdue), oldest, warn)
