"""Done-when of issue 3: a whole day at the redemption counter, driven as a person
(and a USB scanner) would — key bursts, clicks, Enter — then the ledger, stock,
audit chain and the printed slips are checked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import hid
import pytest
from gui_points_fixtures import (
    PERSON_MS,
    FakeClock,
    build_shop,
    page_context,
    snapshot,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import Redemption
from app.services import audit, points, supermarket
from app.views.pdf_preview import open_previews
from app.views.points.options import SLIP_FOLDER, SLIP_OUTPUT, SLIP_PAGE
from app.views.supermarket import counter as counter_module
from app.views.supermarket.counter import CounterWidget


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def shop(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return build_shop(db, data_dir, admin)


@pytest.fixture
def counter(qtbot, shop, data_dir, settings, tmp_path, wait_tasks):  # type: ignore[no-untyped-def]
    settings.set(SLIP_OUTPUT, "folder")
    settings.set(SLIP_FOLDER, str(tmp_path / "slips"))
    settings.set(SLIP_PAGE, "A4")
    clock = FakeClock()
    widget = CounterWidget(page_context(shop.db, data_dir, settings, shop.admin), clock=clock)
    widget.clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    assert widget.facts is not None and widget.goods
    return widget


def scan(qtbot, widget: CounterWidget, code: str, **variant) -> None:  # type: ignore[no-untyped-def]
    """A USB scanner (see hid), to the focus widget — the counter's scan field."""
    qtbot.waitUntil(widget.scan.hasFocus, timeout=2_000)
    hid.scan(code, clock=widget.clock, **variant)  # type: ignore[attr-defined]


def type_in(qtbot, widget: CounterWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """A person typing in the scan field (key events at a person's pace), then Enter."""
    hid.type_text(text, clock=widget.clock, target=widget.scan, gap_ms=PERSON_MS)


def redemption_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Redemption)) or 0


