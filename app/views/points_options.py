"""Settings of the points system, the supermarket counter and the roster imports.

Declared here as typed :class:`~app.settings.Option` values (STYLE 5) rather
than in app/settings.py, because only the issue-3 pages read them;
:func:`points_settings` turns them into the services' :class:`PointsSettings`.
A pass line or minimum balance of 0 means "none" — a household with no points
cannot redeem anyway.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.services.points import (
    DEFAULT_TIERS,
    END_ACTIONS,
    PERIOD_KINDS,
    PeriodView,
    PointsSettings,
    RatingTier,
)
from app.settings import Option, Settings

PERIOD_KIND = Option("points/period_kind", str, "year", "Points period: month, quarter or year")
BASE_POINTS = Option("points/base_points", int, 0, "Base score written at period open")
PASS_LINE = Option("points/pass_line", int, 0, "Minimum period score to redeem (合格线); 0 = none")
MIN_BALANCE = Option("points/min_balance", int, 0, "Minimum balance to redeem; 0 = none")
END_ACTION = Option("points/end_action", str, "carry", "At finalize: carry (结转) or clear (清零)")
MASK_NAMES = Option(
    "points/mask_names_on_notices", bool, False, "Print 张* instead of 张三 on notice-board lists"
)
RATING_TIERS = Option(
    "points/rating_tiers",
    str,
    "",
    "Annual rating tiers: JSON [[title, minimum annual score], ...]; empty = the defaults",
)
SLIP_PAGE = Option("supermarket/slip_page", str, "A4", "Slip paper: A4, A5 or 80mm")
SLIP_TWO_COPIES = Option(
    "supermarket/slip_two_copies",
    bool,
    True,
    "Print 存根联 and 客户联 (else the customer copy only)",
)
SLIP_OUTPUT = Option(
    "supermarket/slip_output",
    str,
    "printer",
    "After a redemption: printer (default printer), preview, or folder (save PDFs)",
)
SLIP_FOLDER = Option("supermarket/slip_folder", str, "", "Folder for slip PDFs (output=folder)")
ROSTER_MAPPING = Option(
    "roster/last_mapping", str, "", "Last roster column mapping: JSON field -> header text"
)
VOLUNTEER_ROSTER_MAPPING = Option(
    "roster/volunteers_mapping",
    str,
    "",
    "Last volunteers roster column mapping: JSON field -> header text",
)
# one remembered mapping per roster kind (RosterSpec.kind); households keep their old key
ROSTER_MAPPINGS = {"households": ROSTER_MAPPING, "volunteers": VOLUNTEER_ROSTER_MAPPING}
SLIP_OUTPUTS = ("printer", "preview", "folder")


def points_settings(settings: Settings) -> PointsSettings:
    kind = settings.get(PERIOD_KIND)
    action = settings.get(END_ACTION)
    pass_line = settings.get(PASS_LINE)
    min_balance = settings.get(MIN_BALANCE)
    return PointsSettings(
        period_kind=kind if kind in PERIOD_KINDS else "year",
        base_points=max(0, settings.get(BASE_POINTS)),
        pass_line=pass_line or None,
        min_balance=min_balance if min_balance > 0 else None,
        end_action=action if action in END_ACTIONS else "carry",
    )


def adopt_period_settings(settings: Settings, periods: Sequence[PeriodView]) -> bool:
    """Take the period kind, base score and end action of the newest period as the
    settings when they were never saved, so the form shows what the periods list
    says (a station set up elsewhere, or the demo) and the next period continues it.
    Returns True when something was adopted."""
    if not periods:
        return False
    latest = max(periods, key=lambda p: p.opened_at)
    adopted = False
    if not settings.has(PERIOD_KIND) and latest.kind in PERIOD_KINDS:
        settings.set(PERIOD_KIND, latest.kind)
        adopted = True
    if not settings.has(BASE_POINTS):
        settings.set(BASE_POINTS, int(latest.base_points))
        adopted = True
    if not settings.has(END_ACTION) and latest.end_action in END_ACTIONS:
        settings.set(END_ACTION, latest.end_action)
        adopted = True
    return adopted


def rating_tiers(settings: Settings) -> list[RatingTier]:
    """The saved rating tiers, highest first (the defaults when none are saved)."""
    try:
        raw = json.loads(settings.get(RATING_TIERS) or "null")
        tiers = [RatingTier(str(label), int(score)) for label, score in raw]
    except (TypeError, ValueError):
        tiers = []
    return sorted(tiers or DEFAULT_TIERS, key=lambda t: t.min_score, reverse=True)


def save_rating_tiers(settings: Settings, tiers: Sequence[RatingTier]) -> None:
    settings.set(
        RATING_TIERS, json.dumps([[t.label, t.min_score] for t in tiers], ensure_ascii=False)
    )


def slip_copies(settings: Settings) -> tuple[str, ...]:
    return ("存根联", "客户联") if settings.get(SLIP_TWO_COPIES) else ("客户联",)


def remembered_mapping(settings: Settings, kind: str = "households") -> dict[str, str]:
    try:
        value = json.loads(settings.get(ROSTER_MAPPINGS[kind]) or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def remember_mapping(settings: Settings, mapping: dict[str, str], kind: str = "households") -> None:
    settings.set(ROSTER_MAPPINGS[kind], json.dumps(mapping, ensure_ascii=False))


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧阳**: the surname stays (two-character surnames too)."""
    if len(name) <= 1:
        return name
    keep = 2 if len(name) >= 4 else 1
    return name[:keep] + "*" * (len(name) - keep)
