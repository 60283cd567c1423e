"""Dialogs of the volunteers page: the volunteer form, teams, team membership and
the training / award / evaluation sub-records.

Every dialog collects plain values and calls one service through ``run_task``;
when the service refuses (bad ID check digit, ID already registered, unknown
category...) the dialog stays open with the sentence shown inline and nothing
changes.  The ID number and phone are also checked while typing (the pure
validators of app.services.personal), so most mistakes show before OK.

Editing a volunteer needs the full ID number and phone in the form; they are
read with ``volunteers.volunteer_personal`` (audited) when the dialog opens,
and the fields stay disabled until they arrive.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.i18n import join_list
from app.services import households, personal, volunteers
from app.services.households import ResidentHit
from app.services.volunteers import (
    ID_CARD,
    ID_TYPES,
    TeamData,
    TeamView,
    VolunteerData,
    VolunteerPolicy,
    VolunteerView,
)
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.table_models import RowsModel, selected_rows, table_view
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text


def checkable_list(items: list[tuple[str, str]], checked: set[str], name: str) -> QListView:
    """A list of check boxes (text, key); ``checked_keys`` reads it back."""
    model = QStandardItemModel()
    for text, key in items:
        item = QStandardItem(text)
        item.setData(key, Qt.ItemDataRole.UserRole)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        model.appendRow(item)
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setMaximumHeight(120)
    model.setParent(view)
    return view


def checked_keys(view: QListView) -> tuple[str, ...]:
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    out = []
    for row in range(model.rowCount()):
        item = model.item(row)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return tuple(out)


def set_checked(view: QListView, key: str, on: bool = True) -> None:
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    for row in range(model.rowCount()):
        item = model.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _date_of(edit: QLineEdit) -> date | None:
    text = edit.text().strip().replace("/", "-").replace(".", "-")
    if not text:
        return None
    return date.fromisoformat(text)


class VolunteerDialog(ServiceDialog):
    """Register a volunteer (with teams) or edit one's details."""

    def __init__(
        self,
        ctx: PageContext,
        policy: VolunteerPolicy,
        teams: tuple[TeamView, ...],
        volunteer: VolunteerView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("volunteer_dialog")
        self.volunteer = volunteer
        self.setWindowTitle(self.tr("Edit volunteer") if volunteer else self.tr("New volunteer"))
        v = volunteer
        self.name = QLineEdit(v.name if v else "")
        self.name.setObjectName("volunteer_name")
        self.name.setMaxLength(50)
        self.sex = QComboBox()
        self.sex.setObjectName("volunteer_sex")
        self.sex.addItem(self.tr("(not given)"), "")
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.sex.setCurrentIndex(max(0, self.sex.findData(v.sex if v else "")))
        self.birth = QLineEdit(v.birth_date.isoformat() if v and v.birth_date else "")
        self.birth.setObjectName("volunteer_birth")
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD; read from the ID card if given"))
        self.id_type = QComboBox()
        self.id_type.setObjectName("volunteer_id_type")
        for key, source in ID_TYPES.items():
            self.id_type.addItem(self.tr_id(source), key)
        self.id_type.setCurrentIndex(
            max(0, self.id_type.findData((v.id_type if v else "") or ID_CARD))
        )
        self.id_number = QLineEdit()
        self.id_number.setObjectName("volunteer_id_number")
        self.id_number.setMaxLength(30)
        self.id_number.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.id_number.setPlaceholderText(self.tr("Optional"))
        self.id_message = MessageLabel()
        self.id_message.setObjectName("id_message")
        self.phone = QLineEdit()
        self.phone.setObjectName("volunteer_phone")
        self.phone.setMaxLength(20)
        self.phone.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.phone.setPlaceholderText(self.tr("Optional; 11-digit mobile"))
        self.phone_message = MessageLabel()
        self.phone_message.setObjectName("phone_message")
        self.group = QLineEdit(v.group_name if v else "")
        self.group.setObjectName("volunteer_group")
        self.group.setPlaceholderText(self.tr("e.g. 第一村民小组"))
        self.address = QLineEdit(v.address if v else "")
        self.address.setObjectName("volunteer_address")
        self.skills = QLineEdit(join_list(v.skills) if v else "")
        self.skills.setObjectName("volunteer_skills")
        self.skills.setPlaceholderText(self.tr("Separated by 、 or commas, e.g. 书法、医护"))
        self.categories = checkable_list(
            [(c, c) for c in policy.team_categories],
            set(v.service_categories) if v else set(),
            "volunteer_categories",
        )
        self.teams: QListView | None = None
        if v is None:
            self.teams = checkable_list([(t.name, t.id) for t in teams], set(), "volunteer_teams")
        self.joined = QLineEdit(v.joined_on.isoformat() if v and v.joined_on else "")
        self.joined.setObjectName("volunteer_joined")
        self.joined.setPlaceholderText(self.tr("YYYY-MM-DD; today if empty"))
        self.note = QLineEdit(v.note if v else "")
        self.note.setObjectName("volunteer_note")

        form = QFormLayout()
        self.member_id = v.member_id if v else None
        self.resident = QLabel(self.tr("Not linked to a resident"))
        self.resident.setObjectName("volunteer_resident")
        choose = QPushButton(self.tr("&Resident…"))
        choose.setObjectName("choose_resident")
        choose.clicked.connect(self.choose_resident)
        self.unlink = QPushButton(self.tr("Unlink"))
        self.unlink.setObjectName("unlink_resident")
        self.unlink.clicked.connect(lambda: self._set_resident(None))
        self.unlink.setEnabled(self.member_id is not None)
        resident_row = QHBoxLayout()
        resident_row.addWidget(self.resident, 1)
        resident_row.addWidget(choose)
        resident_row.addWidget(self.unlink)
        form.addRow(self.tr("Village resident:"), resident_row)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Sex:"), self.sex)
        form.addRow(self.tr("&Birth date:"), self.birth)
        form.addRow(self.tr("ID t&ype:"), self.id_type)
        form.addRow(self.tr("&ID number:"), self.id_number)
        form.addRow("", self.id_message)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow("", self.phone_message)
        form.addRow(self.tr("Village &group:"), self.group)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("S&kills:"), self.skills)
        form.addRow(self.tr("Service &categories:"), self.categories)
        if self.teams is not None:
            form.addRow(self.tr("&Teams:"), self.teams)
        form.addRow(self.tr("&Joined on:"), self.joined)
        form.addRow(self.tr("N&ote:"), self.note)
        self.finish_layout(form)
        self.id_number.textChanged.connect(self._check_id)
        self.id_type.currentIndexChanged.connect(lambda _i: self._check_id())
        self.phone.textChanged.connect(self._check_phone)
        fit_window(self, 520, 640)
        if v is not None:
            self._load_personal(v.id)
        if self.member_id:
            run_task(
                households.describe_resident,
                self.ctx.db,
                self.member_id,
                on_done=lambda hit: self.resident.setText(hit.label if hit else ""),
                receiver=self,
            )

    def choose_resident(self) -> None:
        """Link the volunteer to a resident; an empty form takes the resident's facts."""
        from app.views.resident_picker import ResidentPicker

        picker = ResidentPicker(self.ctx, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen is not None:
            self._set_resident(picker.chosen)

    def _set_resident(self, hit: ResidentHit | None) -> None:
        self.member_id = hit.member_id if hit else None
        self.unlink.setEnabled(hit is not None)
        self.resident.setText(hit.label if hit else self.tr("Not linked to a resident"))
        if hit is None:
            return
        if not self.name.text().strip():
            self.name.setText(hit.name)
        if not self.sex.currentData() and hit.sex:
            self.sex.setCurrentIndex(max(0, self.sex.findData(hit.sex)))
        if not self.birth.text().strip() and hit.birth_date:
            self.birth.setText(hit.birth_date.isoformat())

    def tr_id(self, source: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("id_types", source)

    def _load_personal(self, volunteer_id: str) -> None:
        self.id_number.setEnabled(False)
        self.phone.setEnabled(False)
        self.ok_button().setEnabled(False)

        def loaded(values: tuple[str, str]) -> None:
            self.id_number.setText(values[0])
            self.phone.setText(values[1])
            self.id_number.setEnabled(True)
            self.phone.setEnabled(True)
            self.ok_button().setEnabled(True)

        run_task(
            volunteers.volunteer_personal,
            self.ctx.db,
            self.ctx.actor,
            volunteer_id,
            on_done=loaded,
            on_error=self._failed,
            receiver=self,
        )

    # inline checks (pure functions, no database)
    def _check_id(self) -> None:
        text = self.id_number.text().strip()
        if not text or self.id_type.currentData() != ID_CARD:
            self.id_message.clear_message()
            return
        if len(text) < 18:
            self.id_message.show_info(self.tr("{n} of 18 characters").format(n=len(text)))
            return
        try:
            normalized = personal.normalize_id_number(text)
        except DomainError as err:
            self.id_message.show_error(str(err))
            return
        born = personal.id_birth_date(normalized)
        self.id_message.show_ok(
            self.tr("Valid ID number; born {date}.").format(date=born.isoformat() if born else "?")
        )

    def _check_phone(self) -> None:
        text = self.phone.text().strip()
        if not text:
            self.phone_message.clear_message()
            return
        try:
            personal.normalize_phone(text)
        except DomainError as err:
            self.phone_message.show_error(str(err))
        else:
            self.phone_message.clear_message()

    def data(self) -> VolunteerData:
        skills = [
            s.strip()
            for s in self.skills.text().replace(",", "、").replace("，", "、").split("、")
            if s.strip()
        ]
        return VolunteerData(
            name=self.name.text(),
            sex=str(self.sex.currentData() or ""),
            birth_date=_date_of(self.birth),
            id_type=str(self.id_type.currentData() or ID_CARD),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            group_name=self.group.text(),
            address=self.address.text(),
            skills=tuple(skills),
            service_categories=checked_keys(self.categories),
            joined_on=_date_of(self.joined),
            note=self.note.text(),
            member_id=self.member_id,
        )

    def submit(self) -> None:
        try:
            data = self.data()
        except ValueError:
            self.message.show_error(self.tr("Dates are written like 2026-05-01."))
            return
        if self.volunteer is None:
            teams = checked_keys(self.teams) if self.teams is not None else ()
            self.run(volunteers.create_volunteer, self.ctx.db, self.ctx.actor, data, teams)
        else:
            self.run(
                volunteers.update_volunteer, self.ctx.db, self.ctx.actor, self.volunteer.id, data
            )


class TeamDialog(ServiceDialog):
    """A volunteer team (志愿服务队): name, category, leader, description."""

    def __init__(
        self,
        ctx: PageContext,
        policy: VolunteerPolicy,
        team: TeamView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("team_dialog")
        self.team = team
        self.setWindowTitle(self.tr("Edit team") if team else self.tr("New team"))
        self.name = QLineEdit(team.name if team else "")
        self.name.setObjectName("team_name")
        self.name.setMaxLength(60)
        self.category = QComboBox()
        self.category.setObjectName("team_category")
        self.category.addItem(self.tr("(none)"), "")
        for c in policy.team_categories:
            self.category.addItem(c, c)
        self.category.setCurrentIndex(max(0, self.category.findData(team.category if team else "")))
        self.leader = QLineEdit(team.leader_name if team else "")
        self.leader.setObjectName("team_leader")
        self.description = QPlainTextEdit(team.description if team else "")
        self.description.setMaximumHeight(80)
        self.order = QSpinBox()
        self.order.setRange(0, 999)
        self.order.setValue(team.sort_order if team else 0)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Leader (队长):"), self.leader)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Order in lists:"), self.order)
        self.finish_layout(form)

    def submit(self) -> None:
        data = TeamData(
            self.name.text(),
            str(self.category.currentData() or ""),
            self.leader.text(),
            self.description.toPlainText(),
            self.order.value(),
        )
        if self.team is None:
            self.run(volunteers.create_team, self.ctx.db, self.ctx.actor, data)
        else:
            self.run(volunteers.update_team, self.ctx.db, self.ctx.actor, self.team.id, data)


class TeamsModel(RowsModel):
    NAME, CATEGORY, LEADER, MEMBERS, STATE = range(5)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Team"),
            self.tr("Category"),
            self.tr("Leader"),
            self.tr("Members"),
            self.tr("State"),
        )

    def cell(self, row: TeamView, column: int) -> str:
        return (
            row.name,
            row.category,
            row.leader_name,
            str(row.member_count),
            self.tr("In use") if row.active else self.tr("Disbanded"),
        )[column]


