"""The volunteers roster through the GUI: the list tab's "Import roster…" opens the
import dialog for volunteers; a malformed file and a file whose rows all have
problems say why and write nothing; a good file imports on confirmation; the
mapping is remembered for volunteers apart from households; "Export list…"
writes the masked list off the GUI thread."""

from __future__ import annotations

import pytest
from gui_volunteer_fixtures import page_context
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEntry, TeamMembership, Volunteer
from app.services import volunteers
from app.services.personal import id_check_digit
from app.services.volunteers import TeamData
from app.views import roster_import_dialog
from app.views.points.options import remembered_mapping
from app.views.roster_import_dialog import RosterImportDialog, RowsModel
from app.views.volunteers.page import VolunteersTab

HEADER = ["姓名", "性别", "身份证号", "联系电话", "技能特长", "志愿服务队"]


def roster(path, rows) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "志愿者"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


def make_id(birth: str = "19900101", seq: str = "123") -> str:
    body = "330481" + birth + seq
    return body + id_check_digit(body)


def snapshot(db: Database) -> tuple[int, ...]:
    """What a refused import must leave unchanged."""
    with db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (AuditEntry, Volunteer, TeamMembership)
        )


def bad_id() -> str:
    good = make_id("19850505", seq="456")
    return good[:-1] + ("0" if good[-1] != "0" else "1")


@pytest.fixture
def tab(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    db, admin = station_db
    volunteers.create_team(db, admin, TeamData("文艺志愿服务队", "文化文艺"))
    widget = VolunteersTab(page_context(db, data_dir, settings, admin))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    wait_tasks()
    return widget


def open_dialog(qtbot, tab) -> RosterImportDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.action_buttons["import"], Qt.MouseButton.LeftButton)
    dialog = tab.findChild(RosterImportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_import_a_volunteers_roster_from_the_list_tab(
    qtbot, tab, station_db, settings, tmp_path, wait_tasks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    before = snapshot(db)
    dialog = open_dialog(qtbot, tab)
    assert dialog.windowTitle() == "Import volunteers from Excel"
    assert set(dialog.field_combos) == {
        "name",
        "sex",
        "birth_date",
        "id_type",
        "id_number",
        "phone",
        "group_name",
        "address",
        "skills",
        "service_categories",
        "teams",
    }

    # 1. not a workbook at all
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    dialog.load_file(broken)
    wait_tasks()
    assert dialog.message.kind == "error" and "broken.xlsx" in dialog.message.text()
    assert not dialog.import_button.isEnabled()

    # 2. a roster whose every row has a problem
    malformed = tmp_path / "malformed.xlsx"
    roster(
        malformed,
        [
            [None, "男", None, "13800001111", None, None],  # no name
            ["甲", None, bad_id(), None, None, None],  # check digit
            ["乙", None, 330481198001011234, None, None, None],  # Excel number cell
            ["丙", None, None, "1380000", None, None],  # phone
            ["丁", None, None, None, None, "舞龙队"],  # unknown team
        ],
    )
    dialog.load_file(malformed)
    qtbot.waitUntil(lambda: dialog.rows_model.rowCount() == 5)
    wait_tasks()
    assert dialog.mapping() == {
        "name": 0,
        "sex": 1,
        "id_number": 2,
        "phone": 3,
        "skills": 4,
        "teams": 5,
    }
    assert not any(r.ok for r in dialog.results)
    assert dialog.summary_label.text() == (
        "0 rows can be imported; 5 rows have problems (listed in red)."
    )
    assert dialog.rows_model.headerData(RowsModel.NUMBER, Qt.Orientation.Horizontal) == "Teams"
    reasons = [
        dialog.proxy.index(i, RowsModel.RESULT).data() for i in range(dialog.proxy.rowCount())
    ]
    assert any("name" in text for text in reasons)
    assert any("typed wrong" in text for text in reasons)
    assert any("Excel" in text for text in reasons)
    assert any("11 digits" in text for text in reasons)
    assert any("舞龙队" in text for text in reasons)
    assert not dialog.import_button.isEnabled()
    assert snapshot(db) == before  # nothing written

    # 3. the corrected roster
    good = tmp_path / "good.xlsx"
    roster(
        good,
        [
            ["张三", "男", make_id("19800101", seq="111"), "13812345678", "唱歌", "文艺志愿服务队"],
            ["李梅", "女", None, None, "剪纸、书法", None],
        ],
    )
    dialog.load_file(good)
    qtbot.waitUntil(lambda: len(dialog.results) == 2)
    wait_tasks()
    assert all(r.ok for r in dialog.results)
    assert dialog.import_button.text() == "&Import 2 rows"
    monkeypatch.setattr(roster_import_dialog, "confirm", lambda *_a: True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary == ("Imported: 2 volunteers, numbers 101001-V-00001 to 101001-V-00002.")
    qtbot.waitUntil(lambda: tab.message.text() == dialog.summary)
    qtbot.waitUntil(lambda: tab.count_label.text() == "2 volunteers")
    zhang = volunteers.get_volunteer(db, volunteers.search_volunteers(db, "张三")[0].id)
    assert [t.name for t in zhang.teams] == ["文艺志愿服务队"]
    assert zhang.phone_masked == "138****5678"
    # remembered for volunteers, and only for them
    assert remembered_mapping(settings, "volunteers")["teams"] == "志愿服务队"
    assert remembered_mapping(settings) == {}


def test_export_the_list_writes_masked_values(qtbot, tab, station_db, tmp_path, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    id_number = make_id("19800101", seq="111")
    volunteers.create_volunteer(
        db,
        admin,
        volunteers.VolunteerData(name="张三", id_number=id_number, phone="13812345678"),
    )
    tab.apply_filter()
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 volunteer")
    path = tmp_path / "list"  # the suffix is added
    tab.lists.export_to(path)
    assert not tab.lists.export_button.isEnabled()  # until the export is done
    qtbot.waitUntil(lambda: tab.message.kind == "ok")
    assert tab.lists.export_button.isEnabled()
    written = tmp_path / "list.xlsx"
    assert str(written) in tab.message.text()
    rows = list(load_workbook(written, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("志愿者编号", "姓名") and len(rows) == 2
    flat = " ".join(str(c) for c in rows[1])
    assert "138****5678" in flat and id_number not in flat and "13812345678" not in flat
