"""Settings of the supermarket counter, the notice-board lists and the roster imports.

Declared here as typed :class:`~app.settings.Option` values (STYLE 5) rather
than in app/settings.py, because only the households and supermarket pages read them.  The points
rules (period kind, base score, pass line, minimum balance, end action, rating
tiers) are station policy and live in the database (app.services.policy);
:func:`move_points_settings_to_database` hands over, once, the values an older
version kept here in ``settings.ini``.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from app.db import Database
from app.settings import Option, Settings

if TYPE_CHECKING:
    from app.services.points import PointsSettings, RatingTier

# The points services are imported where they are used: the start-up path imports this
# module for the one-time move below, and the points services (with pypinyin and every
# model) cost ~0.8 s to import.

log = logging.getLogger(__name__)

# Where the points rules were kept before the policy home (read once, then removed).
LEGACY_POINTS_OPTIONS: dict[str, Option[Any]] = {
    "period_kind": Option(
        "points/period_kind", str, "year", "Points period (moved to the database)"
    ),
    "base_points": Option("points/base_points", int, 0, "Base score (moved to the database)"),
    "pass_line": Option("points/pass_line", int, 0, "Pass line (moved to the database)"),
    "min_balance": Option("points/min_balance", int, 0, "Minimum balance (moved to the database)"),
    "end_action": Option("points/end_action", str, "carry", "End action (moved to the database)"),
    "rating_tiers": Option(
        "points/rating_tiers", str, "", "Rating tiers JSON (moved to the database)"
    ),
}
MASK_NAMES = Option(
    "points/mask_names_on_notices", bool, False, "Print 张* instead of 张三 on notice-board lists"
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


def points_settings(db: Database) -> PointsSettings:
    """The station's points settings now (from the database policy)."""
    from app.services import policy

    return policy.points_settings(db)


def rating_tiers(db: Database) -> list[RatingTier]:
    """The station's rating tiers, highest first."""
    from app.services import policy

    return policy.get_points_policy(db).tiers()


def move_points_settings_to_database(db: Database, settings: Settings) -> bool:
    """Start-up: points settings found in ``settings.ini`` (an older version kept them
    there, where backups do not reach) become the database's points policy — unless
    one is stored already — and leave the file.  Returns True when any were moved."""
    found: dict[str, Any] = {}
    for name, option in LEGACY_POINTS_OPTIONS.items():
        if settings.has(option):
            found[name] = settings.get(option)
    if not found:
        return False
    if "rating_tiers" in found:
        try:
            found["rating_tiers"] = [[str(t), int(n)] for t, n in json.loads(found["rating_tiers"])]
        except (TypeError, ValueError):
            log.warning("settings.ini: unreadable rating tiers %r ignored", found["rating_tiers"])
            del found["rating_tiers"]
    from app.services import policy

    moved = policy.adopt_legacy_points(db, found)
    for option in LEGACY_POINTS_OPTIONS.values():
        settings.remove(option)
    settings.sync()
    return moved


def slip_copies(settings: Settings) -> tuple[str, ...]:
    """The copies the counter prints, as the documents layer decides them from the setting."""
    from app.services.documents import slips

    return slips.copies_of(settings.get(SLIP_TWO_COPIES))


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
