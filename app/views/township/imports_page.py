"""导入 — the township imports its stations' sync files.

One file, several, or a whole folder (a USB stick the stations' files were
copied to) go through :func:`app.sync.importer.import_files` on a worker with
the progress dialog and Cancel; each file gets a verdict in the table
(imported N rows / already imported on <date> / refused: why).  Nothing of a
cancelled or refused file is kept (the importer's transaction per file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.db import Database
from app.progress import Cancel, ProgressFn
from app.sync.importer import Verdict, import_files
from app.views import files
from app.views.pages import PageContext
from app.views.progress_dialog import run_with_progress
from app.views.qtfix import emit
from app.views.table_models import RowsModel, table_view, with_placeholder
from app.views.tasks import LONG_WRITE
from app.views.widgets import MessageLabel, button_row, error_text, heading

RED = QColor("#b3261e")
GREEN = QColor("#1e6b34")


def import_sync_files(
    db: Database,
    paths: list[Path],
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> list[Verdict]:
    """:func:`import_files` with the task helper's progress and Cancel token."""
    return import_files(
        db,
        paths,
        progress=progress,
        cancelled=(lambda: cancel.cancelled) if cancel is not None else None,
    )


class VerdictsModel(RowsModel):
    FILE, STATION, RESULT = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Station"), self.tr("Result"))

    def status_word(self, verdict: Verdict) -> str:
        return {
            "imported": self.tr("Imported"),
            "already": self.tr("Already imported"),
            "refused": self.tr("Refused"),
        }.get(verdict.status, verdict.status)

    def cell(self, verdict: Verdict, column: int) -> str:
        if column == self.FILE:
            return verdict.file
        if column == self.STATION:
            return verdict.station_code
        return self.tr("{status}: {message}").format(
            status=self.status_word(verdict), message=verdict.message
        )

    def foreground(self, verdict: Verdict, column: int) -> QColor | None:
        if column != self.RESULT:
            return None
        if verdict.status == "refused" or verdict.quarantined or verdict.gaps:
            return RED
        return GREEN if verdict.status == "imported" else None

    def tooltip(self, verdict: Verdict, column: int) -> str | None:
        return verdict.message

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None


class ImportsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = VerdictsModel(self)
        self.view = table_view(self.model, "import_verdicts", compact=False)
        intro = QLabel(
            self.tr(
                "Import the sync files (.wbsync) the stations brought: choose the files, or the "
                "folder of a USB stick to import every file in it. A file already imported is "
                "skipped; a file that fails a check is refused and changes nothing."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import")))
        layout.addWidget(intro)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.buttons = button_row(
            bar,
            "imports",
            (
                ("files", self.tr("Import files…"), self.choose_files),
                ("folder", self.tr("Import a folder…"), self.choose_folder),
            ),
        )
        layout.addWidget(self.message)
        layout.addWidget(
            with_placeholder(self.view, self.tr("The result of each file is listed here.")), 1
        )

    def choose_files(self) -> None:
        paths = files.open_file_names(
            self, self.tr("Choose the sync files"), self.tr("Sync files (*.wbsync)")
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick"), str(files.start_folder())
        )
        if folder:
            files.remember_folder(folder)
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        self.message.clear_message()
        for button in self.buttons.values():
            button.setEnabled(False)
        run_with_progress(
            self,
            self.tr("Import"),
            import_sync_files,
            self.ctx.db,
            paths,
            label=self.tr("Importing…"),
            label_for=lambda done, total, _text: self.tr("File {done} of {total}").format(
                done=done, total=total
            ),
            write=LONG_WRITE,
            on_done=self._imported,
            on_error=self._failed,
            receiver=self,
        )

    def _done(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)

    def _imported(self, verdicts: list[Verdict]) -> None:
        self._done()
        self.model.set_rows(verdicts)
        self.view.resizeColumnToContents(VerdictsModel.FILE)
        self.view.resizeColumnToContents(VerdictsModel.STATION)
        self.view.resizeRowsToContents()
        counts = {s: sum(1 for v in verdicts if v.status == s) for s in ("imported", "refused")}
        if not verdicts:
            self.message.show_info(self.tr("No sync file was found there."))
        elif counts["refused"]:
            self.message.show_error(
                self.tr("{ok} of {total} files imported; {bad} refused (see the list).").format(
                    ok=counts["imported"], total=len(verdicts), bad=counts["refused"]
                )
            )
        else:
            self.message.show_ok(
                self.tr("{ok} of {total} files imported.").format(
                    ok=counts["imported"], total=len(verdicts)
                )
            )
        emit(self.ctx.events.station_changed)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self.message.show_error(error_text(exc))
