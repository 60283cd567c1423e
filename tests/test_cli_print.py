"""``main.py print``: a slip, a certificate and card sheets reprinted from the command
line, with no Qt loaded, marked and logged exactly as the app's own reprints."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Card, CertificateEvent, PrintLog
from app.paths import DataDir
from app.services import cards, households, points, supermarket
from app.services.auth import Actor
from app.services.households import HouseholdData, MemberData
from app.services.keys import load_keys
from app.services.supermarket import GoodsData
from app.services.volunteers import (
    VolunteerData,
    certificates,
    create_volunteer,
    issue_volunteer_card,
)
from app.services.volunteers import hours as service_hours

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def cli(data_dir: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    """``main.py`` in a fresh interpreter that lists every module it imports (stderr)."""
    return subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            str(ROOT / "main.py"),
            "--data-dir",
            str(data_dir.root),
            "--lang",
            "zh_CN",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir.root)},
        timeout=120,
    )


def no_qt(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line for line in result.stderr.splitlines() if "import time:" in line]
    assert len(imported) > 100  # -X importtime did list the imports
    assert not [line for line in imported if "PySide6" in line or "shiboken6" in line]
    assert "Qt" not in result.stdout


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def count(db: Database, query: object) -> int:
    with db.read() as s:
        return int(s.scalar(query) or 0)  # type: ignore[call-overload]


@pytest.fixture
def station(station_db: tuple[Database, Actor], data_dir: DataDir):  # type: ignore[no-untyped-def]
    """A household with a card and a redemption printed once; a volunteer with a card
    and a 志愿服务记录证明."""
    db, admin = station_db
    key = load_keys(data_dir.keys).card_key
    with db.write() as s:
        points.seed_default_rules(s)
    first = households.create_household(
        db, admin, HouseholdData(number="1-1"), MemberData(name="张三")
    )
    second = households.create_household(
        db, admin, HouseholdData(number="1-2"), MemberData(name="李四")
    )
    for h in (first, second):
        cards.issue_card(db, admin, key, cards.CardKind.HOUSEHOLD, h.id)
    points.award(db, admin, first.id, "BZ01")
    oil = supermarket.create_goods(db, admin, GoodsData("食用油", 20, "粮油", "桶"))
    supermarket.receive_stock(db, admin, oil.id, 5, reference="发票001")
    slip = supermarket.redeem(db, admin, supermarket.new_redemption_id(), first.id, [(oil.id, 1)])
    supermarket.record_print(db, admin, slip.id)  # the counter printed it once
    v = create_volunteer(db, admin, VolunteerData(name="王芳"))
    issue_volunteer_card(db, admin, key, v.id)
    record = service_hours.add_manual_record(
        db, admin, v.id, date(date.today().year, 1, 5), 120, "清扫村道", "补录"
    )
    service_hours.approve(db, admin, [record.id])
    year = date.today().year
    cert = certificates.issue_service_record(
        db, admin, key, v.id, date(year, 1, 1), date(year, 12, 31)
    )
    return db, admin, slip, cert, v


def test_print_reprints_a_slip_a_certificate_and_card_sheets_without_qt(
    station, data_dir: DataDir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, _, slip, cert, volunteer = station

    # the slip: printed once at the counter, so this one is a 补打, logged as copy 2
    result = cli(data_dir, "print", "slip", slip.number, "--to", str(tmp_path / "slip.pdf"))
    no_qt(result)
    assert slip.number in result.stdout and "补打" in result.stdout
    text = pdf_text(tmp_path / "slip.pdf")
    assert "积分兑换单" in text and slip.number in text and "食用油" in text and "补打" in text
    assert "存根联" in text and "客户联" in text
    logged = select(func.max(PrintLog.copy_no)).where(PrintLog.doc_id == slip.id)
    assert count(db, logged) == 2

    # the certificate: a 副本, counted in the register as the app's 副本 button does
    result = cli(data_dir, "print", "certificate", cert.number, "--to", str(tmp_path / "c.pdf"))
    no_qt(result)
    text = pdf_text(tmp_path / "c.pdf")
    assert "志愿服务记录证明" in text and cert.number in text and "王芳" in text
    assert "副本" in text
    reprints = (
        select(func.count())
        .select_from(CertificateEvent)
        .where(CertificateEvent.certificate_id == cert.id, CertificateEvent.kind == "reprint")
    )
    assert count(db, reprints) == 1

    # the cards: the current ones, reprinted as they are — nothing issued or revoked
    cards_before = count(db, select(func.count()).select_from(Card))
    result = cli(
        data_dir, "print", "cards", "--households", "1-1,1-2", "--to", str(tmp_path / "h.pdf")
    )
    no_qt(result)
    text = pdf_text(tmp_path / "h.pdf")
    assert "家庭积分卡" in text and "1-1" in text and "1-2" in text
    assert "张三" in text and "李四" in text
    assert "第 1 张 / 共 1 张" in text  # one A4 sheet of cards
    result = cli(
        data_dir,
        "print",
        "cards",
        "--volunteers",
        volunteer.number,
        "--to",
        str(tmp_path / "v.pdf"),
    )
    no_qt(result)
    text = pdf_text(tmp_path / "v.pdf")
    assert "志愿者证" in text and volunteer.number in text and "王芳" in text
    assert count(db, select(func.count()).select_from(Card)) == cards_before
    assert (
        count(db, select(func.count()).select_from(Card).where(Card.revoked_at.is_not(None))) == 0
    )


def test_print_cards_refuses_a_household_without_a_card(
    station, data_dir: DataDir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, admin, *_ = station
    households.create_household(db, admin, HouseholdData(number="2-1"), MemberData(name="赵六"))
    result = cli(data_dir, "print", "cards", "--households", "2-1", "--to", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "2-1" in result.stderr and "还没有" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_print_slip_of_a_voided_redemption_prints_its_void_slip_with_the_stored_time(
    station, data_dir: DataDir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, admin, slip, *_ = station
    supermarket.void_redemption(db, admin, slip.id, "录入错误")
    voided_at = supermarket.get_redemption(db, slip.id).voided_at
    assert voided_at is not None
    result = cli(data_dir, "print", "slip", slip.number, "--to", str(tmp_path / "v.pdf"))
    no_qt(result)
    text = pdf_text(tmp_path / "v.pdf")
    assert "积分兑换作废单" in text and "录入错误" in text
    from app.services.documents import local_time

    shown = local_time(voided_at)
    assert shown is not None and shown.strftime("%Y-%m-%d %H:%M") in text
    void_prints = (
        select(func.count())
        .select_from(PrintLog)
        .where(PrintLog.doc_id == slip.id, PrintLog.doc_type == "redemption_void")
    )
    assert count(db, void_prints) == 1


def test_print_slip_uses_the_counters_paper_and_copies_unless_told(
    station, data_dir: DataDir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings
    from app.views.points.options import SLIP_PAGE, SLIP_TWO_COPIES

    _, _, slip, *_ = station
    settings = Settings(data_dir.settings_file)  # as the counter's options save them
    settings.set(SLIP_PAGE, "80mm")
    settings.set(SLIP_TWO_COPIES, False)
    del settings
    result = cli(data_dir, "print", "slip", slip.number, "--to", str(tmp_path / "one.pdf"))
    no_qt(result)
    text = pdf_text(tmp_path / "one.pdf")
    assert "客户联" in text and "存根联" not in text
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "one.pdf")], capture_output=True, text=True, check=True
    ).stdout
    width = float(info.split("Page size:")[1].split()[0])
    assert round(width / 72 * 25.4) == 80  # the 80 mm roll
    result = cli(
        data_dir,
        "print",
        "slip",
        slip.number,
        "--two-copies",
        "--page",
        "A4",
        "--to",
        str(tmp_path / "two.pdf"),
    )
    no_qt(result)
    text = pdf_text(tmp_path / "two.pdf")
    assert "客户联" in text and "存根联" in text


def test_print_makes_the_notice_board_lists_without_qt(
    station, data_dir: DataDir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    year = str(date.today().year)
    result = cli(
        data_dir, "print", "ranking", year, "--mask-names", "--to", str(tmp_path / "r.pdf")
    )
    no_qt(result)
    text = pdf_text(tmp_path / "r.pdf")
    assert f"{year}年度积分榜" in text and "张*" in text and "张三" not in text
    result = cli(data_dir, "print", "certificate-notice", "--to", str(tmp_path / "n.pdf"))
    no_qt(result)
    text = pdf_text(tmp_path / "n.pdf")
    assert "志愿服务证明出具情况公示" in text and "王芳" in text
