"""Documents: service results turned into the printing layer's data and PDF bytes.

The GUI, the command line (``main.py print …``) and later the hub and the
reports make every printed document here, so a slip, a card sheet, a
certificate or a notice list looks the same whoever asks and needs no Qt:

* :mod:`.slips` — 兑换单 and 作废单, and recording their prints (补打);
* :mod:`.cards` — household and volunteer QR cards (single or A4 sheets);
* :mod:`.certificates` — 志愿服务记录证明, star and participation certificates (副本);
* :mod:`.lists` — the notice-board lists: 公示, 积分榜, 红黑榜, ratings;
* :mod:`.list_export` — every list of the app (households to stock moves) as it is
  filtered on screen, to a masked xlsx and to A4 pages;
* :mod:`.bank` — a volunteer's 积分银行 statement (hours, points, redemptions);
* :mod:`.reports` — a station's 月报/季报/年报 as PDF and xlsx (the same numbers).
* :mod:`.orders` — a 四单 order's 派单单 and 服务回执.

Writes (issuing a card or a certificate, logging a print) go through the
domain services, one transaction per user action.
"""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(utc: datetime | None) -> datetime | None:
    """A stored (naive UTC) time as the station's wall-clock time, for printing."""
    if utc is None:
        return None
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
