"""Pieces shared by the volunteer, activity, hours, certificate and kiosk views.

(Their table models and views are those of every page: :mod:`app.views.table_models`.)

* Translated labels of the stored states and kinds (the services keep them as
  plain values; their English source texts are marked here with
  ``QT_TRANSLATE_NOOP`` in the ``VolunteerLabels`` context).
* Worker functions that several pages run through ``run_task``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP
from app.services import activities

LABELS = "VolunteerLabels"

ACTIVITY_STATES = {
    "planned": QT_TRANSLATE_NOOP("VolunteerLabels", "Planned"),
    "open": QT_TRANSLATE_NOOP("VolunteerLabels", "Open for sign-in"),
    "closed": QT_TRANSLATE_NOOP("VolunteerLabels", "Closed"),
}
RECORD_STATES = {
    "pending": QT_TRANSLATE_NOOP("VolunteerLabels", "Pending"),
    "approved": QT_TRANSLATE_NOOP("VolunteerLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("VolunteerLabels", "Rejected"),
}
RECORD_SOURCES = {
    "scan": QT_TRANSLATE_NOOP("VolunteerLabels", "Kiosk"),
    "close": QT_TRANSLATE_NOOP("VolunteerLabels", "Closed activity"),
    "manual": QT_TRANSLATE_NOOP("VolunteerLabels", "Entered by hand"),
    "order": QT_TRANSLATE_NOOP("VolunteerLabels", "Service order"),
}
REVIEW_FLAGS = {
    "closed": QT_TRANSLATE_NOOP("VolunteerLabels", "signed out by the close"),
    "clock_back": QT_TRANSLATE_NOOP("VolunteerLabels", "PC clock went back"),
    "manual": QT_TRANSLATE_NOOP("VolunteerLabels", "found by name"),
    "capped": QT_TRANSLATE_NOOP("VolunteerLabels", "capped"),
    "over_day_hours": QT_TRANSLATE_NOOP("VolunteerLabels", "over the day's hours limit"),
}
CERTIFICATE_KINDS = {
    "service_record": QT_TRANSLATE_NOOP("VolunteerLabels", "Service record"),
    "star": QT_TRANSLATE_NOOP("VolunteerLabels", "Star volunteer"),
    "participation": QT_TRANSLATE_NOOP("VolunteerLabels", "Participation"),
}
VOLUNTEER_STATES = {
    "active": QT_TRANSLATE_NOOP("VolunteerLabels", "Active"),
    "inactive": QT_TRANSLATE_NOOP("VolunteerLabels", "Inactive"),
}
SEXES = {
    "M": QT_TRANSLATE_NOOP("VolunteerLabels", "Male"),
    "F": QT_TRANSLATE_NOOP("VolunteerLabels", "Female"),
}


def label(mapping: dict[str, str], key: str) -> str:
    """The translated label of a stored value (the value itself if unknown)."""
    source = mapping.get(key)
    return QCoreApplication.translate(LABELS, source) if source else key


def flags_text(flags: str | Sequence[str]) -> str:
    items = [f for f in flags.split(",")] if isinstance(flags, str) else list(flags)
    return ", ".join(label(REVIEW_FLAGS, f) for f in items if f)


def stars(level: int) -> str:
    return "★" * level if level > 0 else ""


# --- worker functions ----------------------------------------------------------------------


def month_key(day: date) -> str:
    return activities.month_of(day)
