"""首次设置向导 — the first-run wizard: mode, station facts, first administrator.

Four pages of input and a last page with the result:

1. mode: village station (村站) or township office (乡镇所);
2. the station's facts, with the 12-digit 统计用区划代码 checked as it is typed;
3. the first administrator's account;
4. a summary; "Set up the station" runs ``setup_station`` off the GUI thread.
   An error is shown on that page and every field keeps its value;
5. the signing-key fingerprint, to be written down for the township.

:attr:`FirstRunWizard.station_created` carries the administrator, who is then
signed in without typing the password again.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.db import Database
from app.models import StationMode
from app.paths import DataDir
from app.services.auth import MIN_PASSWORD_LENGTH, Actor
from app.services.station import AdminAccount, get_station, setup_station
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, StationFactsForm, error_text, read_out_label

MODE_PAGE, STATION_PAGE, ADMIN_PAGE, SUMMARY_PAGE, DONE_PAGE = range(5)


class ModePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Station Workbench"))
        self.setSubTitle(self.tr("First, tell us what kind of place this computer serves."))
        self.station = QRadioButton(self.tr("A village station (村站) — the usual choice"))
        self.station.setObjectName("mode_station")
        self.township = QRadioButton(self.tr("A township office (乡镇所)"))
        self.township.setObjectName("mode_township")
        self.station.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.station)
        group.addButton(self.township)
        note = QLabel(
            self.tr(
                "A township office collects the data of its village stations: it enrols them, "
                "imports their sync files and sums up their figures."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.station)
        layout.addWidget(self.township)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def mode(self) -> StationMode:
        return StationMode.TOWNSHIP if self.township.isChecked() else StationMode.STATION


class StationPage(QWizardPage):
    def __init__(self, mode_page: ModePage) -> None:
        super().__init__()
        self.mode_page = mode_page
        self.setTitle(self.tr("The station"))
        self.setSubTitle(
            self.tr(
                "The division code is the 12-digit 统计用区划代码 of your village "
                "(ask the township if you are not sure)."
            )
        )
        self.form = StationFactsForm()
        self.form.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.form.set_mode(self.mode_page.mode())
        self.form.name.setFocus()

    def isComplete(self) -> bool:
        return self.form.is_complete()


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This person (usually the station head) signs in to manage the station "
                "and can add the other operators later."
            )
        )
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.username.setMaxLength(40)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("admin_display_name")
        self.display_name.setMaxLength(50)
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("admin_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = MessageLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("&User name (for signing in):"), self.username)
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        form.addRow("", self.message)
        for edit in (self.username, self.display_name, self.password, self.repeat):
            edit.textChanged.connect(self._check)

    def initializePage(self) -> None:
        self.username.setFocus()

    def _problem(self) -> str:
        name = self.username.text().strip()
        if any(c.isspace() for c in name):
            return self.tr("A user name has no spaces.")
        if self.password.text() and len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("A password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        if self.repeat.text() and self.repeat.text() != self.password.text():
            return self.tr("The two passwords are not the same.")
        return ""

    def _check(self) -> None:
        problem = self._problem()
        if problem:
            self.message.show_error(problem)
        else:
            self.message.clear_message()
        emit(self.completeChanged)

    def isComplete(self) -> bool:
        return (
            not self._problem()
            and bool(self.username.text().strip())
            and bool(self.display_name.text().strip())
            and len(self.password.text()) >= MIN_PASSWORD_LENGTH
            and self.password.text() == self.repeat.text()
        )

    def account(self) -> AdminAccount:
        return AdminAccount(self.username.text(), self.display_name.text(), self.password.text())


class SummaryPage(QWizardPage):
    """Shows what will be set up; its Next button runs the set-up (a commit page)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check and set up"))
        self.setSubTitle(self.tr("Please check the facts. You can go back to change them."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up the station"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.message = MessageLabel()
        self.message.setObjectName("setup_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._busy = False

    def initializePage(self) -> None:
        self.message.clear_message()
        info = self.wiz.station_page.form.info()
        admin = self.wiz.admin_page.account()
        mode = (
            self.tr("Village station")
            if info.mode == StationMode.STATION
            else self.tr("Township office")
        )
        rows = [
            (self.tr("Kind"), mode),
            (self.tr("Name"), info.name),
            (self.tr("Division code"), info.code),
        ]
        if info.mode == StationMode.STATION:
            rows.append((self.tr("Village"), info.village))
        rows += [
            (self.tr("Township"), info.township),
            (self.tr("County"), info.county),
            (self.tr("Person in charge"), info.leader_name or "—"),
            (self.tr("Contact phone"), info.contact_phone or "—"),
            (self.tr("Administrator"), f"{admin.display_name} ({admin.username})"),
        ]
        body = "".join(
            f"<tr><td style='padding-right:16px'>{escape(k)}</td><td><b>{escape(v.strip())}</b>"
            "</td></tr>"
            for k, v in rows
        )
        self.summary.setText(f"<table cellspacing='4'>{body}</table>")

    def isComplete(self) -> bool:
        return not self._busy

    def validatePage(self) -> bool:
        if self.wiz.admin is not None:
            return True
        if self._busy:
            return False
        self._busy = True
        emit(self.completeChanged)
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.message.show_info(self.tr("Setting up the station and making its keys…"))
        run_task(
            setup_station,
            self.wiz.db,
            self.wiz.data_dir.keys,
            self.wiz.station_page.form.info(),
            self.wiz.admin_page.account(),
            write=True,
            on_done=self._created,
            on_error=self._failed,
            receiver=self,
        )
        return False

    def _created(self, actor: Actor) -> None:
        self._busy = False
        self.wiz.admin = actor
        emit(self.completeChanged)
        self.wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.message.show_error(error_text(exc))
        emit(self.completeChanged)
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(True)


class DonePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("The station is set up"))
        self.setSubTitle(
            self.tr(
                "Write down this fingerprint of the station's signing key. The township "
                "compares it when it enrols your station; it is also on the home page."
            )
        )
        self.fingerprint = read_out_label("fingerprint")
        next_steps = QLabel(
            self.tr(
                "Click Finish to start. Add the other operators under Settings → Operators, "
                "and keep a backup on a USB stick."
            )
        )
        next_steps.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(12)
        layout.addWidget(next_steps)
        layout.addStretch(1)

    def initializePage(self) -> None:
        run_task(
            get_station,
            self.wiz.db,
            on_done=lambda info: self.fingerprint.setText(info.signing_key_fingerprint),
            on_error=lambda exc: self.fingerprint.setText(error_text(exc)),
            receiver=self,
        )


class FirstRunWizard(QWizard):
    station_created = Signal(object)  # Actor: the first administrator

    def __init__(self, db: Database, data_dir: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = data_dir
        self.admin: Actor | None = None
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Set up Station Workbench"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(720, 560)
        self.mode_page = ModePage()
        self.station_page = StationPage(self.mode_page)
        self.admin_page = AdminPage()
        self.summary_page = SummaryPage(self)
        self.done_page = DonePage(self)
        self.setPage(MODE_PAGE, self.mode_page)
        self.setPage(STATION_PAGE, self.station_page)
        self.setPage(ADMIN_PAGE, self.admin_page)
        self.setPage(SUMMARY_PAGE, self.summary_page)
        self.setPage(DONE_PAGE, self.done_page)

    def accept(self) -> None:
        if self.admin is None:
            return  # Finish is only on the last page, after the set-up succeeded
        super().accept()
        emit(self.station_created, self.admin)
