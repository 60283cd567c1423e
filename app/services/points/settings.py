"""积分设置 — the station's points settings and the period keys they imply.

A :class:`PointsSettings` value (period kind, base score, pass line, minimum
balance, carry-over or clearance) arrives from the caller: the view builds it
from the station policy or the township's config package.  Periods are keyed
``"2026"``, ``"2026-Q4"`` or ``"2026-11"`` by the ``period_kind`` setting; a
year's entries of any kind are the range ``"2026" <= period < "2027"``
(:func:`_in_period`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP

PERIOD_KINDS = ("month", "quarter", "year")
END_ACTIONS = ("carry", "clear")


@dataclass(frozen=True)
class PointsSettings:
    """The station's points settings (each a default the township may change)."""

    period_kind: str = "year"  # month, quarter, year
    base_points: int = 0  # 基础分 written at period open
    pass_line: int | None = None  # 合格线: minimum period score to redeem
    min_balance: int | None = None  # minimum balance to redeem at all
    end_action: str = "carry"  # carry (结转) or clear (清零) at finalize

    def __post_init__(self) -> None:
        if self.period_kind not in PERIOD_KINDS:
            raise ValueError(f"period_kind must be one of {PERIOD_KINDS}")
        if self.end_action not in END_ACTIONS:
            raise ValueError(f"end_action must be one of {END_ACTIONS}")


def period_key(day: date, kind: str = "year") -> str:
    """``2026``, ``2026-Q4`` or ``2026-11`` for *day*."""
    if kind == "year":
        return f"{day.year:04d}"
    if kind == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unknown period kind {kind!r}")


_PERIOD_RE = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


def _check_period(key: str) -> str:
    key = key.strip().upper()
    if not _PERIOD_RE.match(key):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{period} is not a period (2026, 2026-Q4 or 2026-11)."),
            period=key,
        )
    return key


def _in_period(column, key: str):
    """A year covers every entry of its quarters and months; others match exactly."""
    if len(key) == 4:
        return and_(column >= key, column < f"{int(key) + 1:04d}")
    return column == key
