"""报送 — a report submitted once, frozen as a numbered snapshot that travels upward.

:func:`submit_report` counts the period now and writes the numbers as they are
into a ``report_snapshot`` row (syncable, append-only): the next sync file
carries it to the township, and nothing edits it afterwards.  A report for a
period submitted again is the next ``version`` (编号 ``BS-<code>-<period>-<n>``);
the earlier versions stay, so the township sees what was reported when.

At the township (the imported rows of every enrolled station)
:func:`submitted_reports` lists each station's snapshots with their state:
已报送 until the township reviews it, then 已审核 or 退回 with the reason
(:func:`review_report`, an append-only ``report_review`` row; the latest wins).
The review stays township-side: the config package does not carry it back down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import ReportReview, ReportSnapshot, ReviewState
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.reports.figures import (
    Period,
    StationReport,
    report_from_json,
    report_to_json,
    station_report,
)

STATE_WORDS = {
    ReviewState.SUBMITTED.value: "已报送",
    ReviewState.APPROVED.value: "已审核",
    ReviewState.RETURNED.value: "退回",
}


@dataclass(frozen=True)
class SubmittedReport:
    """One submitted version of a station's report, with the township's state of it."""

    id: str
    station_id: str
    number: str
    period_kind: str
    period_key: str
    version: int
    submitted_at: datetime
    submitted_by: str
    state: str = ReviewState.SUBMITTED.value
    reason: str = ""
    reviewed_by: str = ""
    station_code: str = ""
    station_name: str = ""

    @property
    def state_text(self) -> str:
        return STATE_WORDS.get(self.state, self.state)


def _submitted(row: ReportSnapshot) -> SubmittedReport:
    return SubmittedReport(
        row.id,
        row.station_id,
        row.number,
        row.period_kind,
        row.period_key,
        row.version,
        row.submitted_at,
        row.submitted_by,
    )


def submit_report(db: Database, actor: Actor, period: Period | str) -> SubmittedReport:
    """报送: freeze this station's report for *period* as the next numbered version."""
    require(actor, Permission.DAILY_WORK)
    report = station_report(db, period, preparer=actor.display_name)
    with db.write() as session:
        sid = str(db.station_id)
        last = session.scalar(
            select(func.max(ReportSnapshot.version)).where(
                ReportSnapshot.station_id == sid,
                ReportSnapshot.period_key == report.period.key,
            )
        )
        version = int(last or 0) + 1
        row = ReportSnapshot(
            number=f"BS-{report.station_code}-{report.period.key}-{version}",
            period_kind=report.period.kind,
            period_key=report.period.key,
            version=version,
            period_start=report.period.start,
            period_end=report.period.end,
            payload=report_to_json(report),
            submitted_by=actor.display_name,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "report.submit",
            "report_snapshot",
            row.id,
            after={"number": row.number, "period": row.period_key, "version": version},
        )
        return _submitted(row)


def snapshot_report(db: Database, snapshot_id: str) -> StationReport:
    """A submitted report's numbers, as they were when it was submitted."""
    with db.read() as session:
        row = session.get(ReportSnapshot, snapshot_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This submitted report was not found."))
        return report_from_json(row.payload)


def submitted_reports(
    db: Database, station_ids: Sequence[tuple[str, str, str]] | None = None
) -> list[SubmittedReport]:
    """The submitted reports, newest first: this station's own, or at the township
    those of *station_ids* (default: every enrolled station), each with its state."""
    if station_ids is None:
        if db.station_id is None:
            return []
        from app.services.station import get_station

        info = get_station(db)
        if info.mode.value == "township":
            from app.services.township.summary import enrolled_stations

            station_ids = enrolled_stations(db)
        else:
            station_ids = [(info.id, info.code, info.name)]
    names = {sid: (code, name) for sid, code, name in station_ids}
    with db.read() as session:
        rows = session.scalars(
            select(ReportSnapshot)
            .where(ReportSnapshot.station_id.in_(list(names)), ReportSnapshot.deleted.is_(False))
            .order_by(
                ReportSnapshot.period_key.desc(),
                ReportSnapshot.station_id,
                ReportSnapshot.version.desc(),
            )
        ).all()
        reviews: dict[str, ReportReview] = {}
        ids = [r.id for r in rows]
        if ids:
            for decided in session.scalars(
                select(ReportReview)
                .where(ReportReview.snapshot_id.in_(ids))
                .order_by(ReportReview.reviewed_at, ReportReview.change_seq)
            ):
                reviews[decided.snapshot_id] = decided  # the latest decision wins
        out = []
        for row in rows:
            code, name = names[row.station_id]
            item = _submitted(row)
            review = reviews.get(row.id)
            out.append(
                SubmittedReport(
                    **{
                        **item.__dict__,
                        "station_code": code,
                        "station_name": name,
                        "state": review.state if review else ReviewState.SUBMITTED.value,
                        "reason": review.reason if review else "",
                        "reviewed_by": review.reviewed_by if review else "",
                    }
                )
            )
        return out


def review_report(
    db: Database, actor: Actor, snapshot_id: str, *, approve: bool, reason: str = ""
) -> None:
    """The township's decision: 已审核, or 退回 with a reason (required)."""
    require(actor, Permission.DAILY_WORK)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Please give the reason for returning the report.")
        )
    with db.write() as session:
        if session.get(ReportSnapshot, snapshot_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This submitted report was not found."))
        state = ReviewState.APPROVED if approve else ReviewState.RETURNED
        review = ReportReview(
            snapshot_id=snapshot_id,
            state=state.value,
            reason=reason,
            reviewed_by=actor.display_name,
        )
        session.add(review)
        audit.record(
            session,
            actor,
            "report.review",
            "report_snapshot",
            snapshot_id,
            after={"state": state.value, "reason": reason},
        )
