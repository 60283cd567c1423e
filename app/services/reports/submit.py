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

The decision travels back down in the township's next config package (the hub
publishes one as soon as a review is added): :func:`reviews_for` gives a
station's latest decisions, :func:`clean_reviews` checks what a package holds,
and :func:`store_reviews` keeps them at the station in ``local_state`` (the
township's rows, not the station's: they do not sync back up), so the station's
报送 list shows 已审核 or 退回 with the township's reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import LocalState, ReportReview, ReportSnapshot, ReviewState
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
            reviews.update(_latest(session, ids))
            for snapshot_id, carried in _carried(session).items():
                reviews.setdefault(snapshot_id, carried)
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


# --- the review carried down to the station ----------------------------------------------

REVIEW_STATE = "report/review/"  # station: + snapshot id -> the township's latest decision
MAX_REVIEWS = 2000  # a package holds at most this many decisions per station
_REASON_CHARS = 500
_NAME_CHARS = 50


def _latest(session: Session, snapshot_ids: Sequence[str]) -> dict[str, ReportReview]:
    """The latest decision on each of *snapshot_ids* that has one."""
    latest: dict[str, ReportReview] = {}
    for decided in session.scalars(
        select(ReportReview)
        .where(ReportReview.snapshot_id.in_(list(snapshot_ids)))
        .order_by(ReportReview.reviewed_at, ReportReview.change_seq)
    ):
        latest[decided.snapshot_id] = decided  # the latest decision wins
    return latest


def _carried(session: Session) -> dict[str, ReportReview]:
    """At a station: the township's decisions its config packages brought."""
    out: dict[str, ReportReview] = {}
    for row in session.scalars(
        select(LocalState).where(LocalState.key.startswith(REVIEW_STATE, autoescape=True))
    ):
        data = json.loads(row.value)
        out[row.key[len(REVIEW_STATE) :]] = ReportReview(
            snapshot_id=row.key[len(REVIEW_STATE) :],
            state=data["state"],
            reason=data["reason"],
            reviewed_by=data["by"],
            reviewed_at=datetime.fromisoformat(data["at"]),
        )
    return out


def reviews_for(session: Session, station_id: str) -> list[dict[str, str]]:
    """The township's latest decision on each of *station_id*'s reports (for its package)."""
    ids = list(
        session.scalars(
            select(ReportSnapshot.id).where(
                ReportSnapshot.station_id == station_id, ReportSnapshot.deleted.is_(False)
            )
        )
    )
    decided = _latest(session, ids) if ids else {}
    return [
        {
            "snapshot": sid,
            "state": r.state,
            "reason": r.reason,
            "by": r.reviewed_by,
            "at": r.reviewed_at.isoformat(timespec="seconds"),
        }
        for sid, r in sorted(decided.items())
    ][-MAX_REVIEWS:]


def clean_reviews(raw: Any) -> list[dict[str, str]]:
    """A package's decisions for this station, checked (ValueError/TypeError when not)."""
    if raw is None:  # a package from before reviews travelled
        return []
    if not isinstance(raw, list) or len(raw) > MAX_REVIEWS:
        raise ValueError("reviews")
    out = []
    for r in raw:
        state = str(r["state"])
        if state not in (ReviewState.APPROVED.value, ReviewState.RETURNED.value):
            raise ValueError("review state")
        snapshot = str(r["snapshot"])
        if not 0 < len(snapshot) <= 36:
            raise ValueError("review snapshot")
        if not all(isinstance(r[k], str) for k in ("reason", "by", "at")):
            raise TypeError("review")
        at = datetime.fromisoformat(r["at"]).isoformat(timespec="seconds")
        out.append(
            {
                "snapshot": snapshot,
                "state": state,
                "reason": r["reason"][:_REASON_CHARS],
                "by": r["by"][:_NAME_CHARS],
                "at": at,
            }
        )
    return out


def store_reviews(session: Session, station_id: str, reviews: Sequence[dict[str, str]]) -> int:
    """Keep the township's decisions on this station's own reports; how many changed."""
    own = set(
        session.scalars(
            select(ReportSnapshot.id).where(
                ReportSnapshot.station_id == station_id,
                ReportSnapshot.id.in_([r["snapshot"] for r in reviews]),
            )
        )
    )
    changed = 0
    for r in reviews:
        if r["snapshot"] not in own:
            continue  # not one of ours (or not here any more): nothing to show
        key = REVIEW_STATE + r["snapshot"]
        value = json.dumps({k: r[k] for k in ("state", "reason", "by", "at")}, ensure_ascii=False)
        row = session.get(LocalState, key)
        if row is None:
            session.add(LocalState(key=key, value=value))
        elif row.value != value:
            row.value = value
        else:
            continue
        changed += 1
    return changed
