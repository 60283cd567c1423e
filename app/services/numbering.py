"""编号 — the one numbering service: document and registration numbers, per station.

Four series are numbered, each per station (a township's hub holds many
stations' rows in one database, and each station counts on its own):

* ``redemption`` — 兑换单 ``DH-2026-000123``, per station and year;
* ``certificate`` — 证明 ``<prefix>-2026-0001`` (the volunteer policy's
  ``certificate_prefix``), per station and year;
* ``order`` — 四单 服务订单 ``DD-2026-0001``, per station and year;
* ``volunteer`` — 志愿者编号 ``101001-V-00042`` (the last six digits of the
  station's 统计用区划代码), per station, never per year.

There is no counter table: the counter of (station, series, year) is the
largest number already stored for it, read inside the write transaction that
stores the next one.  Writes are serialised (``BEGIN IMMEDIATE`` and the
station's write lane, app.db), so two actions never draw the same number, and
a number is never reused — the series' rows are never deleted, only voided or
tombstoned.  Each lookup is an index range (the series' unique constraints are
(station, number) or (station, year, seq)).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Station

REDEMPTION_PREFIX = "DH"
ORDER_PREFIX = "DD"


class Series(StrEnum):
    REDEMPTION = "redemption"
    CERTIFICATE = "certificate"
    VOLUNTEER = "volunteer"
    ORDER = "order"


_YEARLY = (Series.REDEMPTION, Series.CERTIFICATE, Series.ORDER)


@dataclass(frozen=True)
class Number:
    text: str  # as printed: DH-2026-000123
    seq: int  # its running part: 123


def _last_redemption(session: Session, station_id: str, year: int) -> int:
    from app.models import Redemption

    prefix = f"{REDEMPTION_PREFIX}-{year:04d}-"
    last = session.scalar(
        select(func.max(Redemption.number)).where(
            Redemption.station_id == station_id,
            Redemption.number >= prefix,
            Redemption.number < prefix + "~",
        )
    )
    return int(last[len(prefix) :]) if last else 0


def _last_certificate(session: Session, station_id: str, year: int) -> int:
    from app.models import Certificate

    last = session.scalar(
        select(func.max(Certificate.seq)).where(
            Certificate.station_id == station_id, Certificate.year == year
        )
    )
    return last or 0


def _last_order(session: Session, station_id: str, year: int) -> int:
    from app.models import ServiceOrder

    last = session.scalar(
        select(func.max(ServiceOrder.seq)).where(
            ServiceOrder.station_id == station_id, ServiceOrder.year == year
        )
    )
    return last or 0


def _last_volunteer(session: Session, station_id: str) -> int:
    from app.models import Volunteer

    last = session.scalar(
        select(func.max(Volunteer.number_seq)).where(Volunteer.station_id == station_id)
    )
    return last or 0


def last_seq(
    session: Session, station_id: str, series: Series | str, year: int | None = None
) -> int:
    """The running part of the station's last number in *series* (0: none yet)."""
    series = Series(series)
    if series in _YEARLY and year is None:
        raise ValueError(f"the {series} series is numbered per year")
    if series == Series.REDEMPTION:
        assert year is not None
        return _last_redemption(session, station_id, year)
    if series == Series.CERTIFICATE:
        assert year is not None
        return _last_certificate(session, station_id, year)
    if series == Series.ORDER:
        assert year is not None
        return _last_order(session, station_id, year)
    return _last_volunteer(session, station_id)


def format_number(
    session: Session, station_id: str, series: Series | str, seq: int, year: int | None = None
) -> str:
    series = Series(series)
    if series == Series.REDEMPTION:
        return f"{REDEMPTION_PREFIX}-{year:04d}-{seq:06d}"
    if series == Series.CERTIFICATE:
        from app.services.policy import load_volunteer_policy

        return f"{load_volunteer_policy(session).certificate_prefix}-{year}-{seq:04d}"
    if series == Series.ORDER:
        return f"{ORDER_PREFIX}-{year:04d}-{seq:04d}"
    code = session.scalar(select(Station.code).where(Station.id == station_id)) or "000000"
    return f"{code[-6:]}-V-{seq:05d}"


def next_number(
    session: Session, station_id: str, series: Series | str, year: int | None = None
) -> Number:
    """The next number of *series* for *station_id* (and *year*, for the yearly series).

    Call it inside the write transaction that stores the numbered row (see the
    module docstring); the number is the station's last one plus one.
    """
    seq = last_seq(session, station_id, series, year) + 1
    return Number(format_number(session, station_id, series, seq, year), seq)
