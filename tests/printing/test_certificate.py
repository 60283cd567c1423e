"""Certificates: every element of a 志愿服务记录证明, 副本/作废 marks, star and activity certificates."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.printing.certificate import (
    ActivityCertificate,
    PrintCancelled,
    ServiceCertificate,
    ServiceItem,
    StarCertificate,
    mask_id_number,
    render_certificate,
    render_certificates,
)
from tests.printing.conftest import TODAY, assert_font_embedded, needs_poppler

pytestmark = needs_poppler
FULL_ID = "330102199001011234"
MASKED_ID = "330***********1234"
STATION = "东风村新时代文明实践站"


def service(**changes) -> ServiceCertificate:
    cert = ServiceCertificate(
        number="东风站证〔2025〕第0012号",
        name="欧阳建国",
        id_type="居民身份证",
        id_number_masked=MASKED_ID,
        volunteer_number="V33010220240007",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        total_hours=17,
        activities=[
            ServiceItem(date(2024, 1, 12), "新春送福进万家——义写春联活动", 3),
            ServiceItem(date(2024, 3, 5), "学雷锋志愿服务日：村道环境整治", 2.5),
            ServiceItem(date(2024, 4, 20), "理论宣讲：党的二十届三中全会精神进农家", 1.5),
        ],
        issuer_name=STATION,
        leader_name="王德明",
        handler_name="李秀英",
        contact_phone="0571-88886666",
        issue_date=TODAY,
        verify_payload="WB1:C:01J9ZK3X7Q2M4N5P:3F7KQ2MA",
        notes="服务时长以站点审核通过的记录为准。",
    )
    return dataclasses.replace(cert, **changes)


def star(**changes) -> StarCertificate:
    cert = StarCertificate(
        "东风站星〔2025〕第0003号",
        "欧阳建国",
        "V33010220240007",
        3,
        612.5,
        date(2024, 12, 20),
        STATION,
        TODAY,
        "WB1:C:01J9ZK3X7Q2M4N5Q:3F7KQ2MA",
    )
    return dataclasses.replace(cert, **changes)


def activity(**changes) -> ActivityCertificate:
    cert = ActivityCertificate(
        "东风站活〔2025〕第0101号",
        "李秀英",
        "学雷锋志愿服务日：村道环境整治",
        date(2024, 3, 5),
        "东风村村委会广场",
        "东风村生态环保志愿服务队",
        STATION,
        TODAY,
        "WB1:C:01J9ZK3X7Q2M4N5R:3F7KQ2MA",
        hours=2.5,
    )
    return dataclasses.replace(cert, **changes)


def test_service_certificate_has_every_element(pdf) -> None:
    doc = pdf(render_certificate(service()))
    assert doc.pages == 1
    text = doc.flat()
    for expected in (
        "志愿服务记录证明",
        "证明编号：东风站证〔2025〕第0012号",
        "欧阳建国",
        "居民身份证",
        MASKED_ID,
        "V33010220240007",
        "2024年1月1日至2024年12月31日",
        "17小时",
        "2024年1月12日",
        "新春送福进万家——义写春联活动",
        "2.5",
        "合计",
        "出具单位（盖章）：" + STATION,
        "负责人：王德明",
        "经办人：李秀英",
        "签字",
        "联系电话：0571-88886666",
        "出具日期：2025年1月8日",
        "备注：服务时长以站点审核通过的记录为准。",
        "盖章处",
        "扫码核验",
        "特此证明",
        "第1页/共1页",
    ):
        assert expected in text, expected
    assert "副本" not in text and "作废" not in text
    assert_font_embedded(doc)


def test_a_full_id_number_passed_by_mistake_is_masked() -> None:
    assert mask_id_number(FULL_ID) == MASKED_ID
    assert mask_id_number("33010219900101123X") == "330***********123X"
    assert mask_id_number(MASKED_ID) == MASKED_ID


def test_full_id_never_reaches_the_paper(pdf) -> None:
    text = pdf(render_certificate(service(id_number_masked=FULL_ID))).flat()
    assert FULL_ID not in text and MASKED_ID in text


def test_reprint_is_marked_copy_and_void_is_marked(pdf) -> None:
    assert "副本" in pdf(render_certificate(service(is_copy=True))).flat()
    text = pdf(render_certificate(service(voided=True, void_reason="信息有误，已重新出具"))).flat()
    assert "作废" in text and "信息有误，已重新出具" in text


def test_long_service_table_continues_and_issuer_is_on_the_last_page(pdf) -> None:
    items = [
        ServiceItem(date(2024, 1 + i % 12, 1 + i % 28), f"第{i + 1:02d}次志愿服务活动", 2)
        for i in range(60)
    ]
    doc = pdf(render_certificate(service(activities=items, total_hours=120)))
    pages = doc.pages
    assert pages >= 2
    full = doc.flat()
    assert all(f"第{i:02d}次志愿服务活动" in full for i in range(1, 61))
    for page in range(1, pages + 1):
        text = doc.flat(page=page)
        assert f"第{page}页/共{pages}页" in text
        assert "证明编号：东风站证〔2025〕第0012号" in text  # every page identifies the certificate
        assert ("盖章处" in text) == (page == pages)
        assert ("负责人：王德明" in text) == (page == pages)
    assert "续页" in doc.flat(page=2)
    assert "合计120" in doc.flat(page=pages)


def test_star_certificate_is_landscape_with_level_and_hours(pdf) -> None:
    doc = pdf(render_certificate(star(is_copy=True)))
    w, h = doc.page_size_mm()
    assert (round(w), round(h)) == (297, 210)
    text = doc.flat()
    for expected in (
        "星级志愿者证书",
        "欧阳建国",
        "V33010220240007",
        "三星级志愿者",
        "612.5",
        "2024年12月20日",
        "证书编号：东风站星〔2025〕第0003号",
        STATION,
        "2025年1月8日",
        "副本",
    ):
        assert expected in text, expected


def test_activity_certificate(pdf) -> None:
    text = pdf(render_certificate(activity())).flat()
    for expected in (
        "活动参与证明",
        "李秀英",
        "学雷锋志愿服务日：村道环境整治",
        "2024年3月5日",
        "东风村村委会广场",
        "东风村生态环保志愿服务队",
        "2.5小时",
        "东风站活〔2025〕第0101号",
    ):
        assert expected in text, expected


def test_batch_mixes_kinds_and_reports_progress(pdf) -> None:
    seen: list[tuple[int, int]] = []
    doc = pdf(
        render_certificates(
            [service(), star(), activity(), star(star_level=5)],
            progress=lambda d, t: seen.append((d, t)),
        )
    )
    assert doc.pages == 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert "五星级志愿者" in doc.flat(page=4)


def test_batch_can_be_cancelled() -> None:
    from app.progress import Cancelled, CancelToken

    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 2:
            token.cancel()

    with pytest.raises(PrintCancelled) as raised:
        render_certificates([service()] * 5, progress=progress, cancel=token)
    assert isinstance(raised.value, Cancelled)  # what the task helper reports as cancelled
    assert seen == [1, 2]


def test_an_empty_field_takes_its_label_and_punctuation_with_it(pdf) -> None:
    """A volunteer without an ID number: no "（：，志愿者编号：…）" on the paper."""
    text = pdf(render_certificate(service(name="冯荣健", id_type="", id_number_masked=""))).flat()
    assert "兹证明冯荣健（志愿者编号：V33010220240007）于" in text
    assert "（：" not in text and "：，" not in text
    text = pdf(render_certificate(service(name="冯荣健", volunteer_number=""))).flat()
    assert f"兹证明冯荣健（居民身份证：{MASKED_ID}）于" in text
    assert "志愿者编号" not in text
    text = pdf(
        render_certificate(
            service(name="冯荣健", id_type="", id_number_masked="", volunteer_number="")
        )
    ).flat()
    assert "兹证明冯荣健于" in text and "（）" not in text
    text = pdf(render_certificate(service(contact_phone=""))).flat()
    assert "联系电话" not in text
    text = pdf(render_certificate(star(volunteer_number=""))).flat()
    assert "欧阳建国同志：" in text and "志愿者编号" not in text
    text = pdf(render_certificate(activity(hours=None))).flat()
    assert "服务时长" not in text and "）（活动地点" not in text
