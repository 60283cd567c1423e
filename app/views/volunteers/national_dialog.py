"""导出到全国志愿服务信息系统 — the dialog that exports approved hours with full ID numbers.

Opened from the 服务时长 tab by administrators (``Permission.EXPORT_NATIONAL``;
others do not see the button).  The person chooses the records — by default
every approved record not exported yet, optionally only the service dates of a
period, and optionally records already exported again — and sees how many
persons and records that is (counted off the GUI thread as the choice
changes).  A warning says, before anything is written, that the file holds
full ID numbers and phones and must be deleted once uploaded.  OK asks where
to save (app.views.files) and runs app.services.volunteers.national.export_xlsx
on the writer thread; the file's layout is described there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QWidget

from app.i18n import hours_text
from app.services.volunteers import national
from app.services.volunteers.national import NationalChoice, NationalPreview
from app.views import files
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.tasks import run_task
from app.views.widgets import error_text


class NationalExportDialog(ServiceDialog):
    """Choose the records, read the warning, save the .xlsx for the national system."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("national_export_dialog")
        self.setWindowTitle(self.tr("Export to the national volunteer system"))
        self.preview: NationalPreview | None = None
        self.path = ""
        self.only_new = QCheckBox(self.tr("Only records &not exported yet"))
        self.only_new.setObjectName("national_only_new")
        self.only_new.setChecked(True)
        self.use_period = QCheckBox(self.tr("Only service &dates from"))
        self.use_period.setObjectName("national_use_period")
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - today.day()))
        self.start.setObjectName("national_start")
        self.end = QDateEdit(today)
        self.end.setObjectName("national_end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("national_count")
        self.count.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "The file holds every volunteer's FULL ID number and phone number. "
                "Keep it on this computer, upload it to the national volunteer system, "
                "then delete it. The export is entered in the audit log."
            )
        )
        self.warning.setObjectName("national_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b42318; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "Approved service records in the fields of the national rules "
                "(basic information and service records, two sheets)."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.only_new)
        form.addRow(period)
        form.addRow(self.count)
        form.addRow(self.warning)
        self.finish_layout(form)
        self.ok_button().setText(self.tr("&Save the file…"))
        self.ok_button().setObjectName("national_save")
        self.ok_button().setEnabled(False)
        self.only_new.toggled.connect(lambda _b: self.load_preview())
        self.use_period.toggled.connect(self._period_toggled)
        self.start.dateChanged.connect(lambda _d: self.load_preview())
        self.end.dateChanged.connect(lambda _d: self.load_preview())
        fit_window(self, 560, 340)
        self.load_preview()

    def _period_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.load_preview()

    def choice(self) -> NationalChoice:
        if not self.use_period.isChecked():
            return NationalChoice(only_new=self.only_new.isChecked())
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return NationalChoice(start, end, self.only_new.isChecked())

    def load_preview(self) -> None:
        self.ok_button().setEnabled(False)
        self.count.setText(self.tr("Counting…"))
        run_task(
            national.preview,
            self.ctx.db,
            self.ctx.actor,
            self.choice(),
            key="national.preview",
            on_done=self._previewed,
            on_error=self._preview_failed,
            receiver=self,
        )

    def _previewed(self, preview: NationalPreview) -> None:
        self.preview = preview
        if not preview.records:
            self.count.setText(self.tr("No approved service records to export."))
            return
        text = self.tr("{records} records of {persons} volunteers, {hours} h in all.").format(
            records=preview.records, persons=preview.persons, hours=hours_text(preview.minutes)
        )
        if preview.without_id:
            text += " " + self.tr(
                "%n volunteer(s) have no ID number; the national system will ask for it.",
                "",
                preview.without_id,
            )
        self.count.setText(text)
        self.message.clear_message()
        self.ok_button().setEnabled(True)

    def _preview_failed(self, exc: BaseException) -> None:
        self.count.setText("")
        self.message.show_error(error_text(exc))

    def submit(self) -> None:
        if not self.preview or not self.preview.records:
            return
        name = files.dated_file_name(self.tr("National volunteer system"), ".xlsx")
        path = files.save_file_name(
            self, self.tr("Save the export"), name, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.path = path
        self.run(national.export_xlsx, self.ctx.db, self.ctx.actor, self.choice(), Path(path))
