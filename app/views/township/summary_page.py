"""汇总 — the township's month, a tab per section.

The month list comes from the stations' activities; choosing a month reads
:func:`app.services.township.summary.month_summary` off the GUI thread (the
newest choice wins) and fills every tab: each station's figures and the
total, 场次/人次 by category and platform, stock at the month's end, the
township's household and volunteer rankings, participation per village and
volunteers per star level.  Export writes the month as an .xlsx (a sheet per
tab); the report is the PDF of the same sections.

Each table fits its tab or scrolls inside its own frame: the header titles
wrap onto a second line (:class:`WrappingHeader`) instead of widening their
column, and the columns are sized to their contents and titles, so no title
is cut.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.township import report as township_report
from app.services.township import summary as township_summary
from app.services.township.details import (
    HouseholdRank,
    StarLevels,
    StockFigures,
    VillageParticipation,
    VolunteerRank,
)
from app.services.township.summary import CategoryFigures, MonthSummary, StationFigures
from app.views import files
from app.views.pages import PageContext
from app.views.table_models import RowsModel, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, heading

RIGHT = Qt.AlignmentFlag.AlignRight


def hours_text(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


class WrappingHeader(QHeaderView):
    """A horizontal header whose long titles wrap between words, so "Points redeemed"
    does not make its column of numbers twice as wide (titles without a space, the
    Chinese ones, stay on one line: a break inside 服务时长（小时） reads badly)."""

    MAX_WIDTH = 110  # px of title text before it wraps

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setSectionsClickable(False)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        if model is None:
            return size
        text = str(model.headerData(logicalIndex, self.orientation()) or "")
        metrics = self.fontMetrics()
        full = metrics.horizontalAdvance(text)
        if full <= self.MAX_WIDTH or " " not in text:  # a Chinese title stays whole
            return size
        wrapped = metrics.boundingRect(
            QRect(0, 0, self.MAX_WIDTH, 10_000),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            text,
        )
        return QSize(
            size.width() - full + wrapped.width(),
            size.height() - metrics.height() + wrapped.height(),
        )


class SummaryTable(QTableView):
    """A section's table: columns sized to their contents and wrapped titles, the
    leftover width given to one column (the station's name, or the goods list);
    wider than its frame, it scrolls inside it."""

    NAMES_MAX = 360  # px: a long list of names is cut (the tooltip has it whole)

    def __init__(self, model: RowsModel, name: str, stretch: int) -> None:
        super().__init__()
        self.stretch = stretch
        self.setObjectName(name)
        self.setModel(model)
        self.setHorizontalHeader(WrappingHeader(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        self.resizeColumnsToContents()
        if header.sectionSize(self.stretch) > self.NAMES_MAX and self.stretch == (
            header.count() - 1
        ):
            header.resizeSection(self.stretch, self.NAMES_MAX)
        spare = self.viewport().width() - header.length()
        if spare > 0:
            header.resizeSection(self.stretch, header.sectionSize(self.stretch) + spare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def _station(row: Any, total: str) -> str:
    return str(row.name) if row.station_id else total


class FiguresModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station"),
            self.tr("Activities"),
            self.tr("Attendances"),
            self.tr("Active volunteers"),
            self.tr("New volunteers"),
            self.tr("Stars granted"),
            self.tr("Hours"),
            self.tr("Points issued"),
            self.tr("Points redeemed"),
            self.tr("Redemptions"),
        )

    def cell(self, row: StationFigures, column: int) -> str:
        name = f"{row.code} {row.name}" if row.station_id else self.tr("Township total")
        values = (
            name,
            row.sessions,
            row.attendances,
            row.volunteers_active,
            row.volunteers_new,
            row.stars_granted,
            hours_text(row.minutes),
            row.points_issued,
            row.points_redeemed,
            row.redemptions,
        )
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column else None


class CategoriesModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stations: dict[str, tuple[str, str]] = {}  # id -> (code, name)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station code"),
            self.tr("Station"),
            self.tr("Category"),
            self.tr("Platform"),
            self.tr("Activities"),
            self.tr("Attendances"),
        )

    def cell(self, row: CategoryFigures, column: int) -> str:
        code, name = self.stations.get(row.station_id, ("", ""))
        values = (code, name, row.category, row.platform, row.sessions, row.attendances)
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column >= 4 else None


class StockModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station code"),
            self.tr("Station"),
            self.tr("Goods in stock"),
            self.tr("Units in stock"),
            self.tr("Value (points)"),
            self.tr("At or below warning level"),
            self.tr("Goods at or below their warning level"),
        )

    def cell(self, row: StockFigures, column: int) -> str:
        values = (
            row.code,
            _station(row, self.tr("Township total")),
            row.kinds,
            row.units,
            row.value,
            len(row.low),
            self.tr(", ").join(row.low) if row.station_id else "",
        )
        return str(values[column])

    def tooltip(self, row: StockFigures, column: int) -> str | None:
        return "\n".join(row.low) if column == 6 and row.station_id and row.low else None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if 2 <= column <= 5 else None


class HouseholdRankModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Rank"),
            self.tr("Station code"),
            self.tr("Station"),
            self.tr("Village group"),
            self.tr("Household no."),
            self.tr("Head of household"),
            self.tr("Points earned"),
        )

    def cell(self, row: HouseholdRank, column: int) -> str:
        values = (
            row.rank,
            row.code,
            row.station,
            row.group_name,
            row.number,
            row.name,
            row.points,
        )
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column in (0, 6) else None


class VolunteerRankModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Rank"),
            self.tr("Station code"),
            self.tr("Station"),
            self.tr("Volunteer no."),
            self.tr("Name"),
            self.tr("Hours"),
        )

    def cell(self, row: VolunteerRank, column: int) -> str:
        values = (row.rank, row.code, row.station, row.number, row.name, hours_text(row.minutes))
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column in (0, 5) else None


class ParticipationModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station code"),
            self.tr("Village (station)"),
            self.tr("Households on the roster"),
            self.tr("Households taking part"),
            self.tr("Share (%)"),
        )

    def cell(self, row: VillageParticipation, column: int) -> str:
        values = (
            row.code,
            _station(row, self.tr("Township total")),
            row.households,
            row.taking_part,
            f"{row.share:.1f}",
        )
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column >= 2 else None


class StarsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station code"),
            self.tr("Station"),
            self.tr("1 star"),
            self.tr("2 stars"),
            self.tr("3 stars"),
            self.tr("4 stars"),
            self.tr("5 stars"),
            self.tr("Star volunteers"),
        )

    def cell(self, row: StarLevels, column: int) -> str:
        values = (row.code, _station(row, self.tr("Township total")), *row.levels, row.total)
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return RIGHT if column >= 2 else None


class SummaryPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: MonthSummary | None = None
        self.month = QComboBox()
        self.month.setObjectName("summary_month")
        self.month.setMinimumContentsLength(8)
        self.month.currentTextChanged.connect(self._month_chosen)
        self.figures = FiguresModel(self)
        self.figures_view = SummaryTable(self.figures, "summary_stations", 0)
        self.categories = CategoriesModel(self)
        self.categories_view = SummaryTable(self.categories, "summary_categories", 1)
        self.stock = StockModel(self)
        self.stock_view = SummaryTable(self.stock, "summary_stock", 6)
        self.household_ranking = HouseholdRankModel(self)
        self.household_view = SummaryTable(self.household_ranking, "summary_households", 2)
        self.volunteer_ranking = VolunteerRankModel(self)
        self.volunteer_view = SummaryTable(self.volunteer_ranking, "summary_volunteers", 2)
        self.participation = ParticipationModel(self)
        self.participation_view = SummaryTable(self.participation, "summary_participation", 1)
        self.stars = StarsModel(self)
        self.stars_view = SummaryTable(self.stars, "summary_stars", 1)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Summary")))
        bar = QHBoxLayout()
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month)
        bar.addWidget(month_label)
        bar.addWidget(self.month)
        self.buttons = button_row(
            bar,
            "summary",
            (
                ("export", self.tr("Export as Excel…"), self.export_xlsx),
                ("report", self.tr("Monthly report (PDF)…"), self.save_report),
                ("refresh", self.tr("Refresh"), self.reload),
            ),
        )
        layout.addLayout(bar)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("summary_sections")
        self.tabs.setUsesScrollButtons(True)
        nothing = self.tr("Nothing in this month.")
        sections = (
            (
                self.figures_view,
                self.tr("Stations"),
                self.tr("No station's activities have been imported yet."),
            ),
            (self.categories_view, self.tr("By category (场次/人次)"), nothing),
            (self.stock_view, self.tr("Stock"), nothing),
            (self.household_view, self.tr("Household ranking"), nothing),
            (self.volunteer_view, self.tr("Volunteer ranking"), nothing),
            (self.participation_view, self.tr("Participation"), nothing),
            (self.stars_view, self.tr("Star volunteers"), nothing),
        )
        for view, title, empty in sections:
            self.tabs.addTab(with_placeholder(view, empty), title)
        self.tabs.setTabToolTip(1, self.tr("Activities by category and platform (场次/人次)"))
        self.tabs.setTabToolTip(2, self.tr("Stock of the points supermarket at the month's end"))
        self.tabs.setTabToolTip(
            3, self.tr("The township's top 20 households by points earned in the month")
        )
        self.tabs.setTabToolTip(
            4, self.tr("The township's top 20 volunteers by service hours in the month")
        )
        self.tabs.setTabToolTip(
            5, self.tr("Households that earned points or took part in an activity in the month")
        )
        self.tabs.setTabToolTip(6, self.tr("Volunteers per star level at the month's end"))
        layout.addWidget(self.tabs, 1)
        self.reload()

    def views(self) -> list[QTableView]:
        return [
            self.figures_view,
            self.categories_view,
            self.stock_view,
            self.household_view,
            self.volunteer_view,
            self.participation_view,
            self.stars_view,
        ]

    def reload(self) -> None:
        run_task(
            township_summary.township_months,
            self.ctx.db,
            on_done=self._months,
            key="summary.months",
            receiver=self,
        )

    def _months(self, months: list[str]) -> None:
        current = self.month.currentText()
        self.month.blockSignals(True)
        self.month.clear()
        self.month.addItems(months)
        if current in months:
            self.month.setCurrentText(current)
        self.month.blockSignals(False)
        self._month_chosen(self.month.currentText())

    def _month_chosen(self, month: str) -> None:
        if not month:
            for view in self.views():
                model = view.model()
                assert isinstance(model, RowsModel)
                model.set_rows([])
            return
        run_task(
            township_summary.month_summary,
            self.ctx.db,
            month,
            on_done=self._show,
            key="summary.month",
            receiver=self,
        )

    def _show(self, summary: MonthSummary) -> None:
        self.summary = summary
        self.figures.set_rows([*summary.stations, summary.totals])
        self.categories.stations = {s.station_id: (s.code, s.name) for s in summary.stations}
        self.categories.set_rows(list(summary.categories))
        self.stock.set_rows([*summary.stock, summary.stock_total])
        self.household_ranking.set_rows(list(summary.households))
        self.volunteer_ranking.set_rows(list(summary.volunteers))
        self.participation.set_rows([*summary.participation, summary.participation_total])
        self.stars.set_rows([*summary.stars, summary.stars_total])

    def export_xlsx(self) -> None:
        self._save(
            self.tr("Export the summary"),
            self.tr("Summary {month}.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
            self.tr("The summary was saved as {file}."),
            lambda summary, path: township_report.export_summary_xlsx(summary, path),
        )

    def save_report(self) -> None:
        preparer = self.ctx.actor.display_name
        db = self.ctx.db
        self._save(
            self.tr("Save the monthly report"),
            self.tr("Monthly report {month}.pdf"),
            self.tr("PDF files (*.pdf)"),
            self.tr("The report was saved as {file}."),
            lambda summary, path: township_report.save_township_report(
                db, summary, path, preparer=preparer
            ),
        )

    def _save(
        self,
        title: str,
        name: str,
        kinds: str,
        saved: str,
        write: Callable[[MonthSummary, Path], object],
    ) -> None:
        """Ask where to save the month shown (*name* with its ``{month}``), then *write*
        it there off the GUI thread and say so."""
        summary = self.summary
        if summary is None:
            self.message.show_error(self.tr("Choose a month first."))
            return
        path = files.save_file_name(self, title, name.format(month=summary.month), kinds)
        if not path:
            return
        run_task(
            write,
            summary,
            Path(path),
            on_done=lambda _result: self.message.show_ok(saved.format(file=path)),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )
