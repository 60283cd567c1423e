"""报表 — a station's monthly, quarterly and annual reports, and 报送.

Choose the kind (月报/季报/年报) and the period; Preview shows the report PDF
(app.views.pdf_preview), Save as Excel writes the same numbers as an .xlsx,
活动台账 binds the period's activities into one PDF (progress and Cancel), and
报送 — after a confirmation naming the period and the version it will
be — freezes the report as a numbered snapshot that the next sync file
carries to the township (app.services.reports.submit).  Below, the versions
submitted so far with the township's decision (已审核, or 退回 with its
reason) once a config package from the township brought it.
Every count, document and write runs off the GUI thread (run_task).

In township mode the same area (报表, :func:`reports_page`) is
:class:`SubmittedReportsPage`: it lists every station's submitted reports with their state, previews
one as it was submitted, and approves or returns it with a reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.documents.ledger import save_activity_ledger
from app.services.documents.reports import report_pdf, report_title, report_xlsx
from app.services.reports import figures as report_figures
from app.services.reports import submit as report_submit
from app.services.reports.submit import SubmittedReport
from app.views import files
from app.views.pages import PageContext
from app.views.pdf_preview import show_pdf
from app.views.progress_dialog import run_with_progress
from app.views.table_models import RowsModel, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, format_local, heading

KINDS = ("month", "quarter", "year")


def _preview_data(db: Any, period: str, preparer: str) -> tuple[str, bytes]:
    report = report_figures.station_report(db, period, preparer=preparer)
    return report_title(report) + " " + report.period.title, report_pdf(report)


def _save_xlsx(db: Any, period: str, preparer: str, path: Path) -> Path:
    report_xlsx(report_figures.station_report(db, period, preparer=preparer), path)
    return path


def _snapshot_preview(db: Any, snapshot_id: str) -> tuple[str, bytes]:
    report = report_submit.snapshot_report(db, snapshot_id)
    return report_title(report) + " " + report.period.title, report_pdf(report)


def _show(result: tuple[str, bytes], parent: QWidget) -> None:
    title, data = result
    show_pdf(data, title, parent=parent)


class SubmittedModel(RowsModel):
    def __init__(self, parent: QWidget | None = None, *, with_station: bool = False) -> None:
        self.with_station = with_station
        super().__init__(parent)

    def headers(self) -> tuple[str, ...]:
        own = (
            self.tr("Number"),
            self.tr("Period"),
            self.tr("Version"),
            self.tr("Submitted at"),
            self.tr("By"),
            self.tr("State"),
            self.tr("Reason"),
        )
        return (self.tr("Station"), *own) if self.with_station else own

    def tooltip(self, row: SubmittedReport, column: int) -> str | None:
        if column == self.columnCount() - 1 and row.reason:
            return row.reason  # the township's whole reason, however short the column
        return super().tooltip(row, column)

    def cell(self, row: SubmittedReport, column: int) -> str:
        state = {
            "submitted": self.tr("Submitted"),
            "approved": self.tr("Approved"),
            "returned": self.tr("Returned"),
        }.get(row.state, row.state)
        values = [
            row.number,
            row.period_key,
            str(row.version),
            format_local(row.submitted_at),
            row.submitted_by,
            state,
            row.reason,
        ]
        if self.with_station:
            values.insert(0, row.station_name)
        return values[column]


# the submitted-report list's columns: number, period, version, submitted at, by, state
# (the station's name first at the township); the township's reason takes the rest
_WIDTHS = (226, 72, 48, 130, 80, 60)


def _table(model: SubmittedModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(((140,) if model.with_station else ()) + _WIDTHS):
        view.setColumnWidth(column, width)
    view.setWordWrap(True)  # a long reason for a return wraps in its row
    model.modelReset.connect(view.resizeRowsToContents)
    return view


class ReportsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm_box: QMessageBox | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("reports_kind")
        for key, text in zip(
            KINDS,
            (self.tr("Monthly report"), self.tr("Quarterly report"), self.tr("Annual report")),
            strict=True,
        ):
            self.kind.addItem(text, key)
        self.period = QComboBox()
        self.period.setObjectName("reports_period")
        self.period.setMinimumContentsLength(8)
        self.kind.currentIndexChanged.connect(self.reload)
        self.submitted = SubmittedModel(self)
        self.list_view = _table(self.submitted, "reports_submitted")
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports")))
        bar = QHBoxLayout()
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        self.buttons = button_row(
            bar,
            "reports",
            (
                ("preview", self.tr("Preview (PDF)"), self.preview),
                ("xlsx", self.tr("Save as Excel…"), self.save_xlsx),
                ("submit", self.tr("Submit to the township…"), self.submit),
                ("ledger", self.tr("Activity record book (PDF)…"), self.save_ledger),
            ),
        )
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Submitted versions:")))
        layout.addWidget(
            with_placeholder(self.list_view, self.tr("No report has been submitted yet.")), 1
        )
        self.reload()

    def period_key(self) -> str:
        return self.period.currentText()

    def reload(self) -> None:
        run_task(
            report_figures.report_periods,
            self.ctx.db,
            self.kind.currentData(),
            on_done=self._periods,
            key="reports.periods",
            receiver=self,
        )
        self.reload_submitted()

    def reload_submitted(self) -> None:
        run_task(
            report_submit.submitted_reports,
            self.ctx.db,
            on_done=self.submitted.set_rows,
            key="reports.submitted",
            receiver=self,
        )

    def _periods(self, periods: list[str]) -> None:
        current = self.period.currentText()
        self.period.clear()
        self.period.addItems(periods)
        if current in periods:
            self.period.setCurrentText(current)

    def preview(self) -> None:
        if not self.period_key():
            return
        run_task(
            _preview_data,
            self.ctx.db,
            self.period_key(),
            self.ctx.actor.display_name,
            on_done=lambda result: _show(result, self),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def save_xlsx(self) -> None:
        period = self.period_key()
        if not period:
            return
        path = files.save_file_name(
            self,
            self.tr("Save the report as Excel"),
            self.tr("Report {period}.xlsx").format(period=period),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        run_task(
            _save_xlsx,
            self.ctx.db,
            period,
            self.ctx.actor.display_name,
            Path(path),
            on_done=lambda _r: self.message.show_ok(
                self.tr("The report was saved as {file}.").format(file=path)
            ),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def save_ledger(self) -> None:
        """活动台账 of the chosen period, written off the GUI thread with progress and Cancel."""
        period = self.period_key()
        if not period:
            return
        path = files.save_file_name(
            self,
            self.tr("Save the activity record book"),
            self.tr("Activity record book {period}.pdf").format(period=period),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        self.buttons["ledger"].setEnabled(False)

        def finished(ok: str | None) -> None:
            self.buttons["ledger"].setEnabled(True)
            if ok:
                self.message.show_ok(ok)

        def failed(exc: BaseException) -> None:
            finished(None)
            self.message.show_error(error_text(exc))

        run_with_progress(
            self,
            self.tr("Activity record book"),
            save_activity_ledger,
            self.ctx.db,
            period,
            self.ctx.data_dir.photos,
            Path(path),
            label=self.tr("Binding the activities…"),
            label_for=lambda done, total, _text: self.tr("Activity {done} of {total}").format(
                done=done, total=total
            ),
            on_done=lambda _r: finished(
                self.tr("The record book was saved as {file}.").format(file=path)
            ),
            on_error=failed,
            on_cancelled=lambda: finished(self.tr("The record book was not saved.")),
            receiver=self,
        )

    def submit(self) -> None:
        """Ask first (a window that does not block), then submit off the GUI thread."""
        period = self.period_key()
        if not period:
            return
        versions = [r for r in self.submitted.rows if r.period_key == period]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Submit the report"),
            self.tr(
                "Submit the report for {period} to the township?\n\n"
                "Its figures are frozen as they are now (version {version}) and go "
                "with the next sync file."
            ).format(period=period, version=len(versions) + 1),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("reports_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self._do_submit(period))
        self.confirm_box = box
        box.open()

    def _do_submit(self, period: str) -> None:
        self.buttons["submit"].setEnabled(False)

        def done(result: SubmittedReport) -> None:
            self.buttons["submit"].setEnabled(True)
            self.message.show_ok(
                self.tr("Submitted as {number}; it goes with the next sync file.").format(
                    number=result.number
                )
            )
            self.reload_submitted()

        def failed(exc: BaseException) -> None:
            self.buttons["submit"].setEnabled(True)
            self.message.show_error(error_text(exc))

        run_task(
            report_submit.submit_report,
            self.ctx.db,
            self.ctx.actor,
            period,
            on_done=done,
            on_error=failed,
            receiver=self,
            write=True,
        )


class SubmittedReportsPage(QWidget):
    """The township's list of its stations' submitted reports, and their review."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SubmittedModel(self, with_station=True)
        self.view = _table(self.model, "submitted_reports")
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Submitted reports")))
        bar = QHBoxLayout()
        self.buttons = button_row(
            bar,
            "submitted",
            (
                ("preview", self.tr("Preview (PDF)"), self.preview),
                ("approve", self.tr("Approve"), self.approve),
                ("return", self.tr("Return…"), self.send_back),
                ("refresh", self.tr("Refresh"), self.reload),
            ),
        )
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(
            with_placeholder(self.view, self.tr("No station has submitted a report yet.")), 1
        )
        self.reload()

    def reload(self) -> None:
        run_task(
            report_submit.submitted_reports,
            self.ctx.db,
            on_done=self.model.set_rows,
            key="submitted.list",
            receiver=self,
        )

    def chosen(self) -> SubmittedReport | None:
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            self.message.show_error(self.tr("Choose a report first."))
        return row

    def preview(self) -> None:
        row = self.chosen()
        if row is None:
            return
        run_task(
            _snapshot_preview,
            self.ctx.db,
            row.id,
            on_done=lambda result: _show(result, self),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def approve(self) -> None:
        row = self.chosen()
        if row is not None:
            self._review(row, approve=True, reason="")

    def send_back(self) -> None:
        row = self.chosen()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Return the report"), self.tr("Reason for returning it:")
        )
        if ok:
            self._review(row, approve=False, reason=reason)

    def _review(self, row: SubmittedReport, *, approve: bool, reason: str) -> None:
        run_task(
            report_submit.review_report,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            approve=approve,
            reason=reason,
            on_done=lambda _r: self.reload(),
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
            write=True,
        )


def reports_page(ctx: PageContext) -> QWidget:
    """The 报表 area: a station's reports, or at a township its stations' submitted ones."""
    if ctx.mode == "township":
        return SubmittedReportsPage(ctx)
    return ReportsPage(ctx)
