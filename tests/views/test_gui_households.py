"""The households page: the lazy list, search while typing, the household file and
its dialogs, batch awards, cards and the export."""

from __future__ import annotations

import hid
import pytest
from gui_points_fixtures import page_context, snapshot
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services import households, points
from app.services.households import HouseholdData, MemberData
from app.views.pdf_preview import open_previews
from app.views.points import household_dialogs, households_page
from app.views.points.households_page import HouseholdsModel, HouseholdsTab

N = 450


@pytest.fixture
def village(station_db):  # type: ignore[no-untyped-def]
    """450 households in three groups; 001 is 张三 with a phone ending 5678."""
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
        for i in range(1, N + 1):
            number = f"{i:03d}"
            head = "张三" if i == 1 else ("李四" if i == 2 else f"王{i}")
            phone = "13800005678" if i == 1 else ""
            households.add_household(
                s,
                admin,
                HouseholdData(number, f"第{'一二三'[i % 3]}村民小组", phone=phone),
                MemberData(head),
            )
    return db, admin


@pytest.fixture
def tab(qtbot, village, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = village
    widget = HouseholdsTab(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    return widget


def test_the_list_is_lazy_and_fetches_pages_as_it_scrolls(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    model = tab.model
    assert model.rowCount() == N
    assert tab.count_label.text() == "450 households"
    assert model.loaded_pages() == {0}  # only what the view shows
    assert model.index(0, HouseholdsModel.NUMBER).data() == "001"
    assert model.index(0, HouseholdsModel.PHONE).data() == "138****5678"  # masked
    tab.view.scrollToBottom()
    qtbot.waitUntil(lambda: 2 in model.loaded_pages())
    wait_tasks()
    assert 1 not in model.loaded_pages()  # the middle was never painted
    assert model.index(N - 1, HouseholdsModel.NUMBER).data() == "450"
    assert model.fetches == 2


def test_unloaded_rows_show_a_placeholder_until_their_page_arrives(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    model = tab.model
    assert model.hit(300) is None  # requested now
    assert model.index(300, 0).data() == "…"
    with qtbot.waitSignal(model.page_loaded):
        pass
    assert model.hit(300) is not None and model.hit(300).number == "301"  # type: ignore[union-attr]


def test_search_while_typing(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    serial = tab._search_serial
    qtbot.keyClicks(tab.search, "zs")  # pinyin initials of 张三
    qtbot.waitUntil(lambda: tab.model.hits is not None)
    assert tab._search_serial == serial + 1  # one search for the two keys (debounced)
    assert [h.head_name for h in tab.model.hits or []] == ["张三"]
    assert tab.count_label.text() == "1 found"
    qtbot.waitUntil(lambda: tab.detail.household is not None)  # the only hit opens
    assert tab.detail.title.text() == "Household 001 · 张三"
    tab.search.clear()
    qtbot.keyClicks(tab.search, "5678")  # phone tail
    qtbot.waitUntil(lambda: tab.model.hits is not None and tab.search.text() == "5678")
    wait_tasks()
    assert [h.number for h in tab.model.hits or []] == ["001"]
    tab.search.clear()
    wait_tasks()
    qtbot.waitUntil(lambda: tab.model.hits is None and tab.model.rowCount() == N)
    qtbot.keyClicks(tab.search, "04")  # number prefix
    qtbot.waitUntil(lambda: tab.model.hits is not None)
    assert [h.number for h in tab.model.hits or []][:3] == ["040", "041", "042"]


def test_a_stale_search_result_is_dropped(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab.search.setText("zs")
    tab.apply_search()
    stale = tab._search_serial
    tab.search.setText("ls")
    tab.apply_search()
    wait_tasks()
    assert [h.head_name for h in tab.model.hits or []] == ["李四"]
    tab._search_done(stale, tab.current_filter(), [])  # the slow first answer arrives late
    assert [h.head_name for h in tab.model.hits or []] == ["李四"]


def test_group_filter(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    assert tab.group.count() == 4  # all + three groups
    tab.group.setCurrentIndex(tab.group.findData("第一村民小组"))
    qtbot.waitUntil(lambda: tab.count_label.text() == "150 households")
    wait_tasks()
    assert {tab.model.hit(i).group_name for i in range(5)} == {"第一村民小组"}  # type: ignore[union-attr]


def test_new_household_dialog_shows_the_service_refusal_inline(
    qtbot, tab, village, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _ = village
    before = snapshot(db)
    qtbot.mouseClick(tab.action_buttons["new"], Qt.MouseButton.LeftButton)
    dialog = tab.findChild(household_dialogs.HouseholdDialog)
    assert dialog is not None and dialog.head_form is not None
    qtbot.keyClicks(dialog.number, "901")
    dialog.head_form.name.setText("赵六")
    qtbot.keyClicks(dialog.head_form.id_number, "330481199001011230")  # wrong check digit
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_tasks()
    assert dialog.isVisible() and dialog.message.kind == "error"
    assert "ID number" in dialog.message.text() or "check" in dialog.message.text()
    assert snapshot(db) == before
    dialog.head_form.id_number.clear()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    assert households.find_by_number(db, "901") is not None
    assert tab.message.text() == "Household 901 registered."


def test_award_by_rule_from_the_household_file(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab.view.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    qtbot.mouseClick(tab.detail.buttons["award"], Qt.MouseButton.LeftButton)
    dialog = tab.detail.findChild(household_dialogs.AwardDialog)
    assert dialog is not None
    wait_tasks()
    dialog.select_rule("HJ02")  # 庭院整洁 +2
    dialog.quantity.setValue(2)
    assert dialog.preview.text() == "+4 points"
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    assert tab.detail.balance.text() == "Balance: 4 points"
    assert tab.detail.entries.rows[0].rule_name == "庭院整洁"


def test_the_award_reads_the_points_policy_off_the_gui_thread(
    qtbot, tab, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    real = household_dialogs.points_settings
    read_on: list[bool] = []

    def recording(db):  # type: ignore[no-untyped-def]
        read_on.append(threading.current_thread() is threading.main_thread())
        return real(db)

    monkeypatch.setattr(household_dialogs, "points_settings", recording)
    tab.view.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    qtbot.mouseClick(tab.detail.buttons["award"], Qt.MouseButton.LeftButton)
    dialog = tab.detail.findChild(household_dialogs.AwardDialog)
    wait_tasks()
    dialog.select_rule("HJ02")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    assert read_on == [False]  # read once, by the worker that writes the award
    assert tab.detail.balance.text() == "Balance: 2 points"


def test_a_cap_refusal_is_shown_in_the_award_dialog(qtbot, tab, village, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    db, _admin = village
    tab.view.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    qtbot.mouseClick(tab.detail.buttons["award"], Qt.MouseButton.LeftButton)
    dialog = tab.detail.findChild(household_dialogs.AwardDialog)
    wait_tasks()
    dialog.select_rule("XX01")  # cap 30
    dialog.quantity.setValue(7)  # 35 points
    before = snapshot(db)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_tasks()
    assert dialog.isVisible() and "cap" in dialog.message.text()
    assert snapshot(db) == before


def test_batch_award_and_its_undo(qtbot, tab, village, wait_tasks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, _ = village
    for row in range(5):
        tab.view.selectionModel().select(
            tab.model.index(row, 0),
            tab.view.selectionModel().SelectionFlag.Select
            | tab.view.selectionModel().SelectionFlag.Rows,
        )
    asked: list[str] = []
    monkeypatch.setattr(
        household_dialogs, "confirm", lambda _p, _t, text: asked.append(text) or True
    )
    qtbot.mouseClick(tab.action_buttons["batch"], Qt.MouseButton.LeftButton)
    dialog = tab.findChild(household_dialogs.BatchAwardDialog)
    assert dialog is not None
    wait_tasks()
    dialog.select_rule("HJ01")  # +5
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    assert asked and "5 households" in asked[0]
    assert tab.message.text() == "Batch done: 5 households, +25 points in all."
    assert [points.balance(db, tab.model.hit(i).id) for i in range(5)] == [5] * 5  # type: ignore[union-attr]
    monkeypatch.setattr(households_page, "ask_reason", lambda *_a: "选错了户")
    qtbot.mouseClick(tab.action_buttons["undo_batch"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "undone" in tab.message.text())
    wait_tasks()
    assert [points.balance(db, tab.model.hit(i).id) for i in range(5)] == [0] * 5  # type: ignore[union-attr]
    assert points.verify_balances(db).ok


def test_export_writes_the_masked_list(qtbot, tab, tmp_path, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.xlsx"
    tab.lists.export_to(path)
    qtbot.waitUntil(lambda: "exported" in tab.message.text(), timeout=20_000)
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == N + 1
    assert rows[1][:4] == ("001", "张三", "第二村民小组", "138****5678")


def test_cards_for_selected_households_open_in_the_preview(
    qtbot, tab, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    for row in range(9):
        tab.view.selectionModel().select(
            tab.model.index(row, 0),
            tab.view.selectionModel().SelectionFlag.Select
            | tab.view.selectionModel().SelectionFlag.Rows,
        )
    qtbot.mouseClick(tab.action_buttons["cards"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(open_previews()), timeout=20_000)
    preview = open_previews()[-1]
    assert preview.page_count() == 2  # nine cards: two A4 sheets of eight
    preview.close()


def test_a_scanned_household_card_finds_its_household(qtbot, tab, village, data_dir) -> None:  # type: ignore[no-untyped-def]
    from app.services import cards, keys

    db, admin = village
    key = keys.load_keys(data_dir.keys).card_key
    h = households.find_by_number(db, "002")
    assert h is not None
    card = cards.issue_card(db, admin, key, cards.CardKind.HOUSEHOLD, h.id)
    qtbot.mouseClick(tab.search, Qt.MouseButton.LeftButton)  # into the search box
    hid.scan(card.payload)  # a keyboard-wedge scanner: to the focus, real clock
    qtbot.waitUntil(lambda: tab.model.hits is not None)
    assert [x.number for x in tab.model.hits or []] == ["002"]
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    assert tab.search.text() == ""  # ready for the next card
    forged = card.payload[:-2] + ("AA" if not card.payload.endswith("AA") else "BB")
    hid.scan(forged)
    qtbot.waitUntil(lambda: tab.message.kind == "error")
    assert "altered" in tab.message.text() or "not valid" in tab.message.text()


def test_awarding_one_household_updates_its_row_in_the_search_results(
    qtbot, tab, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    tab.search.setText("zs")
    tab.apply_search()
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    balance = tab.model.index(0, HouseholdsModel.BALANCE)
    assert balance.data() == "0"
    qtbot.mouseClick(tab.detail.buttons["award"], Qt.MouseButton.LeftButton)
    dialog = tab.detail.findChild(household_dialogs.AwardDialog)
    wait_tasks()
    dialog.select_rule("HJ02")  # +2
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    qtbot.waitUntil(lambda: tab.model.index(0, HouseholdsModel.BALANCE).data() == "2")
    assert tab.selected_rows() == [0]  # the row stays selected, the file stays open
    assert tab.detail.balance.text() == "Balance: 2 points"


def test_awarding_in_the_paged_list_keeps_the_row_selected(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab.view.selectRow(1)
    qtbot.waitUntil(lambda: tab.detail.household is not None)
    qtbot.mouseClick(tab.detail.buttons["award"], Qt.MouseButton.LeftButton)
    dialog = tab.detail.findChild(household_dialogs.AwardDialog)
    wait_tasks()
    dialog.select_rule("HJ02")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_tasks()
    qtbot.waitUntil(lambda: tab.model.index(1, HouseholdsModel.BALANCE).data() == "2")
    assert tab.selected_rows() == [1]


def test_the_members_list_shows_every_member(qtbot, tab, village, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    db, admin = village
    first = households.find_by_number(db, "001")
    assert first is not None
    for name, relation in (("张小明", "子"), ("李梅", "妻")):
        households.add_member(db, admin, first.id, MemberData(name, relation=relation))
    tab.resize(1200, 560)  # a small screen: the entries list gives way, not the members
    tab.view.selectRow(0)
    qtbot.waitUntil(lambda: len(tab.detail.members.rows) == 3)
    view = tab.detail.members_view
    qtbot.waitUntil(lambda: view.viewport().height() > 0)
    for row in range(3):
        rect = view.visualRect(tab.detail.members.index(row, 0))
        assert rect.isValid() and view.viewport().rect().contains(rect), row


def test_the_choose_first_message_goes_when_rows_are_chosen(qtbot, tab, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    tab.view.clearSelection()
    qtbot.mouseClick(tab.action_buttons["batch"], Qt.MouseButton.LeftButton)
    assert tab.message.kind == "error"
    assert tab.message.text() == "Select one or more households in the list first."
    selection = tab.view.selectionModel()
    for row in range(4):
        selection.select(
            tab.model.index(row, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    assert tab.message.text() == "" and not tab.message.isVisible()

    assert tab.search.text() == ""


@pytest.mark.parametrize("variant", [{"caps_lock": True}, {"ime": True}])
def test_after_a_refused_scan_a_lower_case_or_full_width_card_is_read(
    qtbot, tab, village, data_dir, variant
) -> None:  # type: ignore[no-untyped-def]
    from app.services import cards, keys

    db, admin = village
    key = keys.load_keys(data_dir.keys).card_key
    h = households.find_by_number(db, "003")
    assert h is not None
    card = cards.issue_card(db, admin, key, cards.CardKind.HOUSEHOLD, h.id)
    qtbot.mouseClick(tab.search, Qt.MouseButton.LeftButton)
    hid.scan("Hello-World:42")  # not ours: nothing found, the box emptied
    qtbot.waitUntil(lambda: tab.model.hits == [])
    assert tab.search.text() == ""
    hid.scan(card.payload, **variant)
    qtbot.waitUntil(lambda: [x.number for x in tab.model.hits or []] == ["003"])
    assert tab.search.text() == "" and tab.message.kind != "error"
