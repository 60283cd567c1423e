"""站点 — the township's list of its enrolled stations.

Enrol a station from its enrolment file (the file dialog, then the key's
fingerprint shown large so the two people on the phone can read it out and
compare, then a confirmation), and per station: the last file imported, the
acknowledged sequence, the gaps ("缺少序号 120–180"), days since the last sync
(red past the township's threshold, default 14 days), quarantined rows (a
dialog lists them), the incarnations seen and the audit chain's state.
Everything is read and written off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import translate
from app.models import utcnow
from app.services.audit_log import TARGET_LABELS
from app.services.township import stations
from app.sync.enrol import Enrolment, enrol_station, read_enrolment
from app.sync.importer import StationSyncState, chain_text, format_gaps, station_states
from app.views import files
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.table_models import RowsModel, table_view, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, format_local, heading

RED = QColor("#b3261e")


@dataclass(frozen=True)
class StationsView:
    """What the page shows: the stations' states, the threshold and the time read."""

    states: list[StationSyncState]
    stale_days: int
    now: datetime


def read_stations(db: Database) -> StationsView:
    return StationsView(station_states(db), stations.stale_days(db), utcnow())


class StationsModel(RowsModel):
    CODE, NAME, LAST, DAYS, ACKED, GAPS, QUARANTINED, INCARNATIONS, CHAIN = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale_days = stations.DEFAULT_STALE_DAYS
        self.now = utcnow()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Station"),
            self.tr("Last import"),
            self.tr("Days since sync"),
            self.tr("Acknowledged to"),
            self.tr("Gaps"),
            self.tr("Quarantined"),
            self.tr("Incarnations"),
            self.tr("Audit chain"),
        )

    def days(self, state: StationSyncState) -> int | None:
        return stations.days_since(state.last_import_at, self.now)

    def stale(self, state: StationSyncState) -> bool:
        return stations.is_stale(state.last_import_at, self.now, self.stale_days)

    def cell(self, state: StationSyncState, column: int) -> str:
        days = self.days(state)
        if column == self.CODE:
            return state.code
        if column == self.NAME:
            return state.name
        if column == self.LAST:
            return format_local(state.last_import_at, never=self.tr("never"))
        if column == self.DAYS:
            return self.tr("never") if days is None else str(days)
        if column == self.ACKED:
            return str(state.acked_seq)
        if column == self.GAPS:
            return format_gaps(state.gaps) if state.gaps else self.tr("none")
        if column == self.QUARANTINED:
            return str(state.quarantined)
        if column == self.INCARNATIONS:
            return str(state.incarnations)
        return chain_text(state.chain_problem, state.chain_seq)

    def foreground(self, state: StationSyncState, column: int) -> QColor | None:
        if column == self.DAYS and self.stale(state):
            return RED
        if column == self.GAPS and state.gaps:
            return RED
        if column == self.QUARANTINED and state.quarantined:
            return RED
        if column == self.CHAIN and state.chain_problem:
            return RED
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        if column in (self.DAYS, self.ACKED, self.QUARANTINED, self.INCARNATIONS):
            return Qt.AlignmentFlag.AlignRight
        return None


