"""汇总 — the township's month: each station's figures, the total, and 场次/人次 by category.

The month list comes from the stations' activities; choosing a month reads
:func:`app.services.township.summary.month_summary` off the GUI thread (the
newest choice wins).  Export writes the month as an .xlsx.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.township import summary as township_summary
from app.services.township.summary import CategoryFigures, MonthSummary, StationFigures
from app.views import files
from app.views.pages import PageContext
from app.views.table_models import RowsModel, table_view, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, heading


def hours_text(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


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
        return Qt.AlignmentFlag.AlignRight if column else None


class CategoriesModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Station"),
            self.tr("Category"),
            self.tr("Platform"),
            self.tr("Activities"),
            self.tr("Attendances"),
        )

    def cell(self, row: CategoryFigures, column: int) -> str:
        values = (
            self.names.get(row.station_id, ""),
            row.category,
            row.platform,
            row.sessions,
            row.attendances,
        )
        return str(values[column])

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column >= 3 else None


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
        self.figures_view = table_view(self.figures, "summary_stations")
        self.categories = CategoriesModel(self)
        self.categories_view = table_view(self.categories, "summary_categories")
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
        layout.addWidget(
            with_placeholder(
                self.figures_view, self.tr("No station's activities have been imported yet.")
            ),
            3,
        )
        layout.addWidget(QLabel(self.tr("Activities by category and platform (场次/人次)")))
        layout.addWidget(self.categories_view, 2)
        self.reload()

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
            self.figures.set_rows([])
            self.categories.set_rows([])
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
        self.categories.names = {s.station_id: s.name for s in summary.stations}
        self.categories.set_rows(list(summary.categories))
        self.figures_view.resizeColumnsToContents()
        self.categories_view.resizeColumnsToContents()

    def export_xlsx(self) -> None:
        summary = self.summary
        if summary is None:
            self.message.show_error(self.tr("Choose a month first."))
            return
        path = files.save_file_name(
            self,
            self.tr("Export the summary"),
            self.tr("Summary {month}.xlsx").format(month=summary.month),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        run_task(
            township_summary.export_summary_xlsx,
            summary,
            Path(path),
            on_done=lambda _n: self.message.show_ok(
                self.tr("The summary was saved as {file}.").format(file=path)
            ),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def save_report(self) -> None:
        summary = self.summary
        if summary is None:
            self.message.show_error(self.tr("Choose a month first."))
            return
        path = files.save_file_name(
            self,
            self.tr("Save the monthly report"),
            self.tr("Monthly report {month}.pdf").format(month=summary.month),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        run_task(
            township_summary.save_township_report,
            self.ctx.db,
            summary,
            Path(path),
            preparer=self.ctx.actor.display_name,
            on_done=lambda _p: self.message.show_ok(
                self.tr("The report was saved as {file}.").format(file=path)
            ),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )
