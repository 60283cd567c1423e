"""志愿服务记录证明, 星级志愿者 and 活动参与 certificates: the printer's data from a
:class:`~app.services.volunteers.certificates.CertificateData`, and the PDF.

Issuing numbers and registers the certificate (one transaction) and then makes
the PDF; a batch of star certificates is numbered in one transaction.  A copy
(副本) of a registered certificate is recorded in the register by
:func:`~app.services.volunteers.certificates.reprint` — the GUI's 副本 button and
``main.py print certificate`` make the same call.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.db import Database
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.paths import DataDir
from app.progress import Cancel, Progress
from app.services import activities
from app.services.activities import ActivityFilter
from app.services.auth import Actor
from app.services.documents.layouts import layout_dir
from app.services.keys import card_key
from app.services.volunteers import certificates
from app.services.volunteers.certificates import CertificateData


def _place_of(db: Database, data: CertificateData) -> str:
    if not data.activity_title or data.period_start is None:
        return ""
    flt = ActivityFilter(month=activities.month_of(data.period_start), text=data.activity_title)
    for row in activities.fetch_activities(db, 0, 50, flt):
        if row.title == data.activity_title and row.starts_at.date() == data.period_start:
            return row.place
    return ""


def printable(db: Database, data: CertificateData) -> Any:
    """The printing layer's certificate for *data* (plain data, masked ID)."""
    from app.printing.certificate import (
        ActivityCertificate,
        ServiceCertificate,
        ServiceItem,
        StarCertificate,
    )

    total = data.total_hours  # app.i18n.hours_text, as every list and the kiosk show hours
    if data.kind == "star":
        return StarCertificate(
            number=data.number,
            name=data.volunteer_name,
            volunteer_number=data.volunteer_number,
            star_level=data.star_level or 0,
            hours_at_grant=total,
            granted_on=data.period_end or data.issued_on,
            issuer_name=data.issuer,
            issue_date=data.issued_on,
            verify_payload=data.verify_payload,
            is_copy=data.is_copy,
            voided=data.voided,
            void_reason=data.void_reason,
        )
    if data.kind == "participation":
        return ActivityCertificate(
            number=data.number,
            name=data.volunteer_name,
            activity_title=data.activity_title,
            activity_date=data.period_start or data.issued_on,
            place=_place_of(db, data),
            organizer=data.issuer,
            issuer_name=data.issuer,
            issue_date=data.issued_on,
            verify_payload=data.verify_payload,
            volunteer_number=data.volunteer_number,
            hours=total if data.total_minutes else None,
            is_copy=data.is_copy,
            voided=data.voided,
            void_reason=data.void_reason,
        )
    return ServiceCertificate(
        number=data.number,
        name=data.volunteer_name,
        id_type=data.id_type,
        id_number_masked=data.id_masked,
        volunteer_number=data.volunteer_number,
        period_start=data.period_start or data.issued_on,
        period_end=data.period_end or data.issued_on,
        total_hours=total,
        activities=[
            ServiceItem(line.service_date, line.title, line.hours) for line in data.services
        ],
        issuer_name=data.issuer,
        leader_name=data.leader_name,
        handler_name=data.operator_name,
        contact_phone=data.contact_phone,
        issue_date=data.issued_on,
        verify_payload=data.verify_payload,
        notes=data.note,
        is_copy=data.is_copy,
        voided=data.voided,
        void_reason=data.void_reason,
    )


def certificate_pdf(db: Database, data: CertificateData) -> bytes:
    from app.printing.certificate import render_certificate

    return render_certificate(printable(db, data), layout_dir=layout_dir(db))


def issue_certificate(
    db: Database,
    actor: Actor,
    data_dir: DataDir,
    kind: str,
    volunteer_id: str,
    *,
    start: date | None = None,
    end: date | None = None,
    activity_id: str = "",
    note: str = "",
) -> tuple[CertificateData, bytes]:
    """Issue one certificate (numbered and registered) and make its PDF."""
    key = card_key(data_dir.keys)
    if kind == "star":
        data = certificates.issue_star(db, actor, key, volunteer_id, note=note)
    elif kind == "participation":
        data = certificates.issue_participation(
            db, actor, key, volunteer_id, activity_id, note=note
        )
    else:
        if start is None or end is None:
            raise ValueError("a service record needs its period")
        data = certificates.issue_service_record(
            db, actor, key, volunteer_id, start, end, note=note
        )
    return data, certificate_pdf(db, data)


def register_pdf(
    db: Database,
    actor: Actor,
    data_dir: DataDir,
    certificate_id: str,
    *,
    copy: bool,
    reason: str = "",
) -> tuple[CertificateData, bytes]:
    """The certificate as issued (preview) or a 副本 (recorded as a reprint)."""
    key = card_key(data_dir.keys)
    if copy:
        data = certificates.reprint(db, actor, key, certificate_id, reason)
    else:
        data = certificates.certificate_data(db, key, certificate_id)
    return data, certificate_pdf(db, data)


def find_certificate(db: Database, data_dir: DataDir, number: str) -> CertificateData:
    """The registered certificate numbered *number* (e.g. ZM-2026-0004)."""
    data = certificates.find_by_number(db, card_key(data_dir.keys), number)
    if data is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No certificate numbered {number}."), number=number
        )
    return data


def print_certificate(
    db: Database, actor: Actor, data_dir: DataDir, number: str, *, reason: str = ""
) -> tuple[CertificateData, bytes]:
    """Print registered certificate *number* again: a 副本, counted in the register
    exactly as the GUI's 副本 button does."""
    found = find_certificate(db, data_dir, number)
    return register_pdf(db, actor, data_dir, found.id, copy=True, reason=reason)


def batch_star_pdf(
    db: Database,
    actor: Actor,
    data_dir: DataDir,
    year: int,
    level: int,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, bytes]:
    """Issue a star certificate to every volunteer granted *level* in *year* and
    render them into one PDF; returns (how many, the PDF).

    The certificates are numbered in one transaction: a batch cancelled while
    issuing (``cancel.check()`` raises) takes no numbers at all; one cancelled
    while rendering keeps its certificates in the register, to print from there.
    """
    from app.printing.certificate import render_certificates

    key = card_key(data_dir.keys)

    def issued(done: int, n: int, name: str) -> None:
        if progress is not None:
            progress(done, 2 * n, name)
        if cancel is not None:
            cancel.check()

    if cancel is not None:
        cancel.check()
    datas = certificates.issue_star_batch(db, actor, key, year, level, step=issued)
    n = len(datas)
    faces = [printable(db, d) for d in datas]

    def rendered(done: int, total: int) -> None:
        if progress is not None:
            progress(n + done, 2 * n, "")

    return n, render_certificates(
        faces, progress=rendered, cancel=cancel, layout_dir=layout_dir(db)
    )
