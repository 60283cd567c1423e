"""Printing as a station prints: the real program on the X screen, its own print
buttons, QPrinter on a real CUPS queue (cups-pdf, the default printer), and the
page the queue produced read back: page count and size with ``pdfinfo``, the
text by OCR of the printed page (the program draws each page on the printer as
a picture, so the queue's PDF holds no text layer for ``pdftotext``).

Pictures of the printed pages go to /tmp/shots-e2e/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from e2e_desktop import (
    PrintQueue,
    RunningApp,
    differences_where_they_differ,
    page_size_mm,
    pdf_info,
    read_printout,
    shot_of_printout,
)
from e2e_station import Prepared, set_option
from e2e_steps import open_area, open_counter, scan_household, sign_in

from app.views.pdf_preview import PAGE_CHOICES

pytestmark = pytest.mark.hardware

STATION_NAME = "东风村新时代文明实践站"


def latest_slip_number(station: Prepared) -> str:
    from app.db import Database
    from app.paths import DataDir
    from app.services import supermarket

    db = Database(DataDir(station.data_dir).database)
    try:
        return supermarket.household_redemptions(db, station.household_id, 1)[0].number
    finally:
        db.dispose()


def expected_slip(station: Prepared, width_mm: int, reprint: bool, folder: Path) -> Path:
    """The household's latest slip on 80 mm paper as the program draws it (two copies)."""
    from app.db import Database
    from app.paths import DataDir
    from app.services import supermarket
    from app.services.documents.slips import slip_pdf
    from app.views.points.entries import load_station_facts

    assert width_mm == 80
    data_dir = DataDir(station.data_dir)
    db = Database(data_dir.database)
    try:
        result = supermarket.household_redemptions(db, station.household_id, 1)[0]
        facts = load_station_facts(db, data_dir)
        pdf = slip_pdf(
            result, facts.name, facts.card_key, "80mm", ("存根联", "客户联"), reprint=reprint
        )
    finally:
        db.dispose()
    path = folder / f"expected-80mm-{'reprint' if reprint else 'first'}.pdf"
    path.write_bytes(pdf)
    return path


def test_counter_slips_print_on_the_queue_in_a4_and_80mm(
    start_app: Callable[..., RunningApp],
    station: Prepared,
    print_queue: PrintQueue,
    tmp_path: Path,
) -> None:
    from app.views.points.options import SLIP_OUTPUT, SLIP_PAGE, SLIP_TWO_COPIES

    set_option(station.data_dir, SLIP_OUTPUT, "printer")  # 立即打印, the counter's default
    set_option(station.data_dir, SLIP_PAGE, "A4")
    set_option(station.data_dir, SLIP_TWO_COPIES, True)
    app = start_app(station, print_queue.env())
    sign_in(app)
    open_counter(app)
    scan_household(app, station.household_card, station.household_number)
    good = next(g for g in station.goods if g.barcode and g.price <= station.balance)
    app.desktop.scan(good.barcode)  # the goods' barcode, read by the same scanner
    app.wait_for(lambda s: s.item("cart", good.name), f"{good.name} in the cart")

    before, jobs = print_queue.pdfs(), print_queue.completed()
    app.desktop.key("Return")  # confirm: the slip goes to the default printer at once
    a4 = print_queue.wait_for_printout(before, jobs, "the A4 slip from the queue")
    number = latest_slip_number(station)
    info = pdf_info(a4)
    assert info["Pages"] == "1"
    width, height = page_size_mm(info)
    assert abs(width - 210) < 1 and abs(height - 297) < 1, info["Page size"]
    text = read_printout(a4)
    shot_of_printout(a4, "printed-slip-a4")
    for words in (STATION_NAME, "存根联", "客户联", number, good.name.split()[0]):
        assert words in text, f"{words!r} not on the printed A4 slip: {text!r}"

    # 80 mm receipt paper, chosen in the counter, then the slip printed again (补打)
    paper = app.wait_for(lambda s: s.widget("slip_paper"), "the slip paper choice")
    app.click(paper)

    listed = app.wait_for(
        lambda s: [i["text"] for i in s.data["items"] if i["text"] in PAGE_CHOICES],
        "the paper sizes listed",
    )
    # in the open list the keyboard moves from the current choice (A4) to 80mm
    app.desktop.key(*["Down"] * (listed.index("80mm") - listed.index("A4")), "Return")
    app.wait_for(lambda s: s.text("slip_paper") == "80mm", "80mm chosen")
    before, jobs = print_queue.pdfs(), print_queue.completed()
    app.click(app.wait_for(lambda s: s.widget("reprint_slip"), "the Reprint button"))
    receipt = print_queue.wait_for_printout(before, jobs, "the 80 mm slip from the queue")
    info = pdf_info(receipt)
    width, height = page_size_mm(info)
    assert abs(width - 80) < 1, info["Page size"]
    assert height > 80, info["Page size"]
    text = read_printout(receipt, dpi=300)
    shot_of_printout(receipt, "printed-slip-80mm")
    for words in (number, good.name.split()[0]):
        assert words in text, f"{words!r} not on the printed 80 mm slip: {text!r}"
    # The 补打 stamp, in a red box, is beyond OCR; the printed page is compared with
    # the slip as the program draws it with and without the stamp instead.
    with_stamp, first_print = (
        expected_slip(station, 80, reprint, tmp_path) for reprint in (True, False)
    )
    to_stamped, to_first = differences_where_they_differ(receipt, with_stamp, first_print)
    assert to_stamped < to_first / 3, (
        f"the printed slip does not look stamped 补打: {to_stamped:.0f} vs {to_first:.0f}"
    )
    app.desktop.screenshot("counter-after-printing")


