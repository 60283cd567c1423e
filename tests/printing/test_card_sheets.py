"""Household and volunteer cards: eight to an A4 sheet, or one card-sized page."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.printing.cards import CardData, render_card, render_cards
from tests.printing.conftest import assert_font_embedded, needs_poppler

pytestmark = needs_poppler
STATION = "东风村新时代文明实践站"


def household(i: int) -> CardData:
    return CardData(
        "家庭积分卡",
        STATION,
        f"户主 王*{i}",
        f"DF-03-{i:03d}",
        ["第三村民小组"],
        f"WB1:H:01J9ZK3X7Q2M4N{i:04d}:3F7KQ2MA",
    )


def volunteer(photo: Path | str | None = None) -> CardData:
    return CardData(
        "志愿者证",
        STATION,
        "欧阳建国",
        "V33010220240007",
        ["理论宣讲志愿服务队", "党员志愿者"],
        "WB1:V:01J9ZK3X7Q2M4N5P:3F7KQ2MA",
        photo,
    )


def test_eight_cards_per_a4_sheet(pdf) -> None:
    doc = pdf(render_cards([household(i) for i in range(1, 11)]))
    assert doc.pages == 2
    assert doc.page_size_mm() == pytest.approx((210, 297), abs=0.5)
    first, second = doc.flat(page=1), doc.flat(page=2)
    assert all(f"DF-03-{i:03d}" in first for i in range(1, 9))
    assert "DF-03-009" in second and "DF-03-010" in second and "DF-03-008" not in second
    assert first.count("家庭积分卡") == 8 and "第1张/共2张" in first
    assert_font_embedded(doc)


def test_per_page_is_checked() -> None:
    with pytest.raises(ValueError):
        render_cards([household(1)], per_page=7)


def test_single_card_page_is_card_sized(pdf) -> None:
    doc = pdf(render_card(volunteer()))
    assert doc.pages == 1
    assert doc.page_size_mm() == pytest.approx((85.6, 54), abs=0.3)
    text = doc.flat()
    for expected in (
        "志愿者证",
        STATION,
        "欧阳建国",
        "V33010220240007",
        "理论宣讲志愿服务队",
        "党员志愿者",
    ):
        assert expected in text


def test_photo_card_uses_the_photo_layout(tmp_path: Path, pdf) -> None:
    from PIL import Image

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (250, 350), (60, 80, 140)).save(photo)
    doc = pdf(render_card(volunteer(photo)))
    assert "欧阳建国" in doc.flat()
    # An unreadable photo does not stop the sheet: the 照片 placeholder box is drawn instead.
    bad = pdf(render_cards([volunteer(tmp_path / "missing.jpg"), household(1)]))
    assert "照片" in bad.flat() and "DF-03-001" in bad.flat()


def test_a4_single_card(pdf) -> None:
    doc = pdf(render_card(household(5), page="A4"))
    assert doc.pages == 1 and "DF-03-005" in doc.flat()
