"""The roster import dialog: a malformed or problem-ridden xlsx shows why and writes
nothing; the good rows go in on confirmation; the mapping is remembered."""

from __future__ import annotations

import pytest
from gui_points_fixtures import page_context, snapshot
from openpyxl import Workbook
from PySide6.QtCore import Qt

from app.services import households
from app.services.personal import id_check_digit
from app.views import roster_import_dialog
from app.views.points.options import remembered_mapping
from app.views.roster_import_dialog import RosterImportDialog, RowsModel


def good_id(birth: str = "19800101", seq: str = "123") -> str:
    body = "330481" + birth + seq
    return body + id_check_digit(body)


def bad_id() -> str:
    good = good_id("19850505", "456")
    return good[:-1] + ("0" if good[-1] != "0" else "1")


@pytest.fixture
def dialog(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = station_db
    widget = RosterImportDialog(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def roster(path, rows) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["东风村户籍花名册"])
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "联系电话", "村民小组"])
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_a_file_that_is_not_xlsx_is_refused_and_nothing_changes(
    qtbot, dialog, station_db, tmp_path, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    before = snapshot(db)
    for name, content in (("broken.xlsx", b"PK\x03\x04 not really a zip"), ("empty.xlsx", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        dialog.load_file(path)
        wait_tasks()
        assert dialog.message.kind == "error"
        assert name in dialog.message.text()
        assert not dialog.import_button.isEnabled()
        assert dialog.rows_model.rowCount() == 0
    assert snapshot(db) == before


def test_rows_with_problems_are_listed_and_nothing_is_written_before_confirm(
    qtbot, dialog, station_db, settings, tmp_path, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    path = tmp_path / "roster.xlsx"
    roster(
        path,
        [
            ["001", "张三", "户主", good_id(), "13800001111", "第一村民小组"],
            [None, "王芳", "配偶", bad_id(), None, None],  # merged 户号, bad check digit
            ["002", None, "户主", None, None, "第二村民小组"],  # no name
            ["003", "李四", "户主", 330481198001011234, None, "第二村民小组"],  # Excel number
            ["004", "赵六", "户主", None, "1380000", "第三村民小组"],  # bad phone
            ["004", "赵小六", "子", None, None, "第三村民小组"],
        ],
    )
    before = snapshot(db)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.rows_model.rowCount() > 0)
    wait_tasks()
    assert dialog.mapping() == {
        "number": 0,
        "name": 1,
        "relation": 2,
        "id_number": 3,
        "phone": 4,
        "group_name": 5,
    }
    results = {r.row_no: r for r in dialog.results}
    assert results[3].ok and results[8].ok
    assert not results[4].ok and results[4].fill_down and results[4].number == "001"
    assert not results[5].ok and not results[6].ok and not results[7].ok
    assert (
        dialog.summary_label.text()
        == "2 rows can be imported; 4 rows have problems (listed in red)."
    )
    # the table shows only the problem rows, each with its reason
    assert dialog.only_problems.isChecked() and dialog.proxy.rowCount() == 4
    reasons = [
        dialog.proxy.index(i, RowsModel.RESULT).data() for i in range(dialog.proxy.rowCount())
    ]
    assert any("name" in text for text in reasons)
    assert any("Excel" in text for text in reasons)
    assert dialog.import_button.text() == "&Import 2 rows"
    assert snapshot(db) == before  # nothing written yet
    # refusing the confirmation writes nothing either
    monkeypatch.setattr(roster_import_dialog, "confirm", lambda *_a: False)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert snapshot(db) == before and dialog.isVisible()
    monkeypatch.setattr(roster_import_dialog, "confirm", lambda *_a: True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary == "Imported: 2 new households, 2 residents."
    head = households.find_by_number(db, "001")
    assert head is not None and head.head_name == "张三"
    assert households.find_by_number(db, "002") is None
    assert remembered_mapping(settings)["name"] == "姓名"


def test_a_changed_mapping_is_checked_again(qtbot, dialog, tmp_path, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "roster.xlsx"
    roster(path, [["001", "张三", "户主", None, None, "第一村民小组"]])
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.rows_model.rowCount() == 1)
    wait_tasks()
    combo = dialog.field_combos["name"]
    combo.setCurrentIndex(combo.findData(-1))  # "(none)"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert dialog.message.kind == "error" and "name" in dialog.message.text()
    assert not dialog.import_button.isEnabled() and not dialog.results