def test_certificate_prints_from_its_preview_with_the_print_dialog(
    start_app: Callable[..., RunningApp], station: Prepared, print_queue: PrintQueue
) -> None:
    app = start_app(station, print_queue.env())
    sign_in(app)
    open_area(app, "志愿者")
    app.click(app.wait_for(lambda s: s.tab("证明"), "the certificates tab"))
    row = app.wait_for(  # the register's rows show "…" until they are fetched
        lambda s: next((i for i in s.items("register_table") if i["text"].startswith("ZM-")), None),
        "a certificate in the register",
    )
    number = row["text"].split(" | ")[0]
    assert number.startswith("ZM-"), row["text"]
    app.click(row)
    app.click(app.wait_for(lambda s: s.widget("register_preview"), "the Preview button"))
    app.wait_for(lambda s: s.window("pdf_preview"), "the preview", 30)
    app.activate("pdf_preview")
    print_button = app.wait_for(
        lambda s: (b := s.widget("preview_print")) is not None and b["enabled"] and b,
        "the preview's Print button",
    )
    _, _, _, free_height = app.desktop.workarea()
    assert print_button["y"] + print_button["h"] <= free_height, (
        f"the preview's Print button is at y={print_button['y']}, below the "
        f"{free_height} px of the screen above the taskbar"
    )
    app.click(print_button)
    dialog = app.wait_for(
        lambda s: next((w for w in s.windows() if w["class"] == "QPrintDialog"), None),
        "the print dialog",
    )
    app.activate(dialog["name"] or dialog["title"])
    printers = app.wait_for(lambda s: s.widget("printers"), "the printer choice")
    assert printers["text"] == PrintQueue.NAME  # the station's default printer is chosen
    app.desktop.screenshot("certificate-print-dialog")

    before, jobs = print_queue.pdfs(), print_queue.completed()
    app.desktop.key("Return")  # the dialog's default button: 打印
    printout = print_queue.wait_for_printout(before, jobs, "the certificate from the queue")
    app.wait_for(
        lambda s: not any(w["class"] == "QPrintDialog" for w in s.windows()),
        "the print dialog closed",
    )
    info = pdf_info(printout)
    assert info["Pages"] == "1"
    width, height = sorted(page_size_mm(info))
    assert abs(width - 210) < 1 and abs(height - 297) < 1, info["Page size"]
    text = read_printout(printout)
    shot_of_printout(printout, "printed-certificate")
    for words in (STATION_NAME, number):
        assert words in text, f"{words!r} not on the printed certificate: {text!r}"
    app.desktop.screenshot("certificate-printed")
