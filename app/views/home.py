"""首页 — the home page: the station's facts, its key fingerprint and a few counts.

A township (乡镇实践所) gets its own home instead (:func:`home_page` chooses;
app.views.township.home_page): its stations, imports and month.

app.services.station.overview gathers everything the home page and the status
bar show, in one read on a worker thread; the page reloads whenever it is shown
and when the station's facts or backups change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.models import StationMode
from app.services.auth import ROLE_LABELS
from app.services.station import Overview
from app.services.station import overview as station_overview
from app.views.pages import PageContext
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, format_local, heading


def _value_label() -> QLabel:
    label = QLabel("…")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class HomePage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None

        role = translate("roles", ROLE_LABELS[ctx.actor.role])
        self.greeting = QLabel(
            self.tr("Welcome, {name} ({role}).").format(name=ctx.actor.display_name, role=role)
        )
        self.greeting.setWordWrap(True)
        self.message = MessageLabel()

        self.station_name = _value_label()
        self.station_name.setObjectName("home_station_name")
        self.code = _value_label()
        self.place = _value_label()
        self.leader = _value_label()
        self.phone = _value_label()
        self.fingerprint = _value_label()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        station_box = QGroupBox(self.tr("Station"))
        form = QFormLayout(station_box)
        form.addRow(self.tr("Name:"), self.station_name)
        form.addRow(self.tr("Division code:"), self.code)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Person in charge:"), self.leader)
        form.addRow(self.tr("Contact phone:"), self.phone)
        form.addRow(self.tr("Signing key fingerprint:"), self.fingerprint)

        self.operators = _value_label()
        self.audit_entries = _value_label()
        self.last_backup = _value_label()
        self.last_sync = _value_label()
        glance = QGroupBox(self.tr("At a glance"))
        form2 = QFormLayout(glance)
        form2.addRow(self.tr("Active operators:"), self.operators)
        form2.addRow(self.tr("Audit log entries:"), self.audit_entries)
        form2.addRow(self.tr("Last backup:"), self.last_backup)
        form2.addRow(self.tr("Last sync with the township:"), self.last_sync)

        boxes = QHBoxLayout()
        boxes.addWidget(station_box, 3)
        boxes.addWidget(glance, 2)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.greeting)
        layout.addWidget(self.message)
        layout.addLayout(boxes)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Home")))
        outer.addWidget(scroll)

        ctx.events.station_changed.connect(self.reload)
        ctx.events.backup_made.connect(self.reload)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        run_task(
            station_overview,
            self.ctx.db,
            on_done=self._show,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
        )

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        s = overview.station
        self.station_name.setText(s.name)
        self.code.setText(s.code)
        parts = [s.county, s.township] + ([s.village] if s.mode == StationMode.STATION else [])
        self.place.setText(" · ".join(p for p in parts if p))
        self.leader.setText(s.leader_name or "—")
        self.phone.setText(s.contact_phone or "—")
        self.fingerprint.setText(s.signing_key_fingerprint or "—")
        self.operators.setText(str(overview.operators))
        self.audit_entries.setText(str(overview.audit_entries))
        self.last_backup.setText(format_local(overview.last_backup))
        self.last_sync.setText(format_local(overview.last_sync))


def home_page(ctx: PageContext) -> QWidget:
    """The home area's page: the township's in township mode, else the station's."""
    if ctx.mode == StationMode.TOWNSHIP.value:
        from app.views.township.home_page import TownshipHomePage

        return TownshipHomePage(ctx)
    return HomePage(ctx)
