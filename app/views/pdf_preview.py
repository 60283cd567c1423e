"""PDF 预览与打印 — show a document made by app.printing, print it, or save it.

Every document the program makes is PDF bytes (DESIGN §6).  This module is the
one place they meet Qt: :class:`PdfPreviewDialog` shows them in a QPdfView with
Print… and Save as PDF… buttons, :func:`print_pdf` draws them on a QPrinter
(each PDF page rendered at the printer's resolution and fitted to its page,
so A4, A5 and 58/80 mm receipt pages all print at their real size) — on a
worker thread through :func:`start_print`, with a progress dialog and Cancel,
so a 40-page card batch does not freeze the window — and
:func:`print_direct` sends a slip straight to the default printer — the
counter's path, where a dialog per villager would slow the queue.

QtPdf and QtPrintSupport are imported inside the functions, never at module
import, so start-up does not load them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.progress import Cancel, ProgressFn, report
from app.views.files import safe_file_name, save_file_name
from app.views.screen import fit_window
from app.views.tasks import Task
from app.views.widgets import MessageLabel, error_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "80mm": (80.0, 200.0)}
PAGE_CHOICES = ("A4", "A5", "80mm")


def _document(data: bytes, parent: Any = None) -> Any:
    """A loaded QPdfDocument (and the buffer it reads from, kept on it)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument(parent)
    buffer = QBuffer(doc)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    doc._buffer = buffer  # type: ignore[attr-defined]  # the document reads it lazily
    if doc.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"not a PDF document ({doc.error()})")
    return doc


def pdf_page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    """Width and height of each page of *data* in millimetres."""
    doc = _document(data)
    try:
        sizes = []
        for i in range(doc.pageCount()):
            pt = doc.pagePointSize(i)
            sizes.append((pt.width() * 25.4 / 72, pt.height() * 25.4 / 72))
        return sizes
    finally:
        doc.close()


def make_printer(page: str = "A4", data: bytes | None = None) -> QPrinter:
    """A QPrinter on the default printer with the page size of *page*.

    For a receipt roll (``80mm``) the height follows the document's first page.
    """
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    width, height = PAGE_SIZES_MM.get(page, PAGE_SIZES_MM["A4"])
    if data is not None:
        sizes = pdf_page_sizes_mm(data)
        if sizes:
            width, height = sizes[0]
    if page == "A4" and (width, height) == PAGE_SIZES_MM["A4"]:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        portrait = (min(width, height), max(width, height)) if page != "80mm" else (width, height)
        size = QPageSize(QSizeF(*portrait), QPageSize.Unit.Millimeter, page)
    printer.setPageSize(size)
    landscape = width > height and page != "80mm"
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return printer


