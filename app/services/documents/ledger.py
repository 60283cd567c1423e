"""活动台账's data: a station's activities of a period, read for the record book.

One read gathers every activity of the period (not deleted, by start time)
with its teams, 人次 (volunteers signed in, not annulled, plus households
recorded, not annulled — counted as the report's 场次/人次), each volunteer's
counted hours (service records not rejected) and its photos, in a few
grouped queries rather than a round per activity; then
:func:`app.printing.ledger.render_ledger` draws it, page by page, with
progress and cancel.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from app.db import Database
from app.models import (
    Activity,
    ActivityPhoto,
    ActivityTeam,
    Participation,
    Presence,
    ServiceRecordState,
    Volunteer,
    VolunteerTeam,
)
from app.models.activities import PresenceState
from app.printing.ledger import LedgerEntry, render_ledger
from app.progress import Cancel, ProgressFn
from app.services.reports.figures import Period, parse_period

CHUNK = 500  # ids per IN (...)


def ledger_entries(db: Database, period: Period | str, photos_root: Path) -> list[LedgerEntry]:
    """The period's activities of this station as 台账 entries, oldest first."""
    period = parse_period(period) if isinstance(period, str) else period
    sid = str(db.station_id)
    with db.read() as session:
        acts = session.scalars(
            select(Activity)
            .where(
                Activity.station_id == sid,
                Activity.deleted.is_(False),
                Activity.starts_at >= period.start,
                Activity.starts_at < period.end,
            )
            .order_by(Activity.starts_at, Activity.id)
        ).all()
        ids = [a.id for a in acts]
        teams: dict[str, list[str]] = defaultdict(list)
        people: dict[str, int] = defaultdict(int)
        hours: dict[str, list[tuple[str, float]]] = defaultdict(list)
        photos: dict[str, list[Path]] = defaultdict(list)
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            for aid, name in session.execute(
                select(ActivityTeam.activity_id, VolunteerTeam.name)
                .join(VolunteerTeam, VolunteerTeam.id == ActivityTeam.team_id)
                .where(ActivityTeam.activity_id.in_(part), ActivityTeam.deleted.is_(False))
                .order_by(VolunteerTeam.sort_order, VolunteerTeam.name)
            ):
                teams[aid].append(name)
            for aid, n in session.execute(
                select(Presence.activity_id, func.count())
                .where(
                    Presence.activity_id.in_(part),
                    Presence.state != PresenceState.ANNULLED.value,
                )
                .group_by(Presence.activity_id)
            ):
                people[aid] += int(n)
            for aid, n in session.execute(
                select(Participation.activity_id, func.count())
                .where(Participation.activity_id.in_(part), Participation.annulled.is_(False))
                .group_by(Participation.activity_id)
            ):
                people[aid] += int(n)
            for vid_activity, name, minutes in session.execute(
                select(
                    ServiceRecordState.activity_id,
                    Volunteer.name,
                    func.sum(ServiceRecordState.minutes),
                )
                .join(Volunteer, Volunteer.id == ServiceRecordState.volunteer_id)
                .where(
                    ServiceRecordState.activity_id.in_(part),
                    ServiceRecordState.deleted.is_(False),
                    ServiceRecordState.status != "rejected",
                )
                .group_by(ServiceRecordState.activity_id, Volunteer.id, Volunteer.name)
                .order_by(Volunteer.name)
            ):
                hours[str(vid_activity)].append((name, round(int(minutes or 0) / 60, 1)))
            for aid, path in session.execute(
                select(ActivityPhoto.activity_id, ActivityPhoto.path)
                .where(ActivityPhoto.activity_id.in_(part), ActivityPhoto.deleted.is_(False))
                .order_by(ActivityPhoto.created_at, ActivityPhoto.id)
            ):
                photos[aid].append(photos_root / path)
        return [
            LedgerEntry(
                title=a.title,
                category=a.category,
                platform=a.platform,
                teams=tuple(teams[a.id]),
                place=a.place,
                starts_at=a.starts_at,
                ends_at=a.ends_at,
                content=a.content,
                attendances=people[a.id],
                volunteers=tuple(hours[a.id]),
                recorder=a.recorder_name,
                photos=tuple(photos[a.id]),
            )
            for a in acts
        ]


def activity_ledger_pdf(
    db: Database,
    period: Period | str,
    photos_root: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """The period's 活动台账 as one PDF (contents page, a page per activity)."""
    from app.services.station import get_station

    period = parse_period(period) if isinstance(period, str) else period
    entries = ledger_entries(db, period, photos_root)
    return render_ledger(
        get_station(db).name, period.title, entries, progress=progress, cancel=cancel
    )


def save_activity_ledger(
    db: Database,
    period: Period | str,
    photos_root: Path,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> Path:
    """Write the 台账 to *path* (``<path>.part`` renamed once complete)."""
    data = activity_ledger_pdf(db, period, photos_root, progress=progress, cancel=cancel)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
