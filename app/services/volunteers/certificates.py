"""志愿服务记录证明 — issuing, the certificate register, reprints, voids, 公示 and checks.

DOMAIN "志愿服务记录证明": 谁组织谁记录、谁记录谁证明 — a certificate states only the
*approved* hours this station recorded.  Three kinds: the service record for a
period (``service_record``), the 星级志愿者 certificate (``star``) and the
activity participation certificate (``participation``).

**证明编号** is ``<prefix>-<year>-<4-digit sequence>`` (``ZM-2026-0001``): the
sequence restarts each year and is the station's highest number of that year
plus one, read and written inside one ``BEGIN IMMEDIATE`` transaction (so two
PCs or two clicks can never take the same number, and a refused issue takes
none — no gaps); UNIQUE (station, number) and (station, year, seq) back it up.
The year is the issue date's.

Every issue is a ``Certificate`` row (append-only) with the person's identity
copied in; a reprint is a ``CertificateEvent`` (``reprint``, copy 1, 2, ...) and
prints 副本; a void is one ``CertificateEvent`` (``void``) with its reason — the
certificate stays in the register, shown as voided, and its QR then verifies
as voided.  :class:`CertificateData` holds everything the printer needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, hours_text
from app.models import (
    Activity,
    Certificate,
    CertificateEvent,
    CertificateKind,
    RecordStatus,
    ServiceRecord,
    ServiceRecordState,
    StarGrant,
    Station,
    Volunteer,
    utcnow,
)
from app.models.base import own_station
from app.services import audit, cards, numbering
from app.services.auth import Actor, Permission, require
from app.services.volunteers.people import ID_TYPE_NAMES_ZH, get_volunteer_row

MAX_CONTENT = 300
MAX_LISTED_ACTIVITIES = 200
PUBLICITY_DAYS = 7  # DOMAIN: posted internally for at least 7 days


class CertificateRefused(DomainError):
    """A certificate that cannot be issued, reprinted or voided."""


@dataclass(frozen=True)
class ServiceLine:
    """One approved service of the period, as the certificate lists it."""

    service_date: date
    title: str
    minutes: int

    @property
    def hours(self) -> str:
        return hours_text(self.minutes)


@dataclass(frozen=True)
class CertificateData:
    """Everything a printed certificate shows (plain data for app.printing)."""

    id: str
    number: str  # 证明编号
    kind: str  # CertificateKind
    issued_on: date
    volunteer_id: str
    volunteer_name: str
    volunteer_number: str  # 志愿者编号
    id_type: str  # 居民身份证 ... ("" when none was given)
    id_masked: str
    period_start: date | None
    period_end: date | None
    total_minutes: int
    content: str  # service content summary
    services: tuple[ServiceLine, ...]
    star_level: int | None
    activity_title: str
    issuer: str  # 出具单位 = the station's name
    leader_name: str  # 负责人
    operator_name: str  # 经办人
    contact_phone: str
    township: str
    county: str
    note: str
    verify_payload: str  # QR text (kind C) that verifies this certificate
    copy_no: int = 0  # 0 = the original; 1, 2... = 副本
    voided: bool = False
    void_reason: str = ""

    @property
    def total_hours(self) -> str:
        return hours_text(self.total_minutes)

    @property
    def is_copy(self) -> bool:
        return self.copy_no > 0


@dataclass(frozen=True)
class RegisterRow:
    """One line of the certificate register (证明登记簿) or the 公示 list."""

    id: str
    number: str
    kind: str
    issued_on: date
    volunteer_name: str
    volunteer_number: str
    id_masked: str
    period_start: date | None
    period_end: date | None
    total_minutes: int
    operator_name: str
    reprints: int
    voided: bool
    void_reason: str

    @property
    def total_hours(self) -> str:
        return hours_text(self.total_minutes)


@dataclass(frozen=True)
class CertificateCheck:
    """What scanning a certificate's QR says."""

    status: str  # valid, voided, unknown, invalid
    number: str = ""
    volunteer_name: str = ""
    issued_on: date | None = None
    total_minutes: int = 0


# --- helpers ---------------------------------------------------------------------------------