def pdf_printer(path: Path | str, page: str = "A4", data: bytes | None = None) -> QPrinter:
    """A QPrinter that writes a PDF file (tests, and "print to file")."""
    from PySide6.QtPrintSupport import QPrinter

    printer = make_printer(page, data)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Draw the pages of *data* on *printer*; returns the number of pages printed.

    Safe on a worker thread (Qt allows QPainter on a QPrinter off the GUI thread,
    one thread per printer at a time; the QPdfDocument is made here, on the
    calling thread).  ``progress(done, total)`` is called after each page; when
    *cancel* is set between pages the job ends there and the pages so far are
    printed (the count says how many).
    """
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    doc = _document(data)
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        raise OSError("the printer could not be opened")
    printed = 0
    try:
        count = doc.pageCount()
        dpi = printer.resolution()
        for i in range(count):
            if cancel is not None and cancel.cancelled:
                break
            if i:
                printer.newPage()
            pt = doc.pagePointSize(i)
            target = QRectF(printer.pageLayout().fullRectPixels(dpi))
            scale = min(target.width() / pt.width(), target.height() / pt.height())
            w, h = pt.width() * scale, pt.height() * scale
            # render at the printer's resolution, capped to keep memory sane
            cap = 4000 / max(w, h) if max(w, h) > 4000 else 1.0
            image = doc.render(i, QSize(int(w * cap), int(h * cap)), QPdfDocumentRenderOptions())
            painter.drawImage(QRectF(target.x(), target.y(), w, h), image)
            printed += 1
            report(progress, printed, count)
        return printed
    finally:
        painter.end()
        doc.close()


@dataclass(frozen=True)
class Printed:
    """What a print job did: *pages* of *total* went to the printer."""

    pages: int
    total: int

    @property
    def complete(self) -> bool:
        return self.pages == self.total


def _print_job(data: bytes, printer: QPrinter, progress: ProgressFn, cancel: Cancel) -> Printed:
    total = len(pdf_page_sizes_mm(data))
    return Printed(print_pdf(data, printer, progress=progress, cancel=cancel), total)


def start_print(
    data: bytes,
    printer: QPrinter,
    parent: QWidget | None = None,
    *,
    on_done: Callable[[Printed], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    """Print *data* on *printer* on a worker thread, with a progress dialog
    ("Page 3 of 40") whose Cancel ends the job after the page being printed.

    The GUI stays responsive meanwhile; *on_done* gets a :class:`Printed`.
    The QPrinter must not be used by anyone else until the task finishes.
    """
    from app.views.progress_dialog import run_with_progress

    def page_text(done: int, total: int, _text: str) -> str:
        return QCoreApplication.translate("pdf_preview", "Printing page {done} of {total}…").format(
            done=min(done + 1, total), total=total
        )

    return run_with_progress(
        parent,
        QCoreApplication.translate("pdf_preview", "Printing"),
        _print_job,
        data,
        printer,
        label=QCoreApplication.translate("pdf_preview", "Printing…"),
        label_for=page_text,
        on_done=on_done,
        on_error=on_error,
        receiver=parent,
    )


def save_pdf(data: bytes, path: Path | str) -> Path:
    """Write *data* to *path* atomically (a pulled stick leaves no half file)."""
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def has_printer() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinters())


def print_direct(
    data: bytes, page: str = "A4", parent: QWidget | None = None, title: str = ""
) -> bool:
    """Print on the default printer without a dialog; without a printer, preview instead.

    Returns True when the pages went to a printer: the job then runs on a worker
    thread (:func:`start_print`); a failure is told by the application's handler.
    """
    if has_printer():
        start_print(data, make_printer(page, data), parent)
        return True
    show_pdf(data, title, page, parent)
    return False


class PdfPreviewDialog(QDialog):
    """A document on screen, with Print… and Save as PDF…."""

    def __init__(
        self,
        data: bytes,
        title: str = "",
        page: str = "A4",
        parent: QWidget | None = None,
        *,
        file_name: str = "",
    ) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title or self.tr("Preview"))
        self.data = data
        self.page = page
        self._print_task: Task | None = None
        # The suggested name: the caller's, else the (translated) window title.
        self.file_name = file_name or safe_file_name(self.windowTitle()) + ".pdf"
        self.document = _document(data, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.message = MessageLabel()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("preview_print")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("preview_save")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_window(self, 760, 860 if page != "80mm" else 700)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = make_printer(self.page, self.data)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Task:
        """Print on *printer* off the GUI thread; the message says how it went."""
        self.print_button.setEnabled(False)

        def done(printed: Printed) -> None:
            self.print_button.setEnabled(True)
            if printed.complete:
                self.message.show_ok(self.tr("Sent %n page(s) to the printer.", "", printed.pages))
            else:
                self.message.show_info(
                    self.tr(
                        "Printing cancelled after %n page(s) of {total}.", "", printed.pages
                    ).format(total=printed.total)
                )

        def failed(err: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.message.show_error(
                self.tr("Printing failed: {error}").format(error=error_text(err))
            )

        self._print_task = start_print(self.data, printer, self, on_done=done, on_error=failed)
        return self._print_task

    def save_document(self) -> None:
        path = save_file_name(
            self, self.tr("Save as PDF"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            save_pdf(self.data, path)
        except OSError as err:
            QMessageBox.warning(self, self.windowTitle(), str(err))
            return
        self.message.show_ok(self.tr("Saved as {path}.").format(path=str(path)))


_open_previews: list[PdfPreviewDialog] = []


def show_pdf(
    data: bytes,
    title: str = "",
    page: str = "A4",
    parent: QWidget | None = None,
    *,
    file_name: str = "",
) -> PdfPreviewDialog:
    """Open a preview window (not blocking) and return it."""
    dialog = PdfPreviewDialog(data, title, page, parent, file_name=file_name)
    _open_previews.append(dialog)

    def forget(_result: int) -> None:
        if dialog in _open_previews:
            _open_previews.remove(dialog)

    dialog.finished.connect(forget)
    dialog.show()
    return dialog


def open_previews() -> list[PdfPreviewDialog]:
    """Preview windows currently open (tests look at them)."""
    return list(_open_previews)
