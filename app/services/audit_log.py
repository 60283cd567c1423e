"""操作日志浏览 — read the audit log page by page, newest first, with filters.

Administrators only (``Permission.VIEW_AUDIT``).  An entry stores who
(operator id and name), when (UTC), the action code (``points.award``), the
kind and id of the record it is about, and a JSON summary
``{"before": …, "after": …}``.  :func:`browse` turns entries into plain
:class:`AuditRow` s: a label for the record (its number and name from the
summary, else read from the record itself, a card by its holder) and one
:class:`AuditChange` per field, old → new.

Paging is a keyset on ``seq`` (unique, indexed): a page is the first
``limit`` matches with ``seq < before_seq`` walking the ``seq`` index
downwards, and its ``next_before`` is the key of the following page — no
OFFSET, so page 5,000 of a log with millions of entries costs what page 1
costs.  The other indexes (``action``, ``target_id``) are deliberately not
used for filtering: with them SQLite would read every matching entry and sort
them before returning one page.

The words for actions, record kinds and fields are English source strings
(``QT_TRANSLATE_NOOP("audit", …)``) the view translates; a code not listed is
shown as it is stored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, literal, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.models import AuditEntry, LocalState, Operator
from app.models.base import OWN_STATION
from app.services import text_input
from app.services.auth import Actor, Permission, require

PAGE = 100
SYSTEM_OPERATOR = ""  # the operator id of entries the program itself wrote

ACTION_LABELS: dict[str, str] = {
    "station.setup": QT_TRANSLATE_NOOP("audit", "Station set up"),
    "station.update": QT_TRANSLATE_NOOP("audit", "Station facts changed"),
    "station.new_incarnation": QT_TRANSLATE_NOOP("audit", "Station copy restarted"),
    "operator.create": QT_TRANSLATE_NOOP("audit", "Operator added"),
    "operator.login": QT_TRANSLATE_NOOP("audit", "Signed in"),
    "operator.login_failed": QT_TRANSLATE_NOOP("audit", "Sign-in refused"),
    "operator.login_while_locked": QT_TRANSLATE_NOOP("audit", "Sign-in tried while waiting"),
    "operator.unlock_failed": QT_TRANSLATE_NOOP("audit", "Unlock refused"),
    "operator.unlock_while_locked": QT_TRANSLATE_NOOP("audit", "Unlock tried while waiting"),
    "operator.reset_password_offline": QT_TRANSLATE_NOOP(
        "audit", "Password reset on the PC (reset-password)"
    ),
    "data.write": QT_TRANSLATE_NOOP("audit", "Records written"),
    "audit.seal_baseline": QT_TRANSLATE_NOOP("audit", "Existing records sealed"),
    "demo.seal": QT_TRANSLATE_NOOP("audit", "Demo records sealed"),
    "operator.change_password": QT_TRANSLATE_NOOP("audit", "Password changed"),
    "operator.reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "operator.set_role": QT_TRANSLATE_NOOP("audit", "Role changed"),
    "operator.enable": QT_TRANSLATE_NOOP("audit", "Operator enabled"),
    "operator.disable": QT_TRANSLATE_NOOP("audit", "Operator disabled"),
    "backup.create": QT_TRANSLATE_NOOP("audit", "Backup made"),
    "backup.restore": QT_TRANSLATE_NOOP("audit", "Backup restored"),
    "backup.restore_damaged": QT_TRANSLATE_NOOP("audit", "Damaged database replaced"),
    "household.create": QT_TRANSLATE_NOOP("audit", "Household added"),
    "household.update": QT_TRANSLATE_NOOP("audit", "Household changed"),
    "household.set_head": QT_TRANSLATE_NOOP("audit", "Head of household changed"),
    "household.close": QT_TRANSLATE_NOOP("audit", "Household closed"),
    "household.reopen": QT_TRANSLATE_NOOP("audit", "Household reopened"),
    "member.create": QT_TRANSLATE_NOOP("audit", "Member added"),
    "member.update": QT_TRANSLATE_NOOP("audit", "Member changed"),
    "member.deactivate": QT_TRANSLATE_NOOP("audit", "Member removed"),
    "member.reveal": QT_TRANSLATE_NOOP("audit", "Member's full ID shown"),
    "roster.import": QT_TRANSLATE_NOOP("audit", "Roster imported"),
    "card.issue": QT_TRANSLATE_NOOP("audit", "Card issued"),
    "card.reissue": QT_TRANSLATE_NOOP("audit", "Card reissued"),
    "card.revoke": QT_TRANSLATE_NOOP("audit", "Card revoked"),
    "points.award": QT_TRANSLATE_NOOP("audit", "Points awarded or deducted"),
    "points.batch_award": QT_TRANSLATE_NOOP("audit", "Points for a batch"),
    "points.undo_batch": QT_TRANSLATE_NOOP("audit", "Batch undone"),
    "points.reverse": QT_TRANSLATE_NOOP("audit", "Points entry reversed"),
    "points.adjust": QT_TRANSLATE_NOOP("audit", "Points corrected"),
    "points.apply_ratings": QT_TRANSLATE_NOOP("audit", "Star ratings applied"),
    "points.period_open": QT_TRANSLATE_NOOP("audit", "Points period opened"),
    "points.period_publicize": QT_TRANSLATE_NOOP("audit", "Points period made public"),
    "points.period_finalize": QT_TRANSLATE_NOOP("audit", "Points period finalized"),
    "points.rule_create": QT_TRANSLATE_NOOP("audit", "Rule added"),
    "points.rule_update": QT_TRANSLATE_NOOP("audit", "Rule changed"),
    "points.rule_enable": QT_TRANSLATE_NOOP("audit", "Rule enabled"),
    "points.rule_disable": QT_TRANSLATE_NOOP("audit", "Rule disabled"),
    "points.seed_rules": QT_TRANSLATE_NOOP("audit", "Standard rules added"),
    "goods.create": QT_TRANSLATE_NOOP("audit", "Goods added"),
    "goods.update": QT_TRANSLATE_NOOP("audit", "Goods changed"),
    "goods.enable": QT_TRANSLATE_NOOP("audit", "Goods back on sale"),
    "goods.disable": QT_TRANSLATE_NOOP("audit", "Goods taken off sale"),
    "goods.photo_set": QT_TRANSLATE_NOOP("audit", "Goods photo set"),
    "goods.photo_remove": QT_TRANSLATE_NOOP("audit", "Goods photo removed"),
    "stock.purchase": QT_TRANSLATE_NOOP("audit", "Stock purchased"),
    "stock.donation": QT_TRANSLATE_NOOP("audit", "Stock donated"),
    "stock.damage": QT_TRANSLATE_NOOP("audit", "Stock damaged"),
    "stock.stocktake": QT_TRANSLATE_NOOP("audit", "Stocktake"),
    "supermarket.redeem": QT_TRANSLATE_NOOP("audit", "Goods redeemed"),
    "supermarket.reprint": QT_TRANSLATE_NOOP("audit", "Slip reprinted"),
    "supermarket.void": QT_TRANSLATE_NOOP("audit", "Slip voided"),
    "volunteer.create": QT_TRANSLATE_NOOP("audit", "Volunteer added"),
    "volunteer.update": QT_TRANSLATE_NOOP("audit", "Volunteer changed"),
    "volunteer.activate": QT_TRANSLATE_NOOP("audit", "Volunteer reactivated"),
    "volunteer.deactivate": QT_TRANSLATE_NOOP("audit", "Volunteer deactivated"),
    "volunteer.reveal": QT_TRANSLATE_NOOP("audit", "Volunteer's full ID shown"),
    "volunteer.training": QT_TRANSLATE_NOOP("audit", "Training recorded"),
    "volunteer.award": QT_TRANSLATE_NOOP("audit", "Award recorded"),
    "volunteer.evaluation": QT_TRANSLATE_NOOP("audit", "Evaluation recorded"),
    "volunteer.training_remove": QT_TRANSLATE_NOOP("audit", "Training removed"),
    "volunteer.award_remove": QT_TRANSLATE_NOOP("audit", "Award removed"),
    "volunteer.evaluation_remove": QT_TRANSLATE_NOOP("audit", "Evaluation removed"),
    "volunteer.policy": QT_TRANSLATE_NOOP("audit", "Volunteer rules changed"),
    "policy.points": QT_TRANSLATE_NOOP("audit", "Points rules changed"),
    "volunteer.photo_set": QT_TRANSLATE_NOOP("audit", "Volunteer photo set"),
    "volunteer.photo_remove": QT_TRANSLATE_NOOP("audit", "Volunteer photo removed"),
    "team.create": QT_TRANSLATE_NOOP("audit", "Team added"),
    "team.update": QT_TRANSLATE_NOOP("audit", "Team changed"),
    "team.enable": QT_TRANSLATE_NOOP("audit", "Team enabled"),
    "team.disable": QT_TRANSLATE_NOOP("audit", "Team disabled"),
    "team.seed": QT_TRANSLATE_NOOP("audit", "Standard teams added"),
    "team.join": QT_TRANSLATE_NOOP("audit", "Joined a team"),
    "team.leave": QT_TRANSLATE_NOOP("audit", "Left a team"),
    "hours.approve": QT_TRANSLATE_NOOP("audit", "Hours approved"),
    "hours.reject": QT_TRANSLATE_NOOP("audit", "Hours rejected"),
    "hours.correct": QT_TRANSLATE_NOOP("audit", "Hours corrected"),
    "hours.manual": QT_TRANSLATE_NOOP("audit", "Hours entered by hand"),
    "stars.grant": QT_TRANSLATE_NOOP("audit", "Star level granted"),
    "certificate.issue": QT_TRANSLATE_NOOP("audit", "Certificate issued"),
    "certificate.reprint": QT_TRANSLATE_NOOP("audit", "Certificate reprinted"),
    "certificate.void": QT_TRANSLATE_NOOP("audit", "Certificate voided"),
    "national.export": QT_TRANSLATE_NOOP("audit", "Exported to the national volunteer system"),
    "activity.create": QT_TRANSLATE_NOOP("audit", "Activity added"),
    "activity.update": QT_TRANSLATE_NOOP("audit", "Activity changed"),
    "activity.open": QT_TRANSLATE_NOOP("audit", "Activity sign-in opened"),
    "activity.close": QT_TRANSLATE_NOOP("audit", "Activity closed"),
    "activity.reopen": QT_TRANSLATE_NOOP("audit", "Activity reopened"),
    "activity.cancel": QT_TRANSLATE_NOOP("audit", "Activity cancelled"),
    "activity.photo_add": QT_TRANSLATE_NOOP("audit", "Activity photo added"),
    "activity.photo_remove": QT_TRANSLATE_NOOP("audit", "Activity photo removed"),
    "kiosk.sign_in": QT_TRANSLATE_NOOP("audit", "Signed in at the kiosk"),
    "kiosk.sign_out": QT_TRANSLATE_NOOP("audit", "Signed out at the kiosk"),
    "kiosk.household": QT_TRANSLATE_NOOP("audit", "Household card at the kiosk"),
    "kiosk.annul": QT_TRANSLATE_NOOP("audit", "Kiosk scan annulled"),
    "demo.volunteers": QT_TRANSLATE_NOOP("audit", "Demo volunteers made"),
    "demo.hours": QT_TRANSLATE_NOOP("audit", "Demo hours made"),
    "demo.bulk_load": QT_TRANSLATE_NOOP("audit", "Demo data loaded"),
}

TARGET_LABELS: dict[str, str] = {
    "station": QT_TRANSLATE_NOOP("audit", "Station"),
    "operator": QT_TRANSLATE_NOOP("audit", "Operator"),
    "backup": QT_TRANSLATE_NOOP("audit", "Backup"),
    "household": QT_TRANSLATE_NOOP("audit", "Household"),
    "member": QT_TRANSLATE_NOOP("audit", "Member"),
    "card": QT_TRANSLATE_NOOP("audit", "Card"),
    "point_entry": QT_TRANSLATE_NOOP("audit", "Points entry"),
    "point_batch": QT_TRANSLATE_NOOP("audit", "Points batch"),
    "point_period": QT_TRANSLATE_NOOP("audit", "Points period"),
    "point_rule": QT_TRANSLATE_NOOP("audit", "Points rule"),
    "goods": QT_TRANSLATE_NOOP("audit", "Goods"),
    "redemption": QT_TRANSLATE_NOOP("audit", "Redemption slip"),
    "volunteer": QT_TRANSLATE_NOOP("audit", "Volunteer"),
    "volunteer_team": QT_TRANSLATE_NOOP("audit", "Volunteer team"),
    "service_record": QT_TRANSLATE_NOOP("audit", "Service hours"),
    "certificate": QT_TRANSLATE_NOOP("audit", "Certificate"),
    "activity": QT_TRANSLATE_NOOP("audit", "Activity"),
    "scan_event": QT_TRANSLATE_NOOP("audit", "Kiosk scan"),
}

FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("audit", "Name"),
    "number": QT_TRANSLATE_NOOP("audit", "Number"),
    "title": QT_TRANSLATE_NOOP("audit", "Title"),
    "username": QT_TRANSLATE_NOOP("audit", "User name"),
    "role": QT_TRANSLATE_NOOP("audit", "Role"),
    "active": QT_TRANSLATE_NOOP("audit", "In use"),
    "address": QT_TRANSLATE_NOOP("audit", "Address"),
    "group": QT_TRANSLATE_NOOP("audit", "Village group"),
    "head": QT_TRANSLATE_NOOP("audit", "Head of household"),
    "phone": QT_TRANSLATE_NOOP("audit", "Phone"),
    "sex": QT_TRANSLATE_NOOP("audit", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("audit", "Date of birth"),
    "relation": QT_TRANSLATE_NOOP("audit", "Relation to head"),
    "household": QT_TRANSLATE_NOOP("audit", "Household"),
    "member": QT_TRANSLATE_NOOP("audit", "Member"),
    "volunteer": QT_TRANSLATE_NOOP("audit", "Volunteer"),
    "points": QT_TRANSLATE_NOOP("audit", "Points"),
    "balance": QT_TRANSLATE_NOOP("audit", "Balance"),
    "balance_after": QT_TRANSLATE_NOOP("audit", "Balance after"),
    "reason": QT_TRANSLATE_NOOP("audit", "Reason"),
    "rule": QT_TRANSLATE_NOOP("audit", "Rule"),
    "period": QT_TRANSLATE_NOOP("audit", "Period"),
    "quantity": QT_TRANSLATE_NOOP("audit", "Quantity"),
    "qty": QT_TRANSLATE_NOOP("audit", "Quantity"),
    "total": QT_TRANSLATE_NOOP("audit", "Total"),
    "lines": QT_TRANSLATE_NOOP("audit", "Goods"),
    "on_hand": QT_TRANSLATE_NOOP("audit", "In stock"),
    "points_price": QT_TRANSLATE_NOOP("audit", "Price in points"),
    "barcode": QT_TRANSLATE_NOOP("audit", "Barcode"),
    "category": QT_TRANSLATE_NOOP("audit", "Category"),
    "unit": QT_TRANSLATE_NOOP("audit", "Unit"),
    "low_stock_threshold": QT_TRANSLATE_NOOP("audit", "Low-stock warning at"),
    "donor": QT_TRANSLATE_NOOP("audit", "Donor"),
    "note": QT_TRANSLATE_NOOP("audit", "Note"),
    "minutes": QT_TRANSLATE_NOOP("audit", "Minutes"),
    "hours": QT_TRANSLATE_NOOP("audit", "Hours"),
    "kind": QT_TRANSLATE_NOOP("audit", "Kind"),
    "serial": QT_TRANSLATE_NOOP("audit", "Serial number"),
    "households": QT_TRANSLATE_NOOP("audit", "Households"),
    "entries": QT_TRANSLATE_NOOP("audit", "Entries"),
    "rows": QT_TRANSLATE_NOOP("audit", "Rows"),
    "status": QT_TRANSLATE_NOOP("audit", "Status"),
    "code": QT_TRANSLATE_NOOP("audit", "Code"),
    "village": QT_TRANSLATE_NOOP("audit", "Village"),
    "township": QT_TRANSLATE_NOOP("audit", "Township"),
    "county": QT_TRANSLATE_NOOP("audit", "County"),
    "leader_name": QT_TRANSLATE_NOOP("audit", "Station head"),
    "contact_phone": QT_TRANSLATE_NOOP("audit", "Contact phone"),
    "mode": QT_TRANSLATE_NOOP("audit", "Mode"),
    "team": QT_TRANSLATE_NOOP("audit", "Team"),
    "category_name": QT_TRANSLATE_NOOP("audit", "Category"),
    "starts_at": QT_TRANSLATE_NOOP("audit", "Starts"),
    "ends_at": QT_TRANSLATE_NOOP("audit", "Ends"),
    "place": QT_TRANSLATE_NOOP("audit", "Place"),
    "id": QT_TRANSLATE_NOOP("audit", "Record id"),
    "end_action": QT_TRANSLATE_NOOP("audit", "At period end"),
    "cleared": QT_TRANSLATE_NOOP("audit", "Cleared"),
    "base_points": QT_TRANSLATE_NOOP("audit", "Base score"),
    "subject": QT_TRANSLATE_NOOP("audit", "Holder"),
    "head_member": QT_TRANSLATE_NOOP("audit", "Head of household"),
    "households_created": QT_TRANSLATE_NOOP("audit", "Households added"),
    "members_added": QT_TRANSLATE_NOOP("audit", "Members added"),
    "added": QT_TRANSLATE_NOOP("audit", "Added"),
    "created": QT_TRANSLATE_NOOP("audit", "Added"),
    "teams": QT_TRANSLATE_NOOP("audit", "Teams"),
    "volunteers": QT_TRANSLATE_NOOP("audit", "Volunteers"),
    "star_grants": QT_TRANSLATE_NOOP("audit", "Star levels granted"),
    "volunteers_with_hours": QT_TRANSLATE_NOOP("audit", "Volunteers with hours"),
    "batch": QT_TRANSLATE_NOOP("audit", "Batch"),
    "skipped": QT_TRANSLATE_NOOP("audit", "Left out"),
    "capacity": QT_TRANSLATE_NOOP("audit", "Capacity"),
    "hours_cap_minutes": QT_TRANSLATE_NOOP("audit", "Hours cap (minutes)"),
    "platform": QT_TRANSLATE_NOOP("audit", "Platform"),
    "points_rule": QT_TRANSLATE_NOOP("audit", "Points rule"),
    "state": QT_TRANSLATE_NOOP("audit", "State"),
    "content": QT_TRANSLATE_NOOP("audit", "Content"),
    # the station policy (app.services.policy)
    "period_kind": QT_TRANSLATE_NOOP("audit", "Points period"),
    "pass_line": QT_TRANSLATE_NOOP("audit", "Pass line to redeem"),
    "min_balance": QT_TRANSLATE_NOOP("audit", "Minimum balance to redeem"),
    "rating_tiers": QT_TRANSLATE_NOOP("audit", "Annual rating tiers"),
    "team_categories": QT_TRANSLATE_NOOP("audit", "Team categories"),
    "activity_categories": QT_TRANSLATE_NOOP("audit", "Activity categories"),
    "platforms": QT_TRANSLATE_NOOP("audit", "Platforms"),
    "monthly_min_activities": QT_TRANSLATE_NOOP("audit", "Activities a month at least"),
    "monthly_min_theory": QT_TRANSLATE_NOOP("audit", "Theory talks a month at least"),
    "theory_platform": QT_TRANSLATE_NOOP("audit", "Platform that counts as theory"),
    "duplicate_window_seconds": QT_TRANSLATE_NOOP("audit", "Repeat scans ignored within (s)"),
    "min_stay_minutes": QT_TRANSLATE_NOOP("audit", "Shortest stay before sign-out (min)"),
    "confirm_window_seconds": QT_TRANSLATE_NOOP("audit", "Second scan signs out within (s)"),
    "rounding_minutes": QT_TRANSLATE_NOOP("audit", "Hours counted in steps of (min)"),
    "rounding": QT_TRANSLATE_NOOP("audit", "Rounding"),
    "star_thresholds_hours": QT_TRANSLATE_NOOP("audit", "Star thresholds (h)"),
    "certificate_prefix": QT_TRANSLATE_NOOP("audit", "Certificate number prefix"),
    "review_above_hours_per_day": QT_TRANSLATE_NOOP("audit", "Hours in one day needing review"),
    "max_signins_per_day": QT_TRANSLATE_NOOP("audit", "Sign-ins per person per activity a day"),
    "national_warn_days": QT_TRANSLATE_NOOP("audit", "National export: warn after (working days)"),
    "persons": QT_TRANSLATE_NOOP("audit", "Persons"),
    "records": QT_TRANSLATE_NOOP("audit", "Records"),
}

# Stored codes shown in words: (field, value) -> words.
VALUE_LABELS: dict[tuple[str, str], str] = {
    ("kind", "service_record"): QT_TRANSLATE_NOOP("audit", "Service record certificate"),
    ("kind", "star"): QT_TRANSLATE_NOOP("audit", "Star volunteer certificate"),
    ("kind", "participation"): QT_TRANSLATE_NOOP("audit", "Participation certificate"),
    ("kind", "H"): QT_TRANSLATE_NOOP("audit", "Household card"),
    ("kind", "V"): QT_TRANSLATE_NOOP("audit", "Volunteer card"),
    ("sex", "M"): QT_TRANSLATE_NOOP("audit", "Male"),
    ("sex", "F"): QT_TRANSLATE_NOOP("audit", "Female"),
    ("mode", "station"): QT_TRANSLATE_NOOP("audit", "Village station"),
    ("mode", "township"): QT_TRANSLATE_NOOP("audit", "Township centre"),
    ("end_action", "carry"): QT_TRANSLATE_NOOP("audit", "Carry points over"),
    ("end_action", "clear"): QT_TRANSLATE_NOOP("audit", "Clear points"),
    ("period_kind", "month"): QT_TRANSLATE_NOOP("audit", "Month"),
    ("period_kind", "quarter"): QT_TRANSLATE_NOOP("audit", "Quarter"),
    ("period_kind", "year"): QT_TRANSLATE_NOOP("audit", "Year"),
    ("rounding", "down"): QT_TRANSLATE_NOOP("audit", "Down"),
    ("rounding", "nearest"): QT_TRANSLATE_NOOP("audit", "To the nearest step"),
    ("state", "planned"): QT_TRANSLATE_NOOP("audit", "Planned"),
    ("state", "open"): QT_TRANSLATE_NOOP("audit", "Open for sign-in"),
    ("state", "closed"): QT_TRANSLATE_NOOP("audit", "Closed"),
}

SYSTEM_NAME = QT_TRANSLATE_NOOP("audit", "The program")

_ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?")

_LABEL_KEYS = ("number", "name", "head", "title", "username", "household", "volunteer")


@dataclass(frozen=True)
class AuditFilter:
    """What to show; empty fields do not filter.

    *operator_id* ``None`` is anyone, ``""`` the program itself.  *since* and
    *until* are local calendar days, both included.  *text* is looked for in
    the entry's summary (names, numbers, reasons).
    """

    operator_id: str | None = None
    action: str = ""
    target_type: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditChange:
    """One field of an entry: its value before and after (``""`` if none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # naive UTC
    operator_id: str
    operator_name: str
    action: str
    target_type: str
    target_id: str
    label: str
    changes: tuple[AuditChange, ...]


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next_before: int | None  # pass as before_seq for the next page; None: no more


@dataclass(frozen=True)
class OperatorChoice:
    operator_id: str
    name: str


def _local_day_start_utc(day: date) -> datetime:
    local = datetime.combine(day, time.min).astimezone()  # local midnight, aware
    return local.astimezone(UTC).replace(tzinfo=None)


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list | tuple):
        if all(isinstance(v, list | tuple) and len(v) == 2 for v in value):
            return "、".join(f"{a} × {b}" for a, b in value)
        return "、".join(_value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    if _ISO_TIME.fullmatch(text):  # 2026-12-01T20:06 -> 2026-12-01 20:06
        return text[:16].replace("T", " ")
    return text


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A summary side as ``{field: value}``; nested objects as ``outer.inner``."""
    if not isinstance(value, dict):
        return {prefix or "value": value} if value is not None else {}
    out: dict[str, Any] = {}
    for key, inner in value.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(inner, dict):
            out.update(_flatten(inner, name))
        else:
            out[name] = inner
    return out


def changes_of(summary: str) -> tuple[AuditChange, ...]:
    """Old → new per field of an entry's summary, fields in a stable order (empty ones left out)."""
    try:
        body = json.loads(summary or "{}")
    except ValueError:
        return (AuditChange("summary", "", summary),)
    if not isinstance(body, dict):
        return (AuditChange("summary", "", _value_text(body)),)
    before = _flatten(body.get("before"))
    after = _flatten(body.get("after"))
    fields = list(before) + [k for k in after if k not in before]
    changes = (
        AuditChange(f, _value_text(before.get(f)), _value_text(after.get(f))) for f in fields
    )
    return tuple(c for c in changes if c.before or c.after)  # an empty field says nothing


def _summary_body(summary: str) -> dict[str, Any]:
    try:
        body = json.loads(summary or "{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def label_of(summary: str) -> str:
    """A short label of the record from its entry: its number and name, if the summary has them."""
    body = _summary_body(summary)
    for side in ("after", "before"):
        data = body.get(side)
        if not isinstance(data, dict):
            continue
        parts: list[str] = []
        for key in _LABEL_KEYS:
            value = data.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                text = str(value)
                if text and text not in parts:
                    parts.append(text)
            if len(parts) == 2:
                break
        if parts:
            return " ".join(parts)
    return ""


def _period_of(summary: str) -> str:
    for side in ("after", "before"):
        data = _summary_body(summary).get(side)
        if isinstance(data, dict) and isinstance(data.get("period"), str):
            return str(data["period"])
    return ""


def _record_columns() -> dict[str, tuple[Any, ...]]:
    """Per record kind: its model's id column and the columns that name a record."""
    from app import models as m

    return {
        "operator": (m.Operator.id, m.Operator.display_name),
        "household": (m.Household.id, m.Household.number),
        "member": (m.Member.id, m.Member.name),
        "point_rule": (m.PointRule.id, m.PointRule.code, m.PointRule.name),
        "goods": (m.Goods.id, m.Goods.name),
        "redemption": (m.Redemption.id, m.Redemption.number),
        "volunteer": (m.Volunteer.id, m.Volunteer.number, m.Volunteer.name),
        "volunteer_team": (m.VolunteerTeam.id, m.VolunteerTeam.name),
        "certificate": (m.Certificate.id, m.Certificate.number),
        "activity": (m.Activity.id, m.Activity.title),
        "station": (m.Station.id, m.Station.name),
        "point_batch": (m.PointBatch.id, m.PointBatch.rule_name, m.PointBatch.reason),
    }


def _current_labels(session: Session, entries: list[AuditEntry]) -> dict[str, str]:
    """Labels of the records whose entries do not name them, read from the records."""
    from app.models import Card

    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.target_id and not label_of(entry.summary):
            wanted.setdefault(entry.target_type, set()).add(entry.target_id)
    holders: dict[str, str] = {}  # card id -> its holder's id
    if "card" in wanted:  # a card is named by whose card it is
        query = select(Card.id, Card.kind, Card.subject_id).where(Card.id.in_(wanted.pop("card")))
        for card_id, kind, subject_id in session.execute(query):
            holders[card_id] = subject_id
            wanted.setdefault("household" if kind == "H" else "volunteer", set()).add(subject_id)
    columns = _record_columns()
    out: dict[str, str] = {}
    for kind, ids in wanted.items():
        if kind not in columns:
            continue
        id_column, *names = columns[kind]
        for row in session.execute(select(id_column, *names).where(id_column.in_(ids))):
            out[row[0]] = " ".join(str(v) for v in row[1:] if v)
    for card_id, subject_id in holders.items():
        if subject_id in out:
            out[card_id] = out[subject_id]
    return out


def _row(entry: AuditEntry, current: dict[str, str]) -> AuditRow:
    label = label_of(entry.summary) or current.get(entry.target_id, "") or _period_of(entry.summary)
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        operator_id=entry.operator_id,
        operator_name=entry.operator_name,
        action=entry.action,
        target_type=entry.target_type,
        target_id=entry.target_id,
        label=label,
        changes=changes_of(entry.summary),
    )


def page_query(
    flt: AuditFilter, before_seq: int | None, limit: int, station_id: str | None = None
) -> Select[AuditEntry]:
    """The SELECT of one page (``limit + 1`` rows, to know whether more follow).

    The log of one station: *station_id*'s, by default the PC's own (its mark
    in local_state).  ``station_id = … AND seq < …`` walks the unique
    ``(station_id, seq)`` index newest first.
    """
    own = (
        select(LocalState.value).where(LocalState.key == OWN_STATION).scalar_subquery()
        if station_id is None
        else literal(station_id)
    )
    query = select(AuditEntry).where(AuditEntry.station_id == own)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    if flt.operator_id is not None:
        query = query.where(AuditEntry.operator_id == flt.operator_id)
    # ``x || ''`` keeps SQLite on the seq index (see the module docstring).
    if flt.action:
        query = query.where(AuditEntry.action.concat("") == flt.action)
    if flt.target_type:
        query = query.where(AuditEntry.target_type == flt.target_type)
    if flt.since is not None:
        query = query.where(AuditEntry.at >= _local_day_start_utc(flt.since))
    if flt.until is not None:
        query = query.where(AuditEntry.at < _local_day_start_utc(flt.until + timedelta(days=1)))
    text = flt.text.strip()
    if text:
        query = query.where(text_input.contains(AuditEntry.summary, text))
    return query.order_by(AuditEntry.seq.desc()).limit(limit + 1)


def browse(
    db: Database,
    actor: Actor,
    flt: AuditFilter,
    *,
    before_seq: int | None = None,
    limit: int = PAGE,
) -> AuditPage:
    """One page of entries matching *flt*, newest first, older than *before_seq*."""
    require(actor, Permission.VIEW_AUDIT)
    limit = max(1, min(int(limit), 1000))
    with db.read() as session:
        query = page_query(flt, before_seq, limit, db.station_id)
        entries = list(session.scalars(query).all())
        current = _current_labels(session, entries[:limit])
        rows = [_row(e, current) for e in entries[:limit]]
    more = len(entries) > limit
    return AuditPage(rows, rows[-1].seq if more and rows else None)


def operator_choices(db: Database, actor: Actor) -> list[OperatorChoice]:
    """Everyone who can appear in the log: the operators, then the program itself."""
    require(actor, Permission.VIEW_AUDIT)
    with db.read() as session:
        ops = session.execute(
            select(Operator.id, Operator.display_name).order_by(Operator.created_at)
        ).all()
    return [OperatorChoice(i, n) for i, n in ops] + [OperatorChoice(SYSTEM_OPERATOR, SYSTEM_NAME)]
