"""志愿者 page: the volunteers list, a volunteer's file, teams, cards; service hours
and certificates as further tabs.

The list is a :class:`VolunteersModel` (a windowed :class:`LazyRowsModel` over
``count_volunteers`` / ``fetch_volunteers``): with 5,000 volunteers it fetches
only the pages the view paints, off the GUI thread.  Typing in the search box
filters while typing (debounced; name, pinyin initials ``zs``, volunteer
number, phone tail — the service's filter does the matching); the team filter
and "show inactive" combine with it.

The search box is a :class:`~app.views.scan_field.ScanLineEdit` with the input
method left *on* (names are typed in Chinese here): a scanner's burst ending in
Enter is taken as a scanned card and looked up with the card key
(``search_volunteers``), a person's typing stays a search.  The kiosk, where
scanning is the main thing, keeps the input method off.

Only masked ID numbers and phones appear.  The selected volunteer's file
(teams, approved hours, star level, training, awards, evaluations) is on the
right with its actions; several selected rows print an A4 sheet of cards.
The file shows the volunteer's card photo as a thumbnail made off the GUI
thread (app.views.thumbnails); "Photo…" stores a chosen picture
(``volunteers.set_volunteer_photo``) and the printed card shows it.

"Import roster…" opens the roster import dialog for volunteers
(:data:`~app.views.roster_import_dialog.VOLUNTEER_ROSTER`); "Export to Excel…"
writes the list as filtered (masked ID numbers and phones only) to an .xlsx in
the roster's columns, and "Print list…" prints it, both off the GUI thread
(:mod:`app.views.list_actions`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import hours_text, join_list
from app.services import volunteers
from app.services.auth import Permission
from app.services.documents.bank import statement_pdf
from app.services.documents.cards import volunteer_cards_pdf
from app.services.documents.list_export import ListDocument, volunteers_document
from app.services.volunteers import (
    AwardView,
    Catalog,
    EvaluationView,
    TrainingView,
    VolunteerFile,
    VolunteerFilter,
    VolunteerHit,
    VolunteerView,
)
from app.services.volunteers.bank import Statement, StatementLine
from app.views.detail_panel import DetailPanel
from app.views.files import dated_file_name, open_file_name
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import ask_reason, confirm
from app.views.progress_dialog import run_with_progress
from app.views.scan_field import ScanLineEdit
from app.views.table_models import (
    GREY,
    LazyRowsModel,
    RowsModel,
    rows_of,
    selected_rows,
    table_view,
    with_placeholder,
)
from app.views.tasks import LONG_WRITE, run_task
from app.views.thumbnails import load_thumbnail, photo_file
from app.views.volunteers.dialogs import (
    SubRecordDialog,
    TeamsDialog,
    VolunteerDialog,
    VolunteerTeamsDialog,
)
from app.views.volunteers.labels import (
    SEXES,
    VOLUNTEER_STATES,
    label,
    stars,
)
from app.views.widgets import MessageLabel, button_row, error_text, heading, scrollable

SEARCH_DELAY_MS = 250


class VolunteersModel(LazyRowsModel):
    NUMBER, NAME, SEX, GROUP, PHONE, HOURS, STARS, STATUS = range(8)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db, volunteers.count_volunteers, volunteers.fetch_volunteers, VolunteerFilter(), parent
        )

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Group"),
            self.tr("Phone"),
            self.tr("Hours"),
            self.tr("Stars"),
            self.tr("Status"),
        )

    def cell(self, row: VolunteerHit, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.NAME:
            return row.name
        if column == self.SEX:
            return label(SEXES, row.sex) if row.sex else ""
        if column == self.GROUP:
            return row.group_name
        if column == self.PHONE:
            return row.phone_masked
        if column == self.HOURS:
            return hours_text(row.approved_minutes)
        if column == self.STARS:
            return stars(row.star_level)
        return label(VOLUNTEER_STATES, row.status)

    def foreground(self, row: VolunteerHit, column: int) -> QColor | None:
        if row.status != "active":
            return GREY
        if column == self.STARS:
            return QColor("#b7791f")
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.HOURS else None


# --- sub-record models -------------------------------------------------------------------------


class TrainingModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Training"), self.tr("By"), self.tr("Hours"))

    def cell(self, row: TrainingView, column: int) -> str:
        return (row.held_on.isoformat(), row.title, row.organizer, hours_text(row.minutes))[column]


class AwardModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Award"), self.tr("Level"), self.tr("Issued by"))

    def cell(self, row: AwardView, column: int) -> str:
        return (row.awarded_on.isoformat(), row.title, row.level, row.issuer)[column]


class EvaluationModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Period"), self.tr("Rating"), self.tr("Comment"), self.tr("By"))

    def cell(self, row: EvaluationView, column: int) -> str:
        return (row.period, row.rating, row.comment, row.evaluator)[column]


class BankModel(RowsModel):
    """积分银行: the statement's lines, service and redemptions, oldest first."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Activity / slip"),
            self.tr("Hours"),
            self.tr("Points"),
        )

    def cell(self, row: StatementLine, column: int) -> str:
        service = row.kind == "service"
        return (
            row.on.isoformat(),
            self.tr("Service") if service else self.tr("Redeemed"),
            row.text,
            hours_text(row.minutes) if service else "",
            f"+{row.points}" if row.points > 0 else str(row.points),
        )[column]