class TeamsDialog(QDialog):
    """Manage the station's teams: new, edit, disband / use again, the "8+N" defaults."""

    def __init__(self, ctx: PageContext, policy: VolunteerPolicy, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("teams_dialog")
        self.setWindowTitle(self.tr("Volunteer teams"))
        self.ctx = ctx
        self.policy = policy
        self.changed = False
        self.model = TeamsModel(self)
        self.view = table_view(self.model, "teams_table")
        self.message = MessageLabel()
        bar = QHBoxLayout()
        self.buttons = button_row(
            bar,
            "teams",
            (
                ("new", self.tr("&New team…"), self.new_team),
                ("edit", self.tr("&Edit…"), self.edit_team),
                ("toggle", self.tr("&Disband / use again"), self.toggle_team),
                ("defaults", self.tr('&Add the "8+N" default teams'), self.add_defaults),
            ),
        )
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        fit_window(self, 720, 460)
        self.reload()

    def reload(self) -> None:
        run_task(
            volunteers.list_teams,
            self.ctx.db,
            True,
            on_done=self.model.set_rows,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _selected(self) -> TeamView | None:
        rows = selected_rows(self.view)
        if not rows:
            self.message.show_selection_hint(self.tr("Choose a team in the list first."), self.view)
            return None
        return self.model.row_at(rows[0])

    def _after(self, dialog: QDialog, text: str) -> None:
        def accepted() -> None:
            self.changed = True
            self.message.show_ok(text)
            self.reload()

        dialog.accepted.connect(accepted)
        dialog.open()

    def new_team(self) -> None:
        self._after(TeamDialog(self.ctx, self.policy, None, self), self.tr("Team created."))

    def edit_team(self) -> None:
        team = self._selected()
        if team is not None:
            self._after(TeamDialog(self.ctx, self.policy, team, self), self.tr("Saved."))

    def toggle_team(self) -> None:
        team = self._selected()
        if team is None:
            return

        def done(_t: TeamView) -> None:
            self.changed = True
            self.reload()

        run_task(
            volunteers.set_team_active,
            self.ctx.db,
            self.ctx.actor,
            team.id,
            not team.active,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def add_defaults(self) -> None:
        def done(n: int) -> None:
            self.changed = True
            self.message.show_ok(self.tr("%n teams added.", "", n))
            self.reload()

        run_task(
            volunteers.seed_default_teams,
            self.ctx.db,
            self.ctx.actor,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )


class VolunteerTeamsDialog(ServiceDialog):
    """Which teams a volunteer belongs to."""

    def __init__(
        self,
        ctx: PageContext,
        volunteer: VolunteerView,
        teams: tuple[TeamView, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("volunteer_teams_dialog")
        self.setWindowTitle(self.tr("Teams of {name}").format(name=volunteer.name))
        self.volunteer = volunteer
        self.current = {t.id for t in volunteer.teams}
        self.list = checkable_list([(t.name, t.id) for t in teams], self.current, "member_teams")
        self.list.setMaximumHeight(16777215)
        self.finish_layout(
            QLabel(self.tr("Tick the teams {name} serves in:").format(name=volunteer.name)),
            self.list,
        )
        fit_window(self, 380, 420)

    def submit(self) -> None:
        chosen = set(checked_keys(self.list))
        self.run(
            volunteers.change_teams,
            self.ctx.db,
            self.ctx.actor,
            self.volunteer.id,
            tuple(sorted(chosen - self.current)),
            tuple(sorted(self.current - chosen)),
        )


class SubRecordDialog(ServiceDialog):
    """A training (培训), award (表彰奖励) or evaluation (评价) of one volunteer."""

    RATINGS = ("优秀", "良好", "合格", "不合格")

    def __init__(
        self, ctx: PageContext, kind: str, volunteer: VolunteerView, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName(f"{kind}_dialog")
        self.kind = kind
        self.volunteer = volunteer
        titles = {
            "training": self.tr("Training of {name}"),
            "award": self.tr("Award of {name}"),
            "evaluation": self.tr("Evaluation of {name}"),
        }
        self.setWindowTitle(titles[kind].format(name=volunteer.name))
        self.when = QDateEdit(QDate.currentDate())
        self.when.setObjectName("record_date")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.title = QLineEdit()
        self.title.setObjectName("record_title")
        self.title.setMaxLength(100)
        self.extra = QLineEdit()
        self.extra.setObjectName("record_extra")
        self.level = QComboBox()
        self.level.setObjectName("record_level")
        self.level.setEditable(True)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("record_hours")
        self.minutes.setRange(0, 999)
        self.minutes.setSuffix(self.tr(" h"))
        self.period = QLineEdit(str(date.today().year))
        self.period.setObjectName("record_period")
        self.note = QLineEdit()
        self.note.setObjectName("record_note")
        form = QFormLayout()
        if kind == "training":
            form.addRow(self.tr("&Date:"), self.when)
            form.addRow(self.tr("&Title:"), self.title)
            form.addRow(self.tr("Organised &by:"), self.extra)
            form.addRow(self.tr("&Length:"), self.minutes)
            form.addRow(self.tr("N&ote:"), self.note)
        elif kind == "award":
            self.level.addItems(("", "国家级", "省级", "市级", "县级", "乡镇级", "村级"))
            form.addRow(self.tr("&Date:"), self.when)
            form.addRow(self.tr("&Title:"), self.title)
            form.addRow(self.tr("&Level:"), self.level)
            form.addRow(self.tr("&Issued by:"), self.extra)
            form.addRow(self.tr("N&ote:"), self.note)
        else:
            self.level.addItems(self.RATINGS)
            self.period.setPlaceholderText(self.tr("2026, 2026-Q2 or 2026-05"))
            form.addRow(self.tr("&Period:"), self.period)
            form.addRow(self.tr("&Rating:"), self.level)
            form.addRow(self.tr("&Comment:"), self.note)
        self.finish_layout(form)

    def submit(self) -> None:
        db, actor, vid = self.ctx.db, self.ctx.actor, self.volunteer.id
        day = self.when.date().toPython()
        assert isinstance(day, date)
        if self.kind == "training":
            self.run(
                volunteers.add_training,
                db,
                actor,
                vid,
                day,
                self.title.text(),
                self.extra.text(),
                self.minutes.value() * 60,
                self.note.text(),
            )
        elif self.kind == "award":
            self.run(
                volunteers.add_award,
                db,
                actor,
                vid,
                day,
                self.title.text(),
                self.level.currentText(),
                self.extra.text(),
                self.note.text(),
            )
        else:
            self.run(
                volunteers.add_evaluation,
                db,
                actor,
                vid,
                self.period.text(),
                self.level.currentText(),
                self.note.text(),
            )
