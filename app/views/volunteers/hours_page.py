"""服务时长 tab: approving hours, corrections, hand-entered hours and star levels.

The records list is a lazy model over ``service_hours.count_records`` /
``fetch_records`` (pending first by default; flagged records — signed out by a
close, a clock set back — can be shown alone).  Several rows can be approved
or rejected at once (a rejection needs a reason and the record stays listed).
A correction changes one record's hours with a reason; the service logs the
old and new values.  Hours typed in by hand need a reason too, and start
pending like every other record.

Below: volunteers whose approved hours reached a star level they do not hold
(``eligible_for_stars``) with a Grant button, and the year's star grants.
Approving, rejecting, correcting and granting need ``APPROVE_HOURS`` (the
station head); the buttons are hidden from others.  Administrators also find
here the export to the national volunteer system (app.views.volunteers.
national_dialog; ``EXPORT_NATIONAL``, hidden from others).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import hours_text
from app.services import volunteers
from app.services.auth import Permission
from app.services.documents.list_export import hours_document
from app.services.volunteers import VolunteerHit
from app.services.volunteers import hours as service_hours
from app.services.volunteers.hours import NamedGrant, RecordFilter, RecordView, StarEligibility
from app.views.dialogs import ServiceDialog
from app.views.grid_layout import FlowLayout, wrapping
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import ask_reason
from app.views.screen import fit_window
from app.views.table_models import (
    GREEN,
    GREY,
    RED,
    LazyRowsModel,
    RowsModel,
    rows_of,
    table_view,
    with_placeholder,
)
from app.views.tasks import run_task
from app.views.volunteers.labels import (
    RECORD_SOURCES,
    RECORD_STATES,
    flags_text,
    label,
    stars,
)
from app.views.widgets import MessageLabel, error_text


class RecordsModel(LazyRowsModel):
    DATE, VOLUNTEER, CONTENT, HOURS, SOURCE, STATUS, FLAGS = range(7)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db,
            service_hours.count_records,
            service_hours.fetch_records,
            RecordFilter(status="pending"),
            parent,
        )

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Volunteer"),
            self.tr("Activity / service"),
            self.tr("Hours"),
            self.tr("Source"),
            self.tr("Status"),
            self.tr("Check"),
        )

    def cell(self, row: RecordView, column: int) -> str:
        if column == self.DATE:
            return row.service_date.isoformat()
        if column == self.VOLUNTEER:
            return f"{row.volunteer_name} {row.volunteer_number}"
        if column == self.CONTENT:
            text = row.activity_title or row.content
            return f"{text} — {row.reason}" if row.reason else text
        if column == self.HOURS:
            if row.minutes != row.original_minutes:
                return self.tr("{now} (was {was})").format(
                    now=hours_text(row.minutes), was=hours_text(row.original_minutes)
                )
            return hours_text(row.minutes)
        if column == self.SOURCE:
            return label(RECORD_SOURCES, row.source)
        if column == self.STATUS:
            return label(RECORD_STATES, row.status)
        return flags_text(row.review_reason)

    def foreground(self, row: RecordView, column: int) -> QColor | None:
        if column == self.STATUS:
            return {"approved": GREEN, "rejected": RED}.get(row.status)
        if column == self.FLAGS and row.review_reason:
            return QColor("#9a6700")
        if row.status == "rejected":
            return GREY
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.HOURS else None


class EligibleModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Name"),
            self.tr("Hours"),
            self.tr("Now"),
            self.tr("Reaches"),
        )

    def cell(self, row: StarEligibility, column: int) -> str:
        return (
            row.number,
            row.name,
            hours_text(row.approved_minutes),
            stars(row.star_level) or "—",
            stars(row.eligible_level),
        )[column]


class GrantsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Granted"),
            self.tr("Name"),
            self.tr("No."),
            self.tr("Level"),
            self.tr("Hours then"),
            self.tr("By"),
        )

    def cell(self, row: NamedGrant, column: int) -> str:
        return (
            row.granted_on.isoformat(),
            row.name,
            row.number,
            stars(row.level),
            hours_text(row.minutes_at_grant),
            row.operator_name,
        )[column]


# --- dialogs -----------------------------------------------------------------------------------


class CorrectionDialog(ServiceDialog):
    """更正: new hours for one record, with the reason (and who asked)."""

    def __init__(self, ctx: PageContext, record: RecordView, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("correction_dialog")
        self.record = record
        self.setWindowTitle(self.tr("Correct hours"))
        self.new_hours = QDoubleSpinBox()
        self.new_hours.setObjectName("correction_hours")
        self.new_hours.setRange(0, 24)
        self.new_hours.setDecimals(1)
        self.new_hours.setSingleStep(0.5)
        self.new_hours.setSuffix(self.tr(" h"))
        self.new_hours.setValue(record.minutes / 60)
        self.reason = QLineEdit()
        self.reason.setObjectName("correction_reason")
        self.requested_by = QLineEdit()
        self.requested_by.setObjectName("correction_requested_by")
        self.requested_by.setPlaceholderText(self.tr("Optional, e.g. the volunteer"))
        form = QFormLayout()
        form.addRow(
            QLabel(
                self.tr("{name}, {date}: {title} — now {hours} h").format(
                    name=record.volunteer_name,
                    date=record.service_date.isoformat(),
                    title=record.activity_title or record.content,
                    hours=hours_text(record.minutes),
                )
            )
        )
        form.addRow(self.tr("&New hours:"), self.new_hours)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Requested &by:"), self.requested_by)
        self.finish_layout(form)

    def submit(self) -> None:
        self.run(
            service_hours.correct,
            self.ctx.db,
            self.ctx.actor,
            self.record.id,
            round(self.new_hours.value() * 60),
            self.reason.text(),
            self.requested_by.text(),
        )


class ManualHoursDialog(ServiceDialog):
    """补录: hours typed in by hand for a volunteer (pending approval), with a reason."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("manual_hours_dialog")
        self.setWindowTitle(self.tr("Enter hours by hand"))
        self.who = QLineEdit()
        self.who.setObjectName("manual_volunteer_search")
        self.who.setPlaceholderText(self.tr("Name, initials or No., then Enter"))
        self.found = QComboBox()
        self.found.setObjectName("manual_volunteer")
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("manual_date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("manual_hours")
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h"))
        self.content = QLineEdit()
        self.content.setObjectName("manual_content")
        self.reason = QLineEdit()
        self.reason.setObjectName("manual_reason")
        self.reason.setPlaceholderText(self.tr("e.g. forgot to sign in"))
        form = QFormLayout()
        form.addRow(self.tr("&Volunteer:"), self.who)
        form.addRow("", self.found)
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("&Hours:"), self.hours)
        form.addRow(self.tr("&Service:"), self.content)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.finish_layout(form)
        self.who.returnPressed.connect(self.find_volunteer)
        fit_window(self, 460, 320)

    def find_volunteer(self) -> None:
        def done(hits: list[VolunteerHit]) -> None:
            self.found.clear()
            for h in hits:
                self.found.addItem(f"{h.name}  {h.number}  {h.group_name}", h.id)
            if not hits:
                self.message.show_error(self.tr("Nobody found."))
            else:
                self.message.clear_message()

        run_task(
            volunteers.search_volunteers,
            self.ctx.db,
            self.who.text(),
            30,
            key="hours.search",
            on_done=done,
            on_error=self._failed,
            receiver=self,
        )

    def submit(self) -> None:
        volunteer_id = self.found.currentData()
        if not volunteer_id:
            self.message.show_error(self.tr("Find and choose the volunteer first."))
            return
        day = self.day.date().toPython()
        assert isinstance(day, date)
        self.run(
            service_hours.add_manual_record,
            self.ctx.db,
            self.ctx.actor,
            str(volunteer_id),
            day,
            round(self.hours.value() * 60),
            self.content.text(),
            self.reason.text(),
        )