# --- the detail panel ----------------------------------------------------------------------------


class VolunteerDetail(DetailPanel):
    """One volunteer's file and its actions."""

    PHOTO = QSize(72, 96)  # an ID photo's shape
    statement_shown = Signal(object)  # the preview of a 积分银行 statement

    def __init__(self, ctx: PageContext, page: VolunteersTab, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.page = page
        self.volunteer: VolunteerView | None = None
        self.last_statement_pdf = b""
        self.photo = QLabel()
        self.photo.setObjectName("volunteer_photo")
        self.photo.setFixedSize(self.PHOTO + QSize(8, 8))
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo.setWordWrap(True)
        self.photo_shown: str | None = None  # the stored photo path the thumbnail shows
        self._photo_serial = 0
        self.make_heading(
            self.tr("Choose a volunteer in the list."), "volunteer_title", "volunteer_facts"
        )
        self.summary = QLabel()
        self.summary.setObjectName("volunteer_summary")
        sfont = QFont(self.summary.font())
        sfont.setPointSize(13)
        sfont.setBold(True)
        self.summary.setFont(sfont)
        self.teams_label = QLabel()
        self.teams_label.setObjectName("volunteer_teams")
        self.teams_label.setWordWrap(True)
        self.trainings = TrainingModel(self)
        self.awards = AwardModel(self)
        self.evaluations = EvaluationModel(self)
        self.bank = BankModel(self)
        self.bank_summary = QLabel()
        self.bank_summary.setObjectName("bank_summary")
        self.bank_summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("volunteer_records")
        self.record_views = {}
        for kind, model, text, empty in (
            ("training", self.trainings, self.tr("Training"), self.tr("No training recorded.")),
            ("award", self.awards, self.tr("Awards"), self.tr("No awards recorded.")),
            (
                "evaluation",
                self.evaluations,
                self.tr("Evaluations"),
                self.tr("No evaluations recorded."),
            ),
        ):
            view = table_view(model, f"{kind}_table")
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            self.record_views[kind] = view
            self.tabs.addTab(with_placeholder(view, empty), text)
        bank_view = table_view(self.bank, "bank_table")
        bank_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bank_view.horizontalHeader().setStretchLastSection(True)
        self.record_views["bank"] = bank_view
        bank_tab = QWidget()
        bank_layout = QVBoxLayout(bank_tab)
        bank_layout.setContentsMargins(0, 4, 0, 0)
        bank_layout.addWidget(self.bank_summary)
        bank_layout.addWidget(
            with_placeholder(bank_view, self.tr("No approved hours or redemptions yet.")), 1
        )
        self.tabs.addTab(bank_tab, self.tr("Points bank"))
        self.message.setObjectName("volunteer_message")

        daily = ctx.actor.can(Permission.DAILY_WORK)
        specs = (
            ("edit", self.tr("Edit…"), self.edit, daily),
            ("teams", self.tr("Teams…"), self.edit_teams, daily),
            ("active", self.tr("Mark inactive…"), self.toggle_active, daily),
            ("card", self.tr("Print card"), self.print_card, daily),
            ("statement", self.tr("Points statement"), self.print_statement, daily),
            ("reissue", self.tr("Reissue card…"), self.reissue_card, daily),
            ("photo", self.tr("Photo…"), self.choose_photo, daily),
            ("unphoto", self.tr("Remove photo"), self.remove_photo, daily),
            ("training", self.tr("Add training…"), lambda: self.add_record("training"), daily),
            ("award", self.tr("Add award…"), lambda: self.add_record("award"), daily),
            (
                "evaluation",
                self.tr("Add evaluation…"),
                lambda: self.add_record("evaluation"),
                daily,
            ),
            ("remove", self.tr("Remove record…"), self.remove_record, daily),
        )
        grid = self.button_grid("volunteer", specs, 3)
        about = QVBoxLayout()
        about.setContentsMargins(0, 0, 0, 0)
        about.addWidget(self.title)
        about.addWidget(self.facts)
        about.addWidget(self.summary)
        about.addWidget(self.teams_label)
        about.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(about, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(grid)
        layout.addWidget(self.message)

    def show_volunteer(self, volunteer_id: str | None) -> None:
        if volunteer_id is None:
            self.clear()
        else:
            self.load(volunteers.volunteer_file, volunteer_id)

    def current_id(self) -> str | None:
        return self.volunteer.id if self.volunteer is not None else None

    def _set(self, loaded: VolunteerFile | None) -> None:
        self.volunteer = loaded.volunteer if loaded else None
        for button in self.buttons.values():
            button.setEnabled(loaded is not None)
        if loaded is None:
            self.title.setText(self.tr("Choose a volunteer in the list."))
            for widget in (self.facts, self.summary, self.teams_label):
                widget.setText("")
            for model in (self.trainings, self.awards, self.evaluations, self.bank):
                model.set_rows([])
            self.bank_summary.setText("")
            self._show_photo(None)
            return
        v = loaded.volunteer
        self._show_photo(v.photo_path)
        self.buttons["unphoto"].setEnabled(bool(v.photo_path))
        self.title.setText(self.tr("{name} · {number}").format(name=v.name, number=v.number))
        parts = []
        if v.sex:
            parts.append(label(SEXES, v.sex))
        if v.birth_date:
            parts.append(self.tr("born {date}").format(date=v.birth_date.isoformat()))
        parts += [p for p in (v.id_masked, v.phone_masked, v.group_name, v.address) if p]
        if v.skills:
            parts.append(self.tr("skills: {skills}").format(skills=join_list(v.skills)))
        if v.service_categories:
            parts.append(
                self.tr("serves in: {categories}").format(
                    categories=join_list(v.service_categories)
                )
            )
        if v.joined_on:
            parts.append(self.tr("joined {date}").format(date=v.joined_on.isoformat()))
        if not v.active:
            parts.append(label(VOLUNTEER_STATES, v.status))
        self.facts.setText(" · ".join(parts))
        summary = self.tr("{hours} h approved").format(hours=hours_text(v.approved_minutes))
        if v.star_level:
            summary += " · " + self.tr("{stars} star level {level}").format(
                stars=stars(v.star_level), level=v.star_level
            )
            last = loaded.grants[-1] if loaded.grants else None
            if last is not None:
                summary += " " + self.tr("(granted {date})").format(
                    date=last.granted_on.isoformat()
                )
        self.summary.setText(summary)
        teams = join_list(t.name + (f"（{t.role}）" if t.role else "") for t in v.teams)
        self.teams_label.setText(
            self.tr("Teams: {teams}").format(teams=teams) if teams else self.tr("In no team yet.")
        )
        self.buttons["active"].setText(
            self.tr("Mark inactive…") if v.active else self.tr("Mark active")
        )
        self.trainings.set_rows(loaded.records.trainings)
        self.awards.set_rows(loaded.records.awards)
        self.evaluations.set_rows(loaded.records.evaluations)
        self._show_bank(loaded.bank)

    def _show_bank(self, st: Statement | None) -> None:
        if st is None:
            self.bank.set_rows([])
            self.bank_summary.setText("")
            return
        if st.own:
            where = self.tr("Own points account {number}").format(number=st.account_number)
        elif st.account_number:
            where = self.tr("Household {number} ({head})").format(
                number=st.account_number, head=st.account_holder
            )
        else:
            where = self.tr("No points account yet")
        self.bank_summary.setText(
            self.tr(
                "{where}: {hours} h of service earned {earned} points; {redeemed} redeemed; "
                "balance {balance}."
            ).format(
                where=where,
                hours=hours_text(st.minutes),
                earned=st.earned,
                redeemed=st.redeemed,
                balance=st.balance,
            )
        )
        self.bank.set_rows(list(st.lines))

    def print_statement(self) -> None:
        v = self.volunteer
        if v is None:
            return
        run_task(
            statement_pdf,
            self.ctx.db,
            v.id,
            on_done=lambda pdf: self._statement_ready(pdf, v.name, v.number),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _statement_ready(self, pdf: bytes, name: str, number: str) -> None:
        from app.views.pdf_preview import show_pdf

        self.last_statement_pdf = pdf
        self.statement_shown.emit(
            show_pdf(
                pdf,
                self.tr("Points statement of {name}").format(name=name),
                "A4",
                self,
                file_name=dated_file_name(
                    self.tr("points statement {number}").format(number=number), ".pdf"
                ),
            )
        )

    # the photo
    def _show_photo(self, path: str | None) -> None:
        """Show the stored photo *path* as a thumbnail, decoded off the GUI thread."""
        if path is not None and path == self.photo_shown:
            return  # photos are write-once: the same path is the same picture
        self._photo_serial += 1  # a thumbnail still loading is no longer wanted
        self.photo_shown = path
        self.photo.clear()
        if path is None:
            self.photo.setText(self.tr("No photo"))
            return
        self.photo.setText(self.tr("Loading…"))
        serial = self._photo_serial
        run_task(
            load_thumbnail,
            photo_file(self.ctx.data_dir.photos, path),
            self.PHOTO,
            on_done=lambda image: self._photo_loaded(serial, image),
            receiver=self,
        )

    def _photo_loaded(self, serial: int, image: QImage) -> None:
        if serial != self._photo_serial:
            return  # another volunteer (or photo) is shown by now
        if image.isNull():
            self.photo.setText(self.tr("Photo missing"))
        else:
            self.photo.setPixmap(QPixmap.fromImage(image))

    def choose_photo(self) -> None:
        v = self.volunteer
        if v is None:
            return
        name = open_file_name(
            self,
            self.tr("Choose a photo of {name}").format(name=v.name),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)"),
        )
        if not name:
            return
        self.message.show_info(self.tr("Saving the photo…"))
        self._service(
            volunteers.set_volunteer_photo,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir.photos,
            v.id,
            Path(name),
            ok_text=self.tr("Photo saved."),
        )

    def remove_photo(self) -> None:
        v = self.volunteer
        if v is None or not v.photo_path:
            return
        self._service(
            volunteers.set_volunteer_photo,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir.photos,
            v.id,
            None,
            ok_text=self.tr("Photo removed."),
        )

    # actions
    def edit(self) -> None:
        catalog = self.page.catalog
        if self.volunteer is None or catalog is None:
            return
        dialog = VolunteerDialog(self.ctx, catalog.policy, catalog.teams, self.volunteer, self)
        self._after(dialog, self.tr("Saved."))

    def edit_teams(self) -> None:
        catalog = self.page.catalog
        if self.volunteer is None or catalog is None:
            return
        self._after(
            VolunteerTeamsDialog(self.ctx, self.volunteer, catalog.teams, self),
            self.tr("Teams saved."),
        )

    def toggle_active(self) -> None:
        v = self.volunteer
        if v is None:
            return
        reason = ""
        if v.active:
            answer = ask_reason(
                self,
                self.tr("Mark {name} inactive").format(name=v.name),
                self.tr("Why (moved away, withdrew…)? The records stay."),
            )
            if answer is None:
                return
            reason = answer
        self._service(
            volunteers.set_volunteer_active,
            self.ctx.db,
            self.ctx.actor,
            v.id,
            not v.active,
            reason,
            ok_text=self.tr("Saved."),
        )

    def add_record(self, kind: str) -> None:
        if self.volunteer is not None:
            self._after(SubRecordDialog(self.ctx, kind, self.volunteer, self), self.tr("Added."))

    def remove_record(self) -> None:
        kind = ("training", "award", "evaluation")[self.tabs.currentIndex()]
        view = self.record_views[kind]
        rows = selected_rows(view)
        model = view.model()
        if not rows or not isinstance(model, RowsModel):
            self.message.show_selection_hint(self.tr("Choose a record in the list first."), view)
            return
        record = model.row_at(rows[0])
        if not confirm(
            self,
            self.tr("Remove record"),
            self.tr("Remove this record? The change is kept in the audit log."),
        ):
            return
        self._service(
            volunteers.remove_sub_record,
            self.ctx.db,
            self.ctx.actor,
            kind,
            record.id,
            ok_text=self.tr("Removed."),
        )

    def print_card(self) -> None:
        if self.volunteer is not None:
            self.cards_for([self.volunteer.id])

    def reissue_card(self) -> None:
        v = self.volunteer
        if v is None:
            return
        if not confirm(
            self,
            self.tr("Reissue card"),
            self.tr(
                "Make a new card for {name} ({number})? The old card stops working at once."
            ).format(name=v.name, number=v.number),
        ):
            return
        self.cards_for([v.id], reissue=True)

    def cards_for(self, volunteer_ids: list[str], *, reissue: bool = False) -> None:
        self.message.show_info(self.tr("Preparing the cards…"))
        run_with_progress(
            self,
            self.tr("Volunteer cards"),
            volunteer_cards_pdf,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            volunteer_ids,
            write=LONG_WRITE,
            reissue=reissue,
            reason="补办" if reissue else "",
            label=self.tr("Preparing the cards…"),
            cancellable=False,
            on_done=lambda pdf: self._cards_ready(pdf, len(volunteer_ids), reissue),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _cards_ready(self, pdf: bytes, n: int, reissue: bool) -> None:
        from app.views.pdf_preview import show_pdf

        if reissue:
            self.message.show_ok(self.tr("A new card was made; the old one no longer works."))
        else:
            self.message.clear_message()
        self.last_cards_pdf = pdf
        show_pdf(
            pdf,
            self.tr("Volunteer cards ({n})").format(n=n),
            "A4",
            self,
            file_name=dated_file_name(self.tr("volunteer cards"), ".pdf"),
        )


# --- the volunteers tab ----------------------------------------------------------------------------


class VolunteersTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalog: Catalog | None = None
        self._scan_serial = 0
        self.search = ScanLineEdit()
        self.search.setObjectName("volunteer_search")
        # Names are typed in Chinese here; see the module docstring.
        self.search.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.search.setPlaceholderText(
            self.tr("Name, initials (zs), No., phone tail — or scan a card")
        )
        self.search.setClearButtonEnabled(True)
        self.team = QComboBox()
        self.team.setObjectName("team_filter")
        self.team.addItem(self.tr("All teams"), "")
        self.include_inactive = QCheckBox(self.tr("Show inactive"))
        self.include_inactive.setObjectName("include_inactive")
        self.count_label = QLabel()
        self.count_label.setObjectName("volunteer_count")
        self.model = VolunteersModel(ctx.db, self)
        self.view = table_view(self.model, "volunteers_table", multi=True)
        for col, width in ((0, 120), (1, 76), (2, 64), (3, 100), (4, 100), (5, 56), (6, 70)):
            self.view.setColumnWidth(col, width)
        self.detail = VolunteerDetail(ctx, self)
        self.detail.changed.connect(lambda _vid: self.model.refresh())
        self.message = MessageLabel()
        self.message.setObjectName("volunteers_message")

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.typed_enter.connect(lambda _t: self.apply_filter())
        self.search.scanned.connect(self.search_card)
        self.team.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.include_inactive.toggled.connect(lambda _b: self.apply_filter())
        self.model.counted.connect(self._counted)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        daily = ctx.actor.can(Permission.DAILY_WORK)
        self.lists = ListActions(
            self,
            "volunteers",
            self.list_document,
            self.message,
            enabled=daily,
            export_text=self.tr("E&xport to Excel…"),
            print_text=self.tr("Print &list…"),
        )
        bar = QHBoxLayout()
        self.action_buttons = button_row(
            bar,
            "volunteers",
            (
                ("new", self.tr("&New volunteer…"), self.new_volunteer),
                ("teams", self.tr("&Teams…"), self.manage_teams),
                ("import", self.tr("&Import roster…"), self.import_roster),
                ("cards", self.tr("Print &cards (8 per A4)"), self.print_cards),
            ),
            enabled=daily,
            extra=self.lists.buttons,
        )
        bar.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.team)
        filters.addWidget(self.include_inactive)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrollable(self.detail))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 520])
        self.search.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.load_catalog()
        self.apply_filter()

    # filters and search
    def current_filter(self) -> VolunteerFilter:
        return VolunteerFilter(
            text=self.search.text().strip(),
            team_id=str(self.team.currentData() or ""),
            include_inactive=self.include_inactive.isChecked(),
        )

    def apply_filter(self) -> None:
        self.timer.stop()
        self._scan_serial += 1
        self.model.set_filter(self.current_filter())

    def search_card(self, code: str) -> None:
        """A scanned card: the volunteer it names; a bad card lists nobody and says why."""
        self.timer.stop()
        self._scan_serial += 1
        serial = self._scan_serial

        def found(hits: list[VolunteerHit]) -> None:
            if serial != self._scan_serial:
                return
            self.model.show_rows(hits)
            if hits:
                self.view.selectRow(0)
                self.message.clear_message()
            else:
                self.message.show_error(
                    self.tr("This card does not belong to a volunteer of this station.")
                )

        def refused(err: BaseException) -> None:  # forged, revoked, another station's...
            if serial != self._scan_serial:
                return
            self.model.show_rows([])
            self.message.show_error(error_text(err))

        run_task(
            volunteers.search_card,
            self.ctx.db,
            self.ctx.data_dir.keys,
            code,
            key="volunteers.card",
            on_done=found,
            on_error=refused,
            receiver=self,
        )

    def _counted(self, n: int) -> None:
        if self.model.listed is not None:
            self.count_label.setText(self.tr("{n} found by card").format(n=n))
        else:
            self.count_label.setText(self.tr("%n volunteers", "", n))

    def load_catalog(self) -> None:
        run_task(volunteers.form_catalog, self.ctx.db, on_done=self._catalog, receiver=self)

    def _catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("All teams"), "")
        for t in catalog.teams:
            self.team.addItem(t.name, t.id)
        self.team.setCurrentIndex(max(0, self.team.findData(current)))
        self.team.blockSignals(False)

    # selection
    def _selection_changed(self) -> None:
        rows = selected_rows(self.view)
        hit = self.model.row_at(rows[0]) if len(rows) == 1 else None
        self.detail.show_volunteer(hit.id if hit else None)

    # actions
    def new_volunteer(self) -> None:
        if self.catalog is None:
            self.message.show_error(self.tr("Still loading; try again in a moment."))
            return
        dialog = VolunteerDialog(self.ctx, self.catalog.policy, self.catalog.teams, None, self)

        def accepted() -> None:
            v = dialog.result_value
            self.message.show_ok(
                self.tr("{name} registered as volunteer {number}.").format(
                    name=v.name, number=v.number
                )
            )
            self.search.setText(v.number)
            self.apply_filter()

        dialog.accepted.connect(accepted)
        dialog.open()

    def manage_teams(self) -> None:
        if self.catalog is None:
            return
        dialog = TeamsDialog(self.ctx, self.catalog.policy, self)

        def finished(_r: int) -> None:
            if dialog.changed:
                self.load_catalog()
                self.model.refresh()
                self.detail.reload()

        dialog.finished.connect(finished)
        dialog.open()

    def import_roster(self) -> None:
        from app.views.roster_import_dialog import VOLUNTEER_ROSTER, RosterImportDialog

        dialog = RosterImportDialog(self.ctx, self, VOLUNTEER_ROSTER)

        def accepted() -> None:
            self.message.show_ok(dialog.summary)
            self.load_catalog()
            self.model.refresh()

        dialog.accepted.connect(accepted)
        dialog.open()

    def list_document(self) -> ListDocument:
        """The list under its filter (team, inactive, search text).

        After a scanned card the list shows that one volunteer, but the export
        still covers the filter's rows: a card is for finding, not for choosing.
        """
        flt = self.model.filter
        team = self.team.currentText() if flt.team_id else ""
        return volunteers_document(self.ctx.db, flt, team_name=team)

    def print_cards(self) -> None:
        chosen = rows_of(self.model, self.view)
        if chosen is None:
            self.message.show_error(
                self.tr("Some selected rows are still loading; try again in a moment.")
            )
            return
        if not chosen:
            self.message.show_selection_hint(
                self.tr("Select one or more volunteers in the list first."), self.view
            )
            return
        self.detail.cards_for([h.id for h in chosen])


class VolunteersPage(QWidget):
    """志愿者: the volunteers, their service hours and certificates."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.views.volunteers.certificates_page import CertificatesTab
        from app.views.volunteers.hours_page import HoursTab

        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("volunteers_tabs")
        self.volunteers = VolunteersTab(ctx)
        self.hours = HoursTab(ctx)
        self.certificates = CertificatesTab(ctx)
        self.tabs.addTab(self.volunteers, self.tr("Volunteers"))
        self.tabs.addTab(self.hours, self.tr("Service hours and stars"))
        self.tabs.addTab(self.certificates, self.tr("Certificates"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Volunteers")))
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()
