"""首页 of a township (乡镇实践所): how its stations stand, at a glance.

The enrolled stations and which of them are silent past the 站点 page's
threshold (red, by name), the sync files imported last (file, station,
verdict, time), the quarantined rows waiting, the audit chains with a
problem, this month's township totals (the 汇总 service's own figures) and
buttons into 导入 / 站点 / 汇总 / 配置下发.  Everything is read in one task
off the GUI thread (:func:`read_home`, the newest answer counts) whenever the
page is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import join_list, translate
from app.models import utcnow
from app.services.auth import ROLE_LABELS
from app.services.station import Overview
from app.services.station import overview as station_overview
from app.services.township import stations
from app.services.township.home import ImportRecord, recent_imports
from app.services.township.summary import MonthSummary, month_summary
from app.sync.importer import StationSyncState, station_states
from app.views.pages import PageContext
from app.views.table_models import RowsModel, table_view, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import (
    MessageLabel,
    button_row,
    error_text,
    format_local,
    heading,
    scrollable,
)

RED_STYLE = "color: #b3261e; font-weight: bold;"
RECENT = 6  # imports listed


@dataclass(frozen=True)
class TownshipHome:
    """Everything the township's home page shows, read at *now*."""

    overview: Overview
    states: list[StationSyncState]
    stale_days: int
    imports: list[ImportRecord]
    month: MonthSummary
    now: datetime

    def silent(self) -> list[StationSyncState]:
        """The stations with no file for more than the threshold (or none ever)."""
        return [
            s for s in self.states if stations.is_stale(s.last_import_at, self.now, self.stale_days)
        ]


def read_home(db: Database, month: str | None = None) -> TownshipHome:
    month = month or date.today().strftime("%Y-%m")
    return TownshipHome(
        station_overview(db),
        station_states(db),
        stations.stale_days(db),
        recent_imports(db, RECENT),
        month_summary(db, month),
        utcnow(),
    )


def _value_label(name: str) -> QLabel:
    label = QLabel("…")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _alarm(label: QLabel, on: bool) -> None:
    """Red (and a property the tests read) when *on*."""
    label.setProperty("alarm", on)
    label.setStyleSheet(RED_STYLE if on else "")


class RecentImportsModel(RowsModel):
    FILE, STATION, RESULT, WHEN = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Station"), self.tr("Result"), self.tr("Imported at"))

    def cell(self, row: ImportRecord, column: int) -> str:
        if column == self.FILE:
            return row.file
        if column == self.STATION:
            return f"{row.station_code} {row.station_name}".strip()
        if column == self.RESULT:
            return self.tr("Imported: %n rows, changes {a}–{b}", "", row.rows).format(
                a=row.seq_from, b=row.seq_to
            )
        return format_local(row.imported_at)

    def tooltip(self, row: ImportRecord, column: int) -> str | None:
        return row.verdict or None


