"""Households rosters as a village keeps them: an .xlsx with a title row, the header and rows
(shared by the roster import and long-write tests)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "户号",
    "姓名",
    "与户主关系",
    "性别",
    "身份证号",
    "联系电话",
    "村民小组",
    "住址",
    "出生日期",
]


def write_xlsx(
    path: Path,
    rows: list[list[object]],
    *,
    title: str = "花名册",
    merge: str = "",
    text_id: bool = True,
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["东风村户籍花名册"])  # a title row above the header
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path
