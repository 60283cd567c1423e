"""配置下发 — the township writes the config package its stations import.

One button: choose the folder (a USB stick), then
``app.sync.config.publish_config(db, data_dir, folder)`` on a worker; the
page says which file was written, its version and for how many stations.
Until the config package code is part of this program the button stays
disabled with a sentence saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.views import files
from app.views.pages import PageContext
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, heading


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
            (("write", self.tr("Write the config package…"), self.choose_folder),),
        )
        layout.addWidget(self.message)
        layout.addStretch(1)
        from app.sync import config  # the config packages (imported when the page opens)

        self.config = config

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
