"""登记乡镇 — a station enrols its township from the township's enrolment file.

The same service as ``main.py enrol-township``
(:func:`app.sync.enrol.enrol_township`).  The dialog: choose the file (it is
checked off the GUI thread with :func:`read_township_enrolment`: a damaged
file, a station's file, this station's own or a second township's is refused
with the service's sentence and nothing is shown to confirm); then the
township's key fingerprint, large, to compare with what the township reads
out on the phone; the operator ticks that every group matches, and only then
can the township be enrolled.  A refusal changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sync.enrol import SUFFIX, Enrolment, enrol_township, read_township_enrolment
from app.views import files
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, read_out_label


class TownshipEnrolDialog(QDialog):
    """Choose the township's enrolment file, compare the fingerprint, enrol."""

    enrolled = Signal(object)  # Enrolment

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.enrolment: Enrolment | None = None
        self._busy = False
        self.setObjectName("township_enrol_dialog")
        self.setWindowTitle(self.tr("Enrol the township"))
        self.setMinimumWidth(760)  # the large fingerprint on one line

        intro = QLabel(
            self.tr(
                "Once, before the first config package: choose the enrolment file the "
                "township wrote (on its Publish config page), then ask the township to read "
                "out its fingerprint on the phone and compare it with the one shown here, "
                "group by group."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose the enrolment file…"))
        self.choose_button.setObjectName("township_choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("no file chosen yet"))
        self.file_label.setObjectName("township_file")
        self.file_label.setWordWrap(True)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.choose_button)
        choose_row.addWidget(self.file_label, 1)

        self.township = QLabel()
        self.township.setObjectName("township_named")
        self.township.setWordWrap(True)
        self.fingerprint = read_out_label("township_fingerprint", "")
        self.matches = QCheckBox(
            self.tr("The township read out the same fingerprint, every group matches")
        )
        self.matches.setObjectName("township_matches")
        self.matches.toggled.connect(self._update_buttons)
        self.message = MessageLabel()
        self.message.setObjectName("township_message")

        buttons = QDialogButtonBox()
        self.enrol_button = QPushButton(self.tr("&Enrol the township"))
        self.enrol_button.setObjectName("township_enrol")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("township_cancel")
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.enrol_button.clicked.connect(self.enrol)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose_row)
        layout.addWidget(self.township)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.matches)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_enrolment(None)

    # --- state ---------------------------------------------------------------------

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self._busy)
        self.matches.setEnabled(self.enrolment is not None and not self._busy)
        self.enrol_button.setEnabled(
            self.enrolment is not None and self.matches.isChecked() and not self._busy
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _show_enrolment(self, enrolment: Enrolment | None) -> None:
        self.enrolment = enrolment
        self.matches.setChecked(False)
        self.township.setVisible(enrolment is not None)
        self.fingerprint.setVisible(enrolment is not None)
        self.matches.setVisible(enrolment is not None)
        if enrolment is not None:
            self.township.setText(
                self.tr("Township {name} ({code}). Its fingerprint:").format(
                    name=enrolment.name, code=enrolment.code
                )
            )
            self.fingerprint.setText(enrolment.fingerprint)
        else:
            self.fingerprint.setText("")
        self._update_buttons()
        self.adjustSize()

    # --- the file ------------------------------------------------------------------

    def choose_file(self) -> None:
        path = files.open_file_name(
            self,
            self.tr("Choose the township's enrolment file"),
            self.tr("Enrolment files (*{suffix});;All files (*)").format(suffix=SUFFIX),
        )
        if path:
            self.read_file(Path(path))

    def read_file(self, path: Path) -> None:
        """Check *path* off the GUI thread; show its fingerprint or why it is refused."""
        self.path = path
        self.file_label.setText(str(path))
        self._show_enrolment(None)
        self.message.show_info(self.tr("Checking the enrolment file…"))
        self._set_busy(True)
        run_task(
            read_township_enrolment,
            self.ctx.db,
            path,
            on_done=self._read,
            on_error=self._refused,
            receiver=self,
            key="township.enrolment",
        )

    def _read(self, enrolment: Enrolment) -> None:
        self._set_busy(False)
        self.message.clear_message()
        self._show_enrolment(enrolment)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_enrolment(None)
        self.message.show_error(error_text(exc))

    # --- enrolment -----------------------------------------------------------------

    def enrol(self) -> None:
        enrolment, path = self.enrolment, self.path
        if enrolment is None or path is None or not self.matches.isChecked():
            return
        self._set_busy(True)
        run_task(
            enrol_township,
            self.ctx.db,
            self.ctx.data_dir,
            path,
            fingerprint=enrolment.fingerprint,
            write=True,
            on_done=self._enrolled,
            on_error=self._refused,
            receiver=self,
        )

    def _enrolled(self, enrolment: Enrolment) -> None:
        self._set_busy(False)
        self.accept()
        emit(self.enrolled, enrolment)