def _approved_lines(
    session: Session,
    volunteer_id: str,
    start: date | None,
    end: date | None,
    activity_id: str | None = None,
) -> list[ServiceLine]:
    query = (
        select(
            ServiceRecordState.service_date,
            func.coalesce(Activity.title, ServiceRecord.content),
            ServiceRecordState.minutes,
        )
        .join(ServiceRecord, ServiceRecord.id == ServiceRecordState.record_id)
        .outerjoin(Activity, Activity.id == ServiceRecordState.activity_id)
        .where(
            ServiceRecordState.volunteer_id == volunteer_id,
            ServiceRecordState.status == RecordStatus.APPROVED.value,
        )
        .order_by(ServiceRecordState.service_date, ServiceRecord.id)
    )
    if start:
        query = query.where(ServiceRecordState.service_date >= start)
    if end:
        query = query.where(ServiceRecordState.service_date <= end)
    if activity_id:
        query = query.where(ServiceRecordState.activity_id == activity_id)
    return [ServiceLine(r[0], r[1] or "", int(r[2])) for r in session.execute(query).all()]


def summarize_content(lines: list[ServiceLine]) -> str:
    """``参加理论宣讲进村、环境整治等 12 次志愿服务`` from the period's services."""
    titles = list(dict.fromkeys(line.title for line in lines if line.title))
    shown = "、".join(titles[:5])
    if len(titles) > 5:
        shown += "等"
    return f"参加{shown}{len(lines)}次志愿服务"[:MAX_CONTENT]


def _next_number(session: Session, year: int) -> tuple[str, int]:
    n = numbering.next_number(session, own_station(session), numbering.Series.CERTIFICATE, year)
    return n.text, n.seq


def _check_day(day: date) -> date:
    if day > date.today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {date} is in the future."), date=day.isoformat()
        )
    return day


def _issue(
    session: Session,
    actor: Actor,
    volunteer: Volunteer,
    *,
    kind: CertificateKind,
    issued_on: date,
    minutes: int,
    content: str,
    period_start: date | None = None,
    period_end: date | None = None,
    activity_id: str | None = None,
    star_level: int | None = None,
    note: str = "",
) -> Certificate:
    number, seq = _next_number(session, issued_on.year)
    cert = Certificate(
        number=number,
        year=issued_on.year,
        seq=seq,
        kind=kind.value,
        volunteer_id=volunteer.id,
        volunteer_name=volunteer.name,
        volunteer_number=volunteer.number,
        id_type=volunteer.id_type,
        id_masked=volunteer.id_masked,
        period_start=period_start,
        period_end=period_end,
        minutes=minutes,
        content=content,
        activity_id=activity_id,
        star_level=star_level,
        note=note.strip(),
        issued_on=issued_on,
        operator_id=actor.operator_id,
        operator_name=actor.display_name,
    )
    session.add(cert)
    session.flush()
    audit.record(
        session,
        actor,
        "certificate.issue",
        "certificate",
        cert.id,
        after={
            "number": number,
            "kind": kind.value,
            "volunteer": volunteer.number,
            "minutes": minutes,
            "period": [str(period_start or ""), str(period_end or "")],
        },
    )
    return cert


def _data(
    session: Session, card_key: bytes, cert: Certificate, copy_no: int = 0
) -> CertificateData:
    station = session.get(Station, cert.station_id)
    void = session.scalar(
        select(CertificateEvent).where(
            CertificateEvent.certificate_id == cert.id, CertificateEvent.kind == "void"
        )
    )
    if cert.kind == CertificateKind.PARTICIPATION.value:
        lines = _approved_lines(session, cert.volunteer_id, None, None, cert.activity_id)
    elif cert.kind == CertificateKind.SERVICE_RECORD.value:
        lines = _approved_lines(session, cert.volunteer_id, cert.period_start, cert.period_end)
    else:
        lines = []
    title = ""
    if cert.activity_id:
        title = session.scalar(select(Activity.title).where(Activity.id == cert.activity_id)) or ""
    return CertificateData(
        id=cert.id,
        number=cert.number,
        kind=cert.kind,
        issued_on=cert.issued_on,
        volunteer_id=cert.volunteer_id,
        volunteer_name=cert.volunteer_name,
        volunteer_number=cert.volunteer_number,
        id_type=ID_TYPE_NAMES_ZH.get(cert.id_type, ""),
        id_masked=cert.id_masked,
        period_start=cert.period_start,
        period_end=cert.period_end,
        total_minutes=cert.minutes,
        content=cert.content,
        services=tuple(lines[:MAX_LISTED_ACTIVITIES]),
        star_level=cert.star_level,
        activity_title=title,
        issuer=station.name if station else "",
        leader_name=station.leader_name if station else "",
        operator_name=cert.operator_name,
        contact_phone=station.contact_phone if station else "",
        township=station.township if station else "",
        county=station.county if station else "",
        note=cert.note,
        verify_payload=cards.sign_payload(card_key, cards.CardKind.CERTIFICATE, cert.id),
        copy_no=copy_no,
        voided=void is not None,
        void_reason=void.reason if void else "",
    )