class TownshipHomePage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: TownshipHome | None = None

        role = translate("roles", ROLE_LABELS[ctx.actor.role])
        self.greeting = QLabel(
            self.tr("Welcome, {name} ({role}).").format(name=ctx.actor.display_name, role=role)
        )
        self.greeting.setWordWrap(True)
        self.message = MessageLabel()

        bar = QHBoxLayout()
        self.buttons = button_row(
            bar,
            "township_home",
            (
                ("imports", self.tr("Import sync files"), lambda: self.open_area("imports")),
                ("stations", self.tr("Stations"), lambda: self.open_area("stations")),
                ("summary", self.tr("Summary"), lambda: self.open_area("summary")),
                ("publish", self.tr("Publish config"), lambda: self.open_area("publish")),
            ),
        )

        # --- the township itself ------------------------------------------------------
        self.township_name = _value_label("home_station_name")
        self.code = _value_label("home_code")
        self.fingerprint = _value_label("fingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        township_box = QGroupBox(self.tr("Township"))
        form = QFormLayout(township_box)
        form.addRow(self.tr("Name:"), self.township_name)
        form.addRow(self.tr("Division code:"), self.code)
        form.addRow(self.tr("Signing key fingerprint:"), self.fingerprint)

        # --- its stations -------------------------------------------------------------
        self.enrolled = _value_label("home_enrolled")
        self.silent = _value_label("home_silent")
        self.quarantined = _value_label("home_quarantined")
        self.chains = _value_label("home_chains")
        stations_box = QGroupBox(self.tr("Stations"))
        form2 = QFormLayout(stations_box)
        form2.addRow(self.tr("Enrolled:"), self.enrolled)
        self.silent_caption = QLabel()
        form2.addRow(self.silent_caption, self.silent)
        form2.addRow(self.tr("Quarantined rows waiting:"), self.quarantined)
        form2.addRow(self.tr("Audit chains:"), self.chains)

        top = QHBoxLayout()
        top.addWidget(township_box, 1)
        top.addWidget(stations_box, 1)

        # --- this month ---------------------------------------------------------------
        self.month_box = QGroupBox(self.tr("This month"))
        self.sessions = _value_label("home_sessions")
        self.attendances = _value_label("home_attendances")
        self.points_issued = _value_label("home_points_issued")
        self.points_redeemed = _value_label("home_points_redeemed")
        self.hours = _value_label("home_hours")
        figures = QHBoxLayout(self.month_box)
        for caption, label in (
            (self.tr("Activities"), self.sessions),
            (self.tr("Attendances"), self.attendances),
            (self.tr("Points issued"), self.points_issued),
            (self.tr("Points redeemed"), self.points_redeemed),
            (self.tr("Volunteer hours"), self.hours),
        ):
            figure = QVBoxLayout()
            name = QLabel(caption)
            name.setObjectName("hint")
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            label.setFont(font)
            figure.addWidget(name)
            figure.addWidget(label)
            figures.addLayout(figure, 1)

        # --- the last imports ---------------------------------------------------------
        imports_box = QGroupBox(self.tr("Last imports"))
        self.imports = RecentImportsModel(self)
        self.imports_view = table_view(self.imports, "home_imports")
        self.imports_view.setMinimumHeight(26 * (RECENT + 1) + 6)
        imports_layout = QVBoxLayout(imports_box)
        imports_layout.addWidget(
            with_placeholder(
                self.imports_view,
                self.tr(
                    "No sync file has been imported yet. Import the stations' files on Import."
                ),
            )
        )

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.greeting)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.month_box)
        layout.addWidget(imports_box, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Home")))
        outer.addWidget(scrollable(content))

        ctx.events.station_changed.connect(self.reload)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        run_task(
            read_home,
            self.ctx.db,
            on_done=self._show,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
            key="township.home",
        )

    def open_area(self, key: str) -> None:
        """Open another area of the window (as if chosen in the list on the left)."""
        show = getattr(self.window(), "show_page", None)
        if show is not None:
            show(key)

    def _names(self, states: list[StationSyncState]) -> str:
        return join_list([s.name for s in states])

    def _show(self, data: TownshipHome) -> None:
        self.data = data
        s = data.overview.station
        self.township_name.setText(s.name)
        self.code.setText(s.code)
        self.fingerprint.setText(s.signing_key_fingerprint or "—")

        self.enrolled.setText(
            self.tr("%n stations", "", len(data.states))
            if data.states
            else self.tr("none yet: enrol each station on Stations")
        )
        silent = data.silent()
        self.silent_caption.setText(self.tr("Silent for more than %n days:", "", data.stale_days))
        self.silent.setText(
            self.tr("{count}: {names}").format(count=len(silent), names=self._names(silent))
            if silent
            else self.tr("none")
        )
        _alarm(self.silent, bool(silent))

        held = [st for st in data.states if st.quarantined]
        total = sum(st.quarantined for st in held)
        self.quarantined.setText(
            self.tr("%n rows, from {names}", "", total).format(names=self._names(held))
            if held
            else self.tr("none")
        )
        _alarm(self.quarantined, bool(held))

        broken = [st for st in data.states if st.chain_problem]
        self.chains.setText(
            self.tr("a problem at {names}").format(names=self._names(broken))
            if broken
            else self.tr("verified, no problem")
        )
        _alarm(self.chains, bool(broken))

        totals = data.month.totals
        self.month_box.setTitle(self.tr("This month ({month})").format(month=data.month.month))
        self.sessions.setText(str(totals.sessions))
        self.attendances.setText(str(totals.attendances))
        self.points_issued.setText(str(totals.points_issued))
        self.points_redeemed.setText(str(totals.points_redeemed))
        self.hours.setText(f"{totals.minutes / 60:.1f}")

        self.imports.set_rows(data.imports)
        self.imports_view.resizeColumnsToContents()
