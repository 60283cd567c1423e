"""The station session: first-run wizard or sign-in, the main window, the idle
lock, signing out, and starting over after a restore.

:class:`Workbench` is handed an open, migrated database by
:mod:`app.views.application` (or by a test) and drives the windows from then
on; it owns no Qt application state, so tests create one directly.  It emits
:attr:`Workbench.quit_requested` when the person quits (from the sign-in
screen, the wizard or the main window).

The first main window a new version opens on a data folder says in one line
what changed since the version that ran there before (``LAST_VERSION`` in its
settings, :mod:`app.services.changelog`); a new station is told nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.db import Database
from app.db.dialect import is_sqlite
from app.paths import DataDir
from app.services import backup
from app.services.auth import Actor
from app.services.backup import BackupInfo
from app.services.changelog import upgrade_line
from app.services.checks import CheckResult, run_checks
from app.services.station import StartData, start_data, station_mode
from app.settings import IDLE_LOCK_MINUTES, LAST_VERSION, Settings, backup_retention
from app.translations import current_language
from app.views.files import remember_folders_in
from app.views.login import IdleWatcher, LockScreen, LoginDialog
from app.views.main_window import MainWindow
from app.views.pages import AppEvents, PageContext
from app.views.qtfix import emit
from app.views.tasks import LONG_WRITE, run_task
from app.views.widgets import format_local
from app.views.wizard import FirstRunWizard

log = logging.getLogger(__name__)


QUICK_CHECK_DELAY_MS = 3000


def _quick_check(db: Database) -> list[CheckResult]:
    return run_checks(db, full=False)


def _auto_backup(db: Database, data_dir: DataDir) -> BackupInfo | None:
    # A Settings object of its own: QSettings objects are not shared across threads.
    return backup.auto_backup_if_due(
        db, data_dir, backup_retention(Settings(data_dir.settings_file))
    )


class Workbench(QObject):
    quit_requested = Signal()
    login_shown = Signal(object)  # LoginDialog
    window_shown = Signal(object)  # MainWindow

    def __init__(
        self, db: Database, data_dir: DataDir, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = data_dir
        self.settings = settings
        remember_folders_in(settings)
        self.events = AppEvents(self)
        self.actor: Actor | None = None
        self.window: MainWindow | None = None
        # the station's mode (which areas the window shows), read once off the GUI
        # thread by start(), set by the wizard, read again after a restore
        self.mode = "station"
        self.login: LoginDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.lock_screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._auto_backup_done = False
        self._quick_check_done = False
        self.quick_check_results: list[CheckResult] | None = None
        self.idle = IdleWatcher(settings.get(IDLE_LOCK_MINUTES), self)
        self.idle.idle.connect(self.lock)
        self.events.idle_lock_changed.connect(self.idle.set_minutes)
        self.events.database_replaced.connect(self._database_replaced)

    # --- start ------------------------------------------------------------------------

    def start(self) -> None:
        run_task(start_data, self.db, on_done=self._set_up_checked, receiver=self)

    def _set_up_checked(self, data: StartData) -> None:
        self.mode = data.mode
        if data.set_up:
            self.show_login()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        wizard = FirstRunWizard(self.db, self.data_dir)
        wizard.station_created.connect(lambda actor: self._created(wizard, actor))
        wizard.rejected.connect(self.quit_requested)
        self.wizard = wizard
        wizard.show()

    def _created(self, wizard: FirstRunWizard, actor: Actor) -> None:
        self.mode = wizard.mode_page.mode().value
        self.enter(actor)

    def show_login(self, message: str = "") -> None:
        dialog = LoginDialog(self.db, self.settings, message)
        dialog.signed_in.connect(self.enter)
        dialog.rejected.connect(self.quit_requested)
        self.login = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        emit(self.login_shown, dialog)

    # --- the signed-in session ---------------------------------------------------------

    def context(self) -> PageContext:
        assert self.actor is not None
        return PageContext(
            self.db, self.data_dir, self.settings, self.actor, self.events, self.mode
        )

    def enter(self, actor: Actor) -> None:
        """Open the main window for *actor*."""
        self.actor = actor
        log.info("signed in: %s (%s)", actor.username, actor.role.value)
        self._close_window()
        window = MainWindow(self.context())
        window.lock_requested.connect(self.lock)
        window.sign_out_requested.connect(self.sign_out)
        window.quit_requested.connect(self._quit)
        self.window = window
        window.show_on_screen()
        self._tell_what_changed(window)
        self.idle.start()
        emit(self.window_shown, window)
        # a database server's store (PostgreSQL) is backed up by pg_dump, not as a SQLite file
        if not self._auto_backup_done and is_sqlite(self.db.engine):
            self._auto_backup_done = True
            run_task(
                _auto_backup,
                self.db,
                self.data_dir,
                write=LONG_WRITE,
                on_done=self._auto_backup_made,
                on_error=lambda exc: log.warning("automatic backup failed: %s", exc),
                receiver=self,
            )

        if not self._quick_check_done:
            # Once the person can work: the check loads the feature models and
            # reads the ledger, which would otherwise compete with the first paint.
            # The timer belongs to the window, so signing out first cancels it.
            timer = QTimer(window)
            timer.setSingleShot(True)
            timer.timeout.connect(self._start_quick_check)
            timer.start(QUICK_CHECK_DELAY_MS)

    def _tell_what_changed(self, window: MainWindow) -> None:
        """Once per version: after an upgrade, the first main window says what changed.
        Recorded only once shown, so quitting at the sign-in does not lose it."""
        last = self.settings.get(LAST_VERSION)
        if last == __version__:
            return
        line = upgrade_line(last, __version__, current_language())
        if line:
            log.info("upgraded from %s to %s", last, __version__)
            window.show_notice(line)
        self.settings.set(LAST_VERSION, __version__)
        self.settings.sync()

    def _start_quick_check(self) -> None:
        if self._quick_check_done:
            return
        self._quick_check_done = True
        run_task(
            _quick_check,
            self.db,
            on_done=self._quick_checked,
            on_error=lambda exc: log.warning("start-up check failed: %s", exc),
            receiver=self,
        )

    def _quick_checked(self, results: list[CheckResult]) -> None:
        """A sample of balances disagreed with the ledger: tell the operator, keep working."""
        self.quick_check_results = results
        wrong = [r for r in results if not r.ok]
        for result in wrong:
            log.warning("start-up check %s: %s", result.name, "; ".join(result.problems))
        if wrong and self.window is not None:
            QMessageBox.warning(
                self.window,
                self.tr("Data check"),
                self.tr(
                    "The start-up check found cached figures that differ from their ledgers:\n"
                    "{what}\n\nNothing was changed. Please run the full check "
                    "(Settings → Audit log) and tell the township."
                ).format(what="\n".join(f"{r.title}: {'; '.join(r.problems)}" for r in wrong)),
            )

    def _auto_backup_made(self, info: BackupInfo | None) -> None:
        if info is not None:
            log.info("automatic backup %s", info.path.name)
            emit(self.events.backup_made, info)

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.close_for_sign_out()
            self.window.deleteLater()
            self.window = None

    def sign_out(self, message: str = "") -> None:
        self.idle.stop()
        self._close_window()
        self.actor = None
        self.show_login(message)

    def _quit(self) -> None:
        self.idle.stop()
        emit(self.quit_requested)

    # --- lock screen ----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def lock(self) -> None:
        if self.window is None or self.actor is None or self.locked:
            return
        self.idle.stop()
        # Hide every window of the session (dialogs included), not only the main one.
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        station = self.window.station_label.text()
        screen = LockScreen(self.db, self.actor, station)
        screen.unlocked.connect(self._unlocked)
        self.lock_screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()

    def _unlocked(self, actor: Actor) -> None:
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None:
            screen.deleteLater()
        hidden, self._hidden = self._hidden, []
        if self.actor is not None and actor.operator_id != self.actor.operator_id:
            log.info(
                "administrator %s took over the session of %s", actor.username, self.actor.username
            )
            self.enter(actor)  # the other operator's open dialogs close with their window
            return
        for widget in hidden:
            widget.show()
        if self.window is not None:
            self.window.activateWindow()
        self.idle.start()

    # --- restore ------------------------------------------------------------------------

    def _database_replaced(self, info: BackupInfo) -> None:
        self.db.dispose()
        self.db.forget_station()
        run_task(station_mode, self.db, on_done=self._mode_read, receiver=self)
        self.sign_out(
            self.tr("The backup taken on {when} was restored. Please sign in again.").format(
                when=format_local(info.created_at)
            )
        )

    def _mode_read(self, mode: str) -> None:
        self.mode = mode

    def abandon(self) -> None:
        """Start-up found the file damaged while the sign-in (or more) was already
        shown: close every window without asking to quit — the restore offer follows."""
        self.idle.stop()
        self.idle.uninstall()
        for widget in (self.login, self.wizard, self.lock_screen):
            if widget is not None:
                widget.blockSignals(True)  # no "rejected" -> quit
                widget.close()
                widget.deleteLater()
        self.login = self.wizard = self.lock_screen = None
        self._close_window()
        self.actor = None

    def shutdown(self) -> None:
        self.idle.uninstall()
        if self.window is not None:
            self.window.save_geometry()
        self.settings.sync()
