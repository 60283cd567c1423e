"""Certificates: 志愿服务记录证明, 星级志愿者证书 and 活动参与证明.

Each is a layout (``certificate_service.json`` A4 portrait,
``certificate_star.json`` and ``certificate_activity.json`` A4 landscape) filled
from a dataclass.  The service record certificate carries every element DOMAIN.md
lists: identity (name, ID type, masked ID number, 志愿者编号), the period, total
hours and the service table (which continues on further pages when long — the
issuer block, seal and signatures then sit on the last page), issuer, 负责人,
经办人, phone, 证明编号, date, notes, a seal space (盖章处), signature lines and a
verifying QR.  Reprints are marked 副本; voided certificates are overprinted 作废
with the reason.

Privacy contract: callers pass the ID number **already masked**
(``330***********1234``).  As a safety net a value that still looks like a full
18-digit 身份证号 is masked here too, so a slip in a service cannot put a full
number on paper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.printing.layout import Layout, load_layout, render_many
from app.printing.text import format_date, format_number
from app.progress import Cancel, Cancelled, ProgressFn, report

__all__ = [
    "ActivityCertificate",
    "Certificate",
    "PrintCancelled",
    "ServiceCertificate",
    "ServiceItem",
    "StarCertificate",
    "mask_id_number",
    "render_certificate",
    "render_certificates",
]

STAR_LABELS = {
    1: "一星级志愿者",
    2: "二星级志愿者",
    3: "三星级志愿者",
    4: "四星级志愿者",
    5: "五星级志愿者",
}
_FULL_ID = re.compile(r"\b(\d{3})\d{11}(\d{3}[\dXx])\b")
_FULL_ID_15 = re.compile(r"\b(\d{3})\d{8}(\d{4})\b")


class PrintCancelled(Cancelled):
    """A batch stopped by its cancel token (a :class:`~app.progress.Cancelled`)."""


def mask_id_number(value: str) -> str:
    """Mask anything that looks like a full 18- or 15-digit ID number (first 3 + last 4 kept)."""
    value = _FULL_ID.sub(lambda m: m.group(1) + "*" * 11 + m.group(2), value)
    return _FULL_ID_15.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), value)


@dataclass(frozen=True, slots=True)
class ServiceItem:
    """One line of the service content: date, activity/service, approved hours."""

    service_date: date | str
    title: str
    hours: float | int | str  # a number, or the services' hours text ("1.5")


@dataclass(frozen=True, slots=True)
class ServiceCertificate:
    """志愿服务记录证明."""

    number: str
    name: str
    id_type: str  # 居民身份证, 港澳居民来往内地通行证, ...
    id_number_masked: str
    volunteer_number: str
    period_start: date
    period_end: date
    total_hours: float | int | str
    activities: Sequence[ServiceItem]
    issuer_name: str
    leader_name: str  # 负责人
    handler_name: str  # 经办人
    contact_phone: str
    issue_date: date
    verify_payload: str
    notes: str = ""
    is_copy: bool = False  # reprint -> 副本
    voided: bool = False
    void_reason: str = ""


@dataclass(frozen=True, slots=True)
class StarCertificate:
    """星级志愿者证书: the level, the hours at grant and the grant date."""

    number: str
    name: str
    volunteer_number: str
    star_level: int
    hours_at_grant: float | int | str
    granted_on: date
    issuer_name: str
    issue_date: date
    verify_payload: str
    is_copy: bool = False
    voided: bool = False
    void_reason: str = ""


@dataclass(frozen=True, slots=True)
class ActivityCertificate:
    """活动参与证明 for a volunteer or a villager who took part in an activity."""

    number: str
    name: str
    activity_title: str
    activity_date: date | str
    place: str
    organizer: str
    issuer_name: str
    issue_date: date
    verify_payload: str
    role: str = "志愿者"
    volunteer_number: str = ""
    hours: float | int | str | None = None
    is_copy: bool = False
    voided: bool = False
    void_reason: str = ""


Certificate = ServiceCertificate | StarCertificate | ActivityCertificate


def _period(start: date, end: date) -> str:
    return f"{format_date(start)}至{format_date(end)}"


def _fields(cert: Certificate) -> tuple[str, dict[str, Any]]:
    common: dict[str, Any] = {
        "number": cert.number,
        "name": cert.name,
        "issuer_name": cert.issuer_name,
        "issue_date": format_date(cert.issue_date),
        "verify_payload": cert.verify_payload,
        "is_copy": cert.is_copy,
        "voided": cert.voided,
        "void_reason": cert.void_reason or "（未注明原因）",
    }
    if isinstance(cert, ServiceCertificate):
        common.update(
            id_type=cert.id_type,
            id_number=mask_id_number(cert.id_number_masked),
            volunteer_number=cert.volunteer_number,
            period_label=_period(cert.period_start, cert.period_end),
            total_hours=format_number(cert.total_hours),
            activities=[
                {
                    "date": format_date(a.service_date)
                    if isinstance(a.service_date, date)
                    else a.service_date,
                    "title": a.title,
                    "hours": format_number(a.hours),
                }
                for a in cert.activities
            ],
            leader_name=cert.leader_name,
            handler_name=cert.handler_name,
            contact_phone=cert.contact_phone,
            notes=cert.notes,
        )
        return "certificate_service", common
    if isinstance(cert, StarCertificate):
        common.update(
            volunteer_number=cert.volunteer_number,
            star_level=cert.star_level,
            star_label=STAR_LABELS.get(cert.star_level, f"{cert.star_level}星级志愿者"),
            hours=format_number(cert.hours_at_grant),
            granted_on=format_date(cert.granted_on),
        )
        return "certificate_star", common
    common.update(
        role=cert.role,
        volunteer_number=cert.volunteer_number,
        hours=format_number(cert.hours) if cert.hours else "",
        # The clauses of layouts made before optional template parts existed.
        number_clause=f"，志愿者编号：{cert.volunteer_number}" if cert.volunteer_number else "",
        activity_title=cert.activity_title,
        activity_date=format_date(cert.activity_date)
        if isinstance(cert.activity_date, date)
        else cert.activity_date,
        place=cert.place,
        organizer=cert.organizer,
        hours_clause=f"，服务时长 {format_number(cert.hours)} 小时" if cert.hours else "",
    )
    return "certificate_activity", common


def render_certificates(
    certificates: Sequence[Certificate],
    *,
    layout_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """Many certificates, any mix of kinds, in one PDF (each on its own page(s)).

    ``progress(done, total)`` is called after each certificate; *cancel* (the
    protocol of :mod:`app.progress`) is polled after each one and stops the batch
    with :class:`PrintCancelled` (the batch-print dialog's cancel).
    """
    layouts: dict[str, Layout] = {}
    total = len(certificates)

    def jobs() -> Any:
        for done, cert in enumerate(certificates, 1):
            name, fields = _fields(cert)
            if name not in layouts:
                layouts[name] = load_layout(name, layout_dir)
            yield layouts[name], fields
            report(progress, done, total)
            if cancel is not None and cancel.cancelled:
                raise PrintCancelled(f"cancelled after {done} of {total}")

    return render_many(jobs(), title="志愿服务证明")


def render_certificate(cert: Certificate, *, layout_dir: str | Path | None = None) -> bytes:
    return render_certificates([cert], layout_dir=layout_dir)