# --- the tab -------------------------------------------------------------------------------------


class HoursTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        can_approve = ctx.actor.can(Permission.APPROVE_HOURS)
        self.status = QComboBox()
        self.status.setObjectName("hours_status")
        for text, key in (
            (self.tr("Pending"), "pending"),
            (self.tr("Approved"), "approved"),
            (self.tr("Rejected"), "rejected"),
            (self.tr("All"), ""),
        ):
            self.status.addItem(text, key)
        self.flagged = QCheckBox(self.tr("Only records to check"))
        self.flagged.setObjectName("hours_flagged")
        self.count_label = QLabel()
        self.count_label.setObjectName("hours_count")
        self.model = RecordsModel(ctx.db, self)
        self.view = table_view(self.model, "hours_table", multi=True)
        for col, width in ((0, 90), (1, 170), (2, 220), (3, 80), (4, 100), (5, 70)):
            self.view.setColumnWidth(col, width)
        self.message = MessageLabel()
        self.message.setObjectName("hours_message")
        self.buttons: dict[str, QPushButton] = {}
        bar = FlowLayout(height_for_width=False)  # wraps on a narrow screen, texts whole
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.status)
        bar.addWidget(self.flagged)
        for key, text, slot, allowed in (
            ("approve", self.tr("&Approve selected"), self.approve, can_approve),
            ("reject", self.tr("&Reject selected…"), self.reject, can_approve),
            ("correct", self.tr("&Correct…"), self.correct, can_approve),
            ("manual", self.tr("&Enter hours by hand…"), self.manual, True),
            (
                "national",
                self.tr("E&xport to the national volunteer system…"),
                self.export_national,
                ctx.actor.can(Permission.EXPORT_NATIONAL),
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(f"hours_{key}")
            button.clicked.connect(slot)
            if not (allowed and ctx.actor.can(Permission.DAILY_WORK)):
                button.hide()  # hide only: showing it before it has a parent opens a window
            bar.addWidget(button)
            self.buttons[key] = button
        self.lists = ListActions(
            self,
            "hours",
            lambda: hours_document(ctx.db, self.model.filter),
            self.message,
            enabled=ctx.actor.can(Permission.DAILY_WORK),
        )
        self.lists.add_to(bar)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(wrapping(bar))
        top_layout.addWidget(self.message)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.count_label)

        # stars
        self.eligible = EligibleModel(self)
        self.eligible_view = table_view(self.eligible, "eligible_table", multi=True)
        self.grant_button = QPushButton(self.tr("Grant s&tars (selected, or all)"))
        self.grant_button.setObjectName("grant_stars")
        self.grant_button.clicked.connect(self.grant)
        if not can_approve:
            self.grant_button.hide()  # (not setVisible(True): it has no parent yet)
        eligible_box = QGroupBox(self.tr("Reached a new star level"))
        eligible_layout = QVBoxLayout(eligible_box)
        eligible_layout.addWidget(
            with_placeholder(self.eligible_view, self.tr("Nobody has reached a new star level.")),
            1,
        )
        eligible_layout.addWidget(self.grant_button)
        self.year = QSpinBox()
        self.year.setObjectName("grants_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.grants = GrantsModel(self)
        self.grants_view = table_view(self.grants, "grants_table")
        grants_box = QGroupBox(self.tr("Star levels granted"))
        grants_layout = QVBoxLayout(grants_box)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year:")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        grants_layout.addLayout(year_row)
        grants_layout.addWidget(
            with_placeholder(self.grants_view, self.tr("No star levels granted in this year.")), 1
        )
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(eligible_box, 1)
        bottom_layout.addWidget(grants_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.flagged.toggled.connect(lambda _b: self.apply_filter())
        self.year.valueChanged.connect(lambda _v: self.load_grants())
        self.model.counted.connect(lambda n: self.count_label.setText(self.tr("%n records", "", n)))
        self.apply_filter()
        self.load_stars()

    def refresh(self) -> None:
        self.model.refresh()
        self.load_stars()

    def apply_filter(self) -> None:
        self.model.set_filter(
            RecordFilter(
                status=str(self.status.currentData() or ""), flagged_only=self.flagged.isChecked()
            )
        )

    def load_stars(self) -> None:
        run_task(
            service_hours.eligible_for_stars,
            self.ctx.db,
            on_done=self.eligible.set_rows,
            receiver=self,
        )
        self.load_grants()

    def load_grants(self) -> None:
        run_task(
            service_hours.grants_of_year,
            self.ctx.db,
            self.year.value(),
            on_done=self.grants.set_rows,
            receiver=self,
        )

    def _chosen(self) -> list[RecordView] | None:
        chosen = rows_of(self.model, self.view)
        if chosen is None:
            self.message.show_error(
                self.tr("Some selected rows are still loading; try again in a moment.")
            )
            return None
        if not chosen:
            self.message.show_selection_hint(
                self.tr("Select one or more records in the list first."), self.view
            )
            return None
        return chosen

    def _service(self, fn: Any, *args: Any, ok: Any) -> None:
        def done(result: Any) -> None:
            self.message.show_ok(ok(result))
            self.refresh()

        run_task(
            fn,
            *args,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def approve(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        self._service(
            service_hours.approve,
            self.ctx.db,
            self.ctx.actor,
            [r.id for r in chosen],
            ok=lambda n: self.tr("%n records approved.", "", n),
        )

    def reject(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        reason = ask_reason(
            self,
            self.tr("Reject hours"),
            self.tr(
                "Reject %n record(s)? They stay listed as rejected. Give the reason:",
                "",
                len(chosen),
            ),
        )
        if reason is None:
            return
        self._service(
            service_hours.reject_many,
            self.ctx.db,
            self.ctx.actor,
            [r.id for r in chosen],
            reason,
            ok=lambda n: self.tr("%n records rejected.", "", n),
        )

    def correct(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if len(chosen) != 1:
            self.message.show_error(self.tr("Correct one record at a time."))
            return
        dialog = CorrectionDialog(self.ctx, chosen[0], self)

        def accepted() -> None:
            self.message.show_ok(self.tr("Corrected; the old and new hours are logged."))
            self.refresh()

        dialog.accepted.connect(accepted)
        dialog.open()

    def manual(self) -> None:
        dialog = ManualHoursDialog(self.ctx, self)

        def accepted() -> None:
            self.message.show_ok(self.tr("Hours entered; they wait for approval."))
            self.refresh()

        dialog.accepted.connect(accepted)
        dialog.open()

    def export_national(self) -> None:
        from app.views.volunteers.national_dialog import NationalExportDialog

        dialog = NationalExportDialog(self.ctx, self)

        def accepted() -> None:
            result = dialog.result_value
            self.message.show_ok(
                self.tr(
                    "{records} records of {persons} volunteers saved to {path}. "
                    "Delete the file once it is uploaded."
                ).format(records=result.records, persons=result.persons, path=dialog.path)
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def grant(self) -> None:
        rows = rows_of(self.eligible, self.eligible_view) or list(self.eligible.rows)
        if not rows:
            self.message.show_error(self.tr("Nobody has reached a new star level."))
            return
        self._service(
            service_hours.grant_stars,
            self.ctx.db,
            self.ctx.actor,
            [r.volunteer_id for r in rows],
            ok=lambda grants: self.tr("%n star levels granted.", "", len(grants)),
        )
