"""积分榜, 红黑榜, 公示 and the generic table report: pages, headers, footers, privacy note."""

from __future__ import annotations

from datetime import date

from app.printing.rankings import (
    PRIVACY_NOTE,
    RankRow,
    render_public_notice,
    render_ranking,
    render_red_black,
)
from app.printing.report import ReportColumn, render_table_report
from tests.printing.conftest import NOW, assert_font_embedded, needs_poppler

pytestmark = needs_poppler
STATION = "东风村新时代文明实践站"


def rows(n: int) -> list[RankRow]:
    return [
        RankRow(
            i + 1,
            f"DF-{i // 400 + 1:02d}-{i % 400 + 1:03d}",
            f"王*{'明' if i % 2 else '英'}",
            f"第{i % 12 + 1}村民小组",
            500 - i // 10,
        )
        for i in range(n)
    ]


def test_ranking_paginates_with_repeated_header_and_numbered_footer(pdf) -> None:
    doc = pdf(
        render_ranking(
            "2024年度家庭积分榜",
            STATION,
            "2024年1月—12月",
            rows(300),
            NOW,
            note="积分相同者按户号排序。",
        )
    )
    pages = doc.pages
    assert pages >= 5
    for page in (1, pages):
        text = doc.flat(page=page)
        assert "名次" in text and "户主" in text and "村民小组" in text  # header on every page
        assert f"第{page}页/共{pages}页" in text
        assert STATION in text and "2025年3月8日" in text
    first = doc.flat(page=1)
    assert "2024年度家庭积分榜" in first and "2024年1月—12月" in first
    assert "（续）" in doc.flat(page=2)
    last = doc.flat(page=pages)
    assert "DF-01-300" in last and "积分相同者按户号排序" in last
    full = doc.flat()
    assert all(f"DF-01-{i:03d}" in full for i in range(1, 301))
    assert_font_embedded(doc)


def test_long_names_wrap_inside_their_cells(pdf) -> None:
    long = RankRow(
        1, "DF-01-001", "欧阳*慧（户主名称特别长的测试用例）", "第十二村民小组（新区安置点）", 488
    )
    text = pdf(render_ranking("积分榜", STATION, "2024年", [long], NOW)).flat()
    assert "欧阳*慧（户主名称特别长的测试用例）" in text
    assert "第十二村民小组（新区安置点）" in text


def test_red_black_has_two_sections_and_remarks(pdf) -> None:
    black = [RankRow(1, "DF-02-010", "周*德", "第3村民小组", 20, remark="大操大办婚宴")]
    doc = pdf(
        render_red_black(
            "2024年度积分红黑榜", STATION, "2024年度", rows(10), black, date(2025, 1, 5)
        )
    )
    lines = ["".join(line.split()) for line in doc.text(layout=True).splitlines()]
    assert lines.index("红榜") < lines.index("黑榜")
    text = doc.flat()
    assert text.index("DF-01-010") < text.index("DF-02-010")
    assert "周*德" in text and "大操大办婚宴" in text and "备注" in text
    assert text.count("名次") == 2


def test_empty_black_list_says_so(pdf) -> None:
    text = pdf(render_red_black("红黑榜", STATION, "2024年度", rows(3), [], NOW)).flat()
    assert "黑榜" in text and "（无）" in text


def test_public_notice_has_period_contact_and_privacy_note(pdf) -> None:
    doc = pdf(
        render_public_notice(
            "东风村2024年第四季度家庭积分公示",
            STATION,
            "2024年第四季度",
            rows(40),
            date(2025, 1, 5),
            notice_start=date(2025, 1, 6),
            notice_end=date(2025, 1, 12),
            contact_name="李秀英",
            contact_phone="0571-8888 6666",
        )
    )
    text = doc.flat()
    assert "公示期：2025年1月6日至2025年1月12日（共7天）" in text
    assert "李秀英" in text and "0571-88886666" in text
    assert PRIVACY_NOTE.replace(" ", "") in text
    assert "DF-01-040" in text


def test_public_notice_of_certificates_with_own_columns(pdf) -> None:
    cols = [
        ReportColumn("证明编号", 50),
        ReportColumn("姓名", 24),
        ReportColumn("时长", 20, "right"),
        ReportColumn("出具日期", "*"),
    ]
    cells = [["东风站证〔2025〕第0012号", "欧*国", 17, date(2025, 1, 8)]]
    text = pdf(
        render_public_notice(
            "志愿服务记录证明出具情况公示",
            STATION,
            "2025年1月",
            cells,
            date(2025, 1, 9),
            notice_start=date(2025, 1, 9),
            notice_end=date(2025, 1, 15),
            contact_name="李秀英",
            contact_phone="0571-88886666",
            columns=cols,
            intro="现将本站近期出具的志愿服务记录证明公示如下。",
        )
    ).flat()
    assert (
        "东风站证〔2025〕第0012号" in text and "2025年1月8日" in text and "现将本站近期出具" in text
    )


def test_generic_table_report(pdf) -> None:
    cols = [
        ReportColumn("编号", 30),
        ReportColumn("姓名", 24),
        ReportColumn("服务队", "*", wrap=True),
        ReportColumn("时长", 20, "right"),
    ]
    cells = [
        [f"V{i:05d}", "张*", "理论宣讲志愿服务队、文化文艺志愿服务队", i * 1.5] for i in range(120)
    ]
    doc = pdf(
        render_table_report(
            "志愿者名册", cols, cells, station_name=STATION, generated_at=NOW, landscape_page=True
        )
    )
    assert doc.pages >= 2
    w, h = doc.page_size_mm()
    assert w > h
    text = doc.flat()
    assert "V00119" in text and "178.5" in text
