"""Small building blocks shared by the views: inline messages, time display,
error text, the large labels of what is read out on the phone, and the station-facts form used by the wizard and the settings.

Messages are shown *inline*, next to what they are about, rather than in
pop-ups: a village worker should never have to dismiss a box to keep working.
The stylesheet colours them by the ``kind`` property (``error``, ``ok``,
``info``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from app.errors import DomainError
from app.models import StationMode
from app.services.station import StationInfo, validate_code
from app.views.grid_layout import FlowLayout
from app.views.qtfix import emit


class MessageLabel(QLabel):
    """An inline message: empty and hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def _say(self, kind: str, text: str) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            QTimer.singleShot(0, self._make_room)

    def _make_room(self) -> None:
        """A message that appears in a shown dialog grows the dialog instead of
        squeezing the fields above it (main windows are left alone)."""
        if not shiboken6.isValid(self):  # the dialog closed before the timer fired
            return
        window = self.window()
        layout = window.layout()
        if not isinstance(window, QDialog) or not window.isVisible() or layout is None:
            return
        width = window.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > window.height():
            from app.views.screen import clamp_to_screen

            window.resize(width, needed)
            clamp_to_screen(window)  # never past the screen's edge

    def show_error(self, text: str, *, until: SignalInstance | None = None) -> None:
        """Say *text*; with *until* (e.g. a view's ``selectionChanged``) the message goes
        away when that signal fires — "choose a row first" must not outlive the choice."""
        self._say("error", text)
        if until is not None:
            self._clear_on(until, text)

    def show_selection_hint(self, text: str, view: QAbstractItemView) -> None:
        """An error asking to choose rows in *view*; cleared when its selection changes."""
        self.show_error(text, until=view.selectionModel().selectionChanged)

    def _clear_on(self, signal: SignalInstance, text: str) -> None:
        def clear(*_args: object) -> None:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(clear)
            if shiboken6.isValid(self) and self.text() == text:
                self.clear_message()

        signal.connect(clear)

    def show_ok(self, text: str) -> None:
        self._say("ok", text)

    def show_info(self, text: str) -> None:
        self._say("info", text)

    def clear_message(self) -> None:
        self._say("info", "")

    @property
    def kind(self) -> str:
        return str(self.property("kind") or "")


def scrollable(widget: QWidget) -> QScrollArea:
    """*widget* in a frameless scroll area: a panel taller than a 768 px screen
    scrolls instead of pushing its buttons out of sight."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'panel'}_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("heading")
    return label


def read_out_label(name: str, text: str = "…") -> QLabel:
    """A large fixed-width label for what one person reads out to another on the
    phone: a key's fingerprint, a temporary password.  Twice the normal size and
    bold (each group of four easy to compare), selectable, wrapping in a narrow
    window."""
    label = QLabel(text)
    label.setObjectName(name)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_text(exc: BaseException) -> str:
    """What to tell the user about *exc*: a domain error's own sentence, else a
    plain apology that points to the log (the details are logged by the runner)."""
    if isinstance(exc, DomainError):
        return str(exc)
    return QCoreApplication.translate(
        "Common",
        "Something went wrong ({error}). Nothing was changed. "
        "The details are in the log file in the data folder.",
    ).format(error=type(exc).__name__)


def parse_utc(value: str | None) -> datetime | None:
    """A stored ISO time (naive UTC) or ``None``."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def format_local(utc: datetime | None, *, never: str | None = None) -> str:
    """A naive UTC time as local ``YYYY-MM-DD HH:MM`` (the form every Chinese
    office reads without thinking), or "never"."""
    if utc is None:
        return never if never is not None else QCoreApplication.translate("Common", "never")
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=UTC)
    return utc.astimezone().strftime("%Y-%m-%d %H:%M")


