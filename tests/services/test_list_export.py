"""Every list exports to xlsx (masked) and prints: the list documents, list by list.

Each test fills a real station database, takes the list's document under a
filter, writes the xlsx and reads it back with openpyxl (only the filtered rows,
phones and ID numbers masked, a formula-looking name kept as text), and prints
the PDF and reads it with ``pdftotext`` (the title, the filter, the rows, in
Chinese).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from household_factory import make_id as household_id_number
from household_factory import new_household
from openpyxl import load_workbook
from volunteers_factory import make_id, new_activity, worker_of

from app.progress import Cancelled, CancelToken
from app.services import orders, points, supermarket, volunteers
from app.services.activities import ActivityFilter
from app.services.documents.list_export import (
    ListDocument,
    activities_document,
    certificates_document,
    hours_document,
    households_document,
    list_pdf,
    orders_document,
    rankings_document,
    stock_moves_document,
    volunteers_document,
    write_list_xlsx,
)
from app.services.households import HouseholdFilter
from app.services.keys import card_key
from app.services.orders import MenuItemData, OrderFilter, OrderRequest
from app.services.supermarket import GoodsData
from app.services.volunteers import TeamData, VolunteerData, VolunteerFilter, create_team
from app.services.volunteers import certificates as service_certificates
from app.services.volunteers import hours as service_hours
from app.services.volunteers.hours import RecordFilter

FORMULA = "=1+1"
PHONE = "13812345678"


def exported(doc: ListDocument, tmp_path: Path) -> list[tuple]:
    """The data sheet's rows (header first) of the document written to xlsx."""
    path = tmp_path / f"{doc.sheet}.xlsx"
    n = write_list_xlsx(doc, path)
    wb = load_workbook(path, read_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert n == len(rows) - 1
    about = dict(wb["说明"].iter_rows(values_only=True, min_row=2))
    assert about["清单"] == doc.title and about["行数"] == n
    assert about["筛选"] == (doc.filter_text or "全部")
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # nothing is a live formula
    return rows


def printed(doc: ListDocument, tmp_path: Path) -> str:
    path = tmp_path / f"{doc.sheet}.pdf"
    path.write_bytes(list_pdf(doc, now=datetime(2026, 12, 2, 15, 30)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = re.sub(r"\s+", "", text)  # the text laid out, without the spaces between cells
    assert doc.title in text and "打印时间：2026-12-0215:30" in text
    assert "东风村新时代文明实践站" in text and "第1页/共" in text
    return text


def page_size(doc: ListDocument, tmp_path: Path) -> tuple[float, float]:
    path = tmp_path / "size.pdf"
    path.write_bytes(list_pdf(doc))
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert found is not None
    return float(found.group(1)), float(found.group(2))


# --- households and rankings ------------------------------------------------------------------


@pytest.fixture
def village(station_db):  # type: ignore[no-untyped-def]
    db, admin = station_db
    a = new_household(db, admin, "001", "张三", group_name="第一组", phone=PHONE)
    b = new_household(db, admin, "002", FORMULA, group_name="第一组")
    c = new_household(db, admin, "003", "王五", group_name="第二组")
    return db, admin, (a, b, c)


def test_households_list_exports_the_filtered_rows_masked(village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _admin, _hs = village
    doc = households_document(db, HouseholdFilter(group_name="第一组"))
    rows = exported(doc, tmp_path)
    assert rows[0] == ("户号", "户主", "村民小组", "联系电话", "积分", "状态")
    assert [r[:4] for r in rows[1:]] == [
        ("001", "张三", "第一组", "138****5678"),
        ("002", FORMULA, "第一组", None),
    ]
    wb = load_workbook(tmp_path / "户籍.xlsx")  # styles loaded: the formula-like name is text
    cell = wb.worksheets[0]["B3"]
    assert cell.value == FORMULA and cell.data_type == "s" and cell.quotePrefix
    text = printed(doc, tmp_path)
    assert "村民小组：第一组" in text and "共2条" in text
    assert "张三" in text and "138****5678" in text and "王五" not in text
    assert PHONE not in text


def test_households_search_results_export_as_found(village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.services.households import search

    db, _admin, _hs = village
    hits = search(db, "王五", 50)
    doc = households_document(db, HouseholdFilter(), hits=hits, search_text="王五")
    assert [r[1] for r in exported(doc, tmp_path)[1:]] == ["王五"]
    assert "搜索“王五”" in printed(doc, tmp_path)


def test_rankings_export_with_masked_names(village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin, (a, _b, c) = village
    points.adjust(db, admin, a.id, 30, "好人好事")
    points.adjust(db, admin, c.id, 50, "志愿服务")
    year = str(date.today().year)
    doc = rankings_document(db, year, 2, mask=True)
    rows = exported(doc, tmp_path)
    assert rows[0] == ("名次", "户号", "户主", "村民小组", "积分")
    assert rows[1:] == [(1, "003", "王*", "第二组", 50), (2, "001", "张*", "第一组", 30)]
    text = printed(doc, tmp_path)
    assert f"{year}年度积分榜" in text and "王*" in text and "王五" not in text


# --- volunteers, hours, certificates ------------------------------------------------------------


@pytest.fixture
def corps(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    worker = worker_of(db, admin)
    team = create_team(db, admin, TeamData(name="红马甲服务队", category="扶贫帮困"))
    id_number = make_id("19800101", seq="111")
    one = volunteers.create_volunteer(
        db, worker, VolunteerData(name="李四", id_number=id_number, phone=PHONE), (team.id,)
    )
    two = volunteers.create_volunteer(db, worker, VolunteerData(name=FORMULA))
    return db, admin, worker, team, id_number, one, two, card_key(data_dir.keys)


def test_volunteers_list_masks_the_id_number_and_phone(corps, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _admin, _worker, team, id_number, one, _two, _key = corps
    doc = volunteers_document(db, VolunteerFilter(team_id=team.id), team_name=team.name)
    rows = exported(doc, tmp_path)
    assert rows[0][:2] == ("志愿者编号", "姓名") and len(rows) == 2
    flat = " ".join(str(v) for v in rows[1])
    assert one.id_masked in flat and "138****5678" in flat
    assert id_number not in flat and PHONE not in flat
    text = printed(doc, tmp_path)
    assert "队伍：红马甲服务队" in text and "李四" in text and one.id_masked in text
    assert id_number not in text and PHONE not in text
    everyone = exported(volunteers_document(db, VolunteerFilter()), tmp_path)
    assert [r[1] for r in everyone[1:]] == ["李四", FORMULA]


def test_hours_list_follows_the_status_filter(corps, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin, worker, _team, _id, one, two, _key = corps
    done = service_hours.add_manual_record(
        db, worker, one.id, date(2026, 3, 1), 90, "清扫村道", "补录"
    )
    service_hours.approve(db, admin, [done.id])
    service_hours.add_manual_record(db, worker, two.id, date(2026, 3, 2), 60, "理论宣讲", "补录")
    doc = hours_document(db, RecordFilter(status="pending"))
    rows = exported(doc, tmp_path)
    assert rows[0][:5] == ("服务日期", "志愿者编号", "姓名", "活动/服务内容", "时长(小时)")
    assert [(r[0], r[2], r[4], r[7]) for r in rows[1:]] == [("2026-03-02", FORMULA, 1.0, "待审核")]
    text = printed(doc, tmp_path)
    assert "状态：待审核" in text and "理论宣讲" in text and "清扫村道" not in text
    everything = exported(hours_document(db, RecordFilter()), tmp_path)
    assert [r[3] for r in everything[1:]] == ["理论宣讲（补录）", "清扫村道（补录）"]


def test_certificate_register_of_a_year_masks_the_id_number(corps, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin, worker, _team, id_number, one, _two, key = corps
    r = service_hours.add_manual_record(
        db, worker, one.id, date(2026, 3, 1), 120, "清扫村道", "补录"
    )
    service_hours.approve(db, admin, [r.id])
    cert = service_certificates.issue_service_record(
        db, worker, key, one.id, date(2026, 1, 1), date(2026, 12, 31), issued_on=date(2026, 5, 9)
    )
    doc = certificates_document(db, 2026)
    rows = exported(doc, tmp_path)
    assert [(x[0], x[1], x[3], x[5], x[7], x[10]) for x in rows[1:]] == [
        (cert.number, "志愿服务记录证明", "李四", one.id_masked, 2.0, "有效")
    ]
    text = printed(doc, tmp_path)
    assert cert.number in text and "2026年" in text and id_number not in text
    assert exported(certificates_document(db, 2025), tmp_path)[1:] == []


# --- activities, orders, stock moves ------------------------------------------------------------


def test_activities_list_of_a_month_and_category(station_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    may = datetime(2026, 5, 9, 8)
    new_activity(db, admin, start=may, end=may.replace(hour=11), title="理论宣讲进村")
    new_activity(
        db,
        admin,
        start=may.replace(day=20),
        end=may.replace(day=20, hour=10),
        title="清扫村道",
        category="持续深入移风易俗",
        open_it=False,
    )
    new_activity(
        db, admin, start=datetime(2026, 6, 1, 8), end=datetime(2026, 6, 1, 9), title="六月"
    )
    doc = activities_document(db, ActivityFilter(month="2026-05"))
    rows = exported(doc, tmp_path)
    assert [(r[0], r[1], r[5]) for r in rows[1:]] == [
        ("2026-05-20 08:00–10:00", "清扫村道", "计划中"),
        ("2026-05-09 08:00–11:00", "理论宣讲进村", "签到中"),
    ]
    only = activities_document(db, ActivityFilter(month="2026-05", category="持续深入移风易俗"))
    assert [r[1] for r in exported(only, tmp_path)[1:]] == ["清扫村道"]
    text = printed(only, tmp_path)
    assert "2026年5月" in text and "类别：持续深入移风易俗" in text and "理论宣讲进村" not in text


def test_orders_list_masks_phones_and_prints_landscape(station_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    worker = worker_of(db, admin)
    item = orders.save_menu_item(db, worker, MenuItemData(category="生活服务", name="上门理发"))
    at = datetime(2026, 11, 2, 9, 0)
    first = orders.create_order(
        db,
        worker,
        OrderRequest(item_id=item.id, request="理发", name="赵大妈", phone=PHONE, received_at=at),
    )
    orders.create_order(
        db,
        worker,
        OrderRequest(
            item_id=item.id, request="理发", name=FORMULA, phone="13900001111", received_at=at
        ),
    )
    orders.reject(db, worker, first.row.id, "不在服务范围")
    doc = orders_document(db, OrderFilter(state="pending", now=at))
    rows = exported(doc, tmp_path)
    assert [(r[4], r[5], r[6]) for r in rows[1:]] == [(FORMULA, "139****1111", "待处理")]
    everyone = exported(orders_document(db, OrderFilter(now=at)), tmp_path)
    flat = " ".join(str(v) for r in everyone for v in r)
    assert "138****5678" in flat and PHONE not in flat and "13900001111" not in flat
    text = printed(orders_document(db, OrderFilter(now=at)), tmp_path)
    assert "服务点单清单" in text and "赵大妈" in text and "已拒绝" in text and PHONE not in text
    width, height = page_size(doc, tmp_path)
    assert width > height  # eleven columns: A4 landscape


def test_stock_moves_of_one_goods_whole_history(station_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    oil = supermarket.create_goods(db, admin, GoodsData("食用油", 20, "粮油", "桶"))
    soap = supermarket.create_goods(db, admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(db, admin, oil.id, 5, reference="发票001")
    supermarket.receive_stock(db, admin, oil.id, 3, donor="爱心企业某公司")
    supermarket.receive_stock(db, admin, soap.id, 10)
    supermarket.record_damage(db, admin, oil.id, 1, "漏油")
    doc = stock_moves_document(db, oil.id, oil.name)
    rows = exported(doc, tmp_path)
    assert [(r[1], r[2], r[3], r[4]) for r in rows[1:]] == [
        ("报损", -1, 7, "漏油"),
        ("捐赠入库", 3, 8, "爱心企业某公司"),
        ("采购入库", 5, 5, "发票001"),
    ]
    text = printed(doc, tmp_path)
    assert "库存流水：食用油" in text and "爱心企业某公司" in text
    width, height = page_size(doc, tmp_path)
    assert width < height  # six columns fit A4 portrait


def test_a_cancelled_export_leaves_no_file(village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _admin, _hs = village
    token = CancelToken()
    token.cancel()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_list_xlsx(
            households_document(db, HouseholdFilter()), folder / "户籍.xlsx", cancel=token
        )
    assert list(folder.iterdir()) == []
    with pytest.raises(Cancelled):
        list_pdf(households_document(db, HouseholdFilter()), cancel=token)


def test_households_filter_by_phone_tail_never_exposes_an_id_number(station_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    number = household_id_number("19700101", seq="222")
    new_household(db, admin, "009", "钱七", id_number=number, head_phone=PHONE)
    rows = exported(households_document(db, HouseholdFilter()), tmp_path)
    flat = " ".join(str(v) for r in rows for v in r)
    assert number not in flat and PHONE not in flat
    assert number not in printed(households_document(db, HouseholdFilter()), tmp_path)


def test_a_long_hours_list_reads_on_behind_the_last_record(corps, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The keyset continuation gives the offset pages' rows, ties on a date included."""
    from app.services.documents import list_export

    db, _admin, worker, _team, _id, one, two, _key = corps
    for day, who in ((1, one), (1, two), (1, one), (2, two), (3, one)):
        service_hours.add_manual_record(db, worker, who.id, date(2026, 3, day), 30, "值守", "补录")
    flt = RecordFilter()
    by_offset = [r.id for off in (0, 2, 4) for r in service_hours.fetch_records(db, off, 2, flt)]
    first = service_hours.fetch_records(db, 0, 2, flt)
    second = service_hours.fetch_records(db, 0, 2, flt, after=first[-1])
    third = service_hours.fetch_records(db, 0, 2, flt, after=second[-1])
    assert [r.id for r in first + second + third] == by_offset and len(by_offset) == 5
    monkeypatch.setattr(list_export, "PAGE", 2)
    calls: list[str] = []
    doc = hours_document(db, flt)
    counted = ListDocument(
        db,
        doc.title,
        doc.sheet,
        doc.columns,
        doc.filter_text,
        doc.count,
        lambda offset, limit: calls.append("offset") or doc.fetch(offset, limit),  # type: ignore[func-returns-value]
        doc.cells,
        lambda last, limit: calls.append("after") or doc.fetch_after(last, limit),  # type: ignore[func-returns-value,misc]
    )
    rows = exported(counted, tmp_path)
    assert [r[0] for r in rows[1:]] == ["2026-03-03", "2026-03-02"] + ["2026-03-01"] * 3
    assert calls[:3] == ["offset", "after", "after"]


def test_printing_reports_the_rows_then_the_pages(village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _admin, _hs = village
    steps: list[tuple] = []
    list_pdf(households_document(db, HouseholdFilter()), lambda *a: steps.append(a))
    assert steps == [(3, 3), (0, 0, "layout"), (1, 1, "pages")]
