"""签到机 — the full-screen sign-in kiosk for one activity.

Opened by an operator from the activities page and **locked** to that
activity: there is no way to switch activity, and closing the window asks for
the operator's password (checked off the GUI thread with
``auth.verify_password``).  While the kiosk is open the idle lock is paused
(``AppEvents.idle_lock_changed``), because a quiet kiosk must not hide itself;
it is restored when the kiosk closes.

**Scanning.**  One big :class:`~app.views.scan_field.ScanLineEdit` (input
method off, burst timing) keeps the focus — it takes it back after any click —
except while the manual search is open.  A scan goes to ``kiosk.scan`` through
``run_task`` with ``now=datetime.now()`` taken at the scan and the card key
(read once, off-thread, when the kiosk opens; scans made before it arrives
wait for it).  The result card turns green, amber or red with large text and
a sound, then the kiosk goes back to idle after :data:`RESULT_MS`.  Every
scan, refused ones included, is one scan event (the service's rule); a repeat
within the duplicate window shows the earlier result and writes nothing.

Keys typed slowly are a person, not a scanner: the text stays in the field
with a hint; Enter again uses it (a payload is then taken as a scan, anything
else opens the manual search with it).

**Modes** 签到 / 签退 / 自动 are three big toggle buttons.  The manual search
(a volunteer without a card) uses ``kiosk.manual_scan`` under the same rules.
The recent scans list shows annulled scans struck through; "Annul…" asks for a
reason and calls ``kiosk.annul_scan``.  Live counts (signed in / present /
户次) come from ``kiosk.live_counts`` after each result (debounced).

**Sound** uses ``QSoundEffect`` with three small WAV files generated into the
data folder's ``sounds/`` on first use; QtMultimedia is imported only then.
Without audio (no device, no backend) the kiosk is silent and works the same.

**Camera**: :mod:`app.views.kiosk.camera` (optional, degrades to a clear
"no camera" state).
"""

from __future__ import annotations

import contextlib
import math
import struct
import time
import wave
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP, hours_text
from app.services import auth, volunteers
from app.services.activities import ActivityView
from app.services.cards import looks_like_payload, normalize_scan
from app.services.text_input import MAX_SEARCH_CHARS
from app.services.volunteers import VolunteerHit, kiosk
from app.services.volunteers.kiosk import LiveCounts, ScanResult, ScanRow
from app.settings import IDLE_LOCK_MINUTES
from app.views.kiosk.camera import CameraScanner
from app.views.pages import PageContext
from app.views.points.entries import ask_reason
from app.views.points.options import points_settings
from app.views.qtfix import emit
from app.views.scan_field import ScanLineEdit
from app.views.screen import fit_window, show_full_screen
from app.views.table_models import (
    GREEN,
    GREY,
    RED,
    RowsModel,
    selected_rows,
    table_view,
    with_placeholder,
)
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text

RESULT_MS = 4000  # the result card stays this long, then back to idle
REFRESH_MS = 300  # counts and the recent list refresh this long after the last result
RECENT = 30

CARD_STYLE = {
    "idle": ("#eef2f7", "#1f2933"),
    "green": ("#1e8e3e", "#ffffff"),
    "amber": ("#f9ab00", "#1f1f1f"),
    "red": ("#d93025", "#ffffff"),
}
CAMERA_STATES = {
    "no_camera": QT_TRANSLATE_NOOP(
        "KioskWindow", "No camera found. Scan with the scanner or search by name."
    ),
    "no_decoder": QT_TRANSLATE_NOOP(
        "KioskWindow", "Reading codes with the camera is not installed. Use the scanner."
    ),
    "error": QT_TRANSLATE_NOOP("KioskWindow", "The camera could not be started."),
    "running": QT_TRANSLATE_NOOP(
        "KioskWindow", "Camera on: hold the card's QR code in front of it."
    ),
    "off": "",
}


