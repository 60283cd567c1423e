"""主窗口 — the main window: navigation on the left, the areas on the right.

The areas come from :mod:`app.views.pages` (a later issue registers its page
there; this file is not edited).  Pages are built the first time they are
opened.  Keyboard: Up/Down in the navigation list, Ctrl+1…Ctrl+9 jump to an
area, Tab moves from the list into the page, Ctrl+L locks the screen, F1 opens the
user guide on the area shown (:mod:`app.views.help_window`).

**Where the keyboard goes when a page opens.**  A page may name the input that
should have the keyboard while it shows (``page.entry_widget()``, e.g. the
counter's scan field on the 积分超市 page, where a USB scanner types into
whatever has the focus).  Opened by Ctrl+1…9 or by a mouse click in the list,
such a page gets the focus in that input at once; pages without one leave it
in the list, as before.  Walking the list with Up/Down keeps the focus in the
list, so the arrows go on working — but a printable key arriving there while
such a page shows (the first key of a scan) is passed to the page's input,
which takes the focus, and Tab from the list goes straight to it.

The status bar shows the station, the signed-in operator with their role, the
last backup and the last sync, in local time.  On a database server's store
(``--db postgresql…``) the title and the status bar name it (``PostgreSQL ·
township@host``, never the password) instead of the last backup (pg_dump's).
Geometry and dock state are kept in the settings.

Above the pages, a notice line (:meth:`MainWindow.show_notice`, hidden until
used) says what changed at the first start after an upgrade
(:mod:`app.services.changelog`) until its button dismisses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.db.dialect import is_sqlite, store_name
from app.i18n import translate
from app.resources import resources_dir
from app.services.auth import ROLE_LABELS
from app.services.station import Overview
from app.services.station import overview as station_overview
from app.settings import WINDOW_GEOMETRY, WINDOW_STATE
from app.views import screen
from app.views.pages import PageContext, PageSpec, visible_pages
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, format_local, format_short, heading

if TYPE_CHECKING:
    from app.sync.upload import UploadState
    from app.views.help_window import HelpWindow
    from app.views.sync.uploader import Uploader


class PlaceholderPage(QWidget):
    """What an area that is not built yet shows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self.tr("This part is not built yet; it comes in a later version."))
        self.text.setObjectName("placeholder_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    sign_out_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.store = self.store_text()
        if self.store:
            self.setWindowTitle(self.tr("Station Workbench — {store}").format(store=self.store))
        else:
            self.setWindowTitle(self.tr("Station Workbench"))
        self.setMinimumSize(900, 600)
        self._leaving = False  # closing for sign-out, not quitting
        self.help_window: HelpWindow | None = None  # made on the first F1

        self.specs: list[PageSpec] = visible_pages(ctx.actor, ctx.mode)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(210)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self._built: dict[str, QWidget] = {}
        for spec in self.specs:
            item = QListWidgetItem(translate("Pages", spec.title))
            icon_file = resources_dir() / "icons" / spec.icon if spec.icon else None
            if icon_file is not None and icon_file.is_file():
                item.setIcon(QIcon(str(icon_file)))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 46))  # a big, easy target for mouse and eye
            self.nav.addItem(item)
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        self.nav.currentRowChanged.connect(self._open_row)
        self.nav.itemClicked.connect(lambda _item: self.enter_page())
        self.nav.installEventFilter(self)

        # one line above the pages, hidden until there is news (after an upgrade)
        self.notice = MessageLabel()  # wraps in a narrow window: never widens it
        self.notice_close = QPushButton(self.tr("Dismiss"))
        self.notice_close.setObjectName("notice_close")
        self.notice_close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes list -> page
        self.notice_close.clicked.connect(self.hide_notice)
        self.notice_bar = QWidget()
        self.notice_bar.setObjectName("notice_bar")
        bar_layout = QHBoxLayout(self.notice_bar)
        bar_layout.setContentsMargins(8, 6, 8, 0)
        bar_layout.addWidget(self.notice, 1)
        bar_layout.addWidget(self.notice_close)
        self.notice_bar.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.notice_bar)
        right_layout.addWidget(self.stack, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.nav, self.stack)

        self._make_actions()
        self._make_status_bar()
        self.uploader: Uploader | None = None
        if ctx.mode == "station":  # the background upload to the township's hub
            from app.views.sync.uploader import Uploader as _Uploader

            self.uploader = _Uploader(ctx, self)
            self.uploader.state_changed.connect(self._show_upload)
            self.uploader.start()
        ctx.events.station_changed.connect(self.refresh_status)
        ctx.events.backup_made.connect(self.refresh_status)

        self._restore_geometry()
        self.nav.setCurrentRow(0)
        self.nav.setFocus()

    # --- pages ---------------------------------------------------------------------

    def _open_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        if spec.key not in self._built:
            title = translate("Pages", spec.title)
            page = spec.factory(self.ctx) if spec.factory else PlaceholderPage(title)
            page.setObjectName(f"page_{spec.key}")
            holder = self.stack.widget(row)
            holder_layout = holder.layout() if holder is not None else None
            assert holder_layout is not None
            holder_layout.addWidget(page)
            self._built[spec.key] = page
        self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> QWidget:
        """Open the area *key* (as if chosen in the list) and return its page."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                return self._built[key]
        raise KeyError(key)

    def current_key(self) -> str:
        return self.specs[self.nav.currentRow()].key

    def page(self, key: str) -> QWidget | None:
        return self._built.get(key)

    # --- menus ---------------------------------------------------------------------

    def _make_actions(self) -> None:
        station_menu = self.menuBar().addMenu(self.tr("&Station"))
        self.lock_action = QAction(self.tr("&Lock screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        station_menu.addAction(self.lock_action)
        station_menu.addAction(self.sign_out_action)
        station_menu.addSeparator()
        station_menu.addAction(self.quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for row, spec in enumerate(self.specs[:9]):
            action = QAction(translate("Pages", spec.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self._go(r))
            go_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&User guide"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(lambda _checked=False: self.show_help())
        help_menu.addAction(self.help_action)
        self.about_action = QAction(self.tr("&About Station Workbench"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _go(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.enter_page()

    def entry_widget(self) -> QWidget | None:
        """The input the current page wants the keyboard in, if it names one."""
        page = self._built.get(self.current_key())
        wanted = getattr(page, "entry_widget", None)
        widget = wanted() if callable(wanted) else None
        if isinstance(widget, QWidget) and widget.isVisible() and widget.isEnabled():
            return widget
        return None

    def enter_page(self) -> None:
        """Give the keyboard to the current page's input, or keep it in the list."""
        entry = self.entry_widget()
        if entry is not None:
            entry.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.nav and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            entry = self.entry_widget()
            if entry is not None and self._goes_to_the_page(event):
                entry.setFocus(Qt.FocusReason.OtherFocusReason)
                if event.key() != Qt.Key.Key_Tab:
                    forwarded = QKeyEvent(
                        event.type(),
                        event.key(),
                        event.modifiers(),
                        event.text(),
                        event.isAutoRepeat(),
                        event.count(),
                    )
                    QApplication.sendEvent(entry, forwarded)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _goes_to_the_page(event: QKeyEvent) -> bool:
        """Tab, or a key that types a character (not a shortcut, not an arrow)."""
        held = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if held != Qt.KeyboardModifier.NoModifier:
            return False
        if event.key() == Qt.Key.Key_Tab:
            return event.modifiers() == Qt.KeyboardModifier.NoModifier
        text = event.text()
        return bool(text) and text.isprintable()

    def about_text(self) -> str:
        return self.tr(
            "<h3>Station Workbench {version}</h3>"
            "<p>文明实践站工作台 — for the village 新时代文明实践站.</p>"
            "<p>Licensed under the GNU GPL, version 3 or later.</p>"
            "<p>Chinese text is shown with the bundled font WenQuanYi Micro Hei "
            "(文泉驿微米黑), © the WenQuanYi Project, licensed under the Apache License 2.0 "
            "or the GPL version 3 with the font exception.</p>"
        ).format(version=__version__)

    def show_help(self, topic: str | None = None) -> HelpWindow:
        """The guide, open on *topic* (default: the area on screen); one window, reused."""
        from app.views.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_topic(topic or self.current_key())
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Station Workbench"), self.about_text())

    def sign_out(self) -> None:
        self._leaving = True
        emit(self.sign_out_requested)

    # --- the notice line -------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """One line above the pages (what an upgrade changed), until dismissed; the
        whole text in its tooltip when the window is too narrow for it."""
        self.notice.show_info(text)
        self.notice.setToolTip(text)
        self.notice_bar.show()

    def hide_notice(self) -> None:
        self.notice.clear_message()
        self.notice_bar.hide()

    # --- status bar ----------------------------------------------------------------

    STORE_WIDTH = 360  # px: a long socket folder or host name is elided, whole in the tooltip

    def store_text(self) -> str:
        """The database server's store opened with ``--db`` (PostgreSQL), else ''."""
        return "" if is_sqlite(self.ctx.db.engine) else store_name(self.ctx.db.engine)

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("status_station")
        role = translate("roles", ROLE_LABELS[self.ctx.actor.role])
        self.operator_label = QLabel(
            self.tr("Operator: {name} ({role})").format(name=self.ctx.actor.display_name, role=role)
        )
        self.operator_label.setObjectName("status_operator")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("status_backup")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("status_sync")
        # shown once a hub URL is set: "待上传 N 条更改 · 上次确认 12-01 14:05"
        self.upload_label = QLabel()
        self.upload_label.setObjectName("status_upload")
        self.upload_label.hide()
        store = self.tr("Database: {store}").format(store=self.store)
        self.store_label = QLabel()
        self.store_label.setObjectName("status_store")
        self.store_label.setToolTip(store)
        self.store_label.setText(
            self.store_label.fontMetrics().elidedText(
                store, Qt.TextElideMode.ElideMiddle, self.STORE_WIDTH
            )
        )
        bar.addWidget(self.station_label, 1)
        for label in (
            self.store_label,
            self.operator_label,
            self.backup_label,
            self.sync_label,
            self.upload_label,
        ):
            bar.addPermanentWidget(label)
        self.store_label.setVisible(bool(self.store))
        self.backup_label.setVisible(not self.store)  # a server's backups are pg_dump's
        if self.ctx.mode != "station":  # a township's stations' syncs are on 站点 and 首页
            self.sync_label.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_status()

    def refresh_status(self) -> None:
        run_task(
            station_overview,
            self.ctx.db,
            on_done=self._show_status,
            on_error=lambda _exc: None,  # the home page reports problems
            receiver=self,
        )
        if self.ctx.mode == "station":
            from app.sync.upload import upload_state

            run_task(
                upload_state,
                self.ctx.db,
                on_done=self._show_upload,
                on_error=lambda _exc: None,
                receiver=self,
                key="status.upload",
            )

    def upload_text(self, state: UploadState) -> str:
        when = (
            format_short(state.last_ack_at) if state.last_ack_at is not None else self.tr("never")
        )
        return self.tr(
            "%n changes waiting to upload · last acknowledged {when}", "", state.pending
        ).format(when=when)

    def _show_upload(self, state: UploadState) -> None:  # station mode only
        # with a hub the upload's line stands for the last sync file's (and the bar fits)
        self.upload_label.setVisible(bool(state.hub_url))
        self.sync_label.setVisible(not state.hub_url)
        self.upload_label.setText(self.upload_text(state))

    def _show_status(self, overview: Overview) -> None:
        from app.services.backup import due_for_reminder

        self.station_label.setText(overview.station.name)
        backup = self.tr("Last backup: {when}").format(when=format_local(overview.last_backup))
        last = overview.last_backup.isoformat() if overview.last_backup else None
        self.backup_label.setProperty("kind", "warning" if due_for_reminder(last) else "")
        self.backup_label.style().unpolish(self.backup_label)
        self.backup_label.style().polish(self.backup_label)
        self.backup_label.setText(backup)
        self.sync_label.setText(
            self.tr("Last sync: {when}").format(when=format_local(overview.last_sync))
        )

    # --- geometry ------------------------------------------------------------------

    DEFAULT_SIZE = (1200, 780)

    def _restore_geometry(self) -> None:
        """The remembered geometry (clamped to this screen), else the default size —
        or maximised where the screen's available area is smaller than that."""
        self._maximise = False
        geometry = self.ctx.settings.get(WINDOW_GEOMETRY)
        if geometry and not geometry.isEmpty() and self.restoreGeometry(geometry):
            screen.clamp_to_screen(self)
        else:
            width, height = self.DEFAULT_SIZE
            most = screen.max_window_size(self)
            self._maximise = most.width() < width or most.height() < height
            screen.fit_window(self, width, height)
        state = self.ctx.settings.get(WINDOW_STATE)
        if state and not state.isEmpty():
            self.restoreState(state)

    def show_on_screen(self) -> None:
        """Show the window as :meth:`_restore_geometry` decided, inside the screen."""
        if self._maximise:
            screen.show_maximized(self)
            return
        self.show()
        screen.clamp_to_screen(self)

    def save_geometry(self) -> None:
        self.ctx.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(WINDOW_STATE, self.saveState())

    def close_for_sign_out(self) -> None:
        self._leaving = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.uploader is not None:
            self.uploader.stop()
        if self.help_window is not None:
            self.help_window.close()
        self.save_geometry()
        super().closeEvent(event)
        if not self._leaving:
            emit(self.quit_requested)
