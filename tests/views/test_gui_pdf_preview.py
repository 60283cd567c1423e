"""The PDF preview: shows a document, prints it through QPrinter, saves it."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.printing.slip import SlipData, SlipLine, render_slip
from app.views import pdf_preview
from app.views.pdf_preview import PdfPreviewDialog, pdf_printer, print_pdf


def slip(page: str) -> bytes:
    data = SlipData(
        "DH-2026-000007",
        "东风村新时代文明实践站",
        "001",
        "张三",
        [SlipLine("食用油", "桶", 1, 20, 20)],
        20,
        50,
        30,
        "王站长",
        datetime(2026, 11, 22, 9, 30),
        "WB1:R:AAAAAAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAA",
    )
    return render_slip(data, page)


def page_size_pts(path) -> str:  # type: ignore[no-untyped-def]
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return next(line for line in info.stdout.splitlines() if line.startswith("Page size"))


@pytest.mark.parametrize(
    ("page", "size"), [("A4", "595 x 842"), ("A5", "595 x 420"), ("80mm", "227 x")]
)
def test_printing_to_a_pdf_printer_keeps_the_page_size(tmp_path, page, size) -> None:  # type: ignore[no-untyped-def]
    data = slip(page)
    out = tmp_path / f"{page}.pdf"
    pages = print_pdf(data, pdf_printer(out, page, data))
    assert pages >= 1 and out.stat().st_size > 1000
    assert size in page_size_pts(out)


def test_the_dialog_shows_and_saves(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = slip("A4")
    dialog = PdfPreviewDialog(data, "Slip", "A4")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 1
    target = tmp_path / "saved"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "")),
    )
    dialog.save_button.click()
    saved = tmp_path / "saved.pdf"
    assert saved.read_bytes() == data
    assert dialog.message.text() == f"Saved as {saved}."


def test_print_button_uses_the_print_dialog(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    data = slip("A5")
    dialog = PdfPreviewDialog(data, "Slip", "A5")
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    dialog.print_button.click()  # the pages are drawn on a worker thread
    qtbot.waitUntil(lambda: "page" in dialog.message.text())
    assert dialog.message.text() == "Sent 2 pages to the printer."
    assert out.is_file()


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(ValueError):
        pdf_preview.pdf_page_sizes_mm(b"not a pdf")


def test_save_starts_in_documents_then_in_the_last_folder(
    qtbot, tmp_path, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Not the program's folder, not "document.pdf": the title names the file."""
    from PySide6.QtCore import QStandardPaths

    from app.settings import LAST_FOLDER
    from app.views import files

    files.remember_folders_in(settings)
    offered: list[str] = []
    chosen = tmp_path / "U盘" / "积分榜.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda _p, _t, start, _f: offered.append(start) or (str(chosen), "")),
    )
    try:
        data = slip("A4")
        dialog = PdfPreviewDialog(data, "积分榜 2026-11", "A4")
        qtbot.addWidget(dialog)
        dialog.save_button.click()
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        assert Path(offered[0]).parent in (Path(documents), Path.home())
        assert Path(offered[0]).name == "积分榜 2026-11.pdf"
        assert chosen.read_bytes() == data
        assert settings.get(LAST_FOLDER) == str(chosen.parent)
        dialog.save_button.click()
        assert Path(offered[1]) == chosen.parent / "积分榜 2026-11.pdf"
    finally:
        files.remember_folders_in(None)