def _get(session: Session, certificate_id: str) -> Certificate:
    cert = session.get(Certificate, certificate_id)
    if cert is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such certificate."))
    return cert


# --- issuing ---------------------------------------------------------------------------------


def issue_service_record(
    db: Database,
    actor: Actor,
    card_key: bytes,
    volunteer_id: str,
    start: date,
    end: date,
    *,
    note: str = "",
    issued_on: date | None = None,
) -> CertificateData:
    """志愿服务记录证明 for the approved hours of [start, end]; numbered and registered."""
    require(actor, Permission.DAILY_WORK)
    issued_on = _check_day(issued_on or date.today())
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The period must end on or after its first day.")
        )
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        lines = _approved_lines(session, v.id, start, end)
        minutes = sum(line.minutes for line in lines)
        if minutes <= 0:
            raise CertificateRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} has no approved service hours from {start} to {end}, so there is "
                    "nothing to certify. Approve the hours first or choose another period.",
                ),
                name=v.name,
                start=start.isoformat(),
                end=end.isoformat(),
            )
        cert = _issue(
            session,
            actor,
            v,
            kind=CertificateKind.SERVICE_RECORD,
            issued_on=issued_on,
            minutes=minutes,
            content=summarize_content(lines),
            period_start=start,
            period_end=end,
            note=note,
        )
        return _data(session, card_key, cert)


def _issue_star_in(
    session: Session, actor: Actor, volunteer_id: str, issued_on: date, note: str
) -> Certificate:
    v = get_volunteer_row(session, volunteer_id)
    if v.star_level <= 0:
        raise CertificateRefused(
            QT_TRANSLATE_NOOP("errors", "{name} has not been granted a star level yet."),
            name=v.name,
        )
    return _issue(
        session,
        actor,
        v,
        kind=CertificateKind.STAR,
        issued_on=issued_on,
        minutes=v.approved_minutes,
        content=f"{v.star_level}星级志愿者",
        period_end=issued_on,
        star_level=v.star_level,
        note=note,
    )


def issue_star(
    db: Database,
    actor: Actor,
    card_key: bytes,
    volunteer_id: str,
    *,
    issued_on: date | None = None,
    note: str = "",
) -> CertificateData:
    """星级志愿者 certificate for the level the volunteer holds."""
    require(actor, Permission.DAILY_WORK)
    issued_on = _check_day(issued_on or date.today())
    with db.write() as session:
        cert = _issue_star_in(session, actor, volunteer_id, issued_on, note)
        return _data(session, card_key, cert)


def issue_stars(
    db: Database,
    actor: Actor,
    card_key: bytes,
    volunteer_ids: Sequence[str],
    *,
    issued_on: date | None = None,
    step: Callable[[int, int], None] | None = None,
) -> list[CertificateData]:
    """星级志愿者 certificates for several volunteers, numbered in one transaction.

    *step(done, total)* is called after each one; raising from it (a cancelled
    batch) rolls the whole batch back, so a cancelled batch takes no numbers.
    """
    require(actor, Permission.DAILY_WORK)
    issued_on = _check_day(issued_on or date.today())
    with db.write() as session:
        out = []
        for i, volunteer_id in enumerate(volunteer_ids, 1):
            cert = _issue_star_in(session, actor, volunteer_id, issued_on, "")
            out.append(_data(session, card_key, cert))
            if step is not None:
                step(i, len(volunteer_ids))
        return out


