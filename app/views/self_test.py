"""``main.py gui --self-test USER``: the installed program shows it works, headless.

For the township IT person after installing, for the installer test and for the
start-up benchmark (``QT_QPA_PLATFORM=offscreen`` where there is no screen).  It
is the real program: :func:`~app.views.application.run_gui`'s whole start-up
(data folder, font, translations, lock, database check and migration with a
backup), then the real sign-in dialog, filled with USER and the password read
from the first line of standard input and submitted (checked as a person's
sign-in is), then the main window.  It prints, one line each::

    Main window shown: <its title>
    Areas (zh_CN): 首页, 居民与家庭, …     the navigation as the person reads it
    Opened: 首页, …                        every area built and shown once
    Font: WenQuanYi Micro Hei
    Qt <version> on <platform>; image formats: jpeg, png, svg, …
    Modules: PySide6.QtPdf, …, zxingcpp   loaded (the lazily loaded ones)
    Multimedia: 11 formats                 QtMultimedia's backend (the webcam's) loads

The labels are English in every language, on purpose: scripts read these lines
(the installer test, the benchmark, an IT person's ``grep``); what they report
(the title, the areas) is in the language of the run.  It then quits: exit code
0 when everything worked; 1 with ``FAILED: …`` lines
when the sign-in, an area or a module failed, or the window did not appear
within :data:`DEADLINE_MS`.  Nothing is written but what a sign-in writes (the
audit entry, the day's automatic backup).
"""

from __future__ import annotations

import importlib
import logging
import sys
import traceback

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImageReader
from PySide6.QtWidgets import QApplication

from app.i18n import translate
from app.views.login import LoginDialog
from app.views.main_window import MainWindow
from app.views.session import Workbench

log = logging.getLogger(__name__)

DEADLINE_MS = 120_000
# loaded only by the pages that use them: present in every build, bundle included
MODULES = (
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtMultimedia",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "reportlab.pdfgen.canvas",
    "openpyxl",
    "zxingcpp",
)
IMAGE_FORMATS = ("jpeg", "png", "svg")


class SelfTest(QObject):
    """Signs in as *username* once the sign-in shows, then checks and quits."""

    def __init__(self, username: str, password: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.username = username
        self.password = password
        self.login: LoginDialog | None = None
        self.failures: list[str] = []
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._too_late)
        self.deadline.start(DEADLINE_MS)

    def attach(self, workbench: Workbench) -> None:
        workbench.login_shown.connect(self._sign_in)
        workbench.window_shown.connect(self._window_shown)

    def _sign_in(self, dialog: LoginDialog) -> None:
        self.login = dialog
        dialog.username.setText(self.username)
        dialog.password.setText(self.password)
        dialog.submit()

    def _too_late(self) -> None:
        why = self.login.message.text() if self.login is not None else ""
        self._fail(f"the main window did not appear. {why}".strip())
        self._quit()

    def _fail(self, text: str) -> None:
        self.failures.append(text)
        print(f"FAILED: {text}", flush=True)

    def _window_shown(self, window: MainWindow) -> None:
        self.deadline.stop()
        print(f"Main window shown: {window.windowTitle()}", flush=True)
        QTimer.singleShot(0, lambda: self._check(window))

    def _check(self, window: MainWindow) -> None:
        from app.i18n import join_list

        names = [translate("Pages", spec.title) for spec in window.specs]
        language = QLocale().name()
        print(
            f"Areas ({language}): {join_list(names)}",
            flush=True,
        )
        opened = []
        for spec, name in zip(window.specs, names, strict=True):
            try:
                window.show_page(spec.key)
                QApplication.processEvents()
                opened.append(name)
            except Exception:
                log.exception("self-test: area %s failed", spec.key)
                self._fail(f"area {name}: {_last_error()}")
        print(f"Opened: {join_list(opened)}", flush=True)
        families = [f for f in QFontDatabase.families() if "WenQuanYi" in f]
        if families:
            print(f"Font: {families[0]}", flush=True)
        else:
            self._fail("the bundled font is not loaded")
        formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
        print(
            "Qt {version} on {platform}; image formats: {formats}".format(
                version=_qt_version(),
                platform=QGuiApplication.platformName(),
                formats=", ".join(formats),
            ),
            flush=True,
        )
        for wanted in IMAGE_FORMATS:
            if wanted not in formats:
                self._fail(f"no {wanted} image plugin")
        loaded = []
        for module in MODULES:
            try:
                importlib.import_module(module)
                loaded.append(module)
            except Exception:
                self._fail(f"module {module}: {_last_error()}")
        print("Modules: {names}".format(names=", ".join(loaded)), flush=True)
        self._check_camera_backend()
        self._quit()

    def _check_camera_backend(self) -> None:
        """The kiosk's webcam needs QtMultimedia's FFmpeg plugin: it decodes something."""
        try:
            from PySide6.QtMultimedia import QMediaFormat

            formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        except Exception:
            formats = []
        if formats:
            print(f"Multimedia: {len(formats)} formats", flush=True)
        else:
            self._fail("no multimedia backend (the webcam would not work)")

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.exit(1 if self.failures else 0)


def _qt_version() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return f"{qVersion()} (PySide6 {pyside_version})"


def _last_error() -> str:
    kind, exc, _tb = sys.exc_info()
    if exc is None:
        return ""
    return "".join(traceback.format_exception_only(kind, exc)).strip()


def read_password() -> str:
    """The password: the first line of standard input."""
    return sys.stdin.readline().rstrip("\r\n")
