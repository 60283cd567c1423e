"""登录与锁屏 — signing in, the forced password change, and the idle lock screen.

Every password check (scrypt) runs through :mod:`app.views.tasks`, so the
window never freezes while a password is hashed.  Messages the services raise
(wrong password, disabled account, too many attempts) are shown inline under
the fields, and the typed user name is kept.

The lock screen appears after ``IDLE_LOCK_MINUTES`` without a key press or
mouse action anywhere in the application (:class:`IdleWatcher`, an
application-wide event filter feeding a single-shot QTimer).  Only the same
operator's password unlocks it — or an administrator signing in, who then
takes over the session (the station head covering for a colleague who left).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import translate
from app.models import Role
from app.services import auth
from app.services.auth import MIN_PASSWORD_LENGTH, ROLE_LABELS, Actor
from app.services.station import get_station
from app.settings import LAST_USERNAME, Settings
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, heading


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class LoginDialog(QDialog):
    """Sign in to the station; emits :attr:`signed_in` with the operator.

    When the operator must change a temporary password, the change dialog
    opens first and ``signed_in`` fires only after it succeeded.
    """

    signed_in = Signal(object)  # Actor

    def __init__(
        self, db: Database, settings: Settings, message: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Sign in — Station Workbench"))
        self.setMinimumWidth(440)

        self.station = heading(self.tr("Station Workbench"))
        self.station.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.station.setWordWrap(True)
        self.username = QLineEdit(settings.get(LAST_USERNAME))
        self.username.setObjectName("username")
        self.username.setMaxLength(40)
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.message = MessageLabel()
        if message:
            self.message.show_info(message)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.quit_now)  # 退出 is a deliberate click
        self.quit_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.station)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        (self.password if self.username.text() else self.username).setFocus()
        self.change_dialog: ChangePasswordDialog | None = None
        run_task(
            get_station, db, on_done=self._show_station, on_error=lambda _e: None, receiver=self
        )

    def reject(self) -> None:
        """Esc or the window's close box: a slip of the hand must not end the program."""
        if self.quit_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quit"),
            self.tr("Quit Station Workbench?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("quit_question")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._quit_answered(box))
        self.quit_box = box
        box.open()

    def _quit_answered(self, box: QMessageBox) -> None:
        self.quit_box = None
        box.deleteLater()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.quit_now()

    def quit_now(self) -> None:
        super().reject()

    def _show_station(self, info: object) -> None:
        self.station.setText(getattr(info, "name", "") or self.tr("Station Workbench"))
        from app.demo.station import is_demo

        run_task(is_demo, self.db, on_done=self._show_demo_hint, receiver=self)

    def _show_demo_hint(self, demo: bool) -> None:
        from app.demo.station import DEMO_PASSWORD

        if demo and not self.message.text():
            self.message.show_info(
                self.tr(
                    "Demo station: sign in as admin, shijian or chaoshi with the password {password}."
                ).format(password=DEMO_PASSWORD)
            )

    def _busy(self, busy: bool) -> None:
        self._checking = busy
        for w in (self.username, self.password, self.sign_in_button):
            w.setEnabled(not busy)
        if busy:
            self.message.show_info(self.tr("Checking…"))
        else:
            self.sign_in_button.setDefault(True)  # disabling took the default away

    def submit(self) -> None:
        if getattr(self, "_checking", False):
            return
        name = self.username.text().strip()
        if not name:
            self.message.show_error(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        if not self.password.text():
            self.message.show_error(self.tr("Please enter your password."))
            self.password.setFocus()
            return
        self._busy(True)
        run_task(
            auth.login,
            self.db,
            name,
            self.password.text(),
            write=True,
            on_done=self._logged_in,
            on_error=self._failed,
            receiver=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.show_error(error_text(exc))
        self.password.clear()
        self.password.setFocus()

    def _logged_in(self, actor: Actor) -> None:
        self.settings.set(LAST_USERNAME, actor.username)
        run_task(
            auth.must_change_password,
            self.db,
            actor,
            on_done=lambda must: self._password_checked(actor, bool(must)),
            on_error=self._failed,
            receiver=self,
        )

    def _password_checked(self, actor: Actor, must_change: bool) -> None:
        if not must_change:
            self._finish(actor)
            return
        self.message.show_info(self.tr("Please choose a new password."))
        dialog = ChangePasswordDialog(self.db, actor, forced=True, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self._finish(actor))
        dialog.rejected.connect(self._change_refused)
        self.change_dialog = dialog
        dialog.open()
        dialog.current.setText(self.password.text())
        dialog.new.setFocus()

    def _change_refused(self) -> None:
        self._busy(False)
        self.password.clear()
        self.message.show_error(
            self.tr("You need to choose your own password before you can start work.")
        )

    def _finish(self, actor: Actor) -> None:
        self.password.clear()
        emit(self.signed_in, actor)
        self.accept()


class ChangePasswordDialog(QDialog):
    """Change the signed-in operator's own password (forced after a reset)."""

    changed = Signal()

    def __init__(
        self, db: Database, actor: Actor, *, forced: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        intro = QLabel(
            self.tr(
                "An administrator gave you a temporary password. "
                "Please choose your own password now; only you should know it."
            )
            if forced
            else self.tr("Choose a new password of at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )
        intro.setWordWrap(True)
        self.current = _password_edit()
        self.current.setObjectName("current_password")
        self.new = _password_edit()
        self.new.setObjectName("new_password")
        self.repeat = _password_edit()
        self.repeat.setObjectName("repeat_password")
        self.message = MessageLabel()
        form = QFormLayout()
        form.addRow(self.tr("C&urrent password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat new password:"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Change password"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if len(self.new.text()) < MIN_PASSWORD_LENGTH:
            self.message.show_error(
                self.tr("The new password needs at least {n} characters.").format(
                    n=MIN_PASSWORD_LENGTH
                )
            )
            self.new.setFocus()
            return
        if self.new.text() != self.repeat.text():
            self.message.show_error(self.tr("The two new passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        if self.new.text() == self.current.text():
            self.message.show_error(self.tr("The new password must differ from the current one."))
            self.new.setFocus()
            return
        self.ok_button.setEnabled(False)
        run_task(
            auth.change_own_password,
            self.db,
            self.actor,
            self.current.text(),
            self.new.text(),
            write=True,
            on_done=self._done,
            on_error=self._failed,
            receiver=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_error(error_text(exc))

    def _done(self, _result: object) -> None:
        emit(self.changed)
        self.accept()


# --- idle lock -------------------------------------------------------------------

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle` after a period without keyboard or mouse input.

    Installed as an application-wide event filter; each input event restarts a
    single-shot timer.  ``set_minutes(0)`` switches the lock off; tests use
    ``set_interval_ms`` for a short period (or emit ``timer.timeout``).
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._running = False
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, int(minutes)) * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        self._interval = msecs
        if msecs > 0:
            self.timer.setInterval(msecs)
        if self._running:
            self.start()

    @property
    def enabled(self) -> bool:
        return self._interval > 0

    def start(self) -> None:
        self._running = True
        if self.enabled:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._running and self.enabled and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def uninstall(self) -> None:
        self.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QDialog):
    """Covers the session until the operator's password (or an administrator's
    sign-in) is given.  Emits :attr:`unlocked` with the operator who continues."""

    unlocked = Signal(object)  # Actor

    def __init__(
        self, db: Database, actor: Actor, station_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("Locked — Station Workbench"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(480)

        title = heading(self.tr("The screen is locked"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        station = QLabel(station_name)
        station.setAlignment(Qt.AlignmentFlag.AlignCenter)
        role = translate("roles", ROLE_LABELS[actor.role])
        who = QLabel(
            self.tr("{name} ({role}) is signed in. Enter your password to continue.").format(
                name=actor.display_name, role=role
            )
        )
        who.setWordWrap(True)
        self.password = _password_edit()
        self.password.setObjectName("unlock_password")
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.password.returnPressed.connect(self.unlock)
        self.message = MessageLabel()

        own = QFormLayout()
        own.addRow(self.tr("&Password:"), self.password)

        self.admin_box = QGroupBox(self.tr("Or sign in as an administrator"))
        self.admin_box.setCheckable(True)
        self.admin_box.setChecked(False)
        self.admin_user = QLineEdit()
        self.admin_user.setObjectName("admin_username")
        self.admin_password = _password_edit()
        self.admin_password.setObjectName("admin_password")
        self.admin_button = QPushButton(self.tr("Sign in as &administrator"))
        self.admin_button.setObjectName("admin_sign_in")
        self.admin_button.clicked.connect(self.take_over)
        self.admin_password.returnPressed.connect(self.take_over)
        self.admin_fields = QWidget()
        admin_form = QFormLayout(self.admin_fields)
        admin_form.setContentsMargins(0, 0, 0, 0)
        admin_form.addRow(self.tr("User name:"), self.admin_user)
        admin_form.addRow(self.tr("Password:"), self.admin_password)
        admin_form.addRow("", self.admin_button)
        QVBoxLayout(self.admin_box).addWidget(self.admin_fields)
        self.admin_box.toggled.connect(self._admin_toggled)
        self._admin_toggled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(station)
        layout.addSpacing(8)
        layout.addWidget(who)
        layout.addLayout(own)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addWidget(self.admin_box)
        self.password.setFocus()

    def _admin_toggled(self, on: bool) -> None:
        self.admin_fields.setVisible(on)
        self.admin_box.setFlat(not on)  # no empty frame while folded away
        self.adjustSize()
        if on:
            self.admin_user.setFocus()

    def _busy(self, busy: bool) -> None:
        self._checking = busy
        for w in (self.password, self.unlock_button, self.admin_box):
            w.setEnabled(not busy)
        if not busy:
            self.unlock_button.setDefault(True)

    def unlock(self) -> None:
        if getattr(self, "_checking", False):
            return
        if not self.password.text():
            self.message.show_error(self.tr("Please enter your password."))
            return
        self._busy(True)
        run_task(
            auth.verify_password,
            self.db,
            self.actor,
            self.password.text(),
            write=True,
            on_done=self._verified,
            on_error=self._failed,
            receiver=self,
        )

    def _verified(self, ok: bool) -> None:
        self._busy(False)
        if ok:
            self._done(self.actor)
        else:
            self.password.clear()
            self.password.setFocus()
            self.message.show_error(self.tr("That is not the right password."))

    def take_over(self) -> None:
        if getattr(self, "_checking", False):
            return
        if not self.admin_user.text().strip() or not self.admin_password.text():
            self.message.show_error(
                self.tr("Please enter an administrator's user name and password.")
            )
            return
        self._busy(True)
        run_task(
            auth.login,
            self.db,
            self.admin_user.text(),
            self.admin_password.text(),
            write=True,
            on_done=self._admin_signed_in,
            on_error=self._failed,
            receiver=self,
        )

    def _admin_signed_in(self, actor: Actor) -> None:
        self._busy(False)
        self.admin_password.clear()
        if actor.role != Role.ADMIN:
            self.message.show_error(
                self.tr("Only an administrator can open another operator's locked screen.")
            )
            return
        self._done(actor)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.password.clear()
        self.admin_password.clear()
        self.message.show_error(error_text(exc))

    def _done(self, actor: Actor) -> None:
        self._unlocked = True
        emit(self.unlocked, actor)
        self.accept()

    # A lock screen cannot be dismissed: no Esc, no close button.
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "_unlocked", False):
            super().closeEvent(event)
        else:
            event.ignore()
