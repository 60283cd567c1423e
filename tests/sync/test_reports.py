"""报表 and 报送: a station's report equals the 汇总's counts, reads back from its PDF
and xlsx with the same numbers, and a submitted report reaches the township."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text
from sync_helpers import World

from app.errors import ValidationError
from app.models import ReportSnapshot
from app.services.auth import SYSTEM
from app.services.documents.reports import report_pdf, report_sections, report_xlsx
from app.services.reports import parse_period, station_report
from app.services.reports.submit import (
    review_report,
    snapshot_report,
    submit_report,
    submitted_reports,
)
from app.services.station import get_station
from app.services.township.summary import FIGURES, month_summary, months_with_activities
from app.sync.export import export_sync
from app.sync.importer import import_files


def _busy_month(world: World) -> str:
    months = months_with_activities(world.a.db, [world.a.station_id])
    assert months, "the demo station has activities"
    return months[0]


def test_periods_are_months_quarters_and_years() -> None:
    q = parse_period("2026-q4")
    assert (q.kind, q.key, str(q.start), str(q.end)) == (
        "quarter",
        "2026-Q4",
        "2026-10-01",
        "2027-01-01",
    )
    assert parse_period("2026").title == "2026年" and parse_period("2026-05").title == "2026年5月"
    with pytest.raises(ValidationError):
        parse_period("2026-Q5")


def test_the_report_counts_what_the_township_summary_counts(world: World) -> None:
    month = _busy_month(world)
    info = get_station(world.a.db)
    report = station_report(world.a.db, month)
    own = month_summary(world.a.db, month, [(info.id, info.code, info.name)]).stations[0]
    for name in FIGURES:
        if name != "minutes":
            assert getattr(report, name) == getattr(own, name), name
    assert report.minutes == own.minutes
    assert sum(r.sessions for r in report.by_category) == report.sessions > 0
    assert sum(r.attendances for r in report.by_platform) == report.attendances
    assert sum(p for _c, p in report.points_by_category) == report.points_issued
    assert sum(g.points for g in report.goods_given) == report.points_redeemed
    year = station_report(world.a.db, month[:4])
    assert year.sessions >= report.sessions and year.period.kind == "year"


def test_a_slip_counts_in_the_month_it_was_rung(world: World) -> None:
    """兑换户次 and the goods given count by the slip's day, as its points do: the demo
    rang its slips over the past months (all written today), and a past month shows them."""
    from datetime import date

    from app.models import PointEntry

    with world.a.db.read() as session:
        days = session.scalars(
            select(PointEntry.occurred_on).where(PointEntry.kind == "redeem")
        ).all()
    this_month = date.today().strftime("%Y-%m")
    past = sorted({d.strftime("%Y-%m") for d in days} - {this_month})
    assert past, "the demo rang slips in a past month"
    report = station_report(world.a.db, past[0])
    rung = sum(1 for d in days if d.strftime("%Y-%m") == past[0])
    assert report.redemptions == rung > 0
    assert sum(g.points for g in report.goods_given) == report.points_redeemed > 0
    info = get_station(world.a.db)
    own = month_summary(world.a.db, past[0], [(info.id, info.code, info.name)])
    assert own.stations[0].redemptions == rung


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    assert all(" yes " in line for line in fonts.stdout.splitlines()[2:])  # embedded
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_pdf_and_the_xlsx_carry_the_services_numbers(world: World, tmp_path: Path) -> None:
    report = station_report(world.a.db, _busy_month(world), preparer="王填表")
    body = _pdf_text(report_pdf(report), tmp_path)
    assert report.station_name in body and report.station_code in body
    assert "填表人：王填表" in body and "负责人" in body
    figures = {
        "活动场次": report.sessions,
        "参与人次": report.attendances,
        "活跃志愿者": report.volunteers_active,
        "新增志愿者": report.volunteers_new,
        "服务时长(小时)": report.hours,
        "发放积分": report.points_issued,
        "兑换积分": report.points_redeemed,
        "兑换户次": report.redemptions,
    }
    for label, value in figures.items():
        line = re.search(rf"^\s*{re.escape(label)}\s+(\S+)\s*$", body, re.M)
        assert line is not None, label
        assert line.group(1) == str(value), label
    for row in report.by_category:
        assert re.search(rf"{row.name}\s+{row.sessions}\s+{row.attendances}", body), row

    path = tmp_path / "report.xlsx"
    report_xlsx(report, path)
    wb = load_workbook(path, read_only=True)
    overview = {r[0]: r[1] for r in wb["主要指标"].iter_rows(min_row=2, values_only=True)}
    for label, value in figures.items():
        assert overview[label] == value, label
    for title, _header, rows in report_sections(report):
        cells = [list(r) for r in wb[title].iter_rows(min_row=2, values_only=True)]
        assert cells == [list(r) for r in rows], title


def test_a_submitted_report_travels_to_the_township_and_is_reviewed(
    world: World, tmp_path: Path
) -> None:
    month = _busy_month(world)
    first = submit_report(world.a.db, SYSTEM, month)
    second = submit_report(world.a.db, SYSTEM, month)
    assert (first.version, second.version) == (1, 2)
    assert second.number.endswith(f"{month}-2")
    frozen = snapshot_report(world.a.db, first.id)
    assert frozen == station_report(world.a.db, month, preparer=SYSTEM.display_name)

    stick = tmp_path / "stick"
    summary = export_sync(world.a.db, world.a.data_dir, stick)
    assert summary.counts.get("report_snapshot") == 2
    (sync_file,) = stick.glob("*")
    with zipfile.ZipFile(sync_file) as zf:
        (tmp_path / "payload.sqlite").write_bytes(zf.read("payload.sqlite"))
    con = sqlite3.connect(tmp_path / "payload.sqlite")
    numbers = {r[0] for r in con.execute("SELECT number FROM report_snapshot")}
    con.close()
    assert numbers == {first.number, second.number}

    assert all(v.status == "imported" for v in import_files(world.town.db, [stick]))
    listed = submitted_reports(world.town.db)
    assert [(r.number, r.state_text) for r in listed] == [
        (second.number, "已报送"),
        (first.number, "已报送"),
    ]
    assert snapshot_report(world.town.db, second.id) == frozen
    with pytest.raises(ValidationError):
        review_report(world.town.db, SYSTEM, first.id, approve=False)
    review_report(world.town.db, SYSTEM, first.id, approve=False, reason="人次与签到表不符")
    review_report(world.town.db, SYSTEM, second.id, approve=True)
    states = {r.number: (r.state_text, r.reason) for r in submitted_reports(world.town.db)}
    assert states == {first.number: ("退回", "人次与签到表不符"), second.number: ("已审核", "")}
    with world.town.db.read() as session:  # the township's copy is the station's row
        row = session.scalars(select(ReportSnapshot).where(ReportSnapshot.id == first.id)).one()
        assert row.station_id == world.a.station_id
    with pytest.raises(Exception, match="append-only"), world.a.db.write() as session:
        session.execute(text("UPDATE report_snapshot SET payload = '{}'"))


def _photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (640, 480), (180, 40, 40)).save(path, "JPEG")
    return path


def test_the_activity_ledger_has_a_contents_page_and_a_page_per_activity(
    world: World, tmp_path: Path
) -> None:
    from app.models import Activity
    from app.progress import Cancelled, CancelToken
    from app.services.activities import add_photo
    from app.services.documents.ledger import activity_ledger_pdf, ledger_entries

    a = world.a
    month = _busy_month(world)
    entries = ledger_entries(a.db, month, a.data_dir.photos)
    assert entries
    with a.db.read() as session:
        first_id = session.scalars(
            select(Activity.id)
            .where(Activity.starts_at >= parse_period(month).start, Activity.deleted.is_(False))
            .order_by(Activity.starts_at, Activity.id)
        ).first()
    assert first_id is not None
    add_photo(a.db, SYSTEM, a.data_dir.photos, first_id, _photo(tmp_path / "p.jpg"))
    steps: list[tuple[int, int]] = []
    pdf = activity_ledger_pdf(
        a.db, month, a.data_dir.photos, progress=lambda d, t: steps.append((d, t))
    )
    assert steps[-1] == (len(entries), len(entries))
    path = tmp_path / "ledger.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert pages == 1 + len(entries)  # one contents page (≤ 40 lines) and a page each
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    )
    from app.printing.ledger import PHOTOS_PER_PAGE

    drawn = sum(min(len(e.photos), PHOTOS_PER_PAGE) for e in entries)  # the demo's photos
    assert len(entries[0].photos) < PHOTOS_PER_PAGE  # (the first activity: room for one more)
    assert len(images.stdout.splitlines()) - 2 == drawn + 1  # and the one added, drawn
    for page, entry in enumerate(entries, start=2):
        body = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert entry.title[:10] in body and f"参与人次：{entry.attendances}" in body.replace(
            " ", ""
        )
    contents = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "目" in contents and "录" in contents and f"共 {len(entries)} 项活动" in contents
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        activity_ledger_pdf(a.db, month, a.data_dir.photos, cancel=token)


def test_the_orders_section_is_the_order_metrics_of_the_period(world: World, tmp_path) -> None:
    from datetime import date

    from app.services.orders import order_metrics

    year = _busy_month(world)[:4]
    report = station_report(world.a.db, year)
    m = order_metrics(world.a.db, date(int(year), 1, 1), date(int(year), 12, 31))
    assert report.orders is not None and m.received > 0  # the demo's 30 orders
    assert (report.orders["received"], report.orders["completed"]) == (m.received, m.completed)
    assert report.orders["by_category"] == m.by_category
    body = _pdf_text(report_pdf(report), tmp_path)
    assert re.search(rf"^\s*收到点单\s+{m.received}\s*$", body, re.M)
    assert m.dispatch_rate is not None
    assert re.search(rf"接单派单率\s+{m.dispatch_rate * 100:.1f}%", body)
