"""Printing off the GUI thread: a long document keeps the window responsive, shows
"page n of N" and stops on Cancel with the pages printed so far."""

from __future__ import annotations

import io
import subprocess

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.views.pdf_preview import Printed, pdf_printer, start_print


def pages_pdf(n: int) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for i in range(n):
        c.setFont("Helvetica", 48)
        c.drawString(100, 700, f"Page {i + 1}")
        c.rect(50, 50, 495, 742)
        c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_pages(path) -> int:  # type: ignore[no-untyped-def]
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_a_40_page_job_leaves_the_gui_thread_free(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = pages_pdf(40)
    out = tmp_path / "cards.pdf"
    ticks: list[int] = []
    ticks_at_page: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    results: list[Printed] = []
    task = start_print(data, pdf_printer(out, "A4", data), on_done=results.append)
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    labels: list[str] = []
    task.progressed.connect(lambda done, total, _t: ticks_at_page.append(len(ticks)))
    task.progressed.connect(lambda *_a: labels.append(dialog.labelText()))
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass
    timer.stop()
    assert results == [Printed(40, 40)]
    assert pdf_pages(out) == 40
    # the GUI thread's timer kept firing while the pages were being drawn
    assert len(ticks_at_page) == 40
    assert ticks_at_page[-1] - ticks_at_page[0] > 0
    assert "Printing page 40 of 40…" in labels
    assert dialog.maximum() == 40 and not dialog.isVisible()


def test_cancel_stops_the_job_with_the_pages_so_far(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = pages_pdf(40)
    out = tmp_path / "cancelled.pdf"
    results: list[Printed] = []
    task = start_print(data, pdf_printer(out, "A4", data), on_done=results.append)
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    task.progressed.connect(lambda done, _total, _t: done == 2 and cancel_button.click())
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass
    assert len(results) == 1
    printed = results[0]
    assert printed.total == 40 and 2 <= printed.pages < 40 and not printed.complete
    assert pdf_pages(out) == printed.pages  # the pages so far, a valid file
    assert not dialog.isVisible()
