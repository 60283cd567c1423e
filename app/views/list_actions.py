"""导出 Excel… and 打印… for a list page — the one view side of the list documents.

A page gives :class:`ListActions` a function that makes the
:class:`~app.services.documents.list_export.ListDocument` of the list as it is
filtered now (no database work: the document only knows how to read it) and a
message label.  The two buttons then do the rest the same way on every page:
ask for a file name, write the xlsx or make the PDF off the GUI thread with the
progress dialog and Cancel (:func:`~app.views.progress_dialog.run_with_progress`),
and say how it went; the PDF opens in the preview (:func:`~app.views.pdf_preview.
show_pdf`), whose Print… is the print path of every document.  Who may use them
follows the page (``enabled``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout, QPushButton, QWidget

from app.services.documents.list_export import ListDocument, list_pdf, write_list_xlsx
from app.views import files
from app.views.pdf_preview import PdfPreviewDialog, show_pdf
from app.views.progress_dialog import run_with_progress
from app.views.tasks import Task
from app.views.widgets import MessageLabel, error_text

MakeDocument = Callable[[], ListDocument | None]


class ListActions(QObject):
    """The export and print buttons of one list (``<prefix>_export_xlsx``, ``<prefix>_print``)."""

    def __init__(
        self,
        page: QWidget,
        prefix: str,
        make: MakeDocument,
        message: MessageLabel,
        *,
        enabled: bool = True,
        export_text: str = "",
        print_text: str = "",
        printable: bool = True,
    ) -> None:
        super().__init__(page)
        self.page = page
        self.make = make
        self.message = message
        self.export_button = QPushButton(export_text or self.tr("Export to Excel…"))
        self.export_button.setObjectName(f"{prefix}_export_xlsx")
        self.export_button.clicked.connect(self.export_list)
        self.print_button = QPushButton(print_text or self.tr("Print list…"))
        self.print_button.setObjectName(f"{prefix}_print")
        self.print_button.clicked.connect(self.print_list)
        if not printable:  # hide only: showing a button before it has a parent opens a window
            self.print_button.hide()
        self.preview: PdfPreviewDialog | None = None  # the last one shown (tests read it)
        self.set_enabled(enabled)

    @property
    def buttons(self) -> list[QPushButton]:
        return [self.export_button, self.print_button]

    def add_to(self, layout: QLayout) -> None:
        for button in self.buttons:
            layout.addWidget(button)

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)

    # export
    def export_list(self) -> None:
        doc = self.make()
        if doc is None:
            return
        path = files.save_file_name(
            self.page,
            self.tr("Export to Excel"),
            files.dated_file_name(doc.title, ".xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path), doc)

    def export_to(self, path: Path, doc: ListDocument | None = None) -> Task | None:
        """Write the list (as filtered now, or *doc*) to *path* off the GUI thread."""
        doc = doc or self.make()
        if doc is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.export_button.setEnabled(False)

        def done(n: int) -> None:
            self.export_button.setEnabled(True)
            self.message.show_ok(
                self.tr("%n row(s) exported to {path}.", "", n).format(path=str(path))
            )

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.message.show_error(error_text(exc))

        def cancelled() -> None:
            self.export_button.setEnabled(True)
            self.message.show_info(self.tr("The export was cancelled; no file was written."))

        return run_with_progress(
            self.page,
            self.tr("Export to Excel"),
            write_list_xlsx,
            doc,
            path,
            label=self.tr("Exporting {title}…").format(title=doc.title),
            label_for=self._rows_text,
            on_done=done,
            on_error=failed,
            on_cancelled=cancelled,
            receiver=self,
        )

    # print
    def print_list(self) -> Task | None:
        """Make the list's PDF off the GUI thread and open it in the preview to print."""
        doc = self.make()
        if doc is None:
            return None
        self.print_button.setEnabled(False)

        def done(pdf: bytes) -> None:
            self.print_button.setEnabled(True)
            self.preview = show_pdf(
                pdf, doc.title, "A4", self.page, file_name=files.safe_file_name(doc.title) + ".pdf"
            )

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.message.show_error(error_text(exc))

        def cancelled() -> None:
            self.print_button.setEnabled(True)

        return run_with_progress(
            self.page,
            self.tr("Print"),
            list_pdf,
            doc,
            label=self.tr("Making the PDF of {title}…").format(title=doc.title),
            label_for=self._rows_text,
            on_done=done,
            on_error=failed,
            on_cancelled=cancelled,
            receiver=self,
        )

    def _rows_text(self, done: int, total: int, text: str) -> str:
        if text == "layout":  # the PDF: the rows are read, the pages are being laid out
            return self.tr("Laying out the pages…")
        if text == "pages":
            return self.tr("Making page {done} of {total}…").format(done=done, total=total)
        return self.tr("Reading rows… {done} of {total}").format(done=done, total=total)
