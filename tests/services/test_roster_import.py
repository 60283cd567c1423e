"""花名册导入: mapping, per-row problems, one-transaction commit, hostile files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from household_factory import make_id, new_household, snapshot
from openpyxl import Workbook
from roster_files import write_xlsx

from app.errors import ValidationError
from app.services import households
from app.services.households import RosterError

GOOD = [
    ["001", "张三", "户主", "男", make_id(seq="111"), "13812345678", "一组", "东风路1号", None],
    [None, "李梅", "妻", "女", make_id(birth="19920202", seq="222"), None, "一组", None, None],
    ["002", "王五", "户主", None, None, None, "二组", "东风路2号", date(1960, 5, 1)],
    ["002", "王小五", "子", "男", None, None, "二组", None, "2001-03-04"],
]


def test_header_is_found_below_a_title_and_columns_are_mapped(tmp_path: Path) -> None:
    preview = households.read_roster(write_xlsx(tmp_path / "r.xlsx", GOOD))
    assert preview.header_row == 2 and preview.sheet == "花名册"
    assert preview.mapping == {
        f: i
        for i, f in enumerate(
            [
                "number",
                "name",
                "relation",
                "sex",
                "id_number",
                "phone",
                "group_name",
                "address",
                "birth_date",
            ]
        )
    }
    assert len(preview.rows) == 4 and preview.rows[0].row_no == 3


def test_valid_roster_imports_in_one_transaction(station_db, tmp_path: Path) -> None:
    db, admin = station_db
    preview = households.read_roster(write_xlsx(tmp_path / "r.xlsx", GOOD, merge="A3:A4"))
    results = households.validate_rows(db, preview, groups=["一组", "二组"])
    assert all(r.ok for r in results), [p.untranslated for r in results for p in r.problems]
    assert results[1].fill_down and results[1].number == "001"  # merged 户号 cell
    counts = households.commit_import(db, admin, results)
    assert (counts.households_created, counts.members_added) == (2, 4)
    h = households.find_by_number(db, "001")
    view = households.get_household(db, h.id)
    assert view.head_name == "张三" and view.group_name == "一组"
    assert {m.name for m in view.members} == {"张三", "李梅"}
    assert households.search(db, "wxw")[0].number == "002"
    # importing the same file again: every row is now a duplicate or an existing head
    again = households.validate_rows(db, preview)
    assert not again[0].ok and "already registered" in again[0].problems[0].untranslated


def test_each_bad_row_gets_its_reasons(station_db, tmp_path: Path) -> None:
    db, admin = station_db
    new_household(db, admin, "900", "老住户", id_number=make_id(seq="999"))
    rows = [
        ["010", None, "户主", None, None, None, "一组", None, None],  # no name
        [
            "011",
            "甲",
            "户主",
            None,
            make_id()[:-1] + "0" if make_id()[-1] != "0" else make_id()[:-1] + "1",
            None,
            "一组",
            None,
            None,
        ],  # check digit
        ["012", "乙", "户主", None, 330481199001011234, None, "一组", None, None],  # number cell
        ["013", "丙", "户主", None, "3.30481E+17", None, "一组", None, None],  # scientific
        ["014", "丁", "户主", None, make_id(seq="999"), None, "一组", None, None],  # registered
        ["015", "戊", "户主", None, None, None, "九组", None, None],  # unknown group
        ["016", "己", "户主", None, make_id(seq="555"), None, "一组", None, None],
        ["017", "庚", "户主", None, make_id(seq="555"), None, "一组", None, None],  # same as 016
        ["016", "辛", "户主", None, None, None, "一组", None, None],  # second head
        ["018", "壬", "户主", None, None, "12345", "一组", None, "1990-13-45"],  # phone, date
    ]
    preview = households.read_roster(write_xlsx(tmp_path / "bad.xlsx", rows))
    results = households.validate_rows(db, preview, groups=["一组", "二组"])
    texts = [" | ".join(p.untranslated for p in r.problems) for r in results]
    assert "name" in texts[0]
    assert "typed wrong" in texts[1] or "Excel" in texts[1]
    assert "stored as a number" in texts[2]
    assert "scientific notation" in texts[3]
    assert "already registered (as 老住户)" in texts[4]
    assert "九组" in texts[5]
    assert results[6].ok
    assert "row 9" in texts[7]
    assert "head on row 9" in texts[8]
    assert "birth date" in texts[9]
    before = snapshot(db)
    with pytest.raises(ValidationError, match="without problems"):
        households.commit_import(db, admin, results)
    assert snapshot(db) == before
    counts = households.commit_import(db, admin, [r for r in results if r.ok])
    assert counts.households_created == 1


def test_formula_without_a_value_is_a_row_problem(station_db, tmp_path: Path) -> None:
    db, _ = station_db
    rows = [
        ["001", "=B4", "户主", None, None, None, None, None, None],
        ["002", "李四", "户主", None, None, None, None, None, None],
    ]
    preview = households.read_roster(write_xlsx(tmp_path / "f.xlsx", rows))
    results = households.validate_rows(db, preview)
    assert "formula" in results[0].problems[0].untranslated
    assert results[1].ok


def test_commit_is_all_or_nothing(station_db, tmp_path: Path) -> None:
    db, admin = station_db
    preview = households.read_roster(write_xlsx(tmp_path / "r.xlsx", GOOD))
    results = households.validate_rows(db, preview)
    # someone registers the same person between validation and commit
    new_household(db, admin, "777", "李梅", id_number=make_id(birth="19920202", seq="222"))
    before = snapshot(db)
    with pytest.raises(ValidationError, match="Row 4"):
        households.commit_import(db, admin, results)
    assert snapshot(db) == before


def test_not_an_xlsx_empty_file_and_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(RosterError, match="empty"):
        households.read_roster(empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("姓名,户号\n张三,001\n", encoding="utf-8")
    with pytest.raises(RosterError, match="not an Excel"):
        households.read_roster(fake)
    with pytest.raises(RosterError, match="does not exist"):
        households.read_roster(tmp_path / "nope.xlsx")


def test_empty_sheet_wrong_sheet_and_no_header(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.create_sheet("数据").append(["a", "b"])
    wb.save(tmp_path / "w.xlsx")
    with pytest.raises(RosterError, match="is empty"):
        households.read_roster(tmp_path / "w.xlsx")
    with pytest.raises(RosterError, match="no sheet named"):
        households.read_roster(tmp_path / "w.xlsx", sheet="花名册")
    with pytest.raises(RosterError, match="No header row"):
        households.read_roster(tmp_path / "w.xlsx", sheet="数据")
    only_header = write_xlsx(tmp_path / "h.xlsx", [])
    with pytest.raises(RosterError, match="no rows"):
        households.read_roster(only_header)


def test_mapping_must_name_the_name_and_number_columns(station_db, tmp_path: Path) -> None:
    db, _ = station_db
    preview = households.read_roster(write_xlsx(tmp_path / "r.xlsx", GOOD))
    with pytest.raises(ValidationError, match="name"):
        households.validate_rows(db, preview, {"number": 0})
    with pytest.raises(ValidationError, match="household number"):
        households.validate_rows(db, preview, {"name": 1})


@pytest.mark.slow
def test_a_100000_row_sheet_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["户号", "姓名"])
    for i in range(100_000):
        ws.append([i, "张三"])
    wb.save(path)
    with pytest.raises(RosterError, match="more than 50000 rows"):
        households.read_roster(path)
