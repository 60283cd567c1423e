"""证明 tab: issuing 志愿服务记录证明, star and participation certificates, the
certificate register, reprints (副本), voids, the 公示 list and batch printing.

Issuing is one service call (numbered and registered in its transaction); the
PDF is then made from the returned :class:`~app.services.certificates.CertificateData`
and shown in the in-app preview (Print… / Save as PDF…).  A refusal — no
approved hours in the period, no star level yet — is shown inline and takes
no number.  The register is a lazy model over ``count_register`` /
``fetch_register``; a voided certificate stays listed, marked voided with its
reason; a reprint prints 副本 and is counted in the register.

Batch printing (e.g. every five-star volunteer of a year from
``certificates.star_candidates``) runs off the GUI thread with a progress
dialog and Cancel: each candidate's star certificate is issued (numbered) and
then all are rendered into one PDF.  Cancelling while issuing stops before
the next number; certificates already issued stay in the register and can be
printed from there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
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
from app.i18n import QT_TRANSLATE_NOOP
from app.services import activities, certificates, volunteers
from app.services.activities import ActivityFilter, ActivityRow
from app.services.auth import Permission
from app.services.certificates import CertificateData, RegisterRow
from app.services.text_input import MAX_SEARCH_CHARS
from app.services.volunteers import VolunteerHit
from app.views.files import dated_file_name
from app.views.grid_layout import FlowLayout, wrapping
from app.views.pages import PageContext
from app.views.points_common import ask_reason
from app.views.points_options import MASK_NAMES, mask_name
from app.views.table_models import GREY, RED, LazyRowsModel, rows_of, table_view
from app.views.tasks import CancelToken, Task, TaskCancelled, run_task
from app.views.volunteer_common import CERTIFICATE_KINDS, hours, hours_with_unit, label
from app.views.widgets import MessageLabel, error_text

KIND_ZH = {
    "service_record": "志愿服务记录证明",
    "star": "星级志愿者证书",
    "participation": "活动参与证明",
}


# --- worker functions (off the GUI thread) ------------------------------------------------------


def card_key(data_dir: Any) -> bytes:
    from app.services.keys import load_keys

    return load_keys(data_dir.keys).card_key


def _place_of(db: Database, data: CertificateData) -> str:
    if not data.activity_title or data.period_start is None:
        return ""
    flt = ActivityFilter(month=activities.month_of(data.period_start), text=data.activity_title)
    for row in activities.fetch_activities(db, 0, 50, flt):
        if row.title == data.activity_title and row.starts_at.date() == data.period_start:
            return row.place
    return ""


def printable(db: Database, data: CertificateData) -> Any:
    """The printing layer's certificate for *data* (plain data, masked ID)."""
    from app.printing.certificate import (
        ActivityCertificate,
        ServiceCertificate,
        ServiceItem,
        StarCertificate,
    )

    total = round(data.total_minutes / 60, 1)
    if data.kind == "star":
        return StarCertificate(
            number=data.number,
            name=data.volunteer_name,
            volunteer_number=data.volunteer_number,
            star_level=data.star_level or 0,
            hours_at_grant=total,
            granted_on=data.period_end or data.issued_on,
            issuer_name=data.issuer,
            issue_date=data.issued_on,
            verify_payload=data.verify_payload,
            is_copy=data.is_copy,
            voided=data.voided,
            void_reason=data.void_reason,
        )
    if data.kind == "participation":
        return ActivityCertificate(
            number=data.number,
            name=data.volunteer_name,
            activity_title=data.activity_title,
            activity_date=data.period_start or data.issued_on,
            place=_place_of(db, data),
            organizer=data.issuer,
            issuer_name=data.issuer,
            issue_date=data.issued_on,
            verify_payload=data.verify_payload,
            volunteer_number=data.volunteer_number,
            hours=total,
            is_copy=data.is_copy,
            voided=data.voided,
            void_reason=data.void_reason,
        )
    return ServiceCertificate(
        number=data.number,
        name=data.volunteer_name,
        id_type=data.id_type,
        id_number_masked=data.id_masked,
        volunteer_number=data.volunteer_number,
        period_start=data.period_start or data.issued_on,
        period_end=data.period_end or data.issued_on,
        total_hours=total,
        activities=[
            ServiceItem(line.service_date, line.title, round(line.minutes / 60, 1))
            for line in data.services
        ],
        issuer_name=data.issuer,
        leader_name=data.leader_name,
        handler_name=data.operator_name,
        contact_phone=data.contact_phone,
        issue_date=data.issued_on,
        verify_payload=data.verify_payload,
        notes=data.note,
        is_copy=data.is_copy,
        voided=data.voided,
        void_reason=data.void_reason,
    )


def certificate_pdf(db: Database, data: CertificateData) -> bytes:
    from app.printing.certificate import render_certificate

    return render_certificate(printable(db, data))


