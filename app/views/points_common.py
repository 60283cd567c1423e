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
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.paths import DataDir
from app.services import households, points
from app.services.households import HouseholdView
from app.services.points import EntryView

ModelIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole

ENTRY_KINDS = {
    "base": QT_TRANSLATE_NOOP("EntryKind", "Base score"),
    "earn": QT_TRANSLATE_NOOP("EntryKind", "Award"),
    "deduct": QT_TRANSLATE_NOOP("EntryKind", "Deduction"),
    "redeem": QT_TRANSLATE_NOOP("EntryKind", "Redemption"),
    "reverse": QT_TRANSLATE_NOOP("EntryKind", "Reversal"),
    "adjust": QT_TRANSLATE_NOOP("EntryKind", "Adjustment"),
    "expire": QT_TRANSLATE_NOOP("EntryKind", "Clearance"),
}


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
    from app.services.keys import load_keys
    from app.services.station import get_station

    return StationFacts(get_station(db).name, load_keys(data_dir.keys).card_key)


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


class EntriesModel(QAbstractTableModel):
    """Points entries, newest first; constant column indices."""

    DATE, KIND, ITEM, POINTS, BALANCE, OPERATOR = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryView] = []

    def set_rows(self, rows: list[EntryView] | tuple[EntryView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return (
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Item / reason"),
            self.tr("Points"),
            self.tr("Balance"),
            self.tr("Operator"),
        )[section]

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == self.DATE:
                return e.occurred_on.isoformat()
            if col == self.KIND:
                return entry_kind_label(e.kind)
            if col == self.ITEM:
                parts = [p for p in (e.rule_name, e.member_name, e.reason) if p]
                return " · ".join(parts)
            if col == self.POINTS:
                return signed(e.points)
            if col == self.BALANCE:
                return str(e.balance_after)
            if col == self.OPERATOR:
                return e.operator_name
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.POINTS, self.BALANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.POINTS:
            return QColor("#1b7f3b") if e.points > 0 else QColor("#b42318")
        return None

    def entry_at(self, row: int) -> EntryView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
