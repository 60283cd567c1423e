"""Notice-board lists of the points system: 积分榜, 红黑榜 and the period 公示.

All three are report flows (``report.py``) over the same ranking table.  Names
arrive already masked where the station's privacy setting asks for it (the
printing layer never sees a full ID number or phone); the 公示 carries a note
saying personal data is masked, as 《个人信息保护法》 practice expects of a
notice board.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.printing.report import (
    Block,
    Paragraph,
    ReportColumn,
    Section,
    SignOff,
    Spacer,
    render_report,
)
from app.printing.text import display_value, format_date

__all__ = [
    "PRIVACY_NOTE",
    "RANK_COLUMNS",
    "RankRow",
    "rank_table",
    "render_public_notice",
    "render_ranking",
    "render_red_black",
]

PRIVACY_NOTE = (
    "注：为保护个人信息，名单中的姓名、身份证号码、联系电话等个人信息已作脱敏处理，仅用于本次公示。"
)


@dataclass(frozen=True, slots=True)
class RankRow:
    """One household on a list; ``head_name`` is printed as given (mask it first)."""

    rank: int
    household_number: str
    head_name: str
    group: str
    points: int | float
    remark: str = ""  # e.g. the 扣分事由 on a 黑榜


RANK_COLUMNS: tuple[ReportColumn, ...] = (
    ReportColumn("名次", 14, "center"),
    ReportColumn("户号", 30, "center"),
    ReportColumn("户主", "*", wrap=True),
    ReportColumn("村民小组", 34, "center", wrap=True),
    ReportColumn("积分", 24, "right"),
)
_REMARK = ReportColumn("备注", 46, wrap=True)


def rank_table(rows: Sequence[RankRow]) -> tuple[tuple[ReportColumn, ...], list[list[Any]]]:
    """Columns and cells of a ranking table (a 备注 column only when a row has one)."""
    with_remark = any(r.remark for r in rows)
    columns = (*RANK_COLUMNS, _REMARK) if with_remark else RANK_COLUMNS
    cells: list[list[Any]] = []
    for r in rows:
        row: list[Any] = [r.rank, r.household_number, r.head_name, r.group, display_value(r.points)]
        if with_remark:
            row.append(r.remark)
        cells.append(row)
    return columns, cells


def _subtitle(station_name: str, period_label: str) -> str:
    return "　".join(p for p in (station_name, period_label) if p)


def render_ranking(
    title: str,
    station_name: str,
    period_label: str,
    rows: Sequence[RankRow],
    generated_at: date | datetime,
    note: str = "",
) -> bytes:
    """积分榜: the whole ranking as a paginated A4 table (header repeated on each page)."""
    columns, cells = rank_table(rows)
    blocks: list[Block] = [Section(columns, cells)]
    if note:
        blocks.append(Paragraph(note, size=9.5, color="#444444"))
    return render_report(
        title,
        blocks,
        station_name=station_name,
        subtitle=_subtitle(station_name, period_label),
        generated_at=generated_at,
    )


def render_red_black(
    title: str,
    station_name: str,
    period_label: str,
    red_rows: Sequence[RankRow],
    black_rows: Sequence[RankRow],
    generated_at: date | datetime,
    note: str = "",
    *,
    red_label: str = "红　榜",
    black_label: str = "黑　榜",
    issuer: str = "",
) -> bytes:
    """红黑榜: a 红榜 section under a red heading, then a 黑榜 section under a dark one."""
    red_cols, red_cells = rank_table(red_rows)
    black_cols, black_cells = rank_table(black_rows)
    blocks: list[Block] = [
        Section(red_cols, red_cells, heading=red_label, heading_color="#C00000"),
        Spacer(4),
        Section(black_cols, black_cells, heading=black_label, heading_color="#222222"),
    ]
    if note:
        blocks.append(Paragraph(note, size=9.5, color="#444444"))
    blocks.append(SignOff([issuer or station_name, format_date(generated_at)]))
    return render_report(
        title,
        blocks,
        station_name=station_name,
        subtitle=period_label,
        generated_at=generated_at,
        title_color="#C00000",
    )


def render_public_notice(
    title: str,
    station_name: str,
    period_label: str,
    rows: Sequence[RankRow] | Sequence[Sequence[Any]],
    generated_at: date | datetime,
    *,
    notice_start: date,
    notice_end: date,
    contact_name: str,
    contact_phone: str,
    intro: str = "",
    columns: Sequence[ReportColumn] | None = None,
    issuer: str = "",
    note: str = PRIVACY_NOTE,
) -> bytes:
    """公示: intro with the 公示期 and whom to tell of an objection, the list, the privacy note.

    ``rows`` are ``RankRow``s (period standings) unless ``columns`` is given, in
    which case they are plain cells (e.g. the 公示 list of issued certificates).
    """
    if columns is None:
        cols, cells = rank_table(rows)  # type: ignore[arg-type]
    else:
        cols, cells = tuple(columns), [list(r) for r in rows]  # type: ignore[arg-type]
    days = (notice_end - notice_start).days + 1
    if not intro:
        intro = f"现将{station_name}{period_label}积分情况予以公示。"
    objection = (
        f"公示期：{format_date(notice_start)}至{format_date(notice_end)}（共 {days} 天）。"
        f"公示期间如有异议，请向{contact_name}反映（联系电话：{contact_phone}），"
        "逾期未提出异议的视为无异议。"
    )
    blocks: list[Block] = [
        Paragraph(intro, size=12, indent=2, leading=1.8),
        Paragraph(objection, size=12, indent=2, leading=1.8),
        Spacer(3),
        Section(cols, cells),
        Paragraph(note, size=9.5, color="#444444"),
        SignOff([issuer or station_name, format_date(generated_at)]),
    ]
    return render_report(
        title,
        blocks,
        station_name=station_name,
        subtitle=period_label,
        generated_at=generated_at,
    )