def issue_certificate(
    db: Database,
    actor: Any,
    data_dir: Any,
    kind: str,
    volunteer_id: str,
    *,
    start: date | None = None,
    end: date | None = None,
    activity_id: str = "",
    note: str = "",
) -> tuple[CertificateData, bytes]:
    key = card_key(data_dir)
    if kind == "star":
        data = certificates.issue_star(db, actor, key, volunteer_id, note=note)
    elif kind == "participation":
        data = certificates.issue_participation(
            db, actor, key, volunteer_id, activity_id, note=note
        )
    else:
        assert start is not None and end is not None
        data = certificates.issue_service_record(
            db, actor, key, volunteer_id, start, end, note=note
        )
    return data, certificate_pdf(db, data)


def register_pdf(
    db: Database, actor: Any, data_dir: Any, certificate_id: str, *, copy: bool, reason: str = ""
) -> tuple[CertificateData, bytes]:
    """The certificate as issued (preview) or a 副本 (recorded as a reprint)."""
    key = card_key(data_dir)
    if copy:
        data = certificates.reprint(db, actor, key, certificate_id, reason)
    else:
        data = certificates.certificate_data(db, key, certificate_id)
    return data, certificate_pdf(db, data)


def publicity_pdf(db: Database, mask: bool, today: date | None = None) -> bytes:
    """公示: the certificates of the last 7 days, voided ones marked."""
    from app.printing.rankings import render_public_notice
    from app.printing.report import ReportColumn
    from app.services.station import get_station

    today = today or date.today()
    station = get_station(db)
    rows = certificates.publicity_list(db, today)
    cells = [
        [
            r.number,
            KIND_ZH.get(r.kind, r.kind),
            mask_name(r.volunteer_name) if mask else r.volunteer_name,
            r.volunteer_number,
            f"{r.period_start or ''}至{r.period_end or ''}" if r.period_start else "",
            r.total_hours,
            r.issued_on.isoformat(),
            f"已作废：{r.void_reason}" if r.voided else "",
        ]
        for r in rows
    ]
    columns = (
        ReportColumn("证明编号", 26, "center"),
        ReportColumn("类别", 26, "center", wrap=True),
        ReportColumn("姓名", 18, "center"),
        ReportColumn("志愿者编号", 28, "center"),
        ReportColumn("服务期间", "*", wrap=True),
        ReportColumn("时长(小时)", 16, "right"),
        ReportColumn("出具日期", 20, "center"),
        ReportColumn("备注", 20, wrap=True),
    )
    start = today - timedelta(days=certificates.PUBLICITY_DAYS - 1)
    return render_public_notice(
        "志愿服务证明出具情况公示",
        station.name,
        f"{start.isoformat()}至{today.isoformat()}",
        cells,
        today,
        notice_start=today,
        notice_end=today + timedelta(days=certificates.PUBLICITY_DAYS - 1),
        contact_name=station.leader_name or station.name,
        contact_phone=station.contact_phone,
        intro=f"现将{station.name}近期出具的志愿服务证明予以公示。",
        columns=columns,
    )


def batch_star_pdf(
    db: Database,
    actor: Any,
    data_dir: Any,
    year: int,
    level: int,
    progress: Callable[..., None],
    cancel: CancelToken,
) -> tuple[int, bytes]:
    """Issue a star certificate to every volunteer granted *level* in *year*, one PDF."""
    from app.printing.certificate import PrintCancelled, render_certificates

    key = card_key(data_dir)
    candidates = certificates.star_candidates(db, year, level)
    if not candidates:
        raise certificates.CertificateRefused(
            QT_TRANSLATE_NOOP("errors", "No volunteer was granted star level {level} in {year}."),
            level=level,
            year=year,
        )
    n = len(candidates)
    issued = []
    for i, c in enumerate(candidates, 1):
        cancel.check()
        issued.append(printable(db, certificates.issue_star(db, actor, key, c.volunteer_id)))
        progress(i, 2 * n, c.name)

    def rendered(done: int, total: int) -> bool:
        progress(n + done, 2 * n, "")
        return not cancel.cancelled

    try:
        pdf = render_certificates(issued, progress=rendered)
    except PrintCancelled as err:
        raise TaskCancelled from err
    return n, pdf


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
            return hours(row.total_minutes)
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
        dialog = QProgressDialog(
            self.tr("Issuing star certificates…"), self.tr("Cancel"), 0, 100, self
        )
        dialog.setObjectName("batch_progress")
        dialog.setWindowTitle(self.tr("Batch certificates"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog

        def progressed(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(1, total))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(self.tr("Issuing… {name}").format(name=text))
            else:
                dialog.setLabelText(self.tr("Making the PDF…"))

        def finished() -> None:
            dialog.close()
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

        self.batch_task = run_task(
            batch_star_pdf,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            year,
            level,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
            on_cancelled=cancelled,
            receiver=self,
        )
        dialog.canceled.connect(self.batch_task.cancel)
        dialog.show()
