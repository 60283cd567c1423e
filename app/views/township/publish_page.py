"""配置下发 — the township writes the config package its stations import.

One button: choose the folder (a USB stick), then
``app.sync.config.publish_config(db, data_dir, folder)`` on a worker; the
page says which file was written, its version and for how many stations.
服务菜单… edits the township's 四单 menu that the package carries
(app.views.orders.menu.MenuDialog, the station's own editor).

Below it, the township's own enrolment file (``write_enrolment``, as a station
writes its own) with the signing-key fingerprint shown large: each station
enrols its township from that file on its 同步 page, before it can take a
config package, and compares the fingerprint read out on the phone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.station import get_station
from app.sync.enrol import write_enrolment
from app.views import files
from app.views.pages import PageContext
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, heading, read_out_label


class PublishPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            self.tr(
                "The config package carries the township's rules (points, volunteers) and "
                "each station's acknowledged sync sequence. Write it to a USB stick and import "
                "it at every station on its Sync page."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Publish config")))
        layout.addWidget(intro)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.buttons = button_row(
            bar,
            "publish",
            (
                ("write", self.tr("Write the config package…"), self.choose_folder),
                ("menu", self.tr("Service &menu…"), self.edit_menu),
            ),
        )
        layout.addWidget(self.message)

        enrol_box = QGroupBox(self.tr("The township's enrolment file"))
        enrol_intro = QLabel(
            self.tr(
                "Each station enrols the township once, before its first config package: "
                "give it this enrolment file and read this fingerprint out on the phone."
            )
        )
        enrol_intro.setWordWrap(True)
        self.fingerprint = read_out_label("township_own_fingerprint")
        enrol_layout = QVBoxLayout(enrol_box)
        enrol_layout.addWidget(enrol_intro)
        enrol_layout.addWidget(self.fingerprint)
        enrol_bar = QHBoxLayout()
        enrol_layout.addLayout(enrol_bar)
        self.enrol_buttons = button_row(
            enrol_bar,
            "publish",
            (("enrolment", self.tr("Write the enrolment file…"), self.choose_enrolment_folder),),
        )
        self.enrol_message = MessageLabel()
        self.enrol_message.setObjectName("township_enrol_file_message")
        enrol_layout.addWidget(self.enrol_message)
        layout.addWidget(enrol_box)
        layout.addStretch(1)
        from app.sync import config  # the config packages (imported when the page opens)

        self.config = config

    def edit_menu(self) -> None:
        from app.views.orders.menu import MenuDialog

        self.menu_dialog = MenuDialog(self.ctx, township=True, parent=self)
        self.menu_dialog.open()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick"), str(files.start_folder())
        )
        if folder:
            files.remember_folder(folder)
            self.publish(Path(folder))

    def publish(self, folder: Path) -> None:
        self.buttons["write"].setEnabled(False)
        run_task(
            self.config.publish_config,
            self.ctx.db,
            self.ctx.data_dir,
            folder,
            write=True,
            on_done=self._published,
            on_error=self._failed,
            receiver=self,
        )

    def _published(self, summary: Any) -> None:
        self.buttons["write"].setEnabled(True)
        self.message.show_ok(
            self.tr(
                "Config version {version} for {stations} stations was written to {file}."
            ).format(version=summary.version, stations=summary.stations, file=str(summary.path))
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons["write"].setEnabled(True)
        self.message.show_error(error_text(exc))

    # --- the township's own enrolment file -------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        run_task(
            get_station,
            self.ctx.db,
            on_done=lambda info: self.fingerprint.setText(info.signing_key_fingerprint or "—"),
            on_error=lambda exc: self.enrol_message.show_error(error_text(exc)),
            receiver=self,
            key="publish.fingerprint",
        )

    def choose_enrolment_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick"), str(files.start_folder())
        )
        if folder:
            files.remember_folder(folder)
            self.write_enrolment(Path(folder))

    def write_enrolment(self, folder: Path) -> None:
        self.enrol_buttons["enrolment"].setEnabled(False)
        run_task(
            write_enrolment,
            self.ctx.db,
            self.ctx.data_dir,
            folder,
            on_done=self._enrolment_written,
            on_error=self._enrolment_failed,
            receiver=self,
        )

    def _enrolment_written(self, path: Path) -> None:
        self.enrol_buttons["enrolment"].setEnabled(True)
        self.enrol_message.show_ok(
            self.tr(
                "The enrolment file {name} was written to {folder}. Take it to the stations "
                "and read the fingerprint above out to them."
            ).format(name=path.name, folder=str(path.parent))
        )

    def _enrolment_failed(self, exc: BaseException) -> None:
        self.enrol_buttons["enrolment"].setEnabled(True)
        self.enrol_message.show_error(error_text(exc))