def issue_participation(
    db: Database,
    actor: Actor,
    card_key: bytes,
    volunteer_id: str,
    activity_id: str,
    *,
    issued_on: date | None = None,
    note: str = "",
) -> CertificateData:
    """活动参与证明: the volunteer's approved service at one activity."""
    require(actor, Permission.DAILY_WORK)
    issued_on = _check_day(issued_on or date.today())
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        activity = session.get(Activity, activity_id)
        if activity is None or activity.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such activity."))
        lines = _approved_lines(session, v.id, None, None, activity.id)
        minutes = sum(line.minutes for line in lines)
        if minutes <= 0:
            raise CertificateRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} has no approved service hours at “{activity}”. "
                    "Approve the hours first.",
                ),
                name=v.name,
                activity=activity.title,
            )
        day = activity.starts_at.date()
        cert = _issue(
            session,
            actor,
            v,
            kind=CertificateKind.PARTICIPATION,
            issued_on=issued_on,
            minutes=minutes,
            content=f"参加“{activity.title}”"[:MAX_CONTENT],
            period_start=day,
            period_end=activity.ends_at.date(),
            activity_id=activity.id,
            note=note,
        )
        return _data(session, card_key, cert)


def certificate_data(db: Database, card_key: bytes, certificate_id: str) -> CertificateData:
    """The certificate as issued (for the preview; printing it again is :func:`reprint`)."""
    with db.read() as session:
        return _data(session, card_key, _get(session, certificate_id))


def find_by_number(db: Database, card_key: bytes, number: str) -> CertificateData | None:
    """The registered certificate numbered *number* (e.g. ZM-2026-0004), or None."""
    with db.read() as session:
        cert = session.scalar(
            select(Certificate).where(Certificate.number == number.strip().upper()).limit(1)
        )
        return None if cert is None else _data(session, card_key, cert)


