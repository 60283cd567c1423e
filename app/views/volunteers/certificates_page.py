"""证明 tab: issuing 志愿服务记录证明, star and participation certificates, the
certificate register, reprints (副本), voids, the 公示 list and batch printing.

Issuing is one service call (numbered and registered in its transaction); the
PDF is then made by :mod:`app.services.documents.certificates` from the returned
:class:`~app.services.volunteers.certificates.CertificateData` and shown in the in-app preview (Print… / Save as PDF…).  A refusal — no
approved hours in the period, no star level yet — is shown inline and takes
no number.  The register is a lazy model over ``count_register`` /
``fetch_register``; a voided certificate stays listed, marked voided with its
reason; a reprint prints 副本 and is counted in the register.

Batch printing (e.g. every five-star volunteer of a year from
``certificates.star_candidates``) runs off the GUI thread with a progress
dialog and Cancel: the candidates' star certificates are issued (numbered) in
one transaction and then all are rendered into one PDF.  Cancelling while
issuing takes no numbers at all; cancelling while rendering keeps the issued
certificates in the register, to be printed from there.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import hours_text, hours_with_unit
from app.services import activities, volunteers
from app.services.activities import ActivityFilter, ActivityRow
from app.services.auth import Permission
from app.services.documents.certificates import batch_star_pdf, issue_certificate, register_pdf
from app.services.documents.list_export import certificates_document
from app.services.documents.lists import publicity_pdf
from app.services.text_input import MAX_SEARCH_CHARS
from app.services.volunteers import VolunteerHit, certificates
from app.services.volunteers.certificates import CertificateData, RegisterRow
from app.views.files import dated_file_name
from app.views.grid_layout import FlowLayout, wrapping
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import ask_reason
from app.views.points.options import MASK_NAMES
from app.views.progress_dialog import run_with_progress
from app.views.table_models import GREY, RED, LazyRowsModel, rows_of, table_view
from app.views.tasks import LONG_WRITE, Task, run_task
from app.views.volunteers.labels import CERTIFICATE_KINDS, label
from app.views.widgets import MessageLabel, error_text

# --- the register model ---------------------------------------------------------------------------


class RegisterModel(LazyRowsModel):
    NUMBER, KIND, ISSUED, NAME, VNUMBER, PERIOD, HOURS, OPERATOR, REPRINTS, STATE = range(10)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, self._count_year, self._fetch_year, date.today().year, parent)

    @staticmethod
    def _count_year(db: Database, year: int | None) -> int:
        return certificates.count_register(db, year)

    @staticmethod
    def _fetch_year(db: Database, offset: int, limit: int, year: int | None) -> list[RegisterRow]:
        return certificates.fetch_register(db, offset, limit, year)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Certificate No."),
            self.tr("Kind"),
            self.tr("Issued"),
            self.tr("Name"),
            self.tr("Volunteer No."),
            self.tr("Period"),
            self.tr("Hours"),
            self.tr("By"),
            self.tr("Copies"),
            self.tr("State"),
        )

    def cell(self, row: RegisterRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.KIND:
            return label(CERTIFICATE_KINDS, row.kind)
        if column == self.ISSUED:
            return row.issued_on.isoformat()
        if column == self.NAME:
            return row.volunteer_name
        if column == self.VNUMBER:
            return row.volunteer_number
        if column == self.PERIOD:
            if row.period_start and row.period_end:
                return f"{row.period_start.isoformat()} – {row.period_end.isoformat()}"
            return ""
        if column == self.HOURS:
            return hours_text(row.total_minutes)
        if column == self.OPERATOR:
            return row.operator_name
        if column == self.REPRINTS:
            return str(row.reprints) if row.reprints else ""
        if row.voided:
            return self.tr("Voided: {reason}").format(reason=row.void_reason)
        return self.tr("Valid")

    def foreground(self, row: RegisterRow, column: int) -> QColor | None:
        if row.voided:
            return RED if column == self.STATE else GREY
        return None


# --- the tab ----------------------------------------------------------------------------------------


class CertificatesTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_pdf: bytes | None = None
        self.last_issued: CertificateData | None = None
        self.batch_task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        daily = ctx.actor.can(Permission.DAILY_WORK)

        # issuing
        self.who = QLineEdit()
        self.who.setMaxLength(MAX_SEARCH_CHARS)
        self.who.setObjectName("certificate_volunteer_search")
        self.who.setPlaceholderText(self.tr("Find the volunteer: name, initials or No."))
        self.who.setClearButtonEnabled(True)
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("certificate_volunteer")
        self.volunteer.setMinimumWidth(260)
        self.kind = QComboBox()
        self.kind.setObjectName("certificate_kind")
        self.kind.addItem(self.tr("Service record (志愿服务记录证明)"), "service_record")
        self.kind.addItem(self.tr("Star volunteer certificate"), "star")
        self.kind.addItem(self.tr("Activity participation"), "participation")
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(today.year(), 1, 1))
        self.start.setObjectName("certificate_start")
        self.end = QDateEdit(today)
        self.end.setObjectName("certificate_end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.activity = QComboBox()
        self.activity.setObjectName("certificate_activity")
        self.activity.setMinimumWidth(260)
        self.note = QLineEdit()
        self.note.setObjectName("certificate_note")
        self.issue_button = QPushButton(self.tr("&Issue and preview"))
        self.issue_button.setObjectName("certificate_issue")
        self.issue_button.setEnabled(daily)
        self.issue_message = MessageLabel()
        self.issue_message.setObjectName("certificate_issue_message")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addStretch(1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        who_row = QHBoxLayout()
        who_row.addWidget(self.who, 1)
        who_row.addWidget(self.volunteer, 1)
        form.addRow(self.tr("Volunteer:"), who_row)
        form.addRow(self.tr("&Certificate:"), self.kind)
        form.addRow(self.tr("&Period:"), self.period_row)
        form.addRow(self.tr("&Activity:"), self.activity)
        form.addRow(self.tr("&Note:"), self.note)
        self.form = form
        issue_box = QGroupBox(self.tr("Issue a certificate"))
        issue_layout = QVBoxLayout(issue_box)
        issue_layout.addLayout(form)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.issue_button)
        buttons_row.addWidget(self.issue_message, 1)
        issue_layout.addLayout(buttons_row)

        # the register
        self.year = QSpinBox()
        self.year.setObjectName("register_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.model = RegisterModel(ctx.db, self)
        self.view = table_view(self.model, "register_table")
        for col, width in ((0, 110), (1, 150), (2, 86), (3, 70), (4, 116), (5, 190), (6, 50)):
            self.view.setColumnWidth(col, width)
        self.count_label = QLabel()
        self.count_label.setObjectName("register_count")
        self.message = MessageLabel()
        self.message.setObjectName("register_message")
        self.buttons: dict[str, QPushButton] = {}
        bar = FlowLayout(height_for_width=False)  # wraps on a narrow screen, texts whole
        bar.addWidget(QLabel(self.tr("Year:")))
        bar.addWidget(self.year)
        for key, text, slot, allowed in (
            ("preview", self.tr("Pre&view"), self.preview, daily),
            ("reprint", self.tr("&Reprint (副本)…"), self.reprint, daily),
            ("void", self.tr("V&oid…"), self.void, ctx.actor.can(Permission.VOID)),
            ("publicity", self.tr("公示 &list"), self.publicity, daily),
            ("batch", self.tr("&Batch star certificates…"), self.batch, daily),
        ):
            button = QPushButton(text)
            button.setObjectName(f"register_{key}")
            button.clicked.connect(slot)
            if not allowed:  # hide only: showing a widget before it has a parent opens a window
                button.hide()
            bar.addWidget(button)
            self.buttons[key] = button
        self.batch_level = QSpinBox()
        self.batch_level.setObjectName("batch_level")
        self.batch_level.setRange(1, 5)
        self.batch_level.setValue(5)
        self.batch_level.setPrefix("★ ")
        bar.addWidget(self.batch_level)
        self.lists = ListActions(
            self,
            "register",
            lambda: certificates_document(ctx.db, self.model.filter),
            self.message,
            enabled=daily,
        )
        self.lists.add_to(bar)
        register_box = QGroupBox(self.tr("Certificate register"))
        register_layout = QVBoxLayout(register_box)
        register_layout.addWidget(wrapping(bar))
        register_layout.addWidget(self.message)
        register_layout.addWidget(self.view, 1)
        register_layout.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(issue_box)
        layout.addWidget(register_box, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.find_volunteer)
        self.who.textChanged.connect(lambda _t: self.search_timer.start())
        self.who.returnPressed.connect(self.find_volunteer)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.issue_button.clicked.connect(self.issue)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.model.counted.connect(
            lambda n: self.count_label.setText(self.tr("%n certificates", "", n))
        )
        self._kind_changed()
        self.refresh()
        self.load_activities()

    def refresh(self) -> None:
        self.model.set_filter(self.year.value())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.period_row.setEnabled(kind == "service_record")
        self.activity.setEnabled(kind == "participation")

    def load_activities(self) -> None:
        def loaded(rows: list[ActivityRow]) -> None:
            self.activity.clear()
            for a in rows:
                self.activity.addItem(f"{a.starts_at:%Y-%m-%d} {a.title}", a.id)

        run_task(
            activities.fetch_activities,
            self.ctx.db,
            0,
            200,
            ActivityFilter(state="closed"),
            on_done=loaded,
            receiver=self,
        )

    def find_volunteer(self) -> None:
        self.search_timer.stop()
        text = self.who.text().strip()
        if not text:
            return

        def done(hits: list[VolunteerHit]) -> None:
            if text != self.who.text().strip():
                return
            self.volunteer.clear()
            for h in hits:
                self.volunteer.addItem(
                    f"{h.name}  {h.number}  {hours_with_unit(h.approved_minutes)}", h.id
                )
            if not hits:
                self.issue_message.show_error(self.tr("Nobody found."))
            else:
                self.issue_message.clear_message()

        run_task(
            volunteers.search_volunteers,
            self.ctx.db,
            text,
            30,
            key="certificates.search",
            include_inactive=True,
            on_done=done,
            on_error=lambda e: self.issue_message.show_error(error_text(e)),
            receiver=self,
        )

    # issuing
    def issue(self) -> None:
        volunteer_id = self.volunteer.currentData()
        if not volunteer_id:
            self.issue_message.show_error(self.tr("Find and choose the volunteer first."))
            return
        kind = str(self.kind.currentData())
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        activity_id = str(self.activity.currentData() or "")
        if kind == "participation" and not activity_id:
            self.issue_message.show_error(self.tr("Choose the activity first."))
            return
        self.issue_button.setEnabled(False)
        self.issue_message.show_info(self.tr("Issuing…"))

        def done(result: tuple[CertificateData, bytes]) -> None:
            data, pdf = result
            self.issue_button.setEnabled(True)
            self.last_issued, self.last_pdf = data, pdf
            self.issue_message.show_ok(
                self.tr("Certificate {number} issued: {hours} h.").format(
                    number=data.number, hours=data.total_hours
                )
            )
            self.refresh()
            self._show(pdf, data)

        def failed(exc: BaseException) -> None:
            self.issue_button.setEnabled(True)
            self.issue_message.show_error(error_text(exc))

        run_task(
            issue_certificate,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            kind,
            str(volunteer_id),
            write=True,
            start=start,
            end=end,
            activity_id=activity_id,
            note=self.note.text(),
            on_done=done,
            on_error=failed,
            receiver=self,
        )

    def _show(self, pdf: bytes, data: CertificateData) -> None:
        from app.views.pdf_preview import show_pdf

        show_pdf(
            pdf,
            self.tr("Certificate {number}").format(number=data.number),
            "A4",
            self,
            file_name=f"{data.number}.pdf",
        )

    # the register
    def _chosen(self) -> RegisterRow | None:
        rows = rows_of(self.model, self.view)
        if not rows:
            self.message.show_selection_hint(
                self.tr("Choose a certificate in the register first."), self.view
            )
            return None
        return rows[0]

    def _open(self, row: RegisterRow, *, copy: bool, reason: str = "") -> None:
        def done(result: tuple[CertificateData, bytes]) -> None:
            data, pdf = result
            self.last_pdf = pdf
            if copy:
                self.message.show_ok(
                    self.tr("Copy {n} of {number} recorded.").format(
                        n=data.copy_no, number=data.number
                    )
                )
                self.model.refresh()
            self._show(pdf, data)

        run_task(
            register_pdf,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            row.id,
            write=True,
            copy=copy,
            reason=reason,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def preview(self) -> None:
        row = self._chosen()
        if row is not None:
            self._open(row, copy=False)

    def reprint(self) -> None:
        row = self._chosen()
        if row is None:
            return
        reason = ask_reason(
            self,
            self.tr("Reprint"),
            self.tr("Print a copy (副本) of {number}? Why is it needed?").format(number=row.number),
        )
        if reason is not None:
            self._open(row, copy=True, reason=reason)

    def void(self) -> None:
        row = self._chosen()
        if row is None:
            return
        reason = ask_reason(
            self,
            self.tr("Void certificate"),
            self.tr(
                "Void {number}? It stays in the register marked as voided. Give the reason:"
            ).format(number=row.number),
        )
        if reason is None:
            return

        def done(voided: RegisterRow) -> None:
            self.message.show_ok(self.tr("{number} was voided.").format(number=voided.number))
            self.model.refresh()

        run_task(
            certificates.void,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            reason,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def publicity(self) -> None:
        from app.views.pdf_preview import show_pdf

        def done(pdf: bytes) -> None:
            self.last_pdf = pdf
            show_pdf(
                pdf,
                self.tr("公示 list"),
                "A4",
                self,
                file_name=dated_file_name(self.tr("certificates notice"), ".pdf"),
            )

        run_task(
            publicity_pdf,
            self.ctx.db,
            bool(self.ctx.settings.get(MASK_NAMES)),
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def batch(self) -> None:
        year, level = self.year.value(), self.batch_level.value()

        def label(done: int, total: int, text: str) -> str:
            if text:
                return self.tr("Issuing… {name}").format(name=text)
            return self.tr("Making the PDF…")

        def finished() -> None:
            self.progress_dialog = None
            self.batch_task = None
            self.model.refresh()

        def done(result: tuple[int, bytes]) -> None:
            n, pdf = result
            finished()
            self.last_pdf = pdf
            self.message.show_ok(self.tr("%n star certificates issued.", "", n))
            from app.views.pdf_preview import show_pdf

            show_pdf(
                pdf,
                self.tr("Star certificates"),
                "A4",
                self,
                file_name=dated_file_name(self.tr("star certificates"), ".pdf"),
            )

        def failed(exc: BaseException) -> None:
            finished()
            self.message.show_error(error_text(exc))

        def cancelled() -> None:
            finished()
            self.message.show_info(
                self.tr("Cancelled. Certificates already issued are in the register.")
            )

        self.batch_task = run_with_progress(
            self,
            self.tr("Batch certificates"),
            batch_star_pdf,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            year,
            level,
            write=LONG_WRITE,
            on_done=done,
            on_error=failed,
            label=self.tr("Issuing star certificates…"),
            label_for=label,
            on_cancelled=cancelled,
            receiver=self,
        )
        self.progress_dialog = self.batch_task.progress_dialog  # type: ignore[attr-defined]