def format_short(utc: datetime) -> str:
    """A naive UTC time as local ``MM-DD HH:MM`` (the status bar's short form)."""
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=UTC)
    return utc.astimezone().strftime("%m-%d %H:%M")


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class StationFactsForm(QWidget):
    """The station's facts; validates the division code as the user types.

    ``changed`` fires on every edit so a wizard page can re-check completeness.
    """

    changed = Signal()

    def __init__(self, mode: StationMode = StationMode.STATION, parent: QWidget | None = None):
        super().__init__(parent)
        self._mode = mode
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.code = QLineEdit()
        self.code.setMaxLength(12)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code.setPlaceholderText("330481101001")
        self.code_message = MessageLabel()
        self.village = QLineEdit()
        self.village.setMaxLength(100)
        self.township = QLineEdit()
        self.township.setMaxLength(100)
        self.county = QLineEdit()
        self.county.setMaxLength(100)
        self.leader = QLineEdit()
        self.leader.setMaxLength(50)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)

        self.name.setObjectName("station_name")
        self.code.setObjectName("station_code")
        self.village.setObjectName("station_village")
        self.township.setObjectName("station_township")
        self.county.setObjectName("station_county")
        self.leader.setObjectName("station_leader")
        self.phone.setObjectName("station_phone")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(QCoreApplication.translate("StationFactsForm", "Station &name:"), self.name)
        form.addRow(
            QCoreApplication.translate("StationFactsForm", "Division &code (12 digits):"),
            self.code,
        )
        form.addRow("", self.code_message)
        self._village_label = QLabel(QCoreApplication.translate("StationFactsForm", "&Village:"))
        self._village_label.setBuddy(self.village)
        form.addRow(self._village_label, self.village)
        form.addRow(QCoreApplication.translate("StationFactsForm", "&Township:"), self.township)
        form.addRow(QCoreApplication.translate("StationFactsForm", "C&ounty:"), self.county)
        form.addRow(
            QCoreApplication.translate("StationFactsForm", "&Person in charge:"), self.leader
        )
        form.addRow(QCoreApplication.translate("StationFactsForm", "Contact phon&e:"), self.phone)

        for edit in (self.name, self.village, self.township, self.county, self.leader, self.phone):
            edit.textChanged.connect(self.changed)
        self.code.textChanged.connect(self._check_code)
        self.set_mode(mode)

    def set_mode(self, mode: StationMode) -> None:
        self._mode = mode
        station = mode == StationMode.STATION
        self.village.setVisible(station)
        self._village_label.setVisible(station)
        self._check_code()

    def _check_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            self.code_message.clear_message()
        else:
            try:
                validate_code(text, self._mode)
            except DomainError as err:
                self.code_message.show_error(str(err))
            else:
                self.code_message.show_ok(
                    QCoreApplication.translate("StationFactsForm", "The division code is valid.")
                )
        emit(self.changed)

    def code_is_valid(self) -> bool:
        try:
            validate_code(self.code.text(), self._mode)
        except DomainError:
            return False
        return True

    def is_complete(self) -> bool:
        required = [self.name, self.township, self.county]
        if self._mode == StationMode.STATION:
            required.append(self.village)
        return self.code_is_valid() and all(e.text().strip() for e in required)

    def info(self) -> StationInfo:
        return StationInfo(
            name=self.name.text(),
            code=self.code.text(),
            mode=self._mode,
            village=self.village.text() if self._mode == StationMode.STATION else "",
            township=self.township.text(),
            county=self.county.text(),
            leader_name=self.leader.text(),
            contact_phone=self.phone.text(),
        )

    def set_info(self, info: StationInfo) -> None:
        self.set_mode(info.mode)
        self.name.setText(info.name)
        self.code.setText(info.code)
        self.village.setText(info.village)
        self.township.setText(info.township)
        self.county.setText(info.county)
        self.leader.setText(info.leader_name)
        self.phone.setText(info.contact_phone)


ButtonRowSpec = tuple[str, str, Callable[[], object]]


def button_row(
    layout: QBoxLayout,
    prefix: str,
    specs: Iterable[ButtonRowSpec],
    *,
    enabled: bool = True,
    extra: Iterable[QWidget] = (),
) -> dict[str, QPushButton]:
    """A page's row of action buttons: ``(key, text, slot)`` each, named ``<prefix>_<key>``.

    Returns the buttons by key, so the page can enable or hide single ones later.
    *extra* buttons made elsewhere (a list's export and print,
    :mod:`app.views.list_actions`) join the end of the row as they are.
    """
    buttons: dict[str, QPushButton] = {}
    # The row wraps onto a second line where the page is narrow (a 1024 px
    # screen, long English texts) instead of squeezing the buttons' texts.
    row = QWidget()
    row.setObjectName(f"{prefix}_buttons")
    grid = FlowLayout(row, height_for_width=False)
    grid.setContentsMargins(0, 0, 0, 0)
    for key, text, slot in specs:
        button = QPushButton(text)
        button.setObjectName(f"{prefix}_{key}")
        button.clicked.connect(slot)
        button.setEnabled(enabled)
        grid.addWidget(button)
        buttons[key] = button
    for widget in extra:
        grid.addWidget(widget)
    layout.addWidget(row, 100)  # the row, not a stretch after it, takes the room
    return buttons
