"""积分兑换单: A4 two-up, A5, receipts; 补打 and 作废 variants; read back from the PDF."""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest

from app.printing.slip import SlipData, SlipLine, render_slip, render_slips
from tests.printing.conftest import NOW, assert_font_embedded, needs_poppler

pytestmark = needs_poppler


def slip(**changes) -> SlipData:
    data = SlipData(
        number="DH-2025-000123",
        station_name="东风村新时代文明实践站",
        household_number="DF-03-017",
        household_head="欧阳建国",
        items=[
            SlipLine("金龙鱼食用油 5L", "桶", 1, 60, 60),
            SlipLine("立白洗衣粉", "袋", 2, 12, 24),
            SlipLine(
                "蓝月亮深层洁净护理洗衣液 薰衣草香 3kg 家庭装 赠 500g 补充装", "瓶", 1, 45, 45
            ),
        ],
        total_points=129,
        balance_before=350,
        balance_after=221,
        operator_name="李秀英",
        issued_at=NOW,
        verify_payload="WB1:R:01J9ZK3X7Q2M4N5P:3F7KQ2MA",
    )
    return dataclasses.replace(data, **changes)


def test_a4_puts_both_copies_on_one_page(pdf) -> None:
    doc = pdf(render_slip(slip()), "a4")
    assert doc.pages == 1
    assert doc.page_size_mm() == pytest.approx((210, 297), abs=0.5)
    text = doc.flat()
    for expected in (
        "积分兑换单",
        "存根联",
        "客户联",
        "DH-2025-000123",
        "DF-03-017",
        "欧阳建国",
        "金龙鱼食用油5L",
        "立白洗衣粉",
        "129",
        "221",
        "350",
        "李秀英",
        "2025-03-0814:05",
        "兑换人签字",
        "经办人签字",
        "扫码核验",
        "沿此线裁开",
        "合计",
    ):
        assert expected in text, expected
    assert text.count("DH-2025-000123") == 2
    assert "补打" not in text and "作废" not in text
    assert_font_embedded(doc)


def test_long_item_names_are_kept_whole(pdf) -> None:
    text = pdf(render_slip(slip(), "A5")).flat()
    assert "蓝月亮深层洁净护理洗衣液薰衣草香3kg家庭装赠500g补充装" in text


def test_reprint_is_marked(pdf) -> None:
    text = pdf(render_slip(slip(reprint=True))).flat()
    assert text.count("补打") == 2  # on both copies


def test_a5_and_receipts_print_one_copy_per_page(pdf) -> None:
    a5 = pdf(render_slip(slip(), "A5"))
    assert a5.pages == 2
    assert a5.page_size_mm() == pytest.approx((210, 148), abs=0.5)
    assert "存根联" in a5.flat(page=1) and "客户联" in a5.flat(page=2)
    for page, width in (("80mm", 80), ("58mm", 58)):
        doc = pdf(render_slip(slip(), page))
        assert doc.pages == 2
        assert doc.page_size_mm()[0] == pytest.approx(width, abs=0.3)
        assert "合计：129积分" in doc.flat(page=1)


def test_a_single_unlabelled_copy(pdf) -> None:
    doc = pdf(render_slip(slip(), "A5", copies=()))
    assert doc.pages == 1
    assert "存根联" not in doc.flat()


def test_receipt_grows_with_the_items(pdf) -> None:
    few = pdf(render_slip(slip(), "80mm", copies=("客户联",)))
    many = pdf(render_slip(slip(items=list(slip().items) * 10), "80mm", copies=("客户联",)))
    assert many.pages == few.pages == 1
    assert many.page_size_mm()[1] > few.page_size_mm()[1] + 100
    assert many.flat().count("立白洗衣粉") == 10


def test_many_items_continue_on_another_half_page_and_none_are_lost(pdf) -> None:
    items = [SlipLine(f"爱心物资第{i:02d}号", "件", 1, 5, 5) for i in range(1, 31)]
    doc = pdf(render_slip(slip(items=items, total_points=150)))
    text = doc.flat()
    for i in range(1, 31):
        assert text.count(f"爱心物资第{i:02d}号") == 2, i  # both copies
    assert "续" in text
    assert doc.pages >= 2


def test_void_slip_names_the_original_and_the_reason(pdf) -> None:
    data = slip(
        voided=True,
        void_reason="录入错误，户主要求更换物品",
        void_number="ZF-2025-0007",
        balance_before=221,
        balance_after=350,
    )
    for page in ("A4", "80mm"):
        text = pdf(render_slip(data, page)).flat()
        assert "积分兑换作废单" in text
        assert "ZF-2025-0007" in text and "DH-2025-000123" in text
        assert "录入错误，户主要求更换物品" in text
        assert "作废" in text
        assert "管理员签字" in text


def test_unknown_page_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown slip page"):
        render_slip(slip(), "letter")


def test_a_day_of_slips_in_one_pdf(pdf) -> None:
    doc = pdf(render_slips([slip(number=f"DH-2025-{n:06d}") for n in range(1, 6)]))
    assert doc.pages == 5
    assert "DH-2025-000005" in doc.flat()


@pytest.mark.skipif(importlib.util.find_spec("zxingcpp") is None, reason="zxing-cpp not installed")
def test_slip_qr_decodes(pdf) -> None:
    import zxingcpp
    from PIL import Image

    image = Image.open(pdf(render_slip(slip(), "80mm", copies=("客户联",))).png(dpi=200))
    assert "WB1:R:01J9ZK3X7Q2M4N5P:3F7KQ2MA" in [r.text for r in zxingcpp.read_barcodes(image)]