class EnrolDialog(QDialog):
    """The fingerprint, large, to compare with what the station reads out; then enrol."""

    confirmed = Signal(object)  # Enrolment

    def __init__(self, enrolment: Enrolment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrolment = enrolment
        self.setObjectName("enrol_dialog")
        self.setWindowTitle(self.tr("Enrol a station"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Station {name} ({code}). Ask the station to read out the fingerprint its "
                "set-up showed, and compare it with this one, group by group:"
            ).format(name=enrolment.name, code=enrolment.code)
        )
        intro.setWordWrap(True)
        self.fingerprint = QLabel(enrolment.fingerprint)
        self.fingerprint.setObjectName("enrol_fingerprint")
        font = QFont(self.fingerprint.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.fingerprint.setFont(font)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warning = QLabel(
            self.tr("Enrol only if every group matches. If not, the file is not that station's.")
        )
        warning.setWordWrap(True)
        warning.setObjectName("hint")
        buttons = QDialogButtonBox()
        self.enrol_button = QPushButton(self.tr("They match: enrol"))
        self.enrol_button.setObjectName("enrol_confirm")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("enrol_cancel")
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint)
        layout.addWidget(warning)
        layout.addWidget(buttons)

    def accept(self) -> None:
        super().accept()
        emit(self.confirmed, self.enrolment)


class QuarantineModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Held at"), self.tr("Kind of record"), self.tr("Row"), self.tr("Reason"))

    def table_text(self, table: str) -> str:
        label = TARGET_LABELS.get(table)
        return translate("audit", label) if label else self.tr("Other record")

    def reason_text(self, reason: str) -> str:
        """The importer's reason (stored in English words) in the UI language."""
        words = {
            "the audit chain forks here": self.tr("The audit chain forks here"),
            "the id belongs to another station": self.tr("The id belongs to another station"),
            "same id, other content (ledger)": self.tr(
                "A ledger entry with this id holds something else"
            ),
            "same version, other content": self.tr(
                "The same version of this record holds something else"
            ),
        }
        if reason in words:
            return words[reason]
        if reason.startswith("conflict"):
            return self.tr("Clashes with a record the township already holds")
        return self.tr("Held back for checking")

    def cell(self, row: stations.QuarantinedRow, column: int) -> str:
        return (
            format_local(row.at),
            self.table_text(row.table),
            row.row_id,
            self.reason_text(row.reason),
        )[column]

    def tooltip(self, row: stations.QuarantinedRow, column: int) -> str | None:
        return row.content


class QuarantineDialog(QDialog):
    """The rows of one station that the import held back (read only)."""

    def __init__(self, ctx: PageContext, state: StationSyncState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quarantine_dialog")
        self.setWindowTitle(self.tr("Quarantined rows of {code}").format(code=state.code))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "These rows from {name} were not applied: they clash with what the township "
                "already holds. Ask the station what happened (a restore from a backup, an "
                "edited file) before anything else is done."
            ).format(name=state.name)
        )
        intro.setWordWrap(True)
        self.model = QuarantineModel(self)
        self.view = table_view(self.model, "quarantine_rows")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        run_task(
            stations.quarantined_rows,
            ctx.db,
            state.station_id,
            on_done=self._show,
            receiver=self,
        )

    def _show(self, rows: list[stations.QuarantinedRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()


class StationsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enrol_dialog: EnrolDialog | None = None
        self.quarantine_dialog: QuarantineDialog | None = None
        self.model = StationsModel(self)
        self.view = table_view(self.model, "stations_table")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Stations")))
        layout.addWidget(self.hint)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.buttons = button_row(
            bar,
            "stations",
            (
                ("enrol", self.tr("Enrol a station…"), self.choose_enrolment),
                ("quarantine", self.tr("Quarantined rows…"), self.show_quarantine),
                ("refresh", self.tr("Refresh"), self.reload),
            ),
        )
        # the threshold of "days since sync" shown red, saved as soon as it changes
        self.stale_spin = QSpinBox()
        self.stale_spin.setObjectName("stale_days")
        self.stale_spin.setRange(1, 365)
        self.stale_spin.setValue(stations.DEFAULT_STALE_DAYS)
        self.stale_spin.setPrefix(self.tr("Red after "))
        self.stale_spin.setSuffix(self.tr(" days without sync"))
        self.stale_spin.setKeyboardTracking(False)  # typed digits count on Enter, not each key
        self.stale_spin.setAccessibleName(self.tr("Days without sync before a station is red"))
        self.stale_spin.valueChanged.connect(self.save_stale_days)
        bar.addWidget(self.stale_spin)
        layout.addWidget(self.message)
        layout.addWidget(
            with_placeholder(
                self.view,
                self.tr("No station is enrolled yet. Enrol each station from its enrolment file."),
            ),
            1,
        )
        self.view.doubleClicked.connect(lambda _index: self.show_quarantine())
        self.reload()

    # --- the list ----------------------------------------------------------------------

    def reload(self) -> None:
        run_task(read_stations, self.ctx.db, on_done=self._show, key="stations", receiver=self)

    def _show(self, data: StationsView) -> None:
        self.model.now = data.now
        self.model.set_rows(data.states)
        self._show_threshold(data.stale_days)
        self.view.resizeColumnsToContents()

    def _show_threshold(self, days: int) -> None:
        """Colour the list by *days* and say how many stations are red now."""
        self.model.stale_days = days
        if self.model.rows:
            self.model.dataChanged.emit(
                self.model.index(0, StationsModel.DAYS),
                self.model.index(len(self.model.rows) - 1, StationsModel.DAYS),
                [Qt.ItemDataRole.ForegroundRole],
            )
        if self.stale_spin.value() != days:
            self.stale_spin.blockSignals(True)
            self.stale_spin.setValue(days)
            self.stale_spin.blockSignals(False)
        stale = sum(1 for s in self.model.rows if self.model.stale(s))
        enrolled = self.tr("%n stations enrolled.", "", len(self.model.rows))
        rule = self.tr(
            "Days since sync turn red after {days} days (%n stations now).", "", stale
        ).format(days=days)
        self.hint.setText(
            self.tr("{enrolled} {rule}", "two sentences").format(enrolled=enrolled, rule=rule)
        )

    def save_stale_days(self, days: int) -> None:
        """The spin box changed: store the threshold at once and colour the list by it."""
        run_task(
            stations.set_stale_days,
            self.ctx.db,
            days,
            write=True,
            on_done=self._stale_days_saved,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def _stale_days_saved(self, days: int) -> None:
        if days == self.stale_spin.value():  # not an older click's answer
            self._show_threshold(days)

    def selected_state(self) -> StationSyncState | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # --- enrolment ---------------------------------------------------------------------

    def choose_enrolment(self) -> None:
        path = files.open_file_name(
            self, self.tr("Choose the station's enrolment file"), self.tr("Enrolment files (*)")
        )
        if path:
            self.read_enrolment_file(Path(path))

    def read_enrolment_file(self, path: Path) -> None:
        self.message.clear_message()
        run_task(
            read_enrolment,
            path,
            on_done=lambda enrolment: self._confirm(path, enrolment),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def _confirm(self, path: Path, enrolment: Enrolment) -> None:
        dialog = EnrolDialog(enrolment, self)
        dialog.confirmed.connect(lambda e: self._enrol(path, e))
        self.enrol_dialog = dialog
        dialog.open()

    def _enrol(self, path: Path, enrolment: Enrolment) -> None:
        run_task(
            enrol_station,
            self.ctx.db,
            path,
            fingerprint=enrolment.fingerprint,
            write=True,
            on_done=self._enrolled,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def _enrolled(self, enrolment: Enrolment) -> None:
        self.message.show_ok(
            self.tr("Station {name} ({code}) is enrolled.").format(
                name=enrolment.name, code=enrolment.code
            )
        )
        self.reload()

    # --- quarantine --------------------------------------------------------------------

    def show_quarantine(self) -> None:
        state = self.selected_state()
        if state is None:
            self.message.show_selection_hint(self.tr("Choose a station first."), self.view)
            return
        dialog = QuarantineDialog(self.ctx, state, self)
        self.quarantine_dialog = dialog
        dialog.open()