def load_card_key(data_dir: Any) -> bytes:
    """Worker: the station's card key (read once per kiosk)."""
    from app.services.keys import card_key

    return card_key(data_dir.keys)


# --- sound -------------------------------------------------------------------------------


def _tone_wav(path: Path, notes: list[tuple[float, float]], rate: int = 22050) -> None:
    """A short 16-bit mono WAV of (frequency Hz, seconds) notes; 0 Hz is a pause."""
    frames = bytearray()
    for freq, seconds in notes:
        n = int(rate * seconds)
        for i in range(n):
            # a soft attack/decay so the notes do not click
            envelope = min(1.0, i / (rate * 0.01), (n - i) / (rate * 0.02))
            value = math.sin(2 * math.pi * freq * i / rate) * 0.45 * envelope if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    tmp = path.with_suffix(".part")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    tmp.replace(path)


SOUNDS = {
    "green": [(880.0, 0.09), (1318.5, 0.14)],
    "amber": [(660.0, 0.18), (0.0, 0.05), (660.0, 0.18)],
    "red": [(220.0, 0.22), (0.0, 0.06), (196.0, 0.3)],
}


class KioskSounds:
    """Three short sounds; silent when audio is not available (see the module docstring)."""

    def __init__(self, folder: Path, parent: Any = None, *, enabled: bool = True) -> None:
        self.folder = folder
        self.parent = parent
        self.enabled = enabled
        self.prepared = False
        self.effects: dict[str, Any] = {}
        self.played: list[str] = []  # what was asked to play (tests look)

    def prepare(self) -> None:
        if self.prepared or not self.enabled:
            return
        self.prepared = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, notes in SOUNDS.items():
                path = self.folder / f"kiosk_{name}.wav"
                if not path.is_file():
                    _tone_wav(path, notes)
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            for name in SOUNDS:
                effect = QSoundEffect(self.parent)
                effect.setSource(QUrl.fromLocalFile(str(self.folder / f"kiosk_{name}.wav")))
                effect.setVolume(0.8)
                self.effects[name] = effect
        except Exception:  # no audio: the kiosk works silently
            self.effects.clear()

    def play(self, status: str) -> None:
        if not self.enabled:
            return
        self.prepare()
        self.played.append(status)
        effect = self.effects.get(status)
        if effect is None:
            return
        with contextlib.suppress(Exception):
            effect.play()


# --- models and dialogs ----------------------------------------------------------------------


class RecentModel(RowsModel):
    TIME, NAME, RESULT = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Name"), self.tr("Result"))

    def cell(self, row: ScanRow, column: int) -> str:
        if column == self.TIME:
            return row.scanned_at.strftime("%H:%M:%S")
        if column == self.NAME:
            return row.person_name
        text = row.text
        if row.annulled:
            text = self.tr("[annulled] {text}").format(text=text)
        return text

    def foreground(self, row: ScanRow, column: int) -> QColor | None:
        if row.annulled:
            return GREY
        return {"green": GREEN, "red": RED, "amber": QColor("#9a6700")}.get(row.status)


class HitsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Name"), self.tr("Group"))

    def cell(self, row: VolunteerHit, column: int) -> str:
        return (row.number, row.name, row.group_name)[column]


class UnlockDialog(QDialog):
    """The operator's password, to close the kiosk (checked off the GUI thread)."""

    def __init__(self, db: Database, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_unlock")
        self.setWindowTitle(self.tr("Close the kiosk"))
        self.db = db
        self.actor = actor
        self.password = QLineEdit()
        self.password.setObjectName("kiosk_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = MessageLabel()
        self.message.setObjectName("kiosk_unlock_message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Only {name} can close the kiosk. Password:").format(
                    name=actor.display_name
                )
            )
        )
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def check(self) -> None:
        self.buttons.setEnabled(False)
        run_task(
            auth.verify_password,
            self.db,
            self.actor,
            self.password.text(),
            write=True,
            on_done=self._checked,
            on_error=self._failed,
            receiver=self,
        )

    def _checked(self, ok: bool) -> None:
        self.buttons.setEnabled(True)
        if ok:
            self.accept()
        else:
            self.password.clear()
            self.message.show_error(self.tr("Wrong password."))

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.show_error(error_text(exc))


