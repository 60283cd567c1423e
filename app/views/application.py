"""Starting the GUI: :func:`run_gui` is the desktop program's entry point.

Order of start-up, each step only when the previous one succeeded:

1. the data folder, the log file, the QApplication (names, Fusion style, the
   bundled CJK font, ``resources/style.qss``), translators for the
   ``LANGUAGE`` setting or ``--lang`` (:mod:`app.translations`: ours and Qt's
   own ``qtbase`` for standard buttons);
2. the single-instance lock — a second program on the same data folder is
   told so and exits with code 3;
3. an excepthook that logs an unhandled exception, shows it, and keeps the
   program running; garbage collection moved to the GUI thread
   (:mod:`app.views.qtfix`);
4. after the event loop starts (:class:`Startup`, every step on a worker
   thread): ``check_database`` (``PRAGMA quick_check``) on an existing file
   and, at the same time, a read of its schema version.  When the schema is
   current the sign-in appears at once, and every write waits for the check's
   verdict (:meth:`~app.db.Database.hold_writes`): seconds on a file of
   several GB.  A damaged file is never written: its windows close, and the
   person is offered the latest good backup (its date and station named) or a
   backup file of their choice, or to quit;
5. a schema that is not current is migrated only after the check passed, with
   a pre-migration backup; points settings an older version kept in
   ``settings.ini`` move into the database (once, on a worker); then the
   :class:`~app.views.session.Workbench` takes over (first-run wizard or
   sign-in, main window, the day's automatic backup).

``--db URL`` names the store instead of the data folder's ``station.db`` (the
keys, settings, logs and backups stay in the folder).  A SQLite URL's file
goes through steps 4–5 as the folder's own.  On a database server
(PostgreSQL: the hub's store) there is no ``PRAGMA quick_check`` and no SQLite
file backup to take, so step 4 is skipped and step 5 is the hub's own check
(:func:`~app.sync.hub.storage.open_township_store`: the schema at head, a
township's store, else refused in words); the server's backups are
``pg_dump``'s (README, "Running a hub").

Nothing heavy is imported here: reportlab, openpyxl, QtPdf and QtMultimedia
are loaded by the pages that use them.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app import APP_NAME, APP_ORG, __version__
from app.db import FAILED_ITS_CHECK, Database
from app.db.dialect import is_sqlite, store_name
from app.db.migrate import ensure_schema, is_current
from app.errors import IntegrityProblem
from app.paths import DataDir
from app.resources import resources_dir
from app.services.backup import (
    BackupInfo,
    check_database,
    latest_good_backup,
    make_backup,
)
from app.services.restore import restore_file_offline
from app.settings import LANGUAGE, Settings
from app.translations import install_translators
from app.views import test_probe
from app.views.fonts import install_application_font
from app.views.qtfix import GuiThreadGarbageCollector, emit
from app.views.session import Workbench
from app.views.tasks import default_runner, run_task
from app.views.widgets import error_text, format_local

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ALREADY_RUNNING = 3


def apply_stylesheet(app: QApplication) -> None:
    qss = resources_dir() / "style.qss"
    if qss.is_file():
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(qss.read_text(encoding="utf-8").replace("url(icons/", f"url({icons}/"))


def apply_window_icon(app: QApplication) -> None:
    """Every window's icon (title bar, taskbar, Alt+Tab): the drawing of scripts/make_icons.py."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("app-*.png")):
        icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with names, style and font (no translators)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(QApplication.translate("Application", "Station Workbench"))
    app.setStyle("Fusion")
    install_application_font(app)
    apply_stylesheet(app)
    apply_window_icon(app)
    return app


class _ExceptHook:
    """Log an unhandled exception, tell the person, keep running."""

    def __init__(self, data_dir: DataDir) -> None:
        self.data_dir = data_dir
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error_text(exc))
            box.setWindowTitle(QApplication.translate("Application", "Unexpected error"))
            box.setInformativeText(
                QApplication.translate(
                    "Application",
                    "The program keeps running. If this happens again, send the log file "
                    "from {folder} to your township.",
                ).format(folder=str(self.data_dir.logs))
            )
            box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
            box.exec()
        finally:
            self._showing = False


