"""备份与恢复 — the backup tab of the settings.

Back up now (to this PC's backup folder, or to a folder such as a USB stick
chosen with the system's folder dialog), the list of backups kept on this PC,
and restore.  A restore always goes: check the file (``inspect_backup``) →
ask, naming the backup's time in local time and its station → restore off the
GUI thread → :attr:`AppEvents.database_replaced`, after which the session
signs out and everyone signs in again on the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import backup
from app.services.auth import Permission
from app.services.backup import BackupInfo
from app.services.restore import OtherStationBackup, restore_backup
from app.views.pages import PageContext
from app.views.progress_dialog import run_with_progress
from app.views.qtfix import emit
from app.views.table_models import RowsModel, table_view
from app.views.tasks import LONG_WRITE, run_task
from app.views.widgets import MessageLabel, error_text, format_local, format_size

# After the check and the backup of the current data (steps 1 and 2 of the restore)
# the live file is replaced: Cancel is offered only until then.
RESTORE_POINT_OF_NO_RETURN = 2


class BackupsModel(RowsModel):
    WHEN, KIND, STATION, SIZE = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Taken at"), self.tr("Kind"), self.tr("Station"), self.tr("Size"))

    def kind_label(self, kind: str) -> str:
        labels = {
            "daily": self.tr("Daily (automatic)"),
            "manual": self.tr("Made by hand"),
            "pre-restore": self.tr("Before a restore"),
        }
        if kind.startswith("pre-migration"):
            return self.tr("Before a program update")
        return labels.get(kind, kind)

    def cell(self, info: BackupInfo, column: int) -> str:
        return (
            format_local(info.created_at),
            self.kind_label(info.kind),
            f"{info.station_name} ({info.station_code})",
            format_size(info.size),
        )[column]

    def tooltip(self, info: BackupInfo, column: int) -> str | None:
        return str(info.path)


class BackupTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            self.tr(
                "A backup is made automatically every day on this PC. Keep a copy away from "
                "this PC as well: back up to a USB stick every week."
            )
        )
        intro.setWordWrap(True)
        self.backup_here_button = QPushButton(self.tr("Back up &now"))
        self.backup_here_button.setObjectName("backup_here")
        self.backup_folder_button = QPushButton(self.tr("Back up to a &folder or USB stick…"))
        self.backup_folder_button.setObjectName("backup_to_folder")
        self.backup_here_button.clicked.connect(self.backup_here)
        self.backup_folder_button.clicked.connect(self.backup_to_folder)

        self.model = BackupsModel(self)
        self.table = table_view(self.model, "backups_table", compact=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.restore_selected_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_selected_button.setObjectName("restore_selected")
        self.restore_file_button = QPushButton(self.tr("Restore from a f&ile…"))
        self.restore_file_button.setObjectName("restore_file")
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        can_restore = ctx.actor.can(Permission.RESTORE)
        if not can_restore:  # hide only: showing them before they have a parent opens windows
            self.restore_selected_button.hide()
            self.restore_file_button.hide()
        self.message = MessageLabel()
        self.message.setObjectName("backup_message")

        top = QHBoxLayout()
        top.addWidget(self.backup_here_button)
        top.addWidget(self.backup_folder_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_selected_button)
        bottom.addWidget(self.restore_file_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Backups on this PC:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._busy = False
        self._update_buttons()
        self.reload()

    # --- list ----------------------------------------------------------------------------

    def reload(self) -> None:
        run_task(
            backup.list_backups,
            self.ctx.data_dir.backups,
            on_done=self._loaded,
            on_error=self._failed,
            receiver=self,
        )

    def _loaded(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        for b in (self.backup_here_button, self.backup_folder_button, self.restore_file_button):
            b.setEnabled(not self._busy)
        self.restore_selected_button.setEnabled(not self._busy and self.selected() is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self._update_buttons()
        if busy and text:
            self.message.show_info(text)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error_text(exc))

    # --- back up -------------------------------------------------------------------------

    def backup_here(self) -> None:
        self._backup(self.ctx.data_dir.backups)

    def backup_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick for the backup"), str(Path.home())
        )
        if folder:
            self._backup(Path(folder))

    def _backup(self, folder: Path) -> None:
        self._set_busy(True, self.tr("Backing up…"))
        run_with_progress(
            self,
            self.tr("Back up"),
            backup.backup_now,
            self.ctx.db,
            self.ctx.actor,
            folder,
            "manual",
            label=self.tr("Backing up…"),
            cancellable=False,
            write=LONG_WRITE,
            on_done=self._backed_up,
            on_error=self._failed,
            receiver=self,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.message.show_ok(
            self.tr("The backup was saved as {file} ({size}).").format(
                file=str(info.path), size=format_size(info.size)
            )
        )
        emit(self.ctx.events.backup_made, info)
        self.reload()

    # --- restore -------------------------------------------------------------------------

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore(info.path)

    def restore_from_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the backup to restore"),
            str(Path.home()),
            self.tr("Station backups (*{suffix});;All files (*)").format(suffix=backup.SUFFIX),
        )
        if path:
            self.restore(Path(path))

    def restore(self, path: Path) -> None:
        self._set_busy(True, self.tr("Checking the backup…"))
        run_task(
            backup.inspect_backup,
            path,
            on_done=self._confirm_restore,
            on_error=self._failed,
            receiver=self,
        )

    def confirm_text(self, info: BackupInfo) -> str:
        return self.tr(
            "Restore the backup taken on {when} of {station} (code {code})?\n\n"
            "Everything entered after that time will be replaced by the backup. "
            "A backup of the current data is made first. Everyone signs in again afterwards."
        ).format(
            when=format_local(info.created_at), station=info.station_name, code=info.station_code
        )

    def _confirm_restore(self, info: BackupInfo) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.confirm_text(info),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._set_busy(False)
            self.message.show_info(self.tr("Nothing was restored."))
            return
        self._run_restore(info.path, accept_other_station=False)

    def _run_restore(self, path: Path, *, accept_other_station: bool) -> None:
        self._set_busy(
            True,
            self.tr("Checking and restoring… please do not switch off the computer."),
        )
        run_with_progress(
            self,
            self.tr("Restore a backup"),
            restore_backup,
            self.ctx.db,
            self.ctx.data_dir,
            self.ctx.actor,
            path,
            label=self.tr("Checking the backup…"),
            label_for=self._restore_step,
            cancel_until=RESTORE_POINT_OF_NO_RETURN,
            write=True,
            accept_other_station=accept_other_station,
            on_done=self._restored,
            on_error=self._restore_failed,
            on_cancelled=self._restore_cancelled,
            receiver=self,
        )

    def _restore_step(self, done: int, _total: int, _text: str) -> str:
        if done < RESTORE_POINT_OF_NO_RETURN:
            return self.tr("Backing up the current data…")
        return self.tr("Restoring… please do not switch off the computer.")

    def _restore_cancelled(self) -> None:
        self._set_busy(False)
        self.message.show_info(self.tr("Nothing was restored."))

    def other_station_text(self, exc: OtherStationBackup) -> str:
        return self.tr("{problem}\n\nRestore this other station's backup anyway?").format(
            problem=error_text(exc)
        )

    def _restore_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OtherStationBackup):
            self._failed(exc)
            return
        answer = QMessageBox.warning(
            self,
            self.tr("A backup of another station"),
            self.other_station_text(exc),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._set_busy(False)
            self.message.show_info(self.tr("Nothing was restored."))
            return
        self._run_restore(exc.info.path, accept_other_station=True)

    def _restored(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.message.show_ok(self.tr("The backup was restored."))
        emit(self.ctx.events.database_replaced, info)