def test_a_whole_day_at_the_counter(
    qtbot, counter, shop, tmp_path, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db = shop.db
    # 1. the first villager: card scanned at scanner speed
    scan(qtbot, counter, shop.rich_card, caps_lock=True)  # Caps Lock on: still read
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household is not None and counter.household.number == "001"
    assert counter.balance_label.text() == "Balance: 50 points"
    assert counter.scan.text() == ""
    assert counter.entries_model.rowCount() == 1  # the +50 award
    # 2. goods by barcode scan, and by clicking the grid
    scan(qtbot, counter, shop.oil.barcode)
    assert [(line.goods.name, line.qty) for line in counter.cart.lines] == [("食用油", 1)]
    soap_button = counter.goods_button(shop.soap.id)
    assert soap_button is not None
    qtbot.mouseClick(soap_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(soap_button, Qt.MouseButton.LeftButton)
    assert [(line.goods.name, line.qty) for line in counter.cart.lines] == [
        ("食用油", 1),
        ("肥皂", 2),
    ]
    assert counter.total_label.text() == "Total: 26 points"
    assert counter.after_label.text() == "Balance after: 24 points"
    assert not counter.cart_warning.isVisible()
    assert counter.scan.hasFocus()  # clicking the grid did not take the focus away
    # 3. confirm with Enter — and a second Enter and a click on the button at once
    rid = counter.redemption_id
    assert rid is not None
    with qtbot.waitSignal(counter.redeemed, timeout=10_000) as done:
        qtbot.keyClick(counter.scan, Qt.Key.Key_Return)
        qtbot.keyClick(counter.scan, Qt.Key.Key_Return)
        qtbot.mouseClick(counter.confirm_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.id == rid and (result.total_points, result.balance_after) == (26, 24)
    wait_tasks()
    assert redemption_count(db) == 1
    assert counter.household is None and not counter.cart.lines  # idle for the next villager
    # the same id again (a retry after a crash) gives the same redemption back
    again = supermarket.redeem(db, shop.admin, rid, shop.rich.id, [(shop.oil.id, 1)])
    assert again.already_existed and redemption_count(db) == 1
    # 4. the slip went out and its print was recorded
    slip = tmp_path / "slips" / f"{result.number}.pdf"
    assert slip.is_file()
    text = pdf_text(slip)
    for expected in (result.number, "001", "张三", "食用油", "肥皂", "存根联", "客户联"):
        assert expected in text
    assert "26" in text and "24" in text
    assert "补打" not in text
    assert supermarket.get_redemption(db, rid).print_count == 1
    # 5. a household without enough points: warned before, refused on confirm
    scan(qtbot, counter, shop.poor_card)
    qtbot.waitUntil(lambda: counter.household is not None)
    scan(qtbot, counter, shop.oil.barcode)
    assert counter.cart_warning.isVisible()
    assert "Not enough points" in counter.cart_warning.text()
    before = snapshot(db)
    qtbot.keyClick(counter.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not counter.committing)
    wait_tasks()
    assert counter.message.text() == "Household 002 has 3 points; these goods need 20."
    assert counter.message.kind == "error"
    assert snapshot(db) == before and redemption_count(db) == 1
    qtbot.keyClick(counter.scan, Qt.Key.Key_Escape)
    assert counter.household is None and not counter.cart.lines
    # 6. a forged card (security code edited) is refused and changes nothing
    forged = shop.rich_card[:-1] + ("A" if shop.rich_card[-1] != "A" else "B")
    scan(qtbot, counter, forged)
    qtbot.waitUntil(
        lambda: counter.message.kind == "error" and "security code" in counter.message.text()
    )
    assert counter.household is None and snapshot(db) == before
    # 7. a person types the household number, then a towel by its initials
    type_in(qtbot, counter, "001")
    qtbot.waitUntil(lambda: counter.household is not None)
    type_in(qtbot, counter, "mj")  # initials of 毛巾
    assert [(line.goods.name, line.qty) for line in counter.cart.lines] == [("毛巾", 1)]
    with qtbot.waitSignal(counter.redeemed, timeout=10_000) as second:
        qtbot.mouseClick(counter.confirm_button, Qt.MouseButton.LeftButton)
    towel_slip = second.args[0]
    assert towel_slip.balance_after == 16
    wait_tasks()
    # 8. the administrator voids the first slip, with a reason, and a void slip is printed
    counter.find_slip.setText(result.number)
    qtbot.keyClick(counter.find_slip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [r.number for r in counter.slips_model.rows] == [result.number])
    asked: list[str] = []

    def reason(_parent, title, _label):  # type: ignore[no-untyped-def]
        asked.append(title)
        return "录入错误，村民未取货"

    monkeypatch.setattr(counter_module, "ask_reason", reason)
    with qtbot.waitSignal(counter.voided, timeout=10_000) as voided:
        qtbot.mouseClick(counter.void_button, Qt.MouseButton.LeftButton)
    assert asked == [f"Void slip {result.number}"]
    assert voided.args[0].balance_after == 16 + 26
    wait_tasks()
    void_text = pdf_text(tmp_path / "slips" / f"{result.number}-void.pdf")
    assert "作废" in void_text and "录入错误" in void_text
    assert supermarket.get_redemption(db, rid).voided
    # 9. the day's books balance
    assert points.balance(db, shop.rich.id) == 42
    assert points.verify_balances(db).ok
    assert supermarket.verify_stock(db) == []
    on_hand = {g.id: g.on_hand for g in supermarket.list_goods(db)}
    assert on_hand == {shop.oil.id: 5, shop.soap.id: 10, shop.towel.id: 2}
    chain = audit.verify_chain(db)
    assert chain.ok and chain.checked > 10
    assert supermarket.unprinted_redemptions(db) == []


def test_person_speed_typing_is_a_search_not_a_scan(qtbot, counter, shop, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    type_in(qtbot, counter, "zs")  # pinyin initials of 张三
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household is not None and counter.household.head_name == "张三"


def test_an_unrecognised_scan_empties_the_field_and_the_next_card_is_read(
    qtbot, counter, shop, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, counter, "Hello-World:42")  # not a card, no household: searched, nothing
    qtbot.waitUntil(lambda: counter.message.kind == "error")
    assert counter.message.text() == "No household matches “Hello-World:42”."
    assert counter.scan.text() == "" and counter.household is None
    scan(qtbot, counter, shop.rich_card, caps_lock=True)  # Caps Lock on
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household is not None and counter.household.number == "001"
    scan(qtbot, counter, "Hello-World:42")  # a household is open: an unknown barcode
    qtbot.waitUntil(lambda: "No goods has the barcode" in counter.message.text())
    assert counter.scan.text() == "" and not counter.cart.lines
    scan(qtbot, counter, shop.poor_card, ime=True)  # a Chinese IME's full-width colon
    qtbot.waitUntil(lambda: counter.household is not None and counter.household.number == "002")
    assert counter.scan.text() == "" and counter.scan.hasFocus()


def test_the_scan_field_has_the_focus_after_a_redemption_and_a_dialog(
    qtbot, counter, shop, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, counter, shop.rich_card)
    qtbot.waitUntil(lambda: counter.household is not None)
    scan(qtbot, counter, shop.soap.barcode)
    counter.ctx.settings.set(SLIP_OUTPUT, "preview")  # the slip opens in a preview window
    with qtbot.waitSignal(counter.redeemed, timeout=10_000):
        qtbot.mouseClick(counter.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(open_previews()), timeout=20_000)
    open_previews()[-1].reject()  # the cashier closes it
    qtbot.waitUntil(counter.scan.hasFocus)
    # the void dialog (the real one) opens over the counter and is cancelled
    seen: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        seen.append(dialog.windowTitle())
        dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, cancel)
    qtbot.mouseClick(counter.void_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("Void slip")
    qtbot.waitUntil(counter.scan.hasFocus)
    hid.scan(shop.poor_card, clock=counter.clock)  # to the focus widget
    qtbot.waitUntil(lambda: counter.household is not None)
    assert counter.household is not None and counter.household.number == "002"


def test_out_of_stock_is_refused_before_confirm(qtbot, counter, shop, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, counter, shop.rich_card)
    qtbot.waitUntil(lambda: counter.household is not None)
    towel = counter.goods_button(shop.towel.id)
    assert towel is not None
    for _ in range(4):
        qtbot.mouseClick(towel, Qt.MouseButton.LeftButton)
    assert counter.cart.lines[0].qty == 3
    assert counter.message.text() == "Only 3 条 of “毛巾” in stock."


def test_a_crash_before_printing_leaves_the_slip_in_the_unprinted_list(
    qtbot, counter, shop, tmp_path, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    supermarket.redeem(
        shop.db, shop.admin, supermarket.new_redemption_id(), shop.rich.id, [(shop.soap.id, 1)]
    )
    counter.refresh_unprinted_count()
    wait_tasks()
    assert counter.unprinted_button.text() == "Unprinted slips (1)"
    qtbot.mouseClick(counter.unprinted_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(counter.slips_model.rows) == 1)
    qtbot.mouseClick(counter.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: counter.unprinted_button.text() == "Unprinted slips (0)")
    number = counter.slips_model.rows[0].number
    assert "补打" not in pdf_text(tmp_path / "slips" / f"{number}.pdf")
    # printing it again is a reprint: marked 补打
    qtbot.mouseClick(counter.reprint_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert "补打" in pdf_text(tmp_path / "slips" / f"{number}.pdf")