def show_task_error(exc: BaseException) -> None:
    """The runner's handler for failures no view handled."""
    QMessageBox.warning(
        QApplication.activeWindow(),
        QApplication.translate("Application", "Station Workbench"),
        error_text(exc),
    )


def _open_and_migrate(db: Database, data_dir: DataDir) -> str:
    return ensure_schema(db.engine, backup=lambda kind: make_backup(db, data_dir.backups, kind))


_PENDING = "\0pending"  # Startup._verdict before the check has answered


def has_legacy_points_settings(settings: Settings) -> bool:
    """Whether settings.ini still holds points rules of an older version (no DB read)."""
    from app.views.points.options import LEGACY_POINTS_OPTIONS

    return any(settings.has(option) for option in LEGACY_POINTS_OPTIONS.values())


class Startup(QObject):
    """Steps 4–5 of the module docstring; emits :attr:`finished` with an exit
    code if the program must end before a session starts."""

    finished = Signal(int)
    ready = Signal(object)  # Workbench

    def __init__(
        self,
        data_dir: DataDir,
        settings: Settings,
        parent: QObject | None = None,
        *,
        db_url: str = "",
    ):
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.db_url = db_url
        # the SQLite file checked and migrated here (None: a database server's store)
        self.file: Path | None = data_dir.database
        if db_url:
            from app.sync.hub.storage import open_store

            probe = open_store(data_dir.root, db_url)  # parses the URL, connects to nothing
            self.file = probe.path if is_sqlite(probe.engine) else None
            probe.dispose()
        self.db: Database | None = None
        self.workbench: Workbench | None = None
        self._checking: Database | None = None  # the file while its check runs
        self._verdict: str | None = _PENDING  # None: the check passed; text: its problem
        self._migrate_when_checked = False

    def start(self) -> None:
        if self.file is None:
            # a database server's store: no PRAGMA quick_check, no SQLite file backup;
            # the hub's checks instead (schema at head, a township's store)
            from app.sync.hub.storage import open_township_store

            run_task(
                open_township_store,
                self.data_dir.root,
                self.db_url,
                write=True,
                on_done=self._store_opened,
                on_error=self._fatal,
                receiver=self,
            )
            return
        if not self.file.exists():
            self._open()
            return
        # The check and the schema's version are read at the same time, on workers.
        # A current schema needs no migration, so the sign-in appears at once and
        # the file's writes wait for the check's verdict (Database.hold_writes):
        # a damaged file is never written, and sign-in does not wait seconds for
        # PRAGMA quick_check on a file of several GB.
        db = Database(self.file)
        db.hold_writes()
        self._checking = db
        run_task(
            check_database,
            self.file,
            on_done=self._checked,
            on_error=self._fatal,
            receiver=self,
        )
        run_task(
            is_current,
            db.engine,
            on_done=self._schema_known,
            on_error=lambda _exc: self._schema_known(False),  # a damaged file: the check says
            receiver=self,
        )

    def _schema_known(self, current: bool) -> None:
        db = self._checking
        if db is None or self._verdict not in (_PENDING, None):
            return  # the check failed first
        if current:
            self.db = db
            self._migrated("current")
        elif self._verdict is None:
            self._migrate(db)
        else:
            self._migrate_when_checked = True  # migrations write: only a checked file

    def _checked(self, problem: str | None) -> None:
        db = self._checking
        assert db is not None
        self._verdict = problem
        if problem is None:
            db.allow_writes()
            if self._migrate_when_checked:
                self._migrate(db)
            return
        log.error("database check failed: %s", problem)
        db.refuse_writes(problem)
        if self.workbench is not None:  # the sign-in was shown while the check ran
            self.workbench.abandon()
            self.workbench.deleteLater()
            self.workbench = None
        self.db = None
        self._checking = None
        db.dispose()
        if self.file != self.data_dir.database:
            # a file named by --db: the backups and their restore are the data folder's
            self._fatal(IntegrityProblem(FAILED_ITS_CHECK, problem=problem))
            return
        run_task(
            latest_good_backup,
            self.data_dir,
            on_done=lambda found: self._offer_restore(problem, found),
            on_error=lambda _exc: self._offer_restore(problem, None),
            receiver=self,
        )

    def ask_restore(self, problem: str, backup: BackupInfo | None) -> Path | None:
        """Ask what to do with a damaged database; returns the backup to restore."""
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
        box.setWindowTitle(QApplication.translate("Application", "The station database is damaged"))
        box.setText(
            QApplication.translate(
                "Application",
                "The station database failed its check and was not opened, so nothing "
                "more can go wrong with it.\n\nProblem found: {problem}",
            ).format(problem=problem)
        )
        restore_latest = None
        if backup is not None:
            box.setInformativeText(
                QApplication.translate(
                    "Application",
                    "The latest good backup was taken on {when}, of {station} (code {code}). "
                    "Restoring it replaces the damaged file, which is kept beside it. "
                    "Work entered after the backup has to be entered again.",
                ).format(
                    when=format_local(backup.created_at),
                    station=backup.station_name,
                    code=backup.station_code,
                )
            )
            restore_latest = box.addButton(
                QApplication.translate("Application", "Restore this backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        else:
            box.setInformativeText(
                QApplication.translate(
                    "Application",
                    "No good backup was found on this PC. If you have one on a USB stick, "
                    "choose it; otherwise ask your township for help.",
                )
            )
        choose = box.addButton(
            QApplication.translate("Application", "Choose a backup file…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        quit_button = box.addButton(
            QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(restore_latest or quit_button)
        box.exec()
        clicked = box.clickedButton()
        if backup is not None and restore_latest is not None and clicked is restore_latest:
            return backup.path
        if clicked is choose:
            path, _ = QFileDialog.getOpenFileName(
                None,
                QApplication.translate("Application", "Choose the backup to restore"),
                str(Path.home()),
                QApplication.translate("Application", "Station backups (*.wbak);;All files (*)"),
            )
            return Path(path) if path else None
        return None

    def _offer_restore(self, problem: str, backup: BackupInfo | None) -> None:
        path = self.ask_restore(problem, backup)
        if path is None:
            emit(self.finished, EXIT_FAILED)
            return
        run_task(
            restore_file_offline,
            self.data_dir,
            path,
            write=True,
            on_done=lambda _r: self._open(),
            on_error=self._fatal,
            receiver=self,
        )

    def _open(self) -> None:
        """A new file, or one a restore just put in place: no check to wait for."""
        self._checking = None
        self._verdict = None
        assert self.file is not None
        self._migrate(Database(self.file))

    def _migrate(self, db: Database) -> None:
        self.db = db
        run_task(
            _open_and_migrate,
            self.db,
            self.data_dir,
            write=True,
            on_done=self._migrated,
            on_error=self._fatal,
            receiver=self,
        )

    def _store_opened(self, db: Database) -> None:
        self.db = db
        self._migrated("checked")

    def _migrated(self, what: str) -> None:
        assert self.db is not None
        log.info("database %s: %s", store_name(self.db.engine), what)
        if has_legacy_points_settings(self.settings):
            # once: points rules an older version kept in settings.ini (which backups do
            # not carry) become the database's station policy (a write: on a worker)
            from app.views.points.options import move_points_settings_to_database

            run_task(
                move_points_settings_to_database, self.db, self.settings, write=True, receiver=self
            )
        workbench = Workbench(self.db, self.data_dir, self.settings, self)
        workbench.quit_requested.connect(lambda: emit(self.finished, EXIT_OK))
        self.workbench = workbench
        emit(self.ready, workbench)
        workbench.start()

    def _fatal(self, exc: BaseException) -> None:
        log.error("start-up failed", exc_info=(type(exc), exc, exc.__traceback__))
        QMessageBox.critical(
            None,
            QApplication.translate("Application", "Station Workbench cannot start"),
            error_text(exc),
        )
        emit(self.finished, EXIT_FAILED)


def run_gui(
    data_dir: DataDir,
    argv: list[str],
    language: str | None = None,
    db_url: str = "",
    self_test: str = "",
) -> int:
    """Run the desktop program on *data_dir*; returns the process exit code.

    *language* (``--lang``) overrides the ``LANGUAGE`` setting for this run;
    *db_url* (``--db``) names the store instead of the folder's station.db;
    *self_test* (``--self-test USER``) signs in as that user with the password on
    standard input, checks the main window and quits (:mod:`app.views.self_test`).
    """
    from app.instance import acquire_instance_lock, lock_holder, take_over_instance_lock
    from app.logs import setup_logging

    data_dir.ensure()
    setup_logging(data_dir)
    app = create_application(argv)
    app.setQuitOnLastWindowClosed(False)
    settings = Settings(data_dir.settings_file)
    install_translators(app, language or settings.get(LANGUAGE))

    lock = acquire_instance_lock(data_dir)
    holder = lock_holder(data_dir) if lock is None else None
    if lock is None and holder is not None and not holder.on_this_computer:
        answer = QMessageBox.warning(
            None,
            QApplication.translate("Application", "Opened on another computer"),
            QApplication.translate(
                "Application",
                "This station's data folder is marked as open on another computer ({host}):\n"
                "{folder}\n\nIf Station Workbench is still running there, choose No and close "
                "it there first: two computers writing one database would damage it. If that "
                "computer is switched off, or this folder was copied from it, take it over.",
            ).format(host=holder.host, folder=str(data_dir.root)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            lock = take_over_instance_lock(data_dir)
    if lock is None:
        QMessageBox.critical(
            None,
            QApplication.translate("Application", "Station Workbench is already running"),
            QApplication.translate(
                "Application",
                "Station Workbench is already open for this station's data folder:\n{folder}\n\n"
                "Switch to the open window (look in the taskbar) instead of starting it again.",
            ).format(folder=str(data_dir.root)),
        )
        return EXIT_ALREADY_RUNNING

    collector = GuiThreadGarbageCollector(app)
    probe = test_probe.install(app)  # None unless an end-to-end test asks for it
    previous_hook = sys.excepthook
    sys.excepthook = _ExceptHook(data_dir)
    runner = default_runner()
    runner.error_handler = show_task_error
    try:
        startup = Startup(data_dir, settings, db_url=db_url)
    except Exception as exc:  # a URL that is not one (its driver missing, a typo)
        log.error("bad --db URL: %s", type(exc).__name__)
        lock.release()
        QMessageBox.critical(
            None,
            QApplication.translate("Application", "Station Workbench cannot start"),
            QApplication.translate(
                "Application", "The database address given with --db cannot be used: {error}"
            ).format(error=type(exc).__name__),
        )
        return EXIT_FAILED
    startup.finished.connect(app.exit)
    if self_test:
        from app.views.self_test import SelfTest, read_password

        tester = SelfTest(self_test, read_password(), startup)
        startup.ready.connect(tester.attach)
    QTimer.singleShot(0, startup.start)
    try:
        code = app.exec()
    finally:
        runner.cancel_all()
        runner.wait_for_threads()
        workbench = startup.workbench
        if workbench is not None:
            workbench.shutdown()
        settings.sync()
        if startup.db is not None:
            startup.db.dispose()
        lock.release()
        collector.stop()
        if probe is not None:
            probe.timer.stop()
        sys.excepthook = previous_hook
        log.info("Station Workbench ended with code %s", code)
    return int(code)