# --- the kiosk ------------------------------------------------------------------------------------


def _font(widget: QWidget, size: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(size)
    font.setBold(bold)
    widget.setFont(font)


class KioskWindow(QWidget):
    """The sign-in kiosk of one activity; see the module docstring."""

    result_shown = Signal(object)  # ScanResult, after the card shows it
    counts_changed = Signal(object)  # LiveCounts
    closed = Signal()

    def __init__(
        self,
        ctx: PageContext,
        activity: ActivityView,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] | None = None,
        now: Callable[[], datetime] = datetime.now,
        sounds: bool = True,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.ctx = ctx
        self.activity = activity
        self.now = now  # the wall clock each scan is stamped with (tests move it)
        self.card_key: bytes | None = None
        self.mode = "auto"
        self.points = points_settings(ctx.db)
        self.queue: list[str] = []
        self.may_close = False
        self.unlock_dialog: UnlockDialog | None = None
        self.counts: LiveCounts | None = None
        self.last_result: ScanResult | None = None
        self.scan_started: dict[int, float] = {}
        self.latencies_ms: list[float] = []
        self._serial = 0
        self._typed: str | None = None
        self._shown_at = 0.0
        self.sounds = KioskSounds(ctx.data_dir.root / "sounds", self, enabled=sounds)
        self.camera = CameraScanner(self)
        self.setWindowTitle(self.tr("Sign-in kiosk — {title}").format(title=activity.title))

        # header
        self.title = QLabel(activity.title)
        self.title.setObjectName("kiosk_title")
        _font(self.title, 22, True)
        self.title.setWordWrap(True)
        when = f"{activity.starts_at:%Y-%m-%d %H:%M}–{activity.ends_at:%H:%M}"
        self.subtitle = QLabel(" · ".join(p for p in (when, activity.place) if p))
        self.subtitle.setObjectName("kiosk_subtitle")
        _font(self.subtitle, 13)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("kiosk_clock")
        _font(self.clock_label, 20, True)
        self.close_button = QPushButton(self.tr("Close kiosk…"))
        self.close_button.setObjectName("kiosk_close")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close)

        # modes
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        self.mode_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("in", self.tr("签到 Sign in")),
            ("out", self.tr("签退 Sign out")),
            ("auto", self.tr("自动 Auto")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"kiosk_mode_{key}")
            button.setCheckable(True)
            button.setMinimumHeight(56)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            _font(button, 16, True)
            button.setStyleSheet(
                "QPushButton { border: 2px solid #9aa5b1; border-radius: 8px;"
                " background: #ffffff; padding: 6px 18px; }"
                "QPushButton:checked { background: #1a73e8; color: white;"
                " border-color: #1a73e8; }"
            )
            button.clicked.connect(lambda _c=False, k=key: self.set_mode(k))
            self.mode_group.addButton(button)
            self.mode_buttons[key] = button
        self.mode_buttons["auto"].setChecked(True)

        # scan field
        self.scan = ScanLineEdit(clock=clock)
        self.scan.setObjectName("kiosk_scan")
        self.scan.setPlaceholderText(self.tr("Scan a card…"))
        self.scan.setMinimumHeight(52)
        _font(self.scan, 18)
        self.scan.set_keep_focus(True)
        self.scan.scanned.connect(self.on_scanned)
        self.scan.typed_enter.connect(self.on_typed)
        self.scan.escape_pressed.connect(self.back_to_idle)
        self.hint = MessageLabel()
        self.hint.setObjectName("kiosk_hint")
        _font(self.hint, 13)

        # result card
        self.card = QFrame()
        self.card.setObjectName("kiosk_result")
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.card.setMinimumHeight(260)
        self.headline = QLabel()
        self.headline.setObjectName("kiosk_headline")
        _font(self.headline, 26, True)
        self.person = QLabel()
        self.person.setObjectName("kiosk_person")
        _font(self.person, 44, True)
        self.result_text = QLabel()
        self.result_text.setObjectName("kiosk_result_text")
        _font(self.result_text, 20)
        self.result_detail = QLabel()
        self.result_detail.setObjectName("kiosk_result_detail")
        _font(self.result_detail, 14)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(32, 24, 32, 24)
        for label in (self.headline, self.person, self.result_text, self.result_detail):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card_layout.addWidget(label)

        # counts, recent scans, manual search, camera
        self.counts_label = QLabel()
        self.counts_label.setObjectName("kiosk_counts")
        _font(self.counts_label, 18, True)
        self.counts_label.setWordWrap(True)
        self.recent = RecentModel(self)
        # The result is a sentence (longer in English): it wraps in its column, and
        # the time and the name take what they need.
        self.recent_view = table_view(self.recent, "kiosk_recent", compact=False)
        recent_header = self.recent_view.horizontalHeader()
        for column in (RecentModel.TIME, RecentModel.NAME):
            recent_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        recent_header.setSectionResizeMode(RecentModel.RESULT, QHeaderView.ResizeMode.Stretch)
        self.recent_view.setWordWrap(True)
        self.recent_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.annul_button = QPushButton(self.tr("Annul selected scan…"))
        self.annul_button.setObjectName("kiosk_annul")
        self.annul_button.clicked.connect(self.annul_selected)
        self.manual_button = QPushButton(self.tr("Search by name…"))
        self.manual_button.setObjectName("kiosk_manual")
        self.manual_button.clicked.connect(lambda: self.open_manual(""))
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setObjectName("kiosk_camera")
        self.camera_button.setCheckable(True)
        self.camera_button.clicked.connect(self.toggle_camera)
        self.camera_state = QLabel()
        self.camera_state.setObjectName("kiosk_camera_state")
        self.camera_state.setWordWrap(True)
        self.camera_state.hide()
        self.camera_preview = QLabel()
        self.camera_preview.setObjectName("kiosk_camera_preview")
        self.camera_preview.setFixedSize(240, 180)
        self.camera_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_preview.hide()
        self.camera.state_changed.connect(self._camera_state)
        self.camera.decoded.connect(self.on_camera_code)
        self.camera.frame_ready.connect(self._camera_frame)

        self.manual_panel = QFrame()
        self.manual_panel.setObjectName("kiosk_manual_panel")
        self.manual_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.manual_search = QLineEdit()
        self.manual_search.setMaxLength(MAX_SEARCH_CHARS)
        self.manual_search.setObjectName("kiosk_manual_search")
        self.manual_search.setPlaceholderText(
            self.tr("Name, initials or volunteer No., then Enter")
        )
        self.manual_search.returnPressed.connect(self.search_manual)
        self.hits = HitsModel(self)
        self.hits_view = table_view(self.hits, "kiosk_hits")
        self.hits_view.setMaximumHeight(180)
        self.manual_go = QPushButton(self.tr("Use this volunteer"))
        self.manual_go.setObjectName("kiosk_manual_go")
        self.manual_go.clicked.connect(self.submit_manual)
        self.manual_cancel = QPushButton(self.tr("Close search"))
        self.manual_cancel.setObjectName("kiosk_manual_cancel")
        self.manual_cancel.clicked.connect(self.close_manual)
        self.manual_message = MessageLabel()
        manual_layout = QVBoxLayout(self.manual_panel)
        manual_layout.addWidget(QLabel(self.tr("Volunteer without a card:")))
        manual_layout.addWidget(self.manual_search)
        manual_layout.addWidget(self.hits_view)
        manual_layout.addWidget(self.manual_message)
        manual_row = QHBoxLayout()
        manual_row.addWidget(self.manual_go)
        manual_row.addWidget(self.manual_cancel)
        manual_layout.addLayout(manual_row)
        self.manual_panel.hide()

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.clock_label)
        header.addSpacing(16)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        modes = QHBoxLayout()
        for key in ("in", "out", "auto"):
            modes.addWidget(self.mode_buttons[key], 1)
        left = QVBoxLayout()
        left.addLayout(modes)
        left.addWidget(self.scan)
        left.addWidget(self.hint)
        left.addWidget(self.card, 1)
        right = QVBoxLayout()
        right.addWidget(self.counts_label)
        right.addWidget(QLabel(self.tr("Recent scans:")))
        right.addWidget(with_placeholder(self.recent_view, self.tr("No scans yet.")), 1)
        right.addWidget(self.annul_button)
        right.addWidget(self.manual_panel)
        tools = QHBoxLayout()
        tools.addWidget(self.manual_button)
        tools.addWidget(self.camera_button)
        right.addLayout(tools)
        right.addWidget(self.camera_state)
        right.addWidget(self.camera_preview, 0, Qt.AlignmentFlag.AlignHCenter)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(RESULT_MS)
        self.idle_timer.timeout.connect(self.back_to_idle)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self._tick()
        self.back_to_idle()
        fit_window(self, 1280, 800)

    # --- opening and closing ----------------------------------------------------------------

    def start(self, *, fullscreen: bool = True) -> None:
        """Show the kiosk (full screen in use), pause the idle lock, load the card key."""
        emit(self.ctx.events.idle_lock_changed, 0)
        if fullscreen:
            show_full_screen(self)
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tick.start()
        run_task(
            load_card_key,
            self.ctx.data_dir,
            on_done=self._key_loaded,
            on_error=self._fatal,
            receiver=self,
        )
        self.refresh()
        QTimer.singleShot(0, self.sounds.prepare)

    def _key_loaded(self, key: bytes) -> None:
        self.card_key = key
        queued, self.queue = self.queue, []
        for payload in queued:
            self.submit(payload)

    def _fatal(self, exc: BaseException) -> None:
        self.show_card("red", self.tr("The kiosk cannot read cards"), "", error_text(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close:
            event.ignore()
            self.ask_unlock()
            return
        self.camera.stop()
        for timer in (self.idle_timer, self.refresh_timer, self.tick):
            timer.stop()
        emit(self.ctx.events.idle_lock_changed, int(self.ctx.settings.get(IDLE_LOCK_MINUTES)))
        emit(self.closed)
        super().closeEvent(event)

    def ask_unlock(self) -> None:
        if self.unlock_dialog is not None:
            return
        dialog = UnlockDialog(self.ctx.db, self.ctx.actor, self)
        self.unlock_dialog = dialog

        def finished(result: int) -> None:
            self.unlock_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.may_close = True
                self.close()
            else:
                self.scan.reclaim_focus()

        dialog.finished.connect(finished)
        dialog.open()
        dialog.password.setFocus()

    # --- modes -------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        if mode not in kiosk.MODES:
            return
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.scan.reclaim_focus()

    # --- scanning ---------------------------------------------------------------------------

    def on_scanned(self, code: str) -> None:
        self._typed = None
        self.hint.clear_message()
        self.submit(code)

    def on_typed(self, text: str) -> None:
        """Enter after slow keys: a person typed; see the module docstring."""
        text = text.strip()
        if not text:
            self._typed = None
            self.hint.clear_message()
            return
        if self._typed == text:
            self._typed = None
            self.hint.clear_message()
            self.scan.clear_input()
            if looks_like_payload(text):
                self.submit(normalize_scan(text))
            else:
                self.open_manual(text)
            return
        self._typed = text
        self.hint.show_info(
            self.tr(
                "That was typed, not scanned. Press Enter again to use it, "
                "or use “Search by name…”."
            )
        )

    def on_camera_code(self, code: str) -> None:
        self.submit(normalize_scan(code) if looks_like_payload(code) else code)

    def submit(self, payload: str) -> None:
        """One scan to the service (queued until the card key is loaded)."""
        if self.card_key is None:
            self.queue.append(payload)
            return
        self._serial += 1
        serial = self._serial
        self.scan_started[serial] = time.perf_counter()
        run_task(
            kiosk.scan,
            self.ctx.db,
            self.ctx.actor,
            self.card_key,
            self.activity.id,
            payload,
            self.mode,
            self.now(),
            write=True,
            points_settings=self.points,
            on_done=lambda r: self.show_result(r, serial),
            on_error=lambda e: self.show_error(e, serial),
            receiver=self,
        )

    # --- the result card --------------------------------------------------------------------

    def show_card(
        self, status: str, headline: str, person: str, text: str, detail: str = ""
    ) -> None:
        background, foreground = CARD_STYLE.get(status, CARD_STYLE["idle"])
        self.card.setProperty("status", status)
        self.card.setStyleSheet(
            f"QFrame#kiosk_result {{ background: {background}; border-radius: 14px; }}"
            f"QFrame#kiosk_result QLabel {{ color: {foreground}; background: transparent; }}"
        )
        self.headline.setText(headline)
        self.person.setText(person)
        self.person.setVisible(bool(person))
        self.result_text.setText(text)
        self.result_detail.setText(detail)
        self.result_detail.setVisible(bool(detail))

    @property
    def status(self) -> str:
        return str(self.card.property("status") or "idle")

    def _headline(self, result: ScanResult) -> str:
        if result.status == "red":
            return self.tr("Not accepted")
        if result.action == "sign_in":
            return self.tr("Signed in")
        if result.action == "sign_out":
            return self.tr("Signed out")
        if result.action == "household":
            return self.tr("Participation recorded")
        if result.action == "annul":
            return self.tr("Scan annulled")
        return self.tr("Please check")

    def show_result(self, result: ScanResult, serial: int = 0) -> None:
        self.last_result = result
        detail = ""
        if result.action == "sign_out" and result.status == "green":
            detail = self.tr("Today {today} h · approved in all {total} h").format(
                today=hours_text(result.activity_minutes), total=hours_text(result.total_minutes)
            )
        if result.duplicate:
            detail = self.tr("Same card again within a few seconds: nothing new was recorded.")
        self.show_card(
            result.status, self._headline(result), result.person_name, result.text, detail
        )
        self.sounds.play(result.status)
        self._after_result(serial)
        emit(self.result_shown, result)

    def show_error(self, exc: BaseException, serial: int = 0) -> None:
        self.show_card("red", self.tr("Not accepted"), "", error_text(exc))
        self.sounds.play("red")
        self._after_result(serial)

    def _after_result(self, serial: int) -> None:
        started = self.scan_started.pop(serial, None)
        if started is not None:
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
        self.idle_timer.start()
        self.refresh_timer.start()
        self.scan.reclaim_focus()

    def back_to_idle(self) -> None:
        self.idle_timer.stop()
        self.show_card(
            "idle",
            self.tr("Please scan your card"),
            "",
            {
                "in": self.tr("Mode: sign in"),
                "out": self.tr("Mode: sign out"),
                "auto": self.tr("Mode: automatic (first scan signs in, the next signs out)"),
            }[self.mode],
        )
        self.scan.reclaim_focus()

    def _tick(self) -> None:
        self.clock_label.setText(datetime.now().strftime("%H:%M"))

    # --- counts and the recent list ------------------------------------------------------------

    def refresh(self) -> None:
        run_task(
            kiosk.live_counts,
            self.ctx.db,
            self.activity.id,
            on_done=self._counts,
            receiver=self,
        )
        run_task(
            kiosk.recent_scans,
            self.ctx.db,
            self.activity.id,
            RECENT,
            on_done=self.recent.set_rows,
            receiver=self,
        )

    def _counts(self, counts: LiveCounts) -> None:
        self.counts = counts
        self.counts_label.setText(
            self.tr("Signed in: {signed}   Present: {present}   Households: {households}").format(
                signed=counts.signed_in, present=counts.present, households=counts.households
            )
        )
        emit(self.counts_changed, counts)

    def annul_selected(self) -> None:
        rows = selected_rows(self.recent_view)
        row: ScanRow | None = self.recent.row_at(rows[0]) if rows else None
        if row is None:
            self.hint.show_selection_hint(
                self.tr("Choose the mistaken scan in the list first."), self.recent_view
            )
            return
        if row.annulled or row.origin == "annul":
            self.hint.show_error(self.tr("This scan cannot be annulled."))
            return
        reason = ask_reason(
            self,
            self.tr("Annul a scan"),
            self.tr("Annul the scan of {name} at {time}? Give the reason:").format(
                name=row.person_name or "?", time=row.scanned_at.strftime("%H:%M")
            ),
        )
        if reason is None:
            self.scan.reclaim_focus()
            return
        run_task(
            kiosk.annul_scan,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            reason,
            self.now(),
            write=True,
            on_done=self.show_result,
            on_error=self.show_error,
            receiver=self,
        )

    # --- manual search ---------------------------------------------------------------------------

    def open_manual(self, text: str = "") -> None:
        self.scan.set_keep_focus(False)
        self.manual_panel.show()
        self.manual_message.clear_message()
        self.manual_search.setText(text)
        self.manual_search.setFocus()
        if text:
            self.search_manual()

    def close_manual(self) -> None:
        self.manual_panel.hide()
        self.hits.set_rows([])
        self.scan.set_keep_focus(True)
        self.scan.setFocus()

    def search_manual(self) -> None:
        text = self.manual_search.text().strip()
        if not text:
            return

        def found(hits: list[VolunteerHit]) -> None:
            self.hits.set_rows(hits)
            if hits:
                self.hits_view.selectRow(0)
                self.manual_message.clear_message()
            else:
                self.manual_message.show_error(self.tr("Nobody found."))

        run_task(
            volunteers.search_volunteers,
            self.ctx.db,
            text,
            20,
            key="kiosk.search",
            on_done=found,
            on_error=lambda e: self.manual_message.show_error(error_text(e)),
            receiver=self,
        )

    def submit_manual(self) -> None:
        rows = selected_rows(self.hits_view)
        hit: VolunteerHit | None = self.hits.row_at(rows[0]) if rows else None
        if hit is None:
            self.manual_message.show_selection_hint(
                self.tr("Choose the volunteer in the list."), self.hits_view
            )
            return
        self._serial += 1
        serial = self._serial
        self.scan_started[serial] = time.perf_counter()
        run_task(
            kiosk.manual_scan,
            self.ctx.db,
            self.ctx.actor,
            self.activity.id,
            hit.id,
            self.mode,
            self.now(),
            write=True,
            on_done=lambda r: self.show_result(r, serial),
            on_error=lambda e: self.show_error(e, serial),
            receiver=self,
        )
        self.close_manual()

    # --- camera ----------------------------------------------------------------------------------

    def toggle_camera(self, on: bool) -> None:
        if on:
            state = self.camera.start()
            self.camera_button.setChecked(state == "running")
        else:
            self.camera.stop()
            self._camera_state("off")
        self.scan.reclaim_focus()

    def _camera_state(self, state: str) -> None:
        source = CAMERA_STATES.get(state, "")
        text = self.tr(source) if source else ""
        if state == "error" and self.camera.error:
            text += f" ({self.camera.error})"
        self.camera_state.setText(text)
        self.camera_state.setProperty("state", state)
        self.camera_state.setVisible(bool(text))
        self.camera_preview.setVisible(state == "running")
        if state != "running":
            self.camera_button.setChecked(False)

    def _camera_frame(self, image: QImage) -> None:
        self.camera_preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.camera_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