def reprint(
    db: Database, actor: Actor, card_key: bytes, certificate_id: str, reason: str = ""
) -> CertificateData:
    """A copy (副本) of an issued certificate, recorded in the register."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        cert = _get(session, certificate_id)
        if _void_of(session, cert.id) is not None:
            raise CertificateRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "Certificate {number} was voided and cannot be printed again."
                ),
                number=cert.number,
            )
        last = session.scalar(
            select(func.max(CertificateEvent.copy_no)).where(
                CertificateEvent.certificate_id == cert.id, CertificateEvent.kind == "reprint"
            )
        )
        copy_no = (last or 0) + 1
        session.add(
            CertificateEvent(
                certificate_id=cert.id,
                kind="reprint",
                copy_no=copy_no,
                reason=reason.strip(),
                at=utcnow(),
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
        )
        audit.record(
            session,
            actor,
            "certificate.reprint",
            "certificate",
            cert.id,
            after={"number": cert.number, "copy": copy_no},
        )
        return _data(session, card_key, cert, copy_no)


def _void_of(session: Session, certificate_id: str) -> CertificateEvent | None:
    return session.scalar(
        select(CertificateEvent).where(
            CertificateEvent.certificate_id == certificate_id, CertificateEvent.kind == "void"
        )
    )


def void(db: Database, actor: Actor, certificate_id: str, reason: str) -> RegisterRow:
    """作废: the certificate stays in the register, marked voided with the reason."""
    require(actor, Permission.VOID)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        cert = _get(session, certificate_id)
        if _void_of(session, cert.id) is not None:
            raise CertificateRefused(
                QT_TRANSLATE_NOOP("errors", "Certificate {number} is already voided."),
                number=cert.number,
            )
        session.add(
            CertificateEvent(
                certificate_id=cert.id,
                kind="void",
                copy_no=0,
                reason=reason,
                at=utcnow(),
                operator_id=actor.operator_id,
                operator_name=actor.display_name,
            )
        )
        audit.record(
            session,
            actor,
            "certificate.void",
            "certificate",
            cert.id,
            after={"number": cert.number, "reason": reason},
        )
        session.flush()
        return _rows(session, select(Certificate).where(Certificate.id == cert.id))[0]


# --- the register, 公示, batches, verification ---------------------------------------------


def _rows(session: Session, query: Select[Any]) -> list[RegisterRow]:
    certs = list(session.scalars(query))
    ids = [c.id for c in certs]
    voids: dict[str, str] = {}
    reprints: dict[str, int] = {}
    if ids:
        for cid, kind, reason in session.execute(
            select(
                CertificateEvent.certificate_id, CertificateEvent.kind, CertificateEvent.reason
            ).where(CertificateEvent.certificate_id.in_(ids))
        ):
            if kind == "void":
                voids[cid] = reason
            else:
                reprints[cid] = reprints.get(cid, 0) + 1
    return [
        RegisterRow(
            c.id,
            c.number,
            c.kind,
            c.issued_on,
            c.volunteer_name,
            c.volunteer_number,
            c.id_masked,
            c.period_start,
            c.period_end,
            c.minutes,
            c.operator_name,
            reprints.get(c.id, 0),
            c.id in voids,
            voids.get(c.id, ""),
        )
        for c in certs
    ]


def count_register(db: Database, year: int | None = None) -> int:
    with db.read() as session:
        query = select(func.count()).select_from(Certificate)
        if year is not None:
            query = query.where(Certificate.year == year)
        return session.scalar(query) or 0


def fetch_register(
    db: Database, offset: int, limit: int, year: int | None = None
) -> list[RegisterRow]:
    """A window of the register, newest number first."""
    with db.read() as session:
        query = select(Certificate)
        if year is not None:
            query = query.where(Certificate.year == year)
        query = (
            query.order_by(Certificate.year.desc(), Certificate.seq.desc())
            .offset(max(0, offset))
            .limit(max(0, min(limit, 1000)))
        )
        return _rows(session, query)


def publicity_list(
    db: Database, today: date | None = None, days: int = PUBLICITY_DAYS
) -> list[RegisterRow]:
    """公示: certificates issued in the last *days* days (voided ones shown as voided)."""
    today = today or date.today()
    since = today - timedelta(days=max(0, days - 1))
    with db.read() as session:
        query = (
            select(Certificate)
            .where(Certificate.issued_on >= since, Certificate.issued_on <= today)
            .order_by(Certificate.issued_on, Certificate.seq)
        )
        return _rows(session, query)


@dataclass(frozen=True)
class BatchCandidate:
    volunteer_id: str
    number: str
    name: str
    star_level: int
    granted_on: date


def star_candidates_in(session: Session, year: int, level: int = 5) -> list[BatchCandidate]:
    """Step: volunteers granted *level* in *year*, in the order of their grants."""
    rows = session.execute(
        select(
            Volunteer.id, Volunteer.number, Volunteer.name, StarGrant.level, StarGrant.granted_on
        )
        .join(Volunteer, Volunteer.id == StarGrant.volunteer_id)
        .where(
            StarGrant.granted_on >= date(year, 1, 1),
            StarGrant.granted_on <= date(year, 12, 31),
            StarGrant.level == level,
            Volunteer.deleted.is_(False),
        )
        .order_by(StarGrant.granted_on)
    ).all()
    return [BatchCandidate(*r) for r in rows]


def star_candidates(db: Database, year: int, level: int = 5) -> list[BatchCandidate]:
    """Volunteers granted *level* in *year* (e.g. all five-star volunteers of 2026)."""
    with db.read() as session:
        return star_candidates_in(session, year, level)


def issue_star_batch(
    db: Database,
    actor: Actor,
    card_key: bytes,
    year: int,
    level: int,
    *,
    issued_on: date | None = None,
    step: Callable[[int, int, str], None] | None = None,
) -> list[CertificateData]:
    """星级志愿者 certificates for every volunteer granted *level* in *year*: the
    candidates read and every certificate numbered in one transaction.

    *step(done, total, name)* is called after each one; raising from it (a
    cancelled batch) rolls the whole batch back, so it takes no numbers.
    """
    require(actor, Permission.DAILY_WORK)
    issued_on = _check_day(issued_on or date.today())
    with db.write() as session:
        candidates = star_candidates_in(session, year, level)
        if not candidates:
            raise CertificateRefused(
                QT_TRANSLATE_NOOP(
                    "errors", "No volunteer was granted star level {level} in {year}."
                ),
                level=level,
                year=year,
            )
        out = []
        for i, c in enumerate(candidates, 1):
            cert = _issue_star_in(session, actor, c.volunteer_id, issued_on, "")
            out.append(_data(session, card_key, cert))
            if step is not None:
                step(i, len(candidates), c.name)
        return out


def verify_certificate(db: Database, card_key: bytes, payload: str) -> CertificateCheck:
    """Check a scanned certificate QR: valid, voided, unknown here, or not genuine."""
    try:
        kind, record_id = cards.read_payload(card_key, payload)
    except cards.CardError:
        return CertificateCheck("invalid")
    if kind != cards.CardKind.CERTIFICATE:
        return CertificateCheck("invalid")
    with db.read() as session:
        cert = session.get(Certificate, record_id)
        if cert is None:
            return CertificateCheck("unknown")
        status = "voided" if _void_of(session, cert.id) is not None else "valid"
        return CertificateCheck(
            status, cert.number, cert.volunteer_name, cert.issued_on, cert.minutes
        )
