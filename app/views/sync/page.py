"""同步 — the station's sync page.

What the township last acknowledged, how many changes wait and when the last
sync file went; 导出同步文件 to a chosen folder or USB stick (remembered), with
the progress dialog and Cancel, and afterwards what the file holds in words;
完整导出 behind a confirmation; 生成登记文件 and the signing-key fingerprint,
large, to read out on the phone; 导入配置包 and the config version in force.

Every read and write runs through :func:`run_task`; a refusal (a USB stick
pulled out mid-export, a package of another township) is shown as the page's
message, in the service's own translated sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import join_list
from app.progress import Cancel, ProgressFn
from app.services.station import get_station
from app.settings import SYNC_FOLDER
from app.sync.enrol import write_enrolment
from app.sync.errors import SyncCancelled
from app.sync.export import ExportSummary, SyncStatus, export_sync, sync_status
from app.views.pages import PageContext
from app.views.progress_dialog import run_with_progress
from app.views.qtfix import emit
from app.views.tasks import LONG_WRITE, run_task
from app.views.widgets import (
    MessageLabel,
    error_text,
    format_local,
    heading,
    parse_utc,
    read_out_label,
    scrollable,
)


def export_task(
    db: Any,
    data_dir: Any,
    folder: Path,
    full: bool,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> ExportSummary:
    """:func:`export_sync` with the task runner's progress and cancel token."""
    return export_sync(
        db,
        data_dir,
        folder,
        full=full,
        progress=progress,
        cancelled=(lambda: cancel.cancelled) if cancel is not None else None,
    )


def removable_drives() -> list[Path]:
    """USB sticks and other removable volumes mounted now (best effort)."""
    drives: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform.startswith("win"):
            system = Path.home().anchor.upper()
            if root.upper().startswith(system[:2]):
                continue
        elif not root.startswith(("/media/", "/run/media/", "/mnt/")):
            continue
        drives.append(Path(root))
    return drives


class SyncPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.ctx = ctx
        self.status: SyncStatus | None = None
        self.config_info: Any = None  # app.sync.config.ConfigStatus when available
        self.last_summary: ExportSummary | None = None
        self.enrolment_path: Path | None = None
        self._busy = False
        from app.sync import config  # the config packages (imported when the page opens)

        self.config = config

        # --- the township's acknowledgement and what waits ---------------------------
        status_box = QGroupBox(self.tr("Sync with the township"))
        form = QFormLayout(status_box)
        self.acked = QLabel("…")
        self.acked.setObjectName("acked")
        self.waiting = QLabel("…")
        self.waiting.setObjectName("waiting")
        self.last_export = QLabel("…")
        self.last_export.setObjectName("last_export")
        form.addRow(self.tr("Township's last acknowledgement:"), self.acked)
        form.addRow(self.tr("Changes waiting to be sent:"), self.waiting)
        form.addRow(self.tr("Last sync file written:"), self.last_export)

        # --- export --------------------------------------------------------------------
        export_box = QGroupBox(self.tr("Export a sync file"))
        intro = QLabel(
            self.tr(
                "The file holds everything the township has not acknowledged yet. Take it "
                "to the township on a USB stick; a lost stick is no loss: the next file "
                "holds its changes again."
            )
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("export_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drives = QComboBox()
        self.drives.setObjectName("drives")
        self.drives.activated.connect(self._drive_chosen)
        self.choose_button = QPushButton(self.tr("Choose f&older…"))
        self.choose_button.setObjectName("choose_folder")
        self.choose_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("&Export sync file"))
        self.export_button.setObjectName("export_sync")
        self.export_button.clicked.connect(self.export)
        self.full_button = QPushButton(self.tr("&Full export…"))
        self.full_button.setObjectName("full_export")
        self.full_button.clicked.connect(self.full_export)
        self.export_message = MessageLabel()
        self.export_message.setObjectName("export_message")
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("To:")))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.drives)
        folder_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.full_button)
        buttons.addStretch(1)
        export_layout = QVBoxLayout(export_box)
        export_layout.addWidget(intro)
        export_layout.addLayout(folder_row)
        export_layout.addLayout(buttons)
        export_layout.addWidget(self.export_message)

        # --- enrolment -----------------------------------------------------------------
        enrol_box = QGroupBox(self.tr("Enrolment at the township"))
        enrol_intro = QLabel(
            self.tr(
                "Once, before the first sync file: give the township this station's "
                "enrolment file and read this fingerprint out to them on the phone."
            )
        )
        enrol_intro.setWordWrap(True)
        self.fingerprint = read_out_label("sync_fingerprint")
        self.enrol_button = QPushButton(self.tr("&Write enrolment file…"))
        self.enrol_button.setObjectName("write_enrolment")
        self.enrol_button.clicked.connect(self.write_enrolment)
        self.enrol_message = MessageLabel()
        self.enrol_message.setObjectName("enrol_message")
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_button)
        enrol_row.addStretch(1)
        enrol_layout = QVBoxLayout(enrol_box)
        enrol_layout.addWidget(enrol_intro)
        enrol_layout.addWidget(self.fingerprint)
        enrol_layout.addLayout(enrol_row)
        enrol_layout.addWidget(self.enrol_message)

        # --- the township this station takes config packages from ----------------------
        township_box = self._township_section()

        # --- config package ------------------------------------------------------------
        config_box = QGroupBox(self.tr("Config package from the township"))
        self.config_status = QLabel("…")
        self.config_status.setObjectName("config_status")
        self.config_status.setWordWrap(True)
        self.config_button = QPushButton(self.tr("&Import config package…"))
        self.config_button.setObjectName("import_config")
        self.config_button.clicked.connect(self.import_config)
        self.config_message = MessageLabel()
        self.config_message.setObjectName("config_message")
        config_row = QHBoxLayout()
        config_row.addWidget(self.config_button)
        config_row.addStretch(1)
        config_layout = QVBoxLayout(config_box)
        config_layout.addWidget(self.config_status)
        config_layout.addLayout(config_row)
        config_layout.addWidget(self.config_message)

        content = QWidget()
        content.setObjectName("sync_content")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(status_box)
        body.addWidget(self._make_upload_box())
        body.addWidget(export_box)
        # one above the other: side by side, a wrapped message in either was cut short
        body.addWidget(enrol_box)
        body.addWidget(township_box)
        body.addWidget(config_box)
        body.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Sync")))
        outer.addWidget(scrollable(content))

        self._show_folder()
        self._fill_drives()
        self._update_buttons()
        self.load_fingerprint()

    # --- the background upload (上传记录) ------------------------------------------------

    def _make_upload_box(self) -> QGroupBox:
        """The hub URL, the last attempts and the next try, and 立即上传."""
        from app.views.sync.uploader import uploader_for

        box = QGroupBox(self.tr("Upload to the township server"))
        box.setObjectName("upload_box")
        self.uploader = uploader_for(self.ctx, self)
        self.uploader.state_changed.connect(self._show_upload)
        self.uploader.attempt_started.connect(self._upload_started)
        self.uploader.attempt_finished.connect(lambda _attempt: self.reload())
        self.hub_state = QLabel("…")
        self.hub_state.setObjectName("hub_state")
        self.hub_state.setWordWrap(True)
        self.next_try = QLabel("…")
        self.next_try.setObjectName("next_try")
        self.upload_button = QPushButton(self.tr("&Upload now"))
        self.upload_button.setObjectName("upload_now")
        self.upload_button.clicked.connect(self.upload_now)
        self.attempts = QTableWidget(0, 2)
        self.attempts.setObjectName("upload_attempts")
        self.attempts.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Result")])
        self.attempts.verticalHeader().hide()
        self.attempts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attempts.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.attempts.setWordWrap(True)
        header = self.attempts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.attempts.setMinimumHeight(150)
        self.attempts.setMaximumHeight(220)
        form = QFormLayout()
        form.addRow(self.tr("Township server:"), self.hub_state)
        form.addRow(self.tr("Next try:"), self.next_try)
        row = QHBoxLayout()
        row.addWidget(self.upload_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Last attempts:")))
        layout.addWidget(self.attempts)
        return box

    def upload_now(self) -> None:
        self.uploader.upload_now()  # the button and "uploading now…" follow attempt_started

    def _upload_started(self) -> None:
        self.upload_button.setEnabled(False)
        self.next_try.setText(self.tr("uploading now…"))

    def _show_upload(self, state: Any) -> None:
        if state.hub_url:
            self.hub_state.setText(state.hub_url)
        else:
            self.hub_state.setText(
                self.tr("not set: the station syncs by USB stick (Settings → Sync)")
            )
        running = self.uploader.running
        self.upload_button.setEnabled(bool(state.hub_url) and not running)
        if running:
            self.next_try.setText(self.tr("uploading now…"))
        elif not state.hub_url or state.next_at is None:
            self.next_try.setText("—")
        else:
            self.next_try.setText(format_local(state.next_at))
        self.attempts.setRowCount(len(state.attempts))
        for row, attempt in enumerate(state.attempts):
            when = QTableWidgetItem(format_local(attempt.at))
            what = QTableWidgetItem(attempt.message)
            what.setData(Qt.ItemDataRole.UserRole, attempt.outcome)
            if not attempt.ok:
                font = what.font()
                font.setBold(True)
                what.setFont(font)
            self.attempts.setItem(row, 0, when)
            self.attempts.setItem(row, 1, what)
        self.attempts.resizeRowsToContents()

    # --- state -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def folder(self) -> Path | None:
        text = self.ctx.settings.get(SYNC_FOLDER)
        return Path(text) if text else None

    def set_folder(self, folder: Path) -> None:
        self.ctx.settings.set(SYNC_FOLDER, str(folder))
        self._show_folder()

    def _show_folder(self) -> None:
        folder = self.folder()
        self.folder_label.setText(str(folder) if folder else self.tr("no folder chosen yet"))

    def _fill_drives(self) -> None:
        self.drives.clear()
        found = removable_drives()
        self.drives.addItem(
            self.tr("USB sticks: none found") if not found else self.tr("USB stick…")
        )
        for drive in found:
            self.drives.addItem(str(drive), str(drive))

    def _drive_chosen(self, index: int) -> None:
        data = self.drives.itemData(index)
        if data:
            self.set_folder(Path(str(data)))

    def _update_buttons(self) -> None:
        for button in (self.export_button, self.full_button, self.choose_button, self.enrol_button):
            button.setEnabled(not self._busy)
        self.config_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def reload(self) -> None:
        self.uploader.reload()
        run_task(
            sync_status,
            self.ctx.db,
            on_done=self._show_status,
            on_error=lambda exc: self.export_message.show_error(error_text(exc)),
            receiver=self,
            key="sync.status",
        )
        self._fill_drives()
        run_task(
            self.config.config_status,
            self.ctx.db,
            on_done=self._show_config,
            on_error=lambda exc: self.config_message.show_error(error_text(exc)),
            receiver=self,
            key="sync.config",
        )
        self.load_township()

    def _show_status(self, status: SyncStatus) -> None:
        self.status = status
        self._show_acked()
        self.waiting.setText(
            self.tr("%n changes", "", status.waiting) if status.waiting else self.tr("none")
        )
        self.last_export.setText(format_local(parse_utc(status.last_export_at)))

    def _show_acked(self) -> None:
        """The township's acknowledgement, with the date of the package that brought it."""
        status, config = self.status, self.config_info
        if status is None:
            return
        if not status.acked_seq:
            self.acked.setText(self.tr("none yet (the first file holds everything)"))
        elif config is not None and config.version and config.applied_at is not None:
            self.acked.setText(
                self.tr("up to change {seq} (config package of {when})").format(
                    seq=status.acked_seq, when=format_local(config.applied_at)
                )
            )
        else:
            self.acked.setText(self.tr("up to change {seq}").format(seq=status.acked_seq))

    def _show_config(self, status: Any) -> None:
        self.config_info = status
        self._show_acked()
        if not status.version:
            self.config_status.setText(self.tr("No config package has been imported yet."))
            return
        self.config_status.setText(
            self.tr("Version {version} from {township} in force, imported on {when}.").format(
                version=status.version,
                township=status.township or "—",
                when=format_local(status.applied_at),
            )
        )

    def load_fingerprint(self) -> None:
        run_task(
            get_station,
            self.ctx.db,
            on_done=lambda info: self.fingerprint.setText(info.signing_key_fingerprint or "—"),
            on_error=lambda exc: self.enrol_message.show_error(error_text(exc)),
            receiver=self,
        )

    # --- export ------------------------------------------------------------------------

    def choose_folder(self) -> Path | None:
        start = self.folder() or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick for the sync file"), str(start)
        )
        if not chosen:
            return None
        self.set_folder(Path(chosen))
        return Path(chosen)

    def export(self) -> None:
        self._export(full=False)

    def full_confirm_text(self) -> str:
        return self.tr(
            "A full export writes everything this station holds, not only what the township "
            "lacks. Use it only when the township asks for it: its PC was replaced or it "
            "lost data.\n\nWrite a full sync file?"
        )

    def full_export(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Full export"),
            self.full_confirm_text(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._export(full=True)

    def _export(self, *, full: bool) -> None:
        folder = self.folder() or self.choose_folder()
        if folder is None:
            return
        self._set_busy(True)
        self.export_message.show_info(self.tr("Writing the sync file…"))
        run_with_progress(
            self,
            self.tr("Export sync file"),
            export_task,
            self.ctx.db,
            self.ctx.data_dir,
            folder,
            full,
            label=self.tr("Writing the sync file to {folder}…").format(folder=str(folder)),
            write=LONG_WRITE,
            on_done=self._exported,
            on_error=self._export_failed,
            on_cancelled=self._export_cancelled,
            receiver=self,
        )

    def summary_text(self, summary: ExportSummary) -> str:
        kinds = join_list(summary.kinds()) or self.tr("no changes")
        text = self.tr(
            "Sync file {name} written to {folder}.\nChanges {a}–{b}; it holds: {kinds}."
        ).format(
            name=summary.path.name,
            folder=str(summary.path.parent),
            a=summary.seq_from,
            b=summary.seq_to,
            kinds=kinds,
        )
        if not summary.person_hash_keyed:
            text += "\n" + self.tr(
                "ID numbers and phones went masked only (no config package from the township yet)."
            )
        return text

    def _exported(self, summary: ExportSummary) -> None:
        self._set_busy(False)
        self.last_summary = summary
        self.export_message.show_ok(self.summary_text(summary))
        self.reload()
        emit(self.ctx.events.station_changed)  # the status bar's and home's "last sync"

    def _export_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, SyncCancelled):
            self.export_message.show_info(error_text(exc))
        else:
            self.export_message.show_error(error_text(exc))

    def _export_cancelled(self) -> None:
        self._set_busy(False)
        self.export_message.show_info(
            self.tr("The export was cancelled; no sync file was written.")
        )

    # --- enrolment -----------------------------------------------------------------------

    def write_enrolment(self) -> None:
        folder = self.folder() or self.choose_folder()
        if folder is None:
            return
        self.enrol_to(folder)

    def enrol_to(self, folder: Path) -> None:
        self._set_busy(True)
        run_task(
            write_enrolment,
            self.ctx.db,
            self.ctx.data_dir,
            folder,
            on_done=self._enrolment_written,
            on_error=self._enrol_failed,
            receiver=self,
        )

    def _enrolment_written(self, path: Path) -> None:
        self._set_busy(False)
        self.enrolment_path = path
        self.enrol_message.show_ok(
            self.tr(
                "Enrolment file {name} written to {folder}. Give it to the township and read "
                "the fingerprint above out to them."
            ).format(name=path.name, folder=str(path.parent))
        )

    def _enrol_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.enrol_message.show_error(error_text(exc))

    # --- config package ------------------------------------------------------------------

    def import_config(self) -> None:
        start = self.folder() or Path.home()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the township's config package"),
            str(start),
            self.tr("Config packages (*{suffix});;All files (*)").format(suffix=self.config.SUFFIX),
        )
        if path:
            self.import_config_file(Path(path))

    def import_config_file(self, path: Path) -> None:
        self._set_busy(True)
        self.config_message.show_info(self.tr("Checking the config package…"))
        run_task(
            self.config.import_config,
            self.ctx.db,
            self.ctx.data_dir,
            path,
            write=True,
            on_done=self._config_applied,
            on_error=self._config_failed,
            receiver=self,
        )

    def _config_applied(self, applied: Any) -> None:
        self._set_busy(False)
        words = join_list(list(applied.applied)) or self.tr("nothing new")
        self.config_message.show_ok(
            self.tr("Config package version {version} from {township} applied: {words}.").format(
                version=applied.version, township=applied.township, words=words
            )
        )
        self.reload()
        emit(self.ctx.events.station_changed)

    def _config_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.config_message.show_error(error_text(exc))

    # --- the township (乡镇) ------------------------------------------------------------

    def _township_section(self) -> QGroupBox:
        from app.views.sync.township_dialog import TownshipEnrolDialog

        self.township_dialog: TownshipEnrolDialog | None = None
        box = QGroupBox(self.tr("Township"))
        box.setObjectName("township_box")
        self.township_label = QLabel("…")
        self.township_label.setObjectName("township_enrolled")
        self.township_label.setWordWrap(True)
        self.township_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.township_button = QPushButton(self.tr("Enrol &township…"))
        self.township_button.setObjectName("enrol_township")
        self.township_button.clicked.connect(self.open_township_dialog)
        self.township_message = MessageLabel()
        self.township_message.setObjectName("township_enrol_message")
        row = QHBoxLayout()
        row.addWidget(self.township_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.township_label)
        layout.addLayout(row)
        layout.addWidget(self.township_message)
        return box

    def load_township(self) -> None:
        from app.sync.enrol import enrolled_township

        run_task(
            enrolled_township,
            self.ctx.db,
            on_done=self._show_township,
            on_error=lambda exc: self.township_message.show_error(error_text(exc)),
            receiver=self,
            key="sync.township",
        )

    def _show_township(self, township: Any) -> None:
        if township is None:
            self.township_label.setText(self.tr("No township enrolled yet."))
            return
        self.township_label.setText(
            self.tr("{name} (code {code}), key fingerprint {fingerprint}").format(
                name=township.name, code=township.code, fingerprint=township.fingerprint
            )
        )

    def open_township_dialog(self) -> None:
        from app.views.sync.township_dialog import TownshipEnrolDialog

        dialog = TownshipEnrolDialog(self.ctx, self)
        dialog.enrolled.connect(self._township_enrolled)
        self.township_dialog = dialog
        dialog.open()

    def _township_enrolled(self, enrolment: Any) -> None:
        self.township_message.show_ok(
            self.tr(
                "The township {name} ({code}) is enrolled: its config packages are accepted now."
            ).format(name=enrolment.name, code=enrolment.code)
        )
        self.load_township()
