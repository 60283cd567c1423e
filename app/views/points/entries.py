"""Pieces shared by the households, points and supermarket pages.

* :func:`ask_reason` / :func:`confirm` — the two questions these pages ask
  (tests replace them; a reason is required for every compensating action);
* :class:`EntriesModel` — a household's recent points entries;
* worker functions (run through ``run_task``, never on the GUI thread) that
  read what several pages need: the station's name and card key, a household
  with its recent entries.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.paths import DataDir
from app.services import households, points
from app.services.households import HouseholdView
from app.services.points import EntryView
from app.views.table_models import GREEN, RED, RowsModel

ENTRY_KINDS = {
    "base": QT_TRANSLATE_NOOP("EntryKind", "Base score"),
    "earn": QT_TRANSLATE_NOOP("EntryKind", "Award"),
    "deduct": QT_TRANSLATE_NOOP("EntryKind", "Deduction"),
    "redeem": QT_TRANSLATE_NOOP("EntryKind", "Redemption"),
    "reverse": QT_TRANSLATE_NOOP("EntryKind", "Reversal"),
    "adjust": QT_TRANSLATE_NOOP("EntryKind", "Adjustment"),
    "expire": QT_TRANSLATE_NOOP("EntryKind", "Clearance"),
}
# an award for approved volunteer hours (志愿者积分银行), told apart by its link
SERVICE_POINTS = QT_TRANSLATE_NOOP("EntryKind", "Volunteer service")


def entry_kind_label(kind: str) -> str:
    source = ENTRY_KINDS.get(kind)
    return QCoreApplication.translate("EntryKind", source) if source else kind


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """A required reason; None when the person cancels or leaves it empty."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    text = text.strip()
    return text if ok and text else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def signed(points_value: int) -> str:
    return f"{points_value:+d}"


# --- worker functions ------------------------------------------------------------------


@dataclass(frozen=True)
class StationFacts:
    name: str
    card_key: bytes


def load_station_facts(db: Database, data_dir: DataDir) -> StationFacts:
    from app.services.keys import card_key
    from app.services.station import get_station

    return StationFacts(get_station(db).name, card_key(data_dir.keys))


@dataclass(frozen=True)
class HouseholdFile:
    """A household as a detail panel shows it."""

    household: HouseholdView
    entries: tuple[EntryView, ...]


def load_household_file(db: Database, household_id: str, entries: int = 30) -> HouseholdFile:
    return HouseholdFile(
        households.get_household(db, household_id),
        tuple(points.recent_entries(db, household_id, entries)),
    )


# --- models ----------------------------------------------------------------------------


class EntriesModel(RowsModel):
    """Points entries, newest first; constant column indices."""

    DATE, KIND, ITEM, POINTS, BALANCE, OPERATOR = range(6)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Item / reason"),
            self.tr("Points"),
            self.tr("Balance"),
            self.tr("Operator"),
        )

    def cell(self, e: EntryView, column: int) -> str:
        return (
            e.occurred_on.isoformat(),
            QCoreApplication.translate("EntryKind", SERVICE_POINTS)
            if e.kind == "earn" and e.link_type == "service_record"
            else entry_kind_label(e.kind),
            " · ".join(p for p in (e.rule_name, e.member_name, e.reason) if p),
            signed(e.points),
            str(e.balance_after),
            e.operator_name,
        )[column]

    def foreground(self, e: EntryView, column: int) -> QColor | None:
        if column != self.POINTS:
            return None
        return GREEN if e.points > 0 else RED

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column in (self.POINTS, self.BALANCE) else None

    def entry_at(self, row: int) -> EntryView | None:
        return self.row_at(row)
